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
#include "proto/s1ap_ie_list.h"
#include "proto/s1ap_type_list.h"

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

/* ProtocolIE-IDs (TS 36.413 9.3.6): S1AP_IE_MME_UE_S1AP_ID ... (s1ap_ie_list.h) */
#define S1AP_IE_ENUM_T(id, c, nm, ty)	S1AP_IE_##c = id,
#define S1AP_IE_ENUM_R(id, c, nm)	S1AP_IE_##c = id,
enum s1ap_ie_id { S1AP_IE_LIST(S1AP_IE_ENUM_T, S1AP_IE_ENUM_R) };

/* Type numbers: S1AP_TID_<id> for descriptor s1ap_t_<id> (s1ap_type_list.h) */
#define S1AP_TID_ENUM(id)	S1AP_TID_##id,
enum s1ap_tid { S1AP_TID_NONE, S1AP_TYPE_LIST(S1AP_TID_ENUM) S1AP_TID_COUNT };

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
	uint16_t tid;			/* enum s1ap_tid (S1AP_TID_NONE: not listed) */
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
/* Set up a value of type t: SEQ members allocated, SEQOF with n items. */
int s1ap_val_init(struct s1ap_arena *a, struct s1ap_val *v, const struct s1ap_type *t,
		  uint32_t n);
/* For text front ends (JSON): index of a named ENUM value or CHOICE
 * alternative or SEQ member, -1 if none. */
int s1ap_name_index(const struct s1ap_type *t, const char *name);

/* ---- compile-time keys ----
 * A key (s1ap_keys.h, generated by scripts/gen-proto-keys) names a member of
 * a SEQUENCE, an alternative of a CHOICE or a value of an ENUMERATED type:
 * S1AP_<TYPE>_<NAME>, TYPE the descriptor's C name (s1ap_t_global_enb_id:
 * GLOBAL_ENB_ID), NAME the ASN.1 name in capitals ("eNB-ID": ENB_ID), e.g.
 * S1AP_GLOBAL_ENB_ID_ENB_ID, S1AP_ENB_ID_MACROENB_ID,
 * S1AP_CAUSE_NAS_NORMAL_RELEASE.  It holds the type's number and the index:
 * a lookup is one comparison and one array index, and a key of another type
 * finds nothing.  S1AP_KEY_NONE (0) names nothing.
 */
#define S1AP_KEY(tid, i)	((unsigned int)(tid) << 8 | (unsigned int)(i))
#include "proto/s1ap_keys.h"

/* The type a key belongs to, its index in it and its ASN.1 name ("?"). */
const struct s1ap_type *s1ap_key_type(enum s1ap_key k);
static inline unsigned int s1ap_key_index(enum s1ap_key k) { return k & 0xff; }
const char *s1ap_key_name(enum s1ap_key k);
/* Member k of a SEQ value: NULL when absent (OPTIONAL) or v is not of k's type. */
const struct s1ap_val *s1ap_member_key(const struct s1ap_val *v, enum s1ap_key k);
/* Its slot, present or not (for building); NULL if v is not of k's type. */
struct s1ap_val *s1ap_member_slot_key(struct s1ap_val *v, enum s1ap_key k);
/* The selected alternative of a CHOICE value, S1AP_KEY_NONE when v is not a
 * listed CHOICE or holds an unknown extension alternative. */
enum s1ap_key s1ap_alt_key(const struct s1ap_val *choice);
/* The value of a CHOICE when alternative k is selected, else NULL. */
const struct s1ap_val *s1ap_alt_val(const struct s1ap_val *choice, enum s1ap_key k);
/* The value of an ENUMERATED value, S1AP_KEY_NONE for an unknown extension
 * value or another kind of value. */
enum s1ap_key s1ap_enum_key(const struct s1ap_val *v);

/*
 * DEPRECATED string lookups (a strcmp per member, a typo fails at run time),
 * kept only while userspace/agwd still calls them.  s1ap_member() and
 * s1ap_member_slot() take a key or, deprecated, a name.
 */
const struct s1ap_val *s1ap_member_name(const struct s1ap_val *v, const char *name);
struct s1ap_val *s1ap_member_slot_name(struct s1ap_val *v, const char *name);
#define S1AP_BY_KEY_OR_NAME(k, by_name, by_key) \
	_Generic((k), char *: by_name, const char *: by_name, default: by_key)
#define s1ap_member(v, k) S1AP_BY_KEY_OR_NAME(k, s1ap_member_name, s1ap_member_key)(v, k)
#define s1ap_member_slot(v, k) \
	S1AP_BY_KEY_OR_NAME(k, s1ap_member_slot_name, s1ap_member_slot_key)(v, k)

#endif
