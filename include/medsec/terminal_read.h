/*
 * terminal_read.h - what the terminal analysis reads: the Windows lifecycle list
 * (data/windows-lifecycle.json) and, next, the collector's files.
 */
#ifndef MEDSEC_TERMINAL_READ_H
#define MEDSEC_TERMINAL_READ_H

#include "medsec/error.h"
#include "medsec/mem.h"
#include "medsec/terminal.h"

struct lifecycle_list {
	struct ms_arena arena;
	struct lifecycle_entry *entries;
	size_t n;
	struct lifecycle view; /* what terminal_os_support takes */
};

/*
 * Reads and checks a list from memory (path names it in the messages): MS_ERR_INPUT and
 * each problem in d with its place when it is not one; *out is new (terminal_lifecycle_free).
 */
int terminal_lifecycle_read(const char *data, size_t size, const char *path,
                            struct lifecycle_list **out, struct ms_diags *d, struct ms_error *err);
/* The shipped list (data/windows-lifecycle.json): as read, but a problem is MS_ERR_SYSTEM. */
int terminal_lifecycle_load(const char *path, struct lifecycle_list **out, struct ms_diags *d,
                            struct ms_error *err);
/*
 * A newer list over base: its entries replace base's of the same family, build and
 * edition class, the rest are added; counts in *added and *replaced. newer stays the caller's.
 */
void terminal_lifecycle_merge(struct lifecycle_list *base, const struct lifecycle_list *newer,
                              size_t *added, size_t *replaced);
void terminal_lifecycle_free(struct lifecycle_list *l);

/* One check of a collector file: a value read (text, and number when it is one) or why not. */
struct terminal_check {
	char *id, *text, *source, *detail; /* text NULL when there is no value */
	long long number;
	int has_number;
	char status[16]; /* ok, unavailable, denied, error */
};

/* A collector file as read: medsec-collector.exe's JSON (schema medsec-terminal/1). */
struct terminal_collection {
	struct ms_arena arena;
	char *source; /* the file */
	char *host, *machine_guid, *domain, *collected_at, *collector_version, *collector_sha256;
	int elevated;
	struct terminal_check *checks;
	size_t n_checks;
};

/* Largest collector file accepted: a PC's facts are a few kilobytes. */
#define TERMINAL_FILE_MAX (1024 * 1024)

/*
 * Reads and checks one collector file from memory (name for the messages): the
 * schema, the host, a SHA-256 of 64 hex digits, every check's id (unique), status
 * (from the closed set) and value. Problems go to d, each with its JSON pointer;
 * on MS_OK without errors in d, *out is the caller's (terminal_collection_free).
 */
int terminal_collection_read(const char *data, size_t size, const char *name,
                             struct terminal_collection **out, struct ms_diags *d,
                             struct ms_error *err);
void terminal_collection_free(struct terminal_collection *c);
/* The check with this id, or NULL. */
const struct terminal_check *terminal_check_of(const struct terminal_collection *c, const char *id);
/* A check's whole number (0 to 2^30), or -1 where it was not read as one. */
int terminal_int_of(const struct terminal_collection *c, const char *id);
/* The facts the analysis takes, from the checks (strings point into c). */
void terminal_os_facts_of(const struct terminal_collection *c, struct os_facts *os);
void terminal_usb_facts_of(const struct terminal_collection *c, struct usb_facts *u);
/*
 * The security products the PC lists, into v (at most max): Security Center's list when it
 * was read, else its WMI view (productState decoded). *list_read: either list was read.
 */
size_t terminal_av_facts_of(const struct terminal_collection *c, struct av_product *v, size_t max,
                            int *list_read);
void terminal_defender_facts_of(const struct terminal_collection *c, struct defender_facts *d);
/*
 * The newest day (YYYY-MM-DD, in Japan) an OS update was installed, from the update history
 * (successful installations) and the hotfixes; antivirus definitions do not count. 0 if none.
 */
int terminal_last_update_of(const struct terminal_collection *c, char out[11]);
size_t terminal_accounts_of(const struct terminal_collection *c, struct account_facts *v,
                            size_t max);
void terminal_policy_of(const struct terminal_collection *c, struct password_policy *p);
/* Does the PC have this IPv4 address (one of the collector's net.N.address)? */
int terminal_has_address(const struct terminal_collection *c, const char *address);
/* Domain, private and public profiles: 1 on, 0 off, -1 not read. */
void terminal_firewall_of(const struct terminal_collection *c, int firewall[3]);

#endif
