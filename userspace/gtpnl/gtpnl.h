/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gtpnl: a small libmnl client for the gtpu kernel module
 * (include/uapi/linux/gtpu.h is the contract).
 *
 * Two layers:
 *
 *  - message layer (gtpnl_msg.c, gtpnl_link_msg.c): builds requests into
 *    a caller's buffer and parses replies and events into the structs below.
 *    Pure functions, no I/O, unit-tested on the host.  Parsers never trust
 *    the kernel: a truncated or badly typed attribute gives -EBADMSG.
 *
 *  - socket layer (gtpnl.c, gtpnl_batch.c, gtpnl_link.c): one struct gtpnl
 *    per user holds a generic netlink socket (family and "events" group
 *    resolved with CTRL_CMD_GETFAMILY) and, opened on first use, an
 *    rtnetlink socket for the link commands.  Every function returns 0 or
 *    -errno; after an error, gtpnl_errmsg() gives the kernel's extack text
 *    (or a message of ours saying why we gave up), "" if there is none.
 *
 * No global state: handles are independent and not thread-safe.  A handle
 * subscribed to events (gtpnl_events_subscribe) should be used for events
 * only: requests would have to skip the events queued on it.
 *
 * Usage:
 *
 *	struct gtpnl *h;
 *	struct gtpnl_bearer b = { .ifindex = idx, .teid_in = 100, ... };
 *
 *	if (gtpnl_open(&h) < 0) ...
 *	if (gtpnl_bearer_add(h, &b) < 0)
 *		fprintf(stderr, "Error: %s\n", gtpnl_errmsg(h));
 *	gtpnl_close(h);
 */
#ifndef AGW_GTPNL_H
#define AGW_GTPNL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/netlink.h>
#include <linux/gtpu.h>

struct gtpnl;
struct gtpnl_batch;

#define GTPNL_ERRMSG_MAX	256

union gtpnl_addr {
	struct in_addr v4;
	struct in6_addr v6;
};

/* Counters of a bearer or a device: c[] indexed by GTPU_STATS_A_*. */
struct gtpnl_stats {
	uint32_t present;			/* bit (1 << GTPU_STATS_A_x) */
	uint64_t c[GTPU_STATS_A_MAX + 1];
};

/* JSON-style key of counter GTPU_STATS_A_x ("ul_packets"), NULL if none. */
const char *gtpnl_stats_name(unsigned int attr);

/* Which optional fields of a struct gtpnl_bearer are set. */
enum {
	GTPNL_B_TEID_OUT	= 1 << 0,
	GTPNL_B_PEER		= 1 << 1,	/* peer_family + peer */
	GTPNL_B_UE4		= 1 << 2,
	GTPNL_B_UE6		= 1 << 3,	/* ue6 + ue6_plen */
	GTPNL_B_EBI		= 1 << 4,
	GTPNL_B_COOKIE		= 1 << 5,
	GTPNL_B_STATS		= 1 << 6,	/* replies only */
	GTPNL_B_STATE		= 1 << 7,	/* state: GTPU_BEARER_STATE_* */
	GTPNL_B_QUEUED		= 1 << 8,	/* replies only */
	GTPNL_B_THRESHOLD	= 1 << 9,	/* thr_*: request (re)arms the
						 * meter (all zero disarms);
						 * reply: armed thresholds */
	GTPNL_B_USAGE		= 1 << 10,	/* usage: replies and events */
	/* QoS (bits 16..19): request sends, reply shows what is set */
	GTPNL_B_MBR_UL		= 1 << 16,	/* mbr_ul (0: remove) */
	GTPNL_B_MBR_DL		= 1 << 17,	/* mbr_dl (0: remove) */
	GTPNL_B_AMBR_GROUP	= 1 << 18,	/* ambr_group (0: leave) */
	GTPNL_B_QFI		= 1 << 19,	/* qfi, 0..63 */
	GTPNL_B_TFT		= 1 << 11,	/* tft: request sets (MOD: replaces;
						 * n 0: none, a default bearer);
						 * reply: a dedicated bearer */
};

/* Which optional fields of a struct gtpnl_filter are set. */
enum {
	GTPNL_F_PROTO		= 1 << 0,
	GTPNL_F_REMOTE		= 1 << 1,	/* remote_family, remote, mask/plen */
	GTPNL_F_LPORT		= 1 << 2,	/* lport_lo..lport_hi */
	GTPNL_F_RPORT		= 1 << 3,	/* rport_lo..rport_hi */
	GTPNL_F_TOS		= 1 << 4,	/* tos, tos_mask */
	GTPNL_F_SPI		= 1 << 5,
	GTPNL_F_FLOW		= 1 << 6,	/* IPv6 flow label */
};

/* One packet filter of a TFT (GTPU_TFT_A_FILTER; TS 24.008 10.5.6.12). */
struct gtpnl_filter {
	uint8_t id;				/* 1..15 */
	uint8_t prec;				/* evaluation precedence */
	uint8_t dir;				/* GTPU_FILTER_DIR_* */
	uint8_t proto;
	unsigned int have;			/* GTPNL_F_* */
	int remote_family;			/* AF_INET or AF_INET6 */
	union gtpnl_addr remote;
	struct in_addr remote_mask;		/* IPv4 */
	uint8_t remote_plen;			/* IPv6 */
	uint8_t tos, tos_mask;
	uint16_t lport_lo, lport_hi;
	uint16_t rport_lo, rport_hi;
	uint32_t spi;
	uint32_t flow;
};

struct gtpnl_tft {
	unsigned int n;
	struct gtpnl_filter f[GTPU_TFT_FILTERS_MAX];
};

/*
 * A bearer.  teid_in is GTPU_BEARER_A_LOCAL_TEID (our TEID, the key),
 * teid_out is GTPU_BEARER_A_REMOTE_TEID (the eNodeB's).  For ADD set
 * TEID_OUT, PEER and UE4 and/or UE6 in @have; for MOD only what changes.
 */
struct gtpnl_bearer {
	uint32_t ifindex;
	uint32_t teid_in;
	uint32_t teid_out;
	unsigned int have;			/* GTPNL_B_* */
	int peer_family;			/* AF_INET or AF_INET6 */
	union gtpnl_addr peer;
	struct in_addr ue4;
	struct in6_addr ue6;
	uint8_t ue6_plen;
	uint8_t ebi;
	uint64_t cookie;
	struct gtpnl_stats stats;
	uint8_t state;				/* GTPU_BEARER_STATE_* */
	uint32_t queued;			/* packets queued while idle */
	uint64_t thr_total, thr_ul, thr_dl;	/* bytes, 0: none */
	struct gtpnl_stats usage;		/* UL/DL packets and bytes */
	uint64_t mbr_ul, mbr_dl;		/* bit/s, 0: none */
	uint32_t ambr_group;			/* 0: none */
	uint8_t qfi;
	/* last, and meaningful only with GTPNL_B_TFT: gtpnl_arg_bearer_add_fast()
	 * clears the fields before it and leaves these 836 bytes alone */
	struct gtpnl_tft tft;
};

/* Which rates of a struct gtpnl_ambr a request sends (replies: both). */
enum {
	GTPNL_A_UL		= 1 << 0,
	GTPNL_A_DL		= 1 << 1,
};

/* An APN-AMBR group (GTPU_CMD_AMBR_SET / AMBR_GET). */
struct gtpnl_ambr {
	uint32_t ifindex;
	uint32_t group;				/* != 0 */
	unsigned int have;			/* GTPNL_A_* */
	uint64_t ul, dl;			/* bit/s, 0: none */
	uint32_t members;			/* replies only */
	uint64_t drop_ul, drop_dl;		/* replies only: policed */
};

/* Dump filters; zero/false fields do not filter.  flags: GTPU_F_* sent
 * with the dump (GTPU_F_USAGE_CLEAR: every bearer's usage is read and
 * cleared). */
struct gtpnl_bearer_filter {
	uint32_t flags;
	uint32_t ifindex;
	bool have_ue4;
	struct in_addr ue4;
	bool have_ue6;
	struct in6_addr ue6;			/* the /64 prefix */
};

enum {
	GTPNL_D_LOCAL4		= 1 << 0,
	GTPNL_D_LOCAL6		= 1 << 1,
	GTPNL_D_PORT		= 1 << 2,
	GTPNL_D_RESTART		= 1 << 3,
	GTPNL_D_N_BEARERS	= 1 << 4,
	GTPNL_D_STATS		= 1 << 5,
	GTPNL_D_IDLE		= 1 << 6,	/* the three idle_* fields */
};

/* A gtpu device as GTPU_CMD_DEV_GET describes it. */
struct gtpnl_dev {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	unsigned int have;			/* GTPNL_D_* */
	struct in_addr local4;
	struct in6_addr local6;
	uint16_t port;
	uint8_t restart_counter;
	uint32_t n_bearers;
	struct gtpnl_stats stats;
	uint32_t idle_qlen;
	uint32_t idle_qlen_dev;
	uint32_t idle_queued;
};

enum {
	GTPNL_E_SEQ		= 1 << 0,
	GTPNL_E_RESTART		= 1 << 1,
	GTPNL_E_RTT		= 1 << 2,
};

/* An echo request's answer or a GTPU_CMD_ECHO_RESPONSE event. */
struct gtpnl_echo {
	uint32_t ifindex;
	int peer_family;			/* 0 if absent */
	union gtpnl_addr peer;
	unsigned int have;			/* GTPNL_E_* */
	uint16_t seq;
	uint8_t restart_counter;
	uint64_t rtt_ns;
};

/* A GTPU_CMD_ERROR_INDICATION event: the peer does not know its TEID
 * @teid; @bearer is ours towards it, if the kernel found one. */
struct gtpnl_err_ind {
	uint32_t ifindex;
	uint32_t teid;
	int peer_family;
	union gtpnl_addr peer;
	bool have_bearer;
	struct gtpnl_bearer bearer;
};

/* A multicast event: cmd is GTPU_CMD_BEARER_NEW/_DELETED/DOWNLINK_DATA/
 * USAGE (bearer), ECHO_RESPONSE (echo) or ERROR_INDICATION (err_ind). */
struct gtpnl_event {
	uint8_t cmd;
	union {
		struct gtpnl_bearer bearer;
		struct gtpnl_echo echo;
		struct gtpnl_err_ind err_ind;
	};
};

/* rtnetlink view of a "gtpu" link. */
enum {
	GTPNL_L_LOCAL4		= 1 << 0,
	GTPNL_L_LOCAL6		= 1 << 1,
	GTPNL_L_PORT		= 1 << 2,
	GTPNL_L_RESTART		= 1 << 3,
	GTPNL_L_IDLE_QLEN	= 1 << 4,
	GTPNL_L_IDLE_QLEN_DEV	= 1 << 5,
};

struct gtpnl_link {
	uint32_t ifindex;
	char ifname[IF_NAMESIZE];
	unsigned int have;			/* GTPNL_L_* */
	struct in_addr local4;
	struct in6_addr local6;
	uint16_t port;
	uint8_t restart_counter;
	uint32_t mtu;
	unsigned int flags;			/* IFF_UP, ... */
	uint32_t idle_qlen;
	uint32_t idle_qlen_dev;
};

/*
 * Callbacks for dumps and events: return 0 to go on, a negative errno to
 * stop (that value is then returned by the dump).
 */
typedef int (*gtpnl_bearer_cb)(const struct gtpnl_bearer *b, void *data);
typedef int (*gtpnl_dev_cb)(const struct gtpnl_dev *d, void *data);
typedef int (*gtpnl_ambr_cb)(const struct gtpnl_ambr *a, void *data);
typedef int (*gtpnl_link_cb)(const struct gtpnl_link *l, void *data);
typedef int (*gtpnl_event_cb)(const struct gtpnl_event *ev, void *data);
/* Batch result: one call per failed message, index in queue order. */
typedef void (*gtpnl_batch_cb)(unsigned int index, int err, const char *msg,
			       void *data);

/* ------------------------------------------------------------ socket --- */
int gtpnl_open(struct gtpnl **hp);
void gtpnl_close(struct gtpnl *h);
const char *gtpnl_errmsg(const struct gtpnl *h);
/* The generic netlink socket's fd (for poll() on events). */
int gtpnl_fd(const struct gtpnl *h);
/* Family id, or 0 when the gtpu family is not registered (module absent). */
uint16_t gtpnl_family(struct gtpnl *h);

int gtpnl_bearer_add(struct gtpnl *h, const struct gtpnl_bearer *b);
int gtpnl_bearer_mod(struct gtpnl *h, const struct gtpnl_bearer *b);
int gtpnl_bearer_del(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in);
/* BEARER_MOD with STATE IDLE: downlink is queued, DOWNLINK_DATA raised. */
int gtpnl_bearer_idle(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in);
/* BEARER_MOD with STATE ACTIVE and, if set in b->have, a new TEID_OUT and
 * PEER: the queue is sent to the (new) remote end. */
int gtpnl_bearer_active(struct gtpnl *h, const struct gtpnl_bearer *b);
/* GTPU_CMD_END_MARKER: one End Marker to the bearer's current remote end. */
int gtpnl_end_marker(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in);
int gtpnl_bearer_get(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in,
		     struct gtpnl_bearer *out);
/* BEARER_GET with GTPU_F_* flags (GTPU_F_USAGE_CLEAR: out->usage is the
 * usage since the previous clear, which this call clears). */
int gtpnl_bearer_get_flags(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in,
			   uint32_t flags, struct gtpnl_bearer *out);
/* Returns -EINTR (after delivering every bearer) if the dump raced a change. */
int gtpnl_bearer_dump(struct gtpnl *h, const struct gtpnl_bearer_filter *f,
		      gtpnl_bearer_cb cb, void *data);
int gtpnl_dev_get(struct gtpnl *h, uint32_t ifindex, struct gtpnl_dev *out);
int gtpnl_dev_dump(struct gtpnl *h, gtpnl_dev_cb cb, void *data);
/* Sends an Echo Request; *seq gets the sequence number the kernel used. */
int gtpnl_echo(struct gtpnl *h, uint32_t ifindex, int family,
	       const union gtpnl_addr *peer, uint16_t *seq);

/* AMBR_SET: create or change group a->group (rates in a->have; a group
 * with no members and both rates 0 is removed). */
int gtpnl_ambr_set(struct gtpnl *h, const struct gtpnl_ambr *a);
int gtpnl_ambr_get(struct gtpnl *h, uint32_t ifindex, uint32_t group,
		   struct gtpnl_ambr *out);
/* All groups of device ifindex (0: of every device). */
int gtpnl_ambr_dump(struct gtpnl *h, uint32_t ifindex, gtpnl_ambr_cb cb,
		    void *data);

/* Join the "events" group; then poll gtpnl_fd() and call events_read. */
int gtpnl_events_subscribe(struct gtpnl *h);
/* Reads one datagram (blocking unless the fd is ready) and calls cb per
 * event.  Returns the number of events, or -errno (-ENOBUFS: events lost). */
int gtpnl_events_read(struct gtpnl *h, gtpnl_event_cb cb, void *data);

/* ------------------------------------------------------------- batch --- */
/*
 * Queue many BEARER_ADDs and BEARER_DELs into one buffer and send them with
 * one sendmsg.  Consecutive entries of the same command and device are
 * packed into one message of up to GTPU_BEARERS_PER_MSG_MAX bearers (one
 * per message with a kernel older than family version 2).  Failures are
 * reported through the callback, once per failed entry, with its queue
 * index and the kernel's extack text; the other entries of a message the
 * kernel refused as a whole are sent again, so each entry succeeds or
 * fails on its own, as if sent alone.  bufsize 0 picks a default (256 KiB,
 * about 4800 bearers).  Filling a batch uses the handle only to learn the
 * family (once, at the first entry): so one thread may fill a batch while
 * another flushes a second one, as long as nothing else uses the handle
 * meanwhile and one batch is flushed at a time.
 */
struct gtpnl_batch *gtpnl_batch_new(struct gtpnl *h, size_t bufsize);
void gtpnl_batch_free(struct gtpnl_batch *b);
/* -ENOSPC: the buffer is full, flush and queue again. */
int gtpnl_batch_add_bearer(struct gtpnl_batch *b, const struct gtpnl_bearer *br);
int gtpnl_batch_del_bearer(struct gtpnl_batch *b, uint32_t ifindex,
			   uint32_t teid_in);
unsigned int gtpnl_batch_count(const struct gtpnl_batch *b);
/* Sends and waits; returns the number of failed messages, or -errno if the
 * batch as a whole failed (-ENOBUFS: some error reports were lost). */
int gtpnl_batch_flush(struct gtpnl_batch *b, gtpnl_batch_cb cb, void *data);

/* -------------------------------------------------------------- links --- */
/* Creates link kind "gtpu"; port 0 means the default. */
int gtpnl_link_add(struct gtpnl *h, const struct gtpnl_link *l);
int gtpnl_link_del(struct gtpnl *h, const char *ifname);
int gtpnl_link_dump(struct gtpnl *h, gtpnl_link_cb cb, void *data);
/* ifname -> ifindex (0 and errmsg set if unknown) and back. */
uint32_t gtpnl_ifindex(struct gtpnl *h, const char *ifname);
const char *gtpnl_ifname(uint32_t ifindex, char buf[IF_NAMESIZE]);

/* ------------------------------------------------------ message layer --- */
/* Every builder returns the message (nlmsg_len set) or NULL if @len is too
 * small.  Parsers return 0 or -EBADMSG, and take a whole message. */
struct nlmsghdr *gtpnl_msg_genl(void *buf, size_t len, uint16_t family,
				uint8_t cmd, uint16_t flags, uint32_t seq);
struct nlmsghdr *gtpnl_msg_bearer(void *buf, size_t len, uint16_t family,
				  uint8_t cmd, uint16_t flags, uint32_t seq,
				  const struct gtpnl_bearer *b);
/* Appends one more GTPU_A_BEARER nest to a message of gtpnl_msg_bearer()
 * (BEARER_ADD/DEL take several); @len is the room from nlh on.  The bytes
 * past the message must be zero.  NULL if it does not fit (the message is
 * then unchanged). */
struct nlmsghdr *gtpnl_msg_bearer_append(struct nlmsghdr *nlh, size_t len,
					 const struct gtpnl_bearer *b);
struct nlmsghdr *gtpnl_msg_bearer_dump(void *buf, size_t len, uint16_t family,
				       uint32_t seq,
				       const struct gtpnl_bearer_filter *f);
/* BEARER_GET do with GTPU_A_FLAGS */
struct nlmsghdr *gtpnl_msg_bearer_get(void *buf, size_t len, uint16_t family,
				      uint32_t seq, uint32_t ifindex,
				      uint32_t teid_in, uint32_t flags);
struct nlmsghdr *gtpnl_msg_dev_get(void *buf, size_t len, uint16_t family,
				   uint32_t seq, uint32_t ifindex);
struct nlmsghdr *gtpnl_msg_echo(void *buf, size_t len, uint16_t family,
				uint32_t seq, uint32_t ifindex, int peer_family,
				const union gtpnl_addr *peer);
struct nlmsghdr *gtpnl_msg_getfamily(void *buf, size_t len, uint32_t seq,
				     const char *name);

/* AMBR_SET with a->have's rates; AMBR_GET do (group != 0) or dump
 * (group 0; ifindex 0: every device). */
struct nlmsghdr *gtpnl_msg_ambr_set(void *buf, size_t len, uint16_t family,
				    uint32_t seq, const struct gtpnl_ambr *a);
struct nlmsghdr *gtpnl_msg_ambr_get(void *buf, size_t len, uint16_t family,
				    uint32_t seq, uint32_t ifindex,
				    uint32_t group);

int gtpnl_parse_bearer(const struct nlmsghdr *nlh, struct gtpnl_bearer *b);
int gtpnl_parse_ambr(const struct nlmsghdr *nlh, struct gtpnl_ambr *a);
int gtpnl_parse_dev(const struct nlmsghdr *nlh, struct gtpnl_dev *d);
int gtpnl_parse_echo(const struct nlmsghdr *nlh, struct gtpnl_echo *e);
int gtpnl_parse_err_ind(const struct nlmsghdr *nlh, struct gtpnl_err_ind *e);
/* Any gtpu message: sets ev->cmd; -EOPNOTSUPP if not an event command. */
int gtpnl_parse_event(const struct nlmsghdr *nlh, struct gtpnl_event *ev);
/* CTRL_CMD_NEWFAMILY reply: family id and the id of multicast group
 * @grp (0 if absent). */
int gtpnl_parse_family(const struct nlmsghdr *nlh, const char *grp,
		       uint16_t *id, uint32_t *grp_id);
/* CTRL_CMD_NEWFAMILY reply: the family's version (CTRL_ATTR_VERSION). */
int gtpnl_parse_family_version(const struct nlmsghdr *nlh, uint32_t *version);
/* NLMSG_ERROR with NLM_F_ACK_TLVS: the offset (from the start of the
 * request) of the attribute the kernel blamed (NLMSGERR_ATTR_OFFS);
 * -ENOENT if none. */
int gtpnl_parse_error_offset(const struct nlmsghdr *nlh, uint32_t *off);
/* NLMSG_ERROR: *err gets the (negative) error, msg the extack text (or a
 * description of a missing attribute), "" if none. */
int gtpnl_parse_error(const struct nlmsghdr *nlh, int *err, char *msg,
		      size_t msglen);

struct nlmsghdr *gtpnl_msg_link_add(void *buf, size_t len, uint32_t seq,
				    const struct gtpnl_link *l);
struct nlmsghdr *gtpnl_msg_link_del(void *buf, size_t len, uint32_t seq,
				    const char *ifname);
struct nlmsghdr *gtpnl_msg_link_dump(void *buf, size_t len, uint32_t seq);
/* RTM_NEWLINK: 0 and *l filled for a "gtpu" link, 1 for another kind. */
int gtpnl_parse_link(const struct nlmsghdr *nlh, struct gtpnl_link *l);

#endif /* AGW_GTPNL_H */
