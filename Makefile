# Capacity Tracker — the two commands:
#   make run    build everything from nothing and start the host with demo data
#               (Jira 10.3 mode; `make run JIRA=11` for Jira 11 mode on a JDK 21+)
#   make test   run every test of every layer (stops at the first failing layer)
# and: make build | make header | make clean

SHELL := /bin/bash
MVN ?= mvn -B -q -ntp
PORT ?= 2990
DATA_DIR ?= ./.data
# Which Jira the host emulates: 10 (Jira 10.3 LTS, Platform 7) or 11 (Jira 11, Platform 8).
JIRA ?= 10
# The plugin for Jira 10.3 LTS (Platform 7: Java 17, javax) and for Jira 11 (Platform 8:
# Java 21, Jakarta), both from java-bridge/plugin's sources; a host for each.
PLUGIN_JAR_10 := java-bridge/plugin/target/capacity-tracker-jira10-0.1.0.jar
PLUGIN_JAR_11 := java-bridge/plugin-jira11/target/capacity-tracker-jira11-0.1.0.jar
HOST_JAR_10 := java-bridge/host/target/capacity-host-jira10.jar
HOST_JAR_11 := java-bridge/host-jira11/target/capacity-host-jira11.jar
PLUGIN_JAR = $(PLUGIN_JAR_$(JIRA))
# The example plugin that calls Capacity Tracker's API (java-bridge/examples), installed beside
# it by `make run`: /jira/plugins/servlet/member-capacity. CONSUMER_JAR= installs only ours.
CONSUMER_JAR_10 := java-bridge/examples/consumer-plugin/target/capacity-consumer-example-jira10-0.1.0.jar
CONSUMER_JAR_11 := java-bridge/examples/consumer-plugin-jira11/target/capacity-consumer-example-jira11-0.1.0.jar
CONSUMER_JAR ?= $(CONSUMER_JAR_$(JIRA))
HOST_JAR = $(HOST_JAR_$(JIRA))
# The Jira 11 jar is compiled (release 21) and tested with a JDK 21+, found, not hard-coded.
JDK21_HOME = $(shell scripts/find-jdk.sh 21)
# Jira 10 mode runs on the default java (17+); Jira 11 mode on the JDK 21+ found above.
RUN_JAVA = $(if $(filter 11,$(JIRA)),$(JDK21_HOME)/bin/java,java)
# The host's heap ceiling, as Jira's bin/setenv.sh sets JVM_MAXIMUM_MEMORY (-Xmx): bounded as in
# production, not the JVM's default quarter of the machine. 768m: the value Jira 7-era
# setenv.sh shipped (not checked for Jira 10). HOST_HEAP= to override.
HOST_HEAP ?= -Xmx768m

.PHONY: run build native java test deps header clean

## Build the Rust release libraries, the plugin jar (native library inside) and the host.
build: native java

# The whole workspace, as tests/c builds it: a subset would resolve features differently
# and rebuild the libraries every time the two alternate. Then the jar's libraries: Linux
# x86-64 and aarch64 for glibc 2.17 and Windows x86-64, cross-built with zig (installed from
# PyPI by the script itself), once per build and reused while nothing changed.
native:
	cargo build --release --locked
	scripts/build-platforms.sh

java: native
	jdk21="$(JDK21_HOME)"; [ -n "$$jdk21" ] || { echo "make: the Jira 11 jar needs a JDK 21 or newer (scripts/find-jdk.sh 21 found none)" >&2; exit 1; }; \
	$(MVN) -f java-bridge/pom.xml install -DskipTests -Djdk21.home="$$jdk21"

## Start the Jira-compatible host with demo data on http://localhost:$(PORT)/jira (Ctrl-C stops it).
run: build
	@case "$(JIRA)" in 10|11) ;; *) echo "make run: JIRA must be 10 or 11, not $(JIRA)" >&2; exit 2;; esac
	@if [ -n "$(NODES)" ]; then \
	    NODES="$(NODES)" PORT="$(PORT)" DATA_DIR="$(DATA_DIR)" JIRA="$(JIRA)" RUN_JAVA="$(RUN_JAVA)" HOST_HEAP="$(HOST_HEAP)" HOST_JAR="$(HOST_JAR)" \
	    PLUGIN_JAR="$(PLUGIN_JAR)" ARGS="$(if $(CONSUMER_JAR),--plugin $(CONSUMER_JAR)) $(ARGS)" scripts/run-cluster.sh; \
	else $(RUN_JAVA) $(HOST_HEAP) -jar $(HOST_JAR) --jira $(JIRA) --plugin $(PLUGIN_JAR) $(if $(CONSUMER_JAR),--plugin $(CONSUMER_JAR)) \
	    --port $(PORT) --data-dir $(DATA_DIR) $(ARGS); fi

## Sign both plugin jars for UPM's app signature check (Jira 11): <jar>.sig and <jar>.crt.
## SIGNING_KEY=key.pem SIGNING_CERT=cert.pem use your own; else a self-signed pair in ~/.cache.
.PHONY: sign
sign: build
	for jar in $(PLUGIN_JAR_10) $(PLUGIN_JAR_11); do \
	  scripts/sign-app.sh "$$jar" $(if $(SIGNING_KEY),--key $(SIGNING_KEY) --cert $(SIGNING_CERT)) || exit 1; \
	done

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
	$(MAKE) --no-print-directory bench-java

## The instance-wide report over the dcapt dataset from the report page, in chromium, on the
## Jira 10 host with a 1 GB heap: prints the times of its steps (a measurement, not a test).
.PHONY: dcapt-page
dcapt-page: java
	cd tests/e2e && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund; } && node tools/dcapt-report-page.js

## The Java suites only (java-bridge/bench): one process, one table with targets met / not met.
.PHONY: bench-java
bench-java: java
	cargo run --release --locked -q -p capacity-core --example bench_workloads -- target/bench-workloads
	java -Xss8m -cp "java-bridge/bench/target/classes:java-bridge/bench/target/bench-lib/*" org.capacitytracker.bench.BenchMain
