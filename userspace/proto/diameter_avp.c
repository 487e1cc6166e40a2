// SPDX-License-Identifier: GPL-2.0
/*
 * AVPs by identifier (diameter_avp.h): the (code, vendor, name) table and
 * the typed readers.  The builder helpers are in diameter_build.c.
 */
#include <string.h>

#include "proto/diameter_avp.h"

const struct dia_avp_key dia_avp_keys[DA__COUNT] = {
#define DIA_AVP_KEY(id, name, code, vendor) [DA_##id] = { code, vendor, name },
	DIA_AVP_LIST(DIA_AVP_KEY)
#undef DIA_AVP_KEY
};

int dia_get(const struct dia_msg *m, int parent, enum dia_avp_id id)
{
	if ((unsigned int)id >= DA__COUNT)
		return -1;
	return dia_find(m, parent, dia_avp_keys[id].code, dia_avp_keys[id].vendor);
}

int dia_get_next(const struct dia_msg *m, int after, enum dia_avp_id id)
{
	if ((unsigned int)id >= DA__COUNT || after < 0)
		return -1;
	return dia_find_next(m, after, dia_avp_keys[id].code, dia_avp_keys[id].vendor);
}

int dia_get_u32(const struct dia_msg *m, int parent, enum dia_avp_id id, uint32_t *out)
{
	int i = dia_get(m, parent, id);

	if (i < 0)
		return 1;
	return dia_avp_u32(&m->avps[i], out);
}

int dia_get_u64(const struct dia_msg *m, int parent, enum dia_avp_id id, uint64_t *out)
{
	int i = dia_get(m, parent, id);

	if (i < 0)
		return 1;
	return dia_avp_u64(&m->avps[i], out);
}

int dia_get_bytes(const struct dia_msg *m, int parent, enum dia_avp_id id,
		  const uint8_t **data, size_t *len)
{
	int i = dia_get(m, parent, id);

	if (i < 0)
		return 1;
	*data = m->avps[i].data;
	*len = m->avps[i].len;
	return 0;
}

int dia_get_str(const struct dia_msg *m, int parent, enum dia_avp_id id, char *buf,
		size_t size)
{
	const uint8_t *d;
	size_t n;
	int r = dia_get_bytes(m, parent, id, &d, &n);

	if (r)
		return r;
	if (!size || n >= size || memchr(d, 0, n))
		return -1;
	memcpy(buf, d, n);
	buf[n] = '\0';
	return 0;
}

int dia_get_result(const struct dia_msg *m, int parent, uint32_t *vendor, uint32_t *code)
{
	int r = dia_get_u32(m, parent, DA_RESULT_CODE, code), e;

	*vendor = 0;
	if (r <= 0)
		return r;
	e = dia_get(m, parent, DA_EXPERIMENTAL_RESULT);
	if (e < 0)
		return 1;
	if (dia_get_u32(m, e, DA_EXPERIMENTAL_RESULT_CODE, code) ||
	    dia_get_u32(m, e, DA_VENDOR_ID, vendor))
		return -1;
	return 0;
}
