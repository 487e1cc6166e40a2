/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal to userspace/diameter: the objects behind diam.h and how the
 * files share them.
 *
 *   node.c      node lifecycle, identity, ids, entry/exit (deferred frees)
 *   sched.c     timers on lib/evloop or on the manual test clock; random
 *   conn.c      a transport connection: framing, output queue, close
 *   sock.c      TCP/SCTP sockets and listeners on lib/evloop; tls.c OpenSSL
 *   test_io.c   the scripted transport of the unit tests
 *   peer_sm.c   RFC 6733 5.6 peer state machine (table + change_state)
 *   watchdog.c  RFC 3539 3.4.1 watchdog (table + change_state)
 *   cer.c       CER/CEA, DWR/DWA, DPR/DPA building and parsing
 *   msg.c       messages received on an open connection; answers sent
 *   req.c       requests sent: routing, Hop-by-Hop table, timeouts, failover
 *   dup.c       answers kept for duplicate detection
 *   stats.c     counters, metrics and the snapshot API
 *
 * Ownership: the node owns peers, connections, listeners and requests.  A
 * connection belongs to at most one peer (peer->iconn, peer->rconn; the
 * open one is also peer->conn).  Objects are never freed inside a callback
 * that may still use them: node_defer_free() queues them until the
 * outermost node entry (node_enter/node_leave) returns.
 */
#ifndef AGW_DIAMETER_DIAM_INT_H
#define AGW_DIAMETER_DIAM_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "diameter/diam.h"
#include "lib/evloop.h"

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
struct metric;

#define DIAM_MAX_SENDS		4	/* first send + retransmissions of one request */
#define DIAM_DEFAULT_PORT	3868

/* ------------------------------------------------------------- timers --- */

struct diam_timer {
	struct ev_timer ev;		/* loop mode */
	struct diam_node *node;
	void (*fn)(void *arg);
	void *arg;
	uint64_t due;			/* manual mode */
	bool armed;
	struct diam_timer *mnext;	/* manual mode: the node's armed list */
};

void timer_init(struct diam_timer *t, struct diam_node *n, void (*fn)(void *), void *arg);
void timer_start(struct diam_timer *t, uint64_t ms);
void timer_stop(struct diam_timer *t);
uint64_t node_now(const struct diam_node *n);
uint64_t node_rand(struct diam_node *n);

/* ----------------------------------------------------- capabilities --- */

/* What a CER or CEA said (RFC 6733 5.3) */
struct diam_caps {
	char host[DIAM_ID_MAX];
	char realm[DIAM_ID_MAX];
	char product[64];
	uint32_t state_id;
	bool has_state_id;
	uint32_t apps[DIAM_MAX_APPS * 2];	/* Auth/Acct/Vendor-Specific ids */
	int n_apps;
	bool relay;
	bool inband_none;			/* NO_INBAND_SECURITY offered (or absent) */
	uint32_t result_code;			/* CEA */
	uint32_t hbh, e2e;			/* of the CER, for the CEA */
};

/* --------------------------------------------------------- connection --- */

enum conn_state { CS_CONNECTING, CS_HANDSHAKE, CS_UP, CS_DEAD };

struct diam_host_ip {
	uint16_t family;		/* 1 IPv4, 2 IPv6 (address family numbers) */
	uint8_t addr[16];
};

struct diam_conn {
	struct diam_node *node;
	struct diam_peer *peer;		/* NULL: responder before its CER matched */
	struct diam_conn *next;		/* node->conns */
	uint64_t id;
	enum diam_proto proto;
	bool tls, initiator;
	enum conn_state st;
	int fd;				/* -1: scripted */
	unsigned int io_events;		/* what is polled now */
	SSL *ssl;
	struct diam_test_conn *test;
	uint8_t *rbuf;
	size_t rlen, rcap;
	uint8_t *wbuf;
	size_t woff, wlen, wcap;
	struct diam_timer timer;	/* connect / handshake / first CER */
	char remote[DIAM_ADDR_MAX];
	struct diam_host_ip lips[DIAM_MAX_HOST_IPS];
	int n_lips;
	struct diam_caps *caps;		/* responder: the CER, until answered */
};

struct diam_conn *conn_new(struct diam_node *n, enum diam_proto proto, bool tls,
			   bool initiator);
/* A connection accepted on a listener, or NULL (counted) when too many wait for their CER */
struct diam_conn *conn_accepted(struct diam_node *n, enum diam_proto proto, bool tls);
/* Queue a whole message; -1 (counted as a drop) when over max_queued or dead. */
int conn_send(struct diam_conn *c, const uint8_t *msg, size_t len);
/* Tear down now: no more events; the object is freed later. */
void conn_close(struct diam_conn *c, const char *why);
/* Transport callbacks into the core */
void conn_ready(struct diam_conn *c);			/* connected (and TLS up) */
void conn_failed(struct diam_conn *c, const char *why);	/* connect/handshake failed */
void conn_input(struct diam_conn *c, const uint8_t *buf, size_t len);
void conn_hangup(struct diam_conn *c, const char *why);

/* The transport behind a connection: sockets (sock.c) or scripted (test_io.c) */
int io_connect(struct diam_conn *c, const char *addr, uint16_t port);
void io_flush(struct diam_conn *c);	/* try to write wbuf */
void io_close(struct diam_conn *c);
int io_local_addrs(struct diam_conn *c);

int tls_init(struct diam_node *n, const struct diam_tls_cfg *t, char *err, size_t err_size);
void tls_free(struct diam_node *n);
int tls_start(struct diam_conn *c);	/* 0: handshake running */
/* Drives the handshake; 1 done, 0 again later (events set), -1 failed */
int tls_handshake(struct diam_conn *c, char *why, size_t size);
/* read/write through TLS: as recv/send, -1 with errno EAGAIN when it would block */
long tls_read(struct diam_conn *c, uint8_t *buf, size_t len, unsigned int *want);
long tls_write(struct diam_conn *c, const uint8_t *buf, size_t len, unsigned int *want);
void tls_close(struct diam_conn *c);

/* --------------------------------------------------------------- peer --- */

enum psm_state {
	PS_CLOSED, PS_WAIT_CONN_ACK, PS_WAIT_I_CEA, PS_WAIT_CONN_ACK_ELECT, PS_WAIT_RETURNS,
	PS_R_OPEN, PS_I_OPEN, PS_CLOSING, PS__COUNT
};

enum psm_event {
	PE_START, PE_R_CONN_CER, PE_I_RCV_CONN_ACK, PE_I_RCV_CONN_NACK, PE_TIMEOUT,
	PE_I_RCV_CEA, PE_I_PEER_DISC, PE_R_PEER_DISC, PE_I_RCV_NON_CEA, PE_WIN_ELECTION,
	PE_RCV_DPR, PE_RCV_DPA, PE_STOP, PE__COUNT
};

enum wd_state { WD_INITIAL, WD_OKAY, WD_SUSPECT, WD_DOWN, WD_REOPEN, WD__COUNT };
enum wd_event { WE_CONN_UP, WE_CONN_DOWN, WE_TIMER, WE_RCV_DWA, WE_RCV_NON_DWA, WE__COUNT };

struct diam_peer {
	struct diam_node *node;
	struct diam_peer *next;
	uint64_t id;
	char name[DIAM_ID_MAX];
	char cfg_host[DIAM_ID_MAX], cfg_realm[DIAM_ID_MAX];
	char addr[DIAM_ADDR_MAX];
	uint16_t port;
	enum diam_proto proto;
	bool tls, passive, dynamic;
	int priority;
	uint32_t tw_ms, tc_ms;

	/* RFC 6733 peer state machine (peer_sm.c) */
	enum psm_state st;
	uint64_t st_since;
	struct diam_conn *iconn, *rconn, *conn;
	struct diam_caps remote;	/* the open connection's peer */
	struct diam_caps rcer;		/* responder CER held during an election */
	struct diam_timer psm_timer;	/* the machine's Timeout event */
	struct diam_timer reconnect;	/* Tc with backoff */
	uint32_t backoff_ms;
	bool stopping;			/* node stop: no reconnect */
	bool no_reconnect;		/* DPR DO_NOT_WANT_TO_TALK_TO_YOU received */
	uint32_t dpr_cause;		/* the DPR we sent */
	bool post_win;			/* Elect won: Win-Election follows */
	bool dead;			/* peer_free() ran; memory freed later */
	bool wd_close;			/* watchdog: close after the transition */

	/* RFC 3539 watchdog (watchdog.c) */
	enum wd_state wd;
	bool wd_pending;
	int num_dwa;
	struct diam_timer wd_timer;

	/* requests sent to it, in flight (req.c) */
	struct diam_req *pending;
	unsigned int n_pending;

	char last_error[320];
	uint64_t last_error_at;
	bool has_error;
	uint64_t cnt[DIAM_C__COUNT];
	struct metric *m[DIAM_C__COUNT];
	struct metric *m_up;
};

struct diam_peer *peer_new(struct diam_node *n, const char *name, bool dynamic);
void peer_free(struct diam_peer *p);
struct diam_peer *peer_by_id(struct diam_node *n, uint64_t id);
struct diam_peer *peer_by_host(struct diam_node *n, const char *host);
void peer_error(struct diam_peer *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void peer_count(struct diam_peer *p, enum diam_counter c);
/* open and watchdog OKAY */
bool peer_available(const struct diam_peer *p);
bool peer_supports(const struct diam_peer *p, uint32_t app);
uint32_t peer_tw(const struct diam_peer *p);

/* peer_sm.c */
void psm_dispatch(struct diam_peer *p, enum psm_event ev, struct diam_conn *c,
		  const struct diam_caps *caps);
const char *psm_state_name(enum psm_state s);
bool psm_open(const struct diam_peer *p);
/* A CER arrived on a connection that has no peer yet */
void psm_responder_cer(struct diam_node *n, struct diam_conn *c, const struct diam_caps *caps);
/* A connection of p went away (hangup, error, local close) */
void psm_conn_lost(struct diam_peer *p, struct diam_conn *c, const char *why);
void psm_schedule_reconnect(struct diam_peer *p);

/* watchdog.c */
void wd_dispatch(struct diam_peer *p, enum wd_event ev);
const char *wd_state_name(enum wd_state s);

/* cer.c */
int cer_build(struct diam_node *n, struct diam_conn *c, uint8_t *buf, size_t cap, bool answer,
	      const struct diam_caps *req, uint32_t result_code);
int caps_parse(const struct dia_msg *m, struct diam_caps *out, char *why, size_t size);
/* Common applications of node and caps; 0 when none */
int caps_common(const struct diam_node *n, const struct diam_caps *caps);
int base_build(struct diam_node *n, uint8_t *buf, size_t cap, uint32_t code, bool request,
	       const struct dia_msg *req, uint32_t result_code, int disconnect_cause);

/* msg.c: a whole message arrived on c (of peer p once matched) */
void msg_received(struct diam_conn *c, const uint8_t *buf, size_t len);
/* An answer that is not for a pending request of ours: ignore, count */
int msg_send(struct diam_peer *p, const uint8_t *buf, size_t len);
/* Answer req with result (protocol errors get the E bit), with Failed-AVP if given */
/* Requests held by handlers and never answered: freed with the node */
void msg_free_held(struct diam_node *n);
int msg_answer_error(struct diam_conn *c, const struct dia_msg *req, const uint8_t *raw,
		     uint32_t result, const char *text, const uint8_t *failed, size_t failed_len);

/* ----------------------------------------------------------- requests --- */

struct diam_req {
	struct diam_node *node;
	struct diam_req *prev, *next;	/* peer->pending or node->waiting */
	struct diam_peer *peer;		/* whose list it is on; NULL: waiting */
	uint32_t app;
	uint8_t *msg;
	size_t len;
	uint32_t e2e;
	uint32_t hbh[DIAM_MAX_SENDS];	/* one per send */
	uint64_t sent_to[DIAM_MAX_SENDS];	/* peer ids */
	int n_sent;
	uint64_t started;
	uint32_t timeout_ms;
	struct diam_timer timer;
	diam_answer_cb cb;
	void *arg;
	char dest_host[DIAM_ID_MAX];
	bool linked;			/* on a peer's pending list or node->waiting */
	bool in_callback, retry_asked;
};

void req_answer_in(struct diam_peer *p, const struct dia_msg *m, const uint8_t *raw, size_t len);
/* p is no longer available: send its pending requests elsewhere (T flag) or wait */
void req_failover(struct diam_peer *p);
/* Some peer became available: send what waits */
void req_kick(struct diam_node *n);
void req_cancel_all(struct diam_node *n);
void req_table_free(struct diam_node *n);

/* -------------------------------------------------------- duplicates --- */

struct dup_entry;
/* A T-flagged request: the entry if (host, e2e) was seen (answer may be NULL: in progress) */
struct dup_entry *dup_find(struct diam_node *n, const char *host, uint32_t e2e);
struct dup_entry *dup_add(struct diam_node *n, const char *host, uint32_t e2e, uint64_t peer_id,
			  uint32_t hbh);
void dup_set_answer(struct diam_node *n, struct dup_entry *e, const uint8_t *ans, size_t len);
const uint8_t *dup_answer(const struct dup_entry *e, size_t *len);
/* The latest copy of the request: its peer and Hop-by-Hop id (the answer goes there) */
void dup_set_peer(struct dup_entry *e, uint64_t peer_id, uint32_t hbh);
uint64_t dup_peer(const struct dup_entry *e, uint32_t *hbh);
void dup_free_all(struct diam_node *n);

/* ------------------------------------------------------------ routes --- */

struct route_table;
/* Requests from Origin-Host host arrived through peer_id */
void route_learn(struct diam_node *n, const char *host, uint64_t peer_id);
/* The peer host was last seen through, or NULL */
struct diam_peer *route_find(struct diam_node *n, const char *host);

/* --------------------------------------------------------------- node --- */

struct diam_listener {
	struct diam_listener *next;
	struct diam_node *node;
	int fd;
	enum diam_proto proto;
	bool tls;
};

struct hbh_slot;
struct dup_cache;
struct inreq;

struct diam_node {
	char host[DIAM_ID_MAX], realm[DIAM_ID_MAX], product[64];
	uint32_t vendor_id, firmware, state_id;
	uint32_t tw_ms, tw_jitter_ms, tc_ms, tc_min_ms, cea_timeout_ms, dpa_timeout_ms;
	uint32_t request_timeout_ms, max_message, max_queued, dup_entries, dup_ttl_ms;
	uint32_t max_unidentified;
	bool accept_unknown;
	struct diam_app apps[DIAM_MAX_APPS];
	int n_apps;
	struct ev_loop *loop;
	struct metrics *metrics;

	struct diam_peer *peers;
	struct diam_conn *conns;
	struct diam_listener *listeners;
	uint64_t next_id;

	uint32_t next_hbh, next_e2e;
	uint64_t next_session;
	uint64_t rng;

	struct hbh_slot *hbh;		/* open addressing, power of two */
	size_t hbh_cap, hbh_used;
	struct diam_req *waiting;	/* no peer available yet */
	unsigned int n_waiting;
	struct dup_cache *dups;
	struct route_table *routes;
	struct inreq *held;		/* msg.c: requests handlers hold */

	SSL_CTX *tls_client, *tls_server;
	bool tls_ok;

	uint64_t manual_now;
	struct diam_timer *manual_timers;
	struct diam_test_conn *test_conns;

	int depth;
	struct defer_item *graveyard;

	bool started, stopping;
	void (*stop_done)(void *arg);
	void *stop_arg;
	struct diam_timer stop_timer;

	uint64_t cnt[DIAM_C__COUNT];	/* events with no peer, and of peers gone */
};

void node_enter(struct diam_node *n);
void node_leave(struct diam_node *n);
void node_defer_free(struct diam_node *n, void (*fn)(void *), void *ptr);
const struct diam_app *node_app(const struct diam_node *n, uint32_t id);
uint32_t node_next_hbh(struct diam_node *n);
void node_count(struct diam_node *n, struct diam_peer *p, enum diam_counter c);
/* A peer went idle: the node stop may be complete */
void node_check_stopped(struct diam_node *n);

/* stats.c */
void stats_peer_init(struct diam_peer *p);
void stats_peer_up(struct diam_peer *p);

/* test_io.c */
int test_io_connect(struct diam_conn *c);
void test_io_flush(struct diam_conn *c);
void test_io_close(struct diam_conn *c);
void test_io_free_all(struct diam_node *n);

#endif
