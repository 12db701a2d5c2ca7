/* vercmp.c - vendor version order (vercmp.h). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "medsec/vercmp.h"

/* One part of a version: a run of digits, or a run of letters. */
struct part {
	const char *p;
	size_t n;
	int digits;
};

static const char *skip_prefix(const char *s)
{
	while (*s == ' ')
		s++;
	if ((s[0] == 'r' || s[0] == 'R') &&
	    strncasecmp(s, "rev.", 4) == 0) /* hot: test one byte first */
		return s + 4;
	if ((s[0] == 'v' || s[0] == 'V') && isdigit((unsigned char)s[1]))
		return s + 1;
	return s;
}

/* The next part at *s, skipping separators; 0 at the end. */
static int next_part(const char **s, struct part *out)
{
	const char *p = *s;

	while (*p && !isalnum((unsigned char)*p))
		p++;
	if (!*p)
		return 0;
	out->p = p;
	out->digits = isdigit((unsigned char)*p) != 0;
	while (*p && isalnum((unsigned char)*p) && (isdigit((unsigned char)*p) != 0) == out->digits)
		p++;
	out->n = (size_t)(p - out->p);
	*s = p;
	return 1;
}

static int is_prerelease(const struct part *x)
{
	/* Alphabetical is also their order. Single letters are not marks: 17.6.6a is a rebuild. */
	static const char *const marks[] = { "alpha", "beta", "pre", "rc" };

	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (x->n == strlen(marks[i]) && strncasecmp(x->p, marks[i], x->n) == 0)
			return 1;
	return 0;
}

static int cmp_digits(const struct part *x, const struct part *y)
{
	const char *a = x->p, *b = y->p;
	size_t na = x->n, nb = y->n;

	while (na > 1 && *a == '0') /* 15.02 = 15.2 */
		a++, na--;
	while (nb > 1 && *b == '0')
		b++, nb--;
	if (na != nb)
		return na < nb ? -1 : 1;
	return memcmp(a, b, na) < 0 ? -1 : memcmp(a, b, na) > 0;
}

static int cmp_letters(const struct part *x, const struct part *y)
{
	size_t n = x->n < y->n ? x->n : y->n;
	int c = strncasecmp(x->p, y->p, n);

	if (c)
		return c < 0 ? -1 : 1;
	return x->n == y->n ? 0 : x->n < y->n ? -1 : 1;
}

int vercmp(const char *a, const char *b)
{
	const char *pa = skip_prefix(a), *pb = skip_prefix(b);

	for (;;) {
		struct part x, y;
		int hx = next_part(&pa, &x), hy = next_part(&pb, &y), c;

		if (!hx && !hy)
			return 0;
		/* One ran out: a pre-release mark sorts before, anything else after. */
		if (!hx)
			return !y.digits && is_prerelease(&y) ? 1 : -1;
		if (!hy)
			return !x.digits && is_prerelease(&x) ? -1 : 1;
		if (x.digits != y.digits) {
			/* 1.0rc1 vs 1.0.1: a pre-release is older, other letters newer than numbers */
			const struct part *letters = x.digits ? &y : &x;
			int sign = x.digits ? 1 : -1;

			return is_prerelease(letters) ? sign : -sign;
		}
		c = x.digits ? cmp_digits(&x, &y) : cmp_letters(&x, &y);
		if (c)
			return c;
	}
}
