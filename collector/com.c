/*
 * com.c - COM start-up, WMI queries and HRESULT outcomes for the probes (com.h).
 * WMI as Microsoft documents it for C/C++ clients: CoInitializeEx, CoInitializeSecurity,
 * IWbemLocator::ConnectServer, CoSetProxyBlanket, IWbemServices::ExecQuery with a
 * forward-only enumerator ("Example: Getting WMI Data from the Local Computer").
 */
#include <stdio.h>
#include <string.h>

#include "com.h"

HRESULT com_start(void)
{
	static int tried;
	static HRESULT started;
	HRESULT hr;

	if (tried)
		return started;
	tried = 1;
	hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);
	if (SUCCEEDED(hr)) {
		/* Identify as the user; RPC_E_TOO_LATE only means someone set it already. */
		HRESULT sec = CoInitializeSecurity(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_DEFAULT,
		                                   RPC_C_IMP_LEVEL_IMPERSONATE, NULL, EOAC_NONE,
		                                   NULL);
		if (FAILED(sec) && sec != RPC_E_TOO_LATE)
			hr = sec;
	}
	started = SUCCEEDED(hr) ? S_OK : hr;
	return started;
}

enum check_status com_status(HRESULT hr)
{
	switch ((unsigned long)hr) {
	case 0x80070005UL: /* E_ACCESSDENIED */
	case 0x80041003UL: /* WBEM_E_ACCESS_DENIED */ return CHECK_DENIED;
	case 0x80040154UL: /* REGDB_E_CLASSNOTREG: the component is not on this Windows */
	case 0x8004100eUL: /* WBEM_E_INVALID_NAMESPACE */
	case 0x80041010UL: /* WBEM_E_INVALID_CLASS */
	case 0x80041002UL: /* WBEM_E_NOT_FOUND */
	case 0x8004100cUL: /* WBEM_E_NOT_SUPPORTED */
	case 0x80004001UL: /* E_NOTIMPL */
	case 0x80070032UL: /* HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) */ return CHECK_UNAVAILABLE;
	default: return CHECK_ERROR;
	}
}

void check_hresult(struct collection *c, const char *id, const char *source, const char *step,
                   HRESULT hr)
{
	char detail[160];
	enum check_status st = com_status(hr);

	snprintf(detail, sizeof(detail), "%s: HRESULT 0x%08lx%s", step, (unsigned long)hr,
	         st == CHECK_UNAVAILABLE ? " (not on this Windows)"
	         : st == CHECK_DENIED    ? " (run as administrator to read it)"
	                                 : "");
	check_failed(c, id, source, st, detail);
}

HRESULT wmi_connect(const wchar_t *ns, IWbemServices **out)
{
	IWbemLocator *loc = NULL;
	BSTR name;
	HRESULT hr;

	*out = NULL;
	if (FAILED(hr = com_start()))
		return hr;
	hr = CoCreateInstance(&CLSID_WbemLocator, NULL, CLSCTX_INPROC_SERVER, &IID_IWbemLocator,
	                      (void **)&loc);
	if (FAILED(hr))
		return hr;
	name = SysAllocString(ns);
	hr = IWbemLocator_ConnectServer(loc, name, NULL, NULL, NULL, 0, NULL, NULL, out);
	SysFreeString(name);
	IWbemLocator_Release(loc);
	if (SUCCEEDED(hr))
		CoSetProxyBlanket((IUnknown *)*out, RPC_C_AUTHN_WINNT, RPC_C_AUTHZ_NONE, NULL,
		                  RPC_C_AUTHN_LEVEL_CALL, RPC_C_IMP_LEVEL_IMPERSONATE, NULL,
		                  EOAC_NONE);
	return hr;
}

HRESULT wmi_each(IWbemServices *svc, const wchar_t *wql, size_t max, wmi_row_fn row, void *ctx,
                 size_t *n)
{
	IEnumWbemClassObject *e = NULL;
	BSTR lang = SysAllocString(L"WQL"), q = SysAllocString(wql);
	HRESULT hr = IWbemServices_ExecQuery(
	        svc, lang, q, WBEM_FLAG_FORWARD_ONLY | WBEM_FLAG_RETURN_IMMEDIATELY, NULL, &e);

	SysFreeString(lang);
	SysFreeString(q);
	*n = 0;
	if (FAILED(hr))
		return hr;
	for (size_t guard = 0; guard < 10000; guard++) { /* a bound, far above any real list */
		IWbemClassObject *o = NULL;
		ULONG got = 0;

		/* 30 s per object: WMI providers that hang do not hold the run. */
		hr = IEnumWbemClassObject_Next(e, 30000, 1, &o, &got);
		if (FAILED(hr) || !got)
			break;
		if (*n < max)
			row(o, *n, ctx);
		(*n)++;
		IWbemClassObject_Release(o);
	}
	IEnumWbemClassObject_Release(e);
	return FAILED(hr) ? hr : S_OK;
}

int wmi_text(IWbemClassObject *o, const wchar_t *name, char *buf, size_t size)
{
	VARIANT v;
	int ok = 0;

	buf[0] = '\0';
	VariantInit(&v);
	if (FAILED(IWbemClassObject_Get(o, name, 0, &v, NULL, NULL)))
		return 0;
	switch (V_VT(&v)) {
	case VT_BSTR:
		utf8_of(V_BSTR(&v), buf, size);
		ok = 1;
		break;
	case VT_BOOL:
		snprintf(buf, size, "%d", V_BOOL(&v) ? 1 : 0);
		ok = 1;
		break;
	case VT_I4:
	case VT_UI4:
	case VT_I2:
	case VT_UI2:
	case VT_UI1: {
		unsigned long long n;
		ok = wmi_number(o, name, &n);
		if (ok)
			snprintf(buf, size, "%llu", n);
		break;
	}
	default: break;
	}
	VariantClear(&v);
	return ok;
}

int wmi_number(IWbemClassObject *o, const wchar_t *name, unsigned long long *out)
{
	VARIANT v;
	int ok = 1;

	VariantInit(&v);
	if (FAILED(IWbemClassObject_Get(o, name, 0, &v, NULL, NULL)))
		return 0;
	switch (V_VT(&v)) {
	case VT_BOOL: *out = V_BOOL(&v) ? 1 : 0; break;
	case VT_UI1: *out = V_UI1(&v); break;
	case VT_I2: *out = (unsigned long long)(long long)V_I2(&v); break;
	case VT_UI2: *out = V_UI2(&v); break;
	case VT_I4: *out = (unsigned long)V_I4(&v); break; /* WMI's uint32 comes as VT_I4 */
	case VT_UI4: *out = V_UI4(&v); break;
	case VT_BSTR: { /* uint64 and sint64 come as strings */
		wchar_t *end;
		*out = wcstoull(V_BSTR(&v), &end, 10);
		ok = end != V_BSTR(&v) && !*end;
		break;
	}
	default: ok = 0;
	}
	VariantClear(&v);
	return ok;
}

void wmi_list(struct collection *c, const wchar_t *ns, const wchar_t *wql, size_t max,
              wmi_row_fn row, const char *count_id, const char *source)
{
	IWbemServices *svc = NULL;
	size_t n = 0;
	HRESULT hr = wmi_connect(ns, &svc);

	if (SUCCEEDED(hr))
		hr = wmi_each(svc, wql, max, row, c, &n);
	if (FAILED(hr))
		check_hresult(c, count_id, source, svc ? "ExecQuery" : "ConnectServer", hr);
	else
		check_number(c, count_id, source, n);
	if (svc)
		IWbemServices_Release(svc);
}

void wmi_check_text(struct collection *c, IWbemClassObject *o, const char *id, const char *source,
                    const wchar_t *name)
{
	char text[512];

	if (wmi_text(o, name, text, sizeof(text)) && text[0])
		check_text(c, id, source, text);
	else
		check_failed(c, id, source, CHECK_UNAVAILABLE, "not reported");
}

void wmi_check_number(struct collection *c, IWbemClassObject *o, const char *id, const char *source,
                      const wchar_t *name)
{
	unsigned long long n;

	if (wmi_number(o, name, &n))
		check_number(c, id, source, n);
	else
		check_failed(c, id, source, CHECK_UNAVAILABLE, "not reported");
}
