// SPDX-License-Identifier: GPL-2.0
/*
 * gtpuctl link { add | del | show }: rtnetlink link kind "gtpu", with the
 * bearer count and counters from GTPU_CMD_DEV_GET.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>

#include "gtpuctl.h"

static int link_add(struct ctx *c, int argc, char **argv)
{
	struct gtpnl_link l = { 0 };
	uint64_t n;

	if (argc < 1)
		return err_usage(c, "argument \"NAME\" is required");
	if (!argv[0][0] || strlen(argv[0]) >= IF_NAMESIZE)
		return err_usage(c, "argument \"%s\" is wrong: not a valid device name",
				 argv[0]);
	strcpy(l.ifname, argv[0]);
	for (int i = 1; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		unsigned int bit;

		if (!strcmp(k, "local"))
			bit = GTPNL_L_LOCAL4;
		else if (!strcmp(k, "local6"))
			bit = GTPNL_L_LOCAL6;
		else if (!strcmp(k, "port"))
			bit = GTPNL_L_PORT;
		else if (!strcmp(k, "restart-counter"))
			bit = GTPNL_L_RESTART;
		else if (!strcmp(k, "idle-qlen"))
			bit = GTPNL_L_IDLE_QLEN;
		else if (!strcmp(k, "idle-qlen-dev"))
			bit = GTPNL_L_IDLE_QLEN_DEV;
		else
			return err_usage(c, "argument \"%s\" is wrong: unknown keyword", k);
		if (l.have & bit)
			return err_usage(c, "argument \"%s\" is wrong: given twice", k);
		if (!v)
			return err_usage(c, "argument \"%s\" is wrong: value missing", k);
		l.have |= bit;
		if (bit == GTPNL_L_LOCAL4 && gtpnl_arg_addr4(v, &l.local4))
			return err_usage(c, "argument \"%s\" is wrong: not an IPv4 address", v);
		if (bit == GTPNL_L_LOCAL6 && inet_pton(AF_INET6, v, &l.local6) != 1)
			return err_usage(c, "argument \"%s\" is wrong: not an IPv6 address", v);
		if (bit == GTPNL_L_PORT && (gtpnl_arg_num(v, UINT16_MAX, &n) || !n))
			return err_usage(c, "argument \"%s\" is wrong: port must be 1..65535", v);
		if (bit == GTPNL_L_PORT)
			l.port = (uint16_t)n;
		if (bit == GTPNL_L_RESTART && gtpnl_arg_num(v, UINT8_MAX, &n))
			return err_usage(c, "argument \"%s\" is wrong: restart counter must be 0..255", v);
		if (bit == GTPNL_L_RESTART)
			l.restart_counter = (uint8_t)n;
		if ((bit == GTPNL_L_IDLE_QLEN || bit == GTPNL_L_IDLE_QLEN_DEV) &&
		    gtpnl_arg_num(v, UINT32_MAX, &n))
			return err_usage(c, "argument \"%s\" is wrong: not a number", v);
		if (bit == GTPNL_L_IDLE_QLEN)
			l.idle_qlen = (uint32_t)n;
		if (bit == GTPNL_L_IDLE_QLEN_DEV)
			l.idle_qlen_dev = (uint32_t)n;
	}
	if (!(l.have & (GTPNL_L_LOCAL4 | GTPNL_L_LOCAL6)))
		return err_usage(c, "argument \"local\" or \"local6\" is required");
	if (!ctx_handle(c))
		return 1;
	return gtpnl_link_add(c->h, &l) ? err_kernel(c) : 0;
}

static int link_del(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return err_usage(c, "argument \"NAME\" is required");
	if (argc > 1)
		return err_usage(c, "argument \"%s\" is wrong: unexpected", argv[1]);
	if (!ctx_handle(c))
		return 1;
	return gtpnl_link_del(c->h, argv[0]) ? err_kernel(c) : 0;
}

struct link_list {
	uint32_t only;			/* ifindex filter, 0: all */
	size_t n, cap;
	struct gtpnl_link *v;
};

static int collect_link(const struct gtpnl_link *l, void *data)
{
	struct link_list *ll = data;

	if (ll->only && ll->only != l->ifindex)
		return 0;
	if (ll->n == ll->cap) {
		size_t cap = ll->cap ? ll->cap * 2 : 8;
		struct gtpnl_link *v = realloc(ll->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		ll->v = v;
		ll->cap = cap;
	}
	ll->v[ll->n++] = *l;
	return 0;
}

/* rtnetlink knows the addresses it was given; the device reply knows the
 * bearers and counters.  Either may lack fields (older module). */
static void print_link(struct ctx *c, const struct gtpnl_link *l,
		       const struct gtpnl_dev *d)
{
	bool l4 = l->have & GTPNL_L_LOCAL4, l6 = l->have & GTPNL_L_LOCAL6;
	unsigned int dh = d ? d->have : 0;

	out_obj_begin();
	out_u64("ifindex", "%llu: ", l->ifindex);
	out_str("ifname", "%s: ", l->ifname);
	out_str("state", "<%s> ", l->flags & IFF_UP ? "UP" : "DOWN");
	out_u64("mtu", "mtu %llu ", l->mtu);
	if (l4 || (dh & GTPNL_D_LOCAL4))
		out_addr("local", "local %s ", AF_INET, l4 ? &l->local4 : &d->local4);
	if (l6 || (dh & GTPNL_D_LOCAL6))
		out_addr("local6", "local6 %s ", AF_INET6, l6 ? &l->local6 : &d->local6);
	if (dh & GTPNL_D_PORT)
		out_u64("port", "port %llu ", d->port);
	else
		out_u64("port", "port %llu ", l->have & GTPNL_L_PORT ? l->port : GTPU_PORT);
	if (dh & GTPNL_D_RESTART)
		out_u64("restart_counter", "restart-counter %llu ", d->restart_counter);
	else
		out_u64("restart_counter", "restart-counter %llu ", l->restart_counter);
	if (dh & GTPNL_D_N_BEARERS)
		out_u64("bearers", "bearers %llu", d->n_bearers);
	if (dh & GTPNL_D_IDLE) {
		out_u64("idle_qlen", " idle-qlen %llu", d->idle_qlen);
		out_u64("idle_qlen_dev", " idle-qlen-dev %llu", d->idle_qlen_dev);
		out_u64("idle_queued", " idle-queued %llu", d->idle_queued);
	}
	if (c->stats && (dh & GTPNL_D_STATS))
		out_stats(&d->stats, "    ");
	out_obj_end();
}

static int link_show(struct ctx *c, int argc, char **argv)
{
	struct link_list ll = { 0 };
	int ret = 0;

	if (argc > 1)
		return err_usage(c, "argument \"%s\" is wrong: unexpected", argv[1]);
	if (argc == 1 && !(ll.only = ctx_ifindex(c, argv[0])))
		return 1;
	if (!ctx_handle(c))
		return 1;
	if (gtpnl_link_dump(c->h, collect_link, &ll)) {
		free(ll.v);
		return err_kernel(c);
	}
	if (argc == 1 && !ll.n)
		ret = err_fail(c, "device \"%s\" is not a gtpu device", argv[0]);
	out_list_begin();
	for (size_t i = 0; i < ll.n; i++) {
		struct gtpnl_dev d;
		bool have_d = !gtpnl_dev_get(c->h, ll.v[i].ifindex, &d);

		print_link(c, &ll.v[i], have_d ? &d : NULL);
	}
	out_list_end();
	free(ll.v);
	return ret;
}

static const struct cmd link_cmds[] = {
	{ "add", link_add },
	{ "del", link_del },
	{ "show", link_show },
	{ NULL, NULL },
};

int do_link(struct ctx *c, int argc, char **argv)
{
	return run_table(c, link_cmds, "link", argc, argv);
}
