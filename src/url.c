/* url.c: every path and URL of the published site: pages, feeds, open data, links from a page, absolute addresses. */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "extern.h"

/* The folder of the owner list; each owner's page is in it. */
const char	 url_owners[] = "owners/";

/* The search page's folder, which also holds the search index (search.c). */
const char	 url_search[] = "search/";

/* The folder of each area's pages in a year. */
static const char *const areadirs[AREA__MAX] = { "iit", "eit", "oit" };

/* The folder of each status's list in a year (YEAR/status/NAME/). */
static const char *const statusdirs[STATUS__MAX] = { "planned",
    "in-progress", "done", "cancelled" };

char *
url_year(int year)
{
	return xasprintf("%d/", year);
}

char *
url_area(int year, enum area a)
{
	return xasprintf("%d/%s/", year, areadirs[a]);
}

/* The list of a year's measures in status s: "2566/status/in-progress/". */
char *
url_status(int year, enum status s)
{
	return xasprintf("%d/status/%s/", year, statusdirs[s]);
}

char *
url_measure(const struct measure *m)
{
	return xasprintf("%d/measures/%s/", m->fiscal_year, m->slug);
}

char *
url_owner(const struct owner *o)
{
	return xstrcat3(url_owners, o->key, "/");
}

/*
 * The PDF of a year's report, in the folder of its page (the report
 * page's site path, "2566/report/"); pdf.c writes it.
 */
char *
url_report_pdf(const char *page)
{
	return xstrcat3(page, "report.pdf", "");
}

/* A free page's folder. */
char *
url_doc(const struct page *p)
{
	return xstrcat3(p->slug, "/", "");
}

/*
 * The site path of a page of type t about what (see enum scope) and, for
 * SCOPE_AREA and SCOPE_STATUS, area (the area or status): its scope's folder ("" for the site, "2566/" for a
 * year...) followed by the type's own dir, if any ("report/",
 * "owners/", "404.html").  The caller frees it.
 */
char *
url_page(const struct pagetype *t, const void *what, int area)
{
	const struct yeargroup	*yg = what;
	char			*base, *p;

	switch (t->scope) {
	case SCOPE_SITE:
		base = xstrdup("");
		break;
	case SCOPE_YEAR:
	case SCOPE_REPORT:
	case SCOPE_OIT:
		base = url_year(yg->year);
		break;
	case SCOPE_AREA:
		base = url_area(yg->year, (enum area)area);
		break;
	case SCOPE_STATUS:
		base = url_status(yg->year, (enum status)area);
		break;
	case SCOPE_MEASURE:
		base = url_measure(what);
		break;
	case SCOPE_OWNER:
		base = url_owner(what);
		break;
	default:
		base = url_doc(what);
		break;
	}
	if (t->dir == NULL)
		return base;
	p = xstrcat3(base, t->dir, "");
	free(base);
	return p;
}

/*
 * The site path of part k (from 0) of a list or report whose first part
 * is at base, a folder: base itself, then "base/page/2/" and on, as
 * Hugo and most generators name them.  The caller frees it.
 */
char *
url_part(const char *base, size_t k)
{
	return k == 0 ? xstrdup(base) : xasprintf("%spage/%zu/", base, k + 1);
}

/*
 * The site path of a feed: a measure's when m is set, else an area's
 * when area >= 0, else the whole site's.  The caller frees it.
 */
char *
url_feed(const struct measure *m, int area)
{
	char	*dir, *u;

	if (m != NULL) {
		dir = url_measure(m);
		u = xstrcat3(dir, "feed.xml", "");
		free(dir);
		return u;
	}
	if (area >= 0 && area < AREA__MAX)
		return xstrcat3(areadirs[area], "/feed.xml", "");
	return xstrdup("feed.xml");
}

/* The site path of owner o's feed: "owners/KEY/feed.xml". */
char *
url_owner_feed(const struct owner *o)
{
	return xasprintf("%s%s/feed.xml", url_owners, o->key);
}

/*
 * The site path of an open data file: data/measures.EXT, or for a
 * fiscal year (not 0) data/YEAR/measures.EXT; ext "csv-th" is the Thai
 * CSV, measures-th.csv.  The caller frees it.
 */
char *
url_data(int year, const char *ext)
{
	char	*dir, *u;

	dir = year != 0 ? xasprintf("data/%d/", year) : xstrdup("data/");
	if (strcmp(ext, "csv-th") == 0)
		u = xstrcat3(dir, "measures-th.csv", "");
	else
		u = xasprintf("%smeasures.%s", dir, ext);
	free(dir);
	return u;
}

/* The site path of a year's O-item checklist as CSV: data/YEAR/oit.csv. */
char *
url_data_oit(int year)
{
	return xasprintf("data/%d/oit.csv", year);
}

/*
 * The absolute address of an O-item published at u: a site path when
 * site is set (files/x.pdf, 2566/), else a web address; NULL when u is
 * NULL (not published).  The caller frees it.
 */
char *
url_item(const struct config *cfg, const char *u, int site)
{
	if (u == NULL)
		return NULL;
	return site ? url_abs(cfg, u) : escape_url(u);
}

/* The data dictionary page, beside the data files. */
const char	 url_datadoc[] = "data/";

/*
 * Is u, as written in content, a path of this site: files/... (an
 * evidence file) or /... from the site root (not //host)?
 */
int
url_is_site(const char *u)
{
	return strncmp(u, "files/", 6) == 0 || (u[0] == '/' && u[1] != '/');
}

/*
 * The link from a page whose way back to the site root is root ("",
 * "../", "../../") to the site path target ("2566/", "files/x.pdf").
 * Folders get index.html so the site also works opened from disk.  The
 * caller frees it.
 */
char *
url_rel(const char *root, const char *target)
{
	size_t	 n = strlen(target);
	size_t	 seg = strcspn(target, "/?#");

	/*
	 * At the root a path whose first part holds a colon would read as
	 * a scheme: "javascript:alert(1)/" must stay a path ("./...").
	 */
	return xstrcat3(root[0] == '\0' && memchr(target, ':', seg) ?
	    "./" : root, target, n == 0 || target[n - 1] == '/' ?
	    "index.html" : "");
}
/*
 * The absolute, encoded URL of site path path ("" for the home page,
 * "2566/", "feed.xml") under the configured base_url.  The caller
 * frees it.
 */
char *
url_abs(const struct config *cfg, const char *path)
{
	char	*joined, *enc;

	joined = xasprintf("%s%s", cfg->base_url, path);
	enc = escape_url(joined);
	free(joined);
	return enc;
}

/* Does u start with a URI scheme such as "https:" or "mailto:"? */
static int
has_scheme(const char *u)
{
	const char	*p = u;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

/*
 * Make a link written in content absolute, as a reader outside the
 * site needs it.  Links to files/… and /… are from the site root, as
 * the pages treat them; other relative links are resolved against
 * page, the absolute URL of the page they appear on.  Returns a new
 * string, or NULL if the link cannot be made absolute.
 */
char *
url_link(const struct config *cfg, const char *page, const char *link)
{
	xmlChar	*r;
	char	*enc, *out;

	if (url_is_site(link))
		return url_abs(cfg, link + (link[0] == '/'));
	enc = escape_url(link);
	if (has_scheme(enc))
		return enc;
	r = xmlBuildURI((const xmlChar *)enc, (const xmlChar *)page);
	free(enc);
	if (r == NULL)
		return NULL;
	out = has_scheme((const char *)r) ? xstrdup((const char *)r) : NULL;
	xmlFree(r);
	return out;
}
