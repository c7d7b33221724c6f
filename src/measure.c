/* measure.c: validates and normalises one measure file into struct measure (enums, ranges, dates, slugs). */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

static const char *const areanames[AREA__MAX] = {
	"IIT",		/* AREA_IIT */
	"EIT",		/* AREA_EIT */
	"OIT"		/* AREA_OIT */
};

static const char *const statusnames[STATUS__MAX] = {
	"planned",	/* STATUS_PLANNED */
	"in-progress",	/* STATUS_IN_PROGRESS */
	"done",		/* STATUS_DONE */
	"cancelled"	/* STATUS_CANCELLED */
};

static const char *const evidencefields[] = { "title", "url", NULL };
static const char *const updatefields[] = {
	"date", "progress", "status", "note", NULL
};
static const char *const periodfields[] = { "start", "end", NULL };

const char *
area_name(enum area a)
{
	return areanames[a];
}

const char *
status_name(enum status s)
{
	return statusnames[s];
}

/*
 * A status in words, by enum lang then enum status: the feeds' update
 * titles and the Thai CSV (the theme has its own words for pages).
 */
static const char *const statuswords[2][STATUS__MAX] = {
	{ "ยังไม่เริ่มดำเนินการ", "อยู่ระหว่างดำเนินการ",
	  "ดำเนินการแล้วเสร็จ", "ยกเลิก" },
	{ "planned", "in progress", "done", "cancelled" }
};

const char *
status_word(enum status s, enum lang lang)
{
	return statuswords[lang == LANG_TH ? 0 : 1][s];
}

/*
 * Is s a slug: [a-z0-9][a-z0-9-]*, at most SLUG_MAX characters?  It is
 * a folder name in the output, and file systems allow 255 bytes.
 */
int
slug_valid(const char *s)
{
	if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s))
		return 0;
	if (strlen(s) > SLUG_MAX)
		return 0;
	for (; *s != '\0'; s++)
		if (!(*s >= 'a' && *s <= 'z') && !isdigit((unsigned char)*s) &&
		    *s != '-')
			return 0;
	return 1;
}

static int
parse_area(const struct fctx *c, const struct ynode *n, unsigned *set)
{
	int	 a;

	if (n->type != Y_SCALAR) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("each area must be IIT, EIT or OIT"));
		return 0;
	}
	for (a = 0; a < AREA__MAX; a++)
		if (strcasecmp(n->value, areanames[a]) == 0)
			break;
	if (a == AREA__MAX) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("unknown area '%s': use IIT, EIT or OIT"), n->value);
		return 0;
	}
	if (*set & (1u << a))
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_WARNING,
		    _("area '%s' is listed twice"), areanames[a]);
	*set |= 1u << a;
	return 1;
}

static int
parse_areas(const struct fctx *c, const struct ynode *n, unsigned *set)
{
	size_t	 i;
	int	 ok = 1;

	*set = 0;
	if (n->type == Y_SCALAR)
		return parse_area(c, n, set);
	if (n->type != Y_SEQ || n->kidsz == 0) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'areas' must list at least one of IIT, EIT, OIT, "
		    "e.g. [IIT, EIT]"));
		return 0;
	}
	for (i = 0; i < n->kidsz; i++)
		ok &= parse_area(c, n->kids[i], set);
	return ok;
}

static int
parse_status(const struct fctx *c, const struct ynode *n, enum status *out)
{
	int	 s;

	if (n->type != Y_SCALAR) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'status' must be one word: planned, in-progress, done "
		    "or cancelled"));
		return 0;
	}
	for (s = 0; s < STATUS__MAX; s++)
		if (strcasecmp(n->value, statusnames[s]) == 0) {
			*out = (enum status)s;
			return 1;
		}
	/* ยังไม่ดำเนินการ, เสร็จแล้ว...: the meaning is certain. */
	if ((s = lenient_status(n->value)) >= 0) {
		*out = (enum status)s;
		return 1;
	}
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    _("unknown status '%s': use planned, in-progress, done or cancelled"),
	    n->value);
	return 0;
}

/*
 * Is end before start?  A month-precision date covers its whole month,
 * so 2023-01 does not end before 2023-01-27.
 */
static int
ends_before(const struct date *start, const struct date *end)
{
	if (end->year != start->year)
		return end->year < start->year;
	if (end->month != start->month)
		return end->month < start->month;
	return start->day && end->day && end->day < start->day;
}

static int
parse_period_map(const struct fctx *c, const struct ynode *n,
    struct period *p)
{
	struct ynode	*s, *e;
	int		 ok = 1;

	if (!field_keys(c, n, "'period'", periodfields))
		return 0;
	if ((s = ymap_get(n, "start")) == NULL)
		field_missing(c, n, "period: start");
	if ((e = ymap_get(n, "end")) == NULL)
		field_missing(c, n, "period: end");
	if (s == NULL || e == NULL)
		return 0;
	ok &= field_date(c, s, "period: start", &p->start);
	ok &= field_date(c, e, "period: end", &p->end);
	if (ok && ends_before(&p->start, &p->end)) {
		diag_add(c->d, c->file, e->pos.line, e->pos.col, SEV_ERROR,
		    _("the period ends before it starts (start %s, end %s)"),
		    s->value, e->value);
		return 0;
	}
	return ok;
}

/*
 * period: a map, "whole-year", or an editor's Thai wording.  The last two
 * need the fiscal year fy; 0 means it was wrong and is reported already.
 */
static int
parse_period(const struct fctx *c, const struct ynode *n, int fy,
    struct period *p)
{
	if (n->type == Y_MAP)
		return parse_period_map(c, n, p);
	if (fy == 0)
		return 0;
	if (n->type != Y_SCALAR) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'period' must be whole-year, a map with start and end, "
		    "or a Thai period such as \"ม.ค. - ก.พ. ๒๕๖๖\""));
		return 0;
	}
	if (strcmp(n->value, "whole-year") == 0) {
		p->whole_year = 1;
		fiscal_year_first(fy, &p->start);
		fiscal_year_last(fy, &p->end);
		return 1;
	}
	if (period_parse(n->value, fy, p) == 0) {
		p->text = xstrdup(n->value);
		return 1;
	}
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    _("cannot read the period \"%s\": write it like \"ม.ค. - ก.พ. "
	    "๒๕๖๖\", \"๒๗ ม.ค. - เม.ย. ๖๖\", whole-year, or as a map "
	    "with start: 2023-01 and end: 2023-02"), n->value);
	return 0;
}

/*
 * Warn when a period does not touch its fiscal year at all: usually a
 * year typed in the wrong era or a wrong fiscal_year.  Dates are shown
 * the way the editor reads them.
 */
static void
period_in_year(const struct fctx *c, const struct ynode *n,
    const struct period *p, int fy)
{
	struct period	 year;
	struct fmt	 th = { LANG_TH, DIGITS_THAI, ERA_BE };
	char		*a, *b1, *b2;

	memset(&year, 0, sizeof(year));
	fiscal_year_first(fy, &year.start);
	fiscal_year_last(fy, &year.end);
	if (!ends_before(&year.start, &p->end) &&
	    !ends_before(&p->start, &year.end))
		return;
	a = period_format(p, fy, &th);
	b1 = date_format(&year.start, DATE_FULL, &th);
	b2 = date_format(&year.end, DATE_FULL, &th);
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_WARNING,
	    _("the period (%s) lies outside fiscal year %d, which runs from "
	    "%s to %s; check the years"), a, fy, b1, b2);
	free(a);
	free(b1);
	free(b2);
}

/* A file under content/files/, or an http(s) address. */
static int
url_allowed(const char *u)
{
	const char	*p;

	if (strncasecmp(u, "https://", 8) == 0 ||
	    strncasecmp(u, "http://", 7) == 0)
		return u[strcspn(u, "://") + 3] != '\0' &&
		    strpbrk(u, " \t\r\n<>\"") == NULL;
	if (strncmp(u, "content/", 8) == 0)
		u += 8;
	if (strncmp(u, "files/", 6) != 0 || u[6] == '\0')
		return 0;
	for (p = u; *p != '\0'; p++)
		if ((p == u || p[-1] == '/') && p[0] == '.' &&
		    (p[1] == '.' || p[1] == '/' || p[1] == '\0'))
			return 0;
	return strpbrk(u, "\\:\"<>\t\r\n") == NULL;
}

static int
parse_evidence_item(const struct fctx *c, const struct ynode *n,
    struct evidence *ev)
{
	struct ynode	*t, *u;
	int		 ok;

	if (!field_keys(c, n, _("each evidence entry"), evidencefields))
		return 0;
	ev->pos = n->pos;
	t = ymap_get(n, "title");
	u = ymap_get(n, "url");
	if (t == NULL)
		field_missing(c, n, "evidence: title");
	if (u == NULL)
		field_missing(c, n, "evidence: url");
	if (t == NULL || u == NULL)
		return 0;
	ev->pos = u->pos;
	ok = field_str(c, t, "evidence: title", &ev->title);
	ok &= field_str(c, u, "evidence: url", &ev->url);
	if (ok && !url_allowed(ev->url)) {
		diag_add(c->d, c->file, u->pos.line, u->pos.col, SEV_ERROR,
		    _("evidence url \"%s\" is not allowed: use an https:// "
		    "or http:// address, or a file under content/files/ "
		    "written as files/NAME"), ev->url);
		ok = 0;
	}
	if (ok && strncmp(ev->url, "content/", 8) == 0)
		memmove(ev->url, ev->url + 8, strlen(ev->url + 8) + 1);
	return ok;
}

static int
parse_update_item(const struct fctx *c, const struct ynode *n,
    struct update *up)
{
	struct ynode	*v;
	int		 ok = 1;

	up->progress = -1;
	up->status = STATUS_NONE;
	if (!field_keys(c, n, _("each update"), updatefields))
		return 0;
	up->pos = n->pos;
	if ((v = ymap_get(n, "date")) == NULL) {
		field_missing(c, n, "updates: date");
		ok = 0;
	} else
		ok &= field_date(c, v, "updates: date", &up->date);
	if ((v = ymap_get(n, "progress")) != NULL)
		ok &= field_percent(c, v, "updates: progress",
		    &up->progress);
	if ((v = ymap_get(n, "status")) != NULL)
		ok &= parse_status(c, v, &up->status);
	if ((v = ymap_get(n, "note")) != NULL)
		ok &= field_str(c, v, "updates: note", &up->note);
	return ok;
}

/* Read a list of maps with one item parser; returns 1 if all were good. */
#define PARSE_LIST(c, n, f, arr, sz, fn) do {				\
	size_t	 i_;							\
	if ((n)->type != Y_SEQ) {					\
		diag_add((c)->d, (c)->file, (n)->pos.line, (n)->pos.col,\
		    SEV_ERROR, _("'%s' must be a list of entries, each "	\
		    "starting with '- '"), (f));				\
		ok = 0;							\
		break;							\
	}								\
	(arr) = xcalloc((n)->kidsz, sizeof(*(arr)));			\
	(sz) = (n)->kidsz;						\
	for (i_ = 0; i_ < (n)->kidsz; i_++)				\
		ok &= fn((c), (n)->kids[i_], &(arr)[i_]);		\
} while (0)

/*
 * An owner's name as one name: blanks trimmed and runs of them made one
 * space, zero-width characters dropped, so that names that look alike
 * are one owner with one page.
 */
static void
owner_clean(char *s)
{
	char		*w = s;
	const char	*r = s;
	int		 blank = 0;

	while (*r != '\0') {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r' ||
		    strncmp(r, "\xc2\xa0", 2) == 0) {
			r += *r == '\xc2' ? 2 : 1;
			blank = 1;
			continue;
		}
		/* U+200B-U+200D, U+2060, U+FEFF */
		if ((strncmp(r, "\xe2\x80", 2) == 0 && (unsigned char)r[2] >=
		    0x8b && (unsigned char)r[2] <= 0x8d) ||
		    strncmp(r, "\xe2\x81\xa0", 3) == 0 ||
		    strncmp(r, "\xef\xbb\xbf", 3) == 0) {
			r += 3;
			continue;
		}
		if (blank && w > s)
			*w++ = ' ';
		blank = 0;
		*w++ = *r++;
	}
	*w = '\0';
}

/*
 * An owner's name with the unit it belongs to in one form, "NAME
 * (PARENT)", however the blanks around the parentheses were typed, so
 * that "งานพัสดุ(กองคลัง)" is the same owner as "งานพัสดุ (กองคลัง)".
 */
static void
owner_parent_form(char **s)
{
	char	*p, *q;
	size_t	 n;

	if ((p = lenient_parent(*s, &n)) == NULL)
		return;
	owner_parent_form(&p);
	q = xasprintf("%.*s (%s)", (int)n, *s, p);
	free(p);
	free(*s);
	*s = q;
}

/*
 * Warn about several owners written as one ("งานก, งานข"): each would
 * lose its own page.  The name is kept as written.
 */
static void
owner_joined(const struct fctx *c, const struct ynode *at, const char *o)
{
	const char	*sep;
	char		*list;

	if ((sep = lenient_joined(o)) == NULL)
		return;
	list = lenient_as_list(o, sep);
	diag_add(c->d, c->file, at->pos.line, at->pos.col, SEV_WARNING,
	    _("owner '%s' looks like several owners joined by '%s', which "
	    "would be one owner with one page; if they are several, list "
	    "them: owners: %s"), o, sep[0] == ' ' ? sep + 1 : sep, list);
	free(list);
}

/*
 * Read owners: one owner listed twice would count the measure twice on
 * its page; the repeat is dropped with a warning.
 */
static int
parse_owners(const struct fctx *c, const struct ynode *n, struct measure *m)
{
	struct strmap	 seen = { 0 };
	size_t		 i, k, first;
	const struct ynode *at;

	if ((m->ownersz = field_strlist(c, n, "owners", &m->owners)) == 0)
		return 0;
	for (i = k = 0; i < m->ownersz; i++) {
		at = n->type == Y_SEQ ? n->kids[i] : n;
		owner_clean(m->owners[i]);
		owner_parent_form(&m->owners[i]);
		owner_joined(c, at, m->owners[i]);
		if ((first = strmap_get(&seen, m->owners[i])) != STRMAP_NONE) {
			diag_add(c->d, c->file, at->pos.line, at->pos.col,
			    SEV_WARNING, _("owner '%s' is already listed "
			    "(item %zu); the second one is left out"),
			    m->owners[i], first + 1);
			free(m->owners[i]);
			continue;
		}
		m->owners[k] = m->owners[i];
		strmap_put(&seen, m->owners[k], i);
		k++;
	}
	m->ownersz = k;
	strmap_free(&seen);
	return 1;
}

/* The readers of measure_fieldtab[]: each is called with NULL if absent. */
static int
read_title(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	return v == NULL || field_str(c, v, "title", &m->title);
}

static int
read_fiscal_year(const struct fctx *c, const struct ynode *v,
    struct measure *m)
{
	return v == NULL || field_year(c, v, &m->fiscal_year);
}

static int
read_areas(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	return v == NULL || parse_areas(c, v, &m->areas);
}

static int
read_indicator(const struct fctx *c, const struct ynode *v,
    struct measure *m)
{
	return v == NULL || field_int(c, v, "indicator", 1, 10,
	    &m->indicator);
}

static int
read_order(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	return v == NULL || (m->has_order = field_int(c, v, "order",
	    -1000000, 1000000, &m->order));
}

static int
read_owners(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	return v == NULL || parse_owners(c, v, m);
}

/* After fiscal_year: a period is read against its fiscal year. */
static int
read_period(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	if (v != NULL && parse_period(c, v, m->fiscal_year, &m->period) &&
	    m->fiscal_year)
		period_in_year(c, v, &m->period, m->fiscal_year);
	return 1;
}

static int
read_status(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	return v == NULL || parse_status(c, v, &m->status);
}

/* After status: done means 100 unless written. */
static int
read_progress(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	if (v == NULL) {
		if (m->status == STATUS_DONE)
			m->progress = 100;
		return 1;
	}
	if (!field_percent(c, v, "progress", &m->progress))
		return 0;
	if (m->status == STATUS_DONE && m->progress < 100)
		diag_add(c->d, c->file, v->pos.line, v->pos.col, SEV_WARNING,
		    _("status is done but progress is %d%%; set progress: 100 "
		    "or change the status"), m->progress);
	return 1;
}

static int
read_summary(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	return v == NULL || field_str(c, v, "summary", &m->summary);
}

static int
read_evidence(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	int	 ok = 1;

	if (v != NULL)
		PARSE_LIST(c, v, "evidence", m->evidence, m->evidencesz,
		    parse_evidence_item);
	return ok;
}

static int
read_updates(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	int	 ok = 1;

	if (v != NULL)
		PARSE_LIST(c, v, "updates", m->updates, m->updatesz,
		    parse_update_item);
	return ok;
}

static int
read_draft(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	return v == NULL || field_bool(c, v, "draft", &m->draft);
}

static int
read_published(const struct fctx *c, const struct ynode *v,
    struct measure *m)
{
	return v == NULL || field_date(c, v, "published", &m->published);
}

/* The slug field, or else the file name (already in m->slug). */
static int
read_slug(const struct fctx *c, const struct ynode *v, struct measure *m)
{
	if (v != NULL) {
		free(m->slug);
		m->slug = NULL;
		if (!field_str(c, v, "slug", &m->slug))
			return 0;
		if (slug_valid(m->slug))
			return 1;
		diag_add(c->d, c->file, v->pos.line, v->pos.col, SEV_ERROR,
		    _("slug '%s' is not valid: use only lowercase a-z, 0-9 "
		    "and '-', starting with a letter or digit, at most %d of "
		    "them"), m->slug, SLUG_MAX);
		return 0;
	}
	if (slug_valid(m->slug))
		return 1;
	diag_add(c->d, c->file, 0, 0, SEV_ERROR, _("the file name '%s.md' "
	    "cannot be a web address: rename the file using only lowercase "
	    "a-z, 0-9 and '-' (e.g. e-service.md), or add a 'slug:' field"),
	    m->slug);
	return 0;
}

/* The open data of measure_fieldtab[]: each fills one datum. */
static void
d_str(struct datum *d, const char *s)
{
	d->type = s != NULL ? D_STR : D_NULL;
	d->s = s != NULL ? xstrdup(s) : NULL;
}

static void
d_int(struct datum *d, long i)
{
	d->type = D_INT;
	d->i = i;
}

/*
 * A date as a whole day, one format per column: a month-precision date
 * (day 0) is its first day, or with last its last day, so a period
 * written "2023-04" ends on 2023-04-30.
 */
static void
d_day(struct datum *d, const struct date *dt, int last)
{
	d->type = D_DATE;
	d->dt = *dt;
	if (d->dt.day == 0)
		d->dt.day = last ? date_days_in_month(dt->year, dt->month) : 1;
	d->s = date_iso(&d->dt);
}

static void
d_date(struct datum *d, const struct date *dt)
{
	d_day(d, dt, 0);
}

static void
data_slug(const struct config *cfg, const struct measure *m, struct datum *d)
{
	(void)cfg;
	d_str(d, m->slug);
}

static void
data_fiscal_year(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	d_int(d, m->fiscal_year);
}

static void
data_title(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	d_str(d, m->title);
}

static void
data_areas(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	int	 a;

	(void)cfg;
	d->type = D_LIST;
	d->v = xcalloc(AREA__MAX, sizeof(*d->v));
	for (a = 0; a < AREA__MAX; a++)
		if (m->areas & (1u << a))
			d->v[d->n++] = xstrdup(areanames[a]);
}

static void
data_indicator(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	if (m->indicator)
		d_int(d, m->indicator);
}

static void
data_order(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	if (m->has_order)
		d_int(d, m->order);
}

static void
data_owners(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	size_t	 i;

	(void)cfg;
	d->type = D_LIST;
	d->v = xcalloc(m->ownersz, sizeof(*d->v));
	for (i = 0; i < m->ownersz; i++)
		d->v[d->n++] = xstrdup(m->owners[i]);
}

static void
data_period_start(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	d_date(d, &m->period.start);
}

static void
data_period_end(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	d_day(d, &m->period.end, 1);
}

static void
data_published(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	if (m->published.year != 0)
		d_date(d, &m->published);
}

static void
data_status(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	d_str(d, statusnames[m->status]);
	d->type = D_STATUS;
	d->i = m->status;
}

static void
data_progress(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	d_int(d, m->progress);
}

static void
data_summary(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	d_str(d, m->summary);
}

static void
data_url(const struct config *cfg, const struct measure *m, struct datum *d)
{
	char	*path = url_measure(m);

	d->type = D_STR;
	d->s = url_abs(cfg, path);
	free(path);
}

static void
data_update_count(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	(void)cfg;
	d_int(d, (long)m->updatesz);
}

static void
data_last_update(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	const struct update	*u = measure_last_update(m);

	(void)cfg;
	if (u != NULL)
		d_date(d, &u->date);
}

/* Evidence as title, URL pairs, the URLs absolute. */
static void
data_evidence(const struct config *cfg, const struct measure *m,
    struct datum *d)
{
	size_t	 i;
	char	*u;

	d->type = D_LINKS;
	d->v = xcalloc(m->evidencesz * 2 + 1, sizeof(*d->v));
	for (i = 0; i < m->evidencesz; i++) {
		d->v[2 * i] = xstrdup(m->evidence[i].title);
		u = url_link(cfg, cfg->base_url, m->evidence[i].url);
		d->v[2 * i + 1] = u != NULL ? u :
		    xstrdup(m->evidence[i].url);
	}
	d->n = m->evidencesz;
}

/*
 * Every field of a measure: the front matter keys (read in this order,
 * the late ones after the rest) and the open data columns (in this
 * order, named in English and in the Thai CSV).  Adding a field: a
 * row, its reader and data function, its slot in enum field and struct
 * measure, the model, the theme, tests.
 */
const struct mfield measure_fieldtab[] = {
	{ "slug", F_SLUG, 0, 1, read_slug, "slug", data_slug, NULL,
	    "รหัสมาตรการ" },
	{ "fiscal_year", F_FISCAL_YEAR, 1, 0, read_fiscal_year,
	    "fiscal_year", data_fiscal_year, NULL,
	    "ปีงบประมาณ" },
	{ "title", F_TITLE, 1, 0, read_title, "title", data_title, NULL,
	    "มาตรการ/แนวทาง" },
	{ "areas", F_AREAS, 1, 0, read_areas, "areas", data_areas, " ",
	    "ด้านการประเมิน" },
	{ "indicator", F_INDICATOR, 0, 0, read_indicator, "indicator",
	    data_indicator, NULL,
	    "ตัวชี้วัด" },
	{ "order", F_ORDER, 0, 0, read_order, "order", data_order, NULL,
	    "ลำดับในรายงาน" },
	{ "owners", F_OWNERS, 1, 0, read_owners, "owners", data_owners,
	    " | ",
	    "ผู้รับผิดชอบ" },
	{ "period", F_PERIOD, 1, 1, read_period, "period_start",
	    data_period_start, NULL,
	    "วันเริ่มดำเนินการ" },
	{ NULL, F_NONE, 0, 0, NULL, "period_end", data_period_end, NULL,
	    "วันสิ้นสุดการดำเนินการ" },
	{ "published", F_PUBLISHED, 0, 0, read_published, "published",
	    data_published, NULL,
	    "วันที่เผยแพร่" },
	{ "status", F_STATUS, 1, 0, read_status, "status", data_status,
	    NULL,
	    "สถานะ" },
	{ "progress", F_PROGRESS, 0, 1, read_progress, "progress",
	    data_progress, NULL,
	    "ความคืบหน้า (ร้อยละ)" },
	{ "summary", F_SUMMARY, 0, 0, read_summary, "summary", data_summary,
	    NULL,
	    "สรุป" },
	{ NULL, F_NONE, 0, 0, NULL, "url", data_url, NULL,
	    "ที่อยู่เว็บไซต์" },
	{ "updates", F_UPDATES, 0, 0, read_updates, "update_count",
	    data_update_count, NULL,
	    "จำนวนครั้งที่รายงานความคืบหน้า" },
	{ NULL, F_NONE, 0, 0, NULL, "last_update", data_last_update, NULL,
	    "วันที่รายงานความคืบหน้าล่าสุด" },
	{ "evidence", F_EVIDENCE, 0, 0, read_evidence, "evidence",
	    data_evidence, " | ",
	    "เอกสารหลักฐาน" },
	{ "draft", F_DRAFT, 0, 0, read_draft, NULL, NULL, NULL,
	    NULL },
};
const size_t measure_fieldsz =
    sizeof(measure_fieldtab) / sizeof(measure_fieldtab[0]);

/* The keys of measure_fieldtab[], NULL-terminated, for field_keys(). */
static const char *knownkeys[sizeof(measure_fieldtab) /
    sizeof(measure_fieldtab[0]) + 1];
static pthread_once_t knownonce = PTHREAD_ONCE_INIT;

static void
knownkeys_fill(void)
{
	size_t	 i, k = 0;

	for (i = 0; i < measure_fieldsz; i++)
		if (measure_fieldtab[i].key != NULL)
			knownkeys[k++] = measure_fieldtab[i].key;
	knownkeys[k] = NULL;
}

/* Read every field of root into m, as measure_fieldtab[] says. */
static void
measure_read(const struct fctx *c, const struct ynode *root,
    struct measure *m)
{
	const struct mfield	*f;
	struct ynode		*v;
	size_t			 i;
	int			 late;

	for (i = 0; i < measure_fieldsz; i++) {
		f = &measure_fieldtab[i];
		if (f->key == NULL)
			continue;
		if ((v = ymap_get(root, f->key)) != NULL)
			m->pos[f->f] = v->pos;
		else if (f->required)
			field_missing(c, root, f->key);
	}
	for (late = 0; late < 2; late++)
		for (i = 0; i < measure_fieldsz; i++) {
			f = &measure_fieldtab[i];
			if (f->key != NULL && f->late == late)
				f->read(c, ymap_get(root, f->key), m);
		}
}

/*
 * Warn about an update log that disagrees with the rest of the file: an
 * update dated outside the fiscal year, or a newest update whose
 * progress or status is not the measure's (one of them was not copied
 * up when the last update was added).
 */
static void
updates_check(const struct fctx *c, const struct measure *m)
{
	struct fmt		 th = { LANG_TH, DIGITS_THAI, ERA_BE };
	const struct update	*u;
	struct date		 first, last;
	char			*when, *b1, *b2;
	size_t			 i;

	if (m->updatesz == 0 || m->fiscal_year == 0)
		return;
	fiscal_year_first(m->fiscal_year, &first);
	fiscal_year_last(m->fiscal_year, &last);
	for (i = 0; i < m->updatesz; i++) {
		u = &m->updates[i];
		if (!ends_before(&first, &u->date) &&
		    !ends_before(&u->date, &last))
			continue;
		when = date_format(&u->date, DATE_FULL, &th);
		b1 = date_format(&first, DATE_FULL, &th);
		b2 = date_format(&last, DATE_FULL, &th);
		diag_add(c->d, c->file, u->pos.line, u->pos.col, SEV_WARNING,
		    _("this update is dated %s, outside fiscal year %d, which "
		    "runs from %s to %s; check the year"), when,
		    m->fiscal_year, b1, b2);
		free(when);
		free(b1);
		free(b2);
	}
	u = measure_last_update(m);
	when = date_format(&u->date, DATE_FULL, &th);
	if (u->progress >= 0 && u->progress != m->progress &&
	    m->pos[F_PROGRESS].line != 0)
		diag_add(c->d, c->file, m->pos[F_PROGRESS].line,
		    m->pos[F_PROGRESS].col, SEV_WARNING, _("progress is %d%% "
		    "but the newest update (%s) says %d%%; make them agree"),
		    m->progress, when, u->progress);
	if (u->status != STATUS_NONE && u->status != m->status)
		diag_add(c->d, c->file, m->pos[F_STATUS].line,
		    m->pos[F_STATUS].col, SEV_WARNING, _("status is %s but the "
		    "newest update (%s) says %s; make them agree"),
		    statusnames[m->status], when, statusnames[u->status]);
	free(when);
}

/*
 * Load one measure from buf (the file's text after any BOM, valid UTF-8).
 * file is the path shown in diagnostics; fileslug is the file name
 * without ".md".  Returns a new measure (free with measure_free()), or
 * NULL after adding at least one error to d.
 */
struct measure *
measure_load(const char *file, const char *fileslug, const char *buf,
    size_t sz, const struct config *cfg, struct diags *d)
{
	struct fctx	 c = { file, 1, d };
	struct measure	*m;
	struct ynode	*root = NULL;
	size_t		 errs = d->errors;

	pthread_once(&knownonce, knownkeys_fill);
	m = xcalloc(1, sizeof(*m));
	m->path = xstrdup(file);
	m->slug = xstrdup(fileslug);
	if ((root = doc_split(&c, buf, sz, _("measure"), &m->body)) == NULL)
		goto out;
	if (!field_keys(&c, root, _("the front matter"), knownkeys))
		goto out;
	measure_read(&c, root, m);
	if (d->errors == errs)
		updates_check(&c, m);
	if (d->errors == errs)
		m->html = markdown_render(m->body, cfg->unsafe_html);
	/* Only the HTML is needed from here on; big sites need the memory. */
	free(m->body);
	m->body = NULL;
out:
	ynode_free(root);
	if (d->errors > errs) {
		measure_free(m);
		return NULL;
	}
	return m;
}

/* Free what a column's data function put in d. */
void
datum_free(struct datum *d)
{
	size_t	 i;

	free(d->s);
	for (i = 0; d->v != NULL && i < (d->type == D_LINKS ? 2 * d->n :
	    d->n); i++)
		free(d->v[i]);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

void
measure_free(struct measure *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	free(m->path);
	free(m->slug);
	free(m->title);
	strlist_free(m->owners, m->ownersz);
	free(m->period.text);
	free(m->summary);
	for (i = 0; i < m->evidencesz; i++) {
		free(m->evidence[i].title);
		free(m->evidence[i].url);
	}
	free(m->evidence);
	for (i = 0; i < m->updatesz; i++)
		free(m->updates[i].note);
	free(m->updates);
	free(m->body);
	body_free(m->html);
	free(m->sortkey);
	free(m->ownerix);
	free(m);
}
/*
 * The date a measure was published: its `published` field, else the
 * date its file first entered the site's git history, else the start
 * of its period.
 */
void
measure_published(const struct measure *m, struct date *out)
{
	if (m->published.year != 0)
		*out = m->published;
	else if (m->added.year != 0)
		*out = m->added;
	else
		*out = m->period.start;
}

/* The newest entry of m's update log, or NULL if it has none. */
const struct update *
measure_last_update(const struct measure *m)
{
	const struct update	*u = NULL;
	size_t			 i;

	for (i = 0; i < m->updatesz; i++)
		if (u == NULL || date_cmp(&m->updates[i].date, &u->date) > 0)
			u = &m->updates[i];
	return u;
}

/*
 * When m last changed as far as the content says: its newest update,
 * else its published date (or period start).
 */
void
measure_changed(const struct measure *m, struct date *out)
{
	const struct update	*u;

	if ((u = measure_last_update(m)) != NULL)
		*out = u->date;
	else
		measure_published(m, out);
}
