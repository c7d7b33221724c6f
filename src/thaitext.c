/* thaitext.c: Thai dictionary order and word boundaries for UTF-8 text (the only libthai user). */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <thai/thbrk.h>
#include <thai/thcoll.h>
#include <thai/thwchar.h>

#include "extern.h"

/* Decode one UTF-8 sequence at s (valid UTF-8); sets *n to its length. */
static unsigned
utf8_decode(const unsigned char *s, size_t *n)
{
	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] < 0xe0) {
		*n = 2;
		return (s[0] & 0x1fu) << 6 | (s[1] & 0x3fu);
	}
	if (s[0] < 0xf0) {
		*n = 3;
		return (s[0] & 0x0fu) << 12 | (s[1] & 0x3fu) << 6 |
		    (s[2] & 0x3fu);
	}
	*n = 4;
	return (s[0] & 0x07u) << 18 | (s[1] & 0x3fu) << 12 |
	    (s[2] & 0x3fu) << 6 | (s[3] & 0x3fu);
}

/*
 * TIS-620 form of UTF-8 text, the encoding libthai works in.  Characters
 * that TIS-620 lacks become '~', after every Thai letter in order.
 * offs, if not NULL, receives the byte offset of each character.
 */
static thchar_t *
to_tis(const char *utf8, size_t **offs, size_t *count)
{
	const unsigned char	*s = (const unsigned char *)utf8;
	size_t			 len = strlen(utf8), i = 0, n, k = 0;
	thchar_t		*t, c;

	t = xmalloc(len + 1);
	if (offs)
		*offs = xcalloc(len + 1, sizeof(**offs));
	while (i < len) {
		c = th_uni2tis((thwchar_t)utf8_decode(s + i, &n));
		if (offs)
			(*offs)[k] = i;
		t[k++] = c == THCHAR_ERR || c == 0 ? '~' : c;
		i += n;
	}
	if (offs)
		(*offs)[k] = len;
	t[k] = '\0';
	if (count)
		*count = k;
	return t;
}

/*
 * A key whose byte order (strcmp) is Thai dictionary order, so that
 * titles starting with เ แ โ ใ ไ sort by their consonant.  The caller
 * frees it.
 */
char *
collate_key(const char *utf8)
{
	thchar_t	*tis, *key;
	size_t		 n, max;

	tis = to_tis(utf8, NULL, &n);
	max = n * 8 + 16;
	key = xmalloc(max);
	n = th_strxfrm(key, tis, max);
	key[n < max ? n : max - 1] = '\0';
	free(tis);
	return (char *)key;
}

/* Thai dictionary comparison of two UTF-8 texts. */
int
thai_strcoll(const char *a, const char *b)
{
	thchar_t	*ta, *tb;
	int		 c;

	ta = to_tis(a, NULL, NULL);
	tb = to_tis(b, NULL, NULL);
	c = th_strcoll(ta, tb);
	free(ta);
	free(tb);
	return c;
}

/*
 * The byte length of the longest prefix of utf8 that has at most max
 * characters and ends at a word boundary (Thai words found with
 * libthai's dictionary, other words at spaces).  Returns strlen if the
 * text is short enough.  brk may be NULL when no dictionary is at hand.
 */
size_t
thai_cut(void *brk, const char *utf8, size_t max)
{
	thchar_t	*tis;
	size_t		*offs, n, best = 0, i;
	int		*pos, np, k;

	tis = to_tis(utf8, &offs, &n);
	if (n <= max) {
		free(tis);
		free(offs);
		return strlen(utf8);
	}
	pos = xcalloc(n + 1, sizeof(*pos));
	np = brk ? th_brk_find_breaks(brk, tis, pos, n + 1) : 0;
	for (k = 0; k < np; k++)
		if ((size_t)pos[k] <= max && (size_t)pos[k] > best)
			best = (size_t)pos[k];
	for (i = 1; i <= max; i++)
		if (tis[i] == ' ' && i > best)
			best = i;
	if (best == 0)
		best = max;
	n = offs[best];
	free(pos);
	free(tis);
	free(offs);
	return n;
}

/* A word breaker with libthai's dictionary, or NULL if it is missing. */
void *
thai_brk_new(void)
{
	return th_brk_new(NULL);
}

void
thai_brk_free(void *brk)
{
	if (brk != NULL)
		th_brk_delete(brk);
}
