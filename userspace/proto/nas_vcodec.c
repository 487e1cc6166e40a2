// SPDX-License-Identifier: GPL-2.0
/*
 * Value codec registry: one entry per enum nas_vt.  One-octet (and
 * half-octet) values are described by their bit fields; everything with
 * more structure has its own codec in nas_ie_*.c.  Also the EMM and ESM
 * cause names (24.301 9.9.3.9, 9.9.4.4).
 */
#include <string.h>

#include "proto/nas_tab.h"

#define B(n, s, w)	{ n, s, w }
#define BEND		{ NULL, 0, 0 }

static const struct nas_bitf b_num[] = { B("value", 0, 8), BEND };
static const struct nas_bitf b_cause[] = { B("cause", 0, 8), BEND };
static const struct nas_bitf b_ksi[] = {
	B("NAS key set identifier", 0, 3), B("type of security context flag", 3, 1), BEND
};
static const struct nas_bitf b_attach_type[] = { B("EPS attach type value", 0, 3), BEND };
static const struct nas_bitf b_attach_result[] = { B("EPS attach result value", 0, 3), BEND };
static const struct nas_bitf b_detach_type[] = {
	B("type of detach", 0, 3), B("switch off", 3, 1), BEND
};
static const struct nas_bitf b_update_type[] = {
	B("EPS update type value", 0, 3), B("active flag", 3, 1), BEND
};
static const struct nas_bitf b_update_result[] = { B("EPS update result value", 0, 3), BEND };
static const struct nas_bitf b_service_type[] = { B("service type value", 0, 4), BEND };
static const struct nas_bitf b_id_type[] = { B("type of identity", 0, 3), BEND };
static const struct nas_bitf b_ksi_seq[] = {
	B("sequence number (short)", 0, 5), B("KSI", 5, 3), BEND
};
static const struct nas_bitf b_sec_algs[] = {
	B("type of integrity protection algorithm", 0, 3), B("type of ciphering algorithm", 4, 3),
	BEND
};
static const struct nas_bitf b_timer[] = { B("timer value", 0, 5), B("unit", 5, 3), BEND };
static const struct nas_bitf b_ebi[] = { B("EPS bearer identity", 0, 4), BEND };
static const struct nas_bitf b_pdn_type[] = { B("PDN type value", 0, 3), BEND };
static const struct nas_bitf b_request_type[] = { B("request type value", 0, 3), BEND };
static const struct nas_bitf b_imeisv_req[] = { B("IMEISV request value", 0, 3), BEND };
static const struct nas_bitf b_eit[] = { B("EIT", 0, 1), BEND };

static const struct nas_bitf *const bit_tables[NAS_VT_COUNT] = {
	[NAS_VT_NUM] = b_num,
	[NAS_VT_EMM_CAUSE] = b_cause,
	[NAS_VT_ESM_CAUSE] = b_cause,
	[NAS_VT_KSI] = b_ksi,
	[NAS_VT_ATTACH_TYPE] = b_attach_type,
	[NAS_VT_ATTACH_RESULT] = b_attach_result,
	[NAS_VT_DETACH_TYPE] = b_detach_type,
	[NAS_VT_UPDATE_TYPE] = b_update_type,
	[NAS_VT_UPDATE_RESULT] = b_update_result,
	[NAS_VT_SERVICE_TYPE] = b_service_type,
	[NAS_VT_ID_TYPE] = b_id_type,
	[NAS_VT_KSI_SEQ] = b_ksi_seq,
	[NAS_VT_SEC_ALGS] = b_sec_algs,
	[NAS_VT_GPRS_TIMER] = b_timer,
	[NAS_VT_GPRS_TIMER2] = b_timer,
	[NAS_VT_GPRS_TIMER3] = b_timer,
	[NAS_VT_EBI] = b_ebi,
	[NAS_VT_PDN_TYPE] = b_pdn_type,
	[NAS_VT_REQUEST_TYPE] = b_request_type,
	[NAS_VT_IMEISV_REQ] = b_imeisv_req,
	[NAS_VT_EIT_FLAG] = b_eit,
};

int nas_bits_dec(unsigned int vt, struct nas_bits *b, const uint8_t *v, size_t len,
		 struct nas_err *err)
{
	const struct nas_bitf *t = vt < NAS_VT_COUNT ? bit_tables[vt] : NULL;

	memset(b, 0, sizeof(*b));
	if (!t || len != 1) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
			 "one-octet value: length %zu (or no bit table)", len);
		return -1;
	}
	for (int i = 0; t[i].name && i < 4; i++)
		b->f[i] = (uint8_t)((v[0] >> t[i].shift) & ((1u << t[i].width) - 1));
	return 0;
}

int nas_bits_enc(unsigned int vt, const struct nas_bits *b, uint8_t *out, size_t max,
		 struct nas_err *err)
{
	const struct nas_bitf *t = vt < NAS_VT_COUNT ? bit_tables[vt] : NULL;
	unsigned int v = 0;

	if (!t || max < 1) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "one-octet value: no room or no bit table");
		return -1;
	}
	for (int i = 0; t[i].name && i < 4; i++) {
		if (b->f[i] >> t[i].width) {
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "%s: %u does not fit in %u bits",
				 t[i].name, b->f[i], t[i].width);
			return -1;
		}
		v |= (unsigned int)b->f[i] << t[i].shift;
	}
	out[0] = (uint8_t)v;
	return 1;
}

#define BITS_VC(vt, n)							\
	static int dec_##vt(void *st, const uint8_t *v, size_t len, struct nas_err *err) \
	{ return nas_bits_dec(vt, st, v, len, err); }			\
	static int enc_##vt(const void *st, uint8_t *out, size_t max, struct nas_err *err) \
	{ return nas_bits_enc(vt, st, out, max, err); }			\
	static const struct nas_vcodec vc_##vt = { n, sizeof(struct nas_bits), dec_##vt, \
						   enc_##vt, NULL, NULL }

BITS_VC(NAS_VT_NUM, "number");
BITS_VC(NAS_VT_EMM_CAUSE, "EMM cause");
BITS_VC(NAS_VT_ESM_CAUSE, "ESM cause");
BITS_VC(NAS_VT_KSI, "NAS key set identifier");
BITS_VC(NAS_VT_ATTACH_TYPE, "EPS attach type");
BITS_VC(NAS_VT_ATTACH_RESULT, "EPS attach result");
BITS_VC(NAS_VT_DETACH_TYPE, "Detach type");
BITS_VC(NAS_VT_UPDATE_TYPE, "EPS update type");
BITS_VC(NAS_VT_UPDATE_RESULT, "EPS update result");
BITS_VC(NAS_VT_SERVICE_TYPE, "Service type");
BITS_VC(NAS_VT_ID_TYPE, "Identity type 2");
BITS_VC(NAS_VT_KSI_SEQ, "KSI and sequence number");
BITS_VC(NAS_VT_SEC_ALGS, "NAS security algorithms");
BITS_VC(NAS_VT_GPRS_TIMER, "GPRS timer");
BITS_VC(NAS_VT_GPRS_TIMER2, "GPRS timer 2");
BITS_VC(NAS_VT_GPRS_TIMER3, "GPRS timer 3");
BITS_VC(NAS_VT_EBI, "EPS bearer identity");
BITS_VC(NAS_VT_PDN_TYPE, "PDN type");
BITS_VC(NAS_VT_REQUEST_TYPE, "Request type");
BITS_VC(NAS_VT_IMEISV_REQ, "IMEISV request");
BITS_VC(NAS_VT_EIT_FLAG, "ESM information transfer flag");

static const struct nas_vcodec *const codecs[NAS_VT_COUNT] = {
	[NAS_VT_NUM] = &vc_NAS_VT_NUM,
	[NAS_VT_EMM_CAUSE] = &vc_NAS_VT_EMM_CAUSE,
	[NAS_VT_ESM_CAUSE] = &vc_NAS_VT_ESM_CAUSE,
	[NAS_VT_KSI] = &vc_NAS_VT_KSI,
	[NAS_VT_ATTACH_TYPE] = &vc_NAS_VT_ATTACH_TYPE,
	[NAS_VT_ATTACH_RESULT] = &vc_NAS_VT_ATTACH_RESULT,
	[NAS_VT_DETACH_TYPE] = &vc_NAS_VT_DETACH_TYPE,
	[NAS_VT_UPDATE_TYPE] = &vc_NAS_VT_UPDATE_TYPE,
	[NAS_VT_UPDATE_RESULT] = &vc_NAS_VT_UPDATE_RESULT,
	[NAS_VT_SERVICE_TYPE] = &vc_NAS_VT_SERVICE_TYPE,
	[NAS_VT_ID_TYPE] = &vc_NAS_VT_ID_TYPE,
	[NAS_VT_KSI_SEQ] = &vc_NAS_VT_KSI_SEQ,
	[NAS_VT_SEC_ALGS] = &vc_NAS_VT_SEC_ALGS,
	[NAS_VT_GPRS_TIMER] = &vc_NAS_VT_GPRS_TIMER,
	[NAS_VT_GPRS_TIMER2] = &vc_NAS_VT_GPRS_TIMER2,
	[NAS_VT_GPRS_TIMER3] = &vc_NAS_VT_GPRS_TIMER3,
	[NAS_VT_EBI] = &vc_NAS_VT_EBI,
	[NAS_VT_PDN_TYPE] = &vc_NAS_VT_PDN_TYPE,
	[NAS_VT_REQUEST_TYPE] = &vc_NAS_VT_REQUEST_TYPE,
	[NAS_VT_IMEISV_REQ] = &vc_NAS_VT_IMEISV_REQ,
	[NAS_VT_EIT_FLAG] = &vc_NAS_VT_EIT_FLAG,
	[NAS_VT_EPS_MOBILE_ID] = &nas_vc_eps_mobile_id,
	[NAS_VT_MOBILE_ID] = &nas_vc_mobile_id,
	[NAS_VT_LAI] = &nas_vc_lai,
	[NAS_VT_TAI] = &nas_vc_tai,
	[NAS_VT_TAI_LIST] = &nas_vc_tai_list,
	[NAS_VT_PLMN_LIST] = &nas_vc_plmn_list,
	[NAS_VT_UE_NET_CAP] = &nas_vc_ue_net_cap,
	[NAS_VT_UE_SEC_CAP] = &nas_vc_ue_sec_cap,
	[NAS_VT_EPS_QOS] = &nas_vc_eps_qos,
	[NAS_VT_APN] = &nas_vc_apn,
	[NAS_VT_PDN_ADDR] = &nas_vc_pdn_addr,
	[NAS_VT_APN_AMBR] = &nas_vc_apn_ambr,
	[NAS_VT_TFT] = &nas_vc_tft,
	[NAS_VT_PCO] = &nas_vc_pco,
	[NAS_VT_RAND] = &nas_vc_rand,
	[NAS_VT_AUTN] = &nas_vc_autn,
	[NAS_VT_AUTS] = &nas_vc_auts,
	[NAS_VT_RES] = &nas_vc_res,
	[NAS_VT_SHORT_MAC] = &nas_vc_short_mac,
	[NAS_VT_EBC_STATUS] = &nas_vc_ebc_status,
	[NAS_VT_TIME_ZONE_TIME] = &nas_vc_tz_time,
	[NAS_VT_NETWORK_NAME] = &nas_vc_network_name,
};

const struct nas_vcodec *nas_vcodec_get(unsigned int vt)
{
	return vt < NAS_VT_COUNT ? codecs[vt] : NULL;
}

const struct nas_bitf *nas_vcodec_bits(unsigned int vt)
{
	return vt < NAS_VT_COUNT ? bit_tables[vt] : NULL;
}

/* Large enough for every codec's struct (TFT and PCO are the largest). */
union nas_any_value {
	struct nas_tft tft;
	struct nas_pco pco;
	struct nas_tai_list tai_list;
};

int nas_vcodec_lossless(unsigned int vt, const uint8_t *v, size_t len)
{
	const struct nas_vcodec *vc = nas_vcodec_get(vt);
	union nas_any_value st;
	uint8_t out[1024];
	int n;

	if (!vc)
		return -1;
	if (len > sizeof(out) || vc->size > sizeof(st))
		return 0;
	memset(&st, 0, sizeof(st));
	if (vc->dec(&st, v, len, NULL))
		return 0;
	n = vc->enc(&st, out, sizeof(out), NULL);
	return n >= 0 && (size_t)n == len && !memcmp(out, v, len);
}

/* ---------------------------------------------------------- causes --- */

static const char *const emm_causes[256] = {
	[2] = "IMSI unknown in HSS",
	[3] = "Illegal UE",
	[5] = "IMEI not accepted",
	[6] = "Illegal ME",
	[7] = "EPS services not allowed",
	[8] = "EPS services and non-EPS services not allowed",
	[9] = "UE identity cannot be derived by the network",
	[10] = "Implicitly detached",
	[11] = "PLMN not allowed",
	[12] = "Tracking Area not allowed",
	[13] = "Roaming not allowed in this tracking area",
	[14] = "EPS services not allowed in this PLMN",
	[15] = "No Suitable Cells In tracking area",
	[16] = "MSC temporarily not reachable",
	[17] = "Network failure",
	[18] = "CS domain not available",
	[19] = "ESM failure",
	[20] = "MAC failure",
	[21] = "Synch failure",
	[22] = "Congestion",
	[23] = "UE security capabilities mismatch",
	[24] = "Security mode rejected, unspecified",
	[25] = "Not authorized for this CSG",
	[26] = "Non-EPS authentication unacceptable",
	[31] = "Redirection to 5GCN required",
	[35] = "Requested service option not authorized in this PLMN",
	[39] = "CS service temporarily not available",
	[40] = "No EPS bearer context activated",
	[42] = "Severe network failure",
	[95] = "Semantically incorrect message",
	[96] = "Invalid mandatory information",
	[97] = "Message type non-existent or not implemented",
	[98] = "Message type not compatible with the protocol state",
	[99] = "Information element non-existent or not implemented",
	[100] = "Conditional IE error",
	[101] = "Message not compatible with the protocol state",
	[111] = "Protocol error, unspecified",
};

static const char *const esm_causes[256] = {
	[8] = "Operator Determined Barring",
	[26] = "Insufficient resources",
	[27] = "Missing or unknown APN",
	[28] = "Unknown PDN type",
	[29] = "User authentication or authorization failed",
	[30] = "Request rejected by Serving GW or PDN GW",
	[31] = "Request rejected, unspecified",
	[32] = "Service option not supported",
	[33] = "Requested service option not subscribed",
	[34] = "Service option temporarily out of order",
	[35] = "PTI already in use",
	[36] = "Regular deactivation",
	[37] = "EPS QoS not accepted",
	[38] = "Network failure",
	[39] = "Reactivation requested",
	[41] = "Semantic error in the TFT operation",
	[42] = "Syntactical error in the TFT operation",
	[43] = "Invalid EPS bearer identity",
	[44] = "Semantic errors in packet filter(s)",
	[45] = "Syntactical errors in packet filter(s)",
	[46] = "Unused (see NOTE 2)",
	[47] = "PTI mismatch",
	[49] = "Last PDN disconnection not allowed",
	[50] = "PDN type IPv4 only allowed",
	[51] = "PDN type IPv6 only allowed",
	[52] = "Single address bearers only allowed",
	[53] = "ESM information not received",
	[54] = "PDN connection does not exist",
	[55] = "Multiple PDN connections for a given APN not allowed",
	[56] = "Collision with network initiated request",
	[57] = "PDN type IPv4v6 only allowed",
	[58] = "PDN type non IP only allowed",
	[59] = "Unsupported QCI value",
	[60] = "Bearer handling not supported",
	[65] = "Maximum number of EPS bearers reached",
	[66] = "Requested APN not supported in current RAT and PLMN combination",
	[81] = "Invalid PTI value",
	[95] = "Semantically incorrect message",
	[96] = "Invalid mandatory information",
	[97] = "Message type non-existent or not implemented",
	[98] = "Message type not compatible with the protocol state",
	[99] = "Information element non-existent or not implemented",
	[100] = "Conditional IE error",
	[101] = "Message not compatible with the protocol state",
	[111] = "Protocol error, unspecified",
	[112] = "APN restriction value incompatible with active EPS bearer context",
	[113] = "Multiple accesses to a PDN connection not allowed",
};

const char *nas_emm_cause_name(uint8_t cause)
{
	return emm_causes[cause];
}

const char *nas_esm_cause_name(uint8_t cause)
{
	return esm_causes[cause];
}
