// SPDX-License-Identifier: GPL-2.0
/*
 * gtpuctl echo and monitor: the commands that listen to the "events"
 * multicast group.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>

#include "gtpuctl.h"

static void print_echo(struct ctx *c, const struct gtpnl_echo *e)
{
	out_str("dev", "dev %s ", ctx_ifname(c, e->ifindex));
	if (e->peer_family)
		out_addr("peer", "peer %s ", e->peer_family, &e->peer);
	if (e->have & GTPNL_E_SEQ)
		out_u64("seq", "seq %llu ", e->seq);
	if (e->have & GTPNL_E_RESTART)
		out_u64("restart_counter", "restart-counter %llu ", e->restart_counter);
	if (e->have & GTPNL_E_RTT)
		out_u64("rtt_ns", "rtt %llu ns", e->rtt_ns);
}

static const char *event_name(uint8_t cmd)
{
	switch (cmd) {
	case GTPU_CMD_BEARER_NEW:
		return "bearer-new";
	case GTPU_CMD_BEARER_DELETED:
		return "bearer-deleted";
	case GTPU_CMD_ECHO_RESPONSE:
		return "echo-response";
	case GTPU_CMD_DOWNLINK_DATA:
		return "downlink-data";
	case GTPU_CMD_USAGE:
		return "usage";
	case GTPU_CMD_ERROR_INDICATION:
		return "error-indication";
	default:
		return "unknown";
	}
}

static int print_event(const struct gtpnl_event *ev, void *data)
{
	struct ctx *c = data;

	out_obj_begin();
	out_str("event", "%s ", event_name(ev->cmd));
	if (ev->cmd == GTPU_CMD_ECHO_RESPONSE) {
		print_echo(c, &ev->echo);
	} else if (ev->cmd == GTPU_CMD_ERROR_INDICATION) {
		const struct gtpnl_err_ind *e = &ev->err_ind;

		out_str("dev", "dev %s ", ctx_ifname(c, e->ifindex));
		if (e->peer_family)
			out_addr("peer", "peer %s ", e->peer_family, &e->peer);
		out_u64("teid", "teid %llu ", e->teid);
		if (e->have_bearer) {
			out_nest_begin("bearer");
			out_text("bearer: ");
			print_bearer(c, &e->bearer, false);
			out_nest_end();
		}
	} else {
		print_bearer(c, &ev->bearer, false);
	}
	out_obj_end();
	fflush(stdout);
	return 0;
}

int do_monitor(struct ctx *c, int argc, char **argv)
{
	if (argc)
		return err_usage(c, "argument \"%s\" is wrong: unexpected", argv[0]);
	if (!ctx_handle(c))
		return 1;
	if (gtpnl_events_subscribe(c->h))
		return err_kernel(c);
	for (;;) {
		int n = gtpnl_events_read(c->h, print_event, c);

		if (n == -ENOBUFS)
			fprintf(stderr, "Warning: %s\n", gtpnl_errmsg(c->h));
		else if (n < 0)
			return err_kernel(c);
	}
}

struct echo_wait {
	struct gtpnl_echo want;
	struct gtpnl_echo got;
	bool found;
};

static int echo_match(const struct gtpnl_event *ev, void *data)
{
	struct echo_wait *w = data;
	const struct gtpnl_echo *e = &ev->echo;

	if (ev->cmd != GTPU_CMD_ECHO_RESPONSE || w->found ||
	    e->ifindex != w->want.ifindex || !(e->have & GTPNL_E_SEQ) ||
	    e->seq != w->want.seq)
		return 0;
	w->got = *e;
	w->found = true;
	return 0;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for the matching ECHO_RESPONSE on @ev until @timeout_s passes. */
static int echo_wait(struct ctx *c, struct gtpnl *ev, struct echo_wait *w,
		     unsigned int timeout_s)
{
	int64_t end = now_ms() + (int64_t)timeout_s * 1000;
	struct pollfd p = { .fd = gtpnl_fd(ev), .events = POLLIN };

	while (!w->found) {
		int64_t left = end - now_ms();
		int n;

		if (left <= 0)
			return 0;
		n = poll(&p, 1, (int)left);
		if (n < 0 && errno != EINTR)
			return err_fail(c, "poll: %s", strerror(errno));
		if (n <= 0)
			continue;
		n = gtpnl_events_read(ev, echo_match, w);
		if (n < 0 && n != -ENOBUFS)
			return err_fail(c, "%s", gtpnl_errmsg(ev));
	}
	return 0;
}

static int echo_args(struct ctx *c, int argc, char **argv, struct echo_wait *w,
		     unsigned int *timeout)
{
	for (int i = 0; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		uint64_t n;

		if (strcmp(k, "dev") && strcmp(k, "peer") && strcmp(k, "timeout"))
			return err_usage(c, "argument \"%s\" is wrong: unknown keyword", k);
		if (!v)
			return err_usage(c, "argument \"%s\" is wrong: value missing", k);
		if (!strcmp(k, "dev") && !(w->want.ifindex = ctx_ifindex(c, v)))
			return 1;
		if (!strcmp(k, "peer") &&
		    gtpnl_arg_addr(v, &w->want.peer_family, &w->want.peer))
			return err_usage(c, "argument \"%s\" is wrong: not an IPv4 or IPv6 address", v);
		if (!strcmp(k, "timeout") &&
		    (gtpnl_arg_num(v, 3600, &n) || !n))
			return err_usage(c, "argument \"%s\" is wrong: timeout must be 1..3600 seconds", v);
		if (!strcmp(k, "timeout"))
			*timeout = (unsigned int)n;
	}
	if (!w->want.ifindex)
		return err_usage(c, "argument \"dev\" is required");
	if (!w->want.peer_family)
		return err_usage(c, "argument \"peer\" is required");
	return 0;
}

int do_echo(struct ctx *c, int argc, char **argv)
{
	struct echo_wait w = { 0 };
	unsigned int timeout = 3;
	struct gtpnl *ev;
	int ret = echo_args(c, argc, argv, &w, &timeout);

	if (ret)
		return ret;
	if (!ctx_handle(c))
		return 1;
	/* listen before asking, so that a fast answer is not missed */
	if (gtpnl_open(&ev))
		return err_fail(c, "cannot open netlink socket");
	if (gtpnl_events_subscribe(ev)) {
		ret = err_fail(c, "%s", gtpnl_errmsg(ev));
		goto out;
	}
	if (gtpnl_echo(c->h, w.want.ifindex, w.want.peer_family, &w.want.peer,
		       &w.want.seq)) {
		ret = err_kernel(c);
		goto out;
	}
	ret = echo_wait(c, ev, &w, timeout);
	if (!ret && !w.found)
		ret = err_fail(c, "no Echo Response within %u s (seq %u)",
			       timeout, w.want.seq);
	if (!ret) {
		out_obj_begin();
		print_echo(c, &w.got);
		out_obj_end();
	}
out:
	gtpnl_close(ev);
	return ret;
}
