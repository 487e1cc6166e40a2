# Userspace build, included by the top-level Makefile.
#
# Layout (see ../shared/ARCHITECTURE.md):
#   userspace/lib       -> libagwbase.a    (event loop, logging, buffers, config)
#   userspace/proto     -> libagwproto.a   (codecs, no I/O)
#   userspace/crypto    -> libagwcrypto.a  (Milenage, KDF, EEA/EIA)
#   userspace/gtpnl     -> libgtpnl.a      (netlink client for the gtpu family)
#   userspace/diameter  -> libagwdiameter.a (Diameter peers: RFC 6733/3539 on lib/evloop)
#   userspace/tools/X/  -> build/bin/X     (one program per directory)
#   userspace/agwd/**   -> build/bin/agwd
#   tests/unit/*.c      -> build/bin/unit-tests (CUnit, built with ASan+UBSan)
#   tests/fuzz/fuzz_*.c -> build/fuzz/fuzz_*    (clang libFuzzer, ASan+UBSan)
#
# Every source directory is globbed, so adding a file needs no edit here.

CC       ?= gcc
CLANG    ?= clang
PKGS     := libmnl json-c openssl cunit
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs libmnl json-c openssl 2>/dev/null)
CUNIT_LIBS := $(shell pkg-config --libs cunit 2>/dev/null)
SCTP_LIBS  := -lsctp

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	    -Wno-unused-parameter -Wformat=2 -Wvla
CPPFLAGS += -D_GNU_SOURCE -Iinclude/uapi -Iuserspace $(PKG_CFLAGS)
CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 $(WARN) -fno-strict-aliasing -MMD -MP
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -O1 -g

LIBDIRS  ?= lib proto crypto gtpnl diameter
src_of    = $(sort $(wildcard userspace/$(1)/*.c))

# obj_of(variant, sources)
obj_of    = $(patsubst %.c,$(BUILD)/$(1)/%.o,$(2))

# ---- normal variant
define lib_rules
$(BUILD)/lib/libagw$(1).a: $(call obj_of,obj,$(call src_of,$(1)))
	@mkdir -p $$(@D)
	$$(if $$(filter 0,$(V)),@echo "  AR      $$@";) rm -f $$@; $(AR) rcs $$@ $$^ $$(if $$^,,/dev/null)
$(BUILD)/lib-san/libagw$(1).a: $(call obj_of,obj-san,$(call src_of,$(1)))
	@mkdir -p $$(@D)
	@rm -f $$@; $(AR) rcs $$@ $$^
$(BUILD)/lib-fuzz/libagw$(1).a: $(call obj_of,obj-fuzz,$(call src_of,$(1)))
	@mkdir -p $$(@D)
	@rm -f $$@; $(AR) rcs $$@ $$^
endef
$(foreach d,$(LIBDIRS),$(eval $(call lib_rules,$(d))))

# Link order: dependents first (diameter on proto; gtpnl, crypto, proto on lib).
# LIBDIRS and UNIT_SRCS may be narrowed on the command line to build a part
# of the tree (make BUILD=build/x LIBDIRS="lib crypto" UNIT_SRCS="...").
LINK_ORDER     := gtpnl diameter proto crypto lib
LINK_DIRS       = $(foreach d,$(LINK_ORDER),$(if $(filter $(d),$(LIBDIRS)),$(if $(call src_of,$(d)),$(d))))
LINK_LIBS       = $(foreach d,$(LINK_DIRS),$(BUILD)/lib/libagw$(d).a)
LINK_LIBS_SAN   = $(foreach d,$(LINK_DIRS),$(BUILD)/lib-san/libagw$(d).a)
LINK_LIBS_FUZZ  = $(foreach d,$(LINK_DIRS),$(BUILD)/lib-fuzz/libagw$(d).a)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  CC      $<";) $(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj-san/%.o: %.c
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  CC-SAN  $<";) $(CC) $(CPPFLAGS) $(CFLAGS) $(SANFLAGS) -c -o $@ $<

$(BUILD)/obj-fuzz/%.o: %.c
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  CC-FUZZ $<";) $(CLANG) $(CPPFLAGS) -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter $(FUZZFLAGS) -MMD -MP -c -o $@ $<

# ---- programs: one per directory under userspace/tools, plus daemons
TOOLS    := $(notdir $(patsubst %/,%,$(sort $(dir $(wildcard userspace/tools/*/*.c)))))
DAEMONS  := $(notdir $(patsubst %/,%,$(sort $(dir $(wildcard userspace/agwd/*.c userspace/magmad/*.c userspace/orc8rd/*.c)))))
PROGS    := $(addprefix $(BUILD)/bin/,$(TOOLS) $(DAEMONS))

define prog_rules
$(BUILD)/bin/$(1): $(call obj_of,obj,$(2)) $$(LINK_LIBS)
	@mkdir -p $$(@D)
	$$(if $$(filter 0,$(V)),@echo "  LD      $$@";) $(CC) $(CFLAGS) -o $$@ $(call obj_of,obj,$(2)) $$(LINK_LIBS) $(PKG_LIBS) $(SCTP_LIBS) -lsqlite3 -lm
endef
$(foreach t,$(TOOLS),$(eval $(call prog_rules,$(t),$(sort $(wildcard userspace/tools/$(t)/*.c)))))
# A daemon's modules (everything but its main.c) also form a library,
# build/lib*/libd<name>.a, so the unit tests can link them.
daemon_mods = $(filter-out userspace/$(1)/main.c,$(sort $(wildcard userspace/$(1)/*.c userspace/$(1)/*/*.c)))
define daemon_rules
$(BUILD)/lib/libd$(1).a: $(call obj_of,obj,$(call daemon_mods,$(1)))
	@mkdir -p $$(@D)
	@rm -f $$@; $(AR) rcs $$@ $$^
$(BUILD)/lib-san/libd$(1).a: $(call obj_of,obj-san,$(call daemon_mods,$(1)))
	@mkdir -p $$(@D)
	@rm -f $$@; $(AR) rcs $$@ $$^
$(BUILD)/lib-fuzz/libd$(1).a: $(call obj_of,obj-fuzz,$(call daemon_mods,$(1)))
	@mkdir -p $$(@D)
	@rm -f $$@; $(AR) rcs $$@ $$^
$(BUILD)/bin/$(1): $(BUILD)/obj/userspace/$(1)/main.o $(BUILD)/lib/libd$(1).a $$(LINK_LIBS)
	@mkdir -p $$(@D)
	$$(if $$(filter 0,$(V)),@echo "  LD      $$@";) $(CC) $(CFLAGS) -o $$@ $$< $(BUILD)/lib/libd$(1).a $$(LINK_LIBS) $(PKG_LIBS) $(SCTP_LIBS) -lsqlite3 -lm
endef
$(foreach t,$(DAEMONS),$(eval $(call daemon_rules,$(t))))
DAEMON_LIBS_SAN = $(foreach t,$(DAEMONS),$(BUILD)/lib-san/libd$(t).a)

# ---- test helper programs that run inside the VM (tests/kernel/*.c, one each)
KTEST_SRCS := $(sort $(wildcard tests/kernel/*.c))
KTEST_BINS := $(patsubst tests/kernel/%.c,$(BUILD)/bin/%,$(KTEST_SRCS))
$(BUILD)/bin/%: $(BUILD)/obj/tests/kernel/%.o $(LINK_LIBS)
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  LD      $@";) $(CC) $(CFLAGS) -o $@ $< $(LINK_LIBS) $(PKG_LIBS) -lm

# ---- datapath benchmark tools (tests/bench/datapath/*.c -> one program, dpbench)
DPBENCH_SRCS := $(sort $(wildcard tests/bench/datapath/*.c))
$(BUILD)/bin/dpbench: $(call obj_of,obj,$(DPBENCH_SRCS))
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  LD      $@";) $(CC) $(CFLAGS) -o $@ $^ $(shell pkg-config --libs libmnl)

# ---- unit tests (CUnit, sanitizers)
UNIT_SRCS ?= $(sort $(wildcard tests/unit/*.c))
UNIT_DAEMON_LIBS = $(if $(filter tests/unit/test_agwd_%,$(UNIT_SRCS)),$(BUILD)/lib-san/libdagwd.a)
$(BUILD)/bin/unit-tests: $(call obj_of,obj-san,$(UNIT_SRCS)) $(UNIT_DAEMON_LIBS) $(LINK_LIBS_SAN)
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  LD      $@";) $(CC) $(CFLAGS) $(SANFLAGS) -o $@ $(call obj_of,obj-san,$(UNIT_SRCS)) $(UNIT_DAEMON_LIBS) $(LINK_LIBS_SAN) $(PKG_LIBS) $(CUNIT_LIBS) $(SCTP_LIBS) -lsqlite3 -lm

# ---- fuzz targets (clang)
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRCS))
# fuzz_agwd_* targets also link agwd's modules
$(BUILD)/fuzz/fuzz_agwd_%: $(BUILD)/obj-fuzz/tests/fuzz/fuzz_agwd_%.o $(BUILD)/lib-fuzz/libdagwd.a $(LINK_LIBS_FUZZ)
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  LD-FUZZ $@";) $(CLANG) -fsanitize=fuzzer,address,undefined -o $@ $< $(BUILD)/lib-fuzz/libdagwd.a $(LINK_LIBS_FUZZ) $(PKG_LIBS) $(SCTP_LIBS) -lsqlite3 -lm
$(BUILD)/fuzz/%: $(BUILD)/obj-fuzz/tests/fuzz/%.o $(LINK_LIBS_FUZZ)
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  LD-FUZZ $@";) $(CLANG) -fsanitize=fuzzer,address,undefined -o $@ $< $(LINK_LIBS_FUZZ) $(PKG_LIBS) $(SCTP_LIBS) -lm

# ---- benchmarks: tests/bench/bench_X.c -> $(BUILD)/bench/bench_X, -O2, linked with
# tests/bench/X_*.c (its cases) and tests/bench/lib_*.c (the shared harness)
define bench_rules
$(BUILD)/bench/bench_$(1): CFLAGS += -O2
$(BUILD)/bench/bench_$(1): $(call obj_of,obj,tests/bench/bench_$(1).c $(sort $(wildcard tests/bench/$(1)_*.c tests/bench/lib_*.c))) $$(LINK_LIBS)
	@mkdir -p $$(@D)
	$$(if $$(filter 0,$(V)),@echo "  LD      $$@";) $$(CC) $$(CFLAGS) -o $$@ $$(filter %.o,$$^) $$(LINK_LIBS) $(PKG_LIBS) -lm
endef
$(foreach b,$(patsubst tests/bench/bench_%.c,%,$(wildcard tests/bench/bench_*.c)),$(eval $(call bench_rules,$(b))))

# ---- the compile-time protocol keys (scripts/gen-proto-keys.c): `make proto-keys`
# rewrites userspace/proto/{nas,s1ap}_keys.h from the codec tables
$(BUILD)/bin/gen-proto-keys: $(BUILD)/obj/scripts/gen-proto-keys.o $(LINK_LIBS)
	@mkdir -p $(@D)
	$(if $(filter 0,$(V)),@echo "  LD      $@";) $(CC) $(CFLAGS) -o $@ $< $(LINK_LIBS) $(PKG_LIBS) -lm
proto-keys: $(BUILD)/bin/gen-proto-keys
	$(BUILD)/bin/gen-proto-keys userspace/proto

userspace: $(PROGS) $(KTEST_BINS) $(BUILD)/bin/gen-proto-keys
fuzz: $(FUZZ_BINS)
fuzz-check: $(FUZZ_BINS)
	@for f in $(FUZZ_BINS); do scripts/fuzz-run $$f $${FUZZ_SECONDS:-20} || exit 1; done

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
