// SPDX-License-Identifier: GPL-2.0
/*
 * EPS mobility management message tables, TS 24.301 clause 8.2 (the IEs an
 * MME sends or receives; IEIs from the tables 8.2.x.1).  Mandatory rows come
 * first, in order; optional rows in table order.
 */
#include "proto/nas_tab.h"

#define MI_EPS(n)	M_LV(n, NAS_VT_EPS_MOBILE_ID, 4, 11)
#define O_GUTI(i, n)	O_TLV(i, n, NAS_VT_EPS_MOBILE_ID, 11, 11)
#define O_T3412_EXT	O_TLV(0x5e, "T3412 extended value", NAS_VT_GPRS_TIMER3, 1, 1)
#define O_T3324		O_TLV(0x6a, "T3324 value", NAS_VT_GPRS_TIMER2, 1, 1)
#define O_T3346		O_TLV(0x5f, "T3346 value", NAS_VT_GPRS_TIMER2, 1, 1)
#define O_T3448		O_TLV(0x6b, "T3448 value", NAS_VT_GPRS_TIMER2, 1, 1)
#define O_EDRX		O_TLV(0x6e, "Extended DRX parameters", NAS_VT_RAW, 1, 2)
#define O_EBC_STATUS	O_TLV(0x57, "EPS bearer context status", NAS_VT_EBC_STATUS, 2, 2)
#define O_DEV_PROPS	O_TV1(0xd0, "Device properties", NAS_VT_NUM)
#define O_EMM_CAUSE	O_TV(0x53, "EMM cause", NAS_VT_EMM_CAUSE, 1)
#define M_EMM_CAUSE	M_V("EMM cause", NAS_VT_EMM_CAUSE, 1)
#define M_KSI(n)	M_VH(n, NAS_VT_KSI)

/* 8.2.4 */
static const struct nas_ie_desc attach_request[] = {
	M_VH("EPS attach type", NAS_VT_ATTACH_TYPE),
	M_KSI("NAS key set identifier"),
	MI_EPS("EPS mobile identity"),
	M_LV("UE network capability", NAS_VT_UE_NET_CAP, 2, 13),
	M_LVE("ESM message container", NAS_VT_ESM_CONTAINER, 3, 65535),
	O_TV(0x19, "Old P-TMSI signature", NAS_VT_RAW, 3),
	O_GUTI(0x50, "Additional GUTI"),
	O_TV(0x52, "Last visited registered TAI", NAS_VT_TAI, 5),
	O_TV(0x5c, "DRX parameter", NAS_VT_RAW, 2),
	O_TLV(0x31, "MS network capability", NAS_VT_RAW, 2, 8),
	O_TV(0x13, "Old location area identification", NAS_VT_LAI, 5),
	O_TV1(0x90, "TMSI status", NAS_VT_NUM),
	O_TLV(0x11, "Mobile station classmark 2", NAS_VT_RAW, 3, 3),
	O_TLV(0x20, "Mobile station classmark 3", NAS_VT_RAW, 0, 32),
	O_TLV(0x40, "Supported Codecs", NAS_VT_RAW, 3, 255),
	O_TV1(0xf0, "Additional update type", NAS_VT_NUM),
	O_TLV(0x5d, "Voice domain preference and UE's usage setting", NAS_VT_RAW, 1, 1),
	O_DEV_PROPS,
	O_TV1(0xe0, "Old GUTI type", NAS_VT_NUM),
	O_TV1(0xc0, "MS network feature support", NAS_VT_NUM),
	O_TLV(0x10, "TMSI based NRI container", NAS_VT_RAW, 2, 2),
	O_T3324,
	O_T3412_EXT,
	O_EDRX,
	O_TLV(0x6f, "UE additional security capability", NAS_VT_RAW, 4, 4),
	O_TLV(0x6d, "UE status", NAS_VT_RAW, 1, 1),
	O_TV(0x17, "Additional information requested", NAS_VT_RAW, 1),
	O_TLV(0x32, "N1 UE network capability", NAS_VT_RAW, 1, 13),
};

/* 8.2.1 */
static const struct nas_ie_desc attach_accept[] = {
	M_VH("EPS attach result", NAS_VT_ATTACH_RESULT),
	SPARE_HALF,
	M_V("T3412 value", NAS_VT_GPRS_TIMER, 1),
	M_LV("TAI list", NAS_VT_TAI_LIST, 6, 96),
	M_LVE("ESM message container", NAS_VT_ESM_CONTAINER, 3, 65535),
	O_GUTI(0x50, "GUTI"),
	O_TV(0x13, "Location area identification", NAS_VT_LAI, 5),
	O_TLV(0x23, "MS identity", NAS_VT_MOBILE_ID, 1, 8),
	O_EMM_CAUSE,
	O_TV(0x17, "T3402 value", NAS_VT_GPRS_TIMER, 1),
	O_TV(0x59, "T3423 value", NAS_VT_GPRS_TIMER, 1),
	O_TLV(0x4a, "Equivalent PLMNs", NAS_VT_PLMN_LIST, 3, 45),
	O_TLV(0x34, "Emergency number list", NAS_VT_RAW, 3, 48),
	O_TLV(0x64, "EPS network feature support", NAS_VT_NET_FEATURES, 1, 2),
	O_TV1(0xf0, "Additional update result", NAS_VT_NUM),
	O_T3412_EXT,
	O_T3324,
	O_EDRX,
	O_TLV(0x65, "DCN-ID", NAS_VT_RAW, 2, 2),
	O_TV1(0xe0, "SMS services status", NAS_VT_NUM),
	O_TV1(0xd0, "Non-3GPP NW provided policies", NAS_VT_NUM),
	O_T3448,
	O_TV1(0xc0, "Network policy", NAS_VT_NUM),
	O_TLV(0x6c, "T3447 value", NAS_VT_GPRS_TIMER3, 1, 1),
	O_TLVE(0x7a, "Extended emergency number list", NAS_VT_RAW, 4, 65535),
	O_TLVE(0x7c, "Ciphering key data", NAS_VT_RAW, 32, 65535),
};

/* 8.2.2 */
static const struct nas_ie_desc attach_complete[] = {
	M_LVE("ESM message container", NAS_VT_ESM_CONTAINER, 3, 65535),
};

/* 8.2.3 */
static const struct nas_ie_desc attach_reject[] = {
	M_EMM_CAUSE,
	O_TLVE(0x78, "ESM message container", NAS_VT_ESM_CONTAINER, 3, 65535),
	O_T3346,
	O_TLV(0x16, "T3402 value", NAS_VT_GPRS_TIMER2, 1, 1),
	O_TV1(0xa0, "Extended EMM cause", NAS_VT_NUM),
};

/* 8.2.11.1 */
static const struct nas_ie_desc detach_request_ul[] = {
	M_VH("Detach type", NAS_VT_DETACH_TYPE),
	M_KSI("NAS key set identifier"),
	MI_EPS("EPS mobile identity"),
};

/* 8.2.11.2 */
static const struct nas_ie_desc detach_request_dl[] = {
	M_VH("Detach type", NAS_VT_DETACH_TYPE),
	SPARE_HALF,
	O_EMM_CAUSE,
};

/* 8.2.29 */
static const struct nas_ie_desc tau_request[] = {
	M_VH("EPS update type", NAS_VT_UPDATE_TYPE),
	M_KSI("NAS key set identifier"),
	M_LV("Old GUTI", NAS_VT_EPS_MOBILE_ID, 11, 11),
	O_TV1(0xb0, "Non-current native NAS key set identifier", NAS_VT_KSI),
	O_TV1(0x80, "GPRS ciphering key sequence number", NAS_VT_NUM),
	O_TV(0x19, "Old P-TMSI signature", NAS_VT_RAW, 3),
	O_GUTI(0x50, "Additional GUTI"),
	O_TV(0x55, "NonceUE", NAS_VT_RAW, 4),
	O_TLV(0x58, "UE network capability", NAS_VT_UE_NET_CAP, 2, 13),
	O_TV(0x52, "Last visited registered TAI", NAS_VT_TAI, 5),
	O_TV(0x5c, "DRX parameter", NAS_VT_RAW, 2),
	O_TV1(0xa0, "UE radio capability information update needed", NAS_VT_NUM),
	O_EBC_STATUS,
	O_TLV(0x31, "MS network capability", NAS_VT_RAW, 2, 8),
	O_TV(0x13, "Old location area identification", NAS_VT_LAI, 5),
	O_TV1(0x90, "TMSI status", NAS_VT_NUM),
	O_TLV(0x11, "Mobile station classmark 2", NAS_VT_RAW, 3, 3),
	O_TLV(0x20, "Mobile station classmark 3", NAS_VT_RAW, 0, 32),
	O_TLV(0x40, "Supported Codecs", NAS_VT_RAW, 3, 255),
	O_TV1(0xf0, "Additional update type", NAS_VT_NUM),
	O_TLV(0x5d, "Voice domain preference and UE's usage setting", NAS_VT_RAW, 1, 1),
	O_TV1(0xe0, "Old GUTI type", NAS_VT_NUM),
	O_DEV_PROPS,
	O_TV1(0xc0, "MS network feature support", NAS_VT_NUM),
	O_TLV(0x10, "TMSI based NRI container", NAS_VT_RAW, 2, 2),
	O_T3324,
	O_T3412_EXT,
	O_EDRX,
	O_TLV(0x6f, "UE additional security capability", NAS_VT_RAW, 4, 4),
	O_TLV(0x6d, "UE status", NAS_VT_RAW, 1, 1),
	O_TV(0x17, "Additional information requested", NAS_VT_RAW, 1),
	O_TLV(0x32, "N1 UE network capability", NAS_VT_RAW, 1, 13),
};

/* 8.2.26 */
static const struct nas_ie_desc tau_accept[] = {
	M_VH("EPS update result", NAS_VT_UPDATE_RESULT),
	SPARE_HALF,
	O_TV(0x5a, "T3412 value", NAS_VT_GPRS_TIMER, 1),
	O_GUTI(0x50, "GUTI"),
	O_TLV(0x54, "TAI list", NAS_VT_TAI_LIST, 6, 96),
	O_EBC_STATUS,
	O_TV(0x13, "Location area identification", NAS_VT_LAI, 5),
	O_TLV(0x23, "MS identity", NAS_VT_MOBILE_ID, 1, 8),
	O_EMM_CAUSE,
	O_TV(0x17, "T3402 value", NAS_VT_GPRS_TIMER, 1),
	O_TV(0x59, "T3423 value", NAS_VT_GPRS_TIMER, 1),
	O_TLV(0x4a, "Equivalent PLMNs", NAS_VT_PLMN_LIST, 3, 45),
	O_TLV(0x34, "Emergency number list", NAS_VT_RAW, 3, 48),
	O_TLV(0x64, "EPS network feature support", NAS_VT_NET_FEATURES, 1, 2),
	O_TV1(0xf0, "Additional update result", NAS_VT_NUM),
	O_T3412_EXT,
	O_T3324,
	O_EDRX,
	O_TLV(0x68, "Header compression configuration status", NAS_VT_RAW, 2, 2),
	O_TLV(0x65, "DCN-ID", NAS_VT_RAW, 2, 2),
	O_TV1(0xe0, "SMS services status", NAS_VT_NUM),
	O_TV1(0xd0, "Non-3GPP NW provided policies", NAS_VT_NUM),
	O_T3448,
	O_TV1(0xc0, "Network policy", NAS_VT_NUM),
	O_TLV(0x6c, "T3447 value", NAS_VT_GPRS_TIMER3, 1, 1),
	O_TLVE(0x7a, "Extended emergency number list", NAS_VT_RAW, 4, 65535),
	O_TLVE(0x7c, "Ciphering key data", NAS_VT_RAW, 32, 65535),
};

/* 8.2.28 */
static const struct nas_ie_desc tau_reject[] = {
	M_EMM_CAUSE,
	O_T3346,
	O_TV1(0xa0, "Extended EMM cause", NAS_VT_NUM),
};

/* 8.2.25: no message type octet; security header type 1100 */
static const struct nas_ie_desc service_request[] = {
	M_V("KSI and sequence number", NAS_VT_KSI_SEQ, 1),
	M_V("Message authentication code (short)", NAS_VT_SHORT_MAC, 2),
};

/* 8.2.15 */
static const struct nas_ie_desc ext_service_request[] = {
	M_VH("Service type", NAS_VT_SERVICE_TYPE),
	M_KSI("NAS key set identifier"),
	M_LV("M-TMSI", NAS_VT_MOBILE_ID, 5, 5),
	O_TV1(0xb0, "CSFB response", NAS_VT_NUM),
	O_EBC_STATUS,
	O_DEV_PROPS,
};

/* 8.2.24 */
static const struct nas_ie_desc service_reject[] = {
	M_EMM_CAUSE,
	O_TV(0x5b, "T3442 value", NAS_VT_GPRS_TIMER, 1),
	O_T3346,
	O_T3448,
};

/* 8.2.7 */
static const struct nas_ie_desc auth_request[] = {
	M_KSI("NAS key set identifierASME"),
	SPARE_HALF,
	M_V("Authentication parameter RAND (EPS challenge)", NAS_VT_RAND, 16),
	M_LV("Authentication parameter AUTN (EPS challenge)", NAS_VT_AUTN, 16, 16),
};

/* 8.2.8 */
static const struct nas_ie_desc auth_response[] = {
	M_LV("Authentication response parameter", NAS_VT_RES, 4, 16),
};

/* 8.2.5 */
static const struct nas_ie_desc auth_failure[] = {
	M_EMM_CAUSE,
	O_TLV(0x30, "Authentication failure parameter", NAS_VT_AUTS, 14, 14),
};

/* 8.2.18 */
static const struct nas_ie_desc identity_request[] = {
	M_VH("Identity type", NAS_VT_ID_TYPE),
	SPARE_HALF,
};

/* 8.2.19 */
static const struct nas_ie_desc identity_response[] = {
	M_LV("Mobile identity", NAS_VT_MOBILE_ID, 1, 9),
};

/* 8.2.20 */
static const struct nas_ie_desc smc[] = {
	M_V("Selected NAS security algorithms", NAS_VT_SEC_ALGS, 1),
	M_KSI("NAS key set identifier"),
	SPARE_HALF,
	M_LV("Replayed UE security capabilities", NAS_VT_UE_SEC_CAP, 2, 5),
	O_TV1(0xc0, "IMEISV request", NAS_VT_IMEISV_REQ),
	O_TV(0x55, "Replayed nonceUE", NAS_VT_RAW, 4),
	O_TV(0x56, "NonceMME", NAS_VT_RAW, 4),
	O_TLV(0x4f, "HashMME", NAS_VT_RAW, 8, 8),
	O_TLV(0x6f, "Replayed UE additional security capability", NAS_VT_RAW, 4, 4),
};

/* 8.2.21 */
static const struct nas_ie_desc smc_complete[] = {
	O_TLV(0x23, "IMEISV", NAS_VT_MOBILE_ID, 9, 9),
	O_TLVE(0x79, "Replayed NAS message container", NAS_VT_RAW, 1, 65535),
};

/* 8.2.22, 8.2.14 */
static const struct nas_ie_desc emm_cause_only[] = {
	M_EMM_CAUSE,
};

/* 8.2.16 */
static const struct nas_ie_desc guti_realloc_command[] = {
	M_LV("GUTI", NAS_VT_EPS_MOBILE_ID, 11, 11),
	O_TLV(0x54, "TAI list", NAS_VT_TAI_LIST, 6, 96),
	O_TLV(0x65, "DCN-ID", NAS_VT_RAW, 2, 2),
};

/* 8.2.13 */
static const struct nas_ie_desc emm_information[] = {
	O_TLV(0x43, "Full name for network", NAS_VT_NETWORK_NAME, 1, 255),
	O_TLV(0x45, "Short name for network", NAS_VT_NETWORK_NAME, 1, 255),
	O_TV(0x46, "Local time zone", NAS_VT_NUM, 1),
	O_TV(0x47, "Universal time and local time zone", NAS_VT_TIME_ZONE_TIME, 7),
	O_TLV(0x49, "Network daylight saving time", NAS_VT_NUM, 1, 1),
};

/* 8.2.12, 8.2.30 */
static const struct nas_ie_desc nas_transport[] = {
	M_LV("NAS message container", NAS_VT_RAW, 2, 251),
};

#define EMM(t, dir, n, tab, cl)	NAS_MSG(NAS_PD_EMM, t, dir, n, NULL, cl, tab)
#define EMM0(t, dir, n, cl)	NAS_MSG0(NAS_PD_EMM, t, dir, n, cl)

const struct nas_msg_desc nas_emm_msgs[] = {
	EMM(NAS_ATTACH_REQUEST, NAS_DIR_UL, "Attach request", attach_request, "8.2.4"),
	EMM(NAS_ATTACH_ACCEPT, NAS_DIR_DL, "Attach accept", attach_accept, "8.2.1"),
	EMM(NAS_ATTACH_COMPLETE, NAS_DIR_UL, "Attach complete", attach_complete, "8.2.2"),
	EMM(NAS_ATTACH_REJECT, NAS_DIR_DL, "Attach reject", attach_reject, "8.2.3"),
	NAS_MSG(NAS_PD_EMM, NAS_DETACH_REQUEST, NAS_DIR_UL, "Detach request",
		"UE originating detach", "8.2.11.1", detach_request_ul),
	NAS_MSG(NAS_PD_EMM, NAS_DETACH_REQUEST, NAS_DIR_DL, "Detach request",
		"UE terminated detach", "8.2.11.2", detach_request_dl),
	EMM0(NAS_DETACH_ACCEPT, NAS_DIR_ANY, "Detach accept", "8.2.10"),
	EMM(NAS_TAU_REQUEST, NAS_DIR_UL, "Tracking area update request", tau_request, "8.2.29"),
	EMM(NAS_TAU_ACCEPT, NAS_DIR_DL, "Tracking area update accept", tau_accept, "8.2.26"),
	EMM0(NAS_TAU_COMPLETE, NAS_DIR_UL, "Tracking area update complete", "8.2.27"),
	EMM(NAS_TAU_REJECT, NAS_DIR_DL, "Tracking area update reject", tau_reject, "8.2.28"),
	EMM(0, NAS_DIR_UL, "Service request", service_request, "8.2.25"),
	EMM(NAS_EXT_SERVICE_REQUEST, NAS_DIR_UL, "Extended service request",
	    ext_service_request, "8.2.15"),
	EMM(NAS_SERVICE_REJECT, NAS_DIR_DL, "Service reject", service_reject, "8.2.24"),
	EMM(NAS_GUTI_REALLOC_COMMAND, NAS_DIR_DL, "GUTI reallocation command",
	    guti_realloc_command, "8.2.16"),
	EMM0(NAS_GUTI_REALLOC_COMPLETE, NAS_DIR_UL, "GUTI reallocation complete", "8.2.17"),
	EMM(NAS_AUTH_REQUEST, NAS_DIR_DL, "Authentication request", auth_request, "8.2.7"),
	EMM(NAS_AUTH_RESPONSE, NAS_DIR_UL, "Authentication response", auth_response, "8.2.8"),
	EMM0(NAS_AUTH_REJECT, NAS_DIR_DL, "Authentication reject", "8.2.6"),
	EMM(NAS_AUTH_FAILURE, NAS_DIR_UL, "Authentication failure", auth_failure, "8.2.5"),
	EMM(NAS_IDENTITY_REQUEST, NAS_DIR_DL, "Identity request", identity_request, "8.2.18"),
	EMM(NAS_IDENTITY_RESPONSE, NAS_DIR_UL, "Identity response", identity_response,
	    "8.2.19"),
	EMM(NAS_SMC, NAS_DIR_DL, "Security mode command", smc, "8.2.20"),
	EMM(NAS_SMC_COMPLETE, NAS_DIR_UL, "Security mode complete", smc_complete, "8.2.21"),
	EMM(NAS_SMC_REJECT, NAS_DIR_UL, "Security mode reject", emm_cause_only, "8.2.22"),
	EMM(NAS_EMM_STATUS, NAS_DIR_ANY, "EMM status", emm_cause_only, "8.2.14"),
	EMM(NAS_EMM_INFORMATION, NAS_DIR_DL, "EMM information", emm_information, "8.2.13"),
	EMM(NAS_DL_NAS_TRANSPORT, NAS_DIR_DL, "Downlink NAS transport", nas_transport,
	    "8.2.12"),
	EMM(NAS_UL_NAS_TRANSPORT, NAS_DIR_UL, "Uplink NAS transport", nas_transport, "8.2.30"),
};

const unsigned int nas_emm_n_msgs = NAS_ARRAY_SIZE(nas_emm_msgs);
