/* test_frontmatter.c: fm_split, yaml_load positions, limits, tags and line ends, doc_split. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "extern.h"

#define FILE_SHOWN	"content/measures/2566/x.md"

/* Is there a problem at line:col of severity sev whose text holds needle? */
static int
has_diag(const struct diags *d, unsigned line, unsigned col,
    enum severity sev, const char *needle)
{
	size_t	 i;

	for (i = 0; i < d->sz; i++)
		if (d->list[i].line == line && d->list[i].col == col &&
		    d->list[i].sev == sev &&
		    strstr(d->list[i].msg, needle) != NULL &&
		    strcmp(d->list[i].file, FILE_SHOWN) == 0)
			return 1;
	return 0;
}

/* Print the problems, so a failing assertion shows what was found. */
static void
dump(const struct diags *d)
{
	size_t	 i;

	for (i = 0; i < d->sz; i++)
		print_message("  diag %u:%u %s\n", d->list[i].line,
		    d->list[i].col, d->list[i].msg);
}

#define assert_diag(d, line, col, sev, needle) do {			\
	if (!has_diag((d), (line), (col), (sev), (needle)))		\
		dump(d);						\
	assert_true(has_diag((d), (line), (col), (sev), (needle)));	\
} while (0)

/* fm_split on a NUL-terminated string. */
static enum fmerr
split(const char *s, size_t *yoff, size_t *ylen, size_t *boff,
    unsigned *bline)
{
	*yoff = *ylen = *boff = 12345;
	*bline = 12345;
	return fm_split(s, strlen(s), yoff, ylen, boff, bline);
}

/* The YAML text that fm_split found, as a new string. */
static char *
yaml_text(const char *s, size_t yoff, size_t ylen)
{
	return xstrndup(s + yoff, ylen);
}

static void
split_lf(void **state)
{
	const char	*s = "---\ntitle: x\nstatus: done\n---\nbody\n";
	size_t		 yoff, ylen, boff;
	unsigned	 bline;
	char		*y;

	(void)state;
	assert_int_equal(split(s, &yoff, &ylen, &boff, &bline), FM_OK);
	y = yaml_text(s, yoff, ylen);
	assert_string_equal(y, "title: x\nstatus: done\n");
	free(y);
	assert_string_equal(s + boff, "body\n");
	assert_int_equal(bline, 5);
}

static void
split_crlf(void **state)
{
	const char	*s = "---\r\ntitle: x\r\n---\r\nbody\r\nmore\r\n";
	size_t		 yoff, ylen, boff;
	unsigned	 bline;
	char		*y;

	(void)state;
	assert_int_equal(split(s, &yoff, &ylen, &boff, &bline), FM_OK);
	y = yaml_text(s, yoff, ylen);
	assert_string_equal(y, "title: x\r\n");
	free(y);
	assert_string_equal(s + boff, "body\r\nmore\r\n");
	assert_int_equal(bline, 4);
}

static void
split_dots(void **state)
{
	const char	*s = "---\na: 1\n...\nbody";
	size_t		 yoff, ylen, boff;
	unsigned	 bline;
	char		*y;

	(void)state;
	assert_int_equal(split(s, &yoff, &ylen, &boff, &bline), FM_OK);
	y = yaml_text(s, yoff, ylen);
	assert_string_equal(y, "a: 1\n");
	free(y);
	assert_string_equal(s + boff, "body");
	assert_int_equal(bline, 4);
}

static void
split_trailing_blanks(void **state)
{
	const char	*s = "--- \t\na: 1\n---   \r\nbody\n";
	size_t		 yoff, ylen, boff;
	unsigned	 bline;
	char		*y;

	(void)state;
	assert_int_equal(split(s, &yoff, &ylen, &boff, &bline), FM_OK);
	y = yaml_text(s, yoff, ylen);
	assert_string_equal(y, "a: 1\n");
	free(y);
	assert_string_equal(s + boff, "body\n");
	assert_int_equal(bline, 4);
}

/* A closing line at the very end, without a newline: the body is empty. */
static void
split_close_at_eof(void **state)
{
	const char	*s = "---\na: 1\n---";
	size_t		 yoff, ylen, boff;
	unsigned	 bline;

	(void)state;
	assert_int_equal(split(s, &yoff, &ylen, &boff, &bline), FM_OK);
	assert_int_equal(yoff, 4);
	assert_int_equal(ylen, 5);
	assert_int_equal(boff, strlen(s));
	assert_int_equal(bline, 4);
}

static void
split_empty_front_matter(void **state)
{
	const char	*s = "---\n---\nbody\n";
	size_t		 yoff, ylen, boff;
	unsigned	 bline;

	(void)state;
	assert_int_equal(split(s, &yoff, &ylen, &boff, &bline), FM_OK);
	assert_int_equal(ylen, 0);
	assert_string_equal(s + boff, "body\n");
	assert_int_equal(bline, 3);
}

/* The body's first line is counted past every front matter line. */
static void
split_body_line(void **state)
{
	const char	*s = "---\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n---\n"
			    "\n# heading\n---\nnot front matter\n";
	size_t		 yoff, ylen, boff;
	unsigned	 bline;

	(void)state;
	assert_int_equal(split(s, &yoff, &ylen, &boff, &bline), FM_OK);
	assert_int_equal(bline, 8);
	assert_string_equal(s + boff, "\n# heading\n---\nnot front matter\n");
}

static void
split_none(void **state)
{
	size_t		 yoff, ylen, boff;
	unsigned	 bline;

	(void)state;
	assert_int_equal(split("title: x\n---\n", &yoff, &ylen, &boff,
	    &bline), FM_NONE);
	assert_int_equal(split("", &yoff, &ylen, &boff, &bline), FM_NONE);
	assert_int_equal(split("----\na: 1\n----\n", &yoff, &ylen, &boff,
	    &bline), FM_NONE);
	assert_int_equal(split("--- a\na: 1\n---\n", &yoff, &ylen, &boff,
	    &bline), FM_NONE);
	assert_int_equal(split(" ---\na: 1\n---\n", &yoff, &ylen, &boff,
	    &bline), FM_NONE);
	assert_int_equal(split("\n---\na: 1\n---\n", &yoff, &ylen, &boff,
	    &bline), FM_NONE);
	/* The caller strips the BOM: fm_split itself does not. */
	assert_int_equal(split("\xef\xbb\xbf---\na: 1\n---\n", &yoff, &ylen,
	    &boff, &bline), FM_NONE);
}

static void
split_unclosed(void **state)
{
	size_t		 yoff, ylen, boff;
	unsigned	 bline;

	(void)state;
	assert_int_equal(split("---", &yoff, &ylen, &boff, &bline),
	    FM_UNCLOSED);
	assert_int_equal(split("---\n", &yoff, &ylen, &boff, &bline),
	    FM_UNCLOSED);
	assert_int_equal(split("---\ntitle: x\n\nbody\n", &yoff, &ylen,
	    &boff, &bline), FM_UNCLOSED);
	/* Markers must start the line, and "----" is not one. */
	assert_int_equal(split("---\na: 1\n  ---\n----\nx ---\n", &yoff,
	    &ylen, &boff, &bline), FM_UNCLOSED);
}

/* Only the given size counts, not the NUL terminator. */
static void
split_respects_size(void **state)
{
	const char	*s = "---\na: 1\n---\n";
	size_t		 yoff, ylen, boff;
	unsigned	 bline;

	(void)state;
	assert_int_equal(fm_split(s, 9, &yoff, &ylen, &boff, &bline),
	    FM_UNCLOSED);
	assert_int_equal(fm_split(s, 12, &yoff, &ylen, &boff, &bline),
	    FM_OK);
	assert_int_equal(boff, 12);
}

static struct ynode *
load(const char *text, unsigned line0, struct diags *d)
{
	return yaml_load(text, strlen(text), FILE_SHOWN, line0, d);
}

static void
yaml_positions(void **state)
{
	const char	*text =
	    "title: x\n"
	    "period:\n"
	    "  start: 2023-01\n"
	    "  end: \"2023-02\"\n"
	    "areas: [IIT, EIT]\n"
	    "owners:\n"
	    "  - a\n"
	    "  - b\n";
	struct diags	 d;
	struct ynode	*root, *n, *p;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load(text, 2, &d);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	assert_int_equal(root->type, Y_MAP);
	assert_int_equal(root->kidsz, 8);
	assert_int_equal(root->pos.line, 2);
	assert_int_equal(root->pos.col, 1);
	/* keys are nodes too, with their own positions */
	assert_string_equal(root->kids[2]->value, "period");
	assert_int_equal(root->kids[2]->pos.line, 3);
	assert_int_equal(root->kids[2]->pos.col, 1);

	n = ymap_get(root, "title");
	assert_non_null(n);
	assert_int_equal(n->type, Y_SCALAR);
	assert_string_equal(n->value, "x");
	assert_true(n->plain);
	assert_int_equal(n->pos.line, 2);
	assert_int_equal(n->pos.col, 8);

	p = ymap_get(root, "period");
	assert_non_null(p);
	assert_int_equal(p->type, Y_MAP);
	assert_int_equal(p->pos.line, 4);
	assert_int_equal(p->pos.col, 3);
	n = ymap_get(p, "start");
	assert_string_equal(n->value, "2023-01");
	assert_int_equal(n->pos.line, 4);
	assert_int_equal(n->pos.col, 10);
	n = ymap_get(p, "end");
	assert_string_equal(n->value, "2023-02");
	assert_false(n->plain);
	assert_int_equal(n->pos.line, 5);
	assert_int_equal(n->pos.col, 8);

	n = ymap_get(root, "areas");
	assert_int_equal(n->type, Y_SEQ);
	assert_int_equal(n->pos.line, 6);
	assert_int_equal(n->pos.col, 8);
	assert_int_equal(n->kidsz, 2);
	assert_string_equal(n->kids[1]->value, "EIT");
	assert_int_equal(n->kids[1]->pos.line, 6);
	assert_int_equal(n->kids[1]->pos.col, 14);

	n = ymap_get(root, "owners");
	assert_int_equal(n->type, Y_SEQ);
	assert_int_equal(n->kidsz, 2);
	assert_string_equal(n->kids[1]->value, "b");
	assert_int_equal(n->kids[1]->pos.line, 9);
	assert_int_equal(n->kids[1]->pos.col, 5);

	assert_null(ymap_get(root, "status"));
	assert_null(ymap_get(n, "a"));		/* not a map */
	assert_null(ymap_get(NULL, "a"));
	ynode_free(root);
	diag_free(&d);
}

/* Columns count characters, not bytes: Thai text is three bytes each. */
static void
yaml_columns_in_characters(void **state)
{
	struct diags	 d;
	struct ynode	*root, *n;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load("หัวข้อ: ค่า\nt: \"มาตรการ\" \n", 10, &d);
	assert_non_null(root);
	n = ymap_get(root, "หัวข้อ");
	assert_non_null(n);
	assert_string_equal(n->value, "ค่า");
	assert_int_equal(n->pos.line, 10);
	assert_int_equal(n->pos.col, 9);
	n = ymap_get(root, "t");
	assert_string_equal(n->value, "มาตรการ");
	assert_int_equal(n->pos.line, 11);
	assert_int_equal(n->pos.col, 4);
	ynode_free(root);
	diag_free(&d);
}

static void
yaml_empty_and_scalar(void **state)
{
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load("", 2, &d);
	assert_non_null(root);
	assert_int_equal(root->type, Y_MAP);
	assert_int_equal(root->kidsz, 0);
	ynode_free(root);
	root = load("# only a comment\n", 2, &d);
	assert_non_null(root);
	assert_int_equal(root->type, Y_MAP);
	assert_int_equal(root->kidsz, 0);
	ynode_free(root);
	root = load("just text\n", 2, &d);
	assert_non_null(root);
	assert_int_equal(root->type, Y_SCALAR);
	assert_string_equal(root->value, "just text");
	ynode_free(root);
	root = load("- a\n- b\n", 2, &d);
	assert_non_null(root);
	assert_int_equal(root->type, Y_SEQ);
	assert_int_equal(root->kidsz, 2);
	ynode_free(root);
	assert_int_equal(d.sz, 0);
	ynode_free(NULL);
	diag_free(&d);
}

/* The position of the n-th scalar (depth first, keys too), or {0, 0}. */
static void
nth_scalar(const struct ynode *n, size_t *left, struct pos *out)
{
	size_t	 i;

	if (n->type == Y_SCALAR && (*left)-- == 0)
		*out = n->pos;
	for (i = 0; i < n->kidsz; i++)
		nth_scalar(n->kids[i], left, out);
}

/*
 * Lines end at '\n' only (CRLF counts once); columns count characters
 * from there, and a leading BOM is not one of them.
 */
static void
yaml_positions_editor_lines(void **state)
{
	struct diags	 d;
	struct ynode	*root, *n;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load("a: 1\r\nข: ก\r\nc: [x, ไทย, z]\r\n", 5, &d);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	n = ymap_get(root, "ข");
	assert_int_equal(n->pos.line, 6);
	assert_int_equal(n->pos.col, 4);
	n = ymap_get(root, "c");
	assert_int_equal(n->kids[2]->pos.line, 7);
	assert_int_equal(n->kids[2]->pos.col, 13);
	ynode_free(root);

	/* framework files are handed over with their BOM */
	root = load("\xef\xbb\xbf" "a: 1\nb: 2\n", 1, &d);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	assert_int_equal(root->kids[0]->pos.line, 1);
	assert_int_equal(root->kids[0]->pos.col, 1);
	assert_int_equal(root->kids[1]->pos.col, 4);
	assert_int_equal(root->kids[2]->pos.line, 2);
	assert_int_equal(root->kids[2]->pos.col, 1);
	ynode_free(root);
	diag_free(&d);
}

/* Many lines: every node still finds its own. */
static void
yaml_positions_many_lines(void **state)
{
	struct diags	 d;
	struct ynode	*root;
	struct pos	 p = { 0, 0 };
	char		*text, *t;
	size_t		 i, left;

	(void)state;
	memset(&d, 0, sizeof(d));
	text = t = xmalloc(5000 * 16);
	for (i = 0; i < 5000; i++)
		t += sprintf(t, "%s- ก%zu\n", i % 2 ? "" : "\n", i);
	root = load(text, 3, &d);
	assert_non_null(root);
	assert_int_equal(root->kidsz, 5000);
	left = 4999;
	nth_scalar(root, &left, &p);
	/* item i is on line 3 + i + i / 2 + 1 */
	assert_int_equal(p.line, 3 + 4999 + 2499 + 1);
	assert_int_equal(p.col, 3);
	ynode_free(root);
	free(text);
	diag_free(&d);
}

/*
 * Line ends editors do not show are errors at their own place, and a
 * later problem is still found on the editor's line, not a line further.
 */
static void
yaml_odd_line_ends(void **state)
{
	static const struct {
		const char	*text;
		unsigned	 col;
		const char	*what;
	} cases[] = {
		{ "a: มา\xe2\x80\xa8ตร\nb: 1\nb: 2\n", 6, "(U+2028)" },
		{ "a: \"มา\xe2\x80\xa9ตร\"\nb: 1\nb: 2\n", 7, "(U+2029)" },
		{ "a: มา\xc2\x85ตร\nb: 1\nb: 2\n", 6, "(U+0085)" },
		{ "a: มา\rตร\nb: 1\nb: 2\n", 6, "carriage return (CR) "
		    "is here on its own" },
	};
	struct diags	 d;
	size_t		 i;

	(void)state;
	memset(&d, 0, sizeof(d));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_null(load(cases[i].text, 2, &d));
		assert_int_equal(d.errors, 2);
		assert_diag(&d, 2, cases[i].col, SEV_ERROR, cases[i].what);
		assert_diag(&d, 4, 1, SEV_ERROR, "'b' is written twice "
		    "(first on line 3)");
		diag_free(&d);
	}

	/* One error for them all, saying how many follow. */
	assert_null(load("a: x\ry\r\nb: \"\xe2\x80\xa8\"\n", 1, &d));
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 1, 5, SEV_ERROR, "(and 1 more such characters");
	diag_free(&d);

	/* CR line ends: one error for the file, no guesses at its YAML. */
	assert_null(load("a: 1\rb: 2: 3\r", 1, &d));
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 1, 1, SEV_ERROR, "end with a carriage return (CR) "
	    "alone");
	diag_free(&d);

	/* CRLF is a normal line end. */
	assert_int_equal(d.sz, 0);
}

/* A character YAML refuses is reported where it is, not at the start. */
static void
yaml_refused_character(void **state)
{
	struct diags	 d;

	(void)state;
	memset(&d, 0, sizeof(d));
	assert_null(load("a: 1\nข: กข\x0bค\n", 2, &d));
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 3, 6, SEV_ERROR, "(U+000B)");
	diag_free(&d);
	assert_null(load("\xef\xbb\xbf" "a: \x7f\n", 1, &d));
	assert_diag(&d, 1, 4, SEV_ERROR, "(U+007F)");
	diag_free(&d);
	assert_null(load("a: 1\nb: \xff\n", 1, &d));
	assert_diag(&d, 2, 4, SEV_ERROR, "not saved as UTF-8");
	diag_free(&d);
}

static void
yaml_tags(void **state)
{
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	memset(&d, 0, sizeof(d));
	/* Tags that only say "text", "list" or "map" are harmless. */
	root = load("a: !!str 5\nb: ! x\nc: !!seq [1]\nd: !!map {e: 1}\n"
	    "!!str f: 2\n", 1, &d);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	assert_string_equal(ymap_get(root, "a")->value, "5");
	assert_non_null(ymap_get(root, "f"));
	ynode_free(root);

	assert_null(load("title: !!binary 4Lih\n", 2, &d));
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 2, 8, SEV_ERROR, "the tag '!!binary' is not "
	    "supported here; remove it and write the value as text");
	diag_free(&d);

	/* Every refused tag is reported, each where it is written. */
	assert_null(load("a: !!int 5\nb: !foo x\nc: !!map [1]\n"
	    "d: &q !!set {x: 1}\n", 1, &d));
	assert_int_equal(d.errors, 4);
	assert_diag(&d, 1, 4, SEV_ERROR, "'!!int'");
	assert_diag(&d, 2, 4, SEV_ERROR, "'!foo'");
	assert_diag(&d, 3, 4, SEV_ERROR, "'!!map' is not supported here; "
	    "remove it");
	assert_diag(&d, 4, 4, SEV_ERROR, "'!!set'");
	diag_free(&d);
}

/* Only the first YAML document is read. */
static void
yaml_first_document(void **state)
{
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load("a: 1\n---\nb: 2\n", 1, &d);
	assert_non_null(root);
	assert_non_null(ymap_get(root, "a"));
	assert_null(ymap_get(root, "b"));
	assert_int_equal(d.sz, 0);
	ynode_free(root);
	diag_free(&d);
}

static void
yaml_alias_refused(void **state)
{
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load("a: &x hello\nb: *x\n", 2, &d);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 3, 4, SEV_ERROR, "aliases (*x) are not allowed");
	diag_free(&d);

	/* A merge key is an alias too. */
	root = load("base: &b {x: 1}\nother:\n  <<: *b\n", 1, &d);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 3, 7, SEV_ERROR, "(*b)");
	diag_free(&d);

	/* An anchor alone is harmless. */
	root = load("a: &x hello\n", 1, &d);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	ynode_free(root);
	diag_free(&d);
}

/* "Billion laughs": refused at the first alias, not expanded. */
static void
yaml_alias_bomb(void **state)
{
	struct diags	 d;
	struct ynode	*root;
	const char	*text =
	    "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
	    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
	    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
	    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
	    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
	    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load(text, 2, &d);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 3, 8, SEV_ERROR, "(*a)");
	diag_free(&d);
}

/* Text of n nested flow lists under key a: "a: [[[x]]]". */
static char *
nested(int n)
{
	char	*s;
	int	 i;

	s = xmalloc((size_t)n * 2 + 8);
	strcpy(s, "a: ");
	for (i = 0; i < n; i++)
		strcat(s, "[");
	strcat(s, "x");
	for (i = 0; i < n; i++)
		strcat(s, "]");
	strcat(s, "\n");
	return s;
}

static void
yaml_depth_limit(void **state)
{
	struct diags	 d;
	struct ynode	*root, *n;
	char		*s;
	int		 i;

	(void)state;
	memset(&d, 0, sizeof(d));
	/* The root map and 31 lists: 32 levels, the most allowed. */
	s = nested(31);
	root = load(s, 1, &d);
	free(s);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	for (n = ymap_get(root, "a"), i = 0; n->type == Y_SEQ; i++)
		n = n->kids[0];
	assert_int_equal(i, 31);
	assert_string_equal(n->value, "x");
	ynode_free(root);

	s = nested(32);
	root = load(s, 1, &d);
	free(s);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	/* the 32nd '[' is refused: column 4 + 31 */
	assert_diag(&d, 1, 35, SEV_ERROR, "nests too deeply");
	diag_free(&d);

	/* Far deeper: still one error, no crash. */
	s = nested(5000);
	root = load(s, 1, &d);
	free(s);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	diag_free(&d);
}

static void
yaml_node_limit(void **state)
{
	struct diags	 d;
	struct ynode	*root;
	char		*s, *p;
	int		 i;

	(void)state;
	memset(&d, 0, sizeof(d));
	s = xmalloc(30000 * 2 + 16);
	p = s + sprintf(s, "a: [");
	for (i = 0; i < 30000; i++)
		p += sprintf(p, "%s1", i ? "," : "");
	strcpy(p, "]\n");
	root = load(s, 1, &d);
	free(s);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_true(strstr(d.list[0].msg, "too large") != NULL);
	diag_free(&d);
}

static void
yaml_duplicate_keys(void **state)
{
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load("title: a\nstatus: done\ntitle: b\n", 2, &d);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 4, 1, SEV_ERROR,
	    "field 'title' is written twice (first on line 2)");
	diag_free(&d);

	/* nested maps are checked too */
	root = load("period:\n  start: 2023-01\n  start: 2023-02\n", 2, &d);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 4, 3, SEV_ERROR, "field 'start' is written twice "
	    "(first on line 3)");
	diag_free(&d);

	/* the same key in two different maps is fine */
	root = load("a: {x: 1}\nb: {x: 2}\n", 2, &d);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	ynode_free(root);
	/* so is the same text as a key and as a value */
	root = load("title: title\n", 2, &d);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	ynode_free(root);
	diag_free(&d);
}

static void
yaml_complex_key(void **state)
{
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load("? [a, b]\n: 1\n", 2, &d);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 2, 3, SEV_ERROR, "a field name must be a single word");
	diag_free(&d);
}

static void
yaml_syntax_error(void **state)
{
	struct diags	 d;
	struct ynode	*root;

	(void)state;
	memset(&d, 0, sizeof(d));
	root = load("title: a: b\n", 2, &d);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 2, 9, SEV_ERROR, "front matter is not valid YAML");
	diag_free(&d);

	root = load("title: x\nareas: [IIT, EIT\nstatus: done\n", 5, &d);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.list[0].line, 7);
	assert_true(strstr(d.list[0].msg, "not valid YAML") != NULL);
	diag_free(&d);
}

static void
doc_split_ok(void **state)
{
	const char	*s = "---\ntitle: x\nareas:\n  - IIT\n---\n\nbody\n";
	struct fctx	 c;
	struct diags	 d;
	struct ynode	*root, *n;
	char		*body = NULL;

	(void)state;
	memset(&d, 0, sizeof(d));
	c.file = FILE_SHOWN;
	c.line0 = 1;
	c.d = &d;
	root = doc_split(&c, s, strlen(s), "measure", &body);
	assert_non_null(root);
	assert_int_equal(d.sz, 0);
	assert_string_equal(body, "\nbody\n");
	n = ymap_get(root, "title");
	assert_int_equal(n->pos.line, 2);
	assert_int_equal(n->pos.col, 8);
	n = ymap_get(root, "areas");
	assert_int_equal(n->kids[0]->pos.line, 4);
	assert_int_equal(n->kids[0]->pos.col, 5);
	ynode_free(root);
	free(body);
}

static void
doc_split_errors(void **state)
{
	struct fctx	 c;
	struct diags	 d;
	struct ynode	*root;
	char		*body = NULL;

	(void)state;
	memset(&d, 0, sizeof(d));
	c.file = FILE_SHOWN;
	c.line0 = 1;
	c.d = &d;
	root = doc_split(&c, "title: x\n", 9, "report", &body);
	assert_null(root);
	assert_null(body);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 1, 1, SEV_ERROR, "a report file must start with "
	    "front matter");
	diag_free(&d);

	root = doc_split(&c, "---\ntitle: x\n", 13, "measure",
	    &body);
	assert_null(root);
	assert_null(body);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 1, 1, SEV_ERROR, "never closed");
	diag_free(&d);

	/* Bad YAML: the body is split off, the tree is not returned. */
	root = doc_split(&c, "---\na: [\n---\nbody\n", 18, "measure",
	    &body);
	assert_null(root);
	assert_int_equal(d.errors, 1);
	assert_true(d.list[0].line >= 2);
	assert_true(strstr(d.list[0].msg, "not valid YAML") != NULL);
	free(body);
	diag_free(&d);
}

/* CR line ends in a content file, and a CR alone in its body. */
static void
doc_split_lone_cr(void **state)
{
	const char	*cr = "---\rtitle: x\r---\rbody\r";
	const char	*body1 = "---\ntitle: x\n---\n\nline\rnext\n";
	struct fctx	 c;
	struct diags	 d;
	struct ynode	*root;
	char		*body = NULL;

	(void)state;
	memset(&d, 0, sizeof(d));
	c.file = FILE_SHOWN;
	c.line0 = 1;
	c.d = &d;
	root = doc_split(&c, cr, strlen(cr), "measure", &body);
	assert_null(root);
	assert_null(body);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 1, 1, SEV_ERROR, "end with a carriage return (CR) "
	    "alone");
	diag_free(&d);

	/* The front matter still counts: its fields can be checked too. */
	root = doc_split(&c, body1, strlen(body1), "measure", &body);
	assert_non_null(root);
	assert_int_equal(d.errors, 1);
	assert_diag(&d, 5, 5, SEV_ERROR, "carriage return (CR) is here on "
	    "its own");
	ynode_free(root);
	free(body);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(split_lf),
		cmocka_unit_test(split_crlf),
		cmocka_unit_test(split_dots),
		cmocka_unit_test(split_trailing_blanks),
		cmocka_unit_test(split_close_at_eof),
		cmocka_unit_test(split_empty_front_matter),
		cmocka_unit_test(split_body_line),
		cmocka_unit_test(split_none),
		cmocka_unit_test(split_unclosed),
		cmocka_unit_test(split_respects_size),
		cmocka_unit_test(yaml_positions),
		cmocka_unit_test(yaml_columns_in_characters),
		cmocka_unit_test(yaml_empty_and_scalar),
		cmocka_unit_test(yaml_positions_editor_lines),
		cmocka_unit_test(yaml_positions_many_lines),
		cmocka_unit_test(yaml_odd_line_ends),
		cmocka_unit_test(yaml_refused_character),
		cmocka_unit_test(yaml_tags),
		cmocka_unit_test(yaml_first_document),
		cmocka_unit_test(yaml_alias_refused),
		cmocka_unit_test(yaml_alias_bomb),
		cmocka_unit_test(yaml_depth_limit),
		cmocka_unit_test(yaml_node_limit),
		cmocka_unit_test(yaml_duplicate_keys),
		cmocka_unit_test(yaml_complex_key),
		cmocka_unit_test(yaml_syntax_error),
		cmocka_unit_test(doc_split_ok),
		cmocka_unit_test(doc_split_errors),
		cmocka_unit_test(doc_split_lone_cr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
