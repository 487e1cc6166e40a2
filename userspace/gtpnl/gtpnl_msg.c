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

/* The thresholds that are set; all zero: THRESHOLD_TOTAL 0 (disarm) */
static bool put_thresholds(struct nlmsghdr *nlh, size_t len,
			   const struct gtpnl_bearer *b)
{
	bool ok = true;

	if (!b->thr_total && !b->thr_ul && !b->thr_dl)
		return mnl_attr_put_u64_check(nlh, len,
					      GTPU_BEARER_A_THRESHOLD_TOTAL, 0);
	if (b->thr_total)
		ok = mnl_attr_put_u64_check(nlh, len,
					    GTPU_BEARER_A_THRESHOLD_TOTAL,
					    b->thr_total);
	if (ok && b->thr_ul)
		ok = mnl_attr_put_u64_check(nlh, len, GTPU_BEARER_A_THRESHOLD_UL,
					    b->thr_ul);
	if (ok && b->thr_dl)
		ok = mnl_attr_put_u64_check(nlh, len, GTPU_BEARER_A_THRESHOLD_DL,
					    b->thr_dl);
	return ok;
}

/*
 * The common BEARER nest (TEIDs, IPv4 peer and UE address, EBI, cookie: what
 * gtpuctl -batch and agwd's default bearers send) written straight into the
 * buffer.  put_bearer_nest_mnl() makes one libmnl call per attribute, each
 * with its own bounds and padding work, and that was a sixth of the time of
 * gtpuctl -batch.  The bytes are the same as put_bearer_nest_mnl()'s in a
 * zeroed buffer (libmnl 1.0.4 leaves the padding of short attributes as it
 * finds it; this one clears it), checked by the gtpnl_msg unit test and the
 * fuzz_gtpnl_arg target.  false: not such a bearer, or no room.
 */
#define FAST_HAVE	(GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE4 | \
			 GTPNL_B_EBI | GTPNL_B_COOKIE)
#define FAST_NEED	(GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE4)
#define FAST_MAX	(MNL_ATTR_HDRLEN + 4 * 8 + 8 + 12)

static char *fast_attr(char *p, uint16_t type, const void *v, uint16_t vlen)
{
	struct nlattr a = { .nla_len = MNL_ATTR_HDRLEN + vlen, .nla_type = type };

	/* the padding of a short value is zeroed with it */
	memset(p + MNL_ATTR_HDRLEN, 0, MNL_ALIGN(vlen));
	memcpy(p, &a, sizeof(a));
	memcpy(p + MNL_ATTR_HDRLEN, v, vlen);
	return p + MNL_ALIGN(a.nla_len);
}

bool gtpnl_put_bearer_nest_fast(struct nlmsghdr *nlh, size_t len,
				const struct gtpnl_bearer *b)
{
	char *start = (char *)nlh + nlh->nlmsg_len, *p;
	struct nlattr nest = { .nla_type = NLA_F_NESTED | GTPU_A_BEARER };

	if ((b->have & ~FAST_HAVE) || (b->have & FAST_NEED) != FAST_NEED ||
	    b->peer_family != AF_INET || nlh->nlmsg_len + FAST_MAX > len)
		return false;
	p = start + MNL_ATTR_HDRLEN;
	p = fast_attr(p, GTPU_BEARER_A_LOCAL_TEID, &b->teid_in, 4);
	p = fast_attr(p, GTPU_BEARER_A_REMOTE_TEID, &b->teid_out, 4);
	p = fast_attr(p, GTPU_BEARER_A_PEER_IP4, &b->peer.v4, 4);
	p = fast_attr(p, GTPU_BEARER_A_UE_IP4, &b->ue4, 4);
	if (b->have & GTPNL_B_EBI)
		p = fast_attr(p, GTPU_BEARER_A_EBI, &b->ebi, 1);
	if (b->have & GTPNL_B_COOKIE)
		p = fast_attr(p, GTPU_BEARER_A_COOKIE, &b->cookie, 8);
	nest.nla_len = (uint16_t)(p - start);
	memcpy(start, &nest, sizeof(nest));
	nlh->nlmsg_len += nest.nla_len;
	return true;
}

bool gtpnl_put_bearer_nest_mnl(struct nlmsghdr *nlh, size_t len,
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
	if (ok && (b->have & GTPNL_B_STATE))
		ok = mnl_attr_put_u8_check(nlh, len, GTPU_BEARER_A_STATE, b->state);
	if (ok && (b->have & GTPNL_B_THRESHOLD))
		ok = put_thresholds(nlh, len, b);
	if (ok)
		ok = gtpnl_put_qos(nlh, len, b);
	if (ok && (b->have & GTPNL_B_TFT))
		ok = gtpnl_put_tft(nlh, len, &b->tft);
	if (!ok)
		return false;
	mnl_attr_nest_end(nlh, nest);
	return true;
}

static bool put_bearer_nest(struct nlmsghdr *nlh, size_t len,
			    const struct gtpnl_bearer *b)
{
	return gtpnl_put_bearer_nest_fast(nlh, len, b) ||
	       gtpnl_put_bearer_nest_mnl(nlh, len, b);
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

struct nlmsghdr *gtpnl_msg_bearer_append(struct nlmsghdr *nlh, size_t len,
					 const struct gtpnl_bearer *b)
{
	uint32_t old = nlh->nlmsg_len;

	if (put_bearer_nest(nlh, len, b))
		return nlh;
	memset((char *)nlh + old, 0, nlh->nlmsg_len - old);
	nlh->nlmsg_len = old;
	return NULL;
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
	if (f->flags &&
	    !mnl_attr_put_u32_check(nlh, len, GTPU_A_FLAGS, f->flags))
		return NULL;
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

struct nlmsghdr *gtpnl_msg_bearer_get(void *buf, size_t len, uint16_t family,
				      uint32_t seq, uint32_t ifindex,
				      uint32_t teid_in, uint32_t flags)
{
	struct gtpnl_bearer b = { .ifindex = ifindex, .teid_in = teid_in };
	struct nlmsghdr *nlh;

	nlh = gtpnl_msg_bearer(buf, len, family, GTPU_CMD_BEARER_GET, 0, seq,
			       &b);
	if (nlh && flags &&
	    !mnl_attr_put_u32_check(nlh, len, GTPU_A_FLAGS, flags))
		return NULL;
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
	[GTPU_A_FLAGS] = GTPNL_U32,
	[GTPU_A_ERR_IND] = GTPNL_NEST,
	[GTPU_A_AMBR] = GTPNL_NEST,
};

static const uint8_t err_ind_shapes[GTPU_ERR_IND_A_MAX + 1] = {
	[GTPU_ERR_IND_A_TEID] = GTPNL_U32,
	[GTPU_ERR_IND_A_PEER_IP4] = GTPNL_U32,
	[GTPU_ERR_IND_A_PEER_IP6] = GTPNL_BIN16,
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
	[GTPU_BEARER_A_STATE] = GTPNL_U8,
	[GTPU_BEARER_A_QUEUED] = GTPNL_U32,
	[GTPU_BEARER_A_THRESHOLD_TOTAL] = GTPNL_U64,
	[GTPU_BEARER_A_THRESHOLD_UL] = GTPNL_U64,
	[GTPU_BEARER_A_THRESHOLD_DL] = GTPNL_U64,
	[GTPU_BEARER_A_USAGE] = GTPNL_NEST,
	[GTPU_BEARER_A_MBR_UL] = GTPNL_U64,
	[GTPU_BEARER_A_MBR_DL] = GTPNL_U64,
	[GTPU_BEARER_A_AMBR_GROUP] = GTPNL_U32,
	[GTPU_BEARER_A_QFI] = GTPNL_U8,
	[GTPU_BEARER_A_TFT] = GTPNL_NEST,
};

static const uint8_t dev_shapes[GTPU_DEV_A_MAX + 1] = {
	[GTPU_DEV_A_LOCAL_IP4] = GTPNL_U32,
	[GTPU_DEV_A_LOCAL_IP6] = GTPNL_BIN16,
	[GTPU_DEV_A_PORT] = GTPNL_U16,
	[GTPU_DEV_A_RESTART_COUNTER] = GTPNL_U8,
	[GTPU_DEV_A_N_BEARERS] = GTPNL_U32,
	[GTPU_DEV_A_IDLE_QLEN] = GTPNL_U32,
	[GTPU_DEV_A_IDLE_QLEN_DEV] = GTPNL_U32,
	[GTPU_DEV_A_IDLE_QUEUED] = GTPNL_U32,
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
	[GTPU_STATS_A_DROP_IDLE] = "drop_idle",
	[GTPU_STATS_A_ERR_IND_RX] = "err_ind_rx",
	[GTPU_STATS_A_ERR_IND_TX] = "err_ind_tx",
	[GTPU_STATS_A_ERR_IND_LIMITED] = "err_ind_limited",
	[GTPU_STATS_A_END_MARKER_RX] = "end_marker_rx",
	[GTPU_STATS_A_END_MARKER_TX] = "end_marker_tx",
	[GTPU_STATS_A_DROP_TOO_BIG] = "drop_too_big",
	[GTPU_STATS_A_DROP_POLICED] = "drop_policed",
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

int gtpnl_parse_top(const struct nlmsghdr *nlh, const struct nlattr **tb)
{
	return parse_top(nlh, tb);
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

static void fill_thresholds(const struct nlattr **t, struct gtpnl_bearer *b)
{
	if (t[GTPU_BEARER_A_THRESHOLD_TOTAL])
		b->thr_total = mnl_attr_get_u64(t[GTPU_BEARER_A_THRESHOLD_TOTAL]);
	if (t[GTPU_BEARER_A_THRESHOLD_UL])
		b->thr_ul = mnl_attr_get_u64(t[GTPU_BEARER_A_THRESHOLD_UL]);
	if (t[GTPU_BEARER_A_THRESHOLD_DL])
		b->thr_dl = mnl_attr_get_u64(t[GTPU_BEARER_A_THRESHOLD_DL]);
	if (b->thr_total || b->thr_ul || b->thr_dl)
		b->have |= GTPNL_B_THRESHOLD;
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
	if (t[GTPU_BEARER_A_STATE]) {
		b->have |= GTPNL_B_STATE;
		b->state = mnl_attr_get_u8(t[GTPU_BEARER_A_STATE]);
	}
	if (t[GTPU_BEARER_A_QUEUED]) {
		b->have |= GTPNL_B_QUEUED;
		b->queued = mnl_attr_get_u32(t[GTPU_BEARER_A_QUEUED]);
	}
	fill_thresholds(t, b);
	gtpnl_fill_qos(t, b);
	if (t[GTPU_BEARER_A_TFT]) {
		b->have |= GTPNL_B_TFT;
		if (gtpnl_parse_tft(t[GTPU_BEARER_A_TFT], &b->tft))
			return -EBADMSG;
	}
	if (t[GTPU_BEARER_A_USAGE]) {
		b->have |= GTPNL_B_USAGE;
		if (parse_stats(t[GTPU_BEARER_A_USAGE], &b->usage))
			return -EBADMSG;
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
	if (t[GTPU_DEV_A_IDLE_QLEN] && t[GTPU_DEV_A_IDLE_QLEN_DEV] &&
	    t[GTPU_DEV_A_IDLE_QUEUED]) {
		d->have |= GTPNL_D_IDLE;
		d->idle_qlen = mnl_attr_get_u32(t[GTPU_DEV_A_IDLE_QLEN]);
		d->idle_qlen_dev = mnl_attr_get_u32(t[GTPU_DEV_A_IDLE_QLEN_DEV]);
		d->idle_queued = mnl_attr_get_u32(t[GTPU_DEV_A_IDLE_QUEUED]);
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

int gtpnl_parse_err_ind(const struct nlmsghdr *nlh, struct gtpnl_err_ind *e)
{
	const struct nlattr *tb[GTPU_A_MAX + 1];
	const struct nlattr *et[GTPU_ERR_IND_A_MAX + 1];
	int err;

	memset(e, 0, sizeof(*e));
	err = parse_top(nlh, tb);
	if (err)
		return err;
	if (!tb[GTPU_A_ERR_IND] || !tb[GTPU_A_IFINDEX])
		return -EBADMSG;
	e->ifindex = mnl_attr_get_u32(tb[GTPU_A_IFINDEX]);
	err = gtpnl_attr_walk_nest(tb[GTPU_A_ERR_IND], err_ind_shapes,
				   GTPU_ERR_IND_A_MAX, et);
	if (err)
		return err;
	if (!et[GTPU_ERR_IND_A_TEID])
		return -EBADMSG;
	e->teid = mnl_attr_get_u32(et[GTPU_ERR_IND_A_TEID]);
	get_addr(et[GTPU_ERR_IND_A_PEER_IP4], et[GTPU_ERR_IND_A_PEER_IP6],
		 &e->peer_family, &e->peer);
	if (!tb[GTPU_A_BEARER])
		return 0;
	e->have_bearer = true;
	return gtpnl_parse_bearer(nlh, &e->bearer);
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
	case GTPU_CMD_DOWNLINK_DATA:
	case GTPU_CMD_USAGE:
		return gtpnl_parse_bearer(nlh, &ev->bearer);
	case GTPU_CMD_ECHO_RESPONSE:
		return gtpnl_parse_echo(nlh, &ev->echo);
	case GTPU_CMD_ERROR_INDICATION:
		return gtpnl_parse_err_ind(nlh, &ev->err_ind);
	default:
		return -EOPNOTSUPP;
	}
}
