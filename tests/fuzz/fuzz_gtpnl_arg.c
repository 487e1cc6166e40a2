// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl's text parsers behind gtpuctl and its -batch files: the fast
 * bearer-add line parser, the general bearer parser, TFT and rate syntax.
 * Any line gets an answer (accepted, or an error naming the argument),
 * never a read past its end; what the fast path accepts the general
 * parser must accept identically.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gtpnl/gtpnl_arg.h"

#define MAX_WORDS	64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void general(const char *line, struct gtpnl_bearer *fast, const char *fdev)
{
	char *copy = strdup(line), *argv[MAX_WORDS];
	struct gtpnl_bearer b;
	struct gtpnl_arg_err e;
	const char *dev;
	int argc;

	if (!copy)
		return;
	argc = gtpnl_arg_split(copy, argv, MAX_WORDS);
	if (argc >= 2) {
		int err = gtpnl_arg_bearer(argc - 2, argv + 2, GTPNL_ARG_ADD, &b, &dev, &e);

		if (fast && (err || strcmp(dev, fdev) || memcmp(&b, fast, sizeof(b))))
			abort();	/* the fast path disagrees */
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gtpnl_bearer fb;
	struct gtpnl_tft t;
	struct gtpnl_arg_err e;
	const char *why;
	uint64_t bits;
	char *line, *fast, *fdev;

	if (size > 4096)
		return 0;
	/* exact-size NUL-terminated copies so ASan sees any overrun */
	line = malloc(size + 1);
	fast = malloc(size + 1);
	if (!line || !fast)
		goto out;
	memcpy(line, data, size);
	line[size] = '\0';
	if (strlen(line) != size)
		goto out;		/* lines hold no NUL */
	memcpy(fast, line, size + 1);
	memset(&fb, 0, sizeof(fb));
	if (gtpnl_arg_bearer_add_fast(fast, &fb, &fdev))
		general(line, &fb, fdev);
	else
		general(line, NULL, NULL);
	gtpnl_arg_tft(line, &t, &e);
	gtpnl_arg_rate(line, &bits, &why);
out:
	free(line);
	free(fast);
	return 0;
}
