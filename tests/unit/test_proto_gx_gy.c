// SPDX-License-Identifier: GPL-2.0
/*
 * Gx and Gy (proto/gx.c, proto/gy.c): CCRs built with every AVP the issue
 * lists and read back the PCRF/OCS way; CCA/RAR with installed and removed
 * rules (predefined and defined with flows, QoS, rating group, monitoring
 * key, precedence), usage monitoring, triggers, revalidation; RAA reports;
 * Gy MSCCs with RSU/USU/GSU, thresholds, validity, FUI of all three kinds,
 * CCFH and per-MSCC results; malformed answers refused.
 */
#include <string.h>

#include "unit.h"
#include "proto/diameter_avp.h"
#include "proto/gx.h"
#include "proto/gy.h"

static const struct dia_req_hdr hdr = {
	.session_id = "pgw.agw;1;7", .origin_host = "pgw.agw", .origin_realm = "agw",
	.dest_realm = "core",
};

static uint8_t buf[8192];
static char err[256];

static int decode(int n, struct dia_msg *m)
{
	struct dia_err e;

	CU_ASSERT_FATAL(n > 0);
	if (dia_msg_decode(buf, (size_t)n, m, &e)) {
		CU_FAIL(e.msg);
		return -1;
	}
	return 0;
}

static void answer_start(struct dia_builder *b, uint32_t code, uint32_t app, uint32_t rc)
{
	dia_build_init(b, buf, sizeof(buf), DIA_F_PROXIABLE, code, app, 1, 2);
	dia_add_str(b, DA_SESSION_ID, hdr.session_id);
	dia_add_u32(b, DA_RESULT_CODE, rc);
	dia_add_str(b, DA_ORIGIN_HOST, "pcrf.core");
	dia_add_str(b, DA_ORIGIN_REALM, "core");
}

static void test_gx_ccr_i(void)
{
	struct gx_ccr r = { .type = GX_INITIAL, .number = 0, .imsi = "001010000000001",
			    .msisdn = "491700000001", .apn = "internet", .has_ipv4 = true,
			    .ipv4 = { 10, 45, 0, 2 }, .apn_ambr_ul = 1000000, .apn_ambr_dl = 2000000,
			    .default_qci = 9, .default_arp = { 8, false, true },
			    .imeisv = "3560920407929801", .uli_len = 13, .mcc_mnc = "00101",
			    .feature_list = 3 }, got;
	struct dia_msg m;
	const uint8_t *d;
	size_t len;
	uint32_t v;
	int n, i;

	memcpy(r.uli, "\x82\x00\xf1\x10\x00\x01\x00\xf1\x10\x00\x00\x01\x01", 13);
	n = gx_ccr_build(buf, sizeof(buf), &hdr, &r);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(m.code, 272);
	CU_ASSERT_EQUAL(m.app_id, DIA_APP_GX);
	CU_ASSERT_EQUAL(dia_get_u32(&m, -1, DA_AUTH_APPLICATION_ID, &v), 0);
	CU_ASSERT_EQUAL(v, DIA_APP_GX);
	CU_ASSERT_EQUAL(dia_get_u32(&m, -1, DA_IP_CAN_TYPE, &v), 0);
	CU_ASSERT_EQUAL(v, 5);
	CU_ASSERT_EQUAL(dia_get_u32(&m, -1, DA_RAT_TYPE, &v), 0);
	CU_ASSERT_EQUAL(v, 1004);
	CU_ASSERT(dia_get(&m, -1, DA_SUPPORTED_FEATURES) >= 0);
	CU_ASSERT(dia_get(&m, -1, DA_NETWORK_REQUEST_SUPPORT) >= 0);
	i = dia_get(&m, -1, DA_DEFAULT_EPS_BEARER_QOS);
	CU_ASSERT(i >= 0 && dia_get(&m, i, DA_ALLOCATION_RETENTION_PRIORITY) >= 0);
	i = dia_get(&m, -1, DA_USER_EQUIPMENT_INFO);
	CU_ASSERT(i >= 0);
	CU_ASSERT_EQUAL(dia_get_bytes(&m, -1, DA_TGPP_USER_LOCATION_INFO, &d, &len), 0);
	CU_ASSERT_EQUAL(len, 13);
	CU_ASSERT_EQUAL(gx_ccr_parse(&m, &got, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(got.imsi, "001010000000001");
	CU_ASSERT_STRING_EQUAL(got.msisdn, "491700000001");
	CU_ASSERT_STRING_EQUAL(got.apn, "internet");
	CU_ASSERT(got.has_ipv4 && got.ipv4[3] == 2);
	CU_ASSERT_EQUAL(got.apn_ambr_dl, 2000000);
	dia_msg_free(&m);
	/* two subscription ids: IMSI type 1, E.164 type 0 */
	r.msisdn[0] = '\0';
	strcpy(r.imsi, "12x");
	CU_ASSERT_EQUAL(gx_ccr_build(buf, sizeof(buf), &hdr, &r), -1);
}

static void test_gx_ccr_u_t(void)
{
	struct gx_ccr r = { .type = GX_UPDATE, .number = 1, .imsi = "001010000000001",
			    .n_triggers = 1, .triggers = { GX_ET_USAGE_REPORT }, .n_usage = 1,
			    .n_reports = 1 }, got;
	struct dia_msg m;
	uint32_t v;
	int n;

	strcpy(r.usage[0].key, "mk1");
	r.usage[0].u.has_total = r.usage[0].u.has_in = r.usage[0].u.has_out = true;
	r.usage[0].u.total = 3000;
	r.usage[0].u.in = 1000;
	r.usage[0].u.out = 2000;
	strcpy(r.reports[0].name, "video");
	r.reports[0].status = GX_RULE_INACTIVE;
	r.reports[0].failure_code = GX_RFC_RESOURCE_ALLOCATION_FAILURE;
	n = gx_ccr_build(buf, sizeof(buf), &hdr, &r);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gx_ccr_parse(&m, &got, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(got.type, GX_UPDATE);
	CU_ASSERT_EQUAL(got.n_triggers, 1);
	CU_ASSERT_EQUAL(got.triggers[0], 33);
	CU_ASSERT_EQUAL(got.n_usage, 1);
	CU_ASSERT_STRING_EQUAL(got.usage[0].key, "mk1");
	CU_ASSERT_EQUAL(got.usage[0].u.total, 3000);
	CU_ASSERT_EQUAL(got.n_reports, 1);
	CU_ASSERT_EQUAL(got.reports[0].failure_code, 10);
	dia_msg_free(&m);
	r.type = GX_TERMINATION;
	r.n_triggers = r.n_reports = 0;
	n = gx_ccr_build(buf, sizeof(buf), &hdr, &r);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(dia_get_u32(&m, -1, DA_TERMINATION_CAUSE, &v), 0);
	CU_ASSERT_EQUAL(v, 1);	/* DIAMETER_LOGOUT */
	dia_msg_free(&m);
}

static void sample_policy(struct gx_policy *p)
{
	struct gx_rule *r;

	memset(p, 0, sizeof(*p));
	p->n_install = 2;
	r = &p->install[0];
	strcpy(r->name, "default-rules");
	r->predefined = r->base = true;
	r = &p->install[1];
	strcpy(r->name, "video");
	r->n_flows = 2;
	strcpy(r->flows[0].desc, "permit out 17 from 198.51.100.10 5000 to any");
	r->flows[0].direction = GX_FD_DOWNLINK;
	strcpy(r->flows[1].desc, "permit out 17 from any to 198.51.100.10 5000");
	r->flows[1].direction = GX_FD_UPLINK;
	r->has_flow_status = true;
	r->flow_status = GX_FS_ENABLED;
	r->has_qos = true;
	r->qos = (struct gx_qos){ .has_qci = true, .qci = 2, .has_arp = true,
				  .arp = { 4, true, false }, .mbr_ul = 512000, .mbr_dl = 2048000,
				  .gbr_ul = 256000, .gbr_dl = 1024000 };
	r->has_rating_group = true;
	r->rating_group = 20;
	strcpy(r->monitoring_key, "mk-video");
	r->has_precedence = true;
	r->precedence = 100;
	p->n_remove = 1;
	strcpy(p->remove[0].name, "old-rule");
	p->has_qos = true;
	p->qos.apn_ambr_ul = 5000000;
	p->qos.apn_ambr_dl = 10000000;
	p->has_default_qos = true;
	p->default_qci = 9;
	p->default_arp = (struct dia_arp){ 8, false, true };
	p->n_triggers = 2;
	p->triggers[0] = GX_ET_REVALIDATION_TIMEOUT;
	p->triggers[1] = GX_ET_USAGE_REPORT;
	p->has_revalidation = true;
	p->revalidation_time = 3900000000u;
	p->n_usage = 1;
	strcpy(p->usage[0].key, "mk-video");
	p->usage[0].u.has_total = true;
	p->usage[0].u.total = 1000000;
	p->usage[0].has_level = true;
	p->usage[0].level = 1;
}

static void check_policy(const struct gx_policy *p)
{
	const struct gx_rule *v;

	CU_ASSERT_EQUAL(p->n_install, 2);
	CU_ASSERT(p->install[0].predefined && p->install[0].base);
	CU_ASSERT_STRING_EQUAL(p->install[0].name, "default-rules");
	v = &p->install[1];
	CU_ASSERT(!v->predefined);
	CU_ASSERT_STRING_EQUAL(v->name, "video");
	CU_ASSERT_EQUAL(v->n_flows, 2);
	CU_ASSERT_STRING_EQUAL(v->flows[1].desc, "permit out 17 from any to 198.51.100.10 5000");
	CU_ASSERT_EQUAL(v->flows[1].direction, GX_FD_UPLINK);
	CU_ASSERT_EQUAL(v->flow_status, GX_FS_ENABLED);
	CU_ASSERT_EQUAL(v->qos.qci, 2);
	CU_ASSERT_EQUAL(v->qos.gbr_dl, 1024000);
	CU_ASSERT(v->qos.arp.may_preempt && !v->qos.arp.preemptable);
	CU_ASSERT_EQUAL(v->rating_group, 20);
	CU_ASSERT_STRING_EQUAL(v->monitoring_key, "mk-video");
	CU_ASSERT_EQUAL(v->precedence, 100);
	CU_ASSERT(gx_rule_needs_bearer(v, 9, &p->default_arp));
	CU_ASSERT(!gx_rule_needs_bearer(&p->install[0], 9, &p->default_arp));
	CU_ASSERT_EQUAL(p->n_remove, 1);
	CU_ASSERT_STRING_EQUAL(p->remove[0].name, "old-rule");
	CU_ASSERT_EQUAL(p->qos.apn_ambr_dl, 10000000);
	CU_ASSERT_EQUAL(p->default_qci, 9);
	CU_ASSERT_EQUAL(p->n_triggers, 2);
	CU_ASSERT_EQUAL(p->revalidation_time, 3900000000u);
	CU_ASSERT_EQUAL(p->n_usage, 1);
	CU_ASSERT_EQUAL(p->usage[0].u.total, 1000000);
	CU_ASSERT_EQUAL(p->usage[0].level, 1);
}

static void test_gx_cca_rar_raa(void)
{
	struct gx_policy pol;
	struct dia_req_hdr ph = { .session_id = hdr.session_id, .origin_host = "pcrf.core",
				  .origin_realm = "core", .dest_realm = "agw",
				  .dest_host = "pgw.agw" };
	struct gx_rule_report rep[1] = { { "video", GX_RULE_INACTIVE, GX_RFC_MAX_NR_BEARERS_REACHED } };
	struct gx_rule_report got[4];
	struct dia_builder b;
	struct gx_cca cca;
	struct gx_rar rar;
	struct dia_msg m;
	int n;

	sample_policy(&pol);
	answer_start(&b, 272, DIA_APP_GX, 2001);
	gx_cca_put(&b, GX_INITIAL, 0, &pol);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gx_cca_parse(&m, &cca, err, sizeof(err)), 0);
	CU_ASSERT(dia_result_ok(&cca.res));
	CU_ASSERT_EQUAL(cca.type, GX_INITIAL);
	check_policy(&cca.pol);
	dia_msg_free(&m);

	n = gx_rar_build(buf, sizeof(buf), &ph, &pol);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(m.code, 258);
	CU_ASSERT_EQUAL(gx_rar_parse(&m, &rar, err, sizeof(err)), 0);
	check_policy(&rar.pol);
	dia_msg_free(&m);
	ph.dest_host = NULL;
	CU_ASSERT_EQUAL(gx_rar_build(buf, sizeof(buf), &ph, &pol), -1);

	answer_start(&b, 258, DIA_APP_GX, 2001);
	gx_raa_put(&b, rep, 1);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gx_reports_parse(&m, got, 4), 1);
	CU_ASSERT_STRING_EQUAL(got[0].name, "video");
	CU_ASSERT_EQUAL(got[0].failure_code, 6);
	dia_msg_free(&m);
}

static void test_gx_bad_answers(void)
{
	struct dia_builder b;
	struct gx_cca cca;
	struct dia_msg m;
	int n;

	/* a definition without a name */
	answer_start(&b, 272, DIA_APP_GX, 2001);
	dia_add_u32(&b, DA_CC_REQUEST_TYPE, 1);
	dia_add_u32(&b, DA_CC_REQUEST_NUMBER, 0);
	dia_add_group(&b, DA_CHARGING_RULE_INSTALL);
	dia_add_group(&b, DA_CHARGING_RULE_DEFINITION);
	dia_add_u32(&b, DA_PRECEDENCE, 1);
	dia_build_group_end(&b);
	dia_build_group_end(&b);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gx_cca_parse(&m, &cca, err, sizeof(err)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "Charging-Rule-Name"));
	dia_msg_free(&m);
	/* no CC-Request-Type */
	answer_start(&b, 272, DIA_APP_GX, 2001);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gx_cca_parse(&m, &cca, err, sizeof(err)), -1);
	dia_msg_free(&m);
	/* a failed CCA parses with its result and no policy */
	answer_start(&b, 272, DIA_APP_GX, 5003);
	dia_add_u32(&b, DA_CC_REQUEST_TYPE, 1);
	dia_add_u32(&b, DA_CC_REQUEST_NUMBER, 0);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gx_cca_parse(&m, &cca, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(cca.res.code, 5003);
	dia_msg_free(&m);
}

static void test_gy_ccr(void)
{
	struct gy_ccr r = { .type = GY_UPDATE, .number = 3, .imsi = "001010000000001",
			    .msisdn = "491700000001", .apn = "internet", .charging_id = 0x1234,
			    .mcc_mnc = "00101", .n_mscc = 2 }, got;
	struct dia_msg m;
	char ctx[32];
	int n, si, ps;

	r.mscc[0] = (struct gy_mscc_req){ .rating_group = 10, .rsu = true, .has_usu = true,
		.usu = { .has_total = true, .has_in = true, .has_out = true, .total = 800,
			 .in = 300, .out = 500 }, .reason = GY_RR_THRESHOLD };
	r.mscc[1] = (struct gy_mscc_req){ .rating_group = 20, .has_service_id = true,
		.service_id = 7, .rsu = true, .reason = GY_RR_NONE };
	n = gy_ccr_build(buf, sizeof(buf), &hdr, &r);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(m.app_id, DIA_APP_DCCA);
	CU_ASSERT_EQUAL(dia_get_str(&m, -1, DA_SERVICE_CONTEXT_ID, ctx, sizeof(ctx)), 0);
	CU_ASSERT_STRING_EQUAL(ctx, "32251@3gpp.org");
	si = dia_get(&m, -1, DA_SERVICE_INFORMATION);
	ps = si >= 0 ? dia_get(&m, si, DA_PS_INFORMATION) : -1;
	CU_ASSERT(ps >= 0 && dia_get(&m, ps, DA_TGPP_CHARGING_ID) >= 0);
	CU_ASSERT_EQUAL(gy_ccr_parse(&m, &got, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(got.n_mscc, 2);
	CU_ASSERT_EQUAL(got.mscc[0].usu.total, 800);
	CU_ASSERT_EQUAL(got.mscc[0].reason, GY_RR_THRESHOLD);
	CU_ASSERT(got.mscc[1].rsu && !got.mscc[1].has_usu);
	CU_ASSERT_EQUAL(got.mscc[1].service_id, 7);
	dia_msg_free(&m);
}

static void test_gy_cca_fui(void)
{
	struct gy_cca a = { .type = GY_UPDATE, .number = 3, .has_ccfh = true,
			    .ccfh = GY_CCFH_RETRY_AND_TERMINATE, .n_mscc = 4 }, got;
	const struct gy_mscc_ans *s;
	struct dia_builder b;
	struct dia_msg m;
	int n;

	a.mscc[0] = (struct gy_mscc_ans){ .rating_group = 10, .has_gsu = true,
		.gsu = { .has_total = true, .total = 1000000 }, .has_validity = true,
		.validity_time = 600, .has_vqt = true, .volume_threshold = 100000 };
	a.mscc[1] = (struct gy_mscc_ans){ .rating_group = 20, .has_gsu = true,
		.gsu = { .has_total = true, .total = 5000 }, .has_fui = true,
		.fui = { .action = GY_FUA_RESTRICT_ACCESS, .n_filter_ids = 1,
			 .filter_id = { "walled-garden" }, .n_rules = 1,
			 .rule = { "permit out ip from any to 198.51.100.80" } } };
	a.mscc[2] = (struct gy_mscc_ans){ .rating_group = 30, .has_fui = true,
		.fui = { .action = GY_FUA_REDIRECT, .has_redirect = true,
			 .redirect_type = GY_REDIRECT_URL,
			 .redirect_addr = "http://topup.example/" } };
	a.mscc[3] = (struct gy_mscc_ans){ .rating_group = 40, .has_result = true,
		.result_code = GY_CREDIT_LIMIT_REACHED };
	answer_start(&b, 272, DIA_APP_DCCA, 2001);
	gy_cca_put(&b, &a);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gy_cca_parse(&m, &got, err, sizeof(err)), 0);
	CU_ASSERT(got.has_ccfh && got.ccfh == GY_CCFH_RETRY_AND_TERMINATE);
	CU_ASSERT_EQUAL(got.n_mscc, 4);
	s = gy_cca_mscc(&got, 10);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(s->gsu.total, 1000000);
	CU_ASSERT_EQUAL(s->validity_time, 600);
	CU_ASSERT_EQUAL(s->volume_threshold, 100000);
	s = gy_cca_mscc(&got, 20);
	CU_ASSERT(s->has_fui && s->fui.action == GY_FUA_RESTRICT_ACCESS);
	CU_ASSERT_STRING_EQUAL(s->fui.filter_id[0], "walled-garden");
	CU_ASSERT_STRING_EQUAL(s->fui.rule[0], "permit out ip from any to 198.51.100.80");
	s = gy_cca_mscc(&got, 30);
	CU_ASSERT(s->fui.has_redirect && s->fui.redirect_type == GY_REDIRECT_URL);
	CU_ASSERT_STRING_EQUAL(s->fui.redirect_addr, "http://topup.example/");
	s = gy_cca_mscc(&got, 40);
	CU_ASSERT(s->has_result && s->result_code == 4012);
	CU_ASSERT_PTR_NULL(gy_cca_mscc(&got, 50));
	dia_msg_free(&m);
	/* REDIRECT without a server is refused */
	a.n_mscc = 1;
	a.mscc[0] = (struct gy_mscc_ans){ .rating_group = 30, .has_fui = true,
		.fui = { .action = GY_FUA_REDIRECT } };
	answer_start(&b, 272, DIA_APP_DCCA, 2001);
	gy_cca_put(&b, &a);
	n = dia_build_finish(&b);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gy_cca_parse(&m, &got, err, sizeof(err)), -1);
	dia_msg_free(&m);
}

static void test_gy_rar_asr(void)
{
	struct dia_req_hdr oh = { .session_id = hdr.session_id, .origin_host = "ocs.core",
				  .origin_realm = "core", .dest_realm = "agw",
				  .dest_host = "pgw.agw" };
	struct gy_rar r = { .reauth_type = 0, .has_rating_group = true, .rating_group = 20 }, got;
	struct dia_msg m;
	int n;

	n = gy_rar_build(buf, sizeof(buf), &oh, &r);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(gy_rar_parse(&m, &got, err, sizeof(err)), 0);
	CU_ASSERT(got.has_rating_group && got.rating_group == 20);
	dia_msg_free(&m);
	n = gy_asr_build(buf, sizeof(buf), &oh);
	CU_ASSERT_FATAL(decode(n, &m) == 0);
	CU_ASSERT_EQUAL(m.code, 274);
	dia_msg_free(&m);
}

static void test_esm_cause(void)
{
	struct dia_result r = { 0, 5003, true };
	bool t;

	CU_ASSERT_EQUAL(dia_esm_cause(&r, &t), 29);
	CU_ASSERT(!t);
	r.code = 4012;
	CU_ASSERT_EQUAL(dia_esm_cause(&r, &t), 29);
	r.code = 3004;
	CU_ASSERT_EQUAL(dia_esm_cause(&r, &t), 26);
	CU_ASSERT(t);
	r.code = 5012;
	CU_ASSERT_EQUAL(dia_esm_cause(&r, &t), 31);
	r.present = false;
	CU_ASSERT_EQUAL(dia_esm_cause(&r, &t), 26);
	CU_ASSERT(t);
}

UNIT_SUITE(proto_gx_gy,
	   UNIT_TEST(test_esm_cause),
	   UNIT_TEST(test_gx_ccr_i),
	   UNIT_TEST(test_gx_ccr_u_t),
	   UNIT_TEST(test_gx_cca_rar_raa),
	   UNIT_TEST(test_gx_bad_answers),
	   UNIT_TEST(test_gy_ccr),
	   UNIT_TEST(test_gy_cca_fui),
	   UNIT_TEST(test_gy_rar_asr))
