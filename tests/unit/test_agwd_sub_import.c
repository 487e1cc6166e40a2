// SPDX-License-Identifier: GPL-2.0
/*
 * Streaming subscriber import (agwd/subscriber/sub_import.c): a CSV file
 * in chunks, atomic (staged, all rows or none) or chunk by chunk, and a
 * sync that deletes what the file does not name; errors name the line of
 * the whole file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "test_agwd_sub.h"

#define K	"465b5ce8b199b49faa5f0a2ee238a6bc"
#define OPC	"cd63cb71954a9f4e48a5994e37a02baf"
#define HEADER	"imsi,k,opc,amf,sqn,msisdn,apns\n"

static char *dir;
static struct sub_store *store;

static void open_store(void)
{
	store = sub_store_tmp(&dir);
}

static void close_store(void)
{
	sub_store_tmp_close(store, dir);
	store = NULL;
	dir = NULL;
}

static uint64_t count(void)
{
	uint64_t n = 0;

	CU_ASSERT_EQUAL(sub_count(store, &n), 0);
	return n;
}

/* rows first..first+n-1 as CSV lines (IMSI 00101 + 10 digits, sqn given) */
static char *rows(unsigned int first, unsigned int n, unsigned int sqn)
{
	char *b = malloc((size_t)n * 128 + 1), *p = b;

	for (unsigned int i = 0; i < n; i++)
		p += sprintf(p, "00101%010u," K "," OPC ",8000,%u,1555%07u,internet\n",
			     first + i, sqn, first + i);
	*p = 0;
	return b;
}

static int chunk(struct sub_import *imp, const char *text)
{
	return sub_import_chunk(store, imp, text, strlen(text));
}

/* Atomic: three chunks staged, nothing written before the end, then all */
static void test_import_atomic_chunks(void)
{
	struct sub_import_opts o = { .atomic = true };
	struct sub_import *imp;
	unsigned int n, del;
	char *a = rows(1, 100, 0), *b = rows(101, 100, 0);

	open_store();
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, "# exported\n" HEADER) == 0);
	CU_ASSERT(chunk(imp, a) == 0);
	CU_ASSERT(chunk(imp, b) == 0);
	CU_ASSERT_EQUAL(sub_import_rows(imp), 200);
	CU_ASSERT_EQUAL(count(), 0);
	CU_ASSERT(sub_import_finish(store, imp, &n, &del) == 0);
	CU_ASSERT_EQUAL(n, 200);
	CU_ASSERT_EQUAL(del, 0);
	CU_ASSERT_EQUAL(count(), 200);
	sub_import_free(imp);
	free(a);
	free(b);
	close_store();
}

/* Atomic: a bad row in the second chunk names its line in the file; a
 * duplicate IMSI fails at the end, at the second one's line; none written */
static void test_import_atomic_errors(void)
{
	struct sub_import_opts o = { .atomic = true };
	struct sub_import *imp;
	unsigned int n, del;
	char *a = rows(1, 10, 0);

	open_store();
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, HEADER) == 0);
	CU_ASSERT(chunk(imp, a) == 0);
	CU_ASSERT(chunk(imp, "001010000000099,zz," OPC ",,,,\n") == -EINVAL);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store),
			       "line 12: k: \"zz\" is not 32 hex digits");
	sub_import_free(imp);
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, HEADER) == 0);
	CU_ASSERT(chunk(imp, a) == 0);
	CU_ASSERT(chunk(imp, a) == 0);		/* line 12: IMSI of line 2 again */
	CU_ASSERT(sub_import_finish(store, imp, &n, &del) == -EEXIST);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store),
			       "line 12: subscriber 001010000000001 already exists");
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_EQUAL(count(), 0);
	sub_import_free(imp);
	/* no header, and an empty file */
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, a) == -EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(sub_store_error(store), "line 1: header must be"));
	sub_import_free(imp);
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(sub_import_finish(store, imp, &n, &del) == -EINVAL);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store), "line 0: no header line");
	sub_import_free(imp);
	free(a);
	close_store();
}

/* Chunk by chunk: a failing chunk is rolled back, the earlier ones stay,
 * and the error says so */
static void test_import_chunked(void)
{
	struct sub_import_opts o = { .atomic = false };
	struct sub_import *imp;
	char *a = rows(1, 10, 0), *b = rows(11, 5, 0), *bad;
	unsigned int n, del;

	open_store();
	bad = malloc(strlen(b) + 128);
	sprintf(bad, "%s1234," K "," OPC ",,,,\n", b);
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, HEADER) == 0);
	CU_ASSERT(chunk(imp, a) == 0);
	CU_ASSERT_EQUAL(count(), 10);		/* written at once */
	CU_ASSERT(chunk(imp, bad) == -EINVAL);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store),
			       "line 17: imsi \"1234\" is not 6 to 15 digits (lines 12.. of this "
			       "chunk not written; 10 rows before it are)");
	CU_ASSERT_EQUAL(count(), 10);
	CU_ASSERT_EQUAL(sub_import_rows(imp), 10);
	CU_ASSERT(sub_import_finish(store, imp, &n, &del) == 0);
	CU_ASSERT_EQUAL(n, 10);
	sub_import_free(imp);
	free(a);
	free(b);
	free(bad);
	close_store();
}

/* Sync: the file becomes the subscriber list; a higher local SQN stays */
static void test_import_sync(void)
{
	struct sub_import_opts o = { .sync = true };
	struct sub_import *imp;
	struct sub_record g;
	char *old = rows(1, 3, 1000), *new = rows(2, 3, 7);
	unsigned int n, del;

	open_store();
	CU_ASSERT_FATAL(sub_import_csv(store, HEADER, strlen(HEADER), false, &n) == 0);
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, HEADER) == 0 && chunk(imp, old) == 0);
	CU_ASSERT(sub_import_finish(store, imp, &n, &del) == 0);
	CU_ASSERT(n == 3 && del == 0);
	sub_import_free(imp);
	/* 1..3 with SQN 1000 are there; the file names 2..4 with SQN 7 */
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, HEADER) == 0 && chunk(imp, new) == 0);
	CU_ASSERT(sub_import_finish(store, imp, &n, &del) == 0);
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(del, 1);
	CU_ASSERT_EQUAL(count(), 3);
	CU_ASSERT_EQUAL(sub_get(store, "001010000000001", &g), -ENOENT);
	CU_ASSERT(sub_get(store, "001010000000002", &g) == 0 && g.sqn == 1000);
	CU_ASSERT(sub_get(store, "001010000000004", &g) == 0 && g.sqn == 7);
	sub_import_free(imp);
	/* a failing sync deletes nothing either */
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, HEADER) == 0 && chunk(imp, old) == 0 && chunk(imp, old) == 0);
	CU_ASSERT(sub_import_finish(store, imp, &n, &del) == 0);	/* replace: no dup error */
	CU_ASSERT(n == 6 && del == 1);
	sub_import_free(imp);
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, HEADER) == 0 && chunk(imp, new) == 0);
	CU_ASSERT(chunk(imp, "001010000000009,zz," OPC ",,,,\n") == -EINVAL);
	CU_ASSERT_EQUAL(count(), 3);
	sub_import_free(imp);
	free(old);
	free(new);
	close_store();
}

/* 20000 rows in chunks of 500 lines */
static void test_import_many(void)
{
	struct sub_import_opts o = { .atomic = true };
	struct sub_import *imp;
	unsigned int n, del;

	open_store();
	CU_ASSERT_FATAL(sub_import_begin(&o, &imp) == 0);
	CU_ASSERT(chunk(imp, HEADER) == 0);
	for (unsigned int i = 0; i < 40; i++) {
		char *c = rows(1 + 500 * i, 500, 0);

		CU_ASSERT(chunk(imp, c) == 0);
		free(c);
	}
	CU_ASSERT(sub_import_finish(store, imp, &n, &del) == 0);
	CU_ASSERT_EQUAL(n, 20000);
	CU_ASSERT_EQUAL(count(), 20000);
	sub_import_free(imp);
	close_store();
}

UNIT_SUITE(agwd_sub_import, UNIT_TEST(test_import_atomic_chunks),
	   UNIT_TEST(test_import_atomic_errors), UNIT_TEST(test_import_chunked),
	   UNIT_TEST(test_import_sync), UNIT_TEST(test_import_many))
