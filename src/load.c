/* load.c: walks content/ in sorted order, reads files under the size, UTF-8 and symlink rules, and loads every measure, report and page. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

#define MAX_FILE	(4u * 1024 * 1024)
#define MAX_DEPTH	8

/* What a content file is, by the folder it was found in. */
enum kind {
	KIND_MEASURE,
	KIND_REPORT,
	KIND_PAGE
};

/*
 * A content file found by the walk, read and parsed later on the thread
 * pool (YAML and Markdown are the costly part of loading).
 */
struct pending {
	enum kind	 kind;
	char		*path;
	char		*shown;		/* the path editors see */
	char		*slug;
	void		*obj;		/* the measure, report or page; NULL
					   if it could not be loaded */
	struct diags	 d;		/* its problems, in line order */
	int		 syserr;
};

/* What the walk needs to know and where it reports. */
struct walk {
	struct site	*site;
	char		*content;	/* real path of content/ */
	struct diags	*d;
	int		 syserr;	/* an I/O failure happened */
	struct pending	*pend;		/* content files, in walk order */
	size_t		 pendsz;
};

/* The path shown to editors: relative to the current folder if possible. */
static char *
display_path(const struct site *s, const char *rel)
{
	if (strcmp(s->root, ".") == 0)
		return xstrdup(rel);
	return path_join(s->root, rel);
}

/* Is the real path of p inside dir (a real path)? */
static int
inside(const char *p, const char *dir)
{
	char	*real;
	size_t	 n = strlen(dir);
	int	 ok;

	if ((real = realpath(p, NULL)) == NULL)
		return 0;
	ok = strncmp(real, dir, n) == 0 && (real[n] == '/' || real[n] == '\0');
	free(real);
	return ok;
}

/* Line and column (in characters) of byte offset off in buf. */
static void
offset_pos(const char *buf, size_t off, unsigned *line, unsigned *col)
{
	size_t	 i, bol = 0;

	*line = 1;
	for (i = 0; i < off; i++)
		if (buf[i] == '\n') {
			(*line)++;
			bol = i + 1;
		}
	*col = (unsigned)utf8_chars(buf + bol, off - bol) + 1;
}

/*
 * Read a content file, enforcing the rules every content file shares.
 * On success sets *buf (owned by the caller) and *text, *len to the
 * text after any BOM, and returns 1; returns 0 after reporting.
 */
static int
source_read(struct walk *w, const char *path, const char *shown, char **buf,
    const char **text, size_t *len)
{
	struct stat	 st;
	int		 fd;
	ssize_t		 n;
	size_t		 bad;
	unsigned	 line, col;

	*buf = NULL;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    !inside(path, w->content)) {
		diag_add(w->d, shown, 0, 0, SEV_ERROR, "this file is a link "
		    "to a file outside content/; copy the file into content/ instead");
		return 0;
	}
	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &st) == -1) {
		diag_add(w->d, shown, 0, 0, SEV_ERROR, "cannot read this file: "
		    "%s", strerror(errno));
		w->syserr = 1;
		if (fd != -1)
			close(fd);
		return 0;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > (off_t)MAX_FILE) {
		diag_add(w->d, shown, 0, 0, SEV_ERROR, S_ISREG(st.st_mode) ?
		    "this file is larger than 4 MiB (%lld bytes); put large "
		    "documents in content/files/ and link them as evidence" :
		    "this is not a regular file", (long long)st.st_size);
		close(fd);
		return 0;
	}
	*buf = xmalloc((size_t)st.st_size + 1);
	n = read(fd, *buf, (size_t)st.st_size);
	close(fd);
	if (n != st.st_size) {
		diag_add(w->d, shown, 0, 0, SEV_ERROR, "cannot read this file: "
		    "%s", n < 0 ? strerror(errno) : "file changed while reading");
		w->syserr = 1;
		goto fail;
	}
	(*buf)[n] = '\0';
	if (n == 0) {
		diag_add(w->d, shown, 0, 0, SEV_ERROR, "this file is empty");
		goto fail;
	}
	if (!utf8_valid(*buf, (size_t)n, &bad) || memchr(*buf, '\0', (size_t)n)) {
		if (memchr(*buf, '\0', (size_t)n) && utf8_valid(*buf, (size_t)n, &bad))
			bad = (size_t)((char *)memchr(*buf, '\0', (size_t)n) - *buf);
		offset_pos(*buf, bad, &line, &col);
		diag_add(w->d, shown, line, col, SEV_ERROR, "the file is not "
		    "saved as UTF-8 (byte 0x%02x at byte offset %zu)%s; in "
		    "your editor choose Save As, Encoding: UTF-8",
		    (unsigned char)(*buf)[bad], bad, (*buf)[bad] == '\0' ?
		    ": it looks like UTF-16 (\"Unicode\")" :
		    (unsigned char)(*buf)[bad] >= 0xa1 &&
		    (unsigned char)(*buf)[bad] <= 0xfb ?
		    ": it looks like Thai ANSI (TIS-620/Windows-874)" : "");
		goto fail;
	}
	*text = *buf;
	*len = (size_t)n;
	if (*len >= 3 && memcmp(*text, "\xef\xbb\xbf", 3) == 0) {
		*text += 3;
		*len -= 3;
	}
	return 1;
fail:
	free(*buf);
	*buf = NULL;
	return 0;
}

static int
namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Sorted names of dir's entries, bar dot files; NULL if it cannot be
 * read.  The caller frees the names and the array.
 */
char **
dir_list(const char *dir, size_t *sz)
{
	DIR		*dp;
	struct dirent	*de;
	char		**v = NULL;

	*sz = 0;
	if ((dp = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		v = xreallocarray(v, *sz + 1, sizeof(*v));
		v[(*sz)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (v == NULL)
		return xcalloc(1, sizeof(*v));
	sort(v, *sz, sizeof(*v), namecmp);
	return v;
}

static int
has_md(const char *name)
{
	size_t	 n = strlen(name);

	return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

/* Note the content file at path, of kind, to be loaded by files_load(). */
static void
file_note(struct walk *w, const char *path, const char *shown,
    const char *name, enum kind kind)
{
	struct pending	*p;

	w->pend = xreallocarray(w->pend, w->pendsz + 1, sizeof(*w->pend));
	p = &w->pend[w->pendsz++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->path = xstrdup(path);
	p->shown = xstrdup(shown);
	p->slug = xstrndup(name, strlen(name) - 3);
}

/* The pool's callback: load pending file i on its own diagnostics. */
static int
pending_load(void *arg, size_t i, int worker)
{
	const struct walk	*w = arg;
	const struct config	*cfg = &w->site->cfg;
	struct pending		*p = &w->pend[i];
	struct walk		 local = *w;
	char			*buf;
	const char		*text;
	size_t			 len;

	(void)worker;
	local.d = &p->d;
	local.syserr = 0;
	if (source_read(&local, p->path, p->shown, &buf, &text, &len)) {
		switch (p->kind) {
		case KIND_MEASURE:
			p->obj = measure_load(p->shown, p->slug, text, len,
			    cfg, &p->d);
			break;
		case KIND_REPORT:
			p->obj = report_load(p->shown, p->slug, text, len,
			    cfg, &p->d);
			break;
		case KIND_PAGE:
			p->obj = page_load(p->shown, p->slug, text, len, cfg,
			    &p->d);
			break;
		}
		free(buf);
	}
	p->syserr = local.syserr;
	diag_sort(&p->d);
	return 1;
}

/* Add what pending file p loaded to the site's arrays. */
static void
site_add(struct site *s, const struct pending *p)
{
	if (p->obj == NULL)
		return;
	switch (p->kind) {
	case KIND_MEASURE:
		s->measures = xreallocarray(s->measures, s->measuresz + 1,
		    sizeof(*s->measures));
		s->measures[s->measuresz++] = p->obj;
		break;
	case KIND_REPORT:
		s->reports = xreallocarray(s->reports, s->reportsz + 1,
		    sizeof(*s->reports));
		s->reports[s->reportsz++] = p->obj;
		break;
	case KIND_PAGE:
		s->pages = xreallocarray(s->pages, s->pagesz + 1,
		    sizeof(*s->pages));
		s->pages[s->pagesz++] = p->obj;
		break;
	}
}

/*
 * Load every noted file on threads threads; the site's arrays and the
 * problems come out in walk order, whatever thread loaded what.
 */
static void
files_load(struct walk *w, int threads)
{
	struct site	*s = w->site;
	struct pending	*p;
	size_t		 i;

	pool_run(threads, w->pendsz, pending_load, NULL, w, NULL);
	for (i = 0; i < w->pendsz; i++) {
		p = &w->pend[i];
		s->files++;
		site_add(s, p);
		w->syserr |= p->syserr;
		diag_merge(w->d, &p->d);
		free(p->path);
		free(p->shown);
		free(p->slug);
	}
	free(w->pend);
	w->pend = NULL;
	w->pendsz = 0;
}

/* Load every .md file under dir (rel is its path from the site root). */
static void
walk_dir(struct walk *w, const char *rel, int depth, int recurse,
    enum kind kind)
{
	char		*dir, **names, *crel, *cpath, *shown;
	size_t		 i, sz;
	struct stat	 st;

	dir = path_join(w->site->root, rel);
	names = dir_list(dir, &sz);
	for (i = 0; names != NULL && i < sz; i++) {
		crel = path_join(rel, names[i]);
		cpath = path_join(dir, names[i]);
		shown = display_path(w->site, crel);
		if (stat(cpath, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!inside(cpath, w->content))
				diag_add(w->d, shown, 0, 0, SEV_ERROR, "this is "
				    "a link to a folder outside content/");
			else if (recurse && depth < MAX_DEPTH)
				walk_dir(w, crel, depth + 1, recurse, kind);
		} else if (has_md(names[i]))
			file_note(w, cpath, shown, names[i], kind);
		free(crel);
		free(cpath);
		free(shown);
		free(names[i]);
	}
	free(names);
	free(dir);
}

static int
measurecmp_slug(const void *a, const void *b)
{
	const struct measure	*x = *(const struct measure *const *)a;
	const struct measure	*y = *(const struct measure *const *)b;
	int			 c;

	if (x->fiscal_year != y->fiscal_year)
		return x->fiscal_year < y->fiscal_year ? -1 : 1;
	if ((c = strcmp(x->slug, y->slug)) != 0)
		return c;
	return strcmp(x->path, y->path);
}

/* Two measures of one fiscal year must not share a web address. */
static void
check_slugs(struct walk *w)
{
	struct measure	**v, *a, *b;
	size_t		 i, n = w->site->measuresz;

	if (n < 2)
		return;
	v = xcalloc(n, sizeof(*v));
	memcpy(v, w->site->measures, n * sizeof(*v));
	sort(v, n, sizeof(*v), measurecmp_slug);
	for (i = 1; i < n; i++) {
		a = v[i - 1];
		b = v[i];
		if (a->fiscal_year != b->fiscal_year ||
		    strcmp(a->slug, b->slug) != 0)
			continue;
		/* Blame the file whose slug: line made the clash. */
		if (a->pos[F_SLUG].line && !b->pos[F_SLUG].line) {
			b = a;
			a = v[i];
		}
		diag_add(w->d, b->path, b->pos[F_SLUG].line,
		    b->pos[F_SLUG].col, SEV_ERROR, "slug '%s' is already "
		    "used by %s in fiscal year %d; rename one of the files "
		    "or set 'slug:'", b->slug, a->path, b->fiscal_year);
	}
	free(v);
}

/* Evidence files must exist under content/files/. */
static void
check_evidence(struct walk *w, const struct measure *m)
{
	const struct evidence	*e;
	char			*path, *files;
	size_t			 i;
	struct stat		 st;

	files = xasprintf("%s/files", w->content);
	for (i = 0; i < m->evidencesz; i++) {
		e = &m->evidence[i];
		if (strncmp(e->url, "files/", 6) != 0)
			continue;
		path = path_join(w->content, e->url);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			diag_add(w->d, m->path, e->pos.line, e->pos.col,
			    SEV_ERROR, "evidence file content/%s does not "
			    "exist; put the document in content/files/",
			    e->url);
		else if (!inside(path, files))
			diag_add(w->d, m->path, e->pos.line, e->pos.col,
			    SEV_ERROR, "evidence file content/%s is a link "
			    "to a file outside content/files/; copy the "
			    "document into content/files/ instead", e->url);
		free(path);
	}
	free(files);
}

/* Read content/site.yaml; 1 if usable. */
static int
load_config(struct walk *w)
{
	char		*path, *shown, *buf;
	const char	*text;
	size_t		 len;
	int		 ok = 0;

	path = path_join(w->content, "site.yaml");
	shown = display_path(w->site, "content/site.yaml");
	w->site->files++;
	if (source_read(w, path, shown, &buf, &text, &len))
		ok = config_load(&w->site->cfg, shown, text, len, w->d);
	else
		config_init(&w->site->cfg);
	free(buf);
	free(path);
	free(shown);
	return ok;
}

/*
 * Load the site at root into s: site.yaml, every measure, report and
 * page, the measures parsed on threads threads.  Problems go to d, in
 * the order of the files.  Drafts are dropped unless drafts is set.
 * Returns EXIT_FINE, EXIT_CONTENT or EXIT_SYSTEM; s is always safe to
 * pass to site_free().
 */
enum exitcode
site_load(struct site *s, const char *root, int drafts, int threads,
    struct diags *d)
{
	struct walk	 w;
	char		*content;
	size_t		 i, n;

	memset(s, 0, sizeof(*s));
	memset(&w, 0, sizeof(w));
	s->root = xstrdup(root);
	content = path_join(root, "content");
	if ((w.content = realpath(content, NULL)) == NULL) {
		diag_add(d, content, 0, 0, SEV_ERROR, "cannot open the "
		    "content folder: %s (is --source the site folder?)",
		    strerror(errno));
		free(content);
		return EXIT_SYSTEM;
	}
	free(content);
	w.site = s;
	w.d = d;
	load_config(&w);
	walk_dir(&w, "content/measures", 0, 1, KIND_MEASURE);
	walk_dir(&w, "content/reports", 0, 0, KIND_REPORT);
	walk_dir(&w, "content/pages", 0, 0, KIND_PAGE);
	files_load(&w, threads);
	check_slugs(&w);
	for (i = 0; i < s->measuresz; i++)
		check_evidence(&w, s->measures[i]);
	for (i = n = 0; i < s->measuresz; i++)
		if (s->measures[i]->draft && !drafts)
			measure_free(s->measures[i]);
		else
			s->measures[n++] = s->measures[i];
	s->measuresz = n;
	free(w.content);
	if (w.syserr)
		return EXIT_SYSTEM;
	return d->errors ? EXIT_CONTENT : EXIT_FINE;
}

void
site_free(struct site *s)
{
	size_t	 i;

	for (i = 0; i < s->measuresz; i++)
		measure_free(s->measures[i]);
	free(s->measures);
	for (i = 0; i < s->reportsz; i++)
		report_free(s->reports[i]);
	free(s->reports);
	for (i = 0; i < s->pagesz; i++)
		page_free(s->pages[i]);
	free(s->pages);
	config_free(&s->cfg);
	free(s->root);
	memset(s, 0, sizeof(*s));
}
