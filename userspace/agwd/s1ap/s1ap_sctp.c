// SPDX-License-Identifier: GPL-2.0
/*
 * S1-MME transport (TS 36.412): SCTP one-to-one sockets, one listener per
 * configured address, one accepted socket per eNB association.  PPID 18;
 * non-UE-associated signalling on stream 0, UE-associated signalling on
 * the UE's stream.  Association changes come as SCTP notifications; a
 * lost association releases its UEs (s1mme_enb_lost).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "agwd/agwd.h"
#include "agwd/s1ap/s1mme.h"
#include "lib/log.h"

#define MOD "s1ap"
#define STREAMS 32

/* Bound on the PDUs waiting for one association's send buffer */
#define ENB_TXQ_MAX	(4u << 20)

static ssize_t sctp_send_one(int fd, const void *buf, size_t len, uint32_t ppid, uint16_t stream)
{
	return sctp_sendmsg(fd, buf, len, NULL, 0, htonl(ppid), 0, stream, 0, 0);
}

/*
 * A full send buffer (a slow or congested backhaul) queues the PDU; it goes
 * out in order once the socket is writable (on_assoc).  Dropping it would
 * lose the procedure it carries: NAS is retransmitted only on its timer,
 * S1AP procedures such as a UE context release not at all.
 */
static int s1_sctp_send(void *arg, struct enb *e, uint16_t stream, const uint8_t *buf, size_t len)
{
	struct s1mme *s1 = arg;

	if (e->fd < 0 || e->dead)
		return -1;
	if (stream >= e->ostreams)
		stream = 0;
	switch (txq_send_ev(&e->txq, s1->d->loop, e->fd, S1AP_PPID, stream, buf, len)) {
	case 1:
		return 0;
	case 0:
		s1->c.tx_queued++;
		if (e->txq.queued == 1 || !(e->txq.queued % 1000))
			log_notice(MOD, "eNB %u: send buffer full, %lu PDU(s) queued so far",
				   e->id, e->txq.queued);
		return 0;
	default:
		if (errno == ENOBUFS)
			s1->c.tx_dropped++;
		log_warn(MOD, "eNB %u: send: %s", e->id,
			 errno == ENOBUFS ? "send queue full, PDU dropped" : strerror(errno));
		return -1;
	}
}

static void on_notification(struct s1mme *s1, struct enb *e, const uint8_t *b, size_t n)
{
	const union sctp_notification *sn = (const void *)b;

	if (n < sizeof(sn->sn_header))
		return;
	if (sn->sn_header.sn_type == SCTP_ASSOC_CHANGE && n >= sizeof(struct sctp_assoc_change)) {
		uint16_t st = sn->sn_assoc_change.sac_state;

		if (st == SCTP_COMM_UP || st == SCTP_RESTART) {
			e->ostreams = sn->sn_assoc_change.sac_outbound_streams;
			if (st == SCTP_RESTART)
				s1mme_enb_lost(s1, e, "peer restarted");
		} else if (st == SCTP_COMM_LOST || st == SCTP_SHUTDOWN_COMP) {
			s1mme_enb_lost(s1, e, st == SCTP_COMM_LOST ? "communication lost" :
				       "shut down");
		}
	} else if (sn->sn_header.sn_type == SCTP_SHUTDOWN_EVENT) {
		s1mme_enb_lost(s1, e, "peer shut down");
	}
}

static void on_assoc(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	static uint8_t buf[65536];
	struct enb *e = arg;
	struct s1mme *s1 = e->s1;
	struct sctp_sndrcvinfo si;
	int flags = 0;
	ssize_t n;

	if (events & EV_WRITE) {
		if (txq_writable(&e->txq, loop, fd)) {
			s1mme_enb_lost(s1, e, strerror(errno));
			return;
		}
		if (!(events & (EV_READ | EV_ERROR)))
			return;
	}
	memset(&si, 0, sizeof(si));
	n = sctp_recvmsg(fd, buf, sizeof(buf), NULL, NULL, &si, &flags);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		s1mme_enb_lost(s1, e, n ? strerror(errno) : "closed");
		return;
	}
	if (flags & MSG_NOTIFICATION) {
		on_notification(s1, e, buf, (size_t)n);
		return;
	}
	if (!(flags & MSG_EOR)) {
		log_warn(MOD, "eNB %u: PDU over %zu octets dropped", e->id, sizeof(buf));
		return;
	}
	if (ntohl(si.sinfo_ppid) != S1AP_PPID)
		log_info(MOD, "eNB %u: PPID %u instead of %u", e->id, ntohl(si.sinfo_ppid),
			 S1AP_PPID);
	s1mme_rx(s1, e, si.sinfo_stream, buf, (size_t)n);
}

static void on_accept(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct s1mme *s1 = arg;
	struct sockaddr_storage peer;
	socklen_t pl = sizeof(peer), ll;
	char a[INET6_ADDRSTRLEN] = "?";
	struct enb *e;
	int c = accept4(fd, (struct sockaddr *)&peer, &pl, SOCK_NONBLOCK | SOCK_CLOEXEC);

	if (c < 0)
		return;
	e = s1mme_enb_new(s1, c);
	if (!e) {
		close(c);
		return;
	}
	e->peer = peer;
	txq_init(&e->txq, ENB_TXQ_MAX, sctp_send_one);
	ll = sizeof(e->local);
	getsockname(c, (struct sockaddr *)&e->local, &ll);
	e->ostreams = STREAMS;
	{
		struct sctp_status st;
		socklen_t sl = sizeof(st);

		memset(&st, 0, sizeof(st));
		if (!getsockopt(c, IPPROTO_SCTP, SCTP_STATUS, &st, &sl))
			e->ostreams = st.sstat_outstrms;
	}
	if (ev_io_add(s1->d->loop, c, EV_READ, on_assoc, e)) {
		s1mme_enb_lost(s1, e, "event loop");
		return;
	}
	if (peer.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)&peer)->sin_addr, a, sizeof(a));
	else if (peer.ss_family == AF_INET6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&peer)->sin6_addr, a, sizeof(a));
	log_info(MOD, "eNB %u: association from %s, %u outbound streams", e->id, a, e->ostreams);
}

static int listen_one(struct s1mme *s1, const char *addr, uint16_t port, char *err,
		      size_t size)
{
	struct sctp_initmsg im = { .sinit_num_ostreams = STREAMS, .sinit_max_instreams = STREAMS };
	struct sctp_event_subscribe ev = { .sctp_data_io_event = 1, .sctp_association_event = 1,
					   .sctp_shutdown_event = 1 };
	struct sockaddr_storage ss = { 0 };
	struct sockaddr_in *s4 = (void *)&ss;
	struct sockaddr_in6 *s6 = (void *)&ss;
	socklen_t sl;
	int one = 1, fd;

	if (inet_pton(AF_INET, addr, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		sl = sizeof(*s4);
	} else if (inet_pton(AF_INET6, addr, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		sl = sizeof(*s6);
	} else {
		snprintf(err, size, "s1ap: \"%s\" is not an address", addr);
		return -EINVAL;
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_SCTP);
	if (fd < 0) {
		snprintf(err, size, "s1ap: SCTP socket: %s (is the sctp module loaded?)",
			 strerror(errno));
		return -errno;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &im, sizeof(im));
	setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &ev, sizeof(ev));
	if (bind(fd, (struct sockaddr *)&ss, sl) || listen(fd, 64) ||
	    ev_io_add(s1->d->loop, fd, EV_READ, on_accept, s1)) {
		snprintf(err, size, "s1ap: listen on %s port %u: %s", addr, port, strerror(errno));
		close(fd);
		return -EADDRNOTAVAIL;
	}
	s1->listen_fd[s1->n_listen++] = fd;
	log_notice(MOD, "listening on %s port %u (SCTP)", addr, port);
	return 0;
}

int s1mme_listen(struct s1mme *s1, char *err, size_t size)
{
	const struct s1_transport tp = { .send = s1_sctp_send, .arg = s1 };
	const struct agw_config *cfg = &s1->d->cfg;

	s1mme_set_transport(s1, &tp);
	for (unsigned int i = 0; i < cfg->s1ap.n_addrs && i < 4; i++) {
		int ret = listen_one(s1, cfg->s1ap.addrs[i], cfg->s1ap.port, err, size);

		if (ret)
			return ret;
	}
	return 0;
}
