/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hex strings for octet buffers: lower-case encoding (two digits per octet,
 * no separators) and strict decoding (even length, hex digits only, either
 * case).
 */
#ifndef AGW_LIB_HEX_H
#define AGW_LIB_HEX_H

#include <stddef.h>
#include <stdint.h>

struct json_object;

/* Writes 2 * n digits and a NUL to out (2 * n + 1 bytes). */
void hex_encode(const uint8_t *p, size_t n, char *out);

/* A new json-c string of p's hex digits; NULL when out of memory. */
struct json_object *hex_json(const uint8_t *p, size_t n);

/*
 * Decodes s into out (at most max octets), *n = octets written.  Returns 0,
 * or -1 when s has an odd length, a non-hex character or more than max octets.
 */
int hex_decode(const char *s, uint8_t *out, size_t max, size_t *n);

#endif
