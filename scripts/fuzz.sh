#!/usr/bin/env bash
# Coverage-guided fuzzing of the C ABI (fuzz/: one libFuzzer target per JSON entry point,
# plus storage faults). See fuzz/README.md for the targets and the invariants they check.
#
#   scripts/fuzz.sh                 every target for FUZZ_SECONDS (default 60) each, growing
#                                   the working corpus in fuzz/corpus/<target> (ignored by git)
#   scripts/fuzz.sh --smoke         every target for FUZZ_SECONDS (default 2) each, from the
#                                   committed inputs only, all replayed first: the seeds
#                                   (fuzz/seeds/<target>) and the reproducers of past
#                                   findings (fuzz/regressions/<target>). The bounded run of
#                                   `make test`: under a minute of fuzzing, plus the build.
#   scripts/fuzz.sh --build         build the targets and stop
#   scripts/fuzz.sh [...] TARGET... only the named targets
#
# Environment:
#   FUZZ_SECONDS     seconds per target
#   FUZZ_SANITIZER   none (default: plain stable Rust) or address (AddressSanitizer; on a
#                    stable toolchain this needs RUSTC_BOOTSTRAP=1, which the script sets
#                    for the fuzz build only)
#   CT_TOOLS_DIR     where the pinned cargo-fuzz is installed (default: a per-user cache,
#                    else target/tools)
#
# Exits non-zero, naming the target and the saved input (fuzz/artifacts/<target>/), when an
# input crashes, hangs (over 10 s) or breaks an invariant. Reproduce one input with
#   fuzz/target/<sanitizer>/<triple>/release/<target> fuzz/artifacts/<target>/crash-...
set -euo pipefail

# Pinned: the cargo subcommand (from crates.io, built here once) and, in fuzz/Cargo.toml and
# fuzz/Cargo.lock, libfuzzer-sys, which compiles libFuzzer from its bundled C++ source.
CARGO_FUZZ_VERSION=0.13.2

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz_dir="$repo/fuzz"

mode=full
targets=()
for arg in "$@"; do
    case "$arg" in
        --smoke) mode=smoke ;;
        --build) mode=build ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "scripts/fuzz.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
        *) targets+=("$arg") ;;
    esac
done

if [ "$mode" = smoke ]; then
    seconds="${FUZZ_SECONDS:-2}"
else
    seconds="${FUZZ_SECONDS:-60}"
fi
sanitizer="${FUZZ_SANITIZER:-none}"
case "$sanitizer" in
    none) ;;
    address) export RUSTC_BOOTSTRAP=1 ;;
    *) echo "scripts/fuzz.sh: FUZZ_SANITIZER must be none or address, got $sanitizer" >&2; exit 2 ;;
esac

# The tool outlives clones of the repo (CI checks out afresh on the same machine), so it goes
# to the user's cache when there is one we can write, else under target/ like cbindgen.
cache_root="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/capacity-tracker/tools"
if [ -n "${CT_TOOLS_DIR:-}" ]; then
    tools_root="$CT_TOOLS_DIR"
elif mkdir -p "$cache_root" 2>/dev/null && [ -w "$cache_root" ]; then
    tools_root="$cache_root"
else
    tools_root="$repo/target/tools"
fi
tools="$tools_root/cargo-fuzz-$CARGO_FUZZ_VERSION"
cargo_fuzz="$tools/bin/cargo-fuzz"

if ! [ -x "$cargo_fuzz" ] || [ "$("$cargo_fuzz" fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    echo "scripts/fuzz.sh: installing cargo-fuzz $CARGO_FUZZ_VERSION into $tools (once per machine)" >&2
    cargo install --locked --quiet --root "$tools" "cargo-fuzz@$CARGO_FUZZ_VERSION" >&2
fi

# fuzz/ is a workspace of its own (its Cargo.lock pins libfuzzer-sys and keeps the engine's
# dependencies at the root lock's versions); cargo-fuzz has no --locked, so check it here.
if ! cargo metadata --locked --quiet --format-version 1 --manifest-path "$fuzz_dir/Cargo.toml" >/dev/null; then
    echo "scripts/fuzz.sh: fuzz/Cargo.lock is out of date with fuzz/Cargo.toml or the engine's dependencies;" >&2
    echo "  refresh it (adding only what is missing) with: cargo metadata --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null" >&2
    exit 1
fi

all_targets=()
while IFS= read -r t; do all_targets+=("$t"); done < <("$cargo_fuzz" fuzz list --fuzz-dir "$fuzz_dir")
if [ ${#targets[@]} -eq 0 ]; then
    targets=("${all_targets[@]}")
fi
for t in "${targets[@]}"; do
    if ! printf '%s\n' "${all_targets[@]}" | grep -qx -- "$t"; then
        echo "scripts/fuzz.sh: no fuzz target $t (targets: ${all_targets[*]})" >&2
        exit 2
    fi
done

# The harness's own tests first: its checks must be able to fail (a plain build, apart
# from the instrumented one).
if [ "$mode" != build ]; then
    echo "scripts/fuzz.sh: testing the harness"
    CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}" cargo test --quiet --manifest-path "$fuzz_dir/Cargo.toml" \
        --lib --target-dir "$fuzz_dir/target/test" ||
        { echo "scripts/fuzz.sh: the harness's tests failed" >&2; exit 1; }
fi

triple="$(rustc -vV | sed -n 's/^host: //p')"
target_dir="$fuzz_dir/target/$sanitizer"
start=$SECONDS
echo "scripts/fuzz.sh: building ${#targets[@]} targets (sanitizer $sanitizer)"
build_args=(fuzz build --fuzz-dir "$fuzz_dir" --sanitizer "$sanitizer" --target-dir "$target_dir")
# cargo-fuzz builds one named target, or every target when given none.
[ ${#targets[@]} -eq 1 ] && build_args+=("${targets[0]}")
CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}" "$cargo_fuzz" "${build_args[@]}" ||
    { echo "scripts/fuzz.sh: the build failed" >&2; exit 1; }
echo "scripts/fuzz.sh: built in $((SECONDS - start))s"
[ "$mode" = build ] && exit 0

bin_dir="$target_dir/$triple/release"
logs="$fuzz_dir/target/logs"
mkdir -p "$logs"
scratch=""
if [ "$mode" = smoke ]; then
    # A fresh corpus each time: the bounded run must not depend on what earlier runs found.
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
fi

failed=()
passed=0
fuzz_start=$SECONDS
for t in "${targets[@]}"; do
    seeds="$fuzz_dir/seeds/$t"
    if [ "$mode" = smoke ]; then
        corpus="$scratch/$t"
    else
        corpus="$fuzz_dir/corpus/$t"
    fi
    artifacts="$fuzz_dir/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    log="$logs/$t.log"
    dirs=("$corpus")
    [ -d "$seeds" ] && dirs+=("$seeds")
    # Inputs that once found a bug, kept by hand (make_seeds.py rewrites seeds/ only).
    [ -d "$fuzz_dir/regressions/$t" ] && dirs+=("$fuzz_dir/regressions/$t")
    t0=$SECONDS
    # -timeout: an input that takes 10 s is a finding (a host request would hang).
    # </dev/null: CI has no stdin, and libFuzzer must never wait for one.
    if "$bin_dir/$t" "${dirs[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 </dev/null >"$log" 2>&1; then
        runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
        cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
        seeds_n="$( ( [ ${#dirs[@]} -gt 1 ] && find "${dirs[@]:1}" -type f ) | wc -l)"
        printf '  %-24s ok   %3ds  %8s runs  cov %-6s seeds %s replayed\n' \
            "$t" $((SECONDS - t0)) "${runs:-?}" "${cov:-?}" "$seeds_n"
        passed=$((passed + 1))
    else
        printf '  %-24s FAILED after %ds\n' "$t" $((SECONDS - t0))
        found="$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //' || true)"
        echo "---- last lines of $log" >&2
        tail -n 40 "$log" >&2
        echo "----" >&2
        [ -n "$found" ] && echo "  input saved: $found (reproduce: $bin_dir/$t $found)" >&2
        failed+=("$t")
    fi
done

echo "fuzz: ${#targets[@]} targets, ${seconds}s each ($mode): $((SECONDS - fuzz_start))s fuzzing, $((SECONDS - start))s with the build"
echo "fuzz: $passed passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
    echo "scripts/fuzz.sh: failing targets: ${failed[*]}" >&2
    exit 1
fi
