/*
 * checklist_answer.c - `medsec checklist answer`: the month's items one at a time on a
 * terminal, each saved as it is answered, so that a stop (q, end of input, a closed
 * window) loses nothing and the next run starts at the first item still open.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

#define TRIES 5 /* wrong answers before an item is passed over */

/* One line of input without its newline; 0 at the end of input. */
static int read_line(char *buf, size_t size)
{
	if (!fgets(buf, (int)size, stdin))
		return 0;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 1;
}

/* The level typed (0-3), the proposal on Enter, -2 skip, -3 quit, -4 not understood. */
static int level_of(const char *in, int proposed)
{
	if (!*in)
		return proposed >= 0 ? proposed : -4;
	if (!strcmp(in, "s"))
		return -2;
	if (!strcmp(in, "q"))
		return -3;
	return in[0] >= '0' && in[0] <= '3' && !in[1] ? in[0] - '0' : -4;
}

int cli_checklist_answer(struct cli *c, struct survey_session *s, struct survey_checklist *k,
                         const char *by)
{
	struct ms_error err;
	int answered = 0, open = 0, quit = 0;

	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		open += !k->now[i];

	printf(L(C_CHECKLIST_ANSWER_HEAD), k->month, s->hospital);
	for (int i = 0; i < CHECKLIST_ITEMS && !quit; i++) {
		const struct checklist_item *it = &k->list->items[i];
		const struct checklist_proposal *p = &k->proposals[i];
		int level = -4;
		char line[64];

		if (k->now[i])
			continue; /* answered this month: the run resumes after it */
		printf("\n%2d. %s\n", it->no, checklist_text(&it->text, c->lang));
		for (int l = 0; l < 4; l++)
			printf("    %d: %s\n", l, checklist_text(&it->levels[l], c->lang));
		if (p->level >= 0)
			printf(L(C_CHECKLIST_PROPOSED), p->level, p->reason);
		for (int t = 0; t < TRIES && level == -4; t++) {
			fputs(p->level >= 0 ? L(C_CHECKLIST_PROMPT_PROPOSED)
			                    : L(C_CHECKLIST_PROMPT),
			      stdout);
			fflush(stdout);
			if (!read_line(line, sizeof(line))) {
				level = -3;
				break;
			}
			level = level_of(line, p->level);
		}
		if (level == -3)
			quit = 1;
		if (level < 0)
			continue;
		{
			int levels[CHECKLIST_ITEMS];

			for (int l = 0; l < CHECKLIST_ITEMS; l++)
				levels[l] = l == i ? level : -1;
			if (survey_checklist_answer(s, levels, by, k, &err))
				return cli_fail(c, NULL, &err);
		}
		answered++;
	}
	printf(L(C_CHECKLIST_ANSWER_DONE), answered, open - answered);
	return 0;
}
