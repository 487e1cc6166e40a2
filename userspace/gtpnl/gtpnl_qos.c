// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl QoS: the MBR/AMBR group/QFI attributes of a bearer, and the
 * APN-AMBR group commands (GTPU_CMD_AMBR_SET, GTPU_CMD_AMBR_GET): message
 * builders and parsers (no I/O), then the socket calls.
 */
#include <errno.h>
#include <string.h>
#include <linux/genetlink.h>

#include "gtpnl/gtpnl_int.h"

/* ------------------------------------------------------------ bearers --- */

bool gtpnl_put_qos(struct nlmsghdr *nlh, size_t len,
		   const struct gtpnl_bearer *b)
{
	bool ok = true;

	if (b->have & GTPNL_B_MBR_UL)
		ok = mnl_attr_put_u64_check(nlh, len, GTPU_BEARER_A_MBR_UL,
					    b->mbr_ul);
	if (ok && (b->have & GTPNL_B_MBR_DL))
		ok = mnl_attr_put_u64_check(nlh, len, GTPU_BEARER_A_MBR_DL,
					    b->mbr_dl);
	if (ok && (b->have & GTPNL_B_AMBR_GROUP))
		ok = mnl_attr_put_u32_check(nlh, len, GTPU_BEARER_A_AMBR_GROUP,
					    b->ambr_group);
	if (ok && (b->have & GTPNL_B_QFI))
		ok = mnl_attr_put_u8_check(nlh, len, GTPU_BEARER_A_QFI, b->qfi);
	return ok;
}

void gtpnl_fill_qos(const struct nlattr **t, struct gtpnl_bearer *b)
{
	if (t[GTPU_BEARER_A_MBR_UL]) {
		b->have |= GTPNL_B_MBR_UL;
		b->mbr_ul = mnl_attr_get_u64(t[GTPU_BEARER_A_MBR_UL]);
	}
	if (t[GTPU_BEARER_A_MBR_DL]) {
		b->have |= GTPNL_B_MBR_DL;
		b->mbr_dl = mnl_attr_get_u64(t[GTPU_BEARER_A_MBR_DL]);
	}
	if (t[GTPU_BEARER_A_AMBR_GROUP]) {
		b->have |= GTPNL_B_AMBR_GROUP;
		b->ambr_group = mnl_attr_get_u32(t[GTPU_BEARER_A_AMBR_GROUP]);
	}
	if (t[GTPU_BEARER_A_QFI]) {
		b->have |= GTPNL_B_QFI;
		b->qfi = mnl_attr_get_u8(t[GTPU_BEARER_A_QFI]);
	}
}

/* -------------------------------------------------------- AMBR groups --- */

struct nlmsghdr *gtpnl_msg_ambr_set(void *buf, size_t len, uint16_t family,
				    uint32_t seq, const struct gtpnl_ambr *a)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	nlh = gtpnl_msg_genl(buf, len, family, GTPU_CMD_AMBR_SET, 0, seq);
	if (!nlh ||
	    !mnl_attr_put_u32_check(nlh, len, GTPU_A_IFINDEX, a->ifindex))
		return NULL;
	nest = mnl_attr_nest_start_check(nlh, len, GTPU_A_AMBR);
	if (!nest ||
	    !mnl_attr_put_u32_check(nlh, len, GTPU_AMBR_A_GROUP, a->group) ||
	    ((a->have & GTPNL_A_UL) &&
	     !mnl_attr_put_u64_check(nlh, len, GTPU_AMBR_A_UL, a->ul)) ||
	    ((a->have & GTPNL_A_DL) &&
	     !mnl_attr_put_u64_check(nlh, len, GTPU_AMBR_A_DL, a->dl)))
		return NULL;
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

struct nlmsghdr *gtpnl_msg_ambr_get(void *buf, size_t len, uint16_t family,
				    uint32_t seq, uint32_t ifindex,
				    uint32_t group)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	nlh = gtpnl_msg_genl(buf, len, family, GTPU_CMD_AMBR_GET,
			     group ? 0 : NLM_F_DUMP, seq);
	if (!nlh)
		return NULL;
	if (ifindex &&
	    !mnl_attr_put_u32_check(nlh, len, GTPU_A_IFINDEX, ifindex))
		return NULL;
	if (!group)
		return nlh;
	nest = mnl_attr_nest_start_check(nlh, len, GTPU_A_AMBR);
	if (!nest ||
	    !mnl_attr_put_u32_check(nlh, len, GTPU_AMBR_A_GROUP, group))
		return NULL;
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static const uint8_t ambr_shapes[GTPU_AMBR_A_MAX + 1] = {
	[GTPU_AMBR_A_GROUP] = GTPNL_U32,
	[GTPU_AMBR_A_UL] = GTPNL_U64,
	[GTPU_AMBR_A_DL] = GTPNL_U64,
	[GTPU_AMBR_A_MEMBERS] = GTPNL_U32,
	[GTPU_AMBR_A_DROP_UL] = GTPNL_U64,
	[GTPU_AMBR_A_DROP_DL] = GTPNL_U64,
};

static uint64_t u64_or_0(const struct nlattr *a)
{
	return a ? mnl_attr_get_u64(a) : 0;
}

int gtpnl_parse_ambr(const struct nlmsghdr *nlh, struct gtpnl_ambr *a)
{
	const struct nlattr *tb[GTPU_A_MAX + 1];
	const struct nlattr *t[GTPU_AMBR_A_MAX + 1];
	int err;

	memset(a, 0, sizeof(*a));
	err = gtpnl_parse_top(nlh, tb);
	if (err)
		return err;
	if (!tb[GTPU_A_IFINDEX] || !tb[GTPU_A_AMBR])
		return -EBADMSG;
	a->ifindex = mnl_attr_get_u32(tb[GTPU_A_IFINDEX]);
	err = gtpnl_attr_walk_nest(tb[GTPU_A_AMBR], ambr_shapes,
				   GTPU_AMBR_A_MAX, t);
	if (err)
		return err;
	if (!t[GTPU_AMBR_A_GROUP])
		return -EBADMSG;
	a->group = mnl_attr_get_u32(t[GTPU_AMBR_A_GROUP]);
	if (t[GTPU_AMBR_A_UL])
		a->have |= GTPNL_A_UL;
	if (t[GTPU_AMBR_A_DL])
		a->have |= GTPNL_A_DL;
	a->ul = u64_or_0(t[GTPU_AMBR_A_UL]);
	a->dl = u64_or_0(t[GTPU_AMBR_A_DL]);
	if (t[GTPU_AMBR_A_MEMBERS])
		a->members = mnl_attr_get_u32(t[GTPU_AMBR_A_MEMBERS]);
	a->drop_ul = u64_or_0(t[GTPU_AMBR_A_DROP_UL]);
	a->drop_dl = u64_or_0(t[GTPU_AMBR_A_DROP_DL]);
	return 0;
}

/* -------------------------------------------------------------- calls --- */

int gtpnl_ambr_set(struct gtpnl *h, const struct gtpnl_ambr *a)
{
	struct nlmsghdr *nlh;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	nlh = gtpnl_msg_ambr_set(h->req, sizeof(h->req), h->family, 0, a);
	if (!nlh)
		return gtpnl_fail(h, -EMSGSIZE, "request too large");
	nlh->nlmsg_flags |= NLM_F_ACK;
	return gtpnl_talk(h, h->genl, nlh, NULL, NULL, NULL);
}

struct ambr_ctx {
	struct gtpnl_ambr *out;
	gtpnl_ambr_cb cb;
	void *data;
	bool found;
};

static int ambr_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ambr_ctx *c = data;
	struct gtpnl_ambr a;
	int err = gtpnl_parse_ambr(nlh, c->out ? c->out : &a);

	if (err)
		return err;
	c->found = true;
	return c->cb ? c->cb(&a, c->data) : 0;
}

int gtpnl_ambr_get(struct gtpnl *h, uint32_t ifindex, uint32_t group,
		   struct gtpnl_ambr *out)
{
	struct ambr_ctx c = { .out = out };
	struct nlmsghdr *nlh;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	if (!ifindex || !group)
		return gtpnl_fail(h, -EINVAL, "no device or group given");
	nlh = gtpnl_msg_ambr_get(h->req, sizeof(h->req), h->family, 0,
				 ifindex, group);
	nlh->nlmsg_flags |= NLM_F_ACK;
	err = gtpnl_talk(h, h->genl, nlh, ambr_cb, &c, NULL);
	if (!err && !c.found)
		return gtpnl_fail(h, -EBADMSG, "no group in the kernel's reply");
	return err;
}

int gtpnl_ambr_dump(struct gtpnl *h, uint32_t ifindex, gtpnl_ambr_cb cb,
		    void *data)
{
	struct ambr_ctx c = { .cb = cb, .data = data };
	struct nlmsghdr *nlh;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	nlh = gtpnl_msg_ambr_get(h->req, sizeof(h->req), h->family, 0,
				 ifindex, 0);
	return gtpnl_talk(h, h->genl, nlh, ambr_cb, &c, NULL);
}
