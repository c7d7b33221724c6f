/* serve.c: prongsai serve, the editors' preview: builds the site into a private folder, serves it over HTTP (libmicrohttpd), rebuilds on change, reloads open pages and shows content errors in them. */
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "extern.h"

/* The preview's own addresses, outside any site: no slug starts with a dot. */
#define EVENTS_PATH	"/.prongsai/events"
/* A comment line to every live-reload client this often, so closed tabs are noticed. */
#define HEARTBEAT_S	15
/* Diagnostics in the overlay at most; the terminal has them all. */
#define OVERLAY_MAX	50
/* Builds remembered, for the pages that were loaded before them. */
#define RING		64

/* Content types by file name ending; the first match wins. */
static const struct mime {
	const char	*end;
	const char	*type;
} mimes[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ "/feed.xml", "application/rss+xml; charset=utf-8" },
	{ ".xml", "application/xml; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".csv", "text/csv; charset=utf-8" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".jpeg", "image/jpeg" },
	{ ".gif", "image/gif" },
	{ ".webp", "image/webp" },
	{ ".ico", "image/vnd.microsoft.icon" },
	{ ".pdf", "application/pdf" },
	{ ".doc", "application/msword" },
	{ ".docx", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document" },
	{ ".xls", "application/vnd.ms-excel" },
	{ ".xlsx", "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet" },
	{ ".zip", "application/zip" },
	{ ".woff2", "font/woff2" },
	{ NULL, "application/octet-stream" }
};

/* One live-reload client, from its request until its response is freed. */
struct client {
	struct server		*sv;
	struct MHD_Connection	*c;
	unsigned long		 gen;		/* the build its page shows */
	char			*page;		/* its page's file, "/2566/index.html", or NULL */
	unsigned long		 beat;		/* the last heartbeat it got */
	int			 hello;		/* the first bytes were sent */
	int			 suspended;
	struct client		*next;
};

/* What one build changed: the files of its pages, or all of them. */
struct event {
	unsigned long	 gen;
	int		 all;
	char		**files;	/* "2566/index.html" */
	size_t		 filesz;
};

/* What the request handlers share with the main thread, under lock. */
struct server {
	pthread_mutex_t	 lock;
	char		*site;		/* the built site's folder */
	char		*base;		/* the path of base_url: "/ita/" */
	int		 built;		/* site holds a good build */
	unsigned long	 gen;		/* counts builds and overlay changes */
	unsigned long	 beat;		/* counts heartbeats */
	int		 stopping;
	char		*overlay;	/* HTML of the errors, or NULL */
	struct client	*clients;
	size_t		 clientsz;
	struct event	 ring[RING];	/* build gen is ring[gen % RING] */
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * MHD would decode %XX in the path before the handler sees it, and then
 * %2F would be a slash; the handler decodes it itself (path_decode()).
 */
static size_t
unescape_none(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/*
 * Decode the raw request path into *out (a new string).  Returns 0, or
 * the status to answer: 400 for what no site path can be (a bad %
 * escape, an encoded slash or backslash, a NUL or control byte, a
 * backslash, bytes that are not UTF-8 or are an overlong form, a "." or
 * ".." part), 404 for an empty part or a hidden name.
 */
static int
path_decode(const char *raw, char **out)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*p, *seg;
	size_t		 bad, n;
	int		 hi, lo, ch;

	*out = NULL;
	if (raw[0] != '/')
		return 400;
	for (p = raw; *p != '\0'; p++) {
		ch = (unsigned char)*p;
		if (ch == '%') {
			if ((hi = hexval(p[1])) < 0 || (lo = hexval(p[2])) < 0)
				goto bad;
			ch = hi * 16 + lo;
			p += 2;
			if (ch == '/' || ch == '\\')
				goto bad;
		}
		if (ch < 0x20 || ch == 0x7f || ch == '\\')
			goto bad;
		buf_addn(&b, (const char *)&(char){ (char)ch }, 1);
	}
	if (!utf8_valid(b.s, b.len, &bad))
		goto bad;
	for (seg = b.s + 1; *seg != '\0'; seg += n + (seg[n] == '/')) {
		n = strcspn(seg, "/");
		if ((n == 1 && seg[0] == '.') ||
		    (n == 2 && seg[0] == '.' && seg[1] == '.'))
			goto bad;
		if (n == 0 || seg[0] == '.') {
			free(b.s);
			return 404;
		}
	}
	*out = b.s;
	return 0;
bad:
	free(b.s);
	return 400;
}

static const char *
mime_of(const char *path)
{
	const struct mime	*m;
	size_t			 n = strlen(path), k;

	for (m = mimes; m->end != NULL; m++)
		if ((k = strlen(m->end)) <= n &&
		    strcmp(path + n - k, m->end) == 0)
			break;
	return m->type;
}

/* Headers every answer carries: a preview is never to be cached. */
static void
headers(struct MHD_Response *r, const char *type)
{
	if (type != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
}

static enum MHD_Result
answer(struct MHD_Connection *c, unsigned status, struct MHD_Response *r)
{
	enum MHD_Result	 ret;

	if (r == NULL)
		return MHD_NO;
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* A short text answer: errors, redirects. */
static enum MHD_Result
answer_text(struct MHD_Connection *c, unsigned status, const char *text,
    const char *location)
{
	struct MHD_Response	*r;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	headers(r, "text/plain; charset=utf-8");
	if (location != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, location);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	return answer(c, status, r);
}

/*
 * The page html (len bytes, owned) with the preview's part before its
 * last </body>: the errors' overlay, if any, and the script that
 * reloads it once the build after generation gen is in place.
 */
static char *
inject(struct server *sv, const char *file, char *html, size_t len,
    size_t *outlen)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*end = NULL, *p;
	char		*tail, hex[8];
	unsigned long	 gen;

	for (p = html; (p = strstr(p, "</body>")) != NULL; p++)
		end = p;
	if (end == NULL)
		end = html + len;
	buf_addn(&b, html, (size_t)(end - html));
	pthread_mutex_lock(&sv->lock);
	gen = sv->gen;
	if (sv->overlay != NULL)
		buf_add(&b, sv->overlay);
	pthread_mutex_unlock(&sv->lock);
	tail = xasprintf("<script>(function(){var s=new EventSource("
	    "\"" EVENTS_PATH "?gen=%lu&page=\"+encodeURIComponent(\"/", gen);
	buf_add(&b, tail);
	free(tail);
	/* The file's name as a script string: the build's own characters. */
	for (p = file; *p != '\0'; p++)
		if ((unsigned char)*p < 0x80 && strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-", *p) == NULL) {
			snprintf(hex, sizeof(hex), "\\u%04x", (unsigned char)*p);
			buf_add(&b, hex);
		} else
			buf_addn(&b, p, 1);
	buf_add(&b, "\"));s.addEventListener(\"reload\",function(){"
	    "s.close();location.reload();});})();</script>\n");
	buf_addn(&b, end, len - (size_t)(end - html));
	free(html);
	*outlen = b.len;
	return b.s;
}

/* Answer with the HTML page at path (injected), as status. */
static enum MHD_Result
answer_page(struct server *sv, struct MHD_Connection *c, unsigned status,
    const char *file, char *html, size_t len)
{
	struct MHD_Response	*r;
	size_t			 n;

	html = inject(sv, file, html, len, &n);
	r = MHD_create_response_from_buffer(n, html, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(html);
		return MHD_NO;
	}
	headers(r, mimes[0].type);
	return answer(c, status, r);
}

/* A page for when there is no good build to show: only the overlay. */
static enum MHD_Result
answer_nosite(struct server *sv, struct MHD_Connection *c)
{
	char	*html;

	html = xasprintf("<!DOCTYPE html>\n<html lang=\"th\"><head><meta "
	    "charset=\"utf-8\"><title>%s</title></head><body>"
	    "</body></html>\n", _("Prongsai preview"));
	return answer_page(sv, c, MHD_HTTP_SERVICE_UNAVAILABLE, "", html,
	    strlen(html));
}

/* The site's 404.html, or a word, as a 404. */
static enum MHD_Result
answer_missing(struct server *sv, struct MHD_Connection *c)
{
	char	*path, *html;
	size_t	 len;

	path = path_join(sv->site, "404.html");
	html = file_read(path, &len);
	free(path);
	if (html == NULL)
		return answer_text(c, MHD_HTTP_NOT_FOUND, "404\n", NULL);
	return answer_page(sv, c, MHD_HTTP_NOT_FOUND, "404.html", html, len);
}

/*
 * Answer with the file rel of the built site, where rel has no "." or
 * ".." part and no empty one (path_decode()), and the folder holds
 * only what the build wrote (no links): nothing outside it is read.
 */
static enum MHD_Result
answer_file(struct server *sv, struct MHD_Connection *c, const char *raw,
    const char *rel)
{
	struct MHD_Response	*r;
	struct stat		 st;
	enum MHD_Result		 ret;
	char			*path, *index, *html, *loc;
	size_t			 n = strlen(rel);
	int			 fd;
	ssize_t			 got;

	path = n == 0 ? xstrdup(sv->site) : path_join(sv->site, rel);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd != -1 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		fd = -1;
		if (n > 0 && rel[n - 1] != '/') {
			free(path);
			loc = xasprintf("%s/", raw);
			r = MHD_create_response_from_buffer(0, NULL,
			    MHD_RESPMEM_PERSISTENT);
			if (r != NULL) {
				headers(r, NULL);
				MHD_add_response_header(r,
				    MHD_HTTP_HEADER_LOCATION, loc);
			}
			free(loc);
			return answer(c, MHD_HTTP_MOVED_PERMANENTLY, r);
		}
		index = path_join(path, "index.html");
		free(path);
		path = index;
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	}
	if (fd == -1 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd != -1)
			close(fd);
		free(path);
		return answer_missing(sv, c);
	}
	if (strcmp(mime_of(path), mimes[0].type) == 0) {
		html = xmalloc((size_t)st.st_size + 1);
		got = read(fd, html, (size_t)st.st_size);
		close(fd);
		if (got >= 0)
			html[got] = '\0';
		if (got != (ssize_t)st.st_size) {
			free(path);
			free(html);
			return answer_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR,
			    "read error\n", NULL);
		}
		ret = answer_page(sv, c, MHD_HTTP_OK, path + strlen(sv->site) +
		    1, html, (size_t)got);
		free(path);
		return ret;
	}
	r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (r == NULL) {
		close(fd);
		free(path);
		return MHD_NO;
	}
	headers(r, mime_of(path));
	free(path);
	return answer(c, MHD_HTTP_OK, r);
}

/*
 * A query value with its %XX escapes decoded, as a new string; NULL if
 * an escape is bad or is a NUL.
 */
static char *
arg_decode(const char *v)
{
	struct buf	 b = { NULL, 0, 0 };
	int		 hi, lo;
	char		 ch;

	buf_add(&b, "");
	for (; *v != '\0'; v++) {
		ch = *v;
		if (ch == '%') {
			if ((hi = hexval(v[1])) < 0 || (lo = hexval(v[2])) < 0 ||
			    (hi | lo) == 0) {
				free(b.s);
				return NULL;
			}
			ch = (char)(hi * 16 + lo);
			v += 2;
		}
		buf_addn(&b, &ch, 1);
	}
	return b.s;
}

/* Did a build since the client's page was served change it? */
static int
event_shows(const struct server *sv, const struct client *cl)
{
	const struct event	*e;
	unsigned long		 g;
	size_t			 i;

	for (g = cl->gen + 1; g <= sv->gen; g++) {
		e = &sv->ring[g % RING];
		if (e->gen != g || e->all || cl->page == NULL)
			return 1;
		for (i = 0; i < e->filesz; i++)
			if (strcmp(e->files[i], cl->page + 1) == 0)
				return 1;
	}
	return 0;
}

/*
 * The live-reload stream: a "reload" event when a build newer than the
 * client's page is in place, a comment line at each heartbeat, and
 * otherwise the connection is suspended (no busy loop, no thread).
 */
static ssize_t
events_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct client	*cl = cls;
	struct server	*sv = cl->sv;
	int		 n = 0, reload = 0;

	(void)pos;
	if (max < 64)
		return 0;
	pthread_mutex_lock(&sv->lock);
	/* The builds since the last call are looked at once, after the hello. */
	if (cl->hello) {
		reload = cl->gen != sv->gen && event_shows(sv, cl);
		cl->gen = sv->gen;
	}
	if (!cl->hello) {
		cl->hello = 1;
		n = snprintf(buf, max, "retry: 1000\n: prongsai\n\n");
	} else if (reload) {
		n = snprintf(buf, max, "event: reload\ndata: %lu\n\n", cl->gen);
	} else if (cl->beat != sv->beat) {
		cl->beat = sv->beat;
		n = snprintf(buf, max, ": heartbeat\n\n");
	} else if (sv->stopping) {
		pthread_mutex_unlock(&sv->lock);
		return MHD_CONTENT_READER_END_OF_STREAM;
	} else {
		cl->suspended = 1;
		MHD_suspend_connection(cl->c);
	}
	pthread_mutex_unlock(&sv->lock);
	return n;
}

/* The stream's response is done with: the client is gone. */
static void
events_free(void *cls)
{
	struct client	*cl = cls, **pp;
	struct server	*sv = cl->sv;

	pthread_mutex_lock(&sv->lock);
	for (pp = &sv->clients; *pp != NULL; pp = &(*pp)->next)
		if (*pp == cl) {
			*pp = cl->next;
			sv->clientsz--;
			break;
		}
	pthread_mutex_unlock(&sv->lock);
	free(cl->page);
	free(cl);
}

static enum MHD_Result
answer_events(struct server *sv, struct MHD_Connection *c)
{
	struct MHD_Response	*r;
	struct client		*cl;
	const char		*g, *p;
	char			*end, *page;
	unsigned long		 gen;

	cl = xcalloc(1, sizeof(*cl));
	cl->sv = sv;
	cl->c = c;
	g = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "gen");
	p = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "page");
	/* Without its page, or a page that cannot be, it reloads at every build. */
	if (p != NULL && (page = arg_decode(p)) != NULL) {
		if (path_decode(page, &cl->page) != 0)
			cl->page = NULL;
		free(page);
	}
	pthread_mutex_lock(&sv->lock);
	cl->beat = sv->beat;
	/*
	 * The builds after the one the page was served from are looked at;
	 * a page from another run of the server reloads at once.
	 */
	cl->gen = sv->gen;
	if (g != NULL) {
		gen = strtoul(g, &end, 10);
		cl->gen = *end == '\0' && gen <= sv->gen ? gen : sv->gen - 1;
	}
	cl->next = sv->clients;
	sv->clients = cl;
	sv->clientsz++;
	pthread_mutex_unlock(&sv->lock);
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024,
	    events_read, cl, events_free);
	if (r == NULL) {
		events_free(cl);
		return MHD_NO;
	}
	headers(r, "text/event-stream; charset=utf-8");
	return answer(c, MHD_HTTP_OK, r);
}

/* libmicrohttpd's handler of every request. */
static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *uploadsz, void **state)
{
	struct server	*sv = cls;
	enum MHD_Result	 ret;
	char		*path;
	size_t		 n;
	int		 st, built;

	(void)version;
	(void)upload;
	(void)state;
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return answer_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "405 method not allowed: GET and HEAD only\n", NULL);
	if (*uploadsz != 0)
		return answer_text(c, MHD_HTTP_BAD_REQUEST,
		    "400 no body expected\n", NULL);
	if (strcmp(url, EVENTS_PATH) == 0)
		return answer_events(sv, c);
	if ((st = path_decode(url, &path)) == 400)
		return answer_text(c, MHD_HTTP_BAD_REQUEST,
		    "400 bad path\n", NULL);
	if (st != 0)
		return answer_missing(sv, c);
	pthread_mutex_lock(&sv->lock);
	built = sv->built;
	pthread_mutex_unlock(&sv->lock);
	n = strlen(sv->base);
	if (strcmp(path, "/") == 0 && n > 1)
		ret = answer_text(c, MHD_HTTP_FOUND, "302\n", sv->base);
	else if (strlen(path) + 1 == n && strncmp(path, sv->base, n - 1) == 0)
		ret = answer_text(c, MHD_HTTP_MOVED_PERMANENTLY, "301\n",
		    sv->base);
	else if (strncmp(path, sv->base, n) != 0)
		ret = built ? answer_missing(sv, c) :
		    answer_text(c, MHD_HTTP_NOT_FOUND, "404\n", NULL);
	else if (!built)
		ret = answer_nosite(sv, c);
	else
		ret = answer_file(sv, c, url, path + n);
	free(path);
	return ret;
}

/*
 * Wake every suspended live-reload client (a build or heartbeat to
 * tell).  A suspended connection is never closed by libmicrohttpd, so
 * it can be resumed after the lock is let go.
 */
static void
clients_wake(struct server *sv)
{
	struct MHD_Connection	**v;
	struct client		 *cl;
	size_t			  i, n = 0;

	pthread_mutex_lock(&sv->lock);
	v = xcalloc(sv->clientsz + 1, sizeof(*v));
	for (cl = sv->clients; cl != NULL; cl = cl->next)
		if (cl->suspended) {
			cl->suspended = 0;
			v[n++] = cl->c;
		}
	pthread_mutex_unlock(&sv->lock);
	for (i = 0; i < n; i++)
		MHD_resume_connection(v[i]);
	free(v);
}

/* The line of file at line (1-based), as a new string, or NULL. */
static char *
line_of(const char *file, unsigned line)
{
	char	*buf, *p, *end, *r = NULL;
	size_t	 len;

	if (line == 0 || (buf = file_read(file, &len)) == NULL)
		return NULL;
	for (p = buf; --line > 0 && (p = strchr(p, '\n')) != NULL; p++)
		continue;
	if (p != NULL) {
		end = p + strcspn(p, "\r\n");
		r = xstrndup(p, (size_t)(end - p));
	}
	free(buf);
	return r;
}

/*
 * The overlay of the errors in d for every page served, or NULL when
 * there are none: where, what, and the line of the file.
 */
static char *
overlay_html(const struct diags *d)
{
	struct buf		 b = { NULL, 0, 0 };
	const struct diag	*p;
	char			*s, *line;
	size_t			 i, shown = 0;

	if (d->errors == 0)
		return NULL;
	buf_add(&b, "<section id=\"prongsai-errors\" role=\"alert\" "
	    "aria-labelledby=\"prongsai-errors-h\" style=\""
	    "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;"
	    "max-height:70vh;overflow:auto;margin:0;padding:1em;"
	    "background:#fff;color:#111;border-top:0.4em solid #b00020;"
	    "font:16px/1.5 sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.3)\">"
	    "<h2 id=\"prongsai-errors-h\" style=\"margin:0 0 .5em;"
	    "color:#b00020;font-size:1.2em\">");
	s = xasprintf(_("The content has %zu error(s): this page shows the "
	    "last good build until they are fixed"), d->errors);
	escape_markup(&b, s, 0);
	free(s);
	buf_add(&b, "</h2><ol style=\"margin:0;padding-left:1.5em\">");
	for (i = 0; i < d->sz && shown < OVERLAY_MAX; i++) {
		p = &d->list[i];
		if (p->sev != SEV_ERROR)
			continue;
		shown++;
		buf_add(&b, "<li style=\"margin-bottom:.75em\"><code>");
		s = p->line ? xasprintf("%s:%u:%u", p->file, p->line,
		    p->col ? p->col : 1) : xstrdup(p->file);
		escape_markup(&b, s, 0);
		free(s);
		buf_add(&b, "</code>: ");
		escape_markup(&b, p->msg, 0);
		if ((line = line_of(p->file, p->line)) != NULL) {
			buf_add(&b, "<pre style=\"margin:.25em 0 0;padding:"
			    ".25em .5em;background:#fdecee;white-space:"
			    "pre-wrap;overflow-wrap:anywhere\">");
			s = xasprintf("%u | ", p->line);
			escape_markup(&b, s, 0);
			free(s);
			escape_markup(&b, line, 0);
			buf_add(&b, "</pre>");
			free(line);
		}
		buf_add(&b, "</li>");
	}
	buf_add(&b, "</ol></section>\n");
	return b.s;
}

/*
 * The folders besides content/ whose files make the site: every themes/
 * and framework/ folder where Prongsai looks for them.
 */
static char **
watched_dirs(const char *source, size_t *sz)
{
	char		**dd, **v = NULL, *p;
	struct stat	 st;
	size_t		 i, k;
	static const char *const subs[] = { "themes", "framework" };

	*sz = 0;
	dd = data_dirs(source);
	for (i = 0; dd[i] != NULL; i++)
		for (k = 0; k < 2; k++) {
			p = path_join(dd[i], subs[k]);
			if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
				v = xgrow(v, *sz, sizeof(*v));
				v[(*sz)++] = p;
			} else
				free(p);
		}
	data_dirs_free(dd);
	return v;
}

/* Is addr a loopback address (127.0.0.0/8, ::1)? */
static int
loopback(const struct sockaddr_storage *ss)
{
	const struct sockaddr_in	*in = (const void *)ss;
	const struct sockaddr_in6	*in6 = (const void *)ss;

	if (ss->ss_family == AF_INET)
		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
}

/* The path of base_url ("/ita/"), a new string; "/" if there is none. */
static char *
base_path(const struct site *s)
{
	const char	*u = s->cfg.base_url, *p;

	if (u == NULL || (p = strstr(u, "://")) == NULL ||
	    (p = strchr(p + 3, '/')) == NULL)
		return xstrdup("/");
	return xstrdup(p);
}

/* Let the live-reload clients have all the files they need. */
static void
files_raise(void)
{
	struct rlimit	 rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/*
 * After a build or update of b that returned rc: tell the terminal, set
 * the overlay and wake the pages (only now: the build is in place).
 */
/* A build is in place that changed files (or everything, all). */
static void
event_add(struct server *sv, char *const *files, size_t n, int all)
{
	struct event	*e;
	size_t		 i;

	pthread_mutex_lock(&sv->lock);
	e = &sv->ring[++sv->gen % RING];
	for (i = 0; i < e->filesz; i++)
		free(e->files[i]);
	free(e->files);
	e->gen = sv->gen;
	e->all = all;
	e->files = xcalloc(n + 1, sizeof(*e->files));
	for (i = 0; i < n; i++)
		e->files[i] = xstrdup(files[i]);
	e->filesz = n;
	pthread_mutex_unlock(&sv->lock);
	clients_wake(sv);
}

/* build_update()'s word that pages are in place. */
static void
pages_done(void *arg, char *const *files, size_t n)
{
	if (n > 0)
		event_add(arg, files, n, 0);
}

static void
after_build(struct server *sv, const struct build *b, enum exitcode rc,
    double t0, int all)
{
	const struct diags	*d = build_diags(b);
	char			*ov;

	diag_print(d, stderr);
	ov = rc == EXIT_CONTENT ? overlay_html(d) : NULL;
	if (rc == EXIT_FINE)
		printf(_("rebuilt in %.0f ms: %zu pages rendered\n"),
		    (now() - t0) * 1000, build_rendered(b));
	else if (rc == EXIT_CONTENT)
		fprintf(stderr, _("%zu error(s): the preview shows the last "
		    "good build and the errors\n"), d->errors);
	fflush(stdout);
	pthread_mutex_lock(&sv->lock);
	if (rc == EXIT_FINE)
		sv->built = 1;
	/* The errors came, went or changed: every page shows them. */
	if (ov != NULL || sv->overlay != NULL)
		all = 1;
	free(sv->overlay);
	sv->overlay = ov;
	pthread_mutex_unlock(&sv->lock);
	if (all)
		event_add(sv, NULL, 0, 1);
}

/*
 * prongsai serve: build the site at source into a private folder, serve
 * it at bind:port (loopback unless bind says otherwise), and rebuild it
 * when its files change (inotify, or modification times if poll) until
 * SIGINT or SIGTERM.  Returns an exit code: EXIT_FINE after a signal.
 */
int
serve_run(const char *source, const char *bind, const char *port,
    int drafts, int poll, int jobs)
{
	struct server		 sv;
	struct sockaddr_storage	 ss;
	struct sockaddr_in	*in = (void *)&ss;
	struct sockaddr_in6	*in6 = (void *)&ss;
	struct MHD_Daemon	*d = NULL;
	const union MHD_DaemonInfo *info;
	struct build		*b = NULL, *nb;
	struct watch		*w = NULL;
	enum exitcode		 rc = EXIT_FINE, brc;
	char			*tmp = NULL, **dirs, **rels, *end;
	const char		*tmpdir;
	size_t			 dirsz, relsz, i;
	long			 pn;
	int			 full, broken, beat_s;
	double			 t0, beat_at;
	sigset_t		 sigs, oldsigs;

	memset(&sv, 0, sizeof(sv));
	memset(&ss, 0, sizeof(ss));
	pthread_mutex_init(&sv.lock, NULL);
	pn = port == NULL ? 8080 : strtol(port, &end, 10);
	if (port != NULL && (*port == '\0' || *end != '\0' || pn < 0 ||
	    pn > 65535)) {
		fprintf(stderr, _("prongsai: --port wants a number from 0 to "
		    "65535\n"));
		rc = EXIT_USAGE;
		goto out;
	}
	if (bind == NULL)
		bind = "127.0.0.1";
	if (inet_pton(AF_INET, bind, &in->sin_addr) == 1) {
		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t)pn);
	} else if (inet_pton(AF_INET6, bind, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)pn);
	} else {
		fprintf(stderr, _("prongsai: --bind wants an IP address such "
		    "as 127.0.0.1 or ::1, not '%s'\n"), bind);
		rc = EXIT_USAGE;
		goto out;
	}
	if (!loopback(&ss))
		fprintf(stderr, _("prongsai: warning: --bind %s: the preview "
		    "can be seen by every computer that can reach this "
		    "address, drafts and errors included\n"), bind);
	/* In memory where there is a tmpfs for it, unless TMPDIR says where. */
	if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
		tmpdir = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" :
		    "/tmp";
	tmp = xasprintf("%s/prongsai-serve.XXXXXX", tmpdir);
	if (mkdtemp(tmp) == NULL) {
		fprintf(stderr, _("prongsai: cannot create a folder in %s: "
		    "%s\n"), tmpdir, strerror(errno));
		free(tmp);
		tmp = NULL;
		rc = EXIT_SYSTEM;
		goto out;
	}
	sv.site = path_join(tmp, "site");
	t0 = now();
	b = build_open(source, drafts, jobs);
	brc = build_full(b, sv.site);
	if (brc == EXIT_SYSTEM || brc == EXIT_USAGE) {
		diag_print(build_diags(b), stderr);
		rc = brc;
		goto out;
	}
	sv.base = base_path(build_site(b));
	broken = brc != EXIT_FINE;
	after_build(&sv, b, brc, t0, 1);
	files_raise();
	/* The signals are for this thread, whose poll() they cut short. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, &oldsigs);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_ALLOW_SUSPEND_RESUME | (ss.ss_family == AF_INET6 ?
	    MHD_USE_IPv6 : 0), (uint16_t)pn, NULL, NULL, handle, &sv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape_none, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)4000,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
	    MHD_OPTION_END);
	pthread_sigmask(SIG_SETMASK, &oldsigs, NULL);
	if (d == NULL) {
		fprintf(stderr, _("prongsai: cannot serve at %s port %ld "
		    "(is another program using the port? try --port)\n"),
		    bind, pn);
		rc = EXIT_SYSTEM;
		goto out;
	}
	if ((info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)) != NULL)
		pn = info->port;
	printf(_("Preview at %s%s%s%s:%ld%s (Ctrl-C stops it)\n"), "http://",
	    ss.ss_family == AF_INET6 ? "[" : "", bind,
	    ss.ss_family == AF_INET6 ? "]" : "", pn, sv.base);
	fflush(stdout);
	dirs = watched_dirs(source, &dirsz);
	w = watch_new(source, dirs, dirsz, poll);
	for (i = 0; i < dirsz; i++)
		free(dirs[i]);
	free(dirs);
	if (w == NULL) {
		fprintf(stderr, _("prongsai: cannot watch %s/content for "
		    "changes: %s (try --poll)\n"), source, strerror(errno));
		rc = EXIT_SYSTEM;
		goto out;
	}
	beat_s = getenv("PRONGSAI_HEARTBEAT") != NULL ?
	    atoi(getenv("PRONGSAI_HEARTBEAT")) : HEARTBEAT_S;
	if (beat_s < 1)
		beat_s = HEARTBEAT_S;
	beat_at = now() + beat_s;
	while (!build_interrupted()) {
		if (now() >= beat_at) {
			pthread_mutex_lock(&sv.lock);
			sv.beat++;
			pthread_mutex_unlock(&sv.lock);
			clients_wake(&sv);
			beat_at = now() + beat_s;
		}
		if (!watch_wait(w, (int)((beat_at - now()) * 1000) + 1, &rels,
		    &relsz, &full))
			continue;
		t0 = now();
		if (full || broken) {
			nb = build_open(source, drafts, jobs);
			brc = build_full(nb, sv.site);
			after_build(&sv, nb, brc, t0, 1);
			build_close(b);
			b = nb;
		} else {
			brc = build_update(b, sv.site, rels, relsz,
			    pages_done, &sv);
			after_build(&sv, b, brc, t0, 0);
		}
		broken = brc != EXIT_FINE;
		for (i = 0; i < relsz; i++)
			free(rels[i]);
		free(rels);
	}
	printf("%s\n", _("prongsai serve: stopped"));
out:
	if (d != NULL) {
		pthread_mutex_lock(&sv.lock);
		sv.stopping = 1;
		pthread_mutex_unlock(&sv.lock);
		clients_wake(&sv);
		/* Let the woken streams end before the daemon goes. */
		for (i = 0; i < 100; i++) {
			pthread_mutex_lock(&sv.lock);
			full = sv.clients == NULL;
			pthread_mutex_unlock(&sv.lock);
			if (full)
				break;
			clients_wake(&sv);
			usleep(10000);
		}
		MHD_stop_daemon(d);
	}
	watch_free(w);
	build_close(b);
	if (tmp != NULL) {
		rm_tree(tmp);
		free(tmp);
	}
	for (i = 0; i < RING; i++) {
		for (relsz = 0; relsz < sv.ring[i].filesz; relsz++)
			free(sv.ring[i].files[relsz]);
		free(sv.ring[i].files);
	}
	free(sv.site);
	free(sv.base);
	free(sv.overlay);
	pthread_mutex_destroy(&sv.lock);
	return rc;
}
