/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Persistence of the MME's UE contexts: SQLite (WAL) at
 * <state_dir>/state.db, one row per registered UE with what is needed to
 * keep serving it after a restart (even a SIGKILL): IMSI, GUTI, the EPS
 * security context with its NAS COUNTs and keys, EMM state, the eNB
 * binding, and its PDN connections and bearers (TEIDs, addresses, QoS) as
 * a JSON document.  Policy rules have a table of their own.
 *
 * Written once per procedure end (attach complete, TAU, service request,
 * path switch, bearer changes, release to ECM-IDLE), each write one
 * transaction; detach deletes the row.
 *
 * Start-up: state_load() rebuilds the UEs, state_reconcile() compares them
 * with the datapath's dump (by cookie) and re-adds missing bearers and
 * deletes unknown agwd bearers.  UEs that were ECM-CONNECTED keep their
 * bearers for a grace period in which their eNB may set up S1 again
 * (state_enb_up() rebinds them); after it they go ECM-IDLE.
 */
#ifndef AGWD_STATE_H
#define AGWD_STATE_H

#include <stddef.h>
#include <stdint.h>

struct agwd;
struct ue;
struct enb;
struct state_db;
struct sqlite3;

#define STATE_GRACE_MS 10000

int state_open(struct agwd *d, const char *path, struct state_db **out, char *err,
	       size_t err_size);
void state_close(struct state_db *st);
struct sqlite3 *state_sqlite(struct state_db *st);

int state_ue_save(struct state_db *st, const struct ue *ue);
int state_ue_delete(struct state_db *st, uint64_t uid);
/* Rebuilds the UE table from the database; the number of UEs in *n. */
int state_load(struct agwd *d, size_t *n);
/* Datapath against the reloaded UEs: counts of re-added / deleted bearers. */
int state_reconcile(struct agwd *d, unsigned int *added, unsigned int *deleted);
/* An eNB completed S1 Setup: its UEs from before the restart are back. */
void state_enb_up(struct agwd *d, struct enb *e);
/* End of the grace period (also called by tests). */
void state_grace_end(struct agwd *d);

#endif
