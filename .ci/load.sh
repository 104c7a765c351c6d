#!/usr/bin/env bash
# Load test of the explorer on 127.0.0.1 with wrk (Debian package wrk).
# wrk and the server share this machine's cores, so absolute figures mean
# little: every figure is printed beside /api/health, a handler that does no
# work, measured in the same run. Bounded: about a minute in all.
#
#   .ci/load.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-50}
secs=${2:-10}
port=18080
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "load.sh: wrk not found (apt-get install wrk)"; exit 1; }

bin=$(mktemp -d)/conceptgraph
go build -o "$bin" ./cmd/conceptgraph
start=$(date +%s%N)
"$bin" serve --addr "127.0.0.1:$port" --quiet >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
	curl -fs "$base/api/health" >/dev/null 2>&1 && break
	sleep 0.01
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "server ready after ${ready_ms} ms (start to first answer, sample notes)"

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
svg="$base/api/svg?depth=2&focus=$(enc 도커)"
search="$base/api/concepts?q=$(enc 도커)"

# Uncached focus views, depth 2: every concept's first drawing.
echo
echo "uncached focus views (depth 2), time to the whole SVG:"
for f in 도커 DNS 가상화 "로드 밸런서" NoSQL 프로세스 쿠버네티스 IaaS; do
	t=$(curl -fs -o /dev/null -w '%{time_total}' "$base/api/svg?depth=2&focus=$(enc "$f")")
	printf '  %-12s %6.0f ms\n' "$f" "$(echo "$t * 1000" | bc -l)"
done
curl -fs -o /dev/null "$svg" # warm the cache

run() { # name url
	out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "$2")
	rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
	printf '%-22s %10s req/s   p99 %8s   %s\n' "$1" "$rps" "$p99" "${errs:-no errors}"
}
echo
echo "wrk -t2 -c$conns -d${secs}s:"
run "health (baseline)" "$base/api/health"
run "search 도커" "$search"
run "svg 도커 depth 2 (cached)" "$svg"
run "health (baseline again)" "$base/api/health"
