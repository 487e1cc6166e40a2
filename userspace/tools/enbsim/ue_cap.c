// SPDX-License-Identifier: GPL-2.0
/*
 * The UE radio capability a UE reports in UE Capability Info Indication
 * (TS 36.413 9.1.10): a UERadioAccessCapabilityInformation (TS 36.331
 * 10.2.2, UPER).  By default the smallest valid one (criticalExtensionsFuture,
 * one octet).  With radio_cap_size N a UE reports one of about N octets, the
 * size of a UE with many carrier-aggregation band combinations, to see
 * large values pass through the MME (decoded, stored, sent back in the next
 * Initial Context Setup Request):
 *
 *   UERadioAccessCapabilityInformation  c1.ueRadioAccessCapabilityInformation-r8
 *     ue-RadioAccessCapabilityInfo OCTET STRING (CONTAINING UECapabilityInformation)
 *       rrc-TransactionIdentifier 0, c1.ueCapabilityInformation-r8
 *         ue-CapabilityRAT-ContainerList: 1 container, rat-Type spare1,
 *           ueCapabilityRAT-Container OCTET STRING: filler octets
 *
 * A container of a RAT type the receiver does not know is carried opaquely
 * (as Wireshark does), so the whole value is valid RRC.  UPER lengths of
 * 16K and more are fragmented (X.691 10.9.3.8, unaligned).
 */
#include <stdlib.h>
#include <string.h>

#include "enbsim.h"
#include "lib/log.h"
#include "proto/aper.h"

#define MOD "ue"

/* UPER OCTET STRING of any size: lengths and octets, not aligned */
static int uper_octets(struct aper_enc *e, const uint8_t *p, size_t n)
{
	for (;;) {
		size_t m = n / APER_16K > 4 ? 4 : n / APER_16K;
		size_t k = m ? m * APER_16K : n;
		int rc;

		if (m)
			rc = aper_put_bits(e, 8, 0xc0 | m);
		else if (k < 128)
			rc = aper_put_bits(e, 8, k);
		else
			rc = aper_put_bits(e, 16, 0x8000 | k);
		if (rc || (k && aper_put_bitfield(e, 8 * k, p)))
			return -1;
		p += k;
		n -= k;
		if (!m)
			return 0;
	}
}

/* The capability with `filler` container octets into out (cap octets);
 * returns its length or -1 */
static long build(size_t filler, uint8_t *out, size_t cap)
{
	struct aper_ctx ctx = { 0 };
	struct aper_enc e;
	uint8_t *fill = malloc(filler ? filler : 1), *inner = calloc(1, filler + 16);
	long n = -1;

	if (!fill || !inner)
		goto out;
	for (size_t i = 0; i < filler; i++)
		fill[i] = (uint8_t)(i * 37 + 11);
	/* UECapabilityInformation: transaction 0, c1, r8, no extension,
	 * one container: rat-Type (extensible, 8 values) spare1 = 7 */
	aper_enc_init(&e, &ctx, inner, filler + 16);
	if (aper_put_bits(&e, 2, 0) || aper_put_bits(&e, 1, 0) || aper_put_bits(&e, 3, 0) ||
	    aper_put_bits(&e, 1, 0) || aper_put_bits(&e, 4, 1) || aper_put_bits(&e, 1, 0) ||
	    aper_put_bits(&e, 3, 7) || uper_octets(&e, fill, filler))
		goto out;
	n = (long)aper_enc_bytes(&e);
	/* UERadioAccessCapabilityInformation: c1, r8, no extension */
	memset(out, 0, cap);
	aper_enc_init(&e, &ctx, out, cap);
	if (aper_put_bits(&e, 1, 0) || aper_put_bits(&e, 3, 0) || aper_put_bits(&e, 1, 0) ||
	    uper_octets(&e, inner, (size_t)n))
		n = -1;
	else
		n = (long)aper_enc_bytes(&e);
out:
	free(fill);
	free(inner);
	return n;
}

int ue_cap_make(size_t size, uint8_t **out, size_t *len)
{
	size_t filler = size > 32 ? size - 16 : 0;
	uint8_t *b;
	long n = -1;

	*out = NULL;
	if (size < 32) {
		/* criticalExtensionsFuture SEQUENCE {}: one octet */
		b = malloc(1);
		if (!b)
			return -1;
		b[0] = 0x80;
		*out = b;
		*len = 1;
		return 0;
	}
	b = malloc(size + 32);
	if (!b)
		return -1;
	/* the length determinants grow at 128 and 16K: a few tries land on size */
	for (int i = 0; i < 8; i++) {
		n = build(filler, b, size + 32);
		if (n < 0 || (size_t)n == size)
			break;
		filler = (size_t)n > size ? filler - ((size_t)n - size) : filler + (size - (size_t)n);
	}
	if (n < 0) {
		free(b);
		log_err(MOD, "cannot build a UE radio capability of %zu octets", size);
		return -1;
	}
	*out = b;
	*len = (size_t)n;
	return 0;
}

int ue_cap_get(struct ue *ue, const uint8_t **p, size_t *len)
{
	struct enbsim *sim = ue->sim;
	unsigned int i;

	for (i = 0; i < sim->n_caps && sim->caps[i].size != ue->cfg.radio_cap_size; i++)
		;
	if (i == sim->n_caps) {
		if (i == sizeof(sim->caps) / sizeof(sim->caps[0])) {
			log_err(MOD, "ue %u: more than %u radio capability sizes", ue->idx, i);
			return -1;
		}
		if (ue_cap_make(ue->cfg.radio_cap_size, &sim->caps[i].p, &sim->caps[i].len))
			return -1;
		sim->caps[i].size = ue->cfg.radio_cap_size;
		sim->n_caps++;
	}
	*p = sim->caps[i].p;
	*len = sim->caps[i].len;
	return 0;
}
