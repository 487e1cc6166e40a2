# Top-level entry point: all, module, userspace, check, unit-check, vm-check,
# fuzz, fuzz-check, demo, install-deps, clean.  See README and
# Documentation/testing.md.

BUILD    ?= build
KVER     ?= $(patsubst /usr/src/linux-headers-%,%,$(lastword $(sort $(wildcard /usr/src/linux-headers-*-amd64))))
KDIR     ?= /usr/src/linux-headers-$(KVER)
V        ?= 0

.PHONY: all module userspace check unit-check vm-check e2e-check fuzz fuzz-check demo \
	install-deps clean sparse bench-codecs bench-datapath \
	bench-attach bench-diameter proto-keys

all: module userspace

# ---------------------------------------------------------------- kernel ---
# C=1 runs sparse over the module (make C=1).
module:
	@test -d "$(KDIR)" || { echo "No kernel headers: run scripts/install-deps or pass KDIR=" >&2; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 $(if $(C),C=$(C)) modules
	@mkdir -p $(BUILD)/module && cp kernel/gtpu.ko $(BUILD)/module/

sparse:
	$(MAKE) module C=2

# ------------------------------------------------------------- userspace ---
include userspace/build.mk

# ----------------------------------------------------------------- tests ---
# `make check` is the README's test command: it installs what is missing,
# builds everything, runs the host unit tests (ASan/UBSan), a bounded fuzz
# pass and the QEMU selftests, and prints one summary line.
check:
	scripts/check

unit-check: $(BUILD)/bin/unit-tests
	$(BUILD)/bin/unit-tests

vm-check:
	scripts/vm-check kernel

e2e-check:
	scripts/vm-check e2e

bench-codecs: $(BUILD)/bench/bench_codecs
	BUILD=$(BUILD) tests/bench/run-codecs

# Datapath benchmark in one QEMU guest (Documentation/performance.md);
# DP_ARGS passes options, e.g. make bench-datapath DP_ARGS=--quick
bench-datapath: module $(BUILD)/bin/gtpuctl $(BUILD)/bin/dpbench
	BUILD=$(BUILD) tests/bench/bench-datapath $(DP_ARGS)

# Attach benchmark in one QEMU guest (Documentation/performance.md);
# ATTACH_ARGS passes options, e.g. make bench-attach ATTACH_ARGS="--ues 5000 --rate 100"
bench-attach: module userspace
	BUILD=$(BUILD) tests/bench/bench-attach $(ATTACH_ARGS)

# Diameter stack rate on the host (Documentation/performance.md);
# DIA_ARGS="COUNT CONCURRENCY ROUNDS"
bench-diameter: $(BUILD)/bin/diamsim
	BUILD=$(BUILD) tests/bench/bench-diameter $(DIA_ARGS)

demo:
	scripts/demo

install-deps:
	scripts/install-deps

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR) clean >/dev/null 2>&1
	rm -rf $(BUILD)
