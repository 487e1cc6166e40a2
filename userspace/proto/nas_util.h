/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NAS helpers a UE side needs besides the codec (nas.h): the short service
 * request with its MAC (TS 24.301 8.2.25, 9.9.3.28), the EPS bearer context
 * status bitmap (9.9.2.1), the messages of a cause only that UE and MME
 * both send, and the match of an IP packet against a TFT's
 * packet filters (TS 24.008 10.5.6.12, TS 23.060 15.3) to pick the bearer
 * for uplink traffic.  Pure functions: no I/O, no global state.
 */
#ifndef AGW_PROTO_NAS_UTIL_H
#define AGW_PROTO_NAS_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "proto/nas.h"
#include "proto/nas_ie.h"

/*
 * Service request (8.2.25), 4 octets: 0xC7, KSI (3 bits) | the 5 low bits of
 * the uplink NAS COUNT, and the 2 low octets of the MAC that EIA computes
 * over the first two octets with that COUNT (bearer 0, uplink).  Uses and
 * increments ctx->tx_count.  Returns 4, or -1 (EIA not available, ksi > 7).
 */
int nas_service_request_build(struct nas_sec_ctx *ctx, uint8_t ksi, uint8_t out[4]);

/* EPS bearer context status (9.9.2.1): 2 octets, bit i set for active EBI i. */
void nas_ebc_status_build(const uint8_t *ebis, unsigned int n, uint8_t out[2]);

/*
 * A message of nothing but (at most) a cause, as both the UE and the MME
 * send them: EMM status, ESM status (8.2.14, 8.3.15), the rejects and the
 * accepts of the ESM procedures, Detach accept.  ebi/pti for ESM; cause < 0:
 * none (the message has no cause or it is optional).  Returns the length
 * or -1 with err filled.
 */
int nas_build_cause_msg(enum nas_msg_key k, uint8_t ebi, uint8_t pti, int cause, uint8_t *out,
			size_t max, struct nas_err *err);

/* Fields of an IP packet a packet filter looks at (from the UE's side). */
struct nas_pkt_info {
	uint8_t version;		/* 4 or 6 */
	uint8_t src[16], dst[16];	/* IPv4 in the first 4 octets */
	uint8_t proto;			/* protocol / last next header */
	uint8_t tos;			/* TOS / traffic class */
	uint32_t flow_label;
	uint16_t sport, dport;		/* TCP, UDP, SCTP, UDP-Lite; 0 otherwise */
	uint32_t spi;			/* ESP */
	uint8_t has_ports, has_spi;
};

/* Parse an IPv4 or IPv6 packet's header; 0 or -1 (not IP, truncated). */
int nas_pkt_parse(const uint8_t *pkt, size_t len, struct nas_pkt_info *pi);

/*
 * 1 if every component of packet filter f matches a packet the UE sends
 * (uplink: remote = destination, local = source), 0 if not.  A filter whose
 * direction is downlink-only never matches uplink traffic; components the
 * function does not know (Ethernet ones) make the filter not match.
 */
int nas_tft_filter_match_ul(const struct nas_tft_filter *f, const struct nas_pkt_info *pi);

/*
 * Uplink filter of t matching the packet with the lowest evaluation
 * precedence value: its index in t->f, or -1 when none matches.  *prec gets
 * its precedence (may be NULL).
 */
int nas_tft_match_ul(const struct nas_tft *t, const struct nas_pkt_info *pi, uint8_t *prec);

#endif
