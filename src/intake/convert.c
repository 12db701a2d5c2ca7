/* convert.c - typed values from typed-in text (convert.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intake/convert.h"
#include "medsec/text.h"

static int is_blank_at(const unsigned char *p, size_t *len)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
		*len = 1;
		return 1;
	}
	if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) { /* U+3000 ideographic space */
		*len = 3;
		return 1;
	}
	return 0;
}

/* Rewrites s: full-width ASCII (U+FF01..FF5E) to ASCII; optionally drops blanks. */
static void fold(char *s, int drop_blanks)
{
	unsigned char *r = (unsigned char *)s, *w = (unsigned char *)s;
	size_t n;

	while (*r) {
		if (drop_blanks && is_blank_at(r, &n)) {
			r += n;
		} else if (r[0] == 0xEF && (r[1] == 0xBC || r[1] == 0xBD) && r[2] >= 0x80 &&
		           r[2] <= 0xBF) {
			unsigned cp = ((r[1] & 0x3Fu) << 6) | (r[2] & 0x3Fu); /* low 12 bits */
			unsigned full = 0xF000 | cp;

			if (full >= 0xFF01 && full <= 0xFF5E) {
				*w++ = (unsigned char)(full - 0xFF01 + 0x21);
				r += 3;
			} else {
				*w++ = *r++;
			}
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

static void trim(char *s)
{
	unsigned char *p = (unsigned char *)s;
	size_t n, len;

	while (*p && is_blank_at(p, &n))
		p += n;
	memmove(s, p, strlen((char *)p) + 1);
	len = strlen(s);
	for (;;) {
		if (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
		            s[len - 1] == '\r'))
			len--;
		else if (len >= 3 && (unsigned char)s[len - 3] == 0xE3 &&
		         (unsigned char)s[len - 2] == 0x80 && (unsigned char)s[len - 1] == 0x80)
			len -= 3;
		else
			break;
		s[len] = '\0';
	}
}

char *intake_fold(char *s)
{
	fold(s, 0);
	trim(s);
	return s;
}

char *intake_fold_header(char *s)
{
	char *p;

	fold(s, 1);
	while ((p = strstr(s, "(*)")) != NULL)
		memmove(p, p + 3, strlen(p + 3) + 1);
	while ((p = strstr(s, "※")) != NULL)
		memmove(p, p + 3, strlen(p + 3) + 1);
	return s;
}

int intake_parse_int(const char *s)
{
	static const char *const prefixes[] = { "回線", "端末", "No.", "NO.", "no.", "No", "#" };
	long v = 0;

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);

		if (strncmp(s, prefixes[i], n) == 0) {
			s += n;
			break;
		}
	}
	while (*s == ' ')
		s++;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 999999)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return (int)v;
}

const char *intake_choices(const struct model_enum *set)
{
	static char buf[512];
	size_t len = 0;

	buf[0] = '\0';
	for (; set->key && len < sizeof(buf); set++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s", len ? " / " : "",
		                        set->ja);
	return buf;
}

/* Accepts YYYY-MM-DD, YYYY/MM/DD and a date cell's "YYYY-MM-DD HH:MM:SS"; writes YYYY-MM-DD. */
static int parse_date(const char *s, char out[40])
{
	int y, m, d;
	char sep;
	const char *p = s;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	/* Month and day of one or two digits, one separator used twice. */
	if (!(p = ms_read_digits(p, 4, 4, &y)) || ((sep = *p) != '-' && sep != '/') ||
	    !(p = ms_read_digits(p + 1, 1, 2, &m)) || *p != sep ||
	    !(p = ms_read_digits(p + 1, 1, 2, &d)))
		return -1;
	if (*p && *p != ' ')
		return -1;
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return -1;
	snprintf(out, 40, "%04d-%02d-%02d", y, m, d);
	return 0;
}

static void complain(struct intake_doc *doc, void *record, int field, enum msg_id msg,
                     const char *text, const char *arg, struct ms_diags *d)
{
	char where[1024];

	intake_where(doc, intake_fields[field].rec, record, field, where, sizeof(where));
	ms_diags_add(d, MS_DIAG_ERROR, msg, where, text, arg);
}

int intake_convert(struct intake_doc *doc, void *record, int field, const char *text,
                   struct ms_diags *d)
{
	const struct intake_field *f = &intake_fields[field];
	char *s = ms_xstrdup(text ? text : "");
	const struct model_enum *e;
	char date[40];
	int rc = 0, v;

	if (f->type != FT_TEXT || (f->flags & F_PREFIX))
		intake_fold(s);
	else
		trim(s);
	if (!*s)
		goto out;
	switch (f->type) {
	case FT_TEXT: *field_text(record, f) = ms_arena_strdup(&doc->arena, s); break;
	case FT_INT:
		v = intake_parse_int(s);
		if (v < 0) {
			complain(doc, record, field, MSG_BAD_INT, text, NULL, d);
			rc = -1;
		} else {
			*field_int(record, f) = v;
		}
		break;
	case FT_BOOL:
	case FT_ENUM:
		e = model_enum_by_text(f->set, s);
		if (!e) {
			complain(doc, record, field, MSG_BAD_CHOICE, text, intake_choices(f->set),
			         d);
			rc = -1;
		} else {
			*field_int(record, f) = e->value;
		}
		break;
	case FT_DATE:
		if (parse_date(s, date) != 0) {
			complain(doc, record, field, MSG_BAD_DATE, text, NULL, d);
			rc = -1;
		} else {
			*field_text(record, f) = ms_arena_strdup(&doc->arena, date);
		}
		break;
	}
out:
	free(s);
	return rc;
}
