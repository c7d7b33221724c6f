/* html.c: parses rendered HTML fragments into libxml2 trees, rewrites the URLs in them, and places bodies in pages (links rebased, task labels, table regions). */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "extern.h"

/* Attributes that hold a URL. */
static const char *const urlattrs[] = {
	"href", "src", "cite", "poster", "longdesc", "action",
	"formaction", "data", "background", NULL
};

/* The first <div> at or under n: the root both parsers give a fragment. */
static xmlNodePtr
first_div(xmlNodePtr n)
{
	for (; n != NULL; n = n->children)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, (const xmlChar *)"div") == 0)
			return n;
	return NULL;
}

/*
 * Parse rendered HTML into a document whose root element is a <div>
 * holding it.  cmark-gfm writes well-formed XHTML; raw HTML allowed by
 * unsafe_html may not be, so the forgiving HTML parser is the fallback.
 * Returns NULL for NULL input; free the result with xmlFreeDoc().
 */
xmlDocPtr
html_parse(const char *html)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 top, div;
	char		*wrapped;

	if (html == NULL)
		return NULL;
	wrapped = xstrcat3("<div>", html, "</div>");
	doc = xmlReadMemory(wrapped, (int)strlen(wrapped), NULL, "UTF-8",
	    HTML_XML_SAFE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL)
		doc = htmlReadMemory(wrapped, (int)strlen(wrapped), NULL,
		    "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
	free(wrapped);
	top = doc ? xmlDocGetRootElement(doc) : NULL;
	if (top != NULL && (div = first_div(top)) != top && div != NULL) {
		xmlUnlinkNode(div);
		xmlDocSetRootElement(doc, div);
		xmlFreeNode(top);
	}
	return doc;
}

/*
 * Rewrite every URL attribute under the node list n with fn, which
 * returns the new value (a string the walker frees) or NULL to drop the
 * attribute.  srcset is dropped: its candidate list cannot be rebased
 * attribute by attribute.
 */
void
html_urls(xmlNodePtr n, char *(*fn)(void *, const char *), void *arg)
{
	xmlChar		*v;
	char		*nv;
	size_t		 i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; urlattrs[i] != NULL; i++) {
			if ((v = xmlGetProp(n, (const xmlChar *)urlattrs[i]))
			    == NULL)
				continue;
			if ((nv = fn(arg, (const char *)v)) != NULL)
				xmlSetProp(n, (const xmlChar *)urlattrs[i],
				    (const xmlChar *)nv);
			else
				xmlUnsetProp(n, (const xmlChar *)urlattrs[i]);
			free(nv);
			xmlFree(v);
		}
		xmlUnsetProp(n, (const xmlChar *)"srcset");
		html_urls(n->children, fn, arg);
	}
}

/* Is the n bytes at name one of urlattrs? */
static int
is_urlattr(const char *name, size_t n)
{
	size_t	 i;

	for (i = 0; urlattrs[i] != NULL; i++)
		if (strlen(urlattrs[i]) == n &&
		    strncmp(urlattrs[i], name, n) == 0)
			return 1;
	return 0;
}

/* Append the attribute value from s to e to b with its references decoded. */
static void
add_decoded(struct buf *b, const char *s, const char *e)
{
	static const struct { const char *ref; char c; } named[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' }, { NULL, 0 }
	};
	const char	*amp;
	char		*end, u[4];
	unsigned long	 c;
	size_t		 i, n;

	while ((amp = memchr(s, '&', (size_t)(e - s))) != NULL) {
		buf_addn(b, s, (size_t)(amp - s));
		s = amp + 1;
		for (i = 0; named[i].ref != NULL; i++) {
			n = strlen(named[i].ref);
			if ((size_t)(e - amp) >= n &&
			    strncmp(amp, named[i].ref, n) == 0)
				break;
		}
		if (named[i].ref != NULL) {
			buf_addn(b, &named[i].c, 1);
			s = amp + n;
			continue;
		}
		if (amp + 2 < e && amp[1] == '#') {
			c = amp[2] == 'x' || amp[2] == 'X' ?
			    strtoul(amp + 3, &end, 16) : strtoul(amp + 2, &end, 10);
			if (end < e && *end == ';' && c > 0 && c < 0x80) {
				u[0] = (char)c;
				buf_addn(b, u, 1);
				s = end + 1;
				continue;
			}
		}
		buf_addn(b, "&", 1);
	}
	buf_addn(b, s, (size_t)(e - s));
}

/*
 * The HTML html, as cmark-gfm writes it when raw HTML is left out, with
 * every URL attribute rewritten by fn as html_urls() does, without
 * parsing it into a tree: a feed item's body was parsed and written
 * again for every feed that holds it.  In that HTML a < always opens a
 * tag or a comment and every attribute value is double-quoted with no
 * " inside, so a scan of the tags is exact; HTML that may hold raw
 * markup goes through html_parse() and html_urls() instead.  Empty
 * elements and the text's quotes come out as html_dump() writes them,
 * so the feeds are the bytes the parse gave.  The caller frees the
 * result.
 */
char *
html_rebase(const char *html, char *(*fn)(void *, const char *), void *arg)
{
	struct buf	 b = { NULL, 0, 0 }, v;
	const char	*s = html, *t, *e, *name;
	char		*nv;
	size_t		 n;

	buf_add(&b, "");
	while (*s != '\0') {
		if (strncmp(s, "<!--", 4) == 0) {
			e = strstr(s + 4, "-->");
			n = e == NULL ? strlen(s) : (size_t)(e - s) + 3;
			buf_addn(&b, s, n);
			s += n;
			continue;
		}
		if (*s != '<') {
			/* Text: " as libxml2 writes it, the rest as it is. */
			n = strcspn(s, "<&");
			buf_addn(&b, s, n);
			s += n;
			if (strncmp(s, "&quot;", 6) == 0) {
				buf_add(&b, "\"");
				s += 6;
			} else if (*s == '&') {
				buf_add(&b, "&");
				s++;
			}
			continue;
		}
		/* A tag: copied up to each URL attribute, which is rewritten. */
		for (t = s; *t != '\0' && *t != '>'; t++) {
			if (*t == '"' && (e = strchr(t + 1, '"')) != NULL) {
				t = e;
				continue;
			}
			if (*t != ' ')
				continue;
			name = t + 1;
			n = strcspn(name, "= />\"");
			if (name[n] != '=' || name[n + 1] != '"' ||
			    !is_urlattr(name, n) ||
			    (e = strchr(name + n + 2, '"')) == NULL)
				continue;
			buf_addn(&b, s, (size_t)(t - s));
			v.s = NULL;
			v.len = v.max = 0;
			buf_add(&v, "");
			add_decoded(&v, name + n + 2, e);
			if ((nv = fn(arg, v.s)) != NULL) {
				buf_addn(&b, t, n + 3);
				escape_markup(&b, nv, 1);
				buf_add(&b, "\"");
			}
			free(nv);
			free(v.s);
			s = e + 1;
			t = e;
		}
		n = *t == '>' ? (size_t)(t - s) + 1 : strlen(s);
		/* An empty element as libxml2 writes it (<br/>), as before. */
		if (n >= 3 && strncmp(s + n - 3, " />", 3) == 0) {
			buf_addn(&b, s, n - 3);
			buf_add(&b, "/>");
		} else
			buf_addn(&b, s, n);
		s += n;
	}
	return b.s;
}

/* The children of root serialized, or NULL if there are none. */
char *
html_dump(xmlDocPtr doc, xmlNodePtr root)
{
	xmlBufferPtr	 buf;
	xmlNodePtr	 n;
	char		*out = NULL;

	if (root == NULL || root->children == NULL)
		return NULL;
	buf = xmlBufferCreate();
	for (n = root->children; n != NULL; n = n->next)
		xmlNodeDump(buf, doc, n, 0, 0);
	if (xmlBufferLength(buf) > 0)
		out = xstrdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return out;
}

/*
 * Placing a body: its HTML as a page of a kind shows it, made once per
 * body and kind of page instead of being copied node by node through
 * the theme on every page.  What the default theme did to bodies is
 * done here: links rebased for the page, a task list item's inline
 * content in a <label class="task">, each table in a focusable
 * scrolling region named for its caption and heading.
 */
struct placing {
	xmlDocPtr	 doc;
	xmlNodePtr	 root;		/* the body's nodes are its children */
	char		*(*link)(void *, const char *);
	void		*arg;
};

/* Start placing a body whose site links link (with arg) rebases. */
static struct placing *
html_place_begin(char *(*link)(void *, const char *), void *arg)
{
	struct placing	*p = xcalloc(1, sizeof(*p));

	p->doc = xmlNewDoc((const xmlChar *)"1.0");
	p->root = xmlNewNode(NULL, (const xmlChar *)"div");
	xmlDocSetRootElement(p->doc, p->root);
	p->link = link;
	p->arg = arg;
	return p;
}

/*
 * Parse the len bytes of HTML at html as the last children of parent
 * (in document doc), and rebase their URLs with link (and arg).
 */
void
html_append(xmlDocPtr doc, xmlNodePtr parent, const char *html, size_t len,
    char *(*link)(void *, const char *), void *arg)
{
	xmlNodePtr	 list = NULL, first = parent->last, root;
	xmlDocPtr	 frag;
	char		*copy;

	/* cmark-gfm writes XHTML; raw HTML may need the forgiving parser. */
	if (xmlParseInNodeContext(parent, html, (int)len, HTML_XML_SAFE |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING, &list) == XML_ERR_OK)
		xmlAddChildList(parent, list);
	else {
		xmlFreeNodeList(list);
		copy = xstrndup(html, len);
		if ((frag = html_parse(copy)) != NULL &&
		    (root = xmlDocGetRootElement(frag)) != NULL)
			xmlAddChildList(parent, xmlDocCopyNodeList(doc,
			    root->children));
		if (frag != NULL)
			xmlFreeDoc(frag);
		free(copy);
	}
	html_urls(first != NULL ? first->next : parent->children, link, arg);
}

/* Add the len bytes of HTML at html to the body being placed. */
static void
html_place_add(struct placing *p, const char *html, size_t len)
{
	html_append(p->doc, p->root, html, len, p->link, p->arg);
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

/* A block that a task list item keeps after its label. */
static int
is_block(const xmlNode *n)
{
	static const char *const blocks[] = {
		"ul", "ol", "p", "div", "table", "blockquote", "pre", "h1",
		"h2", "h3", "h4", "h5", "h6", "hr", NULL
	};
	size_t	 i;

	for (i = 0; n->type == XML_ELEMENT_NODE && blocks[i] != NULL; i++)
		if (is_el(n, blocks[i]))
			return 1;
	return 0;
}

/* Has element n a child <input type="checkbox">? */
static int
has_checkbox(const xmlNode *n)
{
	const xmlNode	*c;
	xmlChar		*t;
	int		 yes = 0;

	for (c = n->children; c != NULL && !yes; c = c->next)
		if (is_el(c, "input") &&
		    (t = xmlGetProp(c, (const xmlChar *)"type")) != NULL) {
			yes = strcmp((const char *)t, "checkbox") == 0;
			xmlFree(t);
		}
	return yes;
}

/* Append s to b as XPath's normalize-space() gives it: blanks trimmed, runs one space. */
static void
add_normalized(struct buf *b, const char *s)
{
	int	 gap = 0, any = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			gap = any;
			continue;
		}
		if (gap)
			buf_add(b, " ");
		gap = 0;
		any = 1;
		buf_addn(b, s, 1);
	}
}

/* XPath's string value of n (NULL: "") appended to b. */
static void
add_text(struct buf *b, xmlNodePtr n)
{
	xmlChar	*t;

	if (n != NULL && (t = xmlNodeGetContent(n)) != NULL) {
		buf_add(b, (const char *)t);
		xmlFree(t);
	}
}

/*
 * Wrap table t in <div class="table-wrap" role="region" tabindex="0"
 * aria-label="WORD CAPTION HEADING">, the heading the nearest h2, h3 or
 * h4 before it, as the default theme did; the table itself is kept as
 * it is.
 */
static void
wrap_table(xmlNodePtr t, const char *word)
{
	struct buf	 inner = { NULL, 0, 0 }, label = { NULL, 0, 0 };
	struct buf	 norm = { NULL, 0, 0 };
	xmlNodePtr	 div, c, h;

	for (c = t->children; c != NULL && !is_el(c, "caption"); c = c->next)
		continue;
	for (h = t->prev; h != NULL && !is_el(h, "h2") && !is_el(h, "h3") &&
	    !is_el(h, "h4"); h = h->prev)
		continue;
	add_text(&inner, c);
	buf_add(&inner, " ");
	add_text(&inner, h);
	buf_add(&label, word);
	buf_add(&label, " ");
	add_normalized(&label, inner.s);
	buf_add(&norm, "");
	add_normalized(&norm, label.s);
	div = xmlNewDocNode(t->doc, NULL, (const xmlChar *)"div", NULL);
	xmlNewProp(div, (const xmlChar *)"class",
	    (const xmlChar *)"table-wrap");
	xmlNewProp(div, (const xmlChar *)"role", (const xmlChar *)"region");
	xmlNewProp(div, (const xmlChar *)"tabindex", (const xmlChar *)"0");
	xmlNewProp(div, (const xmlChar *)"aria-label",
	    (const xmlChar *)norm.s);
	xmlReplaceNode(t, div);
	xmlAddChild(div, t);
	free(inner.s);
	free(label.s);
	free(norm.s);
}

/* A task list item's (or paragraph's) inline content into a label. */
static void
label_task(xmlNodePtr n)
{
	xmlNodePtr	 label, c, next;

	label = xmlNewDocNode(n->doc, NULL, (const xmlChar *)"label", NULL);
	xmlNewProp(label, (const xmlChar *)"class", (const xmlChar *)"task");
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (is_block(c))
			continue;
		xmlUnlinkNode(c);
		xmlAddChild(label, c);
	}
	if (n->children != NULL)
		xmlAddPrevSibling(n->children, label);
	else
		xmlAddChild(n, label);
}

/* The default theme's changes to a body, on the node list n. */
static void
place_nodes(xmlNodePtr n, const char *word)
{
	xmlNodePtr	 next;

	for (; n != NULL; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(n, "table")) {
			wrap_table(n, word);
			continue;
		}
		if ((is_el(n, "li") || is_el(n, "p")) && has_checkbox(n))
			label_task(n);
		place_nodes(n->children, word);
	}
}

/*
 * Finish placing: the body's HTML as the page shows it, word naming
 * its tables ("ตาราง").  Frees p; the caller frees the string, which is
 * "" for an empty body.
 */
static char *
html_place_end(struct placing *p, const char *word)
{
	struct buf	 b = { NULL, 0, 0 };

	place_nodes(p->root->children, word);
	buf_add(&b, "");
	serialize_nodes(&b, p->root->children);
	xmlFreeDoc(p->doc);
	free(p);
	return b.s;
}

/*
 * The bodies of one page, placed only as the page is written: the page
 * model and the theme's result carry a b:html element with a ref
 * attribute (its index here), serialize.c asks html_refs_put() for its
 * HTML.  A year's report at national scale held every measure's placed
 * columns twice (as text in the model and again in the result), a
 * fifth of the build's peak; and a page the render cache keeps is never
 * placed at all.  The bodies are not copied: they belong to the site,
 * which outlives every page.
 */
struct bodyref {
	const struct body	*b;
	enum column		 col;	/* the column shown; COL_NONE: all */
};

struct htmlrefs {
	char		*(*link)(void *, const char *);
	char		 *arg;		/* owned: what link reads (the page's root) */
	const char	 *word;		/* names tables; not owned */
	struct bodyref	 *v;
	size_t		  sz;
};

/*
 * A table of the bodies of one page, whose site links link rebases
 * given arg (a string the table takes and frees), word naming its
 * tables (it must outlive the table).  Free with html_refs_free().
 */
struct htmlrefs *
html_refs_new(char *(*link)(void *, const char *), char *arg,
    const char *word)
{
	struct htmlrefs	*r = xcalloc(1, sizeof(*r));

	r->link = link;
	r->arg = arg;
	r->word = word;
	return r;
}

/*
 * Add what column col of body b shows (COL_NONE: all of it); b must
 * outlive the table.  Returns its index, for html_refs_put().
 */
size_t
html_refs_add(struct htmlrefs *r, const struct body *b, enum column col)
{
	r->v = xgrow(r->v, r->sz, sizeof(*r->v));
	r->v[r->sz].b = b;
	r->v[r->sz].col = col;
	return r->sz++;
}

/*
 * Feed what the bodies are made of into h: placing is a function of the
 * body, its column, the root and the word, so equal inputs mean equal
 * HTML.  The compressed bytes stand for the HTML: the same HTML always
 * packs to the same bytes, and other HTML to other bytes.
 */
void
html_refs_hash(const struct htmlrefs *r, struct hasher *h)
{
	const struct bodyref	*v;
	char			 head[64];
	size_t			 i;

	hash_str(h, r->arg);
	hash_str(h, r->word);
	for (i = 0; i < r->sz; i++) {
		v = &r->v[i];
		snprintf(head, sizeof(head), "b%d:%zu:", (int)v->col,
		    v->b->zlen);
		hash_str(h, head);
		hash_add(h, v->b->z, v->b->zlen);
	}
}

/* Append body i placed for its page to b; 0 if there is no body i. */
int
html_refs_put(const struct htmlrefs *r, size_t i, struct buf *b)
{
	struct placing	*pl;
	char		*all, *html;
	size_t		 k = 0, off, len;

	if (r == NULL || i >= r->sz)
		return 0;
	all = body_unpack(r->v[i].b);
	pl = html_place_begin(r->link, r->arg);
	while (body_run(r->v[i].b, r->v[i].col, &k, &off, &len))
		html_place_add(pl, all + off, len);
	free(all);
	html = html_place_end(pl, r->word);
	buf_add(b, html);
	free(html);
	return 1;
}

void
html_refs_free(struct htmlrefs *r)
{
	if (r == NULL)
		return;
	free(r->v);
	free(r->arg);
	free(r);
}
