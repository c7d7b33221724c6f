/* config.c: reads content/site.yaml into struct config, with defaults and required keys. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

static const char *const knownkeys[] = {
	"title", "organization", "base_url", "language", "digits", "era",
	"description", "current_year", "feed_limit", "theme", "unsafe_html",
	"menu", NULL
};
static const char *const menukeys[] = { "title", "url", NULL };

/* Read one of a few words; 1 on success. */
static int
field_enum(const struct fctx *c, const struct ynode *n, const char *f,
    const char *const *words, int *out)
{
	int	 i;

	if (n->type == Y_SCALAR)
		for (i = 0; words[i] != NULL; i++)
			if (strcasecmp(n->value, words[i]) == 0) {
				*out = i;
				return 1;
			}
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    _("'%s' must be %s or %s"), f, words[0], words[1]);
	return 0;
}

/* base_url: absolute http(s), normalised to end in '/'. */
static int
config_base_url(const struct fctx *c, const struct ynode *n, char **out)
{
	char	*u;
	size_t	 len;

	const char	*host, *p;
	size_t		 hostlen;

	if (!field_str(c, n, "base_url", &u))
		return 0;
	host = strstr(u, "://");
	hostlen = host != NULL ? strcspn(host + 3, "/") : 0;
	for (p = u; *p != '\0' && (unsigned char)*p > 0x20 && *p != 0x7f;
	    p++)
		continue;
	/*
	 * It is written into every page's canonical link and every feed:
	 * no blank or control character, nothing that ends an attribute,
	 * no query or fragment, and no user:password@ before the host.
	 */
	if ((strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0)
	    || *p != '\0' || strpbrk(u, "\"<>'\\?#`{}|^") != NULL ||
	    hostlen == 0 || memchr(host + 3, '@', hostlen) != NULL ||
	    host[3 + hostlen - 1] == ':' || host[3] == ':') {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'base_url' must be the site's full address, such as "
		    "https://www.example.go.th/ita/ (no spaces, line breaks, "
		    "user name or password)"));
		free(u);
		return 0;
	}
	len = strlen(u);
	if (u[len - 1] != '/') {
		*out = xasprintf("%s/", u);
		free(u);
	} else
		*out = u;
	return 1;
}

/* Replace the base URL (from --base-url); 0 if u is not a full address. */
int
config_set_base_url(struct config *cfg, const char *u)
{
	struct ynode	 n;
	struct diags	 d;
	struct fctx	 c = { "--base-url", 0, &d };
	char		*v;

	memset(&n, 0, sizeof(n));
	memset(&d, 0, sizeof(d));
	n.type = Y_SCALAR;
	n.value = (char *)u;
	if (!config_base_url(&c, &n, &v)) {
		diag_free(&d);
		return 0;
	}
	free(cfg->base_url);
	cfg->base_url = v;
	return 1;
}

static int
config_theme(const struct fctx *c, const struct ynode *n, char **out)
{
	const char	*p;

	if (!field_str(c, n, "theme", out))
		return 0;
	for (p = *out; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
			break;
	if (*p == '\0' && **out != '-')
		return 1;
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    _("'theme' must be the name of a folder in themes/, such as "
	    "default"));
	free(*out);
	*out = NULL;
	return 0;
}

/* A menu link goes to a page of the site (/about/) or an http(s) address. */
static int
menu_url_ok(const struct fctx *c, const struct ynode *n, const char *u)
{
	if (((u[0] == '/' && u[1] != '/') || strncasecmp(u, "https://", 8)
	    == 0 || strncasecmp(u, "http://", 7) == 0) &&
	    strpbrk(u, " \t\r\n\"<>\\") == NULL)
		return 1;
	diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
	    _("menu url \"%s\" is not allowed: use a page of this site such "
	    "as /about/, or an https:// address"), u);
	return 0;
}

static int
config_menu(const struct fctx *c, const struct ynode *n, struct config *cfg)
{
	struct ynode	*t, *u;
	size_t		 i;
	int		 ok = 1;

	if (n->type != Y_SEQ) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'menu' must be a list of entries with title and url"));
		return 0;
	}
	cfg->menu = xcalloc(n->kidsz, sizeof(*cfg->menu));
	for (i = 0; i < n->kidsz; i++) {
		if (!field_keys(c, n->kids[i], _("each menu entry"), menukeys)) {
			ok = 0;
			continue;
		}
		t = ymap_get(n->kids[i], "title");
		u = ymap_get(n->kids[i], "url");
		if (t == NULL || u == NULL) {
			field_missing(c, n->kids[i], t ? "url" : "title");
			ok = 0;
			continue;
		}
		if (field_str(c, t, "title", &cfg->menu[cfg->menusz].title) &&
		    field_str(c, u, "url", &cfg->menu[cfg->menusz].url) &&
		    menu_url_ok(c, u, cfg->menu[cfg->menusz].url)) {
			cfg->menu[cfg->menusz].pos = u->pos;
			cfg->menusz++;
		} else {
			free(cfg->menu[cfg->menusz].title);
			free(cfg->menu[cfg->menusz].url);
			cfg->menu[cfg->menusz].title = NULL;
			cfg->menu[cfg->menusz].url = NULL;
			ok = 0;
		}
	}
	return ok;
}

/* Defaults for every setting, with the required ones unset. */
void
config_init(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->fmt.lang = LANG_TH;
	cfg->fmt.digits = DIGITS_THAI;
	cfg->fmt.era = ERA_BE;
	cfg->feed_limit = 50;
}

static void
config_fields(const struct fctx *c, const struct ynode *root,
    struct config *cfg)
{
	static const char *const langs[] = { "th", "en", NULL };
	static const char *const digits[] = { "thai", "arabic", NULL };
	static const char *const eras[] = { "be", "ce", NULL };
	struct ynode	*v;
	int		 i;

	if ((v = ymap_get(root, "title")) != NULL)
		field_str(c, v, "title", &cfg->title);
	if ((v = ymap_get(root, "organization")) != NULL)
		field_str(c, v, "organization", &cfg->organization);
	if ((v = ymap_get(root, "base_url")) != NULL)
		config_base_url(c, v, &cfg->base_url);
	if ((v = ymap_get(root, "description")) != NULL)
		field_str(c, v, "description", &cfg->description);
	if ((v = ymap_get(root, "language")) != NULL &&
	    field_enum(c, v, "language", langs, &i)) {
		cfg->fmt.lang = (enum lang)i;
		if (i == LANG_EN && ymap_get(root, "digits") == NULL)
			cfg->fmt.digits = DIGITS_ARABIC;
	}
	if ((v = ymap_get(root, "digits")) != NULL &&
	    field_enum(c, v, "digits", digits, &i))
		cfg->fmt.digits = (enum digits)i;
	if ((v = ymap_get(root, "era")) != NULL &&
	    field_enum(c, v, "era", eras, &i))
		cfg->fmt.era = (enum era)i;
	if ((v = ymap_get(root, "current_year")) != NULL)
		field_int(c, v, "current_year", 2500, 2700, &cfg->current_year);
	if ((v = ymap_get(root, "feed_limit")) != NULL)
		field_int(c, v, "feed_limit", 1, 10000, &cfg->feed_limit);
	if ((v = ymap_get(root, "theme")) != NULL)
		config_theme(c, v, &cfg->theme);
	if ((v = ymap_get(root, "unsafe_html")) != NULL)
		field_bool(c, v, "unsafe_html", &cfg->unsafe_html);
	if ((v = ymap_get(root, "menu")) != NULL)
		config_menu(c, v, cfg);
}

/*
 * Read site.yaml text (valid UTF-8, BOM skipped) from buf into cfg.
 * file is the path shown in diagnostics.  Returns 1 if usable, 0 after
 * adding errors to d; cfg is always safe to pass to config_free().
 */
int
config_load(struct config *cfg, const char *file, const char *buf,
    size_t sz, struct diags *d)
{
	static const char *const req[] = {
		"title", "organization", "base_url", NULL
	};
	struct fctx	 c = { file, 1, d };
	struct ynode	*root;
	size_t		 i, errs = d->errors;

	config_init(cfg);
	if ((root = yaml_load(buf, sz, file, 1, d)) == NULL)
		return 0;
	if (field_keys(&c, root, "site.yaml", knownkeys)) {
		for (i = 0; req[i] != NULL; i++)
			if (ymap_get(root, req[i]) == NULL)
				field_missing(&c, root, req[i]);
		config_fields(&c, root, cfg);
	}
	ynode_free(root);
	if (cfg->theme == NULL)
		cfg->theme = xstrdup("default");
	return d->errors == errs;
}

void
config_free(struct config *cfg)
{
	size_t	 i;

	free(cfg->title);
	free(cfg->organization);
	free(cfg->base_url);
	free(cfg->description);
	free(cfg->theme);
	for (i = 0; i < cfg->menusz; i++) {
		free(cfg->menu[i].title);
		free(cfg->menu[i].url);
	}
	free(cfg->menu);
	memset(cfg, 0, sizeof(*cfg));
}
