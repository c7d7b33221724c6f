/* config.c: reads content/site.yaml into struct config, with defaults and required keys. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

static const char *const knownkeys[] = {
	"title", "organization", "base_url", "language", "digits", "era",
	"description", "current_year", "feed_limit", "list_size", "report_size",
	"theme", "unsafe_html",
	"menu", "logo", "main_site", "contact", "colors", "policies", "words",
	NULL
};
static const char *const menukeys[] = { "title", "url", NULL };
static const char *const logokeys[] = { "file", "alt", NULL };
static const char *const contactkeys[] = {
	"address", "phone", "email", "hours", NULL
};
static const char *const colorkeys[] = { "primary", NULL };

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

/* A list of links (menu, policies): title and url each. */
static int
config_links(const struct fctx *c, const struct ynode *n, const char *key,
    struct menuitem **list, size_t *listsz)
{
	struct menuitem	*menu;
	struct ynode	*t, *u;
	size_t		 i, menusz = 0;
	int		 ok = 1;

	if (n->type != Y_SEQ) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'%s' must be a list of entries with title and url"),
		    key);
		return 0;
	}
	menu = *list = xcalloc(n->kidsz ? n->kidsz : 1, sizeof(*menu));
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
		if (field_str(c, t, "title", &menu[menusz].title) &&
		    field_str(c, u, "url", &menu[menusz].url) &&
		    menu_url_ok(c, u, menu[menusz].url)) {
			menu[menusz].pos = u->pos;
			menusz++;
		} else {
			free(menu[menusz].title);
			free(menu[menusz].url);
			menu[menusz].title = NULL;
			menu[menusz].url = NULL;
			ok = 0;
		}
	}
	*listsz = menusz;
	return ok;
}

static int
config_menu(const struct fctx *c, const struct ynode *n, struct config *cfg)
{
	return config_links(c, n, "menu", &cfg->menu, &cfg->menusz);
}

/* An optional text of a map, e.g. contact: phone. */
static void
map_str(const struct fctx *c, const struct ynode *map, const char *key,
    char **out)
{
	struct ynode	*v;

	if ((v = ymap_get(map, key)) != NULL)
		field_str(c, v, key, out);
}

/*
 * logo: file and alt.  The file is a path in the published site, so
 * the theme links it as it is: files/NAME (from content/files/) or
 * static/NAME (the theme's).  build.c checks that it is there.
 */
static void
config_logo(const struct fctx *c, const struct ynode *n, struct identity *id)
{
	struct ynode	*f, *a;
	const char	*ext;

	if (!field_keys(c, n, "'logo'", logokeys))
		return;
	f = ymap_get(n, "file");
	a = ymap_get(n, "alt");
	if (f == NULL || a == NULL) {
		field_missing(c, n, f == NULL ? "logo: file" : "logo: alt");
		return;
	}
	if (!field_str(c, f, "file", &id->logo) ||
	    !field_str(c, a, "alt", &id->logo_alt))
		return;
	id->logo_pos = f->pos;
	ext = strrchr(id->logo, '.');
	if ((strncmp(id->logo, "files/", 6) != 0 &&
	    strncmp(id->logo, "static/", 7) != 0) ||
	    strstr(id->logo, "..") != NULL ||
	    strpbrk(id->logo, " \t\"<>\\?#") != NULL || ext == NULL ||
	    (strcasecmp(ext, ".svg") != 0 && strcasecmp(ext, ".png") != 0)) {
		diag_add(c->d, c->file, f->pos.line, f->pos.col, SEV_ERROR,
		    _("the logo must be an SVG or PNG file in content/files/ "
		    "or in the theme's static/ folder, written as "
		    "files/logo.svg or static/logo.png"));
		free(id->logo);
		id->logo = NULL;
	}
}

/* main_site: the agency's own website, linked from every page's header. */
static void
config_main_site(const struct fctx *c, const struct ynode *n,
    struct identity *id)
{
	struct ynode	*t, *u;

	if (!field_keys(c, n, "'main_site'", menukeys))
		return;
	t = ymap_get(n, "title");
	u = ymap_get(n, "url");
	if (t == NULL || u == NULL) {
		field_missing(c, n, t == NULL ? "main_site: title" :
		    "main_site: url");
		return;
	}
	if (!field_str(c, t, "title", &id->main_site.title) ||
	    !field_str(c, u, "url", &id->main_site.url))
		return;
	if ((strncasecmp(id->main_site.url, "https://", 8) != 0 &&
	    strncasecmp(id->main_site.url, "http://", 7) != 0) ||
	    strpbrk(id->main_site.url, " \t\r\n\"<>\\") != NULL) {
		diag_add(c->d, c->file, u->pos.line, u->pos.col, SEV_ERROR,
		    _("main_site url \"%s\" must be the agency's full web "
		    "address, such as https://www.example.go.th/"),
		    id->main_site.url);
		free(id->main_site.url);
		id->main_site.url = NULL;
	}
}

/* contact: address, phone, email and office hours, each optional. */
static void
config_contact(const struct fctx *c, const struct ynode *n,
    struct identity *id)
{
	struct ynode	*v;
	const char	*at;

	if (!field_keys(c, n, "'contact'", contactkeys))
		return;
	map_str(c, n, "address", &id->address);
	map_str(c, n, "phone", &id->phone);
	map_str(c, n, "hours", &id->hours);
	if ((v = ymap_get(n, "email")) == NULL ||
	    !field_str(c, v, "email", &id->email))
		return;
	at = strchr(id->email, '@');
	if (at == NULL || at == id->email || strchr(at + 1, '.') == NULL ||
	    strpbrk(id->email, " \t\r\n\"<>\\,;:?") != NULL) {
		diag_add(c->d, c->file, v->pos.line, v->pos.col, SEV_ERROR,
		    _("\"%s\" is not an e-mail address; write it like "
		    "saraban@example.go.th"), id->email);
		free(id->email);
		id->email = NULL;
	}
}

/* WCAG 2.1's relative luminance of a colour, 0 to 1. */
static double
luminance(const struct rgb *c)
{
	const int	 v[3] = { c->r, c->g, c->b };
	const double	 w[3] = { 0.2126, 0.7152, 0.0722 };
	double		 l = 0, x;
	int		 i;

	for (i = 0; i < 3; i++) {
		x = v[i] / 255.0;
		x = x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
		l += w[i] * x;
	}
	return l;
}

/* WCAG 2.1's contrast ratio of two colours (1 to 21). */
static double
config_contrast(const struct rgb *a, const struct rgb *b)
{
	double	 x = luminance(a), y = luminance(b);

	return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

/*
 * colors: primary, as #RRGGBB.  The theme puts white text on it (the
 * header, buttons) and uses it for links on the pale page background,
 * so it must reach WCAG AA's 4.5:1 against that background (and so
 * against white); the navigation is the same colour darkened, which
 * only raises its contrast.
 */
static void
config_colors(const struct fctx *c, const struct ynode *n,
    struct identity *id)
{
	static const struct rgb	 page = { 0xf3, 0xf6, 0xf9 };
	struct ynode		*v;
	unsigned		 r, g, b;
	double			 k;
	int			 len;

	if (!field_keys(c, n, "'colors'", colorkeys))
		return;
	if ((v = ymap_get(n, "primary")) == NULL) {
		field_missing(c, n, "colors: primary");
		return;
	}
	if (v->type != Y_SCALAR || sscanf(v->value, "#%2x%2x%2x%n", &r, &g,
	    &b, &len) != 3 || len != 7 || v->value[len] != '\0') {
		diag_add(c->d, c->file, v->pos.line, v->pos.col, SEV_ERROR,
		    _("colors: primary must be a colour written as #RRGGBB "
		    "in quotes, such as \"#0b3a66\""));
		return;
	}
	id->primary = (struct rgb){ (int)r, (int)g, (int)b };
	if ((k = config_contrast(&id->primary, &page)) < 4.5) {
		diag_add(c->d, c->file, v->pos.line, v->pos.col, SEV_ERROR,
		    _("the colour %s is too light: white text on it, and "
		    "links in it, have a contrast of %.1f:1, and at least "
		    "4.5:1 is needed for people with weak sight (WCAG AA); "
		    "choose a darker colour, such as #0b3a66"), v->value, k);
		return;
	}
	id->dark = (struct rgb){ id->primary.r * 3 / 4,
	    id->primary.g * 3 / 4, id->primary.b * 3 / 4 };
	id->has_colors = 1;
}

static void
config_identity(const struct fctx *c, const struct ynode *root,
    struct identity *id)
{
	struct ynode	*v;

	if ((v = ymap_get(root, "logo")) != NULL)
		config_logo(c, v, id);
	if ((v = ymap_get(root, "main_site")) != NULL)
		config_main_site(c, v, id);
	if ((v = ymap_get(root, "contact")) != NULL)
		config_contact(c, v, id);
	if ((v = ymap_get(root, "colors")) != NULL)
		config_colors(c, v, id);
	if ((v = ymap_get(root, "policies")) != NULL)
		config_links(c, v, "policies", &id->policies,
		    &id->policiesz);
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
	cfg->list_size = 100;
	cfg->report_size = 500;
}

/* The most characters a word of 'words' may have (wordbreak.c keeps it whole). */
#define WORD_MAX	20

/*
 * words: the editors' own words (names of places, projects) that lines
 * must not break inside: a list of Thai words, each without spaces.
 */
static void
config_words(const struct fctx *c, const struct ynode *n, struct config *cfg)
{
	const struct ynode	*k;
	const char		*p;
	unsigned		 ch;
	size_t			 i, len, chars;
	char			*w;

	if (n->type != Y_SEQ) {
		diag_add(c->d, c->file, n->pos.line, n->pos.col, SEV_ERROR,
		    _("'words' must be a list of Thai words, one a line "
		    "starting with '- '"));
		return;
	}
	for (i = 0; i < n->kidsz; i++) {
		k = n->kids[i];
		if (!field_str(c, k, "words", &w))
			continue;
		for (p = w, chars = 0; *p != '\0'; p += len, chars++) {
			len = text_char(p, &ch);
			if (ch < 0x0e01 || ch > 0x0e4f)
				break;
		}
		if (*p != '\0') {
			diag_add(c->d, c->file, k->pos.line, k->pos.col,
			    SEV_ERROR, _("'%s' in 'words' must be one Thai word, "
			    "without spaces, digits or other letters, such as "
			    "ทุ่งลูกนก"), w);
			free(w);
			continue;
		}
		if (chars > WORD_MAX) {
			diag_add(c->d, c->file, k->pos.line, k->pos.col,
			    SEV_ERROR, _("'%s' in 'words' is %zu characters "
			    "long, more than %d: a word that long would not fit "
			    "a phone's line; list only the name that must not "
			    "be broken"), w, chars, WORD_MAX);
			free(w);
			continue;
		}
		cfg->words = xgrow(cfg->words, cfg->wordsz,
		    sizeof(*cfg->words));
		cfg->words[cfg->wordsz++] = w;
	}
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
	if ((v = ymap_get(root, "list_size")) != NULL)
		field_int(c, v, "list_size", 0, 100000, &cfg->list_size);
	if ((v = ymap_get(root, "report_size")) != NULL)
		field_int(c, v, "report_size", 0, 100000, &cfg->report_size);
	if ((v = ymap_get(root, "theme")) != NULL)
		config_theme(c, v, &cfg->theme);
	if ((v = ymap_get(root, "unsafe_html")) != NULL)
		field_bool(c, v, "unsafe_html", &cfg->unsafe_html);
	if ((v = ymap_get(root, "menu")) != NULL)
		config_menu(c, v, cfg);
	config_identity(c, root, &cfg->id);
	if ((v = ymap_get(root, "words")) != NULL)
		config_words(c, v, cfg);
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
	free(cfg->id.logo);
	free(cfg->id.logo_alt);
	free(cfg->id.main_site.title);
	free(cfg->id.main_site.url);
	free(cfg->id.address);
	free(cfg->id.phone);
	free(cfg->id.email);
	free(cfg->id.hours);
	for (i = 0; i < cfg->id.policiesz; i++) {
		free(cfg->id.policies[i].title);
		free(cfg->id.policies[i].url);
	}
	free(cfg->id.policies);
	for (i = 0; i < cfg->wordsz; i++)
		free(cfg->words[i]);
	free(cfg->words);
	memset(cfg, 0, sizeof(*cfg));
}
