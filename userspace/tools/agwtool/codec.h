/* SPDX-License-Identifier: GPL-2.0 */
/*
 * agwtool codecs: the "decode" and "encode" commands (cmd_codec.c) dispatch
 * on their first argument through a table of codecs that register
 * themselves, one file per codec:
 *
 *   static int gtpu_decode(const uint8_t *buf, size_t len) { ... }
 *   static int gtpu_encode(void) { ... }
 *   AGWTOOL_CODEC(gtpu, gtpu_decode, gtpu_encode)
 *
 * decode(buf, len): decode one message, build its JSON object and hand it to
 *   agwtool_codec_emit() (which prints it: pretty for a single message, one
 *   compact line per message with "frame" and "codec" keys in --pcap mode).
 *   Return 0, or 1 after printing "agwtool: <where and why>" with
 *   agwtool_err().
 * encode(): read the JSON the decoder prints from stdin
 *   (agwtool_codec_read_json()), print the message as lowercase hex and a
 *   newline.  Return 0, or 1 after agwtool_err().
 * Either callback may be NULL when a codec only goes one way.
 */
#ifndef AGWTOOL_CODEC_H
#define AGWTOOL_CODEC_H

#include <stddef.h>
#include <stdint.h>

struct json_object;

struct agwtool_codec {
	const char *name;
	int (*decode)(const uint8_t *buf, size_t len);
	int (*encode)(void);
	struct agwtool_codec *next;
};

void agwtool_codec_register(struct agwtool_codec *c);
/* Registered codec by name, or NULL. */
const struct agwtool_codec *agwtool_codec_find(const char *name);

#define AGWTOOL_CODEC(cname, cdecode, cencode)				\
	static struct agwtool_codec agwtool_codec_##cname = {		\
		#cname, cdecode, cencode, NULL };			\
	__attribute__((constructor)) static void agwtool_codec_reg_##cname(void) \
	{ agwtool_codec_register(&agwtool_codec_##cname); }

/* Print a decoded message (see above); takes ownership of obj. */
void agwtool_codec_emit(struct json_object *obj);
/* Read all of stdin and parse it as one JSON value; NULL after agwtool_err(). */
struct json_object *agwtool_codec_read_json(void);

#endif
