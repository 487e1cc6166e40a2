// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP ProtocolIE-ID -> name and value type, from the list in
 * s1ap_ie_list.h, indexed by id (ids without an entry have no name).
 */
#include "proto/s1ap_types.h"

#define IE_T(id, c, nm, ty)	[id] = { id, nm, &s1ap_t_##ty },
#define IE_R(id, c, nm)		[id] = { id, nm, NULL },

static const struct s1ap_ie_info ie_table[S1AP_IE_ID_MAX + 1] = {
	S1AP_IE_LIST(IE_T, IE_R)
};

const struct s1ap_ie_info *s1ap_ie_info(unsigned int id)
{
	return id <= S1AP_IE_ID_MAX && ie_table[id].name ? &ie_table[id] : NULL;
}
