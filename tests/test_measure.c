/* test_measure.c: measure_load on in-memory files: field mapping, every validation rule, slugs, Markdown sections. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "extern.h"

#define FILE_SHOWN	"content/measures/2566/x.md"

/* Lines 1-6 of a measure; a test adds status and more from line 7. */
#define BASE	"---\n"				/* 1 */	\
		"title: t\n"			/* 2 */	\
		"fiscal_year: 2566\n"		/* 3 */	\
		"areas: EIT\n"			/* 4 */	\
		"owners: o\n"			/* 5 */	\
		"period: whole-year\n"		/* 6 */
/* BASE and a status: added lines start at line 8. */
#define PLANNED	BASE "status: planned\n"		/* 7 */

static struct config	 cfg;

static int
setup(void **state)
{
	(void)state;
	markdown_init();
	memset(&cfg, 0, sizeof(cfg));
	return 0;
}

static int
has_diag(const struct diags *d, unsigned line, unsigned col,
    enum severity sev, const char *needle)
{
	size_t	 i;

	for (i = 0; i < d->sz; i++)
		if (d->list[i].line == line && (col == 0 ||
		    d->list[i].col == col) && d->list[i].sev == sev &&
		    strstr(d->list[i].msg, needle) != NULL &&
		    strcmp(d->list[i].file, FILE_SHOWN) == 0)
			return 1;
	return 0;
}

static void
dump(const struct diags *d)
{
	size_t	 i;

	for (i = 0; i < d->sz; i++)
		print_message("  diag %u:%u %s: %s\n", d->list[i].line,
		    d->list[i].col, d->list[i].sev == SEV_ERROR ? "error" :
		    "warning", d->list[i].msg);
}

#define assert_diag(d, line, col, sev, needle) do {			\
	if (!has_diag((d), (line), (col), (sev), (needle)))		\
		dump(d);						\
	assert_true(has_diag((d), (line), (col), (sev), (needle)));	\
} while (0)

static struct measure *
load_as(const char *slug, const char *text, struct diags *d)
{
	return measure_load(FILE_SHOWN, slug, text, strlen(text), &cfg, d);
}

static struct measure *
load(const char *text, struct diags *d)
{
	return load_as("x", text, d);
}

/* front matter lines, closed, with no body */
static char *
doc(const char *head, const char *lines)
{
	return xasprintf("%s%s---\n", head, lines);
}

/* Load a file that must give no problem at all. */
static struct measure *
load_ok(const char *text)
{
	struct diags	 d;
	struct measure	*m;

	memset(&d, 0, sizeof(d));
	m = load(text, &d);
	if (d.sz)
		dump(&d);
	assert_int_equal(d.sz, 0);
	assert_non_null(m);
	diag_free(&d);
	return m;
}

/* PLANNED plus lines must be refused with one error at line:col. */
static void
refused(const char *head, const char *lines, unsigned line, unsigned col,
    const char *needle)
{
	struct diags	 d;
	struct measure	*m;
	char		*s;

	memset(&d, 0, sizeof(d));
	s = doc(head, lines);
	m = load(s, &d);
	if (m != NULL || d.errors != 1)
		print_message("for:\n%s", s);
	free(s);
	if (d.errors != 1)
		dump(&d);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, line, col, SEV_ERROR, needle);
	diag_free(&d);
}

/*
 * A body's whole HTML, unpacked; valid until the next call (the last
 * one stays reachable, so no leak is reported).
 */
static char	*unpacked;

static const char *
html_all(const struct body *b)
{
	free(unpacked);
	unpacked = body_unpack(b);
	return unpacked;
}

/* PLANNED plus lines must load with no problem. */
static struct measure *
accepted(const char *head, const char *lines)
{
	struct measure	*m;
	char		*s;

	s = doc(head, lines);
	m = load_ok(s);
	free(s);
	return m;
}

static void
complete_measure(void **state)
{
	const char	*s =
	    "---\n"
	    "title: การนำเทคโนโลยีมาใช้ในการดำเนินงาน\n"	/* 2 */
	    "fiscal_year: 2566\n"
	    "areas: [EIT, OIT]\n"
	    "indicator: 8\n"				/* 5 */
	    "order: -3\n"
	    "owners:\n"
	    "  - สำนักปลัด\n"
	    "  - กองคลัง\n"
	    "period:\n"					/* 10 */
	    "  start: 2023-01-27\n"
	    "  end: 2566-02\n"
	    "status: in-progress\n"
	    "progress: 40\n"
	    "summary: ปรับปรุงระบบ E-Service\n"		/* 15 */
	    "evidence:\n"
	    "  - title: ภาพกิจกรรม\n"
	    "    url: https://www.example.go.th/a.pdf\n"
	    "  - title: คำสั่ง\n"
	    "    url: content/files/order.pdf\n"	/* 20 */
	    "updates:\n"
	    "  - date: 2566-01-27\n"
	    "    progress: 10\n"
	    "    status: in-progress\n"
	    "    note: เริ่มดำเนินการ\n"		/* 25 */
	    "  - date: 2023-02\n"
	    "draft: yes\n"
	    "slug: e-service\n"
	    "published: 2023-03-01\n"
	    "---\n"					/* 30 */
	    "\n"
	    "## วิธีการดำเนินการ\n";
	struct measure	*m;
	struct diags	 d;

	(void)state;
	memset(&d, 0, sizeof(d));
	m = load_as("file-name", s, &d);
	if (d.sz)
		dump(&d);
	assert_int_equal(d.sz, 0);
	assert_non_null(m);
	assert_string_equal(m->path, FILE_SHOWN);
	assert_string_equal(m->title, "การนำเทคโนโลยีมาใช้ในการดำเนินงาน");
	assert_int_equal(m->fiscal_year, 2566);
	assert_int_equal(m->areas, (1u << AREA_EIT) | (1u << AREA_OIT));
	assert_int_equal(m->indicator, 8);
	assert_true(m->has_order);
	assert_int_equal(m->order, -3);
	assert_int_equal(m->ownersz, 2);
	assert_string_equal(m->owners[0], "สำนักปลัด");
	assert_string_equal(m->owners[1], "กองคลัง");
	assert_false(m->period.whole_year);
	assert_null(m->period.text);
	assert_int_equal(m->period.start.year, 2023);
	assert_int_equal(m->period.start.month, 1);
	assert_int_equal(m->period.start.day, 27);
	assert_int_equal(m->period.end.year, 2023);
	assert_int_equal(m->period.end.month, 2);
	assert_int_equal(m->period.end.day, 0);
	assert_int_equal(m->status, STATUS_IN_PROGRESS);
	assert_int_equal(m->progress, 40);
	assert_string_equal(m->summary, "ปรับปรุงระบบ E-Service");
	assert_int_equal(m->evidencesz, 2);
	assert_string_equal(m->evidence[0].title, "ภาพกิจกรรม");
	assert_string_equal(m->evidence[0].url, "https://www.example.go.th/a.pdf");
	/* The url's own position: that is what evidence errors point at. */
	assert_int_equal(m->evidence[0].pos.line, 18);
	assert_int_equal(m->evidence[0].pos.col, 10);
	assert_string_equal(m->evidence[1].title, "คำสั่ง");
	/* "content/" is dropped: URLs are relative to content/ */
	assert_string_equal(m->evidence[1].url, "files/order.pdf");
	assert_int_equal(m->evidence[1].pos.line, 20);
	assert_int_equal(m->updatesz, 2);
	assert_int_equal(m->updates[0].date.year, 2023);
	assert_int_equal(m->updates[0].date.month, 1);
	assert_int_equal(m->updates[0].date.day, 27);
	assert_int_equal(m->updates[0].progress, 10);
	assert_int_equal(m->updates[0].status, STATUS_IN_PROGRESS);
	assert_string_equal(m->updates[0].note, "เริ่มดำเนินการ");
	assert_int_equal(m->updates[0].pos.line, 22);
	assert_int_equal(m->updates[1].date.year, 2023);
	assert_int_equal(m->updates[1].date.month, 2);
	assert_int_equal(m->updates[1].date.day, 0);
	assert_int_equal(m->updates[1].progress, -1);
	assert_int_equal(m->updates[1].status, STATUS_NONE);
	assert_null(m->updates[1].note);
	assert_int_equal(m->updates[1].pos.line, 26);
	assert_true(m->draft);
	assert_string_equal(m->slug, "e-service");
	assert_int_equal(m->published.year, 2023);
	assert_int_equal(m->published.month, 3);
	assert_int_equal(m->published.day, 1);
	/* where each field was written */
	assert_int_equal(m->pos[F_TITLE].line, 2);
	assert_int_equal(m->pos[F_TITLE].col, 8);
	assert_int_equal(m->pos[F_AREAS].line, 4);
	assert_int_equal(m->pos[F_INDICATOR].line, 5);
	assert_int_equal(m->pos[F_OWNERS].line, 8);
	assert_int_equal(m->pos[F_PERIOD].line, 11);
	assert_int_equal(m->pos[F_SUMMARY].line, 15);
	assert_int_equal(m->pos[F_SLUG].line, 28);
	assert_int_equal(m->pos[F_SLUG].col, 7);
	assert_int_equal(m->pos[F_PUBLISHED].line, 29);
	/* the body */
	/* The body is kept only as HTML once rendered. */
	assert_null(m->body);
	assert_string_equal(html_all(m->html), "<h2>วิธีการดำเนินการ</h2>\n");
	assert_non_null(m->html);
	measure_free(m);
}

/* The smallest measure: defaults for everything optional. */
static void
minimal_measure(void **state)
{
	struct measure	*m;
	struct diags	 d;
	char		*s;

	(void)state;
	memset(&d, 0, sizeof(d));
	s = doc(PLANNED, "");
	m = load_as("e-service", s, &d);
	free(s);
	assert_int_equal(d.sz, 0);
	assert_non_null(m);
	assert_string_equal(m->slug, "e-service");
	assert_int_equal(m->indicator, 0);
	assert_false(m->has_order);
	assert_int_equal(m->ownersz, 1);
	assert_string_equal(m->owners[0], "o");
	assert_int_equal(m->areas, 1u << AREA_EIT);
	assert_null(m->summary);
	assert_int_equal(m->evidencesz, 0);
	assert_int_equal(m->updatesz, 0);
	assert_false(m->draft);
	assert_int_equal(m->published.year, 0);
	assert_int_equal(m->pos[F_PUBLISHED].line, 0);
	assert_null(m->body);
	assert_string_equal(html_all(m->html), "");
	measure_free(m);
}

static void
fiscal_year_thai_digits(void **state)
{
	struct measure	*m;

	(void)state;
	m = load_ok("---\ntitle: t\nfiscal_year: ๒๕๖๖\nareas: EIT\n"
	    "owners: o\nperiod: whole-year\nstatus: done\n---\n");
	assert_int_equal(m->fiscal_year, 2566);
	/* whole-year of 2566 is 1 Oct 2022 to 30 Sep 2023 */
	assert_int_equal(m->period.start.year, 2022);
	assert_int_equal(m->period.start.month, 10);
	assert_int_equal(m->period.start.day, 1);
	measure_free(m);
	m = load_ok("---\ntitle: t\nfiscal_year: \"2567\"\nareas: EIT\n"
	    "owners: o\nperiod: whole-year\nstatus: done\n---\n");
	assert_int_equal(m->fiscal_year, 2567);
	measure_free(m);
}

static void
areas_values(void **state)
{
	struct measure	*m;
	struct diags	 d;

	(void)state;
	m = load_ok("---\ntitle: t\nfiscal_year: 2566\nareas: IIT\n"
	    "owners: o\nperiod: whole-year\nstatus: done\n---\n");
	assert_int_equal(m->areas, 1u << AREA_IIT);
	measure_free(m);
	m = load_ok("---\ntitle: t\nfiscal_year: 2566\nareas: [oit, Iit]\n"
	    "owners: o\nperiod: whole-year\nstatus: done\n---\n");
	assert_int_equal(m->areas, (1u << AREA_IIT) | (1u << AREA_OIT));
	measure_free(m);
	m = load_ok("---\ntitle: t\nfiscal_year: 2566\nareas:\n  - IIT\n"
	    "  - EIT\n  - OIT\nowners: o\nperiod: whole-year\n"
	    "status: done\n---\n");
	assert_int_equal(m->areas, 7u);
	measure_free(m);

	/* an area written twice is a warning, not an error */
	memset(&d, 0, sizeof(d));
	m = load("---\ntitle: t\nfiscal_year: 2566\nareas: [EIT, EIT]\n"
	    "owners: o\nperiod: whole-year\nstatus: done\n---\n", &d);
	assert_non_null(m);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	assert_diag(&d, 4, 14, SEV_WARNING, "area 'EIT' is listed twice");
	assert_int_equal(m->areas, 1u << AREA_EIT);
	measure_free(m);
	diag_free(&d);
}

static void
owners_values(void **state)
{
	struct measure	*m;

	(void)state;
	m = load_ok("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n"
	    "owners: กองช่าง\nperiod: whole-year\nstatus: done\n---\n");
	assert_int_equal(m->ownersz, 1);
	assert_string_equal(m->owners[0], "กองช่าง");
	measure_free(m);
	m = load_ok("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n"
	    "owners: [กองช่าง, กองคลัง, สำนักปลัด]\nperiod: whole-year\n"
	    "status: done\n---\n");
	assert_int_equal(m->ownersz, 3);
	assert_string_equal(m->owners[2], "สำนักปลัด");
	measure_free(m);
}

static struct measure *
with_period(const char *period)
{
	struct measure	*m;
	char		*s;

	s = xasprintf("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n"
	    "owners: o\n%sstatus: planned\n---\n", period);
	m = load_ok(s);
	free(s);
	return m;
}

static void
period_values(void **state)
{
	struct measure	*m;

	(void)state;
	m = with_period("period: whole-year\n");
	assert_true(m->period.whole_year);
	assert_null(m->period.text);
	assert_int_equal(m->period.start.year, 2022);
	assert_int_equal(m->period.start.month, 10);
	assert_int_equal(m->period.start.day, 1);
	assert_int_equal(m->period.end.year, 2023);
	assert_int_equal(m->period.end.month, 9);
	assert_int_equal(m->period.end.day, 30);
	measure_free(m);

	m = with_period("period: {start: 2022-10, end: 2023-09-30}\n");
	assert_false(m->period.whole_year);
	assert_int_equal(m->period.start.year, 2022);
	assert_int_equal(m->period.start.month, 10);
	assert_int_equal(m->period.start.day, 0);
	assert_int_equal(m->period.end.day, 30);
	measure_free(m);

	/* the editor's own wording is kept for display */
	m = with_period("period: ม.ค. - ก.พ. ๒๕๖๖\n");
	assert_string_equal(m->period.text, "ม.ค. - ก.พ. ๒๕๖๖");
	assert_int_equal(m->period.start.year, 2023);
	assert_int_equal(m->period.start.month, 1);
	assert_int_equal(m->period.end.year, 2023);
	assert_int_equal(m->period.end.month, 2);
	measure_free(m);

	/* October of fiscal year 2566 is in 2022 */
	m = with_period("period: ต.ค. - ธ.ค. ๖๕\n");
	assert_non_null(m->period.text);
	assert_int_equal(m->period.start.year, 2022);
	assert_int_equal(m->period.start.month, 10);
	assert_int_equal(m->period.end.month, 12);
	measure_free(m);
}

static void
status_and_progress(void **state)
{
	static const struct {
		const char	*text;
		enum status	 status;
		int		 progress;
	} t[] = {
		{ "planned", STATUS_PLANNED, 0 },
		{ "in-progress", STATUS_IN_PROGRESS, 0 },
		{ "done", STATUS_DONE, 100 },
		{ "DONE", STATUS_DONE, 100 },
		{ "cancelled", STATUS_CANCELLED, 0 },
	};
	struct measure	*m;
	char		*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		s = xasprintf(BASE "status: %s\n---\n", t[i].text);
		m = load_ok(s);
		free(s);
		assert_int_equal(m->status, t[i].status);
		assert_int_equal(m->progress, t[i].progress);
		measure_free(m);
	}
	m = load_ok(BASE "status: in-progress\nprogress: 65\n---\n");
	assert_int_equal(m->progress, 65);
	measure_free(m);
	m = load_ok(BASE "status: done\nprogress: ๑๐๐\n---\n");
	assert_int_equal(m->progress, 100);
	measure_free(m);
}

static void
draft_values(void **state)
{
	static const struct {
		const char	*text;
		int		 draft;
	} t[] = {
		{ "true", 1 }, { "True", 1 }, { "yes", 1 }, { "on", 1 },
		{ "false", 0 }, { "no", 0 }, { "off", 0 }, { "FALSE", 0 },
	};
	struct measure	*m;
	char		*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		s = xasprintf(PLANNED "draft: %s\n---\n", t[i].text);
		m = load_ok(s);
		free(s);
		assert_int_equal(m->draft, t[i].draft);
		measure_free(m);
	}
	refused(PLANNED, "draft: maybe\n", 8, 8, "'draft' must be true or "
	    "false");
	refused(PLANNED, "draft: [yes]\n", 8, 8, "'draft' must be true or "
	    "false");
}

static void
slug_values(void **state)
{
	struct measure	*m;
	struct diags	 d;
	char		*s;

	(void)state;
	memset(&d, 0, sizeof(d));
	s = doc(PLANNED, "slug: 2566-e-service\n");
	m = load_as("Not_A_Slug", s, &d);
	free(s);
	assert_int_equal(d.sz, 0);
	/* slug: rescues a file name that is not a slug */
	assert_non_null(m);
	assert_string_equal(m->slug, "2566-e-service");
	measure_free(m);

	refused(PLANNED, "slug: E-Service\n", 8, 7, "slug 'E-Service' is "
	    "not valid");
	refused(PLANNED, "slug: e service\n", 8, 7, "not valid");
	refused(PLANNED, "slug: \"\"\n", 8, 7, "'slug' is empty");
	refused(PLANNED, "slug: [a]\n", 8, 7, "'slug' must be text");

	memset(&d, 0, sizeof(d));
	s = doc(PLANNED, "");
	m = load_as("E_Service", s, &d);
	free(s);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	/* line 0: about the file as a whole */
	assert_diag(&d, 0, 0, SEV_ERROR, "the file name 'E_Service.md' "
	    "cannot be a web address");
	diag_free(&d);
}

static void
slug_rules(void **state)
{
	(void)state;
	assert_true(slug_valid("e-service"));
	assert_true(slug_valid("a"));
	assert_true(slug_valid("7"));
	assert_true(slug_valid("2566"));
	assert_true(slug_valid("9-steps"));
	assert_true(slug_valid("a--b"));
	assert_true(slug_valid("abc-"));
	assert_false(slug_valid(""));
	assert_false(slug_valid("-a"));
	assert_false(slug_valid("A"));
	assert_false(slug_valid("e-Service"));
	assert_false(slug_valid("a_b"));
	assert_false(slug_valid("a b"));
	assert_false(slug_valid("a.md"));
	assert_false(slug_valid("a/b"));
	assert_false(slug_valid(".."));
	assert_false(slug_valid("มาตรการ"));
	assert_false(slug_valid("a\xc3\xa9"));
}

/* Each required field, left out alone, gives exactly its error. */
static void
required_fields(void **state)
{
	static const char *const f[] = {
		"title: t\n", "fiscal_year: 2566\n", "areas: EIT\n",
		"owners: o\n", "period: whole-year\n", "status: planned\n"
	};
	static const char *const names[] = {
		"title", "fiscal_year", "areas", "owners", "period", "status"
	};
	struct diags	 d;
	struct measure	*m;
	char		*s, *msg;
	size_t		 i, k;

	(void)state;
	for (i = 0; i < 6; i++) {
		s = xstrdup("---\n");
		for (k = 0; k < 6; k++)
			if (k != i) {
				msg = xasprintf("%s%s", s, f[k]);
				free(s);
				s = msg;
			}
		msg = xasprintf("%s---\n", s);
		free(s);
		s = msg;
		memset(&d, 0, sizeof(d));
		m = load(s, &d);
		free(s);
		assert_null(m);
		if (d.errors != 1)
			dump(&d);
		assert_int_equal(d.errors, 1);
		msg = xasprintf("required field '%s' is missing", names[i]);
		/* reported where the fields start */
		assert_diag(&d, 2, 1, SEV_ERROR, msg);
		free(msg);
		diag_free(&d);
	}

	/* an empty front matter misses all six */
	memset(&d, 0, sizeof(d));
	m = load("---\n---\n", &d);
	assert_null(m);
	assert_int_equal(d.errors, 6);
	/* at the closing line, where the fields would go */
	assert_diag(&d, 2, 1, SEV_ERROR, "required field 'status' is missing");
	diag_free(&d);
}

static void
wrong_types(void **state)
{
	(void)state;
	refused("---\n", "title: [a, b]\nfiscal_year: 2566\nareas: EIT\n"
	    "owners: o\nperiod: whole-year\nstatus: planned\n", 2, 8,
	    "'title' must be text, but here it is a list");
	refused("---\n", "title: \"  \"\nfiscal_year: 2566\nareas: EIT\n"
	    "owners: o\nperiod: whole-year\nstatus: planned\n", 2, 8,
	    "'title' is empty");
	refused("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n",
	    "owners:\n  name: o\nperiod: whole-year\nstatus: planned\n", 6, 3,
	    "'owners' must be a list of texts, but here it is a map");
	refused("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n",
	    "owners: []\nperiod: whole-year\nstatus: planned\n", 5, 9,
	    "'owners' is an empty list");
	refused("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n",
	    "owners: [a, [b]]\nperiod: whole-year\nstatus: planned\n", 5, 13,
	    "'owners' must be text");
	refused("---\ntitle: t\nfiscal_year: 2566\n",
	    "areas: {IIT: 1}\nowners: o\nperiod: whole-year\n"
	    "status: planned\n", 4, 8, "'areas' must list at least one");
	refused("---\ntitle: t\nfiscal_year: 2566\n",
	    "areas: []\nowners: o\nperiod: whole-year\n"
	    "status: planned\n", 4, 8, "'areas' must list at least one");
	refused("---\ntitle: t\nfiscal_year: [2566]\n",
	    "areas: EIT\nowners: o\nperiod: whole-year\n"
	    "status: planned\n", 3, 14, "'fiscal_year' must be a whole number");
	refused("---\ntitle: t\nfiscal_year: ๒๕๖ก\n",
	    "areas: EIT\nowners: o\nperiod: whole-year\n"
	    "status: planned\n", 3, 14, "'fiscal_year' must be a whole number");
	refused(BASE, "status: [done]\n", 7, 9, "'status' must be one word");
	refused(PLANNED, "indicator: eight\n", 8, 12, "'indicator' must be a "
	    "whole number, not \"eight\"");
	refused(PLANNED, "indicator: 8.5\n", 8, 12, "must be a whole number");
	refused(PLANNED, "order: first\n", 8, 8, "'order' must be a whole "
	    "number");
	refused(PLANNED, "summary: [a]\n", 8, 10, "'summary' must be text");
	refused(PLANNED, "evidence: files/a.pdf\n", 8, 11, "'evidence' must "
	    "be a list of entries");
	refused(PLANNED, "evidence:\n  - files/a.pdf\n", 9, 5, "each evidence "
	    "entry must be a map");
	refused(PLANNED, "updates: {date: 2023-01}\n", 8, 10, "'updates' "
	    "must be a list of entries");
	refused(PLANNED, "published: [2023-01-01]\n", 8, 12, "'published' "
	    "must be a date");
	refused("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\nowners: o\n",
	    "period: [2023-01, 2023-02]\nstatus: planned\n", 6, 9,
	    "'period' must be whole-year, a map with start and end");
}

static void
unknown_area_and_status(void **state)
{
	(void)state;
	refused("---\ntitle: t\nfiscal_year: 2566\n", "areas: [EIT, XIT]\n"
	    "owners: o\nperiod: whole-year\nstatus: planned\n", 4, 14,
	    "unknown area 'XIT': use IIT, EIT or OIT");
	refused("---\ntitle: t\nfiscal_year: 2566\n", "areas: ITA\n"
	    "owners: o\nperiod: whole-year\nstatus: planned\n", 4, 8,
	    "unknown area 'ITA'");
	refused(BASE, "status: finished\n", 7, 9, "unknown status "
	    "'finished': use planned, in-progress, done or cancelled");
	refused(BASE, "status: in progress\n", 7, 9, "unknown status "
	    "'in progress'");
	refused(PLANNED, "updates:\n  - date: 2023-01\n    status: ok\n", 10,
	    13, "unknown status 'ok'");
}

static void
ranges(void **state)
{
	struct measure	*m;

	(void)state;
	refused(PLANNED, "indicator: 0\n", 8, 12, "'indicator' is 0, but it "
	    "must be between 1 and 10");
	refused(PLANNED, "indicator: 11\n", 8, 12, "'indicator' is 11");
	m = accepted(PLANNED, "indicator: 1\n");
	assert_int_equal(m->indicator, 1);
	measure_free(m);
	m = accepted(PLANNED, "indicator: ๑๐\n");
	assert_int_equal(m->indicator, 10);
	measure_free(m);

	refused(PLANNED, "progress: -1\n", 8, 11, "'progress' is -1, but it "
	    "must be between 0 and 100");
	refused(PLANNED, "progress: 101\n", 8, 11, "'progress' is 101");
	refused(PLANNED, "progress: 99999999999999999999\n", 8, 11,
	    "'progress' must be a whole number");
	refused(PLANNED, "updates:\n  - date: 2023-01\n    progress: 150\n",
	    10, 15, "'updates: progress' is 150");
	m = accepted(PLANNED, "progress: 0\n");
	assert_int_equal(m->progress, 0);
	measure_free(m);
	m = accepted(BASE "status: in-progress\n", "progress: 100\n");
	assert_int_equal(m->progress, 100);
	measure_free(m);

	refused(PLANNED, "order: 1000001\n", 8, 8, "'order' is 1000001");
	m = accepted(PLANNED, "order: -1000000\n");
	assert_int_equal(m->order, -1000000);
	measure_free(m);
}

static void
fiscal_year_range(void **state)
{
	struct measure	*m;
	char		*s;

	(void)state;
	refused("---\ntitle: t\n", "fiscal_year: 2800\nareas: EIT\nowners: o\n"
	    "period: whole-year\nstatus: planned\n", 3, 14,
	    "'fiscal_year' is 2800, but it must be between 2500 and 2700");
	refused("---\ntitle: t\n", "fiscal_year: 2701\nareas: EIT\nowners: o\n"
	    "period: whole-year\nstatus: planned\n", 3, 14, "2701");
	/* a Common Era year: say which Buddhist Era year it is */
	refused("---\ntitle: t\n", "fiscal_year: 2023\nareas: EIT\nowners: o\n"
	    "period: whole-year\nstatus: planned\n", 3, 14,
	    "did you mean 2566?");
	/* with a period wording, only the year is reported */
	refused("---\ntitle: t\n", "fiscal_year: 2023\nareas: EIT\nowners: o\n"
	    "period: ม.ค. - ก.พ.\nstatus: planned\n", 3, 14, "Buddhist Era");
	s = doc("---\ntitle: t\n", "fiscal_year: 2500\nareas: EIT\nowners: o\n"
	    "period: whole-year\nstatus: planned\n");
	m = load_ok(s);
	free(s);
	assert_int_equal(m->fiscal_year, 2500);
	measure_free(m);
	s = doc("---\ntitle: t\n", "fiscal_year: 2700\nareas: EIT\nowners: o\n"
	    "period: whole-year\nstatus: planned\n");
	m = load_ok(s);
	free(s);
	assert_int_equal(m->fiscal_year, 2700);
	measure_free(m);
}

/* Dates through a field value: published. */
static void
dates(void **state)
{
	static const struct {
		const char	*text;
		int		 y, m, d;
	} good[] = {
		{ "2023-01-27", 2023, 1, 27 },
		{ "2566-01-27", 2023, 1, 27 },		/* Buddhist Era */
		{ "๒๕๖๖-๐๑-๒๗", 2023, 1, 27 },		/* Thai digits */
		{ "2023-01", 2023, 1, 0 },		/* month precision */
		{ "2566-12", 2023, 12, 0 },
		{ "2024-02-29", 2024, 2, 29 },		/* leap year */
		{ "2567-02-29", 2024, 2, 29 },		/* BE 2567 = CE 2024 */
		{ "2000-02-29", 2000, 2, 29 },		/* by 400 */
		{ "2023-12-31", 2023, 12, 31 },
		{ "\"2023-04-30\"", 2023, 4, 30 },
	};
	static const char *const impossible[] = {
		"2023-02-29", "2566-02-29", "2023-02-30", "2023-04-31",
		"2100-02-29", "2643-02-29", "2023-13", "2023-00",
		"2023-13-01", "2023-01-32", "2023-01-00",
	};
	static const char *const syntax[] = {
		"2023", "23-01-27", "2023-1-5", "2023/01/27",
		"27 ม.ค. 2566", "2023-01-27x", "yesterday", "31/02/2566",
		"1/13/2566", "27/01/66",
	};
	static const char *const dmy[][2] = {
		{ "27/01/2566", "2566-01-27" },
		{ "๓๑/๐๑/๒๕๖๘", "2568-01-31" },
		{ "5.1.2023", "2023-01-05" },
		{ "31-12-2565", "2565-12-31" },
	};
	struct measure	*m;
	char		*s, *line;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		line = xasprintf("published: %s\n", good[i].text);
		m = accepted(PLANNED, line);
		free(line);
		assert_int_equal(m->published.year, good[i].y);
		assert_int_equal(m->published.month, good[i].m);
		assert_int_equal(m->published.day, good[i].d);
		measure_free(m);
	}
	for (i = 0; i < sizeof(impossible) / sizeof(impossible[0]); i++) {
		line = xasprintf("published: %s\n", impossible[i]);
		s = xasprintf("'published' is %s, a date that does not exist",
		    impossible[i]);
		refused(PLANNED, line, 8, 12, s);
		free(line);
		free(s);
	}
	/* Day/month/year: refused, with that very date as the fix. */
	for (i = 0; i < sizeof(dmy) / sizeof(dmy[0]); i++) {
		line = xasprintf("published: %s\n", dmy[i][0]);
		s = xasprintf("'published' is \"%s\", written day/month/year: "
		    "write year-month-day instead, here %s", dmy[i][0],
		    dmy[i][1]);
		refused(PLANNED, line, 8, 12, s);
		free(line);
		free(s);
	}
	for (i = 0; i < sizeof(syntax) / sizeof(syntax[0]); i++) {
		line = xasprintf("published: %s\n", syntax[i]);
		s = xasprintf("'published' is \"%s\", which is not a date",
		    syntax[i]);
		refused(PLANNED, line, 8, 12, s);
		free(line);
		free(s);
	}
}

static void
period_rules(void **state)
{
	const char	*head = "---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n"
			    "owners: o\nstatus: planned\n";
	struct measure	*m;

	(void)state;
	refused(head, "period:\n  start: 2023-03\n  end: 2023-01\n", 9, 8,
	    "the period ends before it starts (start 2023-03, end 2023-01)");
	refused(head, "period:\n  start: 2023-01-27\n  end: 2023-01-26\n", 9,
	    8, "ends before it starts");
	refused(head, "period:\n  start: 2566-01\n  end: 2022-12-31\n", 9, 8,
	    "ends before it starts");
	refused(head, "period:\n  start: 2023-01-01\n  end: 2023-02-30\n", 9,
	    8, "'period: end' is 2023-02-30, a date that does not exist");
	refused(head, "period:\n  start: 2566-02-29\n  end: 2566-03\n", 8, 10,
	    "'period: start' is 2566-02-29, a date that does not exist");
	refused(head, "period:\n  start: 2023-01\n", 8, 3, "required field "
	    "'period: end' is missing");
	refused(head, "period:\n  end: 2023-01\n", 8, 3, "required field "
	    "'period: start' is missing");
	refused(head, "period: ช่วงหน้าฝน\n", 7, 9, "cannot read the period "
	    "\"ช่วงหน้าฝน\"");
	refused(head, "period: \"\"\n", 7, 9, "cannot read the period");

	/* a month covers its whole month: these do not end before */
	m = accepted(head, "period:\n  start: 2023-01-27\n  end: 2023-01\n");
	measure_free(m);
	m = accepted(head, "period:\n  start: 2023-01\n  end: 2023-01-02\n");
	measure_free(m);
	m = accepted(head, "period:\n  start: 2023-01-27\n  end: 2023-01-27\n");
	assert_int_equal(m->period.end.day, 27);
	measure_free(m);

	/* an unknown key inside period is a warning with a suggestion */
	{
		struct diags	 d;
		char		*s;

		memset(&d, 0, sizeof(d));
		s = doc(head, "period:\n  start: 2023-01\n  end: 2023-02\n"
		    "  ends: 2023-03\n");
		m = load(s, &d);
		free(s);
		assert_non_null(m);
		assert_int_equal(d.errors, 0);
		assert_diag(&d, 10, 3, SEV_WARNING, "unknown field 'ends' is "
		    "ignored (did you mean 'end'?)");
		measure_free(m);
		diag_free(&d);
	}
}

static void
evidence_urls(void **state)
{
	static const char *const good[] = {
		"https://www.example.go.th/ita/a.pdf",
		"http://example.com",
		"HTTPS://EXAMPLE.COM/",
		"files/a.pdf",
		"files/2566/ภาพ กิจกรรม.pdf",
		"files/a..b.pdf",
		"files/.well",
		"content/files/a.pdf",
	};
	static const char *const bad[] = {
		"javascript:alert(1)",
		"JavaScript:alert(1)",
		"data:text/html;base64,PHNjcmlwdD4=",
		"vbscript:x",
		"file:///etc/passwd",
		"../../etc/passwd",
		"/etc/passwd",
		"files/../../x",
		"files/a/../../../x",
		"files/./a.pdf",
		"files/..",
		"files/",
		"files",
		"content/../files/a.pdf",
		"content/files/../x",
		"files\\..\\x",
		"files/a:b",
		"files/a\"onmouseover=\"x",
		"files/<x>",
		"https://",
		"http://",
		"https://a b",
		"https://a\"onclick=\"x",
		"https://a<script>",
		"//example.com/a.pdf",
		"ftp://example.com/a.pdf",
		"a.pdf",
	};
	struct measure	*m;
	char		*line, *want;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		line = xasprintf("evidence:\n  - title: t\n    url: '%s'\n",
		    good[i]);
		m = accepted(PLANNED, line);
		free(line);
		assert_int_equal(m->evidencesz, 1);
		if (strncmp(good[i], "content/", 8) == 0)
			assert_string_equal(m->evidence[0].url, good[i] + 8);
		else
			assert_string_equal(m->evidence[0].url, good[i]);
		measure_free(m);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		line = xasprintf("evidence:\n  - title: t\n    url: '%s'\n",
		    bad[i]);
		want = xasprintf("evidence url \"%s\" is not allowed", bad[i]);
		refused(PLANNED, line, 10, 10, want);
		free(line);
		free(want);
	}
	refused(PLANNED, "evidence:\n  - title: t\n", 9, 5, "required field "
	    "'evidence: url' is missing");
	refused(PLANNED, "evidence:\n  - url: files/a.pdf\n", 9, 5,
	    "required field 'evidence: title' is missing");
	refused(PLANNED, "evidence:\n  - title: t\n    url: \"\"\n", 10, 10,
	    "'evidence: url' is empty");
}

static void
updates_rules(void **state)
{
	(void)state;
	refused(PLANNED, "updates:\n  - progress: 50\n", 9, 5, "required "
	    "field 'updates: date' is missing");
	refused(PLANNED, "updates:\n  - date: 2023-02-30\n", 9, 11,
	    "'updates: date' is 2023-02-30, a date that does not exist");
	refused(PLANNED, "updates:\n  - date: 2023-02\n    note: \"\"\n", 10,
	    11, "'updates: note' is empty");
	refused(PLANNED, "updates:\n  - date: 2023-02\n  - 2023-03\n", 10, 5,
	    "each update must be a map");
}

static void
done_progress_warning(void **state)
{
	struct diags	 d;
	struct measure	*m;

	(void)state;
	memset(&d, 0, sizeof(d));
	m = load(BASE "status: done\nprogress: 80\n---\n", &d);
	assert_non_null(m);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	assert_diag(&d, 8, 11, SEV_WARNING, "status is done but progress is "
	    "80%");
	assert_int_equal(m->status, STATUS_DONE);
	assert_int_equal(m->progress, 80);
	measure_free(m);
	diag_free(&d);
}

/* Issue 15: what a clerk writes and means for certain is read. */
static void
forgiving_readings(void **state)
{
	static const struct {
		const char	*word;
		enum status	 status;
	} words[] = {
		{ "ยังไม่ดำเนินการ", STATUS_PLANNED },
		{ "อยู่ระหว่างดำเนินการ", STATUS_IN_PROGRESS },
		{ "อยู่ระหว่าง ดำเนินการ", STATUS_IN_PROGRESS },
		{ "กำลังดำเนินการ", STATUS_IN_PROGRESS },
		{ "ดำเนินการแล้วเสร็จ", STATUS_DONE },
		{ "เสร็จแล้ว", STATUS_DONE },
		{ "ยกเลิก", STATUS_CANCELLED },
	};
	static const struct {
		const char	*text;
		int		 value;
	} pct[] = {
		{ "100%", 100 }, { "๑๐๐ %", 100 }, { "40 %", 40 },
		{ "๘๐%", 80 }, { "0%", 0 }, { "\"75%\"", 75 },
	};
	static const char *const codes[] = {
		"planned", "in-progress", "done", "cancelled"
	};
	struct measure	*m;
	char		*line;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		line = xasprintf("status: %s\nprogress: 100\n", words[i].word);
		m = accepted(BASE, line);
		assert_int_equal(m->status, words[i].status);
		/* The code, not the Thai word, is what the output shows. */
		assert_string_equal(status_name(m->status),
		    codes[words[i].status]);
		measure_free(m);
		free(line);
	}
	for (i = 0; i < sizeof(pct) / sizeof(pct[0]); i++) {
		line = xasprintf("status: in-progress\nprogress: %s\n",
		    pct[i].text);
		m = accepted(BASE, line);
		assert_int_equal(m->progress, pct[i].value);
		measure_free(m);
		free(line);
	}
	refused(BASE, "status: in-progress\nprogress: 120%\n", 8, 11,
	    "'progress' is 120, but it must be between 0 and 100");
	refused(BASE, "status: in-progress\nprogress: \"%\"\n", 8, 11,
	    "'progress' must be a whole number");
	refused(BASE, "status: เสร็จ ๆ\n", 7, 9, "unknown status");
}

/* Issue 15: warnings for what was silently wrong. */
static void
silent_slips(void **state)
{
	struct diags	 d;
	struct measure	*m;

	(void)state;
	memset(&d, 0, sizeof(d));
	m = load("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n"
	    "owners: งานก, งานข\nperiod: “whole-year”\n"
	    "status: in-progress\nprogress: 40\nupdates:\n"
	    "  - date: 2566-01-01\n    progress: 70\n    status: done\n"
	    "  - date: 2567-02-01\n    progress: 50\n---\n", &d);
	assert_non_null(m);
	assert_int_equal(d.errors, 0);
	assert_diag(&d, 5, 9, SEV_WARNING, "owner 'งานก, งานข' looks like "
	    "several owners joined by ','");
	assert_diag(&d, 5, 9, SEV_WARNING, "list them: owners: [งานก, งานข]");
	assert_diag(&d, 6, 9, SEV_WARNING, "inside curly quotes");
	assert_int_equal(m->period.whole_year, 1);
	assert_diag(&d, 13, 5, SEV_WARNING, "outside fiscal year 2566");
	/* The newest update is the one of 2567, whatever the order. */
	assert_diag(&d, 8, 11, SEV_WARNING, "progress is 40% but the newest "
	    "update");
	assert_int_equal(d.warnings, 4);
	measure_free(m);
	diag_free(&d);
	/* A unit named with และ is one unit. */
	m = accepted(PLANNED, "");
	measure_free(m);
	memset(&d, 0, sizeof(d));
	m = load("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n"
	    "owners: [กองวิชาการและแผนงาน]\nperiod: whole-year\n"
	    "status: planned\n---\n", &d);
	assert_non_null(m);
	assert_int_equal(d.sz, 0);
	measure_free(m);
	diag_free(&d);
}

static void
unknown_fields(void **state)
{
	struct diags	 d;
	struct measure	*m;

	(void)state;
	memset(&d, 0, sizeof(d));
	m = load(PLANNED "sumary: s\ncolor: red\nevidence:\n  - titel: t\n"
	    "    url: files/a.pdf\n    title: t\n---\n", &d);
	assert_non_null(m);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 3);
	assert_diag(&d, 8, 1, SEV_WARNING, "unknown field 'sumary' is ignored "
	    "(did you mean 'summary'?)");
	assert_diag(&d, 9, 1, SEV_WARNING, "unknown field 'color' is ignored");
	assert_false(has_diag(&d, 9, 1, SEV_WARNING, "did you mean"));
	assert_diag(&d, 11, 5, SEV_WARNING, "unknown field 'titel' is ignored "
	    "(did you mean 'title'?)");
	/* the misspelt field is not read */
	assert_null(m->summary);
	measure_free(m);
	diag_free(&d);
}

static void
duplicate_key(void **state)
{
	(void)state;
	refused(PLANNED, "title: again\n", 8, 1, "field 'title' is written "
	    "twice (first on line 2)");
}

static void
not_a_measure(void **state)
{
	struct diags	 d;
	struct measure	*m;

	(void)state;
	memset(&d, 0, sizeof(d));
	m = load("---\n- title: t\n---\n", &d);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 2, 1, SEV_ERROR, "the front matter must be a map of "
	    "'field: value' lines, but here it is a list");
	diag_free(&d);

	m = load("---\njust words\n---\n", &d);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 2, 1, SEV_ERROR, "but here it is a single value");
	diag_free(&d);

	m = load("title: t\n", &d);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 1, 1, SEV_ERROR, "a measure file must start with "
	    "front matter");
	diag_free(&d);

	m = load("---\ntitle: t\n", &d);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 1, 1, SEV_ERROR, "never closed");
	diag_free(&d);

	m = load("---\ntitle: &a t\nsummary: *a\n---\n", &d);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 3, 10, SEV_ERROR, "aliases");
	diag_free(&d);
}

/* Several problems in one file are all reported. */
static void
many_errors(void **state)
{
	struct diags	 d;
	struct measure	*m;

	(void)state;
	memset(&d, 0, sizeof(d));
	m = load("---\ntitle: t\nfiscal_year: 2566\nareas: [EIT, XIT]\n"
	    "owners: []\nperiod: whole-year\nstatus: unknown\n"
	    "indicator: 99\n---\n", &d);
	assert_null(m);
	assert_int_equal(d.errors, 4);
	assert_diag(&d, 4, 14, SEV_ERROR, "unknown area 'XIT'");
	assert_diag(&d, 5, 9, SEV_ERROR, "'owners' is an empty list");
	assert_diag(&d, 7, 9, SEV_ERROR, "unknown status 'unknown'");
	assert_diag(&d, 8, 12, SEV_ERROR, "'indicator' is 99");
	diag_free(&d);
}

/* Windows line ends: same fields, same lines. */
static void
crlf_file(void **state)
{
	struct measure	*m;
	struct diags	 d;

	(void)state;
	m = load_ok("---\r\ntitle: t\r\nfiscal_year: 2566\r\nareas: EIT\r\n"
	    "owners: o\r\nperiod: whole-year\r\nstatus: done\r\n---\r\n"
	    "\r\nbody\r\n");
	assert_string_equal(m->title, "t");
	assert_string_equal(m->owners[0], "o");
	assert_int_equal(m->status, STATUS_DONE);
	measure_free(m);

	/* The body's lines are counted as the editor shows them. */
	memset(&d, 0, sizeof(d));
	m = load("---\r\ntitle: t\r\nfiscal_year: 2566\r\nareas: EIT\r\n"
	    "owners: o\r\nperiod: whole-year\r\nstatus: done\r\n---\r\n"
	    "\r\nbody\rx\r\n", &d);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 10, 5, SEV_ERROR, "carriage return (CR) is here on "
	    "its own");
	measure_free(m);
	diag_free(&d);

	memset(&d, 0, sizeof(d));
	m = load("---\r\ntitle: t\r\nfiscal_year: 2566\r\nareas: EIT\r\n"
	    "owners: o\r\nperiod: whole-year\r\nstatus: finished\r\n---\r\n",
	    &d);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 7, 9, SEV_ERROR, "unknown status 'finished'");
	diag_free(&d);
}

static struct measure *
with_body(const char *body)
{
	struct measure	*m;
	char		*s;

	s = xasprintf(PLANNED "---\n%s", body);
	m = load_ok(s);
	free(s);
	assert_non_null(m->html);
	return m;
}

/* The body's HTML, made block by block, is what cmark-gfm makes of the whole. */
static void
markdown_blocks_whole(void **state)
{
	static const char *const bodies[] = {
		"",
		"one line",
		"# H1\n\npara *em* <b>raw</b>\n\n- a\n- b\n\n  more\n\n"
		"1. x\n2. y\n\n```\ncode\n```\n\n    indented\n\n> quote\n"
		"> - [ ] task\n> - [x] done\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n"
		"\n---\n\n<div>block</div>\n\nhttps://example.go.th ~~s~~\n"
		"[ref]\n\n[ref]: /x \"t\"\n",
		"## วิธีการดำเนินการ\n\n๑. ข้อ\n\n## ผลการดำเนินงาน\n\n"
		"- [x] ครบ ๑๐๐ %\n",
	};
	cmark_parser	*p;
	cmark_node	*doc;
	struct body	*b;
	char		*whole;
	size_t		 i, k;
	int		 unsafe;

	(void)state;
	for (unsafe = 0; unsafe <= 1; unsafe++)
	for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		int opts = CMARK_OPT_DEFAULT | (unsafe ? CMARK_OPT_UNSAFE : 0);
		const char *ext[] = { "table", "tasklist", "strikethrough",
		    "autolink", "tagfilter" };

		p = cmark_parser_new(opts);
		for (k = 0; k < sizeof(ext) / sizeof(ext[0]); k++)
			cmark_parser_attach_syntax_extension(p,
			    cmark_find_syntax_extension(ext[k]));
		cmark_parser_feed(p, bodies[i], strlen(bodies[i]));
		doc = cmark_parser_finish(p);
		whole = cmark_render_html(doc, opts,
		    cmark_parser_get_syntax_extensions(p));
		b = markdown_render(bodies[i], unsafe);
		assert_string_equal(html_all(b), whole);
		body_free(b);
		free(whole);
		cmark_node_free(doc);
		cmark_parser_free(p);
	}
}

/* Column col of a body as one string (owned), or NULL if it has none. */
static char *
column(const struct body *b, enum column col)
{
	struct buf	 t = { NULL, 0, 0 };
	size_t		 k = 0, off, len;
	const char	*all = html_all(b);

	while (body_run(b, col, &k, &off, &len))
		buf_addn(&t, all + off, len);
	return t.s;
}

/*
 * A body is kept compressed and unpacks to what it was: a long Thai
 * body takes less than half its bytes, an empty one unpacks to "", and
 * body_run() gives the whole body as one run and a column run by run.
 */
static void
markdown_packed(void **state)
{
	struct buf	 src = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	struct body	*b;
	size_t		 i, k = 0, off, len;

	(void)state;
	buf_add(&src, "## วิธีการดำเนินการ\n\n");
	for (i = 0; i < 200; i++) {
		buf_add(&src, "- จัดอบรมเจ้าหน้าที่เรื่องการเปิดเผยข้อมูล\n");
		buf_add(&want, "<li>จัดอบรมเจ้าหน้าที่เรื่องการเปิดเผยข้อมูล</li>\n");
	}
	b = markdown_render(src.s, 0);
	assert_true(b->zlen * 2 < b->len);
	assert_int_equal(strlen(html_all(b)), b->len);
	assert_non_null(strstr(html_all(b), want.s));
	assert_true(body_run(b, COL_NONE, &k, &off, &len));
	assert_int_equal(off, 0);
	assert_int_equal(len, b->len);
	assert_false(body_run(b, COL_NONE, &k, &off, &len));
	k = 0;
	assert_true(body_run(b, COL_METHODS, &k, &off, &len));
	assert_true(len > 200 * strlen("<li></li>"));
	assert_false(body_run(b, COL_METHODS, &k, &off, &len));
	k = 0;
	assert_false(body_run(b, COL_RESULT, &k, &off, &len));
	body_free(b);
	b = markdown_render("", 0);
	assert_int_equal(b->len, 0);
	assert_string_equal(html_all(b), "");
	body_free(b);
	free(src.s);
	free(want.s);
}

static void
markdown_sections(void **state)
{
	struct measure	*m;
	char		*me, *re;

	(void)state;
	m = with_body("บทนำ **สำคัญ**\n\n"
	    "## วิธีการดำเนินการ\n\nจัดอบรม A\n\n- ข้อ 1\n\n"
	    "## ผลการดำเนินงาน\n\nดำเนินการครบ B\n\n"
	    "## อื่น ๆ\n\nหมายเหตุ C\n");
	assert_non_null(strstr(html_all(m->html), "<h2>วิธีการดำเนินการ</h2>"));
	assert_non_null(strstr(html_all(m->html), "หมายเหตุ C"));
	assert_non_null(me = column(m->html, COL_METHODS));
	assert_non_null(strstr(me, "<p>จัดอบรม A</p>"));
	assert_non_null(strstr(me, "<li>ข้อ 1</li>"));
	assert_null(strstr(me, "ดำเนินการครบ B"));
	assert_null(strstr(me, "<h2>"));
	assert_non_null(re = column(m->html, COL_RESULT));
	assert_non_null(strstr(re, "ดำเนินการครบ B"));
	assert_null(strstr(re, "จัดอบรม A"));
	/* another heading closes the section */
	assert_null(strstr(re, "หมายเหตุ C"));
	assert_null(strstr(me, "หมายเหตุ C"));
	free(me);
	free(re);
	assert_non_null(m->html->first_para);
	assert_string_equal(m->html->first_para, "บทนำ สำคัญ");
	measure_free(m);

	/* other spellings: a trailing colon, English headings */
	m = with_body("## ผลการดำเนินการ:\n\nR\n\n## Methods\n\nM\n");
	assert_non_null(re = column(m->html, COL_RESULT));
	assert_string_equal(re, "<p>R</p>\n");
	assert_non_null(me = column(m->html, COL_METHODS));
	assert_string_equal(me, "<p>M</p>\n");
	free(me);
	free(re);
	measure_free(m);

	/* a column written in two places is both places, in order */
	m = with_body("## Methods\n\nM1\n\n## Result\n\nR\n\n"
	    "## วิธีการดำเนินการ\n\nM2\n");
	assert_int_equal(m->html->spansz, 3);
	assert_non_null(me = column(m->html, COL_METHODS));
	assert_string_equal(me, "<p>M1</p>\n<p>M2</p>\n");
	free(me);
	measure_free(m);

	/* no such headings: no sections */
	m = with_body("## อื่น ๆ\n\ntext\n");
	assert_false(body_has(m->html, COL_METHODS));
	assert_false(body_has(m->html, COL_RESULT));
	assert_int_equal(m->html->spansz, 0);
	measure_free(m);
}

static void
markdown_raw_html(void **state)
{
	struct measure	*m;

	(void)state;
	m = with_body("<div class=\"x\">กล่อง</div>\n\ntext <span>in</span> "
	    "line\n\n<script>alert(1)</script>\n");
	assert_null(strstr(html_all(m->html), "<div"));
	assert_null(strstr(html_all(m->html), "<span"));
	assert_null(strstr(html_all(m->html), "<script"));
	assert_non_null(strstr(html_all(m->html), "raw HTML omitted"));
	measure_free(m);

	cfg.unsafe_html = 1;
	m = with_body("<div class=\"x\">กล่อง</div>\n\n<script>alert(1)"
	    "</script>\n");
	cfg.unsafe_html = 0;
	assert_non_null(strstr(html_all(m->html), "<div class=\"x\">กล่อง</div>"));
	/* the tagfilter extension still disarms script */
	assert_null(strstr(html_all(m->html), "<script>"));
	measure_free(m);
}

static void
markdown_links(void **state)
{
	struct measure	*m;

	(void)state;
	m = with_body("[คลิก](javascript:alert(1)) "
	    "[b](JAVASCRIPT:alert(2)) [c](vbscript:x) "
	    "[d](data:text/html;base64,PHNjcmlwdD4=) "
	    "[ok](https://www.example.go.th/)\n");
	assert_null(strstr(html_all(m->html), "javascript:"));
	assert_null(strstr(html_all(m->html), "JAVASCRIPT:"));
	assert_null(strstr(html_all(m->html), "vbscript:"));
	assert_null(strstr(html_all(m->html), "data:text/html"));
	assert_non_null(strstr(html_all(m->html), ">คลิก</a>"));
	assert_non_null(strstr(html_all(m->html),
	    "<a href=\"https://www.example.go.th/\">ok</a>"));
	measure_free(m);
}

/* A measure with errors has no rendered body and nothing leaks. */
static void
errors_free_everything(void **state)
{
	struct diags	 d;
	struct measure	*m;

	(void)state;
	memset(&d, 0, sizeof(d));
	m = load("---\ntitle: t\nfiscal_year: 2566\nareas: EIT\n"
	    "owners: [a, b]\nperiod: ม.ค. - ก.พ. ๒๕๖๖\nstatus: done\n"
	    "summary: s\nevidence:\n  - title: t\n    url: files/a.pdf\n"
	    "  - title: t2\n    url: javascript:x\nupdates:\n"
	    "  - date: 2023-01\n    note: n\nslug: ok\n---\nbody\n", &d);
	assert_null(m);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 13, 10, SEV_ERROR, "javascript:x");
	diag_free(&d);
	measure_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(complete_measure),
		cmocka_unit_test(minimal_measure),
		cmocka_unit_test(fiscal_year_thai_digits),
		cmocka_unit_test(areas_values),
		cmocka_unit_test(owners_values),
		cmocka_unit_test(period_values),
		cmocka_unit_test(status_and_progress),
		cmocka_unit_test(draft_values),
		cmocka_unit_test(slug_values),
		cmocka_unit_test(slug_rules),
		cmocka_unit_test(required_fields),
		cmocka_unit_test(wrong_types),
		cmocka_unit_test(unknown_area_and_status),
		cmocka_unit_test(ranges),
		cmocka_unit_test(fiscal_year_range),
		cmocka_unit_test(dates),
		cmocka_unit_test(forgiving_readings),
		cmocka_unit_test(silent_slips),
		cmocka_unit_test(period_rules),
		cmocka_unit_test(evidence_urls),
		cmocka_unit_test(updates_rules),
		cmocka_unit_test(done_progress_warning),
		cmocka_unit_test(unknown_fields),
		cmocka_unit_test(duplicate_key),
		cmocka_unit_test(not_a_measure),
		cmocka_unit_test(many_errors),
		cmocka_unit_test(crlf_file),
		cmocka_unit_test(markdown_packed),
		cmocka_unit_test(markdown_sections),
		cmocka_unit_test(markdown_blocks_whole),
		cmocka_unit_test(markdown_raw_html),
		cmocka_unit_test(markdown_links),
		cmocka_unit_test(errors_free_everything),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
