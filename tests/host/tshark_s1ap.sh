#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Cross-check the S1AP codec against Wireshark's S1AP dissector.
#
#   JSON template --agwtool encode s1ap--> hex --agwtool decode s1ap--> JSON
#        --agwtool encode--> same hex?            (round trip through JSON)
#   all hex --> SCTP DATA chunks (PPID 18) in IPv4 --> LINKTYPE_RAW pcap
#        --> tshark: procedureCode and every IE id as we meant them,
#            and no "Malformed" / dissector error anywhere.
#
# Usage (from the repository top): tests/host/tshark_s1ap.sh
#   BUILD=build/h-s1ap  use agwtool from $BUILD/bin
#   S1AP_SAVE_DIR=DIR    also write each message as DIR/NN-Name.bin (fuzz seeds)
# Exit: 0 pass, 77 skip (no tshark/python3/agwtool), 1 fail.
set -eu

BUILD=${BUILD:-build}
AGWTOOL=${AGWTOOL:-$BUILD/bin/agwtool}
command -v tshark >/dev/null 2>&1 || { echo "skip: tshark not installed"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "skip: python3 not installed"; exit 77; }
[ -x "$AGWTOOL" ] || { echo "skip: $AGWTOOL not built"; exit 77; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

PCAPDIR="$(dirname "$0")" AGWTOOL="$AGWTOOL" TMP="$TMP" SAVE="${S1AP_SAVE_DIR:-}" python3 - <<'PYEOF'
import json, os, struct, subprocess, sys

sys.path.insert(0, os.environ["PCAPDIR"])
import pcapgen

AGW, TMP, SAVE = os.environ["AGWTOOL"], os.environ["TMP"], os.environ["SAVE"]

# ---- building blocks (TS 36.413 9.2) ----
PLMN = "00f110"
TAI = {"pLMNidentity": PLMN, "tAC": "0001"}
ECGI = {"pLMNidentity": PLMN, "cell-ID": {"bits": 28, "hex": "00001230"}}
GENB = {"pLMNidentity": PLMN, "eNB-ID": {"macroENB-ID": {"bits": 20, "hex": "00e000"}}}
GENB_LONG = {"pLMNidentity": PLMN, "eNB-ID": {"long-macroENB-ID": {"bits": 21, "hex": "000008"}}}
TAS = [{"tAC": "0001", "broadcastPLMNs": [PLMN, "00f120"]}]
GUMMEIS = [{"servedPLMNs": [PLMN], "servedGroupIDs": ["0004"], "servedMMECs": ["01"]}]
GUMMEI = {"pLMN-Identity": PLMN, "mME-Group-ID": "0004", "mME-Code": "01"}
STMSI = {"mMEC": "01", "m-TMSI": "c0000123"}
AMBR = {"uEaggregateMaximumBitRateDL": 1000000000, "uEaggregateMaximumBitRateUL": 10000000000}
ARP = {"priorityLevel": 15, "pre-emptionCapability": "shall-not-trigger-pre-emption",
       "pre-emptionVulnerability": "pre-emptable"}
QOS = {"qCI": 9, "allocationRetentionPriority": ARP}
QOS_GBR = {"qCI": 1, "allocationRetentionPriority": ARP,
           "gbrQosInformation": {"e-RAB-MaximumBitrateDL": 128000, "e-RAB-MaximumBitrateUL": 128000,
                                 "e-RAB-GuaranteedBitrateDL": 64000, "e-RAB-GuaranteedBitrateUL": 64000}}
TLA4 = "c0a80a01"
TLA6 = "20010db8000000000000000000000001"
TEID = "00000001"
NAS = "27a1b2c3d4050201d011"
# UERadioAccessCapabilityInformation (TS 36.331, UPER): criticalExtensionsFuture
UERC = "80"
# SourceeNB-ToTargeteNB-TransparentContainer (9.2.1.56) built by hand: RRC
# container 0x80 (HandoverPreparationInformation, criticalExtensionsFuture),
# target cell, one LastVisitedEUTRANCellInformation (small cell, 10 s).
S2T = "000180" "00" "00f110" "00001230" "00" "00f110" "00001230" "80" "000a"
# TargeteNB-ToSourceeNB-TransparentContainer (9.2.1.57): RRC container 0x80
T2S = "000180"
SECCAP = {"encryptionAlgorithms": "e000", "integrityProtectionAlgorithms": "c000"}
KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
CD = {"procedureCode": 9, "triggeringMessage": "initiating-message", "procedureCriticality": "reject",
      "iEsCriticalityDiagnostics": [{"iECriticality": "reject", "iE-ID": 24, "typeOfError": "missing"},
                                    {"iECriticality": "ignore", "iE-ID": 999, "typeOfError": "not-understood"}]}
HRL = {"servingPLMN": PLMN, "equivalentPLMNs": ["00f120"],
       "forbiddenTAs": [{"pLMN-Identity": PLMN, "forbiddenTACs": ["0002", "0003"]}],
       "forbiddenInterRATs": "geran"}
SECCTX = {"nextHopChainingCount": 2, "nextHopParameter": KEY}
ULI = {"eutran-cgi": ECGI, "tai": TAI}
SON = {"targeteNB-ID": {"global-ENB-ID": GENB, "selected-TAI": TAI},
       "sourceeNB-ID": {"global-ENB-ID": GENB_LONG, "selected-TAI": TAI},
       "sONInformation": {"sONInformationReply": {"x2TNLConfigurationInfo": {
           "eNBX2TransportLayerAddresses": [TLA4, TLA6]}}}}
SON_REQ = dict(SON, **{"sONInformation": {"sONInformationRequest": "x2TNL-Configuration-Info"}})
STATUS = {"bearers-SubjectToStatusTransferList": [
    {"id": 89, "criticality": "ignore", "value": {"e-RAB-ID": 5,
        "uL-COUNTvalue": {"pDCP-SN": 1, "hFN": 2}, "dL-COUNTvalue": {"pDCP-SN": 4095, "hFN": 1048575}}}]}

def ie(i, c, v):
    return {"id": i, "criticality": c, "value": v}

def item(i, c, v):
    return [ie(i, c, v)]

MME, ENB = ie(0, "reject", 16777217), ie(8, "reject", 7)
MMEi, ENBi = ie(0, "ignore", 16777217), ie(8, "ignore", 7)
ERAB_CAUSE = {"e-RAB-ID": 6, "cause": {"radioNetwork": "not-supported-QCI-value"}}

# name, pdu, code, criticality, ies
M = [
 ("S1SetupRequest", 0, 17, "reject", [ie(59, "reject", GENB), ie(60, "ignore", "enb-1 (test)"),
   ie(64, "reject", TAS), ie(137, "ignore", "v128")]),
 ("S1SetupResponse", 1, 17, "reject", [ie(61, "ignore", "mme1"), ie(105, "reject", GUMMEIS),
   ie(87, "ignore", 255)]),
 ("S1SetupFailure", 2, 17, "reject", [ie(2, "ignore", {"misc": "unknown-PLMN"}),
   ie(65, "ignore", "v10s"), ie(58, "ignore", CD)]),
 ("InitialUEMessage", 0, 12, "ignore", [ie(8, "reject", 7), ie(26, "reject", NAS), ie(67, "reject", TAI),
   ie(100, "ignore", ECGI), ie(134, "ignore", "mo-Signalling"), ie(96, "reject", STMSI),
   ie(75, "reject", GUMMEI)]),
 ("DownlinkNASTransport", 0, 11, "ignore", [MME, ENB, ie(26, "reject", NAS)]),
 ("UplinkNASTransport", 0, 13, "ignore", [MME, ENB, ie(26, "reject", NAS), ie(100, "ignore", ECGI),
   ie(67, "ignore", TAI)]),
 ("NASNonDeliveryIndication", 0, 16, "ignore", [MME, ENB, ie(26, "ignore", NAS),
   ie(2, "ignore", {"radioNetwork": "x2-handover-triggered"})]),
 ("InitialContextSetupRequest", 0, 9, "reject", [MME, ENB, ie(66, "reject", AMBR),
   ie(24, "reject", item(52, "reject", {"e-RAB-ID": 5, "e-RABlevelQoSParameters": QOS,
      "transportLayerAddress": TLA4 + TLA6, "gTP-TEID": TEID, "nAS-PDU": NAS})),
   ie(107, "reject", SECCAP), ie(73, "reject", KEY), ie(41, "ignore", HRL),
   ie(74, "ignore", UERC), ie(192, "ignore", "35514310ffffff07")]),
 ("InitialContextSetupResponse", 1, 9, "reject", [MMEi, ENBi,
   ie(51, "ignore", item(50, "ignore", {"e-RAB-ID": 5, "transportLayerAddress": TLA4, "gTP-TEID": TEID})),
   ie(48, "ignore", item(35, "ignore", ERAB_CAUSE))]),
 ("InitialContextSetupFailure", 2, 9, "reject", [MMEi, ENBi,
   ie(2, "ignore", {"radioNetwork": "release-due-to-pre-emption"}), ie(58, "ignore", CD)]),
 ("UEContextReleaseRequest", 0, 18, "ignore", [MME, ENB, ie(2, "ignore", {"radioNetwork": "user-inactivity"}),
   ie(164, "reject", "true")]),
 ("UEContextReleaseCommand", 0, 23, "reject", [ie(99, "reject",
   {"uE-S1AP-ID-pair": {"mME-UE-S1AP-ID": 16777217, "eNB-UE-S1AP-ID": 7}}),
   ie(2, "ignore", {"nas": "normal-release"})]),
 ("UEContextReleaseCommand", 0, 23, "reject", [ie(99, "reject", {"mME-UE-S1AP-ID": 4294967295}),
   ie(2, "ignore", {"nas": "csg-subscription-expiry"})]),
 ("UEContextReleaseComplete", 1, 23, "reject", [MMEi, ENBi, ie(189, "ignore", ULI)]),
 ("UEContextModificationRequest", 0, 21, "reject", [MME, ENB, ie(73, "reject", KEY),
   ie(106, "ignore", 256), ie(66, "ignore", AMBR), ie(108, "reject", "cs-fallback-high-priority"),
   ie(107, "reject", SECCAP)]),
 ("UEContextModificationResponse", 1, 21, "reject", [MMEi, ENBi]),
 ("UEContextModificationFailure", 2, 21, "reject", [MMEi, ENBi, ie(2, "ignore", {"transport": "unspecified"})]),
 ("UECapabilityInfoIndication", 0, 22, "ignore", [MME, ENB, ie(74, "ignore", UERC)]),
 ("E-RABSetupRequest", 0, 5, "reject", [MME, ENB, ie(66, "reject", AMBR),
   ie(16, "reject", item(17, "reject", {"e-RAB-ID": 6, "e-RABlevelQoSParameters": QOS_GBR,
      "transportLayerAddress": TLA6, "gTP-TEID": "0000abcd", "nAS-PDU": NAS}))]),
 ("E-RABSetupResponse", 1, 5, "reject", [MMEi, ENBi,
   ie(28, "ignore", item(39, "ignore", {"e-RAB-ID": 6, "transportLayerAddress": TLA6, "gTP-TEID": TEID})),
   ie(29, "ignore", item(35, "ignore", ERAB_CAUSE))]),
 ("E-RABModifyRequest", 0, 6, "reject", [MME, ENB,
   ie(30, "reject", item(36, "reject", {"e-RAB-ID": 6, "e-RABLevelQoSParameters": QOS, "nAS-PDU": NAS}))]),
 ("E-RABModifyResponse", 1, 6, "reject", [MMEi, ENBi,
   ie(31, "ignore", item(37, "ignore", {"e-RAB-ID": 6})), ie(32, "ignore", item(35, "ignore", ERAB_CAUSE))]),
 ("E-RABReleaseCommand", 0, 7, "reject", [MME, ENB,
   ie(33, "ignore", item(35, "ignore", ERAB_CAUSE)), ie(26, "ignore", NAS)]),
 ("E-RABReleaseResponse", 1, 7, "reject", [MMEi, ENBi,
   ie(69, "ignore", item(15, "ignore", {"e-RAB-ID": 6}))]),
 ("E-RABReleaseIndication", 0, 8, "ignore", [MME, ENB, ie(110, "ignore", item(35, "ignore", ERAB_CAUSE))]),
 ("Paging", 0, 10, "ignore", [ie(80, "ignore", {"bits": 10, "hex": "1240"}),
   ie(43, "ignore", {"s-TMSI": STMSI}), ie(44, "ignore", "v128"), ie(109, "ignore", "ps"),
   ie(46, "ignore", [ie(47, "ignore", {"tAI": TAI}), ie(47, "ignore", {"tAI": {"pLMNidentity": PLMN, "tAC": "0002"}})])]),
 ("Paging", 0, 10, "ignore", [ie(80, "ignore", {"bits": 10, "hex": "0040"}),
   ie(43, "ignore", {"iMSI": "00010121436587f9"}), ie(109, "ignore", "cs"),
   ie(46, "ignore", item(47, "ignore", {"tAI": TAI})), ie(151, "ignore", "priolevel3")]),
 ("Reset", 0, 14, "reject", [ie(2, "ignore", {"misc": "om-intervention"}),
   ie(92, "reject", {"s1-Interface": "reset-all"})]),
 ("Reset", 0, 14, "reject", [ie(2, "ignore", {"radioNetwork": "unspecified"}),
   ie(92, "reject", {"partOfS1-Interface": [
      ie(91, "reject", {"mME-UE-S1AP-ID": 16777217, "eNB-UE-S1AP-ID": 7}),
      ie(91, "reject", {"eNB-UE-S1AP-ID": 8})]})]),
 ("ResetAcknowledge", 1, 14, "reject", []),
 ("ResetAcknowledge", 1, 14, "reject", [ie(93, "ignore", [
      ie(91, "ignore", {"mME-UE-S1AP-ID": 16777217, "eNB-UE-S1AP-ID": 7}),
      ie(91, "ignore", {"eNB-UE-S1AP-ID": 8})])]),
 ("ErrorIndication", 0, 15, "ignore", [MMEi, ENBi,
   ie(2, "ignore", {"protocol": "abstract-syntax-error-reject"}), ie(58, "ignore", CD)]),
 ("HandoverRequired", 0, 0, "reject", [MME, ENB, ie(1, "reject", "intralte"),
   ie(2, "ignore", {"radioNetwork": "handover-desirable-for-radio-reason"}),
   ie(4, "reject", {"targeteNB-ID": {"global-ENB-ID": GENB_LONG, "selected-TAI": TAI}}),
   ie(79, "ignore", "directPathAvailable"), ie(104, "reject", S2T)]),
 ("HandoverCommand", 1, 0, "reject", [MME, ENB, ie(1, "reject", "intralte"),
   ie(12, "ignore", item(14, "ignore", {"e-RAB-ID": 5, "dL-transportLayerAddress": TLA4,
      "dL-gTP-TEID": "00000005"})),
   ie(13, "ignore", item(35, "ignore", ERAB_CAUSE)), ie(123, "reject", T2S)]),
 ("HandoverPreparationFailure", 2, 0, "reject", [MMEi, ENBi,
   ie(2, "ignore", {"radioNetwork": "ho-target-not-allowed"})]),
 ("HandoverRequest", 0, 1, "reject", [ie(0, "reject", 16777217), ie(1, "reject", "intralte"),
   ie(2, "ignore", {"radioNetwork": "handover-desirable-for-radio-reason"}), ie(66, "reject", AMBR),
   ie(53, "reject", item(27, "reject", {"e-RAB-ID": 5, "transportLayerAddress": TLA4,
      "gTP-TEID": TEID, "e-RABlevelQosParameters": QOS})),
   ie(104, "reject", S2T), ie(107, "reject", SECCAP), ie(40, "reject", SECCTX)]),
 ("HandoverRequestAcknowledge", 1, 1, "reject", [MMEi, ENBi,
   ie(18, "ignore", item(20, "ignore", {"e-RAB-ID": 5, "transportLayerAddress": TLA4, "gTP-TEID": TEID,
      "dL-transportLayerAddress": TLA4, "dL-gTP-TEID": "00000009"})),
   ie(19, "ignore", item(21, "ignore", ERAB_CAUSE)), ie(123, "reject", T2S)]),
 ("HandoverFailure", 2, 1, "reject", [MMEi, ie(2, "ignore", {"radioNetwork": "cell-not-available"})]),
 ("HandoverNotify", 0, 2, "ignore", [MME, ENB, ie(100, "ignore", ECGI), ie(67, "ignore", TAI)]),
 ("HandoverCancel", 0, 4, "reject", [MME, ENB, ie(2, "ignore", {"radioNetwork": "handover-cancelled"})]),
 ("HandoverCancelAcknowledge", 1, 4, "reject", [MMEi, ENBi]),
 ("PathSwitchRequest", 0, 3, "reject", [ie(8, "reject", 7),
   ie(22, "reject", item(23, "reject", {"e-RAB-ID": 5, "transportLayerAddress": TLA4, "gTP-TEID": TEID})),
   ie(88, "reject", 16777217), ie(100, "ignore", ECGI), ie(67, "ignore", TAI), ie(107, "ignore", SECCAP)]),
 ("PathSwitchRequestAcknowledge", 1, 3, "reject", [MMEi, ENBi, ie(66, "ignore", AMBR),
   ie(95, "ignore", item(94, "ignore", {"e-RAB-ID": 5, "transportLayerAddress": TLA4, "gTP-TEID": TEID})),
   ie(33, "ignore", item(35, "ignore", ERAB_CAUSE)), ie(40, "reject", SECCTX)]),
 ("PathSwitchRequestFailure", 2, 3, "reject", [MMEi, ENBi, ie(2, "ignore", {"misc": "unspecified"})]),
 ("ENBStatusTransfer", 0, 24, "ignore", [MME, ENB, ie(90, "reject", STATUS)]),
 ("MMEStatusTransfer", 0, 25, "ignore", [MME, ENB, ie(90, "reject", STATUS)]),
 ("ENBConfigurationUpdate", 0, 29, "reject", [ie(60, "ignore", "enb-2"), ie(64, "reject", TAS),
   ie(137, "ignore", "v64")]),
 ("ENBConfigurationUpdateAcknowledge", 1, 29, "reject", []),
 ("ENBConfigurationUpdateFailure", 2, 29, "reject", [ie(2, "ignore", {"misc": "unspecified"}),
   ie(65, "ignore", "v60s")]),
 ("MMEConfigurationUpdate", 0, 30, "reject", [ie(61, "ignore", "mme2"), ie(105, "reject", GUMMEIS),
   ie(87, "reject", 10)]),
 ("MMEConfigurationUpdateAcknowledge", 1, 30, "reject", []),
 ("MMEConfigurationUpdateFailure", 2, 30, "reject", [ie(2, "ignore", {"misc": "hardware-failure"}),
   ie(65, "ignore", "v1s")]),
 ("ENBConfigurationTransfer", 0, 40, "ignore", [ie(129, "ignore", SON_REQ)]),
 ("MMEConfigurationTransfer", 0, 41, "ignore", [ie(130, "ignore", SON)]),
]
KINDS = ["initiatingMessage", "successfulOutcome", "unsuccessfulOutcome"]

def run(args, inp=None):
    p = subprocess.run([AGW] + args, input=inp, capture_output=True, text=True)
    if p.returncode:
        sys.exit("FAIL: agwtool %s: %s" % (" ".join(args), p.stderr.strip()))
    return p.stdout

def ids(v, out):
    """every IE id in a JSON tree, in document order (as tshark lists s1ap.id)"""
    if isinstance(v, dict):
        if "id" in v and "criticality" in v:
            out.append(v["id"])
        for k, x in v.items():
            ids(x, out)
    elif isinstance(v, list):
        for x in v:
            ids(x, out)
    return out

msgs = []
for n, (name, kind, code, crit, ies) in enumerate(M):
    j = {"pdu": KINDS[kind], "procedureCode": code, "criticality": crit, "ies": ies}
    hexs = run(["encode", "s1ap"], json.dumps(j)).strip()
    back = json.loads(run(["decode", "s1ap", hexs]))
    if back.get("message") != name:
        sys.exit("FAIL: %s decoded as %s" % (name, back.get("message")))
    again = run(["encode", "s1ap"], json.dumps(back)).strip()
    if again != hexs:
        sys.exit("FAIL: %s: JSON round trip changed the bytes\n  %s\n  %s" % (name, hexs, again))
    msgs.append((name, code, bytes.fromhex(hexs), ids(ies, [])))
    if SAVE:
        with open(os.path.join(SAVE, "%02d-%s.bin" % (n, name)), "wb") as f:
            f.write(bytes.fromhex(hexs))
    print("  %-36s %3d octets  %s" % (name, len(hexs) // 2, hexs[:48] + ("..." if len(hexs) > 48 else "")))

# ---- pcap: IPv4 + SCTP DATA (RFC 9260 3.3.1), PPID 18, LINKTYPE_RAW ----
pcap = os.path.join(TMP, "s1ap.pcap")
pcapgen.write(pcap, [pcapgen.ipv4(132, pcapgen.sctp_data(36412, 18, b, i + 1), i + 1)
                     for i, (_, _, b, _) in enumerate(msgs)], ts0=1700000000)

out = subprocess.run(["tshark", "-r", pcap, "-T", "fields", "-E", "separator=;",
                      "-e", "s1ap.procedureCode", "-e", "s1ap.id"],
                     capture_output=True, text=True, check=True).stdout.splitlines()
bad = 0
for (name, code, _, want), line in zip(msgs, out):
    f = line.split(";")
    got_ids = [int(x) for x in f[1].split(",")] if len(f) > 1 and f[1] else []
    # CriticalityDiagnostics carries a procedureCode too: the first is the PDU's
    if f[0].split(",")[0] != str(code) or got_ids != want:
        print("FAIL: %s: tshark saw procedureCode %s ids %s, we sent %d %s" %
              (name, f[0], got_ids, code, want))
        bad += 1
if len(out) != len(msgs):
    print("FAIL: tshark read %d frames, %d written" % (len(out), len(msgs)))
    bad += 1
verbose = subprocess.run(["tshark", "-r", pcap, "-V"], capture_output=True, text=True).stdout
for word in ("Malformed", "Dissector bug", "Expert Info (Error"):
    if word in verbose:
        i = verbose.index(word)
        print("FAIL: tshark reports %r:\n%s" % (word, verbose[max(0, i - 600):i + 200]))
        bad += 1
if bad:
    sys.exit(1)
print("tshark_s1ap: %d messages, procedure codes and IE ids match, no malformed packets" % len(msgs))
PYEOF

# Large values (X.691 10.9.3.8 fragmented lengths): a UE Capability Info
# Indication whose UERadioCapability (a valid UPER UERadioAccessCapability-
# Information whose only RAT container, of type spare1, is filler) has 16383
# to 60009 octets; Wireshark must find the same value and nothing malformed.
PCAPDIR="$(dirname "$0")" AGWTOOL="$AGWTOOL" TMP="$TMP" python3 - <<'PYEOF'
import json, os, subprocess, sys

sys.path.insert(0, os.environ["PCAPDIR"])
import pcapgen

AGW, TMP = os.environ["AGWTOOL"], os.environ["TMP"]


def uper_octets(bits, data):
    """An unconstrained UPER OCTET STRING: lengths (fragments from 16K) and octets."""
    while True:
        m = min(len(data) // 16384, 4)
        k = m * 16384 if m else len(data)
        if m:
            bits += format(0xc0 | m, "08b")
        elif k < 128:
            bits += format(k, "08b")
        else:
            bits += format(0x8000 | k, "016b")
        bits += "".join(format(b, "08b") for b in data[:k])
        data = data[k:]
        if not m:
            return bits


def octets(bits):
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def rrc_cap(filler):
    # UECapabilityInformation: transaction 0, c1, r8, no extension, 1 container
    # (rat-Type: extension bit 0, spare1 = 7)
    inner = octets(uper_octets("00" + "0" + "000" + "0" + "0001" + "0" + "111",
                               bytes((i * 37 + 11) & 255 for i in range(filler))))
    # UERadioAccessCapabilityInformation: c1, r8, no extension
    return octets(uper_octets("0" + "000" + "0", inner))


frames, sizes = [], []
for filler in (16376, 16377, 16378, 25000, 40000, 60000):
    cap = rrc_cap(filler)
    j = {"pdu": "initiatingMessage", "procedureCode": 22, "criticality": "ignore", "ies": [
        {"id": 0, "criticality": "reject", "value": 1},
        {"id": 8, "criticality": "reject", "value": 2},
        {"id": 74, "criticality": "ignore", "value": cap.hex()}]}
    h = subprocess.run([AGW, "encode", "s1ap"], input=json.dumps(j), capture_output=True,
                       text=True, check=True).stdout.strip()
    back = subprocess.run([AGW, "decode", "s1ap", h], capture_output=True, text=True,
                          check=True).stdout
    again = subprocess.run([AGW, "encode", "s1ap"], input=back, capture_output=True,
                           text=True, check=True).stdout.strip()
    if again != h:
        sys.exit("FAIL: a %d-octet capability changed in the JSON round trip" % len(cap))
    frames.append(pcapgen.ipv4(132, pcapgen.sctp_data(36412, 18, bytes.fromhex(h),
                                                      len(frames) + 1), len(frames) + 1))
    sizes.append(len(cap))
pcap = os.path.join(TMP, "big.pcap")
pcapgen.write(pcap, frames)
got = subprocess.run(["tshark", "-r", pcap, "-T", "fields", "-e", "s1ap.UERadioCapability"],
                     capture_output=True, text=True, check=True).stdout.split()
verbose = subprocess.run(["tshark", "-r", pcap, "-V"], capture_output=True, text=True).stdout
if [len(g) // 2 for g in got] != sizes or "Malformed" in verbose or "Expert Info (Error" in verbose:
    sys.exit("FAIL: tshark saw UERadioCapability sizes %s, we sent %s (or malformed)" %
             ([len(g) // 2 for g in got], sizes))
print("tshark_s1ap: UERadioCapability of %s octets decoded, nothing malformed" % sizes)
PYEOF
