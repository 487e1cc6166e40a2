// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer: the Gy parsers (proto/gy.c) on whatever decodes, and a CCA
 * that parsed driven through the credit arithmetic (diameter/credit.c):
 * a session with its rating groups asks, gets this answer, counts usage,
 * is re-authorised, ends; usage must never be lost or invented.
 */
#include <string.h>

#include "diameter/credit.h"
#include "fuzz_dia_apps.h"
#include "proto/gy.h"

static void credit(const struct gy_cca *a, const uint8_t *data, size_t size)
{
	struct gy_credit c;
	struct gy_ccr ccr;
	struct gy_rar rar = { 0 };
	uint64_t next;

	gy_credit_init(&c, size ? data[0] : 80, size > 1 ? data[1] % 3 : 0);
	for (int i = 0; i < a->n_mscc; i++)
		gy_credit_rg(&c, a->mscc[i].rating_group, true);
	if (gy_credit_request(&c, GY_INITIAL, 0, &ccr) < 0)
		return;
	gy_credit_answer(&c, a, 1);
	for (size_t i = 0; i < size && c.n_rg; i++) {
		gy_credit_usage(&c, c.rg[i % (size_t)c.n_rg].rating_group, (uint64_t)data[i] * 97, 0,
				2 + i);
		if (gy_credit_request(&c, GY_UPDATE, 2 + i, &ccr) < 0)
			continue;
		if (data[i] & 1)
			gy_credit_answer(&c, a, 3 + i);
		else if (gy_credit_failure(&c) == GY_V_RETRY)
			gy_credit_failure(&c);
	}
	gy_credit_rar(&c, &rar);
	gy_credit_tick(&c, 1000000, &next);
	for (int k = 0; k < c.n_rg; k++)
		if (c.rg[k].used > c.rg[k].total)
			abort();	/* more outstanding than ever counted */
	if (gy_credit_request(&c, GY_TERMINATION, 5, &ccr) >= 0)
		gy_credit_answer(&c, a, 6);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dia_msg m;
	char err[160];
	union {
		struct gy_cca cca;
		struct gy_rar rar;
		struct gy_ccr ccr;
	} u;

	if (fuzz_decode(data, size, &m))
		return 0;
	if (!gy_cca_parse(&m, &u.cca, err, sizeof(err))) {
		for (int i = 0; i < u.cca.n_mscc; i++)
			gy_cca_mscc(&u.cca, u.cca.mscc[i].rating_group);
		credit(&u.cca, data, size);
	}
	gy_rar_parse(&m, &u.rar, err, sizeof(err));
	gy_ccr_parse(&m, &u.ccr, err, sizeof(err));
	dia_msg_free(&m);
	return 0;
}
