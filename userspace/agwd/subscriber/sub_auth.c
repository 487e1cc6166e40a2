// SPDX-License-Identifier: GPL-2.0
/*
 * Local AuC: EPS AKA vectors from the stored keys and SQN, and
 * re-synchronisation. The SQN is written back inside the same immediate
 * transaction that read it, before the vector leaves this file, so a crash
 * can lose a vector but never hand out the same SQN twice.
 */
#include <errno.h>
#include <string.h>

#include "agwd/subscriber/subscriber.h"

int sub_next_vector(struct sub_store *s, const char *imsi, const uint8_t plmn[3],
		    const uint8_t rand[16], struct eps_aka_vector *vec)
{
	struct sub_record r;
	uint64_t next;
	int ret = sub_store_begin(s);

	if (ret)
		return ret;
	ret = sub_get(s, imsi, &r);
	if (ret)
		goto fail;
	if (r.state != SUB_ACTIVE) {
		ret = sub_store_fail(s, -EPERM, "subscriber %s is suspended", imsi);
		goto fail;
	}
	/* TS 33.102 C.3.2: SEQ + 1, IND cycles through 2^5 values */
	if (eps_sqn_next(r.sqn, SUB_SQN_IND_BITS, &next)) {
		ret = sub_store_fail(s, -ERANGE, "subscriber %s: SQN exhausted", imsi);
		goto fail;
	}
	ret = sub_set_sqn(s, imsi, next);
	if (ret)
		goto fail;
	if (eps_aka_generate(r.k, r.opc, rand, next, r.amf, plmn, vec)) {
		ret = sub_store_fail(s, -EIO, "subscriber %s: vector generation failed", imsi);
		goto fail;
	}
	ret = sub_store_commit(s);
	if (ret)
		goto fail;
	memset(&r, 0, sizeof(r));
	return 0;
fail:
	memset(&r, 0, sizeof(r));
	memset(vec, 0, sizeof(*vec));
	sub_store_rollback(s);
	return ret;
}

int sub_resync(struct sub_store *s, const char *imsi, const uint8_t rand[16],
	       const uint8_t auts[14])
{
	struct sub_record r;
	uint64_t sqn_ms;
	int ret = sub_store_begin(s);

	if (ret)
		return ret;
	ret = sub_get(s, imsi, &r);
	if (ret)
		goto out;
	ret = eps_aka_resync(r.k, r.opc, rand, auts, &sqn_ms);
	if (ret == EPS_AKA_MAC_FAILURE) {
		ret = sub_store_fail(s, -EBADMSG, "subscriber %s: AUTS MAC-S check failed", imsi);
		goto out;
	}
	if (ret) {
		ret = sub_store_fail(s, -EIO, "subscriber %s: AUTS could not be checked", imsi);
		goto out;
	}
	/*
	 * TS 33.102 6.3.5 / C.3.4: if SEQ_HE is already past SEQ_MS the next
	 * vector is fresh as it is; otherwise restart from SQN_MS so the next
	 * SEQ is SEQ_MS + 1.
	 */
	if (eps_sqn_seq(sqn_ms, SUB_SQN_IND_BITS) >= eps_sqn_seq(r.sqn, SUB_SQN_IND_BITS))
		ret = sub_set_sqn(s, imsi, sqn_ms);
	if (!ret)
		ret = sub_store_commit(s);
out:
	memset(&r, 0, sizeof(r));
	if (ret)
		sub_store_rollback(s);
	return ret;
}
