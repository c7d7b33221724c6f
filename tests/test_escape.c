/* test_escape.c: cmocka tests of escape.c's CSV rule (RFC 4180 quoting, and OWASP's neutralised formulas), table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
