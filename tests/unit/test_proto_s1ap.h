/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers shared by the S1AP test suites (test_proto_s1ap*.c). */
#ifndef AGW_TEST_PROTO_S1AP_H
#define AGW_TEST_PROTO_S1AP_H

#include <stdint.h>

#include "proto/s1ap.h"

/* Decode hex, re-encode, compare; 0 when identical (prints why not). */
int s1ap_test_roundtrip(const char *hex, struct s1ap_pdu *pdu, struct s1ap_arena *a);
/* Integer/enum value of an IE, UINT64_MAX when absent. */
uint64_t s1ap_test_u64(const struct s1ap_pdu *pdu, unsigned int id);

#endif
