// SPDX-License-Identifier: GPL-2.0
/*
 * Base protocol messages of the peer layer (RFC 6733 5): CER/CEA with the
 * node's applications, DWR/DWA, DPR/DPA, and reading a peer's
 * capabilities.
 *
 * Applications are advertised as the specifications ask: Gy (DCCA, 4) as
 * Auth-Application-Id, S6a (16777251) and Gx (16777238) inside
 * Vendor-Specific-Application-Id with Vendor-Id 10415, plus
 * Supported-Vendor-Id 10415.  Inband-Security-Id is left out: TLS, when
 * used, runs from the first octet (RFC 6733 13), and its absence means
 * NO_INBAND_SECURITY.  A peer that advertises Relay (0xffffffff) is
 * compatible with every application.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "diameter/diam_int.h"
#include "proto/diameter_avp.h"

static void put_apps(struct dia_builder *b, const struct diam_node *n)
{
	bool v3gpp = false;

	for (int i = 0; i < n->n_apps; i++)
		if (n->apps[i].vendor == VENDOR_3GPP)
			v3gpp = true;
	if (v3gpp)
		dia_add_u32(b, DA_SUPPORTED_VENDOR_ID, VENDOR_3GPP);
	for (int i = 0; i < n->n_apps; i++) {
		const struct diam_app *a = &n->apps[i];
		enum dia_avp_id id = a->acct ? DA_ACCT_APPLICATION_ID : DA_AUTH_APPLICATION_ID;

		if (!a->vendor) {
			dia_add_u32(b, id, a->id);
			continue;
		}
		dia_add_group(b, DA_VENDOR_SPECIFIC_APPLICATION_ID);
		dia_add_u32(b, DA_VENDOR_ID, a->vendor);
		dia_add_u32(b, id, a->id);
		dia_build_group_end(b);
	}
}

/* CER (answer false) or CEA to req with result_code. */
int cer_build(struct diam_node *n, struct diam_conn *c, uint8_t *buf, size_t cap, bool answer,
	      const struct diam_caps *req, uint32_t result_code)
{
	struct dia_builder b;

	dia_build_init(&b, buf, cap, answer ? 0 : DIA_F_REQUEST, 257, DIA_APP_COMMON,
		       answer ? req->hbh : node_next_hbh(n), answer ? req->e2e : n->next_e2e++);
	if (answer) {
		dia_add_u32(&b, DA_RESULT_CODE, result_code);
		if (result_code >= 3000 && result_code < 4000)
			b.buf[4] |= DIA_F_ERROR;
	}
	diam_put_origin(n, &b);
	for (int i = 0; i < c->n_lips; i++)
		dia_add_address(&b, DA_HOST_IP_ADDRESS, c->lips[i].family, c->lips[i].addr,
				c->lips[i].family == 1 ? 4 : 16);
	dia_add_u32(&b, DA_VENDOR_ID, n->vendor_id);
	dia_add_str(&b, DA_PRODUCT_NAME, n->product);
	dia_add_u32(&b, DA_ORIGIN_STATE_ID, n->state_id);
	put_apps(&b, n);
	if (n->firmware)
		dia_add_u32(&b, DA_FIRMWARE_REVISION, n->firmware);
	return dia_build_finish(&b);
}

static void add_app(struct diam_caps *caps, uint32_t id)
{
	if (id == DIA_APP_RELAY)
		caps->relay = true;
	for (int i = 0; i < caps->n_apps; i++)
		if (caps->apps[i] == id)
			return;
	if (caps->n_apps < (int)(sizeof(caps->apps) / sizeof(caps->apps[0])))
		caps->apps[caps->n_apps++] = id;
}

static void scan_apps(const struct dia_msg *m, int parent, struct diam_caps *caps)
{
	for (int i = parent < 0 ? m->first : m->avps[parent].child; i >= 0; i = m->avps[i].next) {
		const struct dia_avp *a = &m->avps[i];
		uint32_t v;

		if (a->vendor || (a->code != 258 && a->code != 259))
			continue;
		if (!dia_avp_u32(a, &v))
			add_app(caps, v);
	}
}

/* Reads a CER or CEA; -1 with why (and the Result-Code to answer in caps). */
int caps_parse(const struct dia_msg *m, struct diam_caps *caps, char *why, size_t size)
{
	uint32_t v;

	memset(caps, 0, sizeof(*caps));
	caps->hbh = m->hbh;
	caps->e2e = m->e2e;
	caps->inband_none = true;
	if (dia_get_str(m, -1, DA_ORIGIN_HOST, caps->host, sizeof(caps->host)) ||
	    !caps->host[0]) {
		snprintf(why, size, "no valid Origin-Host");
		caps->result_code = DIA_MISSING_AVP;
		return -1;
	}
	if (dia_get_str(m, -1, DA_ORIGIN_REALM, caps->realm, sizeof(caps->realm)) ||
	    !caps->realm[0]) {
		snprintf(why, size, "no valid Origin-Realm");
		caps->result_code = DIA_MISSING_AVP;
		return -1;
	}
	if (dia_get_u32(m, -1, DA_ORIGIN_STATE_ID, &caps->state_id) == 0)
		caps->has_state_id = true;
	if (dia_get_str(m, -1, DA_PRODUCT_NAME, caps->product, sizeof(caps->product)) < 0)
		caps->product[0] = '\0';
	if ((m->flags & DIA_F_REQUEST) == 0 &&
	    dia_get_u32(m, -1, DA_RESULT_CODE, &caps->result_code)) {
		snprintf(why, size, "CEA without Result-Code");
		return -1;
	}
	scan_apps(m, -1, caps);
	for (int i = dia_get(m, -1, DA_VENDOR_SPECIFIC_APPLICATION_ID); i >= 0;
	     i = dia_get_next(m, i, DA_VENDOR_SPECIFIC_APPLICATION_ID))
		scan_apps(m, i, caps);
	if (dia_get(m, -1, DA_INBAND_SECURITY_ID) >= 0) {
		caps->inband_none = false;
		for (int i = dia_get(m, -1, DA_INBAND_SECURITY_ID); i >= 0;
		     i = dia_get_next(m, i, DA_INBAND_SECURITY_ID))
			if (!dia_avp_u32(&m->avps[i], &v) && v == 0)
				caps->inband_none = true;
	}
	return 0;
}

int caps_common(const struct diam_node *n, const struct diam_caps *caps)
{
	int k = 0;

	for (int i = 0; i < n->n_apps; i++) {
		bool found = caps->relay;

		for (int j = 0; j < caps->n_apps && !found; j++)
			found = caps->apps[j] == n->apps[i].id;
		k += found;
	}
	return k;
}

/*
 * DWR/DWA (280) and DPR/DPA (282).  Answers copy the request's ids; a
 * DPR carries disconnect_cause.
 */
int base_build(struct diam_node *n, uint8_t *buf, size_t cap, uint32_t code, bool request,
	       const struct dia_msg *req, uint32_t result_code, int disconnect_cause)
{
	struct dia_builder b;

	dia_build_init(&b, buf, cap, request ? DIA_F_REQUEST : 0, code, DIA_APP_COMMON,
		       request ? node_next_hbh(n) : req->hbh, request ? n->next_e2e++ : req->e2e);
	if (!request) {
		dia_add_u32(&b, DA_RESULT_CODE, result_code);
		if (result_code >= 3000 && result_code < 4000)
			b.buf[4] |= DIA_F_ERROR;
	}
	diam_put_origin(n, &b);
	if (code == 282 && request)
		dia_add_u32(&b, DA_DISCONNECT_CAUSE, (uint32_t)disconnect_cause);
	if (code == 280)
		dia_add_u32(&b, DA_ORIGIN_STATE_ID, n->state_id);
	return dia_build_finish(&b);
}
