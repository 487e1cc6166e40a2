/* SPDX-License-Identifier: GPL-2.0 */
/* gtpnl internals shared by its source files; not for users of the library. */
#ifndef AGW_GTPNL_INT_H
#define AGW_GTPNL_INT_H

#include <stdarg.h>
#include <libmnl/libmnl.h>

#include "gtpnl/gtpnl.h"

/* Largest request we build (a bearer with every attribute is ~130 bytes). */
#define GTPNL_MSG_MAX	512

/* Offset of GTPU_A_IFINDEX's payload in a message of gtpnl_msg_bearer()
 * (it is the first attribute): nlmsghdr, genlmsghdr, nlattr. */
#define GTPNL_IFINDEX_OFF	(MNL_NLMSG_HDRLEN + MNL_ALIGN(4) + MNL_ATTR_HDRLEN)

/* A GTPU_A_BEARER nest appended to nlh (len: the buffer's size): the
 * general encoder, and the direct one for the common bearer (false if b is
 * not one, or no room; the general one then does it).  Same bytes. */
bool gtpnl_put_bearer_nest_mnl(struct nlmsghdr *nlh, size_t len,
			       const struct gtpnl_bearer *b);
bool gtpnl_put_bearer_nest_fast(struct nlmsghdr *nlh, size_t len,
				const struct gtpnl_bearer *b);

/* Attribute shapes checked by gtpnl_attr_walk(). */
enum gtpnl_shape {
	GTPNL_ANY,		/* unchecked (or not expected: ignored) */
	GTPNL_U8,
	GTPNL_U16,
	GTPNL_U32,
	GTPNL_U64,
	GTPNL_BIN16,		/* in6_addr */
	GTPNL_STR,		/* NUL-terminated */
	GTPNL_NEST,
};

/*
 * Walks the attributes in [payload, payload + len), checks each known type
 * (1..max) against shapes[type], stores the last of each type in tb[type]
 * (tb has max + 1 slots).  Unknown types are skipped (newer kernels).
 * Returns 0, or -EBADMSG for a truncated stream or a badly shaped attribute.
 */
int gtpnl_attr_walk(const void *payload, size_t len, const uint8_t *shapes,
		    unsigned int max, const struct nlattr **tb);
int gtpnl_attr_walk_nest(const struct nlattr *nest, const uint8_t *shapes,
			 unsigned int max, const struct nlattr **tb);

/* gtpnl_tft.c: GTPU_BEARER_A_TFT into a request, and out of a reply */
bool gtpnl_put_tft(struct nlmsghdr *nlh, size_t len, const struct gtpnl_tft *t);
int gtpnl_parse_tft(const struct nlattr *nest, struct gtpnl_tft *t);

/* Puts an nlmsghdr and a zeroed family header of @hdrlen bytes at buf;
 * NULL if @len is too small. */
struct nlmsghdr *gtpnl_msg_start(void *buf, size_t len, uint16_t type,
				 uint16_t flags, uint32_t seq, size_t hdrlen);

struct gtpnl {
	struct mnl_socket *genl;
	struct mnl_socket *rtnl;	/* opened on first link command */
	uint32_t genl_portid;
	uint32_t rtnl_portid;
	uint16_t family;		/* 0: not resolved yet / absent */
	uint32_t family_version;	/* CTRL_ATTR_VERSION of the family */
	uint32_t mcgrp_events;
	uint32_t seq;
	bool subscribed;		/* joined the events group */
	char errmsg[GTPNL_ERRMSG_MAX];
	size_t buflen;
	char *buf;			/* receive buffer, buflen bytes */
	char req[4096];			/* request buffer for single messages */
};

/* gtpnl_qos.c: the QoS attributes of a BEARER nest (b->have says which) */
bool gtpnl_put_qos(struct nlmsghdr *nlh, size_t len,
		   const struct gtpnl_bearer *b);
void gtpnl_fill_qos(const struct nlattr **t, struct gtpnl_bearer *b);
/* Top-level attributes of a gtpu family message (tb: GTPU_A_MAX + 1) */
int gtpnl_parse_top(const struct nlmsghdr *nlh, const struct nlattr **tb);

/* Sets errmsg (printf-style) and returns err. */
int gtpnl_fail(struct gtpnl *h, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Resolves the family if needed: 0, or -ENOENT with a message. */
int gtpnl_need_family(struct gtpnl *h);
/* Sets the usual options (EXT_ACK, CAP_ACK, buffers) on a socket. */
int gtpnl_sock_setup(struct gtpnl *h, struct mnl_socket *nl);

/* Receives replies to request @seq on @nl, calling cb(nlh, data) for each
 * data message, until NLMSG_DONE or the ACK; handles NLMSG_ERROR/extack.
 * *intr is set if a message carried NLM_F_DUMP_INTR (may be NULL). */
int gtpnl_recv_replies(struct gtpnl *h, struct mnl_socket *nl, uint32_t seq,
		       int (*cb)(const struct nlmsghdr *, void *), void *data,
		       bool *intr);
/* Sends one message and collects its replies as gtpnl_recv_replies. */
int gtpnl_talk(struct gtpnl *h, struct mnl_socket *nl, struct nlmsghdr *nlh,
	       int (*cb)(const struct nlmsghdr *, void *), void *data,
	       bool *intr);

#endif /* AGW_GTPNL_INT_H */
