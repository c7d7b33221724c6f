/* opendata.c: writes the open data files data/measures.json (jansson) and data/measures.csv (RFC 4180, UTF-8 BOM), for all years and per fiscal year. */
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

/*
 * The CSV text of a JSON value: strings as they are, numbers in ASCII
 * digits, null empty, arrays joined with sep (evidence entries as
 * "title <url>").  The caller frees it.
 */
static char *
csv_text(const json_t *v, const char *sep)
{
	struct buf	 b = { NULL, 0, 0 };
	const json_t	*e;
	size_t		 i;
	char		*s;

	buf_add(&b, "");
	if (json_is_string(v))
		buf_add(&b, json_string_value(v));
	else if (json_is_integer(v)) {
		s = xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
		buf_add(&b, s);
		free(s);
	} else if (json_is_array(v))
		json_array_foreach(v, i, e) {
			if (i > 0)
				buf_add(&b, sep);
			if (json_is_object(e)) {
				buf_add(&b, json_string_value(
				    json_object_get(e, "title")));
				buf_add(&b, " <");
				buf_add(&b, json_string_value(
				    json_object_get(e, "url")));
				buf_add(&b, ">");
			} else
				buf_add(&b, json_string_value(e));
		}
	return b.s;
}

/* The CSV file of the measures in list (the JSON objects), with a BOM. */
static char *
csv_render(const json_t *list, size_t *len)
{
	struct buf		 b = { NULL, 0, 0 };
	const struct mfield	*f;
	const json_t		*o;
	size_t			 i, c, k;
	char			*s;

	buf_add(&b, UTF8_BOM);
	for (c = k = 0; c < measure_fieldsz; c++)
		if ((f = &measure_fieldtab[c])->column != NULL) {
			if (k++ > 0)
				buf_add(&b, ",");
			escape_csv(&b, f->column);
		}
	buf_add(&b, "\r\n");
	json_array_foreach(list, i, o) {
		for (c = k = 0; c < measure_fieldsz; c++) {
			if ((f = &measure_fieldtab[c])->column == NULL)
				continue;
			if (k++ > 0)
				buf_add(&b, ",");
			s = csv_text(json_object_get(o, f->column),
			    f->sep != NULL ? f->sep : JOIN);
			escape_csv(&b, s);
			free(s);
		}
		buf_add(&b, "\r\n");
	}
	*len = b.len;
	return b.s;
}

/* The JSON file: the site, then the measures (list, borrowed). */
static char *
json_render(const struct config *cfg, int year, json_t *list)
{
	json_t	*root;
	char	*s, *out;

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
	json_object_set_new(root, "count",
	    json_integer((json_int_t)json_array_size(list)));
	json_object_set(root, "measures", list);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (s == NULL)
		return NULL;
	out = xasprintf("%s\n", s);
	free(s);
	return out;
}

/* Write the JSON and CSV pair of year (0: all years) from list. */
static int
pair_write(const struct config *cfg, int year, json_t *list,
    struct publish *p, size_t *files, struct diags *d)
{
	char	*path, *text;
	size_t	 len;
	int	 ok;

	path = url_data(year, "json");
	if ((text = json_render(cfg, year, list)) == NULL) {
		diag_add(d, path, 0, 0, SEV_ERROR,
		    _("cannot write the open data"));
		free(path);
		return 0;
	}
	if ((ok = publish_write(p, path, text, strlen(text))))
		(*files)++;
	free(text);
	free(path);
	if (!ok)
		return 0;
	path = url_data(year, "csv");
	text = csv_render(list, &len);
	if ((ok = publish_write(p, path, text, len)))
		(*files)++;
	free(text);
	free(path);
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
	json_t			*all, *year, *o;
	size_t			 i, k;
	int			 ok = 1;

	all = json_array();
	for (i = 0; ok && i < ix->yearsz; i++) {
		yg = &ix->years[i];
		if (yg->sz == 0)
			continue;
		year = json_array();
		for (k = 0; k < yg->sz; k++) {
			o = measure_json(&s->cfg, yg->m[k]);
			json_array_append(all, o);
			json_array_append_new(year, o);
		}
		ok = pair_write(&s->cfg, yg->year, year, p, files, d);
		json_decref(year);
	}
	if (ok)
		ok = pair_write(&s->cfg, 0, all, p, files, d);
	json_decref(all);
	if (ok)
		ok = oit_write(s, ix, p, files);
	return ok;
}
