/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Gy (RFC 4006 credit control, TS 32.299 6.4) between the gateway and the
 * OCS: CCR-I/U/T with Service-Context-Id 32251@3gpp.org and one
 * Multiple-Services-Credit-Control per rating group (Requested-, Used- and
 * Granted-Service-Unit, 3GPP-Reporting-Reason, Validity-Time,
 * Volume-Quota-Threshold, Final-Unit-Indication with TERMINATE,
 * RESTRICT_ACCESS and REDIRECT), Credit-Control-Failure-Handling and the
 * per-MSCC Result-Code; RAR (re-authorisation of some or all rating
 * groups) and ASR; and the OCS side for the emulator.  The credit
 * arithmetic that decides when to report is userspace/diameter/credit.h.
 * Pure functions, no I/O (dia_app.h).
 */
#ifndef AGW_PROTO_GY_H
#define AGW_PROTO_GY_H

#include "proto/dia_app.h"

#define GY_MAX_MSCC		16
#define GY_MAX_FILTERS		4
#define GY_SERVICE_CONTEXT	"32251@3gpp.org"	/* TS 32.251 (PS charging) */

enum { GY_INITIAL = 1, GY_UPDATE = 2, GY_TERMINATION = 3, GY_EVENT = 4 };
enum { GY_CCR = 272, GY_RAR = 258, GY_ASR = 274 };

/* Reporting-Reason (TS 32.299 7.2.175) */
enum {
	GY_RR_THRESHOLD = 0,
	GY_RR_QHT = 1,
	GY_RR_FINAL = 2,
	GY_RR_QUOTA_EXHAUSTED = 3,
	GY_RR_VALIDITY_TIME = 4,
	GY_RR_OTHER_QUOTA_TYPE = 5,
	GY_RR_RATING_CONDITION_CHANGE = 6,
	GY_RR_FORCED_REAUTHORISATION = 7,
	GY_RR_POOL_EXHAUSTED = 8,
	GY_RR_NONE = DIA_NO_REASON,
};

/* Final-Unit-Action (RFC 4006 8.35) */
enum { GY_FUA_TERMINATE = 0, GY_FUA_REDIRECT = 1, GY_FUA_RESTRICT_ACCESS = 2 };
/* Credit-Control-Failure-Handling (RFC 4006 8.14) */
enum { GY_CCFH_TERMINATE = 0, GY_CCFH_CONTINUE = 1, GY_CCFH_RETRY_AND_TERMINATE = 2 };
/* Redirect-Address-Type (RFC 4006 8.38) */
enum { GY_REDIRECT_IPV4 = 0, GY_REDIRECT_IPV6 = 1, GY_REDIRECT_URL = 2, GY_REDIRECT_SIP = 3 };
/* Result-Codes specific to credit control (RFC 4006 9.1) */
enum {
	GY_END_USER_SERVICE_DENIED = 4010,
	GY_CREDIT_CONTROL_NOT_APPLICABLE = 4011,
	GY_CREDIT_LIMIT_REACHED = 4012,
	GY_USER_UNKNOWN = 5030,
	GY_RATING_FAILED = 5031,
};

struct gy_fui {
	uint32_t action;		/* GY_FUA_* */
	int n_filter_ids;
	char filter_id[GY_MAX_FILTERS][DIA_NAME_MAX];
	int n_rules;
	char rule[GY_MAX_FILTERS][256];	/* Restriction-Filter-Rule (IPFilterRule) */
	bool has_redirect;
	uint32_t redirect_type;
	char redirect_addr[256];
};

/* One MSCC of a CCR */
struct gy_mscc_req {
	uint32_t rating_group;
	bool has_service_id;
	uint32_t service_id;
	bool rsu;			/* Requested-Service-Unit (empty when no units set) */
	struct dia_units rsu_units;
	bool has_usu;
	struct dia_units usu;
	uint32_t reason;		/* Reporting-Reason in the USU; GY_RR_NONE: none */
};

struct gy_ccr {
	uint32_t type, number;
	char imsi[DIA_IMSI_MAX];
	char msisdn[DIA_MSISDN_MAX];
	char apn[DIA_APN_MAX];
	bool has_ipv4;
	uint8_t ipv4[4];
	uint32_t charging_id;		/* 3GPP-Charging-Id, 0: absent */
	uint8_t rat;			/* 3GPP-RAT-Type (TS 29.061): 6 EUTRAN */
	char mcc_mnc[7];
	char imeisv[17];
	uint8_t uli[16];
	size_t uli_len;
	uint32_t event_time;		/* Event-Timestamp, NTP seconds; 0: absent */
	int n_mscc;
	struct gy_mscc_req mscc[GY_MAX_MSCC];
	uint32_t termination_cause;	/* CCR-T; 0: DIAMETER_LOGOUT */
};

/* One MSCC of a CCA */
struct gy_mscc_ans {
	uint32_t rating_group;
	bool has_service_id;
	uint32_t service_id;
	bool has_result;
	uint32_t result_code;
	bool has_gsu;
	struct dia_units gsu;
	bool has_validity;
	uint32_t validity_time;		/* seconds */
	bool has_vqt;
	uint32_t volume_threshold;	/* octets left at which to report */
	bool has_qht;
	uint32_t quota_holding_time;
	bool has_fui;
	struct gy_fui fui;
};

struct gy_cca {
	struct dia_result res;
	uint32_t type, number;
	bool has_ccfh;
	uint32_t ccfh;
	int n_mscc;
	struct gy_mscc_ans mscc[GY_MAX_MSCC];
};

/* RAR: which rating groups to re-authorise (none named: all) */
struct gy_rar {
	uint32_t reauth_type;
	bool has_rating_group;
	uint32_t rating_group;
	bool has_service_id;
	uint32_t service_id;
};

/* --------------------------------------------------- gateway (client) --- */

int gy_ccr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct gy_ccr *r);
int gy_cca_parse(const struct dia_msg *m, struct gy_cca *out, char *err, size_t size);
int gy_rar_parse(const struct dia_msg *m, struct gy_rar *out, char *err, size_t size);
/* The MSCC for rating_group in a CCA, or NULL */
const struct gy_mscc_ans *gy_cca_mscc(const struct gy_cca *a, uint32_t rating_group);

/* ------------------------------------------------------- OCS (server) --- */

int gy_ccr_parse(const struct dia_msg *m, struct gy_ccr *out, char *err, size_t size);
/* CCA contents after diam_answer_init(): application, type, number, MSCCs */
void gy_cca_put(struct dia_builder *b, const struct gy_cca *a);
int gy_rar_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct gy_rar *r);
int gy_asr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h);

#endif
