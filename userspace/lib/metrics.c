// SPDX-License-Identifier: GPL-2.0
/*
 * Metrics registry, Prometheus text rendering and the /metrics HTTP
 * endpoint (metrics.h).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lib/log.h"
#include "lib/metrics.h"

struct metric {
	struct metric *next;
	char *labels;		/* rendered: a="x",b="y" or "" */
	double value;
	enum metric_type type;
};

struct metric_family {
	struct metric_family *next;
	char *name, *help;
	enum metric_type type;
	struct metric *series, **tail;
};

struct collector {
	void (*fn)(void *arg, struct metrics *r);
	void *arg;
};

struct metrics {
	struct metric_family *fams, **tail;
	struct collector *coll;
	size_t n_coll;
};

/* Growable string */
struct sbuf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void sb_add(struct sbuf *b, const char *data, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->s, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, data, n);
	b->len += n;
	b->s[b->len] = 0;
}

static void sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3))) sb_fmt(struct sbuf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		sb_add(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* Escapes \ and newline (and " when quoted) as the text format requires. */
static void sb_escaped(struct sbuf *b, const char *s, bool quoted)
{
	for (; *s; s++) {
		if (*s == '\\')
			sb_str(b, "\\\\");
		else if (*s == '\n')
			sb_str(b, "\\n");
		else if (*s == '"' && quoted)
			sb_str(b, "\\\"");
		else
			sb_add(b, s, 1);
	}
}

/* ------------------------------------------------------------- registry --- */

struct metrics *metrics_new(void)
{
	struct metrics *r = calloc(1, sizeof(*r));

	if (r)
		r->tail = &r->fams;
	return r;
}

void metrics_free(struct metrics *r)
{
	if (!r)
		return;
	while (r->fams) {
		struct metric_family *f = r->fams;

		r->fams = f->next;
		while (f->series) {
			struct metric *m = f->series;

			f->series = m->next;
			free(m->labels);
			free(m);
		}
		free(f->name);
		free(f->help);
		free(f);
	}
	free(r->coll);
	free(r);
}

static bool valid_name(const char *s, bool colon)
{
	if (!s || !*s || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || (colon && *s == ':')))
			return false;
	return true;
}

static char *render_labels(const char *const *labels)
{
	struct sbuf b = { 0 };

	sb_str(&b, "");
	for (size_t i = 0; labels && labels[i]; i += 2) {
		if (!labels[i + 1] || !valid_name(labels[i], false)) {
			free(b.s);
			return NULL;
		}
		sb_fmt(&b, "%s%s=\"", i ? "," : "", labels[i]);
		sb_escaped(&b, labels[i + 1], true);
		sb_str(&b, "\"");
	}
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

static struct metric_family *family(struct metrics *r, enum metric_type type, const char *name,
				    const char *help)
{
	struct metric_family *f;

	for (f = r->fams; f; f = f->next)
		if (!strcmp(f->name, name))
			return f->type == type ? f : NULL;
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->name = strdup(name);
	f->help = strdup(help ? help : "");
	if (!f->name || !f->help) {
		free(f->name);
		free(f->help);
		free(f);
		return NULL;
	}
	f->type = type;
	f->tail = &f->series;
	*r->tail = f;
	r->tail = &f->next;
	return f;
}

struct metric *metrics_series(struct metrics *r, enum metric_type type, const char *name,
			      const char *help, const char *const *labels)
{
	struct metric_family *f;
	struct metric *m;
	char *lbl;

	if (!r || !valid_name(name, true))
		return NULL;
	lbl = render_labels(labels);
	if (!lbl)
		return NULL;
	f = family(r, type, name, help);
	if (!f) {
		free(lbl);
		return NULL;
	}
	for (m = f->series; m; m = m->next) {
		if (!strcmp(m->labels, lbl)) {
			free(lbl);
			return m;
		}
	}
	m = calloc(1, sizeof(*m));
	if (!m) {
		free(lbl);
		return NULL;
	}
	m->labels = lbl;
	m->type = type;
	*f->tail = m;
	f->tail = &m->next;
	return m;
}

void metric_inc(struct metric *m)
{
	if (m)
		m->value += 1;
}

void metric_add(struct metric *m, double v)
{
	if (m && (m->type == METRIC_GAUGE || v >= 0))
		m->value += v;
}

void metric_set(struct metric *m, double v)
{
	if (m)
		m->value = v;
}

double metric_value(const struct metric *m)
{
	return m ? m->value : 0;
}

int metrics_add_collector(struct metrics *r, void (*fn)(void *arg, struct metrics *r),
			  void *arg)
{
	struct collector *c = realloc(r->coll, (r->n_coll + 1) * sizeof(*c));

	if (!c)
		return -ENOMEM;
	r->coll = c;
	r->coll[r->n_coll++] = (struct collector){ fn, arg };
	return 0;
}

static void sb_value(struct sbuf *b, double v)
{
	if (isnan(v))
		sb_str(b, "NaN");
	else if (isinf(v))
		sb_str(b, v > 0 ? "+Inf" : "-Inf");
	else if (v == floor(v) && fabs(v) < 9007199254740992.0)
		sb_fmt(b, "%.0f", v);
	else
		sb_fmt(b, "%.17g", v);
}

char *metrics_render(struct metrics *r, size_t *len)
{
	struct sbuf b = { 0 };

	for (size_t i = 0; i < r->n_coll; i++)
		r->coll[i].fn(r->coll[i].arg, r);
	sb_str(&b, "");
	for (struct metric_family *f = r->fams; f; f = f->next) {
		sb_fmt(&b, "# HELP %s ", f->name);
		sb_escaped(&b, f->help, false);
		sb_fmt(&b, "\n# TYPE %s %s\n", f->name,
		       f->type == METRIC_COUNTER ? "counter" : "gauge");
		for (struct metric *m = f->series; m; m = m->next) {
			sb_str(&b, f->name);
			if (m->labels[0]) {
				sb_str(&b, "{");
				sb_str(&b, m->labels);
				sb_str(&b, "}");
			}
			sb_str(&b, " ");
			sb_value(&b, m->value);
			sb_str(&b, "\n");
		}
	}
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	*len = b.len;
	return b.s;
}

/* ----------------------------------------------------------------- HTTP --- */

static char *http_reply(const char *status, const char *extra, const char *ctype,
			const char *body, size_t body_len, bool head, size_t *out_len)
{
	struct sbuf b = { 0 };

	sb_fmt(&b, "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
	       "Connection: close\r\n%s\r\n", status, ctype, body_len, extra);
	if (!head)
		sb_add(&b, body, body_len);
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	*out_len = b.len;
	return b.s;
}

static char *http_error(const char *status, const char *extra, size_t *out_len)
{
	char body[80];
	int n = snprintf(body, sizeof(body), "%s\n", status);

	return http_reply(status, extra, "text/plain; charset=utf-8", body, (size_t)n, false,
			  out_len);
}

char *metrics_http_respond(struct metrics *r, const char *req, size_t len, size_t *out_len)
{
	const char *eol = memchr(req, '\n', len), *sp1, *sp2, *q;
	size_t line_len, path_len;
	bool head;
	char *body, *resp;
	size_t body_len;

	if (!eol)
		return http_error("400 Bad Request", "", out_len);
	line_len = (size_t)(eol - req);
	if (line_len && req[line_len - 1] == '\r')
		line_len--;
	sp1 = memchr(req, ' ', line_len);
	sp2 = sp1 ? memchr(sp1 + 1, ' ', line_len - (size_t)(sp1 + 1 - req)) : NULL;
	if (!sp1 || !sp2 || sp1 == req || sp2 == sp1 + 1 ||
	    (size_t)(req + line_len - (sp2 + 1)) != 8 || memcmp(sp2 + 1, "HTTP/1.", 7) ||
	    memchr(sp2 + 1, ' ', 8))
		return http_error("400 Bad Request", "", out_len);
	head = sp1 - req == 4 && !memcmp(req, "HEAD", 4);
	if (!head && !(sp1 - req == 3 && !memcmp(req, "GET", 3)))
		return http_error("405 Method Not Allowed", "Allow: GET, HEAD\r\n", out_len);
	q = memchr(sp1 + 1, '?', (size_t)(sp2 - sp1 - 1));
	path_len = (size_t)((q ? q : sp2) - (sp1 + 1));
	if (path_len != 8 || memcmp(sp1 + 1, "/metrics", 8))
		return http_error("404 Not Found", "", out_len);
	body = metrics_render(r, &body_len);
	if (!body)
		return http_error("500 Internal Server Error", "", out_len);
	resp = http_reply("200 OK", "", "text/plain; version=0.0.4; charset=utf-8", body,
			  body_len, head, out_len);
	free(body);
	return resp;
}

struct http_conn {
	struct metrics_http *h;
	struct http_conn *next;
	int fd;
	struct ev_timer timer;
	size_t len;
	char buf[METRICS_HTTP_MAX_REQUEST + 1];
	char *out;
	size_t out_len, out_off;
};

struct metrics_http {
	struct metrics *r;
	struct ev_loop *loop;
	int lfd;
	struct http_conn *conns;
	size_t n_conns;
};

static void hc_free(void *arg)
{
	struct http_conn *c = arg;

	free(c->out);
	free(c);
}

static void hc_close(struct http_conn *c)
{
	struct http_conn **p = &c->h->conns;

	while (*p && *p != c)
		p = &(*p)->next;
	if (*p)
		*p = c->next;
	c->h->n_conns--;
	ev_timer_stop(c->h->loop, &c->timer);
	ev_io_del(c->h->loop, c->fd);
	close(c->fd);
	if (ev_defer(c->h->loop, hc_free, c))
		hc_free(c);
}

static void hc_timeout(struct ev_loop *loop, void *arg)
{
	hc_close(arg);
}

/* Complete request headers in buf? */
static bool hc_complete(const struct http_conn *c)
{
	return memmem(c->buf, c->len, "\r\n\r\n", 4) || memmem(c->buf, c->len, "\n\n", 2);
}

static bool hc_write(struct http_conn *c)
{
	while (c->out_off < c->out_len) {
		ssize_t n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off,
				 MSG_NOSIGNAL | MSG_DONTWAIT);

		if (n > 0)
			c->out_off += (size_t)n;
		else if (n < 0 && errno == EINTR)
			continue;
		else
			return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
	}
	return true;
}

static void hc_io(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct http_conn *c = arg;

	if (!c->out) {
		ssize_t n = read(fd, c->buf + c->len, sizeof(c->buf) - 1 - c->len);

		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		if (n <= 0) {
			hc_close(c);
			return;
		}
		c->len += (size_t)n;
		if (hc_complete(c))
			c->out = metrics_http_respond(c->h->r, c->buf, c->len, &c->out_len);
		else if (c->len >= sizeof(c->buf) - 1)
			c->out = http_error("400 Bad Request", "", &c->out_len);
		else
			return;
		if (!c->out) {
			hc_close(c);
			return;
		}
		ev_io_mod(loop, fd, EV_WRITE);
	}
	if (!hc_write(c) || c->out_off == c->out_len) {
		shutdown(fd, SHUT_WR);
		hc_close(c);
	}
}

static void hc_accept(struct ev_loop *loop, int lfd, unsigned int events, void *arg)
{
	struct metrics_http *h = arg;

	for (;;) {
		int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		struct http_conn *c;

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			return;
		}
		c = h->n_conns < METRICS_HTTP_MAX_CLIENTS ? calloc(1, sizeof(*c)) : NULL;
		if (!c || ev_io_add(loop, fd, EV_READ, hc_io, c)) {
			free(c);
			close(fd);
			continue;
		}
		c->h = h;
		c->fd = fd;
		ev_timer_init(&c->timer, hc_timeout, c);
		ev_timer_start(loop, &c->timer, METRICS_HTTP_TIMEOUT_MS);
		c->next = h->conns;
		h->conns = c;
		h->n_conns++;
	}
}

int metrics_http_start(struct metrics *r, struct ev_loop *loop, const char *host,
		       uint16_t port, struct metrics_http **out, char *err, size_t err_size)
{
	struct sockaddr_storage ss = { 0 };
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	struct metrics_http *h;
	int fd, one = 1, ret;

	if (inet_pton(AF_INET, host, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
	} else if (inet_pton(AF_INET6, host, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
	} else {
		snprintf(err, err_size, "metrics: \"%s\" is not an IP address", host);
		return -EINVAL;
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&ss, sizeof(ss)) || listen(fd, 16)) {
		ret = -errno;
		snprintf(err, err_size, "metrics: %s port %u: %s", host, port, strerror(errno));
		if (fd >= 0)
			close(fd);
		return ret;
	}
	h = calloc(1, sizeof(*h));
	if (!h || ev_io_add(loop, fd, EV_READ, hc_accept, h)) {
		snprintf(err, err_size, "metrics: out of memory");
		free(h);
		close(fd);
		return -ENOMEM;
	}
	h->r = r;
	h->loop = loop;
	h->lfd = fd;
	*out = h;
	return 0;
}

void metrics_http_stop(struct metrics_http *h)
{
	if (!h)
		return;
	while (h->conns)
		hc_close(h->conns);
	ev_io_del(h->loop, h->lfd);
	close(h->lfd);
	free(h);
}
