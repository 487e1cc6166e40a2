// SPDX-License-Identifier: GPL-2.0
/*
 * udp-pace: a paced UDP sender for the gtpu.ko policing selftests
 * (t-police.sh).  libc only, one file.
 *
 *   udp-pace udp --dst ADDR[,ADDR...] [--port 9] --rate BIT/S --size N
 *                --secs S
 *       IPv4/UDP datagrams whose IP packets are N octets (payload N - 28),
 *       sent to the destinations in turn, BIT/S of IP packets in total.
 *   udp-pace gtpu --local ADDR --remote ADDR --flow TEID:SRC[,TEID:SRC...]
 *                --dst ADDR [--port 9] --rate BIT/S --size N --secs S
 *       G-PDUs (8-octet header) from local:2152 to remote:2152, each
 *       carrying an IPv4/UDP packet of N octets from SRC to dst:port (IP
 *       checksum set, UDP checksum 0), the flows in turn.
 *
 * Packet i is due at start + i * interval.  A sender that is late by more
 * than two intervals (the VM was descheduled) skips the slots it missed
 * instead of catching up with a burst: over any window it never sends
 * more than its rate (plus two packets), so a flow below a policer's rate
 * stays below it.  At the end
 * it prints "sent PACKETS IP_OCTETS SECONDS" (packets the socket accepted,
 * their inner IP octets, and the time from the first to the last send).
 * Exit 2 on bad arguments, 1 on a socket error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_FLOWS	16
#define GTPU_PORT	2152

struct flow {
	struct in_addr dst;		/* udp: destination */
	uint32_t teid;			/* gtpu: TEID and inner source */
	struct in_addr src;
};

struct opts {
	int gtpu;
	struct in_addr local, remote, dst;
	unsigned int port, size;
	double rate, secs;
	int nflows;
	struct flow flows[MAX_FLOWS];
};

static void usage(const char *why)
{
	fprintf(stderr, "udp-pace: %s\n", why);
	exit(2);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void addr(const char *s, struct in_addr *a)
{
	if (inet_pton(AF_INET, s, a) != 1)
		usage("bad IPv4 address");
}

static void parse_flows(struct opts *o, char *s)
{
	for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
		struct flow *f = &o->flows[o->nflows];
		char *colon = strchr(tok, ':');

		if (o->nflows >= MAX_FLOWS)
			usage("too many flows");
		if (o->gtpu) {
			if (!colon)
				usage("--flow wants TEID:SRC");
			*colon = '\0';
			f->teid = (uint32_t)strtoul(tok, NULL, 0);
			addr(colon + 1, &f->src);
		} else {
			addr(tok, &f->dst);
		}
		o->nflows++;
	}
}

static void parse(struct opts *o, int argc, char **argv)
{
	memset(o, 0, sizeof(*o));
	o->port = 9;
	if (argc < 2 || (strcmp(argv[1], "udp") && strcmp(argv[1], "gtpu")))
		usage("mode must be udp or gtpu");
	o->gtpu = !strcmp(argv[1], "gtpu");
	for (int i = 2; i + 1 < argc; i += 2) {
		const char *k = argv[i];
		char *v = argv[i + 1];

		if (!strcmp(k, "--local"))
			addr(v, &o->local);
		else if (!strcmp(k, "--remote"))
			addr(v, &o->remote);
		else if (!strcmp(k, "--dst") && !o->gtpu)
			parse_flows(o, v);
		else if (!strcmp(k, "--dst"))
			addr(v, &o->dst);
		else if (!strcmp(k, "--flow") && o->gtpu)
			parse_flows(o, v);
		else if (!strcmp(k, "--port"))
			o->port = (unsigned int)atoi(v);
		else if (!strcmp(k, "--rate"))
			o->rate = atof(v);
		else if (!strcmp(k, "--size"))
			o->size = (unsigned int)atoi(v);
		else if (!strcmp(k, "--secs"))
			o->secs = atof(v);
		else
			usage("unknown option");
	}
	if (!o->nflows || o->rate <= 0 || o->secs <= 0 || o->size < 28 ||
	    o->size > 1400)
		usage("need flows, --rate, --secs and --size 28..1400");
}

static uint16_t csum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* IPv4 (20) + UDP (8) + zero payload, size octets in all, at p */
static void build_inner(uint8_t *p, const struct opts *o, const struct flow *f)
{
	uint16_t c;

	memset(p, 0, o->size);
	p[0] = 0x45;
	p[2] = (uint8_t)(o->size >> 8);
	p[3] = (uint8_t)o->size;
	p[8] = 64;
	p[9] = 17;
	memcpy(p + 12, &f->src, 4);
	memcpy(p + 16, &o->dst, 4);
	c = csum(p, 20);
	p[10] = (uint8_t)(c >> 8);
	p[11] = (uint8_t)c;
	p[20] = 40000 >> 8;
	p[21] = 40000 & 0xff;
	p[22] = (uint8_t)(o->port >> 8);
	p[23] = (uint8_t)o->port;
	p[24] = (uint8_t)((o->size - 20) >> 8);
	p[25] = (uint8_t)(o->size - 20);
}

/* Build the datagram of flow f into buf; returns its length, *to set */
static size_t build(const struct opts *o, const struct flow *f, uint8_t *buf,
		    struct sockaddr_in *to)
{
	memset(to, 0, sizeof(*to));
	to->sin_family = AF_INET;
	if (!o->gtpu) {
		to->sin_addr = f->dst;
		to->sin_port = htons((uint16_t)o->port);
		memset(buf, 0, o->size - 28);
		return o->size - 28;
	}
	to->sin_addr = o->remote;
	to->sin_port = htons(GTPU_PORT);
	buf[0] = 0x30;
	buf[1] = 255;
	buf[2] = (uint8_t)(o->size >> 8);
	buf[3] = (uint8_t)o->size;
	buf[4] = (uint8_t)(f->teid >> 24);
	buf[5] = (uint8_t)(f->teid >> 16);
	buf[6] = (uint8_t)(f->teid >> 8);
	buf[7] = (uint8_t)f->teid;
	build_inner(buf + 8, o, f);
	return 8 + o->size;
}

static int open_socket(const struct opts *o)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0) {
		perror("udp-pace: socket");
		exit(1);
	}
	if (o->gtpu) {
		sa.sin_addr = o->local;
		sa.sin_port = htons(GTPU_PORT);
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
			perror("udp-pace: bind");
			exit(1);
		}
	}
	return fd;
}

static void sleep_until(double t)
{
	struct timespec ts;
	double d = t - now_s();

	if (d <= 0)
		return;
	ts.tv_sec = (time_t)d;
	ts.tv_nsec = (long)((d - (double)ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
	static uint8_t pkt[MAX_FLOWS][1500];
	struct sockaddr_in to[MAX_FLOWS];
	size_t len[MAX_FLOWS];
	unsigned long long sent = 0, octets = 0, i = 0;
	double interval, start, first = 0, last = 0;
	int fd;
	struct opts o;

	parse(&o, argc, argv);
	fd = open_socket(&o);
	for (int f = 0; f < o.nflows; f++)
		len[f] = build(&o, &o.flows[f], pkt[f], &to[f]);
	interval = o.size * 8.0 / o.rate;
	start = now_s();
	for (;; i++) {
		double due = start + (double)i * interval, t = now_s();
		int f = (int)(i % (unsigned long long)o.nflows);

		if (due >= start + o.secs)
			break;
		if (t > due + 2 * interval)
			continue;		/* missed slot: skip it */
		sleep_until(due);
		if (sendto(fd, pkt[f], len[f], 0, (struct sockaddr *)&to[f],
			   sizeof(to[f])) < 0) {
			if (errno == ENOBUFS || errno == EAGAIN)
				continue;
			perror("udp-pace: sendto");
			return 1;
		}
		last = now_s();
		if (!sent)
			first = last;
		sent++;
		octets += o.size;
	}
	printf("sent %llu %llu %.3f\n", sent, octets, last - first);
	close(fd);
	return 0;
}
