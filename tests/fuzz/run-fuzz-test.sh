#!/bin/sh
# One fuzz test: TARGET CORPUS DICT WORKDIR SECONDS. Fuzzes a fresh copy of the checked-in corpus
# (libFuzzer writes new inputs into its first corpus folder) and keeps any crash input in WORKDIR.
set -eu
target=$1 corpus=$2 dict=$3 work=$4 seconds=$5
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
cp "$corpus"/* "$work/corpus/"
set -- "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1
[ -f "$dict" ] && set -- "$@" -dict="$dict"
cd "$work"
exec "$target" "$@"
