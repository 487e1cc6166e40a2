/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to agwd/state. */
#ifndef AGWD_STATE_INT_H
#define AGWD_STATE_INT_H

#include <sqlite3.h>

#include "agwd/state/state.h"
#include "lib/evloop.h"

struct state_db {
	struct agwd *d;
	sqlite3 *db;
	sqlite3_stmt *put, *del, *all;
	uint64_t writes, errors;
	/* UEs reloaded as ECM-CONNECTED, waiting for their eNB (uids) */
	uint64_t *orphans;
	size_t n_orphans;
	struct ev_timer grace;
};

#endif
