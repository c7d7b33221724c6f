/* pdf.c: the PDF of a report, made from its page in the build folder by an external renderer (WeasyPrint, which shapes Thai with Pango and HarfBuzz). */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

extern char **environ;

/* The renderer's program name, looked up in PATH. */
#define RENDERER	"weasyprint"

/*
 * The most text (bytes of the rows' titles, owners and bodies) a
 * report's PDF is made for.  WeasyPrint lays out a page of the report
 * in about a quarter of a second (the example's 16 rows, 18 KB, on 6
 * pages take 1.7 s): about 60 pages at most, so that a national report
 * of thousands of rows does not hold a build for many minutes; it is
 * printed from the browser instead.
 */
#define PDF_TEXT_MAX	(200 * 1024)

/*
 * Run by WeasyPrint's own Python: render argv[1], the page whose
 * public address is argv[4], to argv[2].  Links in the PDF go to the
 * published site; what the page loads (style sheets, fonts, images)
 * is read from the build folder argv[3], and nothing else is fetched:
 * an image from the network would make the build slow, and its PDF
 * depend on another site's day.
 *
 * WeasyPrint maps each glyph to the text of the first cluster it drew
 * it in, which for Thai is often the wrong part of the cluster: HarfBuzz
 * draws SARA AM as NIKHAHIT and SARA AA, and the NIKHAHIT was mapped to
 * nothing ("ดำเนินการ" came out of the PDF as "ดาเนินการ"), a lowered SARA
 * UU to MAI THO.  So each glyph is mapped to the character the font
 * gives it, a variant glyph (uni0E39.small, or the private-use code
 * points U+F700-U+F71A that Thai fonts give lowered and shifted marks)
 * to its base character;
 * "ดําเนินการ" is the same text under Unicode compatibility (NFKC).
 *
 * The words of Thai runs (wordbreak.c) are for browsers: WeasyPrint
 * breaks Thai with libthai itself, and with a <wbr> between words, or
 * in nowrap, it leaves lines running off the page; so they are turned
 * off here, and only the names it would cut (span.n) stay unbroken.
 */
static const char script[] =
    "import os, re, sys, urllib.parse\n"
    "import weasyprint.pdf as wp\n"
    "from weasyprint import HTML, default_url_fetcher\n"
    "build = wp.build_fonts_dictionary\n"
    "def fonts(pdf, fonts, *args, **kw):\n"
    "    for f in fonts.values():\n"
    "        if getattr(f, 'ttfont', None) is None:\n"
    "            continue\n"
    "        rev = {}\n"
    "        pua = dict(zip(range(0xF700, 0xF71B), '\\u0E10\\u0E34\\u0E35'\n"
    "            '\\u0E36\\u0E37\\u0E48\\u0E49\\u0E4A\\u0E4B\\u0E4C\\u0E48\\u0E49'\n"
    "            '\\u0E4A\\u0E4B\\u0E4C\\u0E0D\\u0E31\\u0E4D\\u0E47\\u0E48\\u0E49'\n"
    "            '\\u0E4A\\u0E4B\\u0E4C\\u0E38\\u0E39\\u0E3A'))\n"
    "        for cp, name in sorted(f.ttfont.getBestCmap().items()):\n"
    "            rev.setdefault(f.ttfont.getGlyphID(name), pua.get(cp, chr(cp)))\n"
    "        for g, t in list(f.cmap.items()):\n"
    "            n = f.ttfont.getGlyphName(g)\n"
    "            if g in rev:\n"
    "                f.cmap[g] = rev[g]\n"
    "            elif re.match('uni[0-9A-F]{4}[._]', n):\n"
    "                f.cmap[g] = chr(int(n[3:7], 16))\n"
    "    return build(pdf, fonts, *args, **kw)\n"
    "wp.build_fonts_dictionary = fonts\n"
    "page, out, root, url = sys.argv[1:5]\n"
    "root = os.path.realpath(root)\n"
    "base = url[:len(url) - len(os.path.relpath(page, root))]\n"
    "def fetch(u, *args, **kw):\n"
    "    if u.startswith(base):\n"
    "        rel = urllib.parse.unquote(urllib.parse.urlsplit(\n"
    "            u[len(base):]).path)\n"
    "        p = os.path.realpath(os.path.join(root, rel))\n"
    "        if p.startswith(root + os.sep) and os.path.isfile(p):\n"
    "            return default_url_fetcher(\n"
    "                'file://' + urllib.parse.quote(p), *args, **kw)\n"
    "    elif u.startswith('data:'):\n"
    "        return default_url_fetcher(u, *args, **kw)\n"
    "    raise ValueError('not fetched: ' + u)\n"
    "from weasyprint import CSS\n"
    "words = CSS(string='.w{white-space:normal!important}'\n"
    "    'wbr{display:none!important}')\n"
    "HTML(filename=page, base_url=url, url_fetcher=fetch).write_pdf(out,\n"
    "    stylesheets=[words])\n";

/*
 * The interpreter that runs the renderer: WeasyPrint's command is a
 * Python script whose first line names the Python it was installed
 * for (Debian's /usr/bin/python3, not the first python3 on PATH).
 * A new string, or NULL if prog is not such a script.
 */
static char *
interpreter(const char *prog)
{
	char	 line[256], *p, *e;
	FILE	*f;

	if ((f = fopen(prog, "r")) == NULL)
		return NULL;
	p = fgets(line, sizeof(line), f);
	fclose(f);
	if (p == NULL || strncmp(line, "#!", 2) != 0)
		return NULL;
	for (p = line + 2; *p == ' '; p++)
		continue;
	e = p + strcspn(p, " \t\r\n");
	*e = '\0';
	if (*p != '/' || access(p, X_OK) != 0)
		return NULL;
	return xstrdup(p);
}

/*
 * Is the report of the n measures m small enough for its PDF to be
 * made?  The page model and the build ask the same question.
 */
int
pdf_wanted(struct measure *const *m, size_t n)
{
	size_t	 i, k, sz = 0;

	for (i = 0; i < n && sz <= PDF_TEXT_MAX; i++) {
		sz += strlen(m[i]->title);
		for (k = 0; k < m[i]->ownersz; k++)
			sz += strlen(m[i]->owners[k]);
		if (m[i]->html != NULL)
			sz += m[i]->html->len;
	}
	return sz <= PDF_TEXT_MAX;
}

/*
 * Find the renderer: the Python that runs WeasyPrint's command in PATH.
 * Returns a new string, or NULL if it is not installed.
 */
char *
pdf_renderer(void)
{
	const char	*path = getenv("PATH");
	char		*dirs, *dir, *save, *prog, *py = NULL;

	if (path == NULL || *path == '\0')
		return NULL;
	dirs = xstrdup(path);
	for (dir = strtok_r(dirs, ":", &save); dir != NULL && py == NULL;
	    dir = strtok_r(NULL, ":", &save)) {
		prog = path_join(*dir != '\0' ? dir : ".", RENDERER);
		if (access(prog, X_OK) == 0)
			py = interpreter(prog);
		free(prog);
	}
	free(dirs);
	return py;
}

/* The environment for the renderer: ours, made reproducible. */
static char **
pdf_environ(void)
{
	const char	*epoch = getenv("SOURCE_DATE_EPOCH");
	char		**env;
	size_t		 n, i, k = 0;

	for (n = 0; environ[n] != NULL; n++)
		continue;
	env = xcalloc(n + 3, sizeof(*env));
	for (i = 0; i < n; i++)
		if (strncmp(environ[i], "SOURCE_DATE_EPOCH=", 18) != 0 &&
		    strncmp(environ[i], "PYTHONHASHSEED=", 15) != 0)
			env[k++] = xstrdup(environ[i]);
	/*
	 * fontTools stamps each embedded font subset with the time it was
	 * made, unless SOURCE_DATE_EPOCH says which time to write: without
	 * it no two builds of a report would be the same bytes.
	 */
	env[k++] = xasprintf("SOURCE_DATE_EPOCH=%s", epoch != NULL &&
	    *epoch != '\0' && strspn(epoch, "0123456789") == strlen(epoch) ?
	    epoch : "0");
	env[k++] = xstrdup("PYTHONHASHSEED=0");
	return env;
}

static void
strv_free(char **v)
{
	size_t	 i;

	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/*
 * Run argv (argv[0] a full path) with the reproducible environment and
 * wait for it; when *stop becomes set (a signal: Ctrl-C), stop it.
 * Returns 1 if it exited with 0, else 0 with its last line of output
 * (or why it did not run) in *why, a new string.
 */
int
pdf_exec(char *const argv[], volatile sig_atomic_t *stop, char **why)
{
	posix_spawn_file_actions_t	 fa;
	char				**env, msg[4096], *tail;
	pid_t				 pid, w;
	int				 fd[2], st, rc;
	size_t				 len = 0;
	ssize_t				 r;

	*why = NULL;
	if (pipe(fd) != 0) {
		*why = xasprintf("%s", strerror(errno));
		return 0;
	}
	env = pdf_environ();
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 2);
	posix_spawn_file_actions_addclose(&fa, fd[1]);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	strv_free(env);
	close(fd[1]);
	if (rc != 0) {
		close(fd[0]);
		*why = xasprintf("%s: %s", argv[0], strerror(rc));
		return 0;
	}
	/* Keep the program's last words: the end says what went wrong. */
	while ((r = read(fd[0], msg + len, sizeof(msg) - 1 - len)) != 0) {
		if (r < 0) {
			if (errno == EINTR && !*stop)
				continue;
			break;
		}
		len += (size_t)r;
		if (len == sizeof(msg) - 1) {
			memmove(msg, msg + len / 2, len - len / 2);
			len -= len / 2;
		}
	}
	close(fd[0]);
	msg[len] = '\0';
	if (*stop)
		kill(pid, SIGTERM);
	while ((w = waitpid(pid, &st, 0)) == -1 && errno == EINTR)
		if (*stop)
			kill(pid, SIGTERM);
	/* Without its status (waitpid() failed) it did not succeed. */
	if (w == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 1;
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	tail = strrchr(msg, '\n');
	*why = xstrdup(tail != NULL ? tail + 1 : msg);
	return 0;
}

/*
 * Render the HTML file html into the PDF file out with the renderer
 * py (from pdf_renderer()); root is the build folder, the only place
 * it may read files from, and url the page's public address (html's
 * path below root after the site's base URL); stop as for pdf_exec().
 * Returns 1, or 0 with a reason in *why (a new string).
 */
int
pdf_render(const char *py, const char *html, const char *out,
    const char *root, const char *url, volatile sig_atomic_t *stop,
    char **why)
{
	char	*argv[8];

	argv[0] = (char *)py;
	argv[1] = (char *)"-c";
	argv[2] = (char *)script;
	argv[3] = (char *)html;
	argv[4] = (char *)out;
	argv[5] = (char *)root;
	argv[6] = (char *)url;
	argv[7] = NULL;
	return pdf_exec(argv, stop, why);
}
