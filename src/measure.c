/* measure.c: validates and normalises one measure file into struct measure (enums, ranges, dates, slugs). */
#include <ctype.h>
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

static const char *const fieldnames[F__MAX] = {
	"title", "fiscal_year", "areas", "indicator", "order", "owners",
	"period", "status", "progress", "summary", "evidence", "updates",
	"draft", "slug", "published"
};

static const char *const knownfields[F__MAX + 1] = {
	"title", "fiscal_year", "areas", "indicator", "order", "owners",
	"period", "status", "progress", "summary", "evidence", "updates",
	"draft", "slug", "published", NULL
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
		    "each area must be IIT, EIT or OIT");
		return 0;
	}
	for (a = 0; a < AREA__MAX; a++)
		if (strcasecmp(n->value, areanames[a]) == 0)
			break;
	if (a == AREA__MAX) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    "unknown area '%s': use IIT, EIT or OIT", n->value);
		return 0;
	}
	if (*set & (1u << a))
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_WARNING,
		    "area '%s' is listed twice", areanames[a]);
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
		    "'areas' must list at least one of IIT, EIT, OIT, "
		    "e.g. [IIT, EIT]");
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
		    "'status' must be one word: planned, in-progress, done "
		    "or cancelled");
		return 0;
	}
	for (s = 0; s < STATUS__MAX; s++)
		if (strcasecmp(n->value, statusnames[s]) == 0) {
			*out = (enum status)s;
			return 1;
		}
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    "unknown status '%s': use planned, in-progress, done or cancelled",
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
		    "the period ends before it starts (start %s, end %s)",
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
		    "'period' must be whole-year, a map with start and end, "
		    "or a Thai period such as \"ม.ค. - ก.พ. ๒๕๖๖\"");
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
	    "cannot read the period \"%s\": write it like \"ม.ค. - ก.พ. "
	    "๒๕๖๖\", \"๒๗ ม.ค. - เม.ย. ๖๖\", whole-year, or as a map "
	    "with start: 2023-01 and end: 2023-02", n->value);
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
	    "the period (%s) lies outside fiscal year %d, which runs from "
	    "%s to %s; check the years", a, fy, b1, b2);
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

	if (!field_keys(c, n, "each evidence entry", evidencefields))
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
		    "evidence url \"%s\" is not allowed: use an https:// "
		    "or http:// address, or a file under content/files/ "
		    "written as files/NAME", ev->url);
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
	if (!field_keys(c, n, "each update", updatefields))
		return 0;
	up->pos = n->pos;
	if ((v = ymap_get(n, "date")) == NULL) {
		field_missing(c, n, "updates: date");
		ok = 0;
	} else
		ok &= field_date(c, v, "updates: date", &up->date);
	if ((v = ymap_get(n, "progress")) != NULL)
		ok &= field_int(c, v, "updates: progress", 0, 100,
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
		    SEV_ERROR, "'%s' must be a list of entries, each "	\
		    "starting with '- '", (f));				\
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
		if ((first = strmap_get(&seen, m->owners[i])) != STRMAP_NONE) {
			diag_add(c->d, c->file, at->pos.line, at->pos.col,
			    SEV_WARNING, "owner '%s' is already listed "
			    "(item %zu); the second one is left out",
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

/* Map fields whose meaning does not depend on other fields. */
static int
measure_fields(const struct fctx *c, const struct ynode *root,
    struct measure *m)
{
	struct ynode	*v;
	int		 ok = 1;
	int		 f;

	for (f = 0; f < F__MAX; f++)
		if ((v = ymap_get(root, fieldnames[f])) != NULL)
			m->pos[f] = v->pos;
	if ((v = ymap_get(root, "title")) != NULL)
		ok &= field_str(c, v, "title", &m->title);
	if ((v = ymap_get(root, "areas")) != NULL)
		ok &= parse_areas(c, v, &m->areas);
	if ((v = ymap_get(root, "indicator")) != NULL)
		ok &= field_int(c, v, "indicator", 1, 10, &m->indicator);
	if ((v = ymap_get(root, "order")) != NULL)
		ok &= (m->has_order = field_int(c, v, "order",
		    -1000000, 1000000, &m->order));
	if ((v = ymap_get(root, "owners")) != NULL)
		ok &= parse_owners(c, v, m);
	if ((v = ymap_get(root, "status")) != NULL)
		ok &= parse_status(c, v, &m->status);
	if ((v = ymap_get(root, "summary")) != NULL)
		ok &= field_str(c, v, "summary", &m->summary);
	if ((v = ymap_get(root, "evidence")) != NULL)
		PARSE_LIST(c, v, "evidence", m->evidence, m->evidencesz,
		    parse_evidence_item);
	if ((v = ymap_get(root, "updates")) != NULL)
		PARSE_LIST(c, v, "updates", m->updates, m->updatesz,
		    parse_update_item);
	if ((v = ymap_get(root, "draft")) != NULL)
		ok &= field_bool(c, v, "draft", &m->draft);
	if ((v = ymap_get(root, "published")) != NULL)
		ok &= field_date(c, v, "published", &m->published);
	return ok;
}

static int
measure_required(const struct fctx *c, const struct ynode *root)
{
	static const char *const req[] = {
		"title", "fiscal_year", "areas", "owners", "period",
		"status", NULL
	};
	size_t	 i;
	int	 ok = 1;

	for (i = 0; req[i] != NULL; i++)
		if (ymap_get(root, req[i]) == NULL) {
			field_missing(c, root, req[i]);
			ok = 0;
		}
	return ok;
}

/* Fields that depend on the fiscal year or the status. */
static int
measure_derived(const struct fctx *c, const struct ynode *root,
    struct measure *m)
{
	struct ynode	*v;
	int		 ok = 1, has_progress = 0;

	if ((v = ymap_get(root, "fiscal_year")) != NULL)
		ok = field_year(c, v, &m->fiscal_year);
	if ((v = ymap_get(root, "period")) != NULL &&
	    parse_period(c, v, m->fiscal_year, &m->period) && m->fiscal_year)
		period_in_year(c, v, &m->period, m->fiscal_year);
	if ((v = ymap_get(root, "progress")) != NULL) {
		ok &= (has_progress = field_int(c, v, "progress", 0, 100,
		    &m->progress));
		if (has_progress && m->status == STATUS_DONE &&
		    m->progress < 100)
			diag_add(c->d, c->file, v->pos.line, v->pos.col,
			    SEV_WARNING, "status is done but progress is "
			    "%d%%; set progress: 100 or change the status",
			    m->progress);
	} else if (m->status == STATUS_DONE)
		m->progress = 100;
	return ok;
}

static int
measure_slug(const struct fctx *c, const struct ynode *root,
    const char *fileslug, struct measure *m)
{
	struct ynode	*v;

	if ((v = ymap_get(root, "slug")) != NULL) {
		if (!field_str(c, v, "slug", &m->slug))
			return 0;
		if (slug_valid(m->slug))
			return 1;
		diag_add(c->d, c->file, v->pos.line, v->pos.col, SEV_ERROR,
		    "slug '%s' is not valid: use only lowercase a-z, 0-9 "
		    "and '-', starting with a letter or digit, at most %d of "
		    "them", m->slug, SLUG_MAX);
		return 0;
	}
	m->slug = xstrdup(fileslug);
	if (slug_valid(m->slug))
		return 1;
	diag_add(c->d, c->file, 0, 0, SEV_ERROR, "the file name '%s.md' "
	    "cannot be a web address: rename the file using only lowercase "
	    "a-z, 0-9 and '-' (e.g. e-service.md), or add a 'slug:' field",
	    fileslug);
	return 0;
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

	m = xcalloc(1, sizeof(*m));
	m->path = xstrdup(file);
	if ((root = doc_split(&c, buf, sz, "measure", &m->body)) == NULL)
		goto out;
	if (!field_keys(&c, root, "the front matter", knownfields))
		goto out;
	measure_required(&c, root);
	measure_fields(&c, root, m);
	measure_derived(&c, root, m);
	measure_slug(&c, root, fileslug, m);
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
 * start of its period.
 */
void
measure_published(const struct measure *m, struct date *out)
{
	*out = m->published.year != 0 ? m->published : m->period.start;
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
