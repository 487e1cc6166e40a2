// SPDX-License-Identifier: GPL-2.0
/*
 * Bearer tables of a gtpu device: bearers by local TEID (uplink), UE entries
 * by address (downlink), and the refcounted peers (eNodeBs) that hold the
 * route caches.
 *
 * Every function here that changes a table runs under gtpu_dev.lock and says
 * so with lockdep_assert_held(); lookups run under RCU (or the lock) and
 * return pointers that stay valid only inside that RCU section or while the
 * lock is held.  Nothing here sleeps waiting for a grace period: objects are
 * unlinked under the lock and freed by call_rcu/kfree_rcu.
 */
#include <linux/jhash.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "gtpu.h"

/*
 * Both caches have a constructor (which does nothing) for one reason: with
 * init_on_alloc (Debian's default) the slab allocator zeroes an object of a
 * cache without constructor on every allocation with memset(), a byte loop
 * that costs more than the rest of the insert under emulation and is wasted
 * work anyway: bearer_alloc() and ue_get() write every field themselves
 * (bearer_alloc() with a compound literal, so a field it does not name is
 * still zero).
 */
static struct kmem_cache *bearer_cache;
static struct kmem_cache *ue_cache;

static void gtpu_obj_ctor(void *obj)
{
}

/*
 * Key comparisons written out: without obj_cmpfn the rhashtable compares
 * keys with memcmp() over ht->p.key_len, a run-time length, so the call is
 * not inlined and x86-64's generic memcmp() goes byte by byte; it showed
 * as 3% of a bearer insert and is on every packet's lookup too.
 */
static int teid_cmp(struct rhashtable_compare_arg *arg, const void *obj)
{
	const struct gtpu_bearer *b = obj;

	return *(const u32 *)arg->key != b->local_teid;
}

static int ue_cmp(struct rhashtable_compare_arg *arg, const void *obj)
{
	const struct gtpu_ue_key *k = arg->key, *o = &((const struct gtpu_ue *)obj)->key;

	return k->addr[0] != o->addr[0] || k->addr[1] != o->addr[1] ||
	       k->family != o->family;
}

static const struct rhashtable_params teid_params = {
	.key_len = sizeof(u32),
	.key_offset = offsetof(struct gtpu_bearer, local_teid),
	.head_offset = offsetof(struct gtpu_bearer, teid_node),
	.obj_cmpfn = teid_cmp,
	.automatic_shrinking = true,
};

static const struct rhashtable_params ue_params = {
	.key_len = sizeof(struct gtpu_ue_key),
	.key_offset = offsetof(struct gtpu_ue, key),
	.head_offset = offsetof(struct gtpu_ue, node),
	.obj_cmpfn = ue_cmp,
	.automatic_shrinking = true,
};

int gtpu_bearer_init(void)
{
	/* memory budget per bearer, see Documentation/kernel-design.md */
	BUILD_BUG_ON(sizeof(struct gtpu_bearer) > 184);
	BUILD_BUG_ON(sizeof(struct gtpu_ue) > 64);
	BUILD_BUG_ON(sizeof(struct gtpu_bearer_stats) > 64);
	/* gtpu_stats_put() tells the two arrays apart by their length */
	BUILD_BUG_ON(GTPU_BEARER_NSTATS == GTPU_DEV_NSTATS);
	bearer_cache = kmem_cache_create("gtpu_bearer",
					 sizeof(struct gtpu_bearer),
					 __alignof__(struct gtpu_bearer), 0,
					 gtpu_obj_ctor);
	ue_cache = kmem_cache_create("gtpu_ue", sizeof(struct gtpu_ue),
				     __alignof__(struct gtpu_ue), 0,
				     gtpu_obj_ctor);
	if (!bearer_cache || !ue_cache) {
		kmem_cache_destroy(bearer_cache);
		kmem_cache_destroy(ue_cache);
		return -ENOMEM;
	}
	return 0;
}

/* Module exit: the caller has run rcu_barrier() so no bearer is pending */
void gtpu_bearer_exit(void)
{
	kmem_cache_destroy(bearer_cache);
	kmem_cache_destroy(ue_cache);
}

int gtpu_bearer_tables_init(struct gtpu_dev *gdev)
{
	int err;

	err = rhashtable_init(&gdev->teids, &teid_params);
	if (err)
		return err;
	err = rhashtable_init(&gdev->ues, &ue_params);
	if (err) {
		rhashtable_destroy(&gdev->teids);
		return err;
	}
	INIT_LIST_HEAD(&gdev->bearers);
	INIT_LIST_HEAD(&gdev->stats_chunks);
	hash_init(gdev->ambrs);
	atomic_set(&gdev->stats_free, 0);
	gdev->stats_hint = NULL;
	gdev->stats_next = GTPU_STATS_CHUNK_MIN;
	hash_init(gdev->peers);
	return 0;
}

/*
 * The tables must be empty (gtpu_bearer_flush) and without readers.  The
 * rcu_barrier() lets the bearers' RCU callbacks give back their counter
 * slots before the chunks are freed.
 */
void gtpu_bearer_tables_destroy(struct gtpu_dev *gdev)
{
	WARN_ON_ONCE(!list_empty(&gdev->bearers));
	rcu_barrier();
	gtpu_stats_chunks_free(gdev);
	rhashtable_destroy(&gdev->ues);
	rhashtable_destroy(&gdev->teids);
}

void gtpu_ue_key_v4(struct gtpu_ue_key *key, __be32 addr)
{
	memset(key, 0, sizeof(*key));
	key->family = AF_INET;
	key->addr[0] = addr;
}

/* IPv6 downlink key: the /64 prefix of addr (TS 23.401 5.3.1.2.2) */
void gtpu_ue_key_v6(struct gtpu_ue_key *key, const struct in6_addr *addr)
{
	memset(key, 0, sizeof(*key));
	key->family = AF_INET6;
	key->addr[0] = addr->s6_addr32[0];
	key->addr[1] = addr->s6_addr32[1];
}

/* Caller holds RCU or gdev->lock; no reference is taken */
struct gtpu_bearer *gtpu_bearer_lookup_teid(struct gtpu_dev *gdev, u32 teid)
{
	return rhashtable_lookup_fast(&gdev->teids, &teid, teid_params);
}

/* Caller holds RCU or gdev->lock; no reference is taken */
struct gtpu_ue *gtpu_ue_lookup(struct gtpu_dev *gdev,
			       const struct gtpu_ue_key *key)
{
	return rhashtable_lookup_fast(&gdev->ues, key, ue_params);
}

/* ---------------------------------------------------------------- peers */

static u32 addr_hash(const struct gtpu_addr *a)
{
	if (a->family == AF_INET)
		return jhash_1word((__force u32)a->v4, 0);
	return jhash2((const u32 *)a->v6.s6_addr32, 4, 0);
}

/* Find or create the peer for addr and take a user reference */
static struct gtpu_peer *peer_get(struct gtpu_dev *gdev,
				  const struct gtpu_addr *addr)
{
	struct gtpu_peer *p;
	u32 h = addr_hash(addr);

	lockdep_assert_held(&gdev->lock);
	hash_for_each_possible(gdev->peers, p, node, h) {
		if (gtpu_addr_equal(&p->addr, addr)) {
			p->users++;
			return p;
		}
	}
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	if (dst_cache_init(&p->dst_cache, GFP_KERNEL)) {
		kfree(p);
		return NULL;
	}
	p->addr = *addr;
	p->users = 1;
	hash_add(gdev->peers, &p->node, h);
	return p;
}

static void peer_free_rcu(struct rcu_head *head)
{
	struct gtpu_peer *p = container_of(head, struct gtpu_peer, rcu);

	dst_cache_destroy(&p->dst_cache);
	kfree(p);
}

/* Drop a user reference; the last one unhashes the peer, freed after RCU */
static void peer_put(struct gtpu_dev *gdev, struct gtpu_peer *p)
{
	lockdep_assert_held(&gdev->lock);
	if (--p->users)
		return;
	hash_del(&p->node);
	call_rcu(&p->rcu, peer_free_rcu);
}

static int peer_family_check(struct gtpu_dev *gdev, const struct gtpu_addr *a,
			     struct netlink_ext_ack *extack)
{
	if ((a->family == AF_INET && gdev->has4) ||
	    (a->family == AF_INET6 && gdev->has6))
		return 0;
	NL_SET_ERR_MSG(extack, "peer address family has no socket on this device");
	return -EAFNOSUPPORT;
}

/* -------------------------------------------------------------- bearers */

static void bearer_free(struct gtpu_bearer *b)
{
	/* no reader left: the ext (its queue purged on removal) goes too */
	kfree(rcu_dereference_protected(b->ext, 1));
	kfree(rcu_dereference_protected(b->qos, 1));
	kfree(rcu_dereference_protected(b->tft, 1));
	gtpu_stats_slot_put(b);
	kmem_cache_free(bearer_cache, b);
}

static void bearer_free_rcu(struct rcu_head *head)
{
	bearer_free(container_of(head, struct gtpu_bearer, rcu));
}

static struct gtpu_bearer *bearer_alloc(struct gtpu_dev *gdev,
					const struct gtpu_bearer_cfg *cfg)
{
	struct gtpu_bearer *b;

	b = kmem_cache_alloc(bearer_cache, GFP_KERNEL);
	if (!b)
		return NULL;
	/* every field not named here is zero (see bearer_cache) */
	*b = (struct gtpu_bearer){
		.local_teid = cfg->local_teid,
		.remote_teid = cfg->remote_teid,
		.ebi = cfg->has_ebi ? cfg->ebi : 5,
		.cookie = cfg->cookie,
	};
	if (gtpu_stats_slot_get(gdev, b)) {
		kmem_cache_free(bearer_cache, b);
		return NULL;
	}
	INIT_LIST_HEAD(&b->dev_node);
	INIT_LIST_HEAD(&b->ue_node[GTPU_UE4]);
	INIT_LIST_HEAD(&b->ue_node[GTPU_UE6]);
	if (cfg->has_ue4) {
		b->ue_mask |= BIT(GTPU_UE4);
		b->ue_ip4 = cfg->ue_ip4;
	}
	if (cfg->has_ue6) {
		b->ue_mask |= BIT(GTPU_UE6);
		b->ue_ip6[0] = cfg->ue_ip6.s6_addr32[0];
		b->ue_ip6[1] = cfg->ue_ip6.s6_addr32[1];
	}
	return b;
}

/* Downlink key of b in family idx (the bearer keeps no UE entry pointer) */
static void bearer_ue_key(const struct gtpu_bearer *b, int idx,
			  struct gtpu_ue_key *key)
{
	struct in6_addr a = { };

	if (idx == GTPU_UE4) {
		gtpu_ue_key_v4(key, b->ue_ip4);
		return;
	}
	a.s6_addr32[0] = b->ue_ip6[0];
	a.s6_addr32[1] = b->ue_ip6[1];
	gtpu_ue_key_v6(key, &a);
}

/*
 * call_rcu, not kfree_rcu: module exit runs rcu_barrier() before it
 * destroys ue_cache, and that waits for call_rcu callbacks only.
 */
static void ue_free_rcu(struct rcu_head *head)
{
	kmem_cache_free(ue_cache, container_of(head, struct gtpu_ue, rcu));
}

/* Unbind b from its UE entries; an entry left empty is removed */
static void ue_unbind(struct gtpu_dev *gdev, struct gtpu_bearer *b)
{
	struct gtpu_cls *cls;
	struct gtpu_ue_key key;
	struct gtpu_ue *ue;
	int idx;

	lockdep_assert_held(&gdev->lock);
	for (idx = 0; idx < GTPU_UE_N; idx++) {
		/* ue_node is linked iff bind_all() ran for this family */
		if (list_empty(&b->ue_node[idx]))
			continue;
		bearer_ue_key(b, idx, &key);
		ue = gtpu_ue_lookup(gdev, &key);
		if (WARN_ON_ONCE(!ue))
			continue;
		cls = gtpu_cls_build(ue, idx, b, NULL, true, NULL);
		/* no re-init: readers may still be walking through the node */
		list_del_rcu(&b->ue_node[idx]);
		if (list_empty(&ue->bearers)) {
			rhashtable_remove_fast(&gdev->ues, &ue->node, ue_params);
			if (!IS_ERR(cls))
				kfree(cls);
			gtpu_cls_publish(ue, NULL);
			call_rcu(&ue->rcu, ue_free_rcu);
		} else if (IS_ERR(cls)) {
			gtpu_cls_forget(ue, b);
		} else {
			gtpu_cls_publish(ue, cls);
		}
	}
}

/* Undo ue_get(): the entries it created go again (readers may have seen them) */
static void ue_drop_new(struct gtpu_dev *gdev, struct gtpu_ue **ue,
			bool *created)
{
	int idx;

	lockdep_assert_held(&gdev->lock);
	for (idx = 0; idx < GTPU_UE_N; idx++) {
		if (!created[idx])
			continue;
		rhashtable_remove_fast(&gdev->ues, &ue[idx]->node, ue_params);
		call_rcu(&ue[idx]->rcu, ue_free_rcu);
		created[idx] = false;
	}
}

/*
 * The UE entries of cfg's addresses in ue[], each created (empty) where
 * there is none yet, with created[] set for those.  One hash walk per
 * address (rhashtable_lookup_get_insert_fast) instead of a lookup now and
 * an insert once the checks have passed: a new entry is visible before
 * its bearer is bound, and the datapath finds no bearer in it, as it would
 * find no entry.  On failure nothing is left created.
 */
static int ue_get(struct gtpu_dev *gdev, const struct gtpu_bearer_cfg *cfg,
		  struct gtpu_ue **ue, bool *created)
{
	struct gtpu_ue *n, *old;
	int idx;

	lockdep_assert_held(&gdev->lock);
	for (idx = 0; idx < GTPU_UE_N; idx++) {
		if (!(idx == GTPU_UE4 ? cfg->has_ue4 : cfg->has_ue6))
			continue;
		n = kmem_cache_alloc(ue_cache, GFP_KERNEL);
		if (!n) {
			old = ERR_PTR(-ENOMEM);
			goto fail;
		}
		if (idx == GTPU_UE4)
			gtpu_ue_key_v4(&n->key, cfg->ue_ip4);
		else
			gtpu_ue_key_v6(&n->key, &cfg->ue_ip6);
		INIT_LIST_HEAD(&n->bearers);
		RCU_INIT_POINTER(n->cls, NULL);
		old = rhashtable_lookup_get_insert_fast(&gdev->ues, &n->node,
							ue_params);
		if (!old) {
			ue[idx] = n;
			created[idx] = true;
			continue;
		}
		kmem_cache_free(ue_cache, n);
		if (IS_ERR(old))
			goto fail;
		ue[idx] = old;
	}
	return 0;
fail:
	ue_drop_new(gdev, ue, created);
	return PTR_ERR(old);
}

/*
 * The classifiers of the UE entries of b's addresses (mask: GTPU_UE4/6
 * bits) once b has TFT tft, built into cls[] (NULL: none needed).  This is
 * where the one-default-bearer and distinct-precedence rules are checked.
 */
static int cls_build_all(struct gtpu_ue **ue, unsigned int mask,
			 struct gtpu_bearer *b, const struct gtpu_tft *tft,
			 struct gtpu_cls **cls, struct netlink_ext_ack *extack)
{
	int idx;

	for (idx = 0; idx < GTPU_UE_N; idx++) {
		cls[idx] = NULL;
		if (!(mask & BIT(idx)))
			continue;
		cls[idx] = gtpu_cls_build(ue[idx], idx, b, tft, false, extack);
		if (IS_ERR(cls[idx])) {
			int err = PTR_ERR(cls[idx]);

			cls[idx] = NULL;
			kfree(cls[GTPU_UE4]);
			return err;
		}
	}
	return 0;
}

/*
 * The TEID is checked by the insert itself (rhashtable_lookup_insert_fast:
 * one hash walk instead of a lookup and an insert), which comes after the
 * TFT and UE address checks.  Those report a taken TEID first, as if it had
 * been checked before them: err, or -EEXIST if the TEID is in use.
 */
static int teid_first(struct gtpu_dev *gdev, const struct gtpu_bearer_cfg *cfg,
		      int err, struct netlink_ext_ack *extack)
{
	if (!gtpu_bearer_lookup_teid(gdev, cfg->local_teid))
		return err;
	NL_SET_ERR_MSG(extack, "TEID already in use");
	return -EEXIST;
}

/* Bind b to its UE entries (from ue_get) and publish their classifiers */
static void bind_all(struct gtpu_bearer *b, struct gtpu_ue **ue,
		     struct gtpu_cls **cls)
{
	int idx;

	for (idx = 0; idx < GTPU_UE_N; idx++) {
		if (!(b->ue_mask & BIT(idx)))
			continue;
		list_add_tail_rcu(&b->ue_node[idx], &ue[idx]->bearers);
		gtpu_cls_publish(ue[idx], cls[idx]);
		cls[idx] = NULL;
	}
}

/*
 * Add a bearer.  cfg has been validated by netlink.c (LOCAL_TEID, PEER and
 * at least one UE address present).  Returns the bearer (valid while
 * gdev->lock is held) or an ERR_PTR with extack set.  Errors come in this
 * order: peer family, TEID in use, TFT, UE address rules, memory.
 */
struct gtpu_bearer *gtpu_bearer_insert(struct gtpu_dev *gdev,
				       const struct gtpu_bearer_cfg *cfg,
				       struct netlink_ext_ack *extack)
{
	struct gtpu_ue *ue[GTPU_UE_N] = { };
	struct gtpu_cls *cls[GTPU_UE_N] = { };
	bool created[GTPU_UE_N] = { };
	struct gtpu_tft *tft = NULL;
	struct gtpu_bearer *b;
	struct gtpu_peer *peer;
	int err;

	lockdep_assert_held(&gdev->lock);
	err = peer_family_check(gdev, &cfg->peer, extack);
	if (err)
		return ERR_PTR(err);
	if (cfg->tft) {
		err = gtpu_tft_parse(cfg->tft, &tft, extack);
		if (err)
			return ERR_PTR(teid_first(gdev, cfg, err, extack));
	}

	err = -ENOMEM;
	b = bearer_alloc(gdev, cfg);
	if (!b) {
		kfree(tft);
		goto err_report;
	}
	RCU_INIT_POINTER(b->tft, tft);
	err = ue_get(gdev, cfg, ue, created);
	if (err)
		goto err_free_bearer;
	err = cls_build_all(ue, b->ue_mask, b, tft, cls, extack);
	if (err) {
		ue_drop_new(gdev, ue, created);
		bearer_free(b);
		return ERR_PTR(teid_first(gdev, cfg, err, extack));
	}
	err = -ENOMEM;
	peer = peer_get(gdev, &cfg->peer);
	if (!peer)
		goto err_drop_ue;
	RCU_INIT_POINTER(b->peer, peer);

	err = rhashtable_lookup_insert_fast(&gdev->teids, &b->teid_node,
					    teid_params);
	if (err)
		goto err_put_peer;
	bind_all(b, ue, cls);
	list_add_tail_rcu(&b->dev_node, &gdev->bearers);
	gdev->n_bearers++;
	WRITE_ONCE(gdev->gen, gdev->gen + 1);
	return b;

err_put_peer:
	peer_put(gdev, peer);
err_drop_ue:
	kfree(cls[GTPU_UE4]);
	kfree(cls[GTPU_UE6]);
	ue_drop_new(gdev, ue, created);
err_free_bearer:
	bearer_free(b);
err_report:
	if (err == -EEXIST)
		NL_SET_ERR_MSG(extack, "TEID already in use");
	else
		NL_SET_ERR_MSG(extack, "cannot allocate or insert the bearer");
	return ERR_PTR(err);
}

/*
 * BEARER_MOD with a TFT: replace b's whole filter list (an empty TFT makes
 * b a default bearer) if the rules of every UE entry of b still hold.
 */
static int tft_replace(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		       const struct nlattr *attr, struct netlink_ext_ack *extack)
{
	struct gtpu_ue *ue[GTPU_UE_N] = { };
	struct gtpu_cls *cls[GTPU_UE_N];
	struct gtpu_ue_key key;
	struct gtpu_tft *tft, *old;
	int idx, err;

	err = gtpu_tft_parse(attr, &tft, extack);
	if (err)
		return err;
	for (idx = 0; idx < GTPU_UE_N; idx++) {
		if (!(b->ue_mask & BIT(idx)))
			continue;
		bearer_ue_key(b, idx, &key);
		ue[idx] = gtpu_ue_lookup(gdev, &key);
	}
	err = cls_build_all(ue, b->ue_mask, b, tft, cls, extack);
	if (err) {
		kfree(tft);
		NL_SET_BAD_ATTR(extack, attr);
		return err;
	}
	old = rcu_dereference_protected(b->tft, lockdep_is_held(&gdev->lock));
	rcu_assign_pointer(b->tft, tft);
	for (idx = 0; idx < GTPU_UE_N; idx++)
		if (ue[idx])
			gtpu_cls_publish(ue[idx], cls[idx]);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

static bool ue_changes(const struct gtpu_bearer *b,
		       const struct gtpu_bearer_cfg *cfg)
{
	if (cfg->has_ue4 && (!(b->ue_mask & BIT(GTPU_UE4)) ||
			     b->ue_ip4 != cfg->ue_ip4))
		return true;
	if (cfg->has_ue6 && (!(b->ue_mask & BIT(GTPU_UE6)) ||
			     b->ue_ip6[0] != cfg->ue_ip6.s6_addr32[0] ||
			     b->ue_ip6[1] != cfg->ue_ip6.s6_addr32[1]))
		return true;
	return false;
}

/*
 * Change the remote end of a bearer (handover) and its EBI/cookie, and its
 * state (idle.c): going active sends the queued packets to the new remote
 * end.  UE addresses are keys and cannot change; repeating the same ones is
 * allowed.  A reader may see the new peer with the old remote TEID for one
 * packet.
 */
int gtpu_bearer_modify(struct gtpu_dev *gdev, struct gtpu_bearer *b,
		       const struct gtpu_bearer_cfg *cfg,
		       struct netlink_ext_ack *extack)
{
	struct gtpu_peer *old, *peer;
	struct gtpu_ambr *group;
	int err;

	lockdep_assert_held(&gdev->lock);
	if (ue_changes(b, cfg)) {
		NL_SET_ERR_MSG(extack, "UE address cannot be changed");
		return -EINVAL;
	}
	/* QoS can only fail for memory after this: nothing changed yet */
	err = gtpu_qos_check(gdev, cfg, &group, extack);
	if (err)
		return err;
	if (cfg->tft) {
		err = tft_replace(gdev, b, cfg->tft, extack);
		if (err)
			return err;
	}
	err = gtpu_qos_set(gdev, b, cfg, extack);	/* only -ENOMEM left */
	if (err)
		return err;
	if (cfg->has_peer) {
		err = peer_family_check(gdev, &cfg->peer, extack);
		if (err)
			return err;
		peer = peer_get(gdev, &cfg->peer);
		if (!peer) {
			NL_SET_ERR_MSG(extack, "cannot allocate the peer");
			return -ENOMEM;
		}
		old = rcu_dereference_protected(b->peer,
						lockdep_is_held(&gdev->lock));
		rcu_assign_pointer(b->peer, peer);
		peer_put(gdev, old);
	}
	if (cfg->has_remote_teid)
		WRITE_ONCE(b->remote_teid, cfg->remote_teid);
	if (cfg->has_ebi)
		WRITE_ONCE(b->ebi, cfg->ebi);
	if (cfg->has_cookie)
		WRITE_ONCE(b->cookie, cfg->cookie);
	WRITE_ONCE(gdev->gen, gdev->gen + 1);
	if (cfg->has_thr) {
		err = gtpu_meter_set(gdev, b, cfg, extack);
		if (err)
			return err;
	}
	if (!cfg->has_state)
		return 0;
	/* after the new remote end is in place: the queue goes there */
	if (cfg->state == GTPU_BEARER_STATE_ACTIVE) {
		gtpu_idle_activate(gdev, b);
		return 0;
	}
	return gtpu_idle_set(gdev, b, extack);
}

/* Unlink b from every table; it is freed after a grace period */
void gtpu_bearer_remove(struct gtpu_dev *gdev, struct gtpu_bearer *b)
{
	lockdep_assert_held(&gdev->lock);
	gtpu_idle_purge(gdev, b);
	gtpu_qos_release(gdev, b);
	rhashtable_remove_fast(&gdev->teids, &b->teid_node, teid_params);
	ue_unbind(gdev, b);
	list_del_rcu(&b->dev_node);
	peer_put(gdev, rcu_dereference_protected(b->peer,
						 lockdep_is_held(&gdev->lock)));
	gdev->n_bearers--;
	WRITE_ONCE(gdev->gen, gdev->gen + 1);
	call_rcu(&b->rcu, bearer_free_rcu);
}

/* Device teardown: remove every bearer, reporting each as deleted */
void gtpu_bearer_flush(struct gtpu_dev *gdev)
{
	struct gtpu_bearer *b, *tmp;

	lockdep_assert_held(&gdev->lock);
	list_for_each_entry_safe(b, tmp, &gdev->bearers, dev_node) {
		gtpu_netlink_bearer_event(gdev, b, GTPU_CMD_BEARER_DELETED);
		gtpu_bearer_remove(gdev, b);
		cond_resched();
	}
	WARN_ON_ONCE(!hash_empty(gdev->peers));
}
