// SPDX-License-Identifier: GPL-2.0
/*
 * gtpnl rtnetlink commands: create, delete and list "gtpu" links.  The
 * rtnetlink socket is opened on first use.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "gtpnl/gtpnl_int.h"

static int need_rtnl(struct gtpnl *h)
{
	int err;

	if (h->rtnl)
		return 0;
	h->rtnl = mnl_socket_open(NETLINK_ROUTE);
	if (!h->rtnl)
		return gtpnl_fail(h, -errno, "cannot open rtnetlink socket: %s",
				  strerror(errno));
	err = gtpnl_sock_setup(h, h->rtnl);
	if (err) {
		mnl_socket_close(h->rtnl);
		h->rtnl = NULL;
		return err;
	}
	h->rtnl_portid = mnl_socket_get_portid(h->rtnl);
	return 0;
}

int gtpnl_link_add(struct gtpnl *h, const struct gtpnl_link *l)
{
	struct nlmsghdr *nlh;
	int err = need_rtnl(h);

	if (err)
		return err;
	nlh = gtpnl_msg_link_add(h->req, sizeof(h->req), 0, l);
	if (!nlh)
		return gtpnl_fail(h, -EMSGSIZE, "request too large");
	err = gtpnl_talk(h, h->rtnl, nlh, NULL, NULL, NULL);
	if (err == -EOPNOTSUPP && !h->errmsg[0])
		gtpnl_fail(h, err, "link kind \"gtpu\" unknown (is gtpu.ko loaded?)");
	/* the module may have been loaded by this request */
	if (!err && !h->family && gtpnl_need_family(h))
		h->errmsg[0] = '\0';
	return err;
}

int gtpnl_link_del(struct gtpnl *h, const char *ifname)
{
	struct nlmsghdr *nlh;
	int err = need_rtnl(h);

	if (err)
		return err;
	nlh = gtpnl_msg_link_del(h->req, sizeof(h->req), 0, ifname);
	if (!nlh)
		return gtpnl_fail(h, -EMSGSIZE, "request too large");
	err = gtpnl_talk(h, h->rtnl, nlh, NULL, NULL, NULL);
	if (err == -ENODEV)
		gtpnl_fail(h, err, "Cannot find device \"%s\"", ifname);
	return err;
}

struct link_ctx {
	gtpnl_link_cb cb;
	void *data;
};

static int link_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct link_ctx *c = data;
	struct gtpnl_link l;
	int err = gtpnl_parse_link(nlh, &l);

	if (err < 0)
		return err;
	return err ? 0 : c->cb(&l, c->data);
}

int gtpnl_link_dump(struct gtpnl *h, gtpnl_link_cb cb, void *data)
{
	struct link_ctx c = { cb, data };
	struct nlmsghdr *nlh;
	int err = need_rtnl(h);

	if (err)
		return err;
	nlh = gtpnl_msg_link_dump(h->req, sizeof(h->req), 0);
	if (!nlh)
		return gtpnl_fail(h, -EMSGSIZE, "request too large");
	return gtpnl_talk(h, h->rtnl, nlh, link_dump_cb, &c, NULL);
}
