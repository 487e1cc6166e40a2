// SPDX-License-Identifier: GPL-2.0
/*
 * dpbench traffic: every traffic case of one bearer count, in one process.
 *
 * For each round, direction, size and implementation (the order of the
 * implementations rotates after each case so none always goes first):
 *
 *   - enter the sender's network namespace (enb for uplink, pdn for
 *     downlink) and open the generator there (gen.c);
 *   - send for --warmup seconds, read the far side's counter (rx_packets of
 *     veth-pdn for uplink, veth-enb for downlink, over rtnetlink in the far
 *     namespace), send for --seconds more, read it again;
 *   - received pps = counter delta / time between the two reads.
 *
 * The sender thread reads the counters itself, so there is no start-up
 * skew between a generator and a separate receiver, and no process is
 * started per case.  When all rounds are done, one JSON line per case:
 *   {"impl":..,"direction":"ul"|"dl","size":..,"bearers":..,"pps":MEDIAN,
 *    "samples":[..],"sent_pps":MEDIAN}
 * and one line per sample on stderr while running.
 *
 * --impls is a list of NAME:S1ADDR:UEBASE (space separated): the name
 * "none" sends bare inner packets (raw socket), any other name G-PDUs to
 * S1ADDR port 2152; UEBASE is the first UE address of its pool.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dpbench.h"

#define TR_MAX_IMPLS	4
#define TR_MAX_SIZES	8
#define TR_MAX_REPEAT	15

struct tr_impl {
	char name[16];
	struct in_addr s1, ue;
};

struct tr_side {			/* one direction's far side */
	const char *ns, *dev;		/* where packets are counted */
	const char *send_ns;		/* where they are sent from */
	struct mnl_socket *nl;		/* rtnetlink, in ns */
};

struct tr {
	struct tr_impl impl[TR_MAX_IMPLS];
	int n_impl;
	uint32_t sizes[TR_MAX_SIZES];
	int n_sizes;
	bool dir[2];			/* 0 ul, 1 dl */
	uint32_t bearers, repeat, batch;
	double warmup, window;
	struct in_addr inner_dst;
	struct tr_side side[2];
	uint32_t seq;
	char buf[16384];
	/* samples[impl][dir][size][round] */
	double pps[TR_MAX_IMPLS][2][TR_MAX_SIZES][TR_MAX_REPEAT];
	double sent[TR_MAX_IMPLS][2][TR_MAX_SIZES][TR_MAX_REPEAT];
};

static int ns_enter(const char *ns)
{
	char path[256];
	int fd, err;

	snprintf(path, sizeof(path), "/run/netns/%s", ns);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "dpbench traffic: %s: %s\n", path, strerror(errno));
		return -1;
	}
	err = setns(fd, CLONE_NEWNET);
	if (err)
		fprintf(stderr, "dpbench traffic: setns %s: %s\n", ns, strerror(errno));
	close(fd);
	return err ? -1 : 0;
}

static int stats_cb(const struct nlattr *a, void *data)
{
	if (mnl_attr_get_type(a) == IFLA_STATS64 &&
	    mnl_attr_get_payload_len(a) >= sizeof(struct rtnl_link_stats64)) {
		struct rtnl_link_stats64 st;

		memcpy(&st, mnl_attr_get_payload(a), sizeof(st));
		*(uint64_t *)data = st.rx_packets;
	}
	return MNL_CB_OK;
}

static int link_cb(const struct nlmsghdr *nlh, void *data)
{
	return mnl_attr_parse(nlh, sizeof(struct ifinfomsg), stats_cb, data);
}

/* rx_packets of the far side's device (RTM_GETLINK by name). */
static int rx_packets(struct tr *t, struct tr_side *s, uint64_t *v)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(t->buf);
	uint32_t portid = mnl_socket_get_portid(s->nl);
	struct ifinfomsg *ifm;
	ssize_t n;
	int ret;

	nlh->nlmsg_type = RTM_GETLINK;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	nlh->nlmsg_seq = ++t->seq;
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, s->dev);
	*v = UINT64_MAX;
	if (mnl_socket_sendto(s->nl, nlh, nlh->nlmsg_len) < 0)
		goto fail;
	do {
		n = mnl_socket_recvfrom(s->nl, t->buf, sizeof(t->buf));
		if (n < 0)
			goto fail;
		ret = mnl_cb_run(t->buf, (size_t)n, t->seq, portid, link_cb, v);
	} while (ret > MNL_CB_STOP && *v == UINT64_MAX);
	if (ret < 0)
		goto fail;
	if (*v != UINT64_MAX)
		return 0;
	errno = ENODATA;
fail:
	fprintf(stderr, "dpbench traffic: counters of %s in %s: %s\n", s->dev, s->ns,
		strerror(errno));
	return -1;
}

/* One sample: send warm-up + window, count the far side over the window. */
static int sample(struct tr *t, int ii, int dir, uint32_t size, double *pps, double *sent)
{
	const struct tr_impl *im = &t->impl[ii];
	struct tr_side *s = &t->side[dir];
	struct gen g = {
		.mode = dir ? GEN_UDP_DL : strcmp(im->name, "none") ? GEN_GTPU_UL : GEN_IP_UL,
		.size = size, .bearers = t->bearers, .batch = t->batch,
		.dst = im->s1, .inner_dst = t->inner_dst, .ue_base = im->ue, .fd = -1,
	};
	uint64_t c0 = 0, c1 = 0, s0 = 0;
	double t0, tw0 = 0, now;
	int phase = 0, ret = -1;

	if (ns_enter(s->send_ns) || gen_open(&g))
		goto out;
	t0 = dp_now();
	for (;;) {
		if (gen_send(&g))
			goto out;
		now = dp_now();
		if (phase == 0 && now - t0 >= t->warmup) {
			if (rx_packets(t, s, &c0))
				goto out;
			s0 = g.sent;
			tw0 = dp_now();
			phase = 1;
		} else if (phase == 1 && now - tw0 >= t->window) {
			if (rx_packets(t, s, &c1))
				goto out;
			now = dp_now() - tw0;
			break;
		}
	}
	*pps = (double)(c1 - c0) / now;
	*sent = (double)(g.sent - s0) / now;
	fprintf(stderr, "  %s %s %" PRIu32 " bearers %" PRIu32 ": received %.0f pps, sent %.0f pps\n",
		im->name, dir ? "dl" : "ul", size, t->bearers, *pps, *sent);
	ret = 0;
out:
	gen_close(&g);
	return ret;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(const double *v, uint32_t n)
{
	double s[TR_MAX_REPEAT];

	memcpy(s, v, n * sizeof(*v));
	qsort(s, n, sizeof(*s), cmp_double);
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

static void print_rows(struct tr *t)
{
	for (int d = 0; d < 2; d++) {
		if (!t->dir[d])
			continue;
		for (int si = 0; si < t->n_sizes; si++) {
			for (int ii = 0; ii < t->n_impl; ii++) {
				printf("{\"impl\":\"%s\",\"direction\":\"%s\",\"size\":%" PRIu32
				       ",\"bearers\":%" PRIu32 ",\"pps\":%.0f,\"samples\":[",
				       t->impl[ii].name, d ? "dl" : "ul", t->sizes[si], t->bearers,
				       median(t->pps[ii][d][si], t->repeat));
				for (uint32_t r = 0; r < t->repeat; r++)
					printf("%s%.0f", r ? "," : "", t->pps[ii][d][si][r]);
				printf("],\"sent_pps\":%.0f}\n", median(t->sent[ii][d][si], t->repeat));
			}
		}
	}
}

static int run_all(struct tr *t)
{
	int first = 0;

	for (uint32_t r = 0; r < t->repeat; r++) {
		for (int d = 0; d < 2; d++) {
			if (!t->dir[d])
				continue;
			for (int si = 0; si < t->n_sizes; si++) {
				for (int k = 0; k < t->n_impl; k++) {
					int ii = (first + k) % t->n_impl;

					if (sample(t, ii, d, t->sizes[si], &t->pps[ii][d][si][r],
						   &t->sent[ii][d][si][r]))
						return -1;
				}
				first = (first + 1) % t->n_impl;
			}
		}
	}
	print_rows(t);
	return 0;
}

/* "NAME:S1ADDR:UEBASE" */
static int parse_impl(struct tr *t, char *spec)
{
	char *s1 = strchr(spec, ':'), *ue = s1 ? strchr(s1 + 1, ':') : NULL;
	struct tr_impl *im = &t->impl[t->n_impl];

	if (t->n_impl == TR_MAX_IMPLS || !ue || s1 - spec >= (long)sizeof(im->name) ||
	    s1 == spec) {
		fprintf(stderr, "dpbench traffic: --impls \"%s\": want at most %d of NAME:S1ADDR:UEBASE\n",
			spec, TR_MAX_IMPLS);
		return -1;
	}
	*s1++ = '\0';
	*ue++ = '\0';
	snprintf(im->name, sizeof(im->name), "%s", spec);
	if (dp_ip4("impls", s1, &im->s1) || dp_ip4("impls", ue, &im->ue))
		return -1;
	t->n_impl++;
	return 0;
}

/* Split a space-separated list and hand each word to fn. */
static int each_word(struct tr *t, const char *list, int (*fn)(struct tr *t, char *w))
{
	char *copy = strdup(list), *save = NULL, *w;
	int err = 0;

	if (!copy)
		return -1;
	for (w = strtok_r(copy, " ,", &save); w && !err; w = strtok_r(NULL, " ,", &save))
		err = fn(t, w);
	free(copy);
	return err;
}

static int parse_size(struct tr *t, char *w)
{
	if (t->n_sizes == TR_MAX_SIZES) {
		fprintf(stderr, "dpbench traffic: at most %d --sizes\n", TR_MAX_SIZES);
		return -1;
	}
	return dp_u32("sizes", w, GEN_MIN_SIZE, GEN_MAX_SIZE, &t->sizes[t->n_sizes++]);
}

static int parse_dir(struct tr *t, char *w)
{
	if (strcmp(w, "ul") && strcmp(w, "dl")) {
		fprintf(stderr, "dpbench traffic: --dirs \"%s\": want ul and/or dl\n", w);
		return -1;
	}
	t->dir[!strcmp(w, "dl")] = true;
	return 0;
}

static int traffic_opts(struct tr *t, int argc, char **argv)
{
	struct dp_opt o[] = {
		{ "bearers", "1" }, { "warmup", "1" }, { "seconds", "2" }, { "repeat", "3" },
		{ "sizes", "64 1400" }, { "dirs", "ul dl" }, { "impls", NULL },
		{ "inner-dst", "198.18.0.2" }, { "batch", "64" },
		{ "enb", "enb" }, { "pdn", "pdn" }, { "enb-dev", "veth-enb" },
		{ "pdn-dev", "veth-pdn" },
	};
	const int n = sizeof(o) / sizeof(o[0]);

	if (dp_parse("traffic", argc, argv, o, n) ||
	    dp_u32("bearers", dp_get(o, n, "bearers"), 1, 1u << 24, &t->bearers) ||
	    dp_u32("repeat", dp_get(o, n, "repeat"), 1, TR_MAX_REPEAT, &t->repeat) ||
	    dp_u32("batch", dp_get(o, n, "batch"), 1, GEN_MAX_BATCH, &t->batch) ||
	    dp_seconds("warmup", dp_get(o, n, "warmup"), &t->warmup) ||
	    dp_seconds("seconds", dp_get(o, n, "seconds"), &t->window) ||
	    dp_ip4("inner-dst", dp_get(o, n, "inner-dst"), &t->inner_dst))
		return -1;
	if (!dp_get(o, n, "impls")) {
		fprintf(stderr, "dpbench traffic: --impls is required\n");
		return -1;
	}
	if (each_word(t, dp_get(o, n, "impls"), parse_impl) ||
	    each_word(t, dp_get(o, n, "sizes"), parse_size) ||
	    each_word(t, dp_get(o, n, "dirs"), parse_dir))
		return -1;
	if (!t->n_impl || !t->n_sizes || t->window <= 0) {
		fprintf(stderr, "dpbench traffic: nothing to measure\n");
		return -1;
	}
	t->side[0] = (struct tr_side){ .ns = dp_get(o, n, "pdn"), .dev = dp_get(o, n, "pdn-dev"),
				       .send_ns = dp_get(o, n, "enb") };
	t->side[1] = (struct tr_side){ .ns = dp_get(o, n, "enb"), .dev = dp_get(o, n, "enb-dev"),
				       .send_ns = dp_get(o, n, "pdn") };
	return 0;
}

int dp_cmd_traffic(int argc, char **argv)
{
	struct tr *t = calloc(1, sizeof(*t));
	int ret = 2;

	if (!t) {
		fprintf(stderr, "dpbench traffic: out of memory\n");
		return 1;
	}
	if (traffic_opts(t, argc, argv))
		goto out;
	ret = 1;
	for (int d = 0; d < 2; d++) {
		struct tr_side *s = &t->side[d];

		if (ns_enter(s->ns))
			goto out;
		s->nl = mnl_socket_open(NETLINK_ROUTE);
		if (!s->nl || mnl_socket_bind(s->nl, 0, MNL_SOCKET_AUTOPID) < 0) {
			fprintf(stderr, "dpbench traffic: rtnetlink in %s: %s\n", s->ns,
				strerror(errno));
			goto out;
		}
	}
	if (run_all(t))
		goto out;
	ret = 0;
out:
	for (int d = 0; d < 2; d++)
		if (t->side[d].nl)
			mnl_socket_close(t->side[d].nl);
	free(t);
	return ret;
}
