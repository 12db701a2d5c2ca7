/*
 * show_checklist.c - the monthly checklist as people and programs read it: each item with
 * its level, medsec's proposal and, under level 2, what to do next; and every month's levels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"

/* Under level 2 (or not answered and proposed under it): what to do next. */
static int wants_next(const struct survey_checklist *k, int i)
{
	int level = k->now[i] ? k->now[i]->level : k->proposals[i].level;

	return level >= 0 && level < 2;
}

static void print_item(const struct cli *c, const struct survey_checklist *k, int i)
{
	const struct checklist_item *it = &k->list->items[i];
	const struct checklist_chapter *ch = &k->list->chapters[it->chapter - 1];
	const struct checklist_proposal *p = &k->proposals[i];
	char level[32];

	if (k->now[i])
		snprintf(level, sizeof(level), "%d", k->now[i]->level);
	else
		snprintf(level, sizeof(level), "%s", L(C_CHECKLIST_UNANSWERED));
	printf(L(C_CHECKLIST_ITEM), it->no, level, checklist_text(&it->text, c->lang), it->chapter,
	       checklist_text(&ch->title, c->lang));
	if (p->level >= 0)
		printf(L(C_CHECKLIST_PROPOSED), p->level, p->reason);
	if (!wants_next(k, i))
		return;
	{
		int level_now = k->now[i] ? k->now[i]->level : p->level;

		printf(L(C_CHECKLIST_NEXT), level_now + 1,
		       checklist_text(&it->levels[level_now + 1], c->lang));
		printf(L(C_CHECKLIST_RISK), checklist_text(&ch->risk, c->lang));
		for (size_t m = 0; m < ch->n_measures; m++)
			printf(L(C_CHECKLIST_MEASURE), checklist_text(&ch->measures[m], c->lang));
	}
}

static json_t *item_json(const struct cli *c, const struct survey_checklist *k, int i)
{
	const struct checklist_item *it = &k->list->items[i];
	const struct checklist_chapter *ch = &k->list->chapters[it->chapter - 1];
	const struct checklist_proposal *p = &k->proposals[i];
	json_t *o = json_pack(
	        "{s:i, s:i, s:s, s:s, s:o, s:o, s:o, s:o}", "no", it->no, "chapter", it->chapter,
	        "chapter_title", checklist_text(&ch->title, c->lang), "text",
	        checklist_text(&it->text, c->lang), "level",
	        k->now[i] ? json_integer(k->now[i]->level) : json_null(), "by",
	        k->now[i] ? json_string(k->now[i]->by) : json_null(), "proposed",
	        p->level >= 0 ? json_pack("{s:i, s:s}", "level", p->level, "reason", p->reason)
	                      : json_null(),
	        "mhlw", it->mhlw ? json_string(it->mhlw) : json_null());

	if (wants_next(k, i)) {
		int now = k->now[i] ? k->now[i]->level : p->level;
		json_t *measures = json_array();

		for (size_t m = 0; m < ch->n_measures; m++)
			json_array_append_new(
			        measures, json_string(checklist_text(&ch->measures[m], c->lang)));
		json_object_set_new(o, "next",
		                    json_pack("{s:i, s:s, s:s, s:o}", "level", now + 1, "criterion",
		                              checklist_text(&it->levels[now + 1], c->lang), "risk",
		                              checklist_text(&ch->risk, c->lang), "measures",
		                              measures));
	}
	return o;
}

void cli_show_checklist(const struct cli *c, const struct survey_session *s,
                        const struct survey_checklist *k)
{
	if (c->json) {
		json_t *items = json_array(), *root;
		char *out;

		for (int i = 0; i < CHECKLIST_ITEMS; i++)
			json_array_append_new(items, item_json(c, k, i));
		root = json_pack("{s:s, s:s, s:o}", "hospital", s->hospital, "month", k->month,
		                 "items", items);
		out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(out);
		free(out);
		json_decref(root);
		return;
	}
	printf(L(C_CHECKLIST_HEAD), k->month, s->hospital);
	for (int l = 0; l < 4; l++)
		printf("  %d: %s\n", l, checklist_text(&k->list->level_names[l], c->lang));
	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		print_item(c, k, i);
}

void cli_checklist_history(const struct cli *c, const struct survey_checklist *k)
{
	json_t *items = json_array();
	char *out;

	for (int i = 0; i < CHECKLIST_ITEMS; i++) {
		json_t *levels = json_array();

		for (size_t r = 0; r < k->n_rows; r++)
			if (k->rows[r].item == i + 1)
				json_array_append_new(levels, json_pack("{s:s, s:i, s:s}", "month",
				                                        k->rows[r].month, "level",
				                                        k->rows[r].level, "by",
				                                        k->rows[r].by));
		json_array_append_new(items,
		                      json_pack("{s:i, s:i, s:o}", "no", i + 1, "chapter",
		                                k->list->items[i].chapter, "levels", levels));
	}
	if (c->json) {
		json_t *root = json_pack("{s:o}", "items", items);

		out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(out);
		free(out);
		json_decref(root);
		return;
	}
	fputs(L(C_CHECKLIST_HISTORY), stdout);
	for (int i = 0; i < CHECKLIST_ITEMS; i++) {
		json_t *levels = json_object_get(json_array_get(items, (size_t)i), "levels"), *v;
		size_t n;

		printf("  %2d:", i + 1);
		json_array_foreach (levels, n, v)
			printf(" %s=%lld", json_string_value(json_object_get(v, "month")),
			       (long long)json_integer_value(json_object_get(v, "level")));
		putchar('\n');
	}
	json_decref(items);
}

static const char *const answer_keys[] = { "by_hand", "yes", "no", "open" };

/* MHLW's checklist as answered from the month (`checklist inspection`). */
void cli_checklist_inspection(const struct cli *c, const struct survey_session *s,
                              const struct survey_checklist *k,
                              const struct checklist_mhlw_answer *a)
{
	const struct checklist *l = k->list;

	if (c->json) {
		json_t *items = json_array(), *root;
		char *out;

		for (size_t i = 0; i < l->n_mhlw; i++) {
			json_t *from = json_array(), *open = json_array();

			for (size_t f = 0; f < l->mhlw[i].n_from; f++)
				json_array_append_new(from, json_integer(l->mhlw[i].from[f]));
			for (size_t f = 0; f < a[i].n_open; f++)
				json_array_append_new(open, json_integer(a[i].open[f]));
			json_array_append_new(
			        items, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "id",
			                         l->mhlw[i].id, "group",
			                         checklist_text(&l->mhlw[i].group, c->lang), "text",
			                         checklist_text(&l->mhlw[i].text, c->lang),
			                         "answer", answer_keys[a[i].answer], "checked_on",
			                         *a[i].checked_on ? json_string(a[i].checked_on)
			                                          : json_null(),
			                         "target_on",
			                         *a[i].target_on ? json_string(a[i].target_on)
			                                         : json_null(),
			                         "from", from, "open", open));
		}
		root = json_pack("{s:s, s:s, s:o}", "hospital", s->hospital, "month", k->month,
		                 "items", items);
		out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(out);
		free(out);
		json_decref(root);
		return;
	}
	printf(L(C_INSPECTION_HEAD), k->month, s->hospital);
	for (size_t i = 0; i < l->n_mhlw; i++) {
		const char *word[] = { L(C_INSPECTION_BY_HAND), L(C_INSPECTION_YES),
			               L(C_INSPECTION_NO), L(C_INSPECTION_OPEN) };
		char from[64] = "";

		printf(L(C_INSPECTION_ITEM), l->mhlw[i].id, word[a[i].answer],
		       checklist_text(&l->mhlw[i].text, c->lang));
		for (size_t f = 0; f < l->mhlw[i].n_from; f++)
			snprintf(from + strlen(from), sizeof(from) - strlen(from), "%s%d",
			         f ? "," : "", l->mhlw[i].from[f]);
		if (a[i].answer == MHLW_OPEN)
			printf(L(C_INSPECTION_ANSWER_FIRST), a[i].open[0]);
		if (a[i].answer != MHLW_YES && a[i].answer != MHLW_NO)
			continue;
		printf(L(C_INSPECTION_CHECKED), a[i].checked_on);
		if (*a[i].target_on)
			printf(L(C_INSPECTION_TARGET), a[i].target_on);
		printf(L(C_INSPECTION_FROM), from, a[i].lowest);
	}
}
