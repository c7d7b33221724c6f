/* html.c: parses rendered HTML fragments into libxml2 trees and rewrites the URLs in them (shared by the pages and the feeds). */
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
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
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
