/* test_escape.c: cmocka tests of escape.c's CSV rule (RFC 4180 quoting, and OWASP's neutralised formulas), table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "extern.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct tcase {
	const char	*in;
	const char	*out;
};

static void
test_csv(void **state)
{
	static const struct tcase cases[] = {
		{ "", "" },
		{ "plain ไทย", "plain ไทย" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\r\nlines", "\"two\r\nlines\"" },
		/* A spreadsheet runs these as formulas (CSV injection). */
		{ "=HYPERLINK(\"http://x/\",\"y\")",
		    "\"'=HYPERLINK(\"\"http://x/\"\",\"\"y\"\")\"" },
		{ "+1", "\"'+1\"" },
		{ "-2+3", "\"'-2+3\"" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"" },
		{ "\tlead", "\"'\tlead\"" },
		{ "\rlead", "\"'\rlead\"" },
		{ "-", "\"'-\"" },
		{ "-5a", "\"'-5a\"" },
		{ "=a,b", "\"'=a,b\"" },
		/* A number is no formula; a sign inside a cell is nothing. */
		{ "-5", "-5" },
		{ "-1000000", "-1000000" },
		{ "2566", "2566" },
		{ "a=b", "a=b" },
		{ " =x", " =x" },
	};
	struct buf	 b;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		memset(&b, 0, sizeof(b));
		buf_add(&b, "");
		escape_csv(&b, cases[i].in);
		assert_string_equal(b.s, cases[i].out);
		free(b.s);
	}
}

/*
 * escape_xml_text() writes what libxml2's text writer wrote after
 * escape_xml_clean(): xmlEncodeSpecialChars() of the clean text.
 */
static void
test_xml_text(void **state)
{
	static const char *const in[] = {
		"", "plain", "a & b < c > d \"e\" 'f'", "\r\n\tline",
		"bad \001\002\037 bytes\x7f", "ไทย \xef\xbf\xbe\xef\xbf\xbf ok \xef\xbc\x81",
		"&amp; already", "<p>ผลการดำเนินงาน</p>\r\n",
	};
	struct buf	 b;
	xmlChar		*want;
	char		*clean;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		b.s = NULL;
		b.len = b.max = 0;
		buf_add(&b, "");
		escape_xml_text(&b, in[i]);
		clean = escape_xml_clean(in[i]);
		want = xmlEncodeSpecialChars(NULL, (const xmlChar *)clean);
		assert_string_equal(b.s, (const char *)want);
		assert_int_equal(b.len, strlen(b.s));
		xmlFree(want);
		free(clean);
		free(b.s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_xml_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
