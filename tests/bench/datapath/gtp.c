// SPDX-License-Identifier: GPL-2.0
/*
 * dpbench gtp: drive the upstream gtp.ko (drivers/net/gtp.c) the way the
 * benchmark drives gtpu.ko with gtpuctl, so both can be measured alike.
 *
 *  1. a UDP socket bound to --local port 2152, kept open for the whole run
 *     (gtp.ko borrows it as its GTPv1-U encapsulation socket);
 *  2. rtnetlink RTM_NEWLINK kind "gtp" with IFLA_GTP_FD1 = that socket,
 *     IFLA_GTP_ROLE = GTP_ROLE_GGSN, IFLA_GTP_PDP_HASHSIZE, created up;
 *  3. --bearers PDP contexts over gtp.ko's generic netlink family "gtp":
 *     GTP_CMD_NEWPDP {GTPA_LINK, GTPA_VERSION = 1, GTPA_I_TEI, GTPA_O_TEI,
 *     GTPA_PEER_ADDRESS, GTPA_MS_ADDRESS}, pipelined as far as gtp.ko's API
 *     allows: one context per request (gtpu.ko takes up to 1024 bearers per
 *     request), up to 64 KiB of requests per sendmsg(), only the last one
 *     asking for an ACK (the kernel reports failures anyway);
 *     prints {"op":"insert",...} and creates the --ready file;
 *  4. waits for SIGTERM or SIGINT, then deletes the first --delete-max
 *     contexts (0: all) with GTP_CMD_DELPDP {GTPA_LINK, GTPA_VERSION,
 *     GTPA_I_TEI}, pipelined the same way (gtpuctl -batch pipelines bearer
 *     deletes too), prints {"op":"delete",...}, deletes the device (and
 *     with it the contexts left) and exits.
 *
 * Bearer i is the one of dpbench.h: the same TEIDs and UE addresses as the
 * gtpu.ko run, so the same generator packets hit it.  Uplink G-PDUs are
 * matched by I_TEI and their inner source must be the MS address (GGSN
 * role); downlink packets routed into the device are matched by MS address.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/gtp.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "dpbench.h"

#define GTP_BATCH_BYTES	(64 * 1024)
#define GTP_MSG_MAX	256		/* room one request needs, with margin */
#define GTP_HASH_MIN	1024		/* gtp.ko's own default */
#define GTP_HASH_MAX	(1u << 19)	/* 2 tables of 4 MiB: kmalloc's limit */

struct gtpb {
	struct mnl_socket *genl, *rtnl;
	uint32_t seq;
	uint16_t family;
	int udp;
	unsigned int ifindex;
	const char *dev, *ready;
	struct in_addr local, peer, ue_base;
	uint32_t bearers, hashsize, delete_max;
	char *buf;			/* GTP_BATCH_BYTES, requests */
	char *rbuf;			/* MNL_SOCKET_BUFFER_SIZE, replies */
	bool reported;			/* first kernel error printed */
};

static int family_cb(const struct nlattr *a, void *data)
{
	if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID &&
	    mnl_attr_validate(a, MNL_TYPE_U16) == 0)
		*(uint16_t *)data = mnl_attr_get_u16(a);
	return MNL_CB_OK;
}

static int family_msg_cb(const struct nlmsghdr *nlh, void *data)
{
	return mnl_attr_parse(nlh, sizeof(struct genlmsghdr), family_cb, data);
}

/* Send one request and read until its ACK; 0 or -errno. */
static int talk(struct gtpb *g, struct mnl_socket *nl, struct nlmsghdr *nlh,
		mnl_cb_t cb, void *data)
{
	uint32_t portid = mnl_socket_get_portid(nl);
	int ret;

	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		ret = (int)mnl_socket_recvfrom(nl, g->rbuf, MNL_SOCKET_BUFFER_SIZE);
		if (ret < 0)
			return -errno;
		ret = mnl_cb_run(g->rbuf, (size_t)ret, nlh->nlmsg_seq, portid, cb, data);
	} while (ret > MNL_CB_STOP);
	return ret < 0 ? -errno : 0;
}

static int genl_open(struct gtpb *g)
{
	struct timeval tv = { .tv_sec = 10 };
	int one = 1, rcvbuf = 8 << 20, fd;
	struct genlmsghdr *gh;
	struct nlmsghdr *nlh;
	int err;

	g->genl = mnl_socket_open(NETLINK_GENERIC);
	if (!g->genl || mnl_socket_bind(g->genl, 0, MNL_SOCKET_AUTOPID) < 0)
		return -errno;
	fd = mnl_socket_get_fd(g->genl);
	/* failures in a batch are reported without a copy of the request */
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));

	nlh = mnl_nlmsg_put_header(g->buf);
	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++g->seq;
	gh = mnl_nlmsg_put_extra_header(nlh, sizeof(*gh));
	gh->cmd = CTRL_CMD_GETFAMILY;
	gh->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, "gtp");
	err = talk(g, g->genl, nlh, family_msg_cb, &g->family);
	if (!err && !g->family)
		err = -ENOENT;
	return err;
}

static int link_add(struct gtpb *g)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET, .sin_port = htons(2152), .sin_addr = g->local,
	};
	struct nlattr *info, *data;
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;
	int err;

	g->udp = socket(AF_INET, SOCK_DGRAM, 0);
	if (g->udp < 0 || bind(g->udp, (struct sockaddr *)&sin, sizeof(sin)))
		return -errno;
	g->rtnl = mnl_socket_open(NETLINK_ROUTE);
	if (!g->rtnl || mnl_socket_bind(g->rtnl, 0, MNL_SOCKET_AUTOPID) < 0)
		return -errno;
	nlh = mnl_nlmsg_put_header(g->buf);
	nlh->nlmsg_type = RTM_NEWLINK;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK;
	nlh->nlmsg_seq = ++g->seq;
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	ifm->ifi_flags = IFF_UP;
	ifm->ifi_change = IFF_UP;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, g->dev);
	info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "gtp");
	data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
	mnl_attr_put_u32(nlh, IFLA_GTP_FD1, (uint32_t)g->udp);
	mnl_attr_put_u32(nlh, IFLA_GTP_ROLE, GTP_ROLE_GGSN);
	mnl_attr_put_u32(nlh, IFLA_GTP_PDP_HASHSIZE, g->hashsize);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, info);
	err = talk(g, g->rtnl, nlh, NULL, NULL);
	if (err)
		return err;
	g->ifindex = if_nametoindex(g->dev);
	return g->ifindex ? 0 : -errno;
}

static int link_del(struct gtpb *g)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(g->buf);
	struct ifinfomsg *ifm;

	nlh->nlmsg_type = RTM_DELLINK;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++g->seq;
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	ifm->ifi_index = (int)g->ifindex;
	return talk(g, g->rtnl, nlh, NULL, NULL);
}

/* GTP_CMD_NEWPDP or GTP_CMD_DELPDP for bearer i at buf. */
static struct nlmsghdr *pdp_msg(struct gtpb *g, void *buf, uint8_t cmd, uint32_t i,
				uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *gh;

	nlh->nlmsg_type = g->family;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++g->seq;
	gh = mnl_nlmsg_put_extra_header(nlh, sizeof(*gh));
	gh->cmd = cmd;
	gh->version = 0;
	mnl_attr_put_u32(nlh, GTPA_LINK, g->ifindex);
	mnl_attr_put_u32(nlh, GTPA_VERSION, GTP_V1);
	mnl_attr_put_u32(nlh, GTPA_I_TEI, DP_TEID_IN + i);
	if (cmd == GTP_CMD_NEWPDP) {
		mnl_attr_put_u32(nlh, GTPA_O_TEI, DP_TEID_OUT + i);
		mnl_attr_put_u32(nlh, GTPA_PEER_ADDRESS, g->peer.s_addr);
		mnl_attr_put_u32(nlh, GTPA_MS_ADDRESS, htonl(ntohl(g->ue_base.s_addr) + i));
	}
	return nlh;
}

static void report(struct gtpb *g, const char *what, uint32_t i, int err)
{
	if (g->reported)
		return;
	g->reported = true;
	fprintf(stderr, "dpbench gtp: %s of bearer %" PRIu32 " (I_TEI %" PRIu32 "): %s\n",
		what, i, DP_TEID_IN + i, strerror(err));
}

/*
 * Send the batch in g->buf (used bytes, the first request for bearer i0,
 * the last one at last) and read its reports: gtp.ko handles the whole
 * buffer inside sendmsg(), so they are queued when it returns.  Returns
 * the failures counted, or -1 when the reports could not be read.
 */
static long batch_flush(struct gtpb *g, size_t used, struct nlmsghdr *last, uint32_t i0)
{
	const struct nlmsghdr *first = (const struct nlmsghdr *)g->buf;
	uint32_t first_seq = first->nlmsg_seq;
	uint32_t portid = mnl_socket_get_portid(g->genl);
	struct genlmsghdr *gh = mnl_nlmsg_get_payload(first);
	const char *what = gh->cmd == GTP_CMD_NEWPDP ? "NEWPDP" : "DELPDP";
	long failed = 0;

	last->nlmsg_flags |= NLM_F_ACK;
	if (mnl_socket_sendto(g->genl, g->buf, used) < 0) {
		fprintf(stderr, "dpbench gtp: sendmsg: %s\n", strerror(errno));
		return -1;
	}
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(g->genl, g->rbuf, MNL_SOCKET_BUFFER_SIZE);
		const struct nlmsghdr *r = (const struct nlmsghdr *)g->rbuf;
		int len = (int)n;

		if (n < 0) {
			fprintf(stderr, "dpbench gtp: reading batch reports: %s\n", strerror(errno));
			return -1;
		}
		for (; mnl_nlmsg_ok(r, len); r = mnl_nlmsg_next(r, &len)) {
			const struct nlmsgerr *e = mnl_nlmsg_get_payload(r);

			if (r->nlmsg_type != NLMSG_ERROR || r->nlmsg_pid != portid)
				continue;
			if (e->error) {
				failed++;
				report(g, what, i0 + (r->nlmsg_seq - first_seq), -e->error);
			}
			if (r->nlmsg_seq == last->nlmsg_seq)
				return failed;
		}
	}
}

/*
 * cmd (NEWPDP or DELPDP) for bearers 0..n-1, pipelined: as many requests
 * as fit GTP_BATCH_BYTES per sendmsg() (gtp.ko takes one PDP context per
 * request).  Times the whole run into secs.
 */
static int pipeline(struct gtpb *g, uint8_t cmd, uint32_t n, double *secs, uint64_t *failed)
{
	uint16_t flags = cmd == GTP_CMD_NEWPDP ? NLM_F_EXCL : 0;
	struct nlmsghdr *last = NULL;
	double t0 = dp_now();
	uint32_t i0 = 0;
	size_t used = 0;
	long f;

	*failed = 0;
	for (uint32_t i = 0; i <= n; i++) {
		if (used && (i == n || GTP_BATCH_BYTES - used < GTP_MSG_MAX)) {
			f = batch_flush(g, used, last, i0);
			if (f < 0)
				return -1;
			*failed += (uint64_t)f;
			used = 0;
			i0 = i;
		}
		if (i == n)
			break;
		last = pdp_msg(g, g->buf + used, cmd, i, flags);
		used += MNL_ALIGN(last->nlmsg_len);
	}
	*secs = dp_now() - t0;
	return 0;
}

static void print_op(const char *op, uint32_t n, double secs, uint64_t failed)
{
	printf("{\"op\":\"%s\",\"bearers\":%" PRIu32 ",\"seconds\":%.3f,\"per_s\":%.0f,"
	       "\"failed\":%" PRIu64 "}\n", op, n, secs, secs > 0 ? n / secs : 0.0, failed);
	fflush(stdout);
}

static int gtp_opts(struct gtpb *g, int argc, char **argv)
{
	struct dp_opt o[] = {
		{ "dev", "gtp0" }, { "local", NULL }, { "peer", NULL }, { "bearers", NULL },
		{ "ue-base", "10.64.0.1" }, { "hashsize", "0" }, { "ready", NULL },
		{ "delete-max", "0" },
	};
	const int n = sizeof(o) / sizeof(o[0]);

	if (dp_parse("gtp", argc, argv, o, n) ||
	    dp_ip4("local", dp_get(o, n, "local"), &g->local) ||
	    dp_ip4("peer", dp_get(o, n, "peer"), &g->peer) ||
	    dp_ip4("ue-base", dp_get(o, n, "ue-base"), &g->ue_base) ||
	    dp_u32("bearers", dp_get(o, n, "bearers"), 0, 1u << 24, &g->bearers) ||
	    dp_u32("hashsize", dp_get(o, n, "hashsize"), 0, GTP_HASH_MAX, &g->hashsize) ||
	    dp_u32("delete-max", dp_get(o, n, "delete-max"), 0, UINT32_MAX, &g->delete_max))
		return -1;
	g->dev = dp_get(o, n, "dev");
	g->ready = dp_get(o, n, "ready");
	if (strlen(g->dev) >= IFNAMSIZ) {
		fprintf(stderr, "dpbench gtp: --dev \"%s\": name too long\n", g->dev);
		return -1;
	}
	/* 0: about one bucket per bearer, within gtp.ko's limits */
	if (!g->hashsize)
		for (g->hashsize = GTP_HASH_MIN;
		     g->hashsize < g->bearers && g->hashsize < GTP_HASH_MAX;)
			g->hashsize <<= 1;
	return 0;
}

/* Block until SIGTERM, SIGINT or SIGHUP (blocked since the start). */
static void wait_signal(const sigset_t *set)
{
	int sig;

	while (sigwait(set, &sig))
		;
}

static int run(struct gtpb *g, const sigset_t *set)
{
	uint32_t ndel;
	uint64_t failed;
	double secs;
	int err;

	err = link_add(g);
	if (err) {
		fprintf(stderr, "dpbench gtp: creating gtp device %s: %s\n", g->dev, strerror(-err));
		return 1;
	}
	err = genl_open(g);
	if (err) {
		fprintf(stderr, "dpbench gtp: generic netlink family \"gtp\": %s\n", strerror(-err));
		return 1;
	}
	if (pipeline(g, GTP_CMD_NEWPDP, g->bearers, &secs, &failed))
		return 1;
	print_op("insert", g->bearers, secs, failed);
	if (g->ready) {
		FILE *f = fopen(g->ready, "w");

		if (!f || fprintf(f, "%u\n", g->ifindex) < 0 || fclose(f)) {
			fprintf(stderr, "dpbench gtp: %s: %s\n", g->ready, strerror(errno));
			return 1;
		}
	}
	wait_signal(set);
	ndel = g->delete_max && g->delete_max < g->bearers ? g->delete_max : g->bearers;
	if (pipeline(g, GTP_CMD_DELPDP, ndel, &secs, &failed))
		return 1;
	print_op("delete", ndel, secs, failed);
	err = link_del(g);
	if (err) {
		fprintf(stderr, "dpbench gtp: deleting %s: %s\n", g->dev, strerror(-err));
		return 1;
	}
	return failed ? 1 : 0;
}

int dp_cmd_gtp(int argc, char **argv)
{
	struct gtpb g = { .udp = -1 };
	sigset_t set;
	int ret = 2;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	if (gtp_opts(&g, argc, argv))
		return 2;
	g.buf = malloc(GTP_BATCH_BYTES);
	g.rbuf = malloc(MNL_SOCKET_BUFFER_SIZE);
	if (g.buf && g.rbuf)
		ret = run(&g, &set);
	else
		fprintf(stderr, "dpbench gtp: out of memory\n");
	if (g.genl)
		mnl_socket_close(g.genl);
	if (g.rtnl)
		mnl_socket_close(g.rtnl);
	if (g.udp >= 0)
		close(g.udp);
	free(g.buf);
	free(g.rbuf);
	return ret;
}
