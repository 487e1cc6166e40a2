// SPDX-License-Identifier: GPL-2.0
/*
 * One simulated eNodeB: its SCTP association to the MME (TS 36.412: PPID
 * 18, stream 0 for non-UE-associated signalling, UE-associated signalling
 * on the other streams), and the non-UE-associated procedures of TS 36.413:
 * S1 Setup (8.7.3) with TimeToWait, Reset both ways (8.7.1), Error
 * Indication (8.7.2), Paging (8.5), MME Configuration Update (8.7.5).
 * Received PDUs are checked (10.2, 10.3) before dispatch; whatever cannot
 * be handled is answered with an Error Indication, never a crash.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <netinet/sctp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "crypto/eps.h"
#include "enbsim.h"
#include "lib/log.h"
#include "lib/pcap.h"
#include "proto/s1ap_util.h"

#define MOD "enb"

static void enb_rx(struct enb *e, const uint8_t *b, size_t n, uint16_t stream);

/* Bound on the PDUs waiting for the association's send buffer */
#define ENB_TXQ_MAX	(4u << 20)
/* Largest S1AP PDU sent or received (a UE radio capability is at most 1 MiB) */
#define ENB_PDU_MAX	(1u << 21)

static ssize_t sctp_send_one(int fd, const void *buf, size_t len, uint32_t ppid, uint16_t stream)
{
	return sctp_sendmsg(fd, buf, len, NULL, 0, htonl(ppid), 0, stream, 0, 0);
}

int enb_init(struct enbsim *sim, unsigned int idx, const struct enb_cfg *cfg)
{
	struct enb *e = &sim->enb[idx];

	memset(e, 0, sizeof(*e));
	e->sim = sim;
	e->idx = idx;
	e->cfg = *cfg;
	e->fd = -1;
	e->gtpu_fd = -1;
	txq_init(&e->txq, ENB_TXQ_MAX, sctp_send_one);
	if (!e->cfg.mme_port)
		e->cfg.mme_port = S1AP_PORT;
	if (!e->cfg.streams)
		e->cfg.streams = 3;
	if (!e->cfg.n_tac) {
		e->cfg.tac[0] = 1;
		e->cfg.n_tac = 1;
	}
	if (eps_plmn_encode(e->cfg.mccmnc, e->plmn)) {
		log_err(MOD, "enb %u: bad PLMN \"%s\" (5 or 6 digits)", idx, e->cfg.mccmnc);
		return -1;
	}
	if (inet_pton(AF_INET, e->cfg.mme, e->mme_ip) != 1) {
		log_err(MOD, "enb %u: MME address \"%s\" is not IPv4", idx, e->cfg.mme);
		return -1;
	}
	if (e->cfg.addr[0] && inet_pton(AF_INET, e->cfg.addr, e->local_ip) != 1) {
		log_err(MOD, "enb %u: address \"%s\" is not IPv4", idx, e->cfg.addr);
		return -1;
	}
	if (!e->cfg.s1u[0])
		memcpy(e->cfg.s1u, e->cfg.addr[0] ? e->cfg.addr : "127.0.0.1", 10);
	if (inet_pton(AF_INET, e->cfg.s1u, e->s1u_ip) != 1) {
		log_err(MOD, "enb %u: S1-U address \"%s\" is not IPv4", idx, e->cfg.s1u);
		return -1;
	}
	ev_timer_init(&e->timer, NULL, e);
	return 0;
}

int enb_tai_served(const struct enb *e, const uint8_t plmn[3], uint16_t tac)
{
	if (memcmp(plmn, e->plmn, 3))
		return 0;
	for (unsigned int i = 0; i < e->cfg.n_tac; i++)
		if (e->cfg.tac[i] == tac)
			return 1;
	return 0;
}

uint16_t enb_ue_stream(const struct enb *e, uint32_t enb_ue_id)
{
	if (e->ostreams < 2)
		return 0;
	return (uint16_t)(1 + enb_ue_id % (e->ostreams - 1u));
}

/* ------------------------------------------------------------- socket --- */

/* --pcap: one S1AP PDU between this eNB and the MME; out: sent by the eNB */
static void capture(struct enb *e, int out, uint16_t stream, const uint8_t *b, size_t n)
{
	struct sockaddr_in l = { .sin_family = AF_INET, .sin_port = htons(e->local_port) };
	struct sockaddr_in m = { .sin_family = AF_INET, .sin_port = htons(e->cfg.mme_port) };

	if (!e->sim->pcap)
		return;
	memcpy(&l.sin_addr, e->local_ip, 4);
	memcpy(&m.sin_addr, e->mme_ip, 4);
	if (pcap_w_sctp(e->sim->pcap, (struct sockaddr *)(out ? &l : &m),
			(struct sockaddr *)(out ? &m : &l), stream, S1AP_PPID,
			&e->pcap_tsn[out ? 1 : 0], b, n))
		log_warn(MOD, "enb %u: --pcap: PDU of %zu octets not written", e->idx, n);
}

static void assoc_lost(struct enb *e, const char *why)
{
	log_warn(MOD, "enb %u: S1 association lost (%s)", e->idx, why);
	for (unsigned int i = 0; i < e->sim->n_ues; i++) {
		struct ue *ue = &e->sim->ues[i];

		if (ue->enb == e && ue->connected)
			ue_s1_released(ue, "association lost");
	}
	enb_close(e);
	e->state = S1_DOWN;
}

static void on_notification(struct enb *e, const uint8_t *b, size_t n)
{
	const union sctp_notification *sn = (const void *)b;

	if (n < sizeof(sn->sn_header))
		return;
	if (sn->sn_header.sn_type == SCTP_ASSOC_CHANGE &&
	    n >= sizeof(struct sctp_assoc_change)) {
		uint16_t st = sn->sn_assoc_change.sac_state;

		if (st == SCTP_COMM_UP) {
			e->ostreams = sn->sn_assoc_change.sac_outbound_streams;
			log_info(MOD, "enb %u: association up, %u outbound streams", e->idx,
				 e->ostreams);
		} else if (st == SCTP_COMM_LOST || st == SCTP_SHUTDOWN_COMP ||
			   st == SCTP_CANT_STR_ASSOC) {
			assoc_lost(e, "association change");
		}
	} else if (sn->sn_header.sn_type == SCTP_SHUTDOWN_EVENT) {
		assoc_lost(e, "peer shut down");
	}
}

/*
 * One read: a whole SCTP message (*msg points at it), or a part of one the
 * kernel delivers before the rest (partial delivery: no MSG_EOR yet), which
 * is kept in e->rx until the part with MSG_EOR.  Returns the message
 * length, 0 for nothing (yet), -1 when the association is lost.
 */
static ssize_t read_msg(struct enb *e, int fd, struct sctp_sndrcvinfo *si,
			const uint8_t **msg)
{
	static uint8_t buf[65536];
	int flags = 0;
	ssize_t n;

	memset(si, 0, sizeof(*si));
	n = sctp_recvmsg(fd, buf, sizeof(buf), NULL, NULL, si, &flags);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n <= 0) {
		assoc_lost(e, n ? strerror(errno) : "closed");
		return -1;
	}
	if (flags & MSG_NOTIFICATION) {
		on_notification(e, buf, (size_t)n);
		return 0;
	}
	if ((flags & MSG_EOR) && !e->rx_len && !e->rx_drop) {
		*msg = buf;
		return n;
	}
	if (!e->rx_drop && e->rx_len + (size_t)n > ENB_PDU_MAX) {
		log_err(MOD, "enb %u: S1AP PDU over %u octets dropped", e->idx, ENB_PDU_MAX);
		e->rx_drop = 1;
		e->rx_len = 0;
	}
	if (e->rx_drop) {		/* the rest of a dropped message */
		e->rx_drop = !(flags & MSG_EOR);
		return 0;
	}
	if (e->rx_len + (size_t)n > e->rx_cap) {
		size_t cap = (e->rx_len + (size_t)n) * 2;
		uint8_t *nb = realloc(e->rx, cap);

		if (!nb) {
			log_err(MOD, "enb %u: no memory for a PDU of %zu octets", e->idx,
				e->rx_len + (size_t)n);
			e->rx_drop = !(flags & MSG_EOR);
			e->rx_len = 0;
			return 0;
		}
		e->rx = nb;
		e->rx_cap = cap;
	}
	memcpy(e->rx + e->rx_len, buf, (size_t)n);
	e->rx_len += (size_t)n;
	if (!(flags & MSG_EOR))
		return 0;
	n = (ssize_t)e->rx_len;
	e->rx_len = 0;
	*msg = e->rx;
	return n;
}

static void on_io(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct enb *e = arg;
	struct sctp_sndrcvinfo si;
	const uint8_t *msg = NULL;
	ssize_t n;

	if (e->state == S1_CONNECTING && (events & (EV_WRITE | EV_ERROR))) {
		int err = 0;
		socklen_t len = sizeof(err);

		getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
		if (err) {
			log_err(MOD, "enb %u: connect to %s: %s", e->idx, e->cfg.mme,
				strerror(err));
			snprintf(e->fail_cause, sizeof(e->fail_cause), "connect: %s",
				 strerror(err));
			enb_close(e);
			e->state = S1_FAILED;
			return;
		}
		ev_io_mod(loop, fd, EV_READ);
		e->state = S1_DOWN;
		enb_s1_setup(e);
		return;
	}
	if (events & EV_WRITE) {
		if (txq_writable(&e->txq, loop, fd)) {
			assoc_lost(e, strerror(errno));
			return;
		}
		if (!(events & EV_READ))
			return;
	}
	n = read_msg(e, fd, &si, &msg);
	if (n <= 0)
		return;
	if (ntohl(si.sinfo_ppid) != S1AP_PPID)
		log_warn(MOD, "enb %u: PPID %u instead of %u", e->idx, ntohl(si.sinfo_ppid),
			 S1AP_PPID);
	capture(e, 0, si.sinfo_stream, msg, (size_t)n);
	enb_rx(e, msg, (size_t)n, si.sinfo_stream);
}

int enb_connect(struct enb *e)
{
	struct sctp_initmsg im = { .sinit_num_ostreams = e->cfg.streams,
				   .sinit_max_instreams = 16, .sinit_max_attempts = 3 };
	struct sctp_event_subscribe ev = { .sctp_data_io_event = 1,
					   .sctp_association_event = 1,
					   .sctp_shutdown_event = 1 };
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(e->cfg.mme_port) };
	struct sockaddr_in la = { .sin_family = AF_INET };
	socklen_t ll = sizeof(la);

	if (e->fd >= 0)
		return 0;
	e->fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	if (e->fd < 0) {
		log_err(MOD, "enb %u: SCTP socket: %s", e->idx, strerror(errno));
		snprintf(e->fail_cause, sizeof(e->fail_cause), "socket: %s", strerror(errno));
		e->state = S1_FAILED;
		return -1;
	}
	setsockopt(e->fd, IPPROTO_SCTP, SCTP_INITMSG, &im, sizeof(im));
	setsockopt(e->fd, IPPROTO_SCTP, SCTP_EVENTS, &ev, sizeof(ev));
	if (e->cfg.addr[0]) {
		memcpy(&la.sin_addr, e->local_ip, 4);
		if (bind(e->fd, (struct sockaddr *)&la, sizeof(la))) {
			log_err(MOD, "enb %u: bind %s: %s", e->idx, e->cfg.addr, strerror(errno));
			goto fail;
		}
	}
	memcpy(&sa.sin_addr, e->mme_ip, 4);
	fcntl(e->fd, F_SETFL, fcntl(e->fd, F_GETFL) | O_NONBLOCK);
	if (connect(e->fd, (struct sockaddr *)&sa, sizeof(sa)) && errno != EINPROGRESS) {
		log_err(MOD, "enb %u: connect %s: %s", e->idx, e->cfg.mme, strerror(errno));
		goto fail;
	}
	if (!getsockname(e->fd, (struct sockaddr *)&la, &ll)) {
		e->local_port = ntohs(la.sin_port);
		if (!e->cfg.addr[0])
			memcpy(e->local_ip, &la.sin_addr, 4);
	}
	e->state = S1_CONNECTING;
	e->ostreams = e->cfg.streams;
	if (ev_io_add(e->sim->loop, e->fd, EV_READ | EV_WRITE, on_io, e))
		goto fail;
	return 0;
fail:
	snprintf(e->fail_cause, sizeof(e->fail_cause), "connect: %s", strerror(errno));
	close(e->fd);
	e->fd = -1;
	e->state = S1_FAILED;
	return -1;
}

void enb_close(struct enb *e)
{
	ev_timer_stop(e->sim->loop, &e->timer);
	if (e->fd < 0)
		return;
	ev_io_del(e->sim->loop, e->fd);
	close(e->fd);
	e->fd = -1;
	txq_clear(&e->txq);
	free(e->rx);
	e->rx = NULL;
	e->rx_len = e->rx_cap = 0;
	e->rx_drop = 0;
}

int enb_send(struct enb *e, const struct s1ap_pdu *pdu, uint16_t stream)
{
	static uint8_t buf[ENB_PDU_MAX];
	struct aper_ctx ctx = { 0 };
	long n;

	n = s1ap_encode(pdu, &ctx, buf, sizeof(buf));
	if (n < 0) {
		log_err(MOD, "enb %u: cannot encode %s: %s", e->idx,
			pdu->msg ? pdu->msg->name : "PDU", ctx.err);
		return -1;
	}
	if (e->fd < 0 || e->state == S1_CONNECTING) {
		log_warn(MOD, "enb %u: %s not sent: no association", e->idx,
			 pdu->msg ? pdu->msg->name : "PDU");
		return -1;
	}
	capture(e, 1, stream, buf, (size_t)n);
	/* a full send buffer queues the PDU (sent in order when the socket
	 * is writable): dropping it lost Authentication Responses under load,
	 * and the MME's retransmitted request then failed the SQN check */
	switch (txq_send_ev(&e->txq, e->sim->loop, e->fd, S1AP_PPID, stream, buf, (size_t)n)) {
	case 0:
		if (e->txq.queued == 1 || !(e->txq.queued % 1000))
			log_info(MOD, "enb %u: send buffer full, %lu PDU(s) queued so far",
				 e->idx, e->txq.queued);
		break;
	case 1:
		break;
	default:
		log_err(MOD, "enb %u: send %s: %s", e->idx, pdu->msg ? pdu->msg->name : "PDU",
			strerror(errno));
		return -1;
	}
	e->s1ap_tx++;
	log_debug(MOD, "enb %u: sent %s (%ld octets, stream %u)", e->idx,
		  pdu->msg ? pdu->msg->name : "PDU", n, stream);
	return 0;
}

/* ------------------------------------------------------------ S1 Setup --- */

static void setup_retry(struct ev_loop *loop, void *arg)
{
	struct enb *e = arg;

	log_info(MOD, "enb %u: TimeToWait over, S1 Setup again", e->idx);
	enb_s1_setup(e);
}

static int put_tas(struct s1ap_arena *a, struct enb *e, struct s1ap_pdu *pdu)
{
	struct s1ap_val *l = s1ap_b_items(a, s1ap_b_ie(pdu, S1AP_IE_SUPPORTED_TAS), e->cfg.n_tac);

	if (!l)
		return -1;
	for (unsigned int i = 0; i < e->cfg.n_tac; i++) {
		uint8_t tac[2] = { e->cfg.tac[i] >> 8, (uint8_t)e->cfg.tac[i] };
		struct s1ap_val *bp;

		if (s1ap_b_oct(a, s1ap_b_mem(a, &l[i], S1AP_SUPPORTED_TAS_ITEM_TAC), tac, 2))
			return -1;
		bp = s1ap_b_items(a, s1ap_b_mem(a, &l[i], S1AP_SUPPORTED_TAS_ITEM_BROADCASTPLMNS), 1);
		if (s1ap_b_oct(a, bp, e->plmn, 3))
			return -1;
	}
	return 0;
}

int enb_s1_setup(struct enb *e)
{
	static const enum s1ap_key drx[] = { S1AP_PAGING_DRX_V32, S1AP_PAGING_DRX_V64,
					     S1AP_PAGING_DRX_V128, S1AP_PAGING_DRX_V256 };
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	struct s1ap_val *v;
	uint8_t id[3] = { e->cfg.enb_id >> 12, e->cfg.enb_id >> 4, (e->cfg.enb_id & 15) << 4 };
	int rc = -1;

	if (e->fd < 0)
		return enb_connect(e);
	if (e->state == S1_CONNECTING)
		return 0;
	if (s1ap_pdu_init(&pdu, &a, S1AP_PROC_S1_SETUP, S1AP_INITIATING))
		goto out;
	v = s1ap_b_ie(&pdu, S1AP_IE_GLOBAL_ENB_ID);
	if (s1ap_b_oct(&a, s1ap_b_mem(&a, v, S1AP_GLOBAL_ENB_ID_PLMNIDENTITY), e->plmn, 3) ||
	    s1ap_b_bits(&a, s1ap_b_alt(&a, s1ap_b_mem(&a, v, S1AP_GLOBAL_ENB_ID_ENB_ID),
				       S1AP_ENB_ID_MACROENB_ID), id, 20))
		goto out;
	if (e->cfg.name[0] && s1ap_b_str(&a, s1ap_b_ie(&pdu, S1AP_IE_ENB_NAME), e->cfg.name))
		goto out;
	if (put_tas(&a, e, &pdu) ||
	    s1ap_b_enum(s1ap_b_ie(&pdu, S1AP_IE_DEFAULT_PAGING_DRX), drx[e->cfg.paging_drx & 3]))
		goto out;
	e->setup_attempts++;
	e->fail_cause[0] = 0;
	rc = enb_send(e, &pdu, 0);
	if (!rc)
		e->state = S1_SETUP_SENT;
out:
	s1ap_arena_free(&a);
	return rc;
}

static void on_setup_response(struct enb *e, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *v = s1ap_ie_find(pdu, S1AP_IE_SERVED_GUMMEIS);
	const struct s1ap_val *name = s1ap_ie_find(pdu, S1AP_IE_MME_NAME);
	const struct s1ap_val *cap = s1ap_ie_find(pdu, S1AP_IE_RELATIVE_MME_CAPACITY);

	if (v && v->n) {
		const struct s1ap_val *it = &v->v[0], *l;

		l = s1ap_member(it, S1AP_SERVED_GUMMEIS_ITEM_SERVEDPLMNS);
		if (l && l->n && l->v[0].n == 3)
			memcpy(e->mme_plmn, l->v[0].p, 3);
		l = s1ap_member(it, S1AP_SERVED_GUMMEIS_ITEM_SERVEDGROUPIDS);
		if (l && l->n && l->v[0].n == 2)
			e->mme_gid = (uint16_t)(l->v[0].p[0] << 8 | l->v[0].p[1]);
		l = s1ap_member(it, S1AP_SERVED_GUMMEIS_ITEM_SERVEDMMECS);
		if (l && l->n && l->v[0].n == 1)
			e->mme_code = l->v[0].p[0];
	}
	if (name) {
		size_t n = name->n < sizeof(e->mme_name) - 1 ? name->n : sizeof(e->mme_name) - 1;

		memcpy(e->mme_name, name->p, n);
		e->mme_name[n] = 0;
	}
	if (cap)
		e->rel_capacity = (uint8_t)cap->u;
	e->state = S1_UP;
	log_notice(MOD, "enb %u: S1 Setup done with MME \"%s\" (group %u code %u, capacity %u)",
		   e->idx, e->mme_name, e->mme_gid, e->mme_code, e->rel_capacity);
}

static void on_setup_failure(struct enb *e, const struct s1ap_pdu *pdu)
{
	static const unsigned int ttw[] = { 1, 2, 5, 10, 20, 60 };
	const struct s1ap_val *c = s1ap_ie_find(pdu, S1AP_IE_CAUSE);
	const struct s1ap_val *w = s1ap_ie_find(pdu, S1AP_IE_TIME_TO_WAIT);

	s1ap_cause_str(c, e->fail_cause, sizeof(e->fail_cause));
	e->state = S1_FAILED;
	e->time_to_wait_s = w && w->u < 6 ? ttw[w->u] : 0;
	log_warn(MOD, "enb %u: S1 Setup Failure: %s, TimeToWait %us", e->idx, e->fail_cause,
		 e->time_to_wait_s);
	/* 8.7.3.3: wait at least TimeToWait before the next attempt */
	if (e->time_to_wait_s && e->setup_attempts < 4) {
		e->timer.cb = setup_retry;
		ev_timer_start(e->sim->loop, &e->timer, e->time_to_wait_s * 1000ull);
	}
}

/* --------------------------------------------------------------- Reset --- */

/* The UEs of this eNB a Reset names (all of them for list == NULL) lose
 * their S1 connection. */
static void reset_ues(struct enb *e, const struct s1ap_val *list, const char *why)
{
	for (uint32_t i = 0; list && i < list->n; i++) {
		struct s1ap_ue_pair p;
		struct ue *ue = NULL;

		if (s1ap_reset_item(list, i, &p))
			continue;
		if (p.has_enb)
			ue = ue_by_enb_id(e->sim, e, p.enb_id);
		if (!ue && p.has_mme)
			ue = ue_by_mme_id(e->sim, e, p.mme_id);
		if (ue)
			ue_s1_released(ue, why);
	}
	if (list)
		return;
	for (unsigned int i = 0; i < e->sim->n_ues; i++) {
		struct ue *ue = &e->sim->ues[i];

		if (ue->enb == e && ue->connected)
			ue_s1_released(ue, why);
	}
}

static void on_reset(struct enb *e, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *part = s1ap_reset_partial(pdu);
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu ack;
	char cause[64];

	e->reset_rx++;
	log_notice(MOD, "enb %u: Reset from the MME (%s, cause %s)", e->idx,
		   part ? "partOfS1-Interface" : "s1-Interface",
		   s1ap_cause_str(s1ap_ie_find(pdu, S1AP_IE_CAUSE), cause, sizeof(cause)));
	reset_ues(e, part, part ? "partial reset" : "reset");
	if (!s1ap_build_reset_ack(&ack, &a, part))
		enb_send(e, &ack, 0);
	s1ap_arena_free(&a);
}

int enb_send_reset(struct enb *e, struct ue **ues, unsigned int n)
{
	struct s1ap_ue_pair *pairs = n ? calloc(n, sizeof(*pairs)) : NULL;
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int rc = -1;

	if (n && !pairs)
		return -1;
	for (unsigned int i = 0; i < n; i++)
		pairs[i] = (struct s1ap_ue_pair){ .mme_id = ues[i]->mme_ue_id,
						  .has_mme = ues[i]->has_mme_id,
						  .enb_id = ues[i]->enb_ue_id, .has_enb = true };
	if (!s1ap_build_reset(&pdu, &a, S1AP_CAUSE_MISC_OM_INTERVENTION, pairs, n))
		rc = enb_send(e, &pdu, 0);
	if (!rc && !n)
		reset_ues(e, NULL, "reset");
	for (unsigned int i = 0; !rc && i < n; i++)
		ue_s1_released(ues[i], "reset by the eNB");
	s1ap_arena_free(&a);
	free(pairs);
	return rc;
}

/* ---------------------------------------------------- Error Indication --- */

int enb_error_indication(struct enb *e, const struct s1ap_ue_pair *ids, enum s1ap_key cause,
			 const struct s1ap_pdu *trig, const struct s1ap_check_result *r)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;
	int rc = -1;

	if (!s1ap_build_error_indication(&pdu, &a, ids, cause, trig, r)) {
		log_info(MOD, "enb %u: Error Indication %s", e->idx, s1ap_key_name(cause));
		rc = enb_send(e, &pdu, 0);
	}
	s1ap_arena_free(&a);
	return rc;
}

static void on_error_indication(struct enb *e, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *m = s1ap_ie_find(pdu, S1AP_IE_MME_UE_S1AP_ID);
	const struct s1ap_val *id = s1ap_ie_find(pdu, S1AP_IE_ENB_UE_S1AP_ID);
	char cause[64];

	e->err_ind_rx++;
	log_warn(MOD, "enb %u: Error Indication from the MME: cause %s, MME-UE %lld, eNB-UE %lld",
		 e->idx, s1ap_cause_str(s1ap_ie_find(pdu, S1AP_IE_CAUSE), cause, sizeof(cause)),
		 m ? (long long)m->u : -1, id ? (long long)id->u : -1);
}

/* -------------------------------------------------------------- Paging --- */

static int paging_tai_ok(const struct enb *e, const struct s1ap_val *l)
{
	for (uint32_t i = 0; l && i < l->n; i++) {
		const struct s1ap_val *it = s1ap_field_val(&l->v[i], NULL);
		const struct s1ap_val *tai = s1ap_member(it, S1AP_TAI_ITEM_TAI);
		uint8_t plmn[3], tac[2];

		if (!s1ap_mem_oct(tai, S1AP_TAI_PLMNIDENTITY, plmn, 3) &&
		    !s1ap_mem_oct(tai, S1AP_TAI_TAC, tac, 2) &&
		    enb_tai_served(e, plmn, (uint16_t)(tac[0] << 8 | tac[1])))
			return 1;
	}
	return 0;
}

static int paging_match(const struct ue *ue, enum s1ap_key alt, const struct s1ap_val *id)
{
	if (alt == S1AP_UE_PAGING_ID_S_TMSI) {
		uint8_t mmec, mt[4];

		return ue->has_guti && !s1ap_mem_oct(id, S1AP_S_TMSI_MMEC, &mmec, 1) &&
		       !s1ap_mem_oct(id, S1AP_S_TMSI_M_TMSI, mt, 4) && mmec == ue->guti.mme_code &&
		       ((uint32_t)mt[0] << 24 | mt[1] << 16 | mt[2] << 8 | mt[3]) == ue->guti.tmsi;
	}
	if (alt == S1AP_UE_PAGING_ID_IMSI && id->t->kind == S1AP_K_OCTETS) {
		/* TS 36.413 9.2.3.11: TBCD digits, low nibble first, F filler */
		char d[17];
		size_t k = 0;

		for (uint32_t i = 0; i < id->n && k < 16; i++) {
			uint8_t lo = id->p[i] & 15, hi = id->p[i] >> 4;

			if (lo > 9)
				break;
			d[k++] = (char)('0' + lo);
			if (hi > 9)
				break;
			d[k++] = (char)('0' + hi);
		}
		d[k] = 0;
		return strcmp(d, ue->cfg.imsi) ? 0 : 2;
	}
	return 0;
}

static void on_paging(struct enb *e, const struct s1ap_pdu *pdu)
{
	const struct s1ap_val *pid = s1ap_ie_find(pdu, S1AP_IE_UE_PAGING_ID);
	const struct s1ap_val *id = s1ap_alt(pid, NULL);
	enum s1ap_key alt = s1ap_alt_key(pid);
	const struct s1ap_val *tais = s1ap_ie_find(pdu, S1AP_IE_TAI_LIST);
	unsigned int hits = 0;
	int how;

	e->paging_rx++;
	if (!id || !paging_tai_ok(e, tais)) {
		log_info(MOD, "enb %u: Paging not for a TAI of this eNB", e->idx);
		return;
	}
	for (unsigned int i = 0; i < e->sim->n_ues; i++) {
		struct ue *ue = &e->sim->ues[i];

		if (ue->enb != e || !(how = paging_match(ue, alt, id)))
			continue;
		hits++;
		ue_paged(ue, how == 2);
	}
	e->paging_matched += hits;
	log_info(MOD, "enb %u: Paging by %s: %u UE(s)", e->idx, s1ap_key_name(alt), hits);
}

/* ------------------------------------------------------------ dispatch --- */

static int ue_associated(unsigned int proc)
{
	switch (proc) {
	case S1AP_PROC_PATH_SWITCH_REQUEST:
	case S1AP_PROC_E_RAB_SETUP:
	case S1AP_PROC_E_RAB_MODIFY:
	case S1AP_PROC_E_RAB_RELEASE:
	case S1AP_PROC_INITIAL_CONTEXT_SETUP:
	case S1AP_PROC_DOWNLINK_NAS_TRANSPORT:
	case S1AP_PROC_UE_CONTEXT_MODIFICATION:
	case S1AP_PROC_UE_CONTEXT_RELEASE:
		return 1;
	}
	return 0;
}

static void simple_ack(struct enb *e, unsigned int proc)
{
	struct s1ap_arena a = { 0 };
	struct s1ap_pdu pdu;

	if (!s1ap_pdu_init(&pdu, &a, proc, S1AP_SUCCESSFUL))
		enb_send(e, &pdu, 0);
	s1ap_arena_free(&a);
}

static void dispatch(struct enb *e, const struct s1ap_pdu *pdu)
{
	if (ue_associated(pdu->proc)) {
		ue_s1ap_rx(e, pdu);
		return;
	}
	switch (pdu->proc << 2 | pdu->kind) {
	case S1AP_PROC_S1_SETUP << 2 | S1AP_SUCCESSFUL:
		on_setup_response(e, pdu);
		return;
	case S1AP_PROC_S1_SETUP << 2 | S1AP_UNSUCCESSFUL:
		on_setup_failure(e, pdu);
		return;
	case S1AP_PROC_RESET << 2 | S1AP_INITIATING:
		on_reset(e, pdu);
		return;
	case S1AP_PROC_RESET << 2 | S1AP_SUCCESSFUL:
		e->reset_ack_rx++;
		log_info(MOD, "enb %u: Reset Acknowledge", e->idx);
		return;
	case S1AP_PROC_ERROR_INDICATION << 2 | S1AP_INITIATING:
		on_error_indication(e, pdu);
		return;
	case S1AP_PROC_PAGING << 2 | S1AP_INITIATING:
		on_paging(e, pdu);
		return;
	case S1AP_PROC_MME_CONFIGURATION_UPDATE << 2 | S1AP_INITIATING:
		simple_ack(e, S1AP_PROC_MME_CONFIGURATION_UPDATE);
		return;
	case S1AP_PROC_MME_CONFIGURATION_TRANSFER << 2 | S1AP_INITIATING:
		return;
	}
	log_warn(MOD, "enb %u: unexpected %s", e->idx, pdu->msg->name);
	enb_error_indication(e, NULL, S1AP_CAUSE_PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE,
			     NULL, NULL);
}

static void enb_rx(struct enb *e, const uint8_t *b, size_t n, uint16_t stream)
{
	struct s1ap_arena a = { 0 };
	struct aper_ctx ctx = { 0 };
	struct s1ap_check_result r;
	struct s1ap_pdu pdu;

	e->s1ap_rx++;
	if (s1ap_decode(&pdu, &a, &ctx, b, n)) {
		e->s1ap_bad++;
		log_warn(MOD, "enb %u: S1AP transfer syntax error: %s", e->idx, ctx.err);
		enb_error_indication(e, NULL, S1AP_CAUSE_PROTOCOL_TRANSFER_SYNTAX_ERROR, NULL, NULL);
		goto out;
	}
	s1ap_check(&pdu, &r);
	if (r.unknown_proc) {
		e->s1ap_bad++;
		log_warn(MOD, "enb %u: procedure %u (%s) not comprehended", e->idx, pdu.proc,
			 s1ap_kind_name(pdu.kind));
		/* 10.3.4.1: ignore-criticality procedures are dropped silently */
		if (pdu.crit != S1AP_IGNORE)
			enb_error_indication(e, NULL,
					     S1AP_CAUSE_PROTOCOL_ABSTRACT_SYNTAX_ERROR_REJECT, &pdu,
					     &r);
		goto out;
	}
	log_debug(MOD, "enb %u: received %s on stream %u", e->idx, pdu.msg->name, stream);
	if (r.n || r.reject) {
		e->s1ap_bad++;
		log_warn(MOD, "enb %u: %s: %u IE(s) missing or not comprehended%s", e->idx,
			 pdu.msg->name, r.n, r.reject ? ", rejected" : "");
		enb_error_indication(e, NULL, r.reject ?
				     S1AP_CAUSE_PROTOCOL_ABSTRACT_SYNTAX_ERROR_REJECT :
				     S1AP_CAUSE_PROTOCOL_ABSTRACT_SYNTAX_ERROR_IGNORE_AND_NOTIFY,
				     &pdu, &r);
		if (r.reject)
			goto out;
	}
	dispatch(e, &pdu);
out:
	s1ap_arena_free(&a);
}
