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
#define COLLECTOR_MAX_CHECKS 128

/* What became of one probe: every probe ends in one of these, none aborts the run. */
enum check_status { CHECK_OK, CHECK_UNAVAILABLE, CHECK_DENIED, CHECK_ERROR };

enum value_type { VALUE_NONE, VALUE_STRING, VALUE_NUMBER };

struct check {
	const char *id; /* "os.current_build" */
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

/* A new check record in c (never NULL: the table is sized for every probe). */
struct check *collection_add(struct collection *c, const char *id);

/* Every registry probe of the collector into c (registry.c). */
void probe_registry(struct collection *c);
/* The Windows version as the kernel reports it (RtlGetVersion), into c. */
void probe_kernel_version(struct collection *c);
/* Host name, domain, MachineGuid, elevation, time, the .exe's SHA-256 (system.c). */
void probe_identity(struct collection *c, const wchar_t *exe_path);

/* UTF-16 to UTF-8 into buf (truncated at size). */
void utf8_of(const wchar_t *w, char *buf, size_t size);
/* The JSON of c; a new string (free it). */
char *collection_json(const struct collection *c);

#endif
