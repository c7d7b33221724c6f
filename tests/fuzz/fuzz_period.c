/* fuzz_period.c: libFuzzer harness for period_parse (against three fiscal years), date_parse and what formats their results. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* The ends of field_year's range and a usual year. */
static const int years[] = { 2500, 2566, 2700 };

static const struct fmt fmts[] = {
	{ LANG_TH, DIGITS_THAI, ERA_BE },
	{ LANG_EN, DIGITS_ARABIC, ERA_CE },
	{ LANG_EN, DIGITS_ARABIC, ERA_BE }
};

/* A period's first and last day: month precision spans the month. */
static void
span(const struct period *p, struct date *a, struct date *b)
{
	*a = p->start;
	*b = p->end;
	if (a->day == 0)
		a->day = 1;
	if (b->day == 0)
		b->day = date_days_in_month(b->year, b->month);
}

/* What period_parse promises: real dates, the start not after the end. */
static void
period_check(const struct period *p, int fy)
{
	struct date	 a, b;
	size_t		 i;

	if (!date_valid(&p->start) || !date_valid(&p->end) ||
	    p->text != NULL)
		abort();
	span(p, &a, &b);
	if (date_cmp(&a, &b) > 0)
		abort();
	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++)
		free(period_format(p, fy, &fmts[i]));
}

/*
 * date_parse: a valid date that date_iso writes back as the same date.
 * Years from 2400 are read as Buddhist Era, so only an earlier CE year
 * can come back as itself.
 */
static void
date_check(const char *s)
{
	struct date	 d, back;
	char		*iso;
	size_t		 i;

	if (date_parse(s, &d) != DATE_OK)
		return;
	if (!date_valid(&d))
		abort();
	iso = date_iso(&d);
	if (d.year < 2400 && (date_parse(iso, &back) != DATE_OK ||
	    date_cmp(&d, &back) != 0))
		abort();
	free(iso);
	free(date_rfc822(&d));
	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		free(date_format(&d, DATE_FULL, &fmts[i]));
		free(date_format(&d, DATE_SHORT, &fmts[i]));
		free(date_format(&d, DATE_MONTH, &fmts[i]));
	}
	(void)date_fiscal_year(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t sz)
{
	struct period	 p;
	char		*s;
	size_t		 i, bad;

	/* Periods reach the parser as YAML scalars: UTF-8, no NUL. */
	if (!utf8_valid((const char *)data, sz, &bad) ||
	    memchr(data, '\0', sz) != NULL)
		return -1;
	s = xstrndup((const char *)data, sz);
	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		memset(&p, 0, sizeof(p));
		if (period_parse(s, years[i], &p) == 0)
			period_check(&p, years[i]);
	}
	date_check(s);
	free(digits_ascii(s));
	free(digits_thai(s));
	free(s);
	return 0;
}
