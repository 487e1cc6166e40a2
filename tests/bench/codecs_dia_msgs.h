/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Diameter messages built with the dia_put_* builder, shared by the codec
 * benchmark (tests/bench/codecs_proto.c, the "build" rows) and the unit
 * tests (tests/unit/test_proto_diameter.c, which also decodes and checks
 * them), so both measure and check the same bytes. Each returns the message
 * length, or -1 when cap is too small.
 */
#ifndef AGW_TESTS_CODECS_DIA_MSGS_H
#define AGW_TESTS_CODECS_DIA_MSGS_H

#include <string.h>

#include "proto/diameter.h"

static inline void dia_msgs_base_avps(struct dia_builder *b, const char *sid)
{
	dia_put_str(b, "Session-Id", sid);
	dia_put_u32(b, "Auth-Session-State", 1);	/* NO_STATE_MAINTAINED */
	dia_put_str(b, "Origin-Host", "mme.agw.local");
	dia_put_str(b, "Origin-Realm", "agw.local");
}

/* TS 29.272 7.2.5 AIR, or 7.2.6 AIA with one E-UTRAN-Vector (7.3.18) */
static inline int dia_msgs_air_aia(uint8_t *buf, size_t cap, int answer)
{
	static const uint8_t plmn[3] = { 0x00, 0xf1, 0x10 };	/* MCC 001 MNC 01 */
	uint8_t rand[16], xres[8], autn[16], kasme[32];
	struct dia_builder b;

	memset(rand, 0x11, sizeof(rand));
	memset(xres, 0x22, sizeof(xres));
	memset(autn, 0x33, sizeof(autn));
	memset(kasme, 0x44, sizeof(kasme));
	dia_build_init(&b, buf, cap, answer ? DIA_F_PROXIABLE : DIA_F_REQUEST | DIA_F_PROXIABLE,
		       318, DIA_APP_S6A, 0x1234, 0x5678);
	dia_msgs_base_avps(&b, "mme.agw.local;1;1");
	if (!answer) {
		dia_put_str(&b, "Destination-Realm", "hss.local");
		dia_put_str(&b, "User-Name", "001010000000001");
		dia_put_group(&b, "Requested-EUTRAN-Authentication-Info");
		dia_put_u32(&b, "Number-Of-Requested-Vectors", 1);
		dia_put_u32(&b, "Immediate-Response-Preferred", 0);
		dia_build_group_end(&b);
		dia_put_bytes(&b, "Visited-PLMN-Id", plmn, sizeof(plmn));
	} else {
		dia_put_u32(&b, "Result-Code", DIA_SUCCESS);
		dia_put_group(&b, "Authentication-Info");
		dia_put_group(&b, "E-UTRAN-Vector");
		dia_put_bytes(&b, "RAND", rand, sizeof(rand));
		dia_put_bytes(&b, "XRES", xres, sizeof(xres));
		dia_put_bytes(&b, "AUTN", autn, sizeof(autn));
		dia_put_bytes(&b, "KASME", kasme, sizeof(kasme));
		dia_build_group_end(&b);
		dia_build_group_end(&b);
	}
	return dia_build_finish(&b);
}

/* RFC 4006 3.1: the AVPs every CCR starts with */
static inline void dia_msgs_ccr_base(struct dia_builder *b, const char *sid, uint32_t app,
				     const char *dest_realm)
{
	dia_put_str(b, "Session-Id", sid);
	dia_put_u32(b, "Auth-Application-Id", app);
	dia_put_str(b, "Origin-Host", "pcef.agw.local");
	dia_put_str(b, "Origin-Realm", "agw.local");
	dia_put_str(b, "Destination-Realm", dest_realm);
}

/* TS 29.212 5.6.2 CCR-I on Gx */
static inline int dia_msgs_ccr_i(uint8_t *buf, size_t cap)
{
	static const uint8_t ip[4] = { 192, 168, 128, 12 };
	struct dia_builder b;

	dia_build_init(&b, buf, cap, DIA_F_REQUEST | DIA_F_PROXIABLE, 272, DIA_APP_GX, 9, 10);
	dia_msgs_ccr_base(&b, "pcef;3;3", DIA_APP_GX, "pcrf.local");
	dia_put_u32(&b, "CC-Request-Type", 1);			/* INITIAL_REQUEST */
	dia_put_u32(&b, "CC-Request-Number", 0);
	dia_put_group(&b, "Subscription-Id");
	dia_put_u32(&b, "Subscription-Id-Type", 1);		/* END_USER_IMSI */
	dia_put_str(&b, "Subscription-Id-Data", "001010000000001");
	dia_build_group_end(&b);
	dia_put_bytes(&b, "Framed-IP-Address", ip, sizeof(ip));
	dia_put_u32(&b, "IP-CAN-Type", 5);			/* 3GPP-EPS */
	dia_put_u32(&b, "RAT-Type", 1004);			/* EUTRAN */
	dia_put_group(&b, "QoS-Information");
	dia_put_u32(&b, "APN-Aggregate-Max-Bitrate-UL", 1000000);
	dia_put_u32(&b, "APN-Aggregate-Max-Bitrate-DL", 2000000);
	dia_build_group_end(&b);
	dia_put_str(&b, "Called-Station-Id", "internet");
	return dia_build_finish(&b);
}

/* RFC 4006 / TS 32.299 CCR-U on Gy with one Multiple-Services-Credit-Control */
static inline int dia_msgs_ccr_u(uint8_t *buf, size_t cap)
{
	struct dia_builder b;

	dia_build_init(&b, buf, cap, DIA_F_REQUEST | DIA_F_PROXIABLE, 272, DIA_APP_DCCA, 11, 12);
	dia_msgs_ccr_base(&b, "pcef;4;4", DIA_APP_DCCA, "ocs.local");
	dia_put_str(&b, "Service-Context-Id", "32251@3gpp.org");
	dia_put_u32(&b, "CC-Request-Type", 2);			/* UPDATE_REQUEST */
	dia_put_u32(&b, "CC-Request-Number", 1);
	dia_put_u32(&b, "Multiple-Services-Indicator", 1);
	dia_put_group(&b, "Multiple-Services-Credit-Control");
	dia_put_group(&b, "Requested-Service-Unit");
	dia_build_group_end(&b);
	dia_put_group(&b, "Used-Service-Unit");
	dia_put_u64(&b, "CC-Total-Octets", 5000000000ULL);
	dia_put_u64(&b, "CC-Input-Octets", 1000000000ULL);
	dia_put_u64(&b, "CC-Output-Octets", 4000000000ULL);
	dia_put_u32(&b, "Reporting-Reason", 2);			/* QUOTA_EXHAUSTED */
	dia_build_group_end(&b);
	dia_put_u32(&b, "Rating-Group", 100);
	dia_put_u32(&b, "Service-Identifier", 1);
	dia_build_group_end(&b);
	return dia_build_finish(&b);
}

#endif
