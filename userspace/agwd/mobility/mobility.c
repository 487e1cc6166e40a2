// SPDX-License-Identifier: GPL-2.0
/*
 * Mobility: pools, allocation and release of leases, reload at start.
 * Static reservations and statistics are in mob_static.c.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/mobility/mobility_int.h"
#include "lib/log.h"

int mob_fail(struct mobility *m, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->err, sizeof(m->err), fmt, ap);
	va_end(ap);
	return err;
}

const char *mob_error(const struct mobility *m)
{
	return m->err;
}

/* ------------------------------------------------------ pool indexing --- */

static uint64_t hi64(const struct in6_addr *a)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | a->s6_addr[i];
	return v;
}

int mob_apn_index(const struct mobility *m, const char *apn)
{
	const struct agw_apn_cfg *a = agw_config_apn(m->cfg, apn);

	return a ? (int)(a - m->cfg->apns) : -1;
}

struct mob_pool *mob_pool_of(struct mobility *m, unsigned int apn, int family)
{
	struct mob_pool *p = family == AF_INET ? &m->p4[apn] : &m->p6[apn];

	return p->present ? p : NULL;
}

int mob_addr_to_idx(const struct mobility *m, unsigned int apn, int family, const void *addr,
		    uint64_t *idx)
{
	const struct agw_apn_cfg *a = &m->cfg->apns[apn];

	if (family == AF_INET && a->has_ipv4_pool) {
		uint32_t net = ntohl(a->ipv4_net.s_addr);
		uint32_t x = ntohl(((const struct in_addr *)addr)->s_addr);

		*idx = (uint64_t)(x - net);
		return *idx < m->p4[apn].n ? 0 : -1;
	}
	if (family == AF_INET6 && a->has_ipv6_pool) {
		const struct in6_addr *x = addr;

		for (int i = 8; i < 16; i++)
			if (x->s6_addr[i])
				return -1;	/* not a /64 prefix */
		*idx = hi64(x) - hi64(&a->ipv6_net);
		return *idx < m->p6[apn].n ? 0 : -1;
	}
	return -1;
}

void mob_idx_to_addr(const struct mobility *m, unsigned int apn, int family, uint64_t idx,
		     void *out)
{
	const struct agw_apn_cfg *a = &m->cfg->apns[apn];

	if (family == AF_INET) {
		struct in_addr *o = out;

		o->s_addr = htonl(ntohl(a->ipv4_net.s_addr) + (uint32_t)idx);
	} else {
		struct in6_addr *o = out;
		uint64_t v = hi64(&a->ipv6_net) + idx;

		memset(o, 0, sizeof(*o));
		for (int i = 7; i >= 0; i--, v >>= 8)
			o->s6_addr[i] = (uint8_t)v;
	}
}

/* Network, gateway and broadcast (IPv4); the gateway's /64 (IPv6). */
bool mob_idx_reserved(const struct mob_pool *p, int family, uint64_t idx)
{
	if (family == AF_INET)
		return idx == 0 || idx == 1 || idx == p->n - 1;
	return idx == 0;
}

static int pool_init(struct mob_pool *p, int family, unsigned int host_bits)
{
	int ret;

	p->n = 1ULL << host_bits;
	ret = hbm_init(&p->used, p->n);
	if (ret)
		return ret;
	p->present = true;
	hbm_set(&p->used, 0);
	if (family == AF_INET) {
		hbm_set(&p->used, 1);
		hbm_set(&p->used, p->n - 1);
	}
	p->size = p->n - (family == AF_INET ? 3 : 1);
	p->cursor = family == AF_INET ? 2 : 1;
	return 0;
}

/* --------------------------------------------------------------- leases --- */

static uint64_t lease_key(const void *o)
{
	const struct mob_lease *l = o;

	return mob_key_lease(l->imsi, l->apn);
}

static uint64_t addr_key(const void *o)
{
	const struct mob_addr *a = o;

	return mob_key_addr(a->apn, a->family, a->idx);
}

static uint64_t owner_key(const void *o)
{
	const struct mob_addr *a = o;

	return mob_key_lease(a->owner, a->apn);
}

struct mob_lease *mob_lease_lookup(const struct mobility *m, const char *imsi, unsigned int apn)
{
	struct mob_lease *l = mob_hash_head(&m->leases, mob_key_lease(imsi, apn));

	for (; l; l = mob_hash_next(&m->leases, l))
		if (l->apn == apn && !strcmp(l->imsi, imsi))
			return l;
	return NULL;
}

struct mob_addr *mob_addr_lookup(const struct mobility *m, unsigned int apn, int family,
				 uint64_t idx)
{
	struct mob_addr *a = mob_hash_head(&m->addrs, mob_key_addr(apn, family, idx));

	for (; a; a = mob_hash_next(&m->addrs, a))
		if (a->apn == apn && a->family == family && a->idx == idx)
			return a;
	return NULL;
}

static void lease_info(const struct mobility *m, const struct mob_lease *l,
		       struct mob_lease_info *out)
{
	memset(out, 0, sizeof(*out));
	snprintf(out->imsi, sizeof(out->imsi), "%s", l->imsi);
	snprintf(out->apn, sizeof(out->apn), "%s", m->cfg->apns[l->apn].name);
	if (l->a4) {
		out->has_ipv4 = true;
		out->static_ipv4 = l->static4;
		mob_idx_to_addr(m, l->apn, AF_INET, l->a4->idx, &out->ipv4);
	}
	if (l->a6) {
		out->has_ipv6 = true;
		out->static_ipv6 = l->static6;
		mob_idx_to_addr(m, l->apn, AF_INET6, l->a6->idx, &out->ipv6);
	}
}

/* Frees the address if nothing holds it any more. */
void mob_addr_put(struct mobility *m, struct mob_addr *a)
{
	struct mob_pool *p = mob_pool_of(m, a->apn, a->family);

	if (a->lease || a->owner[0])
		return;
	mob_hash_remove(&m->addrs, a);
	hbm_clear(&p->used, a->idx);
	free(a);
}

static void addr_unlease(struct mobility *m, struct mob_addr *a)
{
	struct mob_pool *p;

	if (!a)
		return;
	p = mob_pool_of(m, a->apn, a->family);
	a->lease = NULL;
	p->in_use--;
	if (a->owner[0])
		p->reserved++;
	mob_addr_put(m, a);
}

/*
 * Takes an address of one family for lease l: the static one if given,
 * else the next free one. Returns the entry, or NULL with m->err set.
 */
static struct mob_addr *addr_take(struct mobility *m, struct mob_lease *l, int family,
				  const void *want, int *err)
{
	struct mob_pool *p = mob_pool_of(m, l->apn, family);
	const char *fam = family == AF_INET ? "IPv4" : "IPv6";
	struct mob_addr *a;
	uint64_t idx;

	if (want) {
		char buf[INET6_ADDRSTRLEN];

		*err = mob_check_static(m, NULL, m->cfg->apns[l->apn].name, family, want, buf,
					sizeof(buf));
		if (*err)
			return NULL;
		mob_addr_to_idx(m, l->apn, family, want, &idx);
		a = mob_addr_lookup(m, l->apn, family, idx);
		inet_ntop(family, want, buf, sizeof(buf));
		if (a && a->lease) {
			*err = mob_fail(m, -EADDRINUSE, "%s is leased to %s", buf, a->lease->imsi);
			return NULL;
		}
		if (a && a->owner[0] && strcmp(a->owner, l->imsi)) {
			*err = mob_fail(m, -EADDRINUSE, "%s is the static address of %s", buf,
					a->owner);
			return NULL;
		}
		if (a) {
			p->reserved--;	/* a reservation of ours becomes a lease */
			goto found;
		}
	} else {
		int64_t i = hbm_find_clear(&p->used, p->cursor);

		if (i < 0) {
			*err = mob_fail(m, -EADDRNOTAVAIL, "%s pool of APN %s is exhausted", fam,
					m->cfg->apns[l->apn].name);
			return NULL;
		}
		idx = (uint64_t)i;
		p->cursor = idx + 1 < p->n ? idx + 1 : 0;
	}
	a = calloc(1, sizeof(*a));
	if (!a) {
		*err = mob_fail(m, -ENOMEM, "out of memory");
		return NULL;
	}
	*a = (struct mob_addr){ .apn = l->apn, .family = family, .idx = idx };
	hbm_set(&p->used, idx);
	mob_hash_insert(&m->addrs, a);
found:
	a->lease = l;
	p->in_use++;
	return a;
}

static void lease_free(struct mobility *m, struct mob_lease *l)
{
	addr_unlease(m, l->a4);
	addr_unlease(m, l->a6);
	mob_hash_remove(&m->leases, l);
	free(l);
}

/* Allocation without persistence (also used by the reload). */
static int alloc_mem(struct mobility *m, const char *imsi, unsigned int apn,
		     unsigned int families, const struct in_addr *s4,
		     const struct in6_addr *s6, struct mob_lease **out)
{
	struct mob_lease *l = mob_lease_lookup(m, imsi, apn);
	bool fresh = !l;
	int err = 0;

	if (!l) {
		l = calloc(1, sizeof(*l));
		if (!l)
			return mob_fail(m, -ENOMEM, "out of memory");
		snprintf(l->imsi, sizeof(l->imsi), "%s", imsi);
		l->apn = apn;
		mob_hash_insert(&m->leases, l);
	}
	if ((families & MOB_IPV4) && !l->a4) {
		l->a4 = addr_take(m, l, AF_INET, s4, &err);
		l->static4 = l->a4 && s4;
	}
	if (!err && (families & MOB_IPV6) && !l->a6) {
		l->a6 = addr_take(m, l, AF_INET6, s6, &err);
		l->static6 = l->a6 && s6;
	}
	if (err && fresh) {
		lease_free(m, l);
		return err;
	}
	*out = l;
	return err;
}

int mob_alloc(struct mobility *m, const char *imsi, const char *apn, unsigned int families,
	      const struct in_addr *static4, const struct in6_addr *static6,
	      struct mob_lease_info *out)
{
	int ai = mob_apn_index(m, apn), err;
	struct mob_lease *l;
	bool had4, had6;
	char msg[256];

	if (ai < 0)
		return mob_fail(m, -ENOENT, "APN %s is not configured", apn);
	if (strlen(imsi) > 15)
		return mob_fail(m, -EINVAL, "IMSI too long");
	if (!m->p4[ai].present)
		families &= ~(unsigned int)MOB_IPV4;
	if (!m->p6[ai].present)
		families &= ~(unsigned int)MOB_IPV6;
	if (!families)
		return mob_fail(m, -EADDRNOTAVAIL, "APN %s has no pool of the requested family",
				apn);
	l = mob_lease_lookup(m, imsi, (unsigned int)ai);
	had4 = l && l->a4;
	had6 = l && l->a6;
	err = alloc_mem(m, imsi, (unsigned int)ai, families, static4, static6, &l);
	if (err && !l)
		return err;
	if (!err && (had4 != !!l->a4 || had6 != !!l->a6)) {
		lease_info(m, l, out);
		err = lease_db_put(m->db, out, msg, sizeof(msg));
		if (err)
			mob_fail(m, err, "lease store: %s", msg);
	}
	if (err) {	/* undo what this call added to an existing lease */
		if (!had4 && l->a4) {
			addr_unlease(m, l->a4);
			l->a4 = NULL;
		}
		if (!had6 && l->a6) {
			addr_unlease(m, l->a6);
			l->a6 = NULL;
		}
		if (!l->a4 && !l->a6)
			lease_free(m, l);
		return err;
	}
	lease_info(m, l, out);
	return 0;
}

int mob_release(struct mobility *m, const char *imsi, const char *apn)
{
	int ai = mob_apn_index(m, apn), err;
	struct mob_lease *l = ai < 0 ? NULL : mob_lease_lookup(m, imsi, (unsigned int)ai);
	char msg[256];

	if (!l)
		return mob_fail(m, -ENOENT, "no lease for %s on APN %s", imsi, apn);
	err = lease_db_del(m->db, imsi, m->cfg->apns[ai].name, msg, sizeof(msg));
	if (err)
		return mob_fail(m, err, "lease store: %s", msg);
	lease_free(m, l);
	return 0;
}

int mob_find(struct mobility *m, const char *imsi, const char *apn, struct mob_lease_info *out)
{
	int ai = mob_apn_index(m, apn);
	struct mob_lease *l = ai < 0 ? NULL : mob_lease_lookup(m, imsi, (unsigned int)ai);

	if (!l)
		return mob_fail(m, -ENOENT, "no lease for %s on APN %s", imsi, apn);
	lease_info(m, l, out);
	return 0;
}

size_t mob_lease_count(const struct mobility *m)
{
	return m->leases.count;
}

int mob_leases(struct mobility *m, int (*fn)(void *arg, const struct mob_lease_info *l),
	       void *arg)
{
	for (size_t i = 0; i < m->leases.n_buckets; i++) {
		for (struct mob_lease *l = m->leases.b[i]; l; l = l->next) {
			struct mob_lease_info info;
			int ret;

			lease_info(m, l, &info);
			ret = fn(arg, &info);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/* ------------------------------------------------------ open and close --- */

/* One persisted lease back into memory; misfits are dropped. */
static int reload_one(void *arg, const struct mob_lease_info *li)
{
	struct mobility *m = arg;
	int ai = mob_apn_index(m, li->apn), err = -ENOENT;
	unsigned int fam = (li->has_ipv4 ? MOB_IPV4 : 0) | (li->has_ipv6 ? MOB_IPV6 : 0);
	struct mob_lease *l = NULL;
	char msg[256];

	if (ai >= 0)
		err = alloc_mem(m, li->imsi, (unsigned int)ai, fam, li->has_ipv4 ? &li->ipv4 : NULL,
				li->has_ipv6 ? &li->ipv6 : NULL, &l);
	if (!err && l) {
		/* alloc_mem marks them static; restore what was recorded */
		l->static4 = li->static_ipv4;
		l->static6 = li->static_ipv6;
		return 0;
	}
	log_warn("mobility", "dropping the lease of %s on APN %s: %s", li->imsi, li->apn,
		 ai < 0 ? "APN no longer configured" : m->err);
	if (l)
		lease_free(m, l);
	lease_db_del(m->db, li->imsi, li->apn, msg, sizeof(msg));
	return 0;
}

static int pools_init(struct mobility *m)
{
	for (unsigned int i = 0; i < m->cfg->n_apns; i++) {
		const struct agw_apn_cfg *a = &m->cfg->apns[i];

		if (a->has_ipv4_pool && pool_init(&m->p4[i], AF_INET, 32 - a->ipv4_len))
			return mob_fail(m, -ENOMEM, "APN %s: no memory for the IPv4 pool", a->name);
		if (a->has_ipv6_pool && pool_init(&m->p6[i], AF_INET6, 64 - a->ipv6_len))
			return mob_fail(m, -ENOMEM, "APN %s: no memory for the IPv6 pool", a->name);
	}
	return 0;
}

int mob_open(const struct agw_config *cfg, const char *db_path, struct mobility **out,
	     char *err, size_t err_size)
{
	struct mobility *m = calloc(1, sizeof(*m));
	int ret;

	if (!m)
		return -ENOMEM;
	m->cfg = cfg;
	ret = mob_hash_init(&m->leases, offsetof(struct mob_lease, next), lease_key);
	if (!ret)
		ret = mob_hash_init(&m->addrs, offsetof(struct mob_addr, next), addr_key);
	if (!ret)
		ret = mob_hash_init(&m->statics, offsetof(struct mob_addr, onext), owner_key);
	if (ret)
		mob_fail(m, ret, "out of memory");
	if (!ret)
		ret = pools_init(m);
	if (!ret)
		ret = lease_db_open(db_path, &m->db, m->err, sizeof(m->err));
	if (!ret)
		ret = lease_db_load(m->db, reload_one, m, m->err, sizeof(m->err));
	if (ret) {
		snprintf(err, err_size, "%s", m->err);
		mob_close(m);
		return ret;
	}
	*out = m;
	return 0;
}

void mob_close(struct mobility *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->addrs.n_buckets; i++) {
		struct mob_addr *a = m->addrs.b[i];

		while (a) {
			struct mob_addr *next = a->next;

			free(a);
			a = next;
		}
	}
	for (size_t i = 0; i < m->leases.n_buckets; i++) {
		struct mob_lease *l = m->leases.b[i];

		while (l) {
			struct mob_lease *next = l->next;

			free(l);
			l = next;
		}
	}
	mob_hash_free(&m->leases);
	mob_hash_free(&m->addrs);
	mob_hash_free(&m->statics);
	for (unsigned int i = 0; i < AGW_MAX_APNS; i++) {
		if (m->p4[i].present)
			hbm_free(&m->p4[i].used);
		if (m->p6[i].present)
			hbm_free(&m->p6[i].used);
	}
	lease_db_close(m->db);
	free(m);
}
