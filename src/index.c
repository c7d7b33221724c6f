/* index.c: builds the index once per build: years, areas, indicators, owners and status, with counts and mean progress, in a defined order. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* Report order: `order` first, then Thai dictionary order of titles. */
static int
measure_cmp(const void *a, const void *b)
{
	const struct measure	*x = *(const struct measure *const *)a;
	const struct measure	*y = *(const struct measure *const *)b;
	int			 c;

	if (x->has_order != y->has_order)
		return x->has_order ? -1 : 1;
	if (x->has_order && x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if ((c = strcmp(x->sortkey, y->sortkey)) != 0)
		return c;
	if ((c = strcmp(x->slug, y->slug)) != 0)
		return c;
	return strcmp(x->path, y->path);
}

/* Newest year first, then report order: an owner's page. */
static int
measure_cmp_year(const void *a, const void *b)
{
	const struct measure	*x = *(const struct measure *const *)a;
	const struct measure	*y = *(const struct measure *const *)b;

	if (x->fiscal_year != y->fiscal_year)
		return x->fiscal_year > y->fiscal_year ? -1 : 1;
	return measure_cmp(a, b);
}

static void
push(struct measure ***v, size_t *sz, struct measure *m)
{
	*v = xgrow(*v, *sz, sizeof(**v));
	(*v)[(*sz)++] = m;
}

/* Counts and mean progress of a list; cancelled measures have no progress. */
static void
stats_of(struct measure *const *m, size_t sz, struct stats *st)
{
	size_t	 i, n = 0;
	long	 sum = 0;

	memset(st, 0, sizeof(*st));
	st->count = sz;
	for (i = 0; i < sz; i++) {
		st->status[m[i]->status]++;
		if (m[i]->status == STATUS_CANCELLED)
			continue;
		sum += m[i]->progress;
		n++;
	}
	st->mean = n ? (int)((sum * 2 + (long)n) / (2 * (long)n)) : 0;
}

static struct yeargroup *
year_get(struct index *ix, int year)
{
	size_t	 i;

	for (i = 0; i < ix->yearsz; i++)
		if (ix->years[i].year == year)
			return &ix->years[i];
	ix->years = xgrow(ix->years, ix->yearsz,
	    sizeof(*ix->years));
	memset(&ix->years[ix->yearsz], 0, sizeof(*ix->years));
	ix->years[ix->yearsz].year = year;
	return &ix->years[ix->yearsz++];
}

static int
year_cmp(const void *a, const void *b)
{
	return ((const struct yeargroup *)a)->year -
	    ((const struct yeargroup *)b)->year;
}

/* Group an area's measures by indicator: ascending, "none" last. */
static void
area_indicators(struct areagroup *ag, const struct framework *fw)
{
	size_t		 i, k;
	int		 n;
	struct indgroup	*g;

	for (i = 0; i < ag->sz; i++) {
		n = ag->m[i]->indicator;
		for (k = 0; k < ag->indsz; k++)
			if (ag->ind[k].number == n)
				break;
		if (k == ag->indsz) {
			ag->ind = xgrow(ag->ind, ag->indsz,
			    sizeof(*ag->ind));
			g = &ag->ind[ag->indsz++];
			memset(g, 0, sizeof(*g));
			g->number = n;
			g->ind = framework_indicator(fw, n);
		}
		push(&ag->ind[k].m, &ag->ind[k].sz, ag->m[i]);
	}
	/* Insertion sort: a dozen groups at most. */
	for (i = 1; i < ag->indsz; i++)
		for (k = i; k > 0 && (ag->ind[k - 1].number == 0 ||
		    (ag->ind[k].number != 0 &&
		    ag->ind[k - 1].number > ag->ind[k].number)); k--) {
			struct indgroup t = ag->ind[k];
			ag->ind[k] = ag->ind[k - 1];
			ag->ind[k - 1] = t;
		}
	for (k = 0; k < ag->indsz; k++) {
		struct stats st;
		stats_of(ag->ind[k].m, ag->ind[k].sz, &st);
		ag->ind[k].mean = st.mean;
	}
}

/* Newest update first; equal dates by file, so the order is defined. */
static int
recent_cmp(const void *a, const void *b)
{
	const struct measure	*const *x = a, *const *y = b;
	const struct update	*ux = measure_last_update(*x);
	const struct update	*uy = measure_last_update(*y);
	int			 c = date_cmp(&uy->date, &ux->date);

	return c ? c : strcmp((*x)->path, (*y)->path);
}

/*
 * The year's measures updated most recently, once: every part of the
 * year's list shows them, and sorting a national year for each part
 * was most of a build.
 */
static void
year_recent(struct yeargroup *yg)
{
	struct measure	**r;
	size_t		  i, k;

	r = xcalloc(yg->sz ? yg->sz : 1, sizeof(*r));
	for (i = k = 0; i < yg->sz; i++)
		if (yg->m[i]->updatesz > 0)
			r[k++] = yg->m[i];
	sort(r, k, sizeof(*r), recent_cmp);
	yg->recentsz = k < RECENT_MAX ? k : RECENT_MAX;
	memcpy(yg->recent, r, yg->recentsz * sizeof(*r));
	free(r);
}

/* Fill one year: sort, split by area, link neighbours, load the framework. */
static void
year_fill(const struct site *s, struct yeargroup *yg, struct diags *d)
{
	struct areagroup	*ag;
	size_t			 i;
	int			 a;

	sort(yg->m, yg->sz, sizeof(*yg->m), measure_cmp);
	for (i = 0; i < yg->sz; i++)
		yg->m[i]->rank = i;
	year_recent(yg);
	stats_of(yg->m, yg->sz, &yg->st);
	yg->fw = framework_find(s->root, yg->year, d);
	/*
	 * The NACC changes indicators between years: say which is used, for
	 * the years whose measures name indicators (a year of scores only
	 * borrows nothing that matters).
	 */
	if (yg->fw != NULL && yg->fw->file_year != yg->year)
		diag_add(d, "framework", 0, 0, SEV_WARNING, _("fiscal year %d "
		    "has no ITA framework file of its own, so the one of %d "
		    "is used, whose indicators may differ; add "
		    "framework/%d.yaml to the site when that year's framework "
		    "is out"), yg->year, yg->fw->file_year, yg->year);
	for (i = 0; i < s->reportsz && yg->report == NULL; i++)
		if (s->reports[i]->fiscal_year == yg->year)
			yg->report = s->reports[i];
	for (a = 0; a < AREA__MAX; a++) {
		ag = &yg->area[a];
		ag->area = (enum area)a;
		for (i = 0; i < yg->sz; i++)
			if (yg->m[i]->areas & (1u << a))
				push(&ag->m, &ag->sz, yg->m[i]);
		for (i = 0; i < ag->sz; i++) {
			ag->m[i]->prev[a] = i > 0 ? ag->m[i - 1] : NULL;
			ag->m[i]->next[a] = i + 1 < ag->sz ? ag->m[i + 1] : NULL;
		}
		stats_of(ag->m, ag->sz, &ag->st);
		area_indicators(ag, yg->fw);
	}
	for (i = 0; i < yg->sz; i++)
		push(&yg->bystatus[yg->m[i]->status],
		    &yg->bystatussz[yg->m[i]->status], yg->m[i]);
}

/*
 * A folder name for an owner: Thai and other letters kept, ASCII
 * lowercased, everything a URL or a file system dislikes turned into
 * single dashes, cut at a character boundary to OWNER_KEY_MAX bytes so
 * that the folder name, with a -N suffix, fits every file system.
 */
#define OWNER_KEY_MAX	200

static char *
owner_key(const char *name)
{
	char		*k = xmalloc(strlen(name) + 8), *p = k;
	const char	*s;

	for (s = name; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80 || isalnum((unsigned char)*s))
			*p++ = (char)tolower((unsigned char)*s);
		else if (p > k && p[-1] != '-')
			*p++ = '-';
	}
	if (p - k > OWNER_KEY_MAX) {
		p = k + OWNER_KEY_MAX;
		while (p > k && ((unsigned char)*p & 0xc0) == 0x80)
			p--;
	}
	while (p > k && p[-1] == '-')
		p--;
	*p = '\0';
	if (*k == '\0')
		strcpy(k, "owner");
	return k;
}

static int
owner_cmp(const void *a, const void *b)
{
	const struct owner	*x = a, *y = b;
	int			 c = strcmp(x->sortkey, y->sortkey);

	return c ? c : strcmp(x->name, y->name);
}

/* The owner called name, new if names (name -> index) has none. */
static struct owner *
owner_get(struct index *ix, struct strmap *names, const char *name)
{
	size_t	 i;

	if ((i = strmap_get(names, name)) != STRMAP_NONE)
		return &ix->owners[i];
	ix->owners = xgrow(ix->owners, ix->ownersz,
	    sizeof(*ix->owners));
	memset(&ix->owners[ix->ownersz], 0, sizeof(*ix->owners));
	ix->owners[ix->ownersz].name = xstrdup(name);
	strmap_put(names, ix->owners[ix->ownersz].name, ix->ownersz);
	return &ix->owners[ix->ownersz++];
}

/*
 * Each owner's parent and parts, and its m made its own measures and
 * its sub-units', each once.  On a parent's page a measure is listed
 * once, in the first part that holds it: its own if it names the
 * parent, else the first sub-unit's in order (a sub-unit's part holds
 * that sub-unit's sub-units' too), so the parts' counts add up to the
 * page's.  Parts left empty by that are dropped, but the first.
 * Linear in the measures' owners times the depth of the units.
 */
static void
owners_tree(struct index *ix, struct site *s, const struct strmap *names)
{
	struct owner	 *o;
	struct ownerpart *pt;
	struct measure	 *m;
	size_t		 *partix, *stamp, *best, *seen = NULL;
	size_t		  i, k, n, w, a, prev, c, seensz;
	char		 *p;

	partix = xcalloc(ix->ownersz + 1, sizeof(*partix));
	stamp = xcalloc(ix->ownersz + 1, sizeof(*stamp));
	best = xcalloc(ix->ownersz + 1, sizeof(*best));
	for (i = 0; i < ix->ownersz; i++) {
		o = &ix->owners[i];
		o->parent = OWNER_NONE;
		if ((p = lenient_parent(o->name, NULL)) != NULL) {
			o->parent = strmap_get(names, p);
			free(p);
		}
		o->parts = xcalloc(1, sizeof(*o->parts));
		o->parts[0].owner = i;
		o->parts[0].m = o->m;
		o->parts[0].sz = o->sz;
		o->partsz = 1;
		o->m = NULL;
		o->sz = 0;
		stamp[i] = STRMAP_NONE;
	}
	for (i = 0; i < ix->ownersz; i++) {
		if ((a = ix->owners[i].parent) == OWNER_NONE)
			continue;
		o = &ix->owners[a];
		o->parts = xgrow(o->parts, o->partsz, sizeof(*o->parts));
		memset(&o->parts[o->partsz], 0, sizeof(*o->parts));
		o->parts[o->partsz].owner = i;
		partix[i] = o->partsz++;
	}
	for (i = 0; i < s->measuresz; i++) {
		m = s->measures[i];
		seensz = 0;
		for (k = 0; k < m->ownersz; k++) {
			c = 0;
			for (w = m->ownerix[k], prev = w; w != OWNER_NONE;
			    prev = w, w = ix->owners[w].parent) {
				if (w != prev)
					c = partix[prev];
				if (stamp[w] == i) {
					if (c < best[w])
						best[w] = c;
					continue;
				}
				stamp[w] = i;
				best[w] = c;
				seen = xgrow(seen, seensz, sizeof(*seen));
				seen[seensz++] = w;
			}
		}
		for (k = 0; k < seensz; k++) {
			o = &ix->owners[seen[k]];
			push(&o->m, &o->sz, m);
			if (best[seen[k]] > 0) {
				pt = &o->parts[best[seen[k]]];
				push(&pt->m, &pt->sz, m);
			}
		}
	}
	for (i = 0; i < ix->ownersz; i++) {
		o = &ix->owners[i];
		for (k = n = 1; k < o->partsz; k++)
			if (o->parts[k].sz > 0)
				o->parts[n++] = o->parts[k];
		o->partsz = n;
	}
	free(seen);
	free(best);
	free(stamp);
	free(partix);
}

/*
 * Owners in Thai order, each with a unique key (a -2, -3... suffix),
 * and every measure's ownerix pointing at them.  Linear but for the
 * sorts: thousands of owners whose names make the same folder name
 * are a few suffix tries each, not a scan of the keys taken.
 */
static void
owners_fill(struct index *ix, struct site *s)
{
	struct owner	*o;
	struct strmap	 keys = { 0 }, next = { 0 }, names = { 0 };
	char		**bases;
	size_t		 i, k, n;

	for (i = 0; i < ix->ownersz; i++)
		ix->owners[i].sortkey = collate_key(ix->owners[i].name);
	sort(ix->owners, ix->ownersz, sizeof(*ix->owners), owner_cmp);
	bases = xcalloc(ix->ownersz, sizeof(*bases));
	for (i = 0; i < ix->ownersz; i++) {
		o = &ix->owners[i];
		strmap_put(&names, o->name, i);
		bases[i] = owner_key(o->name);
		if ((n = strmap_get(&next, bases[i])) == STRMAP_NONE) {
			n = 2;
			if (strmap_get(&keys, bases[i]) == STRMAP_NONE) {
				o->key = xstrdup(bases[i]);
				strmap_put(&keys, o->key, i);
				strmap_put(&next, bases[i], n);
				continue;
			}
		}
		for (;; n++) {
			o->key = xasprintf("%s-%zu", bases[i], n);
			if (strmap_get(&keys, o->key) == STRMAP_NONE)
				break;
			free(o->key);
		}
		strmap_put(&keys, o->key, i);
		strmap_put(&next, bases[i], n + 1);
	}
	for (i = 0; i < s->measuresz; i++)
		for (k = 0; k < s->measures[i]->ownersz; k++)
			s->measures[i]->ownerix[k] = strmap_get(&names,
			    s->measures[i]->owners[k]);
	owners_tree(ix, s, &names);
	for (i = 0; i < ix->ownersz; i++) {
		o = &ix->owners[i];
		sort(o->m, o->sz, sizeof(*o->m), measure_cmp_year);
		stats_of(o->m, o->sz, &o->st);
		for (k = 0; k < o->partsz; k++)
			sort(o->parts[k].m, o->parts[k].sz,
			    sizeof(*o->parts[k].m), measure_cmp_year);
	}
	strmap_free(&names);
	strmap_free(&keys);
	strmap_free(&next);
	for (i = 0; i < ix->ownersz; i++)
		free(bases[i]);
	free(bases);
}

/* Warn where a measure names an indicator its year's framework lacks. */
static void
check_indicators(const struct index *ix, struct diags *d)
{
	const struct yeargroup	*yg;
	const struct measure	*m;
	size_t			 y, i;

	for (y = 0; y < ix->yearsz; y++) {
		yg = &ix->years[y];
		for (i = 0; i < yg->sz; i++) {
			m = yg->m[i];
			if (m->indicator && yg->fw != NULL &&
			    framework_indicator(yg->fw, m->indicator) == NULL)
				diag_add(d, m->path, m->pos[F_INDICATOR].line,
				    m->pos[F_INDICATOR].col, SEV_WARNING,
				    _("indicator %d is not in the ITA framework "
				    "for fiscal year %d (%s)"), m->indicator,
				    m->fiscal_year, yg->fw->path);
		}
	}
}

/*
 * One report file per fiscal year (2566.md and ๒๕๖๖.md are the same
 * year), and only for a year with measures, since only those have a
 * report page.
 */
static void
check_reports(const struct index *ix, const struct site *s, struct diags *d)
{
	const struct yeargroup	*yg;
	const struct report	*r;
	char			*dir;
	size_t			 i;

	for (i = 0; i < s->reportsz; i++) {
		r = s->reports[i];
		yg = index_year(ix, r->fiscal_year);
		if (yg != NULL && yg->report != r)
			diag_add(d, r->path, 0, 0, SEV_ERROR, _("fiscal year %d "
			    "already has a report file, %s; keep only one"),
			    r->fiscal_year, yg->report->path);
		else if (yg != NULL && yg->sz == 0)
			diag_add(d, r->path, 0, 0, SEV_WARNING, _("fiscal year %d "
			    "has no measures, so this report is not published "
			    "until measures of that year are added"),
			    r->fiscal_year);
	}
	/*
	 * The report's introduction and period come from that file: without
	 * it the year's official report has neither, in a site that keeps
	 * no report files as in one that forgot this year's.
	 */
	dir = strcmp(s->root, ".") == 0 ? xstrdup("content/reports") :
	    path_join(s->root, "content/reports");
	for (i = 0; i < ix->yearsz; i++) {
		yg = &ix->years[i];
		if (yg->sz > 0 && yg->report == NULL)
			diag_add(d, dir, 0, 0, SEV_WARNING,
			    _("fiscal year %d has measures but no report file, "
			    "so its official report has no introduction and no "
			    "reporting period: add content/reports/%d.md (see "
			    "prongsai(5))"), yg->year, yg->year);
	}
	free(dir);
}

/*
 * A free page is published at SLUG/ beside the folders the site makes
 * itself: two pages, or a page and a fiscal year (its folder is the
 * year's number), must not share a folder.
 */
/* The folders the site makes itself beside the years and free pages. */
static const char *const made[] = {
	url_owners, url_search, url_datadoc, "files/", "static/", NULL
};

/* Is name (no slash) the folder of made[k] (url.c's, with its slash)? */
static int
made_is(size_t k, const char *name)
{
	size_t	 n = strlen(made[k]) - 1;

	return strncmp(name, made[k], n) == 0 && name[n] == '\0';
}

static void
check_pages(const struct index *ix, const struct site *s, struct diags *d)
{
	struct strmap		 seen = { 0 };
	const struct page	*p;
	size_t			 i, k;
	long			 year;

	for (i = 0; i < s->pagesz; i++) {
		p = s->pages[i];
		for (k = 0; made[k] != NULL; k++)
			if (made_is(k, p->slug))
				break;
		if (made[k] != NULL || (parse_int(p->slug, &year) &&
		    index_year(ix, (int)year) != NULL))
			diag_add(d, p->path, 0, 0, SEV_ERROR, _("this page would "
			    "be published at %s/, where the site already has "
			    "its own pages; rename the file or set 'slug:'"),
			    p->slug);
		else if ((k = strmap_get(&seen, p->slug)) != STRMAP_NONE)
			diag_add(d, p->path, 0, 0, SEV_ERROR, _("this page would "
			    "be published at %s/, like %s; rename one of the "
			    "files or set 'slug:'"), p->slug, s->pages[k]->path);
		else
			strmap_put(&seen, p->slug, i);
	}
	strmap_free(&seen);
}

/*
 * Warn about a menu link to a page of this site that will not exist:
 * "/about/" without content/pages/about.md, or a year without measures.
 * Only a link's first folder is looked at, and a link to a file (a dot
 * in its name, such as /feed.xml) is left alone.
 */
static void
check_menu(const struct index *ix, const struct site *s, struct diags *d)
{
	const struct menuitem	*mi;
	char			*first, *file;
	size_t			 i, k, n;
	long			 year;
	int			 found;

	file = strcmp(s->root, ".") == 0 ? xstrdup("content/site.yaml") :
	    path_join(s->root, "content/site.yaml");
	for (i = 0; i < s->cfg.menusz; i++) {
		mi = &s->cfg.menu[i];
		if (mi->url[0] != '/' || (n = strcspn(mi->url + 1, "/?#")) == 0)
			continue;
		first = xstrndup(mi->url + 1, n);
		found = strchr(first, '.') != NULL;
		for (k = 0; !found && made[k] != NULL; k++)
			found = made_is(k, first);
		for (k = 0; !found && k < s->pagesz; k++)
			found = strcmp(first, s->pages[k]->slug) == 0;
		if (!found && parse_int(first, &year)) {
			if (index_year(ix, (int)year) == NULL)
				diag_add(d, file, mi->pos.line, mi->pos.col,
				    SEV_WARNING, _("the menu links to %s, but "
				    "fiscal year %ld has no measures, so the site "
				    "has no such page: correct the url"),
				    mi->url, year);
		} else if (!found)
			diag_add(d, file, mi->pos.line, mi->pos.col,
			    SEV_WARNING, _("the menu links to %s, but the site "
			    "has no such page: add content/pages/%s.md or "
			    "correct the url"), mi->url, first);
		free(first);
	}
	free(file);
}

/*
 * Build the index of s's measures into ix.  Framework problems go to
 * d.  The index points into s, which must outlive it; free it with
 * index_free().
 */
void
index_build(struct index *ix, struct site *s, struct diags *d)
{
	struct measure	 *m;
	struct yeargroup *yg;
	struct owner	 *o;
	struct strmap	  names = { 0 };
	size_t		  i, k;
	char		 *p;

	memset(ix, 0, sizeof(*ix));
	for (i = 0; i < s->measuresz; i++) {
		m = s->measures[i];
		/* A title never changes once loaded: an index built again keeps its key. */
		if (m->sortkey == NULL)
			m->sortkey = collate_key(m->title);
		free(m->ownerix);
		m->ownerix = xcalloc(m->ownersz, sizeof(*m->ownerix));
		yg = year_get(ix, m->fiscal_year);
		push(&yg->m, &yg->sz, m);
		for (k = 0; k < m->ownersz; k++) {
			o = owner_get(ix, &names, m->owners[k]);
			push(&o->m, &o->sz, m);
		}
	}
	for (i = 0; i < s->reportsz; i++)
		year_get(ix, s->reports[i]->fiscal_year);
	for (i = 0; i < s->oitsz; i++)
		year_get(ix, s->oit[i]->fiscal_year);
	/* A parent no measure names has a page too, for its sub-units'. */
	for (i = 0; i < ix->ownersz; i++)
		if ((p = lenient_parent(ix->owners[i].name, NULL)) != NULL) {
			owner_get(ix, &names, p);
			free(p);
		}
	sort(ix->years, ix->yearsz, sizeof(*ix->years), year_cmp);
	for (i = 0; i < ix->yearsz; i++)
		year_fill(s, &ix->years[i], d);
	strmap_free(&names);
	owners_fill(ix, s);
	stats_of(s->measures, s->measuresz, &ix->st);
	check_indicators(ix, d);
	check_reports(ix, s, d);
	check_pages(ix, s, d);
	check_menu(ix, s, d);
	ix->current = s->cfg.current_year;
	if (ix->current == 0 && ix->yearsz > 0)
		ix->current = ix->years[ix->yearsz - 1].year;
}

/*
 * The name of area a in language lang, from the framework of the year
 * year, else of the current year, else of the newest year that has one,
 * else its code.  Not to be freed.
 */
const char *
index_area_name(const struct index *ix, enum lang lang, int year,
    enum area a)
{
	const struct yeargroup	*yg;
	size_t			 i;

	if ((yg = index_year(ix, year)) != NULL && yg->fw != NULL &&
	    yg->fw->area[a][lang] != NULL)
		return yg->fw->area[a][lang];
	if ((yg = index_year(ix, ix->current)) != NULL && yg->fw != NULL &&
	    yg->fw->area[a][lang] != NULL)
		return yg->fw->area[a][lang];
	for (i = ix->yearsz; i-- > 0;)
		if (ix->years[i].fw != NULL &&
		    ix->years[i].fw->area[a][lang] != NULL)
			return ix->years[i].fw->area[a][lang];
	return area_name(a);
}

/* The year group for year, or NULL. */
const struct yeargroup *
index_year(const struct index *ix, int year)
{
	size_t	 i;

	for (i = 0; i < ix->yearsz; i++)
		if (ix->years[i].year == year)
			return &ix->years[i];
	return NULL;
}

void
index_free(struct index *ix)
{
	size_t	 i, k;
	int	 a;

	for (i = 0; i < ix->yearsz; i++) {
		/* What oit_index() added: checklists, scores' frameworks. */
		for (k = 0; k < ix->years[i].orowsz &&
		    ix->years[i].orows != NULL; k++)
			free(ix->years[i].orows[k].url);
		free(ix->years[i].orows);
		for (a = 0; a < AREA__MAX; a++) {
			for (k = 0; k < ix->years[i].area[a].indsz; k++)
				free(ix->years[i].area[a].ind[k].m);
			free(ix->years[i].area[a].ind);
			free(ix->years[i].area[a].m);
		}
		free(ix->years[i].m);
		for (a = 0; a < STATUS__MAX; a++)
			free(ix->years[i].bystatus[a]);
		framework_free(ix->years[i].fw);
	}
	free(ix->years);
	for (i = 0; i < ix->scoredsz; i++)
		framework_free(ix->scored[i].fw);
	free(ix->scored);
	for (i = 0; i < ix->ownersz; i++) {
		free(ix->owners[i].name);
		free(ix->owners[i].key);
		free(ix->owners[i].sortkey);
		free(ix->owners[i].m);
		for (k = 0; k < ix->owners[i].partsz; k++)
			free(ix->owners[i].parts[k].m);
		free(ix->owners[i].parts);
	}
	free(ix->owners);
	memset(ix, 0, sizeof(*ix));
}
