/*
 * diff.h - what changed between two rounds of a hospital's survey (the monthly
 * re-diagnosis): open ports, identified services and versions, findings (new,
 * resolved, still open), firmware versions and lines. Pure: two assessments in,
 * one comparison out; the CLI prints it and the report draws it.
 */
#ifndef MEDSEC_DIFF_H
#define MEDSEC_DIFF_H

#include <stddef.h>

#include "medsec/assess.h"
#include "medsec/mem.h"

/* One thing that appeared, went, changed or stayed; strings owned by the diff. */
struct diff_item {
	const char *key; /* stable identity, e.g. "tcp 198.18.10.1 443" or "vuln-device|回線1 …" */
	const char *what;               /* for people */
	const char *was, *now;          /* the value before and after, for a change; else NULL */
	enum finding_severity severity; /* findings: the latest severity; else FSEV_UNSET */
	int line_no;                    /* plan line, 0 if none */
};

struct diff_list {
	struct diff_item *v;
	size_t n;
};

struct round_diff {
	struct ms_arena arena;
	int from_round, to_round;
	const char *from_date, *to_date; /* when each round started (UTC) */
	int scanned; /* both rounds have a diagnosis: ports and remote findings compared */
	int onsite;  /* both rounds have an onsite record: its findings compared */
	struct diff_list ports_new, ports_gone, services_changed;
	size_t ports_unchanged;
	struct diff_list findings_new, findings_resolved, findings_open;
	struct diff_list firmware_changed;
	struct diff_list lines_new, lines_gone, lines_changed;
};

/*
 * Compares round `before` (its number and start date) with round `after`. Every
 * string is copied, so the assessments may go first. New (round_diff_free).
 */
struct round_diff *round_diff(const struct assessment *before, int from_round,
                              const char *from_date, const struct assessment *after, int to_round,
                              const char *to_date);
void round_diff_free(struct round_diff *d);

/* The JSON of a comparison (docs/json/diff.schema.json); a new string (free it). */
char *round_diff_json(const struct round_diff *d);

#endif
