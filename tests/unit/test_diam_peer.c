// SPDX-License-Identifier: GPL-2.0
/*
 * The peer state machine (RFC 6733 5.6) and the watchdog (RFC 3539 3.4.1)
 * of userspace/diameter on the scripted transport and the manual clock:
 * capabilities exchange, every watchdog transition, reconnection with
 * backoff, election both ways, DPR/DPA, restarts, refused peers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "diam_harness.h"
#include "lib/metrics.h"
#include "proto/diameter_avp.h"

#define S(n, p, want) CU_ASSERT_STRING_EQUAL(h_state(n, p), want)
#define W(n, p, want) CU_ASSERT_STRING_EQUAL(h_wd(n, p), want)

/* Steps of 10 ms until the watchdog of peer is in state; the time it took */
static uint64_t until_wd(struct diam_node *n, const char *peer, const char *state)
{
	uint64_t t0 = diam_test_now(n);

	while (strcmp(h_wd(n, peer), state) && diam_test_now(n) - t0 < 10 * H_TW)
		diam_test_advance(n, 10);
	return diam_test_now(n) - t0;
}

static void in_tw(uint64_t ms)
{
	CU_ASSERT(ms >= H_TW - H_JITTER && ms <= H_TW + H_JITTER + 10);
}

/* Steps of 10 ms until the node sends command code on c; that message */
static struct h_msg *until_out(struct diam_node *n, struct diam_test_conn *c, uint32_t code)
{
	uint64_t t0 = diam_test_now(n);
	struct h_msg *m;

	while (!(m = h_out(c)) && diam_test_now(n) - t0 < 10 * H_TW)
		diam_test_advance(n, 10);
	if (m && m->m.code != code) {
		h_msg_free(m);
		return NULL;
	}
	return m;
}

static void test_cer_contents(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;
	struct h_msg *cer;
	const uint8_t *d;
	size_t len;
	int i, vsai = 0, auth4 = 0;

	diam_node_start(n);
	S(n, "relay.fgw", "Wait-Conn-Ack");
	c = diam_test_pending_connect(n, p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	diam_test_connected(c, true);
	S(n, "relay.fgw", "Wait-I-CEA");
	cer = h_out(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cer);
	CU_ASSERT_EQUAL(cer->m.code, 257);
	CU_ASSERT(cer->m.flags & DIA_F_REQUEST);
	/* Host-IP-Address: the connection's real local address */
	CU_ASSERT_EQUAL(dia_get_bytes(&cer->m, -1, DA_HOST_IP_ADDRESS, &d, &len), 0);
	CU_ASSERT_EQUAL(len, 6);
	CU_ASSERT(!memcmp(d, "\x00\x01\xc0\x00\x02\x01", 6));
	CU_ASSERT_EQUAL(h_u32(cer, 278, 0), 7);			/* Origin-State-Id */
	CU_ASSERT_EQUAL(h_u32(cer, 265, 0), VENDOR_3GPP);	/* Supported-Vendor-Id */
	for (i = dia_get(&cer->m, -1, DA_VENDOR_SPECIFIC_APPLICATION_ID); i >= 0;
	     i = dia_get_next(&cer->m, i, DA_VENDOR_SPECIFIC_APPLICATION_ID)) {
		uint32_t v = 0, a = 0;

		dia_get_u32(&cer->m, i, DA_VENDOR_ID, &v);
		dia_get_u32(&cer->m, i, DA_AUTH_APPLICATION_ID, &a);
		vsai += v == VENDOR_3GPP && a == DIA_APP_S6A;
	}
	for (i = dia_get(&cer->m, -1, DA_AUTH_APPLICATION_ID); i >= 0;
	     i = dia_get_next(&cer->m, i, DA_AUTH_APPLICATION_ID)) {
		uint32_t a = 0;

		dia_avp_u32(&cer->m.avps[i], &a);
		auth4 += a == DIA_APP_DCCA;
	}
	CU_ASSERT_EQUAL(vsai, 1);
	CU_ASSERT_EQUAL(auth4, 1);
	CU_ASSERT_EQUAL(dia_get(&cer->m, -1, DA_INBAND_SECURITY_ID), -1);
	h_send_cea(c, cer, "relay.fgw", 2001);
	h_msg_free(cer);
	S(n, "relay.fgw", "I-Open");
	W(n, "relay.fgw", "OKAY");
	CU_ASSERT(diam_app_available(n, DIA_APP_S6A));
	CU_ASSERT(!diam_app_available(n, DIA_APP_GX));
	diam_node_free(n);
}

static void test_cea_refused_and_backoff(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;
	struct h_msg *cer;
	struct diam_peer_info info;

	diam_node_start(n);
	c = diam_test_pending_connect(n, p);
	diam_test_connected(c, true);
	cer = h_out(c);
	h_send_cea(c, cer, "relay.fgw", 5010);	/* no common application */
	h_msg_free(cer);
	S(n, "relay.fgw", "Closed");
	CU_ASSERT(diam_test_closed(c));
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_CEA_FAILED), 1);
	diam_node_peers(n, &info, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(info.last_error, "5010"));
	/* reconnect after tc_min (+ at most 10% jitter), then 2 s, ... up to Tc */
	diam_test_advance(n, H_TC_MIN - 1);
	CU_ASSERT_PTR_NULL(diam_test_pending_connect(n, p));
	diam_test_advance(n, H_TC_MIN / 10 + 1);
	c = diam_test_pending_connect(n, p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	diam_test_connected(c, false);
	S(n, "relay.fgw", "Closed");
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_CONNECT_FAILURES), 1);
	diam_test_advance(n, 2 * H_TC_MIN - 1);
	CU_ASSERT_PTR_NULL(diam_test_pending_connect(n, p));
	diam_test_advance(n, 2 * H_TC_MIN / 10 + 1);
	c = diam_test_pending_connect(n, p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	diam_test_connected(c, false);
	diam_test_advance(n, 4 * H_TC_MIN + 400);
	c = diam_test_pending_connect(n, p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	diam_test_connected(c, false);
	/* capped at Tc = 8 s */
	diam_test_advance(n, H_TC - 1);
	CU_ASSERT_PTR_NULL(diam_test_pending_connect(n, p));
	diam_test_advance(n, H_TC / 10 + 1);
	CU_ASSERT_PTR_NOT_NULL(diam_test_pending_connect(n, p));
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_CONNECT_ATTEMPTS), 5);
	diam_node_free(n);
}

static void test_cea_wrong_identity(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;
	struct h_msg *cer;

	diam_node_start(n);
	c = diam_test_pending_connect(n, p);
	diam_test_connected(c, true);
	cer = h_out(c);
	h_send_cea(c, cer, "impostor.fgw", 2001);
	h_msg_free(cer);
	S(n, "relay.fgw", "Closed");
	CU_ASSERT(diam_test_closed(c));
	diam_node_free(n);
}

static void test_cea_timeout_and_non_cea(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;

	diam_node_start(n);
	c = diam_test_pending_connect(n, p);
	diam_test_connected(c, true);
	h_drain(c);
	diam_test_advance(n, 3000);	/* cea_timeout_ms: Timeout -> Error */
	S(n, "relay.fgw", "Closed");
	CU_ASSERT(diam_test_closed(c));
	diam_test_advance(n, H_TC_MIN + 200);
	c = diam_test_pending_connect(n, p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	diam_test_connected(c, true);
	h_drain(c);
	h_send_dwr(c, "relay.fgw", 1);	/* I-Rcv-Non-CEA -> Error */
	S(n, "relay.fgw", "Closed");
	diam_node_free(n);
}

/* RFC 3539: OKAY -> DWR -> DWA; no DWA -> SUSPECT -> DOWN; REOPEN with 3 DWAs */
static void test_watchdog_cycle(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;
	struct h_msg *dwr;

	diam_node_start(n);
	c = h_open(n, p, "relay.fgw");
	W(n, "relay.fgw", "OKAY");
	/* silence for Tw - jitter: nothing yet */
	diam_test_advance(n, H_TW - H_JITTER - 1);
	CU_ASSERT_PTR_NULL(h_out(c));
	diam_test_advance(n, 2 * H_JITTER + 1);
	dwr = h_out(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dwr);
	CU_ASSERT_EQUAL(dwr->m.code, 280);
	CU_ASSERT_EQUAL(h_u32(dwr, 278, 0), 7);
	h_send_dwa(c, dwr, "relay.fgw");
	h_msg_free(dwr);
	W(n, "relay.fgw", "OKAY");
	/* next DWR unanswered: one Tw later the peer is SUSPECT */
	dwr = until_out(n, c, 280);
	CU_ASSERT_PTR_NOT_NULL(dwr);
	h_msg_free(dwr);
	in_tw(until_wd(n, "relay.fgw", "SUSPECT"));
	CU_ASSERT(!diam_app_available(n, DIA_APP_S6A));
	S(n, "relay.fgw", "I-Open");
	/* and one more Tw later the connection is closed: DOWN, reconnecting */
	in_tw(until_wd(n, "relay.fgw", "DOWN"));
	CU_ASSERT(diam_test_closed(c));
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_CLOSED), 1);
	/* reconnect (Tc backoff), open again: REOPEN sends a DWR at once */
	S(n, "relay.fgw", "Closed");
	diam_test_advance(n, H_TC_MIN + 200);
	S(n, "relay.fgw", "Wait-Conn-Ack");
	c = h_open(n, p, "relay.fgw");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	W(n, "relay.fgw", "REOPEN");
	CU_ASSERT(!diam_app_available(n, DIA_APP_S6A));
	for (int k = 0; k < 3; k++) {
		if (k)
			diam_test_advance(n, H_TW + H_JITTER);
		dwr = h_out(c);
		CU_ASSERT_PTR_NOT_NULL_FATAL(dwr);
		CU_ASSERT_EQUAL(dwr->m.code, 280);
		W(n, "relay.fgw", "REOPEN");
		h_send_dwa(c, dwr, "relay.fgw");
		h_msg_free(dwr);
	}
	W(n, "relay.fgw", "OKAY");
	CU_ASSERT(diam_app_available(n, DIA_APP_S6A));
	CU_ASSERT(h_count(n, "relay.fgw", DIAM_C_DWR_TX) >= 5);
	diam_node_free(n);
}

/* REOPEN: an unanswered DWR sets NumDWA to -1; the next one closes */
static void test_watchdog_reopen_fails(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;
	struct h_msg *dwr;

	diam_node_start(n);
	c = h_open(n, p, "relay.fgw");
	diam_test_hangup(c);
	W(n, "relay.fgw", "DOWN");
	diam_test_advance(n, H_TC_MIN + 200);
	c = h_open(n, p, "relay.fgw");
	W(n, "relay.fgw", "REOPEN");
	dwr = h_out(c);
	h_send_dwa(c, dwr, "relay.fgw");	/* NumDWA 1 */
	h_msg_free(dwr);
	diam_test_advance(n, H_TW + H_JITTER);	/* DWR sent, Pending */
	CU_ASSERT_EQUAL(h_expect(c, 280, true), 0);
	diam_test_advance(n, H_TW + H_JITTER);	/* Pending, NumDWA >= 0: NumDWA = -1 */
	W(n, "relay.fgw", "REOPEN");
	S(n, "relay.fgw", "I-Open");
	diam_test_advance(n, H_TW + H_JITTER);	/* Pending, NumDWA < 0: close */
	W(n, "relay.fgw", "DOWN");
	CU_ASSERT(diam_test_closed(c));
	diam_node_free(n);
}

/* SUSPECT -> OKAY on any message from the peer (Failback) */
static void test_watchdog_suspect_failback(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;

	diam_node_start(n);
	c = h_open(n, p, "relay.fgw");
	diam_test_advance(n, H_TW + H_JITTER);
	h_drain(c);
	diam_test_advance(n, H_TW + H_JITTER);
	W(n, "relay.fgw", "SUSPECT");
	h_send_dwr(c, "relay.fgw", 99);		/* non-DWA */
	W(n, "relay.fgw", "OKAY");
	CU_ASSERT_EQUAL(h_expect(c, 280, false), 0);	/* and the DWR is answered */
	diam_node_free(n);
}

/* Traffic resets the watchdog timer: no DWR while messages flow */
static void test_watchdog_traffic(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;

	diam_node_start(n);
	c = h_open(n, p, "relay.fgw");
	for (int i = 0; i < 5; i++) {
		diam_test_advance(n, H_TW - H_JITTER - 100);
		h_send_dwr(c, "relay.fgw", 99);
		CU_ASSERT_EQUAL(h_expect(c, 280, false), 0);	/* only our DWA */
		CU_ASSERT_PTR_NULL(h_out(c));
	}
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_DWR_TX), 0);
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_DWR_RX), 5);
	diam_node_free(n);
}

/* Election won: local "z.agw" > "a.fgw": keep the R connection */
static void test_election_won(void)
{
	struct diam_node *n = h_node("z.agw", false);
	struct diam_peer *p = h_peer(n, "a.fgw", 0, false);
	struct diam_test_conn *ic, *rc;
	struct h_msg *cea;

	diam_node_start(n);
	ic = diam_test_pending_connect(n, p);
	diam_test_connected(ic, true);
	h_drain(ic);
	S(n, "a.fgw", "Wait-I-CEA");
	rc = h_accept(n, "a.fgw", 5);		/* R-Conn-CER: Elect, won */
	S(n, "a.fgw", "R-Open");
	CU_ASSERT(diam_test_closed(ic));
	CU_ASSERT(!diam_test_closed(rc));
	cea = h_out(rc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cea);
	CU_ASSERT_EQUAL(cea->m.code, 257);
	CU_ASSERT_EQUAL(h_u32(cea, 268, 0), 2001);
	h_msg_free(cea);
	CU_ASSERT_EQUAL(h_count(n, "a.fgw", DIAM_C_ELECTIONS_WON), 1);
	W(n, "a.fgw", "OKAY");
	diam_node_free(n);
}

/* Election lost: local "a.agw" < "z.fgw": wait for the CEA on the I connection */
static void test_election_lost(void)
{
	struct diam_node *n = h_node("a.agw", false);
	struct diam_peer *p = h_peer(n, "z.fgw", 0, false);
	struct diam_test_conn *ic, *rc;
	struct h_msg *cer, *cea;

	diam_node_start(n);
	ic = diam_test_pending_connect(n, p);
	diam_test_connected(ic, true);
	cer = h_out(ic);
	rc = h_accept(n, "z.fgw", 5);
	S(n, "z.fgw", "Wait-Returns");
	CU_ASSERT_EQUAL(h_count(n, "z.fgw", DIAM_C_ELECTIONS_LOST), 1);
	CU_ASSERT_PTR_NULL(h_out(rc));
	h_send_cea(ic, cer, "z.fgw", 2001);
	h_msg_free(cer);
	S(n, "z.fgw", "I-Open");
	/* the R connection gets DIAMETER_ELECTION_LOST and goes */
	cea = h_out(rc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cea);
	CU_ASSERT_EQUAL(h_u32(cea, 268, 0), 4003);
	h_msg_free(cea);
	CU_ASSERT(diam_test_closed(rc));
	CU_ASSERT(!diam_test_closed(ic));
	diam_node_free(n);
}

/* Wait-Conn-Ack + R-Conn-CER -> Wait-Conn-Ack/Elect; connect fails -> R-Open */
static void test_elect_conn_nack(void)
{
	struct diam_node *n = h_node("a.agw", false);
	struct diam_peer *p = h_peer(n, "z.fgw", 0, false);
	struct diam_test_conn *ic, *rc;

	diam_node_start(n);
	ic = diam_test_pending_connect(n, p);
	rc = h_accept(n, "z.fgw", 5);
	S(n, "z.fgw", "Wait-Conn-Ack/Elect");
	diam_test_connected(ic, false);
	S(n, "z.fgw", "R-Open");
	CU_ASSERT_EQUAL(h_expect(rc, 257, false), 0);
	diam_node_free(n);
}

/* Wait-Conn-Ack/Elect + I-Rcv-Conn-Ack: CER and Elect -> Wait-Returns -> won */
static void test_elect_conn_ack(void)
{
	struct diam_node *n = h_node("z.agw", false);
	struct diam_peer *p = h_peer(n, "a.fgw", 0, false);
	struct diam_test_conn *ic, *rc;

	diam_node_start(n);
	ic = diam_test_pending_connect(n, p);
	rc = h_accept(n, "a.fgw", 5);
	S(n, "a.fgw", "Wait-Conn-Ack/Elect");
	diam_test_connected(ic, true);
	S(n, "a.fgw", "R-Open");		/* Win-Election right away */
	CU_ASSERT(diam_test_closed(ic));
	CU_ASSERT_EQUAL(h_expect(rc, 257, false), 0);
	diam_node_free(n);
}

static void test_responder_unknown_refused(void)
{
	struct diam_node *n = h_node("hss.core", false);
	struct diam_test_conn *c = h_accept(n, "stranger.net", 1);
	struct h_msg *cea = h_out(c);

	CU_ASSERT_PTR_NOT_NULL_FATAL(cea);
	CU_ASSERT_EQUAL(h_u32(cea, 268, 0), 3010);
	CU_ASSERT(cea->m.flags & DIA_F_ERROR);
	h_msg_free(cea);
	CU_ASSERT(diam_test_closed(c));
	CU_ASSERT_EQUAL(diam_node_counter(n, DIAM_C_CER_REJECTED), 1);
	diam_node_free(n);
}

static void test_responder_dynamic_peer(void)
{
	struct diam_node *n = h_node("hss.core", true);
	struct diam_test_conn *c = h_accept(n, "relay.fgw", 1);
	struct diam_peer_info info[4];

	CU_ASSERT_EQUAL(h_expect(c, 257, false), 0);
	S(n, "relay.fgw", "R-Open");
	W(n, "relay.fgw", "OKAY");
	CU_ASSERT_EQUAL(diam_node_peers(n, info, 4), 1);
	CU_ASSERT(info[0].dynamic);
	diam_test_hangup(c);
	CU_ASSERT_EQUAL(diam_node_peers(n, info, 4), 0);	/* removed */
	diam_node_free(n);
}

static void test_first_message_not_cer(void)
{
	struct diam_node *n = h_node("hss.core", true);
	struct diam_test_conn *c = diam_test_accept(n, DIAM_TCP);

	h_send_dwr(c, "relay.fgw", 1);
	CU_ASSERT(diam_test_closed(c));
	CU_ASSERT_PTR_NULL(h_out(c));
	diam_node_free(n);
}

static void test_cer_no_common_app(void)
{
	struct diam_node *n = h_node("hss.core", true);
	struct diam_test_conn *c = diam_test_accept(n, DIAM_TCP);
	uint8_t buf[256];
	struct dia_builder b;
	struct h_msg *cea;
	int len;

	dia_build_init(&b, buf, sizeof(buf), DIA_F_REQUEST, 257, 0, 1, 2);
	dia_add_str(&b, DA_ORIGIN_HOST, "other.net");
	dia_add_str(&b, DA_ORIGIN_REALM, "net");
	dia_add_u32(&b, DA_AUTH_APPLICATION_ID, 5);	/* Diameter EAP only */
	len = dia_build_finish(&b);
	diam_test_input(c, buf, (size_t)len);
	cea = h_out(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cea);
	CU_ASSERT_EQUAL(h_u32(cea, 268, 0), 5010);
	h_msg_free(cea);
	CU_ASSERT(diam_test_closed(c));
	CU_ASSERT_EQUAL(diam_node_peers(n, NULL, 0), 0);
	diam_node_free(n);
}

/* DPR DO_NOT_WANT_TO_TALK_TO_YOU: DPA, Closing, then no reconnect */
static void test_dpr_no_reconnect(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;

	diam_node_start(n);
	c = h_open(n, p, "relay.fgw");
	h_send_dpr(c, "relay.fgw", DIAM_DC_DO_NOT_WANT_TO_TALK_TO_YOU);
	CU_ASSERT_EQUAL(h_expect(c, 282, false), 0);
	S(n, "relay.fgw", "Closing");
	diam_test_hangup(c);
	S(n, "relay.fgw", "Closed");
	diam_test_advance(n, 10 * H_TC);
	CU_ASSERT_PTR_NULL(diam_test_pending_connect(n, p));
	diam_node_free(n);
}

/* DPR REBOOTING: DPA; the peer does not hang up: dpa timeout closes; reconnect */
static void test_dpr_rebooting(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;

	diam_node_start(n);
	c = h_open(n, p, "relay.fgw");
	h_send_dpr(c, "relay.fgw", DIAM_DC_REBOOTING);
	CU_ASSERT_EQUAL(h_expect(c, 282, false), 0);
	diam_test_advance(n, 2000);
	S(n, "relay.fgw", "Closed");
	CU_ASSERT(diam_test_closed(c));
	diam_test_advance(n, H_TC_MIN + 200);
	CU_ASSERT_PTR_NOT_NULL(diam_test_pending_connect(n, p));
	diam_node_free(n);
}

static int stop_calls;

static void stop_done(void *arg)
{
	stop_calls++;
}

/* node stop: DPR to the open peer, requests cancelled, done after DPA */
static void test_stop_dpr(void)
{
	struct diam_node *n = h_node("mme.agw", false);
	struct diam_peer *p = h_peer(n, "relay.fgw", 0, false);
	struct diam_test_conn *c;
	struct h_ans ans = { 0 };
	struct h_msg *dpr;

	diam_node_start(n);
	c = h_open(n, p, "relay.fgw");
	CU_ASSERT_PTR_NOT_NULL(h_request(n, DIA_APP_S6A, "s;1", &ans));
	h_drain(c);
	stop_calls = 0;
	diam_node_stop(n, DIAM_DC_REBOOTING, stop_done, NULL);
	CU_ASSERT_EQUAL(ans.calls, 1);
	CU_ASSERT_EQUAL(ans.err, -ECANCELED);
	dpr = h_out(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dpr);
	CU_ASSERT_EQUAL(dpr->m.code, 282);
	CU_ASSERT_EQUAL(h_u32(dpr, 273, 0), DIAM_DC_REBOOTING);
	S(n, "relay.fgw", "Closing");
	CU_ASSERT_EQUAL(stop_calls, 0);
	h_send_dpa(c, dpr, "relay.fgw");
	h_msg_free(dpr);
	S(n, "relay.fgw", "Closed");
	CU_ASSERT_EQUAL(stop_calls, 1);
	diam_test_advance(n, 10 * H_TC);
	CU_ASSERT_PTR_NULL(diam_test_pending_connect(n, p));
	diam_node_free(n);
}

/* A restarted client: new CER with another Origin-State-Id replaces the old link */
static void test_peer_restart_replaces(void)
{
	struct diam_node *n = h_node("hss.core", true);
	struct diam_test_conn *c1 = h_accept(n, "relay.fgw", 1), *c2;
	struct h_msg *cea;

	CU_ASSERT_EQUAL(h_expect(c1, 257, false), 0);
	c2 = h_accept(n, "relay.fgw", 1);	/* same state id: R-Reject */
	cea = h_out(c2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(cea);
	CU_ASSERT_EQUAL(h_u32(cea, 268, 0), 5012);
	h_msg_free(cea);
	CU_ASSERT(diam_test_closed(c2));
	CU_ASSERT(!diam_test_closed(c1));
	c2 = h_accept(n, "relay.fgw", 2);	/* restarted */
	CU_ASSERT(diam_test_closed(c1));
	CU_ASSERT(!diam_test_closed(c2));
	CU_ASSERT_EQUAL(h_expect(c2, 257, false), 0);
	S(n, "relay.fgw", "R-Open");
	diam_node_free(n);
}

static void test_framing_error_closes(void)
{
	struct diam_node *n = h_node("hss.core", true);
	struct diam_test_conn *c = h_accept(n, "relay.fgw", 1);
	uint8_t bad[20] = { 1, 0, 0, 13 };	/* length 13: not a multiple of 4 */

	h_drain(c);
	diam_test_input(c, bad, sizeof(bad));
	CU_ASSERT(diam_test_closed(c));
	CU_ASSERT_EQUAL(diam_node_counter(n, DIAM_C_FRAMING_ERRORS), 1);
	diam_node_free(n);
}

/* At most max_unidentified connections wait for a CER; a big first message is refused */
static void test_unidentified_limits(void)
{
	struct diam_node *n = h_node("hss.core", true);
	struct diam_test_conn *c[33];
	uint8_t big[8] = { 1, 0x01, 0x00, 0x04 };	/* length 65540 */

	for (int i = 0; i < 32; i++) {
		c[i] = diam_test_accept(n, DIAM_TCP);
		CU_ASSERT_PTR_NOT_NULL(c[i]);
	}
	CU_ASSERT_PTR_NULL(diam_test_accept(n, DIAM_TCP));
	CU_ASSERT_EQUAL(diam_node_counter(n, DIAM_C_CONNECTIONS_REFUSED), 1);
	diam_test_input(c[0], big, sizeof(big));
	CU_ASSERT(diam_test_closed(c[0]));
	CU_ASSERT_PTR_NOT_NULL(diam_test_accept(n, DIAM_TCP));	/* room again */
	diam_node_free(n);
}

/* Byte-at-a-time delivery reassembles messages */
static void test_split_input(void)
{
	struct diam_node *n = h_node("hss.core", true);
	struct diam_test_conn *c = diam_test_accept(n, DIAM_TCP);
	uint8_t buf[1024];
	size_t len;

	h_send_cer(c, "relay.fgw", 3);
	h_drain(c);
	len = h_build_request(buf, sizeof(buf), DIA_APP_S6A, 318, "relay.fgw", "s;2", 9, 10,
			      false);
	for (size_t i = 0; i < len; i++)
		diam_test_input(c, buf + i, 1);
	/* no handler: 3001, but it is a whole message */
	CU_ASSERT_EQUAL(h_count(n, "relay.fgw", DIAM_C_REQUESTS_RX), 1);
	CU_ASSERT_EQUAL(h_drain(c), 1);
	diam_node_free(n);
}

/* Counters reach lib/metrics: a series per (peer, event) and availability */
static void test_metrics(void)
{
	struct metrics *reg = metrics_new();
	struct diam_node_cfg cfg = { .origin_host = "mme.agw", .origin_realm = "agw",
				     .metrics = reg, .seed = 9 };
	struct diam_app s6a = { .id = DIA_APP_S6A, .vendor = VENDOR_3GPP };
	struct diam_peer_cfg pc = { .host = "relay.fgw", .addr = "192.0.2.9" };
	struct diam_peer *p;
	struct diam_node *n;
	char err[128], *text;
	size_t len;

	n = diam_node_new(&cfg, err, sizeof(err));
	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	diam_node_add_app(n, &s6a);
	diam_node_add_peer(n, &pc, &p, err, sizeof(err));
	diam_node_start(n);
	CU_ASSERT_PTR_NOT_NULL(h_open(n, p, "relay.fgw"));
	text = metrics_render(reg, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"diameter_peer_events_total{peer=\"relay.fgw\",event=\"opened\"} 1"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"diameter_peer_events_total{peer=\"relay.fgw\",event=\"connect_attempts\"} 1"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "diameter_peer_available{peer=\"relay.fgw\"} 1"));
	free(text);
	diam_node_free(n);
	metrics_free(reg);
}

UNIT_SUITE(diam_peer,
	   UNIT_TEST(test_metrics),
	   UNIT_TEST(test_cer_contents),
	   UNIT_TEST(test_cea_refused_and_backoff),
	   UNIT_TEST(test_cea_wrong_identity),
	   UNIT_TEST(test_cea_timeout_and_non_cea),
	   UNIT_TEST(test_watchdog_cycle),
	   UNIT_TEST(test_watchdog_reopen_fails),
	   UNIT_TEST(test_watchdog_suspect_failback),
	   UNIT_TEST(test_watchdog_traffic),
	   UNIT_TEST(test_election_won),
	   UNIT_TEST(test_election_lost),
	   UNIT_TEST(test_elect_conn_nack),
	   UNIT_TEST(test_elect_conn_ack),
	   UNIT_TEST(test_responder_unknown_refused),
	   UNIT_TEST(test_responder_dynamic_peer),
	   UNIT_TEST(test_first_message_not_cer),
	   UNIT_TEST(test_cer_no_common_app),
	   UNIT_TEST(test_dpr_no_reconnect),
	   UNIT_TEST(test_dpr_rebooting),
	   UNIT_TEST(test_stop_dpr),
	   UNIT_TEST(test_peer_restart_replaces),
	   UNIT_TEST(test_framing_error_closes),
	   UNIT_TEST(test_unidentified_limits),
	   UNIT_TEST(test_split_input))
