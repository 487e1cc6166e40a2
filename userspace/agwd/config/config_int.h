/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to agwd/config: the section readers shared by its files. */
#ifndef AGWD_CONFIG_INT_H
#define AGWD_CONFIG_INT_H

#include "lib/config.h"
#include "agwd/config/config.h"

int cfg_plmn(struct jcfg *c, struct json_object *o, struct agw_plmn *p);
int cfg_apns(struct jcfg *c, struct json_object *root, struct agw_config *cfg);
bool cfg_apn_name_valid(const char *name);

#endif
