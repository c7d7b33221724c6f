/* main.c: the command line only: options, subcommands, exit codes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

static void
usage(FILE *f)
{
	fputs("usage: prongsai check [--source DIR]\n"
	    "       prongsai build [--source DIR] [--output DIR] "
	    "[--base-url URL] [--drafts] [--quiet] [-j N]\n"
	    "       prongsai serve [--source DIR] [--port N] [--bind ADDR] "
	    "[--drafts] [--poll] [-j N]\n"
	    "       prongsai version\n", f);
}

/* Options shared by every subcommand. */
struct opts {
	const char	*source;
	const char	*output;
	const char	*base_url;
	int		 drafts;
	int		 quiet;
	int		 jobs;
	const char	*port;
	const char	*bind;
	int		 poll;
};

/* Long options without a short one. */
enum {
	OPT_PORT = 256,
	OPT_BIND,
	OPT_POLL
};

static int
parse_opts(int argc, char *argv[], struct opts *o)
{
	static const struct option longopts[] = {
		{ "source", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "base-url", required_argument, NULL, 'b' },
		{ "drafts", no_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "port", required_argument, NULL, OPT_PORT },
		{ "bind", required_argument, NULL, OPT_BIND },
		{ "poll", no_argument, NULL, OPT_POLL },
		{ NULL, 0, NULL, 0 }
	};
	int	 c;
	long	 n;

	memset(o, 0, sizeof(*o));
	o->source = ".";
	while ((c = getopt_long(argc, argv, "s:o:b:dqj:h", longopts,
	    NULL)) != -1)
		switch (c) {
		case 's':
			o->source = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'b':
			o->base_url = optarg;
			break;
		case 'd':
			o->drafts = 1;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'j':
			if (!parse_int(optarg, &n) || n < 1 || n > 256) {
				fprintf(stderr, "prongsai: -j wants a number "
				    "of threads from 1 to 256\n");
				return 0;
			}
			o->jobs = (int)n;
			break;
		case OPT_PORT:
			o->port = optarg;
			break;
		case OPT_BIND:
			o->bind = optarg;
			break;
		case OPT_POLL:
			o->poll = 1;
			break;
		case 'h':
			usage(stdout);
			exit(EXIT_FINE);
		default:
			return 0;
		}
	if (optind != argc) {
		fprintf(stderr, "prongsai: unexpected argument '%s'\n",
		    argv[optind]);
		return 0;
	}
	return 1;
}

/* prongsai check: load everything, report every problem. */
static int
cmd_check(const struct opts *o)
{
	struct site	 s;
	struct index	 ix;
	struct diags	 d;
	enum exitcode	 rc;

	memset(&d, 0, sizeof(d));
	rc = site_load(&s, o->source, 1,
	    o->jobs > 0 ? o->jobs : pool_cpus(), NULL, &d);
	if (rc != EXIT_SYSTEM) {
		/* The index checks indicators against each year's framework. */
		index_build(&ix, &s, &d);
		index_free(&ix);
		if (rc == EXIT_FINE && d.errors)
			rc = EXIT_CONTENT;
	}
	diag_print(&d, stderr);
	if (!o->quiet || d.errors)
		diag_summary(&d, s.files, stderr);
	site_free(&s);
	diag_free(&d);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct opts	 o;
	const char	*cmd;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[1];
	if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
		printf("prongsai %s\n", VERSION);
		return EXIT_FINE;
	}
	if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "-h") == 0) {
		usage(stdout);
		return EXIT_FINE;
	}
	if (!parse_opts(argc - 1, argv + 1, &o)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	markdown_init();
	if (strcmp(cmd, "check") == 0)
		return cmd_check(&o);
	if (strcmp(cmd, "build") == 0)
		return build_run(o.source, o.output, o.base_url, o.drafts,
		    o.quiet, o.jobs);
	if (strcmp(cmd, "serve") == 0)
		return serve_run(o.source, o.bind, o.port, o.drafts, o.poll,
		    o.jobs);
	fprintf(stderr, "prongsai: unknown command '%s'\n", cmd);
	usage(stderr);
	return EXIT_USAGE;
}
