/*
 * cpe.h - CPE 2.3 names (NISTIR 7695 bindings, NISTIR 7696 matching): the
 * formatted string "cpe:2.3:o:fortinet:fortios:7.2.7:*:*:*:*:*:*:*" and the
 * URI "cpe:/o:fortinet:fortios:7.2.7", both read into one form.
 */
#ifndef MEDSEC_CPE_H
#define MEDSEC_CPE_H

enum cpe_attr {
	CPE_PART,
	CPE_VENDOR,
	CPE_PRODUCT,
	CPE_VERSION,
	CPE_UPDATE,
	CPE_EDITION,
	CPE_LANGUAGE,
	CPE_SW_EDITION,
	CPE_TARGET_SW,
	CPE_TARGET_HW,
	CPE_OTHER,
	CPE__COUNT
};

#define CPE_VALUE_MAX 128

/* An attribute: ANY ("*"), NA ("-"), or a value, unescaped, with '*'/'?' kept as wildcards. */
struct cpe_value {
	enum { CPE_ANY, CPE_NA, CPE_STRING } kind;
	char s[CPE_VALUE_MAX];             /* lower case; wildcard characters flagged in `wild` */
	unsigned char wild[CPE_VALUE_MAX]; /* 1 where s[i] is an unquoted * or ? */
};

struct cpe {
	struct cpe_value v[CPE__COUNT];
};

/* Reads either binding; 0, or -1 if malformed. */
int cpe_parse(const char *s, struct cpe *out);

/* Writes the formatted-string binding (escaping as NISTIR 7695 §6.2); buf of at least 1500 bytes. */
void cpe_format(const struct cpe *c, char *buf, unsigned long size);

/*
 * Does `source` (what a vulnerability record names, wildcards allowed)
 * cover `target` (what was found)? NISTIR 7696: each attribute must be
 * SUPERSET or EQUAL; an ANY target attribute is covered only by ANY.
 */
int cpe_matches(const struct cpe *source, const struct cpe *target);

#endif
