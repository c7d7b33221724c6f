/* publish.c: writes the site into a fresh sibling folder, reuses unchanged files, and swaps it in only when everything succeeded. */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

/*
 * Marks a build folder, or an old published one being removed, so that
 * a later build may remove it if the build that made it was killed; it
 * is taken out before the folder is published, so nothing of Prongsai's
 * is served.  A published folder is known as ours by the render cache
 * (cache_owns()); until 0.2 it kept this marker, which is still honoured.
 */
#define MARKER	".prongsai-output"

struct publish {
	char	*final;		/* the published folder */
	char	*tmp;		/* where this build writes */
	int	 had_old;	/* final existed before */
	int	 inplace;	/* tmp is final: each file is replaced in one rename */
	size_t	 written;	/* files whose bytes changed or are new */
	size_t	 kept;		/* files identical to the published ones */
	char	 err[512];	/* the first failure, for the user */
	pthread_mutex_t lock;	/* publish_write runs on several threads */
};

static int
fail(struct publish *p, const char *what, const char *path)
{
	int	 e = errno;

	pthread_mutex_lock(&p->lock);
	if (p->err[0] == '\0')
		snprintf(p->err, sizeof(p->err), "%s %s: %s", what, path,
		    strerror(e));
	pthread_mutex_unlock(&p->lock);
	return 0;
}

/* Count one file written (or kept) under the lock. */
static void
count(struct publish *p, size_t *n)
{
	pthread_mutex_lock(&p->lock);
	(*n)++;
	pthread_mutex_unlock(&p->lock);
}

/* Is dir absent, empty, a previous output of ours, or marked as one? */
static int
replaceable(const char *dir, int ours)
{
	struct stat	 st;
	char		*m;
	int		 ok;

	if (lstat(dir, &st) != 0)
		return errno == ENOENT;
	if (!S_ISDIR(st.st_mode))
		return 0;
	m = path_join(dir, MARKER);
	ok = ours || access(m, F_OK) == 0 || rmdir(dir) == 0;
	free(m);
	return ok;
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* Remove a folder tree without following links out of it. */
int
rm_tree(const char *dir)
{
	return nftw(dir, rm_entry, 32, FTW_DEPTH | FTW_PHYS);
}

/*
 * Create the missing folders above path, as mkdir -p would, from the
 * first slash at or after path + from.  path is changed while this runs
 * and restored.  Returns 0 with errno set on failure, which is also
 * recorded in p (naming the folder) unless p is NULL.
 */
static int
dirs_above(struct publish *p, char *path, size_t from)
{
	char	*s;
	int	 ok = 1;

	for (s = path + from; ok && (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (!(ok = mkdir(path, 0755) == 0 || errno == EEXIST) &&
		    p != NULL)
			fail(p, _("cannot create folder"), path);
		*s = '/';
	}
	return ok;
}

/*
 * Remove what builds of final that were killed left beside it: folders
 * named FINAL.tmp-PID or FINAL.old-PID that hold our marker and whose
 * process is gone.  A live build's folder, or a folder that is not
 * ours, is left alone.
 */
static void
leftovers_remove(const char *final)
{
	const char	*slash = strrchr(final, '/');
	const char	*base = slash == NULL ? final : slash + 1;
	char		*dir, **names, *path, *m, *end;
	size_t		 i, sz, n = strlen(base);
	long		 pid;

	dir = slash == NULL ? xstrdup(".") : slash == final ? xstrdup("/") :
	    xstrndup(final, (size_t)(slash - final));
	if ((names = dir_list(dir, &sz)) == NULL) {
		free(dir);
		return;
	}
	for (i = 0; i < sz; i++) {
		if (strncmp(names[i], base, n) == 0 &&
		    (strncmp(names[i] + n, ".tmp-", 5) == 0 ||
		    strncmp(names[i] + n, ".old-", 5) == 0) &&
		    (pid = strtol(names[i] + n + 5, &end, 10)) > 0 &&
		    *end == '\0' && pid != (long)getpid() &&
		    kill((pid_t)pid, 0) == -1 && errno == ESRCH) {
			path = path_join(dir, names[i]);
			m = path_join(path, MARKER);
			if (access(m, F_OK) == 0)
				rm_tree(path);
			free(m);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	free(dir);
}

/* Create or remove the marker in the folder dir. */
static void
mark(const char *dir, int on)
{
	char	*m = path_join(dir, MARKER);
	int	 fd;

	if (!on)
		unlink(m);
	else if ((fd = open(m, O_WRONLY | O_CREAT | O_TRUNC, 0644)) != -1)
		close(fd);
	free(m);
}

/*
 * Start publishing into the folder final (its missing parent folders
 * are created); ours says the cache knows final as the folder a build
 * of this site published.  Returns NULL with a reason
 * in *why (a new string) if final cannot be replaced or the build
 * folder cannot be made.
 */
struct publish *
publish_begin(const char *final, int ours, char **why)
{
	struct publish	*p;
	struct stat	 st;

	if (!replaceable(final, ours)) {
		*why = xasprintf(_("%s exists and was not made by prongsai: "
		    "choose another --output, or empty it first"), final);
		return NULL;
	}
	p = xcalloc(1, sizeof(*p));
	pthread_mutex_init(&p->lock, NULL);
	p->final = xstrdup(final);
	p->had_old = stat(final, &st) == 0;
	p->tmp = xasprintf("%s.tmp-%ld", final, (long)getpid());
	leftovers_remove(final);
	rm_tree(p->tmp);
	if (!dirs_above(NULL, p->tmp, 1) || mkdir(p->tmp, 0755) != 0) {
		*why = xasprintf(_("cannot create %s: %s"), p->tmp,
		    strerror(errno));
		free(p->tmp);
		free(p->final);
		pthread_mutex_destroy(&p->lock);
		free(p);
		return NULL;
	}
	mark(p->tmp, 1);
	return p;
}

/*
 * Publish into the existing folder dir itself, a file at a time (for a
 * site that is rebuilt in place, as the preview server's): no sibling
 * folder, no swap; publish_commit() and publish_abort() do nothing.
 */
struct publish *
publish_inplace(const char *dir)
{
	struct publish	*p = xcalloc(1, sizeof(*p));

	pthread_mutex_init(&p->lock, NULL);
	p->final = xstrdup(dir);
	p->tmp = xstrdup(dir);
	p->inplace = 1;
	return p;
}

/* A relative path with no empty, "." or ".." part cannot leave the folder. */
static int
path_safe(const char *rel)
{
	const char	*s = rel;
	size_t		 n;

	if (*rel == '/' || *rel == '\0')
		return 0;
	while (*s != '\0') {
		n = strcspn(s, "/");
		if (n == 0 || (n == 1 && s[0] == '.') ||
		    (n == 2 && s[0] == '.' && s[1] == '.'))
			return 0;
		s += n;
		if (*s == '/')
			s++;
	}
	return 1;
}

/* Create the folders leading to path (which is inside p->tmp). */
static int
mkparents(struct publish *p, char *path)
{
	return dirs_above(p, path, strlen(p->tmp) + 1);
}

/* Does the published file old hold exactly data? */
static int
same_bytes(const char *old, const char *data, size_t len)
{
	struct stat	 st;
	char		 buf[65536];
	ssize_t		 n;
	size_t		 off = 0;
	int		 fd, same = 1;

	if (lstat(old, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size != len)
		return 0;
	if ((fd = open(old, O_RDONLY | O_NOFOLLOW)) == -1)
		return 0;
	while (same && (n = read(fd, buf, sizeof(buf))) > 0) {
		if (off + (size_t)n > len ||
		    memcmp(buf, data + off, (size_t)n) != 0)
			same = 0;
		off += (size_t)n;
	}
	close(fd);
	return same && off == len;
}

/*
 * Replace the file at path of an in-place folder with data: written
 * beside it, then renamed over it, so that a reader of the folder (the
 * preview server) gets the old file or the new one, never half of one.
 */
static int
inplace_write(struct publish *p, const char *path, const char *data,
    size_t len)
{
	char	*tmp;
	int	 fd, ok = 0;
	ssize_t	 n;
	size_t	 off = 0;

	if (same_bytes(path, data, len)) {
		count(p, &p->kept);
		return 1;
	}
	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0644);
	if (fd == -1) {
		fail(p, "cannot create", tmp);
		free(tmp);
		return 0;
	}
	while (off < len && (n = write(fd, data + off, len - off)) > 0)
		off += (size_t)n;
	if (close(fd) != 0 || off < len)
		fail(p, "cannot write", tmp);
	else if (rename(tmp, path) != 0)
		fail(p, "cannot rename to", path);
	else
		ok = 1;
	if (!ok)
		unlink(tmp);
	else
		count(p, &p->written);
	free(tmp);
	return ok;
}

/*
 * Write one output file at relative path rel.  A file whose bytes equal
 * the published one is hard-linked instead, keeping its time stamp so
 * that rsync sends only what changed.  Returns 1, or 0 on failure
 * (publish_error() says why).
 */
int
publish_write(struct publish *p, const char *rel, const char *data,
    size_t len)
{
	char	*path, *old;
	int	 fd, ok = 0;
	ssize_t	 n;
	size_t	 off = 0;

	if (!path_safe(rel)) {
		errno = EINVAL;
		return fail(p, _("refusing to write outside the output folder:"),
		    rel);
	}
	path = path_join(p->tmp, rel);
	old = path_join(p->final, rel);
	if (!mkparents(p, path))
		goto out;
	if (p->inplace) {
		ok = inplace_write(p, path, data, len);
		goto out;
	}
	if (p->had_old && same_bytes(old, data, len) &&
	    link(old, path) == 0) {
		count(p, &p->kept);
		ok = 1;
		goto out;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0644);
	if (fd == -1) {
		fail(p, _("cannot create"), path);
		goto out;
	}
	while (off < len && (n = write(fd, data + off, len - off)) > 0)
		off += (size_t)n;
	if (off < len)
		fail(p, _("cannot write"), path);
	else if (close(fd) != 0)
		fail(p, _("cannot write"), path);
	else
		ok = 1;
	if (off < len)
		close(fd);
	if (ok)
		count(p, &p->written);
out:
	free(path);
	free(old);
	return ok;
}

static long long
mtime_ns(const struct stat *st)
{
	return (long long)st->st_mtim.tv_sec * 1000000000LL +
	    st->st_mtim.tv_nsec;
}

/*
 * Keep the published file at rel as it is (hard-linked into the new
 * folder), if it still has the size and time that s remembers.
 * Returns 1, or 0 if there is no such file to keep.
 */
int
publish_reuse(struct publish *p, const char *rel, const struct stamp *s)
{
	char		*path, *old;
	struct stat	 st;
	int		 ok = 0;

	if (!p->had_old || !path_safe(rel))
		return 0;
	path = path_join(p->tmp, rel);
	old = path_join(p->final, rel);
	if (lstat(old, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size == s->size && mtime_ns(&st) == s->mtime &&
	    mkparents(p, path) && link(old, path) == 0) {
		count(p, &p->kept);
		ok = 1;
	}
	free(path);
	free(old);
	return ok;
}

/* Fill in the size and time of the file this build wrote at rel. */
int
publish_stamp(struct publish *p, const char *rel, struct stamp *s)
{
	char		*path;
	struct stat	 st;
	int		 ok;

	path = path_join(p->tmp, rel);
	if ((ok = lstat(path, &st) == 0)) {
		s->size = (long long)st.st_size;
		s->mtime = mtime_ns(&st);
	} else
		fail(p, _("cannot read"), path);
	free(path);
	return ok;
}

/*
 * The path in the build folder of rel, with its folders made, for a
 * program that writes the file itself (pdf.c); the file is counted as
 * written.  A new string, or NULL on failure (publish_error() says why).
 */
char *
publish_path(struct publish *p, const char *rel)
{
	char	*path;

	if (!path_safe(rel)) {
		fail(p, "refusing to write outside the output", rel);
		return NULL;
	}
	path = path_join(p->tmp, rel);
	if (!mkparents(p, path)) {
		free(path);
		return NULL;
	}
	count(p, &p->written);
	return path;
}

/* The build folder, where the files of this build are written. */
const char *
publish_dir(const struct publish *p)
{
	return p->tmp;
}

/* The published folder this build replaces, or NULL if there is none. */
const char *
publish_old(const struct publish *p)
{
	return p->had_old ? p->final : NULL;
}

/* Copy the file src to rel in the output. */
int
publish_copy(struct publish *p, const char *rel, const char *src)
{
	char	*buf;
	size_t	 len;
	int	 ok;

	if ((buf = file_read(src, &len)) == NULL)
		return fail(p, _("cannot read"), src);
	ok = publish_write(p, rel, buf, len);
	free(buf);
	return ok;
}

/*
 * Swap the new folder in: atomically where the system can exchange two
 * names, so readers never see a missing or half-written site.
 */
int
publish_commit(struct publish *p)
{
	if (p->inplace)
		return 1;
	mark(p->tmp, 0);
	if (!p->had_old) {
		if (rename(p->tmp, p->final) != 0)
			return fail(p, _("cannot rename to"), p->final);
		return 1;
	}
#ifdef RENAME_EXCHANGE
	if (renameat2(AT_FDCWD, p->tmp, AT_FDCWD, p->final,
	    RENAME_EXCHANGE) == 0) {
		mark(p->tmp, 1);
		rm_tree(p->tmp);
		return 1;
	}
#endif
	{
		char	*old = xasprintf("%s.old-%ld", p->final,
			    (long)getpid());
		int	 moved = rename(p->final, old) == 0;
		int	 ok = moved && rename(p->tmp, p->final) == 0;

		/* Never leave the site missing: the old one goes back. */
		if (moved && !ok)
			rename(old, p->final);
		if (!ok) {
			fail(p, _("cannot replace"), p->final);
			mark(p->tmp, 1);
		} else {
			mark(old, 1);
			rm_tree(old);
		}
		free(old);
		return ok;
	}
}

/* Throw the new folder away; the published one was never touched. */
void
publish_abort(struct publish *p)
{
	if (!p->inplace)
		rm_tree(p->tmp);
}

/*
 * Remove the file at rel of an in-place folder, and the folders above
 * it that it leaves empty: its page is gone.
 */
void
publish_remove(struct publish *p, const char *rel)
{
	char	*path, *s;
	size_t	 root = strlen(p->tmp);

	if (!p->inplace || !path_safe(rel))
		return;
	path = path_join(p->tmp, rel);
	if (unlink(path) == 0)
		while ((s = strrchr(path, '/')) != NULL &&
		    (size_t)(s - path) > root) {
			*s = '\0';
			if (rmdir(path) != 0)
				break;
		}
	free(path);
}

const char *
publish_error(const struct publish *p)
{
	return p->err[0] ? p->err : _("unknown failure");
}

size_t
publish_written(const struct publish *p)
{
	return p->written;
}

size_t
publish_kept(const struct publish *p)
{
	return p->kept;
}

void
publish_free(struct publish *p)
{
	if (p == NULL)
		return;
	free(p->final);
	free(p->tmp);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
