// SPDX-License-Identifier: GPL-2.0
/*
 * GTP-U message codec (3GPP TS 29.281).  See gtpu_msg.h for the layout.
 * Every read is checked against the message end; nothing is allocated.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "proto/gtpu_msg.h"

static int fail(struct gtpu_err *err, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct gtpu_err *err, size_t off, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		err->offset = off;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return -1;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

/* ------------------------------------------------------------ names --- */

struct name {
	uint8_t code;
	const char *name;
};

static const struct name msg_names[] = {
	{ GTPU_ECHO_REQUEST, "Echo Request" },
	{ GTPU_ECHO_RESPONSE, "Echo Response" },
	{ GTPU_ERROR_INDICATION, "Error Indication" },
	{ GTPU_SUPPORTED_EXT_HDR_NOTIF, "Supported Extension Headers Notification" },
	{ GTPU_TUNNEL_STATUS, "Tunnel Status" },
	{ GTPU_END_MARKER, "End Marker" },
	{ GTPU_G_PDU, "G-PDU" },
};

static const struct name ie_names[] = {
	{ GTPU_IE_RECOVERY, "Recovery" },
	{ GTPU_IE_TEID_DATA_I, "Tunnel Endpoint Identifier Data I" },
	{ GTPU_IE_PEER_ADDRESS, "GTP-U Peer Address" },
	{ GTPU_IE_EXT_HDR_TYPE_LIST, "Extension Header Type List" },
	{ GTPU_IE_RECOVERY_TIME_STAMP, "Recovery Time Stamp" },
	{ GTPU_IE_PRIVATE_EXTENSION, "Private Extension" },
};

static const struct name ext_names[] = {
	{ GTPU_EXT_MBMS_SUPPORT, "MBMS support indication" },
	{ GTPU_EXT_MS_INFO_CHANGE, "MS Info Change Reporting support indication" },
	{ GTPU_EXT_LONG_PDCP_PDU_NUMBER_0, "Long PDCP PDU Number" },
	{ GTPU_EXT_SERVICE_CLASS, "Service Class Indicator" },
	{ GTPU_EXT_UDP_PORT, "UDP Port" },
	{ GTPU_EXT_RAN_CONTAINER, "RAN Container" },
	{ GTPU_EXT_LONG_PDCP_PDU_NUMBER, "Long PDCP PDU Number" },
	{ GTPU_EXT_XW_RAN_CONTAINER, "Xw RAN Container" },
	{ GTPU_EXT_NR_RAN_CONTAINER, "NR RAN Container" },
	{ GTPU_EXT_PDU_SESSION_CONTAINER, "PDU Session Container" },
	{ GTPU_EXT_PDCP_PDU_NUMBER, "PDCP PDU Number" },
};

static const char *lookup(const struct name *t, size_t n, uint8_t code)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].code == code)
			return t[i].name;
	return NULL;
}

#define LOOKUP(t, c) lookup(t, sizeof(t) / sizeof(t[0]), c)

const char *gtpu_msg_type_name(uint8_t type)
{
	return LOOKUP(msg_names, type);
}

const char *gtpu_ie_type_name(uint8_t type)
{
	return LOOKUP(ie_names, type);
}

const char *gtpu_ext_type_name(uint8_t type)
{
	return LOOKUP(ext_names, type);
}

/* Messages whose body is a list of IEs (TS 29.281 7.2, 7.3). */
static int has_ies(uint8_t type)
{
	switch (type) {
	case GTPU_ECHO_REQUEST:
	case GTPU_ECHO_RESPONSE:
	case GTPU_ERROR_INDICATION:
	case GTPU_SUPPORTED_EXT_HDR_NOTIF:
	case GTPU_TUNNEL_STATUS:
	case GTPU_END_MARKER:
		return 1;
	}
	return 0;
}

/* TV IEs have a fixed value length; TLV ones (type >= 128) carry a length. */
static int tv_len(uint8_t type)
{
	switch (type) {
	case GTPU_IE_RECOVERY:
		return 1;
	case GTPU_IE_TEID_DATA_I:
		return 4;
	}
	return -1;
}

static size_t tlv_len_size(uint8_t type)
{
	return type == GTPU_IE_EXT_HDR_TYPE_LIST ? 1 : 2;
}

/* ------------------------------------------------ PDU Session Container --- */

/*
 * TS 38.415 5.5.2.1 (DL):  | PDU Type(4) QMP SNP MSNP spare | PPP RQI QFI(6) |
 *                          [ PPI(3) spare(5) ] ...
 * TS 38.415 5.5.2.2 (UL):  | PDU Type(4) QMP DLdly ULdly SNP | N3N9dly NewIE QFI(6) | ...
 */
int gtpu_pdu_session_parse(const uint8_t *c, size_t len, struct gtpu_pdu_session *ps)
{
	memset(ps, 0, sizeof(*ps));
	if (len < 2)
		return -1;
	ps->pdu_type = c[0] >> 4;
	ps->qmp = (c[0] >> 3) & 1;
	ps->qfi = c[1] & 0x3f;
	if (ps->pdu_type == 0) {
		ps->snp = (c[0] >> 2) & 1;
		ps->ppp = c[1] >> 7;
		ps->rqi = (c[1] >> 6) & 1;
		if (ps->ppp) {
			if (len < 3)
				return -1;
			ps->ppi = c[2] >> 5;
		}
	} else if (ps->pdu_type == 1) {
		ps->snp = c[0] & 1;
	}
	return 0;
}

int gtpu_pdu_session_build(const struct gtpu_pdu_session *ps, uint8_t *out, size_t max)
{
	size_t n = 2;

	if (max < 2)
		return -1;
	memset(out, 0, max < 6 ? max : 6);
	out[0] = (uint8_t)((ps->pdu_type & 15) << 4);
	out[1] = ps->qfi & 0x3f;
	if (ps->pdu_type == 0) {
		out[1] |= (uint8_t)((ps->ppp ? 0x80 : 0) | (ps->rqi ? 0x40 : 0));
		if (ps->ppp) {
			if (max < 6)
				return -1;
			out[2] = (uint8_t)((ps->ppi & 7) << 5);
			n = 6;		/* 3 octets, padded to 4 * 2 - 2 */
		}
	}
	return (int)n;
}

/* ---------------------------------------------------------- decoding --- */

static int decode_ext(const uint8_t *buf, size_t end, size_t *pos, struct gtpu_msg *msg,
		      struct gtpu_err *err)
{
	uint8_t type = msg->next_ext;

	while (type != GTPU_EXT_NONE) {
		size_t off = *pos, total;
		struct gtpu_ext *x;

		if (msg->n_ext >= GTPU_MAX_EXT)
			return fail(err, off, "extension header chain: more than %d headers",
				    GTPU_MAX_EXT);
		if (off >= end)
			return fail(err, off, "extension header 0x%02x: missing (message ends)",
				    type);
		total = (size_t)buf[off] * 4;
		if (total == 0)
			return fail(err, off, "extension header 0x%02x: length 0", type);
		if (total > end - off)
			return fail(err, off,
				    "extension header 0x%02x: length %zu octets runs past the message end (%zu left)",
				    type, total, end - off);
		x = &msg->ext[msg->n_ext++];
		memset(x, 0, sizeof(*x));
		x->type = type;
		x->content = buf + off + 1;
		x->content_len = total - 2;
		if (type == GTPU_EXT_PDU_SESSION_CONTAINER &&
		    !gtpu_pdu_session_parse(x->content, x->content_len, &x->pdu_session))
			x->has_pdu_session = 1;
		type = buf[off + total - 1];
		*pos = off + total;
	}
	return 0;
}

static int check_ie(const struct gtpu_ie *ie, size_t off, struct gtpu_err *err)
{
	switch (ie->type) {
	case GTPU_IE_PEER_ADDRESS:
		if (ie->len != 4 && ie->len != 16)
			return fail(err, off,
				    "GTP-U Peer Address: length %zu (expected 4 or 16)", ie->len);
		break;
	case GTPU_IE_PRIVATE_EXTENSION:
		if (ie->len < 2)
			return fail(err, off,
				    "Private Extension: length %zu (extension identifier needs 2)",
				    ie->len);
		break;
	}
	return 0;
}

static int decode_ies(const uint8_t *buf, size_t pos, size_t end, struct gtpu_msg *msg,
		      struct gtpu_err *err)
{
	while (pos < end) {
		uint8_t type = buf[pos];
		struct gtpu_ie *ie;
		size_t off = pos, len, hl;

		if (msg->n_ie >= GTPU_MAX_IE)
			return fail(err, off, "more than %d information elements", GTPU_MAX_IE);
		if (type < 128) {
			int l = tv_len(type);

			if (l < 0)
				return fail(err, off, "IE type %u: unknown TV type, length unknown",
					    type);
			hl = 1;
			len = (size_t)l;
		} else {
			hl = 1 + tlv_len_size(type);
			if (hl > end - off)
				return fail(err, off, "IE type %u: header truncated", type);
			len = hl == 2 ? buf[off + 1] : get16(buf + off + 1);
		}
		if (hl + len > end - off)
			return fail(err, off,
				    "IE type %u (%s): value of %zu octets runs past the message end",
				    type, gtpu_ie_type_name(type) ?: "unknown", len);
		ie = &msg->ie[msg->n_ie++];
		ie->type = type;
		ie->value = buf + off + hl;
		ie->len = len;
		if (check_ie(ie, off, err))
			return -1;
		pos = off + hl + len;
	}
	return 0;
}

static int check_mandatory(const struct gtpu_msg *msg, size_t off, struct gtpu_err *err)
{
	static const struct { uint8_t msg, ie; } need[] = {
		{ GTPU_ECHO_RESPONSE, GTPU_IE_RECOVERY },
		{ GTPU_ERROR_INDICATION, GTPU_IE_TEID_DATA_I },
		{ GTPU_ERROR_INDICATION, GTPU_IE_PEER_ADDRESS },
		{ GTPU_SUPPORTED_EXT_HDR_NOTIF, GTPU_IE_EXT_HDR_TYPE_LIST },
	};

	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (need[i].msg == msg->type && !gtpu_msg_find_ie(msg, need[i].ie))
			return fail(err, off, "%s: mandatory IE %s missing",
				    gtpu_msg_type_name(msg->type), gtpu_ie_type_name(need[i].ie));
	return 0;
}

int gtpu_msg_decode(const uint8_t *buf, size_t len, struct gtpu_msg *msg, struct gtpu_err *err)
{
	size_t pos = GTPU_HDR_LEN, end;
	unsigned int version;

	memset(msg, 0, sizeof(*msg));
	if (len < GTPU_HDR_LEN)
		return fail(err, len, "header: %zu octets, need %d", len, GTPU_HDR_LEN);
	version = buf[0] >> GTPU_F_VERSION_SHIFT;
	if (version != 1)
		return fail(err, 0, "header: version %u, only GTPv1 is supported", version);
	if (!(buf[0] & GTPU_F_PT))
		return fail(err, 0, "header: PT 0 (GTP'), expected PT 1 (GTP)");
	msg->flags = buf[0] & 0x1f;
	msg->type = buf[1];
	msg->length = get16(buf + 2);
	msg->teid = get32(buf + 4);
	if ((size_t)msg->length > len - GTPU_HDR_LEN)
		return fail(err, 2, "header: length %u exceeds the %zu octets after the header",
			    msg->length, len - GTPU_HDR_LEN);
	end = GTPU_HDR_LEN + (size_t)msg->length;
	msg->trailing = len - end;
	if (msg->flags & GTPU_F_OPT) {
		if (end - pos < GTPU_OPT_LEN)
			return fail(err, pos,
				    "header: E/S/PN set but length %u leaves no room for the 4 optional octets",
				    msg->length);
		msg->seq = get16(buf + pos);
		msg->npdu = buf[pos + 2];
		msg->next_ext = buf[pos + 3];
		pos += GTPU_OPT_LEN;
		if ((msg->flags & GTPU_F_E) && decode_ext(buf, end, &pos, msg, err))
			return -1;
	}
	if (has_ies(msg->type)) {
		if (decode_ies(buf, pos, end, msg, err))
			return -1;
		return check_mandatory(msg, pos, err);
	}
	msg->payload = buf + pos;
	msg->payload_len = end - pos;
	return 0;
}

/* ---------------------------------------------------------- encoding --- */

static int encode_ext(const struct gtpu_msg *msg, uint8_t *out, size_t max, size_t *pos,
		      struct gtpu_err *err)
{
	for (unsigned int i = 0; i < msg->n_ext; i++) {
		const struct gtpu_ext *x = &msg->ext[i];
		size_t total = x->content_len + 2;
		uint8_t next = i + 1 < msg->n_ext ? msg->ext[i + 1].type : GTPU_EXT_NONE;

		if (total % 4 || total > 255 * 4)
			return fail(err, *pos,
				    "extension %u (0x%02x): content of %zu octets is not 4n - 2",
				    i, x->type, x->content_len);
		if (!x->type || (i == 0 && x->type != msg->next_ext))
			return fail(err, *pos,
				    "extension %u: type 0x%02x does not match the next type 0x%02x",
				    i, x->type, i ? x->type : msg->next_ext);
		if (total > max - *pos)
			return fail(err, *pos, "output buffer too small");
		out[*pos] = (uint8_t)(total / 4);
		if (x->content_len)
			memcpy(out + *pos + 1, x->content, x->content_len);
		out[*pos + total - 1] = next;
		*pos += total;
	}
	return 0;
}

static int encode_ies(const struct gtpu_msg *msg, uint8_t *out, size_t max, size_t *pos,
		      struct gtpu_err *err)
{
	for (unsigned int i = 0; i < msg->n_ie; i++) {
		const struct gtpu_ie *ie = &msg->ie[i];
		size_t hl = ie->type < 128 ? 1 : 1 + tlv_len_size(ie->type);

		if (ie->type < 128 && tv_len(ie->type) != (int)ie->len)
			return fail(err, *pos, "IE %u: TV type with unknown or wrong length %zu",
				    ie->type, ie->len);
		if (ie->len > (hl == 2 ? 0xffu : 0xffffu))
			return fail(err, *pos, "IE %u: value too long (%zu)", ie->type, ie->len);
		if (hl + ie->len > max - *pos)
			return fail(err, *pos, "output buffer too small");
		out[*pos] = ie->type;
		if (hl == 2)
			out[*pos + 1] = (uint8_t)ie->len;
		else if (hl == 3)
			put16(out + *pos + 1, (uint16_t)ie->len);
		if (ie->len)
			memcpy(out + *pos + hl, ie->value, ie->len);
		*pos += hl + ie->len;
	}
	return 0;
}

int gtpu_msg_encode(const struct gtpu_msg *msg, uint8_t *out, size_t max, struct gtpu_err *err)
{
	size_t pos = GTPU_HDR_LEN;

	if (max < GTPU_HDR_LEN)
		return fail(err, 0, "output buffer too small");
	if (!(msg->flags & GTPU_F_E) && msg->n_ext)
		return fail(err, 0, "%u extension headers but the E flag is clear", msg->n_ext);
	if ((msg->flags & GTPU_F_E) && !msg->n_ext && msg->next_ext)
		return fail(err, 0, "E flag set, next type 0x%02x but no extension header",
			    msg->next_ext);
	out[0] = (uint8_t)(1 << GTPU_F_VERSION_SHIFT | (msg->flags & 0x1f));
	out[1] = msg->type;
	put32(out + 4, msg->teid);
	if (msg->flags & GTPU_F_OPT) {
		if (max - pos < GTPU_OPT_LEN)
			return fail(err, pos, "output buffer too small");
		put16(out + pos, msg->seq);
		out[pos + 2] = msg->npdu;
		out[pos + 3] = msg->next_ext;
		pos += GTPU_OPT_LEN;
		if (encode_ext(msg, out, max, &pos, err))
			return -1;
	}
	if (has_ies(msg->type)) {
		if (msg->payload_len)
			return fail(err, pos, "%s carries IEs, not a payload",
				    gtpu_msg_type_name(msg->type));
		if (encode_ies(msg, out, max, &pos, err))
			return -1;
	} else {
		if (msg->n_ie)
			return fail(err, pos, "message type %u carries a payload, not IEs",
				    msg->type);
		if (msg->payload_len > max - pos)
			return fail(err, pos, "output buffer too small");
		if (msg->payload_len)
			memcpy(out + pos, msg->payload, msg->payload_len);
		pos += msg->payload_len;
	}
	if (pos - GTPU_HDR_LEN > 0xffff)
		return fail(err, 2, "message too long for the length field (%zu)",
			    pos - GTPU_HDR_LEN);
	put16(out + 2, (uint16_t)(pos - GTPU_HDR_LEN));
	return (int)pos;
}

/* ----------------------------------------------------------- helpers --- */

void gtpu_msg_init(struct gtpu_msg *msg, uint8_t type, uint32_t teid)
{
	memset(msg, 0, sizeof(*msg));
	msg->flags = GTPU_F_PT;
	msg->type = type;
	msg->teid = teid;
}

int gtpu_msg_add_ie(struct gtpu_msg *msg, uint8_t type, const uint8_t *value, size_t len)
{
	if (msg->n_ie >= GTPU_MAX_IE)
		return -1;
	msg->ie[msg->n_ie].type = type;
	msg->ie[msg->n_ie].value = value;
	msg->ie[msg->n_ie].len = len;
	msg->n_ie++;
	return 0;
}

const struct gtpu_ie *gtpu_msg_find_ie(const struct gtpu_msg *msg, uint8_t type)
{
	for (unsigned int i = 0; i < msg->n_ie; i++)
		if (msg->ie[i].type == type)
			return &msg->ie[i];
	return NULL;
}
