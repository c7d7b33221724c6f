/* escape.c: every escaping rule of the output in one place: markup text and attributes, URL attributes, URLs, what XML 1.0 cannot hold, CSV fields. */
#include <stdlib.h>
#include <string.h>

#include "extern.h"

static const char hex[] = "0123456789ABCDEF";

/*
 * Append s escaped for markup: & < > and CR always, and for a
 * double-quoted attribute value (attr) also " newline and tab, as
 * libxml2's writers escape them.
 */
void
escape_markup(struct buf *b, const char *s, int attr)
{
	const char	*run = s;

	for (; *s != '\0'; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '\r': rep = "&#13;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		default: break;
		}
		if (rep == NULL)
			continue;
		buf_addn(b, run, (size_t)(s - run));
		buf_add(b, rep);
		run = s + 1;
	}
	buf_addn(b, run, (size_t)(s - run));
}

/*
 * A URL attribute as libxml2's HTML writer has always written ours:
 * leading blanks dropped, and every byte that is neither unreserved nor
 * one of @/:=?;#%&,+<> percent-encoded (so Thai owner names and spaces
 * reach the browser as a valid URL); the & < > it keeps are escaped,
 * in one pass with no copy.
 */
void
escape_url_attr(struct buf *b, const char *s)
{
	const char		*rep;
	unsigned char		 c;
	char			 pct[3];

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (; (c = (unsigned char)*s) != '\0'; s++) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-_.!~*'()@/:=?;#%,+",
		    c) != NULL) {
			buf_addn(b, s, 1);
			continue;
		}
		/* Kept as they are by the encoding, then escaped. */
		rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ?
		    "&gt;" : NULL;
		if (rep != NULL) {
			buf_add(b, rep);
			continue;
		}
		pct[0] = '%';
		pct[1] = hex[c >> 4];
		pct[2] = hex[c & 0xf];
		buf_addn(b, pct, 3);
	}
}

/* Bytes that may not appear as they are in a URL we publish. */
static int
unsafe_in_url(unsigned char c)
{
	return c <= 0x20 || c >= 0x7f || strchr("\"<>\\^`{|}", c) != NULL;
}

/*
 * A copy of the URL u with every non-ASCII byte, blank, control and
 * unsafe character percent-encoded (an IRI made a URI); existing
 * escapes and reserved characters are kept.  The caller frees it.
 */
char *
escape_url(const char *u)
{
	const unsigned char	*s;
	char			*out, *p;
	size_t			 n = 0;

	for (s = (const unsigned char *)u; *s != '\0'; s++)
		n += unsafe_in_url(*s) ? 3 : 1;
	out = p = xmalloc(n + 1);
	for (s = (const unsigned char *)u; *s != '\0'; s++) {
		if (unsafe_in_url(*s)) {
			*p++ = '%';
			*p++ = hex[*s >> 4];
			*p++ = hex[*s & 0xf];
		} else
			*p++ = (char)*s;
	}
	*p = '\0';
	return out;
}

/*
 * The length of the character at s if XML 1.0 cannot hold it (a control
 * character other than tab, newline and CR, or U+FFFE and U+FFFF), else 0.
 */
static size_t
xml_bad(const unsigned char *s)
{
	if (*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
		return 1;
	if (s[0] == 0xef && s[1] == 0xbf && (s[2] == 0xbe || s[2] == 0xbf))
		return 3;
	return 0;
}

/* A copy of text without the characters XML 1.0 cannot hold. */
char *
escape_xml_clean(const char *text)
{
	const unsigned char	*s = (const unsigned char *)text;
	char			*out = xmalloc(strlen(text) + 1), *p = out;
	size_t			 bad;

	while (*s != '\0')
		if ((bad = xml_bad(s)) > 0)
			s += bad;
		else
			*p++ = (char)*s++;
	*p = '\0';
	return out;
}

/*
 * Append s as the text of an XML element, as libxml2's xmlTextWriter
 * escapes it (& < > " and CR), without the characters XML 1.0 cannot
 * hold: one pass where escape_xml_clean() and the writer took two, and
 * the writer grew its copy a character at a time.
 */
void
escape_xml_text(struct buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s, *run = p;
	const char		*rep;
	size_t			 skip;

	for (;;) {
		while (*p >= 0x20 && *p != '&' && *p != '<' && *p != '>' &&
		    *p != '"' && *p != 0xef)
			p++;
		if (*p == '\0')
			break;
		rep = NULL;
		skip = 1;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\r': rep = "&#13;"; break;
		default:
			if ((skip = xml_bad(p)) == 0) {
				p++;
				continue;
			}
			break;
		}
		buf_addn(b, (const char *)run, (size_t)(p - run));
		if (rep != NULL)
			buf_add(b, rep);
		p += skip;
		run = p;
	}
	buf_addn(b, (const char *)run, (size_t)(p - run));
}

/*
 * Does the CSV cell s start a formula in a spreadsheet program?  Excel,
 * LibreOffice and Google Sheets read a cell starting with = + - @ as a
 * formula (=HYPERLINK(...) runs when the file is opened), and a leading
 * Tab or CR is dropped before they look (CSV injection, OWASP).  A plain
 * number such as -5 is no formula and stays a number.
 */
static int
csv_formula(const char *s)
{
	const char	*p;

	if (s[0] == '\0' || strchr("=+-@\t\r", s[0]) == NULL)
		return 0;
	if (s[0] != '-' || s[1] == '\0')
		return 1;
	for (p = s + 1; *p >= '0' && *p <= '9'; p++)
		continue;
	return p == s + 1 || *p != '\0';
}

/*
 * One CSV field per RFC 4180: quoted if it holds a comma, quote or line
 * break.  A cell that a spreadsheet would run as a formula gets a ' in
 * front, as OWASP advises, and is quoted; the JSON keeps the value as
 * it is, so only the CSV changes.
 */
void
escape_csv(struct buf *b, const char *s)
{
	size_t	 n;
	int	 formula = csv_formula(s);

	if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
		buf_add(b, s);
		return;
	}
	buf_add(b, formula ? "\"'" : "\"");
	while (*s != '\0') {
		n = strcspn(s, "\"");
		buf_addn(b, s, n);
		s += n;
		if (*s == '"') {
			buf_add(b, "\"\"");
			s++;
		}
	}
	buf_add(b, "\"");
}

/*
 * Text for a Markdown paragraph of an imported document: a backslash
 * before every ASCII character that could start markup, a link, an
 * entity or raw HTML, so the words show as they were written.  What
 * only matters at the start of a line (-, +, 1.) is the caller's.
 */
void
escape_md(struct buf *b, const char *s, size_t n)
{
	size_t	 i, run = 0;

	for (i = 0; i < n; i++) {
		if (strchr("\\`*_[]<>#|~&", s[i]) == NULL || s[i] == '\0')
			continue;
		buf_addn(b, s + run, i - run);
		buf_add(b, "\\");
		run = i;
	}
	buf_addn(b, s + run, n - run);
}

/* One YAML double-quoted scalar: " and \ escaped, control characters as \xNN. */
void
escape_yaml(struct buf *b, const char *s)
{
	char	 esc[8];

	buf_add(b, "\"");
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\') {
			esc[0] = '\\';
			esc[1] = *s;
			buf_addn(b, esc, 2);
		} else if ((unsigned char)*s < 0x20 || *s == 0x7f) {
			esc[0] = '\\';
			esc[1] = 'x';
			esc[2] = hex[(unsigned char)*s >> 4];
			esc[3] = hex[*s & 0xf];
			buf_addn(b, esc, 4);
		} else
			buf_addn(b, s, 1);
	}
	buf_add(b, "\"");
}
