/* lang.c: chooses the language of messages (Thai or English) and binds the gettext catalog. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* The gettext text domain: locale/LANG/LC_MESSAGES/prongsai.mo. */
#define DOMAIN	"prongsai"

/* Does the environment ask for Thai, the way gettext itself reads it? */
static int
lang_env_thai(void)
{
	static const char *const vars[] = {
		"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", NULL
	};
	const char	*v;
	size_t		 i;

	for (i = 0; vars[i] != NULL; i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return strncmp(v, "th", 2) == 0;
	return 0;
}

/*
 * The site's own language (content/site.yaml under source), read
 * quietly: the real load reports its problems.  -1 if there is no
 * readable site.yaml.
 */
static int
lang_site(const char *source)
{
	struct config	 cfg;
	struct diags	 d;
	char		*path, *buf;
	size_t		 sz, bad, bom;
	int		 lang = -1;

	path = xasprintf("%s/content/site.yaml", source);
	if ((buf = file_read(path, &sz)) != NULL &&
	    utf8_valid(buf, sz, &bad)) {
		bom = sz >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
		memset(&d, 0, sizeof(d));
		config_load(&cfg, path, buf + bom, sz - bom, &d);
		lang = cfg.fmt.lang == LANG_EN ? LANG_EN : LANG_TH;
		config_free(&cfg);
		diag_free(&d);
	}
	free(buf);
	free(path);
	return lang;
}

/* "th" or "en" as a language; -1 for anything else. */
int
lang_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "th") == 0)
		return LANG_TH;
	if (strcmp(s, "en") == 0)
		return LANG_EN;
	return -1;
}

/*
 * Choose the language of every later message and bind the catalog:
 * the --lang value opt if not NULL, else PRONGSAI_LANG, else Thai if
 * the site under source (if not NULL) is in Thai or the environment
 * asks for Thai, else English.  May be called again once the options
 * are read.  Returns 0 if opt or PRONGSAI_LANG is neither th nor en
 * (nothing changed then).
 */
int
lang_init(const char *opt, const char *source)
{
	const char	*env = getenv("PRONGSAI_LANG");
	char		**dirs, *dir;
	int		 lang;

	if (opt != NULL)
		lang = lang_parse(opt);
	else if (env != NULL && *env != '\0')
		lang = lang_parse(env);
	else
		lang = (source != NULL && lang_site(source) == LANG_TH) ||
		    lang_env_thai() ? LANG_TH : LANG_EN;
	if (lang < 0)
		return 0;
	/*
	 * gettext reads LANGUAGE unless the messages locale is "C", and
	 * only C.UTF-8 is sure to exist; the other categories stay "C" so
	 * that numbers and sorting never depend on the machine.
	 */
	setenv("LANGUAGE", lang == LANG_TH ? "th" : "en", 1);
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		setlocale(LC_MESSAGES, "");
	/* Where the themes are: the source tree, then the installed data. */
	dirs = data_dirs(source != NULL ? source : ".");
	if ((dir = data_find(dirs, "locale/th/LC_MESSAGES/" DOMAIN
	    ".mo")) != NULL) {
		/* DIR/locale/th/LC_MESSAGES/prongsai.mo: keep DIR/locale. */
		dir[strlen(dir) - strlen("/th/LC_MESSAGES/" DOMAIN ".mo")] =
		    '\0';
		bindtextdomain(DOMAIN, dir);
		free(dir);
	}
	data_dirs_free(dirs);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
	return 1;
}
