/*
 * favicon.c - the favicon hash search engines index a web UI's icon by
 * (blog.shodan.io, "Deep Dive: http.favicon"): MurmurHash3 x86_32, seed 0,
 * of the icon's base64 text with a newline after every 76 characters and at
 * the end (Python's base64.encodebytes), read as a signed 32-bit number.
 * The same icon hashes the same on every device that ships it, so a hash
 * names the product where the page itself says nothing. A text answer (a
 * site that answers every path with the same page) is no icon.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <murmurhash.h>
#include <openssl/evp.h>

#include "medsec/mem.h"
#include "probe/probe_int.h"

/*
 * The value of the header line "name: value" in h[0..n) (case-blind), copied
 * without leading blanks into out; 1, or 0 if there is no such line.
 */
static int header(const char *h, size_t n, const char *name, char *out, size_t size)
{
	size_t k = strlen(name), o = 0;

	for (size_t i = 0; i + k + 1 < n; i++) {
		if ((i && h[i - 1] != '\n') || strncasecmp(h + i, name, k) != 0 || h[i + k] != ':')
			continue;
		for (i += k + 1; i < n && (h[i] == ' ' || h[i] == '\t'); i++)
			;
		for (; i < n && h[i] != '\r' && h[i] != '\n' && o + 1 < size; i++)
			out[o++] = h[i];
		out[o] = '\0';
		return 1;
	}
	return 0;
}

/* Chunked transfer coding (RFC 9112 §7.1) undone in place; the body's length, or -1. */
static long unchunk(unsigned char *p, size_t n)
{
	size_t in = 0, out = 0;

	for (;;) {
		char *end;
		unsigned long k;
		if (in >= n)
			return -1;
		k = strtoul((const char *)p + in, &end, 16);
		if (end == (char *)p + in)
			return -1;
		unsigned char *eol = memchr(p + in, '\n', n - in);
		if (!eol)
			return -1;
		in = (size_t)(eol - p) + 1;
		if (k == 0)
			return (long)out;
		if (k > n - in)
			return -1;
		memmove(p + out, p + in, k);
		out += k;
		in += k;
		if (in < n && p[in] == '\r')
			in++;
		if (in < n && p[in] == '\n')
			in++;
	}
}

int probe_favicon_hash(const unsigned char *reply, size_t n, int32_t *out)
{
	char v[64];
	size_t head, body, i;
	unsigned char *copy, *b64;
	size_t o = 0;
	uint32_t h;
	long len;

	if (n < 12 || memcmp(reply, "HTTP/1.", 7) != 0 || memcmp(reply + 8, " 200", 4) != 0)
		return 0;
	for (i = 0; i + 4 <= n && memcmp(reply + i, "\r\n\r\n", 4) != 0; i++)
		;
	if (i + 4 > n)
		return 0;
	head = i + 2; /* the header lines with their last CRLF */
	if (header((const char *)reply, head, "Content-Type", v, sizeof(v)) &&
	    strncasecmp(v, "text/", 5) == 0)
		return 0;
	body = n - head - 2;
	copy = ms_xmalloc(body + 1);
	memcpy(copy, reply + head + 2, body);
	copy[body] = '\0'; /* strtoul in unchunk stops here */
	len = (long)body;
	if (header((const char *)reply, head, "Transfer-Encoding", v, sizeof(v)) &&
	    strstr(v, "chunked"))
		len = unchunk(copy, body);
	else if (header((const char *)reply, head, "Content-Length", v, sizeof(v)) &&
	         strtol(v, NULL, 10) != len)
		len = -1; /* cut short: a partial icon would give a wrong hash */
	if (len <= 0) {
		free(copy);
		return 0;
	}
	b64 = ms_xmalloc(((size_t)len + 56) / 57 * 77 + 1);
	for (i = 0; i < (size_t)len; i += 57) {
		size_t k = (size_t)len - i < 57 ? (size_t)len - i : 57;
		o += (size_t)EVP_EncodeBlock(b64 + o, copy + i, (int)k);
		b64[o++] = '\n';
	}
	lmmh_x86_32(b64, (unsigned)o, 0, &h);
	free(b64);
	free(copy);
	*out = (int32_t)h;
	return 1;
}
