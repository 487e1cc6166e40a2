// SPDX-License-Identifier: GPL-2.0
/*
 * Tests only: UE-side NAS (USIM with Milenage per TS 35.206, NAS security)
 * and the eNB side (S1AP built with s1ap_util.h) around an in-process MME
 * whose S1AP goes to a capture instead of SCTP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/datapath/datapath.h"
#include "agwd/mobility/mobility.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/subscriber/subscriber.h"
#include "crypto/eps.h"
#include "lib/log.h"
#include "proto/s1ap_util.h"
#include "test_agwd_ue.h"
#include "test_agwd_util.h"
#include "unit.h"

#define ADD(m, n, v, l) nas_ie_add((m), (n), (v), (size_t)(l), NULL)

static const uint8_t plmn00101[3] = { 0x00, 0xf1, 0x10 };

void tue_init(struct tue *u, const char *imsi)
{
	memset(u, 0, sizeof(*u));
	snprintf(u->imsi, sizeof(u->imsi), "%s", imsi);
	/* TS 35.208 4.3 test set 1 */
	unit_hex("465b5ce8b199b49faa5f0a2ee238a6bc", u->k, 16);
	unit_hex("cd63cb71954a9f4e48a5994e37a02baf", u->opc, 16);
	eps_sqn_ms_init(&u->sqn, EPS_SQN_IND_BITS_DEFAULT, 1ULL << 28, 1ULL << 28, 0);
	u->ksi = 7;
}

static int pdn_request(uint8_t pdn_type, const char *apn, bool eit, uint8_t *out, size_t max)
{
	struct nas_msg m;
	struct nas_pco pco = { .octet3 = 0x80, .n = 1 };
	struct nas_apn a;
	uint8_t rt = 1, pb[64], ab[102], flag = 1;
	int np, na = 0;

	nas_msg_init(&m, nas_msg_desc_by_name("PDN connectivity request", NULL), 0, 1);
	pco.c[0].id = NAS_PCO_DNS_IPV4;
	np = nas_pco_enc(&pco, pb, sizeof(pb), NULL);
	if (apn) {
		snprintf(a.name, sizeof(a.name), "%s", apn);
		na = nas_apn_enc(&a, ab, sizeof(ab), NULL);
	}
	if (ADD(&m, "Request type", &rt, 1) || ADD(&m, "PDN type", &pdn_type, 1) ||
	    (eit && ADD(&m, "ESM information transfer flag", &flag, 1)) ||
	    (apn && ADD(&m, "Access point name", ab, na)) ||
	    ADD(&m, "Protocol configuration options", pb, np))
		return -1;
	return nas_encode(&m, out, max, NULL);
}

int tue_attach_request(struct tue *u, bool by_guti, uint8_t pdn_type, const char *apn,
		       bool eit, uint8_t *out, size_t max)
{
	struct nas_mobile_id id = { .type = NAS_ID_IMSI };
	uint8_t type = 1, ksi = u->has_sec ? u->ksi : 7, cap[2] = { 0xe0, 0xe0 }, idb[16];
	uint8_t esm[200];
	struct nas_msg m;
	int ni, ne = pdn_request(pdn_type, apn, eit, esm, sizeof(esm));

	if (by_guti)
		id = u->guti;
	else
		snprintf(id.digits, sizeof(id.digits), "%s", u->imsi);
	ni = nas_eps_mobile_id_enc(&id, idb, sizeof(idb), NULL);
	nas_msg_init(&m, nas_msg_desc_by_name("Attach request", NULL), 0, 0);
	if (ne < 0 || ni < 0 || ADD(&m, "EPS attach type", &type, 1) ||
	    ADD(&m, "NAS key set identifier", &ksi, 1) || ADD(&m, "EPS mobile identity", idb, ni) ||
	    ADD(&m, "UE network capability", cap, 2) || ADD(&m, "ESM message container", esm, ne))
		return -1;
	return nas_encode(&m, out, max, NULL);
}

int tue_protect(struct tue *u, const uint8_t *plain, size_t len, uint8_t sht, uint8_t *out,
		size_t max)
{
	return nas_protect(&u->sec, NAS_DIR_UL, sht, plain, len, out, max, NULL);
}

int tue_open(struct tue *u, const uint8_t *nas, size_t len, uint8_t *plain, size_t *plen,
	     struct nas_msg *m)
{
	struct nas_sec_hdr h;
	struct nas_err err;
	int r = nas_sec_hdr_decode(&h, nas, len, &err), n = (int)len;

	if (r < 0)
		return -1;
	if (r == 1 && u->has_sec) {
		n = nas_unprotect(&u->sec, NAS_DIR_DL, nas, len, plain, 1024, NULL, &err);
		if (n < 0)
			return -1;
	} else if (r == 1) {
		memcpy(plain, h.inner, h.inner_len);
		n = (int)h.inner_len;
	} else {
		memcpy(plain, nas, len);
	}
	*plen = (size_t)n;
	return nas_decode(m, plain, (size_t)n, NAS_DIR_DL, &err);
}

static int finish(struct tue *u, struct nas_msg *m, bool protect, uint8_t *out, size_t max)
{
	uint8_t b[512];
	int n = nas_encode(m, b, sizeof(b), NULL);

	if (n < 0)
		return -1;
	if (!protect) {
		memcpy(out, b, (size_t)n);
		return n;
	}
	return tue_protect(u, b, (size_t)n, NAS_SHT_INTEGRITY_CIPHERED, out, max);
}

int tue_auth_answer(struct tue *u, const struct nas_msg *auth, uint8_t *out, size_t max)
{
	const struct nas_ie *r = nas_ie_get(auth, "Authentication parameter RAND (EPS challenge)");
	const struct nas_ie *a = nas_ie_get(auth, "Authentication parameter AUTN (EPS challenge)");
	struct eps_aka_ue_result res;
	struct nas_msg m;
	uint8_t cause;
	int rc;

	if (!r || !a)
		return -1;
	memcpy(u->last_rand, r->val, 16);
	rc = eps_aka_ue_check(u->k, u->opc, r->val, a->val, plmn00101, &u->sqn, &res);
	u->last_sync = rc == EPS_AKA_SYNC_FAILURE;
	if (rc == EPS_AKA_OK) {
		memcpy(u->kasme, res.kasme, 32);
		u->ksi = (uint8_t)nas_ie_u8(auth, "NAS key set identifierASME");
		nas_msg_init(&m, nas_msg_desc_by_name("Authentication response", NULL), 0, 0);
		if (ADD(&m, "Authentication response parameter", res.res, 8))
			return -1;
	} else {
		cause = rc == EPS_AKA_SYNC_FAILURE ? 21 : 20;

		nas_msg_init(&m, nas_msg_desc_by_name("Authentication failure", NULL), 0, 0);
		if (ADD(&m, "EMM cause", &cause, 1) ||
		    (cause == 21 && ADD(&m, "Authentication failure parameter", res.auts, 14)))
			return -1;
	}
	return finish(u, &m, u->has_sec, out, max);
}

int tue_smc_answer(struct tue *u, const uint8_t *nas, size_t len, uint8_t *out, size_t max)
{
	struct nas_sec_hdr h;
	struct nas_msg m;
	uint8_t plain[512], algs;

	if (nas_sec_hdr_decode(&h, nas, len, NULL) != 1 || h.inner_len < 3)
		return -1;
	algs = h.inner[2];
	memset(&u->sec, 0, sizeof(u->sec));
	u->sec.eia = algs & 7;
	u->sec.eea = (algs >> 4) & 7;
	eps_kdf_alg_key(u->kasme, EPS_KDF_NAS_INT, u->sec.eia, u->sec.k_nas_int);
	eps_kdf_alg_key(u->kasme, EPS_KDF_NAS_ENC, u->sec.eea, u->sec.k_nas_enc);
	if (nas_unprotect(&u->sec, NAS_DIR_DL, nas, len, plain, sizeof(plain), NULL, NULL) < 0)
		return -1;		/* the SMC's MAC must verify */
	u->has_sec = true;
	nas_msg_init(&m, nas_msg_desc_by_name("Security mode complete", NULL), 0, 0);
	{
		uint8_t b[64];
		int n = nas_encode(&m, b, sizeof(b), NULL);

		return n < 0 ? -1 : tue_protect(u, b, (size_t)n,
						NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX, out, max);
	}
}

int tue_simple(struct tue *u, const char *name, uint8_t ebi, uint8_t pti, uint8_t *out,
	       size_t max)
{
	struct nas_msg m;

	nas_msg_init(&m, nas_msg_desc_by_name(name, NULL), ebi, pti);
	return finish(u, &m, true, out, max);
}

int tue_attach_complete(struct tue *u, uint8_t ebi, uint8_t *out, size_t max)
{
	struct nas_msg m, esm;
	uint8_t eb[16];
	int ne;

	nas_msg_init(&esm, nas_msg_desc_by_name("Activate default EPS bearer context accept", NULL),
		     ebi, 0);
	ne = nas_encode(&esm, eb, sizeof(eb), NULL);
	nas_msg_init(&m, nas_msg_desc_by_name("Attach complete", NULL), 0, 0);
	if (ne < 0 || ADD(&m, "ESM message container", eb, ne))
		return -1;
	return finish(u, &m, true, out, max);
}

int tue_detach_request(struct tue *u, bool switch_off, uint8_t *out, size_t max)
{
	struct nas_msg m;
	uint8_t type = (uint8_t)(1 | (switch_off ? 8 : 0)), idb[16];
	int ni = nas_eps_mobile_id_enc(&u->guti, idb, sizeof(idb), NULL);

	nas_msg_init(&m, nas_msg_desc_by_name("Detach request", "UE originating detach"), 0, 0);
	if (ni < 0 || ADD(&m, "Detach type", &type, 1) ||
	    ADD(&m, "NAS key set identifier", &u->ksi, 1) || ADD(&m, "EPS mobile identity", idb, ni))
		return -1;
	return finish(u, &m, true, out, max);
}

/* ---------------------------------------------------------- harness --- */

static int capture(void *arg, struct enb *e, uint16_t stream, const uint8_t *buf, size_t len)
{
	struct th *h = arg;
	unsigned int i = h->n_sent % TH_MAX_SENT;

	if (len > sizeof(h->sent[0]))
		return -1;
	memcpy(h->sent[i], buf, len);
	h->len[i] = len;
	h->stream[i] = stream;
	h->n_sent++;
	return 0;
}

static int core_up(struct th *h)
{
	const struct s1_transport tp = { .send = capture, .arg = h };

	if (agwd_mme_init(&h->d))
		return -1;
	s1mme_set_transport(h->d.s1, &tp);
	return agwd_mme_reload(&h->d);
}

static int add_sub(struct th *h, const char *imsi)
{
	struct sub_record r;

	sub_record_init(&r);
	snprintf(r.imsi, sizeof(r.imsi), "%s", imsi);
	unit_hex("465b5ce8b199b49faa5f0a2ee238a6bc", r.k, 16);
	unit_hex("cd63cb71954a9f4e48a5994e37a02baf", r.opc, 16);
	r.sqn = 32;
	return sub_add(h->d.subs, &r);
}

int th_start(struct th *h, const char *extra)
{
	char text[2048], path[512], err[512];

	memset(h, 0, sizeof(*h));
	log_init("unit", LOG_LVL_ERR, false);
	h->dir = tmpdir_new();
	if (!h->dir)
		return -1;
	snprintf(path, sizeof(path), ", \"state_dir\": \"%s\", \"gtpu\": {\"enabled\": false,"
		 " \"local_ipv4\": \"192.0.2.1\"}, \"metrics\": \"\" %s", h->dir, extra ? extra : "");
	snprintf(text, sizeof(text), TEST_CFG_FMT,
		 "{\"name\": \"internet\", \"ipv4_pool\": \"10.45.0.0/24\","
		 " \"ipv6_prefix_pool\": \"2001:db8:1::/56\", \"dns4\": [\"8.8.8.8\"],"
		 " \"ambr_ul\": 50000000, \"ambr_dl\": 100000000},"
		 "{\"name\": \"ims\", \"ipv4_pool\": \"10.46.0.0/24\"}", path);
	if (agw_config_parse("test", text, &h->d.cfg, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	h->d.loop = ev_loop_new();
	h->d.rpc = jsonrpc_new();
	h->d.metrics = metrics_new();
	snprintf(path, sizeof(path), "%s/subscribers.db", h->dir);
	if (sub_store_open(path, &h->d.subs, err, sizeof(err)))
		return -1;
	snprintf(path, sizeof(path), "%s/leases.db", h->dir);
	if (mob_open(&h->d.cfg, path, &h->d.mob, err, sizeof(err)))
		return -1;
	if (add_sub(h, "001010000000001") || add_sub(h, "001010000000002"))
		return -1;
	return core_up(h);
}

void th_stop(struct th *h, bool keep)
{
	agwd_mme_fini(&h->d);
	mob_close(h->d.mob);
	sub_store_close(h->d.subs);
	metrics_free(h->d.metrics);
	jsonrpc_free(h->d.rpc);
	ev_loop_free(h->d.loop);
	if (!keep)
		tmpdir_rm(h->dir);
}

int th_restart(struct th *h)
{
	char path[512], err[256];

	agwd_mme_fini(&h->d);
	mob_close(h->d.mob);
	snprintf(path, sizeof(path), "%s/leases.db", h->dir);
	if (mob_open(&h->d.cfg, path, &h->d.mob, err, sizeof(err)))
		return -1;
	h->enb = NULL;
	return core_up(h);
}

void th_rx(struct th *h, const struct s1ap_pdu *pdu)
{
	static uint8_t buf[8192];
	struct aper_ctx ctx = { 0 };
	long n = s1ap_encode(pdu, &ctx, buf, sizeof(buf));

	CU_ASSERT_FATAL(n > 0);
	s1mme_rx(h->d.s1, h->enb, 1, buf, (size_t)n);
}

int th_s1_setup(struct th *h)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu, ans;
	struct s1ap_val *g, *ta;
	uint8_t id[3] = { 0x00, 0x10, 0x10 }, tac[2] = { 0, 1 };
	int ok;

	h->enb = s1mme_enb_new(h->d.s1, -1);
	s1ap_pdu_init(&pdu, &a, S1AP_PROC_S1_SETUP, S1AP_INITIATING);
	g = s1ap_b_ie(&pdu, S1AP_IE_GLOBAL_ENB_ID);
	s1ap_b_oct(&a, s1ap_b_mem(&a, g, "pLMNidentity"), plmn00101, 3);
	s1ap_b_bits(&a, s1ap_b_alt(&a, s1ap_b_mem(&a, g, "eNB-ID"), "macroENB-ID"), id, 20);
	s1ap_b_str(&a, s1ap_b_ie(&pdu, S1AP_IE_ENB_NAME), "unit-enb");
	ta = s1ap_b_items(&a, s1ap_b_ie(&pdu, S1AP_IE_SUPPORTED_TAS), 1);
	s1ap_b_oct(&a, s1ap_b_mem(&a, ta, "tAC"), tac, 2);
	s1ap_b_oct(&a, s1ap_b_items(&a, s1ap_b_mem(&a, ta, "broadcastPLMNs"), 1), plmn00101, 3);
	s1ap_b_enum(s1ap_b_ie(&pdu, S1AP_IE_DEFAULT_PAGING_DRX), "v64");
	th_rx(h, &pdu);
	s1ap_arena_free(&a);
	ok = h->n_sent && !th_pdu(h, h->n_sent - 1, &ans, &a) && ans.kind == S1AP_SUCCESSFUL &&
	     ans.proc == S1AP_PROC_S1_SETUP;
	s1ap_arena_free(&a);
	return ok ? 0 : -1;
}

static void location(struct s1ap_pdu *pdu, struct s1ap_arena *a, bool tai_first)
{
	uint8_t tac[2] = { 0, 1 }, cell[4] = { 0, 0, 0x10, 0x10 };
	struct s1ap_val *t, *c;

	if (!tai_first) {
		c = s1ap_b_ie(pdu, S1AP_IE_EUTRAN_CGI);
		s1ap_b_oct(a, s1ap_b_mem(a, c, "pLMNidentity"), plmn00101, 3);
		s1ap_b_bits(a, s1ap_b_mem(a, c, "cell-ID"), cell, 28);
	}
	t = s1ap_b_ie(pdu, S1AP_IE_TAI);
	s1ap_b_oct(a, s1ap_b_mem(a, t, "pLMNidentity"), plmn00101, 3);
	s1ap_b_oct(a, s1ap_b_mem(a, t, "tAC"), tac, 2);
	if (tai_first) {
		c = s1ap_b_ie(pdu, S1AP_IE_EUTRAN_CGI);
		s1ap_b_oct(a, s1ap_b_mem(a, c, "pLMNidentity"), plmn00101, 3);
		s1ap_b_bits(a, s1ap_b_mem(a, c, "cell-ID"), cell, 28);
	}
}

void th_initial_ue(struct th *h, uint32_t enb_ue_id, const uint8_t *nas, size_t len,
		   const uint32_t *s_tmsi)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;

	s1ap_pdu_init(&pdu, &a, S1AP_PROC_INITIAL_UE_MESSAGE, S1AP_INITIATING);
	s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), enb_ue_id);
	s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_NAS_PDU), nas, len);
	location(&pdu, &a, true);
	s1ap_b_enum(s1ap_b_ie(&pdu, S1AP_IE_RRC_ESTABLISHMENT_CAUSE), "mo-Signalling");
	if (s_tmsi) {
		struct s1ap_val *st = s1ap_b_ie(&pdu, S1AP_IE_S_TMSI);
		uint8_t mmec = 1, t[4] = { *s_tmsi >> 24, *s_tmsi >> 16, *s_tmsi >> 8, *s_tmsi };

		s1ap_b_oct(&a, s1ap_b_mem(&a, st, "mMEC"), &mmec, 1);
		s1ap_b_oct(&a, s1ap_b_mem(&a, st, "m-TMSI"), t, 4);
	}
	th_rx(h, &pdu);
	s1ap_arena_free(&a);
}

void th_uplink(struct th *h, uint32_t mme_id, uint32_t enb_id, const uint8_t *nas, size_t len)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;

	s1ap_pdu_init(&pdu, &a, S1AP_PROC_UPLINK_NAS_TRANSPORT, S1AP_INITIATING);
	s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), mme_id);
	s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), enb_id);
	s1ap_b_oct(&a, s1ap_b_ie(&pdu, S1AP_IE_NAS_PDU), nas, len);
	location(&pdu, &a, false);
	th_rx(h, &pdu);
	s1ap_arena_free(&a);
}

void th_ics_response(struct th *h, uint32_t mme_id, uint32_t enb_id, uint8_t ebi, uint32_t teid)
{
	static const uint8_t ip[4] = { 192, 0, 2, 100 };
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *it, *v;

	s1ap_pdu_init(&pdu, &a, S1AP_PROC_INITIAL_CONTEXT_SETUP, S1AP_SUCCESSFUL);
	s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), mme_id);
	s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), enb_id);
	it = s1ap_b_items(&a, s1ap_b_ie(&pdu, S1AP_IE_E_RAB_SETUP_LIST_CTXT_SU_RES), 1);
	v = s1ap_b_field(&a, it, 50, S1AP_IGNORE);
	s1ap_b_int(s1ap_b_mem(&a, v, "e-RAB-ID"), ebi);
	s1ap_b_tla(&a, s1ap_b_mem(&a, v, "transportLayerAddress"), ip, NULL);
	s1ap_b_teid(&a, s1ap_b_mem(&a, v, "gTP-TEID"), teid);
	th_rx(h, &pdu);
	s1ap_arena_free(&a);
}

static void ue_ids_pdu(struct th *h, unsigned int proc, unsigned int kind, uint32_t mme_id,
		       uint32_t enb_id, bool cause)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;

	s1ap_pdu_init(&pdu, &a, proc, kind);
	s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_MME_UE_S1AP_ID), mme_id);
	s1ap_b_int(s1ap_b_ie(&pdu, S1AP_IE_ENB_UE_S1AP_ID), enb_id);
	if (cause)
		s1ap_b_cause(&a, s1ap_b_ie(&pdu, S1AP_IE_CAUSE), "radioNetwork", "user-inactivity");
	th_rx(h, &pdu);
	s1ap_arena_free(&a);
}

void th_release_complete(struct th *h, uint32_t mme_id, uint32_t enb_id)
{
	ue_ids_pdu(h, S1AP_PROC_UE_CONTEXT_RELEASE, S1AP_SUCCESSFUL, mme_id, enb_id, false);
}

void th_release_request(struct th *h, uint32_t mme_id, uint32_t enb_id)
{
	ue_ids_pdu(h, S1AP_PROC_UE_CONTEXT_RELEASE_REQUEST, S1AP_INITIATING, mme_id, enb_id, true);
}

int th_pdu(struct th *h, unsigned int i, struct s1ap_pdu *pdu, struct s1ap_arena *a)
{
	struct aper_ctx ctx = { 0 };

	i %= TH_MAX_SENT;
	memset(a, 0, sizeof(*a));
	return s1ap_decode(pdu, a, &ctx, h->sent[i], h->len[i]);
}

static const struct s1ap_val *nas_of(const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *v = s1ap_ie_find(pdu, S1AP_IE_NAS_PDU), *l;

	if (v)
		return v;
	l = s1ap_ie_find(pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ);
	if (!l)
		l = s1ap_ie_find(pdu, S1AP_IE_E_RAB_TO_BE_SETUP_LIST_BEARER_SU_REQ);
	for (uint32_t i = 0; l && i < l->n; i++) {
		const struct s1ap_val *it = s1ap_field_val(&l->v[i], NULL);

		v = it ? s1ap_member(it, "nAS-PDU") : NULL;
		if (v)
			return v;
	}
	return NULL;
}

int th_last_nas(struct th *h, uint8_t *out, size_t max, unsigned int *proc)
{
	struct s1ap_arena a;
	struct s1ap_pdu pdu;
	const struct s1ap_val *v;
	int n = -1;

	if (!h->n_sent || th_pdu(h, h->n_sent - 1, &pdu, &a))
		return -1;
	if (proc)
		*proc = pdu.proc;
	v = nas_of(&pdu);
	if (v && v->n <= max) {
		memcpy(out, v->p, v->n);
		n = (int)v->n;
	}
	s1ap_arena_free(&a);
	return n;
}

/* The MME-UE-S1AP-ID of the last PDU sent */
static uint32_t last_mme_id(struct th *h)
{
	struct s1ap_arena a;
	struct s1ap_pdu pdu;
	uint32_t id = 0;

	if (!th_pdu(h, h->n_sent - 1, &pdu, &a))
		s1_ie_u32(&pdu, S1AP_IE_MME_UE_S1AP_ID, &id);
	s1ap_arena_free(&a);
	return id;
}

int th_attach(struct th *h, struct tue *u, uint32_t enb_ue_id)
{
	uint8_t b[1024], p[1024];
	struct nas_msg m;
	size_t pl;
	int n;

	u->enb_ue_id = enb_ue_id;
	n = tue_attach_request(u, false, NAS_PDN_IPV4, NULL, false, b, sizeof(b));
	if (n < 0)
		return -1;
	th_initial_ue(h, enb_ue_id, b, (size_t)n, NULL);
	n = th_last_nas(h, b, sizeof(b), NULL);
	u->mme_ue_id = last_mme_id(h);
	if (n < 0 || tue_open(u, b, (size_t)n, p, &pl, &m) || m.type != NAS_AUTH_REQUEST)
		return -2;
	n = tue_auth_answer(u, &m, b, sizeof(b));
	th_uplink(h, u->mme_ue_id, enb_ue_id, b, (size_t)n);
	n = th_last_nas(h, p, sizeof(p), NULL);
	if (n < 0 || (n = tue_smc_answer(u, p, (size_t)n, b, sizeof(b))) < 0)
		return -3;
	th_uplink(h, u->mme_ue_id, enb_ue_id, b, (size_t)n);
	n = th_last_nas(h, b, sizeof(b), NULL);
	if (n < 0 || tue_open(u, b, (size_t)n, p, &pl, &m) || m.type != NAS_ATTACH_ACCEPT)
		return -4;
	{
		const struct nas_ie *g = nas_ie_get(&m, "GUTI");

		if (!g || nas_eps_mobile_id_dec(&u->guti, g->val, g->len, NULL))
			return -5;
		u->has_guti = true;
	}
	th_ics_response(h, u->mme_ue_id, enb_ue_id, 5, 0x1000 + enb_ue_id);
	n = tue_attach_complete(u, 5, b, sizeof(b));
	th_uplink(h, u->mme_ue_id, enb_ue_id, b, (size_t)n);
	return 0;
}
