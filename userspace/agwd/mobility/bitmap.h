/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hierarchical bitmap for address pools: a set bit is a used address.
 * Above the leaf words, level L+1 has one bit per word of level L, set when
 * that word is full, so finding a free bit reads one word per level:
 * O(log64 n) for set, clear and find (4 words for 2^24 entries).
 */
#ifndef AGWD_MOBILITY_BITMAP_H
#define AGWD_MOBILITY_BITMAP_H

#include <stdbool.h>
#include <stdint.h>

#define HBM_MAX_LEVELS 6
#define HBM_MAX_BITS (1ULL << 30)

struct hbitmap {
	uint64_t nbits;
	unsigned int levels;
	uint64_t nwords[HBM_MAX_LEVELS];
	uint64_t *lv[HBM_MAX_LEVELS];
};

/* All bits clear. 0, or -ENOMEM / -EINVAL (nbits 0 or > HBM_MAX_BITS). */
int hbm_init(struct hbitmap *b, uint64_t nbits);
void hbm_free(struct hbitmap *b);
bool hbm_test(const struct hbitmap *b, uint64_t i);
void hbm_set(struct hbitmap *b, uint64_t i);
void hbm_clear(struct hbitmap *b, uint64_t i);
/* First clear bit at or after start, wrapping to 0; -1 if the map is full. */
int64_t hbm_find_clear(const struct hbitmap *b, uint64_t start);

#endif
