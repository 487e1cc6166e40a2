/* SPDX-License-Identifier: GPL-2.0 */
/* A subscriber store in a fresh temporary directory, for the subscriber suites. */
#ifndef TEST_AGWD_SUB_H
#define TEST_AGWD_SUB_H

#include "agwd/subscriber/subscriber.h"
#include "test_agwd_util.h"
#include "unit.h"

/* Opens DIR/subscribers.db in a new DIR (*dir, freed by sub_store_tmp_close). */
static inline struct sub_store *sub_store_tmp(char **dir)
{
	struct sub_store *s = NULL;
	char path[256], err[256];

	*dir = tmpdir_new();
	CU_ASSERT_PTR_NOT_NULL_FATAL(*dir);
	snprintf(path, sizeof(path), "%s/subscribers.db", *dir);
	CU_ASSERT_EQUAL_FATAL(sub_store_open(path, &s, err, sizeof(err)), 0);
	return s;
}

static inline void sub_store_tmp_close(struct sub_store *s, char *dir)
{
	sub_store_close(s);
	tmpdir_rm(dir);
}

#endif
