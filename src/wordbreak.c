/* wordbreak.c: Thai lines broken only between words: each run of Thai letters in every page's text is put in a span the browser does not break (class "w"), with a <wbr> between its words (libthai's dictionary, the site's own names kept whole). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

/*
 * Why the markup: Chromium breaks Thai with its own dictionary (ICU),
 * which cuts names it does not know ("ทุ่งลูก|นก") and some it does
 * ("การประ|เมินฯ"), and `word-break: keep-all` does not apply to Thai
 * there (measured in Chromium 156: the same breaks with and without
 * it).  What it does honour is a <wbr> inside `white-space: nowrap`: a
 * line then ends only at a <wbr>.  WeasyPrint does not take <wbr> in
 * nowrap (and lays text around <wbr> badly), but it breaks Thai with
 * libthai itself, as this file does; pdf.c turns the span and the
 * <wbr> off for it, and a name libthai would cut keeps its own span
 * (class "n"), which stays unbroken in both.
 */

/* Longest name kept whole, in characters that take room (not marks):
   wider would not fit a heading's line on a 360 px phone. */
#define NAME_CELLS	20
/* Runs cached by each thread: their bytes at most, and how many. */
#define CACHE_RUN	240
#define CACHE_MAX	65536
/* Breaks looked for in one run. */
#define RUN_BREAKS	512

struct name {
	char		*s;
	size_t		 len;
	int		 split;		/* libthai alone would break it */
};

/* What one thread keeps: its dictionary breaker and the runs it did. */
struct wbworker {
	void		*brk;
	struct strmap	 seen;		/* run -> index in out */
	char		**keys;
	char		**out;
	size_t		*outlen;
	size_t		 outsz;
};

struct wordbreak {
	struct name	*names;
	size_t		 namesz;
	size_t		*first[128];	/* by first letter: names, longest first */
	size_t		 firstsz[128];
	struct wbworker	*w;
	int		 wsz;
};

/* The code point of the Thai letter at s, or 0 if s starts none. */
static unsigned
thai_at(const unsigned char *s, const unsigned char *end)
{
	unsigned	 c;

	if (end - s < 3 || s[0] != 0xe0 || (s[1] != 0xb8 && s[1] != 0xb9) ||
	    (s[2] & 0xc0) != 0x80)
		return 0;
	c = 0x0e00 | (unsigned)(s[1] & 0x03) << 6 | (s[2] & 0x3fu);
	/* Letters, vowels and marks; not Thai digits nor ๚ ๛. */
	return c >= 0x0e01 && c <= 0x0e4f ? c : 0;
}

/* A mark or sign that belongs to the letter before it: no break before. */
static int
thai_attached(unsigned c)
{
	return c == 0x0e31 || (c >= 0x0e33 && c <= 0x0e3a) ||
	    (c >= 0x0e45 && c <= 0x0e4e) || c == 0x0e2f;
}

/* Characters that take room on the line (not the marks above or below). */
static size_t
cells(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s, *e = p + len;
	size_t			 n = 0;
	unsigned		 c;

	for (; p < e; p += 3)
		if ((c = thai_at(p, e)) != 0 && !(c == 0x0e31 ||
		    (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 &&
		    c <= 0x0e4e)))
			n++;
	return n;
}

/* Add each run of Thai letters of text (NULL: none) as a name. */
static void
names_add(struct wordbreak *wb, const char *text, void *brk)
{
	const unsigned char	*p, *e, *q;
	size_t			 i, len, off[4];

	if (text == NULL)
		return;
	p = (const unsigned char *)text;
	e = p + strlen(text);
	while (p < e) {
		if (thai_at(p, e) == 0) {
			p++;
			continue;
		}
		for (q = p; q < e && thai_at(q, e) != 0; q += 3)
			continue;
		len = (size_t)(q - p);
		if (len > 3 && cells((const char *)p, len) <= NAME_CELLS) {
			for (i = 0; i < wb->namesz; i++)
				if (wb->names[i].len == len &&
				    memcmp(wb->names[i].s, p, len) == 0)
					break;
			if (i == wb->namesz) {
				wb->names = xgrow(wb->names, wb->namesz,
				    sizeof(*wb->names));
				wb->names[i].s = xstrndup((const char *)p,
				    len);
				wb->names[i].len = len;
				wb->names[i].split = thai_breaks(brk,
				    wb->names[i].s, len, off, 4) > 0;
				wb->namesz++;
			}
		}
		p = q;
	}
}

/*
 * Names by first letter, longest first; equal lengths in byte order.
 * qsort() takes no argument: wordbreak_new() runs before any thread.
 */
static const struct wordbreak *sorting;

static int
name_cmp(const void *a, const void *b)
{
	const struct name	*x = &sorting->names[*(const size_t *)a];
	const struct name	*y = &sorting->names[*(const size_t *)b];

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return memcmp(x->s, y->s, x->len);
}

/*
 * The breaker for the site s with index ix, for pages made on up to
 * workers threads: the names the site knows (its title, the agency,
 * the main site's title, every owner, the years' area names) and its
 * words: kept whole wherever they occur.  Free with wordbreak_free().
 */
struct wordbreak *
wordbreak_new(const struct site *s, const struct index *ix, int workers)
{
	struct wordbreak	*wb = xcalloc(1, sizeof(*wb));
	const struct config	*cfg = &s->cfg;
	size_t			 i, k, a;
	int			 w, l;
	unsigned		 c;

	wb->wsz = workers > 0 ? workers : 1;
	wb->w = xcalloc((size_t)wb->wsz, sizeof(*wb->w));
	for (w = 0; w < wb->wsz; w++)
		wb->w[w].brk = thai_brk_new();
	for (i = 0; i < cfg->wordsz; i++)
		names_add(wb, cfg->words[i], wb->w[0].brk);
	names_add(wb, cfg->title, wb->w[0].brk);
	names_add(wb, cfg->organization, wb->w[0].brk);
	names_add(wb, cfg->id.main_site.title, wb->w[0].brk);
	for (i = 0; i < ix->ownersz; i++)
		names_add(wb, ix->owners[i].name, wb->w[0].brk);
	for (i = 0; i < ix->yearsz; i++)
		for (a = 0; ix->years[i].fw != NULL && a < AREA__MAX; a++)
			for (l = 0; l < 2; l++)
				names_add(wb, ix->years[i].fw->area[a][l],
				    wb->w[0].brk);
	for (i = 0; i < wb->namesz; i++) {
		c = thai_at((const unsigned char *)wb->names[i].s,
		    (const unsigned char *)wb->names[i].s + 3) & 0x7f;
		wb->first[c] = xgrow(wb->first[c], wb->firstsz[c],
		    sizeof(**wb->first));
		wb->first[c][wb->firstsz[c]++] = i;
	}
	sorting = wb;
	for (k = 0; k < 128; k++)
		if (wb->firstsz[k] > 1)
			qsort(wb->first[k], wb->firstsz[k], sizeof(size_t),
			    name_cmp);
	sorting = NULL;
	return wb;
}

/* What the pages' breaks depend on besides their text: the names. */
void
wordbreak_key(const struct wordbreak *wb, struct hasher *h)
{
	size_t	 k, i;

	hash_str(h, "wordbreak 1");
	for (k = 0; k < 128; k++)
		for (i = 0; i < wb->firstsz[k]; i++)
			hash_str(h, wb->names[wb->first[k][i]].s);
}

/* The longest name at p (before e), or NULL. */
static const struct name *
name_at(const struct wordbreak *wb, const char *p, const char *e)
{
	const struct name	*n;
	unsigned		 c;
	size_t			 i, k;

	c = thai_at((const unsigned char *)p, (const unsigned char *)e);
	k = c & 0x7f;
	for (i = 0; i < wb->firstsz[k]; i++) {
		n = &wb->names[wb->first[k][i]];
		if (n->len <= (size_t)(e - p) && memcmp(n->s, p, n->len) == 0)
			return n;
	}
	return NULL;
}

/* May a line end at p inside a run ending at e (no mark after it)? */
static int
break_ok(const char *p, const char *e)
{
	unsigned	 c = thai_at((const unsigned char *)p,
			    (const unsigned char *)e);

	return c != 0 && !thai_attached(c);
}

/* The words of libthai in [p, e) with <wbr> between them, into b. */
static void
put_words(struct buf *b, void *brk, const char *p, const char *e)
{
	size_t		 off[RUN_BREAKS], n, i, at = 0;

	n = thai_breaks(brk, p, (size_t)(e - p), off, RUN_BREAKS);
	for (i = 0; i < n; i++) {
		if (!break_ok(p + off[i], e))
			continue;
		buf_addn(b, p + at, off[i] - at);
		buf_add(b, "<wbr>");
		at = off[i];
	}
	buf_addn(b, p + at, (size_t)(e - p) - at);
}

/* The run of Thai letters [p, e) as the page shows it, into b. */
static void
put_run(const struct wordbreak *wb, struct buf *b, void *brk,
    const char *p, const char *e)
{
	const struct name	*n;
	const char		*q, *gap = p;
	int			 bare;

	/* A run that is one name libthai would cut needs only the name's
	   span.n, which is as unbroken as a span.w around it would be. */
	bare = (n = name_at(wb, p, e)) != NULL && n->split &&
	    n->len == (size_t)(e - p);
	if (!bare)
		buf_add(b, "<span class=\"w\">");
	for (q = p; q < e; ) {
		/* A name starts a syllable: not after เ แ โ ใ ไ. */
		if ((q > p && thai_at((const unsigned char *)q - 3,
		    (const unsigned char *)e) >= 0x0e40 &&
		    thai_at((const unsigned char *)q - 3,
		    (const unsigned char *)e) <= 0x0e44) ||
		    (n = name_at(wb, q, e)) == NULL ||
		    (q + n->len < e && !break_ok(q + n->len, e))) {
			q += 3;
			continue;
		}
		if (gap < q) {
			put_words(b, brk, gap, q);
			if (break_ok(q, e))
				buf_add(b, "<wbr>");
		}
		if (n->split)
			buf_add(b, "<span class=\"n\">");
		buf_addn(b, q, n->len);
		if (n->split)
			buf_add(b, "</span>");
		q += n->len;
		gap = q;
		if (q < e)
			buf_add(b, "<wbr>");
	}
	if (gap < e)
		put_words(b, brk, gap, e);
	if (!bare)
		buf_add(b, "</span>");
}

/* The run [p, e) into b, from worker w's cache when it did it before. */
static void
run_cached(const struct wordbreak *wb, struct wbworker *w, struct buf *b,
    const char *p, const char *e)
{
	struct buf	 one = { NULL, 0, 0 };
	size_t		 len = (size_t)(e - p), i;

	if (len > CACHE_RUN) {
		put_run(wb, b, w->brk, p, e);
		return;
	}
	if ((i = strmap_getn(&w->seen, p, len)) != STRMAP_NONE) {
		buf_addn(b, w->out[i], w->outlen[i]);
		return;
	}
	put_run(wb, &one, w->brk, p, e);
	buf_addn(b, one.s, one.len);
	if (w->outsz >= CACHE_MAX) {
		free(one.s);
		return;
	}
	w->keys = xgrow(w->keys, w->outsz, sizeof(*w->keys));
	w->out = xgrow(w->out, w->outsz, sizeof(*w->out));
	w->outlen = xgrow(w->outlen, w->outsz, sizeof(*w->outlen));
	w->keys[w->outsz] = xstrndup(p, len);
	w->out[w->outsz] = one.s;
	w->outlen[w->outsz] = one.len;
	strmap_put(&w->seen, w->keys[w->outsz], w->outsz);
	w->outsz++;
}

/*
 * Elements whose text gets no breaks: not shown as text on a line
 * (title, script, style, option), written as it is (pre, code, kbd,
 * samp, textarea), or not HTML (svg, math, whose text takes no span).
 */
static const char *const skipped[] = {
	"title", "script", "style", "textarea", "pre", "code", "kbd", "samp",
	"option", "optgroup", "datalist", "select", "svg", "math",
	"template", NULL
};

/* Asked of every tag of every page: most are not, by their first letter. */
static int
is_skipped(const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; skipped[i] != NULL; i++)
		if (skipped[i][0] == (name[0] | 0x20) &&
		    strlen(skipped[i]) == len &&
		    strncasecmp(skipped[i], name, len) == 0)
			return 1;
	return 0;
}

/* The end of the tag starting at p (its '>' + 1), quotes respected. */
static const char *
tag_end(const char *p, const char *e)
{
	char	 q = 0;

	for (; p < e; p++) {
		if (q != 0) {
			if (*p == q)
				q = 0;
		} else if (*p == '"' || *p == '\'')
			q = *p;
		else if (*p == '>')
			return p + 1;
	}
	return e;
}

/* Where the raw text of script or style (name) that starts at p ends. */
static const char *
raw_end(const char *p, const char *e, const char *name, size_t len)
{
	for (; p + 2 + len <= e; p++)
		if (p[0] == '<' && p[1] == '/' &&
		    strncasecmp(p + 2, name, len) == 0)
			return p;
	return e;
}

/*
 * The HTML page of len bytes at html with its Thai text broken only
 * between words, made on worker w: text outside tags, comments and the
 * skipped elements.  A page that is not HTML5 (no doctype: a theme that
 * writes XML, as tests/model-theme does) is kept as it is.  Returns a
 * new string of *outlen bytes.
 */
char *
wordbreak_page(struct wordbreak *wb, int w, const char *html, size_t len,
    size_t *outlen)
{
	struct wbworker	*wk = &wb->w[w >= 0 && w < wb->wsz ? w : 0];
	struct buf	 b = { NULL, 0, 0 };
	const char	*p = html, *e = html + len, *copy = html, *q, *n;
	size_t		 nlen;
	int		 skip = 0, close;

	/* Without libthai's dictionary a run would be one unbreakable word. */
	if (wk->brk == NULL || len < 15 ||
	    strncasecmp(html, "<!DOCTYPE html", 14) != 0) {
		*outlen = len;
		return xstrndup(html, len);
	}
	/* Room for the page and its marks: a build's pages grow by a third. */
	b.max = len + len / 2 + 64;
	b.s = xmalloc(b.max);
	b.s[0] = '\0';
	while (p < e) {
		/* Most bytes are neither a tag nor Thai: pass them quickly. */
		while (p < e && *p != '<' && (skip > 0 ||
		    (unsigned char)*p != 0xe0))
			p++;
		if (p == e)
			break;
		if (*p == '<') {
			if (e - p >= 4 && memcmp(p, "<!--", 4) == 0) {
				q = strstr(p + 4, "-->");
				p = q != NULL && q < e ? q + 3 : e;
				continue;
			}
			close = p + 1 < e && p[1] == '/';
			n = p + 1 + close;
			for (q = n; q < e && (((*q | 0x20) >= 'a' &&
			    (*q | 0x20) <= 'z') || (*q >= '0' && *q <= '9') ||
			    *q == '-'); q++)
				continue;
			nlen = (size_t)(q - n);
			q = tag_end(q, e);
			if (nlen > 0 && is_skipped(n, nlen)) {
				if (close)
					skip -= skip > 0;
				else if (!(q - p >= 2 && q[-2] == '/'))
					skip++;
				if (!close && ((nlen == 6 && strncasecmp(n,
				    "script", 6) == 0) || (nlen == 5 &&
				    strncasecmp(n, "style", 5) == 0)))
					q = raw_end(q, e, n, nlen);
			}
			p = q;
			continue;
		}
		if (skip > 0 || thai_at((const unsigned char *)p,
		    (const unsigned char *)e) == 0) {
			p++;
			continue;
		}
		for (q = p; q < e && thai_at((const unsigned char *)q,
		    (const unsigned char *)e) != 0; q += 3)
			continue;
		/* One or two letters: nothing to break, nothing to keep. */
		if (q - p < 9 || (q - p < 24 && cells(p, (size_t)(q - p)) < 3)) {
			p = q;
			continue;
		}
		buf_addn(&b, copy, (size_t)(p - copy));
		run_cached(wb, wk, &b, p, q);
		p = copy = q;
	}
	buf_addn(&b, copy, (size_t)(e - copy));
	*outlen = b.len;
	return b.s;
}

void
wordbreak_free(struct wordbreak *wb)
{
	size_t	 i;
	int	 w;

	if (wb == NULL)
		return;
	for (w = 0; w < wb->wsz; w++) {
		thai_brk_free(wb->w[w].brk);
		for (i = 0; i < wb->w[w].outsz; i++) {
			free(wb->w[w].keys[i]);
			free(wb->w[w].out[i]);
		}
		free(wb->w[w].keys);
		free(wb->w[w].out);
		free(wb->w[w].outlen);
		strmap_free(&wb->w[w].seen);
	}
	free(wb->w);
	for (i = 0; i < wb->namesz; i++)
		free(wb->names[i].s);
	free(wb->names);
	for (i = 0; i < 128; i++)
		free(wb->first[i]);
	free(wb);
}
