/*
 * checklist.h - the monthly サイバーセキュリティ対策チェックリスト of the prefecture manual
 * (seed 004): 20 items, each under one of the manual's 12 chapters, answered with a level
 * from 0 (nothing) to 3 (by a system or a contract) once a month; where a level is under 2
 * the chapter's risk, the next level and the chapter's measures say what to do next. The
 * texts are data (data/checklist.json).
 */
#ifndef MEDSEC_CHECKLIST_H
#define MEDSEC_CHECKLIST_H

#include <stddef.h>

#include "medsec/error.h"
#include "medsec/mem.h"
#include "medsec/msg.h"

#define CHECKLIST_ITEMS 20
#define CHECKLIST_CHAPTERS 12

/* What medsec can propose an item's level from. */
enum checklist_evidence {
	EVIDENCE_NONE = 0,  /* the person answers */
	EVIDENCE_DIAGRAM,   /* the intake against the onsite survey (lines nobody declared) */
	EVIDENCE_BACKUP,    /* the offline-backup answers */
	EVIDENCE_TERMINALS, /* the terminal survey */
	EVIDENCE_FIRMWARE,  /* the network devices' firmware against the index */
	EVIDENCE_REMOTE,    /* the remote diagnosis's findings on maintenance access */
};

struct checklist_text {
	const char *ja, *en;
};

struct checklist_item {
	int no, chapter;
	struct checklist_text text, levels[4];
	const char *mhlw; /* the MHLW items it answers ("2-⑤, 2-⑩"), or NULL */
	enum checklist_evidence evidence;
};

/*
 * An item of MHLW's checklist (医療機関確認用), the form checked at the 立入検査: answered はい
 * or いいえ with the date checked, and for いいえ a target date in the fiscal year.
 */
#define CHECKLIST_MHLW_MAX 32
struct checklist_mhlw_item {
	const char *id; /* "2-⑤" */
	struct checklist_text group, text;
	int from[CHECKLIST_ITEMS]; /* the monthly items whose levels answer it */
	size_t n_from;             /* 0: the hospital answers it on the form */
	int vendor;                /* also on the 事業者確認用 form */
};

struct checklist_chapter {
	int no;
	struct checklist_text title, risk;
	struct checklist_text measures[8];
	size_t n_measures;
};

struct checklist {
	struct ms_arena arena;
	struct checklist_item items[CHECKLIST_ITEMS];
	struct checklist_chapter chapters[CHECKLIST_CHAPTERS];
	struct checklist_text level_names[4];
	struct checklist_mhlw_item mhlw[CHECKLIST_MHLW_MAX];
	size_t n_mhlw;
};

/* Loads and checks data/checklist.json; *out is new (checklist_free). Problems go to d. */
int checklist_load(const char *path, struct checklist **out, struct ms_diags *d,
                   struct ms_error *err);
void checklist_free(struct checklist *c);
/* The text in lang (Japanese where no English is given). */
const char *checklist_text(const struct checklist_text *t, enum ms_lang lang);

/* A level medsec proposes for an item from what it knows, with why; level -1: no proposal. */
struct checklist_proposal {
	int level;
	char reason[512];
};

/*
 * The month's checklist as a workbook to answer (sheet チェックリスト): the month, who
 * answers, and per item its level (-1: not answered), with the criteria and medsec's
 * proposals beside it to read.
 */
struct checklist_sheet {
	char hospital[256]; /* as written; "" if left out */
	char month[8];      /* YYYY-MM */
	char by[128];
	int levels[CHECKLIST_ITEMS];
};
/* Writes path, the levels given prefilled and the proposals shown; a Japanese form, like
 * the intake's. */
int checklist_sheet_write(const char *path, const struct checklist *c,
                          const struct checklist_sheet *now,
                          const struct checklist_proposal proposals[CHECKLIST_ITEMS],
                          struct ms_error *err);
/*
 * Reads a workbook written by checklist_sheet_write, as Excel or LibreOffice saved it, into
 * *out. Every problem goes to d named by file, sheet, row and column; any → MS_ERR_INPUT.
 */
int checklist_sheet_read(const void *data, size_t size, const char *name,
                         struct checklist_sheet *out, struct ms_diags *d, struct ms_error *err);

/* ---- MHLW's checklist for the 立入検査, answered from the month's levels ---- */

enum mhlw_answer {
	MHLW_BY_HAND = 0, /* no monthly item answers it: the hospital does, on the form */
	MHLW_YES,         /* every monthly item it follows at level 2 or more */
	MHLW_NO,          /* one of them under level 2 */
	MHLW_OPEN,        /* one of them not answered that month */
};

struct checklist_mhlw_answer {
	enum mhlw_answer answer;
	int lowest;                /* the lowest level of its monthly items; -1 if none answered */
	char checked_on[11];       /* YES/NO: the day the newest of them was answered, in Japan */
	char target_on[11];        /* NO: the last day of the fiscal year, the form's target */
	int open[CHECKLIST_ITEMS]; /* OPEN: the monthly items to answer first */
	size_t n_open;
};

struct checklist_row;
/*
 * c->n_mhlw answers into out from now (the month's answer per monthly item, NULL where none)
 * of month (YYYY-MM, which decides the fiscal year).
 */
void checklist_mhlw_answers(const struct checklist *c,
                            const struct checklist_row *const now[CHECKLIST_ITEMS],
                            const char *month, struct checklist_mhlw_answer *out);
/*
 * The forms as a workbook at path: 医療機関確認用 filled in from the answers (the rest left to
 * fill, with drop-downs), and a 事業者確認用 sheet per vendor named (one blank if none).
 */
int checklist_inspection_write(const char *path, const struct checklist *c,
                               const struct checklist_mhlw_answer *answers, const char *hospital,
                               const char *month, const char *const *vendors, size_t n_vendors,
                               struct ms_error *err);

/*
 * "4=2" into *no and *level (1-20, 0-3); 0, or -1 if it is not one. Plain parsing of what
 * a person typed on the command line.
 */
int checklist_parse_setting(const char *s, int *no, int *level);

#endif
