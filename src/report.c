/* report.c: loads the per-year report files (content/reports/YYYY.md) and free pages (content/pages/NAME.md). */
#include <stdlib.h>
#include <string.h>

#include "extern.h"

static const char *const reportkeys[] = {
	"fiscal_year", "title", "period", "signed_by", "prepared_by", "date",
	NULL
};
static const char *const signerkeys[] = { "name", "position", NULL };
static const char *const pagekeys[] = {
	"title", "menu_order", "slug", NULL
};

/* Read a report's period: a start/end map or an editor's Thai wording. */
static int
report_period(const struct fctx *c, const struct ynode *n, int fy,
    struct period *p)
{
	struct ynode	*s, *e;

	if (n->type == Y_SCALAR) {
		if (period_parse(n->value, fy, p) == 0) {
			p->text = xstrdup(n->value);
			return 1;
		}
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("cannot read the reporting period \"%s\": write it like "
		    "\"ต.ค. ๒๕๖๕ – เม.ย. ๒๕๖๖\" or as a map with "
		    "start: 2022-10 and end: 2023-04"), n->value);
		return 0;
	}
	if (!field_keys(c, n, "'period'", (const char *const[]){ "start",
	    "end", NULL }))
		return 0;
	if ((s = ymap_get(n, "start")) == NULL ||
	    (e = ymap_get(n, "end")) == NULL) {
		field_missing(c, n, s == NULL ? "period: start" :
		    "period: end");
		return 0;
	}
	if (!field_date(c, s, "start", &p->start) ||
	    !field_date(c, e, "end", &p->end))
		return 0;
	if (date_cmp(&p->end, &p->start) < 0 &&
	    !(p->end.year == p->start.year && p->end.month == p->start.month)) {
		diag_add(c->d, c->file, e->pos.line, e->pos.col, SEV_ERROR,
		    _("the reporting period ends before it starts"));
		return 0;
	}
	return 1;
}

/* Read signed_by or prepared_by: a map of name and position, both needed. */
static int
report_signer(const struct fctx *c, const struct ynode *n, const char *f,
    struct signer *s)
{
	struct ynode	*name, *pos;
	char		*what;
	int		 ok;

	what = xasprintf("'%s'", f);
	ok = field_keys(c, n, what, signerkeys);
	free(what);
	if (!ok)
		return 0;
	name = ymap_get(n, "name");
	pos = ymap_get(n, "position");
	if (name == NULL || pos == NULL) {
		what = xasprintf("%s: %s", f, name == NULL ? "name" :
		    "position");
		field_missing(c, n, what);
		free(what);
		return 0;
	}
	return field_str(c, name, "name", &s->name) &&
	    field_str(c, pos, "position", &s->position);
}

/*
 * Load the report file for one fiscal year.  fileslug is the file name
 * without ".md", which should be the year.  Returns a new report (free
 * with report_free()), or NULL after adding errors to d.
 */
struct report *
report_load(const char *file, const char *fileslug, const char *buf,
    size_t sz, const struct config *cfg, struct diags *d)
{
	struct fctx	 c = { file, 1, d };
	struct report	*r;
	struct ynode	*root, *v;
	size_t		 errs = d->errors;
	long		 year;

	r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(file);
	if ((root = doc_split(&c, buf, sz, _("report"), &r->body)) == NULL)
		goto out;
	if (!field_keys(&c, root, _("the front matter"), reportkeys))
		goto out;
	if ((v = ymap_get(root, "title")) == NULL)
		field_missing(&c, root, "title");
	else
		field_str(&c, v, "title", &r->title);
	if ((v = ymap_get(root, "fiscal_year")) == NULL)
		field_missing(&c, root, "fiscal_year");
	else if (field_year(&c, v, &r->fiscal_year) && (!parse_int(fileslug, &year) ||
	    year != r->fiscal_year))
		diag_add(d, file, v->pos.line, v->pos.col, SEV_WARNING,
		    _("the file is named %s.md but its fiscal_year is %d; "
		    "name it %d.md"), fileslug, r->fiscal_year,
		    r->fiscal_year);
	if ((v = ymap_get(root, "period")) == NULL)
		field_missing(&c, root, "period");
	else if (r->fiscal_year)
		report_period(&c, v, r->fiscal_year, &r->period);
	if ((v = ymap_get(root, "signed_by")) != NULL)
		report_signer(&c, v, "signed_by", &r->signer);
	if ((v = ymap_get(root, "prepared_by")) != NULL)
		report_signer(&c, v, "prepared_by", &r->preparer);
	if ((v = ymap_get(root, "date")) != NULL &&
	    field_date(&c, v, "date", &r->date) && r->date.day == 0) {
		diag_add(d, file, v->pos.line, v->pos.col, SEV_ERROR,
		    _("the report's date needs its day: write it like "
		    "2566-05-15"));
	}
	if (d->errors == errs)
		r->html = markdown_render(r->body, cfg->unsafe_html);
out:
	ynode_free(root);
	if (d->errors > errs) {
		report_free(r);
		return NULL;
	}
	return r;
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	free(r->path);
	free(r->title);
	free(r->period.text);
	free(r->signer.name);
	free(r->signer.position);
	free(r->preparer.name);
	free(r->preparer.position);
	free(r->body);
	body_free(r->html);
	free(r);
}

/*
 * Load one free page such as about.md.  Returns a new page (free with
 * page_free()), or NULL after adding errors to d.
 */
struct page *
page_load(const char *file, const char *fileslug, const char *buf,
    size_t sz, const struct config *cfg, struct diags *d)
{
	struct fctx	 c = { file, 1, d };
	struct page	*p;
	struct ynode	*root, *v;
	size_t		 errs = d->errors;

	p = xcalloc(1, sizeof(*p));
	p->path = xstrdup(file);
	if ((root = doc_split(&c, buf, sz, _("page"), &p->body)) == NULL)
		goto out;
	if (!field_keys(&c, root, _("the front matter"), pagekeys))
		goto out;
	if ((v = ymap_get(root, "title")) == NULL)
		field_missing(&c, root, "title");
	else
		field_str(&c, v, "title", &p->title);
	if ((v = ymap_get(root, "menu_order")) != NULL)
		field_int(&c, v, "menu_order", -1000, 1000, &p->menu_order);
	if ((v = ymap_get(root, "slug")) != NULL)
		field_str(&c, v, "slug", &p->slug);
	else
		p->slug = xstrdup(fileslug);
	if (p->slug != NULL && !slug_valid(p->slug))
		diag_add(d, file, v ? v->pos.line : 0, v ? v->pos.col : 0,
		    SEV_ERROR, _("'%s' cannot be a web address: use only "
		    "lowercase a-z, 0-9 and '-', at most %d of them"), p->slug,
		    SLUG_MAX);
	if (d->errors == errs)
		p->html = markdown_render(p->body, cfg->unsafe_html);
out:
	ynode_free(root);
	if (d->errors > errs) {
		page_free(p);
		return NULL;
	}
	return p;
}

void
page_free(struct page *p)
{
	if (p == NULL)
		return;
	free(p->path);
	free(p->slug);
	free(p->title);
	free(p->body);
	body_free(p->html);
	free(p);
}
