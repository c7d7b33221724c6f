/* thaitext.c: Thai text: one normal form, blank tests, dictionary order and word boundaries (the only libthai and libunistring user). */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <uninorm.h>

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
 * The character at s (valid UTF-8, not at its end) into *c; returns its
 * length in bytes.  For search.c, which reads text a character at a time.
 */
size_t
text_char(const char *s, unsigned *c)
{
	size_t	 n;

	*c = utf8_decode((const unsigned char *)s, &n);
	return n;
}

/* Write c as UTF-8 at out (room for 4 bytes); returns the length. */
size_t
text_put(char *out, unsigned c)
{
	unsigned char	*u = (unsigned char *)out;

	if (c < 0x80) {
		u[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		u[0] = (unsigned char)(0xc0 | c >> 6);
		u[1] = (unsigned char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		u[0] = (unsigned char)(0xe0 | c >> 12);
		u[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (unsigned char)(0x80 | (c & 0x3f));
		return 3;
	}
	u[0] = (unsigned char)(0xf0 | c >> 18);
	u[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
	u[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
	u[3] = (unsigned char)(0x80 | (c & 0x3f));
	return 4;
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

/* Thai's canonical combining classes: 103 sara u, uu; 9 phinthu; 107 tone marks. */
static int
thai_ccc(unsigned c)
{
	if (c == 0x0e38 || c == 0x0e39)
		return 103;
	if (c == 0x0e3a)
		return 9;
	if (c >= 0x0e48 && c <= 0x0e4b)
		return 107;
	return 0;
}

/*
 * Is s (valid UTF-8) in NFC as it is?  Said only for text of ASCII and
 * Thai letters, where no character composes and NFC only puts marks
 * written one after the other in class order (a tone mark typed before
 * sara u).  Most content is such text, and u8_normalize was most of the
 * search index's time.
 */
static int
nfc_already(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned		 c;
	size_t			 n;
	int			 cc, last = 0;

	for (; *p != '\0'; p += n) {
		if (*p < 0x80) {
			n = 1;
			last = 0;
			continue;
		}
		c = utf8_decode(p, &n);
		if (c < 0x0e00 || c > 0x0e7f)
			return 0;
		cc = thai_ccc(c);
		if (cc != 0 && last > cc)
			return 0;
		last = cc;
	}
	return 1;
}

/*
 * The one form in which text is compared and shown: Unicode NFC, and
 * SARA AM typed as NIKHAHIT + SARA AA (as some Thai keyboards and Word
 * do, possibly with a tone mark between) written as U+0E33, which NFC
 * leaves alone.  Without it two owners that look the same get two
 * pages.  Returns a new string; s must be valid UTF-8.
 */
char *
text_norm(const char *s)
{
	uint8_t		*n;
	size_t		 len, i, k;
	char		*out;

	if (nfc_already(s)) {
		len = strlen(s);
		n = xmalloc(len + 1);
		memcpy(n, s, len + 1);
	} else if ((n = u8_normalize(UNINORM_NFC, (const uint8_t *)s,
	    strlen(s), NULL, &len)) == NULL)
		return xstrdup(s);
	out = xmalloc(len + 1);
	for (i = k = 0; i < len; ) {
		/* U+0E4D is e0 b9 8d, U+0E32 e0 b8 b2, tone marks e0 b9 88-8b. */
		if (i + 6 <= len && memcmp(n + i, "\xe0\xb9\x8d", 3) == 0) {
			if (memcmp(n + i + 3, "\xe0\xb8\xb2", 3) == 0) {
				memcpy(out + k, "\xe0\xb8\xb3", 3);
				k += 3;
				i += 6;
				continue;
			}
			if (i + 9 <= len && n[i + 3] == 0xe0 &&
			    n[i + 4] == 0xb9 && n[i + 5] >= 0x88 &&
			    n[i + 5] <= 0x8b &&
			    memcmp(n + i + 6, "\xe0\xb8\xb2", 3) == 0) {
				memcpy(out + k, n + i + 3, 3);
				memcpy(out + k + 3, "\xe0\xb8\xb3", 3);
				k += 6;
				i += 9;
				continue;
			}
		}
		out[k++] = (char)n[i++];
	}
	out[k] = '\0';
	free(n);
	return out;
}

/* Is c a character that shows as nothing or as a blank? */
static int
blank_char(unsigned c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0 ||
	    c == 0x1680 || c == 0x180e || (c >= 0x2000 && c <= 0x200f) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	    c == 0x2060 || c == 0x3000 || c == 0xfeff;
}

/*
 * Does s (valid UTF-8) show nothing at all: only spaces, no-break and
 * zero-width spaces and the like?  A title like that is an empty
 * heading to a reader.
 */
int
text_blank(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n;

	while (*p != '\0') {
		if (!blank_char(utf8_decode(p, &n)))
			return 0;
		p += n;
	}
	return 1;
}

/*
 * The word boundaries libthai's dictionary finds inside the len bytes
 * of Thai letters at utf8 (no other character): their byte offsets,
 * strictly between 0 and len, into offs (room for max), in order.
 * Returns how many.  For wordbreak.c, which runs it on every Thai run
 * of every page, so short runs go through the stack.
 */
size_t
thai_breaks(void *brk, const char *utf8, size_t len, size_t *offs,
    size_t max)
{
	thchar_t	 tbuf[256], *tis = tbuf;
	size_t		 obuf[256], *at = obuf, i = 0, n, k = 0, out = 0;
	int		 pbuf[256], *pos = pbuf, np, j;
	thchar_t	 c;

	if (brk == NULL || len == 0)
		return 0;
	if (len + 1 > 256) {
		tis = xmalloc(len + 1);
		at = xcalloc(len + 1, sizeof(*at));
		pos = xcalloc(len + 1, sizeof(*pos));
	}
	while (i < len) {
		c = th_uni2tis((thwchar_t)utf8_decode(
		    (const unsigned char *)utf8 + i, &n));
		at[k] = i;
		tis[k++] = c == THCHAR_ERR || c == 0 ? '~' : c;
		i += n;
	}
	at[k] = len;
	tis[k] = '\0';
	np = th_brk_find_breaks(brk, tis, pos, k + 1);
	for (j = 0; j < np && out < max; j++)
		if (pos[j] > 0 && (size_t)pos[j] < k)
			offs[out++] = at[pos[j]];
	if (tis != tbuf) {
		free(tis);
		free(at);
		free(pos);
	}
	return out;
}
