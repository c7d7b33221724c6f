/* outputs.c: what the side outputs (feeds, sitemap, open data) share: absolute URLs and the dates content gives. */
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "extern.h"

/* Bytes that may not appear as they are in a URL we publish. */
static int
url_unsafe(unsigned char c)
{
	return c <= 0x20 || c >= 0x7f || strchr("\"<>\\^`{|}", c) != NULL;
}

/*
 * A copy of the URL u with every non-ASCII byte, blank, control and
 * unsafe character percent-encoded (an IRI made a URI); existing
 * escapes and reserved characters are kept.  The caller frees it.
 */
char *
url_encode(const char *u)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*s;
	char			*out, *p;
	size_t			 n = 0;

	for (s = (const unsigned char *)u; *s != '\0'; s++)
		n += url_unsafe(*s) ? 3 : 1;
	out = p = xmalloc(n + 1);
	for (s = (const unsigned char *)u; *s != '\0'; s++) {
		if (url_unsafe(*s)) {
			*p++ = '%';
			*p++ = hex[*s >> 4];
			*p++ = hex[*s & 0xf];
		} else
			*p++ = (char)*s;
	}
	*p = '\0';
	return out;
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
	enc = url_encode(joined);
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

	if (strncmp(link, "files/", 6) == 0)
		return url_abs(cfg, link);
	if (link[0] == '/' && link[1] != '/')
		return url_abs(cfg, link + 1);
	enc = url_encode(link);
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

/*
 * The date a measure was published: its `published` field, else the
 * start of its period.
 */
void
measure_published(const struct measure *m, struct date *out)
{
	*out = m->published.year != 0 ? m->published : m->period.start;
}

/* The newest entry of m's update log, or NULL if it has none. */
const struct update *
measure_last_update(const struct measure *m)
{
	const struct update	*u = NULL;
	size_t			 i;

	for (i = 0; i < m->updatesz; i++)
		if (u == NULL || date_cmp(&m->updates[i].date, &u->date) > 0)
			u = &m->updates[i];
	return u;
}

/*
 * When m last changed as far as the content says: its newest update,
 * else its published date (or period start).
 */
void
measure_changed(const struct measure *m, struct date *out)
{
	const struct update	*u;

	if ((u = measure_last_update(m)) != NULL)
		*out = u->date;
	else
		measure_published(m, out);
}
