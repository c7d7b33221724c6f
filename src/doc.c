/* doc.c: a document to import as paragraphs and tables (the model ooxml.c fills too), and the readers of CSV as Excel saves it and of Word's "web page" HTML. */
#include <sys/stat.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "extern.h"

/* CSV and HTML tables as large as a sheet may be (see ooxml.c). */
#define DOC_MAX_ROWS	100000
#define DOC_MAX_COLS	256

/* Bytes of blank at s (ASCII blanks, no-break space), or 0. */
static size_t
blank_len(const char *s, size_t n)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\v' || *s == '\f')
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xc2 &&
	    (unsigned char)s[1] == 0xa0)
		return 2;
	return 0;
}

/* Bytes of something that shows as nothing (zero-width space, BOM), or 0. */
static size_t
invisible_len(const char *s, size_t n)
{
	if (n >= 3 && (strncmp(s, "\xe2\x80\x8b", 3) == 0 ||
	    strncmp(s, "\xef\xbb\xbf", 3) == 0))
		return 3;
	if ((unsigned char)*s < 0x20 || *s == 0x7f)
		return 1;
	return 0;
}

static void
emph_mark(struct dtext *t, size_t off)
{
	t->emph = xreallocarray(t->emph, t->emphsz + 1, sizeof(*t->emph));
	t->emph[t->emphsz++] = off;
}

/*
 * Add a run of n bytes to the paragraph t, emphasised (bold or
 * underlined) or not.  Blanks anywhere become one space between words,
 * none at the ends: Word splits Thai words across runs wherever the
 * formatting changes, and the parts must join as written.
 */
void
dtext_add(struct dtext *t, const char *s, size_t n, int emph)
{
	size_t	 i = 0, k;
	int	 blank = 0;

	while (i < n) {
		if ((k = blank_len(s + i, n - i)) > 0) {
			blank = 1;
			i += k;
			continue;
		}
		if ((k = invisible_len(s + i, n - i)) > 0) {
			i += k;
			continue;
		}
		if (blank && t->text.len > 0 && t->text.s[t->text.len - 1] !=
		    ' ')
			buf_add(&t->text, " ");
		blank = 0;
		if (emph && !t->in_emph) {
			emph_mark(t, t->text.len);
			t->in_emph = 1;
		} else if (!emph && t->in_emph) {
			k = t->text.len;
			if (k > 0 && t->text.s[k - 1] == ' ')
				k--;
			emph_mark(t, k);
			t->in_emph = 0;
		}
		buf_addn(&t->text, s + i, 1);
		i++;
	}
	/* A blank between runs counts: "ผู้ช่วย" + " " + "ธุรการ". */
	if (blank && t->text.len > 0 && t->text.s[t->text.len - 1] != ' ')
		buf_add(&t->text, " ");
}

/* Free what t holds and make it empty again. */
static void
dtext_free(struct dtext *t)
{
	free(t->text.s);
	free(t->emph);
	memset(t, 0, sizeof(*t));
}

/*
 * End the paragraph t: if it holds any words, append it to v (sz
 * items) with its Markdown; t is empty again either way.
 */
void
dtext_end(struct dtext *t, struct dpara **v, size_t *sz)
{
	struct dpara	*p;
	struct buf	 md = { NULL, 0, 0 };
	size_t		 len = t->text.len, at = 0, i, s, e;

	while (len > 0 && t->text.s[len - 1] == ' ')
		len--;
	if (len == 0) {
		dtext_free(t);
		return;
	}
	if (t->in_emph)
		emph_mark(t, len);
	for (i = 0; i + 1 < t->emphsz; i += 2) {
		s = t->emph[i];
		e = t->emph[i + 1] < len ? t->emph[i + 1] : len;
		while (s < e && t->text.s[s] == ' ')
			s++;
		while (e > s && t->text.s[e - 1] == ' ')
			e--;
		if (s >= e || s < at)
			continue;
		escape_md(&md, t->text.s + at, s - at);
		buf_add(&md, "**");
		escape_md(&md, t->text.s + s, e - s);
		buf_add(&md, "**");
		at = e;
	}
	escape_md(&md, t->text.s + at, len - at);
	*v = xreallocarray(*v, *sz + 1, sizeof(**v));
	p = &(*v)[(*sz)++];
	p->text = xstrndup(t->text.s, len);
	p->md = md.s;
	p->heading = t->heading;
	dtext_free(t);
}

static struct dblock *
doc_block(struct doc *d)
{
	d->b = xreallocarray(d->b, d->bsz + 1, sizeof(*d->b));
	memset(&d->b[d->bsz], 0, sizeof(*d->b));
	return &d->b[d->bsz++];
}

/* End the paragraph t as a block of the document, if it has words. */
static void
doc_add_para(struct doc *d, struct dtext *t)
{
	struct dpara	*v = NULL;
	size_t		 sz = 0;

	dtext_end(t, &v, &sz);
	if (sz > 0)
		doc_block(d)->para = v;
}

/* Append the paragraphs v (sz of them) to d as blocks; d takes them and frees v. */
void
doc_add_paras(struct doc *d, struct dpara *v, size_t sz)
{
	size_t	 i;

	for (i = 0; i < sz; i++) {
		doc_block(d)->para = xmalloc(sizeof(*v));
		*d->b[d->bsz - 1].para = v[i];
	}
	free(v);
}

/* A new empty table at the end of d; the doc owns it. */
struct dtable *
doc_add_table(struct doc *d)
{
	return doc_block(d)->table = xcalloc(1, sizeof(struct dtable));
}

/* A new empty row at the end of t; valid until the next row is added. */
struct drow *
dtable_row(struct dtable *t)
{
	t->r = xreallocarray(t->r, t->rsz + 1, sizeof(*t->r));
	memset(&t->r[t->rsz], 0, sizeof(*t->r));
	return &t->r[t->rsz++];
}

/*
 * A new empty cell at the end of row of t, valid until the next cell of
 * that row is added; NULL (and t->full set) once t holds DOC_MAX_CELLS,
 * which no report comes near and a hostile file would pass by far.
 */
struct dcell *
dtable_cell(struct dtable *t, size_t row)
{
	struct drow	*r = &t->r[row];

	if (t->cells >= DOC_MAX_CELLS) {
		t->full = 1;
		return NULL;
	}
	t->cells++;
	r->c = xreallocarray(r->c, r->csz + 1, sizeof(*r->c));
	memset(&r->c[r->csz], 0, sizeof(*r->c));
	return &r->c[r->csz++];
}

/* Make the empty cell dst a copy of src (a cell merged down). */
void
dcell_copy(struct dcell *dst, const struct dcell *src)
{
	size_t	 i;

	dst->p = xcalloc(src->psz ? src->psz : 1, sizeof(*dst->p));
	for (i = 0; i < src->psz; i++) {
		dst->p[i].text = xstrdup(src->p[i].text);
		dst->p[i].md = xstrdup(src->p[i].md);
		dst->p[i].heading = src->p[i].heading;
	}
	dst->psz = src->psz;
}

/* Free what the cell c holds (not c itself, which lives in its row). */
void
dcell_free(struct dcell *c)
{
	size_t	 i;

	for (i = 0; i < c->psz; i++) {
		free(c->p[i].text);
		free(c->p[i].md);
	}
	free(c->p);
}

/* Free d and everything in it; d may be NULL. */
void
doc_free(struct doc *d)
{
	size_t		 i, r, c;
	struct dtable	*t;

	if (d == NULL)
		return;
	for (i = 0; i < d->bsz; i++) {
		if (d->b[i].para != NULL) {
			free(d->b[i].para->text);
			free(d->b[i].para->md);
			free(d->b[i].para);
		}
		if ((t = d->b[i].table) == NULL)
			continue;
		for (r = 0; r < t->rsz; r++) {
			for (c = 0; c < t->r[r].csz; c++)
				dcell_free(&t->r[r].c[c]);
			free(t->r[r].c);
		}
		free(t->r);
		free(t);
	}
	free(d->b);
	free(d);
}

/* ---- CSV, as Excel saves it ---- */

/* s (n bytes) from the charset cs into new UTF-8, or NULL. */
static char *
to_utf8(const char *cs, const char *s, size_t n, size_t *outn)
{
	iconv_t	 cd;
	char	*out, *in = (char *)s, *o;
	size_t	 max = n * 3 + 4, left = max, inleft = n;

	if ((cd = iconv_open("UTF-8", cs)) == (iconv_t)-1)
		return NULL;
	out = o = xmalloc(max + 1);
	if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*outn = (size_t)(o - out);
	return out;
}

/*
 * The separator of the first record: tab, comma or semicolon, whichever
 * comes most outside quotes.  "Unicode text" is tabbed, "CSV" comma'd,
 * and Excel in some locales writes semicolons.
 */
static char
csv_sep(const char *s, size_t n)
{
	size_t	 i, tab = 0, comma = 0, semi = 0;
	int	 q = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!q && s[i] == '\t')
			tab++;
		else if (!q && s[i] == ',')
			comma++;
		else if (!q && s[i] == ';')
			semi++;
	}
	if (tab >= comma && tab >= semi && tab > 0)
		return '\t';
	return semi > comma ? ';' : ',';
}

/* One CSV field's text into cell c: each line of it a paragraph. */
static void
csv_cell(struct dcell *c, const char *s, size_t n)
{
	struct dtext	 t;
	size_t		 i, start = 0;

	memset(&t, 0, sizeof(t));
	for (i = 0; i <= n; i++)
		if (i == n || s[i] == '\n') {
			dtext_add(&t, s + start, i - start, 0);
			dtext_end(&t, &c->p, &c->psz);
			start = i + 1;
		}
}

/*
 * Read CSV as Excel saves it (UTF-8 with a BOM, Excel's "Unicode text"
 * in UTF-16 with tabs, or Windows-874) from buf (n bytes, which it may
 * not change) as one table.  Returns a new doc, or NULL after adding an
 * error to d.
 */
struct doc *
doc_csv(const char *file, const char *buf, size_t n, struct diags *d)
{
	struct doc	*doc;
	struct dtable	*t;
	struct drow	*r = NULL;
	struct dcell	*c;
	struct buf	 f = { NULL, 0, 0 };
	char		*u = NULL, *w, sep;
	size_t		 i = 0, un, bad;

	if (n >= 2 && ((unsigned char)buf[0] == 0xff &&
	    (unsigned char)buf[1] == 0xfe)) {
		/* Excel's "Unicode text": UTF-16LE with a BOM, tabbed. */
		if ((u = to_utf8("UTF-16LE", buf + 2, n - 2, &un)) == NULL) {
			diag_add(d, file, 0, 0, SEV_ERROR, _("this file "
			    "starts like UTF-16 text but is not: save it "
			    "again from Excel as CSV UTF-8"));
			return NULL;
		}
		buf = u;
		n = un;
	} else if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		n -= 3;
	}
	if (!utf8_valid(buf, n, &bad)) {
		/* Excel's plain "CSV" on a Thai Windows is Windows-874. */
		w = to_utf8("CP874", buf, n, &un);
		/* Only now: buf may be u. */
		free(u);
		if ((u = w) == NULL) {
			diag_add(d, file, 0, 0, SEV_ERROR, _("this file is "
			    "neither UTF-8 nor Thai Windows text: save it "
			    "again from Excel as CSV UTF-8"));
			return NULL;
		}
		buf = u;
		n = un;
	}
	sep = csv_sep(buf, n);
	doc = xcalloc(1, sizeof(*doc));
	t = doc_add_table(doc);
	while (i < n) {
		if (r == NULL) {
			if (t->rsz == DOC_MAX_ROWS) {
				diag_add(d, file, 0, 0, SEV_ERROR, _("more "
				    "than %d rows: this is no report of "
				    "measures"), DOC_MAX_ROWS);
				free(f.s);
				free(u);
				doc_free(doc);
				return NULL;
			}
			r = dtable_row(t);
		}
		f.len = 0;
		if (f.s != NULL)
			f.s[0] = '\0';
		if (buf[i] == '"') {
			for (i++; i < n; i++) {
				if (buf[i] == '"' && i + 1 < n &&
				    buf[i + 1] == '"') {
					buf_add(&f, "\"");
					i++;
				} else if (buf[i] == '"') {
					i++;
					break;
				} else if (buf[i] != '\r')
					buf_addn(&f, buf + i, 1);
			}
		}
		while (i < n && buf[i] != sep && buf[i] != '\n' &&
		    buf[i] != '\r')
			buf_addn(&f, buf + i++, 1);
		if (r->csz < DOC_MAX_COLS &&
		    (c = dtable_cell(t, t->rsz - 1)) != NULL)
			csv_cell(c, f.s != NULL ? f.s : "", f.len);
		if (i < n && buf[i] == sep) {
			i++;
			continue;
		}
		if (i < n && buf[i] == '\r')
			i++;
		if (i < n && buf[i] == '\n')
			i++;
		r = NULL;
	}
	free(f.s);
	free(u);
	return doc;
}

/* ---- Word's "web page" (.htm), as Word saves it ---- */

struct hwalk {
	struct doc	*doc;
	struct dtext	 t;
	int		 emph;
};

static int
hname(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcasecmp((const char *)n->name, name) == 0;
}

static int
hblock(const xmlNode *n)
{
	static const char *const names[] = { "p", "div", "h1", "h2", "h3",
	    "h4", "h5", "h6", "li", "blockquote", "pre", "center", "ul",
	    "ol", "dl", "dt", "dd", "section", "article", "header",
	    "footer", "address", "caption", NULL };
	size_t	 i;

	for (i = 0; names[i] != NULL; i++)
		if (hname(n, names[i]))
			return 1;
	return 0;
}

/* Bold or underlined: Word writes <b> and <u>, or a style. */
static int
hemph(const xmlNode *n)
{
	xmlChar	*st;
	int	 e = 0;

	if (hname(n, "b") || hname(n, "strong") || hname(n, "u"))
		return 1;
	if (n->type == XML_ELEMENT_NODE &&
	    (st = xmlGetProp(n, BAD_CAST "style")) != NULL) {
		e = strstr((char *)st, "font-weight:bold") != NULL ||
		    strstr((char *)st, "text-decoration:underline") != NULL ||
		    strstr((char *)st, "text-underline:single") != NULL;
		xmlFree(st);
	}
	return e;
}

static int
hheading(const xmlNode *n)
{
	xmlChar	*cl;
	int	 h = 0;

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	    n->name[2] == '\0')
		return 1;
	if ((cl = xmlGetProp(n, BAD_CAST "class")) != NULL) {
		h = strncasecmp((char *)cl, "MsoTitle", 8) == 0 ||
		    strncasecmp((char *)cl, "MsoHeading", 10) == 0;
		xmlFree(cl);
	}
	return h;
}

/* The text under n into paragraphs of (v, sz); tables flattened. */
static void
html_text(struct hwalk *w, const xmlNode *n, struct dpara **v, size_t *sz)
{
	const xmlNode	*c;
	int		 was = w->emph;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			dtext_add(&w->t, (const char *)c->content,
			    strlen((const char *)c->content), w->emph);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || hname(c, "script") ||
		    hname(c, "style") || hname(c, "head") ||
		    hname(c, "title"))
			continue;
		if (hname(c, "br")) {
			dtext_end(&w->t, v, sz);
			continue;
		}
		if (hblock(c) || hname(c, "td") || hname(c, "th") ||
		    hname(c, "tr") || hname(c, "table")) {
			dtext_end(&w->t, v, sz);
			w->t.heading = hheading(c);
		}
		w->emph = was || hemph(c);
		html_text(w, c, v, sz);
		w->emph = was;
		if (hblock(c) || hname(c, "td") || hname(c, "th"))
			dtext_end(&w->t, v, sz);
	}
}

static long
hspan(const xmlNode *n, const char *attr)
{
	xmlChar	*v;
	long	 k = 1;

	if ((v = xmlGetProp(n, BAD_CAST attr)) != NULL) {
		if (!parse_int((char *)v, &k) || k < 1)
			k = 1;
		if (k > DOC_MAX_COLS)
			k = DOC_MAX_COLS;
		xmlFree(v);
	}
	return k;
}

/* A cell merged down from an earlier row, by grid column. */
struct hdown {
	size_t		 row;		/* its first row */
	long		 left;		/* rows it still covers */
};

static void html_rows(struct hwalk *, const xmlNode *, struct dtable *,
    struct hdown *);

/* One <table>: rows with colspan and rowspan on one grid. */
static void
html_table(struct hwalk *w, const xmlNode *tbl)
{
	struct dtable	*t = doc_add_table(w->doc);
	struct hdown	*down = xcalloc(DOC_MAX_COLS, sizeof(*down));

	html_rows(w, tbl, t, down);
	free(down);
}

static void
html_rows(struct hwalk *w, const xmlNode *n, struct dtable *t,
    struct hdown *down)
{
	const xmlNode	*c, *tc;
	struct dcell	*cell;
	size_t		 col, row;
	long		 k, span, rs;

	for (c = n->children; c != NULL; c = c->next) {
		if (hname(c, "thead") || hname(c, "tbody") ||
		    hname(c, "tfoot")) {
			html_rows(w, c, t, down);
			continue;
		}
		if (!hname(c, "tr") || t->rsz == DOC_MAX_ROWS)
			continue;
		dtable_row(t);
		row = t->rsz - 1;
		col = 0;
		for (tc = c->children; ; tc = tc->next) {
			/* Columns still covered from above come first. */
			while (col < DOC_MAX_COLS && down[col].left > 0) {
				if ((cell = dtable_cell(t, row)) != NULL)
					dcell_copy(cell,
					    &t->r[down[col].row].c[col]);
				down[col].left--;
				col++;
			}
			if (tc == NULL)
				break;
			if (!hname(tc, "td") && !hname(tc, "th"))
				continue;
			if (col >= DOC_MAX_COLS)
				break;
			if ((cell = dtable_cell(t, row)) == NULL)
				break;
			html_text(w, tc, &cell->p, &cell->psz);
			dtext_end(&w->t, &cell->p, &cell->psz);
			if ((rs = hspan(tc, "rowspan")) > 1) {
				down[col].row = row;
				down[col].left = rs - 1;
			}
			span = hspan(tc, "colspan");
			col++;
			for (k = 1; k < span && col < DOC_MAX_COLS; k++) {
				(void)dtable_cell(t, row);
				col++;
			}
		}
	}
}

/* Walk the body: paragraphs outside tables are blocks, tables tables. */
static void
html_body(struct hwalk *w, const xmlNode *n)
{
	const xmlNode	*c;
	struct dpara	*v = NULL;
	size_t		 sz = 0;

	for (c = n->children; c != NULL; c = c->next) {
		if (hname(c, "table")) {
			doc_add_para(w->doc, &w->t);
			html_table(w, c);
			continue;
		}
		if (c->type == XML_ELEMENT_NODE && !hblock(c) &&
		    !hname(c, "br") && !hname(c, "script") &&
		    !hname(c, "style") && (hname(c, "body") ||
		    hname(c, "html") || hname(c, "form") ||
		    hname(c, "span"))) {
			html_body(w, c);
			continue;
		}
		if (hname(c, "div")) {
			/* Word wraps the whole page in <div class=WordSection1>. */
			doc_add_para(w->doc, &w->t);
			html_body(w, c);
			continue;
		}
		if (c->type == XML_ELEMENT_NODE && (hname(c, "script") ||
		    hname(c, "style") || hname(c, "head")))
			continue;
		/* A paragraph (or loose text) of its own. */
		w->t.heading = hheading(c);
		if (c->type == XML_TEXT_NODE)
			dtext_add(&w->t, (const char *)c->content,
			    strlen((const char *)c->content), 0);
		else if (c->type == XML_ELEMENT_NODE && !hname(c, "br")) {
			w->emph = hemph(c);
			html_text(w, c, &v, &sz);
			w->emph = 0;
		}
		if (c->type != XML_TEXT_NODE)
			dtext_end(&w->t, &v, &sz);
		doc_add_paras(w->doc, v, sz);
		v = NULL;
		sz = 0;
	}
}

/*
 * Read Word's "web page" (HTML in the charset its <meta> names) from
 * buf: its paragraphs and tables.  Returns a new doc, or NULL after
 * adding an error to d.
 */
struct doc *
doc_html(const char *file, const char *buf, size_t n, struct diags *d)
{
	htmlDocPtr	 h;
	struct hwalk	 w;
	xmlNode		*root;
	char		*clean;
	size_t		 i, k, cn = 0;

	/*
	 * Word marks what only old browsers skip with <![if !supportLists]>
	 * and <![endif]> (a list's number, say); browsers drop the marks
	 * and show what is between, and so do we.
	 */
	clean = xmalloc(n + 1);
	for (i = 0; i < n; ) {
		if (n - i >= 4 && memcmp(buf + i, "<![", 3) == 0 &&
		    (n - i >= 6 && (strncasecmp(buf + i + 3, "if", 2) == 0 ||
		    strncasecmp(buf + i + 3, "endif", 5) == 0))) {
			for (k = i + 3; k < n && k - i < 256 && buf[k] != '>' &&
			    buf[k] != '<'; k++)
				continue;
			/* Not "<![endif]-->", the end of a real comment. */
			if (k < n && buf[k] == '>' && buf[k - 1] == ']') {
				i = k + 1;
				continue;
			}
		}
		clean[cn++] = buf[i++];
	}
	/* No network, no entities from outside; charset from its <meta>. */
	h = htmlReadMemory(clean, (int)cn, NULL, NULL, HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	free(clean);
	if (h == NULL || (root = xmlDocGetRootElement(h)) == NULL) {
		diag_add(d, file, 0, 0, SEV_ERROR, _("cannot read this web "
		    "page: save the report from Word as .docx instead"));
		xmlFreeDoc(h);
		return NULL;
	}
	memset(&w, 0, sizeof(w));
	w.doc = xcalloc(1, sizeof(*w.doc));
	html_body(&w, root);
	doc_add_para(w.doc, &w.t);
	xmlFreeDoc(h);
	return w.doc;
}
