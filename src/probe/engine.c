/*
 * engine.c - talking to many open ports at once (probe.h).
 *
 * Each target walks a short path, one connection at a time:
 *   plain: connect, listen for a service that speaks first (SSH, FTP, SMTP,
 *          telnet), else send an HTTP request and read the reply;
 *   tls:   if the port is a TLS port, or the plain attempt got nothing or a
 *          TLS alert, connect again, handshake (non-blocking OpenSSL, every
 *          protocol version and cipher allowed: old devices are the point),
 *          note what the handshake and certificate show, then listen and ask
 *          over TLS the same way.
 * Once a reply decided, the deciding entry's follow-up ("next") and then the
 * request's own ("then", the favicon of a web page) may ask more, at most
 * MAX_FOLLOWUPS times, on the same connection or a new one; their answers add
 * to the identification (a product named with more confidence, as an icon
 * names Jenkins behind Jetty, takes the vaguer one's place).
 * A reply is complete when the peer closes, the buffer is full, or it has
 * been quiet for quiet_ms: no fixed multi-second waits. All connections
 * share one epoll set; deadlines are checked on every wake-up.
 */
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "medsec/mem.h"
#include "medsec/probe.h"
#include "probe/probe_int.h"

#define REPLY_MAX 65536 /* a favicon must fit whole to be hashed */
#define MAX_FOLLOWUPS 3

enum phase { PH_CONNECT, PH_HANDSHAKE, PH_LISTEN, PH_SEND, PH_READ, PH_DONE };
enum stage { ST_PLAIN, ST_TLS, ST_END };

struct conn {
	size_t t; /* target index; the slot is free when fd < 0 */
	int fd;
	SSL *ssl;
	enum phase phase;
	enum stage stage;
	int tried_tls, tried_plain;
	const struct probe_def *reqs[PROBE_MAX_REQUESTS]; /* requests for a silent port */
	size_t nreq, ireq;
	const struct probe_def *cur;      /* the request sent on this connection, or NULL */
	const struct probe_def *next_req; /* to send as soon as the next connection is up */
	const struct probe_def *first;    /* the request whose reply decided, or NULL (a banner) */
	int nfollow;                      /* follow-up requests sent after the decision */
	int then_sent;                    /* first->then was sent */
	int resent;                       /* a UDP request was sent again after silence */
	int eof;                          /* the peer closed */
	unsigned char buf[REPLY_MAX];
	size_t len;
	char req[512];
	size_t req_len, sent;
	long long deadline, quiet_until;
};

struct run {
	const struct probe_db *db;
	const struct probe_target *t;
	size_t n, next, done;
	const struct probe_opts *o;
	struct probe_result *r;
	struct conn *c;
	size_t nconn;
	int ep;
	SSL_CTX *ctx;
};

static int in_flight_for(const struct run *x, const char *address)
{
	int k = 0;

	for (size_t i = 0; i < x->nconn; i++)
		if (x->c[i].fd >= 0 && strcmp(x->t[x->c[i].t].address, address) == 0)
			k++;
	return k;
}

static void watch(struct run *x, struct conn *c, unsigned events)
{
	struct epoll_event ev = { .events = events, .data.ptr = c };

	if (epoll_ctl(x->ep, EPOLL_CTL_MOD, c->fd, &ev) != 0)
		epoll_ctl(x->ep, EPOLL_CTL_ADD, c->fd, &ev);
}

static void close_conn(struct run *x, struct conn *c)
{
	if (c->ssl) {
		SSL_free(c->ssl);
		c->ssl = NULL;
	}
	if (c->fd >= 0) {
		epoll_ctl(x->ep, EPOLL_CTL_DEL, c->fd, NULL);
		close(c->fd);
		c->fd = -1;
	}
}

static int port_listed(const struct probe_def *p, int port)
{
	for (size_t i = 0; p && i < p->nports; i++)
		if (p->ports[i] == port)
			return 1;
	return 0;
}

/* Why the target could not be read, unless it was identified already (a follow-up failed). */
static void note_error(struct run *x, const struct conn *c, const char *what, const char *why)
{
	if (!c->nfollow)
		snprintf(x->r[c->t].svc.error, sizeof(x->r[c->t].svc.error), "%s%s", what, why);
}

/* Opens the connection for the conn's current stage; 0, or -1 (result noted). */
static int open_stage(struct run *x, struct conn *c)
{
	const struct probe_target *t = &x->t[c->t];
	struct addrinfo hints = { .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV,
		                  .ai_socktype = SOCK_STREAM };
	struct addrinfo *ai;
	char port[8];

	c->len = 0;
	c->sent = c->req_len = 0;
	snprintf(port, sizeof(port), "%d", t->port);
	if (t->udp)
		hints.ai_socktype = SOCK_DGRAM;
	if (getaddrinfo(t->address, port, &hints, &ai) != 0) {
		note_error(x, c, "address", "");
		return -1;
	}
	c->fd = socket(ai->ai_family,
	               (t->udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (c->fd < 0 ||
	    (connect(c->fd, ai->ai_addr, ai->ai_addrlen) != 0 && errno != EINPROGRESS)) {
		note_error(x, c, "connect: ", strerror(errno));
		freeaddrinfo(ai);
		return -1;
	}
	freeaddrinfo(ai);
	c->phase = PH_CONNECT;
	c->deadline = probe_now_ms() + x->o->connect_ms;
	watch(x, c, EPOLLOUT);
	return 0;
}

/* ---- what a TLS handshake shows ---- */

static void name_text(X509_NAME *n, char *out, size_t size)
{
	BIO *b = BIO_new(BIO_s_mem());
	char *p;
	long k;

	X509_NAME_print_ex(b, n, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
	k = BIO_get_mem_data(b, &p);
	snprintf(out, size, "%.*s", (int)(k < 0 ? 0 : k), p);
	BIO_free(b);
}

static void time_text(const ASN1_TIME *t, char *out, size_t size, long long *epoch_days)
{
	struct tm tm;

	out[0] = '\0';
	if (!t || !ASN1_TIME_to_tm(t, &tm))
		return;
	strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (epoch_days) {
		int day, sec;
		ASN1_TIME *now = ASN1_TIME_set(NULL, time(NULL));
		*epoch_days = ASN1_TIME_diff(&day, &sec, now, t) ? day : 0;
		ASN1_TIME_free(now);
	}
}

static void note_tls(SSL *ssl, struct probe_tls *tls)
{
	X509 *cert = SSL_get1_peer_certificate(ssl);
	long long days_left = 0;

	tls->done = 1;
	snprintf(tls->version, sizeof(tls->version), "%s", SSL_get_version(ssl));
	snprintf(tls->cipher, sizeof(tls->cipher), "%s", SSL_get_cipher_name(ssl));
	if (!cert)
		return;
	name_text(X509_get_subject_name(cert), tls->subject, sizeof(tls->subject));
	name_text(X509_get_issuer_name(cert), tls->issuer, sizeof(tls->issuer));
	time_text(X509_get0_notBefore(cert), tls->not_before, sizeof(tls->not_before), NULL);
	time_text(X509_get0_notAfter(cert), tls->not_after, sizeof(tls->not_after), &days_left);
	tls->expired = tls->not_after[0] && days_left < 0;
	{
		EVP_PKEY *key = X509_get0_pubkey(cert);
		tls->self_signed = X509_check_issued(cert, cert) == X509_V_OK && key &&
		                   X509_verify(cert, key) == 1;
		if (key) {
			int id = EVP_PKEY_get_base_id(key);
			snprintf(tls->key_type, sizeof(tls->key_type), "%s",
			         id == EVP_PKEY_RSA       ? "RSA"
			         : id == EVP_PKEY_EC      ? "EC"
			         : id == EVP_PKEY_ED25519 ? "ED25519"
			         : id == EVP_PKEY_DSA     ? "DSA"
			                                  : "other");
			tls->key_bits = EVP_PKEY_get_bits(key);
		}
	}
	{
		GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
		size_t n = 0;
		for (int i = 0; names && i < sk_GENERAL_NAME_num(names); i++) {
			const GENERAL_NAME *g = sk_GENERAL_NAME_value(names, i);
			if (g->type == GEN_DNS) {
				const unsigned char *s = ASN1_STRING_get0_data(g->d.dNSName);
				n += (size_t)snprintf(tls->sans + n, sizeof(tls->sans) - n,
				                      "%sDNS:%.*s", n ? ", " : "",
				                      ASN1_STRING_length(g->d.dNSName), s);
			} else if (g->type == GEN_IPADD &&
			           ASN1_STRING_length(g->d.iPAddress) == 4) {
				const unsigned char *a = ASN1_STRING_get0_data(g->d.iPAddress);
				n += (size_t)snprintf(tls->sans + n, sizeof(tls->sans) - n,
				                      "%sIP:%u.%u.%u.%u", n ? ", " : "", a[0], a[1],
				                      a[2], a[3]);
			}
			if (n >= sizeof(tls->sans))
				n = sizeof(tls->sans) - 1;
		}
		GENERAL_NAMES_free(names);
	}
	X509_free(cert);
}

/* ---- the path of one target ---- */

/* Done with this target (its result stands as it is): free the slot. */
static void finish(struct run *x, struct conn *c)
{
	close_conn(x, c);
	c->phase = PH_DONE;
	x->done++;
	if (x->o->progress)
		x->o->progress(x->o->ctx, x->done, x->n);
}

static void start_request(struct run *x, struct conn *c, const struct probe_def *def);

/* Case-blind search for w in p[0..n); the offset, or -1. */
static long find_ci(const unsigned char *p, size_t n, const char *w)
{
	size_t k = strlen(w);

	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;
		while (j < k && ((p[i + j] >= 'A' && p[i + j] <= 'Z') ? p[i + j] + 32 : p[i + j]) ==
		                        (unsigned char)w[j])
			j++;
		if (j == k)
			return (long)i;
	}
	return -1;
}

/* Printable text of p[from..) up to a stop byte, trimmed, into out. */
static void copy_until(const unsigned char *p, size_t n, size_t from, const char *stops, char *out,
                       size_t size)
{
	size_t o = 0;

	while (from < n && (p[from] == ' ' || p[from] == '\t'))
		from++;
	for (size_t i = from; i < n && o + 1 < size && !strchr(stops, p[i]); i++)
		if (p[i] >= 0x20 && p[i] < 0x7f)
			out[o++] = (char)p[i];
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

/* What an HTTP reply shows a person: the page title and where it redirects. */
static void http_facts(const unsigned char *p, size_t n, struct probe_result *r)
{
	long at;

	if (n < 12 || memcmp(p, "HTTP/", 5) != 0)
		return;
	if ((at = find_ci(p, n, "<title>")) >= 0)
		copy_until(p, n, (size_t)at + 7, "<\r\n", r->title, sizeof(r->title));
	if ((at = find_ci(p, n, "\nlocation:")) >= 0)
		copy_until(p, n, (size_t)at + 10, "\r\n", r->location, sizeof(r->location));
}

/* Adds what a follow-up's reply decided to the target's identification. */
static const struct probe_def *add_followup(struct run *x, struct conn *c, struct probe_result *r)
{
	struct probe_result more;
	const unsigned char *data = c->buf;
	size_t len = c->len;
	char hash[24];
	size_t n = strlen(r->followup);

	if (c->cur->favicon) {
		if (!probe_favicon_hash(c->buf, c->len, &r->favicon_mmh3))
			return NULL;
		r->favicon = 1;
		len = (size_t)snprintf(hash, sizeof(hash), "mmh3:%d", (int)r->favicon_mmh3);
		data = (const unsigned char *)hash;
	}
	memset(&more, 0, sizeof(more));
	if (!len || !probe_identify(x->db, c->cur->name, data, len, &more))
		return NULL;
	snprintf(r->followup + n, sizeof(r->followup) - n, "%s%s", n ? " " : "",
	         more.svc.decided_by);
	if (more.svc.extra[0])
		snprintf(r->svc.extra, sizeof(r->svc.extra), "%s", more.svc.extra);
	/* An icon or a page names the device where the first reply did not. */
	if (more.svc.device[0] && !r->svc.device[0])
		snprintf(r->svc.device, sizeof(r->svc.device), "%s", more.svc.device);
	if (more.svc.product[0] && more.svc.confidence > r->svc.confidence) {
		snprintf(r->svc.product, sizeof(r->svc.product), "%s", more.svc.product);
		snprintf(r->svc.version, sizeof(r->svc.version), "%s", more.svc.version);
		snprintf(r->svc.cpe, sizeof(r->svc.cpe), "%s", more.svc.cpe);
		r->svc.confidence = more.svc.confidence;
	}
	return probe_db_next(x->db, more.svc.decided_by);
}

/* After a decision: the next follow-up request, or the target is done. */
static void follow(struct run *x, struct conn *c, const struct probe_def *next)
{
	if (!next && c->first && c->first->then && !c->then_sent &&
	    (!c->first->then_service ||
	     strcmp(c->first->then_service, x->r[c->t].svc.service) == 0)) {
		next = probe_db_probe(x->db, c->first->then);
		c->then_sent = 1;
	}
	if (!next || c->nfollow >= MAX_FOLLOWUPS) {
		finish(x, c);
		return;
	}
	c->nfollow++;
	if (next->reconnect || c->eof) {
		close_conn(x, c);
		c->next_req = next;
		c->cur = NULL;
		c->eof = 0;
		if (open_stage(x, c) != 0)
			finish(x, c);
		return;
	}
	start_request(x, c, next);
}

/*
 * What was read on this connection decides the target, or sends us on: the
 * next request for a silent port, then the other stage (TLS or plain).
 */
static void decide(struct run *x, struct conn *c)
{
	struct probe_result *r = &x->r[c->t];
	const char *probe = c->cur ? c->cur->name : "banner";
	int tls_hint;

	if (c->nfollow) {
		follow(x, c, c->cur ? add_followup(x, c, r) : NULL);
		return;
	}
	if (c->len && probe_identify(x->db, probe, c->buf, c->len, r)) {
		r->auth_basic = find_ci(c->buf, c->len, "\nwww-authenticate: basic") >=
		                0; /* RFC 7617 */
		http_facts(c->buf, c->len, r);
		r->svc.tls_wrapped = c->stage == ST_TLS;
		c->first = c->cur;
		follow(x, c, probe_db_next(x->db, r->svc.decided_by));
		return;
	}
	if (c->len && !r->svc.evidence[0])
		probe_evidence(c->buf, c->len < 256 ? c->len : 256, r->svc.evidence,
		               sizeof(r->svc.evidence));
	close_conn(x, c);
	/* An alert or handshake byte (0x15, 0x16) in reply to plain text: it wants TLS. */
	tls_hint = c->stage == ST_PLAIN && c->len && (c->buf[0] == 0x15 || c->buf[0] == 0x16);
	c->cur = NULL;
	c->next_req = NULL;
	if (!tls_hint && c->ireq < c->nreq && (c->stage == ST_PLAIN || r->tls.done)) {
		c->next_req = c->reqs[c->ireq++];
	} else if (c->stage == ST_PLAIN && !c->tried_tls && (tls_hint || !r->svc.evidence[0])) {
		c->stage = ST_TLS;
		c->ireq = 0;
	} else if (c->stage == ST_TLS && !c->tried_plain && !r->tls.done) {
		c->stage = ST_PLAIN;
		c->ireq = 0;
	} else {
		finish(x, c);
		return;
	}
	if (open_stage(x, c) != 0)
		finish(x, c);
}

static void start_request(struct run *x, struct conn *c, const struct probe_def *def)
{
	const unsigned char *p = def->send, *end = def->send + def->send_len;
	size_t n = 0;

	/* "{host}": the address, as a browser sends it for a URL with one ([…] for IPv6). */
	const char *a = x->t[c->t].address;
	int v6 = strchr(a, ':') != NULL;
	for (; p < end && n + 1 < sizeof(c->req); p++) {
		if (end - p >= 6 && memcmp(p, "{host}", 6) == 0) {
			n += (size_t)snprintf(c->req + n, sizeof(c->req) - n, "%s%s%s",
			                      v6 ? "[" : "", a, v6 ? "]" : "");
			if (n >= sizeof(c->req))
				n = sizeof(c->req) - 1;
			p += 5;
		} else {
			c->req[n++] = (char)*p;
		}
	}
	c->cur = def;
	c->req_len = n;
	c->sent = 0;
	c->len = 0;
	c->phase = PH_SEND;
	c->deadline = probe_now_ms() + x->o->read_ms;
	watch(x, c, EPOLLOUT);
}

/* The connection is up (and through TLS): send the pending request, or listen first. */
static void begin_talk(struct run *x, struct conn *c)
{
	if (c->next_req) {
		start_request(x, c, c->next_req);
		return;
	}
	c->phase = PH_LISTEN;
	c->deadline = probe_now_ms() + x->o->banner_ms;
	c->quiet_until = 0;
	watch(x, c, EPOLLIN);
}

static void after_connect(struct run *x, struct conn *c)
{
	if (x->t[c->t].udp) {
		/* One datagram asks, one answers: no stages, no listening first. */
		const struct probe_def *req = probe_db_udp(x->db, x->t[c->t].port);
		if (!req) {
			finish(x, c);
			return;
		}
		c->tried_tls = c->tried_plain = 1;
		start_request(x, c, req);
		return;
	}
	if (c->stage == ST_TLS) {
		c->tried_tls = 1;
		c->ssl = SSL_new(x->ctx);
		SSL_set_fd(c->ssl, c->fd);
		c->phase = PH_HANDSHAKE;
		c->deadline = probe_now_ms() + x->o->read_ms;
		watch(x, c, EPOLLOUT | EPOLLIN);
		return;
	}
	c->tried_plain = 1;
	begin_talk(x, c);
}

static ssize_t conn_read(struct conn *c, void *buf, size_t n, int *again)
{
	*again = 0;
	if (c->ssl) {
		int k = SSL_read(c->ssl, buf, (int)n);
		if (k > 0)
			return k;
		int e = SSL_get_error(c->ssl, k);
		*again = e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE;
		return *again ? -1 : 0;
	}
	ssize_t k = recv(c->fd, buf, n, 0);
	*again = k < 0 && (errno == EAGAIN || errno == EINTR);
	return k < 0 && !*again ? 0 : k;
}

static ssize_t conn_write(struct conn *c, const void *buf, size_t n, int *again)
{
	*again = 0;
	if (c->ssl) {
		int k = SSL_write(c->ssl, buf, (int)n);
		if (k > 0)
			return k;
		int e = SSL_get_error(c->ssl, k);
		*again = e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE;
		return -1;
	}
	ssize_t k = send(c->fd, buf, n, MSG_NOSIGNAL);
	*again = k < 0 && (errno == EAGAIN || errno == EINTR);
	return k;
}

/* Reads what is there; 1 if the peer closed or the buffer is full. */
static int pump_read(struct run *x, struct conn *c)
{
	for (;;) {
		int again;
		ssize_t k;
		if (c->len >= sizeof(c->buf))
			return 1;
		k = conn_read(c, c->buf + c->len, sizeof(c->buf) - c->len, &again);
		if (k > 0) {
			c->len += (size_t)k;
			c->quiet_until = probe_now_ms() + x->o->quiet_ms;
			continue;
		}
		c->eof = !again;
		return !again;
	}
}

static void on_event(struct run *x, struct conn *c, unsigned events)
{
	struct probe_result *r = &x->r[c->t];

	switch (c->phase) {
	case PH_CONNECT: {
		int e = 0;
		socklen_t el = sizeof(e);
		getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &e, &el);
		if (e || (events & (EPOLLERR | EPOLLHUP))) {
			note_error(x, c, "connect: ", strerror(e ? e : ECONNRESET));
			close_conn(x, c);
			finish(x, c);
			return;
		}
		after_connect(x, c);
		return;
	}
	case PH_HANDSHAKE: {
		int k = SSL_connect(c->ssl);
		if (k == 1) {
			if (!r->tls.done)
				note_tls(c->ssl, &r->tls);
			begin_talk(x, c);
			/* A TLS service may speak first too; OpenSSL may hold bytes already. */
			if (c->phase == PH_LISTEN && SSL_pending(c->ssl))
				on_event(x, c, EPOLLIN);
			return;
		}
		int e = SSL_get_error(c->ssl, k);
		if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
			watch(x, c, e == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT);
			return;
		}
		ERR_clear_error();
		decide(x, c); /* not TLS after all */
		return;
	}
	case PH_SEND: {
		int again;
		while (c->sent < c->req_len) {
			ssize_t k = conn_write(c, c->req + c->sent, c->req_len - c->sent, &again);
			if (k <= 0) {
				if (again)
					return;
				decide(x, c);
				return;
			}
			c->sent += (size_t)k;
		}
		c->phase = PH_READ;
		c->quiet_until = 0;
		watch(x, c, EPOLLIN);
		return;
	}
	case PH_LISTEN:
	case PH_READ:
		if (pump_read(x, c) || (x->t[c->t].udp && c->len))
			decide(x, c);
		return;
	default: return;
	}
}

/* Deadlines: a silent listen turns into a request; a quiet reply is complete. */
static void on_time(struct run *x, struct conn *c, long long now)
{
	if ((c->phase == PH_LISTEN || c->phase == PH_READ) && c->len && c->quiet_until &&
	    now >= c->quiet_until) {
		decide(x, c);
		return;
	}
	if (now < c->deadline)
		return;
	/* A datagram may be lost: ask a silent UDP service once more before giving up. */
	if (x->t[c->t].udp && c->phase == PH_READ && !c->len && !c->resent && c->cur) {
		c->resent = 1;
		start_request(x, c, c->cur);
		return;
	}
	switch (c->phase) {
	case PH_CONNECT:
		note_error(x, c, "connect: ", "timed out");
		close_conn(x, c);
		finish(x, c);
		return;
	case PH_LISTEN:
		if (c->len || c->ireq >= c->nreq)
			decide(x, c);
		else
			start_request(x, c, c->reqs[c->ireq++]);
		return;
	default: decide(x, c); return;
	}
}

static void start_more(struct run *x)
{
	const struct probe_def *tls = probe_db_probe(x->db, "tls");

	for (size_t i = 0; i < x->nconn && x->next < x->n; i++) {
		struct conn *c = &x->c[i];
		if (c->fd >= 0)
			continue;
		/* Keep per-host order: skip a target whose host is busy, try it later. */
		size_t k;
		for (k = x->next; k < x->n; k++)
			if (x->r[k].svc.port == 0 &&
			    in_flight_for(x, x->t[k].address) < x->o->per_host)
				break;
		if (k == x->n)
			return;
		memset(c, 0, offsetof(struct conn, buf));
		c->fd = -1;
		c->t = k;
		x->r[k].svc.port = x->t[k].port;
		snprintf(x->r[k].svc.proto, sizeof(x->r[k].svc.proto), "%s",
		         x->t[k].udp ? "udp" : "tcp");
		snprintf(x->r[k].svc.address, sizeof(x->r[k].svc.address), "%s", x->t[k].address);
		x->r[k].svc.line_no = x->t[k].line_no;
		c->stage = port_listed(tls, x->t[k].port) ? ST_TLS : ST_PLAIN;
		c->nreq = x->t[k].udp ? 0 : probe_db_requests(x->db, x->t[k].port, c->reqs);
		while (x->next < x->n && x->r[x->next].svc.port)
			x->next++;
		if (open_stage(x, c) != 0)
			finish(x, c);
	}
}

int probe_run(const struct probe_db *db, const struct probe_target *t, size_t n,
              const struct probe_opts *o_in, struct probe_result **out, struct ms_error *err)
{
	struct probe_opts o = *o_in;
	struct run x = { .db = db, .t = t, .n = n, .o = &o };

	if (o.parallel <= 0)
		o.parallel = 64;
	if (o.per_host <= 0)
		o.per_host = 8;
	if (o.connect_ms <= 0)
		o.connect_ms = 2000;
	if (o.quiet_ms <= 0)
		o.quiet_ms = 300;
	if (o.banner_ms <= 0)
		o.banner_ms = 500;
	if (o.read_ms <= 0)
		o.read_ms = 1500;
	*out = NULL;
	x.r = ms_xcalloc(n + 1, sizeof(*x.r));
	x.nconn = (size_t)o.parallel;
	x.c = ms_xcalloc(x.nconn, sizeof(*x.c));
	for (size_t i = 0; i < x.nconn; i++)
		x.c[i].fd = -1;
	x.ep = epoll_create1(EPOLL_CLOEXEC);
	x.ctx = SSL_CTX_new(TLS_client_method());
	if (x.ep < 0 || !x.ctx) {
		if (x.ep >= 0)
			close(x.ep);
		SSL_CTX_free(x.ctx);
		free(x.c);
		free(x.r);
		return ms_fail(err, MS_ERR_SYSTEM, MSG_PROBE_SETUP, "", strerror(errno));
	}
	/* Old devices are what we look for: accept every version and cipher to see them. */
	SSL_CTX_set_min_proto_version(x.ctx, 0);
	SSL_CTX_set_cipher_list(x.ctx, "ALL:@SECLEVEL=0");
	SSL_CTX_set_verify(x.ctx, SSL_VERIFY_NONE, NULL);
	SSL_CTX_set_options(x.ctx, SSL_OP_LEGACY_SERVER_CONNECT | SSL_OP_IGNORE_UNEXPECTED_EOF);

	start_more(&x);
	while (x.done < n) {
		struct epoll_event ev[64];
		long long now = probe_now_ms(), wake = now + 1000;
		for (size_t i = 0; i < x.nconn; i++) {
			struct conn *c = &x.c[i];
			if (c->fd < 0)
				continue;
			if (c->deadline < wake)
				wake = c->deadline;
			if (c->quiet_until && c->len && c->quiet_until < wake)
				wake = c->quiet_until;
		}
		int k = epoll_wait(x.ep, ev, 64, wake > now ? (int)(wake - now) : 0);
		for (int i = 0; i < k; i++)
			on_event(&x, ev[i].data.ptr, ev[i].events);
		now = probe_now_ms();
		for (size_t i = 0; i < x.nconn; i++)
			if (x.c[i].fd >= 0)
				on_time(&x, &x.c[i], now);
		start_more(&x);
	}
	for (size_t i = 0; i < x.nconn; i++)
		close_conn(&x, &x.c[i]);
	close(x.ep);
	SSL_CTX_free(x.ctx);
	free(x.c);
	*out = x.r;
	return 0;
}
