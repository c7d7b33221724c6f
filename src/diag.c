/* diag.c: collects problems found in content; the only code that prints them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

static const char *const sevnames[] = {
	N_("warning"),	/* SEV_WARNING */
	N_("error")	/* SEV_ERROR */
};

static void
diag_addv(struct diags *d, const char *file, unsigned line, unsigned col,
    enum severity sev, const char *fmt, va_list ap)
{
	struct diag	*p;

	if (d->sz == d->max) {
		d->max = d->max ? d->max * 2 : 8;
		d->list = xreallocarray(d->list, d->max, sizeof(*d->list));
	}
	p = &d->list[d->sz++];
	p->file = xstrdup(file);
	p->line = line;
	p->col = col;
	p->sev = sev;
	p->msg = xvasprintf(fmt, ap);
	if (sev == SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
}

/*
 * Record one problem at file:line:col (line 0: the file as a whole).
 * The list owns copies of every string.
 */
void
diag_add(struct diags *d, const char *file, unsigned line, unsigned col,
    enum severity sev, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_addv(d, file, line, col, sev, fmt, ap);
	va_end(ap);
}

/* Move every problem of src to the end of dst, leaving src empty. */
void
diag_merge(struct diags *dst, struct diags *src)
{
	size_t	 i;

	for (i = 0; i < src->sz; i++) {
		if (dst->sz == dst->max) {
			dst->max = dst->max ? dst->max * 2 : 8;
			dst->list = xreallocarray(dst->list, dst->max,
			    sizeof(*dst->list));
		}
		dst->list[dst->sz++] = src->list[i];
	}
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	free(src->list);
	memset(src, 0, sizeof(*src));
}

static int
diag_before(const struct diag *a, const struct diag *b)
{
	return a->line < b->line || (a->line == b->line && a->col < b->col);
}

/*
 * Order problems by line and column, keeping the order of equal ones:
 * an editor reads a file top to bottom.  A merge sort, because content
 * decides how many there are (one owner listed 10,000 times is 10,000
 * warnings in one file).
 */
void
diag_sort(struct diags *d)
{
	struct diag	*a = d->list, *b, *t;
	size_t		 w, i, l, r, lend, rend, k;

	if (d->sz < 2)
		return;
	b = xcalloc(d->sz, sizeof(*b));
	for (w = 1; w < d->sz; w *= 2) {
		for (i = 0; i < d->sz; i += 2 * w) {
			l = i;
			lend = r = i + w < d->sz ? i + w : d->sz;
			rend = i + 2 * w < d->sz ? i + 2 * w : d->sz;
			for (k = i; k < rend; k++)
				if (l < lend && (r >= rend ||
				    !diag_before(&a[r], &a[l])))
					b[k] = a[l++];
				else
					b[k] = a[r++];
		}
		t = a;
		a = b;
		b = t;
	}
	if (a != d->list) {
		memcpy(d->list, a, d->sz * sizeof(*a));
		b = a;
	}
	free(b);
}

/* Print every problem GCC-style to f. */
void
diag_print(const struct diags *d, FILE *f)
{
	const struct diag	*p;
	size_t			 i;

	for (i = 0; i < d->sz; i++) {
		p = &d->list[i];
		if (p->line)
			fprintf(f, "%s:%u:%u: %s: %s\n", p->file, p->line,
			    p->col ? p->col : 1, _(sevnames[p->sev]), p->msg);
		else
			fprintf(f, "%s: %s: %s\n", p->file,
			    _(sevnames[p->sev]), p->msg);
	}
}

/* The one summary line after a check or a failed build. */
void
diag_summary(const struct diags *d, size_t files, FILE *f)
{
	/* Three counts, each with its own plural (Thai has none). */
	fprintf(f, ngettext("%zu file checked", "%zu files checked",
	    files), files);
	fputs(": ", f);
	fprintf(f, ngettext("%zu error", "%zu errors", d->errors),
	    d->errors);
	fputs(", ", f);
	fprintf(f, ngettext("%zu warning", "%zu warnings", d->warnings),
	    d->warnings);
	fputc('\n', f);
}

void
diag_free(struct diags *d)
{
	size_t	 i;

	for (i = 0; i < d->sz; i++) {
		free(d->list[i].file);
		free(d->list[i].msg);
	}
	free(d->list);
	memset(d, 0, sizeof(*d));
}
