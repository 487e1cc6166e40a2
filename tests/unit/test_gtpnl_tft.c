// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl TFTs: GTPU_BEARER_A_TFT encoded byte for byte (layout:
 * include/uapi/linux/gtpu.h, netlink nests with NLA_F_NESTED), parsed back,
 * and the text form of gtpuctl ("id 1 prec 10 dir dl ...").
 * Integers in netlink are host order: the vectors are little-endian.
 */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>

#include "gtpnl/gtpnl.h"
#include "gtpnl/gtpnl_arg.h"
#include "unit.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "these vectors are little-endian"
#endif

#define FAMILY 0x20

/* BEARER_MOD: IFINDEX 5, BEARER{LOCAL_TEID 101, TFT (18|F_NESTED)
 * {FILTER (1|F_NESTED) {ID 1, PRECEDENCE 10, DIRECTION 1 (downlink),
 * PROTO 17, REMOTE_IP4 198.18.0.0, REMOTE_IP4_MASK 255.255.255.0,
 * RPORT_LO 5000, RPORT_HI 5010}}} */
static const char *mod_want =
	"70000000 2000 0500 01000000 00000000"
	"02030000"
	"08000100 05000000"
	"54000380"
	"08000100 65000000"
	"48001280"
	"44000180"
	"05000100 01000000" "05000200 0a000000" "05000300 01000000"
	"05000400 11000000"
	"08000500 c6120000" "08000600 ffffff00"
	"06000b00 88130000" "06000c00 92130000";

static void tft_text(struct gtpnl_bearer *b, const char *text)
{
	struct gtpnl_arg_err e;

	CU_ASSERT_EQUAL_FATAL(gtpnl_arg_tft(text, &b->tft, &e), 0);
	b->have |= GTPNL_B_TFT;
}

static void test_encode(void)
{
	struct gtpnl_bearer b = { .ifindex = 5, .teid_in = 101 };
	unsigned char exp[256];
	char buf[512];
	struct nlmsghdr *nlh;
	int n = unit_hex(mod_want, exp, sizeof(exp));

	tft_text(&b, "id 1 prec 10 dir dl proto udp remote 198.18.0.0/24 rport 5000-5010");
	nlh = gtpnl_msg_bearer(buf, sizeof(buf), FAMILY, GTPU_CMD_BEARER_MOD,
			       NLM_F_ACK, 1, &b);
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(n, 112);
	CU_ASSERT_EQUAL(nlh->nlmsg_len, 112);
	CU_ASSERT(memcmp(nlh, exp, 112) == 0);
	/* too small: NULL, never a write past the buffer */
	CU_ASSERT_PTR_NULL(gtpnl_msg_bearer(buf, 100, FAMILY, GTPU_CMD_BEARER_MOD,
					    NLM_F_ACK, 1, &b));
}

static void test_encode_empty_and_parse(void)
{
	/* "none": an empty TFT nest (4 bytes) makes the bearer a default one */
	static const char *want =
		"2c000000 2000 0500 01000000 00000000" "02030000"
		"08000100 05000000" "10000380" "08000100 65000000" "04001280";
	struct gtpnl_bearer b = { .ifindex = 5, .teid_in = 101 }, p;
	unsigned char exp[64];
	char buf[512];
	struct nlmsghdr *nlh;

	tft_text(&b, "none");
	CU_ASSERT_EQUAL(b.tft.n, 0);
	nlh = gtpnl_msg_bearer(buf, sizeof(buf), FAMILY, GTPU_CMD_BEARER_MOD,
			       NLM_F_ACK, 1, &b);
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL(unit_hex(want, exp, sizeof(exp)), 44);
	CU_ASSERT(nlh->nlmsg_len == 44 && memcmp(nlh, exp, 44) == 0);
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(nlh, &p), 0);
	CU_ASSERT(p.have & GTPNL_B_TFT);
	CU_ASSERT_EQUAL(p.tft.n, 0);
}

static void test_parse_back(void)
{
	static const char *text =
		"id 1 prec 10 dir dl proto udp remote 198.18.0.0/24 rport 5000-5010; "
		"id 2 prec 20 dir both proto tcp lport 80 tos 0xb8/0xfc; "
		"id 15 prec 255 dir ul remote 2001:db8:19::/64 spi 0x1234 flow 0xfffff";
	struct gtpnl_bearer b = { .ifindex = 5, .teid_in = 101 }, p;
	char buf[2048], f[160];
	struct nlmsghdr *nlh;

	tft_text(&b, text);
	CU_ASSERT_EQUAL_FATAL(b.tft.n, 3);
	nlh = gtpnl_msg_bearer(buf, sizeof(buf), FAMILY, GTPU_CMD_BEARER_MOD,
			       0, 1, &b);
	CU_ASSERT_FATAL(nlh != NULL);
	CU_ASSERT_EQUAL_FATAL(gtpnl_parse_bearer(nlh, &p), 0);
	CU_ASSERT_EQUAL_FATAL(p.tft.n, 3);
	CU_ASSERT(memcmp(&p.tft, &b.tft, sizeof(p.tft)) == 0);
	CU_ASSERT(gtpnl_filter_format(&p.tft.f[0], f, sizeof(f)) > 0);
	CU_ASSERT_STRING_EQUAL(f, "id 1 prec 10 dir dl proto udp remote 198.18.0.0/24 rport 5000-5010");
	CU_ASSERT(gtpnl_filter_format(&p.tft.f[1], f, sizeof(f)) > 0);
	CU_ASSERT_STRING_EQUAL(f, "id 2 prec 20 dir both proto tcp lport 80 tos 0xb8/0xfc");
	CU_ASSERT(gtpnl_filter_format(&p.tft.f[2], f, sizeof(f)) > 0);
	CU_ASSERT_STRING_EQUAL(f, "id 15 prec 255 dir ul remote 2001:db8:19::/64 spi 4660 flow 1048575");
	CU_ASSERT_EQUAL(gtpnl_filter_format(&p.tft.f[2], f, 10), -ENOSPC);
}

static void test_parse_hostile(void)
{
	/* a FILTER without DIRECTION, and a DIRECTION of the wrong size */
	static const char *no_dir =
		"38000000 2000 0000 01000000 00000000" "02030000"
		"08000100 05000000" "1c000380" "08000100 65000000"
		"10001280" "0c000180" "05000100 01000000";
	static const char *bad_len =
		"40000000 2000 0000 01000000 00000000" "02030000"
		"08000100 05000000" "24000380" "08000100 65000000"
		"18001280" "14000180" "05000100 01000000" "06000300 01000000";
	static union {
		struct nlmsghdr h;
		unsigned char b[128];
	} m;
	struct gtpnl_bearer p;

	CU_ASSERT_EQUAL(unit_hex(no_dir, m.b, sizeof(m.b)), 56);
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&m.h, &p), -EBADMSG);
	CU_ASSERT_EQUAL(unit_hex(bad_len, m.b, sizeof(m.b)), 64);
	CU_ASSERT_EQUAL(gtpnl_parse_bearer(&m.h, &p), -EBADMSG);
}

static void test_text_errors(void)
{
	static const struct {
		const char *text, *why;
	} bad[] = {
		{ "id 1 prec 1", "a filter needs id, prec and dir" },
		{ "id 1 prec 1 dir up", "dir must be dl, ul or both" },
		{ "id 1 prec 256 dir dl", "prec must be a number 0..255" },
		{ "id 1 prec 1 dir dl rport 5-", "port must be N or N-M" },
		{ "id 1 prec 1 dir dl remote 10.0.0.0/33", "remote must be ADDR or ADDR/LEN" },
		{ "id 1 prec 1 dir dl tos 0x100", "tos must be V or V/MASK (0..255)" },
		{ "id 1 prec 1 dir dl flow 0x100000", "flow must be a 20-bit number" },
		{ "id 1 prec 1 dir dl color red", "unknown filter keyword" },
		{ "id 1 prec 1 dir dl proto", "filter keyword without a value" },
		{ "id 1 prec 1 dir dl;;", "empty filter" },
	};
	struct gtpnl_arg_err e;
	struct gtpnl_tft t;
	char many[1024] = "";

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CU_ASSERT_EQUAL(gtpnl_arg_tft(bad[i].text, &t, &e), -EINVAL);
		CU_ASSERT_PTR_EQUAL(e.arg, bad[i].text);
		CU_ASSERT_STRING_EQUAL(e.why, bad[i].why);
	}
	for (int i = 1; i <= 17; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many),
			 "id %d prec %d dir dl;", i, i);
	CU_ASSERT_EQUAL(gtpnl_arg_tft(many, &t, &e), -EINVAL);
	CU_ASSERT_STRING_EQUAL(e.why, "more than 16 filters");
	/* a trailing ';' is allowed; the IPv4 mask comes from the length */
	CU_ASSERT_EQUAL(gtpnl_arg_tft("id 1 prec 1 dir dl remote 10.1.0.0/16;", &t, &e), 0);
	CU_ASSERT_EQUAL(t.n, 1);
	CU_ASSERT_EQUAL(ntohl(t.f[0].remote_mask.s_addr), 0xffff0000u);
}

static void test_bearer_keyword_and_split(void)
{
	char line[] = "bearer add dev gtpu0 teid-in 1 teid-out 2 peer 192.0.2.1 "
		      "ue 10.45.0.2 tft \"id 1 prec 3 dir both proto icmp; id 2 prec 4 dir ul\"";
	struct gtpnl_arg_err e;
	struct gtpnl_bearer b;
	const char *dev;
	char *argv[32];
	int n = gtpnl_arg_split(line, argv, 32);

	CU_ASSERT_EQUAL_FATAL(n, 14);
	CU_ASSERT_STRING_EQUAL(argv[13], "id 1 prec 3 dir both proto icmp; id 2 prec 4 dir ul");
	CU_ASSERT_EQUAL_FATAL(gtpnl_arg_bearer(n - 2, argv + 2, GTPNL_ARG_ADD, &b, &dev, &e), 0);
	CU_ASSERT(b.have & GTPNL_B_TFT);
	CU_ASSERT_EQUAL(b.tft.n, 2);
	CU_ASSERT_EQUAL(b.tft.f[0].proto, 1);
	CU_ASSERT_EQUAL(b.tft.f[0].dir, GTPU_FILTER_DIR_BIDIRECTIONAL);
	CU_ASSERT_EQUAL(b.tft.f[1].dir, GTPU_FILTER_DIR_UPLINK);
	/* MOD with only a TFT is a change */
	CU_ASSERT_EQUAL(gtpnl_arg_bearer(6, (char *[]){ "dev", "g", "teid-in", "1", "tft", "none" },
					 GTPNL_ARG_MOD, &b, &dev, &e), 0);
	CU_ASSERT(b.have & GTPNL_B_TFT);
}

UNIT_SUITE(gtpnl_tft,
	   UNIT_TEST(test_encode),
	   UNIT_TEST(test_encode_empty_and_parse),
	   UNIT_TEST(test_parse_back),
	   UNIT_TEST(test_parse_hostile),
	   UNIT_TEST(test_text_errors),
	   UNIT_TEST(test_bearer_keyword_and_split))
