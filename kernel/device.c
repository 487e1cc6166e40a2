// SPDX-License-Identifier: GPL-2.0
/*
 * The gtpu net_device: rtnetlink link kind "gtpu", netdev ops and the
 * per-network-namespace list of devices.
 *
 * Lifetime of a device (all resources are owned by the gtpu_dev):
 *
 *   newlink (RTNL)    tables, stats, gro_cells, UDP sockets, then
 *                     register_netdevice(); priv_destructor is set only once
 *                     registration succeeded, so newlink unwinds its own
 *                     failures (WireGuard does the same).
 *   dellink (RTNL)    unlink from gtpu_net.devs, queue the unregistration.
 *   priv_destructor   runs from netdev_run_todo once the device is closed,
 *                     unlisted, past synchronize_net() and without
 *                     references (so no genl doit holds it):
 *                     1. detach the sockets, wait a grace period: no rx;
 *                     2. flush the bearers under the lock (events, call_rcu);
 *                     3. close sockets, free gro_cells, tables and stats.
 *   netns exit        every device of the netns goes through dellink.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <net/ip.h>
#include <net/netns/generic.h>
#include <net/rtnetlink.h>

#include "compat.h"
#include "gtpu.h"

unsigned int gtpu_net_id __read_mostly;

static const struct net_device_ops gtpu_netdev_ops = {
	.ndo_start_xmit		= gtpu_tx_xmit,
	.ndo_get_stats64	= gtpu_stats_get64,
};

static void gtpu_destruct(struct net_device *dev)
{
	struct gtpu_dev *gdev = netdev_priv(dev);

	gtpu_socket_detach(gdev);
	synchronize_net();

	mutex_lock(&gdev->lock);
	gdev->dead = true;
	gtpu_bearer_flush(gdev);
	gtpu_qos_flush(gdev);
	mutex_unlock(&gdev->lock);

	gtpu_socket_close(gdev);
	gro_cells_destroy(&gdev->gro_cells);
	gtpu_bearer_tables_destroy(gdev);
	free_percpu(gdev->stats);
	mutex_destroy(&gdev->lock);
}

static void gtpu_setup(struct net_device *dev)
{
	dev->netdev_ops = &gtpu_netdev_ops;
	dev->needs_free_netdev = true;
	dev->type = ARPHRD_NONE;
	dev->flags = IFF_POINTOPOINT | IFF_NOARP;
	dev->priv_flags |= IFF_NO_QUEUE;
	dev->hard_header_len = 0;
	dev->addr_len = 0;
	dev->min_mtu = ETH_MIN_MTU;
	dev->mtu = ETH_DATA_LEN;	/* newlink subtracts the overhead */
	/* keep the packet's route up to ndo_start_xmit: PMTU errors (tx.c)
	 * are ICMP replies, which need it */
	netif_keep_dst(dev);
	gtpu_compat_set_lltx_netns_local(dev);
}

static struct netlink_range_validation idle_qlen_dev_range __ro_after_init = {
	.min = 1,
	.max = GTPU_IDLE_QLEN_DEV_MAX,
};

static const struct nla_policy gtpu_link_policy[IFLA_GTPU_MAX + 1] = {
	[IFLA_GTPU_LOCAL]		= { .type = NLA_U32 },
	[IFLA_GTPU_LOCAL6]		= NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[IFLA_GTPU_PORT]		= NLA_POLICY_MIN(NLA_U16, 1),
	[IFLA_GTPU_RESTART_COUNTER]	= { .type = NLA_U8 },
	[IFLA_GTPU_IDLE_QLEN]		= NLA_POLICY_RANGE(NLA_U32, 1,
							   GTPU_IDLE_QLEN_MAX),
	[IFLA_GTPU_IDLE_QLEN_DEV]	= NLA_POLICY_FULL_RANGE(NLA_U32,
							&idle_qlen_dev_range),
};

static int gtpu_validate(struct nlattr *tb[], struct nlattr *data[],
			 struct netlink_ext_ack *extack)
{
	if (tb[IFLA_ADDRESS]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_ADDRESS],
				    "gtpu devices have no link-layer address");
		return -EINVAL;
	}
	if (!data || (!data[IFLA_GTPU_LOCAL] && !data[IFLA_GTPU_LOCAL6])) {
		NL_SET_ERR_MSG(extack, "need IFLA_GTPU_LOCAL or IFLA_GTPU_LOCAL6");
		return -EINVAL;
	}
	return 0;
}

static void config_from_attrs(struct gtpu_dev *gdev, struct nlattr *data[])
{
	if (data[IFLA_GTPU_LOCAL]) {
		gdev->has4 = true;
		gdev->local4 = nla_get_in_addr(data[IFLA_GTPU_LOCAL]);
	}
	if (data[IFLA_GTPU_LOCAL6]) {
		gdev->has6 = true;
		gdev->local6 = nla_get_in6_addr(data[IFLA_GTPU_LOCAL6]);
	}
	gdev->port = htons(data[IFLA_GTPU_PORT] ?
			   nla_get_u16(data[IFLA_GTPU_PORT]) : GTPU_PORT);
	if (data[IFLA_GTPU_RESTART_COUNTER])
		gdev->restart_counter =
			nla_get_u8(data[IFLA_GTPU_RESTART_COUNTER]);
	gdev->idle_qlen = data[IFLA_GTPU_IDLE_QLEN] ?
			  nla_get_u32(data[IFLA_GTPU_IDLE_QLEN]) :
			  GTPU_IDLE_QLEN_DEFAULT;
	gdev->idle_qlen_dev = data[IFLA_GTPU_IDLE_QLEN_DEV] ?
			      nla_get_u32(data[IFLA_GTPU_IDLE_QLEN_DEV]) :
			      GTPU_IDLE_QLEN_DEV_DEFAULT;
	atomic_set(&gdev->idle_queued, 0);
}

static int gtpu_newlink_common(struct net_device *dev, struct nlattr *tb[],
			       struct nlattr *data[],
			       struct netlink_ext_ack *extack)
{
	struct gtpu_net *gn = net_generic(dev_net(dev), gtpu_net_id);
	struct gtpu_dev *gdev = netdev_priv(dev);
	unsigned int overhead;
	int err;

	gdev->dev = dev;
	gdev->net = dev_net(dev);
	config_from_attrs(gdev, data);
	mutex_init(&gdev->lock);
	spin_lock_init(&gdev->echo_lock);
	spin_lock_init(&gdev->usage_lock);
	gtpu_signal_init(gdev);

	err = gtpu_bearer_tables_init(gdev);
	if (err)
		goto err_msg;
	err = -ENOMEM;
	gdev->stats = netdev_alloc_pcpu_stats(struct gtpu_dev_stats);
	if (!gdev->stats)
		goto err_tables;
	err = gro_cells_init(&gdev->gro_cells, dev);
	if (err)
		goto err_stats;
	err = gtpu_socket_open(gdev, extack);
	if (err)
		goto err_gro;

	overhead = gtpu_tx_overhead(gdev);
	/* + a PDU Session Container (bearers with a QFI) */
	dev->needed_headroom = LL_MAX_HEADER + overhead + GTPU_HLEN_QFI -
			       GTPU_HLEN;
	dev->max_mtu = IP_MAX_MTU - overhead;
	if (!tb[IFLA_MTU])
		dev->mtu = ETH_DATA_LEN - overhead;

	err = register_netdevice(dev);
	if (err) {
		NL_SET_ERR_MSG(extack, "cannot register the device");
		goto err_sockets;
	}
	dev->priv_destructor = gtpu_destruct;
	list_add_tail_rcu(&gdev->list, &gn->devs);
	return 0;

err_sockets:
	gtpu_socket_detach(gdev);
	synchronize_net();
	gtpu_socket_close(gdev);
err_gro:
	gro_cells_destroy(&gdev->gro_cells);
err_stats:
	free_percpu(gdev->stats);
err_tables:
	gtpu_bearer_tables_destroy(gdev);
err_msg:
	if (err == -ENOMEM)
		NL_SET_ERR_MSG(extack, "out of memory");
	mutex_destroy(&gdev->lock);
	return err;
}

GTPU_COMPAT_NEWLINK(gtpu_newlink, gtpu_newlink_common)

static void gtpu_dellink(struct net_device *dev, struct list_head *head)
{
	struct gtpu_dev *gdev = netdev_priv(dev);

	ASSERT_RTNL();
	list_del_rcu(&gdev->list);
	unregister_netdevice_queue(dev, head);
}

static size_t gtpu_get_size(const struct net_device *dev)
{
	return nla_total_size(sizeof(__be32)) +		/* LOCAL */
	       nla_total_size(sizeof(struct in6_addr)) +	/* LOCAL6 */
	       nla_total_size(sizeof(u16)) +		/* PORT */
	       nla_total_size(sizeof(u8)) +		/* RESTART_COUNTER */
	       nla_total_size(sizeof(u32)) +		/* IDLE_QLEN */
	       nla_total_size(sizeof(u32));		/* IDLE_QLEN_DEV */
}

static int gtpu_fill_info(struct sk_buff *skb, const struct net_device *dev)
{
	const struct gtpu_dev *gdev = netdev_priv(dev);

	if (gdev->has4 && nla_put_in_addr(skb, IFLA_GTPU_LOCAL, gdev->local4))
		return -EMSGSIZE;
	if (gdev->has6 &&
	    nla_put_in6_addr(skb, IFLA_GTPU_LOCAL6, &gdev->local6))
		return -EMSGSIZE;
	if (nla_put_u16(skb, IFLA_GTPU_PORT, ntohs(gdev->port)) ||
	    nla_put_u8(skb, IFLA_GTPU_RESTART_COUNTER, gdev->restart_counter) ||
	    nla_put_u32(skb, IFLA_GTPU_IDLE_QLEN, gdev->idle_qlen) ||
	    nla_put_u32(skb, IFLA_GTPU_IDLE_QLEN_DEV, gdev->idle_qlen_dev))
		return -EMSGSIZE;
	return 0;
}

struct rtnl_link_ops gtpu_link_ops __read_mostly = {
	.kind		= "gtpu",
	.maxtype	= IFLA_GTPU_MAX,
	.policy		= gtpu_link_policy,
	.priv_size	= sizeof(struct gtpu_dev),
	.setup		= gtpu_setup,
	.validate	= gtpu_validate,
	.newlink	= gtpu_newlink,
	.dellink	= gtpu_dellink,
	.get_size	= gtpu_get_size,
	.fill_info	= gtpu_fill_info,
};

/*
 * Look up a gtpu device by ifindex and take a device reference (released
 * with gtpu_dev_put).  NULL if absent or not a gtpu device.
 */
struct gtpu_dev *gtpu_dev_get(struct net *net, int ifindex)
{
	struct net_device *dev = dev_get_by_index(net, ifindex);

	if (!dev)
		return NULL;
	if (dev->rtnl_link_ops != &gtpu_link_ops) {
		dev_put(dev);
		return NULL;
	}
	return netdev_priv(dev);
}

void gtpu_dev_put(struct gtpu_dev *gdev)
{
	dev_put(gdev->dev);
}

/*
 * The gtpu device of net with the smallest ifindex >= ifindex, for dumps.
 * Caller holds RCU; no reference is taken.
 */
struct gtpu_dev *gtpu_dev_next_rcu(struct net *net, int ifindex)
{
	struct gtpu_net *gn = net_generic(net, gtpu_net_id);
	struct gtpu_dev *gdev, *best = NULL;

	list_for_each_entry_rcu(gdev, &gn->devs, list) {
		if (gdev->dev->ifindex < ifindex)
			continue;
		if (!best || gdev->dev->ifindex < best->dev->ifindex)
			best = gdev;
	}
	return best;
}

static int __net_init gtpu_net_init(struct net *net)
{
	struct gtpu_net *gn = net_generic(net, gtpu_net_id);

	INIT_LIST_HEAD(&gn->devs);
	return 0;
}

static void __net_exit gtpu_net_exit_batch(struct list_head *net_list)
{
	struct gtpu_dev *gdev, *tmp;
	struct net *net;
	LIST_HEAD(kill);

	rtnl_lock();
	list_for_each_entry(net, net_list, exit_list) {
		struct gtpu_net *gn = net_generic(net, gtpu_net_id);

		list_for_each_entry_safe(gdev, tmp, &gn->devs, list)
			gtpu_dellink(gdev->dev, &kill);
	}
	unregister_netdevice_many(&kill);
	rtnl_unlock();
}

static struct pernet_operations gtpu_net_ops = {
	.init		= gtpu_net_init,
	.exit_batch	= gtpu_net_exit_batch,
	.id		= &gtpu_net_id,
	.size		= sizeof(struct gtpu_net),
};

int gtpu_device_init(void)
{
	int err;

	err = register_pernet_device(&gtpu_net_ops);
	if (err)
		return err;
	err = rtnl_link_register(&gtpu_link_ops);
	if (err)
		unregister_pernet_device(&gtpu_net_ops);
	return err;
}

void gtpu_device_uninit(void)
{
	rtnl_link_unregister(&gtpu_link_ops);
	unregister_pernet_device(&gtpu_net_ops);
}
