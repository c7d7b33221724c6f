/* site.c: loads a site: walks content/ in sorted order, reads files under the size, UTF-8 and symlink rules, and loads every measure, report, page, O-item file and scores file. */
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
	KIND_PAGE,
	KIND_OIT,		/* content/oit/YEAR.yaml */
	KIND_SCORES		/* content/scores/YEAR.yaml */
};

/* The ending of each kind's files. */
static const char *const kindext[] = { ".md", ".md", ".md", ".yaml", ".yaml" };

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
	const volatile sig_atomic_t *stop;	/* set: stop walking */
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

/*
 * The path editors see for rel in the site folder of s (messages,
 * what changed): display_path() for the other stages.  A new string.
 */
char *
site_shown(const struct site *s, const char *rel)
{
	return display_path(s, rel);
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
		diag_add(w->d, shown, 0, 0, SEV_ERROR, _("this file is a link "
		    "to a file outside content/; copy the file into content/ instead"));
		return 0;
	}
	if ((fd = file_open(path)) == -1) {
		if (errno == EINVAL) {
			diag_add(w->d, shown, 0, 0, SEV_ERROR, _("this is not a "
			    "regular file (a pipe, socket or device named "
			    "like one); remove it or replace it with the file"));
			return 0;
		}
		diag_add(w->d, shown, 0, 0, SEV_ERROR, _("cannot read this file: "
		    "%s"), strerror(errno));
		w->syserr = 1;
		return 0;
	}
	if (fstat(fd, &st) == -1 || st.st_size > (off_t)MAX_FILE) {
		diag_add(w->d, shown, 0, 0, SEV_ERROR, _("this file is larger "
		    "than 4 MiB (%lld bytes); put large documents in "
		    "content/files/ and link them as evidence"),
		    (long long)st.st_size);
		close(fd);
		return 0;
	}
	*buf = xmalloc((size_t)st.st_size + 1);
	n = read(fd, *buf, (size_t)st.st_size);
	close(fd);
	if (n != st.st_size) {
		diag_add(w->d, shown, 0, 0, SEV_ERROR, _("cannot read this file: "
		    "%s"), n < 0 ? strerror(errno) : _("file changed while reading"));
		w->syserr = 1;
		goto fail;
	}
	(*buf)[n] = '\0';
	if (n == 0) {
		diag_add(w->d, shown, 0, 0, SEV_ERROR, _("this file is empty"));
		goto fail;
	}
	if (!utf8_valid(*buf, (size_t)n, &bad) || memchr(*buf, '\0', (size_t)n)) {
		if (memchr(*buf, '\0', (size_t)n) && utf8_valid(*buf, (size_t)n, &bad))
			bad = (size_t)((char *)memchr(*buf, '\0', (size_t)n) - *buf);
		offset_pos(*buf, bad, &line, &col);
		diag_add(w->d, shown, line, col, SEV_ERROR, _("the file is not "
		    "saved as UTF-8 (byte 0x%02x at byte offset %zu)%s; in "
		    "your editor choose Save As, Encoding: UTF-8"),
		    (unsigned char)(*buf)[bad], bad, (*buf)[bad] == '\0' ?
		    _(": it looks like UTF-16 (\"Unicode\")") :
		    (unsigned char)(*buf)[bad] >= 0xa1 &&
		    (unsigned char)(*buf)[bad] <= 0xfb ?
		    _(": it looks like Thai ANSI (TIS-620/Windows-874)") : "");
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
has_ext(const char *name, const char *ext)
{
	size_t	 n = strlen(name), e = strlen(ext);

	return n > e && strcmp(name + n - e, ext) == 0;
}


/* Note the content file at path, of kind, to be loaded by files_load(). */
static void
file_note(struct walk *w, const char *path, const char *shown,
    const char *name, enum kind kind)
{
	struct pending	*p;

	w->pend = xgrow(w->pend, w->pendsz, sizeof(*w->pend));
	p = &w->pend[w->pendsz++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->path = xstrdup(path);
	p->shown = xstrdup(shown);
	p->slug = xstrndup(name, strlen(name) - strlen(kindext[kind]));
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
		case KIND_OIT:
			p->obj = oitmap_load(p->shown, p->slug, text, len,
			    &p->d);
			break;
		case KIND_SCORES:
			p->obj = scores_load(p->shown, p->slug, text, len,
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
		s->measures = xgrow(s->measures, s->measuresz,
		    sizeof(*s->measures));
		s->measures[s->measuresz++] = p->obj;
		break;
	case KIND_REPORT:
		s->reports = xgrow(s->reports, s->reportsz,
		    sizeof(*s->reports));
		s->reports[s->reportsz++] = p->obj;
		break;
	case KIND_PAGE:
		s->pages = xgrow(s->pages, s->pagesz,
		    sizeof(*s->pages));
		s->pages[s->pagesz++] = p->obj;
		break;
	case KIND_OIT:
		s->oit = xgrow(s->oit, s->oitsz, sizeof(*s->oit));
		s->oit[s->oitsz++] = p->obj;
		break;
	case KIND_SCORES:
		s->scores = xgrow(s->scores, s->scoresz, sizeof(*s->scores));
		s->scores[s->scoresz++] = p->obj;
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

	pool_run(threads, w->pendsz, pending_load, NULL, w, w->stop);
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

/*
 * Note every .md file under the folder rel (its path from the site
 * root); measures' folders are walked down to MAX_DEPTH.  Nothing in
 * them is skipped without a word: an editor who put a file where it is
 * not read is told so.
 */
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
		if (w->stop != NULL && *w->stop)
			break;
		crel = path_join(rel, names[i]);
		cpath = path_join(dir, names[i]);
		shown = display_path(w->site, crel);
		if (stat(cpath, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!inside(cpath, w->content))
				diag_add(w->d, shown, 0, 0, SEV_ERROR, _("this is "
				    "a link to a folder outside content/"));
			else if (!recurse && kind >= KIND_OIT)
				diag_add(w->d, shown, 0, 0, SEV_WARNING,
				    _("this is a folder; %s/ reads only the "
				    ".yaml files directly in it, so nothing in "
				    "this folder is read"), rel);
			else if (!recurse)
				diag_add(w->d, shown, 0, 0, has_ext(names[i], ".md") ?
				    SEV_ERROR : SEV_WARNING, _("this is a folder; "
				    "%s/ reads only the .md files directly in "
				    "it, so nothing in this folder is published"),
				    rel);
			else if (depth >= MAX_DEPTH)
				diag_add(w->d, shown, 0, 0, SEV_ERROR, _("this "
				    "folder is more than %d folders deep inside "
				    "content/measures/; its files are not read: "
				    "move them to a folder nearer the top"),
				    MAX_DEPTH);
			else
				walk_dir(w, crel, depth + 1, recurse, kind);
		} else if (has_ext(names[i], kindext[kind]))
			file_note(w, cpath, shown, names[i], kind);
		else if (kind >= KIND_OIT)
			diag_add(w->d, shown, 0, 0, SEV_WARNING, _("this file "
			    "is not read: only files ending in .yaml are; put "
			    "documents in content/files/"));
		else
			diag_add(w->d, shown, 0, 0, SEV_WARNING, _("this file "
			    "is not read: only files ending in .md are; put "
			    "documents in content/files/"));
		free(crel);
		free(cpath);
		free(shown);
		free(names[i]);
	}
	free(names);
	free(dir);
}

/*
 * Walk one of content/'s folders of content files, if it is there; it
 * must be a folder inside content/.
 */
static void
walk_top(struct walk *w, const char *rel, int recurse, enum kind kind)
{
	char		*dir, *shown;
	struct stat	 st;

	dir = path_join(w->site->root, rel);
	shown = display_path(w->site, rel);
	if (lstat(dir, &st) != 0) {
		if (errno != ENOENT) {
			diag_add(w->d, shown, 0, 0, SEV_ERROR, _("cannot read "
			    "this folder: %s"), strerror(errno));
			w->syserr = 1;
		}
	} else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		diag_add(w->d, shown, 0, 0, SEV_ERROR, kind >= KIND_OIT ?
		    _("this must be a folder of .yaml files, but it is a "
		    "file") : _("this must be a "
		    "folder of .md files, but it is a file"));
	else if (!inside(dir, w->content))
		diag_add(w->d, shown, 0, 0, SEV_ERROR, _("this is a link to a "
		    "folder outside content/; move the folder into content/"));
	else
		walk_dir(w, rel, 0, recurse, kind);
	free(dir);
	free(shown);
}

/*
 * Note every file under the folder dir (real path base, shown to
 * editors as shown) as an asset to publish under prefix.  A link is
 * followed only to a regular file inside base: a link to anything
 * outside would publish it, /etc/shadow included, and a link to a
 * folder could loop.  Folders deeper than MAX_DEPTH, links to folders,
 * pipes and devices are errors, so that `check` refuses what `build`
 * would not publish.
 */
static void
assets_walk(struct assets *as, const char *dir, const char *base,
    const char *shown, const char *prefix, int depth, struct diags *d,
    const volatile sig_atomic_t *stop)
{
	char		**names, *src, *rel, *cshown;
	size_t		 i, sz;
	struct stat	 lst, st;

	if ((names = dir_list(dir, &sz)) == NULL) {
		diag_add(d, shown, 0, 0, SEV_ERROR, _("cannot read this folder: "
		    "%s"), strerror(errno));
		return;
	}
	for (i = 0; i < sz; i++) {
		src = path_join(dir, names[i]);
		rel = path_join(prefix, names[i]);
		cshown = path_join(shown, names[i]);
		if ((stop != NULL && *stop) || lstat(src, &lst) != 0)
			;
		else if (S_ISLNK(lst.st_mode) && (stat(src, &st) != 0 ||
		    !inside(src, base)))
			diag_add(d, cshown, 0, 0, SEV_ERROR, _("this is a link to "
			    "something outside %s/ (or to nothing); copy the "
			    "file in instead"), shown);
		else if (S_ISLNK(lst.st_mode) && S_ISDIR(st.st_mode))
			diag_add(d, cshown, 0, 0, SEV_ERROR, _("this is a link "
			    "to a folder, which is not published; copy the "
			    "folder in instead"));
		else if (S_ISDIR(lst.st_mode) && depth >= MAX_DEPTH)
			diag_add(d, cshown, 0, 0, SEV_ERROR, _("this folder is "
			    "more than %d folders deep; its files are not "
			    "published: move them nearer the top"), MAX_DEPTH);
		else if (S_ISDIR(lst.st_mode))
			assets_walk(as, src, base, cshown, rel, depth + 1, d,
			    stop);
		else if (!S_ISREG(S_ISLNK(lst.st_mode) ? st.st_mode :
		    lst.st_mode))
			diag_add(d, cshown, 0, 0, SEV_ERROR, _("this is not a "
			    "regular file (a pipe, socket or device); remove "
			    "it"));
		else {
			as->v = xgrow(as->v, as->sz, sizeof(*as->v));
			as->v[as->sz].rel = rel;
			as->v[as->sz++].src = src;
			src = rel = NULL;
		}
		free(src);
		free(rel);
		free(cshown);
		free(names[i]);
	}
	free(names);
}

/*
 * Note the files of folder dir to publish under prefix: the assets of
 * content/files/ or of a theme's static/ folder.  dir must be a real
 * folder inside the folder within.  Problems go to d, shown under
 * the name shown.
 */
void
site_assets(struct assets *as, const char *dir, const char *within,
    const char *shown, const char *prefix, struct diags *d,
    const volatile sig_atomic_t *stop)
{
	struct stat	 st;
	char		*base = NULL, *top;

	if (lstat(dir, &st) != 0 && errno == ENOENT)
		return;
	if ((top = realpath(within, NULL)) == NULL || stat(dir, &st) != 0 ||
	    !S_ISDIR(st.st_mode) || !inside(dir, top) ||
	    (base = realpath(dir, NULL)) == NULL)
		diag_add(d, shown, 0, 0, SEV_ERROR, _("this must be a folder, "
		    "not a file or a link to a folder somewhere else"));
	else
		assets_walk(as, dir, base, shown, prefix, 0, d, stop);
	free(top);
	free(base);
}

void
site_assets_free(struct assets *as)
{
	size_t	 i;

	for (i = 0; i < as->sz; i++) {
		free(as->v[i].rel);
		free(as->v[i].src);
	}
	free(as->v);
	memset(as, 0, sizeof(*as));
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
		    b->pos[F_SLUG].col, SEV_ERROR, _("slug '%s' is already "
		    "used by %s in fiscal year %d; rename one of the files "
		    "or set 'slug:'"), b->slug, a->path, b->fiscal_year);
	}
	free(v);
}

/*
 * Evidence files must be among the files published from content/files/
 * (files maps each asset's files/... path to its index).
 */
static void
check_evidence(struct walk *w, const struct strmap *files,
    const struct measure *m)
{
	const struct evidence	*e;
	struct stat		 st;
	char			*path;
	size_t			 i;
	int			 there;

	for (i = 0; i < m->evidencesz; i++) {
		e = &m->evidence[i];
		if (strncmp(e->url, "files/", 6) != 0 ||
		    strmap_get(files, e->url) != STRMAP_NONE)
			continue;
		/* A link or pipe there was reported by site_assets(). */
		path = path_join(w->content, e->url);
		there = lstat(path, &st) == 0 && !S_ISDIR(st.st_mode);
		free(path);
		if (there)
			continue;
		diag_add(w->d, m->path, e->pos.line, e->pos.col, SEV_ERROR,
		    _("evidence file content/%s does not exist; put the "
		    "document in content/files/"), e->url);
	}
}

/*
 * site.yaml's logo, when it is a file of content/files/, must be one
 * (build.c checks one in the theme's static/ folder, which it loads).
 */
static void
check_logo(const struct site *s, const struct strmap *files,
    struct diags *d)
{
	const struct identity	*id = &s->cfg.id;
	char			*shown;

	if (id->logo == NULL || strncmp(id->logo, "files/", 6) != 0 ||
	    strmap_get(files, id->logo) != STRMAP_NONE)
		return;
	shown = display_path(s, "content/site.yaml");
	diag_add(d, shown, id->logo_pos.line, id->logo_pos.col, SEV_ERROR,
	    _("there is no logo file %s: put the file in content/files/ "
	    "(as files/NAME) or in the theme's static/ folder (as "
	    "static/NAME)"), id->logo);
	free(shown);
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
 * page, the measures parsed on threads threads, and the list of files
 * to publish from content/files/.  Problems go to d, in the order of
 * the files.  It stops early, returning EXIT_SYSTEM, once *stop is set
 * (stop may be NULL).  Drafts are dropped unless drafts is set.
 * Returns EXIT_FINE, EXIT_CONTENT or EXIT_SYSTEM; s is always safe to
 * pass to site_free().
 */
enum exitcode
site_load(struct site *s, const char *root, int drafts, int threads,
    const volatile sig_atomic_t *stop, struct diags *d)
{
	struct walk	 w;
	struct strmap	 published = { 0 };
	char		*content, *files, *shown;
	size_t		 i, n;

	memset(s, 0, sizeof(*s));
	memset(&w, 0, sizeof(w));
	s->root = xstrdup(root);
	content = path_join(root, "content");
	if ((w.content = realpath(content, NULL)) == NULL) {
		diag_add(d, content, 0, 0, SEV_ERROR, _("cannot open the "
		    "content folder: %s (is --source the site folder?)"),
		    strerror(errno));
		free(content);
		return EXIT_SYSTEM;
	}
	free(content);
	w.site = s;
	w.d = d;
	w.stop = stop;
	load_config(&w);
	walk_top(&w, "content/measures", 1, KIND_MEASURE);
	walk_top(&w, "content/reports", 0, KIND_REPORT);
	walk_top(&w, "content/pages", 0, KIND_PAGE);
	walk_top(&w, "content/oit", 0, KIND_OIT);
	walk_top(&w, "content/scores", 0, KIND_SCORES);
	files_load(&w, threads);
	check_slugs(&w);
	files = path_join(root, "content/files");
	shown = display_path(s, "content/files");
	site_assets(&s->files_dir, files, w.content, shown, "files", d, stop);
	free(files);
	free(shown);
	for (i = 0; i < s->files_dir.sz; i++)
		strmap_put(&published, s->files_dir.v[i].rel, i);
	for (i = 0; i < s->measuresz; i++)
		check_evidence(&w, &published, s->measures[i]);
	check_logo(s, &published, d);
	strmap_free(&published);
	for (i = n = 0; i < s->measuresz; i++)
		if (s->measures[i]->draft && !drafts)
			measure_free(s->measures[i]);
		else
			s->measures[n++] = s->measures[i];
	s->measuresz = n;
	free(w.content);
	if (w.syserr || (stop != NULL && *stop))
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
	for (i = 0; i < s->oitsz; i++)
		oitmap_free(s->oit[i]);
	free(s->oit);
	for (i = 0; i < s->scoresz; i++)
		scores_free(s->scores[i]);
	free(s->scores);
	site_assets_free(&s->files_dir);
	config_free(&s->cfg);
	free(s->root);
	memset(s, 0, sizeof(*s));
}

/*
 * Where the measure shown as shown sits in s->measures (*found set), or
 * where a new one goes: the walk's order is by path, but not always
 * strcmp()'s, so the search for it is linear.
 */
static size_t
measure_slot(const struct site *s, const char *shown, int *found)
{
	size_t	 i;

	for (i = 0; i < s->measuresz; i++)
		if (strcmp(s->measures[i]->path, shown) == 0) {
			*found = 1;
			return i;
		}
	*found = 0;
	for (i = 0; i < s->measuresz; i++)
		if (strcmp(s->measures[i]->path, shown) > 0)
			break;
	return i;
}

/*
 * Load the measure file rel (its path from the site root, under
 * content/measures/) again into the loaded site s: replaced, added, or
 * dropped if it is gone or a draft left out.  The checks across files
 * (slugs, evidence) are made again for the whole site.  Problems go to
 * d.  Returns EXIT_FINE, EXIT_CONTENT or EXIT_SYSTEM; after anything
 * but EXIT_FINE the site is to be loaded afresh before it is built.
 */
enum exitcode
site_reload(struct site *s, char *const *rels, size_t relsz, int drafts,
    struct diags *d)
{
	struct walk	 w;
	struct strmap	 published = { 0 };
	struct measure	*m;
	struct stat	 st;
	const char	*text, *name;
	char		*content, *path, *shown, *buf, *slug;
	size_t		 i, k, len;
	int		 found;

	memset(&w, 0, sizeof(w));
	content = path_join(s->root, "content");
	w.content = realpath(content, NULL);
	free(content);
	if (w.content == NULL)
		return EXIT_SYSTEM;
	w.site = s;
	w.d = d;
	for (i = 0; i < s->files_dir.sz; i++)
		strmap_put(&published, s->files_dir.v[i].rel, i);
	for (i = 0; i < relsz; i++) {
		path = path_join(s->root, rels[i]);
		shown = display_path(s, rels[i]);
		k = measure_slot(s, shown, &found);
		m = NULL;
		if (lstat(path, &st) == 0) {
			name = strrchr(rels[i], '/');
			name = name == NULL ? rels[i] : name + 1;
			slug = xstrndup(name, strlen(name) - 3);
			if (source_read(&w, path, shown, &buf, &text, &len))
				m = measure_load(shown, slug, text, len,
				    &s->cfg, d);
			free(buf);
			free(slug);
			if (m != NULL)
				check_evidence(&w, &published, m);
			if (m != NULL && m->draft && !drafts) {
				measure_free(m);
				m = NULL;
			}
		}
		if (found && m != NULL) {
			measure_free(s->measures[k]);
			s->measures[k] = m;
		} else if (found) {
			measure_free(s->measures[k]);
			memmove(&s->measures[k], &s->measures[k + 1],
			    (s->measuresz - k - 1) * sizeof(*s->measures));
			s->measuresz--;
		} else if (m != NULL) {
			s->measures = xgrow(s->measures, s->measuresz,
			    sizeof(*s->measures));
			memmove(&s->measures[k + 1], &s->measures[k],
			    (s->measuresz - k) * sizeof(*s->measures));
			s->measures[k] = m;
			s->measuresz++;
		}
		free(path);
		free(shown);
	}
	check_slugs(&w);
	strmap_free(&published);
	free(w.content);
	if (w.syserr)
		return EXIT_SYSTEM;
	return d->errors ? EXIT_CONTENT : EXIT_FINE;
}
