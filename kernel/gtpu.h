/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gtpu.ko internal header: objects shared by the files of the module.
 *
 * Object graph (one gtpu device):
 *
 *   gtpu_net (per netns) --devs--> gtpu_dev --sock4/sock6--> UDP tunnel socket
 *                                     |
 *          +--------------------------+-------------------------+
 *          |                          |                         |
 *      teids (rhashtable)         ues (rhashtable)          peers (hash)
 *      local TEID -> bearer       (family, addr) -> gtpu_ue  addr -> gtpu_peer
 *                                  gtpu_ue.bearers (RCU list)   (dst_cache)
 *                                         |                       ^
 *                                         +----> gtpu_bearer -----+ (bearer->peer)
 *
 * Locking, in short (details above each structure):
 *   - RTNL: device creation/destruction and gtpu_net.devs.
 *   - gtpu_dev.lock (mutex): every writer of the bearer, UE and peer tables.
 *   - RCU: the datapath (softirq), dumps and lookups only read.
 *   - gtpu_dev.echo_lock (spinlock, BH): the pending Echo Request table.
 *   - gtpu_bearer_ext.lock (spinlock, BH): an idle bearer's queue; its
 *     meter.lock: the usage threshold meter.
 *   - gtpu_dev.usage_lock (spinlock, BH): the bearers' read-and-clear base.
 *   Order: gtpu_dev.lock -> usage_lock -> ext->meter.lock, and
 *   gtpu_dev.lock -> ext->lock -> ext->meter.lock (activation sends the
 *   queue, and sent packets are metered).
 */
#ifndef _GTPU_H
#define _GTPU_H

#include <linux/hashtable.h>
#include <linux/in6.h>
#include <linux/mutex.h>
#include <linux/ratelimit.h>
#include <linux/netdevice.h>
#include <linux/rhashtable.h>
#include <linux/u64_stats_sync.h>
#include <net/dst_cache.h>
#include <net/gro_cells.h>
#include <net/genetlink.h>
#include <net/ipv6.h>

#include "../include/uapi/linux/gtpu.h"

/* TS 29.281 5.1: mandatory part of the GTP-U header */
#define GTPU_HLEN		8
/* ... plus Sequence Number, N-PDU Number, Next Extension Header Type */
#define GTPU_HLEN_OPT		12

#define GTPU_FLAGS_VERSION_1	0x20
#define GTPU_FLAGS_PT		0x10
#define GTPU_FLAGS_E		0x04
#define GTPU_FLAGS_S		0x02
#define GTPU_FLAGS_PN		0x01

/* TS 29.281 6.1 message types */
#define GTPU_MSG_ECHO_REQ	1
#define GTPU_MSG_ECHO_RSP	2
#define GTPU_MSG_ERR_IND	26
#define GTPU_MSG_END_MARKER	254
#define GTPU_MSG_GPDU		255

/* TS 29.281 8.2 Recovery IE (TV, one octet of value) */
#define GTPU_IE_RECOVERY	14

#define GTPU_ECHO_PENDING	16	/* Echo Requests we remember */

/*
 * Counters kept per bearer: the first six of the uapi enum (UL_PACKETS ..
 * DROP_TX) then DROP_IDLE and DROP_POLICED.  Per device: every counter of
 * the uapi enum (PAD is not a counter).  Arrays are indexed by gtpu_bctr()
 * / gtpu_ctr().
 */
#define GTPU_BEARER_NSTATS	8
#define GTPU_DEV_NSTATS		(GTPU_STATS_A_MAX - 1)

static inline int gtpu_bctr(int attr)
{
	if (attr == GTPU_STATS_A_DROP_IDLE)
		return 6;
	if (attr == GTPU_STATS_A_DROP_POLICED)
		return 7;
	return attr - 1;
}

static inline int gtpu_bctr_attr(int i)
{
	if (i == 6)
		return GTPU_STATS_A_DROP_IDLE;
	if (i == 7)
		return GTPU_STATS_A_DROP_POLICED;
	return i + 1;
}

static inline int gtpu_ctr(int attr)
{
	return attr < GTPU_STATS_A_PAD ? attr - 1 : attr - 2;
}

static inline int gtpu_ctr_attr(int i)
{
	return i + 1 < GTPU_STATS_A_PAD ? i + 1 : i + 2;
}

struct gtpu_bearer_stats {
	struct u64_stats_sync syncp;
	u64_stats_t ctr[GTPU_BEARER_NSTATS];
};

/*
 * Bearer counters come from per-device chunks of per-CPU slots: one
 * alloc_percpu() per bearer costs more than the rest of BEARER_ADD together
 * (pcpu allocator mutex, bitmap search, per-CPU clear, and the balance work
 * it schedules).  A device's first chunk has GTPU_STATS_CHUNK_MIN slots
 * (4 KiB per CPU), each further one twice as many as the one before, up to
 * GTPU_STATS_CHUNK_MAX (32 KiB per CPU, the per-CPU allocator's limit of
 * one allocation): a device with a handful of bearers stays small, and a
 * mass insert calls the allocator once per 512 bearers.  Slots are taken
 * under gtpu_dev.lock (test_and_set_bit) and given back by the bearer's RCU
 * callback (clear_bit), so a slot is never reused while a reader may still
 * count into it.  Chunks live until the device is freed.
 */
#define GTPU_STATS_CHUNK_MIN	64
#define GTPU_STATS_CHUNK_MAX	512

struct gtpu_stats_chunk {
	struct list_head node;			/* gtpu_dev.stats_chunks, lock */
	struct gtpu_bearer_stats __percpu *slots;
	unsigned int size;			/* slots, constant */
	unsigned int fresh;			/* lock: first never used slot */
	atomic_t nused;
	atomic_t *dev_free;			/* &gtpu_dev.stats_free */
	unsigned long used[BITS_TO_LONGS(GTPU_STATS_CHUNK_MAX)];
};

struct gtpu_dev_stats {
	struct u64_stats_sync syncp;
	u64_stats_t ctr[GTPU_DEV_NSTATS];
};

/* An IPv4 or IPv6 address; unused bytes are zero so keys compare with memcmp */
struct gtpu_addr {
	union {
		__be32 v4;
		struct in6_addr v6;
	};
	u8 family;		/* AF_INET or AF_INET6 */
};

/*
 * Key of the downlink table: an IPv4 address (addr[0], addr[1] zero) or the
 * /64 prefix of an IPv6 address.  12 bytes, a multiple of 4 for jhash2.
 */
struct gtpu_ue_key {
	__be32 addr[2];
	u32 family;
};

/*
 * An eNodeB as seen by one device: its address and the route cache towards
 * it, shared by all bearers that point to it.
 *
 * Locking: node, users and the table are touched only under gtpu_dev.lock.
 * Readers reach a peer through bearer->peer under RCU and may use addr and
 * dst_cache (dst_cache is per-CPU and BH-safe).  When users drops to zero the
 * peer is unhashed and freed after a grace period (call_rcu).
 */
struct gtpu_peer {
	struct hlist_node node;
	struct gtpu_addr addr;
	unsigned int users;
	struct dst_cache dst_cache;
	struct rcu_head rcu;
};

/* Index of a bearer's membership in the two downlink families */
enum { GTPU_UE4, GTPU_UE6, GTPU_UE_N };

/*
 * One GTP-U tunnel (EPS bearer).
 *
 * Locking: all links (teid_node, dev_node, ue_node) change only under
 * gtpu_dev.lock.  The datapath and dumps read bearers under RCU: peer is
 * __rcu; remote_teid, ebi and cookie may change under the lock (BEARER_MOD)
 * and are read with READ_ONCE.  local_teid, ue_mask and the UE addresses are
 * set before the bearer is published and never change.
 * Removal: unlink from every table under the lock, then free after one grace
 * period (call_rcu -> gtpu_bearer_free_rcu).
 */
/* Usage counters of a meter or a read-and-clear, and thresholds */
enum {
	GTPU_USAGE_UL_PACKETS, GTPU_USAGE_UL_BYTES,
	GTPU_USAGE_DL_PACKETS, GTPU_USAGE_DL_BYTES, GTPU_USAGE_N
};
enum { GTPU_THR_TOTAL, GTPU_THR_UL, GTPU_THR_DL, GTPU_THR_N };

struct gtpu_usage {
	u64 ctr[GTPU_USAGE_N];
	u64 thr[GTPU_THR_N];
};

/* Threshold meter (meter.c); lock (BH spinlock) protects all of it */
struct gtpu_meter {
	spinlock_t lock;
	bool armed;				/* also read with READ_ONCE */
	u64 thr[GTPU_THR_N];			/* bytes, 0: none */
	u64 ctr[GTPU_USAGE_N];			/* since armed */
};

/*
 * Optional per-bearer state, allocated the first time a bearer goes idle
 * or gets a usage threshold (and kept until the bearer is freed, after its
 * grace period).
 *
 * Locking: ext itself is published once under gtpu_dev.lock
 * (rcu_assign_pointer) and read under RCU.  lock (BH spinlock) protects
 * idle, notified and queue; the downlink path (softirq) and the writers
 * (process context, gtpu_dev.lock held) both take it, so a packet is
 * either queued before a flush or sent after it, never reordered.
 */
struct gtpu_bearer_ext {
	spinlock_t lock;
	bool idle;				/* lock */
	bool notified;				/* DOWNLINK_DATA sent, lock */
	struct sk_buff_head queue;		/* lock (queue.lock unused) */
	struct gtpu_meter meter;
};

/*
 * QoS (qos.c).  A token bucket kept as a GCRA "theoretical arrival time":
 * tat (ns, ktime_get_ns() clock) is when the bucket would be full again; a
 * packet of len bytes costs len * mult >> GTPU_TB_SHIFT ns and conforms if
 * max(tat, now) + cost - now <= tau (the bucket depth in ns).  One
 * atomic64 cmpxchg per packet, no lock.  mult, tau and rate change under
 * gtpu_dev.lock (WRITE_ONCE) and are read with READ_ONCE: a packet racing
 * with a rate change may see the old mult with the new tau.  mult 0: no
 * limit.
 */
#define GTPU_TB_SHIFT		24
enum { GTPU_DIR_UL, GTPU_DIR_DL, GTPU_DIR_N };

struct gtpu_tb {
	atomic64_t tat;
	u64 mult;				/* ns per byte << GTPU_TB_SHIFT */
	u64 tau;				/* ns */
	u64 rate;				/* bit/s, as configured */
};

/*
 * APN-AMBR group: a rate per direction shared by its member bearers.  In
 * gtpu_dev.ambrs (hash by id); node, members and the rates change under
 * gtpu_dev.lock; the datapath reaches a group through gtpu_qos.group and
 * dumps walk the hash, both under RCU.  members is the reference count: a
 * group is unhashed and freed after a grace period (kfree_rcu) when it has
 * no members and both rates are 0, or when the device goes away.
 */
struct gtpu_ambr {
	struct hlist_node node;
	u32 id;
	u32 members;
	struct gtpu_tb tb[GTPU_DIR_N];
	atomic64_t dropped[GTPU_DIR_N];		/* packets policed here */
	struct rcu_head rcu;
};

/*
 * A bearer's QoS: its MBRs, its AMBR group, its QFI.  Allocated the first
 * time a bearer gets any of them, published once under gtpu_dev.lock
 * (rcu_assign_pointer), changed in place under the lock and freed with the
 * bearer (after its grace period).  group is __rcu and holds a member
 * reference; qfi is GTPU_QOS_QFI_SET | QFI, or 0 for none (READ_ONCE).
 */
#define GTPU_QOS_QFI_SET	0x100
struct gtpu_qos {
	struct gtpu_tb mbr[GTPU_DIR_N];
	struct gtpu_ambr __rcu *group;
	u16 qfi;
};

/*
 * PDU Session Container sent with a QFI: 4 octets of extension header, and
 * the 4 octets of optional fields that E requires: 8 more than a plain
 * G-PDU header.
 */
#define GTPU_EXT_PSC_LEN	4
#define GTPU_EXT_PSC		0x85	/* TS 29.281 5.2.1-3 */
#define GTPU_HLEN_QFI		(GTPU_HLEN_OPT + GTPU_EXT_PSC_LEN)

struct gtpu_bearer {
	struct rhash_head teid_node;		/* gtpu_dev.teids */
	struct list_head dev_node;		/* gtpu_dev.bearers, RCU */
	struct list_head ue_node[GTPU_UE_N];	/* gtpu_ue.bearers, RCU */
	struct gtpu_peer __rcu *peer;
	struct gtpu_bearer_stats __percpu *stats;	/* a chunk slot */
	struct gtpu_stats_chunk *stats_chunk;
	struct gtpu_bearer_ext __rcu *ext;	/* NULL until first idle */
	struct gtpu_qos __rcu *qos;		/* NULL: no MBR/AMBR/QFI */
	struct gtpu_tft __rcu *tft;		/* NULL: default bearer */
	u64 cookie;
	u32 local_teid;
	__be32 remote_teid;
	__be32 ue_ip4;
	__be32 ue_ip6[2];			/* /64 prefix */
	u8 ebi;
	u8 ue_mask;				/* BIT(GTPU_UE4) | BIT(GTPU_UE6) */
	u8 flags;				/* GTPU_BF_*, lock */
	struct rcu_head rcu;
	u64 usage_base[GTPU_USAGE_N];		/* gtpu_dev.usage_lock */
};

/* gtpu_bearer.flags, changed under gtpu_dev.lock */
#define GTPU_BF_MARK		BIT(0)	/* named by the BEARER_DEL in progress */

/*
 * One packet filter of a TFT (TS 24.008 10.5.6.12), in match form.  "remote"
 * is the source of a downlink packet, "local" (the UE) its destination.
 */
#define GTPU_FF_PROTO		BIT(0)
#define GTPU_FF_REMOTE		BIT(1)	/* raddr/rmask of family */
#define GTPU_FF_LPORT		BIT(2)
#define GTPU_FF_RPORT		BIT(3)
#define GTPU_FF_TOS		BIT(4)
#define GTPU_FF_SPI		BIT(5)
#define GTPU_FF_FLOW		BIT(6)
#define GTPU_FF_L4		(GTPU_FF_LPORT | GTPU_FF_RPORT | GTPU_FF_SPI)

struct gtpu_filter {
	__be32 raddr[4];		/* host bits zero */
	__be32 rmask[4];
	__be32 spi;
	__be32 flow;			/* 20-bit flow label */
	u16 lport_lo, lport_hi;
	u16 rport_lo, rport_hi;
	u8 flags;			/* GTPU_FF_* */
	u8 family;			/* of raddr: AF_INET or AF_INET6, else 0 */
	u8 id;
	u8 prec;
	u8 dir;				/* enum gtpu_filter_dir */
	u8 proto;
	u8 tos, tos_mask;
	u8 plen;			/* IPv6 prefix length (replies) */
};

/*
 * A bearer's TFT: its filters as given.  Immutable once built; BEARER_MOD
 * replaces the whole object (rcu_assign_pointer under gtpu_dev.lock, old one
 * freed with kfree_rcu).  Readers: dumps (RCU) and the compiler (lock).
 */
struct gtpu_tft {
	struct rcu_head rcu;
	u8 n;
	struct gtpu_filter f[];
};

/*
 * Compiled downlink classifier of one UE entry: the downlink and
 * bidirectional filters of all bearers bound to it that can match the
 * entry's family, sorted by precedence, each with its bearer; def is the
 * default bearer (no TFT) or NULL.  Built under gtpu_dev.lock by tft.c
 * whenever a bearer of the entry is added, modified or removed, published
 * with rcu_assign_pointer, the old one freed with kfree_rcu; never changed
 * after publication except that a removal may NULL an entry's bearer or def
 * (WRITE_ONCE) when the rebuild cannot allocate.  Bearers are freed by
 * call_rcu after the new classifier is published, so a reader holding the
 * old one still sees live bearers.
 */
struct gtpu_cls_ent {
	struct gtpu_filter f;
	struct gtpu_bearer *b;
};

struct gtpu_cls {
	struct rcu_head rcu;
	struct gtpu_bearer *def;
	u32 n;
	struct gtpu_cls_ent e[];
};

/*
 * Downlink table entry: one UE address (IPv4) or /64 prefix (IPv6) and the
 * bearers bound to it: at most one default bearer (no TFT) and any number of
 * dedicated ones.  cls is NULL while no bearer of the entry has a TFT (the
 * list then holds the default bearer only: one pointer test on the fast
 * path).  Locking as for bearers: the list, cls and the hash linkage change
 * under gtpu_dev.lock, readers use RCU; the entry is removed when its list
 * becomes empty and freed with call_rcu (ue_cache).
 */
struct gtpu_ue {
	struct rhash_head node;
	struct gtpu_ue_key key;
	struct list_head bearers;
	struct gtpu_cls __rcu *cls;
	struct rcu_head rcu;
};

struct gtpu_echo_req {
	struct gtpu_addr peer;
	ktime_t sent;
	u16 seq;
	bool used;
};

/*
 * Private part of a gtpu net_device.
 *
 * Immutable after newlink: dev, net, sock4/sock6 (until ndo_uninit), local4,
 * local6, has4/has6, port, restart_counter.
 * RTNL: list.
 * lock (mutex) serialises writers of teids, ues, peers, bearers, n_bearers,
 * gen and dead.  Readers of teids/ues/bearers use RCU; n_bearers and gen are
 * read locklessly with READ_ONCE.
 * echo_lock (BH spinlock): echo[], echo_next, echo_seq.
 * stats: per-CPU, u64_stats_sync.
 */
struct gtpu_dev {
	struct net_device *dev;
	struct net *net;
	struct list_head list;			/* gtpu_net.devs, RTNL + RCU */
	struct socket *sock4;
	struct socket *sock6;
	__be32 local4;
	struct in6_addr local6;
	bool has4;
	bool has6;
	bool dead;				/* set by ndo_uninit, under lock */
	u8 restart_counter;
	__be16 port;
	u32 idle_qlen;				/* per bearer */
	u32 idle_qlen_dev;			/* all bearers */
	atomic_t idle_queued;			/* packets queued now */
	spinlock_t usage_lock;			/* bearers' usage_base, BH */
	struct ratelimit_state err_ind_rs;	/* Error Indications sent */
	struct ratelimit_state err_ind_rx_rs;	/* ... reported */

	struct mutex lock;
	struct rhashtable teids;
	struct rhashtable ues;
	struct list_head bearers;
	DECLARE_HASHTABLE(peers, 6);
	u32 n_bearers;
	u32 gen;

	DECLARE_HASHTABLE(ambrs, 4);		/* gtpu_ambr by id, lock/RCU */

	struct list_head stats_chunks;		/* lock */
	atomic_t stats_free;			/* free slots in the chunks */
	struct gtpu_stats_chunk *stats_hint;	/* lock: where to look first */
	unsigned int stats_next;		/* lock: next chunk's size */
	struct gtpu_dev_stats __percpu *stats;
	struct gro_cells gro_cells;

	spinlock_t echo_lock;
	u16 echo_seq;
	unsigned int echo_next;
	struct gtpu_echo_req echo[GTPU_ECHO_PENDING];
};

/* Per network namespace: the gtpu devices in it (RTNL writers, RCU readers) */
struct gtpu_net {
	struct list_head devs;
};

/* What a writer asks for; built by netlink.c from a GTPU_A_BEARER nest */
struct gtpu_bearer_cfg {
	u32 local_teid;
	__be32 remote_teid;
	struct gtpu_addr peer;
	__be32 ue_ip4;
	struct in6_addr ue_ip6;
	u64 cookie;
	u8 ebi;
	u8 state;
	u64 thr[GTPU_THR_N];
	bool has_thr;
	bool has_remote_teid;
	bool has_peer;
	bool has_ue4;
	bool has_ue6;
	bool has_ebi;
	bool has_cookie;
	bool has_state;
	u64 mbr[GTPU_DIR_N];			/* QoS, bit/s */
	u32 ambr_group;
	u8 qfi;
	bool has_mbr[GTPU_DIR_N];
	bool has_ambr_group;
	bool has_qfi;
	const struct nlattr *tft;	/* GTPU_BEARER_A_TFT, validated */
};

extern unsigned int gtpu_net_id;
extern struct rtnl_link_ops gtpu_link_ops;
extern struct genl_family gtpu_genl_family;

/* device.c */
int gtpu_device_init(void);
void gtpu_device_uninit(void);
struct gtpu_dev *gtpu_dev_get(struct net *net, int ifindex);
void gtpu_dev_put(struct gtpu_dev *gdev);
struct gtpu_dev *gtpu_dev_next_rcu(struct net *net, int ifindex);

/* socket.c */
int gtpu_socket_open(struct gtpu_dev *gdev, struct netlink_ext_ack *extack);
void gtpu_socket_detach(struct gtpu_dev *gdev);
void gtpu_socket_close(struct gtpu_dev *gdev);

/* rx.c */
int gtpu_rx_encap(struct sock *sk, struct sk_buff *skb);

/* tx.c */
netdev_tx_t gtpu_tx_xmit(struct sk_buff *skb, struct net_device *dev);
void gtpu_tx_bearer(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		    struct sk_buff *skb);
int gtpu_tx_udp(struct gtpu_dev *gdev, struct sk_buff *skb,
		const struct gtpu_addr *dst, const struct gtpu_addr *src,
		__be16 dport, u8 tos, struct dst_cache *cache);
unsigned int gtpu_tx_overhead(const struct gtpu_dev *gdev);

/* signal.c */
void gtpu_signal_init(struct gtpu_dev *gdev);
void gtpu_signal_err_ind_send(struct gtpu_dev *gdev, struct sk_buff *skb,
			      u32 teid);
bool gtpu_signal_err_ind_rx(struct gtpu_dev *gdev, struct sk_buff *skb,
			    unsigned int ie_off);
int gtpu_signal_end_marker(struct gtpu_dev *gdev, struct gtpu_bearer *b);

/* echo.c */
void gtpu_outer_addrs(const struct sk_buff *skb, struct gtpu_addr *saddr,
		      struct gtpu_addr *daddr);
void gtpu_echo_reply(struct gtpu_dev *gdev, struct sk_buff *skb, u16 seq);
void gtpu_echo_response(struct gtpu_dev *gdev, struct sk_buff *skb,
			unsigned int ie_off, u16 seq);
int gtpu_echo_send(struct gtpu_dev *gdev, const struct gtpu_addr *peer,
		   u16 *seq);

/* meter.c */
int gtpu_meter_set(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		   const struct gtpu_bearer_cfg *cfg,
		   struct netlink_ext_ack *extack);
void gtpu_meter_count(struct gtpu_dev *gdev, struct gtpu_bearer *b, bool ul,
		      unsigned int len);
void gtpu_meter_thresholds(const struct gtpu_bearer *b, u64 *thr);
int gtpu_meter_put_usage(struct sk_buff *skb, const struct gtpu_usage *u);
void gtpu_meter_clear_begin(struct gtpu_dev *gdev, struct gtpu_bearer *b,
			    struct gtpu_usage *u, u64 *fold)
	__acquires(&gdev->usage_lock);
void gtpu_meter_clear_end(struct gtpu_dev *gdev, struct gtpu_bearer *b,
			  const u64 *fold, bool commit)
	__releases(&gdev->usage_lock);

/* qos.c */
bool gtpu_qos_police(struct gtpu_dev *gdev, struct gtpu_bearer *b, int dir,
		     unsigned int len);
int gtpu_qos_check(struct gtpu_dev *gdev, const struct gtpu_bearer_cfg *cfg,
		   struct gtpu_ambr **g, struct netlink_ext_ack *extack);
int gtpu_qos_set(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		 const struct gtpu_bearer_cfg *cfg,
		 struct netlink_ext_ack *extack);
void gtpu_qos_release(struct gtpu_dev *gdev, struct gtpu_bearer *b);
void gtpu_qos_flush(struct gtpu_dev *gdev);
int gtpu_qos_put(struct sk_buff *skb, const struct gtpu_bearer *b);
int gtpu_qos_qfi(const struct gtpu_bearer *b);

/* Policing on the datapath: true if the packet may go on (RCU held) */
static inline bool gtpu_qos_pass(struct gtpu_dev *gdev, struct gtpu_bearer *b,
				 int dir, unsigned int len)
{
	if (likely(!rcu_access_pointer(b->qos)))
		return true;
	return gtpu_qos_police(gdev, b, dir, len);
}

/* nl_ambr.c: AMBR_SET / AMBR_GET */
int gtpu_nl_ambr_set(struct sk_buff *skb, struct genl_info *info);
int gtpu_nl_ambr_get(struct sk_buff *skb, struct genl_info *info);
int gtpu_nl_ambr_dump(struct sk_buff *skb, struct netlink_callback *cb);
extern const struct nla_policy gtpu_nl_ambr_policy[GTPU_AMBR_A_MAX + 1];
struct gtpu_ambr *gtpu_ambr_lookup(struct gtpu_dev *gdev, u32 id);
void gtpu_ambr_put(struct gtpu_dev *gdev, struct gtpu_ambr *g);
void gtpu_tb_set(struct gtpu_tb *tb, u64 rate);

/* idle.c */
struct gtpu_bearer_ext *gtpu_bearer_ext_get(struct gtpu_dev *gdev,
					    struct gtpu_bearer *b);
bool gtpu_idle_enqueue(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		       struct sk_buff *skb);
int gtpu_idle_set(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		  struct netlink_ext_ack *extack);
void gtpu_idle_activate(struct gtpu_dev *gdev, struct gtpu_bearer *b);
void gtpu_idle_purge(struct gtpu_dev *gdev, struct gtpu_bearer *b);
u32 gtpu_idle_queued(const struct gtpu_bearer *b, bool *idle);

/* bearer.c */
int gtpu_bearer_init(void);
void gtpu_bearer_exit(void);
int gtpu_bearer_tables_init(struct gtpu_dev *gdev);
void gtpu_bearer_tables_destroy(struct gtpu_dev *gdev);
struct gtpu_bearer *gtpu_bearer_lookup_teid(struct gtpu_dev *gdev, u32 teid);
struct gtpu_ue *gtpu_ue_lookup(struct gtpu_dev *gdev,
			       const struct gtpu_ue_key *key);
struct gtpu_bearer *gtpu_bearer_insert(struct gtpu_dev *gdev,
				       const struct gtpu_bearer_cfg *cfg,
				       struct netlink_ext_ack *extack);
int gtpu_bearer_modify(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		       const struct gtpu_bearer_cfg *cfg,
		       struct netlink_ext_ack *extack);
void gtpu_bearer_remove(struct gtpu_dev *gdev, struct gtpu_bearer *b);
void gtpu_bearer_flush(struct gtpu_dev *gdev);
void gtpu_ue_key_v4(struct gtpu_ue_key *key, __be32 addr);
void gtpu_ue_key_v6(struct gtpu_ue_key *key, const struct in6_addr *addr);

/* tft.c */
extern const struct nla_policy gtpu_nl_tft_policy[GTPU_TFT_A_MAX + 1];
int gtpu_tft_parse(const struct nlattr *nest, struct gtpu_tft **tftp,
		   struct netlink_ext_ack *extack);
struct gtpu_cls *gtpu_cls_build(struct gtpu_ue *ue, int idx,
				struct gtpu_bearer *b, const struct gtpu_tft *tft,
				bool del, struct netlink_ext_ack *extack);
void gtpu_cls_publish(struct gtpu_ue *ue, struct gtpu_cls *cls);
void gtpu_cls_forget(struct gtpu_ue *ue, const struct gtpu_bearer *b);
struct gtpu_bearer *gtpu_cls_match(const struct gtpu_cls *cls,
				   struct sk_buff *skb);
int gtpu_tft_put(struct sk_buff *skb, const struct gtpu_bearer *b);
size_t gtpu_tft_msg_size(const struct gtpu_bearer *b);

/* stats.c */
int gtpu_stats_slot_get(struct gtpu_dev *gdev, struct gtpu_bearer *b);
void gtpu_stats_slot_put(struct gtpu_bearer *b);
void gtpu_stats_chunks_free(struct gtpu_dev *gdev);
void gtpu_stats_dev_add(struct gtpu_dev *gdev, int attr, u64 n);
void gtpu_stats_rx_ok(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		      unsigned int len);
void gtpu_stats_tx_ok(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		      unsigned int len);
void gtpu_stats_bearer_drop(struct gtpu_dev *gdev, struct gtpu_bearer *b,
			    int attr);
void gtpu_stats_bearer_fold(const struct gtpu_bearer *b, u64 *out);
void gtpu_stats_dev_fold(const struct gtpu_dev *gdev, u64 *out);
void gtpu_stats_get64(struct net_device *dev, struct rtnl_link_stats64 *s);
int gtpu_stats_put(struct sk_buff *skb, int attrtype, const u64 *ctr,
		   int n);

/* netlink.c */
int gtpu_nl_admin_check(const struct sk_buff *skb, const struct net *net,
			struct netlink_ext_ack *extack);
struct gtpu_dev *gtpu_nl_dev_from_info(struct genl_info *info);
int gtpu_nl_dev_lock(struct gtpu_dev *gdev, struct netlink_ext_ack *extack);
int gtpu_nl_parse_bearer(const struct nlattr *nest, struct gtpu_bearer_cfg *cfg,
			 struct netlink_ext_ack *extack);
struct sk_buff *gtpu_nl_bearer_msg(struct gtpu_dev *gdev,
				   const struct gtpu_bearer *b, u32 portid,
				   u32 seq, u8 cmd, bool with_stats, gfp_t gfp);
int gtpu_netlink_init(void);
void gtpu_netlink_exit(void);
void gtpu_netlink_bearer_event(struct gtpu_dev *gdev,
			       const struct gtpu_bearer *b, u8 cmd);
void gtpu_netlink_bearer_event_atomic(struct gtpu_dev *gdev,
				      const struct gtpu_bearer *b, u8 cmd);
void gtpu_netlink_err_ind_event(struct gtpu_dev *gdev,
				const struct gtpu_addr *peer, u32 teid,
				const struct gtpu_bearer *b);
void gtpu_netlink_usage_event(struct gtpu_dev *gdev,
			      const struct gtpu_bearer *b,
			      const struct gtpu_usage *u);
void gtpu_netlink_echo_event(struct gtpu_dev *gdev,
			     const struct gtpu_addr *peer, u16 seq,
			     int restart_counter, u64 rtt_ns);

/* nl_bearer.c: doit handlers of the bearer commands */
int gtpu_nl_bearer_add(struct sk_buff *skb, struct genl_info *info);
int gtpu_nl_bearer_mod(struct sk_buff *skb, struct genl_info *info);
int gtpu_nl_bearer_del(struct sk_buff *skb, struct genl_info *info);
int gtpu_nl_bearer_get(struct sk_buff *skb, struct genl_info *info);
int gtpu_nl_end_marker(struct sk_buff *skb, struct genl_info *info);

/* dump.c */
int gtpu_nl_put_bearer(struct sk_buff *skb, const struct gtpu_bearer *b,
		       bool with_stats, const struct gtpu_usage *usage);
int gtpu_nl_put_bearer_clear(struct sk_buff *skb, struct gtpu_dev *gdev,
			     struct gtpu_bearer *b);
int gtpu_nl_put_dev(struct sk_buff *skb, struct gtpu_dev *gdev);
int gtpu_nl_bearer_dump_start(struct netlink_callback *cb);
int gtpu_nl_bearer_dump(struct sk_buff *skb, struct netlink_callback *cb);
int gtpu_nl_dev_dump(struct sk_buff *skb, struct netlink_callback *cb);
extern const struct nla_policy gtpu_nl_bearer_policy[GTPU_BEARER_A_MAX + 1];

static inline bool gtpu_addr_equal(const struct gtpu_addr *a,
				   const struct gtpu_addr *b)
{
	if (a->family != b->family)
		return false;
	if (a->family == AF_INET)
		return a->v4 == b->v4;
	return ipv6_addr_equal(&a->v6, &b->v6);
}

static inline struct gtpu_dev *gtpu_dev_from_net(struct net_device *dev)
{
	return netdev_priv(dev);
}

#endif /* _GTPU_H */
