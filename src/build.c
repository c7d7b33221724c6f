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

/* One page to render. */
struct job {
	enum pagetype		 type;
	char			*path;		/* output file, e.g. 2566/index.html */
	const void		*what;		/* the measure, year, owner... */
	int			 area;
	struct diags		 d;		/* this page's problems */
	struct stamp		 s;		/* its model and file, for the cache */
	int			 rendered;	/* 0 if the published page was kept */
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
	TASK_SITEMAP,
	TASK_OPENDATA
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
	char		*cache_text;	/* this build's, saved once published */
	struct job	*jobs;
	size_t		 jobsz;
	struct feeds	*feeds;
	struct task	*tasks;		/* the round being run */
	size_t		 tasksz;
	struct assets	 statics;	/* the theme's static/ folder */
	size_t		 files;		/* copied static and evidence files */
	int		 threads;
	struct diags	 d;
};

static void
job_add(struct build *b, enum pagetype type, char *dir, const void *what,
    int area)
{
	struct job	*j;

	b->jobs = xgrow(b->jobs, b->jobsz, sizeof(*b->jobs));
	j = &b->jobs[b->jobsz++];
	j->type = type;
	j->path = type == PAGE_404 ? dir : xasprintf("%sindex.html", dir);
	if (type != PAGE_404)
		free(dir);
	j->what = what;
	j->area = area;
	memset(&j->d, 0, sizeof(j->d));
	memset(&j->s, 0, sizeof(j->s));
	j->rendered = 0;
}

/* Every page of the site, in a fixed order. */
static void
jobs_plan(struct build *b)
{
	const struct index	*ix = &b->ix;
	const struct yeargroup	*yg;
	size_t			 i, k;
	int			 a;

	job_add(b, PAGE_HOME, xstrdup(""), NULL, 0);
	for (i = 0; i < ix->yearsz; i++) {
		yg = &ix->years[i];
		job_add(b, PAGE_YEAR, url_year(yg->year), yg, 0);
		for (a = 0; a < AREA__MAX; a++)
			job_add(b, PAGE_AREA, url_area(yg->year,
			    (enum area)a), yg, a);
		if (yg->sz > 0)
			job_add(b, PAGE_REPORT, url_report(yg->year), yg, 0);
		for (k = 0; k < yg->sz; k++)
			job_add(b, PAGE_MEASURE, url_measure(yg->m[k]),
			    yg->m[k], 0);
	}
	job_add(b, PAGE_OWNERS, xstrdup("owners/"), NULL, 0);
	for (i = 0; i < ix->ownersz; i++)
		job_add(b, PAGE_OWNER, url_owner(&ix->owners[i]),
		    &ix->owners[i], 0);
	for (i = 0; i < b->site.pagesz; i++)
		job_add(b, PAGE_PAGE, url_page(b->site.pages[i]),
		    b->site.pages[i], 0);
	job_add(b, PAGE_404, xstrdup("404.html"), NULL, 0);
}

static xmlDocPtr
job_model(const struct build *b, const struct job *j)
{
	switch (j->type) {
	case PAGE_HOME:
		return model_home(b->model);
	case PAGE_YEAR:
		return model_year(b->model, j->what);
	case PAGE_AREA:
		return model_area(b->model, j->what, (enum area)j->area);
	case PAGE_MEASURE:
		return model_measure(b->model, j->what);
	case PAGE_OWNER:
		return model_owner(b->model, j->what);
	case PAGE_OWNERS:
		return model_owners(b->model);
	case PAGE_PAGE:
		return model_page(b->model, j->what);
	case PAGE_REPORT:
		return model_report(b->model, j->what);
	default:
		return model_notfound(b->model);
	}
}

/* Model, theme, publish: one page. */
static int
job_render(struct build *b, struct job *j)
{
	const struct stamp	*old;
	xmlDocPtr		 doc;
	char			*html;
	size_t			 len;
	int			 ok;

	doc = job_model(b, j);
	model_hash(doc, &j->s.h);
	/* Same model, same theme: the published page is already right. */
	if ((old = cache_find(b->cache, j->path)) != NULL &&
	    old->h.a == j->s.h.a && old->h.b == j->s.h.b &&
	    publish_reuse(b->pub, j->path, old)) {
		xmlFreeDoc(doc);
		return 1;
	}
	j->rendered = 1;
	ok = theme_apply(b->theme, j->type, doc, j->path, &html, &len, &j->d);
	if (!ok)
		return 0;
	ok = publish_write(b->pub, j->path, html, len);
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
	enum pagetype		 type;

	if (t->kind != TASK_PAGE)
		return 0;
	type = b->jobs[t->i].type;
	return type == PAGE_YEAR || type == PAGE_AREA || type == PAGE_REPORT;
}

/* Do one task on worker w; 0 on failure. */
static int
task_run(struct build *b, struct task *t, int w)
{
	switch (t->kind) {
	case TASK_PAGE:
		return job_render(b, &b->jobs[t->i]);
	case TASK_FILL:
		feeds_fill(b->feeds, t->i);
		return 1;
	case TASK_FEED:
		return feed_write(b->feeds, t->i, t->area, w, b->pub,
		    &t->files);
	case TASK_SITEMAP:
		return sitemap_write(&b->site, &b->ix, b->pub, &t->files,
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

/* Run the tasks of one round on b->threads threads. */
static int
tasks_run(struct build *b)
{
	return pool_run(b->threads, b->tasksz, task_pooled, task_big, b,
	    &interrupted);
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
 * Two rounds on the pool: every page and every measure's feed items;
 * then, with the items in order, every feed, the sitemap and the open
 * data (the big single files first, so that no thread waits at the end).
 */
static int
jobs_run(struct build *b)
{
	size_t	 i;
	int	 a, ok;

	b->feeds = feeds_new(&b->site, &b->ix, b->threads);
	for (i = 0; i < b->jobsz; i++)
		task_add(b, TASK_PAGE, i, 0);
	for (i = 0; i < b->site.measuresz; i++)
		task_add(b, TASK_FILL, i, 0);
	ok = tasks_run(b);
	for (i = 0; i < b->jobsz; i++)
		diag_merge(&b->d, &b->jobs[i].d);
	tasks_end(b);
	if (ok && !interrupted) {
		feeds_sort(b->feeds);
		task_add(b, TASK_OPENDATA, 0, 0);
		task_add(b, TASK_SITEMAP, 0, 0);
		for (a = -1; a < AREA__MAX; a++)
			task_add(b, TASK_FEED, NO_MEASURE, a);
		for (i = 0; i < b->site.measuresz; i++)
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

	cache_head(&text, theme_key(b->theme));
	for (i = 0; i < b->jobsz; i++) {
		if (!publish_stamp(b->pub, b->jobs[i].path, &b->jobs[i].s)) {
			free(text.s);
			return 0;
		}
		cache_line(&text, b->jobs[i].path, &b->jobs[i].s);
	}
	b->cache_text = text.s;
	return 1;
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

/* Load, index and prepare; returns an exit code, EXIT_FINE to go on. */
static enum exitcode
build_prepare(struct build *b, const char *source, const char *base_url,
    int drafts)
{
	enum exitcode	 rc;
	char		*dir;
	int		 t;

	rc = site_load(&b->site, source, drafts, b->threads, &interrupted,
	    &b->d);
	if (rc != EXIT_FINE)
		return rc;
	if (base_url != NULL && !config_set_base_url(&b->site.cfg, base_url)) {
		fprintf(stderr, "prongsai: --base-url must be a full "
		    "address such as https://www.example.go.th/ita/\n");
		return EXIT_USAGE;
	}
	index_build(&b->ix, &b->site, &b->d);
	b->theme = theme_load(source, b->site.cfg.theme, b->site.cfg.fmt.lang,
	    &b->d);
	if (b->theme != NULL) {
		dir = path_join(theme_dir(b->theme), "static");
		assets_find(&b->statics, dir, theme_dir(b->theme), dir,
		    "static", &b->d, &interrupted);
		free(dir);
	}
	if (b->d.errors)
		return EXIT_CONTENT;
	if (interrupted)
		return EXIT_SYSTEM;
	b->model = model_new(&b->site, &b->ix, theme_strings(b->theme));
	for (t = 0; t < PAGE__MAX; t++)
		model_use_dict(b->model, (enum pagetype)t,
		    theme_dict(b->theme, (enum pagetype)t));
	jobs_plan(b);
	return EXIT_FINE;
}

/* Render everything into the publisher; returns an exit code. */
static enum exitcode
build_render(struct build *b)
{
	int	 ok;

	ok = jobs_run(b);
	if (ok && !interrupted)
		ok = cache_write(b);
	if (ok && !interrupted)
		ok = assets_copy(b, &b->statics);
	if (ok && !interrupted)
		ok = assets_copy(b, &b->site.files_dir);
	if (interrupted)
		return EXIT_SYSTEM;
	if (!ok)
		return b->d.errors ? EXIT_CONTENT : EXIT_SYSTEM;
	return EXIT_FINE;
}

static void
build_free(struct build *b)
{
	size_t	 i;

	for (i = 0; i < b->jobsz; i++) {
		free(b->jobs[i].path);
		diag_free(&b->jobs[i].d);
	}
	free(b->jobs);
	feeds_free(b->feeds);
	model_free(b->model);
	cache_free(b->cache);
	free(b->cache_text);
	theme_free(b->theme);
	assets_free(&b->statics);
	index_free(&b->ix);
	site_free(&b->site);
	publish_free(b->pub);
	diag_free(&b->d);
}

/*
 * The output folder as given, without trailing slashes: the build
 * folder and the cache are its siblings, named by appending to it, so
 * "public/" must mean "public" (not a folder inside it).
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
 * prongsai build: the whole pipeline.  Writes into a sibling of output
 * and swaps it in only if every stage succeeded.  Returns an exit code.
 */
int
build_run(const char *source, const char *output, const char *base_url,
    int drafts, int quiet, int jobs)
{
	struct build	 b;
	enum exitcode	 rc;
	char		*out, *why = NULL;
	double		 t0 = now();

	memset(&b, 0, sizeof(b));
	b.threads = jobs > 0 ? jobs : pool_cpus();
	signals_catch();
	out = output_path(output, source);
	if (!output_allowed(out, source)) {
		fprintf(stderr, "prongsai: --output %s is inside the content "
		    "folder; choose a folder outside content/\n", out);
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = build_prepare(&b, source, base_url, drafts)) != EXIT_FINE)
		goto out;
	if ((b.pub = publish_begin(out, &why)) == NULL) {
		fprintf(stderr, "prongsai: %s\n", why);
		free(why);
		rc = EXIT_SYSTEM;
		goto out;
	}
	b.cache = cache_load(out, theme_key(b.theme));
	if ((rc = build_render(&b)) == EXIT_FINE &&
	    !publish_commit(b.pub))
		rc = EXIT_SYSTEM;
	/* Without a cache the next build is only slower: a warning. */
	if (rc == EXIT_FINE && !cache_save(out, b.cache_text))
		fprintf(stderr, "prongsai: warning: cannot save %s.prongsai-"
		    "cache; the next build renders every page again\n", out);
	if (rc != EXIT_FINE) {
		if (!b.d.errors)
			fprintf(stderr, "prongsai: %s\n", interrupted ?
			    "interrupted" : publish_error(b.pub));
		publish_abort(b.pub);
	}
out:
	diag_print(&b.d, stderr);
	if (rc == EXIT_FINE && !quiet)
		printf("%zu pages, %zu files, %zu written, %zu unchanged, "
		    "%zu pages rendered in %.2f s -> %s\n", b.jobsz, b.files,
		    publish_written(b.pub), publish_kept(b.pub),
		    jobs_rendered(&b), now() - t0, out);
	else if (b.d.errors)
		diag_summary(&b.d, b.site.files, stderr);
	if (rc != EXIT_FINE && rc != EXIT_USAGE)
		fprintf(stderr, "prongsai: nothing was published; %s is "
		    "unchanged\n", out);
	free(out);
	build_free(&b);
	return rc;
}
