/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cases of bench_codecs (tests/bench/codecs_*.c).  Each function loads its
 * inputs (from the fuzz corpus by file name, or built like the unit tests
 * build them), checks once that every input decodes and re-encodes to the
 * same bytes, and appends its cases.  Returns 0, or -1 with err saying which
 * input and why.
 */
#ifndef AGW_TESTS_BENCH_CODECS_H
#define AGW_TESTS_BENCH_CODECS_H

#include <stddef.h>

#include "bench.h"

int codecs_s1ap_add(struct bench_cases *c, const char *corpus, char *err, size_t len);
int codecs_nas_add(struct bench_cases *c, const char *corpus, char *err, size_t len);
int codecs_gtpu_add(struct bench_cases *c, const char *corpus, char *err, size_t len);
int codecs_diameter_add(struct bench_cases *c, const char *corpus, char *err, size_t len);
int codecs_crypto_add(struct bench_cases *c, const char *corpus, char *err, size_t len);

/*
 * Peer input: a pcap (LINKTYPE_USER0, 147) holding `copies` rounds of the
 * wire bytes of every case of `codec` whose op is `op`, interleaved.
 * Returns the number of frames written, or -1 with err.
 */
long codecs_pcap_write(const struct bench_cases *c, const char *codec, const char *op,
		       unsigned long copies, const char *path, char *err, size_t len);

#endif
