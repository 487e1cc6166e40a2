// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "lib/log.h"

enum log_level log_current_level = LOG_LVL_NOTICE;
static bool log_syslog;
static const char *log_ident = "agw";

static const char *const names[] = { "error", "warn", "notice", "info", "debug" };

void log_init(const char *ident, enum log_level level, bool use_syslog)
{
	log_ident = ident;
	log_current_level = level;
	log_syslog = use_syslog;
	if (use_syslog)
		openlog(ident, LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

int log_level_parse(const char *s)
{
	for (unsigned int i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

const char *log_level_name(enum log_level l)
{
	return (unsigned int)l < sizeof(names) / sizeof(names[0]) ? names[l] : "?";
}

void log_msg(enum log_level l, const char *mod, const char *fmt, ...)
{
	static const int prio[] = { LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_INFO, LOG_DEBUG };
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (log_syslog) {
		syslog(prio[l], "%s: %s", mod, msg);
	} else {
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		fprintf(stderr, "%5lld.%03ld %s %s %s: %s\n", (long long)ts.tv_sec,
			ts.tv_nsec / 1000000, log_ident, log_level_name(l), mod, msg);
	}
}
