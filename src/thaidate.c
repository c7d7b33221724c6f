/* thaidate.c: Buddhist Era, fiscal years, Thai months and digits, period parsing and formatting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/*
 * Everything here is a pure function of its arguments: no globals that
 * change, no locale, no static buffers, so any thread may call it.
 */

#define BE_OFFSET	543
/* A year this large can only be Buddhist Era: CE 2400 is far away. */
#define BE_MIN		2400
#define EN_DASH		"\xe2\x80\x93"

static const char *const th_full[12] = {
	"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน",
	"พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
	"กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"
};

static const char *const th_abbr[12] = {
	"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
	"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."
};

static const char *const en_full[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"
};

static const char *const en_abbr[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

static const char *const en_wday[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};

/* A NULL format means the site default: Thai words, Thai digits. */
static const struct fmt fmt_default = { LANG_TH, DIGITS_THAI, ERA_BE };

/*
 * Convert a Common Era year to the Buddhist Era.
 */
int
year_be(int ce)
{
	return ce + BE_OFFSET;
}

/*
 * Convert a Buddhist Era year to the Common Era.
 */
int
year_ce(int be)
{
	return be - BE_OFFSET;
}

/*
 * Whether the (proleptic Gregorian) CE year has a 29 February.
 */
int
date_leap(int ce)
{
	return (ce % 4 == 0 && ce % 100 != 0) || ce % 400 == 0;
}

/*
 * Days in a month of a CE year; 0 if the month is not 1..12.
 */
int
date_days_in_month(int ce, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && date_leap(ce))
		return 29;
	return days[month - 1];
}

/*
 * Whether a date exists: CE year 1..9999, month 1..12, day 0 (month
 * precision) or a day of that month.
 */
int
date_valid(const struct date *d)
{
	if (d == NULL || d->year < 1 || d->year > 9999)
		return 0;
	if (d->month < 1 || d->month > 12)
		return 0;
	return d->day >= 0 && d->day <= date_days_in_month(d->year, d->month);
}

static int
cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

/*
 * Order two dates: -1, 0 or 1.  A month-precision date (day 0) sorts
 * before every day of its month, as the start of a period would.
 */
int
date_cmp(const struct date *a, const struct date *b)
{
	int	 c;

	if ((c = cmp_int(a->year, b->year)) != 0)
		return c;
	if ((c = cmp_int(a->month, b->month)) != 0)
		return c;
	return cmp_int(a->day, b->day);
}

/*
 * The Buddhist Era fiscal year holding a date.  Thai fiscal years run
 * from 1 October to 30 September and take the name of the year they
 * end in, so October starts the next one.
 */
int
date_fiscal_year(const struct date *d)
{
	return year_be(d->year) + (d->month >= 10);
}

/*
 * The first day (1 October) of a Buddhist Era fiscal year.
 */
void
fiscal_year_first(int be, struct date *out)
{
	out->year = year_ce(be) - 1;
	out->month = 10;
	out->day = 1;
}

/*
 * The last day (30 September) of a Buddhist Era fiscal year.
 */
void
fiscal_year_last(int be, struct date *out)
{
	out->year = year_ce(be);
	out->month = 9;
	out->day = 30;
}

/*
 * The name of month 1..12, full or abbreviated, as a string constant;
 * NULL for any other month.
 */
const char *
month_name(int m, enum lang lang, int abbrev)
{
	if (m < 1 || m > 12)
		return NULL;
	if (lang == LANG_TH)
		return abbrev ? th_abbr[m - 1] : th_full[m - 1];
	return abbrev ? en_abbr[m - 1] : en_full[m - 1];
}

/* Formatting must not crash on a date that slipped past validation. */
static const char *
mname(int m, enum lang lang, int abbrev)
{
	const char	*s;

	return (s = month_name(m, lang, abbrev)) == NULL ? "?" : s;
}

/* Thai digits are U+0E50..U+0E59, three bytes each in UTF-8. */
static int
is_thai_digit(const char *s)
{
	return (unsigned char)s[0] == 0xe0 && (unsigned char)s[1] == 0xb9 &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99;
}

/* Length of the digit at s (1 ASCII, 3 Thai) with its value, or 0. */
static size_t
digit_at(const char *s, int *v)
{
	if (*s >= '0' && *s <= '9') {
		*v = *s - '0';
		return 1;
	}
	if (is_thai_digit(s)) {
		*v = (unsigned char)s[2] - 0x90;
		return 3;
	}
	return 0;
}

/*
 * A newly allocated copy of s with every ASCII digit written as a Thai
 * digit; all other bytes are copied unchanged.
 */
char *
digits_thai(const char *s)
{
	size_t		 n = 0;
	const char	*q;
	char		*out, *p;

	for (q = s; *q != '\0'; q++)
		n += *q >= '0' && *q <= '9';
	out = p = xmalloc(strlen(s) + 2 * n + 1);
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			*p++ = (char)0xe0;
			*p++ = (char)0xb9;
			*p++ = (char)(0x90 + (*s - '0'));
		} else
			*p++ = *s;
	}
	*p = '\0';
	return out;
}

/*
 * A newly allocated copy of s with every Thai digit written as an
 * ASCII digit; all other bytes are copied unchanged.
 */
char *
digits_ascii(const char *s)
{
	char	*out, *p;
	int	 v;

	out = p = xmalloc(strlen(s) + 1);
	while (*s != '\0') {
		if (is_thai_digit(s)) {
			digit_at(s, &v);
			*p++ = (char)('0' + v);
			s += 3;
		} else
			*p++ = *s++;
	}
	*p = '\0';
	return out;
}

/* Take an ASCII-digit string and give it back in the reader's digits. */
static char *
localise(char *s, const struct fmt *f)
{
	char	*t;

	if (f->digits != DIGITS_THAI)
		return s;
	t = digits_thai(s);
	free(s);
	return t;
}

/*
 * An integer, possibly negative, written in the format's digits;
 * newly allocated.  A NULL format means Thai digits.
 */
char *
num_format(long n, const struct fmt *f)
{
	if (f == NULL)
		f = &fmt_default;
	return localise(xasprintf("%ld", n), f);
}

/* Read exactly n digits, ASCII or Thai, advancing *s; -1 if not there. */
static int
read_digits(const char **s, int n)
{
	int	 v = 0, d;
	size_t	 len;

	while (n-- > 0) {
		if ((len = digit_at(*s, &d)) == 0)
			return -1;
		v = v * 10 + d;
		*s += len;
	}
	return v;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The YYYY-MM[-DD] shape alone: fills y, m, d (d 0 if absent). */
static int
date_shape(const char *s, int *y, int *m, int *d)
{
	while (is_blank(*s))
		s++;
	*d = 0;
	if ((*y = read_digits(&s, 4)) < 0 || *s++ != '-')
		return 0;
	if ((*m = read_digits(&s, 2)) < 0)
		return 0;
	if (*s == '-') {
		s++;
		if ((*d = read_digits(&s, 2)) < 0)
			return 0;
		/* "00" would otherwise pass as month precision. */
		if (*d == 0)
			*d = -1;
	}
	while (is_blank(*s))
		s++;
	return *s == '\0';
}

/*
 * Parse "YYYY-MM-DD" or "YYYY-MM" in ASCII or Thai digits, blanks
 * around it ignored.  Years from 2400 are Buddhist Era and stored as
 * CE.  On DATE_OK fills out; otherwise out is untouched.
 */
enum dateerr
date_parse(const char *s, struct date *out)
{
	struct date	 d;

	if (!date_shape(s, &d.year, &d.month, &d.day))
		return DATE_SYNTAX;
	if (d.year >= BE_MIN)
		d.year = year_ce(d.year);
	if (d.day < 0 || !date_valid(&d))
		return DATE_IMPOSSIBLE;
	*out = d;
	return DATE_OK;
}

/*
 * The date as "YYYY-MM-DD", or "YYYY-MM" at month precision; newly
 * allocated.
 */
char *
date_iso(const struct date *d)
{
	if (d->day == 0)
		return xasprintf("%04d-%02d", d->year, d->month);
	return xasprintf("%04d-%02d-%02d", d->year, d->month, d->day);
}

/* Day of the week, 0 for Sunday (Sakamoto's method). */
static int
weekday(int y, int m, int d)
{
	static const int t[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/*
 * The date as RSS wants it, midnight in Thailand, English names
 * regardless of the site's language; a month-precision date is read
 * as the first of the month.  Newly allocated.
 */
char *
date_rfc822(const struct date *d)
{
	int	 day = d->day == 0 ? 1 : d->day;

	if (d->month < 1 || d->month > 12)
		return xasprintf("%02d ? %04d 00:00:00 +0700", day, d->year);
	return xasprintf("%s, %02d %s %04d 00:00:00 +0700",
	    en_wday[weekday(d->year, d->month, day)], day,
	    en_abbr[d->month - 1], d->year);
}

/*
 * The year a reader expects: Thai readers always get the Buddhist
 * Era; English readers get CE, or the BE year marked "BE".
 */
static void
year_text(char *buf, size_t sz, int ce, const struct fmt *f)
{
	if (f->lang == LANG_TH)
		snprintf(buf, sz, "%d", year_be(ce));
	else if (f->era == ERA_BE)
		snprintf(buf, sz, "%d BE", year_be(ce));
	else
		snprintf(buf, sz, "%d", ce);
}

/*
 * A date for readers, newly allocated.  Thai: DATE_FULL "27 มกราคม
 * 2566", DATE_SHORT "27 ม.ค. 66" (two-digit BE year), DATE_MONTH
 * "ม.ค. 2566".  English: "27 January 2023", "27 Jan 2023", "Jan 2023",
 * with ERA_BE "27 January 2566 BE".  Digits follow fmt->digits in both
 * languages; month precision drops the day.  A NULL format means Thai.
 */
char *
date_format(const struct date *d, enum datestyle style, const struct fmt *f)
{
	char		 year[32];
	const char	*name;

	if (f == NULL)
		f = &fmt_default;
	name = mname(d->month, f->lang, style != DATE_FULL);
	if (f->lang == LANG_TH && style == DATE_SHORT)
		snprintf(year, sizeof(year), "%02d", abs(year_be(d->year)) % 100);
	else
		year_text(year, sizeof(year), d->year, f);
	if (d->day == 0 || style == DATE_MONTH)
		return localise(xasprintf("%s %s", name, year), f);
	return localise(xasprintf("%d %s %s", d->day, name, year), f);
}

/* "[D ]Mon[ YEAR]": a day only where the date has one. */
static void
period_end(char *buf, size_t sz, const struct date *d, int withyear,
    const struct fmt *f)
{
	char		 year[32], day[16];
	const char	*name = mname(d->month, f->lang, 1);

	year[0] = day[0] = '\0';
	if (withyear) {
		year[0] = ' ';
		year_text(year + 1, sizeof(year) - 1, d->year, f);
	}
	if (d->day != 0)
		snprintf(day, sizeof(day), "%d ", d->day);
	snprintf(buf, sz, "%s%s%s", day, name, year);
}

/*
 * Both ends in one month.  A month-precision end stands for its whole
 * month, so "15 Jan" to "Jan" reads "15–31 Jan".
 */
static char *
period_month(const struct date *s, const struct date *e, const struct fmt *f)
{
	char		 year[32];
	const char	*name = mname(s->month, f->lang, 1);
	int		 sd, ed;

	year_text(year, sizeof(year), s->year, f);
	if (s->day == 0 && e->day == 0)
		return xasprintf("%s %s", name, year);
	sd = s->day == 0 ? 1 : s->day;
	ed = e->day == 0 ? date_days_in_month(e->year, e->month) : e->day;
	if (sd == ed)
		return xasprintf("%d %s %s", sd, name, year);
	return xasprintf("%d" EN_DASH "%d %s %s", sd, ed, name, year);
}

static int
whole_fiscal_year(const struct period *p, int fy)
{
	struct date	 first, last;

	if (p->whole_year)
		return 1;
	fiscal_year_first(fy, &first);
	fiscal_year_last(fy, &last);
	return date_cmp(&p->start, &first) == 0 &&
	    date_cmp(&p->end, &last) == 0;
}

/*
 * A period as a person would write it, newly allocated, with
 * abbreviated months and the calendar (not fiscal) year of each date:
 * "1–15 ม.ค. 2566", "27 ม.ค. – เม.ย. 2566", "ต.ค. 2565 – ม.ค. 2566".
 * A whole fiscal year (whole_year set, or exactly 1 Oct to 30 Sep of
 * fiscal_year) reads "ตลอดปีงบประมาณ 2566"; in English "Whole fiscal
 * year 2566 BE" with ERA_BE, "Whole fiscal year 2023" with ERA_CE (the
 * CE year the fiscal year ends in), matching how date_format writes
 * English years.  Digits follow fmt->digits; NULL format means Thai.
 */
char *
period_format(const struct period *p, int fiscal_year, const struct fmt *f)
{
	char	 a[96], b[96], year[32];

	if (f == NULL)
		f = &fmt_default;
	if (fiscal_year <= 0)
		fiscal_year = date_fiscal_year(&p->end);
	if (whole_fiscal_year(p, fiscal_year)) {
		year_text(year, sizeof(year), year_ce(fiscal_year), f);
		return localise(xasprintf("%s %s", f->lang == LANG_TH ?
		    "ตลอดปีงบประมาณ" : "Whole fiscal year", year), f);
	}
	if (p->start.year == p->end.year && p->start.month == p->end.month)
		return localise(period_month(&p->start, &p->end, f), f);
	if (p->start.year == p->end.year) {
		period_end(a, sizeof(a), &p->start, 0, f);
		period_end(b, sizeof(b), &p->end, 1, f);
	} else {
		period_end(a, sizeof(a), &p->start, 1, f);
		period_end(b, sizeof(b), &p->end, 1, f);
	}
	return localise(xasprintf("%s " EN_DASH " %s", a, b), f);
}

/*
 * Period parsing.  The text is cut into tokens (numbers, months,
 * separators and the few words of whole-year wordings), then matched
 * against two small grammars: a whole-year wording, or one or two
 * ends "[day] month [year]" joined by a separator.
 */

enum toktype {
	T_NUM,			/* digits, ASCII or Thai */
	T_MONTH,		/* val is 1..12 */
	T_SEP,			/* - – — ถึง */
	T_ALL,			/* ตลอด, ทั้ง */
	T_YEAR,			/* ปี */
	T_FISCAL,		/* ปีงบประมาณ */
	T_SKIP			/* noise: never stored */
};

struct tok {
	enum toktype	 type;
	int		 val;
	int		 ndig;
};

#define TOKMAX	16

struct word {
	const char	*s;
	enum toktype	 type;
	int		 val;
};

/*
 * Dots are ignored when matching, so "ม.ค." also matches "มค" and
 * "ม.ค"; a word must come before any word it is a prefix of.
 */
static const struct word words[] = {
	{ "มกราคม", T_MONTH, 1 }, { "กุมภาพันธ์", T_MONTH, 2 },
	{ "มีนาคม", T_MONTH, 3 }, { "เมษายน", T_MONTH, 4 },
	{ "พฤษภาคม", T_MONTH, 5 }, { "มิถุนายน", T_MONTH, 6 },
	{ "กรกฎาคม", T_MONTH, 7 }, { "สิงหาคม", T_MONTH, 8 },
	{ "กันยายน", T_MONTH, 9 }, { "ตุลาคม", T_MONTH, 10 },
	{ "พฤศจิกายน", T_MONTH, 11 }, { "ธันวาคม", T_MONTH, 12 },
	{ "ม.ค.", T_MONTH, 1 }, { "ก.พ.", T_MONTH, 2 },
	{ "มี.ค.", T_MONTH, 3 }, { "เม.ย.", T_MONTH, 4 },
	{ "พ.ค.", T_MONTH, 5 }, { "มิ.ย.", T_MONTH, 6 },
	{ "ก.ค.", T_MONTH, 7 }, { "ส.ค.", T_MONTH, 8 },
	{ "ก.ย.", T_MONTH, 9 }, { "ต.ค.", T_MONTH, 10 },
	{ "พ.ย.", T_MONTH, 11 }, { "ธ.ค.", T_MONTH, 12 },
	{ "-", T_SEP, 0 }, { "\xe2\x80\x90", T_SEP, 0 },
	{ "\xe2\x80\x91", T_SEP, 0 }, { "\xe2\x80\x92", T_SEP, 0 },
	{ EN_DASH, T_SEP, 0 }, { "\xe2\x80\x94", T_SEP, 0 },
	{ "\xe2\x88\x92", T_SEP, 0 },
	{ "จนถึง", T_SEP, 0 }, { "ถึง", T_SEP, 0 },
	{ "ตั้งแต่", T_SKIP, 0 }, { "ระหว่าง", T_SKIP, 0 },
	{ "เดือน", T_SKIP, 0 }, { "วันที่", T_SKIP, 0 },
	{ "พ.ศ.", T_SKIP, 0 },
	/* PDF copies often split sara am into nikhahit and sara aa. */
	{ "ดำเนินการ", T_SKIP, 0 }, { "ดําเนินการ", T_SKIP, 0 },
	{ "ตลอด", T_ALL, 0 }, { "ทั้ง", T_ALL, 0 },
	{ "ปีงบประมาณ", T_FISCAL, 0 }, { "ปีงบ", T_FISCAL, 0 },
	{ "ปี", T_YEAR, 0 },
	{ NULL, T_SKIP, 0 }
};

/* Bytes of s matched by w, dots ignored after the first byte; or 0. */
static size_t
match_loose(const char *s, const char *w)
{
	size_t	 i = 0;

	for (; *w != '\0'; w++) {
		if (*w == '.')
			continue;
		while (i > 0 && s[i] == '.')
			i++;
		if (s[i] != *w)
			return 0;
		i++;
	}
	while (s[i] == '.')
		i++;
	return i;
}

/* Bytes of blank at s: ASCII blanks, no-break and zero-width spaces. */
static size_t
blank_at(const char *s)
{
	if (is_blank(*s))
		return 1;
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2;
	if (strncmp(s, "\xe2\x80\x8b", 3) == 0)
		return 3;
	return 0;
}

/* A run of digits; more than four is no year or day of ours. */
static size_t
lex_num(const char *s, struct tok *t)
{
	size_t	 i = 0, len;
	int	 d;

	t->type = T_NUM;
	t->val = t->ndig = 0;
	while ((len = digit_at(s + i, &d)) > 0) {
		if (++t->ndig > 4)
			return 0;
		t->val = t->val * 10 + d;
		i += len;
	}
	return i;
}

/* The token at s: its length, or 0 if nothing we know starts there. */
static size_t
lex_one(const char *s, struct tok *t)
{
	const struct word	*w;
	size_t			 len;

	if (digit_at(s, &t->val) > 0)
		return lex_num(s, t);
	for (w = words; w->s != NULL; w++)
		if ((len = match_loose(s, w->s)) > 0) {
			t->type = w->type;
			t->val = w->val;
			t->ndig = 0;
			return len;
		}
	return 0;
}

/* Tokens of s into t[TOKMAX], noise dropped: their count, or -1. */
static int
lex(const char *s, struct tok *t)
{
	int		 n = 0;
	size_t		 len;
	struct tok	 one;

	while (*s != '\0') {
		if ((len = blank_at(s)) > 0) {
			s += len;
			continue;
		}
		if ((len = lex_one(s, &one)) == 0)
			return -1;
		s += len;
		if (one.type == T_SKIP)
			continue;
		if (n == TOKMAX)
			return -1;
		t[n++] = one;
	}
	return n;
}

/*
 * A written year as BE: four digits as written (CE if below 2400),
 * two digits in the century nearest the fiscal year; -1 if neither.
 */
static int
year_near(const struct tok *t, int fy)
{
	int	 y;

	/* "0066" is a slip, not the year 66. */
	if (t->ndig == 4 && t->val < 1000)
		return -1;
	if (t->ndig == 4)
		return t->val >= BE_MIN ? t->val : year_be(t->val);
	if (t->ndig != 2)
		return -1;
	if (fy < BE_MIN)
		return 2500 + t->val;
	y = fy - fy % 100 + t->val;
	if (y - fy > 50)
		y -= 100;
	else if (fy - y > 50)
		y += 100;
	return y;
}

/*
 * A two-digit year far from the fiscal year is a slip of the pen
 * ("ต.ค. ๒๕" for "ต.ค. ๖๕"): the month's place in the fiscal year
 * tells which year was meant.  A year fewer than ten away is a year
 * ("ต.ค. ๖๖" in 2568, last year's period copied): read as written,
 * the caller says it lies outside the fiscal year, as for four digits.
 */
#define SLIP_YEARS	10

static int
year_of_month(const struct tok *t, int month, int fy)
{
	int	 y = year_near(t, fy);

	if (t->ndig == 2 && fy >= BE_MIN && abs(y - fy) >= SLIP_YEARS)
		return month >= 10 ? fy - 1 : fy;
	return y;
}

static int
fy_valid(int fy)
{
	struct date	 d;

	fiscal_year_first(fy, &d);
	if (!date_valid(&d))
		return 0;
	fiscal_year_last(fy, &d);
	return date_valid(&d);
}

static void
set_whole(struct period *out, int fy)
{
	fiscal_year_first(fy, &out->start);
	fiscal_year_last(fy, &out->end);
	out->whole_year = 1;
	out->text = NULL;
}

/*
 * "ตลอดทั้งปี", "ทั้งปีงบประมาณ", "ตลอดปีงบประมาณ 2566": some "all"
 * word, some year word, at most one year, which must be this one.
 */
static int
parse_whole(const struct tok *t, int n, int fy, struct period *out)
{
	int	 i, all = 0, yw = 0, y = 0, ny = 0;

	for (i = 0; i < n; i++) {
		switch (t[i].type) {
		case T_ALL:
			all++;
			break;
		case T_YEAR:
		case T_FISCAL:
			yw++;
			break;
		case T_NUM:
			ny++;
			y = year_near(&t[i], fy);
			break;
		default:
			return -1;
		}
	}
	if (all == 0 || yw == 0 || ny > 1)
		return -1;
	if (ny == 1) {
		if (fy >= BE_MIN && y != fy)
			return -1;
		fy = y;
	}
	if (!fy_valid(fy))
		return -1;
	set_whole(out, fy);
	return 0;
}

/* One end of a range as written; 0 means "not written". */
struct pend {
	int		 day;
	int		 month;
	int		 year;		/* BE */
	const struct tok *ytok;
};

static int
is_day(const struct tok *t)
{
	return t->type == T_NUM && t->ndig <= 2 && t->val >= 1 && t->val <= 31;
}

/*
 * "[day] month [year]" from t[*i]; the start may also be a bare day
 * ("1-15 ม.ค.").  A number after a month is its year: the separator
 * between the ends keeps this unambiguous.
 */
static int
parse_pend(const struct tok *t, int n, int *i, struct pend *e, int first)
{
	int	 k = *i;

	memset(e, 0, sizeof(*e));
	if (k + 1 < n && t[k].type == T_NUM && t[k + 1].type == T_MONTH) {
		if (!is_day(&t[k]))
			return 0;
		e->day = t[k++].val;
	} else if (first && k + 1 < n && t[k + 1].type == T_SEP &&
	    is_day(&t[k])) {
		e->day = t[k].val;
		*i = k + 1;
		return 1;
	}
	if (k >= n || t[k].type != T_MONTH)
		return 0;
	e->month = t[k++].val;
	if (k < n && t[k].type == T_NUM) {
		if (t[k].ndig != 2 && t[k].ndig != 4)
			return 0;
		e->ytok = &t[k++];
	}
	*i = k;
	return 1;
}

/* Month and day as one number, to order the ends of one year. */
static int
pend_key(const struct pend *e, int isend)
{
	return e->month * 100 + (e->day != 0 ? e->day : isend ? 31 : 1);
}

/*
 * Give each end a BE year: its own, else the other end's (moved by a
 * year if that would put the start after the end), else the year its
 * month has in the fiscal year.
 */
static int
resolve_years(struct pend *a, struct pend *b, int fy)
{
	if (a->ytok != NULL)
		a->year = year_of_month(a->ytok, a->month, fy);
	if (b->ytok != NULL)
		b->year = year_of_month(b->ytok, b->month, fy);
	if (a->ytok == NULL && b->ytok == NULL) {
		if (fy < BE_MIN)
			return 0;
		a->year = a->month >= 10 ? fy - 1 : fy;
		b->year = b->month >= 10 ? fy - 1 : fy;
	} else if (a->ytok == NULL) {
		a->year = b->year - (pend_key(a, 0) > pend_key(b, 1));
	} else if (b->ytok == NULL) {
		b->year = a->year + (pend_key(b, 1) < pend_key(a, 0));
	}
	return 1;
}

/* The date an end stands for when comparing: day 0 spans its month. */
static void
span(const struct date *d, int isend, struct date *out)
{
	*out = *d;
	if (d->day == 0)
		out->day = isend ? date_days_in_month(d->year, d->month) : 1;
}

static int
parse_range(const struct tok *t, int n, int fy, struct period *out)
{
	struct pend	 a, b;
	struct date	 s, e, ss, ee;
	int		 i = 0;

	if (!parse_pend(t, n, &i, &a, 1))
		return -1;
	if (i == n && a.month != 0)
		b = a;
	else if (i < n && t[i].type == T_SEP) {
		i++;
		if (!parse_pend(t, n, &i, &b, 0) || i != n)
			return -1;
	} else
		return -1;
	if (a.month == 0) {
		/* A bare start day borrows the end's month and year. */
		if (b.day == 0)
			return -1;
		a.month = b.month;
		a.ytok = b.ytok;
	}
	if (!resolve_years(&a, &b, fy))
		return -1;
	s.year = year_ce(a.year), s.month = a.month, s.day = a.day;
	e.year = year_ce(b.year), e.month = b.month, e.day = b.day;
	if (!date_valid(&s) || !date_valid(&e))
		return -1;
	span(&s, 0, &ss);
	span(&e, 1, &ee);
	if (date_cmp(&ss, &ee) > 0)
		return -1;
	out->start = s;
	out->end = e;
	out->whole_year = 0;
	out->text = NULL;
	return 0;
}

/*
 * Read a period the way Thai clerks write it, against a Buddhist Era
 * fiscal year: whole-year wordings ("ดำเนินการตลอดทั้งปี"), one month
 * ("ม.ค. ๖๖"), or a range ("๒๗ ม.ค. - เม.ย. ๖๖", "ต.ค. ๒๕๖๕ ถึง
 * ม.ค. ๒๕๖๖").  Days are kept where written, months without a day
 * get day 0.  Returns 0 and fills out (text set to NULL, nothing
 * allocated), or -1 with out untouched if the text is not understood
 * or names no real span of days.
 */
int
period_parse(const char *s, int fiscal_year, struct period *out)
{
	struct tok	 t[TOKMAX], r[TOKMAX];
	int		 n, i, rn = 0;

	if ((n = lex(s, t)) <= 0)
		return -1;
	for (i = 0; i < n; i++)
		if (t[i].type == T_ALL)
			return parse_whole(t, n, fiscal_year, out);
	/* "ปี" may stand before a year; "ปีงบประมาณ" in a range is unclear. */
	for (i = 0; i < n; i++) {
		if (t[i].type == T_FISCAL)
			return -1;
		if (t[i].type != T_YEAR)
			r[rn++] = t[i];
	}
	return parse_range(r, rn, fiscal_year, out);
}

/* A score in hundredths as readers see it: 87.45, in the site's digits. */
char *
score_format(int v, const struct fmt *fmt)
{
	char	*s = xasprintf("%d.%02d", v / 100, v % 100), *t;

	if (fmt->digits != DIGITS_THAI)
		return s;
	t = digits_thai(s);
	free(s);
	return t;
}

/* A score in hundredths for machines: 87.45, 90, 90.5. */
char *
score_value(int v)
{
	if (v % 100 == 0)
		return xasprintf("%d", v / 100);
	if (v % 10 == 0)
		return xasprintf("%d.%d", v / 100, v % 100 / 10);
	return xasprintf("%d.%02d", v / 100, v % 100);
}
