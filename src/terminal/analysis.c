/*
 * analysis.c - which Windows a terminal runs, whether it is still serviced, and how
 * USB storage is restricted (terminal.h). The facts are domain-facts §5: Windows 11 is
 * a build of 22000 or more whatever ProductName says; the servicing date depends on the
 * release and the edition class; Home editions ignore the storage policies.
 */
#include <stdio.h>
#include <string.h>

#include "medsec/terminal.h"

enum os_family terminal_os_family(const struct os_facts *os)
{
	const char *type = os->installation_type ? os->installation_type : "";
	const char *ed = os->edition_id ? os->edition_id : "";

	if (!strncmp(type, "Server", 6) || !strncmp(ed, "Server", 6))
		return OS_WINDOWS_SERVER;
	if (os->build >= 22000)
		return OS_WINDOWS11;
	if (os->build >= 10240)
		return OS_WINDOWS10;
	if (os->build == 9600)
		return OS_WINDOWS81;
	if (os->build == 7600 || os->build == 7601)
		return OS_WINDOWS7;
	return OS_FAMILY_UNKNOWN;
}

enum edition_class terminal_edition_class(const char *e)
{
	static const struct {
		const char *id;
		enum edition_class c;
	} map[] = {
		{ "Core", EDITION_HOME_PRO },
		{ "CoreN", EDITION_HOME_PRO },
		{ "CoreSingleLanguage", EDITION_HOME_PRO },
		{ "CoreCountrySpecific", EDITION_HOME_PRO },
		{ "Professional", EDITION_HOME_PRO },
		{ "ProfessionalN", EDITION_HOME_PRO },
		{ "ProfessionalEducation", EDITION_HOME_PRO },
		{ "ProfessionalEducationN", EDITION_HOME_PRO },
		{ "ProfessionalWorkstation", EDITION_HOME_PRO },
		{ "ProfessionalWorkstationN", EDITION_HOME_PRO },
		{ "Enterprise", EDITION_ENTERPRISE_EDUCATION },
		{ "EnterpriseN", EDITION_ENTERPRISE_EDUCATION },
		{ "Education", EDITION_ENTERPRISE_EDUCATION },
		{ "EducationN", EDITION_ENTERPRISE_EDUCATION },
		{ "IoTEnterprise", EDITION_ENTERPRISE_EDUCATION },
		{ "EnterpriseS", EDITION_LTSC },
		{ "EnterpriseSN", EDITION_LTSC },
		{ "IoTEnterpriseS", EDITION_IOT_LTSC },
	};

	if (!e || !*e)
		return EDITION_UNKNOWN;
	if (!strncmp(e, "Server", 6))
		return EDITION_SERVER;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(e, map[i].id))
			return map[i].c;
	return EDITION_UNKNOWN;
}

enum os_support terminal_os_support(const struct os_facts *os, const struct lifecycle *l,
                                    const char *today, const struct lifecycle_entry **entry)
{
	enum os_family f = terminal_os_family(os);
	enum edition_class c = terminal_edition_class(os->edition_id);
	const struct lifecycle_entry *hit = NULL;

	/* The entry of this build and edition class; else one that holds for every edition. */
	for (size_t i = 0; f != OS_FAMILY_UNKNOWN && i < l->n; i++) {
		const struct lifecycle_entry *e = &l->v[i];
		if (e->family != f || e->build != os->build)
			continue;
		if (e->editions == c || (f == OS_WINDOWS_SERVER && e->editions == EDITION_SERVER)) {
			hit = e;
			break;
		}
		if (e->editions == EDITION_ANY && !hit)
			hit = e;
	}
	if (entry)
		*entry = hit;
	if (!hit || !today)
		return OS_SUPPORT_UNKNOWN;
	/* The last servicing day is still serviced; ISO dates compare as strings. */
	return strcmp(today, hit->ends) <= 0 ? OS_SUPPORTED : OS_SUPPORT_ENDED;
}

const char *terminal_os_family_key(enum os_family f)
{
	static const char *const keys[] = { "unknown",   "windows7",  "windows8.1",
		                            "windows10", "windows11", "windows_server" };

	return (unsigned)f < sizeof(keys) / sizeof(keys[0]) ? keys[f] : "unknown";
}

const char *terminal_os_support_key(enum os_support s)
{
	return s == OS_SUPPORTED ? "supported" : s == OS_SUPPORT_ENDED ? "ended" : "unknown";
}

const char *terminal_edition_class_key(enum edition_class e)
{
	static const char *const keys[] = { "any",    "home_pro", "enterprise_education",
		                            "ltsc",   "iot_ltsc", "server",
		                            "unknown" };

	return (unsigned)e < sizeof(keys) / sizeof(keys[0]) ? keys[e] : "unknown";
}

enum usb_storage terminal_usb_storage(const struct usb_facts *u)
{
	if (u->usbstor_start == 4 || u->deny_all == 1 || u->user_deny_all == 1 ||
	    u->removable_deny_read == 1)
		return USB_BLOCKED;
	if (u->removable_deny_write == 1 || u->write_protect == 1 || u->bitlocker_deny_write == 1)
		return USB_READ_ONLY;
	/* The driver's start type is always there on a real Windows: without it nothing was read. */
	if (u->usbstor_start < 0)
		return USB_UNKNOWN;
	return USB_ALLOWED;
}

const char *terminal_usb_storage_key(enum usb_storage s)
{
	static const char *const keys[] = { "unknown", "blocked", "read_only", "allowed" };

	return (unsigned)s < sizeof(keys) / sizeof(keys[0]) ? keys[s] : "unknown";
}

void terminal_os_name(const char *product, enum os_family family, const char *display_version,
                      char *buf, size_t size)
{
	const char *p = product ? product : "Windows";
	int fix = family == OS_WINDOWS11 && !strncmp(p, "Windows 10", 10);

	snprintf(buf, size, "%s%s%s%s", fix ? "Windows 11" : "", fix ? p + 10 : p,
	         display_version ? " " : "", display_version ? display_version : "");
}
