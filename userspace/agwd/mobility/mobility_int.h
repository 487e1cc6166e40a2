/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to agwd/mobility: pools, leases and their SQLite table. */
#ifndef AGWD_MOBILITY_INT_H
#define AGWD_MOBILITY_INT_H

#include "agwd/mobility/bitmap.h"
#include "agwd/mobility/mobility.h"

/* One family of one APN: index i is network + i (addresses or /64s). */
struct mob_pool {
	bool present;
	struct hbitmap used;	/* leased, reserved static, or never handed out */
	uint64_t n;		/* 2^(host bits) */
	uint64_t size;		/* n minus the addresses never handed out */
	uint64_t cursor;	/* next-fit position */
	uint64_t in_use, reserved;
};

/*
 * A taken address: leased (lease != NULL), reserved as a subscriber's
 * static address (owner[0] != 0), or both. Hashed by (apn, family, idx) in
 * mobility.addrs and, when owned, by (owner, apn) in mobility.statics.
 */
struct mob_addr {
	struct mob_addr *next;
	struct mob_addr *onext;
	struct mob_lease *lease;
	char owner[16];
	unsigned int apn;
	int family;
	uint64_t idx;
};

/* A lease, hashed by (imsi, apn) in mobility.leases. */
struct mob_lease {
	struct mob_lease *next;
	char imsi[16];
	unsigned int apn;
	struct mob_addr *a4, *a6;
	bool static4, static6;	/* the caller asked for these addresses */
};

/* Chained hash table; link_off is the offset of the chain pointer. */
struct mob_hash {
	void **b;
	size_t n_buckets, count, link_off;
	uint64_t (*key)(const void *obj);
};

struct lease_db;

struct mobility {
	const struct agw_config *cfg;
	struct mob_pool p4[AGW_MAX_APNS], p6[AGW_MAX_APNS];
	struct mob_hash leases, addrs, statics;
	struct lease_db *db;
	char err[256];
};

int mob_fail(struct mobility *m, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* mobility.c */
int mob_apn_index(const struct mobility *m, const char *apn);
struct mob_pool *mob_pool_of(struct mobility *m, unsigned int apn, int family);
/* 0 and the pool index of addr, or -1 if addr is outside the pool */
int mob_addr_to_idx(const struct mobility *m, unsigned int apn, int family, const void *addr,
		    uint64_t *idx);
void mob_idx_to_addr(const struct mobility *m, unsigned int apn, int family, uint64_t idx,
		     void *out);
bool mob_idx_reserved(const struct mob_pool *p, int family, uint64_t idx);
struct mob_lease *mob_lease_lookup(const struct mobility *m, const char *imsi,
				   unsigned int apn);
struct mob_addr *mob_addr_lookup(const struct mobility *m, unsigned int apn, int family,
				 uint64_t idx);
void mob_addr_put(struct mobility *m, struct mob_addr *a);

/* mob_hash.c */
int mob_hash_init(struct mob_hash *h, size_t link_off, uint64_t (*key)(const void *obj));
void mob_hash_free(struct mob_hash *h);
int mob_hash_insert(struct mob_hash *h, void *obj);
void mob_hash_remove(struct mob_hash *h, void *obj);
/* Head of the chain for key; walk it with mob_hash_next(). */
void *mob_hash_head(const struct mob_hash *h, uint64_t key);
void *mob_hash_next(const struct mob_hash *h, const void *obj);
uint64_t mob_hash_bytes(const void *p, size_t n, uint64_t seed);
uint64_t mob_key_lease(const char *imsi, unsigned int apn);
uint64_t mob_key_addr(unsigned int apn, int family, uint64_t idx);

/* lease_db.c: one row per lease, (imsi, apn) primary key */
int lease_db_open(const char *path, struct lease_db **out, char *err, size_t size);
void lease_db_close(struct lease_db *db);
int lease_db_put(struct lease_db *db, const struct mob_lease_info *l, char *err, size_t size);
int lease_db_del(struct lease_db *db, const char *imsi, const char *apn, char *err,
		 size_t size);
int lease_db_load(struct lease_db *db, int (*fn)(void *arg, const struct mob_lease_info *l),
		  void *arg, char *err, size_t size);

#endif
