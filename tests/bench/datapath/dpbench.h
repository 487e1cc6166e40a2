/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dpbench: the tools of the datapath benchmark (tests/bench/bench-datapath),
 * one program with three commands, run inside the QEMU guest:
 *
 *   dpbench gen    traffic generator (sendmmsg, pre-built packets)
 *   dpbench count  packets received on an interface over a fixed window
 *   dpbench gtp    upstream gtp.ko: device, PDP contexts, insert/delete rates
 *
 * See Documentation/performance.md, section "Datapath".
 */
#ifndef AGW_BENCH_DPBENCH_H
#define AGW_BENCH_DPBENCH_H

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <stdbool.h>
#include <stdint.h>

/* Options are "--key value" pairs; a table per command says which exist. */
struct dp_opt {
	const char *name;		/* without the leading "--" */
	const char *value;		/* NULL until given, or the default */
};

/*
 * Fill opts from argv.  Returns 0, or -1 after printing
 * "dpbench CMD: ..." on stderr (unknown option, missing value).
 */
int dp_parse(const char *cmd, int argc, char **argv, struct dp_opt *opts, int n);
const char *dp_get(const struct dp_opt *opts, int n, const char *name);

/* Checked conversions; -1 after printing "dpbench: --NAME ..." on stderr. */
int dp_u32(const char *name, const char *s, uint32_t min, uint32_t max, uint32_t *v);
int dp_seconds(const char *name, const char *s, double *v);
int dp_ip4(const char *name, const char *s, struct in_addr *a);

/* Monotonic clock in seconds. */
double dp_now(void);
/* Sleep for s seconds (restarted on EINTR). */
void dp_sleep(double s);

/*
 * Bearer i (0-based) of a run of n: the address and TEIDs both gtp.ko and
 * gtpu.ko are given, and that the generator sends to.
 *   UE address    ue_base + i          (10.64.0.1, 10.64.0.2, ...)
 *   local TEID    DP_TEID_IN + i       (uplink lookup key, never 0)
 *   remote TEID   DP_TEID_OUT + i      (written into downlink G-PDUs)
 */
#define DP_TEID_IN	1u
#define DP_TEID_OUT	0x80000000u

/*
 * Order in which traffic visits the bearers: i -> (i + step) mod n with
 * step coprime to n and near 0.618 n, so consecutive packets hit distant
 * bearers (and distant memory) and every bearer is visited once per round.
 */
uint32_t dp_stride(uint32_t n);

#define GEN_GTPU_PORT	2152	/* TS 29.281 4.4.2.3 */
#define GEN_MIN_SIZE	28	/* IPv4 + UDP headers */
#define GEN_MAX_SIZE	1464	/* + 36 bytes of tunnel = 1500 */
#define GEN_MAX_BATCH	1024
#define GEN_BATCH	64	/* packets per sendmmsg() by default */

/* gen.c: the traffic generator (see there for the packets) */
enum gen_mode { GEN_GTPU_UL, GEN_IP_UL, GEN_UDP_DL };

struct gen {
	/* set by the caller */
	enum gen_mode mode;
	uint32_t size, bearers, batch;
	double seconds;			/* `gen` command only */
	struct in_addr dst, inner_dst, ue_base;
	/* state */
	uint32_t step, idx;
	uint64_t sent, errors;
	int first_err;
	int fd;				/* -1 when closed */
	size_t slot;			/* bytes per packet buffer */
	uint8_t *bufs;
	struct mmsghdr *msgs;
	struct iovec *iov;
	struct sockaddr_in *names;
};

/* Build the packets and open the socket (in the caller's network
 * namespace); 0 or -1 with a message on stderr.  gen_close() always. */
int gen_open(struct gen *g);
/* One sendmmsg() of g->batch packets; counts g->sent and g->errors.
 * -1 on an unexpected error (message on stderr). */
int gen_send(struct gen *g);
void gen_close(struct gen *g);
const char *gen_mode_name(enum gen_mode m);

int dp_cmd_gen(int argc, char **argv);
int dp_cmd_traffic(int argc, char **argv);
int dp_cmd_batch(int argc, char **argv);
int dp_cmd_count(int argc, char **argv);
int dp_cmd_gtp(int argc, char **argv);

#endif
