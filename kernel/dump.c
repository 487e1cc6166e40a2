// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink message builders and dumps of the gtpu family.
 *
 * Dumps run under RCU only (they never take gtpu_dev.lock, so a long dump
 * does not stall writers).  A dump is split over several recvmsg() calls;
 * the position is kept in a typed cursor over cb->ctx:
 *
 *   bearers: devices in ascending ifindex order; inside a device, the
 *            device's bearer list in insertion order, resumed after the
 *            last LOCAL_TEID sent (looked up again), or by count if that
 *            bearer was deleted meanwhile.
 *   devices: ascending ifindex.
 *
 * Consistency is per device: cb->seq is the device's generation number
 * (bumped by every bearer add/mod/del) and genl_dump_check_consistent()
 * flags NLM_F_DUMP_INTR on a message if the device changed since the
 * previous message of the same device.
 */
#include "gtpu.h"

struct bearer_dump_ctx {
	int ifindex;		/* device being dumped (or next to look at) */
	int filter_ifindex;	/* 0: all devices */
	u32 last_teid;		/* last bearer sent on this device, 0: none */
	u32 idx;		/* bearers sent on this device */
	bool filter_ue;
	bool done;
	bool clear;		/* GTPU_F_USAGE_CLEAR */
	bool started;		/* the first dumpit call is done */
	struct gtpu_ue_key ue_key;
};

struct dev_dump_ctx {
	int ifindex;		/* next ifindex to look at */
};

static struct bearer_dump_ctx *bearer_ctx(struct netlink_callback *cb)
{
	BUILD_BUG_ON(sizeof(struct bearer_dump_ctx) > sizeof(cb->ctx));
	return (struct bearer_dump_ctx *)cb->ctx;
}

static struct dev_dump_ctx *dev_ctx(struct netlink_callback *cb)
{
	BUILD_BUG_ON(sizeof(struct dev_dump_ctx) > sizeof(cb->ctx));
	return (struct dev_dump_ctx *)cb->ctx;
}

static int put_peer(struct sk_buff *skb, const struct gtpu_bearer *b)
{
	const struct gtpu_peer *peer;
	int err;

	rcu_read_lock();
	peer = rcu_dereference(b->peer);
	if (peer->addr.family == AF_INET)
		err = nla_put_in_addr(skb, GTPU_BEARER_A_PEER_IP4, peer->addr.v4);
	else
		err = nla_put_in6_addr(skb, GTPU_BEARER_A_PEER_IP6,
				       &peer->addr.v6);
	rcu_read_unlock();
	return err;
}

static int put_ue(struct sk_buff *skb, const struct gtpu_bearer *b)
{
	struct in6_addr prefix = { };

	if ((b->ue_mask & BIT(GTPU_UE4)) &&
	    nla_put_in_addr(skb, GTPU_BEARER_A_UE_IP4, b->ue_ip4))
		return -EMSGSIZE;
	if (!(b->ue_mask & BIT(GTPU_UE6)))
		return 0;
	prefix.s6_addr32[0] = b->ue_ip6[0];
	prefix.s6_addr32[1] = b->ue_ip6[1];
	if (nla_put_in6_addr(skb, GTPU_BEARER_A_UE_IP6, &prefix) ||
	    nla_put_u8(skb, GTPU_BEARER_A_UE_IP6_PLEN, 64))
		return -EMSGSIZE;
	return 0;
}

/* THRESHOLD_* that are set (non-zero) */
static int put_thresholds(struct sk_buff *skb, const u64 *thr)
{
	static const int attr[GTPU_THR_N] = {
		[GTPU_THR_TOTAL] = GTPU_BEARER_A_THRESHOLD_TOTAL,
		[GTPU_THR_UL] = GTPU_BEARER_A_THRESHOLD_UL,
		[GTPU_THR_DL] = GTPU_BEARER_A_THRESHOLD_DL,
	};
	int i;

	for (i = 0; i < GTPU_THR_N; i++)
		if (thr[i] && nla_put_u64_64bit(skb, attr[i], thr[i],
						GTPU_BEARER_A_PAD))
			return -EMSGSIZE;
	return 0;
}

/*
 * GTPU_A_BEARER nest; caller holds RCU or the device lock.  usage: a
 * USAGE nest and the thresholds it refers to (USAGE events, read-and-
 * clear); without it, the thresholds armed now.
 */
int gtpu_nl_put_bearer(struct sk_buff *skb, const struct gtpu_bearer *b,
		       bool with_stats, const struct gtpu_usage *usage)
{
	u64 ctr[GTPU_BEARER_NSTATS], thr[GTPU_THR_N];
	struct nlattr *nest;
	bool idle;
	u32 queued = gtpu_idle_queued(b, &idle);

	if (!usage)
		gtpu_meter_thresholds(b, thr);

	nest = nla_nest_start(skb, GTPU_A_BEARER);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, GTPU_BEARER_A_LOCAL_TEID, b->local_teid) ||
	    nla_put_u32(skb, GTPU_BEARER_A_REMOTE_TEID,
			be32_to_cpu(READ_ONCE(b->remote_teid))) ||
	    put_peer(skb, b) || put_ue(skb, b) ||
	    nla_put_u8(skb, GTPU_BEARER_A_EBI, READ_ONCE(b->ebi)) ||
	    nla_put_u64_64bit(skb, GTPU_BEARER_A_COOKIE, READ_ONCE(b->cookie),
			      GTPU_BEARER_A_PAD) ||
	    nla_put_u8(skb, GTPU_BEARER_A_STATE, idle ? GTPU_BEARER_STATE_IDLE :
						       GTPU_BEARER_STATE_ACTIVE) ||
	    nla_put_u32(skb, GTPU_BEARER_A_QUEUED, queued) ||
	    put_thresholds(skb, usage ? usage->thr : thr) ||
	    gtpu_qos_put(skb, b) ||
	    gtpu_tft_put(skb, b) ||
	    (usage && gtpu_meter_put_usage(skb, usage)))
		goto cancel;
	if (with_stats) {
		gtpu_stats_bearer_fold(b, ctr);
		if (gtpu_stats_put(skb, GTPU_BEARER_A_STATS, ctr,
				   GTPU_BEARER_NSTATS))
			goto cancel;
	}
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/*
 * GTPU_A_BEARER nest with the usage since the last read-and-clear, which
 * is cleared only if the nest fits (a dump retries it in the next skb).
 */
int gtpu_nl_put_bearer_clear(struct sk_buff *skb, struct gtpu_dev *gdev,
			     struct gtpu_bearer *b)
{
	struct gtpu_usage u;
	u64 fold[GTPU_USAGE_N];
	int err;

	gtpu_meter_thresholds(b, u.thr);
	gtpu_meter_clear_begin(gdev, b, &u, fold);
	err = gtpu_nl_put_bearer(skb, b, true, &u);
	gtpu_meter_clear_end(gdev, b, fold, !err);
	return err;
}

/* IFINDEX, IFNAME, DEV{...}, STATS{...} of a device */
int gtpu_nl_put_dev(struct sk_buff *skb, struct gtpu_dev *gdev)
{
	u64 ctr[GTPU_DEV_NSTATS];
	struct nlattr *nest;

	if (nla_put_u32(skb, GTPU_A_IFINDEX, gdev->dev->ifindex) ||
	    nla_put_string(skb, GTPU_A_IFNAME, gdev->dev->name))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, GTPU_A_DEV);
	if (!nest)
		return -EMSGSIZE;
	if ((gdev->has4 &&
	     nla_put_in_addr(skb, GTPU_DEV_A_LOCAL_IP4, gdev->local4)) ||
	    (gdev->has6 &&
	     nla_put_in6_addr(skb, GTPU_DEV_A_LOCAL_IP6, &gdev->local6)) ||
	    nla_put_u16(skb, GTPU_DEV_A_PORT, ntohs(gdev->port)) ||
	    nla_put_u8(skb, GTPU_DEV_A_RESTART_COUNTER, gdev->restart_counter) ||
	    nla_put_u32(skb, GTPU_DEV_A_N_BEARERS, READ_ONCE(gdev->n_bearers)) ||
	    nla_put_u32(skb, GTPU_DEV_A_IDLE_QLEN, gdev->idle_qlen) ||
	    nla_put_u32(skb, GTPU_DEV_A_IDLE_QLEN_DEV, gdev->idle_qlen_dev) ||
	    nla_put_u32(skb, GTPU_DEV_A_IDLE_QUEUED,
			atomic_read(&gdev->idle_queued))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	gtpu_stats_dev_fold(gdev, ctr);
	return gtpu_stats_put(skb, GTPU_A_STATS, ctr, GTPU_DEV_NSTATS);
}

/* .start of the bearer dump: read the optional filters */
int gtpu_nl_bearer_dump_start(struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	struct bearer_dump_ctx *ctx = bearer_ctx(cb);
	struct nlattr *tb[GTPU_BEARER_A_MAX + 1];
	struct nlattr **attrs = info->attrs;
	int err;

	memset(ctx, 0, sizeof(*ctx));
	if (attrs[GTPU_A_IFINDEX]) {
		ctx->filter_ifindex = nla_get_u32(attrs[GTPU_A_IFINDEX]);
		ctx->ifindex = ctx->filter_ifindex;
	}
	if (attrs[GTPU_A_FLAGS])
		ctx->clear = nla_get_u32(attrs[GTPU_A_FLAGS]) &
			     GTPU_F_USAGE_CLEAR;
	if (!attrs[GTPU_A_BEARER])
		return 0;
	err = nla_parse_nested(tb, GTPU_BEARER_A_MAX, attrs[GTPU_A_BEARER],
			       gtpu_nl_bearer_policy, cb->extack);
	if (err)
		return err;
	if (tb[GTPU_BEARER_A_UE_IP4] && tb[GTPU_BEARER_A_UE_IP6]) {
		NL_SET_ERR_MSG(cb->extack, "filter by UE_IP4 or UE_IP6, not both");
		return -EINVAL;
	}
	if (tb[GTPU_BEARER_A_UE_IP4]) {
		gtpu_ue_key_v4(&ctx->ue_key,
			       nla_get_in_addr(tb[GTPU_BEARER_A_UE_IP4]));
		ctx->filter_ue = true;
	} else if (tb[GTPU_BEARER_A_UE_IP6]) {
		struct in6_addr a = nla_get_in6_addr(tb[GTPU_BEARER_A_UE_IP6]);

		gtpu_ue_key_v6(&ctx->ue_key, &a);
		ctx->filter_ue = true;
	}
	return 0;
}

static int put_bearer_msg(struct sk_buff *skb, struct netlink_callback *cb,
			  struct gtpu_dev *gdev, struct gtpu_bearer *b)
{
	bool clear = bearer_ctx(cb)->clear;
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &gtpu_genl_family, NLM_F_MULTI,
			  GTPU_CMD_BEARER_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(skb, GTPU_A_IFINDEX, gdev->dev->ifindex) ||
	    (clear ? gtpu_nl_put_bearer_clear(skb, gdev, b) :
		     gtpu_nl_put_bearer(skb, b, true, NULL))) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* Bearers bound to the filtered UE address; caller holds RCU */
static int dump_ue(struct sk_buff *skb, struct netlink_callback *cb,
		   struct gtpu_dev *gdev, struct bearer_dump_ctx *ctx)
{
	int idx = ctx->ue_key.family == AF_INET ? GTPU_UE4 : GTPU_UE6;
	struct gtpu_bearer *b;
	struct gtpu_ue *ue;
	u32 i = 0;
	int err;

	ue = gtpu_ue_lookup(gdev, &ctx->ue_key);
	if (!ue)
		return 0;
	list_for_each_entry_rcu(b, &ue->bearers, ue_node[idx]) {
		if (i++ < ctx->idx)
			continue;
		err = put_bearer_msg(skb, cb, gdev, b);
		if (err)
			return err;
		ctx->idx++;
	}
	return 0;
}

/* All bearers of one device from the cursor on; caller holds RCU */
static int dump_dev_bearers(struct sk_buff *skb, struct netlink_callback *cb,
			    struct gtpu_dev *gdev, struct bearer_dump_ctx *ctx)
{
	struct gtpu_bearer *b = NULL;
	u32 i = 0;
	int err;

	if (ctx->filter_ue)
		return dump_ue(skb, cb, gdev, ctx);
	if (ctx->last_teid)
		b = gtpu_bearer_lookup_teid(gdev, ctx->last_teid);
	if (b) {
		/* resume right after the last bearer sent */
		list_for_each_entry_continue_rcu(b, &gdev->bearers, dev_node) {
			err = put_bearer_msg(skb, cb, gdev, b);
			if (err)
				return err;
			ctx->last_teid = b->local_teid;
			ctx->idx++;
		}
		return 0;
	}
	/* first call, or the last bearer sent is gone: skip by count */
	list_for_each_entry_rcu(b, &gdev->bearers, dev_node) {
		if (i++ < ctx->idx)
			continue;
		err = put_bearer_msg(skb, cb, gdev, b);
		if (err)
			return err;
		ctx->last_teid = b->local_teid;
		ctx->idx++;
	}
	return 0;
}

int gtpu_nl_bearer_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct bearer_dump_ctx *ctx = bearer_ctx(cb);
	struct net *net = sock_net(cb->skb->sk);
	struct gtpu_dev *gdev;
	int err = 0;

	/*
	 * Read-and-clear changes state: checked once, in the first call, which
	 * runs in the sender's sendmsg() (netlink_dump_start).  Not in .start:
	 * on 6.1 the extack of .start is not sent back, that of a
	 * dumpit is (in NLMSG_DONE).
	 */
	if (!ctx->started) {
		ctx->started = true;
		if (ctx->clear) {
			err = gtpu_nl_admin_check(cb->skb, net, cb->extack);
			if (err)
				return err;
		}
	}
	rcu_read_lock();
	while (!ctx->done) {
		gdev = gtpu_dev_next_rcu(net, ctx->ifindex);
		if (!gdev || (ctx->filter_ifindex &&
			      gdev->dev->ifindex != ctx->filter_ifindex)) {
			ctx->done = true;
			break;
		}
		if (gdev->dev->ifindex != ctx->ifindex) {
			/* a new device: restart position and consistency */
			ctx->ifindex = gdev->dev->ifindex;
			ctx->last_teid = 0;
			ctx->idx = 0;
			cb->prev_seq = 0;
		}
		cb->seq = READ_ONCE(gdev->gen) + 1;
		err = dump_dev_bearers(skb, cb, gdev, ctx);
		if (err)
			break;
		if (ctx->filter_ifindex) {
			ctx->done = true;
			break;
		}
		ctx->ifindex++;
		ctx->last_teid = 0;
		ctx->idx = 0;
		cb->prev_seq = 0;
	}
	rcu_read_unlock();
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err;
}

int gtpu_nl_dev_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct dev_dump_ctx *ctx = dev_ctx(cb);
	struct net *net = sock_net(cb->skb->sk);
	struct gtpu_dev *gdev;
	void *hdr;
	int err = 0;

	rcu_read_lock();
	while ((gdev = gtpu_dev_next_rcu(net, ctx->ifindex))) {
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &gtpu_genl_family,
				  NLM_F_MULTI, GTPU_CMD_DEV_GET);
		if (!hdr) {
			err = -EMSGSIZE;
			break;
		}
		if (gtpu_nl_put_dev(skb, gdev)) {
			genlmsg_cancel(skb, hdr);
			err = -EMSGSIZE;
			break;
		}
		genlmsg_end(skb, hdr);
		ctx->ifindex = gdev->dev->ifindex + 1;
	}
	rcu_read_unlock();
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err;
}
