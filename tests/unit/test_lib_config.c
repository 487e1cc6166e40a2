// SPDX-License-Identifier: GPL-2.0
/* Path-aware JSON readers and address parsers of lib/config. */
#include <arpa/inet.h>
#include <string.h>
#include <json-c/json.h>

#include "unit.h"
#include "lib/config.h"

static void test_jcfg_paths_and_types(void)
{
	static const char text[] = "{\"a\": {\"list\": [1, {\"x\": \"y\"}]}, \"n\": 5, \"b\": true}";
	static const char *const keys[] = { "a", "n", "b", NULL }, *const akeys[] = { "list", NULL };
	struct jcfg c;
	struct json_object *root, *a, *list;
	uint64_t n;
	bool b;
	size_t m1, m2;

	jcfg_init(&c, "config");
	root = jcfg_parse_text(&c, "t", text, strlen(text));
	CU_ASSERT_PTR_NOT_NULL_FATAL(root);
	CU_ASSERT_EQUAL(jcfg_keys(&c, root, keys), 0);
	CU_ASSERT_EQUAL(jcfg_uint(&c, root, "n", 1, 9, true, &n), 0);
	CU_ASSERT_EQUAL(n, 5);
	CU_ASSERT_EQUAL(jcfg_bool(&c, root, "b", true, &b), 0);
	CU_ASSERT_EQUAL(jcfg_uint(&c, root, "absent", 0, 1, false, &n), 1);
	CU_ASSERT_EQUAL(jcfg_object(&c, root, "a", true, &a), 0);
	m1 = jcfg_push_key(&c, "a");
	CU_ASSERT_EQUAL(jcfg_keys(&c, a, akeys), 0);
	CU_ASSERT_EQUAL(jcfg_array(&c, a, "list", 1, 5, true, &list), 0);
	m2 = jcfg_push_key(&c, "list");
	jcfg_push_index(&c, 1);
	CU_ASSERT_EQUAL(jcfg_keys(&c, json_object_array_get_idx(list, 1), akeys), -1);
	CU_ASSERT_STRING_EQUAL(c.err, "config: a.list[1].x: unknown key");
	jcfg_pop(&c, m2);
	jcfg_pop(&c, m1);
	CU_ASSERT_STRING_EQUAL(c.path, "");
	/* the first error is kept */
	CU_ASSERT_EQUAL(jcfg_uint(&c, root, "b", 0, 1, true, &n), -1);
	CU_ASSERT_STRING_EQUAL(c.err, "config: a.list[1].x: unknown key");
	jcfg_init(&c, "config");
	CU_ASSERT_EQUAL(jcfg_uint(&c, root, "b", 0, 1, true, &n), -1);
	CU_ASSERT_STRING_EQUAL(c.err, "config: b: expected an integer");
	jcfg_init(&c, "config");
	CU_ASSERT_EQUAL(jcfg_uint(&c, root, "n", 6, 9, true, &n), -1);
	CU_ASSERT_STRING_EQUAL(c.err, "config: n: 5 is out of range 6..9");
	jcfg_init(&c, "config");
	CU_ASSERT_EQUAL(jcfg_array(&c, a, "list", 3, 5, true, &list), -1);
	CU_ASSERT_STRING_EQUAL(c.err, "config: list: needs at least 3 items");
	json_object_put(root);
}

static void test_cfg_parsers(void)
{
	struct in_addr a4;
	struct in6_addr a6;
	unsigned int len;
	char host[64];
	uint16_t port;

	CU_ASSERT_EQUAL(cfg_parse_prefix4("10.45.0.0/16", &a4, &len), 0);
	CU_ASSERT_EQUAL(ntohl(a4.s_addr), 0x0a2d0000);
	CU_ASSERT_EQUAL(len, 16);
	CU_ASSERT_EQUAL(cfg_parse_prefix4("10.45.0.1/16", &a4, &len), -1);	/* host bits */
	CU_ASSERT_EQUAL(cfg_parse_prefix4("10.45.0.0/33", &a4, &len), -1);
	CU_ASSERT_EQUAL(cfg_parse_prefix4("10.45.0.0", &a4, &len), -1);
	CU_ASSERT_EQUAL(cfg_parse_prefix4("10.45.0.0/", &a4, &len), -1);
	CU_ASSERT_EQUAL(cfg_parse_prefix4("10.45.0.0/+8", &a4, &len), -1);
	CU_ASSERT_EQUAL(cfg_parse_prefix6("2001:db8::/32", &a6, &len), 0);
	CU_ASSERT_EQUAL(cfg_parse_prefix6("2001:db8::1/64", &a6, &len), -1);
	CU_ASSERT_EQUAL(cfg_parse_prefix6("2001:db8::/129", &a6, &len), -1);
	CU_ASSERT_EQUAL(cfg_parse_hostport("127.0.0.1:9090", host, sizeof(host), &port), 0);
	CU_ASSERT_STRING_EQUAL(host, "127.0.0.1");
	CU_ASSERT_EQUAL(port, 9090);
	CU_ASSERT_EQUAL(cfg_parse_hostport("[::1]:80", host, sizeof(host), &port), 0);
	CU_ASSERT_STRING_EQUAL(host, "::1");
	CU_ASSERT_EQUAL(cfg_parse_hostport("::1:80", host, sizeof(host), &port), -1);
	CU_ASSERT_EQUAL(cfg_parse_hostport("localhost:80", host, sizeof(host), &port), -1);
	CU_ASSERT_EQUAL(cfg_parse_hostport("1.2.3.4:0", host, sizeof(host), &port), -1);
	CU_ASSERT_EQUAL(cfg_parse_hostport("1.2.3.4:65536", host, sizeof(host), &port), -1);
	CU_ASSERT_TRUE(cfg_is_digits("001", 3, 3));
	CU_ASSERT_FALSE(cfg_is_digits("0a1", 3, 3));
	CU_ASSERT_FALSE(cfg_is_digits("", 1, 3));
}

UNIT_SUITE(lib_config,
	   UNIT_TEST(test_jcfg_paths_and_types),
	   UNIT_TEST(test_cfg_parsers))
