// SPDX-License-Identifier: GPL-2.0
/*
 * Streaming subscriber import (agwd/subscriber/sub_import.c): any bytes,
 * as one chunk or cut in two at a line boundary, give the same outcome
 * (rows imported, or the same error naming the same line); a rejection
 * always says why; nothing crashes or leaks.  A sync with only a header
 * then empties the store for the next input (and exercises the sweep).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agwd/subscriber/subscriber.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct sub_store *store;
static char path[64];

static void remove_db(void)
{
	sub_store_close(store);
	unlink(path);
}

static int run(const uint8_t *data, size_t size, size_t cut, unsigned int *rows, char *msg,
	       size_t msg_size)
{
	struct sub_import_opts o = { .atomic = true };
	struct sub_import *imp;
	unsigned int del;
	int rc;

	*rows = 0;
	msg[0] = 0;
	if (sub_import_begin(&o, &imp))
		abort();
	rc = sub_import_chunk(store, imp, (const char *)data, cut);
	if (!rc && cut < size)
		rc = sub_import_chunk(store, imp, (const char *)data + cut, size - cut);
	if (!rc)
		rc = sub_import_finish(store, imp, rows, &del);
	if (rc) {
		snprintf(msg, msg_size, "%s", sub_store_error(store));
		if (!msg[0])
			abort();	/* a rejection must say why */
	}
	sub_import_free(imp);
	return rc;
}

static void empty_store(void)
{
	static const char hdr[] = "imsi,k,opc,amf,sqn,msisdn,apns\n";
	struct sub_import_opts o = { .sync = true };
	struct sub_import *imp;
	unsigned int rows, del;
	uint64_t n = 1;

	if (sub_import_begin(&o, &imp) || sub_import_chunk(store, imp, hdr, sizeof(hdr) - 1) ||
	    sub_import_finish(store, imp, &rows, &del) || sub_count(store, &n) || n)
		abort();
	sub_import_free(imp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char m1[512], m2[512];
	unsigned int r1, r2;
	const uint8_t *nl;
	size_t cut;
	int rc1, rc2;

	if (!store) {
		char err[256];

		snprintf(path, sizeof(path), "/tmp/fuzz-sub-import-%d.db", (int)getpid());
		unlink(path);
		if (sub_store_open(path, &store, err, sizeof(err)))
			abort();
		atexit(remove_db);
	}
	if (size > 65536)
		return 0;
	rc1 = run(data, size, size, &r1, m1, sizeof(m1));
	empty_store();
	nl = size ? memchr(data + data[0] % size, '\n', size - data[0] % size) : NULL;
	cut = nl ? (size_t)(nl - data) + 1 : size;
	rc2 = run(data, size, cut, &r2, m2, sizeof(m2));
	empty_store();
	if (rc1 != rc2 || r1 != r2 || strcmp(m1, m2))
		abort();
	return 0;
}
