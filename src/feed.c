/* feed.c: writes the RSS 2.0 feeds (whole site, each area, each measure), every URL in them absolute. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "extern.h"

#define NS_ATOM		"http://www.w3.org/2005/Atom"
#define NS_CONTENT	"http://purl.org/rss/1.0/modules/content/"
#define NS_DC		"http://purl.org/dc/elements/1.1/"
#define SUMMARY_MAX	200	/* characters of a description cut from the body */
#define ELLIPSIS	"\xe2\x80\xa6"



/*
 * One item: a measure (u NULL) or one entry of its update log.  Its
 * words are made when it is written (struct itemtext): kept for every
 * item until the feeds were written, they took a tenth of the memory of
 * a national build.
 */
struct item {
	struct date		 date;	/* day 0 read as the 1st, as pubDate does */
	const struct measure	*m;
	const struct update	*u;
	size_t			 n;	/* u is the n-th update of its date; 0 for m */
	const char		*link;	/* the measure's, in struct feeds */
};

/* The words of an item, owned. */
struct itemtext {
	char	*guid;
	char	*title;
	char	*desc;
	char	*html;		/* content:encoded, or NULL */
};

/*
 * Everything the feeds of one build share.  The items of measure i are
 * items[base[i]] (the measure) to items[base[i + 1] - 1] (its updates);
 * byage lists every item newest first, and mine[base[i]...] the items
 * of measure i newest first, so that no feed scans the whole site.
 */
struct feeds {
	const struct site	*s;
	const struct index	*ix;
	const struct config	*cfg;
	void			**brk;	/* a word breaker per worker, may be NULL */
	int			 brksz;
	struct item		*items;
	size_t			 itemsz;
	size_t			*base;	/* measuresz + 1 offsets into items */
	char			**links;	/* each measure's absolute URL */
	const struct item	**byage;
	const struct item	**mine;
	struct strmap		 index;	/* a measure's path to its index */
};

/*
 * The title of a feed chosen as in url_feed(): the site's title, or
 * "site title: area name", or "site title: measure title".  The
 * caller frees it.
 */
char *
feed_title(const struct site *s, const struct index *ix,
    const struct measure *m, int area)
{
	if (m != NULL)
		return xasprintf("%s: %s", s->cfg.title, m->title);
	if (area >= 0 && area < AREA__MAX)
		return xasprintf("%s: %s", s->cfg.title, index_area_name(ix,
		    s->cfg.fmt.lang, ix->current, (enum area)area));
	return xstrdup(s->cfg.title);
}

/* The title of owner o's feed: "site title: owner".  The caller frees it. */
char *
feed_owner_title(const struct site *s, const struct owner *o)
{
	return xasprintf("%s: %s", s->cfg.title, o->name);
}


/*
 * The plain-text summary of a measure for a feed reader: its summary,
 * else its first paragraph cut at a word boundary (libthai finds Thai
 * words, which spaces do not separate) with an ellipsis, else its title.
 */
static char *
measure_summary(void *brk, const struct measure *m)
{
	const char	*text;
	size_t		 n, len;
	char		*cut, *out;

	if (m->summary != NULL)
		return xstrdup(m->summary);
	if (m->html == NULL || (text = m->html->first_para) == NULL ||
	    *text == '\0')
		return xstrdup(m->title);
	len = strlen(text);
	if ((n = thai_cut(brk, text, SUMMARY_MAX)) >= len)
		return xstrdup(text);
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\n'))
		n--;
	cut = xstrndup(text, n);
	out = xasprintf("%s" ELLIPSIS, cut);
	free(cut);
	return out;
}

/* What an update says, in the site's language and digits. */
static char *
update_words(const struct feeds *f, const struct update *u)
{
	const struct fmt	*fmt = &f->cfg->fmt;
	const char		*st = NULL;
	char			*pct = NULL, *s;
	int			 th = fmt->lang == LANG_TH;

	if (u->status != STATUS_NONE)
		st = status_word(u->status, fmt->lang);
	if (u->progress >= 0)
		pct = num_format(u->progress, fmt);
	if (pct != NULL && st != NULL)
		s = xasprintf(th ? "ความคืบหน้า %s%% (%s)" :
		    "progress %s%% (%s)", pct, st);
	else if (pct != NULL)
		s = xasprintf(th ? "ความคืบหน้า %s%%" : "progress %s%%", pct);
	else if (st != NULL)
		s = xstrdup(st);
	else
		s = xstrdup(th ? "รายงานความคืบหน้า" : "progress report");
	free(pct);
	return s;
}

/* What html_urls needs to make a feed item's links absolute. */
struct abslink {
	const struct config	*cfg;
	const char		*page;
};

static char *
abs_link(void *arg, const char *u)
{
	const struct abslink	*a = arg;

	return url_link(a->cfg, a->page, u);
}

/* A measure's body HTML with every link absolute against page. */
static char *
body_html(const struct feeds *f, const struct measure *m, const char *page)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	char		*html, *out = NULL;
	struct abslink	 a = { f->cfg, page };

	if (m->html == NULL || m->html->len == 0)
		return NULL;
	html = body_unpack(m->html);
	if (!f->cfg->unsafe_html)
		out = html_rebase(html, abs_link, &a);
	else if ((doc = html_parse(html)) != NULL) {
		root = xmlDocGetRootElement(doc);
		if (root != NULL)
			html_urls(root->children, abs_link, &a);
		out = html_dump(doc, root);
		xmlFreeDoc(doc);
	}
	free(html);
	return out;
}

/* An update as HTML: what it says, then its note. */
static char *
update_html(const char *words, const struct update *u)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*p[2];
	char		*clean;
	size_t		 i;

	p[0] = words;
	p[1] = u->note;
	for (i = 0; i < 2 && p[i] != NULL; i++) {
		clean = escape_xml_clean(p[i]);
		buf_add(&b, "<p>");
		escape_markup(&b, clean, 0);
		buf_add(&b, "</p>");
		free(clean);
	}
	return b.s;
}

/* Set item it of measure m (update u, n-th of its date, or NULL). */
static void
item_set(struct item *it, const struct measure *m, const char *link,
    const struct update *u, size_t n)
{
	it->m = m;
	it->u = u;
	it->n = n;
	it->link = link;
	if (u == NULL)
		measure_published(m, &it->date);
	else
		it->date = u->date;
	if (it->date.day == 0)
		it->date.day = 1;
}

/*
 * The words and content:encoded HTML of item it, in t; brk: the worker's
 * word breaker.  Made as the item is written rather than kept: an item
 * is written to its measure's feed and perhaps the newest few of the
 * site's and its areas', and keeping every item's words and body HTML
 * until the feeds are written cost memory in proportion to the site.
 */
static void
item_text(const struct feeds *f, void *brk, const struct item *it,
    struct itemtext *t)
{
	char	*iso, *words;

	if (it->u == NULL) {
		t->guid = xasprintf("%s#measure", it->link);
		t->title = xstrdup(it->m->title);
		t->desc = measure_summary(brk, it->m);
		t->html = body_html(f, it->m, it->link);
		return;
	}
	iso = date_iso(&it->u->date);
	t->guid = xasprintf("%s#update-%s-%zu", it->link, iso, it->n);
	free(iso);
	words = update_words(f, it->u);
	t->title = xasprintf("%s: %s", it->m->title, words);
	t->desc = xstrdup(it->u->note != NULL ? it->u->note : words);
	t->html = update_html(words, it->u);
	free(words);
}

static void
itemtext_free(struct itemtext *t)
{
	free(t->guid);
	free(t->title);
	free(t->desc);
	free(t->html);
}

/*
 * Newest first.  On the same day: by measure URL, then an update
 * written later before one written earlier, and the measure itself
 * last, so that every build agrees.  (Date, URL and n tell any two
 * items apart.)
 */
static int
item_cmp(const void *a, const void *b)
{
	const struct item	*x = a, *y = b;
	int			 c;

	if ((c = date_cmp(&y->date, &x->date)) != 0)
		return c;
	if ((c = strcmp(x->link, y->link)) != 0)
		return c;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return 0;
}

static int
itemp_cmp(const void *a, const void *b)
{
	return item_cmp(*(const struct item *const *)a,
	    *(const struct item *const *)b);
}

/*
 * The items of measure i (see struct feeds), filled in and put in date
 * order; measures own disjoint ranges, so workers need no lock.
 */
void
feed_fill(struct feeds *f, size_t i)
{
	const struct measure	*m = f->s->measures[i];
	size_t			 b = f->base[i], k, j, n;
	char			*path;

	path = url_measure(m);
	f->links[i] = url_abs(f->cfg, path);
	free(path);
	item_set(&f->items[b], m, f->links[i], NULL, 0);
	for (k = 0; k < m->updatesz; k++) {
		/* The n-th update of its date, in the order written. */
		for (j = n = 0; j <= k; j++)
			n += date_cmp(&m->updates[j].date,
			    &m->updates[k].date) == 0;
		item_set(&f->items[b + 1 + k], m, f->links[i],
		    &m->updates[k], n);
	}
	for (k = b; k < f->base[i + 1]; k++)
		f->mine[k] = &f->items[k];
	sort(&f->mine[b], f->base[i + 1] - b, sizeof(*f->mine), itemp_cmp);
}

/* Once every measure is filled: all the site's items in date order. */
void
feed_sort(struct feeds *f)
{
	size_t	 k;

	for (k = 0; k < f->itemsz; k++)
		f->byage[k] = &f->items[k];
	sort(f->byage, f->itemsz, sizeof(*f->byage), itemp_cmp);
}

/*
 * The feeds of site s with index ix, to be filled by feed_fill() on up
 * to workers threads, then ordered by feed_sort().  Free with
 * feed_free().
 */
struct feeds *
feed_new(const struct site *s, const struct index *ix, int workers)
{
	struct feeds	*f = xcalloc(1, sizeof(*f));
	size_t		 i;
	int		 w;

	f->s = s;
	f->ix = ix;
	f->cfg = &s->cfg;
	f->brksz = workers > 0 ? workers : 1;
	f->brk = xcalloc((size_t)f->brksz, sizeof(*f->brk));
	for (w = 0; w < f->brksz; w++)
		f->brk[w] = thai_brk_new();
	f->base = xcalloc(s->measuresz + 1, sizeof(*f->base));
	for (i = 0; i < s->measuresz; i++)
		f->base[i + 1] = f->base[i] + 1 + s->measures[i]->updatesz;
	f->itemsz = f->base[s->measuresz];
	f->links = xcalloc(s->measuresz + 1, sizeof(*f->links));
	f->items = xcalloc(f->itemsz ? f->itemsz : 1, sizeof(*f->items));
	f->byage = xcalloc(f->itemsz ? f->itemsz : 1, sizeof(*f->byage));
	f->mine = xcalloc(f->itemsz ? f->itemsz : 1, sizeof(*f->mine));
	for (i = 0; i < s->measuresz; i++)
		strmap_put(&f->index, s->measures[i]->path, i);
	return f;
}

void
feed_free(struct feeds *f)
{
	size_t	 i;
	int	 w;

	if (f == NULL)
		return;
	for (i = 0; i < f->s->measuresz; i++)
		free(f->links[i]);
	free(f->links);
	for (w = 0; w < f->brksz; w++)
		thai_brk_free(f->brk[w]);
	free(f->brk);
	free(f->items);
	free(f->base);
	free(f->byage);
	free(f->mine);
	strmap_free(&f->index);
	free(f);
}

/* Does item it belong in the feed of area (>= 0), or the site's (-1)? */
static int
item_in(const struct item *it, int area)
{
	if (area >= 0)
		return (it->m->areas & (1u << area)) != 0;
	return 1;
}

/*
 * Write a text element, leaving out characters XML cannot hold: the
 * bytes xmlTextWriterWriteElement() writes, escaped in one pass.
 */
static int
w_text(xmlTextWriterPtr w, const char *name, const char *text)
{
	struct buf	 b = { NULL, 0, 0 };
	int		 ok;

	buf_add(&b, "");
	escape_xml_text(&b, text);
	ok = xmlTextWriterStartElement(w, (const xmlChar *)name) >= 0 &&
	    xmlTextWriterWriteRawLen(w, (const xmlChar *)b.s, (int)b.len) >= 0 &&
	    xmlTextWriterEndElement(w) >= 0;
	free(b.s);
	return ok;
}

static int
w_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	return xmlTextWriterWriteAttribute(w, (const xmlChar *)name,
	    (const xmlChar *)value) >= 0;
}

static int
w_item(const struct feeds *f, void *brk, xmlTextWriterPtr w,
    const struct item *it)
{
	struct itemtext	 t;
	char		*date;
	int		 ok, a;

	date = date_rfc822(&it->date);
	item_text(f, brk, it, &t);
	ok = xmlTextWriterStartElement(w, (const xmlChar *)"item") >= 0 &&
	    w_text(w, "title", t.title) &&
	    w_text(w, "link", it->link) &&
	    xmlTextWriterStartElement(w, (const xmlChar *)"guid") >= 0 &&
	    w_attr(w, "isPermaLink", "false") &&
	    xmlTextWriterWriteString(w, (const xmlChar *)t.guid) >= 0 &&
	    xmlTextWriterEndElement(w) >= 0 &&
	    w_text(w, "pubDate", date) &&
	    w_text(w, "description", t.desc);
	free(date);
	for (a = 0; ok && a < AREA__MAX; a++)
		if (it->m->areas & (1u << a))
			ok = w_text(w, "category", index_area_name(f->ix,
			    f->cfg->fmt.lang, it->m->fiscal_year, (enum area)a));
	if (ok)
		ok = w_text(w, "dc:creator", f->cfg->organization);
	if (ok && t.html != NULL)
		ok = w_text(w, "content:encoded", t.html);
	itemtext_free(&t);
	return ok && xmlTextWriterEndElement(w) >= 0;
}

/*
 * The channel's link and description for the feed of the measure whose
 * own item is mi, or of area.
 */
static void
channel_about(const struct feeds *f, void *brk, const struct item *mi,
    int area, char **link, char **desc)
{
	const struct config	*cfg = f->cfg;
	const char		*name;
	char			*path;
	int			 th = cfg->fmt.lang == LANG_TH;

	if (mi != NULL) {
		*link = xstrdup(mi->link);
		*desc = measure_summary(brk, mi->m);
	} else if (area >= 0) {
		path = index_year(f->ix, f->ix->current) != NULL ?
		    url_area(f->ix->current, (enum area)area) : xstrdup("");
		*link = url_abs(cfg, path);
		free(path);
		name = index_area_name(f->ix, cfg->fmt.lang, f->ix->current,
		    (enum area)area);
		*desc = xasprintf(th ? "ความคืบหน้าของมาตรการด้าน%s (%s) "
		    "ของ%s" : "Progress of the measures for %s (%s), %s",
		    name, area_name((enum area)area), cfg->organization);
	} else {
		*link = url_abs(cfg, "");
		*desc = xstrdup(cfg->description != NULL ?
		    cfg->description : cfg->title);
	}
}

/* The channel's link and description for the feed of owner o. */
static void
owner_about(const struct feeds *f, const struct owner *o, char **link,
    char **desc)
{
	char	*path = url_owner(o);

	*link = url_abs(f->cfg, path);
	free(path);
	*desc = xasprintf(f->cfg->fmt.lang == LANG_TH ?
	    "ความคืบหน้าของมาตรการที่%sรับผิดชอบ ของ%s" :
	    "Progress of the measures %s is responsible for, %s", o->name,
	    f->cfg->organization);
}

/*
 * The feed of measure mi (its index), or of area (>= 0), or of owner o
 * (whose items, newest first, are olist), or of the whole site, into
 * buf.  Its items come from list, newest first: a measure's
 * own, or the site's (of which an area feed takes those of the area).
 */
static int
feed_render(const struct feeds *f, void *brk, size_t mi, int area,
    const struct owner *o, const struct item *const *olist, size_t olistsz,
    const char *path, xmlBufferPtr buf)
{
	const struct measure	*m = NULL;
	const struct item	*const *list = f->byage;
	size_t			 listsz = f->itemsz;
	xmlTextWriterPtr	 w;
	const struct item	*first = NULL;
	char			*title, *link, *desc, *self, *date;
	size_t			 i, n;
	int			 ok;

	if ((w = xmlNewTextWriterMemory(buf, 0)) == NULL)
		return 0;
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
	if (mi != NO_MEASURE) {
		m = f->s->measures[mi];
		list = &f->mine[f->base[mi]];
		listsz = f->base[mi + 1] - f->base[mi];
	}
	if (o != NULL) {
		list = olist;
		listsz = olistsz;
		title = feed_owner_title(f->s, o);
		owner_about(f, o, &link, &desc);
	} else {
		title = feed_title(f->s, f->ix, m, area);
		channel_about(f, brk, m != NULL ? &f->items[f->base[mi]] :
		    NULL, area, &link, &desc);
	}
	self = url_abs(f->cfg, path);
	for (i = 0; first == NULL && i < listsz; i++)
		if (item_in(list[i], area))
			first = list[i];
	ok = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) >= 0 &&
	    xmlTextWriterStartElement(w, (const xmlChar *)"rss") >= 0 &&
	    w_attr(w, "version", "2.0") &&
	    w_attr(w, "xmlns:atom", NS_ATOM) &&
	    w_attr(w, "xmlns:content", NS_CONTENT) &&
	    w_attr(w, "xmlns:dc", NS_DC) &&
	    xmlTextWriterStartElement(w, (const xmlChar *)"channel") >= 0 &&
	    w_text(w, "title", title) &&
	    w_text(w, "link", link) &&
	    w_text(w, "description", desc) &&
	    w_text(w, "language", f->cfg->fmt.lang == LANG_TH ? "th" : "en") &&
	    w_text(w, "generator", "Prongsai " VERSION) &&
	    w_text(w, "docs", "https://www.rssboard.org/rss-specification");
	if (ok && first != NULL) {
		date = date_rfc822(&first->date);
		ok = w_text(w, "lastBuildDate", date);
		free(date);
	}
	ok = ok && xmlTextWriterStartElement(w,
	    (const xmlChar *)"atom:link") >= 0 &&
	    w_attr(w, "href", self) && w_attr(w, "rel", "self") &&
	    w_attr(w, "type", "application/rss+xml") &&
	    xmlTextWriterEndElement(w) >= 0;
	for (i = n = 0; ok && i < listsz && n < (size_t)f->cfg->feed_limit;
	    i++)
		if (item_in(list[i], area)) {
			ok = w_item(f, brk, w, list[i]);
			n++;
		}
	ok = ok && xmlTextWriterEndDocument(w) >= 0;
	xmlFreeTextWriter(w);
	free(title);
	free(link);
	free(desc);
	free(self);
	return ok;
}

/*
 * Render a feed (as feed_render()) at path on worker w and publish it,
 * adding 1 to *files; the errors as feed_write() says.
 */
static int
feed_publish(const struct feeds *f, int w, size_t mi, int area,
    const struct owner *o, const struct item *const *list, size_t n,
    const char *path, struct publish *p, size_t *files, struct diags *d)
{
	xmlBufferPtr	 buf = xmlBufferCreate();
	int		 ok;

	if (!(ok = feed_render(f, f->brk[w], mi, area, o, list, n, path,
	    buf)))
		diag_add(d, path, 0, 0, SEV_ERROR, _("cannot write the feed"));
	else if ((ok = publish_write(p, path,
	    (const char *)xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf))))
		(*files)++;
	xmlBufferFree(buf);
	return ok;
}

/*
 * Render the feed of measure mi (NO_MEASURE: of area, or with area -1 of
 * the whole site) on worker w and publish it.  Safe on several threads
 * at once once feed_sort() is done.  Adds 1 to *files.  Returns 1, or 0
 * on failure with an error in d or, for I/O, publish_error(p).
 */
int
feed_write(const struct feeds *f, size_t mi, int area, int w,
    struct publish *p, size_t *files, struct diags *d)
{
	char		*path;
	int		 ok;

	path = url_feed(mi != NO_MEASURE ? f->s->measures[mi] : NULL, area);
	ok = feed_publish(f, w, mi, area, NULL, NULL, 0, path, p, files, d);
	free(path);
	return ok;
}

/*
 * Render the feed of owner oi of the index (owners/KEY/feed.xml) on
 * worker w and publish it: the items of the owner's measures, newest
 * first, gathered from each measure's own list (never a scan of the
 * whole site).  As feed_write() otherwise.
 */
int
feed_write_owner(const struct feeds *f, size_t oi, int w,
    struct publish *p, size_t *files, struct diags *d)
{
	const struct owner	*o = &f->ix->owners[oi];
	const struct item	**list;
	size_t			 i, k, mi, n = 0, sz = 0;
	char			*path;
	int			 ok;

	for (i = 0; i < o->sz; i++)
		if ((mi = strmap_get(&f->index, o->m[i]->path)) != STRMAP_NONE)
			sz += f->base[mi + 1] - f->base[mi];
	list = xcalloc(sz ? sz : 1, sizeof(*list));
	for (i = 0; i < o->sz; i++)
		if ((mi = strmap_get(&f->index, o->m[i]->path)) != STRMAP_NONE)
			for (k = f->base[mi]; k < f->base[mi + 1]; k++)
				list[n++] = f->mine[k];
	sort(list, n, sizeof(*list), itemp_cmp);
	path = url_owner_feed(o);
	ok = feed_publish(f, w, NO_MEASURE, -1, o, list, n, path, p, files, d);
	free(path);
	free(list);
	return ok;
}
