/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mobility: UE address allocation from the per-APN pools of the
 * configuration, with leases persisted in SQLite so they survive a restart.
 *
 * Pool rules (Documentation/agwd-config.md "Address pools"):
 *  - IPv4 pool P/len: P (network), P+1 (the gateway's own address on the
 *    SGi side) and the last address (broadcast) are never handed out.
 *  - IPv6 prefix pool P/len hands out /64s; the first /64 (P/64) is the
 *    gateway's and is never handed out.
 *  - Static addresses (subscriber profile) must lie inside the APN's pool
 *    and not be one of the addresses above; they are reserved for their
 *    subscriber and never handed out dynamically.
 *  - A lease is (imsi, apn) -> IPv4 address and/or IPv6 /64. Asking again
 *    for the same (imsi, apn) returns the same lease.
 *  - Dynamic allocation is next-fit: a released address is reused only
 *    after the rest of the pool has been used once.
 *
 * Every function returns 0 or -errno; mob_error() says why.
 */
#ifndef AGWD_MOBILITY_H
#define AGWD_MOBILITY_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agwd/config/config.h"

enum { MOB_IPV4 = 1 << 0, MOB_IPV6 = 1 << 1 };

struct mobility;

struct mob_lease_info {
	char imsi[16];
	char apn[AGW_APN_MAX + 1];
	bool has_ipv4, has_ipv6;
	bool static_ipv4, static_ipv6;
	struct in_addr ipv4;
	struct in6_addr ipv6;		/* the /64 prefix, low 64 bits zero */
};

struct mob_pool_stats {
	char apn[AGW_APN_MAX + 1];
	int family;			/* AF_INET or AF_INET6 */
	char prefix[INET6_ADDRSTRLEN + 4];
	uint64_t size;			/* addresses (or /64s) that can be handed out */
	uint64_t in_use;		/* leased (dynamic and static) */
	uint64_t reserved;		/* static, not leased now */
	uint64_t free;			/* size - in_use - reserved */
};

/*
 * Builds the pools of cfg (kept by pointer: it must outlive the mobility)
 * and reloads the leases in db_path. Leases whose APN or pool no longer
 * fits the configuration are dropped with a warning.
 */
int mob_open(const struct agw_config *cfg, const char *db_path, struct mobility **out,
	     char *err, size_t err_size);
void mob_close(struct mobility *m);
const char *mob_error(const struct mobility *m);

/*
 * Lease for (imsi, apn) with the families in `families` (MOB_IPV4 |
 * MOB_IPV6, those the APN has pools for). static4/static6 (may be NULL):
 * the subscriber's static address, used instead of a dynamic one.
 * -ENOENT unknown APN, -EADDRNOTAVAIL pool exhausted or static address
 * outside the pool, -EADDRINUSE static address leased to someone else.
 */
int mob_alloc(struct mobility *m, const char *imsi, const char *apn, unsigned int families,
	      const struct in_addr *static4, const struct in6_addr *static6,
	      struct mob_lease_info *out);
int mob_release(struct mobility *m, const char *imsi, const char *apn);
int mob_find(struct mobility *m, const char *imsi, const char *apn, struct mob_lease_info *out);

/*
 * Can addr be the static address of imsi on apn: inside the pool, not
 * reserved, and (imsi not NULL) neither leased to nor reserved for another
 * subscriber? 0, or -errno with the reason in msg (may be NULL).
 */
int mob_check_static(struct mobility *m, const char *imsi, const char *apn, int family,
		     const void *addr, char *msg, size_t size);
/* Reserve / forget the static addresses of (imsi, apn). NULL: none of that family. */
int mob_reserve_static(struct mobility *m, const char *imsi, const char *apn,
		       const struct in_addr *a4, const struct in6_addr *a6);
void mob_unreserve_static(struct mobility *m, const char *imsi, const char *apn);
/* Forgets every static reservation (before re-reading them all). */
void mob_unreserve_all(struct mobility *m);

unsigned int mob_pool_count(const struct mobility *m);
int mob_pool_stats(const struct mobility *m, unsigned int i, struct mob_pool_stats *st);
size_t mob_lease_count(const struct mobility *m);
/* Calls fn for every lease (in no particular order); stops on non-zero. */
int mob_leases(struct mobility *m, int (*fn)(void *arg, const struct mob_lease_info *l),
	       void *arg);

#endif
