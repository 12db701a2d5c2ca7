/*
 * report.c - the report of an assessed round: a re-survey opens with what
 * changed since the previous round, the cover is the round's.
 */
#include "medsec/diff.h"
#include "medsec/survey.h"

void survey_report_opts(const struct survey *sv, unsigned formats, struct report_opts *o)
{
	*o = (struct report_opts){ .lang = sv->session.cfg->lang,
		                   .generated_at = sv->now,
		                   .vdb = sv->vdb ? &sv->vdb_status : NULL,
		                   .formats = formats,
		                   .issuer = sv->session.round.issuer,
		                   .recipient = sv->session.round.recipient };
}

int survey_report(const struct survey *sv, const char *dir, unsigned formats,
                  struct report_files *files, struct ms_diags *d, struct ms_error *err)
{
	struct report_opts o;
	struct round_diff *diff = NULL;
	int round_no = sv->session.round.round_no, rc;

	survey_report_opts(sv, formats, &o);
	if (round_no > 1 && (rc = survey_round_diff(sv, round_no - 1, &diff, d, err)))
		return rc;
	o.diff = diff;
	rc = report_write(sv->a, dir, &o, files, err);
	round_diff_free(diff);
	return rc;
}
