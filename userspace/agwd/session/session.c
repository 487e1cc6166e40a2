// SPDX-License-Identifier: GPL-2.0
/*
 * PDN connections and bearers of a UE: APN selection, PDN type
 * negotiation, addresses, EBIs, and the datapath calls.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "agwd/agwd.h"
#include "agwd/policy/policy.h"
#include "agwd/datapath/datapath.h"
#include "agwd/mobility/mobility.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/subscriber/subscriber.h"
#include "agwd/ue/ue.h"
#include "lib/log.h"
#include "proto/nas_ie.h"

#define MOD "session"

/* ESM causes (TS 24.301 9.9.4.4) */
enum {
	ESM_UNKNOWN_APN = 27, ESM_UNKNOWN_PDN_TYPE = 28, ESM_REJECTED_UNSPEC = 31,
	ESM_INSUFFICIENT_RESOURCES = 26, ESM_IPV4_ONLY = 50, ESM_IPV6_ONLY = 51,
	ESM_MULTIPLE_PDN_APN = 55, ESM_MAX_BEARERS = 65,
};

const char *sess_apn_name(const struct agwd *d, const struct pdn *p)
{
	return p->apn < d->cfg.n_apns ? d->cfg.apns[p->apn].name : "?";
}

/*
 * The APN network identifier of a requested APN: the UE may add the
 * operator identifier (".mncXXX.mccYYY.gprs", TS 23.003 9.1.2); drop it.
 */
static void apn_ni(const char *in, char *out, size_t size)
{
	const char *p;

	snprintf(out, size, "%s", in);
	p = strstr(out, ".mnc");
	if (p && strstr(p, ".mcc") && strlen(out) > 5 &&
	    !strcasecmp(out + strlen(out) - 5, ".gprs"))
		out[p - out] = 0;
}

static int apn_index(const struct agwd *d, const char *name)
{
	for (unsigned int i = 0; i < d->cfg.n_apns; i++)
		if (!strcasecmp(d->cfg.apns[i].name, name))
			return (int)i;
	return -1;
}

/* The subscriber's profile for the APN, or NULL (then the APN's defaults). */
static const struct sub_apn *sub_apn_of(const struct sub_record *r, const char *name)
{
	for (unsigned int i = 0; i < r->n_apns; i++)
		if (!strcasecmp(r->apns[i].name, name))
			return &r->apns[i];
	return NULL;
}

static int select_apn(struct agwd *d, const struct sub_record *r, const char *req,
		      uint8_t *cause)
{
	char ni[AGW_APN_MAX + 1];
	int i;

	if (!req || !*req) {
		/* TS 23.401 5.3.1.1: the subscription's default APN */
		i = apn_index(d, r->n_apns ? r->apns[0].name : d->cfg.apns[0].name);
	} else {
		apn_ni(req, ni, sizeof(ni));
		i = apn_index(d, ni);
		if (i >= 0 && r->n_apns && !sub_apn_of(r, ni))
			i = -1;		/* not subscribed */
	}
	if (i < 0)
		*cause = ESM_UNKNOWN_APN;
	return i;
}

/* TS 24.301 6.5.1.3: narrow the type to what the APN's pools offer. */
static int negotiate_type(const struct agw_apn_cfg *a, uint8_t req, uint8_t *type,
			  uint8_t *type_cause, uint8_t *cause)
{
	bool v4 = a->has_ipv4_pool, v6 = a->has_ipv6_pool;

	*type_cause = 0;
	switch (req) {
	case NAS_PDN_IPV4:
		*type = NAS_PDN_IPV4;
		break;
	case NAS_PDN_IPV6:
		*type = NAS_PDN_IPV6;
		break;
	case NAS_PDN_IPV4V6:
		*type = v4 && v6 ? NAS_PDN_IPV4V6 : v4 ? NAS_PDN_IPV4 : NAS_PDN_IPV6;
		if (*type == NAS_PDN_IPV4)
			*type_cause = ESM_IPV4_ONLY;
		else if (*type == NAS_PDN_IPV6)
			*type_cause = ESM_IPV6_ONLY;
		break;
	default:
		*cause = ESM_UNKNOWN_PDN_TYPE;
		return -1;
	}
	if ((*type == NAS_PDN_IPV4 && !v4) || (*type == NAS_PDN_IPV6 && !v6)) {
		*cause = *type == NAS_PDN_IPV4 ? ESM_IPV6_ONLY : ESM_IPV4_ONLY;
		return -1;
	}
	return 0;
}

static int free_ebi(const struct ue *ue)
{
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		if (!ue->br[i].ebi)
			return (int)(i + UE_EBI_MIN);
	return -1;
}

static struct bearer *bearer_alloc(struct agwd *d, struct ue *ue, unsigned int pdn)
{
	int ebi = free_ebi(ue);
	struct bearer *b;
	uint32_t teid;

	if (ebi < 0)
		return NULL;
	teid = sess_teid_alloc(d->sess, ue->uid, (uint8_t)ebi);
	if (!teid)
		return NULL;
	b = &ue->br[ebi - UE_EBI_MIN];
	memset(b, 0, sizeof(*b));
	b->ebi = (uint8_t)ebi;
	b->pdn = (uint8_t)pdn;
	b->teid = teid;
	b->state = BR_ACT_PENDING;
	return b;
}

static int lease(struct agwd *d, struct ue *ue, struct pdn *p, const struct sub_apn *sa,
		 uint8_t *cause)
{
	unsigned int fam = (p->type & NAS_PDN_IPV4 ? MOB_IPV4 : 0) |
			   (p->type == NAS_PDN_IPV6 || p->type == NAS_PDN_IPV4V6 ? MOB_IPV6 : 0);
	struct mob_lease_info li;
	int ret;

	ret = mob_alloc(d->mob, ue->imsi, d->cfg.apns[p->apn].name, fam,
			sa && sa->has_ipv4 ? &sa->ipv4 : NULL,
			sa && sa->has_ipv6 ? &sa->ipv6 : NULL, &li);
	if (ret) {
		log_warn(MOD, "%s: no address on %s: %s", ue->imsi, d->cfg.apns[p->apn].name,
			 mob_error(d->mob));
		*cause = ESM_INSUFFICIENT_RESOURCES;
		return -1;
	}
	p->has4 = li.has_ipv4;
	p->ip4 = li.ipv4;
	p->has6 = li.has_ipv6;
	p->ip6 = li.ipv6;
	/* TS 29.061 11.2.1.3.2: the interface identifier; never all zeros */
	memset(p->iid, 0, sizeof(p->iid));
	for (int i = 0; i < 6; i++)
		p->iid[7 - i] = (uint8_t)(ue->uid >> (8 * i));
	p->iid[0] = 0x02;
	return 0;
}

static void fill_qos(const struct agw_apn_cfg *a, const struct sub_apn *sa, struct pdn *p,
		     struct bearer *b)
{
	b->qci = sa && sa->qci ? sa->qci : a->qci;
	b->arp = sa && sa->arp ? sa->arp : a->arp;
	p->ambr_ul = sa && sa->ambr_ul ? sa->ambr_ul : a->ambr_ul;
	p->ambr_dl = sa && sa->ambr_dl ? sa->ambr_dl : a->ambr_dl;
}

int sess_pdn_create(struct agwd *d, struct ue *ue, const char *apn, uint8_t pdn_type,
		    uint8_t pti, uint8_t *cause, uint8_t *type_cause)
{
	struct sub_record r;
	const struct sub_apn *sa;
	struct bearer *b;
	struct pdn *p = NULL;
	int ai, slot = -1;

	*cause = ESM_REJECTED_UNSPEC;
	if (sub_get(d->subs, ue->imsi, &r))
		return -1;
	ai = select_apn(d, &r, apn, cause);
	if (ai < 0)
		return -1;
	for (int i = 0; i < UE_MAX_PDN; i++) {
		if (ue->pdn[i].used && ue->pdn[i].apn == ai) {
			*cause = ESM_MULTIPLE_PDN_APN;
			return -1;
		}
		if (!ue->pdn[i].used && slot < 0)
			slot = i;
	}
	if (slot < 0) {
		*cause = ESM_INSUFFICIENT_RESOURCES;
		return -1;
	}
	p = &ue->pdn[slot];
	memset(p, 0, sizeof(*p));
	p->apn = (uint8_t)ai;
	p->pti = pti;
	if (negotiate_type(&d->cfg.apns[ai], pdn_type, &p->type, type_cause, cause))
		return -1;
	sa = sub_apn_of(&r, d->cfg.apns[ai].name);
	b = bearer_alloc(d, ue, (unsigned int)slot);
	if (!b) {
		*cause = ESM_MAX_BEARERS;
		return -1;
	}
	if (lease(d, ue, p, sa, cause)) {
		sess_teid_release(d->sess, b->teid);
		memset(b, 0, sizeof(*b));
		return -1;
	}
	p->used = true;
	p->ebi = b->ebi;
	fill_qos(&d->cfg.apns[ai], sa, p, b);
	return slot;
}

struct bearer *sess_bearer_new(struct agwd *d, struct ue *ue, unsigned int pdn)
{
	if (pdn >= UE_MAX_PDN || !ue->pdn[pdn].used)
		return NULL;
	return bearer_alloc(d, ue, pdn);
}

/*
 * The kernel APN-AMBR group of a PDN connection (TS 23.401 4.7.3: shared by
 * all its non-GBR bearers): named by its default bearer's TEID, unique on
 * the device while the PDN lives.  0: no AMBR.
 */
static uint32_t pdn_ambr_group(const struct ue *ue, const struct pdn *p)
{
	if (!p->ambr_ul && !p->ambr_dl)
		return 0;
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		if (ue->br[i].ebi && ue->br[i].ebi == p->ebi)
			return ue->br[i].teid;
	return 0;
}

void sess_bearer_delete(struct agwd *d, struct ue *ue, unsigned int ebi)
{
	struct bearer *b = ue_bearer(ue, ebi);

	if (!b)
		return;
	if (b->dp || b->dp_idle)
		dp_bearer_del(d->dp, b->teid);
	sess_teid_release(d->sess, b->teid);
	memset(b, 0, sizeof(*b));
}

void sess_pdn_delete(struct agwd *d, struct ue *ue, unsigned int pdn)
{
	struct pdn *p = &ue->pdn[pdn];
	uint32_t group;

	if (pdn >= UE_MAX_PDN || !p->used)
		return;
	group = pdn_ambr_group(ue, p);
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		if (ue->br[i].ebi && ue->br[i].pdn == pdn)
			sess_bearer_delete(d, ue, ue->br[i].ebi);
	dp_ambr_set(d->dp, group, 0, 0);	/* no member left: removed */
	if (mob_release(d->mob, ue->imsi, sess_apn_name(d, p)))
		log_warn(MOD, "%s: lease on %s: %s", ue->imsi, sess_apn_name(d, p),
			 mob_error(d->mob));
	memset(p, 0, sizeof(*p));
}

void sess_release_all(struct agwd *d, struct ue *ue)
{
	for (unsigned int i = 0; i < UE_MAX_PDN; i++)
		sess_pdn_delete(d, ue, i);
}

int sess_pdn_by_ebi(const struct ue *ue, unsigned int ebi)
{
	for (int i = 0; i < UE_MAX_PDN; i++)
		if (ue->pdn[i].used && ue->pdn[i].ebi == ebi)
			return i;
	return -1;
}

unsigned int sess_pdn_count(const struct ue *ue)
{
	unsigned int n = 0;

	for (int i = 0; i < UE_MAX_PDN; i++)
		n += ue->pdn[i].used;
	return n;
}

void sess_ue_ambr(const struct ue *ue, uint64_t *ul, uint64_t *dl)
{
	*ul = *dl = 0;
	for (int i = 0; i < UE_MAX_PDN; i++) {
		if (!ue->pdn[i].used)
			continue;
		*ul += ue->pdn[i].ambr_ul;
		*dl += ue->pdn[i].ambr_dl;
	}
	if (*ul > 10000000000ULL)	/* S1AP BitRate upper bound */
		*ul = 10000000000ULL;
	if (*dl > 10000000000ULL)
		*dl = 10000000000ULL;
}

/* ------------------------------------------------------------ datapath --- */

void sess_dp_fill(const struct agwd *d, const struct ue *ue, const struct bearer *b,
		  struct dp_bearer *out)
{
	const struct pdn *p = &ue->pdn[b->pdn];

	memset(out, 0, sizeof(*out));
	out->teid_in = b->teid;
	out->teid_out = b->enb_teid;
	out->peer_family = b->enb_family;
	out->peer4 = b->enb4;
	out->peer6 = b->enb6;
	out->has_ue4 = p->has4;
	out->ue4 = p->ip4;
	out->has_ue6 = p->has6;
	out->ue6 = p->ip6;
	out->ebi = b->ebi;
	out->cookie = AGWD_COOKIE(ue->uid, b->ebi);
	if (!b->gbr)
		out->ambr_group = pdn_ambr_group(ue, p);
	if (p->ebi != b->ebi) {
		/* dedicated: the TFT of its rule picks its downlink in gtpu.ko */
		const struct policy_rule *r = policy_get(d, ue->imsi, b->policy);

		out->tft = r ? &r->tft : NULL;
		out->mbr_ul = b->gbr ? b->mbr_ul : 0;
		out->mbr_dl = b->gbr ? b->mbr_dl : 0;
	}
}

/*
 * The default bearer of a PDN, and a dedicated bearer whose rule (its TFT)
 * still exists: without a TFT gtpu.ko would take it for a second default
 * bearer of the address.
 */
static bool programmable(const struct agwd *d, const struct ue *ue, const struct bearer *b)
{
	if (!ue->pdn[b->pdn].used)
		return false;
	return ue->pdn[b->pdn].ebi == b->ebi || policy_get(d, ue->imsi, b->policy);
}

void sess_dp_ambr(struct agwd *d, const struct ue *ue, const struct bearer *b)
{
	const struct pdn *p = &ue->pdn[b->pdn];

	/* before the default bearer, the group's first member, is added */
	if (p->ebi == b->ebi)
		dp_ambr_set(d->dp, pdn_ambr_group(ue, p), p->ambr_ul, p->ambr_dl);
}

int sess_dp_sync(struct agwd *d, struct ue *ue, struct bearer *b)
{
	struct dp_bearer db;
	int ret;

	/*
	 * Programmed as soon as the eNB's F-TEID is known (ICS / E-RAB Setup
	 * Response, TS 23.401 5.3.2.1 steps 22-23): the UE may send uplink
	 * before its Attach Complete / bearer accept reaches us.
	 */
	if (b->dp || (b->state != BR_ACTIVE && b->state != BR_ACT_PENDING) || !b->has_enb ||
	    !ue_connected(ue) || !programmable(d, ue, b))
		return 0;
	sess_dp_fill(d, ue, b, &db);
	sess_dp_ambr(d, ue, b);
	ret = dp_set_active(d->dp, &db);
	if (ret == -EEXIST) {		/* left over (restart): replace it */
		dp_bearer_del(d->dp, b->teid);
		ret = dp_set_active(d->dp, &db);
	}
	if (!ret) {
		b->dp = true;
		b->dp_idle = false;
	}
	return ret;
}

int sess_dp_modify(struct agwd *d, struct ue *ue, struct bearer *b)
{
	struct dp_bearer db;

	if (!b->dp)
		return sess_dp_sync(d, ue, b);
	sess_dp_fill(d, ue, b, &db);
	return dp_bearer_mod(d->dp, &db);
}

void sess_dp_idle(struct agwd *d, struct ue *ue)
{
	struct dp_bearer db;

	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++) {
		struct bearer *b = &ue->br[i];

		b->has_enb = false;	/* the next eNB gives its own TEID */
		if (!b->ebi || !b->dp)
			continue;
		sess_dp_fill(d, ue, b, &db);
		if (!dp_set_idle(d->dp, &db) && dp_keeps_idle(d->dp))
			b->dp_idle = true;
		b->dp = false;
	}
}
