/* test_search.c: cmocka tests of search.c: the search normal form, bigrams and the text of HTML, with Thai edge cases. */
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

static void
test_norm(void **state)
{
	static const struct { const char *in, *want, *what; } t[] = {
		{ "ทํา", "ทำ", "sara am typed as nikhahit + sara aa" },
		{ "ทำ", "ทำ", "sara am as one character" },
		{ "นํ้า", "น้ำ", "nikhahit, tone mark, sara aa" },
		{ "น้ํา", "น้ำ", "tone mark, nikhahit, sara aa" },
		{ "กิ่ง", "กิ่ง", "vowel and tone marks kept" },
		{ "ก\xe0\xb9\x88\xe0\xb8\xb8", "ก\xe0\xb8\xb8\xe0\xb9\x88",
		    "tone mark typed before sara u: NFC's order" },
		{ "ก\xe0\xb8\xb8\xe0\xb9\x88", "ก\xe0\xb8\xb8\xe0\xb9\x88",
		    "sara u, then tone mark: as it is" },
		{ "๒๕๖๖", "2566", "Thai digits" },
		{ "ปี ๒๕๖๖ และ 2567", "ปี 2566 และ 2567", "Thai and Arabic digits" },
		{ "ITA Online", "ita online", "ASCII capitals folded" },
		{ "ÉCOLE × À", "école × à", "Latin-1 capitals folded, not ×" },
		{ "E\xcc\x81", "\xc3\xa9", "decomposed é in NFC, folded" },
		{ "งบ\xe2\x80\x8bประมาณ", "งบประมาณ", "zero-width space dropped" },
		{ "\xef\xbb\xbf" "abc\xc2\xad" "d", "abcd", "BOM and soft hyphen dropped" },
		{ "ท\xe2\x80\x8b\xe0\xb9\x8d" "า", "ทำ", "zero-width inside sara am" },
		{ "  ก\xc2\xa0 ข\t\nค  ", "ก ข ค", "blanks one space, trimmed" },
		{ "ก\xe3\x80\x80ข\xe2\x80\xafค", "ก ข ค", "ideographic and narrow spaces" },
		{ "ITAเว็บไซต์", "itaเว็บไซต์", "Thai and Latin together" },
		{ "", "", "empty" },
		{ " \xe2\x80\x8b ", "", "only blanks and zero-width" },
	};
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		got = search_norm(t[i].in);
		if (strcmp(got, t[i].want) != 0)
			print_error("%s: got \"%s\", want \"%s\"\n",
			    t[i].what, got, t[i].want);
		assert_string_equal(got, t[i].want);
		free(got);
	}
}

/* The snippet text keeps case and digits but not runs of blanks. */
static void
test_norm_text(void **state)
{
	char	*got;

	(void)state;
	got = search_norm_text("  ITA  ๒๕๖๖\n\nทํา ");
	assert_string_equal(got, "ITA ๒๕๖๖ ทำ");
	free(got);
}

static void
test_grams(void **state)
{
	struct gram	*g;
	size_t		 n;
	char		*s;

	(void)state;
	s = search_norm("งบ ปี");
	n = search_grams(s, &g);
	assert_int_equal(n, 2);
	assert_int_equal(g[0].a, 0x0e07);
	assert_int_equal(g[0].b, 0x0e1a);
	assert_int_equal(g[0].pos, 0);
	assert_int_equal(g[1].a, 0x0e1b);
	assert_int_equal(g[1].b, 0x0e35);
	assert_int_equal(g[1].pos, 3);		/* characters, not bytes */
	free(g);
	free(s);

	n = search_grams("a", &g);
	assert_int_equal(n, 0);
	free(g);
	n = search_grams("", &g);
	assert_int_equal(n, 0);
	free(g);

	/* A tone mark is a character of its own: กิ่ is three. */
	n = search_grams("กิ่ง", &g);
	assert_int_equal(n, 3);
	assert_int_equal(g[2].a, 0x0e48);
	assert_int_equal(g[2].b, 0x0e07);
	assert_int_equal(g[2].pos, 2);
	free(g);
}

/* Does the gram at position p of the text spell a b? */
static int
has_gram(const struct gram *g, size_t n, unsigned a, unsigned b,
    unsigned pos)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (g[i].a == a && g[i].b == b && g[i].pos == pos)
			return 1;
	return 0;
}

/*
 * search.js's match, in C: the query's grams at offsets 0, 2, 4... and
 * the last pair all at their offsets from some start p.
 */
static int
gram_match(const char *text, const char *query)
{
	struct gram	*tg, *qg;
	size_t		 tn, qn, i, k, last;
	int		 ok = 0, all;

	tn = search_grams(text, &tg);
	qn = search_grams(query, &qg);
	last = qn - 1;
	for (i = 0; qn > 0 && i < tn && !ok; i++) {
		if (tg[i].a != qg[0].a || tg[i].b != qg[0].b)
			continue;
		for (all = 1, k = 0; all && k != last;) {
			k = k + 2 <= last ? k + 2 : last;
			all = has_gram(tg, tn, qg[k].a, qg[k].b,
			    tg[i].pos + qg[k].pos);
		}
		ok = all;
	}
	free(tg);
	free(qg);
	return ok;
}

/*
 * Recall and precision in small: for every text and query (each of two
 * or more characters, no blank), the grams find it exactly when the
 * normal form of the text contains the normal form of the query.
 */
static void
test_match(void **state)
{
	static const char *const texts[] = {
		"ปีงบประมาณ ๒๕๖๖", "งบประ มาณ", "มาณงบประ", "ประมาณการ",
		"การจัดซื้อจัดจ้าง", "ร้องเรียน/ร้องทุกข์", "ITA Online 2566",
		"น้ํา", "ลดการใช้กระดาษ", "ก่อนการประมาณ",
	};
	static const char *const queries[] = {
		"งบประมาณ", "งบ", "ประมาณ", "มาณ", "2566", "๒๕๖๖", "จัดจ้าง",
		"ซื้อจัด", "จ้างการ", "ร้องทุกข์", "online", "ONLINE", "น้ำ",
		"นํ้า", "กระดาษ", "การประ", "ประมาณการ", "ก่", "กอ",
	};
	size_t	 i, k;
	char	*t, *q;
	int	 want, got;

	(void)state;
	for (i = 0; i < NELEM(texts); i++)
		for (k = 0; k < NELEM(queries); k++) {
			t = search_norm(texts[i]);
			q = search_norm(queries[k]);
			want = strstr(t, q) != NULL;
			got = gram_match(t, q);
			if (want != got)
				print_error("\"%s\" in \"%s\": grams say %d, "
				    "the text %d\n", queries[k], texts[i],
				    got, want);
			assert_int_equal(got, want);
			free(t);
			free(q);
		}
}

static void
test_html_text(void **state)
{
	static const struct { const char *in, *want, *what; } t[] = {
		{ "<p>งบ<strong>ประมาณ</strong></p><p>ปี</p>",
		    " งบประมาณ  ปี ", "inline tags join, blocks break" },
		{ "<p>a &amp; b &lt;c&gt; &quot;d&quot; &#3585;&#x0E01;</p>",
		    " a & b <c> \"d\" กก ", "entities" },
		{ "<p>&bogus; &#0; &#xD800; &</p>", " &bogus; &#0; &#xD800; & ",
		    "entities that are not" },
		{ "x<script>var s = '<p>งบ</p>';</script>y",
		    "x  y", "script left out" },
		{ "<STYLE>p{}</STYLE>z", "  z", "style left out" },
		{ "a<!-- งบ -->b", "ab", "comments left out" },
		{ "<a href=\"x>y\" title='>'>ลิงก์</a>", "ลิงก์",
		    "quoted > inside a tag" },
		{ "a < b", "a < b", "a lone <" },
		{ "<li>หนึ่ง</li><li>สอง</li>", " หนึ่ง  สอง ", "list items" },
		{ "<p>unclosed <em", " unclosed ", "a tag cut off" },
	};
	struct buf	 b;
	size_t		 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		memset(&b, 0, sizeof(b));
		search_html_text(&b, t[i].in);
		if (strcmp(b.s != NULL ? b.s : "", t[i].want) != 0)
			print_error("%s: got \"%s\", want \"%s\"\n",
			    t[i].what, b.s != NULL ? b.s : "", t[i].want);
		assert_string_equal(b.s != NULL ? b.s : "", t[i].want);
		free(b.s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm),
		cmocka_unit_test(test_norm_text),
		cmocka_unit_test(test_grams),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_html_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
