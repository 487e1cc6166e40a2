// SPDX-License-Identifier: GPL-2.0
/*
 * The traffic generator of the datapath benchmark (used by `dpbench traffic`;
 * `dpbench gen` runs it alone, as a load generator).
 *
 * The same inner packet is used for every implementation: an IPv4/UDP
 * packet of --size bytes in total (IPv4 header 20, UDP header 8, payload),
 * from UE address ue_base + i to the PDN host (uplink) or from the PDN host
 * to ue_base + i (downlink), i visiting the --bearers bearers in the order
 * of dp_stride().  Three ways to send it:
 *
 *   gtpu-ul  UDP socket, to --dst port 2152: an 8-byte GTP-U header
 *            (TS 29.281 5.1: version 1, PT 1, no optional fields, message
 *            type 255 G-PDU, length, TEID DP_TEID_IN + i) + the inner packet
 *   ip-ul    raw socket (IPPROTO_RAW): the inner packet itself, routed by
 *            the gateway namespace (the no-tunnel ceiling)
 *   udp-dl   UDP socket, to ue_base + i port 9: the inner packet's payload,
 *            so the IP packet leaving the PDN host is the inner packet
 *
 * Packets are built once, --batch of them per sendmmsg() call; per packet
 * only the TEID, the UE address and the IPv4 header checksum are rewritten.
 * Runs for --seconds or until SIGTERM/SIGINT, then prints {"mode":..,
 * "size":..,"bearers":..,"sent":..,"errors":..,"seconds":..,"pps":..}:
 * what was sent, not what arrived (dpbench count measures that at the far
 * side).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "dpbench.h"

#define GEN_GTPU_HLEN	8	/* mandatory part of the GTPv1-U header */
#define GEN_SPORT	40000	/* inner UDP source port */
#define GEN_DPORT	9	/* inner UDP destination port (discard) */

static volatile sig_atomic_t gen_stop;

static void on_signal(int sig)
{
	gen_stop = 1;
}

static uint16_t ip_csum(const struct iphdr *ip)
{
	const uint16_t *w = (const uint16_t *)ip;
	uint32_t sum = 0;

	for (int i = 0; i < 10; i++)
		sum += w[i];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* The inner IPv4/UDP packet of g->size bytes, addresses filled in later. */
static void inner_build(uint8_t *p, uint32_t size)
{
	struct iphdr *ip = (struct iphdr *)p;
	struct udphdr *udp = (struct udphdr *)(p + sizeof(*ip));

	for (uint32_t i = 0; i < size; i++)
		p[i] = (uint8_t)i;
	memset(p, 0, sizeof(*ip) + sizeof(*udp));
	ip->version = 4;
	ip->ihl = 5;
	ip->tot_len = htons((uint16_t)size);
	ip->ttl = 64;
	ip->protocol = IPPROTO_UDP;
	udp->source = htons(GEN_SPORT);
	udp->dest = htons(GEN_DPORT);
	udp->len = htons((uint16_t)(size - sizeof(*ip)));
	/* UDP checksum 0: none (RFC 768), valid for IPv4 */
}

/* Rewrite packet j of the batch for bearer i. */
static void packet_set(struct gen *g, uint32_t j, uint32_t i)
{
	uint8_t *p = g->bufs + (size_t)j * g->slot;
	uint32_t ue = htonl(ntohl(g->ue_base.s_addr) + i);
	struct iphdr *ip;

	switch (g->mode) {
	case GEN_GTPU_UL: {
		uint32_t teid = htonl(DP_TEID_IN + i);

		memcpy(p + 4, &teid, 4);
		p += GEN_GTPU_HLEN;
	}
		/* fall through */
	case GEN_IP_UL:
		ip = (struct iphdr *)p;
		ip->saddr = ue;
		ip->check = 0;
		ip->check = ip_csum(ip);
		break;
	case GEN_UDP_DL:
		g->names[j].sin_addr.s_addr = ue;
		break;
	}
}

/* Packet j of the batch, with everything that does not depend on the bearer. */
static void slot_init(struct gen *g, uint32_t j)
{
	size_t hlen = g->mode == GEN_GTPU_UL ? GEN_GTPU_HLEN : 0;
	uint8_t *p = g->bufs + (size_t)j * g->slot;
	struct sockaddr_in *sin = &g->names[j];

	sin->sin_family = AF_INET;
	if (g->mode == GEN_GTPU_UL) {
		uint16_t plen = htons((uint16_t)g->size);

		p[0] = 0x30;	/* version 1, PT 1, E = S = PN = 0 */
		p[1] = 0xff;	/* G-PDU */
		memcpy(p + 2, &plen, 2);
		sin->sin_addr = g->dst;
		sin->sin_port = htons(GEN_GTPU_PORT);
	} else {
		sin->sin_addr = g->inner_dst;
	}
	inner_build(p + hlen, g->size);
	if (g->mode != GEN_UDP_DL) {
		struct iphdr *ip = (struct iphdr *)(p + hlen);

		ip->daddr = g->inner_dst.s_addr;
		g->iov[j].iov_base = p;
		g->iov[j].iov_len = hlen + g->size;
	} else {
		sin->sin_port = htons(GEN_DPORT);
		g->iov[j].iov_base = p + GEN_MIN_SIZE;
		g->iov[j].iov_len = g->size - GEN_MIN_SIZE;
	}
	g->msgs[j].msg_hdr.msg_iov = &g->iov[j];
	g->msgs[j].msg_hdr.msg_iovlen = 1;
	g->msgs[j].msg_hdr.msg_name = sin;
	g->msgs[j].msg_hdr.msg_namelen = sizeof(*sin);
}

int gen_open(struct gen *g)
{
	int sndbuf = 4 << 20;

	g->step = dp_stride(g->bearers);
	g->idx = 0;
	g->sent = g->errors = 0;
	g->first_err = 0;
	if (!g->batch)
		g->batch = GEN_BATCH;
	g->slot = (g->size + GEN_GTPU_HLEN + 63) & ~(size_t)63;
	g->bufs = calloc(g->batch, g->slot);
	g->msgs = calloc(g->batch, sizeof(*g->msgs));
	g->iov = calloc(g->batch, sizeof(*g->iov));
	g->names = calloc(g->batch, sizeof(*g->names));
	if (!g->bufs || !g->msgs || !g->iov || !g->names) {
		fprintf(stderr, "dpbench: out of memory\n");
		return -1;
	}
	if (g->mode == GEN_IP_UL)
		g->fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	else
		g->fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (g->fd < 0) {
		fprintf(stderr, "dpbench: socket: %s\n", strerror(errno));
		return -1;
	}
	if (setsockopt(g->fd, SOL_SOCKET, SO_SNDBUFFORCE, &sndbuf, sizeof(sndbuf)))
		setsockopt(g->fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
	for (uint32_t j = 0; j < g->batch; j++)
		slot_init(g, j);
	return 0;
}

int gen_send(struct gen *g)
{
	int n;

	for (uint32_t j = 0; j < g->batch; j++) {
		packet_set(g, j, g->idx);
		g->idx += g->step;
		if (g->idx >= g->bearers)
			g->idx -= g->bearers;
	}
	n = sendmmsg(g->fd, g->msgs, g->batch, 0);
	if (n >= 0) {
		g->sent += (uint64_t)n;
		return 0;
	}
	if (errno != ENOBUFS && errno != EAGAIN && errno != ECONNREFUSED &&
	    errno != EHOSTUNREACH && errno != ENETUNREACH && errno != EINTR) {
		fprintf(stderr, "dpbench: sendmmsg: %s\n", strerror(errno));
		return -1;
	}
	if (!g->first_err)
		g->first_err = errno;
	g->errors++;
	return 0;
}

void gen_close(struct gen *g)
{
	if (g->first_err)
		fprintf(stderr, "dpbench: %" PRIu64 " sendmmsg calls failed, first: %s\n",
			g->errors, strerror(g->first_err));
	if (g->fd >= 0)
		close(g->fd);
	g->fd = -1;
	free(g->bufs);
	free(g->msgs);
	free(g->iov);
	free(g->names);
	g->bufs = NULL;
	g->msgs = NULL;
	g->iov = NULL;
	g->names = NULL;
}

const char *gen_mode_name(enum gen_mode m)
{
	return m == GEN_GTPU_UL ? "gtpu-ul" : m == GEN_IP_UL ? "ip-ul" : "udp-dl";
}

static int gen_run(struct gen *g)
{
	double t0 = dp_now(), end = t0 + g->seconds, t;

	do {
		if (gen_send(g))
			return -1;
		t = dp_now();
	} while (t < end && !gen_stop);
	printf("{\"mode\":\"%s\",\"size\":%" PRIu32 ",\"bearers\":%" PRIu32 ",\"sent\":%" PRIu64
	       ",\"errors\":%" PRIu64 ",\"seconds\":%.3f,\"pps\":%.0f}\n",
	       gen_mode_name(g->mode), g->size, g->bearers, g->sent, g->errors, t - t0,
	       (double)g->sent / (t - t0));
	return 0;
}

static int gen_opts(struct gen *g, int argc, char **argv)
{
	struct dp_opt o[] = {
		{ "mode", NULL }, { "size", NULL }, { "bearers", "1" }, { "seconds", NULL },
		{ "dst", "172.31.0.1" }, { "inner-dst", "198.18.0.2" },
		{ "ue-base", "10.64.0.1" }, { "batch", "64" },
	};
	const int n = sizeof(o) / sizeof(o[0]);
	const char *mode;

	if (dp_parse("gen", argc, argv, o, n))
		return -1;
	mode = dp_get(o, n, "mode");
	if (!mode) {
		fprintf(stderr, "dpbench gen: --mode is required\n");
		return -1;
	}
	if (!strcmp(mode, "gtpu-ul")) {
		g->mode = GEN_GTPU_UL;
	} else if (!strcmp(mode, "ip-ul")) {
		g->mode = GEN_IP_UL;
	} else if (!strcmp(mode, "udp-dl")) {
		g->mode = GEN_UDP_DL;
	} else {
		fprintf(stderr, "dpbench gen: --mode \"%s\": want gtpu-ul, ip-ul or udp-dl\n", mode);
		return -1;
	}
	if (dp_u32("size", dp_get(o, n, "size"), GEN_MIN_SIZE, GEN_MAX_SIZE, &g->size) ||
	    dp_u32("bearers", dp_get(o, n, "bearers"), 1, 1u << 24, &g->bearers) ||
	    dp_u32("batch", dp_get(o, n, "batch"), 1, GEN_MAX_BATCH, &g->batch) ||
	    dp_seconds("seconds", dp_get(o, n, "seconds"), &g->seconds) ||
	    dp_ip4("dst", dp_get(o, n, "dst"), &g->dst) ||
	    dp_ip4("inner-dst", dp_get(o, n, "inner-dst"), &g->inner_dst) ||
	    dp_ip4("ue-base", dp_get(o, n, "ue-base"), &g->ue_base))
		return -1;
	return 0;
}

int dp_cmd_gen(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };	/* no SA_RESTART */
	struct gen g = { .fd = -1 };
	int ret = 2;

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	if (gen_opts(&g, argc, argv))
		goto out;
	ret = 1;
	if (gen_open(&g) || gen_run(&g))
		goto out;
	ret = 0;
out:
	gen_close(&g);
	return ret;
}
