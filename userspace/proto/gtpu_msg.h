/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GTP-U (3GPP TS 29.281) message codec: header, extension header chain,
 * and the path management / tunnel management messages.  Pure functions,
 * no allocation: a decoded message points into the caller's buffer.
 *
 * Header (TS 29.281 5.1, Figure 5.1-1):
 *
 *      7   6   5   4   3   2   1   0
 *    +-----------+---+---+---+---+---+
 *  1 |  Version  |PT | * | E | S |PN |   version 1, PT 1, * spare
 *    +-----------+---+---+---+---+---+
 *  2 |         Message Type          |
 *  3 |   Length (octets after the    |   counts everything after octet 8:
 *  4 |   mandatory 8-octet part)     |   optional fields, extensions, body
 *  5 |                               |
 *  . |  Tunnel Endpoint Identifier   |
 *  8 |                               |
 *    +-------------------------------+
 *  9 |  Sequence Number (1st octet)  |   octets 9-12 are present when any
 * 10 |  Sequence Number (2nd octet)  |   of E, S, PN is set; a field whose
 * 11 |        N-PDU Number           |   flag is clear is carried but "shall
 * 12 | Next Extension Header Type    |   not be evaluated" (kept as is here)
 *    +-------------------------------+
 *
 * Extension header (TS 29.281 5.2.1):
 *
 *    | Length (n: 4-octet units) | Content (4n - 2 octets) | Next Type |
 *
 * A decoded message re-encodes to the same bytes: every spare bit and
 * every field whose flag is clear is kept.
 */
#ifndef AGW_PROTO_GTPU_MSG_H
#define AGW_PROTO_GTPU_MSG_H

#include <stddef.h>
#include <stdint.h>

#define GTPU_PORT		2152
#define GTPU_HDR_LEN		8	/* mandatory part */
#define GTPU_OPT_LEN		4	/* sequence, N-PDU, next extension type */

/* Octet 1 */
#define GTPU_F_VERSION_SHIFT	5
#define GTPU_F_PT		0x10
#define GTPU_F_SPARE		0x08
#define GTPU_F_E		0x04
#define GTPU_F_S		0x02
#define GTPU_F_PN		0x01
#define GTPU_F_OPT		(GTPU_F_E | GTPU_F_S | GTPU_F_PN)

/* Message types (TS 29.281 6.1) */
enum gtpu_msg_type {
	GTPU_ECHO_REQUEST		= 1,
	GTPU_ECHO_RESPONSE		= 2,
	GTPU_ERROR_INDICATION		= 26,
	GTPU_SUPPORTED_EXT_HDR_NOTIF	= 31,
	GTPU_TUNNEL_STATUS		= 253,
	GTPU_END_MARKER			= 254,
	GTPU_G_PDU			= 255,
};

/* Information element types (TS 29.281 8.1) */
enum gtpu_ie_type {
	GTPU_IE_RECOVERY		= 14,	/* TV, 1 octet (8.2) */
	GTPU_IE_TEID_DATA_I		= 16,	/* TV, 4 octets (8.3) */
	GTPU_IE_PEER_ADDRESS		= 133,	/* TLV, 4 or 16 octets (8.4) */
	GTPU_IE_EXT_HDR_TYPE_LIST	= 141,	/* TLV, 1-octet length (8.5) */
	GTPU_IE_RECOVERY_TIME_STAMP	= 230,	/* TLV (8.x, Rel-15) */
	GTPU_IE_PRIVATE_EXTENSION	= 255,	/* TLV, 2-octet id + value (8.6) */
};

/* Extension header types (TS 29.281 5.2.1-3) */
enum gtpu_ext_type {
	GTPU_EXT_NONE			= 0x00,
	GTPU_EXT_MBMS_SUPPORT		= 0x01,
	GTPU_EXT_MS_INFO_CHANGE		= 0x02,
	GTPU_EXT_LONG_PDCP_PDU_NUMBER_0	= 0x03,
	GTPU_EXT_SERVICE_CLASS		= 0x20,
	GTPU_EXT_UDP_PORT		= 0x40,
	GTPU_EXT_RAN_CONTAINER		= 0x81,
	GTPU_EXT_LONG_PDCP_PDU_NUMBER	= 0x82,
	GTPU_EXT_XW_RAN_CONTAINER	= 0x83,
	GTPU_EXT_NR_RAN_CONTAINER	= 0x84,
	GTPU_EXT_PDU_SESSION_CONTAINER	= 0x85,
	GTPU_EXT_PDCP_PDU_NUMBER	= 0xc0,
};

/* Bits 8-7 of an extension header type (TS 29.281 5.2.1) */
enum gtpu_ext_comprehension {
	GTPU_EXT_NOT_REQUIRED		= 0,	/* forward or discard silently */
	GTPU_EXT_ENDPOINT_NOT_REQUIRED	= 1,	/* intermediate nodes forward */
	GTPU_EXT_ENDPOINT_REQUIRED	= 2,	/* receiving endpoint must know it */
	GTPU_EXT_ALL_REQUIRED		= 3,	/* every receiving node must */
};

#define GTPU_MAX_EXT		16
#define GTPU_MAX_IE		16

/*
 * PDU Session Container (TS 38.415 5.5.2): the leading fields of the DL and
 * UL PDU SESSION INFORMATION frames.  The extension content stays the
 * authority for encoding (it also carries time stamps, sequence numbers and
 * padding); gtpu_pdu_session_build() writes a fresh minimal one.
 */
struct gtpu_pdu_session {
	uint8_t pdu_type;	/* 0 DL PDU SESSION INFORMATION, 1 UL */
	uint8_t qfi;		/* 6 bits */
	uint8_t rqi;		/* DL: reflective QoS indicator */
	uint8_t ppp;		/* DL: paging policy presence */
	uint8_t ppi;		/* DL: paging policy indicator (3 bits), if ppp */
	uint8_t qmp;		/* QoS monitoring packet (time stamps follow) */
	uint8_t snp;		/* sequence number presence */
};

struct gtpu_ext {
	uint8_t type;			/* announced by the previous next-type octet */
	const uint8_t *content;		/* 4 * units - 2 octets */
	size_t content_len;
	int has_pdu_session;		/* type 0x85 and content decoded */
	struct gtpu_pdu_session pdu_session;
};

/* One information element, in message order. */
struct gtpu_ie {
	uint8_t type;
	const uint8_t *value;		/* without type and length octets */
	size_t len;
};

struct gtpu_msg {
	uint8_t flags;			/* octet 1 without version: PT, spare, E, S, PN */
	uint8_t type;
	uint16_t length;		/* decoded: as received; encode computes it */
	uint32_t teid;
	/* octets 9-12, carried when flags & GTPU_F_OPT */
	uint16_t seq;
	uint8_t npdu;
	uint8_t next_ext;		/* first extension type (0 when E is clear) */
	unsigned int n_ext;
	struct gtpu_ext ext[GTPU_MAX_EXT];
	/*
	 * Body.  Signalling messages (1, 2, 26, 31, 253, 254): ies[].  G-PDU
	 * and unknown message types: the body as one slice in payload.
	 */
	unsigned int n_ie;
	struct gtpu_ie ie[GTPU_MAX_IE];
	const uint8_t *payload;
	size_t payload_len;
	size_t trailing;		/* decode: bytes after the message */
};

/* Why and where decoding stopped: offset from the start of the buffer. */
struct gtpu_err {
	size_t offset;
	char msg[128];
};

/*
 * Decode buf[0..len).  Returns 0, or -1 with err filled.  A buffer longer
 * than the message is accepted: msg->trailing says by how much.
 */
int gtpu_msg_decode(const uint8_t *buf, size_t len, struct gtpu_msg *msg, struct gtpu_err *err);

/*
 * Encode msg into out[0..max).  The length field is computed; E is taken
 * from msg->flags and must agree with n_ext.  Returns the number of bytes
 * written, or -1 with err filled (inconsistent struct or buffer too small).
 */
int gtpu_msg_encode(const struct gtpu_msg *msg, uint8_t *out, size_t max, struct gtpu_err *err);

/* Fill msg with a header for type/teid and no optional fields. */
void gtpu_msg_init(struct gtpu_msg *msg, uint8_t type, uint32_t teid);
/* Append an IE (value is not copied).  Returns 0 or -1 when full. */
int gtpu_msg_add_ie(struct gtpu_msg *msg, uint8_t type, const uint8_t *value, size_t len);
/* First IE of that type, or NULL. */
const struct gtpu_ie *gtpu_msg_find_ie(const struct gtpu_msg *msg, uint8_t type);

/* Write a minimal PDU Session Container content (pdu_type, qfi, rqi, ppp/ppi)
 * padded to 4n - 2 octets; returns its length or -1 if max is too small. */
int gtpu_pdu_session_build(const struct gtpu_pdu_session *ps, uint8_t *out, size_t max);
/* Decode the leading fields of a PDU Session Container content. */
int gtpu_pdu_session_parse(const uint8_t *c, size_t len, struct gtpu_pdu_session *ps);

/* Names as TS 29.281 spells them; NULL when unknown. */
const char *gtpu_msg_type_name(uint8_t type);
const char *gtpu_ie_type_name(uint8_t type);
const char *gtpu_ext_type_name(uint8_t type);
static inline enum gtpu_ext_comprehension gtpu_ext_comprehension(uint8_t type)
{
	return (enum gtpu_ext_comprehension)(type >> 6);
}

#endif
