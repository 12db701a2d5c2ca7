/*
 * system.c - who and when: the host's names, its MachineGuid, whether the collector
 * runs elevated, the time in UTC, the kernel's own version (RtlGetVersion: unlike
 * GetVersionEx it is not shimmed to the manifest's version) and the SHA-256 of the
 * collector itself, so that medsec can tell which build wrote a file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <winsock2.h>
#include <windows.h>
#include <bcrypt.h>
#include <iphlpapi.h>

#include "collector.h"
#include "medsec/mem.h"

void utf8_of(const wchar_t *w, char *buf, size_t size)
{
	if (!size)
		return;
	buf[0] = '\0';
	if (w && !WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, (int)size, NULL, NULL))
		buf[size - 1] = '\0';
}

static void computer_name(COMPUTER_NAME_FORMAT f, char *buf, size_t size)
{
	wchar_t w[256];
	DWORD n = sizeof(w) / sizeof(w[0]);

	buf[0] = '\0';
	if (GetComputerNameExW(f, w, &n))
		utf8_of(w, buf, size);
}

static int elevated(void)
{
	HANDLE token;
	TOKEN_ELEVATION e = { 0 };
	DWORD n = sizeof(e);
	int yes = 0;

	if (OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) {
		yes = GetTokenInformation(token, TokenElevation, &e, sizeof(e), &n) &&
		      e.TokenIsElevated;
		CloseHandle(token);
	}
	return yes;
}

static void machine_guid(char *buf, size_t size)
{
	wchar_t w[64];
	DWORD n = sizeof(w);

	buf[0] = '\0';
	if (RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Cryptography", L"MachineGuid",
	                 RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY, NULL, w, &n) == ERROR_SUCCESS)
		utf8_of(w, buf, size);
}

static void now_utc(char buf[32])
{
	SYSTEMTIME t;

	GetSystemTime(&t);
	snprintf(buf, 32, "%04u-%02u-%02uT%02u:%02u:%02uZ", t.wYear, t.wMonth, t.wDay, t.wHour,
	         t.wMinute, t.wSecond);
}

/* SHA-256 of a file through Windows' own CNG; hex into out, "" if it cannot be read. */
static void file_sha256(const wchar_t *path, char out[65])
{
	BCRYPT_ALG_HANDLE alg = NULL;
	BCRYPT_HASH_HANDLE h = NULL;
	HANDLE f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	UCHAR buf[65536], digest[32];
	DWORD got;
	int ok = f != INVALID_HANDLE_VALUE &&
	         BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, NULL, 0) == 0 &&
	         BCryptCreateHash(alg, &h, NULL, 0, NULL, 0, 0) == 0;

	out[0] = '\0';
	while (ok && ReadFile(f, buf, sizeof(buf), &got, NULL) && got)
		ok = BCryptHashData(h, buf, got, 0) == 0;
	if (ok && BCryptFinishHash(h, digest, sizeof(digest), 0) == 0)
		for (int i = 0; i < 32; i++)
			snprintf(out + 2 * i, 3, "%02x", digest[i]);
	if (h)
		BCryptDestroyHash(h);
	if (alg)
		BCryptCloseAlgorithmProvider(alg, 0);
	if (f != INVALID_HANDLE_VALUE)
		CloseHandle(f);
}

void probe_identity(struct collection *c, const wchar_t *exe_path)
{
	computer_name(ComputerNameDnsHostname, c->host, sizeof(c->host));
	if (!c->host[0])
		computer_name(ComputerNameNetBIOS, c->host, sizeof(c->host));
	computer_name(ComputerNameDnsDomain, c->domain, sizeof(c->domain));
	machine_guid(c->machine_guid, sizeof(c->machine_guid));
	c->elevated = elevated();
	now_utc(c->collected_at);
	file_sha256(exe_path, c->exe_sha256);
}

typedef LONG(WINAPI *rtl_get_version_fn)(OSVERSIONINFOW *);

void probe_kernel_version(struct collection *c)
{
	struct check *k = collection_add(c, "os.kernel_version");
	HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
	rtl_get_version_fn get = ntdll ? (rtl_get_version_fn)(void (*)(void))GetProcAddress(
	                                         ntdll, "RtlGetVersion")
	                               : NULL;
	OSVERSIONINFOW v = { .dwOSVersionInfoSize = sizeof(v) };

	snprintf(k->source, sizeof(k->source), "ntdll!RtlGetVersion");
	if (!get || get(&v) != 0) {
		k->status = CHECK_ERROR;
		snprintf(k->detail, sizeof(k->detail), "RtlGetVersion failed");
		return;
	}
	k->status = CHECK_OK;
	k->type = VALUE_STRING;
	snprintf(k->text, sizeof(k->text), "%lu.%lu.%lu", (unsigned long)v.dwMajorVersion,
	         (unsigned long)v.dwMinorVersion, (unsigned long)v.dwBuildNumber);
}

/*
 * The PC's IPv4 addresses (GetAdaptersAddresses, iphlpapi.h): medsec matches a file to
 * the declared terminal by host name, else by the address the intake gives. Adapters
 * that are up, loopback left out; capped at ADDRESS_MAX.
 */
#define ADDRESS_MAX 16

void probe_addresses(struct collection *c)
{
	static const char src[] = "iphlpapi GetAdaptersAddresses (AF_INET)";
	ULONG size = 16384, rc = ERROR_BUFFER_OVERFLOW;
	IP_ADAPTER_ADDRESSES *list = NULL;
	size_t n = 0;

	for (int tries = 0; tries < 3 && rc == ERROR_BUFFER_OVERFLOW; tries++) {
		free(list);
		list = ms_xmalloc(size);
		rc = GetAdaptersAddresses(AF_INET,
		                          GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST |
		                                  GAA_FLAG_SKIP_DNS_SERVER,
		                          NULL, list, &size);
	}
	if (rc != NO_ERROR) {
		char detail[64];

		snprintf(detail, sizeof(detail), "Win32 error %lu", (unsigned long)rc);
		check_failed(c, "net.count", src, CHECK_ERROR, detail);
		free(list);
		return;
	}
	for (IP_ADAPTER_ADDRESSES *a = list; a && n < ADDRESS_MAX; a = a->Next) {
		if (a->OperStatus != IfOperStatusUp || a->IfType == IF_TYPE_SOFTWARE_LOOPBACK)
			continue;
		for (IP_ADAPTER_UNICAST_ADDRESS *u = a->FirstUnicastAddress; u && n < ADDRESS_MAX;
		     u = u->Next) {
			const struct sockaddr_in *in =
			        (const struct sockaddr_in *)u->Address.lpSockaddr;
			const unsigned char *b = (const unsigned char *)&in->sin_addr;
			char id[64], text[256];

			if (in->sin_family != AF_INET)
				continue;
			n++;
			snprintf(id, sizeof(id), "net.%zu.address", n);
			snprintf(text, sizeof(text), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
			check_text(c, id, src, text);
			snprintf(id, sizeof(id), "net.%zu.adapter", n);
			utf8_of(a->FriendlyName, text, sizeof(text));
			check_text(c, id, src, text);
		}
	}
	check_number(c, "net.count", src, n);
	free(list);
}
