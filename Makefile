# The two commands of the README:
#   make demo   installs what is missing, builds, creates the demo workspace and tours it
#   make test   installs what is missing, builds, runs every test through ctest
# Other targets: build, bench, asan (tests under AddressSanitizer/UBSan), clean.
PRESET ?= default
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)
DEMO_WORKSPACE ?= demo-workspace
TAFKIK := $(BUILD_DIR)/src/cli/tafkik

.PHONY: deps build test demo bench asan clean

deps:
	@scripts/install-deps

build: deps
	cmake --preset $(PRESET) >/dev/null
	cmake --build --preset $(PRESET) -j $(JOBS)

test: build
	ctest --preset $(PRESET) -j $(JOBS) --label-exclude manual

demo: build
	@scripts/demo $(TAFKIK) $(DEMO_WORKSPACE)

bench: build
	@scripts/bench $(BUILD_DIR)

asan:
	$(MAKE) test PRESET=asan

clean:
	rm -rf build
