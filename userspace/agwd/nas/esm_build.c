// SPDX-License-Identifier: GPL-2.0
/*
 * ESM messages the MME sends (TS 24.301 8.3): default and dedicated
 * bearer activation with QoS, PDN address, APN-AMBR and the PCO answer
 * (DNS servers for IPv4 and IPv6, IPCP), deactivation and rejects.
 */
#include <stdio.h>
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/session/session.h"
#include "agwd/ue/ue.h"

#define ADD(m, name, v, n, fail) do {					\
		if (nas_ie_add((m), (name), (v), (size_t)(n), NULL)) (fail) = 1; \
	} while (0)

#define AMBR_MAX_KBPS (254ull * 256000 + 256000)

static int start(struct nas_msg *m, unsigned int type, uint8_t ebi, uint8_t pti)
{
	const struct nas_msg_desc *desc = nas_msg_desc_find(NAS_PD_ESM, (uint8_t)type,
							    NAS_DIR_DL);

	if (!desc)
		return -1;
	nas_msg_init(m, desc, ebi, pti);
	return 0;
}

/* ESM information request, deactivate request, ESM status, PDN disconnect reject */
int esm_b_simple(unsigned int type, uint8_t ebi, uint8_t pti, int cause, uint8_t *out,
		 size_t max)
{
	struct nas_msg m;
	uint8_t c = (uint8_t)cause;
	int fail = start(&m, type, ebi, pti);

	if (cause >= 0)
		ADD(&m, "ESM cause", &c, 1, fail);
	return fail ? -1 : emm_encode(&m, out, max);
}

int esm_b_pdn_reject(uint8_t pti, uint8_t cause, uint8_t *out, size_t max)
{
	return esm_b_simple(NAS_PDN_CONN_REJECT, 0, pti, cause, out, max);
}

static void pco_ipcp(const struct agw_apn_cfg *a, const struct nas_pco_item *req,
		     struct nas_pco_item *c)
{
	/* RFC 1877 through RFC 1332: a Configure-Nak carrying our DNS servers */
	c->ipcp = 1;
	c->ipcp_code = 3;
	c->ipcp_ident = req->ipcp_ident;
	for (unsigned int i = 0; i < a->n_dns4 && i < 2; i++) {
		struct nas_ipcp_opt *o = &c->opt[c->n_opts++];

		o->type = i ? 0x83 : 0x81;
		memcpy(o->addr, &a->dns4[i], 4);
	}
}

/* 24.008 10.5.6.3: the containers the UE asked for that we can fill. */
static void pco_answer(const struct agw_apn_cfg *a, const struct pdn *p,
		       const struct nas_pco *req, struct nas_pco *ans)
{
	memset(ans, 0, sizeof(*ans));
	ans->octet3 = 0x80;
	for (unsigned int i = 0; i < req->n && ans->n < NAS_PCO_MAX; i++) {
		const struct nas_pco_item *r = &req->c[i];

		if (r->id == NAS_PCO_DNS_IPV4 && p->has4) {
			for (unsigned int k = 0; k < a->n_dns4 && ans->n < NAS_PCO_MAX; k++) {
				struct nas_pco_item *c = &ans->c[ans->n++];

				c->id = NAS_PCO_DNS_IPV4;
				c->has_addr = 1;
				memcpy(c->ipv4, &a->dns4[k], 4);
			}
		} else if (r->id == NAS_PCO_DNS_IPV6 && p->has6) {
			for (unsigned int k = 0; k < a->n_dns6 && ans->n < NAS_PCO_MAX; k++) {
				struct nas_pco_item *c = &ans->c[ans->n++];

				c->id = NAS_PCO_DNS_IPV6;
				c->has_addr = 1;
				memcpy(c->ipv6, &a->dns6[k], 16);
			}
		} else if (r->id == NAS_PCO_IPCP && r->ipcp && p->has4 && a->n_dns4) {
			struct nas_pco_item *c = &ans->c[ans->n++];

			c->id = NAS_PCO_IPCP;
			pco_ipcp(a, r, c);
		}
	}
}

static int add_pdn_addr(struct nas_msg *m, const struct pdn *p, uint8_t *buf)
{
	struct nas_pdn_addr pa = { .type = p->type };
	int n;

	memcpy(pa.ipv4, &p->ip4, 4);
	if (p->type == NAS_PDN_IPV6 || p->type == NAS_PDN_IPV4V6) {
		pa.iid_len = 8;
		memcpy(pa.iid, p->iid, 8);
	}
	n = nas_pdn_addr_enc(&pa, buf, 13, NULL);
	return n < 0 ? -1 : nas_ie_add(m, "PDN address", buf, (size_t)n, NULL);
}

static int enc_ambr(const struct pdn *p, uint8_t *buf)
{
	struct nas_apn_ambr am = { .n_octets = 6 };

	am.ul = p->ambr_ul / 1000 > AMBR_MAX_KBPS ? AMBR_MAX_KBPS : p->ambr_ul / 1000;
	am.dl = p->ambr_dl / 1000 > AMBR_MAX_KBPS ? AMBR_MAX_KBPS : p->ambr_dl / 1000;
	return nas_apn_ambr_enc(&am, buf, 6, NULL);
}

int esm_b_act_default(const struct agwd *d, const struct ue *ue, unsigned int pdn,
		      const struct nas_pco *req_pco, uint8_t type_cause, uint8_t *out,
		      size_t max)
{
	static struct nas_pco ans;	/* large; single-threaded loop */
	const struct pdn *p = &ue->pdn[pdn];
	const struct bearer *b = &ue->br[p->ebi - UE_EBI_MIN];
	const struct agw_apn_cfg *a = &d->cfg.apns[p->apn];
	struct nas_eps_qos q = { .qci = b->qci };
	struct nas_apn an;
	uint8_t qb[13], apn[102], addr[13], ambr[6], pco[251];
	struct nas_msg m;
	int nq, na, nam, np = 0, fail = start(&m, NAS_ACT_DEFAULT_REQUEST, p->ebi, p->pti);

	snprintf(an.name, sizeof(an.name), "%s", a->name);
	nq = nas_eps_qos_enc(&q, qb, sizeof(qb), NULL);
	na = nas_apn_enc(&an, apn, sizeof(apn), NULL);
	nam = enc_ambr(p, ambr);
	if (req_pco) {
		pco_answer(a, p, req_pco, &ans);
		np = ans.n ? nas_pco_enc(&ans, pco, sizeof(pco), NULL) : 0;
	}
	if (fail || nq < 0 || na < 0 || nam < 0 || np < 0)
		return -1;
	ADD(&m, "EPS quality of service", qb, nq, fail);
	ADD(&m, "Access point name", apn, na, fail);
	if (add_pdn_addr(&m, p, addr))
		fail = 1;
	ADD(&m, "APN-AMBR", ambr, nam, fail);
	if (type_cause)
		ADD(&m, "ESM cause", &type_cause, 1, fail);
	if (np > 0)
		ADD(&m, "Protocol configuration options", pco, np, fail);
	return fail ? -1 : emm_encode(&m, out, max);
}

int esm_b_act_dedicated(const struct ue *ue, unsigned int ebi, const struct nas_tft *tft,
			uint8_t *out, size_t max)
{
	const struct bearer *b = &ue->br[ebi - UE_EBI_MIN];
	struct nas_eps_qos q = { .qci = b->qci, .n_octets = 1 };
	uint8_t qb[13], tb[256], linked = ue->pdn[b->pdn].ebi, zero = 0;
	struct nas_msg m;
	int nq, nt, fail = start(&m, NAS_ACT_DEDICATED_REQUEST, b->ebi, 0);

	q.mbr_ul = b->mbr_ul / 1000;
	q.mbr_dl = b->mbr_dl / 1000;
	q.gbr_ul = b->gbr_ul / 1000;
	q.gbr_dl = b->gbr_dl / 1000;
	nq = nas_eps_qos_enc(&q, qb, sizeof(qb), NULL);
	nt = nas_tft_enc(tft, tb, sizeof(tb), NULL);
	if (fail || nq < 0 || nt < 0)
		return -1;
	ADD(&m, "Linked EPS bearer identity", &linked, 1, fail);
	ADD(&m, "Spare half octet", &zero, 1, fail);
	ADD(&m, "EPS QoS", qb, nq, fail);
	ADD(&m, "TFT", tb, nt, fail);
	return fail ? -1 : emm_encode(&m, out, max);
}
