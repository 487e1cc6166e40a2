// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl's text parsers behind gtpuctl and its -batch files: the fast
 * bearer-add line parser, the general bearer parser, TFT and rate syntax.
 * Any line gets an answer (accepted, or an error naming the argument),
 * never a read past its end; what the fast path accepts the general
 * parser must accept identically, and the direct nest encoder must write
 * for it the bytes libmnl's encoder writes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gtpnl/gtpnl_arg.h"
#include "gtpnl/gtpnl_int.h"

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

/*
 * Both nest encoders on b.  libmnl (1.0.4) does not clear the padding of
 * short attributes, gtpnl's buffers are zeroed for that; the direct encoder
 * clears it itself, so it writes into garbage here.
 */
static void encoders(const struct gtpnl_bearer *b)
{
	union { struct nlmsghdr h; unsigned char c[256]; } f, m;

	memset(&f, 0xa5, sizeof(f));
	memset(&m, 0, sizeof(m));
	f.h.nlmsg_len = m.h.nlmsg_len = MNL_NLMSG_HDRLEN;
	if (!gtpnl_put_bearer_nest_mnl(&m.h, sizeof(m), b))
		abort();
	if (!gtpnl_put_bearer_nest_fast(&f.h, sizeof(f), b))
		return;		/* not a common bearer: the general one does it */
	if (f.h.nlmsg_len != m.h.nlmsg_len ||
	    memcmp(f.c + MNL_NLMSG_HDRLEN, m.c + MNL_NLMSG_HDRLEN,
		   f.h.nlmsg_len - MNL_NLMSG_HDRLEN))
		abort();	/* the direct encoder disagrees */
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
	if (gtpnl_arg_bearer_add_fast(fast, &fb, &fdev)) {
		general(line, &fb, fdev);
		encoders(&fb);
	} else
		general(line, NULL, NULL);
	gtpnl_arg_tft(line, &t, &e);
	gtpnl_arg_rate(line, &bits, &why);
out:
	free(line);
	free(fast);
	return 0;
}
