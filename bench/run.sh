#!/usr/bin/env bash
# Benchmarks mgp-pipeline against its own past and against a plain crawler, in one session, alternating the variants
# run by run (this kind of machine differs by more than 2x from one session to the next: only figures from one run of
# this script compare). Prints each figure with its target, then a markdown table for the README.
#
#   1. Full crawls of the real seeds, as users run them (java -jar pipeline.jar run, no JVM flags) and with the JVM flags
#      and class archive `make run` used to pass, for this code and for the baseline (BASELINE_REF, built once): wall
#      time, CPU time (user + system, every process of the run) per request, time from launch to the first request.
#      Each as-users-run crawl is followed by a no-op run on its lake; this code's also by a `build` and `docs` on it. The
#      transform stage (models and data tests) is compared with the baseline's (models only).
#   2. A plain crawler of our own (bench/PlainCrawler.java: JDK HttpClient, 64 in flight, DuckDB writes gold at the
#      end) against one `serve`, alternating with this code's `run --api-url` on the same server.
#   3. Scale-10 seeds (-Xmx512m) and the real seeds through the fault spec, as users run them.
#   4. The API alone under wrk, with its access log on (written to a file) and off.
#   5. `build` with each engine on one crawled lake, alternating: DuckDB, and Spark on local[2] (`make spark` builds
#      it), on the real seeds and the scale-10 seeds: wall with start-up, and after it (the summary's models, tests
#      and publish); gold built by Spark must equal DuckDB's as a multiset.
#
# Usage: bench/run.sh   (or `make bench`)
# Environment:
#   RUNS=5              rounds of part 1 and part 2 (0 skips them)
#   RUNS_SCALE10=3      crawls on the scale-10 seeds (0 skips them)
#   RUNS_FAULTED=1      crawls through the fault spec (0 skips them)
#   WRK_RUNS=3          measured wrk runs per access-log setting (0 skips them)
#   RUNS_ENGINES=3      builds per engine on each lake of part 5 (0 skips them)
#   BASELINE_REF=97b0d31  the commit part 1 compares with (the code before the fast-by-default issue); empty skips it
#   JAVA=java           the java launcher
#   REAL_SEEDS          the real data (default ../shared/seeds/motogp); absent: scale-1 seeds
#
# Exits 0 when every run succeeded, even if a target is missed (reported as MISSED); non-zero when a run fails.
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
WRK_RUNS=${WRK_RUNS:-3}
RUNS_ENGINES=${RUNS_ENGINES:-3}
BASELINE_REF=${BASELINE_REF-97b0d31}
FAULTS=${FAULTS:-error=0.1,throttle=2000,malformed=0.01,drop=0.01,jitter=20ms,seed=7}
JAVA=${JAVA:-java}
REAL_SEEDS=${REAL_SEEDS:-$ROOT/../shared/seeds/motogp}
# The flags `make run` passed before the jar tuned its own JVM (io.mgp.pipeline.launch.JvmLauncher).
FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
QUIET_CDS="-Xlog:cds=off -Xlog:cds+dynamic=off"

# Targets
TARGET_REAL_S=5             # full real crawl, as users run it, median wall
TARGET_FLAGS_RATIO=1.1      # as users run it / with the flags, wall
TARGET_CPU_RATIO=0.5        # CPU per request, this code as users run it / the baseline as users ran it
TARGET_START_RATIO=0.6      # launch to first request, this code / the baseline, as users run them
TARGET_PLAIN_WALL=0.5       # pipeline / plain crawler, wall
TARGET_PLAIN_CPU=1.0        # pipeline / plain crawler, CPU (less than it)
TARGET_NOOP_S=0.5           # no-op run after start-up
TARGET_TESTS_ADD_S=0.3      # transform with contracts and data tests - transform without (the baseline), median
TARGET_BUILD_S=1.5          # build alone on the real lake, JVM start included
TARGET_DOCS_S=2             # docs on the real lake, JVM start included
TARGET_SCALE10_S=30
TARGET_API_RPS=20000
TARGET_ACCESS_LOG=0.9       # throughput with the access log / without

BUILD=0           # crawl(): follow with a `build` on its lake
SERVER_PID=""     # a `serve` the script started, stopped on exit
SERVER2_PID=""
CHILD_PID=""      # the /usr/bin/time of the process under way, stopped on exit
declare -A RESULT=()
stop_on_exit CHILD_PID SERVER_PID SERVER2_PID

# --- small helpers -----------------------------------------------------------------

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -g | head -n 1; }
maximum() { sort -g | tail -n 1; }
thousands() { printf '%.0f' "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() {
    if awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { exit !(op == "le" ? v <= t : v >= t) }'; then echo "met"; else echo "MISSED"; fi
}
# Appends a value to a named list in RESULT (one per line).
record() { RESULT[$1]+="$2"$'\n'; }
values() { printf '%s' "${RESULT[$1]:-}"; }

# --- setup -------------------------------------------------------------------------

prepare_seeds() {
    if [[ -d $REAL_SEEDS ]]; then
        SEEDS_REAL=$(cd "$REAL_SEEDS" && pwd)
        LABEL_REAL="real seeds"
    else
        SEEDS_REAL=$WORK/seeds-scale1
        LABEL_REAL="scale-1 seeds (no real data)"
        generate_seeds "$SEEDS_REAL" 1
    fi
    SEEDS_SCALE10=$WORK/seeds-scale10
    if ((RUNS_SCALE10 > 0 || RUNS_ENGINES > 0)); then
        generate_seeds "$SEEDS_SCALE10" 10
    fi
}

# The baseline's jar, built once per commit from a worktree, and its class archive, made as its Makefile made it.
prepare_baseline() {
    [[ -n $BASELINE_REF ]] || return 0
    BASE_JAR=$WORK/baseline-$BASELINE_REF.jar
    if [[ ! -f $BASE_JAR ]]; then
        log "Building the baseline, $BASELINE_REF"
        local tree=$WORK/baseline-src
        rm -rf "$tree"
        git -C "$ROOT" worktree add -f -q "$tree" "$BASELINE_REF"
        (cd "$tree" && mvn -B -q -DskipTests package >&2)
        cp "$(ls "$tree"/target/pipeline.jar)" "$BASE_JAR"
        git -C "$ROOT" worktree remove --force "$tree"
    fi
    BASE_ARCHIVE=${BASE_JAR%.jar}.jsa
    if [[ ! -f $BASE_ARCHIVE ]]; then
        log "Training the baseline's class archive"
        rm -rf "$WORK/lakes/training"
        "$JAVA" $FLAGS -XX:ArchiveClassesAtExit="$BASE_ARCHIVE" -jar "$BASE_JAR" run --seeds "$ROOT/seeds" \
            --lake "$WORK/lakes/training" --port 0 --quiet >"$WORK/logs/training.log" 2>&1
    fi
}

# This code's first run writes the jar's class archive; the "with flags" variant then names it.
prepare_archive() {
    log "A first run of this code, which writes its class archive"
    rm -rf "$WORK/lakes/training"
    "$JAVA" -jar "$JAR" run --seeds "$ROOT/seeds" --lake "$WORK/lakes/training" --port 0 --quiet >"$WORK/logs/training.log" 2>&1
    ARCHIVE=$(ls "$WORK"/pipeline-*-run.jsa 2>/dev/null | head -n 1)
    [[ -n $ARCHIVE ]] || die "no class archive beside $JAR after a first run"
}

# --- one measured process ------------------------------------------------------------

# Runs a command (words in "$@") with its output in LOG.out/.err; sets WALL, CPU (s, user + system of it and its
# children), RSS (KB) and STATUS. Waited for in this shell, so that the EXIT trap can stop it.
measure() {
    local log=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$@" >"$log.out" 2>"$log.err" &
    CHILD_PID=$!
    STATUS=0
    wait "$CHILD_PID" || STATUS=$?
    CHILD_PID=""
    local user sys
    read -r WALL user sys RSS < <(tail -n 1 "$log.time")
    CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
}

# "Requests   14,665 in ..." and "Gold       mgp   199,070 rows" of a run's summary.
summary_requests() { awk '$1 == "Requests" { gsub(/[^0-9]/, "", $2); print $2 }' "$1"; }
summary_gold() { awk '$1 == "Gold" && $2 == "mgp" { gsub(/[^0-9]/, "", $3); print $3 }' "$1"; }
# The stages after start-up: "Stages     startup 1.60 s, crawl 0.21 s, tasks 0.00 s, transform 0.90 s (models
# 0.55 s, tests 0.20 s, publish 0.10 s)"; the parts in brackets are within the transform.
summary_after_startup() {
    awk '$1 == "Stages" { sub(/ \(.*/, ""); for (i = 2; i <= NF; i++) if ($(i + 1) + 0 == $(i + 1) && $i != "startup") s += $(i + 1) }
         END { printf "%.2f", s }' "$1"
}
# One figure of the Stages line, a stage or a part of the transform: summary_stage transform|models|tests|publish FILE.
summary_stage() {
    awk -v name="$1" '$1 == "Stages" { gsub(/[(),]/, " "); for (i = 2; i < NF; i++) if ($i == name) print $(i + 1) }' "$2"
}

# Seconds from LAUNCHED (epoch) to the run's "Stage crawl started" line: the first request leaves then.
to_first_request() {
    local lake=$1 launched=$2
    python3 - "$lake" "$launched" <<'EOF'
import datetime, glob, json, sys
for path in glob.glob(sys.argv[1] + "/logs/*/process.log"):
    for line in open(path):
        entry = json.loads(line)
        if entry["message"] == "Stage crawl started":
            at = datetime.datetime.fromisoformat(entry["timestamp"].replace("Z", "+00:00")).timestamp()
            print(f"{at - float(sys.argv[2]):.2f}")
            sys.exit(0)
sys.exit(1)
EOF
}

# One crawl of SEEDS by a variant: VARIANT name, then the java command before `run` (RUN_ARGS, if set, go after it).
# Records its figures under the variant's name; NOOP=1 follows it with a no-op run on its lake, BUILD=1 with a
# `build` on it.
crawl() {
    local variant=$1 seeds=$2
    shift 2
    local lake=$WORK/lakes/$variant log=$WORK/logs/$variant-$ROUND launched
    local -a extra
    read -ra extra <<<"${RUN_ARGS:-}"
    rm -rf "$lake"
    launched=$(date +%s.%N)
    measure "$log" "$@" run --seeds "$seeds" --lake "$lake" --port 0 --quiet "${extra[@]}"
    if ((STATUS != 0)); then
        log "$variant, round $ROUND, failed (exit $STATUS); last lines of ${log#"$ROOT"/}.err:"
        tail -n 20 "$log.err" >&2
        exit 1
    fi
    local requests
    requests=$(summary_requests "$log.out")
    [[ -n $requests ]] || die "no Requests line in ${log#"$ROOT"/}.out"
    record "$variant.wall" "$WALL"
    record "$variant.cpu_ms" "$(awk -v c="$CPU" -v n="$requests" 'BEGIN { printf "%.3f", c * 1000 / n }')"
    record "$variant.rss" "$RSS"
    record "$variant.start" "$(to_first_request "$lake" "$launched")"
    record "$variant.transform" "$(summary_stage transform "$log.out")"
    local part
    for part in models tests publish docs; do
        [[ -z $(summary_stage "$part" "$log.out") ]] || record "$variant.$part" "$(summary_stage "$part" "$log.out")"
    done
    RESULT[$variant.requests]=$requests
    RESULT[$variant.gold]=$(summary_gold "$log.out")
    log "   $variant: ${WALL} s wall, $(tail -n 1 <<<"$(values "$variant.cpu_ms")") ms CPU per request," \
        "first request after $(tail -n 1 <<<"$(values "$variant.start")") s"
    if ((NOOP)); then
        measure "$log-noop" "$@" run --seeds "$seeds" --lake "$lake" --port 0 --quiet
        ((STATUS == 0)) || die "the no-op run after $variant failed (exit $STATUS)"
        record "$variant-noop.wall" "$WALL"
        record "$variant-noop.work" "$(summary_after_startup "$log-noop.out")"
        log "   then a no-op run on its lake: ${WALL} s, $(tail -n 1 <<<"$(values "$variant-noop.work")") s after start-up"
    fi
    if ((BUILD)); then
        measure "$log-build" "$@" build --lake "$lake"
        ((STATUS == 0)) || die "build on the lake of $variant failed (exit $STATUS)"
        record "$variant-build.wall" "$WALL"
        log "   then build alone on its lake: ${WALL} s"
        measure "$log-docs" "$@" docs --lake "$lake"
        ((STATUS == 0)) || die "docs on the lake of $variant failed (exit $STATUS)"
        record "$variant-docs.wall" "$WALL"
        log "   then docs on its lake: ${WALL} s"
    fi
    rm -rf "$lake"
}

# --- part 1: this code and the baseline, with and without flags ------------------------

bench_versions() {
    ((RUNS > 0)) || { log "== Full crawls: skipped"; return; }
    log "== Full crawls of the $LABEL_REAL: $RUNS rounds, alternating"
    for ((ROUND = 1; ROUND <= RUNS; ROUND++)); do
        NOOP=1 BUILD=1 crawl users "$SEEDS_REAL" "$JAVA" -jar "$JAR"
        NOOP=0 crawl flags "$SEEDS_REAL" "$JAVA" $FLAGS -XX:SharedArchiveFile="$ARCHIVE" $QUIET_CDS -jar "$JAR"
        if [[ -n $BASELINE_REF ]]; then
            NOOP=1 crawl base-users "$SEEDS_REAL" "$JAVA" -jar "$BASE_JAR"
            NOOP=0 crawl base-flags "$SEEDS_REAL" "$JAVA" $FLAGS -XX:SharedArchiveFile="$BASE_ARCHIVE" $QUIET_CDS -jar "$BASE_JAR"
        fi
    done
}

# --- part 2: a plain crawler on the same server -----------------------------------------

bench_plain() {
    ((RUNS > 0)) || { log "== Plain crawler: skipped"; return; }
    mkdir -p "$WORK/plain"
    javac -nowarn -cp "$JAR" -d "$WORK/plain" "$BENCH_DIR/PlainCrawler.java"
    local port url
    port=$(free_port)
    start_server "$port" "$SEEDS_REAL" "$WORK/logs/serve-plain.log"
    url=http://127.0.0.1:$port
    log "== The plain crawler and run --api-url on one serve: $RUNS rounds after a warm-up"
    measure "$WORK/logs/warm-up" "$JAVA" -jar "$JAR" run --api-url "$url" --lake "$WORK/lakes/warm-up" --quiet
    for ((ROUND = 1; ROUND <= RUNS; ROUND++)); do
        rm -f "$WORK/plain/gold.parquet"
        measure "$WORK/logs/plain-$ROUND" "$JAVA" -cp "$JAR:$WORK/plain" PlainCrawler "$url" "$WORK/plain/gold.parquet"
        ((STATUS == 0)) || die "the plain crawler failed (exit $STATUS)"
        record plain.wall "$WALL"
        record plain.cpu "$CPU"
        local variant
        for variant in api-users api-flags; do
            local -a java=("$JAVA")
            [[ $variant == api-flags ]] && java+=($FLAGS -XX:SharedArchiveFile="$ARCHIVE" $QUIET_CDS)
            rm -rf "$WORK/lakes/$variant"
            measure "$WORK/logs/$variant-$ROUND" "${java[@]}" -jar "$JAR" run --api-url "$url" --lake "$WORK/lakes/$variant" --quiet
            ((STATUS == 0)) || die "run --api-url failed (exit $STATUS)"
            record "$variant.wall" "$WALL"
            record "$variant.cpu" "$CPU"
        done
        log "   round $ROUND: plain $(tail -n 1 <<<"$(values plain.wall)") s, pipeline $(tail -n 1 <<<"$(values api-users.wall)") s"
    done
    stop "$SERVER_PID"
    SERVER_PID=""
}

# --- part 3: scale 10 and faults -------------------------------------------------------

bench_other_crawls() {
    NOOP=0
    BUILD=0
    if ((RUNS_SCALE10 > 0)); then
        log "== Scale-10 seeds, -Xmx512m: $RUNS_SCALE10 runs"
        for ((ROUND = 1; ROUND <= RUNS_SCALE10; ROUND++)); do
            crawl scale10 "$SEEDS_SCALE10" "$JAVA" -Xmx512m -jar "$JAR"
        done
    fi
    if ((RUNS_FAULTED > 0)); then
        log "== The $LABEL_REAL through --faults $FAULTS: $RUNS_FAULTED runs"
        for ((ROUND = 1; ROUND <= RUNS_FAULTED; ROUND++)); do
            RUN_ARGS="--faults $FAULTS" crawl faulted "$SEEDS_REAL" "$JAVA" -jar "$JAR"
        done
    fi
}

# --- part 5: the engines of `build` -----------------------------------------------------------

# "Build finished in 3.91 s (JVM start included): models 1.20 s, tests 0.80 s, publish 0.10 s": models + tests + publish.
build_after_startup() {
    awk '/^Build finished in/ { for (i = 1; i <= NF; i++) if ($i ~ /^(models|tests|publish)$/) s += $(i + 1) } END { printf "%.2f", s }' "$1"
}

# Builds one lake crawled from SEEDS with each engine in turn, RUNS_ENGINES times; LABEL names the lake in the figures.
engines_on() {
    local label=$1 seeds=$2 lake=$WORK/lakes/engines-$1 log gold=$WORK/engines-$1-gold.parquet
    rm -rf "$lake"
    "$JAVA" -jar "$JAR" run --seeds "$seeds" --lake "$lake" --port 0 --quiet >"$WORK/logs/engines-$label-run.out" 2>&1 \
        || die "the crawl for the engines on $label failed"
    "$JAVA" -jar "$JAR" query "SELECT * FROM gold.mgp" --lake "$lake" --format parquet --out "$gold" >/dev/null \
        || die "cannot export the gold of $label"
    for ((ROUND = 1; ROUND <= RUNS_ENGINES; ROUND++)); do
        local engine
        for engine in duckdb spark; do
            log=$WORK/logs/engines-$label-$engine-$ROUND
            measure "$log" "$JAVA" -Dmgp.spark.jar="$SPARK_ENGINE" -jar "$JAR" build --lake "$lake" --engine "$engine" \
                --spark-master 'local[2]'
            ((STATUS == 0)) || die "build --engine $engine on $label failed (exit $STATUS); see ${log#"$ROOT"/}.out"
            record "engines-$label-$engine.wall" "$WALL"
            record "engines-$label-$engine.work" "$(build_after_startup "$log.out")"
            log "   $label, $engine: ${WALL} s, $(build_after_startup "$log.out") s after start-up"
            if [[ $engine == spark ]]; then
                local differ
                differ=$("$JAVA" -jar "$JAR" query --lake "$lake" --format csv "SELECT (SELECT count(*) FROM (SELECT * FROM gold.mgp
                    EXCEPT ALL SELECT * FROM '$gold')) + (SELECT count(*) FROM (SELECT * FROM '$gold' EXCEPT ALL SELECT * FROM gold.mgp))" | tail -n 1) \
                    || die "cannot compare the gold Spark built on $label with DuckDB's"
                [[ $differ == 0 ]] || die "gold built by Spark on $label differs from DuckDB's in $differ rows"
            fi
        done
    done
    rm -rf "$lake"
}

bench_engines() {
    ((RUNS_ENGINES > 0)) || { log "== Engines: skipped"; return; }
    log "== build with DuckDB and with Spark (local[2]), alternating: $RUNS_ENGINES rounds on each lake"
    engines_on real "$SEEDS_REAL"
    engines_on scale10 "$SEEDS_SCALE10"
}

# --- part 4: the API under wrk, access log on and off --------------------------------------

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
    ((WRK_RUNS > 0)) || { log "== API throughput: skipped"; return; }
    local off on session
    off=$(free_port)
    start_server "$off" "$SEEDS_REAL" "$WORK/logs/serve-off.log"
    on=$(free_port)
    # the access log on, as serve runs by default, written to a file as a server's log is
    "$JAVA" -jar "$JAR" serve --seeds "$SEEDS_REAL" --port "$on" >"$WORK/logs/serve-on.log" 2>&1 &
    SERVER2_PID=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$on/" 2>/dev/null; do sleep 0.2; done
    session=$(python3 "$BENCH_DIR/pick_session.py" "http://127.0.0.1:$off")
    log "== API /classification?session_id=$session: wrk -t2 -c32 -d10s, $WRK_RUNS runs each, access log off and on"
    wrk_once "http://127.0.0.1:$off/classification?session_id=$session" 10s >/dev/null   # warm-up: JIT, pools
    wrk_once "http://127.0.0.1:$on/classification?session_id=$session" 10s >/dev/null
    local run rps
    for ((run = 1; run <= WRK_RUNS; run++)); do
        rps=$(wrk_once "http://127.0.0.1:$off/classification?session_id=$session" 10s)
        record api-off.rps "$rps"
        rps=$(wrk_once "http://127.0.0.1:$on/classification?session_id=$session" 10s)
        record api-on.rps "$rps"
        log "   run $run: $(thousands "$(tail -n 1 <<<"$(values api-off.rps)")") req/s off, $(thousands "$rps") req/s on"
    done
    stop "$SERVER2_PID"
    SERVER2_PID=""
    stop "$SERVER_PID"
    SERVER_PID=""
}

# --- report --------------------------------------------------------------------------

stat() { values "$1" | "$2"; }

row() {   # label, figure, min/max, target, verdict
    printf '| %s | %s | %s | %s | %s |\n' "$@"
}

print_table() {
    local memory java_version
    memory=$(awk '$1 == "MemTotal:" { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    java_version=$("$JAVA" -version 2>&1 | sed -n 1p)
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $memory RAM, $java_version; medians"
    echo
    echo "| Benchmark | Median | Min / max | Target | Result |"
    echo "|---|---|---|---|---|"
    if ((RUNS > 0)); then
        local users flags
        users=$(stat users.wall median)
        flags=$(stat flags.wall median)
        row "Full run, $LABEL_REAL, as users run it (\`java -jar pipeline.jar run\`, $RUNS runs)" "$users s" \
            "$(stat users.wall minimum) / $(stat users.wall maximum) s" "<= $TARGET_REAL_S s" "$(verdict "$users" le "$TARGET_REAL_S")"
        row "Same, with \`$FLAGS\` and the class archive" "$flags s" "$(stat flags.wall minimum) / $(stat flags.wall maximum) s" "" ""
        row "As users run it / with the flags, wall" "$(ratio "$users" "$flags")" "" "<= $TARGET_FLAGS_RATIO" \
            "$(verdict "$(ratio "$users" "$flags")" le "$TARGET_FLAGS_RATIO")"
        row "CPU per request (user + system), as users run it" "$(stat users.cpu_ms median) ms" \
            "$(stat users.cpu_ms minimum) / $(stat users.cpu_ms maximum) ms" "" ""
        row "Launch to first request, as users run it" "$(stat users.start median) s" \
            "$(stat users.start minimum) / $(stat users.start maximum) s" "" ""
        if [[ -n $BASELINE_REF ]]; then
            local cpu base_cpu base_flags_cpu start base_start
            cpu=$(stat users.cpu_ms median)
            base_cpu=$(stat base-users.cpu_ms median)
            base_flags_cpu=$(stat base-flags.cpu_ms median)
            start=$(stat users.start median)
            base_start=$(stat base-users.start median)
            row "Baseline ($BASELINE_REF) as users ran it: wall / CPU per request / first request" \
                "$(stat base-users.wall median) s / $base_cpu ms / $base_start s" "" "" ""
            row "Baseline with the flags and its class archive: wall / CPU per request" \
                "$(stat base-flags.wall median) s / $base_flags_cpu ms" "" "" ""
            row "CPU per request, this code / baseline, as users run them" "$(ratio "$cpu" "$base_cpu")" "" \
                "<= $TARGET_CPU_RATIO" "$(verdict "$(ratio "$cpu" "$base_cpu")" le "$TARGET_CPU_RATIO")"
            row "CPU per request, this code / baseline, both with the flags" \
                "$(ratio "$(stat flags.cpu_ms median)" "$base_flags_cpu")" "" "" ""
            row "Launch to first request, this code / baseline, as users run them" "$(ratio "$start" "$base_start")" "" \
                "<= $TARGET_START_RATIO" "$(verdict "$(ratio "$start" "$base_start")" le "$TARGET_START_RATIO")"
        fi
        row "Transform stage, as users run it (models; tests; publish)" \
            "$(stat users.transform median) s ($(stat users.models median) s; $(stat users.tests median) s; $(stat users.publish median) s)" \
            "$(stat users.transform minimum) / $(stat users.transform maximum) s" "" ""
        if [[ -n $BASELINE_REF ]]; then
            local added
            added=$(awk -v a="$(stat users.transform median)" -v b="$(stat base-users.transform median)" 'BEGIN { printf "%.2f", a - b }')
            row "Transform, baseline ($BASELINE_REF: models only, no tests or contracts)" "$(stat base-users.transform median) s" "" "" ""
            row "Time contracts, data tests and their records add to the transform (this code - baseline)" "$added s" "" \
                "<= $TARGET_TESTS_ADD_S s" "$(verdict "$added" le "$TARGET_TESTS_ADD_S")"
        fi
        row "\`build\` alone on the crawled lake, JVM start included ($RUNS runs)" "$(stat users-build.wall median) s" \
            "$(stat users-build.wall minimum) / $(stat users-build.wall maximum) s" "<= $TARGET_BUILD_S s" \
            "$(verdict "$(stat users-build.wall median)" le "$TARGET_BUILD_S")"
        row "\`docs\` on the crawled lake, JVM start included ($RUNS runs; the run's own docs stage: $(stat users.docs median) s)" \
            "$(stat users-docs.wall median) s" "$(stat users-docs.wall minimum) / $(stat users-docs.wall maximum) s" \
            "<= $TARGET_DOCS_S s" "$(verdict "$(stat users-docs.wall median)" le "$TARGET_DOCS_S")"
        row "No-op run after it, after start-up ($RUNS runs; $(stat users-noop.wall median) s with start-up)" \
            "$(stat users-noop.work median) s" "$(stat users-noop.work minimum) / $(stat users-noop.work maximum) s" \
            "<= $TARGET_NOOP_S s" "$(verdict "$(stat users-noop.work median)" le "$TARGET_NOOP_S")"
        if [[ -n $BASELINE_REF ]]; then
            row "Same, baseline as users ran it ($(stat base-users-noop.wall median) s with start-up)" \
                "$(stat base-users-noop.work median) s" "" "" ""
        fi
        local plain plain_cpu api api_cpu
        plain=$(stat plain.wall median)
        plain_cpu=$(stat plain.cpu median)
        api=$(stat api-users.wall median)
        api_cpu=$(stat api-users.cpu median)
        row "Plain crawler on one serve: wall / CPU" "$plain s / $plain_cpu s" "" "" ""
        row "\`run --api-url\` on the same serve, as users run it: wall / CPU" "$api s / $api_cpu s" "" "" ""
        row "Same, with the flags: wall / CPU" "$(stat api-flags.wall median) s / $(stat api-flags.cpu median) s" "" "" ""
        row "Pipeline / plain crawler, wall (as users run it; with the flags)" \
            "$(ratio "$api" "$plain"); $(ratio "$(stat api-flags.wall median)" "$plain")" "" "<= $TARGET_PLAIN_WALL" \
            "$(verdict "$(ratio "$api" "$plain")" le "$TARGET_PLAIN_WALL")"
        row "Pipeline / plain crawler, CPU (as users run it; with the flags)" \
            "$(ratio "$api_cpu" "$plain_cpu"); $(ratio "$(stat api-flags.cpu median)" "$plain_cpu")" "" \
            "< $TARGET_PLAIN_CPU" "$(verdict "$(ratio "$api_cpu" "$plain_cpu")" le 0.999)"
    fi
    if ((RUNS_SCALE10 > 0)); then
        local scale10
        scale10=$(stat scale10.wall median)
        row "Full run, scale-10 seeds, -Xmx512m ($RUNS_SCALE10 runs; $(thousands "${RESULT[scale10.requests]}") requests)" \
            "$scale10 s" "$(stat scale10.wall minimum) / $(stat scale10.wall maximum) s" "<= $TARGET_SCALE10_S s" \
            "$(verdict "$scale10" le "$TARGET_SCALE10_S")"
    fi
    if ((RUNS_FAULTED > 0)); then
        row "Full run, $LABEL_REAL, through \`--faults $FAULTS\` ($RUNS_FAULTED runs; gold $(thousands "${RESULT[faulted.gold]}") rows)" \
            "$(stat faulted.wall median) s" "" "" ""
    fi
    if ((WRK_RUNS > 0)); then
        local off on
        off=$(stat api-off.rps median)
        on=$(stat api-on.rps median)
        row "API /classification, wrk -t2 -c32 -d10s, access log off ($WRK_RUNS runs)" "$(thousands "$off") req/s" \
            "$(thousands "$(stat api-off.rps minimum)") / $(thousands "$(stat api-off.rps maximum)")" \
            ">= $(thousands "$TARGET_API_RPS") req/s" "$(verdict "$off" ge "$TARGET_API_RPS")"
        row "Same, access log on (serve's default, to a file)" "$(thousands "$on") req/s" \
            "$(thousands "$(stat api-on.rps minimum)") / $(thousands "$(stat api-on.rps maximum)")" "" ""
        row "Access log on / off, throughput" "$(ratio "$on" "$off")" "" ">= $TARGET_ACCESS_LOG" \
            "$(verdict "$(ratio "$on" "$off")" ge "$TARGET_ACCESS_LOG")"
    fi
    if ((RUNS_ENGINES > 0)); then
        engine_rows real "$LABEL_REAL"
        engine_rows scale10 "the scale-10 seeds"
    fi
}

engine_rows() {
    local label=$1 name=$2
    row "\`build\` on $name, DuckDB: wall / after start-up ($RUNS_ENGINES runs)" \
        "$(stat "engines-$label-duckdb.wall" median) s / $(stat "engines-$label-duckdb.work" median) s" \
        "$(stat "engines-$label-duckdb.wall" minimum) / $(stat "engines-$label-duckdb.wall" maximum) s" "" ""
    row "Same, \`--engine spark --spark-master 'local[2]'\` (gold equal to DuckDB's)" \
        "$(stat "engines-$label-spark.wall" median) s / $(stat "engines-$label-spark.work" median) s" \
        "$(stat "engines-$label-spark.wall" minimum) / $(stat "engines-$label-spark.wall" maximum) s" "" ""
}

main() {
    if ((WRK_RUNS > 0)); then
        require wrk wrk
    fi
    require /usr/bin/time time
    require python3 python3
    require curl curl
    mkdir -p "$WORK/logs" "$WORK/lakes"
    if ((RUNS_ENGINES > 0)); then
        # before the jar is copied: `make spark` rebuilds pipeline.jar first when the sources changed
        (cd "$ROOT" && make -s spark) || die "cannot build the Spark engine"
        SPARK_ENGINE=$ROOT/spark/target/pipeline-spark.jar
    fi
    prepare_jar pipeline.jar
    prepare_seeds
    prepare_baseline
    prepare_archive
    bench_versions
    bench_plain
    bench_other_crawls
    bench_api
    bench_engines
    print_table
}

main "$@"
