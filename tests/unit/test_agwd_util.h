/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers shared by the test_agwd_*.c suites. */
#ifndef TEST_AGWD_UTIL_H
#define TEST_AGWD_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A fresh temporary directory (caller frees the string; tmpdir_rm removes it). */
static inline char *tmpdir_new(void)
{
	char *d = strdup("/tmp/agwd-unit-XXXXXX");

	if (d && !mkdtemp(d)) {
		free(d);
		return NULL;
	}
	return d;
}

static inline void tmpdir_rm(char *d)
{
	char cmd[128];

	if (!d)
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", d);
	if (system(cmd))
		fprintf(stderr, "could not remove %s\n", d);
	free(d);
}

/* A minimal valid configuration, with %s for extra top-level members. */
#define TEST_CFG_FMT \
	"{ \"plmn\": {\"mcc\": \"001\", \"mnc\": \"01\"}," \
	"  \"mme\": {\"group_id\": 1, \"code\": 1}," \
	"  \"tais\": [{\"mcc\": \"001\", \"mnc\": \"01\", \"tac\": 1}]," \
	"  \"apns\": [%s] %s }"

#define TEST_APN_INTERNET \
	"{\"name\": \"internet\", \"ipv4_pool\": \"10.45.0.0/24\"," \
	" \"ipv6_prefix_pool\": \"2001:db8:1::/56\"}"

#endif
