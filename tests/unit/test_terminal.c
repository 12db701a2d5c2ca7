/*
 * test_terminal.c - the terminal analysis on plain facts: Windows 11 from the build,
 * edition classes, servicing on the exact last day and the day after, LTSC against Pro
 * of the same build, Server, unknown releases, and each USB storage policy. Then the
 * shipped data/windows-lifecycle.json, read and checked. Then what protects a PC: the
 * documented productState values, the products in use (a passive Defender beside a
 * third-party product, Server without Security Center), hotfix dates as Windows writes
 * them, weak accounts and policy, and the facts read back from a collector file.
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

#include "medsec/fs.h"
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
	char name[64];

	assert_int_equal(terminal_os_family(&os), OS_WINDOWS11); /* ProductName notwithstanding */
	terminal_os_name(os.product_name, OS_WINDOWS11, "23H2", name, sizeof(name));
	assert_string_equal(name, "Windows 11 Pro 23H2"); /* named as a person names it */
	terminal_os_name("Windows 10 Pro", OS_WINDOWS10, NULL, name, sizeof(name));
	assert_string_equal(name, "Windows 10 Pro");
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

/* The worked values of domain-facts §5.5 (monitoring tools' shared decoding). */
static void product_states(void **state)
{
	static const struct {
		unsigned long v;
		int state, microsoft, up_to_date;
	} cases[] = {
		{ 397568, 1, 1, 1 }, /* 0x061100 Defender, on, up to date */
		{ 393472, 0, 1, 1 }, /* 0x060100 Defender, off */
		{ 397584, 1, 1, 0 }, /* 0x061110 Defender, on, out of date */
		{ 266240, 1, 0, 1 }, /* 0x041000 third party, on, up to date */
		{ 262144, 0, 0, 1 }, /* 0x040000 third party, off */
		{ 266256, 1, 0, 0 }, /* 0x041010 third party, on, out of date */
	};
	struct product_state ps;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		terminal_product_state(cases[i].v, &ps);
		assert_int_equal(ps.state, cases[i].state);
		assert_int_equal(ps.microsoft, cases[i].microsoft);
		assert_int_equal(ps.up_to_date, cases[i].up_to_date);
		assert_true(ps.providers & 0x4); /* WSC_SECURITY_PROVIDER_ANTIVIRUS */
	}
}

static struct av_product product(const char *name, int enabled, int up_to_date, int microsoft)
{
	struct av_product p = { .enabled = enabled,
		                .up_to_date = up_to_date,
		                .signature_age_days = -1,
		                .microsoft = microsoft,
		                .source = "wsc" };

	snprintf(p.name, sizeof(p.name), "%s", name);
	return p;
}

static void products_in_use(void **state)
{
	struct av_product list[3], out[4];
	struct defender_facts def = { 1, 1, 1, 0, 41, 1, "Passive Mode", NULL },
	                      none = { 0, -1, -1, -1, -1, -1, NULL, NULL },
	                      server = { 1, 1, 1, 1, 2, 0, "Normal", NULL };
	enum av_status st;

	(void)state;
	/* A third-party product on and Defender off beside it: one product, protected. */
	list[0] = product("Windows Defender", 0, 1, 1);
	list[1] = product("Trend Micro Apex One", 1, 1, 0);
	assert_int_equal(terminal_av_in_use(list, 2, 1, &def, out, 4, &st), 1);
	assert_string_equal(out[0].name, "Trend Micro Apex One");
	assert_int_equal(st, AV_PROTECTED);
	/* Defender alone, on, its own status saying the definitions are 41 days old. */
	list[0] = product("Windows Defender", 1, -1, 1);
	def.running_mode = "Normal";
	assert_int_equal(terminal_av_in_use(list, 1, 1, &def, out, 4, &st), 1);
	assert_int_equal(out[0].signature_age_days, 41);
	assert_int_equal(out[0].up_to_date, 0);
	assert_int_equal(st, AV_STALE);
	/* Installed but off; listed and empty; nothing readable at all. */
	list[0] = product("Trend Micro Apex One", 0, 1, 0);
	assert_int_equal(terminal_av_in_use(list, 1, 1, &none, out, 4, &st), 1);
	assert_int_equal(st, AV_OFF);
	assert_int_equal(terminal_av_in_use(list, 0, 1, &none, out, 4, &st), 0);
	assert_int_equal(st, AV_NONE);
	assert_int_equal(terminal_av_in_use(list, 0, 0, &none, out, 4, &st), 0);
	assert_int_equal(st, AV_UNKNOWN);
	assert_string_equal(terminal_av_status_key(st), "unknown");
	/* Windows Server: no Security Center, Defender's own status stands for the product. */
	assert_int_equal(terminal_av_in_use(list, 0, 0, &server, out, 4, &st), 1);
	assert_string_equal(out[0].source, "defender");
	assert_int_equal(out[0].enabled, 1);
	assert_int_equal(st, AV_PROTECTED);
	server.realtime = 0; /* real-time protection off: not protecting */
	terminal_av_in_use(list, 0, 0, &server, out, 4, &st);
	assert_int_equal(st, AV_OFF);
}

static void hotfix_dates(void **state)
{
	char d[11];

	(void)state;
	assert_true(terminal_hotfix_date("11/12/2024", d));
	assert_string_equal(d, "2024-11-12"); /* M/D/Y, as Windows writes it */
	assert_true(terminal_hotfix_date("22/2/2022", d));
	assert_string_equal(d, "2022-02-22"); /* the day first where it cannot be a month */
	assert_true(terminal_hotfix_date("2024/11/12", d));
	assert_string_equal(d, "2024-11-12");
	assert_true(terminal_hotfix_date("9/10/2026 0:00:00", d));
	assert_string_equal(d, "2026-09-10");
	assert_false(terminal_hotfix_date("13/13/2024", d));
	assert_false(terminal_hotfix_date("01d8a2c4f0e1b000", d)); /* old systems' hex FILETIME */
	assert_false(terminal_hotfix_date("", d));
	assert_false(terminal_hotfix_date("2/30/2024x", d));
}

static void weak_accounts_and_policy(void **state)
{
	struct account_facts a[] = {
		{ "Administrator", 500, 1, 1, 0, 1 },
		{ "Guest", 501, 0, 1, 1, 0 },
		{ "nurse", 1001, 0, 0, 0, 0 },
	};
	struct password_policy strong = { 8, 90, 10 }, weak = { 0, 0, 0 }, unread = { -1, -1, -1 };
	int fw_on[3] = { 1, 1, 1 }, fw_public_off[3] = { 1, 1, 0 }, fw_unread[3] = { -1, -1, -1 };

	(void)state;
	assert_int_equal(terminal_weaknesses(a, 3, &strong, fw_on),
	                 WEAK_GUEST_ENABLED | WEAK_PASSWORD_NOT_REQUIRED);
	a[1].disabled = 1; /* Guest off: its password flag no longer matters */
	assert_int_equal(terminal_weaknesses(a, 3, &strong, fw_on), 0);
	assert_int_equal(terminal_weaknesses(a, 3, &weak, fw_public_off),
	                 WEAK_SHORT_PASSWORDS | WEAK_NO_LOCKOUT | WEAK_FIREWALL_OFF);
	/* Unknown is not weak. */
	assert_int_equal(terminal_weaknesses(NULL, 0, &unread, fw_unread), 0);
	a[0].disabled = 0; /* the built-in Administrator (RID 500) in use */
	assert_int_equal(terminal_weaknesses(a, 1, &strong, fw_on), WEAK_BUILTIN_ADMIN_ENABLED);
}

static void finding_ids(void **state)
{
	struct terminal_result r = { .support = OS_SUPPORT_ENDED,
		                     .av_status = AV_STALE,
		                     .update_age_days = 61,
		                     .usb = USB_BLOCKED,
		                     .rdp_allowed = 0,
		                     .rdp_nla = -1,
		                     .smb1 = 0,
		                     .weaknesses = WEAK_NO_LOCKOUT };
	const char *ids[16];

	(void)state;
	assert_int_equal(terminal_finding_ids(&r, ids, 16), 4);
	assert_string_equal(ids[0], "terminal-os-ended");
	assert_string_equal(ids[1], "terminal-av-stale");
	assert_string_equal(ids[2], "terminal-updates-old");
	assert_string_equal(ids[3], "terminal-no-lockout");
	r.update_age_days = TERMINAL_UPDATE_AGE_MAX; /* two months to the day: not yet */
	r.av_status = AV_UNKNOWN;                    /* not readable: no finding, shown as such */
	assert_int_equal(terminal_finding_ids(&r, ids, 1), 1);
	assert_int_equal(terminal_finding_ids(&r, ids, 16), 2);
}

/* The facts as read back from the example file of a Windows 11 PC (examples/terminals). */
static void facts_from_a_file(void **state)
{
	char path[1024], day[11];
	char *data;
	size_t size;
	struct terminal_collection *c;
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct av_product av[8];
	struct defender_facts def;
	struct account_facts acc[32];
	struct password_policy pol;
	int list_read, fw[3];

	(void)state;
	snprintf(path, sizeof(path), "%s/examples/terminals/IJI-PC-003.json",
	         getenv("MEDSEC_SOURCE"));
	data = ms_read_file(path, TERMINAL_FILE_MAX, &size);
	assert_non_null(data);
	assert_int_equal(terminal_collection_read(data, size, "IJI-PC-003.json", &c, &d, &err),
	                 MS_OK);
	free(data);
	/* Security Center's list is taken before its WMI view: two products, names as listed. */
	assert_int_equal(terminal_av_facts_of(c, av, 8, &list_read), 2);
	assert_true(list_read);
	assert_string_equal(av[0].name, "Windows Defender");
	assert_int_equal(av[0].microsoft, 1);
	assert_int_equal(av[0].enabled, 0);
	assert_string_equal(av[1].source, "wsc");
	terminal_defender_facts_of(c, &def);
	assert_true(def.read);
	assert_string_equal(def.running_mode, "Passive Mode");
	assert_int_equal(def.signature_age_days, 41);
	/* The newest successful OS update: not Defender's definitions (KB2267602, 2026-10-13),
	 * not the failed October update (result 4). */
	assert_true(terminal_last_update_of(c, day));
	assert_string_equal(day, "2026-09-10");
	assert_int_equal(terminal_accounts_of(c, acc, 32), 5);
	assert_string_equal(acc[2].name, "Guest");
	assert_int_equal(acc[2].rid, 501);
	assert_int_equal(acc[2].disabled, 1);
	assert_int_equal(acc[3].admin, 1);
	terminal_policy_of(c, &pol);
	assert_int_equal(pol.min_length, 0);
	assert_int_equal(pol.lockout_threshold, 10);
	terminal_firewall_of(c, fw);
	assert_int_equal(fw[2], 0);
	assert_int_equal(terminal_weaknesses(acc, 5, &pol, fw),
	                 WEAK_SHORT_PASSWORDS | WEAK_FIREWALL_OFF);
	terminal_collection_free(c);
	ms_diags_dispose(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(windows_11_is_a_build),
		cmocka_unit_test(edition_classes),
		cmocka_unit_test(servicing_by_day),
		cmocka_unit_test(usb_policies),
		cmocka_unit_test(shipped_lifecycle_list),
		cmocka_unit_test(refuses_a_bad_list),
		cmocka_unit_test(product_states),
		cmocka_unit_test(products_in_use),
		cmocka_unit_test(hotfix_dates),
		cmocka_unit_test(weak_accounts_and_policy),
		cmocka_unit_test(finding_ids),
		cmocka_unit_test(facts_from_a_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
