// SPDX-License-Identifier: GPL-2.0
/*
 * agwd MME core driven through S1AP and NAS built by the codecs, with a
 * capture transport and the recorder datapath: attach and its security
 * (KeNB = KDF(KASME, uplink NAS COUNT), TS 33.401 A.3), the ICS contents,
 * the Attach Accept, authentication failures, bad MAC and replay, detach,
 * S1 release, service request, persistence across a restart.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "agwd/datapath/datapath.h"
#include "agwd/mobility/mobility.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/state/state.h"
#include "agwd/subscriber/subscriber.h"
#include "agwd/ue/ue.h"
#include "crypto/eps.h"
#include "proto/nas_util.h"
#include "proto/s1ap_util.h"
#include "test_agwd_ue.h"
#include "unit.h"

#define IMSI1 "001010000000001"

static struct th h;
static struct tue u;

static void start(void)
{
	CU_ASSERT_EQUAL_FATAL(th_start(&h, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(th_s1_setup(&h), 0);
	tue_init(&u, IMSI1);
}

/* ICS Request: keys, UE-AMBR, E-RAB with our TEID and S1-U address */
static void check_ics(const struct s1ap_pdu *pdu, const struct tue *ue)
{
	const struct s1ap_val *key = s1ap_ie_find(pdu, S1AP_IE_SECURITY_KEY);
	const struct s1ap_val *l = s1ap_ie_find(pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ);
	const struct s1ap_val *it, *ambr = s1ap_ie_find(pdu, S1AP_IE_UE_AGGREGATE_MAXIMUM_BITRATE);
	uint8_t kenb[32], ip4[4];
	uint64_t v;
	uint32_t teid;
	int h4 = 0;

	/* TS 33.401 A.3: KeNB from the uplink NAS COUNT of the SMC complete (0) */
	eps_kdf_kenb(ue->kasme, 0, kenb);
	CU_ASSERT_FATAL(key && key->bits == 256);
	CU_ASSERT_EQUAL(memcmp(key->p, kenb, 32), 0);
	CU_ASSERT_FATAL(ambr != NULL);
	CU_ASSERT(!s1ap_mem_u(ambr, "uEaggregateMaximumBitRateDL", &v) && v == 100000000);
	CU_ASSERT_FATAL(l && l->n == 1);
	it = s1ap_field_val(&l->v[0], NULL);
	CU_ASSERT_FATAL(it != NULL);
	CU_ASSERT(!s1ap_mem_u(it, "e-RAB-ID", &v) && v == 5);
	CU_ASSERT(!s1ap_teid_get(s1ap_member(it, "gTP-TEID"), &teid) && teid != 0);
	CU_ASSERT(!s1ap_tla_get(s1ap_member(it, "transportLayerAddress"), ip4, &h4, NULL, NULL));
	CU_ASSERT(h4 && !memcmp(ip4, (uint8_t[4]){ 192, 0, 2, 1 }, 4));
	CU_ASSERT(!s1ap_mem_u(s1ap_member(it, "e-RABlevelQoSParameters"), "qCI", &v) && v == 9);
}

static void check_accept(struct nas_msg *acc)
{
	const struct nas_ie *esm = nas_ie_get(acc, "ESM message container");
	const struct nas_ie *tai = nas_ie_get(acc, "TAI list"), *ie;
	struct nas_tai_list tl;
	struct nas_msg m;
	struct nas_pdn_addr pa;
	struct nas_apn apn;
	struct nas_eps_qos q;
	struct nas_pco pco;

	CU_ASSERT_FATAL(esm && tai);
	CU_ASSERT(!nas_tai_list_dec(&tl, tai->val, tai->len, NULL) && tl.n == 1 &&
		  tl.l[0].n_tacs == 1 && tl.l[0].tacs[0] == 1);
	CU_ASSERT(u.guti.type == NAS_ID_GUTI && u.guti.mme_gid == 1 && u.guti.mme_code == 1);
	CU_ASSERT_FATAL(nas_decode(&m, esm->val, esm->len, NAS_DIR_DL, NULL) == 0);
	CU_ASSERT_EQUAL(m.type, NAS_ACT_DEFAULT_REQUEST);
	CU_ASSERT_EQUAL(m.ebi, 5);
	CU_ASSERT_EQUAL(m.pti, 1);
	ie = nas_ie_get(&m, "Access point name");
	CU_ASSERT(ie && !nas_apn_dec(&apn, ie->val, ie->len, NULL) && !strcmp(apn.name, "internet"));
	ie = nas_ie_get(&m, "PDN address");
	CU_ASSERT(ie && !nas_pdn_addr_dec(&pa, ie->val, ie->len, NULL) && pa.type == NAS_PDN_IPV4 &&
		  !memcmp(pa.ipv4, (uint8_t[4]){ 10, 45, 0, 2 }, 4));
	ie = nas_ie_get(&m, "EPS quality of service");
	CU_ASSERT(ie && !nas_eps_qos_dec(&q, ie->val, ie->len, NULL) && q.qci == 9);
	CU_ASSERT(nas_ie_get(&m, "APN-AMBR") != NULL);
	ie = nas_ie_get(&m, "Protocol configuration options");
	CU_ASSERT(ie && !nas_pco_dec(&pco, ie->val, ie->len, NULL) && pco.n == 1 &&
		  pco.c[0].id == NAS_PCO_DNS_IPV4 &&
		  !memcmp(pco.c[0].ipv4, (uint8_t[4]){ 8, 8, 8, 8 }, 4));
}

static void test_attach_imsi(void)
{
	uint8_t b[1024], p[1024];
	struct s1ap_arena a;
	struct s1ap_pdu pdu;
	struct nas_msg m;
	struct dp_bearer db;
	struct ue *ue;
	size_t pl;
	int n;

	start();
	n = tue_attach_request(&u, false, NAS_PDN_IPV4, NULL, false, b, sizeof(b));
	th_initial_ue(&h, 7, b, (size_t)n, NULL);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	CU_ASSERT_EQUAL_FATAL(m.type, NAS_AUTH_REQUEST);
	ue = ue_by_imsi(h.d.ues, IMSI1);
	CU_ASSERT_FATAL(ue != NULL);
	u.mme_ue_id = ue->mme_ue_id;
	n = tue_auth_answer(&u, &m, b, sizeof(b));
	th_uplink(&h, u.mme_ue_id, 7, b, (size_t)n);
	n = th_last_nas(&h, p, sizeof(p), NULL);
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_EQUAL(p[0] >> 4, NAS_SHT_INTEGRITY_NEW_CTX);
	n = tue_smc_answer(&u, p, (size_t)n, b, sizeof(b));
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_EQUAL(u.sec.eia, 2);		/* first of the default preference */
	CU_ASSERT_EQUAL(u.sec.eea, 2);
	th_uplink(&h, u.mme_ue_id, 7, b, (size_t)n);
	CU_ASSERT_FATAL(th_pdu(&h, h.n_sent - 1, &pdu, &a) == 0);
	CU_ASSERT_EQUAL(pdu.proc, S1AP_PROC_INITIAL_CONTEXT_SETUP);
	check_ics(&pdu, &u);
	s1ap_arena_free(&a);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	CU_ASSERT_EQUAL_FATAL(m.type, NAS_ATTACH_ACCEPT);
	CU_ASSERT_FATAL(!nas_eps_mobile_id_dec(&u.guti, nas_ie_get(&m, "GUTI")->val, 11, NULL));
	check_accept(&m);
	th_ics_response(&h, u.mme_ue_id, 7, 5, 0xabcd);
	/* programmed once the eNB F-TEID is known, before Attach Complete */
	CU_ASSERT_EQUAL(dp_count(h.d.dp), 1);
	n = tue_attach_complete(&u, 5, b, sizeof(b));
	th_uplink(&h, u.mme_ue_id, 7, b, (size_t)n);
	CU_ASSERT_EQUAL(ue->emm, EMM_REGISTERED);
	CU_ASSERT_EQUAL(ue->m_tmsi, u.guti.tmsi);
	CU_ASSERT_FATAL(dp_bearer_get(h.d.dp, ue->br[0].teid, &db) == 0);
	CU_ASSERT_EQUAL(db.teid_out, 0xabcd);
	CU_ASSERT_EQUAL(db.ue4.s_addr, htonl(0x0a2d0002));
	CU_ASSERT_EQUAL(db.cookie, AGWD_COOKIE(ue->uid, 5));
	th_stop(&h, false);
}

/* Attach by an unknown GUTI: the MME asks for the IMSI (5.4.4) */
static void test_attach_unknown_guti(void)
{
	uint8_t b[512], p[512];
	struct nas_msg m;
	size_t pl;
	int n;

	start();
	u.guti = (struct nas_mobile_id){ .type = NAS_ID_GUTI, .mme_gid = 1, .mme_code = 1,
					 .tmsi = 0x12345678 };
	memcpy(u.guti.plmn.mcc, "001", 4);
	memcpy(u.guti.plmn.mnc, "01", 3);
	n = tue_attach_request(&u, true, NAS_PDN_IPV4, NULL, false, b, sizeof(b));
	th_initial_ue(&h, 9, b, (size_t)n, NULL);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	CU_ASSERT_EQUAL(m.type, NAS_IDENTITY_REQUEST);
	CU_ASSERT_EQUAL(nas_ie_u8(&m, "Identity type"), NAS_ID_IMSI);
	th_stop(&h, false);
}

/* Synch failure: resync with AUTS, then a fresh challenge that verifies */
static void test_attach_synch_failure(void)
{
	uint8_t b[1024], p[1024];
	struct nas_msg m;
	struct ue *ue;
	size_t pl;
	int n;

	start();
	/* the USIM has seen a higher SQN than the HSS hands out */
	for (unsigned int ind = 0; ind < 32; ind++)
		eps_sqn_ms_accept(&u.sqn, eps_sqn_make(1000, ind, EPS_SQN_IND_BITS_DEFAULT));
	n = tue_attach_request(&u, false, NAS_PDN_IPV4, NULL, false, b, sizeof(b));
	th_initial_ue(&h, 3, b, (size_t)n, NULL);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	ue = ue_by_imsi(h.d.ues, IMSI1);
	CU_ASSERT_FATAL(ue != NULL);
	n = tue_auth_answer(&u, &m, b, sizeof(b));
	CU_ASSERT_EQUAL(u.last_sync, 1);
	th_uplink(&h, ue->mme_ue_id, 3, b, (size_t)n);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	CU_ASSERT_EQUAL_FATAL(m.type, NAS_AUTH_REQUEST);
	n = tue_auth_answer(&u, &m, b, sizeof(b));
	CU_ASSERT_EQUAL(u.last_sync, 0);
	th_uplink(&h, ue->mme_ue_id, 3, b, (size_t)n);
	CU_ASSERT_EQUAL(ue->emm, EMM_WAIT_SMC);
	th_stop(&h, false);
}

/* MAC failure with an IMSI identity: Authentication Reject (5.4.2.6) */
static void test_attach_mac_failure(void)
{
	uint8_t b[1024], p[1024];
	struct nas_msg m;
	unsigned int before;
	size_t pl;
	int n;

	start();
	u.k[0] ^= 1;			/* wrong key: the AUTN's MAC fails */
	n = tue_attach_request(&u, false, NAS_PDN_IPV4, NULL, false, b, sizeof(b));
	th_initial_ue(&h, 4, b, (size_t)n, NULL);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	n = tue_auth_answer(&u, &m, b, sizeof(b));
	before = h.n_sent;
	th_uplink(&h, ue_by_imsi(h.d.ues, IMSI1)->mme_ue_id, 4, b, (size_t)n);
	CU_ASSERT_FATAL(h.n_sent >= before + 2);	/* reject + release command */
	{
		struct s1ap_arena a;
		struct s1ap_pdu pdu;
		const struct s1ap_val *v;

		CU_ASSERT_FATAL(!th_pdu(&h, before, &pdu, &a));
		v = s1ap_ie_find(&pdu, S1AP_IE_NAS_PDU);
		CU_ASSERT(v && v->n == 2 && v->p[1] == NAS_AUTH_REJECT);
		s1ap_arena_free(&a);
	}
	th_stop(&h, false);
}

static struct ue *attached(uint32_t enb_ue_id)
{
	struct ue *ue;

	CU_ASSERT_EQUAL_FATAL(th_attach(&h, &u, enb_ue_id), 0);
	ue = ue_by_imsi(h.d.ues, IMSI1);
	CU_ASSERT_FATAL(ue && ue->emm == EMM_REGISTERED);
	return ue;
}

/* A bad MAC and a replayed message are dropped without an answer */
static void test_bad_mac_and_replay(void)
{
	uint8_t plain[16], b[64], keep[64];
	unsigned int before;
	uint64_t rx;
	struct ue *ue;
	int n;

	start();
	ue = attached(11);
	rx = ue->sec.rx_count;
	n = tue_simple(&u, "Tracking area update complete", 0, 0, b, sizeof(b));
	(void)plain;
	memcpy(keep, b, (size_t)n);
	b[2] ^= 0xff;			/* MAC */
	before = h.n_sent;
	th_uplink(&h, ue->mme_ue_id, 11, b, (size_t)n);
	CU_ASSERT_EQUAL(h.n_sent, before);
	CU_ASSERT_EQUAL(ue->sec.rx_count, rx);
	th_uplink(&h, ue->mme_ue_id, 11, keep, (size_t)n);	/* accepted */
	CU_ASSERT_EQUAL(ue->sec.rx_count, rx + 1);
	th_uplink(&h, ue->mme_ue_id, 11, keep, (size_t)n);	/* replay */
	CU_ASSERT_EQUAL(h.n_sent, before);
	CU_ASSERT_EQUAL(ue->sec.rx_count, rx + 1);
	th_stop(&h, false);
}

/* UE detach (not switch-off): Detach Accept, release, context gone */
static void test_detach_ue(void)
{
	uint8_t b[128], p[128];
	struct nas_msg m;
	struct ue *ue;
	unsigned int before;
	uint32_t mme;
	size_t pl;
	int n;

	start();
	ue = attached(12);
	mme = ue->mme_ue_id;
	n = tue_detach_request(&u, false, b, sizeof(b));
	before = h.n_sent;
	th_uplink(&h, mme, 12, b, (size_t)n);
	CU_ASSERT_EQUAL_FATAL(h.n_sent, before + 2);
	h.n_sent--;			/* look at the NAS one */
	n = th_last_nas(&h, b, sizeof(b), NULL);
	h.n_sent++;
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	CU_ASSERT_EQUAL(m.type, NAS_DETACH_ACCEPT);
	CU_ASSERT_EQUAL(dp_count(h.d.dp), 0);
	th_release_complete(&h, mme, 12);
	CU_ASSERT_PTR_NULL(ue_by_imsi(h.d.ues, IMSI1));
	CU_ASSERT_EQUAL(mob_lease_count(h.d.mob), 0);
	th_stop(&h, false);
}

/* Release to ECM-IDLE, then a Service Request brings the bearers back */
static void test_idle_and_service_request(void)
{
	uint8_t sr[4];
	struct ue *ue;
	struct dp_bearer db;
	struct s1ap_arena a;
	struct s1ap_pdu pdu;
	uint32_t teid;
	int n;

	start();
	ue = attached(13);
	teid = ue->br[0].teid;
	th_release_request(&h, ue->mme_ue_id, 13);
	th_release_complete(&h, ue->mme_ue_id, 13);
	CU_ASSERT_FALSE(ue_connected(ue));
	CU_ASSERT_EQUAL(dp_bearer_get(h.d.dp, teid, &db), -ENOENT);	/* idle */
	n = nas_service_request_build(&u.sec, u.ksi, sr);
	CU_ASSERT_EQUAL_FATAL(n, 4);
	th_initial_ue(&h, 14, sr, 4, &u.guti.tmsi);
	CU_ASSERT_TRUE_FATAL(ue_connected(ue));
	CU_ASSERT_FATAL(!th_pdu(&h, h.n_sent - 1, &pdu, &a));
	CU_ASSERT_EQUAL(pdu.proc, S1AP_PROC_INITIAL_CONTEXT_SETUP);
	{
		const struct s1ap_val *key = s1ap_ie_find(&pdu, S1AP_IE_SECURITY_KEY);
		uint8_t kenb[32];

		eps_kdf_kenb(u.kasme, u.sec.tx_count - 1, kenb);	/* the SR's COUNT */
		CU_ASSERT(key && !memcmp(key->p, kenb, 32));
	}
	s1ap_arena_free(&a);
	th_ics_response(&h, ue->mme_ue_id, 14, 5, 0x7777);
	CU_ASSERT_FATAL(dp_bearer_get(h.d.dp, teid, &db) == 0);
	CU_ASSERT_EQUAL(db.teid_out, 0x7777);
	th_stop(&h, false);
}

/* Persistence: write, free everything, reload, compare (TEIDs, keys, COUNTs) */
static void test_persistence_round_trip(void)
{
	struct ue *ue, copy;
	struct pdn p0;
	struct bearer b0;
	uint64_t uid;

	start();
	ue = attached(15);
	th_release_request(&h, ue->mme_ue_id, 15);
	th_release_complete(&h, ue->mme_ue_id, 15);
	copy = *ue;
	p0 = ue->pdn[0];
	b0 = ue->br[0];
	uid = ue->uid;
	CU_ASSERT_EQUAL_FATAL(th_restart(&h), 0);
	ue = ue_by_imsi(h.d.ues, IMSI1);
	CU_ASSERT_FATAL(ue != NULL);
	CU_ASSERT_EQUAL(ue->uid, uid);
	CU_ASSERT_EQUAL(ue->emm, EMM_REGISTERED);
	CU_ASSERT_PTR_EQUAL(ue_by_tmsi(h.d.ues, copy.m_tmsi), ue);
	CU_ASSERT_EQUAL(memcmp(ue->kasme, copy.kasme, 32), 0);
	CU_ASSERT_EQUAL(memcmp(&ue->sec, &copy.sec, sizeof(ue->sec)), 0);
	CU_ASSERT_EQUAL(ue->ksi, copy.ksi);
	CU_ASSERT_EQUAL(memcmp(&ue->pdn[0], &p0, sizeof(p0)), 0);
	CU_ASSERT_EQUAL(ue->br[0].teid, b0.teid);
	CU_ASSERT_EQUAL(ue->br[0].qci, b0.qci);
	CU_ASSERT_EQUAL(ue->br[0].state, BR_ACTIVE);
	{
		uint64_t xuid;
		uint8_t ebi;

		CU_ASSERT(!sess_teid_lookup(h.d.sess, b0.teid, &xuid, &ebi) && xuid == uid &&
			  ebi == 5);
	}
	CU_ASSERT_FALSE(ue_connected(ue));
	th_stop(&h, false);
}

/* A connected UE keeps its bearer through a restart; its eNB comes back */
static void test_restart_keeps_traffic(void)
{
	struct dp_bearer db;
	struct ue *ue;
	uint32_t teid, mme;

	start();
	ue = attached(16);
	teid = ue->br[0].teid;
	mme = ue->mme_ue_id;
	CU_ASSERT_EQUAL_FATAL(th_restart(&h), 0);
	/* the recorder is fresh after a restart: reconcile re-added the bearer */
	CU_ASSERT_EQUAL(dp_bearer_get(h.d.dp, teid, &db), 0);
	CU_ASSERT_EQUAL_FATAL(th_s1_setup(&h), 0);
	ue = ue_by_imsi(h.d.ues, IMSI1);
	CU_ASSERT_FATAL(ue != NULL);
	CU_ASSERT_TRUE(ue_connected(ue));
	CU_ASSERT_EQUAL(ue->mme_ue_id, mme);
	th_stop(&h, false);
}

/* Undecodable S1AP: an Error Indication (TS 36.413 10.2) */
static void test_undecodable_s1ap(void)
{
	static const uint8_t junk[] = { 0x00, 0x0c, 0x40, 0xff, 0x01 };
	struct s1ap_arena a;
	struct s1ap_pdu pdu;
	unsigned int before;

	start();
	before = h.n_sent;
	s1mme_rx(h.d.s1, h.enb, 0, junk, sizeof(junk));
	CU_ASSERT_EQUAL_FATAL(h.n_sent, before + 1);
	CU_ASSERT_FATAL(!th_pdu(&h, before, &pdu, &a));
	CU_ASSERT_EQUAL(pdu.proc, S1AP_PROC_ERROR_INDICATION);
	s1ap_arena_free(&a);
	CU_ASSERT_EQUAL(h.d.s1->c.rx_undecodable, 1);
	th_stop(&h, false);
}

/*
 * Attach with the ESM information transfer flag: the ESM Information
 * Response comes after the Security Mode Complete, but the KeNB of the
 * Initial Context Setup still uses the SMC Complete's uplink NAS COUNT (0),
 * as the UE derives it (TS 33.401 7.2.6.2, A.3).
 */
static void test_attach_esm_info_kenb(void)
{
	uint8_t b[1024], p[1024];
	struct s1ap_arena a;
	struct s1ap_pdu pdu;
	struct nas_msg m;
	struct ue *ue;
	size_t pl;
	int n;

	start();
	n = tue_attach_request(&u, false, NAS_PDN_IPV4, NULL, true, b, sizeof(b));
	th_initial_ue(&h, 7, b, (size_t)n, NULL);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	CU_ASSERT_EQUAL_FATAL(m.type, NAS_AUTH_REQUEST);
	ue = ue_by_imsi(h.d.ues, IMSI1);
	CU_ASSERT_FATAL(ue != NULL);
	u.mme_ue_id = ue->mme_ue_id;
	n = tue_auth_answer(&u, &m, b, sizeof(b));
	th_uplink(&h, u.mme_ue_id, 7, b, (size_t)n);
	n = th_last_nas(&h, p, sizeof(p), NULL);
	CU_ASSERT_FATAL(n > 0);
	n = tue_smc_answer(&u, p, (size_t)n, b, sizeof(b));
	CU_ASSERT_FATAL(n > 0);
	th_uplink(&h, u.mme_ue_id, 7, b, (size_t)n);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	CU_ASSERT_EQUAL_FATAL(m.type, NAS_ESM_INFO_REQUEST);
	n = tue_simple(&u, "ESM information response", 0, m.pti, b, sizeof(b));
	CU_ASSERT_FATAL(n > 0);
	th_uplink(&h, u.mme_ue_id, 7, b, (size_t)n);
	CU_ASSERT_EQUAL(ue->sec.rx_count, 1);	/* the ESM info response's COUNT */
	CU_ASSERT_FATAL(th_pdu(&h, h.n_sent - 1, &pdu, &a) == 0);
	CU_ASSERT_EQUAL_FATAL(pdu.proc, S1AP_PROC_INITIAL_CONTEXT_SETUP);
	check_ics(&pdu, &u);			/* KeNB = KDF(KASME, 0) */
	s1ap_arena_free(&a);
	th_stop(&h, false);
}

/* 5.5.1.2.7 e: the same Attach Request again mid-procedure is not treated */
static void test_attach_request_duplicate(void)
{
	uint8_t req[1024], b[1024], p[1024];
	unsigned int before;
	struct nas_msg m;
	size_t pl;
	int nreq, n;

	start();
	nreq = tue_attach_request(&u, false, NAS_PDN_IPV4, NULL, false, req, sizeof(req));
	th_initial_ue(&h, 61, req, (size_t)nreq, NULL);
	n = th_last_nas(&h, b, sizeof(b), NULL);
	CU_ASSERT_FATAL(n > 0 && !tue_open(&u, b, (size_t)n, p, &pl, &m));
	CU_ASSERT_EQUAL_FATAL(m.type, NAS_AUTH_REQUEST);
	u.mme_ue_id = ue_by_imsi(h.d.ues, IMSI1)->mme_ue_id;
	before = h.n_sent;
	th_uplink(&h, u.mme_ue_id, 61, req, (size_t)nreq);	/* T3410 retransmission */
	CU_ASSERT_EQUAL(h.n_sent, before);			/* no second RAND */
	n = tue_auth_answer(&u, &m, b, sizeof(b));		/* answers the first one */
	th_uplink(&h, u.mme_ue_id, 61, b, (size_t)n);
	n = th_last_nas(&h, p, sizeof(p), NULL);
	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_EQUAL(p[0] >> 4, NAS_SHT_INTEGRITY_NEW_CTX);	/* security mode command */
	th_stop(&h, false);
}

UNIT_SUITE(agwd_mme,
	   UNIT_TEST(test_attach_request_duplicate),
	   UNIT_TEST(test_attach_imsi),
	   UNIT_TEST(test_attach_esm_info_kenb),
	   UNIT_TEST(test_attach_unknown_guti),
	   UNIT_TEST(test_attach_synch_failure),
	   UNIT_TEST(test_attach_mac_failure),
	   UNIT_TEST(test_bad_mac_and_replay),
	   UNIT_TEST(test_detach_ue),
	   UNIT_TEST(test_idle_and_service_request),
	   UNIT_TEST(test_persistence_round_trip),
	   UNIT_TEST(test_restart_keeps_traffic),
	   UNIT_TEST(test_undecodable_s1ap))
