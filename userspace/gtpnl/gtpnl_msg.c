// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl message layer: build generic netlink requests for the gtpu family
 * into a caller's buffer, parse replies and events.  No I/O, no state.
 * Attribute layout: include/uapi/linux/gtpu.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>

#include "gtpnl/gtpnl_int.h"

/* ------------------------------------------------------------ walking --- */

static bool shape_ok(const struct nlattr *a, uint8_t shape)
{
	uint16_t plen = mnl_attr_get_payload_len(a);
	const char *p;

	switch (shape) {
	case GTPNL_U8:
		return plen == 1;
	case GTPNL_U16:
		return plen == 2;
	case GTPNL_U32:
		return plen == 4;
	case GTPNL_U64:
		return plen == 8;
	case GTPNL_BIN16:
		return plen == 16;
	case GTPNL_STR:
		p = mnl_attr_get_payload(a);
		return plen > 0 && memchr(p, '\0', plen) != NULL;
	default:
		return true;
	}
}

int gtpnl_attr_walk(const void *payload, size_t len, const uint8_t *shapes,
		    unsigned int max, const struct nlattr **tb)
{
	const struct nlattr *a = payload;
	long rem = (long)len;

	memset(tb, 0, (max + 1) * sizeof(*tb));
	while (rem >= (long)sizeof(struct nlattr)) {
		uint16_t type;

		if (!mnl_attr_ok(a, (int)rem))
			return -EBADMSG;
		type = mnl_attr_get_type(a);
		if (type && type <= max) {
			if (!shape_ok(a, shapes[type]))
				return -EBADMSG;
			tb[type] = a;
		}
		rem -= MNL_ALIGN(a->nla_len);
		a = mnl_attr_next(a);
	}
	/* only alignment padding of the last attribute may be left over */
	return rem > 0 ? -EBADMSG : 0;
}

int gtpnl_attr_walk_nest(const struct nlattr *nest, const uint8_t *shapes,
			 unsigned int max, const struct nlattr **tb)
{
	return gtpnl_attr_walk(mnl_attr_get_payload(nest),
			       mnl_attr_get_payload_len(nest), shapes, max, tb);
}

/* ----------------------------------------------------------- building --- */

struct nlmsghdr *gtpnl_msg_start(void *buf, size_t len, uint16_t type,
				 uint16_t flags, uint32_t seq, size_t hdrlen)
{
	struct nlmsghdr *nlh;

	if (len < MNL_NLMSG_HDRLEN + MNL_ALIGN(hdrlen))
		return NULL;
	/* libmnl leaves attribute padding as it finds it: clear the room our
	 * messages need (all well under GTPNL_MSG_MAX) so none leaks out */
	memset(buf, 0, len < GTPNL_MSG_MAX ? len : GTPNL_MSG_MAX);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = seq;
	if (hdrlen)
		mnl_nlmsg_put_extra_header(nlh, hdrlen);
	return nlh;
}

struct nlmsghdr *gtpnl_msg_genl(void *buf, size_t len, uint16_t family,
				uint8_t cmd, uint16_t flags, uint32_t seq)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;

	nlh = gtpnl_msg_start(buf, len, family, NLM_F_REQUEST | flags, seq,
			      sizeof(*g));
	if (!nlh)
		return NULL;
	g = mnl_nlmsg_get_payload(nlh);
	g->cmd = cmd;
	g->version = GTPU_GENL_VERSION;
	return nlh;
}

static bool put_addr(struct nlmsghdr *nlh, size_t len, uint16_t t4,
		     uint16_t t6, int family, const union gtpnl_addr *a)
{
	if (family == AF_INET)
		return mnl_attr_put_check(nlh, len, t4, 4, &a->v4);
	if (family == AF_INET6)
		return mnl_attr_put_check(nlh, len, t6, 16, &a->v6);
	return false;
}

static bool put_bearer_nest(struct nlmsghdr *nlh, size_t len,
			    const struct gtpnl_bearer *b)
{
	struct nlattr *nest = mnl_attr_nest_start_check(nlh, len, GTPU_A_BEARER);
	bool ok;

	if (!nest)
		return false;
	ok = mnl_attr_put_u32_check(nlh, len, GTPU_BEARER_A_LOCAL_TEID,
				    b->teid_in);
	if (ok && (b->have & GTPNL_B_TEID_OUT))
		ok = mnl_attr_put_u32_check(nlh, len, GTPU_BEARER_A_REMOTE_TEID,
					    b->teid_out);
	if (ok && (b->have & GTPNL_B_PEER))
		ok = put_addr(nlh, len, GTPU_BEARER_A_PEER_IP4,
			      GTPU_BEARER_A_PEER_IP6, b->peer_family, &b->peer);
	if (ok && (b->have & GTPNL_B_UE4))
		ok = mnl_attr_put_check(nlh, len, GTPU_BEARER_A_UE_IP4, 4,
					&b->ue4);
	if (ok && (b->have & GTPNL_B_UE6))
		ok = mnl_attr_put_check(nlh, len, GTPU_BEARER_A_UE_IP6, 16,
					&b->ue6) &&
		     mnl_attr_put_u8_check(nlh, len, GTPU_BEARER_A_UE_IP6_PLEN,
					   b->ue6_plen);
	if (ok && (b->have & GTPNL_B_EBI))
		ok = mnl_attr_put_u8_check(nlh, len, GTPU_BEARER_A_EBI, b->ebi);
	if (ok && (b->have & GTPNL_B_COOKIE))
		ok = mnl_attr_put_u64_check(nlh, len, GTPU_BEARER_A_COOKIE,
					    b->cookie);
	if (!ok)
		return false;
	mnl_attr_nest_end(nlh, nest);
	return true;
}

struct nlmsghdr *gtpnl_msg_bearer(void *buf, size_t len, uint16_t family,
				  uint8_t cmd, uint16_t flags, uint32_t seq,
				  const struct gtpnl_bearer *b)
{
	struct nlmsghdr *nlh = gtpnl_msg_genl(buf, len, family, cmd, flags, seq);

	if (!nlh ||
	    !mnl_attr_put_u32_check(nlh, len, GTPU_A_IFINDEX, b->ifindex) ||
	    !put_bearer_nest(nlh, len, b))
		return NULL;
	return nlh;
}

struct nlmsghdr *gtpnl_msg_bearer_dump(void *buf, size_t len, uint16_t family,
				       uint32_t seq,
				       const struct gtpnl_bearer_filter *f)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	nlh = gtpnl_msg_genl(buf, len, family, GTPU_CMD_BEARER_GET,
			     NLM_F_DUMP, seq);
	if (!nlh)
		return NULL;
	if (!f)
		return nlh;
	if (f->ifindex &&
	    !mnl_attr_put_u32_check(nlh, len, GTPU_A_IFINDEX, f->ifindex))
		return NULL;
	if (!f->have_ue4 && !f->have_ue6)
		return nlh;
	nest = mnl_attr_nest_start_check(nlh, len, GTPU_A_BEARER);
	if (!nest)
		return NULL;
	if (f->have_ue4 &&
	    !mnl_attr_put_check(nlh, len, GTPU_BEARER_A_UE_IP4, 4, &f->ue4))
		return NULL;
	if (f->have_ue6 &&
	    !mnl_attr_put_check(nlh, len, GTPU_BEARER_A_UE_IP6, 16, &f->ue6))
		return NULL;
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

struct nlmsghdr *gtpnl_msg_dev_get(void *buf, size_t len, uint16_t family,
				   uint32_t seq, uint32_t ifindex)
{
	struct nlmsghdr *nlh;

	nlh = gtpnl_msg_genl(buf, len, family, GTPU_CMD_DEV_GET,
			     ifindex ? 0 : NLM_F_DUMP, seq);
	if (nlh && ifindex &&
	    !mnl_attr_put_u32_check(nlh, len, GTPU_A_IFINDEX, ifindex))
		return NULL;
	return nlh;
}

struct nlmsghdr *gtpnl_msg_echo(void *buf, size_t len, uint16_t family,
				uint32_t seq, uint32_t ifindex, int peer_family,
				const union gtpnl_addr *peer)
{
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	nlh = gtpnl_msg_genl(buf, len, family, GTPU_CMD_ECHO, 0, seq);
	if (!nlh || !mnl_attr_put_u32_check(nlh, len, GTPU_A_IFINDEX, ifindex))
		return NULL;
	nest = mnl_attr_nest_start_check(nlh, len, GTPU_A_ECHO);
	if (!nest || !put_addr(nlh, len, GTPU_ECHO_A_PEER_IP4,
			       GTPU_ECHO_A_PEER_IP6, peer_family, peer))
		return NULL;
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

struct nlmsghdr *gtpnl_msg_getfamily(void *buf, size_t len, uint32_t seq,
				     const char *name)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;

	nlh = gtpnl_msg_start(buf, len, GENL_ID_CTRL, NLM_F_REQUEST, seq,
			      sizeof(*g));
	if (!nlh)
		return NULL;
	g = mnl_nlmsg_get_payload(nlh);
	g->cmd = CTRL_CMD_GETFAMILY;
	g->version = 1;
	if (!mnl_attr_put_strz_check(nlh, len, CTRL_ATTR_FAMILY_NAME, name))
		return NULL;
	return nlh;
}

/* ------------------------------------------------------------ parsing --- */

static const uint8_t top_shapes[GTPU_A_MAX + 1] = {
	[GTPU_A_IFINDEX] = GTPNL_U32,
	[GTPU_A_IFNAME] = GTPNL_STR,
	[GTPU_A_BEARER] = GTPNL_NEST,
	[GTPU_A_DEV] = GTPNL_NEST,
	[GTPU_A_STATS] = GTPNL_NEST,
	[GTPU_A_ECHO] = GTPNL_NEST,
};

static const uint8_t bearer_shapes[GTPU_BEARER_A_MAX + 1] = {
	[GTPU_BEARER_A_LOCAL_TEID] = GTPNL_U32,
	[GTPU_BEARER_A_REMOTE_TEID] = GTPNL_U32,
	[GTPU_BEARER_A_PEER_IP4] = GTPNL_U32,
	[GTPU_BEARER_A_PEER_IP6] = GTPNL_BIN16,
	[GTPU_BEARER_A_UE_IP4] = GTPNL_U32,
	[GTPU_BEARER_A_UE_IP6] = GTPNL_BIN16,
	[GTPU_BEARER_A_UE_IP6_PLEN] = GTPNL_U8,
	[GTPU_BEARER_A_EBI] = GTPNL_U8,
	[GTPU_BEARER_A_COOKIE] = GTPNL_U64,
	[GTPU_BEARER_A_STATS] = GTPNL_NEST,
};

static const uint8_t dev_shapes[GTPU_DEV_A_MAX + 1] = {
	[GTPU_DEV_A_LOCAL_IP4] = GTPNL_U32,
	[GTPU_DEV_A_LOCAL_IP6] = GTPNL_BIN16,
	[GTPU_DEV_A_PORT] = GTPNL_U16,
	[GTPU_DEV_A_RESTART_COUNTER] = GTPNL_U8,
	[GTPU_DEV_A_N_BEARERS] = GTPNL_U32,
};

static const uint8_t echo_shapes[GTPU_ECHO_A_MAX + 1] = {
	[GTPU_ECHO_A_PEER_IP4] = GTPNL_U32,
	[GTPU_ECHO_A_PEER_IP6] = GTPNL_BIN16,
	[GTPU_ECHO_A_SEQ] = GTPNL_U16,
	[GTPU_ECHO_A_RESTART_COUNTER] = GTPNL_U8,
	[GTPU_ECHO_A_RTT_NS] = GTPNL_U64,
};

static const char *const stats_names[GTPU_STATS_A_MAX + 1] = {
	[GTPU_STATS_A_UL_PACKETS] = "ul_packets",
	[GTPU_STATS_A_UL_BYTES] = "ul_bytes",
	[GTPU_STATS_A_DL_PACKETS] = "dl_packets",
	[GTPU_STATS_A_DL_BYTES] = "dl_bytes",
	[GTPU_STATS_A_DROP_BAD_SRC] = "drop_bad_src",
	[GTPU_STATS_A_DROP_TX] = "drop_tx",
	[GTPU_STATS_A_DROP_NO_TEID] = "drop_no_teid",
	[GTPU_STATS_A_DROP_MALFORMED] = "drop_malformed",
	[GTPU_STATS_A_DROP_UNSUPPORTED] = "drop_unsupported",
	[GTPU_STATS_A_DROP_NO_BEARER] = "drop_no_bearer",
	[GTPU_STATS_A_ECHO_REQ_RX] = "echo_req_rx",
	[GTPU_STATS_A_ECHO_RSP_RX] = "echo_rsp_rx",
};

const char *gtpnl_stats_name(unsigned int attr)
{
	return attr <= GTPU_STATS_A_MAX ? stats_names[attr] : NULL;
}

static int parse_stats(const struct nlattr *nest, struct gtpnl_stats *s)
{
	uint8_t shapes[GTPU_STATS_A_MAX + 1];
	const struct nlattr *tb[GTPU_STATS_A_MAX + 1];
	int err;

	memset(shapes, GTPNL_U64, sizeof(shapes));
	shapes[GTPU_STATS_A_PAD] = GTPNL_ANY;
	err = gtpnl_attr_walk_nest(nest, shapes, GTPU_STATS_A_MAX, tb);
	if (err)
		return err;
	memset(s, 0, sizeof(*s));
	for (unsigned int i = 1; i <= GTPU_STATS_A_MAX; i++) {
		if (!tb[i] || i == GTPU_STATS_A_PAD)
			continue;
		s->present |= 1u << i;
		s->c[i] = mnl_attr_get_u64(tb[i]);
	}
	return 0;
}

/* Top-level attributes of a gtpu family message. */
static int parse_top(const struct nlmsghdr *nlh, const struct nlattr **tb)
{
	size_t hl = MNL_ALIGN(sizeof(struct genlmsghdr));

	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + hl)
		return -EBADMSG;
	return gtpnl_attr_walk((const char *)mnl_nlmsg_get_payload(nlh) + hl,
			       nlh->nlmsg_len - MNL_NLMSG_HDRLEN - hl,
			       top_shapes, GTPU_A_MAX, tb);
}

static void get_addr(const struct nlattr *a4, const struct nlattr *a6,
		     int *family, union gtpnl_addr *a)
{
	if (a4) {
		*family = AF_INET;
		memcpy(&a->v4, mnl_attr_get_payload(a4), 4);
	} else if (a6) {
		*family = AF_INET6;
		memcpy(&a->v6, mnl_attr_get_payload(a6), 16);
	}
}

static int fill_bearer(const struct nlattr **t, struct gtpnl_bearer *b)
{
	if (!t[GTPU_BEARER_A_LOCAL_TEID])
		return -EBADMSG;
	b->teid_in = mnl_attr_get_u32(t[GTPU_BEARER_A_LOCAL_TEID]);
	if (t[GTPU_BEARER_A_REMOTE_TEID]) {
		b->have |= GTPNL_B_TEID_OUT;
		b->teid_out = mnl_attr_get_u32(t[GTPU_BEARER_A_REMOTE_TEID]);
	}
	get_addr(t[GTPU_BEARER_A_PEER_IP4], t[GTPU_BEARER_A_PEER_IP6],
		 &b->peer_family, &b->peer);
	if (b->peer_family)
		b->have |= GTPNL_B_PEER;
	if (t[GTPU_BEARER_A_UE_IP4]) {
		b->have |= GTPNL_B_UE4;
		memcpy(&b->ue4, mnl_attr_get_payload(t[GTPU_BEARER_A_UE_IP4]), 4);
	}
	if (t[GTPU_BEARER_A_UE_IP6]) {
		b->have |= GTPNL_B_UE6;
		memcpy(&b->ue6, mnl_attr_get_payload(t[GTPU_BEARER_A_UE_IP6]), 16);
		b->ue6_plen = t[GTPU_BEARER_A_UE_IP6_PLEN] ?
			mnl_attr_get_u8(t[GTPU_BEARER_A_UE_IP6_PLEN]) : 64;
	}
	if (t[GTPU_BEARER_A_EBI]) {
		b->have |= GTPNL_B_EBI;
		b->ebi = mnl_attr_get_u8(t[GTPU_BEARER_A_EBI]);
	}
	if (t[GTPU_BEARER_A_COOKIE]) {
		b->have |= GTPNL_B_COOKIE;
		b->cookie = mnl_attr_get_u64(t[GTPU_BEARER_A_COOKIE]);
	}
	if (t[GTPU_BEARER_A_STATS]) {
		b->have |= GTPNL_B_STATS;
		return parse_stats(t[GTPU_BEARER_A_STATS], &b->stats);
	}
	return 0;
}

int gtpnl_parse_bearer(const struct nlmsghdr *nlh, struct gtpnl_bearer *b)
{
	const struct nlattr *tb[GTPU_A_MAX + 1];
	const struct nlattr *bt[GTPU_BEARER_A_MAX + 1];
	int err;

	memset(b, 0, sizeof(*b));
	err = parse_top(nlh, tb);
	if (err)
		return err;
	if (!tb[GTPU_A_IFINDEX] || !tb[GTPU_A_BEARER])
		return -EBADMSG;
	b->ifindex = mnl_attr_get_u32(tb[GTPU_A_IFINDEX]);
	err = gtpnl_attr_walk_nest(tb[GTPU_A_BEARER], bearer_shapes,
				   GTPU_BEARER_A_MAX, bt);
	return err ? err : fill_bearer(bt, b);
}

static void fill_dev(const struct nlattr **t, struct gtpnl_dev *d)
{
	if (t[GTPU_DEV_A_LOCAL_IP4]) {
		d->have |= GTPNL_D_LOCAL4;
		memcpy(&d->local4, mnl_attr_get_payload(t[GTPU_DEV_A_LOCAL_IP4]), 4);
	}
	if (t[GTPU_DEV_A_LOCAL_IP6]) {
		d->have |= GTPNL_D_LOCAL6;
		memcpy(&d->local6, mnl_attr_get_payload(t[GTPU_DEV_A_LOCAL_IP6]), 16);
	}
	if (t[GTPU_DEV_A_PORT]) {
		d->have |= GTPNL_D_PORT;
		d->port = mnl_attr_get_u16(t[GTPU_DEV_A_PORT]);
	}
	if (t[GTPU_DEV_A_RESTART_COUNTER]) {
		d->have |= GTPNL_D_RESTART;
		d->restart_counter = mnl_attr_get_u8(t[GTPU_DEV_A_RESTART_COUNTER]);
	}
	if (t[GTPU_DEV_A_N_BEARERS]) {
		d->have |= GTPNL_D_N_BEARERS;
		d->n_bearers = mnl_attr_get_u32(t[GTPU_DEV_A_N_BEARERS]);
	}
}

int gtpnl_parse_dev(const struct nlmsghdr *nlh, struct gtpnl_dev *d)
{
	const struct nlattr *tb[GTPU_A_MAX + 1];
	const struct nlattr *dt[GTPU_DEV_A_MAX + 1];
	int err;

	memset(d, 0, sizeof(*d));
	err = parse_top(nlh, tb);
	if (err)
		return err;
	if (!tb[GTPU_A_IFINDEX])
		return -EBADMSG;
	d->ifindex = mnl_attr_get_u32(tb[GTPU_A_IFINDEX]);
	if (tb[GTPU_A_IFNAME]) {
		const char *n = mnl_attr_get_str(tb[GTPU_A_IFNAME]);

		if (strlen(n) >= sizeof(d->ifname))
			return -EBADMSG;
		strcpy(d->ifname, n);
	}
	if (tb[GTPU_A_DEV]) {
		err = gtpnl_attr_walk_nest(tb[GTPU_A_DEV], dev_shapes,
					   GTPU_DEV_A_MAX, dt);
		if (err)
			return err;
		fill_dev(dt, d);
	}
	if (tb[GTPU_A_STATS]) {
		d->have |= GTPNL_D_STATS;
		return parse_stats(tb[GTPU_A_STATS], &d->stats);
	}
	return 0;
}

int gtpnl_parse_echo(const struct nlmsghdr *nlh, struct gtpnl_echo *e)
{
	const struct nlattr *tb[GTPU_A_MAX + 1];
	const struct nlattr *et[GTPU_ECHO_A_MAX + 1];
	int err;

	memset(e, 0, sizeof(*e));
	err = parse_top(nlh, tb);
	if (err)
		return err;
	if (!tb[GTPU_A_ECHO])
		return -EBADMSG;
	if (tb[GTPU_A_IFINDEX])
		e->ifindex = mnl_attr_get_u32(tb[GTPU_A_IFINDEX]);
	err = gtpnl_attr_walk_nest(tb[GTPU_A_ECHO], echo_shapes,
				   GTPU_ECHO_A_MAX, et);
	if (err)
		return err;
	get_addr(et[GTPU_ECHO_A_PEER_IP4], et[GTPU_ECHO_A_PEER_IP6],
		 &e->peer_family, &e->peer);
	if (et[GTPU_ECHO_A_SEQ]) {
		e->have |= GTPNL_E_SEQ;
		e->seq = mnl_attr_get_u16(et[GTPU_ECHO_A_SEQ]);
	}
	if (et[GTPU_ECHO_A_RESTART_COUNTER]) {
		e->have |= GTPNL_E_RESTART;
		e->restart_counter = mnl_attr_get_u8(et[GTPU_ECHO_A_RESTART_COUNTER]);
	}
	if (et[GTPU_ECHO_A_RTT_NS]) {
		e->have |= GTPNL_E_RTT;
		e->rtt_ns = mnl_attr_get_u64(et[GTPU_ECHO_A_RTT_NS]);
	}
	return 0;
}

int gtpnl_parse_event(const struct nlmsghdr *nlh, struct gtpnl_event *ev)
{
	const struct genlmsghdr *g;

	memset(ev, 0, sizeof(*ev));
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(*g))
		return -EBADMSG;
	g = mnl_nlmsg_get_payload(nlh);
	ev->cmd = g->cmd;
	switch (g->cmd) {
	case GTPU_CMD_BEARER_NEW:
	case GTPU_CMD_BEARER_DELETED:
		return gtpnl_parse_bearer(nlh, &ev->bearer);
	case GTPU_CMD_ECHO_RESPONSE:
		return gtpnl_parse_echo(nlh, &ev->echo);
	default:
		return -EOPNOTSUPP;
	}
}

/* ------------------------------------------------ control and errors --- */

static const uint8_t ctrl_shapes[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID] = GTPNL_U16,
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
