// SPDX-License-Identifier: GPL-2.0
/*
 * Bearer commands of the "gtpu" family: ADD, MOD, DEL, GET (do).
 *
 * BEARER_ADD and BEARER_DEL take up to GTPU_BEARERS_PER_MSG_MAX GTPU_A_BEARER
 * nests in one message and apply them under one hold of gtpu_dev.lock, all
 * or nothing:
 *
 *   ADD  nests are inserted in order; on the first one that fails, the
 *        bearers this request inserted are removed again (they were visible
 *        to the datapath and to dumps for the duration of the request only;
 *        no event was sent for them), the error and its extack message are
 *        returned, and NL_SET_BAD_ATTR points at the failing nest (or, for a
 *        policy error, at the bad attribute inside it).
 *   DEL  every TEID is looked up and marked first; an unknown TEID, or one
 *        named twice, fails the request before anything is removed.
 *
 * Events (BEARER_NEW, BEARER_DELETED) are sent only for requests that
 * succeed, one per bearer, in request order.
 */
#include <net/genetlink.h>

#include "gtpu.h"

/* Iterate over the GTPU_A_BEARER nests of a request */
#define for_each_bearer_nest(pos, info, rem)				\
	nlmsg_for_each_attr(pos, (info)->nlhdr, GENL_HDRLEN, rem)	\
		if (nla_type(pos) == GTPU_A_BEARER)

/* Number of GTPU_A_BEARER nests, or a negative errno with extack set */
static int count_nests(struct genl_info *info, int max)
{
	const struct nlattr *a;
	int rem, n = 0;

	for_each_bearer_nest(a, info, rem)
		n++;
	if (!n) {
		NL_SET_ERR_MSG(info->extack, "missing BEARER");
		return -EINVAL;
	}
	if (n > max && max == 1) {
		NL_SET_ERR_MSG(info->extack, "this command takes one BEARER");
		return -EINVAL;
	}
	if (n > max) {
		NL_SET_ERR_MSG(info->extack,
			       "too many BEARER nests (GTPU_BEARERS_PER_MSG_MAX)");
		return -E2BIG;
	}
	return n;
}

static int add_checks(const struct nlattr *nest,
		      const struct gtpu_bearer_cfg *cfg,
		      struct netlink_ext_ack *extack)
{
	if (!cfg->has_remote_teid) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "missing REMOTE_TEID");
		return -EINVAL;
	}
	if (!cfg->has_peer) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "missing PEER_IP4 or PEER_IP6");
		return -EINVAL;
	}
	if (!cfg->has_ue4 && !cfg->has_ue6) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "need UE_IP4 or UE_IP6");
		return -EINVAL;
	}
	return 0;
}

/* Parse, check and insert one nest; extack and the bad attribute are set */
static int add_one(struct gtpu_dev *gdev, const struct nlattr *nest,
		   struct netlink_ext_ack *extack)
{
	struct gtpu_bearer_cfg cfg;
	struct gtpu_bearer *b;
	int err;

	err = gtpu_nl_parse_bearer(nest, &cfg, extack);
	if (!err)
		err = add_checks(nest, &cfg, extack);
	if (err)
		return err;
	b = gtpu_bearer_insert(gdev, &cfg, extack);
	if (IS_ERR(b)) {
		err = PTR_ERR(b);
		goto bad;
	}
	err = 0;
	if (cfg.has_thr)
		err = gtpu_meter_set(gdev, b, &cfg, extack);
	if (!err)
		err = gtpu_qos_set(gdev, b, &cfg, extack);
	if (!err && cfg.has_state && cfg.state == GTPU_BEARER_STATE_IDLE)
		err = gtpu_idle_set(gdev, b, extack);
	if (err) {
		gtpu_bearer_remove(gdev, b);
		goto bad;
	}
	return 0;
bad:
	NL_SET_BAD_ATTR(extack, nest);
	return err;
}

/* LOCAL_TEID of a nest that was parsed successfully before (0 if none) */
static u32 nest_teid(const struct nlattr *nest)
{
	const struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem)
		if (nla_type(a) == GTPU_BEARER_A_LOCAL_TEID)
			return nla_get_u32(a);
	return 0;
}

/* Undo the first n nests of a failed ADD (all of them were inserted) */
static void add_undo(struct gtpu_dev *gdev, struct genl_info *info, int n)
{
	struct gtpu_bearer *b;
	const struct nlattr *a;
	int rem;

	for_each_bearer_nest(a, info, rem) {
		if (n-- <= 0)
			break;
		b = gtpu_bearer_lookup_teid(gdev, nest_teid(a));
		if (!WARN_ON_ONCE(!b))
			gtpu_bearer_remove(gdev, b);
	}
}

/* One event per bearer of a successful request, in request order */
static void nests_event(struct gtpu_dev *gdev, struct genl_info *info, u8 cmd)
{
	struct gtpu_bearer *b;
	const struct nlattr *a;
	int rem;

	if (!genl_has_listeners(&gtpu_genl_family, gdev->net, 0))
		return;
	for_each_bearer_nest(a, info, rem) {
		b = gtpu_bearer_lookup_teid(gdev, nest_teid(a));
		if (b)
			gtpu_netlink_bearer_event(gdev, b, cmd);
	}
}

int gtpu_nl_bearer_add(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_dev *gdev;
	const struct nlattr *a;
	int err, rem, done = 0;

	gdev = gtpu_nl_dev_from_info(info);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);
	err = count_nests(info, GTPU_BEARERS_PER_MSG_MAX);
	if (err < 0)
		goto out_put;
	err = gtpu_nl_dev_lock(gdev, info->extack);
	if (err)
		goto out_put;
	for_each_bearer_nest(a, info, rem) {
		err = add_one(gdev, a, info->extack);
		if (err)
			break;
		if (!(++done % 64))
			cond_resched();
	}
	if (err)
		add_undo(gdev, info, done);
	else
		nests_event(gdev, info, GTPU_CMD_BEARER_NEW);
	mutex_unlock(&gdev->lock);
out_put:
	gtpu_dev_put(gdev);
	return err;
}

/* Common part of MOD and GET: device, the one nest, lock, and the bearer */
static struct gtpu_bearer *locked_bearer(struct genl_info *info,
					 struct gtpu_dev **gdevp,
					 struct gtpu_bearer_cfg *cfg)
{
	struct gtpu_dev *gdev;
	struct gtpu_bearer *b;
	int err;

	gdev = gtpu_nl_dev_from_info(info);
	if (IS_ERR(gdev))
		return ERR_CAST(gdev);
	err = count_nests(info, 1);
	if (err > 0)
		err = gtpu_nl_parse_bearer(info->attrs[GTPU_A_BEARER], cfg,
					   info->extack);
	if (!err)
		err = gtpu_nl_dev_lock(gdev, info->extack);
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

int gtpu_nl_bearer_mod(struct sk_buff *skb, struct genl_info *info)
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

/* DEL phase 1: the bearer of one nest, checked and marked */
static int del_mark(struct gtpu_dev *gdev, const struct nlattr *nest,
		    struct netlink_ext_ack *extack)
{
	struct gtpu_bearer_cfg cfg;
	struct gtpu_bearer *b;
	int err;

	err = gtpu_nl_parse_bearer(nest, &cfg, extack);
	if (err)
		return err;
	b = gtpu_bearer_lookup_teid(gdev, cfg.local_teid);
	if (!b) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "no bearer with this TEID");
		return -ENOENT;
	}
	if (b->flags & GTPU_BF_MARK) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "TEID named twice in one request");
		return -EINVAL;
	}
	b->flags |= GTPU_BF_MARK;
	return 0;
}

/* Clear the marks of the first n nests (all of them were marked) */
static void del_unmark(struct gtpu_dev *gdev, struct genl_info *info, int n)
{
	struct gtpu_bearer *b;
	const struct nlattr *a;
	int rem;

	for_each_bearer_nest(a, info, rem) {
		if (n-- <= 0)
			break;
		b = gtpu_bearer_lookup_teid(gdev, nest_teid(a));
		if (b)
			b->flags &= ~GTPU_BF_MARK;
	}
}

static void del_all(struct gtpu_dev *gdev, struct genl_info *info)
{
	bool events = genl_has_listeners(&gtpu_genl_family, gdev->net, 0);
	struct gtpu_bearer *b;
	const struct nlattr *a;
	int rem, n = 0;

	for_each_bearer_nest(a, info, rem) {
		b = gtpu_bearer_lookup_teid(gdev, nest_teid(a));
		if (WARN_ON_ONCE(!b))
			continue;
		if (events)
			gtpu_netlink_bearer_event(gdev, b,
						  GTPU_CMD_BEARER_DELETED);
		gtpu_bearer_remove(gdev, b);
		if (!(++n % 64))
			cond_resched();
	}
}

int gtpu_nl_bearer_del(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_dev *gdev;
	const struct nlattr *a;
	int err, rem, n = 0;

	gdev = gtpu_nl_dev_from_info(info);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);
	err = count_nests(info, GTPU_BEARERS_PER_MSG_MAX);
	if (err < 0)
		goto out_put;
	err = gtpu_nl_dev_lock(gdev, info->extack);
	if (err)
		goto out_put;
	for_each_bearer_nest(a, info, rem) {
		err = del_mark(gdev, a, info->extack);
		if (err)
			break;
		n++;
	}
	if (err)
		del_unmark(gdev, info, n);
	else
		del_all(gdev, info);
	mutex_unlock(&gdev->lock);
out_put:
	gtpu_dev_put(gdev);
	return err;
}

/* GET reply that reads and clears the usage (GTPU_F_USAGE_CLEAR) */
static struct sk_buff *get_clear_msg(struct genl_info *info,
				     struct gtpu_dev *gdev,
				     struct gtpu_bearer *b)
{
	struct sk_buff *msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	void *hdr;

	if (!msg)
		return NULL;
	hdr = genlmsg_put_reply(msg, info, &gtpu_genl_family, 0,
				GTPU_CMD_BEARER_GET);
	if (!hdr || nla_put_u32(msg, GTPU_A_IFINDEX, gdev->dev->ifindex) ||
	    gtpu_nl_put_bearer_clear(msg, gdev, b)) {
		nlmsg_free(msg);
		return NULL;
	}
	genlmsg_end(msg, hdr);
	return msg;
}

int gtpu_nl_end_marker(struct sk_buff *skb, struct genl_info *info)
{
	struct gtpu_bearer_cfg cfg;
	struct gtpu_dev *gdev;
	struct gtpu_bearer *b;
	int err;

	b = locked_bearer(info, &gdev, &cfg);
	if (IS_ERR(b))
		return PTR_ERR(b);
	err = gtpu_signal_end_marker(gdev, b);
	unlock_put(gdev);
	if (err)
		NL_SET_ERR_MSG(info->extack, "cannot send the End Marker (no route?)");
	return err;
}

int gtpu_nl_bearer_get(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *flags = info->attrs[GTPU_A_FLAGS];
	struct gtpu_bearer_cfg cfg;
	struct gtpu_dev *gdev;
	struct gtpu_bearer *b;
	struct sk_buff *msg;
	bool clear;
	int err;

	clear = flags && (nla_get_u32(flags) & GTPU_F_USAGE_CLEAR);
	if (clear) {
		err = gtpu_nl_admin_check(skb, genl_info_net(info), info->extack);
		if (err)
			return err;
	}
	b = locked_bearer(info, &gdev, &cfg);
	if (IS_ERR(b))
		return PTR_ERR(b);
	if (clear)
		msg = get_clear_msg(info, gdev, b);
	else
		msg = gtpu_nl_bearer_msg(gdev, b, info->snd_portid,
					 info->snd_seq, GTPU_CMD_BEARER_GET,
					 true, GFP_KERNEL);
	unlock_put(gdev);
	if (!msg) {
		NL_SET_ERR_MSG(info->extack, "cannot build the reply");
		return -ENOMEM;
	}
	return genlmsg_reply(msg, info);
}
