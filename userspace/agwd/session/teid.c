// SPDX-License-Identifier: GPL-2.0
/*
 * S1-U TEID allocation: next-fit over 1..2^32-1 with a hash of the TEIDs
 * in use, each mapped back to its (UE uid, EBI).
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/random.h>

#include "agwd/session/session.h"

#define MIN_BUCKETS 1024

struct teid_node {
	struct teid_node *next;
	uint32_t teid;
	uint8_t ebi;
	uint64_t uid;
};

struct sess_table {
	struct teid_node **b;
	size_t n, count;
	uint32_t cursor;
};

static size_t slot(const struct sess_table *t, uint32_t teid)
{
	return (size_t)((teid * 0x9e3779b97f4a7c15ULL) >> 20) & (t->n - 1);
}

int sess_table_new(struct sess_table **out)
{
	struct sess_table *t = calloc(1, sizeof(*t));

	if (!t)
		return -ENOMEM;
	t->n = MIN_BUCKETS;
	t->b = calloc(t->n, sizeof(*t->b));
	if (!t->b) {
		free(t);
		return -ENOMEM;
	}
	/* start somewhere random so a restart without state does not reuse TEIDs */
	if (getrandom(&t->cursor, sizeof(t->cursor), 0) != sizeof(t->cursor))
		t->cursor = 1;
	*out = t;
	return 0;
}

void sess_table_free(struct sess_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		for (struct teid_node *n = t->b[i], *next; n; n = next) {
			next = n->next;
			free(n);
		}
	free(t->b);
	free(t);
}

static struct teid_node *find(const struct sess_table *t, uint32_t teid)
{
	for (struct teid_node *n = t->b[slot(t, teid)]; n; n = n->next)
		if (n->teid == teid)
			return n;
	return NULL;
}

static void grow(struct sess_table *t)
{
	size_t old = t->n;
	struct teid_node **ob = t->b, **nb = calloc(old * 2, sizeof(*nb));

	if (!nb)
		return;
	t->b = nb;
	t->n = old * 2;
	for (size_t i = 0; i < old; i++)
		for (struct teid_node *n = ob[i], *next; n; n = next) {
			size_t j = slot(t, n->teid);

			next = n->next;
			n->next = nb[j];
			nb[j] = n;
		}
	free(ob);
}

int sess_teid_claim(struct sess_table *t, uint32_t teid, uint64_t uid, uint8_t ebi)
{
	struct teid_node *n;
	size_t j;

	if (!teid)
		return -EINVAL;
	if (find(t, teid))
		return -EEXIST;
	n = calloc(1, sizeof(*n));
	if (!n)
		return -ENOMEM;
	if (t->count >= t->n)
		grow(t);
	n->teid = teid;
	n->uid = uid;
	n->ebi = ebi;
	j = slot(t, teid);
	n->next = t->b[j];
	t->b[j] = n;
	t->count++;
	return 0;
}

uint32_t sess_teid_alloc(struct sess_table *t, uint64_t uid, uint8_t ebi)
{
	if (t->count >= 0xfffffff0u)
		return 0;
	do {
		t->cursor++;
	} while (!t->cursor || find(t, t->cursor));
	return sess_teid_claim(t, t->cursor, uid, ebi) ? 0 : t->cursor;
}

void sess_teid_release(struct sess_table *t, uint32_t teid)
{
	struct teid_node **p = &t->b[slot(t, teid)];

	while (*p && (*p)->teid != teid)
		p = &(*p)->next;
	if (*p) {
		struct teid_node *n = *p;

		*p = n->next;
		free(n);
		t->count--;
	}
}

int sess_teid_lookup(const struct sess_table *t, uint32_t teid, uint64_t *uid, uint8_t *ebi)
{
	struct teid_node *n = find(t, teid);

	if (!n)
		return -ENOENT;
	*uid = n->uid;
	*ebi = n->ebi;
	return 0;
}

size_t sess_teid_count(const struct sess_table *t)
{
	return t->count;
}
