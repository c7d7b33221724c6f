/* cells.c: what the cells of a Thai report say: point numbers in Thai or Arabic digits, points run together, owners run together, status and progress, the areas a heading names, and a cell as Markdown. */
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/*
 * Where one clerk's owner ends and the next begins when a cell runs
 * them together ("นักวิเคราะห์ นโยบายและแผน เจ้าพนักงาน ธุรการ"): a
 * word after a blank that starts a position's title.
 */
static const char *const ownerstarts[] = {
	"นักวิเคราะห์", "นักจัดการ", "นักวิชาการ", "นักทรัพยากรบุคคล",
	"นักพัฒนา", "นักประชาสัมพันธ์", "นักบริหาร", "นิติกร",
	"เจ้าพนักงาน", "เจ้าหน้าที่", "ผู้ช่วย", "หัวหน้า", "ผู้อำนวยการ",
	"รองปลัด", "ปลัด", NULL
};

/* Words of a result's first line that say its status. */
static const struct {
	const char	*word;
	enum status	 st;
} statuswords[] = {
	{ "ยกเลิก", STATUS_CANCELLED },
	{ "ยังไม่ได้ดำเนินการ", STATUS_PLANNED },
	{ "ยังไม่ดำเนินการ", STATUS_PLANNED },
	{ "ยังไม่เริ่ม", STATUS_PLANNED },
	{ "อยู่ระหว่าง", STATUS_IN_PROGRESS },
	{ "กำลังดำเนินการ", STATUS_IN_PROGRESS },
	{ "ครบถ้วน", STATUS_DONE },
	{ "แล้วเสร็จ", STATUS_DONE },
	{ "เสร็จสิ้น", STATUS_DONE },
	{ "ดำเนินการแล้ว", STATUS_DONE },
	{ NULL, STATUS_PLANNED }
};

/* s without blanks, in one normal form, for comparing words (owned). */
char *
cell_squeeze(const char *s)
{
	char	*n = text_norm(s), *w, *r;

	for (w = r = n; *r != '\0'; r++)
		if (*r != ' ' && *r != '\t' && *r != '\n')
			*w++ = *r;
	*w = '\0';
	return n;
}

/* The text of a cell, its paragraphs joined by a blank (owned). */
char *
cell_text(const struct dcell *c)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	for (i = 0; i < c->psz; i++) {
		if (i > 0)
			buf_add(&b, " ");
		buf_add(&b, c->p[i].text);
	}
	return b.s != NULL ? b.s : xstrdup("");
}

/*
 * The areas a heading names: IIT, EIT, OIT as words, or their Thai
 * names; 0 if none.
 */
unsigned
cell_areas(const char *s)
{
	static const struct {
		const char	*word;
		enum area	 a;
	} thai[] = {
		{ "ผู้มีส่วนได้ส่วนเสียภายใน", AREA_IIT },
		{ "ผู้มีส่วนได้เสียภายใน", AREA_IIT },
		{ "ผู้มีส่วนได้ส่วนเสียภายนอก", AREA_EIT },
		{ "ผู้มีส่วนได้เสียภายนอก", AREA_EIT },
		{ "การเปิดเผยข้อมูล", AREA_OIT },
		{ NULL, AREA_IIT }
	};
	const char	*p;
	unsigned	 set = 0;
	char		*sq;
	int		 a;
	size_t		 i;

	for (a = 0; a < AREA__MAX; a++)
		for (p = s; (p = strstr(p, area_name((enum area)a))) !=
		    NULL; p += 3)
			if ((p == s || !((p[-1] >= 'A' && p[-1] <= 'Z') ||
			    (p[-1] >= 'a' && p[-1] <= 'z'))) &&
			    !((p[3] >= 'A' && p[3] <= 'Z') ||
			    (p[3] >= 'a' && p[3] <= 'z')))
				set |= 1u << a;
	if (set != 0)
		return set;
	sq = cell_squeeze(s);
	for (i = 0; thai[i].word != NULL; i++)
		if (strstr(sq, thai[i].word) != NULL)
			set |= 1u << thai[i].a;
	free(sq);
	return set;
}

/* Bytes of a digit (ASCII or Thai) at s, its value in *v; or 0. */
static size_t
digit(const char *s, int *v)
{
	if (*s >= '0' && *s <= '9') {
		*v = *s - '0';
		return 1;
	}
	if ((unsigned char)s[0] == 0xe0 && (unsigned char)s[1] == 0xb9 &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*v = (unsigned char)s[2] - 0x90;
		return 3;
	}
	return 0;
}

/*
 * A point's number at s ("๑." "2)" "๓ ."): its value and the bytes up
 * to the text after it, or 0 if s does not start with one.
 */
size_t
cell_number(const char *s, int *num)
{
	size_t	 i = 0, k;
	int	 v, n = 0, nd = 0;

	while ((k = digit(s + i, &v)) > 0 && nd < 4) {
		n = n * 10 + v;
		i += k;
		nd++;
	}
	if (nd == 0 || nd > 3)
		return 0;
	while (s[i] == ' ')
		i++;
	if (s[i] != '.' && s[i] != ')')
		return 0;
	/* "๑.๕" is a number, not a point. */
	if (digit(s + i + 1, &v) > 0)
		return 0;
	i++;
	while (s[i] == ' ')
		i++;
	*num = n;
	return i;
}

/*
 * Split a paragraph's Markdown into the points it runs together: at
 * " - " (or " -word") and at the next number of a numbered list
 * (" ๒. " after "๑."), never inside **emphasis** (one pass, so a long
 * cell costs its length).  Each point is added to (v, sz) as a new
 * string.
 */
static void
split_points(const char *md, char ***v, size_t *sz)
{
	const char	*s = md, *p;
	int		 num, next = 0, strong = 0, cut;
	size_t		 k;

	if (cell_number(s, &num) > 0)
		next = num + 1;
	for (p = md; *p != '\0'; p++) {
		if (p[0] == '\\' && p[1] != '\0') {
			p++;		/* an escaped character */
			continue;
		}
		if (p[0] == '*' && p[1] == '*') {
			strong = !strong;
			p++;
			continue;
		}
		if (p == s || p[-1] != ' ' || strong)
			continue;
		cut = 0;
		if (*p == '-' && p[1] != '\0' && p[1] != '-' &&
		    (p[1] == ' ' || (unsigned char)p[1] >= 0x80))
			cut = 1;
		else if (next > 0 && cell_number(p, &num) > 0 &&
		    num == next) {
			cut = 1;
			next++;
		}
		if (!cut)
			continue;
		*v = xreallocarray(*v, *sz + 1, sizeof(**v));
		k = (size_t)(p - s);
		while (k > 0 && s[k - 1] == ' ')
			k--;
		(*v)[(*sz)++] = xstrndup(s, k);
		s = p;
	}
	*v = xreallocarray(*v, *sz + 1, sizeof(**v));
	(*v)[(*sz)++] = xstrdup(s);
}

/* Start a Markdown line with text t, escaping a -, + or 1. it begins with. */
void
cell_md_line(struct buf *b, const char *t)
{
	size_t	 i = 0;

	if (*t == '-' || *t == '+' || *t == '=')
		buf_add(b, "\\");
	else {
		while (t[i] >= '0' && t[i] <= '9')
			i++;
		if (i > 0 && (t[i] == '.' || t[i] == ')')) {
			buf_addn(b, t, i);
			buf_add(b, "\\");
			t += i;
		}
	}
	buf_add(b, t);
}

/*
 * Append a cell to b as Markdown: its points as a numbered list ("๑.
 * … ๒. …"), bullets ("- …"), or paragraphs, in the order written.
 */
void
cell_md(struct buf *b, const struct dcell *c)
{
	char	**pt = NULL;
	size_t	  ptsz = 0, i, k;
	int	  num, kind, last = 0;	/* 0 paragraph, 1 bullet, 2 number */
	const char *t;

	for (i = 0; i < c->psz; i++)
		split_points(c->p[i].md, &pt, &ptsz);
	for (i = 0; i < ptsz; i++) {
		t = pt[i];
		kind = 0;
		/* "-1.5" is a number, "- ทำ" and "-ทำ" are bullets. */
		if (t[0] == '-' && !(t[1] >= '0' && t[1] <= '9')) {
			kind = 1;
			for (t++; *t == ' '; t++)
				continue;
		} else if ((k = cell_number(t, &num)) > 0 && ptsz > 1) {
			kind = 2;
			t += k;
		}
		if (*t == '\0')
			continue;
		if (b->len > 0)
			buf_add(b, kind != 0 && kind == last ? "\n" : "\n\n");
		if (kind == 1)
			buf_add(b, "- ");
		else if (kind == 2) {
			char	*n = xasprintf("%d. ", num);

			buf_add(b, n);
			free(n);
		}
		cell_md_line(b, t);
		last = kind;
	}
	if (b->len > 0)
		buf_add(b, "\n");
	for (i = 0; i < ptsz; i++)
		free(pt[i]);
	free(pt);
}

/* Add the first k bytes of s, trimmed, to v unless seen already. */
static void
owners_one(const char *s, size_t k, struct strmap *seen, char ***v,
    size_t *n)
{
	char	*one;

	while (k > 0 && s[k - 1] == ' ')
		k--;
	while (k > 0 && *s == ' ')
		s++, k--;
	if (k == 0)
		return;
	one = xstrndup(s, k);
	if (strmap_get(seen, one) != STRMAP_NONE) {
		free(one);
		return;
	}
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n] = one;
	strmap_put(seen, one, *n);
	(*n)++;
}

/*
 * Add owner s to v unless it is there already; split first where check
 * would see several owners joined ("สำนักปลัด/กองคลัง / กองช่าง"), so
 * that an imported file never draws that warning (lenient.c decides).
 */
static void
owners_add(const char *s, struct strmap *seen, char ***v, size_t *n)
{
	const char	*sep, *e;
	size_t		 k;

	if ((sep = lenient_joined(s)) != NULL) {
		for (;;) {
			e = strstr(s, sep);
			k = e != NULL ? (size_t)(e - s) : strlen(s);
			owners_one(s, k, seen, v, n);
			if (e == NULL)
				return;
			s = e + strlen(sep);
		}
	}
	owners_one(s, strlen(s), seen, v, n);
}

/*
 * Owners of a cell: one per paragraph, split at a comma and where a
 * title starts again, repeats dropped.  Returns their count and the
 * list in *out (owned: free with strlist_free()).
 */
size_t
cell_owners(const struct dcell *c, char ***out)
{
	struct strmap	 seen = { 0 };
	const char	*s, *p, *start;
	char		*one, **v = NULL;
	size_t		 i, k, n = 0, w;

	for (i = 0; i < c->psz; i++) {
		s = c->p[i].text;
		for (start = s, p = s; ; p++) {
			int	 cut = *p == '\0' || *p == ',';

			if (!cut && *p == ' ' && p > start)
				for (w = 0; ownerstarts[w] != NULL; w++)
					if (strncmp(p + 1, ownerstarts[w],
					    strlen(ownerstarts[w])) == 0)
						cut = 1;
			if (!cut)
				continue;
			k = (size_t)(p - start);
			while (k > 0 && start[k - 1] == ' ')
				k--;
			while (k > 0 && *start == ' ')
				start++, k--;
			if (k > 0) {
				one = xstrndup(start, k);
				owners_add(one, &seen, &v, &n);
				free(one);
			}
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
	strmap_free(&seen);
	*out = v;
	return n;
}

/*
 * Status and progress from a result's first point: "ดำเนินการครบถ้วน
 * ๑๐๐ %" is done and 100.  Returns 0 if it says neither.
 */
int
cell_status(const char *s, enum status *st, int *progress)
{
	const char	*p, *q;
	size_t		 i, k;
	int		 v, n, have = 0, pct = -1;

	for (p = s; *p != '\0' && pct < 0; p++) {
		n = 0;
		for (q = p, k = 0; (i = digit(q, &v)) > 0 && k < 4; k++) {
			n = n * 10 + v;
			q += i;
		}
		if (k == 0 || k > 3)
			continue;
		while (*q == ' ')
			q++;
		if (n <= 100 && (*q == '%' || strncmp(q, "เปอร์เซ็นต์",
		    strlen("เปอร์เซ็นต์")) == 0 || (p - s >= 18 &&
		    strncmp(p - 18, "ร้อยละ", 18) == 0) || (p - s >= 19 &&
		    strncmp(p - 19, "ร้อยละ ", 19) == 0)))
			pct = n;
		p = q - 1;
	}
	*progress = pct >= 0 ? pct : 0;
	for (i = 0; statuswords[i].word != NULL; i++)
		if (strstr(s, statuswords[i].word) != NULL) {
			*st = statuswords[i].st;
			have = 1;
			break;
		}
	if (have && *st == STATUS_DONE && pct >= 0 && pct < 100)
		*st = STATUS_IN_PROGRESS;
	if (have && *st == STATUS_DONE)
		*progress = 100;
	if (!have && pct >= 0) {
		*st = pct == 100 ? STATUS_DONE : pct == 0 ? STATUS_PLANNED :
		    STATUS_IN_PROGRESS;
		have = 1;
	}
	return have;
}
