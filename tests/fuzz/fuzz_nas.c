// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the NAS EPS codec (proto/nas*.c).  Properties:
 *  - a message that decodes re-encodes to the same bytes;
 *  - every structured IE value that decodes re-encodes, and re-decoding
 *    that encoding gives the same encoding (stable);
 *  - bytes -> JSON -> bytes is the identity;
 *  - the security header and nas_unprotect() never read out of bounds;
 *  - nas_ie() (the per-row slot) finds, for every row of the table, the
 *    first IE of that row not ignored, as a scan of ie[] does.
 * Seeds: tests/fuzz/corpus/nas/ (the unit test vectors).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "proto/nas.h"
#include "proto/nas_ie.h"
#include "proto/nas_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t out[70000], out2[70000];
static union {
	struct nas_tft tft;
	struct nas_pco pco;
	struct nas_tai_list tai;
	uint8_t raw[1];
} st;

static void check_values(const struct nas_msg *m)
{
	for (unsigned int i = 0; i < m->n_ie; i++) {
		const struct nas_ie *ie = &m->ie[i];
		const struct nas_vcodec *vc = ie->d ? nas_vcodec_get(ie->d->vt) : NULL;
		int n, n2;

		if (!vc)
			continue;
		memset(&st, 0, sizeof(st));
		if (vc->dec(&st, ie->val, ie->len, NULL))
			continue;
		n = vc->enc(&st, out, sizeof(out), NULL);
		if (n < 0)
			continue;	/* e.g. a PLMN with hex digits F: decodes as text */
		memset(&st, 0, sizeof(st));
		if (vc->dec(&st, out, (size_t)n, NULL))
			abort();
		n2 = vc->enc(&st, out2, sizeof(out2), NULL);
		if (n2 != n || memcmp(out, out2, (size_t)n))
			abort();
	}
}

static void check_json(const uint8_t *data, size_t size)
{
	struct json_object *o = nas_to_json(data, size, NAS_DIR_ANY, NULL);
	int n;

	if (!o)
		return;
	n = nas_from_json(o, out, sizeof(out), NULL);
	if (n != (int)size || memcmp(out, data, size))
		abort();
	json_object_put(o);
}

static void check_slots(const struct nas_msg *m)
{
	unsigned int msg = 0;

	while (nas_msg_desc_at(msg) != m->desc)
		msg++;
	for (unsigned int r = 0; r < m->desc->n_ies; r++) {
		const struct nas_ie *want = NULL;

		for (unsigned int i = 0; i < m->n_ie && !want; i++)
			if (m->ie[i].d == &m->desc->ies[r] && !m->ie[i].ignored)
				want = &m->ie[i];
		if (nas_ie(m, (enum nas_ie_key)NAS_IE_KEY(msg, r)) != want)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct nas_msg m;
	struct nas_sec_hdr h;
	struct nas_sec_ctx ctx = { .eia = 2, .eea = 2 };
	int n;

	if (nas_decode(&m, data, size, NAS_DIR_ANY, NULL) == 0) {
		n = nas_encode(&m, out, sizeof(out), NULL);
		if (n != (int)size || memcmp(out, data, size))
			abort();
		check_values(&m);
		check_slots(&m);
	}
	if (nas_sec_hdr_decode(&h, data, size, NULL) == 1 &&
	    nas_decode(&m, h.inner, h.inner_len, NAS_DIR_ANY, NULL) == 0)
		check_values(&m);
	check_json(data, size);
	ctx.eia = size ? data[0] & 3 : 0;
	ctx.eea = size > 1 ? data[1] & 3 : 0;
	nas_unprotect(&ctx, size & 1, data, size, out, sizeof(out), NULL, NULL);
	return 0;
}
