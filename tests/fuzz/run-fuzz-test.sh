#!/bin/sh
# One fuzz test: TARGET CORPUS DICT WORKDIR SECONDS. Fuzzes a fresh copy of the checked-in corpus
# (libFuzzer writes new inputs into its first corpus folder) and keeps any crash input in WORKDIR.
set -eu
# UB is a finding: stop at the first report so libFuzzer keeps the input (also when the build's
# sanitizers come from NATTER_SANITIZE, which may let UB recover).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
target=$1 corpus=$2 dict=$3 work=$4 seconds=$5
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
cp "$corpus"/* "$work/corpus/"
set -- "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1
[ -f "$dict" ] && set -- "$@" -dict="$dict"
cd "$work"
exec "$target" "$@"
