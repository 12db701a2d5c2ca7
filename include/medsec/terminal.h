/*
 * terminal.h - the analysis of a Windows terminal (端末調査, report chapter 4):
 * which Windows it is, whether Microsoft still supports it, whether USB storage is
 * restricted. Plain decisions on plain facts: portable C (part of the core the
 * collector builds on); reading the collector's files and the lifecycle list is
 * terminal_read's job.
 */
#ifndef MEDSEC_TERMINAL_H
#define MEDSEC_TERMINAL_H

#include <stddef.h>

enum os_family {
	OS_FAMILY_UNKNOWN = 0,
	OS_WINDOWS7,
	OS_WINDOWS81,
	OS_WINDOWS10,
	OS_WINDOWS11,
	OS_WINDOWS_SERVER,
};

/* Microsoft's servicing channels differ by edition (domain-facts §5.1). */
enum edition_class {
	EDITION_ANY = 0,              /* an entry that holds for every edition */
	EDITION_HOME_PRO,             /* Home, Pro, Pro Education, Pro for Workstations */
	EDITION_ENTERPRISE_EDUCATION, /* Enterprise, Education, IoT Enterprise (GAC) */
	EDITION_LTSC,                 /* Enterprise LTSB/LTSC (EditionID EnterpriseS) */
	EDITION_IOT_LTSC,             /* IoT Enterprise LTSC (IoTEnterpriseS) */
	EDITION_SERVER,
	EDITION_UNKNOWN,
};

enum os_support { OS_SUPPORT_UNKNOWN = 0, OS_SUPPORTED, OS_SUPPORT_ENDED };

/* What the collector read of the OS; NULL and 0 where it could not. */
struct os_facts {
	const char *product_name;      /* says "Windows 10" on Windows 11: the build decides */
	const char *edition_id;        /* "Professional", "EnterpriseS", "ServerStandard" ... */
	const char *installation_type; /* "Client", "Server", "Server Core" */
	unsigned build, ubr;
};

/* One release of one edition class: the last day Microsoft services it. */
struct lifecycle_entry {
	enum os_family family;
	unsigned build;
	enum edition_class editions;
	char release[24];  /* "22H2", "LTSC 2021", "2019" */
	char ends[11];     /* YYYY-MM-DD, the last Patch Tuesday serviced */
	char esu_ends[11]; /* the end of paid Extended Security Updates, or "" */
	const char *source;
};

struct lifecycle {
	const struct lifecycle_entry *v;
	size_t n;
};

enum os_family terminal_os_family(const struct os_facts *os);
/*
 * The OS as a person names it, into buf: the product name, "Windows 10" made "Windows 11"
 * where the build says so, and the release ("Windows 11 Enterprise 24H2").
 */
void terminal_os_name(const char *product, enum os_family family, const char *display_version,
                      char *buf, size_t size);
enum edition_class terminal_edition_class(const char *edition_id);
/*
 * Is this OS still serviced on today (YYYY-MM-DD)? *entry (may be NULL) gets the
 * lifecycle entry that decided, or NULL when none matches: then OS_SUPPORT_UNKNOWN.
 */
enum os_support terminal_os_support(const struct os_facts *os, const struct lifecycle *l,
                                    const char *today, const struct lifecycle_entry **entry);
/* "windows10" ...; "ended" ...: the stable keys of the enumerations above. */
const char *terminal_os_family_key(enum os_family f);
const char *terminal_os_support_key(enum os_support s);
const char *terminal_edition_class_key(enum edition_class e);

/* USB storage as the registry restricts it (domain-facts §5.3); -1 where a value is not set. */
struct usb_facts {
	int usbstor_start; /* 3 demand start (on), 4 disabled */
	int deny_all;      /* Removable Storage Access: all classes denied */
	int removable_deny_read, removable_deny_write;
	int user_deny_all;        /* the same policy for the user (HKCU) */
	int write_protect;        /* StorageDevicePolicies */
	int bitlocker_deny_write; /* FDVDenyWriteAccess: unencrypted drives read-only */
};

/*
 * blocked, read_only, allowed (nothing in the registry restricts it: device control
 * software may still, which the report says), or unknown (nothing could be read).
 */
enum usb_storage { USB_UNKNOWN = 0, USB_BLOCKED, USB_READ_ONLY, USB_ALLOWED };
enum usb_storage terminal_usb_storage(const struct usb_facts *u);
const char *terminal_usb_storage_key(enum usb_storage s);

/* ---- security products (protection.c) ---- */

/*
 * productState of WMI root\SecurityCenter2 AntiVirusProduct, decoded by the convention
 * monitoring tools share (undocumented by Microsoft; domain-facts §5.5): bits 16-23 the
 * WSC_SECURITY_PROVIDER flags, 12-15 the state (0 off, 1 on, 2 snoozed, 3 expired),
 * 8-11 the owner (1 Microsoft), 4-7 the signatures (0 up to date, 1 out of date).
 */
struct product_state {
	unsigned providers; /* WSC_SECURITY_PROVIDER bits: 0x4 antivirus */
	int state;          /* 0 off, 1 on, 2 snoozed, 3 expired */
	int microsoft;
	int up_to_date;
};
void terminal_product_state(unsigned long v, struct product_state *out);

/* One security product as the PC reports it; -1 where a fact is not known. */
struct av_product {
	char name[128];
	int enabled, up_to_date;
	int signature_age_days;
	int microsoft;      /* Microsoft Defender */
	const char *source; /* "wsc" (Security Center), "wmi" (SecurityCenter2), "defender" */
};

/* Defender's own status (MSFT_MpComputerStatus); -1 where not read. */
struct defender_facts {
	int read; /* the class answered */
	int am_service, antivirus, realtime, signature_age_days, out_of_date;
	const char *running_mode; /* "Normal", "Passive Mode", ... or NULL */
	const char *signature_updated;
};

enum av_status {
	AV_UNKNOWN = 0, /* nothing could be read: neither Security Center nor Defender */
	AV_PROTECTED,   /* a product on, its definitions up to date (or not said to be old) */
	AV_STALE,       /* on, but its definitions are out of date */
	AV_OFF,         /* products installed, none on */
	AV_NONE,        /* the lists were read and hold no product */
};
/*
 * The products in use, into out (at most max): the Security Center list (list_read: it
 * was read, even if empty) with Defender's own status added to its entry — or standing
 * alone where there is no Security Center (Windows Server). A Defender entry that is
 * off or passive beside a third-party product that is on is not a second product.
 * Returns how many; *status says what they amount to.
 */
size_t terminal_av_in_use(const struct av_product *list, size_t n, int list_read,
                          const struct defender_facts *def, struct av_product *out, size_t max,
                          enum av_status *status);
const char *terminal_av_status_key(enum av_status s);

/* ---- updates, accounts, firewall (protection.c) ---- */

/*
 * A hotfix's InstalledOn as Windows writes it ("11/12/2024" M/D/Y, also D/M/Y on some
 * systems and "2024/11/12") into YYYY-MM-DD; 0 if it is none. M/D/Y where both read.
 */
int terminal_hotfix_date(const char *s, char out[11]);

/* Local accounts (NetUserEnum level 3) and the password policy (NetUserModalsGet). */
struct account_facts {
	const char *name;
	int rid; /* 500 the built-in Administrator, 501 Guest */
	int disabled, password_never_expires, password_not_required, admin; /* -1 unknown */
};
struct password_policy {
	int min_length, max_age_days, lockout_threshold; /* -1 unknown; max age 0: never */
};

/* What the analysis finds weak on a PC: bits of enum terminal_weakness. */
enum terminal_weakness {
	WEAK_GUEST_ENABLED = 1 << 0,         /* the Guest account (RID 501) is enabled */
	WEAK_PASSWORD_NOT_REQUIRED = 1 << 1, /* an enabled account may have no password */
	WEAK_SHORT_PASSWORDS = 1 << 2,       /* the policy allows under 8 characters */
	WEAK_NO_LOCKOUT = 1 << 3,            /* no lockout after failed logons */
	WEAK_FIREWALL_OFF = 1 << 4,          /* a firewall profile is off */
	WEAK_BUILTIN_ADMIN_ENABLED = 1 << 5, /* the built-in Administrator (RID 500) is enabled */
};
unsigned terminal_weaknesses(const struct account_facts *a, size_t n,
                             const struct password_policy *p, const int firewall[3]);

/* One PC as the survey found it: what the report and the assessment take. */
struct terminal_result {
	const char *host;
	int declared_no; /* the intake's 端末番号, 0 for an undeclared PC */
	const char *product, *edition, *display_version; /* NULL where not read */
	unsigned build, ubr;
	enum os_family family;
	enum os_support support;
	const char *support_ends, *esu_ends; /* NULL (or "") when unknown */
	enum usb_storage usb;
	int rdp_allowed, rdp_nla, smb1; /* -1 where not read */
	const char *collected_at;
	const struct av_product *av; /* the products in use */
	size_t n_av;
	enum av_status av_status;
	const char *last_update; /* YYYY-MM-DD of the newest update installed, or NULL */
	int update_age_days;     /* days from it to the survey day, -1 unknown */
	int firewall[3];         /* domain, private, public: 1 on, 0 off, -1 unknown */
	struct password_policy policy;
	int n_admins;        /* enabled accounts in Administrators, -1 unknown */
	unsigned weaknesses; /* enum terminal_weakness bits */
};

/* Past two monthly rounds of Windows updates (Patch Tuesdays), a PC is behind. */
#define TERMINAL_UPDATE_AGE_MAX 60

/*
 * The findings one PC calls for, as the ids of their rules in data/assess.json
 * ("terminal-os-ended" ...), most serious first, into ids (at most max); how many.
 */
size_t terminal_finding_ids(const struct terminal_result *r, const char **ids, size_t max);

#endif
