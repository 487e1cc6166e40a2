/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers over the S1AP value tree (s1ap.h) for programs that build and
 * read messages: every "b_" function takes a slot, gives it the type its
 * parent's descriptor says and returns the slot, so a message is written as
 * a short walk down the ASN.1 structure without naming descriptors:
 *
 *   struct s1ap_val *v = s1ap_b_ie(&pdu, S1AP_IE_TAI);
 *   s1ap_b_oct(a, s1ap_b_mem(a, v, "pLMNidentity"), plmn, 3);
 *   s1ap_b_oct(a, s1ap_b_mem(a, v, "tAC"), tac, 2);
 *
 * A NULL slot propagates: each helper returns NULL (or -1) when given NULL,
 * so a chain can be checked once at the end (s1ap_encode() then fails on the
 * missing value).  Bytes given to b_oct/b_bits are copied into the arena.
 * No I/O, no global state.
 */
#ifndef AGW_PROTO_S1AP_UTIL_H
#define AGW_PROTO_S1AP_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "proto/s1ap.h"

/* ---- building ---- */
/* Append IE id to pdu; its value slot typed from the IE table. */
struct s1ap_val *s1ap_b_ie(struct s1ap_pdu *pdu, unsigned int id);
/* Member `name` of a SEQ value, typed (a SEQ member gets its slots). */
struct s1ap_val *s1ap_b_mem(struct s1ap_arena *a, struct s1ap_val *seq, const char *name);
/* Select alternative `name` of a CHOICE value; returns its typed slot. */
struct s1ap_val *s1ap_b_alt(struct s1ap_arena *a, struct s1ap_val *choice, const char *name);
/* Give a SEQUENCE OF n typed items; returns the first (NULL for n == 0). */
struct s1ap_val *s1ap_b_items(struct s1ap_arena *a, struct s1ap_val *list, uint32_t n);
/* Make a list item a ProtocolIE-Field id/crit; returns its typed value slot. */
struct s1ap_val *s1ap_b_field(struct s1ap_arena *a, struct s1ap_val *item, unsigned int id,
			      unsigned int crit);
int s1ap_b_int(struct s1ap_val *v, uint64_t u);
int s1ap_b_oct(struct s1ap_arena *a, struct s1ap_val *v, const void *p, size_t n);
/* BIT STRING of nbits, p left-aligned (first bit = MSB of p[0]). */
int s1ap_b_bits(struct s1ap_arena *a, struct s1ap_val *v, const void *p, size_t nbits);
/* ENUMERATED value by name (root or extension). */
int s1ap_b_enum(struct s1ap_val *v, const char *name);
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
/* Cause CHOICE: group ("radioNetwork", "nas", ...) and value name. */
int s1ap_b_cause(struct s1ap_arena *a, struct s1ap_val *v, const char *group,
		 const char *value);

/* ---- reading (NULL / -1 when absent or of another type) ---- */
/* Alternative of a CHOICE: its value, *name set to the alternative's name. */
const struct s1ap_val *s1ap_alt(const struct s1ap_val *choice, const char **name);
/* Integer or ENUM index of member `name` of a SEQ. */
int s1ap_mem_u(const struct s1ap_val *seq, const char *name, uint64_t *u);
/* Octets of member `name` (exactly n of them). */
int s1ap_mem_oct(const struct s1ap_val *seq, const char *name, uint8_t *out, size_t n);
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

#endif
