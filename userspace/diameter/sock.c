// SPDX-License-Identifier: GPL-2.0
/*
 * Sockets on lib/evloop: non-blocking connect and accept over TCP or SCTP
 * (one-to-one style, PPID 46 for Diameter, RFC 6733 2.1.1), TLS from the
 * first octet when asked (tls.c), reads into the framing of conn.c and
 * writes from the connection's output queue.  Over SCTP each Diameter
 * message is one SCTP message (the queue is cut at the header lengths).
 * Without an event loop (tests) these calls go to test_io.c.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diameter/diam_int.h"
#include "lib/log.h"

#define PPID_DIAMETER	46	/* RFC 6733 2.1.1, clear text; 47 is DTLS */

static int parse_addr(const char *addr, uint16_t port, struct sockaddr_storage *ss,
		      socklen_t *len)
{
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, addr, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		*len = sizeof(*s4);
		return 0;
	}
	if (inet_pton(AF_INET6, addr, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		*len = sizeof(*s6);
		return 0;
	}
	return -1;
}

static void addr_text(const struct sockaddr *sa, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN] = "?";
	uint16_t port = 0;

	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;

		inet_ntop(AF_INET, &s4->sin_addr, ip, sizeof(ip));
		port = ntohs(s4->sin_port);
		snprintf(buf, size, "%s:%u", ip, port);
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;

		inet_ntop(AF_INET6, &s6->sin6_addr, ip, sizeof(ip));
		port = ntohs(s6->sin6_port);
		snprintf(buf, size, "[%s]:%u", ip, port);
	} else {
		snprintf(buf, size, "?");
	}
}

static int set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static void sock_tune(int fd, enum diam_proto proto)
{
	int one = 1;

	if (proto == DIAM_TCP)
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	else
		setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof(one));
}

static void poll_set(struct diam_conn *c, unsigned int ev)
{
	if (c->fd < 0 || c->io_events == ev)
		return;
	if (ev_io_mod(c->node->loop, c->fd, ev) == 0)
		c->io_events = ev;
}

/* ------------------------------------------------------------ writing --- */

static long raw_write(struct diam_conn *c, const uint8_t *buf, size_t len, unsigned int *want)
{
	if (c->ssl)
		return tls_write(c, buf, len, want);
	*want = EV_WRITE;
	if (c->proto == DIAM_SCTP) {
		uint32_t mlen = (uint32_t)buf[1] << 16 | (uint32_t)buf[2] << 8 | buf[3];

		/* one Diameter message per SCTP message */
		if (mlen > len)
			mlen = (uint32_t)len;
		return sctp_sendmsg(c->fd, buf, mlen, NULL, 0, htonl(PPID_DIAMETER), 0, 0, 0, 0);
	}
	return send(c->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
}

void io_flush(struct diam_conn *c)
{
	unsigned int want = 0;

	if (c->test) {
		test_io_flush(c);
		return;
	}
	while (c->woff < c->wlen) {
		long n = raw_write(c, c->wbuf + c->woff, c->wlen - c->woff, &want);

		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
				break;
			conn_hangup(c, strerror(errno));
			return;
		}
		c->woff += (size_t)n;
	}
	if (c->woff == c->wlen) {
		c->woff = c->wlen = 0;
		poll_set(c, EV_READ);
	} else {
		poll_set(c, EV_READ | want);
	}
}

/* ------------------------------------------------------------ reading --- */

static void do_read(struct diam_conn *c)
{
	uint8_t buf[16384];
	int rounds = 0;

	while (c->st == CS_UP && rounds++ < 64) {
		unsigned int want = 0;
		long n;

		if (c->ssl)
			n = tls_read(c, buf, sizeof(buf), &want);
		else
			n = recv(c->fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n > 0) {
			conn_input(c, buf, (size_t)n);
			continue;
		}
		if (n == 0) {
			conn_hangup(c, "closed by the peer");
			return;
		}
		if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
			if (want == EV_WRITE)
				poll_set(c, EV_READ | EV_WRITE);
			return;
		}
		conn_hangup(c, strerror(errno));
		return;
	}
}

static void handshake_step(struct diam_conn *c)
{
	char why[160];
	int r = tls_handshake(c, why, sizeof(why));

	if (r < 0) {
		log_notice("diameter", "TLS with %s: %s", c->remote, why);
		conn_failed(c, why);
	} else if (r > 0) {
		poll_set(c, EV_READ);
		conn_ready(c);
	}
}

/* The transport is up: TLS first when asked (RFC 6733 13), else ready */
static void transport_up(struct diam_conn *c)
{
	if (!c->tls) {
		poll_set(c, EV_READ);
		conn_ready(c);
		return;
	}
	c->st = CS_HANDSHAKE;
	if (tls_start(c) < 0)
		conn_failed(c, "TLS setup failed");
	else
		handshake_step(c);
}

static void on_io(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct diam_conn *c = arg;
	struct diam_node *n = c->node;

	node_enter(n);
	if (c->st == CS_CONNECTING) {
		int err = 0;
		socklen_t el = sizeof(err);

		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) < 0)
			err = errno;
		if (err)
			conn_failed(c, strerror(err));
		else
			transport_up(c);
	} else if (c->st == CS_HANDSHAKE) {
		handshake_step(c);
	} else if (c->st == CS_UP) {
		if (events & (EV_READ | EV_ERROR))
			do_read(c);
		if (c->st == CS_UP && (events & EV_WRITE))
			io_flush(c);
	}
	node_leave(n);
}

/* --------------------------------------------------------- connecting --- */

int io_connect(struct diam_conn *c, const char *addr, uint16_t port)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	int fd;

	if (!c->node->loop)
		return test_io_connect(c);
	snprintf(c->remote, sizeof(c->remote), "%s:%u", addr, port);
	if (parse_addr(addr, port, &ss, &sl) < 0) {
		errno = EINVAL;
		return -1;
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC,
		    c->proto == DIAM_SCTP ? IPPROTO_SCTP : IPPROTO_TCP);
	if (fd < 0)
		return -1;
	if (set_nonblock(fd) < 0)
		goto fail;
	sock_tune(fd, c->proto);
	if (connect(fd, (struct sockaddr *)&ss, sl) < 0 && errno != EINPROGRESS)
		goto fail;
	if (ev_io_add(c->node->loop, fd, EV_WRITE, on_io, c) < 0) {
		errno = ENOMEM;
		goto fail;
	}
	c->fd = fd;
	c->io_events = EV_WRITE;
	return 0;
fail: {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
}

void io_close(struct diam_conn *c)
{
	if (c->test) {
		test_io_close(c);
		return;
	}
	if (c->ssl)
		tls_close(c);
	if (c->fd >= 0) {
		ev_io_del(c->node->loop, c->fd);
		close(c->fd);
		c->fd = -1;
	}
}

static int add_lip(struct diam_conn *c, const struct sockaddr *sa)
{
	struct diam_host_ip *ip;

	if (c->n_lips >= DIAM_MAX_HOST_IPS)
		return 0;
	ip = &c->lips[c->n_lips];
	if (sa->sa_family == AF_INET) {
		ip->family = 1;
		memcpy(ip->addr, &((const struct sockaddr_in *)sa)->sin_addr, 4);
	} else if (sa->sa_family == AF_INET6) {
		ip->family = 2;
		memcpy(ip->addr, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
	} else {
		return 0;
	}
	c->n_lips++;
	return 1;
}

/*
 * The Host-IP-Address of the CER/CEA: the addresses this end of the
 * connection really uses (getsockname; every bound address of an SCTP
 * association), never a configured guess.
 */
int io_local_addrs(struct diam_conn *c)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);

	if (c->test)
		return c->n_lips;
	c->n_lips = 0;
	if (c->proto == DIAM_SCTP) {
		struct sockaddr *addrs = NULL;
		int k = sctp_getladdrs(c->fd, 0, &addrs);
		uint8_t *p = (uint8_t *)addrs;

		for (int i = 0; i < k; i++) {
			struct sockaddr *sa = (struct sockaddr *)p;

			add_lip(c, sa);
			p += sa->sa_family == AF_INET ? sizeof(struct sockaddr_in) :
			     sizeof(struct sockaddr_in6);
		}
		if (k > 0)
			sctp_freeladdrs(addrs);
		if (c->n_lips)
			return c->n_lips;
	}
	if (getsockname(c->fd, (struct sockaddr *)&ss, &sl) == 0)
		add_lip(c, (struct sockaddr *)&ss);
	return c->n_lips;
}

/* ---------------------------------------------------------- listeners --- */

static void on_accept(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct diam_listener *l = arg;
	struct diam_node *n = l->node;

	node_enter(n);
	for (int i = 0; i < 16; i++) {
		struct sockaddr_storage ss;
		socklen_t sl = sizeof(ss);
		struct diam_conn *c;
		int cfd = accept4(fd, (struct sockaddr *)&ss, &sl, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (cfd < 0)
			break;
		c = conn_accepted(n, l->proto, l->tls);
		if (!c) {
			close(cfd);
			continue;
		}
		sock_tune(cfd, l->proto);
		c->fd = cfd;
		addr_text((struct sockaddr *)&ss, c->remote, sizeof(c->remote));
		if (ev_io_add(loop, cfd, EV_READ, on_io, c) < 0) {
			conn_close(c, "out of memory");
			continue;
		}
		c->io_events = EV_READ;
		log_debug("diameter", "accepted %s%s", c->remote, l->tls ? " (TLS)" : "");
		transport_up(c);
	}
	node_leave(n);
}

int diam_node_listen(struct diam_node *n, enum diam_proto proto, const char *addr,
		     uint16_t port, bool tls, char *err, size_t err_size)
{
	struct sockaddr_storage ss;
	struct diam_listener *l;
	socklen_t sl;
	int fd, one = 1;

	if (!n->loop) {
		snprintf(err, err_size, "no event loop");
		return -EINVAL;
	}
	if (tls && !n->tls_ok) {
		snprintf(err, err_size, "TLS listener without certificate, key and CA");
		return -EINVAL;
	}
	if (parse_addr(addr, port ? port : DIAM_DEFAULT_PORT, &ss, &sl) < 0) {
		snprintf(err, err_size, "listen address \"%s\" is not numeric IPv4/IPv6", addr);
		return -EINVAL;
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
		    proto == DIAM_SCTP ? IPPROTO_SCTP : IPPROTO_TCP);
	if (fd < 0) {
		snprintf(err, err_size, "%s socket: %s", proto == DIAM_SCTP ? "SCTP" : "TCP",
			 strerror(errno));
		return -errno;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, sl) < 0 || listen(fd, 64) < 0) {
		int e = errno;

		snprintf(err, err_size, "listen on %s port %u: %s", addr, port, strerror(e));
		close(fd);
		return -e;
	}
	l = calloc(1, sizeof(*l));
	if (!l || ev_io_add(n->loop, fd, EV_READ, on_accept, l) < 0) {
		free(l);
		close(fd);
		snprintf(err, err_size, "out of memory");
		return -ENOMEM;
	}
	l->node = n;
	l->fd = fd;
	l->proto = proto;
	l->tls = tls;
	l->next = n->listeners;
	n->listeners = l;
	return 0;
}
