// SPDX-License-Identifier: GPL-2.0
/*
 * NAS EPS message codec (TS 24.301 chapter 8): every EMM and ESM message the
 * MME sends or receives decodes to the right table and re-encodes to the
 * same bytes, directly and through JSON (with and without the IE octets).
 *
 * Vectors: real messages from other stacks' test suites (file named above
 * each group) plus hand-built ones for the messages those suites lack; each
 * hand-built one was checked with tshark 4.0 (nas-eps_plain dissector, no
 * malformed or unknown element), see tests/host/tshark_nas.sh.  Security
 * protected vectors (header types 1-4) carry a plain inner message (the
 * test networks ran EEA0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "unit.h"
#include "proto/nas.h"
#include "proto/nas_ie.h"
#include "proto/nas_json.h"

struct vec {
	const char *label;
	const char *msg;	/* message name (and variant) of the plain message */
	const char *hex;
};

static const struct vec vecs[] = {
	/* open5gs tests/unit/nas-message-test.c test1 */
	{ "attach_request_guti", "Attach request",
	  "0741020bf600f110000201030003e605f07000001000050215d011d15200f110"
	  "30395c0a003103e5e0349011035758a65d0100e0c1" },
	/* open5gs tests/unit/nas-message-test.c test2 */
	{ "attach_accept", "Attach accept",
	  "07420223060014f799303900325201c101090908696e7465726e657405010ae1"
	  "000a271b80802110020200108106c0a8a8018306c0a8a801000d04c0a8a80150"
	  "0bf614f7992345e1000004561300f120fffd2305f400e102d4640123" },
	/* open5gs tests/unit/nas-message-test.c test3 */
	{ "attach_complete", "Attach complete",
	  "074300035200c2" },
	/* open5gs tests/unit/nas-message-test.c test4 */
	{ "attach_reject", "Attach reject",
	  "074411" },
	/* open5gs tests/unit/nas-message-test.c test6 */
	{ "identity_request", "Identity request",
	  "075501" },
	/* open5gs tests/unit/nas-message-test.c test7 */
	{ "identity_response", "Identity response",
	  "0756080910101032548651" },
	/* open5gs tests/unit/nas-message-test.c test8 */
	{ "service_request", "Service request",
	  "c7a8640c" },
	/* srsRAN_4G srsue/test/upper/nas_test.cc auth_request_pdu */
	{ "auth_request", "Authentication request",
	  "0752010c63a85413e6a4ced986fbe5ce9b625e106757b3c2b97090010c728a67"
	  "579252b8" },
	/* srsRAN_4G srsue/test/upper/nas_test.cc sec_mode_command_pdu */
	{ "smc", "Security mode command",
	  "374efd571100075d020102f070c1" },
	/* srsRAN_4G srsue/test/upper/nas_test.cc attach_accept_pdu */
	{ "attach_accept_sht2", "Attach accept",
	  "2700000000000742013e060000f1100001002a5201c101041b07746573743132"
	  "33066d6e63303031066d636330303104677072730501c0a80502270180500bf6"
	  "00f11080010135166dbc640100" },
	/* srsRAN_4G srsue/test/upper/nas_test.cc esm_info_req_pdu */
	{ "esm_info_request_sht2", "ESM information request",
	  "270000000000025ad9" },
	/* srsRAN_4G lib/test/asn1/srsran_asn1_nas_test.cc */
	{ "act_dedicated_request", "Activate dedicated EPS bearer context request",
	  "273511fdf6076200c505010107213100034008ae5d0200c28134014d" },
	/* srsRAN_4G srsue/test/upper/nas_test.cc deactivate_eps_bearer_pdu */
	{ "deact_request", "Deactivate EPS bearer context request",
	  "2700000000006200cd24" },
	/* open5gs test/testpacket.c (NAS-PDU inside the S1AP test messages) */
	{ "attach_request_guti_sht1", "Attach request",
	  "1711a73a12070741020bf600f1100002010000000105e060c0400100210221d0"
	  "11d1271a8080211001000010810600000000830600000000000d00000a005255"
	  "f50110225c0a003103e5c03e1355f501aaaa11035758a6200b601404ef65233b"
	  "8878d29040080402600400021f025d0107e0" },
	{ "attach_request_imsi", "Attach request",
	  "07417208091010103254866202e0600021023cd011d1271a8080211001000010"
	  "810600000000830600000000000d00000a005c0a009011034f18a6f15d0100" },
	{ "attach_request_imsi_sht1", "Attach request",
	  "17acba67c48207410108091010103254866205f0f0000000000e023cd011d127"
	  "0780000a00000d00c1" },
	{ "attach_request_plain_imsi", "Attach request",
	  "07417108091010103254767905f0f0000000000e0201d011d1270780000a0000"
	  "0d00c1" },
	{ "identity_response_sht1", "Identity response",
	  "17d7e3248b570756080910101032548651" },
	{ "auth_response_sht1", "Authentication response",
	  "177c0bca9d030753086a91970e838fd079" },
	{ "auth_response", "Authentication response",
	  "07530831c964f076137876" },
	{ "smc_complete_sht4", "Security mode complete",
	  "476b8f5f6400075e" },
	{ "esm_info_response_sht2", "ESM information response",
	  "275c066758010221da280908696e7465726e6574274a80c223150100001510c0"
	  "9a2626c09a2626c09a2626c09a2626c2231502000015103d3dda5c724cc49735"
	  "4ae6465345a80880211001000010810600000000830600000000000d00000a00" },
	{ "attach_complete_sht2", "Attach complete",
	  "27c183eb9502074300035200c2" },
	{ "emm_status_sht2", "EMM status",
	  "27574292cc02076065" },
	{ "detach_request_ul_sht1", "Detach request (UE originating detach)",
	  "172ba435db040745090bf600f110000201020003e6" },
	{ "service_request_s1", "Service request",
	  "c704d4b8" },
	{ "act_default_accept_sht2", "Activate default EPS bearer context accept",
	  "27e7f5bb400b6200c2" },
	{ "act_dedicated_accept_sht2", "Activate dedicated EPS bearer context accept",
	  "27078a5f34037200c6" },
	{ "deact_accept_sht2", "Deactivate EPS bearer context accept",
	  "274cb2ebbd056200ce" },
	{ "pdn_conn_request_sht2", "PDN connectivity request",
	  "277c81dab50a0205d011281208696e7465726e6574036e6732046d6e6574271a"
	  "8080211001000010810600000000830600000000000d00000a00" },
	{ "pdn_disc_request_sht2", "PDN disconnect request",
	  "2732423c53040206d206" },
	/* hand-built; dissected without warnings by tshark 4.0 (nas-eps_plain) */
	{ "detach_req_dl", "Detach request (UE terminated detach)",
	  "0745025311" },
	{ "detach_accept", "Detach accept",
	  "0746" },
	{ "tau_request", "Tracking area update request",
	  "0748180bf600f110000201030003e65805f0700000105200f11030395c0a0057"
	  "0220003103e5e034" },
	{ "tau_accept", "Tracking area update accept",
	  "0749005a23500bf600f110000201030003e654112100f11030394100f1103039"
	  "00f120000157022000640101" },
	{ "tau_complete", "Tracking area update complete",
	  "074a" },
	{ "tau_reject", "Tracking area update reject",
	  "074b0a5f0121" },
	{ "ext_service_request", "Extended service request",
	  "074c0105f400000456b157022000" },
	{ "service_reject", "Service reject",
	  "074e165b23" },
	{ "auth_reject", "Authentication reject",
	  "0754" },
	{ "auth_failure", "Authentication failure",
	  "075c15300e5a8e7b8c9f120123456789abcdef" },
	{ "smc_reject", "Security mode reject",
	  "075f18" },
	{ "guti_realloc_command", "GUTI reallocation command",
	  "07500bf600f110000201030003e754060000f1103039" },
	{ "guti_realloc_complete", "GUTI reallocation complete",
	  "0751" },
	{ "emm_information", "EMM information",
	  "07614308804f79d87d2e838c4508804f79d87d2e838c46804771019190727480"
	  "490101" },
	{ "dl_nas_transport", "Downlink NAS transport",
	  "0762028904" },
	{ "ul_nas_transport", "Uplink NAS transport",
	  "0763020904" },
	{ "smc_complete_imeisv", "Security mode complete",
	  "075e23095309300000001010f0" },
	{ "pdn_conn_reject", "PDN connectivity reject",
	  "0201d11b270480000d00370121" },
	{ "pdn_disc_reject", "PDN disconnect reject",
	  "0206d331" },
	{ "act_default_reject", "Activate default EPS bearer context reject",
	  "5201c31f" },
	{ "act_dedicated_reject", "Activate dedicated EPS bearer context reject",
	  "6200c72c" },
	{ "modify_request", "Modify EPS bearer context request",
	  "6200c95b05014040404036096121100530115013c45e04fefe4a4a" },
	{ "modify_accept", "Modify EPS bearer context accept",
	  "6200ca" },
	{ "modify_reject", "Modify EPS bearer context reject",
	  "6200cb2b" },
	{ "br_alloc_request", "Bearer resource allocation request",
	  "0207d4050d2131000910c0a80001ffffffff050140404040" },
	{ "br_alloc_reject", "Bearer resource allocation reject",
	  "0207d51e" },
	{ "br_modify_request", "Bearer resource modification request",
	  "0208d60602a1015824" },
	{ "br_modify_reject", "Bearer resource modification reject",
	  "0208d72f3701ff" },
	{ "esm_status", "ESM status",
	  "0200e851" },
	{ "act_default_v4v6", "Activate default EPS bearer context request",
	  "5201c101090908696e7465726e65740d0300000000000000010a2d00025e06fe"
	  "fefafa0202271b8000031020010db8000000000000000000000001000c040a00"
	  "0001" },
	{ "act_dedicated_full", "Activate dedicated EPS bearer context request",
	  "7200c5050d01fefefefefafafafa6f6f0b0b9d33110121100a000001ffffff00"
	  "300641040004ff511f901f9f600000123470b8fc800123452202542120010db8"
	  "000000000000000000000000402320010db80000000100000000000000004020"
	  "20010db8000000000000000000000001ffffffffffffffffffffffffffffffff"
	  "11c0a80101ffffffff401f4050270f33031b810a0b0c0d0e0f82010203040506"
	  "8300648400c8850586038788cc030101" },
};

#define N_VECS (sizeof(vecs) / sizeof(vecs[0]))

static size_t hex(const char *h, uint8_t *out, size_t max)
{
	int n = unit_hex(h, out, (unsigned int)max);

	CU_ASSERT_FATAL(n >= 0);
	return (size_t)n;
}

/* Plain message inside a protected one (header types 1-5), else buf. */
static const uint8_t *plain_of(const uint8_t *buf, size_t len, size_t *plen)
{
	struct nas_sec_hdr h;

	if (nas_sec_hdr_decode(&h, buf, len, NULL) == 1) {
		*plen = h.inner_len;
		return h.inner;
	}
	*plen = len;
	return buf;
}

static void full_name(const struct nas_msg *m, char *out, size_t max)
{
	if (m->desc->variant)
		snprintf(out, max, "%s (%s)", m->desc->name, m->desc->variant);
	else
		snprintf(out, max, "%s", m->desc->name);
}

static void test_vectors_roundtrip(void)
{
	for (size_t i = 0; i < N_VECS; i++) {
		uint8_t buf[512], out[512];
		const uint8_t *p;
		size_t len = hex(vecs[i].hex, buf, sizeof(buf)), plen;
		struct nas_msg m;
		struct nas_err err = { 0 };
		char name[128];
		int n;

		p = plain_of(buf, len, &plen);
		n = nas_decode(&m, p, plen, NAS_DIR_ANY, &err);
		if (n) {
			fprintf(stderr, "\n%s: %s\n", vecs[i].label, err.msg);
			CU_FAIL("decode");
			continue;
		}
		full_name(&m, name, sizeof(name));
		if (strcmp(name, vecs[i].msg))
			fprintf(stderr, "\n%s: decoded as %s\n", vecs[i].label, name);
		CU_ASSERT_STRING_EQUAL(name, vecs[i].msg);
		n = nas_encode(&m, out, sizeof(out), &err);
		CU_ASSERT_EQUAL(n, (int)plen);
		CU_ASSERT(n == (int)plen && !memcmp(out, p, plen));
		for (unsigned int j = 0; j < m.n_ie; j++)
			CU_ASSERT(!m.ie[j].ignored && m.ie[j].d);
	}
}

/* Remove "hex" wherever a "value" is present (recursively). */
static void strip_hex(struct json_object *o)
{
	struct json_object *ies, *v;

	if (json_object_object_get_ex(o, "message", &v))
		strip_hex(v);
	if (!json_object_object_get_ex(o, "IEs", &ies))
		return;
	for (size_t i = 0; i < json_object_array_length(ies); i++) {
		struct json_object *ie = json_object_array_get_idx(ies, i), *n;

		if (!json_object_object_get_ex(ie, "value", &v))
			continue;
		json_object_object_del(ie, "hex");
		if (json_object_object_get_ex(v, "message type", &n))
			strip_hex(v);
	}
}

/* IEs that have a structured codec but came out without "value". */
static int lossy_ies(struct json_object *o, const struct nas_msg_desc *desc)
{
	struct json_object *ies, *v, *name;
	int n = 0;

	if (!json_object_object_get_ex(o, "IEs", &ies))
		return 0;
	for (size_t i = 0; i < json_object_array_length(ies); i++) {
		struct json_object *ie = json_object_array_get_idx(ies, i);
		const struct nas_ie_desc *d;

		if (!json_object_object_get_ex(ie, "name", &name))
			continue;
		d = nas_ie_desc_find(desc, json_object_get_string(name));
		if (!d || (d->vt != NAS_VT_ESM_CONTAINER && !nas_vcodec_get(d->vt)))
			continue;
		if (!json_object_object_get_ex(ie, "value", &v)) {
			fprintf(stderr, "\n  no structured value for %s\n", d->name);
			n++;
		}
	}
	return n;
}

static void json_roundtrip(const uint8_t *buf, size_t len, const char *label, int strip)
{
	struct nas_err err = { 0 };
	struct json_object *o = nas_to_json(buf, len, NAS_DIR_ANY, &err);
	uint8_t out[512];
	int n;

	if (!o) {
		fprintf(stderr, "\n%s: %s\n", label, err.msg);
		CU_FAIL("to json");
		return;
	}
	if (strip)
		strip_hex(o);
	n = nas_from_json(o, out, sizeof(out), &err);
	if (n != (int)len || memcmp(out, buf, len)) {
		fprintf(stderr, "\n%s (strip %d): %s\n%s\n", label, strip, n < 0 ? err.msg : "",
			json_object_to_json_string(o));
		CU_FAIL("json round trip");
	}
	json_object_put(o);
}

static void test_vectors_json(void)
{
	for (size_t i = 0; i < N_VECS; i++) {
		uint8_t buf[512];
		size_t len = hex(vecs[i].hex, buf, sizeof(buf)), plen;
		const uint8_t *p = plain_of(buf, len, &plen);

		json_roundtrip(buf, len, vecs[i].label, 0);
		json_roundtrip(buf, len, vecs[i].label, 1);
		json_roundtrip(p, plen, vecs[i].label, 1);
	}
}

/* Every IE with a structured codec decodes losslessly on the real data. */
static void test_vectors_structured(void)
{
	for (size_t i = 0; i < N_VECS; i++) {
		uint8_t buf[512];
		size_t len = hex(vecs[i].hex, buf, sizeof(buf)), plen;
		const uint8_t *p = plain_of(buf, len, &plen);
		struct json_object *o = nas_to_json(p, plen, NAS_DIR_ANY, NULL);
		struct nas_msg m;

		CU_ASSERT_FATAL(o != NULL);
		CU_ASSERT_FATAL(nas_decode(&m, p, plen, NAS_DIR_ANY, NULL) == 0);
		if (lossy_ies(o, m.desc)) {
			fprintf(stderr, "  (in %s)\n", vecs[i].label);
			CU_FAIL("lossy structured value");
		}
		json_object_put(o);
	}
}

/* Each message of the tables is covered by at least one vector. */
static void test_vectors_cover_all_messages(void)
{
	const struct nas_msg_desc *d;

	for (unsigned int k = 0; (d = nas_msg_desc_at(k)); k++) {
		int found = 0;

		for (size_t i = 0; i < N_VECS && !found; i++) {
			uint8_t buf[512];
			size_t len = hex(vecs[i].hex, buf, sizeof(buf)), plen;
			const uint8_t *p = plain_of(buf, len, &plen);
			struct nas_msg m;

			found = nas_decode(&m, p, plen, NAS_DIR_ANY, NULL) == 0 && m.desc == d;
		}
		if (!found)
			fprintf(stderr, "\nno vector for %s %s\n", d->name,
				d->variant ? d->variant : "");
		CU_ASSERT(found);
	}
}

UNIT_SUITE(proto_nas_msg,
	   UNIT_TEST(test_vectors_roundtrip),
	   UNIT_TEST(test_vectors_json),
	   UNIT_TEST(test_vectors_structured),
	   UNIT_TEST(test_vectors_cover_all_messages))
