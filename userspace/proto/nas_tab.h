/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Row macros for the NAS message tables (nas_emm.c, nas_esm.c).  Lengths are
 * those of the value part: the spec's "length" column minus the IEI and
 * length octets.
 */
#ifndef AGW_PROTO_NAS_TAB_H
#define AGW_PROTO_NAS_TAB_H

#include "proto/nas.h"
#include <stddef.h>

#include "proto/nas_ie.h"

#define NAS_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define M_V(n, vt, l)		{ n, 0, NAS_FMT_V, NAS_M, vt, l, l }
#define M_VH(n, vt)		{ n, 0, NAS_FMT_VH, NAS_M, vt, 1, 1 }
#define M_LV(n, vt, lo, hi)	{ n, 0, NAS_FMT_LV, NAS_M, vt, lo, hi }
#define M_LVE(n, vt, lo, hi)	{ n, 0, NAS_FMT_LVE, NAS_M, vt, lo, hi }
#define O_TV1(i, n, vt)		{ n, i, NAS_FMT_TV1, NAS_O, vt, 1, 1 }
#define O_TV(i, n, vt, l)	{ n, i, NAS_FMT_TV, NAS_O, vt, l, l }
#define O_TLV(i, n, vt, lo, hi)	{ n, i, NAS_FMT_TLV, NAS_O, vt, lo, hi }
#define O_TLVE(i, n, vt, lo, hi) { n, i, NAS_FMT_TLVE, NAS_O, vt, lo, hi }

#define SPARE_HALF		M_VH("Spare half octet", NAS_VT_NUM)
#define O_PCO			O_TLV(0x27, "Protocol configuration options", NAS_VT_PCO, 1, 251)
#define O_EPCO			O_TLVE(0x7b, "Extended protocol configuration options", \
				       NAS_VT_PCO, 1, 65535)
#define O_NBIFOM		O_TLV(0x33, "NBIFOM container", NAS_VT_RAW, 1, 255)

#define NAS_MSG(p, t, dir, n, var, cl, tab) \
	{ p, t, dir, NAS_ARRAY_SIZE(tab), n, var, cl, tab }
#define NAS_MSG0(p, t, dir, n, cl) { p, t, dir, 0, n, NULL, cl, NULL }

/* Field table rows (nas_ie.h reflection) */
#define NAS_FIXED		0xffff	/* NAS_FT_HEX cnt: length is the array size */
#define NAS_MSIZE(s, m)		sizeof(((s *)0)->m)
#define F_(s, m, n, t, a)	{ n, t, a, offsetof(s, m), NAS_MSIZE(s, m), 0, 0, NULL }
#define F_U8(s, m, n)		F_(s, m, n, NAS_FT_U8, 0)
#define F_U8A(s, m, n)		F_(s, m, n, NAS_FT_U8, 1)
#define F_U16(s, m, n)		F_(s, m, n, NAS_FT_U16, 0)
#define F_U16A(s, m, n)		F_(s, m, n, NAS_FT_U16, 1)
#define F_U32(s, m, n)		F_(s, m, n, NAS_FT_U32, 0)
#define F_U32A(s, m, n)		F_(s, m, n, NAS_FT_U32, 1)
#define F_U64(s, m, n)		F_(s, m, n, NAS_FT_U64, 0)
#define F_U64A(s, m, n)		F_(s, m, n, NAS_FT_U64, 1)
#define F_BITS8(s, m, n)	F_(s, m, n, NAS_FT_BITS8, 1)
#define F_STR(s, m, n)		F_(s, m, n, NAS_FT_STR, 0)
#define F_IP4(s, m, n)		F_(s, m, n, NAS_FT_IP4, 0)
#define F_IP6(s, m, n)		F_(s, m, n, NAS_FT_IP6, 0)
#define F_HEX(s, m, l, n)	{ n, NAS_FT_HEX, 0, offsetof(s, m), NAS_MSIZE(s, m), \
				  offsetof(s, l), 0, NULL }
#define F_HEXF(s, m, n)		{ n, NAS_FT_HEX, 1, offsetof(s, m), NAS_MSIZE(s, m), \
				  NAS_FIXED, 0, NULL }
#define F_ARR(s, m, c, n, sub)	{ n, NAS_FT_ARR, 0, offsetof(s, m), NAS_MSIZE(s, m[0]), \
				  offsetof(s, c), NAS_ARRAY_SIZE(((s *)0)->m), sub }
#define F_OBJ(s, m, n, sub)	{ n, NAS_FT_OBJ, 0, offsetof(s, m), NAS_MSIZE(s, m), 0, 0, sub }
#define F_END			{ NULL, 0, 0, 0, 0, 0, 0, NULL }

extern const struct nas_field nas_plmn_fields[];

/* Value codecs defined in nas_ie_*.c, collected by nas_vcodec.c */
extern const struct nas_vcodec nas_vc_eps_mobile_id, nas_vc_mobile_id, nas_vc_lai,
	nas_vc_tai, nas_vc_tai_list, nas_vc_plmn_list, nas_vc_ue_net_cap, nas_vc_ue_sec_cap,
	nas_vc_rand, nas_vc_autn, nas_vc_auts, nas_vc_res, nas_vc_short_mac,
	nas_vc_ebc_status, nas_vc_tz_time, nas_vc_network_name,
	nas_vc_eps_qos, nas_vc_apn, nas_vc_pdn_addr, nas_vc_apn_ambr, nas_vc_tft, nas_vc_pco;

extern const struct nas_msg_desc nas_emm_msgs[];
extern const unsigned int nas_emm_n_msgs;
extern const struct nas_msg_desc nas_esm_msgs[];
extern const unsigned int nas_esm_n_msgs;

#endif
