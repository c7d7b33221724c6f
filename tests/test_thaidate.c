/* test_thaidate.c: cmocka tests of thaidate.c, table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extern.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct fmt th = { LANG_TH, DIGITS_THAI, ERA_BE };
static const struct fmt th_ar = { LANG_TH, DIGITS_ARABIC, ERA_BE };
static const struct fmt th_ar_ce = { LANG_TH, DIGITS_ARABIC, ERA_CE };
static const struct fmt en_ce = { LANG_EN, DIGITS_ARABIC, ERA_CE };
static const struct fmt en_be = { LANG_EN, DIGITS_ARABIC, ERA_BE };
static const struct fmt en_thd = { LANG_EN, DIGITS_THAI, ERA_CE };

/* Compare an allocated result with the expected text, then free it. */
static void
check_str(char *got, const char *want, const char *what)
{
	if (got == NULL || strcmp(got, want) != 0)
		print_error("%s: got \"%s\", want \"%s\"\n", what,
		    got == NULL ? "(null)" : got, want);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
check_date(const struct date *got, int y, int m, int d, const char *what)
{
	if (got->year != y || got->month != m || got->day != d)
		print_error("%s: got %d-%d-%d, want %d-%d-%d\n", what,
		    got->year, got->month, got->day, y, m, d);
	assert_int_equal(got->year, y);
	assert_int_equal(got->month, m);
	assert_int_equal(got->day, d);
}

static void
test_year_conv(void **state)
{
	static const struct { int ce, be; } t[] = {
		{ 2023, 2566 }, { 2022, 2565 }, { 2024, 2567 },
		{ 1957, 2500 }, { 1, 544 }, { 0, 543 }, { -543, 0 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		assert_int_equal(year_be(t[i].ce), t[i].be);
		assert_int_equal(year_ce(t[i].be), t[i].ce);
		assert_int_equal(year_ce(year_be(t[i].ce)), t[i].ce);
	}
}

static void
test_leap_days(void **state)
{
	static const struct { int y, m, days; } t[] = {
		{ 2024, 2, 29 }, { 2023, 2, 28 }, { 2000, 2, 29 },
		{ 1900, 2, 28 }, { 2100, 2, 28 }, { 2400, 2, 29 },
		{ 2023, 1, 31 }, { 2023, 4, 30 }, { 2023, 6, 30 },
		{ 2023, 9, 30 }, { 2023, 11, 30 }, { 2023, 12, 31 },
		{ 2023, 7, 31 }, { 2023, 8, 31 }, { 2023, 10, 31 },
		{ 2023, 0, 0 }, { 2023, 13, 0 }, { 2023, -1, 0 },
	};
	static const struct { int y, leap; } l[] = {
		{ 2024, 1 }, { 2023, 0 }, { 2000, 1 }, { 1900, 0 },
		{ 2100, 0 }, { 1600, 1 }, { 4, 1 }, { 1, 0 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		assert_int_equal(date_days_in_month(t[i].y, t[i].m),
		    t[i].days);
	for (i = 0; i < NELEM(l); i++)
		assert_int_equal(date_leap(l[i].y), l[i].leap);
}

static void
test_date_valid(void **state)
{
	static const struct { struct date d; int ok; } t[] = {
		{ { 2023, 1, 27 }, 1 }, { { 2023, 1, 0 }, 1 },
		{ { 2024, 2, 29 }, 1 }, { { 2023, 2, 29 }, 0 },
		{ { 2023, 2, 28 }, 1 }, { { 2023, 4, 31 }, 0 },
		{ { 2023, 12, 31 }, 1 }, { { 2023, 13, 1 }, 0 },
		{ { 2023, 0, 1 }, 0 }, { { 2023, 1, -1 }, 0 },
		{ { 2023, 1, 32 }, 0 }, { { 0, 1, 1 }, 0 },
		{ { 1, 1, 1 }, 1 }, { { 9999, 12, 31 }, 1 },
		{ { 10000, 1, 1 }, 0 }, { { -5, 1, 1 }, 0 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		assert_int_equal(date_valid(&t[i].d), t[i].ok);
	assert_int_equal(date_valid(NULL), 0);
}

static void
test_date_cmp(void **state)
{
	static const struct { struct date a, b; int c; } t[] = {
		{ { 2023, 1, 27 }, { 2023, 1, 27 }, 0 },
		{ { 2023, 1, 27 }, { 2023, 1, 28 }, -1 },
		{ { 2023, 1, 28 }, { 2023, 1, 27 }, 1 },
		{ { 2023, 1, 31 }, { 2023, 2, 1 }, -1 },
		{ { 2022, 12, 31 }, { 2023, 1, 1 }, -1 },
		{ { 2024, 1, 1 }, { 2023, 12, 31 }, 1 },
		{ { 2023, 1, 0 }, { 2023, 1, 1 }, -1 },
		{ { 2023, 1, 0 }, { 2023, 1, 0 }, 0 },
		{ { 2023, 2, 0 }, { 2023, 1, 31 }, 1 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		assert_int_equal(date_cmp(&t[i].a, &t[i].b), t[i].c);
		assert_int_equal(date_cmp(&t[i].b, &t[i].a), -t[i].c);
	}
}

static void
test_fiscal_year(void **state)
{
	static const struct { struct date d; int fy; } t[] = {
		{ { 2022, 9, 30 }, 2565 }, { { 2022, 10, 1 }, 2566 },
		{ { 2023, 9, 30 }, 2566 }, { { 2023, 10, 1 }, 2567 },
		{ { 2023, 1, 27 }, 2566 }, { { 2022, 12, 31 }, 2566 },
		{ { 2023, 1, 1 }, 2566 }, { { 2022, 10, 0 }, 2566 },
		{ { 2022, 9, 0 }, 2565 }, { { 2024, 2, 29 }, 2567 },
	};
	struct date	 d;
	size_t		 i;
	int		 fy;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		assert_int_equal(date_fiscal_year(&t[i].d), t[i].fy);
	fiscal_year_first(2566, &d);
	check_date(&d, 2022, 10, 1, "first 2566");
	fiscal_year_last(2566, &d);
	check_date(&d, 2023, 9, 30, "last 2566");
	fiscal_year_first(2567, &d);
	check_date(&d, 2023, 10, 1, "first 2567");
	fiscal_year_last(2565, &d);
	check_date(&d, 2022, 9, 30, "last 2565");
	/* Both bounds belong to the year they bound, their neighbours not. */
	for (fy = 2500; fy < 2600; fy++) {
		fiscal_year_first(fy, &d);
		assert_int_equal(date_fiscal_year(&d), fy);
		d.month = 9, d.day = 30;
		assert_int_equal(date_fiscal_year(&d), fy - 1);
		fiscal_year_last(fy, &d);
		assert_int_equal(date_fiscal_year(&d), fy);
		d.month = 10, d.day = 1;
		assert_int_equal(date_fiscal_year(&d), fy + 1);
	}
}

static void
test_month_name(void **state)
{
	static const char *const thf[12] = {
		"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม",
		"มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม",
		"พฤศจิกายน", "ธันวาคม"
	};
	static const char *const tha[12] = {
		"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
		"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."
	};
	static const char *const enf[12] = {
		"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November",
		"December"
	};
	int	 m;

	(void)state;
	for (m = 1; m <= 12; m++) {
		assert_string_equal(month_name(m, LANG_TH, 0), thf[m - 1]);
		assert_string_equal(month_name(m, LANG_TH, 1), tha[m - 1]);
		assert_string_equal(month_name(m, LANG_EN, 0), enf[m - 1]);
		assert_int_equal(strlen(month_name(m, LANG_EN, 1)), 3);
		assert_memory_equal(month_name(m, LANG_EN, 1), enf[m - 1], 3);
	}
	assert_null(month_name(0, LANG_TH, 0));
	assert_null(month_name(13, LANG_EN, 1));
	assert_null(month_name(-1, LANG_TH, 1));
}

static void
test_digits(void **state)
{
	static const struct { const char *ascii, *thai; } t[] = {
		{ "", "" },
		{ "0123456789", "๐๑๒๓๔๕๖๗๘๙" },
		{ "2566", "๒๕๖๖" },
		{ "ปี 2566 ข้อ 3.1", "ปี ๒๕๖๖ ข้อ ๓.๑" },
		{ "no digits", "no digits" },
		{ "-42", "-๔๒" },
		{ "ม.ค.-ก.พ. 66", "ม.ค.-ก.พ. ๖๖" },
	};
	static const char *const mixed[] = {
		"ปี ๒๕๖๖ และ 2567", "๑2๓4", "a๙b0c", "ๆ ฯ ๏ 5",
		"", "๐", "9",
	};
	size_t	 i;
	char	*a, *b;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		check_str(digits_thai(t[i].ascii), t[i].thai, t[i].ascii);
		check_str(digits_ascii(t[i].thai), t[i].ascii, t[i].thai);
		check_str(digits_thai(t[i].thai), t[i].thai, t[i].thai);
		check_str(digits_ascii(t[i].ascii), t[i].ascii, t[i].ascii);
	}
	/*
	 * Mixed text loses which digits were which, so the round trip
	 * is from either uniform form: thai(ascii(x)) == thai(x).
	 */
	for (i = 0; i < NELEM(mixed); i++) {
		a = digits_ascii(mixed[i]);
		b = digits_thai(a);
		check_str(digits_ascii(b), a, mixed[i]);
		free(a);
		a = digits_thai(mixed[i]);
		check_str(b, a, mixed[i]);
		free(a);
	}
}

static void
test_num_format(void **state)
{
	static const struct {
		long		 n;
		const struct fmt *f;
		const char	*want;
	} t[] = {
		{ 0, &th, "๐" }, { 7, &th, "๗" }, { 2566, &th, "๒๕๖๖" },
		{ -15, &th, "-๑๕" }, { 100, &th_ar, "100" },
		{ -1, &en_ce, "-1" }, { 1234567890L, &th, "๑๒๓๔๕๖๗๘๙๐" },
		{ 42, &en_thd, "๔๒" }, { 42, NULL, "๔๒" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		check_str(num_format(t[i].n, t[i].f), t[i].want, t[i].want);
}

static void
test_date_parse(void **state)
{
	static const struct {
		const char	*s;
		enum dateerr	 err;
		int		 y, m, d;
	} t[] = {
		{ "2023-01-27", DATE_OK, 2023, 1, 27 },
		{ "2023-01", DATE_OK, 2023, 1, 0 },
		{ "  2023-01-27\t", DATE_OK, 2023, 1, 27 },
		{ "2566-01-27", DATE_OK, 2023, 1, 27 },
		{ "2566-01", DATE_OK, 2023, 1, 0 },
		{ "๒๕๖๖-๐๑-๒๗", DATE_OK, 2023, 1, 27 },
		{ "๒๐๒๓-๑๒", DATE_OK, 2023, 12, 0 },
		{ " ๒๕๖๖-0๑-2๗ ", DATE_OK, 2023, 1, 27 },
		{ "2024-02-29", DATE_OK, 2024, 2, 29 },
		{ "2567-02-29", DATE_OK, 2024, 2, 29 },
		{ "2000-02-29", DATE_OK, 2000, 2, 29 },
		{ "2399-01-01", DATE_OK, 2399, 1, 1 },
		{ "2400-01-01", DATE_OK, 1857, 1, 1 },
		{ "2022-09-30", DATE_OK, 2022, 9, 30 },
		{ "2023-02-29", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2566-02-29", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2023-02-30", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2023-04-31", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2023-13-01", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2023-13", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2023-00", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2023-00-10", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2023-02-00", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "1900-02-29", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "0000-01-01", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "27/01/2566", DATE_SYNTAX, 0, 0, 0 },
		{ "2023-1-5", DATE_SYNTAX, 0, 0, 0 },
		{ "2023-01-5", DATE_SYNTAX, 0, 0, 0 },
		{ "23-01-05", DATE_SYNTAX, 0, 0, 0 },
		{ "2023", DATE_SYNTAX, 0, 0, 0 },
		{ "2023-", DATE_SYNTAX, 0, 0, 0 },
		{ "2023-01-", DATE_SYNTAX, 0, 0, 0 },
		{ "2023-01-270", DATE_SYNTAX, 0, 0, 0 },
		{ "2023/01/27", DATE_SYNTAX, 0, 0, 0 },
		{ "2023-01-27x", DATE_SYNTAX, 0, 0, 0 },
		{ "2023-01-27 12:00", DATE_SYNTAX, 0, 0, 0 },
		{ "27 ม.ค. 2566", DATE_SYNTAX, 0, 0, 0 },
		{ "", DATE_SYNTAX, 0, 0, 0 },
		{ "   ", DATE_SYNTAX, 0, 0, 0 },
		{ "-2023-01-01", DATE_SYNTAX, 0, 0, 0 },
	};
	struct date	 d;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		d.year = -7, d.month = -7, d.day = -7;
		if (date_parse(t[i].s, &d) != t[i].err)
			print_error("date_parse(\"%s\")\n", t[i].s);
		assert_int_equal(date_parse(t[i].s, &d), t[i].err);
		if (t[i].err == DATE_OK)
			check_date(&d, t[i].y, t[i].m, t[i].d, t[i].s);
		else
			check_date(&d, -7, -7, -7, t[i].s);
	}
}

static void
test_date_iso(void **state)
{
	static const struct { struct date d; const char *want; } t[] = {
		{ { 2023, 1, 27 }, "2023-01-27" }, { { 2023, 1, 0 }, "2023-01" },
		{ { 2022, 12, 5 }, "2022-12-05" }, { { 999, 3, 0 }, "0999-03" },
	};
	struct date	 back;
	size_t		 i;
	char		*s;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		s = date_iso(&t[i].d);
		assert_string_equal(s, t[i].want);
		/* What we write, we read back. */
		if (t[i].d.year >= 1000) {
			assert_int_equal(date_parse(s, &back), DATE_OK);
			assert_int_equal(date_cmp(&back, &t[i].d), 0);
		}
		free(s);
	}
}

static void
test_date_rfc822(void **state)
{
	static const struct { struct date d; const char *want; } t[] = {
		{ { 2023, 1, 27 }, "Fri, 27 Jan 2023 00:00:00 +0700" },
		{ { 2000, 2, 29 }, "Tue, 29 Feb 2000 00:00:00 +0700" },
		{ { 2023, 1, 0 }, "Sun, 01 Jan 2023 00:00:00 +0700" },
		{ { 2024, 2, 29 }, "Thu, 29 Feb 2024 00:00:00 +0700" },
		{ { 1970, 1, 1 }, "Thu, 01 Jan 1970 00:00:00 +0700" },
		{ { 2022, 10, 1 }, "Sat, 01 Oct 2022 00:00:00 +0700" },
		{ { 2022, 9, 30 }, "Fri, 30 Sep 2022 00:00:00 +0700" },
		{ { 2023, 12, 31 }, "Sun, 31 Dec 2023 00:00:00 +0700" },
		{ { 1900, 3, 1 }, "Thu, 01 Mar 1900 00:00:00 +0700" },
		{ { 1, 1, 1 }, "Mon, 01 Jan 0001 00:00:00 +0700" },
		{ { 9999, 12, 31 }, "Fri, 31 Dec 9999 00:00:00 +0700" },
		{ { 2023, 5, 0 }, "Mon, 01 May 2023 00:00:00 +0700" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		check_str(date_rfc822(&t[i].d), t[i].want, t[i].want);
}

static void
test_date_format(void **state)
{
	static const struct date jan27 = { 2023, 1, 27 }, jan = { 2023, 1, 0 },
	    mar5 = { 2000, 3, 5 }, y2505 = { 1962, 12, 1 },
	    feb29 = { 2024, 2, 29 };
	static const struct {
		const struct date *d;
		enum datestyle	 style;
		const struct fmt *f;
		const char	*want;
	} t[] = {
		{ &jan27, DATE_FULL, &th, "๒๗ มกราคม ๒๕๖๖" },
		{ &jan27, DATE_SHORT, &th, "๒๗ ม.ค. ๖๖" },
		{ &jan27, DATE_MONTH, &th, "ม.ค. ๒๕๖๖" },
		{ &jan, DATE_FULL, &th, "มกราคม ๒๕๖๖" },
		{ &jan, DATE_SHORT, &th, "ม.ค. ๖๖" },
		{ &jan, DATE_MONTH, &th, "ม.ค. ๒๕๖๖" },
		{ &jan27, DATE_FULL, NULL, "๒๗ มกราคม ๒๕๖๖" },
		{ &jan27, DATE_FULL, &th_ar, "27 มกราคม 2566" },
		{ &jan27, DATE_SHORT, &th_ar, "27 ม.ค. 66" },
		{ &jan27, DATE_MONTH, &th_ar, "ม.ค. 2566" },
		{ &jan, DATE_FULL, &th_ar, "มกราคม 2566" },
		{ &jan27, DATE_FULL, &th_ar_ce, "27 มกราคม 2566" },
		{ &jan27, DATE_SHORT, &th_ar_ce, "27 ม.ค. 66" },
		{ &mar5, DATE_SHORT, &th_ar, "5 มี.ค. 43" },
		{ &mar5, DATE_FULL, &th, "๕ มีนาคม ๒๕๔๓" },
		{ &y2505, DATE_SHORT, &th_ar, "1 ธ.ค. 05" },
		{ &feb29, DATE_FULL, &th, "๒๙ กุมภาพันธ์ ๒๕๖๗" },
		{ &jan27, DATE_FULL, &en_ce, "27 January 2023" },
		{ &jan27, DATE_SHORT, &en_ce, "27 Jan 2023" },
		{ &jan27, DATE_MONTH, &en_ce, "Jan 2023" },
		{ &jan, DATE_FULL, &en_ce, "January 2023" },
		{ &jan, DATE_SHORT, &en_ce, "Jan 2023" },
		{ &jan27, DATE_FULL, &en_be, "27 January 2566 BE" },
		{ &jan27, DATE_SHORT, &en_be, "27 Jan 2566 BE" },
		{ &jan27, DATE_MONTH, &en_be, "Jan 2566 BE" },
		{ &jan, DATE_FULL, &en_be, "January 2566 BE" },
		{ &jan27, DATE_FULL, &en_thd, "๒๗ January ๒๐๒๓" },
		{ &mar5, DATE_FULL, &en_ce, "5 March 2000" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		check_str(date_format(t[i].d, t[i].style, t[i].f), t[i].want,
		    t[i].want);
}

#define P(y1, m1, d1, y2, m2, d2, w) \
	{ { y1, m1, d1 }, { y2, m2, d2 }, w, NULL }

static void
test_period_format(void **state)
{
	static const struct {
		struct period	 p;
		int		 fy;
		const struct fmt *f;
		const char	*want;
	} t[] = {
		{ P(2022, 10, 1, 2023, 9, 30, 1), 2566, &th,
		    "ตลอดปีงบประมาณ ๒๕๖๖" },
		{ P(2022, 10, 1, 2023, 9, 30, 0), 2566, &th,
		    "ตลอดปีงบประมาณ ๒๕๖๖" },
		{ P(2022, 10, 1, 2023, 9, 30, 0), 2566, NULL,
		    "ตลอดปีงบประมาณ ๒๕๖๖" },
		{ P(2022, 10, 1, 2023, 9, 30, 0), 2566, &th_ar,
		    "ตลอดปีงบประมาณ 2566" },
		/* The flag wins even over odd dates. */
		{ P(2023, 1, 0, 2023, 2, 0, 1), 2566, &th,
		    "ตลอดปีงบประมาณ ๒๕๖๖" },
		/* Bounds of another fiscal year are just dates. */
		{ P(2022, 10, 1, 2023, 9, 30, 0), 2567, &th,
		    "๑ ต.ค. ๒๕๖๕ – ๓๐ ก.ย. ๒๕๖๖" },
		{ P(2022, 10, 0, 2023, 9, 0, 0), 2566, &th,
		    "ต.ค. ๒๕๖๕ – ก.ย. ๒๕๖๖" },
		{ P(2023, 1, 1, 2023, 1, 15, 0), 2566, &th,
		    "๑–๑๕ ม.ค. ๒๕๖๖" },
		{ P(2023, 1, 0, 2023, 1, 0, 0), 2566, &th, "ม.ค. ๒๕๖๖" },
		{ P(2023, 1, 1, 2023, 1, 1, 0), 2566, &th, "๑ ม.ค. ๒๕๖๖" },
		{ P(2023, 1, 15, 2023, 1, 0, 0), 2566, &th,
		    "๑๕–๓๑ ม.ค. ๒๕๖๖" },
		{ P(2023, 2, 0, 2023, 2, 20, 0), 2566, &th,
		    "๑–๒๐ ก.พ. ๒๕๖๖" },
		{ P(2024, 2, 29, 2024, 2, 0, 0), 2567, &th_ar,
		    "29 ก.พ. 2567" },
		{ P(2023, 1, 0, 2023, 2, 0, 0), 2566, &th,
		    "ม.ค. – ก.พ. ๒๕๖๖" },
		{ P(2023, 1, 27, 2023, 4, 0, 0), 2566, &th,
		    "๒๗ ม.ค. – เม.ย. ๒๕๖๖" },
		{ P(2023, 1, 27, 2023, 4, 30, 0), 2566, &th,
		    "๒๗ ม.ค. – ๓๐ เม.ย. ๒๕๖๖" },
		{ P(2022, 10, 0, 2023, 1, 0, 0), 2566, &th,
		    "ต.ค. ๒๕๖๕ – ม.ค. ๒๕๖๖" },
		{ P(2022, 11, 15, 2023, 3, 31, 0), 2566, &th,
		    "๑๕ พ.ย. ๒๕๖๕ – ๓๑ มี.ค. ๒๕๖๖" },
		{ P(2023, 1, 27, 2023, 4, 0, 0), 2566, &th_ar,
		    "27 ม.ค. – เม.ย. 2566" },
		{ P(2022, 10, 1, 2023, 9, 30, 1), 2566, &en_ce,
		    "Whole fiscal year 2023" },
		{ P(2022, 10, 1, 2023, 9, 30, 1), 2566, &en_be,
		    "Whole fiscal year 2566 BE" },
		{ P(2023, 1, 0, 2023, 2, 0, 0), 2566, &en_ce,
		    "Jan – Feb 2023" },
		{ P(2023, 1, 1, 2023, 1, 15, 0), 2566, &en_ce,
		    "1–15 Jan 2023" },
		{ P(2023, 1, 0, 2023, 1, 0, 0), 2566, &en_be, "Jan 2566 BE" },
		{ P(2022, 10, 0, 2023, 1, 0, 0), 2566, &en_ce,
		    "Oct 2022 – Jan 2023" },
		{ P(2022, 10, 0, 2023, 1, 0, 0), 2566, &en_be,
		    "Oct 2565 BE – Jan 2566 BE" },
		{ P(2023, 1, 27, 2023, 4, 0, 0), 2566, &en_be,
		    "27 Jan – Apr 2566 BE" },
		/* Without a fiscal year, the end's one is used. */
		{ P(2022, 10, 1, 2023, 9, 30, 1), 0, &th_ar,
		    "ตลอดปีงบประมาณ 2566" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		check_str(period_format(&t[i].p, t[i].fy, t[i].f), t[i].want,
		    t[i].want);
}

struct pcase {
	const char	*s;
	int		 fy;
	int		 y1, m1, d1, y2, m2, d2, whole;
};

#define WHOLE66	2022, 10, 1, 2023, 9, 30, 1

static const struct pcase pgood[] = {
	/* Wordings from real documents. */
	{ "ม.ค. - ก.พ. ๖๖", 2566, 2023, 1, 0, 2023, 2, 0, 0 },
	{ "ดำเนินการตลอดทั้งปี", 2566, WHOLE66 },
	{ "๒๗ ม.ค.- เม.ย. ๖๖", 2566, 2023, 1, 27, 2023, 4, 0, 0 },
	{ "๒๗ ม.ค.-เม.ย. ๖๖", 2566, 2023, 1, 27, 2023, 4, 0, 0 },
	{ "ต.ค. ๒๕-ม.ค. ๖๖", 2566, 2022, 10, 0, 2023, 1, 0, 0 },
	{ "ทั้งปีงบประมาณ", 2566, WHOLE66 },
	{ "ทั้ง ปีงบประมาณ", 2566, WHOLE66 },
	{ "ดำเนินการ ตลอดทั้งปี", 2566, WHOLE66 },
	{ "ตลอดปีงบประมาณ ๒๕๖๖", 2566, WHOLE66 },
	{ "ม.ค.๖๖", 2566, 2023, 1, 0, 2023, 1, 0, 0 },
	{ "ม.ค. ๖๖", 2566, 2023, 1, 0, 2023, 1, 0, 0 },
	{ "ม.ค. – เม.ย. ๖๖", 2566, 2023, 1, 0, 2023, 4, 0, 0 },
	{ "ม.ค.- เม.ย.๖๖", 2566, 2023, 1, 0, 2023, 4, 0, 0 },
	/* Spacing, dots, names, digits, separators. */
	{ "มค-กพ 66", 2566, 2023, 1, 0, 2023, 2, 0, 0 },
	{ "ม.ค - ก.พ. 2566", 2566, 2023, 1, 0, 2023, 2, 0, 0 },
	{ "มกราคม - เมษายน ๒๕๖๖", 2566, 2023, 1, 0, 2023, 4, 0, 0 },
	{ "มกราคม-เมษายน 2566", 2566, 2023, 1, 0, 2023, 4, 0, 0 },
	{ "ม.ค. — ก.พ. 66", 2566, 2023, 1, 0, 2023, 2, 0, 0 },
	{ "ม.ค. ถึง ก.พ. 66", 2566, 2023, 1, 0, 2023, 2, 0, 0 },
	{ "ม.ค.ถึงก.พ.66", 2566, 2023, 1, 0, 2023, 2, 0, 0 },
	{ "ตั้งแต่ ม.ค. จนถึง มี.ค. 2566", 2566, 2023, 1, 0, 2023, 3, 0, 0 },
	{ "เดือน ม.ค. - มี.ค. พ.ศ. ๒๕๖๖", 2566, 2023, 1, 0, 2023, 3, 0, 0 },
	{ "เดือนมีนาคม ปี 2566", 2566, 2023, 3, 0, 2023, 3, 0, 0 },
	{ "  ม.ค. ๖๖  ", 2566, 2023, 1, 0, 2023, 1, 0, 0 },
	{ "ม.ค.\xc2\xa0-\xc2\xa0ก.พ.\xc2\xa0\x36\x36", 2566,
	    2023, 1, 0, 2023, 2, 0, 0 },
	{ "มิ.ย. - ส.ค. 66", 2566, 2023, 6, 0, 2023, 8, 0, 0 },
	{ "พ.ค.-ก.ย.66", 2566, 2023, 5, 0, 2023, 9, 0, 0 },
	{ "พฤษภาคม - กันยายน 2566", 2566, 2023, 5, 0, 2023, 9, 0, 0 },
	{ "กุมภาพันธ์ - กรกฎาคม ๖๖", 2566, 2023, 2, 0, 2023, 7, 0, 0 },
	{ "มี.ค. - มิ.ย. 66", 2566, 2023, 3, 0, 2023, 6, 0, 0 },
	{ "ก.ค.-ส.ค.66", 2566, 2023, 7, 0, 2023, 8, 0, 0 },
	/* Years: only at the end, both ends, none, only at the start. */
	{ "ต.ค. - ม.ค. ๖๖", 2566, 2022, 10, 0, 2023, 1, 0, 0 },
	{ "ตุลาคม - ธันวาคม 2565", 2566, 2022, 10, 0, 2022, 12, 0, 0 },
	{ "ต.ค. ๖๕ - ม.ค. ๖๖", 2566, 2022, 10, 0, 2023, 1, 0, 0 },
	{ "ต.ค. ๒๕๖๕ - ก.ย. ๒๕๖๖", 2566, 2022, 10, 0, 2023, 9, 0, 0 },
	{ "พ.ย. ๒๕๖๕ – ม.ค. ๒๕๖๖", 2566, 2022, 11, 0, 2023, 1, 0, 0 },
	{ "ม.ค. - มี.ค.", 2566, 2023, 1, 0, 2023, 3, 0, 0 },
	{ "พ.ย. - ธ.ค.", 2566, 2022, 11, 0, 2022, 12, 0, 0 },
	{ "ต.ค. - ก.ย.", 2566, 2022, 10, 0, 2023, 9, 0, 0 },
	{ "ธ.ค.", 2566, 2022, 12, 0, 2022, 12, 0, 0 },
	{ "ม.ค. 66 - มี.ค.", 2566, 2023, 1, 0, 2023, 3, 0, 0 },
	{ "พ.ย. 65 - ก.พ.", 2566, 2022, 11, 0, 2023, 2, 0, 0 },
	{ "ธ.ค. 2565 - ม.ค. 2566", 2566, 2022, 12, 0, 2023, 1, 0, 0 },
	{ "ม.ค. 2023 - ก.พ. 2023", 2566, 2023, 1, 0, 2023, 2, 0, 0 },
	{ "ม.ค. 67", 2567, 2024, 1, 0, 2024, 1, 0, 0 },
	{ "ม.ค. 00", 2600, 2057, 1, 0, 2057, 1, 0, 0 },
	{ "ธ.ค. 99", 2600, 2056, 12, 0, 2056, 12, 0, 0 },
	{ "ม.ค. 66", 0, 2023, 1, 0, 2023, 1, 0, 0 },
	/* The slip of the pen: a far two-digit year. */
	{ "ต.ค. ๒๕ - ม.ค. ๖๖", 2566, 2022, 10, 0, 2023, 1, 0, 0 },
	{ "ม.ค. ๒๕", 2566, 2023, 1, 0, 2023, 1, 0, 0 },
	/* Days. */
	{ "๑-๑๕ ม.ค. ๖๖", 2566, 2023, 1, 1, 2023, 1, 15, 0 },
	{ "1 - 15 ม.ค. 2566", 2566, 2023, 1, 1, 2023, 1, 15, 0 },
	{ "๑ ต.ค. ๖๕ - ๓๐ ก.ย. ๖๖", 2566, 2022, 10, 1, 2023, 9, 30, 0 },
	{ "15 พ.ย. - 31 ธ.ค. 65", 2566, 2022, 11, 15, 2022, 12, 31, 0 },
	{ "27 ม.ค. 66", 2566, 2023, 1, 27, 2023, 1, 27, 0 },
	{ "ม.ค. - 15 ก.พ. 66", 2566, 2023, 1, 0, 2023, 2, 15, 0 },
	{ "15 ม.ค. - ม.ค. 66", 2566, 2023, 1, 15, 2023, 1, 0, 0 },
	{ "29 ก.พ. 67", 2567, 2024, 2, 29, 2024, 2, 29, 0 },
	{ "29 ก.พ. 2567", 2567, 2024, 2, 29, 2024, 2, 29, 0 },
	{ "28 ก.พ. 66", 2566, 2023, 2, 28, 2023, 2, 28, 0 },
	{ "วันที่ 27 ม.ค. 66", 2566, 2023, 1, 27, 2023, 1, 27, 0 },
	/* Whole-year wordings. */
	{ "ตลอดปีงบประมาณ 66", 2566, WHOLE66 },
	{ "ตลอดปีงบประมาณ 2566", 2566, WHOLE66 },
	{ "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖", 2566, WHOLE66 },
	{ "ตลอดปี", 2566, WHOLE66 },
	{ "ทั้งปี", 2566, WHOLE66 },
	{ "ตลอดทั้งปีงบประมาณ", 2566, WHOLE66 },
	{ "ดําเนินการตลอดทั้งปี", 2566, WHOLE66 },
	{ "ทั้งปีงบ", 2566, WHOLE66 },
	{ "ตลอดปีงบประมาณ ๒๕๖๖", 0, WHOLE66 },
	{ "ตลอดปีงบประมาณ 2567", 0, 2023, 10, 1, 2024, 9, 30, 1 },
	{ "ทั้งปีงบประมาณ", 2567, 2023, 10, 1, 2024, 9, 30, 1 },
};

static const struct {
	const char	*s;
	int		 fy;
} pbad[] = {
	{ "เร็วๆ นี้", 2566 }, { "", 2566 }, { "   ", 2566 },
	{ "2566-13", 2566 }, { "2566-01-01", 2566 }, { "27/01/2566", 2566 },
	{ "29 ก.พ. 66", 2566 }, { "29 ก.พ. 2566", 2566 },
	{ "31 เม.ย. 66", 2566 }, { "32 ม.ค. 66", 2566 },
	{ "0 ม.ค. 66", 2566 }, { "๐ ม.ค. ๖๖", 2566 },
	{ "มี.ค. - ม.ค.", 2566 }, { "15 - 1 ม.ค. 66", 2566 },
	{ "ม.ค. 66 - ก.พ. 65", 2566 }, { "ม.ค. 6", 2566 },
	{ "ม.ค. 566", 2566 }, { "ม.ค. 12345", 2566 },
	{ "ม.ค. - - ก.พ. 66", 2566 }, { "ม.ค. ก.พ. 66", 2566 },
	{ "ม.ค. 66 - ", 2566 }, { "- ม.ค. 66", 2566 }, { "-", 2566 },
	{ "1 - ม.ค. 66", 2566 }, { "12345", 2566 }, { "66", 2566 },
	{ "ม.ค. - ก.พ. - มี.ค. 66", 2566 },
	{ "ตลอดปีงบประมาณ 2565", 2566 }, { "ตลอดปีงบประมาณ 65", 2566 },
	{ "ตลอด", 2566 }, { "ปีงบประมาณ", 2566 },
	{ "ตลอดทั้งปี ม.ค.", 2566 }, { "ทั้งปี 2566 2566", 2566 },
	{ "ม.ค. - ก.พ. ปีงบประมาณ 66", 2566 },
	{ "ทั้งปี", 0 }, { "ม.ค. - ก.พ.", 0 },
	{ "ม.ค. 66 ก.พ.", 2566 }, { "ม.ค. 66 15", 2566 },
	{ "ราย ไตรมาส", 2566 }, { "Jan - Feb 2023", 2566 },
	{ ".ม.ค. 66", 2566 }, { "ม.ค. 0066", 2566 },
	{ "ตลอดปี 0066", 0 }, { "ม.ค. 66 .", 2566 },
};

static void
test_period_parse(void **state)
{
	struct period	 p;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < NELEM(pgood); i++) {
		memset(&p, 0x55, sizeof(p));
		rc = period_parse(pgood[i].s, pgood[i].fy, &p);
		if (rc != 0)
			print_error("period_parse(\"%s\", %d) failed\n",
			    pgood[i].s, pgood[i].fy);
		assert_int_equal(rc, 0);
		check_date(&p.start, pgood[i].y1, pgood[i].m1, pgood[i].d1,
		    pgood[i].s);
		check_date(&p.end, pgood[i].y2, pgood[i].m2, pgood[i].d2,
		    pgood[i].s);
		assert_int_equal(p.whole_year, pgood[i].whole);
		assert_null(p.text);
	}
}

static void
test_period_parse_bad(void **state)
{
	struct period	 p, orig;
	size_t		 i;
	int		 rc;

	(void)state;
	memset(&orig, 0x55, sizeof(orig));
	for (i = 0; i < NELEM(pbad); i++) {
		p = orig;
		rc = period_parse(pbad[i].s, pbad[i].fy, &p);
		if (rc != -1)
			print_error("period_parse(\"%s\", %d) accepted: "
			    "%d-%d-%d to %d-%d-%d\n", pbad[i].s, pbad[i].fy,
			    p.start.year, p.start.month, p.start.day,
			    p.end.year, p.end.month, p.end.day);
		assert_int_equal(rc, -1);
		/* A failed parse leaves the caller's period alone. */
		assert_memory_equal(&p, &orig, sizeof(p));
	}
}

/* What period_format writes in Thai, period_parse reads back. */
static void
test_period_roundtrip(void **state)
{
	static const struct period t[] = {
		P(2023, 1, 0, 2023, 2, 0, 0),
		P(2023, 1, 1, 2023, 1, 15, 0),
		P(2023, 1, 0, 2023, 1, 0, 0),
		P(2023, 1, 9, 2023, 1, 9, 0),
		P(2023, 1, 27, 2023, 4, 0, 0),
		P(2022, 10, 0, 2023, 1, 0, 0),
		P(2022, 11, 15, 2023, 3, 31, 0),
		P(2022, 10, 1, 2023, 9, 30, 1),
		P(2024, 2, 29, 2024, 3, 0, 0),
	};
	static const struct fmt *const fmts[] = { &th, &th_ar };
	struct period	 back;
	size_t		 i, j;
	char		*s;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		for (j = 0; j < NELEM(fmts); j++) {
			s = period_format(&t[i], date_fiscal_year(&t[i].end),
			    fmts[j]);
			if (period_parse(s, date_fiscal_year(&t[i].end),
			    &back) != 0)
				print_error("cannot read back \"%s\"\n", s);
			assert_int_equal(period_parse(s,
			    date_fiscal_year(&t[i].end), &back), 0);
			assert_int_equal(date_cmp(&back.start, &t[i].start), 0);
			assert_int_equal(date_cmp(&back.end, &t[i].end), 0);
			assert_int_equal(back.whole_year, t[i].whole_year);
			free(s);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_year_conv),
		cmocka_unit_test(test_leap_days),
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_date_cmp),
		cmocka_unit_test(test_fiscal_year),
		cmocka_unit_test(test_month_name),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_num_format),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_iso),
		cmocka_unit_test(test_date_rfc822),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_period_format),
		cmocka_unit_test(test_period_parse),
		cmocka_unit_test(test_period_parse_bad),
		cmocka_unit_test(test_period_roundtrip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
