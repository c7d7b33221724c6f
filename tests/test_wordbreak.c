/* test_wordbreak.c: cmocka tests of wordbreak.c, the Thai line breaks put in a page's text, table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extern.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct tcase {
	const char	*name;
	const char	*in;
	const char	*out;
};

#define W(x)	"<span class=\"w\">" x "</span>"

static const struct tcase cases[] = {
	{ "words", "<p>การประเมินคุณธรรม</p>",
	  "<p>" W("การ<wbr>ประเมิน<wbr>คุณธรรม") "</p>" },
	/* Paiyannoi stays with its word. */
	{ "paiyannoi", "<p>การประเมินฯ</p>", "<p>" W("การ<wbr>ประเมินฯ") "</p>" },
	/* A site word libthai would cut: whole, in a span.n for the PDF. */
	{ "site-word", "<p>บ้านทุ่งลูกนกของเรา</p>",
	  "<p>" W("บ้าน<wbr><span class=\"n\">ทุ่งลูกนก</span><wbr>ของ<wbr>เรา")
	  "</p>" },
	{ "site-word-whole-run", "<h1>ทุ่งลูกนก</h1>",
	  "<h1><span class=\"n\">ทุ่งลูกนก</span></h1>" },
	/* Short runs, spaces and other scripts end runs. */
	{ "short", "<p>ปี ๒๕๖๖ ITA และ</p>", "<p>ปี ๒๕๖๖ ITA " W("และ") "</p>" },
	/* Never in attributes, comments, or the skipped elements. */
	{ "attribute", "<a title=\"ทุ่งลูกนก > การประเมิน\" href=\"x\">ก</a>",
	  "<a title=\"ทุ่งลูกนก > การประเมิน\" href=\"x\">ก</a>" },
	{ "comment", "<!-- การประเมิน --><b>การประเมิน</b>",
	  "<!-- การประเมิน --><b>" W("การ<wbr>ประเมิน") "</b>" },
	{ "title", "<title>การประเมิน</title>", "<title>การประเมิน</title>" },
	{ "script", "<script>var s = '<p>การประเมิน</p>';</script>",
	  "<script>var s = '<p>การประเมิน</p>';</script>" },
	{ "pre-code", "<pre><code>การประเมิน</code></pre><p>การประเมิน</p>",
	  "<pre><code>การประเมิน</code></pre><p>" W("การ<wbr>ประเมิน") "</p>" },
	{ "option", "<select><option>การประเมิน</option></select>",
	  "<select><option>การประเมิน</option></select>" },
	{ "svg", "<svg><text>การประเมิน</text><rect/></svg><i>การประเมิน</i>",
	  "<svg><text>การประเมิน</text><rect/></svg><i>"
	  W("การ<wbr>ประเมิน") "</i>" },
};

static struct wordbreak *wb;

static int
setup(void **state)
{
	static struct site	 s;
	static struct index	 ix;
	static char		*words[] = { (char *)"ทุ่งลูกนก" };

	(void)state;
	memset(&s, 0, sizeof(s));
	memset(&ix, 0, sizeof(ix));
	s.cfg.words = words;
	s.cfg.wordsz = 1;
	wb = wordbreak_new(&s, &ix, 1);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	wordbreak_free(wb);
	return 0;
}

static void
test_cases(void **state)
{
	size_t	 i, len;
	char	*out, in[1024], want[1024];
	int	 round;

	(void)state;
	/* Twice: the second time from the cache of runs. */
	for (round = 0; round < 2; round++)
		for (i = 0; i < NELEM(cases); i++) {
			snprintf(in, sizeof(in), "<!DOCTYPE html>\n%s",
			    cases[i].in);
			snprintf(want, sizeof(want), "<!DOCTYPE html>\n%s",
			    cases[i].out);
			out = wordbreak_page(wb, 0, in, strlen(in), &len);
			if (strcmp(out, want) != 0)
				fail_msg("%s: got %s, want %s", cases[i].name,
				    out, want);
			assert_int_equal(len, strlen(out));
			free(out);
		}
}

/* XML (a theme that writes its model) is not HTML: left alone. */
static void
test_not_html(void **state)
{
	const char	*x = "<?xml version=\"1.0\"?><t>การประเมิน</t>";
	size_t		 len;
	char		*out;

	(void)state;
	out = wordbreak_page(wb, 0, x, strlen(x), &len);
	assert_string_equal(out, x);
	assert_int_equal(len, strlen(x));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_not_html),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
