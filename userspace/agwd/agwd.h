/* SPDX-License-Identifier: GPL-2.0 */
/*
 * agwd: the access gateway daemon. struct agwd holds what the modules
 * share: the loop, the configuration, the stores and the control plane.
 * A module gets the struct in its init function (main.c's module table)
 * and registers its control methods with jsonrpc_register(d->rpc, ...) and
 * its metrics with metrics_series(d->metrics, ...).
 */
#ifndef AGWD_H
#define AGWD_H

#include <stdbool.h>
#include <stddef.h>

#include "agwd/config/config.h"
#include "lib/evloop.h"
#include "lib/jsonrpc.h"
#include "lib/metrics.h"

struct sub_store;
struct sub_record;
struct sub_apn;
struct mobility;
struct ctl_server;
struct metrics_http;
struct s1mme;
struct ue_table;
struct sess_table;
struct datapath;
struct state_db;
struct policy;
struct mme_metrics;

struct agwd {
	struct ev_loop *loop;
	const char *config_file;
	const char *pcap_file;		/* --pcap: S1AP recorded as SCTP-in-IPv4 */
	bool debug;
	struct agw_config cfg;
	struct sub_store *subs;		/* <state_dir>/subscribers.db */
	struct mobility *mob;		/* <state_dir>/leases.db */
	struct jsonrpc *rpc;
	struct ctl_server *ctl;
	struct metrics *metrics;
	struct metrics_http *http;
	double start_time;		/* wall clock, seconds */
	/* the MME core (agwd/mme.c wires these up) */
	struct s1mme *s1;		/* S1-MME: eNBs, SCTP, S1AP */
	struct ue_table *ues;		/* UE contexts */
	struct sess_table *sess;	/* TEIDs of the sessions */
	struct datapath *dp;		/* gtpu.ko or the recorder */
	struct state_db *state;		/* <state_dir>/state.db */
	struct policy *pol;		/* dedicated bearer rules */
	struct mme_metrics *mm;
};

/* agwd/mme.c: the MME core (UEs, S1AP, NAS, sessions, datapath, state) */
int agwd_mme_init(struct agwd *d);
void agwd_mme_fini(struct agwd *d);
int agwd_mme_start(struct agwd *d);	/* reload state, reconcile, listen */
int agwd_mme_reload(struct agwd *d);	/* reload state and reconcile only */
int agwd_ctl_mme_init(struct agwd *d);

/* agwd/ctl: control methods of the subscriber and mobility modules */
int agwd_ctl_subscriber_init(struct agwd *d);
void agwd_ctl_subscriber_fini(struct agwd *d);
int agwd_ctl_ip_init(struct agwd *d);

/* agwd/mobility/mob_subscribers.c: static addresses from the subscriber store */
int agwd_static_sync(struct agwd *d);
int agwd_static_check(void *arg, const char *imsi, const struct sub_apn *apn, char *msg,
		      size_t size);
int agwd_static_update(struct agwd *d, const char *imsi, const struct sub_record *old_rec,
		       const struct sub_record *new_rec);

#endif
