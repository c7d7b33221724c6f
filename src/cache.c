/* cache.c: remembers a fingerprint of each page's model between builds, so that a page whose model and theme are unchanged skips the theme. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

/*
 * The cache sits beside the output folder, not in it: the published
 * folder holds only the site, so two builds stay byte-identical and the
 * web server never gets the list.  One "HASH SIZE MTIME PATH" line a page.
 */
#define CACHE_SUFFIX	".prongsai-cache"

struct entry {
	char		*path;
	struct stamp	 s;
};

struct cache {
	struct entry	*v;		/* sorted by path */
	size_t		 sz;
};

/*
 * Two 64-bit lanes fed a word (8 bytes) at a time, each with its own
 * multiplier and shift: 128 bits, so that two different models
 * practically never share a fingerprint.  Not cryptographic: nobody
 * gains anything by forging a collision, and the models are hashed on
 * every build, so the hash must cost little next to the theme.
 */
void
hash_init(struct hash *h)
{
	h->a = 0xcbf29ce484222325ULL;
	h->b = 0x84222325cbf29ce4ULL;
}

static void
hash_word(struct hash *h, uint64_t w)
{
	h->a = (h->a ^ w) * 0x100000001b3ULL;
	h->a ^= h->a >> 32;
	h->b = (h->b + w) * 0x9e3779b97f4a7c15ULL;
	h->b ^= h->b >> 29;
}

void
hash_add(struct hash *h, const void *data, size_t len)
{
	const unsigned char	*p = data;
	uint64_t		 w;
	size_t			 i;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		hash_word(h, w);
	}
	/* The tail, with its length, so "a" and "a\0" differ. */
	w = (uint64_t)len << 56;
	for (i = 0; i < len; i++)
		w |= (uint64_t)p[i] << (8 * i);
	hash_word(h, w);
}

/* Strings are hashed with their length, so "ab","c" != "a","bc". */
void
hash_str(struct hash *h, const char *s)
{
	size_t	 len = s != NULL ? strlen(s) : 0;

	hash_word(h, (uint64_t)len);
	hash_add(h, s != NULL ? s : "", len);
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

/*
 * Read the cache of the published output dir, valid only if it was
 * written for the same theme fingerprint key.  Never fails: a missing
 * or foreign cache is an empty one.  Free with cache_free().
 */
struct cache *
cache_load(const char *dir, const struct hash *key)
{
	struct cache	*c = xcalloc(1, sizeof(*c));
	struct entry	 e;
	char		*path, *buf, *line, *next;
	size_t		 sz;
	unsigned long long a, b;
	int		 first = 1;

	path = xasprintf("%s%s", dir, CACHE_SUFFIX);
	buf = file_read(path, &sz);
	free(path);
	for (line = buf; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (first) {
			/* Another theme or version: nothing can be reused. */
			if (sscanf(line, "theme %16llx%16llx", &a, &b) != 2 ||
			    a != key->a || b != key->b)
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
	char	 line[64];

	snprintf(line, sizeof(line), "theme %016llx%016llx\n",
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
 * Save text as the cache of the output folder dir, replacing the old one
 * in one rename.  Returns 0 on failure, which costs the next build only
 * time: without a cache every page is rendered.
 */
int
cache_save(const char *dir, const char *text)
{
	char	*path, *tmp;
	FILE	*f;
	int	 ok;

	path = xasprintf("%s%s", dir, CACHE_SUFFIX);
	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	ok = (f = fopen(tmp, "w")) != NULL;
	if (ok) {
		ok = fputs(text, f) >= 0;
		ok = fclose(f) == 0 && ok;
	}
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	free(tmp);
	free(path);
	return ok;
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
