// SPDX-License-Identifier: GPL-2.0
/*
 * APN-AMBR groups of a device (struct gtpu_ambr, gtpu.h) and the commands
 * that manage them: AMBR_SET (do) and AMBR_GET (do, dump).
 *
 * Lifetime: AMBR_SET creates a group or changes its rates.  BEARER_ADD/MOD
 * with AMBR_GROUP make a bearer a member (unknown group: -ENOENT).  A group
 * is removed when it has no members and both rates are 0: by an AMBR_SET
 * with UL 0 and DL 0 if it has no members, else when its last member
 * leaves (BEARER_MOD AMBR_GROUP 0 or another group, BEARER_DEL); and with
 * its device.  Rates 0 with members: the members are not limited by the
 * group any more.
 */
#include <net/genetlink.h>

#include "gtpu.h"

const struct nla_policy gtpu_nl_ambr_policy[GTPU_AMBR_A_MAX + 1] = {
	[GTPU_AMBR_A_GROUP]	= NLA_POLICY_MIN(NLA_U32, 1),
	[GTPU_AMBR_A_UL]	= { .type = NLA_U64 },
	[GTPU_AMBR_A_DL]	= { .type = NLA_U64 },
	/* MEMBERS, DROP_*, PAD: replies only, rejected by strict parsing */
};

struct ambr_dump_ctx {
	int ifindex;		/* device being dumped */
	int filter_ifindex;	/* 0: all devices */
	u32 idx;		/* groups sent on this device */
};

/* Caller holds gdev->lock or RCU */
struct gtpu_ambr *gtpu_ambr_lookup(struct gtpu_dev *gdev, u32 id)
{
	struct gtpu_ambr *g;

	hash_for_each_possible_rcu(gdev->ambrs, g, node, id,
				   lockdep_is_held(&gdev->lock))
		if (g->id == id)
			return g;
	return NULL;
}

static bool ambr_unused(const struct gtpu_ambr *g)
{
	return !g->members && !g->tb[GTPU_DIR_UL].rate &&
	       !g->tb[GTPU_DIR_DL].rate;
}

static void ambr_remove(struct gtpu_ambr *g)
{
	hash_del_rcu(&g->node);
	kfree_rcu(g, rcu);
}

/* A member left g (gdev->lock); an unused group goes away */
void gtpu_ambr_put(struct gtpu_dev *gdev, struct gtpu_ambr *g)
{
	lockdep_assert_held(&gdev->lock);
	g->members--;
	if (ambr_unused(g))
		ambr_remove(g);
}

/* Device teardown, after gtpu_bearer_flush (no members left) */
void gtpu_qos_flush(struct gtpu_dev *gdev)
{
	struct hlist_node *tmp;
	struct gtpu_ambr *g;
	int bkt;

	lockdep_assert_held(&gdev->lock);
	hash_for_each_safe(gdev->ambrs, bkt, tmp, g, node) {
		WARN_ON_ONCE(g->members);
		ambr_remove(g);
	}
}

static int ambr_parse(struct genl_info *info, struct nlattr **tb)
{
	struct nlattr *nest = info->attrs[GTPU_A_AMBR];
	int err;

	if (!nest) {
		NL_SET_ERR_MSG(info->extack, "missing AMBR");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, GTPU_AMBR_A_MAX, nest, gtpu_nl_ambr_policy,
			       info->extack);
	if (err)
		return err;
	if (!tb[GTPU_AMBR_A_GROUP]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest, "missing AMBR GROUP");
		return -EINVAL;
	}
	return 0;
}

/* Create or change group id; caller holds gdev->lock */
static int ambr_apply(struct gtpu_dev *gdev, struct nlattr **tb,
		      struct netlink_ext_ack *extack)
{
	static const int attr[GTPU_DIR_N] = { GTPU_AMBR_A_UL, GTPU_AMBR_A_DL };
	u32 id = nla_get_u32(tb[GTPU_AMBR_A_GROUP]);
	struct gtpu_ambr *g = gtpu_ambr_lookup(gdev, id);
	int dir;

	if (!g) {
		if (!(tb[GTPU_AMBR_A_UL] && nla_get_u64(tb[GTPU_AMBR_A_UL])) &&
		    !(tb[GTPU_AMBR_A_DL] && nla_get_u64(tb[GTPU_AMBR_A_DL]))) {
			NL_SET_ERR_MSG_ATTR(extack, tb[GTPU_AMBR_A_GROUP],
					    "no such AMBR group (and no rate to create it)");
			return -ENOENT;
		}
		g = kzalloc(sizeof(*g), GFP_KERNEL);
		if (!g) {
			NL_SET_ERR_MSG(extack, "cannot allocate the AMBR group");
			return -ENOMEM;
		}
		g->id = id;
		for (dir = 0; dir < GTPU_DIR_N; dir++)
			if (tb[attr[dir]])
				gtpu_tb_set(&g->tb[dir], nla_get_u64(tb[attr[dir]]));
		hash_add_rcu(gdev->ambrs, &g->node, id);
		return 0;
	}
	for (dir = 0; dir < GTPU_DIR_N; dir++)
		if (tb[attr[dir]])
			gtpu_tb_set(&g->tb[dir], nla_get_u64(tb[attr[dir]]));
	if (ambr_unused(g))
		ambr_remove(g);
	return 0;
}

int gtpu_nl_ambr_set(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[GTPU_AMBR_A_MAX + 1];
	struct gtpu_dev *gdev;
	int err;

	gdev = gtpu_nl_dev_from_info(info);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);
	err = ambr_parse(info, tb);
	if (!err)
		err = gtpu_nl_dev_lock(gdev, info->extack);
	if (!err) {
		err = ambr_apply(gdev, tb, info->extack);
		mutex_unlock(&gdev->lock);
	}
	gtpu_dev_put(gdev);
	return err;
}

/* IFINDEX, AMBR{GROUP, UL, DL, MEMBERS, DROP_UL, DROP_DL}; RCU or lock */
static int put_ambr(struct sk_buff *skb, struct gtpu_dev *gdev,
		    const struct gtpu_ambr *g)
{
	struct nlattr *nest;

	if (nla_put_u32(skb, GTPU_A_IFINDEX, gdev->dev->ifindex))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, GTPU_A_AMBR);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, GTPU_AMBR_A_GROUP, g->id) ||
	    nla_put_u64_64bit(skb, GTPU_AMBR_A_UL,
			      READ_ONCE(g->tb[GTPU_DIR_UL].rate), GTPU_AMBR_A_PAD) ||
	    nla_put_u64_64bit(skb, GTPU_AMBR_A_DL,
			      READ_ONCE(g->tb[GTPU_DIR_DL].rate), GTPU_AMBR_A_PAD) ||
	    nla_put_u32(skb, GTPU_AMBR_A_MEMBERS, READ_ONCE(g->members)) ||
	    nla_put_u64_64bit(skb, GTPU_AMBR_A_DROP_UL,
			      atomic64_read(&g->dropped[GTPU_DIR_UL]),
			      GTPU_AMBR_A_PAD) ||
	    nla_put_u64_64bit(skb, GTPU_AMBR_A_DROP_DL,
			      atomic64_read(&g->dropped[GTPU_DIR_DL]),
			      GTPU_AMBR_A_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

int gtpu_nl_ambr_get(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[GTPU_AMBR_A_MAX + 1];
	struct gtpu_dev *gdev;
	struct gtpu_ambr *g;
	struct sk_buff *msg;
	void *hdr;
	int err;

	gdev = gtpu_nl_dev_from_info(info);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);
	err = ambr_parse(info, tb);
	if (err)
		goto out_put;
	err = -ENOMEM;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		goto out_put;
	rcu_read_lock();
	g = gtpu_ambr_lookup(gdev, nla_get_u32(tb[GTPU_AMBR_A_GROUP]));
	hdr = genlmsg_put_reply(msg, info, &gtpu_genl_family, 0,
				GTPU_CMD_AMBR_GET);
	err = !g ? -ENOENT : !hdr || put_ambr(msg, gdev, g) ? -EMSGSIZE : 0;
	rcu_read_unlock();
	if (err) {
		nlmsg_free(msg);
		if (err == -ENOENT)
			NL_SET_ERR_MSG_ATTR(info->extack, tb[GTPU_AMBR_A_GROUP],
					    "no such AMBR group");
		else
			NL_SET_ERR_MSG(info->extack, "cannot build the reply");
		goto out_put;
	}
	genlmsg_end(msg, hdr);
	gtpu_dev_put(gdev);
	return genlmsg_reply(msg, info);

out_put:
	gtpu_dev_put(gdev);
	return err;
}

/* Groups of one device from ctx->idx on; -EMSGSIZE when skb is full */
static int dump_dev(struct sk_buff *skb, struct netlink_callback *cb,
		    struct gtpu_dev *gdev, struct ambr_dump_ctx *ctx)
{
	struct gtpu_ambr *g;
	u32 i = 0;
	void *hdr;
	int bkt;

	hash_for_each_rcu(gdev->ambrs, bkt, g, node) {
		if (i++ < ctx->idx)
			continue;
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &gtpu_genl_family,
				  NLM_F_MULTI, GTPU_CMD_AMBR_GET);
		if (!hdr)
			return -EMSGSIZE;
		if (put_ambr(skb, gdev, g)) {
			genlmsg_cancel(skb, hdr);
			return -EMSGSIZE;
		}
		genlmsg_end(skb, hdr);
		ctx->idx++;
	}
	return 0;
}

/* AMBR_GET dump: [IFINDEX] filter; groups by device in ifindex order */
int gtpu_nl_ambr_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genl_dumpit_info *info = genl_dumpit_info(cb);
	struct ambr_dump_ctx *ctx = (struct ambr_dump_ctx *)cb->ctx;
	struct net *net = sock_net(cb->skb->sk);
	struct gtpu_dev *gdev;
	int err = 0;

	BUILD_BUG_ON(sizeof(*ctx) > sizeof(cb->ctx));
	if (!ctx->ifindex && info->attrs[GTPU_A_IFINDEX]) {
		ctx->filter_ifindex = nla_get_u32(info->attrs[GTPU_A_IFINDEX]);
		ctx->ifindex = ctx->filter_ifindex;
	}
	rcu_read_lock();
	while ((gdev = gtpu_dev_next_rcu(net, ctx->ifindex))) {
		if (ctx->filter_ifindex &&
		    gdev->dev->ifindex != ctx->filter_ifindex)
			break;
		ctx->ifindex = gdev->dev->ifindex;
		err = dump_dev(skb, cb, gdev, ctx);
		if (err)
			break;
		ctx->ifindex++;
		ctx->idx = 0;
	}
	rcu_read_unlock();
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err;
}
