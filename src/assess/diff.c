/*
 * diff.c - two rounds compared (diff.h). Each fact gets a stable key that
 * does not carry what may change (a finding's key names its rule and where it
 * is, not the firmware version in its subject), then the two key sets are
 * matched: in both, only before, only after.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/diff.h"
#include "medsec/model.h"

static const char *keepf(struct round_diff *d, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static const char *keepf(struct round_diff *d, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return ms_arena_strdup(&d->arena, buf);
}

static const char *keep(struct round_diff *d, const char *s)
{
	return ms_arena_strdup(&d->arena, s);
}

static struct diff_item *add(struct round_diff *d, struct diff_list *l, const char *key,
                             const char *what)
{
	struct diff_item *it = ms_xgrow((void **)&l->v, &l->n, sizeof(*it));

	it->key = keep(d, key);
	it->what = keep(d, what);
	return it;
}

/* One side's facts of a kind: key, what it is for people, its value, severity and line. */
struct fact {
	const char *key, *what, *value;
	enum finding_severity severity;
	int line_no;
};

struct facts {
	struct fact *v;
	size_t n;
};

static void fact(struct round_diff *d, struct facts *f, const char *key, const char *what,
                 const char *value, enum finding_severity severity, int line_no)
{
	struct fact *x = ms_xgrow((void **)&f->v, &f->n, sizeof(*x));

	*x = (struct fact){ keep(d, key), keep(d, what), keep(d, value), severity, line_no };
}

static const struct fact *find(const struct facts *f, const char *key)
{
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->v[i].key, key))
			return &f->v[i];
	return NULL;
}

/* Ports that answered, with what answers there. */
static void ports_of(struct round_diff *d, const struct assessment *a, struct facts *ports)
{
	for (size_t i = 0; a && a->in->scan && i < a->n_ports; i++) {
		const struct assess_port *p = &a->ports[i];
		char key[160];

		if (!p->responded)
			continue;
		snprintf(key, sizeof(key), "%s %s %d", p->proto, p->address, p->port);
		fact(d, ports, key, keepf(d, "%s/%d %s", p->proto, p->port, p->address),
		     keepf(d, "%s %s %s", p->svc->service, p->svc->product, p->svc->version),
		     FSEV_UNSET, p->line_no);
	}
}

/*
 * Findings, keyed by rule and where they are; the subject is for people only. Only what both
 * rounds looked at is compared: a round not yet diagnosed (or surveyed on site) has not
 * resolved the other's remote (or onsite) findings.
 */
static void findings_of(struct round_diff *d, const struct assessment *a, int remote, int onsite,
                        struct facts *out)
{
	for (size_t i = 0; a && i < a->n_findings; i++) {
		const struct assess_finding *f = &a->findings[i];
		if ((f->source == SRC_REMOTE && !remote) || (f->source == SRC_ONSITE && !onsite))
			continue;
		const char *where = f->address ? keepf(d, "%s/%d %s", f->proto ? f->proto : "",
		                                       f->port, f->address)
		                    : f->target != (size_t)-1 && f->target < a->n_targets
		                            ? a->targets[f->target].label
		                            : f->subject;
		char key[1024];

		snprintf(key, sizeof(key), "%s|%s|%d|%s",
		         model_enum_key(model_finding_kinds, (int)f->kind), f->rule ? f->rule : "",
		         f->line_no, where ? where : "");
		if (!find(out, key))
			fact(d, out, key,
			     f->subject ? keepf(d, "%s: %s", f->subject, f->title) : f->title, NULL,
			     f->severity, f->line_no);
	}
}

/* Firmware of each device: read on site where it was, else as declared. */
static void firmware_of(struct round_diff *d, const struct assessment *a, struct facts *out)
{
	for (size_t i = 0; a && i < a->n_targets; i++) {
		const struct assess_target *t = &a->targets[i];
		char key[512];
		size_t k;

		if (t->source == SRC_REMOTE || !t->version)
			continue;
		snprintf(key, sizeof(key), "%d|%s", t->line_no, t->label);
		for (k = 0; k < out->n && strcmp(out->v[k].key, key); k++)
			;
		if (k == out->n)
			fact(d, out, key, t->label, t->version, FSEV_UNSET, t->line_no);
		else if (t->source == SRC_ONSITE)
			out->v[k].value = keep(d, t->version);
	}
}

/* Lines of the plan by their declared number, with the address diagnosed. */
static void lines_of(struct round_diff *d, const struct assessment *a, struct facts *out)
{
	for (size_t i = 0; a && i < a->n_lines; i++) {
		const struct plan_line *l = a->lines[i].plan;
		char key[32];

		snprintf(key, sizeof(key), "%d", l->declared_no);
		fact(d, out, key, l->use ? l->use : "", l->target ? l->target : "", FSEV_UNSET,
		     l->line_no);
	}
}

/* Matches before against after: new, gone, changed values, and how many stayed alike. */
static size_t compare(struct round_diff *d, const struct facts *before, const struct facts *after,
                      struct diff_list *added, struct diff_list *gone, struct diff_list *changed,
                      struct diff_list *kept)
{
	size_t same = 0;

	for (size_t i = 0; i < after->n; i++) {
		const struct fact *now = &after->v[i], *was = find(before, now->key);
		struct diff_item *it = NULL;

		if (!was)
			it = add(d, added, now->key, now->what);
		else if (changed &&
		         strcmp(was->value ? was->value : "", now->value ? now->value : ""))
			(it = add(d, changed, now->key, now->what))->was = keep(d, was->value);
		else if (kept)
			it = add(d, kept, now->key, now->what);
		else
			same++;
		if (it) {
			it->now = it->was ? keep(d, now->value) : NULL;
			it->severity = now->severity;
			it->line_no = now->line_no;
		}
	}
	for (size_t i = 0; gone && i < before->n; i++) {
		if (!find(after, before->v[i].key)) {
			struct diff_item *it = add(d, gone, before->v[i].key, before->v[i].what);
			it->severity = before->v[i].severity;
			it->line_no = before->v[i].line_no;
		}
	}
	return same;
}

struct round_diff *round_diff(const struct assessment *before, int from_round,
                              const char *from_date, const struct assessment *after, int to_round,
                              const char *to_date)
{
	struct round_diff *d = ms_xcalloc(1, sizeof(*d));
	struct facts b = { 0 }, a = { 0 };
	struct diff_list scratch = { 0 };

#define RESET()                          \
	do {                             \
		free(b.v);               \
		free(a.v);               \
		b = (struct facts){ 0 }; \
		a = (struct facts){ 0 }; \
	} while (0)

	d->from_round = from_round;
	d->to_round = to_round;
	d->from_date = keep(d, from_date);
	d->to_date = keep(d, to_date);
	d->scanned = before && after && before->in->scan && after->in->scan;
	if (d->scanned) {
		ports_of(d, before, &b);
		ports_of(d, after, &a);
		/* A port in both with another product or version is a service that changed. */
		d->ports_unchanged = compare(d, &b, &a, &d->ports_new, &d->ports_gone,
		                             &d->services_changed, NULL) +
		                     d->services_changed.n;
		RESET();
	}
	d->onsite = before && after && before->in->onsite && after->in->onsite;
	findings_of(d, before, d->scanned, d->onsite, &b);
	findings_of(d, after, d->scanned, d->onsite, &a);
	compare(d, &b, &a, &d->findings_new, &d->findings_resolved, NULL, &d->findings_open);
	RESET();
	firmware_of(d, before, &b);
	firmware_of(d, after, &a);
	compare(d, &b, &a, &scratch, NULL, &d->firmware_changed, NULL);
	free(scratch.v);
	RESET();
	lines_of(d, before, &b);
	lines_of(d, after, &a);
	compare(d, &b, &a, &d->lines_new, &d->lines_gone, &d->lines_changed, NULL);
	RESET();
#undef RESET
	return d;
}

void round_diff_free(struct round_diff *d)
{
	if (!d)
		return;
	struct diff_list *lists[] = { &d->ports_new,         &d->ports_gone,
		                      &d->services_changed,  &d->findings_new,
		                      &d->findings_resolved, &d->findings_open,
		                      &d->firmware_changed,  &d->lines_new,
		                      &d->lines_gone,        &d->lines_changed };
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		free(lists[i]->v);
	ms_arena_dispose(&d->arena);
	free(d);
}

static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *list_json(const struct diff_list *l)
{
	json_t *a = json_array();

	for (size_t i = 0; i < l->n; i++) {
		const struct diff_item *it = &l->v[i];
		json_t *o = json_pack("{s:s, s:s, s:o}", "key", it->key, "what", it->what,
		                      "line_no",
		                      it->line_no ? json_integer(it->line_no) : json_null());

		if (it->was || it->now) {
			json_object_set_new(o, "was", str(it->was));
			json_object_set_new(o, "now", str(it->now));
		}
		if (it->severity)
			json_object_set_new(o, "severity",
			                    json_string(assess_severity_key(it->severity)));
		json_array_append_new(a, o);
	}
	return a;
}

char *round_diff_json(const struct round_diff *d)
{
	json_t *root = json_pack(
	        "{s:i, s:i, s:o, s:o, s:b, s:b, s:{s:o, s:o, s:i, s:o}, s:{s:o, s:o, s:o}, s:{s:o}, s:{s:o, s:o, s:o}}",
	        "from_round", d->from_round, "to_round", d->to_round, "from_date",
	        str(d->from_date), "to_date", str(d->to_date), "scanned", d->scanned,
	        "onsite_compared", d->onsite, "ports", "new", list_json(&d->ports_new), "gone",
	        list_json(&d->ports_gone), "unchanged", (int)d->ports_unchanged, "services_changed",
	        list_json(&d->services_changed), "findings", "new", list_json(&d->findings_new),
	        "resolved", list_json(&d->findings_resolved), "still_open",
	        list_json(&d->findings_open), "firmware", "changed",
	        list_json(&d->firmware_changed), "lines", "new", list_json(&d->lines_new), "gone",
	        list_json(&d->lines_gone), "changed", list_json(&d->lines_changed));
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);

	json_decref(root);
	return s;
}
