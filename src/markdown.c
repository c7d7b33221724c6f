/* markdown.c: parses Markdown bodies with cmark-gfm and renders them to HTML, split into the report's sections (the only cmark user). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <lz4.h>

#include "extern.h"

/* The GitHub extensions an editor expects from a "Markdown" box. */
static const char *const extnames[] = {
	"table", "tasklist", "strikethrough", "autolink", "tagfilter", NULL
};

/* Headings that open the report's two columns, in Thai and English. */
static const char *const methodheads[] = {
	"วิธีการดำเนินการ", "วิธีการดำเนินงาน", "methods", "method", NULL
};
static const char *const resultheads[] = {
	"ผลการดำเนินงาน", "ผลการดำเนินการ", "result", "results", NULL
};

/*
 * The heading that opens a report column in a new body (the first of
 * its list): what import and new write, so the report finds it.
 */
const char *
markdown_heading(enum column c)
{
	return c == COL_METHODS ? methodheads[0] : resultheads[0];
}

/*
 * cmark-gfm keeps the table of characters that start an inline in one
 * global array, which a parser fills with its extensions' characters
 * while it parses inlines and clears when done: two parsers at work at
 * once lose each other's autolinks.  So bodies are parsed one at a
 * time (measures are loaded on several threads); rendering the parsed
 * tree to HTML, the larger part, runs in parallel.
 */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * Register cmark-gfm's extensions.  Call once before any thread starts:
 * the registry is global inside cmark-gfm.
 */
void
markdown_init(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

static cmark_parser *
parser_new(int options)
{
	cmark_parser		*p;
	cmark_syntax_extension	*ext;
	size_t			 i;

	p = cmark_parser_new(options);
	for (i = 0; extnames[i] != NULL; i++)
		if ((ext = cmark_find_syntax_extension(extnames[i])) != NULL)
			cmark_parser_attach_syntax_extension(p, ext);
	return p;
}

/* Append the literal text under node to buf (of size sz). */
static void
node_text(cmark_node *node, char *buf, size_t sz)
{
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node		*cur;
	const char		*lit;
	size_t			 len = strlen(buf);

	it = cmark_iter_new(node);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cur = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    (lit = cmark_node_get_literal(cur)) == NULL)
			continue;
		if (cmark_node_get_type(cur) != CMARK_NODE_TEXT &&
		    cmark_node_get_type(cur) != CMARK_NODE_CODE)
			continue;
		strncat(buf, lit, sz - len - 1);
		len = strlen(buf);
	}
	cmark_iter_free(it);
}

/* Does heading text t (spaces and a trailing colon ignored) name one of v? */
static int
heading_is(const char *t, const char *const *v)
{
	char	 norm[256];
	size_t	 i, n = 0;

	for (i = 0; t[i] != '\0' && n + 1 < sizeof(norm); i++)
		if (t[i] != ' ' && t[i] != ':')
			norm[n++] = t[i] >= 'A' && t[i] <= 'Z' ?
			    t[i] - 'A' + 'a' : t[i];
	norm[n] = '\0';
	for (i = 0; v[i] != NULL; i++)
		if (strcmp(norm, v[i]) == 0)
			return 1;
	return 0;
}

/* Which section a level-2 heading opens; COL_NONE closes the current one. */
static enum column
section_of(cmark_node *n)
{
	char	 text[256] = "";

	node_text(n, text, sizeof(text));
	if (heading_is(text, methodheads))
		return COL_METHODS;
	if (heading_is(text, resultheads))
		return COL_RESULT;
	return COL_NONE;
}

static char *
first_paragraph(cmark_node *doc)
{
	cmark_node	*n;
	char		*s, *copy;
	size_t		 len;

	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
			break;
	if (n == NULL)
		return NULL;
	s = cmark_render_plaintext(n, CMARK_OPT_DEFAULT, 0);
	len = strlen(s);
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' '))
		s[--len] = '\0';
	/* Kept for the whole build: a copy without cmark's spare room. */
	copy = xstrdup(s);
	free(s);
	return copy;
}

/*
 * Keep html (len bytes) as the body's compressed HTML.  LZ4 rather than
 * zstd: on bodies of a few kilobytes zstd's tables cost more than its
 * better ratio is worth, unpacked five or six times a build each (page,
 * report, feeds, search).  With room of LZ4_compressBound() LZ4 fails
 * only on inputs of 2 GB or more, none of which is a body.
 */
static void
body_pack(struct body *b, const char *html, size_t len)
{
	int	 cap, n;

	if (len > LZ4_MAX_INPUT_SIZE)
		oom();
	cap = LZ4_compressBound((int)len);
	b->z = xmalloc((size_t)cap);
	if ((n = LZ4_compress_default(html, (char *)b->z, (int)len, cap)) <= 0)
		oom();
	b->z = xreallocarray(b->z, (size_t)n, 1);
	b->zlen = (size_t)n;
	b->len = len;
}

/*
 * The body's whole HTML, a new NUL-terminated string of b->len bytes
 * (struct span's offsets index it).  The caller frees it.
 */
char *
body_unpack(const struct body *b)
{
	char	*s = xmalloc(b->len + 1);
	int	 n;

	n = LZ4_decompress_safe((const char *)b->z, s, (int)b->zlen,
	    (int)b->len);
	/* What body_pack() made unpacks, or the memory is not ours. */
	if (n < 0 || (size_t)n != b->len)
		abort();
	s[n] = '\0';
	return s;
}

/* Note that all[off, end) belongs to column col, joining it to the last span. */
static void
span_add(struct body *b, enum column col, size_t off, size_t end)
{
	struct span	*sp;

	if (col == COL_NONE || end == off)
		return;
	if (b->spansz > 0 && (sp = &b->spans[b->spansz - 1])->col == col &&
	    sp->off + sp->len == off) {
		sp->len += end - off;
		return;
	}
	b->spans = xgrow(b->spans, b->spansz, sizeof(*b->spans));
	sp = &b->spans[b->spansz++];
	sp->col = col;
	sp->off = off;
	sp->len = end - off;
}

/*
 * The whole body's HTML, block by block, noting which blocks each
 * section holds.  cmark-gfm renders a document as its blocks one after
 * the other (each begins on a new line), so this is the same text as
 * rendering the document at once.
 */
static void
body_blocks(struct body *b, cmark_node *doc, int opts, cmark_llist *exts)
{
	struct buf	 all = { NULL, 0, 0 };
	enum column	 cur = COL_NONE;
	cmark_node	*n;
	char		*html;
	size_t		 off;

	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		html = cmark_render_html(n, opts, exts);
		off = all.len;
		buf_add(&all, html);
		free(html);
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) <= 2)
			cur = section_of(n);
		else
			span_add(b, cur, off, all.len);
	}
	body_pack(b, all.s != NULL ? all.s : "", all.len);
	free(all.s);
}

/*
 * Render Markdown text to HTML.  Raw HTML is left out unless unsafe is
 * set.  Returns a new body, freed with body_free().
 */
struct body *
markdown_render(const char *text, int unsafe)
{
	cmark_parser	*p;
	cmark_node	*doc;
	struct body	*b;
	int		 opts = CMARK_OPT_DEFAULT |
			    (unsafe ? CMARK_OPT_UNSAFE : 0);

	pthread_mutex_lock(&parse_lock);
	p = parser_new(opts);
	cmark_parser_feed(p, text, strlen(text));
	doc = cmark_parser_finish(p);
	pthread_mutex_unlock(&parse_lock);
	b = xcalloc(1, sizeof(*b));
	body_blocks(b, doc, opts, cmark_parser_get_syntax_extensions(p));
	b->first_para = first_paragraph(doc);
	cmark_node_free(doc);
	pthread_mutex_lock(&parse_lock);
	cmark_parser_free(p);
	pthread_mutex_unlock(&parse_lock);
	return b;
}

/* Does the body have a column col? */
int
body_has(const struct body *b, enum column col)
{
	size_t	 i;

	for (i = 0; i < b->spansz; i++)
		if (b->spans[i].col == col)
			return 1;
	return 0;
}

/*
 * The next run of the body's HTML that column col shows (COL_NONE: the
 * whole body, as one run), from cursor *k (0 at first): sets *off and
 * *len and returns 1, or returns 0 after the last.
 */
int
body_run(const struct body *b, enum column col, size_t *k, size_t *off,
    size_t *len)
{
	if (col == COL_NONE) {
		*off = 0;
		*len = b->len;
		return (*k)++ == 0;
	}
	for (; *k < b->spansz; (*k)++)
		if (b->spans[*k].col == col) {
			*off = b->spans[*k].off;
			*len = b->spans[(*k)++].len;
			return 1;
		}
	return 0;
}

void
body_free(struct body *b)
{
	if (b == NULL)
		return;
	free(b->z);
	free(b->spans);
	free(b->first_para);
	free(b);
}
