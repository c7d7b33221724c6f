/* import.c: reads a document by its kind, finds the measure tables by their header row (cells.c reads the cells), turns each row into a measure file and the text before the first table into the year's report, checks them as `check` would and writes them only if nothing is wrong. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "extern.h"

/* The columns of a report's measure table. */
enum icol {
	IC_TITLE,
	IC_METHODS,
	IC_OWNERS,
	IC_PERIOD,
	IC_RESULT,
	IC_ORDER,		/* a ลำดับ column, which some reports have */
	IC__MAX
};

/*
 * The words that name each column in a header row, as clerks write
 * them (blanks ignored, so ระยะเวลา ดำเนินการ matches); a cell is
 * tried against the columns in this order and the first match wins.
 */
static const struct {
	enum icol	 col;
	const char	*const words[4];
	int		 whole;		/* the cell must be the word itself */
} colnames[] = {
	{ IC_RESULT, { "ผลการดำเนิน", "ผลดำเนินงาน", "ผลการปฏิบัติ", NULL },
	    0 },
	{ IC_METHODS, { "วิธีการ", "วิธีดำเนิน", "ขั้นตอน", NULL }, 0 },
	{ IC_OWNERS, { "รับผิดชอบ", NULL }, 0 },
	{ IC_PERIOD, { "ระยะเวลา", "ช่วงเวลา", NULL }, 0 },
	{ IC_TITLE, { "มาตรการ", "แนวทาง", "โครงการ", NULL }, 0 },
	{ IC_ORDER, { "ลำดับ", "ที่", "ลำดับที่", NULL }, 1 },
};

/* What the messages call each column when its header says nothing. */
static const char *const colshown[IC__MAX] = {
	"มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ",
	"ระยะเวลาดำเนินการ", "ผลการดำเนินงาน", "ลำดับ"
};

/* A header cell longer than this is text, not a column name. */
#define HEAD_MAX	120


/* Bigger than any report a clerk types; a bigger file is not one. */
#define DOC_MAX_FILE	(64u * 1024 * 1024)

/* One file to write. */
struct ofile {
	char		*path;		/* under the site folder */
	char		*text;
	int		 exists;
};

struct imp {
	const char	*file;		/* the document, as given */
	const struct config *cfg;
	struct diags	*d;
	int		 year;
	unsigned	 areas;		/* named by the last section heading */
	int		 map[IC__MAX];	/* grid column of each, or -1 */
	int		 havemap;
	const struct drow *header;	/* the row map[] was read from */
	int		 order;		/* of the last measure */
	size_t		 tableno;
	int		 tables;	/* a table seen */
	struct dpara	**pre;		/* paragraphs before the first table */
	size_t		 presz;
	struct ofile	*out;
	size_t		 outsz;
	size_t		 measures;
	size_t		 noareas;	/* the table told it names no areas */
};


static const struct dcell *
row_cell(const struct drow *r, int col)
{
	return col >= 0 && (size_t)col < r->csz ? &r->c[col] : NULL;
}

static size_t
row_filled(const struct drow *r, size_t *which)
{
	size_t	 i, n = 0;

	for (i = 0; i < r->csz; i++)
		if (r->c[i].psz > 0) {
			n++;
			*which = i;
		}
	return n;
}

/*
 * Is r a header row?  It must name the title column and at least three
 * others in short cells; map[] gets each column's grid place.
 */
static int
header_row(const struct drow *r, int *map)
{
	size_t	 i, k, w;
	int	 n = 0, tmp[IC__MAX], found;
	char	*t, *s;

	for (k = 0; k < IC__MAX; k++)
		tmp[k] = -1;
	for (i = 0; i < r->csz; i++) {
		if (r->c[i].psz == 0)
			continue;
		t = cell_text(&r->c[i]);
		s = cell_squeeze(t);
		free(t);
		found = 0;
		for (k = 0; !found && strlen(s) <= HEAD_MAX &&
		    k < sizeof(colnames) / sizeof(colnames[0]); k++)
			for (w = 0; !found && colnames[k].words[w] != NULL;
			    w++)
				if (colnames[k].whole ? strcmp(s,
				    colnames[k].words[w]) == 0 :
				    strstr(s, colnames[k].words[w]) != NULL) {
					if (tmp[colnames[k].col] == -1) {
						tmp[colnames[k].col] = (int)i;
						n++;
					}
					found = 1;
				}
		free(s);
	}
	if (tmp[IC_TITLE] == -1 || n < 4)
		return 0;
	memcpy(map, tmp, sizeof(tmp));
	return 1;
}


static void
where(struct imp *im, enum severity sev, size_t row, int col,
    enum icol ic, const char *msg)
{
	if (col >= 0)
		diag_add(im->d, im->file, 0, 0, sev, _("table %zu, row %zu, "
		    "column %d (%s): %s"), im->tableno, row, col + 1,
		    colshown[ic], msg);
	else
		diag_add(im->d, im->file, 0, 0, sev, _("table %zu, row %zu: "
		    "%s"), im->tableno, row, msg);
}

static void
out_add(struct imp *im, char *path, char *text)
{
	im->out = xreallocarray(im->out, im->outsz + 1, sizeof(*im->out));
	im->out[im->outsz].path = path;
	im->out[im->outsz].text = text;
	im->out[im->outsz].exists = 0;
	im->outsz++;
}

/* One data row into a measure file; 0 if it was left out. */
static void
import_row(struct imp *im, const struct drow *r, size_t rowno)
{
	struct measure	 m;
	struct buf	 b = { NULL, 0, 0 }, md = { NULL, 0, 0 };
	struct diags	 vd = { 0 };
	const struct dcell *c;
	char		*title = NULL, *period = NULL, *result = NULL, *slug,
			*path, *msg;
	size_t		 k, i, errs = im->d->errors;
	int		 num, ic;

	memset(&m, 0, sizeof(m));
	c = row_cell(r, im->map[IC_TITLE]);
	title = c != NULL ? cell_text(c) : xstrdup("");
	if (*title == '\0') {
		where(im, SEV_WARNING, rowno, im->map[IC_TITLE], IC_TITLE,
		    _("this row has no measure title and is left out"));
		free(title);
		return;
	}
	for (i = 0; i < r->csz; i++) {
		for (ic = 0; ic < IC__MAX; ic++)
			if (im->map[ic] == (int)i)
				break;
		if (ic == IC__MAX && r->c[i].psz > 0) {
			msg = i < im->header->csz ? cell_text(&im->header->c[i]) :
			    xstrdup("");
			diag_add(im->d, im->file, 0, 0, SEV_WARNING,
			    _("table %zu, row %zu, column %zu (%s): this "
			    "column is not one of the report's and is not "
			    "imported"), im->tableno, rowno, i + 1, msg);
			free(msg);
		}
	}
	m.fiscal_year = im->year;
	if ((k = cell_number(title, &num)) > 0) {
		memmove(title, title + k, strlen(title + k) + 1);
		m.order = num;
	} else if ((c = row_cell(r, im->map[IC_ORDER])) != NULL &&
	    c->psz > 0) {
		char	*a = digits_ascii(c->p[0].text);
		long	 v;

		if (parse_int(a, &v) && v > 0 && v < 1000000)
			m.order = (int)v;
		free(a);
	}
	/* Report order: a number that does not go up continues the count. */
	if (m.order <= im->order)
		m.order = im->order + 1;
	im->order = m.order;
	m.has_order = 1;
	m.title = title;
	m.areas = im->areas;
	if (m.areas == 0 && im->noareas != im->tableno) {
		im->noareas = im->tableno;
		msg = xasprintf(_("no heading above this table names its "
		    "areas (IIT, EIT or OIT): add one such as \"%s\""),
		    "มาตรการเพื่อยกระดับผลการประเมิน (IIT)");
		where(im, SEV_ERROR, rowno, -1, IC_TITLE, msg);
		free(msg);
	}
	if ((c = row_cell(r, im->map[IC_OWNERS])) == NULL ||
	    (m.ownersz = cell_owners(c, &m.owners)) == 0)
		where(im, SEV_ERROR, rowno, im->map[IC_OWNERS], IC_OWNERS,
		    _("no owner is written: every measure needs at least "
		    "one"));
	c = row_cell(r, im->map[IC_PERIOD]);
	period = c != NULL ? cell_text(c) : xstrdup("");
	if (*period == '\0') {
		where(im, SEV_WARNING, rowno, im->map[IC_PERIOD], IC_PERIOD,
		    _("no period is written: imported as the whole fiscal "
		    "year"));
		m.period.whole_year = 1;
	} else if (period_parse(period, im->year, &m.period) == 0)
		m.period.text = xstrdup(period);
	else {
		msg = xasprintf(_("cannot read the period \"%s\": imported "
		    "as the whole fiscal year, with the wording kept in a "
		    "note; correct the period in the measure file"), period);
		where(im, SEV_WARNING, rowno, im->map[IC_PERIOD], IC_PERIOD,
		    msg);
		free(msg);
		m.period.whole_year = 1;
	}
	c = row_cell(r, im->map[IC_RESULT]);
	result = c != NULL && c->psz > 0 ? xstrdup(c->p[0].text) :
	    xstrdup("");
	if (*result != '\0' && !cell_status(result, &m.status,
	    &m.progress)) {
		msg = xasprintf(_("the result does not say how far the work "
		    "is (such as \"%s\"): imported as planned, 0 %%"),
		    "ดำเนินการครบถ้วน ๑๐๐ %");
		where(im, SEV_WARNING, rowno, im->map[IC_RESULT], IC_RESULT,
		    msg);
		free(msg);
	} else if (*result == '\0') {
		m.status = STATUS_PLANNED;
		m.progress = 0;
	}
	if (im->d->errors > errs || m.areas == 0)
		goto out;
	mwrite_front(&b, &m, 0);
	if ((c = row_cell(r, im->map[IC_METHODS])) != NULL && c->psz > 0) {
		cell_md(&md, c);
		buf_add(&b, "\n## ");
		buf_add(&b, markdown_heading(COL_METHODS));
		buf_add(&b, "\n\n");
		buf_add(&b, md.s);
		md.len = 0;
	}
	if ((c = row_cell(r, im->map[IC_RESULT])) != NULL && c->psz > 0) {
		cell_md(&md, c);
		buf_add(&b, "\n## ");
		buf_add(&b, markdown_heading(COL_RESULT));
		buf_add(&b, "\n\n");
		buf_add(&b, md.s);
		md.len = 0;
	}
	if (*period != '\0' && m.period.text == NULL) {
		/* The wording the parser could not read, kept for the editor. */
		struct dtext	 t;
		struct dpara	*v = NULL;
		size_t		 vsz = 0;

		memset(&t, 0, sizeof(t));
		dtext_add(&t, period, strlen(period), 0);
		dtext_end(&t, &v, &vsz);
		buf_add(&b, "\n## หมายเหตุ\n\nระยะเวลาดำเนินการตามรายงานเดิม: ");
		buf_add(&b, v[0].md);
		buf_add(&b, "\n");
		free(v[0].text);
		free(v[0].md);
		free(v);
	}
	slug = xasprintf("m-%03d", m.order);
	path = xasprintf("content/measures/%d/%s.md", im->year, slug);
	/* The file must load as check loads it. */
	{
		struct measure	*got = measure_load(path, slug, b.s, b.len,
		    im->cfg, &vd);

		measure_free(got);
	}
	diag_merge(im->d, &vd);
	free(slug);
	if (im->d->errors > errs) {
		free(path);
		free(b.s);
	} else {
		out_add(im, path, b.s);
		im->measures++;
	}
	b.s = NULL;
out:
	free(md.s);
	free(b.s);
	free(period);
	free(result);
	free(m.title);
	strlist_free(m.owners, m.ownersz);
	free(m.period.text);
}

static void
import_table(struct imp *im, const struct dtable *t)
{
	size_t	 r, which = 0, n, data = 0, filled = 0;
	int	 header = 0;
	unsigned a;
	char	*s;

	im->tableno++;
	for (r = 0; r < t->rsz; r++) {
		if ((n = row_filled(&t->r[r], &which)) == 0)
			continue;
		filled++;
		if (header_row(&t->r[r], im->map)) {
			/* The header, or the header repeated on a new page. */
			im->havemap = header = 1;
			im->header = &t->r[r];
			continue;
		}
		s = n == 1 ? cell_text(&t->r[r].c[which]) : NULL;
		if (s != NULL && (a = cell_areas(s)) != 0) {
			/* A section heading written as a row of the table. */
			im->areas = a;
			free(s);
			continue;
		}
		if (!im->havemap) {
			/* A title row above a sheet's header row. */
			if (s == NULL)
				s = cell_text(&t->r[r].c[which]);
			if (!im->tables) {
				im->pre = xreallocarray(im->pre, im->presz + 1,
				    sizeof(*im->pre));
				im->pre[im->presz++] = &t->r[r].c[which].p[0];
			}
			free(s);
			continue;
		}
		free(s);
		import_row(im, &t->r[r], r + 1);
		data++;
	}
	if (filled == 0)
		diag_add(im->d, im->file, 0, 0, SEV_ERROR, _("table %zu is "
		    "empty: delete it from the document or fill it in"),
		    im->tableno);
	else if (!im->havemap)
		diag_add(im->d, im->file, 0, 0, SEV_ERROR, _("table %zu has "
		    "no header row Prongsai knows: the first row of a table "
		    "of measures names its columns %s, %s, %s, %s and %s"),
		    im->tableno, colshown[IC_TITLE], colshown[IC_METHODS],
		    colshown[IC_OWNERS], colshown[IC_PERIOD],
		    colshown[IC_RESULT]);
	else if (data == 0 && header)
		diag_add(im->d, im->file, 0, 0, SEV_ERROR, _("table %zu has "
		    "its header row but no measure under it"), im->tableno);
	im->tables = 1;
}

/* The first Buddhist Era year (25xx) after "ปี" in s, or 0. */
static int
year_in(const char *s)
{
	char	*a = digits_ascii(s), *p;
	int	 y = 0;

	for (p = a; (p = strstr(p, "25")) != NULL; p++)
		if ((p == a || p[-1] < '0' || p[-1] > '9') && p[2] >= '0' &&
		    p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
		    (p[4] < '0' || p[4] > '9')) {
			y = (int)strtol(p, NULL, 10);
			break;
		}
	free(a);
	return y;
}

/*
 * The fiscal year a document names: in its heading, else anywhere
 * before its first table of measures (a sheet's title rows count).
 */
static int
doc_year(const struct doc *doc)
{
	const struct dtable	*t;
	size_t			 i, r, c, p;
	int			 y = 0, pass, map[IC__MAX];

	for (pass = 0; pass < 2 && y == 0; pass++)
		for (i = 0; y == 0 && i < doc->bsz; i++) {
			if (doc->b[i].para != NULL) {
				if (pass == 1 || doc->b[i].para->heading ||
				    i == 0)
					y = year_in(doc->b[i].para->text);
				continue;
			}
			t = doc->b[i].table;
			for (r = 0; y == 0 && r < t->rsz &&
			    !header_row(&t->r[r], map); r++)
				for (c = 0; y == 0 && c < t->r[r].csz; c++)
					for (p = 0; y == 0 &&
					    p < t->r[r].c[c].psz; p++)
						y = year_in(
						    t->r[r].c[c].p[p].text);
			break;
		}
	return y;
}

/*
 * The reporting period an introduction names ("ผลการดำเนินการเดือน ต.ค.
 * - เม.ย. ๒๕๖๖ ดังนี้"): the longest run of its words, from the last
 * paragraph back, that the period parser reads; NULL if none.
 */
static char *
intro_period(struct dpara **pre, size_t presz, size_t first, int year)
{
	struct period	 p;
	const char	*s, *a, *b, *best = NULL, *bestend = NULL;
	char		*try;
	size_t		 i;
	int		 words;

	for (i = presz; i > first && best == NULL; i--) {
		s = pre[i - 1]->text;
		for (a = s; *a != '\0'; a++) {
			if (a != s && a[-1] != ' ')
				continue;
			for (b = a, words = 0; words < 8; words++) {
				b += strcspn(b, " ");
				try = xstrndup(a, (size_t)(b - a));
				memset(&p, 0, sizeof(p));
				if (period_parse(try, year, &p) == 0 &&
				    (best == NULL || b - a > bestend - best)) {
					best = a;
					bestend = b;
				}
				free(try);
				if (*b == '\0')
					break;
				b++;
			}
		}
	}
	return best != NULL ? xstrndup(best, (size_t)(bestend - best)) : NULL;
}

/* The report file: the heading as its title, the introduction as its body. */
static void
import_report(struct imp *im)
{
	struct buf	 b = { NULL, 0, 0 }, title = { NULL, 0, 0 };
	struct diags	 vd = { 0 };
	struct report	*rep;
	char		*period, *path, *slug;
	size_t		 i, first;
	int		 styled = 0;

	for (i = 0; i < im->presz; i++)
		styled |= im->pre[i]->heading;
	for (i = 0; i < im->presz && (styled ? im->pre[i]->heading : i == 0);
	    i++) {
		if (title.len > 0)
			buf_add(&title, " ");
		buf_add(&title, im->pre[i]->text);
	}
	if (title.len == 0) {
		free(title.s);
		return;
	}
	first = i;
	b.s = xasprintf("---\nfiscal_year: %d\ntitle: ", im->year);
	b.len = b.max = strlen(b.s);
	escape_yaml(&b, title.s);
	buf_add(&b, "\nperiod: ");
	if ((period = intro_period(im->pre, im->presz, first, im->year)) !=
	    NULL) {
		escape_yaml(&b, period);
		free(period);
	} else {
		/* No period in the introduction: the whole fiscal year. */
		period = xasprintf("{start: %d-10, end: %d-09}",
		    year_ce(im->year) - 1, year_ce(im->year));
		buf_add(&b, period);
		free(period);
	}
	buf_add(&b, "\n---\n");
	for (i = first; i < im->presz; i++) {
		if (cell_areas(im->pre[i]->text) != 0)
			continue;	/* a section heading */
		buf_add(&b, "\n");
		cell_md_line(&b, im->pre[i]->md);
		buf_add(&b, "\n");
	}
	path = xasprintf("content/reports/%d.md", im->year);
	slug = xasprintf("%d", im->year);
	rep = report_load(path, slug, b.s, b.len, im->cfg, &vd);
	report_free(rep);
	free(slug);
	diag_merge(im->d, &vd);
	out_add(im, path, b.s);
	free(title.s);
}

/* Write text to path (under root) by a temporary file and a rename. */
static int
write_file(const char *root, const char *rel, const char *text)
{
	char	*path = path_join(root, rel), *tmp, *dir;
	const char *slash;
	FILE	*f;
	int	 ok;

	/* A folder that cannot be made fails the fopen() below. */
	if ((slash = strrchr(rel, '/')) != NULL) {
		dir = xstrndup(rel, (size_t)(slash - rel));
		(void)path_mkdirs(root, dir);
		free(dir);
	}
	tmp = xasprintf("%s.import-tmp", path);
	/* One left by an import that was killed; "x" never follows a link. */
	(void)unlink(tmp);
	if ((f = fopen(tmp, "wx")) == NULL) {
		free(tmp);
		free(path);
		return 0;
	}
	ok = fputs(text, f) >= 0;
	ok &= fclose(f) == 0;
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	free(tmp);
	free(path);
	return ok;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t	 a = strlen(s), b = strlen(suffix);

	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/*
 * Read the document at file, by its first bytes and then its name:
 * .docx, .xlsx, .csv/.txt (Excel's CSV and Unicode text), .htm/.html
 * (Word's web page).  Returns a new doc (free with doc_free()), or NULL
 * after adding an error to d.
 */
static struct doc *
import_read(const char *file, struct diags *d)
{
	struct stat	 st;
	struct doc	*doc = NULL;
	char		*buf = NULL;
	size_t		 n, i, k;

	if (stat(file, &st) == -1) {
		diag_add(d, file, 0, 0, SEV_ERROR, _("cannot open the file: "
		    "%s"), strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(d, file, 0, 0, SEV_ERROR, _("this is a folder or a "
		    "device, not a file to import"));
		return NULL;
	}
	if ((unsigned long long)st.st_size > DOC_MAX_FILE) {
		diag_add(d, file, 0, 0, SEV_ERROR, _("the file is larger "
		    "than %u MiB: this is no report of measures"),
		    DOC_MAX_FILE / 1024 / 1024);
		return NULL;
	}
	if ((buf = file_read(file, &n)) == NULL) {
		diag_add(d, file, 0, 0, SEV_ERROR, _("cannot read the file: "
		    "%s"), strerror(errno));
		return NULL;
	}
	if (n >= 8 && memcmp(buf, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) ==
	    0)
		/* Office keeps an encrypted .docx or .xlsx in this box. */
		diag_add(d, file, 0, 0, SEV_ERROR, _("this file is "
		    "password-protected, or an old Word or Excel 97-2003 "
		    "file: open it, remove the password and save it as "
		    ".docx or .xlsx"));
	else if (n >= 4 && memcmp(buf, "PK\3\4", 4) == 0 &&
	    ends_with(file, ".xlsx"))
		doc = ooxml_xlsx(file, d);
	else if (n >= 4 && memcmp(buf, "PK\3\4", 4) == 0)
		doc = ooxml_docx(file, d);
	else if (ends_with(file, ".docx") || ends_with(file, ".xlsx"))
		diag_add(d, file, 0, 0, SEV_ERROR, _("this is not a Word or "
		    "Excel file (it is not a zip archive): the file is "
		    "damaged or was renamed"));
	else if (ends_with(file, ".htm") || ends_with(file, ".html"))
		doc = doc_html(file, buf, n, d);
	else if (ends_with(file, ".csv") || ends_with(file, ".txt") ||
	    ends_with(file, ".tsv"))
		doc = doc_csv(file, buf, n, d);
	else
		diag_add(d, file, 0, 0, SEV_ERROR, _("cannot import this "
		    "kind of file: use Word (.docx), Excel (.xlsx), CSV "
		    "(.csv) or Word's web page (.htm)"));
	free(buf);
	for (i = k = 0; doc != NULL && i < doc->bsz; i++)
		if (doc->b[i].table != NULL && (k++, doc->b[i].table->full)) {
			diag_add(d, file, 0, 0, SEV_ERROR, _("table %zu has "
			    "more than %d cells: this is no report of "
			    "measures"), k, DOC_MAX_CELLS);
			doc_free(doc);
			doc = NULL;
		}
	return doc;
}

/*
 * prongsai import: read file, map its measure tables into measures of
 * year (0: the year the document names, else current_year), and write
 * them under the site at source, or with dryrun print what would be
 * written.  Nothing is written if anything is wrong, nor over an
 * existing file unless force.  Returns an exit code; prints every
 * problem to stderr and what it wrote to stdout.
 */
int
import_run(const char *file, const char *source, int year, int dryrun,
    int force)
{
	struct site	 s;
	struct diags	 d = { 0 };
	struct doc	*doc = NULL;
	struct imp	 im;
	struct stat	 st;
	char		*full;
	size_t		 i, k;
	int		 rc = EXIT_FINE, skipreport = 0, printed = 0;

	memset(&im, 0, sizeof(im));
	if (site_load(&s, source, 1, 1, NULL, &d) == EXIT_SYSTEM) {
		rc = EXIT_SYSTEM;
		goto out;
	}
	/* Problems of the site itself are check's to report, not ours. */
	diag_free(&d);
	memset(&d, 0, sizeof(d));
	im.file = file;
	im.cfg = &s.cfg;
	im.d = &d;
	for (k = 0; k < IC__MAX; k++)
		im.map[k] = -1;
	if ((doc = import_read(file, &d)) == NULL)
		goto done;
	/* The year: asked for, else the heading's, else the site's. */
	if ((im.year = year) == 0)
		im.year = doc_year(doc);
	if (im.year == 0)
		im.year = s.cfg.current_year;
	if (im.year < 2400 || im.year > 2700) {
		diag_add(&d, file, 0, 0, SEV_ERROR, _("the document does not "
		    "say its fiscal year: give it with --year, e.g. --year "
		    "2566"));
		goto done;
	}
	for (i = 0; i < doc->bsz; i++) {
		if (doc->b[i].para != NULL) {
			unsigned a = cell_areas(doc->b[i].para->text);

			if (a != 0)
				im.areas = a;
			if (!im.tables) {
				im.pre = xreallocarray(im.pre, im.presz + 1,
				    sizeof(*im.pre));
				im.pre[im.presz++] = doc->b[i].para;
			}
			continue;
		}
		import_table(&im, doc->b[i].table);
	}
	if (!im.tables)
		diag_add(&d, file, 0, 0, SEV_ERROR, _("the document has no "
		    "table: Prongsai imports the tables of measures of a "
		    "report"));
	else if (im.measures == 0 && d.errors == 0)
		diag_add(&d, file, 0, 0, SEV_ERROR, _("no measure found in "
		    "the document's tables"));
	if (d.errors == 0)
		import_report(&im);
done:
	for (i = 0; i < im.outsz; i++) {
		full = path_join(source, im.out[i].path);
		im.out[i].exists = lstat(full, &st) == 0;
		free(full);
		if (!im.out[i].exists || force)
			continue;
		if (strncmp(im.out[i].path, "content/reports/", 16) == 0) {
			/* init wrote one; the measures are what was asked for. */
			diag_add(&d, im.out[i].path, 0, 0, SEV_WARNING,
			    _("already exists and is kept; run again with "
			    "--force to replace it with the report's heading "
			    "and introduction"));
			skipreport = 1;
			continue;
		}
		diag_add(&d, im.out[i].path, 0, 0, SEV_ERROR, _("already "
		    "exists: nothing was imported; move it away or run "
		    "again with --force to replace it"));
	}
	diag_print(&d, stderr);
	printed = 1;
	if (d.errors > 0) {
		fprintf(stderr, _("%s: nothing was written\n"), file);
		rc = EXIT_CONTENT;
		goto out;
	}
	for (i = 0; i < im.outsz; i++) {
		if (skipreport && im.out[i].exists &&
		    strncmp(im.out[i].path, "content/reports/", 16) == 0)
			continue;
		if (dryrun) {
			printf(_("=== would write %s%s\n"), im.out[i].path,
			    im.out[i].exists ? _(" (replacing it)") : "");
			fputs(im.out[i].text, stdout);
			continue;
		}
		if (!write_file(source, im.out[i].path, im.out[i].text)) {
			fprintf(stderr, _("%s: cannot write: %s\n"),
			    im.out[i].path, strerror(errno));
			rc = EXIT_SYSTEM;
			break;
		}
		printf(_("wrote %s\n"), im.out[i].path);
	}
	if (rc == EXIT_FINE)
		printf(dryrun ? ngettext("%zu measure of fiscal year %d "
		    "found in %s; nothing written (--dry-run)\n", "%zu "
		    "measures of fiscal year %d found in %s; nothing written "
		    "(--dry-run)\n", im.measures) : ngettext("%zu measure of "
		    "fiscal year %d imported from %s; run prongsai check "
		    "next\n", "%zu measures of fiscal year %d imported from "
		    "%s; run prongsai check next\n", im.measures),
		    im.measures, im.year, file);
out:
	if (!printed)
		diag_print(&d, stderr);
	for (i = 0; i < im.outsz; i++) {
		free(im.out[i].path);
		free(im.out[i].text);
	}
	free(im.out);
	free(im.pre);
	doc_free(doc);
	site_free(&s);
	diag_free(&d);
	return rc;
}
