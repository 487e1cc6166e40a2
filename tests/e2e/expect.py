#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Assertions for enbsim "exec" steps of the e2e scenarios (exit 0 = holds).

  expect.py ue IMSI KEY WANT         agwctl -j ue show IMSI: KEY == WANT
                                     (KEY "pdns" compares the PDN count)
  expect.py bearers N [peer ADDR]    gtpuctl -j bearer show: N bearers (all
                                     with that eNodeB peer)
  expect.py registered N             agwctl -j ue list: N EMM-REGISTERED UEs
  expect.py stat KEY WANT            agwctl -j stats: KEY (a.b for nested) == WANT
  expect.py udp_dl IMSI SPORT DPORT N
                                     sends N UDP datagrams from the PDN host
                                     198.18.0.2:SPORT to the UE's IPv4 address
  expect.py ambr N [UL DL]           gtpuctl -j ambr show: N APN-AMBR groups
                                     (each with these rates, bit/s)
  expect.py bearer_dl EBI N          gtpuctl -j -s bearer show: the kernel
                                     bearers with that EBI sent N downlink packets
  expect.py wait SECONDS CHECK...    CHECK (any of the above) again every 0.1 s
                                     until it holds, for at most SECONDS: for
                                     what agwd finishes after the step that
                                     caused it (enbsim's attach ends when the UE
                                     sent Attach Complete, agwd handles it later)

agwd's socket is $LOGDIR/agwd.sock; agwd and gtpu0 live in ns gw.
"""
import json, os, subprocess, sys, time


def gw(*cmd):
    out = subprocess.run(["ip", "netns", "exec", "gw", *cmd], capture_output=True, text=True)
    if out.returncode:
        sys.exit("expect: %s: %s" % (" ".join(cmd), out.stderr.strip()))
    return json.loads(out.stdout)


def agwctl(*args):
    return gw("agwctl", "-s", os.environ["LOGDIR"] + "/agwd.sock", "-j", *args)


def check(what, got, want):
    ok = str(got) == str(want)
    print("expect %s: got %s, want %s: %s" % (what, got, want, "ok" if ok else "FAIL"),
          file=sys.stderr)
    sys.exit(0 if ok else 1)


a = sys.argv[1:]
if a[0] == "wait":
    deadline = time.monotonic() + float(a[1])
    while True:
        r = subprocess.run([sys.executable, sys.argv[0], *a[2:]])
        if r.returncode == 0 or time.monotonic() > deadline:
            sys.exit(r.returncode)
        time.sleep(0.1)
elif a[0] == "ue":
    u = agwctl("ue", "show", a[1])
    v = len(u["pdns"]) if a[2] == "pdns" else u.get(a[2])
    check("%s %s" % (a[1], a[2]), v, a[3])
elif a[0] == "bearers":
    b = gw("gtpuctl", "-j", "bearer", "show")
    if len(a) > 3 and a[2] == "peer":
        b = [x for x in b if x.get("peer") == a[3]]
    check("kernel bearers" + (" to " + a[3] if len(a) > 3 else ""), len(b), a[1])
elif a[0] == "registered":
    d = agwctl("ue", "list")["ues"]
    check("registered UEs", sum(1 for u in d if u["emm"] == "EMM-REGISTERED"), a[1])
elif a[0] == "stat":
    s = agwctl("stats")
    for k in a[1].split("."):
        s = s.get(k, {}) if isinstance(s, dict) else None
    check("stat " + a[1], s, a[2])
elif a[0] == "udp_dl":
    ip = agwctl("ue", "show", a[1])["pdns"][0]["ipv4"]
    code = ("import socket, sys, time\n"
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
            "s.bind(('198.18.0.2', int(sys.argv[1])))\n"
            "for i in range(int(sys.argv[4])):\n"
            "    s.sendto(b'dedicated %d' % i, (sys.argv[2], int(sys.argv[3])))\n"
            "    time.sleep(0.05)\n")
    r = subprocess.run(["ip", "netns", "exec", "pdn", "python3", "-c", code, a[2], ip, a[3], a[4]])
    sys.exit(r.returncode)
elif a[0] == "ambr":
    g = gw("gtpuctl", "-j", "ambr", "show")
    if len(a) > 3:
        g = [x for x in g if str(x.get("ul")) == a[2] and str(x.get("dl")) == a[3]]
    check("AMBR groups" + (" of %s/%s" % (a[2], a[3]) if len(a) > 3 else ""), len(g), a[1])
elif a[0] == "bearer_dl":
    b = gw("gtpuctl", "-j", "-s", "bearer", "show")
    n = sum(x.get("stats", {}).get("dl_packets", 0) for x in b if str(x.get("ebi")) == a[1])
    check("downlink packets of EBI " + a[1], n, a[2])
else:
    sys.exit("expect: unknown check " + a[0])
