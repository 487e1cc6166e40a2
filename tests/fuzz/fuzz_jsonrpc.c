// SPDX-License-Identifier: GPL-2.0
/*
 * The control socket's JSON-RPC request handler: every input gets exactly
 * one well-formed JSON response, never a crash or a leak.
 */
#include <stdint.h>
#include <stdlib.h>

#include <json-c/json.h>

#include "lib/jsonrpc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int echo(void *arg, struct json_object *params, struct json_object **result,
		struct jsonrpc_error *err)
{
	const char *s;
	int r = jsonrpc_param_str(params, "s", 1, &s, err);

	if (r < 0)
		return -1;
	*result = json_object_new_string(s);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jsonrpc *rpc;
	struct json_object *resp;
	size_t len;
	char *out;

	if (!rpc) {
		rpc = jsonrpc_new();
		jsonrpc_register(rpc, "echo", echo, NULL, "echo {s}");
	}
	out = jsonrpc_handle(rpc, (const char *)data, size, &len);
	if (!out)
		return 0;
	resp = json_tokener_parse(out);
	if (!resp)
		abort();	/* the response must be JSON */
	json_object_put(resp);
	free(out);
	return 0;
}
