/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Diameter base protocol codec (RFC 6733) with a dictionary for the base
 * protocol, S6a/S6d (TS 29.272), Gx (TS 29.212) and Gy/DCCA (RFC 4006,
 * TS 32.299).  No I/O and no global mutable state.
 *
 * Header (RFC 6733 3):
 *
 *    0                   1                   2                   3
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |    Version    |                 Message Length                |
 *   | R P E T r r r r|                  Command Code                 |
 *   |                         Application-ID                        |
 *   |                      Hop-by-Hop Identifier                    |
 *   |                      End-to-End Identifier                    |
 *   |  AVPs ...
 *
 * AVP (RFC 6733 4.1):
 *
 *   |                           AVP Code                            |
 *   |V M P r r r r r|                  AVP Length                   |
 *   |                        Vendor-ID (if V)                       |
 *   |    Data ...  (padded with zero octets to a multiple of 4)
 *
 * Decoding builds a flat tree of AVPs (parent/child/sibling indices) whose
 * values point into the caller's buffer; Grouped AVPs known to the
 * dictionary are decoded recursively up to DIA_MAX_DEPTH levels.  Encoding
 * goes through a builder that writes into a caller buffer and fixes the
 * lengths of the message and of every open group.  A decoded message
 * re-encodes to the same bytes.
 */
#ifndef AGW_PROTO_DIAMETER_H
#define AGW_PROTO_DIAMETER_H

#include <stddef.h>
#include <stdint.h>

#define DIA_PORT		3868
#define DIA_HDR_LEN		20
#define DIA_AVP_HDR_LEN		8
#define DIA_AVP_VHDR_LEN	12
#define DIA_MAX_DEPTH		16	/* nesting of Grouped AVPs */
#define DIA_MAX_AVPS		4096	/* per message */
#define DIA_MAX_MSG_LEN		0xffffff

#define VENDOR_3GPP		10415

/* Header flags (RFC 6733 3) */
#define DIA_F_REQUEST		0x80
#define DIA_F_PROXIABLE		0x40
#define DIA_F_ERROR		0x20
#define DIA_F_RETRANSMIT	0x10

/* AVP flags (RFC 6733 4.1) */
#define DIA_AVP_F_VENDOR	0x80
#define DIA_AVP_F_MANDATORY	0x40
#define DIA_AVP_F_PROTECTED	0x20

/* Application identifiers */
#define DIA_APP_COMMON		0
#define DIA_APP_ACCOUNTING	3
#define DIA_APP_DCCA		4		/* Gy, RFC 4006 */
#define DIA_APP_S6A		16777251	/* S6a/S6d, TS 29.272 */
#define DIA_APP_GX		16777238	/* Gx, TS 29.212 */
#define DIA_APP_RELAY		0xffffffff

/* Result-Code values used by the decoder's errors (RFC 6733 7.1) */
#define DIA_SUCCESS			2001
#define DIA_INVALID_HDR_BITS		3008
#define DIA_INVALID_AVP_BITS		3009
#define DIA_AVP_UNSUPPORTED		5001
#define DIA_INVALID_AVP_VALUE		5004
#define DIA_MISSING_AVP			5005
#define DIA_UNSUPPORTED_VERSION		5011
#define DIA_UNABLE_TO_COMPLY		5012
#define DIA_INVALID_AVP_LENGTH		5014
#define DIA_INVALID_MESSAGE_LENGTH	5015

/* Data formats (RFC 6733 4.2, 4.3; RFC 4006 for none new) */
enum dia_type {
	DIA_T_OCTETSTRING,
	DIA_T_INTEGER32,
	DIA_T_INTEGER64,
	DIA_T_UNSIGNED32,
	DIA_T_UNSIGNED64,
	DIA_T_FLOAT32,
	DIA_T_FLOAT64,
	DIA_T_GROUPED,
	DIA_T_ADDRESS,
	DIA_T_TIME,
	DIA_T_UTF8STRING,
	DIA_T_IDENTITY,		/* DiameterIdentity */
	DIA_T_URI,		/* DiameterURI */
	DIA_T_ENUMERATED,
	DIA_T_IPFILTERRULE,
	DIA_T__COUNT
};

/* M-bit rule of a dictionary entry */
enum dia_mrule { DIA_M_MUST, DIA_M_MAY, DIA_M_MUSTNOT };

struct dia_enum {
	int64_t value;
	const char *name;
};

struct dia_avp_def {
	const char *name;
	uint32_t code;
	uint32_t vendor;		/* 0: V bit clear */
	uint8_t type;			/* enum dia_type */
	uint8_t mrule;			/* enum dia_mrule */
	const struct dia_enum *enums;	/* value names, or NULL */
	uint16_t n_enums;
};

struct dia_cmd_def {
	uint32_t code;
	const char *request;		/* "Capabilities-Exchange-Request" */
	const char *answer;
	const char *req_abbrev;		/* "CER" */
	const char *ans_abbrev;
	const char *apps;		/* interfaces that use it, for humans */
};

/* One decoded AVP.  Indices refer to dia_msg.avps[]; -1 means none. */
struct dia_avp {
	uint32_t code;
	uint32_t vendor;		/* 0 when V is clear */
	uint8_t flags;			/* V M P and the reserved bits as received */
	uint8_t depth;			/* 0 for top-level AVPs */
	int grouped;			/* children decoded */
	const uint8_t *data;		/* value, without padding */
	uint32_t len;
	size_t offset;			/* of the AVP header in the message */
	int parent, child, next;
	const struct dia_avp_def *def;	/* NULL when not in the dictionary */
};

struct dia_msg {
	uint8_t version;
	uint8_t flags;
	uint32_t length;
	uint32_t code;
	uint32_t app_id;
	uint32_t hbh;
	uint32_t e2e;
	struct dia_avp *avps;		/* owned; dia_msg_free() */
	int n_avps, cap;
	int first;			/* first top-level AVP, or -1 */
	size_t trailing;		/* bytes after the message in the buffer */
};

/*
 * Why decoding stopped.  result_code is what an answer should carry
 * (e.g. DIAMETER_INVALID_AVP_LENGTH); when an AVP is at fault, avp_offset
 * and avp_len delimit it in the message (for Failed-AVP) and path names
 * it ("Subscription-Data/APN-Configuration-Profile/APN-Configuration[2]").
 */
struct dia_err {
	size_t offset;
	uint32_t result_code;
	int has_avp;
	uint32_t avp_code, avp_vendor;
	size_t avp_offset, avp_len;
	char path[160];
	char msg[160];
};

/* Decode buf[0..len).  Returns 0, or -1 with err filled; free with
 * dia_msg_free() in both cases. */
int dia_msg_decode(const uint8_t *buf, size_t len, struct dia_msg *msg, struct dia_err *err);
void dia_msg_free(struct dia_msg *msg);

/* Re-encode a decoded (or hand-assembled) message.  Returns the length or -1. */
int dia_msg_encode(const struct dia_msg *msg, uint8_t *out, size_t max, struct dia_err *err);

/* The message as JSON (what `agwtool decode diameter` prints); a new json-c object. */
struct json_object;
struct json_object *dia_msg_json(const struct dia_msg *msg);

/* Lookups in a decoded tree.  parent -1 = top level.  Return index or -1. */
int dia_find(const struct dia_msg *msg, int parent, uint32_t code, uint32_t vendor);
int dia_find_next(const struct dia_msg *msg, int after, uint32_t code, uint32_t vendor);
/* Follow n (code, vendor) pairs from the top level, e.g.
 * dia_find_path(m, 2, (uint32_t[]){ 1413, 10415, 1414, 10415 }) */
int dia_find_path(const struct dia_msg *msg, int n, const uint32_t *code_vendor);

/* Typed value access; -1 when the length does not fit the type. */
int dia_avp_u32(const struct dia_avp *a, uint32_t *v);
int dia_avp_u64(const struct dia_avp *a, uint64_t *v);
int dia_avp_i32(const struct dia_avp *a, int32_t *v);
int dia_avp_i64(const struct dia_avp *a, int64_t *v);
/* Address: family (1 IPv4, 2 IPv6, ...) and the address octets */
int dia_avp_address(const struct dia_avp *a, uint16_t *family, const uint8_t **addr,
		    size_t *len);

/* Path of an AVP ("A/B/C[2]") into buf. */
void dia_avp_path(const struct dia_msg *msg, int idx, char *buf, size_t size);

/* ------------------------------------------------------------ builder --- */

struct dia_builder {
	uint8_t *buf;
	size_t cap, len;
	size_t open[DIA_MAX_DEPTH];	/* offsets of open grouped AVP headers */
	int depth;
	int err;			/* sticky: -1 after overflow or misuse */
};

void dia_build_init(struct dia_builder *b, uint8_t *buf, size_t cap, uint8_t flags,
		    uint32_t code, uint32_t app_id, uint32_t hbh, uint32_t e2e);
/* Raw AVP: flags as on the wire (V decides whether vendor is written). */
int dia_build_avp(struct dia_builder *b, uint32_t code, uint8_t flags, uint32_t vendor,
		  const void *data, size_t len);
/* An already encoded AVP (header included) as is, padded to 4 octets. */
int dia_build_raw(struct dia_builder *b, const void *avp, size_t len);
int dia_build_group_begin(struct dia_builder *b, uint32_t code, uint8_t flags,
			  uint32_t vendor);
int dia_build_group_end(struct dia_builder *b);
/* Close the message: returns its length, or -1 (overflow, open groups). */
int dia_build_finish(struct dia_builder *b);

/* Dictionary-driven helpers: flags from the entry (V if vendor, M unless
 * the rule is MUSTNOT).  They return -1 when the name is unknown or the
 * type does not match. */
int dia_put_u32(struct dia_builder *b, const char *name, uint32_t v);
int dia_put_u64(struct dia_builder *b, const char *name, uint64_t v);
int dia_put_i32(struct dia_builder *b, const char *name, int32_t v);
int dia_put_str(struct dia_builder *b, const char *name, const char *s);
int dia_put_bytes(struct dia_builder *b, const char *name, const void *data, size_t len);
int dia_put_address(struct dia_builder *b, const char *name, uint16_t family,
		    const void *addr, size_t len);
int dia_put_group(struct dia_builder *b, const char *name);	/* then ..._group_end */
uint8_t dia_def_flags(const struct dia_avp_def *d);

/* --------------------------------------------------------- dictionary --- */

const struct dia_avp_def *dia_dict_avp(uint32_t code, uint32_t vendor);
const struct dia_avp_def *dia_dict_avp_by_name(const char *name);
const struct dia_cmd_def *dia_dict_cmd(uint32_t code);
/* "Authentication-Information-Request" etc., or NULL */
const char *dia_dict_cmd_name(uint32_t code, int request);
const char *dia_dict_app_name(uint32_t app_id);
const char *dia_dict_type_name(enum dia_type t);
int dia_dict_type_by_name(const char *name);	/* enum dia_type or -1 */
const char *dia_dict_enum_name(const struct dia_avp_def *d, int64_t value);
int dia_dict_enum_value(const struct dia_avp_def *d, const char *name, int64_t *value);
/* "Success", "Protocol Error", ... for a Result-Code */
const char *dia_result_class(uint32_t result_code);
/* Walk every AVP entry (for tests and tools); returns NULL past the end. */
const struct dia_avp_def *dia_dict_avp_at(size_t i);

#endif
