/* framework.c: finds and reads the ITA framework of a fiscal year (indicators, area names, report sections, O-items, weights, levels) from framework/YEAR.yaml in the data folders (util.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* How far from a year to look for the nearest framework file. */
#define FW_SEARCH	30

static const char *const fwkeys[] = {
	"fiscal_year", "areas", "indicators", "report_sections",
	"oit_groups", "oit_items", "weights", "levels", NULL
};
static const char *const areakeys[] = { "code", "th", "en", NULL };
static const char *const indkeys[] = { "number", "area", "th", "en", NULL };
static const char *const seckeys[] = { "areas", "th", "en", NULL };
static const char *const ogkeys[] = { "code", "indicator", "th", "en", NULL };
static const char *const oikeys[] = {
	"code", "group", "answered_by", "th", "en", NULL
};
static const char *const lvkeys[] = { "th", "en", "min", NULL };
static const char *const weightkeys[] = { "IIT", "EIT", "OIT", NULL };

static void	 framework_own_free(struct framework *);

static int
area_code(const char *s)
{
	int	 a;

	for (a = 0; a < AREA__MAX; a++)
		if (strcmp(s, area_name((enum area)a)) == 0)
			return a;
	return -1;
}

/* Read the th/en names of a map into name[2]; 1 on success. */
static int
read_names(const struct fctx *c, const struct ynode *n, char *name[2])
{
	struct ynode	*th, *en;

	if ((th = ymap_get(n, "th")) == NULL) {
		field_missing(c, n, "th");
		return 0;
	}
	if (!field_str(c, th, "th", &name[LANG_TH]))
		return 0;
	en = ymap_get(n, "en");
	if (en == NULL || !field_str(c, en, "en", &name[LANG_EN]))
		name[LANG_EN] = xstrdup(name[LANG_TH]);
	return 1;
}

static int
read_area_field(const struct fctx *c, const struct ynode *n, int *a)
{
	if (n == NULL || n->type != Y_SCALAR ||
	    (*a = area_code(n->value)) < 0) {
		diag_add(c->d, c->file, n ? n->pos.line : 0,
		    n ? n->pos.col : 0, SEV_ERROR, _("'area' must be IIT, "
		    "EIT or OIT"));
		return 0;
	}
	return 1;
}

static void
read_areas(const struct fctx *c, const struct ynode *seq,
    struct framework *fw)
{
	size_t	 i;
	int	 a;

	for (i = 0; seq->type == Y_SEQ && i < seq->kidsz; i++)
		if (field_keys(c, seq->kids[i], _("each area"), areakeys) &&
		    read_area_field(c, ymap_get(seq->kids[i], "code"), &a)) {
			free(fw->area[a][0]);
			free(fw->area[a][1]);
			fw->area[a][0] = fw->area[a][1] = NULL;
			read_names(c, seq->kids[i], fw->area[a]);
		}
}

static void
read_indicators(const struct fctx *c, const struct ynode *seq,
    struct framework *fw)
{
	struct ynode		*n;
	struct indicator	*ind;
	size_t			 i;
	int			 a;

	fw->ind = xcalloc(seq->kidsz, sizeof(*fw->ind));
	for (i = 0; seq->type == Y_SEQ && i < seq->kidsz; i++) {
		n = seq->kids[i];
		ind = &fw->ind[fw->indsz];
		if (!field_keys(c, n, _("each indicator"), indkeys))
			continue;
		if (ymap_get(n, "number") == NULL) {
			field_missing(c, n, "number");
			continue;
		}
		if (!field_int(c, ymap_get(n, "number"), "number", 1, 99,
		    &ind->number) ||
		    !read_area_field(c, ymap_get(n, "area"), &a) ||
		    !read_names(c, n, ind->name))
			continue;
		ind->area = (enum area)a;
		fw->indsz++;
	}
}

static void
read_sections(const struct fctx *c, const struct ynode *seq,
    struct framework *fw)
{
	struct ynode	*n, *areas;
	struct section	*sec;
	size_t		 i, k;
	int		 a;

	fw->sec = xcalloc(seq->kidsz, sizeof(*fw->sec));
	for (i = 0; seq->type == Y_SEQ && i < seq->kidsz; i++) {
		n = seq->kids[i];
		sec = &fw->sec[fw->secsz];
		if (!field_keys(c, n, _("each report section"), seckeys))
			continue;
		if ((areas = ymap_get(n, "areas")) == NULL ||
		    areas->type != Y_SEQ) {
			field_missing(c, n, "areas");
			continue;
		}
		for (k = 0; k < areas->kidsz; k++)
			if (read_area_field(c, areas->kids[k], &a))
				sec->areas |= 1u << a;
		if (sec->areas && read_names(c, n, sec->name))
			fw->secsz++;
	}
}

/* An O-item's or group's code: letters, digits and dots, e.g. O42, 9.1. */
static int
read_code(const struct fctx *c, const struct ynode *map, const char *what,
    char **out)
{
	struct ynode	*n = ymap_get(map, "code");
	const char	*p;

	if (n == NULL) {
		field_missing(c, map, "code");
		return 0;
	}
	if (!field_str(c, n, "code", out))
		return 0;
	for (p = *out; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '.'))
			break;
	if (*p == '\0' && strlen(*out) <= 16)
		return 1;
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    _("the code of %s must be letters, digits and dots, such as "
	    "O42 or 9.1, not \"%s\""), what, *out);
	free(*out);
	*out = NULL;
	return 0;
}

static void
read_ogroups(const struct fctx *c, const struct ynode *seq,
    struct framework *fw)
{
	struct ynode	*n, *v;
	struct ogroup	*g;
	size_t		 i;

	fw->og = xcalloc(seq->kidsz + 1, sizeof(*fw->og));
	for (i = 0; seq->type == Y_SEQ && i < seq->kidsz; i++) {
		n = seq->kids[i];
		g = &fw->og[fw->ogsz];
		if (!field_keys(c, n, "each O-item group", ogkeys) ||
		    !read_code(c, n, "an O-item group", &g->code))
			continue;
		if (((v = ymap_get(n, "indicator")) != NULL &&
		    !field_int(c, v, "indicator", 1, 99, &g->indicator)) ||
		    !read_names(c, n, g->name)) {
			free(g->code);
			free(g->name[0]);
			memset(g, 0, sizeof(*g));
			continue;
		}
		fw->ogsz++;
	}
}

static void
read_oitems(const struct fctx *c, const struct ynode *seq,
    struct framework *fw)
{
	struct ynode	*n, *v;
	struct oitem	*it;
	size_t		 i, k;

	fw->oi = xcalloc(seq->kidsz + 1, sizeof(*fw->oi));
	for (i = 0; seq->type == Y_SEQ && i < seq->kidsz; i++) {
		n = seq->kids[i];
		it = &fw->oi[fw->oisz];
		if (!field_keys(c, n, "each O-item", oikeys) ||
		    !read_code(c, n, "an O-item", &it->code))
			continue;
		for (k = 0; k < fw->oisz; k++)
			if (strcmp(fw->oi[k].code, it->code) == 0)
				break;
		v = ymap_get(n, "group");
		if (k < fw->oisz)
			diag_add(c->d, c->file, n->pos.line, n->pos.col,
			    SEV_ERROR, _("O-item %s is listed twice"),
			    it->code);
		else if (v == NULL)
			field_missing(c, n, "group");
		else {
			for (k = 0; k < fw->ogsz; k++)
				if (v->type == Y_SCALAR &&
				    strcmp(fw->og[k].code, v->value) == 0)
					break;
			if (k == fw->ogsz)
				diag_add(c->d, c->file, v->pos.line,
				    v->pos.col, SEV_ERROR, _("'group' must be "
				    "the code of one of oit_groups"));
			it->group = k;
		}
		if ((v = ymap_get(n, "answered_by")) != NULL) {
			if (v->type == Y_SCALAR &&
			    strcmp(v->value, "measures") == 0)
				it->answer = OANSWER_MEASURES;
			else if (v->type == Y_SCALAR &&
			    strcmp(v->value, "report") == 0)
				it->answer = OANSWER_REPORT;
			else
				diag_add(c->d, c->file, v->pos.line,
				    v->pos.col, SEV_ERROR, _("'answered_by' "
				    "must be measures or report"));
		}
		if (!read_names(c, n, it->name)) {
			free(it->code);
			memset(it, 0, sizeof(*it));
			continue;
		}
		fw->oisz++;
	}
}

static void
read_weights(const struct fctx *c, const struct ynode *map,
    struct framework *fw)
{
	struct ynode	*v;
	int		 a;

	if (!field_keys(c, map, "weights", weightkeys))
		return;
	for (a = 0; a < AREA__MAX; a++)
		if ((v = ymap_get(map, area_name((enum area)a))) != NULL)
			field_int(c, v, area_name((enum area)a), 1, 100,
			    &fw->weight[a]);
}

static void
read_levels(const struct fctx *c, const struct ynode *seq,
    struct framework *fw)
{
	struct ynode	*n, *v;
	struct level	*lv;
	size_t		 i;

	fw->lv = xcalloc(seq->kidsz + 1, sizeof(*fw->lv));
	for (i = 0; seq->type == Y_SEQ && i < seq->kidsz; i++) {
		n = seq->kids[i];
		lv = &fw->lv[fw->lvsz];
		lv->min = -1;
		if (!field_keys(c, n, "each level", lvkeys) ||
		    ((v = ymap_get(n, "min")) != NULL &&
		    !field_score(c, v, "min", &lv->min)) ||
		    !read_names(c, n, lv->name))
			continue;
		fw->lvsz++;
	}
}

/*
 * Read a framework file.  Returns a new framework (framework_free()),
 * or NULL after adding errors to d.
 */
static struct framework *
framework_load(const char *path, struct diags *d)
{
	struct fctx		 c = { path, 1, d };
	struct framework	*fw;
	struct ynode		*root = NULL, *v;
	char			*buf;
	size_t			 sz, errs = d->errors;

	if ((buf = file_read(path, &sz)) == NULL) {
		diag_add(d, path, 0, 0, SEV_ERROR, _("cannot read: %s"),
		    errno == EINVAL ? _("this is not a regular file (a pipe, "
		    "socket or device named like one)") : strerror(errno));
		return NULL;
	}
	fw = xcalloc(1, sizeof(*fw));
	fw->path = xstrdup(path);
	root = yaml_load(buf, sz, path, 1, d);
	free(buf);
	if (root == NULL || !field_keys(&c, root, path, fwkeys))
		goto out;
	if ((v = ymap_get(root, "fiscal_year")) != NULL)
		field_year(&c, v, &fw->fiscal_year);
	if ((v = ymap_get(root, "areas")) != NULL)
		read_areas(&c, v, fw);
	if ((v = ymap_get(root, "indicators")) != NULL)
		read_indicators(&c, v, fw);
	if ((v = ymap_get(root, "report_sections")) != NULL)
		read_sections(&c, v, fw);
	if ((v = ymap_get(root, "oit_groups")) != NULL)
		read_ogroups(&c, v, fw);
	if ((v = ymap_get(root, "oit_items")) != NULL)
		read_oitems(&c, v, fw);
	if ((v = ymap_get(root, "weights")) != NULL)
		read_weights(&c, v, fw);
	if ((v = ymap_get(root, "levels")) != NULL)
		read_levels(&c, v, fw);
out:
	ynode_free(root);
	if (d->errors > errs) {
		framework_free(fw);
		return NULL;
	}
	return fw;
}

/*
 * The framework for fiscal year fy: framework/FY.yaml in the first of
 * the data folders (data_dirs()) that has it, else the nearest year's
 * file.  Returns NULL (with an error in d naming every folder searched)
 * if there is none at all.
 */
struct framework *
framework_find(const char *root, int fy, struct diags *d)
{
	struct framework	*fw;
	char			**dirs, *sub, *path = NULL, *tried;
	int			 delta, y, found = 0;

	dirs = data_dirs(root);
	for (delta = 0; delta <= FW_SEARCH && path == NULL; delta++)
		for (y = fy - delta; y <= fy + delta && path == NULL;
		    y += delta ? 2 * delta : 1) {
			sub = xasprintf("framework/%d.yaml", y);
			if ((path = data_find(dirs, sub)) != NULL)
				found = y;
			free(sub);
		}
	if (path == NULL) {
		tried = data_tried(dirs, "framework");
		diag_add(d, "framework", 0, 0, SEV_ERROR, _("no ITA framework "
		    "file for fiscal year %d or a year within %d of it: add "
		    "framework/%d.yaml to the site (see the README); looked "
		    "in: %s"), fy, FW_SEARCH, fy, tried);
		free(tried);
		data_dirs_free(dirs);
		return NULL;
	}
	data_dirs_free(dirs);
	fw = framework_load(path, d);
	free(path);
	if (fw != NULL) {
		fw->fiscal_year = fy;
		fw->file_year = found;
	}
	/* O-codes and levels change from year to year: never borrow them. */
	if (fw != NULL && found != fy)
		framework_own_free(fw);
	return fw;
}

/* The indicator numbered n, or NULL. */
const struct indicator *
framework_indicator(const struct framework *fw, int n)
{
	size_t	 i;

	for (i = 0; fw != NULL && i < fw->indsz; i++)
		if (fw->ind[i].number == n)
			return &fw->ind[i];
	return NULL;
}

/* The O-item of a year's list with code, or NULL. */
const struct oitem *
framework_oitem(const struct framework *fw, const char *code)
{
	size_t	 i;

	for (i = 0; fw != NULL && i < fw->oisz; i++)
		if (strcmp(fw->oi[i].code, code) == 0)
			return &fw->oi[i];
	return NULL;
}

/* Free and forget the parts of fw that hold for its own year only. */
static void
framework_own_free(struct framework *fw)
{
	size_t	 i;

	for (i = 0; i < fw->ogsz; i++) {
		free(fw->og[i].code);
		free(fw->og[i].name[0]);
		free(fw->og[i].name[1]);
	}
	for (i = 0; i < fw->oisz; i++) {
		free(fw->oi[i].code);
		free(fw->oi[i].name[0]);
		free(fw->oi[i].name[1]);
	}
	for (i = 0; i < fw->lvsz; i++) {
		free(fw->lv[i].name[0]);
		free(fw->lv[i].name[1]);
	}
	free(fw->og);
	free(fw->oi);
	free(fw->lv);
	fw->og = NULL;
	fw->oi = NULL;
	fw->lv = NULL;
	fw->ogsz = fw->oisz = fw->lvsz = 0;
	memset(fw->weight, 0, sizeof(fw->weight));
}

void
framework_free(struct framework *fw)
{
	size_t	 i;
	int	 a;

	if (fw == NULL)
		return;
	for (a = 0; a < AREA__MAX; a++) {
		free(fw->area[a][0]);
		free(fw->area[a][1]);
	}
	for (i = 0; i < fw->indsz; i++) {
		free(fw->ind[i].name[0]);
		free(fw->ind[i].name[1]);
	}
	for (i = 0; i < fw->secsz; i++) {
		free(fw->sec[i].name[0]);
		free(fw->sec[i].name[1]);
	}
	framework_own_free(fw);
	free(fw->ind);
	free(fw->sec);
	free(fw->path);
	free(fw);
}
