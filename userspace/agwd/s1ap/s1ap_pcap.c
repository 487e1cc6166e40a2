// SPDX-License-Identifier: GPL-2.0
/*
 * --pcap FILE: every S1AP PDU agwd sends or receives, written by the shared
 * writer (lib/pcap.h) as IPv4 or IPv6 + SCTP DATA with PPID 18 between the
 * association's addresses and ports, TSNs counted per eNB and direction, so
 * tshark's S1AP dissector reads it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "agwd/s1ap/s1mme.h"
#include "lib/log.h"
#include "lib/pcap.h"

void s1_pcap_write(struct pcap_w *p, struct enb *e, bool sent, uint16_t stream,
		   const uint8_t *buf, size_t len)
{
	const struct sockaddr *src = (const struct sockaddr *)(sent ? &e->local : &e->peer);
	const struct sockaddr *dst = (const struct sockaddr *)(sent ? &e->peer : &e->local);

	if (pcap_w_sctp(p, src, dst, stream, S1AP_PPID, &e->pcap_tsn[sent], buf, len))
		log_warn("s1ap", "--pcap: eNB %u: PDU of %zu octets not written", e->id, len);
}

void s1_pcap_close(struct pcap_w *p)
{
	pcap_w_close(p);
}

int s1mme_pcap_open(struct s1mme *s1, const char *path, char *err, size_t size)
{
	s1->pcap = pcap_w_open(path);
	if (!s1->pcap) {
		snprintf(err, size, "--pcap %s: cannot create: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
