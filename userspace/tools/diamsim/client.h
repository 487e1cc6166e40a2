/* SPDX-License-Identifier: GPL-2.0 */
/* diamsim client (client.c: S6a, Gx, setup; client_gy.c: Gy sessions). */
#ifndef AGW_TOOLS_DIAMSIM_CLIENT_H
#define AGW_TOOLS_DIAMSIM_CLIENT_H

#include "diameter/credit.h"
#include "proto/gx.h"
#include "sim.h"

#define CLIENT_MAX_SESSIONS 1024

struct gx_sess {
	char key[DIA_IMSI_MAX + DIA_APN_MAX + 1];
	char sid[160];
	uint32_t number;
	bool used;
};

struct gy_sess {
	char imsi[DIA_IMSI_MAX];
	char sid[160];
	struct gy_credit cr;
	bool used;
	bool ended;
	int last_verdict;
};

struct client {
	struct sim *sim;
	char plmn[7];
	uint32_t report_pct;
	char origins[3][DIAM_ID_MAX];
	const char *allowed[3][2];
	struct gx_sess gx[CLIENT_MAX_SESSIONS];
	struct gy_sess gy[CLIENT_MAX_SESSIONS];
	unsigned long clr, idr, dsr, rsr, gx_rar, gy_rar, asr;
};

struct dia_req_hdr client_hdr(struct client *c, const char *sid);
int client_reply(struct json_object **res, struct sim_out *o, struct jsonrpc_error *err);

/* client_gy.c */
int client_gy_request(struct sim *s, struct diam_inreq *r);
int client_gy_register(struct client *c, struct jsonrpc *rpc);

#endif
