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

/* Parser state while turning events into a tree. */
struct ybuild {
	struct ynode	*stack[YAML_MAX_DEPTH + 1];
	size_t		 depth;
	size_t		 nodes;
	struct ynode	*root;
	const char	*file;
	unsigned	 line0;
	struct diags	*d;
};

static struct pos
mark_pos(const struct ybuild *b, const yaml_mark_t *m)
{
	struct pos	 p;

	p.line = b->line0 + (unsigned)m->line;
	p.col = (unsigned)m->column + 1;
	return p;
}

static void
ynode_add(struct ynode *parent, struct ynode *kid)
{
	parent->kids = xreallocarray(parent->kids, parent->kidsz + 1,
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
			    SEV_ERROR, "a field name must be a single word, "
			    "not a list or a map");
			ynode_free(n);
			return 0;
		}
		if ((first = dup_key(top, n)) != NULL) {
			diag_add(b->d, b->file, n->pos.line, n->pos.col,
			    SEV_ERROR, "field '%s' is written twice "
			    "(first on line %u); keep only one",
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

/* Handle one event; 0 stops parsing after reporting why. */
static int
ybuild_event(struct ybuild *b, const yaml_event_t *ev)
{
	struct ynode	*n;
	struct pos	 p = mark_pos(b, &ev->start_mark);

	if (b->nodes >= YAML_MAX_NODES) {
		diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
		    "front matter is too large (over %d values)",
		    YAML_MAX_NODES);
		return 0;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
		    "YAML aliases (*%s) are not allowed here; "
		    "write the value out in full",
		    (const char *)ev->data.alias.anchor);
		return 0;
	case YAML_SCALAR_EVENT:
		n = ynode_new(b, Y_SCALAR, &ev->start_mark);
		n->value = xstrndup((const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return ybuild_attach(b, n);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth == YAML_MAX_DEPTH) {
			diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
			    "front matter nests too deeply");
			return 0;
		}
		n = ynode_new(b, ev->type == YAML_SEQUENCE_START_EVENT ?
		    Y_SEQ : Y_MAP, &ev->start_mark);
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
static const char *const yamlhints[][2] = {
	{ "mapping values are not allowed", "a second ': ' on one line; "
	    "put the whole value in double quotes" },
	{ "found character that cannot start any token", "a value starts "
	    "with a character YAML reserves (such as @, ` or %); put the "
	    "whole value in double quotes" },
	{ "found a tab character", "a Tab is used to indent; indent with "
	    "spaces only" },
	{ "did not find expected key", "the indentation does not line up "
	    "with the lines above; use the same number of spaces for "
	    "fields at the same level" },
	{ "did not find expected '-' indicator", "the items of a list do "
	    "not line up; start each item with '- ' at the same indentation" },
	{ "found unexpected end of stream", "a quote or bracket is opened "
	    "but never closed" },
	{ "found undefined tag handle", "a value starts with '!'; put the "
	    "whole value in double quotes" },
};

/* Turn libyaml's problem into words an editor can act on. */
static void
yaml_report(struct ybuild *b, const yaml_parser_t *parser)
{
	struct pos	 p;
	const char	*what = parser->problem ? parser->problem : "error";
	size_t		 i;

	p = mark_pos(b, &parser->problem_mark);
	for (i = 0; i < sizeof(yamlhints) / sizeof(yamlhints[0]); i++)
		if (strstr(what, yamlhints[i][0]) != NULL) {
			diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
			    "front matter is not valid YAML: %s",
			    yamlhints[i][1]);
			return;
		}
	if (parser->context)
		diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
		    "front matter is not valid YAML: %s %s (check "
		    "indentation, and quote values containing ': ' or '#')",
		    what, parser->context);
	else
		diag_add(b->d, b->file, p.line, p.col, SEV_ERROR,
		    "front matter is not valid YAML: %s (check "
		    "indentation, and quote values containing ': ' or '#')",
		    what);
}

/*
 * Parse YAML text whose first line is line line0 of file.  Returns the
 * root node (an empty map for empty text), owned by the caller and freed
 * with ynode_free(), or NULL after adding errors to d.
 */
struct ynode *
yaml_load(const char *text, size_t len, const char *file, unsigned line0,
    struct diags *d)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	struct ybuild	 b;
	int		 done = 0, ok = 1;
	yaml_mark_t	 zero = { 0, 0, 0 };

	memset(&b, 0, sizeof(b));
	b.file = file;
	b.line0 = line0;
	b.d = d;
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
	if (!ok) {
		ynode_free(b.root);
		return NULL;
	}
	if (b.root == NULL)
		b.root = ynode_new(&b, Y_MAP, &zero);
	return b.root;
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
 * to a new string (the Markdown after the closing ---) and *bodyline to
 * its first line.  Returns the tree (free with ynode_free()), or NULL
 * after reporting why to c->d.  kind names the file type for editors.
 */
struct ynode *
doc_split(const struct fctx *c, const char *buf, size_t sz, const char *kind,
    char **body, unsigned *bodyline)
{
	size_t	 yoff, ylen, boff;

	switch (fm_split(buf, sz, &yoff, &ylen, &boff, bodyline)) {
	case FM_NONE:
		diag_add(c->d, c->file, 1, 1, SEV_ERROR, "a %s file must "
		    "start with front matter: a line '---', then lines like "
		    "'title: ...', then another '---'", kind);
		return NULL;
	case FM_UNCLOSED:
		diag_add(c->d, c->file, 1, 1, SEV_ERROR, "the front matter "
		    "that starts here is never closed: add a line '---' "
		    "after the last field");
		return NULL;
	default:
		break;
	}
	*body = xstrndup(buf + boff, sz - boff);
	return yaml_load(buf + yoff, ylen, c->file, 2, c->d);
}
