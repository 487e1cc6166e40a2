// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl: traffic flow templates (GTPU_BEARER_A_TFT) in requests and replies.
 * A filter is encoded with ID, PRECEDENCE, DIRECTION first, then its
 * optional fields in attribute order.
 */
#include <errno.h>
#include <string.h>

#include "gtpnl/gtpnl_int.h"

static bool put_ports(struct nlmsghdr *nlh, size_t len, uint16_t tlo,
		      uint16_t lo, uint16_t hi)
{
	if (!mnl_attr_put_u16_check(nlh, len, tlo, lo))
		return false;
	return lo == hi || mnl_attr_put_u16_check(nlh, len, tlo + 1, hi);
}

static bool put_remote(struct nlmsghdr *nlh, size_t len,
		       const struct gtpnl_filter *f)
{
	if (f->remote_family == AF_INET)
		return mnl_attr_put_check(nlh, len, GTPU_FILTER_A_REMOTE_IP4, 4,
					  &f->remote.v4) &&
		       mnl_attr_put_check(nlh, len, GTPU_FILTER_A_REMOTE_IP4_MASK,
					  4, &f->remote_mask);
	if (f->remote_family == AF_INET6)
		return mnl_attr_put_check(nlh, len, GTPU_FILTER_A_REMOTE_IP6, 16,
					  &f->remote.v6) &&
		       mnl_attr_put_u8_check(nlh, len, GTPU_FILTER_A_REMOTE_IP6_PLEN,
					     f->remote_plen);
	return false;
}

static bool put_filter(struct nlmsghdr *nlh, size_t len,
		       const struct gtpnl_filter *f)
{
	bool ok = mnl_attr_put_u8_check(nlh, len, GTPU_FILTER_A_ID, f->id) &&
		  mnl_attr_put_u8_check(nlh, len, GTPU_FILTER_A_PRECEDENCE, f->prec) &&
		  mnl_attr_put_u8_check(nlh, len, GTPU_FILTER_A_DIRECTION, f->dir);

	if (ok && (f->have & GTPNL_F_PROTO))
		ok = mnl_attr_put_u8_check(nlh, len, GTPU_FILTER_A_PROTO, f->proto);
	if (ok && (f->have & GTPNL_F_REMOTE))
		ok = put_remote(nlh, len, f);
	if (ok && (f->have & GTPNL_F_LPORT))
		ok = put_ports(nlh, len, GTPU_FILTER_A_LPORT_LO, f->lport_lo,
			       f->lport_hi);
	if (ok && (f->have & GTPNL_F_RPORT))
		ok = put_ports(nlh, len, GTPU_FILTER_A_RPORT_LO, f->rport_lo,
			       f->rport_hi);
	if (ok && (f->have & GTPNL_F_TOS))
		ok = mnl_attr_put_u8_check(nlh, len, GTPU_FILTER_A_TOS, f->tos) &&
		     mnl_attr_put_u8_check(nlh, len, GTPU_FILTER_A_TOS_MASK,
					   f->tos_mask);
	if (ok && (f->have & GTPNL_F_SPI))
		ok = mnl_attr_put_u32_check(nlh, len, GTPU_FILTER_A_SPI, f->spi);
	if (ok && (f->have & GTPNL_F_FLOW))
		ok = mnl_attr_put_u32_check(nlh, len, GTPU_FILTER_A_FLOW_LABEL,
					    f->flow);
	return ok;
}

bool gtpnl_put_tft(struct nlmsghdr *nlh, size_t len, const struct gtpnl_tft *t)
{
	struct nlattr *nest, *fn;

	if (t->n > GTPU_TFT_FILTERS_MAX)
		return false;
	nest = mnl_attr_nest_start_check(nlh, len, GTPU_BEARER_A_TFT);
	if (!nest)
		return false;
	for (unsigned int i = 0; i < t->n; i++) {
		fn = mnl_attr_nest_start_check(nlh, len, GTPU_TFT_A_FILTER);
		if (!fn || !put_filter(nlh, len, &t->f[i]))
			return false;
		mnl_attr_nest_end(nlh, fn);
	}
	mnl_attr_nest_end(nlh, nest);
	return true;
}

static const uint8_t filter_shapes[GTPU_FILTER_A_MAX + 1] = {
	[GTPU_FILTER_A_ID] = GTPNL_U8,
	[GTPU_FILTER_A_PRECEDENCE] = GTPNL_U8,
	[GTPU_FILTER_A_DIRECTION] = GTPNL_U8,
	[GTPU_FILTER_A_PROTO] = GTPNL_U8,
	[GTPU_FILTER_A_REMOTE_IP4] = GTPNL_U32,
	[GTPU_FILTER_A_REMOTE_IP4_MASK] = GTPNL_U32,
	[GTPU_FILTER_A_REMOTE_IP6] = GTPNL_BIN16,
	[GTPU_FILTER_A_REMOTE_IP6_PLEN] = GTPNL_U8,
	[GTPU_FILTER_A_LPORT_LO] = GTPNL_U16,
	[GTPU_FILTER_A_LPORT_HI] = GTPNL_U16,
	[GTPU_FILTER_A_RPORT_LO] = GTPNL_U16,
	[GTPU_FILTER_A_RPORT_HI] = GTPNL_U16,
	[GTPU_FILTER_A_TOS] = GTPNL_U8,
	[GTPU_FILTER_A_TOS_MASK] = GTPNL_U8,
	[GTPU_FILTER_A_SPI] = GTPNL_U32,
	[GTPU_FILTER_A_FLOW_LABEL] = GTPNL_U32,
};

static void get_ports(const struct nlattr **t, int tlo, uint16_t *lo,
		      uint16_t *hi)
{
	*lo = mnl_attr_get_u16(t[tlo]);
	*hi = t[tlo + 1] ? mnl_attr_get_u16(t[tlo + 1]) : *lo;
}

static void fill_remote(const struct nlattr **t, struct gtpnl_filter *f)
{
	if (t[GTPU_FILTER_A_REMOTE_IP4]) {
		f->have |= GTPNL_F_REMOTE;
		f->remote_family = AF_INET;
		memcpy(&f->remote.v4, mnl_attr_get_payload(t[GTPU_FILTER_A_REMOTE_IP4]), 4);
		memset(&f->remote_mask, 0xff, 4);
		if (t[GTPU_FILTER_A_REMOTE_IP4_MASK])
			memcpy(&f->remote_mask,
			       mnl_attr_get_payload(t[GTPU_FILTER_A_REMOTE_IP4_MASK]), 4);
	} else if (t[GTPU_FILTER_A_REMOTE_IP6]) {
		f->have |= GTPNL_F_REMOTE;
		f->remote_family = AF_INET6;
		memcpy(&f->remote.v6, mnl_attr_get_payload(t[GTPU_FILTER_A_REMOTE_IP6]), 16);
		f->remote_plen = t[GTPU_FILTER_A_REMOTE_IP6_PLEN] ?
			mnl_attr_get_u8(t[GTPU_FILTER_A_REMOTE_IP6_PLEN]) : 128;
	}
}

static int fill_filter(const struct nlattr **t, struct gtpnl_filter *f)
{
	memset(f, 0, sizeof(*f));
	if (!t[GTPU_FILTER_A_ID] || !t[GTPU_FILTER_A_PRECEDENCE] ||
	    !t[GTPU_FILTER_A_DIRECTION])
		return -EBADMSG;
	f->id = mnl_attr_get_u8(t[GTPU_FILTER_A_ID]);
	f->prec = mnl_attr_get_u8(t[GTPU_FILTER_A_PRECEDENCE]);
	f->dir = mnl_attr_get_u8(t[GTPU_FILTER_A_DIRECTION]);
	if (t[GTPU_FILTER_A_PROTO]) {
		f->have |= GTPNL_F_PROTO;
		f->proto = mnl_attr_get_u8(t[GTPU_FILTER_A_PROTO]);
	}
	fill_remote(t, f);
	if (t[GTPU_FILTER_A_LPORT_LO]) {
		f->have |= GTPNL_F_LPORT;
		get_ports(t, GTPU_FILTER_A_LPORT_LO, &f->lport_lo, &f->lport_hi);
	}
	if (t[GTPU_FILTER_A_RPORT_LO]) {
		f->have |= GTPNL_F_RPORT;
		get_ports(t, GTPU_FILTER_A_RPORT_LO, &f->rport_lo, &f->rport_hi);
	}
	if (t[GTPU_FILTER_A_TOS]) {
		f->have |= GTPNL_F_TOS;
		f->tos = mnl_attr_get_u8(t[GTPU_FILTER_A_TOS]);
		f->tos_mask = t[GTPU_FILTER_A_TOS_MASK] ?
			mnl_attr_get_u8(t[GTPU_FILTER_A_TOS_MASK]) : 0xff;
	}
	if (t[GTPU_FILTER_A_SPI]) {
		f->have |= GTPNL_F_SPI;
		f->spi = mnl_attr_get_u32(t[GTPU_FILTER_A_SPI]);
	}
	if (t[GTPU_FILTER_A_FLOW_LABEL]) {
		f->have |= GTPNL_F_FLOW;
		f->flow = mnl_attr_get_u32(t[GTPU_FILTER_A_FLOW_LABEL]);
	}
	return 0;
}

int gtpnl_parse_tft(const struct nlattr *nest, struct gtpnl_tft *t)
{
	const struct nlattr *ft[GTPU_FILTER_A_MAX + 1];
	const struct nlattr *a;
	int err;

	memset(t, 0, sizeof(*t));
	mnl_attr_for_each_nested(a, nest) {
		if (mnl_attr_get_type(a) != GTPU_TFT_A_FILTER)
			continue;
		if (t->n >= GTPU_TFT_FILTERS_MAX ||
		    mnl_attr_validate(a, MNL_TYPE_NESTED) < 0)
			return -EBADMSG;
		err = gtpnl_attr_walk_nest(a, filter_shapes, GTPU_FILTER_A_MAX, ft);
		if (!err)
			err = fill_filter(ft, &t->f[t->n]);
		if (err)
			return err;
		t->n++;
	}
	return 0;
}
