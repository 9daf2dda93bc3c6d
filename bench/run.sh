#!/usr/bin/env bash
# Benchmarks mgp-pipeline: full crawls (task queue and state included) on the real seeds, each
# followed by a no-op incremental run on its lake, and on scale-10 seeds, then the
# API's throughput under wrk. Prints each figure against its target and ends with a
# markdown table for the README.
#
# Usage: bench/run.sh   (or `make bench`)
# Environment:
#   RUNS=5            crawls on the real seeds (0 skips them)
#   RUNS_SCALE10=3    crawls on the scale-10 seeds (0 skips them)
#   RUNS_FAULTED=1    crawls on the real seeds through the issue's fault spec (0 skips them)
#   WRK_RUNS=3        measured wrk runs against the API (0 skips them)
#   JAVA_OPTS         JVM flags for every run; unset: RUN_JAVA_OPTS (from the Makefile) and the jar's class
#                     archive, as `make run` uses them, plus -Xmx512m at scale 10
#   JAVA=java         the java launcher
#   REAL_SEEDS        the real data (default ../shared/seeds/motogp); absent: scale-1 seeds
#
# Exits 0 when every run succeeded, even if a target is missed (reported as MISSED);
# non-zero when a run fails.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=$BENCH_DIR/.work
SCRIPT=bench
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

RUNS=${RUNS:-5}
RUNS_SCALE10=${RUNS_SCALE10:-3}
RUNS_FAULTED=${RUNS_FAULTED:-1}
FAULTS=${FAULTS:-error=0.1,throttle=2000,malformed=0.01,drop=0.01,jitter=20ms,seed=7}
WRK_RUNS=${WRK_RUNS:-3}
JAVA=${JAVA:-java}
REAL_SEEDS=${REAL_SEEDS:-$ROOT/../shared/seeds/motogp}

# Targets: seconds of median wall time per crawl, requests/s for the API.
TARGET_REAL_S=5
TARGET_SCALE10_S=30
TARGET_API_RPS=20000
TARGET_NOOP_S=0.5
NOOP=0   # set while the real-seeds crawls run: each is followed by a no-op run on its lake

SERVER_PID=""   # the `serve` process, stopped by the EXIT trap
CHILD_PID=""    # the /usr/bin/time of the crawl under way, stopped by the EXIT trap
declare -A RESULT=()

# --- setup -------------------------------------------------------------------------

prepare_seeds() {
    if [[ -d $REAL_SEEDS ]]; then
        SEEDS_REAL=$(cd "$REAL_SEEDS" && pwd)
        LABEL_REAL="real seeds"
    else
        # Machines without the real data get the generator's lookalike of it.
        SEEDS_REAL=$WORK/seeds-scale1
        LABEL_REAL="scale-1 seeds (no real data)"
        generate_seeds "$SEEDS_REAL" 1
    fi
    SEEDS_SCALE10=$WORK/seeds-scale10
    if ((RUNS_SCALE10 > 0)); then
        generate_seeds "$SEEDS_SCALE10" 10
    fi
}

# --- small helpers -----------------------------------------------------------------

# Median of the numbers on stdin, one per line.
median() {
    sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# 1234567.8 -> 1,234,568
thousands() {
    printf '%.0f' "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'
}

# "met" or "MISSED": is $1 <= $2 (op le) or $1 >= $2 (op ge)?
verdict() {
    local value=$1 op=$2 target=$3
    if awk -v v="$value" -v t="$target" -v op="$op" 'BEGIN { exit !(op == "le" ? v <= t : v >= t) }'; then
        echo "met"
    else
        echo "MISSED"
    fi
}

# "1 run", "3 runs"
plural_runs() {
    if (($1 == 1)); then echo "1 run"; else echo "$1 runs"; fi
}

stop_on_exit CHILD_PID SERVER_PID

# The class archive `make run` uses, made for this script's copy of the jar (an archive holds its jar's path):
# sets ARCHIVE_OPTS.
prepare_class_archive() {
    log "Training the class archive of ${JAR#"$ROOT"/}"
    make -s -C "$ROOT" "${JAR%.jar}.jsa" >&2
    ARCHIVE_OPTS="-XX:SharedArchiveFile=${JAR%.jar}.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
}

# --- crawl benchmark ---------------------------------------------------------------

# One full crawl into a fresh lake; sets WALL (s), RSS (KB), REQUESTS and ROWS (gold).
# Not called in $(...): the crawl must run in this shell, in the background and waited
# for, so that the EXIT trap knows CHILD_PID and an interrupt stops the crawl at once.
crawl_once() {
    local name=$1 seeds=$2 run=$3 java_opts=$4 extra_args=${5:-}
    local lake=$WORK/lakes/$name out=$WORK/logs/$name-$run.out err=$WORK/logs/$name-$run.err
    local times=$WORK/logs/$name-$run.time
    local -a opts extra
    read -ra opts <<<"$java_opts"
    read -ra extra <<<"$extra_args"
    rm -rf "$lake"
    mkdir -p "$WORK/logs"
    /usr/bin/time -f '%e %M' -o "$times" \
        "$JAVA" "${opts[@]}" -jar "$JAR" run --seeds "$seeds" --lake "$lake" --port 0 --quiet "${extra[@]}" >"$out" 2>"$err" &
    CHILD_PID=$!
    local status=0
    wait "$CHILD_PID" || status=$?
    CHILD_PID=""
    if ((status == 0 && NOOP)); then
        noop_once "$name" "$seeds" "$run" "$java_opts" "$lake"
    fi
    rm -rf "$lake"   # a scale-10 lake is large; only its row counts matter here
    if ((status != 0)); then
        log "Crawl $name run $run failed (exit $status); last lines of ${err#"$ROOT"/}:"
        tail -n 20 "$err" >&2
        exit 1
    fi
    # The summary's numbers carry locale thousands separators: "Requests   14,665 in ...".
    local requests rows
    requests=$(awk '$1 == "Requests" { gsub(/[^0-9]/, "", $2); print $2 }' "$out")
    rows=$(awk '$1 == "Gold" && $2 == "mgp" { gsub(/[^0-9]/, "", $3); print $3 }' "$out")
    [[ -n $requests && -n $rows ]] || die "no Requests or Gold mgp line in ${out#"$ROOT"/}"
    # With -o, time's last line holds the figures (a first line may report the exit status).
    read -r WALL RSS < <(tail -n 1 "$times")
    REQUESTS=$requests ROWS=$rows
}

# A second run on the lake a crawl just wrote, with nothing new in the source: sets
# NOOP_WALL (s, JVM start included) and NOOP_WORK (s, the run's stages after startup).
noop_once() {
    local name=$1 seeds=$2 run=$3 java_opts=$4 lake=$5
    local out=$WORK/logs/$name-noop-$run.out err=$WORK/logs/$name-noop-$run.err times=$WORK/logs/$name-noop-$run.time
    local -a opts
    read -ra opts <<<"$java_opts"
    /usr/bin/time -f '%e %M' -o "$times" \
        "$JAVA" "${opts[@]}" -jar "$JAR" run --seeds "$seeds" --lake "$lake" --port 0 >"$out" 2>"$err" &
    CHILD_PID=$!
    local status=0
    wait "$CHILD_PID" || status=$?
    CHILD_PID=""
    if ((status != 0)); then
        log "No-op run $run failed (exit $status); last lines of ${err#"$ROOT"/}:"
        tail -n 20 "$err" >&2
        exit 1
    fi
    # "Stages     startup 1.60 s, crawl 0.21 s, tasks 0.00 s, transform 0.00 s": all but startup.
    NOOP_WORK=$(awk '$1 == "Stages" { for (i = 2; i <= NF; i++) if ($(i + 1) + 0 == $(i + 1) && $i != "startup") sum += $(i + 1) } END { printf "%.2f", sum }' "$out")
    read -r NOOP_WALL _ < <(tail -n 1 "$times")
}

# Runs RUNS crawls of one dataset and stores the figures in RESULT[name.*].
bench_crawl() {
    local name=$1 label=$2 seeds=$3 runs=$4 java_opts=$5 target=$6 extra_args=${7:-}
    RESULT[$name.runs]=$runs
    if ((runs == 0)); then
        log "== Crawl $label: skipped"
        return
    fi
    log "== Crawl $label: $(plural_runs "$runs"), seeds ${seeds#"$ROOT"/}, JAVA_OPTS='$java_opts'"
    local run walls="" rsses="" noop_walls="" noop_works=""
    for ((run = 1; run <= runs; run++)); do
        crawl_once "$name" "$seeds" "$run" "$java_opts" "$extra_args"
        log "   run $run/$runs: ${WALL} s wall, $(((RSS + 512) / 1024)) MB peak RSS," \
            "$(thousands "$REQUESTS") requests, $(thousands "$ROWS") gold rows"
        walls+="$WALL"$'\n' rsses+="$RSS"$'\n'
        if ((NOOP)); then
            log "   then a no-op run on its lake: ${NOOP_WALL} s wall, ${NOOP_WORK} s after startup"
            noop_walls+="$NOOP_WALL"$'\n' noop_works+="$NOOP_WORK"$'\n'
        fi
    done
    if ((NOOP)); then
        RESULT[noop.runs]=$runs
        RESULT[noop.wall]=$(printf '%s' "$noop_walls" | median)
        RESULT[noop.median]=$(printf '%s' "$noop_works" | median)
        RESULT[noop.min]=$(printf '%s' "$noop_works" | sort -g | head -n 1)
        RESULT[noop.max]=$(printf '%s' "$noop_works" | sort -g | tail -n 1)
        RESULT[noop.verdict]=$(verdict "${RESULT[noop.median]}" le "$TARGET_NOOP_S")
        log "   no-op runs: median ${RESULT[noop.median]} s after startup (${RESULT[noop.wall]} s wall);" \
            "target <= ${TARGET_NOOP_S} s: ${RESULT[noop.verdict]}"
    fi
    local requests=$REQUESTS rows=$ROWS
    local median_wall min max rss_mb
    median_wall=$(printf '%s' "$walls" | median)
    min=$(printf '%s' "$walls" | sort -g | head -n 1)
    max=$(printf '%s' "$walls" | sort -g | tail -n 1)
    rss_mb=$(printf '%s' "$rsses" | median | awk '{ printf "%.0f", $1 / 1024 }')
    RESULT[$name.opts]=$java_opts
    RESULT[$name.median]=$median_wall
    RESULT[$name.min]=$min
    RESULT[$name.max]=$max
    RESULT[$name.requests]=$requests
    RESULT[$name.rows]=$rows
    RESULT[$name.rps]=$(awk -v n="$requests" -v t="$median_wall" 'BEGIN { printf "%.0f", n / t }')
    RESULT[$name.rowsps]=$(awk -v n="$rows" -v t="$median_wall" 'BEGIN { printf "%.0f", n / t }')
    RESULT[$name.rss]=$rss_mb
    if [[ $target == none ]]; then
        RESULT[$name.verdict]="n/a"
    else
        RESULT[$name.verdict]=$(verdict "$median_wall" le "$target")
    fi
    log "   median ${median_wall} s (min $min, max $max), $(thousands "${RESULT[$name.rps]}") requests/s," \
        "$(thousands "${RESULT[$name.rowsps]}") rows/s, ${rss_mb} MB peak RSS;" \
        "target $(target_text "$target"): ${RESULT[$name.verdict]}"
}

# --- API throughput ----------------------------------------------------------------

# One wrk run; prints its requests/s. Fails on non-2xx answers, which would mean wrk
# measured errors rather than the endpoint.
wrk_once() {
    local url=$1 duration=$2 output
    output=$(wrk -t2 -c32 -d"$duration" "$url")
    if grep -q 'Non-2xx' <<<"$output"; then
        log "$output"
        die "wrk got non-2xx answers from $url"
    fi
    awk '$1 == "Requests/sec:" { print $2 }' <<<"$output"
}

bench_api() {
    RESULT[api.runs]=$WRK_RUNS
    if ((WRK_RUNS == 0)); then
        log "== API throughput: skipped"
        return
    fi
    local port
    port=$(free_port)
    start_server "$port" "$SEEDS_REAL" "$WORK/logs/serve.log"
    local base=http://127.0.0.1:$port session
    session=$(python3 "$BENCH_DIR/pick_session.py" "$base")
    local url="$base/classification?session_id=$session"
    log "== API throughput: wrk -t2 -c32 -d10s, $(plural_runs "$WRK_RUNS") on /classification?session_id=$session"
    wrk_once "$url" 5s >/dev/null   # warm-up: JIT and connection pools, not measured
    local run rps all=""
    for ((run = 1; run <= WRK_RUNS; run++)); do
        rps=$(wrk_once "$url" 10s)
        log "   run $run/$WRK_RUNS: $(thousands "$rps") requests/s"
        all+="$rps"$'\n'
    done
    stop "$SERVER_PID"
    SERVER_PID=""
    RESULT[api.rps]=$(printf '%s' "$all" | median)
    RESULT[api.min]=$(printf '%s' "$all" | sort -g | head -n 1)
    RESULT[api.max]=$(printf '%s' "$all" | sort -g | tail -n 1)
    RESULT[api.verdict]=$(verdict "${RESULT[api.rps]}" ge "$TARGET_API_RPS")
    log "   median $(thousands "${RESULT[api.rps]}") requests/s; target >= $(thousands "$TARGET_API_RPS"): ${RESULT[api.verdict]}"
}

# --- report ------------------------------------------------------------------------

# "<= 5 s", or "-" for a crawl measured without a target.
target_text() {
    if [[ $1 == none ]]; then echo "none"; else echo "<= $1 s"; fi
}

crawl_row() {
    local name=$1 label=$2 target=$3
    local runs=${RESULT[$name.runs]}
    if ((runs == 0)); then
        printf '| Crawl, %s | skipped | | | | | %s | |\n' "$label" "$(target_text "$target")"
        return
    fi
    local opts=${RESULT[$name.opts]:+, ${RESULT[$name.opts]}}
    printf '| Crawl, %s (%s%s) | %s s | %s / %s s | %s req/s | %s rows/s | %s MB | %s | %s |\n' \
        "$label" "$(plural_runs "$runs")" "$opts" "${RESULT[$name.median]}" "${RESULT[$name.min]}" "${RESULT[$name.max]}" \
        "$(thousands "${RESULT[$name.rps]}")" "$(thousands "${RESULT[$name.rowsps]}")" \
        "$(thousands "${RESULT[$name.rss]}")" "$(target_text "$target")" "${RESULT[$name.verdict]}"
}

noop_row() {
    local runs=${RESULT[noop.runs]:-0}
    if ((runs == 0)); then
        return
    fi
    printf '| No-op run after it, %s (%s; JVM start excluded, %s s with it) | %s s | %s / %s s | | | | <= %s s | %s |\n' \
        "$LABEL_REAL" "$(plural_runs "$runs")" "${RESULT[noop.wall]}" "${RESULT[noop.median]}" \
        "${RESULT[noop.min]}" "${RESULT[noop.max]}" "$TARGET_NOOP_S" "${RESULT[noop.verdict]}"
}

api_row() {
    local runs=${RESULT[api.runs]}
    if ((runs == 0)); then
        printf '| API /classification | skipped | | | | | >= %s req/s | |\n' "$(thousands "$TARGET_API_RPS")"
        return
    fi
    printf '| API /classification (wrk -t2 -c32 -d10s, %s) | %s req/s | %s / %s req/s | | | | >= %s req/s | %s |\n' \
        "$(plural_runs "$runs")" "$(thousands "${RESULT[api.rps]}")" "$(thousands "${RESULT[api.min]}")" \
        "$(thousands "${RESULT[api.max]}")" "$(thousands "$TARGET_API_RPS")" "${RESULT[api.verdict]}"
}

print_table() {
    local memory java_version
    memory=$(awk '$1 == "MemTotal:" { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    java_version=$("$JAVA" -version 2>&1 | sed -n 1p)
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $memory RAM, $java_version"
    echo
    echo "| Benchmark | Median | Min / max | Requests/s | Rows/s | Peak RSS | Target | Result |"
    echo "|---|---|---|---|---|---|---|---|"
    crawl_row real "$LABEL_REAL" "$TARGET_REAL_S"
    noop_row
    crawl_row scale10 "scale-10 seeds" "$TARGET_SCALE10_S"
    crawl_row faulted "$LABEL_REAL through --faults $FAULTS" none
    api_row
}

main() {
    require wrk wrk
    require /usr/bin/time time
    require python3 python3
    require curl curl
    prepare_jar pipeline.jar
    prepare_seeds
    local run_opts=""
    if [[ -z ${JAVA_OPTS:-} ]]; then
        prepare_class_archive
        run_opts="${RUN_JAVA_OPTS:-} $ARCHIVE_OPTS"
    fi
    NOOP=1
    bench_crawl real "$LABEL_REAL" "$SEEDS_REAL" "$RUNS" "${JAVA_OPTS:-$run_opts}" "$TARGET_REAL_S"
    NOOP=0
    bench_crawl scale10 "scale-10 seeds" "$SEEDS_SCALE10" "$RUNS_SCALE10" "${JAVA_OPTS:--Xmx512m $run_opts}" "$TARGET_SCALE10_S"
    bench_crawl faulted "$LABEL_REAL through --faults $FAULTS" "$SEEDS_REAL" "$RUNS_FAULTED" \
        "${JAVA_OPTS:-$run_opts}" none "--faults $FAULTS"
    bench_api
    print_table
}

main "$@"
