// SPDX-License-Identifier: GPL-2.0
/*
 * dp_tft_to_gtpnl: a dedicated bearer's NAS TFT (TS 24.008 10.5.6.12) as
 * gtpu.ko packet filters, with the precedences the NAS TFT got.
 */
#include <arpa/inet.h>
#include <string.h>

#include "agwd/datapath/datapath.h"
#include "agwd/policy/policy.h"
#include "gtpnl/gtpnl.h"
#include "unit.h"

static void test_dp_tft_ipv4(void)
{
	struct nas_tft t = { .n_filters = 2 };
	struct gtpnl_tft g;

	t.f[0] = (struct nas_tft_filter){ .direction = 1, .n_comps = 3 };
	t.f[0].c[0] = (struct nas_tft_comp){ .type = NAS_TFT_IPV4_REMOTE,
		.ipv4 = { 198, 18, 0, 77 }, .ipv4_mask = { 255, 255, 255, 0 } };
	t.f[0].c[1] = (struct nas_tft_comp){ .type = NAS_TFT_PROTOCOL, .protocol = 17 };
	t.f[0].c[2] = (struct nas_tft_comp){ .type = NAS_TFT_REMOTE_PORT_RANGE,
		.port = 5000, .port_hi = 5010 };
	t.f[1] = (struct nas_tft_filter){ .direction = 0, .n_comps = 2 };
	t.f[1].c[0] = (struct nas_tft_comp){ .type = NAS_TFT_LOCAL_PORT, .port = 9 };
	t.f[1].c[1] = (struct nas_tft_comp){ .type = NAS_TFT_IPV4_LOCAL };	/* dropped */

	dp_tft_to_gtpnl(&t, 7, &g);
	CU_ASSERT_EQUAL_FATAL(g.n, 2);
	CU_ASSERT_EQUAL(g.f[0].id, 1);
	CU_ASSERT_EQUAL(g.f[0].prec, 33);		/* (7 - 5) * 16 + 0 + 1 */
	CU_ASSERT_EQUAL(g.f[0].prec, tft_precedence(7, 0));
	CU_ASSERT_EQUAL(g.f[0].dir, GTPU_FILTER_DIR_DOWNLINK);
	CU_ASSERT_EQUAL(g.f[0].have, GTPNL_F_REMOTE | GTPNL_F_PROTO | GTPNL_F_RPORT);
	CU_ASSERT_EQUAL(g.f[0].remote_family, AF_INET);
	CU_ASSERT_EQUAL(g.f[0].remote.v4.s_addr, htonl(0xc6120000));	/* host bits cleared */
	CU_ASSERT_EQUAL(g.f[0].remote_mask.s_addr, htonl(0xffffff00));
	CU_ASSERT_EQUAL(g.f[0].proto, 17);
	CU_ASSERT_EQUAL(g.f[0].rport_lo, 5000);
	CU_ASSERT_EQUAL(g.f[0].rport_hi, 5010);
	CU_ASSERT_EQUAL(g.f[1].id, 2);
	CU_ASSERT_EQUAL(g.f[1].prec, 34);
	CU_ASSERT_EQUAL(g.f[1].dir, GTPU_FILTER_DIR_BIDIRECTIONAL);	/* pre-Rel-7 */
	CU_ASSERT_EQUAL(g.f[1].have, GTPNL_F_LPORT);
	CU_ASSERT_EQUAL(g.f[1].lport_lo, 9);
	CU_ASSERT_EQUAL(g.f[1].lport_hi, 9);
}

static void test_dp_tft_ipv6(void)
{
	struct nas_tft t = { .n_filters = 2 };
	struct gtpnl_tft g;
	uint8_t a[16] = { 0x20, 0x01, 0x0d, 0xb8, 0xff, 0xff };

	t.f[0] = (struct nas_tft_filter){ .direction = 3, .n_comps = 1 };
	t.f[0].c[0].type = NAS_TFT_IPV6_REMOTE;
	memcpy(t.f[0].c[0].ipv6, a, 16);
	memset(t.f[0].c[0].ipv6_mask, 0xff, 4);
	t.f[0].c[0].ipv6_mask[4] = 0xf0;		/* /36 */
	t.f[1] = (struct nas_tft_filter){ .direction = 2, .n_comps = 2 };
	t.f[1].c[0].type = NAS_TFT_IPV6_REMOTE_PREFIX;
	memcpy(t.f[1].c[0].ipv6, a, 16);
	t.f[1].c[0].prefix_len = 200;			/* capped at 128 */
	t.f[1].c[1] = (struct nas_tft_comp){ .type = NAS_TFT_FLOW_LABEL, .flow_label = 0xfff12345 };

	dp_tft_to_gtpnl(&t, 5, &g);
	CU_ASSERT_EQUAL_FATAL(g.n, 2);
	CU_ASSERT_EQUAL(g.f[0].remote_family, AF_INET6);
	CU_ASSERT_EQUAL(g.f[0].remote_plen, 36);
	CU_ASSERT_EQUAL(g.f[0].remote.v6.s6_addr[4], 0xf0);	/* 0xff, host bits cleared */
	CU_ASSERT_EQUAL(g.f[0].remote.v6.s6_addr[5], 0);
	CU_ASSERT_EQUAL(g.f[0].prec, 1);
	CU_ASSERT_EQUAL(g.f[1].remote_plen, 128);
	CU_ASSERT_EQUAL(g.f[1].dir, GTPU_FILTER_DIR_UPLINK);
	CU_ASSERT_EQUAL(g.f[1].flow, 0x12345);
	CU_ASSERT_EQUAL(g.f[1].have, GTPNL_F_REMOTE | GTPNL_F_FLOW);
}

UNIT_SUITE(agwd_dp_tft,
	   UNIT_TEST(test_dp_tft_ipv4),
	   UNIT_TEST(test_dp_tft_ipv6))
