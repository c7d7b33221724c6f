/* gitdate.c: the date each measure file first entered the site's git history, from one git log over content/measures (the feeds' date of a measure without `published`). */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"

extern char **environ;

/* Thailand's offset from UTC, which has no daylight saving time. */
#define TH_OFFSET	(7 * 3600)

/*
 * Run git with args in folder dir and return what it wrote to standard
 * output (its length in *len), or NULL if it could not run or failed:
 * a site that is no repository, or a machine without git, just has no
 * git dates.  Standard error is dropped.
 */
static char *
git_run(const char *dir, char *const *args, size_t *len)
{
	posix_spawn_file_actions_t	 fa;
	struct buf			 b = { NULL, 0, 0 };
	char				 chunk[65536];
	char				**argv;
	pid_t				 pid, w;
	ssize_t				 n;
	size_t				 i, argc;
	int				 fd[2], st, ok;

	for (argc = 0; args[argc] != NULL; argc++)
		continue;
	argv = xcalloc(argc + 4, sizeof(*argv));
	argv[0] = "git";
	argv[1] = "-C";
	argv[2] = (char *)dir;
	for (i = 0; i < argc; i++)
		argv[3 + i] = args[i];
	if (pipe(fd) == -1) {
		free(argv);
		return NULL;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	posix_spawn_file_actions_addclose(&fa, fd[1]);
	ok = posix_spawnp(&pid, "git", &fa, NULL, argv, environ) == 0;
	posix_spawn_file_actions_destroy(&fa);
	free(argv);
	close(fd[1]);
	buf_add(&b, "");
	while (ok && ((n = read(fd[0], chunk, sizeof(chunk))) > 0 ||
	    (n == -1 && errno == EINTR)))
		if (n > 0)
			buf_addn(&b, chunk, (size_t)n);
	close(fd[0]);
	if (ok) {
		while ((w = waitpid(pid, &st, 0)) == -1 && errno == EINTR)
			continue;
		ok = w == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	if (!ok) {
		free(b.s);
		return NULL;
	}
	*len = b.len;
	return b.s;
}

/* A commit time (seconds since the epoch) as its date in Thailand. */
static void
epoch_date(long long t, struct date *d)
{
	time_t		 s = (time_t)(t + TH_OFFSET);
	struct tm	 tm;

	gmtime_r(&s, &tm);
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
}

/*
 * Set the added date of every measure of s whose file git knows: the
 * date (in Thailand) of the oldest commit that added it, from one
 * `git log` over content/measures, not one per file.  The dates depend
 * only on the repository's history, so two builds agree.  A shallow
 * clone (CI checkouts often are) has lost that history: its dates
 * would be those of its oldest commit, so none is used and d gets a
 * warning.  Nothing happens when the site is not in a git work tree.
 */
void
gitdate_fill(struct site *s, struct diags *d)
{
	static char *const shallow[] = { "rev-parse",
	    "--is-shallow-repository", NULL };
	static char *const log[] = { "-c", "core.quotepath=off", "log",
	    "--no-renames", "--diff-filter=A", "--format=%x01%ct", "-z",
	    "--name-only", "--relative", "--", "measures", NULL };
	struct strmap	 paths = { 0 };
	struct date	 dt = { 0, 0, 0 };
	char		*content, *out, *p, *end, *shown, *prefix;
	size_t		 len, i, k, skip;
	int		 have = 0;

	if (s->measuresz == 0)
		return;
	content = path_join(s->root, "content");
	if ((out = git_run(content, shallow, &len)) == NULL) {
		free(content);
		return;
	}
	if (strncmp(out, "true", 4) == 0) {
		shown = site_shown(s, "content");
		diag_add(d, shown, 0, 0, SEV_WARNING, _("the site's git "
		    "history is shallow (a CI clone?), so new measures "
		    "without 'published' are dated by their period: fetch "
		    "the whole history (GitHub: fetch-depth: 0; GitLab: "
		    "GIT_DEPTH: 0)"));
		free(shown);
		free(out);
		free(content);
		return;
	}
	free(out);
	out = git_run(content, log, &len);
	free(content);
	if (out == NULL)
		return;
	/* measures/YEAR/x.md, as git names them, to each measure. */
	prefix = site_shown(s, "content/");
	skip = strlen(prefix);
	for (i = 0; i < s->measuresz; i++)
		if (strncmp(s->measures[i]->path, prefix, skip) == 0)
			strmap_put(&paths, s->measures[i]->path + skip, i);
	free(prefix);
	/*
	 * "\1TIME\0", then "\nPATH\0" (the first) and "PATH\0", newest
	 * commit first: the last date seen for a path is its oldest.
	 */
	for (p = out, end = out + len; p < end; p += strlen(p) + 1) {
		if (*p == '\n')
			p++;
		if (*p == '\1') {
			epoch_date(strtoll(p + 1, NULL, 10), &dt);
			have = 1;
		} else if (have && *p != '\0' &&
		    (k = strmap_get(&paths, p)) != STRMAP_NONE)
			s->measures[k]->added = dt;
	}
	strmap_free(&paths);
	free(out);
}
