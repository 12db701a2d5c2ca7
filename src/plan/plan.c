/*
 * plan.c - scope, renumbering and diagnosis eligibility (plan.h).
 *
 * Scope (seed 000): a line is surveyed when it is connected to the EHR
 * network and is not telephone-only. Eligibility: seed 002's 19-row
 * table, restated as a lookup in domain-facts §7.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/ip.h"
#include "medsec/plan.h"

struct judgement {
	enum eligibility elig;
	enum plan_reason reason;
};

/*
 * Rows 1-16: global IP あり on the internet or an internet VPN. Index:
 * (VPN ? 8 : 0) + (dynamic ? 4 : 0) + (no IP given ? 2 : 0) + (no FQDN ? 1 : 0).
 * The reasons keep the seed's wording per row (rows 3 and 11 differ in it).
 */
static const struct judgement internet_rows[16] = {
	{ ELIG_CONSULT, REASON_SERVER_POSSIBLE }, /* 1 */
	{ ELIG_YES, REASON_NONE },                /* 2 */
	{ ELIG_CONSULT, REASON_IP_FQDN_LINK },    /* 3 */
	{ ELIG_NO, REASON_NOTHING_TO_SCAN },      /* 4 */
	{ ELIG_CONSULT, REASON_IP_FQDN_LINK },    /* 5 */
	{ ELIG_CONSULT, REASON_DAY_IP },          /* 6 */
	{ ELIG_CONSULT, REASON_LINE_FQDN_LINK },  /* 7 */
	{ ELIG_NO, REASON_NOTHING_TO_SCAN },      /* 8 */
	{ ELIG_CONSULT, REASON_SERVER_POSSIBLE }, /* 9 */
	{ ELIG_YES, REASON_NONE },                /* 10 */
	{ ELIG_CONSULT, REASON_LINE_FQDN_LINK },  /* 11 */
	{ ELIG_NO, REASON_NOTHING_TO_SCAN },      /* 12 */
	{ ELIG_CONSULT, REASON_IP_FQDN_LINK },    /* 13 */
	{ ELIG_CONSULT, REASON_DAY_IP },          /* 14 */
	{ ELIG_CONSULT, REASON_LINE_FQDN_LINK },  /* 15 */
	{ ELIG_NO, REASON_NOTHING_TO_SCAN },      /* 16 */
};

void plan_judge(const struct line *l, enum eligibility *elig, int *row, enum plan_reason *reason)
{
	int idx;

	if (l->global_ip_use == TRI_NO) {
		*row = 18;
		*elig = ELIG_NO;
		*reason = REASON_NO_GLOBAL_IP;
		return;
	}
	if (l->global_ip_use != TRI_YES) {
		*row = 19;
		*elig = ELIG_NO;
		*reason = REASON_UNKNOWN_GLOBAL;
		return;
	}
	if (l->link_type != LINK_INTERNET && l->link_type != LINK_INTERNET_VPN) {
		*row = 17;
		*elig = ELIG_NO;
		*reason = REASON_CLOSED;
		return;
	}
	/* An unstated kind is treated as dynamic: the address must then be confirmed. */
	idx = (l->link_type == LINK_INTERNET_VPN ? 8 : 0) + (l->ip_kind != IP_STATIC ? 4 : 0) +
	      (l->global_ip ? 0 : 2) + (l->fqdn ? 0 : 1);
	*row = idx + 1;
	*elig = internet_rows[idx].elig;
	*reason = internet_rows[idx].reason;
}

static const struct confirmation *find_conf(const struct plan_input *in, int declared_no,
                                            enum confirm_kind kind)
{
	for (size_t i = 0; i < in->n_confirmations; i++)
		if (in->confirmations[i].declared_no == declared_no &&
		    in->confirmations[i].kind == kind)
			return &in->confirmations[i];
	return NULL;
}

/*
 * A line declared with global address use "わからない" (row 19), as the meeting answered it:
 * a copy in *eff with the answers, or l itself while no meeting has answered.
 */
static const struct line *answered(struct plan *p, const struct plan_input *in,
                                   const struct line *l, struct line *eff)
{
	const struct confirmation *meet = find_conf(in, l->no, CONFIRM_MEETING);

	if (!meet || (meet->global_ip_use != TRI_YES && meet->global_ip_use != TRI_NO))
		return l;
	*eff = *l;
	eff->global_ip_use = meet->global_ip_use;
	if (meet->ip_kind)
		eff->ip_kind = meet->ip_kind;
	if (meet->address[0])
		eff->global_ip = ms_arena_strdup(&p->arena, meet->address);
	if (meet->fqdn[0])
		eff->fqdn = ms_arena_strdup(&p->arena, meet->fqdn);
	return eff;
}

static void decide_status(struct plan *p, struct plan_line *pl, const struct line *l,
                          const struct plan_input *in)
{
	const struct confirmation *day = find_conf(in, l->no, CONFIRM_DAY_IP);
	const struct confirmation *meet = find_conf(in, l->no, CONFIRM_MEETING);
	const char *address = l->global_ip;

	/*
	 * The day-of address: confirmed with plan confirm-ip, or written in the workbook's
	 * 当日記入欄 (the hospital's declaration, dated by its import). The newer counts; the
	 * scope accepts it only on the day it was made (scan_scope_from_plan).
	 */
	if (l->day_ip_confirmed == TRI_YES && l->day_global_ip && in->declared_at &&
	    (!day || strcmp(in->declared_at, day->confirmed_at) > 0)) {
		pl->confirmed_ip = ms_arena_strdup(&p->arena, l->day_global_ip);
		pl->confirmed_at = ms_arena_strdup(&p->arena, in->declared_at);
	} else if (day) {
		pl->confirmed_ip = ms_arena_strdup(&p->arena, day->address);
		pl->confirmed_at = ms_arena_strdup(&p->arena, day->confirmed_at);
		pl->confirmed_by = day->by[0] ? ms_arena_strdup(&p->arena, day->by) : NULL;
	}
	pl->meeting_confirmed = meet != NULL;
	if (meet) {
		pl->meeting_at = ms_arena_strdup(&p->arena, meet->confirmed_at);
		pl->meeting_by = meet->by[0] ? ms_arena_strdup(&p->arena, meet->by) : NULL;
	}
	if (meet && meet->address[0])
		address = meet->address;

	if (!pl->request_diagnosis) {
		pl->status = STATUS_NOT_REQUESTED;
		return;
	}
	/* Row 19 is × until a meeting clears the unknowns (seed 002: 打合せ実施). */
	if (pl->table_row == 19) {
		pl->status = STATUS_NEEDS_MEETING;
		return;
	}
	if (pl->eligibility == ELIG_NO) {
		pl->status = STATUS_NOT_ELIGIBLE;
		return;
	}
	if (pl->eligibility == ELIG_CONSULT && pl->reason != REASON_DAY_IP && !meet) {
		pl->status = STATUS_NEEDS_MEETING;
		return;
	}
	/* A dynamic address is only ever scanned as confirmed on the day (seed 002). */
	if (l->ip_kind != IP_STATIC) {
		if (!pl->confirmed_ip) {
			pl->status = STATUS_NEEDS_DAY_IP;
			return;
		}
		address = pl->confirmed_ip;
	}
	if (!address) {
		pl->status = STATUS_NEEDS_MEETING;
		return;
	}
	pl->status = STATUS_TARGET;
	pl->target = ms_arena_strdup(&p->arena, address);
}

static int by_declared_no(const void *a, const void *b)
{
	const struct line *x = *(const struct line *const *)a, *y = *(const struct line *const *)b;

	return (x->no > y->no) - (x->no < y->no);
}

struct plan *plan_build(const struct plan_input *in)
{
	const struct intake_doc *doc = in->doc;
	struct plan *p = ms_xcalloc(1, sizeof(*p));
	const struct line **order = ms_xcalloc(doc->n_lines, sizeof(*order));

	p->hospital = ms_arena_strdup(&p->arena, in->hospital);
	p->round_no = in->round_no;
	p->revision = in->revision;
	p->created_at = ms_arena_strdup(&p->arena, in->now);
	for (size_t i = 0; i < doc->n_lines; i++)
		order[i] = &doc->lines[i];
	qsort(order, doc->n_lines, sizeof(*order), by_declared_no);

	for (size_t i = 0; i < doc->n_lines; i++) {
		const struct line *l = order[i];
		struct line eff;
		struct plan_line *pl;

		if (l->link_type == LINK_PHONE_ONLY || l->ehr_connected != TRI_YES) {
			struct plan_out_of_scope *o;

			p->out_of_scope = ms_xrealloc(p->out_of_scope,
			                              (p->n_out_of_scope + 1) *
			                                      sizeof(*p->out_of_scope));
			o = &p->out_of_scope[p->n_out_of_scope++];
			o->declared_no = l->no;
			o->use = ms_arena_strdup(&p->arena, l->use);
			o->reason = l->link_type == LINK_PHONE_ONLY ? REASON_PHONE_ONLY
			                                            : REASON_NOT_EHR;
			continue;
		}
		p->lines = ms_xrealloc(p->lines, (p->n_lines + 1) * sizeof(*p->lines));
		pl = &p->lines[p->n_lines++];
		memset(pl, 0, sizeof(*pl));
		pl->line_no = (int)p->n_lines;
		pl->declared_no = l->no;
		pl->use = ms_arena_strdup(&p->arena, l->use);
		pl->link_type = l->link_type;
		pl->global_ip_use = l->global_ip_use;
		pl->ip_kind = l->ip_kind;
		pl->global_ip = ms_arena_strdup(&p->arena, l->global_ip);
		pl->fqdn = ms_arena_strdup(&p->arena, l->fqdn);
		pl->provider = ms_arena_strdup(&p->arena, l->provider);
		pl->line_id = ms_arena_strdup(&p->arena, l->line_id);
		pl->carrier = ms_arena_strdup(&p->arena, l->carrier);
		pl->termination_location = ms_arena_strdup(&p->arena, l->termination_location);
		pl->request_device_check = l->request_device_check == TRI_YES;
		pl->request_diagnosis = l->request_diagnosis == TRI_YES;
		plan_judge(l, &pl->eligibility, &pl->table_row, &pl->reason);
		if (pl->table_row == 19)
			l = answered(p, in, l, &eff);
		if (l == &eff) {
			/* Row 19 ends in a meeting (seed 002): its answers are judged by the table. */
			pl->declared_row = 19;
			pl->global_ip_use = l->global_ip_use;
			pl->ip_kind = l->ip_kind;
			pl->global_ip = ms_arena_strdup(&p->arena, l->global_ip);
			pl->fqdn = ms_arena_strdup(&p->arena, l->fqdn);
			plan_judge(l, &pl->eligibility, &pl->table_row, &pl->reason);
		}
		decide_status(p, pl, l, in);
	}
	free(order);
	return p;
}

const char *plan_eligibility_key(enum eligibility e)
{
	const char *key = model_enum_key(model_eligibilities, (int)e);

	return key ? key : "no";
}

const char *plan_eligibility_mark(enum eligibility e)
{
	return e == ELIG_YES ? "○" : e == ELIG_CONSULT ? "△" : "×";
}

/* The texts of the reasons and statuses (their keys are model.c's). */
static const enum msg_id reason_msgs[] = {
	[REASON_NONE] = MSG_REASON_NONE,
	[REASON_SERVER_POSSIBLE] = MSG_REASON_SERVER_POSSIBLE,
	[REASON_IP_FQDN_LINK] = MSG_REASON_IP_FQDN_LINK,
	[REASON_LINE_FQDN_LINK] = MSG_REASON_LINE_FQDN_LINK,
	[REASON_DAY_IP] = MSG_REASON_DAY_IP,
	[REASON_NOTHING_TO_SCAN] = MSG_REASON_NOTHING_TO_SCAN,
	[REASON_CLOSED] = MSG_REASON_CLOSED,
	[REASON_NO_GLOBAL_IP] = MSG_REASON_NO_GLOBAL_IP,
	[REASON_UNKNOWN_GLOBAL] = MSG_REASON_UNKNOWN_GLOBAL,
	[REASON_NOT_EHR] = MSG_REASON_NOT_EHR,
	[REASON_PHONE_ONLY] = MSG_REASON_PHONE_ONLY,
};

static const enum msg_id status_msgs[] = {
	[STATUS_TARGET] = MSG_STATUS_TARGET,
	[STATUS_NEEDS_DAY_IP] = MSG_STATUS_NEEDS_DAY_IP,
	[STATUS_NEEDS_MEETING] = MSG_STATUS_NEEDS_MEETING,
	[STATUS_NOT_ELIGIBLE] = MSG_STATUS_NOT_ELIGIBLE,
	[STATUS_NOT_REQUESTED] = MSG_STATUS_NOT_REQUESTED,
};

const char *plan_reason_key(enum plan_reason r)
{
	return model_enum_key(model_plan_reasons, (int)r);
}

enum msg_id plan_reason_msg(enum plan_reason r)
{
	return (unsigned)r < sizeof(reason_msgs) / sizeof(reason_msgs[0]) ? reason_msgs[r]
	                                                                  : MSG_REASON_NONE;
}

const char *plan_status_key(enum plan_status s)
{
	const char *key = model_enum_key(model_plan_statuses, (int)s);

	return key ? key : "unknown";
}

enum msg_id plan_status_msg(enum plan_status s)
{
	return (unsigned)s < sizeof(status_msgs) / sizeof(status_msgs[0]) && status_msgs[s]
	               ? status_msgs[s]
	               : MSG_NONE;
}

const struct plan_line *plan_line_by_no(const struct plan *p, int line_no)
{
	for (size_t i = 0; i < p->n_lines; i++)
		if (p->lines[i].line_no == line_no)
			return &p->lines[i];
	return NULL;
}

const struct plan_line *plan_line_by_declared(const struct plan *p, int declared_no)
{
	for (size_t i = 0; p && i < p->n_lines; i++)
		if (p->lines[i].declared_no == declared_no)
			return &p->lines[i];
	return NULL;
}

int plan_confirm_check(const struct plan *p, int line_no, struct confirmation *c,
                       int allow_test_addresses, struct ms_error *err)
{
	const struct plan_line *pl = plan_line_by_no(p, line_no);
	int row19 = pl && (pl->table_row == 19 || pl->declared_row == 19); /* answered or not yet */
	char no[16];

	snprintf(no, sizeof(no), "%d", line_no);
	if (!pl)
		return ms_fail(err, MS_ERR_INPUT, MSG_PLAN_NO_LINE, NULL, no);
	c->declared_no = pl->declared_no;
	if (c->kind == CONFIRM_DAY_IP && (pl->ip_kind == IP_STATIC || pl->eligibility == ELIG_NO))
		return ms_fail(err, MS_ERR_INPUT, MSG_PLAN_NOT_DYNAMIC, NULL, no);
	if (c->kind == CONFIRM_MEETING && row19 && c->global_ip_use != TRI_YES &&
	    c->global_ip_use != TRI_NO)
		return ms_fail(err, MS_ERR_INPUT, MSG_PLAN_NEEDS_ANSWER, NULL, no);
	if (c->kind == CONFIRM_MEETING && !row19 &&
	    (pl->eligibility != ELIG_CONSULT || pl->reason == REASON_DAY_IP))
		return ms_fail(err, MS_ERR_INPUT, MSG_PLAN_NOT_CONSULT, NULL, no);
	if (c->kind == CONFIRM_MEETING && !row19 && c->global_ip_use)
		return ms_fail(err, MS_ERR_INPUT, MSG_PLAN_ANSWER_NOT_ASKED, NULL, no);
	if (c->kind == CONFIRM_MEETING && !c->address[0] && !pl->global_ip &&
	    pl->ip_kind == IP_STATIC && !c->global_ip_use)
		return ms_fail(err, MS_ERR_INPUT, MSG_PLAN_NEEDS_ADDRESS, NULL, no);
	if (c->address[0]) {
		struct ms_prefix pre;
		enum ms_addr_class cls;

		if (ms_prefix_parse(c->address, &pre) != MS_PREFIX_OK)
			return ms_fail(err, MS_ERR_INPUT, MSG_IP_SYNTAX, c->address, NULL);
		cls = ms_prefix_classify(&pre);
		if (cls == MS_ADDR_NON_GLOBAL)
			return ms_fail(err, MS_ERR_INPUT, MSG_IP_NOT_GLOBAL, c->address, NULL);
		if (cls == MS_ADDR_TEST && !allow_test_addresses)
			return ms_fail(err, MS_ERR_INPUT, MSG_IP_TEST_RANGE, c->address, NULL);
		if (ms_prefix_size(&pre) > 4096)
			return ms_fail(err, MS_ERR_INPUT, MSG_IP_TOO_WIDE, c->address, NULL);
		ms_prefix_format(&pre, c->address, sizeof(c->address));
	}
	return MS_OK;
}
