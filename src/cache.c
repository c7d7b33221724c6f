/* cache.c: remembers a fingerprint of each page's model between builds, so that a page whose model and theme are unchanged skips the theme. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxhash.h>

#include "extern.h"

/*
 * The cache sits in the site folder's .prongsai/ (git-ignored), one file
 * per output folder, named by a hash of the output's real path: never in
 * the published folder nor beside it, where a web root would serve it.
 * The first line is CACHE_FORMAT and the theme fingerprint key, the
 * second "output REALPATH", the third "folder DEV INODE" of the folder
 * that build published (how the next build knows the folder is its own
 * to replace, with nothing of Prongsai's inside the published site),
 * then one "HASH SIZE MTIME PATH" line a page;
 * a cache whose output folder is gone is removed by the next save, so
 * builds into passing folders (tests, CI) do not pile caches up.  CACHE_FORMAT changes whenever the
 * fingerprints or the lines do, so an older cache is not read (format 1,
 * before libxxhash, had no tag: its first line was "theme KEY").
 */
#define CACHE_DIR	".prongsai"
#define CACHE_OLD	".prongsai-cache"	/* beside the output, until 0.1 */
#define CACHE_FORMAT	"prongsai-cache 2"

struct entry {
	char		*path;
	struct stamp	 s;
};

struct cache {
	struct entry	*v;		/* sorted by path */
	size_t		 sz;
};

/*
 * XXH3's 128-bit hash (libxxhash), streamed: 128 bits, so that two
 * different models practically never share a fingerprint.  Not
 * cryptographic: nobody gains anything by forging a collision, and the
 * models are hashed on every build, so the hash must cost little next
 * to the theme.  A model arrives as many short pieces (names, attribute
 * values), so they are gathered in buf and handed to libxxhash a
 * buffer at a time: a library call per piece would cost more than the
 * hashing itself.
 */
#define HASH_BUF	1024

struct hasher {
	XXH3_state_t	*st;
	size_t		 len;		/* bytes waiting in buf */
	unsigned char	 buf[HASH_BUF];
};

/* Start a fingerprint.  Finish it, and free it, with hash_end(). */
struct hasher *
hash_new(void)
{
	struct hasher	*h = xmalloc(sizeof(*h));

	if ((h->st = XXH3_createState()) == NULL)
		oom();
	XXH3_128bits_reset(h->st);
	h->len = 0;
	return h;
}

static void
hash_flush(struct hasher *h)
{
	XXH3_128bits_update(h->st, h->buf, h->len);
	h->len = 0;
}

/* len bytes, straight into buf or, when they do not fit, libxxhash. */
static void
hash_raw(struct hasher *h, const void *data, size_t len)
{
	if (h->len + len > HASH_BUF) {
		hash_flush(h);
		if (len > HASH_BUF) {
			XXH3_128bits_update(h->st, data, len);
			return;
		}
	}
	memcpy(h->buf + h->len, data, len);
	h->len += len;
}

/*
 * One piece of a fingerprint: its length (8 bytes, little-endian), then
 * its bytes, so that a sequence of pieces is never another sequence's
 * bytes split differently ("ab","c" != "a","bc", "a" != "a","").
 */
void
hash_add(struct hasher *h, const void *data, size_t len)
{
	unsigned char	 n[8];
	uint64_t	 v = len;
	int		 i;

	for (i = 0; i < 8; i++, v >>= 8)
		n[i] = (unsigned char)v;
	hash_raw(h, n, sizeof(n));
	hash_raw(h, data, len);
}

/*
 * A string as one piece, NULL as the empty string: its bytes and the
 * NUL that ends it, which no string holds, so it needs no length.
 */
void
hash_str(struct hasher *h, const char *s)
{
	if (s == NULL)
		s = "";
	hash_raw(h, s, strlen(s) + 1);
}

/* The fingerprint of everything added to h, into out; frees h. */
void
hash_end(struct hasher *h, struct hash *out)
{
	XXH128_hash_t	 r;

	hash_flush(h);
	r = XXH3_128bits_digest(h->st);
	out->a = r.high64;
	out->b = r.low64;
	XXH3_freeState(h->st);
	free(h);
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path,
	    ((const struct entry *)b)->path);
}

/* One "HASH SIZE MTIME PATH" line into e; 0 if it is not one. */
static int
entry_parse(char *line, struct entry *e)
{
	unsigned long long	 a, b;
	long long		 size, mtime;
	int			 n = 0;

	if (sscanf(line, "%16llx%16llx %lld %lld %n", &a, &b, &size, &mtime,
	    &n) != 4 || n == 0 || line[n] == '\0')
		return 0;
	e->path = xstrdup(line + n);
	e->s.h.a = a;
	e->s.h.b = b;
	e->s.size = size;
	e->s.mtime = mtime;
	return 1;
}

/* The length of folder path p without trailing slashes ("/srv/out/" is "/srv/out"). */
static size_t
out_len(const char *p)
{
	size_t	 n = strlen(p);

	while (n > 1 && p[n - 1] == '/')
		n--;
	return n;
}

/*
 * The cache file of the output folder out (its real path, as it will
 * be) built from the site folder source: SOURCE/.prongsai/cache-HASH.
 * The caller frees it.
 */
char *
cache_path(const char *source, const char *out)
{
	char	*dir, *p;

	dir = path_join(source, CACHE_DIR);
	p = xasprintf("%s/cache-%016llx", dir,
	    (unsigned long long)XXH3_64bits(out, out_len(out)));
	free(dir);
	return p;
}

/*
 * Read the cache file path, valid only if it was written for the same
 * theme fingerprint key.  Never fails: a missing or foreign cache is an
 * empty one.  Free with cache_free().
 */
struct cache *
cache_load(const char *path, const struct hash *key)
{
	struct cache	*c = xcalloc(1, sizeof(*c));
	struct entry	 e;
	char		*buf, *line, *next;
	size_t		 sz;
	unsigned long long a, b;
	int		 first = 1;

	buf = file_read(path, &sz);
	for (line = buf; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (first) {
			/* Another format, theme or version: nothing can be reused. */
			if (sscanf(line, CACHE_FORMAT " theme %16llx%16llx",
			    &a, &b) != 2 || a != key->a || b != key->b)
				break;
			first = 0;
			continue;
		}
		if (!entry_parse(line, &e))
			continue;
		c->v = xgrow(c->v, c->sz, sizeof(*c->v));
		c->v[c->sz++] = e;
	}
	free(buf);
	sort(c->v, c->sz, sizeof(*c->v), entry_cmp);
	return c;
}

/* What the published build remembered of the page at path, or NULL. */
const struct stamp *
cache_find(const struct cache *c, const char *path)
{
	struct entry	 k, *e;

	k.path = (char *)path;
	if (c == NULL || c->sz == 0 ||
	    (e = bsearch(&k, c->v, c->sz, sizeof(*c->v), entry_cmp)) == NULL)
		return NULL;
	return &e->s;
}

/* Start the cache file of a build with its theme fingerprint key. */
void
cache_head(struct buf *b, const struct hash *key)
{
	char	 line[80];

	snprintf(line, sizeof(line), CACHE_FORMAT " theme %016llx%016llx\n",
	    (unsigned long long)key->a, (unsigned long long)key->b);
	buf_add(b, line);
}

/* Add the page at path, with its stamp s, to the cache file in b. */
void
cache_line(struct buf *b, const char *path, const struct stamp *s)
{
	char	 line[96];

	snprintf(line, sizeof(line), "%016llx%016llx %lld %lld ",
	    (unsigned long long)s->h.a, (unsigned long long)s->h.b,
	    s->size, s->mtime);
	buf_add(b, line);
	buf_add(b, path);
	buf_add(b, "\n");
}

/*
 * The output folder a cache file names on its second line ("output
 * PATH"), read from f into line (of size sz), or NULL if it names none.
 */
static const char *
output_line(FILE *f, char *line, size_t sz)
{
	size_t	 n;

	if (fgets(line, (int)sz, f) == NULL ||
	    fgets(line, (int)sz, f) == NULL ||
	    strncmp(line, "output ", 7) != 0)
		return NULL;
	n = strlen(line);
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
	return line + 7;
}

/*
 * Is the folder out (its real path) the one the build that saved the
 * cache file path published?  Its path and its device and inode must
 * both be the recorded ones: a folder made again under the same name,
 * or copied there, is not.
 */
int
cache_owns(const char *path, const char *out)
{
	struct stat	 st;
	FILE		*f;
	char		 line[4096];
	const char	*o;
	unsigned long long dev, ino;
	size_t		 n;
	int		 ours = 0;

	if (stat(out, &st) != 0 || (f = fopen(path, "r")) == NULL)
		return 0;
	if ((o = output_line(f, line, sizeof(line))) != NULL) {
		n = strlen(o);
		ours = n == out_len(out) && strncmp(o, out, n) == 0 &&
		    fgets(line, sizeof(line), f) != NULL &&
		    sscanf(line, "folder %llu %llu", &dev, &ino) == 2 &&
		    dev == (unsigned long long)st.st_dev &&
		    ino == (unsigned long long)st.st_ino;
	}
	fclose(f);
	return ours;
}

/*
 * Remove the other caches of folder dir whose output folder no longer
 * exists (their second line says which it was); mine is the one kept.
 */
static void
cache_prune(const char *dir, const char *mine)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	FILE		*f;
	char		*p, line[4096];
	const char	*o;
	int		 gone;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "cache-", 6) != 0 ||
		    strchr(e->d_name, '.') != NULL ||
		    strcmp(e->d_name, mine) == 0)
			continue;
		p = path_join(dir, e->d_name);
		gone = 0;
		if ((f = fopen(p, "r")) != NULL) {
			if ((o = output_line(f, line, sizeof(line))) != NULL &&
			    *o == '/')
				gone = stat(o, &st) == -1 && errno == ENOENT;
			fclose(f);
		}
		if (gone)
			unlink(p);
		free(p);
	}
	closedir(d);
}

/*
 * Save text (cache_head(), then cache_line()s) as the cache file path
 * of the output folder out (its real path), replacing the old one in
 * one rename; its folder is made when missing, with a .gitignore that
 * keeps it out of the site's repository, and caches of output folders
 * that are gone are removed.  Returns 0 on failure, which costs the
 * next build only time: without a cache every page is rendered.
 */
int
cache_save(const char *path, const char *text, const char *out)
{
	static const char cache_ignore[] =
	    "# Prongsai's render cache: never commit or publish it.\n*\n";
	char	*dir, *ign, *tmp, *slash;
	const char *rest;
	struct stat st;
	FILE	*f;
	int	 ok;

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	ign = path_join(dir, ".gitignore");
	if (mkdir(dir, 0777) == 0 && (f = fopen(ign, "w")) != NULL) {
		/* A file's text, not a message: it stays in English. */
		fputs(cache_ignore, f);
		fclose(f);
	}
	free(ign);
	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	ok = (f = fopen(tmp, "w")) != NULL;
	if (ok) {
		rest = strchr(text, '\n');
		rest = rest != NULL ? rest + 1 : text + strlen(text);
		ok = fwrite(text, 1, (size_t)(rest - text), f) ==
		    (size_t)(rest - text) &&
		    fprintf(f, "output %.*s\n", (int)out_len(out), out) > 0 &&
		    (stat(out, &st) != 0 ||
		    fprintf(f, "folder %llu %llu\n",
		    (unsigned long long)st.st_dev,
		    (unsigned long long)st.st_ino) > 0) &&
		    fputs(rest, f) >= 0;
		ok = fclose(f) == 0 && ok;
	}
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	else
		cache_prune(dir, slash != NULL ? slash + 1 : path);
	free(tmp);
	free(dir);
	return ok;
}

/*
 * Remove the cache an earlier Prongsai wrote beside the output folder
 * out (OUT.prongsai-cache), where a web root served it; only a file
 * whose first line is a cache's.
 */
void
cache_old_remove(const char *out)
{
	char	*path, line[32];
	FILE	*f;
	int	 ours = 0;

	path = xasprintf("%s%s", out, CACHE_OLD);
	if ((f = fopen(path, "r")) != NULL) {
		ours = fgets(line, sizeof(line), f) != NULL &&
		    (strncmp(line, "prongsai-cache ", 15) == 0 ||
		    strncmp(line, "theme ", 6) == 0);
		fclose(f);
	}
	if (ours)
		unlink(path);
	free(path);
}

void
cache_free(struct cache *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->sz; i++)
		free(c->v[i].path);
	free(c->v);
	free(c);
}
