/*
 * accounts.c - local accounts and the password policy, through the documented
 * NetAPI calls (lmaccess.h): NetUserEnum level 3 (flags, password age, last logon,
 * the RID: 500 is the built-in Administrator, 501 Guest), the members of the
 * Administrators group found by its well-known SID S-1-5-32-544 (its name is
 * localised: 「Administrators」 is not what a Japanese Windows calls it everywhere),
 * and NetUserModalsGet levels 0 (length, ages, history) and 3 (lockout).
 * A normal user may read all of these on a workstation. Capped at ACCOUNT_MAX.
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>
#include <lm.h>

#include "collector.h"
#include "medsec/clock.h"

#define ACCOUNT_MAX 32

static void net_failed(struct collection *c, const char *id, const char *source, NET_API_STATUS rc)
{
	char detail[96];

	snprintf(detail, sizeof(detail), "NetAPI status %lu", (unsigned long)rc);
	check_failed(c, id, source,
	             rc == ERROR_ACCESS_DENIED                                ? CHECK_DENIED
	             : rc == ERROR_NOT_SUPPORTED || rc == ERROR_INVALID_LEVEL ? CHECK_UNAVAILABLE
	                                                                      : CHECK_ERROR,
	             detail);
}

/* The Administrators group's members as "DOMAIN\\name", into names (up to max); count or -1. */
static long admin_members(struct collection *c, char names[][256], size_t max)
{
	static const char src[] = "netapi32 NetLocalGroupGetMembers (S-1-5-32-544)";
	BYTE sid[SECURITY_MAX_SID_SIZE];
	DWORD sid_size = sizeof(sid), name_n = 256, dom_n = 256;
	wchar_t group[256], dom[256];
	SID_NAME_USE use;
	LOCALGROUP_MEMBERS_INFO_2 *m = NULL;
	DWORD read = 0, total = 0;
	NET_API_STATUS rc;
	char text[256];

	if (!CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, sid, &sid_size) ||
	    !LookupAccountSidW(NULL, sid, group, &name_n, dom, &dom_n, &use)) {
		snprintf(text, sizeof(text), "Win32 error %lu", (unsigned long)GetLastError());
		check_failed(c, "admins.count", src, CHECK_ERROR, text);
		return -1;
	}
	utf8_of(group, text, sizeof(text));
	check_text(c, "admins.group", "advapi32 LookupAccountSid (S-1-5-32-544)", text);
	rc = NetLocalGroupGetMembers(NULL, group, 2, (BYTE **)&m, MAX_PREFERRED_LENGTH, &read,
	                             &total, NULL);
	if (rc != NERR_Success) {
		net_failed(c, "admins.count", src, rc);
		return -1;
	}
	check_number(c, "admins.count", src, read);
	for (DWORD i = 0; i < read && i < max; i++) {
		char id[64];

		utf8_of(m[i].lgrmi2_domainandname, names[i], 256);
		snprintf(id, sizeof(id), "admins.%lu.name", (unsigned long)i + 1);
		check_text(c, id, src, names[i]);
	}
	NetApiBufferFree(m);
	return (long)(read < max ? read : max);
}

/* Is user (a bare name) among the members ("HOST\\name")? */
static int is_admin(const char *user, char names[][256], long n)
{
	for (long i = 0; i < n; i++) {
		const char *bs = strrchr(names[i], '\\');

		if (!_stricmp(bs ? bs + 1 : names[i], user))
			return 1;
	}
	return 0;
}

static void probe_users(struct collection *c)
{
	static const char src[] = "netapi32 NetUserEnum level 3";
	static char admins[ACCOUNT_MAX][256];
	long n_admins = admin_members(c, admins, ACCOUNT_MAX);
	USER_INFO_3 *u = NULL;
	DWORD read = 0, total = 0, resume = 0;
	NET_API_STATUS rc = NetUserEnum(NULL, 3, FILTER_NORMAL_ACCOUNT, (BYTE **)&u,
	                                MAX_PREFERRED_LENGTH, &read, &total, &resume);

	if (rc != NERR_Success && rc != ERROR_MORE_DATA) {
		net_failed(c, "accounts.count", src, rc);
		return;
	}
	check_number(c, "accounts.count", src, read);
	for (DWORD i = 0; i < read && i < ACCOUNT_MAX; i++) {
		const USER_INFO_3 *a = &u[i];
		unsigned long k = (unsigned long)i + 1;
		char id[64], name[256];

		utf8_of(a->usri3_name, name, sizeof(name));
		snprintf(id, sizeof(id), "accounts.%lu.name", k);
		check_text(c, id, src, name);
		snprintf(id, sizeof(id), "accounts.%lu.rid", k);
		check_number(c, id, src, a->usri3_user_id);
		snprintf(id, sizeof(id), "accounts.%lu.disabled", k);
		check_number(c, id, src, !!(a->usri3_flags & UF_ACCOUNTDISABLE));
		snprintf(id, sizeof(id), "accounts.%lu.password_never_expires", k);
		check_number(c, id, src, !!(a->usri3_flags & UF_DONT_EXPIRE_PASSWD));
		snprintf(id, sizeof(id), "accounts.%lu.password_not_required", k);
		check_number(c, id, src, !!(a->usri3_flags & UF_PASSWD_NOTREQD));
		snprintf(id, sizeof(id), "accounts.%lu.password_age_days", k);
		check_number(c, id, src, a->usri3_password_age / 86400);
		snprintf(id, sizeof(id), "accounts.%lu.last_logon", k);
		if (a->usri3_last_logon) { /* seconds since 1970-01-01 UTC; 0 = unknown */
			char iso[32];

			ms_iso_of_unix((long long)a->usri3_last_logon, iso);
			check_text(c, id, src, iso);
		} else {
			check_failed(c, id, src, CHECK_UNAVAILABLE,
			             "never logged on, or not known");
		}
		snprintf(id, sizeof(id), "accounts.%lu.admin", k);
		if (n_admins >= 0)
			check_number(c, id, "netapi32 NetLocalGroupGetMembers (S-1-5-32-544)",
			             is_admin(name, admins, n_admins));
		else
			check_failed(c, id, "netapi32 NetLocalGroupGetMembers (S-1-5-32-544)",
			             CHECK_UNAVAILABLE, "the group's members could not be read");
	}
	NetApiBufferFree(u);
}

static void probe_policy(struct collection *c)
{
	static const char src0[] = "netapi32 NetUserModalsGet level 0",
	                  src3[] = "netapi32 NetUserModalsGet level 3";
	USER_MODALS_INFO_0 *m0 = NULL;
	USER_MODALS_INFO_3 *m3 = NULL;
	NET_API_STATUS rc = NetUserModalsGet(NULL, 0, (BYTE **)&m0);

	if (rc == NERR_Success) {
		check_number(c, "policy.min_password_length", src0, m0->usrmod0_min_passwd_len);
		/* TIMEQ_FOREVER: never expires, which Windows' own policy editor shows as 0. */
		check_number(c, "policy.max_password_age_days", src0,
		             m0->usrmod0_max_passwd_age == TIMEQ_FOREVER
		                     ? 0
		                     : m0->usrmod0_max_passwd_age / 86400);
		check_number(c, "policy.min_password_age_days", src0,
		             m0->usrmod0_min_passwd_age / 86400);
		check_number(c, "policy.password_history", src0, m0->usrmod0_password_hist_len);
		NetApiBufferFree(m0);
	} else {
		net_failed(c, "policy.min_password_length", src0, rc);
		net_failed(c, "policy.max_password_age_days", src0, rc);
		net_failed(c, "policy.min_password_age_days", src0, rc);
		net_failed(c, "policy.password_history", src0, rc);
	}
	rc = NetUserModalsGet(NULL, 3, (BYTE **)&m3);
	if (rc == NERR_Success) {
		check_number(c, "policy.lockout_threshold", src3, m3->usrmod3_lockout_threshold);
		check_number(c, "policy.lockout_duration_minutes", src3,
		             m3->usrmod3_lockout_duration / 60);
		NetApiBufferFree(m3);
	} else {
		net_failed(c, "policy.lockout_threshold", src3, rc);
		net_failed(c, "policy.lockout_duration_minutes", src3, rc);
	}
}

void probe_accounts(struct collection *c)
{
	probe_users(c);
	probe_policy(c);
}
