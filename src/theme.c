/* theme.c: finds a theme, compiles its XSLT stylesheets once per build and applies them to page models (the only libxslt user). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/imports.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "extern.h"

/* Page types, each rendered by TYPE.xsl in the theme folder. */
static const char *const pagetypes[PAGE__MAX] = {
	"home", "year", "area", "measure", "owner", "owners", "page",
	"report", "404"
};

struct theme {
	char			*dir;		/* the theme folder */
	struct hash		 key;		/* every file of it, and our version */
	xsltStylesheetPtr	 xsl[PAGE__MAX];
	xmlDocPtr		 strings;
};

/* Collects libxml2/libxslt messages so they reach the editor once, with the file. */
struct errbuf {
	char	 msg[1024];
	size_t	 len;
};

static void
errbuf_add(void *ctx, const char *fmt, ...)
{
	struct errbuf	*e = ctx;
	va_list		 ap;
	int		 n;

	if (e->len + 1 >= sizeof(e->msg))
		return;
	va_start(ap, fmt);
	n = vsnprintf(e->msg + e->len, sizeof(e->msg) - e->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		e->len += (size_t)n < sizeof(e->msg) - e->len ?
		    (size_t)n : sizeof(e->msg) - e->len - 1;
}

static void
errbuf_report(struct errbuf *e, struct diags *d, const char *file,
    const char *what)
{
	while (e->len > 0 && (e->msg[e->len - 1] == '\n'))
		e->msg[--e->len] = '\0';
	diag_add(d, file, 0, 0, SEV_ERROR, "%s%s%s", what,
	    e->len ? ": " : "", e->msg);
}

const char *
page_type_name(enum pagetype t)
{
	return pagetypes[t];
}

/* Fingerprint every file under dir, in sorted order, into h. */
static void
hash_tree(struct hash *h, const char *dir)
{
	char		**names, *path, *buf;
	size_t		 i, sz, len;

	if ((names = dir_list(dir, &sz)) == NULL)
		return;
	for (i = 0; i < sz; i++) {
		path = path_join(dir, names[i]);
		hash_str(h, names[i]);
		if ((buf = file_read(path, &len)) != NULL) {
			hash_add(h, buf, len);
			free(buf);
		} else
			hash_tree(h, path);
		free(path);
		free(names[i]);
	}
	free(names);
}

/*
 * The program itself: a rebuilt prongsai may render the same model
 * differently even when VERSION did not change.
 */
static void
hash_exe(struct hash *h)
{
	char	*buf;
	size_t	 len;

	if ((buf = file_read("/proc/self/exe", &len)) != NULL) {
		hash_add(h, buf, len);
		free(buf);
	}
}

/* What a page depends on besides its model: the theme and Prongsai itself. */
const struct hash *
theme_key(const struct theme *t)
{
	return &t->key;
}

/*
 * Load the theme named name for the site at root: compile every
 * stylesheet and read the UI words for language lang.  Returns NULL
 * after adding errors to d.  Free with theme_free().
 */
struct theme *
theme_load(const char *root, const char *name, enum lang lang,
    struct diags *d)
{
	struct theme	*t;
	struct errbuf	 e;
	char		*sub, *path;
	int		 i;
	size_t		 errs = d->errors;

	/* Before any thread: the libraries set up global state once. */
	xmlInitParser();
	xsltInit();
	t = xcalloc(1, sizeof(*t));
	sub = xasprintf("themes/%s", name);
	t->dir = data_path(root, sub);
	free(sub);
	if (t->dir == NULL) {
		diag_add(d, "content/site.yaml", 0, 0, SEV_ERROR, "theme "
		    "'%s' not found in themes/ of the site or of Prongsai",
		    name);
		goto fail;
	}
	memset(&e, 0, sizeof(e));
	xmlSetGenericErrorFunc(&e, errbuf_add);
	xsltSetGenericErrorFunc(&e, errbuf_add);
	for (i = 0; i < PAGE__MAX; i++) {
		path = xasprintf("%s/%s.xsl", t->dir, pagetypes[i]);
		e.len = 0;
		e.msg[0] = '\0';
		t->xsl[i] = xsltParseStylesheetFile(BAD_CAST path);
		if (t->xsl[i] == NULL)
			errbuf_report(&e, d, path, "the stylesheet cannot be "
			    "used");
		free(path);
	}
	path = xasprintf("%s/strings/%s.xml", t->dir,
	    lang == LANG_TH ? "th" : "en");
	e.len = 0;
	e.msg[0] = '\0';
	if ((t->strings = xmlReadFile(path, NULL, XML_PARSE_NONET)) == NULL)
		errbuf_report(&e, d, path, "the theme's words cannot be read");
	free(path);
	xmlSetGenericErrorFunc(NULL, NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	hash_init(&t->key);
	hash_str(&t->key, "Prongsai " VERSION);
	hash_exe(&t->key);
	hash_tree(&t->key, t->dir);
	if (d->errors == errs)
		return t;
fail:
	theme_free(t);
	return NULL;
}

/* The theme's UI words document (owned by the theme). */
xmlDocPtr
theme_strings(const struct theme *t)
{
	return t->strings;
}

/* The names of the stylesheet for type (owned by the theme). */
xmlDictPtr
theme_dict(const struct theme *t, enum pagetype type)
{
	return t->xsl[type] != NULL ? t->xsl[type]->dict : NULL;
}

/* The theme's folder (owned by the theme). */
const char *
theme_dir(const struct theme *t)
{
	return t->dir;
}

/*
 * May Prongsai's own HTML writer (serialize.c) write the result res of
 * style?  Only for what it writes exactly as asked: the html method in
 * UTF-8, not indented, without a doctype of the theme's own.
 */
static int
plain_html(xsltStylesheetPtr style, xmlDocPtr res)
{
	const xmlChar	*enc, *pub, *sys;
	int		 indent;

	if (res->type != XML_HTML_DOCUMENT_NODE)
		return 0;
	XSLT_GET_IMPORT_PTR(enc, style, encoding);
	XSLT_GET_IMPORT_PTR(pub, style, doctypePublic);
	XSLT_GET_IMPORT_PTR(sys, style, doctypeSystem);
	XSLT_GET_IMPORT_INT(indent, style, indent);
	return (enc == NULL || strcasecmp((const char *)enc, "UTF-8") == 0) &&
	    pub == NULL && sys == NULL && indent == 0;
}

/* The result res as bytes in *out (of *len); 0 if libxslt failed. */
static int
result_bytes(xsltStylesheetPtr style, xmlDocPtr res, char **out,
    size_t *len)
{
	xmlChar			*buf = NULL;
	int			 n = 0, html;
	static const char	 doctype[] = "<!DOCTYPE html>\n";

	if (plain_html(style, res)) {
		*out = html_serialize(res, len);
		return 1;
	}
	if (xsltSaveResultToString(&buf, &n, res, style) != 0 || buf == NULL)
		return 0;
	/* libxslt's html method writes no doctype: HTML5 wants one. */
	html = res->type == XML_HTML_DOCUMENT_NODE &&
	    strncmp((char *)buf, "<!DOCTYPE", 9) != 0;
	*len = (size_t)n + (html ? sizeof(doctype) - 1 : 0);
	*out = xmalloc(*len + 1);
	if (html)
		memcpy(*out, doctype, sizeof(doctype) - 1);
	memcpy(*out + (html ? sizeof(doctype) - 1 : 0), buf, (size_t)n + 1);
	xmlFree(buf);
	return 1;
}

/*
 * Apply the stylesheet for type to a page model, which this frees.  On
 * success sets *out to a new buffer (free with free()) of *len bytes and
 * returns 1; on failure reports to d under the name file and returns 0.
 * Safe to call from several threads at once.
 */
int
theme_apply(const struct theme *t, enum pagetype type, xmlDocPtr model,
    const char *file, char **out, size_t *len, struct diags *d)
{
	xsltTransformContextPtr	 ctx;
	xmlDocPtr		 res;
	struct errbuf		 e;
	int			 ok = 0;

	memset(&e, 0, sizeof(e));
	if ((ctx = xsltNewTransformContext(t->xsl[type], model)) == NULL) {
		xmlFreeDoc(model);
		return 0;
	}
	xsltSetTransformErrorFunc(ctx, &e, errbuf_add);
	res = xsltApplyStylesheetUser(t->xsl[type], model, NULL, NULL, NULL,
	    ctx);
	ok = res != NULL && ctx->state == XSLT_STATE_OK;
	/*
	 * The model is done with before the result is written: on a report
	 * page both trees hold every measure's methods and results, and the
	 * text comes on top.
	 */
	xsltFreeTransformContext(ctx);
	xmlFreeDoc(model);
	if (!ok || !result_bytes(t->xsl[type], res, out, len)) {
		errbuf_report(&e, d, file, "the theme failed on this page");
		ok = 0;
	}
	if (res != NULL)
		xmlFreeDoc(res);
	return ok;
}

void
theme_free(struct theme *t)
{
	int	 i;

	if (t == NULL)
		return;
	for (i = 0; i < PAGE__MAX; i++)
		if (t->xsl[i] != NULL)
			xsltFreeStylesheet(t->xsl[i]);
	if (t->strings != NULL)
		xmlFreeDoc(t->strings);
	free(t->dir);
	free(t);
}
