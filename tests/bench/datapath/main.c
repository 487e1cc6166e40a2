// SPDX-License-Identifier: GPL-2.0
/*
 * dpbench: command dispatch, option helpers and the `count` command.
 * See dpbench.h and Documentation/performance.md ("Datapath").
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dpbench.h"

static const char usage[] =
	"Usage: dpbench gen --mode { gtpu-ul | ip-ul | udp-dl } --size BYTES --bearers N\n"
	"                   --seconds S [ --dst ADDR4 ] [ --inner-dst ADDR4 ] [ --ue-base ADDR4 ]\n"
	"                   [ --batch MSGS ]\n"
	"       dpbench traffic --impls \"NAME:S1ADDR:UEBASE ...\" [ --bearers N ] [ --sizes \"64 1400\" ]\n"
	"                   [ --dirs \"ul dl\" ] [ --warmup S ] [ --seconds S ] [ --repeat R ]\n"
	"                   [ --batch MSGS ] [ --inner-dst ADDR4 ] [ --enb NS ] [ --pdn NS ]\n"
	"                   [ --enb-dev IFNAME ] [ --pdn-dev IFNAME ]\n"
	"       dpbench batch --bearers N [ --add FILE ] [ --del FILE ] [ --del-max N ]\n"
	"                   [ --dev IFNAME ] [ --peer ADDR4 ] [ --ue-base ADDR4 ]\n"
	"       dpbench count --dev IFNAME [ --warmup S ] [ --seconds S ] [ --counter NAME ]\n"
	"                     [ --wait-start S ]\n"
	"       dpbench gtp --dev IFNAME --local ADDR4 --peer ADDR4 --bearers N\n"
	"                   [ --ue-base ADDR4 ] [ --hashsize N ] [ --ready FILE ]\n"
	"                   [ --delete-max N ]\n";

int dp_parse(const char *cmd, int argc, char **argv, struct dp_opt *opts, int n)
{
	for (int i = 0; i < argc; i += 2) {
		const char *key = argv[i];
		int j;

		if (strncmp(key, "--", 2)) {
			fprintf(stderr, "dpbench %s: \"%s\" is not an option\n", cmd, key);
			return -1;
		}
		for (j = 0; j < n; j++)
			if (!strcmp(key + 2, opts[j].name))
				break;
		if (j == n) {
			fprintf(stderr, "dpbench %s: unknown option \"%s\"\n", cmd, key);
			return -1;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "dpbench %s: option \"%s\" needs a value\n", cmd, key);
			return -1;
		}
		opts[j].value = argv[i + 1];
	}
	return 0;
}

const char *dp_get(const struct dp_opt *opts, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(opts[i].name, name))
			return opts[i].value;
	return NULL;
}

int dp_u32(const char *name, const char *s, uint32_t min, uint32_t max, uint32_t *v)
{
	unsigned long long x;
	char *end;

	if (!s) {
		fprintf(stderr, "dpbench: --%s is required\n", name);
		return -1;
	}
	errno = 0;
	x = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-' || x < min || x > max) {
		fprintf(stderr, "dpbench: --%s \"%s\": want a number in %" PRIu32 "..%" PRIu32 "\n",
			name, s, min, max);
		return -1;
	}
	*v = (uint32_t)x;
	return 0;
}

int dp_seconds(const char *name, const char *s, double *v)
{
	char *end;

	if (!s) {
		fprintf(stderr, "dpbench: --%s is required\n", name);
		return -1;
	}
	errno = 0;
	*v = strtod(s, &end);
	if (errno || end == s || *end || !(*v >= 0 && *v <= 3600)) {
		fprintf(stderr, "dpbench: --%s \"%s\": want seconds in 0..3600\n", name, s);
		return -1;
	}
	return 0;
}

int dp_ip4(const char *name, const char *s, struct in_addr *a)
{
	if (!s) {
		fprintf(stderr, "dpbench: --%s is required\n", name);
		return -1;
	}
	if (inet_pton(AF_INET, s, a) != 1) {
		fprintf(stderr, "dpbench: --%s \"%s\": not an IPv4 address\n", name, s);
		return -1;
	}
	return 0;
}

double dp_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void dp_sleep(double s)
{
	struct timespec ts = { .tv_sec = (time_t)s };

	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static uint32_t gcd(uint32_t a, uint32_t b)
{
	while (b) {
		uint32_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

uint32_t dp_stride(uint32_t n)
{
	uint32_t step;

	if (n <= 2)
		return 1;
	step = (uint32_t)(n * 0.6180339887);
	while (gcd(step, n) != 1)
		step++;
	return step;
}

/* One counter of /sys/class/net/DEV/statistics (of this netns's sysfs). */
static int read_counter(const char *dev, const char *counter, uint64_t *v)
{
	char path[256];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/%s", dev, counter);
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "dpbench count: %s: %s\n", path, strerror(errno));
		return -1;
	}
	ok = fscanf(f, "%" SCNu64, v) == 1;
	fclose(f);
	if (!ok) {
		fprintf(stderr, "dpbench count: %s: not a number\n", path);
		return -1;
	}
	return 0;
}

/*
 * count: wait until the counter moves (traffic has started; at most
 * --wait-start seconds), then --warmup seconds, then read the counter at the
 * start and the end of a --seconds window; prints {"dev":..,"packets":..,
 * "seconds":..,"pps":..,"start_wait_s":..} where seconds is the measured
 * length of the window.
 */
int dp_cmd_count(int argc, char **argv)
{
	struct dp_opt o[] = {
		{ "dev", NULL }, { "warmup", "1" }, { "seconds", "3" },
		{ "counter", "rx_packets" }, { "wait-start", "5" },
	};
	const int n = sizeof(o) / sizeof(o[0]);
	const char *dev, *counter;
	double warm, win, wait, t0, t1, ts;
	uint64_t c0, c1;

	if (dp_parse("count", argc, argv, o, n) ||
	    dp_seconds("warmup", dp_get(o, n, "warmup"), &warm) ||
	    dp_seconds("seconds", dp_get(o, n, "seconds"), &win) ||
	    dp_seconds("wait-start", dp_get(o, n, "wait-start"), &wait))
		return 2;
	dev = dp_get(o, n, "dev");
	counter = dp_get(o, n, "counter");
	if (!dev || strchr(dev, '/') || strchr(counter, '/')) {
		fprintf(stderr, "dpbench count: --dev IFNAME is required (and no '/')\n");
		return 2;
	}
	if (read_counter(dev, counter, &c0))
		return 1;
	ts = dp_now();
	for (c1 = c0; c1 == c0 && dp_now() - ts < wait; dp_sleep(0.01))
		if (read_counter(dev, counter, &c1))
			return 1;
	ts = dp_now() - ts;
	dp_sleep(warm);
	if (read_counter(dev, counter, &c0))
		return 1;
	t0 = dp_now();
	dp_sleep(win);
	if (read_counter(dev, counter, &c1))
		return 1;
	t1 = dp_now();
	printf("{\"dev\":\"%s\",\"counter\":\"%s\",\"packets\":%" PRIu64
	       ",\"seconds\":%.3f,\"pps\":%.0f,\"start_wait_s\":%.2f}\n",
	       dev, counter, c1 - c0, t1 - t0, (double)(c1 - c0) / (t1 - t0), ts);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "gen"))
		return dp_cmd_gen(argc - 2, argv + 2);
	if (!strcmp(argv[1], "batch"))
		return dp_cmd_batch(argc - 2, argv + 2);
	if (!strcmp(argv[1], "traffic"))
		return dp_cmd_traffic(argc - 2, argv + 2);
	if (!strcmp(argv[1], "count"))
		return dp_cmd_count(argc - 2, argv + 2);
	if (!strcmp(argv[1], "gtp"))
		return dp_cmd_gtp(argc - 2, argv + 2);
	fprintf(stderr, "dpbench: unknown command \"%s\"\n%s", argv[1], usage);
	return 2;
}
