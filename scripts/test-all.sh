#!/usr/bin/env bash
# Runs every layer's tests in order, stops at the first failing layer, and ends with one
# summary line per layer. Called by `make test` (and so by .ci/run).
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

MVN="${MVN:-mvn -B -ntp}"
summary=()
failed=""

layer() {
    local name="$1"; shift
    local start=$SECONDS
    echo
    echo "==> $name: $*"
    if "$@"; then
        summary+=("$(printf '%-9s passed  (%ds)' "$name" $((SECONDS - start)))")
    else
        summary+=("$(printf '%-9s FAILED  (%ds)' "$name" $((SECONDS - start)))")
        failed="$name"
    fi
}

finish() {
    echo
    echo "==> summary"
    for line in "${summary[@]}"; do echo "    $line"; done
    local passed failed_count
    passed=$(printf '%s\n' "${summary[@]}" | grep -c ' passed ')
    failed_count=$(printf '%s\n' "${summary[@]}" | grep -c ' FAILED ')
    echo "layers: $passed passed, $failed_count failed"
    if [ -n "$failed" ]; then
        echo "make test: the $failed layer failed; later layers did not run"
        exit 1
    fi
    echo "make test: every layer passed"
    exit 0
}

run_layers() {
    layer rust    bash -c 'cargo test --workspace --locked && cargo clippy --workspace --all-targets --locked -q -- -D warnings'
    [ -z "$failed" ] || return
    # A short coverage-guided run of every fuzz target, replaying the committed corpus and
    # the inputs of every bug fuzzing found (`make fuzz` runs them for longer).
    layer fuzz    scripts/fuzz.sh --smoke
    [ -z "$failed" ] || return
    # The header drift check, the release build, the no-network symbol check and the C
    # programs under AddressSanitizer/UBSan and valgrind.
    layer c       make -C tests/c test
    [ -z "$failed" ] || return
    # The pure functions of the panel's scripts and the rule that every user-visible text
    # goes through i18n (Node's own test runner).
    layer js      tests/js/run.sh
    [ -z "$failed" ] || return
    # The jar's libraries for linux-x86_64, linux-aarch64 (glibc 2.17) and windows-x86_64,
    # cross-built with zig; reused when fresh (`make build` builds the same).
    layer cross   scripts/build-platforms.sh
    [ -z "$failed" ] || return
    # API, plugin and both hosts: the Jira 10 host on Java 17, the Jira 11 host (the same
    # tests, transformed to Jakarta) on a JDK 21+.
    layer java    scripts/test-java.sh
    [ -z "$failed" ] || return
    # Three hosts as Data Center nodes on one throwaway PostgreSQL: same-revision edits from
    # every node, concurrent creates, a node killed mid-write (docs/data-center.md).
    layer cluster tests/cluster/run.sh
    [ -z "$failed" ] || return
    # The jars' native libraries as shipped: glibc <= 2.17 and no networking imports for every
    # Linux library, the Windows DLLs' imports and exports, the C tests on aarch64 under qemu.
    layer platforms tests/platforms/run.sh
    [ -z "$failed" ] || return
    # The host's Jira REST driven by an independent client library (pycontribs' jira from
    # PyPI, pinned) as a reporting script uses it: connect, projects, boards, sprints, JQL pages.
    layer client  tests/client/run.sh
    [ -z "$failed" ] || return
    # UPM's app signature (Jira 11 checks it by default) made and verified for both jars.
    layer signing tests/signing/run.sh
    [ -z "$failed" ] || return
    layer browser10 env CT_JIRA=10 tests/e2e/run.sh
    [ -z "$failed" ] || return
    layer browser11 env CT_JIRA=11 tests/e2e/run.sh
    [ -z "$failed" ] || return
    # XSRF against every plugin REST write from same-site and cross-site pages, headers on
    # every page, no exception text in any error answer, login throttling and logout by POST,
    # in Chromium against the real host in each Jira mode (docs/security.md).
    layer security10 env CT_JIRA=10 tests/security/run.sh
    [ -z "$failed" ] || return
    layer security11 env CT_JIRA=11 tests/security/run.sh
}

run_layers
finish
