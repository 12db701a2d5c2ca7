/*
 * protection.c - what protects a PC besides its OS version: the security products
 * in use and their definitions, the date of the last update, the local accounts,
 * the password policy and the firewall (terminal.h). Plain decisions on plain facts.
 */
#include <stdio.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/terminal.h"

void terminal_product_state(unsigned long v, struct product_state *out)
{
	out->providers = (unsigned)((v >> 16) & 0xff);
	out->state = (int)((v >> 12) & 0xf);
	out->microsoft = ((v >> 8) & 0xf) == 1;
	out->up_to_date = ((v >> 4) & 0xf) == 0;
}

static int on(int v)
{
	return v == 1;
}

/* Defender as one product, from its own status (where there is no Security Center). */
static void defender_product(const struct defender_facts *d, struct av_product *p)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "Microsoft Defender Antivirus");
	p->microsoft = 1;
	p->source = "defender";
	if (d->am_service < 0 && d->antivirus < 0 && d->realtime < 0)
		p->enabled = -1;
	else
		p->enabled = on(d->am_service) && d->antivirus != 0 && on(d->realtime);
	p->up_to_date = d->out_of_date < 0 ? -1 : !d->out_of_date;
	p->signature_age_days = d->signature_age_days;
}

static int passive(const struct defender_facts *d)
{
	return d && d->read && d->running_mode && strstr(d->running_mode, "Passive");
}

size_t terminal_av_in_use(const struct av_product *list, size_t n, int list_read,
                          const struct defender_facts *def, struct av_product *out, size_t max,
                          enum av_status *status)
{
	int third_party_on = 0, any_on = 0, any_current = 0;
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		third_party_on |= !list[i].microsoft && on(list[i].enabled);
	for (size_t i = 0; i < n && k < max; i++) {
		struct av_product p = list[i];

		if (p.microsoft && third_party_on && (!on(p.enabled) || passive(def)))
			continue; /* Defender stepping aside for the product in use */
		if (p.microsoft && def && def->read) {
			if (p.signature_age_days < 0)
				p.signature_age_days = def->signature_age_days;
			if (p.up_to_date < 0 && def->out_of_date >= 0)
				p.up_to_date = !def->out_of_date;
		}
		out[k++] = p;
	}
	if (!list_read && def && def->read && k < max)
		defender_product(def, &out[k++]);
	for (size_t i = 0; i < k; i++)
		if (on(out[i].enabled)) {
			any_on = 1;
			any_current |= out[i].up_to_date != 0; /* not said to be old */
		}
	if (!list_read && !(def && def->read))
		*status = AV_UNKNOWN;
	else if (!k)
		*status = AV_NONE;
	else if (!any_on)
		*status = AV_OFF;
	else
		*status = any_current ? AV_PROTECTED : AV_STALE;
	return k;
}

const char *terminal_av_status_key(enum av_status s)
{
	static const char *const keys[] = { "unknown", "protected", "stale", "off", "none" };

	return (unsigned)s < sizeof(keys) / sizeof(keys[0]) ? keys[s] : "unknown";
}

/* Up to three numbers separated by one of "/-." ; their count. */
static int three_numbers(const char *s, long v[3])
{
	int n = 0;

	while (n < 3) {
		long x = 0;
		int digits = 0;

		while (*s >= '0' && *s <= '9' && digits < 5) {
			x = x * 10 + (*s++ - '0');
			digits++;
		}
		if (!digits)
			return 0;
		v[n++] = x;
		if (n < 3 && *s != '/' && *s != '-' && *s != '.')
			return 0;
		if (n < 3)
			s++;
	}
	return *s == '\0' || *s == ' ' ? n : 0; /* "11/12/2024 0:00:00" has a time after */
}

int terminal_hotfix_date(const char *s, char out[11])
{
	long v[3], y, m, d;

	if (!s || three_numbers(s, v) != 3)
		return 0;
	if (v[0] >= 1900) { /* 2024/11/12 */
		y = v[0], m = v[1], d = v[2];
	} else if (v[2] >= 1900) {
		y = v[2];
		if (v[0] > 12) /* 22/2/2022: the day first */
			d = v[0], m = v[1];
		else /* 11/12/2024: Windows' own M/D/Y */
			m = v[0], d = v[1];
	} else {
		return 0;
	}
	if (y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
	return ms_date_valid(out);
}

unsigned terminal_weaknesses(const struct account_facts *a, size_t n,
                             const struct password_policy *p, const int firewall[3])
{
	unsigned w = 0;

	for (size_t i = 0; i < n; i++) {
		int enabled = a[i].disabled == 0;

		if (a[i].rid == 501 && enabled)
			w |= WEAK_GUEST_ENABLED;
		if (a[i].rid == 500 && enabled)
			w |= WEAK_BUILTIN_ADMIN_ENABLED;
		if (enabled && a[i].password_not_required == 1)
			w |= WEAK_PASSWORD_NOT_REQUIRED;
	}
	/* Every pattern of the guideline (6.0 Q&A シQ-54) asks for at least 8 characters. */
	if (p->min_length >= 0 && p->min_length < 8)
		w |= WEAK_SHORT_PASSWORDS;
	if (p->lockout_threshold == 0)
		w |= WEAK_NO_LOCKOUT;
	for (int i = 0; i < 3; i++)
		if (firewall[i] == 0)
			w |= WEAK_FIREWALL_OFF;
	return w;
}

size_t terminal_finding_ids(const struct terminal_result *r, const char **ids, size_t max)
{
	const char *v[16];
	size_t n = 0, k;

	if (r->support == OS_SUPPORT_ENDED)
		v[n++] = "terminal-os-ended";
	else if (r->support == OS_SUPPORT_UNKNOWN)
		v[n++] = "terminal-os-unknown";
	if (r->av_status == AV_NONE)
		v[n++] = "terminal-av-none";
	else if (r->av_status == AV_OFF)
		v[n++] = "terminal-av-off";
	else if (r->av_status == AV_STALE)
		v[n++] = "terminal-av-stale";
	if (r->update_age_days > TERMINAL_UPDATE_AGE_MAX)
		v[n++] = "terminal-updates-old";
	if (r->usb == USB_ALLOWED)
		v[n++] = "terminal-usb-open";
	if (r->rdp_allowed == 1 && r->rdp_nla == 0)
		v[n++] = "terminal-rdp-no-nla";
	if (r->smb1 == 1)
		v[n++] = "terminal-smb1";
	if (r->weaknesses & WEAK_FIREWALL_OFF)
		v[n++] = "terminal-firewall-off";
	if (r->weaknesses & WEAK_GUEST_ENABLED)
		v[n++] = "terminal-guest-enabled";
	if (r->weaknesses & WEAK_BUILTIN_ADMIN_ENABLED)
		v[n++] = "terminal-admin-enabled";
	if (r->weaknesses & WEAK_PASSWORD_NOT_REQUIRED)
		v[n++] = "terminal-password-not-required";
	if (r->weaknesses & WEAK_SHORT_PASSWORDS)
		v[n++] = "terminal-password-short";
	if (r->weaknesses & WEAK_NO_LOCKOUT)
		v[n++] = "terminal-no-lockout";
	for (k = 0; k < n && k < max; k++)
		ids[k] = v[k];
	return k;
}
