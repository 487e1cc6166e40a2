/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Diameter node: peers, transport and request routing (RFC 6733, RFC 3539)
 * on lib/evloop.  Used by agwd as a client (S6a, Gx, Gy towards the
 * federation gateway) and by the HSS/PCRF/OCS emulators as a server.
 * The messages themselves are built and read with proto/diameter*.h.
 *
 *   node ──┬── peer "relay1" (priority 0) ── conn (TCP | SCTP, TLS or not)
 *          ├── peer "relay2" (priority 1) ── conn
 *          ├── listeners (responder side: CER from unknown peers when allowed)
 *          ├── applications (id, vendor, timeout, handler for requests received)
 *          └── requests in flight, by Hop-by-Hop id (answer callback, timer)
 *
 * Each peer runs two machines, each with one change_state() and a
 * transition table: the peer state machine of RFC 6733 5.6 (Closed,
 * Wait-Conn-Ack, Wait-I-CEA, Wait-Conn-Ack/Elect, Wait-Returns, R-Open,
 * I-Open, Closing) and the watchdog of RFC 3539 3.4.1 (INITIAL, OKAY,
 * SUSPECT, DOWN, REOPEN).  A peer takes requests when it is open and its
 * watchdog is OKAY.  Requests go to the available peer that supports the
 * application (or advertised Relay) with the lowest priority value; when a
 * peer turns SUSPECT or its connection goes, its pending requests are sent
 * again to another peer with the T flag and the same End-to-End id
 * (RFC 6733 5.5.4); requests with nowhere to go wait until a peer is
 * available or their timeout.
 *
 * Requests received: CER, DWR, DPR are answered by the node; requests of
 * an application the node does not support get DIAMETER_APPLICATION_
 * UNSUPPORTED (3007), unknown commands DIAMETER_COMMAND_UNSUPPORTED
 * (3001), malformed ones the decoder's Result-Code with Failed-AVP: an
 * answer is always sent and the link stays up.  A T-flagged request whose
 * (Origin-Host, End-to-End id) was answered before gets the same answer
 * again (RFC 6733 6.2).
 *
 * Not thread-safe: one node per event loop thread.
 */
#ifndef AGW_DIAMETER_DIAM_H
#define AGW_DIAMETER_DIAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/diameter.h"

struct ev_loop;
struct metrics;
struct json_object;
struct diam_node;
struct diam_peer;
struct diam_req;
struct diam_inreq;

#define DIAM_ID_MAX		128	/* DiameterIdentity, with the NUL */
#define DIAM_ADDR_MAX		64
#define DIAM_MAX_APPS		8
#define DIAM_MAX_HOST_IPS	4

enum diam_proto { DIAM_TCP, DIAM_SCTP };

/* Disconnect-Cause (RFC 6733 5.4.3) */
enum {
	DIAM_DC_REBOOTING = 0,
	DIAM_DC_BUSY = 1,
	DIAM_DC_DO_NOT_WANT_TO_TALK_TO_YOU = 2,
};

struct diam_tls_cfg {
	const char *cert;	/* PEM certificate (chain) of this node; NULL: no TLS */
	const char *key;	/* PEM private key */
	const char *ca;		/* PEM trust anchors for the peers' certificates */
	bool no_verify;		/* tests only: accept any peer certificate */
};

struct diam_node_cfg {
	const char *origin_host;	/* DiameterIdentity of this node */
	const char *origin_realm;
	const char *product_name;	/* default "agw" */
	uint32_t vendor_id;		/* default 0 */
	uint32_t firmware_revision;
	uint32_t origin_state_id;	/* 0: seconds since the epoch at start */
	uint32_t tw_ms;			/* watchdog Tw (RFC 3539), default 30000 */
	uint32_t tw_jitter_ms;		/* +- jitter on Tw, default 2000 */
	uint32_t tc_ms;			/* reconnect Tc (RFC 6733 2.1), default 30000 */
	uint32_t tc_min_ms;		/* first reconnect delay (doubles up to Tc), 1000 */
	uint32_t cea_timeout_ms;	/* connect, TLS and CER/CEA, default 10000 */
	uint32_t dpa_timeout_ms;	/* DPR sent or received -> close, default 2000 */
	uint32_t request_timeout_ms;	/* applications without their own, 5000 */
	uint32_t max_message;		/* octets, default 1 MiB */
	uint32_t max_queued;		/* unsent octets per connection, default 4 MiB */
	uint32_t dup_entries;		/* answers kept for duplicates, default 4096 */
	uint32_t dup_ttl_ms;		/* and for how long, default 60000 */
	uint32_t max_unidentified;	/* accepted connections before their CER, default 32 */
	bool accept_unknown;		/* responder: accept CER from unconfigured peers */
	struct diam_tls_cfg tls;
	struct ev_loop *loop;		/* NULL: manual clock and scripted transport (tests) */
	struct metrics *metrics;	/* NULL: counters only in snapshots */
	uint64_t seed;			/* jitter and ids; 0: from getrandom() */
};

/*
 * A request received for an application: the handler answers it now
 * (diam_inreq_answer), keeps it for later (diam_inreq_hold), or decides not
 * to answer (diam_inreq_drop: tests of silent servers).  Returning a
 * Result-Code (>= 1000) instead makes the node answer with it; returning 0
 * means the handler did one of the three.
 */
typedef int (*diam_req_handler)(void *arg, struct diam_inreq *r);

struct diam_app {
	uint32_t id;			/* Application-Id */
	uint32_t vendor;		/* != 0: advertised as Vendor-Specific-Application-Id */
	uint32_t timeout_ms;		/* requests sent; 0: node default */
	bool acct;			/* Acct-Application-Id instead of Auth- */
	/*
	 * Requests received for this application are accepted only from these
	 * Origin-Hosts (NULL-terminated; NULL: any); others are answered with
	 * DIAMETER_AUTHORIZATION_REJECTED (5003) and counted.
	 */
	const char *const *allowed_origins;
	diam_req_handler handler;	/* NULL: every request gets 3001 */
	void *arg;
};

struct diam_peer_cfg {
	const char *host;		/* expected DiameterIdentity; NULL/"": whatever CEA says */
	const char *realm;		/* expected Origin-Realm; NULL: any */
	const char *addr;		/* numeric IPv4/IPv6 address to connect to */
	uint16_t port;			/* default 3868 */
	enum diam_proto proto;
	bool tls;			/* TLS at connect (RFC 6733 13) */
	bool passive;			/* never connect, only accept its CER */
	int priority;			/* lower is preferred */
	uint32_t tw_ms, tc_ms;		/* 0: node defaults */
};

/* --------------------------------------------------------------- node --- */

struct diam_node *diam_node_new(const struct diam_node_cfg *cfg, char *err, size_t err_size);
/* Closes everything at once (no DPR); pending requests are not called back. */
void diam_node_free(struct diam_node *n);

int diam_node_add_app(struct diam_node *n, const struct diam_app *app);
int diam_node_add_peer(struct diam_node *n, const struct diam_peer_cfg *pc,
		       struct diam_peer **out, char *err, size_t err_size);
/* Responder side: listen on addr:port (TCP or SCTP; TLS from the first octet). */
int diam_node_listen(struct diam_node *n, enum diam_proto proto, const char *addr,
		     uint16_t port, bool tls, char *err, size_t err_size);
/* Starts connecting the peers that are not passive. */
void diam_node_start(struct diam_node *n);
/*
 * Graceful stop: DPR with cause to every open peer, no reconnects, requests
 * in flight answered -ECANCELED; done(arg) once every connection is closed
 * (DPA, disconnect or dpa_timeout_ms).
 */
void diam_node_stop(struct diam_node *n, uint32_t cause, void (*done)(void *arg), void *arg);

/*
 * Tests and operators: close the connection of peer (NULL: of every peer)
 * at once, without DPR, as a broken link would.  The peers reconnect as
 * configured.  Returns how many connections were closed.
 */
int diam_node_drop(struct diam_node *n, const char *peer);

const char *diam_node_origin_host(const struct diam_node *n);
const char *diam_node_origin_realm(const struct diam_node *n);
uint32_t diam_node_origin_state_id(const struct diam_node *n);
/* "<Origin-Host>;<Origin-State-Id>;<counter>" (RFC 6733 8.8), unique across restarts */
int diam_session_id(struct diam_node *n, char *buf, size_t size);
/* Origin-Host and Origin-Realm AVPs */
int diam_put_origin(const struct diam_node *n, struct dia_builder *b);
/* Is some peer available for app now? */
bool diam_app_available(struct diam_node *n, uint32_t app);

/* ----------------------------------------------------------- requests --- */

struct diam_answer {
	int err;			/* 0, -ETIMEDOUT, -ECANCELED, -EPROTO (undecodable) */
	const struct dia_msg *msg;	/* err == 0: the decoded answer */
	const uint8_t *raw;
	size_t len;
	uint32_t result_vendor;		/* 0: Result-Code; 10415...: Experimental-Result */
	uint32_t result_code;		/* 0 when the answer carries neither */
	struct diam_req *req;		/* for diam_req_retry() from a -ETIMEDOUT callback */
	const char *peer;		/* name of the peer it came from or timed out on */
};

typedef void (*diam_answer_cb)(void *arg, const struct diam_answer *a);

struct diam_send_opts {
	const char *dest_host;		/* prefer the peer with this identity */
	uint32_t timeout_ms;		/* 0: the application's */
};

/*
 * Sends a request: msg is a whole message built with hop-by-hop and
 * end-to-end 0 (the node sets both, keeps a copy for retransmission).
 * Returns the request (valid until its callback has run or it is
 * cancelled), or NULL with errno (EINVAL: not a request of a configured
 * application, EMSGSIZE, ENOMEM).  The callback always runs exactly once
 * unless the request is cancelled, never from inside diam_send().
 */
struct diam_req *diam_send(struct diam_node *n, uint32_t app, const uint8_t *msg, size_t len,
			   const struct diam_send_opts *opts, diam_answer_cb cb, void *arg);
/* Forget a request: no callback; a late answer is counted and dropped. */
void diam_req_cancel(struct diam_req *r);
/*
 * From a -ETIMEDOUT callback only: send once more, to another available peer
 * if there is one, with the T flag and the same End-to-End id, and a new
 * timeout.  0, or -EAGAIN when no peer is available (the request ends).
 */
int diam_req_retry(struct diam_req *r);
uint32_t diam_req_e2e(const struct diam_req *r);

/* ----------------------------------------------------- requests received --- */

struct diam_inreq {
	struct diam_node *node;
	const char *peer;		/* name of the peer it came from */
	const struct dia_msg *msg;	/* decoded; valid until answered or dropped */
	const uint8_t *raw;
	size_t len;
};

/* Start an answer to req: header, Session-Id, Result-Code, Origin-Host/Realm. */
int diam_answer_init(const struct diam_node *n, const struct dia_msg *req, const uint8_t *raw,
		     struct dia_builder *b, uint8_t *buf, size_t cap, uint32_t result_code);
/* The same with Experimental-Result (vendor, code) instead of Result-Code. */
int diam_answer_init_exp(const struct diam_node *n, const struct dia_msg *req,
			 const uint8_t *raw, struct dia_builder *b, uint8_t *buf, size_t cap,
			 uint32_t vendor, uint32_t code);
/*
 * Sends the answer to the peer the request came from (if it is gone, to the
 * peer that sent a duplicate since), records it for duplicate detection and
 * frees a held request.  0 sent, -ENOTCONN no such peer any more.
 */
int diam_inreq_answer(struct diam_inreq *r, const uint8_t *ans, size_t len);
/*
 * Keep the request past the handler's return; the returned copy is r from
 * now on.  diam_node_free() frees the requests still held.
 */
struct diam_inreq *diam_inreq_hold(struct diam_inreq *r);
/* Never answer it (counted); frees a held request. */
void diam_inreq_drop(struct diam_inreq *r);

/* ------------------------------------------------------------ snapshot --- */

#define DIAM_COUNTERS(X)						\
	X(CONNECT_ATTEMPTS, "connect_attempts")				\
	X(CONNECT_FAILURES, "connect_failures")				\
	X(OPENED, "opened")						\
	X(CLOSED, "closed")						\
	X(STATE_CHANGES, "state_changes")				\
	X(TLS_FAILURES, "tls_failures")					\
	X(CER_REJECTED, "cer_rejected")					\
	X(CEA_FAILED, "cea_failed")					\
	X(ELECTIONS_WON, "elections_won")				\
	X(ELECTIONS_LOST, "elections_lost")				\
	X(MSGS_RX, "messages_rx")					\
	X(MSGS_TX, "messages_tx")					\
	X(REQUESTS_TX, "requests_tx")					\
	X(ANSWERS_RX, "answers_rx")					\
	X(REQUESTS_RX, "requests_rx")					\
	X(ANSWERS_TX, "answers_tx")					\
	X(DWR_TX, "dwr_tx")						\
	X(DWR_RX, "dwr_rx")						\
	X(DPR_TX, "dpr_tx")						\
	X(DPR_RX, "dpr_rx")						\
	X(TIMEOUTS, "timeouts")						\
	X(RETRANSMISSIONS, "retransmissions")				\
	X(FAILOVERS, "failovers")					\
	X(DUPLICATES_RX, "duplicates_rx")				\
	X(ERROR_ANSWERS_RX, "error_answers_rx")				\
	X(PROTOCOL_ERRORS_TX, "protocol_errors_tx")			\
	X(UNSUPPORTED_RX, "unsupported_rx")				\
	X(MALFORMED_RX, "malformed_rx")					\
	X(UNKNOWN_ANSWERS, "unknown_answers")				\
	X(ORIGIN_REJECTED, "origin_rejected")				\
	X(FRAMING_ERRORS, "framing_errors")				\
	X(TX_DROPS, "tx_drops")						\
	X(UNANSWERED, "unanswered")					\
	X(CONNECTIONS_REFUSED, "connections_refused")

enum diam_counter {
#define DIAM_COUNTER_ENUM(id, name) DIAM_C_##id,
	DIAM_COUNTERS(DIAM_COUNTER_ENUM)
#undef DIAM_COUNTER_ENUM
	DIAM_C__COUNT
};

const char *diam_counter_name(enum diam_counter c);

struct diam_peer_info {
	char name[DIAM_ID_MAX];
	char host[DIAM_ID_MAX];		/* identity from CER/CEA (or configured) */
	char realm[DIAM_ID_MAX];
	char addr[DIAM_ADDR_MAX];	/* remote address:port of the open connection */
	const char *proto;		/* "tcp", "sctp" */
	bool tls, dynamic, passive;
	int priority;
	const char *state;		/* RFC 6733 state name */
	const char *watchdog;		/* RFC 3539 state name */
	bool available;			/* takes requests now */
	uint64_t state_age_ms;
	char last_error[320];
	uint64_t last_error_age_ms;	/* UINT64_MAX: never */
	uint32_t apps[DIAM_MAX_APPS];	/* common applications */
	int n_apps;
	bool relay;			/* peer advertised the Relay application */
	uint32_t peer_state_id;		/* its Origin-State-Id */
	unsigned int pending;
	uint64_t counters[DIAM_C__COUNT];
};

int diam_node_peers(struct diam_node *n, struct diam_peer_info *out, int max);
uint64_t diam_node_counter(const struct diam_node *n, enum diam_counter c);	/* all peers */
/* `agwctl diameter peers` and `agwctl diameter pending` (new json-c objects) */
struct json_object *diam_node_peers_json(struct diam_node *n);
struct json_object *diam_node_pending_json(struct diam_node *n);
unsigned int diam_node_pending_count(const struct diam_node *n);

/* ---------------------------------------- tests: manual clock, scripted I/O --- */

/*
 * With cfg.loop == NULL the node uses a manual clock (diam_test_advance) and
 * no sockets: connections are attached by the test and what the node sends
 * is collected per connection.  tests/unit/test_diam_*.c use this.
 */
struct diam_test_conn;
void diam_test_advance(struct diam_node *n, uint64_t ms);
uint64_t diam_test_now(const struct diam_node *n);
/* The connection the node asked for to peer (initiator side), or NULL */
struct diam_test_conn *diam_test_pending_connect(struct diam_node *n, struct diam_peer *p);
/* The outcome of that connect */
void diam_test_connected(struct diam_test_conn *c, bool ok);
/* A connection accepted on a listener (responder side) */
struct diam_test_conn *diam_test_accept(struct diam_node *n, enum diam_proto proto);
/* Bytes from the remote end into the node */
void diam_test_input(struct diam_test_conn *c, const uint8_t *buf, size_t len);
/* The remote end closed */
void diam_test_hangup(struct diam_test_conn *c);
/* Next whole message the node sent on c (malloc'd), or NULL; *len set */
uint8_t *diam_test_output(struct diam_test_conn *c, size_t *len);
bool diam_test_closed(const struct diam_test_conn *c);
/* Drop the test's reference (after the node closed it) */
void diam_test_conn_free(struct diam_test_conn *c);

#endif
