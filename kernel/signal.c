// SPDX-License-Identifier: GPL-2.0
/*
 * GTP-U signalling besides Echo (TS 29.281 7.3): Error Indication and End
 * Marker.
 *
 * Error Indication (type 26, TS 29.281 7.3.1), sent for a G-PDU whose TEID
 * is unknown, to the G-PDU's source address and the device's port, from the
 * address it was sent to; at most GTPU_ERR_IND_BURST per second per device
 * (the rest is counted in ERR_IND_LIMITED).  12-octet header with S = 1
 * (TS 29.281 5.1), TEID 0, then the IEs (TS 29.281 8.3, 8.4):
 *
 *   +--------+-------------------------------+
 *   | 16     | TEID Data I (4 octets)        |   TV: the G-PDU's TEID
 *   +--------+---------------+---------------+----------------------+
 *   | 133    | Length (2)    | GTP-U Peer Address (4 or 16 octets)  |
 *   +--------+---------------+--------------------------------------+
 *     the address the G-PDU was sent to (ours)
 *
 * A received Error Indication names the TEID the peer does not know: one of
 * our bearers' REMOTE_TEID towards that peer.  The bearer is searched (a
 * walk over the device's bearers: Error Indications are rare and their
 * handling is rate limited like their sending) and an ERROR_INDICATION
 * event reports the TEID, the peer and, if found, the bearer.
 *
 * End Marker (type 254, TS 29.281 7.3.2): 8-octet header with the bearer's
 * remote TEID and no payload, sent on GTPU_CMD_END_MARKER to the bearer's
 * peer before userspace moves the bearer to another remote end (handover,
 * TS 23.401 5.5.1).  Received End Markers are consumed and counted.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>

#include "compat.h"
#include "gtpu.h"

#define SIG_HEADROOM (LL_MAX_HEADER + sizeof(struct ipv6hdr) + \
		      sizeof(struct udphdr))

#define IE_TEID_DATA_I		16
#define IE_PEER_ADDRESS		133

/* Rate limit of both directions: GTPU_ERR_IND_BURST per second */
void gtpu_signal_init(struct gtpu_dev *gdev)
{
	ratelimit_state_init(&gdev->err_ind_rs, HZ, GTPU_ERR_IND_BURST);
	ratelimit_set_flags(&gdev->err_ind_rs, RATELIMIT_MSG_ON_RELEASE);
	ratelimit_state_init(&gdev->err_ind_rx_rs, HZ, GTPU_ERR_IND_BURST);
	ratelimit_set_flags(&gdev->err_ind_rx_rs, RATELIMIT_MSG_ON_RELEASE);
}

/* Error Indication for a G-PDU with unknown TEID (softirq) */
void gtpu_signal_err_ind_send(struct gtpu_dev *gdev, struct sk_buff *skb,
			      u32 teid)
{
	struct gtpu_addr peer, local;
	unsigned int alen, len;
	struct sk_buff *ei;
	u8 *h;

	if (!__ratelimit(&gdev->err_ind_rs)) {
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_ERR_IND_LIMITED, 1);
		return;
	}
	gtpu_outer_addrs(skb, &peer, &local);
	alen = local.family == AF_INET ? 4 : 16;
	len = GTPU_HLEN_OPT + 5 + 3 + alen;
	ei = alloc_skb(SIG_HEADROOM + len, GFP_ATOMIC);
	if (!ei)
		return;
	skb_reserve(ei, SIG_HEADROOM);
	h = skb_put_zero(ei, len);
	h[0] = GTPU_FLAGS_VERSION_1 | GTPU_FLAGS_PT | GTPU_FLAGS_S;
	h[1] = GTPU_MSG_ERR_IND;
	put_unaligned_be16(len - GTPU_HLEN, h + 2);
	h[12] = IE_TEID_DATA_I;
	put_unaligned_be32(teid, h + 13);
	h[17] = IE_PEER_ADDRESS;
	put_unaligned_be16(alen, h + 18);
	memcpy(h + 20, local.family == AF_INET ? (void *)&local.v4 :
						 (void *)&local.v6, alen);
	if (!gtpu_tx_udp(gdev, ei, &peer, &local, gdev->port, 0, NULL))
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_ERR_IND_TX, 1);
}

/* The bearer whose remote end is (peer, teid); caller holds RCU */
static struct gtpu_bearer *find_remote(struct gtpu_dev *gdev,
				       const struct gtpu_addr *peer, u32 teid)
{
	struct gtpu_bearer *b;

	list_for_each_entry_rcu(b, &gdev->bearers, dev_node) {
		const struct gtpu_peer *p = rcu_dereference(b->peer);

		if (READ_ONCE(b->remote_teid) == cpu_to_be32(teid) &&
		    gtpu_addr_equal(&p->addr, peer))
			return b;
	}
	return NULL;
}

/*
 * A received Error Indication (softirq, RCU); ie_off: offset of the first
 * IE from skb->data, end: end of the GTP-U message.  Malformed IEs (no TEID
 * Data I) are counted as DROP_MALFORMED by returning false.
 */
bool gtpu_signal_err_ind_rx(struct gtpu_dev *gdev, struct sk_buff *skb,
			    unsigned int ie_off)
{
	struct gtpu_addr peer, local;
	struct gtpu_bearer *b;
	u8 buf[5];
	const u8 *ie;

	ie = skb_header_pointer(skb, ie_off, sizeof(buf), buf);
	if (!ie || ie[0] != IE_TEID_DATA_I)
		return false;
	gtpu_stats_dev_add(gdev, GTPU_STATS_A_ERR_IND_RX, 1);
	if (!__ratelimit(&gdev->err_ind_rx_rs))
		return true;
	/* the sender is the peer whose TEID is named (TS 29.281 7.3.1) */
	gtpu_outer_addrs(skb, &peer, &local);
	b = find_remote(gdev, &peer, get_unaligned_be32(ie + 1));
	gtpu_netlink_err_ind_event(gdev, &peer, get_unaligned_be32(ie + 1), b);
	return true;
}

/* GTPU_CMD_END_MARKER: caller holds gdev->lock */
int gtpu_signal_end_marker(struct gtpu_dev *gdev, struct gtpu_bearer *b)
{
	struct gtpu_peer *peer;
	struct sk_buff *skb;
	__be32 teid;
	int err;
	u8 *h;

	skb = alloc_skb(SIG_HEADROOM + GTPU_HLEN, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, SIG_HEADROOM);
	h = skb_put_zero(skb, GTPU_HLEN);
	h[0] = GTPU_FLAGS_VERSION_1 | GTPU_FLAGS_PT;
	h[1] = GTPU_MSG_END_MARKER;
	teid = READ_ONCE(b->remote_teid);
	memcpy(h + 4, &teid, sizeof(teid));
	peer = rcu_dereference_protected(b->peer, lockdep_is_held(&gdev->lock));
	local_bh_disable();
	err = gtpu_tx_udp(gdev, skb, &peer->addr, NULL, gdev->port, 0,
			  &peer->dst_cache);
	local_bh_enable();
	if (!err) {
		local_bh_disable();
		gtpu_stats_dev_add(gdev, GTPU_STATS_A_END_MARKER_TX, 1);
		local_bh_enable();
	}
	return err;
}
