// SPDX-License-Identifier: GPL-2.0
/*
 * gtpu.ko: an in-kernel GTP-U (3GPP TS 29.281) datapath for an LTE access
 * gateway.  See Documentation/kernel-design.md and include/uapi/linux/gtpu.h.
 *
 * Init order: bearer cache, pernet + rtnl link kind, generic netlink.  Exit
 * runs the same steps backwards; rtnl_link_unregister() deletes every gtpu
 * device of every netns (their destructors run before it returns), and
 * rcu_barrier() waits for the bearers and peers freed by call_rcu.
 */
#include <linux/module.h>

#include "gtpu.h"

static int __init gtpu_init(void)
{
	int err;

	err = gtpu_bearer_init();
	if (err)
		return err;
	err = gtpu_device_init();
	if (err)
		goto err_bearer;
	err = gtpu_netlink_init();
	if (err)
		goto err_device;
	pr_info("gtpu: GTP-U datapath loaded\n");
	return 0;

err_device:
	gtpu_device_uninit();
err_bearer:
	rcu_barrier();
	gtpu_bearer_exit();
	return err;
}

static void __exit gtpu_exit(void)
{
	gtpu_netlink_exit();
	gtpu_device_uninit();
	rcu_barrier();
	gtpu_bearer_exit();
}

module_init(gtpu_init);
module_exit(gtpu_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("GTP-U (3GPP TS 29.281) tunnel device for an LTE access gateway");
MODULE_ALIAS_RTNL_LINK("gtpu");
MODULE_ALIAS_GENL_FAMILY(GTPU_GENL_NAME);
