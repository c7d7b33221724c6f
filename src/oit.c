/* oit.c: loads content/oit/YEAR.yaml (where each O-item is published) and content/scores/YEAR.yaml (the ITA result), checks them against the year's framework, and writes each year's checklist as data/YEAR/oit.csv. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

#define UTF8_BOM	"\xef\xbb\xbf"

static const char *const linkkeys[] = { "url", "note", NULL };
static const char *const scorekeys[] = {
	"indicators", "IIT", "EIT", "OIT", "total", "level", "note", NULL
};

/*
 * The fiscal year a content file is named after ("2566", "๒๕๖๖"); 0
 * after an error at the file.
 */
static int
file_year(struct diags *d, const char *file, const char *slug,
    const char *dir)
{
	long	 y;

	if (parse_int(slug, &y) && y >= 2500 && y <= 2700)
		return (int)y;
	diag_add(d, file, 0, 0, SEV_ERROR, _("this file must be named after "
	    "its fiscal year in the Buddhist Era, such as %s/2566.yaml"), dir);
	return 0;
}

/* The YAML document of a file; NULL after an error. */
static struct ynode *
file_yaml(struct diags *d, const char *file, const char *buf, size_t len,
    const char *what)
{
	struct ynode	*root;
	size_t		 errs = d->errors;

	root = yaml_load(buf, len, file, 1, d);
	if (root == NULL && d->errors == errs)
		diag_add(d, file, 0, 0, SEV_ERROR, "%s", strcmp(what,
		    "scores") == 0 ? _("this file holds no scores") :
		    _("this file holds no O-items"));
	if (root != NULL && root->type != Y_MAP) {
		diag_add(d, file, root->pos.line, root->pos.col, SEV_ERROR,
		    _("this file must be 'name: value' lines, such as "
		    "%s"), strcmp(what, "scores") == 0 ? "'total: 87.45'" :
		    "'O1: https://www.example.go.th/structure'");
		ynode_free(root);
		root = NULL;
	}
	return root;
}

void
oitmap_free(struct oitmap *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->sz; i++) {
		free(m->v[i].code);
		free(m->v[i].url);
		free(m->v[i].note);
	}
	free(m->v);
	free(m->path);
	free(m);
}

/* Read one "O7: address" or "O7: {url: ..., note: ...}" entry. */
static int
link_read(const struct fctx *c, const struct ynode *k, const struct ynode *v,
    struct oitlink *l)
{
	const struct ynode	*u = v, *n;

	if (k->type != Y_SCALAR)
		return 0;
	l->kpos = k->pos;
	if (v->type == Y_MAP) {
		if (!field_keys(c, v, k->value, linkkeys))
			return 0;
		if ((u = ymap_get(v, "url")) == NULL) {
			field_missing(c, v, "url");
			return 0;
		}
		if ((n = ymap_get(v, "note")) != NULL &&
		    !field_str(c, n, "note", &l->note))
			return 0;
	}
	l->upos = u->pos;
	if (!field_str(c, u, k->value, &l->url)) {
		free(l->note);
		l->note = NULL;
		return 0;
	}
	l->code = xstrdup(k->value);
	return 1;
}

/*
 * Load content/oit/YEAR.yaml (file as shown, slug its name without
 * .yaml) from buf.  Returns a new map (oitmap_free()), or NULL after
 * adding errors to d.
 */
struct oitmap *
oitmap_load(const char *file, const char *slug, const char *buf, size_t len,
    struct diags *d)
{
	struct fctx	 c = { file, 1, d };
	struct oitmap	*m;
	struct ynode	*root;
	size_t		 i, errs = d->errors;

	if ((root = file_yaml(d, file, buf, len, "O-items")) == NULL)
		return NULL;
	m = xcalloc(1, sizeof(*m));
	m->path = xstrdup(file);
	m->fiscal_year = file_year(d, file, slug, "content/oit");
	m->v = xcalloc(root->kidsz / 2 + 1, sizeof(*m->v));
	for (i = 0; i + 1 < root->kidsz; i += 2)
		if (link_read(&c, root->kids[i], root->kids[i + 1],
		    &m->v[m->sz]))
			m->sz++;
	ynode_free(root);
	if (d->errors > errs) {
		oitmap_free(m);
		return NULL;
	}
	return m;
}

void
scores_free(struct scores *s)
{
	if (s == NULL)
		return;
	free(s->path);
	free(s->level);
	free(s->note);
	free(s);
}

/* The indicators: map of number to score. */
static void
scores_indicators(const struct fctx *c, const struct ynode *n,
    struct scores *s)
{
	size_t	 i;
	int	 num;
	char	*name;

	if (n->type != Y_MAP) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'indicators' must be lines of 'number: score', such "
		    "as '1: 85.12'"));
		return;
	}
	for (i = 0; i + 1 < n->kidsz; i += 2) {
		if (!field_int(c, n->kids[i], _("indicator number"), 1,
		    SCORE_INDS, &num))
			continue;
		if (s->ind[num] >= 0) {
			diag_add(c->d, c->file, n->kids[i]->pos.line,
			    n->kids[i]->pos.col, SEV_ERROR, _("indicator %d "
			    "has a score already"), num);
			continue;
		}
		name = xasprintf("indicators: %d", num);
		if (field_score(c, n->kids[i + 1], name, &s->ind[num]))
			s->indpos[num] = n->kids[i]->pos;
		free(name);
	}
}

/*
 * Load content/scores/YEAR.yaml (file as shown, slug its name without
 * .yaml) from buf.  Returns new scores (scores_free()), or NULL after
 * adding errors to d.
 */
struct scores *
scores_load(const char *file, const char *slug, const char *buf, size_t len,
    struct diags *d)
{
	struct fctx	 c = { file, 1, d };
	struct scores	*s;
	struct ynode	*root, *v;
	size_t		 errs = d->errors;
	int		 a;

	if ((root = file_yaml(d, file, buf, len, "scores")) == NULL)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(file);
	s->fiscal_year = file_year(d, file, slug, "content/scores");
	memset(s->ind, -1, sizeof(s->ind));
	memset(s->area, -1, sizeof(s->area));
	s->total = -1;
	if (!field_keys(&c, root, file, scorekeys))
		goto out;
	if ((v = ymap_get(root, "indicators")) != NULL)
		scores_indicators(&c, v, s);
	for (a = 0; a < AREA__MAX; a++)
		if ((v = ymap_get(root, area_name((enum area)a))) != NULL)
			field_score(&c, v, area_name((enum area)a),
			    &s->area[a]);
	if ((v = ymap_get(root, "total")) == NULL)
		field_missing(&c, root, "total");
	else
		field_score(&c, v, "total", &s->total);
	if ((v = ymap_get(root, "level")) != NULL &&
	    field_str(&c, v, "level", &s->level))
		s->levelpos = v->pos;
	if ((v = ymap_get(root, "note")) != NULL)
		field_str(&c, v, "note", &s->note);
out:
	ynode_free(root);
	if (d->errors > errs) {
		scores_free(s);
		return NULL;
	}
	return s;
}

/* What an address written in content/oit/ is. */
enum addr {
	ADDR_WEB,		/* https:// or http:// */
	ADDR_FILE,		/* files/NAME, from content/files/ */
	ADDR_PAGE,		/* /PATH, a page of the portal */
	ADDR_BAD		/* anything else: not linked */
};

/* No "." or ".." path segment, no characters a link must not hold. */
static int
path_clean(const char *p)
{
	const char	*s;

	for (s = p; *s != '\0'; s++)
		if ((s == p || s[-1] == '/') && s[0] == '.' &&
		    (s[1] == '.' || s[1] == '/' || s[1] == '\0'))
			return 0;
	return strpbrk(p, "\\:\"<>' \t\r\n") == NULL;
}

static enum addr
addr_kind(const char *u)
{
	size_t	 n;

	if (strncasecmp(u, "https://", 8) == 0 ||
	    strncasecmp(u, "http://", 7) == 0) {
		n = u[4] == ':' ? 7 : 8;
		return u[n] != '\0' && u[n] != '/' &&
		    strpbrk(u, " \t\r\n<>\"'\\") == NULL ? ADDR_WEB : ADDR_BAD;
	}
	if (strncmp(u, "files/", 6) == 0 && u[6] != '\0' && path_clean(u))
		return ADDR_FILE;
	if (u[0] == '/' && u[1] != '/' && path_clean(u + 1))
		return ADDR_PAGE;
	return ADDR_BAD;
}

/* Note site path p in pages. */
static void
page_note(struct strmap *pages, char ***keep, size_t *keepsz, char *p)
{
	*keep = xgrow(*keep, *keepsz, sizeof(**keep));
	(*keep)[(*keepsz)++] = p;
	strmap_put(pages, p, 0);
}

/*
 * Every site path the build makes a page or data file at, as
 * build.c's plan makes them from model_types[] (kept in keep, freed
 * by the caller).
 */
static void
pages_known(const struct index *ix, const struct site *s,
    struct strmap *pages, char ***keep, size_t *keepsz)
{
	const struct pagetype	*t;
	const struct yeargroup	*yg;
	size_t			 i, k, y;
	int			 a;

	for (i = 0; i < model_typesz; i++) {
		t = &model_types[i];
		switch (t->scope) {
		case SCOPE_SITE:
			page_note(pages, keep, keepsz, url_page(t, NULL, 0));
			break;
		case SCOPE_OWNER:
			for (k = 0; k < ix->ownersz; k++)
				page_note(pages, keep, keepsz,
				    url_page(t, &ix->owners[k], 0));
			break;
		case SCOPE_PAGE:
			for (k = 0; k < s->pagesz; k++)
				page_note(pages, keep, keepsz,
				    url_page(t, s->pages[k], 0));
			break;
		default:
			for (y = 0; y < ix->yearsz; y++) {
				yg = &ix->years[y];
				if (t->scope == SCOPE_YEAR ||
				    (t->scope == SCOPE_REPORT && yg->sz > 0) ||
				    (t->scope == SCOPE_OIT && yg->orowsz > 0))
					page_note(pages, keep, keepsz,
					    url_page(t, yg, 0));
				for (a = 0; t->scope == SCOPE_AREA &&
				    a < AREA__MAX; a++)
					page_note(pages, keep, keepsz,
					    url_page(t, yg, a));
				for (k = 0; t->scope == SCOPE_MEASURE &&
				    k < yg->sz; k++)
					page_note(pages, keep, keepsz,
					    url_page(t, yg->m[k], 0));
			}
			break;
		}
	}
	page_note(pages, keep, keepsz, url_data(0, "json"));
	page_note(pages, keep, keepsz, url_data(0, "csv"));
	for (y = 0; y < ix->yearsz; y++) {
		if (ix->years[y].sz > 0) {
			page_note(pages, keep, keepsz,
			    url_data(ix->years[y].year, "json"));
			page_note(pages, keep, keepsz,
			    url_data(ix->years[y].year, "csv"));
		}
		if (ix->years[y].orowsz > 0)
			page_note(pages, keep, keepsz,
			    url_data_oit(ix->years[y].year));
	}
	page_note(pages, keep, keepsz, url_feed(NULL, -1));
}

/*
 * The site path that /PATH (written in content) names, if the build
 * makes it: "/about" and "/about/index.html" are "about/", a #part is
 * dropped.  A new string, or NULL.
 */
static char *
page_find(const struct strmap *pages, const char *u)
{
	char	*p, *q;
	size_t	 n;

	p = xstrndup(u + 1, strcspn(u + 1, "#?"));
	n = strlen(p);
	if (n >= 10 && strcmp(p + n - 10, "index.html") == 0 &&
	    (n == 10 || p[n - 11] == '/'))
		p[n - 10] = '\0';
	if (strmap_get(pages, p) != STRMAP_NONE)
		return p;
	q = xstrcat3(p, "/", "");
	free(p);
	if (strmap_get(pages, q) != STRMAP_NONE)
		return q;
	free(q);
	return NULL;
}

/* What the checker needs while it resolves a year's checklist. */
struct resolve {
	struct strmap		 files;	/* files/... published */
	struct strmap		 pages;	/* site paths made */
	char			**keep;
	size_t			 keepsz;
	struct diags		*d;
};

/* Resolve the address of l into row r; errors and warnings to d. */
static void
link_resolve(struct resolve *rs, const struct oitlink *l,
    const char *file, struct orow *r)
{
	switch (addr_kind(l->url)) {
	case ADDR_WEB:
		r->url = xstrdup(l->url);
		break;
	case ADDR_FILE:
		if (strmap_get(&rs->files, l->url) == STRMAP_NONE) {
			diag_add(rs->d, file, l->upos.line, l->upos.col,
			    SEV_ERROR, _("%s: the file content/%s does not "
			    "exist; put the document in content/files/"),
			    l->code, l->url);
			break;
		}
		r->url = xstrdup(l->url);
		r->site = 1;
		break;
	case ADDR_PAGE:
		if ((r->url = page_find(&rs->pages, l->url)) == NULL)
			diag_add(rs->d, file, l->upos.line, l->upos.col,
			    SEV_ERROR, _("%s: the portal has no page %s; "
			    "write the address of one of its pages, such as "
			    "/about/, or a whole address such as https://..."),
			    l->code, l->url);
		r->site = 1;
		break;
	default:
		diag_add(rs->d, file, l->upos.line, l->upos.col, SEV_WARNING,
		    _("%s: \"%s\" is not an https:// or http:// address, so "
		    "the item is listed as not published; write the whole "
		    "address, such as https://www.example.go.th/page, a page "
		    "of the portal such as /about/, or a file as "
		    "files/NAME"), l->code, l->url);
		break;
	}
}

/*
 * The checklist of year yg from its map m (NULL: only what the portal
 * answers itself) against its framework.  Warns of the current year's
 * items that are not published.
 */
static void
year_checklist(struct resolve *rs, struct yeargroup *yg,
    const struct oitmap *m, int current)
{
	const struct framework	*fw = yg->fw;
	const struct oitem	*it;
	struct orow		*r;
	size_t			 i, k;
	int			*written;

	written = xcalloc(fw->oisz + 1, sizeof(*written));
	yg->orows = xcalloc(fw->oisz, sizeof(*yg->orows));
	yg->orowsz = fw->oisz;
	for (i = 0; i < fw->oisz; i++) {
		yg->orows[i].item = &fw->oi[i];
		yg->orows[i].group = &fw->og[fw->oi[i].group];
	}
	for (i = 0; m != NULL && i < m->sz; i++) {
		if ((it = framework_oitem(fw, m->v[i].code)) == NULL) {
			diag_add(rs->d, m->path, m->v[i].kpos.line,
			    m->v[i].kpos.col, SEV_ERROR, _("%s is not an "
			    "O-item of fiscal year %d, whose items are %s to "
			    "%s"), m->v[i].code, yg->year, fw->oi[0].code,
			    fw->oi[fw->oisz - 1].code);
			continue;
		}
		k = (size_t)(it - fw->oi);
		r = &yg->orows[k];
		written[k] = 1;
		r->note = m->v[i].note;
		link_resolve(rs, &m->v[i], m->path, r);
	}
	for (i = 0; i < fw->oisz; i++) {
		r = &yg->orows[i];
		if (written[i])
			continue;
		if (fw->oi[i].answer == OANSWER_MEASURES && yg->sz > 0) {
			r->url = url_year(yg->year);
			r->site = 1;
		} else if (fw->oi[i].answer == OANSWER_REPORT && yg->sz > 0) {
			r->url = url_page(&model_types[model_type("report")],
			    yg, 0);
			r->site = 1;
		} else if (current && m != NULL)
			diag_add(rs->d, m->path, 0, 0, SEV_WARNING, _("%s %s "
			    "of the current fiscal year has no address; add "
			    "a line such as '%s: https://...' where it is "
			    "published"), fw->oi[i].code, fw->oi[i].name[0],
			    fw->oi[i].code);
	}
	free(written);
}

/* Check the level written in sc against the year's framework. */
static void
scores_check(const struct scored *sd, struct diags *d)
{
	const struct scores	*sc = sd->sc;
	const struct framework	*fw = sd->fw;
	size_t			 i;
	long			 sum = 0;
	int			 a, n;

	for (n = 1; n <= SCORE_INDS; n++)
		if (sc->ind[n] >= 0 && framework_indicator(fw, n) == NULL)
			diag_add(d, sc->path, sc->indpos[n].line,
			    sc->indpos[n].col, SEV_ERROR, _("indicator %d is "
			    "not in the ITA framework for fiscal year %d (%s)"),
			    n, sc->fiscal_year, fw->path);
	if (sc->level != NULL && fw->lvsz > 0) {
		for (i = 0; i < fw->lvsz; i++)
			if (strcmp(fw->lv[i].name[LANG_TH], sc->level) == 0 ||
			    strcmp(fw->lv[i].name[LANG_EN], sc->level) == 0)
				break;
		if (i == fw->lvsz) {
			struct buf b = { NULL, 0, 0 };

			for (i = 0; i < fw->lvsz; i++) {
				buf_add(&b, i ? ", " : "");
				buf_add(&b, fw->lv[i].name[LANG_TH]);
			}
			diag_add(d, sc->path, sc->levelpos.line,
			    sc->levelpos.col, SEV_ERROR, _("'level' is "
			    "\"%s\", which is not a level of fiscal year %d; "
			    "the levels are: %s"), sc->level,
			    sc->fiscal_year, b.s);
			free(b.s);
		}
	}
	for (a = 0; a < AREA__MAX; a++)
		if (sc->area[a] < 0 || fw->weight[a] == 0)
			return;
		else
			sum += (long)sc->area[a] * fw->weight[a];
	/* The NACC rounds each part; more than 0.05 apart is a typing slip. */
	if (labs(sum / 100 - sc->total) > 5)
		diag_add(d, sc->path, 0, 0, SEV_WARNING, _("the total %d.%02d "
		    "is not the weighted sum of IIT, EIT and OIT (%ld.%02ld "
		    "with the weights of fiscal year %d: %d, %d and %d per "
		    "cent); check the scores against the NACC's report"),
		    sc->total / 100, sc->total % 100, sum / 10000,
		    sum / 100 % 100, sc->fiscal_year, fw->weight[AREA_IIT],
		    fw->weight[AREA_EIT], fw->weight[AREA_OIT]);
}

/* The year group of year in ix, or NULL. */
static struct yeargroup *
year_of(struct index *ix, int year)
{
	size_t	 i;

	for (i = 0; i < ix->yearsz; i++)
		if (ix->years[i].year == year)
			return &ix->years[i];
	return NULL;
}

static int
scored_cmp(const void *a, const void *b)
{
	return ((const struct scored *)a)->sc->fiscal_year -
	    ((const struct scored *)b)->sc->fiscal_year;
}

/*
 * Attach the O-item checklists and the scores of site s to index ix:
 * every year with its own O-item list and a content/oit/ file (or,
 * when the site has content/oit/ files, the current year) gets its
 * checklist; each scores file its year's framework.  Problems go to d.
 * Called after index_build(); what it adds is freed by index_free().
 */
void
oit_index(struct index *ix, const struct site *s, struct diags *d)
{
	struct resolve		 rs;
	struct yeargroup	*yg;
	const struct oitmap	*m;
	size_t			 i, y;

	memset(&rs, 0, sizeof(rs));
	rs.d = d;
	for (i = 0; i < s->files_dir.sz; i++)
		strmap_put(&rs.files, s->files_dir.v[i].rel, i);
	/* Which years have a checklist page, before any link is checked. */
	for (i = 0; i < s->oitsz; i++) {
		m = s->oit[i];
		for (y = 0; y < i; y++)
			if (s->oit[y]->fiscal_year == m->fiscal_year)
				break;
		if (y < i) {
			diag_add(d, m->path, 0, 0, SEV_ERROR, _("fiscal year "
			    "%d already has an O-item file, %s; keep only "
			    "one"), m->fiscal_year, s->oit[y]->path);
			continue;
		}
		yg = year_of(ix, m->fiscal_year);
		if (yg == NULL || yg->fw == NULL)
			continue;
		if (yg->fw->oisz == 0) {
			diag_add(d, m->path, 0, 0, SEV_ERROR, _("the ITA "
			    "framework has no list of O-items for fiscal year "
			    "%d; add oit_groups and oit_items to the site's "
			    "framework/%d.yaml (see prongsai(5))"),
			    m->fiscal_year, m->fiscal_year);
			continue;
		}
		yg->orowsz = yg->fw->oisz;
	}
	/* Every page's path, only for a site that links items to them. */
	if (s->oitsz > 0)
		pages_known(ix, s, &rs.pages, &rs.keep, &rs.keepsz);
	for (i = 0; i < s->oitsz; i++) {
		m = s->oit[i];
		yg = year_of(ix, m->fiscal_year);
		if (yg == NULL || yg->orowsz == 0 || yg->orows != NULL)
			continue;
		year_checklist(&rs, yg, m, m->fiscal_year == ix->current);
	}
	for (i = 0; i < s->oitsz; i++)
		if (s->oit[i]->fiscal_year == ix->current)
			break;
	if (s->oitsz > 0 && i == s->oitsz)
		diag_add(d, "content/oit", 0, 0, SEV_WARNING, _("the current "
		    "fiscal year %d has no O-item file; add "
		    "content/oit/%d.yaml saying where each item is "
		    "published"), ix->current, ix->current);
	for (i = 0; i < rs.keepsz; i++)
		free(rs.keep[i]);
	free(rs.keep);
	strmap_free(&rs.pages);
	strmap_free(&rs.files);

	ix->scored = xcalloc(s->scoresz + 1, sizeof(*ix->scored));
	for (i = 0; i < s->scoresz; i++) {
		for (y = 0; y < ix->scoredsz; y++)
			if (ix->scored[y].sc->fiscal_year ==
			    s->scores[i]->fiscal_year)
				break;
		if (y < ix->scoredsz) {
			diag_add(d, s->scores[i]->path, 0, 0, SEV_ERROR,
			    _("fiscal year %d already has a scores file, %s; "
			    "keep only one"), s->scores[i]->fiscal_year,
			    ix->scored[y].sc->path);
			continue;
		}
		ix->scored[ix->scoredsz].sc = s->scores[i];
		ix->scored[ix->scoredsz].fw = framework_find(s->root,
		    s->scores[i]->fiscal_year, d);
		if (ix->scored[ix->scoredsz].fw == NULL)
			continue;
		scores_check(&ix->scored[ix->scoredsz], d);
		ix->scoredsz++;
	}
	sort(ix->scored, ix->scoredsz, sizeof(*ix->scored), scored_cmp);
}

/*
 * Write data/YEAR/oit.csv for every year with a checklist: code, name,
 * address (absolute), one row per item in the list's order, with a
 * BOM for spreadsheets.  Adds the files written to *files.  Returns 1,
 * or 0 on failure (publish_error(p)).
 */
int
oit_write(const struct site *s, const struct index *ix, struct publish *p,
    size_t *files)
{
	const struct yeargroup	*yg;
	struct buf		 b;
	char			*path, *a;
	size_t			 i, k;
	int			 ok = 1;

	for (i = 0; ok && i < ix->yearsz; i++) {
		yg = &ix->years[i];
		if (yg->orows == NULL)
			continue;
		memset(&b, 0, sizeof(b));
		buf_add(&b, UTF8_BOM "code,name,address\r\n");
		for (k = 0; k < yg->orowsz; k++) {
			escape_csv(&b, yg->orows[k].item->code);
			buf_add(&b, ",");
			escape_csv(&b, yg->orows[k].item->name[
			    s->cfg.fmt.lang]);
			buf_add(&b, ",");
			a = url_item(&s->cfg, yg->orows[k].url,
			    yg->orows[k].site);
			escape_csv(&b, a != NULL ? a : "");
			free(a);
			buf_add(&b, "\r\n");
		}
		path = url_data_oit(yg->year);
		if ((ok = publish_write(p, path, b.s, b.len)))
			(*files)++;
		free(path);
		free(b.s);
	}
	return ok;
}
