// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl message layer, generic netlink control and netlink errors: the
 * CTRL_CMD_NEWFAMILY reply (family id, version, multicast group) and
 * NLMSG_ERROR / NLMSG_DONE with their extended ACK attributes.  No I/O.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>

#include "gtpnl/gtpnl_int.h"

/* ------------------------------------------------ control and errors --- */

static const uint8_t ctrl_shapes[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID] = GTPNL_U16,
	[CTRL_ATTR_VERSION] = GTPNL_U32,
	[CTRL_ATTR_FAMILY_NAME] = GTPNL_STR,
	[CTRL_ATTR_MCAST_GROUPS] = GTPNL_NEST,
};

static const uint8_t grp_shapes[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
	[CTRL_ATTR_MCAST_GRP_NAME] = GTPNL_STR,
	[CTRL_ATTR_MCAST_GRP_ID] = GTPNL_U32,
};

/* Finds group @name in CTRL_ATTR_MCAST_GROUPS (a nest of nests). */
static int find_group(const struct nlattr *groups, const char *name,
		      uint32_t *id)
{
	const struct nlattr *a;

	*id = 0;
	mnl_attr_for_each_nested(a, groups) {
		const struct nlattr *gt[CTRL_ATTR_MCAST_GRP_MAX + 1];

		if (gtpnl_attr_walk_nest(a, grp_shapes, CTRL_ATTR_MCAST_GRP_MAX,
					 gt))
			return -EBADMSG;
		if (!gt[CTRL_ATTR_MCAST_GRP_NAME] || !gt[CTRL_ATTR_MCAST_GRP_ID])
			return -EBADMSG;
		if (!strcmp(mnl_attr_get_str(gt[CTRL_ATTR_MCAST_GRP_NAME]), name))
			*id = mnl_attr_get_u32(gt[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

int gtpnl_parse_family(const struct nlmsghdr *nlh, const char *grp,
		       uint16_t *id, uint32_t *grp_id)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];
	size_t hl = MNL_ALIGN(sizeof(struct genlmsghdr));
	int err;

	*grp_id = 0;
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + hl)
		return -EBADMSG;
	err = gtpnl_attr_walk((const char *)mnl_nlmsg_get_payload(nlh) + hl,
			      nlh->nlmsg_len - MNL_NLMSG_HDRLEN - hl,
			      ctrl_shapes, CTRL_ATTR_MAX, tb);
	if (err)
		return err;
	if (!tb[CTRL_ATTR_FAMILY_ID])
		return -EBADMSG;
	*id = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (!tb[CTRL_ATTR_MCAST_GROUPS] || !grp)
		return 0;
	return find_group(tb[CTRL_ATTR_MCAST_GROUPS], grp, grp_id);
}

int gtpnl_parse_family_version(const struct nlmsghdr *nlh, uint32_t *version)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];
	size_t hl = MNL_ALIGN(sizeof(struct genlmsghdr));
	int err;

	*version = 0;
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + hl)
		return -EBADMSG;
	err = gtpnl_attr_walk((const char *)mnl_nlmsg_get_payload(nlh) + hl,
			      nlh->nlmsg_len - MNL_NLMSG_HDRLEN - hl,
			      ctrl_shapes, CTRL_ATTR_MAX, tb);
	if (err)
		return err;
	if (tb[CTRL_ATTR_VERSION])
		*version = mnl_attr_get_u32(tb[CTRL_ATTR_VERSION]);
	return 0;
}

static const uint8_t ext_shapes[NLMSGERR_ATTR_MAX + 1] = {
	[NLMSGERR_ATTR_MSG] = GTPNL_STR,
	[NLMSGERR_ATTR_OFFS] = GTPNL_U32,
	[NLMSGERR_ATTR_MISS_TYPE] = GTPNL_U32,
};

static void parse_ext_ack(const struct nlmsghdr *nlh, size_t off, char *msg,
			  size_t msglen)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	const char *payload = mnl_nlmsg_get_payload(nlh);
	size_t plen = mnl_nlmsg_get_payload_len(nlh);

	if (off > plen ||
	    gtpnl_attr_walk(payload + off, plen - off, ext_shapes,
			    NLMSGERR_ATTR_MAX, tb))
		return;
	if (tb[NLMSGERR_ATTR_MSG])
		snprintf(msg, msglen, "%s", mnl_attr_get_str(tb[NLMSGERR_ATTR_MSG]));
	else if (tb[NLMSGERR_ATTR_MISS_TYPE])
		snprintf(msg, msglen, "missing attribute (type %u)",
			 mnl_attr_get_u32(tb[NLMSGERR_ATTR_MISS_TYPE]));
}

int gtpnl_parse_error_offset(const struct nlmsghdr *nlh, uint32_t *off)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	const char *payload = mnl_nlmsg_get_payload(nlh);
	size_t plen, at = sizeof(int);

	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN || nlh->nlmsg_type != NLMSG_ERROR ||
	    !(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return -ENOENT;
	plen = mnl_nlmsg_get_payload_len(nlh);
	if (plen < sizeof(*e))
		return -ENOENT;
	at += nlh->nlmsg_flags & NLM_F_CAPPED ? sizeof(struct nlmsghdr) :
						MNL_ALIGN(e->msg.nlmsg_len);
	if (at > plen || gtpnl_attr_walk(payload + at, plen - at, ext_shapes,
					 NLMSGERR_ATTR_MAX, tb) ||
	    !tb[NLMSGERR_ATTR_OFFS])
		return -ENOENT;
	*off = mnl_attr_get_u32(tb[NLMSGERR_ATTR_OFFS]);
	return 0;
}

int gtpnl_parse_error(const struct nlmsghdr *nlh, int *err, char *msg,
		      size_t msglen)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	size_t plen = mnl_nlmsg_get_payload_len(nlh);
	bool done = nlh->nlmsg_type == NLMSG_DONE;
	size_t off = sizeof(int);
	int v;

	if (msglen)
		msg[0] = '\0';
	*err = 0;
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN)
		return -EBADMSG;
	if (done && plen < sizeof(int))
		return 0;		/* old kernels: NLMSG_DONE without error */
	if (plen < (done ? sizeof(int) : sizeof(*e)))
		return -EBADMSG;
	memcpy(&v, e, sizeof(v));
	*err = v > 0 ? -v : v;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || !msglen)
		return 0;
	/* NLMSG_ERROR: TLVs follow the echoed request (header only if capped);
	 * NLMSG_DONE: they follow the error code */
	if (!done && (nlh->nlmsg_flags & NLM_F_CAPPED))
		off += sizeof(struct nlmsghdr);
	else if (!done)
		off += MNL_ALIGN(e->msg.nlmsg_len);
	parse_ext_ack(nlh, off, msg, msglen);
	return 0;
}
