/*
 * updates.c - what Windows says it installed: the Windows Update Agent's history
 * (wuapi.h IUpdateSearcher::QueryHistory, newest first; each entry's title names its
 * KB) and the hotfixes WMI lists (Win32_QuickFixEngineering: HotFixID, InstalledOn).
 * The two overlap but neither is complete (QFE misses updates not installed by
 * Component Based Servicing; the history misses what came by other means), so both
 * are recorded with their source and medsec takes the newest date of either.
 * Capped: the newest HISTORY_MAX history entries and HOTFIX_MAX hotfixes.
 */
#include <initguid.h>
#include <stdio.h>
#include <string.h>

#include "com.h"
#include <wuapi.h>

#define HISTORY_MAX 20
#define HOTFIX_MAX 64

/* A DATE (OLE automation time, local) as UTC ISO 8601. */
static int date_iso(DATE d, char iso[32])
{
	SYSTEMTIME local, utc;

	if (!VariantTimeToSystemTime(d, &local) ||
	    !TzSpecificLocalTimeToSystemTime(NULL, &local, &utc))
		return 0;
	snprintf(iso, 32, "%04u-%02u-%02uT%02u:%02u:%02uZ", utc.wYear, utc.wMonth, utc.wDay,
	         utc.wHour, utc.wMinute, utc.wSecond);
	return 1;
}

static void history_entry(struct collection *c, IUpdateHistoryEntry *e, long i)
{
	static const char src[] = "wuapi IUpdateSearcher::QueryHistory";
	char id[64], text[512], iso[32];
	BSTR title = NULL;
	DATE date = 0;
	OperationResultCode result = orcNotStarted;
	UpdateOperation op = uoInstallation;

	snprintf(id, sizeof(id), "updates.wua.%ld.title", i);
	if (SUCCEEDED(IUpdateHistoryEntry_get_Title(e, &title)) && title) {
		utf8_of(title, text, sizeof(text));
		check_text(c, id, src, text);
	} else {
		check_failed(c, id, src, CHECK_UNAVAILABLE, "no title");
	}
	SysFreeString(title);
	snprintf(id, sizeof(id), "updates.wua.%ld.date", i);
	if (SUCCEEDED(IUpdateHistoryEntry_get_Date(e, &date)) && date_iso(date, iso))
		check_text(c, id, src, iso);
	else
		check_failed(c, id, src, CHECK_UNAVAILABLE, "no date");
	/* OperationResultCode: 2 succeeded, 3 succeeded with errors, 4 failed, 5 aborted. */
	snprintf(id, sizeof(id), "updates.wua.%ld.result", i);
	if (SUCCEEDED(IUpdateHistoryEntry_get_ResultCode(e, &result)))
		check_number(c, id, src, (unsigned long long)result);
	else
		check_failed(c, id, src, CHECK_UNAVAILABLE, "no result");
	snprintf(id, sizeof(id), "updates.wua.%ld.operation", i); /* 1 install, 2 uninstall */
	if (SUCCEEDED(IUpdateHistoryEntry_get_Operation(e, &op)))
		check_number(c, id, src, (unsigned long long)op);
	else
		check_failed(c, id, src, CHECK_UNAVAILABLE, "no operation");
}

static void probe_history(struct collection *c)
{
	static const char src[] = "wuapi IUpdateSearcher::GetTotalHistoryCount";
	IUpdateSession *session = NULL;
	IUpdateSearcher *searcher = NULL;
	IUpdateHistoryEntryCollection *list = NULL;
	LONG total = 0, n = 0;
	HRESULT hr = com_start();

	if (SUCCEEDED(hr))
		hr = CoCreateInstance(&CLSID_UpdateSession, NULL, CLSCTX_INPROC_SERVER,
		                      &IID_IUpdateSession, (void **)&session);
	if (SUCCEEDED(hr))
		hr = IUpdateSession_CreateUpdateSearcher(session, &searcher);
	if (SUCCEEDED(hr))
		hr = IUpdateSearcher_GetTotalHistoryCount(searcher, &total);
	if (SUCCEEDED(hr) && total > 0)
		hr = IUpdateSearcher_QueryHistory(searcher, 0,
		                                  total < HISTORY_MAX ? total : HISTORY_MAX, &list);
	if (SUCCEEDED(hr) && list)
		hr = IUpdateHistoryEntryCollection_get_Count(list, &n);
	if (FAILED(hr)) {
		check_hresult(c, "updates.wua.total", src, "Windows Update Agent", hr);
	} else {
		check_number(c, "updates.wua.total", src,
		             (unsigned long long)(total > 0 ? total : 0));
		for (LONG i = 0; list && i < n && i < HISTORY_MAX; i++) {
			IUpdateHistoryEntry *e = NULL;

			if (SUCCEEDED(IUpdateHistoryEntryCollection_get_Item(list, i, &e)) && e) {
				history_entry(c, e, (long)i + 1);
				IUpdateHistoryEntry_Release(e);
			}
		}
	}
	if (list)
		IUpdateHistoryEntryCollection_Release(list);
	if (searcher)
		IUpdateSearcher_Release(searcher);
	if (session)
		IUpdateSession_Release(session);
}

#define QUICK_FIX "WMI ROOT\\CIMV2 Win32_QuickFixEngineering"

static void hotfix_row(IWbemClassObject *o, size_t i, void *ctx)
{
	char id[64];

	snprintf(id, sizeof(id), "updates.qfe.%zu.kb", i + 1);
	wmi_check_text(ctx, o, id, QUICK_FIX, L"HotFixID");
	/* InstalledOn is a string, usually M/D/YYYY: kept as Windows wrote it. */
	snprintf(id, sizeof(id), "updates.qfe.%zu.installed_on", i + 1);
	wmi_check_text(ctx, o, id, QUICK_FIX, L"InstalledOn");
}

void probe_updates(struct collection *c)
{
	probe_history(c);
	wmi_list(c, L"ROOT\\CIMV2", L"SELECT HotFixID, InstalledOn FROM Win32_QuickFixEngineering",
	         HOTFIX_MAX, hotfix_row, "updates.qfe.count", QUICK_FIX);
}
