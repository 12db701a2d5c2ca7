/* cpe.c - CPE 2.3 bindings and name matching (cpe.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "medsec/text.h"
#include "medsec/cpe.h"

/* Sets one attribute from its bound text; `fs` selects the formatted-string rules. */
static int set_value(struct cpe_value *v, const char *s, size_t n, int fs)
{
	size_t k = 0;

	memset(v, 0, sizeof(*v));
	if ((fs && n == 1 && s[0] == '*') || (!fs && n == 0)) {
		v->kind = CPE_ANY;
		return 0;
	}
	if (n == 1 && s[0] == '-') {
		v->kind = CPE_NA;
		return 0;
	}
	v->kind = CPE_STRING;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int wild = 0;

		if (k + 1 >= CPE_VALUE_MAX)
			return -1;
		if (fs && c == '\\') { /* a quoted character */
			if (++i >= n)
				return -1;
			c = (unsigned char)s[i];
		} else if (fs && (c == '*' || c == '?')) {
			wild = 1;             /* unquoted: a wildcard (NISTIR 7695 §5.3.2) */
		} else if (!fs && c == '%') { /* URI percent-encoding; %01 ? and %02 * */
			int hi = i + 2 < n ? ms_hex_value(s[i + 1]) : -1,
			    lo = hi < 0 ? -1 : ms_hex_value(s[i + 2]);

			if (lo < 0)
				return -1;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
			if (c == 1 || c == 2) {
				wild = 1;
				c = c == 1 ? '?' : '*';
			}
		} else if (fs && c == ':') {
			return -1;
		}
		/* Whatever way it was written, a value holds printable characters only. */
		if (!wild && (!isprint(c) || c == ' '))
			return -1;
		v->s[k] = (char)tolower(c);
		v->wild[k] = (unsigned char)wild;
		k++;
	}
	v->s[k] = '\0';
	/*
	 * NISTIR 7695 §5.3.2: wildcards only at the start or the end (an asterisk once there,
	 * question marks in a run), which also keeps matching linear.
	 */
	{
		size_t lead = 0, tail = 0;

		while (lead < k && v->wild[lead] && (v->s[lead] == '?' || lead == 0))
			lead++;
		while (tail < k - lead && v->wild[k - 1 - tail] &&
		       (v->s[k - 1 - tail] == '?' || tail == 0))
			tail++;
		for (size_t i = lead; i < k - tail; i++)
			if (v->wild[i])
				return -1;
		if ((lead > 1 && v->s[0] == '*') || (tail > 1 && v->s[k - 1] == '*'))
			return -1; /* "*?" and "?*" mix the two */
	}
	if (k == 1 && v->wild[0] && v->s[0] == '*')
		memset(v, 0, sizeof(*v)); /* a lone wildcard is ANY, however bound (URI %02) */
	return k ? 0 : -1;
}

static int parse_fs(const char *s, struct cpe *out)
{
	const char *p = s + 8; /* after "cpe:2.3:" */

	for (int a = 0; a < CPE__COUNT; a++) {
		const char *q = p;

		while (*q && *q != ':') { /* a backslash quotes the next character */
			if (*q == '\\' && q[1])
				q++;
			q++;
		}
		if (set_value(&out->v[a], p, (size_t)(q - p), 1) != 0)
			return -1;
		if (a < CPE__COUNT - 1) {
			if (*q != ':')
				return -1;
			p = q + 1;
		} else if (*q) {
			return -1;
		}
	}
	return 0;
}

static int parse_uri(const char *s, struct cpe *out)
{
	const char *p = s + 5; /* after "cpe:/" */
	int a;

	for (a = 0; a < CPE__COUNT; a++)
		out->v[a].kind = CPE_ANY;
	for (a = 0; a < 7 && *p; a++) {
		const char *q = strchr(p, ':');
		size_t n = q ? (size_t)(q - p) : strlen(p);

		if (a == CPE_EDITION && n && p[0] == '~') {
			/* Packed: ~edition~sw_edition~target_sw~target_hw~other (CPE 2.3 URIs). */
			static const int packed[] = { CPE_EDITION, CPE_SW_EDITION, CPE_TARGET_SW,
				                      CPE_TARGET_HW, CPE_OTHER };
			const char *f = p + 1;

			for (int k = 0; k < 5; k++) {
				const char *t = memchr(f, '~', (size_t)(p + n - f));
				size_t len = t ? (size_t)(t - f) : (size_t)(p + n - f);

				if ((k < 4 && !t) || (k == 4 && t))
					return -1;
				if (set_value(&out->v[packed[k]], f, len, 0) != 0)
					return -1;
				f += len + 1;
			}
		} else if (set_value(&out->v[a], p, n, 0) != 0) {
			return -1;
		}
		p += n + (q != NULL);
		if (!q)
			break;
	}
	if (*p)
		return -1;
	return 0;
}

int cpe_parse(const char *s, struct cpe *out)
{
	memset(out, 0, sizeof(*out));
	if (strlen(s) > 1500)
		return -1;
	if (strncasecmp(s, "cpe:2.3:", 8) == 0) {
		if (parse_fs(s, out) != 0)
			return -1;
	} else if (strncasecmp(s, "cpe:/", 5) == 0) {
		if (parse_uri(s, out) != 0)
			return -1;
	} else {
		return -1;
	}
	/* The part is one of a (application), o (operating system), h (hardware), or ANY. */
	if (out->v[CPE_PART].kind == CPE_STRING &&
	    (strlen(out->v[CPE_PART].s) != 1 || !strchr("aoh", out->v[CPE_PART].s[0])))
		return -1;
	return 0;
}

void cpe_format(const struct cpe *c, char *buf, unsigned long size)
{
	size_t n = (size_t)snprintf(buf, size, "cpe:2.3");

	for (int a = 0; a < CPE__COUNT && n < size; a++) {
		const struct cpe_value *v = &c->v[a];

		n += (size_t)snprintf(buf + n, size - n, ":");
		if (v->kind != CPE_STRING) {
			n += (size_t)snprintf(buf + n, size - n, "%s",
			                      v->kind == CPE_ANY ? "*" : "-");
			continue;
		}
		for (size_t i = 0; v->s[i] && n < size; i++) {
			unsigned char ch = (unsigned char)v->s[i];

			/*
			 * The formatted string leaves letters, digits and . - _ bare (NISTIR 7695
			 * §6.2), but a lone "-" would read back as NA.
			 */
			if (!v->wild[i] && !isalnum(ch) &&
			    (!strchr("._-", ch) || (ch == '-' && !v->s[1])))
				n += (size_t)snprintf(buf + n, size - n, "\\%c", ch);
			else
				n += (size_t)snprintf(buf + n, size - n, "%c", ch);
		}
	}
}

/* A value with wildcards (source) against a plain one (target), case already folded. */
static int wild_match(const struct cpe_value *src, size_t i, const char *t)
{
	for (; src->s[i]; i++, t++) {
		if (src->wild[i] && src->s[i] == '*') {
			for (const char *u = t;; u++) {
				if (wild_match(src, i + 1, u))
					return 1;
				if (!*u)
					return 0;
			}
		}
		if (!*t)
			return 0;
		if (!(src->wild[i] && src->s[i] == '?') && src->s[i] != *t)
			return 0;
	}
	return *t == '\0';
}

int cpe_matches(const struct cpe *source, const struct cpe *target)
{
	for (int a = 0; a < CPE__COUNT; a++) {
		const struct cpe_value *s = &source->v[a], *t = &target->v[a];

		if (s->kind == CPE_ANY)
			continue; /* SUPERSET or EQUAL */
		if (s->kind == CPE_NA) {
			if (t->kind != CPE_NA)
				return 0;
			continue;
		}
		if (t->kind != CPE_STRING || !wild_match(s, 0, t->s))
			return 0; /* a value never covers ANY or NA */
	}
	return 1;
}
