// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer: a whole byte stream from a peer into the Diameter node
 * (userspace/diameter) on the scripted transport and the manual clock.
 * The first octet chooses the side: bit 0 the node is the initiator (the
 * stream starts where its CEA would), else the responder (the stream
 * starts with the peer's CER, or after a valid one when bit 1 is set);
 * bit 2 sends three requests first so that answers can match.  The rest
 * is chunks: a length octet, that many octets of stream, and a time step
 * (octet * 37 ms) after each.  Nothing may crash, leak or loop; the node
 * must answer or close, and free cleanly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diameter/diam.h"
#include "lib/log.h"
#include "proto/diameter_avp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int handler(void *arg, struct diam_inreq *r)
{
	uint8_t buf[1024];
	struct dia_builder b;
	int len;

	switch (r->msg->code & 3) {
	case 0:
		return 3001;
	case 1:
		diam_inreq_hold(r);	/* and never answered: freed with the node */
		return 0;
	default:
		diam_answer_init(r->node, r->msg, r->raw, &b, buf, sizeof(buf), 2001);
		len = dia_build_finish(&b);
		if (len > 0)
			diam_inreq_answer(r, buf, (size_t)len);
		return 0;
	}
}

static void answered(void *arg, const struct diam_answer *a)
{
	(*(int *)arg)++;
}

static void valid_cer(struct diam_test_conn *c)
{
	uint8_t buf[512];
	struct dia_builder b;
	int n;

	dia_build_init(&b, buf, sizeof(buf), DIA_F_REQUEST, 257, 0, 1, 2);
	dia_add_str(&b, DA_ORIGIN_HOST, "relay.fgw");
	dia_add_str(&b, DA_ORIGIN_REALM, "fgw");
	dia_add_u32(&b, DA_AUTH_APPLICATION_ID, DIA_APP_RELAY);
	n = dia_build_finish(&b);
	diam_test_input(c, buf, (size_t)n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diam_node_cfg cfg = {
		.origin_host = "mme.agw", .origin_realm = "agw", .accept_unknown = true,
		.tw_ms = 6000, .tw_jitter_ms = 500, .tc_ms = 4000, .tc_min_ms = 500,
		.max_message = 1 << 16, .dup_entries = 64, .seed = 1,
	};
	struct diam_app s6a = { .id = DIA_APP_S6A, .vendor = VENDOR_3GPP, .handler = handler };
	struct diam_app gy = { .id = DIA_APP_DCCA, .handler = handler };
	struct diam_peer_cfg pc = { .host = "relay.fgw", .addr = "192.0.2.9" };
	struct diam_test_conn *c;
	struct diam_node *n;
	struct diam_peer *p = NULL;
	char err[128];
	size_t i = 1;
	int answers = 0;
	uint8_t *out;
	size_t len;

	if (!size)
		return 0;
	log_current_level = LOG_LVL_ERR;
	n = diam_node_new(&cfg, err, sizeof(err));
	if (!n)
		abort();
	diam_node_add_app(n, &s6a);
	diam_node_add_app(n, &gy);
	if (data[0] & 1) {
		diam_node_add_peer(n, &pc, &p, err, sizeof(err));
		diam_node_start(n);
		c = diam_test_pending_connect(n, p);
		diam_test_connected(c, true);
	} else {
		c = diam_test_accept(n, DIAM_TCP);
		if (data[0] & 2)
			valid_cer(c);
	}
	if (data[0] & 4) {
		uint8_t req[256];
		struct dia_builder b;

		for (int k = 0; k < 3; k++) {
			dia_build_init(&b, req, sizeof(req), DIA_F_REQUEST, 318, DIA_APP_S6A, 0, 0);
			dia_add_str(&b, DA_SESSION_ID, "mme.agw;1;1");
			diam_put_origin(n, &b);
			int rl = dia_build_finish(&b);

			diam_send(n, DIA_APP_S6A, req, (size_t)rl, NULL, answered, &answers);
		}
	}
	while (i < size) {
		size_t chunk = data[i++];

		if (chunk > size - i)
			chunk = size - i;
		diam_test_input(c, data + i, chunk);
		i += chunk;
		if (i < size)
			diam_test_advance(n, (uint64_t)data[i++] * 37);
		while ((out = diam_test_output(c, &len)))
			free(out);
	}
	diam_test_advance(n, 120000);
	while ((out = diam_test_output(c, &len)))
		free(out);
	diam_node_free(n);
	return 0;
}
