// SPDX-License-Identifier: GPL-2.0
/*
 * AVP lookup by name for the message builder: an open-addressing hash
 * (FNV-1a, linear probing, at most half full) over the dictionary, built
 * once on first use.
 *
 * Concurrency: the index is written only inside pthread_once() and is
 * read-only afterwards, so lookups from any thread need no lock. If the
 * one allocation fails, lookups fall back to a linear scan (same answers).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto/diameter.h"

static struct {
	uint16_t *slot;		/* dia_dict_avp_at() index + 1; 0 = empty */
	uint32_t mask;		/* slots - 1 */
} name_index;
static pthread_once_t name_once = PTHREAD_ONCE_INIT;

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

static void name_index_build(void)
{
	const struct dia_avp_def *d;
	size_t n = 0, slots = 16;

	while (dia_dict_avp_at(n))
		n++;
	while (slots < 2 * n)
		slots *= 2;
	if (n >= UINT16_MAX || !(name_index.slot = calloc(slots, sizeof(uint16_t))))
		return;
	name_index.mask = (uint32_t)slots - 1;
	for (size_t i = 0; (d = dia_dict_avp_at(i)); i++) {
		uint32_t h = fnv1a(d->name) & name_index.mask;
		uint16_t *s;

		/* the first entry of a name wins, as in a scan in table order */
		for (; (s = &name_index.slot[h])[0]; h = (h + 1) & name_index.mask)
			if (!strcmp(dia_dict_avp_at(*s - 1u)->name, d->name))
				break;
		if (!*s)
			*s = (uint16_t)(i + 1);
	}
}

const struct dia_avp_def *dia_dict_avp_by_name(const char *name)
{
	const struct dia_avp_def *d;

	pthread_once(&name_once, name_index_build);
	if (!name_index.slot) {
		for (size_t i = 0; (d = dia_dict_avp_at(i)); i++)
			if (!strcmp(d->name, name))
				return d;
		return NULL;
	}
	for (uint32_t h = fnv1a(name) & name_index.mask; name_index.slot[h];
	     h = (h + 1) & name_index.mask) {
		d = dia_dict_avp_at(name_index.slot[h] - 1u);
		if (!strcmp(d->name, name))
			return d;
	}
	return NULL;
}
