/* fonts.c: the Thai font the default theme serves (Noto Sans Thai, SIL OFL 1.1), from Debian's fonts-noto-core at build time, as WOFF2 where fontTools can make it. */
#include <sys/stat.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

#define FONTDIR	"/usr/share/fonts/truetype/noto/"

/* Each font, by its published name without extension; style.css names them. */
static const char *const fonts[] = {
	"NotoSansThai-Regular", "NotoSansThai-Bold"
};

/* The licence goes with the font, as the OFL asks. */
static const char licence[] = "/usr/share/doc/fonts-noto-core/copyright";
static const char licence_rel[] = "static/fonts/COPYRIGHT.txt";

/* Is the file a at least as new as b (both there)? */
static int
newer(const char *a, const char *b)
{
	struct stat	 sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    (sa.st_mtim.tv_sec > sb.st_mtim.tv_sec ||
	    (sa.st_mtim.tv_sec == sb.st_mtim.tv_sec &&
	    sa.st_mtim.tv_nsec >= sb.st_mtim.tv_nsec));
}

/*
 * One font: as WOFF2 (a third of the TrueType file's bytes, which kept
 * a report page under the page weight budget), made by fontTools in
 * the Python py, or kept from the published site when that one is not
 * older than Debian's file (not where py is NULL or fontTools fails);
 * and as the TrueType file.  Adds what it published to *files.  Returns
 * 0 on a publishing failure.
 */
static int
font_publish(struct publish *pub, const char *py, const char *name,
    volatile sig_atomic_t *stop, size_t *files)
{
	char	*src, *rel, *old = NULL, *out, *why, *argv[8];
	int	 ok = 1, done = 0;

	src = xasprintf("%s%s.ttf", FONTDIR, name);
	rel = xasprintf("static/fonts/%s.woff2", name);
	if (py != NULL) {
		if (publish_old(pub) != NULL)
			old = path_join(publish_old(pub), rel);
		if (old != NULL && newer(old, src))
			done = ok = publish_copy(pub, rel, old);
		else if ((out = publish_path(pub, rel)) == NULL)
			done = 1, ok = 0;
		else {
			argv[0] = (char *)py;
			argv[1] = (char *)"-m";
			argv[2] = (char *)"fontTools.ttLib.woff2";
			argv[3] = (char *)"compress";
			argv[4] = (char *)"-o";
			argv[5] = out;
			argv[6] = src;
			argv[7] = NULL;
			if (!(done = pdf_exec(argv, stop, &why))) {
				unlink(out);
				free(why);
			}
			free(out);
		}
	}
	if (done && ok)
		(*files)++;
	/*
	 * The TrueType file always: the style sheet names it after the
	 * WOFF2 one, for browsers without WOFF2, and a link must resolve.
	 */
	free(rel);
	rel = xasprintf("static/fonts/%s.ttf", name);
	if (ok && (ok = publish_copy(pub, rel, src)))
		(*files)++;
	free(old);
	free(rel);
	free(src);
	return ok;
}

/*
 * Publish the theme's font into static/fonts/.  py is the Python that
 * runs WeasyPrint (pdf_renderer()), whose fontTools makes WOFF2, or
 * NULL; stop as for pdf_exec().  Adds the files it published to *files.  Returns 1, also when
 * fonts-noto-core is not installed (the site then falls back on the
 * reader's Thai fonts: a warning), or 0 on a publishing failure.
 */
int
fonts_publish(struct publish *pub, const char *py,
    volatile sig_atomic_t *stop, size_t *files)
{
	char	*src;
	size_t	 i;
	int	 there = access(licence, R_OK) == 0;

	for (i = 0; i < sizeof(fonts) / sizeof(fonts[0]) && there; i++) {
		src = xasprintf("%s%s.ttf", FONTDIR, fonts[i]);
		there = access(src, R_OK) == 0;
		free(src);
	}
	if (!there) {
		fprintf(stderr, _("prongsai: warning: the Thai font Noto Sans "
		    "Thai (Debian package fonts-noto-core) is not installed, so "
		    "the site is published without it and readers see their "
		    "own fonts\n"));
		return 1;
	}
	for (i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++) {
		if (!font_publish(pub, py, fonts[i], stop, files))
			return 0;
	}
	if (!publish_copy(pub, licence_rel, licence))
		return 0;
	(*files)++;
	return 1;
}
