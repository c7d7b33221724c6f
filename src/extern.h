/* extern.h: prototypes of cross-file functions, one block per file, in pipeline order. */
#ifndef EXTERN_H
#define EXTERN_H

#include <stdarg.h>
#include <stdio.h>
#include "prongsai.h"

/* util.c: allocation wrappers (exit on out-of-memory), strings, paths. */
void		*xmalloc(size_t);
void		*xcalloc(size_t, size_t);
void		*xrealloc(void *, size_t);
void		*xreallocarray(void *, size_t, size_t);
char		*xstrdup(const char *);
char		*xstrndup(const char *, size_t);
char		*xasprintf(const char *, ...)
			__attribute__((format(printf, 1, 2)));
char		*xvasprintf(const char *, va_list);
char		*path_join(const char *, const char *);
int		 utf8_valid(const char *, size_t, size_t *);
size_t		 utf8_chars(const char *, size_t);

/* diag.c: the only code that prints problems. */
void		 diag_add(struct diags *, const char *, unsigned, unsigned,
			enum severity, const char *, ...)
			__attribute__((format(printf, 6, 7)));
void		 diag_addv(struct diags *, const char *, unsigned, unsigned,
			enum severity, const char *, va_list);
void		 diag_merge(struct diags *, struct diags *);
void		 diag_print(const struct diags *, FILE *);
void		 diag_summary(const struct diags *, size_t, FILE *);
void		 diag_free(struct diags *);

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

/* frontmatter.c: split the --- block, libyaml events into ynode trees. */
enum fmerr {
	FM_OK,
	FM_NONE,		/* the file does not start with --- */
	FM_UNCLOSED		/* no closing --- */
};
enum fmerr	 fm_split(const char *, size_t, size_t *, size_t *,
			size_t *, unsigned *);
struct ynode	*yaml_load(const char *, size_t, const char *, unsigned,
			struct diags *);
void		 ynode_free(struct ynode *);
struct ynode	*ymap_get(const struct ynode *, const char *);
struct ynode	*doc_split(const struct fctx *, const char *, size_t,
			const char *, char **, unsigned *);

/* fields.c: typed values out of front matter nodes. */
int		 field_str(const struct fctx *, const struct ynode *,
			const char *, char **);
int		 parse_int(const char *, long *);
int		 field_int(const struct fctx *, const struct ynode *,
			const char *, long, long, int *);
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
void		 config_free(struct config *);

/* measure.c: validate and normalise one measure file. */
struct measure	*measure_load(const char *, const char *, const char *,
			size_t, const struct config *, struct diags *);
void		 measure_free(struct measure *);
int		 slug_valid(const char *);
const char	*area_name(enum area);
const char	*status_name(enum status);

/* report.c: per-year report files and free pages. */
struct report	*report_load(const char *, const char *, const char *,
			size_t, const struct config *, struct diags *);
void		 report_free(struct report *);
struct page	*page_load(const char *, const char *, const char *,
			size_t, const struct config *, struct diags *);
void		 page_free(struct page *);

/* markdown.c: cmark-gfm parse and render, report sections. */
void		 markdown_init(void);
struct body	*markdown_render(const char *, int);
void		 body_free(struct body *);

/* load.c: walk content/, read files, apply size, UTF-8 and symlink rules. */
enum exitcode	 site_load(struct site *, const char *, int, struct diags *);
void		 site_free(struct site *);

#endif
