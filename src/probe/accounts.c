/*
 * accounts.c - vendors' default accounts (probe.h), tried only when the
 * caller has the hospital's recorded consent: at most three tries per port,
 * stopping at the first accepted, each a short blocking exchange bounded by
 * the read timeout. Only the accepted user name leaves this file; passwords
 * are never copied into a result.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <libssh/libssh.h>

#include "medsec/mem.h"
#include "medsec/probe.h"
#include "probe/probe_int.h"

#define MAX_TRIES 3

struct probe_accounts {
	json_t *root;
};

void probe_accounts_free(struct probe_accounts *a)
{
	if (!a)
		return;
	json_decref(a->root);
	free(a);
}

int probe_accounts_load(const char *path, struct probe_accounts **out, struct ms_diags *d,
                        struct ms_error *err)
{
	json_t *root, *e;
	size_t i;
	int errors = 0;

	*out = NULL;
	if (!(root = probe_load_json(path, "medsec_default_accounts", "accounts",
	                             "{\"medsec_default_accounts\": 1, \"accounts\": […]}", err)))
		return err->status;
	json_array_foreach (json_object_get(root, "accounts"), i, e) {
		const char *m = json_str(e, "method");
		if (!json_str(e, "id") || !json_str(e, "service") || !json_str(e, "user") ||
		    !json_str(e, "password") || !json_str(e, "source") || !m ||
		    (strcmp(m, "telnet") && strcmp(m, "ftp") && strcmp(m, "http-basic") &&
		     strcmp(m, "ssh"))) {
			char where[512];
			snprintf(where, sizeof(where), "%s:/accounts/%zu", path, i);
			ms_diags_add(
			        d, MS_DIAG_ERROR, MSG_PROBE_BAD_ENTRY, where, json_str(e, "id"),
			        "id, service, method (ssh, telnet, ftp, http-basic), user, password, source");
			errors++;
		}
	}
	if (errors) {
		json_decref(root);
		return MS_ERR_INPUT;
	}
	*out = ms_xcalloc(1, sizeof(**out));
	(*out)->root = root;
	return 0;
}

/* ---- short blocking exchanges ---- */

struct link {
	int fd;
	long long deadline;
	char buf[4096];
	size_t len;
};

static int link_open(struct link *l, const struct probe_result *r, int timeout_ms)
{
	memset(l, 0, sizeof(*l));
	l->deadline = probe_now_ms() + timeout_ms;
	l->fd = probe_connect(r->svc.address, r->svc.port, timeout_ms);
	return l->fd >= 0 ? 0 : -1;
}

static void link_close(struct link *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}

static int link_send(struct link *l, const char *s, size_t n)
{
	while (n) {
		ssize_t k = send(l->fd, s, n, MSG_NOSIGNAL);
		if (k < 0 && errno == EAGAIN) {
			struct pollfd p = { .fd = l->fd, .events = POLLOUT };
			if (poll(&p, 1, 200) < 0)
				return -1;
			continue;
		}
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Telnet option negotiation: refuse everything (RFC 854: DONT/WONT), keep the text. */
static void telnet_filter(struct link *l, size_t from)
{
	size_t o = from;

	for (size_t i = from; i < l->len; i++) {
		unsigned char c = (unsigned char)l->buf[i];
		if (c == 0xff && i + 2 < l->len && (unsigned char)l->buf[i + 1] >= 0xfb) {
			unsigned char cmd = (unsigned char)l->buf[i + 1],
			              opt = (unsigned char)l->buf[i + 2];
			char reply[3] = { (char)0xff, (char)(cmd == 0xfd ? 0xfc : 0xfe),
				          (char)opt };
			link_send(l, reply, 3);
			i += 2;
			continue;
		}
		l->buf[o++] = (char)c;
	}
	l->len = o;
	l->buf[l->len] = '\0';
}

/* Reads until the text ends with one of the endings or the link goes quiet; the text so far. */
static const char *link_read(struct link *l, int telnet, const char *const *endings, int quiet_ms)
{
	l->len = 0;
	l->buf[0] = '\0';
	for (;;) {
		long long left = l->deadline - probe_now_ms();
		struct pollfd p = { .fd = l->fd, .events = POLLIN };
		int k;
		if (left <= 0)
			break;
		k = poll(&p, 1, (int)(left < quiet_ms ? left : quiet_ms));
		if (k <= 0)
			break;
		ssize_t got = recv(l->fd, l->buf + l->len, sizeof(l->buf) - 1 - l->len, 0);
		if (got <= 0)
			break;
		size_t from = l->len;
		l->len += (size_t)got;
		l->buf[l->len] = '\0';
		if (telnet)
			telnet_filter(l, from);
		for (size_t e = 0; endings && endings[e]; e++) {
			size_t n = strlen(endings[e]), m = l->len;
			while (m && (l->buf[m - 1] == ' ' || l->buf[m - 1] == '\r' ||
			             l->buf[m - 1] == '\n'))
				m--;
			if (m >= n && strncasecmp(l->buf + m - n, endings[e], n) == 0)
				return l->buf;
		}
		if (l->len + 1 >= sizeof(l->buf))
			break;
	}
	return l->buf;
}

/* Does s contain w, ignoring case? */
static int has(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (; *s; s++)
		if (strncasecmp(s, w, n) == 0)
			return 1;
	return 0;
}

static int ends_with_prompt(const char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return n && (s[n - 1] == '>' || s[n - 1] == '#' || s[n - 1] == '$');
}

static int try_telnet(const struct probe_result *r, const char *user, const char *pass,
                      int timeout_ms)
{
	static const char *const prompts[] = { "Password:", "login:", "Username:", "User:", NULL };
	struct link l;
	int ok = 0;

	if (link_open(&l, r, timeout_ms) != 0)
		return 0;
	const char *t = link_read(&l, 1, prompts, 700);
	if (has(t, "login:") || has(t, "username:") || has(t, "user:")) {
		char line[128];
		snprintf(line, sizeof(line), "%s\r\n", user);
		link_send(&l, line, strlen(line));
		t = link_read(&l, 1, prompts, 700);
	}
	if (has(t, "password:")) {
		char line[128];
		snprintf(line, sizeof(line), "%s\r\n", pass);
		link_send(&l, line, strlen(line));
		t = link_read(&l, 1, NULL, 500);
		ok = ends_with_prompt(t) && !has(t, "password:") && !has(t, "incorrect") &&
		     !has(t, "fail");
	}
	link_close(&l);
	return ok;
}

static int try_ftp(const struct probe_result *r, const char *user, const char *pass, int timeout_ms)
{
	struct link l;
	char line[160];
	int ok = 0;

	if (link_open(&l, r, timeout_ms) != 0)
		return 0;
	if (strncmp(link_read(&l, 0, NULL, 400), "220", 3) == 0) {
		snprintf(line, sizeof(line), "USER %s\r\n", user);
		link_send(&l, line, strlen(line));
		const char *t = link_read(&l, 0, NULL, 400);
		if (strncmp(t, "331", 3) == 0) {
			snprintf(line, sizeof(line), "PASS %s\r\n", pass);
			link_send(&l, line, strlen(line));
			ok = strncmp(link_read(&l, 0, NULL, 600), "230", 3) == 0;
		} else {
			ok = strncmp(t, "230", 3) == 0;
		}
	}
	link_close(&l);
	return ok;
}

static void base64(const char *in, char *out, size_t size)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(in), o = 0;

	for (size_t i = 0; i < n && o + 5 < size; i += 3) {
		unsigned v = (unsigned char)in[i] << 16 |
		             (i + 1 < n ? (unsigned char)in[i + 1] << 8 : 0) |
		             (i + 2 < n ? (unsigned char)in[i + 2] : 0);
		out[o++] = t[v >> 18 & 63];
		out[o++] = t[v >> 12 & 63];
		out[o++] = i + 1 < n ? t[v >> 6 & 63] : '=';
		out[o++] = i + 2 < n ? t[v & 63] : '=';
	}
	out[o] = '\0';
}

static int try_http_basic(const struct probe_result *r, const char *user, const char *pass,
                          int timeout_ms)
{
	struct link l;
	char cred[256], enc[400], req[800];
	int ok = 0;

	if (link_open(&l, r, timeout_ms) != 0)
		return 0;
	snprintf(cred, sizeof(cred), "%s:%s", user, pass);
	base64(cred, enc, sizeof(enc));
	int v6 = strchr(r->svc.address, ':') != NULL;
	snprintf(req, sizeof(req),
	         "GET / HTTP/1.1\r\nHost: %s%s%s\r\nAuthorization: Basic %s\r\n"
	         "User-Agent: Mozilla/5.0 (compatible; medsec)\r\nConnection: close\r\n\r\n",
	         v6 ? "[" : "", r->svc.address, v6 ? "]" : "", enc);
	if (link_send(&l, req, strlen(req)) == 0) {
		const char *t = link_read(&l, 0, NULL, 500);
		ok = strncmp(t, "HTTP/1.", 7) == 0 && (t[9] == '2' || t[9] == '3');
	}
	memset(cred, 0, sizeof(cred));
	memset(enc, 0, sizeof(enc));
	memset(req, 0, sizeof(req));
	link_close(&l);
	return ok;
}

/*
 * SSH password authentication (RFC 4252 §8) with libssh: no configuration
 * files, no agent, no keys, no known-hosts writes: one password, one answer.
 */
static int try_ssh(const struct probe_result *r, const char *user, const char *pass, int timeout_ms)
{
	ssh_session s = ssh_new();
	long secs = timeout_ms / 1000 > 0 ? timeout_ms / 1000 : 1;
	unsigned port = (unsigned)r->svc.port;
	int ok = 0, no = 0;

	if (!s)
		return 0;
	ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no);
	ssh_options_set(s, SSH_OPTIONS_HOST, r->svc.address);
	ssh_options_set(s, SSH_OPTIONS_PORT, &port);
	ssh_options_set(s, SSH_OPTIONS_USER, user);
	ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &secs);
	ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
	ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
	if (ssh_connect(s) == SSH_OK) {
		ok = ssh_userauth_password(s, NULL, pass) == SSH_AUTH_SUCCESS;
		ssh_disconnect(s);
	}
	ssh_free(s);
	return ok;
}

void probe_try_accounts(const struct probe_accounts *a, struct probe_result *r, size_t n,
                        const struct probe_opts *o)
{
	int timeout = o && o->read_ms > 0 ? o->read_ms : 1500;

	for (size_t k = 0; k < n; k++) {
		size_t i;
		json_t *e;
		int tries = 0;
		if (!r[k].svc.service[0] || r[k].svc.tls_wrapped)
			continue;
		json_array_foreach (json_object_get(a->root, "accounts"), i, e) {
			const char *m = json_str(e, "method"), *dev = json_str(e, "device");
			int ok;
			if (tries >= MAX_TRIES || r[k].account_tried == 2)
				break;
			if (strcmp(json_str(e, "service"), r[k].svc.service) != 0 ||
			    (dev && strcmp(dev, r[k].svc.device) != 0))
				continue;
			if (strcmp(m, "http-basic") == 0 && !r[k].auth_basic)
				continue;
			tries++;
			r[k].account_tried = 1;
			if (strcmp(m, "ssh") == 0)
				ok = try_ssh(&r[k], json_str(e, "user"), json_str(e, "password"),
				             timeout);
			else if (strcmp(m, "telnet") == 0)
				ok = try_telnet(&r[k], json_str(e, "user"), json_str(e, "password"),
				                timeout);
			else if (strcmp(m, "ftp") == 0)
				ok = try_ftp(&r[k], json_str(e, "user"), json_str(e, "password"),
				             timeout);
			else
				ok = try_http_basic(&r[k], json_str(e, "user"),
				                    json_str(e, "password"), timeout);
			if (ok) {
				/* The user name only: "(no user name)" for a password-only login. */
				const char *u = json_str(e, "user");
				snprintf(r[k].account, sizeof(r[k].account), "%s",
				         u && *u ? u : "(no user name)");
				snprintf(r[k].account_id, sizeof(r[k].account_id), "%s",
				         json_str(e, "id"));
				r[k].account_tried = 2;
			}
		}
	}
}
