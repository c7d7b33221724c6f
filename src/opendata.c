/* opendata.c: writes the open data files data/measures.json (jansson), data/measures.csv and the Thai data/measures-th.csv (RFC 4180, UTF-8 BOM), for all years and per fiscal year. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "extern.h"

#define UTF8_BOM	"\xef\xbb\xbf"
#define JOIN		" | "

static json_t *
json_str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* A datum as JSON. */
static json_t *
datum_json(const struct datum *d)
{
	json_t	*v, *e;
	size_t	 i;

	switch (d->type) {
	case D_STR:
	case D_DATE:
	case D_STATUS:
		return json_string(d->s);
	case D_INT:
		return json_integer(d->i);
	case D_LIST:
		v = json_array();
		for (i = 0; i < d->n; i++)
			json_array_append_new(v, json_string(d->v[i]));
		return v;
	case D_LINKS:
		v = json_array();
		for (i = 0; i < d->n; i++) {
			e = json_object();
			json_object_set_new(e, "title",
			    json_string(d->v[2 * i]));
			json_object_set_new(e, "url",
			    json_string(d->v[2 * i + 1]));
			json_array_append_new(v, e);
		}
		return v;
	default:
		return json_null();
	}
}

/* One measure as a JSON object: the columns of measure_fieldtab[]. */
static json_t *
measure_json(const struct config *cfg, const struct measure *m)
{
	const struct mfield	*f;
	struct datum		 d;
	json_t			*o;
	size_t			 i;

	o = json_object();
	for (i = 0; i < measure_fieldsz; i++) {
		f = &measure_fieldtab[i];
		if (f->column == NULL)
			continue;
		memset(&d, 0, sizeof(d));
		f->data(cfg, m, &d);
		json_object_set_new(o, f->column, datum_json(&d));
		datum_free(&d);
	}
	return o;
}

/* The Thai CSV's date: DD/MM/YYYY in the Buddhist Era, as Thai offices write it. */
static char *
date_th(const struct date *d)
{
	return xasprintf("%02d/%02d/%04d", d->day, d->month, year_be(d->year));
}

/*
 * The CSV text of a datum: strings as they are, numbers in ASCII
 * digits, null empty, lists joined with sep (evidence entries as
 * "title <url>"); for the Thai CSV (th), dates in the Buddhist Era and
 * statuses in Thai words.  The caller frees it.
 */
static char *
csv_text(const struct datum *d, const char *sep, int th)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	buf_add(&b, "");
	switch (d->type) {
	case D_STR:
		buf_add(&b, d->s);
		break;
	case D_DATE:
		if (th) {
			free(b.s);
			return date_th(&d->dt);
		}
		buf_add(&b, d->s);
		break;
	case D_STATUS:
		buf_add(&b, th ? status_word((enum status)d->i, LANG_TH) :
		    d->s);
		break;
	case D_INT:
		free(b.s);
		return xasprintf("%ld", d->i);
	case D_LIST:
	case D_LINKS:
		for (i = 0; i < d->n; i++) {
			if (i > 0)
				buf_add(&b, sep);
			if (d->type == D_LINKS) {
				buf_add(&b, d->v[2 * i]);
				buf_add(&b, " <");
				buf_add(&b, d->v[2 * i + 1]);
				buf_add(&b, ">");
			} else
				buf_add(&b, d->v[i]);
		}
		break;
	default:
		break;
	}
	return b.s;
}

/*
 * The CSV file of the measures v (sz of them), with a BOM: the columns
 * of measure_fieldtab[], named in English or, for the Thai CSV (th), in
 * Thai.
 */
static char *
csv_render(const struct config *cfg, struct measure *const *v, size_t sz,
    int th, size_t *len)
{
	struct buf		 b = { NULL, 0, 0 };
	const struct mfield	*f;
	struct datum		 d;
	size_t			 i, c, k;
	char			*s;

	buf_add(&b, UTF8_BOM);
	for (c = k = 0; c < measure_fieldsz; c++)
		if ((f = &measure_fieldtab[c])->column != NULL) {
			if (k++ > 0)
				buf_add(&b, ",");
			escape_csv(&b, th ? f->column_th : f->column);
		}
	buf_add(&b, "\r\n");
	for (i = 0; i < sz; i++) {
		for (c = k = 0; c < measure_fieldsz; c++) {
			if ((f = &measure_fieldtab[c])->column == NULL)
				continue;
			if (k++ > 0)
				buf_add(&b, ",");
			memset(&d, 0, sizeof(d));
			f->data(cfg, v[i], &d);
			s = csv_text(&d, f->sep != NULL ? f->sep : JOIN, th);
			escape_csv(&b, s);
			free(s);
			datum_free(&d);
		}
		buf_add(&b, "\r\n");
	}
	*len = b.len;
	return b.s;
}

/*
 * Add measure m to b as an item of the JSON file's "measures" list:
 * jansson's JSON_INDENT(2) text of it alone, every line indented two
 * levels more (a JSON string holds no raw newline), so the file reads
 * as if jansson had dumped it whole, without the whole tree of
 * objects in memory (hundreds of megabytes at national scale).
 */
static int
item_add(struct buf *b, const struct config *cfg, const struct measure *m)
{
	json_t		*o = measure_json(cfg, m);
	char		*s, *p, *nl;

	s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (s == NULL)
		return 0;
	buf_add(b, b->len > 0 ? ",\n    " : "    ");
	for (p = s; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		buf_addn(b, p, (size_t)(nl - p));
		buf_add(b, "\n    ");
	}
	buf_add(b, p);
	free(s);
	return 1;
}

/*
 * The JSON file: the site, then the measures, whose items (item_add())
 * are in items, as JSON_INDENT(2) places them.
 */
static char *
json_render(const struct config *cfg, int year, size_t count,
    const struct buf *items, size_t *len)
{
	struct buf	 b = { NULL, 0, 0 };
	json_t		*root;
	char		*s, *end;

	root = json_object();
	json_object_set_new(root, "title", json_string(cfg->title));
	json_object_set_new(root, "organization",
	    json_string(cfg->organization));
	json_object_set_new(root, "description",
	    json_str_or_null(cfg->description));
	json_object_set_new(root, "base_url", json_string(cfg->base_url));
	json_object_set_new(root, "generator",
	    json_string("Prongsai " VERSION));
	json_object_set_new(root, "fiscal_year", year ?
	    json_integer(year) : json_null());
	json_object_set_new(root, "count", json_integer((json_int_t)count));
	json_object_set_new(root, "measures", json_array());
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	/* The list is the last member: its "[]" ends the text but for "\n}". */
	if (s == NULL || (end = strrchr(s, '[')) == NULL) {
		free(s);
		return NULL;
	}
	buf_addn(&b, s, (size_t)(end - s) + 1);
	if (items->len > 0) {
		buf_add(&b, "\n");
		buf_addn(&b, items->s, items->len);
		buf_add(&b, "\n  ");
	}
	buf_add(&b, end + 1);
	buf_add(&b, "\n");
	free(s);
	*len = b.len;
	return b.s;
}

/*
 * Write the files of year (0: all years): the JSON with items, the
 * JSON of the measures v (item_add()), then the English and the Thai
 * CSV.
 */
static int
pair_write(const struct config *cfg, int year, const struct buf *items,
    struct measure *const *v, size_t sz, struct publish *p, size_t *files,
    struct diags *d)
{
	static const char *const csvs[] = { "csv", "csv-th" };
	char	*path, *text;
	size_t	 len, k;
	int	 ok;

	path = url_data(year, "json");
	if ((text = json_render(cfg, year, sz, items, &len)) == NULL) {
		diag_add(d, path, 0, 0, SEV_ERROR,
		    _("cannot write the open data"));
		free(path);
		return 0;
	}
	if ((ok = publish_write(p, path, text, len)))
		(*files)++;
	free(text);
	free(path);
	for (k = 0; ok && k < 2; k++) {
		path = url_data(year, csvs[k]);
		text = csv_render(cfg, v, sz, k == 1, &len);
		if ((ok = publish_write(p, path, text, len)))
			(*files)++;
		free(text);
		free(path);
	}
	return ok;
}

/*
 * Write the open data of site s with index ix into p: data/measures.json
 * and data/measures.csv with every measure (years ascending, report
 * order within a year), and data/YEAR/measures.json|csv for each year
 * that has measures.  The output depends on the content alone, so two
 * builds give the same bytes.  Adds the number of files written to
 * *files.  Returns 1, or 0 on failure with an error in d or, for I/O,
 * publish_error(p).
 */
int
opendata_write(const struct site *s, const struct index *ix,
    struct publish *p, size_t *files, struct diags *d)
{
	const struct yeargroup	*yg;
	struct measure		**v;
	struct buf		 all = { NULL, 0, 0 }, year;
	size_t			 i, k, n = 0;
	int			 ok = 1;

	v = xcalloc(s->measuresz ? s->measuresz : 1, sizeof(*v));
	for (i = 0; ok && i < ix->yearsz; i++) {
		yg = &ix->years[i];
		if (yg->sz == 0)
			continue;
		memset(&year, 0, sizeof(year));
		for (k = 0; ok && k < yg->sz; k++) {
			ok = item_add(&year, &s->cfg, yg->m[k]);
			v[n++] = yg->m[k];
		}
		if (ok && (ok = pair_write(&s->cfg, yg->year, &year, yg->m,
		    yg->sz, p, files, d))) {
			/* The same items, at the same depth, in the whole file. */
			if (all.len > 0)
				buf_add(&all, ",\n");
			buf_addn(&all, year.s, year.len);
		}
		free(year.s);
	}
	if (ok)
		ok = pair_write(&s->cfg, 0, &all, v, n, p, files, d);
	free(all.s);
	if (ok)
		ok = oit_write(s, ix, p, files);
	free(v);
	return ok;
}
