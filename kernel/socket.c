// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel UDP tunnel sockets of a gtpu device: one per configured family,
 * bound to the device's local address and port, created in the device's
 * network namespace.  sk_user_data points to the gtpu_dev (RCU); encap_rcv
 * is gtpu_rx_encap().
 *
 * Lifetime: opened by newlink before register_netdevice(); detached
 * (sk_user_data = NULL) by ndo_uninit, then closed after a grace period.
 */
#include <linux/udp.h>
#include <net/udp_tunnel.h>

#include "gtpu.h"

static int open_one(struct gtpu_dev *gdev, int family, struct socket **sockp,
		    struct netlink_ext_ack *extack)
{
	struct udp_tunnel_sock_cfg tcfg = {
		.sk_user_data = gdev,
		.encap_type = UDP_ENCAP_GTP1U,
		.encap_rcv = gtpu_rx_encap,
	};
	struct udp_port_cfg cfg = {
		.family = family,
		.local_udp_port = gdev->port,
	};
	int err;

	if (family == AF_INET) {
		cfg.local_ip.s_addr = gdev->local4;
	} else {
#if IS_ENABLED(CONFIG_IPV6)
		cfg.local_ip6 = gdev->local6;
		cfg.ipv6_v6only = 1;
		cfg.use_udp6_tx_checksums = 1;
		cfg.use_udp6_rx_checksums = 1;
#else
		NL_SET_ERR_MSG(extack, "kernel built without IPv6");
		return -EAFNOSUPPORT;
#endif
	}
	err = udp_sock_create(gdev->net, &cfg, sockp);
	if (err == -EADDRINUSE) {
		NL_SET_ERR_MSG(extack, "local address and port already in use");
		return err;
	}
	if (err == -EADDRNOTAVAIL) {
		NL_SET_ERR_MSG(extack, "local address is not configured in this network namespace");
		return err;
	}
	if (err) {
		NL_SET_ERR_MSG(extack, "cannot create the UDP tunnel socket");
		return err;
	}
	setup_udp_tunnel_sock(gdev->net, *sockp, &tcfg);
	return 0;
}

/* Open the sockets of every configured family; all or nothing */
int gtpu_socket_open(struct gtpu_dev *gdev, struct netlink_ext_ack *extack)
{
	int err;

	if (gdev->has4) {
		err = open_one(gdev, AF_INET, &gdev->sock4, extack);
		if (err)
			return err;
	}
	if (gdev->has6) {
		err = open_one(gdev, AF_INET6, &gdev->sock6, extack);
		if (err) {
			gtpu_socket_detach(gdev);
			gtpu_socket_close(gdev);
			return err;
		}
	}
	return 0;
}

/* Stop delivering to gdev; packets already inside encap_rcv finish (RCU) */
void gtpu_socket_detach(struct gtpu_dev *gdev)
{
	if (gdev->sock4)
		rcu_assign_sk_user_data(gdev->sock4->sk, NULL);
	if (gdev->sock6)
		rcu_assign_sk_user_data(gdev->sock6->sk, NULL);
}

/* After detach and a grace period: release the sockets */
void gtpu_socket_close(struct gtpu_dev *gdev)
{
	if (gdev->sock4) {
		udp_tunnel_sock_release(gdev->sock4);
		gdev->sock4 = NULL;
	}
	if (gdev->sock6) {
		udp_tunnel_sock_release(gdev->sock6);
		gdev->sock6 = NULL;
	}
}
