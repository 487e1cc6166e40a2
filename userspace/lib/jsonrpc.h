/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A JSON-RPC method table and request handler, transport-free (ctl.h
 * carries it over a unix socket). Requests and responses are one JSON
 * object each:
 *
 *	{"id": 7, "method": "subscriber.show", "params": {"imsi": "001010000000001"}}
 *	{"id": 7, "result": {...}}
 *	{"id": 7, "error": {"code": 2, "message": "subscriber 00101... does not exist"}}
 *
 * "id" is echoed as given (number, string or null); "params" is an object
 * or absent; a "jsonrpc" member is accepted and ignored. Error codes: the
 * JSON-RPC 2.0 ones below for protocol errors, positive errno values
 * (ENOENT, EEXIST, EINVAL, ...) for errors of the method itself.
 */
#ifndef AGW_LIB_JSONRPC_H
#define AGW_LIB_JSONRPC_H

#include <stddef.h>

struct json_object;

enum {
	JSONRPC_PARSE_ERROR = -32700,
	JSONRPC_INVALID_REQUEST = -32600,
	JSONRPC_METHOD_NOT_FOUND = -32601,
	JSONRPC_INVALID_PARAMS = -32602,
	JSONRPC_INTERNAL_ERROR = -32603,
};

struct jsonrpc_error {
	int code;
	char message[512];
};

/*
 * A method: return 0 and set *result (NULL means JSON null; ownership
 * passes to the caller), or return -1 after jsonrpc_fail(). params is
 * never NULL (an empty object when absent) and is borrowed.
 */
typedef int (*jsonrpc_fn)(void *arg, struct json_object *params, struct json_object **result,
			  struct jsonrpc_error *err);

struct jsonrpc;

struct jsonrpc *jsonrpc_new(void);
void jsonrpc_free(struct jsonrpc *r);
/* -EEXIST if name is taken, -EINVAL for an empty name. help: one line. */
int jsonrpc_register(struct jsonrpc *r, const char *name, jsonrpc_fn fn, void *arg,
		     const char *help);

/* Fills err and returns -1. */
int jsonrpc_fail(struct jsonrpc_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Handles one request (len bytes, not NUL-terminated). Returns the response
 * (malloc'd, no trailing newline, *out_len set) or NULL if out of memory.
 * Never fails on bad input: that gets an error response.
 */
char *jsonrpc_handle(struct jsonrpc *r, const char *req, size_t len, size_t *out_len);
/* An error response with a null id (for a transport that gives up on a request). */
char *jsonrpc_error_response(int code, const char *message, size_t *out_len);

/*
 * Built-in method "rpc.methods": {"methods": [{"name": ..., "help": ...}]},
 * sorted by name.
 */

/*
 * Parameter helpers for methods: 0 when read, 1 when an optional key is
 * absent, -1 after filling err (JSONRPC_INVALID_PARAMS, naming the key).
 */
int jsonrpc_param_str(struct json_object *params, const char *key, int required,
		      const char **out, struct jsonrpc_error *err);
int jsonrpc_param_u64(struct json_object *params, const char *key, int required,
		      unsigned long long max, unsigned long long *out, struct jsonrpc_error *err);
int jsonrpc_param_bool(struct json_object *params, const char *key, int required, int *out,
		       struct jsonrpc_error *err);
/* Refuses keys of params not in the NULL-terminated list. */
int jsonrpc_param_keys(struct json_object *params, const char *const keys[],
		       struct jsonrpc_error *err);

#endif
