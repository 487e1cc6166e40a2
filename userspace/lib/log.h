/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Logging for the daemons: a level, a module tag per call site, stderr (with
 * a monotonic timestamp) or syslog.  Messages above the current level cost a
 * comparison.
 */
#ifndef AGW_LIB_LOG_H
#define AGW_LIB_LOG_H

#include <stdbool.h>

enum log_level { LOG_LVL_ERR, LOG_LVL_WARN, LOG_LVL_NOTICE, LOG_LVL_INFO, LOG_LVL_DEBUG };

extern enum log_level log_current_level;

void log_init(const char *ident, enum log_level level, bool use_syslog);
/* "error", "warn", "notice", "info", "debug" -> level; -1 if unknown. */
int log_level_parse(const char *s);
const char *log_level_name(enum log_level l);
void log_msg(enum log_level l, const char *mod, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define log_at(l, mod, ...) \
	do { if ((l) <= log_current_level) log_msg((l), (mod), __VA_ARGS__); } while (0)
#define log_err(mod, ...)    log_at(LOG_LVL_ERR, mod, __VA_ARGS__)
#define log_warn(mod, ...)   log_at(LOG_LVL_WARN, mod, __VA_ARGS__)
#define log_notice(mod, ...) log_at(LOG_LVL_NOTICE, mod, __VA_ARGS__)
#define log_info(mod, ...)   log_at(LOG_LVL_INFO, mod, __VA_ARGS__)
#define log_debug(mod, ...)  log_at(LOG_LVL_DEBUG, mod, __VA_ARGS__)

#endif
