// SPDX-License-Identifier: GPL-2.0
/*
 * S6a (proto/s6a.c): requests built and read back on the HSS side,
 * answers built the HSS way and read on the MME side, with the encodings
 * of TS 24.008 (PLMN), TS 29.002 (TBCD MSISDN) and TS 29.272 checked
 * octet by octet; Annex A cause mapping; IDR merge and DSR withdrawal;
 * malformed answers refused.
 */
#include <string.h>

#include "unit.h"
#include "proto/diameter_avp.h"
#include "proto/s6a.h"

static const struct dia_req_hdr hdr = {
	.session_id = "mme.agw;1;1", .origin_host = "mme.agw", .origin_realm = "agw",
	.dest_realm = "core", .dest_host = NULL,
};

static uint8_t buf[4096];
static char err[256];

static int decode(const uint8_t *b, int n, struct dia_msg *m)
{
	struct dia_err e;

	CU_ASSERT_FATAL(n > 0);
	if (dia_msg_decode(b, (size_t)n, m, &e)) {
		CU_FAIL(e.msg);
		return -1;
	}
	return 0;
}

static void test_plmn_tbcd(void)
{
	uint8_t p[3], t[8];
	char s[16];

	/* TS 24.008 figure 10.5.13: MCC 001 MNC 01 -> 00 f1 10 */
	CU_ASSERT_EQUAL(dia_plmn_encode("00101", p), 0);
	CU_ASSERT(!memcmp(p, "\x00\xf1\x10", 3));
	CU_ASSERT_EQUAL(dia_plmn_encode("310410", p), 0);
	CU_ASSERT(!memcmp(p, "\x13\x00\x14", 3));
	CU_ASSERT_EQUAL(dia_plmn_decode(p, s), 0);
	CU_ASSERT_STRING_EQUAL(s, "310410");
	CU_ASSERT_EQUAL(dia_plmn_encode("0010", p), -1);
	CU_ASSERT_EQUAL(dia_plmn_encode("00a01", p), -1);
	/* TBCD: 46733123454 -> 64 37 13 32 54 f4 */
	CU_ASSERT_EQUAL(dia_tbcd_encode("46733123454", t, sizeof(t)), 6);
	CU_ASSERT(!memcmp(t, "\x64\x37\x13\x32\x54\xf4", 6));
	CU_ASSERT_EQUAL(dia_tbcd_decode(t, 6, s, sizeof(s)), 11);
	CU_ASSERT_STRING_EQUAL(s, "46733123454");
	CU_ASSERT_EQUAL(dia_tbcd_decode((const uint8_t *)"\x6a", 1, s, sizeof(s)), -1);
	CU_ASSERT_EQUAL(dia_tbcd_decode(t, 6, s, 5), -1);
}

static void test_air_aia(void)
{
	struct s6a_air air = { .imsi = "001010000000001", .num_vectors = 2, .resync = true };
	struct s6a_air got;
	struct s6a_vector v[2];
	struct s6a_aia aia;
	struct dia_builder b;
	struct dia_msg m, req;
	int n, i;

	dia_plmn_encode("00101", air.plmn);
	memset(air.rand, 0x11, 16);
	memset(air.auts, 0x22, 14);
	n = s6a_air_build(buf, sizeof(buf), &hdr, &air);
	CU_ASSERT_FATAL(decode(buf, n, &req) == 0);
	CU_ASSERT_EQUAL(req.code, 318);
	CU_ASSERT_EQUAL(req.app_id, DIA_APP_S6A);
	CU_ASSERT_EQUAL(req.flags, DIA_F_REQUEST | DIA_F_PROXIABLE);
	CU_ASSERT_EQUAL(req.avps[req.first].code, 263);		/* Session-Id first */
	i = dia_get(&req, -1, DA_REQUESTED_EUTRAN_AUTHENTICATION_INFO);
	CU_ASSERT(i >= 0 && dia_get(&req, i, DA_RE_SYNCHRONIZATION_INFO) >= 0);
	CU_ASSERT_EQUAL(s6a_air_parse(&req, &got, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(got.imsi, air.imsi);
	CU_ASSERT_EQUAL(got.num_vectors, 2);
	CU_ASSERT(got.resync);
	CU_ASSERT(!memcmp(got.rand, air.rand, 16) && !memcmp(got.auts, air.auts, 14));
	CU_ASSERT(!memcmp(got.plmn, "\x00\xf1\x10", 3));
	/* the HSS answers with two vectors */
	for (int k = 0; k < 2; k++) {
		memset(&v[k], 0x30 + k, sizeof(v[k]));
		v[k].xres_len = 8;
	}
	dia_build_init(&b, buf, sizeof(buf), DIA_F_PROXIABLE, 318, DIA_APP_S6A, req.hbh, req.e2e);
	dia_add_str(&b, DA_SESSION_ID, "mme.agw;1;1");
	dia_add_u32(&b, DA_RESULT_CODE, 2001);
	dia_add_str(&b, DA_ORIGIN_HOST, "hss.core");
	dia_add_str(&b, DA_ORIGIN_REALM, "core");
	s6a_answer_put(&b, S6A_AIR, 0);
	s6a_put_vectors(&b, v, 2);
	n = dia_build_finish(&b);
	dia_msg_free(&req);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_aia_parse(&m, &aia, err, sizeof(err)), 0);
	CU_ASSERT(dia_result_ok(&aia.res));
	CU_ASSERT_EQUAL(aia.n_vectors, 2);
	CU_ASSERT(!memcmp(&aia.v[1].kasme, &v[1].kasme, 32));
	CU_ASSERT_EQUAL(aia.v[0].xres_len, 8);
	dia_msg_free(&m);
	/* invalid: too many vectors asked, bad IMSI */
	air.num_vectors = 6;
	CU_ASSERT_EQUAL(s6a_air_build(buf, sizeof(buf), &hdr, &air), -1);
	air.num_vectors = 1;
	strcpy(air.imsi, "0010x");
	CU_ASSERT_EQUAL(s6a_air_build(buf, sizeof(buf), &hdr, &air), -1);
}

static void test_aia_errors(void)
{
	static const uint8_t z[16];
	struct dia_builder b;
	struct dia_msg m;
	struct s6a_aia aia;
	int n;

	/* success without vectors is refused */
	dia_build_init(&b, buf, sizeof(buf), 0, 318, DIA_APP_S6A, 1, 2);
	dia_add_str(&b, DA_SESSION_ID, "s");
	dia_add_u32(&b, DA_RESULT_CODE, 2001);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_aia_parse(&m, &aia, err, sizeof(err)), -1);
	dia_msg_free(&m);
	/* a vector with a short KASME */
	dia_build_init(&b, buf, sizeof(buf), 0, 318, DIA_APP_S6A, 1, 2);
	dia_add_u32(&b, DA_RESULT_CODE, 2001);
	dia_add_group(&b, DA_AUTHENTICATION_INFO);
	dia_add_group(&b, DA_E_UTRAN_VECTOR);
	dia_add_bytes(&b, DA_RAND, z, 16);
	dia_add_bytes(&b, DA_XRES, z, 8);
	dia_add_bytes(&b, DA_AUTN, z, 16);
	dia_add_bytes(&b, DA_KASME, z, 16);
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_aia_parse(&m, &aia, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "KASME"));
	dia_msg_free(&m);
	/* Experimental-Result USER_UNKNOWN parses, and maps to #8 (or #2) */
	dia_build_init(&b, buf, sizeof(buf), 0, 318, DIA_APP_S6A, 1, 2);
	dia_add_group(&b, DA_EXPERIMENTAL_RESULT);
	dia_add_u32(&b, DA_VENDOR_ID, VENDOR_3GPP);
	dia_add_u32(&b, DA_EXPERIMENTAL_RESULT_CODE, S6A_ERROR_USER_UNKNOWN);
	dia_build_group_end(&b);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_aia_parse(&m, &aia, err, sizeof(err)), 0);
	CU_ASSERT(!dia_result_ok(&aia.res));
	CU_ASSERT_EQUAL(aia.res.vendor, VENDOR_3GPP);
	CU_ASSERT_EQUAL(aia.res.code, 5001);
	dia_msg_free(&m);
}

static void sample_sub(struct s6a_subscription *s)
{
	memset(s, 0, sizeof(*s));
	s->has_msisdn = true;
	strcpy(s->msisdn, "491700000001");
	s->has_status = true;
	s->has_nam = true;
	s->network_access_mode = 2;
	s->has_ard = true;
	s->access_restriction = 0x20;
	s->has_ambr = true;
	s->ambr_ul = 50000000;
	s->ambr_dl = 100000000;
	s->has_tau_timer = true;
	s->tau_timer = 3240;
	s->has_apn_profile = true;
	s->default_context_id = 2;
	s->all_apn_included = true;
	s->n_apn = 2;
	s->apn[0] = (struct s6a_apn){ .context_id = 1, .apn = "ims", .pdn_type = S6A_PDN_IPV4V6,
				      .qci = 5, .arp = { 1, false, false } };
	s->apn[1] = (struct s6a_apn){ .context_id = 2, .apn = "internet", .pdn_type = S6A_PDN_IPV4,
				      .qci = 9, .arp = { 8, false, true }, .has_ambr = true,
				      .ambr_ul = 20000000, .ambr_dl = 40000000, .has_ipv4 = true,
				      .ipv4 = { 10, 45, 0, 7 }, .vplmn_dynamic_allowed = true };
}

static void test_ulr_ula(void)
{
	struct s6a_ulr ulr = { .imsi = "001010000000001", .rat_type = S6A_RAT_EUTRAN,
			       .flags = S6A_ULR_S6A_INDICATOR | S6A_ULR_INITIAL_ATTACH,
			       .imei = "35609204079298", .sv = "01" }, got;
	struct s6a_subscription sub;
	struct s6a_ula ula;
	const struct s6a_apn *def;
	struct dia_builder b;
	struct dia_msg m;
	const uint8_t *d;
	size_t len;
	int n, sd;

	dia_plmn_encode("00101", ulr.plmn);
	n = s6a_ulr_build(buf, sizeof(buf), &hdr, &ulr);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_ulr_parse(&m, &got, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(got.flags, 0x22);
	CU_ASSERT_EQUAL(got.rat_type, 1004);
	CU_ASSERT_STRING_EQUAL(got.imei, "35609204079298");
	CU_ASSERT_STRING_EQUAL(got.sv, "01");
	dia_msg_free(&m);
	/* ULA with a full Subscription-Data */
	sample_sub(&sub);
	dia_build_init(&b, buf, sizeof(buf), 0, 316, DIA_APP_S6A, 1, 2);
	dia_add_str(&b, DA_SESSION_ID, "s");
	dia_add_u32(&b, DA_RESULT_CODE, 2001);
	s6a_answer_put(&b, S6A_ULR, S6A_ULA_SEPARATION);
	s6a_put_subscription(&b, &sub);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	/* MSISDN on the wire is TBCD */
	sd = dia_get(&m, -1, DA_SUBSCRIPTION_DATA);
	CU_ASSERT_EQUAL(dia_get_bytes(&m, sd, DA_MSISDN, &d, &len), 0);
	CU_ASSERT(len == 6 && !memcmp(d, "\x94\x71\x00\x00\x00\x10", 6));
	CU_ASSERT_EQUAL(s6a_ula_parse(&m, &ula, err, sizeof(err)), 0);
	CU_ASSERT(ula.has_subscription);
	CU_ASSERT_EQUAL(ula.ula_flags, 1);
	CU_ASSERT_STRING_EQUAL(ula.sub.msisdn, "491700000001");
	CU_ASSERT_EQUAL(ula.sub.network_access_mode, 2);
	CU_ASSERT_EQUAL(ula.sub.access_restriction, 0x20);
	CU_ASSERT_EQUAL(ula.sub.ambr_dl, 100000000);
	CU_ASSERT_EQUAL(ula.sub.tau_timer, 3240);
	CU_ASSERT_EQUAL(ula.sub.n_apn, 2);
	def = s6a_default_apn(&ula.sub);
	CU_ASSERT_PTR_NOT_NULL_FATAL(def);
	CU_ASSERT_STRING_EQUAL(def->apn, "internet");
	CU_ASSERT_EQUAL(def->qci, 9);
	CU_ASSERT_EQUAL(def->arp.priority, 8);
	CU_ASSERT(def->arp.preemptable);
	CU_ASSERT(!def->arp.may_preempt);
	CU_ASSERT(def->has_ipv4 && !memcmp(def->ipv4, "\x0a\x2d\x00\x07", 4));
	CU_ASSERT(def->vplmn_dynamic_allowed);
	CU_ASSERT_EQUAL(def->ambr_ul, 20000000);
	CU_ASSERT_EQUAL(ula.sub.apn[0].pdn_type, S6A_PDN_IPV4V6);
	CU_ASSERT(ula.sub.apn[0].arp.may_preempt == false && !ula.sub.apn[0].arp.preemptable);
	dia_msg_free(&m);
}

static void test_pur_clr_idr_dsr_rsr(void)
{
	struct dia_req_hdr hh = { .session_id = "hss;1", .origin_host = "hss.core",
				  .origin_realm = "core", .dest_realm = "agw",
				  .dest_host = "mme.agw" };
	struct s6a_clr clr = { .imsi = "001010000000001",
			       .cancellation_type = S6A_CT_SUBSCRIPTION_WITHDRAWAL }, c2;
	struct s6a_idr idr = { .imsi = "001010000000001" }, i2;
	struct s6a_dsr dsr = { .imsi = "001010000000001", .flags = S6A_DSR_PDN_CONTEXTS_WITHDRAWAL,
			       .n_context_ids = 1, .context_ids = { 1 } }, d2;
	struct s6a_rsr rsr = { .n_user_ids = 2, .user_ids = { "00101", "001020" } }, r2;
	struct s6a_pur pur = { .imsi = "001010000000001" }, p2;
	struct s6a_clr_action act;
	struct s6a_subscription stored;
	struct dia_msg m;
	int n;

	n = s6a_pur_build(buf, sizeof(buf), &hdr, &pur);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(m.code, 321);
	CU_ASSERT_EQUAL(s6a_pur_parse(&m, &p2, err, sizeof(err)), 0);
	dia_msg_free(&m);

	CU_ASSERT_EQUAL(s6a_clr_build(buf, sizeof(buf), &hdr, &clr), -1);	/* no Destination-Host */
	n = s6a_clr_build(buf, sizeof(buf), &hh, &clr);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT(dia_get(&m, -1, DA_DESTINATION_HOST) >= 0);
	CU_ASSERT_EQUAL(s6a_clr_parse(&m, &c2, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(c2.cancellation_type, S6A_CT_SUBSCRIPTION_WITHDRAWAL);
	s6a_clr_action(&c2, &act);
	CU_ASSERT(act.detach_ue && !act.reattach_required && act.emm_cause == 7);
	dia_msg_free(&m);
	c2.cancellation_type = S6A_CT_MME_UPDATE;
	s6a_clr_action(&c2, &act);
	CU_ASSERT(!act.detach_ue);
	c2.cancellation_type = S6A_CT_INITIAL_ATTACH;
	c2.flags = S6A_CLR_REATTACH_REQUIRED;
	s6a_clr_action(&c2, &act);
	CU_ASSERT(act.detach_ue && act.reattach_required);

	/* IDR changes the AMBR and adds an APN; merge into the stored profile */
	sample_sub(&stored);
	idr.sub.has_ambr = true;
	idr.sub.ambr_ul = 1000;
	idr.sub.ambr_dl = 2000;
	idr.sub.has_apn_profile = true;
	idr.sub.default_context_id = 2;
	idr.sub.n_apn = 1;
	idr.sub.apn[0] = (struct s6a_apn){ .context_id = 3, .apn = "iot", .pdn_type = 0,
					   .qci = 8, .arp = { 9, false, true } };
	n = s6a_idr_build(buf, sizeof(buf), &hh, &idr);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_idr_parse(&m, &i2, err, sizeof(err)), 0);
	s6a_subscription_merge(&stored, &i2.sub);
	CU_ASSERT_EQUAL(stored.ambr_ul, 1000);
	CU_ASSERT_EQUAL(stored.n_apn, 3);
	CU_ASSERT_STRING_EQUAL(stored.apn[2].apn, "iot");
	CU_ASSERT_STRING_EQUAL(stored.msisdn, "491700000001");	/* kept */
	dia_msg_free(&m);

	n = s6a_dsr_build(buf, sizeof(buf), &hh, &dsr);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_dsr_parse(&m, &d2, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(d2.n_context_ids, 1);
	s6a_subscription_withdraw(&stored, &d2);
	CU_ASSERT_EQUAL(stored.n_apn, 2);
	CU_ASSERT_STRING_EQUAL(stored.apn[0].apn, "internet");
	dia_msg_free(&m);

	n = s6a_rsr_build(buf, sizeof(buf), &hh, &rsr);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_rsr_parse(&m, &r2, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(r2.n_user_ids, 2);
	CU_ASSERT(s6a_rsr_matches(&r2, "001010000000001"));
	CU_ASSERT(!s6a_rsr_matches(&r2, "001030000000001"));
	dia_msg_free(&m);
	r2.n_user_ids = 0;
	CU_ASSERT(s6a_rsr_matches(&r2, "999990000000001"));
}

static void test_emm_cause(void)
{
	struct dia_result r = { VENDOR_3GPP, S6A_ERROR_USER_UNKNOWN, true };
	struct s6a_cause_cfg two = { .user_unknown = 2 };
	bool t;

	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, NULL, &t), 8);
	CU_ASSERT(!t);
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, &two, &t), 2);
	r.code = S6A_ERROR_UNKNOWN_EPS_SUBSCRIPTION;
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, NULL, &t), 15);
	r.code = S6A_ERROR_RAT_NOT_ALLOWED;
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, NULL, &t), 15);
	r.code = S6A_ERROR_ROAMING_NOT_ALLOWED;
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, NULL, &t), 11);
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 3, true, NULL, &t), 14);	/* ODB_HPLMN_APN */
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 2, true, NULL, &t), 19);	/* ODB_ALL_APN */
	r.code = S6A_AUTHENTICATION_DATA_UNAVAILABLE;
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, NULL, &t), 17);
	CU_ASSERT(t);
	r = (struct dia_result){ 0, 3002, true };
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, NULL, &t), 15);
	CU_ASSERT(t);
	r.code = 5012;
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, NULL, &t), 17);
	CU_ASSERT(!t);
	r.present = false;
	CU_ASSERT_EQUAL(s6a_emm_cause(&r, 0, false, NULL, &t), 17);
	CU_ASSERT(t);
}

static void test_ula_bad_subscription(void)
{
	struct dia_builder b;
	struct dia_msg m;
	struct s6a_ula ula;
	int n;

	dia_build_init(&b, buf, sizeof(buf), 0, 316, DIA_APP_S6A, 1, 2);
	dia_add_u32(&b, DA_RESULT_CODE, 2001);
	dia_add_group(&b, DA_SUBSCRIPTION_DATA);
	dia_add_group(&b, DA_APN_CONFIGURATION_PROFILE);
	dia_add_u32(&b, DA_CONTEXT_IDENTIFIER, 1);
	dia_add_group(&b, DA_APN_CONFIGURATION);
	dia_add_u32(&b, DA_CONTEXT_IDENTIFIER, 1);
	dia_add_u32(&b, DA_PDN_TYPE, 7);	/* out of range */
	dia_add_str(&b, DA_SERVICE_SELECTION, "x");
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(buf, n, &m) == 0);
	CU_ASSERT_EQUAL(s6a_ula_parse(&m, &ula, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "PDN-Type"));
	dia_msg_free(&m);
}

UNIT_SUITE(proto_s6a,
	   UNIT_TEST(test_plmn_tbcd),
	   UNIT_TEST(test_air_aia),
	   UNIT_TEST(test_aia_errors),
	   UNIT_TEST(test_ulr_ula),
	   UNIT_TEST(test_pur_clr_idr_dsr_rsr),
	   UNIT_TEST(test_emm_cause),
	   UNIT_TEST(test_ula_bad_subscription))
