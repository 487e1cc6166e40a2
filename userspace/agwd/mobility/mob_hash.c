// SPDX-License-Identifier: GPL-2.0
/*
 * Chained hash tables of the mobility module (leases by IMSI and APN,
 * addresses by pool index), growing by doubling: O(1) on average.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/mobility/mobility_int.h"

#define MIN_BUCKETS 256

static void **link_of(const struct mob_hash *h, const void *obj)
{
	return (void **)((char *)obj + h->link_off);
}

uint64_t mob_hash_bytes(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *c = p;
	uint64_t x = seed ^ 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (size_t i = 0; i < n; i++) {
		x ^= c[i];
		x *= 0x100000001b3ULL;
	}
	return x ^ (x >> 29);
}

uint64_t mob_key_lease(const char *imsi, unsigned int apn)
{
	return mob_hash_bytes(imsi, strlen(imsi), apn);
}

uint64_t mob_key_addr(unsigned int apn, int family, uint64_t idx)
{
	uint64_t k[2] = { idx, (uint64_t)apn << 8 | (unsigned int)family };

	return mob_hash_bytes(k, sizeof(k), 0);
}

int mob_hash_init(struct mob_hash *h, size_t link_off, uint64_t (*key)(const void *obj))
{
	*h = (struct mob_hash){ .link_off = link_off, .key = key, .n_buckets = MIN_BUCKETS };
	h->b = calloc(h->n_buckets, sizeof(void *));
	return h->b ? 0 : -ENOMEM;
}

void mob_hash_free(struct mob_hash *h)
{
	free(h->b);
	h->b = NULL;
	h->count = h->n_buckets = 0;
}

static void grow(struct mob_hash *h)
{
	size_t n = h->n_buckets * 2;
	void **b = calloc(n, sizeof(void *));

	if (!b)
		return;		/* keep working with longer chains */
	for (size_t i = 0; i < h->n_buckets; i++) {
		void *o = h->b[i];

		while (o) {
			void *next = *link_of(h, o);
			size_t j = h->key(o) & (n - 1);

			*link_of(h, o) = b[j];
			b[j] = o;
			o = next;
		}
	}
	free(h->b);
	h->b = b;
	h->n_buckets = n;
}

int mob_hash_insert(struct mob_hash *h, void *obj)
{
	size_t i;

	if (h->count >= h->n_buckets)
		grow(h);
	i = h->key(obj) & (h->n_buckets - 1);
	*link_of(h, obj) = h->b[i];
	h->b[i] = obj;
	h->count++;
	return 0;
}

void mob_hash_remove(struct mob_hash *h, void *obj)
{
	void **p = &h->b[h->key(obj) & (h->n_buckets - 1)];

	while (*p && *p != obj)
		p = link_of(h, *p);
	if (*p) {
		*p = *link_of(h, obj);
		h->count--;
	}
}

void *mob_hash_head(const struct mob_hash *h, uint64_t key)
{
	return h->b[key & (h->n_buckets - 1)];
}

void *mob_hash_next(const struct mob_hash *h, const void *obj)
{
	return *link_of(h, obj);
}
