/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the Diameter applications (s6a.h, gx.h, gy.h) share: the identities
 * a request starts with, the outcome of an answer (Result-Code or
 * Experimental-Result), and the 3GPP value encodings they all use (PLMN
 * ids, TBCD digits, QoS with ARP).  Pure functions, no I/O.
 *
 * Builders write a whole request with Hop-by-Hop and End-to-End ids 0:
 * the peer library (userspace/diameter) assigns both when it sends.
 * Parsers fill a caller struct from a decoded message and return 0, or -1
 * with a reason when a mandatory AVP is missing or a value is out of range
 * (the answer is then treated as a failure, never half-applied).
 */
#ifndef AGW_PROTO_DIA_APP_H
#define AGW_PROTO_DIA_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/diameter.h"
#include "proto/diameter_avp.h"

#define DIA_IMSI_MAX	16	/* 15 digits and the NUL */
#define DIA_MSISDN_MAX	16
#define DIA_APN_MAX	101	/* 100 octets (TS 23.003 9.1) and the NUL */
#define DIA_NAME_MAX	64	/* rule names, monitoring keys, filter ids */

/* The start of every request */
struct dia_req_hdr {
	const char *session_id;
	const char *origin_host;
	const char *origin_realm;
	const char *dest_realm;
	const char *dest_host;		/* NULL: route by realm */
};

/* Result-Code (vendor 0) or Experimental-Result (vendor, code) */
struct dia_result {
	uint32_t vendor;
	uint32_t code;
	bool present;
};

static inline bool dia_result_ok(const struct dia_result *r)
{
	return r->present && r->code >= 2000 && r->code < 3000;
}

/* Allocation-Retention-Priority (TS 29.212 5.3.32) */
struct dia_arp {
	uint8_t priority;		/* 1..15 */
	bool may_preempt;		/* Pre-emption-Capability ENABLED (0) */
	bool preemptable;		/* Pre-emption-Vulnerability ENABLED (0) */
};

/* Service units (RFC 4006 8.17-8.19): Gy quotas and Gx usage monitoring */
struct dia_units {
	bool has_total, has_in, has_out, has_time;
	uint64_t total, in, out;	/* CC-Total/Input/Output-Octets */
	uint32_t time;			/* CC-Time, seconds */
};

#define DIA_NO_REASON	0xffffffff

/* A Requested-, Granted- or Used-Service-Unit group (id), with a Reporting-Reason */
void dia_app_put_units(struct dia_builder *b, enum dia_avp_id id, const struct dia_units *u,
		       uint32_t reason);
/* The units inside the group at index g; -1 when one has a wrong length */
int dia_app_get_units(const struct dia_msg *m, int g, struct dia_units *u);

/* Origin-Host, Origin-Realm; Destination-Host (when set), Destination-Realm */
void dia_app_put_origin(struct dia_builder *b, const struct dia_req_hdr *h);
void dia_app_put_dest(struct dia_builder *b, const struct dia_req_hdr *h);
/* Vendor-Specific-Application-Id { Vendor-Id 10415, Auth-Application-Id app } */
void dia_app_put_vsai(struct dia_builder *b, uint32_t app);
void dia_app_put_arp(struct dia_builder *b, const struct dia_arp *arp);
int dia_app_get_arp(const struct dia_msg *m, int parent, struct dia_arp *arp);
int dia_app_get_result(const struct dia_msg *m, int parent, struct dia_result *r);

/*
 * PLMN id as 3 octets (TS 24.008 10.5.1.13: MCC digit 2|1, MNC digit 3|MCC
 * digit 3, MNC digit 2|1) from "00101" / "310410"; -1 if not 5-6 digits.
 */
int dia_plmn_encode(const char *mcc_mnc, uint8_t out[3]);
int dia_plmn_decode(const uint8_t in[3], char out[7]);
/* TBCD (TS 29.002: digits in nibbles, low first, 0xF filler) <-> digits */
int dia_tbcd_encode(const char *digits, uint8_t *out, size_t cap);
int dia_tbcd_decode(const uint8_t *in, size_t len, char *out, size_t cap);
/*
 * ESM cause (TS 24.301 9.9.4.4) for a PDN connection refused because its
 * Gx or Gy session could not be set up (r->present false: no answer):
 * authorisation refusals (5003, 5030 user unknown, 5031 rating failed,
 * 4010 service denied, 4012 credit limit) #29 user authentication or
 * authorization failed; the core unreachable or busy (3002, 3003, 3004,
 * no answer) #26 insufficient resources, transient; anything else #31
 * request rejected, unspecified.
 */
uint8_t dia_esm_cause(const struct dia_result *r, bool *transient);

/* A string of 1..max decimal digits */
bool dia_digits(const char *s, size_t max);

#endif
