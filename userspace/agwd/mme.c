// SPDX-License-Identifier: GPL-2.0
/*
 * The MME core of agwd: wiring of the UE table, sessions, datapath, S1-MME,
 * policy and state modules, start-up (reload, reconcile, listen), and the
 * metrics of the core (events by name, attach results by cause, gauges of
 * UEs, bearers and associations, latency histograms of attach and service
 * request).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/datapath/datapath.h"
#include "agwd/nas/emm.h"
#include "agwd/policy/policy.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/session/session.h"
#include "agwd/state/state.h"
#include "agwd/ue/ue.h"
#include "lib/log.h"

#define MOD "mme"
#define CACHE 96

static const double buckets[] = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
#define N_BUCKETS (sizeof(buckets) / sizeof(buckets[0]))

struct hist {
	struct metric *b[N_BUCKETS + 1], *sum, *count;
};

struct mme_metrics {
	struct {
		const char *key;
		struct metric *m;
	} ev[CACHE], res[CACHE];
	struct hist attach, service;
	struct metric *ues_registered, *ues_connected, *ues, *bearers, *enbs, *s1[10];
};

/* A counter per distinct string literal: looked up once, then by pointer. */
static struct metric *cached(struct agwd *d, typeof(d->mm->ev[0]) *tab, const char *key,
			     const char *name, const char *help, const char *label)
{
	const char *lbl[] = { label, key, NULL };

	for (unsigned int i = 0; i < CACHE; i++) {
		if (tab[i].key == key)
			return tab[i].m;
		if (!tab[i].key) {
			tab[i].key = key;
			tab[i].m = metrics_series(d->metrics, METRIC_COUNTER, name, help, lbl);
			return tab[i].m;
		}
	}
	return metrics_series(d->metrics, METRIC_COUNTER, name, help, lbl);
}

void mme_count(struct agwd *d, const char *what)
{
	if (d->mm)
		metric_inc(cached(d, d->mm->ev, what, "agwd_mme_events_total",
				  "MME events and protocol errors by kind.", "event"));
}

void emm_attach_result(struct agwd *d, const char *result)
{
	static const char *const known[] = { "success", "aborted", "auth-reject", "smc-reject" };
	const char *key = NULL;
	char name[24];

	if (!d->mm)
		return;
	/*
	 * Not "key == result": the linker merges equal string literals, so
	 * the caller's "success" may be the very pointer known[0] holds.
	 */
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(known[i], result))
			key = known[i];
	if (!key) {
		/* reject-N: one literal per cause value */
		static char causes[256][12];
		int c = atoi(result + 7);

		if (c < 0 || c > 255)
			return;
		snprintf(name, sizeof(name), "reject-%d", c);
		memcpy(causes[c], name, sizeof(causes[c]));
		key = causes[c];
	}
	metric_inc(cached(d, d->mm->res, key, "agwd_attach_total",
			  "Attach procedures by result (reject-N: EMM cause N).", "result"));
}

static void hist_init(struct metrics *r, struct hist *h, const char *base, const char *help)
{
	char name[64], le[16];

	for (unsigned int i = 0; i <= N_BUCKETS; i++) {
		const char *lbl[] = { "le", le, NULL };

		if (i < N_BUCKETS)
			snprintf(le, sizeof(le), "%g", buckets[i]);
		else
			snprintf(le, sizeof(le), "+Inf");
		snprintf(name, sizeof(name), "%s_bucket", base);
		h->b[i] = metrics_series(r, METRIC_COUNTER, name, help, lbl);
	}
	snprintf(name, sizeof(name), "%s_sum", base);
	h->sum = metrics_series(r, METRIC_COUNTER, name, help, NULL);
	snprintf(name, sizeof(name), "%s_count", base);
	h->count = metrics_series(r, METRIC_COUNTER, name, help, NULL);
}

void mme_latency(struct agwd *d, const char *proc, uint64_t ms)
{
	struct hist *h;
	double s = (double)ms / 1000;

	if (!d->mm)
		return;
	h = !strcmp(proc, "attach") ? &d->mm->attach : &d->mm->service;
	for (unsigned int i = 0; i <= N_BUCKETS; i++)
		if (i == N_BUCKETS || s <= buckets[i])
			metric_inc(h->b[i]);
	metric_add(h->sum, s);
	metric_inc(h->count);
}

struct gauge_ctx {
	unsigned int reg, conn, bearers;
};

static int count_ue(void *arg, struct ue *ue)
{
	struct gauge_ctx *g = arg;

	g->reg += ue_registered(ue);
	g->conn += ue_connected(ue);
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		g->bearers += ue->br[i].ebi != 0;
	return 0;
}

static void collect(void *arg, struct metrics *r)
{
	struct agwd *d = arg;
	struct gauge_ctx g = { 0 };
	const struct s1_counters *c = &d->s1->c;
	const uint64_t v[10] = { c->rx_pdus, c->tx_pdus, c->rx_undecodable, c->rx_error_ind,
				 c->tx_error_ind, c->setup_ok, c->setup_fail, c->rx_unknown_ue,
				 c->tx_queued, c->tx_dropped };

	ue_walk(d->ues, count_ue, &g);
	metric_set(d->mm->ues, (double)ue_count(d->ues));
	metric_set(d->mm->ues_registered, g.reg);
	metric_set(d->mm->ues_connected, g.conn);
	metric_set(d->mm->bearers, g.bearers);
	metric_set(d->mm->enbs, s1mme_enb_count(d->s1));
	for (unsigned int i = 0; i < 10; i++)
		metric_set(d->mm->s1[i], (double)v[i]);
}

static int metrics_setup(struct agwd *d)
{
	static const char *const s1n[10] = { "rx_pdus", "tx_pdus", "rx_undecodable",
		"rx_error_indication", "tx_error_indication", "s1_setup_ok", "s1_setup_failure",
		"rx_unknown_ue", "tx_queued", "tx_dropped" };
	static const char *const reg[] = { "state", "EMM-REGISTERED", NULL };
	static const char *const conn[] = { "state", "ECM-CONNECTED", NULL };
	static const char *const all[] = { "state", "all", NULL };
	struct mme_metrics *m = calloc(1, sizeof(*m));

	if (!m)
		return -ENOMEM;
	d->mm = m;
	m->ues = metrics_series(d->metrics, METRIC_GAUGE, "agwd_ues", "UE contexts by state.",
				all);
	m->ues_registered = metrics_series(d->metrics, METRIC_GAUGE, "agwd_ues",
					   "UE contexts by state.", reg);
	m->ues_connected = metrics_series(d->metrics, METRIC_GAUGE, "agwd_ues",
					  "UE contexts by state.", conn);
	m->bearers = metrics_series(d->metrics, METRIC_GAUGE, "agwd_bearers",
				    "EPS bearers of all UEs.", NULL);
	m->enbs = metrics_series(d->metrics, METRIC_GAUGE, "agwd_s1_associations",
				 "eNBs with an S1 association.", NULL);
	for (unsigned int i = 0; i < 10; i++) {
		const char *lbl[] = { "counter", s1n[i], NULL };

		m->s1[i] = metrics_series(d->metrics, METRIC_GAUGE, "agwd_s1ap",
					  "S1AP counters since start.", lbl);
	}
	hist_init(d->metrics, &m->attach, "agwd_attach_duration_seconds",
		  "Attach Request to Attach Complete.");
	hist_init(d->metrics, &m->service, "agwd_service_request_duration_seconds",
		  "Service Request to Initial Context Setup Response.");
	return metrics_add_collector(d->metrics, collect, d);
}

static void on_downlink_data(void *arg, uint32_t teid, uint64_t cookie)
{
	struct agwd *d = arg;
	uint64_t uid;
	uint8_t ebi;
	struct ue *ue;

	if (sess_teid_lookup(d->sess, teid, &uid, &ebi))
		return;
	ue = ue_by_uid(d->ues, uid);
	if (ue)
		emm_page(d, ue);
}

int agwd_mme_init(struct agwd *d)
{
	char path[AGW_PATH_MAX + 32], err[256] = "out of memory";
	int ret;

	ret = ue_table_new(d, &d->ues);
	if (!ret)
		ret = sess_table_new(&d->sess);
	if (!ret)
		ret = dp_open(d, &d->dp, err, sizeof(err));
	if (!ret)
		ret = s1mme_new(d, &d->s1);
	if (!ret)
		ret = policy_new(d, &d->pol);
	if (!ret && d->pcap_file)
		ret = s1mme_pcap_open(d->s1, d->pcap_file, err, sizeof(err));
	if (!ret) {
		snprintf(path, sizeof(path), "%s/state.db", d->cfg.state_dir);
		ret = state_open(d, path, &d->state, err, sizeof(err));
	}
	if (!ret)
		ret = metrics_setup(d);
	if (ret) {
		log_err(MOD, "%s", err);
		return ret;
	}
	dp_on_downlink_data(d->dp, on_downlink_data, d);
	return 0;
}

/* Reload the persisted UEs and policy, reconcile the datapath with them. */
int agwd_mme_reload(struct agwd *d)
{
	unsigned int added = 0, deleted = 0;
	size_t n = 0;
	int ret = state_load(d, &n);

	if (!ret)
		ret = policy_load(d);
	if (!ret && state_reconcile(d, &added, &deleted))
		log_warn(MOD, "datapath dump failed: bearers not reconciled");
	if (!ret)
		log_notice(MOD, "%zu UEs reloaded; datapath: %u bearers re-added, %u deleted", n,
			   added, deleted);
	return ret;
}

int agwd_mme_start(struct agwd *d)
{
	char err[256];
	int ret = agwd_mme_reload(d);

	if (!ret)
		ret = s1mme_listen(d->s1, err, sizeof(err));
	if (ret)
		log_err(MOD, "%s", ret == -EIO ? "state reload failed" : err);
	return ret;
}

void agwd_mme_fini(struct agwd *d)
{
	/* contexts stay in the database: nothing is sent on the way out */
	s1mme_free(d->s1);
	d->s1 = NULL;
	ue_table_free(d->ues);
	d->ues = NULL;
	policy_free(d->pol);
	d->pol = NULL;
	state_close(d->state);
	d->state = NULL;
	dp_close(d->dp);
	d->dp = NULL;
	sess_table_free(d->sess);
	d->sess = NULL;
	free(d->mm);
	d->mm = NULL;
}
