// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool decode nas HEX / agwtool encode nas < JSON: NAS EPS messages
 * (TS 24.301) through proto/nas_json.h.  Security protected messages show
 * their header; types 1 and 3 (not ciphered) also the inner message.
 */
#include <stdio.h>
#include <json-c/json.h>

#include "agwtool.h"
#include "codec.h"
#include "proto/nas_json.h"

static int nas_decode_cmd(const uint8_t *buf, size_t len)
{
	struct nas_err err = { 0 };
	struct json_object *o = nas_to_json(buf, len, NAS_DIR_ANY, &err);

	if (!o)
		return agwtool_err("nas: %s (offset %zu, cause %u)", err.msg, err.off, err.cause);
	agwtool_codec_emit(o);
	return 0;
}

static int nas_encode_cmd(void)
{
	struct json_object *o = agwtool_codec_read_json();
	struct nas_err err = { 0 };
	static uint8_t out[65536 + 16];
	int n;

	if (!o)
		return 1;
	n = nas_from_json(o, out, sizeof(out), &err);
	json_object_put(o);
	if (n < 0)
		return agwtool_err("nas: %s", err.msg);
	agwtool_print_hex(out, (size_t)n);
	putchar('\n');
	return 0;
}

AGWTOOL_CODEC(nas, nas_decode_cmd, nas_encode_cmd)
