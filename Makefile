# Thin front door: installs Debian packages when missing, then drives CMake.
#   make          build ./build/medsec
#   make test     every test, in a normal and an ASan+UBSan build
#   make demo     the whole job on the sample hospital in examples/
#   make fuzz     libFuzzer runs (FUZZ_SECONDS each, default 60)
#   make bench    benchmarks under bench/
JOBS ?= $(shell nproc)
BUILD ?= build
FUZZ_SECONDS ?= 60

.PHONY: all build build-bench test demo fuzz bench clean deps

all: build

deps:
	@tools/deps.sh build

# Tests are configured only by `make test`: the program and its benchmarks need none of
# the test-only packages (tools/check-build-deps.sh proves it in CI).
build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEDSEC_TESTS=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-bench: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEDSEC_TESTS=OFF \
		-DMEDSEC_BENCH=ON >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test:
	@tools/deps.sh test
	@cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEDSEC_TESTS=ON >/dev/null
	@cmake --build build -j $(JOBS)
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DMEDSEC_SANITIZE=ON -DMEDSEC_TESTS=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@echo "== tests (release build)"
	@cd build && ctest --output-on-failure -j $(JOBS)
	@echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		ctest --output-on-failure -j $(JOBS)

demo: build
	@tools/deps.sh demo
	@sh examples/demo.sh build/medsec

fuzz:
	@tools/deps.sh fuzz
	@CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DMEDSEC_SANITIZE=ON \
		-DMEDSEC_FUZZ=ON -DMEDSEC_TESTS=OFF >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@for t in $$(ls tests/fuzz/corpora); do \
		mkdir -p fuzz-out/$$t; \
		echo "== fuzz_$$t for $(FUZZ_SECONDS)s"; \
		build-fuzz/tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=262144 \
			-timeout=10 -rss_limit_mb=4096 fuzz-out/$$t tests/fuzz/corpora/$$t || exit 1; \
	done

bench: build-bench
	@tools/deps.sh bench
	@sh bench/intake.sh build/medsec
	@sh bench/scan.sh build/medsec
	@sh bench/vulndb.sh build/medsec build/bench/vulndb_bench
	@sh bench/probe.sh build/medsec
	@sh bench/report.sh build/medsec

clean:
	rm -rf build build-asan build-fuzz fuzz-out demo-out
