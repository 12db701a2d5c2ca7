/*
 * cvss.h - CVSS vectors as the feeds publish them: v3.1 and v3.0 base
 * scores computed from the vector (FIRST's formulas, with v3.1's Roundup),
 * v2 base scores, v4.0 vectors parsed and kept (their score comes from the
 * feed), and the severity bands IPA uses in Japan.
 */
#ifndef MEDSEC_CVSS_H
#define MEDSEC_CVSS_H

enum cvss_version { CVSS_V2 = 20, CVSS_V30 = 30, CVSS_V31 = 31, CVSS_V40 = 40 };

struct cvss {
	enum cvss_version version;
	int scored;            /* base score computed here (v2, v3.x); 0 for v4.0 */
	double base;           /* 0.0 .. 10.0, one decimal */
	double exploitability; /* v3.x and v2 sub-scores, rounded to one decimal */
	double impact;
};

/* Parses a vector ("CVSS:3.1/AV:N/...", "AV:N/AC:L/Au:N/..." for v2); 0, or -1 if malformed. */
int cvss_parse(const char *vector, struct cvss *out);

/* IPA's bands: 緊急 9.0-10.0, 重要 7.0-8.9, 警告 4.0-6.9, 注意 0.1-3.9, none at 0. */
enum cvss_severity { SEV_NONE, SEV_LOW, SEV_MEDIUM, SEV_HIGH, SEV_CRITICAL };

enum cvss_severity cvss_severity(double score);
/* CVSS v2 has three bands (NVD): High 7.0-10.0, Medium 4.0-6.9, Low 0.0-3.9; no critical. */
enum cvss_severity cvss_v2_severity(double score);
const char *cvss_severity_key(enum cvss_severity s); /* "critical" ... "none" */
const char *cvss_severity_ja(enum cvss_severity s);  /* 緊急 重要 警告 注意 なし */

#endif
