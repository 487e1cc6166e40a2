// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl message layer: requests built byte for byte and crafted kernel
 * replies parsed.  Layouts: netlink (RFC 3549 2.3.2, linux/netlink.h),
 * generic netlink (linux/genetlink.h) and include/uapi/linux/gtpu.h.
 * Integers in netlink are host order: the vectors are little-endian.
 */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/genetlink.h>
#include <linux/rtnetlink.h>

#include "gtpnl/gtpnl_int.h"
#include "unit.h"
#include "gtpnl_vec.h"


static void test_build_bearer_add(void)
{
	/* nlmsghdr: len 84, type FAMILY, REQUEST|ACK, seq 1, pid 0
	 * genlmsghdr: cmd BEARER_ADD (1), version 3 (GTPU_GENL_VERSION)
	 * IFINDEX 5; BEARER (3|NLA_F_NESTED) {LOCAL_TEID 100, REMOTE_TEID
	 * 200, PEER_IP4 192.0.2.1, UE_IP4 10.45.0.2, EBI 5 (+3 pad),
	 * COOKIE 0x1122334455667788} */
	static const char *want =
		"54000000 2000 0500 01000000 00000000"
		"01030000"
		"08000100 05000000"
		"38000380"
		"08000100 64000000" "08000200 c8000000"
		"08000300 c0000201" "08000500 0a2d0002"
		"05000800 05000000"
		"0c000900 8877665544332211";
	unsigned char exp[128];
	char buf[256];
	struct gtpnl_bearer b = {
		.ifindex = 5, .teid_in = 100, .teid_out = 200,
		.have = GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE4 |
			GTPNL_B_EBI | GTPNL_B_COOKIE,
		.peer_family = AF_INET, .ebi = 5,
		.cookie = 0x1122334455667788ULL,
	};
	struct nlmsghdr *nlh;
	int n = unit_hex(want, exp, sizeof(exp));

	inet_pton(AF_INET, "192.0.2.1", &b.peer.v4);
	inet_pton(AF_INET, "10.45.0.2", &b.ue4);
	nlh = gtpnl_msg_bearer(buf, sizeof(buf), FAMILY, GTPU_CMD_BEARER_ADD,
			       NLM_F_ACK, 1, &b);
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(n, 84);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, 84);
	CU_ASSERT(memcmp(nlh, exp, 84) == 0);
	/* does not fit: NULL, never a write past the buffer */
	CU_ASSERT_PTR_NULL(gtpnl_msg_bearer(buf, 80, FAMILY, GTPU_CMD_BEARER_ADD,
					    NLM_F_ACK, 1, &b));
	CU_ASSERT_PTR_NULL(gtpnl_msg_bearer(buf, 8, FAMILY, GTPU_CMD_BEARER_ADD,
					    NLM_F_ACK, 1, &b));
}

static void test_build_bearer_del_and_dump(void)
{
	/* DEL: IFINDEX 7, BEARER{LOCAL_TEID 0xdeadbeef} only */
	static const char *del =
		"28000000 2000 0500 02000000 00000000 03030000"
		"08000100 07000000 0c000380 08000100 efbeadde";
	/* dump: NLM_F_REQUEST|NLM_F_DUMP, IFINDEX 7, BEARER{UE_IP6 2001:db8:1:2::} */
	static const char *dump =
		"34000000 2000 0103 03000000 00000000 04030000"
		"08000100 07000000 18000380 14000600 20010db8000100020000000000000000";
	struct gtpnl_bearer b = { .ifindex = 7, .teid_in = 0xdeadbeef };
	struct gtpnl_bearer_filter f = { .ifindex = 7, .have_ue6 = true };
	unsigned char exp[128];
	char buf[256];
	struct nlmsghdr *nlh;
	int n;

	nlh = gtpnl_msg_bearer(buf, sizeof(buf), FAMILY, GTPU_CMD_BEARER_DEL,
			       NLM_F_ACK, 2, &b);
	n = unit_hex(del, exp, sizeof(exp));
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, (unsigned int)n);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);

	inet_pton(AF_INET6, "2001:db8:1:2::", &f.ue6);
	nlh = gtpnl_msg_bearer_dump(buf, sizeof(buf), FAMILY, 3, &f);
	n = unit_hex(dump, exp, sizeof(exp));
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, (unsigned int)n);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);
}

static void test_build_echo_getfamily(void)
{
	/* ECHO: IFINDEX 3, ECHO (6|NESTED) {PEER_IP4 198.51.100.7} */
	static const char *echo =
		"28000000 2000 0100 04000000 00000000 06030000"
		"08000100 03000000 0c000680 08000100 c6336407";
	/* CTRL_CMD_GETFAMILY (3) v1 to GENL_ID_CTRL, FAMILY_NAME "gtpu" */
	static const char *getfam =
		"20000000 1000 0100 05000000 00000000 03010000"
		"09000200 67747075 00000000";
	union gtpnl_addr peer;
	unsigned char exp[64];
	char buf[128];
	struct nlmsghdr *nlh;
	int n;

	inet_pton(AF_INET, "198.51.100.7", &peer.v4);
	nlh = gtpnl_msg_echo(buf, sizeof(buf), FAMILY, 4, 3, AF_INET, &peer);
	n = unit_hex(echo, exp, sizeof(exp));
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, (unsigned int)n);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);
	CU_ASSERT_PTR_NULL(gtpnl_msg_echo(buf, sizeof(buf), FAMILY, 4, 3,
					  AF_UNIX, &peer));

	nlh = gtpnl_msg_getfamily(buf, sizeof(buf), 5, GTPU_GENL_NAME);
	n = unit_hex(getfam, exp, sizeof(exp));
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, (unsigned int)n);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);
}

/* A dump reply: IFINDEX 7, BEARER{LOCAL_TEID 100, REMOTE_TEID 200,
 * PEER_IP6 2001:db8::1, UE_IP6 2001:db8:1:2:: /64, EBI 6, STATS{PAD,
 * UL_PACKETS 3, UL_BYTES 252, DL_PACKETS 2, DROP_BAD_SRC 1}, type 30
 * (unknown to us: skipped)} */
static const char *bearer_reply =
	"a8000000 2000 0200 09000000 d2040000 04010000"
	"08000100 07000000"
	"8c000380"
	"08000100 64000000" "08000200 c8000000"
	"14000400 20010db8000000000000000000000001"
	"14000600 20010db8000100020000000000000000"
	"05000700 40000000" "05000800 06000000"
	"38000a80 04000d00"
	"0c000100 0300000000000000" "0c000200 fc00000000000000"
	"0c000300 0200000000000000" "0c000500 0100000000000000"
	"08001e00 ffffffff";

static void test_parse_bearer(void)
{
	struct gtpnl_bearer b;
	struct in6_addr a;
	int n = load(bearer_reply);

	CU_ASSERT_EQUAL_FATAL(n, 0xa8);
	CU_ASSERT_EQUAL_FATAL(gtpnl_parse_bearer(&msg.h, &b), 0);
	CU_ASSERT_EQUAL(b.ifindex, 7);
	CU_ASSERT_EQUAL(b.teid_in, 100);
	CU_ASSERT_EQUAL(b.teid_out, 200);
	CU_ASSERT_EQUAL(b.have, GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE6 |
			GTPNL_B_EBI | GTPNL_B_STATS);
	CU_ASSERT_EQUAL(b.peer_family, AF_INET6);
	inet_pton(AF_INET6, "2001:db8::1", &a);
	CU_ASSERT(memcmp(&b.peer.v6, &a, 16) == 0);
	inet_pton(AF_INET6, "2001:db8:1:2::", &a);
	CU_ASSERT(memcmp(&b.ue6, &a, 16) == 0);
	CU_ASSERT_EQUAL(b.ue6_plen, 64);
	CU_ASSERT_EQUAL(b.ebi, 6);
	CU_ASSERT_EQUAL(b.stats.present,
			(1u << GTPU_STATS_A_UL_PACKETS) | (1u << GTPU_STATS_A_UL_BYTES) |
			(1u << GTPU_STATS_A_DL_PACKETS) | (1u << GTPU_STATS_A_DROP_BAD_SRC));
	CU_ASSERT_EQUAL(b.stats.c[GTPU_STATS_A_UL_PACKETS], 3);
	CU_ASSERT_EQUAL(b.stats.c[GTPU_STATS_A_UL_BYTES], 252);
	CU_ASSERT_EQUAL(b.stats.c[GTPU_STATS_A_DL_PACKETS], 2);
	CU_ASSERT_EQUAL(b.stats.c[GTPU_STATS_A_DROP_BAD_SRC], 1);
	CU_ASSERT_STRING_EQUAL(gtpnl_stats_name(GTPU_STATS_A_DROP_BAD_SRC),
			       "drop_bad_src");
	CU_ASSERT_PTR_NULL(gtpnl_stats_name(GTPU_STATS_A_MAX + 1));
}

static void test_parse_bearer_bad(void)
{
	struct gtpnl_bearer b;

	/* the bearer nest claims 0x90 bytes, 4 more than the message has */
	load(bearer_reply);
	msg.b[28] = 0x90;
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&msg.h, &b), -EBADMSG);
	/* LOCAL_TEID with a 2-byte payload */
	load(bearer_reply);
	msg.b[32] = 0x06;
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&msg.h, &b), -EBADMSG);
	/* a counter of 4 bytes inside STATS */
	load(bearer_reply);
	msg.b[112] = 0x08;
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&msg.h, &b), -EBADMSG);
	/* no LOCAL_TEID: its type becomes 31 (unknown) */
	load(bearer_reply);
	msg.b[34] = 0x1f;
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&msg.h, &b), -EBADMSG);
	/* message cut inside the genl header */
	load(bearer_reply);
	msg.h.nlmsg_len = 18;
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&msg.h, &b), -EBADMSG);
	/* 7 stray zero bytes after the last attribute */
	load(bearer_reply);
	msg.h.nlmsg_len = 0xa8 + 7;
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&msg.h, &b), -EBADMSG);
}

static void test_parse_dev_echo_event(void)
{
	/* DEV_GET reply: IFINDEX 4, IFNAME "gtpu0", DEV{LOCAL_IP4
	 * 192.0.2.10, PORT 2152, RESTART_COUNTER 9, N_BEARERS 3},
	 * STATS{ECHO_REQ_RX 5} */
	static const char *dev =
		"5c000000 2000 0000 01000000 00000000 05010000"
		"08000100 04000000" "0a000200 67747075 30000000"
		"24000480 08000100 c000020a 06000300 68080000"
		"05000400 09000000 08000500 03000000"
		"10000580 0c000b00 0500000000000000";
	/* ECHO_RESPONSE event: IFINDEX 4, ECHO{PEER_IP4 192.0.2.1, SEQ 77,
	 * RESTART_COUNTER 2, RTT_NS 123456} */
	static const char *echo =
		"48000000 2000 0000 00000000 00000000 09010000"
		"08000100 04000000"
		"2c000680 08000100 c0000201 06000300 4d000000"
		"05000400 02000000 0c000500 40e2010000000000"
		"04000600";
	struct gtpnl_event ev;
	struct gtpnl_dev d;

	CU_ASSERT_EQUAL(load(dev), 0x5c);
	CU_ASSERT_EQUAL_FATAL(gtpnl_parse_dev(&msg.h, &d), 0);
	CU_ASSERT_EQUAL(d.ifindex, 4);
	CU_ASSERT_STRING_EQUAL(d.ifname, "gtpu0");
	CU_ASSERT_EQUAL(d.have, GTPNL_D_LOCAL4 | GTPNL_D_PORT | GTPNL_D_RESTART |
			GTPNL_D_N_BEARERS | GTPNL_D_STATS);
	CU_ASSERT_EQUAL(ntohl(d.local4.s_addr), 0xc000020a);
	CU_ASSERT_EQUAL(d.port, 2152);
	CU_ASSERT_EQUAL(d.restart_counter, 9);
	CU_ASSERT_EQUAL(d.n_bearers, 3);
	CU_ASSERT_EQUAL(d.stats.c[GTPU_STATS_A_ECHO_REQ_RX], 5);
	/* IFNAME without its NUL */
	msg.b[28] = 0x09;
	CU_ASSERT_EQUAL(gtpnl_parse_dev(&msg.h, &d), -EBADMSG);

	CU_ASSERT_EQUAL(load(echo), 0x48);
	CU_ASSERT_EQUAL_FATAL(gtpnl_parse_event(&msg.h, &ev), 0);
	CU_ASSERT_EQUAL(ev.cmd, GTPU_CMD_ECHO_RESPONSE);
	CU_ASSERT_EQUAL(ev.echo.ifindex, 4);
	CU_ASSERT_EQUAL(ev.echo.peer_family, AF_INET);
	CU_ASSERT_EQUAL(ev.echo.have, GTPNL_E_SEQ | GTPNL_E_RESTART | GTPNL_E_RTT);
	CU_ASSERT_EQUAL(ev.echo.seq, 77);
	CU_ASSERT_EQUAL(ev.echo.restart_counter, 2);
	CU_ASSERT_EQUAL(ev.echo.rtt_ns, 123456);
	/* a reply command is not an event */
	msg.b[16] = GTPU_CMD_ECHO;
	CU_ASSERT_EQUAL(gtpnl_parse_event(&msg.h, &ev), -EOPNOTSUPP);
	/* BEARER_NEW carrying the bearer reply's attributes */
	load(bearer_reply);
	msg.b[16] = GTPU_CMD_BEARER_NEW;
	CU_ASSERT_EQUAL(gtpnl_parse_event(&msg.h, &ev), 0);
	CU_ASSERT_EQUAL(ev.cmd, GTPU_CMD_BEARER_NEW);
	CU_ASSERT_EQUAL(ev.bearer.teid_in, 100);
}

static void test_parse_error(void)
{
	/* NLMSG_ERROR, CAPPED|ACK_TLVS: -EEXIST, the request's header, then
	 * MSG "duplicate TEID" and OFFS 36 */
	static const char *capped =
		"40000000 0200 0003 05000000 d2040000 efffffff"
		"54000000 20000500 05000000 00000000"
		"13000100 6475706c69636174652054454944 0000"
		"08000200 24000000";
	/* not capped: the whole 20-byte request echoed, then MSG "bad" */
	static const char *full =
		"30000000 0200 0002 05000000 d2040000 eaffffff"
		"14000000 20000500 05000000 00000000 01010000"
		"08000100 62616400";
	/* a dump ending in an error with MSG "no" */
	static const char *done =
		"1c000000 0300 0202 05000000 d2040000 eaffffff 07000100 6e6f0000";
	/* MISS_TYPE 1 without a message */
	static const char *miss =
		"2c000000 0200 0003 05000000 d2040000 eaffffff"
		"14000000 20000500 05000000 00000000 08000500 01000000";
	static const char *ack =
		"24000000 0200 0001 05000000 d2040000 00000000"
		"54000000 20000500 05000000 00000000";
	char m[64];
	int err;

	load(capped);
	CU_ASSERT_EQUAL(gtpnl_parse_error(&msg.h, &err, m, sizeof(m)), 0);
	CU_ASSERT_EQUAL(err, -EEXIST);
	CU_ASSERT_STRING_EQUAL(m, "duplicate TEID");
	load(full);
	CU_ASSERT_EQUAL(gtpnl_parse_error(&msg.h, &err, m, sizeof(m)), 0);
	CU_ASSERT_EQUAL(err, -EINVAL);
	CU_ASSERT_STRING_EQUAL(m, "bad");
	load(done);
	CU_ASSERT_EQUAL(gtpnl_parse_error(&msg.h, &err, m, sizeof(m)), 0);
	CU_ASSERT_EQUAL(err, -EINVAL);
	CU_ASSERT_STRING_EQUAL(m, "no");
	load(miss);
	CU_ASSERT_EQUAL(gtpnl_parse_error(&msg.h, &err, m, sizeof(m)), 0);
	CU_ASSERT_STRING_EQUAL(m, "missing attribute (type 1)");
	load(ack);
	CU_ASSERT_EQUAL(gtpnl_parse_error(&msg.h, &err, m, sizeof(m)), 0);
	CU_ASSERT_EQUAL(err, 0);
	CU_ASSERT_STRING_EQUAL(m, "");
	/* too short to hold struct nlmsgerr */
	load(ack);
	msg.h.nlmsg_len = 24;
	CU_ASSERT_EQUAL(gtpnl_parse_error(&msg.h, &err, m, sizeof(m)), -EBADMSG);
	/* echoed length pointing past the message: no text, still the code */
	load(full);
	msg.b[20] = 0xff;
	CU_ASSERT_EQUAL(gtpnl_parse_error(&msg.h, &err, m, sizeof(m)), 0);
	CU_ASSERT_EQUAL(err, -EINVAL);
	CU_ASSERT_STRING_EQUAL(m, "");
}

static void test_parse_family(void)
{
	/* CTRL_CMD_NEWFAMILY: FAMILY_NAME "gtpu", FAMILY_ID 0x1a,
	 * MCAST_GROUPS{ 1: {GRP_ID 7, GRP_NAME "events"} } */
	static const char *fam =
		"44000000 1000 0000 05000000 d2040000 01020000"
		"09000200 67747075 00000000" "06000100 1a000000"
		"1c000700 18000100 08000200 07000000 0b000100 6576656e747300 00";
	uint16_t id = 0;
	uint32_t grp = 1;

	CU_ASSERT_EQUAL(load(fam), 0x44);
	CU_ASSERT_EQUAL(gtpnl_parse_family(&msg.h, "events", &id, &grp), 0);
	CU_ASSERT_EQUAL(id, 0x1a);
	CU_ASSERT_EQUAL(grp, 7);
	CU_ASSERT_EQUAL(gtpnl_parse_family(&msg.h, "other", &id, &grp), 0);
	CU_ASSERT_EQUAL(grp, 0);
	/* group without its id */
	msg.b[50] = 0x1f;
	CU_ASSERT_EQUAL(gtpnl_parse_family(&msg.h, "events", &id, &grp), -EBADMSG);
}

static void test_link_msgs(void)
{
	/* RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE, seq 3, ifinfomsg{0},
	 * IFNAME "gtpu0", LINKINFO{KIND "gtpu", DATA{LOCAL 192.0.2.1,
	 * PORT 2152, RESTART_COUNTER 3}} */
	static const char *add =
		"58000000 1000 0506 03000000 00000000"
		"00000000 00000000 00000000 00000000"
		"0a000300 67747075 30000000"
		"2c001280 09000100 67747075 00000000"
		"1c000280 08000100 c0000201 06000300 68080000 05000400 03000000";
	/* the kernel's RTM_NEWLINK for it: index 9, UP, MTU 1452 */
	static const char *show =
		"58000000 1000 0200 03000000 00000000"
		"00000000 09000000 01000000 00000000"
		"0a000300 67747075 30000000 08000400 ac050000"
		"24001200 09000100 67747075 00000000"
		"14000200 08000100 c0000201 06000300 68080000";
	struct gtpnl_link l = {
		.ifname = "gtpu0", .port = 2152, .restart_counter = 3,
		.have = GTPNL_L_LOCAL4 | GTPNL_L_PORT | GTPNL_L_RESTART,
	};
	unsigned char exp[128];
	char buf[256];
	struct nlmsghdr *nlh;
	int n = unit_hex(add, exp, sizeof(exp));

	inet_pton(AF_INET, "192.0.2.1", &l.local4);
	nlh = gtpnl_msg_link_add(buf, sizeof(buf), 3, &l);
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, (unsigned int)n);
	CU_ASSERT(memcmp(nlh, exp, (size_t)n) == 0);

	CU_ASSERT_EQUAL(load(show), 0x58);
	CU_ASSERT_EQUAL_FATAL(gtpnl_parse_link(&msg.h, &l), 0);
	CU_ASSERT_EQUAL(l.ifindex, 9);
	CU_ASSERT_STRING_EQUAL(l.ifname, "gtpu0");
	CU_ASSERT_EQUAL(l.mtu, 1452);
	CU_ASSERT(l.flags & 1);
	CU_ASSERT_EQUAL(l.have, GTPNL_L_LOCAL4 | GTPNL_L_PORT);
	CU_ASSERT_EQUAL(l.port, 2152);
	/* another kind: "gtpv" */
	msg.b[63] = 'v';
	CU_ASSERT_EQUAL(gtpnl_parse_link(&msg.h, &l), 1);
}

/* A small deterministic generator (xorshift64): the same bearers each run */
static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* An empty gtpnl_msg_bearer()-like message: headers and IFINDEX */
static struct nlmsghdr *empty_msg(void *buf, size_t len)
{
	struct gtpnl_bearer none = { .ifindex = 7 };
	struct nlmsghdr *nlh;

	nlh = gtpnl_msg_bearer(buf, len, 0x20, GTPU_CMD_BEARER_ADD, 0, 1, &none);
	CU_ASSERT_PTR_NOT_NULL_FATAL(nlh);
	/* drop the (LOCAL_TEID only) nest: keep headers and IFINDEX */
	nlh->nlmsg_len = GTPNL_IFINDEX_OFF + 4;
	return nlh;
}

/*
 * The direct encoder of the common nest writes what the libmnl one writes,
 * for every combination of its optional fields and random values, and
 * declines every bearer that is not a common one, and a full buffer.
 */
static void test_nest_fast_parity(void)
{
	static const unsigned int declined[] = {
		GTPNL_B_UE6, GTPNL_B_STATE, GTPNL_B_THRESHOLD, GTPNL_B_TFT,
		GTPNL_B_MBR_UL, GTPNL_B_MBR_DL, GTPNL_B_AMBR_GROUP, GTPNL_B_QFI,
	};
	unsigned char fbuf[256], mbuf[256];
	uint64_t seed = 0x9e3779b97f4a7c15ull;
	unsigned int fast = 0;

	for (int i = 0; i < 4000; i++) {
		struct gtpnl_bearer b = { .ifindex = 7 };
		struct nlmsghdr *f, *m;
		uint64_t r = rnd(&seed);

		b.teid_in = (uint32_t)rnd(&seed);
		b.teid_out = (uint32_t)rnd(&seed);
		b.peer_family = r & 1 ? AF_INET : AF_INET6;
		b.peer.v4.s_addr = (uint32_t)rnd(&seed);
		b.ue4.s_addr = (uint32_t)rnd(&seed);
		b.ebi = (uint8_t)rnd(&seed);
		b.cookie = rnd(&seed);
		b.have = (unsigned int)(rnd(&seed) & (GTPNL_B_TEID_OUT | GTPNL_B_PEER |
			GTPNL_B_UE4 | GTPNL_B_EBI | GTPNL_B_COOKIE));
		if (b.peer_family == AF_INET6)
			b.have |= GTPNL_B_PEER;
		if (!(b.have & GTPNL_B_PEER))
			b.peer_family = 0;
		memset(fbuf, 0xa5, sizeof(fbuf));
		memset(mbuf, 0x5a, sizeof(mbuf));
		f = empty_msg(fbuf, sizeof(fbuf));
		m = empty_msg(mbuf, sizeof(mbuf));
		CU_ASSERT_FATAL(gtpnl_put_bearer_nest_mnl(m, sizeof(mbuf), &b));
		if (!gtpnl_put_bearer_nest_fast(f, sizeof(fbuf), &b)) {
			/* declined: only when the general encoder is needed */
			CU_ASSERT(b.peer_family != AF_INET ||
				  (b.have & (GTPNL_B_TEID_OUT | GTPNL_B_PEER |
					     GTPNL_B_UE4)) !=
				  (GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE4));
			continue;
		}
		fast++;
		CU_ASSERT_EQUAL_FATAL(f->nlmsg_len, m->nlmsg_len);
		CU_ASSERT_EQUAL(memcmp(f, m, f->nlmsg_len), 0);
		/* and it went through gtpnl_msg_bearer_append() too */
		CU_ASSERT_PTR_NOT_NULL(gtpnl_msg_bearer_append(f, sizeof(fbuf), &b));
	}
	CU_ASSERT(fast > 150);	/* about 1 in 16 */

	for (size_t i = 0; i < sizeof(declined) / sizeof(declined[0]); i++) {
		struct gtpnl_bearer b = {
			.have = GTPNL_B_TEID_OUT | GTPNL_B_PEER | GTPNL_B_UE4 |
				declined[i],
			.peer_family = AF_INET,
		};
		struct nlmsghdr *f = empty_msg(fbuf, sizeof(fbuf));

		CU_ASSERT_FALSE(gtpnl_put_bearer_nest_fast(f, sizeof(fbuf), &b));
		CU_ASSERT_EQUAL(f->nlmsg_len, GTPNL_IFINDEX_OFF + 4);
		b.have &= ~declined[i];
		CU_ASSERT_TRUE(gtpnl_put_bearer_nest_fast(f, sizeof(fbuf), &b));
		/* no room left for another one */
		CU_ASSERT_FALSE(gtpnl_put_bearer_nest_fast(f, f->nlmsg_len + 40, &b));
	}
}

UNIT_SUITE(gtpnl_msg,
	   UNIT_TEST(test_build_bearer_add),
	   UNIT_TEST(test_build_bearer_del_and_dump),
	   UNIT_TEST(test_build_echo_getfamily),
	   UNIT_TEST(test_parse_bearer),
	   UNIT_TEST(test_parse_bearer_bad),
	   UNIT_TEST(test_parse_dev_echo_event),
	   UNIT_TEST(test_parse_error),
	   UNIT_TEST(test_parse_family),
	   UNIT_TEST(test_link_msgs),
	   UNIT_TEST(test_nest_fast_parity))
