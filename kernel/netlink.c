// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink family "gtpu" (include/uapi/linux/gtpu.h is the manual).
 *
 * parallel_ops: the genl core does not serialise us.  Each doit takes a
 * reference on the device (gtpu_dev_get), then gtpu_dev.lock for anything
 * that reads or changes the tables consistently; dumps are RCU readers
 * (dump.c).  Every error sets an extack message.
 */
#include <net/genetlink.h>

#include "gtpu.h"

/* Size of one bearer event or reply (nests, stats and padding included) */
#define BEARER_MSG_SIZE		512
#define ECHO_MSG_SIZE		128

const struct nla_policy gtpu_nl_bearer_policy[GTPU_BEARER_A_MAX + 1] = {
	[GTPU_BEARER_A_LOCAL_TEID]	= NLA_POLICY_MIN(NLA_U32, 1),
	[GTPU_BEARER_A_REMOTE_TEID]	= { .type = NLA_U32 },
	[GTPU_BEARER_A_PEER_IP4]	= { .type = NLA_BE32 },
	[GTPU_BEARER_A_PEER_IP6]	= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[GTPU_BEARER_A_UE_IP4]		= { .type = NLA_BE32 },
	[GTPU_BEARER_A_UE_IP6]		= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[GTPU_BEARER_A_UE_IP6_PLEN]	= { .type = NLA_U8 },
	[GTPU_BEARER_A_EBI]		= NLA_POLICY_RANGE(NLA_U8, 5, 15),
	[GTPU_BEARER_A_COOKIE]		= { .type = NLA_U64 },
	/* STATS and PAD are reply-only: NLA_UNSPEC, rejected by strict parsing */
};

static const struct nla_policy echo_policy[GTPU_ECHO_A_MAX + 1] = {
	[GTPU_ECHO_A_PEER_IP4]		= { .type = NLA_BE32 },
	[GTPU_ECHO_A_PEER_IP6]		= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
};

static const struct nla_policy bearer_cmd_policy[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX]		= { .type = NLA_U32 },
	[GTPU_A_BEARER]			= NLA_POLICY_NESTED(gtpu_nl_bearer_policy),
};

static const struct nla_policy dev_cmd_policy[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX]		= { .type = NLA_U32 },
};

static const struct nla_policy echo_cmd_policy[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX]		= { .type = NLA_U32 },
	[GTPU_A_ECHO]			= NLA_POLICY_NESTED(echo_policy),
};

/* The device named by GTPU_A_IFINDEX, with a reference (gtpu_dev_put) */
static struct gtpu_dev *dev_from_info(struct genl_info *info)
{
	struct nlattr *attr = info->attrs[GTPU_A_IFINDEX];
	struct gtpu_dev *gdev;

	if (!attr) {
		NL_SET_ERR_MSG(info->extack, "missing IFINDEX");
		return ERR_PTR(-EINVAL);
	}
	gdev = gtpu_dev_get(genl_info_net(info), nla_get_u32(attr));
	if (!gdev) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "no gtpu device with this ifindex");
		return ERR_PTR(-ENODEV);
	}
	return gdev;
}

/* Take the writer lock of a referenced device; fails if it is going away */
static int dev_lock(struct gtpu_dev *gdev, struct netlink_ext_ack *extack)
{
	mutex_lock(&gdev->lock);
	if (unlikely(gdev->dead)) {
		mutex_unlock(&gdev->lock);
		NL_SET_ERR_MSG(extack, "gtpu device is being deleted");
		return -ENODEV;
	}
	return 0;
}

static int parse_peer(struct nlattr *a4, struct nlattr *a6,
		      struct gtpu_addr *addr, struct netlink_ext_ack *extack)
{
	memset(addr, 0, sizeof(*addr));
	if (a4 && a6) {
		NL_SET_ERR_MSG_ATTR(extack, a6, "give PEER_IP4 or PEER_IP6, not both");
		return -EINVAL;
	}
	if (a4) {
		addr->family = AF_INET;
		addr->v4 = nla_get_in_addr(a4);
	} else if (a6) {
		addr->family = AF_INET6;
		addr->v6 = nla_get_in6_addr(a6);
	}
	return 0;
}

static int parse_ue6(struct nlattr **tb, struct gtpu_bearer_cfg *cfg,
		     struct netlink_ext_ack *extack)
{
	struct nlattr *plen = tb[GTPU_BEARER_A_UE_IP6_PLEN];

	if (!tb[GTPU_BEARER_A_UE_IP6]) {
		if (plen) {
			NL_SET_ERR_MSG_ATTR(extack, plen, "UE_IP6_PLEN without UE_IP6");
			return -EINVAL;
		}
		return 0;
	}
	if (plen && nla_get_u8(plen) != 64) {
		NL_SET_ERR_MSG_ATTR(extack, plen, "UE IPv6 prefix length must be 64");
		return -EINVAL;
	}
	cfg->ue_ip6 = nla_get_in6_addr(tb[GTPU_BEARER_A_UE_IP6]);
	if (cfg->ue_ip6.s6_addr32[2] || cfg->ue_ip6.s6_addr32[3]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[GTPU_BEARER_A_UE_IP6],
				    "UE IPv6 prefix has host bits set");
		return -EINVAL;
	}
	cfg->has_ue6 = true;
	return 0;
}

/* GTPU_A_BEARER -> cfg; LOCAL_TEID is always required */
static int parse_bearer(struct genl_info *info, struct gtpu_bearer_cfg *cfg)
{
	struct nlattr *nest = info->attrs[GTPU_A_BEARER];
	struct nlattr *tb[GTPU_BEARER_A_MAX + 1];
	int err;

	memset(cfg, 0, sizeof(*cfg));
	if (!nest) {
		NL_SET_ERR_MSG(info->extack, "missing BEARER");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, GTPU_BEARER_A_MAX, nest,
			       gtpu_nl_bearer_policy, info->extack);
	if (err)
		return err;
	if (!tb[GTPU_BEARER_A_LOCAL_TEID]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest, "missing LOCAL_TEID");
		return -EINVAL;
	}
	cfg->local_teid = nla_get_u32(tb[GTPU_BEARER_A_LOCAL_TEID]);
	if (tb[GTPU_BEARER_A_REMOTE_TEID]) {
		cfg->remote_teid =
			cpu_to_be32(nla_get_u32(tb[GTPU_BEARER_A_REMOTE_TEID]));
		cfg->has_remote_teid = true;
	}
	err = parse_peer(tb[GTPU_BEARER_A_PEER_IP4], tb[GTPU_BEARER_A_PEER_IP6],
			 &cfg->peer, info->extack);
	if (err)
		return err;
	cfg->has_peer = cfg->peer.family != 0;
	if (tb[GTPU_BEARER_A_UE_IP4]) {
		cfg->ue_ip4 = nla_get_in_addr(tb[GTPU_BEARER_A_UE_IP4]);
		cfg->has_ue4 = true;
	}
	err = parse_ue6(tb, cfg, info->extack);
	if (err)
		return err;
	if (tb[GTPU_BEARER_A_EBI]) {
		cfg->ebi = nla_get_u8(tb[GTPU_BEARER_A_EBI]);
		cfg->has_ebi = true;
	}
	if (tb[GTPU_BEARER_A_COOKIE]) {
		cfg->cookie = nla_get_u64(tb[GTPU_BEARER_A_COOKIE]);
		cfg->has_cookie = true;
	}
	return 0;
}

static struct sk_buff *bearer_msg(struct gtpu_dev *gdev,
				  const struct gtpu_bearer *b, u32 portid,
				  u32 seq, u8 cmd, bool with_stats, gfp_t gfp)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(BEARER_MSG_SIZE, gfp);
	if (!msg)
		return NULL;
	hdr = genlmsg_put(msg, portid, seq, &gtpu_genl_family, 0, cmd);
	if (!hdr ||
	    nla_put_u32(msg, GTPU_A_IFINDEX, gdev->dev->ifindex) ||
	    gtpu_nl_put_bearer(msg, b, with_stats)) {
		nlmsg_free(msg);
		return NULL;
	}
	genlmsg_end(msg, hdr);
	return msg;
}

/* BEARER_NEW / BEARER_DELETED on the "events" group, if anyone listens */
void gtpu_netlink_bearer_event(struct gtpu_dev *gdev,
			       const struct gtpu_bearer *b, u8 cmd)
{
	struct sk_buff *msg;

	if (!genl_has_listeners(&gtpu_genl_family, gdev->net, 0))
		return;
	msg = bearer_msg(gdev, b, 0, 0, cmd, cmd == GTPU_CMD_BEARER_DELETED,
			 GFP_KERNEL);
	if (msg)
		genlmsg_multicast_netns(&gtpu_genl_family, gdev->net, msg, 0,
					0, GFP_KERNEL);
}

/* ECHO_RESPONSE event (softirq) */
void gtpu_netlink_echo_event(struct gtpu_dev *gdev,
			     const struct gtpu_addr *peer, u16 seq,
			     int restart_counter, u64 rtt_ns)
{
	struct sk_buff *msg;
	struct nlattr *nest;
	void *hdr;

	if (!genl_has_listeners(&gtpu_genl_family, gdev->net, 0))
		return;
	msg = genlmsg_new(ECHO_MSG_SIZE, GFP_ATOMIC);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &gtpu_genl_family, 0,
			  GTPU_CMD_ECHO_RESPONSE);
	if (!hdr || nla_put_u32(msg, GTPU_A_IFINDEX, gdev->dev->ifindex))
		goto free;
	nest = nla_nest_start(msg, GTPU_A_ECHO);
	if (!nest)
		goto free;
	if ((peer->family == AF_INET ?
	     nla_put_in_addr(msg, GTPU_ECHO_A_PEER_IP4, peer->v4) :
	     nla_put_in6_addr(msg, GTPU_ECHO_A_PEER_IP6, &peer->v6)) ||
	    nla_put_u16(msg, GTPU_ECHO_A_SEQ, seq) ||
	    (restart_counter >= 0 &&
	     nla_put_u8(msg, GTPU_ECHO_A_RESTART_COUNTER, restart_counter)) ||
	    nla_put_u64_64bit(msg, GTPU_ECHO_A_RTT_NS, rtt_ns, GTPU_ECHO_A_PAD))
		goto free;
	nla_nest_end(msg, nest);
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&gtpu_genl_family, gdev->net, msg, 0, 0,
				GFP_ATOMIC);
	return;
free:
	nlmsg_free(msg);
}

static int add_checks(struct genl_info *info, const struct gtpu_bearer_cfg *cfg)
{
	if (!cfg->has_remote_teid) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[GTPU_A_BEARER],
				    "missing REMOTE_TEID");
		return -EINVAL;
	}
	if (!cfg->has_peer) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[GTPU_A_BEARER],
				    "missing PEER_IP4 or PEER_IP6");
		return -EINVAL;
	}
	if (!cfg->has_ue4 && !cfg->has_ue6) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[GTPU_A_BEARER],
				    "need UE_IP4 or UE_IP6");
		return -EINVAL;
	}
	return 0;
}

static int bearer_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_bearer_cfg cfg;
	struct gtpu_bearer *b;
	struct gtpu_dev *gdev;
	int err;

	gdev = dev_from_info(info);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);
	err = parse_bearer(info, &cfg);
	if (!err)
		err = add_checks(info, &cfg);
	if (err)
		goto out_put;
	err = dev_lock(gdev, info->extack);
	if (err)
		goto out_put;
	b = gtpu_bearer_insert(gdev, &cfg, info->extack);
	if (IS_ERR(b))
		err = PTR_ERR(b);
	else
		gtpu_netlink_bearer_event(gdev, b, GTPU_CMD_BEARER_NEW);
	mutex_unlock(&gdev->lock);
out_put:
	gtpu_dev_put(gdev);
	return err;
}

/* Common part of MOD, DEL and GET: device, cfg, lock, and the bearer */
static struct gtpu_bearer *locked_bearer(struct genl_info *info,
					 struct gtpu_dev **gdevp,
					 struct gtpu_bearer_cfg *cfg)
{
	struct gtpu_dev *gdev;
	struct gtpu_bearer *b;
	int err;

	gdev = dev_from_info(info);
	if (IS_ERR(gdev))
		return ERR_CAST(gdev);
	err = parse_bearer(info, cfg);
	if (!err)
		err = dev_lock(gdev, info->extack);
	if (err) {
		gtpu_dev_put(gdev);
		return ERR_PTR(err);
	}
	b = gtpu_bearer_lookup_teid(gdev, cfg->local_teid);
	if (!b) {
		mutex_unlock(&gdev->lock);
		gtpu_dev_put(gdev);
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[GTPU_A_BEARER],
				    "no bearer with this TEID");
		return ERR_PTR(-ENOENT);
	}
	*gdevp = gdev;
	return b;
}

static void unlock_put(struct gtpu_dev *gdev)
{
	mutex_unlock(&gdev->lock);
	gtpu_dev_put(gdev);
}

static int bearer_mod_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_bearer_cfg cfg;
	struct gtpu_dev *gdev;
	struct gtpu_bearer *b;
	int err;

	b = locked_bearer(info, &gdev, &cfg);
	if (IS_ERR(b))
		return PTR_ERR(b);
	err = gtpu_bearer_modify(gdev, b, &cfg, info->extack);
	unlock_put(gdev);
	return err;
}

static int bearer_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_bearer_cfg cfg;
	struct gtpu_dev *gdev;
	struct gtpu_bearer *b;

	b = locked_bearer(info, &gdev, &cfg);
	if (IS_ERR(b))
		return PTR_ERR(b);
	gtpu_netlink_bearer_event(gdev, b, GTPU_CMD_BEARER_DELETED);
	gtpu_bearer_remove(gdev, b);
	unlock_put(gdev);
	return 0;
}

static int bearer_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_bearer_cfg cfg;
	struct gtpu_dev *gdev;
	struct gtpu_bearer *b;
	struct sk_buff *msg;

	b = locked_bearer(info, &gdev, &cfg);
	if (IS_ERR(b))
		return PTR_ERR(b);
	msg = bearer_msg(gdev, b, info->snd_portid, info->snd_seq,
			 GTPU_CMD_BEARER_GET, true, GFP_KERNEL);
	unlock_put(gdev);
	if (!msg) {
		NL_SET_ERR_MSG(info->extack, "cannot build the reply");
		return -ENOMEM;
	}
	return genlmsg_reply(msg, info);
}

static int dev_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_dev *gdev;
	struct sk_buff *msg;
	void *hdr;
	int err = -ENOMEM;

	gdev = dev_from_info(info);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		goto out_put;
	hdr = genlmsg_put_reply(msg, info, &gtpu_genl_family, 0,
				GTPU_CMD_DEV_GET);
	if (!hdr || gtpu_nl_put_dev(msg, gdev)) {
		nlmsg_free(msg);
		goto out_put;
	}
	genlmsg_end(msg, hdr);
	gtpu_dev_put(gdev);
	return genlmsg_reply(msg, info);

out_put:
	gtpu_dev_put(gdev);
	NL_SET_ERR_MSG(info->extack, "cannot build the reply");
	return err;
}

static int echo_parse(struct genl_info *info, struct gtpu_dev *gdev,
		      struct gtpu_addr *peer)
{
	struct nlattr *nest = info->attrs[GTPU_A_ECHO];
	struct nlattr *tb[GTPU_ECHO_A_MAX + 1];
	int err;

	if (!nest) {
		NL_SET_ERR_MSG(info->extack, "missing ECHO");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, GTPU_ECHO_A_MAX, nest, echo_policy,
			       info->extack);
	if (!err)
		err = parse_peer(tb[GTPU_ECHO_A_PEER_IP4],
				 tb[GTPU_ECHO_A_PEER_IP6], peer, info->extack);
	if (err)
		return err;
	if (!peer->family) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "missing PEER_IP4 or PEER_IP6");
		return -EINVAL;
	}
	if ((peer->family == AF_INET && !gdev->has4) ||
	    (peer->family == AF_INET6 && !gdev->has6)) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "peer address family has no socket on this device");
		return -EAFNOSUPPORT;
	}
	return 0;
}

static struct sk_buff *echo_reply_msg(struct genl_info *info,
				      struct gtpu_dev *gdev, u16 seq)
{
	struct nlattr *nest;
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(ECHO_MSG_SIZE, GFP_KERNEL);
	if (!msg)
		return NULL;
	hdr = genlmsg_put_reply(msg, info, &gtpu_genl_family, 0,
				GTPU_CMD_ECHO);
	if (!hdr || nla_put_u32(msg, GTPU_A_IFINDEX, gdev->dev->ifindex))
		goto free;
	nest = nla_nest_start(msg, GTPU_A_ECHO);
	if (!nest || nla_put_u16(msg, GTPU_ECHO_A_SEQ, seq))
		goto free;
	nla_nest_end(msg, nest);
	genlmsg_end(msg, hdr);
	return msg;
free:
	nlmsg_free(msg);
	return NULL;
}

static int echo_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_addr peer;
	struct gtpu_dev *gdev;
	struct sk_buff *msg;
	u16 seq = 0;
	int err;

	gdev = dev_from_info(info);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);
	err = echo_parse(info, gdev, &peer);
	if (!err)
		err = dev_lock(gdev, info->extack);
	if (err)
		goto out_put;
	err = gtpu_echo_send(gdev, &peer, &seq);
	mutex_unlock(&gdev->lock);
	if (err) {
		NL_SET_ERR_MSG(info->extack, "cannot send the Echo Request (no route?)");
		goto out_put;
	}
	msg = echo_reply_msg(info, gdev, seq);
	gtpu_dev_put(gdev);
	if (!msg) {
		NL_SET_ERR_MSG(info->extack, "cannot build the reply");
		return -ENOMEM;
	}
	return genlmsg_reply(msg, info);

out_put:
	gtpu_dev_put(gdev);
	return err;
}

static const struct genl_ops gtpu_genl_ops[] = {
	{
		.cmd = GTPU_CMD_BEARER_ADD,
		.doit = bearer_add_doit,
		.policy = bearer_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = GTPU_CMD_BEARER_MOD,
		.doit = bearer_mod_doit,
		.policy = bearer_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = GTPU_CMD_BEARER_DEL,
		.doit = bearer_del_doit,
		.policy = bearer_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = GTPU_CMD_BEARER_GET,
		.doit = bearer_get_doit,
		.start = gtpu_nl_bearer_dump_start,
		.dumpit = gtpu_nl_bearer_dump,
		.policy = bearer_cmd_policy,
		.maxattr = GTPU_A_MAX,
	},
	{
		.cmd = GTPU_CMD_DEV_GET,
		.doit = dev_get_doit,
		.dumpit = gtpu_nl_dev_dump,
		.policy = dev_cmd_policy,
		.maxattr = GTPU_A_MAX,
	},
	{
		.cmd = GTPU_CMD_ECHO,
		.doit = echo_doit,
		.policy = echo_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
};

static const struct genl_multicast_group gtpu_mcgrps[] = {
	{ .name = GTPU_GENL_MCGRP_EVENTS, .flags = GENL_UNS_ADMIN_PERM },
};

struct genl_family gtpu_genl_family __ro_after_init = {
	.name		= GTPU_GENL_NAME,
	.version	= GTPU_GENL_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.ops		= gtpu_genl_ops,
	.n_ops		= ARRAY_SIZE(gtpu_genl_ops),
	.mcgrps		= gtpu_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(gtpu_mcgrps),
};

int gtpu_netlink_init(void)
{
	return genl_register_family(&gtpu_genl_family);
}

void gtpu_netlink_exit(void)
{
	genl_unregister_family(&gtpu_genl_family);
}
