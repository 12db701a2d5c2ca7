/*
 * decide.c - whether each backup counts as offline, the support category, and the
 * shortfalls against the guideline and 加算1 (backup.h). Plain decisions on plain facts.
 */
#include <stdlib.h>
#include <string.h>

#include "medsec/backup.h"
#include "medsec/clock.h"

static int removable(enum backup_medium m)
{
	return m == MEDIUM_TAPE || m == MEDIUM_RDX || m == MEDIUM_OPTICAL;
}

void backup_offline(const struct backup_copy *b, struct backup_verdict *out)
{
	enum offline_rule r;

	if (b->immutable == TRI3_YES || b->medium == MEDIUM_WORM)
		r = RULE_IMMUTABLE;
	else if (b->medium == MEDIUM_CLOUD)
		r = b->cloud_separated == TRI3_YES  ? RULE_CLOUD_SEPARATED
		    : b->cloud_separated == TRI3_NO ? RULE_CLOUD_NOT_SEPARATED
		                                    : RULE_NOT_ENOUGH;
	else if (b->network == NET_LOGICAL || b->network == NET_PHYSICAL)
		r = RULE_NETWORK_SEPARATED;
	else if (b->connection == CONN_ALWAYS)
		r = RULE_ALWAYS_CONNECTED;
	else if (b->medium == MEDIUM_USB_HDD && b->swapped == TRI3_YES &&
	         b->locked_away == TRI3_YES)
		r = RULE_ROTATED;
	else if (removable(b->medium) || b->medium == MEDIUM_USB_HDD)
		r = b->connection == CONN_DURING_TRANSFER && b->medium == MEDIUM_USB_HDD
		            ? RULE_ONLY_DURING_TRANSFER
		    : b->locked_away == TRI3_YES ? RULE_REMOVED_AND_LOCKED
		                                 : RULE_REMOVED_NOT_LOCKED;
	else /* NAS or server, connected only while copying (or never) */
		r = RULE_ONLY_DURING_TRANSFER;
	out->rule = r;
	out->offline = r == RULE_IMMUTABLE || r == RULE_CLOUD_SEPARATED ||
	               r == RULE_NETWORK_SEPARATED || r == RULE_ROTATED ||
	               r == RULE_REMOVED_AND_LOCKED || r == RULE_ONLY_DURING_TRANSFER;
}

/* Days since 1970 of a YYYY-MM-DD, or -1. */
static long long day_of(const char *s)
{
	int y, m, d;

	return s && ms_date_parse(s, &y, &m, &d) ? ms_days_from_civil(y, m, d) : -1;
}

static unsigned shortfalls_of(const struct backup_system *s, const struct backup_verdict *v,
                              const char *answered_on)
{
	unsigned media = 0, w = 0;
	int generations = 0, offline = 0;
	long long today = day_of(answered_on), last_test = -1;
	enum tri3 last_ok = TRI3_UNKNOWN;

	for (size_t i = 0; i < s->n_backups; i++) {
		const struct backup_copy *b = &s->backups[i];
		long long t = day_of(b->restore_tested_on);

		media |= 1u << b->medium;
		if (b->generations > generations)
			generations = b->generations;
		offline |= v[i].offline;
		if (t > last_test) {
			last_test = t;
			last_ok = b->restore_ok;
		}
	}
	/* Guideline 6.0 システム運用編 11章 ①: several generations by more than one method; the
	 * EHR's five generations follow the 5.2 Q&A example (two weeks of daily differentials). */
	if (generations < (s->ehr ? 5 : 3))
		w |= SHORT_GENERATIONS;
	/* 加算1 (11) 「複数の方式」: counted as more than one kind of medium. */
	if ((media & (media - 1)) == 0)
		w |= SHORT_SINGLE_METHOD;
	if (!offline)
		w |= SHORT_NO_OFFLINE;
	if (last_test < 0 || (today >= 0 && today - last_test > 365))
		w |= SHORT_RESTORE_UNTESTED;
	else if (last_ok == TRI3_NO)
		w |= SHORT_RESTORE_FAILED;
	return w;
}

void backup_decide(const struct backup_answers *a, struct backup_decision *d)
{
	size_t n = 0, k = 0;
	int any_ehr = 0, needed = 0;

	memset(d, 0, sizeof(*d));
	for (size_t i = 0; i < a->n_systems; i++) {
		n += a->systems[i].n_backups;
		any_ehr |= a->systems[i].ehr;
	}
	d->verdicts = ms_xcalloc(n + 1, sizeof(*d->verdicts));
	d->shortfalls = ms_xcalloc(a->n_systems + 1, sizeof(*d->shortfalls));
	d->kasan1 = 1;
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct backup_system *s = &a->systems[i];
		struct backup_verdict *v = &d->verdicts[k];
		/* Without a system marked as the EHR, those needed for care stand for it. */
		int counts = any_ehr ? s->ehr : s->needed_for_care;

		for (size_t j = 0; j < s->n_backups; j++, k++) {
			backup_offline(&s->backups[j], &d->verdicts[k]);
			if (counts && d->verdicts[k].offline)
				d->ehr_offline = 1;
		}
		d->shortfalls[i] = shortfalls_of(s, v, a->answered_on);
		if (s->needed_for_care) {
			needed = 1;
			if (d->shortfalls[i] & (SHORT_SINGLE_METHOD | SHORT_NO_OFFLINE))
				d->kasan1 = 0;
		}
	}
	d->kasan1 &= needed;
	/* Seed 001 「支援方針」: the hospital's intent decides, in this order. */
	if (a->intent.operating) {
		d->category = CATEGORY_NOT_ELIGIBLE;
		d->needs_confirmation = !d->ehr_offline;
	} else if (a->intent.planning_with_vendor && !a->intent.support_needed) {
		d->category = CATEGORY_REPORT_ONLY;
	} else if (!a->intent.new_server) {
		d->category = CATEGORY_SUPPORT_C;
	} else {
		d->category = a->intent.procure == PROCURE_LATER ? CATEGORY_SUPPORT_B
		                                                 : CATEGORY_SUPPORT_A;
	}
}

void backup_decision_dispose(struct backup_decision *d)
{
	free(d->verdicts);
	free(d->shortfalls);
	memset(d, 0, sizeof(*d));
}

#define KEY(table, v) ((unsigned)(v) < sizeof(table) / sizeof((table)[0]) ? (table)[v] : "unknown")

const char *backup_category_key(enum backup_category c)
{
	static const char *const k[] = { "support_a", "support_b", "support_c", "report_only",
		                         "not_eligible" };
	return KEY(k, c);
}

const char *backup_rule_key(enum offline_rule r)
{
	static const char *const k[] = {
		"immutable",         "cloud_separated",      "cloud_not_separated",
		"network_separated", "removed_and_locked",   "removed_not_locked",
		"rotated",           "only_during_transfer", "always_connected",
		"not_enough"
	};
	return KEY(k, r);
}

const char *backup_method_key(enum backup_method m)
{
	static const char *const k[] = { "full", "differential", "incremental", "replication",
		                         "snapshot" };
	return KEY(k, m);
}

const char *backup_medium_key(enum backup_medium m)
{
	static const char *const k[] = { "tape", "rdx",    "usb_hdd", "optical",
		                         "nas",  "server", "worm",    "cloud" };
	return KEY(k, m);
}

const char *backup_connection_key(enum backup_connection c)
{
	static const char *const k[] = { "always", "during_transfer", "never" };
	return KEY(k, c);
}

const char *backup_network_key(enum backup_network n)
{
	static const char *const k[] = { "none", "logical", "physical" };
	return KEY(k, n);
}

const char *backup_shortfall_key(unsigned bit)
{
	static const char *const k[] = { "generations", "single_method", "no_offline",
		                         "restore_untested", "restore_failed" };
	unsigned i = 0;

	while (i < 5 && bit != 1u << i)
		i++;
	return i < 5 ? k[i] : "unknown";
}
