/* sitemap.c: writes sitemap.xml (sitemaps.org 0.9, the build's pages with their lastmod from the content) and robots.txt. */
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

/* One <url>: the page at site path path, dated by its measures. */
static int
w_url(xmlTextWriterPtr w, const struct config *cfg, const struct pageref *r)
{
	struct date	 d;
	char		*loc, *iso;
	int		 ok;

	loc = url_abs(cfg, r->path);
	ok = xmlTextWriterStartElement(w, (const xmlChar *)"url") >= 0 &&
	    xmlTextWriterWriteElement(w, (const xmlChar *)"loc",
	    (const xmlChar *)loc) >= 0;
	free(loc);
	if (ok && newest(r->m, r->msz, &d)) {
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

static int
sitemap_render(const struct site *s, const struct pageref *refs, size_t sz,
    xmlBufferPtr buf)
{
	xmlTextWriterPtr	 w;
	size_t			 i;
	int			 ok;

	if ((w = xmlNewTextWriterMemory(buf, 0)) == NULL)
		return 0;
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
	ok = xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) >= 0 &&
	    xmlTextWriterStartElementNS(w, NULL, (const xmlChar *)"urlset",
	    (const xmlChar *)NS_SITEMAP) >= 0;
	for (i = 0; ok && i < sz; i++)
		if (model_types[refs[i].type].sitemap)
			ok = w_url(w, &s->cfg, &refs[i]);
	ok = ok && xmlTextWriterEndDocument(w) >= 0;
	xmlFreeTextWriter(w);
	return ok;
}

/*
 * Write sitemap.xml (the sz pages of refs, the build's own list, whose
 * type is listed; absolute URLs; lastmod the newest content date of
 * the measures each page shows) and
 * robots.txt (allow all, point at the sitemap) into p.  Adds the
 * number of files written to *files.  Returns 1, or 0 on failure with
 * an error in d or, for I/O, publish_error(p).
 */
int
sitemap_write(const struct site *s, const struct pageref *refs, size_t sz,
    struct publish *p, size_t *files, struct diags *d)
{
	xmlBufferPtr	 buf;
	char		*url, *robots;
	int		 ok;

	buf = xmlBufferCreate();
	if (!(ok = sitemap_render(s, refs, sz, buf)))
		diag_add(d, "sitemap.xml", 0, 0, SEV_ERROR,
		    _("cannot write the sitemap"));
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
