// SPDX-License-Identifier: GPL-2.0
/*
 * Control methods of the MME core: ue.list, ue.show, ue.detach, ue.guti_realloc,
 * enb.list,
 * policy.add, policy.del, policy.list, mme.stats (Documentation/agwctl.md).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <json-c/json.h>

#include "agwd/agwd.h"
#include "agwd/datapath/datapath.h"
#include "agwd/nas/emm.h"
#include "agwd/policy/policy.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/ue/ue.h"

#define LIST_MAX 1000

static void jadd_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static void jadd_int(struct json_object *o, const char *k, int64_t v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static void guti_str(const struct agwd *d, const struct ue *ue, char *buf, size_t n)
{
	if (!ue->has_guti)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%s%s-%04x-%02x-%08x", d->cfg.plmn.mcc, d->cfg.plmn.mnc,
			 d->cfg.mme.group_id, d->cfg.mme.code, ue->m_tmsi);
}

static struct json_object *ue_brief(const struct agwd *d, const struct ue *ue)
{
	struct json_object *o = json_object_new_object();
	char g[40];

	guti_str(d, ue, g, sizeof(g));
	jadd_str(o, "imsi", ue->imsi);
	jadd_str(o, "guti", g);
	jadd_str(o, "emm", emm_state_spec(ue->emm));
	jadd_str(o, "emm_detail", emm_state_name(ue->emm));
	jadd_str(o, "ecm", ue_connected(ue) ? "ECM-CONNECTED" : "ECM-IDLE");
	if (ue->enb) {
		jadd_int(o, "enb", ue->enb->id);
		jadd_int(o, "enb_ue_s1ap_id", ue->enb_ue_id);
		jadd_int(o, "mme_ue_s1ap_id", ue->mme_ue_id);
	}
	jadd_int(o, "pdns", sess_pdn_count(ue));
	return o;
}

static struct json_object *bearer_json(const struct ue *ue, const struct bearer *b)
{
	static const char *const st[] = { "free", "activation-pending", "active",
					   "deactivation-pending" };
	struct json_object *o = json_object_new_object();
	char a[INET6_ADDRSTRLEN];

	jadd_int(o, "ebi", b->ebi);
	jadd_str(o, "state", b->state < 4 ? st[b->state] : "?");
	jadd_int(o, "qci", b->qci);
	jadd_int(o, "arp", b->arp);
	jadd_int(o, "teid_sgw", b->teid);
	if (b->has_enb) {
		jadd_int(o, "teid_enb", b->enb_teid);
		jadd_str(o, "enb_address", b->enb_family == AF_INET6 ?
			 inet_ntop(AF_INET6, &b->enb6, a, sizeof(a)) :
			 inet_ntop(AF_INET, &b->enb4, a, sizeof(a)));
	}
	json_object_object_add(o, "datapath", json_object_new_boolean(b->dp));
	if (b->dp_idle)
		json_object_object_add(o, "datapath_idle", json_object_new_boolean(true));
	if (b->gbr) {
		jadd_int(o, "gbr_ul", (int64_t)b->gbr_ul);
		jadd_int(o, "gbr_dl", (int64_t)b->gbr_dl);
	}
	if (b->mbr_ul || b->mbr_dl) {
		jadd_int(o, "mbr_ul", (int64_t)b->mbr_ul);
		jadd_int(o, "mbr_dl", (int64_t)b->mbr_dl);
	}
	if (b->policy[0])
		jadd_str(o, "policy", b->policy);
	return o;
}

static struct json_object *pdn_json(const struct agwd *d, const struct ue *ue, unsigned int i)
{
	static const char *const types[] = { "?", "ipv4", "ipv6", "ipv4v6" };
	const struct pdn *p = &ue->pdn[i];
	struct json_object *o = json_object_new_object(), *ba = json_object_new_array();
	char a[INET6_ADDRSTRLEN + 4];

	jadd_str(o, "apn", sess_apn_name(d, p));
	jadd_str(o, "type", p->type < 4 ? types[p->type] : "?");
	if (p->has4)
		jadd_str(o, "ipv4", inet_ntop(AF_INET, &p->ip4, a, sizeof(a)));
	if (p->has6) {
		inet_ntop(AF_INET6, &p->ip6, a, INET6_ADDRSTRLEN);
		strcat(a, "/64");
		jadd_str(o, "ipv6_prefix", a);
	}
	jadd_int(o, "default_ebi", p->ebi);
	jadd_int(o, "ambr_ul", (int64_t)p->ambr_ul);
	jadd_int(o, "ambr_dl", (int64_t)p->ambr_dl);
	for (unsigned int k = 0; k < UE_MAX_BEARERS; k++)
		if (ue->br[k].ebi && ue->br[k].pdn == i)
			json_object_array_add(ba, bearer_json(ue, &ue->br[k]));
	json_object_object_add(o, "bearers", ba);
	return o;
}

struct list_ctx {
	struct agwd *d;
	struct json_object *arr;
	unsigned int n, limit;
};

static int list_one(void *arg, struct ue *ue)
{
	struct list_ctx *c = arg;

	if (!ue->imsi[0])
		return 0;
	if (c->n++ >= c->limit)
		return 1;
	json_object_array_add(c->arr, ue_brief(c->d, ue));
	return 0;
}

static int m_ue_list(void *arg, struct json_object *p, struct json_object **res,
		     struct jsonrpc_error *err)
{
	static const char *const keys[] = { "limit", NULL };
	struct list_ctx c = { .d = arg, .limit = LIST_MAX };
	unsigned long long lim = LIST_MAX;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_u64(p, "limit", 0, 100000, &lim, err) < 0)
		return -1;
	c.limit = (unsigned int)lim;
	c.arr = json_object_new_array();
	ue_walk(c.d->ues, list_one, &c);
	*res = json_object_new_object();
	json_object_object_add(*res, "ues", c.arr);
	jadd_int(*res, "total", (int64_t)ue_count(c.d->ues));
	return 0;
}

static struct ue *ue_param(struct agwd *d, struct json_object *p, struct jsonrpc_error *err)
{
	const char *imsi;
	struct ue *ue;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return NULL;
	ue = ue_by_imsi(d->ues, imsi);
	if (!ue)
		jsonrpc_fail(err, ENOENT, "no UE context for IMSI %.20s", imsi);
	return ue;
}

static int m_ue_show(void *arg, struct json_object *p, struct json_object **res,
		     struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", NULL };
	struct agwd *d = arg;
	struct json_object *pa;
	struct ue *ue;

	if (jsonrpc_param_keys(p, keys, err))
		return -1;
	ue = ue_param(d, p, err);
	if (!ue)
		return -1;
	*res = ue_brief(d, ue);
	if (ue->has_sec) {
		jadd_int(*res, "ksi", ue->ksi);
		jadd_int(*res, "eia", ue->sec.eia);
		jadd_int(*res, "eea", ue->sec.eea);
		jadd_int(*res, "ul_nas_count", ue->sec.rx_count);
		jadd_int(*res, "dl_nas_count", ue->sec.tx_count);
	}
	jadd_int(*res, "tac", ue->tac);
	pa = json_object_new_array();
	for (unsigned int i = 0; i < UE_MAX_PDN; i++)
		if (ue->pdn[i].used)
			json_object_array_add(pa, pdn_json(d, ue, i));
	json_object_object_add(*res, "pdns", pa);
	return 0;
}

static int m_ue_detach(void *arg, struct json_object *p, struct json_object **res,
		       struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", "reattach", NULL };
	struct agwd *d = arg;
	int reattach = 0;
	struct ue *ue;

	if (jsonrpc_param_keys(p, keys, err) ||
	    jsonrpc_param_bool(p, "reattach", 0, &reattach, err) < 0)
		return -1;
	ue = ue_param(d, p, err);
	if (!ue)
		return -1;
	if (emm_detach_network(d, ue, reattach))
		return jsonrpc_fail(err, EIO, "detach request could not be sent");
	*res = NULL;
	return 0;
}

/* GUTI reallocation (24.301 5.4.1) of a registered, connected UE */
static int m_ue_guti_realloc(void *arg, struct json_object *p, struct json_object **res,
			     struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", NULL };
	struct agwd *d = arg;
	struct ue *ue;
	char g[64];

	if (jsonrpc_param_keys(p, keys, err))
		return -1;
	ue = ue_param(d, p, err);
	if (!ue)
		return -1;
	if (ue->emm == EMM_WAIT_GUTI_COMPLETE)
		return jsonrpc_fail(err, EBUSY, "a GUTI reallocation is already running");
	if (ue->emm != EMM_REGISTERED)
		return jsonrpc_fail(err, EAGAIN, "UE is not registered (%s)",
				    emm_state_name(ue->emm));
	if (!ue_connected(ue))
		return jsonrpc_fail(err, EAGAIN, "UE is idle: no NAS connection to send on");
	if (ue->proc != PROC_NONE)
		return jsonrpc_fail(err, EBUSY, "another EMM procedure is running");
	if (emm_guti_realloc(d, ue))
		return jsonrpc_fail(err, EIO, "GUTI reallocation command could not be sent");
	guti_str(d, ue, g, sizeof(g));
	*res = json_object_new_object();
	jadd_str(*res, "guti", g);
	return 0;
}

static int m_enb_list(void *arg, struct json_object *p, struct json_object **res,
		      struct jsonrpc_error *err)
{
	struct agwd *d = arg;
	struct json_object *arr = json_object_new_array();

	for (struct enb *e = s1mme_enb_first(d->s1); e; e = e->next) {
		struct json_object *o = json_object_new_object(), *ta = json_object_new_array();
		char a[INET6_ADDRSTRLEN] = "";

		if (e->peer.ss_family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *)&e->peer)->sin_addr, a, sizeof(a));
		else if (e->peer.ss_family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&e->peer)->sin6_addr, a,
				  sizeof(a));
		jadd_int(o, "id", e->id);
		jadd_str(o, "name", e->name);
		jadd_int(o, "enb_id", e->enb_id);
		jadd_int(o, "enb_id_bits", e->enb_id_bits);
		jadd_str(o, "address", a);
		json_object_object_add(o, "s1_setup", json_object_new_boolean(e->setup));
		jadd_int(o, "ues", e->n_ues);
		for (unsigned int i = 0; i < e->n_tais; i++)
			json_object_array_add(ta, json_object_new_int(e->tais[i].tac));
		json_object_object_add(o, "tacs", ta);
		jadd_int(o, "rx_pdus", (int64_t)e->rx);
		jadd_int(o, "tx_pdus", (int64_t)e->tx);
		json_object_array_add(arr, o);
	}
	*res = json_object_new_object();
	json_object_object_add(*res, "enbs", arr);
	return 0;
}

static int m_stats(void *arg, struct json_object *p, struct json_object **res,
		   struct jsonrpc_error *err)
{
	struct agwd *d = arg;
	const struct s1_counters *c = &d->s1->c;
	const struct dp_stats *ds = dp_stats(d->dp);
	struct json_object *s1 = json_object_new_object(), *dp = json_object_new_object();

	*res = json_object_new_object();
	jadd_int(*res, "ues", (int64_t)ue_count(d->ues));
	jadd_int(*res, "enbs", s1mme_enb_count(d->s1));
	jadd_int(*res, "teids", (int64_t)sess_teid_count(d->sess));
	jadd_int(s1, "rx_pdus", (int64_t)c->rx_pdus);
	jadd_int(s1, "tx_pdus", (int64_t)c->tx_pdus);
	jadd_int(s1, "rx_undecodable", (int64_t)c->rx_undecodable);
	jadd_int(s1, "rx_error_indication", (int64_t)c->rx_error_ind);
	jadd_int(s1, "tx_error_indication", (int64_t)c->tx_error_ind);
	jadd_int(s1, "s1_setup_ok", (int64_t)c->setup_ok);
	jadd_int(s1, "s1_setup_failure", (int64_t)c->setup_fail);
	jadd_int(s1, "rx_unknown_ue", (int64_t)c->rx_unknown_ue);
	jadd_int(s1, "tx_queued", (int64_t)c->tx_queued);
	jadd_int(s1, "tx_dropped", (int64_t)c->tx_dropped);
	json_object_object_add(*res, "s1ap", s1);
	jadd_str(dp, "mode", dp_is_recorder(d->dp) ? "recorder" : "gtpu");
	jadd_int(dp, "bearers", (int64_t)dp_count(d->dp));
	jadd_int(dp, "adds", (int64_t)ds->adds);
	jadd_int(dp, "mods", (int64_t)ds->mods);
	jadd_int(dp, "dels", (int64_t)ds->dels);
	jadd_int(dp, "errors", (int64_t)ds->errors);
	json_object_object_add(*res, "datapath", dp);
	return 0;
}

int agwd_ctl_policy_init(struct agwd *d);

int agwd_ctl_mme_init(struct agwd *d)
{
	int ret = jsonrpc_register(d->rpc, "ue.list", m_ue_list, d, "UE contexts") ||
		  jsonrpc_register(d->rpc, "ue.show", m_ue_show, d, "one UE context: imsi") ||
		  jsonrpc_register(d->rpc, "ue.detach", m_ue_detach, d,
				   "network-initiated detach: imsi [reattach]") ||
		  jsonrpc_register(d->rpc, "ue.guti_realloc", m_ue_guti_realloc, d,
				   "GUTI reallocation of a connected UE: imsi") ||
		  jsonrpc_register(d->rpc, "enb.list", m_enb_list, d, "eNBs with S1 associations") ||
		  jsonrpc_register(d->rpc, "mme.stats", m_stats, d, "MME counters");

	return ret ? -EINVAL : agwd_ctl_policy_init(d);
}
