/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EPS security: key derivation (TS 33.401 Annex A over the TS 33.220 B.2
 * generic KDF) and the 128-EEA/EIA algorithm families (TS 33.401 Annex B).
 *
 * All functions are pure: no I/O, no global state, safe from any thread.
 * Lengths of messages are given in BITS; a message of `bitlen` bits occupies
 * the first ceil(bitlen / 8) bytes, most significant bit first.
 *
 *   alg  EEA (ciphering)              EIA (integrity)
 *   0    EEA0 null: data unchanged    EIA0 null: MAC = 00000000
 *   1    128-EEA1 (SNOW 3G, UEA2)     128-EIA1 (SNOW 3G, UIA2)
 *   2    128-EEA2 (AES-128 CTR)       128-EIA2 (AES-128 CMAC)
 *   3    128-EEA3 (ZUC)               128-EIA3 (ZUC)
 */
#ifndef AGW_CRYPTO_EPS_H
#define AGW_CRYPTO_EPS_H

#include <stddef.h>
#include <stdint.h>

enum { EPS_ALG_0 = 0, EPS_ALG_1 = 1, EPS_ALG_2 = 2, EPS_ALG_3 = 3 };

/* Largest message accepted by eps_eia()/eps_eea(): LENGTH is a 32-bit field
 * in the algorithm specifications (TS 33.401 B.1.1, B.2.1). */
#define EPS_MAX_BITLEN 0xffffffffULL

/*
 * MAC over `bitlen` bits of msg (bits past bitlen in the last byte are
 * ignored). bearer is 5 bits (0..31), dir 0 = uplink, 1 = downlink.
 * Returns 0 ok, -1 bad arguments or unknown algorithm.
 */
int eps_eia(unsigned int alg, const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	    const uint8_t *msg, size_t bitlen, uint8_t mac[4]);

/*
 * En/decrypt `bitlen` bits in place (bits past bitlen in the last byte are
 * zeroed). Returns 0 ok, -1 bad arguments or unknown algorithm.
 */
int eps_eea(unsigned int alg, const uint8_t key[16], uint32_t count, uint8_t bearer, uint8_t dir,
	    uint8_t *buf, size_t bitlen);

/* TS 33.401 A.7 algorithm type distinguishers */
enum {
	EPS_KDF_NAS_ENC = 1,
	EPS_KDF_NAS_INT = 2,
	EPS_KDF_RRC_ENC = 3,
	EPS_KDF_RRC_INT = 4,
	EPS_KDF_UP_ENC = 5,
	EPS_KDF_UP_INT = 6,
};

/*
 * TS 33.401 A.7: 128-bit algorithm key = the last 16 octets of
 * KDF(key, FC=0x15, P0=type, P1=alg). Key is KASME for types 1-2 and KeNB
 * for types 3-6. Returns 0 ok, -1 for type outside 1..6 or alg > 15.
 */
int eps_kdf_alg_key(const uint8_t kasme_or_kenb[32], uint8_t type, uint8_t alg, uint8_t key[16]);

/* TS 33.401 A.2: KASME = KDF(CK || IK, FC=0x10, P0=SN id, P1=SQN ^ AK) */
int eps_kdf_kasme(const uint8_t ck[16], const uint8_t ik[16], const uint8_t plmn[3],
		  const uint8_t sqn_xor_ak[6], uint8_t kasme[32]);

/* TS 33.401 A.3: KeNB = KDF(KASME, FC=0x11, P0=uplink NAS COUNT) */
int eps_kdf_kenb(const uint8_t kasme[32], uint32_t ul_nas_count, uint8_t kenb[32]);

/* TS 33.401 A.4: NH = KDF(KASME, FC=0x12, P0=SYNC-input (KeNB or old NH)) */
int eps_kdf_nh(const uint8_t kasme[32], const uint8_t sync_input[32], uint8_t nh[32]);

/*
 * TS 33.401 A.5: KeNB* = KDF(KeNB or NH, FC=0x13, P0=PCI, P1=EARFCN-DL).
 * PCI 0..503. EARFCN-DL 0..262143: encoded in 2 octets up to 65535 and in
 * 3 octets above (the Rel-12 extended EARFCN range). -1 if out of range.
 */
int eps_kdf_kenb_star(const uint8_t kenb[32], uint16_t pci, uint32_t earfcn_dl, uint8_t out[32]);

/*
 * TS 33.220 B.2 generic KDF: HMAC-SHA-256(key, FC || P0 || L0 || ...).
 * Each parameter's length is written as a 2-octet L field; n <= 8.
 */
struct eps_kdf_param {
	const uint8_t *p;
	uint16_t len;
};

int eps_kdf(const uint8_t *key, size_t key_len, uint8_t fc, const struct eps_kdf_param *params,
	    size_t n, uint8_t out[32]);

/*
 * PLMN identity in the 3-octet TS 24.008 10.5.1.13 form used as SN id:
 *   octet 1: MCC digit 2 | MCC digit 1
 *   octet 2: MNC digit 3 | MCC digit 3   (MNC digit 3 = 0xF for 2-digit MNC)
 *   octet 3: MNC digit 2 | MNC digit 1
 * mccmnc is 5 or 6 decimal digits ("00101", "310410"). 0 ok, -1 bad.
 */
int eps_plmn_encode(const char *mccmnc, uint8_t out[3]);

#endif
