// SPDX-License-Identifier: GPL-2.0
/*
 * User plane.  Each attached UE has a TUN device in enbsim's network
 * namespace carrying its PDN addresses; each eNB a UDP socket on its S1-U
 * address, port 2152.
 *
 *   ping -I ue0 HOST -> TUN ue0 -> [bearer by uplink TFT, else default]
 *        -> G-PDU (TS 29.281 5.1) to the gateway's S1-U address, UL TEID
 *   G-PDU on port 2152 -> UE and bearer by DL TEID -> write to TUN
 *   Echo Request -> Echo Response (29.281 7.2.2); End Marker counted
 *
 * The DL TEID is made from the UE index, the S1 connection generation and
 * the EBI, so lookups need no table:  gen (12) | UE index (16) | EBI (4).
 * An uplink packet of an idle UE triggers a service request (and is dropped).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "enbsim.h"
#include "lib/log.h"
#include "proto/gtpu_msg.h"

#define MOD "uplane"

/* struct in6_ifreq of <linux/ipv6.h>, which clashes with <netinet/in.h> */
struct in6_ifreq_compat {
	struct in6_addr addr;
	uint32_t prefixlen;
	int ifindex;
};

uint32_t uplane_teid(const struct ue *ue, uint8_t ebi)
{
	/* generation (the upper bits), UE index (ENBSIM_UE_ID_BITS), EBI (4) */
	return (uint32_t)ue->gen << (ENBSIM_UE_ID_BITS + 4) |
	       (ue->idx & ((1u << ENBSIM_UE_ID_BITS) - 1)) << 4 | (ebi & 15);
}

struct ue_bearer *uplane_bearer_by_teid(struct enbsim *sim, uint32_t teid, struct ue **uep)
{
	unsigned int i = (teid >> 4) & ((1u << ENBSIM_UE_ID_BITS) - 1);
	struct ue_bearer *b;

	if (i >= sim->n_ues)
		return NULL;
	b = &sim->ues[i].br[teid & 15];
	if (!b->s1u_up || b->dl_teid != teid)
		return NULL;
	*uep = &sim->ues[i];
	return b;
}

/* ------------------------------------------------------------ GTP-U rx --- */

static void echo_response(int fd, const struct gtpu_msg *req, const struct sockaddr_in *to)
{
	static const uint8_t recovery = 0;
	struct gtpu_msg r;
	struct gtpu_err err;
	uint8_t b[64];
	int n;

	gtpu_msg_init(&r, GTPU_ECHO_RESPONSE, 0);
	r.flags |= GTPU_F_S;
	r.seq = req->seq;
	gtpu_msg_add_ie(&r, GTPU_IE_RECOVERY, &recovery, 1);
	n = gtpu_msg_encode(&r, b, sizeof(b), &err);
	if (n > 0)
		sendto(fd, b, (size_t)n, 0, (const struct sockaddr *)to, sizeof(*to));
}

static void gtpu_rx_one(struct enbsim *sim, int fd, const uint8_t *b, size_t n,
			const struct sockaddr_in *from)
{
	struct gtpu_msg m;
	struct gtpu_err err;
	struct ue_bearer *br;
	struct ue *ue;

	if (gtpu_msg_decode(b, n, &m, &err)) {
		sim->gtpu_bad++;
		log_debug(MOD, "bad GTP-U: %s", err.msg);
		return;
	}
	switch (m.type) {
	case GTPU_ECHO_REQUEST:
		echo_response(fd, &m, from);
		return;
	case GTPU_END_MARKER:
		br = uplane_bearer_by_teid(sim, m.teid, &ue);
		if (br)
			br->end_markers++;
		return;
	case GTPU_G_PDU:
		break;
	default:
		log_info(MOD, "GTP-U %s ignored", gtpu_msg_type_name(m.type) ?
			 gtpu_msg_type_name(m.type) : "message");
		return;
	}
	br = uplane_bearer_by_teid(sim, m.teid, &ue);
	if (!br || ue->tun_fd < 0) {
		sim->gtpu_bad++;
		return;
	}
	br->dl_pkts++;
	br->dl_bytes += m.payload_len;
	if (write(ue->tun_fd, m.payload, m.payload_len) < 0) {
		ue->dl_drop++;
		return;
	}
	ue->dl_pkts++;
}

static void gtpu_rx(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct enbsim *sim = arg;
	uint8_t b[9000];

	for (int i = 0; i < 64; i++) {
		struct sockaddr_in from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(fd, b, sizeof(b), 0, (struct sockaddr *)&from, &fl);

		if (n <= 0)
			return;
		gtpu_rx_one(sim, fd, b, (size_t)n, &from);
	}
}

int uplane_enb_open(struct enb *e)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(GTPU_PORT) };

	if (e->gtpu_fd >= 0)
		return 0;
	for (unsigned int i = 0; i < e->sim->n_enbs; i++) {
		struct enb *o = &e->sim->enb[i];

		if (o != e && o->gtpu_fd >= 0 && !memcmp(o->s1u_ip, e->s1u_ip, 4)) {
			e->gtpu_fd = o->gtpu_fd;
			return 0;
		}
	}
	memcpy(&sa.sin_addr, e->s1u_ip, 4);
	e->gtpu_fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (e->gtpu_fd < 0 || bind(e->gtpu_fd, (struct sockaddr *)&sa, sizeof(sa))) {
		log_err(MOD, "enb %u: GTP-U socket on %s:%u: %s", e->idx, e->cfg.s1u, GTPU_PORT,
			strerror(errno));
		if (e->gtpu_fd >= 0)
			close(e->gtpu_fd);
		e->gtpu_fd = -1;
		return -1;
	}
	e->gtpu_owner = 1;
	return ev_io_add(e->sim->loop, e->gtpu_fd, EV_READ, gtpu_rx, e->sim);
}

void uplane_enb_close(struct enb *e)
{
	if (e->gtpu_fd >= 0 && e->gtpu_owner) {
		ev_io_del(e->sim->loop, e->gtpu_fd);
		close(e->gtpu_fd);
	}
	e->gtpu_fd = -1;
	e->gtpu_owner = 0;
}

/* --------------------------------------------------------- TUN uplink --- */

static struct ue_pdn *pdn_of(struct ue *ue, const uint8_t *p, size_t n)
{
	for (unsigned int i = 0; i < UE_MAX_PDNS; i++) {
		struct ue_pdn *d = &ue->pdn[i];

		if (!d->used)
			continue;
		if (n >= 20 && p[0] >> 4 == 4 && d->has4 && !memcmp(p + 12, d->ipv4, 4))
			return d;
		if (n >= 40 && p[0] >> 4 == 6 && d->has6 && !memcmp(p + 16, d->iid, 8))
			return d;
	}
	return ue->pdn[0].used ? &ue->pdn[0] : NULL;
}

static void uplink(struct ue *ue, const uint8_t *p, size_t n)
{
	struct ue_pdn *d = pdn_of(ue, p, n);
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(GTPU_PORT) };
	struct ue_bearer *b;
	struct gtpu_msg m;
	struct gtpu_err err;
	uint8_t out[9100];
	int len, ebi;

	if (!ue->connected && ue->emm == EMM_REGISTERED) {
		/* 5.6.1.1: uplink user data pending in ECM-IDLE */
		ue_service_request(ue, 0);
	}
	if (!d || !ue->connected) {
		ue->ul_drop++;
		return;
	}
	ebi = ue_tft_select(ue, p, n, d->ebi);
	b = &ue->br[ebi];
	if (!b->s1u_up) {
		ue->ul_drop++;
		return;
	}
	gtpu_msg_init(&m, GTPU_G_PDU, b->ul_teid);
	m.payload = p;
	m.payload_len = n;
	len = gtpu_msg_encode(&m, out, sizeof(out), &err);
	memcpy(&to.sin_addr, b->sgw_ip, 4);
	if (len < 0 || ue->enb->gtpu_fd < 0 ||
	    sendto(ue->enb->gtpu_fd, out, (size_t)len, 0, (struct sockaddr *)&to, sizeof(to)) < 0) {
		ue->ul_drop++;
		return;
	}
	b->ul_pkts++;
	b->ul_bytes += n;
	ue->ul_pkts++;
}

static void tun_rx(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct ue *ue = arg;
	uint8_t b[9000];

	for (int i = 0; i < 64; i++) {
		ssize_t n = read(fd, b, sizeof(b));

		if (n <= 0)
			return;
		uplink(ue, b, (size_t)n);
	}
}

/* ---------------------------------------------------------- TUN setup --- */

static int if_up(int s, const char *name)
{
	struct ifreq ifr = { 0 };

	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
	if (ioctl(s, SIOCGIFFLAGS, &ifr))
		return -1;
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	return ioctl(s, SIOCSIFFLAGS, &ifr);
}

static int set_v4(const char *name, const uint8_t ip[4])
{
	struct ifreq ifr = { 0 };
	struct sockaddr_in *sa = (struct sockaddr_in *)&ifr.ifr_addr;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), rc;

	if (s < 0)
		return -1;
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
	sa->sin_family = AF_INET;
	memcpy(&sa->sin_addr, ip, 4);
	rc = ioctl(s, SIOCSIFADDR, &ifr);
	memset(&sa->sin_addr, 0xff, 4);
	if (!rc)
		rc = ioctl(s, SIOCSIFNETMASK, &ifr);
	if (!rc)
		rc = if_up(s, name);
	close(s);
	return rc;
}

static int set_v6(const char *name, const uint8_t iid[8])
{
	struct in6_ifreq_compat r = { .prefixlen = 64 };
	int s = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0), rc;

	if (s < 0)
		return -1;
	r.ifindex = (int)if_nametoindex(name);
	/* link-local fe80::IID/64; the global prefix comes in a Router
	 * Advertisement the kernel processes on the TUN (TS 29.061 11.2.1.3) */
	r.addr.s6_addr[0] = 0xfe;
	r.addr.s6_addr[1] = 0x80;
	memcpy(&r.addr.s6_addr[8], iid, 8);
	rc = ioctl(s, SIOCSIFADDR, &r);
	if (rc && errno == EEXIST)
		rc = 0;
	close(s);
	return rc;
}

int uplane_ue_up(struct ue *ue)
{
	struct ifreq ifr = { .ifr_flags = IFF_TUN | IFF_NO_PI };

	if (!ue->sim->uplane)
		return 0;
	if (uplane_enb_open(ue->enb))
		return -1;
	if (ue->tun_fd < 0) {
		ue->tun_fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
		snprintf(ifr.ifr_name, IFNAMSIZ, "%s", ue->tun_name);
		if (ue->tun_fd < 0 || ioctl(ue->tun_fd, TUNSETIFF, &ifr)) {
			log_err(MOD, "ue %u: TUN %s: %s", ue->idx, ue->tun_name, strerror(errno));
			if (ue->tun_fd >= 0)
				close(ue->tun_fd);
			ue->tun_fd = -1;
			return -1;
		}
		ev_io_add(ue->sim->loop, ue->tun_fd, EV_READ, tun_rx, ue);
	}
	for (unsigned int i = 0; i < UE_MAX_PDNS; i++) {
		const struct ue_pdn *d = &ue->pdn[i];

		if (d->used && d->has4 && set_v4(ue->tun_name, d->ipv4))
			log_warn(MOD, "ue %u: IPv4 address on %s: %s", ue->idx, ue->tun_name,
				 strerror(errno));
		if (d->used && d->has6 && set_v6(ue->tun_name, d->iid))
			log_warn(MOD, "ue %u: IPv6 address on %s: %s", ue->idx, ue->tun_name,
				 strerror(errno));
		/* one IPv4 address per interface with SIOCSIFADDR: the first PDN's */
		if (d->used && d->has4)
			break;
	}
	log_info(MOD, "ue %u: %s up", ue->idx, ue->tun_name);
	return 0;
}

void uplane_ue_down(struct ue *ue)
{
	if (ue->tun_fd < 0)
		return;
	ev_io_del(ue->sim->loop, ue->tun_fd);
	close(ue->tun_fd);
	ue->tun_fd = -1;
	log_info(MOD, "ue %u: %s down", ue->idx, ue->tun_name);
}
