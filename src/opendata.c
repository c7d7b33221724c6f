/* opendata.c: writes the open data files data/measures.json (jansson) and data/measures.csv (RFC 4180, UTF-8 BOM), for all years and per fiscal year. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "extern.h"

#define UTF8_BOM	"\xef\xbb\xbf"
#define JOIN		" | "

/* The CSV columns, in order; the JSON keys are the same names. */
static const char *const columns[] = {
	"slug", "fiscal_year", "title", "areas", "indicator", "order",
	"owners", "period_start", "period_end", "published", "status",
	"progress", "summary", "url", "update_count", "last_update",
	"evidence", NULL
};

/* An evidence URL as a reader outside the site needs it. */
static char *
evidence_url(const struct config *cfg, const char *u)
{
	if (strncmp(u, "files/", 6) == 0)
		return url_abs(cfg, u);
	return escape_url(u);
}

static json_t *
json_str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* The ISO date of d as a JSON string. */
static json_t *
json_date(const struct date *d)
{
	char	*iso = date_iso(d);
	json_t	*j = json_string(iso);

	free(iso);
	return j;
}

/* One measure as a JSON object with the keys in columns[] order. */
static json_t *
measure_json(const struct config *cfg, const struct measure *m)
{
	const struct update	*u;
	json_t			*o, *v, *e;
	char			*s, *url;
	size_t			 i;
	int			 a;

	o = json_object();
	json_object_set_new(o, "slug", json_string(m->slug));
	json_object_set_new(o, "fiscal_year", json_integer(m->fiscal_year));
	json_object_set_new(o, "title", json_string(m->title));
	v = json_array();
	for (a = 0; a < AREA__MAX; a++)
		if (m->areas & (1u << a))
			json_array_append_new(v,
			    json_string(area_name((enum area)a)));
	json_object_set_new(o, "areas", v);
	json_object_set_new(o, "indicator", m->indicator ?
	    json_integer(m->indicator) : json_null());
	json_object_set_new(o, "order", m->has_order ?
	    json_integer(m->order) : json_null());
	v = json_array();
	for (i = 0; i < m->ownersz; i++)
		json_array_append_new(v, json_string(m->owners[i]));
	json_object_set_new(o, "owners", v);
	json_object_set_new(o, "period_start", json_date(&m->period.start));
	json_object_set_new(o, "period_end", json_date(&m->period.end));
	json_object_set_new(o, "published", m->published.year != 0 ?
	    json_date(&m->published) : json_null());
	json_object_set_new(o, "status", json_string(status_name(m->status)));
	json_object_set_new(o, "progress", json_integer(m->progress));
	json_object_set_new(o, "summary", json_str_or_null(m->summary));
	s = url_measure(m);
	url = url_abs(cfg, s);
	free(s);
	json_object_set_new(o, "url", json_string(url));
	free(url);
	json_object_set_new(o, "update_count", json_integer(
	    (json_int_t)m->updatesz));
	u = measure_last_update(m);
	json_object_set_new(o, "last_update", u != NULL ?
	    json_date(&u->date) : json_null());
	v = json_array();
	for (i = 0; i < m->evidencesz; i++) {
		e = json_object();
		json_object_set_new(e, "title",
		    json_string(m->evidence[i].title));
		s = evidence_url(cfg, m->evidence[i].url);
		json_object_set_new(e, "url", json_string(s));
		free(s);
		json_array_append_new(v, e);
	}
	json_object_set_new(o, "evidence", v);
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
	struct buf	 b = { NULL, 0, 0 };
	const json_t	*o;
	size_t		 i, c;
	char		*s;

	buf_add(&b, UTF8_BOM);
	for (c = 0; columns[c] != NULL; c++) {
		if (c > 0)
			buf_add(&b, ",");
		escape_csv(&b, columns[c]);
	}
	buf_add(&b, "\r\n");
	json_array_foreach(list, i, o) {
		for (c = 0; columns[c] != NULL; c++) {
			if (c > 0)
				buf_add(&b, ",");
			s = csv_text(json_object_get(o, columns[c]),
			    strcmp(columns[c], "areas") == 0 ? " " : JOIN);
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
		    "cannot write the open data");
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
	return ok;
}
