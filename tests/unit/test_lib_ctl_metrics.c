// SPDX-License-Identifier: GPL-2.0
/* Metrics registry rendering (Prometheus text format 0.0.4) and HTTP answers. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "lib/metrics.h"

static void collect(void *arg, struct metrics *r)
{
	metric_set(metrics_series(r, METRIC_GAUGE, "t_gauge", "A gauge.", NULL), 7.5);
}

static void test_metrics_render(void)
{
	static const char *const l1[] = { "method", "a\"b\\c\nd", NULL };
	static const char *const bad[] = { "1x", "v", NULL };
	struct metrics *r = metrics_new();
	struct metric *c = metrics_series(r, METRIC_COUNTER, "t_total", "Help\\ with\nnewline.",
					  l1);
	size_t len;
	char *out;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	metric_inc(c);
	metric_add(c, 2);
	metric_add(c, -5);	/* counters never go down */
	CU_ASSERT_PTR_EQUAL(metrics_series(r, METRIC_COUNTER, "t_total", "x", l1), c);
	CU_ASSERT_PTR_NULL(metrics_series(r, METRIC_GAUGE, "t_total", "x", NULL));
	CU_ASSERT_PTR_NULL(metrics_series(r, METRIC_GAUGE, "bad-name", "x", NULL));
	CU_ASSERT_PTR_NULL(metrics_series(r, METRIC_GAUGE, "ok", "x", bad));
	metric_inc(NULL);
	CU_ASSERT_EQUAL(metrics_add_collector(r, collect, NULL), 0);
	out = metrics_render(r, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	CU_ASSERT_STRING_EQUAL(out,
		"# HELP t_total Help\\\\ with\\nnewline.\n"
		"# TYPE t_total counter\n"
		"t_total{method=\"a\\\"b\\\\c\\nd\"} 3\n"
		"# HELP t_gauge A gauge.\n"
		"# TYPE t_gauge gauge\n"
		"t_gauge 7.5\n");
	CU_ASSERT_EQUAL(len, strlen(out));
	free(out);
	metrics_free(r);
}

static void expect_status(struct metrics *r, const char *req, const char *status)
{
	size_t len;
	char *out = metrics_http_respond(r, req, strlen(req), &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	if (strncmp(out, status, strlen(status))) {
		fprintf(stderr, "\n%s -> %.40s\n", req, out);
		CU_FAIL("wrong HTTP status");
	}
	free(out);
}

static void test_metrics_http(void)
{
	struct metrics *r = metrics_new();

	metric_inc(metrics_series(r, METRIC_COUNTER, "x_total", "x", NULL));
	expect_status(r, "GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n", "HTTP/1.1 200 OK\r\n"
		      "Content-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: 50\r\n");
	expect_status(r, "GET /metrics?x=1 HTTP/1.0\r\n\r\n", "HTTP/1.1 200 OK");
	expect_status(r, "HEAD /metrics HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK");
	expect_status(r, "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 404 Not Found");
	expect_status(r, "GET /metricsx HTTP/1.1\r\n\r\n", "HTTP/1.1 404 Not Found");
	expect_status(r, "POST /metrics HTTP/1.1\r\n\r\n", "HTTP/1.1 405 Method Not Allowed");
	expect_status(r, "GET /metrics\r\n\r\n", "HTTP/1.1 400 Bad Request");
	expect_status(r, "GET  /metrics HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request");
	expect_status(r, "GET /metrics FTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request");
	expect_status(r, "\r\n\r\n", "HTTP/1.1 400 Bad Request");
	expect_status(r, "garbage", "HTTP/1.1 400 Bad Request");
	metrics_free(r);
}

UNIT_SUITE(lib_metrics,
	   UNIT_TEST(test_metrics_render),
	   UNIT_TEST(test_metrics_http))
