/* build.c: runs the stages in order (load, index, theme, model, publish) and owns everything they share. */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "extern.h"

/* Set by a signal: stop, and leave the published site as it was. */
static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/*
 * Stop at Ctrl-C, SIGTERM or a closed terminal, at any stage.  Without
 * SA_RESTART a blocking call returns EINTR instead of going on waiting.
 */
static void
signals_catch(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void	pages_done(const struct build *, int, build_done_fn, void *);

/* One page to render: b->refs[i] says which, b->jobs[i] how it went. */
struct job {
	char			*file;		/* output file, e.g. 2566/index.html */
	struct diags		 d;		/* this page's problems */
	struct stamp		 s;		/* its model and file, for the cache */
	int			 rendered;	/* 0 if the published page was kept */
	int			 skip;		/* build_update: not shown changed */
	int			 known;		/* build_update: the file in place */
	int			 first;		/* build_update: made in its first round */
	struct hash		 old;		/* was made from a model of this hash */
	char			*pdf;		/* a report's PDF file, or NULL */
	struct stamp		 ps;		/* its page's model and its file */
};

/*
 * Work for the thread pool besides the pages: the first round fills in
 * each measure's feed items (beside the pages), the second writes the
 * feeds, the sitemap and the open data.
 */
enum taskkind {
	TASK_PAGE,		/* jobs[i] */
	TASK_FILL,		/* the feed items of measures[i] */
	TASK_FEED,		/* the feed of measures[i], or NO_MEASURE: of area */
	TASK_OWNERFEED,		/* the feed of the index's owners[i] */
	TASK_SITEMAP,
	TASK_OPENDATA,
	TASK_SEARCH		/* the search index, beside the pages */
};

struct task {
	enum taskkind	 kind;
	size_t		 i;
	int		 area;		/* TASK_FEED without a measure; -1: site */
	size_t		 files;		/* files it wrote */
	struct diags	 d;		/* its problems */
};

/* Everything one build owns. */
struct build {
	struct site	 site;
	struct index	 ix;
	struct theme	*theme;
	struct model	*model;
	struct publish	*pub;
	struct cache	*cache;		/* the published build's fingerprints */
	struct wordbreak *wb;		/* Thai words in the pages' text */
	struct hash	 key;		/* the theme's key and the names' */
	char		*cache_text;	/* this build's, saved once published */
	struct job	*jobs;
	size_t		 jobsz;
	struct pageref	*refs;		/* the pages, as the sitemap lists them */
	struct feeds	*feeds;
	struct task	*tasks;		/* the round being run */
	size_t		 tasksz;
	struct assets	 statics;	/* the theme's static/ folder */
	char		*pdf;		/* the PDF renderer (pdf.c), or NULL */
	size_t		 files;		/* copied static and evidence files */
	int		 threads;
	struct diags	 d;
	char		*source;	/* build_open(): the site folder */
	int		 drafts;
	unsigned char	*feed_want;	/* build_update: by measure, or NULL */
	build_done_fn	 done;		/* build_update: pages in place */
	void		*done_arg;
};

/*
 * Plan the page of type t about what (area for SCOPE_AREA), or its part
 * k of parts (url_part()).
 */
static void
job_part(struct build *b, size_t t, const void *what, int area,
    struct measure *const *m, size_t msz, size_t k, size_t parts)
{
	struct pageref	*r;
	struct job	*j;
	size_t		 n;
	char		*base;

	b->refs = xgrow(b->refs, b->jobsz, sizeof(*b->refs));
	b->jobs = xgrow(b->jobs, b->jobsz, sizeof(*b->jobs));
	r = &b->refs[b->jobsz];
	j = &b->jobs[b->jobsz++];
	memset(j, 0, sizeof(*j));
	r->type = t;
	r->what = what;
	r->area = area;
	r->m = m;
	r->msz = msz;
	r->part = k;
	r->parts = parts;
	base = url_page(&model_types[t], what, area);
	r->path = url_part(base, k);
	free(base);
	n = strlen(r->path);
	j->file = n == 0 || r->path[n - 1] == '/' ?
	    xstrcat3(r->path, "index.html", "") : xstrdup(r->path);
}

static void
job_add(struct build *b, size_t t, const void *what, int area,
    struct measure *const *m, size_t msz)
{
	job_part(b, t, what, area, m, msz, 0, 1);
}

/*
 * Plan a list of the measures m, split in parts of size (0: never) each
 * showing the next size of them in m's order.
 */
static void
job_list(struct build *b, size_t t, const void *what, int area,
    struct measure *const *m, size_t msz, int size)
{
	size_t	 k, n, parts;

	n = size > 0 ? (size_t)size : msz;
	parts = n > 0 && msz > n ? (msz + n - 1) / n : 1;
	if (parts == 1) {
		job_add(b, t, what, area, m, msz);
		return;
	}
	for (k = 0; k < parts; k++)
		job_part(b, t, what, area, m + k * n,
		    k + 1 < parts ? n : msz - k * n, k, parts);
}

/* The pages of type t for the year yg (one of the per-year scopes). */
static void
jobs_year(struct build *b, size_t t, const struct yeargroup *yg)
{
	size_t	 k;
	int	 a, list = b->site.cfg.list_size;

	switch (model_types[t].scope) {
	case SCOPE_YEAR:
		job_list(b, t, yg, 0, yg->m, yg->sz, list);
		break;
	case SCOPE_AREA:
		for (a = 0; a < AREA__MAX; a++)
			job_list(b, t, yg, a, yg->area[a].m, yg->area[a].sz,
			    list);
		break;
	case SCOPE_STATUS:
		for (a = 0; a < STATUS__MAX; a++)
			if (yg->bystatussz[a] > 0)
				job_list(b, t, yg, a, yg->bystatus[a],
				    yg->bystatussz[a], list);
		break;
	case SCOPE_REPORT:
		if (yg->sz > 0)
			job_list(b, t, yg, 0, yg->m, yg->sz,
			    b->site.cfg.report_size);
		break;
	case SCOPE_OIT:
		if (yg->orowsz > 0)
			job_add(b, t, yg, 0, NULL, 0);
		break;
	default:
		for (k = 0; k < yg->sz; k++)
			job_add(b, t, yg->m[k], 0, &yg->m[k], 1);
		break;
	}
}

static int
scope_yearly(enum scope s)
{
	return s == SCOPE_YEAR || s == SCOPE_AREA || s == SCOPE_STATUS ||
	    s == SCOPE_REPORT || s == SCOPE_MEASURE || s == SCOPE_OIT;
}

/*
 * Every page of the site, from model_types[] in its order; a run of
 * per-year types is made year by year, so each year's pages are
 * together.
 */
static void
jobs_plan(struct build *b)
{
	const struct index	*ix = &b->ix;
	const struct site	*s = &b->site;
	size_t			 t, u, end, i;

	for (t = 0; t < model_typesz; t = end) {
		end = t + 1;
		switch (model_types[t].scope) {
		case SCOPE_SITE:
			job_add(b, t, NULL, 0, s->measures, s->measuresz);
			break;
		case SCOPE_OWNER:
			for (i = 0; i < ix->ownersz; i++)
				job_list(b, t, &ix->owners[i], 0,
				    ix->owners[i].m, ix->owners[i].sz,
				    s->cfg.list_size);
			break;
		case SCOPE_PAGE:
			for (i = 0; i < s->pagesz; i++)
				job_add(b, t, s->pages[i], 0, NULL, 0);
			break;
		default:
			while (end < model_typesz &&
			    scope_yearly(model_types[end].scope))
				end++;
			for (i = 0; i < ix->yearsz; i++)
				for (u = t; u < end; u++)
					jobs_year(b, u, &ix->years[i]);
			break;
		}
	}
}

/* Model, theme, publish: one page. */
static int
job_render(struct build *b, size_t i, int w)
{
	const struct pageref	*r = &b->refs[i];
	struct job		*j = &b->jobs[i];
	const struct stamp	*old;
	xmlDocPtr		 doc;
	char			*html, *broken;
	size_t			 len;
	int			 ok;

	doc = model_types[r->type].model(b->model, r);
	model_hash(doc, &j->s.h);
	/* Rebuilt in place: the file there is already this model's page. */
	if (j->known && j->old.a == j->s.h.a && j->old.b == j->s.h.b) {
		model_doc_free(doc);
		return 1;
	}
	/* Same model, same theme: the published page is already right. */
	if ((old = cache_find(b->cache, j->file)) != NULL &&
	    old->h.a == j->s.h.a && old->h.b == j->s.h.b &&
	    publish_reuse(b->pub, j->file, old)) {
		model_doc_free(doc);
		return 1;
	}
	j->rendered = 1;
	ok = theme_apply(b->theme, r->type, doc, j->file, &html, &len,
	    &j->d);
	if (!ok)
		return 0;
	broken = wordbreak_page(b->wb, w, html, len, &len);
	free(html);
	html = broken;
	ok = publish_write(b->pub, j->file, html, len);
	free(html);
	return ok;
}

/*
 * Pages whose model holds every measure of a year: its list, its areas'
 * lists and its report (methods and results, three times over: model,
 * result tree, text).  The pool runs them one at a time, so that two at
 * once do not set the build's peak memory at national scale, while the
 * other threads have plenty of small pages to do.
 */
static int
task_big(void *arg, size_t i)
{
	const struct build	*b = arg;
	const struct task	*t = &b->tasks[i];

	return t->kind == TASK_PAGE &&
	    model_types[b->refs[t->i].type].big;
}

/* Do one task on worker w; 0 on failure. */
static int
task_run(struct build *b, struct task *t, int w)
{
	switch (t->kind) {
	case TASK_PAGE:
		return job_render(b, t->i, w);
	case TASK_FILL:
		feed_fill(b->feeds, t->i);
		return 1;
	case TASK_FEED:
		return feed_write(b->feeds, t->i, t->area, w, b->pub,
		    &t->files, &t->d);
	case TASK_OWNERFEED:
		return feed_write_owner(b->feeds, t->i, w, b->pub, &t->files,
		    &t->d);
	case TASK_SITEMAP:
		return sitemap_write(&b->site, b->refs, b->jobsz, b->pub,
		    &t->files, &t->d);
	case TASK_SEARCH:
		return search_write(&b->site, &b->ix, b->pub, &t->files,
		    &t->d);
	default:
		return opendata_write(&b->site, &b->ix, b->pub, &t->files,
		    &t->d);
	}
}

/* The pool's callback: task i of the round. */
static int
task_pooled(void *arg, size_t i, int w)
{
	struct build	*b = arg;

	return task_run(b, &b->tasks[i], w);
}

/*
 * Run the tasks of one round on b->threads threads; the big pages one
 * at a time, but for an update, which has only a few of them to make
 * and is waited for.
 */
static int
tasks_run(struct build *b)
{
	return pool_run(b->threads, b->tasksz, task_pooled,
	    b->feed_want != NULL ? NULL : task_big, b, &interrupted);
}

static void
task_add(struct build *b, enum taskkind kind, size_t i, int area)
{
	struct task	*t;

	b->tasks = xgrow(b->tasks, b->tasksz, sizeof(*b->tasks));
	t = &b->tasks[b->tasksz++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->i = i;
	t->area = area;
}

/* Merge the round's problems in task order, count its files, drop it. */
static void
tasks_end(struct build *b)
{
	size_t	 i;

	for (i = 0; i < b->tasksz; i++) {
		b->files += b->tasks[i].files;
		diag_merge(&b->d, &b->tasks[i].d);
		diag_free(&b->tasks[i].d);
	}
	free(b->tasks);
	b->tasks = NULL;
	b->tasksz = 0;
}

/*
 * Two rounds on the pool: every page, every measure's feed items and
 * the search index;
 * then, with the items in order, every feed, the sitemap and the open
 * data (the big single files first, so that no thread waits at the end).
 */
static int
jobs_run(struct build *b)
{
	size_t	 i;
	int	 a, ok;

	b->feeds = feed_new(&b->site, &b->ix, b->threads);
	/* The shells the theme kept may show what an update changed. */
	theme_forget(b->theme);
	task_add(b, TASK_SEARCH, 0, 0);
	for (i = 0; i < b->jobsz; i++)
		if (!b->jobs[i].skip)
			task_add(b, TASK_PAGE, i, 0);
	for (i = 0; i < b->site.measuresz; i++)
		task_add(b, TASK_FILL, i, 0);
	ok = tasks_run(b);
	for (i = 0; i < b->jobsz; i++)
		diag_merge(&b->d, &b->jobs[i].d);
	tasks_end(b);
	/* An update's pages are in place: the feeds and data need no wait. */
	if (ok && !interrupted && b->done != NULL)
		pages_done(b, 0, b->done, b->done_arg);
	if (ok && !interrupted) {
		feed_sort(b->feeds);
		task_add(b, TASK_OPENDATA, 0, 0);
		task_add(b, TASK_SITEMAP, 0, 0);
		for (a = -1; a < AREA__MAX; a++)
			task_add(b, TASK_FEED, NO_MEASURE, a);
		for (i = 0; i < b->ix.ownersz; i++)
			task_add(b, TASK_OWNERFEED, i, -1);
		for (i = 0; i < b->site.measuresz; i++)
			if (b->feed_want == NULL || b->feed_want[i])
				task_add(b, TASK_FEED, i, -1);
		ok = tasks_run(b);
		tasks_end(b);
	}
	return ok;
}

/* Pages put through the theme (the others were kept as published). */
static size_t
jobs_rendered(const struct build *b)
{
	size_t	 i, n = 0;

	for (i = 0; i < b->jobsz; i++)
		n += (size_t)b->jobs[i].rendered;
	return n;
}

/* What to remember of every page for the next build (in b->cache_text). */
static int
cache_write(struct build *b)
{
	struct buf	 text = { NULL, 0, 0 };
	size_t		 i;

	cache_head(&text, &b->key);
	for (i = 0; i < b->jobsz; i++) {
		if (!publish_stamp(b->pub, b->jobs[i].file, &b->jobs[i].s))
			goto fail;
		cache_line(&text, b->jobs[i].file, &b->jobs[i].s);
		if (b->jobs[i].pdf != NULL) {
			b->jobs[i].ps.h = b->jobs[i].s.h;
			if (!publish_stamp(b->pub, b->jobs[i].pdf,
			    &b->jobs[i].ps))
				goto fail;
			cache_line(&text, b->jobs[i].pdf, &b->jobs[i].ps);
		}
	}
	b->cache_text = text.s;
	return 1;
fail:
	free(text.s);
	return 0;
}

/* Copy every file of as into the output. */
static int
assets_copy(struct build *b, const struct assets *as)
{
	size_t	 i;

	for (i = 0; i < as->sz && !interrupted; i++) {
		if (!publish_copy(b->pub, as->v[i].rel, as->v[i].src))
			return 0;
		b->files++;
	}
	return 1;
}

/*
 * Index the loaded site: git dates first (they date feed items), then
 * the index, then the O-item checklists, which read the index.  Called
 * for a first load and for every reload of the preview.
 */
static void
build_index(struct build *b)
{
	gitdate_fill(&b->site, &b->d);
	index_build(&b->ix, &b->site, &b->d);
	oit_index(&b->ix, &b->site, &b->d);
}

/*
 * The PDF of each report, from its page as written in the build folder
 * (after the static files: the page's print style sheet and fonts).
 * A report whose page has the same model as the published one keeps
 * the published PDF: the renderer takes a second or more a report.  A
 * report too long for the renderer (pdf_wanted()) has none.  With
 * rendered set (the preview's update, which writes in place) only the
 * reports whose page was made again get a new PDF.
 */
static int
pdfs_make(struct build *b, int rendered)
{
	const struct stamp	*old;
	struct job		*j;
	char			*html, *out, *url, *why;
	const void		*warned = NULL;
	size_t			 i, t = model_type("report");
	int			 ok = 1;

	for (i = 0; i < b->jobsz && ok && !interrupted; i++) {
		if (b->refs[i].type != t)
			continue;
		if (!pdf_wanted(b->refs[i].m, b->refs[i].msz)) {
			/* A report in parts says so once, at its first. */
			if (b->refs[i].what == warned)
				continue;
			warned = b->refs[i].what;
			fprintf(stderr, _("prongsai: warning: the report %s has "
			    "%zu rows, too long for its PDF; print it from the "
			    "browser\n"), b->jobs[i].file, b->refs[i].msz);
			continue;
		}
		j = &b->jobs[i];
		free(j->pdf);
		j->pdf = url_report_pdf(b->refs[i].path);
		b->files++;
		if (rendered && !j->rendered)
			continue;
		if (!rendered && (old = cache_find(b->cache, j->pdf)) != NULL &&
		    old->h.a == j->s.h.a && old->h.b == j->s.h.b &&
		    publish_reuse(b->pub, j->pdf, old))
			continue;
		if ((out = publish_path(b->pub, j->pdf)) == NULL)
			return 0;
		html = path_join(publish_dir(b->pub), j->file);
		url = xstrcat3(b->site.cfg.base_url, j->file, "");
		if (!(ok = pdf_render(b->pdf, html, out, publish_dir(b->pub),
		    url, &interrupted, &why)) && !interrupted) {
			fprintf(stderr, _("prongsai: cannot make the PDF of "
			    "the report %s: %s\n"), j->file, why);
		}
		free(why);
		free(url);
		free(html);
		free(out);
	}
	return ok;
}

/* Is rel among the files as publishes? */
static int
assets_have(const struct assets *as, const char *rel)
{
	size_t	 i;

	for (i = 0; i < as->sz; i++)
		if (strcmp(as->v[i].rel, rel) == 0)
			return 1;
	return 0;
}

/* site.yaml's logo from the theme must be there (site.c checks files/). */
static void
logo_check(struct build *b)
{
	const struct identity	*id = &b->site.cfg.id;
	char			*file;

	if (id->logo == NULL || strncmp(id->logo, "static/", 7) != 0 ||
	    assets_have(&b->statics, id->logo))
		return;
	file = path_join(b->site.root, "content/site.yaml");
	diag_add(&b->d, file, id->logo_pos.line, id->logo_pos.col, SEV_ERROR,
	    _("there is no logo file %s: put the file in content/files/ "
	    "(as files/NAME) or in the theme's static/ folder (as "
	    "static/NAME)"), id->logo);
	free(file);
}

/*
 * The page models of the indexed site, with the theme's names and the
 * PDF renderer b has (or not), and the plan of every page.
 */
static void
build_plan(struct build *b)
{
	size_t	 t;

	b->model = model_new(&b->site, &b->ix, theme_strings(b->theme),
	    theme_t(b->theme, "table"));
	model_set_pdf(b->model, b->pdf != NULL);
	for (t = 0; t < model_typesz; t++)
		model_use_theme(b->model, t, theme_dict(b->theme, t),
		    theme_direct(b->theme, t), theme_reads_words(b->theme, t));
	jobs_plan(b);
}

/*
 * The Thai word breaker for the loaded site and index, and the key of
 * the render cache: a page depends on the theme and on the names kept
 * whole, which another page's content may bring (an owner).
 */
static void
breaks_make(struct build *b)
{
	struct hasher	*h;

	wordbreak_free(b->wb);
	b->wb = wordbreak_new(&b->site, &b->ix, b->threads);
	h = hash_new();
	hash_add(h, theme_key(b->theme), sizeof(struct hash));
	wordbreak_key(b->wb, h);
	hash_end(h, &b->key);
}

/* Load, index and prepare; returns an exit code, EXIT_FINE to go on. */
static enum exitcode
build_prepare(struct build *b, const char *source, const char *base_url,
    int drafts)
{
	enum exitcode	 rc;
	char		*dir;

	rc = site_load(&b->site, source, drafts, b->threads, &interrupted,
	    &b->d);
	if (rc != EXIT_FINE)
		return rc;
	if (base_url != NULL && !config_set_base_url(&b->site.cfg, base_url)) {
		fprintf(stderr, _("prongsai: --base-url must be a full "
		    "address such as https://www.example.go.th/ita/\n"));
		return EXIT_USAGE;
	}
	build_index(b);
	b->theme = theme_load(source, b->site.cfg.theme, b->site.cfg.fmt.lang,
	    &b->d);
	if (b->theme != NULL) {
		dir = path_join(theme_dir(b->theme), "static");
		site_assets(&b->statics, dir, theme_dir(b->theme), dir,
		    "static", &b->d, &interrupted);
		free(dir);
		logo_check(b);
	}
	if (b->d.errors)
		return EXIT_CONTENT;
	if (interrupted)
		return EXIT_SYSTEM;
	breaks_make(b);
	if ((b->pdf = pdf_renderer()) == NULL)
		fprintf(stderr, _("prongsai: warning: WeasyPrint (Debian "
		    "package weasyprint) is not installed, so the reports "
		    "are published without their PDF\n"));
	build_plan(b);
	return EXIT_FINE;
}

/* Render everything into the publisher; returns an exit code. */
static enum exitcode
build_render(struct build *b)
{
	int	 ok;

	ok = jobs_run(b);
	if (ok && !interrupted)
		ok = assets_copy(b, &b->statics);
	if (ok && !interrupted)
		ok = assets_copy(b, &b->site.files_dir);
	if (ok && !interrupted)
		ok = fonts_publish(b->pub, b->pdf, &interrupted, &b->files);
	if (ok && !interrupted && b->pdf != NULL)
		ok = pdfs_make(b, 0);
	if (ok && !interrupted)
		ok = cache_write(b);
	if (interrupted)
		return EXIT_SYSTEM;
	if (!ok)
		return b->d.errors ? EXIT_CONTENT : EXIT_SYSTEM;
	return EXIT_FINE;
}

/* Free the n pages of a plan: refs and jobs. */
static void
jobs_free(struct pageref *refs, struct job *jobs, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(refs[i].path);
		free(jobs[i].file);
		free(jobs[i].pdf);
		diag_free(&jobs[i].d);
	}
	free(refs);
	free(jobs);
}

static void
build_free(struct build *b)
{
	jobs_free(b->refs, b->jobs, b->jobsz);
	free(b->feed_want);
	feed_free(b->feeds);
	model_free(b->model);
	wordbreak_free(b->wb);
	cache_free(b->cache);
	free(b->cache_text);
	theme_free(b->theme);
	site_assets_free(&b->statics);
	free(b->pdf);
	index_free(&b->ix);
	site_free(&b->site);
	publish_free(b->pub);
	diag_free(&b->d);
	free(b->source);
}

/*
 * The output folder as given, without trailing slashes: the build
 * folder is its sibling, named by appending to it, so "public/" must
 * mean "public" (not a folder inside it).
 */
static char *
output_path(const char *output, const char *source)
{
	char	*out;
	size_t	 n;

	out = output != NULL ? xstrdup(output) : path_join(source, "output");
	n = strlen(out);
	while (n > 1 && out[n - 1] == '/')
		out[--n] = '\0';
	return out;
}

/*
 * The real path that path will have: its nearest existing folder's
 * real path with the rest of the path after it.  A new string.
 */
static char *
path_future(const char *path)
{
	char	*p, *whole, *real = NULL, *cut, *r, cwd[PATH_MAX];

	if (path[0] == '/')
		p = xstrdup(path);
	else if (getcwd(cwd, sizeof(cwd)) != NULL)
		p = path_join(cwd, path);
	else
		return xstrdup(path);
	whole = xstrdup(p);
	while ((real = realpath(p, NULL)) == NULL &&
	    (cut = strrchr(p, '/')) != NULL) {
		if (cut == p) {
			p[1] = '\0';
			real = realpath(p, NULL);
			break;
		}
		*cut = '\0';
	}
	r = real != NULL ? path_join(real, whole + strlen(p)) : xstrdup(whole);
	free(real);
	free(whole);
	free(p);
	return r;
}

/*
 * The output must not be inside content/: the next build would read
 * or copy its own output (content/files/pub copied itself into itself
 * until the names were too long).
 */
static int
output_allowed(const char *out, const char *source)
{
	char	*o, *c, *content;
	size_t	 n;
	int	 ok = 1;

	content = path_join(source, "content");
	o = path_future(out);
	if ((c = realpath(content, NULL)) != NULL) {
		n = strlen(c);
		ok = !(strncmp(o, c, n) == 0 && (o[n] == '/' ||
		    o[n] == '\0'));
	}
	free(c);
	free(o);
	free(content);
	return ok;
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Say what stopped b's build when it was not the content, whose
 * problems are in b->d: the signal or what the publisher met.
 */
static void
build_why(const struct build *b)
{
	if (!b->d.errors)
		fprintf(stderr, "prongsai: %s\n", interrupted ?
		    _("interrupted") : publish_error(b->pub));
}

/*
 * Render b into the folder out: a fresh sibling of it, swapped in only
 * if every stage succeeded, with out's cache of page fingerprints.
 * Returns an exit code; what went wrong beyond the content is printed.
 */
static enum exitcode
build_into(struct build *b, const char *source, const char *out)
{
	enum exitcode	 rc;
	char		*why = NULL, *real, *cpath;

	real = path_future(out);
	cpath = cache_path(source, real);
	if ((b->pub = publish_begin(out, cache_owns(cpath, real),
	    &why)) == NULL) {
		fprintf(stderr, "prongsai: %s\n", why);
		free(why);
		free(cpath);
		free(real);
		return EXIT_SYSTEM;
	}
	b->cache = cache_load(cpath, &b->key);
	if ((rc = build_render(b)) == EXIT_FINE &&
	    !publish_commit(b->pub))
		rc = EXIT_SYSTEM;
	/* Without a cache the next build is only slower: a warning. */
	if (rc == EXIT_FINE && !cache_save(cpath, b->cache_text, real))
		fprintf(stderr, _("prongsai: warning: cannot save %s; the "
		    "next build renders every page again\n"), cpath);
	if (rc == EXIT_FINE)
		cache_old_remove(out);
	if (rc != EXIT_FINE) {
		build_why(b);
		publish_abort(b->pub);
	}
	free(cpath);
	free(real);
	return rc;
}

/*
 * prongsai build: the whole pipeline.  Writes into a sibling of output
 * and swaps it in only if every stage succeeded.  Returns an exit code.
 */
int
build_run(const char *source, const char *output, const char *base_url,
    int drafts, int quiet, int jobs)
{
	struct build	 b;
	enum exitcode	 rc;
	char		*out;
	double		 t0 = now();

	memset(&b, 0, sizeof(b));
	b.threads = jobs > 0 ? jobs : pool_cpus();
	signals_catch();
	out = output_path(output, source);
	if (!output_allowed(out, source)) {
		fprintf(stderr, _("prongsai: --output %s is inside the content "
		    "folder; choose a folder outside content/\n"), out);
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = build_prepare(&b, source, base_url, drafts)) != EXIT_FINE)
		goto out;
	rc = build_into(&b, source, out);
out:
	diag_print(&b.d, stderr);
	if (rc == EXIT_FINE && !quiet)
		printf(_("%zu pages, %zu files, %zu written, %zu unchanged, "
		    "%zu pages rendered in %.2f s -> %s\n"), b.jobsz, b.files,
		    publish_written(b.pub), publish_kept(b.pub),
		    jobs_rendered(&b), now() - t0, out);
	else if (b.d.errors)
		diag_summary(&b.d, b.site.files, stderr);
	if (rc != EXIT_FINE && rc != EXIT_USAGE)
		fprintf(stderr, _("prongsai: nothing was published; %s is "
		    "unchanged\n"), out);
	free(out);
	build_free(&b);
	return rc;
}

/*
 * A build of the site folder source kept between rebuilds (for the
 * preview server): nothing is loaded yet.  Catches SIGINT, SIGTERM and
 * SIGHUP as build_run() does (see build_interrupted()).  Free with
 * build_close().
 */
struct build *
build_open(const char *source, int drafts, int jobs)
{
	struct build	*b = xcalloc(1, sizeof(*b));

	b->source = xstrdup(source);
	b->drafts = drafts;
	b->threads = jobs > 0 ? jobs : pool_cpus();
	signals_catch();
	return b;
}

/*
 * Load the whole site into b and render it into the folder out (a
 * private one: see build_into()).  Returns an exit code; the problems
 * are in build_diags().  After anything but EXIT_FINE, b is only to be
 * closed.
 */
enum exitcode
build_full(struct build *b, const char *out)
{
	enum exitcode	 rc;

	if ((rc = build_prepare(b, b->source, NULL, b->drafts)) != EXIT_FINE)
		return rc;
	return build_into(b, b->source, out);
}

/* The signal that stops a build came: SIGINT, SIGTERM or SIGHUP. */
int
build_interrupted(void)
{
	return interrupted != 0;
}

/* The problems of b's last build or update, in the order found. */
const struct diags *
build_diags(const struct build *b)
{
	return &b->d;
}

/* Pages of b's last build or update that went through the theme. */
size_t
build_rendered(const struct build *b)
{
	return jobs_rendered(b);
}

/* The site b loaded (for its base URL). */
const struct site *
build_site(const struct build *b)
{
	return &b->site;
}

/* The index in s of the measure of the file shown, or NO_MEASURE. */
static size_t
measure_at(const struct site *s, const char *shown)
{
	size_t	 i;

	for (i = 0; i < s->measuresz; i++)
		if (strcmp(s->measures[i]->path, shown) == 0)
			return i;
	return NO_MEASURE;
}

/* The fingerprint of the model of page i (planned, not yet rendered). */
static void
page_hash(const struct build *b, size_t i, struct hash *h)
{
	xmlDocPtr	 doc;

	doc = model_types[b->refs[i].type].model(b->model, &b->refs[i]);
	model_hash(doc, h);
	model_doc_free(doc);
}

/*
 * Does every page need its model made again?  When the site data that
 * every page carries changed (the 404 page holds only that: the years
 * and their counts, the menu), or an owner's folder name moved.
 */
static int
update_all(const struct build *b, const struct hash *old404,
    const struct strmap *okeys, char **onames)
{
	struct hash	 h;
	size_t		 i, k;

	for (i = 0; i < b->jobsz; i++)
		if (strcmp(b->jobs[i].file, "404.html") == 0)
			break;
	if (i == b->jobsz || old404 == NULL)
		return 1;
	page_hash(b, i, &h);
	if (h.a != old404->a || h.b != old404->b)
		return 1;
	for (i = 0; i < b->ix.ownersz; i++)
		if ((k = strmap_get(okeys, b->ix.owners[i].name)) !=
		    STRMAP_NONE && strcmp(onames[k], b->ix.owners[i].key) != 0)
			return 1;
	return 0;
}

/*
 * Tell done(arg, ...) the files of the pages rendered in the first
 * round of an update (first) or after it.
 */
static void
pages_done(const struct build *b, int first, build_done_fn done, void *arg)
{
	char	**v;
	size_t	  i, n = 0;

	if (done == NULL)
		return;
	v = xcalloc(b->jobsz + 1, sizeof(*v));
	for (i = 0; i < b->jobsz; i++)
		if (b->jobs[i].rendered && b->jobs[i].first == first)
			v[n++] = b->jobs[i].file;
	done(arg, v, n);
	free(v);
}

/*
 * The first round of an update: the pages to make that are not big
 * (the changed measures' own, their neighbours', owners', home), so
 * that the page an editor looks at is in place before the year's
 * pages are made.  They are left out of the round after (skip).
 */
static int
update_small(struct build *b, build_done_fn done, void *arg)
{
	size_t	 i;
	int	 ok;

	for (i = 0; i < b->jobsz; i++)
		if (!b->jobs[i].skip && !model_types[b->refs[i].type].big) {
			b->jobs[i].first = 1;
			task_add(b, TASK_PAGE, i, 0);
		}
	ok = tasks_run(b);
	for (i = 0; i < b->jobsz; i++)
		if (b->jobs[i].first) {
			diag_merge(&b->d, &b->jobs[i].d);
			b->jobs[i].skip = 1;
		}
	tasks_end(b);
	if (ok && !interrupted)
		pages_done(b, 1, done, arg);
	return ok && !interrupted;
}

/* Is path the feed of a measure whose feed the update writes? */
static int
feed_written(const struct build *b, const char *path)
{
	char	*f;
	size_t	 i;
	int	 same = 0;

	for (i = 0; !same && i < b->site.measuresz; i++)
		if (b->feed_want == NULL || b->feed_want[i]) {
			f = url_feed(b->site.measures[i], -1);
			same = strcmp(f, path) == 0;
			free(f);
		}
	return same;
}

/* The open data files of year, if it has no measures now. */
static void
years_gone(const struct build *b, int year)
{
	static const char *const exts[] = { "json", "csv", "csv-th" };
	const struct yeargroup	*yg = index_year(&b->ix, year);
	char			*f;
	size_t			 i;

	if (yg != NULL && yg->sz > 0)
		return;
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		f = url_data(year, exts[i]);
		publish_remove(b->pub, f);
		free(f);
	}
}

/*
 * Load the changed measure files rels (paths from the site folder,
 * under content/measures/) into the site b keeps, and render again, in
 * the folder out where b's last build is, only the pages that show
 * them, their feeds, the site's and areas' feeds, the sitemap and the
 * open data; pages that are gone are removed.  Every file is replaced
 * in one rename.  The pages that are not big come first: done(arg,
 * files, n) is called with the files of the pages rendered once they
 * are in place, and again after the big ones (a year's, its areas',
 * its report), before the feeds and the data.  Returns an exit code, problems in build_diags();
 * after anything but EXIT_FINE the site must be built afresh (a new
 * build_open()), and out still holds the last good build.
 */
enum exitcode
build_update(struct build *b, const char *out, char *const *rels,
    size_t relsz, build_done_fn done, void *arg)
{
	struct job	*ojobs = b->jobs;
	struct pageref	*orefs = b->refs;
	size_t		 osz = b->jobsz, i, k;
	struct strmap	 ofiles = { 0 }, nfiles = { 0 }, okeys = { 0 };
	struct touch	*t = touch_new();
	struct hash	 old404, *o404 = NULL, okey;
	struct measure	*m;
	char		**onames = NULL, **ofeeds = NULL, *shown;
	size_t		 onamesz = 0, ofeedsz = 0, oyearsz = 0;
	int		*oyears = NULL;
	enum exitcode	 rc = EXIT_FINE;
	int		 all;

	for (i = 0; i < osz; i++) {
		strmap_put(&ofiles, ojobs[i].file, i);
		if (strcmp(ojobs[i].file, "404.html") == 0) {
			old404 = ojobs[i].s.h;
			o404 = &old404;
		}
	}
	for (i = 0; i < relsz; i++) {
		shown = site_shown(&b->site, rels[i]);
		if ((k = measure_at(&b->site, shown)) != NO_MEASURE) {
			m = b->site.measures[k];
			touch_measure(t, m);
			ofeeds = xgrow(ofeeds, ofeedsz, sizeof(*ofeeds));
			ofeeds[ofeedsz++] = url_feed(m, -1);
		}
		free(shown);
	}
	/* The years with measures, whose open data files there are. */
	oyears = xcalloc(b->ix.yearsz + 1, sizeof(*oyears));
	for (i = 0; i < b->ix.yearsz; i++)
		if (b->ix.years[i].sz > 0)
			oyears[oyearsz++] = b->ix.years[i].year;
	/* Each owner's name, then its folder name, as the old index had them. */
	onames = xcalloc(2 * b->ix.ownersz + 1, sizeof(*onames));
	for (i = 0; i < b->ix.ownersz; i++) {
		onames[onamesz++] = xstrdup(b->ix.owners[i].name);
		onames[onamesz++] = xstrdup(b->ix.owners[i].key);
		strmap_put(&okeys, onames[onamesz - 2], onamesz - 1);
	}
	b->jobs = NULL;
	b->refs = NULL;
	b->jobsz = 0;
	diag_free(&b->d);
	feed_free(b->feeds);
	b->feeds = NULL;
	free(b->feed_want);
	b->feed_want = NULL;
	model_free(b->model);
	b->model = NULL;
	rc = site_reload(&b->site, rels, relsz, b->drafts, &b->d);
	if (rc == EXIT_FINE) {
		index_free(&b->ix);
		build_index(b);
		if (b->d.errors)
			rc = EXIT_CONTENT;
	}
	if (rc != EXIT_FINE)
		goto out;
	okey = b->key;
	breaks_make(b);
	build_plan(b);
	for (i = 0; i < b->jobsz; i++) {
		strmap_put(&nfiles, b->jobs[i].file, i);
		/* Other names kept whole: every page is made again. */
		if (okey.a == b->key.a && okey.b == b->key.b &&
		    (k = strmap_get(&ofiles, b->jobs[i].file)) !=
		    STRMAP_NONE) {
			b->jobs[i].known = 1;
			b->jobs[i].old = b->jobs[i].s.h = ojobs[k].s.h;
		}
	}
	all = update_all(b, o404, &okeys, onames);
	b->feed_want = all ? NULL : xcalloc(b->site.measuresz, 1);
	/* The changed measures as they are now: what they show, their feeds. */
	for (i = 0; i < relsz; i++) {
		shown = site_shown(&b->site, rels[i]);
		if ((k = measure_at(&b->site, shown)) != NO_MEASURE) {
			touch_measure(t, b->site.measures[k]);
			if (!all)
				b->feed_want[k] = 1;
		}
		free(shown);
	}
	for (i = 0; i < b->jobsz; i++)
		b->jobs[i].skip = !all && b->jobs[i].known &&
		    !touch_shows(t, &b->refs[i]);
	publish_free(b->pub);
	b->pub = publish_inplace(out);
	b->files = 0;
	/* Gone first: no page that says it is in place links to them. */
	for (i = 0; i < osz; i++)
		if (strmap_get(&nfiles, ojobs[i].file) == STRMAP_NONE) {
			if (ojobs[i].pdf != NULL)
				publish_remove(b->pub, ojobs[i].pdf);
			publish_remove(b->pub, ojobs[i].file);
		}
	for (i = 0; i < ofeedsz; i++)
		if (!feed_written(b, ofeeds[i]))
			publish_remove(b->pub, ofeeds[i]);
	for (i = 0; i < oyearsz; i++)
		years_gone(b, oyears[i]);
	b->done = done;
	b->done_arg = arg;
	if (!update_small(b, done, arg) || !jobs_run(b) ||
	    (b->pdf != NULL && !pdfs_make(b, 1)))
		rc = interrupted ? EXIT_SYSTEM :
		    b->d.errors ? EXIT_CONTENT : EXIT_SYSTEM;
	b->done = NULL;
	if (rc == EXIT_SYSTEM)
		build_why(b);
	publish_free(b->pub);
	b->pub = NULL;
out:
	jobs_free(orefs, ojobs, osz);
	for (i = 0; i < onamesz; i++)
		free(onames[i]);
	free(onames);
	for (i = 0; i < ofeedsz; i++)
		free(ofeeds[i]);
	free(ofeeds);
	free(oyears);
	strmap_free(&ofiles);
	strmap_free(&nfiles);
	strmap_free(&okeys);
	touch_free(t);
	return rc;
}

void
build_close(struct build *b)
{
	if (b == NULL)
		return;
	build_free(b);
	free(b);
}
