// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the S1AP decoder (proto/s1ap.h).  Whatever decodes
 * must re-encode to exactly the input bytes (the decoder only accepts the
 * canonical APER form), and the abstract-syntax checks and the
 * CriticalityDiagnostics builder must run on it.
 * Seeds: tests/fuzz/corpus/s1ap/ (every message of tests/host/tshark_s1ap.sh
 * and four real messages from open5gs' tests).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto/s1ap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct s1ap_arena a = { .limit = 4u << 20 };
	struct s1ap_check_result r;
	struct aper_ctx ctx;
	struct s1ap_pdu pdu;
	struct s1ap_val cd;
	uint8_t *out;
	long n;

	if (size > 65536)
		return 0;
	memset(&ctx, 0, sizeof(ctx));
	if (s1ap_decode(&pdu, &a, &ctx, data, size)) {
		if (!ctx.err[0])
			abort();	/* every failure says why */
		s1ap_arena_free(&a);
		return 0;
	}
	s1ap_check(&pdu, &r);
	if (pdu.msg && s1ap_crit_diag(&a, &pdu, &r, &cd))
		abort();
	out = malloc(size + 16);
	if (!out)
		abort();
	memset(&ctx, 0, sizeof(ctx));
	n = s1ap_encode(&pdu, &ctx, out, size + 16);
	if (n != (long)size || memcmp(out, data, size))
		abort();
	free(out);
	s1ap_arena_free(&a);
	return 0;
}
