/* model.c: builds one page's XML document for the theme: the page's own data plus the site data every page needs (the contract is themes/default/page.rng). */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "extern.h"

#define BAD_CAST_S(s)	((const xmlChar *)(s))

/*
 * What the stylesheet of a page type takes (model_use_theme()): the
 * dictionary its names are in (not owned), bodies by reference, the
 * words as /page/strings.
 */
struct typeuse {
	xmlDictPtr	 dict;
	int		 byref;
	int		 words;
};

/* Shared by every page of one build; read-only while pages are made. */
struct model {
	const struct site	*site;
	const struct index	*ix;
	const struct fmt	*fmt;
	xmlDocPtr		 strings;	/* the theme's UI words, not owned */
	struct typeuse		*use;		/* by type: what its stylesheet takes */
	char			*tableword;	/* the theme's word for a table */
	const struct page	**menu;		/* free pages in menu order */
	size_t			 menusz;
	struct shells		*shells;	/* made as pages need them */
	int			 pdf;		/* the build makes each report's PDF */
};

/*
 * What every page at one depth carries the same (the site element and
 * the theme's words), made once per root and copied into each page, its
 * fingerprint taken once.  Made from site_el() and the words, whatever
 * they hold: it depends only on the model and the root.  Building and
 * fingerprinting it on each page was a good part of a rebuild that
 * changes nothing (see the README's Performance).  A model function must
 * not change the copies: the fingerprint counts them as the shell.
 */
struct shell {
	char		*root;		/* "../" */
	xmlDocPtr	 doc;		/* its nodes are the root's children */
	xmlNodePtr	 words;		/* the strings among them, or NULL */
	struct hash	 h;		/* of those nodes */
};

/* The shells made so far, one per root; pages on any thread add them. */
struct shells {
	struct shell	**v;
	size_t		  sz;
	pthread_mutex_t	  lock;
};

/*
 * What a page model's document holds in its _private (see NS_BODY): its
 * bodies by reference, and how many of its root's first children are
 * copies of a shell, with that shell's fingerprint.
 */
struct pagedoc {
	struct htmlrefs	*refs;		/* or NULL */
	size_t		 shellsz;
	struct hash	 shellh;
};

/* A free page of the menu with its title's Thai collation key. */
struct menupage {
	const struct page	*p;
	char			*key;
};

/* By menu_order, then title in Thai dictionary order, then slug. */
static int
menupage_cmp(const void *a, const void *b)
{
	const struct menupage	*x = a, *y = b;
	int			 c;

	if (x->p->menu_order != y->p->menu_order)
		return x->p->menu_order < y->p->menu_order ? -1 : 1;
	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return strcmp(x->p->slug, y->p->slug);
}

/* Does an entry of site.yaml's menu link to p ("/SLUG/" or "/SLUG")? */
static int
menu_links(const struct config *cfg, const struct page *p)
{
	size_t		 i, n = strlen(p->slug);
	const char	*u;

	for (i = 0; i < cfg->menusz; i++) {
		u = cfg->menu[i].url;
		if (u[0] == '/' && strncmp(u + 1, p->slug, n) == 0 &&
		    (u[n + 1] == '\0' || (u[n + 1] == '/' && u[n + 2] == '\0')))
			return 1;
	}
	return 0;
}

/*
 * The free pages the menu lists after site.yaml's entries: those no
 * entry links to, in menu order.
 */
static void
menu_pages(struct model *mo)
{
	const struct site	*s = mo->site;
	struct menupage		*v;
	size_t			 i, sz = 0;

	if (s->pagesz == 0)
		return;
	v = xcalloc(s->pagesz, sizeof(*v));
	for (i = 0; i < s->pagesz; i++)
		if (!menu_links(&s->cfg, s->pages[i])) {
			v[sz].p = s->pages[i];
			v[sz++].key = collate_key(s->pages[i]->title);
		}
	sort(v, sz, sizeof(*v), menupage_cmp);
	mo->menu = xcalloc(sz ? sz : 1, sizeof(*mo->menu));
	for (i = 0; i < sz; i++) {
		mo->menu[i] = v[i].p;
		free(v[i].key);
	}
	mo->menusz = sz;
	free(v);
}

/*
 * Prepare a model for the pages of site s with index ix.  strings is the
 * theme's UI words document, shared; tableword its word for a table (as
 * theme_t() gives it), which the model takes.  Free with model_free().
 */
struct model *
model_new(const struct site *s, const struct index *ix, xmlDocPtr strings,
    char *tableword)
{
	struct model	*mo;

	mo = xcalloc(1, sizeof(*mo));
	mo->site = s;
	mo->ix = ix;
	mo->fmt = &s->cfg.fmt;
	mo->strings = strings;
	mo->use = xcalloc(model_typesz, sizeof(*mo->use));
	mo->tableword = tableword;
	mo->shells = xcalloc(1, sizeof(*mo->shells));
	pthread_mutex_init(&mo->shells->lock, NULL);
	menu_pages(mo);
	return mo;
}

void
model_free(struct model *mo)
{
	size_t	 i;

	if (mo == NULL)
		return;
	for (i = 0; i < mo->shells->sz; i++) {
		free(mo->shells->v[i]->root);
		xmlFreeDoc(mo->shells->v[i]->doc);
		free(mo->shells->v[i]);
	}
	free(mo->shells->v);
	pthread_mutex_destroy(&mo->shells->lock);
	free(mo->shells);
	free(mo->use);
	free(mo->tableword);
	free(mo->menu);
	free(mo);
}

/*
 * Build the models of pages of type on dict, the names of the
 * stylesheet that will read them.  Names in the
 * model then come from the stylesheet's own dictionary: no copy of each
 * element and attribute name per page, and libxslt matches them by
 * pointer (about a tenth of a build's instructions).  byref: the page
 * is written by serialize.c, so its bodies can go in as HTML text.
 * words: the stylesheet reads /page/strings; the others have p:t(),
 * and the words were most of the nodes of a measure page's model.
 */
void
model_use_theme(struct model *mo, size_t type, xmlDictPtr dict, int byref,
    int words)
{
	mo->use[type].dict = dict;
	mo->use[type].byref = byref;
	mo->use[type].words = words;
}

/* Say whether the build makes a PDF of each report (pdf.c found a renderer). */
void
model_set_pdf(struct model *mo, int on)
{
	mo->pdf = on;
}

/* A new document for a page of type, on that type's dictionary if any. */
static xmlDocPtr
model_doc(const struct model *mo, size_t type)
{
	xmlDocPtr	 doc = xmlNewDoc(BAD_CAST_S("1.0"));

	/* A child dictionary: the stylesheet's stays read-only. */
	if (mo->use[type].dict != NULL)
		doc->dict = xmlDictCreateSub(mo->use[type].dict);
	return doc;
}

/* The state of one page under construction. */
struct pagectx {
	const struct model	*mo;
	xmlDocPtr		 doc;
	char			*root;		/* "../../" back to the site root */
	int			 byref;		/* bodies as NS_BODY references */
	struct htmlrefs		*refs;		/* them, in doc->_private (byref) */
	/*
	 * A part of a list: its first and last measure, NULL for the whole
	 * list.  A list is in report order (an owner's, newest year first),
	 * and a part a run of it, so a measure is on the part when its place
	 * in that order is between theirs.
	 */
	const struct measure	*first, *last;
};

/* Is x before y in the order of lists: newest year first, then report order? */
static int
list_before(const struct measure *x, const struct measure *y)
{
	if (x->fiscal_year != y->fiscal_year)
		return x->fiscal_year > y->fiscal_year;
	return x->rank < y->rank;
}

/* Is m on this page: the page is not a part of a list, or m is in it? */
static int
shown(const struct pagectx *pc, const struct measure *m)
{
	return pc->first == NULL || (!list_before(m, pc->first) &&
	    !list_before(pc->last, m));
}

/* Does a group of a list (v) belong on this page: any of it shown? */
static int
group_shown(const struct pagectx *pc, struct measure *const *v, size_t n)
{
	size_t	 i;

	for (i = 0; pc->first != NULL && i < n; i++)
		if (shown(pc, v[i]))
			return 1;
	return pc->first == NULL;
}

static xmlNodePtr
el(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST_S(name),
	    BAD_CAST_S(text));
}

static void
attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlNewProp(n, BAD_CAST_S(name), BAD_CAST_S(value));
}

static void
attrf(xmlNodePtr n, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	*v;

	va_start(ap, fmt);
	v = xvasprintf(fmt, ap);
	va_end(ap);
	attr(n, name, v);
	free(v);
}

/* Text with its digits in the site's digits. */
static char *
mo_digits(const struct pagectx *pc, const char *s)
{
	return pc->mo->fmt->digits == DIGITS_THAI ? digits_thai(s) :
	    xstrdup(s);
}

/* A number for readers: value attribute plus text in the site's digits. */
static xmlNodePtr
num_el(const struct pagectx *pc, xmlNodePtr parent, const char *name, long v)
{
	char		*s = num_format(v, pc->mo->fmt);
	xmlNodePtr	 n = el(parent, name, s);

	attrf(n, "value", "%ld", v);
	free(s);
	return n;
}

/* Add attribute name-label with v in the site's digits. */
static void
num_attr(const struct pagectx *pc, xmlNodePtr n, const char *name, long v)
{
	char	*s = num_format(v, pc->mo->fmt), *an;

	attrf(n, name, "%ld", v);
	an = xasprintf("%s-label", name);
	attr(n, an, s);
	free(an);
	free(s);
}

/* A date for readers: iso attribute plus the full Thai (or English) date. */
static xmlNodePtr
date_el(const struct pagectx *pc, xmlNodePtr parent, const char *name,
    const struct date *d)
{
	char		*iso = date_iso(d);
	char		*text = date_format(d, DATE_FULL, pc->mo->fmt);
	char		*shrt = date_format(d, DATE_SHORT, pc->mo->fmt);
	xmlNodePtr	 n = el(parent, name, text);

	attr(n, "iso", iso);
	attr(n, "short", shrt);
	free(iso);
	free(text);
	free(shrt);
	return n;
}

/* The link from this page to the site path target (url_rel()). */
static char *
href(const struct pagectx *pc, const char *target)
{
	return url_rel(pc->root, target);
}

static void
href_attr(const struct pagectx *pc, xmlNodePtr n, const char *target)
{
	char	*h = href(pc, target);

	attr(n, "href", h);
	free(h);
}

static void
href_attr_free(const struct pagectx *pc, xmlNodePtr n, char *target)
{
	href_attr(pc, n, target);
	free(target);
}

/*
 * Make content links to files/… and /… relative to this page: editors
 * write them from the site root, but pages live at different depths.
 */
static char *
rebase_link(void *arg, const char *u)
{
	const struct pagectx	*pc = arg;

	if (!url_is_site(u))
		return xstrdup(u);
	return href(pc, u + (u[0] == '/' ? 1 : 0));
}

/* rebase_link for a page's bodies placed when it is written: arg is its root. */
static char *
rebase_root(void *arg, const char *u)
{
	if (!url_is_site(u))
		return xstrdup(u);
	return url_rel(arg, u + (u[0] == '/' ? 1 : 0));
}

/*
 * Rendered HTML as the children of a new element.  Parsed where it goes
 * rather than kept parsed: trees for every body of a large site would
 * not fit in memory.  For a theme that cannot take bodies by reference.
 */
static void
html_into(const struct pagectx *pc, xmlNodePtr n, const char *html,
    size_t len)
{
	html_append(pc->doc, n, html, len, rebase_link, (void *)pc);
}

/*
 * What column col of body b shows (COL_NONE: all of it) as the content
 * of element parent: by reference, one empty NS_BODY element whose ref
 * names the body in the page's table (see NS_BODY), placed for this page
 * only when the page is written; else as nodes.
 */
static void
body_into(const struct pagectx *pc, xmlNodePtr parent, const struct body *b,
    enum column col)
{
	xmlNodePtr	 n;
	xmlNsPtr	 ns;
	char		*all;
	size_t		 k = 0, off, len;

	if (!pc->byref) {
		all = body_unpack(b);
		while (body_run(b, col, &k, &off, &len))
			html_into(pc, parent, all + off, len);
		free(all);
		return;
	}
	k = html_refs_add(pc->refs, b, col);
	n = xmlNewChild(parent, NULL, BAD_CAST_S("html"), NULL);
	ns = xmlNewNs(n, BAD_CAST_S(NS_BODY), BAD_CAST_S("b"));
	xmlSetNs(n, ns);
	attrf(n, "ref", "%zu", k);
}

/* Body b, all of it, as the content of a new element, if there is one. */
static void
html_el(const struct pagectx *pc, xmlNodePtr parent, const char *name,
    const struct body *b)
{
	if (b != NULL)
		body_into(pc, el(parent, name, NULL), b, COL_NONE);
}

/* A body's section col as the children of a new element, if it has one. */
static void
section_el(const struct pagectx *pc, xmlNodePtr parent, const char *name,
    const struct body *b, enum column col)
{
	if (body_has(b, col))
		body_into(pc, el(parent, name, NULL), b, col);
}

static xmlNodePtr
stats_el(const struct pagectx *pc, xmlNodePtr parent, const struct stats *st)
{
	xmlNodePtr	 n, s;
	int		 i;

	n = el(parent, "stats", NULL);
	num_attr(pc, n, "count", (long)st->count);
	num_attr(pc, n, "mean", st->mean);
	for (i = 0; i < STATUS__MAX; i++) {
		s = el(n, "status", NULL);
		attr(s, "code", status_name((enum status)i));
		num_attr(pc, s, "count", (long)st->status[i]);
	}
	return n;
}

/*
 * A year's stats, each status that has measures linking to the list of
 * them (its "status" page).
 */
static void
year_stats_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct yeargroup *yg)
{
	xmlNodePtr	 s;
	int		 i = 0;

	s = stats_el(pc, parent, &yg->st)->children;
	for (; s != NULL; s = s->next, i++)
		if (yg->bystatussz[i] > 0)
			href_attr_free(pc, s, url_status(yg->year,
			    (enum status)i));
}

static const struct framework *
year_fw(const struct pagectx *pc, int year)
{
	const struct yeargroup	*yg = index_year(pc->mo->ix, year);

	return yg ? yg->fw : NULL;
}

static void
area_name_attr(const struct pagectx *pc, xmlNodePtr n, int year, enum area a)
{
	attr(n, "code", area_name(a));
	attr(n, "name", index_area_name(pc->mo->ix, pc->mo->fmt->lang, year,
	    a));
}

static void
period_el(const struct pagectx *pc, xmlNodePtr parent, const struct period *p,
    int year)
{
	xmlNodePtr	 n;
	char		*s;

	s = period_format(p, year, pc->mo->fmt);
	n = el(parent, "period", s);
	free(s);
	s = date_iso(&p->start);
	attr(n, "start", s);
	free(s);
	s = date_iso(&p->end);
	attr(n, "end", s);
	free(s);
	attr(n, "whole-year", p->whole_year ? "true" : "false");
	if (p->text != NULL)
		attr(n, "as-written", p->text);
}

static void
measure_head(const struct pagectx *pc, xmlNodePtr n, const struct measure *m)
{
	const struct index	*ix = pc->mo->ix;
	const struct indicator	*ind;
	const struct update	*u;
	xmlNodePtr		 v, areas, owners;
	size_t			 i;
	int			 a;
	char			*s;

	attr(n, "slug", m->slug);
	href_attr_free(pc, n, url_measure(m));
	/* Only built with --drafts: the theme marks it, so nobody takes it for published. */
	if (m->draft)
		attr(n, "draft", "true");
	attr(n, "status", status_name(m->status));
	attrf(n, "progress", "%d", m->progress);
	el(n, "title", m->title);
	v = num_el(pc, n, "year", m->fiscal_year);
	href_attr_free(pc, v, url_year(m->fiscal_year));
	areas = el(n, "areas", NULL);
	for (a = 0; a < AREA__MAX; a++)
		if (m->areas & (1u << a)) {
			v = el(areas, "area", NULL);
			area_name_attr(pc, v, m->fiscal_year, (enum area)a);
			href_attr_free(pc, v, url_area(m->fiscal_year,
			    (enum area)a));
		}
	if (m->indicator) {
		ind = framework_indicator(year_fw(pc, m->fiscal_year),
		    m->indicator);
		v = el(n, "indicator", ind ? ind->name[pc->mo->fmt->lang] :
		    NULL);
		num_attr(pc, v, "number", m->indicator);
	}
	owners = el(n, "owners", NULL);
	for (i = 0; i < m->ownersz; i++) {
		v = el(owners, "owner", m->owners[i]);
		href_attr_free(pc, v, url_owner(&ix->owners[m->ownerix[i]]));
	}
	period_el(pc, n, &m->period, m->fiscal_year);
	v = el(n, "status", NULL);
	attr(v, "code", status_name(m->status));
	num_el(pc, n, "progress", m->progress);
	if (m->summary != NULL)
		el(n, "summary", m->summary);
	if ((u = measure_last_update(m)) != NULL)
		date_el(pc, n, "updated", &u->date);
	if (m->has_order) {
		s = num_format(m->order, pc->mo->fmt);
		v = el(n, "order", s);
		attrf(v, "value", "%d", m->order);
		free(s);
	}
}

/* Updates, newest first; equal dates keep the order written. */
static void
updates_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct measure *m)
{
	const struct update	**v;
	const struct update	 *t;
	xmlNodePtr		  list, n, s;
	size_t			  i, k;

	if (m->updatesz == 0)
		return;
	v = xcalloc(m->updatesz, sizeof(*v));
	for (i = 0; i < m->updatesz; i++) {
		t = &m->updates[i];
		for (k = i; k > 0 && date_cmp(&v[k - 1]->date, &t->date) < 0;
		    k--)
			v[k] = v[k - 1];
		v[k] = t;
	}
	list = el(parent, "updates", NULL);
	for (i = 0; i < m->updatesz; i++) {
		n = el(list, "update", NULL);
		date_el(pc, n, "date", &v[i]->date);
		if (v[i]->progress >= 0)
			num_el(pc, n, "progress", v[i]->progress);
		if (v[i]->status != STATUS_NONE) {
			s = el(n, "status", NULL);
			attr(s, "code", status_name(v[i]->status));
		}
		if (v[i]->note != NULL)
			el(n, "note", v[i]->note);
	}
	free(v);
}

/* A <feed> link to the feed of m, or of area (>= 0), or of the site. */
static xmlNodePtr
feed_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct measure *m, int area)
{
	xmlNodePtr	 v = el(parent, "feed", NULL);
	char		*s;

	href_attr_free(pc, v, url_feed(m, area));
	s = feed_title(pc->mo->site, pc->mo->ix, m, area);
	attr(v, "title", s);
	free(s);
	return v;
}

/* How much of a measure a page needs. */
enum detail {
	DETAIL_SUMMARY,		/* lists: no body */
	DETAIL_PAGE,		/* its own page: the whole body */
	DETAIL_REPORT		/* the report: methods and result columns */
};

static void
evidence_el(const struct pagectx *pc, xmlNodePtr n, const struct measure *m)
{
	xmlNodePtr	 list, v;
	size_t		 i;

	if (m->evidencesz == 0)
		return;
	list = el(n, "evidence", NULL);
	for (i = 0; i < m->evidencesz; i++) {
		v = el(list, "item", m->evidence[i].title);
		if (url_is_site(m->evidence[i].url))
			href_attr(pc, v, m->evidence[i].url);
		else
			attr(v, "href", m->evidence[i].url);
	}
}

/* The previous and next measure of each of m's areas, in report order. */
static void
neighbours_el(const struct pagectx *pc, xmlNodePtr n, const struct measure *m)
{
	xmlNodePtr	 list, v, nb;
	int		 a;

	list = el(n, "neighbours", NULL);
	for (a = 0; a < AREA__MAX; a++) {
		if (!(m->areas & (1u << a)))
			continue;
		nb = el(list, "area", NULL);
		area_name_attr(pc, nb, m->fiscal_year, (enum area)a);
		if (m->prev[a] != NULL) {
			v = el(nb, "prev", m->prev[a]->title);
			href_attr_free(pc, v, url_measure(m->prev[a]));
		}
		if (m->next[a] != NULL) {
			v = el(nb, "next", m->next[a]->title);
			href_attr_free(pc, v, url_measure(m->next[a]));
		}
	}
}

/*
 * A measure on its own page: its feed, whole body, evidence, updates
 * and neighbours.
 */
static void
measure_full(const struct pagectx *pc, xmlNodePtr n, const struct measure *m)
{
	feed_el(pc, n, m, -1);
	html_el(pc, n, "body", m->html);
	evidence_el(pc, n, m);
	updates_el(pc, n, m);
	neighbours_el(pc, n, m);
}

/*
 * A measure as a row of the report: its columns and evidence only.  A
 * national report holds tens of thousands of rows, and the updates and
 * neighbours were as large as the rest of the row.
 */
static void
measure_row(const struct pagectx *pc, xmlNodePtr n, const struct measure *m)
{
	if (m->html->spansz == 0)
		html_el(pc, n, "body", m->html);
	section_el(pc, n, "methods", m->html, COL_METHODS);
	section_el(pc, n, "result", m->html, COL_RESULT);
	evidence_el(pc, n, m);
}

static xmlNodePtr
measure_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct measure *m, enum detail how)
{
	xmlNodePtr	 n = el(parent, "measure", NULL);

	measure_head(pc, n, m);
	if (how == DETAIL_PAGE)
		measure_full(pc, n, m);
	else if (how == DETAIL_REPORT)
		measure_row(pc, n, m);
	return n;
}

/* A score (hundredths) as attributes NAME (for machines) and NAME-label. */
static void
score_attr(const struct pagectx *pc, xmlNodePtr n, const char *name, int v)
{
	char	*s = score_value(v), *an;

	attr(n, name, s);
	free(s);
	s = score_format(v, pc->mo->fmt);
	an = xasprintf("%s-label", name);
	attr(n, an, s);
	free(an);
	free(s);
}

/* The scores of fiscal year year with their framework, or NULL. */
static const struct scored *
year_scores(const struct index *ix, int year)
{
	size_t	 i;

	for (i = 0; i < ix->scoredsz; i++)
		if (ix->scored[i].sc->fiscal_year == year)
			return &ix->scored[i];
	return NULL;
}

/*
 * The score of indicator number in the year before year: the result
 * that year's measures were chosen to raise.
 */
static void
indicator_score(const struct pagectx *pc, xmlNodePtr n, int year, int number)
{
	const struct scored	*sd = year_scores(pc->mo->ix, year - 1);

	if (sd == NULL || number < 1 || number > SCORE_INDS ||
	    sd->sc->ind[number] < 0)
		return;
	score_attr(pc, n, "score", sd->sc->ind[number]);
	num_attr(pc, n, "score-year", year - 1);
}

/* The link to a year's O-item checklist, if it has one. */
static void
checklist_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct yeargroup *yg)
{
	xmlNodePtr	 v;

	if (yg->orowsz == 0)
		return;
	v = el(parent, "checklist", NULL);
	num_attr(pc, v, "year", yg->year);
	href_attr_free(pc, v, url_page(&model_types[model_type("oit")], yg,
	    0));
}

/*
 * The ITA results of every year, oldest first.  basis: the year whose
 * results this page's measures answer (marked basis="true"); each
 * year's next is the year after it, when it has measures.
 */
static void
scores_el(const struct pagectx *pc, xmlNodePtr parent, int basis)
{
	const struct index	*ix = pc->mo->ix;
	const struct scored	*sd;
	const struct scores	*sc;
	const struct indicator	*ind;
	const struct yeargroup	*yg;
	xmlNodePtr		 list, y, v;
	size_t			 i;
	int			 a, n;

	if (ix->scoredsz == 0)
		return;
	list = el(parent, "scores", NULL);
	for (i = 0; i < ix->scoredsz; i++) {
		sd = &ix->scored[i];
		sc = sd->sc;
		y = el(list, "year", NULL);
		num_attr(pc, y, "value", sc->fiscal_year);
		if (sc->fiscal_year == basis)
			attr(y, "basis", "true");
		v = el(y, "total", NULL);
		score_attr(pc, v, "score", sc->total);
		for (a = 0; a < AREA__MAX; a++) {
			if (sc->area[a] < 0)
				continue;
			v = el(y, "area", NULL);
			area_name_attr(pc, v, sc->fiscal_year, (enum area)a);
			score_attr(pc, v, "score", sc->area[a]);
			if (sd->fw->weight[a] > 0)
				num_attr(pc, v, "weight", sd->fw->weight[a]);
		}
		for (n = 1; n <= SCORE_INDS; n++) {
			if (sc->ind[n] < 0)
				continue;
			ind = framework_indicator(sd->fw, n);
			v = el(y, "indicator", ind != NULL ?
			    ind->name[pc->mo->fmt->lang] : NULL);
			num_attr(pc, v, "number", n);
			score_attr(pc, v, "score", sc->ind[n]);
		}
		if (sc->level != NULL)
			el(y, "level", sc->level);
		if (sc->note != NULL)
			el(y, "note", sc->note);
		if ((yg = index_year(ix, sc->fiscal_year + 1)) != NULL &&
		    yg->sz > 0) {
			v = el(y, "next", NULL);
			num_attr(pc, v, "value", yg->year);
			num_attr(pc, v, "count", (long)yg->sz);
			href_attr_free(pc, v, url_year(yg->year));
		}
	}
}

/* One area of a year: stats, and measures grouped by indicator. */
static void
area_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct yeargroup *yg, enum area a, int with_measures)
{
	const struct areagroup	*ag = &yg->area[a];
	const struct indgroup	*g;
	xmlNodePtr		 n, in;
	size_t			 i, k;

	n = el(parent, "area", NULL);
	area_name_attr(pc, n, yg->year, a);
	href_attr_free(pc, n, url_area(yg->year, a));
	stats_el(pc, n, &ag->st);
	for (i = 0; i < ag->indsz; i++) {
		g = &ag->ind[i];
		if (with_measures && !group_shown(pc, g->m, g->sz))
			continue;
		in = el(n, "indicator", g->ind ?
		    g->ind->name[pc->mo->fmt->lang] : NULL);
		if (g->number)
			num_attr(pc, in, "number", g->number);
		num_attr(pc, in, "count", (long)g->sz);
		num_attr(pc, in, "mean", g->mean);
		indicator_score(pc, in, yg->year, g->number);
		for (k = 0; with_measures && k < g->sz; k++)
			if (shown(pc, g->m[k]))
				measure_el(pc, in, g->m[k], DETAIL_SUMMARY);
	}
}

/* The measures of year yg updated most recently (index.c). */
static void
recent_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct yeargroup *yg)
{
	xmlNodePtr	 n;
	size_t		 i;

	if (yg->recentsz == 0)
		return;
	n = el(parent, "recent", NULL);
	for (i = 0; i < yg->recentsz; i++)
		measure_el(pc, n, yg->recent[i], DETAIL_SUMMARY);
}

/* A year: stats, its areas, and the link to its report. */
static xmlNodePtr
year_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct yeargroup *yg, int with_measures)
{
	xmlNodePtr	 n, r;
	int		 a;

	n = el(parent, "year", NULL);
	num_attr(pc, n, "value", yg->year);
	href_attr_free(pc, n, url_year(yg->year));
	year_stats_el(pc, n, yg);
	if (yg->sz > 0) {
		r = el(n, "report", yg->report ? yg->report->title : NULL);
		href_attr_free(pc, r, url_page(&model_types[model_type(
		    "report")], yg, 0));
		if (yg->report != NULL)
			period_el(pc, r, &yg->report->period, yg->year);
	}
	checklist_el(pc, n, yg);
	for (a = 0; a < AREA__MAX; a++)
		area_el(pc, n, yg, (enum area)a, with_measures);
	recent_el(pc, n, yg);
	return n;
}

/* The site's RSS feeds: the whole site's, then one per area. */
static void
feeds_el(const struct pagectx *pc, xmlNodePtr parent)
{
	xmlNodePtr	 list, v;
	int		 a;

	list = el(parent, "feeds", NULL);
	feed_el(pc, list, NULL, -1);
	for (a = 0; a < AREA__MAX; a++) {
		v = feed_el(pc, list, NULL, a);
		attr(v, "area", area_name((enum area)a));
	}
}

/* The open data files: every year's, then each year's with measures. */
static void
data_el(const struct pagectx *pc, xmlNodePtr parent)
{
	static const char *const exts[] = { "json", "csv", "csv-th" };
	const struct index	*ix = pc->mo->ix;
	xmlNodePtr		 list, y, v;
	size_t			 i, k;

	list = el(parent, "data", NULL);
	href_attr(pc, list, url_datadoc);
	for (k = 0; k < 3; k++) {
		v = el(list, "file", NULL);
		attr(v, "format", exts[k]);
		href_attr_free(pc, v, url_data(0, exts[k]));
	}
	for (i = ix->yearsz; i-- > 0;) {
		if (ix->years[i].sz == 0)
			continue;
		y = el(list, "year", NULL);
		num_attr(pc, y, "value", ix->years[i].year);
		for (k = 0; k < 3; k++) {
			v = el(y, "file", NULL);
			attr(v, "format", exts[k]);
			href_attr_free(pc, v, url_data(ix->years[i].year,
			    exts[k]));
		}
	}
}

/* A link of site.yaml (menu, policies): a site path or a full address. */
static void
link_el(const struct pagectx *pc, xmlNodePtr list, const struct menuitem *m)
{
	xmlNodePtr	 v = el(list, "item", m->title);

	if (m->url[0] == '/' && m->url[1] != '/')
		href_attr(pc, v, m->url + 1);
	else
		attr(v, "href", m->url);
}

/* The agency's own face (site.yaml): each part only when given. */
static void
identity_el(const struct pagectx *pc, xmlNodePtr n)
{
	const struct identity	*id = &pc->mo->site->cfg.id;
	xmlNodePtr		 v, list;
	char			*s, *t;
	size_t			 i, k;

	if (id->logo != NULL) {
		v = el(n, "logo", NULL);
		href_attr(pc, v, id->logo);
		attr(v, "alt", id->logo_alt);
	}
	if (id->main_site.url != NULL) {
		v = el(n, "main-site", id->main_site.title);
		attr(v, "href", id->main_site.url);
	}
	if (id->address || id->phone || id->email || id->hours) {
		list = el(n, "contact", NULL);
		if (id->address != NULL)
			el(list, "address", id->address);
		if (id->phone != NULL) {
			v = el(list, "phone", id->phone);
			/* tel: takes the digits, not the way they are grouped. */
			s = digits_ascii(id->phone);
			t = xmalloc(strlen(s) + 5);
			memcpy(t, "tel:", 4);
			for (i = 0, k = 4; s[i] != '\0'; i++)
				if ((s[i] >= '0' && s[i] <= '9') ||
				    (s[i] == '+' && k == 4))
					t[k++] = s[i];
			t[k] = '\0';
			attr(v, "href", t);
			free(t);
			free(s);
		}
		if (id->email != NULL) {
			v = el(list, "email", id->email);
			s = xstrcat3("mailto:", id->email, "");
			attr(v, "href", s);
			free(s);
		}
		if (id->hours != NULL)
			el(list, "hours", id->hours);
	}
	if (id->has_colors) {
		v = el(n, "colors", NULL);
		attrf(v, "primary", "#%02x%02x%02x", id->primary.r,
		    id->primary.g, id->primary.b);
		attrf(v, "dark", "#%02x%02x%02x", id->dark.r, id->dark.g,
		    id->dark.b);
	}
	if (id->policiesz > 0) {
		list = el(n, "policies", NULL);
		for (i = 0; i < id->policiesz; i++)
			link_el(pc, list, &id->policies[i]);
	}
}

/*
 * The site data every page carries: names, menu, feeds, data, years,
 * areas.  Made once per root for every page (struct shell), so it may
 * read only pc->mo and pc->root.
 */
static void
site_el(const struct pagectx *pc, xmlNodePtr parent)
{
	const struct config	*cfg = &pc->mo->site->cfg;
	const struct index	*ix = pc->mo->ix;
	const struct yeargroup	*yg;
	xmlNodePtr		 n, list, v;
	size_t			 i;
	int			 a;
	char			*gen;

	n = el(parent, "site", NULL);
	el(n, "title", cfg->title);
	el(n, "organization", cfg->organization);
	if (cfg->description != NULL)
		el(n, "description", cfg->description);
	el(n, "base-url", cfg->base_url);
	gen = mo_digits(pc, "Prongsai " VERSION);
	v = el(n, "generator", gen);
	attr(v, "version", VERSION);
	free(gen);
	v = el(n, "home", NULL);
	href_attr(pc, v, "");
	v = el(n, "owners", NULL);
	href_attr(pc, v, url_owners);
	v = el(n, "search", NULL);
	href_attr(pc, v, url_search);
	list = el(n, "menu", NULL);
	for (i = 0; i < cfg->menusz; i++) {
		v = el(list, "item", cfg->menu[i].title);
		if (cfg->menu[i].url[0] == '/' && cfg->menu[i].url[1] != '/')
			href_attr(pc, v, cfg->menu[i].url + 1);
		else
			attr(v, "href", cfg->menu[i].url);
	}
	for (i = 0; i < pc->mo->menusz; i++) {
		v = el(list, "item", pc->mo->menu[i]->title);
		href_attr_free(pc, v, url_doc(pc->mo->menu[i]));
	}
	identity_el(pc, n);
	feeds_el(pc, n);
	data_el(pc, n);
	list = el(n, "years", NULL);
	for (i = ix->yearsz; i-- > 0;) {
		v = el(list, "year", NULL);
		num_attr(pc, v, "value", ix->years[i].year);
		num_attr(pc, v, "count", (long)ix->years[i].sz);
		href_attr_free(pc, v, url_year(ix->years[i].year));
		if (ix->years[i].year == ix->current)
			attr(v, "current", "true");
	}
	if ((yg = index_year(ix, ix->current)) == NULL)
		return;
	list = el(n, "areas", NULL);
	num_attr(pc, list, "year", yg->year);
	for (a = 0; a < AREA__MAX; a++) {
		v = el(list, "area", NULL);
		area_name_attr(pc, v, yg->year, (enum area)a);
		num_attr(pc, v, "count", (long)yg->area[a].sz);
		href_attr_free(pc, v, url_area(yg->year, (enum area)a));
	}
	checklist_el(pc, n, yg);
}

/* Depth of a site path ("2566/measures/x/" is 3) as "../../../". */
static char *
root_of(const char *path)
{
	size_t		 depth = 0, i;
	const char	*p;
	char		*r;

	for (p = path; *p != '\0'; p++)
		if (*p == '/')
			depth++;
	r = xmalloc(depth * 3 + 1);
	for (i = 0; i < depth; i++)
		memcpy(r + i * 3, "../", 3);
	r[depth * 3] = '\0';
	return r;
}

static void hash_nodes(struct hasher *, xmlNodePtr);

/*
 * The shell of the pages whose root is root, made by the first page that
 * needs it.  A shell is never changed or freed while pages are made, so
 * it is read without the lock once found.
 */
static const struct shell *
shell_get(const struct model *mo, const char *root)
{
	struct shells	*ss = mo->shells;
	struct pagectx	 pc;
	struct shell	*sh = NULL;
	struct hasher	*h;
	xmlNodePtr	 top, strings;
	size_t		 i;

	pthread_mutex_lock(&ss->lock);
	for (i = 0; i < ss->sz && sh == NULL; i++)
		if (strcmp(ss->v[i]->root, root) == 0)
			sh = ss->v[i];
	if (sh == NULL) {
		sh = xcalloc(1, sizeof(*sh));
		memset(&pc, 0, sizeof(pc));
		pc.mo = mo;
		pc.root = (char *)root;
		pc.doc = sh->doc = xmlNewDoc(BAD_CAST_S("1.0"));
		top = xmlNewNode(NULL, BAD_CAST_S("shell"));
		xmlDocSetRootElement(sh->doc, top);
		site_el(&pc, top);
		if (mo->strings != NULL &&
		    (strings = xmlDocGetRootElement(mo->strings)) != NULL)
			sh->words = xmlAddChild(top,
			    xmlDocCopyNode(strings, sh->doc, 1));
		h = hash_new();
		hash_nodes(h, top->children);
		hash_end(h, &sh->h);
		sh->root = xstrdup(root);
		ss->v = xgrow(ss->v, ss->sz, sizeof(*ss->v));
		ss->v[ss->sz++] = sh;
	}
	pthread_mutex_unlock(&ss->lock);
	return sh;
}

/*
 * The parts of a list or report split in parts: each with its number and
 * link, this one marked.
 */
static void
parts_el(const struct pagectx *pc, xmlNodePtr root, const struct pageref *ref)
{
	xmlNodePtr	 n, v;
	size_t		 k;
	char		*base;

	n = el(root, "parts", NULL);
	num_attr(pc, n, "count", (long)ref->parts);
	num_attr(pc, n, "current", (long)ref->part + 1);
	base = url_page(&model_types[ref->type], ref->what, ref->area);
	for (k = 0; k < ref->parts; k++) {
		v = el(n, "part", NULL);
		num_attr(pc, v, "number", (long)k + 1);
		href_attr_free(pc, v, url_part(base, k));
		if (k == ref->part)
			attr(v, "current", "true");
	}
	free(base);
}

/*
 * Start the page ref (its type, its site path).  Returns the root
 * element to which the page's own data is added.
 */
static xmlNodePtr
page_begin(struct pagectx *pc, const struct model *mo,
    const struct pageref *ref)
{
	const struct shell	*sh;
	struct pagedoc		*pd;
	xmlNodePtr		 root, c;
	char			*canon;

	pc->mo = mo;
	pc->root = root_of(ref->path);
	pc->doc = model_doc(mo, ref->type);
	pc->byref = mo->use[ref->type].byref;
	pd = xcalloc(1, sizeof(*pd));
	pc->doc->_private = pd;
	if (pc->byref)
		pd->refs = pc->refs = html_refs_new(rebase_root,
		    xstrdup(pc->root), mo->tableword);
	root = xmlNewNode(NULL, BAD_CAST_S("page"));
	xmlDocSetRootElement(pc->doc, root);
	attr(root, "type", model_types[ref->type].name);
	attr(root, "path", ref->path);
	attr(root, "root", pc->root);
	attr(root, "lang", mo->fmt->lang == LANG_TH ? "th" : "en");
	attr(root, "digits", mo->fmt->digits == DIGITS_THAI ? "thai" :
	    "arabic");
	canon = xasprintf("%s%s", mo->site->cfg.base_url, ref->path);
	attr(root, "canonical", canon);
	free(canon);
	sh = shell_get(mo, pc->root);
	for (c = xmlDocGetRootElement(sh->doc)->children; c; c = c->next) {
		if (c == sh->words && !mo->use[ref->type].words)
			continue;
		xmlAddChild(root, xmlDocCopyNode(c, pc->doc, 1));
		pd->shellsz++;
	}
	pd->shellh = sh->h;
	pc->first = pc->last = NULL;
	if (ref->parts > 1 && ref->msz > 0) {
		pc->first = ref->m[0];
		pc->last = ref->m[ref->msz - 1];
		parts_el(pc, root, ref);
	}
	return root;
}

static xmlDocPtr
page_end(struct pagectx *pc)
{
	free(pc->root);
	return pc->doc;
}

/*
 * What is not finished in year yg: the measures in progress, then those
 * planned, each in report order, at most UNFINISHED_MAX of them (count
 * says how many there are; the status pages list them all).
 */
#define UNFINISHED_MAX	30
static void
unfinished_el(const struct pagectx *pc, xmlNodePtr parent,
    const struct yeargroup *yg)
{
	static const enum status open[] = { STATUS_IN_PROGRESS,
	    STATUS_PLANNED };
	xmlNodePtr	 n;
	size_t		 i, k, shown = 0;

	if (yg == NULL)
		return;
	n = el(parent, "unfinished", NULL);
	num_attr(pc, n, "year", yg->year);
	num_attr(pc, n, "count", (long)(yg->bystatussz[STATUS_PLANNED] +
	    yg->bystatussz[STATUS_IN_PROGRESS]));
	for (k = 0; k < 2; k++)
		for (i = 0; i < yg->bystatussz[open[k]] &&
		    shown < UNFINISHED_MAX; i++, shown++)
			measure_el(pc, n, yg->bystatus[open[k]][i],
			    DETAIL_SUMMARY);
}

/* The home page: the current year at a glance and the other years. */
static xmlDocPtr
model_home(const struct model *mo, const struct pageref *ref)
{
	struct pagectx		 pc;
	xmlNodePtr		 root, list;
	size_t			 i;

	root = page_begin(&pc, mo, ref);
	stats_el(&pc, root, &mo->ix->st);
	unfinished_el(&pc, root, index_year(mo->ix, mo->ix->current));
	list = el(root, "years", NULL);
	for (i = mo->ix->yearsz; i-- > 0;) {
		year_el(&pc, list, &mo->ix->years[i], 0);
		if (mo->ix->years[i].year == mo->ix->current)
			attr(list->last, "current", "true");
	}
	scores_el(&pc, root, mo->ix->current - 1);
	return page_end(&pc);
}

static xmlDocPtr
model_year(const struct model *mo, const struct pageref *ref)
{
	struct pagectx	 pc;
	xmlNodePtr	 root;

	root = page_begin(&pc, mo, ref);
	year_el(&pc, root, ref->what, 1);
	scores_el(&pc, root, ((const struct yeargroup *)ref->what)->year - 1);
	return page_end(&pc);
}

static xmlDocPtr
model_area(const struct model *mo, const struct pageref *ref)
{
	const struct yeargroup	*yg = ref->what;
	struct pagectx		 pc;
	xmlNodePtr		 root, y;

	root = page_begin(&pc, mo, ref);
	y = el(root, "year", NULL);
	num_attr(&pc, y, "value", yg->year);
	href_attr_free(&pc, y, url_year(yg->year));
	area_el(&pc, root, yg, (enum area)ref->area, 1);
	return page_end(&pc);
}

/*
 * The measures of one year in one status (ref->area), in report order,
 * with the year's stats, so the page can show where they stand among
 * the rest.
 */
static xmlDocPtr
model_status(const struct model *mo, const struct pageref *ref)
{
	const struct yeargroup	*yg = ref->what;
	struct pagectx		 pc;
	xmlNodePtr		 root, y, n;
	size_t			 i;

	root = page_begin(&pc, mo, ref);
	y = el(root, "year", NULL);
	num_attr(&pc, y, "value", yg->year);
	href_attr_free(&pc, y, url_year(yg->year));
	year_stats_el(&pc, y, yg);
	n = el(root, "status-list", NULL);
	attr(n, "code", status_name((enum status)ref->area));
	num_attr(&pc, n, "count", (long)yg->bystatussz[ref->area]);
	for (i = 0; i < yg->bystatussz[ref->area]; i++)
		if (shown(&pc, yg->bystatus[ref->area][i]))
			measure_el(&pc, n, yg->bystatus[ref->area][i],
			    DETAIL_SUMMARY);
	return page_end(&pc);
}

static xmlDocPtr
model_measure(const struct model *mo, const struct pageref *ref)
{
	struct pagectx	 pc;
	xmlNodePtr	 root;

	root = page_begin(&pc, mo, ref);
	measure_el(&pc, root, ref->what, DETAIL_PAGE);
	return page_end(&pc);
}

static xmlDocPtr
model_owner(const struct model *mo, const struct pageref *ref)
{
	const struct owner	*o = ref->what, *u;
	struct pagectx		 pc;
	xmlNodePtr		 root, n, v;
	size_t			 i, k;
	char			*s;

	root = page_begin(&pc, mo, ref);
	n = el(root, "owner", NULL);
	attr(n, "name", o->name);
	/* The units it belongs to, the outermost first. */
	for (k = 0, u = o; u->parent != OWNER_NONE; k++)
		u = &mo->ix->owners[u->parent];
	for (; k > 0; k--) {
		for (i = 1, u = &mo->ix->owners[o->parent]; i < k; i++)
			u = &mo->ix->owners[u->parent];
		v = el(n, "parent", NULL);
		attr(v, "name", u->name);
		href_attr_free(&pc, v, url_owner(u));
	}
	if (o->partsz > 1)
		num_attr(&pc, n, "own-count", (long)o->parts[0].sz);
	v = el(n, "feed", NULL);
	href_attr_free(&pc, v, url_owner_feed(o));
	s = feed_owner_title(mo->site, o);
	attr(v, "title", s);
	free(s);
	stats_el(&pc, n, &o->st);
	for (i = 0; i < o->parts[0].sz; i++)
		if (shown(&pc, o->parts[0].m[i]))
			measure_el(&pc, n, o->parts[0].m[i], DETAIL_SUMMARY);
	for (k = 1; k < o->partsz; k++) {
		if (!group_shown(&pc, o->parts[k].m, o->parts[k].sz))
			continue;
		u = &mo->ix->owners[o->parts[k].owner];
		v = el(n, "sub-unit", NULL);
		attr(v, "name", u->name);
		href_attr_free(&pc, v, url_owner(u));
		num_attr(&pc, v, "count", (long)o->parts[k].sz);
		for (i = 0; i < o->parts[k].sz; i++)
			if (shown(&pc, o->parts[k].m[i]))
				measure_el(&pc, v, o->parts[k].m[i],
				    DETAIL_SUMMARY);
	}
	return page_end(&pc);
}

static xmlDocPtr
model_owners(const struct model *mo, const struct pageref *ref)
{
	struct pagectx	 pc;
	xmlNodePtr	 root, list, v;
	size_t		 i;

	root = page_begin(&pc, mo, ref);
	list = el(root, "owner-list", NULL);
	for (i = 0; i < mo->ix->ownersz; i++) {
		v = el(list, "owner", mo->ix->owners[i].name);
		href_attr_free(&pc, v, url_owner(&mo->ix->owners[i]));
		num_attr(&pc, v, "count", (long)mo->ix->owners[i].sz);
		if (mo->ix->owners[i].parent != OWNER_NONE)
			attr(v, "parent",
			    mo->ix->owners[mo->ix->owners[i].parent].name);
	}
	return page_end(&pc);
}

static xmlDocPtr
model_page(const struct model *mo, const struct pageref *ref)
{
	const struct page	*p = ref->what;
	struct pagectx		 pc;
	xmlNodePtr		 root, n;

	root = page_begin(&pc, mo, ref);
	n = el(root, "doc", NULL);
	attr(n, "slug", p->slug);
	el(n, "title", p->title);
	html_el(&pc, n, "body", p->html);
	return page_end(&pc);
}

/* signed_by or prepared_by of a report, when given. */
static void
signer_el(xmlNodePtr parent, const char *name, const struct signer *s)
{
	xmlNodePtr	 n;

	if (s->name == NULL)
		return;
	n = el(parent, name, NULL);
	el(n, "name", s->name);
	el(n, "position", s->position);
}

/* Section s of a report (its rows follow). */
static xmlNodePtr
section_of(const struct pagectx *pc, xmlNodePtr rep,
    const struct framework *fw, size_t s)
{
	xmlNodePtr	 sec = el(rep, "section", NULL);

	num_attr(pc, sec, "number", (long)s + 1);
	el(sec, "title", fw->sec[s].name[pc->mo->fmt->lang]);
	return sec;
}

/*
 * The official report: introduction, then one table per section; a
 * part of a split report has the rows of its measures (and the
 * sections that hold them), and the rest of it as the first part.
 */
static xmlDocPtr
model_report(const struct model *mo, const struct pageref *ref)
{
	const struct yeargroup	*yg = ref->what;
	const struct report	*r = yg->report;
	struct pagectx		 pc;
	xmlNodePtr		 root, rep, sec, m;
	struct date		 asof = { 0, 0, 0 }, d;
	size_t			 s, i, k;
	char			*pdf;

	root = page_begin(&pc, mo, ref);
	rep = el(root, "report", NULL);
	num_attr(&pc, rep, "year", yg->year);
	href_attr_free(&pc, rep, url_year(yg->year));
	if (yg->report != NULL) {
		el(rep, "title", yg->report->title);
		period_el(&pc, rep, &yg->report->period, yg->year);
		html_el(&pc, rep, "intro", yg->report->html);
	}
	/* "ข้อมูล ณ วันที่": the newest date the year's content gives. */
	for (i = 0; i < yg->sz; i++) {
		measure_changed(yg->m[i], &d);
		if (asof.year == 0 || date_cmp(&d, &asof) > 0)
			asof = d;
	}
	if (asof.year != 0)
		date_el(&pc, rep, "as-of", &asof);
	if (mo->pdf && pdf_wanted(ref->m, ref->msz)) {
		pdf = url_report_pdf(ref->path);
		href_attr_free(&pc, el(rep, "pdf", NULL), pdf);
	}
	for (s = 0; yg->fw != NULL && s < yg->fw->secsz; s++) {
		sec = NULL;
		/* A part's rows keep their numbers in the whole section. */
		for (i = k = 0; i < yg->sz; i++) {
			if (!(yg->m[i]->areas & yg->fw->sec[s].areas))
				continue;
			k++;
			if (!shown(&pc, yg->m[i]))
				continue;
			if (sec == NULL)
				sec = section_of(&pc, rep, yg->fw, s);
			m = measure_el(&pc, sec, yg->m[i], DETAIL_REPORT);
			num_attr(&pc, m, "number", (long)k);
		}
		if (sec == NULL && pc.first == NULL)
			section_of(&pc, rep, yg->fw, s);
	}
	if (r != NULL) {
		signer_el(rep, "signed-by", &r->signer);
		signer_el(rep, "prepared-by", &r->preparer);
		if (r->date.year != 0)
			date_el(&pc, rep, "date", &r->date);
	}
	return page_end(&pc);
}

/*
 * A year's O-item checklist: the items in their groups, each with its
 * link when published, and the CSV of the same rows.
 */
static xmlDocPtr
model_oit(const struct model *mo, const struct pageref *ref)
{
	const struct yeargroup	*yg = ref->what;
	const struct framework	*fw = yg->fw;
	const struct orow	*r;
	struct pagectx		 pc;
	xmlNodePtr		 root, n, g, it, v;
	size_t			 i, k;
	char			*s;

	root = page_begin(&pc, mo, ref);
	n = el(root, "checklist", NULL);
	num_attr(&pc, n, "year", yg->year);
	href_attr_free(&pc, n, url_year(yg->year));
	for (i = k = 0; i < yg->orowsz; i++)
		k += yg->orows[i].url != NULL;
	num_attr(&pc, n, "count", (long)yg->orowsz);
	num_attr(&pc, n, "published", (long)k);
	v = el(n, "file", NULL);
	attr(v, "format", "csv");
	href_attr_free(&pc, v, url_data_oit(yg->year));
	for (i = 0; i < fw->ogsz; i++) {
		g = el(n, "group", NULL);
		attr(g, "code", fw->og[i].code);
		s = mo_digits(&pc, fw->og[i].code);
		attr(g, "code-label", s);
		free(s);
		s = mo_digits(&pc, fw->og[i].name[mo->fmt->lang]);
		attr(g, "name", s);
		free(s);
		if (fw->og[i].indicator)
			num_attr(&pc, g, "indicator", fw->og[i].indicator);
		for (k = 0; k < yg->orowsz; k++) {
			r = &yg->orows[k];
			if (r->group != &fw->og[i])
				continue;
			it = el(g, "item", NULL);
			attr(it, "code", r->item->code);
			s = mo_digits(&pc, r->item->code);
			attr(it, "code-label", s);
			free(s);
			s = mo_digits(&pc, r->item->name[mo->fmt->lang]);
			attr(it, "name", s);
			free(s);
			if (r->item->answer != OANSWER_NONE)
				attr(it, "answered-by", r->item->answer ==
				    OANSWER_MEASURES ? "measures" : "report");
			if (r->url != NULL && r->site)
				href_attr(&pc, it, r->url);
			else if (r->url != NULL)
				attr(it, "href", r->url);
			if (r->url != NULL) {
				s = url_item(&mo->site->cfg, r->url, r->site);
				attr(it, "address", s);
				free(s);
			}
			if (r->note != NULL)
				el(it, "note", r->note);
		}
	}
	return page_end(&pc);
}

/*
 * The data dictionary: every open data column (measure_fieldtab[]'s),
 * named in English and in the Thai CSV; the theme says what each holds.
 */
static xmlDocPtr
model_data(const struct model *mo, const struct pageref *ref)
{
	struct pagectx	 pc;
	xmlNodePtr	 root, n, v;
	size_t		 i;

	root = page_begin(&pc, mo, ref);
	n = el(root, "dictionary", NULL);
	for (i = 0; i < measure_fieldsz; i++)
		if (measure_fieldtab[i].column != NULL) {
			v = el(n, "column", NULL);
			attr(v, "name", measure_fieldtab[i].column);
			attr(v, "th", measure_fieldtab[i].column_th);
		}
	return page_end(&pc);
}

/* The search page: only site and strings; search.js reads the index. */
static xmlDocPtr
model_search(const struct model *mo, const struct pageref *ref)
{
	struct pagectx	 pc;

	page_begin(&pc, mo, ref);
	return page_end(&pc);
}

static xmlDocPtr
model_notfound(const struct model *mo, const struct pageref *ref)
{
	struct pagectx	 pc;

	page_begin(&pc, mo, ref);
	return page_end(&pc);
}

/*
 * Every type of page, in the order the build makes and the sitemap
 * lists them (the types of one year together, year by year).  Adding
 * a type: a row, its model function above, its NAME.xsl in the theme,
 * its part of page.rng, its tests.
 */
const struct pagetype model_types[] = {
	{ "home", SCOPE_SITE, NULL, 0, 1, model_home },
	{ "year", SCOPE_YEAR, NULL, 1, 1, model_year },
	{ "area", SCOPE_AREA, NULL, 1, 1, model_area },
	{ "status", SCOPE_STATUS, NULL, 1, 1, model_status },
	{ "report", SCOPE_REPORT, "report/", 1, 1, model_report },
	{ "oit", SCOPE_OIT, "checklist/", 0, 1, model_oit },
	{ "measure", SCOPE_MEASURE, NULL, 0, 1, model_measure },
	{ "owners", SCOPE_SITE, url_owners, 0, 1, model_owners },
	{ "owner", SCOPE_OWNER, NULL, 0, 1, model_owner },
	{ "page", SCOPE_PAGE, NULL, 0, 1, model_page },
	{ "data", SCOPE_SITE, url_datadoc, 0, 1, model_data },
	{ "search", SCOPE_SITE, url_search, 0, 1, model_search },
	{ "404", SCOPE_SITE, "404.html", 0, 0, model_notfound },
};
const size_t model_typesz = sizeof(model_types) / sizeof(model_types[0]);

/* The index of the type called name, or model_typesz if none is. */
size_t
model_type(const char *name)
{
	size_t	 i;

	for (i = 0; i < model_typesz; i++)
		if (strcmp(model_types[i].name, name) == 0)
			break;
	return i;
}

/* Feed node n itself into a fingerprint: type, name, attributes, text. */
static void
hash_node(struct hasher *h, xmlNodePtr n)
{
	xmlAttrPtr	 a;
	unsigned char	 t;

	t = (unsigned char)n->type;
	hash_add(h, &t, 1);
	hash_str(h, (const char *)n->name);
	if (n->type == XML_ELEMENT_NODE)
		for (a = n->properties; a != NULL; a = a->next) {
			/* Always a value, so a list of them is one list. */
			hash_str(h, (const char *)a->name);
			hash_str(h, a->children != NULL ? (const char *)
			    a->children->content : NULL);
		}
	else
		hash_str(h, (const char *)n->content);
}

/* Feed one node list into a fingerprint, with everything under it. */
static void
hash_nodes(struct hasher *h, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		hash_node(h, n);
		hash_nodes(h, n->children);
		/* Close the element, so nesting is part of the hash. */
		hash_add(h, "", 1);
	}
}

/*
 * A fingerprint of everything a page model holds: the theme turns equal
 * models into equal pages, so an equal fingerprint means an equal page.
 * The shell's copies count by the shell's own fingerprint.
 */
void
model_hash(xmlDocPtr doc, struct hash *h)
{
	const struct pagedoc	*pd = doc->_private;
	struct hasher		*hr = hash_new();
	xmlNodePtr		 n, c;
	size_t			 k;

	for (n = doc->children; n != NULL; n = n->next) {
		hash_node(hr, n);
		c = n->children;
		if (pd != NULL && n == xmlDocGetRootElement(doc) &&
		    pd->shellsz > 0) {
			hash_add(hr, &pd->shellh, sizeof(pd->shellh));
			for (k = 0; k < pd->shellsz && c != NULL; k++)
				c = c->next;
		}
		hash_nodes(hr, c);
		hash_add(hr, "", 1);
	}
	/* The bodies by reference, which the nodes only name. */
	if (pd != NULL && pd->refs != NULL)
		html_refs_hash(pd->refs, hr);
	hash_end(hr, h);
}

/*
 * Take the bodies by reference out of page model doc (see NS_BODY), for
 * the writer of its page; NULL if it has none.  The caller frees them
 * with html_refs_free().
 */
struct htmlrefs *
model_doc_refs(xmlDocPtr doc)
{
	struct pagedoc	*pd = doc->_private;
	struct htmlrefs	*r;

	if (pd == NULL)
		return NULL;
	r = pd->refs;
	pd->refs = NULL;
	return r;
}

/* Free a page model and what its _private holds. */
void
model_doc_free(xmlDocPtr doc)
{
	struct pagedoc	*pd;

	if (doc == NULL)
		return;
	if ((pd = doc->_private) != NULL) {
		html_refs_free(pd->refs);
		free(pd);
	}
	doc->_private = NULL;
	xmlFreeDoc(doc);
}
