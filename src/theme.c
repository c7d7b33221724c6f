/* theme.c: finds a theme, compiles its XSLT stylesheets once per build and applies them to page models, reading only the theme's own files (the only libxslt user). */
#include <sys/stat.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/templates.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "extern.h"

/*
 * What renders a type of page that the theme has no NAME.xsl for (a
 * theme made before Prongsai added the type), in this order.
 */
static const char *const fallbacks[] = { "default", "page", NULL };

/* Strings by key, each owned, the first of a key kept. */
struct pairs {
	struct pair {
		char	*k;
		char	*v;
	}		*v;
	size_t		 sz;
	struct strmap	 ix;		/* key to index into v */
};

struct theme {
	char			*dir;		/* the theme folder */
	char			*real;		/* its real path: all it may read */
	struct hash		 key;		/* every file of it, and our version */
	xsltStylesheetPtr	*xsl;		/* by index into model_types[] */
	xmlDocPtr		 strings;
	struct pairs		 words;		/* the strings document's, by id */
	xsltSecurityPrefsPtr	 sec;		/* read-only once loaded */
	struct onces		*onces;		/* changes as pages render */
};

/* What p:once made in this build (HTML by key), shared by the threads. */
struct onces {
	pthread_mutex_t		 lock;
	struct pairs		 kept;
};

/* What a transformation's context carries for Prongsai's extensions. */
struct applying {
	const struct theme	*t;
	size_t			 type;		/* the page type */
	int			 direct;	/* theme_direct() for it */
};

/*
 * Neither libxslt's security callbacks nor its document loader carry
 * user data, so the one loaded theme's real folder is global: set by
 * theme_load() before any thread starts, only read while pages render.
 */
static const char *sandbox;

static pthread_once_t fn_once = PTHREAD_ONCE_INIT;

/* libxml2's entity loader, for every parse but a theme file's. */
static xmlExternalEntityLoader oldloader;

/*
 * Set while this thread parses a theme file, so that the process-wide
 * external entity loader refuses what that parse asks for and nothing
 * else: other stages' parsers keep libxml2's own loader.
 */
static _Thread_local int in_theme_parse;

/* Set when that loader refused: libxml2 would go on without the entity. */
static _Thread_local int entity_refused;

/*
 * Theme files hold no DTD to load and no external entities (which
 * entity_loader refuses); their own entities are expanded, as libxslt does.
 */
#define THEME_PARSE	(HTML_XML_SAFE | XML_PARSE_NOENT | XML_PARSE_NOCDATA)

/* Collects libxml2/libxslt messages so they reach the editor once, with the file. */
struct errbuf {
	char	 msg[1024];
	size_t	 len;
};

static void
errbuf_add(void *ctx, const char *fmt, ...)
{
	struct errbuf	*e = ctx;
	va_list		 ap;
	int		 n;

	if (e->len + 1 >= sizeof(e->msg))
		return;
	va_start(ap, fmt);
	n = vsnprintf(e->msg + e->len, sizeof(e->msg) - e->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		e->len += (size_t)n < sizeof(e->msg) - e->len ?
		    (size_t)n : sizeof(e->msg) - e->len - 1;
}

/* Is the line at s (to a newline) libxml2's caret under a quoted line? */
static int
caret_line(const char *s)
{
	size_t	 n = strspn(s, " \t^");

	return (s[n] == '\n' || s[n] == '\0') && memchr(s, '^', n) != NULL;
}

/*
 * Read libxslt's context line "TYPE: file F line N element E" (also
 * without line or element, or just "TYPE"): 1 if it is one, with F and
 * N (0 if none) in *at and *ln, F pointing into line, which this cuts.
 */
static int
context_line(char *line, const char **at, unsigned *ln)
{
	static const char *const types[] = {
		"compilation error", "runtime error", "error", "warning", NULL
	};
	char	*f, *p;
	size_t	 i, n;

	for (i = 0; types[i] != NULL; i++) {
		n = strlen(types[i]);
		if (strncmp(line, types[i], n) == 0)
			break;
	}
	if (types[i] == NULL)
		return 0;
	*at = NULL;
	*ln = 0;
	if (line[n] == '\0' || strncmp(line + n, " : element ", 11) == 0)
		return 1;
	if (strncmp(line + n, ": file ", 7) != 0)
		return 0;
	f = line + n + 7;
	if ((p = strstr(f, " element ")) != NULL)
		*p = '\0';
	if ((p = strstr(f, " line ")) != NULL) {
		*ln = (unsigned)strtoul(p + 6, NULL, 10);
		*p = '\0';
	}
	*at = f;
	return 1;
}

/*
 * Report what libxml2 and libxslt said as one error of file, on one
 * line: each context line becomes the "F:N: " of the messages after it
 * (or the error's own line, when F is file), and the quoted source and
 * caret of a parse error go (libxml2 names its line).
 */
static void
errbuf_report(struct errbuf *e, struct diags *d, const char *file,
    const char *what)
{
	struct buf	 out;
	char		*line, *next, num[16];
	const char	*at = NULL, *was = NULL;
	unsigned	 ln = 0, wasln = 0, fileln = 0;
	int		 first = 1;

	memset(&out, 0, sizeof(out));
	buf_add(&out, what);
	for (line = e->msg; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (next != NULL && caret_line(next)) {
			if ((next = strchr(next, '\n')) != NULL)
				next++;
			continue;
		}
		if (context_line(line, &at, &ln)) {
			if (at != NULL && fileln == 0 && strcmp(at, file) == 0)
				fileln = ln;
			continue;
		}
		if (*line == '\0')
			continue;
		buf_add(&out, first ? ": " : "; ");
		first = 0;
		/* A place once, unless it is the error's own. */
		if (at != NULL && (was == NULL || strcmp(at, was) != 0 ||
		    ln != wasln) && (strcmp(at, file) != 0 || ln != fileln)) {
			buf_add(&out, at);
			if (ln > 0) {
				snprintf(num, sizeof(num), ":%u", ln);
				buf_add(&out, num);
			}
			buf_add(&out, ": ");
		}
		if (at != NULL) {
			was = at;
			wasln = ln;
		}
		buf_add(&out, line);
	}
	diag_add(d, file, fileln, 0, SEV_ERROR, "%s", out.s);
	free(out.s);
}

/*
 * The real path of the file path if it is a regular file inside the
 * theme folder, a new string; NULL otherwise.  A link inside the theme
 * that leads out of it is outside.
 */
static char *
theme_file(const char *path)
{
	char		*real;
	struct stat	 st;
	size_t		 n;

	if (sandbox == NULL || (real = realpath(path, NULL)) == NULL)
		return NULL;
	n = strlen(sandbox);
	if (strncmp(real, sandbox, n) != 0 || real[n] != '/' ||
	    stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(real);
		return NULL;
	}
	return real;
}

/*
 * The local path a URI names (as libxslt's security checks see it), a
 * new string; NULL for any other scheme.  What is no URI (a path with a
 * space) but has no scheme either is a path as it stands.
 */
static char *
uri_path(const char *uri)
{
	xmlURIPtr	 u;
	char		*p = NULL;
	size_t		 n;

	if ((u = xmlParseURI(uri)) == NULL) {
		n = strcspn(uri, ":/");
		return uri[n] != ':' ? xstrdup(uri) : NULL;
	}
	if ((u->scheme == NULL || strcmp(u->scheme, "file") == 0) &&
	    u->path != NULL)
		p = xstrdup(u->path);
	xmlFreeURI(u);
	return p;
}

/*
 * Read the regular file path into a new buffer (*len bytes).  Opened
 * without blocking, so that a FIFO in its place cannot stop the build;
 * returns NULL for anything but a regular file read whole.
 */
static char *
regular_read(const char *path, size_t *len)
{
	struct stat	 st;
	char		*buf;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > INT_MAX) {
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	n = read(fd, buf, (size_t)st.st_size);
	close(fd);
	if (n != st.st_size) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

/*
 * Parse the theme file real (from theme_file()), named uri in the tree
 * (the base of its imports), with the names in dict if not NULL.  NULL
 * if it cannot be read or is not well-formed; libxml2 reports why.
 */
static xmlDocPtr
theme_parse(const char *real, const char *uri, xmlDictPtr dict, int opts)
{
	xmlParserCtxtPtr	 p;
	xmlDocPtr		 doc = NULL;
	char			*buf;
	size_t			 len;

	if ((buf = regular_read(real, &len)) == NULL) {
		xmlGenericError(xmlGenericErrorContext, _("%s: cannot read this "
		    "file\n"), uri);
		return NULL;
	}
	if ((p = xmlNewParserCtxt()) == NULL) {
		free(buf);
		return NULL;
	}
	/* As libxslt's own loader does: the stylesheet's names in one dict. */
	if (dict != NULL) {
		xmlDictFree(p->dict);
		p->dict = dict;
		xmlDictReference(dict);
	}
	in_theme_parse = 1;
	entity_refused = 0;
	doc = xmlCtxtReadMemory(p, buf, (int)len, uri, NULL, opts);
	in_theme_parse = 0;
	if (doc != NULL && (!p->wellFormed || entity_refused)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(p);
	free(buf);
	return doc;
}

/* Is c a character of an XML name as stylesheets write them (ASCII)? */
static int
name_char(char c, int first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
}

/*
 * Is v a plain location path: steps that are a name (perhaps prefixed),
 * ".", ".." or "*", joined by "/", perhaps starting with one?  Such a
 * path always compiles, so putting it in parentheses changes no error.
 */
static int
plain_path(const char *v)
{
	const char	*s = v;
	int		 k;

	if (*s == '/')
		s++;
	for (;;) {
		if (strncmp(s, "..", 2) == 0)
			s += 2;
		else if (*s == '.' || *s == '*')
			s++;
		else if (name_char(*s, 1)) {
			for (k = 0; k < 2 && name_char(*s, 1); k++) {
				while (name_char(*s, 0))
					s++;
				if (*s != ':' || k == 1 || !name_char(s[1], 1))
					break;
				s++;
			}
		} else
			return 0;
		if (*s == '\0')
			return 1;
		if (*s++ != '/')
			return 0;
	}
}

/*
 * Keep libxml2 from evaluating the stylesheet's plain paths ("title",
 * "owners/owner") as streams: libxml2 2.9 compiles any select or test
 * without [ ( @ or :: into a pattern stream, which makes a stream
 * context and pushes every node it walks, several times the cost of
 * the ordinary evaluation on a page model's short child lists (8% of a
 * build's instructions).  An expression in parentheses is the same
 * expression and is never streamed.
 */
static void
theme_unstream(xmlNodePtr n)
{
	static const char *const names[] = { "select", "test", NULL };
	xmlChar			*v, *w;
	size_t			 i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; n->ns != NULL && xmlStrEqual(n->ns->href,
		    XSLT_NAMESPACE) && names[i] != NULL; i++) {
			if ((v = xmlGetNoNsProp(n, BAD_CAST names[i])) == NULL)
				continue;
			if (plain_path((const char *)v)) {
				w = BAD_CAST xstrcat3("(", (const char *)v,
				    ")");
				xmlSetProp(n, BAD_CAST names[i], w);
				free(w);
			}
			xmlFree(v);
		}
		theme_unstream(n->children);
	}
}

/*
 * libxslt's loader for every stylesheet, import, include and document():
 * only regular files inside the theme folder, parsed without a DTD,
 * external entities or the network.  ctx is the transform context for
 * document(), which an error stops.
 */
static xmlDocPtr
theme_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctx,
    xsltLoadType type)
{
	xsltTransformContextPtr	 tctx;
	xmlDocPtr		 doc = NULL;
	char			*path, *real = NULL;

	(void)options;
	tctx = type == XSLT_LOAD_DOCUMENT ? ctx : NULL;
	if ((path = uri_path((const char *)uri)) != NULL)
		real = theme_file(path);
	if (real != NULL) {
		doc = theme_parse(real, (const char *)uri, dict, THEME_PARSE);
		if (doc != NULL && type != XSLT_LOAD_DOCUMENT)
			theme_unstream(xmlDocGetRootElement(doc));
		/* document() would go on with an empty node-set. */
		if (doc == NULL && tctx != NULL)
			xsltTransformError(tctx, NULL, NULL, _("%s: cannot be "
			    "loaded\n"), (const char *)uri);
	} else if (path != NULL && access(path, F_OK) != 0)
		xsltTransformError(tctx, NULL, NULL, _("%s: no such file\n"),
		    (const char *)uri);
	else
		xsltTransformError(tctx, NULL, NULL, _("%s: a theme may read "
		    "only regular files inside its own folder (%s)\n"),
		    (const char *)uri, sandbox);
	free(path);
	free(real);
	return doc;
}

/* Theme files load no DTD and no external entity, from disk or network. */
static xmlParserInputPtr
entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	if (in_theme_parse) {
		entity_refused = 1;
		xmlGenericError(xmlGenericErrorContext, _("%s: a theme file may "
		    "not load a DTD or an external entity\n"),
		    url != NULL ? url : id != NULL ? id : "?");
		return NULL;
	}
	return oldloader(url, id, ctxt);
}

/* The read check of the theme's security preferences: its own files. */
static int
may_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctx,
    const char *path)
{
	char	*real;

	(void)sec;
	(void)ctx;
	if ((real = theme_file(path)) == NULL)
		return 0;
	free(real);
	return 1;
}

/* Fingerprint every file under dir, in sorted order, into h. */
static void
hash_tree(struct hasher *h, const char *dir)
{
	char		**names, *path, *buf;
	size_t		 i, sz, len;
	struct stat	 st;

	if ((names = dir_list(dir, &sz)) == NULL)
		return;
	for (i = 0; i < sz; i++) {
		path = path_join(dir, names[i]);
		hash_str(h, names[i]);
		/* Not through links to folders, which may loop. */
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			hash_tree(h, path);
		else if ((buf = regular_read(path, &len)) != NULL) {
			hash_add(h, buf, len);
			free(buf);
		}
		free(path);
		free(names[i]);
	}
	free(names);
}

/*
 * The program itself: a rebuilt prongsai may render the same model
 * differently even when VERSION did not change.
 */
static void
hash_exe(struct hasher *h)
{
	char	*buf;
	size_t	 len;

	if ((buf = file_read("/proc/self/exe", &len)) != NULL) {
		hash_add(h, buf, len);
		free(buf);
	}
}

/* What a page depends on besides its model: the theme and Prongsai itself. */
const struct hash *
theme_key(const struct theme *t)
{
	return &t->key;
}

/*
 * Confine libxslt to t for the build: its security preferences for
 * compiling (imports, includes) and, through theme_apply(), for every
 * transform; its loader for every file; libxml2's entity loader.
 */
static void
sandbox_enter(struct theme *t)
{
	t->sec = xsltNewSecurityPrefs();
	if (t->sec == NULL ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_READ_FILE,
	    may_read) != 0 ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_WRITE_FILE,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid) != 0) {
		fprintf(stderr, _("prongsai: out of memory\n"));
		exit(EXIT_SYSTEM);
	}
	sandbox = t->real;
	xsltSetDefaultSecurityPrefs(t->sec);
	xsltSetLoaderFunc(theme_loader);
	oldloader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(entity_loader);
}

/* Undo sandbox_enter(t), after every thread is done with t. */
static void
sandbox_leave(struct theme *t)
{
	if (t->sec == NULL)
		return;
	xmlSetExternalEntityLoader(oldloader);
	xsltSetLoaderFunc(NULL);
	xsltSetDefaultSecurityPrefs(NULL);
	sandbox = NULL;
	xsltFreeSecurityPrefs(t->sec);
	t->sec = NULL;
}

/*
 * The stylesheet for pages of type name: NAME.xsl, or if the theme has
 * none, the first of fallbacks[] it has, with a warning.  A new string.
 */
static char *
theme_sheet(const struct theme *t, const char *name, struct diags *d)
{
	struct stat	 st;
	char		*path, *alt;
	size_t		 i;

	path = xasprintf("%s/%s.xsl", t->dir, name);
	if (lstat(path, &st) == 0 || errno != ENOENT)
		return path;
	for (i = 0; fallbacks[i] != NULL; i++) {
		alt = xasprintf("%s/%s.xsl", t->dir, fallbacks[i]);
		if (lstat(alt, &st) == 0) {
			diag_add(d, path, 0, 0, SEV_WARNING, _("the theme has "
			    "no stylesheet for pages of type '%s'; they are "
			    "made with %s.xsl"), name, fallbacks[i]);
			free(path);
			return alt;
		}
		free(alt);
	}
	return path;
}

/* The value kept for key k, or NULL. */
static const char *
pairs_get(const struct pairs *p, const char *k)
{
	size_t	 i = strmap_get(&p->ix, k);

	return i == STRMAP_NONE ? NULL : p->v[i].v;
}

/*
 * Keep v for k, both taken, unless k is kept already: then both are
 * freed.  Returns the value kept for k.
 */
static const char *
pairs_add(struct pairs *p, char *k, char *v)
{
	const char	*had;

	if ((had = pairs_get(p, k)) != NULL) {
		free(k);
		free(v);
		return had;
	}
	p->v = xgrow(p->v, p->sz, sizeof(*p->v));
	p->v[p->sz].k = k;
	p->v[p->sz].v = v;
	strmap_put(&p->ix, k, p->sz);
	return p->v[p->sz++].v;
}

static void
pairs_free(struct pairs *p)
{
	size_t	 i;

	for (i = 0; i < p->sz; i++) {
		free(p->v[i].k);
		free(p->v[i].v);
	}
	free(p->v);
	strmap_free(&p->ix);
	memset(p, 0, sizeof(*p));
}

/*
 * The words of the strings document by id, the first of an id winning,
 * as key('s', id) finds it.
 */
static void
words_index(struct theme *t)
{
	xmlNodePtr	 n;
	xmlChar		*id, *w;

	n = t->strings != NULL ? xmlDocGetRootElement(t->strings) : NULL;
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "s") != 0 ||
		    (id = xmlGetProp(n, BAD_CAST ("id"))) == NULL)
			continue;
		if ((w = xmlNodeGetContent(n)) != NULL)
			pairs_add(&t->words, xstrdup((const char *)id),
			    xstrdup((const char *)w));
		xmlFree(id);
		xmlFree(w);
	}
}

/*
 * The theme's UI word with id, or "[id]" when it has none, so that a
 * missing word shows on the page rather than nothing.  A new string.
 */
char *
theme_t(const struct theme *t, const char *id)
{
	const char	*w = pairs_get(&t->words, id);

	return w == NULL ? xstrcat3("[", id, "]") : xstrdup(w);
}

/* The theme being applied, as theme_apply() left it in the context. */
static const struct theme *
fn_theme(xmlXPathParserContextPtr ctxt)
{
	xsltTransformContextPtr	 tc = xsltXPathGetTransformContext(ctxt);
	const struct applying	*a = tc != NULL ? tc->_private : NULL;

	return a != NULL ? a->t : NULL;
}

/* Pushes the word id, as theme_t() gives it. */
static void
fn_push_word(xmlXPathParserContextPtr ctxt, const struct theme *t,
    const char *id)
{
	char	*s = theme_t(t, id);

	valuePush(ctxt, xmlXPathNewString(BAD_CAST (s)));
	free(s);
}

/*
 * p:t(id): the theme's UI word with id, or "[id]".  In C because a
 * theme asks for words dozens of times a page, and key() builds its
 * index of every word again for each page.
 */
static void
fn_t(xmlXPathParserContextPtr ctxt, int nargs)
{
	const struct theme	*t = fn_theme(ctxt);
	xmlChar			*id;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((id = xmlXPathPopString(ctxt)) == NULL || t == NULL) {
		xmlFree(id);
		xmlXPathSetError(ctxt, XPATH_INVALID_OPERAND);
		return;
	}
	fn_push_word(ctxt, t, (const char *)id);
	xmlFree(id);
}

/*
 * p:fill(id, name, value, ...): the UI pattern with id, each {name} in it
 * replaced by its value and any other {...} left as written; "[id]" when
 * the theme has no such pattern.
 */
static void
fn_fill(xmlXPathParserContextPtr ctxt, int nargs)
{
	const struct theme	*t = fn_theme(ctxt);
	xmlChar			**arg;
	const char		*w, *p, *open, *close;
	struct buf		 b;
	size_t			 len;
	int			 i, k;

	if (nargs < 1 || nargs % 2 == 0) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	arg = xcalloc((size_t)nargs, sizeof(*arg));
	for (i = nargs - 1; i >= 0; i--)
		arg[i] = xmlXPathPopString(ctxt);
	for (i = 0; i < nargs; i++)
		if (arg[i] == NULL)
			break;
	if (i < nargs || t == NULL) {
		xmlXPathSetError(ctxt, XPATH_INVALID_OPERAND);
		goto out;
	}
	if ((w = pairs_get(&t->words, (const char *)arg[0])) == NULL) {
		fn_push_word(ctxt, t, (const char *)arg[0]);
		goto out;
	}
	memset(&b, 0, sizeof(b));
	for (p = w; (open = strchr(p, '{')) != NULL &&
	    (close = strchr(open + 1, '}')) != NULL; p = close + 1) {
		buf_addn(&b, p, (size_t)(open - p));
		len = (size_t)(close - open - 1);
		for (k = 1; k < nargs; k += 2)
			if (strlen((const char *)arg[k]) == len &&
			    memcmp(arg[k], open + 1, len) == 0)
				break;
		if (k < nargs)
			buf_add(&b, (const char *)arg[k + 1]);
		else
			buf_addn(&b, open, len + 2);
	}
	buf_add(&b, p);
	valuePush(ctxt, xmlXPathNewString(BAD_CAST (b.s != NULL ? b.s : "")));
	free(b.s);
out:
	for (i = 0; i < nargs; i++)
		xmlFree(arg[i]);
	free(arg);
}

/*
 * The HTML kept for p:once key k of this build, or NULL.  It stays where
 * it is until theme_forget(), which no page runs beside.
 */
static const char *
once_find(struct onces *o, const char *k)
{
	const char	*html;

	pthread_mutex_lock(&o->lock);
	html = pairs_get(&o->kept, k);
	pthread_mutex_unlock(&o->lock);
	return html;
}

/*
 * Keep html for key k (both taken), unless another thread kept its own
 * first: the theme promised that both are the same.  Returns the HTML
 * kept.
 */
static const char *
once_keep(struct onces *o, char *k, char *html)
{
	const char	*kept;

	pthread_mutex_lock(&o->lock);
	kept = pairs_add(&o->kept, k, html);
	pthread_mutex_unlock(&o->lock);
	return kept;
}

/*
 * <p:once key="...">: its content made once per build for each key (an
 * attribute value template), page type and p:once element, and each
 * later time placed as the HTML it was written as, without running it
 * again.  The key is the theme's promise: the content is the same on two
 * pages of a type whose keys are equal.  Where Prongsai's writer does
 * not write the page (another output method), the content is made every
 * time.  For what every page repeats: header, menus, footer.
 */
static void
once_run(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
    xsltElemPreCompPtr comp)
{
	const struct applying	*a = ctxt->_private;
	const struct theme	*t;
	xmlNodePtr		 box, save, ref;
	xmlNsPtr		 ns;
	xmlChar			*key;
	struct buf		 b;
	const char		*html;
	char			*k;

	(void)comp;
	if (a == NULL || ctxt->insert == NULL)
		return;
	t = a->t;
	if ((key = xsltEvalAttrValueTemplate(ctxt, inst, BAD_CAST ("key"),
	    NULL)) == NULL) {
		xsltTransformError(ctxt, NULL, inst,
		    "p:once needs a key attribute\n");
		ctxt->state = XSLT_STATE_STOPPED;
		return;
	}
	if (!a->direct) {
		xmlFree(key);
		xsltApplyOneTemplate(ctxt, node, inst->children, NULL, NULL);
		return;
	}
	/* Each p:once of each page type has its own keys. */
	k = xasprintf("%zu:%p:%s", a->type, (void *)inst, (const char *)key);
	xmlFree(key);
	memset(&b, 0, sizeof(b));
	if ((html = once_find(t->onces, k)) == NULL) {
		/* Made in a box where it goes, then written as the page would be. */
		save = ctxt->insert;
		box = xmlNewDocNode(ctxt->output, NULL, BAD_CAST ("once"), NULL);
		xmlAddChild(save, box);
		ctxt->insert = box;
		xsltApplyOneTemplate(ctxt, node, inst->children, NULL, NULL);
		ctxt->insert = save;
		serialize_nodes(&b, box->children);
		buf_add(&b, "");	/* "" for no content, not NULL */
		xmlUnlinkNode(box);
		xmlFreeNode(box);
		/* A failed page is not the promised content: not kept. */
		if (ctxt->state == XSLT_STATE_OK) {
			html = once_keep(t->onces, k, b.s);
			k = NULL;
			b.s = NULL;
		} else
			html = b.s;
	}
	/* Placed as a body is, its text written as it is (serialize.c). */
	ref = xmlNewDocNode(ctxt->output, NULL, BAD_CAST ("once"), NULL);
	ns = xmlNewNs(ref, BAD_CAST (NS_BODY), BAD_CAST ("b"));
	xmlSetNs(ref, ns);
	xmlAddChild(ref, xmlNewDocText(ctxt->output, BAD_CAST (html)));
	xmlAddChild(ctxt->insert, ref);
	free(b.s);
	free(k);
}

/* Forget what p:once made: a new build may show another site. */
void
theme_forget(struct theme *t)
{
	pthread_mutex_lock(&t->onces->lock);
	pairs_free(&t->onces->kept);
	pthread_mutex_unlock(&t->onces->lock);
}

/* Once for the process: the functions are libxslt's, for every theme. */
static void
fn_register(void)
{
	xsltRegisterExtModuleElement(BAD_CAST ("once"), BAD_CAST (NS_THEME),
	    NULL, once_run);
	xsltRegisterExtModuleFunction(BAD_CAST ("t"), BAD_CAST (NS_THEME),
	    fn_t);
	xsltRegisterExtModuleFunction(BAD_CAST ("fill"),
	    BAD_CAST (NS_THEME), fn_fill);
}


/*
 * Load the theme named name for the site at root: compile every
 * stylesheet and read the UI words for language lang.  Returns NULL
 * after adding errors to d.  Free with theme_free().
 */
struct theme *
theme_load(const char *root, const char *name, enum lang lang,
    struct diags *d)
{
	struct theme	*t;
	struct hasher	*h;
	struct errbuf	 e;
	char		**dirs, *sub, *tried, *path, *real = NULL;
	xmlDocPtr	 doc;
	size_t		 i, errs = d->errors;

	/* Before any thread: the libraries set up global state once. */
	xmlInitParser();
	xsltInit();
	pthread_once(&fn_once, fn_register);
	t = xcalloc(1, sizeof(*t));
	t->onces = xcalloc(1, sizeof(*t->onces));
	pthread_mutex_init(&t->onces->lock, NULL);
	sub = xasprintf("themes/%s", name);
	dirs = data_dirs(root);
	if ((t->dir = data_find(dirs, sub)) == NULL) {
		tried = data_tried(dirs, sub);
		diag_add(d, "content/site.yaml", 0, 0, SEV_ERROR, _("theme "
		    "'%s' not found; looked in: %s"), name, tried);
		free(tried);
	}
	data_dirs_free(dirs);
	free(sub);
	if (t->dir == NULL)
		goto fail;
	if ((t->real = realpath(t->dir, NULL)) == NULL) {
		diag_add(d, t->dir, 0, 0, SEV_ERROR, _("the theme folder cannot "
		    "be read"));
		goto fail;
	}
	sandbox_enter(t);
	memset(&e, 0, sizeof(e));
	xmlSetGenericErrorFunc(&e, errbuf_add);
	xsltSetGenericErrorFunc(&e, errbuf_add);
	t->xsl = xcalloc(model_typesz, sizeof(*t->xsl));
	for (i = 0; i < model_typesz; i++) {
		path = theme_sheet(t, model_types[i].name, d);
		e.len = 0;
		e.msg[0] = '\0';
		/*
		 * Not xsltParseStylesheetFile(), whose read check cannot
		 * parse a path with a space as a URI; the loader checks.
		 */
		doc = theme_loader(BAD_CAST path, NULL, 0, NULL,
		    XSLT_LOAD_START);
		if (doc != NULL &&
		    (t->xsl[i] = xsltParseStylesheetDoc(doc)) == NULL)
			xmlFreeDoc(doc);
		if (t->xsl[i] == NULL)
			errbuf_report(&e, d, path, _("the stylesheet cannot be "
			    "used"));
		free(path);
	}
	path = xasprintf("%s/strings/%s.xml", t->dir,
	    lang == LANG_TH ? "th" : "en");
	e.len = 0;
	e.msg[0] = '\0';
	if ((real = theme_file(path)) != NULL)
		t->strings = theme_parse(real, path, NULL, HTML_XML_SAFE);
	words_index(t);
	if (t->strings == NULL)
		errbuf_report(&e, d, path, real == NULL ? _("the theme's words "
		    "must be a regular file inside the theme folder") :
		    _("the theme's words cannot be read"));
	free(real);
	free(path);
	xmlSetGenericErrorFunc(NULL, NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	h = hash_new();
	hash_str(h, "Prongsai " VERSION);
	hash_exe(h);
	hash_tree(h, t->dir);
	hash_end(h, &t->key);
	if (d->errors == errs)
		return t;
fail:
	theme_free(t);
	return NULL;
}

/* The theme's UI words document (owned by the theme). */
xmlDocPtr
theme_strings(const struct theme *t)
{
	return t->strings;
}

/* The names of the stylesheet for type (owned by the theme). */
xmlDictPtr
theme_dict(const struct theme *t, size_t type)
{
	return t->xsl[type] != NULL ? t->xsl[type]->dict : NULL;
}

/*
 * Does the stylesheet for type, with what it imports and includes, name
 * the root of the words document (strings) and so read the model's copy
 * of it?  libxslt puts every name it compiles (and the stylesheets' own
 * element and attribute names) in the stylesheet's dictionary; pages are
 * made on child dictionaries, so it stays as compiled.  A name reached
 * only through a wildcard or a string (local-name() = 'x') is not seen.
 */
int
theme_reads_words(const struct theme *t, size_t type)
{
	xmlDictPtr	 dict = theme_dict(t, type);
	xmlNodePtr	 root;

	root = t->strings != NULL ? xmlDocGetRootElement(t->strings) : NULL;
	return dict != NULL && root != NULL &&
	    xmlDictExists(dict, root->name, -1) != NULL;
}

/* The theme's folder (owned by the theme). */
const char *
theme_dir(const struct theme *t)
{
	return t->dir;
}

/*
 * Does style ask for what Prongsai's own HTML writer (serialize.c)
 * writes exactly: UTF-8, not indented, without a doctype of its own?
 */
static int
plain_style(xsltStylesheetPtr style)
{
	const xmlChar	*enc, *pub, *sys;
	int		 indent;

	XSLT_GET_IMPORT_PTR(enc, style, encoding);
	XSLT_GET_IMPORT_PTR(pub, style, doctypePublic);
	XSLT_GET_IMPORT_PTR(sys, style, doctypeSystem);
	XSLT_GET_IMPORT_INT(indent, style, indent);
	return (enc == NULL || strcasecmp((const char *)enc, "UTF-8") == 0) &&
	    pub == NULL && sys == NULL && indent == 0;
}

/*
 * Will pages of type be written by serialize.c?  Then bodies can reach
 * them by reference (NS_BODY), as HTML text the writer puts in place.
 */
int
theme_direct(const struct theme *t, size_t type)
{
	const xmlChar		*method;
	xsltStylesheetPtr	 style = t->xsl[type];

	if (style == NULL)
		return 0;
	XSLT_GET_IMPORT_PTR(method, style, method);
	return method != NULL && strcmp((const char *)method, "html") == 0 &&
	    plain_style(style);
}

/* The result res as bytes in *out (of *len); 0 if libxslt failed. */
static int
result_bytes(xsltStylesheetPtr style, xmlDocPtr res, char **out,
    size_t *len)
{
	xmlChar			*buf = NULL;
	int			 n = 0, html;
	static const char	 doctype[] = "<!DOCTYPE html>\n";

	if (res->type == XML_HTML_DOCUMENT_NODE && plain_style(style)) {
		*out = serialize_html(res, len);
		return 1;
	}
	if (xsltSaveResultToString(&buf, &n, res, style) != 0 || buf == NULL)
		return 0;
	/* libxslt's html method writes no doctype: HTML5 wants one. */
	html = res->type == XML_HTML_DOCUMENT_NODE &&
	    strncmp((char *)buf, "<!DOCTYPE", 9) != 0;
	*len = (size_t)n + (html ? sizeof(doctype) - 1 : 0);
	*out = xmalloc(*len + 1);
	if (html)
		memcpy(*out, doctype, sizeof(doctype) - 1);
	memcpy(*out + (html ? sizeof(doctype) - 1 : 0), buf, (size_t)n + 1);
	xmlFree(buf);
	return 1;
}

/* serialize.c's way to a page's bodies: html.c places them. */
static int
theme_put_body(const void *refs, size_t i, struct buf *b)
{
	return html_refs_put(refs, i, b);
}

/*
 * Apply the stylesheet for type to a page model, which this frees.  On
 * success sets *out to a new buffer (free with free()) of *len bytes and
 * returns 1; on failure reports to d under the name file and returns 0.
 * Safe to call from several threads at once.
 */
int
theme_apply(const struct theme *t, size_t type, xmlDocPtr model,
    const char *file, char **out, size_t *len, struct diags *d)
{
	xsltTransformContextPtr	 ctx;
	xmlDocPtr		 res;
	struct errbuf		 e;
	struct htmlrefs		*refs;
	struct bodies		 bs;
	struct applying		 ap;
	int			 ok = 0;

	memset(&e, 0, sizeof(e));
	if ((ctx = xsltNewTransformContext(t->xsl[type], model)) == NULL) {
		model_doc_free(model);
		return 0;
	}
	xsltSetTransformErrorFunc(ctx, &e, errbuf_add);
	ap.t = t;
	ap.type = type;
	ap.direct = theme_direct(t, type);
	ctx->_private = &ap;	/* for p:t(), p:fill() and p:once */
	/* What document() parses reports through this thread's libxml2. */
	xmlSetGenericErrorFunc(&e, errbuf_add);
	if (xsltSetCtxtSecurityPrefs(t->sec, ctx) == 0)
		res = xsltApplyStylesheetUser(t->xsl[type], model, NULL, NULL,
		    NULL, ctx);
	else
		res = NULL;
	xmlSetGenericErrorFunc(NULL, NULL);
	ok = res != NULL && ctx->state == XSLT_STATE_OK;
	/*
	 * The model is done with before the result is written: on a report
	 * page both trees hold every measure's methods and results, and the
	 * text comes on top.
	 */
	xsltFreeTransformContext(ctx);
	/* Its bodies go with the result, to be placed as it is written. */
	refs = model_doc_refs(model);
	model_doc_free(model);
	bs.put = theme_put_body;
	bs.arg = refs;
	if (res != NULL)
		res->_private = &bs;
	if (!ok || !result_bytes(t->xsl[type], res, out, len)) {
		errbuf_report(&e, d, file, _("the theme failed on this page"));
		ok = 0;
	}
	if (res != NULL) {
		res->_private = NULL;
		xmlFreeDoc(res);
	}
	html_refs_free(refs);
	return ok;
}

void
theme_free(struct theme *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; t->xsl != NULL && i < model_typesz; i++)
		if (t->xsl[i] != NULL)
			xsltFreeStylesheet(t->xsl[i]);
	free(t->xsl);
	if (t->strings != NULL)
		xmlFreeDoc(t->strings);
	pairs_free(&t->words);
	theme_forget(t);
	pthread_mutex_destroy(&t->onces->lock);
	free(t->onces);
	sandbox_leave(t);
	free(t->real);
	free(t->dir);
	free(t);
}
