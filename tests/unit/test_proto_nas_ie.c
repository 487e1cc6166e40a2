// SPDX-License-Identifier: GPL-2.0
/*
 * NAS EPS IE value codecs (TS 24.301 9.9, TS 24.008 10.5): decoded fields
 * of real values (same sources as test_proto_nas_msg.c), canonical
 * encodings of built values, and the message builder (nas_msg_init /
 * nas_ie_add) reproducing open5gs' attach accept (open5gs
 * tests/unit/nas-message-test.c test2, which builds it with its encoder).
 */
#include <string.h>

#include "unit.h"
#include "proto/nas.h"
#include "proto/nas_ie.h"

static size_t hx(const char *h, uint8_t *out, size_t max)
{
	int n = unit_hex(h, out, (unsigned int)max);

	CU_ASSERT_FATAL(n >= 0);
	return (size_t)n;
}

static int enc_eq(int n, const uint8_t *out, const char *want)
{
	uint8_t w[300];
	size_t wl = hx(want, w, sizeof(w));

	return n == (int)wl && !memcmp(out, w, wl);
}

static void test_ie_mobile_identity(void)
{
	struct nas_mobile_id id;
	uint8_t v[32], out[32];
	size_t n;

	/* open5gs nas-message-test.c test7: IMSI 001010123456815 (odd) */
	n = hx("0910101032548651", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_mobile_id_dec(&id, v, n, NULL), 0);
	CU_ASSERT_EQUAL(id.type, NAS_ID_IMSI);
	CU_ASSERT_STRING_EQUAL(id.digits, "001010123456815");
	CU_ASSERT(enc_eq(nas_mobile_id_enc(&id, out, sizeof(out), NULL), out, "0910101032548651"));
	/* even number of digits: odd/even 0 and an 1111 filler */
	strcpy(id.digits, "00101012345678");
	CU_ASSERT(enc_eq(nas_eps_mobile_id_enc(&id, out, sizeof(out), NULL), out,
			 "01101010325476f8"));
	/* IMEISV (16 digits, hand-built security mode complete) */
	n = hx("5309300000001010f0", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_mobile_id_dec(&id, v, n, NULL), 0);
	CU_ASSERT_EQUAL(id.type, NAS_ID_IMEISV);
	CU_ASSERT_STRING_EQUAL(id.digits, "5900300000001010");
	/* GUTI of open5gs' attach accept: 417/99, MME group 9029, code 225 */
	n = hx("f614f7992345e100000456", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_eps_mobile_id_dec(&id, v, n, NULL), 0);
	CU_ASSERT_EQUAL(id.type, NAS_ID_GUTI);
	CU_ASSERT_STRING_EQUAL(id.plmn.mcc, "417");
	CU_ASSERT_STRING_EQUAL(id.plmn.mnc, "99");
	CU_ASSERT_EQUAL(id.mme_gid, 9029);
	CU_ASSERT_EQUAL(id.mme_code, 225);
	CU_ASSERT_EQUAL(id.tmsi, 0x456);
	/* TMSI (MS identity of the same message) */
	n = hx("f400e102d4", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_mobile_id_dec(&id, v, n, NULL), 0);
	CU_ASSERT_EQUAL(id.type, NAS_ID_TMSI);
	CU_ASSERT_EQUAL(id.tmsi, 0x00e102d4);
	/* a TMSI is not an EPS mobile identity, a GUTI not a mobile identity */
	CU_ASSERT_EQUAL(nas_eps_mobile_id_dec(&id, v, n, NULL), -1);
	n = hx("f614f7992345e100000456", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_mobile_id_dec(&id, v, n, NULL), -1);
	/* digit 0xa, 17 digits, empty */
	n = hx("09a0", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_mobile_id_dec(&id, v, n, NULL), -1);
	n = hx("091010103254761032", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_mobile_id_dec(&id, v, n, NULL), -1);
	CU_ASSERT_EQUAL(nas_mobile_id_dec(&id, v, 0, NULL), -1);
}

static void test_ie_tai_list(void)
{
	struct nas_tai_list t;
	uint8_t v[64], out[64];
	size_t n;

	/* hand-built TAU accept: type 1 (two consecutive) + type 2 (two TAIs) */
	n = hx("2100f11030394100f110303900f1200001", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_tai_list_dec(&t, v, n, NULL), 0);
	CU_ASSERT_EQUAL(t.n, 2);
	CU_ASSERT_EQUAL(t.l[0].type, 1);
	CU_ASSERT_EQUAL(t.l[0].count, 2);
	CU_ASSERT_EQUAL(t.l[0].tac, 12345);
	CU_ASSERT_EQUAL(t.l[1].type, 2);
	CU_ASSERT_EQUAL(t.l[1].n_tais, 2);
	CU_ASSERT_STRING_EQUAL(t.l[1].tais[1].plmn.mnc, "02");
	CU_ASSERT_EQUAL(t.l[1].tais[1].tac, 1);
	CU_ASSERT(enc_eq(nas_tai_list_enc(&t, out, sizeof(out), NULL), out,
			 "2100f11030394100f110303900f1200001"));
	/* built: type 0, three TACs of 001/01 */
	memset(&t, 0, sizeof(t));
	t.n = 1;
	strcpy(t.l[0].plmn.mcc, "001");
	strcpy(t.l[0].plmn.mnc, "01");
	t.l[0].n_tacs = 3;
	t.l[0].tacs[0] = 1;
	t.l[0].tacs[1] = 2;
	t.l[0].tacs[2] = 0x3039;
	CU_ASSERT(enc_eq(nas_tai_list_enc(&t, out, sizeof(out), NULL), out,
			 "0200f110000100023039"));
	/* truncated, type 3, more than 16 TAIs */
	n = hx("0200f1100001", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_tai_list_dec(&t, v, n, NULL), -1);
	n = hx("6000f1100001", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_tai_list_dec(&t, v, n, NULL), -1);
	n = hx("2f00f11000012f00f1100001", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_tai_list_dec(&t, v, n, NULL), -1);
}

static void test_ie_eps_qos(void)
{
	struct nas_eps_qos q;
	uint8_t v[16], out[16];
	size_t n;

	/* hand-built dedicated bearer: extended-2, 1000 and 300 Mbit/s */
	n = hx("01fefefefefafafafa6f6f0b0b", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_eps_qos_dec(&q, v, n, NULL), 0);
	CU_ASSERT_EQUAL(q.qci, 1);
	CU_ASSERT_EQUAL(q.mbr_ul, 1000000);
	CU_ASSERT_EQUAL(q.gbr_dl, 300000);
	CU_ASSERT(enc_eq(nas_eps_qos_enc(&q, out, sizeof(out), NULL), out,
			 "01fefefefefafafafa6f6f0b0b"));
	/* canonical encodings of 24.301 9.9.4.3 */
	memset(&q, 0, sizeof(q));
	q.qci = 1;
	q.mbr_ul = 1;
	q.mbr_dl = 568;
	q.gbr_ul = 576;
	q.gbr_dl = 8640;
	CU_ASSERT(enc_eq(nas_eps_qos_enc(&q, out, sizeof(out), NULL), out, "01017f80fe"));
	q.mbr_ul = 100000;	/* 100 Mbit/s: extended octet 74 + 84 */
	q.mbr_dl = 16000;	/* 16 Mbit/s: extended 74 */
	CU_ASSERT(enc_eq(nas_eps_qos_enc(&q, out, sizeof(out), NULL), out,
			 "01fefe80fe9e4a0000"));
	q.n_octets = 1;
	q.mbr_ul = q.mbr_dl = q.gbr_ul = q.gbr_dl = 0;
	CU_ASSERT(enc_eq(nas_eps_qos_enc(&q, out, sizeof(out), NULL), out, "01"));
	/* reserved rate 0 does not re-encode: not lossless */
	n = hx("0100404040", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_vcodec_lossless(NAS_VT_EPS_QOS, v, n), 0);
	n = hx("0140404040", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_vcodec_lossless(NAS_VT_EPS_QOS, v, n), 1);
	CU_ASSERT_EQUAL(nas_eps_qos_dec(&q, v, 3, NULL), -1);
}

static void test_ie_apn_ambr(void)
{
	struct nas_apn_ambr a;
	uint8_t v[8], out[8];
	size_t n;

	/* extended-2 adds 256 Mbit/s steps: 256 + 2 x 256 = 768 Mbit/s */
	n = hx("fefefafa0202", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_apn_ambr_dec(&a, v, n, NULL), 0);
	CU_ASSERT_EQUAL(a.dl, 768000);
	CU_ASSERT_EQUAL(a.ul, 768000);
	CU_ASSERT(enc_eq(nas_apn_ambr_enc(&a, out, sizeof(out), NULL), out, "fefefafa0202"));
	memset(&a, 0, sizeof(a));
	a.dl = 50000;
	a.ul = 20000;
	CU_ASSERT(enc_eq(nas_apn_ambr_enc(&a, out, sizeof(out), NULL), out, "fefe6c4e"));
	a.dl = 1024;
	a.ul = 512;
	CU_ASSERT(enc_eq(nas_apn_ambr_enc(&a, out, sizeof(out), NULL), out, "8778"));
	CU_ASSERT_EQUAL(nas_apn_ambr_dec(&a, v, 3, NULL), -1);
}

static void test_ie_apn_pdn_address(void)
{
	struct nas_apn apn;
	struct nas_pdn_addr p;
	uint8_t v[64], out[64];
	size_t n;

	/* srsRAN nas_test.cc attach accept */
	n = hx("0774657374313233066d6e63303031066d63633030310467707273", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_apn_dec(&apn, v, n, NULL), 0);
	CU_ASSERT_STRING_EQUAL(apn.name, "test123.mnc001.mcc001.gprs");
	CU_ASSERT(enc_eq(nas_apn_enc(&apn, out, sizeof(out), NULL), out,
			 "0774657374313233066d6e63303031066d63633030310467707273"));
	n = hx("0874657374", v, sizeof(v));	/* label runs past the end */
	CU_ASSERT_EQUAL(nas_apn_dec(&apn, v, n, NULL), -1);
	strcpy(apn.name, "a..b");
	CU_ASSERT_EQUAL(nas_apn_enc(&apn, out, sizeof(out), NULL), -1);

	n = hx("030000000000000001 0a2d0002", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_pdn_addr_dec(&p, v, n, NULL), 0);
	CU_ASSERT_EQUAL(p.type, NAS_PDN_IPV4V6);
	CU_ASSERT_EQUAL(p.iid[7], 1);
	CU_ASSERT_EQUAL(p.ipv4[0], 10);
	CU_ASSERT_EQUAL(p.ipv4[3], 2);
	CU_ASSERT(enc_eq(nas_pdn_addr_enc(&p, out, sizeof(out), NULL), out,
			 "0300000000000000010a2d0002"));
	n = hx("01c0a805", v, sizeof(v));	/* IPv4 with 3 octets */
	CU_ASSERT_EQUAL(nas_pdn_addr_dec(&p, v, n, NULL), -1);
}

static void test_ie_tft(void)
{
	static struct nas_tft t;
	uint8_t v[256], out[256];
	size_t n;

	/* srsRAN srsran_asn1_nas_test.cc: create, one bidirectional filter,
	 * single local port 2222 */
	n = hx("213100034008ae", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_tft_dec(&t, v, n, NULL), 0);
	CU_ASSERT_EQUAL(t.op, NAS_TFT_OP_CREATE);
	CU_ASSERT_EQUAL(t.n_filters, 1);
	CU_ASSERT_EQUAL(t.f[0].direction, 3);
	CU_ASSERT_EQUAL(t.f[0].id, 1);
	CU_ASSERT_EQUAL(t.f[0].c[0].type, NAS_TFT_LOCAL_PORT);
	CU_ASSERT_EQUAL(t.f[0].c[0].port, 2222);
	CU_ASSERT(enc_eq(nas_tft_enc(&t, out, sizeof(out), NULL), out, "213100034008ae"));
	/* built: add one uplink filter, UDP to remote port 5060 */
	memset(&t, 0, sizeof(t));
	t.op = NAS_TFT_OP_ADD;
	t.n_filters = 1;
	t.f[0].direction = 2;
	t.f[0].id = 1;
	t.f[0].precedence = 0x10;
	t.f[0].n_comps = 2;
	t.f[0].c[0].type = NAS_TFT_PROTOCOL;
	t.f[0].c[0].protocol = 17;
	t.f[0].c[1].type = NAS_TFT_REMOTE_PORT;
	t.f[0].c[1].port = 5060;
	CU_ASSERT(enc_eq(nas_tft_enc(&t, out, sizeof(out), NULL), out, "61211005301150 13c4"));
	/* delete packet filters 1 and 2 */
	n = hx("a20102", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_tft_dec(&t, v, n, NULL), 0);
	CU_ASSERT_EQUAL(t.f[1].id, 2);
	CU_ASSERT(enc_eq(nas_tft_enc(&t, out, sizeof(out), NULL), out, "a20102"));
	/* unknown component 0x99, component past the filter, E bit with no
	 * parameters, announced filters missing */
	n = hx("2131000399 08ae", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_tft_dec(&t, v, n, NULL), -1);
	n = hx("213100024008", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_tft_dec(&t, v, n, NULL), -1);
	n = hx("313100034008ae", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_tft_dec(&t, v, n, NULL), -1);
	n = hx("a301", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_tft_dec(&t, v, n, NULL), -1);
}

static void test_ie_pco(void)
{
	static struct nas_pco p;
	uint8_t v[256], out[256];
	size_t n;

	/* open5gs nas-message-test.c attach accept: IPCP Conf-Nak with
	 * primary/secondary DNS, and a DNS server IPv4 address container */
	n = hx("80802110020200108106c0a8a8018306c0a8a801000d04c0a8a801", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(nas_pco_dec(&p, v, n, NULL), 0);
	CU_ASSERT_EQUAL(p.n, 2);
	CU_ASSERT_EQUAL(p.c[0].id, NAS_PCO_IPCP);
	CU_ASSERT_EQUAL(p.c[0].ipcp, 1);
	CU_ASSERT_EQUAL(p.c[0].ipcp_code, 2);
	CU_ASSERT_EQUAL(p.c[0].n_opts, 2);
	CU_ASSERT_EQUAL(p.c[0].opt[1].type, 0x83);
	CU_ASSERT_EQUAL(p.c[0].opt[1].addr[3], 1);
	CU_ASSERT_EQUAL(p.c[1].id, NAS_PCO_DNS_IPV4);
	CU_ASSERT_EQUAL(p.c[1].ipv4[0], 192);
	CU_ASSERT(enc_eq(nas_pco_enc(&p, out, sizeof(out), NULL), out,
			 "80802110020200108106c0a8a8018306c0a8a801000d04c0a8a801"));
	/* built: DNS IPv6 and P-CSCF IPv4 (network to UE) */
	memset(&p, 0, sizeof(p));
	p.n = 2;
	p.c[0].id = NAS_PCO_DNS_IPV6;
	p.c[0].ipv6[0] = 0x20;
	p.c[0].ipv6[1] = 0x01;
	p.c[0].ipv6[15] = 1;
	p.c[1].id = NAS_PCO_PCSCF_IPV4;
	p.c[1].ipv4[0] = 10;
	p.c[1].ipv4[3] = 1;
	CU_ASSERT(enc_eq(nas_pco_enc(&p, out, sizeof(out), NULL), out,
			 "8000031020010000000000000000000000000001000c040a000001"));
	/* container length past the end */
	n = hx("80000d05c0a8", v, sizeof(v));
	CU_ASSERT_EQUAL(nas_pco_dec(&p, v, n, NULL), -1);
}

static void test_ie_time_and_name(void)
{
	const struct nas_vcodec *tz = nas_vcodec_get(NAS_VT_TIME_ZONE_TIME);
	const struct nas_vcodec *nn = nas_vcodec_get(NAS_VT_NETWORK_NAME);
	struct nas_tz_time t;
	struct nas_network_name name;
	uint8_t v[32], out[32];
	size_t n;

	/* pycrate test_mobile.py GMM information: 2017-10-19 09:27:47 +2h */
	n = hx("71019190727480", v, sizeof(v));
	CU_ASSERT_EQUAL_FATAL(tz->dec(&t, v, n, NULL), 0);
	CU_ASSERT_EQUAL(t.year, 17);
	CU_ASSERT_EQUAL(t.month, 10);
	CU_ASSERT_EQUAL(t.second, 47);
	CU_ASSERT_EQUAL(t.tz_quarters, 8);
	t.tz_quarters = -14;	/* GMT - 3:30 */
	CU_ASSERT(enc_eq(tz->enc(&t, out, sizeof(out), NULL), out, "71019190727449"));
	/* same message: network name "Orange F" in the GSM 7-bit alphabet */
	n = hx("804f79d87d2e838c", v, sizeof(v));
	memset(&name, 0, sizeof(name));
	CU_ASSERT_EQUAL_FATAL(nn->dec(&name, v, n, NULL), 0);
	CU_ASSERT_STRING_EQUAL(name.text, "Orange F");
	CU_ASSERT(enc_eq(nn->enc(&name, out, sizeof(out), NULL), out, "804f79d87d2e838c"));
	memset(&name, 0, sizeof(name));
	name.ext = 1;
	strcpy(name.text, "magma");	/* 35 bits: 5 octets, 5 spare bits */
	CU_ASSERT(enc_eq(nn->enc(&name, out, sizeof(out), NULL), out, "85edf0b91d06"));
}

static void test_ie_bits(void)
{
	struct nas_bits b = { { 0 } };
	uint8_t v = 0x13, out[1];

	/* selected algorithms: EEA1 (bits 7-5), EIA3 (bits 3-1) */
	CU_ASSERT_EQUAL(nas_bits_dec(NAS_VT_SEC_ALGS, &b, &v, 1, NULL), 0);
	CU_ASSERT_EQUAL(b.f[0], 3);
	CU_ASSERT_EQUAL(b.f[1], 1);
	CU_ASSERT_EQUAL(nas_bits_enc(NAS_VT_SEC_ALGS, &b, out, 1, NULL), 1);
	CU_ASSERT_EQUAL(out[0], 0x13);
	b.f[0] = 8;		/* does not fit in 3 bits */
	CU_ASSERT_EQUAL(nas_bits_enc(NAS_VT_SEC_ALGS, &b, out, 1, NULL), -1);
	/* GPRS timer: 3 minutes */
	v = 0x23;
	CU_ASSERT_EQUAL(nas_bits_dec(NAS_VT_GPRS_TIMER, &b, &v, 1, NULL), 0);
	CU_ASSERT_EQUAL(b.f[0], 3);
	CU_ASSERT_EQUAL(b.f[1], 1);
	CU_ASSERT_STRING_EQUAL(nas_emm_cause_name(17), "Network failure");
	CU_ASSERT_STRING_EQUAL(nas_esm_cause_name(36), "Regular deactivation");
}

#define ACC(ie)	NAS_ATTACH_ACCEPT_##ie

/* open5gs test2 builds this attach accept with its encoder */
static void test_builder_attach_accept(void)
{
	static const char *want =
		"07420223060014f799303900325201c101090908696e7465726e657405010ae1"
		"000a271b80802110020200108106c0a8a8018306c0a8a801000d04c0a8a80150"
		"0bf614f7992345e1000004561300f120fffd2305f400e102d4640123";
	uint8_t esm[64], tai[16], guti[16], lai[8], msid[8], out[128];
	struct nas_tai_list tl = { 0 };
	struct nas_mobile_id g = { 0 }, ms = { 0 };
	struct nas_lai l = { 0 };
	struct nas_msg m;
	const uint8_t res = 2, spare = 0, t3412 = 0x23, nf = 0x23;
	uint8_t byte;
	int n_esm, n_tai, n_guti, n_msid, n;

	n_esm = (int)hx("5201c101090908696e7465726e657405010ae1000a271b80802110020200"
			"108106c0a8a8018306c0a8a801000d04c0a8a801", esm, sizeof(esm));
	tl.n = 1;
	strcpy(tl.l[0].plmn.mcc, "417");
	strcpy(tl.l[0].plmn.mnc, "99");
	tl.l[0].n_tacs = 1;
	tl.l[0].tacs[0] = 12345;
	n_tai = nas_tai_list_enc(&tl, tai, sizeof(tai), NULL);
	g.type = NAS_ID_GUTI;
	g.plmn = tl.l[0].plmn;
	g.mme_gid = 9029;
	g.mme_code = 225;
	g.tmsi = 0x456;
	n_guti = nas_eps_mobile_id_enc(&g, guti, sizeof(guti), NULL);
	strcpy(l.plmn.mcc, "001");
	strcpy(l.plmn.mnc, "02");
	l.lac = 0xfffd;
	CU_ASSERT_EQUAL(nas_vcodec_get(NAS_VT_LAI)->enc(&l, lai, sizeof(lai), NULL), 5);
	ms.type = NAS_ID_TMSI;
	ms.tmsi = 0x00e102d4;
	n_msid = nas_mobile_id_enc(&ms, msid, sizeof(msid), NULL);

	nas_msg_init(&m, nas_msg_desc_find(NAS_PD_EMM, NAS_ATTACH_ACCEPT, NAS_DIR_DL), 0, 0);
	/* added out of table order on purpose: the builder sorts */
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(EPS_NETWORK_FEATURE_SUPPORT), &nf, 1, NULL), 0);
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(MS_IDENTITY), msid, (size_t)n_msid, NULL), 0);
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(GUTI), guti, (size_t)n_guti, NULL), 0);
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(LOCATION_AREA_IDENTIFICATION), lai, 5, NULL), 0);
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(ESM_MESSAGE_CONTAINER), esm, (size_t)n_esm, NULL), 0);
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(TAI_LIST), tai, (size_t)n_tai, NULL), 0);
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(T3412_VALUE), &t3412, 1, NULL), 0);
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(SPARE_HALF_OCTET), &spare, 1, NULL), 0);
	CU_ASSERT_EQUAL(nas_ie_add(&m, ACC(EPS_ATTACH_RESULT), &res, 1, NULL), 0);
	/* a row of another message */
	CU_ASSERT_EQUAL(nas_ie_add(&m, NAS_ATTACH_REJECT_EMM_CAUSE, &res, 1, NULL), -1);
	CU_ASSERT_EQUAL(nas_ie_add(&m, "No such IE", &res, 1, NULL), -1);	/* deprecated */
	n = nas_encode(&m, out, sizeof(out), NULL);
	CU_ASSERT(enc_eq(n, out, want));
	CU_ASSERT(nas_ie_byte(&m, ACC(EPS_ATTACH_RESULT), &byte) && byte == 2);
	CU_ASSERT(!nas_ie_byte(&m, ACC(T3402_VALUE), &byte));
	CU_ASSERT_PTR_NULL(nas_ie(&m, NAS_ATTACH_REJECT_EMM_CAUSE));
	CU_ASSERT_EQUAL(nas_ie_u8(&m, "EPS attach result"), 2);		/* deprecated */
	CU_ASSERT_EQUAL(nas_ie_u8(&m, "T3402 value"), -1);
}

UNIT_SUITE(proto_nas_ie,
	   UNIT_TEST(test_ie_mobile_identity),
	   UNIT_TEST(test_ie_tai_list),
	   UNIT_TEST(test_ie_eps_qos),
	   UNIT_TEST(test_ie_apn_ambr),
	   UNIT_TEST(test_ie_apn_pdn_address),
	   UNIT_TEST(test_ie_tft),
	   UNIT_TEST(test_ie_pco),
	   UNIT_TEST(test_ie_time_and_name),
	   UNIT_TEST(test_ie_bits),
	   UNIT_TEST(test_builder_attach_accept))
