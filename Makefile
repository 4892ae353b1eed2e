# budgetspor: the two commands are `make run` and `make test` (see README.md).
BUILD ?= build
DB ?= data/budgetspor.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: deps build run demo test bench clean

deps:
	bash scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

# Creates and loads the demo database on first run, then serves it.
run: build
	mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then $(BUILD)/src/budgetspor demo --db $(DB); fi
	$(BUILD)/src/budgetspor serve --db $(DB) --listen $(LISTEN)

demo: build
	mkdir -p $(dir $(DB))
	$(BUILD)/src/budgetspor demo --db $(DB)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	bash bench/plan-pages.sh

clean:
	rm -rf $(BUILD)
