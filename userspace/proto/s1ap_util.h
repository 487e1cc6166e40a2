/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers over the S1AP value tree (s1ap.h) for programs that build and
 * read messages: every "b_" function takes a slot, gives it the type its
 * parent's descriptor says and returns the slot, so a message is written as
 * a short walk down the ASN.1 structure without naming descriptors:
 *
 *   struct s1ap_val *v = s1ap_b_ie(&pdu, S1AP_IE_TAI);
 *   s1ap_b_oct(a, s1ap_b_mem(a, v, S1AP_TAI_PLMNIDENTITY), plmn, 3);
 *   s1ap_b_oct(a, s1ap_b_mem(a, v, S1AP_TAI_TAC), tac, 2);
 *
 * Members, alternatives and values are named by their compile-time keys
 * (s1ap.h); the functions that also take a name string do so only until
 * userspace/agwd has moved to the keys (deprecated).
 *
 * A NULL slot propagates: each helper returns NULL (or -1) when given NULL,
 * so a chain can be checked once at the end (s1ap_encode() then fails on the
 * missing value).  Bytes given to b_oct/b_bits are copied into the arena.
 * No I/O, no global state.
 */
#ifndef AGW_PROTO_S1AP_UTIL_H
#define AGW_PROTO_S1AP_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/s1ap.h"

/* ---- building ---- */
/* Append IE id to pdu; its value slot typed from the IE table. */
struct s1ap_val *s1ap_b_ie(struct s1ap_pdu *pdu, unsigned int id);
/* Member k of a SEQ value, typed (a SEQ member gets its slots). */
struct s1ap_val *s1ap_b_mem_key(struct s1ap_arena *a, struct s1ap_val *seq, enum s1ap_key k);
/* Select alternative k of a CHOICE value; returns its typed slot. */
struct s1ap_val *s1ap_b_alt_key(struct s1ap_arena *a, struct s1ap_val *choice, enum s1ap_key k);
/* Give a SEQUENCE OF n typed items; returns the first (NULL for n == 0). */
struct s1ap_val *s1ap_b_items(struct s1ap_arena *a, struct s1ap_val *list, uint32_t n);
/* Make a list item a ProtocolIE-Field id/crit; returns its typed value slot. */
struct s1ap_val *s1ap_b_field(struct s1ap_arena *a, struct s1ap_val *item, unsigned int id,
			      unsigned int crit);
int s1ap_b_int(struct s1ap_val *v, uint64_t u);
int s1ap_b_oct(struct s1ap_arena *a, struct s1ap_val *v, const void *p, size_t n);
/* BIT STRING of nbits, p left-aligned (first bit = MSB of p[0]). */
int s1ap_b_bits(struct s1ap_arena *a, struct s1ap_val *v, const void *p, size_t nbits);
/* ENUMERATED value k (root or extension); -1 if v is not of k's type. */
int s1ap_b_enum_key(struct s1ap_val *v, enum s1ap_key k);
/* PrintableString from a C string. */
int s1ap_b_str(struct s1ap_arena *a, struct s1ap_val *v, const char *s);
/* GTP-TEID (4 octets, network order). */
int s1ap_b_teid(struct s1ap_arena *a, struct s1ap_val *v, uint32_t teid);
/*
 * TransportLayerAddress (TS 36.414 5.3 / 36.413 9.2.2.1): 32 bits for IPv4,
 * 128 for IPv6, 160 for both (IPv4 first).  ip4/ip6 may be NULL.
 */
int s1ap_b_tla(struct s1ap_arena *a, struct s1ap_val *v, const uint8_t *ip4,
	       const uint8_t *ip6);
/* Cause CHOICE (9.2.1.3) from one value key: its type picks the group,
 * s1ap_b_cause(a, v, S1AP_CAUSE_NAS_NORMAL_RELEASE). */
int s1ap_b_cause_key(struct s1ap_arena *a, struct s1ap_val *v, enum s1ap_key value);

/* ---- reading (NULL / -1 when absent or of another type) ---- */
/* Alternative of a CHOICE: its value, *name set to the alternative's name. */
const struct s1ap_val *s1ap_alt(const struct s1ap_val *choice, const char **name);
/* Integer or ENUM index of member k of a SEQ: 0, or -1 when absent. */
int s1ap_mem_u_key(const struct s1ap_val *seq, enum s1ap_key k, uint64_t *u);
/* Octets of member k (exactly n of them): 0, or -1 when absent or of another size. */
int s1ap_mem_oct_key(const struct s1ap_val *seq, enum s1ap_key k, uint8_t *out, size_t n);
/* The value key of a Cause (S1AP_CAUSE_NAS_DETACH...), S1AP_KEY_NONE if none. */
enum s1ap_key s1ap_cause_key(const struct s1ap_val *cause);
/* Name of an ENUM value ("?" for an unknown extension value). */
const char *s1ap_enum_name(const struct s1ap_val *v);
/* GTP-TEID value. */
int s1ap_teid_get(const struct s1ap_val *v, uint32_t *teid);
/* TransportLayerAddress: flags has4/has6 (may be NULL if unwanted). */
int s1ap_tla_get(const struct s1ap_val *v, uint8_t ip4[4], int *has4, uint8_t ip6[16],
		 int *has6);
/* "group/value" of a Cause into buf; returns buf. */
const char *s1ap_cause_str(const struct s1ap_val *cause, char *buf, size_t n);
/* Value of a ProtocolIE-Field list item (NULL if not understood). */
const struct s1ap_val *s1ap_field_val(const struct s1ap_val *item, unsigned int *id);

/* ---- messages both an eNB and an MME send (s1ap_build.c) ---- */
/* A UE's S1AP ids; has_*: the id is present */
struct s1ap_ue_pair {
	uint32_t mme_id, enb_id;
	bool has_mme, has_enb;
};

/*
 * Error Indication (9.1.8.4): the UE's ids (ids NULL, or the has_ flags
 * clear: not UE-associated), the cause (a value key, S1AP_CAUSE_PROTOCOL_*
 * ...) and, when trig and r are given, the CriticalityDiagnostics of the
 * 10.3 check of trig.  Starts pdu in a; 0 or -1.
 */
int s1ap_build_error_indication(struct s1ap_pdu *pdu, struct s1ap_arena *a,
				const struct s1ap_ue_pair *ids, enum s1ap_key cause,
				const struct s1ap_pdu *trig, const struct s1ap_check_result *r);
/* Reset (9.1.8.1): of the whole S1 interface (n == 0) or of n connections. */
int s1ap_build_reset(struct s1ap_pdu *pdu, struct s1ap_arena *a, enum s1ap_key cause,
		     const struct s1ap_ue_pair *ues, unsigned int n);
/* The connection list of a received Reset of part of the interface, or NULL
 * (reset all, or no valid ResetType). */
const struct s1ap_val *s1ap_reset_partial(const struct s1ap_pdu *reset);
/* Item i of such a list: 0 and *p filled, -1 when not understood (p zeroed). */
int s1ap_reset_item(const struct s1ap_val *list, uint32_t i, struct s1ap_ue_pair *p);
/* Reset Acknowledge (9.1.8.2) of a Reset whose partial list is `partial`
 * (NULL: reset all): the connections echoed in order (8.7.1.2). */
int s1ap_build_reset_ack(struct s1ap_pdu *pdu, struct s1ap_arena *a,
			 const struct s1ap_val *partial);

/* ---- DEPRECATED by name (see above): key or name, dispatched on the type */
struct s1ap_val *s1ap_b_mem_name(struct s1ap_arena *a, struct s1ap_val *seq, const char *name);
struct s1ap_val *s1ap_b_alt_name(struct s1ap_arena *a, struct s1ap_val *choice,
				 const char *name);
int s1ap_b_enum_name(struct s1ap_val *v, const char *name);
int s1ap_b_cause_name(struct s1ap_arena *a, struct s1ap_val *v, const char *group,
		      const char *value);
int s1ap_mem_u_name(const struct s1ap_val *seq, const char *name, uint64_t *u);
int s1ap_mem_oct_name(const struct s1ap_val *seq, const char *name, uint8_t *out, size_t n);

#define s1ap_b_mem(a, seq, k) S1AP_BY_KEY_OR_NAME(k, s1ap_b_mem_name, s1ap_b_mem_key)(a, seq, k)
#define s1ap_b_alt(a, c, k) S1AP_BY_KEY_OR_NAME(k, s1ap_b_alt_name, s1ap_b_alt_key)(a, c, k)
#define s1ap_b_enum(v, k) S1AP_BY_KEY_OR_NAME(k, s1ap_b_enum_name, s1ap_b_enum_key)(v, k)
#define s1ap_mem_u(seq, k, u) S1AP_BY_KEY_OR_NAME(k, s1ap_mem_u_name, s1ap_mem_u_key)(seq, k, u)
#define s1ap_mem_oct(seq, k, out, n) \
	S1AP_BY_KEY_OR_NAME(k, s1ap_mem_oct_name, s1ap_mem_oct_key)(seq, k, out, n)
/* s1ap_b_cause(a, v, KEY) or, deprecated, s1ap_b_cause(a, v, "group", "value") */
#define S1AP_B_CAUSE_PICK(_1, _2, _3, _4, f, ...) f
#define s1ap_b_cause(...) \
	S1AP_B_CAUSE_PICK(__VA_ARGS__, s1ap_b_cause_name, s1ap_b_cause_key, -)(__VA_ARGS__)

#endif
