/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A classic pcap writer (LINKTYPE_RAW: every frame an IP packet) for the
 * --pcap option of agwd and enbsim: each S1AP PDU sent or received becomes
 * IPv4 or IPv6 + SCTP common header + DATA chunk(s) with its PPID, so
 * Wireshark's SCTP and S1AP dissectors read the capture as if it had been
 * taken on the wire.
 *
 *   IP (20 or 40) | SCTP common header (12) | DATA chunk (16 + payload + pad)
 *
 * The SCTP checksum is the CRC32c of RFC 9260 appendix A.  A payload larger
 * than one IPv4 packet can carry goes out as several DATA chunks (B/E flags,
 * consecutive TSNs, one per frame), as SCTP fragments it (RFC 9260 6.9);
 * tshark reassembles them with -o sctp.reassembly:TRUE.  Every frame is
 * flushed at once, so the file is readable while the program runs.
 */
#ifndef AGW_LIB_PCAP_H
#define AGW_LIB_PCAP_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

struct pcap_w;

/* Create path and write the file header; NULL and errno on failure. */
struct pcap_w *pcap_w_open(const char *path);
void pcap_w_close(struct pcap_w *p);

/*
 * One SCTP message (len octets of payload, PPID ppid, on stream) from src to
 * dst (AF_INET or AF_INET6 addresses with their ports; IPv6 when either is).
 * *tsn is the TSN of the sender's previous chunk, incremented per chunk
 * written.  Returns 0, or -1 with errno (write error, or a payload above
 * 16 MiB: EMSGSIZE).
 */
int pcap_w_sctp(struct pcap_w *p, const struct sockaddr *src, const struct sockaddr *dst,
		uint16_t stream, uint32_t ppid, uint32_t *tsn, const uint8_t *buf, size_t len);

/* RFC 9260 appendix A (= RFC 3309) CRC32c of n octets. */
uint32_t pcap_crc32c(const uint8_t *p, size_t n);

#endif
