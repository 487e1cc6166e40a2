/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel-version shims.  This is the only file of the module that tests
 * LINUX_VERSION_CODE.  The module is built and tested on 6.1; the branches
 * for later kernels follow the upstream API changes named next to them and
 * are untested.
 */
#ifndef _GTPU_COMPAT_H
#define _GTPU_COMPAT_H

#include <linux/version.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>
#include <net/rtnetlink.h>
#include <net/udp_tunnel.h>

/* 6.12 moved <asm/unaligned.h> to <linux/unaligned.h> */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * 6.12 replaced the NETIF_F_LLTX and NETIF_F_NETNS_LOCAL feature bits with
 * the net_device fields lltx and netns_local.
 */
static inline void gtpu_compat_set_lltx_netns_local(struct net_device *dev)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	dev->lltx = true;
	dev->netns_local = true;
#else
	dev->features |= NETIF_F_LLTX | NETIF_F_NETNS_LOCAL;
#endif
}

/*
 * rtnl_link_ops.newlink: 6.15 packed the arguments into struct
 * rtnl_newlink_params.  GTPU_COMPAT_NEWLINK(name, fn) defines name() with
 * the running kernel's signature, calling
 *   int fn(struct net_device *dev, struct nlattr *tb[],
 *          struct nlattr *data[], struct netlink_ext_ack *extack)
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
#define GTPU_COMPAT_NEWLINK(name, fn)					\
static int name(struct net_device *dev,					\
		struct rtnl_newlink_params *params,			\
		struct netlink_ext_ack *extack)				\
{									\
	return fn(dev, params->tb, params->data, extack);				\
}
#else
#define GTPU_COMPAT_NEWLINK(name, fn)					\
static int name(struct net *src_net, struct net_device *dev,		\
		struct nlattr *tb[], struct nlattr *data[],		\
		struct netlink_ext_ack *extack)				\
{									\
	return fn(dev, tb, data, extack);					\
}
#endif

/*
 * genl_family.pre_doit: 6.2 passes the split op (struct genl_split_ops, which
 * carries the op's internal_flags) instead of struct genl_ops.
 * GTPU_COMPAT_PRE_DOIT(name, fn) defines name() with the running kernel's
 * signature, calling
 *   int fn(u8 internal_flags, struct sk_buff *skb, struct genl_info *info)
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define gtpu_compat_genl_op	genl_split_ops
#else
#define gtpu_compat_genl_op	genl_ops
#endif
#define GTPU_COMPAT_PRE_DOIT(name, fn)					\
static int name(const struct gtpu_compat_genl_op *ops,			\
		struct sk_buff *skb, struct genl_info *info)		\
{									\
	return fn(ops->internal_flags, skb, info);			\
}

/*
 * Permission to join a multicast group: 6.7 (and the 6.1.y stable series,
 * so Debian's 6.1) checks GENL_MCAST_CAP_NET_ADMIN in genl_bind(),
 * CAP_NET_ADMIN in the user namespace owning the netns.  The kernels
 * between tested the group flag GENL_UNS_ADMIN_PERM for the same thing
 * (untested here); setting that bit on a kernel that knows
 * GENL_MCAST_CAP_NET_ADMIN checks nothing.
 */
#ifdef GENL_MCAST_CAP_NET_ADMIN
#define GTPU_COMPAT_MCGRP_ADMIN		GENL_MCAST_CAP_NET_ADMIN
#else
#define GTPU_COMPAT_MCGRP_ADMIN		GENL_UNS_ADMIN_PERM
#endif

/*
 * udp_tunnel_xmit_skb / udp_tunnel6_xmit_skb: 6.16 added a trailing
 * IPCB/IP6CB flags argument.
 */
static inline void gtpu_compat_udp4_xmit(struct rtable *rt, struct sock *sk,
					 struct sk_buff *skb, __be32 src,
					 __be32 dst, u8 tos, u8 ttl,
					 __be16 port_src, __be16 port_dst)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 16, 0)
	udp_tunnel_xmit_skb(rt, sk, skb, src, dst, tos, ttl, 0, port_src,
			    port_dst, false, false, 0);
#else
	udp_tunnel_xmit_skb(rt, sk, skb, src, dst, tos, ttl, 0, port_src,
			    port_dst, false, false);
#endif
}

#if IS_ENABLED(CONFIG_IPV6)
static inline void gtpu_compat_udp6_xmit(struct dst_entry *dst,
					 struct sock *sk, struct sk_buff *skb,
					 struct net_device *dev,
					 struct in6_addr *saddr,
					 struct in6_addr *daddr, u8 prio,
					 u8 ttl, __be16 port_src,
					 __be16 port_dst)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 16, 0)
	udp_tunnel6_xmit_skb(dst, sk, skb, dev, saddr, daddr, prio, ttl, 0,
			     port_src, port_dst, false, 0);
#else
	udp_tunnel6_xmit_skb(dst, sk, skb, dev, saddr, daddr, prio, ttl, 0,
			     port_src, port_dst, false);
#endif
}
#endif

#endif /* _GTPU_COMPAT_H */
