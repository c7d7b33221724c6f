/* test_html.c: cmocka tests of html.c's html_rebase(), the scan that rewrites a safe body's URLs, against the parse, html_urls() and html_dump() it replaces. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "extern.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A link rewriter: "drop..." is dropped, others get a prefix. */
static char *
rewrite(void *arg, const char *u)
{
	(void)arg;
	if (strncmp(u, "drop", 4) == 0)
		return NULL;
	return xstrcat3("https://x.test/", u, "?a=1&b='2'");
}

/* What the feeds did before html_rebase(): parse, rewrite, write. */
static char *
by_tree(const char *html)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	char		*out;

	doc = html_parse(html);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	html_urls(root->children, rewrite, NULL);
	out = html_dump(doc, root);
	xmlFreeDoc(doc);
	return out;
}

/* Bodies as editors write them, with every kind of URL cmark-gfm writes. */
static const char *const bodies[] = {
	"A [link](x/y.html) and ![a picture](files/p.png \"its title\").\n",
	"[amp](a?b=1&c=2) [quote](it's) [space](<a b>) [thai](ไฟล์/เอกสาร.pdf)\n",
	"<https://www.example.go.th/a?x=1&y=2> and www.example.com\n",
	"Text with \"quotes\", 'apostrophes', & ampersands, <tags> and a\\\nbreak.\n",
	"- [x] done [a](done.html)\n- [ ] not yet\n\n---\n",
	"| a | b |\n|---|---|\n| [c](c.html) | `<code href=\"x\">` |\n",
	"```\n<a href=\"not-a-link\">\n```\n\n<script>alert(1)</script>\n",
	"Footnote[^1].\n\n[^1]: The [note](n.html).\n",
	"[dropped](dropme) and [kept](#here) [ref][r]\n\n[r]: ref.html \"T & 'x'\"\n",
	"",
};

static void
same_as_tree(void **state)
{
	struct body	*b;
	char		*all, *want, *got;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(bodies); i++) {
		b = markdown_render(bodies[i], 0);
		all = body_unpack(b);
		want = all[0] != '\0' ? by_tree(all) : NULL;
		got = html_rebase(all, rewrite, NULL);
		free(all);
		if (want == NULL)
			assert_string_equal(got, "");
		else {
			if (strcmp(got, want) != 0)
				print_error("body %zu:\ngot  %s\nwant %s\n", i,
				    got, want);
			assert_string_equal(got, want);
		}
		free(want);
		free(got);
		body_free(b);
	}
}

/* The rewritten value is escaped, a dropped one is gone, the rest kept. */
static void
exact(void **state)
{
	char	*got;

	(void)state;
	got = html_rebase("<p><a href=\"u&amp;v\" title=\"t\">x &lt; y</a>"
	    "<img src=\"drop\" alt=\"&quot;\" /><br />\n<!-- <a href=\"c\"> --></p>",
	    rewrite, NULL);
	assert_string_equal(got, "<p><a href=\"https://x.test/u&amp;v?a=1&amp;"
	    "b='2'\" title=\"t\">x &lt; y</a><img alt=\"&quot;\"/><br/>\n"
	    "<!-- <a href=\"c\"> --></p>");
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_as_tree),
		cmocka_unit_test(exact),
	};

	markdown_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
