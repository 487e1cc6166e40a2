// SPDX-License-Identifier: GPL-2.0
/*
 * dpbench batch: the gtpuctl -batch files of the benchmark, written fast
 * (awk needs a minute for a million lines under TCG; this, a second).
 *
 *   bearer add dev DEV teid-in 1+i teid-out 0x80000000+i peer PEER ue UEBASE+i
 *   bearer del dev DEV teid-in 1+i            (the first --del-max only)
 *
 * for i = 0 .. --bearers - 1: the bearers of dpbench.h, as given to gtp.ko.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "dpbench.h"

static int write_file(const char *path, const char *dev, const char *peer,
		      struct in_addr ue, uint32_t n, bool add)
{
	FILE *f = fopen(path, "w");
	char ip[INET_ADDRSTRLEN];

	if (!f)
		goto fail;
	for (uint32_t i = 0; i < n; i++) {
		struct in_addr a = { .s_addr = htonl(ntohl(ue.s_addr) + i) };

		if (!add) {
			fprintf(f, "bearer del dev %s teid-in %" PRIu32 "\n", dev, DP_TEID_IN + i);
			continue;
		}
		inet_ntop(AF_INET, &a, ip, sizeof(ip));
		fprintf(f, "bearer add dev %s teid-in %" PRIu32 " teid-out %" PRIu32
			" peer %s ue %s\n", dev, DP_TEID_IN + i, DP_TEID_OUT + i, peer, ip);
	}
	if (fclose(f) == 0)
		return 0;
	f = NULL;
fail:
	fprintf(stderr, "dpbench batch: %s: %s\n", path, strerror(errno));
	if (f)
		fclose(f);
	return -1;
}

int dp_cmd_batch(int argc, char **argv)
{
	struct dp_opt o[] = {
		{ "dev", "gtpu0" }, { "peer", "172.31.0.2" }, { "ue-base", "10.64.0.1" },
		{ "bearers", NULL }, { "add", NULL }, { "del", NULL }, { "del-max", "0" },
	};
	const int n = sizeof(o) / sizeof(o[0]);
	struct in_addr ue, peer;
	uint32_t bearers, dmax;

	if (dp_parse("batch", argc, argv, o, n) ||
	    dp_u32("bearers", dp_get(o, n, "bearers"), 0, 1u << 24, &bearers) ||
	    dp_u32("del-max", dp_get(o, n, "del-max"), 0, UINT32_MAX, &dmax) ||
	    dp_ip4("ue-base", dp_get(o, n, "ue-base"), &ue) ||
	    dp_ip4("peer", dp_get(o, n, "peer"), &peer))
		return 2;
	if (!dmax || dmax > bearers)
		dmax = bearers;
	if (dp_get(o, n, "add") &&
	    write_file(dp_get(o, n, "add"), dp_get(o, n, "dev"), dp_get(o, n, "peer"), ue,
		       bearers, true))
		return 1;
	if (dp_get(o, n, "del") &&
	    write_file(dp_get(o, n, "del"), dp_get(o, n, "dev"), NULL, ue, dmax, false))
		return 1;
	return 0;
}
