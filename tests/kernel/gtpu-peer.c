// SPDX-License-Identifier: GPL-2.0
/*
 * gtpu-peer: a userspace GTP-U peer (the "eNodeB" side) for the gtpu.ko
 * selftests.  libc only, one file.
 *
 *   gtpu-peer tun --local ADDR --remote ADDR [--port 2152] --dev NAME
 *                 { --teid-out N --teid-in N | --map TEID_OUT:TEID_IN:UE_ADDR ... }
 *                 [--restart N] [--log FILE]
 *       TUN device NAME (IFF_TUN|IFF_NO_PI, set up) <-> G-PDUs on UDP
 *       local:port.  Packets read from the TUN go out with TEID teid-out (or
 *       the TEID_OUT of the --map whose UE_ADDR is the inner source); G-PDUs
 *       received are checked and written to the TUN.  Echo Requests are
 *       answered.  With --log, one line per received GTP-U packet:
 *         rx flags=0x30 type=255 len=84 teid=100 inner=84
 *         bad <reason> flags=0x30 type=255 len=84 teid=7 size=92
 *       (len: the header's Length field; size: the UDP payload; reasons:
 *       short, version, pt, length, short-opt, ext-header, type, teid)
 *   gtpu-peer send --local ADDR --remote ADDR [--port P] --hex HEX [--count N]
 *       sends HEX as the UDP payload (N times) and exits.
 *   gtpu-peer echo-responder --local ADDR [--port P] [--restart N] [--log FILE]
 *       answers Echo Requests with an Echo Response carrying Recovery N.
 *   gtpu-peer echo-request --local ADDR --remote ADDR [--port P] [--seq N]
 *                 [--timeout S]
 *       prints "echo-response seq=N recovery=R rtt_us=T"; exit 1 on timeout.
 *
 * Every mode binds UDP local:port (default 2152, TS 29.281 4.4.2) and runs
 * until SIGTERM/SIGINT, then exits 0.  Exit 2 on bad arguments.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_tun.h>

/*
 * GTPv1-U header, TS 29.281 5.1:
 *
 *    0   1   2   3   4   5   6   7
 *  +---+---+---+---+---+---+---+---+
 *  |Version=1  |PT | * | E | S |PN |   octet 1
 *  +---+---+---+---+---+---+---+---+
 *  |        Message Type           |   octet 2
 *  |   Length (octets after 8)     |   octets 3-4
 *  |            TEID               |   octets 5-8
 *  | Sequence Number (if E|S|PN)   |   octets 9-10
 *  | N-PDU Number    (if E|S|PN)   |   octet 11
 *  | Next Ext Header (if E|S|PN)   |   octet 12
 *  +-------------------------------+
 */
#define GTP_HLEN		8
#define GTP_OPT_LEN		4
#define GTP_F_VERSION1		0x20
#define GTP_F_PT		0x10
#define GTP_F_E			0x04
#define GTP_F_S			0x02
#define GTP_F_PN		0x01
#define GTP_ECHO_REQ		1	/* TS 29.281 7.2.1 */
#define GTP_ECHO_RSP		2	/* TS 29.281 7.2.2 */
#define GTP_GPDU		255
#define GTP_IE_RECOVERY		14	/* TS 29.281 8.2, TV, 1 octet */
#define MAX_MAPS		64
#define PKT_MAX			65536

struct map {
	uint32_t teid_out, teid_in;
	int family;
	uint8_t ue[16];
};

struct opts {
	const char *local, *remote, *dev, *log, *hex;
	uint16_t port;
	uint32_t teid_out, teid_in;
	bool have_teid_out, have_teid_in;
	uint8_t restart;
	uint16_t seq;
	unsigned long count;
	unsigned int timeout;
	struct map maps[MAX_MAPS];
	int n_maps;
};

static volatile sig_atomic_t stop;
static FILE *log_file;

static void on_signal(int sig)
{
	stop = 1;
}

static void die(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

static void die(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("gtpu-peer: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

static void logln(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void logln(const char *fmt, ...)
{
	va_list ap;

	if (!log_file)
		return;
	va_start(ap, fmt);
	vfprintf(log_file, fmt, ap);
	va_end(ap);
	fputc('\n', log_file);
}

static unsigned long long num(const char *s, unsigned long long max,
			      const char *what)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (!isdigit((unsigned char)s[0]) || errno || *end || v > max)
		die(2, "bad %s \"%s\"", what, s);
	return v;
}

static int addr_parse(const char *s, void *out)
{
	if (inet_pton(AF_INET, s, out) == 1)
		return AF_INET;
	if (inet_pton(AF_INET6, s, out) == 1)
		return AF_INET6;
	return 0;
}

static socklen_t sockaddr_of(const char *s, uint16_t port,
			     struct sockaddr_storage *ss)
{
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, s, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons(port);
		return sizeof(*a4);
	}
	if (inet_pton(AF_INET6, s, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons(port);
		return sizeof(*a6);
	}
	die(2, "bad address \"%s\"", s);
}

static void add_map(struct opts *o, char *s)
{
	struct map *m = &o->maps[o->n_maps];
	char *a = strchr(s, ':'), *b = a ? strchr(a + 1, ':') : NULL;

	if (o->n_maps >= MAX_MAPS)
		die(2, "more than %d --map options", MAX_MAPS);
	if (!a || !b)
		die(2, "bad --map \"%s\" (TEID_OUT:TEID_IN:UE_ADDR)", s);
	*a = *b = '\0';
	m->teid_out = (uint32_t)num(s, UINT32_MAX, "--map TEID_OUT");
	m->teid_in = (uint32_t)num(a + 1, UINT32_MAX, "--map TEID_IN");
	m->family = addr_parse(b + 1, m->ue);
	if (!m->family)
		die(2, "bad --map UE address \"%s\"", b + 1);
	o->n_maps++;
}

static void parse_opts(struct opts *o, int argc, char **argv)
{
	o->port = 2152;
	o->count = 1;
	o->timeout = 3;
	o->seq = 1;
	for (int i = 0; i < argc; i += 2) {
		const char *k = argv[i];
		char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!v)
			die(2, "option \"%s\" needs a value", k);
		if (!strcmp(k, "--local"))
			o->local = v;
		else if (!strcmp(k, "--remote"))
			o->remote = v;
		else if (!strcmp(k, "--dev"))
			o->dev = v;
		else if (!strcmp(k, "--log"))
			o->log = v;
		else if (!strcmp(k, "--hex"))
			o->hex = v;
		else if (!strcmp(k, "--port"))
			o->port = (uint16_t)num(v, UINT16_MAX, "--port");
		else if (!strcmp(k, "--teid-out"))
			o->teid_out = (uint32_t)num(v, UINT32_MAX, "--teid-out"),
			o->have_teid_out = true;
		else if (!strcmp(k, "--teid-in"))
			o->teid_in = (uint32_t)num(v, UINT32_MAX, "--teid-in"),
			o->have_teid_in = true;
		else if (!strcmp(k, "--restart"))
			o->restart = (uint8_t)num(v, UINT8_MAX, "--restart");
		else if (!strcmp(k, "--seq"))
			o->seq = (uint16_t)num(v, UINT16_MAX, "--seq");
		else if (!strcmp(k, "--count"))
			o->count = num(v, 1000000000, "--count");
		else if (!strcmp(k, "--timeout"))
			o->timeout = (unsigned int)num(v, 3600, "--timeout");
		else if (!strcmp(k, "--map"))
			add_map(o, v);
		else
			die(2, "unknown option \"%s\"", k);
	}
	if (!o->local)
		die(2, "--local is required");
	if (o->log) {
		log_file = fopen(o->log, "a");
		if (!log_file)
			die(1, "cannot open %s: %s", o->log, strerror(errno));
		setvbuf(log_file, NULL, _IOLBF, 0);
	}
}

static int udp_socket(const struct opts *o)
{
	struct sockaddr_storage ss;
	socklen_t len = sockaddr_of(o->local, o->port, &ss);
	int one = 1, fd = socket(ss.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		die(1, "socket: %s", strerror(errno));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, len))
		die(1, "bind %s port %u: %s", o->local, o->port, strerror(errno));
	return fd;
}

static void setup_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);	/* no SA_RESTART: poll() returns EINTR */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v & 0xffff);
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

/* --------------------------------------------------------------- echo --- */

/* Echo Request (TS 29.281 7.2.1): S=1, TEID 0, no IE. */
static size_t build_echo_req(uint8_t *p, uint16_t seq)
{
	memset(p, 0, GTP_HLEN + GTP_OPT_LEN);
	p[0] = GTP_F_VERSION1 | GTP_F_PT | GTP_F_S;
	p[1] = GTP_ECHO_REQ;
	put16(p + 2, GTP_OPT_LEN);
	put16(p + 8, seq);
	return GTP_HLEN + GTP_OPT_LEN;
}

/* Echo Response (TS 29.281 7.2.2): same sequence number, Recovery IE. */
static size_t build_echo_rsp(uint8_t *p, uint16_t seq, uint8_t restart)
{
	memset(p, 0, GTP_HLEN + GTP_OPT_LEN + 2);
	p[0] = GTP_F_VERSION1 | GTP_F_PT | GTP_F_S;
	p[1] = GTP_ECHO_RSP;
	put16(p + 2, GTP_OPT_LEN + 2);
	put16(p + 8, seq);
	p[12] = GTP_IE_RECOVERY;
	p[13] = restart;
	return GTP_HLEN + GTP_OPT_LEN + 2;
}

/*
 * Checks the fixed header and skips the optional fields and extension
 * headers.  Returns the offset of the payload (inner packet or IEs), or -1
 * with *why set.
 */
static int gtp_check(const uint8_t *p, size_t n, const char **why)
{
	size_t off = GTP_HLEN;
	uint8_t next;

	if (n < GTP_HLEN)
		return *why = "short", -1;
	if ((p[0] >> 5) != 1)
		return *why = "version", -1;
	if (!(p[0] & GTP_F_PT))
		return *why = "pt", -1;
	if (get16(p + 2) != n - GTP_HLEN)
		return *why = "length", -1;
	if (!(p[0] & (GTP_F_E | GTP_F_S | GTP_F_PN)))
		return (int)off;
	if (n < GTP_HLEN + GTP_OPT_LEN)
		return *why = "short-opt", -1;
	off += GTP_OPT_LEN;
	next = (p[0] & GTP_F_E) ? p[11] : 0;
	while (next) {		/* TS 29.281 5.2: length in 4-octet units */
		size_t len = off < n ? p[off] * 4u : 0;

		if (!len || off + len > n)
			return *why = "ext-header", -1;
		next = p[off + len - 1];
		off += len;
	}
	return (int)off;
}

/* Recovery IE value after the header, or -1. */
static int find_recovery(const uint8_t *p, size_t n, size_t off)
{
	while (off + 2 <= n) {
		if (p[off] == GTP_IE_RECOVERY)
			return p[off + 1];
		if (p[off] < 128)	/* other TV IEs we do not know: stop */
			return -1;
		if (off + 3 > n)	/* TLV: type, 2-octet length */
			return -1;
		off += 3 + get16(p + off + 1);
	}
	return -1;
}

/* "bad REASON ..." with the header fields that were received. */
static void log_bad(const char *why, const uint8_t *p, ssize_t n)
{
	if (n < GTP_HLEN)
		logln("bad %s size=%zd", why, n);
	else
		logln("bad %s flags=0x%02x type=%u len=%u teid=%u size=%zd", why,
		      p[0], p[1], get16(p + 2), get32(p + 4), n);
}

static void answer_echo(int fd, const uint8_t *p, size_t n,
			const struct sockaddr_storage *from, socklen_t flen,
			uint8_t restart)
{
	uint8_t rsp[GTP_HLEN + GTP_OPT_LEN + 2];
	uint16_t seq = (p[0] & GTP_F_S) && n >= 10 ? get16(p + 8) : 0;
	size_t len = build_echo_rsp(rsp, seq, restart);

	if (sendto(fd, rsp, len, 0, (const struct sockaddr *)from, flen) < 0)
		logln("bad tx-echo-response %s", strerror(errno));
	else
		logln("tx echo-response seq=%u recovery=%u", seq, restart);
}

static int run_echo_responder(const struct opts *o)
{
	int fd = udp_socket(o);
	uint8_t buf[PKT_MAX];

	setup_signals();
	while (!stop) {
		struct sockaddr_storage from;
		socklen_t flen = sizeof(from);
		ssize_t n = recvfrom(fd, buf, sizeof(buf), 0,
				     (struct sockaddr *)&from, &flen);
		const char *why = NULL;

		if (n < 0)
			continue;	/* EINTR: stop is checked */
		if (gtp_check(buf, (size_t)n, &why) < 0 || buf[1] != GTP_ECHO_REQ) {
			log_bad(why ? why : "type", buf, n);
			continue;
		}
		logln("rx flags=0x%02x type=%u len=%u teid=%u seq=%u", buf[0], buf[1],
		      get16(buf + 2), get32(buf + 4), n >= 10 ? get16(buf + 8) : 0);
		answer_echo(fd, buf, (size_t)n, &from, flen, o->restart);
	}
	close(fd);
	return 0;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int run_echo_request(const struct opts *o)
{
	struct sockaddr_storage to;
	socklen_t tlen = sockaddr_of(o->remote, o->port, &to);
	int fd = udp_socket(o);
	uint8_t buf[PKT_MAX];
	size_t len = build_echo_req(buf, o->seq);
	double t0 = now_s(), end = t0 + o->timeout;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	setup_signals();
	if (sendto(fd, buf, len, 0, (struct sockaddr *)&to, tlen) < 0)
		die(1, "sendto %s: %s", o->remote, strerror(errno));
	while (!stop && now_s() < end) {
		const char *why;
		ssize_t n;
		int off;

		if (poll(&p, 1, (int)((end - now_s()) * 1000) + 1) <= 0)
			continue;
		n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0)
			continue;
		off = gtp_check(buf, (size_t)n, &why);
		if (off < 0 || buf[1] != GTP_ECHO_RSP || !(buf[0] & GTP_F_S) ||
		    get16(buf + 8) != o->seq)
			continue;
		printf("echo-response seq=%u recovery=%d rtt_us=%.0f\n",
		       get16(buf + 8), find_recovery(buf, (size_t)n, (size_t)off),
		       (now_s() - t0) * 1e6);
		close(fd);
		return 0;
	}
	close(fd);
	fprintf(stderr, "gtpu-peer: no Echo Response from %s within %u s\n",
		o->remote, o->timeout);
	return 1;
}

/* --------------------------------------------------------------- send --- */

static size_t parse_hex(const char *s, uint8_t *out, size_t max)
{
	size_t n = 0;
	int hi = -1;

	for (; *s; s++) {
		int v;

		if (isspace((unsigned char)*s) || *s == ':')
			continue;
		if (!isxdigit((unsigned char)*s))
			die(2, "bad --hex: '%c' is not a hex digit", *s);
		v = isdigit((unsigned char)*s) ? *s - '0' :
		    tolower((unsigned char)*s) - 'a' + 10;
		if (hi < 0) {
			hi = v;
			continue;
		}
		if (n >= max)
			die(2, "--hex longer than %zu bytes", max);
		out[n++] = (uint8_t)(hi << 4 | v);
		hi = -1;
	}
	if (hi >= 0)
		die(2, "bad --hex: odd number of digits");
	return n;
}

static int run_send(const struct opts *o)
{
	struct sockaddr_storage to;
	socklen_t tlen;
	uint8_t buf[PKT_MAX];
	size_t len;
	int fd;

	if (!o->remote || !o->hex)
		die(2, "send needs --remote and --hex");
	tlen = sockaddr_of(o->remote, o->port, &to);
	len = parse_hex(o->hex, buf, sizeof(buf));
	fd = udp_socket(o);
	for (unsigned long i = 0; i < o->count; i++)
		if (sendto(fd, buf, len, 0, (struct sockaddr *)&to, tlen) < 0)
			die(1, "sendto %s: %s", o->remote, strerror(errno));
	close(fd);
	return 0;
}

/* ---------------------------------------------------------------- tun --- */

static int tun_open(const char *name)
{
	struct ifreq ifr = { 0 };
	int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC), s;

	if (fd < 0)
		die(1, "open /dev/net/tun: %s", strerror(errno));
	ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
	if (strlen(name) >= IFNAMSIZ)
		die(2, "device name \"%s\" too long", name);
	strcpy(ifr.ifr_name, name);
	if (ioctl(fd, TUNSETIFF, &ifr))
		die(1, "TUNSETIFF %s: %s", name, strerror(errno));
	/* bring it up; addresses and routes are the test script's */
	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s >= 0 && !ioctl(s, SIOCGIFFLAGS, &ifr)) {
		ifr.ifr_flags |= IFF_UP;
		if (ioctl(s, SIOCSIFFLAGS, &ifr))
			die(1, "bring %s up: %s", name, strerror(errno));
	}
	if (s >= 0)
		close(s);
	return fd;
}

/* The map whose UE address is the inner packet's source (or dest). */
static const struct map *map_by_ue(const struct opts *o, const uint8_t *ip,
				   size_t n, bool src)
{
	int v = n ? ip[0] >> 4 : 0;

	for (int i = 0; i < o->n_maps; i++) {
		const struct map *m = &o->maps[i];

		if (v == 4 && n >= 20 && m->family == AF_INET &&
		    !memcmp(ip + (src ? 12 : 16), m->ue, 4))
			return m;
		if (v == 6 && n >= 40 && m->family == AF_INET6 &&
		    !memcmp(ip + (src ? 8 : 24), m->ue, 16))
			return m;
	}
	return NULL;
}

static void tun_to_udp(const struct opts *o, int tun, int udp,
		       const struct sockaddr_storage *to, socklen_t tlen)
{
	uint8_t buf[PKT_MAX];
	ssize_t n = read(tun, buf + GTP_HLEN, sizeof(buf) - GTP_HLEN);
	uint32_t teid = o->teid_out;

	if (n <= 0)
		return;
	if (o->n_maps) {
		const struct map *m = map_by_ue(o, buf + GTP_HLEN, (size_t)n, true);

		if (!m) {
			logln("bad tx-no-map len=%zd", n);
			return;
		}
		teid = m->teid_out;
	}
	buf[0] = GTP_F_VERSION1 | GTP_F_PT;
	buf[1] = GTP_GPDU;
	put16(buf + 2, (uint16_t)n);
	put32(buf + 4, teid);
	if (sendto(udp, buf, (size_t)n + GTP_HLEN, 0,
		   (const struct sockaddr *)to, tlen) < 0)
		logln("bad tx %s", strerror(errno));
}

static bool teid_in_ok(const struct opts *o, uint32_t teid)
{
	if (!o->n_maps)
		return teid == o->teid_in;
	for (int i = 0; i < o->n_maps; i++)
		if (o->maps[i].teid_in == teid)
			return true;
	return false;
}

static void udp_to_tun(const struct opts *o, int udp, int tun)
{
	uint8_t buf[PKT_MAX];
	struct sockaddr_storage from;
	socklen_t flen = sizeof(from);
	ssize_t n = recvfrom(udp, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	const char *why = NULL;
	int off;

	if (n <= 0)
		return;
	off = gtp_check(buf, (size_t)n, &why);
	if (off < 0) {
		log_bad(why, buf, n);
		return;
	}
	if (buf[1] == GTP_ECHO_REQ) {
		logln("rx flags=0x%02x type=%u len=%u teid=%u echo-request",
		      buf[0], buf[1], get16(buf + 2), get32(buf + 4));
		answer_echo(udp, buf, (size_t)n, &from, flen, o->restart);
		return;
	}
	if (buf[1] != GTP_GPDU || !teid_in_ok(o, get32(buf + 4))) {
		log_bad(buf[1] != GTP_GPDU ? "type" : "teid", buf, n);
		return;
	}
	logln("rx flags=0x%02x type=%u len=%u teid=%u inner=%zd", buf[0], buf[1],
	      get16(buf + 2), get32(buf + 4), n - off);
	if (write(tun, buf + off, (size_t)(n - off)) < 0)
		logln("bad tun-write %s", strerror(errno));
}

static int run_tun(const struct opts *o)
{
	struct sockaddr_storage to;
	socklen_t tlen;
	struct pollfd p[2];
	int tun, udp;

	if (!o->remote || !o->dev)
		die(2, "tun needs --remote and --dev");
	if (!o->n_maps && (!o->have_teid_in || !o->have_teid_out))
		die(2, "tun needs --teid-out and --teid-in, or --map");
	tlen = sockaddr_of(o->remote, o->port, &to);
	tun = tun_open(o->dev);
	udp = udp_socket(o);
	p[0] = (struct pollfd){ .fd = tun, .events = POLLIN };
	p[1] = (struct pollfd){ .fd = udp, .events = POLLIN };
	setup_signals();
	while (!stop) {
		if (poll(p, 2, -1) <= 0)
			continue;
		if (p[0].revents & POLLIN)
			tun_to_udp(o, tun, udp, &to, tlen);
		if (p[1].revents & POLLIN)
			udp_to_tun(o, udp, tun);
	}
	close(udp);
	close(tun);
	return 0;
}

int main(int argc, char **argv)
{
	static struct opts o;

	if (argc < 2 || !strcmp(argv[1], "help") || !strcmp(argv[1], "--help")) {
		fputs("usage: gtpu-peer { tun | send | echo-responder | echo-request } OPTIONS\n"
		      "  (see the comment at the top of tests/kernel/gtpu-peer.c)\n",
		      argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	parse_opts(&o, argc - 2, argv + 2);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(argv[1], "tun"))
		return run_tun(&o);
	if (!strcmp(argv[1], "send"))
		return run_send(&o);
	if (!strcmp(argv[1], "echo-responder"))
		return run_echo_responder(&o);
	if (!strcmp(argv[1], "echo-request")) {
		if (!o.remote)
			die(2, "echo-request needs --remote");
		return run_echo_request(&o);
	}
	die(2, "unknown mode \"%s\"", argv[1]);
}
