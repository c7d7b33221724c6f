/* prongsai.h: the data model every stage shares (site, measure, period, update, evidence). */
#ifndef PRONGSAI_H
#define PRONGSAI_H

#include <stddef.h>

/* Exit codes of every command; documented in the man page and README. */
enum exitcode {
	EXIT_FINE = 0,		/* nothing wrong */
	EXIT_CONTENT = 1,	/* the content has errors */
	EXIT_USAGE = 2,		/* bad command line */
	EXIT_SYSTEM = 3		/* I/O or internal failure */
};

/* The longest slug: a folder name, with room to spare under NAME_MAX. */
#define SLUG_MAX	200

/* A position in a source file, 1-based; line 0 means "the whole file". */
struct pos {
	unsigned	 line;
	unsigned	 col;
};

/* A calendar date in the Common Era; day 0 means month precision. */
struct date {
	int		 year;
	int		 month;
	int		 day;
};

enum area {
	AREA_IIT,
	AREA_EIT,
	AREA_OIT,
	AREA__MAX
};

enum status {
	STATUS_PLANNED,
	STATUS_IN_PROGRESS,
	STATUS_DONE,
	STATUS_CANCELLED,
	STATUS__MAX,
	STATUS_NONE = -1	/* an update that does not change status */
};

enum lang {
	LANG_TH,
	LANG_EN
};

enum digits {
	DIGITS_THAI,
	DIGITS_ARABIC
};

enum era {
	ERA_BE,			/* Buddhist Era, พ.ศ. */
	ERA_CE			/* Common Era */
};

/* How dates and numbers are written for readers. */
struct fmt {
	enum lang	 lang;
	enum digits	 digits;
	enum era	 era;
};

/*
 * A period of work.  Both dates are always set after loading:
 * "whole-year" and Thai wordings are resolved against the fiscal year.
 * The text, when not NULL, is the editor's own wording (owned).
 */
struct period {
	struct date	 start;
	struct date	 end;
	int		 whole_year;
	char		*text;
};

/* A document proving a result.  Both strings owned. */
struct evidence {
	char		*title;
	char		*url;
	struct pos	 pos;		/* of the url value */
};

/* One entry of the progress log.  Progress -1 means "not given". */
struct update {
	struct date	 date;
	int		 progress;
	enum status	 status;
	char		*note;		/* owned, may be NULL */
	struct pos	 pos;
};

/* Front matter fields of a measure, to index each one's source position. */
enum field {
	F_TITLE,
	F_FISCAL_YEAR,
	F_AREAS,
	F_INDICATOR,
	F_ORDER,
	F_OWNERS,
	F_PERIOD,
	F_STATUS,
	F_PROGRESS,
	F_SUMMARY,
	F_EVIDENCE,
	F_UPDATES,
	F_DRAFT,
	F_SLUG,
	F_PUBLISHED,
	F__MAX,
	F_NONE = -1		/* an open data column that is no field */
};

/*
 * One open data value of a measure, made by its column's function in
 * measure.c's table; every string owned, freed by datum_free().
 */
enum dtype {
	D_NULL,
	D_STR,			/* s */
	D_INT,			/* i */
	D_DATE,			/* s: YYYY-MM-DD; dt: the day */
	D_STATUS,		/* s: the code; i: the enum status */
	D_LIST,			/* n strings v */
	D_LINKS			/* n title, url pairs in v (2n strings) */
};

struct datum {
	enum dtype	 type;
	struct date	 dt;
	long		 i;
	char		*s;
	char		**v;
	size_t		 n;
};

struct fctx;
struct ynode;
struct config;
struct measure;

/*
 * One row of measure.c's measure_fieldtab[], the one list of a
 * measure's fields: a front matter key, an open data column, or both.
 */
struct mfield {
	const char	*key;		/* front matter key, or NULL */
	enum field	 f;		/* its slot in struct measure's pos[] */
	int		 required;
	int		 late;		/* read after the others (needs fiscal_year or status) */
	int		(*read)(const struct fctx *, const struct ynode *,
			    struct measure *);	/* the node is NULL if absent */
	const char	*column;	/* open data column (JSON key, CSV header), or NULL */
	void		(*data)(const struct config *, const struct measure *,
			    struct datum *);
	const char	*sep;		/* joins a list in its CSV cell */
	const char	*column_th;	/* the column's name in the Thai CSV */
};

/*
 * One measure, loaded from one Markdown file.  Every pointer is owned
 * by the measure and freed by measure_free().
 */
struct measure {
	char		*path;		/* as given to the user, e.g. content/measures/2566/x.md */
	char		*slug;
	char		*title;
	int		 fiscal_year;	/* Buddhist Era */
	unsigned	 areas;		/* bit (1u << enum area) */
	int		 indicator;	/* 0: none */
	int		 order;		/* valid if has_order */
	int		 has_order;
	char		**owners;
	size_t		 ownersz;
	struct period	 period;
	enum status	 status;
	int		 progress;
	char		*summary;	/* may be NULL */
	struct evidence	*evidence;
	size_t		 evidencesz;
	struct update	*updates;	/* as written; sorted by date later */
	size_t		 updatesz;
	int		 draft;
	struct date	 published;	/* year 0: not given */
	struct date	 added;		/* first in git (gitdate.c); year 0: not */
	struct pos	 pos[F__MAX];	/* where each field was written */
	char		*body;		/* Markdown source; NULL once rendered */
	struct body	*html;		/* rendered body, see markdown.c */
	char		*sortkey;	/* Thai collation key of the title */
	struct measure	*prev[AREA__MAX];	/* neighbours in report order */
	struct measure	*next[AREA__MAX];
	size_t		*ownerix;	/* index of each owner in struct index */
	size_t		 rank;		/* its place in its year's report order */
};

/* The report's columns a body's level-2 headings open. */
enum column {
	COL_NONE,
	COL_METHODS,		/* "วิธีการดำเนินการ" */
	COL_RESULT		/* "ผลการดำเนินงาน" */
};

/* A run of a body's HTML that belongs to one section. */
struct span {
	enum column	 col;
	size_t		 off;		/* into the body's HTML (body_unpack()) */
	size_t		 len;
};

/*
 * The rendered parts of a Markdown body; all strings owned.  Sections
 * are spans of the whole body's HTML, not copies: at national scale the
 * copies were a fifth of the memory the loaded site takes.  The HTML is
 * kept compressed (markdown.c): plain, the bodies were half of it.
 */
struct body {
	unsigned char	*z;		/* the whole body's HTML, as LZ4 */
	size_t		 zlen;
	size_t		 len;		/* the HTML's length */
	struct span	*spans;		/* in body order; a section may recur */
	size_t		 spansz;
	char		*first_para;	/* plain text of the first paragraph, or NULL */
};

/* Who signs (or prepared) the report: both strings owned, NULL if not given. */
struct signer {
	char		*name;
	char		*position;
};

/* A per-year report file, content/reports/YYYY.md. */
struct report {
	char		*path;
	int		 fiscal_year;
	char		*title;
	struct period	 period;	/* the reporting period */
	struct signer	 signer;	/* signed_by: the head of the agency */
	struct signer	 preparer;	/* prepared_by: the clerk, optional */
	struct date	 date;		/* the report's date; year 0: not given */
	char		*body;
	struct body	*html;
};

/* A free page, content/pages/NAME.md. */
struct page {
	char		*path;
	char		*slug;
	char		*title;
	int		 menu_order;
	char		*body;
	struct body	*html;
};

/* Where one O-item is published, as content/oit/YEAR.yaml says. */
struct oitlink {
	char		*code;		/* "O7" */
	char		*url;		/* as written: /x/, files/x.pdf, https://... */
	char		*note;		/* may be NULL */
	struct pos	 kpos;		/* of the code */
	struct pos	 upos;		/* of the address */
};

/* A year's content/oit/YEAR.yaml; all owned, freed by oitmap_free(). */
struct oitmap {
	char		*path;
	int		 fiscal_year;
	struct oitlink	*v;		/* in the order written */
	size_t		 sz;
};

/*
 * A year's ITA result as the NACC reported it, content/scores/YEAR.yaml.
 * Scores are in hundredths (87.45 is 8745), -1 when not given.
 */
#define SCORE_INDS	10
struct scores {
	char		*path;
	int		 fiscal_year;
	int		 ind[SCORE_INDS + 1];	/* by indicator; [0] unused */
	struct pos	 indpos[SCORE_INDS + 1];
	int		 area[AREA__MAX];
	int		 total;
	char		*level;		/* as written, may be NULL */
	struct pos	 levelpos;
	char		*note;		/* may be NULL */
};

struct menuitem {
	char		*title;
	char		*url;
	struct pos	 pos;		/* of the url in site.yaml */
};

/* An sRGB colour, each channel 0-255. */
struct rgb {
	int		 r, g, b;
};

/*
 * The agency's own face on the site (site.yaml logo, main_site,
 * contact, colors, policies); every string owned, NULL when not given.
 */
struct identity {
	char		*logo;		/* its path in the output: files/x.svg or static/x.svg */
	char		*logo_alt;
	struct pos	 logo_pos;
	struct menuitem	 main_site;	/* title and http(s) address */
	char		*address;
	char		*phone;
	char		*email;
	char		*hours;
	int		 has_colors;
	struct rgb	 primary;	/* header, links, buttons */
	struct rgb	 dark;		/* the navigation: primary darkened */
	struct menuitem	*policies;	/* footer links: privacy, website policy */
	size_t		 policiesz;
};

/* site.yaml: site-wide settings.  All strings owned. */
struct config {
	char		*title;
	char		*organization;
	char		*base_url;	/* always ends in '/' */
	char		*description;
	char		*theme;
	struct fmt	 fmt;
	int		 current_year;	/* 0: the newest year with measures */
	int		 feed_limit;
	int		 list_size;	/* measures a list's page shows; 0: all */
	int		 report_size;	/* measures a report's part shows; 0: all */
	int		 unsafe_html;
	struct menuitem	*menu;
	size_t		 menusz;
	struct identity	 id;		/* logo, main site, contact, colours, policies */
	char		**words;	/* the editors' own words, kept whole */
	size_t		 wordsz;
};

/* One ITA indicator of a fiscal year's framework. */
struct indicator {
	int		 number;
	enum area	 area;
	char		*name[2];	/* by enum lang */
};

/* One section of the official report: the measures of some areas. */
struct section {
	unsigned	 areas;		/* bit (1u << enum area) */
	char		*name[2];	/* by enum lang */
};

/* What part of the portal answers an O-item by itself. */
enum oanswer {
	OANSWER_NONE,
	OANSWER_MEASURES,	/* the year's page: its measures */
	OANSWER_REPORT		/* the year's report: their progress */
};

/* A group of O-items, e.g. 9.1 ข้อมูลพื้นฐาน of indicator 9. */
struct ogroup {
	char		*code;
	int		 indicator;	/* 0: not given */
	char		*name[2];	/* by enum lang */
};

/* One O-item of a year's OIT list; group indexes the framework's og. */
struct oitem {
	char		*code;		/* "O42" */
	size_t		 group;
	enum oanswer	 answer;
	char		*name[2];
};

/* A level of the ITA result, e.g. AA; min in hundredths, -1: not known. */
struct level {
	char		*name[2];
	int		 min;
};

/*
 * The NACC's framework for one fiscal year (framework/YEAR.yaml).  The
 * O-items, weights and levels are those of the year's own file only:
 * another year's would pass for this year's (framework_find()).
 */
struct framework {
	int		 fiscal_year;
	int		 file_year;	/* whose file: another year's if none of its own */
	char		*path;
	char		*area[AREA__MAX][2];	/* area names by enum lang */
	struct indicator *ind;
	size_t		 indsz;
	struct section	*sec;
	size_t		 secsz;
	struct ogroup	*og;
	size_t		 ogsz;
	struct oitem	*oi;		/* in the order of the list */
	size_t		 oisz;
	int		 weight[AREA__MAX];	/* per cent of the total; 0: not given */
	struct level	*lv;		/* best first */
	size_t		 lvsz;
};

/* Measures of one indicator within an area and year; number 0: none given. */
struct indgroup {
	int		 number;
	const struct indicator *ind;	/* from the framework, or NULL */
	struct measure	**m;
	size_t		 sz;
	int		 mean;
};

/* Statistics shared by every level of the index. */
struct stats {
	size_t		 count;
	size_t		 status[STATUS__MAX];
	int		 mean;		/* mean progress, rounded; cancelled left out */
};

/* Measures of one area in one year, grouped by indicator. */
struct areagroup {
	enum area	 area;
	struct measure	**m;		/* in report order */
	size_t		 sz;
	struct indgroup	*ind;		/* ascending number, 0 last */
	size_t		 indsz;
	struct stats	 st;
};

/*
 * One row of a year's O-item checklist: the item and where it is
 * published.  url is a site path (files/x.pdf, 2566/) when site is set,
 * else a web address; NULL: not published.  url is owned.
 */
struct orow {
	const struct oitem *item;
	const struct ogroup *group;
	char		*url;
	int		 site;
	const char	*note;		/* from the content file, may be NULL */
};

/* A year's scores with its framework (names, weights, levels). */
struct scored {
	const struct scores *sc;
	struct framework *fw;		/* owned */
};

/* One fiscal year of measures. */
/* The most a year's list of latest updates holds. */
#define RECENT_MAX	5

struct yeargroup {
	int		 year;
	struct measure	**m;		/* in report order */
	size_t		 sz;
	struct areagroup area[AREA__MAX];
	struct measure	**bystatus[STATUS__MAX];	/* in report order */
	struct measure	*recent[RECENT_MAX];	/* updated most recently, newest first */
	size_t		 recentsz;
	size_t		 bystatussz[STATUS__MAX];
	struct stats	 st;
	struct framework *fw;		/* owned */
	struct report	*report;	/* not owned, may be NULL */
	struct orow	*orows;		/* the O-items' checklist (oit.c), owned */
	size_t		 orowsz;	/* 0: the year has no checklist page */
};

/*
 * Measures an owner's page lists under one heading: its own, or those
 * of one of its sub-units (lenient_parent()) with the sub-unit's own.
 */
struct ownerpart {
	size_t		 owner;		/* index in struct index's owners */
	struct measure	**m;		/* newest year first, then report order */
	size_t		 sz;
};

/*
 * One responsible owner, across years: a unit or position, which may
 * belong to a parent unit ("งานพัสดุ (กองคลัง)" to "กองคลัง").  A parent
 * that no measure names is an owner too, with only its sub-units'.
 */
struct owner {
	char		*name;
	char		*key;		/* folder name under owners/ */
	char		*sortkey;	/* Thai collation key of the name */
	struct measure	**m;		/* its own and its sub-units', each once;
					   newest year first, then report order */
	size_t		 sz;
	struct stats	 st;		/* of m */
	size_t		 parent;	/* index of its parent, or OWNER_NONE */
	struct ownerpart *parts;	/* m, each once: [0] its own, then one
					   per sub-unit in order that holds
					   others; owned, as are their m */
	size_t		 partsz;
};
#define OWNER_NONE	((size_t)-1)

/* The index of a site, built once per build by index_build(). */
struct index {
	struct yeargroup *years;	/* ascending */
	size_t		 yearsz;
	struct owner	*owners;	/* Thai dictionary order */
	size_t		 ownersz;
	struct stats	 st;
	int		 current;	/* the year the home page shows */
	struct scored	*scored;	/* ascending years */
	size_t		 scoredsz;
};

/* A file to publish as it is, e.g. content/files/x.pdf as files/x.pdf. */
struct asset {
	char		*rel;		/* its path in the output */
	char		*src;		/* the file to copy */
};

/* The files of one folder to publish, in sorted order; all owned. */
struct assets {
	struct asset	*v;
	size_t		 sz;
};

/* Everything loaded from one site folder; freed by site_free(). */
struct site {
	char		*root;		/* the site folder */
	struct config	 cfg;
	struct measure	**measures;	/* sorted by path */
	size_t		 measuresz;
	struct report	**reports;
	size_t		 reportsz;
	struct page	**pages;
	size_t		 pagesz;
	size_t		 files;		/* content files read */
	struct assets	 files_dir;	/* content/files/, to publish */
	struct oitmap	**oit;		/* content/oit/, by file name */
	size_t		 oitsz;
	struct scores	**scores;	/* content/scores/, by file name */
	size_t		 scoresz;
};

enum severity {
	SEV_WARNING,
	SEV_ERROR
};

/* One problem found in the content. */
struct diag {
	char		*file;
	unsigned	 line;
	unsigned	 col;
	enum severity	 sev;
	char		*msg;
};

/* A list of problems, in the order found. */
struct diags {
	struct diag	*list;
	size_t		 sz;
	size_t		 max;
	size_t		 errors;
	size_t		 warnings;
};

/*
 * What the pages of a type are about: the build makes one page of the
 * type per item of its scope.
 */
enum scope {
	SCOPE_SITE,		/* one page; what is NULL */
	SCOPE_YEAR,		/* one per fiscal year: a struct yeargroup */
	SCOPE_AREA,		/* one per year and area: the yeargroup */
	SCOPE_STATUS,		/* one per year and status it has: the yeargroup */
	SCOPE_REPORT,		/* one per year that has measures: the yeargroup */
	SCOPE_MEASURE,		/* one per measure: a struct measure */
	SCOPE_OWNER,		/* one per owner: a struct owner */
	SCOPE_PAGE,		/* one per free page: a struct page */
	SCOPE_OIT		/* one per year with an O-item checklist: the yeargroup */
};

struct model;
struct pageref;
struct _xmlDoc;

/*
 * A type of page.  model.c's model_types[] is the one list of them that
 * the build plan, the theme and the sitemap read.
 */
struct pagetype {
	const char	*name;		/* the model's type; the theme's NAME.xsl */
	enum scope	 scope;
	const char	*dir;		/* added to its scope's folder, or NULL (url_page()) */
	int		 big;		/* holds a whole year: made one at a time */
	int		 sitemap;	/* listed in sitemap.xml */
	struct _xmlDoc	*(*model)(const struct model *, const struct pageref *);
};

/* One page of the site: its type and the item of the type's scope. */
struct pageref {
	size_t		 type;		/* index into model_types[] */
	const void	*what;		/* see enum scope */
	int		 area;		/* for SCOPE_AREA; the status for SCOPE_STATUS */
	char		*path;		/* its site path, owned: "", "2566/", "404.html" */
	struct measure *const *m;	/* the measures it shows (for lastmod) */
	size_t		 msz;
	size_t		 part;		/* of a list split in parts (list_size) */
	size_t		 parts;		/* 1: not split */
};

/*
 * The namespace of the element that stands for a rendered body in a
 * page model: empty, its ref attribute the body's index in the page's
 * table (struct htmlrefs, html.c), which the model document holds
 * through its _private (libxslt leaves that to the application; see
 * model.c's struct pagedoc) until model_doc_free() or theme_apply()
 * frees it; a model is freed with model_doc_free().  serialize.c writes
 * the body placed for the page in the element's place, finding the
 * table in the result document's _private.
 */
#define NS_BODY		"urn:prongsai:body"

/* The namespace of the XPath functions Prongsai gives themes (theme.c). */
#define NS_THEME	"urn:prongsai:theme"

/* A 128-bit fingerprint (see cache.c). */
struct hash {
	unsigned long long a;
	unsigned long long b;
};

/*
 * What a build remembers of one published page: its model's fingerprint
 * and the file's size and modification time, so that a page edited or
 * replaced by hand in the output is rendered again.
 */
struct stamp {
	struct hash	 h;
	long long	 size;
	long long	 mtime;		/* nanoseconds since the epoch */
};

/* A growable string, NUL-terminated once anything was added; s is owned. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 max;
};

/*
 * What a theme's result carries in its _private while serialize.c
 * writes it: put appends body i of arg (a page's bodies by reference)
 * to b, and returns 0 if there is no such body.  A callback, so that
 * the writer knows nothing of where bodies come from.
 */
struct bodies {
	int		(*put)(const void *, size_t, struct buf *);
	const void	*arg;
};

/*
 * A hash map from strings to indices (util.c); zeroed is empty.  The
 * keys are not owned.
 */
struct strmap {
	const char	**keys;
	size_t		*vals;
	size_t		 sz;
	size_t		 max;		/* a power of two, or 0 */
};
#define STRMAP_NONE	((size_t)-1)

/* Two neighbouring characters of search text and where the first is (search.c). */
struct gram {
	unsigned	 a;
	unsigned	 b;
	unsigned	 pos;		/* in characters from the text's start */
};

/* Where a file's problems go while its fields are read. */
struct fctx {
	const char	*file;		/* the path shown to editors */
	unsigned	 line0;		/* line of the opening --- */
	struct diags	*d;
};

/* A front matter node built from libyaml events. */
enum ytype {
	Y_SCALAR,
	Y_SEQ,
	Y_MAP
};

struct ynode {
	enum ytype	 type;
	char		*value;		/* scalar text (owned), NUL-terminated */
	int		 plain;		/* unquoted scalar */
	struct pos	 pos;
	struct ynode	**kids;		/* seq items, or map key, value, key, value... */
	size_t		 kidsz;
};

/*
 * A document read for import (doc.c, ooxml.c): its paragraphs and
 * tables in document order.  Every pointer is owned by the doc and
 * freed by doc_free().
 */
struct dpara {
	char		*text;		/* plain text: runs joined, blanks made one space */
	char		*md;		/* the same as Markdown: escaped, bold and underline as **...** */
	int		 heading;	/* written in a title or heading style */
};

/* One grid cell; a cell merged across columns holds its text in the first. */
struct dcell {
	struct dpara	*p;
	size_t		 psz;
};

struct drow {
	struct dcell	*c;
	size_t		 csz;
};

/* More cells than a report of measures has by far (16 MiB of cells). */
#define DOC_MAX_CELLS	1000000

struct dtable {
	struct drow	*r;
	size_t		 rsz;
	size_t		 cells;		/* in all rows */
	int		 full;		/* a cell was refused: past DOC_MAX_CELLS */
};

/* A paragraph or a table: exactly one of the two is set. */
struct dblock {
	struct dpara	*para;
	struct dtable	*table;
};

struct doc {
	struct dblock	*b;
	size_t		 bsz;
};

/*
 * A paragraph being built from runs of text (doc.c): the text, and
 * where the emphasised runs are.  Zeroed is empty.
 */
struct dtext {
	struct buf	 text;
	size_t		*emph;		/* pairs of offsets into text: [start, end) */
	size_t		 emphsz;
	int		 in_emph;
	int		 heading;
};

#endif
