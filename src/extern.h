/* extern.h: prototypes of cross-file functions, one block per file, in pipeline order. */
#ifndef EXTERN_H
#define EXTERN_H

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <libintl.h>
#include "prongsai.h"

/*
 * Every message a person reads goes through _() (or N_() where the
 * string sits in a table and is translated where it is printed), so
 * that xgettext finds it and po/th.po gives its Thai words.
 */
#define _(s)	gettext(s)
#define N_(s)	(s)

/* util.c: allocation wrappers (exit on out-of-memory), strings, paths, data folders. */
void		 oom(void) __attribute__((noreturn));
void		*xmalloc(size_t);
void		*xcalloc(size_t, size_t);
void		*xreallocarray(void *, size_t, size_t);
void		*xgrow(void *, size_t, size_t);
char		*xstrdup(const char *);
char		*xstrcat3(const char *, const char *, const char *);
char		*xstrndup(const char *, size_t);
char		*xasprintf(const char *, ...)
			__attribute__((format(printf, 1, 2)));
char		*xvasprintf(const char *, va_list);
char		*path_join(const char *, const char *);
int		 path_mkdirs(const char *, const char *);
char		**data_dirs(const char *);
void		 data_dirs_free(char **);
char		*data_find(char *const *, const char *);
char		*data_tried(char *const *, const char *);
int		 utf8_valid(const char *, size_t, size_t *);
size_t		 utf8_chars(const char *, size_t);
int		 utf8_ascii(const char *);
char		*file_read(const char *, size_t *);
int		 file_open(const char *);
char		**dir_list(const char *, size_t *);
void		 sort(void *, size_t, size_t,
			int (*)(const void *, const void *));
void		 buf_addn(struct buf *, const char *, size_t);
void		 buf_add(struct buf *, const char *);
size_t		 strmap_get(const struct strmap *, const char *);
size_t		 strmap_getn(const struct strmap *, const char *, size_t);
void		 strmap_put(struct strmap *, const char *, size_t);
void		 strmap_free(struct strmap *);

/* diag.c: the only code that prints problems. */
void		 diag_add(struct diags *, const char *, unsigned, unsigned,
			enum severity, const char *, ...)
			__attribute__((format(printf, 6, 7)));
void		 diag_merge(struct diags *, struct diags *);
void		 diag_sort(struct diags *);
void		 diag_print(const struct diags *, FILE *);
void		 diag_summary(const struct diags *, size_t, FILE *);
void		 diag_free(struct diags *);

/* lang.c: the language of messages and its gettext catalog. */
int		 lang_parse(const char *);
int		 lang_init(const char *, const char *);

/* thaidate.c: Buddhist Era, fiscal years, Thai months and digits, periods. */
enum datestyle {
	DATE_FULL,		/* ๒๗ มกราคม ๒๕๖๖ */
	DATE_SHORT,		/* ๒๗ ม.ค. ๖๖ */
	DATE_MONTH		/* ม.ค. ๒๕๖๖ */
};
enum dateerr {
	DATE_OK,
	DATE_SYNTAX,		/* not YYYY-MM-DD or YYYY-MM */
	DATE_IMPOSSIBLE		/* no such day, e.g. 2023-02-30 */
};
/*
 * year_be, year_ce, date_leap, date_days_in_month, date_valid,
 * date_fiscal_year and month_name are used only in thaidate.c: they are
 * exported for tests/test_thaidate.c, which checks the calendar piece by
 * piece.
 */
int		 year_be(int);
int		 year_ce(int);
int		 date_leap(int);
int		 date_days_in_month(int, int);
int		 date_valid(const struct date *);
int		 date_cmp(const struct date *, const struct date *);
int		 date_fiscal_year(const struct date *);
void		 fiscal_year_first(int, struct date *);
void		 fiscal_year_last(int, struct date *);
const char	*month_name(int, enum lang, int);
char		*digits_thai(const char *);
char		*digits_ascii(const char *);
char		*num_format(long, const struct fmt *);
enum dateerr	 date_parse(const char *, struct date *);
char		*date_iso(const struct date *);
char		*date_rfc822(const struct date *);
char		*date_format(const struct date *, enum datestyle,
			const struct fmt *);
char		*period_format(const struct period *, int, const struct fmt *);
int		 period_parse(const char *, int, struct period *);
char		*score_format(int, const struct fmt *);
char		*score_value(int);

/* thaitext.c: Thai text: normal form, blanks, dictionary order, word boundaries. */
char		*text_norm(const char *);
size_t		 text_char(const char *, unsigned *);
size_t		 text_put(char *, unsigned);
int		 text_blank(const char *);
char		*collate_key(const char *);
size_t		 thai_cut(void *, const char *, size_t);
void		*thai_brk_new(void);
void		 thai_brk_free(void *);
size_t		 thai_breaks(void *, const char *, size_t, size_t *, size_t);

/* frontmatter.c: split the --- block, libyaml events into ynode trees. */
enum fmerr {
	FM_OK,
	FM_NONE,		/* the file does not start with --- */
	FM_UNCLOSED		/* no closing --- */
};
/* fm_split is used only in frontmatter.c; exported for its unit tests. */
enum fmerr	 fm_split(const char *, size_t, size_t *, size_t *,
			size_t *, unsigned *);
struct ynode	*yaml_load(const char *, size_t, const char *, unsigned,
			struct diags *);
void		 ynode_free(struct ynode *);
struct ynode	*ymap_get(const struct ynode *, const char *);
struct ynode	*doc_split(const struct fctx *, const char *, size_t,
			const char *, char **);

/* lenient.c: the forgiving readings of what clerks write. */
int		 lenient_status(const char *);
char		*lenient_percent(const char *);
char		*lenient_unquote(const char *);
int		 lenient_dmy(const char *, char[11]);
const char	*lenient_joined(const char *);
char		*lenient_as_list(const char *, const char *);
char		*lenient_parent(const char *, size_t *);

/* fields.c: typed values out of front matter nodes. */
int		 field_str(const struct fctx *, const struct ynode *,
			const char *, char **);
int		 parse_int(const char *, long *);
int		 field_int(const struct fctx *, const struct ynode *,
			const char *, long, long, int *);
int		 field_percent(const struct fctx *, const struct ynode *,
			const char *, int *);
int		 field_year(const struct fctx *, const struct ynode *, int *);
int		 field_score(const struct fctx *, const struct ynode *,
			const char *, int *);
int		 field_bool(const struct fctx *, const struct ynode *,
			const char *, int *);
int		 field_date(const struct fctx *, const struct ynode *,
			const char *, struct date *);
size_t		 field_strlist(const struct fctx *, const struct ynode *,
			const char *, char ***);
void		 strlist_free(char **, size_t);
int		 field_keys(const struct fctx *, const struct ynode *,
			const char *, const char *const *);
void		 field_missing(const struct fctx *, const struct ynode *,
			const char *);

/* config.c: site.yaml into struct config. */
int		 config_load(struct config *, const char *, const char *,
			size_t, struct diags *);
void		 config_init(struct config *);
int		 config_set_base_url(struct config *, const char *);
void		 config_free(struct config *);

/* measure.c: validate and normalise one measure file. */
extern const struct mfield measure_fieldtab[];
extern const size_t measure_fieldsz;
struct measure	*measure_load(const char *, const char *, const char *,
			size_t, const struct config *, struct diags *);
void		 measure_free(struct measure *);
void		 datum_free(struct datum *);
int		 slug_valid(const char *);
const char	*area_name(enum area);
const char	*status_name(enum status);
const char	*status_word(enum status, enum lang);
void		 measure_published(const struct measure *, struct date *);
const struct update *measure_last_update(const struct measure *);
void		 measure_changed(const struct measure *, struct date *);

/* gitdate.c: the date each measure file first entered git. */
void		 gitdate_fill(struct site *, struct diags *);

/* framework.c: the ITA framework of a fiscal year. */
struct framework *framework_find(const char *, int, struct diags *);
const struct indicator *framework_indicator(const struct framework *, int);
const struct oitem *framework_oitem(const struct framework *, const char *);
void		 framework_free(struct framework *);

/* report.c: per-year report files and free pages. */
struct report	*report_load(const char *, const char *, const char *,
			size_t, const struct config *, struct diags *);
void		 report_free(struct report *);
struct page	*page_load(const char *, const char *, const char *,
			size_t, const struct config *, struct diags *);
void		 page_free(struct page *);

/* oit.c: O-item files and scores: loaded, checked, the checklist CSV. */
struct oitmap	*oitmap_load(const char *, const char *, const char *,
			size_t, struct diags *);
void		 oitmap_free(struct oitmap *);
struct scores	*scores_load(const char *, const char *, const char *,
			size_t, struct diags *);
void		 scores_free(struct scores *);
void		 oit_index(struct index *, const struct site *,
			struct diags *);
struct publish;
int		 oit_write(const struct site *, const struct index *,
			struct publish *, size_t *);

/* markdown.c: cmark-gfm parse and render, report sections. */
void		 markdown_init(void);
struct body	*markdown_render(const char *, int);
void		 body_free(struct body *);
int		 body_has(const struct body *, enum column);
char		*body_unpack(const struct body *);
int		 body_run(const struct body *, enum column, size_t *, size_t *,
		    size_t *);
const char	*markdown_heading(enum column);

/* site.c: load a site: walk content/, read files under the size, UTF-8 and link rules. */
enum exitcode	 site_reload(struct site *, char *const *, size_t, int,
			struct diags *);
void		 site_assets(struct assets *, const char *, const char *,
			const char *, const char *, struct diags *,
			const volatile sig_atomic_t *);
void		 site_assets_free(struct assets *);
enum exitcode	 site_load(struct site *, const char *, int, int,
			const volatile sig_atomic_t *, struct diags *);
void		 site_free(struct site *);
char		*site_shown(const struct site *, const char *);

/* index.c: the index of measures by year, area, indicator, owner. */
void		 index_build(struct index *, struct site *, struct diags *);
const struct yeargroup *index_year(const struct index *, int);
const char	*index_area_name(const struct index *, enum lang, int,
			enum area);
void		 index_free(struct index *);

/* html.c: rendered HTML fragments as trees; URL rewriting. */
/*
 * The libxml2 options every parse of XML that Prongsai did not write
 * starts from (content's HTML, themes, imported documents): nothing
 * from the network and no DTD loaded, so neither an external entity
 * nor a default attribute comes from outside the file.  Each parser
 * adds its own options and refuses what the file itself declares.
 */
#define HTML_XML_SAFE	XML_PARSE_NONET
struct _xmlDoc;
struct _xmlNode;
struct _xmlDoc	*html_parse(const char *);
void		 html_urls(struct _xmlNode *, char *(*)(void *, const char *),
			void *);
char		*html_dump(struct _xmlDoc *, struct _xmlNode *);
char		*html_rebase(const char *, char *(*)(void *, const char *),
		    void *);
void		 html_append(struct _xmlDoc *, struct _xmlNode *, const char *,
			size_t, char *(*)(void *, const char *), void *);
struct htmlrefs;
struct hasher;
struct htmlrefs	*html_refs_new(char *(*)(void *, const char *), char *,
			const char *);
size_t		 html_refs_add(struct htmlrefs *, const struct body *,
		    enum column);
void		 html_refs_hash(const struct htmlrefs *, struct hasher *);
int		 html_refs_put(const struct htmlrefs *, size_t, struct buf *);
void		 html_refs_free(struct htmlrefs *);

/* escape.c: markup, URLs, XML's forbidden characters, CSV. */
void		 escape_markup(struct buf *, const char *, int);
void		 escape_url_attr(struct buf *, const char *);
char		*escape_url(const char *);
char		*escape_xml_clean(const char *);
void		 escape_xml_text(struct buf *, const char *);
void		 escape_csv(struct buf *, const char *);
void		 escape_md(struct buf *, const char *, size_t);
void		 escape_yaml(struct buf *, const char *);

/* url.c: every site path and URL: pages, feeds, data, links. */
extern const char url_owners[];
extern const char url_datadoc[];
extern const char url_search[];
char		*url_year(int);
char		*url_area(int, enum area);
char		*url_status(int, enum status);
char		*url_measure(const struct measure *);
char		*url_owner(const struct owner *);
char		*url_doc(const struct page *);
char		*url_page(const struct pagetype *, const void *, int);
char		*url_part(const char *, size_t);
char		*url_report_pdf(const char *);
char		*url_feed(const struct measure *, int);
char		*url_owner_feed(const struct owner *);
char		*url_data(int, const char *);
char		*url_data_oit(int);
int		 url_is_site(const char *);
char		*url_rel(const char *, const char *);
char		*url_abs(const struct config *, const char *);
char		*url_item(const struct config *, const char *, int);
char		*url_link(const struct config *, const char *, const char *);

/* model.c: the page types, and one page's XML document for the theme. */
struct _xmlDict;
extern const struct pagetype model_types[];
extern const size_t model_typesz;
struct model	*model_new(const struct site *, const struct index *,
			struct _xmlDoc *, char *);
void		 model_free(struct model *);
size_t		 model_type(const char *);
void		 model_use_theme(struct model *, size_t, struct _xmlDict *,
			int, int);
void		 model_hash(struct _xmlDoc *, struct hash *);
struct htmlrefs	*model_doc_refs(struct _xmlDoc *);
void		 model_doc_free(struct _xmlDoc *);
void		 model_set_pdf(struct model *, int);

/* serialize.c: a theme's HTML result tree as HTML5 text. */
char		*serialize_html(const struct _xmlDoc *, size_t *);
void		 serialize_nodes(struct buf *, const struct _xmlNode *);

/* theme.c: stylesheets compiled once, applied per page. */
struct theme;
struct theme	*theme_load(const char *, const char *, enum lang,
			struct diags *);
struct _xmlDoc	*theme_strings(const struct theme *);
char		*theme_t(const struct theme *, const char *);
void		 theme_forget(struct theme *);
const char	*theme_dir(const struct theme *);
struct _xmlDict	*theme_dict(const struct theme *, size_t);
int		 theme_direct(const struct theme *, size_t);
int		 theme_reads_words(const struct theme *, size_t);
const struct hash *theme_key(const struct theme *);
int		 theme_apply(const struct theme *, size_t,
			struct _xmlDoc *, const char *, char **, size_t *,
			struct diags *);
void		 theme_free(struct theme *);

/* wordbreak.c: Thai lines broken only between words, in every page's text. */
struct wordbreak;
struct wordbreak *wordbreak_new(const struct site *, const struct index *,
			int);
void		 wordbreak_key(const struct wordbreak *, struct hasher *);
char		*wordbreak_page(struct wordbreak *, int, const char *, size_t,
			size_t *);
void		 wordbreak_free(struct wordbreak *);

/* publish.c: a fresh folder, swapped in atomically. */
struct publish;
/* rm_tree is used in publish.c; exported for the fuzz harness too. */
int		 rm_tree(const char *);
struct publish	*publish_begin(const char *, int, char **);
int		 publish_write(struct publish *, const char *, const char *,
			size_t);
int		 publish_copy(struct publish *, const char *, const char *);
char		*publish_path(struct publish *, const char *);
const char	*publish_dir(const struct publish *);
const char	*publish_old(const struct publish *);
int		 publish_reuse(struct publish *, const char *,
			const struct stamp *);
int		 publish_stamp(struct publish *, const char *,
			struct stamp *);
int		 publish_commit(struct publish *);
struct publish	*publish_inplace(const char *);
void		 publish_remove(struct publish *, const char *);
void		 publish_abort(struct publish *);
const char	*publish_error(const struct publish *);
size_t		 publish_written(const struct publish *);
size_t		 publish_kept(const struct publish *);
void		 publish_free(struct publish *);

/* feed.c: RSS 2.0 feeds of the site, each area and each measure. */
char		*feed_title(const struct site *, const struct index *,
			const struct measure *, int);
#define NO_MEASURE ((size_t)-1)
struct feeds;
char		*feed_owner_title(const struct site *, const struct owner *);
struct feeds	*feed_new(const struct site *, const struct index *, int);
void		 feed_fill(struct feeds *, size_t);
void		 feed_sort(struct feeds *);
int		 feed_write(const struct feeds *, size_t, int, int,
		    struct publish *, size_t *, struct diags *);
int		 feed_write_owner(const struct feeds *, size_t, int,
		    struct publish *, size_t *, struct diags *);
void		 feed_free(struct feeds *);

/* sitemap.c: sitemap.xml and robots.txt. */
int		 sitemap_write(const struct site *, const struct pageref *,
			size_t, struct publish *, size_t *, struct diags *);

/* opendata.c: data/measures.json and .csv, all years and per year. */
int		 opendata_write(const struct site *, const struct index *,
			struct publish *, size_t *, struct diags *);

/* search.c: the search index: search normal form, bigrams with positions, sharded files. */
char		*search_norm(const char *);
char		*search_norm_text(const char *);
size_t		 search_grams(const char *, struct gram **);
void		 search_html_text(struct buf *, const char *);
int		 search_write(const struct site *, const struct index *,
			struct publish *, size_t *, struct diags *);

/* pdf.c: a report's PDF by an external renderer, in the build folder. */
int		 pdf_wanted(struct measure *const *, size_t);
char		*pdf_renderer(void);
int		 pdf_exec(char *const [], volatile sig_atomic_t *, char **);
int		 pdf_render(const char *, const char *, const char *,
			const char *, const char *, volatile sig_atomic_t *,
			char **);

/* fonts.c: the Thai font files the theme serves, from Debian's package. */
int		 fonts_publish(struct publish *, const char *,
			volatile sig_atomic_t *, size_t *);

/* cache.c: page model fingerprints kept between builds. */
struct cache;
struct hasher;
struct hasher	*hash_new(void);
void		 hash_add(struct hasher *, const void *, size_t);
void		 hash_str(struct hasher *, const char *);
void		 hash_end(struct hasher *, struct hash *);
char		*cache_path(const char *, const char *);
struct cache	*cache_load(const char *, const struct hash *);
const struct stamp *cache_find(const struct cache *, const char *);
void		 cache_head(struct buf *, const struct hash *);
void		 cache_line(struct buf *, const char *, const struct stamp *);
int		 cache_save(const char *, const char *, const char *);
int		 cache_owns(const char *, const char *);
void		 cache_old_remove(const char *);
void		 cache_free(struct cache *);

/* pool.c: independent tasks on a pool of threads. */
typedef int	(*pool_fn)(void *, size_t, int);
typedef int	(*pool_big_fn)(void *, size_t);
int		 pool_run(int, size_t, pool_fn, pool_big_fn, void *,
		    const volatile sig_atomic_t *);
int		 pool_cpus(void);

/* doc.c: a document to import as paragraphs and tables; CSV and Word's web page HTML. */
struct doc	*doc_csv(const char *, const char *, size_t, struct diags *);
struct doc	*doc_html(const char *, const char *, size_t, struct diags *);
void		 doc_free(struct doc *);
void		 dtext_add(struct dtext *, const char *, size_t, int);
void		 dtext_end(struct dtext *, struct dpara **, size_t *);
void		 doc_add_paras(struct doc *, struct dpara *, size_t);
struct dtable	*doc_add_table(struct doc *);
struct drow	*dtable_row(struct dtable *);
struct dcell	*dtable_cell(struct dtable *, size_t);
void		 dcell_copy(struct dcell *, const struct dcell *);
void		 dcell_free(struct dcell *);

/* ooxml.c: Word .docx and Excel .xlsx through libzip and libxml2, with limits. */
struct doc	*ooxml_docx(const char *, struct diags *);
struct doc	*ooxml_xlsx(const char *, struct diags *);

/* mwrite.c: a measure's front matter written in measure_fieldtab's order. */
void		 mwrite_front(struct buf *, const struct measure *, int);

/* cells.c: what a report's cells say: numbers, points, owners, status, areas. */
char		*cell_squeeze(const char *);
char		*cell_text(const struct dcell *);
unsigned	 cell_areas(const char *);
size_t		 cell_number(const char *, int *);
void		 cell_md_line(struct buf *, const char *);
void		 cell_md(struct buf *, const struct dcell *);
size_t		 cell_owners(const struct dcell *, char ***);
int		 cell_status(const char *, enum status *, int *);

/* import.c: measure tables of a document into measure files and the year's report. */
int		 import_run(const char *, const char *, int, int, int);

/* scaffold.c: prongsai init (a new site) and prongsai new (a new measure). */
int		 scaffold_init(const char *, const char *, const char *, int);
int		 scaffold_new(const char *, const char *, int, unsigned,
			const char *);

/* touch.c: the pages a changed measure shows up on. */
struct touch;
struct touch	*touch_new(void);
void		 touch_measure(struct touch *, const struct measure *);
int		 touch_shows(const struct touch *, const struct pageref *);
void		 touch_free(struct touch *);

/* build.c: the pipeline. */
int		 build_run(const char *, const char *, const char *, int, int,
			int);
struct build;
typedef void	(*build_done_fn)(void *, char *const *, size_t);
struct build	*build_open(const char *, int, int);
enum exitcode	 build_full(struct build *, const char *);
enum exitcode	 build_update(struct build *, const char *, char *const *,
			size_t, build_done_fn, void *);
int		 build_interrupted(void);
const struct diags *build_diags(const struct build *);
size_t		 build_rendered(const struct build *);
const struct site *build_site(const struct build *);
void		 build_close(struct build *);

/* watch.c: changes to the files of a site, by inotify or by polling. */
struct watch;
struct watch	*watch_new(const char *, char *const *, size_t, int);
int		 watch_wait(struct watch *, int, char ***, size_t *, int *);
void		 watch_free(struct watch *);

/* serve.c: the preview server: the built site over HTTP, live reload, errors. */
int		 serve_run(const char *, const char *, const char *, int, int,
			int);

#endif
