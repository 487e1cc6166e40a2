// SPDX-License-Identifier: GPL-2.0
/*
 * The transport failure detection of RFC 3539 3.4.1 (Diameter uses it as
 * RFC 6733 5.5.3 asks), one machine per peer, driven by the peer's
 * connection coming up or going down, its timer, and every message
 * received.  The table is the RFC's, guards included:
 *
 *   INITIAL  connection up                 SetWatchdog                 OKAY
 *   OKAY     DWA                           Pending=0 SetWatchdog       OKAY
 *   OKAY     non-DWA                       SetWatchdog                 OKAY
 *   OKAY     timer, !Pending               SendWatchdog SetWatchdog
 *                                          Pending=1                   OKAY
 *   OKAY     timer, Pending                Failover SetWatchdog        SUSPECT
 *   OKAY     connection down               Failover SetWatchdog        DOWN
 *   SUSPECT  DWA                           Pending=0 Failback SetWd    OKAY
 *   SUSPECT  non-DWA                       Failback SetWatchdog        OKAY
 *   SUSPECT  timer                         CloseConnection SetWd       DOWN
 *   SUSPECT  connection down               CloseConnection SetWd       DOWN
 *   DOWN     connection up                 NumDWA=0 SendWatchdog
 *                                          SetWatchdog Pending=1       REOPEN
 *   REOPEN   DWA, NumDWA == 2              Pending=0 NumDWA++ Failback OKAY
 *   REOPEN   DWA, NumDWA < 2               Pending=0 NumDWA++          REOPEN
 *   REOPEN   non-DWA                       Throwaway                   REOPEN
 *   REOPEN   timer, !Pending               SendWatchdog SetWd Pending=1 REOPEN
 *   REOPEN   timer, Pending, NumDWA < 0    CloseConnection SetWd       DOWN
 *   REOPEN   timer, Pending, NumDWA >= 0   NumDWA=-1 SetWatchdog       REOPEN
 *   REOPEN   connection down               CloseConnection SetWd       DOWN
 *
 * SetWatchdog arms Tw plus a uniform jitter of +-tw_jitter_ms (RFC 3539
 * 3.4.1: "plus or minus up to 2 seconds").  Failover sends the peer's
 * pending requests to another peer (req.c); Failback makes the peer take
 * requests again.  In DOWN (and INITIAL) AttemptOpen is the peer state
 * machine's reconnect timer (Tc), so the watchdog timer stops there.
 * Throwaway: in REOPEN no request is routed to the peer, and messages
 * received do not count towards failing back; requests received are still
 * answered (RFC 6733 requires an answer, and a peer that sends us requests
 * right after CEA would otherwise time them out).
 */
#include <stdio.h>

#include "diameter/diam_int.h"
#include "lib/log.h"

static const char *const names[WD__COUNT] = {
	[WD_INITIAL] = "INITIAL",
	[WD_OKAY] = "OKAY",
	[WD_SUSPECT] = "SUSPECT",
	[WD_DOWN] = "DOWN",
	[WD_REOPEN] = "REOPEN",
};

static const char *const event_names[WE__COUNT] = {
	[WE_CONN_UP] = "connection up",
	[WE_CONN_DOWN] = "connection down",
	[WE_TIMER] = "timer expires",
	[WE_RCV_DWA] = "receive DWA",
	[WE_RCV_NON_DWA] = "receive non-DWA",
};

const char *wd_state_name(enum wd_state s)
{
	return s < WD__COUNT ? names[s] : "?";
}

enum guard { G_ANY, G_PENDING, G_NOT_PENDING, G_DWA_LT2, G_DWA_EQ2, G_PENDING_NEG,
	     G_PENDING_NONNEG };

/* action bits, run in this order */
enum {
	A_PENDING0 = 1 << 0,	/* Pending = FALSE */
	A_NUMDWA0 = 1 << 1,	/* NumDWA = 0 */
	A_NUMDWA_INC = 1 << 2,
	A_NUMDWA_NEG = 1 << 3,	/* NumDWA = -1 */
	A_SEND = 1 << 4,	/* SendWatchdog(); Pending = TRUE */
	A_FAILOVER = 1 << 5,
	A_FAILBACK = 1 << 6,
	A_CLOSE = 1 << 7,	/* CloseConnection() */
	A_SET = 1 << 8,		/* SetWatchdog() */
};

struct wd_rule {
	uint8_t st, ev, guard;
	uint16_t actions;
	uint8_t next;
};

#define W(s, e, g, a, n) { WD_##s, WE_##e, G_##g, a, WD_##n }

static const struct wd_rule rules[] = {
	W(INITIAL, CONN_UP, ANY, A_SET, OKAY),
	W(OKAY, RCV_DWA, ANY, A_PENDING0 | A_SET, OKAY),
	W(OKAY, RCV_NON_DWA, ANY, A_SET, OKAY),
	W(OKAY, TIMER, NOT_PENDING, A_SEND | A_SET, OKAY),
	W(OKAY, TIMER, PENDING, A_FAILOVER | A_SET, SUSPECT),
	W(OKAY, CONN_DOWN, ANY, A_FAILOVER | A_SET, DOWN),
	W(SUSPECT, RCV_DWA, ANY, A_PENDING0 | A_FAILBACK | A_SET, OKAY),
	W(SUSPECT, RCV_NON_DWA, ANY, A_FAILBACK | A_SET, OKAY),
	W(SUSPECT, TIMER, ANY, A_CLOSE | A_SET, DOWN),
	W(SUSPECT, CONN_DOWN, ANY, A_CLOSE | A_SET, DOWN),
	W(DOWN, CONN_UP, ANY, A_NUMDWA0 | A_SEND | A_SET, REOPEN),
	W(DOWN, CONN_DOWN, ANY, 0, DOWN),
	W(REOPEN, RCV_DWA, DWA_EQ2, A_PENDING0 | A_NUMDWA_INC | A_FAILBACK, OKAY),
	W(REOPEN, RCV_DWA, DWA_LT2, A_PENDING0 | A_NUMDWA_INC, REOPEN),
	W(REOPEN, RCV_NON_DWA, ANY, 0, REOPEN),
	W(REOPEN, TIMER, NOT_PENDING, A_SEND | A_SET, REOPEN),
	W(REOPEN, TIMER, PENDING_NEG, A_CLOSE | A_SET, DOWN),
	W(REOPEN, TIMER, PENDING_NONNEG, A_NUMDWA_NEG | A_SET, REOPEN),
	W(REOPEN, CONN_DOWN, ANY, A_CLOSE | A_SET, DOWN),
	W(INITIAL, CONN_DOWN, ANY, 0, INITIAL),
};

static bool guard_ok(const struct diam_peer *p, enum guard g)
{
	switch (g) {
	case G_PENDING:
		return p->wd_pending;
	case G_NOT_PENDING:
		return !p->wd_pending;
	case G_DWA_LT2:
		return p->num_dwa < 2;
	case G_DWA_EQ2:
		return p->num_dwa == 2;
	case G_PENDING_NEG:
		return p->wd_pending && p->num_dwa < 0;
	case G_PENDING_NONNEG:
		return p->wd_pending && p->num_dwa >= 0;
	default:
		return true;
	}
}

static void wd_fire(void *arg)
{
	wd_dispatch(arg, WE_TIMER);
}

static void set_watchdog(struct diam_peer *p)
{
	struct diam_node *n = p->node;
	uint64_t tw = peer_tw(p), j = n->tw_jitter_ms;
	uint64_t ms = tw - j + node_rand(n) % (2 * j + 1);

	p->wd_timer.fn = wd_fire;
	p->wd_timer.arg = p;
	timer_start(&p->wd_timer, ms);
}

static void send_watchdog(struct diam_peer *p)
{
	uint8_t buf[256];
	int len;

	p->wd_pending = true;
	if (!p->conn)
		return;
	len = base_build(p->node, buf, sizeof(buf), 280, true, NULL, 0, 0);
	if (len > 0 && conn_send(p->conn, buf, (size_t)len) == 0) {
		peer_count(p, DIAM_C_MSGS_TX);
		peer_count(p, DIAM_C_DWR_TX);
	}
}

static void change_state(struct diam_peer *p, enum wd_state next, enum wd_event ev)
{
	enum wd_state prev = p->wd;

	log_info("diameter", "peer %s: watchdog %s (event %s, previous state %s)", p->name,
		 names[next], event_names[ev], names[prev]);
	p->wd = next;
	peer_count(p, DIAM_C_STATE_CHANGES);
	if (next == WD_DOWN || next == WD_INITIAL)
		timer_stop(&p->wd_timer);
	stats_peer_up(p);
}

void wd_dispatch(struct diam_peer *p, enum wd_event ev)
{
	const struct wd_rule *r = NULL;
	unsigned int a;

	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].st == p->wd && rules[i].ev == ev && guard_ok(p, rules[i].guard)) {
			r = &rules[i];
			break;
		}
	if (!r) {
		log_debug("diameter", "peer %s: watchdog event %s ignored in %s", p->name,
			  event_names[ev], names[p->wd]);
		return;
	}
	a = r->actions;
	if (a & A_PENDING0)
		p->wd_pending = false;
	if (a & A_NUMDWA0)
		p->num_dwa = 0;
	if (a & A_NUMDWA_INC)
		p->num_dwa++;
	if (a & A_NUMDWA_NEG)
		p->num_dwa = -1;
	if (a & A_SEND)
		send_watchdog(p);
	if (a & A_SET)
		set_watchdog(p);
	if (r->next != p->wd)
		change_state(p, (enum wd_state)r->next, ev);
	/* after the transition, so that a re-entrant "connection down" finds DOWN */
	if (a & A_FAILOVER)
		req_failover(p);
	if (a & A_FAILBACK)
		req_kick(p->node);
	if ((a & A_CLOSE) && p->conn)
		conn_close(p->conn, "watchdog: no answer to DWR");
	if (r->next == WD_OKAY && ev == WE_CONN_UP)
		req_kick(p->node);
}
