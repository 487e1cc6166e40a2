// SPDX-License-Identifier: GPL-2.0
/*
 * NAS security (TS 24.301 4.4.3-4.4.5, TS 33.401 8 and annex B):
 *
 *   protected message = SHT|PD, MAC (4), SQN (1), message
 *   MAC  = EIA(K_NASint, COUNT, BEARER 0, DIRECTION, SQN || message)
 *   message is ciphered first (types 2 and 4):
 *          EEA(K_NASenc, COUNT, BEARER 0, DIRECTION, plain message)
 *   COUNT = 0x00 | overflow (16 bits) | SQN (8 bits)
 *
 * The service request (8.2.25) carries only KSI, the 5 low bits of the
 * uplink COUNT and the 2 low octets of the MAC computed over its first two
 * octets.
 *
 * The receiver estimates the overflow counter from the SQN (4.4.3.1), and
 * accepts each COUNT once (4.4.3.2): an SQN equal to the last accepted one
 * is a replay; an older SQN is tried as the next overflow (a wrap) and, if
 * its MAC only verifies under the old overflow, reported as a replay too.
 */
#include <string.h>

#include "crypto/eps.h"
#include "proto/nas.h"

#define COUNT_MASK	0xffffffu

static int fail(enum nas_sec_error *se, enum nas_sec_error e, struct nas_err *err, size_t off,
		const char *msg)
{
	if (se)
		*se = e;
	nas_errf(err, off, e == NAS_SEC_EFORMAT ? NAS_CAUSE_SEMANTIC : NAS_CAUSE_PROTOCOL,
		 "NAS security: %s", msg);
	return -1;
}

uint32_t nas_count_estimate(uint32_t rx_count, int rx_valid, uint8_t sqn, unsigned int sqn_bits)
{
	uint32_t mask = (1u << sqn_bits) - 1, est;

	if (!rx_valid)
		return sqn & mask;
	est = (rx_count & ~mask) | (sqn & mask);
	if (est < (rx_count & COUNT_MASK))
		est += mask + 1;
	return est & COUNT_MASK;
}

int nas_protect(struct nas_sec_ctx *ctx, unsigned int dir, uint8_t sht, const uint8_t *plain,
		size_t len, uint8_t *out, size_t max, struct nas_err *err)
{
	uint32_t count = ctx->tx_count & COUNT_MASK;
	uint8_t mac[4];

	if (sht < NAS_SHT_INTEGRITY || sht > NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX || dir > 1)
		return fail(NULL, NAS_SEC_EFORMAT, err, 0, "protect: header type must be 1-4");
	if (max < 6 || max - 6 < len || len > 65535)
		return fail(NULL, NAS_SEC_ESPACE, err, 0, "protect: output buffer too small");
	memmove(out + 6, plain, len);
	if ((sht == NAS_SHT_INTEGRITY_CIPHERED || sht == NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX) &&
	    eps_eea(ctx->eea, ctx->k_nas_enc, count, 0, (uint8_t)dir, out + 6, len * 8))
		return fail(NULL, NAS_SEC_ECRYPTO, err, 0, "protect: EEA not available");
	out[5] = (uint8_t)count;
	if (eps_eia(ctx->eia, ctx->k_nas_int, count, 0, (uint8_t)dir, out + 5, (len + 1) * 8, mac))
		return fail(NULL, NAS_SEC_ECRYPTO, err, 0, "protect: EIA not available");
	out[0] = (uint8_t)(sht << 4 | NAS_PD_EMM);
	memcpy(out + 1, mac, 4);
	ctx->tx_count = (count + 1) & COUNT_MASK;
	return (int)(len + 6);
}

/* 1: MAC verifies at count, 0: does not, -1: algorithm error */
static int mac_ok(const struct nas_sec_ctx *ctx, unsigned int dir, uint32_t count,
		  const uint8_t *msg, size_t len, const uint8_t *want, size_t want_len)
{
	uint8_t mac[4];

	if (eps_eia(ctx->eia, ctx->k_nas_int, count, 0, (uint8_t)dir, msg, len * 8, mac))
		return -1;
	if (ctx->eia == EPS_ALG_0)
		return 1;	/* EIA0: the MAC is not checked (33.401 5.1.4.2) */
	return !memcmp(mac + 4 - want_len, want, want_len);
}

/*
 * Find the COUNT under which msg verifies: the estimate, or (to tell a
 * replay from a forgery) the same SQN under the previous overflow.
 */
static int verify(struct nas_sec_ctx *ctx, unsigned int dir, uint8_t sqn, unsigned int bits,
		  const uint8_t *msg, size_t len, const uint8_t *mac, size_t mac_len,
		  uint32_t *count, enum nas_sec_error *se, struct nas_err *err)
{
	uint32_t est = nas_count_estimate(ctx->rx_count, ctx->rx_valid, sqn, bits);
	uint32_t step = 1u << bits;
	int ok;

	if (ctx->rx_valid && est == (ctx->rx_count & COUNT_MASK))
		return fail(se, NAS_SEC_EREPLAY, err, 0, "sequence number already accepted (replay)");
	ok = mac_ok(ctx, dir, est, msg, len, mac, mac_len);
	if (ok < 0)
		return fail(se, NAS_SEC_ECRYPTO, err, 0, "EIA not available");
	if (ok) {
		*count = est;
		return 0;
	}
	if (ctx->rx_valid && est >= step && mac_ok(ctx, dir, est - step, msg, len, mac, mac_len) > 0)
		return fail(se, NAS_SEC_EREPLAY, err, 0,
			    "MAC verifies only with an already used NAS COUNT (replay)");
	return fail(se, NAS_SEC_EMAC, err, 1, "MAC does not verify");
}

static int unprotect_sr(struct nas_sec_ctx *ctx, unsigned int dir, const uint8_t *in,
			size_t len, uint8_t *out, size_t max, enum nas_sec_error *se,
			struct nas_err *err)
{
	uint32_t count;

	if (len != 4)
		return fail(se, NAS_SEC_EFORMAT, err, 0, "service request is not 4 octets");
	if (max < 4)
		return fail(se, NAS_SEC_ESPACE, err, 0, "output buffer too small");
	if (verify(ctx, dir, in[1] & 31, 5, in, 2, in + 2, 2, &count, se, err))
		return -1;
	memcpy(out, in, 4);
	ctx->rx_count = count;
	ctx->rx_valid = 1;
	return 4;
}

int nas_unprotect(struct nas_sec_ctx *ctx, unsigned int dir, const uint8_t *in, size_t len,
		  uint8_t *out, size_t max, enum nas_sec_error *se, struct nas_err *err)
{
	struct nas_sec_hdr h;
	uint8_t mac[4];
	uint32_t count;

	if (se)
		*se = NAS_SEC_OK;
	if (dir > 1)
		return fail(se, NAS_SEC_EFORMAT, err, 0, "direction must be 0 or 1");
	if (len >= 1 && (in[0] & 15) == NAS_PD_EMM && (in[0] >> 4) >= NAS_SHT_SERVICE_REQUEST)
		return unprotect_sr(ctx, dir, in, len, out, max, se, err);
	if (nas_sec_hdr_decode(&h, in, len, err) != 1)
		return fail(se, NAS_SEC_EFORMAT, err, 0, "not a security protected NAS message");
	if (h.sht == NAS_SHT_INTEGRITY_PARTIALLY_CIPHERED)
		return fail(se, NAS_SEC_EFORMAT, err, 0,
			    "partially ciphered messages (type 5) are not supported");
	if (max < h.inner_len)
		return fail(se, NAS_SEC_ESPACE, err, 0, "output buffer too small");
	memcpy(mac, in + 1, 4);
	if (verify(ctx, dir, h.sqn, 8, in + 5, len - 5, mac, 4, &count, se, err))
		return -1;
	memmove(out, h.inner, h.inner_len);
	if ((h.sht == NAS_SHT_INTEGRITY_CIPHERED || h.sht == NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX) &&
	    eps_eea(ctx->eea, ctx->k_nas_enc, count, 0, (uint8_t)dir, out, h.inner_len * 8))
		return fail(se, NAS_SEC_ECRYPTO, err, 0, "EEA not available");
	ctx->rx_count = count;
	ctx->rx_valid = 1;
	return (int)h.inner_len;
}
