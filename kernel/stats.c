// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counters of bearers and devices.
 *
 * Writers are the datapath (softirq, or process context with BH disabled for
 * the Echo paths): each CPU updates only its own copy inside
 * u64_stats_update_begin/end, so no lock is taken.  Readers (netlink,
 * ndo_get_stats64) fold all CPUs with the u64_stats fetch/retry loop.
 *
 * A bearer's traffic is counted twice: in the bearer and in the device, so
 * that device totals still include the traffic of deleted bearers.
 */
#include <linux/slab.h>

#include "gtpu.h"

static void dev_add(struct gtpu_dev *gdev, int attr, u64 n)
{
	struct gtpu_dev_stats *s = this_cpu_ptr(gdev->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_add(&s->ctr[gtpu_ctr(attr)], n);
	u64_stats_update_end(&s->syncp);
}

/* Count a device-level event; caller has BH disabled (datapath). */
void gtpu_stats_dev_add(struct gtpu_dev *gdev, int attr, u64 n)
{
	dev_add(gdev, attr, n);
}

static void count_pair(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		       int pkt_attr, int byte_attr, unsigned int len)
{
	struct gtpu_bearer_stats *bs = this_cpu_ptr(b->stats);
	struct gtpu_dev_stats *ds = this_cpu_ptr(gdev->stats);

	u64_stats_update_begin(&bs->syncp);
	u64_stats_inc(&bs->ctr[gtpu_bctr(pkt_attr)]);
	u64_stats_add(&bs->ctr[gtpu_bctr(byte_attr)], len);
	u64_stats_update_end(&bs->syncp);

	u64_stats_update_begin(&ds->syncp);
	u64_stats_inc(&ds->ctr[gtpu_ctr(pkt_attr)]);
	u64_stats_add(&ds->ctr[gtpu_ctr(byte_attr)], len);
	u64_stats_update_end(&ds->syncp);

	gtpu_meter_count(gdev, b, pkt_attr == GTPU_STATS_A_UL_PACKETS, len);
}

void gtpu_stats_rx_ok(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		      unsigned int len)
{
	count_pair(gdev, b, GTPU_STATS_A_UL_PACKETS, GTPU_STATS_A_UL_BYTES, len);
}

void gtpu_stats_tx_ok(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		      unsigned int len)
{
	count_pair(gdev, b, GTPU_STATS_A_DL_PACKETS, GTPU_STATS_A_DL_BYTES, len);
}

/*
 * A drop charged to a bearer (DROP_BAD_SRC, DROP_TX, DROP_IDLE) and to its
 * device.  Caller has BH disabled.
 */
void gtpu_stats_bearer_drop(struct gtpu_dev *gdev, struct gtpu_bearer *b,
			    int attr)
{
	struct gtpu_bearer_stats *bs = this_cpu_ptr(b->stats);

	u64_stats_update_begin(&bs->syncp);
	u64_stats_inc(&bs->ctr[gtpu_bctr(attr)]);
	u64_stats_update_end(&bs->syncp);
	dev_add(gdev, attr, 1);
}

/* out[] gets GTPU_BEARER_NSTATS counters, indexed by gtpu_bctr(attr) */
void gtpu_stats_bearer_fold(const struct gtpu_bearer *b, u64 *out)
{
	u64 v[GTPU_BEARER_NSTATS];
	unsigned int start;
	int cpu, i;

	memset(out, 0, sizeof(v));
	for_each_possible_cpu(cpu) {
		const struct gtpu_bearer_stats *s = per_cpu_ptr(b->stats, cpu);

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < GTPU_BEARER_NSTATS; i++)
				v[i] = u64_stats_read(&s->ctr[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < GTPU_BEARER_NSTATS; i++)
			out[i] += v[i];
	}
}

/* out[] gets GTPU_DEV_NSTATS counters, indexed by gtpu_ctr(attr) */
void gtpu_stats_dev_fold(const struct gtpu_dev *gdev, u64 *out)
{
	u64 v[GTPU_DEV_NSTATS];
	unsigned int start;
	int cpu, i;

	memset(out, 0, sizeof(v));
	for_each_possible_cpu(cpu) {
		const struct gtpu_dev_stats *s = per_cpu_ptr(gdev->stats, cpu);

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < GTPU_DEV_NSTATS; i++)
				v[i] = u64_stats_read(&s->ctr[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < GTPU_DEV_NSTATS; i++)
			out[i] += v[i];
	}
}

/* A free slot index in c, taken; c->size if c is full */
static unsigned int chunk_take(struct gtpu_stats_chunk *c)
{
	unsigned int i;

	if (atomic_read(&c->nused) == c->size)
		return c->size;
	for (;;) {
		i = find_first_zero_bit(c->used, c->size);
		if (i >= c->size || !test_and_set_bit(i, c->used))
			return i;
	}
}

/* A new chunk of size slots (zeroed by the per-CPU allocator), or NULL */
static struct gtpu_stats_chunk *chunk_alloc(unsigned int size)
{
	struct gtpu_stats_chunk *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return NULL;
	c->size = size;
	c->slots = __alloc_percpu(sizeof(struct gtpu_bearer_stats) * size,
				  __alignof__(struct gtpu_bearer_stats));
	if (!c->slots) {
		kfree(c);
		return NULL;
	}
	return c;
}

static struct gtpu_stats_chunk *next_chunk(struct gtpu_dev *gdev,
					   struct gtpu_stats_chunk *c)
{
	if (list_is_last(&c->node, &gdev->stats_chunks))
		return list_first_entry(&gdev->stats_chunks,
					struct gtpu_stats_chunk, node);
	return list_next_entry(c, node);
}

/*
 * Give b a zeroed counter slot (BEARER_ADD, under gdev->lock).  stats_free
 * (incremented by the RCU callbacks that give slots back) says whether a
 * walk over the chunks can find one; the walk starts at stats_hint, the
 * chunk that gave the last slot, and goes round the list once.  After a
 * mass delete this fills the chunks one after the other instead of
 * walking past every full chunk again for each bearer.
 */
int gtpu_stats_slot_get(struct gtpu_dev *gdev, struct gtpu_bearer *b)
{
	struct gtpu_stats_chunk *c = gdev->stats_hint;
	unsigned int i;
	int cpu;

	lockdep_assert_held(&gdev->lock);
	if (c && atomic_read(&gdev->stats_free) > 0) {
		do {
			i = chunk_take(c);
			if (i < c->size)
				goto found;
			c = next_chunk(gdev, c);
		} while (c != gdev->stats_hint);
	}
	c = chunk_alloc(gdev->stats_next);
	/* a large per-CPU area may be short: the smallest chunk still does */
	if (!c && gdev->stats_next > GTPU_STATS_CHUNK_MIN)
		c = chunk_alloc(GTPU_STATS_CHUNK_MIN);
	if (!c)
		return -ENOMEM;
	gdev->stats_next = min(c->size * 2, GTPU_STATS_CHUNK_MAX);
	c->dev_free = &gdev->stats_free;
	list_add(&c->node, &gdev->stats_chunks);
	atomic_add(c->size, &gdev->stats_free);
	i = 0;
	set_bit(i, c->used);
found:
	gdev->stats_hint = c;
	atomic_inc(&c->nused);
	atomic_dec(&gdev->stats_free);
	b->stats = c->slots + i;
	b->stats_chunk = c;
	/* slots from fresh on were never handed out: still zero from the
	 * per-CPU allocator; u64_stats_init() does nothing on 64 bit */
	if (i >= c->fresh) {
		c->fresh = i + 1;
		if (IS_ENABLED(CONFIG_64BIT))
			return 0;
	}
	for_each_possible_cpu(cpu) {
		struct gtpu_bearer_stats *s = per_cpu_ptr(b->stats, cpu);

		memset(s, 0, sizeof(*s));
		u64_stats_init(&s->syncp);
	}
	return 0;
}

/* Return b's slot; called once no reader can use b (RCU callback) */
void gtpu_stats_slot_put(struct gtpu_bearer *b)
{
	struct gtpu_stats_chunk *c = b->stats_chunk;

	if (!c)
		return;
	clear_bit(b->stats - c->slots, c->used);
	atomic_dec(&c->nused);
	atomic_inc(c->dev_free);
}

/* Device destructor, after rcu_barrier(): no slot is in use any more */
void gtpu_stats_chunks_free(struct gtpu_dev *gdev)
{
	struct gtpu_stats_chunk *c, *tmp;

	list_for_each_entry_safe(c, tmp, &gdev->stats_chunks, node) {
		WARN_ON_ONCE(atomic_read(&c->nused));
		list_del(&c->node);
		free_percpu(c->slots);
		kfree(c);
	}
}

#define C(x) ctr[gtpu_ctr(GTPU_STATS_A_##x)]

/* ndo_get_stats64: the device totals mapped onto the generic counters */
void gtpu_stats_get64(struct net_device *dev, struct rtnl_link_stats64 *s)
{
	u64 ctr[GTPU_DEV_NSTATS];

	gtpu_stats_dev_fold(netdev_priv(dev), ctr);
	s->rx_packets = C(UL_PACKETS);
	s->rx_bytes = C(UL_BYTES);
	s->tx_packets = C(DL_PACKETS);
	s->tx_bytes = C(DL_BYTES);
	s->rx_frame_errors = C(DROP_MALFORMED);
	s->rx_errors = C(DROP_MALFORMED);
	s->rx_dropped = C(DROP_BAD_SRC) + C(DROP_NO_TEID) + C(DROP_UNSUPPORTED);
	s->tx_dropped = C(DROP_NO_BEARER) + C(DROP_TX) + C(DROP_IDLE);
	s->tx_carrier_errors = C(DROP_TX);
	s->tx_errors = C(DROP_TX);
}

#undef C

/*
 * Put a GTPU_STATS_A_* nest: the bearer's counters (n = GTPU_BEARER_NSTATS,
 * indexed by gtpu_bctr) or a device's (GTPU_DEV_NSTATS, by gtpu_ctr).
 */
int gtpu_stats_put(struct sk_buff *skb, int attrtype, const u64 *ctr, int n)
{
	struct nlattr *nest;
	int i, attr;

	nest = nla_nest_start(skb, attrtype);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < n; i++) {
		attr = n == GTPU_BEARER_NSTATS ? gtpu_bctr_attr(i) :
						 gtpu_ctr_attr(i);
		if (nla_put_u64_64bit(skb, attr, ctr[i], GTPU_STATS_A_PAD)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}
