/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NAS EPS messages as JSON (json-c), for agwtool and the tests.
 *
 * A plain message:
 *   { "protocol discriminator": 7, "security header type": 0,
 *     "message type": "Attach request",
 *     "IEs": [ { "name": "EPS mobile identity", "hex": "0bf6...",
 *                "value": { "type of identity": 6, ... } }, ... ] }
 * ESM messages carry "EPS bearer identity" and "procedure transaction
 * identity" instead of the security header type; the detach request adds
 * "variant".  An optional IE also has "iei"; an IE the tables do not know
 * has "iei", "format" and "hex" only.  "value" is printed only when
 * encoding it gives back "hex" exactly; on input "value" wins over "hex".
 * The ESM message container's value is the nested ESM message.
 *
 * A security protected message:
 *   { "protocol discriminator": 7, "security header type": 2,
 *     "message authentication code": "3511fdf6", "sequence number": 7,
 *     "ciphered message": "62..." }       (types 2, 4, 5)
 * or "message": { plain message } for types 1 and 3 (not ciphered).
 */
#ifndef AGW_PROTO_NAS_JSON_H
#define AGW_PROTO_NAS_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "proto/nas.h"

struct json_object;

/* NAS bytes -> new JSON object, or NULL with err filled. */
struct json_object *nas_to_json(const uint8_t *buf, size_t len, unsigned int dir,
				struct nas_err *err);
/* JSON -> NAS bytes into out; returns the length or -1 with err filled. */
int nas_from_json(struct json_object *o, uint8_t *out, size_t max, struct nas_err *err);

/* One IE value: struct of codec vt -> JSON, and back (st zeroed first). */
struct json_object *nas_value_to_json(unsigned int vt, const void *st);
int nas_value_from_json(unsigned int vt, struct json_object *o, void *st, struct nas_err *err);

#endif
