/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Metrics registry (counters and gauges with labels) rendered in the
 * Prometheus text exposition format 0.0.4, and a minimal HTTP/1.1 endpoint
 * that serves it on GET /metrics.
 *
 * Modules look a series up once and keep the pointer:
 *
 *	static const char *const lbl[] = { "method", "subscriber.add", NULL };
 *	struct metric *m = metrics_series(reg, METRIC_COUNTER, "agwd_ctl_requests_total",
 *					  "Control requests handled.", lbl);
 *	metric_inc(m);
 *
 * Collectors registered with metrics_add_collector() run before each
 * rendering, to refresh gauges computed from state (pool usage, ...).
 * Not thread-safe: use it from the event loop thread.
 */
#ifndef AGW_LIB_METRICS_H
#define AGW_LIB_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "lib/evloop.h"

enum metric_type { METRIC_COUNTER, METRIC_GAUGE };

struct metrics;
struct metric;

struct metrics *metrics_new(void);
void metrics_free(struct metrics *r);

/*
 * The series name{labels}, created on first use. labels: NULL, or a
 * NULL-terminated list of name, value pairs. NULL if a name is invalid
 * ([a-zA-Z_:][a-zA-Z0-9_:]*, labels without ':'), the name already exists
 * with another type, or out of memory.
 */
struct metric *metrics_series(struct metrics *r, enum metric_type type, const char *name,
			      const char *help, const char *const *labels);

/* All accept NULL (a series that could not be created), so callers need not check. */
void metric_inc(struct metric *m);
void metric_add(struct metric *m, double v);	/* counters: v >= 0 */
void metric_set(struct metric *m, double v);	/* gauges */
double metric_value(const struct metric *m);

int metrics_add_collector(struct metrics *r, void (*fn)(void *arg, struct metrics *r),
			  void *arg);

/* The whole exposition (malloc'd, NUL-terminated); NULL if out of memory. */
char *metrics_render(struct metrics *r, size_t *len);

/* ----------------------------------------------------------------- HTTP --- */

#define METRICS_HTTP_MAX_REQUEST 8192
#define METRICS_HTTP_MAX_CLIENTS 16
#define METRICS_HTTP_TIMEOUT_MS  10000

struct metrics_http;

/*
 * Serves r on host:port (IPv4 or IPv6 literal). GET or HEAD /metrics
 * (query ignored) -> 200; other paths -> 404; other methods -> 405;
 * anything unparsable or over METRICS_HTTP_MAX_REQUEST bytes -> 400.
 * One request per connection (Connection: close).
 */
int metrics_http_start(struct metrics *r, struct ev_loop *loop, const char *host,
		       uint16_t port, struct metrics_http **out, char *err, size_t err_size);
void metrics_http_stop(struct metrics_http *h);

/* Builds the HTTP response for one raw request (exposed for tests). malloc'd. */
char *metrics_http_respond(struct metrics *r, const char *req, size_t len, size_t *out_len);

#endif
