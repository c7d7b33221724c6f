/* touch.c: what a changed measure touches (its page, its neighbours', its owners' and their parent units', its year's), so that a rebuild makes only the pages that show it. */
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/*
 * What the changed measures touch: their pages and their neighbours'
 * (by path), their years, their owners (by name).  Keys owned.
 */
struct touch {
	struct strmap	 paths;
	struct strmap	 owners;
	int		*years;
	size_t		 yearsz;
	char		**keys;		/* every key above, to free */
	size_t		 keysz;
};

/* Nothing touched yet.  Free with touch_free(). */
struct touch *
touch_new(void)
{
	return xcalloc(1, sizeof(struct touch));
}

static void
touch_key(struct touch *t, struct strmap *m, const char *key)
{
	if (strmap_get(m, key) != STRMAP_NONE)
		return;
	t->keys = xgrow(t->keys, t->keysz, sizeof(*t->keys));
	t->keys[t->keysz] = xstrdup(key);
	strmap_put(m, t->keys[t->keysz++], 1);
}

/*
 * Note what the page of m shows: m, its neighbours in each of its
 * areas, its owners and its year (m as it was before a change, and as
 * it is after, both).
 */
void
touch_measure(struct touch *t, const struct measure *m)
{
	size_t	 i;
	int	 a;
	char	*p, *q;

	touch_key(t, &t->paths, m->path);
	for (a = 0; a < AREA__MAX; a++) {
		if (m->prev[a] != NULL)
			touch_key(t, &t->paths, m->prev[a]->path);
		if (m->next[a] != NULL)
			touch_key(t, &t->paths, m->next[a]->path);
	}
	for (i = 0; i < m->ownersz; i++) {
		touch_key(t, &t->owners, m->owners[i]);
		/* The units it belongs to: their pages list m too. */
		for (p = lenient_parent(m->owners[i], NULL); p != NULL; p = q) {
			touch_key(t, &t->owners, p);
			q = lenient_parent(p, NULL);
			free(p);
		}
	}
	for (i = 0; i < t->yearsz && t->years[i] != m->fiscal_year; i++)
		continue;
	if (i == t->yearsz) {
		t->years = xgrow(t->years, t->yearsz, sizeof(*t->years));
		t->years[t->yearsz++] = m->fiscal_year;
	}
}

void
touch_free(struct touch *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	strmap_free(&t->paths);
	strmap_free(&t->owners);
	for (i = 0; i < t->keysz; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->years);
	free(t);
}

/* Does the page r show something that t touched? */
int
touch_shows(const struct touch *t, const struct pageref *r)
{
	const struct yeargroup	*yg;
	size_t			 i;

	switch (model_types[r->type].scope) {
	case SCOPE_SITE:
		return 1;
	case SCOPE_YEAR:
	case SCOPE_AREA:
	case SCOPE_STATUS:
	case SCOPE_REPORT:
	case SCOPE_OIT:
		yg = r->what;
		for (i = 0; i < t->yearsz; i++)
			if (t->years[i] == yg->year)
				return 1;
		return 0;
	case SCOPE_MEASURE:
		return strmap_get(&t->paths,
		    ((const struct measure *)r->what)->path) != STRMAP_NONE;
	case SCOPE_OWNER:
		return strmap_get(&t->owners,
		    ((const struct owner *)r->what)->name) != STRMAP_NONE;
	default:
		return 0;
	}
}
