#!/bin/sh
# agwtool crypto commands against published test data (the same sets as
# the unit tests: TS 35.208 Milenage, TS 33.401 Annex C EEA/EIA, ETSI/SAGE
# EEA3/EIA3 Document 3, OpenAirInterface KDF cross-check values), NH and
# KeNB* against an independent HMAC-SHA-256 in python3, and bad input:
# exit status 1 with "agwtool: ..." on stderr.
# Run from the repo top with ${BUILD:-build}/bin on PATH.  77 = skipped.
set -eu

BUILD=${BUILD:-build}
PATH=$BUILD/bin:$PATH
command -v agwtool >/dev/null 2>&1 || { echo "agwtool not built: skip"; exit 77; }
command -v jq >/dev/null 2>&1 || { echo "jq missing: skip"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skip"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0

# expect NAME FIELD=VALUE... -- agwtool ARGS: run, compare JSON fields
expect() {
	name=$1
	shift
	checks=""
	while [ "$1" != "--" ]; do
		checks="$checks $1"
		shift
	done
	shift
	n=$((n + 1))
	if ! agwtool "$@" >"$tmp/out" 2>"$tmp/err"; then
		echo "FAIL $name: exit status $? ($(cat "$tmp/err"))"
		fail=1
		return
	fi
	for c in $checks; do
		field=${c%%=*}
		want=${c#*=}
		got=$(jq -r ".$field" <"$tmp/out")
		if [ "$got" != "$want" ]; then
			echo "FAIL $name: $field = $got, want $want"
			fail=1
		fi
	done
}

# reject NAME -- agwtool ARGS: must exit 1 with "agwtool: " on stderr, no stdout
reject() {
	name=$1
	shift 2
	n=$((n + 1))
	rc=0
	agwtool "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	if [ "$rc" != 1 ] || ! grep -q '^agwtool: ' "$tmp/err" || [ -s "$tmp/out" ]; then
		echo "FAIL $name: exit $rc, stderr '$(cat "$tmp/err")'"
		fail=1
	fi
}

# hmac256 KEYHEX SHEX: reference TS 33.220 B.2 KDF output
hmac256() {
	python3 -c 'import hmac, hashlib, sys
print(hmac.new(bytes.fromhex(sys.argv[1]), bytes.fromhex(sys.argv[2]), hashlib.sha256).hexdigest())' "$1" "$2"
}

# --- Milenage: TS 35.208 4.3.3 (from OP) and 4.3.20 (from OPc)
expect "milenage 35.208 set 3" opc=1006020f0a478bf6b699f15c062e42b3 mac_a=9cabc3e99baf7281 \
	mac_s=95814ba2b3044324 res=8011c48c0c214ed2 ck=5dbdbb2954e8f3cde665b046179a5098 \
	ik=59a92d3b476a0443487055cf88b2307b ak=33484dc2136b ak_star=deacdd848cc6 -- \
	milenage --k fec86ba6eb707ed08905757b1bb44b8f --op dbc59adcb6f9a0ef735477b7fadf8374 \
	--rand 9f7c8d021accf4db213ccff0c7f71a6a --sqn 9d0277595ffc --amf 725c
expect "milenage 35.208 set 20" opc=cb9cccc4b9258e6dca4760379fb82581 mac_a=09db94eab4f8149e \
	mac_s=a29468aa9775b527 res=a95100e2760952cd ck=b5f2da03883b69f96bf52e029ed9ac45 \
	ik=b4721368bc16ea67875c5598688bb0ef ak=83cfd54db913 ak_star=4f2039392ddc -- \
	milenage --k 90dca4eda45b53cf0f12d7c9c3bc6a89 --opc cb9cccc4b9258e6dca4760379fb82581 \
	--rand 9fddc72092c6ad036b6e464789315b78 --sqn 20f813bd4141 --amf 61df

# --- EPS AKA vector: set 1 values, SN id 02 48 30 (OAI KASME cross-check)
expect "aka vector" xres=a54211d5e3ba50bf autn=55f328b43577b9b94a9ffac354dfafb3 plmn=024830 \
	kasme=564cb4d2007e4f293b67d9b29392a64add4c776b133d895af6499aa6882aab62 -- \
	aka --k 465b5ce8b199b49faa5f0a2ee238a6bc --op cdc202d5123e20f62b6d676ac72cb318 \
	--rand 23553cbe9637a89d218ae64dae47bf35 --sqn ff9bb4d0b607 --amf b9b9 --plmn 208034

# --- re-synchronisation: hostap AUTS for the set 20 keys -> SQN_MS 1
expect "aka-resync" sqn_ms=000000000001 sqn_next=000000000022 -- \
	aka-resync --k 90dca4eda45b53cf0f12d7c9c3bc6a89 --opc cb9cccc4b9258e6dca4760379fb82581 \
	--rand 9fddc72092c6ad036b6e464789315b78 --auts 4f2039392ddd4bb4316ed4a14688

# --- KDF (TS 33.401 A.2, A.3, A.7): OAI cross-check values
expect "kdf kasme" key=bd7a0903a7d0f68767ee2f5c90cb7d7d835998d940afdbf73173e63567c5b894 -- \
	kdf kasme --ck b40ba9a3c58b2a05bbf0d987b21bf8cb --ik f769bcd751044604127672711c6d3441 \
	--sqn-xor-ak 57e673245c0d --plmn 20834
expect "kdf kenb" key=158781a2fdf2ce53abfa186d22eb751decb8273471dc792b5016c9016947d1ae -- \
	kdf kenb --kasme 70d7071aa016a087f9d888ad51f3a83e2c83443ab27843b35bd1b4923615091c --count 0xaabbccdd
expect "kdf nas enc" key=9e59ed7564879150f6bb0daef5932e89 -- \
	kdf nas --kasme 70d7071aa016a087f9d888ad51f3a83e2c83443ab27843b35bd1b4923615091c --enc --alg 1
expect "kdf nas int" key=1a4329fd23fd3a93c9d2d92d853ec9db -- \
	kdf nas --kasme 70d7071aa016a087f9d888ad51f3a83e2c83443ab27843b35bd1b4923615091c --int --alg 2

# --- A.4, A.5, A.7 (RRC/UP) against python's HMAC over S written out here
K=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
S=ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100
expect "kdf nh" key=$(hmac256 $K "12${S}0020") -- kdf nh --kasme $K --sync $S
expect "kdf kenb-star 2-octet EARFCN" key=$(hmac256 $K "1301f700020c1c0002") -- \
	kdf kenb-star --kenb $K --pci 503 --earfcn 3100
expect "kdf kenb-star 3-octet EARFCN" key=$(hmac256 $K "13000100020104 1a0003" | tr -d ' ') -- \
	kdf kenb-star --kenb $K --pci 1 --earfcn 66586
full=$(hmac256 $K "150300010200 01" | tr -d ' ')
expect "kdf rrc enc" key=$(echo "$full" | cut -c33-64) -- kdf rrc --kenb $K --enc --alg 2
full=$(hmac256 $K "15060001030001")
expect "kdf up int" key=$(echo "$full" | cut -c33-64) -- kdf up --kenb $K --int --alg 3

# --- ciphering, non byte aligned lengths (bits past LENGTH come out zero)
expect "eea1 33.401 C set 3 (310 bits)" \
	output=48148e5452a210c05f46bc80dc6f73495b02048c1b958b026102ca97280279a4c18d2ee308921c -- \
	eea 1 --key 0a8b6bd8d9b08b08d64e32d1817777fb --count 0x544d49cd --bearer 4 --direction 0 \
	--message fd40a41d370a1f65745095687d47ba1d36d2349e23f644392c8ea9c49d40c13271aff264d0f248 --bits 310
expect "eea2 33.401 C.1.1 (253 bits)" \
	output=e9fed8a63d155304d71df20bf3e82214b20ed7dad2f233dc3c22d7bdeeed8e78 -- \
	eea 2 --key d3c5d592327fb11c4035c6680af8c6d1 --count 0x398a59b4 --bearer 0x15 --direction 1 \
	--message 981ba6824c1bfb1ab485472029b71d808ce33e2cc3c0b5fc1f3de8a6dc66b1f0 --bits 253
expect "eea3 Document 3 set 1 (193 bits)" \
	output=a6c85fc66afb8533aafc2518dfe784940ee1e4b030238cc800 -- \
	eea 3 --key 173d14ba5003731d7a60049470f00a29 --count 0x66035492 --bearer 15 --direction 0 \
	--message 6cf65340735552ab0c9752fa6f9025fe0bd675d9005875b200 --bits 193
expect "eea0 (12 bits)" output=abc0 -- \
	eea 0 --key 00000000000000000000000000000000 --count 0 --bearer 0 --direction 0 --message abcd --bits 12

# --- integrity
expect "eia1 33.401 C.4 set 1" mac=731f1165 -- \
	eia 1 --key 2bd6459f82c5b300952c49104881ff48 --count 0x38a6f056 --bearer 0x1f --direction 0 \
	--message 33323462633938613734790000000000 --bits 88
expect "eia2 33.401 C.2.1 (58 bits)" mac=118c6eb8 -- \
	eia 2 --key 2bd6459f82c5b300952c49104881ff48 --count 0x38a6f056 --bearer 0x18 --direction 0 \
	--message 3332346263393840 --bits 58
expect "eia2 33.401 C.2.2" mac=b93787e6 -- \
	eia 2 --key d3c5d592327fb11c4035c6680af8c6d1 --count 0x398a59b4 --bearer 0x1a --direction 1 \
	--message 484583d5afe082ae
expect "eia3 Document 3 set 2 (90 bits)" mac=6719a088 -- \
	eia 3 --key 47054125561eb2dda94059da05097850 --count 0x561eb2dd --bearer 0x14 --direction 0 \
	--message 000000000000000000000000 --bits 90
expect "eia0" mac=00000000 -- \
	eia 0 --key 00000000000000000000000000000000 --count 1 --bearer 1 --direction 1 --message 01

# --- bad input
K16=465b5ce8b199b49faa5f0a2ee238a6bc
R16=23553cbe9637a89d218ae64dae47bf35
reject "milenage short K" -- milenage --k 465b --opc $K16 --rand $R16 --sqn ff9bb4d0b607 --amf b9b9
reject "milenage not hex" -- milenage --k zz5b5ce8b199b49faa5f0a2ee238a6bc --opc $K16 --rand $R16 --sqn ff9bb4d0b607 --amf b9b9
reject "milenage op and opc" -- milenage --k $K16 --op $K16 --opc $K16 --rand $R16 --sqn ff9bb4d0b607 --amf b9b9
reject "milenage no op" -- milenage --k $K16 --rand $R16 --sqn ff9bb4d0b607 --amf b9b9
reject "milenage unknown option" -- milenage --k $K16 --opc $K16 --rand $R16 --sqn ff9bb4d0b607 --amf b9b9 --x 1
reject "milenage missing value" -- milenage --k $K16 --opc $K16 --rand $R16 --sqn ff9bb4d0b607 --amf
reject "aka bad plmn" -- aka --k $K16 --opc $K16 --rand $R16 --sqn ff9bb4d0b607 --amf 8000 --plmn 0010
reject "aka-resync bad MAC-S" -- aka-resync --k 90dca4eda45b53cf0f12d7c9c3bc6a89 \
	--opc cb9cccc4b9258e6dca4760379fb82581 --rand 9fddc72092c6ad036b6e464789315b78 \
	--auts 4f2039392ddd4bb4316ed4a14689
reject "kdf unknown" -- kdf kseaf --kasme $K
reject "kdf nas enc and int" -- kdf nas --kasme $K --enc --int --alg 1
reject "kdf kenb-star pci" -- kdf kenb-star --kenb $K --pci 504 --earfcn 1
reject "kdf kenb-star earfcn" -- kdf kenb-star --kenb $K --pci 1 --earfcn 262144
reject "kdf kenb count" -- kdf kenb --kasme $K --count 0x100000000
reject "eea alg 4" -- eea 4 --key $K16 --count 0 --bearer 0 --direction 0 --message 00
reject "eea bits too long" -- eea 2 --key $K16 --count 0 --bearer 0 --direction 0 --message 00 --bits 9
reject "eia bearer 32" -- eia 2 --key $K16 --count 0 --bearer 32 --direction 0 --message 00
reject "eia direction 2" -- eia 2 --key $K16 --count 0 --bearer 1 --direction 2 --message 00
reject "eia negative count" -- eia 2 --key $K16 --count -1 --bearer 1 --direction 0 --message 00
reject "eia odd hex" -- eia 1 --key $K16 --count 0 --bearer 1 --direction 0 --message 123

[ "$fail" = 0 ] && echo "agwtool_crypto: $n checks passed"
exit "$fail"
