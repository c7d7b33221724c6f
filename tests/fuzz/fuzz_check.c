/* fuzz_check.c: libFuzzer harness for a whole one-file `prongsai check`: the bytes as a measure, report and page, then as a measure file in a site. */
#include <sys/stat.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

#ifndef FUZZ_TOP
#error "build with -DFUZZ_TOP='\"/path/of/the/repository\"' (see the Makefile)"
#endif

#define MEASURE	"content/measures/2566/fuzz.md"

/*
 * One site folder per process, made once: writing one file and loading
 * the site again is what each input costs.  In memory if possible: on
 * ext4, closing a truncated file starts writing it back, which cost
 * two thirds of the time.
 */
static char		*root;
static char		*measure;	/* root/MEASURE */
static size_t		 srclen;	/* of the _site being copied */
static FILE		*devnull;
static struct config	 cfg;

static void
cleanup(void)
{
	(void)rm_tree(root);
	free(root);
	free(measure);
}

/* nftw callback: copy one entry of tests/bad/_site into root. */
static int
copy_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	char	*to, *buf;
	size_t	 sz;
	FILE	*f;
	int	 rc = 0;

	(void)ftw;
	to = path_join(root, path + srclen);
	/* The top folder is root itself, made by mkdtemp. */
	if (type == FTW_D && path[srclen] != '\0')
		rc = mkdir(to, 0755);
	else if (type == FTW_F && S_ISREG(st->st_mode)) {
		if ((buf = file_read(path, &sz)) == NULL ||
		    (f = fopen(to, "w")) == NULL)
			rc = -1;
		else {
			if (fwrite(buf, 1, sz, f) != sz)
				rc = -1;
			if (fclose(f) != 0)
				rc = -1;
		}
		free(buf);
	}
	free(to);
	return rc;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*site = FUZZ_TOP "/tests/bad/_site", *tmp;
	char		*p;
	struct stat	 st;

	(void)argc;
	(void)argv;
	markdown_init();
	config_init(&cfg);
	/* The loaders alone see raw HTML allowed; the site has it off. */
	cfg.unsafe_html = 1;
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
		    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	root = path_join(tmp, "prongsai-fuzz.XXXXXX");
	if ((devnull = fopen("/dev/null", "w")) == NULL ||
	    mkdtemp(root) == NULL) {
		perror("fuzz_check");
		exit(1);
	}
	atexit(cleanup);
	srclen = strlen(site);
	if (nftw(site, copy_entry, 16, FTW_PHYS) != 0) {
		perror("fuzz_check: copying tests/bad/_site");
		exit(1);
	}
	/* index_build looks for framework/YEAR.yaml in the site first. */
	p = path_join(root, "framework");
	if (symlink(FUZZ_TOP "/framework", p) == -1) {
		perror(p);
		exit(1);
	}
	free(p);
	p = path_join(root, "content/measures");
	(void)mkdir(p, 0755);
	free(p);
	p = path_join(root, "content/measures/2566");
	(void)mkdir(p, 0755);
	free(p);
	measure = path_join(root, MEASURE);
	return 0;
}

/* The loaders' contract: UTF-8 without NUL, any BOM already skipped. */
static void
load_direct(const char *buf, size_t sz, struct diags *d)
{
	size_t	 bad;

	if (!utf8_valid(buf, sz, &bad) || memchr(buf, '\0', sz) != NULL)
		return;
	if (sz >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		sz -= 3;
	}
	measure_free(measure_load(MEASURE, "fuzz", buf, sz, &cfg, d));
	report_free(report_load("content/reports/2566.md", "2566", buf, sz,
	    &cfg, d));
	page_free(page_load("content/pages/fuzz.md", "fuzz", buf, sz, &cfg,
	    d));
	oitmap_free(oitmap_load("content/oit/2566.yaml", "2566", buf, sz, d));
	scores_free(scores_load("content/scores/2565.yaml", "2565", buf, sz,
	    d));
}

/* What cmd_check does, on one thread. */
static void
load_site(const uint8_t *data, size_t sz, struct diags *d)
{
	struct site	 s;
	struct index	 ix;
	int		 fd;

	if ((fd = open(measure, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1 ||
	    write(fd, data, sz) != (ssize_t)sz || close(fd) == -1) {
		perror(measure);
		abort();
	}
	if (site_load(&s, root, 1, 1, NULL, d) != EXIT_SYSTEM) {
		index_build(&ix, &s, d);
		oit_index(&ix, &s, d);
		index_free(&ix);
	}
	diag_summary(d, s.files, devnull);
	site_free(&s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t sz)
{
	struct diags	 d;
	char		*buf;

	buf = xmalloc(sz + 1);
	memcpy(buf, data, sz);
	buf[sz] = '\0';
	memset(&d, 0, sizeof(d));
	load_direct(buf, sz, &d);
	free(buf);
	load_site(data, sz, &d);
	diag_sort(&d);
	diag_print(&d, devnull);
	diag_free(&d);
	return 0;
}
