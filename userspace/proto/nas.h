/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NAS for EPS (3GPP TS 24.301): a table-driven codec for the EMM and ESM
 * messages of chapter 8, the security header of 9.3.1 and the NAS security
 * procedures of 4.4 (integrity, ciphering, NAS COUNT, replay protection).
 *
 * A plain message decodes into a struct nas_msg: the header fields and an
 * ordered list of IEs, each a (descriptor, value bytes) pair.  The value
 * bytes point into the decoded buffer (or into memory the builder owns), so
 * decoding copies nothing and re-encoding a decoded message gives the same
 * bytes.  Structured value codecs (nas_ie.h) turn value bytes into C structs
 * and back.
 *
 *   struct nas_msg m;
 *   struct nas_err e;
 *
 *   if (nas_decode(&m, buf, len, NAS_DIR_ANY, &e) < 0)
 *           send EMM status with cause e.cause; log e.msg
 *   ie = nas_ie(&m, NAS_ATTACH_REQUEST_EPS_MOBILE_IDENTITY);
 *
 * IEs are named by compile-time keys generated from the tables
 * (nas_keys.h): NAS_<MESSAGE>_<IE>.  The decoder (and nas_ie_add) keeps,
 * per table row, where its IE is in ie[], so nas_ie() is one array index;
 * a key of another message finds nothing.
 *
 * Nothing here allocates, does I/O or keeps global mutable state.
 */
#ifndef AGW_PROTO_NAS_H
#define AGW_PROTO_NAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* TS 24.007 11.2.3.1.1 protocol discriminators */
#define NAS_PD_ESM	0x2
#define NAS_PD_EMM	0x7

/* TS 24.301 9.3.1 security header types */
enum nas_sht {
	NAS_SHT_PLAIN = 0,
	NAS_SHT_INTEGRITY = 1,
	NAS_SHT_INTEGRITY_CIPHERED = 2,
	NAS_SHT_INTEGRITY_NEW_CTX = 3,
	NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX = 4,
	NAS_SHT_INTEGRITY_PARTIALLY_CIPHERED = 5,
	NAS_SHT_SERVICE_REQUEST = 12,	/* 13-15 are read as 12 */
};

/* Direction: who sends the message.  Also the DIRECTION bit of EIA/EEA. */
enum nas_dir {
	NAS_DIR_UL = 0,		/* UE to network */
	NAS_DIR_DL = 1,		/* network to UE */
	NAS_DIR_ANY = 2,	/* decoding: guess from the bytes where it matters */
};

/* Causes for the EMM/ESM status the receiver answers with (24.301 9.9.3.9,
 * 9.9.4.4; the values coincide for EMM and ESM). */
enum nas_err_cause {
	NAS_CAUSE_SEMANTIC = 95,		/* semantically incorrect message */
	NAS_CAUSE_INVALID_MANDATORY = 96,	/* invalid mandatory information */
	NAS_CAUSE_MSG_TYPE_UNKNOWN = 97,	/* message type non-existent */
	NAS_CAUSE_IE_UNKNOWN = 99,		/* IE non-existent / not implemented */
	NAS_CAUSE_CONDITIONAL_IE = 100,		/* conditional IE error */
	NAS_CAUSE_PROTOCOL = 111,		/* protocol error, unspecified */
};

/* Decoding/encoding error: where (byte offset) and why, and the cause the
 * MME answers with in an EMM/ESM status. */
struct nas_err {
	size_t off;
	uint8_t cause;
	char msg[200];
};

/* IE formats (TS 24.007 11.2.1.1) */
enum nas_fmt {
	NAS_FMT_V,	/* value only, fixed length */
	NAS_FMT_VH,	/* half-octet value (type 1 without IEI) */
	NAS_FMT_T,	/* type 2: IEI only */
	NAS_FMT_TV1,	/* type 1: IEI in bits 8-5, value in bits 4-1 */
	NAS_FMT_TV,	/* type 3: IEI + fixed-length value */
	NAS_FMT_LV,
	NAS_FMT_TLV,
	NAS_FMT_LVE,	/* 2-octet length */
	NAS_FMT_TLVE,
};

enum nas_presence { NAS_M, NAS_O, NAS_C };

/* One row of a message table (24.301 chapter 8). */
struct nas_ie_desc {
	const char *name;	/* as the spec's table spells it */
	uint8_t iei;		/* 0 for mandatory; type 1: IEI in bits 8-5 */
	uint8_t fmt;		/* enum nas_fmt */
	uint8_t presence;	/* enum nas_presence */
	uint8_t vt;		/* value codec, enum nas_vt (nas_ie.h) */
	uint16_t min, max;	/* value length bounds (without IEI and length) */
};

struct nas_msg_desc {
	uint8_t pd;
	uint8_t type;		/* message type (0 for the service request) */
	uint8_t dir;		/* enum nas_dir: who sends it (NAS_DIR_ANY: both) */
	uint8_t n_ies;
	const char *name;	/* "Attach request" */
	const char *variant;	/* "UE originating detach", or NULL */
	const char *clause;	/* "8.2.4" */
	const struct nas_ie_desc *ies;	/* mandatory rows first */
};

/* One IE of a decoded (or built) message. */
struct nas_ie {
	const struct nas_ie_desc *d;	/* NULL: unknown IE kept for re-encoding */
	const uint8_t *val;		/* value bytes (half octets: one byte 0-15) */
	uint16_t len;			/* value length */
	uint8_t iei;			/* IEI as received (type 1: bits 8-5) */
	uint8_t fmt;			/* enum nas_fmt, also for unknown IEs */
	uint8_t ignored;		/* repeated or syntactically wrong optional IE */
};

#define NAS_MAX_IES	48
#define NAS_MSG_MAX_ROWS 40	/* rows of the largest message table */

struct nas_msg {
	const struct nas_msg_desc *desc;
	uint8_t pd;
	uint8_t sht;		/* EMM: 0, or 12-15 for the service request */
	uint8_t ebi;		/* ESM: EPS bearer identity */
	uint8_t pti;		/* ESM: procedure transaction identity */
	uint8_t type;
	uint8_t n_ie;
	/* per row of desc: 1 + index in ie[] of its first IE not ignored, 0: absent
	 * (code that writes ie[] itself calls nas_msg_reindex() afterwards) */
	uint8_t slot[NAS_MSG_MAX_ROWS];
	struct nas_ie ie[NAS_MAX_IES];
};

/* Compile-time keys: NAS_MSG_<MESSAGE> and NAS_<MESSAGE>_<IE> */
#define NAS_IE_KEY(msg, row)	((unsigned int)(msg) << 8 | (unsigned int)(row))
#include "proto/nas_keys.h"

/* Message types (24.301 9.8) */
enum nas_emm_type {
	NAS_ATTACH_REQUEST = 0x41, NAS_ATTACH_ACCEPT = 0x42, NAS_ATTACH_COMPLETE = 0x43,
	NAS_ATTACH_REJECT = 0x44, NAS_DETACH_REQUEST = 0x45, NAS_DETACH_ACCEPT = 0x46,
	NAS_TAU_REQUEST = 0x48, NAS_TAU_ACCEPT = 0x49, NAS_TAU_COMPLETE = 0x4a,
	NAS_TAU_REJECT = 0x4b, NAS_EXT_SERVICE_REQUEST = 0x4c, NAS_SERVICE_REJECT = 0x4e,
	NAS_GUTI_REALLOC_COMMAND = 0x50, NAS_GUTI_REALLOC_COMPLETE = 0x51,
	NAS_AUTH_REQUEST = 0x52, NAS_AUTH_RESPONSE = 0x53, NAS_AUTH_REJECT = 0x54,
	NAS_IDENTITY_REQUEST = 0x55, NAS_IDENTITY_RESPONSE = 0x56, NAS_AUTH_FAILURE = 0x5c,
	NAS_SMC = 0x5d, NAS_SMC_COMPLETE = 0x5e, NAS_SMC_REJECT = 0x5f,
	NAS_EMM_STATUS = 0x60, NAS_EMM_INFORMATION = 0x61,
	NAS_DL_NAS_TRANSPORT = 0x62, NAS_UL_NAS_TRANSPORT = 0x63,
};

enum nas_esm_type {
	NAS_ACT_DEFAULT_REQUEST = 0xc1, NAS_ACT_DEFAULT_ACCEPT = 0xc2,
	NAS_ACT_DEFAULT_REJECT = 0xc3, NAS_ACT_DEDICATED_REQUEST = 0xc5,
	NAS_ACT_DEDICATED_ACCEPT = 0xc6, NAS_ACT_DEDICATED_REJECT = 0xc7,
	NAS_MODIFY_REQUEST = 0xc9, NAS_MODIFY_ACCEPT = 0xca, NAS_MODIFY_REJECT = 0xcb,
	NAS_DEACT_REQUEST = 0xcd, NAS_DEACT_ACCEPT = 0xce,
	NAS_PDN_CONN_REQUEST = 0xd0, NAS_PDN_CONN_REJECT = 0xd1,
	NAS_PDN_DISC_REQUEST = 0xd2, NAS_PDN_DISC_REJECT = 0xd3,
	NAS_BR_ALLOC_REQUEST = 0xd4, NAS_BR_ALLOC_REJECT = 0xd5,
	NAS_BR_MODIFY_REQUEST = 0xd6, NAS_BR_MODIFY_REJECT = 0xd7,
	NAS_ESM_INFO_REQUEST = 0xd9, NAS_ESM_INFO_RESPONSE = 0xda,
	NAS_ESM_STATUS = 0xe8,
};

/* ---- message tables */

/* Descriptor of (pd, type) for the sender dir (NAS_DIR_ANY: the first). */
const struct nas_msg_desc *nas_msg_desc_find(uint8_t pd, uint8_t type, unsigned int dir);
/* The table of a message key (NULL for a bad key). */
const struct nas_msg_desc *nas_msg_desc_of(enum nas_msg_key k);
/* The row an IE key names (NULL for a bad key). */
const struct nas_ie_desc *nas_ie_desc_of(enum nas_ie_key k);
/* The i-th descriptor of all tables (EMM then ESM, = enum nas_msg_key),
 * NULL past the end. */
const struct nas_msg_desc *nas_msg_desc_at(unsigned int i);
/* For text front ends (JSON): descriptor by spec name (and variant, may be
 * NULL), and the row of desc named name; NULL when unknown. */
const struct nas_msg_desc *nas_msg_desc_by_name(const char *name, const char *variant);
const struct nas_ie_desc *nas_ie_desc_find(const struct nas_msg_desc *desc, const char *name);

/* ---- plain messages */

/*
 * Decode a plain NAS message (security header type 0, or the service
 * request).  dir picks the format where the two directions differ (detach
 * request); NAS_DIR_ANY guesses from the length.  Returns 0, or -1 with err
 * filled (a security-protected message is an error here: see nas_sec_hdr).
 */
int nas_decode(struct nas_msg *m, const uint8_t *buf, size_t len, unsigned int dir,
	       struct nas_err *err);
/* Encode m into out; returns the length or -1 with err filled. */
int nas_encode(const struct nas_msg *m, uint8_t *out, size_t max, struct nas_err *err);

/* Start building a message (pd/type from desc; ebi/pti for ESM). */
void nas_msg_init(struct nas_msg *m, const struct nas_msg_desc *desc, uint8_t ebi, uint8_t pti);
/* The same by key: nas_msg_start(&m, NAS_MSG_ATTACH_COMPLETE, 0, 0); -1 for a bad key. */
int nas_msg_start(struct nas_msg *m, enum nas_msg_key k, uint8_t ebi, uint8_t pti);
/*
 * Add the IE of row k with value val (len bytes; half octets: one byte).
 * The bytes are not copied: they must live until nas_encode().  Optional IEs
 * are kept in table order.  Returns 0 or -1 (a key of another message, bad
 * length, full).  nas_ie_add(m, NAS_ATTACH_COMPLETE_ESM_MESSAGE_CONTAINER, ...)
 */
int nas_ie_add_key(struct nas_msg *m, enum nas_ie_key k, const uint8_t *val, size_t len,
		   struct nas_err *err);
/* The IE of row k (its first occurrence not ignored); NULL: absent, or k is
 * a key of another message.  O(1). */
const struct nas_ie *nas_ie(const struct nas_msg *m, enum nas_ie_key k);
/* Half-octet or one-octet value of the IE of row k: true and *v set, or
 * false when the IE is absent (or empty). */
bool nas_ie_byte(const struct nas_msg *m, enum nas_ie_key k, uint8_t *v);
/* Rebuild m->slot after writing m->ie[] directly. */
void nas_msg_reindex(struct nas_msg *m);

/*
 * DEPRECATED string lookups, kept only while userspace/agwd still calls
 * them: a linear strcmp over the IEs on every call, and a typo fails at
 * run time.  Use the keys above.  nas_ie_add() takes a key or (deprecated)
 * a name.
 */
int nas_ie_add_name(struct nas_msg *m, const char *name, const uint8_t *val, size_t len,
		    struct nas_err *err);
#define nas_ie_add(m, k, val, len, err)						\
	_Generic((k), char *: nas_ie_add_name, const char *: nas_ie_add_name,	\
		 default: nas_ie_add_key)(m, k, val, len, err)
/* First IE named name that was not ignored, or NULL (deprecated: nas_ie()). */
const struct nas_ie *nas_ie_get(const struct nas_msg *m, const char *name);
/* Value of the IE named name, or -1 if absent (deprecated: nas_ie_byte()). */
int nas_ie_u8(const struct nas_msg *m, const char *name);

/* ---- security header (24.301 9.3.1) */

struct nas_sec_hdr {
	uint8_t pd;
	uint8_t sht;		/* 1-5 */
	uint32_t mac;
	uint8_t sqn;
	const uint8_t *inner;	/* the (possibly ciphered) plain NAS message */
	size_t inner_len;
};

/* 1: protected (h filled), 0: plain or service request (use nas_decode),
 * -1: error. */
int nas_sec_hdr_decode(struct nas_sec_hdr *h, const uint8_t *buf, size_t len,
		       struct nas_err *err);
/* Header + inner bytes into out; returns the length or -1. */
int nas_sec_hdr_encode(const struct nas_sec_hdr *h, uint8_t *out, size_t max,
		       struct nas_err *err);

/* ---- NAS security (24.301 4.4, 33.401 annex B) */

/*
 * One direction pair of an EPS security context, from the point of view of
 * its owner: tx_count is the NAS COUNT (overflow << 8 | SQN) the next
 * protected message gets; rx_count the highest COUNT accepted from the peer
 * (meaningful once rx_valid is set).  The MME protects with NAS_DIR_DL and
 * unprotects with NAS_DIR_UL; a UE simulator the other way round.
 */
struct nas_sec_ctx {
	uint8_t k_nas_int[16];
	uint8_t k_nas_enc[16];
	uint8_t eia;		/* 0-3: EIA0..EIA3 */
	uint8_t eea;		/* 0-3: EEA0..EEA3 */
	uint32_t tx_count;
	uint32_t rx_count;
	uint8_t rx_valid;
};

enum nas_sec_error {
	NAS_SEC_OK = 0,
	NAS_SEC_EFORMAT,	/* not a protected message, truncated, bad header type */
	NAS_SEC_EMAC,		/* MAC does not verify */
	NAS_SEC_EREPLAY,	/* NAS COUNT already used */
	NAS_SEC_ECRYPTO,	/* algorithm not available */
	NAS_SEC_ESPACE,		/* output buffer too small */
};

/*
 * Protect plain (len bytes) with security header type sht (1-4) using
 * tx_count (incremented on success), for direction dir.  Writes header + MAC
 * + SQN + (ciphered for 2 and 4) message to out.  Returns the length or -1.
 */
int nas_protect(struct nas_sec_ctx *ctx, unsigned int dir, uint8_t sht, const uint8_t *plain,
		size_t len, uint8_t *out, size_t max, struct nas_err *err);
/*
 * Check and strip protection of in (security header types 1-5 and the
 * service request): estimate the NAS COUNT from the SQN, reject replays,
 * verify the MAC, decipher (2 and 4) into out.  On success rx_count is
 * updated and the length of the plain message is returned (for the service
 * request, the message itself is copied).  On error returns -1 and *sec_err
 * (if not NULL) says which check failed.
 */
int nas_unprotect(struct nas_sec_ctx *ctx, unsigned int dir, const uint8_t *in, size_t len,
		  uint8_t *out, size_t max, enum nas_sec_error *sec_err, struct nas_err *err);
/*
 * NAS COUNT estimate for a received SQN of sqn_bits bits (8, or 5 for the
 * service request) given the highest accepted COUNT (24.301 4.4.3.1): the
 * overflow counter is kept, or incremented when the SQN wrapped.
 */
uint32_t nas_count_estimate(uint32_t rx_count, int rx_valid, uint8_t sqn, unsigned int sqn_bits);

/* ---- helpers shared by the codec files */
void nas_errf(struct nas_err *err, size_t off, uint8_t cause, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
extern const uint8_t nas_nibble[16];

#endif
