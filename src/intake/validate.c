/*
 * validate.c - checks an intake document as a whole (intake_validate).
 * Everything is checked and reported before anything is stored.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "intake/convert.h"
#include "intake/fields.h"
#include "medsec/intake.h"
#include "medsec/ip.h"

/* A line's address may name a few hosts (a small static block), never a network to sweep. */
#define MAX_LINE_ADDRESSES 4096u
#define MAX_TERMINALS 5

struct ctx {
	struct intake_doc *doc;
	const struct intake_options *opt;
	struct ms_diags *d;
};

static void add(struct ctx *c, enum ms_severity sev, enum msg_id msg, enum intake_rec rec,
                const void *record, const char *json_field, const char *value, const char *arg)
{
	char where[512];
	int fi = json_field ? intake_field_find(rec, json_field) : -1;

	intake_where(c->doc, rec, record, fi, where, sizeof(where));
	ms_diags_add(c->d, sev, msg, where, value, arg);
}

static int is_set(void *record, const struct intake_field *f)
{
	if (f->type == FT_TEXT || f->type == FT_DATE)
		return *field_text(record, f) != NULL;
	return *field_int(record, f) != 0;
}

static int reported(const struct ms_diags *d, const char *where)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[i].where, where) == 0)
			return 1;
	return 0;
}

static void check_required(struct ctx *c)
{
	for (int rec = 0; rec < REC__COUNT; rec++) {
		for (size_t i = 0; i < intake_record_count(c->doc, rec); i++) {
			void *record = intake_record(c->doc, rec, i);

			for (size_t k = 0; k < intake_n_fields; k++) {
				const struct intake_field *f = &intake_fields[k];

				char where[512];

				if (f->rec != (enum intake_rec)rec || !(f->flags & F_REQUIRED) ||
				    is_set(record, f))
					continue;
				/* A value that failed to read was complained about already. */
				intake_where(c->doc, rec, record, (int)k, where, sizeof(where));
				if (!reported(c->d, where))
					add(c, MS_DIAG_ERROR, MSG_REQUIRED, rec, record, f->json,
					    NULL, f->ja);
			}
		}
	}
}

/* Checks and canonicalises a line's global address (or prefix) in *addr. */
static void check_global(struct ctx *c, struct line *l, char **addr, const char *json_field)
{
	struct ms_prefix p;
	char canon[64];
	enum msg_id msg = 0;

	if (!*addr)
		return;
	switch (ms_prefix_parse(*addr, &p)) {
	case MS_PREFIX_OK: break;
	case MS_PREFIX_HOST_BITS: msg = MSG_IP_HOST_BITS; break;
	case MS_PREFIX_BAD_LENGTH: msg = MSG_IP_BAD_PREFIX; break;
	default: msg = MSG_IP_SYNTAX; break;
	}
	if (!msg) {
		enum ms_addr_class cls = ms_prefix_classify(&p);

		if (cls == MS_ADDR_NON_GLOBAL)
			msg = MSG_IP_NOT_GLOBAL;
		else if (cls == MS_ADDR_TEST && !c->opt->allow_test_addresses)
			msg = MSG_IP_TEST_RANGE;
		else if (ms_prefix_size(&p) > MAX_LINE_ADDRESSES)
			msg = MSG_IP_TOO_WIDE;
	}
	if (msg) {
		add(c, MS_DIAG_ERROR, msg, REC_LINE, l, json_field, *addr, NULL);
		return;
	}
	ms_prefix_format(&p, canon, sizeof(canon));
	*addr = ms_arena_strdup(&c->doc->arena, canon);
}

static int fqdn_ok(const char *s)
{
	size_t label = 0, total = strlen(s);

	if (total == 0 || total > 253 || s[0] == '.')
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '.') {
			if (label == 0)
				return 0;
			label = 0;
			continue;
		}
		/* Letters, digits, hyphens; non-ASCII for internationalised names. */
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p >= 0x80))
			return 0;
		if (++label > 63)
			return 0;
	}
	return strchr(s, '.') != NULL;
}

static void check_lines(struct ctx *c)
{
	struct intake_doc *doc = c->doc;

	if (doc->n_lines == 0) {
		char where[300];

		snprintf(where, sizeof(where), "%s:%s", doc->source,
		         doc->format == INTAKE_JSON ? "/lines" : SHEET_LINES);
		ms_diags_add(c->d, MS_DIAG_ERROR, MSG_NO_LINES, where, NULL, NULL);
	}
	for (size_t i = 0; i < doc->n_lines; i++) {
		struct line *l = &doc->lines[i];
		int internet = l->link_type == LINK_INTERNET || l->link_type == LINK_INTERNET_VPN;

		for (size_t j = 0; j < i; j++) {
			if (l->no && doc->lines[j].no == l->no) {
				char no[16];

				snprintf(no, sizeof(no), "%d", l->no);
				add(c, MS_DIAG_ERROR, MSG_DUPLICATE_LINE, REC_LINE, l, "no", no,
				    NULL);
				break;
			}
		}
		if (l->link_type && l->link_type != LINK_PHONE_ONLY && !l->global_ip_use)
			add(c, MS_DIAG_ERROR, MSG_REQUIRED, REC_LINE, l, "global_ip_use", NULL,
			    "グローバルIP利用");
		if (internet && l->global_ip_use == TRI_YES && !l->ip_kind)
			add(c, MS_DIAG_ERROR, MSG_REQUIRED_IF_GLOBAL, REC_LINE, l, "ip_kind", NULL,
			    NULL);
		check_global(c, l, &l->global_ip, "global_ip");
		check_global(c, l, &l->day_global_ip, "day_global_ip");
		if (l->global_ip && l->global_ip_use && l->global_ip_use != TRI_YES)
			add(c, MS_DIAG_WARNING, MSG_IP_BUT_NO_GLOBAL_USE, REC_LINE, l, "global_ip",
			    l->global_ip, NULL);
		if (l->day_ip_confirmed == TRI_YES && !l->day_global_ip)
			add(c, MS_DIAG_ERROR, MSG_REQUIRED_IF_CONFIRMED, REC_LINE, l,
			    "day_global_ip", NULL, NULL);
		if (l->day_global_ip && l->ip_kind == IP_STATIC)
			add(c, MS_DIAG_WARNING, MSG_DAY_IP_ON_STATIC, REC_LINE, l, "day_global_ip",
			    l->day_global_ip, NULL);
		if (l->fqdn && !fqdn_ok(l->fqdn))
			add(c, MS_DIAG_ERROR, MSG_FQDN_SYNTAX, REC_LINE, l, "fqdn", l->fqdn, NULL);
	}
}

static void check_devices(struct ctx *c)
{
	for (size_t i = 0; i < c->doc->n_devices; i++) {
		struct device *dv = &c->doc->devices[i];
		char v[16];

		snprintf(v, sizeof(v), "%d", dv->line_no);
		if (dv->line_no && !intake_doc_line(c->doc, dv->line_no))
			add(c, MS_DIAG_ERROR, MSG_UNKNOWN_LINE, REC_DEVICE, dv, "line_no", v, NULL);
		snprintf(v, sizeof(v), "%d", dv->year);
		if (dv->year && (dv->year < 1980 || dv->year > 2100))
			add(c, MS_DIAG_ERROR, MSG_BAD_YEAR, REC_DEVICE, dv, "year", v, NULL);
	}
}

static void check_ifaddr(struct ctx *c, struct terminal *t, const char *addr, const char *field)
{
	struct ms_prefix p;

	if (addr && ms_ifaddr_parse(addr, &p) != MS_PREFIX_OK)
		add(c, MS_DIAG_ERROR, MSG_IP_SYNTAX, REC_TERMINAL, t, field, addr, NULL);
}

/* Seed 001: five PCs are chosen for the terminal survey, one of them from the EHR system. */
static void check_terminal_choice(struct ctx *c)
{
	struct intake_doc *doc = c->doc;
	char where[512], v[24];
	int ehr = 0;

	for (size_t i = 0; i < doc->n_terminals; i++)
		ehr |= doc->terminals[i].system == TERMINAL_SYSTEM_EHR;
	if (doc->format == INTAKE_JSON)
		snprintf(where, sizeof(where), "%s:/%s", doc->source ? doc->source : "-",
		         intake_json_array(REC_TERMINAL));
	else
		snprintf(where, sizeof(where), "%s:%s", doc->source ? doc->source : "-",
		         intake_sheet_name(REC_TERMINAL));
	snprintf(v, sizeof(v), "%zu", doc->n_terminals);
	if (doc->n_terminals < MAX_TERMINALS)
		ms_diags_add(c->d, MS_DIAG_WARNING, MSG_TOO_FEW_TERMINALS, where, v, NULL);
	if (doc->n_terminals && !ehr)
		ms_diags_add(c->d, MS_DIAG_WARNING, MSG_NO_EHR_TERMINAL, where, NULL, NULL);
}

static void check_terminals(struct ctx *c)
{
	struct intake_doc *doc = c->doc;
	char v[24];

	for (size_t i = 0; i < doc->n_terminals; i++) {
		struct terminal *t = &doc->terminals[i];

		for (size_t j = 0; j < i; j++) {
			if (t->no && doc->terminals[j].no == t->no) {
				snprintf(v, sizeof(v), "%d", t->no);
				add(c, MS_DIAG_ERROR, MSG_DUPLICATE_TERMINAL, REC_TERMINAL, t, "no",
				    v, NULL);
				break;
			}
		}
		check_ifaddr(c, t, t->address, "address");
		check_ifaddr(c, t, t->vdi_address, "vdi_address");
		snprintf(v, sizeof(v), "%d", t->line_no);
		if (t->line_no && !intake_doc_line(doc, t->line_no))
			add(c, MS_DIAG_ERROR, MSG_UNKNOWN_LINE, REC_TERMINAL, t, "line_no", v,
			    NULL);
	}
	if (doc->n_terminals > MAX_TERMINALS) {
		snprintf(v, sizeof(v), "%zu", doc->n_terminals);
		add(c, MS_DIAG_WARNING, MSG_TOO_MANY_TERMINALS, REC_TERMINAL,
		    &doc->terminals[MAX_TERMINALS], NULL, v, NULL);
	}
	check_terminal_choice(c);
}

/* 設置場所 targets: "回線N" names a declared line, "端末N" / "No.N" a terminal. */
static void check_locations(struct ctx *c)
{
	for (size_t i = 0; i < c->doc->n_locations; i++) {
		struct location *loc = &c->doc->locations[i];
		const char *t = loc->target;
		int n, ok = 0;

		if (!t)
			continue;
		n = intake_parse_int(t);
		if (n > 0 && strncmp(t, "回線", strlen("回線")) == 0) {
			ok = intake_doc_line(c->doc, n) != NULL;
		} else if (n > 0) {
			for (size_t j = 0; j < c->doc->n_terminals; j++)
				ok |= c->doc->terminals[j].no == n;
		}
		if (!ok)
			add(c, MS_DIAG_ERROR, MSG_UNKNOWN_TARGET, REC_LOCATION, loc, "target", t,
			    NULL);
	}
}

static void check_hospital(struct ctx *c)
{
	struct hospital *h = &c->doc->hospital;
	int named = 0;

	if (h->consent && strcmp(h->consent, CONSENT_TEXT) != 0)
		add(c, MS_DIAG_ERROR, MSG_CONSENT, REC_HOSPITAL, h, "consent", h->consent, NULL);
	for (size_t i = 0; i < c->doc->n_contacts; i++)
		named |= c->doc->contacts[i].name != NULL;
	if (!named)
		add(c, MS_DIAG_ERROR, MSG_NO_CONTACT, REC_HOSPITAL, h, NULL, NULL, NULL);
}

size_t intake_validate(struct intake_doc *doc, const struct intake_options *opt, struct ms_diags *d)
{
	static const struct intake_options defaults;
	struct ctx c = { doc, opt ? opt : &defaults, d };
	size_t before = d->errors;

	check_required(&c);
	check_hospital(&c);
	check_lines(&c);
	check_devices(&c);
	check_terminals(&c);
	check_locations(&c);
	return d->errors - before;
}
