// SPDX-License-Identifier: GPL-2.0
/* libFuzzer: GTP-U decode; whatever decodes must re-encode to the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto/gtpu_msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t out[GTPU_HDR_LEN + 65536];
	struct gtpu_msg m;
	struct gtpu_err err;
	size_t len;
	int n;

	if (gtpu_msg_decode(data, size, &m, &err))
		return 0;
	len = size - m.trailing;
	n = gtpu_msg_encode(&m, out, sizeof(out), &err);
	if (n < 0 || (size_t)n != len || memcmp(out, data, len))
		abort();
	return 0;
}
