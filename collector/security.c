/*
 * security.c - the PC's security products and protections, each read where Microsoft
 * documents it:
 *   - Windows Security Center's product list (iwscapi.h: IWSCProductList, IWscProduct;
 *     Windows 8 and later, clients only). Debian's mingw-w64 has no iwscapi.h, so the two
 *     interfaces are declared below from Microsoft's reference pages; the class is made
 *     through COM, so wscapi.dll is loaded only where it exists and the .exe starts anyway.
 *   - The same list through WMI, root\SecurityCenter2 AntiVirusProduct (productState is
 *     decoded by medsec, not here: domain-facts §5.5).
 *   - Defender's own status, root\Microsoft\Windows\Defender MSFT_MpComputerStatus
 *     (also on Windows Server, which has no Security Center).
 *   - The firewall's profiles (netfw.h INetFwPolicy2::get_FirewallEnabled) and BitLocker
 *     (root\CIMV2\Security\MicrosoftVolumeEncryption Win32_EncryptableVolume; administrators only).
 * Every value is recorded with its outcome; lists are capped (AV_MAX, VOLUME_MAX).
 */
#include <initguid.h>
#include <stdio.h>
#include <string.h>

#include "com.h"
#include "medsec/clock.h"
#include <netfw.h>

#define AV_MAX 8
#define VOLUME_MAX 16

/* ---- Windows Security Center (iwscapi.h, declared from the reference) ---- */

/* CLSID_WSCProductList, IID_IWSCProductList, IID_IWscProduct (iwscapi.h). */
static const CLSID clsid_wsc_product_list = {
	0x17072f7b, 0x9abe, 0x4a74, { 0xa2, 0x61, 0x1e, 0xb7, 0x6b, 0x55, 0x10, 0x7a }
};
static const IID iid_wsc_product_list = {
	0x722a338c, 0x6e8e, 0x4e72, { 0xac, 0x27, 0x14, 0x17, 0xfb, 0x0c, 0x81, 0xc2 }
};

#define WSC_SECURITY_PROVIDER_ANTIVIRUS 0x4 /* wscapi.h WSC_SECURITY_PROVIDER */

typedef struct wsc_product wsc_product;
struct wsc_product_vtbl { /* IWscProduct: IDispatch, then its properties in order */
	HRESULT(STDMETHODCALLTYPE *QueryInterface)(wsc_product *, REFIID, void **);
	ULONG(STDMETHODCALLTYPE *AddRef)(wsc_product *);
	ULONG(STDMETHODCALLTYPE *Release)(wsc_product *);
	void *dispatch[4]; /* GetTypeInfoCount, GetTypeInfo, GetIDsOfNames, Invoke: unused */
	HRESULT(STDMETHODCALLTYPE *get_ProductName)(wsc_product *, BSTR *);
	HRESULT(STDMETHODCALLTYPE *get_ProductState)(wsc_product *, int *); /* ON 0 .. EXPIRED 3 */
	HRESULT(STDMETHODCALLTYPE *get_SignatureStatus)(wsc_product *, int *); /* 1 up to date */
	HRESULT(STDMETHODCALLTYPE *get_RemediationPath)(wsc_product *, BSTR *);
	HRESULT(STDMETHODCALLTYPE *get_ProductStateTimestamp)(wsc_product *, BSTR *);
};
struct wsc_product {
	const struct wsc_product_vtbl *lpVtbl;
};

typedef struct wsc_product_list wsc_product_list;
struct wsc_product_list_vtbl { /* IWSCProductList */
	HRESULT(STDMETHODCALLTYPE *QueryInterface)(wsc_product_list *, REFIID, void **);
	ULONG(STDMETHODCALLTYPE *AddRef)(wsc_product_list *);
	ULONG(STDMETHODCALLTYPE *Release)(wsc_product_list *);
	void *dispatch[4];
	HRESULT(STDMETHODCALLTYPE *Initialize)(wsc_product_list *, ULONG provider);
	HRESULT(STDMETHODCALLTYPE *get_Count)(wsc_product_list *, LONG *);
	HRESULT(STDMETHODCALLTYPE *get_Item)(wsc_product_list *, ULONG, wsc_product **);
};
struct wsc_product_list {
	const struct wsc_product_list_vtbl *lpVtbl;
};

static const char *wsc_state_key(int s)
{
	static const char *const keys[] = { "on", "off", "snoozed", "expired" };

	return s >= 0 && s < 4 ? keys[s] : "unknown";
}

static void bstr_check(struct collection *c, const char *id, const char *source, HRESULT hr, BSTR b)
{
	char text[512];

	if (FAILED(hr) || !b) {
		check_hresult(c, id, source, "IWscProduct", FAILED(hr) ? hr : E_POINTER);
		return;
	}
	utf8_of(b, text, sizeof(text));
	check_text(c, id, source, text);
}

static void probe_wsc(struct collection *c)
{
	static const char src[] = "wscapi IWSCProductList (WSC_SECURITY_PROVIDER_ANTIVIRUS)";
	wsc_product_list *list = NULL;
	LONG n = 0;
	HRESULT hr = com_start();

	if (SUCCEEDED(hr))
		hr = CoCreateInstance(&clsid_wsc_product_list, NULL, CLSCTX_INPROC_SERVER,
		                      &iid_wsc_product_list, (void **)&list);
	if (SUCCEEDED(hr))
		hr = list->lpVtbl->Initialize(list, WSC_SECURITY_PROVIDER_ANTIVIRUS);
	if (SUCCEEDED(hr))
		hr = list->lpVtbl->get_Count(list, &n);
	if (FAILED(hr)) {
		check_hresult(c, "av.wsc.count", src, "Security Center", hr);
		if (list)
			list->lpVtbl->Release(list);
		return;
	}
	check_number(c, "av.wsc.count", src, (unsigned long long)(n > 0 ? n : 0));
	for (LONG i = 0; i < n && i < AV_MAX; i++) {
		wsc_product *p = NULL;
		char id[64];
		BSTR b = NULL;
		int v;

		if (FAILED(hr = list->lpVtbl->get_Item(list, (ULONG)i, &p))) {
			snprintf(id, sizeof(id), "av.wsc.%ld.name", (long)i + 1);
			check_hresult(c, id, src, "get_Item", hr);
			continue;
		}
		snprintf(id, sizeof(id), "av.wsc.%ld.name", (long)i + 1);
		hr = p->lpVtbl->get_ProductName(p, &b);
		bstr_check(c, id, "IWscProduct::get_ProductName", hr, b);
		SysFreeString(b);
		snprintf(id, sizeof(id), "av.wsc.%ld.state", (long)i + 1);
		if (SUCCEEDED(hr = p->lpVtbl->get_ProductState(p, &v)))
			check_text(c, id, "IWscProduct::get_ProductState", wsc_state_key(v));
		else
			check_hresult(c, id, "IWscProduct::get_ProductState", "get", hr);
		snprintf(id, sizeof(id), "av.wsc.%ld.signature", (long)i + 1);
		if (SUCCEEDED(hr = p->lpVtbl->get_SignatureStatus(p, &v)))
			check_text(c, id, "IWscProduct::get_SignatureStatus",
			           v == 1 ? "up_to_date" : "out_of_date");
		else
			check_hresult(c, id, "IWscProduct::get_SignatureStatus", "get", hr);
		b = NULL;
		snprintf(id, sizeof(id), "av.wsc.%ld.timestamp", (long)i + 1);
		hr = p->lpVtbl->get_ProductStateTimestamp(p, &b);
		bstr_check(c, id, "IWscProduct::get_ProductStateTimestamp", hr, b);
		SysFreeString(b);
		p->lpVtbl->Release(p);
	}
	list->lpVtbl->Release(list);
}

/* ---- WMI: root\SecurityCenter2 and Defender ---- */

#define SECURITY_CENTER2 "WMI ROOT\\SecurityCenter2 AntiVirusProduct"

static void av_row(IWbemClassObject *o, size_t i, void *ctx)
{
	char id[64];

	snprintf(id, sizeof(id), "av.wmi.%zu.name", i + 1);
	wmi_check_text(ctx, o, id, SECURITY_CENTER2, L"displayName");
	snprintf(id, sizeof(id), "av.wmi.%zu.product_state", i + 1);
	wmi_check_number(ctx, o, id, SECURITY_CENTER2, L"productState");
	snprintf(id, sizeof(id), "av.wmi.%zu.timestamp", i + 1);
	wmi_check_text(ctx, o, id, SECURITY_CENTER2, L"timestamp");
}

/* Defender's properties: the check id, the WMI name, and whether it is a CIM datetime. */
static const struct {
	const char *id;
	const wchar_t *name;
	int datetime, text;
} defender_props[] = {
	{ "defender.am_service_enabled", L"AMServiceEnabled", 0, 0 },
	{ "defender.antivirus_enabled", L"AntivirusEnabled", 0, 0 },
	{ "defender.realtime_enabled", L"RealTimeProtectionEnabled", 0, 0 },
	{ "defender.signature_age_days", L"AntivirusSignatureAge", 0, 0 },
	{ "defender.signatures_out_of_date", L"DefenderSignaturesOutOfDate", 0, 0 },
	{ "defender.signature_updated", L"AntivirusSignatureLastUpdated", 1, 1 },
	{ "defender.signature_version", L"AntivirusSignatureVersion", 0, 1 },
	{ "defender.running_mode", L"AMRunningMode", 0, 1 },
};
#define N_DEFENDER (sizeof(defender_props) / sizeof(defender_props[0]))

static void defender_row(IWbemClassObject *o, size_t i, void *ctx)
{
	static const char src[] = "WMI ROOT\\Microsoft\\Windows\\Defender MSFT_MpComputerStatus";
	struct collection *c = ctx;

	(void)i;
	for (size_t k = 0; k < N_DEFENDER; k++) {
		char text[512], iso[32];
		unsigned long long n;

		if (defender_props[k].text &&
		    wmi_text(o, defender_props[k].name, text, sizeof(text)))
			check_text(c, defender_props[k].id, src,
			           defender_props[k].datetime && ms_cim_datetime_iso(text, iso) == 0
			                   ? iso
			                   : text);
		else if (!defender_props[k].text && wmi_number(o, defender_props[k].name, &n))
			check_number(c, defender_props[k].id, src, n);
		else
			check_failed(c, defender_props[k].id, src, CHECK_UNAVAILABLE,
			             "not reported");
	}
}

static void probe_defender(struct collection *c)
{
	static const char src[] = "WMI ROOT\\Microsoft\\Windows\\Defender MSFT_MpComputerStatus";
	IWbemServices *svc = NULL;
	size_t n = 0;
	HRESULT hr = wmi_connect(L"ROOT\\Microsoft\\Windows\\Defender", &svc);

	if (SUCCEEDED(hr))
		hr = wmi_each(svc, L"SELECT * FROM MSFT_MpComputerStatus", 1, defender_row, c, &n);
	if (SUCCEEDED(hr) && n == 0)
		hr = (HRESULT)0x80041002L; /* WBEM_E_NOT_FOUND: the class answered with no instance */
	if (FAILED(hr))
		for (size_t k = 0; k < N_DEFENDER; k++)
			check_hresult(c, defender_props[k].id, src,
			              svc ? "ExecQuery" : "ConnectServer", hr);
	if (svc)
		IWbemServices_Release(svc);
}

void probe_security_products(struct collection *c)
{
	probe_wsc(c);
	wmi_list(c, L"ROOT\\SecurityCenter2",
	         L"SELECT displayName, productState, timestamp FROM AntiVirusProduct", AV_MAX,
	         av_row, "av.wmi.count", SECURITY_CENTER2);
	probe_defender(c);
}

/* ---- Firewall and BitLocker ---- */

void probe_firewall(struct collection *c)
{
	static const struct {
		const char *id;
		NET_FW_PROFILE_TYPE2 profile;
	} profiles[] = {
		{ "firewall.domain.enabled", NET_FW_PROFILE2_DOMAIN },
		{ "firewall.private.enabled", NET_FW_PROFILE2_PRIVATE },
		{ "firewall.public.enabled", NET_FW_PROFILE2_PUBLIC },
	};
	static const char src[] = "hnetcfg INetFwPolicy2::get_FirewallEnabled";
	INetFwPolicy2 *fw = NULL;
	HRESULT hr = com_start();

	if (SUCCEEDED(hr))
		hr = CoCreateInstance(&CLSID_NetFwPolicy2, NULL, CLSCTX_INPROC_SERVER,
		                      &IID_INetFwPolicy2, (void **)&fw);
	for (size_t i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++) {
		VARIANT_BOOL on = VARIANT_FALSE;
		HRESULT got = FAILED(hr) ? hr
		                         : INetFwPolicy2_get_FirewallEnabled(
		                                   fw, profiles[i].profile, &on);

		if (SUCCEEDED(got))
			check_number(c, profiles[i].id, src, on == VARIANT_TRUE);
		else
			check_hresult(c, profiles[i].id, src, "INetFwPolicy2", got);
	}
	if (fw)
		INetFwPolicy2_Release(fw);
}

#define ENCRYPTABLE_VOLUME \
	"WMI ROOT\\CIMV2\\Security\\MicrosoftVolumeEncryption Win32_EncryptableVolume"

static void volume_row(IWbemClassObject *o, size_t i, void *ctx)
{
	char id[64];

	snprintf(id, sizeof(id), "bitlocker.%zu.drive", i + 1);
	wmi_check_text(ctx, o, id, ENCRYPTABLE_VOLUME, L"DriveLetter");
	snprintf(id, sizeof(id), "bitlocker.%zu.protection", i + 1); /* 0 off, 1 on, 2 unknown */
	wmi_check_number(ctx, o, id, ENCRYPTABLE_VOLUME, L"ProtectionStatus");
	snprintf(id, sizeof(id), "bitlocker.%zu.volume_type",
	         i + 1); /* 0 OS, 1 fixed, 2 removable */
	wmi_check_number(ctx, o, id, ENCRYPTABLE_VOLUME, L"VolumeType");
}

void probe_bitlocker(struct collection *c)
{
	if (!c->elevated) { /* the class answers administrators only: say so without asking */
		check_failed(c, "bitlocker.count", ENCRYPTABLE_VOLUME, CHECK_DENIED,
		             "administrators only (run the collector as administrator)");
		return;
	}
	wmi_list(c, L"ROOT\\CIMV2\\Security\\MicrosoftVolumeEncryption",
	         L"SELECT DriveLetter, ProtectionStatus, VolumeType FROM Win32_EncryptableVolume",
	         VOLUME_MAX, volume_row, "bitlocker.count", ENCRYPTABLE_VOLUME);
}
