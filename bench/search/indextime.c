/* indextime.c: the CPU time search_write takes on a loaded site, which a build spends on the search index (bench/search/run.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extern.h"

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* indextime SITE OUT: loads SITE, writes its index into OUT (then removed). */
int
main(int argc, char *argv[])
{
	struct site	 s;
	struct index	 ix;
	struct diags	 d;
	struct publish	*pub;
	char		*why = NULL;
	size_t		 files = 0;
	double		 t0, t1, best = 1e9;
	int		 i, ok = 1;

	if (argc != 3) {
		fprintf(stderr, "usage: indextime SITE OUT\n");
		return 2;
	}
	memset(&s, 0, sizeof(s));
	memset(&d, 0, sizeof(d));
	markdown_init();
	if (site_load(&s, argv[1], 0, 1, NULL, &d) != EXIT_FINE) {
		diag_print(&d, stderr);
		return 1;
	}
	index_build(&ix, &s, &d);
	/* The best of three, as the build's own time is taken. */
	for (i = 0; i < 3 && ok; i++) {
		if ((pub = publish_begin(argv[2], &why)) == NULL) {
			fprintf(stderr, "indextime: %s\n", why);
			return 1;
		}
		t0 = now();
		ok = search_write(&s, &ix, pub, &files, &d);
		t1 = now();
		publish_abort(pub);
		publish_free(pub);
		if (t1 - t0 < best)
			best = t1 - t0;
	}
	printf("%.3f\n", best);
	index_free(&ix);
	site_free(&s);
	diag_free(&d);
	return ok ? 0 : 1;
}
