#!/usr/bin/env python3
"""Send one hand-built generic netlink request to the gtpu family and print
how the kernel answered: "ok", or "error <ERRNO>: <extack message>", followed
by " (offset N)" when the kernel named the attribute at fault (N counts
from the start of the request's nlmsghdr).  Used by
the selftests to feed gtpu.ko input that gtpuctl would never build.

    nlraw.py CMD ATTR...
ATTR is TYPE:KIND:VALUE with KIND one of u8 u16 u32 u64 be32 ip4 ip6 str hex
flag, or TYPE:nest:( ATTR... ) written as TYPE:nest:[ ... ] -- see the
selftests for examples.  Numbers may be 0x-hex.  Extra request flags:
--dump (NLM_F_DUMP), --noflags.
"""
import errno
import os
import socket
import struct
import sys

NETLINK_GENERIC = 16
NLM_F_REQUEST, NLM_F_ACK, NLM_F_DUMP = 1, 4, 0x300
NLMSG_ERROR, NLMSG_DONE = 2, 3
NETLINK_EXT_ACK = 11
NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS = 1, 2
NLA_F_NESTED = 0x8000
GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 0x10, 3, 1, 2


def attr(t, payload):
    a = struct.pack("=HH", 4 + len(payload), t) + payload
    return a + b"\0" * ((4 - len(a) % 4) % 4)


def parse_attrs(b):
    out = {}
    while len(b) >= 4:
        ln, t = struct.unpack_from("=HH", b)
        if ln < 4:
            break
        out[t & 0x3FFF] = b[4:ln]
        b = b[(ln + 3) & ~3:]
    return out


def request(sock, fam, cmd, body, flags, seq):
    msg = struct.pack("=BBH", cmd, 1, 0) + body
    sock.send(struct.pack("=IHHII", 16 + len(msg), fam, flags, seq, 0) + msg)


def family_id(sock, name):
    request(sock, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, attr(CTRL_ATTR_FAMILY_NAME, name.encode() + b"\0"),
            NLM_F_REQUEST, 1)
    data = sock.recv(65536)
    ln, typ = struct.unpack_from("=IH", data)
    if typ == NLMSG_ERROR:
        sys.exit("family %s not found" % name)
    return struct.unpack("=H", parse_attrs(data[20:ln])[CTRL_ATTR_FAMILY_ID][:2])[0]


def value(kind, v):
    num = lambda: int(v, 0)
    if kind == "u8":
        return struct.pack("=B", num())
    if kind == "u16":
        return struct.pack("=H", num())
    if kind == "u32":
        return struct.pack("=I", num())
    if kind == "u64":
        return struct.pack("=Q", num())
    if kind in ("be32",):
        return struct.pack("!I", num())
    if kind == "ip4":
        return socket.inet_pton(socket.AF_INET, v)
    if kind == "ip6":
        return socket.inet_pton(socket.AF_INET6, v)
    if kind == "str":
        return v.encode() + b"\0"
    if kind == "hex":
        return bytes.fromhex(v)
    if kind == "flag":
        return b""
    raise SystemExit("unknown kind " + kind)


def build(tokens):
    """tokens: list of strings; returns (bytes, rest) until a closing ']'."""
    out = b""
    while tokens:
        tok = tokens.pop(0)
        if tok == "]":
            return out, tokens
        t, kind, rest = tok.split(":", 2)
        if kind == "nest":
            inner, tokens = build(tokens)
            out += attr(int(t, 0) | NLA_F_NESTED, inner)
        else:
            out += attr(int(t, 0), value(kind, rest))
    return out, tokens


def main():
    args = sys.argv[1:]
    flags = NLM_F_REQUEST | NLM_F_ACK
    if "--dump" in args:
        args.remove("--dump")
        flags |= NLM_F_DUMP
    cmd = int(args.pop(0), 0)
    # "1:nest:[" opens a nest; "]" closes it
    toks = []
    for a in args:
        toks.append(a[:-1] if a.endswith(":[") else a)
    body, _ = build(toks)
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    s.setsockopt(270, NETLINK_EXT_ACK, 1)
    s.bind((0, 0))
    fam = family_id(s, "gtpu")
    request(s, fam, cmd, body, flags, 2)
    while True:
        data = s.recv(1 << 20)
        off = 0
        while off + 16 <= len(data):
            ln, typ, fl = struct.unpack_from("=IHH", data, off)
            if typ == NLMSG_ERROR:
                err = -struct.unpack_from("=i", data, off + 16)[0]
                if err == 0:
                    print("ok")
                    return 0
                inner_len = struct.unpack_from("=I", data, off + 20)[0]
                tlv_off = off + 20 + (16 if fl & 0x100 else inner_len)  # NLM_F_CAPPED
                tlvs = parse_attrs(data[tlv_off:off + ln])
                msg = tlvs.get(NLMSGERR_ATTR_MSG, b"").rstrip(b"\0").decode()
                where = ""
                if NLMSGERR_ATTR_OFFS in tlvs:
                    where = " (offset %d)" % struct.unpack("=I", tlvs[NLMSGERR_ATTR_OFFS][:4])[0]
                print("error %s: %s%s" % (errno.errorcode.get(err, str(err)), msg, where))
                return 1
            if typ == NLMSG_DONE:
                # a dump that failed ends with its errno (and extack) here
                err = -struct.unpack_from("=i", data, off + 16)[0] if ln >= 20 else 0
                if err == 0:
                    print("ok")
                    return 0
                tlvs = parse_attrs(data[off + 20:off + ln]) if fl & 0x200 else {}  # NLM_F_ACK_TLVS
                msg = tlvs.get(NLMSGERR_ATTR_MSG, b"").rstrip(b"\0").decode()
                print("error %s: %s" % (errno.errorcode.get(err, str(err)), msg))
                return 1
            off += (ln + 3) & ~3


if __name__ == "__main__":
    sys.exit(main())
