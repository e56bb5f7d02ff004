# Capacity Tracker — the two commands:
#   make run    build everything from nothing and start the host with demo data
#   make test   run every test of every layer (stops at the first failing layer)
# and: make build | make header | make clean

SHELL := /bin/bash
MVN ?= mvn -B -q -ntp
PORT ?= 2990
DATA_DIR ?= ./.data
HOST_JAR := java-bridge/host/target/capacity-host.jar
# The plugin for Jira 10.3 LTS (Platform 7: Java 17, javax) and for Jira 11 (Platform 8:
# Java 21, Jakarta), both from java-bridge/plugin's sources. PLUGIN_JAR is the one `run` loads.
PLUGIN_JAR_10 := java-bridge/plugin/target/capacity-tracker-jira10-0.1.0.jar
PLUGIN_JAR_11 := java-bridge/plugin-jira11/target/capacity-tracker-jira11-0.1.0.jar
PLUGIN_JAR := $(PLUGIN_JAR_10)
# The Jira 11 jar is compiled (release 21) and tested with a JDK 21+, found, not hard-coded.
JDK21_HOME = $(shell scripts/find-jdk.sh 21)

.PHONY: run build native java test deps header clean

## Build the Rust release libraries, the plugin jar (native library inside) and the host.
build: native java

# The whole workspace, as tests/c builds it: a subset would resolve features differently
# and rebuild the libraries every time the two alternate.
native:
	cargo build --release --locked

java: native
	jdk21="$(JDK21_HOME)"; [ -n "$$jdk21" ] || { echo "make: the Jira 11 jar needs a JDK 21 or newer (scripts/find-jdk.sh 21 found none)" >&2; exit 1; }; \
	$(MVN) -f java-bridge/pom.xml install -DskipTests -Djdk21.home="$$jdk21"

## Start the Jira-compatible host with demo data on http://localhost:$(PORT)/jira (Ctrl-C stops it).
run: build
	java -jar $(HOST_JAR) --plugin $(PLUGIN_JAR) --port $(PORT) --data-dir $(DATA_DIR) $(ARGS)

## Install what the tests need on a fresh machine (Debian chromium, the e2e npm packages).
deps:
	scripts/install-test-deps.sh

## Every test of every layer, with a summary line per layer.
test: deps
	scripts/test-all.sh

## Regenerate include/capacity_tracker.h after changing ffi/src.
header:
	ffi/header.sh --write

clean:
	cargo clean
	$(MVN) -f java-bridge/pom.xml clean

.PHONY: fuzz
## Fuzz every C ABI entry point for FUZZ_SECONDS (default 60) each; scripts/fuzz.sh --help.
fuzz:
	scripts/fuzz.sh

.PHONY: bench
## Time W1 and W2 through the core, the C ABI with JSON and the bulk C ABI, with peak memory
## and the memory-bandwidth floor (README.md, "Performance"); about five minutes.
bench:
	cargo bench --locked -p capacity-ffi --bench abi
