// SPDX-License-Identifier: GPL-2.0
/*
 * Control methods policy.add, policy.del, policy.list (dedicated bearer
 * rules; grammar of "tft" in Documentation/agwd.md).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <json-c/json.h>

#include "agwd/agwd.h"
#include "agwd/policy/policy.h"

static int copy_str(struct json_object *p, const char *key, int required, char *out,
		    size_t size, struct jsonrpc_error *err)
{
	const char *s;
	int ret = jsonrpc_param_str(p, key, required, &s, err);

	if (ret)
		return ret < 0 ? -1 : 0;
	if (strlen(s) >= size)
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s: too long", key);
	snprintf(out, size, "%s", s);
	return 0;
}

static int u64(struct json_object *p, const char *key, int req, unsigned long long max,
	       uint64_t *out, struct jsonrpc_error *err)
{
	unsigned long long v = 0;
	int ret = jsonrpc_param_u64(p, key, req, max, &v, err);

	if (ret < 0)
		return -1;
	*out = v;
	return 0;
}

static int m_add(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", "apn", "name", "qci", "arp", "gbr_ul",
					    "gbr_dl", "mbr_ul", "mbr_dl", "tft", NULL };
	static struct policy_rule r;	/* large (the parsed TFT) */
	uint64_t qci = 0, arp = 15;
	char msg[256];
	int ret;

	memset(&r, 0, sizeof(r));
	if (jsonrpc_param_keys(p, keys, err) ||
	    copy_str(p, "imsi", 1, r.imsi, sizeof(r.imsi), err) ||
	    copy_str(p, "apn", 1, r.apn, sizeof(r.apn), err) ||
	    copy_str(p, "name", 1, r.name, sizeof(r.name), err) ||
	    copy_str(p, "tft", 1, r.tft_text, sizeof(r.tft_text), err) ||
	    u64(p, "qci", 1, 9, &qci, err) || u64(p, "arp", 0, 15, &arp, err) ||
	    u64(p, "gbr_ul", 0, 10000000000ULL, &r.gbr_ul, err) ||
	    u64(p, "gbr_dl", 0, 10000000000ULL, &r.gbr_dl, err) ||
	    u64(p, "mbr_ul", 1, 10000000000ULL, &r.mbr_ul, err) ||
	    u64(p, "mbr_dl", 1, 10000000000ULL, &r.mbr_dl, err))
		return -1;
	r.qci = (uint8_t)qci;
	r.arp = (uint8_t)arp;
	ret = policy_add(arg, &r, msg, sizeof(msg));
	if (ret)
		return jsonrpc_fail(err, ret == -EINVAL ? JSONRPC_INVALID_PARAMS : -ret, "%s", msg);
	*res = NULL;
	return 0;
}

static int m_del(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", "name", NULL };
	const char *imsi, *name;
	char msg[128];
	int ret;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "imsi", 1, &imsi, err) ||
	    jsonrpc_param_str(p, "name", 1, &name, err))
		return -1;
	ret = policy_del(arg, imsi, name, msg, sizeof(msg));
	if (ret)
		return jsonrpc_fail(err, -ret, "%s", msg);
	*res = NULL;
	return 0;
}

static int list_one(void *arg, const struct policy_rule *r)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "imsi", json_object_new_string(r->imsi));
	json_object_object_add(o, "apn", json_object_new_string(r->apn));
	json_object_object_add(o, "name", json_object_new_string(r->name));
	json_object_object_add(o, "qci", json_object_new_int(r->qci));
	json_object_object_add(o, "arp", json_object_new_int(r->arp));
	json_object_object_add(o, "gbr_ul", json_object_new_int64((int64_t)r->gbr_ul));
	json_object_object_add(o, "gbr_dl", json_object_new_int64((int64_t)r->gbr_dl));
	json_object_object_add(o, "mbr_ul", json_object_new_int64((int64_t)r->mbr_ul));
	json_object_object_add(o, "mbr_dl", json_object_new_int64((int64_t)r->mbr_dl));
	json_object_object_add(o, "tft", json_object_new_string(r->tft_text));
	json_object_array_add(arg, o);
	return 0;
}

static int m_list(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", NULL };
	struct json_object *arr;
	const char *imsi = NULL;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "imsi", 0, &imsi, err) < 0)
		return -1;
	arr = json_object_new_array();
	policy_walk(arg, imsi, list_one, arr);
	*res = json_object_new_object();
	json_object_object_add(*res, "rules", arr);
	return 0;
}

int agwd_ctl_policy_init(struct agwd *d);

int agwd_ctl_policy_init(struct agwd *d)
{
	return jsonrpc_register(d->rpc, "policy.add", m_add, d,
				"dedicated bearer rule: imsi apn name qci mbr_ul mbr_dl tft ...") ||
	       jsonrpc_register(d->rpc, "policy.del", m_del, d, "remove a rule: imsi name") ||
	       jsonrpc_register(d->rpc, "policy.list", m_list, d, "rules [imsi]") ? -EINVAL : 0;
}
