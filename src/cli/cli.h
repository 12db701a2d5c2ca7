/*
 * cli.h - what the command files share: options common to every command,
 * printing errors in the one format, and opening the store.
 */
#ifndef MEDSEC_CLI_H
#define MEDSEC_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "medsec/error.h"
#include "medsec/survey.h"

struct cli {
	enum ms_lang lang;
	const char *db;       /* --db, MEDSEC_DB, or ./medsec.db */
	const char *hospital; /* --hospital, when several are stored */
	int json;
	int want_help;
};

/* Options every command takes; codes above 255. */
enum { OPT_DB = 256, OPT_LANG, OPT_HOSPITAL, OPT_JSON, OPT_HELP, OPT__FIRST_LOCAL = 300 };
#define CLI_COMMON_OPTIONS                                                                        \
	{ "db", required_argument, NULL, OPT_DB }, { "lang", required_argument, NULL, OPT_LANG }, \
	        { "hospital", required_argument, NULL, OPT_HOSPITAL },                            \
	        { "json", no_argument, NULL, OPT_JSON },                                          \
	{                                                                                         \
		"help", no_argument, NULL, OPT_HELP                                               \
	}

/*
 * Handles a common option; returns 1 if it was one, 0 if not, and -1 after
 * printing a usage error (the caller returns 2). --help is only noted, so
 * that a later --lang still counts (cli_options prints it).
 */
int cli_common_option(struct cli *c, int opt, const char *arg);
#define CLI_GO (-1)
/*
 * Runs getopt_long over argv: common options are handled here, any other is
 * handed to local (which records it and returns 0, or returns -1 if it is not
 * the command's; local may be NULL). Returns CLI_GO to go on, or the status
 * to exit with: 0 after printing --help, 2 after a usage error naming usage.
 */
int cli_options(struct cli *c, int argc, char **argv, const struct option *opts,
                int (*local)(int opt, const char *arg, void *ctx), void *ctx, const char *usage,
                const char *help_ja, const char *help_en);

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
/* path = the data file name under MEDSEC_DATA or the data/ folder medsec was built with. */
void cli_data_path(const char *name, char *path, size_t size);
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
struct vdb_match;
/* One vulnerability as a table row (severity, score, CVE, JVNDB, KEV, confidence, title). */
void cli_vuln_row(const struct cli *c, const struct vdb_match *m, const char *indent);

/* Prints s padded with spaces to width terminal columns. */
void cli_pad(FILE *f, const char *s, size_t width);

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
/* Progress of a use case on the terminal (stderr, only when it is one); ctx is the struct cli. */
void cli_progress(void *ctx, enum survey_stage stage, const char *what, uint64_t done,
                  uint64_t total, double rate);
/* Clears the progress line (on a terminal). */
void cli_progress_end(const struct cli *c);
/* The use cases with their printing, shared by their commands and diagnose; each returns the exit status. */
int cli_plan(struct cli *c, struct survey_session *s, const char *xlsx);
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
