/*
 * scope.c - the authorised set of a scan, built from the plan and nothing
 * else: the engine can only draw addresses from it (scope by construction),
 * and checks every answer against it (scan_scope_find).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "medsec/clock.h"
#include "medsec/mem.h"
#include "medsec/scan.h"

static void add(struct scan_scope *s, const struct ms_prefix *p, uint64_t offset, int line_no)
{
	struct scan_target *t;
	uint8_t a[16];
	int n = p->family == AF_INET ? 4 : 16;

	memcpy(a, p->addr, sizeof(a));
	for (int i = n - 1; i >= 0 && offset; i--) { /* a + offset, big-endian */
		uint64_t sum = a[i] + (offset & 0xff);

		a[i] = (uint8_t)sum;
		offset = (offset >> 8) + (sum >> 8);
	}
	s->targets = ms_xrealloc(s->targets, (s->n_targets + 1) * sizeof(*s->targets));
	t = &s->targets[s->n_targets++];
	memset(t, 0, sizeof(*t));
	t->line_no = line_no;
	if (p->family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&t->addr;

		sin->sin_family = AF_INET;
		memcpy(&sin->sin_addr, a, 4);
		t->addr_len = sizeof(*sin);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&t->addr;

		sin6->sin6_family = AF_INET6;
		memcpy(&sin6->sin6_addr, a, 16);
		t->addr_len = sizeof(*sin6);
	}
	inet_ntop(p->family, a, t->text, sizeof(t->text));
	/* Two lines declaring one address: scan it once, for the first line. */
	if (scan_scope_find(s, (const struct sockaddr *)&t->addr) < (long)s->n_targets - 1)
		s->n_targets--;
}

/*
 * Seed 002: a dynamic address is the hospital's only on the day it confirmed it
 * ("確認いただけない場合には調査不可"); on another day it may be someone else's. A line
 * whose address is not fixed is scannable only on the day of its confirmation in Japan.
 */
static int confirmed_today(const struct plan_line *l, const char *today, struct ms_error *err)
{
	char day[11], arg[160];

	if (l->ip_kind == IP_STATIC)
		return MS_OK;
	if (ms_date_jst(l->confirmed_at, day) == 0 && strcmp(day, today) == 0)
		return MS_OK;
	snprintf(arg, sizeof(arg), "%d (%s, %s)", l->line_no, l->target, day[0] ? day : "?");
	return ms_fail(err, MS_ERR_INPUT, MSG_SCAN_DAY_IP_STALE, NULL, arg);
}

int scan_scope_from_plan(struct scan_scope *s, const struct plan *p, struct ms_error *err)
{
	char today[11];

	memset(s, 0, sizeof(*s));
	ms_today_jst(today);
	for (size_t i = 0; i < p->n_lines; i++) {
		const struct plan_line *l = &p->lines[i];
		struct ms_prefix pre;
		uint64_t n;

		if (l->status != STATUS_TARGET || !l->target)
			continue;
		if (confirmed_today(l, today, err)) {
			scan_scope_dispose(s);
			return err->status;
		}
		/* The plan holds checked addresses; anything else is a damaged store. */
		if (ms_prefix_parse(l->target, &pre) != MS_PREFIX_OK ||
		    ms_prefix_classify(&pre) == MS_ADDR_NON_GLOBAL ||
		    (n = ms_prefix_size(&pre)) > 4096) {
			scan_scope_dispose(s);
			return ms_fail(err, MS_ERR_SYSTEM, MSG_SCAN_BAD_TARGET, NULL, l->target);
		}
		for (uint64_t k = 0; k < n; k++)
			add(s, &pre, k, l->line_no);
	}
	return MS_OK;
}

void scan_scope_dispose(struct scan_scope *s)
{
	free(s->targets);
	memset(s, 0, sizeof(*s));
}

long scan_scope_find(const struct scan_scope *s, const struct sockaddr *sa)
{
	for (size_t i = 0; i < s->n_targets; i++) {
		const struct scan_target *t = &s->targets[i];

		if (sa->sa_family != t->addr.ss_family)
			continue;
		if (sa->sa_family == AF_INET &&
		    memcmp(&((const struct sockaddr_in *)sa)->sin_addr,
		           &((const struct sockaddr_in *)&t->addr)->sin_addr, 4) == 0)
			return (long)i;
		if (sa->sa_family == AF_INET6 &&
		    memcmp(&((const struct sockaddr_in6 *)sa)->sin6_addr,
		           &((const struct sockaddr_in6 *)&t->addr)->sin6_addr, 16) == 0)
			return (long)i;
	}
	return -1;
}

int scan_source_address(const struct scan_target *t, char *buf, size_t size)
{
	struct sockaddr_storage local;
	socklen_t len = sizeof(local);
	/* connect() on a datagram socket only picks the route: no packet leaves. */
	int fd = socket(t->addr.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0), rc = -1;

	if (fd < 0)
		return -1;
	if (connect(fd, (const struct sockaddr *)&t->addr, t->addr_len) == 0 &&
	    getsockname(fd, (struct sockaddr *)&local, &len) == 0) {
		const void *a = local.ss_family == AF_INET
		                        ? (const void *)&((struct sockaddr_in *)&local)->sin_addr
		                        : (const void *)&((struct sockaddr_in6 *)&local)->sin6_addr;

		rc = inet_ntop(local.ss_family, a, buf, (socklen_t)size) ? 0 : -1;
	}
	close(fd);
	return rc;
}
