// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer: every S6a parser (proto/s6a*.c) on whatever decodes: the
 * MME's answers (AIA, ULA, PUA) and the HSS's requests (CLR, IDR, DSR,
 * RSR), the HSS side's requests (AIR, ULR, PUR); IDR merge and DSR
 * withdrawal into a stored profile; the Annex A cause mapping; and a
 * Subscription-Data that parsed is built again and must parse the same.
 */
#include <string.h>

#include "fuzz_dia_apps.h"
#include "proto/s6a.h"

static void subscription_roundtrip(const struct s6a_subscription *s)
{
	static uint8_t buf[65536];
	struct s6a_subscription back;
	struct dia_builder b;
	struct dia_msg m;
	char err[160];
	int n;

	dia_build_init(&b, buf, sizeof(buf), 0, 316, DIA_APP_S6A, 1, 2);
	s6a_put_subscription(&b, s);
	n = dia_build_finish(&b);
	if (n < 0 || fuzz_decode(buf, (size_t)n, &m))
		abort();
	if (s6a_subscription_get(&m, -1, &back, err, sizeof(err)) ||
	    back.n_apn != s->n_apn || back.has_ambr != s->has_ambr ||
	    (s->has_msisdn && strcmp(back.msisdn, s->msisdn)))
		abort();
	dia_msg_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct s6a_subscription stored = { 0 };
	struct s6a_cause_cfg cfg = { .user_unknown = 2 };
	struct s6a_clr_action act;
	struct dia_msg m;
	char err[160];
	bool transient;
	union {
		struct s6a_aia aia;
		struct s6a_ula ula;
		struct s6a_pua pua;
		struct s6a_clr clr;
		struct s6a_idr idr;
		struct s6a_dsr dsr;
		struct s6a_rsr rsr;
		struct s6a_air air;
		struct s6a_ulr ulr;
		struct s6a_pur pur;
	} u;

	if (fuzz_decode(data, size, &m))
		return 0;
	if (!s6a_aia_parse(&m, &u.aia, err, sizeof(err)))
		s6a_emm_cause(&u.aia.res, u.aia.error_diagnostic, u.aia.has_error_diagnostic, &cfg,
			      &transient);
	if (!s6a_ula_parse(&m, &u.ula, err, sizeof(err)) && u.ula.has_subscription) {
		s6a_default_apn(&u.ula.sub);
		subscription_roundtrip(&u.ula.sub);
		stored = u.ula.sub;
	}
	s6a_pua_parse(&m, &u.pua, err, sizeof(err));
	if (!s6a_clr_parse(&m, &u.clr, err, sizeof(err)))
		s6a_clr_action(&u.clr, &act);
	if (!s6a_idr_parse(&m, &u.idr, err, sizeof(err)))
		s6a_subscription_merge(&stored, &u.idr.sub);
	if (!s6a_dsr_parse(&m, &u.dsr, err, sizeof(err)))
		s6a_subscription_withdraw(&stored, &u.dsr);
	if (!s6a_rsr_parse(&m, &u.rsr, err, sizeof(err)))
		s6a_rsr_matches(&u.rsr, "001010000000001");
	s6a_air_parse(&m, &u.air, err, sizeof(err));
	s6a_ulr_parse(&m, &u.ulr, err, sizeof(err));
	s6a_pur_parse(&m, &u.pur, err, sizeof(err));
	dia_msg_free(&m);
	return 0;
}
