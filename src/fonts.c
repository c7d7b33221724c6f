/* fonts.c: the Thai font the default theme serves and prints with (Noto Sans Thai, SIL OFL 1.1), copied from Debian's fonts-noto-core at build time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

/*
 * Each file and where the site publishes it.  The font's licence goes
 * with it, as the OFL asks.  The theme's style sheets name these paths.
 */
static const struct {
	const char	*rel;
	const char	*src;
} fonts[] = {
	{ "static/fonts/NotoSansThai-Regular.ttf",
	  "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf" },
	{ "static/fonts/NotoSansThai-Bold.ttf",
	  "/usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf" },
	{ "static/fonts/COPYRIGHT.txt",
	  "/usr/share/doc/fonts-noto-core/copyright" },
};

/*
 * Add the font files to as (which must not hold them already).  Returns
 * 0 if the package is not installed: the site then falls back on the
 * reader's own Thai fonts, and the caller warns.
 */
int
fonts_assets(struct assets *as)
{
	size_t	 i;

	for (i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++)
		if (access(fonts[i].src, R_OK) != 0)
			return 0;
	for (i = 0; i < sizeof(fonts) / sizeof(fonts[0]); i++) {
		as->v = xgrow(as->v, as->sz, sizeof(*as->v));
		as->v[as->sz].rel = xstrdup(fonts[i].rel);
		as->v[as->sz++].src = xstrdup(fonts[i].src);
	}
	return 1;
}
