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
 *     GTPU_GENL_MCGRP_EVENTS.  Every attribute is validated strictly:
 *     unknown attributes and wrong lengths are rejected with -EINVAL,
 *     out-of-range values (LOCAL_TEID 0, EBI outside 5..15) with -ERANGE,
 *     each with an extack message naming the attribute.
 *
 * Permissions.  The commands that change state (BEARER_ADD, BEARER_MOD,
 * BEARER_DEL, END_MARKER, AMBR_SET, ECHO) and the read-and-clear of usage
 * (BEARER_GET, do or dump, with GTPU_F_USAGE_CLEAR) need CAP_NET_ADMIN in
 * the user namespace that owns the network namespace of the request's
 * netlink socket, which is the namespace whose devices the request can
 * name (netlink_ns_capable(), the test of GENL_UNS_ADMIN_PERM; both the
 * opener of the socket and the sender must have it).  So root of a user
 * namespace manages the gtpu devices of the network namespaces that
 * namespace owns, and nothing else.  Without it: -EPERM, extack "needs
 * CAP_NET_ADMIN in the user namespace owning the device's network
 * namespace", nothing changed or cleared; the check comes after the
 * policy validation of the request.  Every other request (BEARER_GET
 * without the flag, DEV_GET, AMBR_GET, do or dump) needs no privilege.
 * Joining GTPU_GENL_MCGRP_EVENTS needs the same capability
 * (the genl core checks it when the socket joins).
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
 * pushed and the packet sent to PEER via the UDP tunnel. If the result does not
 * fit the path MTU towards PEER, an inner IPv4 packet with DF or an inner
 * IPv6 packet is answered with ICMP Fragmentation Needed / ICMPv6 Packet Too
 * Big giving the largest inner size that fits, and counted in DROP_TOO_BIG;
 * other packets leave in outer fragments.  A bearer without TFT is the
 * default bearer of its UE address(es); at most one per address (a second
 * one: -EEXIST "UE address already bound").  Bearers with a TFT are
 * dedicated bearers and share the address with it, see "TFT" below.
 *
 * --------------------------------------------------------------------------
 * TFT
 *
 * GTPU_BEARER_A_TFT (ADD, MOD, replies) holds up to GTPU_TFT_FILTERS_MAX
 * GTPU_TFT_A_FILTER nests, the packet filters of TS 24.008 10.5.6.12 (enum
 * gtpu_filter_attr below; ID, PRECEDENCE and DIRECTION are required).  An
 * empty nest is no TFT.  "Remote" is the source of a downlink packet, "local"
 * (the UE) its destination; a filter matches when all its fields match;
 * REMOTE_IP4 matches IPv4 packets only, REMOTE_IP6 and FLOW_LABEL IPv6 ones;
 * ports and SPI never match a non-first fragment.
 *
 * Downlink: the DOWNLINK and BIDIRECTIONAL filters of all bearers of the
 * destination address are tried in PRECEDENCE order (lowest first); the
 * first match selects its bearer, else the default bearer; without a
 * default bearer the packet is dropped as DROP_NO_BEARER.  Uplink filters
 * are kept and reported only; uplink on a dedicated TEID is accepted like
 * any other (source address check).
 *
 * Rules per UE address, checked on ADD and MOD: at most one default bearer
 * (-EEXIST "UE address already bound"); precedences distinct over all
 * filters of all its bearers (-EEXIST "packet filter precedence already used
 * on this UE address"); at most GTPU_TFT_UE_FILTERS_MAX filters (-ENOSPC).
 * Inside one TFT: distinct IDs and precedences (-EINVAL), at most
 * GTPU_TFT_FILTERS_MAX filters (-E2BIG), port ranges LO <= HI, masks and
 * prefixes without host bits (-EINVAL), each with an extack message.
 * BEARER_MOD with TFT replaces the whole list atomically; an empty TFT makes
 * the bearer the default one, a TFT on the default bearer makes it a
 * dedicated one, each only if the rules still hold (else nothing changes).
 *
 * --------------------------------------------------------------------------
 * Commands (GTPU_CMD_*), request attributes, and replies
 *
 * GTPU_CMD_BEARER_ADD   do   IFINDEX, BEARER{LOCAL_TEID, REMOTE_TEID,
 *                            PEER_IP4|PEER_IP6, UE_IP4 and/or UE_IP6(+LEN),
 *                            [EBI], [COOKIE], [STATE], [THRESHOLD_*],
 *                            [MBR_UL], [MBR_DL], [AMBR_GROUP], [QFI],
 *                            [TFT]}, the
 *                            BEARER nest repeated up to
 *                            GTPU_BEARERS_PER_MSG_MAX times (more: -E2BIG).
 *                            All or nothing: the nests are inserted in order
 *                            under the device lock; on the first failure the
 *                            bearers inserted by this request are removed
 *                            again, and the error's extack names the failing
 *                            nest (NLMSGERR_ATTR_OFFS: the nest, or the bad
 *                            attribute inside it).  Meanwhile the datapath
 *                            and dumps may have seen the first bearers.
 *                            Errors: -ENODEV unknown device, -EEXIST
 *                            duplicate LOCAL_TEID or UE address already
 *                            bound (also within the request), -ENOENT
 *                            unknown AMBR_GROUP, -EINVAL
 *                            missing/out-of-range attribute,
 *                            -EAFNOSUPPORT peer family the device has no
 *                            socket for.  Emits GTPU_CMD_BEARER_NEW per
 *                            bearer, only if the request succeeded.
 * GTPU_CMD_BEARER_MOD   do   IFINDEX, BEARER{LOCAL_TEID, and any of
 *                            REMOTE_TEID, PEER_IP4|PEER_IP6, EBI, COOKIE,
 *                            STATE, THRESHOLD_*, MBR_*, AMBR_GROUP, QFI,
 *                            TFT} (handover: new remote end;
 *                            STATE ACTIVE sends the idle queue to the remote
 *                            end as changed by the same request).  UE
 *                            addresses cannot change (-EINVAL).  -ENOENT if
 *                            no such bearer.  One BEARER nest only.
 * GTPU_CMD_BEARER_DEL   do   IFINDEX, BEARER{LOCAL_TEID}, the nest repeated
 *                            up to GTPU_BEARERS_PER_MSG_MAX times.  All or
 *                            nothing: every TEID is checked first; -ENOENT
 *                            (unknown) or -EINVAL (named twice) with the
 *                            failing nest in the extack, nothing removed.
 *                            Emits GTPU_CMD_BEARER_DELETED per bearer.
 * GTPU_CMD_BEARER_GET   do   IFINDEX, BEARER{LOCAL_TEID}, [FLAGS]; replies
 *                            with one bearer message.
 *                       dump [IFINDEX], [BEARER{UE_IP4|UE_IP6}] as filters,
 *                            [FLAGS]; one message per bearer: IFINDEX,
 *                            BEARER{all attributes, STATS{...}}.  A dump
 *                            that raced with a change is flagged
 *                            NLM_F_DUMP_INTR.
 *                            FLAGS GTPU_F_USAGE_CLEAR: each bearer message
 *                            also carries USAGE{UL/DL packets and bytes}
 *                            since the previous clear (or the bearer's
 *                            creation), and that usage is cleared.  Every
 *                            packet is reported by exactly one clear.
 *                            Needs CAP_NET_ADMIN (see "Permissions"),
 *                            checked before anything is read (dump: when
 *                            it starts): -EPERM.
 * GTPU_CMD_DEV_GET      do   IFINDEX; dump: all gtpu devices of the netns.
 *                            Reply: IFINDEX, IFNAME, DEV{LOCAL_IP4,
 *                            LOCAL_IP6, PORT, RESTART_COUNTER, N_BEARERS,
 *                            IDLE_QLEN, IDLE_QLEN_DEV, IDLE_QUEUED},
 *                            STATS{device totals}.
 * GTPU_CMD_END_MARKER   do   IFINDEX, BEARER{LOCAL_TEID}: send one End
 *                            Marker (TS 29.281 7.3.2) to the bearer's
 *                            current remote end, e.g. before a BEARER_MOD
 *                            moves it (handover).  -ENOENT, -ENETUNREACH.
 * GTPU_CMD_AMBR_SET     do   IFINDEX, AMBR{GROUP, [UL], [DL]}: create an
 *                            APN-AMBR group or change the rates given (a
 *                            new group: absent rates are 0); see "QoS".
 *                            -EINVAL missing AMBR or GROUP, -ERANGE GROUP 0,
 *                            -ENOENT unknown group and no non-zero rate.
 * GTPU_CMD_AMBR_GET     do   IFINDEX, AMBR{GROUP}; dump: [IFINDEX].  Reply
 *                            per group: IFINDEX, AMBR{GROUP, UL, DL, MEMBERS,
 *                            DROP_UL, DROP_DL}.  -ENOENT unknown group.
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
 * GTPU_CMD_DOWNLINK_DATA     IFINDEX, BEARER{..., STATE IDLE, QUEUED}: the
 *                            first downlink packet was queued on an idle
 *                            bearer (page the UE: TS 23.401 5.3.4.3).  Once
 *                            per idle period.
 * GTPU_CMD_ERROR_INDICATION  IFINDEX, ERR_IND{TEID, PEER_IP4|PEER_IP6},
 *                            [BEARER{...}]: a peer sent an Error Indication
 *                            (TS 29.281 7.3.1) for TEID; BEARER is ours
 *                            whose REMOTE_TEID and PEER they are, if any.
 *                            Rate limited (GTPU_ERR_IND_BURST per second).
 * GTPU_CMD_USAGE             IFINDEX, BEARER{..., THRESHOLD_* that were
 *                            armed, USAGE{...}}: a threshold was reached.
 *                            USAGE counts from the arming up to and
 *                            including the packet that reached it.
 *
 * --------------------------------------------------------------------------
 * Idle bearers
 *
 * STATE IDLE (ADD or MOD): downlink packets for the bearer are queued, in
 * arrival order, instead of being sent; the first one raises
 * GTPU_CMD_DOWNLINK_DATA.  At most IFLA_GTPU_IDLE_QLEN packets per bearer
 * and IFLA_GTPU_IDLE_QLEN_DEV on the whole device are kept: when a bound is
 * reached the oldest packet of the bearer's own queue is discarded to make
 * room (if that queue is empty the arriving packet is discarded); each
 * discard counts DROP_IDLE on the bearer and the device.  STATE ACTIVE
 * (MOD, with an optional new REMOTE_TEID and PEER in the same request) sends
 * the queue in order before any newer packet.  Deleting the bearer discards
 * the queue (DROP_IDLE).  Uplink is not affected.
 *
 * Usage thresholds
 *
 * THRESHOLD_TOTAL/UL/DL (ADD or MOD, inner bytes): any of them (re)arms the
 * bearer's meter with the thresholds given (the others: none) and counters
 * at zero; the first packet after which UL+DL, UL or DL bytes reach their
 * threshold raises GTPU_CMD_USAGE, and the meter disarms.  All zero (e.g.
 * THRESHOLD_TOTAL 0) disarms.  Replies show the armed thresholds.
 *
 * QoS
 *
 * MBR_UL/MBR_DL (bit/s of inner IP packets, 0 = none; ADD or MOD) police
 * the bearer's uplink (after the TEID and source checks, before delivery)
 * and downlink (when the G-PDU is built: after the idle queue).  AMBR_GROUP
 * (ADD or MOD; 0 leaves the group) makes the bearer share the UL/DL rates
 * of an APN-AMBR group made by AMBR_SET; the group must exist (-ENOENT).  A
 * packet must conform to its MBR, then to its group; one that does not is
 * dropped and counted as DROP_POLICED on the bearer and the device (and in
 * the group's DROP_UL/DROP_DL if the group refused it, in which case it
 * costs no MBR tokens either).  Each rate is a token bucket of depth
 * max(100 ms at the rate, 3000 octets), full at creation.  A group lives
 * while it has members or a non-zero rate: AMBR_SET with UL 0 and DL 0
 * removes a group without members; one with members stays (unlimited)
 * until its last member leaves.  Groups go with their device.
 *
 * QFI (ADD or MOD, 0..63; cannot be removed): downlink G-PDUs carry a PDU
 * Session Container (TS 29.281 5.2.2.7, type 0x85, length 1) with a DL PDU
 * SESSION INFORMATION (TS 38.415 5.5.2.1: PDU type 0, the QFI): E set,
 * Sequence Number and N-PDU Number 0 with S and PN clear, 8 octets more
 * than a plain G-PDU; the device MTU does not include them, path MTU
 * handling does.  Uplink G-PDUs with extension headers are accepted on any
 * bearer.
 *
 * Echo Requests received from peers are answered in the kernel with the
 * device's restart counter (TS 29.281 7.2.2, Recovery IE) and counted.
 */
#ifndef _UAPI_LINUX_GTPU_H
#define _UAPI_LINUX_GTPU_H

#define GTPU_GENL_NAME		"gtpu"
/*
 * Family version (CTRL_ATTR_VERSION), raised when a client may rely on new
 * behaviour:
 *   1  first version
 *   2  BEARER_ADD/BEARER_DEL take many GTPU_A_BEARER nests, all or nothing;
 *      idle bearers, usage thresholds and the events that go with them
 *   3  TFTs (dedicated bearers sharing a UE address), MBR/AMBR policing,
 *      QFI (PDU Session Container) on send
 */
#define GTPU_GENL_VERSION	3
#define GTPU_GENL_MCGRP_EVENTS	"events"

/*
 * BEARER_ADD and BEARER_DEL take up to this many GTPU_A_BEARER nests in one
 * message (more: -E2BIG); every other command takes exactly one.
 */
#define GTPU_BEARERS_PER_MSG_MAX	1024

/*
 * Error Indications (TS 29.281 7.3.1) are sent for G-PDUs with an unknown
 * TEID, and received ones reported, at most this many per second and
 * device each.
 */
#define GTPU_ERR_IND_BURST		10

/* Default GTP-U UDP port (TS 29.281 4.4.2.3) */
#define GTPU_PORT		2152

/* rtnetlink: IFLA_INFO_DATA of link kind "gtpu" */
enum {
	IFLA_GTPU_UNSPEC,
	IFLA_GTPU_LOCAL,		/* BE32: local IPv4 address */
	IFLA_GTPU_LOCAL6,		/* binary[16]: local IPv6 address */
	IFLA_GTPU_PORT,			/* U16: UDP port, default GTPU_PORT */
	IFLA_GTPU_RESTART_COUNTER,	/* U8: Recovery IE value, default 0 */
	IFLA_GTPU_IDLE_QLEN,		/* U32: packets queued per idle bearer,
					 * 1..GTPU_IDLE_QLEN_MAX, default
					 * GTPU_IDLE_QLEN_DEFAULT */
	IFLA_GTPU_IDLE_QLEN_DEV,	/* U32: packets queued on all idle
					 * bearers of the device together,
					 * 1..GTPU_IDLE_QLEN_DEV_MAX, default
					 * GTPU_IDLE_QLEN_DEV_DEFAULT */
	__IFLA_GTPU_MAX
};
#define IFLA_GTPU_MAX (__IFLA_GTPU_MAX - 1)

/* Downlink queue bounds of idle bearers (see "Idle bearers" above) */
#define GTPU_IDLE_QLEN_DEFAULT		32
#define GTPU_IDLE_QLEN_MAX		4096
#define GTPU_IDLE_QLEN_DEV_DEFAULT	16384
#define GTPU_IDLE_QLEN_DEV_MAX		262144

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
	GTPU_CMD_DOWNLINK_DATA,		/* event: first packet for an idle bearer */
	GTPU_CMD_USAGE,			/* event: a usage threshold was reached */
	GTPU_CMD_ERROR_INDICATION,	/* event: a peer sent Error Indication */
	GTPU_CMD_END_MARKER,		/* request: send an End Marker */
	GTPU_CMD_AMBR_SET,		/* request: set an AMBR group's rates */
	GTPU_CMD_AMBR_GET,		/* request/dump: AMBR groups */
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
	GTPU_A_FLAGS,		/* U32: GTPU_F_* (BEARER_GET do and dump) */
	GTPU_A_ERR_IND,		/* nest: GTPU_ERR_IND_A_* (events only) */
	GTPU_A_AMBR,		/* nest: GTPU_AMBR_A_* (AMBR_SET/GET) */
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
	GTPU_BEARER_A_STATE,		/* U8: enum gtpu_bearer_state (ADD, MOD;
					 * always in replies) */
	GTPU_BEARER_A_QUEUED,		/* U32: downlink packets queued while
					 * idle (replies only) */
	GTPU_BEARER_A_THRESHOLD_TOTAL,	/* U64: usage threshold, UL + DL inner
					 * bytes; 0 = none (ADD, MOD; replies
					 * while armed) */
	GTPU_BEARER_A_THRESHOLD_UL,	/* U64: same, uplink bytes only */
	GTPU_BEARER_A_THRESHOLD_DL,	/* U64: same, downlink bytes only */
	GTPU_BEARER_A_USAGE,		/* nest: GTPU_STATS_A_UL_PACKETS ..
					 * DL_BYTES (replies with
					 * GTPU_F_USAGE_CLEAR; USAGE events) */
	GTPU_BEARER_A_TFT,		/* nest: GTPU_TFT_A_FILTER nests (ADD,
					 * MOD; replies): a dedicated bearer's
					 * packet filters, see "TFT" above */
	GTPU_BEARER_A_MBR_UL,		/* U64: uplink MBR, bit/s; 0 = none */
	GTPU_BEARER_A_MBR_DL,		/* U64: downlink MBR, bit/s; 0 = none */
	GTPU_BEARER_A_AMBR_GROUP,	/* U32: AMBR group id; 0 = none */
	GTPU_BEARER_A_QFI,		/* U8: 0..63, send a PDU Session
					 * Container with this QFI */
	__GTPU_BEARER_A_MAX
};
#define GTPU_BEARER_A_MAX (__GTPU_BEARER_A_MAX - 1)

/* GTPU_A_FLAGS */
#define GTPU_F_USAGE_CLEAR	(1U << 0)	/* read and clear the usage */
#define __GTPU_F_ALL		(GTPU_F_USAGE_CLEAR)

enum gtpu_bearer_state {
	GTPU_BEARER_STATE_ACTIVE,	/* downlink is sent to the eNodeB */
	GTPU_BEARER_STATE_IDLE,		/* downlink is queued, paging event */
	__GTPU_BEARER_STATE_MAX
};
#define GTPU_BEARER_STATE_MAX (__GTPU_BEARER_STATE_MAX - 1)

/* Device description (GTPU_CMD_DEV_GET replies) */
enum gtpu_dev_attr {
	GTPU_DEV_A_UNSPEC,
	GTPU_DEV_A_LOCAL_IP4,		/* BE32 */
	GTPU_DEV_A_LOCAL_IP6,		/* binary[16] */
	GTPU_DEV_A_PORT,		/* U16 */
	GTPU_DEV_A_RESTART_COUNTER,	/* U8 */
	GTPU_DEV_A_N_BEARERS,		/* U32 */
	GTPU_DEV_A_IDLE_QLEN,		/* U32: IFLA_GTPU_IDLE_QLEN in use */
	GTPU_DEV_A_IDLE_QLEN_DEV,	/* U32: IFLA_GTPU_IDLE_QLEN_DEV in use */
	GTPU_DEV_A_IDLE_QUEUED,		/* U32: packets queued now, all bearers */
	__GTPU_DEV_A_MAX
};
#define GTPU_DEV_A_MAX (__GTPU_DEV_A_MAX - 1)

/*
 * Counters, all U64.  In a bearer's STATS only the bearer's own traffic
 * counters and DROP_BAD_SRC/DROP_TX/DROP_IDLE/DROP_POLICED appear; a
 * device's STATS are totals over its bearers (including deleted ones) plus
 * the drops that have no bearer.
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
	GTPU_STATS_A_DROP_IDLE,		/* idle bearer: queued packet discarded
					 * (queue bound, or bearer deleted) */
	GTPU_STATS_A_ERR_IND_RX,	/* Error Indications received */
	GTPU_STATS_A_ERR_IND_TX,	/* Error Indications sent (unknown TEID) */
	GTPU_STATS_A_ERR_IND_LIMITED,	/* ... not sent: rate limit */
	GTPU_STATS_A_END_MARKER_RX,	/* End Markers received (consumed) */
	GTPU_STATS_A_END_MARKER_TX,	/* End Markers sent */
	GTPU_STATS_A_DROP_TOO_BIG,	/* downlink too big for the path to the
					 * peer with DF (or IPv6): ICMP sent */
	GTPU_STATS_A_DROP_POLICED,	/* over the bearer's MBR or its AMBR
					 * group's rate (see "QoS") */
	__GTPU_STATS_A_MAX
};
#define GTPU_STATS_A_MAX (__GTPU_STATS_A_MAX - 1)

/* GTPU_CMD_ERROR_INDICATION: what the peer said it does not know */
enum gtpu_err_ind_attr {
	GTPU_ERR_IND_A_UNSPEC,
	GTPU_ERR_IND_A_TEID,		/* U32: TEID Data I (our REMOTE_TEID) */
	GTPU_ERR_IND_A_PEER_IP4,	/* BE32: the peer that sent it */
	GTPU_ERR_IND_A_PEER_IP6,	/* binary[16] */
	__GTPU_ERR_IND_A_MAX
};
#define GTPU_ERR_IND_A_MAX (__GTPU_ERR_IND_A_MAX - 1)

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

/* GTPU_A_AMBR: an APN-AMBR group (GTPU_CMD_AMBR_SET, GTPU_CMD_AMBR_GET) */
enum gtpu_ambr_attr {
	GTPU_AMBR_A_UNSPEC,
	GTPU_AMBR_A_GROUP,		/* U32: group id, != 0 */
	GTPU_AMBR_A_UL,			/* U64: uplink rate, bit/s; 0 = none */
	GTPU_AMBR_A_DL,			/* U64: downlink rate, bit/s; 0 = none */
	GTPU_AMBR_A_MEMBERS,		/* U32: bearers in the group (replies) */
	GTPU_AMBR_A_DROP_UL,		/* U64: uplink packets policed by the
					 * group's rate (replies) */
	GTPU_AMBR_A_DROP_DL,		/* U64: same, downlink (replies) */
	GTPU_AMBR_A_PAD,
	__GTPU_AMBR_A_MAX
};
#define GTPU_AMBR_A_MAX (__GTPU_AMBR_A_MAX - 1)

/*
 * Traffic flow templates (GTPU_BEARER_A_TFT, see "TFT" above): the nest holds
 * 0..GTPU_TFT_FILTERS_MAX GTPU_TFT_A_FILTER nests, each one packet filter of
 * TS 24.008 10.5.6.12.  "Remote" is the UE's peer (the source of downlink
 * packets), "local" the UE (their destination).
 */
#define GTPU_TFT_FILTERS_MAX		16	/* per bearer */
#define GTPU_TFT_UE_FILTERS_MAX		128	/* per UE address, all bearers */

enum gtpu_tft_attr {
	GTPU_TFT_A_UNSPEC,
	GTPU_TFT_A_FILTER,		/* nest: GTPU_FILTER_A_*, repeated */
	__GTPU_TFT_A_MAX
};
#define GTPU_TFT_A_MAX (__GTPU_TFT_A_MAX - 1)

enum gtpu_filter_dir {			/* values of TS 24.008 10.5.6.12 */
	GTPU_FILTER_DIR_DOWNLINK = 1,
	GTPU_FILTER_DIR_UPLINK = 2,
	GTPU_FILTER_DIR_BIDIRECTIONAL = 3,
};

enum gtpu_filter_attr {
	GTPU_FILTER_A_UNSPEC,
	GTPU_FILTER_A_ID,		/* U8: 1..15, unique in the TFT */
	GTPU_FILTER_A_PRECEDENCE,	/* U8: 0..255, lower first; unique
					 * among the filters of all bearers of
					 * a UE address */
	GTPU_FILTER_A_DIRECTION,	/* U8: enum gtpu_filter_dir */
	GTPU_FILTER_A_PROTO,		/* U8: protocol / next header */
	GTPU_FILTER_A_REMOTE_IP4,	/* BE32: remote address ... */
	GTPU_FILTER_A_REMOTE_IP4_MASK,	/* BE32: ... and mask, default all ones;
					 * address bits outside it: -EINVAL */
	GTPU_FILTER_A_REMOTE_IP6,	/* binary[16]: remote prefix ... */
	GTPU_FILTER_A_REMOTE_IP6_PLEN,	/* U8: ... and its length 0..128,
					 * default 128 */
	GTPU_FILTER_A_LPORT_LO,		/* U16: local (UE) port, or range ... */
	GTPU_FILTER_A_LPORT_HI,		/* U16: ... up to this, default LO */
	GTPU_FILTER_A_RPORT_LO,		/* U16: remote port, or range ... */
	GTPU_FILTER_A_RPORT_HI,		/* U16: ... up to this, default LO */
	GTPU_FILTER_A_TOS,		/* U8: type of service / traffic class */
	GTPU_FILTER_A_TOS_MASK,		/* U8: default 0xff */
	GTPU_FILTER_A_SPI,		/* U32: IPsec SPI (ESP, AH) */
	GTPU_FILTER_A_FLOW_LABEL,	/* U32: IPv6 flow label, 0..0xfffff */
	__GTPU_FILTER_A_MAX
};
#define GTPU_FILTER_A_MAX (__GTPU_FILTER_A_MAX - 1)

#endif /* _UAPI_LINUX_GTPU_H */
