/*
 * poster.c - 付録４「サイバーセキュリティ対策５ヶ条」 of the prefecture manual (seed 004): one
 * A4 page to post beside the PCs, the five things every member of staff does (the checklist's
 * items 15-20 in a sentence each), with whom to call filled in from the intake's contacts.
 */
#include <stdio.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/prose.h"
#include "report/report_int.h"

#define L(pair) TXT(lang, pair)

struct rdoc *report_poster(const struct intake_doc *doc, const struct report_opts *o)
{
	enum ms_lang lang = o->lang;
	static const double w[] = { 1.4, 1.6, 1.4, 2 };
	const char *head[] = { L(S_NAME), L(S_DEPARTMENT), L(S_PHONE), L(S_EMAIL), NULL };
	const char *rules[] = { L(S_RULE_1), L(S_RULE_2), L(S_RULE_3), L(S_RULE_4), L(S_RULE_5) };
	char date[64];
	struct rdoc *d;
	struct rtable *t;

	ms_date_text_jst(o->generated_at, lang, date, sizeof(date));
	d = rdoc_new(L(S_TITLE), "", date, o->issuer ? o->issuer : "");
	d->compact = 1; /* one page to post */
	d->subtitle = doc && doc->hospital.name ? rdoc_str(d, doc->hospital.name) : "";
	rdoc_heading(d, 1, L(S_TITLE));
	for (int i = 0; i < 5; i++)
		rdoc_heading(d, 2,
		             rdoc_fmt(d, L(S_RULE_NUMBERED), i + 1, rules[i])); /* large, to post */
	rdoc_heading(d, 2, L(S_CONTACTS));
	rdoc_para(d, L(S_CONTACTS_NOTE));
	t = rdoc_table(d, NULL, head, w);
	for (size_t i = 0; doc && i < doc->n_contacts; i++) {
		const struct contact *c = &doc->contacts[i];

		rdoc_row(d, t, NULL,
		         (const char *[]){ c->name ? c->name : "",
		                           c->department ? c->department : "",
		                           c->phone ? c->phone : "", c->email ? c->email : "" });
	}
	if (!doc || !doc->n_contacts)
		rdoc_row(d, t, NULL, (const char *[]){ "", "", "", "" }); /* to fill in by hand */
	rdoc_note(d, L(S_SOURCE_NOTE));
	return d;
}
