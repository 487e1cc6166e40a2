// SPDX-License-Identifier: GPL-2.0
/*
 * agwd configuration: the "apns" list (name, address pools, DNS, QoS).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <json-c/json.h>

#include "agwd/config/config_int.h"

#define DEF_AMBR	100000000ull		/* 100 Mbit/s */
#define MAX_AMBR	10000000000000ull	/* 10 Tbit/s (TS 24.301 9.9.4.2 ext-2 range) */

/*
 * TS 23.003 9.1: labels of letters, digits and '-', separated by dots, at
 * most 63 characters each, 100 in total; not starting or ending with a dot.
 */
bool cfg_apn_name_valid(const char *name)
{
	size_t n = strlen(name), label = 0;

	if (n == 0 || n > AGW_APN_MAX || name[0] == '.' || name[n - 1] == '.')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (name[i] == '.') {
			if (label == 0)
				return false;
			label = 0;
		} else if (isalnum((unsigned char)name[i]) || name[i] == '-') {
			if (++label > 63)
				return false;
		} else {
			return false;
		}
	}
	return true;
}

static int dns_list(struct jcfg *c, struct json_object *o, const char *key, int af, void *out,
		    unsigned int *n)
{
	struct json_object *arr;
	size_t mark;
	int ret = jcfg_array(c, o, key, 0, AGW_MAX_DNS, false, &arr);

	if (ret)
		return ret < 0 ? -1 : 0;
	mark = jcfg_push_key(c, key);
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *a = json_object_array_get_idx(arr, i);
		size_t m2 = jcfg_push_index(c, i);
		void *dst = (char *)out + i * (af == AF_INET ? sizeof(struct in_addr) :
						sizeof(struct in6_addr));

		if (!json_object_is_type(a, json_type_string))
			jcfg_fail(c, NULL, "expected a string");
		else if (inet_pton(af, json_object_get_string(a), dst) != 1)
			jcfg_fail(c, NULL, "\"%s\" is not an %s address", json_object_get_string(a),
				  af == AF_INET ? "IPv4" : "IPv6");
		jcfg_pop(c, m2);
		if (jcfg_failed(c))
			break;
		(*n)++;
	}
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

static int apn_pools(struct jcfg *c, struct json_object *o, struct agw_apn_cfg *a)
{
	int r4, r6;

	r4 = jcfg_prefix4(c, o, "ipv4_pool", false, &a->ipv4_net, &a->ipv4_len);
	if (r4 < 0)
		return -1;
	if (r4 == 0 && (a->ipv4_len < AGW_POOL4_MIN_LEN || a->ipv4_len > AGW_POOL4_MAX_LEN))
		return jcfg_fail(c, "ipv4_pool", "prefix length /%u is out of range /%u../%u",
				 a->ipv4_len, AGW_POOL4_MIN_LEN, AGW_POOL4_MAX_LEN);
	r6 = jcfg_prefix6(c, o, "ipv6_prefix_pool", false, &a->ipv6_net, &a->ipv6_len);
	if (r6 < 0)
		return -1;
	if (r6 == 0 && (a->ipv6_len < AGW_POOL6_MIN_LEN || a->ipv6_len > AGW_POOL6_MAX_LEN))
		return jcfg_fail(c, "ipv6_prefix_pool",
				 "prefix length /%u is out of range /%u../%u (pool of /64s)",
				 a->ipv6_len, AGW_POOL6_MIN_LEN, AGW_POOL6_MAX_LEN);
	a->has_ipv4_pool = r4 == 0;
	a->has_ipv6_pool = r6 == 0;
	if (!a->has_ipv4_pool && !a->has_ipv6_pool)
		return jcfg_fail(c, NULL, "needs ipv4_pool or ipv6_prefix_pool (or both)");
	return 0;
}

static int apn_one(struct jcfg *c, struct json_object *o, struct agw_apn_cfg *a)
{
	static const char *const keys[] = { "name", "ipv4_pool", "ipv6_prefix_pool", "dns4",
					    "dns6", "ambr_ul", "ambr_dl", "qci", "arp", NULL };
	uint64_t qci = 9, arp = 15;

	a->ambr_ul = a->ambr_dl = DEF_AMBR;
	if (jcfg_keys(c, o, keys) || jcfg_strcpy(c, o, "name", true, a->name, sizeof(a->name)))
		return -1;
	if (!cfg_apn_name_valid(a->name))
		return jcfg_fail(c, "name", "\"%s\" is not an APN (TS 23.003 9.1: labels of "
				 "letters, digits and '-' separated by '.')", a->name);
	if (apn_pools(c, o, a) || dns_list(c, o, "dns4", AF_INET, a->dns4, &a->n_dns4) ||
	    dns_list(c, o, "dns6", AF_INET6, a->dns6, &a->n_dns6) ||
	    jcfg_uint(c, o, "ambr_ul", 1, MAX_AMBR, false, &a->ambr_ul) < 0 ||
	    jcfg_uint(c, o, "ambr_dl", 1, MAX_AMBR, false, &a->ambr_dl) < 0 ||
	    jcfg_uint(c, o, "qci", 1, 9, false, &qci) < 0 ||
	    jcfg_uint(c, o, "arp", 1, 15, false, &arp) < 0)
		return -1;
	a->qci = (uint8_t)qci;
	a->arp = (uint8_t)arp;
	return 0;
}

static bool overlap4(const struct agw_apn_cfg *a, const struct agw_apn_cfg *b)
{
	unsigned int len = a->ipv4_len < b->ipv4_len ? a->ipv4_len : b->ipv4_len;
	uint32_t mask = len ? ~0u << (32 - len) : 0;

	return ((ntohl(a->ipv4_net.s_addr) ^ ntohl(b->ipv4_net.s_addr)) & mask) == 0;
}

static bool overlap6(const struct agw_apn_cfg *a, const struct agw_apn_cfg *b)
{
	unsigned int len = a->ipv6_len < b->ipv6_len ? a->ipv6_len : b->ipv6_len;

	for (unsigned int bit = 0; bit < len; bit++) {
		uint8_t m = 0x80 >> (bit % 8);

		if ((a->ipv6_net.s6_addr[bit / 8] & m) != (b->ipv6_net.s6_addr[bit / 8] & m))
			return false;
	}
	return true;
}

/* APN i against the ones before it: names (case-insensitive) and pools. */
static int apn_conflicts(struct jcfg *c, const struct agw_config *cfg, size_t i)
{
	const struct agw_apn_cfg *a = &cfg->apns[i];

	for (size_t j = 0; j < i; j++) {
		const struct agw_apn_cfg *b = &cfg->apns[j];

		if (!strcasecmp(a->name, b->name))
			return jcfg_fail(c, "name", "\"%s\" is already used by apns[%zu]", a->name,
					 j);
		if (a->has_ipv4_pool && b->has_ipv4_pool && overlap4(a, b))
			return jcfg_fail(c, "ipv4_pool", "overlaps apns[%zu].ipv4_pool", j);
		if (a->has_ipv6_pool && b->has_ipv6_pool && overlap6(a, b))
			return jcfg_fail(c, "ipv6_prefix_pool", "overlaps apns[%zu].ipv6_prefix_pool",
					 j);
	}
	return 0;
}

int cfg_apns(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	struct json_object *arr;
	size_t mark;

	if (jcfg_array(c, root, "apns", 1, AGW_MAX_APNS, true, &arr))
		return -1;
	mark = jcfg_push_key(c, "apns");
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		size_t m2 = jcfg_push_index(c, i);

		if (!json_object_is_type(o, json_type_object))
			jcfg_fail(c, NULL, "expected an object");
		else if (!apn_one(c, o, &cfg->apns[i]))
			apn_conflicts(c, cfg, i);
		jcfg_pop(c, m2);
		if (jcfg_failed(c))
			break;
		cfg->n_apns++;
	}
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}
