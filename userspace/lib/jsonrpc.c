// SPDX-License-Identifier: GPL-2.0
/*
 * JSON-RPC method table and request handling (jsonrpc.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "lib/jsonrpc.h"

#define JSONRPC_MAX_DEPTH 32

struct jsonrpc_method {
	char *name;
	char *help;
	jsonrpc_fn fn;
	void *arg;
};

struct jsonrpc {
	struct jsonrpc_method *m;	/* sorted by name */
	size_t n, cap;
};

static int list_methods(void *arg, struct json_object *params, struct json_object **result,
			struct jsonrpc_error *err);

struct jsonrpc *jsonrpc_new(void)
{
	struct jsonrpc *r = calloc(1, sizeof(*r));

	if (r && jsonrpc_register(r, "rpc.methods", list_methods, r, "list the methods")) {
		jsonrpc_free(r);
		return NULL;
	}
	return r;
}

void jsonrpc_free(struct jsonrpc *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->m[i].name);
		free(r->m[i].help);
	}
	free(r->m);
	free(r);
}

static struct jsonrpc_method *find(struct jsonrpc *r, const char *name, size_t *pos)
{
	size_t lo = 0, hi = r->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, r->m[mid].name);

		if (!c)
			return &r->m[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (pos)
		*pos = lo;
	return NULL;
}

int jsonrpc_register(struct jsonrpc *r, const char *name, jsonrpc_fn fn, void *arg,
		     const char *help)
{
	size_t pos;
	char *n, *h;

	if (!name || !name[0] || !fn)
		return -EINVAL;
	if (find(r, name, &pos))
		return -EEXIST;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		struct jsonrpc_method *m = realloc(r->m, cap * sizeof(*m));

		if (!m)
			return -ENOMEM;
		r->m = m;
		r->cap = cap;
	}
	n = strdup(name);
	h = strdup(help ? help : "");
	if (!n || !h) {
		free(n);
		free(h);
		return -ENOMEM;
	}
	memmove(&r->m[pos + 1], &r->m[pos], (r->n - pos) * sizeof(r->m[0]));
	r->m[pos] = (struct jsonrpc_method){ n, h, fn, arg };
	r->n++;
	return 0;
}

int jsonrpc_fail(struct jsonrpc_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return -1;
}

static int list_methods(void *arg, struct json_object *params, struct json_object **result,
			struct jsonrpc_error *err)
{
	struct jsonrpc *r = arg;
	struct json_object *o = json_object_new_object(), *a = json_object_new_array();

	if (!o || !a) {
		json_object_put(o);
		json_object_put(a);
		return jsonrpc_fail(err, JSONRPC_INTERNAL_ERROR, "out of memory");
	}
	for (size_t i = 0; i < r->n; i++) {
		struct json_object *m = json_object_new_object();

		json_object_object_add(m, "name", json_object_new_string(r->m[i].name));
		json_object_object_add(m, "help", json_object_new_string(r->m[i].help));
		json_object_array_add(a, m);
	}
	json_object_object_add(o, "methods", a);
	*result = o;
	return 0;
}

/* ------------------------------------------------------------ handling --- */

static char *finish(struct json_object *resp, size_t *out_len)
{
	const char *s;
	size_t n;
	char *out = NULL;

	if (!resp)
		return NULL;
	s = json_object_to_json_string_length(resp, JSON_C_TO_STRING_PLAIN |
					      JSON_C_TO_STRING_NOSLASHESCAPE, &n);
	if (s) {
		out = malloc(n + 1);
		if (out) {
			memcpy(out, s, n + 1);
			*out_len = n;
		}
	}
	json_object_put(resp);
	return out;
}

static struct json_object *error_obj(struct json_object *id, int code, const char *message)
{
	struct json_object *resp = json_object_new_object(), *e = json_object_new_object();

	if (!resp || !e) {
		json_object_put(resp);
		json_object_put(e);
		return NULL;
	}
	json_object_object_add(e, "code", json_object_new_int(code));
	json_object_object_add(e, "message", json_object_new_string(message));
	json_object_object_add(resp, "id", json_object_get(id));
	json_object_object_add(resp, "error", e);
	return resp;
}

char *jsonrpc_error_response(int code, const char *message, size_t *out_len)
{
	return finish(error_obj(NULL, code, message), out_len);
}

/* Checks the envelope; returns the method name or NULL with err set. */
static const char *envelope(struct json_object *req, struct json_object **id,
			    struct json_object **params, struct jsonrpc_error *err)
{
	struct json_object *m = NULL;

	if (!json_object_is_type(req, json_type_object)) {
		jsonrpc_fail(err, JSONRPC_INVALID_REQUEST, "request is not a JSON object");
		return NULL;
	}
	json_object_object_get_ex(req, "id", id);
	if (*id && !json_object_is_type(*id, json_type_int) &&
	    !json_object_is_type(*id, json_type_string)) {
		*id = NULL;
		jsonrpc_fail(err, JSONRPC_INVALID_REQUEST, "id must be a number or a string");
		return NULL;
	}
	json_object_object_foreach(req, k, v) {
		(void)v;
		if (strcmp(k, "id") && strcmp(k, "method") && strcmp(k, "params") &&
		    strcmp(k, "jsonrpc")) {
			jsonrpc_fail(err, JSONRPC_INVALID_REQUEST, "unknown member \"%.64s\"", k);
			return NULL;
		}
	}
	if (!json_object_object_get_ex(req, "method", &m) ||
	    !json_object_is_type(m, json_type_string)) {
		jsonrpc_fail(err, JSONRPC_INVALID_REQUEST, "method must be a string");
		return NULL;
	}
	if (json_object_object_get_ex(req, "params", params) &&
	    !json_object_is_type(*params, json_type_object) &&
	    !json_object_is_type(*params, json_type_null)) {
		jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "params must be an object");
		return NULL;
	}
	return json_object_get_string(m);
}

static struct json_object *call(struct jsonrpc *r, struct json_object *req)
{
	struct json_object *id = NULL, *params = NULL, *result = NULL, *resp, *empty = NULL;
	struct jsonrpc_error err = { 0 };
	struct jsonrpc_method *m;
	const char *name = envelope(req, &id, &params, &err);

	if (!name)
		return error_obj(id, err.code, err.message);
	m = find(r, name, NULL);
	if (!m) {
		jsonrpc_fail(&err, JSONRPC_METHOD_NOT_FOUND, "method \"%.64s\" does not exist",
			     name);
		return error_obj(id, err.code, err.message);
	}
	if (!params || json_object_is_type(params, json_type_null))
		params = empty = json_object_new_object();
	if (!params || m->fn(m->arg, params, &result, &err)) {
		json_object_put(empty);
		if (!params)
			jsonrpc_fail(&err, JSONRPC_INTERNAL_ERROR, "out of memory");
		if (!err.code)
			err.code = JSONRPC_INTERNAL_ERROR;
		return error_obj(id, err.code, err.message[0] ? err.message : "failed");
	}
	json_object_put(empty);
	resp = json_object_new_object();
	if (!resp) {
		json_object_put(result);
		return NULL;
	}
	json_object_object_add(resp, "id", json_object_get(id));
	json_object_object_add(resp, "result", result);
	return resp;
}

char *jsonrpc_handle(struct jsonrpc *r, const char *req, size_t len, size_t *out_len)
{
	struct json_tokener *tok = json_tokener_new_ex(JSONRPC_MAX_DEPTH);
	struct json_object *obj = NULL, *resp;
	enum json_tokener_error jerr = json_tokener_error_depth;
	size_t end = 0;

	if (tok && len <= INT32_MAX) {
		json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
		obj = json_tokener_parse_ex(tok, req, (int)len);
		jerr = json_tokener_get_error(tok);
		end = json_tokener_get_parse_end(tok);
	}
	json_tokener_free(tok);
	while (jerr == json_tokener_success && end < len &&
	       (req[end] == ' ' || req[end] == '\t' || req[end] == '\r' || req[end] == '\n'))
		end++;
	if (jerr != json_tokener_success || !obj || end != len) {
		char msg[160];

		snprintf(msg, sizeof(msg), "malformed JSON at offset %zu: %s", end,
			 jerr == json_tokener_success ? "text after the request" :
			 jerr == json_tokener_continue ? "unexpected end" :
			 json_tokener_error_desc(jerr));
		json_object_put(obj);
		return finish(error_obj(NULL, JSONRPC_PARSE_ERROR, msg), out_len);
	}
	resp = call(r, obj);
	json_object_put(obj);
	return finish(resp, out_len);
}

/* ---------------------------------------------------- parameter helpers --- */

static int param(struct json_object *params, const char *key, int required,
		 enum json_type type, const char *what, struct json_object **v,
		 struct jsonrpc_error *err)
{
	if (!json_object_object_get_ex(params, key, v) || json_object_is_type(*v, json_type_null)) {
		if (required)
			return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s: missing (required)",
					    key);
		return 1;
	}
	if (!json_object_is_type(*v, type))
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s: expected %s", key, what);
	return 0;
}

int jsonrpc_param_str(struct json_object *params, const char *key, int required,
		      const char **out, struct jsonrpc_error *err)
{
	struct json_object *v;
	int ret = param(params, key, required, json_type_string, "a string", &v, err);

	if (!ret) {
		*out = json_object_get_string(v);
		if (strlen(*out) != (size_t)json_object_get_string_len(v))
			return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s: contains NUL", key);
	}
	return ret;
}

int jsonrpc_param_u64(struct json_object *params, const char *key, int required,
		      unsigned long long max, unsigned long long *out, struct jsonrpc_error *err)
{
	struct json_object *v;
	int ret = param(params, key, required, json_type_int, "an integer", &v, err);
	int64_t s;

	if (ret)
		return ret;
	s = json_object_get_int64(v);
	if (s < 0 || (unsigned long long)s > max)
		return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%s: out of range 0..%llu", key,
				    max);
	*out = (unsigned long long)s;
	return 0;
}

int jsonrpc_param_bool(struct json_object *params, const char *key, int required, int *out,
		       struct jsonrpc_error *err)
{
	struct json_object *v;
	int ret = param(params, key, required, json_type_boolean, "true or false", &v, err);

	if (!ret)
		*out = json_object_get_boolean(v);
	return ret;
}

int jsonrpc_param_keys(struct json_object *params, const char *const keys[],
		       struct jsonrpc_error *err)
{
	json_object_object_foreach(params, k, v) {
		size_t i;

		(void)v;
		for (i = 0; keys[i] && strcmp(keys[i], k); i++)
			;
		if (!keys[i])
			return jsonrpc_fail(err, JSONRPC_INVALID_PARAMS, "%.64s: unknown parameter",
					    k);
	}
	return 0;
}
