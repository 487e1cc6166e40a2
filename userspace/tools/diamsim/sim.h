/* SPDX-License-Identifier: GPL-2.0 */
/*
 * diamsim: HSS, PCRF and OCS emulators and a test client on the Diameter
 * peer library (userspace/diameter) and the S6a/Gx/Gy codecs (proto/).
 * One process plays the roles its configuration names; a JSON-RPC control
 * socket lets tests set behaviour, expect and assert requests, read what
 * was received, drop links and make the servers send their own requests.
 * Documentation/diamsim.md is the manual.
 *
 *   main.c    command line, configuration, node, control socket, loop
 *   ctl.c     behaviour rules, expectations, records, generic methods
 *   hss.c     HSS (S6a): Milenage vectors, SQN and resync, ULR, CLR/IDR/DSR/RSR
 *   pcrf.c    PCRF (Gx): policies per IMSI/APN, sessions, usage grants, RAR
 *   ocs.c     OCS (Gy): balances per IMSI and rating group, grants, FUI, RAR/ASR
 *   client.c  client (MME/PCEF side): AIR/ULR/PUR, Gx and Gy sessions
 *   samples.c one of each message, for the tshark cross-check
 */
#ifndef AGW_TOOLS_DIAMSIM_SIM_H
#define AGW_TOOLS_DIAMSIM_SIM_H

#include <stdbool.h>
#include <stdint.h>

#include "diameter/diam.h"
#include "lib/config.h"
#include "lib/evloop.h"
#include "lib/jsonrpc.h"
#include "proto/dia_app.h"

#define SIM_MAX_RULES	32
#define SIM_MAX_EXPECT	32
#define SIM_MAX_LAST	64
#define SIM_MAX_OUT	4096

enum sim_mode { SM_ANSWER, SM_SILENT, SM_LATE, SM_RESULT, SM_DROP };

struct sim_rule {
	uint32_t code, app;		/* 0: any */
	enum sim_mode mode;
	uint32_t result;		/* SM_RESULT */
	bool experimental;		/* as Experimental-Result (vendor 10415) */
	uint32_t delay_ms;		/* SM_LATE */
	int count;			/* times left; -1: always */
};

struct sim_expect {
	uint32_t code, app;
	int want, got;
};

struct sim_last {
	uint32_t code, app;
	uint8_t *raw;
	size_t len;
	char peer[DIAM_ID_MAX];
	bool t_flag;
};

struct sim;

/* A request we sent (client requests, server-initiated requests) */
struct sim_out {
	int id;
	bool done;
	int err;
	uint32_t vendor, code;
	uint8_t *raw;			/* the answer */
	size_t len;
	uint64_t sent_ms, done_ms;
	void (*then)(struct sim *s, struct sim_out *o, const struct diam_answer *a);
	void *ctx;			/* the sim */
	char tag[160];			/* the role's own: a Session-Id */
};

struct hss;
struct pcrf;
struct ocs;
struct client;

struct sim {
	struct ev_loop *loop;
	struct diam_node *node;
	struct jsonrpc *rpc;
	char identity[DIAM_ID_MAX], realm[DIAM_ID_MAX];
	char core_realm[DIAM_ID_MAX];	/* client: Destination-Realm */
	struct hss *hss;
	struct pcrf *pcrf;
	struct ocs *ocs;
	struct client *client;
	struct sim_rule rules[SIM_MAX_RULES];
	int n_rules;
	struct sim_expect expects[SIM_MAX_EXPECT];
	int n_expects;
	struct sim_last last[SIM_MAX_LAST];
	unsigned long received, answered_late, silenced;
	struct sim_out *out[SIM_MAX_OUT];
	int next_out;
	bool quit;
};

/* Handlers of the roles: answer r (0) or return a Result-Code */
typedef int (*sim_role_fn)(struct sim *s, struct diam_inreq *r);

/* ctl.c */
int sim_ctl_init(struct sim *s);
/* The node's handler for every application: records, behaviour, then fn */
int sim_dispatch(struct sim *s, struct diam_inreq *r, sim_role_fn fn);
/* Send a request built in buf; its record (id for ctl "wait") or NULL */
struct sim_out *sim_send(struct sim *s, uint32_t app, const uint8_t *buf, int len,
			 const char *dest_host);
struct json_object *sim_out_json(const struct sim_out *o);
/* Answer r with Result-Code rc (or Experimental-Result) and nothing else */
int sim_answer_result(struct sim *s, struct diam_inreq *r, uint32_t rc, bool experimental);
void sim_free(struct sim *s);

/* The roles: configuration (jcfg under key) and their control methods */
int hss_init(struct sim *s, struct jcfg *c, struct json_object *conf);
int pcrf_init(struct sim *s, struct jcfg *c, struct json_object *conf);
int ocs_init(struct sim *s, struct jcfg *c, struct json_object *conf);
int client_init(struct sim *s, struct jcfg *c, struct json_object *conf);
void hss_free(struct hss *h);
void pcrf_free(struct pcrf *p);
void ocs_free(struct ocs *o);
void client_free(struct client *c);

/* samples.c */
int sim_samples(const char *dir);

/* helpers shared by the roles */
struct dia_req_hdr sim_hdr(struct sim *s, const char *sid, const char *dest_realm,
			   const char *dest_host);

#endif
