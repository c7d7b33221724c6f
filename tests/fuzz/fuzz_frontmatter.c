/* fuzz_frontmatter.c: libFuzzer harness for doc_split, yaml_load, the fields.c readers and config_load over arbitrary bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* A tree can hold 20,000 nodes; reading each one twice is enough. */
#define READ_MAX	4096

static const char *const keys[] = {
	"title", "fiscal_year", "areas", "indicator", "order", "owners",
	"period", "status", "progress", "summary", "evidence", "updates",
	"draft", "slug", "published", "date", "note", "url", "start", "end",
	NULL
};

static FILE	*devnull;

/* Every reader on node n, as measure.c would call them on any field. */
static void
read_node(const struct fctx *c, const struct ynode *n, const char *f)
{
	char		*s = NULL, **list = NULL;
	size_t		 sz;
	int		 i;
	struct date	 d;

	if (field_str(c, n, f, &s))
		free(s);
	(void)field_int(c, n, f, 0, 100, &i);
	(void)field_year(c, n, &i);
	(void)field_bool(c, n, f, &i);
	(void)field_date(c, n, f, &d);
	if ((sz = field_strlist(c, n, f, &list)) > 0)
		strlist_free(list, sz);
}

/*
 * Walk the tree checking what yaml_load promises (scalars have text,
 * maps alternate scalar keys and values) and read the first nodes.
 */
static void
walk(const struct fctx *c, const struct ynode *n, size_t *budget)
{
	size_t	 i;

	if (n->type == Y_SCALAR && n->value == NULL)
		abort();
	if (n->type != Y_SCALAR && n->kidsz > 0 && n->kids == NULL)
		abort();
	if (n->type == Y_MAP) {
		if (n->kidsz % 2 != 0)
			abort();
		for (i = 0; i < n->kidsz; i += 2)
			if (n->kids[i]->type != Y_SCALAR)
				abort();
		(void)field_keys(c, n, "the front matter", keys);
		for (i = 0; keys[i] != NULL; i++)
			if (ymap_get(n, keys[i]) == NULL)
				field_missing(c, n, keys[i]);
	}
	if (*budget > 0) {
		(*budget)--;
		read_node(c, n, "title");
	}
	for (i = 0; i < n->kidsz; i++)
		walk(c, n->kids[i], budget);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t sz)
{
	struct diags	 d;
	struct fctx	 c;
	struct ynode	*root;
	struct config	 cfg;
	char		*buf, *body = NULL;
	size_t		 budget, bad;

	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	/* Callers hand over NUL-terminated file text, as source_read does. */
	buf = xmalloc(sz + 1);
	memcpy(buf, data, sz);
	buf[sz] = '\0';
	memset(&d, 0, sizeof(d));
	c.file = "content/measures/2566/fuzz.md";
	c.line0 = 1;
	c.d = &d;

	if ((root = doc_split(&c, buf, sz, "measure", &body)) != NULL) {
		if (body == NULL)
			abort();
		budget = READ_MAX;
		walk(&c, root, &budget);
	}
	free(body);
	ynode_free(root);

	if ((root = yaml_load(buf, sz, "fuzz.yaml", 1, &d)) != NULL) {
		budget = READ_MAX;
		walk(&c, root, &budget);
	}
	ynode_free(root);

	/* site.yaml goes through source_read's UTF-8 check first. */
	if (utf8_valid(buf, sz, &bad) && memchr(buf, '\0', sz) == NULL) {
		(void)config_load(&cfg, "content/site.yaml", buf, sz, &d);
		config_free(&cfg);
	}

	diag_sort(&d);
	diag_print(&d, devnull);
	diag_free(&d);
	free(buf);
	return 0;
}
