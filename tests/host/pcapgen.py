#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write classic pcap files for the tshark cross-checks in tests/host.

One frame per hex payload.  As a command:

  pcapgen.py udp PORT OUT HEX...       IPv4/UDP, PORT both ways, LINKTYPE_RAW (101)
  pcapgen.py tcp PORT OUT HEX...       IPv4/TCP 40000 -> PORT, PSH|ACK, LINKTYPE_RAW
  pcapgen.py sctp PORT PPID OUT HEX... IPv4/SCTP, one DATA chunk (RFC 9260 3.3.1)
                                       per frame, TSN = frame number + 1, LINKTYPE_RAW
  pcapgen.py raw LINKTYPE OUT HEX...   the payloads as they are (e.g. 147 = USER0)

or imported (sys.path.insert(0, "tests/host"); import pcapgen) for
write(), ipv4(), udp(), tcp() and sctp_data().  Frame i is stamped i seconds
after `ts0` (0 from the command line).  Addresses are 192.0.2.1 -> 192.0.2.2
(TEST-NET-1).
"""
import struct
import sys

LINKTYPE_RAW = 101
SRC, DST = bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])


def _csum16(data):
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s & 0xffff) + (s >> 16)
    s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ipv4(proto, payload, ident=0, src=SRC, dst=DST):
    """An IPv4 header (no options, TTL 64, DF clear) with its checksum, then payload."""
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident & 0xffff, 0, 64,
                     proto, 0, src, dst)
    return ip[:10] + struct.pack("!H", _csum16(ip)) + ip[12:] + payload


def udp(sport, dport, payload):
    """UDP header (checksum 0: not computed, valid for IPv4) and payload."""
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def tcp(sport, dport, payload, seq=1, ack=1):
    """TCP header, data offset 5, PSH|ACK, window 65535, checksum 0."""
    return struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, 0x18, 65535, 0,
                       0) + payload


def crc32c(data):
    crc = 0xffffffff
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82f63b78 if crc & 1 else 0)
    return crc ^ 0xffffffff


def sctp_data(port, ppid, payload, tsn, vtag=0x01020304):
    """SCTP common header (CRC32c) and one DATA chunk (U=0, B=E=1 unset: flags 3)."""
    chunk = struct.pack("!BBHIHHI", 0, 3, 16 + len(payload), tsn, 0, tsn & 0xffff,
                        ppid) + payload
    chunk += b"\0" * (-len(chunk) % 4)
    pkt = struct.pack("!HHII", port, port, vtag, 0) + chunk
    return pkt[:8] + struct.pack("<I", crc32c(pkt)) + pkt[12:]


def write(path, frames, linktype=LINKTYPE_RAW, ts0=0):
    """A classic pcap (microseconds, snaplen 65535) holding frames (bytes each)."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", ts0 + i, 0, len(fr), len(fr)) + fr)


def main(argv):
    kind = argv[1] if len(argv) > 1 else ""
    nargs = {"udp": 1, "tcp": 1, "sctp": 2, "raw": 1}.get(kind)
    if nargs is None or len(argv) < 3 + nargs:
        sys.exit(__doc__)
    params = [int(a, 0) for a in argv[2:2 + nargs]]
    out, payloads = argv[2 + nargs], [bytes.fromhex(h) for h in argv[3 + nargs:]]
    if kind == "udp":
        frames = [ipv4(17, udp(params[0], params[0], p), i) for i, p in enumerate(payloads)]
    elif kind == "tcp":
        frames = [ipv4(6, tcp(40000, params[0], p), i) for i, p in enumerate(payloads)]
    elif kind == "sctp":
        frames = [ipv4(132, sctp_data(params[0], params[1], p, i + 1), i + 1)
                  for i, p in enumerate(payloads)]
    else:
        write(out, payloads, params[0])
        return
    write(out, frames)


if __name__ == "__main__":
    main(sys.argv)
