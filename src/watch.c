/* watch.c: notices changes to a site's files (content/, the theme, the frameworks) by inotify, or by polling modification times, and says which measures changed. */
#include <sys/inotify.h>
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"

/* A burst of saves ends when nothing happened for this long. */
#define QUIET_MS	40
/* ... or, with saves still coming, after this long. */
#define BURST_MS	1000
/* --poll: how often the trees are looked at. */
#define POLL_MS		500
#define MAX_DEPTH	10

/* One watched folder: its tree (roots[root]) and its path below it. */
struct wdir {
	int		 wd;
	size_t		 root;
	char		*sub;		/* "" for the root itself */
};

/* --poll: one file or folder as last seen. */
struct seen {
	char		*key;		/* root index and path, "0/measures/x.md" */
	long long	 mtime;
	long long	 size;
	int		 dir;
};

struct watch {
	char		**roots;	/* roots[0] is SOURCE/content */
	size_t		 rootsz;
	int		 fd;		/* inotify, or -1 when polling */
	struct wdir	*dirs;
	size_t		 dirsz;
	struct seen	*seen;		/* --poll, sorted by key */
	size_t		 seensz;
	/* The changes of one burst. */
	char		**rels;
	size_t		 relsz;
	int		 full;
};

static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Files editors' programs make while saving, beside the file they save
 * (vim's .swp and 4913, emacs's #x# and .#x, x~, gedit's
 * .goutputstream-*, x.tmp): the rename that ends the save is what counts.
 */
static int
name_temporary(const char *name)
{
	size_t	 n = strlen(name);

	if (n == 0 || name[0] == '.' || name[0] == '#' || name[n - 1] == '~')
		return 1;
	if (strspn(name, "0123456789") == n)
		return 1;
	return (n > 4 && (strcmp(name + n - 4, ".swp") == 0 ||
	    strcmp(name + n - 4, ".swx") == 0 ||
	    strcmp(name + n - 4, ".tmp") == 0));
}

/*
 * Note a change of sub (a file or folder of roots[root]).  A measure
 * file is a change of its own; anything else the site reads (site.yaml,
 * a report, a page, content/files, the theme, a framework, a folder)
 * asks for the whole site to be loaded again.
 */
static void
note(struct watch *w, size_t root, const char *sub, int dir)
{
	const char	*name = strrchr(sub, '/');
	size_t		 i, n = strlen(sub);
	char		*rel;

	name = name == NULL ? sub : name + 1;
	if (name_temporary(name))
		return;
	if (root != 0 || dir) {
		w->full = 1;
		return;
	}
	if (strncmp(sub, "measures/", 9) == 0 && n > 3 &&
	    strcmp(sub + n - 3, ".md") == 0) {
		rel = xasprintf("content/%s", sub);
		for (i = 0; i < w->relsz; i++)
			if (strcmp(w->rels[i], rel) == 0)
				break;
		if (i < w->relsz) {
			free(rel);
			return;
		}
		w->rels = xgrow(w->rels, w->relsz, sizeof(*w->rels));
		w->rels[w->relsz++] = rel;
		return;
	}
	/* Only .md files are read there; other files change nothing. */
	if (strncmp(sub, "measures/", 9) == 0 ||
	    strncmp(sub, "reports/", 8) == 0 || strncmp(sub, "pages/", 6) == 0)
		return;
	w->full = 1;
}

/* Watch the folder sub of roots[root] and every folder in it. */
static void
dirs_add(struct watch *w, size_t root, const char *sub, int depth)
{
	char		*path, **names, *csub, *cpath;
	size_t		 i, sz;
	struct stat	 st;
	int		 wd;

	path = *sub ? path_join(w->roots[root], sub) : xstrdup(w->roots[root]);
	wd = inotify_add_watch(w->fd, path, IN_CLOSE_WRITE | IN_MOVED_TO |
	    IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB |
	    IN_DELETE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW);
	if (wd >= 0) {
		for (i = 0; i < w->dirsz && w->dirs[i].wd != wd; i++)
			continue;
		if (i == w->dirsz) {
			w->dirs = xgrow(w->dirs, w->dirsz, sizeof(*w->dirs));
			w->dirs[w->dirsz].wd = wd;
			w->dirs[w->dirsz].root = root;
			w->dirs[w->dirsz++].sub = xstrdup(sub);
		}
	}
	if (wd >= 0 && depth < MAX_DEPTH &&
	    (names = dir_list(path, &sz)) != NULL) {
		for (i = 0; i < sz; i++) {
			cpath = path_join(path, names[i]);
			if (lstat(cpath, &st) == 0 && S_ISDIR(st.st_mode)) {
				csub = *sub ? path_join(sub, names[i]) :
				    xstrdup(names[i]);
				dirs_add(w, root, csub, depth + 1);
				free(csub);
			}
			free(cpath);
			free(names[i]);
		}
		free(names);
	}
	free(path);
}

/* --poll: note every file and folder under sub of roots[root]. */
static void
scan(struct watch *w, struct seen **v, size_t *sz, size_t root,
    const char *sub, int depth)
{
	char		*path, **names, *csub;
	size_t		 i, n;
	struct stat	 st;

	path = *sub ? path_join(w->roots[root], sub) : xstrdup(w->roots[root]);
	if (depth < MAX_DEPTH && (names = dir_list(path, &n)) != NULL) {
		for (i = 0; i < n; i++) {
			csub = *sub ? path_join(sub, names[i]) :
			    xstrdup(names[i]);
			free(path);
			path = path_join(w->roots[root], csub);
			if (lstat(path, &st) == 0) {
				*v = xgrow(*v, *sz, sizeof(**v));
				(*v)[*sz].key = xasprintf("%zu/%s", root, csub);
				(*v)[*sz].mtime = (long long)st.st_mtim.tv_sec *
				    1000000000LL + st.st_mtim.tv_nsec;
				(*v)[*sz].size = (long long)st.st_size;
				(*v)[(*sz)++].dir = S_ISDIR(st.st_mode);
				if (S_ISDIR(st.st_mode))
					scan(w, v, sz, root, csub, depth + 1);
			}
			free(csub);
			free(names[i]);
		}
		free(names);
	}
	free(path);
}

static int
seen_cmp(const void *a, const void *b)
{
	return strcmp(((const struct seen *)a)->key,
	    ((const struct seen *)b)->key);
}

static void
seen_free(struct seen *v, size_t sz)
{
	size_t	 i;

	for (i = 0; i < sz; i++)
		free(v[i].key);
	free(v);
}

/* The key "ROOT/SUB" as its root and its sub, noted as a change. */
static void
note_key(struct watch *w, const struct seen *s)
{
	char	*end;
	size_t	 root = strtoul(s->key, &end, 10);

	note(w, root, end + 1, s->dir);
}

/* --poll: what changed since the last look, noted. */
static void
poll_trees(struct watch *w)
{
	struct seen	*v = NULL;
	size_t		 sz = 0, i = 0, k = 0, r;
	int		 c;

	for (r = 0; r < w->rootsz; r++)
		scan(w, &v, &sz, r, "", 0);
	sort(v, sz, sizeof(*v), seen_cmp);
	while (i < w->seensz || k < sz) {
		c = i == w->seensz ? 1 : k == sz ? -1 :
		    strcmp(w->seen[i].key, v[k].key);
		if (c < 0)
			note_key(w, &w->seen[i++]);
		else if (c > 0)
			note_key(w, &v[k++]);
		else {
			/* A folder's time moves with its files: they tell. */
			if (!v[k].dir && (v[k].mtime != w->seen[i].mtime ||
			    v[k].size != w->seen[i].size))
				note_key(w, &v[k]);
			i++;
			k++;
		}
	}
	seen_free(w->seen, w->seensz);
	w->seen = v;
	w->seensz = sz;
}

/*
 * Watch SOURCE/content and the folders dirs (the theme's, the
 * frameworks'), by inotify, or by looking at modification times every
 * POLL_MS if poll is set or inotify cannot be had.  Returns NULL if
 * content/ cannot be watched.  Free with watch_free().
 */
struct watch *
watch_new(const char *source, char *const *dirs, size_t dirsz, int poll)
{
	struct watch	*w = xcalloc(1, sizeof(*w));
	size_t		 i;

	w->roots = xcalloc(dirsz + 1, sizeof(*w->roots));
	w->roots[w->rootsz++] = path_join(source, "content");
	for (i = 0; i < dirsz; i++)
		w->roots[w->rootsz++] = xstrdup(dirs[i]);
	w->fd = poll ? -1 : inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd >= 0) {
		for (i = 0; i < w->rootsz; i++)
			dirs_add(w, i, "", 0);
		if (w->dirsz == 0 || w->dirs[0].root != 0) {
			watch_free(w);
			return NULL;
		}
	} else
		for (i = 0; i < w->rootsz; i++)
			scan(w, &w->seen, &w->seensz, i, "", 0);
	if (w->fd < 0)
		sort(w->seen, w->seensz, sizeof(*w->seen), seen_cmp);
	return w;
}

/* Read what inotify has queued, noted; 0 if nothing was there. */
static int
drain(struct watch *w)
{
	char				 buf[16384]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event	*e;
	ssize_t				 n;
	size_t				 i;
	char				*sub;
	int				 any = 0;

	while ((n = read(w->fd, buf, sizeof(buf))) > 0) {
		any = 1;
		for (e = (const void *)buf; (const char *)e < buf + n;
		    e = (const void *)((const char *)e + sizeof(*e) +
		    e->len)) {
			if (e->mask & IN_Q_OVERFLOW) {
				/* Events were lost: look at everything again. */
				w->full = 1;
				for (i = 0; i < w->rootsz; i++)
					dirs_add(w, i, "", 0);
				continue;
			}
			for (i = 0; i < w->dirsz && w->dirs[i].wd != e->wd;
			    i++)
				continue;
			if (i == w->dirsz)
				continue;
			if (e->mask & IN_IGNORED) {
				free(w->dirs[i].sub);
				w->dirs[i] = w->dirs[--w->dirsz];
				continue;
			}
			if (e->mask & IN_DELETE_SELF) {
				w->full = 1;
				continue;
			}
			if (e->len == 0 || e->name[0] == '\0')
				continue;
			sub = *w->dirs[i].sub ? path_join(w->dirs[i].sub,
			    e->name) : xstrdup(e->name);
			/* A new folder, made or moved in: watch it too. */
			if ((e->mask & IN_ISDIR) &&
			    (e->mask & (IN_CREATE | IN_MOVED_TO)))
				dirs_add(w, w->dirs[i].root, sub, 1);
			/* A file made is noted when it is closed or moved in. */
			if ((e->mask & IN_ISDIR) || !(e->mask & IN_CREATE))
				note(w, w->dirs[i].root, sub,
				    (e->mask & IN_ISDIR) != 0);
			free(sub);
		}
	}
	return any;
}

/*
 * Wait until fd is readable or ms pass (fd -1: only wait); as poll(2):
 * above 0 if readable, 0 when the time is up, below 0 if a signal came.
 */
static int
wait_fd(int fd, int ms)
{
	struct pollfd	 p;

	p.fd = fd;
	p.events = POLLIN;
	return poll(&p, 1, ms);
}

/*
 * Wait up to ms milliseconds for the next burst of changes, and a
 * quiet QUIET_MS after it (polling: at most POLL_MS).  Returns 0 if nothing changed (or a signal
 * came); else 1 with *full set if the whole site must be loaded again,
 * and otherwise *rels (*relsz of them) the measure files changed, as
 * paths from the site folder (content/measures/...), owned by the
 * caller.
 */
int
watch_wait(struct watch *w, int ms, char ***rels, size_t *relsz, int *full)
{
	long long	 start;

	*rels = NULL;
	*relsz = 0;
	*full = 0;
	if (ms < 0)
		ms = 0;
	if (w->fd < 0) {
		/* One look, or one pause: the caller checks for signals between. */
		poll_trees(w);
		if (!w->full && w->relsz == 0) {
			wait_fd(-1, ms < POLL_MS ? ms : POLL_MS);
			return 0;
		}
	} else {
		if (wait_fd(w->fd, ms) <= 0)
			return 0;
		start = now_ms();
		drain(w);
		while (now_ms() - start < BURST_MS &&
		    wait_fd(w->fd, QUIET_MS) > 0)
			drain(w);
		if (!w->full && w->relsz == 0)
			return 0;
	}
	*full = w->full;
	*rels = w->rels;
	*relsz = w->relsz;
	w->rels = NULL;
	w->relsz = 0;
	w->full = 0;
	return 1;
}

void
watch_free(struct watch *w)
{
	size_t	 i;

	if (w == NULL)
		return;
	if (w->fd >= 0)
		close(w->fd);
	for (i = 0; i < w->dirsz; i++)
		free(w->dirs[i].sub);
	free(w->dirs);
	for (i = 0; i < w->rootsz; i++)
		free(w->roots[i]);
	free(w->roots);
	for (i = 0; i < w->relsz; i++)
		free(w->rels[i]);
	free(w->rels);
	seen_free(w->seen, w->seensz);
	free(w);
}
