/*
 * registry.c - the collector's registry probes: each reads one value from the
 * place Microsoft documents for it and records the outcome, found or not.
 * Sources: domain-facts §5.2 (CurrentVersion values), §5.3 (USB storage),
 * Microsoft's RDP and SMB documentation for the rest (named beside each probe).
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>

#include "collector.h"

struct reg_probe {
	const char *id;
	HKEY hive;
	const wchar_t *key, *value;
	const char *hive_name;
};

#define CURRENT_VERSION L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"
#define REMOVABLE L"SOFTWARE\\Policies\\Microsoft\\Windows\\RemovableStorageDevices"
#define REMOVABLE_DISKS REMOVABLE L"\\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}"

static const struct reg_probe probes[] = {
	/* The OS: ProductName still says "Windows 10" on 11; the build decides (analysis). */
	{ "os.product_name", HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"ProductName", "HKLM" },
	{ "os.edition_id", HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"EditionID", "HKLM" },
	{ "os.display_version", HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"DisplayVersion", "HKLM" },
	{ "os.release_id", HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"ReleaseId", "HKLM" },
	{ "os.current_build", HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"CurrentBuild", "HKLM" },
	{ "os.ubr", HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"UBR", "HKLM" },
	{ "os.installation_type", HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"InstallationType",
	  "HKLM" },
	{ "os.install_date", HKEY_LOCAL_MACHINE, CURRENT_VERSION, L"InstallDate", "HKLM" },
	/* USB storage: the driver, the Removable Storage Access policy, write protection, BitLocker. */
	{ "usb.usbstor_start", HKEY_LOCAL_MACHINE, L"SYSTEM\\CurrentControlSet\\Services\\USBSTOR",
	  L"Start", "HKLM" },
	{ "usb.deny_all", HKEY_LOCAL_MACHINE, REMOVABLE, L"Deny_All", "HKLM" },
	{ "usb.removable_disks_deny_read", HKEY_LOCAL_MACHINE, REMOVABLE_DISKS, L"Deny_Read",
	  "HKLM" },
	{ "usb.removable_disks_deny_write", HKEY_LOCAL_MACHINE, REMOVABLE_DISKS, L"Deny_Write",
	  "HKLM" },
	{ "usb.user_deny_all", HKEY_CURRENT_USER, REMOVABLE, L"Deny_All", "HKCU" },
	{ "usb.write_protect", HKEY_LOCAL_MACHINE,
	  L"SYSTEM\\CurrentControlSet\\Control\\StorageDevicePolicies", L"WriteProtect", "HKLM" },
	{ "usb.bitlocker_deny_write", HKEY_LOCAL_MACHINE,
	  L"SYSTEM\\CurrentControlSet\\Policies\\Microsoft\\FVE", L"FDVDenyWriteAccess", "HKLM" },
	/* Remote Desktop: allowed at all, Network Level Authentication, the port. */
	{ "rdp.deny_connections", HKEY_LOCAL_MACHINE,
	  L"SYSTEM\\CurrentControlSet\\Control\\Terminal Server", L"fDenyTSConnections", "HKLM" },
	{ "rdp.nla", HKEY_LOCAL_MACHINE,
	  L"SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp",
	  L"UserAuthentication", "HKLM" },
	{ "rdp.port", HKEY_LOCAL_MACHINE,
	  L"SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp",
	  L"PortNumber", "HKLM" },
	/* SMBv1: the server's switch and the client driver's start type. */
	{ "smb.server_smb1", HKEY_LOCAL_MACHINE,
	  L"SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters", L"SMB1", "HKLM" },
	{ "smb.client_smb1_start", HKEY_LOCAL_MACHINE,
	  L"SYSTEM\\CurrentControlSet\\Services\\mrxsmb10", L"Start", "HKLM" },
	/* AutoRun and the screen lock. */
	{ "autorun.no_drive_type", HKEY_LOCAL_MACHINE,
	  L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer",
	  L"NoDriveTypeAutoRun", "HKLM" },
	{ "lock.inactivity_timeout", HKEY_LOCAL_MACHINE,
	  L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
	  L"InactivityTimeoutSecs", "HKLM" },
	{ "lock.screensaver_timeout", HKEY_CURRENT_USER, L"Control Panel\\Desktop",
	  L"ScreenSaveTimeOut", "HKCU" },
	{ "lock.screensaver_secure", HKEY_CURRENT_USER, L"Control Panel\\Desktop",
	  L"ScreenSaverIsSecure", "HKCU" },
};

/* The outcome of a failed read, by its Win32 error. */
static void failed(struct check *k, LSTATUS rc)
{
	if (rc == ERROR_FILE_NOT_FOUND || rc == ERROR_PATH_NOT_FOUND) {
		k->status = CHECK_UNAVAILABLE;
		snprintf(k->detail, sizeof(k->detail), "not set");
	} else if (rc == ERROR_ACCESS_DENIED) {
		k->status = CHECK_DENIED;
		snprintf(k->detail, sizeof(k->detail),
		         "access denied (run as administrator to read it)");
	} else {
		k->status = CHECK_ERROR;
		snprintf(k->detail, sizeof(k->detail), "Win32 error %ld", (long)rc);
	}
}

static void read_value(struct collection *c, const struct reg_probe *p)
{
	struct check *k = collection_add(c, "%s", p->id);
	char key[384], value[64];
	BYTE data[1024];
	DWORD type = 0, size = sizeof(data) - sizeof(wchar_t);
	LSTATUS rc;

	utf8_of(p->key, key, sizeof(key));
	utf8_of(p->value, value, sizeof(value));
	snprintf(k->source, sizeof(k->source), "%s\\%s:%s", p->hive_name, key, value);
	/* RRF_SUBKEY_WOW6464KEY: the 64-bit view, also from a 32-bit process. */
	rc = RegGetValueW(p->hive, p->key, p->value, RRF_RT_ANY | RRF_SUBKEY_WOW6464KEY, &type,
	                  data, &size);
	if (rc != ERROR_SUCCESS) {
		failed(k, rc);
		return;
	}
	k->status = CHECK_OK;
	switch (type) {
	case REG_DWORD:
		k->type = VALUE_NUMBER;
		k->number = *(const DWORD *)data;
		break;
	case REG_QWORD:
		k->type = VALUE_NUMBER;
		memcpy(&k->number, data, sizeof(k->number));
		break;
	case REG_SZ:
	case REG_EXPAND_SZ:
		data[size] = 0; /* the room kept above */
		data[size + 1] = 0;
		k->type = VALUE_STRING;
		utf8_of((const wchar_t *)data, k->text, sizeof(k->text));
		break;
	default:
		k->status = CHECK_ERROR;
		snprintf(k->detail, sizeof(k->detail), "unexpected registry type %lu",
		         (unsigned long)type);
	}
}

void probe_registry(struct collection *c)
{
	for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++)
		read_value(c, &probes[i]);
}
