// SPDX-License-Identifier: GPL-2.0
/*
 * agwd configuration parser: any text either loads into a valid config or
 * fails with a one-line message naming where; never crashes or leaks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct agw_config cfg;
	char err[512];
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = 0;
	err[0] = 0;
	if (agw_config_parse("fuzz", text, &cfg, err, sizeof(err)) < 0 &&
	    (!err[0] || strlen(err) >= sizeof(err)))
		abort();	/* a rejection must say why */
	free(text);
	return 0;
}
