/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The datapath: agwd's only writer of bearers into gtpu.ko (through
 * gtpnl), behind an interface with two implementations:
 *
 *   gtpnl     gtpu.enabled = true: netlink requests, the "events" group
 *             watched on the loop
 *   recorder  gtpu.enabled = false: keeps the bearers in memory and does
 *             nothing else (unit tests, host tests, control-plane-only runs)
 *
 * Idle mode: set_idle() puts the kernel bearer in the idle state (downlink
 * queued, a DOWNLINK_DATA event for the first packet, which reaches the
 * on_downlink_data callback: paging) and set_active() sends the queue to
 * the eNodeB's (new) TEID.  With a gtpu.ko without idle bearers (family
 * version 1) set_idle() deletes the bearer and set_active() adds it back.
 */
#ifndef AGWD_DATAPATH_H
#define AGWD_DATAPATH_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nas_tft;

struct agwd;
struct datapath;

struct dp_bearer {
	uint32_t teid_in;		/* ours, the key */
	uint32_t teid_out;		/* the eNB's */
	int peer_family;		/* AF_INET / AF_INET6 */
	struct in_addr peer4;
	struct in6_addr peer6;
	bool has_ue4, has_ue6;
	struct in_addr ue4;
	struct in6_addr ue6;		/* /64 prefix */
	uint8_t ebi;
	uint64_t cookie;
	bool idle;			/* recorder: set_idle was the last call */
	/*
	 * Dedicated bearer: its TFT (valid during the call only; filter k gets
	 * tft_precedence(ebi, k)) and MBRs (bit/s, 0: none).  NULL: the
	 * default bearer of its addresses.  Dumps do not fill them.
	 */
	const struct nas_tft *tft;
	uint64_t mbr_ul, mbr_dl;
	uint32_t ambr_group;		/* APN-AMBR group (dp_ambr_set), 0: none */
};

struct dp_stats {
	uint64_t adds, mods, dels, idles, actives, errors, events, downlink_data;
};

typedef void (*dp_downlink_fn)(void *arg, uint32_t teid_in, uint64_t cookie);
typedef int (*dp_bearer_fn)(void *arg, const struct dp_bearer *b);

/* Opens the implementation the configuration asks for. */
int dp_open(struct agwd *d, struct datapath **out, char *err, size_t err_size);
void dp_close(struct datapath *dp);
bool dp_is_recorder(const struct datapath *dp);
/* set_idle() keeps the bearer (idle in gtpu.ko) rather than deleting it */
bool dp_keeps_idle(const struct datapath *dp);

/* A dedicated bearer's NAS TFT as gtpu.ko filters (dp_tft.c). */
struct gtpnl_tft;
void dp_tft_to_gtpnl(const struct nas_tft *t, uint8_t ebi, struct gtpnl_tft *out);

/*
 * APN-AMBR group: created or changed with the rates (bit/s); both 0 lets
 * the kernel remove it once no bearer names it.  0 or -errno.
 */
int dp_ambr_set(struct datapath *dp, uint32_t group, uint64_t ul, uint64_t dl);

/* 0 or -errno (logged with the kernel's message). */
int dp_bearer_add(struct datapath *dp, const struct dp_bearer *b);
/* New remote end (path switch): teid_out and the peer. */
int dp_bearer_mod(struct datapath *dp, const struct dp_bearer *b);
int dp_bearer_del(struct datapath *dp, uint32_t teid_in);
/* ECM-IDLE / ECM-CONNECTED (today: delete / add). */
int dp_set_idle(struct datapath *dp, const struct dp_bearer *b);
int dp_set_active(struct datapath *dp, const struct dp_bearer *b);
/* Every bearer the datapath holds (the kernel's dump, or the recorder's). */
int dp_dump(struct datapath *dp, dp_bearer_fn fn, void *arg);
/* Recorder and kernel: one bearer by TEID; -ENOENT. */
int dp_bearer_get(struct datapath *dp, uint32_t teid_in, struct dp_bearer *out);
size_t dp_count(struct datapath *dp);
const struct dp_stats *dp_stats(const struct datapath *dp);

/* Called when downlink data arrives for an idle bearer (paging). */
void dp_on_downlink_data(struct datapath *dp, dp_downlink_fn fn, void *arg);
/* Recorder: simulate the kernel's downlink-data event (tests). */
void dp_inject_downlink_data(struct datapath *dp, uint32_t teid_in);

#endif
