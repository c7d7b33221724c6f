/* main.c: the command line only: options, subcommands, exit codes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

#ifndef VERSION
#define VERSION "0.1"
#endif

/* One line per option, so that a new option is one new line. */
static const char *const helplines[] = {
	N_("  -s, --source DIR    the site folder, the one holding content/ "
	    "(default: the current folder)\n"),
	N_("  -o, --output DIR    where build writes the portal (default: "
	    "output/ in the site folder)\n"),
	N_("  -b, --base-url URL  the portal's public address, instead of "
	    "base_url in site.yaml\n"),
	N_("  -d, --drafts        also publish measures marked draft: true, "
	    "to preview them\n"),
	N_("  -q, --quiet         print only problems, not the summary "
	    "line\n"),
	N_("  -j, --jobs N        use N threads (1 to 256; default: one per "
	    "processor)\n"),
	N_("  -l, --lang LANG     the language of messages: th (Thai) or en "
	    "(English)\n"),
	N_("      --port N        serve: the port to listen on (default 8080; "
	    "0: any free one)\n"),
	N_("      --bind ADDR     serve: the address to listen on (default "
	    "127.0.0.1, this computer only)\n"),
	N_("      --poll          serve: look for changes every half second, "
	    "where inotify sees none\n"),
	N_("      --organization NAME  init: the agency's name in site.yaml\n"),
	N_("  -y, --year YYYY     init, new, import: the fiscal year (Buddhist "
	    "Era, e.g. 2566)\n"),
	N_("      --area A        new: the measure's area, IIT, EIT or OIT "
	    "(again for more)\n"),
	N_("      --slug SLUG     new: the file's name (default: the next free "
	    "m-NNN)\n"),
	N_("  -n, --dry-run       import: print what would be written, write "
	    "nothing\n"),
	N_("  -f, --force         import: overwrite files that exist\n"),
	N_("  -h, --help          show this help and exit\n"),
	NULL
};

/* One line per command, so that a new command is one new line. */
static const char *const usagelines[] = {
	N_("usage: prongsai check [--source DIR] [--lang LANG]\n"),
	N_("       prongsai build [--source DIR] [--output DIR] "
	    "[--base-url URL] [--drafts] [--quiet] [-j N] [--lang LANG]\n"),
	N_("       prongsai init DIR [--organization NAME] [--base-url URL] "
	    "[--year YYYY]\n"),
	N_("       prongsai new [--source DIR] [--year YYYY] [--area A]... "
	    "[--slug SLUG] TITLE\n"),
	N_("       prongsai import [--source DIR] [--year YYYY] [--dry-run] "
	    "[--force] FILE\n"),
	N_("       prongsai serve [--source DIR] [--port N] [--bind ADDR] "
	    "[--drafts] [--poll] [-j N] [--lang LANG]\n"),
	N_("       prongsai version\n"),
	NULL
};

static void
usage(FILE *f)
{
	size_t	 i;

	for (i = 0; usagelines[i] != NULL; i++)
		fputs(_(usagelines[i]), f);
	if (f != stdout)
		return;
	fputs(_("\nOptions:\n"), f);
	for (i = 0; helplines[i] != NULL; i++)
		fputs(_(helplines[i]), f);
	fputs(_("\nMessages are in Thai when the site's language is th or "
	    "the environment\nasks for Thai (LANG=th_TH.UTF-8), otherwise "
	    "in English; --lang, then\nPRONGSAI_LANG, decide first.  "
	    "See prongsai(1).\n"), f);
}

/* Options shared by every subcommand. */
struct opts {
	const char	*source;
	const char	*output;
	const char	*base_url;
	const char	*lang;
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
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "port", required_argument, NULL, OPT_PORT },
		{ "bind", required_argument, NULL, OPT_BIND },
		{ "poll", no_argument, NULL, OPT_POLL },
		{ NULL, 0, NULL, 0 }
	};
	int	 c, help = 0;
	long	 n;

	memset(o, 0, sizeof(*o));
	o->source = ".";
	while ((c = getopt_long(argc, argv, "s:o:b:dqj:l:h", longopts,
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
				fprintf(stderr, _("prongsai: -j wants a number "
				    "of threads from 1 to 256\n"));
				return 0;
			}
			o->jobs = (int)n;
			break;
		case 'l':
			if (lang_parse(optarg) < 0) {
				fprintf(stderr, _("prongsai: --lang wants th "
				    "(Thai) or en (English)\n"));
				return 0;
			}
			o->lang = optarg;
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
			help = 1;
			break;
		default:
			return 0;
		}
	if (optind != argc) {
		fprintf(stderr, _("prongsai: unexpected argument '%s'\n"),
		    argv[optind]);
		return 0;
	}
	if (help) {
		lang_init(o->lang, o->source);
		usage(stdout);
		exit(EXIT_FINE);
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
		oit_index(&ix, &s, &d);
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

/*
 * prongsai init, new and import: their own options and one argument
 * (the folder, the title, the file).
 */
static int
cmd_make(const char *cmd, int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "source", required_argument, NULL, 's' },
		{ "organization", required_argument, NULL, 'O' },
		{ "base-url", required_argument, NULL, 'b' },
		{ "year", required_argument, NULL, 'y' },
		{ "area", required_argument, NULL, 'a' },
		{ "slug", required_argument, NULL, 'S' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "force", no_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*source = ".", *org = NULL, *url = NULL, *slug = NULL;
	const char	*lang = NULL;
	unsigned	 areas = 0;
	int		 c, a, year = 0, dry = 0, force = 0;
	long		 n;

	while ((c = getopt_long(argc, argv, "s:y:nfl:h", longopts,
	    NULL)) != -1)
		switch (c) {
		case 's':
			source = optarg;
			break;
		case 'O':
			org = optarg;
			break;
		case 'b':
			url = optarg;
			break;
		case 'y':
			if (!parse_int(optarg, &n) || n < 2400 || n > 2700) {
				fprintf(stderr, _("prongsai: --year wants a "
				    "Buddhist Era year such as 2566\n"));
				return EXIT_USAGE;
			}
			year = (int)n;
			break;
		case 'a':
			for (a = 0; a < AREA__MAX; a++)
				if (strcasecmp(optarg,
				    area_name((enum area)a)) == 0)
					break;
			if (a == AREA__MAX) {
				fprintf(stderr, _("prongsai: unknown area "
				    "'%s': use IIT, EIT or OIT\n"), optarg);
				return EXIT_USAGE;
			}
			areas |= 1u << a;
			break;
		case 'S':
			slug = optarg;
			break;
		case 'n':
			dry = 1;
			break;
		case 'f':
			force = 1;
			break;
		case 'l':
			if (lang_parse(optarg) < 0) {
				fprintf(stderr, _("prongsai: --lang wants th "
				    "(Thai) or en (English)\n"));
				return EXIT_USAGE;
			}
			lang = optarg;
			break;
		case 'h':
			lang_init(lang, source);
			usage(stdout);
			return EXIT_FINE;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	lang_init(lang, source);
	if (optind == argc) {
		fprintf(stderr, strcmp(cmd, "init") == 0 ? _("prongsai init: "
		    "give the folder of the new site, e.g. prongsai init "
		    "ita\n") : strcmp(cmd, "new") == 0 ? _("prongsai new: give "
		    "the measure's title, e.g. prongsai new \"%s\"\n") :
		    _("prongsai import: give the file to import, e.g. "
		    "prongsai import report.docx\n"), "มาตรการเผยแพร่ข้อมูล");
		return EXIT_USAGE;
	}
	if (optind != argc - 1) {
		fprintf(stderr, _("prongsai %s: unexpected argument '%s' (put "
		    "a title with blanks in quotes)\n"), cmd, argv[optind + 1]);
		return EXIT_USAGE;
	}
	if (strcmp(cmd, "init") == 0)
		return scaffold_init(argv[optind], org, url, year);
	if (strcmp(cmd, "new") == 0)
		return scaffold_new(source, argv[optind], year, areas, slug);
	return import_run(argv[optind], source, year, dry, force);
}

int
main(int argc, char *argv[])
{
	struct opts	 o;
	const char	*cmd;

	/* The environment's language until the options and site say. */
	if (!lang_init(NULL, NULL)) {
		fprintf(stderr, _("prongsai: PRONGSAI_LANG must be th or "
		    "en\n"));
		return EXIT_USAGE;
	}
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
		/* prongsai --help --lang th */
		if (parse_opts(argc - 1, argv + 1, &o))
			lang_init(o.lang, o.source);
		usage(stdout);
		return EXIT_FINE;
	}
	if (strcmp(cmd, "init") == 0 || strcmp(cmd, "new") == 0 ||
	    strcmp(cmd, "import") == 0) {
		markdown_init();
		return cmd_make(cmd, argc - 1, argv + 1);
	}
	if (!parse_opts(argc - 1, argv + 1, &o)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	lang_init(o.lang, o.source);
	markdown_init();
	if (strcmp(cmd, "check") == 0)
		return cmd_check(&o);
	if (strcmp(cmd, "build") == 0)
		return build_run(o.source, o.output, o.base_url, o.drafts,
		    o.quiet, o.jobs);
	if (strcmp(cmd, "serve") == 0)
		return serve_run(o.source, o.bind, o.port, o.drafts, o.poll,
		    o.jobs);
	fprintf(stderr, _("prongsai: unknown command '%s'\n"), cmd);
	usage(stderr);
	return EXIT_USAGE;
}
