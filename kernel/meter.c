// SPDX-License-Identifier: GPL-2.0
/*
 * Metering: usage thresholds and read-and-clear usage (TS 23.203 usage
 * monitoring, TS 32.299 quotas are what userspace builds on this).
 *
 * Threshold meter (in the bearer's ext, armed by THRESHOLD_* in ADD/MOD):
 *   counts UL/DL packets and inner bytes from the moment it is armed, under
 *   meter_lock, in the same place as the per-CPU counters (stats.c), so the
 *   packet that reaches a threshold is the one that fires: the USAGE event
 *   carries the meter's counters including that packet, and nothing after
 *   it.  It fires once, then disarms (thresholds cleared) until userspace
 *   sets thresholds again.  Bearers without an armed meter pay one pointer
 *   load and a flag test per packet.
 *
 * Read-and-clear usage (BEARER_GET with GTPU_F_USAGE_CLEAR, do or dump):
 *   the per-CPU UL/DL counters are folded and the difference to the
 *   bearer's usage_base is reported, then usage_base is set to the fold,
 *   all under gtpu_dev.usage_lock and only once the reply holds the
 *   numbers.  A packet counted while the fold runs lands in this report or
 *   in the next one, never in both and never in neither.
 */
#include <linux/slab.h>

#include "gtpu.h"

/* The four counters of a USAGE nest, in this order */
static const int usage_attr[GTPU_USAGE_N] = {
	GTPU_STATS_A_UL_PACKETS, GTPU_STATS_A_UL_BYTES,
	GTPU_STATS_A_DL_PACKETS, GTPU_STATS_A_DL_BYTES,
};

/* Arm (or disarm, all zero) the meter of b; caller holds gdev->lock */
int gtpu_meter_set(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		   const struct gtpu_bearer_cfg *cfg,
		   struct netlink_ext_ack *extack)
{
	struct gtpu_bearer_ext *ext = gtpu_bearer_ext_get(gdev, b);
	struct gtpu_meter *m;

	if (!ext) {
		NL_SET_ERR_MSG(extack, "cannot allocate the usage meter");
		return -ENOMEM;
	}
	m = &ext->meter;
	spin_lock_bh(&m->lock);
	memcpy(m->thr, cfg->thr, sizeof(m->thr));
	memset(m->ctr, 0, sizeof(m->ctr));
	WRITE_ONCE(m->armed, m->thr[0] || m->thr[1] || m->thr[2]);
	spin_unlock_bh(&m->lock);
	return 0;
}

static bool crossed(const struct gtpu_meter *m)
{
	u64 ul = m->ctr[GTPU_USAGE_UL_BYTES], dl = m->ctr[GTPU_USAGE_DL_BYTES];

	return (m->thr[GTPU_THR_TOTAL] && ul + dl >= m->thr[GTPU_THR_TOTAL]) ||
	       (m->thr[GTPU_THR_UL] && ul >= m->thr[GTPU_THR_UL]) ||
	       (m->thr[GTPU_THR_DL] && dl >= m->thr[GTPU_THR_DL]);
}

/*
 * One packet counted on b (stats.c; BH disabled, RCU).  ul: direction;
 * len: inner bytes.
 */
void gtpu_meter_count(struct gtpu_dev *gdev, struct gtpu_bearer *b, bool ul,
		      unsigned int len)
{
	struct gtpu_bearer_ext *ext = rcu_dereference(b->ext);
	struct gtpu_usage snap;
	struct gtpu_meter *m;
	bool fire;

	if (likely(!ext || !READ_ONCE(ext->meter.armed)))
		return;
	m = &ext->meter;
	spin_lock(&m->lock);
	if (!m->armed) {
		spin_unlock(&m->lock);
		return;
	}
	m->ctr[ul ? GTPU_USAGE_UL_PACKETS : GTPU_USAGE_DL_PACKETS]++;
	m->ctr[ul ? GTPU_USAGE_UL_BYTES : GTPU_USAGE_DL_BYTES] += len;
	fire = crossed(m);
	if (fire) {
		memcpy(snap.ctr, m->ctr, sizeof(snap.ctr));
		memcpy(snap.thr, m->thr, sizeof(snap.thr));
		memset(m->thr, 0, sizeof(m->thr));
		WRITE_ONCE(m->armed, false);
	}
	spin_unlock(&m->lock);
	if (fire)
		gtpu_netlink_usage_event(gdev, b, &snap);
}

/* Armed thresholds of b (all zero if none); caller holds RCU or the lock */
void gtpu_meter_thresholds(const struct gtpu_bearer *b, u64 *thr)
{
	struct gtpu_bearer_ext *ext;

	memset(thr, 0, GTPU_THR_N * sizeof(*thr));
	rcu_read_lock();
	ext = rcu_dereference(b->ext);
	if (ext && READ_ONCE(ext->meter.armed)) {
		spin_lock_bh(&ext->meter.lock);
		memcpy(thr, ext->meter.thr, GTPU_THR_N * sizeof(*thr));
		spin_unlock_bh(&ext->meter.lock);
	}
	rcu_read_unlock();
}

/* USAGE nest of a usage snapshot */
int gtpu_meter_put_usage(struct sk_buff *skb, const struct gtpu_usage *u)
{
	struct nlattr *nest = nla_nest_start(skb, GTPU_BEARER_A_USAGE);
	int i;

	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < GTPU_USAGE_N; i++) {
		if (nla_put_u64_64bit(skb, usage_attr[i], u->ctr[i],
				      GTPU_STATS_A_PAD)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * Read-and-clear, step 1: the usage of b since the last clear.  Takes
 * gdev->usage_lock; gtpu_meter_clear_end() commits (or not) and drops it.
 */
void gtpu_meter_clear_begin(struct gtpu_dev *gdev, struct gtpu_bearer *b,
			    struct gtpu_usage *u, u64 *fold)
	__acquires(&gdev->usage_lock)
{
	u64 ctr[GTPU_BEARER_NSTATS];
	int i;

	spin_lock_bh(&gdev->usage_lock);
	gtpu_stats_bearer_fold(b, ctr);
	for (i = 0; i < GTPU_USAGE_N; i++) {
		fold[i] = ctr[gtpu_bctr(usage_attr[i])];
		u->ctr[i] = fold[i] - b->usage_base[i];
	}
}

/* Step 2: commit the fold as the new base if the reply was built */
void gtpu_meter_clear_end(struct gtpu_dev *gdev, struct gtpu_bearer *b,
			  const u64 *fold, bool commit)
	__releases(&gdev->usage_lock)
{
	if (commit)
		memcpy(b->usage_base, fold, GTPU_USAGE_N * sizeof(*fold));
	spin_unlock_bh(&gdev->usage_lock);
}
