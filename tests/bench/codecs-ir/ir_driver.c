// SPDX-License-Identifier: GPL-2.0
/*
 * Instruction-count driver for tests/bench/codecs-ir/run: repeats one
 * operation N times so that callgrind's instruction count of (N + 10) runs
 * minus that of 10 runs is N operations, without start-up. Unlike the timed
 * benchmark, the count does not depend on what else the machine is doing.
 *
 *   ir_driver OP N [OCTETS]
 *   OP := { eia1 | eia2 | eia3 | eea1 | eea2 | eea3 | aia | ccri | ccru
 *         | nasdec | nasattach | s1dec | s1ics | s1cap }
 *
 * EIA/EEA use the key, COUNT, BEARER and DIRECTION of TS 33.401 C.2.2 over
 * OCTETS zero octets; aia, ccri, ccru are the "build" rows of bench_codecs
 * (tests/bench/codecs_dia_msgs.h).  The NAS and S1AP operations are what
 * the MME does on an attach: nasdec decodes an Attach Request, nasattach
 * decodes it and reads the IEs agwd's attach handler reads; s1dec decodes an
 * Initial UE Message and reads its IEs and members; s1ics builds and encodes
 * an Initial Context Setup Request (one E-RAB); s1cap decodes then encodes a
 * UE Capability Info Indication with an OCTETS-octet capability.  They use
 * the compile-time keys where the build has them (proto/nas.h defines
 * NAS_IE_KEY) and the names before, so the driver compiles against an older
 * tree too (run: its userspace/ next to the build directory).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/eps.h"
#include "proto/nas.h"
#include "proto/s1ap_util.h"
#include "../codecs_dia_msgs.h"

static uint8_t buf[4096];

/* open5gs' Attach Request (test_proto_keys.c) and Initial UE Message
 * carrying it protected (test_proto_s1ap.c) */
static const char attach_hex[] =
	"0741020bf600f110000201030003e605f07000001000050215d011d15200f11030395c"
	"0a003103e5e0349011035758a65d0100e0c1";
static const char initial_ue_hex[] =
	"000c406f000006000800020001001a003c3b17df675aa8050741020bf600f110"
	"000201030003e605f07000001000050215d011d15200f11030395c0a003103e5"
	"e0349011035758a65d0100e0c10043000600 00f1103039006440080000f1108c"
	"3378200086400130004b00070000f110000201";
static uint8_t attach[64], initial_ue[128];
static size_t attach_len, initial_ue_len;
static uint8_t *cap, *cap_pdu, *cap_out;
static size_t cap_pdu_len;
volatile unsigned long sink;

static size_t unhex(const char *h, uint8_t *out)
{
	size_t n = 0;

	for (; h[0] && h[1]; h++) {
		unsigned int v;

		if (h[0] == ' ')
			continue;
		sscanf(h, "%2x", &v);
		out[n++] = (uint8_t)v;
		h++;
	}
	return n;
}

static int nas_attach(void)
{
	struct nas_msg m;
	const struct nas_ie *a, *b, *c;
	int t, k;

	if (nas_decode(&m, attach, attach_len, NAS_DIR_UL, NULL))
		return -1;
#ifdef NAS_IE_KEY
	uint8_t u;

	a = nas_ie(&m, NAS_ATTACH_REQUEST_EPS_MOBILE_IDENTITY);
	b = nas_ie(&m, NAS_ATTACH_REQUEST_UE_NETWORK_CAPABILITY);
	c = nas_ie(&m, NAS_ATTACH_REQUEST_ESM_MESSAGE_CONTAINER);
	t = nas_ie_byte(&m, NAS_ATTACH_REQUEST_EPS_ATTACH_TYPE, &u) ? u : -1;
	k = nas_ie_byte(&m, NAS_ATTACH_REQUEST_NAS_KEY_SET_IDENTIFIER, &u) ? u : -1;
	sink += !!nas_ie(&m, NAS_ATTACH_REQUEST_ADDITIONAL_GUTI) +
		!!nas_ie(&m, NAS_ATTACH_REQUEST_LAST_VISITED_REGISTERED_TAI);
#else
	a = nas_ie_get(&m, "EPS mobile identity");
	b = nas_ie_get(&m, "UE network capability");
	c = nas_ie_get(&m, "ESM message container");
	t = nas_ie_u8(&m, "EPS attach type");
	k = nas_ie_u8(&m, "NAS key set identifier");
	sink += !!nas_ie_get(&m, "Additional GUTI") +
		!!nas_ie_get(&m, "Last visited registered TAI");
#endif
	sink += (unsigned long)(a->len + b->len + c->len + t + k);
	return 0;
}

static int s1_decode(void)
{
	struct s1ap_arena a = { 0 };
	struct aper_ctx ctx = { 0 };
	struct s1ap_pdu pdu;
	const struct s1ap_val *tai, *cgi;
	int rc = s1ap_decode(&pdu, &a, &ctx, initial_ue, initial_ue_len);

	if (!rc) {
		tai = s1ap_ie_find(&pdu, S1AP_IE_TAI);
		cgi = s1ap_ie_find(&pdu, S1AP_IE_EUTRAN_CGI);
#ifdef NAS_IE_KEY
		sink += s1ap_member(tai, S1AP_TAI_TAC)->p[1] +
			s1ap_member(cgi, S1AP_EUTRAN_CGI_CELL_ID)->bits +
			s1ap_member(tai, S1AP_TAI_PLMNIDENTITY)->n;
#else
		sink += s1ap_member(tai, "tAC")->p[1] + s1ap_member(cgi, "cell-ID")->bits +
			s1ap_member(tai, "pLMNidentity")->n;
#endif
		sink += s1ap_ie_find(&pdu, S1AP_IE_NAS_PDU)->n;
	}
	s1ap_arena_free(&a);
	return rc;
}

/* agwd's ICS Request: ids, UE-AMBR, one E-RAB (QoS, TLA, TEID, NAS-PDU),
 * UE security capabilities, KeNB */
static int s1_ics(void)
{
	static const uint8_t ip[4] = { 172, 31, 0, 1 }, key[32] = { 1 }, nas[40] = { 0x27 };
	struct s1ap_arena a = { 0 };
	struct aper_ctx ctx = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *v, *l, *q, *arp;
	long n;
	int f;

	f = s1ap_pdu_init(&pdu, &a, S1AP_PROC_INITIAL_CONTEXT_SETUP, S1AP_INITIATING);
	f |= s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), 16777217);
	f |= s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), 7);
	v = s1ap_b_ie(&pdu, S1AP_IE_UE_AGGREGATE_MAXIMUM_BITRATE);
	l = s1ap_b_items(&a, s1ap_b_ie(&pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ), 1);
	l = s1ap_b_field(&a, l, 52, S1AP_REJECT);	/* E-RABToBeSetupItemCtxtSUReq */
#ifdef NAS_IE_KEY
	f |= s1ap_b_int(s1ap_b_mem(&a, v, S1AP_UE_AMBR_UEAGGREGATEMAXIMUMBITRATEDL), 200000000);
	f |= s1ap_b_int(s1ap_b_mem(&a, v, S1AP_UE_AMBR_UEAGGREGATEMAXIMUMBITRATEUL), 100000000);
	f |= s1ap_b_int(s1ap_b_mem(&a, l, S1AP_E_RAB_TO_BE_SETUP_ITEM_CTXT_SU_REQ_E_RAB_ID), 5);
	q = s1ap_b_mem(&a, l, S1AP_E_RAB_TO_BE_SETUP_ITEM_CTXT_SU_REQ_E_RABLEVELQOSPARAMETERS);
	f |= s1ap_b_int(s1ap_b_mem(&a, q, S1AP_E_RAB_LEVEL_QOS_QCI), 9);
	arp = s1ap_b_mem(&a, q, S1AP_E_RAB_LEVEL_QOS_ALLOCATIONRETENTIONPRIORITY);
	f |= s1ap_b_int(s1ap_b_mem(&a, arp, S1AP_ARP_PRIORITYLEVEL), 15);
	f |= s1ap_b_enum(s1ap_b_mem(&a, arp, S1AP_ARP_PRE_EMPTIONCAPABILITY),
			 S1AP_PRE_EMPTION_CAPABILITY_SHALL_NOT_TRIGGER_PRE_EMPTION);
	f |= s1ap_b_enum(s1ap_b_mem(&a, arp, S1AP_ARP_PRE_EMPTIONVULNERABILITY),
			 S1AP_PRE_EMPTION_VULNERABILITY_NOT_PRE_EMPTABLE);
	f |= s1ap_b_tla(&a, s1ap_b_mem(&a, l,
			S1AP_E_RAB_TO_BE_SETUP_ITEM_CTXT_SU_REQ_TRANSPORTLAYERADDRESS), ip, NULL);
	f |= s1ap_b_teid(&a, s1ap_b_mem(&a, l, S1AP_E_RAB_TO_BE_SETUP_ITEM_CTXT_SU_REQ_GTP_TEID),
			 0x10203);
	f |= s1ap_b_oct(&a, s1ap_b_mem(&a, l, S1AP_E_RAB_TO_BE_SETUP_ITEM_CTXT_SU_REQ_NAS_PDU),
			nas, sizeof(nas));
	v = s1ap_b_ie(&pdu, S1AP_IE_UE_SECURITY_CAPABILITIES);
	f |= s1ap_b_bits(&a, s1ap_b_mem(&a, v, S1AP_UE_SECURITY_CAPABILITIES_ENCRYPTIONALGORITHMS),
			 "\xe0\x00", 16);
	f |= s1ap_b_bits(&a, s1ap_b_mem(&a, v,
			 S1AP_UE_SECURITY_CAPABILITIES_INTEGRITYPROTECTIONALGORITHMS), "\xe0\x00", 16);
#else
	f |= s1ap_b_int(s1ap_b_mem(&a, v, "uEaggregateMaximumBitRateDL"), 200000000);
	f |= s1ap_b_int(s1ap_b_mem(&a, v, "uEaggregateMaximumBitRateUL"), 100000000);
	f |= s1ap_b_int(s1ap_b_mem(&a, l, "e-RAB-ID"), 5);
	q = s1ap_b_mem(&a, l, "e-RABlevelQoSParameters");
	f |= s1ap_b_int(s1ap_b_mem(&a, q, "qCI"), 9);
	arp = s1ap_b_mem(&a, q, "allocationRetentionPriority");
	f |= s1ap_b_int(s1ap_b_mem(&a, arp, "priorityLevel"), 15);
	f |= s1ap_b_enum(s1ap_b_mem(&a, arp, "pre-emptionCapability"),
			 "shall-not-trigger-pre-emption");
	f |= s1ap_b_enum(s1ap_b_mem(&a, arp, "pre-emptionVulnerability"), "not-pre-emptable");
	f |= s1ap_b_tla(&a, s1ap_b_mem(&a, l, "transportLayerAddress"), ip, NULL);
	f |= s1ap_b_teid(&a, s1ap_b_mem(&a, l, "gTP-TEID"), 0x10203);
	f |= s1ap_b_oct(&a, s1ap_b_mem(&a, l, "nAS-PDU"), nas, sizeof(nas));
	v = s1ap_b_ie(&pdu, S1AP_IE_UE_SECURITY_CAPABILITIES);
	f |= s1ap_b_bits(&a, s1ap_b_mem(&a, v, "encryptionAlgorithms"), "\xe0\x00", 16);
	f |= s1ap_b_bits(&a, s1ap_b_mem(&a, v, "integrityProtectionAlgorithms"), "\xe0\x00", 16);
#endif
	f |= s1ap_b_bits(&a, s1ap_b_ie(&pdu, S1AP_IE_SECURITY_KEY), key, 256);
	n = f ? -1 : s1ap_encode(&pdu, &ctx, buf, sizeof(buf));
	s1ap_arena_free(&a);
	sink += (unsigned long)n;
	return n < 0;
}

static int s1_cap(size_t octets)
{
	struct s1ap_arena a = { 0 };
	struct aper_ctx ctx = { 0 };
	struct s1ap_pdu pdu;
	long n = -1;

	if (!cap_pdu) {
		cap = calloc(1, octets + 1);
		cap_pdu = malloc(octets + 64);
		cap_out = malloc(octets + 64);
		if (!cap || !cap_pdu || !cap_out || s1ap_pdu_init(&pdu, &a, S1AP_PROC_UE_CAPABILITY_INFO_INDICATION,
						      S1AP_INITIATING) ||
		    s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), 1) ||
		    s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), 1) ||
		    s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_UE_RADIO_CAPABILITY), cap, octets))
			return -1;
		n = s1ap_encode(&pdu, &ctx, cap_pdu, octets + 64);
		s1ap_arena_free(&a);
		if (n < 0)
			return -1;
		cap_pdu_len = (size_t)n;
	}
	if (!s1ap_decode(&pdu, &a, &ctx, cap_pdu, cap_pdu_len))
		n = s1ap_encode(&pdu, &ctx, cap_out, octets + 64);
	s1ap_arena_free(&a);
	sink += (unsigned long)n;
	return n < 0;
}

static int one(const char *op, size_t octets)
{
	static const uint8_t key[16] = {
		0xd3, 0xc5, 0xd5, 0x92, 0x32, 0x7f, 0xb1, 0x1c,
		0x40, 0x35, 0xc6, 0x68, 0x0a, 0xf8, 0xc6, 0xd1,
	};
	uint8_t mac[4];

	if (!strncmp(op, "eia", 3))
		return eps_eia((unsigned int)(op[3] - '0'), key, 0x398a59b4, 0x1a, 1, buf,
			       octets * 8, mac);
	if (!strncmp(op, "eea", 3))
		return eps_eea((unsigned int)(op[3] - '0'), key, 0x398a59b4, 0x1a, 1, buf,
			       octets * 8);
	if (!strcmp(op, "aia"))
		return dia_msgs_air_aia(buf, sizeof(buf), 1) < 0;
	if (!strcmp(op, "ccri"))
		return dia_msgs_ccr_i(buf, sizeof(buf)) < 0;
	if (!strcmp(op, "ccru"))
		return dia_msgs_ccr_u(buf, sizeof(buf)) < 0;
	if (!strcmp(op, "nasdec")) {
		static struct nas_msg m;

		return nas_decode(&m, attach, attach_len, NAS_DIR_UL, NULL);
	}
	if (!strcmp(op, "nasattach"))
		return nas_attach();
	if (!strcmp(op, "s1dec"))
		return s1_decode();
	if (!strcmp(op, "s1ics"))
		return s1_ics();
	if (!strcmp(op, "s1cap"))
		return s1_cap(octets);
	return -1;
}

int main(int argc, char **argv)
{
	size_t octets = argc > 3 ? strtoul(argv[3], NULL, 0) : 0;
	long n = argc > 2 ? strtol(argv[2], NULL, 0) : -1;

	attach_len = unhex(attach_hex, attach);
	initial_ue_len = unhex(initial_ue_hex, initial_ue);
	if (argc < 3 || n < 0 || (octets > sizeof(buf) && strcmp(argv[1], "s1cap"))) {
		fprintf(stderr, "usage: ir_driver OP N [OCTETS]\n");
		return 2;
	}
	for (long i = 0; i < n; i++)
		if (one(argv[1], octets)) {
			fprintf(stderr, "ir_driver: %s failed\n", argv[1]);
			return 1;
		}
	return 0;
}
