// SPDX-License-Identifier: GPL-2.0
/*
 * Hex encoding and decoding of octet buffers (see hex.h).
 */
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "lib/hex.h"

void hex_encode(const uint8_t *p, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 0xf];
	}
	out[2 * n] = '\0';
}

struct json_object *hex_json(const uint8_t *p, size_t n)
{
	char *s = malloc(2 * n + 1);
	struct json_object *o;

	if (!s)
		return NULL;
	hex_encode(p, n, s);
	o = json_object_new_string(s);
	free(s);
	return o;
}

static int nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int hex_decode(const char *s, uint8_t *out, size_t max, size_t *n)
{
	size_t l = strlen(s);

	if (l % 2 || l / 2 > max)
		return -1;
	for (size_t i = 0; i < l / 2; i++) {
		int hi = nibble(s[2 * i]), lo = nibble(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	*n = l / 2;
	return 0;
}
