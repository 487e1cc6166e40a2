/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the fuzz_dia_{s6a,gx,gy} targets: decode, then run the parsers. */
#ifndef AGW_FUZZ_DIA_APPS_H
#define AGW_FUZZ_DIA_APPS_H

#include <stdint.h>
#include <stdlib.h>

#include "proto/diameter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes data into m; 0 when it decodes (then the caller frees m) */
static inline int fuzz_decode(const uint8_t *data, size_t size, struct dia_msg *m)
{
	struct dia_err e;

	if (dia_msg_decode(data, size, m, &e)) {
		dia_msg_free(m);
		return -1;
	}
	return 0;
}

#endif
