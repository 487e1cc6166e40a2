// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl's parsers of kernel replies and events: a malformed or hostile
 * netlink message is rejected (-EBADMSG and friends), never read past.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libmnl/libmnl.h>

#include "gtpnl/gtpnl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr *nlh;
	struct gtpnl_bearer b;
	struct gtpnl_ambr a;
	struct gtpnl_err_ind ei;
	struct gtpnl_dev d;
	struct gtpnl_echo e;
	struct gtpnl_event ev;
	struct gtpnl_link l;
	uint8_t *buf;

	if (size < sizeof(*nlh) || size > 65536)
		return 0;
	/* an exact-size heap copy so ASan sees any read past the end */
	buf = malloc(size);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	nlh = (struct nlmsghdr *)buf;
	if (nlh->nlmsg_len > size)
		nlh->nlmsg_len = (uint32_t)size;	/* as the receive loop guarantees */
	gtpnl_parse_bearer(nlh, &b);		/* TFT and QoS nests included */
	gtpnl_parse_ambr(nlh, &a);
	gtpnl_parse_err_ind(nlh, &ei);
	gtpnl_parse_dev(nlh, &d);
	gtpnl_parse_echo(nlh, &e);
	gtpnl_parse_event(nlh, &ev);
	gtpnl_parse_link(nlh, &l);
	free(buf);
	return 0;
}
