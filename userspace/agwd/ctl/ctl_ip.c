// SPDX-License-Identifier: GPL-2.0
/*
 * Control methods ip.*: pools, leases, alloc, release; and the mobility
 * and subscriber gauges of /metrics.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <json-c/json.h>

#include "agwd/agwd.h"
#include "agwd/mobility/mobility.h"
#include "agwd/subscriber/subscriber.h"

static int mob_err(struct agwd *d, int ret, struct jsonrpc_error *err)
{
	return jsonrpc_fail(err, -ret, "%s", mob_error(d->mob));
}

static int m_pools(void *arg, struct json_object *p, struct json_object **res,
		   struct jsonrpc_error *err)
{
	static const char *const keys[] = { NULL };
	struct agwd *d = arg;
	struct json_object *arr;

	if (jsonrpc_param_keys(p, keys, err))
		return -1;
	arr = json_object_new_array();
	for (unsigned int i = 0; i < mob_pool_count(d->mob); i++) {
		struct mob_pool_stats st;
		struct json_object *o;

		if (mob_pool_stats(d->mob, i, &st))
			break;
		o = json_object_new_object();
		json_object_object_add(o, "apn", json_object_new_string(st.apn));
		json_object_object_add(o, "family", json_object_new_string(
			st.family == AF_INET ? "ipv4" : "ipv6"));
		json_object_object_add(o, "prefix", json_object_new_string(st.prefix));
		json_object_object_add(o, "size", json_object_new_int64((int64_t)st.size));
		json_object_object_add(o, "in_use", json_object_new_int64((int64_t)st.in_use));
		json_object_object_add(o, "reserved", json_object_new_int64((int64_t)st.reserved));
		json_object_object_add(o, "free", json_object_new_int64((int64_t)st.free));
		json_object_array_add(arr, o);
	}
	*res = json_object_new_object();
	json_object_object_add(*res, "pools", arr);
	return 0;
}

static struct json_object *lease_json(const struct mob_lease_info *l)
{
	struct json_object *o = json_object_new_object();
	char buf[INET6_ADDRSTRLEN + 4];

	json_object_object_add(o, "imsi", json_object_new_string(l->imsi));
	json_object_object_add(o, "apn", json_object_new_string(l->apn));
	if (l->has_ipv4) {
		inet_ntop(AF_INET, &l->ipv4, buf, sizeof(buf));
		json_object_object_add(o, "ipv4", json_object_new_string(buf));
		json_object_object_add(o, "ipv4_static", json_object_new_boolean(l->static_ipv4));
	}
	if (l->has_ipv6) {
		inet_ntop(AF_INET6, &l->ipv6, buf, INET6_ADDRSTRLEN);
		strcat(buf, "/64");
		json_object_object_add(o, "ipv6", json_object_new_string(buf));
		json_object_object_add(o, "ipv6_static", json_object_new_boolean(l->static_ipv6));
	}
	return o;
}

struct leases_ctx {
	struct json_object *arr;
	const char *apn, *imsi;
};

static int lease_one(void *arg, const struct mob_lease_info *l)
{
	struct leases_ctx *c = arg;

	if ((!c->apn || !strcasecmp(c->apn, l->apn)) && (!c->imsi || !strcmp(c->imsi, l->imsi)))
		json_object_array_add(c->arr, lease_json(l));
	return 0;
}

static int by_imsi(const void *a, const void *b)
{
	struct json_object *const *x = a, *const *y = b;
	struct json_object *u, *v;
	int c;

	json_object_object_get_ex(*x, "imsi", &u);
	json_object_object_get_ex(*y, "imsi", &v);
	c = strcmp(json_object_get_string(u), json_object_get_string(v));
	if (c)
		return c;
	json_object_object_get_ex(*x, "apn", &u);
	json_object_object_get_ex(*y, "apn", &v);
	return strcmp(json_object_get_string(u), json_object_get_string(v));
}

static int m_leases(void *arg, struct json_object *p, struct json_object **res,
		    struct jsonrpc_error *err)
{
	static const char *const keys[] = { "apn", "imsi", NULL };
	struct agwd *d = arg;
	struct leases_ctx c = { 0 };

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "apn", 0, &c.apn, err) < 0 ||
	    jsonrpc_param_str(p, "imsi", 0, &c.imsi, err) < 0)
		return -1;
	c.arr = json_object_new_array();
	mob_leases(d->mob, lease_one, &c);
	json_object_array_sort(c.arr, by_imsi);
	*res = json_object_new_object();
	json_object_object_add(*res, "leases", c.arr);
	return 0;
}

/* The subscriber's static addresses for apn, if any. */
static void statics_of(struct agwd *d, const char *imsi, const char *apn, struct sub_apn *out)
{
	struct sub_record r;

	memset(out, 0, sizeof(*out));
	if (sub_get(d->subs, imsi, &r))
		return;
	for (unsigned int i = 0; i < r.n_apns; i++)
		if (!strcasecmp(r.apns[i].name, apn))
			*out = r.apns[i];
	memset(&r, 0, sizeof(r));
}

static int m_alloc(void *arg, struct json_object *p, struct json_object **res,
		   struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", "apn", "ipv4", "ipv6", NULL };
	struct agwd *d = arg;
	const char *imsi, *apn;
	int v4 = 1, v6 = 1, ret;
	struct mob_lease_info l;
	struct sub_apn st;
	unsigned int fam;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "imsi", 1, &imsi, err) ||
	    jsonrpc_param_str(p, "apn", 1, &apn, err) ||
	    jsonrpc_param_bool(p, "ipv4", 0, &v4, err) < 0 ||
	    jsonrpc_param_bool(p, "ipv6", 0, &v6, err) < 0)
		return -1;
	fam = (v4 ? MOB_IPV4 : 0) | (v6 ? MOB_IPV6 : 0);
	statics_of(d, imsi, apn, &st);
	ret = mob_alloc(d->mob, imsi, apn, fam, st.has_ipv4 ? &st.ipv4 : NULL,
			st.has_ipv6 ? &st.ipv6 : NULL, &l);
	if (ret)
		return mob_err(d, ret, err);
	*res = lease_json(&l);
	return 0;
}

static int m_release(void *arg, struct json_object *p, struct json_object **res,
		     struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", "apn", NULL };
	struct agwd *d = arg;
	const char *imsi, *apn;
	int ret;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "imsi", 1, &imsi, err) ||
	    jsonrpc_param_str(p, "apn", 1, &apn, err))
		return -1;
	ret = mob_release(d->mob, imsi, apn);
	if (ret)
		return mob_err(d, ret, err);
	*res = NULL;
	return 0;
}

/* /metrics: refreshed before every scrape */
static void collect(void *arg, struct metrics *r)
{
	struct agwd *d = arg;
	uint64_t subs = 0;

	for (unsigned int i = 0; i < mob_pool_count(d->mob); i++) {
		struct mob_pool_stats st;
		const char *lbl[] = { "apn", st.apn, "family", NULL, NULL };

		if (mob_pool_stats(d->mob, i, &st))
			break;
		lbl[3] = st.family == AF_INET ? "ipv4" : "ipv6";
		metric_set(metrics_series(r, METRIC_GAUGE, "agwd_ip_pool_size",
					  "Addresses (IPv4) or /64 prefixes (IPv6) a pool can hand out.",
					  lbl), (double)st.size);
		metric_set(metrics_series(r, METRIC_GAUGE, "agwd_ip_pool_in_use",
					  "Leased addresses or prefixes.", lbl), (double)st.in_use);
		metric_set(metrics_series(r, METRIC_GAUGE, "agwd_ip_pool_reserved",
					  "Static addresses reserved and not leased.", lbl),
			   (double)st.reserved);
		metric_set(metrics_series(r, METRIC_GAUGE, "agwd_ip_pool_free",
					  "Addresses or prefixes left for dynamic allocation.", lbl),
			   (double)st.free);
	}
	metric_set(metrics_series(r, METRIC_GAUGE, "agwd_ip_leases", "Leases held.", NULL),
		   (double)mob_lease_count(d->mob));
	if (!sub_count(d->subs, &subs))
		metric_set(metrics_series(r, METRIC_GAUGE, "agwd_subscribers",
					  "Subscribers in the local store.", NULL), (double)subs);
}

int agwd_ctl_ip_init(struct agwd *d)
{
	static const struct {
		const char *name;
		jsonrpc_fn fn;
		const char *help;
	} methods[] = {
		{ "ip.pools", m_pools, "address pools and their usage" },
		{ "ip.leases", m_leases, "leases: [apn, imsi]" },
		{ "ip.alloc", m_alloc, "lease addresses: imsi, apn, [ipv4, ipv6]" },
		{ "ip.release", m_release, "release a lease: imsi, apn" },
	};

	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		int ret = jsonrpc_register(d->rpc, methods[i].name, methods[i].fn, d,
					   methods[i].help);

		if (ret)
			return ret;
	}
	return metrics_add_collector(d->metrics, collect, d);
}
