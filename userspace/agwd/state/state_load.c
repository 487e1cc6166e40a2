// SPDX-License-Identifier: GPL-2.0
/*
 * Start-up: UEs rebuilt from the database, the datapath reconciled with
 * them by cookie, and the UEs that were connected re-bound to their eNB
 * when it sets up S1 again (or moved to ECM-IDLE after the grace period).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <json-c/json.h>

#include "agwd/agwd.h"
#include "agwd/datapath/datapath.h"
#include "agwd/nas/emm.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/state/state_int.h"
#include "agwd/ue/ue.h"
#include "lib/log.h"

#define MOD "state"

static int64_t jint(struct json_object *o, const char *k)
{
	struct json_object *v;

	return json_object_object_get_ex(o, k, &v) ? json_object_get_int64(v) : 0;
}

static const char *jstr(struct json_object *o, const char *k)
{
	struct json_object *v;

	return json_object_object_get_ex(o, k, &v) ? json_object_get_string(v) : NULL;
}

static void unhex(const char *s, uint8_t *out, size_t n)
{
	for (size_t i = 0; s && i < n && sscanf(s + 2 * i, "%2hhx", &out[i]) == 1; i++)
		;
}

static int load_pdn(struct ue *ue, struct json_object *o)
{
	int64_t i = jint(o, "i");
	struct pdn *p;

	if (i < 0 || i >= UE_MAX_PDN)
		return -1;
	p = &ue->pdn[i];
	p->used = true;
	p->apn = (uint8_t)jint(o, "apn");
	p->type = (uint8_t)jint(o, "type");
	p->ebi = (uint8_t)jint(o, "ebi");
	p->pti = (uint8_t)jint(o, "pti");
	p->has4 = jstr(o, "ip4") && inet_pton(AF_INET, jstr(o, "ip4"), &p->ip4) == 1;
	p->has6 = jstr(o, "ip6") && inet_pton(AF_INET6, jstr(o, "ip6"), &p->ip6) == 1;
	unhex(jstr(o, "iid"), p->iid, 8);
	p->ambr_ul = (uint64_t)jint(o, "ambr_ul");
	p->ambr_dl = (uint64_t)jint(o, "ambr_dl");
	return 0;
}

static int load_bearer(struct agwd *d, struct ue *ue, struct json_object *o)
{
	int64_t ebi = jint(o, "ebi");
	const char *enb = jstr(o, "enb");
	struct bearer *b;

	if (ebi < UE_EBI_MIN || ebi > UE_EBI_MAX)
		return -1;
	b = &ue->br[ebi - UE_EBI_MIN];
	b->ebi = (uint8_t)ebi;
	b->pdn = (uint8_t)jint(o, "pdn");
	b->state = (uint8_t)jint(o, "state");
	b->qci = (uint8_t)jint(o, "qci");
	b->arp = (uint8_t)jint(o, "arp");
	b->gbr = jint(o, "gbr");
	b->mbr_ul = (uint64_t)jint(o, "mbr_ul");
	b->mbr_dl = (uint64_t)jint(o, "mbr_dl");
	b->gbr_ul = (uint64_t)jint(o, "gbr_ul");
	b->gbr_dl = (uint64_t)jint(o, "gbr_dl");
	b->teid = (uint32_t)jint(o, "teid");
	b->dp = jint(o, "dp");
	b->dp_idle = jint(o, "dp_idle");
	if (enb) {
		b->enb_teid = (uint32_t)jint(o, "enb_teid");
		b->has_enb = true;
		if (inet_pton(AF_INET, enb, &b->enb4) == 1)
			b->enb_family = AF_INET;
		else if (inet_pton(AF_INET6, enb, &b->enb6) == 1)
			b->enb_family = AF_INET6;
		else
			b->has_enb = false;
	}
	snprintf(b->policy, sizeof(b->policy), "%s", jstr(o, "policy") ? jstr(o, "policy") : "");
	return sess_teid_claim(d->sess, b->teid, ue->uid, b->ebi) ? -1 : 0;
}

static int load_sessions(struct agwd *d, struct ue *ue, const char *text)
{
	struct json_object *o = text ? json_tokener_parse(text) : NULL, *pa, *ba;
	int ret = 0;

	if (!o)
		return -1;
	if (json_object_object_get_ex(o, "pdn", &pa))
		for (size_t i = 0; i < json_object_array_length(pa) && !ret; i++)
			ret = load_pdn(ue, json_object_array_get_idx(pa, i));
	if (json_object_object_get_ex(o, "bearers", &ba))
		for (size_t i = 0; i < json_object_array_length(ba) && !ret; i++)
			ret = load_bearer(d, ue, json_object_array_get_idx(ba, i));
	json_object_put(o);
	return ret;
}

static void blob(sqlite3_stmt *s, int col, void *out, size_t n)
{
	const void *p = sqlite3_column_blob(s, col);

	if (p && (size_t)sqlite3_column_bytes(s, col) == n)
		memcpy(out, p, n);
}

static void load_security(sqlite3_stmt *s, struct ue *ue)
{
	int ksi = sqlite3_column_int(s, 4);
	int n = sqlite3_column_bytes(s, 13);

	ue->has_sec = ksi >= 0;
	ue->ksi = (uint8_t)(ksi & 7);
	blob(s, 5, ue->kasme, 32);
	blob(s, 6, ue->sec.k_nas_int, 16);
	blob(s, 7, ue->sec.k_nas_enc, 16);
	ue->sec.eia = (uint8_t)sqlite3_column_int(s, 8);
	ue->sec.eea = (uint8_t)sqlite3_column_int(s, 9);
	ue->sec.tx_count = (uint32_t)sqlite3_column_int64(s, 10);
	ue->sec.rx_count = (uint32_t)sqlite3_column_int64(s, 11);
	ue->sec.rx_valid = (uint8_t)sqlite3_column_int(s, 12);
	if (n > 0 && n <= (int)sizeof(ue->net_cap)) {
		memcpy(ue->net_cap, sqlite3_column_blob(s, 13), (size_t)n);
		ue->net_cap_len = (uint8_t)n;
	}
	ue->s1_eea = (uint16_t)sqlite3_column_int(s, 14);
	ue->s1_eia = (uint16_t)sqlite3_column_int(s, 15);
	blob(s, 23, ue->nh, 32);
	ue->ncc = (uint8_t)sqlite3_column_int(s, 24);
}

static int orphan_add(struct state_db *st, struct ue *ue)
{
	uint64_t *n = realloc(st->orphans, (st->n_orphans + 1) * sizeof(*n));

	if (!n)
		return -ENOMEM;
	st->orphans = n;
	st->orphans[st->n_orphans++] = ue->uid;
	return 0;
}

static int load_row(struct agwd *d, sqlite3_stmt *s)
{
	struct ue *ue = ue_new(d->ues, (uint64_t)sqlite3_column_int64(s, 0));
	const char *imsi = (const char *)sqlite3_column_text(s, 1);
	int64_t tmsi = sqlite3_column_int64(s, 2);

	if (!ue || !imsi || ue_set_imsi(d->ues, ue, imsi))
		goto bad;
	emm_timers_init(ue);
	esm_timers_init(ue);
	if (tmsi >= 0 && ue_set_tmsi(d->ues, ue, (uint32_t)tmsi))
		goto bad;
	ue->emm = EMM_REGISTERED;
	load_security(s, ue);
	blob(s, 16, ue->tai_plmn, 3);
	ue->tac = (uint16_t)sqlite3_column_int(s, 17);
	if (load_sessions(d, ue, (const char *)sqlite3_column_text(s, 25)))
		goto bad;
	if (sqlite3_column_int(s, 18)) {
		ue->orphan.on = true;
		blob(s, 19, ue->orphan.plmn, 3);
		ue->orphan.enb_id = (uint32_t)sqlite3_column_int64(s, 20);
		ue->orphan.enb_ue_id = (uint32_t)sqlite3_column_int64(s, 21);
		ue->orphan.mme_ue_id = (uint32_t)sqlite3_column_int64(s, 22);
		return orphan_add(d->state, ue);
	}
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++) {
		ue->br[i].dp = false;		/* idle: nothing in the datapath */
		ue->br[i].has_enb = false;
	}
	emm_reach_start(d, ue);
	return 0;
bad:
	log_err(MOD, "UE %s: stored context unusable, dropped", imsi ? imsi : "?");
	if (ue) {
		sess_release_all(d, ue);
		ue_free(d->ues, ue);
	}
	return 0;
}

static void on_grace(struct ev_loop *loop, void *arg)
{
	state_grace_end(arg);
}

int state_load(struct agwd *d, size_t *n)
{
	struct state_db *st = d->state;
	int rc;

	*n = 0;
	while ((rc = sqlite3_step(st->all)) == SQLITE_ROW) {
		if (load_row(d, st->all))
			break;
		(*n)++;
	}
	sqlite3_reset(st->all);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		log_err(MOD, "load: %s", sqlite3_errmsg(st->db));
		return -EIO;
	}
	if (st->n_orphans) {
		ev_timer_init(&st->grace, on_grace, d);
		ev_timer_start(d->loop, &st->grace, STATE_GRACE_MS);
	}
	return 0;
}

/* ------------------------------------------------------- reconcile --- */

struct rec_ctx {
	struct agwd *d;
	unsigned int added, deleted;
	uint32_t *del;
	size_t n_del, cap;
};

static int rec_cb(void *arg, const struct dp_bearer *b)
{
	struct rec_ctx *c = arg;
	uint64_t uid;
	uint8_t ebi;
	struct ue *ue;
	struct bearer *br;

	if (!AGWD_COOKIE_IS_OURS(b->cookie))
		return 0;		/* not ours (gtpuctl): left alone */
	ue = ue_by_uid(c->d->ues, AGWD_COOKIE_UID(b->cookie));
	br = ue ? ue_bearer(ue, AGWD_COOKIE_EBI(b->cookie)) : NULL;
	if (br && (br->dp || br->dp_idle) && br->teid == b->teid_in && !sess_teid_lookup(c->d->sess, b->teid_in,
									 &uid, &ebi))
		return 0;
	if (c->n_del == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		uint32_t *n = realloc(c->del, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		c->del = n;
		c->cap = cap;
	}
	c->del[c->n_del++] = b->teid_in;
	return 0;
}

static int readd(void *arg, struct ue *ue)
{
	struct rec_ctx *c = arg;
	struct dp_bearer db, cur;

	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++) {
		struct bearer *b = &ue->br[i];

		if (!b->ebi || !b->dp)
			continue;
		if (!dp_bearer_get(c->d->dp, b->teid, &cur))
			continue;
		sess_dp_fill(c->d, ue, b, &db);
		sess_dp_ambr(c->d, ue, b);
		if (dp_bearer_add(c->d->dp, &db))
			b->dp = false;
		else
			c->added++;
	}
	return 0;
}

int state_reconcile(struct agwd *d, unsigned int *added, unsigned int *deleted)
{
	struct rec_ctx c = { .d = d };
	int ret = dp_dump(d->dp, rec_cb, &c);

	for (size_t i = 0; i < c.n_del; i++)
		if (!dp_bearer_del(d->dp, c.del[i]))
			c.deleted++;
	free(c.del);
	ue_walk(d->ues, readd, &c);
	*added = c.added;
	*deleted = c.deleted;
	return ret;
}

/* ----------------------------------------------------------- orphans --- */

void state_enb_up(struct agwd *d, struct enb *e)
{
	struct state_db *st = d->state;
	size_t k = 0;

	for (size_t i = 0; i < st->n_orphans; i++) {
		struct ue *ue = ue_by_uid(d->ues, st->orphans[i]);

		if (ue && ue->orphan.on && e->has_gid && ue->orphan.enb_id == e->enb_id &&
		    !memcmp(ue->orphan.plmn, e->plmn, 3) &&
		    !ue_bind_id(d->ues, ue, e, ue->orphan.enb_ue_id, s1_ue_stream(e),
				ue->orphan.mme_ue_id)) {
			ue->orphan.on = false;
			ue->ctx_setup = true;
			continue;
		}
		st->orphans[k++] = st->orphans[i];
	}
	if (k != st->n_orphans)
		log_notice(MOD, "eNB %u: %zu UEs from before the restart bound again", e->id,
			   st->n_orphans - k);
	st->n_orphans = k;
}

void state_grace_end(struct agwd *d)
{
	struct state_db *st = d->state;

	for (size_t i = 0; i < st->n_orphans; i++) {
		struct ue *ue = ue_by_uid(d->ues, st->orphans[i]);

		if (!ue || !ue->orphan.on)
			continue;
		ue->orphan.on = false;
		sess_dp_idle(d, ue);	/* ECM-IDLE: paged or service request */
		emm_reach_start(d, ue);
		state_ue_save(st, ue);
	}
	if (st->n_orphans)
		log_notice(MOD, "%zu UEs whose eNB did not come back are ECM-IDLE", st->n_orphans);
	st->n_orphans = 0;
	ev_timer_stop(d->loop, &st->grace);
}
