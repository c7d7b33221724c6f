/* util.c: allocation wrappers that exit on out-of-memory, string and path helpers. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* A command-line tool has nothing better to do when memory runs out. */
static void
oom(void)
{
	fputs("prongsai: out of memory\n", stderr);
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

void *
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
	FILE	*f;
	char	*buf = NULL;
	size_t	 len = 0, max = 0, n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	do {
		if (len + 1 >= max) {
			max = max ? max * 2 : 8192;
			buf = xrealloc(buf, max);
		}
		n = fread(buf + len, 1, max - len - 1, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[len] = '\0';
	*sz = len;
	return buf;
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
 * Append s escaped for markup: & < > and CR always, and for a
 * double-quoted attribute value (attr) also " newline and tab, as
 * libxml2's writers escape them.
 */
void
buf_escape(struct buf *b, const char *s, int attr)
{
	const char	*run = s;

	for (; *s != '\0'; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '\r': rep = "&#13;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		default: break;
		}
		if (rep == NULL)
			continue;
		buf_addn(b, run, (size_t)(s - run));
		buf_add(b, rep);
		run = s + 1;
	}
	buf_addn(b, run, (size_t)(s - run));
}
