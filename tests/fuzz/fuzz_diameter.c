// SPDX-License-Identifier: GPL-2.0
/* libFuzzer: Diameter decode; whatever decodes must re-encode to the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto/diameter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dia_msg m;
	struct dia_err err;
	uint8_t *out;
	size_t len;
	int n;

	if (dia_msg_decode(data, size, &m, &err)) {
		dia_msg_free(&m);
		return 0;
	}
	len = size - m.trailing;
	out = malloc(len + 1);
	if (!out)
		abort();
	n = dia_msg_encode(&m, out, len + 1, &err);
	if (n < 0 || (size_t)n != len || memcmp(out, data, len))
		abort();
	free(out);
	dia_msg_free(&m);
	return 0;
}
