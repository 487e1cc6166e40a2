// SPDX-License-Identifier: GPL-2.0
/*
 * Traffic flow templates (TS 23.401 5.4, TS 24.008 10.5.6.12): dedicated
 * bearers share a UE address with its default bearer, and downlink packets
 * are classified by the packet filters of their TFTs.
 *
 *   gtpu_tft_parse()   GTPU_BEARER_A_TFT nest -> struct gtpu_tft (process
 *                      context, before the device lock)
 *   gtpu_cls_build()   all filters of one UE entry -> one precedence-sorted
 *                      struct gtpu_cls, checking the one-default and the
 *                      distinct-precedence rules (gtpu_dev.lock)
 *   gtpu_cls_match()   the downlink classifier (RCU, softirq)
 *
 * Locking: see struct gtpu_cls in gtpu.h.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <net/dsfield.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "gtpu.h"

static struct netlink_range_validation flow_range = {
	.max = 0xfffff,
};

static const struct nla_policy filter_policy[GTPU_FILTER_A_MAX + 1] = {
	[GTPU_FILTER_A_ID]		= NLA_POLICY_RANGE(NLA_U8, 1, 15),
	[GTPU_FILTER_A_PRECEDENCE]	= { .type = NLA_U8 },
	[GTPU_FILTER_A_DIRECTION]	= NLA_POLICY_RANGE(NLA_U8, GTPU_FILTER_DIR_DOWNLINK,
							   GTPU_FILTER_DIR_BIDIRECTIONAL),
	[GTPU_FILTER_A_PROTO]		= { .type = NLA_U8 },
	[GTPU_FILTER_A_REMOTE_IP4]	= { .type = NLA_BE32 },
	[GTPU_FILTER_A_REMOTE_IP4_MASK]	= { .type = NLA_BE32 },
	[GTPU_FILTER_A_REMOTE_IP6]	= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[GTPU_FILTER_A_REMOTE_IP6_PLEN]	= NLA_POLICY_MAX(NLA_U8, 128),
	[GTPU_FILTER_A_LPORT_LO]	= { .type = NLA_U16 },
	[GTPU_FILTER_A_LPORT_HI]	= { .type = NLA_U16 },
	[GTPU_FILTER_A_RPORT_LO]	= { .type = NLA_U16 },
	[GTPU_FILTER_A_RPORT_HI]	= { .type = NLA_U16 },
	[GTPU_FILTER_A_TOS]		= { .type = NLA_U8 },
	[GTPU_FILTER_A_TOS_MASK]	= { .type = NLA_U8 },
	[GTPU_FILTER_A_SPI]		= { .type = NLA_U32 },
	[GTPU_FILTER_A_FLOW_LABEL]	= NLA_POLICY_FULL_RANGE(NLA_U32, &flow_range),
};

const struct nla_policy gtpu_nl_tft_policy[GTPU_TFT_A_MAX + 1] = {
	[GTPU_TFT_A_FILTER]		= NLA_POLICY_NESTED(filter_policy),
};

/* ------------------------------------------------------------- parsing */

static int parse_ports(struct nlattr *lo, struct nlattr *hi, u16 *plo,
		       u16 *phi, struct netlink_ext_ack *extack)
{
	if (!lo) {
		if (hi) {
			NL_SET_ERR_MSG_ATTR(extack, hi, "port range end without start");
			return -EINVAL;
		}
		return 0;
	}
	*plo = nla_get_u16(lo);
	*phi = hi ? nla_get_u16(hi) : *plo;
	if (*plo > *phi) {
		NL_SET_ERR_MSG_ATTR(extack, hi, "port range start above its end");
		return -EINVAL;
	}
	return 1;
}

static int parse_remote4(struct nlattr **tb, struct gtpu_filter *f,
			 struct netlink_ext_ack *extack)
{
	struct nlattr *mask = tb[GTPU_FILTER_A_REMOTE_IP4_MASK];

	if (!tb[GTPU_FILTER_A_REMOTE_IP4]) {
		if (mask) {
			NL_SET_ERR_MSG_ATTR(extack, mask, "REMOTE_IP4_MASK without REMOTE_IP4");
			return -EINVAL;
		}
		return 0;
	}
	f->raddr[0] = nla_get_in_addr(tb[GTPU_FILTER_A_REMOTE_IP4]);
	f->rmask[0] = mask ? nla_get_in_addr(mask) : htonl(0xffffffff);
	if (f->raddr[0] & ~f->rmask[0]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[GTPU_FILTER_A_REMOTE_IP4],
				    "remote address has bits outside its mask");
		return -EINVAL;
	}
	f->family = AF_INET;
	f->flags |= GTPU_FF_REMOTE;
	return 0;
}

static int parse_remote6(struct nlattr **tb, struct gtpu_filter *f,
			 struct netlink_ext_ack *extack)
{
	struct nlattr *plen = tb[GTPU_FILTER_A_REMOTE_IP6_PLEN];
	struct in6_addr a, m;

	if (!tb[GTPU_FILTER_A_REMOTE_IP6]) {
		if (plen) {
			NL_SET_ERR_MSG_ATTR(extack, plen, "REMOTE_IP6_PLEN without REMOTE_IP6");
			return -EINVAL;
		}
		return 0;
	}
	if (f->family) {
		NL_SET_ERR_MSG_ATTR(extack, tb[GTPU_FILTER_A_REMOTE_IP6],
				    "give REMOTE_IP4 or REMOTE_IP6, not both");
		return -EINVAL;
	}
	a = nla_get_in6_addr(tb[GTPU_FILTER_A_REMOTE_IP6]);
	f->plen = plen ? nla_get_u8(plen) : 128;
	ipv6_addr_prefix(&m, &a, f->plen);
	if (!ipv6_addr_equal(&m, &a)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[GTPU_FILTER_A_REMOTE_IP6],
				    "remote prefix has host bits set");
		return -EINVAL;
	}
	memcpy(f->raddr, &a, sizeof(a));
	memset(&a, 0xff, sizeof(a));
	ipv6_addr_prefix(&m, &a, f->plen);	/* m: the mask */
	memcpy(f->rmask, &m, sizeof(m));
	f->family = AF_INET6;
	f->flags |= GTPU_FF_REMOTE;
	return 0;
}

static void parse_misc(struct nlattr **tb, struct gtpu_filter *f)
{
	if (tb[GTPU_FILTER_A_PROTO]) {
		f->proto = nla_get_u8(tb[GTPU_FILTER_A_PROTO]);
		f->flags |= GTPU_FF_PROTO;
	}
	if (tb[GTPU_FILTER_A_TOS]) {
		f->tos_mask = tb[GTPU_FILTER_A_TOS_MASK] ?
			      nla_get_u8(tb[GTPU_FILTER_A_TOS_MASK]) : 0xff;
		f->tos = nla_get_u8(tb[GTPU_FILTER_A_TOS]) & f->tos_mask;
		f->flags |= GTPU_FF_TOS;
	}
	if (tb[GTPU_FILTER_A_SPI]) {
		f->spi = htonl(nla_get_u32(tb[GTPU_FILTER_A_SPI]));
		f->flags |= GTPU_FF_SPI;
	}
	if (tb[GTPU_FILTER_A_FLOW_LABEL]) {
		f->flow = htonl(nla_get_u32(tb[GTPU_FILTER_A_FLOW_LABEL]));
		f->flags |= GTPU_FF_FLOW;
	}
}

/* One GTPU_TFT_A_FILTER nest (validated by the policy) -> f */
static int parse_filter(const struct nlattr *nest, struct gtpu_filter *f,
			struct netlink_ext_ack *extack)
{
	struct nlattr *tb[GTPU_FILTER_A_MAX + 1] = { };
	struct nlattr *a;
	int err, rem;

	memset(f, 0, sizeof(*f));
	nla_for_each_nested(a, nest, rem)
		if (nla_type(a) <= GTPU_FILTER_A_MAX)
			tb[nla_type(a)] = a;
	if (!tb[GTPU_FILTER_A_ID] || !tb[GTPU_FILTER_A_PRECEDENCE] ||
	    !tb[GTPU_FILTER_A_DIRECTION]) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "filter needs ID, PRECEDENCE and DIRECTION");
		return -EINVAL;
	}
	if (tb[GTPU_FILTER_A_TOS_MASK] && !tb[GTPU_FILTER_A_TOS]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[GTPU_FILTER_A_TOS_MASK], "TOS_MASK without TOS");
		return -EINVAL;
	}
	f->id = nla_get_u8(tb[GTPU_FILTER_A_ID]);
	f->prec = nla_get_u8(tb[GTPU_FILTER_A_PRECEDENCE]);
	f->dir = nla_get_u8(tb[GTPU_FILTER_A_DIRECTION]);
	err = parse_remote4(tb, f, extack);
	if (!err)
		err = parse_remote6(tb, f, extack);
	if (err)
		return err;
	err = parse_ports(tb[GTPU_FILTER_A_LPORT_LO], tb[GTPU_FILTER_A_LPORT_HI],
			  &f->lport_lo, &f->lport_hi, extack);
	if (err < 0)
		return err;
	f->flags |= err ? GTPU_FF_LPORT : 0;
	err = parse_ports(tb[GTPU_FILTER_A_RPORT_LO], tb[GTPU_FILTER_A_RPORT_HI],
			  &f->rport_lo, &f->rport_hi, extack);
	if (err < 0)
		return err;
	f->flags |= err ? GTPU_FF_RPORT : 0;
	parse_misc(tb, f);
	if ((f->flags & GTPU_FF_FLOW) && f->family == AF_INET) {
		NL_SET_ERR_MSG_ATTR(extack, tb[GTPU_FILTER_A_FLOW_LABEL],
				    "FLOW_LABEL with an IPv4 remote address");
		return -EINVAL;
	}
	return 0;
}

/* Distinct identifiers and precedences inside one TFT */
static int tft_check(const struct gtpu_tft *tft, const struct nlattr *nest,
		     struct netlink_ext_ack *extack)
{
	u16 ids = 0;
	int i, j;

	for (i = 0; i < tft->n; i++) {
		if (ids & BIT(tft->f[i].id)) {
			NL_SET_ERR_MSG_ATTR(extack, nest, "duplicate packet filter ID");
			return -EINVAL;
		}
		ids |= BIT(tft->f[i].id);
		for (j = 0; j < i; j++) {
			if (tft->f[j].prec == tft->f[i].prec) {
				NL_SET_ERR_MSG_ATTR(extack, nest,
						    "duplicate packet filter precedence");
				return -EINVAL;
			}
		}
	}
	return 0;
}

/*
 * GTPU_BEARER_A_TFT -> *tftp (kmalloc'ed, the caller owns it); an empty nest
 * gives NULL (no TFT: a default bearer).
 */
int gtpu_tft_parse(const struct nlattr *nest, struct gtpu_tft **tftp,
		   struct netlink_ext_ack *extack)
{
	struct gtpu_tft *tft;
	struct nlattr *a;
	int err, rem, n = 0;

	*tftp = NULL;
	nla_for_each_nested(a, nest, rem)
		n++;
	if (!n)
		return 0;
	if (n > GTPU_TFT_FILTERS_MAX) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "too many packet filters (GTPU_TFT_FILTERS_MAX)");
		return -E2BIG;
	}
	tft = kzalloc(struct_size(tft, f, n), GFP_KERNEL);
	if (!tft) {
		NL_SET_ERR_MSG(extack, "cannot allocate the TFT");
		return -ENOMEM;
	}
	nla_for_each_nested(a, nest, rem) {
		err = parse_filter(a, &tft->f[tft->n], extack);
		if (err)
			goto err_free;
		tft->n++;
	}
	err = tft_check(tft, nest, extack);
	if (err)
		goto err_free;
	*tftp = tft;
	return 0;
err_free:
	kfree(tft);
	return err;
}

/* ------------------------------------------------------------ compiling */

static int ent_cmp(const void *a, const void *b)
{
	const struct gtpu_cls_ent *x = a, *y = b;

	return (int)x->f.prec - (int)y->f.prec;
}

/* Filters of one bearer into cls (all directions, checked later) */
static int cls_add(struct gtpu_cls *cls, struct gtpu_bearer *b,
		   const struct gtpu_tft *tft, struct netlink_ext_ack *extack)
{
	int i;

	if (!tft) {
		if (cls->def) {
			NL_SET_ERR_MSG(extack, "UE address already bound");
			return -EEXIST;
		}
		cls->def = b;
		return 0;
	}
	if (cls->n + tft->n > GTPU_TFT_UE_FILTERS_MAX) {
		NL_SET_ERR_MSG(extack,
			       "too many packet filters on this UE address (GTPU_TFT_UE_FILTERS_MAX)");
		return -ENOSPC;
	}
	for (i = 0; i < tft->n; i++) {
		cls->e[cls->n].f = tft->f[i];
		cls->e[cls->n].b = b;
		cls->n++;
	}
	return 0;
}

/* Sort, check precedences, keep the downlink filters that fit family idx */
static int cls_finish(struct gtpu_cls *cls, int idx,
		      struct netlink_ext_ack *extack)
{
	u8 fam = idx == GTPU_UE4 ? AF_INET : AF_INET6;
	u32 i, n = 0;

	sort(cls->e, cls->n, sizeof(cls->e[0]), ent_cmp, NULL);
	for (i = 1; i < cls->n; i++) {
		if (cls->e[i].f.prec == cls->e[i - 1].f.prec) {
			NL_SET_ERR_MSG(extack,
				       "packet filter precedence already used on this UE address");
			return -EEXIST;
		}
	}
	for (i = 0; i < cls->n; i++) {
		const struct gtpu_filter *f = &cls->e[i].f;

		if (f->dir == GTPU_FILTER_DIR_UPLINK)
			continue;
		if (f->family && f->family != fam)
			continue;
		if (f->flags & GTPU_FF_FLOW && fam != AF_INET6)
			continue;
		cls->e[n++] = cls->e[i];
	}
	cls->n = n;
	return 0;
}

/*
 * The classifier of UE entry ue (family idx; NULL: the entry does not exist
 * yet) as it will be once bearer b has TFT tft (del: once b is unbound).
 * Returns NULL when no bearer would have a TFT (no classifier needed), the
 * new classifier (to gtpu_cls_publish() or kfree()), or an ERR_PTR with
 * extack set: -EEXIST for a second default bearer or a precedence used
 * twice, -ENOSPC, -ENOMEM.
 */
struct gtpu_cls *gtpu_cls_build(struct gtpu_ue *ue, int idx,
				struct gtpu_bearer *b, const struct gtpu_tft *tft,
				bool del, struct netlink_ext_ack *extack)
{
	struct gtpu_bearer *x;
	struct gtpu_cls *cls;
	const struct gtpu_tft *t;
	u32 n = 0, nb = 0;
	int err;

	if (ue) {
		list_for_each_entry(x, &ue->bearers, ue_node[idx]) {
			if (x == b)
				continue;
			t = rcu_dereference_protected(x->tft, 1);
			nb++;
			n += t ? t->n : 0;
		}
	}
	if (!del) {
		nb++;
		n += tft ? tft->n : 0;
	}
	if (!n) {
		if (nb > 1) {
			NL_SET_ERR_MSG(extack, "UE address already bound");
			return ERR_PTR(-EEXIST);
		}
		return NULL;
	}
	n = min_t(u32, n, GTPU_TFT_UE_FILTERS_MAX + GTPU_TFT_FILTERS_MAX);
	cls = kzalloc(struct_size(cls, e, n), GFP_KERNEL);
	if (!cls) {
		NL_SET_ERR_MSG(extack, "cannot allocate the packet filters");
		return ERR_PTR(-ENOMEM);
	}
	err = 0;
	if (ue) {
		list_for_each_entry(x, &ue->bearers, ue_node[idx]) {
			if (x == b)
				continue;
			err = cls_add(cls, x, rcu_dereference_protected(x->tft, 1),
				      extack);
			if (err)
				goto err_free;
		}
	}
	if (!del)
		err = cls_add(cls, b, tft, extack);
	if (!err)
		err = cls_finish(cls, idx, extack);
	if (!err)
		return cls;
err_free:
	kfree(cls);
	return ERR_PTR(err);
}

/* Replace the entry's classifier (caller holds gtpu_dev.lock) */
void gtpu_cls_publish(struct gtpu_ue *ue, struct gtpu_cls *cls)
{
	struct gtpu_cls *old = rcu_dereference_protected(ue->cls, 1);

	rcu_assign_pointer(ue->cls, cls);
	if (old)
		kfree_rcu(old, rcu);
}

/*
 * Fallback of a removal whose rebuild could not allocate: b no longer
 * matches in the published classifier (readers see either b or NULL).
 */
void gtpu_cls_forget(struct gtpu_ue *ue, const struct gtpu_bearer *b)
{
	struct gtpu_cls *cls = rcu_dereference_protected(ue->cls, 1);
	u32 i;

	if (!cls)
		return;
	if (cls->def == b)
		WRITE_ONCE(cls->def, NULL);
	for (i = 0; i < cls->n; i++)
		if (cls->e[i].b == b)
			WRITE_ONCE(cls->e[i].b, NULL);
}

/* ------------------------------------------------------------- matching */

/* What the filters look at in a downlink packet; L4 fields parsed lazily */
struct pkt_info {
	__be32 src[4];
	__be32 flow;
	u8 proto;
	u8 tos;
	u8 l4_state;			/* 0: not parsed, 1: ok, 2: none */
	bool frag;			/* a non-first fragment */
	unsigned int thoff;
	u16 sport, dport;
	__be32 spi;
};

static bool pkt_info_init(struct sk_buff *skb, struct pkt_info *pi)
{
	memset(pi, 0, sizeof(*pi));
	if (skb->protocol == htons(ETH_P_IP)) {
		const struct iphdr *iph = ip_hdr(skb);

		pi->src[0] = iph->saddr;
		pi->proto = iph->protocol;
		pi->tos = iph->tos;
		pi->frag = !!(iph->frag_off & htons(IP_OFFSET));
		pi->thoff = iph->ihl * 4;
		return true;
	}
	if (skb->protocol == htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6 = ipv6_hdr(skb);
		__be16 frag_off = 0;
		u8 nexthdr = ip6->nexthdr;
		int off;

		memcpy(pi->src, &ip6->saddr, sizeof(pi->src));
		pi->tos = ipv6_get_dsfield(ip6);
		pi->flow = ip6_flowlabel(ip6);
		off = ipv6_skip_exthdr(skb, skb_network_offset(skb) + sizeof(*ip6),
				       &nexthdr, &frag_off);
		if (off < 0)
			return false;
		pi->proto = nexthdr;
		pi->frag = !!(frag_off & htons(IP6_OFFSET));
		pi->thoff = off - skb_network_offset(skb);
		return true;
	}
	return false;
}

/* Ports (TCP, UDP, UDP-Lite, SCTP, DCCP) or SPI (ESP, AH) */
static void pkt_info_l4(const struct sk_buff *skb, struct pkt_info *pi)
{
	unsigned int off = skb_network_offset(skb) + pi->thoff;
	__be32 w[2], *p;

	pi->l4_state = 2;
	if (pi->frag)
		return;
	switch (pi->proto) {
	case IPPROTO_TCP: case IPPROTO_UDP: case IPPROTO_UDPLITE:
	case IPPROTO_SCTP: case IPPROTO_DCCP:
		p = skb_header_pointer(skb, off, sizeof(w[0]), w);
		if (!p)
			return;
		pi->sport = ntohl(*p) >> 16;
		pi->dport = ntohl(*p) & 0xffff;
		break;
	case IPPROTO_ESP:
		p = skb_header_pointer(skb, off, sizeof(w[0]), w);
		if (!p)
			return;
		pi->spi = *p;
		break;
	case IPPROTO_AH:
		p = skb_header_pointer(skb, off, sizeof(w), w);
		if (!p)
			return;
		pi->spi = p[1];
		break;
	default:
		return;
	}
	pi->l4_state = 1;
}

static bool match_l4(const struct gtpu_filter *f, const struct sk_buff *skb,
		     struct pkt_info *pi)
{
	if (!pi->l4_state)
		pkt_info_l4(skb, pi);
	if (pi->l4_state != 1)
		return false;
	if ((f->flags & GTPU_FF_LPORT) &&
	    (pi->dport < f->lport_lo || pi->dport > f->lport_hi))
		return false;
	if ((f->flags & GTPU_FF_RPORT) &&
	    (pi->sport < f->rport_lo || pi->sport > f->rport_hi))
		return false;
	if ((f->flags & GTPU_FF_SPI) && pi->spi != f->spi)
		return false;
	return true;
}

static bool match_one(const struct gtpu_filter *f, const struct sk_buff *skb,
		      struct pkt_info *pi)
{
	int i;

	if ((f->flags & GTPU_FF_PROTO) && pi->proto != f->proto)
		return false;
	if ((f->flags & GTPU_FF_TOS) && (pi->tos & f->tos_mask) != f->tos)
		return false;
	if ((f->flags & GTPU_FF_FLOW) && pi->flow != f->flow)
		return false;
	if (f->flags & GTPU_FF_REMOTE) {
		for (i = 0; i < 4; i++)
			if ((pi->src[i] & f->rmask[i]) != f->raddr[i])
				return false;
	}
	if (f->flags & GTPU_FF_L4)
		return match_l4(f, skb, pi);
	return true;
}

/*
 * The bearer of a downlink packet (network header pulled) whose UE entry
 * has a classifier: the first matching filter in precedence order, else
 * the default bearer (NULL: none).  Caller holds RCU.
 */
struct gtpu_bearer *gtpu_cls_match(const struct gtpu_cls *cls,
				   struct sk_buff *skb)
{
	struct gtpu_bearer *b;
	struct pkt_info pi;
	u32 i;

	if (!pkt_info_init(skb, &pi))
		return READ_ONCE(cls->def);
	for (i = 0; i < cls->n; i++) {
		if (!match_one(&cls->e[i].f, skb, &pi))
			continue;
		b = READ_ONCE(cls->e[i].b);
		if (b)
			return b;
	}
	return READ_ONCE(cls->def);
}

/* -------------------------------------------------------------- replies */

static int put_filter(struct sk_buff *skb, const struct gtpu_filter *f)
{
	int err = 0;

	if (f->flags & GTPU_FF_PROTO)
		err |= nla_put_u8(skb, GTPU_FILTER_A_PROTO, f->proto);
	if (f->family == AF_INET)
		err |= nla_put_in_addr(skb, GTPU_FILTER_A_REMOTE_IP4, f->raddr[0]) |
		       nla_put_in_addr(skb, GTPU_FILTER_A_REMOTE_IP4_MASK, f->rmask[0]);
	if (f->family == AF_INET6)
		err |= nla_put(skb, GTPU_FILTER_A_REMOTE_IP6, 16, f->raddr) |
		       nla_put_u8(skb, GTPU_FILTER_A_REMOTE_IP6_PLEN, f->plen);
	if (f->flags & GTPU_FF_LPORT)
		err |= nla_put_u16(skb, GTPU_FILTER_A_LPORT_LO, f->lport_lo) |
		       nla_put_u16(skb, GTPU_FILTER_A_LPORT_HI, f->lport_hi);
	if (f->flags & GTPU_FF_RPORT)
		err |= nla_put_u16(skb, GTPU_FILTER_A_RPORT_LO, f->rport_lo) |
		       nla_put_u16(skb, GTPU_FILTER_A_RPORT_HI, f->rport_hi);
	if (f->flags & GTPU_FF_TOS)
		err |= nla_put_u8(skb, GTPU_FILTER_A_TOS, f->tos) |
		       nla_put_u8(skb, GTPU_FILTER_A_TOS_MASK, f->tos_mask);
	if (f->flags & GTPU_FF_SPI)
		err |= nla_put_u32(skb, GTPU_FILTER_A_SPI, ntohl(f->spi));
	if (f->flags & GTPU_FF_FLOW)
		err |= nla_put_u32(skb, GTPU_FILTER_A_FLOW_LABEL, ntohl(f->flow));
	return err ? -EMSGSIZE : 0;
}

/* GTPU_BEARER_A_TFT of a dedicated bearer; caller holds RCU or the lock */
int gtpu_tft_put(struct sk_buff *skb, const struct gtpu_bearer *b)
{
	const struct gtpu_tft *tft = rcu_dereference_check(b->tft, 1);
	struct nlattr *nest, *fn;
	int i;

	if (!tft)
		return 0;
	nest = nla_nest_start(skb, GTPU_BEARER_A_TFT);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < tft->n; i++) {
		const struct gtpu_filter *f = &tft->f[i];

		fn = nla_nest_start(skb, GTPU_TFT_A_FILTER);
		if (!fn || nla_put_u8(skb, GTPU_FILTER_A_ID, f->id) ||
		    nla_put_u8(skb, GTPU_FILTER_A_PRECEDENCE, f->prec) ||
		    nla_put_u8(skb, GTPU_FILTER_A_DIRECTION, f->dir) ||
		    put_filter(skb, f)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
		nla_nest_end(skb, fn);
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* Room the TFT takes in a bearer message */
size_t gtpu_tft_msg_size(const struct gtpu_bearer *b)
{
	const struct gtpu_tft *tft = rcu_dereference_check(b->tft, 1);

	/* a full filter: 14 attributes, at most 132 bytes with headers */
	return tft ? nla_total_size(0) + tft->n * 136 : 0;
}
