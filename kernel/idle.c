// SPDX-License-Identifier: GPL-2.0
/*
 * Idle bearers (TS 23.401 5.3.4.3, network triggered service request): when
 * the UE is in ECM-IDLE the eNodeB has no tunnel for it, so downlink packets
 * are kept here until the MME has paged the UE and the bearer is active
 * again (possibly towards another eNodeB and TEID).
 *
 *   - An idle bearer queues downlink packets (in arrival order) instead of
 *     sending them.  Bounds: gtpu_dev.idle_qlen per bearer and
 *     gtpu_dev.idle_qlen_dev for the device.  When either is reached the
 *     oldest packet of the bearer's own queue is discarded to make room; if
 *     that queue is empty (the device bound was reached by other bearers)
 *     the arriving packet is discarded.  Each discard counts DROP_IDLE on
 *     the bearer and the device.
 *   - The first packet queued after the bearer went idle raises one
 *     GTPU_CMD_DOWNLINK_DATA event (softirq, GFP_ATOMIC); later packets do
 *     not, until the bearer has been active again.
 *   - Activation sends the queue in order, holding ext->lock so that a
 *     packet arriving meanwhile waits and goes out after the queue.
 *   - Deleting the bearer discards its queue (DROP_IDLE).
 *
 * Queued packets drop their route and socket references (skb_dst_drop,
 * skb_orphan): they may wait for seconds.
 */
#include <linux/skbuff.h>
#include <linux/slab.h>

#include "gtpu.h"

/* The ext of b, allocated if needed; caller holds gdev->lock */
struct gtpu_bearer_ext *gtpu_bearer_ext_get(struct gtpu_dev *gdev,
					    struct gtpu_bearer *b)
{
	struct gtpu_bearer_ext *ext;

	lockdep_assert_held(&gdev->lock);
	ext = rcu_dereference_protected(b->ext, lockdep_is_held(&gdev->lock));
	if (ext)
		return ext;
	ext = kzalloc(sizeof(*ext), GFP_KERNEL);
	if (!ext)
		return NULL;
	spin_lock_init(&ext->lock);
	__skb_queue_head_init(&ext->queue);
	spin_lock_init(&ext->meter.lock);
	rcu_assign_pointer(b->ext, ext);
	return ext;
}

static struct gtpu_bearer_ext *ext_locked(struct gtpu_dev *gdev,
					  struct gtpu_bearer *b)
{
	return rcu_dereference_protected(b->ext, lockdep_is_held(&gdev->lock));
}

/* Discard one queued packet; caller holds ext->lock with BH disabled */
static void drop_queued(struct gtpu_dev *gdev, struct gtpu_bearer *b,
			struct sk_buff *skb)
{
	atomic_dec(&gdev->idle_queued);
	gtpu_stats_bearer_drop(gdev, b, GTPU_STATS_A_DROP_IDLE);
	kfree_skb(skb);
}

/*
 * Downlink path (RCU, BH disabled): queue skb if b is idle.  Returns false
 * if b is active (the caller sends skb), true if skb was consumed.
 */
bool gtpu_idle_enqueue(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		       struct sk_buff *skb)
{
	struct gtpu_bearer_ext *ext = rcu_dereference(b->ext);
	struct sk_buff *old;
	bool first;

	if (likely(!ext || !READ_ONCE(ext->idle)))
		return false;
	spin_lock(&ext->lock);
	if (!ext->idle) {
		spin_unlock(&ext->lock);
		return false;
	}
	if (skb_queue_len(&ext->queue) >= gdev->idle_qlen ||
	    atomic_read(&gdev->idle_queued) >= gdev->idle_qlen_dev) {
		old = __skb_dequeue(&ext->queue);
		if (!old) {
			spin_unlock(&ext->lock);
			gtpu_stats_bearer_drop(gdev, b, GTPU_STATS_A_DROP_IDLE);
			kfree_skb(skb);
			return true;
		}
		drop_queued(gdev, b, old);
	}
	skb_dst_drop(skb);
	skb_orphan(skb);
	__skb_queue_tail(&ext->queue, skb);
	atomic_inc(&gdev->idle_queued);
	first = !ext->notified;
	ext->notified = true;
	spin_unlock(&ext->lock);
	if (first)
		gtpu_netlink_bearer_event_atomic(gdev, b,
						 GTPU_CMD_DOWNLINK_DATA);
	return true;
}

/* Make b idle (BEARER_ADD/MOD with STATE IDLE); caller holds gdev->lock */
int gtpu_idle_set(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		  struct netlink_ext_ack *extack)
{
	struct gtpu_bearer_ext *ext = gtpu_bearer_ext_get(gdev, b);

	if (!ext) {
		NL_SET_ERR_MSG(extack, "cannot allocate the idle queue");
		return -ENOMEM;
	}
	spin_lock_bh(&ext->lock);
	WRITE_ONCE(ext->idle, true);
	spin_unlock_bh(&ext->lock);
	return 0;
}

/*
 * Make b active and send what it queued, in order, to its (possibly just
 * changed) remote end.  Caller holds gdev->lock.
 */
void gtpu_idle_activate(struct gtpu_dev *gdev, struct gtpu_bearer *b)
{
	struct gtpu_bearer_ext *ext = ext_locked(gdev, b);
	struct sk_buff *skb;

	if (!ext)
		return;
	rcu_read_lock();
	spin_lock_bh(&ext->lock);
	while ((skb = __skb_dequeue(&ext->queue))) {
		atomic_dec(&gdev->idle_queued);
		gtpu_tx_bearer(gdev, b, skb);
	}
	WRITE_ONCE(ext->idle, false);
	ext->notified = false;
	spin_unlock_bh(&ext->lock);
	rcu_read_unlock();
}

/* Bearer removal: discard the queue; caller holds gdev->lock */
void gtpu_idle_purge(struct gtpu_dev *gdev, struct gtpu_bearer *b)
{
	struct gtpu_bearer_ext *ext = ext_locked(gdev, b);
	struct sk_buff *skb;

	if (!ext)
		return;
	spin_lock_bh(&ext->lock);
	WRITE_ONCE(ext->idle, false);
	while ((skb = __skb_dequeue(&ext->queue)))
		drop_queued(gdev, b, skb);
	spin_unlock_bh(&ext->lock);
}

/* Packets queued on b now, and whether it is idle; caller holds RCU/lock */
u32 gtpu_idle_queued(const struct gtpu_bearer *b, bool *idle)
{
	const struct gtpu_bearer_ext *ext;
	u32 n = 0;

	*idle = false;
	rcu_read_lock();
	ext = rcu_dereference(b->ext);
	if (ext) {
		*idle = READ_ONCE(ext->idle);
		n = skb_queue_len_lockless(&ext->queue);
	}
	rcu_read_unlock();
	return n;
}
