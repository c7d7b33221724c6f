/* sitemap.c: writes sitemap.xml (sitemaps.org 0.9, every HTML page with its lastmod from the content) and robots.txt. */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "extern.h"

#define NS_SITEMAP	"http://www.sitemaps.org/schemas/sitemap/0.9"

/* The newest change among the sz measures m; 0 if there are none. */
static int
newest(struct measure *const *m, size_t sz, struct date *out)
{
	struct date	 d;
	size_t		 i;

	for (i = 0; i < sz; i++) {
		measure_changed(m[i], &d);
		if (i == 0 || date_cmp(&d, out) > 0)
			*out = d;
	}
	return sz > 0;
}

/* One <url>: the page at site path path (freed here), dated by m. */
static int
w_url(xmlTextWriterPtr w, const struct config *cfg, char *path,
    struct measure *const *m, size_t sz)
{
	struct date	 d;
	char		*loc, *iso;
	int		 ok;

	loc = url_abs(cfg, path);
	free(path);
	ok = xmlTextWriterStartElement(w, (const xmlChar *)"url") >= 0 &&
	    xmlTextWriterWriteElement(w, (const xmlChar *)"loc",
	    (const xmlChar *)loc) >= 0;
	free(loc);
	if (ok && newest(m, sz, &d)) {
		/* The sitemap schema wants whole days: a month is its 1st. */
		if (d.day == 0)
			d.day = 1;
		iso = date_iso(&d);
		ok = xmlTextWriterWriteElement(w, (const xmlChar *)"lastmod",
		    (const xmlChar *)iso) >= 0;
		free(iso);
	}
	return ok && xmlTextWriterEndElement(w) >= 0;
}

/* Every page, in the order build.c's jobs_plan() makes them; not 404. */
static int
w_urls(xmlTextWriterPtr w, const struct site *s, const struct index *ix)
{
	const struct config	*cfg = &s->cfg;
	const struct yeargroup	*yg;
	const struct owner	*o;
	size_t			 i, k;
	int			 a, ok;

	ok = w_url(w, cfg, xstrdup(""), s->measures, s->measuresz);
	for (i = 0; ok && i < ix->yearsz; i++) {
		yg = &ix->years[i];
		ok = w_url(w, cfg, url_year(yg->year), yg->m, yg->sz);
		for (a = 0; ok && a < AREA__MAX; a++)
			ok = w_url(w, cfg, url_area(yg->year, (enum area)a),
			    yg->area[a].m, yg->area[a].sz);
		if (ok && yg->sz > 0)
			ok = w_url(w, cfg, url_report(yg->year), yg->m,
			    yg->sz);
		for (k = 0; ok && k < yg->sz; k++)
			ok = w_url(w, cfg, url_measure(yg->m[k]), &yg->m[k],
			    1);
	}
	if (ok)
		ok = w_url(w, cfg, xstrdup("owners/"), s->measures,
		    s->measuresz);
	for (i = 0; ok && i < ix->ownersz; i++) {
		o = &ix->owners[i];
		ok = w_url(w, cfg, url_owner(o), o->m, o->sz);
	}
	for (i = 0; ok && i < s->pagesz; i++)
		ok = w_url(w, cfg, url_page(s->pages[i]), NULL, 0);
	return ok;
}

static int
sitemap_render(const struct site *s, const struct index *ix,
    xmlBufferPtr buf)
{
	xmlTextWriterPtr	 w;
	int			 ok;

	if ((w = xmlNewTextWriterMemory(buf, 0)) == NULL)
		return 0;
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
	ok = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) >= 0 &&
	    xmlTextWriterStartElementNS(w, NULL, (const xmlChar *)"urlset",
	    (const xmlChar *)NS_SITEMAP) >= 0 &&
	    w_urls(w, s, ix) &&
	    xmlTextWriterEndDocument(w) >= 0;
	xmlFreeTextWriter(w);
	return ok;
}

/*
 * Write sitemap.xml (every HTML page but the 404 page, absolute URLs,
 * lastmod the newest content date of the measures the page shows) and
 * robots.txt (allow all, point at the sitemap) into p.  Adds the
 * number of files written to *files.  Returns 1, or 0 on failure with
 * an error in d or, for I/O, publish_error(p).
 */
int
sitemap_write(const struct site *s, const struct index *ix,
    struct publish *p, size_t *files, struct diags *d)
{
	xmlBufferPtr	 buf;
	char		*url, *robots;
	int		 ok;

	buf = xmlBufferCreate();
	if (!(ok = sitemap_render(s, ix, buf)))
		diag_add(d, "sitemap.xml", 0, 0, SEV_ERROR,
		    "cannot write the sitemap");
	else if ((ok = publish_write(p, "sitemap.xml",
	    (const char *)xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf))))
		(*files)++;
	xmlBufferFree(buf);
	if (!ok)
		return 0;
	url = url_abs(&s->cfg, "sitemap.xml");
	robots = xasprintf("User-agent: *\nAllow: /\n\nSitemap: %s\n", url);
	if ((ok = publish_write(p, "robots.txt", robots, strlen(robots))))
		(*files)++;
	free(robots);
	free(url);
	return ok;
}
