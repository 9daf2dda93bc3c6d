#!/usr/bin/env bash
# Soaks the API: `serve` with faults on, under a steady wrk load on a mix of endpoints for SOAK_SECONDS, while the
# server is sampled every SOAK_INTERVAL seconds: heap used after a full GC, metaspace, RSS, open file descriptors
# (and how many are sockets), threads. Prints the samples as a table and a verdict: no growth when, between the
# first sample after the warm-up and the last one under load, the heap after GC grew by less than 10 % and the
# file descriptors by fewer than 5.
#
# Usage: bench/soak.sh   (or `make soak`; not part of `make test`)
# Environment:
#   SOAK_SECONDS=300         how long the load lasts
#   SOAK_FAULTS=error=0.05,throttle=3000,malformed=0.01,drop=0.01,jitter=5ms,seed=1
#                            the server's --faults; empty: no faults (nor when the jar has no --faults flag)
#   SOAK_INTERVAL=10         seconds between two samples
#   SOAK_WARMUP              seconds of load before the samples that are compared
#                            (default: a fifth of SOAK_SECONDS, between 10 and 60)
#   SOAK_CONNECTIONS=16      wrk connections (SOAK_THREADS=2 wrk threads)
#   SOAK_PAUSE_MS=1          pause between two requests on a connection: the load's ceiling
#   JAVA_OPTS                JVM flags for the server (default: the JVM's own, as `make server`)
#   JAVA=java                the java launcher
#   REAL_SEEDS               the seeds served (default ../shared/seeds/motogp); absent: generated scale-1 seeds
#
# Exits 0 on "no growth", 1 on growth, a failed start or a server that died or stopped answering.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=$BENCH_DIR/.work
SCRIPT=soak
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

SOAK_SECONDS=${SOAK_SECONDS:-300}
SOAK_FAULTS=${SOAK_FAULTS-error=0.05,throttle=3000,malformed=0.01,drop=0.01,jitter=5ms,seed=1}
SOAK_INTERVAL=${SOAK_INTERVAL:-10}
SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-16}
SOAK_THREADS=${SOAK_THREADS:-2}
SOAK_PAUSE_MS=${SOAK_PAUSE_MS:-1}
JAVA=${JAVA:-java}
REAL_SEEDS=${REAL_SEEDS:-$ROOT/../shared/seeds/motogp}

# The verdict's thresholds, between the first sample after the warm-up and the last one under load.
MAX_HEAP_GROWTH_PCT=10
MAX_FD_GROWTH=5

SERVER_PID=""   # the `serve` java, stopped by the EXIT trap
WRK_PID=""      # the wrk under way, stopped by the EXIT trap
SAMPLES=()      # "seconds phase heap_kb meta_kb rss_kb fds sockets threads"

# --- setup -------------------------------------------------------------------------

prepare_seeds() {
    if [[ -d $REAL_SEEDS ]]; then
        SEEDS=$(cd "$REAL_SEEDS" && pwd)
    else
        SEEDS=$WORK/seeds-scale1
        generate_seeds "$SEEDS" 1
    fi
}

stop_on_exit WRK_PID SERVER_PID

# --- the server and its load ---------------------------------------------------------

start_server_with_faults() {
    local port=$1
    local -a faults=()
    if [[ -n $SOAK_FAULTS ]]; then
        if "$JAVA" -jar "$JAR" serve --help 2>&1 | grep -q -- '--faults'; then
            faults=(--faults "$SOAK_FAULTS")
        else
            log "This pipeline.jar has no --faults flag: soaking without faults"
            SOAK_FAULTS=""
        fi
    fi
    start_server "$port" "$SEEDS" "$WORK/logs/soak-serve.log" "${faults[@]}"
}

# Writes the requests wrk sends, one "METHOD /path?query" per line, found by walking the API from its newest
# seasons. The faults are on, so each GET is retried until it gets a JSON answer.
write_requests() {
    local base=$1 file=$2
    python3 - "$base" >"$file" <<'EOF'
import json, sys, time, urllib.error, urllib.parse, urllib.request

base = sys.argv[1]

def get(path, **params):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    for attempt in range(50):
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return json.load(answer)
        except (urllib.error.URLError, ConnectionError, ValueError):  # injected errors, drops, cut answers
            time.sleep(0.05)
    sys.exit("no answer from " + url)

def line(path, weight=1, method="GET", **params):
    query = "?" + urllib.parse.urlencode(params) if params else ""
    print("\n".join([method + " " + path + query] * weight))

line("/seasons")
for season in sorted(get("/seasons"), key=lambda s: s["year"], reverse=True)[:3]:
    line("/events", 2, season_id=season["id"])
    for event in get("/events", season_id=season["id"])[:4]:
        line("/categories", 2, event_id=event["id"])
        for category in get("/categories", event_id=event["id"]):
            line("/sessions", 2, event_id=event["id"], category_id=category["id"])
            for session in get("/sessions", event_id=event["id"], category_id=category["id"]):
                line("/classification", 6, session_id=session["id"])
# what clients get wrong: a missing parameter, an unknown id, an unknown path, another method; and the home page
line("/events")
line("/classification", session_id="no-such-session")
line("/nope")
line("/seasons", method="POST")
line("/")
EOF
}

# --- samples -----------------------------------------------------------------------------

# Samples the server at $1 seconds into the load, in phase $2 (idle, warm-up, load, after).
sample() {
    local seconds=$1 phase=$2 status=/proc/$SERVER_PID/status
    running "$SERVER_PID" || die "the server died $seconds s into the load; see bench/.work/logs/soak-serve.log"
    # A full GC, then the heap it left (KB), in one attach: under load, a second jcmd or jstat would start too late
    # and count what the requests allocated meanwhile. "total NK, used NK" lines: one for G1, one per generation for
    # the parallel and serial collectors.
    local info heap meta rss fds sockets threads
    info=$(jcmd "$SERVER_PID" -f "$JCMD_COMMANDS") || die "jcmd $SERVER_PID GC.run failed"
    read -r heap meta < <(awk '/ total [0-9]+K, used [0-9]+K/ { sub(/.* used /, ""); heap += $0 + 0; found = 1 }
        $1 == "Metaspace" && $2 == "used" { meta = $3 + 0 }
        END { if (found) printf "%d %d\n", heap, meta; else print "- -" }' <<<"$info")
    if [[ $heap == - ]]; then
        # another collector (ZGC, Shenandoah): jstat's used figures, a moment later
        read -r heap meta < <(jstat -gc "$SERVER_PID" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
            NR == 2 { printf "%.0f %.0f\n", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"], $col["MU"] }')
    fi
    rss=$(awk '$1 == "VmRSS:" { print $2 }' "$status")
    threads=$(awk '$1 == "Threads:" { print $2 }' "$status")
    fds=$(find "/proc/$SERVER_PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    sockets=$(find "/proc/$SERVER_PID/fd" -mindepth 1 -maxdepth 1 -lname 'socket:*' 2>/dev/null | wc -l)
    SAMPLES+=("$seconds $phase $heap $meta $rss $fds $sockets $threads")
    printf '  %5s s  %-8s heap after GC %7.1f MB, RSS %6.1f MB, %4d fds (%d sockets), %3d threads\n' \
        "$seconds" "$phase" "$(mb "$heap")" "$(mb "$rss")" "$fds" "$sockets" "$threads" >&2
}

mb() {
    awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'
}

print_table() {
    echo
    echo "| time | phase | heap after GC | metaspace | RSS | fds | sockets | threads |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|"
    local row seconds phase heap meta rss fds sockets threads
    for row in "${SAMPLES[@]}"; do
        read -r seconds phase heap meta rss fds sockets threads <<<"$row"
        printf '| %s s | %s | %s MB | %s MB | %s MB | %s | %s | %s |\n' "$seconds" "$phase" "$(mb "$heap")" \
            "$(mb "$meta")" "$(mb "$rss")" "$fds" "$sockets" "$threads"
    done
}

# Compares the first sample after the warm-up with the last one under load; sets VERDICT and GROWTH (0 or 1).
judge() {
    local first="" last="" row
    for row in "${SAMPLES[@]}"; do
        if [[ $row == *" load "* ]]; then
            [[ -n $first ]] || first=$row
            last=$row
        fi
    done
    if [[ -z $first || $first == "$last" ]]; then
        VERDICT="not judged: fewer than 2 samples after the ${WARMUP} s warm-up (raise SOAK_SECONDS)"
        GROWTH=1
        return
    fi
    local t1 h1 r1 f1 th1 t2 h2 r2 f2 th2 _
    read -r t1 _ h1 _ r1 f1 _ th1 <<<"$first"
    read -r t2 _ h2 _ r2 f2 _ th2 <<<"$last"
    local heap_pct fd_growth
    heap_pct=$(awk -v a="$h1" -v b="$h2" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
    fd_growth=$((f2 - f1))
    local figures="from $t1 s to $t2 s: heap after GC $(mb "$h1") -> $(mb "$h2") MB (${heap_pct} %),"
    figures+=" fds $f1 -> $f2 ($(printf '%+d' "$fd_growth")), RSS $(mb "$r1") -> $(mb "$r2") MB, threads $th1 -> $th2"
    if awk -v p="$heap_pct" -v max="$MAX_HEAP_GROWTH_PCT" 'BEGIN { exit !(p < max) }' && ((fd_growth < MAX_FD_GROWTH)); then
        VERDICT="no growth ($figures)"
        GROWTH=0
    else
        VERDICT="GROWTH (heap must grow < ${MAX_HEAP_GROWTH_PCT} % and fds by < ${MAX_FD_GROWTH}; $figures)"
        GROWTH=1
    fi
}

main() {
    require wrk wrk
    require python3 python3
    require curl curl
    require jcmd openjdk-17-jdk-headless
    ((SOAK_SECONDS >= 2 * SOAK_INTERVAL)) || die "SOAK_SECONDS must be at least twice SOAK_INTERVAL ($SOAK_INTERVAL s)"
    if [[ -n ${SOAK_WARMUP:-} ]]; then
        WARMUP=$SOAK_WARMUP
    else
        WARMUP=$((SOAK_SECONDS / 5))
        ((WARMUP >= 10)) || WARMUP=10
        ((WARMUP <= 60)) || WARMUP=60
    fi
    prepare_jar soak-pipeline.jar
    prepare_seeds
    JCMD_COMMANDS=$WORK/soak-jcmd.txt
    printf 'GC.run\nGC.heap_info\n' >"$JCMD_COMMANDS"
    local port base requests=$WORK/soak-requests.txt wrk_out=$WORK/logs/soak-wrk.out
    port=$(free_port)
    start_server_with_faults "$port"
    base=http://127.0.0.1:$port
    write_requests "$base" "$requests"
    log "== Soak: ${SOAK_SECONDS} s of wrk -t${SOAK_THREADS} -c${SOAK_CONNECTIONS} (${SOAK_PAUSE_MS} ms between requests" \
        "on a connection) over $(wc -l <"$requests") requests; seeds ${SEEDS#"$ROOT"/}; faults '${SOAK_FAULTS:-none}';" \
        "samples every ${SOAK_INTERVAL} s, compared after a ${WARMUP} s warm-up"
    sample 0 idle
    wrk -t"$SOAK_THREADS" -c"$SOAK_CONNECTIONS" -d"${SOAK_SECONDS}s" --timeout 10s -s "$BENCH_DIR/soak.lua" "$base" \
        -- "$requests" "$SOAK_PAUSE_MS" >"$wrk_out" 2>&1 &
    WRK_PID=$!
    local start=$SECONDS next=$SOAK_INTERVAL
    while ((next < SOAK_SECONDS)); do
        sleep $((start + next - SECONDS > 0 ? start + next - SECONDS : 0))
        running "$WRK_PID" || break
        if ((next < WARMUP)); then sample "$next" warm-up; else sample "$next" load; fi
        next=$((next + SOAK_INTERVAL))
    done
    local status=0
    wait "$WRK_PID" || status=$?
    WRK_PID=""
    if ((status != 0)); then
        cat "$wrk_out" >&2
        die "wrk failed (exit $status)"
    fi
    sleep 2   # the load's connections closed
    sample $((SECONDS - start)) after
    curl -fsS -o /dev/null --max-time 10 "$base/" || die "the server no longer answers GET / after the load"
    stop "$SERVER_PID"
    SERVER_PID=""

    echo
    echo "Soak measured $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $("$JAVA" -version 2>&1 | sed -n 1p)"
    echo "Load: wrk -t${SOAK_THREADS} -c${SOAK_CONNECTIONS} -d${SOAK_SECONDS}s, ${SOAK_PAUSE_MS} ms pause;" \
        "faults: ${SOAK_FAULTS:-none}"
    awk '/requests in/ { sub(/^ +/, ""); print "wrk: " $0 } $1 == "Requests/sec:" { print "wrk: " $0 }
        /^(statuses|socket errors|latency p50)/ { print "wrk: " $0 }' "$wrk_out"
    print_table
    judge
    echo
    echo "Verdict: $VERDICT"
    return "$GROWTH"
}

main "$@"
