// SPDX-License-Identifier: GPL-2.0
/*
 * Gy credit arithmetic (userspace/diameter/credit.c): thresholds at 80%
 * and at Volume-Quota-Threshold, exhaustion, over-use, validity expiry,
 * one CCR-U for an RAR of several groups, FUI after final units, per-MSCC
 * 4012, CCFH on failures, no CCR-T without a successful CCR-I, no usage
 * lost or counted twice across a CCR in flight.
 */
#include <string.h>

#include "unit.h"
#include "diameter/credit.h"

static struct gy_ccr ccr;

static struct gy_cca grant(uint32_t type, int n, const uint32_t *rg, uint64_t octets)
{
	struct gy_cca a = { .res = { 0, 2001, true }, .type = type, .n_mscc = n };

	for (int i = 0; i < n; i++) {
		a.mscc[i].rating_group = rg[i];
		a.mscc[i].has_gsu = true;
		a.mscc[i].gsu.has_total = true;
		a.mscc[i].gsu.total = octets;
	}
	return a;
}

static const struct gy_mscc_req *mscc(uint32_t rg)
{
	for (int i = 0; i < ccr.n_mscc; i++)
		if (ccr.mscc[i].rating_group == rg)
			return &ccr.mscc[i];
	return NULL;
}

static void start(struct gy_credit *c, int n, const uint32_t *rg, uint64_t octets)
{
	struct gy_cca a;

	gy_credit_init(c, 80, GY_CCFH_TERMINATE);
	for (int i = 0; i < n; i++)
		gy_credit_rg(c, rg[i], true);
	CU_ASSERT_EQUAL(gy_credit_request(c, GY_INITIAL, 0, &ccr), n);
	CU_ASSERT_EQUAL(ccr.number, 0);
	for (int i = 0; i < n; i++) {
		CU_ASSERT(ccr.mscc[i].rsu && !ccr.mscc[i].has_usu);
		CU_ASSERT(!gy_credit_allowed(c, rg[i]));	/* no quota yet */
	}
	a = grant(GY_INITIAL, n, rg, octets);
	CU_ASSERT_EQUAL(gy_credit_answer(c, &a, 0), GY_V_OK);
}

static void test_threshold_80(void)
{
	static const uint32_t rg[] = { 10 };
	struct gy_credit c;
	struct gy_cca a;

	start(&c, 1, rg, 1000);
	CU_ASSERT(gy_credit_allowed(&c, 10));
	CU_ASSERT(!gy_credit_usage(&c, 10, 300, 499, 1));	/* 799 */
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 1, &ccr), -1);
	CU_ASSERT(gy_credit_usage(&c, 10, 1, 0, 2));		/* 800 = 80% */
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 2, &ccr), 1);
	CU_ASSERT_EQUAL(ccr.number, 1);
	CU_ASSERT_EQUAL(mscc(10)->usu.total, 800);
	CU_ASSERT_EQUAL(mscc(10)->usu.in, 301);
	CU_ASSERT_EQUAL(mscc(10)->reason, GY_RR_THRESHOLD);
	CU_ASSERT(mscc(10)->rsu);
	/* usage while the CCR-U is in flight stays for the next report */
	CU_ASSERT(!gy_credit_usage(&c, 10, 150, 0, 3));	/* 950: nothing sent meanwhile */
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 3, &ccr), -1);
	a = grant(GY_UPDATE, 1, rg, 1000);
	CU_ASSERT_EQUAL(gy_credit_answer(&c, &a, 4), GY_V_OK);
	CU_ASSERT_EQUAL(c.rg[0].used, 150);
	CU_ASSERT_EQUAL(c.rg[0].total, 950);
	CU_ASSERT(!gy_credit_report_due(&c));
	CU_ASSERT(gy_credit_usage(&c, 10, 650, 0, 5));	/* 800 of the new grant */
}

static void test_exhaustion_and_overuse(void)
{
	static const uint32_t rg[] = { 10 };
	struct gy_credit c;
	struct gy_cca a;

	start(&c, 1, rg, 1000);
	CU_ASSERT(gy_credit_usage(&c, 10, 0, 1300, 1));	/* past the whole grant */
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 1, &ccr), 1);
	CU_ASSERT_EQUAL(mscc(10)->reason, GY_RR_QUOTA_EXHAUSTED);
	CU_ASSERT_EQUAL(mscc(10)->usu.total, 1300);	/* over-use reported */
	a = grant(GY_UPDATE, 1, rg, 500);
	gy_credit_answer(&c, &a, 2);
	CU_ASSERT_EQUAL(c.rg[0].used, 0);
	CU_ASSERT_EQUAL(c.rg[0].grant, 500);
	CU_ASSERT_EQUAL(c.rg[0].threshold, 400);
}

static void test_volume_quota_threshold(void)
{
	static const uint32_t rg[] = { 10 };
	struct gy_credit c;
	struct gy_cca a;

	gy_credit_init(&c, 80, GY_CCFH_TERMINATE);
	gy_credit_rg(&c, 10, true);
	gy_credit_request(&c, GY_INITIAL, 0, &ccr);
	a = grant(GY_INITIAL, 1, rg, 10000);
	a.mscc[0].has_vqt = true;
	a.mscc[0].volume_threshold = 1000;	/* report with 1000 octets left */
	gy_credit_answer(&c, &a, 0);
	CU_ASSERT_EQUAL(c.rg[0].threshold, 9000);
	CU_ASSERT(!gy_credit_usage(&c, 10, 8999, 0, 1));
	CU_ASSERT(gy_credit_usage(&c, 10, 1, 0, 1));
}

static void test_validity(void)
{
	static const uint32_t rg[] = { 10, 20 };
	struct gy_credit c;
	struct gy_cca a;
	uint64_t next;

	gy_credit_init(&c, 80, GY_CCFH_TERMINATE);
	gy_credit_rg(&c, 10, true);
	gy_credit_rg(&c, 20, true);
	gy_credit_request(&c, GY_INITIAL, 0, &ccr);
	a = grant(GY_INITIAL, 2, rg, 1000);
	a.mscc[0].has_validity = true;
	a.mscc[0].validity_time = 60;
	gy_credit_answer(&c, &a, 1000);
	CU_ASSERT(!gy_credit_tick(&c, 60999, &next));
	CU_ASSERT_EQUAL(next, 61000);
	gy_credit_usage(&c, 10, 10, 0, 2000);
	CU_ASSERT(gy_credit_tick(&c, 61000, &next));
	CU_ASSERT_EQUAL(next, 0);
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 61000, &ccr), 1);
	CU_ASSERT_EQUAL(mscc(10)->reason, GY_RR_VALIDITY_TIME);
	CU_ASSERT_EQUAL(mscc(10)->usu.total, 10);
	CU_ASSERT_PTR_NULL(mscc(20));
}

static void test_rar_one_ccr_u(void)
{
	static const uint32_t rg[] = { 10, 20, 30 };
	struct gy_credit c;
	struct gy_rar all = { 0 }, one = { .has_rating_group = true, .rating_group = 20 };
	struct gy_cca a;

	start(&c, 3, rg, 1000);
	gy_credit_usage(&c, 10, 100, 0, 1);
	gy_credit_usage(&c, 30, 0, 200, 1);
	CU_ASSERT(gy_credit_rar(&c, &all));
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 2, &ccr), 3);	/* one CCR-U, all */
	for (int i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(ccr.mscc[i].reason, GY_RR_FORCED_REAUTHORISATION);
	CU_ASSERT_EQUAL(mscc(30)->usu.total, 200);
	/* a second RAR while it is in flight waits for the answer */
	CU_ASSERT(!gy_credit_rar(&c, &one));
	a = grant(GY_UPDATE, 3, rg, 1000);
	gy_credit_answer(&c, &a, 3);
	CU_ASSERT(gy_credit_report_due(&c));
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 4, &ccr), 1);
	CU_ASSERT_EQUAL(ccr.mscc[0].rating_group, 20);
}

static void test_final_units(void)
{
	static const uint32_t rg[] = { 10 };
	struct gy_credit c;
	struct gy_cca a;

	start(&c, 1, rg, 1000);
	gy_credit_usage(&c, 10, 900, 0, 1);
	gy_credit_request(&c, GY_UPDATE, 1, &ccr);
	a = grant(GY_UPDATE, 1, rg, 300);
	a.mscc[0].has_fui = true;
	a.mscc[0].fui.action = GY_FUA_TERMINATE;
	gy_credit_answer(&c, &a, 2);
	CU_ASSERT_EQUAL(c.rg[0].st, GY_RG_FINAL);
	CU_ASSERT(gy_credit_allowed(&c, 10));
	CU_ASSERT(!gy_credit_usage(&c, 10, 250, 0, 3));	/* no 80% report on final units */
	CU_ASSERT(!gy_credit_usage(&c, 10, 50, 0, 4));
	CU_ASSERT_EQUAL(c.rg[0].st, GY_RG_FUI);
	CU_ASSERT(!gy_credit_allowed(&c, 10));
	CU_ASSERT_EQUAL(c.rg[0].fui.action, GY_FUA_TERMINATE);
	/* CCR-T carries the final usage */
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_TERMINATION, 5, &ccr), 1);
	CU_ASSERT_EQUAL(mscc(10)->reason, GY_RR_FINAL);
	CU_ASSERT_EQUAL(mscc(10)->usu.total, 300);
	CU_ASSERT(!mscc(10)->rsu);
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_TERMINATION, 6, &ccr), -1);	/* once */
}

static void test_per_mscc_failure(void)
{
	static const uint32_t rg[] = { 10, 20 };
	struct gy_credit c;
	struct gy_cca a;

	gy_credit_init(&c, 80, GY_CCFH_TERMINATE);
	gy_credit_rg(&c, 10, true);
	gy_credit_rg(&c, 20, true);
	gy_credit_request(&c, GY_INITIAL, 0, &ccr);
	a = grant(GY_INITIAL, 2, rg, 1000);
	a.mscc[1].has_gsu = false;
	a.mscc[1].has_result = true;
	a.mscc[1].result_code = GY_CREDIT_LIMIT_REACHED;
	CU_ASSERT_EQUAL(gy_credit_answer(&c, &a, 0), GY_V_OK);
	CU_ASSERT(gy_credit_allowed(&c, 10));
	CU_ASSERT(!gy_credit_allowed(&c, 20));
	CU_ASSERT_EQUAL(c.rg[1].st, GY_RG_BLOCKED);
	CU_ASSERT_EQUAL(c.rg[1].result_code, 4012);
}

static void test_ccr_i_failure_no_ccr_t(void)
{
	struct gy_credit c;
	struct gy_cca a = { .res = { 0, GY_USER_UNKNOWN, true }, .type = GY_INITIAL };

	gy_credit_init(&c, 80, GY_CCFH_CONTINUE);
	gy_credit_rg(&c, 10, true);
	gy_credit_request(&c, GY_INITIAL, 0, &ccr);
	CU_ASSERT_EQUAL(gy_credit_answer(&c, &a, 0), GY_V_TERMINATE);
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_TERMINATION, 1, &ccr), -1);
	/* also after a CCR-I timeout with CONTINUE: traffic on, no CCR-T */
	gy_credit_init(&c, 80, GY_CCFH_CONTINUE);
	gy_credit_rg(&c, 10, true);
	gy_credit_request(&c, GY_INITIAL, 0, &ccr);
	CU_ASSERT_EQUAL(gy_credit_failure(&c), GY_V_OK);
	CU_ASSERT(gy_credit_allowed(&c, 10));
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_TERMINATION, 1, &ccr), -1);
}

static void test_ccfh(void)
{
	static const uint32_t rg[] = { 10 };
	struct gy_credit c;
	struct gy_cca a;

	/* TERMINATE */
	start(&c, 1, rg, 1000);
	gy_credit_usage(&c, 10, 800, 0, 1);
	gy_credit_request(&c, GY_UPDATE, 1, &ccr);
	CU_ASSERT_EQUAL(gy_credit_failure(&c), GY_V_TERMINATE);
	/* RETRY_AND_TERMINATE from the CCA: one retry, then terminate */
	start(&c, 1, rg, 1000);
	a = grant(GY_UPDATE, 1, rg, 1000);
	a.has_ccfh = true;
	a.ccfh = GY_CCFH_RETRY_AND_TERMINATE;
	gy_credit_usage(&c, 10, 800, 0, 1);
	gy_credit_request(&c, GY_UPDATE, 1, &ccr);
	gy_credit_answer(&c, &a, 2);
	gy_credit_usage(&c, 10, 800, 0, 3);
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 3, &ccr), 1);
	CU_ASSERT_EQUAL(gy_credit_failure(&c), GY_V_RETRY);
	CU_ASSERT(c.in_flight);
	CU_ASSERT_EQUAL(gy_credit_failure(&c), GY_V_TERMINATE);
	/* CONTINUE: uncontrolled, usage kept and still due */
	start(&c, 1, rg, 1000);
	c.ccfh = GY_CCFH_CONTINUE;
	gy_credit_usage(&c, 10, 800, 0, 1);
	gy_credit_request(&c, GY_UPDATE, 1, &ccr);
	CU_ASSERT_EQUAL(gy_credit_failure(&c), GY_V_OK);
	CU_ASSERT_EQUAL(c.rg[0].st, GY_RG_UNCONTROLLED);
	CU_ASSERT(gy_credit_allowed(&c, 10));
	gy_credit_usage(&c, 10, 5000, 0, 2);
	CU_ASSERT(gy_credit_report_due(&c));
	CU_ASSERT_EQUAL(gy_credit_request(&c, GY_UPDATE, 3, &ccr), 1);
	CU_ASSERT_EQUAL(mscc(10)->usu.total, 5800);	/* nothing lost */
	CU_ASSERT(!mscc(10)->rsu);
}

UNIT_SUITE(diam_credit,
	   UNIT_TEST(test_threshold_80),
	   UNIT_TEST(test_exhaustion_and_overuse),
	   UNIT_TEST(test_volume_quota_threshold),
	   UNIT_TEST(test_validity),
	   UNIT_TEST(test_rar_one_ccr_u),
	   UNIT_TEST(test_final_units),
	   UNIT_TEST(test_per_mscc_failure),
	   UNIT_TEST(test_ccr_i_failure_no_ccr_t),
	   UNIT_TEST(test_ccfh))
