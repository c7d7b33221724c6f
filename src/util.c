/* util.c: allocation wrappers that exit on out-of-memory, string and path helpers, and the folders Prongsai reads its own data (themes, frameworks) from. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxhash.h>

#include "extern.h"

/* The installed data folder, $(PREFIX)/share/prongsai: see the Makefile. */
#ifndef DATADIR
#error "DATADIR must be defined (the Makefile defines it for util.c)"
#endif

/*
 * A command-line tool has nothing better to do when memory runs out:
 * says so and exits.  Also for what other libraries fail to allocate.
 */
void
oom(void)
{
	fputs(_("prongsai: out of memory\n"), stderr);
	exit(EXIT_SYSTEM);
}

void *
xmalloc(size_t sz)
{
	void	*p;

	if ((p = malloc(sz ? sz : 1)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n ? n : 1, sz ? sz : 1)) == NULL)
		oom();
	return p;
}

static void *
xrealloc(void *p, size_t sz)
{
	if ((p = realloc(p, sz ? sz : 1)) == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz)
		oom();
	return xrealloc(p, n * sz);
}

/*
 * Room for element n of an array that only this function grows: the
 * capacity doubles at each power of two, so n appends copy O(n)
 * elements in all (one element at a time was quadratic where realloc
 * always moves, as under AddressSanitizer).
 */
void *
xgrow(void *p, size_t n, size_t sz)
{
	if (n != 0 && (n & (n - 1)) != 0)
		return p;
	if (n > SIZE_MAX / 2)
		oom();
	return xreallocarray(p, n ? n * 2 : 1, sz);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* a, b and c one after the other; for strings made in the millions. */
char *
xstrcat3(const char *a, const char *b, const char *c)
{
	size_t	 na = strlen(a), nb = strlen(b), nc = strlen(c);
	char	*p;

	p = xmalloc(na + nb + nc + 1);
	memcpy(p, a, na);
	memcpy(p + na, b, nb);
	memcpy(p + na + nb, c, nc + 1);
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;
	char	*p, small[256];

	/* Most strings are short: format once, into the stack. */
	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (n < 0)
		oom();
	p = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof(small))
		memcpy(p, small, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/*
 * Join two path parts with exactly one slash between them.
 * Returns a new string the caller frees.
 */
char *
path_join(const char *a, const char *b)
{
	size_t	 la = strlen(a);

	while (la > 1 && a[la - 1] == '/')
		la--;
	while (*b == '/')
		b++;
	if (la == 0)
		return xstrdup(b);
	return xasprintf("%.*s/%s", (int)la, a, b);
}

/* mkdir -p of root/rel; 0 on failure with errno set. */
int
path_mkdirs(const char *root, const char *rel)
{
	char	*path = path_join(root, rel), *p;
	int	 ok = 1;

	for (p = path + 1; ok; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;

		*p = '\0';
		ok = mkdir(path, 0777) == 0 || errno == EEXIST;
		*p = c;
		if (c == '\0')
			break;
	}
	free(path);
	return ok;
}

/* Are a and b the same folder: the same name, or the same real path? */
static int
same_dir(const char *a, const char *b)
{
	char	*ra, *rb;
	int	 same;

	if (strcmp(a, b) == 0)
		return 1;
	ra = realpath(a, NULL);
	rb = realpath(b, NULL);
	same = ra != NULL && rb != NULL && strcmp(ra, rb) == 0;
	free(ra);
	free(rb);
	return same;
}

/* Append dir (taken over) to the list *dirs of *n, unless it is there. */
static void
dirs_add(char ***dirs, size_t *n, char *dir)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (same_dir((*dirs)[i], dir)) {
			free(dir);
			return;
		}
	*dirs = xreallocarray(*dirs, *n + 2, sizeof(**dirs));
	(*dirs)[(*n)++] = dir;
	(*dirs)[*n] = NULL;
}

/*
 * The folders that may hold themes/ and framework/, in the order they
 * are searched: the site folder root; the source checkout the running
 * executable sits in, when it sits in one (the folder holds
 * src/prongsai.h); BIN/../share/prongsai, where BIN is the folder of the
 * executable's real path (an installed tree, wherever it was moved);
 * DATADIR, the data folder compiled in.  A folder named twice is listed
 * once.  Returns a NULL-terminated array of new strings: free with
 * data_dirs_free().
 */
char **
data_dirs(const char *root)
{
	char		**dirs = NULL, *exe, *p, *probe;
	size_t		  n = 0;
	struct stat	  st;

	dirs_add(&dirs, &n, xstrdup(root));
	if ((exe = realpath("/proc/self/exe", NULL)) != NULL &&
	    (p = strrchr(exe, '/')) != NULL) {
		*p = '\0';		/* exe is BIN now ("" for /) */
		probe = xasprintf("%s/src/prongsai.h", exe);
		if (stat(probe, &st) == 0 && S_ISREG(st.st_mode))
			dirs_add(&dirs, &n, xstrdup(*exe ? exe : "/"));
		free(probe);
		if ((p = strrchr(exe, '/')) != NULL)
			*p = '\0';	/* BIN/.. ("" for /) */
		dirs_add(&dirs, &n, xasprintf("%s/share/prongsai", exe));
	}
	free(exe);
	dirs_add(&dirs, &n, xstrdup(DATADIR));
	return dirs;
}

void
data_dirs_free(char **dirs)
{
	size_t	 i;

	for (i = 0; dirs != NULL && dirs[i] != NULL; i++)
		free(dirs[i]);
	free(dirs);
}

/*
 * The first existing path of sub in the folders dirs (from data_dirs()),
 * a new string; NULL if it is in none of them.
 */
char *
data_find(char *const *dirs, const char *sub)
{
	char		*p;
	struct stat	 st;
	size_t		 i;

	for (i = 0; dirs[i] != NULL; i++) {
		p = path_join(dirs[i], sub);
		if (stat(p, &st) == 0)
			return p;
		free(p);
	}
	return NULL;
}

/*
 * Where data_find() looked for sub in dirs, for an error message:
 * "DIR/sub, DIR/sub, ...", a new string.
 */
char *
data_tried(char *const *dirs, const char *sub)
{
	struct buf	 b;
	char		*p;
	size_t		 i;

	memset(&b, 0, sizeof(b));
	for (i = 0; dirs[i] != NULL; i++) {
		p = path_join(dirs[i], sub);
		if (i > 0)
			buf_add(&b, ", ");
		buf_add(&b, p);
		free(p);
	}
	return b.s != NULL ? b.s : xstrdup("");
}

/* Length of the UTF-8 sequence led by c, or 0 if c cannot lead one. */
static int
utf8_lead(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/*
 * Check that buf holds well-formed UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF).  Returns 1 if so; otherwise 0 and the
 * offset of the first bad byte in *bad.
 */
int
utf8_valid(const char *buf, size_t sz, size_t *bad)
{
	const unsigned char	*s = (const unsigned char *)buf;
	size_t			 i = 0;
	int			 n, k;

	while (i < sz) {
		if ((n = utf8_lead(s[i])) == 0 || i + (size_t)n > sz)
			goto fail;
		for (k = 1; k < n; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				goto fail;
		if ((s[i] == 0xe0 && s[i + 1] < 0xa0) ||
		    (s[i] == 0xed && s[i + 1] > 0x9f) ||
		    (s[i] == 0xf0 && s[i + 1] < 0x90) ||
		    (s[i] == 0xf4 && s[i + 1] > 0x8f))
			goto fail;
		i += (size_t)n;
	}
	return 1;
fail:
	*bad = i;
	return 0;
}

/* Is s plain ASCII? */
int
utf8_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Number of code points in the first sz bytes of valid UTF-8. */
size_t
utf8_chars(const char *s, size_t sz)
{
	size_t	 i, n = 0;

	for (i = 0; i < sz; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * Read a whole file into a new NUL-terminated buffer the caller frees.
 * Returns NULL with errno set on failure.
 */
char *
file_read(const char *path, size_t *sz)
{
	char	*buf = NULL;
	size_t	 len = 0, max = 0;
	ssize_t	 n;
	int	 fd, e;

	if ((fd = file_open(path)) == -1)
		return NULL;
	do {
		if (len + 1 >= max) {
			max = max ? max * 2 : 8192;
			buf = xrealloc(buf, max);
		}
		n = read(fd, buf + len, max - len - 1);
		if (n > 0)
			len += (size_t)n;
	} while (n > 0 || (n == -1 && errno == EINTR));
	e = errno;
	close(fd);
	if (n == -1) {
		free(buf);
		errno = e;
		return NULL;
	}
	buf[len] = '\0';
	*sz = len;
	return buf;
}

/*
 * Open a file for reading that content or a theme names.  Without
 * O_NONBLOCK a FIFO named like a content file blocks open() forever;
 * anything but a regular file is refused (errno EINVAL for "not a
 * regular file").  Returns the descriptor or -1 with errno set.
 */
int
file_open(const char *path)
{
	struct stat	 st;
	int		 fd, fl, e;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		goto fail;
	}
	if ((fl = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1)
		goto fail;
	return fd;
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
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
		v = xgrow(v, *sz, sizeof(*v));
		v[(*sz)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (v == NULL)
		return xcalloc(1, sizeof(*v));
	sort(v, *sz, sizeof(*v), namecmp);
	return v;
}

/* qsort that accepts an empty (NULL) array, which qsort itself may not. */
void
sort(void *base, size_t n, size_t sz, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, sz, cmp);
}

/* Append the n bytes at s to b. */
void
buf_addn(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->max) {
		b->max = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->max);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Append the string s; NULL appends nothing. */
void
buf_add(struct buf *b, const char *s)
{
	if (s != NULL)
		buf_addn(b, s, strlen(s));
}


/*
 * A key's slot in a strmap: XXH3 (libxxhash), which takes the word
 * breaker's runs of Thai, a few hundred bytes each, eight at a time.
 */
static size_t
strmap_hash(const char *s, size_t n)
{
	return (size_t)XXH3_64bits(s, n);
}

/*
 * The value of the n bytes at key in m, or (size_t)-1 if it has none.
 * Lookups and insertions are constant time, so that lists whose length
 * content controls (owners, slugs, files) are checked in linear time.
 */
size_t
strmap_getn(const struct strmap *m, const char *key, size_t n)
{
	size_t	 i;

	if (m->max == 0)
		return STRMAP_NONE;
	for (i = strmap_hash(key, n) & (m->max - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->max - 1))
		if (strncmp(m->keys[i], key, n) == 0 && m->keys[i][n] == '\0')
			return m->vals[i];
	return STRMAP_NONE;
}

/* The value of the string key in m, or (size_t)-1 if it has none. */
size_t
strmap_get(const struct strmap *m, const char *key)
{
	return strmap_getn(m, key, strlen(key));
}

/* Set key (not copied: it must outlive m) to val. */
void
strmap_put(struct strmap *m, const char *key, size_t val)
{
	struct strmap	 old = *m;
	size_t		 i;

	if ((m->sz + 1) * 2 > m->max) {
		m->max = m->max ? m->max * 2 : 16;
		m->keys = xcalloc(m->max, sizeof(*m->keys));
		m->vals = xcalloc(m->max, sizeof(*m->vals));
		m->sz = 0;
		for (i = 0; i < old.max; i++)
			if (old.keys[i] != NULL)
				strmap_put(m, old.keys[i], old.vals[i]);
		free(old.keys);
		free(old.vals);
	}
	for (i = strmap_hash(key, strlen(key)) & (m->max - 1);
	    m->keys[i] != NULL; i = (i + 1) & (m->max - 1))
		if (strcmp(m->keys[i], key) == 0) {
			m->vals[i] = val;
			return;
		}
	m->keys[i] = key;
	m->vals[i] = val;
	m->sz++;
}

void
strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
