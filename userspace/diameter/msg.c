// SPDX-License-Identifier: GPL-2.0
/*
 * Messages received: the first CER of a responder connection, CEA during
 * set-up, the base protocol's DWR/DWA/DPR/DPA, answers to our requests
 * (req.c) and requests for the applications (their handlers).
 *
 * Every request gets an answer (RFC 6733 7): an application we do not
 * support gets DIAMETER_APPLICATION_UNSUPPORTED (3007), a command no
 * handler takes DIAMETER_COMMAND_UNSUPPORTED (3001), both with the E bit;
 * a request that does not decode gets the decoder's Result-Code with the
 * offending AVP in Failed-AVP (7.5).  The connection stays up: only broken
 * framing (conn.c) or a non-CER first message (5.6.1) closes it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diameter/diam_int.h"
#include "lib/log.h"
#include "proto/diameter_avp.h"

struct inreq {
	struct diam_inreq pub;
	uint64_t peer_id;
	char origin[DIAM_ID_MAX];
	char peer_name[DIAM_ID_MAX];
	uint32_t e2e, hbh;
	bool heap;		/* a held copy: freed once answered or dropped */
	bool taken;		/* answered, held or dropped by the handler */
	uint8_t *copy;
	struct dia_msg msg;
	struct inreq *next, **pprev;	/* node->held, while held */
};

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int msg_send(struct diam_peer *p, const uint8_t *buf, size_t len)
{
	if (!p->conn || conn_send(p->conn, buf, len) < 0)
		return -1;
	peer_count(p, DIAM_C_MSGS_TX);
	return 0;
}

/* Copies the request's Proxy-Info AVPs (RFC 6733 6.2: answers carry them back) */
static void put_proxy_info(struct dia_builder *b, const struct dia_msg *req)
{
	for (int i = dia_get(req, -1, DA_PROXY_INFO); i >= 0;
	     i = dia_get_next(req, i, DA_PROXY_INFO)) {
		const struct dia_avp *a = &req->avps[i];

		/* the group as received: flags, vendor and content */
		dia_build_avp(b, a->code, a->flags, a->vendor, a->data, a->len);
	}
}

/*
 * A Session-Id from a request that did not decode: the first top-level
 * AVP, when it is a well-formed Session-Id (RFC 6733 8.8 puts it first).
 */
static int raw_session_id(const uint8_t *raw, size_t len, const uint8_t **sid, size_t *sid_len)
{
	uint32_t alen;

	if (len < DIA_HDR_LEN + DIA_AVP_HDR_LEN || be32(raw + DIA_HDR_LEN) != 263 ||
	    (raw[DIA_HDR_LEN + 4] & DIA_AVP_F_VENDOR))
		return -1;
	alen = be32(raw + DIA_HDR_LEN + 4) & 0xffffff;
	if (alen <= DIA_AVP_HDR_LEN || alen > len - DIA_HDR_LEN)
		return -1;
	*sid = raw + DIA_HDR_LEN + DIA_AVP_HDR_LEN;
	*sid_len = alen - DIA_AVP_HDR_LEN;
	return 0;
}

static void answer_header(const struct diam_node *n, const uint8_t *raw, size_t len,
			  const struct dia_msg *req, struct dia_builder *b, uint8_t *buf,
			  size_t cap, bool error)
{
	const uint8_t *sid;
	size_t sid_len;
	uint8_t flags = (raw[4] & DIA_F_PROXIABLE) | (error ? DIA_F_ERROR : 0);
	uint32_t code = be32(raw + 4) & 0xffffff;

	dia_build_init(b, buf, cap, flags, code, be32(raw + 8), be32(raw + 12), be32(raw + 16));
	if (req) {
		int i = dia_get(req, -1, DA_SESSION_ID);

		if (i >= 0)
			dia_add_bytes(b, DA_SESSION_ID, req->avps[i].data, req->avps[i].len);
	} else if (!raw_session_id(raw, len, &sid, &sid_len)) {
		dia_build_avp(b, 263, DIA_AVP_F_MANDATORY, 0, sid, sid_len);
	}
}

static bool is_protocol_error(uint32_t rc)
{
	return rc >= 3000 && rc < 4000;
}

int diam_answer_init(const struct diam_node *n, const struct dia_msg *req, const uint8_t *raw,
		     struct dia_builder *b, uint8_t *buf, size_t cap, uint32_t result_code)
{
	answer_header(n, raw, req->length, req, b, buf, cap, is_protocol_error(result_code));
	dia_add_u32(b, DA_RESULT_CODE, result_code);
	diam_put_origin(n, b);
	put_proxy_info(b, req);
	return b->err;
}

int diam_answer_init_exp(const struct diam_node *n, const struct dia_msg *req,
			 const uint8_t *raw, struct dia_builder *b, uint8_t *buf, size_t cap,
			 uint32_t vendor, uint32_t code)
{
	answer_header(n, raw, req->length, req, b, buf, cap, false);
	dia_add_group(b, DA_EXPERIMENTAL_RESULT);
	dia_add_u32(b, DA_VENDOR_ID, vendor);
	dia_add_u32(b, DA_EXPERIMENTAL_RESULT_CODE, code);
	dia_build_group_end(b);
	diam_put_origin(n, b);
	put_proxy_info(b, req);
	return b->err;
}

static void count_answer_tx(struct diam_node *n, struct diam_peer *p, const uint8_t *ans)
{
	node_count(n, p, DIAM_C_ANSWERS_TX);
	if (ans[4] & DIA_F_ERROR)
		node_count(n, p, DIAM_C_PROTOCOL_ERRORS_TX);
}

int msg_answer_error(struct diam_conn *c, const struct dia_msg *req, const uint8_t *raw,
		     uint32_t result, const char *text, const uint8_t *failed, size_t failed_len)
{
	struct diam_node *n = c->node;
	size_t rlen = (size_t)(be32(raw) & 0xffffff);
	uint8_t buf[2048];
	struct dia_builder b;
	int len;

	answer_header(n, raw, rlen, req, &b, buf, sizeof(buf), is_protocol_error(result));
	dia_add_u32(&b, DA_RESULT_CODE, result);
	diam_put_origin(n, &b);
	if (text)
		dia_add_str(&b, DA_ERROR_MESSAGE, text);
	if (failed && failed_len && failed_len < sizeof(buf) / 2) {
		/* the offending AVP as received, header included (7.5) */
		dia_add_group(&b, DA_FAILED_AVP);
		dia_build_raw(&b, failed, failed_len);
		dia_build_group_end(&b);
	}
	if (req)
		put_proxy_info(&b, req);
	len = dia_build_finish(&b);
	if (len < 0 || conn_send(c, buf, (size_t)len) < 0)
		return -1;
	node_count(n, c->peer, DIAM_C_MSGS_TX);
	count_answer_tx(n, c->peer, buf);
	return 0;
}

/* ------------------------------------------------- requests received --- */

/* Where the answer goes: the peer of the latest copy of the request, if still open */
static struct diam_peer *reply_peer(struct inreq *r, uint32_t *hbh)
{
	struct diam_node *n = r->pub.node;
	struct dup_entry *e = dup_find(n, r->origin, r->e2e);
	struct diam_peer *p = NULL;

	if (e)
		p = peer_by_id(n, dup_peer(e, hbh));
	if (!p || !p->conn) {
		p = peer_by_id(n, r->peer_id);
		*hbh = r->hbh;
	}
	return p && p->conn ? p : NULL;
}

/* An answer as kept, with the Hop-by-Hop id of the copy it answers now */
static int send_answer(struct diam_peer *p, const uint8_t *ans, size_t len, uint32_t hbh)
{
	uint8_t *copy = malloc(len);
	int ret;

	if (!copy || len < DIA_HDR_LEN) {
		free(copy);
		return -1;
	}
	memcpy(copy, ans, len);
	copy[12] = (uint8_t)(hbh >> 24);
	copy[13] = (uint8_t)(hbh >> 16);
	copy[14] = (uint8_t)(hbh >> 8);
	copy[15] = (uint8_t)hbh;
	ret = msg_send(p, copy, len);
	if (ret == 0)
		count_answer_tx(p->node, p, copy);
	free(copy);
	return ret;
}

static void inreq_release(struct inreq *r)
{
	r->taken = true;
	if (!r->heap)
		return;
	if (r->pprev) {
		*r->pprev = r->next;
		if (r->next)
			r->next->pprev = r->pprev;
	}
	dia_msg_free(&r->msg);
	free(r->copy);
	free(r);
}

int diam_inreq_answer(struct diam_inreq *pub, const uint8_t *ans, size_t len)
{
	struct inreq *r = (struct inreq *)pub;
	struct diam_node *n = pub->node;
	struct dup_entry *e;
	struct diam_peer *p;
	int ret = -ENOTCONN;
	uint32_t hbh;

	node_enter(n);
	e = dup_find(n, r->origin, r->e2e);
	if (e)
		dup_set_answer(n, e, ans, len);
	p = reply_peer(r, &hbh);
	if (p && send_answer(p, ans, len, hbh) == 0)
		ret = 0;
	inreq_release(r);
	node_leave(n);
	return ret;
}

struct diam_inreq *diam_inreq_hold(struct diam_inreq *pub)
{
	struct inreq *r = (struct inreq *)pub, *h;
	struct dia_err err;

	if (r->heap)
		return pub;
	h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	*h = *r;
	h->heap = true;
	h->copy = malloc(pub->len);
	if (!h->copy) {
		free(h);
		return NULL;
	}
	memcpy(h->copy, pub->raw, pub->len);
	if (dia_msg_decode(h->copy, pub->len, &h->msg, &err)) {
		dia_msg_free(&h->msg);
		free(h->copy);
		free(h);
		return NULL;
	}
	h->pub.raw = h->copy;
	h->pub.msg = &h->msg;
	h->pub.peer = h->peer_name;
	h->next = h->pub.node->held;
	if (h->next)
		h->next->pprev = &h->next;
	h->pprev = (struct inreq **)&h->pub.node->held;
	h->pub.node->held = h;
	r->taken = true;	/* the handler answers through h now */
	return &h->pub;
}

void msg_free_held(struct diam_node *n)
{
	while (n->held)
		inreq_release(n->held);
}

void diam_inreq_drop(struct diam_inreq *pub)
{
	struct inreq *r = (struct inreq *)pub;

	node_count(pub->node, peer_by_id(pub->node, r->peer_id), DIAM_C_UNANSWERED);
	inreq_release(r);
}

static bool origin_allowed(const struct diam_app *a, const char *origin)
{
	if (!a->allowed_origins)
		return true;
	for (const char *const *o = a->allowed_origins; *o; o++)
		if (!strcasecmp(*o, origin))
			return true;
	return false;
}

static void app_request(struct diam_peer *p, struct diam_conn *c, const struct dia_msg *m,
			const uint8_t *raw, size_t len)
{
	struct diam_node *n = p->node;
	const struct diam_app *a = node_app(n, m->app_id);
	struct inreq r = { 0 };
	struct dup_entry *e;
	int rc;

	if (!a) {
		node_count(n, p, DIAM_C_UNSUPPORTED_RX);
		msg_answer_error(c, m, raw, 3007, "application not supported", NULL, 0);
		return;
	}
	if (dia_get_str(m, -1, DA_ORIGIN_HOST, r.origin, sizeof(r.origin)) || !r.origin[0]) {
		node_count(n, p, DIAM_C_MALFORMED_RX);
		msg_answer_error(c, m, raw, DIA_MISSING_AVP, "no valid Origin-Host", NULL, 0);
		return;
	}
	route_learn(n, r.origin, p->id);
	e = dup_find(n, r.origin, m->e2e);
	if (e && (m->flags & DIA_F_RETRANSMIT)) {
		const uint8_t *ans;
		size_t alen;

		/* RFC 6733 6.2 / 5.5.4: the same answer again, or the answer to come */
		node_count(n, p, DIAM_C_DUPLICATES_RX);
		dup_set_peer(e, p->id, m->hbh);
		ans = dup_answer(e, &alen);
		if (ans)
			send_answer(p, ans, alen, m->hbh);
		return;
	}
	if (!origin_allowed(a, r.origin)) {
		node_count(n, p, DIAM_C_ORIGIN_REJECTED);
		peer_error(p, "request %u from Origin-Host %s refused", m->code, r.origin);
		msg_answer_error(c, m, raw, 5003, "Origin-Host not allowed for this application",
				 NULL, 0);
		return;
	}
	if (!a->handler) {
		node_count(n, p, DIAM_C_UNSUPPORTED_RX);
		msg_answer_error(c, m, raw, 3001, "command not supported", NULL, 0);
		return;
	}
	if (!e)
		e = dup_add(n, r.origin, m->e2e, p->id, m->hbh);
	else
		dup_set_peer(e, p->id, m->hbh);
	r.pub.node = n;
	snprintf(r.peer_name, sizeof(r.peer_name), "%s", p->name);
	r.pub.peer = r.peer_name;
	r.pub.msg = m;
	r.pub.raw = raw;
	r.pub.len = len;
	r.peer_id = p->id;
	r.e2e = m->e2e;
	r.hbh = m->hbh;
	rc = a->handler(a->arg, &r.pub);
	if (rc >= 1000 && !r.taken) {
		uint8_t buf[2048];
		struct dia_builder b;
		int alen;

		if (rc == 3001)
			node_count(n, p, DIAM_C_UNSUPPORTED_RX);
		answer_header(n, raw, len, m, &b, buf, sizeof(buf), is_protocol_error((uint32_t)rc));
		dia_add_u32(&b, DA_RESULT_CODE, (uint32_t)rc);
		diam_put_origin(n, &b);
		put_proxy_info(&b, m);
		alen = dia_build_finish(&b);
		if (alen > 0)
			diam_inreq_answer(&r.pub, buf, (size_t)alen);
	}
}

/* ----------------------------------------------------------- base --- */

static void base_answer(struct diam_peer *p, const struct dia_msg *m, uint32_t code)
{
	uint8_t buf[256];
	int len = base_build(p->node, buf, sizeof(buf), code, false, m, DIA_SUCCESS, 0);

	if (len > 0 && msg_send(p, buf, (size_t)len) == 0)
		count_answer_tx(p->node, p, buf);
}

static void base_message(struct diam_peer *p, struct diam_conn *c, const struct dia_msg *m,
			 const uint8_t *raw, size_t len)
{
	bool req = m->flags & DIA_F_REQUEST;
	uint32_t v;

	switch (m->code) {
	case 280:	/* DWR/DWA */
		if (req) {
			peer_count(p, DIAM_C_DWR_RX);
			if (!dia_get_u32(m, -1, DA_ORIGIN_STATE_ID, &v) &&
			    p->remote.has_state_id && v != p->remote.state_id) {
				peer_error(p, "Origin-State-Id changed %u -> %u (peer restarted)",
					   p->remote.state_id, v);
				p->remote.state_id = v;
			}
			base_answer(p, m, 280);
		}
		return;
	case 282:	/* DPR/DPA */
		if (req) {
			peer_count(p, DIAM_C_DPR_RX);
			if (!dia_get_u32(m, -1, DA_DISCONNECT_CAUSE, &v)) {
				peer_error(p, "DPR with Disconnect-Cause %u", v);
				if (v == DIAM_DC_DO_NOT_WANT_TO_TALK_TO_YOU)
					p->no_reconnect = true;
			}
			base_answer(p, m, 282);
			psm_dispatch(p, PE_RCV_DPR, c, NULL);
		} else {
			psm_dispatch(p, PE_RCV_DPA, c, NULL);
		}
		return;
	case 257:	/* CER on an open connection */
		if (req) {
			struct diam_caps caps;
			char why[300];

			if (caps_parse(m, &caps, why, sizeof(why))) {
				msg_answer_error(c, m, raw, caps.result_code, why, NULL, 0);
				return;
			}
			/* the same connection: answer, keep it (5012) */
			msg_answer_error(c, m, raw, 5012, "CER on an open connection", NULL, 0);
		}
		return;
	default:
		if (req) {
			node_count(p->node, p, DIAM_C_UNSUPPORTED_RX);
			msg_answer_error(c, m, raw, 3001, "command not supported", NULL, 0);
		} else {
			req_answer_in(p, m, raw, len);
		}
	}
}

/* ------------------------------------------------------- set-up phase --- */

static void first_message(struct diam_conn *c, const struct dia_msg *m, const uint8_t *raw)
{
	struct diam_caps caps;
	char why[300];

	if (m->code != 257 || !(m->flags & DIA_F_REQUEST) || m->app_id != 0) {
		node_count(c->node, NULL, DIAM_C_CER_REJECTED);
		log_notice("diameter", "%s: first message is command %u, not a CER", c->remote,
			   m->code);
		conn_close(c, "first message not a CER");
		return;
	}
	if (caps_parse(m, &caps, why, sizeof(why))) {
		node_count(c->node, NULL, DIAM_C_CER_REJECTED);
		log_notice("diameter", "%s: CER refused: %s", c->remote, why);
		msg_answer_error(c, m, raw, caps.result_code, why, NULL, 0);
		conn_close(c, why);
		return;
	}
	psm_responder_cer(c->node, c, &caps);
}

static void setup_message(struct diam_peer *p, struct diam_conn *c, const struct dia_msg *m)
{
	struct diam_caps caps;
	char why[300];

	if (c == p->iconn && (p->st == PS_WAIT_I_CEA || p->st == PS_WAIT_RETURNS)) {
		if (m->code == 257 && !(m->flags & DIA_F_REQUEST)) {
			if (caps_parse(m, &caps, why, sizeof(why))) {
				peer_error(p, "CEA: %s", why);
				if (!caps.result_code || caps.result_code == DIA_SUCCESS)
					caps.result_code = DIA_MISSING_AVP;
			}
			psm_dispatch(p, PE_I_RCV_CEA, c, &caps);
		} else if (p->st == PS_WAIT_I_CEA) {
			peer_error(p, "command %u before the CEA", m->code);
			psm_dispatch(p, PE_I_RCV_NON_CEA, c, NULL);
		}
		return;
	}
	log_info("diameter", "peer %s: command %u on a connection that is not open (%s)",
		 p->name, m->code, psm_state_name(p->st));
}

/* ------------------------------------------------------------- entry --- */

/* Octets of a value of this data format (0: any length) */
static size_t min_len(const struct dia_avp_def *d)
{
	switch (d ? d->type : DIA_T_OCTETSTRING) {
	case DIA_T_INTEGER32: case DIA_T_UNSIGNED32: case DIA_T_FLOAT32:
	case DIA_T_ENUMERATED: case DIA_T_TIME:
		return 4;
	case DIA_T_INTEGER64: case DIA_T_UNSIGNED64: case DIA_T_FLOAT64:
		return 8;
	case DIA_T_ADDRESS:
		return 6;
	default:
		return 0;
	}
}

/*
 * Failed-AVP content (RFC 6733 7.5): the offending AVP as received, except
 * for a wrong length (5014), where its header with a zero-filled value of
 * the length its data format needs is enough and keeps the answer itself
 * decodable.
 */
static size_t failed_avp(const uint8_t *raw, size_t len, const struct dia_err *e, uint8_t *out,
			 size_t cap)
{
	size_t hl, vl;

	if (!e->has_avp || e->avp_offset + DIA_AVP_HDR_LEN > len)
		return 0;
	if (e->result_code != DIA_INVALID_AVP_LENGTH) {
		if (e->avp_offset + e->avp_len > len || e->avp_len > cap)
			return 0;
		memcpy(out, raw + e->avp_offset, e->avp_len);
		return e->avp_len;
	}
	hl = e->avp_vendor || (raw[e->avp_offset + 4] & DIA_AVP_F_VENDOR) ? DIA_AVP_VHDR_LEN :
	     DIA_AVP_HDR_LEN;
	vl = min_len(dia_dict_avp(e->avp_code, e->avp_vendor));
	if (hl + vl > cap)
		return 0;
	memset(out, 0, hl + vl);
	memcpy(out, raw + e->avp_offset, 5);	/* code and flags */
	out[5] = 0;
	out[6] = (uint8_t)((hl + vl) >> 8);
	out[7] = (uint8_t)(hl + vl);
	if (hl == DIA_AVP_VHDR_LEN) {
		out[4] |= DIA_AVP_F_VENDOR;
		out[8] = (uint8_t)(e->avp_vendor >> 24);
		out[9] = (uint8_t)(e->avp_vendor >> 16);
		out[10] = (uint8_t)(e->avp_vendor >> 8);
		out[11] = (uint8_t)e->avp_vendor;
	}
	return hl + vl;
}

static void malformed(struct diam_conn *c, const uint8_t *raw, size_t len,
		      const struct dia_err *e)
{
	struct diam_peer *p = c->peer;
	uint8_t failed[512];
	size_t flen = failed_avp(raw, len, e, failed, sizeof(failed));

	node_count(c->node, p, DIAM_C_MALFORMED_RX);
	if (p)
		peer_error(p, "malformed command %u: offset %zu: %s%s%s", be32(raw + 4) & 0xffffff,
			   e->offset, e->path, e->path[0] ? ": " : "", e->msg);
	if (raw[4] & DIA_F_REQUEST) {
		msg_answer_error(c, NULL, raw, e->result_code ? e->result_code : DIA_UNABLE_TO_COMPLY,
				 e->msg, flen ? failed : NULL, flen);
		if (!p)
			conn_close(c, "malformed first message");
	} else if (p && c == p->conn) {
		req_answer_in(p, NULL, raw, len);
	}
}

void msg_received(struct diam_conn *c, const uint8_t *raw, size_t len)
{
	struct diam_peer *p = c->peer;
	struct dia_msg m;
	struct dia_err e;

	node_count(c->node, p, DIAM_C_MSGS_RX);
	if (dia_msg_decode(raw, len, &m, &e)) {
		malformed(c, raw, len, &e);
		if (p && c == p->conn && psm_open(p))
			wd_dispatch(p, WE_RCV_NON_DWA);
		dia_msg_free(&m);
		return;
	}
	if (!p) {
		first_message(c, &m, raw);
	} else if (c != p->conn) {
		setup_message(p, c, &m);
	} else {
		bool dwa = m.code == 280 && m.app_id == 0 && !(m.flags & DIA_F_REQUEST);

		if (psm_open(p))
			wd_dispatch(p, dwa ? WE_RCV_DWA : WE_RCV_NON_DWA);
		if (m.flags & DIA_F_REQUEST)
			peer_count(p, DIAM_C_REQUESTS_RX);
		if (m.app_id == DIA_APP_COMMON)
			base_message(p, c, &m, raw, len);
		else if (m.flags & DIA_F_REQUEST)
			app_request(p, c, &m, raw, len);
		else
			req_answer_in(p, &m, raw, len);
	}
	dia_msg_free(&m);
}
