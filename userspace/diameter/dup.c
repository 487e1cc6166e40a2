// SPDX-License-Identifier: GPL-2.0
/*
 * Duplicate detection of requests received (RFC 6733 6.2, 5.5.4): the
 * answers we sent, keyed by the request's (Origin-Host, End-to-End id),
 * kept for dup_ttl_ms and at most dup_entries of them (oldest first out).
 * A T-flagged request whose key is known gets the kept answer again; one
 * that is still being processed (held by a handler) gets its answer sent
 * to the peer the duplicate came from.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diameter/diam_int.h"

struct dup_entry {
	struct dup_entry *hnext;	/* bucket chain */
	struct dup_entry *qnext;	/* age order */
	uint64_t born;
	uint64_t hash;
	uint32_t e2e;
	uint64_t peer_id;		/* the latest copy of the request came from */
	uint32_t hbh;			/* with this Hop-by-Hop id */
	uint8_t *ans;
	size_t alen;
	char host[];
};

/* Answers are ours and small, but bound their octets too */
#define DUP_MAX_OCTETS	(16u << 20)

struct dup_cache {
	struct dup_entry **buckets;
	size_t n_buckets, count, octets;
	struct dup_entry *head, *tail;
};

static uint64_t key_hash(const char *host, uint32_t e2e)
{
	uint64_t h = 1469598103934665603ULL;

	for (const char *p = host; *p; p++)
		h = (h ^ (uint8_t)tolower((unsigned char)*p)) * 1099511628211ULL;
	for (int i = 0; i < 4; i++)
		h = (h ^ ((e2e >> (8 * i)) & 0xff)) * 1099511628211ULL;
	return h;
}

static struct dup_cache *cache(struct diam_node *n)
{
	struct dup_cache *c = n->dups;
	size_t nb = 64;

	if (c)
		return c;
	while (nb < n->dup_entries)
		nb *= 2;
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->buckets = calloc(nb, sizeof(*c->buckets));
	if (!c->buckets) {
		free(c);
		return NULL;
	}
	c->n_buckets = nb;
	n->dups = c;
	return c;
}

static void drop_oldest(struct dup_cache *c)
{
	struct dup_entry *e = c->head, **pp;

	c->head = e->qnext;
	if (!c->head)
		c->tail = NULL;
	for (pp = &c->buckets[e->hash & (c->n_buckets - 1)]; *pp; pp = &(*pp)->hnext)
		if (*pp == e) {
			*pp = e->hnext;
			break;
		}
	c->count--;
	c->octets -= e->alen;
	free(e->ans);
	free(e);
}

static void expire(struct diam_node *n, struct dup_cache *c)
{
	uint64_t now = node_now(n);

	while (c->head && (c->count >= n->dup_entries || c->octets > DUP_MAX_OCTETS ||
			   c->head->born + n->dup_ttl_ms < now))
		drop_oldest(c);
}

struct dup_entry *dup_find(struct diam_node *n, const char *host, uint32_t e2e)
{
	struct dup_cache *c = n->dups;
	uint64_t h;

	if (!c)
		return NULL;
	h = key_hash(host, e2e);
	for (struct dup_entry *e = c->buckets[h & (c->n_buckets - 1)]; e; e = e->hnext)
		if (e->hash == h && e->e2e == e2e && !strcasecmp(e->host, host) &&
		    e->born + n->dup_ttl_ms >= node_now(n))
			return e;
	return NULL;
}

struct dup_entry *dup_add(struct diam_node *n, const char *host, uint32_t e2e, uint64_t peer_id,
			  uint32_t hbh)
{
	struct dup_cache *c = cache(n);
	size_t hl = strlen(host) + 1;
	struct dup_entry *e;

	if (!c)
		return NULL;
	expire(n, c);
	e = calloc(1, sizeof(*e) + hl);
	if (!e)
		return NULL;
	memcpy(e->host, host, hl);
	e->e2e = e2e;
	e->hash = key_hash(host, e2e);
	e->born = node_now(n);
	e->peer_id = peer_id;
	e->hbh = hbh;
	e->hnext = c->buckets[e->hash & (c->n_buckets - 1)];
	c->buckets[e->hash & (c->n_buckets - 1)] = e;
	if (c->tail)
		c->tail->qnext = e;
	else
		c->head = e;
	c->tail = e;
	c->count++;
	return e;
}

void dup_set_answer(struct diam_node *n, struct dup_entry *e, const uint8_t *ans, size_t len)
{
	uint8_t *copy = malloc(len);

	if (!copy)
		return;
	memcpy(copy, ans, len);
	free(e->ans);
	n->dups->octets += len - e->alen;
	e->ans = copy;
	e->alen = len;
}

const uint8_t *dup_answer(const struct dup_entry *e, size_t *len)
{
	*len = e->alen;
	return e->ans;
}

void dup_set_peer(struct dup_entry *e, uint64_t peer_id, uint32_t hbh)
{
	e->peer_id = peer_id;
	e->hbh = hbh;
}

uint64_t dup_peer(const struct dup_entry *e, uint32_t *hbh)
{
	*hbh = e->hbh;
	return e->peer_id;
}

void dup_free_all(struct diam_node *n)
{
	struct dup_cache *c = n->dups;

	if (!c)
		return;
	while (c->head)
		drop_oldest(c);
	free(c->buckets);
	free(c);
	n->dups = NULL;
}
