/*
 * com.h - COM and WMI for the collector's probes: start COM once, run a WQL query
 * over a namespace and read its properties, and turn a failing HRESULT into a
 * check's outcome (a missing class or namespace is "unavailable", a refusal
 * "denied", anything else "error" with the step and the code).
 */
#ifndef MEDSEC_COLLECTOR_COM_H
#define MEDSEC_COLLECTOR_COM_H

#define COBJMACROS
#include <windows.h>
#include <wbemcli.h>

#include "collector.h"

/* COM for this thread and the process's default security, once; S_OK or why not. */
HRESULT com_start(void);

/* A failed step as check id's outcome ("WMI ConnectServer: HRESULT 0x8004100e ..."). */
void check_hresult(struct collection *c, const char *id, const char *source, const char *step,
                   HRESULT hr);
/* The status an HRESULT stands for. */
enum check_status com_status(HRESULT hr);

/* A WMI namespace (L"ROOT\\SecurityCenter2") for queries; *out is the caller's (Release). */
HRESULT wmi_connect(const wchar_t *ns, IWbemServices **out);
/*
 * Runs a WQL query and calls row for each object, at most max of them (the rest are
 * counted in *n but not visited). Bounded in time by WMI's own timeouts.
 */
typedef void (*wmi_row_fn)(IWbemClassObject *o, size_t i, void *ctx);
HRESULT wmi_each(IWbemServices *svc, const wchar_t *wql, size_t max, wmi_row_fn row, void *ctx,
                 size_t *n);
/*
 * A listing probe whole: connects to ns, runs wql, calls row for at most max objects and
 * records count_id (how many there are) or why the list could not be read.
 */
void wmi_list(struct collection *c, const wchar_t *ns, const wchar_t *wql, size_t max,
              wmi_row_fn row, const char *count_id, const char *source);
/* Property name of o as check id: its text (or number), or unavailable if absent or empty. */
void wmi_check_text(struct collection *c, IWbemClassObject *o, const char *id, const char *source,
                    const wchar_t *name);
void wmi_check_number(struct collection *c, IWbemClassObject *o, const char *id, const char *source,
                      const wchar_t *name);
/* A property as UTF-8 text (numbers written out); 0 when absent or null. */
int wmi_text(IWbemClassObject *o, const wchar_t *name, char *buf, size_t size);
/* A property as a number (integers, booleans as 0/1, and WMI's uint64-as-string); 0 if not one. */
int wmi_number(IWbemClassObject *o, const wchar_t *name, unsigned long long *v);

#endif
