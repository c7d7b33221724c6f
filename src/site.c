/* site.c: builds the index once per build: years, areas, indicators, owners and status, with counts and mean progress, in a defined order. */
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
	*v = xreallocarray(*v, *sz + 1, sizeof(**v));
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
	ix->years = xreallocarray(ix->years, ix->yearsz + 1,
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
			ag->ind = xreallocarray(ag->ind, ag->indsz + 1,
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

/* Fill one year: sort, split by area, link neighbours, load the framework. */
static void
year_fill(const struct site *s, struct yeargroup *yg, struct diags *d)
{
	struct areagroup	*ag;
	size_t			 i;
	int			 a;

	sort(yg->m, yg->sz, sizeof(*yg->m), measure_cmp);
	stats_of(yg->m, yg->sz, &yg->st);
	yg->fw = framework_find(s->root, yg->year, d);
	for (i = 0; i < s->reportsz; i++)
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
}

/*
 * A folder name for an owner: Thai and other letters kept, ASCII
 * lowercased, everything a URL or a file system dislikes turned into
 * single dashes.
 */
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
	char			*kx = collate_key(x->name);
	char			*ky = collate_key(y->name);
	int			 c = strcmp(kx, ky);

	free(kx);
	free(ky);
	return c ? c : strcmp(x->name, y->name);
}

static struct owner *
owner_get(struct index *ix, const char *name)
{
	size_t	 i;

	for (i = 0; i < ix->ownersz; i++)
		if (strcmp(ix->owners[i].name, name) == 0)
			return &ix->owners[i];
	ix->owners = xreallocarray(ix->owners, ix->ownersz + 1,
	    sizeof(*ix->owners));
	memset(&ix->owners[ix->ownersz], 0, sizeof(*ix->owners));
	ix->owners[ix->ownersz].name = xstrdup(name);
	return &ix->owners[ix->ownersz++];
}

/* Is key taken by one of the first n owners? */
static int
key_taken(const struct index *ix, size_t n, const char *key)
{
	size_t	 j;

	for (j = 0; j < n; j++)
		if (strcmp(ix->owners[j].key, key) == 0)
			return 1;
	return 0;
}

/* Owners in Thai order, each with a unique key (a -2, -3... suffix). */
static void
owners_fill(struct index *ix)
{
	struct owner	*o;
	size_t		 i, k, j, n;
	char		*key;

	sort(ix->owners, ix->ownersz, sizeof(*ix->owners), owner_cmp);
	for (i = 0; i < ix->ownersz; i++) {
		o = &ix->owners[i];
		key = owner_key(o->name);
		o->key = xstrdup(key);
		for (n = 2; key_taken(ix, i, o->key); n++) {
			free(o->key);
			o->key = xasprintf("%s-%zu", key, n);
		}
		free(key);
		sort(o->m, o->sz, sizeof(*o->m), measure_cmp_year);
		stats_of(o->m, o->sz, &o->st);
		for (k = 0; k < o->sz; k++)
			for (j = 0; j < o->m[k]->ownersz; j++)
				if (strcmp(o->m[k]->owners[j], o->name) == 0)
					o->m[k]->ownerix[j] = i;
	}
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
				    "indicator %d is not in the ITA framework "
				    "for fiscal year %d (%s)", m->indicator,
				    m->fiscal_year, yg->fw->path);
		}
	}
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
	size_t		  i, k;

	memset(ix, 0, sizeof(*ix));
	for (i = 0; i < s->measuresz; i++) {
		m = s->measures[i];
		free(m->sortkey);
		m->sortkey = collate_key(m->title);
		free(m->ownerix);
		m->ownerix = xcalloc(m->ownersz, sizeof(*m->ownerix));
		yg = year_get(ix, m->fiscal_year);
		push(&yg->m, &yg->sz, m);
		for (k = 0; k < m->ownersz; k++) {
			o = owner_get(ix, m->owners[k]);
			push(&o->m, &o->sz, m);
		}
	}
	for (i = 0; i < s->reportsz; i++)
		year_get(ix, s->reports[i]->fiscal_year);
	sort(ix->years, ix->yearsz, sizeof(*ix->years), year_cmp);
	for (i = 0; i < ix->yearsz; i++)
		year_fill(s, &ix->years[i], d);
	owners_fill(ix);
	stats_of(s->measures, s->measuresz, &ix->st);
	check_indicators(ix, d);
	ix->current = s->cfg.current_year;
	if (ix->current == 0 && ix->yearsz > 0)
		ix->current = ix->years[ix->yearsz - 1].year;
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
		for (a = 0; a < AREA__MAX; a++) {
			for (k = 0; k < ix->years[i].area[a].indsz; k++)
				free(ix->years[i].area[a].ind[k].m);
			free(ix->years[i].area[a].ind);
			free(ix->years[i].area[a].m);
		}
		free(ix->years[i].m);
		framework_free(ix->years[i].fw);
	}
	free(ix->years);
	for (i = 0; i < ix->ownersz; i++) {
		free(ix->owners[i].name);
		free(ix->owners[i].key);
		free(ix->owners[i].m);
	}
	free(ix->owners);
	memset(ix, 0, sizeof(*ix));
}
