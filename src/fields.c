/* fields.c: reads typed values out of front matter nodes, with errors an editor can act on. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

static const char *const ytypenames[] = {
	N_("a single value"),	/* Y_SCALAR */
	N_("a list"),		/* Y_SEQ */
	N_("a map of fields")	/* Y_MAP */
};

/* Report that field f holds the wrong kind of value. */
static void
wrong_type(const struct fctx *c, const struct ynode *n, const char *f,
    const char *want)
{
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    _("'%s' must be %s, but here it is %s"), f, want,
	    _(ytypenames[n->type]));
}

/*
 * Read a text value that shows something, in the normal form
 * (text_norm()).  Sets *out to a new string the caller frees.  Returns 1 on success, 0 after reporting a problem.
 */
int
field_str(const struct fctx *c, const struct ynode *n, const char *f,
    char **out)
{
	if (n->type != Y_SCALAR) {
		wrong_type(c, n, f, _("text"));
		return 0;
	}
	if (text_blank(n->value)) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' is empty%s"), f, utf8_ascii(n->value) ? "" :
		    _(": it holds only spaces (perhaps no-break or zero-width "
		    "spaces copied from Word); write the text"));
		return 0;
	}
	*out = text_norm(n->value);
	return 1;
}

/* Parse a whole integer written with ASCII or Thai digits; 1 on success. */
int
parse_int(const char *text, long *out)
{
	char	*ascii, *s, *end;
	long	 v;
	int	 ok;

	ascii = digits_ascii(text);
	for (s = ascii; isspace((unsigned char)*s); s++)
		continue;
	errno = 0;
	v = strtol(s, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	ok = end != s && *end == '\0' && errno == 0 &&
	    (isdigit((unsigned char)*s) || *s == '-' || *s == '+');
	free(ascii);
	if (ok)
		*out = v;
	return ok;
}

/* Read a whole number in [min, max]; 1 on success. */
int
field_int(const struct fctx *c, const struct ynode *n, const char *f,
    long min, long max, int *out)
{
	long	 v;

	if (n->type != Y_SCALAR) {
		wrong_type(c, n, f, _("a whole number"));
		return 0;
	}
	if (!parse_int(n->value, &v)) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' must be a whole number, not \"%s\""), f, n->value);
		return 0;
	}
	if (v < min || v > max) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' is %ld, but it must be between %ld and %ld"),
		    f, v, min, max);
		return 0;
	}
	*out = (int)v;
	return 1;
}

/*
 * Read a percentage from 0 to 100, with or without its sign: "80",
 * "100%", "๑๐๐ %" are all read, as clerks write them.
 */
int
field_percent(const struct fctx *c, const struct ynode *n, const char *f,
    int *out)
{
	struct ynode	 bare;
	char		*num;
	int		 ok;

	if (n->type != Y_SCALAR || (num = lenient_percent(n->value)) == NULL)
		return field_int(c, n, f, 0, 100, out);
	bare = *n;
	bare.value = num;
	ok = field_int(c, &bare, f, 0, 100, out);
	free(num);
	return ok;
}

/* Read true/false (also yes/no); 1 on success. */
int
field_bool(const struct fctx *c, const struct ynode *n, const char *f,
    int *out)
{
	static const char *const yes[] = { "true", "yes", "on", NULL };
	static const char *const no[] = { "false", "no", "off", NULL };
	size_t	 i;

	if (n->type == Y_SCALAR)
		for (i = 0; yes[i] != NULL; i++) {
			if (strcasecmp(n->value, yes[i]) == 0) {
				*out = 1;
				return 1;
			}
			if (strcasecmp(n->value, no[i]) == 0) {
				*out = 0;
				return 1;
			}
		}
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    _("'%s' must be true or false"), f);
	return 0;
}

/* Read an ISO date (YYYY-MM-DD or YYYY-MM, CE or BE); 1 on success. */
int
field_date(const struct fctx *c, const struct ynode *n, const char *f,
    struct date *out)
{
	char	 iso[11];

	if (n->type != Y_SCALAR) {
		wrong_type(c, n, f, _("a date"));
		return 0;
	}
	switch (date_parse(n->value, out)) {
	case DATE_OK:
		return 1;
	case DATE_IMPOSSIBLE:
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' is %s, a date that does not exist"), f, n->value);
		return 0;
	default:
		if (lenient_dmy(n->value, iso)) {
			diag_add(c->d, c->file, n->pos.line, n->pos.col,
			    SEV_ERROR, _("'%s' is \"%s\", written day/month/"
			    "year: write year-month-day instead, here %s"),
			    f, n->value, iso);
			return 0;
		}
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' is \"%s\", which is not a date: write "
		    "YYYY-MM-DD or YYYY-MM, e.g. 2566-01-27 or 2023-01"),
		    f, n->value);
		return 0;
	}
}

/*
 * Read a list of texts; a single text is a list of one.  *out and its
 * strings are new, freed by the caller.  Returns the count, 0 on error.
 */
size_t
field_strlist(const struct fctx *c, const struct ynode *n, const char *f,
    char ***out)
{
	size_t	 i, sz = 0;
	char	**v;

	if (n->type == Y_MAP) {
		wrong_type(c, n, f, _("a list of texts"));
		return 0;
	}
	if (n->type == Y_SCALAR) {
		v = xcalloc(1, sizeof(*v));
		if (!field_str(c, n, f, &v[0])) {
			free(v);
			return 0;
		}
		*out = v;
		return 1;
	}
	if (n->kidsz == 0) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' is an empty list"), f);
		return 0;
	}
	v = xcalloc(n->kidsz, sizeof(*v));
	for (i = 0; i < n->kidsz; i++)
		if (field_str(c, n->kids[i], f, &v[sz]))
			sz++;
	if (sz < n->kidsz) {
		strlist_free(v, sz);
		return 0;
	}
	*out = v;
	return sz;
}

void
strlist_free(char **v, size_t sz)
{
	size_t	 i;

	for (i = 0; i < sz; i++)
		free(v[i]);
	free(v);
}

/* Edit distance, to suggest the field an editor probably meant. */
static size_t
distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, prev, tmp;
	size_t	 row[64];

	if (lb >= sizeof(row) / sizeof(row[0]) || la >= 64)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = a[i - 1] == b[j - 1] ? prev :
			    1 + (prev < row[j] ?
			    (prev < row[j - 1] ? prev : row[j - 1]) :
			    (row[j] < row[j - 1] ? row[j] : row[j - 1]));
			prev = tmp;
		}
	}
	return row[lb];
}

/*
 * Warn about every key of map that is not in known (NULL-terminated),
 * suggesting the closest known name.  Also checks that map is a map:
 * returns 0 (after an error naming what) if it is not.
 */
int
field_keys(const struct fctx *c, const struct ynode *map, const char *what,
    const char *const *known)
{
	size_t		 i, k, best, dist;
	const char	*guess;

	if (map->type != Y_MAP) {
		diag_add(c->d, c->file, map->pos.line, map->pos.col,
		    SEV_ERROR, _("%s must be a map of 'field: value' lines, "
		    "but here it is %s"), what, _(ytypenames[map->type]));
		return 0;
	}
	for (i = 0; i + 1 < map->kidsz; i += 2) {
		for (k = 0; known[k] != NULL; k++)
			if (strcmp(known[k], map->kids[i]->value) == 0)
				break;
		if (known[k] != NULL)
			continue;
		guess = NULL;
		best = 3;
		for (k = 0; known[k] != NULL; k++)
			if ((dist = distance(map->kids[i]->value,
			    known[k])) < best) {
				best = dist;
				guess = known[k];
			}
		if (guess)
			diag_add(c->d, c->file, map->kids[i]->pos.line,
			    map->kids[i]->pos.col, SEV_WARNING,
			    _("unknown field '%s' is ignored (did you mean "
			    "'%s'?)"), map->kids[i]->value, guess);
		else
			diag_add(c->d, c->file, map->kids[i]->pos.line,
			    map->kids[i]->pos.col, SEV_WARNING,
			    _("unknown field '%s' is ignored"),
			    map->kids[i]->value);
	}
	return 1;
}

/* An example line for each required field, shown when it is missing. */
static const char *const examples[][2] = {
	{ "title", "title: การนำเทคโนโลยีมาใช้ในการดำเนินงาน" },
	{ "fiscal_year", "fiscal_year: 2566" },
	{ "areas", "areas: [EIT]" },
	{ "owners", "owners: [เจ้าพนักงานธุรการ]" },
	{ "period", "period: whole-year" },
	{ "status", "status: in-progress" },
	{ "organization", "organization: องค์การบริหารส่วนตำบล…" },
	{ "base_url", "base_url: https://www.example.go.th/ita/" },
};

/* Report a required field that is missing from map. */
void
field_missing(const struct fctx *c, const struct ynode *map, const char *f)
{
	size_t	 i;
	unsigned line = map->pos.line ? map->pos.line : c->line0;
	unsigned col = map->pos.line ? map->pos.col : 1;

	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++)
		if (strcmp(examples[i][0], f) == 0) {
			diag_add(c->d, c->file, line, col, SEV_ERROR,
			    _("required field '%s' is missing; add a line "
			    "such as '%s'"), f, examples[i][1]);
			return;
		}
	diag_add(c->d, c->file, line, col, SEV_ERROR,
	    _("required field '%s' is missing"), f);
}

/*
 * Read a fiscal year: a Buddhist Era year from 2500 to 2700.  A Common
 * Era year is the commonest slip, so say how to convert it.
 */
int
field_year(const struct fctx *c, const struct ynode *n, int *out)
{
	long	 v;

	/* Compared with v itself: v + 543 overflows for a huge number. */
	if (n->type == Y_SCALAR && parse_int(n->value, &v) &&
	    v >= 2500 - 543 && v <= 2700 - 543) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'fiscal_year' is %ld, but fiscal years are written in "
		    "the Buddhist Era (พ.ศ.): did you mean %ld?"), v, v + 543);
		return 0;
	}
	return field_int(c, n, "fiscal_year", 2500, 2700, out);
}

/*
 * Read a score of the ITA: 0 to 100 with at most two decimals, as the
 * NACC reports it, into hundredths (87.45 is 8745), so that it is
 * written back exactly as given.  1 on success.
 */
int
field_score(const struct fctx *c, const struct ynode *n, const char *f,
    int *out)
{
	char		*ascii;
	const char	*p;
	long		 v = 0;
	int		 digits = 0, decimals = -1, ok;

	if (n->type != Y_SCALAR) {
		wrong_type(c, n, f, "a score");
		return 0;
	}
	ascii = digits_ascii(n->value);
	for (p = ascii; *p != '\0' && v <= 100000; p++) {
		if (*p == '.' && decimals < 0 && digits > 0)
			decimals = 0;
		else if (isdigit((unsigned char)*p) && decimals < 2) {
			v = v * 10 + (*p - '0');
			digits++;
			if (decimals >= 0)
				decimals++;
		} else
			break;
	}
	ok = *p == '\0' && digits > 0 && decimals != 0;
	free(ascii);
	if (!ok) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' must be a score from 0 to 100 with at most two "
		    "decimals, such as 87.45, not \"%s\""), f, n->value);
		return 0;
	}
	for (decimals = decimals < 0 ? 0 : decimals; decimals < 2; decimals++)
		v *= 10;
	if (v > 10000) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' is %s, but a score is at most 100"), f, n->value);
		return 0;
	}
	*out = (int)v;
	return 1;
}
