// SPDX-License-Identifier: GPL-2.0
/*
 * Hierarchical bitmap (bitmap.h).
 */
#include <errno.h>
#include <stdlib.h>

#include "agwd/mobility/bitmap.h"

#define FULL (~0ULL)

int hbm_init(struct hbitmap *b, uint64_t nbits)
{
	uint64_t bits = nbits;

	*b = (struct hbitmap){ .nbits = nbits };
	if (nbits == 0 || nbits > HBM_MAX_BITS)
		return -EINVAL;
	for (;;) {
		uint64_t words = (bits + 63) / 64;
		unsigned int l = b->levels++;

		b->nwords[l] = words;
		b->lv[l] = calloc(words, sizeof(uint64_t));
		if (!b->lv[l]) {
			hbm_free(b);
			return -ENOMEM;
		}
		/* padding bits past the end count as used so they are never found */
		if (bits % 64)
			b->lv[l][words - 1] = FULL << (bits % 64);
		if (words == 1)
			break;
		bits = words;
	}
	return 0;
}

void hbm_free(struct hbitmap *b)
{
	for (unsigned int l = 0; l < b->levels; l++)
		free(b->lv[l]);
	*b = (struct hbitmap){ 0 };
}

bool hbm_test(const struct hbitmap *b, uint64_t i)
{
	return i < b->nbits && (b->lv[0][i / 64] >> (i % 64)) & 1;
}

void hbm_set(struct hbitmap *b, uint64_t i)
{
	if (i >= b->nbits)
		return;
	for (unsigned int l = 0; l < b->levels; l++) {
		uint64_t *w = &b->lv[l][i / 64];

		*w |= 1ULL << (i % 64);
		if (*w != FULL)
			break;
		i /= 64;	/* word became full: mark it one level up */
	}
}

void hbm_clear(struct hbitmap *b, uint64_t i)
{
	if (i >= b->nbits)
		return;
	for (unsigned int l = 0; l < b->levels; l++) {
		uint64_t *w = &b->lv[l][i / 64];
		bool was_full = *w == FULL;

		*w &= ~(1ULL << (i % 64));
		if (!was_full)
			break;
		i /= 64;
	}
}

/* Clear bit >= start, without wrapping; -1 if none. */
static int64_t find_from(const struct hbitmap *b, uint64_t start)
{
	uint64_t idx = start;
	unsigned int l = 0;

	if (start >= b->nbits)
		return -1;
	for (;;) {
		uint64_t word = idx / 64;
		uint64_t free_bits = ~b->lv[l][word] & (FULL << (idx % 64));

		if (free_bits) {
			idx = word * 64 + (uint64_t)__builtin_ctzll(free_bits);
			break;
		}
		/* nothing left in this word: continue after it, one level up */
		if (++l == b->levels || word + 1 >= b->nwords[l - 1])
			return -1;
		idx = word + 1;
	}
	while (l > 0) {
		l--;
		idx = idx * 64 + (uint64_t)__builtin_ctzll(~b->lv[l][idx]);
	}
	return (int64_t)idx;
}

int64_t hbm_find_clear(const struct hbitmap *b, uint64_t start)
{
	int64_t i = find_from(b, start);

	if (i < 0 && start > 0)
		i = find_from(b, 0);
	return i;
}
