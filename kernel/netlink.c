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

#include "compat.h"
#include "gtpu.h"

/*
 * genl_ops.internal_flags: the command changes state, gtpu_nl_pre_doit()
 * checks the permission (gtpu_nl_admin_check()).  The ops carry no
 * GENL_ADMIN_PERM/GENL_UNS_ADMIN_PERM flag: the genl core would refuse
 * before pre_doit without an extack message.
 */
#define GTPU_NL_ADMIN		BIT(0)

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
	[GTPU_BEARER_A_STATE]		= NLA_POLICY_MAX(NLA_U8, GTPU_BEARER_STATE_MAX),
	[GTPU_BEARER_A_THRESHOLD_TOTAL]	= { .type = NLA_U64 },
	[GTPU_BEARER_A_THRESHOLD_UL]	= { .type = NLA_U64 },
	[GTPU_BEARER_A_THRESHOLD_DL]	= { .type = NLA_U64 },
	[GTPU_BEARER_A_MBR_UL]		= { .type = NLA_U64 },
	[GTPU_BEARER_A_MBR_DL]		= { .type = NLA_U64 },
	[GTPU_BEARER_A_AMBR_GROUP]	= { .type = NLA_U32 },
	[GTPU_BEARER_A_QFI]		= NLA_POLICY_MAX(NLA_U8, 63),
	[GTPU_BEARER_A_TFT]		= NLA_POLICY_NESTED(gtpu_nl_tft_policy),
	/* STATS, PAD, QUEUED and USAGE are reply-only: NLA_UNSPEC, rejected
	 * by strict parsing */
};

static const struct nla_policy echo_policy[GTPU_ECHO_A_MAX + 1] = {
	[GTPU_ECHO_A_PEER_IP4]		= { .type = NLA_BE32 },
	[GTPU_ECHO_A_PEER_IP6]		= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
};

static const struct nla_policy bearer_cmd_policy[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX]		= { .type = NLA_U32 },
	[GTPU_A_BEARER]			= NLA_POLICY_NESTED(gtpu_nl_bearer_policy),
};

/* BEARER_GET also takes FLAGS */
static const struct nla_policy bearer_get_policy[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX]		= { .type = NLA_U32 },
	[GTPU_A_BEARER]			= NLA_POLICY_NESTED(gtpu_nl_bearer_policy),
	[GTPU_A_FLAGS]			= NLA_POLICY_MASK(NLA_U32, __GTPU_F_ALL),
};

static const struct nla_policy ambr_cmd_policy[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX]		= { .type = NLA_U32 },
	[GTPU_A_AMBR]			= NLA_POLICY_NESTED(gtpu_nl_ambr_policy),
};

static const struct nla_policy dev_cmd_policy[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX]		= { .type = NLA_U32 },
};

static const struct nla_policy echo_cmd_policy[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX]		= { .type = NLA_U32 },
	[GTPU_A_ECHO]			= NLA_POLICY_NESTED(echo_policy),
};

/* The device named by GTPU_A_IFINDEX, with a reference (gtpu_dev_put) */
struct gtpu_dev *gtpu_nl_dev_from_info(struct genl_info *info)
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

/*
 * The family's one permission check, GENL_UNS_ADMIN_PERM's test done here so
 * that a refusal carries an extack message: the sender of skb must have
 * CAP_NET_ADMIN in the user namespace that owns net, the network namespace
 * of the request's socket (netlink_ns_capable(): the opener of the socket
 * and the sender both).  Devices are looked up in that namespace only and
 * never move (NETNS_LOCAL), so it is the device's.  Used by pre_doit for
 * every command that changes state and by the read-and-clear of usage
 * (BEARER_GET do and dump with GTPU_F_USAGE_CLEAR).
 */
int gtpu_nl_admin_check(const struct sk_buff *skb, const struct net *net,
			struct netlink_ext_ack *extack)
{
	if (netlink_ns_capable(skb, net->user_ns, CAP_NET_ADMIN))
		return 0;
	NL_SET_ERR_MSG(extack,
		       "needs CAP_NET_ADMIN in the user namespace owning the device's network namespace");
	return -EPERM;
}

static int pre_doit(u8 internal_flags, struct sk_buff *skb,
		    struct genl_info *info)
{
	if (!(internal_flags & GTPU_NL_ADMIN))
		return 0;
	return gtpu_nl_admin_check(skb, genl_info_net(info), info->extack);
}

GTPU_COMPAT_PRE_DOIT(gtpu_nl_pre_doit, pre_doit)

/* Take the writer lock of a referenced device; fails if it is going away */
int gtpu_nl_dev_lock(struct gtpu_dev *gdev, struct netlink_ext_ack *extack)
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

static int parse_ue6(struct nlattr *ue6, struct nlattr *plen,
		     struct gtpu_bearer_cfg *cfg, struct netlink_ext_ack *extack)
{
	if (!ue6) {
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
	cfg->ue_ip6 = nla_get_in6_addr(ue6);
	if (cfg->ue_ip6.s6_addr32[2] || cfg->ue_ip6.s6_addr32[3]) {
		NL_SET_ERR_MSG_ATTR(extack, ue6, "UE IPv6 prefix has host bits set");
		return -EINVAL;
	}
	cfg->has_ue6 = true;
	return 0;
}

/*
 * One GTPU_A_BEARER nest of a doit request -> cfg; LOCAL_TEID is always
 * required.  The genl core has already validated every attribute of the
 * request strictly against the command's policy, repeated GTPU_A_BEARER
 * nests included (NLA_POLICY_NESTED(gtpu_nl_bearer_policy)), so the nest is
 * only read here, not validated a second time, in one pass without an
 * attribute table: with up to GTPU_BEARERS_PER_MSG_MAX nests per request
 * this runs for every bearer of a mass insert.  As with nla_parse(), an
 * attribute given twice counts with its last value.  Any THRESHOLD_*
 * re-arms the meter with the ones given (others: none); MBR_UL/DL,
 * AMBR_GROUP and QFI are applied by qos.c.
 */
int gtpu_nl_parse_bearer(const struct nlattr *nest, struct gtpu_bearer_cfg *cfg,
			 struct netlink_ext_ack *extack)
{
	struct nlattr *teid = NULL, *p4 = NULL, *p6 = NULL, *ue6 = NULL;
	struct nlattr *plen = NULL, *a;
	int err, rem;

	memset(cfg, 0, sizeof(*cfg));
	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case GTPU_BEARER_A_LOCAL_TEID:
			teid = a;
			break;
		case GTPU_BEARER_A_REMOTE_TEID:
			cfg->remote_teid = cpu_to_be32(nla_get_u32(a));
			cfg->has_remote_teid = true;
			break;
		case GTPU_BEARER_A_PEER_IP4:
			p4 = a;
			break;
		case GTPU_BEARER_A_PEER_IP6:
			p6 = a;
			break;
		case GTPU_BEARER_A_UE_IP4:
			cfg->ue_ip4 = nla_get_in_addr(a);
			cfg->has_ue4 = true;
			break;
		case GTPU_BEARER_A_UE_IP6:
			ue6 = a;
			break;
		case GTPU_BEARER_A_UE_IP6_PLEN:
			plen = a;
			break;
		case GTPU_BEARER_A_EBI:
			cfg->ebi = nla_get_u8(a);
			cfg->has_ebi = true;
			break;
		case GTPU_BEARER_A_COOKIE:
			cfg->cookie = nla_get_u64(a);
			cfg->has_cookie = true;
			break;
		case GTPU_BEARER_A_STATE:
			cfg->state = nla_get_u8(a);
			cfg->has_state = true;
			break;
		case GTPU_BEARER_A_THRESHOLD_TOTAL:
			cfg->thr[GTPU_THR_TOTAL] = nla_get_u64(a);
			cfg->has_thr = true;
			break;
		case GTPU_BEARER_A_THRESHOLD_UL:
			cfg->thr[GTPU_THR_UL] = nla_get_u64(a);
			cfg->has_thr = true;
			break;
		case GTPU_BEARER_A_THRESHOLD_DL:
			cfg->thr[GTPU_THR_DL] = nla_get_u64(a);
			cfg->has_thr = true;
			break;
		case GTPU_BEARER_A_TFT:
			cfg->tft = a;
			break;
		case GTPU_BEARER_A_MBR_UL:
			cfg->mbr[GTPU_DIR_UL] = nla_get_u64(a);
			cfg->has_mbr[GTPU_DIR_UL] = true;
			break;
		case GTPU_BEARER_A_MBR_DL:
			cfg->mbr[GTPU_DIR_DL] = nla_get_u64(a);
			cfg->has_mbr[GTPU_DIR_DL] = true;
			break;
		case GTPU_BEARER_A_AMBR_GROUP:
			cfg->ambr_group = nla_get_u32(a);
			cfg->has_ambr_group = true;
			break;
		case GTPU_BEARER_A_QFI:
			cfg->qfi = nla_get_u8(a);
			cfg->has_qfi = true;
			break;
		}
	}
	if (!teid) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "missing LOCAL_TEID");
		return -EINVAL;
	}
	cfg->local_teid = nla_get_u32(teid);
	err = parse_peer(p4, p6, &cfg->peer, extack);
	if (err)
		return err;
	cfg->has_peer = cfg->peer.family != 0;
	return parse_ue6(ue6, plen, cfg, extack);
}

struct sk_buff *gtpu_nl_bearer_msg(struct gtpu_dev *gdev,
				   const struct gtpu_bearer *b, u32 portid,
				   u32 seq, u8 cmd, bool with_stats, gfp_t gfp)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(BEARER_MSG_SIZE + gtpu_tft_msg_size(b), gfp);
	if (!msg)
		return NULL;
	hdr = genlmsg_put(msg, portid, seq, &gtpu_genl_family, 0, cmd);
	if (!hdr ||
	    nla_put_u32(msg, GTPU_A_IFINDEX, gdev->dev->ifindex) ||
	    gtpu_nl_put_bearer(msg, b, with_stats, NULL)) {
		nlmsg_free(msg);
		return NULL;
	}
	genlmsg_end(msg, hdr);
	return msg;
}

static void bearer_event(struct gtpu_dev *gdev, const struct gtpu_bearer *b,
			 u8 cmd, gfp_t gfp)
{
	struct sk_buff *msg;

	if (!genl_has_listeners(&gtpu_genl_family, gdev->net, 0))
		return;
	msg = gtpu_nl_bearer_msg(gdev, b, 0, 0, cmd,
				 cmd == GTPU_CMD_BEARER_DELETED, gfp);
	if (msg)
		genlmsg_multicast_netns(&gtpu_genl_family, gdev->net, msg, 0,
					0, gfp);
}

/* BEARER_NEW / BEARER_DELETED on the "events" group, if anyone listens */
void gtpu_netlink_bearer_event(struct gtpu_dev *gdev,
			       const struct gtpu_bearer *b, u8 cmd)
{
	bearer_event(gdev, b, cmd, GFP_KERNEL);
}

/* DOWNLINK_DATA (softirq) */
void gtpu_netlink_bearer_event_atomic(struct gtpu_dev *gdev,
				      const struct gtpu_bearer *b, u8 cmd)
{
	bearer_event(gdev, b, cmd, GFP_ATOMIC);
}

/* USAGE (softirq): the bearer and the meter's snapshot */
void gtpu_netlink_usage_event(struct gtpu_dev *gdev,
			      const struct gtpu_bearer *b,
			      const struct gtpu_usage *u)
{
	struct sk_buff *msg;
	void *hdr;

	if (!genl_has_listeners(&gtpu_genl_family, gdev->net, 0))
		return;
	msg = genlmsg_new(BEARER_MSG_SIZE + gtpu_tft_msg_size(b), GFP_ATOMIC);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &gtpu_genl_family, 0, GTPU_CMD_USAGE);
	if (!hdr || nla_put_u32(msg, GTPU_A_IFINDEX, gdev->dev->ifindex) ||
	    gtpu_nl_put_bearer(msg, b, false, u)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&gtpu_genl_family, gdev->net, msg, 0, 0,
				GFP_ATOMIC);
}

/* ERROR_INDICATION (softirq): the peer, the TEID, our bearer if found */
void gtpu_netlink_err_ind_event(struct gtpu_dev *gdev,
				const struct gtpu_addr *peer, u32 teid,
				const struct gtpu_bearer *b)
{
	struct sk_buff *msg;
	struct nlattr *nest;
	void *hdr;

	if (!genl_has_listeners(&gtpu_genl_family, gdev->net, 0))
		return;
	msg = genlmsg_new(BEARER_MSG_SIZE + (b ? gtpu_tft_msg_size(b) : 0), GFP_ATOMIC);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &gtpu_genl_family, 0,
			  GTPU_CMD_ERROR_INDICATION);
	if (!hdr || nla_put_u32(msg, GTPU_A_IFINDEX, gdev->dev->ifindex))
		goto free;
	nest = nla_nest_start(msg, GTPU_A_ERR_IND);
	if (!nest || nla_put_u32(msg, GTPU_ERR_IND_A_TEID, teid) ||
	    (peer->family == AF_INET ?
	     nla_put_in_addr(msg, GTPU_ERR_IND_A_PEER_IP4, peer->v4) :
	     nla_put_in6_addr(msg, GTPU_ERR_IND_A_PEER_IP6, &peer->v6)))
		goto free;
	nla_nest_end(msg, nest);
	if (b && gtpu_nl_put_bearer(msg, b, false, NULL))
		goto free;
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&gtpu_genl_family, gdev->net, msg, 0, 0,
				GFP_ATOMIC);
	return;
free:
	nlmsg_free(msg);
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

static int dev_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_dev *gdev;
	struct sk_buff *msg;
	void *hdr;
	int err = -ENOMEM;

	gdev = gtpu_nl_dev_from_info(info);
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

	gdev = gtpu_nl_dev_from_info(info);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);
	err = echo_parse(info, gdev, &peer);
	if (!err)
		err = gtpu_nl_dev_lock(gdev, info->extack);
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
		.doit = gtpu_nl_bearer_add,
		.policy = bearer_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.internal_flags = GTPU_NL_ADMIN,
	},
	{
		.cmd = GTPU_CMD_BEARER_MOD,
		.doit = gtpu_nl_bearer_mod,
		.policy = bearer_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.internal_flags = GTPU_NL_ADMIN,
	},
	{
		.cmd = GTPU_CMD_BEARER_DEL,
		.doit = gtpu_nl_bearer_del,
		.policy = bearer_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.internal_flags = GTPU_NL_ADMIN,
	},
	{
		.cmd = GTPU_CMD_BEARER_GET,
		.doit = gtpu_nl_bearer_get,
		.start = gtpu_nl_bearer_dump_start,
		.dumpit = gtpu_nl_bearer_dump,
		.policy = bearer_get_policy,
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
		.cmd = GTPU_CMD_END_MARKER,
		.doit = gtpu_nl_end_marker,
		.policy = bearer_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.internal_flags = GTPU_NL_ADMIN,
	},
	{
		.cmd = GTPU_CMD_AMBR_SET,
		.doit = gtpu_nl_ambr_set,
		.policy = ambr_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.internal_flags = GTPU_NL_ADMIN,
	},
	{
		.cmd = GTPU_CMD_AMBR_GET,
		.doit = gtpu_nl_ambr_get,
		.dumpit = gtpu_nl_ambr_dump,
		.policy = ambr_cmd_policy,
		.maxattr = GTPU_A_MAX,
	},
	{
		.cmd = GTPU_CMD_ECHO,
		.doit = echo_doit,
		.policy = echo_cmd_policy,
		.maxattr = GTPU_A_MAX,
		.internal_flags = GTPU_NL_ADMIN,
	},
};

static const struct genl_multicast_group gtpu_mcgrps[] = {
	{ .name = GTPU_GENL_MCGRP_EVENTS, .flags = GTPU_COMPAT_MCGRP_ADMIN },
};

struct genl_family gtpu_genl_family __ro_after_init = {
	.name		= GTPU_GENL_NAME,
	.version	= GTPU_GENL_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.pre_doit	= gtpu_nl_pre_doit,
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
