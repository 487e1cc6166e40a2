// SPDX-License-Identifier: GPL-2.0
/*
 * QoS of bearers: MBR policing per bearer and direction, APN-AMBR groups
 * shared by several bearers (TS 23.401 4.7.3), and the QFI sent in a PDU
 * Session Container (TS 29.281 5.2.2.7, TS 38.415 5.5.2.1).
 *
 * Policing is a token bucket per bearer and direction (MBR) and per group
 * and direction (AMBR), kept as a GCRA theoretical arrival time (gtpu.h,
 * struct gtpu_tb): one atomic64 cmpxchg per bucket and packet, no lock on
 * the datapath.  The bucket depth (burst) is max(100 ms at the rate,
 * GTPU_TB_MIN_BURST octets): shallower buckets (10 ms) waste tokens
 * whenever arrivals come in clumps (a sender's scheduling, TCP windows,
 * a VM's timer) and then hold a TCP flow or a bursty sender well below
 * its MBR; 100 ms lets a flow exceed its MBR by at most that much data
 * once after an idle period.  A packet must conform to its bearer's MBR,
 * then to its group's AMBR; a packet the AMBR refuses gives its MBR tokens
 * back, so a dropped packet costs no tokens.  Lengths are inner IP octets.
 * Uplink is policed after the decapsulation checks (TEID, inner source),
 * before delivery; downlink when the G-PDU is built (idle bearers queue
 * first, the queue is policed when it is sent).
 */
#include <linux/math64.h>
#include <linux/slab.h>

#include "gtpu.h"

#define GTPU_TB_MIN_BURST	3000			/* octets, 2 x 1500 */
#define GTPU_TB_BURST_NS	(100 * NSEC_PER_MSEC)

/* Set the rate of a bucket (bit/s, 0: no limit); caller holds gdev->lock */
void gtpu_tb_set(struct gtpu_tb *tb, u64 rate)
{
	u64 mult = 0, tau = 0;

	if (rate) {
		/* 8e9 << 24 < 2^57: no overflow */
		mult = div64_u64((8ULL * NSEC_PER_SEC) << GTPU_TB_SHIFT, rate);
		mult = max_t(u64, mult, 1);
		tau = max_t(u64, GTPU_TB_BURST_NS,
			    mul_u64_u32_shr(mult, GTPU_TB_MIN_BURST,
					    GTPU_TB_SHIFT));
	}
	WRITE_ONCE(tb->mult, mult);
	WRITE_ONCE(tb->tau, tau);
	WRITE_ONCE(tb->rate, rate);
}

/*
 * Take len octets from tb at time now.  Returns false (nothing taken) if
 * the packet does not conform; *cost is what was taken (ns of the bucket).
 */
static bool tb_take(struct gtpu_tb *tb, s64 now, unsigned int len, s64 *cost)
{
	u64 mult = READ_ONCE(tb->mult);
	s64 tau = READ_ONCE(tb->tau);
	s64 old, next;

	*cost = 0;
	if (!mult)
		return true;
	*cost = mul_u64_u32_shr(mult, len, GTPU_TB_SHIFT);
	old = atomic64_read(&tb->tat);
	do {
		next = max(old, now) + *cost;
		if (next - now > tau)
			return false;
	} while (!atomic64_try_cmpxchg(&tb->tat, &old, next));
	return true;
}

/*
 * Police one packet of b in direction dir (len: inner octets).  false: it
 * is over the MBR or the AMBR, counted as DROP_POLICED on the bearer and
 * the device (and in the group if the AMBR refused it); the caller frees
 * it.  RCU held, BH disabled.
 */
bool gtpu_qos_police(struct gtpu_dev *gdev, struct gtpu_bearer *b, int dir,
		     unsigned int len)
{
	struct gtpu_qos *q = rcu_dereference(b->qos);
	struct gtpu_ambr *g;
	s64 now, cost, gcost;

	g = rcu_dereference(q->group);
	if (!READ_ONCE(q->mbr[dir].mult) && !g)
		return true;
	now = ktime_get_ns();
	if (!tb_take(&q->mbr[dir], now, len, &cost))
		goto drop;
	if (!g || tb_take(&g->tb[dir], now, len, &gcost))
		return true;
	atomic64_inc(&g->dropped[dir]);
	/* give the MBR tokens back: later packets see the bucket as before */
	if (cost)
		atomic64_sub(cost, &q->mbr[dir].tat);
drop:
	gtpu_stats_bearer_drop(gdev, b, GTPU_STATS_A_DROP_POLICED);
	return false;
}

/* QFI to send with b's downlink, or -1; caller holds RCU */
int gtpu_qos_qfi(const struct gtpu_bearer *b)
{
	const struct gtpu_qos *q = rcu_dereference(b->qos);
	u16 qfi;

	if (!q)
		return -1;
	qfi = READ_ONCE(q->qfi);
	return qfi & GTPU_QOS_QFI_SET ? qfi & 0x3f : -1;
}

static bool cfg_has_qos(const struct gtpu_bearer_cfg *cfg)
{
	return cfg->has_mbr[GTPU_DIR_UL] || cfg->has_mbr[GTPU_DIR_DL] ||
	       cfg->has_ambr_group || cfg->has_qfi;
}

static bool cfg_sets_qos(const struct gtpu_bearer_cfg *cfg)
{
	return cfg->mbr[GTPU_DIR_UL] || cfg->mbr[GTPU_DIR_DL] ||
	       cfg->ambr_group || cfg->has_qfi;
}

/* Move q to group g (NULL: none), taking and dropping member references */
static void qos_set_group(struct gtpu_dev *gdev, struct gtpu_qos *q,
			  struct gtpu_ambr *g)
{
	struct gtpu_ambr *old;

	old = rcu_dereference_protected(q->group, lockdep_is_held(&gdev->lock));
	if (old == g)
		return;
	if (g)
		g->members++;
	rcu_assign_pointer(q->group, g);
	if (old)
		gtpu_ambr_put(gdev, old);
}

/*
 * What can make gtpu_qos_set() fail other than memory: the AMBR group cfg
 * names must exist (AMBR_SET).  *g: that group, or NULL.  BEARER_MOD calls
 * it before it changes anything, so a refused request changes nothing.
 */
int gtpu_qos_check(struct gtpu_dev *gdev, const struct gtpu_bearer_cfg *cfg,
		   struct gtpu_ambr **g, struct netlink_ext_ack *extack)
{
	*g = NULL;
	if (!cfg->has_ambr_group || !cfg->ambr_group)
		return 0;
	*g = gtpu_ambr_lookup(gdev, cfg->ambr_group);
	if (*g)
		return 0;
	NL_SET_ERR_MSG(extack, "unknown AMBR group (create it with AMBR_SET)");
	return -ENOENT;
}

/*
 * Apply MBR_UL/DL, AMBR_GROUP and QFI of cfg to b (ADD after the insert,
 * MOD before anything else changes).  Caller holds gdev->lock.  The group
 * must exist (AMBR_SET): -ENOENT otherwise.
 */
int gtpu_qos_set(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		 const struct gtpu_bearer_cfg *cfg,
		 struct netlink_ext_ack *extack)
{
	struct gtpu_qos *q;
	struct gtpu_ambr *g;
	int dir, err;

	lockdep_assert_held(&gdev->lock);
	if (!cfg_has_qos(cfg))
		return 0;
	err = gtpu_qos_check(gdev, cfg, &g, extack);
	if (err)
		return err;
	q = rcu_dereference_protected(b->qos, lockdep_is_held(&gdev->lock));
	if (!q) {
		if (!cfg_sets_qos(cfg))
			return 0;
		q = kzalloc(sizeof(*q), GFP_KERNEL);
		if (!q) {
			NL_SET_ERR_MSG(extack, "cannot allocate the QoS state");
			return -ENOMEM;
		}
	}
	for (dir = 0; dir < GTPU_DIR_N; dir++)
		if (cfg->has_mbr[dir])
			gtpu_tb_set(&q->mbr[dir], cfg->mbr[dir]);
	if (cfg->has_ambr_group)
		qos_set_group(gdev, q, g);
	if (cfg->has_qfi)
		WRITE_ONCE(q->qfi, GTPU_QOS_QFI_SET | cfg->qfi);
	rcu_assign_pointer(b->qos, q);
	return 0;
}

/* Bearer removal (gdev->lock): leave the group; q is freed with b */
void gtpu_qos_release(struct gtpu_dev *gdev, struct gtpu_bearer *b)
{
	struct gtpu_qos *q;

	q = rcu_dereference_protected(b->qos, lockdep_is_held(&gdev->lock));
	if (q)
		qos_set_group(gdev, q, NULL);
}

/* MBR_UL, MBR_DL (non-zero), AMBR_GROUP, QFI (if any) of b; RCU or lock */
int gtpu_qos_put(struct sk_buff *skb, const struct gtpu_bearer *b)
{
	static const int mbr_attr[GTPU_DIR_N] = {
		GTPU_BEARER_A_MBR_UL, GTPU_BEARER_A_MBR_DL,
	};
	const struct gtpu_ambr *g;
	const struct gtpu_qos *q;
	int dir, qfi, err = 0;
	u64 rate;

	rcu_read_lock();
	q = rcu_dereference(b->qos);
	if (!q)
		goto out;
	for (dir = 0; dir < GTPU_DIR_N && !err; dir++) {
		rate = READ_ONCE(q->mbr[dir].rate);
		if (rate)
			err = nla_put_u64_64bit(skb, mbr_attr[dir], rate,
						GTPU_BEARER_A_PAD);
	}
	g = rcu_dereference(q->group);
	if (!err && g)
		err = nla_put_u32(skb, GTPU_BEARER_A_AMBR_GROUP, g->id);
	qfi = gtpu_qos_qfi(b);
	if (!err && qfi >= 0)
		err = nla_put_u8(skb, GTPU_BEARER_A_QFI, qfi);
out:
	rcu_read_unlock();
	return err;
}
