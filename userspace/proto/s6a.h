/* SPDX-License-Identifier: GPL-2.0 */
/*
 * S6a (TS 29.272) messages as C structs: what the MME sends (AIR, ULR,
 * PUR, and the answers CLA/IDA/DSA/RSA) and reads (AIA vectors, ULA
 * Subscription-Data, PUA, and the HSS's CLR/IDR/DSR/RSR), plus the HSS
 * side of each for the emulator.  Result-Code and Experimental-Result map
 * to EMM causes as TS 29.272 Annex A asks (s6a_emm_cause).
 *
 *	struct s6a_air air = { .imsi = "001010000000001", .num_vectors = 1 };
 *	dia_plmn_encode("00101", air.plmn);
 *	n = s6a_air_build(buf, sizeof(buf), &hdr, &air);	-> diam_send(...)
 *	...
 *	struct s6a_aia aia;
 *	if (s6a_aia_parse(answer, &aia, err, sizeof(err)) == 0 && dia_result_ok(&aia.res))
 *		use aia.v[0 .. aia.n_vectors - 1]
 *
 * Pure functions, no I/O (dia_app.h).
 */
#ifndef AGW_PROTO_S6A_H
#define AGW_PROTO_S6A_H

#include "proto/dia_app.h"

#define S6A_MAX_VECTORS		5	/* Number-Of-Requested-Vectors 1..5 */
#define S6A_MAX_APN		8
#define S6A_MAX_CONTEXT_IDS	8
#define S6A_MAX_USER_IDS	8

/* Command codes */
enum { S6A_ULR = 316, S6A_CLR = 317, S6A_AIR = 318, S6A_IDR = 319, S6A_DSR = 320,
       S6A_PUR = 321, S6A_RSR = 322 };

/* Experimental-Result-Code values (TS 29.272 7.4) */
enum {
	S6A_ERROR_USER_UNKNOWN = 5001,
	S6A_ERROR_ROAMING_NOT_ALLOWED = 5004,
	S6A_ERROR_UNKNOWN_EPS_SUBSCRIPTION = 5420,
	S6A_ERROR_RAT_NOT_ALLOWED = 5421,
	S6A_ERROR_EQUIPMENT_UNKNOWN = 5422,
	S6A_ERROR_UNKNOWN_SERVING_NODE = 5423,
	S6A_AUTHENTICATION_DATA_UNAVAILABLE = 4181,
};

/* ULR-Flags (7.3.7) */
enum {
	S6A_ULR_SINGLE_REGISTRATION = 1 << 0,
	S6A_ULR_S6A_INDICATOR = 1 << 1,
	S6A_ULR_SKIP_SUBSCRIBER_DATA = 1 << 2,
	S6A_ULR_NODE_TYPE = 1 << 4,
	S6A_ULR_INITIAL_ATTACH = 1 << 5,
};
/* ULA-Flags (7.3.8): Separation Indication */
#define S6A_ULA_SEPARATION	1
/* CLR-Flags (7.3.152) */
enum { S6A_CLR_S6A_S6D = 1 << 0, S6A_CLR_REATTACH_REQUIRED = 1 << 1 };
/* DSR-Flags (7.3.25), the ones the MME acts on */
enum {
	S6A_DSR_COMPLETE_APN_WITHDRAWAL = 1 << 1,
	S6A_DSR_PDN_CONTEXTS_WITHDRAWAL = 1 << 3,
	S6A_DSR_PERIODIC_TAU_WITHDRAWAL = 1 << 14,
};
/* Cancellation-Type (7.3.24) */
enum { S6A_CT_MME_UPDATE = 0, S6A_CT_SGSN_UPDATE = 1, S6A_CT_SUBSCRIPTION_WITHDRAWAL = 2,
       S6A_CT_UPDATE_IWF = 3, S6A_CT_INITIAL_ATTACH = 4 };
/* PDN-Type (7.3.62) */
enum { S6A_PDN_IPV4 = 0, S6A_PDN_IPV6 = 1, S6A_PDN_IPV4V6 = 2, S6A_PDN_IPV4_OR_IPV6 = 3 };
/* RAT-Type (TS 29.212 5.3.31) */
#define S6A_RAT_EUTRAN	1004

struct s6a_vector {
	uint8_t rand[16];
	uint8_t xres[16];
	uint8_t xres_len;		/* 4..16 */
	uint8_t autn[16];
	uint8_t kasme[32];
};

struct s6a_air {
	char imsi[DIA_IMSI_MAX];
	uint8_t plmn[3];		/* Visited-PLMN-Id */
	uint32_t num_vectors;		/* 1..5 */
	bool immediate_response;
	bool resync;			/* Re-Synchronization-Info = RAND || AUTS */
	uint8_t rand[16];
	uint8_t auts[14];
};

struct s6a_aia {
	struct dia_result res;
	uint32_t error_diagnostic;
	bool has_error_diagnostic;
	int n_vectors;
	struct s6a_vector v[S6A_MAX_VECTORS];
};

struct s6a_ulr {
	char imsi[DIA_IMSI_MAX];
	uint8_t plmn[3];
	uint32_t flags;			/* ULR-Flags */
	uint32_t rat_type;		/* 1004 E-UTRAN */
	char imei[16];			/* Terminal-Information, "" if none */
	char sv[3];
	bool srvcc_supported;
	bool has_srvcc;
};

struct s6a_apn {
	uint32_t context_id;
	char apn[DIA_APN_MAX];		/* Service-Selection */
	uint32_t pdn_type;
	uint8_t qci;
	struct dia_arp arp;
	bool has_ambr;
	uint32_t ambr_ul, ambr_dl;	/* bits per second */
	bool has_ipv4, has_ipv6;	/* static addresses (Served-Party-IP-Address) */
	uint8_t ipv4[4];
	uint8_t ipv6[16];
	bool vplmn_dynamic_allowed;
};

struct s6a_subscription {
	bool has_msisdn;
	char msisdn[DIA_MSISDN_MAX];
	bool has_status;
	uint32_t subscriber_status;	/* 0 SERVICE_GRANTED, 1 OPERATOR_DETERMINED_BARRING */
	bool has_nam;
	uint32_t network_access_mode;	/* 0 PACKET_AND_CIRCUIT, 2 ONLY_PACKET */
	bool has_ard;
	uint32_t access_restriction;	/* Access-Restriction-Data bits (7.3.31) */
	bool has_ambr;
	uint32_t ambr_ul, ambr_dl;	/* UE-AMBR */
	bool has_tau_timer;
	uint32_t tau_timer;		/* Subscribed-Periodic-RAU-TAU-Timer, seconds */
	bool has_apn_profile;
	uint32_t default_context_id;
	bool all_apn_included;		/* All-APN-Configurations-Included-Indicator 0 */
	int n_apn;
	struct s6a_apn apn[S6A_MAX_APN];
};

struct s6a_ula {
	struct dia_result res;
	uint32_t error_diagnostic;
	bool has_error_diagnostic;
	uint32_t ula_flags;
	bool has_subscription;
	struct s6a_subscription sub;
};

struct s6a_pur {
	char imsi[DIA_IMSI_MAX];
	uint32_t flags;			/* PUR-Flags */
};

struct s6a_pua {
	struct dia_result res;
	uint32_t pua_flags;		/* bit 0: freeze M-TMSI */
};

/* Requests from the HSS */
struct s6a_clr {
	char imsi[DIA_IMSI_MAX];
	uint32_t cancellation_type;
	uint32_t flags;
};

struct s6a_idr {
	char imsi[DIA_IMSI_MAX];
	uint32_t flags;
	struct s6a_subscription sub;	/* only what it carries */
};

struct s6a_dsr {
	char imsi[DIA_IMSI_MAX];
	uint32_t flags;
	int n_context_ids;
	uint32_t context_ids[S6A_MAX_CONTEXT_IDS];
};

struct s6a_rsr {
	int n_user_ids;			/* leading IMSI digits; none: every subscriber */
	char user_ids[S6A_MAX_USER_IDS][DIA_IMSI_MAX];
};

/* ----------------------------------------------------- MME (client) --- */

int s6a_air_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_air *r);
int s6a_ulr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_ulr *r);
int s6a_pur_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_pur *r);

int s6a_aia_parse(const struct dia_msg *m, struct s6a_aia *out, char *err, size_t size);
int s6a_ula_parse(const struct dia_msg *m, struct s6a_ula *out, char *err, size_t size);
int s6a_pua_parse(const struct dia_msg *m, struct s6a_pua *out, char *err, size_t size);
int s6a_clr_parse(const struct dia_msg *m, struct s6a_clr *out, char *err, size_t size);
int s6a_idr_parse(const struct dia_msg *m, struct s6a_idr *out, char *err, size_t size);
int s6a_dsr_parse(const struct dia_msg *m, struct s6a_dsr *out, char *err, size_t size);
int s6a_rsr_parse(const struct dia_msg *m, struct s6a_rsr *out, char *err, size_t size);
/* Does imsi match one of the RSR's User-Ids (or is the list empty)? */
bool s6a_rsr_matches(const struct s6a_rsr *r, const char *imsi);

/*
 * The rest of an answer begun with diam_answer_init(): Vendor-Specific-
 * Application-Id and Auth-Session-State NO_STATE_MAINTAINED, then the
 * command's own flags where it has them (IDA-Flags, DSA-Flags; 0: none).
 */
void s6a_answer_put(struct dia_builder *b, uint32_t code, uint32_t flags);

/* Subscription-Data inside parent (-1: top level) into s: 0, 1 absent, -1 invalid */
int s6a_subscription_get(const struct dia_msg *m, int parent, struct s6a_subscription *s,
			 char *err, size_t size);
/* The APN configuration whose Context-Identifier is the default one, or NULL */
const struct s6a_apn *s6a_default_apn(const struct s6a_subscription *s);
/* IDR: merge what it carries into a stored profile (APNs by Context-Identifier) */
void s6a_subscription_merge(struct s6a_subscription *dst, const struct s6a_subscription *src);
/* DSR: withdraw what its flags and Context-Identifiers name */
void s6a_subscription_withdraw(struct s6a_subscription *s, const struct s6a_dsr *r);

/* ------------------------------------------ cause mapping (Annex A) --- */

struct s6a_cause_cfg {
	uint8_t user_unknown;		/* EMM cause for USER_UNKNOWN: 8 (default) or 2 */
};

/*
 * EMM cause for a failed AIA/ULA (TS 29.272 Annex A table A.1, attach and
 * TAU).  *transient is set for outcomes worth retrying later (4xxx,
 * AUTHENTICATION_DATA_UNAVAILABLE, delivery failures); cfg may be NULL.
 * error_diagnostic refines ROAMING_NOT_ALLOWED (ODB: #14, #19).
 */
uint8_t s6a_emm_cause(const struct dia_result *r, uint32_t error_diagnostic,
		      bool has_error_diagnostic, const struct s6a_cause_cfg *cfg, bool *transient);

/* What a CLR asks of the MME (TS 23.401 5.3.8.3/5.3.8.4, TS 29.272 5.2.1.2) */
struct s6a_clr_action {
	bool detach_ue;			/* send a NAS Detach Request */
	bool reattach_required;		/* detach type "re-attach required" */
	uint8_t emm_cause;		/* with "re-attach not required": the cause */
};
void s6a_clr_action(const struct s6a_clr *r, struct s6a_clr_action *out);

/* ---------------------------------------------------- HSS (server) --- */

int s6a_air_parse(const struct dia_msg *m, struct s6a_air *out, char *err, size_t size);
int s6a_ulr_parse(const struct dia_msg *m, struct s6a_ulr *out, char *err, size_t size);
int s6a_pur_parse(const struct dia_msg *m, struct s6a_pur *out, char *err, size_t size);
/* Authentication-Info with the vectors (Item-Number from 1) */
void s6a_put_vectors(struct dia_builder *b, const struct s6a_vector *v, int n);
void s6a_put_subscription(struct dia_builder *b, const struct s6a_subscription *s);
int s6a_clr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_clr *r);
int s6a_idr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_idr *r);
int s6a_dsr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_dsr *r);
int s6a_rsr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct s6a_rsr *r);

#endif
