/*
 * collector.h - the Windows terminal collector's parts: what it records about one
 * probe (a check), the JSON it writes, and the readers of the places Windows keeps
 * each fact. Windows-only; the analysis of what it collects is portable C in medsec.
 */
#ifndef MEDSEC_COLLECTOR_H
#define MEDSEC_COLLECTOR_H

#include <stddef.h>
#include <wchar.h>

#define COLLECTOR_SCHEMA "medsec-terminal/1"
/* Room for every probe with its lists capped (products, updates, accounts): see each probe. */
#define COLLECTOR_MAX_CHECKS 512

/* What became of one probe: every probe ends in one of these, none aborts the run. */
enum check_status { CHECK_OK, CHECK_UNAVAILABLE, CHECK_DENIED, CHECK_ERROR };

enum value_type { VALUE_NONE, VALUE_STRING, VALUE_NUMBER };

struct check {
	char id[64]; /* "os.current_build", "av.wsc.1.name" */
	enum value_type type;
	char text[512]; /* VALUE_STRING, UTF-8 */
	unsigned long long number;
	char source[256]; /* where it was read, e.g. "HKLM\\SOFTWARE\\...\\CurrentVersion:UBR" */
	enum check_status status;
	char detail[256]; /* why it is not ok, or a note */
};

struct collection {
	char host[256], domain[256], machine_guid[64];
	char collected_at[32]; /* UTC, ISO 8601 */
	int elevated;
	char exe_sha256[65];
	struct check checks[COLLECTOR_MAX_CHECKS];
	size_t n;
};

/* A new check record in c, its id made like printf (never NULL: the table is sized for every probe). */
struct check *collection_add(struct collection *c, const char *id_fmt, ...)
        __attribute__((format(printf, 2, 3)));
/* Shorthands: a check read, with its value; or one that failed, with its status and why. */
void check_text(struct collection *c, const char *id, const char *source, const char *text);
void check_number(struct collection *c, const char *id, const char *source, unsigned long long n);
void check_failed(struct collection *c, const char *id, const char *source,
                  enum check_status status, const char *detail);

/* Every registry probe of the collector into c (registry.c). */
void probe_registry(struct collection *c);
/* The Windows version as the kernel reports it (RtlGetVersion), into c. */
void probe_kernel_version(struct collection *c);
/* Host name, domain, MachineGuid, elevation, time, the .exe's SHA-256 (system.c). */
void probe_identity(struct collection *c, const wchar_t *exe_path);
/* The PC's IPv4 addresses, to match it to a declared terminal (system.c). */
void probe_addresses(struct collection *c);
/* Security products: Windows Security Center, its WMI view, Defender's own status (security.c). */
void probe_security_products(struct collection *c);
/* Firewall profiles (INetFwPolicy2) and BitLocker volumes (security.c). */
void probe_firewall(struct collection *c);
void probe_bitlocker(struct collection *c);
/* Windows Update history and installed hotfixes (updates.c). */
void probe_updates(struct collection *c);
/* Local accounts, the Administrators group and the password policy (accounts.c). */
void probe_accounts(struct collection *c);

/* UTF-16 to UTF-8 into buf (truncated at size). */
void utf8_of(const wchar_t *w, char *buf, size_t size);
/* The JSON of c; a new string (free it). */
char *collection_json(const struct collection *c);

#endif
