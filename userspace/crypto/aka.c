// SPDX-License-Identifier: GPL-2.0
/*
 * EPS AKA on top of Milenage: vector generation (TS 33.401 6.1.2,
 * TS 33.102 6.3.2), the USIM side checks (TS 33.102 6.3.3, TS 33.401
 * 6.1.1), re-synchronisation (TS 33.102 6.3.5) and the sequence number
 * management of TS 33.102 Annex C (profile 2: SEQ || IND, C.3.2).
 *
 *   AUTN = SQN ^ AK (6) || AMF (2) || MAC-A (8)
 *   AUTS = SQN_MS ^ AK* (6) || MAC-S (8)    MAC-S uses AMF = 0000 (6.3.3)
 */
#include <string.h>

#include <openssl/crypto.h>

#include "crypto/eps.h"
#include "crypto/milenage.h"

static const uint8_t amf_resync[2] = { 0x00, 0x00 };

void eps_sqn_to_bytes(uint64_t sqn, uint8_t out[6])
{
	for (int i = 5; i >= 0; i--) {
		out[i] = (uint8_t)sqn;
		sqn >>= 8;
	}
}

uint64_t eps_sqn_from_bytes(const uint8_t in[6])
{
	uint64_t v = 0;

	for (int i = 0; i < 6; i++)
		v = v << 8 | in[i];
	return v;
}

int eps_sqn_next(uint64_t sqn_he, unsigned int ind_bits, uint64_t *next)
{
	uint64_t seq;
	unsigned int ind;

	if (!next || ind_bits > EPS_SQN_IND_BITS_MAX || sqn_he > EPS_SQN_MAX)
		return -1;
	seq = eps_sqn_seq(sqn_he, ind_bits) + 1;
	if (seq > (EPS_SQN_MAX >> ind_bits))
		return -1;
	ind = (eps_sqn_ind(sqn_he, ind_bits) + 1) & ((1U << ind_bits) - 1);
	*next = eps_sqn_make(seq, ind, ind_bits);
	return 0;
}

int eps_sqn_ms_init(struct eps_sqn_ms *ms, unsigned int ind_bits, uint64_t delta,
		    uint64_t limit_l, uint64_t sqn_ms)
{
	uint64_t seq;

	if (!ms || ind_bits > EPS_SQN_IND_BITS_MAX || sqn_ms > EPS_SQN_MAX)
		return -1;
	memset(ms, 0, sizeof(*ms));
	ms->ind_bits = ind_bits;
	ms->delta = delta;
	ms->limit_l = limit_l;
	ms->highest = sqn_ms;
	seq = eps_sqn_seq(sqn_ms, ind_bits);
	for (unsigned int i = 0; i < (1U << ind_bits); i++)
		ms->seq_ms[i] = seq;
	return 0;
}

/* TS 33.102 C.2.2: (i) SEQ > SEQ_MS(IND); (ii) the step from the highest
 * accepted SEQ is at most delta; (iii) the age below it is under L. */
int eps_sqn_ms_check(const struct eps_sqn_ms *ms, uint64_t sqn)
{
	uint64_t seq, top;
	unsigned int ind;

	if (!ms || ms->ind_bits > EPS_SQN_IND_BITS_MAX || sqn > EPS_SQN_MAX)
		return -1;
	seq = eps_sqn_seq(sqn, ms->ind_bits);
	ind = eps_sqn_ind(sqn, ms->ind_bits);
	top = eps_sqn_seq(ms->highest, ms->ind_bits);
	if (seq <= ms->seq_ms[ind])
		return 0;
	if (ms->delta && seq > top && seq - top > ms->delta)
		return 0;
	if (ms->limit_l && seq < top && top - seq >= ms->limit_l)
		return 0;
	return 1;
}

void eps_sqn_ms_accept(struct eps_sqn_ms *ms, uint64_t sqn)
{
	uint64_t seq;

	if (!ms || ms->ind_bits > EPS_SQN_IND_BITS_MAX || sqn > EPS_SQN_MAX)
		return;
	seq = eps_sqn_seq(sqn, ms->ind_bits);
	ms->seq_ms[eps_sqn_ind(sqn, ms->ind_bits)] = seq;
	if (seq > eps_sqn_seq(ms->highest, ms->ind_bits))
		ms->highest = sqn;
}

int eps_aka_generate(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		     uint64_t sqn, const uint8_t amf[2], const uint8_t plmn[3],
		     struct eps_aka_vector *v)
{
	uint8_t sqn_b[6];

	if (!v || !rand || !amf || !plmn || sqn > EPS_SQN_MAX)
		return -1;
	memset(v, 0, sizeof(*v));
	eps_sqn_to_bytes(sqn, sqn_b);
	if (milenage_f1(k, opc, rand, sqn_b, amf, v->mac_a) ||
	    milenage_f2345(k, opc, rand, v->xres, v->ck, v->ik, v->ak))
		goto fail;
	memcpy(v->rand, rand, 16);
	for (int i = 0; i < 6; i++)
		v->autn[i] = sqn_b[i] ^ v->ak[i];
	memcpy(v->autn + 6, amf, 2);
	memcpy(v->autn + 8, v->mac_a, 8);
	if (eps_kdf_kasme(v->ck, v->ik, plmn, v->autn, v->kasme))
		goto fail;
	return 0;
fail:
	OPENSSL_cleanse(v, sizeof(*v));
	return -1;
}

int eps_aka_auts(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		 uint64_t sqn_ms, uint8_t auts[14])
{
	uint8_t sqn_b[6], ak_star[6];

	if (!auts || sqn_ms > EPS_SQN_MAX)
		return -1;
	eps_sqn_to_bytes(sqn_ms, sqn_b);
	if (milenage_f5star(k, opc, rand, ak_star) ||
	    milenage_f1star(k, opc, rand, sqn_b, amf_resync, auts + 6))
		return -1;
	for (int i = 0; i < 6; i++)
		auts[i] = sqn_b[i] ^ ak_star[i];
	OPENSSL_cleanse(ak_star, sizeof(ak_star));
	return 0;
}

int eps_aka_resync(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		   const uint8_t auts[14], uint64_t *sqn_ms)
{
	uint8_t sqn_b[6], ak_star[6], xmac_s[8];

	if (!auts || !sqn_ms)
		return -1;
	if (milenage_f5star(k, opc, rand, ak_star))
		return -1;
	for (int i = 0; i < 6; i++)
		sqn_b[i] = auts[i] ^ ak_star[i];
	if (milenage_f1star(k, opc, rand, sqn_b, amf_resync, xmac_s))
		return -1;
	if (CRYPTO_memcmp(xmac_s, auts + 6, 8))
		return EPS_AKA_MAC_FAILURE;
	*sqn_ms = eps_sqn_from_bytes(sqn_b);
	return 0;
}

int eps_aka_ue_check(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		     const uint8_t autn[16], const uint8_t plmn[3], struct eps_sqn_ms *ms,
		     struct eps_aka_ue_result *out)
{
	uint8_t sqn_b[6], ak[6], xmac[8];
	int fresh;

	if (!autn || !plmn || !ms || !out)
		return -1;
	memset(out, 0, sizeof(*out));
	if (milenage_f2345(k, opc, rand, out->res, out->ck, out->ik, ak))
		return -1;
	for (int i = 0; i < 6; i++)
		sqn_b[i] = autn[i] ^ ak[i];
	out->sqn = eps_sqn_from_bytes(sqn_b);
	if (milenage_f1(k, opc, rand, sqn_b, autn + 6, xmac))
		return -1;
	if (CRYPTO_memcmp(xmac, autn + 8, 8)) {
		OPENSSL_cleanse(out, sizeof(*out));
		return EPS_AKA_MAC_FAILURE;
	}
	/* TS 33.401 6.1.1: AMF bit 0 is the "separation bit", 1 for E-UTRAN */
	if (!(autn[6] & 0x80)) {
		uint64_t sqn = out->sqn;

		OPENSSL_cleanse(out, sizeof(*out));
		out->sqn = sqn;
		return EPS_AKA_NOT_EPS;
	}
	fresh = eps_sqn_ms_check(ms, out->sqn);
	if (fresh < 0)
		return -1;
	if (!fresh) {
		uint64_t sqn = out->sqn;

		OPENSSL_cleanse(out, sizeof(*out));
		out->sqn = sqn;
		if (eps_aka_auts(k, opc, rand, ms->highest, out->auts))
			return -1;
		return EPS_AKA_SYNC_FAILURE;
	}
	if (eps_kdf_kasme(out->ck, out->ik, plmn, autn, out->kasme))
		return -1;
	eps_sqn_ms_accept(ms, out->sqn);
	return 0;
}
