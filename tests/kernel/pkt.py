#!/usr/bin/env python3
"""Build GTP-U payloads (hex) for the selftests, well-formed and malformed.

    pkt.py gpdu --teid N --src A --dst B [--len-delta D] [--flags 0xNN]
               [--type N] [--ext HEX] [--seq N] [--payload N]
    pkt.py raw HEX

Prints the UDP payload as hex on stdout (for `gtpu-peer send --hex`).  The
inner packet is IPv4/UDP (or IPv6/UDP when the addresses are IPv6) with
correct checksums, so anything the datapath forwards is a valid packet.
The header layout follows TS 29.281 5.1:

     0     1     2     3     4     5     6     7
  +-----+-----+-----+-----+-----+-----+-----+-----+
  |V=1|PT|*|E|S|PN| type  |  length (after TEID) |      TEID ...
  +-----+-----+-----+-----+-----+-----+-----+-----+
  [ seq (2) | N-PDU (1) | next ext type (1) ]  if any of E/S/PN
  [ ext: len*4 bytes, last byte = next type ] ...
"""
import argparse
import ipaddress
import struct
import sys


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def inner(src, dst, n):
    s, d = ipaddress.ip_address(src), ipaddress.ip_address(dst)
    body = bytes((i & 0xFF for i in range(n)))
    ulen = 8 + len(body)
    if s.version == 4:
        pseudo = s.packed + d.packed + struct.pack("!BBH", 0, 17, ulen)
        udp = struct.pack("!HHHH", 40000, 9, ulen, 0) + body
        c = csum(pseudo + udp) or 0xFFFF
        udp = udp[:6] + struct.pack("!H", c) + udp[8:]
        hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + ulen, 1, 0x4000, 64, 17, 0, s.packed, d.packed)
        hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
        return hdr + udp
    pseudo = s.packed + d.packed + struct.pack("!I3xB", ulen, 17)
    udp = struct.pack("!HHHH", 40000, 9, ulen, 0) + body
    c = csum(pseudo + udp) or 0xFFFF
    udp = udp[:6] + struct.pack("!H", c) + udp[8:]
    return struct.pack("!IHBB16s16s", 6 << 28, ulen, 17, 64, s.packed, d.packed) + udp


def gpdu(a):
    flags = int(a.flags, 0)
    opt = b""
    if a.seq is not None or a.ext:
        if a.seq is not None:
            flags |= 0x02
        ext = bytes.fromhex(a.ext) if a.ext else b""
        if ext:
            flags |= 0x04
        first = int(a.ext_type, 0) if ext else 0
        opt = struct.pack("!HBB", a.seq or 0, 0, first) + ext
    payload = b"" if a.no_inner else inner(a.src, a.dst, a.payload)
    body = opt + payload
    length = len(body) + a.len_delta
    return struct.pack("!BBHI", flags, a.type, length & 0xFFFF, a.teid) + body


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gpdu")
    g.add_argument("--teid", type=lambda x: int(x, 0), required=True)
    g.add_argument("--src", default="10.45.0.11")
    g.add_argument("--dst", default="198.18.0.2")
    g.add_argument("--flags", default="0x30")
    g.add_argument("--type", type=int, default=255)
    g.add_argument("--len-delta", type=int, default=0)
    g.add_argument("--seq", type=int)
    g.add_argument("--ext", help="extension headers, hex, as on the wire")
    g.add_argument("--ext-type", default="0x85", help="type of the first extension header")
    g.add_argument("--payload", type=int, default=32)
    g.add_argument("--no-inner", action="store_true")
    r = sub.add_parser("raw")
    r.add_argument("hex")
    a = p.parse_args()
    out = gpdu(a) if a.cmd == "gpdu" else bytes.fromhex(a.hex)
    sys.stdout.write(out.hex() + "\n")


if __name__ == "__main__":
    main()
