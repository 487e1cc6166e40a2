// SPDX-License-Identifier: GPL-2.0
/*
 * Mobility: static address reservations and pool statistics.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/mobility/mobility_int.h"

static int static_free_for(struct mobility *m, const char *imsi, unsigned int apn,
			   int family, const void *addr);

int mob_check_static(struct mobility *m, const char *imsi, const char *apn, int family,
		     const void *addr, char *msg, size_t size)
{
	int ai = mob_apn_index(m, apn);
	char buf[INET6_ADDRSTRLEN] = "?";
	struct mob_pool *p;
	uint64_t idx;
	int err = 0;

	inet_ntop(family, addr, buf, sizeof(buf));
	if (ai < 0)
		err = mob_fail(m, -ENOENT, "APN %s is not configured", apn);
	else if (!(p = mob_pool_of(m, (unsigned int)ai, family)))
		err = mob_fail(m, -EADDRNOTAVAIL, "APN %s has no %s pool", apn,
			       family == AF_INET ? "IPv4" : "IPv6");
	else if (mob_addr_to_idx(m, (unsigned int)ai, family, addr, &idx))
		err = mob_fail(m, -EADDRNOTAVAIL, "%s is outside the %s pool of APN %s%s", buf,
			       family == AF_INET ? "IPv4" : "IPv6", apn,
			       family == AF_INET6 ? " (or not a /64 prefix)" : "");
	else if (mob_idx_reserved(p, family, idx))
		err = mob_fail(m, -EADDRNOTAVAIL, "%s is the %s of the pool of APN %s", buf,
			       family == AF_INET6 ? "gateway's /64" :
			       idx == 0 ? "network address" :
			       idx == 1 ? "gateway address" : "broadcast address", apn);
	else if (imsi)
		err = static_free_for(m, imsi, (unsigned int)ai, family, addr);
	if (err && msg)
		snprintf(msg, size, "%s", m->err);
	return err;
}

/* 0 if (imsi, apn) may own the address, else -EADDRINUSE. */
static int static_free_for(struct mobility *m, const char *imsi, unsigned int apn,
			   int family, const void *addr)
{
	struct mob_addr *a;
	char buf[INET6_ADDRSTRLEN];
	uint64_t idx;

	mob_addr_to_idx(m, apn, family, addr, &idx);
	a = mob_addr_lookup(m, apn, family, idx);
	if (!a)
		return 0;
	inet_ntop(family, addr, buf, sizeof(buf));
	if (a->owner[0] && strcmp(a->owner, imsi))
		return mob_fail(m, -EADDRINUSE, "%s is already the static address of %s", buf,
				a->owner);
	if (a->lease && strcmp(a->lease->imsi, imsi))
		return mob_fail(m, -EADDRINUSE, "%s is leased to %s", buf, a->lease->imsi);
	return 0;
}

static int reserve_one(struct mobility *m, const char *imsi, unsigned int apn, int family,
		       const void *addr)
{
	struct mob_pool *p = mob_pool_of(m, apn, family);
	struct mob_addr *a;
	uint64_t idx;

	mob_addr_to_idx(m, apn, family, addr, &idx);
	a = mob_addr_lookup(m, apn, family, idx);
	if (!a) {
		a = calloc(1, sizeof(*a));
		if (!a)
			return mob_fail(m, -ENOMEM, "out of memory");
		*a = (struct mob_addr){ .apn = apn, .family = family, .idx = idx };
		hbm_set(&p->used, idx);
		mob_hash_insert(&m->addrs, a);
		p->reserved++;
	}
	/* else: already leased to this subscriber, it becomes its static address */
	snprintf(a->owner, sizeof(a->owner), "%s", imsi);
	mob_hash_insert(&m->statics, a);
	return 0;
}

int mob_reserve_static(struct mobility *m, const char *imsi, const char *apn,
		       const struct in_addr *a4, const struct in6_addr *a6)
{
	int ai = mob_apn_index(m, apn), err = 0;

	if (ai < 0)
		return mob_fail(m, -ENOENT, "APN %s is not configured", apn);
	if (strlen(imsi) > 15)
		return mob_fail(m, -EINVAL, "IMSI too long");
	/* check everything first, so a refusal changes nothing */
	if (a4)
		err = mob_check_static(m, imsi, apn, AF_INET, a4, NULL, 0);
	if (!err && a6)
		err = mob_check_static(m, imsi, apn, AF_INET6, a6, NULL, 0);
	if (err)
		return err;
	mob_unreserve_static(m, imsi, apn);
	if (a4)
		err = reserve_one(m, imsi, (unsigned int)ai, AF_INET, a4);
	if (!err && a6)
		err = reserve_one(m, imsi, (unsigned int)ai, AF_INET6, a6);
	return err;
}

void mob_unreserve_static(struct mobility *m, const char *imsi, const char *apn)
{
	int ai = mob_apn_index(m, apn);
	struct mob_addr *a, *next;

	if (ai < 0)
		return;
	a = mob_hash_head(&m->statics, mob_key_lease(imsi, (unsigned int)ai));
	for (; a; a = next) {
		next = a->onext;
		if (a->apn != (unsigned int)ai || strcmp(a->owner, imsi))
			continue;
		mob_hash_remove(&m->statics, a);
		a->owner[0] = 0;
		/* a leased address stays with its lease until released */
		if (!a->lease)
			mob_pool_of(m, a->apn, a->family)->reserved--;
		mob_addr_put(m, a);
	}
}

void mob_unreserve_all(struct mobility *m)
{
	for (size_t i = 0; i < m->statics.n_buckets; i++) {
		while (m->statics.b[i]) {
			struct mob_addr *a = m->statics.b[i];
			char owner[sizeof(a->owner)];

			/* a->owner is cleared on the way: pass a copy */
			memcpy(owner, a->owner, sizeof(owner));
			mob_unreserve_static(m, owner, m->cfg->apns[a->apn].name);
		}
	}
}

/* ----------------------------------------------------------- statistics --- */

unsigned int mob_pool_count(const struct mobility *m)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < m->cfg->n_apns; i++)
		n += m->p4[i].present + m->p6[i].present;
	return n;
}

int mob_pool_stats(const struct mobility *m, unsigned int i, struct mob_pool_stats *st)
{
	for (unsigned int a = 0; a < m->cfg->n_apns; a++) {
		const struct agw_apn_cfg *apn = &m->cfg->apns[a];
		const struct mob_pool *pools[2] = { &m->p4[a], &m->p6[a] };

		for (int f = 0; f < 2; f++) {
			const struct mob_pool *p = pools[f];
			char net[INET6_ADDRSTRLEN];

			if (!p->present || i--)
				continue;
			memset(st, 0, sizeof(*st));
			snprintf(st->apn, sizeof(st->apn), "%s", apn->name);
			st->family = f ? AF_INET6 : AF_INET;
			inet_ntop(st->family, f ? (const void *)&apn->ipv6_net :
				  (const void *)&apn->ipv4_net, net, sizeof(net));
			snprintf(st->prefix, sizeof(st->prefix), "%s/%u", net,
				 f ? apn->ipv6_len : apn->ipv4_len);
			st->size = p->size;
			st->in_use = p->in_use;
			st->reserved = p->reserved;
			st->free = p->size - p->in_use - p->reserved;
			return 0;
		}
	}
	return -ENOENT;
}
