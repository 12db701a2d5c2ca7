/* text.c - display width of UTF-8 text on a terminal (text.h). */
#include <stddef.h>

#include "medsec/text.h"

/* Wide (two-column) ranges: CJK, kana, Hangul, full-width forms. Enough for our Japanese. */
static int wide(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t ms_display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;

	while (p && *p) {
		unsigned cp;
		int n;

		if (*p < 0x80) {
			cp = *p;
			n = 1;
		} else if ((*p & 0xE0) == 0xC0) {
			cp = *p & 0x1Fu;
			n = 2;
		} else if ((*p & 0xF0) == 0xE0) {
			cp = *p & 0x0Fu;
			n = 3;
		} else {
			cp = *p & 0x07u;
			n = 4;
		}
		for (int i = 1; i < n; i++) {
			if ((p[i] & 0xC0) != 0x80) {
				n = i;
				break;
			}
			cp = (cp << 6) | (p[i] & 0x3Fu);
		}
		p += n;
		w += wide(cp) ? 2 : 1;
	}
	return w;
}

const char *ms_read_digits(const char *s, int min, int max, int *out)
{
	int n = 0, v = 0;

	if (!s || max > 9)
		return NULL;
	while (n < max && s[n] >= '0' && s[n] <= '9')
		v = v * 10 + (s[n++] - '0');
	if (n < min)
		return NULL;
	*out = v;
	return s + n;
}

int ms_hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
