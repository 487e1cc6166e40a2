// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl message layer, rtnetlink part: RTM_NEWLINK/DELLINK/GETLINK for link
 * kind "gtpu" with its IFLA_GTPU_* attributes in IFLA_INFO_DATA.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "gtpnl/gtpnl_int.h"

#define GTPU_KIND	"gtpu"

static struct nlmsghdr *link_start(void *buf, size_t len, uint16_t type,
				   uint16_t flags, uint32_t seq)
{
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;

	nlh = gtpnl_msg_start(buf, len, type, NLM_F_REQUEST | flags, seq,
			      sizeof(*ifm));
	if (!nlh)
		return NULL;
	ifm = mnl_nlmsg_get_payload(nlh);
	ifm->ifi_family = AF_UNSPEC;
	return nlh;
}

static bool put_info_data(struct nlmsghdr *nlh, size_t len,
			  const struct gtpnl_link *l)
{
	struct nlattr *data = mnl_attr_nest_start_check(nlh, len, IFLA_INFO_DATA);
	bool ok = data != NULL;

	if (ok && (l->have & GTPNL_L_LOCAL4))
		ok = mnl_attr_put_check(nlh, len, IFLA_GTPU_LOCAL, 4, &l->local4);
	if (ok && (l->have & GTPNL_L_LOCAL6))
		ok = mnl_attr_put_check(nlh, len, IFLA_GTPU_LOCAL6, 16, &l->local6);
	if (ok && (l->have & GTPNL_L_PORT))
		ok = mnl_attr_put_u16_check(nlh, len, IFLA_GTPU_PORT, l->port);
	if (ok && (l->have & GTPNL_L_RESTART))
		ok = mnl_attr_put_u8_check(nlh, len, IFLA_GTPU_RESTART_COUNTER,
					   l->restart_counter);
	if (ok && (l->have & GTPNL_L_IDLE_QLEN))
		ok = mnl_attr_put_u32_check(nlh, len, IFLA_GTPU_IDLE_QLEN,
					    l->idle_qlen);
	if (ok && (l->have & GTPNL_L_IDLE_QLEN_DEV))
		ok = mnl_attr_put_u32_check(nlh, len, IFLA_GTPU_IDLE_QLEN_DEV,
					    l->idle_qlen_dev);
	if (ok)
		mnl_attr_nest_end(nlh, data);
	return ok;
}

struct nlmsghdr *gtpnl_msg_link_add(void *buf, size_t len, uint32_t seq,
				    const struct gtpnl_link *l)
{
	struct nlmsghdr *nlh;
	struct nlattr *info;

	nlh = link_start(buf, len, RTM_NEWLINK,
			 NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK, seq);
	if (!nlh || !mnl_attr_put_strz_check(nlh, len, IFLA_IFNAME, l->ifname))
		return NULL;
	info = mnl_attr_nest_start_check(nlh, len, IFLA_LINKINFO);
	if (!info || !mnl_attr_put_strz_check(nlh, len, IFLA_INFO_KIND, GTPU_KIND) ||
	    !put_info_data(nlh, len, l))
		return NULL;
	mnl_attr_nest_end(nlh, info);
	return nlh;
}

struct nlmsghdr *gtpnl_msg_link_del(void *buf, size_t len, uint32_t seq,
				    const char *ifname)
{
	struct nlmsghdr *nlh = link_start(buf, len, RTM_DELLINK, NLM_F_ACK, seq);

	if (!nlh || !mnl_attr_put_strz_check(nlh, len, IFLA_IFNAME, ifname))
		return NULL;
	return nlh;
}

struct nlmsghdr *gtpnl_msg_link_dump(void *buf, size_t len, uint32_t seq)
{
	struct nlmsghdr *nlh = link_start(buf, len, RTM_GETLINK, NLM_F_DUMP, seq);
	struct nlattr *info;

	/* kind filter (kernels >= 4.16; older ones ignore it: we check too) */
	if (!nlh)
		return NULL;
	info = mnl_attr_nest_start_check(nlh, len, IFLA_LINKINFO);
	if (!info || !mnl_attr_put_strz_check(nlh, len, IFLA_INFO_KIND, GTPU_KIND))
		return NULL;
	mnl_attr_nest_end(nlh, info);
	return nlh;
}

static const uint8_t link_shapes[IFLA_MAX + 1] = {
	[IFLA_IFNAME] = GTPNL_STR,
	[IFLA_MTU] = GTPNL_U32,
	[IFLA_LINKINFO] = GTPNL_NEST,
};

static const uint8_t info_shapes[IFLA_INFO_MAX + 1] = {
	[IFLA_INFO_KIND] = GTPNL_STR,
	[IFLA_INFO_DATA] = GTPNL_NEST,
};

static const uint8_t gtpu_shapes[IFLA_GTPU_MAX + 1] = {
	[IFLA_GTPU_LOCAL] = GTPNL_U32,
	[IFLA_GTPU_LOCAL6] = GTPNL_BIN16,
	[IFLA_GTPU_PORT] = GTPNL_U16,
	[IFLA_GTPU_RESTART_COUNTER] = GTPNL_U8,
	[IFLA_GTPU_IDLE_QLEN] = GTPNL_U32,
	[IFLA_GTPU_IDLE_QLEN_DEV] = GTPNL_U32,
};

static int parse_gtpu_data(const struct nlattr *data, struct gtpnl_link *l)
{
	const struct nlattr *t[IFLA_GTPU_MAX + 1];
	int err = gtpnl_attr_walk_nest(data, gtpu_shapes, IFLA_GTPU_MAX, t);

	if (err)
		return err;
	if (t[IFLA_GTPU_LOCAL]) {
		l->have |= GTPNL_L_LOCAL4;
		memcpy(&l->local4, mnl_attr_get_payload(t[IFLA_GTPU_LOCAL]), 4);
	}
	if (t[IFLA_GTPU_LOCAL6]) {
		l->have |= GTPNL_L_LOCAL6;
		memcpy(&l->local6, mnl_attr_get_payload(t[IFLA_GTPU_LOCAL6]), 16);
	}
	if (t[IFLA_GTPU_PORT]) {
		l->have |= GTPNL_L_PORT;
		l->port = mnl_attr_get_u16(t[IFLA_GTPU_PORT]);
	}
	if (t[IFLA_GTPU_RESTART_COUNTER]) {
		l->have |= GTPNL_L_RESTART;
		l->restart_counter = mnl_attr_get_u8(t[IFLA_GTPU_RESTART_COUNTER]);
	}
	if (t[IFLA_GTPU_IDLE_QLEN]) {
		l->have |= GTPNL_L_IDLE_QLEN;
		l->idle_qlen = mnl_attr_get_u32(t[IFLA_GTPU_IDLE_QLEN]);
	}
	if (t[IFLA_GTPU_IDLE_QLEN_DEV]) {
		l->have |= GTPNL_L_IDLE_QLEN_DEV;
		l->idle_qlen_dev = mnl_attr_get_u32(t[IFLA_GTPU_IDLE_QLEN_DEV]);
	}
	return 0;
}

int gtpnl_parse_link(const struct nlmsghdr *nlh, struct gtpnl_link *l)
{
	const struct nlattr *tb[IFLA_MAX + 1], *it[IFLA_INFO_MAX + 1];
	size_t hl = MNL_ALIGN(sizeof(struct ifinfomsg));
	const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(nlh);
	int err;

	memset(l, 0, sizeof(*l));
	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    nlh->nlmsg_len < MNL_NLMSG_HDRLEN + hl)
		return -EBADMSG;
	err = gtpnl_attr_walk((const char *)ifm + hl,
			      nlh->nlmsg_len - MNL_NLMSG_HDRLEN - hl,
			      link_shapes, IFLA_MAX, tb);
	if (err)
		return err;
	if (!tb[IFLA_LINKINFO])
		return 1;
	err = gtpnl_attr_walk_nest(tb[IFLA_LINKINFO], info_shapes,
				   IFLA_INFO_MAX, it);
	if (err)
		return err;
	if (!it[IFLA_INFO_KIND] ||
	    strcmp(mnl_attr_get_str(it[IFLA_INFO_KIND]), GTPU_KIND))
		return 1;
	l->ifindex = (uint32_t)ifm->ifi_index;
	l->flags = ifm->ifi_flags;
	if (tb[IFLA_IFNAME]) {
		const char *n = mnl_attr_get_str(tb[IFLA_IFNAME]);

		if (strlen(n) >= sizeof(l->ifname))
			return -EBADMSG;
		strcpy(l->ifname, n);
	}
	if (tb[IFLA_MTU])
		l->mtu = mnl_attr_get_u32(tb[IFLA_MTU]);
	return it[IFLA_INFO_DATA] ? parse_gtpu_data(it[IFLA_INFO_DATA], l) : 0;
}
