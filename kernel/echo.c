// SPDX-License-Identifier: GPL-2.0
/*
 * GTP-U path management: Echo Request / Echo Response (TS 29.281 7.2).
 *
 * - An Echo Request from a peer is answered from the receiving socket with
 *   an Echo Response carrying the same Sequence Number and the Recovery IE
 *   (TS 29.281 7.2.2, 8.2) set to the device's restart counter (default 0,
 *   the value 8.2 asks for; a non-zero value is for peers that still read
 *   it as in GTPv1 TS 29.060).
 * - GTPU_CMD_ECHO sends an Echo Request and remembers (seq, peer, time) in
 *   a small ring (GTPU_ECHO_PENDING entries, the oldest is overwritten).  A
 *   matching Echo Response becomes a GTPU_CMD_ECHO_RESPONSE event.
 *
 * Echo messages always carry the 12-octet header with S = 1 (TS 29.281 5.1:
 * "For the Echo Request, Echo Response ... the S flag shall be set to 1").
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>

#include "compat.h"
#include "gtpu.h"

#define ECHO_HEADROOM (LL_MAX_HEADER + sizeof(struct ipv6hdr) + \
		       sizeof(struct udphdr))

static struct sk_buff *echo_build(u8 type, u16 seq, bool recovery,
				  u8 counter, gfp_t gfp)
{
	unsigned int len = GTPU_HLEN_OPT + (recovery ? 2 : 0);
	struct sk_buff *skb;
	u8 *h;

	skb = alloc_skb(ECHO_HEADROOM + len, gfp);
	if (!skb)
		return NULL;
	skb_reserve(skb, ECHO_HEADROOM);
	h = skb_put_zero(skb, len);
	h[0] = GTPU_FLAGS_VERSION_1 | GTPU_FLAGS_PT | GTPU_FLAGS_S;	/* 0x32 */
	h[1] = type;
	put_unaligned_be16(len - GTPU_HLEN, h + 2);
	/* TEID (h + 4) is 0 for path management messages (TS 29.281 5.1) */
	put_unaligned_be16(seq, h + 8);
	if (recovery) {
		h[12] = GTPU_IE_RECOVERY;
		h[13] = counter;
	}
	return skb;
}

/* Outer source and destination addresses of a received packet */
void gtpu_outer_addrs(const struct sk_buff *skb, struct gtpu_addr *saddr,
		      struct gtpu_addr *daddr)
{
	memset(saddr, 0, sizeof(*saddr));
	memset(daddr, 0, sizeof(*daddr));
	if (skb->protocol == htons(ETH_P_IP)) {
		saddr->family = AF_INET;
		daddr->family = AF_INET;
		saddr->v4 = ip_hdr(skb)->saddr;
		daddr->v4 = ip_hdr(skb)->daddr;
	} else {
		saddr->family = AF_INET6;
		daddr->family = AF_INET6;
		saddr->v6 = ipv6_hdr(skb)->saddr;
		daddr->v6 = ipv6_hdr(skb)->daddr;
	}
}

/*
 * Answer an Echo Request (softirq, RCU).  The response goes to the source
 * address and port of the request (TS 29.281 4.4.2.2) from the address the
 * request was sent to.
 */
void gtpu_echo_reply(struct gtpu_dev *gdev, struct sk_buff *skb, u16 seq)
{
	struct gtpu_addr peer, local;
	struct sk_buff *rsp;

	gtpu_outer_addrs(skb, &peer, &local);
	rsp = echo_build(GTPU_MSG_ECHO_RSP, seq, true, gdev->restart_counter,
			 GFP_ATOMIC);
	if (!rsp)
		return;
	gtpu_tx_udp(gdev, rsp, &peer, &local, udp_hdr(skb)->source, 0, NULL);
}

/* Find and retire the pending request (seq, peer); returns its send time */
static bool pending_take(struct gtpu_dev *gdev, const struct gtpu_addr *peer,
			 u16 seq, ktime_t *sent)
{
	bool found = false;
	int i;

	spin_lock(&gdev->echo_lock);
	for (i = 0; i < GTPU_ECHO_PENDING; i++) {
		struct gtpu_echo_req *e = &gdev->echo[i];

		if (e->used && e->seq == seq && gtpu_addr_equal(&e->peer, peer)) {
			e->used = false;
			*sent = e->sent;
			found = true;
			break;
		}
	}
	spin_unlock(&gdev->echo_lock);
	return found;
}

/*
 * An Echo Response arrived (softirq).  ie_off is the offset of the first IE
 * from skb->data.  Responses to requests we did not send (or that were
 * evicted from the ring) are counted by the caller but not reported.
 */
void gtpu_echo_response(struct gtpu_dev *gdev, struct sk_buff *skb,
			unsigned int ie_off, u16 seq)
{
	struct gtpu_addr peer, local;
	int restart = -1;
	ktime_t sent;
	u8 buf[2];
	const u8 *ie;

	gtpu_outer_addrs(skb, &peer, &local);
	if (!pending_take(gdev, &peer, seq, &sent))
		return;
	ie = skb_header_pointer(skb, ie_off, sizeof(buf), buf);
	if (ie && ie[0] == GTPU_IE_RECOVERY)
		restart = ie[1];
	gtpu_netlink_echo_event(gdev, &peer, seq, restart,
				ktime_to_ns(ktime_sub(ktime_get(), sent)));
}

/*
 * Send an Echo Request to peer (process context; the caller holds
 * gdev->lock and has checked that the device is alive).  The pending entry
 * is recorded before sending so that a fast response finds it.
 */
int gtpu_echo_send(struct gtpu_dev *gdev, const struct gtpu_addr *peer,
		   u16 *seq)
{
	struct gtpu_echo_req *e;
	struct sk_buff *skb;
	u16 s;
	int err;

	lockdep_assert_held(&gdev->lock);
	spin_lock_bh(&gdev->echo_lock);
	s = ++gdev->echo_seq;
	e = &gdev->echo[gdev->echo_next++ % GTPU_ECHO_PENDING];
	e->peer = *peer;
	e->seq = s;
	e->sent = ktime_get();
	e->used = true;
	spin_unlock_bh(&gdev->echo_lock);

	skb = echo_build(GTPU_MSG_ECHO_REQ, s, false, 0, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	local_bh_disable();
	err = gtpu_tx_udp(gdev, skb, peer, NULL, gdev->port, 0, NULL);
	local_bh_enable();
	if (err)
		return err;
	*seq = s;
	return 0;
}
