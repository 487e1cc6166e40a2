/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * gtpu: an in-kernel GTP-U (3GPP TS 29.281) user-plane datapath for an LTE
 * access gateway.  This header is the ABI manual.
 *
 * Two interfaces:
 *
 *  1. rtnetlink link kind "gtpu" creates a tunnel device:
 *
 *       ip link add gtpu0 type gtpu ...      (or: gtpuctl link add ...)
 *
 *     IFLA_INFO_DATA carries the IFLA_GTPU_* attributes below.  The module
 *     opens its own UDP tunnel socket(s) on the local address(es) and port;
 *     no file descriptor is passed from userspace.  Several devices may exist
 *     per network namespace, each on its own (address, port).
 *
 *  2. generic netlink family GTPU_GENL_NAME, version GTPU_GENL_VERSION,
 *     programs bearers on a device and reports events on the multicast group
 *     GTPU_GENL_MCGRP_EVENTS.  Every command that changes state needs
 *     CAP_NET_ADMIN in the device's network namespace.  Every attribute is
 *     validated strictly: unknown attributes and wrong lengths are rejected
 *     with -EINVAL, out-of-range values (LOCAL_TEID 0, EBI outside 5..15)
 *     with -ERANGE, each with an extack message naming the attribute.
 *
 * Byte order: integers are host order unless the type says BE; IPv4
 * addresses are __be32 (network order, as in struct in_addr); IPv6
 * addresses are 16 raw bytes (struct in6_addr).
 *
 * --------------------------------------------------------------------------
 * Bearers
 *
 * A bearer is one GTP-U tunnel between the gateway and an eNodeB:
 *
 *   LOCAL_TEID     our TEID, unique per device: the uplink lookup key
 *   REMOTE_TEID    the eNodeB's TEID, written into downlink G-PDUs
 *   PEER_IP4/6     the eNodeB's address (outer destination of downlink)
 *   UE_IP4         the UE's IPv4 address        } downlink lookup keys;
 *   UE_IP6 + LEN   the UE's IPv6 prefix (/64)   } at least one of them
 *   EBI            EPS bearer identity, 5..15 (TS 24.007 11.2.3.1.5)
 *   COOKIE         64 opaque bits owned by userspace (agwd: session id)
 *
 * Uplink: a G-PDU received on the device's socket is looked up by its TEID;
 * the inner packet's source address must be the bearer's UE address (or lie
 * in its IPv6 prefix), else it is dropped and counted as DROP_BAD_SRC; the
 * inner packet is then received on the gtpu device.
 *
 * Downlink: a packet routed into the gtpu device is looked up by its
 * destination address (IPv4 exact, IPv6 by /64 prefix); the GTP-U header is
 * pushed and the packet sent to PEER via the UDP tunnel.  Today one bearer
 * may be bound to a UE address; adding a second one fails with -EEXIST
 * ("UE address already bound").  The downlink table is keyed by address and
 * holds a list of bearers, so that dedicated bearers selected by a TFT can
 * share the address later without an ABI change.
 *
 * --------------------------------------------------------------------------
 * Commands (GTPU_CMD_*), request attributes, and replies
 *
 * GTPU_CMD_BEARER_ADD   do   IFINDEX, BEARER{LOCAL_TEID, REMOTE_TEID,
 *                            PEER_IP4|PEER_IP6, UE_IP4 and/or UE_IP6(+LEN),
 *                            [EBI], [COOKIE]}
 *                            Errors: -ENODEV unknown device, -EEXIST
 *                            duplicate LOCAL_TEID or UE address already
 *                            bound, -EINVAL missing/out-of-range attribute,
 *                            -EAFNOSUPPORT peer family the device has no
 *                            socket for.  Emits GTPU_CMD_BEARER_NEW.
 * GTPU_CMD_BEARER_MOD   do   IFINDEX, BEARER{LOCAL_TEID, and any of
 *                            REMOTE_TEID, PEER_IP4|PEER_IP6, EBI, COOKIE}
 *                            (handover: new remote end).  UE addresses cannot
 *                            change (-EINVAL).  -ENOENT if no such bearer.
 * GTPU_CMD_BEARER_DEL   do   IFINDEX, BEARER{LOCAL_TEID}.  -ENOENT if none.
 *                            Emits GTPU_CMD_BEARER_DELETED.
 * GTPU_CMD_BEARER_GET   do   IFINDEX, BEARER{LOCAL_TEID}; replies with one
 *                            bearer message.
 *                       dump [IFINDEX], [BEARER{UE_IP4|UE_IP6}] as filters;
 *                            one message per bearer: IFINDEX, BEARER{all
 *                            attributes, STATS{...}}.  A dump that raced with
 *                            a change is flagged NLM_F_DUMP_INTR.
 * GTPU_CMD_DEV_GET      do   IFINDEX; dump: all gtpu devices of the netns.
 *                            Reply: IFINDEX, IFNAME, DEV{LOCAL_IP4,
 *                            LOCAL_IP6, PORT, RESTART_COUNTER, N_BEARERS},
 *                            STATS{device totals}.
 * GTPU_CMD_ECHO         do   IFINDEX, ECHO{PEER_IP4|PEER_IP6}: send a GTP-U
 *                            Echo Request.  Reply: ECHO{SEQ}.  The Echo
 *                            Response, if any, is reported as a
 *                            GTPU_CMD_ECHO_RESPONSE event.
 *
 * Events (multicast group "events"; never accepted as requests):
 *
 * GTPU_CMD_BEARER_NEW        IFINDEX, BEARER{...}       a bearer was added
 * GTPU_CMD_BEARER_DELETED    IFINDEX, BEARER{...,STATS} a bearer was removed
 *                                                       (command or device
 *                                                       teardown)
 * GTPU_CMD_ECHO_RESPONSE     IFINDEX, ECHO{PEER_IP4|PEER_IP6, SEQ,
 *                            RESTART_COUNTER, RTT_NS}
 *
 * Echo Requests received from peers are answered in the kernel with the
 * device's restart counter (TS 29.281 7.2.2, Recovery IE) and counted.
 */
#ifndef _UAPI_LINUX_GTPU_H
#define _UAPI_LINUX_GTPU_H

#define GTPU_GENL_NAME		"gtpu"
#define GTPU_GENL_VERSION	1
#define GTPU_GENL_MCGRP_EVENTS	"events"

/* Default GTP-U UDP port (TS 29.281 4.4.2.3) */
#define GTPU_PORT		2152

/* rtnetlink: IFLA_INFO_DATA of link kind "gtpu" */
enum {
	IFLA_GTPU_UNSPEC,
	IFLA_GTPU_LOCAL,		/* BE32: local IPv4 address */
	IFLA_GTPU_LOCAL6,		/* binary[16]: local IPv6 address */
	IFLA_GTPU_PORT,			/* U16: UDP port, default GTPU_PORT */
	IFLA_GTPU_RESTART_COUNTER,	/* U8: Recovery IE value, default 0 */
	__IFLA_GTPU_MAX
};
#define IFLA_GTPU_MAX (__IFLA_GTPU_MAX - 1)

enum gtpu_cmd {
	GTPU_CMD_UNSPEC,
	GTPU_CMD_BEARER_ADD,
	GTPU_CMD_BEARER_MOD,
	GTPU_CMD_BEARER_DEL,
	GTPU_CMD_BEARER_GET,
	GTPU_CMD_DEV_GET,
	GTPU_CMD_ECHO,
	/* events */
	GTPU_CMD_BEARER_NEW,
	GTPU_CMD_BEARER_DELETED,
	GTPU_CMD_ECHO_RESPONSE,
	__GTPU_CMD_MAX
};
#define GTPU_CMD_MAX (__GTPU_CMD_MAX - 1)

/* Top-level attributes */
enum gtpu_attr {
	GTPU_A_UNSPEC,
	GTPU_A_IFINDEX,		/* U32 */
	GTPU_A_IFNAME,		/* NUL-terminated string (replies only) */
	GTPU_A_BEARER,		/* nest: GTPU_BEARER_A_* */
	GTPU_A_DEV,		/* nest: GTPU_DEV_A_* (replies only) */
	GTPU_A_STATS,		/* nest: GTPU_STATS_A_* (replies only) */
	GTPU_A_ECHO,		/* nest: GTPU_ECHO_A_* */
	GTPU_A_PAD,
	__GTPU_A_MAX
};
#define GTPU_A_MAX (__GTPU_A_MAX - 1)

enum gtpu_bearer_attr {
	GTPU_BEARER_A_UNSPEC,
	GTPU_BEARER_A_LOCAL_TEID,	/* U32, != 0 */
	GTPU_BEARER_A_REMOTE_TEID,	/* U32 */
	GTPU_BEARER_A_PEER_IP4,		/* BE32 */
	GTPU_BEARER_A_PEER_IP6,		/* binary[16] */
	GTPU_BEARER_A_UE_IP4,		/* BE32 */
	GTPU_BEARER_A_UE_IP6,		/* binary[16]: prefix, host bits zero */
	GTPU_BEARER_A_UE_IP6_PLEN,	/* U8: prefix length, must be 64 */
	GTPU_BEARER_A_EBI,		/* U8: 5..15, default 5 */
	GTPU_BEARER_A_COOKIE,		/* U64 */
	GTPU_BEARER_A_STATS,		/* nest: GTPU_STATS_A_* (replies only) */
	GTPU_BEARER_A_PAD,
	__GTPU_BEARER_A_MAX
};
#define GTPU_BEARER_A_MAX (__GTPU_BEARER_A_MAX - 1)

/* Device description (GTPU_CMD_DEV_GET replies) */
enum gtpu_dev_attr {
	GTPU_DEV_A_UNSPEC,
	GTPU_DEV_A_LOCAL_IP4,		/* BE32 */
	GTPU_DEV_A_LOCAL_IP6,		/* binary[16] */
	GTPU_DEV_A_PORT,		/* U16 */
	GTPU_DEV_A_RESTART_COUNTER,	/* U8 */
	GTPU_DEV_A_N_BEARERS,		/* U32 */
	__GTPU_DEV_A_MAX
};
#define GTPU_DEV_A_MAX (__GTPU_DEV_A_MAX - 1)

/*
 * Counters, all U64.  In a bearer's STATS only the bearer's own traffic
 * counters and DROP_BAD_SRC/DROP_TX appear; a device's STATS are totals over
 * its bearers (including deleted ones) plus the drops that have no bearer.
 */
enum gtpu_stats_attr {
	GTPU_STATS_A_UNSPEC,
	GTPU_STATS_A_UL_PACKETS,	/* G-PDUs decapsulated and delivered */
	GTPU_STATS_A_UL_BYTES,		/* inner bytes of those */
	GTPU_STATS_A_DL_PACKETS,	/* packets encapsulated and sent */
	GTPU_STATS_A_DL_BYTES,		/* inner bytes of those */
	GTPU_STATS_A_DROP_BAD_SRC,	/* uplink inner source not the UE's */
	GTPU_STATS_A_DROP_TX,		/* downlink: no route / xmit error */
	GTPU_STATS_A_DROP_NO_TEID,	/* uplink G-PDU for an unknown TEID */
	GTPU_STATS_A_DROP_MALFORMED,	/* bad version/PT, truncated, bad length */
	GTPU_STATS_A_DROP_UNSUPPORTED,	/* message type not handled */
	GTPU_STATS_A_DROP_NO_BEARER,	/* downlink to an unknown UE address */
	GTPU_STATS_A_ECHO_REQ_RX,	/* Echo Requests answered */
	GTPU_STATS_A_ECHO_RSP_RX,	/* Echo Responses received */
	GTPU_STATS_A_PAD,
	__GTPU_STATS_A_MAX
};
#define GTPU_STATS_A_MAX (__GTPU_STATS_A_MAX - 1)

enum gtpu_echo_attr {
	GTPU_ECHO_A_UNSPEC,
	GTPU_ECHO_A_PEER_IP4,		/* BE32 */
	GTPU_ECHO_A_PEER_IP6,		/* binary[16] */
	GTPU_ECHO_A_SEQ,		/* U16: sequence number used */
	GTPU_ECHO_A_RESTART_COUNTER,	/* U8: peer's Recovery IE */
	GTPU_ECHO_A_RTT_NS,		/* U64: request to response, ns */
	GTPU_ECHO_A_PAD,
	__GTPU_ECHO_A_MAX
};
#define GTPU_ECHO_A_MAX (__GTPU_ECHO_A_MAX - 1)

#endif /* _UAPI_LINUX_GTPU_H */
