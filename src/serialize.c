/* serialize.c: writes a theme's HTML result tree as HTML5 text (libxml2's general HTML writer costs a fifth of the theme's time). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "extern.h"

/* Elements that have no end tag in HTML. */
static const char *const voids[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
	"meta", "param", "source", "track", "wbr", NULL
};

/* Attributes written without a value, as HTML 4 had them. */
static const char *const booleans[] = {
	"checked", "compact", "declare", "defer", "disabled", "ismap",
	"multiple", "nohref", "noresize", "noshade", "nowrap", "readonly",
	"selected", NULL
};

/* Is name (any case) one of the lower-case names v?  Runs per node. */
static int
in_list(const char *const *v, const xmlChar *name)
{
	int	 c = name[0] | 0x20;

	for (; *v != NULL; v++)
		if ((*v)[0] == c && strcasecmp(*v, (const char *)name) == 0)
			return 1;
	return 0;
}

static const char *const urlattrs[] = { "href", "src", "action", NULL };

static int
is_url_attr(const xmlAttr *a)
{
	if (a->ns != NULL)
		return 0;
	return in_list(urlattrs, a->name) ||
	    (strcasecmp((const char *)a->name, "name") == 0 &&
	    a->parent != NULL && strcasecmp((const char *)a->parent->name,
	    "a") == 0);
}

static void
attr_value(struct buf *b, const xmlAttr *a, const char *v)
{
	if (is_url_attr(a))
		escape_url_attr(b, v);
	else
		escape_markup(b, v, 1);
}

static void
put_name(struct buf *b, const xmlNs *ns, const xmlChar *name)
{
	if (ns != NULL && ns->prefix != NULL) {
		buf_add(b, (const char *)ns->prefix);
		buf_add(b, ":");
	}
	buf_add(b, (const char *)name);
}

static void
put_attrs(struct buf *b, const xmlNode *n)
{
	const xmlNs	*ns;
	const xmlAttr	*a;
	xmlChar		*v;

	for (ns = n->nsDef; ns != NULL; ns = ns->next) {
		buf_add(b, ns->prefix != NULL ? " xmlns:" : " xmlns");
		buf_add(b, (const char *)ns->prefix);
		buf_add(b, "=\"");
		escape_markup(b, (const char *)ns->href, 1);
		buf_add(b, "\"");
	}
	for (a = n->properties; a != NULL; a = a->next) {
		buf_add(b, " ");
		put_name(b, a->ns, a->name);
		if (in_list(booleans, a->name))
			continue;
		/* Nearly always one text node: no copy needed. */
		if (a->children != NULL && a->children->next == NULL &&
		    a->children->type == XML_TEXT_NODE)
			v = NULL;
		else
			v = xmlNodeListGetString(n->doc, a->children, 1);
		buf_add(b, "=\"");
		attr_value(b, a, v != NULL ? (const char *)v :
		    a->children != NULL && a->children->content != NULL ?
		    (const char *)a->children->content : "");
		buf_add(b, "\"");
		xmlFree(v);
	}
}

/* Does the head element h already say which charset the page is in? */
static int
has_charset(const xmlNode *h)
{
	const xmlNode	*c;
	xmlChar		*v;
	int		 yes;

	for (c = h->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    strcasecmp((const char *)c->name, "meta") != 0)
			continue;
		if (xmlHasProp(c, (const xmlChar *)"charset") != NULL)
			return 1;
		if ((v = xmlGetProp(c, (const xmlChar *)"http-equiv")) == NULL)
			continue;
		yes = strcasecmp((const char *)v, "content-type") == 0;
		xmlFree(v);
		if (yes)
			return 1;
	}
	return 0;
}

static void put_nodes(struct buf *, const xmlNode *, int);

/* The body the ref attribute of NS_BODY element n names, if any. */
static void
put_body(struct buf *b, const xmlNode *n)
{
	const struct bodies	*bs;
	xmlChar			*v;
	char			*end;
	unsigned long		 i;

	if (n->doc == NULL || (bs = n->doc->_private) == NULL ||
	    (v = xmlGetNoNsProp(n, (const xmlChar *)"ref")) == NULL)
		return;
	i = strtoul((const char *)v, &end, 10);
	if (end != (char *)v && *end == '\0')
		bs->put(bs->arg, i, b);
	xmlFree(v);
}

static void
put_element(struct buf *b, const xmlNode *n)
{
	const char	*name = (const char *)n->name;
	const xmlNode	*c;

	/*
	 * A body by reference (see NS_BODY): placed now, from the table the
	 * result document holds; a text child is HTML written as it is.
	 */
	if (n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, NS_BODY) == 0) {
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_TEXT_NODE && c->content != NULL)
				buf_add(b, (const char *)c->content);
		put_body(b, n);
		return;
	}
	buf_add(b, "<");
	put_name(b, n->ns, n->name);
	put_attrs(b, n);
	buf_add(b, ">");
	if (n->ns == NULL && in_list(voids, n->name))
		return;
	/* The charset first, within the first bytes a browser sniffs. */
	if (n->ns == NULL && strcasecmp(name, "head") == 0 && !has_charset(n))
		buf_add(b, "<meta charset=\"UTF-8\">");
	put_nodes(b, n->children, n->ns == NULL &&
	    (strcasecmp(name, "script") == 0 ||
	    strcasecmp(name, "style") == 0));
	buf_add(b, "</");
	put_name(b, n->ns, n->name);
	buf_add(b, ">");
}

/* A list of sibling nodes; raw: the text of a script or style element. */
static void
put_nodes(struct buf *b, const xmlNode *n, int raw)
{
	for (; n != NULL; n = n->next)
		switch (n->type) {
		case XML_ELEMENT_NODE:
			put_element(b, n);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			/* disable-output-escaping="yes" marks its text noenc. */
			if (raw || n->name == xmlStringTextNoenc)
				buf_add(b, (const char *)n->content);
			else
				escape_markup(b, (const char *)n->content, 0);
			break;
		case XML_COMMENT_NODE:
			buf_add(b, "<!--");
			buf_add(b, (const char *)n->content);
			buf_add(b, "-->");
			break;
		case XML_ENTITY_REF_NODE:
			buf_add(b, "&");
			buf_add(b, (const char *)n->name);
			buf_add(b, ";");
			break;
		default:
			break;
		}
}

/* Append the node list n as HTML, as serialize_html() writes it. */
void
serialize_nodes(struct buf *b, const xmlNode *n)
{
	put_nodes(b, n, 0);
}

/*
 * Write the HTML document res (a theme's result tree) as an HTML5 page:
 * the doctype, a charset <meta> at the top of the head unless the theme
 * wrote one, void elements without end tags, text and attributes escaped.
 * Returns a new string of *len bytes; the caller frees it.
 */
char *
serialize_html(const xmlDoc *res, size_t *len)
{
	struct buf	 b = { NULL, 0, 0 };

	buf_add(&b, "<!DOCTYPE html>\n");
	put_nodes(&b, res->children, 0);
	buf_add(&b, "\n");
	*len = b.len;
	return b.s;
}
