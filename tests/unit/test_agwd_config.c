// SPDX-License-Identifier: GPL-2.0
/*
 * agwd configuration: a full valid file, defaults, and invalid files whose
 * error must name the field (path) and the reason.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "test_agwd_util.h"
#include "agwd/config/config.h"

static int parse(const char *apns, const char *extra, struct agw_config *cfg, char *err,
		 size_t size)
{
	char text[4096];

	snprintf(text, sizeof(text), TEST_CFG_FMT, apns, extra);
	return agw_config_parse("test.json", text, cfg, err, size);
}

static void test_config_example_file(void)
{
	static struct agw_config cfg;
	char err[512] = "";
	const char *file = "scripts/agwd.example.json";
	FILE *f = fopen(file, "r");

	if (!f)
		file = "../../scripts/agwd.example.json";	/* run from tests/unit */
	else
		fclose(f);
	CU_ASSERT_EQUAL_FATAL(agw_config_load(file, &cfg, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(cfg.plmn.mcc, "001");
	CU_ASSERT_STRING_EQUAL(cfg.plmn.mnc, "01");
	CU_ASSERT_EQUAL(cfg.n_apns, 1);
	CU_ASSERT_STRING_EQUAL(cfg.apns[0].name, "internet");
	CU_ASSERT_EQUAL(ntohl(cfg.apns[0].ipv4_net.s_addr), 0x0a2d0000);
	CU_ASSERT_EQUAL(cfg.apns[0].ipv4_len, 16);
	CU_ASSERT_FALSE(cfg.gtpu.enabled);
}

static void test_config_defaults(void)
{
	static struct agw_config cfg;
	char err[512] = "";

	CU_ASSERT_EQUAL_FATAL(parse(TEST_APN_INTERNET, "", &cfg, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(cfg.s1ap.port, 36412);
	CU_ASSERT_EQUAL(cfg.s1ap.n_addrs, 1);
	CU_ASSERT_EQUAL(cfg.security.n_integrity, 3);
	CU_ASSERT_EQUAL(cfg.security.integrity[0], 2);
	CU_ASSERT_EQUAL(cfg.security.integrity[1], 1);
	CU_ASSERT_EQUAL(cfg.security.integrity[2], 3);
	CU_ASSERT_EQUAL(cfg.security.n_ciphering, 4);
	CU_ASSERT_EQUAL(cfg.security.ciphering[3], 0);
	CU_ASSERT_EQUAL(cfg.apns[0].qci, 9);
	CU_ASSERT_EQUAL(cfg.apns[0].arp, 15);
	/* TS 24.301 Table 10.2.1 and 5.3.7 */
	CU_ASSERT_EQUAL(cfg.timers.t3412, 3240);
	CU_ASSERT_EQUAL(cfg.timers.t3450, 6);
	CU_ASSERT_EQUAL(cfg.timers.t3460, 6);
	CU_ASSERT_EQUAL(cfg.timers.t3470, 6);
	CU_ASSERT_EQUAL(cfg.timers.mobile_reachable, 3480);
	CU_ASSERT_EQUAL(cfg.timers.implicit_detach, 3480);
	CU_ASSERT_STRING_EQUAL(cfg.state_dir, "/var/lib/agwd");
	CU_ASSERT_STRING_EQUAL(cfg.ctl_socket, "/run/agwd/ctl.sock");
	CU_ASSERT_TRUE(cfg.metrics.enabled);
	CU_ASSERT_STRING_EQUAL(cfg.metrics.host, "127.0.0.1");
	CU_ASSERT_EQUAL(cfg.metrics.port, 9090);
	CU_ASSERT_EQUAL(cfg.gtpu.port, 2152);
	CU_ASSERT_STRING_EQUAL(cfg.mme.name, "agwd");
}

static void test_config_timers_follow_t3412(void)
{
	static struct agw_config cfg;
	char err[512] = "";

	CU_ASSERT_EQUAL_FATAL(parse(TEST_APN_INTERNET, ", \"timers\": {\"t3412\": 600}", &cfg,
				    err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(cfg.timers.mobile_reachable, 840);
	CU_ASSERT_EQUAL(cfg.timers.implicit_detach, 840);
}

struct bad_case {
	const char *apns, *extra, *msg;
};

static const struct bad_case bad[] = {
	{ TEST_APN_INTERNET, ", \"bogus\": 1", "config: bogus: unknown key" },
	{ "{\"name\": \"a\", \"ipv4_pool\": \"10.0.0.0/33\"}", "",
	  "config: apns[0].ipv4_pool: \"10.0.0.0/33\" is not an IPv4 prefix" },
	{ TEST_APN_INTERNET ", {\"name\": \"b\", \"ipv4_pool\": \"10.0.0.1/8\"}", "",
	  "config: apns[1].ipv4_pool: \"10.0.0.1/8\" is not an IPv4 prefix" },
	{ TEST_APN_INTERNET ", {\"name\": \"INTERNET\", \"ipv4_pool\": \"10.9.0.0/16\"}", "",
	  "config: apns[1].name: \"INTERNET\" is already used by apns[0]" },
	{ TEST_APN_INTERNET ", {\"name\": \"b\", \"ipv4_pool\": \"10.45.0.128/25\"}", "",
	  "config: apns[1].ipv4_pool: overlaps apns[0].ipv4_pool" },
	{ TEST_APN_INTERNET ", {\"name\": \"b\", \"ipv6_prefix_pool\": \"2001:db8::/40\"}", "",
	  "config: apns[1].ipv6_prefix_pool: overlaps apns[0].ipv6_prefix_pool" },
	{ "{\"name\": \"a\", \"ipv6_prefix_pool\": \"2001:db8::/32\"}", "",
	  "config: apns[0].ipv6_prefix_pool: prefix length /32 is out of range /40../63" },
	{ "{\"name\": \"a\"}", "",
	  "config: apns[0]: needs ipv4_pool or ipv6_prefix_pool (or both)" },
	{ "{\"name\": \"a b\", \"ipv4_pool\": \"10.0.0.0/24\"}", "",
	  "config: apns[0].name: \"a b\" is not an APN" },
	{ "{\"name\": \"a\", \"ipv4_pool\": \"10.0.0.0/24\", \"qci\": 12}", "",
	  "config: apns[0].qci: 12 is out of range 1..9" },
	{ "{\"name\": \"a\", \"ipv4_pool\": \"10.0.0.0/24\", \"arp\": \"1\"}", "",
	  "config: apns[0].arp: expected an integer" },
	{ "{\"name\": \"a\", \"ipv4_pool\": \"10.0.0.0/24\", \"dns4\": [\"1.1.1.1\", \"x\"]}", "",
	  "config: apns[0].dns4[1]: \"x\" is not an IPv4 address" },
	{ "{\"name\": \"a\", \"ipv4_pool\": \"10.0.0.0/24\", \"pool\": 1}", "",
	  "config: apns[0].pool: unknown key" },
	{ "", "", "config: apns: needs at least 1 item" },
	{ TEST_APN_INTERNET, ", \"security\": {\"integrity\": [\"EIA0\"]}",
	  "config: security.integrity[0]: EIA0 (null integrity) is not allowed" },
	{ TEST_APN_INTERNET, ", \"security\": {\"ciphering\": [\"EEA1\", \"EEA1\"]}",
	  "config: security.ciphering[1]: EEA1 is listed twice" },
	{ TEST_APN_INTERNET, ", \"security\": {\"ciphering\": [\"AES\"]}",
	  "config: security.ciphering[0]: expected one of \"EEA0\"..\"EEA3\"" },
	{ TEST_APN_INTERNET, ", \"s1ap\": {\"port\": 70000}",
	  "config: s1ap.port: 70000 is out of range 1..65535" },
	{ TEST_APN_INTERNET, ", \"s1ap\": {\"addresses\": [\"1.2.3\"]}",
	  "config: s1ap.addresses[0]: \"1.2.3\" is not an IP address" },
	{ TEST_APN_INTERNET, ", \"gtpu\": {\"enabled\": true}",
	  "config: gtpu: local_ipv4 or local_ipv6 is required when enabled" },
	{ TEST_APN_INTERNET, ", \"gtpu\": {\"enabled\": 1}",
	  "config: gtpu.enabled: expected true or false" },
	{ TEST_APN_INTERNET, ", \"timers\": {\"t3412\": 600, \"mobile_reachable\": 600}",
	  "config: timers.mobile_reachable: 600 must be greater than t3412 (600)" },
	{ TEST_APN_INTERNET, ", \"timers\": {\"t3450\": 0}",
	  "config: timers.t3450: 0 is out of range 1..60" },
	{ TEST_APN_INTERNET, ", \"state_dir\": \"var/lib\"",
	  "config: state_dir: \"var/lib\" is not an absolute path" },
	{ TEST_APN_INTERNET, ", \"metrics\": \"localhost\"",
	  "config: metrics: \"localhost\" is not ADDRESS:PORT or [ADDRESS6]:PORT" },
	{ TEST_APN_INTERNET, ", \"logging\": {\"level\": \"loud\"}",
	  "config: logging.level: \"loud\" is not one of error, warn, notice, info, debug" },
};

static void test_config_invalid(void)
{
	static struct agw_config cfg;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char err[512] = "";
		int ret = parse(bad[i].apns, bad[i].extra, &cfg, err, sizeof(err));

		CU_ASSERT_EQUAL(ret, -1);
		if (strncmp(err, bad[i].msg, strlen(bad[i].msg))) {
			fprintf(stderr, "\ncase %zu: got \"%s\"\n   expected \"%s\"\n", i, err,
				bad[i].msg);
			CU_FAIL("error message does not name the field");
		}
	}
}

static void test_config_invalid_top(void)
{
	static const struct { const char *text, *msg; } cases[] = {
		{ "{\"plmn\": {\"mcc\": \"1\", \"mnc\": \"01\"}}",
		  "config: plmn.mcc: \"1\" is not 3 digits" },
		{ "{\"plmn\": {\"mcc\": \"001\", \"mnc\": \"1\"}}",
		  "config: plmn.mnc: \"1\" is not 2 or 3 digits" },
		{ "{\"plmn\": {\"mcc\": \"001\", \"mnc\": \"01\"}}", "config: mme: missing (required)" },
		{ "{\"plmn\": {\"mcc\": \"001\", \"mnc\": \"01\"}, \"mme\": {\"group_id\": 65536, "
		  "\"code\": 1}}", "config: mme.group_id: 65536 is out of range 0..65535" },
		{ "{\"plmn\": {\"mcc\": \"001\", \"mnc\": \"01\"}, \"mme\": {\"group_id\": 1, "
		  "\"code\": 1}, \"tais\": [{\"mcc\": \"001\", \"mnc\": \"01\", \"tac\": 0}]}",
		  "config: tais[0].tac: 0 is a reserved TAC" },
		{ "{\"plmn\": {\"mcc\": \"001\", \"mnc\": \"01\"}, \"mme\": {\"group_id\": 1, "
		  "\"code\": 1, \"name\": \"a_b\"}}",
		  "config: mme.name: '_' is not allowed" },
		{ "{\n  \"plmn\": {\n    \"mcc\": \"001\",,\n", "config: t.json:3:18: " },
		{ "{\"plmn\": 1} x", "config: t.json:1:13: unexpected character" },
		{ "[]", "config: expected an object" },
	};
	static struct agw_config cfg;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char err[512] = "";

		CU_ASSERT_EQUAL(agw_config_parse("t.json", cases[i].text, &cfg, err, sizeof(err)), -1);
		if (strncmp(err, cases[i].msg, strlen(cases[i].msg))) {
			fprintf(stderr, "\ncase %zu: got \"%s\"\n   expected \"%s\"\n", i, err,
				cases[i].msg);
			CU_FAIL("error message does not name the field");
		}
	}
}

static void test_config_missing_file(void)
{
	static struct agw_config cfg;
	char err[512] = "";

	CU_ASSERT_EQUAL(agw_config_load("/nonexistent/agwd.json", &cfg, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "config: /nonexistent/agwd.json: No such file or directory");
}

UNIT_SUITE(agwd_config,
	   UNIT_TEST(test_config_example_file),
	   UNIT_TEST(test_config_defaults),
	   UNIT_TEST(test_config_timers_follow_t3412),
	   UNIT_TEST(test_config_invalid),
	   UNIT_TEST(test_config_invalid_top),
	   UNIT_TEST(test_config_missing_file))
