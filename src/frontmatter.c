/* frontmatter.c: splits the --- block off a file and turns its YAML into ynode trees with positions (the only libyaml user). */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "extern.h"

/* Refuse front matter that nests or grows beyond any real measure. */
#define YAML_MAX_DEPTH	32
#define YAML_MAX_NODES	20000

/* Does the line at s (up to end) hold exactly the marker, bar trailing blanks? */
static int
is_marker(const char *s, const char *end, const char *marker)
{
	size_t	 n = strlen(marker);

	if ((size_t)(end - s) < n || memcmp(s, marker, n) != 0)
		return 0;
	for (s += n; s < end; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/*
 * Split buf into front matter and body.  The YAML text is at
 * [*yoff, *yoff + *ylen), the body starts at *boff on line *bline.
 * A BOM must already be skipped.
 */
enum fmerr
fm_split(const char *buf, size_t sz, size_t *yoff, size_t *ylen,
    size_t *boff, unsigned *bline)
{
	const char	*p = buf, *end = buf + sz, *eol;
	unsigned	 line = 1;

	eol = memchr(p, '\n', sz);
	if (!is_marker(p, eol ? eol : end, "---"))
		return FM_NONE;
	if (eol == NULL)
		return FM_UNCLOSED;
	*yoff = (size_t)(eol + 1 - buf);
	for (p = eol + 1; p < end; p = eol + 1) {
		line++;
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (is_marker(p, eol, "---") || is_marker(p, eol, "...")) {
			*ylen = (size_t)(p - buf) - *yoff;
			*boff = eol < end ? (size_t)(eol + 1 - buf) : sz;
			*bline = line + 1;
			return FM_OK;
		}
		if (eol == end)
			break;
	}
	return FM_UNCLOSED;
}

/*
 * Where the editor's lines start, in libyaml's character index.  A
 * libyaml mark counts code points from the start of the text (CRLF is
 * two, a leading BOM is not counted), but its line number also goes up
 * at CR, NEL, U+2028 and U+2029, which editors do not show as line
 * ends.  Positions are taken from the index, against lines that end at
 * '\n' only.
 */
struct ylines {
	size_t		*start;		/* index of each line's first character */
	size_t		 sz;
	unsigned	 line0;		/* the file's line number of line 0 */
};

static int
has_bom(const char *text, size_t len)
{
	return len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0;
}

/* Fill l from text in one pass; free l->start after use. */
static void
ylines_init(struct ylines *l, const char *text, size_t len, unsigned line0)
{
	size_t	 i, idx = 0, max = 16;

	l->start = xreallocarray(NULL, max, sizeof(*l->start));
	l->start[0] = 0;
	l->sz = 1;
	l->line0 = line0;
	for (i = has_bom(text, len) ? 3 : 0; i < len; i++) {
		if (((unsigned char)text[i] & 0xc0) == 0x80)
			continue;
		idx++;
		if (text[i] != '\n')
			continue;
		if (l->sz == max) {
			max *= 2;
			l->start = xreallocarray(l->start, max,
			    sizeof(*l->start));
		}
		l->start[l->sz++] = idx;
	}
}

/* The editor's line and column of libyaml's character index idx. */
static struct pos
ylines_pos(const struct ylines *l, size_t idx)
{
	struct pos	 p;
	size_t		 lo = 0, hi = l->sz, mid;

	/* The last line that starts at or before idx. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (l->start[mid] <= idx)
			lo = mid;
		else
			hi = mid;
	}
	p.line = l->line0 + (unsigned)lo;
	p.col = (unsigned)(idx - l->start[lo]) + 1;
	return p;
}

/* Parser state while turning events into a tree. */
struct ybuild {
	struct ynode	*stack[YAML_MAX_DEPTH + 1];
	size_t		 depth;
	size_t		 nodes;
	struct ynode	*root;
	const char	*file;
	const char	*text;		/* what libyaml reads */
	size_t		 len;
	struct ylines	 lines;
	int		 failed;	/* a problem was reported, parsing goes on */
	struct diags	*d;
};

static struct pos
mark_pos(const struct ybuild *b, const yaml_mark_t *m)
{
	return ylines_pos(&b->lines, m->index);
}

static void
ynode_add(struct ynode *parent, struct ynode *kid)
{
	parent->kids = xgrow(parent->kids, parent->kidsz,
	    sizeof(*parent->kids));
	parent->kids[parent->kidsz++] = kid;
}

/* An earlier key of map that equals key, or NULL. */
static const struct ynode *
dup_key(const struct ynode *map, const struct ynode *key)
{
	size_t	 i;

	if (key->type != Y_SCALAR)
		return NULL;
	for (i = 0; i + 1 < map->kidsz; i += 2)
		if (map->kids[i]->type == Y_SCALAR &&
		    strcmp(map->kids[i]->value, key->value) == 0)
			return map->kids[i];
	return NULL;
}

/* Attach a finished node to its parent; 0 on a problem already reported. */
static int
ybuild_attach(struct ybuild *b, struct ynode *n)
{
	struct ynode		*top;
	const struct ynode	*first;

	if (b->depth == 0) {
		b->root = n;
		return 1;
	}
	top = b->stack[b->depth - 1];
	if (top->type == Y_MAP && top->kidsz % 2 == 0) {
		if (n->type != Y_SCALAR) {
			diag_add(b->d, b->file, n->pos.line, n->pos.col,
			    SEV_ERROR, _("a field name must be a single word, "
			    "not a list or a map"));
			ynode_free(n);
			return 0;
		}
		if ((first = dup_key(top, n)) != NULL) {
			diag_add(b->d, b->file, n->pos.line, n->pos.col,
			    SEV_ERROR, _("field '%s' is written twice "
			    "(first on line %u); keep only one"),
			    n->value, first->pos.line);
			ynode_free(n);
			return 0;
		}
	}
	ynode_add(top, n);
	return 1;
}

static struct ynode *
ynode_new(struct ybuild *b, enum ytype type, const yaml_mark_t *m)
{
	struct ynode	*n;

	n = xcalloc(1, sizeof(*n));
	n->type = type;
	n->pos = mark_pos(b, m);
	b->nodes++;
	return n;
}

#define YAML_TAG	"tag:yaml.org,2002:"

/*
 * Report an explicit tag (NULL if none) that Prongsai does not honour on
 * a node of this type.  Values are read as text by the field that wants
 * them, so only tags that say just that are harmless: the non-specific
 * '!', and !!str, !!seq, !!map on their own kind of node.  Any other tag
 * (!!binary, !!int, !foo) asks for something Prongsai does not do.
 */
static void
tag_check(struct ybuild *b, const yaml_char_t *tag, enum ytype type,
    struct pos p)
{
	static const char *const plain[] = {
		YAML_TAG "str",		/* Y_SCALAR */
		YAML_TAG "seq",		/* Y_SEQ */
		YAML_TAG "map"		/* Y_MAP */
	};
	const char	*t = (const char *)tag;
	size_t		 n = strlen(YAML_TAG);
	int		 std;

	if (t == NULL || strcmp(t, "!") == 0 || strcmp(t, plain[type]) == 0)
		return;
	/* libyaml hands over !!x resolved; show it as it was written. */
	std = strncmp(t, YAML_TAG, n) == 0;
	diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
	    _("the tag '%s%s' is not supported here; %s"), std ? "!!" : "",
	    std ? t + n : t, type == Y_SCALAR ?
	    _("remove it and write the value as text") : _("remove it"));
	b->failed = 1;
}

/* Handle one event; 0 stops parsing after reporting why. */
static int
ybuild_event(struct ybuild *b, const yaml_event_t *ev)
{
	struct ynode	*n;
	char		*inner;
	struct pos	 p = mark_pos(b, &ev->start_mark);

	if (b->nodes >= YAML_MAX_NODES) {
		diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
		    _("front matter is too large (over %d values)"),
		    YAML_MAX_NODES);
		return 0;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
		    _("YAML aliases (*%s) are not allowed here; "
		    "write the value out in full"),
		    (const char *)ev->data.alias.anchor);
		return 0;
	case YAML_SCALAR_EVENT:
		tag_check(b, ev->data.scalar.tag, Y_SCALAR, p);
		n = ynode_new(b, Y_SCALAR, &ev->start_mark);
		n->value = xstrndup((const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		/* Word's “...” are certainly quotes: read them as quotes. */
		if (n->plain && (inner = lenient_unquote(n->value)) != NULL) {
			diag_add(b->d, b->file, p.line, p.col, SEV_WARNING,
			    _("this value is inside curly quotes (as Word "
			    "types them), which are read as quotes here; type "
			    "straight quotes \"...\" or none"));
			free(n->value);
			n->value = inner;
		}
		return ybuild_attach(b, n);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth == YAML_MAX_DEPTH) {
			diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
			    _("front matter nests too deeply"));
			return 0;
		}
		if (ev->type == YAML_SEQUENCE_START_EVENT) {
			tag_check(b, ev->data.sequence_start.tag, Y_SEQ, p);
			n = ynode_new(b, Y_SEQ, &ev->start_mark);
		} else {
			tag_check(b, ev->data.mapping_start.tag, Y_MAP, p);
			n = ynode_new(b, Y_MAP, &ev->start_mark);
		}
		b->stack[b->depth++] = n;
		return 1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		n = b->stack[--b->depth];
		return ybuild_attach(b, n);
	default:
		return 1;
	}
}

/* libyaml's commonest complaints, in words an editor can act on. */
#define TAB_HINT	2	/* the entry for "found a tab character" */
static const char *const yamlhints[][2] = {
	{ "mapping values are not allowed", N_("a second ': ' on one line; "
	    "put the whole value in double quotes") },
	{ "found character that cannot start any token", N_("a value starts "
	    "with a character YAML reserves (such as @, ` or %); put the "
	    "whole value in double quotes") },
	{ "found a tab character", N_("a Tab is used to indent; indent with "
	    "spaces only") },
	{ "did not find expected key", N_("the indentation does not line up "
	    "with the lines above; use the same number of spaces for "
	    "fields at the same level") },
	{ "did not find expected '-' indicator", N_("the items of a list do "
	    "not line up; start each item with '- ' at the same indentation") },
	{ "found unexpected end of stream", N_("a quote or bracket is opened "
	    "but never closed") },
	{ "found undefined tag handle", N_("a value starts with '!'; put the "
	    "whole value in double quotes") },
};

/*
 * The column of a Tab in the indentation of line (the file's numbering)
 * of b's text, or 0 if its indentation has none.  libyaml blames a Tab
 * in many ways (a reserved character, a key not found), so the line is
 * looked at rather than the complaint.
 */
static unsigned
tab_indent(const struct ybuild *b, unsigned line)
{
	const char	*s = b->text, *end = b->text + b->len;
	unsigned	 at = b->lines.line0, col;

	if (line < at)
		return 0;
	for (; s < end && at < line; s++)
		if (*s == '\n')
			at++;
	for (col = 1; s < end && (*s == ' ' || *s == '\t'); s++, col++)
		if (*s == '\t')
			return col;
	return 0;
}

/*
 * Turn libyaml's problem into words an editor can act on.  A reader
 * error (a character YAML does not allow) has no mark, only the byte
 * offset of the character.
 */
static void
yaml_report(struct ybuild *b, const yaml_parser_t *parser)
{
	struct pos	 p;
	const char	*what = parser->problem ? parser->problem : "error";
	size_t		 i, idx, off = parser->problem_offset;
	unsigned	 tab;

	if (parser->error == YAML_READER_ERROR) {
		if (off > b->len)
			off = b->len;
		idx = utf8_chars(b->text, off);
		if (has_bom(b->text, b->len) && idx > 0)
			idx--;
		p = ylines_pos(&b->lines, idx);
		if (strstr(what, "control characters") != NULL)
			diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
			    _("an invisible character (U+%04X) that YAML does "
			    "not allow is here; delete it"),
			    (unsigned)parser->problem_value);
		else
			diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
			    _("the file is not saved as UTF-8; in your editor "
			    "choose Save As, Encoding: UTF-8"));
		return;
	}
	p = mark_pos(b, &parser->problem_mark);
	/* The Tab is on the line blamed or, for a key, the one above. */
	for (i = 0; i < 2 && p.line > i; i++)
		if ((tab = tab_indent(b, p.line - (unsigned)i)) != 0) {
			diag_add(b->d, b->file, p.line - (unsigned)i, tab,
			    SEV_ERROR, _("front matter is not valid YAML: %s"),
			    _(yamlhints[TAB_HINT][1]));
			return;
		}
	for (i = 0; i < sizeof(yamlhints) / sizeof(yamlhints[0]); i++)
		if (strstr(what, yamlhints[i][0]) != NULL) {
			diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
			    _("front matter is not valid YAML: %s"),
			    _(yamlhints[i][1]));
			return;
		}
	if (parser->context)
		diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
		    _("front matter is not valid YAML: %s %s (check "
		    "indentation, and quote values containing ': ' or '#')"),
		    what, parser->context);
	else
		diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
		    _("front matter is not valid YAML: %s (check "
		    "indentation, and quote values containing ': ' or '#')"),
		    what);
}

/* Which line ends odd_breaks() looks for. */
#define ODD_CR		1	/* CR not followed by LF */
#define ODD_SEP		2	/* NEL, U+2028, U+2029: line ends to YAML only */

/*
 * The line ends editors do not show, each with the character of the
 * same length in bytes that stands in for it, and what to tell the
 * editor.  A stand-in is one character that breaks no line, so libyaml
 * reads the lines the editor sees and its marks keep their index.
 */
static const struct oddbreak {
	int		 kind;
	const char	*bytes;
	const char	*standin;
	const char	*what;
} oddbreaks[] = {
	{ ODD_CR, "\r", " ", N_("an invisible carriage return (CR) is here on "
	    "its own, which programs read differently; delete it, or save "
	    "the file again with normal line ends (Windows CRLF or Unix LF)") },
	{ ODD_SEP, "\xc2\x85", "\xc2\xa0", N_("an invisible next-line character "
	    "(U+0085) is here, which YAML reads as a new line although your "
	    "editor shows none; delete it, and press Enter if you meant a "
	    "new line") },
	{ ODD_SEP, "\xe2\x80\xa8", "\xe2\x80\x87", N_("an invisible line "
	    "separator (U+2028) is here, which YAML reads as a new line "
	    "although your editor shows none; delete it, and press Enter if "
	    "you meant a new line") },
	{ ODD_SEP, "\xe2\x80\xa9", "\xe2\x80\x87", N_("an invisible paragraph "
	    "separator (U+2029) is here, which YAML reads as a new line "
	    "although your editor shows none; delete it, and press Enter if "
	    "you meant a new line") },
};

/* The entry of oddbreaks[] (among kinds) that starts at s, or NULL. */
static const struct oddbreak *
odd_break(const char *s, const char *end, int kinds)
{
	size_t	 i, n;

	for (i = 0; i < sizeof(oddbreaks) / sizeof(oddbreaks[0]); i++) {
		if (!(oddbreaks[i].kind & kinds))
			continue;
		n = strlen(oddbreaks[i].bytes);
		if ((size_t)(end - s) >= n &&
		    memcmp(s, oddbreaks[i].bytes, n) == 0 &&
		    (s[0] != '\r' || s + 1 == end || s[1] != '\n'))
			return &oddbreaks[i];
	}
	return NULL;
}

/* Does text end its lines with CR alone?  Then it is one line to us. */
static int
cr_only(const char *text, size_t len)
{
	return memchr(text, '\n', len) == NULL &&
	    memchr(text, '\r', len) != NULL;
}

/*
 * Report the first line end in text (whose first line is line0 of file)
 * that editors do not show, of the kinds asked for, saying how many more
 * follow.  Returns NULL if there is none, else a copy of text with each
 * replaced by its stand-in, for the caller to parse and free: later
 * problems are then still found, where the editor sees them.
 */
static char *
odd_breaks(const char *text, size_t len, int kinds, const char *file,
    unsigned line0, struct diags *d)
{
	const struct oddbreak	*o, *first = NULL;
	const char		*end = text + len;
	char			*copy = NULL;
	size_t			 i, bol, more = 0;
	unsigned		 line = line0, fline = 0, col = 0;

	bol = has_bom(text, len) ? 3 : 0;
	for (i = bol; i < len; i++) {
		if (text[i] == '\n') {
			line++;
			bol = i + 1;
			continue;
		}
		/* Only CR, and the lead bytes of NEL and U+2028/9, start one. */
		if ((text[i] != '\r' && (unsigned char)text[i] != 0xc2 &&
		    (unsigned char)text[i] != 0xe2) ||
		    (o = odd_break(text + i, end, kinds)) == NULL)
			continue;
		if (first == NULL) {
			first = o;
			fline = line;
			col = (unsigned)utf8_chars(text + bol, i - bol) + 1;
			copy = xmalloc(len + 1);
			memcpy(copy, text, len);
			copy[len] = '\0';
		} else
			more++;
		memcpy(copy + i, o->standin, strlen(o->standin));
		i += strlen(o->bytes) - 1;
	}
	if (first == NULL)
		return NULL;
	if (first->kind == ODD_CR && cr_only(text, len))
		diag_add(d, file, line0, 1, SEV_ERROR, _("the lines of this file "
		    "end with a carriage return (CR) alone, as on old Macs; "
		    "save it again with normal line ends (Windows CRLF or "
		    "Unix LF)"));
	else if (more > 0)
		diag_add(d, file, fline, col, SEV_ERROR, _("%s (and %zu more "
		    "such characters further on)"), _(first->what), more);
	else
		diag_add(d, file, fline, col, SEV_ERROR, "%s", _(first->what));
	return copy;
}
/* yaml_load(), checking only the odd line ends of kinds. */
static struct ynode *
yaml_parse(const char *text, size_t len, const char *file, unsigned line0,
    struct diags *d, int kinds)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	struct ybuild	 b;
	char		*fixed;
	int		 done = 0, ok = 1;
	yaml_mark_t	 zero = { 0, 0, 0 };

	memset(&b, 0, sizeof(b));
	if ((fixed = odd_breaks(text, len, kinds, file, line0, d)) != NULL) {
		/* As one line, the text can only give errors that mislead. */
		if ((kinds & ODD_CR) && cr_only(text, len)) {
			free(fixed);
			return NULL;
		}
		text = fixed;
		b.failed = 1;
	}
	b.file = file;
	b.text = text;
	b.len = len;
	b.d = d;
	ylines_init(&b.lines, text, len, line0);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (ok && !done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			yaml_report(&b, &parser);
			ok = 0;
			break;
		}
		/* Only the first document counts. */
		done = ev.type == YAML_STREAM_END_EVENT ||
		    ev.type == YAML_DOCUMENT_END_EVENT;
		ok = ybuild_event(&b, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	while (b.depth > 0)
		ynode_free(b.stack[--b.depth]);
	if (ok && !b.failed && b.root == NULL)
		b.root = ynode_new(&b, Y_MAP, &zero);
	if (!ok || b.failed) {
		ynode_free(b.root);
		b.root = NULL;
	}
	free(b.lines.start);
	free(fixed);
	return b.root;
}

/*
 * Parse YAML text whose first line is line line0 of file.  Returns the
 * root node (an empty map for empty text), owned by the caller and freed
 * with ynode_free(), or NULL after adding errors to d.  Positions count
 * lines at '\n' only and columns in characters, as editors show them;
 * line ends that editors do not show (a CR alone, NEL, U+2028, U+2029)
 * are errors.
 */
struct ynode *
yaml_load(const char *text, size_t len, const char *file, unsigned line0,
    struct diags *d)
{
	return yaml_parse(text, len, file, line0, d, ODD_CR | ODD_SEP);
}

void
ynode_free(struct ynode *n)
{
	size_t	 i;

	if (n == NULL)
		return;
	for (i = 0; i < n->kidsz; i++)
		ynode_free(n->kids[i]);
	free(n->kids);
	free(n->value);
	free(n);
}

/* Is n YAML's null: an empty line after the colon, ~ or null? */
static int
is_null(const struct ynode *n)
{
	return n->type == Y_SCALAR && n->plain && (n->value[0] == '\0' ||
	    strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0);
}

/*
 * The value for key in map, or NULL if there is none.  A key with an
 * empty value ("summary:") counts as absent: that is what editors mean.
 */
struct ynode *
ymap_get(const struct ynode *map, const char *key)
{
	size_t	 i;

	if (map == NULL || map->type != Y_MAP)
		return NULL;
	for (i = 0; i + 1 < map->kidsz; i += 2)
		if (strcmp(map->kids[i]->value, key) == 0)
			return is_null(map->kids[i + 1]) ? NULL :
			    map->kids[i + 1];
	return NULL;
}

/*
 * Split a content file into its front matter tree and body.  Sets *body
 * to a new string (the Markdown after the closing ---).  Returns the
 * tree (free with ynode_free()), or NULL after reporting why to c->d.
 * A CR alone in the body is reported too, at its line, but the tree is
 * still returned, so its fields get checked in the same run.  kind
 * names the file type for editors.
 */
struct ynode *
doc_split(const struct fctx *c, const char *buf, size_t sz, const char *kind,
    char **body)
{
	struct ynode	*root;
	char		*fixed;
	size_t		 yoff, ylen, boff;
	unsigned	 bodyline;
	enum fmerr	 e;

	switch ((e = fm_split(buf, sz, &yoff, &ylen, &boff, &bodyline))) {
	case FM_NONE:
	case FM_UNCLOSED:
		/* CRs alone can hide the '---' lines: that is the problem. */
		if ((fixed = odd_breaks(buf, sz, ODD_CR, c->file, 1,
		    c->d)) != NULL) {
			free(fixed);
			return NULL;
		}
		if (e == FM_NONE)
			diag_add(c->d, c->file, 1, 1, SEV_ERROR, _("a %s file "
			    "must start with front matter: a line '---', "
			    "then lines like 'title: ...', then another "
			    "'---'"), kind);
		else
			diag_add(c->d, c->file, 1, 1, SEV_ERROR, _("the front "
			    "matter that starts here is never closed: add a "
			    "line '---' after the last field"));
		return NULL;
	default:
		break;
	}
	*body = xstrndup(buf + boff, sz - boff);
	root = yaml_load(buf + yoff, ylen, c->file, 2, c->d);
	/*
	 * Markdown also ends a line at a CR alone; the body is not parsed
	 * here, so only the error matters, and the front matter still counts.
	 */
	free(odd_breaks(*body, sz - boff, ODD_CR, c->file, bodyline, c->d));
	return root;
}
