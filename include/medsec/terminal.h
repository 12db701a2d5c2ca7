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
};

#endif
