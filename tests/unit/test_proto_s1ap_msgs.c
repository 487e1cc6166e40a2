// SPDX-License-Identifier: GPL-2.0
/*
 * Every S1AP message the codec knows, encoded by agwtool from the JSON
 * templates in tests/host/tshark_s1ap.sh and checked there against
 * Wireshark's S1AP dissector (procedure code, every IE id, no malformed
 * field).  Here each is decoded, its message name checked, and re-encoded
 * to the same bytes.  Regenerate with S1AP_SAVE_DIR (see the script).
 */
#include <string.h>

#include "proto/s1ap.h"
#include "test_proto_s1ap.h"
#include "unit.h"

static const struct {
	const char *name;
	const char *hex;
} golden[] = {
	{ "S1SetupRequest",
	  "00110034000004003b00080000f1100000e000003c400e0580656e622d31202874657374"
	  "290040000a0000004800f11000f1200089400140" },
	{ "S1SetupResponse",
	  "20110021000003003d400601806d6d65310069000b000000f11000000004000100574001"
	  "ff" },
	{ "S1SetupFailure",
	  "4011001c00000300024001450041400130003a400b780900010000184403e700" },
	{ "InitialUEMessage",
	  "000c4048000007000800020007001a000b0a27a1b2c3d4050201d011004300060000f110"
	  "0001006440080000f110000012300086400130006000060040c0000123004b00070000f1"
	  "10000401" },
	{ "DownlinkNASTransport",
	  "000b402100000300000005c001000001000800020007001a000b0a27a1b2c3d4050201d0"
	  "11" },
	{ "UplinkNASTransport",
	  "000d403700000500000005c001000001000800020007001a000b0a27a1b2c3d4050201d0"
	  "11006440080000f11000001230004340060000f1100001" },
	{ "NASNonDeliveryIndication",
	  "0010402700000400000005c001000001000800020007001a400b0a27a1b2c3d4050201d0"
	  "11000240020460" },
	{ "InitialContextSetupRequest",
	  "00090080a900000900000005c0010000010008000200070042000b183b9aca008002540b"
	  "e4000018002e00003400294500093d4f80c0a80a0120010db80000000000000000000000"
	  "01000000010a27a1b2c3d4050201d011006b00051c000c00000049002000010203040506"
	  "0708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f002940136800f1100000f1"
	  "200000f11000010002000320004a4002018000c0400835514310ffffff07" },
	{ "InitialContextSetupResponse",
	  "2009003100000400004005c0010000010008400200070033400f000032400a0a1fc0a80a"
	  "01000000010030400800002340030c1020" },
	{ "InitialContextSetupFailure",
	  "4009002700000400004005c001000001000840020007000240020830003a400b78090001"
	  "0000184403e700" },
	{ "UEContextReleaseRequest",
	  "0012401d00000400000005c00100000100080002000700024002028000a4000100" },
	{ "UEContextReleaseCommand",
	  "00170013000002006300070c0100000100070002400120" },
	{ "UEContextReleaseCommand",
	  "001700120000020063000570ffffffff000240022800" },
	{ "UEContextReleaseComplete",
	  "2017002300000300004005c00100000100084002000700bd400d0000f1100000123000f1"
	  "100001" },
	{ "UEContextModificationRequest",
	  "0015005800000700000005c0010000010008000200070049002000010203040506070809"
	  "0a0b0c0d0e0f101112131415161718191a1b1c1d1e1f006a4001ff0042400b183b9aca00"
	  "8002540be400006c000180006b00051c000c0000" },
	{ "UEContextModificationResponse",
	  "2015001200000200004005c001000001000840020007" },
	{ "UEContextModificationFailure",
	  "4015001700000300004005c0010000010008400200070002400114" },
	{ "UECapabilityInfoIndication",
	  "0016401800000300000005c001000001000800020007004a40020180" },
	{ "E-RABSetupRequest",
	  "0005005d00000400000005c0010000010008000200070042000b183b9aca008002540be4"
	  "000010003800001100330c80013d1001f4004001f40020fa0020fa003f8020010db80000"
	  "000000000000000000010000abcd0a27a1b2c3d4050201d011" },
	{ "E-RABSetupResponse",
	  "2005003d00000400004005c001000001000840020007001c401b00002740160c7f20010d"
	  "b800000000000000000000000100000001001d400800002340030c1020" },
	{ "E-RABModifyRequest",
	  "0006002a00000300000005c001000001000800020007001e0014000024000f0c00093d0a"
	  "27a1b2c3d4050201d011" },
	{ "E-RABModifyResponse",
	  "2006002800000400004005c001000001000840020007001f400600002540010c00204008"
	  "00002340030c1020" },
	{ "E-RABReleaseCommand",
	  "0007002d00000400000005c0010000010008000200070021400800002340030c1020001a"
	  "400b0a27a1b2c3d4050201d011" },
	{ "E-RABReleaseResponse",
	  "2007001c00000300004005c0010000010008400200070045400600000f40010c" },
	{ "E-RABReleaseIndication",
	  "0008401e00000300000005c001000001000800020007006e400800002340030c1020" },
	{ "Paging",
	  "000a4036000005005040021240002b40060010c0000123002c400140006d400100002e40"
	  "1501002f40060000f1100001002f40060000f1100002" },
	{ "Paging",
	  "000a402f000005005040020040002b40096800010121436587f9006d400180002e400b00"
	  "002f40060000f11000010097400120" },
	{ "Reset",
	  "000e000d0000020002400143005c000100" },
	{ "Reset",
	  "000e0020000002000240020000005c00134001005b00076c010000010007005b00022008" },
	{ "ResetAcknowledge",
	  "200e0003000000" },
	{ "ResetAcknowledge",
	  "200e0019000001005d401201005b40076c010000010007005b40022008" },
	{ "ErrorIndication",
	  "000f402600000400004005c0010000010008400200070002400131003a400b7809000100"
	  "00184403e700" },
	{ "HandoverRequired",
	  "0000005000000700000005c0010000010008000200070001000100000240020200000400"
	  "0f0000f11081030000080000f1100001004f40010000680017160001800000f110000012"
	  "300000f1100000123080000a" },
	{ "HandoverCommand",
	  "2000003f00000600000005c0010000010008000200070001000100000c401000000e400b"
	  "60a1f0c0a80a0100000005000d400800002340030c1020007b000403000180" },
	{ "HandoverPreparationFailure",
	  "4000001800000300004005c0010000010008400200070002400200e0" },
	{ "HandoverRequest",
	  "000100808500000800000005c00100000100010001000002400202000042000b183b9aca"
	  "008002540be4000035001200001b000d0a1fc0a80a010000000100093d00680017160001"
	  "800000f110000012300000f1100000123080000a006b00051c000c000000280021100001"
	  "02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" },
	{ "HandoverRequestAcknowledge",
	  "2001004400000500004005c0010000010008400200070012401a000014401560a1f0c0a8"
	  "0a01000000010f80c0a80a01000000090013400800001540030c1020007b000403000180" },
	{ "HandoverFailure",
	  "4001001200000200004005c001000001000240020140" },
	{ "HandoverNotify",
	  "0002402800000400000005c001000001000800020007006440080000f110000012300043"
	  "40060000f1100001" },
	{ "HandoverCancel",
	  "0004001800000300000005c001000001000800020007000240020080" },
	{ "HandoverCancelAcknowledge",
	  "2004001200000200004005c001000001000840020007" },
	{ "PathSwitchRequest",
	  "000300440000060008000200070016000f000017000a0a1fc0a80a010000000100580005"
	  "c001000001006440080000f11000001230004340060000f1100001006b40051c000c0000" },
	{ "PathSwitchRequestAcknowledge",
	  "2003006500000600004005c0010000010008400200070042400b183b9aca008002540be4"
	  "00005f400f00005e400a0a1fc0a80a01000000010021400800002340030c102000280021"
	  "10000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" },
	{ "PathSwitchRequestFailure",
	  "4003001700000300004005c0010000010008400200070002400144" },
	{ "ENBStatusTransfer",
	  "0018402900000300000005c001000001000800020007005a001300000059400d05000001"
	  "0002000fff800fffff" },
	{ "MMEStatusTransfer",
	  "0019402900000300000005c001000001000800020007005a001300000059400d05000001"
	  "0002000fff800fffff" },
	{ "ENBConfigurationUpdate",
	  "001d0021000003003c40070200656e622d320040000a0000004800f11000f12000894001"
	  "20" },
	{ "ENBConfigurationUpdateAcknowledge",
	  "201d0003000000" },
	{ "ENBConfigurationUpdateFailure",
	  "401d000d00000200024001440041400150" },
	{ "MMEConfigurationUpdate",
	  "001e0021000003003d400601806d6d65320069000b000000f11000000004000100570001"
	  "0a" },
	{ "MMEConfigurationUpdateAcknowledge",
	  "201e0003000000" },
	{ "MMEConfigurationUpdateFailure",
	  "401e000d00000200024001420041400100" },
	{ "ENBConfigurationTransfer",
	  "002840240000010081401d0000f1100000e00000f11000010000f11081030000080000f1"
	  "10000100" },
	{ "MMEConfigurationTransfer",
	  "0029403c000001008240350000f1100000e00000f11000010000f11081030000080000f1"
	  "100001510f80c0a80a013f8020010db8000000000000000000000001" },
};

static void test_all_messages_roundtrip(void)
{
	for (size_t i = 0; i < sizeof(golden) / sizeof(golden[0]); i++) {
		struct s1ap_arena a = { 0 };
		struct s1ap_pdu pdu;
		struct s1ap_check_result r;

		CU_ASSERT_EQUAL_FATAL(s1ap_test_roundtrip(golden[i].hex, &pdu, &a), 0);
		CU_ASSERT_PTR_NOT_NULL_FATAL(pdu.msg);
		CU_ASSERT_STRING_EQUAL(pdu.msg->name, golden[i].name);
		/* every mandatory IE present, nothing unknown */
		s1ap_check(&pdu, &r);
		CU_ASSERT_EQUAL(r.reject, 0);
		CU_ASSERT_EQUAL(r.n, 0);
		s1ap_arena_free(&a);
	}
}

/* A few field checks on the golden messages (values from the templates). */
static void test_golden_fields(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	const struct s1ap_val *v, *it;
	size_t i;

	for (i = 0; strcmp(golden[i].name, "InitialContextSetupRequest"); i++)
		;
	CU_ASSERT_FATAL(s1ap_test_roundtrip(golden[i].hex, &pdu, &a) == 0);
	CU_ASSERT_EQUAL(s1ap_test_u64(&pdu, S1AP_IE_MME_UE_S1AP_ID), 16777217);
	v = s1ap_ie_find(&pdu, S1AP_IE_UE_AGGREGATE_MAXIMUM_BITRATE);
	CU_ASSERT_EQUAL(s1ap_member(v, "uEaggregateMaximumBitRateUL")->u, 10000000000ull);
	v = s1ap_ie_find(&pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ);
	CU_ASSERT_FATAL(v != NULL && v->n == 1);
	it = &v->v[0].v[0];
	/* IPv4 and IPv6 together: 160 bits (TS 36.414 5.3) */
	CU_ASSERT_EQUAL(s1ap_member(it, "transportLayerAddress")->bits, 160);
	CU_ASSERT_EQUAL(s1ap_member(s1ap_member(it, "e-RABlevelQoSParameters"), "qCI")->u, 9);
	v = s1ap_ie_find(&pdu, S1AP_IE_SECURITY_KEY);
	CU_ASSERT_EQUAL(v->bits, 256);
	CU_ASSERT_EQUAL(v->p[31], 0x1f);
	s1ap_arena_free(&a);

	for (i = 0; strcmp(golden[i].name, "ErrorIndication"); i++)
		;
	CU_ASSERT_FATAL(s1ap_test_roundtrip(golden[i].hex, &pdu, &a) == 0);
	v = s1ap_ie_find(&pdu, S1AP_IE_CRITICALITY_DIAGNOSTICS);
	v = s1ap_member(v, "iEsCriticalityDiagnostics");
	CU_ASSERT_FATAL(v != NULL && v->n == 2);
	CU_ASSERT_EQUAL(s1ap_member(&v->v[1], "iE-ID")->u, 999);
	s1ap_arena_free(&a);
}

/* Build a message with the C API and compare with the golden bytes. */
static void test_build_ue_context_release_command(void)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *v, *pair;
	struct aper_ctx ctx;
	uint8_t out[64], want[64];
	long n;
	int wn;
	size_t i;

	CU_ASSERT_FATAL(s1ap_pdu_init(&pdu, &a, S1AP_PROC_UE_CONTEXT_RELEASE, S1AP_INITIATING) == 0);
	v = s1ap_ie_add(&pdu, S1AP_IE_UE_S1AP_IDS);
	CU_ASSERT_FATAL(v != NULL);
	CU_ASSERT_FATAL(s1ap_val_init(&a, v, s1ap_ie_info(S1AP_IE_UE_S1AP_IDS)->type, 0) == 0);
	v->u = 0;	/* uE-S1AP-ID-pair */
	pair = &v->v[0];
	CU_ASSERT_FATAL(s1ap_val_init(&a, pair, v->t->m[0].type, 0) == 0);
	s1ap_member_slot(pair, "mME-UE-S1AP-ID")->t = pair->t->m[0].type;
	s1ap_member_slot(pair, "mME-UE-S1AP-ID")->u = 16777217;
	s1ap_member_slot(pair, "eNB-UE-S1AP-ID")->t = pair->t->m[1].type;
	s1ap_member_slot(pair, "eNB-UE-S1AP-ID")->u = 7;
	v = s1ap_ie_add(&pdu, S1AP_IE_CAUSE);
	CU_ASSERT_FATAL(s1ap_val_init(&a, v, s1ap_ie_info(S1AP_IE_CAUSE)->type, 0) == 0);
	v->u = s1ap_name_index(v->t, "nas");
	v->v[0].t = v->t->m[v->u].type;
	v->v[0].u = s1ap_name_index(v->v[0].t, "normal-release");
	memset(&ctx, 0, sizeof(ctx));
	n = s1ap_encode(&pdu, &ctx, out, sizeof(out));
	for (i = 0; strcmp(golden[i].name, "UEContextReleaseCommand"); i++)
		;
	wn = unit_hex(golden[i].hex, want, sizeof(want));
	CU_ASSERT_EQUAL(n, wn);
	CU_ASSERT_EQUAL(memcmp(out, want, (size_t)wn), 0);
	s1ap_arena_free(&a);
}

UNIT_SUITE(proto_s1ap_msgs,
	   UNIT_TEST(test_all_messages_roundtrip),
	   UNIT_TEST(test_golden_fields),
	   UNIT_TEST(test_build_ue_context_release_command))
