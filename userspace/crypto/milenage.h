/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Milenage (TS 35.206) and EPS AKA (TS 33.401 6.1, TS 33.102 6.3), with the
 * sequence number management of TS 33.102 Annex C.
 *
 * Pure functions: no I/O, no global state. AES-128 comes from OpenSSL EVP.
 * Every function returns 0 on success and -1 on bad arguments or when the
 * cipher could not run; the AKA checks return the positive results below.
 */
#ifndef AGW_CRYPTO_MILENAGE_H
#define AGW_CRYPTO_MILENAGE_H

#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------- Milenage --- */

/* OPc = OP ^ E_K(OP) (TS 35.206 4.1) */
int milenage_opc(const uint8_t k[16], const uint8_t op[16], uint8_t opc[16]);

/* f1: network authentication code MAC-A (TS 35.206 4.1) */
int milenage_f1(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		const uint8_t sqn[6], const uint8_t amf[2], uint8_t mac_a[8]);

/* f1*: re-synchronisation code MAC-S */
int milenage_f1star(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		    const uint8_t sqn[6], const uint8_t amf[2], uint8_t mac_s[8]);

/* f2 (RES), f3 (CK), f4 (IK), f5 (AK); any output may be NULL */
int milenage_f2345(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		   uint8_t res[8], uint8_t ck[16], uint8_t ik[16], uint8_t ak[6]);

/* f5*: anonymity key for re-synchronisation, AK* */
int milenage_f5star(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		    uint8_t ak_star[6]);

/* ------------------------------------------ SQN (TS 33.102 Annex C) --- */

#define EPS_SQN_MAX ((1ULL << 48) - 1)
#define EPS_SQN_IND_BITS_DEFAULT 5	/* TS 33.102 C.3.2 */
#define EPS_SQN_IND_BITS_MAX 8

/* SQN = SEQ || IND, IND being the low ind_bits bits (C.1.1, C.3.2) */
static inline uint64_t eps_sqn_seq(uint64_t sqn, unsigned int ind_bits)
{
	return (sqn & EPS_SQN_MAX) >> ind_bits;
}

static inline unsigned int eps_sqn_ind(uint64_t sqn, unsigned int ind_bits)
{
	return (unsigned int)(sqn & ((1ULL << ind_bits) - 1));
}

static inline uint64_t eps_sqn_make(uint64_t seq, unsigned int ind, unsigned int ind_bits)
{
	return ((seq << ind_bits) | (ind & ((1U << ind_bits) - 1))) & EPS_SQN_MAX;
}

void eps_sqn_to_bytes(uint64_t sqn, uint8_t out[6]);
uint64_t eps_sqn_from_bytes(const uint8_t in[6]);

/*
 * Network side (HE/AuC, C.1.1.1 and C.3.2): the SQN for the next vector
 * after `sqn_he`: SEQ + 1 and IND + 1 modulo 2^ind_bits. After a
 * re-synchronisation call it with the recovered SQN_MS. -1 on SEQ overflow.
 */
int eps_sqn_next(uint64_t sqn_he, unsigned int ind_bits, uint64_t *next);

/*
 * UE side (USIM, C.2): SEQ_MS per IND value plus the highest accepted SQN.
 * delta: largest accepted step SEQ - SEQ_MS(highest) (C.2.2 ii), 0 = no
 * limit. limit_l: largest accepted age SEQ_MS(highest) - SEQ (C.2.2 iii),
 * 0 = no limit.
 */
struct eps_sqn_ms {
	unsigned int ind_bits;
	uint64_t delta;
	uint64_t limit_l;
	uint64_t highest;	/* highest accepted SQN, SQN_MS of AUTS */
	uint64_t seq_ms[1U << EPS_SQN_IND_BITS_MAX];
};

/* Start with every SEQ_MS at `sqn_ms` (usually 0). -1 for ind_bits > 8. */
int eps_sqn_ms_init(struct eps_sqn_ms *ms, unsigned int ind_bits, uint64_t delta,
		    uint64_t limit_l, uint64_t sqn_ms);

/* 1 if sqn is fresh (would be accepted), 0 if not, -1 bad arguments */
int eps_sqn_ms_check(const struct eps_sqn_ms *ms, uint64_t sqn);

/* Record sqn as accepted (call after a successful check) */
void eps_sqn_ms_accept(struct eps_sqn_ms *ms, uint64_t sqn);

/* ------------------------------------------------------------ EPS AKA --- */

enum eps_aka_result {
	EPS_AKA_OK = 0,
	EPS_AKA_MAC_FAILURE = 1,	/* XMAC != MAC (or XMAC-S != MAC-S) */
	EPS_AKA_SYNC_FAILURE = 2,	/* SQN not fresh: send AUTS */
	EPS_AKA_NOT_EPS = 3,		/* AMF separation bit 0 (TS 33.401 6.1.1) */
};

struct eps_aka_vector {
	uint8_t rand[16];
	uint8_t xres[8];
	uint8_t autn[16];	/* SQN ^ AK || AMF || MAC-A */
	uint8_t kasme[32];
	/* intermediate values, for tests and the HSS emulator */
	uint8_t ck[16];
	uint8_t ik[16];
	uint8_t ak[6];
	uint8_t mac_a[8];
};

/*
 * HSS: EPS authentication vector for SQN (TS 33.401 6.1.2, TS 33.102 6.3.2)
 * with the RAND chosen by the caller. plmn is the 3-octet serving network id.
 */
int eps_aka_generate(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		     uint64_t sqn, const uint8_t amf[2], const uint8_t plmn[3],
		     struct eps_aka_vector *v);

struct eps_aka_ue_result {
	uint64_t sqn;		/* SQN recovered from AUTN */
	uint8_t res[8];
	uint8_t ck[16];
	uint8_t ik[16];
	uint8_t kasme[32];
	uint8_t auts[14];	/* filled on EPS_AKA_SYNC_FAILURE */
};

/*
 * UE/USIM (TS 33.102 6.3.3, TS 33.401 6.1.1): verify AUTN. The MAC is
 * checked first (EPS_AKA_MAC_FAILURE), then the AMF separation bit
 * (EPS_AKA_NOT_EPS), then freshness against `ms` (EPS_AKA_SYNC_FAILURE,
 * out->auts set from ms->highest). On EPS_AKA_OK the SQN is recorded in
 * `ms` and RES, CK, IK and KASME (for `plmn`) are returned. -1 bad args.
 */
int eps_aka_ue_check(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		     const uint8_t autn[16], const uint8_t plmn[3], struct eps_sqn_ms *ms,
		     struct eps_aka_ue_result *out);

/* UE: AUTS = (SQN_MS ^ AK*) || MAC-S, MAC-S = f1*(SQN_MS, RAND, AMF=0000) */
int eps_aka_auts(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		 uint64_t sqn_ms, uint8_t auts[14]);

/*
 * HSS (TS 33.102 6.3.5): recover SQN_MS from AUTS with f5* and check MAC-S
 * (computed with the dummy AMF 0000). 0 and *sqn_ms set, or
 * EPS_AKA_MAC_FAILURE, or -1 bad args.
 */
int eps_aka_resync(const uint8_t k[16], const uint8_t opc[16], const uint8_t rand[16],
		   const uint8_t auts[14], uint64_t *sqn_ms);

#endif
