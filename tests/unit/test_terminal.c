/*
 * test_terminal.c - the terminal analysis on plain facts: Windows 11 from the build,
 * edition classes, servicing on the exact last day and the day after, LTSC against Pro
 * of the same build, Server, unknown releases, and each USB storage policy. Then the
 * shipped data/windows-lifecycle.json, read and checked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "medsec/terminal.h"
#include "medsec/terminal_read.h"

static const struct lifecycle_entry entries[] = {
	{ OS_WINDOWS10, 19044, EDITION_HOME_PRO, "21H2", "2023-06-13", "", "t" },
	{ OS_WINDOWS10, 19044, EDITION_LTSC, "LTSC 2021", "2027-01-12", "", "t" },
	{ OS_WINDOWS10, 19045, EDITION_HOME_PRO, "22H2", "2025-10-14", "2026-10-13", "t" },
	{ OS_WINDOWS11, 22631, EDITION_HOME_PRO, "23H2", "2025-11-11", "", "t" },
	{ OS_WINDOWS11, 22631, EDITION_ENTERPRISE_EDUCATION, "23H2", "2026-11-10", "", "t" },
	{ OS_WINDOWS_SERVER, 17763, EDITION_SERVER, "2019", "2029-01-09", "", "t" },
	{ OS_WINDOWS7, 7601, EDITION_ANY, "SP1", "2020-01-14", "2023-01-10", "t" },
};
static const struct lifecycle table = { entries, sizeof(entries) / sizeof(entries[0]) };

static enum os_support support(const char *edition, unsigned build, const char *type,
                               const char *today, const struct lifecycle_entry **e)
{
	struct os_facts os = { "Windows 10 Pro", edition, type ? type : "Client", build, 1 };

	return terminal_os_support(&os, &table, today, e);
}

static void windows_11_is_a_build(void **state)
{
	struct os_facts os = { "Windows 10 Pro", "Professional", "Client", 22631, 4460 };

	assert_int_equal(terminal_os_family(&os), OS_WINDOWS11); /* ProductName notwithstanding */
	os.build = 19045;
	assert_int_equal(terminal_os_family(&os), OS_WINDOWS10);
	os.build = 7601;
	assert_int_equal(terminal_os_family(&os), OS_WINDOWS7);
	os.build = 17763;
	os.installation_type = "Server";
	assert_int_equal(terminal_os_family(&os), OS_WINDOWS_SERVER);
	assert_string_equal(terminal_os_family_key(OS_WINDOWS_SERVER), "windows_server");
}

static void edition_classes(void **state)
{
	assert_int_equal(terminal_edition_class("Core"), EDITION_HOME_PRO);
	assert_int_equal(terminal_edition_class("ProfessionalWorkstation"), EDITION_HOME_PRO);
	assert_int_equal(terminal_edition_class("Education"), EDITION_ENTERPRISE_EDUCATION);
	assert_int_equal(terminal_edition_class("EnterpriseS"), EDITION_LTSC);
	assert_int_equal(terminal_edition_class("IoTEnterpriseS"), EDITION_IOT_LTSC);
	assert_int_equal(terminal_edition_class("ServerDatacenter"), EDITION_SERVER);
	assert_int_equal(terminal_edition_class("SomethingNew"), EDITION_UNKNOWN);
	assert_int_equal(terminal_edition_class(NULL), EDITION_UNKNOWN);
}

static void servicing_by_day(void **state)
{
	const struct lifecycle_entry *e;

	/* Serviced on its last Patch Tuesday, ended the next day. */
	assert_int_equal(support("Professional", 19045, NULL, "2025-10-14", &e), OS_SUPPORTED);
	assert_string_equal(e->release, "22H2");
	assert_int_equal(support("Professional", 19045, NULL, "2025-10-15", &e), OS_SUPPORT_ENDED);
	assert_string_equal(e->esu_ends, "2026-10-13");
	/* The same build, LTSC against Pro: years apart. */
	assert_int_equal(support("EnterpriseS", 19044, NULL, "2026-12-01", &e), OS_SUPPORTED);
	assert_string_equal(e->release, "LTSC 2021");
	assert_int_equal(support("Professional", 19044, NULL, "2026-12-01", &e), OS_SUPPORT_ENDED);
	assert_string_equal(e->release, "21H2");
	/* Windows 11 23H2: Pro ended, Enterprise on until 2026-11-10. */
	assert_int_equal(support("Professional", 22631, NULL, "2026-01-01", NULL),
	                 OS_SUPPORT_ENDED);
	assert_int_equal(support("Enterprise", 22631, NULL, "2026-01-01", NULL), OS_SUPPORTED);
	/* Server by its class; Windows 7 by the entry for every edition. */
	assert_int_equal(support("ServerStandard", 17763, "Server", "2026-12-01", &e),
	                 OS_SUPPORTED);
	assert_string_equal(e->ends, "2029-01-09");
	assert_int_equal(support("Ultimate", 7601, NULL, "2026-12-01", NULL), OS_SUPPORT_ENDED);
	/* No entry for the release or the edition: unknown, never a guess. */
	assert_int_equal(support("Professional", 26200, NULL, "2026-12-01", &e),
	                 OS_SUPPORT_UNKNOWN);
	assert_null(e);
	assert_int_equal(support("EnterpriseS", 19045, NULL, "2026-12-01", &e), OS_SUPPORT_UNKNOWN);
	assert_string_equal(terminal_os_support_key(OS_SUPPORT_ENDED), "ended");
}

static struct usb_facts none(void)
{
	return (struct usb_facts){ -1, -1, -1, -1, -1, -1, -1 };
}

static void usb_policies(void **state)
{
	struct usb_facts u = none();

	assert_int_equal(terminal_usb_storage(&u), USB_UNKNOWN); /* nothing could be read */
	u.usbstor_start = 3;
	assert_int_equal(terminal_usb_storage(&u), USB_ALLOWED);
	u.usbstor_start = 4;
	assert_int_equal(terminal_usb_storage(&u), USB_BLOCKED);
	u = none();
	u.usbstor_start = 3;
	u.deny_all = 1;
	assert_int_equal(terminal_usb_storage(&u), USB_BLOCKED);
	u.deny_all = 0;
	u.removable_deny_read = 1;
	assert_int_equal(terminal_usb_storage(&u), USB_BLOCKED);
	u.removable_deny_read = -1;
	u.removable_deny_write = 1;
	assert_int_equal(terminal_usb_storage(&u), USB_READ_ONLY);
	u.removable_deny_write = -1;
	u.write_protect = 1;
	assert_int_equal(terminal_usb_storage(&u), USB_READ_ONLY);
	u.write_protect = 0;
	u.bitlocker_deny_write = 1;
	assert_int_equal(terminal_usb_storage(&u), USB_READ_ONLY);
	u.bitlocker_deny_write = -1;
	u.user_deny_all = 1;
	assert_int_equal(terminal_usb_storage(&u), USB_BLOCKED);
	assert_string_equal(terminal_usb_storage_key(USB_READ_ONLY), "read_only");
}

static void shipped_lifecycle_list(void **state)
{
	char path[1024];
	struct lifecycle_list *l;
	struct ms_diags d = { 0 };
	struct ms_error err;
	const struct lifecycle_entry *e;
	struct os_facts w10 = { "Windows 10 Pro", "Professional", "Client", 19045, 6216 };
	struct os_facts ltsc = { "Windows 10 IoT Enterprise LTSC", "IoTEnterpriseS", "Client",
		                 19044, 1 };
	struct os_facts srv = { "Windows Server 2022 Standard", "ServerStandard", "Server", 20348,
		                1 };

	snprintf(path, sizeof(path), "%s/data/windows-lifecycle.json", getenv("MEDSEC_SOURCE"));
	assert_int_equal(terminal_lifecycle_load(path, &l, &d, &err), MS_OK);
	assert_int_equal(d.n, 0);
	assert_true(l->n >= 20);
	assert_int_equal(terminal_os_support(&w10, &l->view, "2026-12-01", &e), OS_SUPPORT_ENDED);
	assert_string_equal(e->ends, "2025-10-14");
	assert_int_equal(terminal_os_support(&ltsc, &l->view, "2026-12-01", &e), OS_SUPPORTED);
	assert_string_equal(e->ends, "2032-01-13");
	assert_int_equal(terminal_os_support(&srv, &l->view, "2026-12-01", &e), OS_SUPPORTED);
	assert_string_equal(e->ends, "2031-10-14");
	for (size_t i = 0; i < l->n; i++)
		assert_true(l->entries[i].source && l->entries[i].source[0]);
	terminal_lifecycle_free(l);
	ms_diags_dispose(&d);
}

static void refuses_a_bad_list(void **state)
{
	char path[64];
	struct lifecycle_list *l;
	struct ms_diags d = { 0 };
	struct ms_error err;
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/medsec-lifecycle-%ld.json", (long)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"medsec_windows_lifecycle\": 1, \"entries\": [{\"family\": \"windows10\", \"build\": 19045,"
	      " \"release\": \"22H2\", \"editions\": \"home_pro\", \"ends\": \"someday\", \"source\": \"s\"}]}",
	      f);
	fclose(f);
	assert_int_equal(terminal_lifecycle_load(path, &l, &d, &err), MS_ERR_SYSTEM);
	assert_null(l);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].where, "/entries/0"));
	unlink(path);
	ms_diags_dispose(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(windows_11_is_a_build),  cmocka_unit_test(edition_classes),
		cmocka_unit_test(servicing_by_day),       cmocka_unit_test(usb_policies),
		cmocka_unit_test(shipped_lifecycle_list), cmocka_unit_test(refuses_a_bad_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
