// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer: the Gx parsers (proto/gx.c) on whatever decodes: CCA and RAR
 * (policies), the PCRF side's CCR, Charging-Rule-Reports; a policy that
 * parsed is built again (as the PCRF would) and must parse to the same
 * rules.
 */
#include <string.h>

#include "fuzz_dia_apps.h"
#include "proto/gx.h"

static void policy_roundtrip(const struct gx_policy *p)
{
	static uint8_t buf[1 << 17];
	struct gx_rar back;
	struct dia_builder b;
	struct dia_msg m;
	char err[160];
	int n;

	dia_build_init(&b, buf, sizeof(buf), DIA_F_REQUEST, 258, DIA_APP_GX, 1, 2);
	dia_put_u32(&b, "Re-Auth-Request-Type", 0);
	gx_put_policy(&b, p);
	n = dia_build_finish(&b);
	if (n < 0 || fuzz_decode(buf, (size_t)n, &m))
		abort();
	if (gx_rar_parse(&m, &back, err, sizeof(err)) || back.pol.n_install != p->n_install ||
	    back.pol.n_remove != p->n_remove)
		abort();
	for (int i = 0; i < p->n_install; i++)
		if (strcmp(back.pol.install[i].name, p->install[i].name) ||
		    back.pol.install[i].n_flows != p->install[i].n_flows)
			abort();
	dia_msg_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gx_rule_report rep[GX_MAX_RULES];
	struct dia_msg m;
	char err[160];
	union {
		struct gx_cca cca;
		struct gx_rar rar;
		struct gx_ccr ccr;
	} u;

	if (fuzz_decode(data, size, &m))
		return 0;
	if (!gx_cca_parse(&m, &u.cca, err, sizeof(err)) && dia_result_ok(&u.cca.res)) {
		for (int i = 0; i < u.cca.pol.n_install; i++)
			gx_rule_needs_bearer(&u.cca.pol.install[i], 9, &u.cca.pol.default_arp);
		policy_roundtrip(&u.cca.pol);
	}
	if (!gx_rar_parse(&m, &u.rar, err, sizeof(err)))
		policy_roundtrip(&u.rar.pol);
	gx_ccr_parse(&m, &u.ccr, err, sizeof(err));
	gx_reports_parse(&m, rep, GX_MAX_RULES);
	dia_msg_free(&m);
	return 0;
}
