// SPDX-License-Identifier: GPL-2.0
/*
 * The peer state machine of RFC 6733 5.6, one per peer, with both of its
 * connections: the one we initiated (I, peer->iconn) and the one we
 * accepted (R, peer->rconn).  The table below is the RFC's (5.6: state,
 * event, action, new state); every transition goes through
 * change_state(), which runs the exit and entry work and logs (state,
 * event, previous state).  Events the table does not list for a state are
 * logged and the connection they came on, if it is not the peer's open
 * one, is closed: they are never silently ignored.
 *
 * Election (5.6.4): with a connection in each direction the responder side
 * compares its own Origin-Host with the one in the peer's CER as octet
 * strings; the higher identity wins and keeps its R connection.
 *
 * Beyond the RFC's table:
 *  - Process-CER/Process-CEA reject a peer with no common application
 *    (DIAMETER_NO_COMMON_APPLICATION 5010), a CEA other than 2001, an
 *    identity or realm other than the configured one, and a peer that
 *    insists on in-band TLS (5017) (we do TLS at connect only).
 *  - A CER from an open peer whose Origin-State-Id changed means the peer
 *    restarted and its old connection is dead without our knowing: the
 *    old connection is dropped and the new one accepted.  The RFC's
 *    R-Reject would leave the peer unreachable until the watchdog gave up
 *    (up to 2 Tw).
 *  - Entering Closed schedules the reconnection (Tc, with a backoff that
 *    starts at tc_min and doubles up to Tc), unless the peer is passive,
 *    the node is stopping, or the peer said DO_NOT_WANT_TO_TALK_TO_YOU.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diameter/diam_int.h"
#include "lib/log.h"

#define KEEP PS__COUNT		/* action result: the rule's next state */

static const char *const state_names[PS__COUNT] = {
	[PS_CLOSED] = "Closed",
	[PS_WAIT_CONN_ACK] = "Wait-Conn-Ack",
	[PS_WAIT_I_CEA] = "Wait-I-CEA",
	[PS_WAIT_CONN_ACK_ELECT] = "Wait-Conn-Ack/Elect",
	[PS_WAIT_RETURNS] = "Wait-Returns",
	[PS_R_OPEN] = "R-Open",
	[PS_I_OPEN] = "I-Open",
	[PS_CLOSING] = "Closing",
};

static const char *const event_names[PE__COUNT] = {
	[PE_START] = "Start",
	[PE_R_CONN_CER] = "R-Conn-CER",
	[PE_I_RCV_CONN_ACK] = "I-Rcv-Conn-Ack",
	[PE_I_RCV_CONN_NACK] = "I-Rcv-Conn-Nack",
	[PE_TIMEOUT] = "Timeout",
	[PE_I_RCV_CEA] = "I-Rcv-CEA",
	[PE_I_PEER_DISC] = "I-Peer-Disc",
	[PE_R_PEER_DISC] = "R-Peer-Disc",
	[PE_I_RCV_NON_CEA] = "I-Rcv-Non-CEA",
	[PE_WIN_ELECTION] = "Win-Election",
	[PE_RCV_DPR] = "Rcv-DPR",
	[PE_RCV_DPA] = "Rcv-DPA",
	[PE_STOP] = "Stop",
};

const char *psm_state_name(enum psm_state s)
{
	return s < PS__COUNT ? state_names[s] : "?";
}

bool psm_open(const struct diam_peer *p)
{
	return p->st == PS_R_OPEN || p->st == PS_I_OPEN;
}

/* ------------------------------------------------------------ helpers --- */

static void send_cea(struct diam_peer *p, struct diam_conn *c, const struct diam_caps *req,
		     uint32_t rc)
{
	uint8_t buf[1024];
	int len = cer_build(p ? p->node : c->node, c, buf, sizeof(buf), true, req, rc);

	if (len > 0 && conn_send(c, buf, (size_t)len) == 0)
		node_count(c->node, p, DIAM_C_MSGS_TX);
}

static void disc(struct diam_conn **pc, const char *why)
{
	struct diam_conn *c = *pc;

	*pc = NULL;
	if (c) {
		c->peer = NULL;
		conn_close(c, why);
	}
}

/*
 * Process-CER / Process-CEA checks.  Returns 0, or the Result-Code that
 * rejects the peer (why filled).
 */
static uint32_t check_caps(struct diam_peer *p, const struct diam_caps *caps, bool tls,
			   char *why, size_t size)
{
	if (p->cfg_host[0] && strcasecmp(p->cfg_host, caps->host)) {
		snprintf(why, size, "identity %s, expected %s", caps->host, p->cfg_host);
		return 3010;	/* DIAMETER_UNKNOWN_PEER */
	}
	if (p->cfg_realm[0] && strcasecmp(p->cfg_realm, caps->realm)) {
		snprintf(why, size, "realm %s, expected %s", caps->realm, p->cfg_realm);
		return 3010;
	}
	if (!caps->inband_none && !tls) {
		snprintf(why, size, "asks for in-band TLS only");
		return 5017;	/* DIAMETER_NO_COMMON_SECURITY */
	}
	if (!caps_common(p->node, caps)) {
		snprintf(why, size, "no common application");
		return 5010;	/* DIAMETER_NO_COMMON_APPLICATION */
	}
	return 0;
}

/* R-Accept + Process-CER: the connection is the peer's R connection */
static bool r_accept(struct diam_peer *p, struct diam_conn *c, const struct diam_caps *caps)
{
	char why[300];
	uint32_t rc = check_caps(p, caps, c->tls, why, sizeof(why));

	if (rc) {
		node_count(p->node, p, DIAM_C_CER_REJECTED);
		peer_error(p, "CER from %s refused: %s", c->remote, why);
		send_cea(p, c, caps, rc);
		c->peer = NULL;
		conn_close(c, why);
		return false;
	}
	c->peer = p;
	p->rconn = c;
	p->rcer = *caps;
	timer_stop(&c->timer);
	return true;
}

static void r_snd_cea(struct diam_peer *p)
{
	send_cea(p, p->rconn, &p->rcer, DIA_SUCCESS);
	p->remote = p->rcer;
	p->conn = p->rconn;
}

static void i_snd_cer(struct diam_peer *p)
{
	uint8_t buf[1024];
	int len = cer_build(p->node, p->iconn, buf, sizeof(buf), false, NULL, 0);

	if (len > 0 && conn_send(p->iconn, buf, (size_t)len) == 0)
		peer_count(p, DIAM_C_MSGS_TX);
}

/* Elect (5.6.4): a Win-Election event when our identity is the higher one */
static void elect(struct diam_peer *p)
{
	if (strcmp(p->node->host, p->rcer.host) > 0) {
		peer_count(p, DIAM_C_ELECTIONS_WON);
		p->post_win = true;	/* psm_dispatch issues Win-Election */
	} else {
		peer_count(p, DIAM_C_ELECTIONS_LOST);
	}
}

/* Process-CEA: true when the peer is accepted */
static bool process_cea(struct diam_peer *p, const struct diam_caps *caps)
{
	char why[300];
	uint32_t rc;

	if (caps->result_code != DIA_SUCCESS) {
		node_count(p->node, p, DIAM_C_CEA_FAILED);
		peer_error(p, "CEA with Result-Code %u", caps->result_code);
		return false;
	}
	rc = check_caps(p, caps, p->iconn->tls, why, sizeof(why));
	if (rc) {
		node_count(p->node, p, DIAM_C_CEA_FAILED);
		peer_error(p, "CEA refused: %s", why);
		return false;
	}
	p->remote = *caps;
	p->conn = p->iconn;
	return true;
}

static void snd_dpr(struct diam_peer *p)
{
	uint8_t buf[256];
	int len = base_build(p->node, buf, sizeof(buf), 282, true, NULL, 0, (int)p->dpr_cause);

	if (len > 0 && conn_send(p->conn, buf, (size_t)len) == 0) {
		peer_count(p, DIAM_C_MSGS_TX);
		peer_count(p, DIAM_C_DPR_TX);
	}
}

/* ------------------------------------------------------------ actions --- */

typedef enum psm_state (*psm_action)(struct diam_peer *p, struct diam_conn *c,
				     const struct diam_caps *caps);

static enum psm_state a_i_snd_conn_req(struct diam_peer *p, struct diam_conn *c,
				       const struct diam_caps *caps)
{
	struct diam_conn *ic = conn_new(p->node, p->proto, p->tls, true);

	peer_count(p, DIAM_C_CONNECT_ATTEMPTS);
	if (!ic) {
		peer_error(p, "out of memory");
		return PS_CLOSED;
	}
	ic->peer = p;
	p->iconn = ic;
	if (io_connect(ic, p->addr, p->port) < 0) {
		peer_count(p, DIAM_C_CONNECT_FAILURES);
		peer_error(p, "connect to %s port %u: %s", p->addr, p->port, strerror(errno));
		disc(&p->iconn, "connect failed");
		return PS_CLOSED;
	}
	return KEEP;
}

static enum psm_state a_r_accept_cea(struct diam_peer *p, struct diam_conn *c,
				     const struct diam_caps *caps)
{
	if (!r_accept(p, c, caps))
		return PS_CLOSED;
	r_snd_cea(p);
	return KEEP;
}

static enum psm_state a_r_accept(struct diam_peer *p, struct diam_conn *c,
				 const struct diam_caps *caps)
{
	return r_accept(p, c, caps) ? KEEP : p->st;
}

static enum psm_state a_r_accept_elect(struct diam_peer *p, struct diam_conn *c,
				       const struct diam_caps *caps)
{
	if (!r_accept(p, c, caps))
		return p->st;
	elect(p);
	return KEEP;
}

static enum psm_state a_i_snd_cer(struct diam_peer *p, struct diam_conn *c,
				  const struct diam_caps *caps)
{
	i_snd_cer(p);
	return KEEP;
}

static enum psm_state a_i_snd_cer_elect(struct diam_peer *p, struct diam_conn *c,
					const struct diam_caps *caps)
{
	i_snd_cer(p);
	elect(p);
	return KEEP;
}

static enum psm_state a_cleanup(struct diam_peer *p, struct diam_conn *c,
				const struct diam_caps *caps)
{
	p->iconn = NULL;	/* conn.c has closed it already */
	return KEEP;
}

static enum psm_state a_error(struct diam_peer *p, struct diam_conn *c,
			      const struct diam_caps *caps)
{
	disc(&p->iconn, "peer state machine error");
	disc(&p->rconn, "peer state machine error");
	p->conn = NULL;
	return KEEP;
}

static enum psm_state a_process_cea(struct diam_peer *p, struct diam_conn *c,
				    const struct diam_caps *caps)
{
	if (process_cea(p, caps))
		return KEEP;
	disc(&p->iconn, "CEA refused");
	return PS_CLOSED;
}

static enum psm_state a_i_disc(struct diam_peer *p, struct diam_conn *c,
			       const struct diam_caps *caps)
{
	disc(&p->iconn, "initiator connection lost");
	return KEEP;
}

static enum psm_state a_r_disc(struct diam_peer *p, struct diam_conn *c,
			       const struct diam_caps *caps)
{
	disc(&p->rconn, "responder connection lost");
	return KEEP;
}

static enum psm_state a_r_snd_cea(struct diam_peer *p, struct diam_conn *c,
				  const struct diam_caps *caps)
{
	p->iconn = NULL;	/* the connect failed: conn.c closed it */
	r_snd_cea(p);
	return KEEP;
}

static enum psm_state a_i_disc_r_snd_cea(struct diam_peer *p, struct diam_conn *c,
					 const struct diam_caps *caps)
{
	disc(&p->iconn, "election won");
	r_snd_cea(p);
	return KEEP;
}

/* Wait-Returns, I-Rcv-CEA: we lost the election (or it was not needed) */
static enum psm_state a_wr_cea(struct diam_peer *p, struct diam_conn *c,
			       const struct diam_caps *caps)
{
	if (!process_cea(p, caps)) {
		disc(&p->iconn, "CEA refused");
		r_snd_cea(p);
		return PS_R_OPEN;
	}
	send_cea(p, p->rconn, &p->rcer, 4003);	/* DIAMETER_ELECTION_LOST */
	disc(&p->rconn, "election lost");
	return KEEP;
}

/* A CER on another connection while one is being set up or open */
static enum psm_state a_r_reject(struct diam_peer *p, struct diam_conn *c,
				 const struct diam_caps *caps)
{
	node_count(p->node, p, DIAM_C_CER_REJECTED);
	send_cea(p, c, caps, 5012);	/* DIAMETER_UNABLE_TO_COMPLY */
	c->peer = NULL;
	conn_close(c, "connection collision");
	return KEEP;
}

/* Open, R-Conn-CER: R-Reject, unless the peer restarted (see the top) */
static enum psm_state a_open_cer(struct diam_peer *p, struct diam_conn *c,
				 const struct diam_caps *caps)
{
	if (!(caps->has_state_id && p->remote.has_state_id &&
	      caps->state_id != p->remote.state_id))
		return a_r_reject(p, c, caps);
	peer_error(p, "restarted (Origin-State-Id %u -> %u): new connection replaces the old",
		   p->remote.state_id, caps->state_id);
	a_error(p, NULL, NULL);
	return PS_CLOSED;	/* psm_dispatch runs R-Conn-CER again in Closed */
}

static enum psm_state a_snd_dpr(struct diam_peer *p, struct diam_conn *c,
				const struct diam_caps *caps)
{
	snd_dpr(p);
	return KEEP;
}

/* Rcv-DPR: msg.c has sent the DPA already; wait for the peer to disconnect */
static enum psm_state a_rcv_dpr(struct diam_peer *p, struct diam_conn *c,
				const struct diam_caps *caps)
{
	return KEEP;
}

static enum psm_state a_disc_all(struct diam_peer *p, struct diam_conn *c,
				 const struct diam_caps *caps)
{
	return a_error(p, c, caps);
}

/* -------------------------------------------------------------- table --- */

struct psm_rule {
	uint8_t st, ev;
	psm_action act;
	uint8_t next;
};

#define R(s, e, a, n) { PS_##s, PE_##e, a, PS_##n }

/* RFC 6733 5.6 */
static const struct psm_rule rules[] = {
	R(CLOSED, START, a_i_snd_conn_req, WAIT_CONN_ACK),
	R(CLOSED, R_CONN_CER, a_r_accept_cea, R_OPEN),

	R(WAIT_CONN_ACK, I_RCV_CONN_ACK, a_i_snd_cer, WAIT_I_CEA),
	R(WAIT_CONN_ACK, I_RCV_CONN_NACK, a_cleanup, CLOSED),
	R(WAIT_CONN_ACK, R_CONN_CER, a_r_accept, WAIT_CONN_ACK_ELECT),
	R(WAIT_CONN_ACK, TIMEOUT, a_error, CLOSED),

	R(WAIT_I_CEA, I_RCV_CEA, a_process_cea, I_OPEN),
	R(WAIT_I_CEA, R_CONN_CER, a_r_accept_elect, WAIT_RETURNS),
	R(WAIT_I_CEA, I_PEER_DISC, a_i_disc, CLOSED),
	R(WAIT_I_CEA, I_RCV_NON_CEA, a_error, CLOSED),
	R(WAIT_I_CEA, TIMEOUT, a_error, CLOSED),

	R(WAIT_CONN_ACK_ELECT, I_RCV_CONN_ACK, a_i_snd_cer_elect, WAIT_RETURNS),
	R(WAIT_CONN_ACK_ELECT, I_RCV_CONN_NACK, a_r_snd_cea, R_OPEN),
	R(WAIT_CONN_ACK_ELECT, R_PEER_DISC, a_r_disc, WAIT_CONN_ACK),
	R(WAIT_CONN_ACK_ELECT, R_CONN_CER, a_r_reject, WAIT_CONN_ACK_ELECT),
	R(WAIT_CONN_ACK_ELECT, TIMEOUT, a_error, CLOSED),

	R(WAIT_RETURNS, WIN_ELECTION, a_i_disc_r_snd_cea, R_OPEN),
	R(WAIT_RETURNS, I_PEER_DISC, a_i_disc_r_snd_cea, R_OPEN),
	R(WAIT_RETURNS, I_RCV_CEA, a_wr_cea, I_OPEN),
	R(WAIT_RETURNS, R_PEER_DISC, a_r_disc, WAIT_I_CEA),
	R(WAIT_RETURNS, R_CONN_CER, a_r_reject, WAIT_RETURNS),
	R(WAIT_RETURNS, TIMEOUT, a_error, CLOSED),

	R(R_OPEN, R_CONN_CER, a_open_cer, R_OPEN),
	R(R_OPEN, STOP, a_snd_dpr, CLOSING),
	R(R_OPEN, RCV_DPR, a_rcv_dpr, CLOSING),
	R(R_OPEN, R_PEER_DISC, a_r_disc, CLOSED),

	R(I_OPEN, R_CONN_CER, a_open_cer, I_OPEN),
	R(I_OPEN, STOP, a_snd_dpr, CLOSING),
	R(I_OPEN, RCV_DPR, a_rcv_dpr, CLOSING),
	R(I_OPEN, I_PEER_DISC, a_i_disc, CLOSED),

	R(CLOSING, RCV_DPA, a_disc_all, CLOSED),
	R(CLOSING, RCV_DPR, a_rcv_dpr, CLOSING),
	R(CLOSING, TIMEOUT, a_disc_all, CLOSED),
	R(CLOSING, I_PEER_DISC, a_disc_all, CLOSED),
	R(CLOSING, R_PEER_DISC, a_disc_all, CLOSED),
	R(CLOSING, R_CONN_CER, a_r_reject, CLOSING),
	R(CLOSING, STOP, NULL, CLOSING),	/* both ends stopping: DPR already exchanged */

	/* Stop before the connection is open: drop everything */
	R(CLOSED, STOP, NULL, CLOSED),
	R(WAIT_CONN_ACK, STOP, a_disc_all, CLOSED),
	R(WAIT_I_CEA, STOP, a_disc_all, CLOSED),
	R(WAIT_CONN_ACK_ELECT, STOP, a_disc_all, CLOSED),
	R(WAIT_RETURNS, STOP, a_disc_all, CLOSED),
};

static const struct psm_rule *find_rule(enum psm_state st, enum psm_event ev)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].st == st && rules[i].ev == ev)
			return &rules[i];
	return NULL;
}

/* ------------------------------------------------------- change_state --- */

static void reconnect_fire(void *arg)
{
	struct diam_peer *p = arg;

	if (p->st == PS_CLOSED && !p->stopping && !p->no_reconnect)
		psm_dispatch(p, PE_START, NULL, NULL);
}

void psm_schedule_reconnect(struct diam_peer *p)
{
	struct diam_node *n = p->node;
	uint32_t tc = p->tc_ms ? p->tc_ms : n->tc_ms;
	uint64_t delay;

	if (p->passive || p->dynamic || p->stopping || p->no_reconnect || n->stopping ||
	    !n->started)
		return;
	p->backoff_ms = p->backoff_ms ? p->backoff_ms * 2 : n->tc_min_ms;
	if (p->backoff_ms > tc)
		p->backoff_ms = tc;
	/* up to 10% jitter so that many gateways do not reconnect in step */
	delay = p->backoff_ms + node_rand(n) % (p->backoff_ms / 10 + 1);
	p->reconnect.fn = reconnect_fire;
	p->reconnect.arg = p;
	timer_start(&p->reconnect, delay);
}

static void psm_timeout(void *arg)
{
	psm_dispatch(arg, PE_TIMEOUT, NULL, NULL);
}

static void enter_closed(struct diam_peer *p, enum psm_state prev)
{
	disc(&p->iconn, "closed");
	disc(&p->rconn, "closed");
	p->conn = NULL;
	if (prev == PS_R_OPEN || prev == PS_I_OPEN || prev == PS_CLOSING) {
		peer_count(p, DIAM_C_CLOSED);
		wd_dispatch(p, WE_CONN_DOWN);
	}
	req_failover(p);
	stats_peer_up(p);
	if (p->dynamic) {
		log_info("diameter", "peer %s: dynamic peer removed", p->name);
		peer_free(p);
		node_check_stopped(p->node);
		return;
	}
	psm_schedule_reconnect(p);
	node_check_stopped(p->node);
}

static void change_state(struct diam_peer *p, enum psm_state next, enum psm_event ev)
{
	enum psm_state prev = p->st;

	log_info("diameter", "peer %s: state %s (event %s, previous state %s)", p->name,
		 state_names[next], event_names[ev], state_names[prev]);
	p->st = next;
	p->st_since = node_now(p->node);
	peer_count(p, DIAM_C_STATE_CHANGES);
	timer_stop(&p->psm_timer);
	p->psm_timer.fn = psm_timeout;
	p->psm_timer.arg = p;
	switch (next) {
	case PS_CLOSED:
		enter_closed(p, prev);
		break;
	case PS_WAIT_I_CEA:
	case PS_WAIT_CONN_ACK_ELECT:
	case PS_WAIT_RETURNS:
		timer_start(&p->psm_timer, p->node->cea_timeout_ms);
		break;
	case PS_R_OPEN:
	case PS_I_OPEN:
		p->backoff_ms = 0;
		p->has_error = false;
		peer_count(p, DIAM_C_OPENED);
		log_notice("diameter", "peer %s (%s, realm %s) open on %s", p->name,
			   p->remote.host, p->remote.realm, p->conn ? p->conn->remote : "?");
		wd_dispatch(p, WE_CONN_UP);
		stats_peer_up(p);
		break;
	case PS_CLOSING:
		timer_start(&p->psm_timer, p->node->dpa_timeout_ms);
		req_failover(p);
		stats_peer_up(p);
		break;
	default:
		break;
	}
}

void psm_dispatch(struct diam_peer *p, enum psm_event ev, struct diam_conn *c,
		  const struct diam_caps *caps)
{
	const struct psm_rule *r = find_rule(p->st, ev);
	enum psm_state next;
	struct diam_caps saved;

	if (!r) {
		log_info("diameter", "peer %s: event %s unexpected in state %s", p->name,
			 event_names[ev], state_names[p->st]);
		if (c && c != p->conn && c != p->iconn && c != p->rconn) {
			c->peer = NULL;
			conn_close(c, "unexpected in this state");
		}
		return;
	}
	if (caps)
		saved = *caps;
	p->post_win = false;
	next = r->act ? r->act(p, c, caps) : (enum psm_state)KEEP;
	if (next == KEEP)
		next = (enum psm_state)r->next;
	if (next != p->st)
		change_state(p, next, ev);
	/* a restarted peer's new CER, now that the old connection is gone */
	if (r->act == a_open_cer && caps && p->st == PS_CLOSED && c && c->st != CS_DEAD) {
		psm_responder_cer(p->node, c, &saved);
		return;
	}
	if (p->post_win) {
		p->post_win = false;
		psm_dispatch(p, PE_WIN_ELECTION, NULL, NULL);
	}
}

void psm_conn_lost(struct diam_peer *p, struct diam_conn *c, const char *why)
{
	if (c == p->iconn) {
		if (p->st == PS_WAIT_CONN_ACK || p->st == PS_WAIT_CONN_ACK_ELECT) {
			p->iconn = NULL;
			peer_error(p, "connect: %s", why);
			psm_dispatch(p, PE_I_RCV_CONN_NACK, c, NULL);
			return;
		}
		if (psm_open(p) && p->conn == c)
			peer_error(p, "connection lost: %s", why);
		p->iconn = NULL;
		if (p->conn == c)
			p->conn = NULL;
		psm_dispatch(p, PE_I_PEER_DISC, c, NULL);
	} else if (c == p->rconn) {
		if (psm_open(p) && p->conn == c)
			peer_error(p, "connection lost: %s", why);
		p->rconn = NULL;
		if (p->conn == c)
			p->conn = NULL;
		psm_dispatch(p, PE_R_PEER_DISC, c, NULL);
	}
}

/* A valid CER arrived on a connection that has no peer yet */
void psm_responder_cer(struct diam_node *n, struct diam_conn *c, const struct diam_caps *caps)
{
	struct diam_peer *p = peer_by_host(n, caps->host);

	if (!p && n->accept_unknown) {
		p = peer_new(n, caps->host, true);
		if (p) {
			snprintf(p->cfg_host, sizeof(p->cfg_host), "%s", caps->host);
			p->passive = true;
			p->proto = c->proto;
			p->tls = c->tls;
			snprintf(p->addr, sizeof(p->addr), "%s", c->remote);
		}
	}
	if (!p) {
		node_count(n, NULL, DIAM_C_CER_REJECTED);
		log_notice("diameter", "CER from unknown peer %s (%s) refused", caps->host,
			   c->remote);
		send_cea(NULL, c, caps, 3010);	/* DIAMETER_UNKNOWN_PEER */
		conn_close(c, "unknown peer");
		return;
	}
	psm_dispatch(p, PE_R_CONN_CER, c, caps);
	if (p->dynamic && !p->dead && p->st == PS_CLOSED && !p->rconn)
		peer_free(p);	/* refused by Process-CER */
}
