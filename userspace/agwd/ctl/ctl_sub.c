// SPDX-License-Identifier: GPL-2.0
/*
 * Control methods subscriber.*: add, update, delete, show, list, import, and
 * the streaming import (subscriber.import.begin/chunk/commit/abort)
 * (parameters and results in Documentation/agwctl.md "Control protocol").
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <json-c/json.h>

#include "agwd/agwd.h"
#include "agwd/subscriber/subscriber.h"
#include "lib/config.h"
#include "lib/ctl.h"
#include "lib/log.h"

#define LIST_DEFAULT 100
#define LIST_MAX 1000

static int store_err(struct agwd *d, int ret, struct jsonrpc_error *err)
{
	return jsonrpc_fail(err, -ret, "%s", sub_store_error(d->subs));
}

static int hex_param(struct json_object *p, const char *key, uint8_t *out, size_t len,
		     int required, struct jsonrpc_error *err)
{
	const char *s;
	int ret = jsonrpc_param_str(p, key, required, &s, err);

	if (ret)
		return ret;
	if (sub_hex(s, out, len))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s: \"%.40s\" is not %zu hex digits",
				    key, s, 2 * len);
	return 0;
}

static int apn_from_json(struct json_object *o, unsigned int i, struct sub_apn *a,
			 struct jsonrpc_error *err)
{
	static const char *const keys[] = { "name", "ipv4", "ipv6", "qci", "arp", "ambr_ul",
					    "ambr_dl", NULL };
	unsigned long long v;
	const char *s;
	unsigned int len;

	if (!json_object_is_type(o, json_type_object))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "apns[%u]: expected an object", i);
	if (jsonrpc_param_keys(o, keys, err) || jsonrpc_param_str(o, "name", 1, &s, err))
		goto bad;
	if (strlen(s) > AGW_APN_MAX) {
		jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "name: too long");
		goto bad;
	}
	for (size_t j = 0; s[j]; j++)
		a->name[j] = (char)tolower((unsigned char)s[j]);
	if (jsonrpc_param_str(o, "ipv4", 0, &s, err) == 0) {
		a->has_ipv4 = inet_pton(AF_INET, s, &a->ipv4) == 1;
		if (!a->has_ipv4) {
			jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "ipv4: \"%.64s\" is not an IPv4 "
				     "address", s);
			goto bad;
		}
	}
	if (jsonrpc_param_str(o, "ipv6", 0, &s, err) == 0) {
		a->has_ipv6 = !cfg_parse_prefix6(s, &a->ipv6, &len) && len == 64;
		if (!a->has_ipv6) {
			jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "ipv6: \"%.64s\" is not a /64 "
				     "prefix", s);
			goto bad;
		}
	}
	if (err->code)
		goto bad;
	v = 0;
	if (jsonrpc_param_u64(o, "qci", 0, 9, &v, err) < 0)
		goto bad;
	a->qci = (uint8_t)v;
	v = 0;
	if (jsonrpc_param_u64(o, "arp", 0, 15, &v, err) < 0)
		goto bad;
	a->arp = (uint8_t)v;
	v = 0;
	if (jsonrpc_param_u64(o, "ambr_ul", 0, INT64_MAX, &v, err) < 0)
		goto bad;
	a->ambr_ul = v;
	v = 0;
	if (jsonrpc_param_u64(o, "ambr_dl", 0, INT64_MAX, &v, err) < 0)
		goto bad;
	a->ambr_dl = v;
	return 0;
bad:
	{
		char msg[sizeof(err->message)];

		snprintf(msg, sizeof(msg), "%s", err->message);
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "apns[%u].%.400s", i, msg);
	}
}

static int keys_from_json(struct json_object *p, struct sub_record *r, bool required,
			  struct jsonrpc_error *err)
{
	uint8_t op[16];
	bool has_op = json_object_object_get_ex(p, "op", NULL);
	bool has_opc = json_object_object_get_ex(p, "opc", NULL);
	int ret;

	if (has_op && has_opc)
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "give op or opc, not both");
	if (required && !has_op && !has_opc)
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "op or opc: missing (required)");
	ret = hex_param(p, "k", r->k, 16, required, err);
	if (ret < 0)
		return -1;
	if (has_op) {
		if (hex_param(p, "op", op, 16, 1, err))
			return -1;
		if (milenage_opc(r->k, op, r->opc))
			return jsonrpc_fail(err, EIO, "op: could not compute OPc");
	} else if (hex_param(p, "opc", r->opc, 16, 0, err) < 0) {
		return -1;
	}
	return hex_param(p, "amf", r->amf, 2, 0, err) < 0 ? -1 : 0;
}

/* Fills r from params; for an update r already holds the current record. */
static int record_from_json(struct json_object *p, struct sub_record *r, bool add,
			    struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", "k", "op", "opc", "amf", "sqn", "msisdn",
					    "state", "apns", NULL };
	struct json_object *apns;
	unsigned long long v;
	const char *s;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "imsi", 1, &s, err))
		return -1;
	if (!cfg_is_digits(s, SUB_IMSI_MIN, SUB_IMSI_MAX))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "imsi: \"%.32s\" is not %d to %d "
				    "digits", s, SUB_IMSI_MIN, SUB_IMSI_MAX);
	strcpy(r->imsi, s);
	if (keys_from_json(p, r, add, err))
		return -1;
	if (jsonrpc_param_u64(p, "sqn", 0, EPS_SQN_MAX, &v, err) == 0)
		r->sqn = v;
	if (jsonrpc_param_str(p, "msisdn", 0, &s, err) == 0) {
		if (s[0] && !cfg_is_digits(s, 1, SUB_MSISDN_MAX))
			return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "msisdn: \"%.32s\" is not "
					    "1 to %d digits", s, SUB_MSISDN_MAX);
		strcpy(r->msisdn, s);
	}
	if (jsonrpc_param_str(p, "state", 0, &s, err) == 0) {
		if (sub_state_parse(s) < 0)
			return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "state: \"%.32s\" is not "
					    "active or suspended", s);
		r->state = (enum sub_state)sub_state_parse(s);
	}
	if (err->code)
		return -1;
	if (!json_object_object_get_ex(p, "apns", &apns) || json_object_is_type(apns, json_type_null))
		return 0;
	if (!json_object_is_type(apns, json_type_array) ||
	    json_object_array_length(apns) > SUB_MAX_APNS)
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "apns: expected an array of at "
				    "most %d objects", SUB_MAX_APNS);
	memset(r->apns, 0, sizeof(r->apns));
	r->n_apns = 0;
	for (size_t i = 0; i < json_object_array_length(apns); i++) {
		if (apn_from_json(json_object_array_get_idx(apns, i), (unsigned int)i,
				  &r->apns[i], err))
			return -1;
		r->n_apns++;
	}
	return 0;
}

static struct json_object *hex_json(const uint8_t *b, size_t n)
{
	char s[65];

	for (size_t i = 0; i < n && i < 32; i++)
		snprintf(s + 2 * i, 3, "%02x", b[i]);
	s[2 * n] = 0;
	return json_object_new_string(s);
}

static struct json_object *record_json(const struct sub_record *r, bool keys)
{
	struct json_object *o = json_object_new_object(), *apns = json_object_new_array();

	json_object_object_add(o, "imsi", json_object_new_string(r->imsi));
	json_object_object_add(o, "msisdn", json_object_new_string(r->msisdn));
	json_object_object_add(o, "state", json_object_new_string(sub_state_name(r->state)));
	json_object_object_add(o, "amf", hex_json(r->amf, 2));
	json_object_object_add(o, "sqn", json_object_new_int64((int64_t)r->sqn));
	if (keys) {
		json_object_object_add(o, "k", hex_json(r->k, 16));
		json_object_object_add(o, "opc", hex_json(r->opc, 16));
	}
	for (unsigned int i = 0; i < r->n_apns; i++) {
		const struct sub_apn *a = &r->apns[i];
		struct json_object *ao = json_object_new_object();
		char buf[INET6_ADDRSTRLEN + 4];

		json_object_object_add(ao, "name", json_object_new_string(a->name));
		if (a->has_ipv4)
			json_object_object_add(ao, "ipv4", json_object_new_string(
				inet_ntop(AF_INET, &a->ipv4, buf, sizeof(buf))));
		if (a->has_ipv6) {
			inet_ntop(AF_INET6, &a->ipv6, buf, INET6_ADDRSTRLEN);
			strcat(buf, "/64");
			json_object_object_add(ao, "ipv6", json_object_new_string(buf));
		}
		if (a->qci)
			json_object_object_add(ao, "qci", json_object_new_int(a->qci));
		if (a->arp)
			json_object_object_add(ao, "arp", json_object_new_int(a->arp));
		if (a->ambr_ul)
			json_object_object_add(ao, "ambr_ul", json_object_new_int64((int64_t)a->ambr_ul));
		if (a->ambr_dl)
			json_object_object_add(ao, "ambr_dl", json_object_new_int64((int64_t)a->ambr_dl));
		json_object_array_add(apns, ao);
	}
	json_object_object_add(o, "apns", apns);
	return o;
}

/* ------------------------------------------------------------- methods --- */

static int m_add(void *arg, struct json_object *p, struct json_object **res,
		 struct jsonrpc_error *err)
{
	struct agwd *d = arg;
	struct sub_record r;
	int ret;

	sub_record_init(&r);
	if (record_from_json(p, &r, true, err))
		return -1;
	ret = sub_add(d->subs, &r);
	if (ret)
		return store_err(d, ret, err);
	agwd_static_update(d, r.imsi, NULL, &r);
	*res = record_json(&r, false);
	return 0;
}

static int m_update(void *arg, struct json_object *p, struct json_object **res,
		    struct jsonrpc_error *err)
{
	struct agwd *d = arg;
	struct sub_record old, r;
	const char *imsi;
	int ret;

	if (jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return -1;
	ret = sub_get(d->subs, imsi, &old);
	if (ret)
		return store_err(d, ret, err);
	r = old;
	if (record_from_json(p, &r, false, err))
		return -1;
	ret = sub_update(d->subs, &r);
	if (!ret && r.sqn != old.sqn)
		ret = sub_set_sqn(d->subs, r.imsi, r.sqn);
	if (ret)
		return store_err(d, ret, err);
	agwd_static_update(d, r.imsi, &old, &r);
	*res = record_json(&r, false);
	return 0;
}

static int m_delete(void *arg, struct json_object *p, struct json_object **res,
		    struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", NULL };
	struct agwd *d = arg;
	struct sub_record old;
	const char *imsi;
	int ret;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "imsi", 1, &imsi, err))
		return -1;
	ret = sub_get(d->subs, imsi, &old);
	if (!ret)
		ret = sub_delete(d->subs, imsi);
	if (ret)
		return store_err(d, ret, err);
	agwd_static_update(d, imsi, &old, NULL);
	*res = json_object_new_object();
	json_object_object_add(*res, "imsi", json_object_new_string(old.imsi));
	return 0;
}

static int m_show(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	static const char *const keys[] = { "imsi", "keys", NULL };
	struct agwd *d = arg;
	struct sub_record r;
	const char *imsi;
	int with_keys = 0, ret;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "imsi", 1, &imsi, err) ||
	    jsonrpc_param_bool(p, "keys", 0, &with_keys, err) < 0)
		return -1;
	ret = sub_get(d->subs, imsi, &r);
	if (ret)
		return store_err(d, ret, err);
	*res = record_json(&r, with_keys);
	memset(&r, 0, sizeof(r));
	return 0;
}

struct list_ctx {
	struct json_object *arr;
	char last[SUB_IMSI_MAX + 1];
};

static int list_one(void *arg, const struct sub_record *r)
{
	struct list_ctx *c = arg;

	json_object_array_add(c->arr, record_json(r, false));
	memcpy(c->last, r->imsi, sizeof(c->last));
	return 0;
}

static int m_list(void *arg, struct json_object *p, struct json_object **res,
		  struct jsonrpc_error *err)
{
	static const char *const keys[] = { "after", "limit", NULL };
	struct agwd *d = arg;
	struct list_ctx c = { .arr = json_object_new_array() };
	unsigned long long limit = LIST_DEFAULT;
	const char *after = "";
	unsigned int n;
	uint64_t total = 0;
	int ret;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_str(p, "after", 0, &after, err) < 0 ||
	    jsonrpc_param_u64(p, "limit", 0, LIST_MAX, &limit, err) < 0) {
		json_object_put(c.arr);
		return -1;
	}
	ret = sub_list(d->subs, after, (unsigned int)limit, list_one, &c, &n);
	if (!ret)
		ret = sub_count(d->subs, &total);
	if (ret) {
		json_object_put(c.arr);
		return store_err(d, ret, err);
	}
	*res = json_object_new_object();
	json_object_object_add(*res, "subscribers", c.arr);
	json_object_object_add(*res, "total", json_object_new_int64((int64_t)total));
	json_object_object_add(*res, "next", n == limit && n ? json_object_new_string(c.last) :
			       NULL);
	return 0;
}

static int m_import(void *arg, struct json_object *p, struct json_object **res,
		    struct jsonrpc_error *err)
{
	static const char *const keys[] = { "csv", "replace", NULL };
	struct agwd *d = arg;
	struct json_object *csv;
	int replace = 0, ret;
	unsigned int n;

	if (jsonrpc_param_keys(p, keys, err) || jsonrpc_param_bool(p, "replace", 0, &replace,
								     err) < 0)
		return -1;
	if (!json_object_object_get_ex(p, "csv", &csv) ||
	    !json_object_is_type(csv, json_type_string))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "csv: expected the file as a "
				    "string");
	ret = sub_import_csv(d->subs, json_object_get_string(csv),
			     (size_t)json_object_get_string_len(csv), replace, &n);
	if (ret)
		return store_err(d, ret, err);
	agwd_static_sync(d);
	*res = json_object_new_object();
	json_object_object_add(*res, "imported", json_object_new_int((int)n));
	return 0;
}

/* ---- streaming import: subscriber.import.{begin,chunk,commit,abort} ----
 * One session at a time; one left idle for IMPORT_IDLE_MS (a client that
 * went away) is dropped by the next begin.  The chunks of a session are
 * applied in order as they come (one connection or several). */
#define IMPORT_IDLE_MS	(120 * 1000)
#define IMPORT_CHUNK_MAX (CTL_MAX_REQUEST - 4096)	/* the CSV text of one chunk */

struct import_ctl {
	struct import_ctl *next;	/* one per agwd instance (the unit tests run several) */
	struct agwd *d;
	struct sub_import *imp;
	unsigned int id, next_id;
	uint64_t last_ms;
};

static struct import_ctl *importers;

static void import_drop(struct import_ctl *c)
{
	sub_import_free(c->imp);
	c->imp = NULL;
	c->id = 0;
}

static int import_session(struct import_ctl *c, struct json_object *p, struct jsonrpc_error *err)
{
	unsigned long long id;

	if (jsonrpc_param_u64(p, "import", 1, UINT32_MAX, &id, err))
		return -1;
	if (!c->imp || id != c->id)
		return jsonrpc_fail(err, ENOENT, "import %llu: no such import in progress (ended, "
				    "aborted, or idle for more than %u s)", id,
				    IMPORT_IDLE_MS / 1000);
	c->last_ms = ev_time_ms();
	return 0;
}

static int m_import_begin(void *arg, struct json_object *p, struct json_object **res,
			  struct jsonrpc_error *err)
{
	static const char *const keys[] = { "replace", "atomic", "sync", NULL };
	struct import_ctl *c = arg;
	struct sub_import_opts o;
	int replace = 0, atomic = 1, sync = 0, ret;

	if (jsonrpc_param_keys(p, keys, err) ||
	    jsonrpc_param_bool(p, "replace", 0, &replace, err) < 0 ||
	    jsonrpc_param_bool(p, "atomic", 0, &atomic, err) < 0 ||
	    jsonrpc_param_bool(p, "sync", 0, &sync, err) < 0)
		return -1;
	if (sync && !atomic)
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "sync: needs atomic");
	if (c->imp && ev_time_ms() - c->last_ms < IMPORT_IDLE_MS)
		return jsonrpc_fail(err, EBUSY, "import %u is in progress (%u rows so far)", c->id,
				    sub_import_rows(c->imp));
	if (c->imp) {
		log_warn("ctl", "import %u idle for %u s: dropped", c->id, IMPORT_IDLE_MS / 1000);
		import_drop(c);
	}
	o = (struct sub_import_opts){ .atomic = atomic, .replace = replace, .sync = sync };
	ret = sub_import_begin(&o, &c->imp);
	if (ret)
		return jsonrpc_fail(err, -ret, "cannot start an import: %s", strerror(-ret));
	c->id = ++c->next_id;
	c->last_ms = ev_time_ms();
	*res = json_object_new_object();
	json_object_object_add(*res, "import", json_object_new_int64(c->id));
	json_object_object_add(*res, "chunk_max", json_object_new_int64(IMPORT_CHUNK_MAX));
	return 0;
}

static int m_import_chunk(void *arg, struct json_object *p, struct json_object **res,
			  struct jsonrpc_error *err)
{
	static const char *const keys[] = { "import", "csv", NULL };
	struct import_ctl *c = arg;
	struct json_object *csv;
	int ret;

	if (jsonrpc_param_keys(p, keys, err) || import_session(c, p, err))
		return -1;
	if (!json_object_object_get_ex(p, "csv", &csv) ||
	    !json_object_is_type(csv, json_type_string))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "csv: expected whole lines of the "
				    "file as a string");
	ret = sub_import_chunk(c->d->subs, c->imp, json_object_get_string(csv),
			       (size_t)json_object_get_string_len(csv));
	if (ret) {
		jsonrpc_fail(err, -ret, "%s", sub_store_error(c->d->subs));
		import_drop(c);		/* nothing more can be added to a failed import */
		return -1;
	}
	*res = json_object_new_object();
	json_object_object_add(*res, "rows", json_object_new_int64(sub_import_rows(c->imp)));
	return 0;
}

static int m_import_commit(void *arg, struct json_object *p, struct json_object **res,
			   struct jsonrpc_error *err)
{
	static const char *const keys[] = { "import", NULL };
	struct import_ctl *c = arg;
	unsigned int rows, deleted;
	int ret;

	if (jsonrpc_param_keys(p, keys, err) || import_session(c, p, err))
		return -1;
	ret = sub_import_finish(c->d->subs, c->imp, &rows, &deleted);
	if (ret)
		jsonrpc_fail(err, -ret, "%s", sub_store_error(c->d->subs));
	import_drop(c);
	if (ret)
		return -1;
	agwd_static_sync(c->d);
	*res = json_object_new_object();
	json_object_object_add(*res, "imported", json_object_new_int64(rows));
	json_object_object_add(*res, "deleted", json_object_new_int64(deleted));
	return 0;
}

static int m_import_abort(void *arg, struct json_object *p, struct json_object **res,
			  struct jsonrpc_error *err)
{
	static const char *const keys[] = { "import", NULL };
	struct import_ctl *c = arg;

	if (jsonrpc_param_keys(p, keys, err) || import_session(c, p, err))
		return -1;
	import_drop(c);
	*res = NULL;
	return 0;
}

int agwd_ctl_subscriber_init(struct agwd *d)
{
	static const struct {
		const char *name;
		jsonrpc_fn fn;
		const char *help;
		bool import;
	} methods[] = {
		{ "subscriber.add", m_add, "add a subscriber: imsi, k, op|opc, [amf, sqn, "
		  "msisdn, state, apns]", false },
		{ "subscriber.update", m_update, "change a subscriber: imsi and the fields to change",
		  false },
		{ "subscriber.delete", m_delete, "delete a subscriber: imsi", false },
		{ "subscriber.show", m_show, "one subscriber: imsi, [keys]", false },
		{ "subscriber.list", m_list, "subscribers in IMSI order: [after, limit]", false },
		{ "subscriber.import", m_import, "import CSV text in one request: csv, [replace]",
		  false },
		{ "subscriber.import.begin", m_import_begin, "start a streaming import: [replace, "
		  "atomic (true), sync] -> import, chunk_max", true },
		{ "subscriber.import.chunk", m_import_chunk, "whole CSV lines of an import: import, "
		  "csv -> rows", true },
		{ "subscriber.import.commit", m_import_commit, "end an import, apply what is staged: "
		  "import -> imported, deleted", true },
		{ "subscriber.import.abort", m_import_abort, "drop an import: import", true },
	};

	struct import_ctl *importer = calloc(1, sizeof(*importer));

	if (!importer)
		return -ENOMEM;
	importer->d = d;
	importer->next = importers;
	importers = importer;
	sub_store_set_apn_check(d->subs, agwd_static_check, d);
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		int ret = jsonrpc_register(d->rpc, methods[i].name, methods[i].fn,
					   methods[i].import ? (void *)importer : (void *)d,
					   methods[i].help);

		if (ret)
			return ret;
	}
	return 0;
}

void agwd_ctl_subscriber_fini(struct agwd *d)
{
	for (struct import_ctl **pp = &importers; *pp; pp = &(*pp)->next) {
		struct import_ctl *c = *pp;

		if (c->d != d)
			continue;
		*pp = c->next;
		import_drop(c);
		free(c);
		return;
	}
}
