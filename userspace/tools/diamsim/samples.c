// SPDX-License-Identifier: GPL-2.0
/*
 * `diamsim samples DIR`: one of each S6a, Gx and Gy message built by the
 * proto/ builders with fixed values, written as DIR/NAME.hex, so that
 * tests/host/tshark_dia_apps.sh can check them with Wireshark's dissector
 * (an independent decoder of every AVP).
 */
#include <stdio.h>
#include <string.h>

#include "proto/diameter_avp.h"
#include "proto/gx.h"
#include "proto/gy.h"
#include "proto/s6a.h"
#include "sim.h"

static const struct dia_req_hdr mme = {
	.session_id = "mme.agw;1;1", .origin_host = "mme.agw", .origin_realm = "agw",
	.dest_realm = "core",
};
static const struct dia_req_hdr hss = {
	.session_id = "hss.core;1;1", .origin_host = "hss.core", .origin_realm = "core",
	.dest_realm = "agw", .dest_host = "mme.agw",
};

static int save(const char *dir, const char *name, const uint8_t *buf, int len)
{
	char path[512];
	FILE *f;

	if (len < 0) {
		fprintf(stderr, "diamsim: sample %s could not be built\n", name);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s.hex", dir, name);
	f = fopen(path, "w");
	if (!f) {
		perror(path);
		return -1;
	}
	for (int i = 0; i < len; i++)
		fprintf(f, "%02x", buf[i]);
	fputc('\n', f);
	return fclose(f);
}

/* An answer from hss.core to the request in buf */
static void answer_to(struct dia_builder *b, uint8_t *out, size_t cap, uint32_t code,
		      uint32_t app, uint32_t rc)
{
	dia_build_init(b, out, cap, DIA_F_PROXIABLE, code, app, 7, 8);
	dia_add_str(b, DA_SESSION_ID, mme.session_id);
	dia_add_u32(b, DA_RESULT_CODE, rc);
	dia_add_str(b, DA_ORIGIN_HOST, "core.server");
	dia_add_str(b, DA_ORIGIN_REALM, "core");
}

static int s6a_samples(const char *dir, uint8_t *buf, size_t cap)
{
	struct s6a_air air = { .imsi = "001010123456789", .num_vectors = 2, .resync = true };
	struct s6a_ulr ulr = { .imsi = "001010123456789", .rat_type = S6A_RAT_EUTRAN,
			       .flags = 0x22, .imei = "35609204079298", .sv = "01" };
	struct s6a_clr clr = { .imsi = "001010123456789", .cancellation_type = 2 };
	struct s6a_dsr dsr = { .imsi = "001010123456789", .flags = 8, .n_context_ids = 1,
			       .context_ids = { 1 } };
	struct s6a_rsr rsr = { .n_user_ids = 1, .user_ids = { "00101" } };
	struct s6a_pur pur = { .imsi = "001010123456789" };
	struct s6a_idr idr = { .imsi = "001010123456789" };
	struct s6a_vector v = { .xres_len = 8 };
	struct s6a_subscription sub = {
		.has_msisdn = true, .msisdn = "491700000001", .has_status = true,
		.has_nam = true, .network_access_mode = 2, .has_ambr = true,
		.ambr_ul = 50000000, .ambr_dl = 100000000, .has_apn_profile = true,
		.default_context_id = 1, .all_apn_included = true, .n_apn = 1,
		.apn = { { .context_id = 1, .apn = "internet", .pdn_type = 0, .qci = 9,
			   .arp = { 8, false, true }, .has_ambr = true, .ambr_ul = 1000,
			   .ambr_dl = 2000, .has_ipv4 = true, .ipv4 = { 10, 45, 0, 7 } } },
	};
	struct dia_builder b;
	int e = 0;

	dia_plmn_encode("00101", air.plmn);
	dia_plmn_encode("00101", ulr.plmn);
	memset(air.rand, 0x11, 16);
	memset(air.auts, 0x22, 14);
	memset(v.rand, 0xaa, 16);
	memset(v.xres, 0xbb, 8);
	memset(v.autn, 0xcc, 16);
	memset(v.kasme, 0xdd, 32);
	e |= save(dir, "s6a_air", buf, s6a_air_build(buf, cap, &mme, &air));
	answer_to(&b, buf, cap, S6A_AIR, DIA_APP_S6A, 2001);
	s6a_answer_put(&b, S6A_AIR, 0);
	s6a_put_vectors(&b, &v, 1);
	e |= save(dir, "s6a_aia", buf, dia_build_finish(&b));
	e |= save(dir, "s6a_ulr", buf, s6a_ulr_build(buf, cap, &mme, &ulr));
	answer_to(&b, buf, cap, S6A_ULR, DIA_APP_S6A, 2001);
	s6a_answer_put(&b, S6A_ULR, 1);
	s6a_put_subscription(&b, &sub);
	e |= save(dir, "s6a_ula", buf, dia_build_finish(&b));
	e |= save(dir, "s6a_pur", buf, s6a_pur_build(buf, cap, &mme, &pur));
	e |= save(dir, "s6a_clr", buf, s6a_clr_build(buf, cap, &hss, &clr));
	idr.sub = sub;
	e |= save(dir, "s6a_idr", buf, s6a_idr_build(buf, cap, &hss, &idr));
	e |= save(dir, "s6a_dsr", buf, s6a_dsr_build(buf, cap, &hss, &dsr));
	e |= save(dir, "s6a_rsr", buf, s6a_rsr_build(buf, cap, &hss, &rsr));
	return e;
}

static int gx_samples(const char *dir, uint8_t *buf, size_t cap)
{
	struct gx_ccr r = { .type = GX_INITIAL, .imsi = "001010123456789", .msisdn = "491700000001",
			    .apn = "internet", .has_ipv4 = true, .ipv4 = { 10, 45, 0, 2 },
			    .apn_ambr_ul = 1000000, .apn_ambr_dl = 2000000, .default_qci = 9,
			    .default_arp = { 8, false, true }, .imeisv = "3560920407929801",
			    .mcc_mnc = "00101", .feature_list = 3, .uli_len = 13 };
	struct gx_policy pol = { .n_install = 2, .n_remove = 1, .has_qos = true,
				 .qos = { .apn_ambr_ul = 5000000, .apn_ambr_dl = 10000000 },
				 .n_triggers = 1, .triggers = { GX_ET_USAGE_REPORT }, .n_usage = 1 };
	struct gx_rule_report rep = { "reject-video", GX_RULE_INACTIVE, 10 };
	struct dia_req_hdr pcrf = hss;
	struct dia_builder b;
	int e = 0;

	memcpy(r.uli, "\x82\x00\xf1\x10\x00\x01\x00\xf1\x10\x00\x00\x01\x01", 13);
	e |= save(dir, "gx_ccr_i", buf, gx_ccr_build(buf, cap, &mme, &r));
	r.type = GX_UPDATE;
	r.number = 1;
	r.n_usage = 1;
	strcpy(r.usage[0].key, "mk1");
	r.usage[0].u.has_total = true;
	r.usage[0].u.total = 123456;
	r.n_triggers = 1;
	r.triggers[0] = GX_ET_USAGE_REPORT;
	e |= save(dir, "gx_ccr_u", buf, gx_ccr_build(buf, cap, &mme, &r));
	r.type = GX_TERMINATION;
	r.number = 2;
	e |= save(dir, "gx_ccr_t", buf, gx_ccr_build(buf, cap, &mme, &r));
	strcpy(pol.install[0].name, "default");
	pol.install[0].predefined = true;
	strcpy(pol.install[1].name, "video");
	pol.install[1].n_flows = 1;
	strcpy(pol.install[1].flows[0].desc, "permit out 17 from 198.51.100.10 5000 to any");
	pol.install[1].flows[0].direction = GX_FD_DOWNLINK;
	pol.install[1].has_flow_status = true;
	pol.install[1].flow_status = GX_FS_ENABLED;
	pol.install[1].has_qos = true;
	pol.install[1].qos = (struct gx_qos){ .has_qci = true, .qci = 2, .has_arp = true,
					      .arp = { 4, true, false }, .mbr_ul = 512000,
					      .mbr_dl = 2048000, .gbr_ul = 256000,
					      .gbr_dl = 1024000 };
	pol.install[1].has_rating_group = true;
	pol.install[1].rating_group = 20;
	strcpy(pol.install[1].monitoring_key, "mk1");
	pol.install[1].has_precedence = true;
	pol.install[1].precedence = 100;
	strcpy(pol.remove[0].name, "old");
	strcpy(pol.usage[0].key, "mk1");
	pol.usage[0].u.has_total = true;
	pol.usage[0].u.total = 1000000;
	answer_to(&b, buf, cap, GX_CCR, DIA_APP_GX, 2001);
	gx_cca_put(&b, GX_INITIAL, 0, &pol);
	e |= save(dir, "gx_cca_i", buf, dia_build_finish(&b));
	pcrf.origin_host = "pcrf.core";
	e |= save(dir, "gx_rar", buf, gx_rar_build(buf, cap, &pcrf, &pol));
	answer_to(&b, buf, cap, GX_RAR, DIA_APP_GX, 2001);
	gx_raa_put(&b, &rep, 1);
	e |= save(dir, "gx_raa", buf, dia_build_finish(&b));
	return e;
}

static int gy_samples(const char *dir, uint8_t *buf, size_t cap)
{
	struct gy_ccr r = { .type = GY_INITIAL, .imsi = "001010123456789", .apn = "internet",
			    .charging_id = 1, .mcc_mnc = "00101", .n_mscc = 2 };
	struct gy_cca a = { .type = GY_UPDATE, .number = 1, .has_ccfh = true, .ccfh = 1,
			    .n_mscc = 3 };
	struct dia_req_hdr ocs = hss;
	struct gy_rar rar = { .has_rating_group = true, .rating_group = 10 };
	struct dia_builder b;
	int e = 0;

	r.mscc[0] = (struct gy_mscc_req){ .rating_group = 10, .rsu = true, .reason = GY_RR_NONE };
	r.mscc[1] = (struct gy_mscc_req){ .rating_group = 20, .rsu = true, .reason = GY_RR_NONE };
	e |= save(dir, "gy_ccr_i", buf, gy_ccr_build(buf, cap, &mme, &r));
	r.type = GY_UPDATE;
	r.number = 1;
	r.mscc[0].has_usu = true;
	r.mscc[0].usu = (struct dia_units){ .has_total = true, .has_in = true, .has_out = true,
					    .total = 800000, .in = 300000, .out = 500000 };
	r.mscc[0].reason = GY_RR_THRESHOLD;
	r.n_mscc = 1;
	e |= save(dir, "gy_ccr_u", buf, gy_ccr_build(buf, cap, &mme, &r));
	r.type = GY_TERMINATION;
	r.number = 2;
	r.mscc[0].reason = GY_RR_FINAL;
	r.mscc[0].rsu = false;
	e |= save(dir, "gy_ccr_t", buf, gy_ccr_build(buf, cap, &mme, &r));
	a.mscc[0] = (struct gy_mscc_ans){ .rating_group = 10, .has_gsu = true,
		.gsu = { .has_total = true, .total = 1000000 }, .has_validity = true,
		.validity_time = 600, .has_vqt = true, .volume_threshold = 100000,
		.has_result = true, .result_code = 2001 };
	a.mscc[1] = (struct gy_mscc_ans){ .rating_group = 20, .has_gsu = true,
		.gsu = { .has_total = true, .total = 5000 }, .has_fui = true,
		.fui = { .action = GY_FUA_RESTRICT_ACCESS, .n_filter_ids = 1,
			 .filter_id = { "walled-garden" }, .n_rules = 1,
			 .rule = { "permit out ip from any to 198.51.100.80" } } };
	a.mscc[2] = (struct gy_mscc_ans){ .rating_group = 30, .has_result = true,
		.result_code = 4012, .has_fui = true,
		.fui = { .action = GY_FUA_REDIRECT, .has_redirect = true, .redirect_type = 2,
			 .redirect_addr = "http://topup.example/" } };
	answer_to(&b, buf, cap, GY_CCR, DIA_APP_DCCA, 2001);
	gy_cca_put(&b, &a);
	e |= save(dir, "gy_cca_u", buf, dia_build_finish(&b));
	ocs.origin_host = "ocs.core";
	e |= save(dir, "gy_rar", buf, gy_rar_build(buf, cap, &ocs, &rar));
	e |= save(dir, "gy_asr", buf, gy_asr_build(buf, cap, &ocs));
	return e;
}

int sim_samples(const char *dir)
{
	static uint8_t buf[16384];

	return s6a_samples(dir, buf, sizeof(buf)) | gx_samples(dir, buf, sizeof(buf)) |
	       gy_samples(dir, buf, sizeof(buf));
}
