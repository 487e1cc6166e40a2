/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal to the Diameter dictionary (diameter_dict*.c): the AVP tables,
 * each sorted by (vendor, code), and the short names the tables use.
 */
#ifndef AGW_PROTO_DIAMETER_DICT_H
#define AGW_PROTO_DIAMETER_DICT_H

#include "proto/diameter.h"

#define OCTETS	DIA_T_OCTETSTRING
#define UTF8	DIA_T_UTF8STRING
#define U32	DIA_T_UNSIGNED32
#define U64	DIA_T_UNSIGNED64
#define I32	DIA_T_INTEGER32
#define I64	DIA_T_INTEGER64
#define F32	DIA_T_FLOAT32
#define F64	DIA_T_FLOAT64
#define GROUP	DIA_T_GROUPED
#define ADDR	DIA_T_ADDRESS
#define TIME	DIA_T_TIME
#define IDENT	DIA_T_IDENTITY
#define URI	DIA_T_URI
#define ENUM	DIA_T_ENUMERATED
#define FILTER	DIA_T_IPFILTERRULE
#define MUST	DIA_M_MUST
#define MAY	DIA_M_MAY
#define MNOT	DIA_M_MUSTNOT
#define V3GPP	VENDOR_3GPP
#define NONE	NULL, 0
#define E(x)	en_##x, (uint16_t)(sizeof(en_##x) / sizeof(en_##x[0]))

extern const struct dia_avp_def dia_dict_base_avps[];
extern const size_t dia_dict_base_n;
extern const struct dia_avp_def dia_dict_3gpp_avps[];
extern const size_t dia_dict_3gpp_n;

#endif
