/*
 * cli.h - what the command files share: options common to every command,
 * printing errors in the one format, and opening the store.
 */
#ifndef MEDSEC_CLI_H
#define MEDSEC_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "medsec/cvss.h"
#include "medsec/error.h"
#include "medsec/prose.h"
#include "medsec/survey.h"
#include "medsec/vulndb.h"

struct cli {
	enum ms_lang lang;
	const char *db;       /* --db, MEDSEC_DB, or ./medsec.db */
	const char *hospital; /* --hospital, when several are stored */
	int json;
	int want_help;
};

/* Options every command takes; codes above 255. */
enum { OPT_DB = 256, OPT_LANG, OPT_HOSPITAL, OPT_JSON, OPT_HELP, OPT__FIRST_LOCAL = 300 };
/*
 * Handles a common option; returns 1 if it was one, 0 if not, and -1 after
 * printing a usage error (the caller returns 2). --help is only noted, so
 * that a later --lang still counts (cli_parse prints it).
 */
int cli_common_option(struct cli *c, int opt, const char *arg);

/*
 * One option of a command with its help beside it: getopt's long name, argument and
 * code; the argument's name in the help (NULL for a flag); the help, in Japanese and
 * English ("\n" starts a continuation line). A table ends with { NULL }.
 */
struct cli_opt {
	const char *name;
	int has_arg; /* no_argument, required_argument */
	int code;    /* OPT__FIRST_LOCAL ... */
	const char *arg_ja, *arg_en;
	const char *help_ja, *help_en;
};

/* A command: how it is called, what it does, its own options (the common ones are added). */
struct cli_cmd {
	const char *usage_ja, *usage_en; /* "medsec scan [--ports 範囲] ..."; "\n" for more forms */
	const char *about_ja, *about_en; /* what it does; "\n\n" between paragraphs */
	const struct cli_opt *opts;
};

/* A sentence of prose.h in the command's language (needs a struct cli *c in scope). */
#define L(pair) TXT(c->lang, pair)

#define CLI_GO (-1)
/*
 * Runs getopt_long over argv with the command's options and the common ones: a
 * common option is handled here, any other is handed to local (which records it
 * and returns 0, or -1 if its argument is bad; local may be NULL). Returns CLI_GO
 * to go on, or the status to exit with: 0 after printing --help (made from cmd),
 * 2 after a usage error.
 */
int cli_parse(struct cli *c, int argc, char **argv, const struct cli_cmd *cmd,
              int (*local)(int opt, const char *arg, void *ctx), void *ctx);
/* A usage error naming the command's usage; returns 2. */
int cli_bad_usage(const struct cli *c, const struct cli_cmd *cmd);

/* Prints "medsec: where: what" for an error; returns err->status. */
int cli_error(const struct cli *c, const struct ms_error *err);
/* Prints every diag, warnings marked; to stderr. */
void cli_diags(const struct cli *c, const struct ms_diags *d);
/* Prints a usage error naming the command; returns 2. */
int cli_usage(const struct cli *c, const char *what);
/* Prints an informational message (stdout) with its argument. */
void cli_say(const struct cli *c, enum msg_id msg, const char *arg);

/* The vulnerability index: --index (opt), MEDSEC_VULNDB, or ./medsec.vulndb. */
const char *cli_vulndb_path(const char *opt);
/* The use cases' settings from the command line; index is --index or NULL. */
void cli_config(const struct cli *c, const char *index, struct survey_config *cfg);
/* Opens the hospital's current round; on failure prints why and returns the exit status. */
int cli_open_session(struct cli *c, const char *index, struct survey_config *cfg,
                     struct survey_session *s);
/* Loads and assesses round round_no (0: current); on failure prints why (survey_free still due). */
int cli_survey_load(struct cli *c, const char *index, int round_no, struct survey_config *cfg,
                    struct survey *sv);
/* Prints a use case's failure: its diags if it has any, else the error; returns the exit status. */
int cli_fail(const struct cli *c, const struct ms_diags *d, const struct ms_error *err);
struct json_t;
/* A string for JSON: the text, or null when it is NULL or empty (a new reference). */
struct json_t *cli_json_str(const char *s);

/* Prints s padded with spaces to width terminal columns. */
void cli_pad(FILE *f, const char *s, size_t width);
/* Borrowed words for a severity band and a match's confidence, in the command's language. */
const char *cli_severity(const struct cli *c, enum cvss_severity s);
const char *cli_confidence(const struct cli *c, enum vdb_confidence conf);

int cmd_template(struct cli *c, int argc, char **argv);
int cmd_intake(struct cli *c, int argc, char **argv);
int cmd_plan(struct cli *c, int argc, char **argv);
int cmd_round(struct cli *c, int argc, char **argv);
int cmd_scan(struct cli *c, int argc, char **argv);
int cmd_scope(struct cli *c, int argc, char **argv);
int cmd_vulndb(struct cli *c, int argc, char **argv);
int cmd_vuln(struct cli *c, int argc, char **argv);
int cmd_firmware(struct cli *c, int argc, char **argv);
int cmd_probe(struct cli *c, int argc, char **argv);
int cmd_consent(struct cli *c, int argc, char **argv);
int cmd_onsite(struct cli *c, int argc, char **argv);
int cmd_assess(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);
int cmd_diff(struct cli *c, int argc, char **argv);
int cmd_diagnose(struct cli *c, int argc, char **argv);
int cmd_terminal(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);
int cmd_checklist(struct cli *c, int argc, char **argv);
/* k as the text or, with --json, the JSON of `medsec checklist` (show_checklist.c). */
void cli_show_checklist(const struct cli *c, const struct survey_session *s,
                        const struct survey_checklist *k);
/* Each item's level month by month (`checklist history`). */
void cli_checklist_history(const struct cli *c, const struct survey_checklist *k);
/* MHLW's checklist as answered from k's month (`checklist inspection`). */
void cli_checklist_inspection(const struct cli *c, const struct survey_session *s,
                              const struct survey_checklist *k,
                              const struct checklist_mhlw_answer *a);
/* The month's open items one at a time from standard input, each saved as answered. */
int cli_checklist_answer(struct cli *c, struct survey_session *s, struct survey_checklist *k,
                         const char *by);
/* Progress of a use case on the terminal (stderr, only when it is one); ctx is the struct cli. */
void cli_progress(void *ctx, enum survey_stage stage, const char *what, uint64_t done,
                  uint64_t total, double rate);
/* Clears the progress line (on a terminal). */
void cli_progress_end(const struct cli *c);
/* The use cases with their printing, shared by their commands and diagnose; each returns the exit status. */
int cli_plan(struct cli *c, struct survey_session *s, const char *xlsx);
/* The plan as JSON, a table, or the workbook xlsx (then only said, unless --json). */
int cli_show_plan(struct cli *c, const struct survey_session *s, const struct intake_doc *doc,
                  const struct plan *p, const char *xlsx);
int cli_scan(struct cli *c, struct survey_session *s, const struct survey_scan_options *o);
int cli_print_scan(const struct cli *c, struct survey_session *s);
int cli_probe(struct cli *c, struct survey_session *s, const struct survey_probe_options *o);
/* The ranked findings of an assessment, for people. */
void cli_print_findings(const struct cli *c, const struct assessment *a);
/* Writes the report of a loaded round into dir and says where it is; returns the exit status. */
int cli_write_report(struct cli *c, struct survey *sv, const char *dir, unsigned formats);
/* Writes the blank 現地調査 sheet (with the current plan's lines when there is one). */
int cli_onsite_template(struct cli *c, const char *path, int force);

#endif
