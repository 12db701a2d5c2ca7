/*
 * cvss.c - CVSS vectors and base scores (cvss.h): FIRST CVSS v3.1
 * specification §7 (and v3.0, whose Roundup is the plain ceiling), CVSS v2
 * guide §3.2.1; v4.0 only checked for its base metrics.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "medsec/cvss.h"

struct metric {
	const char *name;
	const char *values; /* allowed one-letter values */
	char got;
};

/* Parses "K:V/K:V..." after any prefix; every metric of `m` exactly once, others ignored. */
static int parse_metrics(const char *s, struct metric *m, size_t n)
{
	while (*s) {
		const char *colon = strchr(s, ':'), *slash;
		size_t klen;

		if (!colon)
			return -1;
		klen = (size_t)(colon - s);
		slash = strchr(colon + 1, '/');
		if (!slash)
			slash = colon + strlen(colon);
		if (klen == 0 || slash == colon + 1)
			return -1;
		for (size_t i = 0; i < n; i++) {
			if (strlen(m[i].name) != klen || strncmp(m[i].name, s, klen) != 0)
				continue;
			if (m[i].got || slash != colon + 2 || !strchr(m[i].values, colon[1]))
				return -1; /* repeated, or not a value of this metric */
			m[i].got = colon[1];
		}
		s = *slash ? slash + 1 : slash;
		if (*slash && !*s)
			return -1; /* a trailing slash */
	}
	for (size_t i = 0; i < n; i++)
		if (!m[i].got)
			return -1;
	return 0;
}

/* v3.1 Appendix A: the smallest one-decimal number >= x, immune to float noise. */
static double roundup31(double x)
{
	long i = lround(x * 100000.0);

	return i % 10000 == 0 ? (double)i / 100000.0 : (double)(i / 10000 + 1) / 10.0;
}

static double weight(char v, const char *keys, const double *w)
{
	const char *p = strchr(keys, v);

	return p ? w[p - keys] : 0;
}

static int v3(const char *s, struct cvss *out)
{
	struct metric m[] = { { "AV", "NALP", 0 }, { "AC", "LH", 0 }, { "PR", "NLH", 0 },
		              { "UI", "NR", 0 },   { "S", "UC", 0 },  { "C", "HLN", 0 },
		              { "I", "HLN", 0 },   { "A", "HLN", 0 } };
	static const double av[] = { 0.85, 0.62, 0.55, 0.2 }, ac[] = { 0.77, 0.44 },
	                    ui[] = { 0.85, 0.62 }, cia[] = { 0.56, 0.22, 0 };
	double pr, iss, impact, expl;
	int changed;

	if (parse_metrics(s, m, sizeof(m) / sizeof(m[0])) != 0)
		return -1;
	changed = m[4].got == 'C';
	pr = m[2].got == 'N'   ? 0.85
	     : m[2].got == 'L' ? (changed ? 0.68 : 0.62)
	                       : (changed ? 0.5 : 0.27);
	iss = 1 - (1 - weight(m[5].got, "HLN", cia)) * (1 - weight(m[6].got, "HLN", cia)) *
	                  (1 - weight(m[7].got, "HLN", cia));
	impact = changed ? 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15) : 6.42 * iss;
	expl = 8.22 * weight(m[0].got, "NALP", av) * weight(m[1].got, "LH", ac) * pr *
	       weight(m[3].got, "NR", ui);
	if (impact <= 0)
		out->base = 0;
	else if (changed)
		out->base = fmin(1.08 * (impact + expl), 10);
	else
		out->base = fmin(impact + expl, 10);
	/* v3.0 rounds up by a plain ceiling; v3.1 made it robust. They agree but at float noise. */
	out->base = out->version == CVSS_V31 ? roundup31(out->base)
	                                     : ceil(out->base * 10 - 1e-9) / 10;
	out->impact = round(fmax(impact, 0) * 10) / 10;
	out->exploitability = round(expl * 10) / 10;
	out->scored = 1;
	return 0;
}

static int v2(const char *s, struct cvss *out)
{
	struct metric m[] = { { "AV", "LAN", 0 }, { "AC", "HML", 0 }, { "Au", "MSN", 0 },
		              { "C", "NPC", 0 },  { "I", "NPC", 0 },  { "A", "NPC", 0 } };
	static const double av[] = { 0.395, 0.646, 1.0 }, ac[] = { 0.35, 0.61, 0.71 },
	                    au[] = { 0.45, 0.56, 0.704 }, cia[] = { 0, 0.275, 0.660 };
	double impact, expl;

	if (parse_metrics(s, m, sizeof(m) / sizeof(m[0])) != 0)
		return -1;
	impact = 10.41 *
	         (1 - (1 - weight(m[3].got, "NPC", cia)) * (1 - weight(m[4].got, "NPC", cia)) *
	                      (1 - weight(m[5].got, "NPC", cia)));
	expl = 20 * weight(m[0].got, "LAN", av) * weight(m[1].got, "HML", ac) *
	       weight(m[2].got, "MSN", au);
	out->base = impact == 0 ? 0
	                        : round(((0.6 * impact) + (0.4 * expl) - 1.5) * 1.176 * 10) / 10;
	out->impact = round(impact * 10) / 10;
	out->exploitability = round(expl * 10) / 10;
	out->scored = 1;
	return 0;
}

static int v4(const char *s, struct cvss *out)
{
	struct metric m[] = { { "AV", "NALP", 0 }, { "AC", "LH", 0 },  { "AT", "NP", 0 },
		              { "PR", "NLH", 0 },  { "UI", "NPA", 0 }, { "VC", "HLN", 0 },
		              { "VI", "HLN", 0 },  { "VA", "HLN", 0 }, { "SC", "HLN", 0 },
		              { "SI", "HLN", 0 },  { "SA", "HLN", 0 } };

	return parse_metrics(s, m, sizeof(m) / sizeof(m[0]));
}

int cvss_parse(const char *vector, struct cvss *out)
{
	memset(out, 0, sizeof(*out));
	if (strlen(vector) > 512)
		return -1;
	if (strncmp(vector, "CVSS:3.1/", 9) == 0) {
		out->version = CVSS_V31;
		return v3(vector + 9, out);
	}
	if (strncmp(vector, "CVSS:3.0/", 9) == 0) {
		out->version = CVSS_V30;
		return v3(vector + 9, out);
	}
	if (strncmp(vector, "CVSS:4.0/", 9) == 0) {
		out->version = CVSS_V40;
		return v4(vector + 9, out);
	}
	if (strncmp(vector, "CVSS:", 5) == 0)
		return -1;
	out->version = CVSS_V2;
	/* NVD writes v2 bare; some sources wrap it in parentheses. */
	if (vector[0] == '(') {
		char buf[128];
		size_t n = strlen(vector);

		if (n < 2 || n >= sizeof(buf) || vector[n - 1] != ')')
			return -1;
		snprintf(buf, sizeof(buf), "%.*s", (int)(n - 2), vector + 1);
		return v2(buf, out);
	}
	return v2(vector, out);
}

enum cvss_severity cvss_v2_severity(double score)
{
	if (score >= 7.0)
		return SEV_HIGH;
	if (score >= 4.0)
		return SEV_MEDIUM;
	return score >= 0 ? SEV_LOW : SEV_NONE;
}

enum cvss_severity cvss_severity(double score)
{
	if (score >= 9.0)
		return SEV_CRITICAL;
	if (score >= 7.0)
		return SEV_HIGH;
	if (score >= 4.0)
		return SEV_MEDIUM;
	if (score >= 0.1)
		return SEV_LOW;
	return SEV_NONE;
}

const char *cvss_severity_key(enum cvss_severity s)
{
	static const char *const keys[] = { "none", "low", "medium", "high", "critical" };

	return (unsigned)s <= SEV_CRITICAL ? keys[s] : "none";
}

const char *cvss_severity_ja(enum cvss_severity s)
{
	static const char *const ja[] = { "なし", "注意", "警告", "重要", "緊急" };

	return (unsigned)s <= SEV_CRITICAL ? ja[s] : "なし";
}
