// SPDX-License-Identifier: GPL-2.0
/*
 * EPS session management on the UE side (TS 24.301 6): PDN connectivity
 * (in the attach and stand-alone), PDN disconnect, ESM information,
 * default and dedicated bearer activation, bearer modification and
 * deactivation; the TFTs of dedicated bearers pick the bearer of each
 * uplink packet (TS 23.401 5.4.1, TS 24.008 10.5.6.12).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "enbsim.h"
#include "lib/log.h"
#include "proto/nas_util.h"

#define MOD "esm"

/* 24.301 10.3 */
#define T3482_MS	8000
#define T3492_MS	6000

uint8_t ue_new_pti(struct ue *ue)
{
	uint8_t p = ue->next_pti;

	/* 9.4: PTI 1..254 (0 unassigned, 255 reserved) */
	ue->next_pti = p >= 254 ? 1 : (uint8_t)(p + 1);
	return p ? p : 1;
}

static int pco_request(const struct ue *ue, uint8_t pdn_type, uint8_t *out, size_t max)
{
	struct nas_pco pco = { .octet3 = 0x80 };
	struct nas_err err;

	/* 24.008 10.5.6.3: ask for DNS servers, IP address allocation via NAS */
	if (pdn_type != NAS_PDN_IPV6)
		pco.c[pco.n++].id = NAS_PCO_DNS_IPV4;
	if (pdn_type != NAS_PDN_IPV4)
		pco.c[pco.n++].id = NAS_PCO_DNS_IPV6;
	pco.c[pco.n++].id = NAS_PCO_IP_ALLOC_NAS;
	(void)ue;
	return nas_pco_enc(&pco, out, max, &err);
}

static int apn_bytes(const char *apn, uint8_t *out, size_t max)
{
	struct nas_apn a;
	struct nas_err err;

	snprintf(a.name, sizeof(a.name), "%s", apn);
	return nas_apn_enc(&a, out, max, &err);
}

#define ADD(m, name, v, n)						\
	do {								\
		if (nas_ie_add(m, name, v, n, &err)) {			\
			log_err(MOD, "ue %u: %s", ue->idx, err.msg);	\
			return -1;					\
		}							\
	} while (0)

#define PDN_REQ(ie)	NAS_PDN_CONNECTIVITY_REQUEST_##ie

int ue_esm_pdn_request(struct ue *ue, uint8_t *out, size_t max, const char *apn,
		       uint8_t pdn_type, uint8_t pti, int in_attach)
{
	struct nas_msg m;
	struct nas_err err;
	uint8_t req = 1, type = pdn_type ? pdn_type : NAS_PDN_IPV4, eit = 1;
	uint8_t apnb[104], pco[64];
	int na = -1, np = pco_request(ue, type, pco, sizeof(pco));
	int via_info = in_attach && ue->cfg.esm_info && apn && apn[0];

	if (apn && apn[0] && !via_info)
		na = apn_bytes(apn, apnb, sizeof(apnb));
	nas_msg_start(&m, NAS_MSG_PDN_CONNECTIVITY_REQUEST, 0, pti);
	ADD(&m, PDN_REQ(REQUEST_TYPE), &req, 1);	/* initial request */
	ADD(&m, PDN_REQ(PDN_TYPE), &type, 1);
	/* 6.5.1.2: APN and PCO go in the ESM information response, ciphered */
	if (via_info)
		ADD(&m, PDN_REQ(ESM_INFORMATION_TRANSFER_FLAG), &eit, 1);
	if (na > 0)
		ADD(&m, PDN_REQ(ACCESS_POINT_NAME), apnb, (size_t)na);
	if (np > 0 && !via_info)
		ADD(&m, PDN_REQ(PROTOCOL_CONFIGURATION_OPTIONS), pco, (size_t)np);
	return nas_encode(&m, out, max, &err);
}

static int encode_send(struct ue *ue, struct nas_msg *m, int keep)
{
	struct nas_err err;
	uint8_t b[512];
	int n = nas_encode(m, b, sizeof(b), &err);

	if (n < 0) {
		log_err(MOD, "ue %u: %s", ue->idx, err.msg);
		return -1;
	}
	if (keep) {
		memcpy(ue->esm_plain, b, (size_t)n);
		ue->esm_plain_len = (size_t)n;
		ue->esm_tries = 0;
	}
	return ue_nas_send_plain_bytes(ue, b, (size_t)n, 0);
}

int ue_pdn_connect(struct ue *ue, const char *apn, uint8_t pdn_type)
{
	uint8_t b[400];
	int n;

	ue_proc_start(ue, PROC_PDN_CONN);
	if (ue->emm != EMM_REGISTERED || !ue->connected) {
		ue_proc_done(ue, PROC_PDN_CONN, 0, "needs EMM-REGISTERED and ECM-CONNECTED");
		return -1;
	}
	ue->proc.pti = ue_new_pti(ue);
	n = ue_esm_pdn_request(ue, b, sizeof(b), apn, pdn_type, ue->proc.pti, 0);
	if (n < 0 || n > (int)sizeof(ue->esm_plain)) {
		ue_proc_done(ue, PROC_PDN_CONN, 0, "cannot build the request");
		return -1;
	}
	memcpy(ue->esm_plain, b, (size_t)n);
	ue->esm_plain_len = (size_t)n;
	ue->esm_tries = 0;
	if (ue_nas_send_plain_bytes(ue, b, (size_t)n, 0)) {
		ue_proc_done(ue, PROC_PDN_CONN, 0, "cannot send the request");
		return -1;
	}
	ue_esm_timer_start(ue, T3482_MS);
	return 0;
}

int ue_pdn_disconnect(struct ue *ue, uint8_t ebi)
{
	struct nas_msg m;
	struct nas_err err;

	ue_proc_start(ue, PROC_PDN_DISC);
	if (!ue_pdn_by_ebi(ue, ebi) || !ue->connected) {
		ue_proc_done(ue, PROC_PDN_DISC, 0, "no PDN connection with EBI %u or idle", ebi);
		return -1;
	}
	ue->proc.pti = ue_new_pti(ue);
	ue->proc.ebi = ebi;
	nas_msg_start(&m, NAS_MSG_PDN_DISCONNECT_REQUEST, 0, ue->proc.pti);
	if (nas_ie_add(&m, NAS_PDN_DISCONNECT_REQUEST_LINKED_EPS_BEARER_IDENTITY, &ebi, 1, &err) ||
	    nas_ie_add(&m, NAS_PDN_DISCONNECT_REQUEST_SPARE_HALF_OCTET, (const uint8_t *)"", 1,
		       &err) ||
	    encode_send(ue, &m, 1)) {
		ue_proc_done(ue, PROC_PDN_DISC, 0, "cannot send the request");
		return -1;
	}
	ue_esm_timer_start(ue, T3492_MS);
	return 0;
}

struct ue_pdn *ue_pdn_by_ebi(struct ue *ue, uint8_t ebi)
{
	for (unsigned int i = 0; i < UE_MAX_PDNS; i++)
		if (ue->pdn[i].used && ue->pdn[i].ebi == ebi)
			return &ue->pdn[i];
	return NULL;
}

void ue_bearer_clear(struct ue_bearer *b)
{
	free(b->tft);
	memset(b, 0, sizeof(*b));
}

void ue_bearer_drop(struct ue *ue, uint8_t ebi)
{
	struct ue_pdn *p = ue_pdn_by_ebi(ue, ebi);

	if (ebi >= UE_MAX_BEARERS)
		return;
	ue_bearer_clear(&ue->br[ebi]);
	if (!p)
		return;
	/* the default bearer takes its dedicated bearers and the PDN along */
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		if (ue->br[i].active && ue->br[i].linked == ebi)
			ue_bearer_clear(&ue->br[i]);
	memset(p, 0, sizeof(*p));
}

/* ------------------------------------------------------------ receiving --- */

static void take_pco(struct ue_pdn *p, const struct nas_msg *m)
{
	const struct nas_ie *ie =
		nas_ie(m, NAS_ACTIVATE_DEFAULT_EPS_BEARER_CONTEXT_REQUEST_PROTOCOL_CONFIGURATION_OPTIONS);
	struct nas_pco pco;
	struct nas_err err;

	if (!ie || nas_pco_dec(&pco, ie->val, ie->len, &err))
		return;
	for (unsigned int i = 0; i < pco.n; i++) {
		const struct nas_pco_item *c = &pco.c[i];

		if (c->id == NAS_PCO_DNS_IPV4 && c->has_addr && !p->has_dns4) {
			memcpy(p->dns4, c->ipv4, 4);
			p->has_dns4 = 1;
		} else if (c->id == NAS_PCO_DNS_IPV6 && c->has_addr && !p->has_dns6) {
			memcpy(p->dns6, c->ipv6, 16);
			p->has_dns6 = 1;
		}
	}
}

static struct ue_pdn *new_pdn(struct ue *ue)
{
	for (unsigned int i = 0; i < UE_MAX_PDNS; i++)
		if (!ue->pdn[i].used)
			return &ue->pdn[i];
	return NULL;
}

/* QCI: the first octet of an EPS QoS (9.9.4.3); 0 when absent */
static uint8_t qci_of(const struct nas_msg *m, enum nas_ie_key k)
{
	uint8_t qci = 0;

	nas_ie_byte(m, k, &qci);
	return qci;
}

#define ACT_DEF(ie)	NAS_ACTIVATE_DEFAULT_EPS_BEARER_CONTEXT_REQUEST_##ie
#define ACT_DED(ie)	NAS_ACTIVATE_DEDICATED_EPS_BEARER_CONTEXT_REQUEST_##ie

/* 6.4.1: returns the ESM cause to reject with, 0 to accept */
static int act_default(struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *addr = nas_ie(m, ACT_DEF(PDN_ADDRESS));
	const struct nas_ie *apn = nas_ie(m, ACT_DEF(ACCESS_POINT_NAME));
	struct nas_pdn_addr pa;
	struct nas_apn an = { { 0 } };
	struct nas_err err;
	struct ue_pdn *p;
	uint8_t ebi = m->ebi;

	if (ebi < 5 || ebi > 15 || ue->br[ebi].active)
		return 43;	/* invalid EPS bearer identity */
	if (!addr || nas_pdn_addr_dec(&pa, addr->val, addr->len, &err))
		return 96;	/* invalid mandatory information */
	p = ue_pdn_by_ebi(ue, ebi);
	if (!p)
		p = new_pdn(ue);
	if (!p)
		return 65;	/* maximum number of EPS bearers reached */
	memset(p, 0, sizeof(*p));
	p->used = 1;
	p->ebi = ebi;
	p->type = pa.type;
	if (pa.type == NAS_PDN_IPV4 || pa.type == NAS_PDN_IPV4V6) {
		memcpy(p->ipv4, pa.ipv4, 4);
		p->has4 = 1;
	}
	if ((pa.type == NAS_PDN_IPV6 || pa.type == NAS_PDN_IPV4V6) && pa.iid_len == 8) {
		memcpy(p->iid, pa.iid, 8);
		p->has6 = 1;
	}
	if (apn && !nas_apn_dec(&an, apn->val, apn->len, &err))
		memcpy(p->apn, an.name, sizeof(p->apn));
	take_pco(p, m);
	ue->br[ebi].active = 1;
	ue->br[ebi].ebi = ebi;
	ue->br[ebi].linked = ebi;
	ue->br[ebi].qci = qci_of(m, ACT_DEF(EPS_QUALITY_OF_SERVICE));
	return 0;
}

static int act_dedicated(struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *tft = nas_ie(m, ACT_DED(TFT));
	struct ue_bearer *b;
	struct nas_err err;
	uint8_t ebi = m->ebi, linked;

	if (ebi < 5 || ebi > 15 || ue->br[ebi].active)
		return 43;
	if (!nas_ie_byte(m, ACT_DED(LINKED_EPS_BEARER_IDENTITY), &linked) ||
	    !ue_pdn_by_ebi(ue, linked))
		return 43;
	b = &ue->br[ebi];		/* its S1-U end may be set up already */
	free(b->tft);
	b->tft = NULL;
	if (tft) {
		b->tft = malloc(sizeof(*b->tft));
		if (!b->tft)
			return 26;	/* insufficient resources */
		if (nas_tft_dec(b->tft, tft->val, tft->len, &err)) {
			log_warn(MOD, "ue %u: bad TFT: %s", ue->idx, err.msg);
			free(b->tft);
			b->tft = NULL;
			return 44;	/* semantic errors in packet filter(s) */
		}
	}
	b->active = 1;
	b->ebi = ebi;
	b->linked = linked;
	b->qci = qci_of(m, ACT_DED(EPS_QOS));
	ue->n_ded_bearer++;
	log_notice(MOD, "ue %u: dedicated bearer %u (QCI %u, linked %u, %u filters)", ue->idx,
		   ebi, b->qci, linked, b->tft ? b->tft->n_filters : 0);
	return 0;
}

/* TFT operations of a bearer modification (24.008 10.5.6.12 table) */
static int apply_tft(struct ue_bearer *b, const struct nas_tft *t)
{
	switch (t->op) {
	case NAS_TFT_OP_CREATE:
	case NAS_TFT_OP_REPLACE:
	case NAS_TFT_OP_ADD:
		if (!b->tft && !(b->tft = calloc(1, sizeof(*b->tft))))
			return -1;
		if (t->op != NAS_TFT_OP_ADD) {
			*b->tft = *t;
			break;
		}
		for (unsigned int i = 0; i < t->n_filters && b->tft->n_filters < NAS_TFT_MAX_FILTERS;
		     i++)
			b->tft->f[b->tft->n_filters++] = t->f[i];
		break;
	case NAS_TFT_OP_DELETE:
		free(b->tft);
		b->tft = NULL;
		break;
	case NAS_TFT_OP_DELETE_FILTERS:
		for (unsigned int i = 0; b->tft && i < t->n_filters; i++)
			for (unsigned int k = 0; k < b->tft->n_filters; k++)
				if (b->tft->f[k].id == t->f[i].id) {
					b->tft->f[k] = b->tft->f[--b->tft->n_filters];
					break;
				}
		break;
	}
	return 0;
}

static int modify(struct ue *ue, const struct nas_msg *m)
{
	const struct nas_ie *tft = nas_ie(m, NAS_MODIFY_EPS_BEARER_CONTEXT_REQUEST_TFT);
	struct nas_tft t;
	struct nas_err err;

	if (m->ebi >= UE_MAX_BEARERS || !ue->br[m->ebi].active)
		return 43;
	if (tft) {
		if (nas_tft_dec(&t, tft->val, tft->len, &err))
			return 44;
		if (apply_tft(&ue->br[m->ebi], &t))
			return 26;	/* insufficient resources */
	}
	if (nas_ie(m, NAS_MODIFY_EPS_BEARER_CONTEXT_REQUEST_NEW_EPS_QOS))
		ue->br[m->ebi].qci = qci_of(m, NAS_MODIFY_EPS_BEARER_CONTEXT_REQUEST_NEW_EPS_QOS);
	return 0;
}

static void deactivate(struct ue *ue, const struct nas_msg *m)
{
	int was_default = ue_pdn_by_ebi(ue, m->ebi) != NULL;
	uint8_t cause = 0;

	ue->n_bearer_rel++;
	nas_ie_byte(m, NAS_DEACTIVATE_EPS_BEARER_CONTEXT_REQUEST_ESM_CAUSE, &cause);
	log_notice(MOD, "ue %u: bearer %u deactivated, ESM cause #%u", ue->idx, m->ebi, cause);
	ue_bearer_drop(ue, m->ebi);
	if (was_default && ue->proc.kind == PROC_PDN_DISC && ue->proc.ebi == m->ebi) {
		ev_timer_stop(ue->sim->loop, &ue->t_esm);
		ue->esm_plain_len = 0;
		ue_proc_done(ue, PROC_PDN_DISC, 1, "PDN with EBI %u disconnected", m->ebi);
	}
	if (ue->sim->uplane)
		uplane_ue_up(ue);	/* drop the address of a removed PDN */
}

/* Build the answer to a network request into out. */
static void answer(struct ue *ue, enum nas_msg_key k, uint8_t ebi, uint8_t pti, int cause,
		   uint8_t *out, size_t *outlen)
{
	struct nas_err err;
	int n = nas_build_cause_msg(k, ebi, pti, cause ? cause : -1, out, 512, &err);

	if (n > 0)
		*outlen = (size_t)n;
	else
		log_err(MOD, "ue %u: %s", ue->idx, err.msg);
}

static void esm_info(struct ue *ue, const struct nas_msg *m, uint8_t *out, size_t *outlen)
{
	struct nas_msg a;
	struct nas_err err;
	uint8_t apnb[104], pco[64];
	int na = ue->cfg.apn[0] ? apn_bytes(ue->cfg.apn, apnb, sizeof(apnb)) : -1;
	int np = pco_request(ue, ue->cfg.pdn_type, pco, sizeof(pco));
	int n;

	/* 6.6.1.2.2: answer with the APN and PCO the PDN request left out */
	nas_msg_start(&a, NAS_MSG_ESM_INFORMATION_RESPONSE, 0, m->pti);
	if ((na > 0 && nas_ie_add(&a, NAS_ESM_INFORMATION_RESPONSE_ACCESS_POINT_NAME, apnb,
				  (size_t)na, &err)) ||
	    (np > 0 && nas_ie_add(&a, NAS_ESM_INFORMATION_RESPONSE_PROTOCOL_CONFIGURATION_OPTIONS,
				  pco, (size_t)np, &err)))
		return;
	n = nas_encode(&a, out, 512, &err);
	if (n > 0)
		*outlen = (size_t)n;
}

static void default_done(struct ue *ue, const struct nas_msg *m, int cause)
{
	char ip[64] = "-";
	struct ue_pdn *p = ue_pdn_by_ebi(ue, m->ebi);

	if (ue->emm == EMM_REG_INIT || ue->proc.kind != PROC_PDN_CONN || m->pti != ue->proc.pti)
		return;
	ev_timer_stop(ue->sim->loop, &ue->t_esm);
	ue->esm_plain_len = 0;
	if (p && p->has4)
		inet_ntop(AF_INET, p->ipv4, ip, sizeof(ip));
	ue_proc_done(ue, PROC_PDN_CONN, !cause, cause ? "default bearer rejected, ESM cause #%d" :
		     "PDN connected: ebi %u ip %s", cause ? cause : m->ebi, ip);
	if (!cause && ue->sim->uplane)
		uplane_ue_up(ue);
}

static void esm_reject(struct ue *ue, const struct nas_msg *m, int kind, enum nas_ie_key k)
{
	uint8_t cause = 0;

	if (ue->proc.kind != kind || m->pti != ue->proc.pti)
		return;
	nas_ie_byte(m, k, &cause);
	ev_timer_stop(ue->sim->loop, &ue->t_esm);
	ue->esm_plain_len = 0;
	ue_proc_done(ue, kind, 0, "%s, ESM cause #%u (%s)", m->desc->name, cause,
		     nas_esm_cause_name(cause) ? nas_esm_cause_name(cause) : "?");
}

void ue_esm_rx(struct ue *ue, const uint8_t *b, size_t n, uint8_t *out, size_t *outlen)
{
	struct nas_msg m;
	struct nas_err err;
	int cause;

	*outlen = 0;
	if (nas_decode(&m, b, n, NAS_DIR_DL, &err) < 0) {
		log_warn(MOD, "ue %u: bad ESM message: %s", ue->idx, err.msg);
		answer(ue, NAS_MSG_ESM_STATUS, n ? b[0] >> 4 : 0, n > 1 ? b[1] : 0, err.cause, out,
		       outlen);
		return;
	}
	log_debug(MOD, "ue %u: %s (ebi %u, pti %u)", ue->idx, m.desc->name, m.ebi, m.pti);
	switch (m.type) {
	case NAS_ACT_DEFAULT_REQUEST:
		cause = act_default(ue, &m);
		answer(ue, cause ? NAS_MSG_ACTIVATE_DEFAULT_EPS_BEARER_CONTEXT_REJECT :
		       NAS_MSG_ACTIVATE_DEFAULT_EPS_BEARER_CONTEXT_ACCEPT, m.ebi, 0, cause, out,
		       outlen);
		default_done(ue, &m, cause);
		if (cause && ue->emm == EMM_REG_INIT)
			*outlen = 0;	/* the attach fails (attach_accept) */
		return;
	case NAS_ACT_DEDICATED_REQUEST:
		cause = act_dedicated(ue, &m);
		answer(ue, cause ? NAS_MSG_ACTIVATE_DEDICATED_EPS_BEARER_CONTEXT_REJECT :
		       NAS_MSG_ACTIVATE_DEDICATED_EPS_BEARER_CONTEXT_ACCEPT, m.ebi, 0, cause, out,
		       outlen);
		return;
	case NAS_MODIFY_REQUEST:
		cause = modify(ue, &m);
		answer(ue, cause ? NAS_MSG_MODIFY_EPS_BEARER_CONTEXT_REJECT :
		       NAS_MSG_MODIFY_EPS_BEARER_CONTEXT_ACCEPT, m.ebi, 0, cause, out, outlen);
		return;
	case NAS_DEACT_REQUEST:
		deactivate(ue, &m);
		answer(ue, NAS_MSG_DEACTIVATE_EPS_BEARER_CONTEXT_ACCEPT, m.ebi, 0, 0, out, outlen);
		return;
	case NAS_ESM_INFO_REQUEST:
		esm_info(ue, &m, out, outlen);
		return;
	case NAS_PDN_CONN_REJECT:
		esm_reject(ue, &m, PROC_PDN_CONN, NAS_PDN_CONNECTIVITY_REJECT_ESM_CAUSE);
		return;
	case NAS_PDN_DISC_REJECT:
		esm_reject(ue, &m, PROC_PDN_DISC, NAS_PDN_DISCONNECT_REJECT_ESM_CAUSE);
		return;
	case NAS_ESM_STATUS: {
		uint8_t c = 0;

		nas_ie_byte(&m, NAS_ESM_STATUS_ESM_CAUSE, &c);
		log_warn(MOD, "ue %u: ESM status, cause #%u", ue->idx, c);
		return;
	}
	case NAS_BR_ALLOC_REJECT:
	case NAS_BR_MODIFY_REJECT:
		log_info(MOD, "ue %u: %s", ue->idx, m.desc->name);
		return;
	}
	/* 7.4: message type not compatible with the protocol state */
	answer(ue, NAS_MSG_ESM_STATUS, m.ebi, m.pti, 98, out, outlen);
}

int ue_tft_select(const struct ue *ue, const uint8_t *pkt, size_t len, uint8_t def_ebi)
{
	struct nas_pkt_info pi;
	int best = def_ebi;
	unsigned int best_prec = 256;

	if (nas_pkt_parse(pkt, len, &pi))
		return def_ebi;
	for (unsigned int i = 5; i < UE_MAX_BEARERS; i++) {
		const struct ue_bearer *b = &ue->br[i];
		uint8_t prec;

		if (!b->active || !b->tft || b->linked != def_ebi || i == def_ebi)
			continue;
		if (nas_tft_match_ul(b->tft, &pi, &prec) >= 0 && prec < best_prec) {
			best_prec = prec;
			best = (int)i;
		}
	}
	return best;
}
