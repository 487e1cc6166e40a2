/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Gx (TS 29.212) between the PCEF (agwd) and the PCRF: CCR-I/U/T built
 * from struct gx_ccr, CCA and RAR read into struct gx_policy (rules to
 * install, with predefined names or full Charging-Rule-Definitions, rules
 * to remove, APN-AMBR and default bearer QoS, event triggers,
 * Revalidation-Time, usage monitoring grants), RAA with
 * Charging-Rule-Report; and the PCRF side of each for the emulator.
 * Pure functions, no I/O (dia_app.h).
 */
#ifndef AGW_PROTO_GX_H
#define AGW_PROTO_GX_H

#include "proto/dia_app.h"

#define GX_MAX_RULES		16
#define GX_MAX_FLOWS		8
#define GX_MAX_TRIGGERS		16
#define GX_MAX_MONITORS		8
#define GX_FLOW_MAX		256	/* Flow-Description IPFilterRule text */

enum { GX_INITIAL = 1, GX_UPDATE = 2, GX_TERMINATION = 3 };	/* CC-Request-Type */
enum { GX_CCR = 272, GX_RAR = 258 };

/* Event-Trigger values (TS 29.212 5.3.7) used by agwd */
enum {
	GX_ET_QOS_CHANGE = 1,
	GX_ET_RAT_CHANGE = 2,
	GX_ET_LOSS_OF_BEARER = 5,
	GX_ET_RECOVERY_OF_BEARER = 6,
	GX_ET_USER_LOCATION_CHANGE = 13,
	GX_ET_NO_EVENT_TRIGGERS = 14,
	GX_ET_REVALIDATION_TIMEOUT = 17,
	GX_ET_UE_IP_ADDRESS_ALLOCATE = 18,
	GX_ET_UE_IP_ADDRESS_RELEASE = 19,
	GX_ET_DEFAULT_EPS_BEARER_QOS_CHANGE = 20,
	GX_ET_SUCCESSFUL_RESOURCE_ALLOCATION = 22,
	GX_ET_TAI_CHANGE = 26,
	GX_ET_ECGI_CHANGE = 27,
	GX_ET_USAGE_REPORT = 33,
};

/* Flow-Status (5.3.11), Flow-Direction (5.3.65) */
enum { GX_FS_ENABLED_UPLINK = 0, GX_FS_ENABLED_DOWNLINK = 1, GX_FS_ENABLED = 2,
       GX_FS_DISABLED = 3, GX_FS_REMOVED = 4 };
enum { GX_FD_UNSPECIFIED = 0, GX_FD_DOWNLINK = 1, GX_FD_UPLINK = 2, GX_FD_BIDIRECTIONAL = 3 };

/* PCC-Rule-Status (5.3.19) and Rule-Failure-Code (5.3.38) */
enum { GX_RULE_ACTIVE = 0, GX_RULE_INACTIVE = 1, GX_RULE_TEMPORARILY_INACTIVE = 2 };
enum {
	GX_RFC_UNKNOWN_RULE_NAME = 1,
	GX_RFC_RATING_GROUP_ERROR = 2,
	GX_RFC_SERVICE_IDENTIFIER_ERROR = 3,
	GX_RFC_GW_PCEF_MALFUNCTION = 4,
	GX_RFC_RESOURCES_LIMITATION = 5,
	GX_RFC_MAX_NR_BEARERS_REACHED = 6,
	GX_RFC_MISSING_FLOW_INFORMATION = 9,
	GX_RFC_RESOURCE_ALLOCATION_FAILURE = 10,
	GX_RFC_UNSUCCESSFUL_QOS_VALIDATION = 11,
	GX_RFC_INCORRECT_FLOW_INFORMATION = 12,
};

/* IP-CAN-Type 3GPP-EPS (5.3.27), Subscription-Id-Type (RFC 4006 8.47) */
#define GX_IP_CAN_3GPP_EPS	5
enum { GX_SUB_E164 = 0, GX_SUB_IMSI = 1 };

struct gx_qos {
	bool has_qci;
	uint8_t qci;
	bool has_arp;
	struct dia_arp arp;
	uint32_t mbr_ul, mbr_dl;	/* Max-Requested-Bandwidth, 0: absent */
	uint32_t gbr_ul, gbr_dl;	/* Guaranteed-Bitrate, 0: absent */
	uint32_t apn_ambr_ul, apn_ambr_dl;	/* 0: absent */
};

struct gx_flow {
	char desc[GX_FLOW_MAX];		/* "permit out ip from any to 10.0.0.1 80" */
	uint32_t direction;		/* GX_FD_*; 0 when absent */
};

struct gx_rule {
	char name[DIA_NAME_MAX];
	bool predefined;		/* Charging-Rule-Name only (or a base name) */
	bool base;			/* Charging-Rule-Base-Name */
	int n_flows;
	struct gx_flow flows[GX_MAX_FLOWS];
	bool has_flow_status;
	uint32_t flow_status;
	bool has_qos;
	struct gx_qos qos;
	bool has_rating_group;
	uint32_t rating_group;
	bool has_service_id;
	uint32_t service_id;
	char monitoring_key[DIA_NAME_MAX];	/* "" when absent */
	bool has_precedence;
	uint32_t precedence;
	bool has_online, has_offline;
	uint32_t online, offline;	/* 0 DISABLE, 1 ENABLE */
	bool has_metering;
	uint32_t metering_method;	/* 0 DURATION, 1 VOLUME, 2 DURATION_VOLUME */
	uint32_t bearer_id;		/* Bearer-Identifier from the CRI, 0 if none */
};

struct gx_usage {			/* Usage-Monitoring-Information */
	char key[DIA_NAME_MAX];
	struct dia_units u;		/* GSU in answers, USU in reports */
	uint32_t level;			/* 0 SESSION_LEVEL, 1 PCC_RULE_LEVEL */
	bool has_level;
	bool has_report;		/* Usage-Monitoring-Report 0 (USAGE_MONITORING_REPORT_REQUIRED) */
};

/* What a CCA or RAR asks of the PCEF */
struct gx_policy {
	int n_install;
	struct gx_rule install[GX_MAX_RULES];
	int n_remove;
	struct {
		char name[DIA_NAME_MAX];
		bool base;
	} remove[GX_MAX_RULES];
	bool has_qos;
	struct gx_qos qos;		/* QoS-Information: APN-AMBR (and bearer QoS) */
	bool has_default_qos;
	uint8_t default_qci;		/* Default-EPS-Bearer-QoS */
	struct dia_arp default_arp;
	int n_triggers;
	uint32_t triggers[GX_MAX_TRIGGERS];
	bool has_revalidation;
	uint32_t revalidation_time;	/* NTP seconds (Time) */
	int n_usage;
	struct gx_usage usage[GX_MAX_MONITORS];
	bool has_release_cause;
	uint32_t release_cause;		/* RAR Session-Release-Cause */
};

struct gx_rule_report {
	char name[DIA_NAME_MAX];
	uint32_t status;		/* PCC-Rule-Status */
	uint32_t failure_code;		/* Rule-Failure-Code, 0: none */
};

struct gx_ccr {
	uint32_t type, number;		/* CC-Request-Type, CC-Request-Number */
	char imsi[DIA_IMSI_MAX];
	char msisdn[DIA_MSISDN_MAX];	/* "" when not known */
	char apn[DIA_APN_MAX];		/* Called-Station-Id */
	bool has_ipv4;
	uint8_t ipv4[4];		/* Framed-IP-Address */
	bool has_ipv6;
	uint8_t ipv6_prefix[16];	/* Framed-IPv6-Prefix */
	uint8_t ipv6_len;
	uint32_t ip_can_type;		/* 0: 3GPP-EPS */
	uint32_t rat_type;		/* 0: EUTRAN (1004) */
	uint32_t apn_ambr_ul, apn_ambr_dl;	/* QoS-Information, 0: absent */
	uint8_t default_qci;		/* Default-EPS-Bearer-QoS, 0: absent */
	struct dia_arp default_arp;
	char imeisv[17];		/* User-Equipment-Info IMEISV, "" if none */
	uint8_t uli[16];		/* 3GPP-User-Location-Info */
	size_t uli_len;
	char mcc_mnc[7];		/* 3GPP-SGSN-MCC-MNC, "" if none */
	bool has_an_gw;
	uint8_t an_gw[4];		/* AN-GW-Address (the SGW) */
	uint32_t feature_list;		/* Supported-Features for Feature-List-ID 1, 0: none */
	int n_triggers;			/* Event-Trigger (CCR-U) */
	uint32_t triggers[GX_MAX_TRIGGERS];
	int n_usage;			/* Usage-Monitoring-Information with USU */
	struct gx_usage usage[GX_MAX_MONITORS];
	int n_reports;			/* Charging-Rule-Report */
	struct gx_rule_report reports[GX_MAX_RULES];
	uint32_t termination_cause;	/* CCR-T; 0: DIAMETER_LOGOUT (1) */
};

struct gx_cca {
	struct dia_result res;
	uint32_t type, number;
	struct gx_policy pol;
};

struct gx_rar {
	uint32_t reauth_type;
	struct gx_policy pol;
};

/* ---------------------------------------------------- PCEF (client) --- */

int gx_ccr_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct gx_ccr *r);
int gx_cca_parse(const struct dia_msg *m, struct gx_cca *out, char *err, size_t size);
int gx_rar_parse(const struct dia_msg *m, struct gx_rar *out, char *err, size_t size);
/* The rest of an RAA begun with diam_answer_init(): the rules that failed */
void gx_raa_put(struct dia_builder *b, const struct gx_rule_report *r, int n);
/* A rule that needs its own bearer: a QCI or ARP differing from the default's */
bool gx_rule_needs_bearer(const struct gx_rule *r, uint8_t default_qci,
			  const struct dia_arp *default_arp);

/* ---------------------------------------------------- PCRF (server) --- */

int gx_ccr_parse(const struct dia_msg *m, struct gx_ccr *out, char *err, size_t size);
/* CCA contents after diam_answer_init(): Auth-Application-Id, type, number, policy */
void gx_cca_put(struct dia_builder *b, uint32_t type, uint32_t number, const struct gx_policy *p);
int gx_rar_build(uint8_t *buf, size_t cap, const struct dia_req_hdr *h, const struct gx_policy *p);
/* Charging-Rule-Reports of an RAA or CCR-U */
int gx_reports_parse(const struct dia_msg *m, struct gx_rule_report *r, int max);
void gx_put_policy(struct dia_builder *b, const struct gx_policy *p);

#endif
