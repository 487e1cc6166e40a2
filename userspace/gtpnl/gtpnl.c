// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl socket layer: one generic netlink socket per handle, requests with
 * ACKs and extended ACK messages, dumps, events.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/genetlink.h>

#include "gtpnl/gtpnl_int.h"

#define GTPNL_RXBUF	(64 * 1024)
#define GTPNL_SOCKBUF	(4 * 1024 * 1024)

int gtpnl_fail(struct gtpnl *h, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(h->errmsg, sizeof(h->errmsg), fmt, ap);
	va_end(ap);
	return err;
}

const char *gtpnl_errmsg(const struct gtpnl *h)
{
	return h->errmsg;
}

int gtpnl_fd(const struct gtpnl *h)
{
	return mnl_socket_get_fd(h->genl);
}

int gtpnl_sock_setup(struct gtpnl *h, struct mnl_socket *nl)
{
	int one = 1, size = GTPNL_SOCKBUF;
	int fd = mnl_socket_get_fd(nl);

	/* extack messages, and error reports without the echoed request */
	mnl_socket_setsockopt(nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));
	/* room for batch error reports and for bursts of events; the FORCE
	 * variant needs CAP_NET_ADMIN, the plain one is capped by rmem_max */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
	if (mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		return gtpnl_fail(h, -errno, "cannot bind netlink socket: %s",
				  strerror(errno));
	return 0;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct gtpnl *h = data;
	int err;

	err = gtpnl_parse_family(nlh, GTPU_GENL_MCGRP_EVENTS, &h->family,
				 &h->mcgrp_events);
	return err ? err : gtpnl_parse_family_version(nlh, &h->family_version);
}

int gtpnl_need_family(struct gtpnl *h)
{
	struct nlmsghdr *nlh;
	int err;

	if (h->family)
		return 0;
	nlh = gtpnl_msg_getfamily(h->req, sizeof(h->req), 0, GTPU_GENL_NAME);
	nlh->nlmsg_flags |= NLM_F_ACK;
	err = gtpnl_talk(h, h->genl, nlh, family_cb, h, NULL);
	if (err == -ENOENT)
		return gtpnl_fail(h, err, "generic netlink family \"%s\" not found (is gtpu.ko loaded?)",
				  GTPU_GENL_NAME);
	if (!err && !h->family)
		return gtpnl_fail(h, -EBADMSG, "no family id in CTRL_CMD_GETFAMILY reply");
	return err;
}

uint16_t gtpnl_family(struct gtpnl *h)
{
	return gtpnl_need_family(h) ? 0 : h->family;
}

int gtpnl_open(struct gtpnl **hp)
{
	struct gtpnl *h = calloc(1, sizeof(*h));
	int err;

	*hp = NULL;
	if (!h)
		return -ENOMEM;
	h->buflen = GTPNL_RXBUF;
	h->buf = malloc(h->buflen);
	h->genl = mnl_socket_open(NETLINK_GENERIC);
	if (!h->buf || !h->genl) {
		err = h->buf ? -errno : -ENOMEM;
		gtpnl_close(h);
		return err;
	}
	err = gtpnl_sock_setup(h, h->genl);
	if (err) {
		gtpnl_close(h);
		return err;
	}
	h->genl_portid = mnl_socket_get_portid(h->genl);
	/* a missing family is not fatal: link commands still work, and a
	 * link add may load the module (resolved again on first use) */
	if (gtpnl_need_family(h) == -ENOENT)
		h->errmsg[0] = '\0';
	*hp = h;
	return 0;
}

void gtpnl_close(struct gtpnl *h)
{
	if (!h)
		return;
	if (h->genl)
		mnl_socket_close(h->genl);
	if (h->rtnl)
		mnl_socket_close(h->rtnl);
	free(h->buf);
	free(h);
}

/* ------------------------------------------------- request / replies --- */

static bool is_event(const struct gtpnl *h, const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);

	if (!h->subscribed || !h->family || nlh->nlmsg_type != h->family ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*g))
		return false;
	switch (g->cmd) {
	case GTPU_CMD_BEARER_NEW:
	case GTPU_CMD_BEARER_DELETED:
	case GTPU_CMD_ECHO_RESPONSE:
	case GTPU_CMD_DOWNLINK_DATA:
	case GTPU_CMD_USAGE:
	case GTPU_CMD_ERROR_INDICATION:
		return true;
	default:
		return false;
	}
}

/*
 * One received datagram.  Returns 1 to keep reading, 0 when the request is
 * complete, or -errno.  *ret keeps the first callback error.
 */
static int handle_datagram(struct gtpnl *h, size_t n, uint32_t seq,
			   int (*cb)(const struct nlmsghdr *, void *),
			   void *data, bool *intr, int *ret)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)h->buf;
	int len = (int)n, err;

	for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
		if (nlh->nlmsg_seq != seq || is_event(h, nlh))
			continue;	/* stale reply or multicast event */
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR && intr)
			*intr = true;
		switch (nlh->nlmsg_type) {
		case NLMSG_NOOP:
		case NLMSG_OVERRUN:
			continue;
		case NLMSG_ERROR:
			if (gtpnl_parse_error(nlh, &err, h->errmsg,
					      sizeof(h->errmsg)))
				return gtpnl_fail(h, -EBADMSG, "truncated netlink error message");
			if (err && !h->errmsg[0])
				snprintf(h->errmsg, sizeof(h->errmsg), "%s",
					 strerror(-err));
			return err ? err : 0;
		case NLMSG_DONE:
			/* a dump may end with an error (and extack) too */
			if (gtpnl_parse_error(nlh, &err, h->errmsg,
					      sizeof(h->errmsg)))
				return 0;
			if (err && !h->errmsg[0])
				snprintf(h->errmsg, sizeof(h->errmsg), "%s",
					 strerror(-err));
			return err;
		default:
			if (cb && !*ret)
				*ret = cb(nlh, data);
		}
	}
	if (len != 0)
		return gtpnl_fail(h, -EBADMSG, "truncated netlink message (%d bytes left)", len);
	return 1;
}

int gtpnl_recv_replies(struct gtpnl *h, struct mnl_socket *nl, uint32_t seq,
		       int (*cb)(const struct nlmsghdr *, void *), void *data,
		       bool *intr)
{
	int ret = 0, st;

	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl, h->buf, h->buflen);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return gtpnl_fail(h, -errno, "netlink receive: %s",
					  strerror(errno));
		}
		st = handle_datagram(h, (size_t)n, seq, cb, data, intr, &ret);
		if (st < 0)
			return st;
		if (st == 0)
			break;
	}
	if (ret == -EBADMSG)
		return gtpnl_fail(h, ret, "malformed reply from the kernel");
	return ret;
}

int gtpnl_talk(struct gtpnl *h, struct mnl_socket *nl, struct nlmsghdr *nlh,
	       int (*cb)(const struct nlmsghdr *, void *), void *data,
	       bool *intr)
{
	h->errmsg[0] = '\0';
	nlh->nlmsg_seq = ++h->seq ? h->seq : ++h->seq;
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return gtpnl_fail(h, -errno, "netlink send: %s", strerror(errno));
	return gtpnl_recv_replies(h, nl, nlh->nlmsg_seq, cb, data, intr);
}

/* ----------------------------------------------------------- bearers --- */

static int bearer_do(struct gtpnl *h, uint8_t cmd, const struct gtpnl_bearer *b,
		     int (*cb)(const struct nlmsghdr *, void *), void *data)
{
	struct nlmsghdr *nlh;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	nlh = gtpnl_msg_bearer(h->req, sizeof(h->req), h->family, cmd,
			       NLM_F_ACK, 0, b);
	if (!nlh)
		return gtpnl_fail(h, -EMSGSIZE, "request too large");
	return gtpnl_talk(h, h->genl, nlh, cb, data, NULL);
}

int gtpnl_bearer_add(struct gtpnl *h, const struct gtpnl_bearer *b)
{
	return bearer_do(h, GTPU_CMD_BEARER_ADD, b, NULL, NULL);
}

int gtpnl_bearer_mod(struct gtpnl *h, const struct gtpnl_bearer *b)
{
	return bearer_do(h, GTPU_CMD_BEARER_MOD, b, NULL, NULL);
}

int gtpnl_bearer_del(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in)
{
	struct gtpnl_bearer b = { .ifindex = ifindex, .teid_in = teid_in };

	return bearer_do(h, GTPU_CMD_BEARER_DEL, &b, NULL, NULL);
}

int gtpnl_bearer_idle(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in)
{
	struct gtpnl_bearer b = {
		.ifindex = ifindex, .teid_in = teid_in,
		.have = GTPNL_B_STATE, .state = GTPU_BEARER_STATE_IDLE,
	};

	return bearer_do(h, GTPU_CMD_BEARER_MOD, &b, NULL, NULL);
}

int gtpnl_end_marker(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in)
{
	struct gtpnl_bearer b = { .ifindex = ifindex, .teid_in = teid_in };

	return bearer_do(h, GTPU_CMD_END_MARKER, &b, NULL, NULL);
}

int gtpnl_bearer_active(struct gtpnl *h, const struct gtpnl_bearer *b)
{
	struct gtpnl_bearer a = {
		.ifindex = b->ifindex, .teid_in = b->teid_in,
		.have = GTPNL_B_STATE | (b->have & (GTPNL_B_TEID_OUT | GTPNL_B_PEER)),
		.state = GTPU_BEARER_STATE_ACTIVE, .teid_out = b->teid_out,
		.peer_family = b->peer_family, .peer = b->peer,
	};

	return bearer_do(h, GTPU_CMD_BEARER_MOD, &a, NULL, NULL);
}

struct one_ctx {
	void *out;
	bool found;
};

static int bearer_one_cb(const struct nlmsghdr *nlh, void *data)
{
	struct one_ctx *c = data;
	int err = gtpnl_parse_bearer(nlh, c->out);

	c->found = !err;
	return err;
}

int gtpnl_bearer_get(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in,
		     struct gtpnl_bearer *out)
{
	struct gtpnl_bearer b = { .ifindex = ifindex, .teid_in = teid_in };
	struct one_ctx c = { .out = out };
	int err = bearer_do(h, GTPU_CMD_BEARER_GET, &b, bearer_one_cb, &c);

	if (!err && !c.found)
		return gtpnl_fail(h, -EBADMSG, "no bearer in the kernel's reply");
	return err;
}

int gtpnl_bearer_get_flags(struct gtpnl *h, uint32_t ifindex, uint32_t teid_in,
			   uint32_t flags, struct gtpnl_bearer *out)
{
	struct one_ctx c = { .out = out };
	struct nlmsghdr *nlh;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	nlh = gtpnl_msg_bearer_get(h->req, sizeof(h->req), h->family, 0,
				   ifindex, teid_in, flags);
	if (!nlh)
		return gtpnl_fail(h, -EMSGSIZE, "request too large");
	nlh->nlmsg_flags |= NLM_F_ACK;
	err = gtpnl_talk(h, h->genl, nlh, bearer_one_cb, &c, NULL);
	if (!err && !c.found)
		return gtpnl_fail(h, -EBADMSG, "no bearer in the kernel's reply");
	return err;
}

struct dump_ctx {
	const struct gtpnl_bearer_filter *f;
	gtpnl_bearer_cb bcb;
	gtpnl_dev_cb dcb;
	void *data;
};

/* Filters again on our side, in case the kernel ignores one. */
static bool bearer_match(const struct gtpnl_bearer_filter *f,
			 const struct gtpnl_bearer *b)
{
	if (!f)
		return true;
	if (f->ifindex && f->ifindex != b->ifindex)
		return false;
	if (f->have_ue4 && (!(b->have & GTPNL_B_UE4) ||
			    b->ue4.s_addr != f->ue4.s_addr))
		return false;
	if (f->have_ue6 && (!(b->have & GTPNL_B_UE6) ||
			    memcmp(&b->ue6, &f->ue6, 8)))
		return false;
	return true;
}

static int bearer_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct gtpnl_bearer b;
	int err = gtpnl_parse_bearer(nlh, &b);

	if (err)
		return err;
	return bearer_match(c->f, &b) ? c->bcb(&b, c->data) : 0;
}

int gtpnl_bearer_dump(struct gtpnl *h, const struct gtpnl_bearer_filter *f,
		      gtpnl_bearer_cb cb, void *data)
{
	struct dump_ctx c = { .f = f, .bcb = cb, .data = data };
	struct nlmsghdr *nlh;
	bool intr = false;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	nlh = gtpnl_msg_bearer_dump(h->req, sizeof(h->req), h->family, 0, f);
	if (!nlh)
		return gtpnl_fail(h, -EMSGSIZE, "request too large");
	err = gtpnl_talk(h, h->genl, nlh, bearer_dump_cb, &c, &intr);
	if (!err && intr)
		return gtpnl_fail(h, -EINTR, "dump interrupted by a concurrent change, retry");
	return err;
}

/* ----------------------------------------------------- devices, echo --- */

static int dev_one_cb(const struct nlmsghdr *nlh, void *data)
{
	struct one_ctx *c = data;
	int err = gtpnl_parse_dev(nlh, c->out);

	c->found = !err;
	return err;
}

int gtpnl_dev_get(struct gtpnl *h, uint32_t ifindex, struct gtpnl_dev *out)
{
	struct one_ctx c = { .out = out };
	struct nlmsghdr *nlh;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	if (!ifindex)
		return gtpnl_fail(h, -EINVAL, "no device given");
	nlh = gtpnl_msg_dev_get(h->req, sizeof(h->req), h->family, 0, ifindex);
	nlh->nlmsg_flags |= NLM_F_ACK;
	err = gtpnl_talk(h, h->genl, nlh, dev_one_cb, &c, NULL);
	if (!err && !c.found)
		return gtpnl_fail(h, -EBADMSG, "no device in the kernel's reply");
	return err;
}

static int dev_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dump_ctx *c = data;
	struct gtpnl_dev d;
	int err = gtpnl_parse_dev(nlh, &d);

	return err ? err : c->dcb(&d, c->data);
}

int gtpnl_dev_dump(struct gtpnl *h, gtpnl_dev_cb cb, void *data)
{
	struct dump_ctx c = { .dcb = cb, .data = data };
	struct nlmsghdr *nlh;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	nlh = gtpnl_msg_dev_get(h->req, sizeof(h->req), h->family, 0, 0);
	return gtpnl_talk(h, h->genl, nlh, dev_dump_cb, &c, NULL);
}

static int echo_cb(const struct nlmsghdr *nlh, void *data)
{
	struct gtpnl_echo *e = data;

	return gtpnl_parse_echo(nlh, e);
}

int gtpnl_echo(struct gtpnl *h, uint32_t ifindex, int family,
	       const union gtpnl_addr *peer, uint16_t *seq)
{
	struct gtpnl_echo e = { 0 };
	struct nlmsghdr *nlh;
	int err = gtpnl_need_family(h);

	if (err)
		return err;
	nlh = gtpnl_msg_echo(h->req, sizeof(h->req), h->family, 0, ifindex,
			     family, peer);
	if (!nlh)
		return gtpnl_fail(h, -EINVAL, "bad peer address family");
	nlh->nlmsg_flags |= NLM_F_ACK;
	err = gtpnl_talk(h, h->genl, nlh, echo_cb, &e, NULL);
	if (err)
		return err;
	if (!(e.have & GTPNL_E_SEQ))
		return gtpnl_fail(h, -EBADMSG, "no sequence number in the kernel's echo reply");
	*seq = e.seq;
	return 0;
}

/* ------------------------------------------------------------ events --- */

int gtpnl_events_subscribe(struct gtpnl *h)
{
	int err = gtpnl_need_family(h);
	unsigned int grp;

	if (err)
		return err;
	if (!h->mcgrp_events)
		return gtpnl_fail(h, -ENOENT, "family \"%s\" has no \"%s\" group",
				  GTPU_GENL_NAME, GTPU_GENL_MCGRP_EVENTS);
	grp = h->mcgrp_events;
	if (mnl_socket_setsockopt(h->genl, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0)
		return gtpnl_fail(h, -errno, "cannot join group \"%s\": %s",
				  GTPU_GENL_MCGRP_EVENTS, strerror(errno));
	h->subscribed = true;
	return 0;
}

int gtpnl_events_read(struct gtpnl *h, gtpnl_event_cb cb, void *data)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)h->buf;
	struct gtpnl_event ev;
	int len, count = 0, err;
	ssize_t n;

	do
		n = mnl_socket_recvfrom(h->genl, h->buf, h->buflen);
	while (n < 0 && errno == EINTR);
	if (n < 0 && errno == ENOBUFS)
		return gtpnl_fail(h, -ENOBUFS, "events lost (receive buffer overrun)");
	if (n < 0)
		return gtpnl_fail(h, -errno, "netlink receive: %s", strerror(errno));
	len = (int)n;
	for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
		if (nlh->nlmsg_type != h->family)
			continue;
		err = gtpnl_parse_event(nlh, &ev);
		if (err == -EOPNOTSUPP)
			continue;
		if (err)
			return gtpnl_fail(h, err, "malformed event (cmd %u) from the kernel",
					  ev.cmd);
		count++;
		err = cb(&ev, data);
		if (err)
			return err;
	}
	return count;
}

/* --------------------------------------------------------- ifindex --- */

uint32_t gtpnl_ifindex(struct gtpnl *h, const char *ifname)
{
	unsigned int idx = if_nametoindex(ifname);

	if (!idx)
		gtpnl_fail(h, -ENODEV, "Cannot find device \"%s\"", ifname);
	return idx;
}

const char *gtpnl_ifname(uint32_t ifindex, char buf[IF_NAMESIZE])
{
	if (!if_indextoname(ifindex, buf))
		snprintf(buf, IF_NAMESIZE, "if%u", ifindex);
	return buf;
}
