/* test_serialize.c: cmocka tests of serialize.c, the HTML5 writer of theme results, table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "extern.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Build an HTML document as libxslt's html method does (an
 * XML_HTML_DOCUMENT_NODE), from well-formed XML, and serialize it.
 */
static char *
serialize_xml(const char *xml)
{
	xmlDocPtr	 doc;
	char		*out;
	size_t		 len;

	doc = xmlReadMemory(xml, (int)strlen(xml), NULL, "UTF-8",
	    XML_PARSE_NONET);
	assert_non_null(doc);
	doc->type = XML_HTML_DOCUMENT_NODE;
	out = serialize_html(doc, &len);
	assert_int_equal(len, strlen(out));
	xmlFreeDoc(doc);
	return out;
}

struct tcase {
	const char	*in;		/* the result tree, as XML */
	const char	*want;		/* the page, after the doctype line */
};

static void
run_cases(const struct tcase *t, size_t n)
{
	static const char	 doctype[] = "<!DOCTYPE html>\n";
	char			*got;
	size_t			 i;

	for (i = 0; i < n; i++) {
		got = serialize_xml(t[i].in);
		assert_memory_equal(got, doctype, sizeof(doctype) - 1);
		if (strcmp(got + sizeof(doctype) - 1, t[i].want) != 0)
			print_error("case %zu: got \"%s\", want \"%s\"\n", i,
			    got + sizeof(doctype) - 1, t[i].want);
		assert_string_equal(got + sizeof(doctype) - 1, t[i].want);
		free(got);
	}
}

/* Text and attribute values are escaped; script and style text is not. */
static void
test_escaping(void **state)
{
	static const struct tcase t[] = {
		{ "<p>a &amp; b &lt;c&gt; \"q\" 'a'</p>",
		  "<p>a &amp; b &lt;c&gt; \"q\" 'a'</p>\n" },
		{ "<p title=\"x &quot;y&quot; &amp; &lt;z&gt;\">t</p>",
		  "<p title=\"x &quot;y&quot; &amp; &lt;z&gt;\">t</p>\n" },
		{ "<p title=\"a&#10;b&#9;c\">t</p>",
		  "<p title=\"a&#10;b&#9;c\">t</p>\n" },
		{ "<div><script>if (a &lt; b &amp;&amp; c) x();</script></div>",
		  "<div><script>if (a < b && c) x();</script></div>\n" },
		{ "<div><style>a &gt; b { }</style></div>",
		  "<div><style>a > b { }</style></div>\n" },
		{ "<p>ไทย ๑๒๓</p>", "<p>ไทย ๑๒๓</p>\n" },
		{ "<p><!-- note --></p>", "<p><!-- note --></p>\n" },
	};

	(void)state;
	run_cases(t, NELEM(t));
}

/* Void elements have no end tag; others always have one. */
static void
test_elements(void **state)
{
	static const struct tcase t[] = {
		{ "<p>a<br/>b<img src=\"x.png\" alt=\"\"/></p>",
		  "<p>a<br>b<img src=\"x.png\" alt=\"\"></p>\n" },
		{ "<div><span></span><hr/><input type=\"checkbox\" "
		  "checked=\"checked\" disabled=\"\"/></div>",
		  "<div><span></span><hr><input type=\"checkbox\" checked "
		  "disabled></div>\n" },
		{ "<svg viewBox=\"0 0 1 1\"><rect width=\"1\"/></svg>",
		  "<svg viewBox=\"0 0 1 1\"><rect width=\"1\"></rect></svg>\n" },
	};

	(void)state;
	run_cases(t, NELEM(t));
}

/* URL attributes: blanks trimmed, non-ASCII and unsafe bytes encoded. */
static void
test_urls(void **state)
{
	static const struct tcase t[] = {
		{ "<a href=\"owners/ก ข/index.html\">x</a>",
		  "<a href=\"owners/%E0%B8%81%20%E0%B8%82/index.html\">x</a>\n" },
		{ "<a href=\"  https://x.go.th/a?b=1&amp;c=2#d\">x</a>",
		  "<a href=\"https://x.go.th/a?b=1&amp;c=2#d\">x</a>\n" },
		{ "<a href=\"a%20b\">x</a>", "<a href=\"a%20b\">x</a>\n" },
		{ "<a href='x\"y'>x</a>", "<a href=\"x%22y\">x</a>\n" },
		{ "<img src=\"ภาพ.png\" alt=\"ภาพ\"/>",
		  "<img src=\"%E0%B8%A0%E0%B8%B2%E0%B8%9E.png\" alt=\"ภาพ\">\n" },
		{ "<a name=\"ก\">x</a>", "<a name=\"%E0%B8%81\">x</a>\n" },
		{ "<p title=\"ก ข\">x</p>", "<p title=\"ก ข\">x</p>\n" },
	};

	(void)state;
	run_cases(t, NELEM(t));
}

/* The charset comes first in head, unless the theme wrote one. */
static void
test_charset(void **state)
{
	static const struct tcase t[] = {
		{ "<html lang=\"th\"><head><title>t</title></head><body/></html>",
		  "<html lang=\"th\"><head><meta charset=\"UTF-8\"><title>t"
		  "</title></head><body></body></html>\n" },
		{ "<html><head><meta charset=\"utf-8\"/></head></html>",
		  "<html><head><meta charset=\"utf-8\"></head></html>\n" },
		{ "<html><head><meta http-equiv=\"Content-Type\" "
		  "content=\"text/html; charset=UTF-8\"/></head></html>",
		  "<html><head><meta http-equiv=\"Content-Type\" "
		  "content=\"text/html; charset=UTF-8\"></head></html>\n" },
	};

	(void)state;
	run_cases(t, NELEM(t));
}

/*
 * What the writer makes, an HTML parser reads back to the same tree:
 * element names, attributes and text survive the round trip.
 */
static void
test_roundtrip(void **state)
{
	static const char	 in[] = "<html><head><title>a &lt; b</title>"
	    "</head><body><p class=\"x\">ก &amp; ข<br/>ค</p>"
	    "<ul><li><input type=\"checkbox\" disabled=\"\"/> งาน</li></ul>"
	    "</body></html>";
	htmlDocPtr		 doc;
	xmlNodePtr		 body, p;
	xmlChar			*text;
	char			*out;

	(void)state;
	out = serialize_xml(in);
	doc = htmlReadMemory(out, (int)strlen(out), NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	body = xmlDocGetRootElement(doc)->children->next;
	assert_string_equal((const char *)body->name, "body");
	p = body->children;
	assert_string_equal((const char *)p->name, "p");
	text = xmlNodeGetContent(p);
	assert_string_equal((const char *)text, "ก & ขค");
	xmlFree(text);
	xmlFreeDoc(doc);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_elements),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_roundtrip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
