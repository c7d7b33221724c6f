/* lenient.c: the forgiving readings of what clerks write (Thai status words, 100%, curly quotes, day/month/year, joined owners, an owner's parent unit); the stages report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/*
 * The Thai words clerks use for each status, with their common variants,
 * compared without spaces (Thai writes none inside a phrase).  The
 * codes stay what the output shows.
 */
static const struct {
	const char	*word;
	enum status	 status;
} statuswords[] = {
	{ "ยังไม่ดำเนินการ", STATUS_PLANNED },
	{ "ยังไม่ได้ดำเนินการ", STATUS_PLANNED },
	{ "ยังไม่เริ่ม", STATUS_PLANNED },
	{ "ยังไม่เริ่มดำเนินการ", STATUS_PLANNED },
	{ "วางแผน", STATUS_PLANNED },
	{ "อยู่ระหว่างดำเนินการ", STATUS_IN_PROGRESS },
	{ "ระหว่างดำเนินการ", STATUS_IN_PROGRESS },
	{ "กำลังดำเนินการ", STATUS_IN_PROGRESS },
	{ "ดำเนินการอยู่", STATUS_IN_PROGRESS },
	{ "ดำเนินการแล้วเสร็จ", STATUS_DONE },
	{ "ดำเนินการเสร็จแล้ว", STATUS_DONE },
	{ "ดำเนินการเสร็จสิ้น", STATUS_DONE },
	{ "ดำเนินการเรียบร้อยแล้ว", STATUS_DONE },
	{ "เสร็จแล้ว", STATUS_DONE },
	{ "แล้วเสร็จ", STATUS_DONE },
	{ "เสร็จสิ้น", STATUS_DONE },
	{ "เสร็จ", STATUS_DONE },
	{ "ยกเลิก", STATUS_CANCELLED },
	{ "ยกเลิกแล้ว", STATUS_CANCELLED },
	{ "ยกเลิกการดำเนินการ", STATUS_CANCELLED },
};

/* s without ASCII and no-break spaces, a new string. */
static char *
squeeze(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1), *w = out;

	while (*s != '\0')
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xc2\xa0", 2) == 0)
			s += 2;
		else
			*w++ = *s++;
	*w = '\0';
	return out;
}

/* The status a Thai word (or a near English code) means, or -1. */
int
lenient_status(const char *s)
{
	char	*t = squeeze(s);
	size_t	 i;
	int	 st = -1;

	for (i = 0; i < sizeof(statuswords) / sizeof(statuswords[0]); i++)
		if (strcmp(t, statuswords[i].word) == 0) {
			st = (int)statuswords[i].status;
			break;
		}
	free(t);
	return st;
}

/*
 * A number with a percent sign after it ("100%", "๑๐๐ %", "80 ％"): the
 * text before the sign as a new string, or NULL if there is no sign.
 */
char *
lenient_percent(const char *s)
{
	static const char *const signs[] = { "%", "\xef\xbc\x85", NULL };
	size_t	 n = strlen(s), k, i;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (i = 0; signs[i] != NULL; i++) {
		k = strlen(signs[i]);
		if (n > k && memcmp(s + n - k, signs[i], k) == 0)
			return xstrndup(s, n - k);
	}
	return NULL;
}

/*
 * A value inside Word's curly quotes, “...” or ‘...’, which YAML reads
 * as part of the text: the inside as a new string, or NULL.
 */
char *
lenient_unquote(const char *s)
{
	static const char *const pairs[][2] = {
		{ "\xe2\x80\x9c", "\xe2\x80\x9d" },	/* “ ” */
		{ "\xe2\x80\x98", "\xe2\x80\x99" },	/* ‘ ’ */
		{ "\xe2\x80\x9d", "\xe2\x80\x9d" },	/* ” ” */
	};
	size_t	 n = strlen(s), i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (n > 6 && memcmp(s, pairs[i][0], 3) == 0 &&
		    memcmp(s + n - 3, pairs[i][1], 3) == 0)
			return xstrndup(s + 3, n - 6);
	return NULL;
}

/* Read digits (ASCII or Thai) at *s into *v: how many, at most max. */
static int
lenient_digits(const char **s, int max, int *v)
{
	int	 n = 0;

	*v = 0;
	for (;;) {
		if (**s >= '0' && **s <= '9') {
			*v = *v * 10 + (**s - '0');
			(*s)++;
		} else if (strncmp(*s, "\xe0\xb9", 2) == 0 &&
		    (unsigned char)(*s)[2] >= 0x90 &&
		    (unsigned char)(*s)[2] <= 0x99) {
			*v = *v * 10 + ((unsigned char)(*s)[2] - 0x90);
			*s += 3;
		} else
			break;
		if (++n > max)
			return 0;
	}
	return n;
}

/*
 * A date written day/month/year (also with '-' or '.'; ASCII or Thai
 * digits, a four-digit year): 1 and its ISO form YYYY-MM-DD in iso (the
 * year as written, Buddhist or Common Era), else 0.
 */
int
lenient_dmy(const char *s, char iso[11])
{
	struct date	 d;
	int		 day, month, year;
	char		 sep;

	while (*s == ' ')
		s++;
	if (lenient_digits(&s, 2, &day) == 0 || (*s != '/' && *s != '-' &&
	    *s != '.'))
		return 0;
	sep = *s++;
	if (lenient_digits(&s, 2, &month) == 0 || *s++ != sep ||
	    lenient_digits(&s, 4, &year) != 4)
		return 0;
	while (*s == ' ')
		s++;
	if (*s != '\0' || month < 1 || month > 12 || day < 1 || day > 31)
		return 0;
	snprintf(iso, 11, "%04d-%02d-%02d", year, month, day);
	return date_parse(iso, &d) == DATE_OK;
}

/*
 * Does every part of s between slashes look like a name of its own?
 * "สำนัก/กอง" (bureau or division) is one kind of owner: a part of
 * fewer than six letters is a word, not a unit's name.
 */
static int
slash_names(const char *s)
{
	const char	*e;
	size_t		 n;

	for (;;) {
		e = strchr(s, '/');
		n = e != NULL ? (size_t)(e - s) : strlen(s);
		while (n > 0 && *s == ' ')
			s++, n--;
		while (n > 0 && s[n - 1] == ' ')
			n--;
		if (utf8_chars(s, n) < 6)
			return 0;
		if (e == NULL)
			return 1;
		s = e + 1;
	}
}

/*
 * What joins several owners on one line ("งานก, งานข", "งานก และ งานข",
 * "งานก/งานข"): the separator, or NULL if the name looks like one.
 * และ counts only after a space: a unit's own name often holds it
 * (กองวิชาการและแผนงาน).
 */
const char *
lenient_joined(const char *s)
{
	static const char *const seps[] = {
		",", "\xef\xbc\x8c", "/", ";", " และ", NULL
	};
	const char	*p;
	size_t		 i;

	for (i = 0; seps[i] != NULL; i++)
		if ((p = strstr(s, seps[i])) != NULL && p != s &&
		    p[strlen(seps[i])] != '\0' &&
		    (strcmp(seps[i], "/") != 0 || slash_names(s)))
			return seps[i];
	return NULL;
}

/*
 * s split at every sep, each part trimmed, as a YAML list "[A, B]": a
 * new string, for the fix a warning shows.
 */
char *
lenient_as_list(const char *s, const char *sep)
{
	struct buf	 b;
	const char	*p, *e;
	size_t		 n = strlen(sep);

	memset(&b, 0, sizeof(b));
	buf_add(&b, "[");
	for (;;) {
		e = strstr(s, sep);
		p = e != NULL ? e : s + strlen(s);
		while (s < p && *s == ' ')
			s++;
		while (p > s && p[-1] == ' ')
			p--;
		if (p > s) {
			if (b.len > 1)
				buf_add(&b, ", ");
			buf_addn(&b, s, (size_t)(p - s));
		}
		if (e == NULL)
			break;
		s = e + n;
	}
	buf_add(&b, "]");
	return b.s;
}

/*
 * The unit an owner belongs to, written after its name in parentheses:
 * "งานพัสดุ (กองคลัง)" belongs to "กองคลัง".  Only a final parenthesised
 * part that is not the whole name counts: "งานพัสดุ กองคลัง" may be one
 * unit's name, and a list in parentheses ("(กองคลัง, กองช่าง)") names
 * no one parent.  Returns the parent, trimmed, as a new string, with
 * the length of the name before it, trimmed, in *unitlen if not NULL;
 * NULL if name has no parent.  The parent may have one of its own.
 */
char *
lenient_parent(const char *name, size_t *unitlen)
{
	const char	*open, *in, *end;
	char		*p;
	size_t		 n = strlen(name), u;
	int		 depth = 0;

	while (n > 0 && name[n - 1] == ' ')
		n--;
	if (n == 0 || name[n - 1] != ')')
		return NULL;
	for (open = name + n; open > name; ) {
		open--;
		if (*open == ')')
			depth++;
		else if (*open == '(' && --depth == 0)
			break;
	}
	if (depth != 0)
		return NULL;
	for (u = (size_t)(open - name); u > 0 && name[u - 1] == ' '; u--)
		continue;
	for (in = open + 1; *in == ' '; in++)
		continue;
	for (end = name + n - 1; end > in && end[-1] == ' '; end--)
		continue;
	if (u == 0 || end == in)
		return NULL;
	p = xstrndup(in, (size_t)(end - in));
	if (lenient_joined(p) != NULL) {
		free(p);
		return NULL;
	}
	if (unitlen != NULL)
		*unitlen = u;
	return p;
}
