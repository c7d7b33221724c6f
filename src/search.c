/* search.c: the static search index: each measure's and free page's text in the search normal form, as character bigrams with positions, sharded into search/ of the build folder for the theme's search.js. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "extern.h"

/*
 * Why bigrams: Thai is written without spaces, and a dictionary
 * segmenter at build time and another in the browser cut the same text
 * into different words.  Every pair of neighbouring characters with its
 * position finds any query of two or more characters wherever it sits
 * (inside a compound too), and the positions make a match exact: grams
 * at p, p+2, p+4... spell the query and nothing else.  The format is
 * in the theme guide (themes/default/README.md, Search); search.js is
 * its only reader and follows it constant by constant.
 */
#define SEARCH_VERSION	1
#define SEARCH_BODY	65536u	/* a document's first position after its title */
#define SEARCH_BLOCK	100	/* documents in the first block; each next holds twice as many */
#define SEARCH_META	100	/* documents per file of titles and facts */
#define SEARCH_TEXT	10	/* documents per file of text for snippets */
#define SEARCH_MUL	1000003u /* gram a, b goes to shard (a * MUL + b) % shards */

/* One document of the index: a measure or a free page. */
struct sdoc {
	const struct measure	*m;	/* or NULL: */
	const struct page	*p;
};

/* One gram's postings in the block being made, encoded as they come. */
struct post {
	uint64_t	 key;		/* a << 21 | b */
	struct buf	 enc;
	size_t		 doc;		/* its last document + 1; 0: none yet */
	unsigned	 pos;		/* its last position + 1 in that document */
	unsigned	 shard;
};

/* The postings of one block: a hash table of keys into posts. */
struct block {
	struct post	*v;
	size_t		 sz;
	size_t		*slot;		/* index + 1 into v, 0: empty */
	size_t		 max;		/* a power of two */
};

/* Is c a character that shows as nothing, dropped from the text? */
static int
invisible(unsigned c)
{
	return c == 0x00ad || (c >= 0x200b && c <= 0x200d) ||
	    c == 0x2060 || c == 0xfeff;
}

/* Is c a blank that separates words (JavaScript's \s less U+FEFF)? */
static int
blank(unsigned c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0 ||
	    c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

static char	*norm(const char *, int);

/* Latin letters case-folded: ASCII and Latin-1's capitals (not ×). */
static unsigned
fold(unsigned c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 0x20;
	return c;
}

/*
 * The search normal form of s (valid UTF-8), the same in search.js:
 * invisible characters dropped, Latin capitals folded, every run of
 * blanks one space with none at either end; then text_norm (Unicode
 * NFC, ํา as ำ) and digits_ascii (๒๕๖๖ as 2566).  Returns a new string.
 */
char *
search_norm(const char *s)
{
	return norm(s, 0);
}

/*
 * search_norm of s; nfc says s is in text_norm's form already, so that
 * it need not be done again unless an invisible character went (one
 * between a letter and its mark, or in ํา, changes what NFC makes).
 */
static char *
norm(const char *s, int nfc)
{
	const char	*p = s;
	struct buf	 b = { NULL, 0, 0 };
	char		 u[4];
	unsigned	 c;
	size_t		 n;
	int		 gap = 0, dropped = 0;
	char		*t, *r;

	while (*p != '\0') {
		p += text_char(p, &c);
		if (invisible(c)) {
			dropped = 1;
			continue;
		}
		if (blank(c)) {
			gap = b.len > 0;
			continue;
		}
		if (gap)
			buf_addn(&b, " ", 1);
		gap = 0;
		n = text_put(u, fold(c));
		buf_addn(&b, u, n);
	}
	if (b.s == NULL)
		return xstrdup("");
	if (nfc && !dropped)
		t = b.s;
	else {
		t = text_norm(b.s);
		free(b.s);
	}
	r = digits_ascii(t);
	free(t);
	return r;
}

/*
 * The bigrams of norm (in search normal form), in order: each pair of
 * neighbouring characters that are not spaces, with the position of the
 * first counted in characters from 0.  *out is set to a new array (the
 * caller frees it); returns its length.
 */
size_t
search_grams(const char *norm, struct gram **out)
{
	const char	*p = norm;
	struct gram	*g = NULL;
	size_t		 sz = 0;
	unsigned	 pos = 0, prev = ' ', c;

	while (*p != '\0') {
		p += text_char(p, &c);
		if (prev != ' ' && c != ' ') {
			g = xgrow(g, sz, sizeof(*g));
			g[sz].a = prev;
			g[sz].b = c;
			g[sz++].pos = pos - 1;
		}
		prev = c;
		pos++;
	}
	*out = g;
	return sz;
}

/* The element names after which text no longer runs on. */
static int
tag_breaks(const char *name, size_t n)
{
	static const char *const inl[] = { "a", "abbr", "b", "code", "del",
	    "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span",
	    "strong", "sub", "sup", "u", NULL };
	size_t	 i;

	for (i = 0; inl[i] != NULL; i++)
		if (strlen(inl[i]) == n && strncasecmp(inl[i], name, n) == 0)
			return 0;
	return 1;
}

/* The character an entity at s (after '&') stands for; *n: its length. */
static unsigned
entity(const char *s, size_t *n)
{
	static const struct { const char *name; unsigned c; } named[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		{ "quot;", '"' }, { "apos;", '\'' }, { "nbsp;", 0xa0 },
	};
	const char	*e;
	char		*stop;
	unsigned long	 v;
	size_t		 i;

	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strncmp(s, named[i].name, strlen(named[i].name)) == 0) {
			*n = strlen(named[i].name);
			return named[i].c;
		}
	if (s[0] != '#')
		return 0;
	e = s + 1;
	v = *e == 'x' || *e == 'X' ? strtoul(e + 1, &stop, 16) :
	    strtoul(e, &stop, 10);
	if (*stop != ';' || stop == e || stop == e + 1 || v == 0 ||
	    v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*n = (size_t)(stop - s) + 1;
	return (unsigned)v;
}

/*
 * Append the text a reader sees in the HTML fragment html to b: tags
 * dropped (a block's end is a space), script and style left out,
 * entities decoded.  cmark-gfm wrote the HTML, or an editor allowed raw
 * HTML; it is valid UTF-8 either way.
 */
void
search_html_text(struct buf *b, const char *html)
{
	const char	*p = html, *q, *name;
	char		 u[4];
	size_t		 n, len;
	unsigned	 c;
	char		 quote;
	int		 close;

	while (*p != '\0') {
		if (*p == '&') {
			if ((c = entity(p + 1, &n)) != 0) {
				buf_addn(b, u, text_put(u, c));
				p += n + 1;
			} else
				buf_addn(b, p++, 1);
			continue;
		}
		if (*p != '<') {
			n = strcspn(p, "<&");
			buf_addn(b, p, n);
			p += n;
			continue;
		}
		if (strncmp(p, "<!--", 4) == 0) {
			q = strstr(p + 4, "-->");
			p = q != NULL ? q + 3 : p + strlen(p);
			continue;
		}
		close = p[1] == '/';
		name = p + 1 + close;
		len = strspn(name, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (len == 0) {
			buf_addn(b, p++, 1);	/* a lone '<' in raw HTML */
			continue;
		}
		/* To the tag's end, past quoted attribute values. */
		for (q = name + len, quote = 0; *q != '\0'; q++) {
			if (quote) {
				if (*q == quote)
					quote = 0;
			} else if (*q == '"' || *q == '\'')
				quote = *q;
			else if (*q == '>')
				break;
		}
		p = *q != '\0' ? q + 1 : q;
		if (!close && ((len == 6 && strncasecmp(name, "script", 6) ==
		    0) || (len == 5 && strncasecmp(name, "style", 5) == 0))) {
			q = strcasestr(p, len == 6 ? "</script" : "</style");
			p = q != NULL ? q : p + strlen(p);
		}
		if (tag_breaks(name, len))
			buf_addn(b, " ", 1);
	}
}

static unsigned
gram_shard(unsigned a, unsigned b, unsigned shards)
{
	return (unsigned)(((uint64_t)a * SEARCH_MUL + b) % shards);
}

/* Postings are millions of varints: one append each, not one per byte. */
static void
varint(struct buf *b, uint64_t v)
{
	char	 c[10];
	size_t	 n = 0;

	while (v >= 0x80) {
		c[n++] = (char)((v & 0x7f) | 0x80);
		v >>= 7;
	}
	c[n++] = (char)v;
	buf_addn(b, c, n);
}

static size_t
key_hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k;
}

/* The postings of gram key in bl, made if new. */
static struct post *
block_post(struct block *bl, uint64_t key, unsigned shards)
{
	size_t	 i, k;

	if (2 * (bl->sz + 1) > bl->max) {
		free(bl->slot);
		bl->max = bl->max ? bl->max * 2 : 4096;
		bl->slot = xcalloc(bl->max, sizeof(*bl->slot));
		for (k = 0; k < bl->sz; k++) {
			i = key_hash(bl->v[k].key) & (bl->max - 1);
			while (bl->slot[i] != 0)
				i = (i + 1) & (bl->max - 1);
			bl->slot[i] = k + 1;
		}
	}
	i = key_hash(key) & (bl->max - 1);
	while (bl->slot[i] != 0) {
		if (bl->v[bl->slot[i] - 1].key == key)
			return &bl->v[bl->slot[i] - 1];
		i = (i + 1) & (bl->max - 1);
	}
	bl->v = xgrow(bl->v, bl->sz, sizeof(*bl->v));
	memset(&bl->v[bl->sz], 0, sizeof(bl->v[bl->sz]));
	bl->v[bl->sz].key = key;
	bl->v[bl->sz].shard = gram_shard((unsigned)(key >> 21),
	    (unsigned)(key & 0x1fffff), shards);
	bl->slot[i] = ++bl->sz;
	return &bl->v[bl->sz - 1];
}

/*
 * Add the grams of norm, from position base on, for document d (its
 * number in the block) to bl.  Each gram's postings are, per document:
 * the gap from the last document (the first counts from -1), then each
 * position's gap from the last (the first from -1), then 0.
 */
static void
block_add(struct block *bl, const char *norm, unsigned base, size_t d,
    unsigned shards)
{
	struct gram	*g;
	struct post	*p;
	size_t		 n, i;
	unsigned	 pos;

	n = search_grams(norm, &g);
	for (i = 0; i < n; i++) {
		if (base == 0 && g[i].pos >= SEARCH_BODY - 1)
			break;		/* a title past 65,535 characters */
		p = block_post(bl, (uint64_t)g[i].a << 21 | g[i].b, shards);
		pos = base + g[i].pos;
		if (p->doc != d + 1) {
			if (p->doc != 0)
				varint(&p->enc, 0);
			varint(&p->enc, d + 1 - p->doc);
			p->doc = d + 1;
			p->pos = 0;
		}
		varint(&p->enc, pos + 1 - p->pos);
		p->pos = pos + 1;
	}
	free(g);
}

static void
block_free(struct block *bl)
{
	size_t	 j;

	for (j = 0; j < bl->sz; j++)
		free(bl->v[j].enc.s);
	free(bl->v);
	free(bl->slot);
	memset(bl, 0, sizeof(*bl));
}

static int
post_cmp(const void *a, const void *b)
{
	const struct post	*x = a, *y = b;

	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/*
 * Write block k's shards, search/b/K/S.bin, every one even if empty
 * (search.js asks for a shard without knowing what is in it): for each
 * gram in key order, its characters a and b, the length of its
 * postings and the postings, all as LEB128 varints.
 */
static int
block_write(struct block *bl, size_t k, unsigned shards,
    struct publish *pub, size_t *files)
{
	struct buf	 out;
	struct post	*p;
	size_t		 i = 0, j;
	unsigned	 s;
	char		*rel;
	int		 ok = 1;

	for (j = 0; j < bl->sz; j++)
		if (bl->v[j].doc != 0)
			varint(&bl->v[j].enc, 0);
	sort(bl->v, bl->sz, sizeof(*bl->v), post_cmp);
	for (s = 0; s < shards && ok; s++) {
		memset(&out, 0, sizeof(out));
		for (; i < bl->sz && (p = &bl->v[i])->shard == s; i++) {
			varint(&out, p->key >> 21);
			varint(&out, p->key & 0x1fffff);
			varint(&out, p->enc.len);
			buf_addn(&out, p->enc.s, p->enc.len);
		}
		rel = xasprintf("%sb/%zu/%u.bin", url_search, k, s);
		ok = publish_write(pub, rel, out.s != NULL ? out.s : "",
		    out.len);
		free(rel);
		free(out.s);
		(*files)++;
	}
	block_free(bl);
	return ok;
}

/* Append s and a space to b, if s is not NULL. */
static void
add_part(struct buf *b, const char *s)
{
	if (s == NULL)
		return;
	buf_add(b, s);
	buf_addn(b, " ", 1);
}

/* Append the text a reader sees in body bd to b. */
static void
body_add(struct buf *b, const struct body *bd)
{
	char	*html = body_unpack(bd);

	search_html_text(b, html);
	free(html);
}

/*
 * The text of d after its title, as a reader sees it: summary, owners,
 * body.  A new string, in NFC (text_norm) but not yet in search normal
 * form, so search.js can show a snippet of it.
 */
static char *
doc_text(const struct sdoc *d)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;
	char		*n;

	if (d->m != NULL) {
		add_part(&b, d->m->summary);
		for (i = 0; i < d->m->ownersz; i++)
			add_part(&b, d->m->owners[i]);
		if (d->m->html != NULL)
			body_add(&b, d->m->html);
	} else if (d->p->html != NULL)
		body_add(&b, d->p->html);
	if (b.s == NULL)
		return xstrdup("");
	n = search_norm_text(b.s);
	free(b.s);
	return n;
}

/*
 * The text as stored for snippets: blanks as in search_norm (so the
 * file holds no runs of them), NFC and ํา as ำ; case and digits kept.
 */
char *
search_norm_text(const char *s)
{
	const char	*p = s;
	struct buf	 b = { NULL, 0, 0 };
	unsigned	 c;
	size_t		 n;
	int		 gap = 0;
	char		*t;

	while (*p != '\0') {
		n = text_char(p, &c);
		if (blank(c))
			gap = b.len > 0;
		else {
			if (gap)
				buf_addn(&b, " ", 1);
			gap = 0;
			buf_addn(&b, p, n);
		}
		p += n;
	}
	if (b.s == NULL)
		return xstrdup("");
	t = text_norm(b.s);
	free(b.s);
	return t;
}

/* A document's facts: [path, title, year, area bits, status, progress]. */
static json_t *
doc_meta(const struct sdoc *d)
{
	json_t	*a;
	char	*u;

	u = d->m != NULL ? url_measure(d->m) : url_doc(d->p);
	a = json_array();
	json_array_append_new(a, json_string(u));
	json_array_append_new(a, json_string(d->m != NULL ? d->m->title :
	    d->p->title));
	json_array_append_new(a, json_integer(d->m != NULL ?
	    d->m->fiscal_year : 0));
	json_array_append_new(a, json_integer(d->m != NULL ?
	    (json_int_t)d->m->areas : 0));
	json_array_append_new(a, json_integer(d->m != NULL ?
	    (json_int_t)d->m->status : -1));
	json_array_append_new(a, json_integer(d->m != NULL ?
	    d->m->progress : -1));
	free(u);
	return a;
}

/* Write the JSON v (stolen) at search/NAME. */
static int
json_write(struct publish *pub, const char *name, json_t *v, size_t *files)
{
	char	*text, *rel;
	int	 ok;

	text = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	if (text == NULL)
		oom();
	rel = xstrcat3(url_search, name, "");
	ok = publish_write(pub, rel, text, strlen(text));
	free(rel);
	free(text);
	(*files)++;
	return ok;
}

/* The documents in index order: newest year first, report order; then the free pages. */
static size_t
docs_list(const struct site *s, const struct index *ix, struct sdoc **out)
{
	struct sdoc	*v;
	size_t		 n = 0, i, k;

	v = xcalloc(s->measuresz + s->pagesz + 1, sizeof(*v));
	for (i = ix->yearsz; i-- > 0;)
		for (k = 0; k < ix->years[i].sz; k++)
			v[n++].m = ix->years[i].m[k];
	for (i = 0; i < s->pagesz; i++)
		v[n++].p = s->pages[i];
	*out = v;
	return n;
}

/*
 * Shards of a block of docs documents: one for every two or so (a
 * power of two, 8 to 256), so that a shard is a few kilobytes.  Blocks
 * grow, 100, 200, 400... documents: the first results of a query come
 * from a small first block, cheaply, and a big site is still a few
 * thousand files.
 */
static unsigned
shards_for(size_t docs)
{
	unsigned	 s = 8;

	while (s < 256 && s * 2 < docs)
		s *= 2;
	return s;
}

/*
 * Write the search index of the site into pub: search/index.json (the
 * counts search.js needs), search/b/ (postings), search/m/ (titles and
 * facts) and search/x/ (text for snippets).  Adds the files written to
 * *files.  Returns 0 if a file could not be written (publish_error()
 * says why).  d takes the stage's problems like the other writers'; the
 * content was checked when it loaded, so the index has none of its own.
 */
int
search_write(const struct site *s, const struct index *ix,
    struct publish *pub, size_t *files, struct diags *d)
{
	struct block	 bl;
	struct sdoc	*docs;
	json_t		*meta = NULL, *text = NULL, *man, *blocks;
	size_t		 n, i, first = 0, size = SEARCH_BLOCK, k = 0;
	unsigned	 shards = 8;
	char		*t, *nt, *nb, *name;
	int		 ok = 1;

	(void)d;
	memset(&bl, 0, sizeof(bl));
	n = docs_list(s, ix, &docs);
	blocks = json_array();
	for (i = 0; i < n && ok; i++) {
		if (i == first) {
			shards = shards_for(n - first < size ? n - first : size);
			json_array_append_new(blocks, json_pack("[I, i]",
			    (json_int_t)first, (int)shards));
		}
		if (i % SEARCH_META == 0)
			meta = json_array();
		if (i % SEARCH_TEXT == 0)
			text = json_array();
		json_array_append_new(meta, doc_meta(&docs[i]));
		t = doc_text(&docs[i]);
		nt = search_norm(docs[i].m != NULL ? docs[i].m->title :
		    docs[i].p->title);
		nb = norm(t, 1);
		block_add(&bl, nt, 0, i - first, shards);
		block_add(&bl, nb, SEARCH_BODY, i - first, shards);
		json_array_append_new(text, json_string(t));
		free(nt);
		free(nb);
		free(t);
		if (i % SEARCH_META == SEARCH_META - 1 || i + 1 == n) {
			name = xasprintf("m/%zu.json", i / SEARCH_META);
			ok = json_write(pub, name, meta, files) && ok;
			free(name);
		}
		if (i % SEARCH_TEXT == SEARCH_TEXT - 1 || i + 1 == n) {
			name = xasprintf("x/%zu.json", i / SEARCH_TEXT);
			ok = json_write(pub, name, text, files) && ok;
			free(name);
		}
		if (i + 1 == first + size || i + 1 == n) {
			ok = block_write(&bl, k++, shards, pub, files) && ok;
			first += size;
			size *= 2;
		}
	}
	man = json_pack("{s:i, s:I, s:o, s:I, s:I, s:I}",
	    "version", SEARCH_VERSION, "docs", (json_int_t)n,
	    "blocks", blocks, "meta", (json_int_t)SEARCH_META,
	    "text", (json_int_t)SEARCH_TEXT, "body", (json_int_t)SEARCH_BODY);
	if (man == NULL)
		oom();
	if (ok)
		ok = json_write(pub, "index.json", man, files);
	else
		json_decref(man);
	block_free(&bl);
	free(docs);
	return ok;
}
