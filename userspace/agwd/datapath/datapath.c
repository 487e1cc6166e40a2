// SPDX-License-Identifier: GPL-2.0
/*
 * Datapath front end and its two back ends: the recorder (a hash of
 * bearers by TEID) and gtpnl (netlink to gtpu.ko, events on the loop).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/datapath/datapath.h"
#include "gtpnl/gtpnl.h"
#include "lib/log.h"

#define MOD "datapath"
#define REC_BUCKETS 4096

struct rec_node {
	struct rec_node *next;
	struct dp_bearer b;
};

struct datapath {
	struct agwd *d;
	bool recorder;
	/* recorder */
	struct rec_node **rb;
	size_t rn, rcount;
	/* gtpnl */
	struct gtpnl *h, *ev;
	uint32_t ifindex;
	dp_downlink_fn dl_fn;
	void *dl_arg;
	/* the kernel has no idle state (family version 1): delete/re-add */
	bool idle_by_delete;
	struct dp_stats st;
};

/* ------------------------------------------------------------ recorder --- */

static struct rec_node **rec_slot(struct datapath *dp, uint32_t teid)
{
	struct rec_node **p = &dp->rb[(teid * 2654435761u) & (dp->rn - 1)];

	while (*p && (*p)->b.teid_in != teid)
		p = &(*p)->next;
	return p;
}

static void rec_grow(struct datapath *dp)
{
	size_t n = dp->rn * 2;
	struct rec_node **b = calloc(n, sizeof(*b));

	if (!b)
		return;
	for (size_t i = 0; i < dp->rn; i++) {
		for (struct rec_node *r = dp->rb[i], *next; r; r = next) {
			size_t j = (r->b.teid_in * 2654435761u) & (n - 1);

			next = r->next;
			r->next = b[j];
			b[j] = r;
		}
	}
	free(dp->rb);
	dp->rb = b;
	dp->rn = n;
}

static int rec_add(struct datapath *dp, const struct dp_bearer *b)
{
	struct rec_node **p, *r;

	if (dp->rcount >= dp->rn)
		rec_grow(dp);
	p = rec_slot(dp, b->teid_in);
	if (*p)
		return -EEXIST;
	r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	r->b = *b;
	r->b.tft = NULL;	/* the caller's storage */
	*p = r;
	dp->rcount++;
	return 0;
}

static int rec_del(struct datapath *dp, uint32_t teid)
{
	struct rec_node **p = rec_slot(dp, teid), *r = *p;

	if (!r)
		return -ENOENT;
	*p = r->next;
	free(r);
	dp->rcount--;
	return 0;
}

/* --------------------------------------------------------------- gtpnl --- */

static void to_gtpnl(struct datapath *dp, const struct dp_bearer *b, struct gtpnl_bearer *g)
{
	memset(g, 0, sizeof(*g));
	g->ifindex = dp->ifindex;
	g->teid_in = b->teid_in;
	g->teid_out = b->teid_out;
	g->have = GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_EBI | GTPNL_B_COOKIE;
	g->peer_family = b->peer_family;
	if (b->peer_family == AF_INET6)
		g->peer.v6 = b->peer6;
	else
		g->peer.v4 = b->peer4;
	if (b->has_ue4) {
		g->have |= GTPNL_B_UE4;
		g->ue4 = b->ue4;
	}
	if (b->has_ue6) {
		g->have |= GTPNL_B_UE6;
		g->ue6 = b->ue6;
		g->ue6_plen = 64;
	}
	g->ebi = b->ebi;
	g->cookie = b->cookie;
	if (b->tft) {
		g->have |= GTPNL_B_TFT;
		dp_tft_to_gtpnl(b->tft, b->ebi, &g->tft);
	}
	if (b->mbr_ul) {
		g->have |= GTPNL_B_MBR_UL;
		g->mbr_ul = b->mbr_ul;
	}
	if (b->mbr_dl) {
		g->have |= GTPNL_B_MBR_DL;
		g->mbr_dl = b->mbr_dl;
	}
	if (b->ambr_group) {
		g->have |= GTPNL_B_AMBR_GROUP;
		g->ambr_group = b->ambr_group;
	}
}

static void from_gtpnl(const struct gtpnl_bearer *g, struct dp_bearer *b)
{
	memset(b, 0, sizeof(*b));
	b->teid_in = g->teid_in;
	b->teid_out = g->teid_out;
	b->peer_family = g->peer_family;
	if (g->peer_family == AF_INET6)
		b->peer6 = g->peer.v6;
	else
		b->peer4 = g->peer.v4;
	b->has_ue4 = g->have & GTPNL_B_UE4;
	b->ue4 = g->ue4;
	b->has_ue6 = g->have & GTPNL_B_UE6;
	b->ue6 = g->ue6;
	b->ebi = g->ebi;
	b->cookie = g->cookie;
}

static int nl_fail(struct datapath *dp, const char *what, uint32_t teid, int ret)
{
	dp->st.errors++;
	log_err(MOD, "%s TEID 0x%08x: %s%s%s", what, teid, strerror(-ret),
		*gtpnl_errmsg(dp->h) ? ": " : "", gtpnl_errmsg(dp->h));
	return ret;
}

static int on_event(const struct gtpnl_event *ev, void *arg)
{
	struct datapath *dp = arg;

	dp->st.events++;
	if (ev->cmd == GTPU_CMD_DOWNLINK_DATA) {
		/* first downlink packet queued on an idle bearer: page the UE */
		log_debug(MOD, "kernel: downlink data for idle bearer TEID 0x%08x",
			  ev->bearer.teid_in);
		dp->st.downlink_data++;
		if (dp->dl_fn)
			dp->dl_fn(dp->dl_arg, ev->bearer.teid_in, ev->bearer.cookie);
		return 0;
	}
	if (ev->cmd == GTPU_CMD_BEARER_DELETED || ev->cmd == GTPU_CMD_BEARER_NEW)
		log_debug(MOD, "kernel: bearer TEID 0x%08x %s", ev->bearer.teid_in,
			  ev->cmd == GTPU_CMD_BEARER_NEW ? "added" : "deleted");
	return 0;
}

static void on_events(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct datapath *dp = arg;
	int ret = gtpnl_events_read(dp->ev, on_event, dp);

	if (ret == -ENOBUFS)
		log_warn(MOD, "kernel events lost (socket buffer overrun)");
}

static int gtpnl_start(struct datapath *dp, char *err, size_t size)
{
	int ret = gtpnl_open(&dp->h);

	if (ret) {
		snprintf(err, size, "gtpnl: %s", strerror(-ret));
		return ret;
	}
	if (!gtpnl_family(dp->h)) {
		snprintf(err, size, "gtpnl: the gtpu family is not registered (module not loaded?)");
		return -ENOENT;
	}
	dp->ifindex = gtpnl_ifindex(dp->h, dp->d->cfg.gtpu.device);
	if (!dp->ifindex) {
		snprintf(err, size, "gtpu.device %s: %s", dp->d->cfg.gtpu.device,
			 gtpnl_errmsg(dp->h));
		return -ENODEV;
	}
	ret = gtpnl_open(&dp->ev);
	if (!ret)
		ret = gtpnl_events_subscribe(dp->ev);
	if (!ret)
		ret = ev_io_add(dp->d->loop, gtpnl_fd(dp->ev), EV_READ, on_events, dp);
	if (ret)
		snprintf(err, size, "gtpnl events: %s", strerror(-ret));
	return ret;
}

/* ----------------------------------------------------------------- API --- */

int dp_open(struct agwd *d, struct datapath **out, char *err, size_t err_size)
{
	struct datapath *dp = calloc(1, sizeof(*dp));
	int ret = 0;

	if (!dp)
		return -ENOMEM;
	dp->d = d;
	dp->recorder = !d->cfg.gtpu.enabled;
	dp->rn = REC_BUCKETS;
	dp->rb = calloc(dp->rn, sizeof(*dp->rb));
	if (!dp->rb)
		ret = -ENOMEM;
	else if (!dp->recorder)
		ret = gtpnl_start(dp, err, err_size);
	if (ret) {
		dp_close(dp);
		return ret;
	}
	*out = dp;
	return 0;
}

void dp_close(struct datapath *dp)
{
	if (!dp)
		return;
	for (size_t i = 0; dp->rb && i < dp->rn; i++)
		for (struct rec_node *r = dp->rb[i], *next; r; r = next) {
			next = r->next;
			free(r);
		}
	free(dp->rb);
	if (dp->ev) {
		ev_io_del(dp->d->loop, gtpnl_fd(dp->ev));
		gtpnl_close(dp->ev);
	}
	if (dp->h)
		gtpnl_close(dp->h);
	free(dp);
}

bool dp_is_recorder(const struct datapath *dp)
{
	return dp->recorder;
}

bool dp_keeps_idle(const struct datapath *dp)
{
	return !dp->recorder && !dp->idle_by_delete;
}

int dp_bearer_add(struct datapath *dp, const struct dp_bearer *b)
{
	struct gtpnl_bearer g;
	int ret;

	dp->st.adds++;
	if (dp->recorder) {
		ret = rec_add(dp, b);
		if (ret)
			dp->st.errors++;
		return ret;
	}
	to_gtpnl(dp, b, &g);
	ret = gtpnl_bearer_add(dp->h, &g);
	return ret ? nl_fail(dp, "add", b->teid_in, ret) : 0;
}

int dp_bearer_mod(struct datapath *dp, const struct dp_bearer *b)
{
	struct gtpnl_bearer g;
	int ret;

	dp->st.mods++;
	if (dp->recorder) {
		struct rec_node *r = *rec_slot(dp, b->teid_in);

		if (!r) {
			dp->st.errors++;
			return -ENOENT;
		}
		r->b.teid_out = b->teid_out;
		r->b.peer_family = b->peer_family;
		r->b.peer4 = b->peer4;
		r->b.peer6 = b->peer6;
		return 0;
	}
	to_gtpnl(dp, b, &g);
	g.have &= ~(unsigned int)(GTPNL_B_UE4 | GTPNL_B_UE6);
	ret = gtpnl_bearer_mod(dp->h, &g);
	return ret ? nl_fail(dp, "mod", b->teid_in, ret) : 0;
}

int dp_ambr_set(struct datapath *dp, uint32_t group, uint64_t ul, uint64_t dl)
{
	struct gtpnl_ambr a = {
		.ifindex = dp->ifindex, .group = group,
		.have = GTPNL_A_UL | GTPNL_A_DL, .ul = ul, .dl = dl,
	};
	int ret;

	if (dp->recorder || !group)
		return 0;
	ret = gtpnl_ambr_set(dp->h, &a);
	return ret ? nl_fail(dp, "ambr", group, ret) : 0;
}

int dp_bearer_del(struct datapath *dp, uint32_t teid)
{
	int ret;

	dp->st.dels++;
	if (dp->recorder) {
		ret = rec_del(dp, teid);
		if (ret)
			dp->st.errors++;
		return ret;
	}
	ret = gtpnl_bearer_del(dp->h, dp->ifindex, teid);
	return ret ? nl_fail(dp, "del", teid, ret) : 0;
}

/*
 * Idle (ECM-IDLE): the kernel keeps the bearer, queues its downlink and
 * raises DOWNLINK_DATA (gtpnl_bearer_idle).  A gtpu.ko without idle bearers
 * (family version 1) refuses the STATE attribute with EINVAL: from then on
 * idle means deleting the bearer and active adding it back.
 */
int dp_set_idle(struct datapath *dp, const struct dp_bearer *b)
{
	int ret;

	dp->st.idles++;
	if (dp->recorder || dp->idle_by_delete)
		return dp_bearer_del(dp, b->teid_in);
	ret = gtpnl_bearer_idle(dp->h, dp->ifindex, b->teid_in);
	if (ret == -EINVAL || ret == -EOPNOTSUPP) {
		log_notice(MOD, "gtpu.ko has no idle bearers (%s): idle bearers are deleted",
			   gtpnl_errmsg(dp->h));
		dp->idle_by_delete = true;
		return dp_bearer_del(dp, b->teid_in);
	}
	return ret ? nl_fail(dp, "idle", b->teid_in, ret) : 0;
}

int dp_set_active(struct datapath *dp, const struct dp_bearer *b)
{
	struct gtpnl_bearer g;
	int ret;

	dp->st.actives++;
	if (dp->recorder || dp->idle_by_delete)
		return dp_bearer_add(dp, b);
	to_gtpnl(dp, b, &g);
	g.have &= (unsigned int)(GTPNL_B_TEID_OUT | GTPNL_B_PEER);
	ret = gtpnl_bearer_active(dp->h, &g);
	if (ret == -EINVAL || ret == -EOPNOTSUPP) {
		log_notice(MOD, "gtpu.ko has no idle bearers (%s): idle bearers are deleted",
			   gtpnl_errmsg(dp->h));
		dp->idle_by_delete = true;
		return dp_bearer_add(dp, b);
	}
	if (ret == -ENOENT)	/* not in the kernel (first activation, or lost) */
		return dp_bearer_add(dp, b);
	return ret ? nl_fail(dp, "active", b->teid_in, ret) : 0;
}

struct dump_ctx {
	dp_bearer_fn fn;
	void *arg;
};

static int dump_cb(const struct gtpnl_bearer *g, void *arg)
{
	struct dump_ctx *c = arg;
	struct dp_bearer b;

	from_gtpnl(g, &b);
	return c->fn(c->arg, &b);
}

int dp_dump(struct datapath *dp, dp_bearer_fn fn, void *arg)
{
	struct gtpnl_bearer_filter f = { .ifindex = dp->ifindex };
	struct dump_ctx c = { fn, arg };
	int ret;

	if (dp->recorder) {
		for (size_t i = 0; i < dp->rn; i++)
			for (struct rec_node *r = dp->rb[i], *next; r; r = next) {
				next = r->next;
				ret = fn(arg, &r->b);
				if (ret)
					return ret;
			}
		return 0;
	}
	do {
		ret = gtpnl_bearer_dump(dp->h, &f, dump_cb, &c);
	} while (ret == -EINTR);
	return ret;
}

int dp_bearer_get(struct datapath *dp, uint32_t teid, struct dp_bearer *out)
{
	struct gtpnl_bearer g;
	int ret;

	if (dp->recorder) {
		struct rec_node *r = *rec_slot(dp, teid);

		if (!r)
			return -ENOENT;
		*out = r->b;
		return 0;
	}
	ret = gtpnl_bearer_get(dp->h, dp->ifindex, teid, &g);
	if (!ret)
		from_gtpnl(&g, out);
	return ret;
}

static int count_cb(void *arg, const struct dp_bearer *b)
{
	(*(size_t *)arg)++;
	return 0;
}

size_t dp_count(struct datapath *dp)
{
	size_t n = 0;

	if (dp->recorder)
		return dp->rcount;
	dp_dump(dp, count_cb, &n);
	return n;
}

const struct dp_stats *dp_stats(const struct datapath *dp)
{
	return &dp->st;
}

void dp_on_downlink_data(struct datapath *dp, dp_downlink_fn fn, void *arg)
{
	dp->dl_fn = fn;
	dp->dl_arg = arg;
}

void dp_inject_downlink_data(struct datapath *dp, uint32_t teid)
{
	dp->st.downlink_data++;
	if (dp->dl_fn)
		dp->dl_fn(dp->dl_arg, teid, 0);
}
