// SPDX-License-Identifier: GPL-2.0
/*
 * TLS at connect (RFC 6733 13: the TLS handshake comes first, CER/CEA run
 * inside it) with OpenSSL, non-blocking.  Both ends present a certificate
 * and verify the other's against the configured CA; a client also checks
 * that the server's certificate names the peer's configured
 * DiameterIdentity (subjectAltName DNS or CN).  TLS 1.2 or later.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "diameter/diam_int.h"

static void ssl_err(char *err, size_t size, const char *what)
{
	unsigned long e = ERR_get_error();
	char buf[200];

	ERR_error_string_n(e, buf, sizeof(buf));
	snprintf(err, size, "%s: %s", what, e ? buf : "failed");
	ERR_clear_error();
}

static SSL_CTX *ctx_new(const struct diam_node *n, const SSL_METHOD *m, const char *cert,
			const char *key, const char *ca, bool verify, bool server, char *err,
			size_t size)
{
	SSL_CTX *ctx = SSL_CTX_new(m);

	if (!ctx) {
		ssl_err(err, size, "SSL_CTX_new");
		return NULL;
	}
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	if (cert && SSL_CTX_use_certificate_chain_file(ctx, cert) != 1) {
		ssl_err(err, size, cert);
		goto fail;
	}
	if (key && SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1) {
		ssl_err(err, size, key);
		goto fail;
	}
	if (cert && key && SSL_CTX_check_private_key(ctx) != 1) {
		ssl_err(err, size, "certificate and key do not match");
		goto fail;
	}
	if (ca && SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1) {
		ssl_err(err, size, ca);
		goto fail;
	}
	SSL_CTX_set_verify(ctx, verify ? SSL_VERIFY_PEER |
			   (server ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0) : SSL_VERIFY_NONE, NULL);
	(void)n;
	return ctx;
fail:
	SSL_CTX_free(ctx);
	return NULL;
}

int tls_init(struct diam_node *n, const struct diam_tls_cfg *t, char *err, size_t err_size)
{
	bool verify = !t->no_verify;

	if (!t->cert || !t->key || (!t->ca && verify)) {
		snprintf(err, err_size, "TLS needs a certificate, its key and a CA file");
		return -EINVAL;
	}
	n->tls_client = ctx_new(n, TLS_client_method(), t->cert, t->key, t->ca, verify, false,
				err, err_size);
	if (!n->tls_client)
		return -EINVAL;
	n->tls_server = ctx_new(n, TLS_server_method(), t->cert, t->key, t->ca, verify, true,
				err, err_size);
	if (!n->tls_server) {
		SSL_CTX_free(n->tls_client);
		n->tls_client = NULL;
		return -EINVAL;
	}
	n->tls_ok = true;
	return 0;
}

void tls_free(struct diam_node *n)
{
	SSL_CTX_free(n->tls_client);
	SSL_CTX_free(n->tls_server);
	n->tls_client = n->tls_server = NULL;
}

int tls_start(struct diam_conn *c)
{
	struct diam_node *n = c->node;
	SSL *s = SSL_new(c->initiator ? n->tls_client : n->tls_server);

	if (!s)
		return -1;
	if (SSL_set_fd(s, c->fd) != 1) {
		SSL_free(s);
		return -1;
	}
	if (c->initiator) {
		const char *host = c->peer ? c->peer->cfg_host : "";

		SSL_set_connect_state(s);
		if (*host) {
			SSL_set_tlsext_host_name(s, host);
			if (SSL_get_verify_mode(s) != SSL_VERIFY_NONE)
				SSL_set1_host(s, host);
		}
	} else {
		SSL_set_accept_state(s);
	}
	c->ssl = s;
	return 0;
}

static unsigned int want_of(SSL *s, int r)
{
	switch (SSL_get_error(s, r)) {
	case SSL_ERROR_WANT_READ:
		return EV_READ;
	case SSL_ERROR_WANT_WRITE:
		return EV_WRITE;
	default:
		return 0;
	}
}

int tls_handshake(struct diam_conn *c, char *why, size_t size)
{
	int r = SSL_do_handshake(c->ssl);
	unsigned int want;

	if (r == 1)
		return 1;
	want = want_of(c->ssl, r);
	if (want) {
		if (c->fd >= 0 && c->io_events != want && ev_io_mod(c->node->loop, c->fd, want) == 0)
			c->io_events = want;
		return 0;
	}
	if (SSL_get_verify_result(c->ssl) != X509_V_OK)
		snprintf(why, size, "certificate: %s",
			 X509_verify_cert_error_string(SSL_get_verify_result(c->ssl)));
	else
		ssl_err(why, size, "handshake");
	return -1;
}

long tls_read(struct diam_conn *c, uint8_t *buf, size_t len, unsigned int *want)
{
	int r = SSL_read(c->ssl, buf, len > 0x7fffffff ? 0x7fffffff : (int)len);

	if (r > 0)
		return r;
	*want = want_of(c->ssl, r);
	if (*want) {
		errno = EAGAIN;
		return -1;
	}
	if (SSL_get_error(c->ssl, r) == SSL_ERROR_ZERO_RETURN)
		return 0;
	ERR_clear_error();
	errno = EPROTO;
	return -1;
}

long tls_write(struct diam_conn *c, const uint8_t *buf, size_t len, unsigned int *want)
{
	int r = SSL_write(c->ssl, buf, len > 0x7fffffff ? 0x7fffffff : (int)len);

	if (r > 0)
		return r;
	*want = want_of(c->ssl, r);
	if (*want) {
		errno = EAGAIN;
		return -1;
	}
	ERR_clear_error();
	errno = EPIPE;
	return -1;
}

void tls_close(struct diam_conn *c)
{
	SSL_shutdown(c->ssl);
	SSL_free(c->ssl);
	c->ssl = NULL;
	ERR_clear_error();
}
