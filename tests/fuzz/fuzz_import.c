/* fuzz_import.c: libFuzzer harness for prongsai import --dry-run: the first byte picks the kind of file (Word, Excel, CSV, Word's web page), the rest is the file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

static const char *const exts[] = { ".docx", ".xlsx", ".csv", ".htm" };

/* One site and one input file per process, made once (in memory if possible). */
static char	*root;
static char	*site;
static char	*input[4];

static void
cleanup(void)
{
	(void)rm_tree(root);
	free(root);
	free(site);
}

static void
setup(void)
{
	const char	*tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" :
			    "/tmp";
	char		*t;
	size_t		 i;

	t = xasprintf("%s/prongsai-fuzz-import.XXXXXX", tmp);
	if ((root = mkdtemp(t)) == NULL)
		abort();
	site = xasprintf("%s/site", root);
	for (i = 0; i < 4; i++)
		input[i] = xasprintf("%s/in%s", root, exts[i]);
	/*
	 * What it would write is not ours to keep; its messages go to
	 * stderr, which tests/fuzz/run.sh has libFuzzer close for this one.
	 */
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	markdown_init();
	if (scaffold_init(site, NULL, NULL, 2566) != EXIT_FINE)
		abort();
	atexit(cleanup);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t sz)
{
	FILE	*f;
	int	 rc, k;

	if (root == NULL)
		setup();
	if (sz < 1)
		return -1;
	k = data[0] % 4;
	if ((f = fopen(input[k], "w")) == NULL)
		abort();
	if (fwrite(data + 1, 1, sz - 1, f) != sz - 1 || fclose(f) != 0)
		abort();
	rc = import_run(input[k], site, 0, 1, 0);
	/* A dry run writes nothing: content or system trouble, or fine. */
	if (rc != EXIT_FINE && rc != EXIT_CONTENT)
		abort();
	return 0;
}
