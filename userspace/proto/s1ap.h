/* SPDX-License-Identifier: GPL-2.0 */
/*
 * S1AP (3GPP TS 36.413 v16.1.0) codec over APER (aper.h).
 *
 * Everything is driven by tables:
 *   - struct s1ap_type describes one ASN.1 type (s1ap_types.c);
 *   - struct s1ap_ie_info maps a ProtocolIE-ID to its name and type
 *     (s1ap_ies.c, from S1AP-Constants and S1AP-PDU-Contents);
 *   - struct s1ap_msg lists, per message, the IEs with their criticality and
 *     presence (s1ap_msgs.c, from S1AP-PDU-Contents).
 * One generic walker (s1ap_codec.c) decodes bytes into a tree of
 * struct s1ap_val and encodes a tree back; nothing is written per message.
 *
 * IEs whose id the message does not list, IEs whose type is not described
 * and every ProtocolExtensionField are kept as raw open-type bytes with
 * their id and criticality, so re-encoding gives the same bytes.
 * s1ap_check() then reports, per TS 36.413 10.3, which IEs were not
 * comprehended or are missing; s1ap_crit_diag() turns that list into a
 * CriticalityDiagnostics value for an Error Indication or a response.
 *
 * Memory: every value of a decoded or built PDU lives in one arena
 * (struct s1ap_arena); s1ap_arena_free() releases it all.  No I/O, no
 * global mutable state.
 */
#ifndef AGW_PROTO_S1AP_H
#define AGW_PROTO_S1AP_H

#include <stddef.h>
#include <stdint.h>

#include "proto/aper.h"

/* ---------------------------------------------------------- constants --- */

enum s1ap_pdu_kind {
	S1AP_INITIATING = 0,
	S1AP_SUCCESSFUL = 1,
	S1AP_UNSUCCESSFUL = 2,
};

enum s1ap_criticality { S1AP_REJECT = 0, S1AP_IGNORE = 1, S1AP_NOTIFY = 2 };
enum s1ap_presence { S1AP_OPTIONAL = 0, S1AP_CONDITIONAL = 1, S1AP_MANDATORY = 2 };

/* Procedure codes (TS 36.413 9.3.7, S1AP-Constants) */
enum s1ap_proc {
	S1AP_PROC_HANDOVER_PREPARATION = 0,
	S1AP_PROC_HANDOVER_RESOURCE_ALLOCATION = 1,
	S1AP_PROC_HANDOVER_NOTIFICATION = 2,
	S1AP_PROC_PATH_SWITCH_REQUEST = 3,
	S1AP_PROC_HANDOVER_CANCEL = 4,
	S1AP_PROC_E_RAB_SETUP = 5,
	S1AP_PROC_E_RAB_MODIFY = 6,
	S1AP_PROC_E_RAB_RELEASE = 7,
	S1AP_PROC_E_RAB_RELEASE_INDICATION = 8,
	S1AP_PROC_INITIAL_CONTEXT_SETUP = 9,
	S1AP_PROC_PAGING = 10,
	S1AP_PROC_DOWNLINK_NAS_TRANSPORT = 11,
	S1AP_PROC_INITIAL_UE_MESSAGE = 12,
	S1AP_PROC_UPLINK_NAS_TRANSPORT = 13,
	S1AP_PROC_RESET = 14,
	S1AP_PROC_ERROR_INDICATION = 15,
	S1AP_PROC_NAS_NON_DELIVERY_INDICATION = 16,
	S1AP_PROC_S1_SETUP = 17,
	S1AP_PROC_UE_CONTEXT_RELEASE_REQUEST = 18,
	S1AP_PROC_UE_CONTEXT_MODIFICATION = 21,
	S1AP_PROC_UE_CAPABILITY_INFO_INDICATION = 22,
	S1AP_PROC_UE_CONTEXT_RELEASE = 23,
	S1AP_PROC_ENB_STATUS_TRANSFER = 24,
	S1AP_PROC_MME_STATUS_TRANSFER = 25,
	S1AP_PROC_ENB_CONFIGURATION_UPDATE = 29,
	S1AP_PROC_MME_CONFIGURATION_UPDATE = 30,
	S1AP_PROC_ENB_CONFIGURATION_TRANSFER = 40,
	S1AP_PROC_MME_CONFIGURATION_TRANSFER = 41,
};

/* ProtocolIE-IDs used by the code (the full list is in s1ap_ies.c) */
enum s1ap_ie_id {
	S1AP_IE_MME_UE_S1AP_ID = 0,
	S1AP_IE_HANDOVER_TYPE = 1,
	S1AP_IE_CAUSE = 2,
	S1AP_IE_TARGET_ID = 4,
	S1AP_IE_ENB_UE_S1AP_ID = 8,
	S1AP_IE_E_RAB_TO_BE_SETUP_LIST_BEARER_SU_REQ = 16,
	S1AP_IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ = 24,
	S1AP_IE_NAS_PDU = 26,
	S1AP_IE_E_RAB_SETUP_LIST_BEARER_SU_RES = 28,
	S1AP_IE_E_RAB_TO_BE_RELEASED_LIST = 33,
	S1AP_IE_UE_PAGING_ID = 43,
	S1AP_IE_TAI_LIST = 46,
	S1AP_IE_E_RAB_SETUP_LIST_CTXT_SU_RES = 51,
	S1AP_IE_CRITICALITY_DIAGNOSTICS = 58,
	S1AP_IE_GLOBAL_ENB_ID = 59,
	S1AP_IE_ENB_NAME = 60,
	S1AP_IE_MME_NAME = 61,
	S1AP_IE_SUPPORTED_TAS = 64,
	S1AP_IE_TIME_TO_WAIT = 65,
	S1AP_IE_UE_AGGREGATE_MAXIMUM_BITRATE = 66,
	S1AP_IE_TAI = 67,
	S1AP_IE_SECURITY_KEY = 73,
	S1AP_IE_UE_RADIO_CAPABILITY = 74,
	S1AP_IE_GUMMEI_ID = 75,
	S1AP_IE_UE_IDENTITY_INDEX_VALUE = 80,
	S1AP_IE_RELATIVE_MME_CAPACITY = 87,
	S1AP_IE_RESET_TYPE = 92,
	S1AP_IE_S_TMSI = 96,
	S1AP_IE_UE_S1AP_IDS = 99,
	S1AP_IE_EUTRAN_CGI = 100,
	S1AP_IE_SERVED_GUMMEIS = 105,
	S1AP_IE_UE_SECURITY_CAPABILITIES = 107,
	S1AP_IE_CN_DOMAIN = 109,
	S1AP_IE_RRC_ESTABLISHMENT_CAUSE = 134,
	S1AP_IE_DEFAULT_PAGING_DRX = 137,
};

/* ------------------------------------------------------- descriptors --- */

enum s1ap_kind {
	S1AP_K_INT,		/* INTEGER (lb..ub[, ...]) */
	S1AP_K_ENUM,		/* ENUMERATED */
	S1AP_K_BOOL,		/* BOOLEAN */
	S1AP_K_NULL,		/* NULL */
	S1AP_K_BITS,		/* BIT STRING (SIZE (lb..ub[, ...])) */
	S1AP_K_OCTETS,		/* OCTET STRING (SIZE ...) */
	S1AP_K_PRINTABLE,	/* PrintableString (SIZE ...), 8 bits a character */
	S1AP_K_SEQ,		/* SEQUENCE */
	S1AP_K_SEQOF,		/* SEQUENCE (SIZE (lb..ub)) OF elem */
	S1AP_K_CHOICE,		/* CHOICE */
	S1AP_K_FIELD,		/* ProtocolIE-Field / ProtocolExtensionField */
	S1AP_K_RAW,		/* open-type contents kept as bytes */
};

#define S1AP_UNBOUNDED	UINT64_MAX

struct s1ap_type;

struct s1ap_member {
	const char *name;
	const struct s1ap_type *type;
	uint8_t optional;
};

struct s1ap_type {
	const char *name;
	uint8_t kind;			/* enum s1ap_kind */
	uint8_t ext;			/* "..." or an extensible constraint */
	uint16_t n_root;		/* SEQ/CHOICE members, ENUM values in the root */
	uint16_t n;			/* all members / all named ENUM values */
	uint64_t lb, ub;		/* INT: values; strings, SEQOF: size */
	const struct s1ap_member *m;	/* SEQ/CHOICE */
	const char *const *names;	/* ENUM */
	const struct s1ap_type *elem;	/* SEQOF */
	uint8_t ext_field;		/* FIELD: a ProtocolExtensionField (values kept raw) */
};

/* IE id -> name and value type (NULL type: kept raw) */
struct s1ap_ie_info {
	uint16_t id;
	const char *name;
	const struct s1ap_type *type;
};

struct s1ap_msg_ie {
	uint16_t id;
	uint8_t criticality;		/* enum s1ap_criticality */
	uint8_t presence;		/* enum s1ap_presence */
};

struct s1ap_msg {
	uint8_t proc;
	uint8_t kind;			/* enum s1ap_pdu_kind */
	const char *name;		/* e.g. "S1SetupRequest" */
	const struct s1ap_msg_ie *ies;
	unsigned int n_ies;
};

struct s1ap_proc_info {
	uint8_t code;
	uint8_t criticality;
	const char *name;		/* e.g. "S1Setup" */
};

/* ------------------------------------------------------------ values --- */

/*
 * One decoded value.  t == NULL means absent (an OPTIONAL member).
 *   INT, BOOL:    u
 *   ENUM:         u = index (>= n_root: extension value u - n_root)
 *   BITS:         p, bits (n = octets)
 *   OCTETS, PRINTABLE, RAW: p, n
 *   SEQ:          v[0..t->n-1] members; v[t->n..t->n+n_unknown-1] unknown
 *                 extension additions (RAW or absent); bits = length of the
 *                 extension bitmap received (0: no extension bit)
 *   SEQOF:        v[0..n-1]
 *   CHOICE:       u = alternative (>= n_root: extension), v[0] its value
 *                 (RAW for an unknown extension alternative)
 *   FIELD:        u = id, crit, v[0] the value (RAW when not understood)
 */
struct s1ap_val {
	const struct s1ap_type *t;
	uint64_t u;
	const uint8_t *p;
	struct s1ap_val *v;
	uint32_t n;
	uint32_t bits;
	uint8_t crit;
	uint8_t understood;		/* FIELD: value decoded with its type */
};

struct s1ap_arena_chunk;

struct s1ap_arena {
	struct s1ap_arena_chunk *head;
	size_t used;
	size_t limit;			/* 0: 16 MiB */
};

void *s1ap_alloc(struct s1ap_arena *a, size_t n);
void s1ap_arena_free(struct s1ap_arena *a);

struct s1ap_pdu {
	uint8_t kind;			/* enum s1ap_pdu_kind */
	uint8_t proc;
	uint8_t crit;			/* criticality of the PDU header */
	const struct s1ap_msg *msg;	/* NULL: procedure or outcome unknown */
	struct s1ap_val body;		/* SEQ message body, or RAW when msg == NULL */
	struct s1ap_arena *arena;
};

/* ---------------------------------------------------------------- API --- */

/* Lookups (NULL when unknown) */
const struct s1ap_proc_info *s1ap_proc_info(unsigned int code);
const struct s1ap_msg *s1ap_msg_find(unsigned int proc, unsigned int kind);
const struct s1ap_msg *s1ap_msg_by_name(const char *name);
const struct s1ap_ie_info *s1ap_ie_info(unsigned int id);
const struct s1ap_msg_ie *s1ap_msg_ie(const struct s1ap_msg *m, unsigned int id);
const char *s1ap_kind_name(unsigned int kind);
const char *s1ap_crit_name(unsigned int crit);
extern const struct s1ap_type s1ap_t_msg_body, s1ap_t_raw, s1ap_t_criticality_diagnostics;

/*
 * Decode one S1AP-PDU.  Returns 0, or -1 with ctx->err saying where and why
 * (transfer syntax error, TS 36.413 10.2).  The PDU's values live in arena.
 */
int s1ap_decode(struct s1ap_pdu *pdu, struct s1ap_arena *arena, struct aper_ctx *ctx,
		const uint8_t *buf, size_t len);
/* Encode; returns the number of octets, or -1 with ctx->err. */
long s1ap_encode(const struct s1ap_pdu *pdu, struct aper_ctx *ctx, uint8_t *buf, size_t cap);

/* Generic value coding (used by s1ap_decode/encode and by tests). */
int s1ap_val_decode(struct aper_dec *d, struct s1ap_arena *a, const struct s1ap_type *t,
		    struct s1ap_val *v);
int s1ap_val_encode(struct aper_enc *e, const struct s1ap_val *v);

/* ---- abstract syntax checks (TS 36.413 10.3) ---- */
enum s1ap_error_type { S1AP_ERR_NOT_UNDERSTOOD = 0, S1AP_ERR_MISSING = 1 };

struct s1ap_diag {
	uint16_t ie_id;
	uint8_t ie_crit;		/* criticality of the IE (received or specified) */
	uint8_t type;			/* enum s1ap_error_type */
};

struct s1ap_check_result {
	int unknown_proc;		/* 10.3.4.1: procedure code or outcome not comprehended */
	int reject;			/* 1: the procedure must be rejected */
	unsigned int n;			/* diagnostics (the ones to report, see s1ap.c) */
	struct s1ap_diag d[16];
};

void s1ap_check(const struct s1ap_pdu *pdu, struct s1ap_check_result *r);
/* Build a CriticalityDiagnostics value from the check result. */
int s1ap_crit_diag(struct s1ap_arena *a, const struct s1ap_pdu *pdu,
		   const struct s1ap_check_result *r, struct s1ap_val *out);

/* ---- building and reading messages ---- */
/* Start an empty message of the given procedure and kind. */
int s1ap_pdu_init(struct s1ap_pdu *pdu, struct s1ap_arena *a, unsigned int proc,
		  unsigned int kind);
/* Append an IE (criticality from the message table); returns its value slot. */
struct s1ap_val *s1ap_ie_add(struct s1ap_pdu *pdu, unsigned int id);
/* First IE with this id, NULL when absent or not understood. */
const struct s1ap_val *s1ap_ie_find(const struct s1ap_pdu *pdu, unsigned int id);
/* Member of a SEQ by name (NULL when absent). */
const struct s1ap_val *s1ap_member(const struct s1ap_val *v, const char *name);
/* Set up a value of type t: SEQ members allocated, SEQOF with n items. */
int s1ap_val_init(struct s1ap_arena *a, struct s1ap_val *v, const struct s1ap_type *t,
		  uint32_t n);
/* Member slot of a SEQ value by name (for building), NULL if no such member. */
struct s1ap_val *s1ap_member_slot(struct s1ap_val *v, const char *name);
/* Index of a named ENUM value or CHOICE alternative, -1 if none. */
int s1ap_name_index(const struct s1ap_type *t, const char *name);

#endif
