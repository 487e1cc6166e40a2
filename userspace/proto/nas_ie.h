/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NAS EPS IE value codecs (TS 24.301 9.9, TS 24.008 10.5): C structs for
 * the values with structure, each with a decoder (value bytes -> struct), an
 * encoder (struct -> bytes) and a field table that describes the struct so
 * generic code (nas_json.c) can print and parse it.
 *
 *   struct nas_mobile_id id;
 *   const struct nas_ie *ie = nas_ie_get(&m, "EPS mobile identity");
 *
 *   if (ie && nas_mobile_id_dec(&id, ie->val, ie->len, &err) == 0 &&
 *       id.type == NAS_ID_IMSI)
 *           lookup(id.digits);
 *
 * Decoders return 0 or -1 (err says where and why); encoders return the
 * value length or -1.  Decoding then encoding a valid value gives the same
 * bytes, except where the input used a non-canonical encoding (spare bits
 * set, a longer bit rate encoding than needed); nas_vcodec_lossless() tells.
 */
#ifndef AGW_PROTO_NAS_IE_H
#define AGW_PROTO_NAS_IE_H

#include <stddef.h>
#include <stdint.h>

#include "proto/nas.h"

/* Value codecs: nas_ie_desc.vt */
enum nas_vt {
	NAS_VT_RAW = 0,		/* bytes without structure */
	NAS_VT_NUM,		/* one number (half octet or octet) */
	NAS_VT_EMM_CAUSE,
	NAS_VT_ESM_CAUSE,
	NAS_VT_KSI,		/* 9.9.3.21 */
	NAS_VT_ATTACH_TYPE,	/* 9.9.3.11 */
	NAS_VT_ATTACH_RESULT,	/* 9.9.3.10 */
	NAS_VT_DETACH_TYPE,	/* 9.9.3.7 */
	NAS_VT_UPDATE_TYPE,	/* 9.9.3.14 */
	NAS_VT_UPDATE_RESULT,	/* 9.9.3.13 */
	NAS_VT_SERVICE_TYPE,	/* 9.9.3.27 */
	NAS_VT_ID_TYPE,		/* 9.9.3.17 */
	NAS_VT_KSI_SEQ,		/* 9.9.3.19 */
	NAS_VT_SEC_ALGS,	/* 9.9.3.23 */
	NAS_VT_GPRS_TIMER,	/* 24.008 10.5.7.3 */
	NAS_VT_GPRS_TIMER2,	/* 24.008 10.5.7.4 */
	NAS_VT_GPRS_TIMER3,	/* 24.008 10.5.7.4a */
	NAS_VT_EBI,		/* linked EPS bearer identity, 9.9.4.6 */
	NAS_VT_PDN_TYPE,	/* 9.9.4.10 */
	NAS_VT_REQUEST_TYPE,	/* 24.008 10.5.6.17 */
	NAS_VT_IMEISV_REQ,	/* 24.008 10.5.5.10 */
	NAS_VT_EIT_FLAG,	/* 9.9.4.5 */
	NAS_VT_EPS_MOBILE_ID,	/* 9.9.3.12 */
	NAS_VT_MOBILE_ID,	/* 24.008 10.5.1.4 */
	NAS_VT_LAI,		/* 24.008 10.5.1.3 */
	NAS_VT_TAI,		/* 9.9.3.32 */
	NAS_VT_TAI_LIST,	/* 9.9.3.33 */
	NAS_VT_PLMN_LIST,	/* 24.008 10.5.1.13 */
	NAS_VT_UE_NET_CAP,	/* 9.9.3.34 */
	NAS_VT_UE_SEC_CAP,	/* 9.9.3.36 */
	NAS_VT_EPS_QOS,		/* 9.9.4.3 */
	NAS_VT_APN,		/* 9.9.4.1 */
	NAS_VT_PDN_ADDR,	/* 9.9.4.9 */
	NAS_VT_APN_AMBR,	/* 9.9.4.2 */
	NAS_VT_TFT,		/* 24.008 10.5.6.12 */
	NAS_VT_PCO,		/* 24.008 10.5.6.3 (and 10.5.6.3A ePCO) */
	NAS_VT_ESM_CONTAINER,	/* 9.9.3.15: a nested ESM message */
	NAS_VT_RAND,		/* 9.9.3.3 */
	NAS_VT_AUTN,		/* 9.9.3.2 */
	NAS_VT_AUTS,		/* 9.9.3.1 */
	NAS_VT_RES,		/* 9.9.3.4 */
	NAS_VT_SHORT_MAC,	/* 9.9.3.28 */
	NAS_VT_EBC_STATUS,	/* 9.9.2.1 */
	NAS_VT_NET_FEATURES,	/* 9.9.3.12A */
	NAS_VT_TIME_ZONE_TIME,	/* 24.008 10.5.3.9 */
	NAS_VT_NETWORK_NAME,	/* 24.008 10.5.3.5a */
	NAS_VT_COUNT
};

/* ---- reflection: how generic code walks a value struct */
enum nas_ftype {
	NAS_FT_U8 = 1, NAS_FT_U16, NAS_FT_U32, NAS_FT_U64,
	NAS_FT_STR,	/* char[size], NUL terminated */
	NAS_FT_HEX,	/* uint8_t[size] + uint16_t length at cnt */
	NAS_FT_IP4,	/* uint8_t[4] */
	NAS_FT_IP6,	/* uint8_t[16] */
	NAS_FT_ARR,	/* elements of size bytes, uint8_t count at cnt, at most max */
	NAS_FT_OBJ,	/* nested struct described by sub */
	NAS_FT_BITS8,	/* uint8_t bitmap, as the list of set bits (bit 8 = 0) */
};

struct nas_field {
	const char *name;	/* NULL in an array of scalars' element table */
	uint8_t type;
	uint8_t always;		/* print even when zero */
	uint16_t off;
	uint16_t size;
	uint16_t cnt;
	uint16_t max;
	const struct nas_field *sub;
};

/* Bit fields of a one-octet (or half-octet) value, low bit first. */
struct nas_bitf {
	const char *name;
	uint8_t shift, width;
};

struct nas_bits {
	uint8_t f[4];		/* one entry per nas_bitf row */
};

struct nas_vcodec {
	const char *name;
	size_t size;		/* of the struct */
	int (*dec)(void *st, const uint8_t *v, size_t len, struct nas_err *err);
	int (*enc)(const void *st, uint8_t *out, size_t max, struct nas_err *err);
	const struct nas_field *fields;
	const struct nas_bitf *bits;	/* for NAS_FT-less one-octet values */
};

/* Codec of vt, or NULL for NAS_VT_RAW / NAS_VT_ESM_CONTAINER / out of range. */
const struct nas_vcodec *nas_vcodec_get(unsigned int vt);
/* Bit-field table of a one-octet value codec (NULL for the others). */
const struct nas_bitf *nas_vcodec_bits(unsigned int vt);
/* 1 if decoding v then encoding gives v again (0 otherwise, -1: no codec). */
int nas_vcodec_lossless(unsigned int vt, const uint8_t *v, size_t len);

/* Bit-field values (NAS_VT_KSI ... NAS_VT_EIT_FLAG): st is struct nas_bits */
int nas_bits_dec(unsigned int vt, struct nas_bits *b, const uint8_t *v, size_t len,
		 struct nas_err *err);
int nas_bits_enc(unsigned int vt, const struct nas_bits *b, uint8_t *out, size_t max,
		 struct nas_err *err);

/* ---- PLMN, LAI, TAI, TAI list */
struct nas_plmn {
	char mcc[4];
	char mnc[4];		/* two or three digits */
};

/* 3 octets (24.008 10.5.1.3 layout) <-> MCC/MNC digits; -1 on non-digits */
int nas_plmn_dec(struct nas_plmn *p, const uint8_t v[3]);
int nas_plmn_enc(const struct nas_plmn *p, uint8_t v[3]);

struct nas_lai {
	struct nas_plmn plmn;
	uint16_t lac;
};

struct nas_tai {
	struct nas_plmn plmn;
	uint16_t tac;
};

#define NAS_TAI_LIST_MAX	16

struct nas_tai_plist {
	uint8_t type;		/* 0: one PLMN, listed TACs; 1: one PLMN, consecutive
				 * TACs from tac; 2: list of TAIs */
	uint8_t count;		/* type 1: number of TACs */
	struct nas_plmn plmn;	/* types 0 and 1 */
	uint16_t tac;		/* type 1: first TAC */
	uint8_t n_tacs;		/* type 0 */
	uint16_t tacs[NAS_TAI_LIST_MAX];
	uint8_t n_tais;		/* type 2 */
	struct nas_tai tais[NAS_TAI_LIST_MAX];
};

struct nas_tai_list {
	uint8_t n;
	struct nas_tai_plist l[NAS_TAI_LIST_MAX];
};

struct nas_plmn_list {
	uint8_t n;
	struct nas_plmn p[15];
};

/* ---- identities */
enum nas_id_type {
	NAS_ID_NONE = 0, NAS_ID_IMSI = 1, NAS_ID_IMEI = 2, NAS_ID_IMEISV = 3,
	NAS_ID_TMSI = 4, NAS_ID_GUTI = 6,
};

struct nas_mobile_id {
	uint8_t type;		/* enum nas_id_type */
	char digits[17];	/* IMSI, IMEI, IMEISV */
	struct nas_plmn plmn;	/* GUTI */
	uint16_t mme_gid;	/* GUTI */
	uint8_t mme_code;	/* GUTI */
	uint32_t tmsi;		/* GUTI: M-TMSI; TMSI/P-TMSI */
};

/* EPS mobile identity (9.9.3.12): IMSI, IMEI or GUTI */
int nas_eps_mobile_id_dec(struct nas_mobile_id *id, const uint8_t *v, size_t len,
			  struct nas_err *err);
int nas_eps_mobile_id_enc(const struct nas_mobile_id *id, uint8_t *out, size_t max,
			  struct nas_err *err);
/* Mobile identity (24.008 10.5.1.4): none, IMSI, IMEI, IMEISV, TMSI */
int nas_mobile_id_dec(struct nas_mobile_id *id, const uint8_t *v, size_t len,
		      struct nas_err *err);
int nas_mobile_id_enc(const struct nas_mobile_id *id, uint8_t *out, size_t max,
		      struct nas_err *err);

int nas_tai_list_dec(struct nas_tai_list *t, const uint8_t *v, size_t len, struct nas_err *err);
int nas_tai_list_enc(const struct nas_tai_list *t, uint8_t *out, size_t max,
		     struct nas_err *err);

/* ---- capabilities */
struct nas_ue_net_cap {
	uint8_t eea;		/* octet 3: EEA0 in bit 8 ... EEA7 in bit 1 */
	uint8_t eia;		/* octet 4: EIA0 ... EIA7 */
	uint8_t uea;		/* octet 5 */
	uint8_t uia;		/* octet 6: UCS2 in bit 8, UIA1-7 */
	uint8_t gea;		/* UE security capability octet 7 */
	uint8_t n_octets;	/* value length */
	uint16_t more_len;
	uint8_t more[11];	/* octets after the ones above */
};

int nas_ue_net_cap_dec(struct nas_ue_net_cap *c, const uint8_t *v, size_t len,
		       struct nas_err *err);
int nas_ue_net_cap_enc(const struct nas_ue_net_cap *c, uint8_t *out, size_t max,
		       struct nas_err *err);

/* ---- ESM values */
struct nas_eps_qos {
	uint8_t qci;
	uint8_t n_octets;	/* value length: 1, 5, 9 or 13 */
	uint64_t mbr_ul, mbr_dl, gbr_ul, gbr_dl;	/* kbit/s */
};

int nas_eps_qos_dec(struct nas_eps_qos *q, const uint8_t *v, size_t len, struct nas_err *err);
int nas_eps_qos_enc(const struct nas_eps_qos *q, uint8_t *out, size_t max, struct nas_err *err);

struct nas_apn_ambr {
	uint8_t n_octets;	/* value length: 2, 4 or 6 */
	uint64_t dl, ul;	/* kbit/s */
};

int nas_apn_ambr_dec(struct nas_apn_ambr *a, const uint8_t *v, size_t len, struct nas_err *err);
int nas_apn_ambr_enc(const struct nas_apn_ambr *a, uint8_t *out, size_t max, struct nas_err *err);

struct nas_apn {
	char name[101];		/* dotted: "internet.mnc001.mcc001.gprs" */
};

int nas_apn_dec(struct nas_apn *a, const uint8_t *v, size_t len, struct nas_err *err);
int nas_apn_enc(const struct nas_apn *a, uint8_t *out, size_t max, struct nas_err *err);

enum nas_pdn_type { NAS_PDN_IPV4 = 1, NAS_PDN_IPV6 = 2, NAS_PDN_IPV4V6 = 3, NAS_PDN_NON_IP = 5 };

struct nas_pdn_addr {
	uint8_t type;		/* enum nas_pdn_type */
	uint8_t ipv4[4];
	uint16_t iid_len;	/* 8 for IPv6 and IPv4v6 */
	uint8_t iid[8];		/* IPv6 interface identifier */
};

int nas_pdn_addr_dec(struct nas_pdn_addr *p, const uint8_t *v, size_t len, struct nas_err *err);
int nas_pdn_addr_enc(const struct nas_pdn_addr *p, uint8_t *out, size_t max,
		     struct nas_err *err);

/* TFT (24.008 10.5.6.12) */
#define NAS_TFT_MAX_FILTERS	16
#define NAS_TFT_MAX_COMPS	12
#define NAS_TFT_MAX_PARAMS	8

enum nas_tft_comp_type {
	NAS_TFT_IPV4_REMOTE = 0x10, NAS_TFT_IPV4_LOCAL = 0x11,
	NAS_TFT_IPV6_REMOTE = 0x20, NAS_TFT_IPV6_REMOTE_PREFIX = 0x21,
	NAS_TFT_IPV6_LOCAL_PREFIX = 0x23, NAS_TFT_PROTOCOL = 0x30,
	NAS_TFT_LOCAL_PORT = 0x40, NAS_TFT_LOCAL_PORT_RANGE = 0x41,
	NAS_TFT_REMOTE_PORT = 0x50, NAS_TFT_REMOTE_PORT_RANGE = 0x51,
	NAS_TFT_SPI = 0x60, NAS_TFT_TOS = 0x70, NAS_TFT_FLOW_LABEL = 0x80,
	NAS_TFT_DST_MAC = 0x81, NAS_TFT_SRC_MAC = 0x82, NAS_TFT_CTAG_VID = 0x83,
	NAS_TFT_STAG_VID = 0x84, NAS_TFT_CTAG_PCP_DEI = 0x85, NAS_TFT_STAG_PCP_DEI = 0x86,
	NAS_TFT_ETHERTYPE = 0x87,
};

struct nas_tft_comp {
	uint8_t type;		/* enum nas_tft_comp_type */
	uint8_t ipv4[4], ipv4_mask[4];
	uint8_t ipv6[16], ipv6_mask[16];
	uint8_t prefix_len;
	uint8_t protocol;	/* protocol / next header */
	uint16_t port, port_hi;	/* single port, or range low..high */
	uint32_t spi;
	uint8_t tos, tos_mask;	/* type of service / traffic class */
	uint32_t flow_label;
	uint16_t mac_len;
	uint8_t mac[6];
	uint16_t vid;		/* 802.1Q VID (12 bits) */
	uint8_t pcp_dei;
	uint16_t ethertype;
};

struct nas_tft_filter {
	uint8_t direction;	/* 0 pre-Rel-7, 1 downlink, 2 uplink, 3 bidirectional */
	uint8_t id;
	uint8_t precedence;
	uint8_t n_comps;
	struct nas_tft_comp c[NAS_TFT_MAX_COMPS];
};

struct nas_tft_param {
	uint8_t id;		/* 1 authorization token, 2 flow id, 3 packet filter id */
	uint16_t len;
	uint8_t contents[32];
};

enum nas_tft_op {
	NAS_TFT_OP_IGNORE = 0, NAS_TFT_OP_CREATE = 1, NAS_TFT_OP_DELETE = 2,
	NAS_TFT_OP_ADD = 3, NAS_TFT_OP_REPLACE = 4, NAS_TFT_OP_DELETE_FILTERS = 5,
	NAS_TFT_OP_NOP = 6,
};

struct nas_tft {
	uint8_t op;		/* enum nas_tft_op */
	uint8_t n_filters;	/* DELETE_FILTERS: filters carry ids only */
	struct nas_tft_filter f[NAS_TFT_MAX_FILTERS];
	uint8_t n_params;	/* E bit set when > 0 */
	struct nas_tft_param p[NAS_TFT_MAX_PARAMS];
};

int nas_tft_dec(struct nas_tft *t, const uint8_t *v, size_t len, struct nas_err *err);
int nas_tft_enc(const struct nas_tft *t, uint8_t *out, size_t max, struct nas_err *err);

/* PCO / ePCO (24.008 10.5.6.3, 10.5.6.3A) */
#define NAS_PCO_MAX	32
#define NAS_IPCP_MAX_OPTS	8

enum nas_pco_id {
	NAS_PCO_PCSCF_IPV6 = 0x0001, NAS_PCO_IM_CN_FLAG = 0x0002, NAS_PCO_DNS_IPV6 = 0x0003,
	NAS_PCO_BCM = 0x0005, NAS_PCO_IP_ALLOC_NAS = 0x000a, NAS_PCO_IPV4_DHCP = 0x000b,
	NAS_PCO_PCSCF_IPV4 = 0x000c, NAS_PCO_DNS_IPV4 = 0x000d, NAS_PCO_IPV4_MTU = 0x0010,
	NAS_PCO_LCP = 0xc021, NAS_PCO_PAP = 0xc023, NAS_PCO_CHAP = 0xc223,
	NAS_PCO_IPCP = 0x8021,
};

struct nas_ipcp_opt {
	uint8_t type;		/* 3 IP address, 0x81 primary DNS, 0x83 secondary DNS ... */
	uint8_t addr[4];	/* the 4-octet address options */
	uint16_t data_len;	/* other options: raw data */
	uint8_t data[16];
};

struct nas_pco_item {
	uint16_t id;		/* enum nas_pco_id */
	uint16_t len;		/* contents: kept raw when not structured */
	uint8_t contents[253];
	uint8_t has_addr;	/* address containers (DNS, P-CSCF) */
	uint8_t ipv4[4];
	uint8_t ipv6[16];
	uint8_t ipcp;		/* IPCP packet decoded below */
	uint8_t ipcp_code, ipcp_ident;
	uint8_t n_opts;
	struct nas_ipcp_opt opt[NAS_IPCP_MAX_OPTS];
};

struct nas_pco {
	uint8_t octet3;		/* ext bit and configuration protocol: 0x80 */
	uint8_t n;
	struct nas_pco_item c[NAS_PCO_MAX];
};

int nas_pco_dec(struct nas_pco *p, const uint8_t *v, size_t len, struct nas_err *err);
int nas_pco_enc(const struct nas_pco *p, uint8_t *out, size_t max, struct nas_err *err);

/* ---- authentication parameters */
struct nas_autn {
	uint8_t sqn_xor_ak[6], amf[2], mac[8];
};

struct nas_auts {
	uint8_t sqn_ms_xor_ak[6], mac_s[8];
};

struct nas_octets {
	uint16_t len;
	uint8_t v[16];		/* RAND, RES, short MAC */
};

/* ---- time and names (EMM information) */
struct nas_tz_time {
	uint8_t year, month, day, hour, minute, second;	/* decimal values */
	int8_t tz_quarters;	/* time zone in quarters of an hour, signed */
};

struct nas_network_name {
	uint8_t ext;		/* octet 3 bit 8 (1 in practice) */
	uint8_t coding;		/* 0: GSM 7-bit default alphabet, 1: UCS2 */
	uint8_t add_ci;		/* add country initials */
	uint8_t spare_bits;	/* spare bits in the last octet */
	char text[128];		/* 7-bit: decoded text; UCS2: left empty */
	uint16_t raw_len;	/* UCS2 text octets */
	uint8_t raw[126];
};

/* EPS bearer context status (9.9.2.1): the active EBIs */
struct nas_ebc_status {
	uint8_t n;
	uint8_t ebi[16];
};

/* Cause names (24.301 9.9.3.9 / 9.9.4.4), or NULL. */
const char *nas_emm_cause_name(uint8_t cause);
const char *nas_esm_cause_name(uint8_t cause);

#endif
