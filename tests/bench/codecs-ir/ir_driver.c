// SPDX-License-Identifier: GPL-2.0
/*
 * Instruction-count driver for tests/bench/codecs-ir/run: repeats one
 * operation N times so that callgrind's instruction count of (N + 10) runs
 * minus that of 10 runs is N operations, without start-up. Unlike the timed
 * benchmark, the count does not depend on what else the machine is doing.
 *
 *   ir_driver OP N [OCTETS]
 *   OP := { eia1 | eia2 | eia3 | eea1 | eea2 | eea3 | aia | ccri | ccru }
 *
 * EIA/EEA use the key, COUNT, BEARER and DIRECTION of TS 33.401 C.2.2 over
 * OCTETS zero octets; aia, ccri, ccru are the "build" rows of bench_codecs
 * (tests/bench/codecs_dia_msgs.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/eps.h"
#include "../codecs_dia_msgs.h"

static uint8_t buf[4096];

static int one(const char *op, size_t octets)
{
	static const uint8_t key[16] = {
		0xd3, 0xc5, 0xd5, 0x92, 0x32, 0x7f, 0xb1, 0x1c,
		0x40, 0x35, 0xc6, 0x68, 0x0a, 0xf8, 0xc6, 0xd1,
	};
	uint8_t mac[4];

	if (!strncmp(op, "eia", 3))
		return eps_eia((unsigned int)(op[3] - '0'), key, 0x398a59b4, 0x1a, 1, buf,
			       octets * 8, mac);
	if (!strncmp(op, "eea", 3))
		return eps_eea((unsigned int)(op[3] - '0'), key, 0x398a59b4, 0x1a, 1, buf,
			       octets * 8);
	if (!strcmp(op, "aia"))
		return dia_msgs_air_aia(buf, sizeof(buf), 1) < 0;
	if (!strcmp(op, "ccri"))
		return dia_msgs_ccr_i(buf, sizeof(buf)) < 0;
	if (!strcmp(op, "ccru"))
		return dia_msgs_ccr_u(buf, sizeof(buf)) < 0;
	return -1;
}

int main(int argc, char **argv)
{
	size_t octets = argc > 3 ? strtoul(argv[3], NULL, 0) : 0;
	long n = argc > 2 ? strtol(argv[2], NULL, 0) : -1;

	if (argc < 3 || n < 0 || octets > sizeof(buf)) {
		fprintf(stderr, "usage: ir_driver OP N [OCTETS]\n");
		return 2;
	}
	for (long i = 0; i < n; i++)
		if (one(argv[1], octets)) {
			fprintf(stderr, "ir_driver: %s failed\n", argv[1]);
			return 1;
		}
	return 0;
}
