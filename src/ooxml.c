/* ooxml.c: reads Word .docx and Excel .xlsx (zip archives of XML) into a doc with libzip and libxml2: size and entry limits, no password, no DTD or entities, no network. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zip.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "extern.h"

/*
 * A report's document.xml is a few MiB at most; a zip that unpacks to
 * more, or holds more entries, is a zip bomb or not a report.
 */
#define ZIP_MAX_ENTRIES	5000
#define ZIP_MAX_PART	(64u * 1024 * 1024)
#define ZIP_MAX_TOTAL	(512ull * 1024 * 1024)

/* A sheet bigger than this is no list of measures. */
#define SHEET_MAX_ROWS	100000
#define SHEET_MAX_COLS	256

static const char *const wns[] = {
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main",
	NULL
};
static const char *const sns[] = {
	"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
	"http://purl.oclc.org/ooxml/spreadsheetml/main",
	NULL
};

struct zipdoc {
	const char	*file;
	zip_t		*za;
	struct diags	*d;
};

/* Open file as a zip and check its entries; 0 after an error. */
static int
zip_begin(struct zipdoc *z, const char *file, struct diags *d)
{
	zip_stat_t	 st;
	zip_int64_t	 n, i;
	unsigned long long total = 0;
	int		 err;

	z->file = file;
	z->d = d;
	if ((z->za = zip_open(file, ZIP_RDONLY | ZIP_CHECKCONS, &err)) ==
	    NULL) {
		if (err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS)
			diag_add(d, file, 0, 0, SEV_ERROR, _("this is not a "
			    "Word or Excel file (it is not a whole zip "
			    "archive): the file is damaged or was renamed"));
		else {
			zip_error_t	 ze;

			zip_error_init_with_code(&ze, err);
			diag_add(d, file, 0, 0, SEV_ERROR, _("cannot open "
			    "the file: %s"), zip_error_strerror(&ze));
			zip_error_fini(&ze);
		}
		return 0;
	}
	if ((n = zip_get_num_entries(z->za, 0)) > ZIP_MAX_ENTRIES) {
		diag_add(d, file, 0, 0, SEV_ERROR, _("the file holds %lld "
		    "parts, more than %d: it is not a report (a zip bomb?) "
		    "and is not read"), (long long)n, ZIP_MAX_ENTRIES);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0)
			continue;
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		    st.encryption_method != ZIP_EM_NONE) {
			diag_add(d, file, 0, 0, SEV_ERROR, _("this file is "
			    "password-protected: open it, remove the "
			    "password and save it again"));
			return 0;
		}
		if (st.valid & ZIP_STAT_SIZE)
			total += st.size;
	}
	if (total > ZIP_MAX_TOTAL) {
		diag_add(d, file, 0, 0, SEV_ERROR, _("the file would unpack "
		    "to %llu MiB, more than %llu: it is not a report (a zip "
		    "bomb?) and is not read"), total / 1024 / 1024,
		    ZIP_MAX_TOTAL / 1024 / 1024);
		return 0;
	}
	return 1;
}

/* Part name of z unpacks to more than ZIP_MAX_PART (its header may lie): -1. */
static int
part_big(struct zipdoc *z, const char *name)
{
	diag_add(z->d, z->file, 0, 0, SEV_ERROR, _("%s unpacks to more "
	    "than %u MiB: the file is not a report (a zip bomb?) and is not "
	    "read"), name, ZIP_MAX_PART / 1024 / 1024);
	return -1;
}

/*
 * The part name of z, unpacked, at most ZIP_MAX_PART bytes whatever
 * its header says.  Returns 1 with *out (owned), 0 if there is no such
 * part, -1 after an error.
 */
static int
zip_part(struct zipdoc *z, const char *name, char **out, size_t *len)
{
	zip_int64_t	 ix, got;
	zip_stat_t	 st;
	zip_file_t	*f;
	char		*buf;
	size_t		 n = 0, max = 65536;

	*out = NULL;
	if ((ix = zip_name_locate(z->za, name, 0)) < 0)
		return 0;
	if (zip_stat_index(z->za, (zip_uint64_t)ix, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size > ZIP_MAX_PART)
		return part_big(z, name);
	if ((f = zip_fopen_index(z->za, (zip_uint64_t)ix, 0)) == NULL) {
		diag_add(z->d, z->file, 0, 0, SEV_ERROR, _("cannot read "
		    "%s in the file: %s"), name, zip_strerror(z->za));
		return -1;
	}
	buf = xmalloc(max + 1);
	for (;;) {
		if (n == max) {
			if (max > ZIP_MAX_PART) {
				free(buf);
				zip_fclose(f);
				return part_big(z, name);
			}
			/* One byte past the limit tells a part that is too big. */
			max = max * 2 > ZIP_MAX_PART ? ZIP_MAX_PART + 1 :
			    max * 2;
			buf = xreallocarray(buf, max + 1, 1);
		}
		if ((got = zip_fread(f, buf + n, max - n)) < 0) {
			diag_add(z->d, z->file, 0, 0, SEV_ERROR, _("cannot "
			    "unpack %s in the file: %s"), name,
			    zip_file_strerror(f));
			free(buf);
			zip_fclose(f);
			return -1;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	zip_fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 1;
}

/*
 * Parse one part as XML: no network, no DTD loaded, no entity
 * substituted; a part with a DTD at all (which Office never writes) is
 * refused, so neither entity bombs nor external references are read.
 */
static xmlDoc *
xml_part(struct zipdoc *z, const char *name, int need)
{
	xmlParserCtxt	*ctx;
	xmlDoc		*x = NULL;
	const xmlError	*e;
	char		*buf = NULL;
	size_t		 len = 0;
	int		 rc;

	if ((rc = zip_part(z, name, &buf, &len)) <= 0) {
		if (rc == 0 && need)
			diag_add(z->d, z->file, 0, 0, SEV_ERROR, _("%s is "
			    "missing: this is not a Word or Excel file "
			    "Prongsai can read"), name);
		return NULL;
	}
	if ((ctx = xmlNewParserCtxt()) == NULL)
		oom();
	x = xmlCtxtReadMemory(ctx, buf, (int)len, name, NULL,
	    HTML_XML_SAFE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (x == NULL) {
		e = xmlCtxtGetLastError(ctx);
		diag_add(z->d, z->file, 0, 0, SEV_ERROR, _("%s is not "
		    "well-formed XML (line %d: %.*s): the file is damaged"),
		    name, e != NULL ? e->line : 0, e != NULL && e->message !=
		    NULL ? (int)strcspn(e->message, "\n") : 1,
		    e != NULL && e->message != NULL ? e->message : "?");
	} else if (x->intSubset != NULL || x->extSubset != NULL) {
		diag_add(z->d, z->file, 0, 0, SEV_ERROR, _("%s declares "
		    "entities or a DTD, which Word and Excel never write: the "
		    "file is not read"), name);
		xmlFreeDoc(x);
		x = NULL;
	}
	xmlFreeParserCtxt(ctx);
	free(buf);
	return x;
}

/* The two kinds of file, each known by its main part. */
enum ookind {
	OO_DOCX,
	OO_XLSX
};

static const struct {
	const char	*part;	/* the main part */
	const char	*wrong;	/* the other kind's main part is there */
	const char	*none;	/* neither is */
} ookinds[] = {
	{ "word/document.xml", N_("this is an Excel file: name it .xlsx"),
	  N_("this zip is not a Word document (it has no word/document.xml)") },
	{ "xl/workbook.xml", N_("this is a Word file: name it .docx"),
	  N_("this zip is not an Excel workbook (it has no xl/workbook.xml)") },
};

/*
 * Open file as a zip of kind k and parse its main part.  Returns the
 * part (free with xmlFreeDoc), or NULL after adding an error to d;
 * z->za, if not NULL, is the caller's to discard either way.
 */
static xmlDoc *
zip_main(struct zipdoc *z, const char *file, struct diags *d,
    enum ookind k)
{
	if (!zip_begin(z, file, d))
		return NULL;
	if (zip_name_locate(z->za, ookinds[k].part, 0) < 0) {
		diag_add(d, file, 0, 0, SEV_ERROR, "%s",
		    _(zip_name_locate(z->za, ookinds[!k].part, 0) >= 0 ?
		    ookinds[k].wrong : ookinds[k].none));
		return NULL;
	}
	return xml_part(z, ookinds[k].part, 1);
}

static int
in_ns(const xmlNode *n, const char *const *ns)
{
	size_t	 i;

	if (n->ns == NULL || n->ns->href == NULL)
		return 0;
	for (i = 0; ns[i] != NULL; i++)
		if (strcmp((const char *)n->ns->href, ns[i]) == 0)
			return 1;
	return 0;
}

static int
isw(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0 && in_ns(n, wns);
}

static int
iss(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0 && in_ns(n, sns);
}

static xmlNode *
wkid(const xmlNode *n, const char *name)
{
	xmlNode	*c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (isw(c, name))
			return c;
	return NULL;
}

/* The w:val of n (any namespace prefix), or NULL; free with xmlFree. */
static char *
wval(const xmlNode *n)
{
	xmlAttr	*a;

	if (n == NULL)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next)
		if (strcmp((const char *)a->name, "val") == 0)
			return (char *)xmlNodeGetContent((xmlNode *)a);
	return NULL;
}

/* Is a w:b, w:u, w:i ... toggle on: present, and not val="0"/"false"/"none". */
static int
toggle_on(const xmlNode *n)
{
	char	*v;
	int	 on;

	if (n == NULL)
		return 0;
	if ((v = wval(n)) == NULL)
		return 1;
	on = strcmp(v, "0") != 0 && strcmp(v, "false") != 0 &&
	    strcmp(v, "none") != 0 && strcmp(v, "off") != 0;
	xmlFree(v);
	return on;
}

static int
run_emph(const xmlNode *r)
{
	const xmlNode	*pr = wkid(r, "rPr");

	return toggle_on(wkid(pr, "b")) || toggle_on(wkid(pr, "u"));
}

static void
add_content(struct dtext *t, const xmlNode *n, int emph)
{
	xmlChar	*s = xmlNodeGetContent(n);

	if (s != NULL)
		dtext_add(t, (const char *)s, strlen((const char *)s), emph);
	xmlFree(s);
}

/*
 * The runs under n into t; a line break ends a paragraph of (v, sz).
 * Deleted text, field codes and drawings are no words of the page.
 */
static void
docx_runs(const xmlNode *n, struct dtext *t, struct dpara **v, size_t *sz)
{
	const xmlNode	*c, *k;
	int		 emph, h;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (isw(c, "r")) {
			emph = run_emph(c);
			for (k = c->children; k != NULL; k = k->next)
				if (isw(k, "t"))
					add_content(t, k, emph);
				else if (isw(k, "tab") || isw(k, "noBreakHyphen"))
					dtext_add(t, isw(k, "tab") ? " " : "-",
					    1, emph);
				else if (isw(k, "br") || isw(k, "cr")) {
					h = t->heading;
					dtext_end(t, v, sz);
					t->heading = h;
				}
			continue;
		}
		if (isw(c, "pPr") || isw(c, "del") || isw(c, "moveFrom") ||
		    strcmp((const char *)c->name, "Fallback") == 0)
			continue;
		/* hyperlink, ins, smartTag, sdt, fldSimple, moveTo, ... */
		docx_runs(c, t, v, sz);
	}
}

/* A paragraph in a title or heading style, or with an outline level. */
static int
docx_heading(const xmlNode *p)
{
	const xmlNode	*pr = wkid(p, "pPr");
	char		*st;
	int		 h = wkid(pr, "outlineLvl") != NULL;

	if ((st = wval(wkid(pr, "pStyle"))) != NULL) {
		h |= strncmp(st, "Title", 5) == 0 ||
		    strncasecmp(st, "Heading", 7) == 0;
		xmlFree(st);
	}
	return h;
}

static void
docx_para(const xmlNode *p, struct dpara **v, size_t *sz)
{
	struct dtext	 t;

	memset(&t, 0, sizeof(t));
	t.heading = docx_heading(p);
	docx_runs(p, &t, v, sz);
	dtext_end(&t, v, sz);
}

/* A cell's paragraphs; a table nested in it gives its text, row by row. */
static void
docx_cell(const xmlNode *n, struct dcell *c)
{
	const xmlNode	*k;

	for (k = n->children; k != NULL; k = k->next)
		if (isw(k, "p"))
			docx_para(k, &c->p, &c->psz);
		else if (isw(k, "tbl") || isw(k, "tr") || isw(k, "tc") ||
		    isw(k, "sdt") || isw(k, "sdtContent") ||
		    isw(k, "customXml"))
			docx_cell(k, c);
}

static long
wnum(const xmlNode *n, long def, long max)
{
	char	*v;
	long	 k = def;

	if ((v = wval(n)) != NULL) {
		if (!parse_int(v, &k) || k < 1)
			k = def;
		xmlFree(v);
	}
	return k > max ? max : k;
}

/*
 * One w:tr into a row of t on the table's grid: w:gridBefore and
 * w:gridSpan leave empty grid cells, a w:vMerge that continues takes
 * the text of the cell above.
 */
static void
docx_row(const xmlNode *tr, struct dtable *t)
{
	const xmlNode	*tc, *pr, *vm;
	struct drow	*r;
	size_t		 row, col;
	long		 k, span;
	char		*v;
	int		 cont;

	dtable_row(t);
	row = t->rsz - 1;
	span = wnum(wkid(wkid(tr, "trPr"), "gridBefore"), 0, SHEET_MAX_COLS);
	for (k = 0; k < span; k++)
		(void)dtable_cell(t, row);
	for (tc = tr->children; tc != NULL; tc = tc->next) {
		/* Cells inside a content control (w:sdt) are not read. */
		if (!isw(tc, "tc"))
			continue;
		r = &t->r[row];
		if (r->csz >= SHEET_MAX_COLS)
			break;
		pr = wkid(tc, "tcPr");
		span = wnum(wkid(pr, "gridSpan"), 1, SHEET_MAX_COLS);
		cont = 0;
		if ((vm = wkid(pr, "vMerge")) != NULL) {
			v = wval(vm);
			cont = v == NULL || strcmp(v, "restart") != 0;
			xmlFree(v);
		}
		if (dtable_cell(t, row) == NULL)
			break;
		col = r->csz - 1;
		if (cont && row > 0 && col < t->r[row - 1].csz)
			dcell_copy(&r->c[col], &t->r[row - 1].c[col]);
		else
			docx_cell(tc, &r->c[col]);
		for (k = 1; k < span && t->r[row].csz < SHEET_MAX_COLS; k++)
			(void)dtable_cell(t, row);
	}
}

static void
docx_table(const xmlNode *tbl, struct dtable *t)
{
	const xmlNode	*c;

	for (c = tbl->children; c != NULL; c = c->next)
		if (isw(c, "tr") && t->rsz < SHEET_MAX_ROWS)
			docx_row(c, t);
		else if (isw(c, "sdt") || isw(c, "sdtContent") ||
		    isw(c, "customXml"))
			docx_table(c, t);
}

/*
 * The paragraph styles of word/styles.xml that are headings: their
 * w:name is the built-in English one ("heading 1", "Title") whatever
 * the language of Word, while the style's id may be in Thai.  The ids
 * go into ids (owned) and heads (keys not owned).
 */
static void
docx_styles(struct zipdoc *z, char ***ids, size_t *idsz,
    struct strmap *heads)
{
	xmlDoc		*x;
	const xmlNode	*st, *root;
	xmlAttr		*a;
	char		*name, *id;
	int		 h;

	if ((x = xml_part(z, "word/styles.xml", 0)) == NULL)
		return;
	root = xmlDocGetRootElement(x);
	for (st = root != NULL ? root->children : NULL; st != NULL;
	    st = st->next) {
		if (!isw(st, "style"))
			continue;
		name = wval(wkid(st, "name"));
		h = wkid(wkid(st, "pPr"), "outlineLvl") != NULL ||
		    (name != NULL && (strncasecmp(name, "heading", 7) == 0 ||
		    strcasecmp(name, "title") == 0 ||
		    strcasecmp(name, "subtitle") == 0));
		xmlFree(name);
		id = NULL;
		for (a = st->properties; a != NULL; a = a->next)
			if (strcmp((const char *)a->name, "styleId") == 0)
				id = (char *)xmlNodeGetContent((xmlNode *)a);
		if (h && id != NULL && strmap_get(heads, id) == STRMAP_NONE) {
			*ids = xreallocarray(*ids, *idsz + 1, sizeof(**ids));
			(*ids)[*idsz] = xstrdup(id);
			strmap_put(heads, (*ids)[*idsz], *idsz);
			(*idsz)++;
		}
		xmlFree(id);
	}
	xmlFreeDoc(x);
}

static void
docx_body(const xmlNode *n, struct doc *doc, const struct strmap *heads)
{
	const xmlNode	*c;
	struct dpara	*v = NULL;
	size_t		 sz = 0, i;
	char		*st;

	for (c = n->children; c != NULL; c = c->next)
		if (isw(c, "p")) {
			docx_para(c, &v, &sz);
			st = wval(wkid(wkid(c, "pPr"), "pStyle"));
			for (i = 0; st != NULL && i < sz; i++)
				v[i].heading |= strmap_get(heads, st) !=
				    STRMAP_NONE;
			xmlFree(st);
			doc_add_paras(doc, v, sz);
			v = NULL;
			sz = 0;
		} else if (isw(c, "tbl"))
			docx_table(c, doc_add_table(doc));
		else if (isw(c, "sdt") || isw(c, "sdtContent") ||
		    isw(c, "customXml"))
			docx_body(c, doc, heads);
}

/*
 * Read a Word document: word/document.xml's paragraphs and tables.
 * Returns a new doc, or NULL after adding an error to d.
 */
struct doc *
ooxml_docx(const char *file, struct diags *d)
{
	struct zipdoc	 z;
	xmlDoc		*x = NULL;
	xmlNode		*root, *body;
	struct doc	*doc = NULL;
	struct strmap	 heads = { 0 };
	char		**ids = NULL;
	size_t		 idsz = 0, i;

	memset(&z, 0, sizeof(z));
	if ((x = zip_main(&z, file, d, OO_DOCX)) == NULL)
		goto out;
	root = xmlDocGetRootElement(x);
	if (root == NULL || !isw(root, "document") ||
	    (body = wkid(root, "body")) == NULL) {
		diag_add(d, file, 0, 0, SEV_ERROR, _("word/document.xml has "
		    "no document body: the file is damaged"));
		goto out;
	}
	docx_styles(&z, &ids, &idsz, &heads);
	doc = xcalloc(1, sizeof(*doc));
	docx_body(body, doc, &heads);
out:
	strmap_free(&heads);
	for (i = 0; i < idsz; i++)
		free(ids[i]);
	free(ids);
	xmlFreeDoc(x);
	if (z.za != NULL)
		zip_discard(z.za);
	return doc;
}

/* ---- Excel ---- */

/* Text with line breaks (Alt+Enter) into paragraphs of c. */
static void
xl_text(struct dtext *t, const char *s, int emph, struct dcell *c)
{
	const char	*nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		dtext_add(t, s, (size_t)(nl - s), emph);
		dtext_end(t, &c->p, &c->psz);
		s = nl + 1;
	}
	dtext_add(t, s, strlen(s), emph);
}

/* A string item (<si> or <is>): plain <t> or rich runs <r>. */
static void
xl_string(const xmlNode *si, struct dcell *c)
{
	const xmlNode	*k, *r, *pr;
	struct dtext	 t;
	xmlChar		*s;
	int		 emph;

	memset(&t, 0, sizeof(t));
	for (k = si->children; k != NULL; k = k->next) {
		emph = 0;
		if (iss(k, "r")) {
			for (pr = k->children; pr != NULL; pr = pr->next)
				if (iss(pr, "rPr"))
					for (r = pr->children; r != NULL;
					    r = r->next)
						emph |= (iss(r, "b") ||
						    iss(r, "u")) &&
						    toggle_on(r);
			for (r = k->children; r != NULL; r = r->next)
				if (iss(r, "t")) {
					s = xmlNodeGetContent(r);
					xl_text(&t, (char *)s, emph, c);
					xmlFree(s);
				}
		} else if (iss(k, "t")) {
			s = xmlNodeGetContent(k);
			xl_text(&t, (char *)s, 0, c);
			xmlFree(s);
		}
	}
	dtext_end(&t, &c->p, &c->psz);
}

struct xlbook {
	struct dcell	*shared;
	size_t		 sharedsz;
};

static void
xl_shared(struct zipdoc *z, struct xlbook *b)
{
	xmlDoc		*x;
	xmlNode		*si;

	if ((x = xml_part(z, "xl/sharedStrings.xml", 0)) == NULL)
		return;
	for (si = xmlDocGetRootElement(x)->children; si != NULL;
	    si = si->next)
		if (iss(si, "si")) {
			b->shared = xreallocarray(b->shared, b->sharedsz + 1,
			    sizeof(*b->shared));
			memset(&b->shared[b->sharedsz], 0,
			    sizeof(*b->shared));
			xl_string(si, &b->shared[b->sharedsz++]);
		}
	xmlFreeDoc(x);
}

/* "BC12" into column 54 and row 11 (0-based); 0 if not a reference. */
static int
xl_ref(const char *s, size_t *col, size_t *row)
{
	size_t	 c = 0, r = 0;

	if (*s < 'A' || *s > 'Z')
		return 0;
	for (; *s >= 'A' && *s <= 'Z'; s++)
		if ((c = c * 26 + (size_t)(*s - 'A' + 1)) > SHEET_MAX_COLS)
			return 0;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((r = r * 10 + (size_t)(*s - '0')) > SHEET_MAX_ROWS)
			return 0;
	if (*s != '\0' || r == 0)
		return 0;
	*col = c - 1;
	*row = r - 1;
	return 1;
}

/* The cell at (row, col) of t, growing the table to reach it; NULL if full. */
static struct dcell *
xl_cell(struct dtable *t, size_t row, size_t col)
{
	while (t->rsz <= row)
		dtable_row(t);
	while (t->r[row].csz <= col)
		if (dtable_cell(t, row) == NULL)
			return NULL;
	return &t->r[row].c[col];
}

static void
xl_sheet_cells(const xmlNode *data, const struct xlbook *b,
    struct dtable *t)
{
	const xmlNode	*row, *c, *k;
	struct dcell	*cell;
	char		*ref, *type, *v;
	const char	*vs;
	size_t		 rn = 0, cn, rr, cc;
	long		 ix;

	for (row = data->children; row != NULL; row = row->next) {
		if (!iss(row, "row"))
			continue;
		cn = 0;
		for (c = row->children; c != NULL; c = c->next) {
			if (!iss(c, "c"))
				continue;
			ref = (char *)xmlGetProp(c, BAD_CAST "r");
			if (ref != NULL && xl_ref(ref, &cc, &rr)) {
				rn = rr;
				cn = cc;
			}
			xmlFree(ref);
			type = (char *)xmlGetProp(c, BAD_CAST "t");
			if ((cell = xl_cell(t, rn, cn)) == NULL) {
				xmlFree(type);
				return;
			}
			for (k = c->children; k != NULL; k = k->next) {
				if (iss(k, "is") && cell->psz == 0)
					xl_string(k, cell);
				if (!iss(k, "v") || cell->psz > 0)
					continue;
				v = (char *)xmlNodeGetContent(k);
				if (type != NULL && strcmp(type, "s") == 0) {
					if (parse_int(v, &ix) && ix >= 0 &&
					    (size_t)ix < b->sharedsz)
						dcell_copy(cell,
						    &b->shared[ix]);
				} else {
					struct dtext	 tt;

					/* A boolean as Excel shows it. */
					if (type != NULL &&
					    strcmp(type, "b") == 0)
						vs = strcmp(v, "1") == 0 ?
						    "TRUE" : "FALSE";
					else
						vs = v;
					memset(&tt, 0, sizeof(tt));
					xl_text(&tt, vs, 0, cell);
					dtext_end(&tt, &cell->p, &cell->psz);
				}
				xmlFree(v);
			}
			xmlFree(type);
			cn++;
			if (cn >= SHEET_MAX_COLS)
				break;
		}
		rn++;
		if (rn >= SHEET_MAX_ROWS)
			break;
	}
}

/* Merged ranges: the first column of a range merged down repeats its text. */
static void
xl_merges(const xmlNode *mc, struct dtable *t)
{
	const xmlNode	*m;
	struct dcell	*cell;
	char		*ref, *colon;
	size_t		 c0, r0, c1, r1, r;

	for (m = mc->children; m != NULL; m = m->next) {
		if (!iss(m, "mergeCell"))
			continue;
		ref = (char *)xmlGetProp(m, BAD_CAST "ref");
		if (ref != NULL && (colon = strchr(ref, ':')) != NULL) {
			*colon = '\0';
			if (xl_ref(ref, &c0, &r0) && xl_ref(colon + 1, &c1,
			    &r1) && r1 > r0 && r0 < t->rsz &&
			    c0 < t->r[r0].csz)
				for (r = r0 + 1; r <= r1 && (cell = xl_cell(t,
				    r, c0)) != NULL; r++)
					if (cell->psz == 0)
						dcell_copy(cell,
						    &t->r[r0].c[c0]);
		}
		xmlFree(ref);
	}
}

/* The target of relationship id in xl/_rels/workbook.xml.rels, as a part name. */
static char *
xl_target(xmlDoc *rels, const char *id)
{
	xmlNode	*r;
	char	*rid, *tg, *out = NULL;

	if (rels == NULL)
		return NULL;
	for (r = xmlDocGetRootElement(rels)->children; r != NULL && out ==
	    NULL; r = r->next) {
		if (r->type != XML_ELEMENT_NODE)
			continue;
		rid = (char *)xmlGetProp(r, BAD_CAST "Id");
		tg = (char *)xmlGetProp(r, BAD_CAST "Target");
		if (rid != NULL && tg != NULL && strcmp(rid, id) == 0)
			out = tg[0] == '/' ? xstrdup(tg + 1) :
			    xasprintf("xl/%s", tg);
		xmlFree(rid);
		xmlFree(tg);
	}
	return out;
}

/*
 * Read an Excel workbook: each sheet, in the workbook's order, is one
 * table of the doc; shared and inline strings, merged cells.  Returns
 * a new doc, or NULL after adding an error to d.
 */
struct doc *
ooxml_xlsx(const char *file, struct diags *d)
{
	struct zipdoc	 z;
	struct xlbook	 b;
	xmlDoc		*wb = NULL, *rels = NULL, *sh;
	xmlNode		*root, *s, *k;
	xmlAttr		*a;
	struct doc	*doc = NULL;
	struct dtable	*t;
	char		*id, *part;
	size_t		 i, errs = d->errors;

	memset(&z, 0, sizeof(z));
	memset(&b, 0, sizeof(b));
	if ((wb = zip_main(&z, file, d, OO_XLSX)) == NULL)
		goto out;
	rels = xml_part(&z, "xl/_rels/workbook.xml.rels", 0);
	xl_shared(&z, &b);
	if (d->errors > errs)
		goto out;
	doc = xcalloc(1, sizeof(*doc));
	root = xmlDocGetRootElement(wb);
	for (s = root != NULL ? root->children : NULL; s != NULL; s = s->next)
		if (iss(s, "sheets"))
			break;
	for (s = s != NULL ? s->children : NULL; s != NULL; s = s->next) {
		if (!iss(s, "sheet"))
			continue;
		id = NULL;
		for (a = s->properties; a != NULL; a = a->next)
			if (strcmp((const char *)a->name, "id") == 0)
				id = (char *)xmlNodeGetContent((xmlNode *)a);
		part = id != NULL ? xl_target(rels, id) : NULL;
		xmlFree(id);
		if (part == NULL)
			continue;
		sh = xml_part(&z, part, 1);
		free(part);
		if (sh == NULL)
			break;
		t = doc_add_table(doc);
		for (k = xmlDocGetRootElement(sh)->children; k != NULL;
		    k = k->next)
			if (iss(k, "sheetData"))
				xl_sheet_cells(k, &b, t);
		for (k = xmlDocGetRootElement(sh)->children; k != NULL;
		    k = k->next)
			if (iss(k, "mergeCells"))
				xl_merges(k, t);
		xmlFreeDoc(sh);
	}
	if (d->errors > errs) {
		doc_free(doc);
		doc = NULL;
	}
out:
	for (i = 0; i < b.sharedsz; i++)
		dcell_free(&b.shared[i]);
	free(b.shared);
	xmlFreeDoc(wb);
	xmlFreeDoc(rels);
	if (z.za != NULL)
		zip_discard(z.za);
	return doc;
}
