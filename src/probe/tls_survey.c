/*
 * tls_survey.c - what a TLS server accepts, beyond the one handshake that
 * identified it (probe.h): each protocol version alone, then only weak cipher
 * suites. One short blocking handshake at a time, each bounded by the read
 * timeout; a hospital has few TLS ports, and these run after the main pass.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/provider.h>
#include <openssl/ssl.h>

#include "medsec/probe.h"
#include "probe/probe_int.h"

/* Waits for fd to be ready until deadline; 1 ready, 0 timed out. */
static int wait_fd(int fd, short events, long long deadline)
{
	for (;;) {
		long long left = deadline - probe_now_ms();
		struct pollfd p = { .fd = fd, .events = events };
		if (left <= 0)
			return 0;
		int k = poll(&p, 1, (int)left);
		if (k > 0)
			return 1;
		if (k == 0 || errno != EINTR)
			return 0;
	}
}

/* One handshake with this context; 1 if it succeeded (cipher named in out). */
static int handshake(SSL_CTX *ctx, const struct probe_result *r, int timeout_ms, char *cipher,
                     size_t size)
{
	long long deadline = probe_now_ms() + timeout_ms;
	int fd = probe_connect(r->svc.address, r->svc.port, timeout_ms), ok = 0;
	SSL *ssl;

	if (fd < 0)
		return 0;
	ssl = SSL_new(ctx);
	SSL_set_fd(ssl, fd);
	for (;;) {
		int k = SSL_connect(ssl);
		if (k == 1) {
			ok = 1;
			if (cipher)
				snprintf(cipher, size, "%s", SSL_get_cipher_name(ssl));
			break;
		}
		int e = SSL_get_error(ssl, k);
		if ((e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) ||
		    !wait_fd(fd, e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
			break;
	}
	ERR_clear_error();
	SSL_free(ssl);
	close(fd);
	return ok;
}

static SSL_CTX *context(OSSL_LIB_CTX *lib, int version, const char *ciphers)
{
	SSL_CTX *ctx = SSL_CTX_new_ex(lib, NULL, TLS_client_method());

	if (!ctx)
		return NULL;
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	SSL_CTX_set_options(ctx, SSL_OP_LEGACY_SERVER_CONNECT | SSL_OP_IGNORE_UNEXPECTED_EOF);
	if (!SSL_CTX_set_min_proto_version(ctx, version) ||
	    !SSL_CTX_set_max_proto_version(ctx, version) ||
	    !SSL_CTX_set_cipher_list(ctx, ciphers)) {
		SSL_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

void probe_tls_survey(struct probe_result *r, const struct probe_opts *o)
{
	static const struct {
		int version;
		const char *name;
	} versions[] = {
		{ SSL3_VERSION, "SSLv3" },     { TLS1_VERSION, "TLSv1" },
		{ TLS1_1_VERSION, "TLSv1.1" }, { TLS1_2_VERSION, "TLSv1.2" },
		{ TLS1_3_VERSION, "TLSv1.3" },
	};
	/* Weak suites, by family: each family tried alone so every accepted one is named. */
	static const char *const weak[] = { "3DES", "RC4", "DES:!3DES", "EXP", "eNULL", "aNULL" };
	int timeout = o && o->read_ms > 0 ? o->read_ms : 1500;
	size_t n = 0, w = 0;

	if (!r->tls.done)
		return;
	/* RC4, DES and export suites live in the legacy provider (absent in some builds): a
	 * library context of our own holds it, so the rest of the program never sees it. */
	OSSL_LIB_CTX *lib = OSSL_LIB_CTX_new();
	OSSL_PROVIDER *legacy = lib ? OSSL_PROVIDER_load(lib, "legacy") : NULL;
	OSSL_PROVIDER *deflt = lib ? OSSL_PROVIDER_load(lib, "default") : NULL;

	r->tls.offered[0] = r->tls.weak_ciphers[0] = '\0';
	for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		SSL_CTX *ctx = context(lib, versions[i].version, "ALL:COMPLEMENTOFALL:@SECLEVEL=0");
		if (!ctx)
			continue; /* this OpenSSL cannot speak it at all */
		if (handshake(ctx, r, timeout, NULL, 0))
			n += (size_t)snprintf(r->tls.offered + n, sizeof(r->tls.offered) - n,
			                      "%s%s", n ? " " : "", versions[i].name);
		if (n >= sizeof(r->tls.offered))
			n = sizeof(r->tls.offered) - 1;
		SSL_CTX_free(ctx);
	}
	for (size_t i = 0; i < sizeof(weak) / sizeof(weak[0]); i++) {
		char suites[128], cipher[64];
		SSL_CTX *ctx;
		snprintf(suites, sizeof(suites), "%s:@SECLEVEL=0", weak[i]);
		ctx = context(lib, TLS1_2_VERSION, suites);
		/* Up to TLS 1.2 (1.3 has no weak suites), down to the lowest this build speaks. */
		if (ctx && SSL_CTX_set_min_proto_version(ctx, 0) &&
		    handshake(ctx, r, timeout, cipher, sizeof(cipher))) {
			w += (size_t)snprintf(r->tls.weak_ciphers + w,
			                      sizeof(r->tls.weak_ciphers) - w, "%s%s", w ? " " : "",
			                      cipher);
			if (w >= sizeof(r->tls.weak_ciphers))
				w = sizeof(r->tls.weak_ciphers) - 1;
		}
		SSL_CTX_free(ctx);
	}
	if (legacy)
		OSSL_PROVIDER_unload(legacy);
	if (deflt)
		OSSL_PROVIDER_unload(deflt);
	OSSL_LIB_CTX_free(lib);
}
