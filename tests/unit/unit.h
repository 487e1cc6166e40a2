/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host unit tests: each tests/unit/test_*.c registers its CUnit suite with
 * UNIT_SUITE(name, tests...), so adding a suite needs no shared edit.
 *
 *   static void test_foo(void) { CU_ASSERT_EQUAL(1, 1); }
 *   UNIT_SUITE(milenage, UNIT_TEST(test_foo), UNIT_TEST(test_bar))
 */
#ifndef AGW_TESTS_UNIT_H
#define AGW_TESTS_UNIT_H

#include <CUnit/CUnit.h>

struct unit_test {
	const char *name;
	CU_TestFunc fn;
};

struct unit_suite {
	const char *name;
	const struct unit_test *tests;
	unsigned int n_tests;
	struct unit_suite *next;
};

void unit_register(struct unit_suite *s);

#define UNIT_TEST(fn) { #fn, fn }

#define UNIT_SUITE(sname, ...)						\
	static const struct unit_test unit_tests_##sname[] = { __VA_ARGS__ }; \
	static struct unit_suite unit_suite_##sname = {			\
		#sname, unit_tests_##sname,				\
		sizeof(unit_tests_##sname) / sizeof(unit_tests_##sname[0]), NULL \
	};								\
	__attribute__((constructor)) static void unit_reg_##sname(void)	\
	{ unit_register(&unit_suite_##sname); }

/* Hex helper for test vectors: returns bytes written, or -1. */
int unit_hex(const char *hex, unsigned char *out, unsigned int max);

#endif
