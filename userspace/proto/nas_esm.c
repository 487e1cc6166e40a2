// SPDX-License-Identifier: GPL-2.0
/*
 * EPS session management message tables, TS 24.301 clause 8.3, and the
 * lookups over both EMM and ESM tables.
 */
#include <string.h>

#include "proto/nas_tab.h"

#define M_ESM_CAUSE	M_V("ESM cause", NAS_VT_ESM_CAUSE, 1)
#define M_QOS(n)	M_LV(n, NAS_VT_EPS_QOS, 1, 13)
#define M_TFT(n)	M_LV(n, NAS_VT_TFT, 1, 255)
#define M_LINKED_EBI	M_VH("Linked EPS bearer identity", NAS_VT_EBI)
#define O_BACKOFF	O_TLV(0x37, "Back-off timer value", NAS_VT_GPRS_TIMER3, 1, 1)
#define O_REATTEMPT	O_TLV(0x6b, "Re-attempt indicator", NAS_VT_RAW, 1, 1)
#define O_WLAN_OFFLOAD	O_TV1(0xc0, "WLAN offload indication", NAS_VT_NUM)
#define O_HC_CONFIG	O_TLV(0x66, "Header compression configuration", NAS_VT_RAW, 3, 255)
#define O_EXT_QOS	O_TLV(0x5c, "Extended EPS QoS", NAS_VT_RAW, 10, 10)
#define O_EXT_AMBR	O_TLV(0x5f, "Extended APN aggregate maximum bit rate", NAS_VT_RAW, 6, 6)
#define O_AMBR		O_TLV(0x5e, "APN-AMBR", NAS_VT_APN_AMBR, 2, 6)
#define O_TI		O_TLV(0x5d, "Transaction identifier", NAS_VT_RAW, 1, 2)
#define O_NEG_QOS(n)	O_TLV(0x30, n, NAS_VT_RAW, 12, 20)
#define O_LLC_SAPI	O_TV(0x32, "Negotiated LLC SAPI", NAS_VT_NUM, 1)
#define O_RADIO_PRIO	O_TV1(0x80, "Radio priority", NAS_VT_NUM)
#define O_PFI		O_TLV(0x34, "Packet flow Identifier", NAS_VT_RAW, 1, 1)
#define O_DEV_PROPS	O_TV1(0xc0, "Device properties", NAS_VT_NUM)

/* 8.3.20 */
static const struct nas_ie_desc pdn_conn_request[] = {
	M_VH("Request type", NAS_VT_REQUEST_TYPE),
	M_VH("PDN type", NAS_VT_PDN_TYPE),
	O_TV1(0xd0, "ESM information transfer flag", NAS_VT_EIT_FLAG),
	O_TLV(0x28, "Access point name", NAS_VT_APN, 1, 100),
	O_PCO,
	O_DEV_PROPS,
	O_NBIFOM,
	O_HC_CONFIG,
	O_EPCO,
};

/* 8.3.19, 8.3.7, 8.3.9 */
static const struct nas_ie_desc reject_backoff[] = {
	M_ESM_CAUSE,
	O_PCO,
	O_BACKOFF,
	O_REATTEMPT,
	O_NBIFOM,
	O_EPCO,
};

/* 8.3.12 */
static const struct nas_ie_desc pdn_disc_request[] = {
	M_LINKED_EBI,
	SPARE_HALF,
	O_PCO,
	O_EPCO,
};

/* 8.3.11, 8.3.5 */
static const struct nas_ie_desc cause_pco[] = {
	M_ESM_CAUSE,
	O_PCO,
	O_EPCO,
};

/* 8.3.4, 8.3.11 */
static const struct nas_ie_desc pco_only[] = {
	O_PCO,
	O_EPCO,
};

/* 8.3.6 */
static const struct nas_ie_desc act_default_request[] = {
	M_QOS("EPS quality of service"),
	M_LV("Access point name", NAS_VT_APN, 1, 100),
	M_LV("PDN address", NAS_VT_PDN_ADDR, 1, 13),
	O_TI,
	O_NEG_QOS("Negotiated QoS"),
	O_LLC_SAPI,
	O_RADIO_PRIO,
	O_PFI,
	O_AMBR,
	O_TV(0x58, "ESM cause", NAS_VT_ESM_CAUSE, 1),
	O_PCO,
	O_TV1(0xb0, "Connectivity type", NAS_VT_NUM),
	O_WLAN_OFFLOAD,
	O_NBIFOM,
	O_HC_CONFIG,
	O_TV1(0x90, "Control plane only indication", NAS_VT_NUM),
	O_EPCO,
	O_TLV(0x6e, "Serving PLMN rate control", NAS_VT_RAW, 2, 2),
	O_EXT_AMBR,
};

/* 8.3.3 */
static const struct nas_ie_desc act_dedicated_request[] = {
	M_LINKED_EBI,
	SPARE_HALF,
	M_QOS("EPS QoS"),
	M_TFT("TFT"),
	O_TI,
	O_NEG_QOS("Negotiated QoS"),
	O_LLC_SAPI,
	O_RADIO_PRIO,
	O_PFI,
	O_PCO,
	O_WLAN_OFFLOAD,
	O_NBIFOM,
	O_EPCO,
	O_EXT_QOS,
};

/* 8.3.1, 8.3.16 */
static const struct nas_ie_desc pco_nbifom[] = {
	O_PCO,
	O_NBIFOM,
	O_EPCO,
};

/* 8.3.2, 8.3.17 */
static const struct nas_ie_desc cause_pco_nbifom[] = {
	M_ESM_CAUSE,
	O_PCO,
	O_NBIFOM,
	O_EPCO,
};

/* 8.3.18 */
static const struct nas_ie_desc modify_request[] = {
	O_TLV(0x5b, "New EPS QoS", NAS_VT_EPS_QOS, 1, 13),
	O_TLV(0x36, "TFT", NAS_VT_TFT, 1, 255),
	O_NEG_QOS("New QoS"),
	O_LLC_SAPI,
	O_RADIO_PRIO,
	O_PFI,
	O_AMBR,
	O_PCO,
	O_WLAN_OFFLOAD,
	O_NBIFOM,
	O_HC_CONFIG,
	O_EPCO,
	O_EXT_AMBR,
	O_EXT_QOS,
};

/* 8.3.12 */
static const struct nas_ie_desc deact_request[] = {
	M_ESM_CAUSE,
	O_PCO,
	O_TLV(0x37, "T3396 value", NAS_VT_GPRS_TIMER3, 1, 1),
	O_WLAN_OFFLOAD,
	O_NBIFOM,
	O_EPCO,
};

/* 8.3.8 */
static const struct nas_ie_desc br_alloc_request[] = {
	M_LINKED_EBI,
	SPARE_HALF,
	M_TFT("Traffic flow aggregate"),
	M_QOS("Required traffic flow QoS"),
	O_PCO,
	O_DEV_PROPS,
	O_NBIFOM,
	O_EPCO,
	O_EXT_QOS,
};

/* 8.3.10 */
static const struct nas_ie_desc br_modify_request[] = {
	M_VH("EPS bearer identity for packet filter", NAS_VT_EBI),
	SPARE_HALF,
	M_TFT("Traffic flow aggregate"),
	O_TLV(0x5b, "Required traffic flow QoS", NAS_VT_EPS_QOS, 1, 13),
	O_TV(0x58, "ESM cause", NAS_VT_ESM_CAUSE, 1),
	O_PCO,
	O_DEV_PROPS,
	O_NBIFOM,
	O_HC_CONFIG,
	O_EPCO,
	O_EXT_QOS,
};

/* 8.3.14 */
static const struct nas_ie_desc esm_info_response[] = {
	O_TLV(0x28, "Access point name", NAS_VT_APN, 1, 100),
	O_PCO,
	O_EPCO,
};

/* 8.3.15 */
static const struct nas_ie_desc esm_status[] = {
	M_ESM_CAUSE,
};

#define ESM(t, dir, n, tab, cl)	NAS_MSG(NAS_PD_ESM, t, dir, n, NULL, cl, tab)
#define ESM0(t, dir, n, cl)	NAS_MSG0(NAS_PD_ESM, t, dir, n, cl)

const struct nas_msg_desc nas_esm_msgs[] = {
	ESM(NAS_ACT_DEFAULT_REQUEST, NAS_DIR_DL, "Activate default EPS bearer context request",
	    act_default_request, "8.3.6"),
	ESM(NAS_ACT_DEFAULT_ACCEPT, NAS_DIR_UL, "Activate default EPS bearer context accept",
	    pco_only, "8.3.4"),
	ESM(NAS_ACT_DEFAULT_REJECT, NAS_DIR_UL, "Activate default EPS bearer context reject",
	    cause_pco, "8.3.5"),
	ESM(NAS_ACT_DEDICATED_REQUEST, NAS_DIR_DL,
	    "Activate dedicated EPS bearer context request", act_dedicated_request, "8.3.3"),
	ESM(NAS_ACT_DEDICATED_ACCEPT, NAS_DIR_UL,
	    "Activate dedicated EPS bearer context accept", pco_nbifom, "8.3.1"),
	ESM(NAS_ACT_DEDICATED_REJECT, NAS_DIR_UL,
	    "Activate dedicated EPS bearer context reject", cause_pco_nbifom, "8.3.2"),
	ESM(NAS_MODIFY_REQUEST, NAS_DIR_DL, "Modify EPS bearer context request",
	    modify_request, "8.3.18"),
	ESM(NAS_MODIFY_ACCEPT, NAS_DIR_UL, "Modify EPS bearer context accept", pco_nbifom,
	    "8.3.16"),
	ESM(NAS_MODIFY_REJECT, NAS_DIR_UL, "Modify EPS bearer context reject",
	    cause_pco_nbifom, "8.3.17"),
	ESM(NAS_DEACT_REQUEST, NAS_DIR_DL, "Deactivate EPS bearer context request",
	    deact_request, "8.3.12"),
	ESM(NAS_DEACT_ACCEPT, NAS_DIR_UL, "Deactivate EPS bearer context accept", pco_only,
	    "8.3.11"),
	ESM(NAS_PDN_CONN_REQUEST, NAS_DIR_UL, "PDN connectivity request", pdn_conn_request,
	    "8.3.20"),
	ESM(NAS_PDN_CONN_REJECT, NAS_DIR_DL, "PDN connectivity reject", reject_backoff,
	    "8.3.19"),
	ESM(NAS_PDN_DISC_REQUEST, NAS_DIR_UL, "PDN disconnect request", pdn_disc_request,
	    "8.3.22"),
	ESM(NAS_PDN_DISC_REJECT, NAS_DIR_DL, "PDN disconnect reject", cause_pco, "8.3.21"),
	ESM(NAS_BR_ALLOC_REQUEST, NAS_DIR_UL, "Bearer resource allocation request",
	    br_alloc_request, "8.3.8"),
	ESM(NAS_BR_ALLOC_REJECT, NAS_DIR_DL, "Bearer resource allocation reject",
	    reject_backoff, "8.3.7"),
	ESM(NAS_BR_MODIFY_REQUEST, NAS_DIR_UL, "Bearer resource modification request",
	    br_modify_request, "8.3.10"),
	ESM(NAS_BR_MODIFY_REJECT, NAS_DIR_DL, "Bearer resource modification reject",
	    reject_backoff, "8.3.9"),
	ESM0(NAS_ESM_INFO_REQUEST, NAS_DIR_DL, "ESM information request", "8.3.13"),
	ESM(NAS_ESM_INFO_RESPONSE, NAS_DIR_UL, "ESM information response", esm_info_response,
	    "8.3.14"),
	ESM(NAS_ESM_STATUS, NAS_DIR_ANY, "ESM status", esm_status, "8.3.15"),
};

const unsigned int nas_esm_n_msgs = NAS_ARRAY_SIZE(nas_esm_msgs);

static const struct nas_msg_desc *desc_at(unsigned int i)
{
	return i < nas_emm_n_msgs ? &nas_emm_msgs[i] : &nas_esm_msgs[i - nas_emm_n_msgs];
}

const struct nas_msg_desc *nas_msg_desc_find(uint8_t pd, uint8_t type, unsigned int dir)
{
	const struct nas_msg_desc *first = NULL;

	for (unsigned int i = 0; i < nas_emm_n_msgs + nas_esm_n_msgs; i++) {
		const struct nas_msg_desc *d = desc_at(i);

		if (d->pd != pd || d->type != type)
			continue;
		if (dir == NAS_DIR_ANY || d->dir == NAS_DIR_ANY || d->dir == dir)
			return d;
		if (!first)
			first = d;
	}
	return first;
}

const struct nas_msg_desc *nas_msg_desc_by_name(const char *name, const char *variant)
{
	for (unsigned int i = 0; i < nas_emm_n_msgs + nas_esm_n_msgs; i++) {
		const struct nas_msg_desc *d = desc_at(i);

		if (strcasecmp(d->name, name))
			continue;
		if (!variant || !d->variant || !strcasecmp(d->variant, variant))
			return d;
	}
	return NULL;
}

const struct nas_msg_desc *nas_msg_desc_at(unsigned int i)
{
	return i < nas_emm_n_msgs + nas_esm_n_msgs ? desc_at(i) : NULL;
}

const struct nas_msg_desc *nas_msg_desc_of(enum nas_msg_key k)
{
	return nas_msg_desc_at((unsigned int)k);
}
