# Shared by bench/run.sh and bench/soak.sh: logging, setup and process control.
# The sourcing script sets BENCH_DIR, ROOT, WORK, JAVA and SCRIPT (its name in messages).

log() { printf '%s\n' "$*" >&2; }
die() { log "$SCRIPT: $*"; exit 1; }

# Installs a Debian package when its command is missing (only then: apt-get is slow).
require() {
    local command=$1 package=$2
    if [[ -x $command ]] || command -v "$command" >/dev/null 2>&1; then
        return
    fi
    log "Installing $package (no $command found)"
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "$package" >/dev/null
}

# Copies the jar to $WORK/NAME and sets JAR: others may rebuild target/pipeline.jar while this runs,
# and a jar rewritten under a running JVM breaks it or mixes two builds in one table.
prepare_jar() {
    local name=$1
    if [[ ! -f $ROOT/target/pipeline.jar ]]; then
        log "Building target/pipeline.jar"
        (cd "$ROOT" && mvn -q -o -DskipTests package)
    fi
    mkdir -p "$WORK/logs"
    cp "$ROOT/target/pipeline.jar" "$WORK/$name"
    JAR=$WORK/$name
}

# Generates seeds once into DIR; written to DIR.tmp first so an interrupted generation
# is never mistaken for a finished one.
generate_seeds() {
    local dir=$1 scale=$2
    if [[ -f $dir/classifications.parquet ]]; then
        return
    fi
    log "Generating scale $scale seeds into ${dir#"$ROOT"/}"
    rm -rf "$dir.tmp"
    "$JAVA" -jar "$JAR" seed --out "$dir.tmp" --scale "$scale" --random-seed 42 >&2
    mv "$dir.tmp" "$dir"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Is any of these processes still running? (An exited child of ours stays a zombie,
# which kill -0 would count as alive, until it is waited for.)
running() {
    ps -o stat= -p "$(tr ' ' , <<<"$*")" 2>/dev/null | grep -qv '^Z'
}

# Stops a process (a server's java, wrk, or the /usr/bin/time wrapping a crawl's java) and
# waits for it. A wrapped java gets SIGTERM itself: killing only time would orphan it, and
# time exits on its own once its java has. Camel may take seconds to shut down
# gracefully, so after 15 s it gets SIGKILL.
stop() {
    local pid=$1 targets waited=0
    targets=$(pgrep -P "$pid" | tr '\n' ' ' || true)
    targets=${targets:-$pid}
    # shellcheck disable=SC2086  # one pid per word
    kill -TERM $targets 2>/dev/null || true
    while running $targets && ((waited++ < 150)); do
        sleep 0.1
    done
    kill -KILL $targets "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# On any exit, stops the processes whose pids the named variables hold (empty: none running); an interrupt or a
# TERM exits with the usual status, through the same stop.
stop_on_exit() {
    STOP_ON_EXIT=("$@")
    trap stop_named EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

stop_named() {
    local name
    for name in "${STOP_ON_EXIT[@]}"; do
        [[ -z ${!name} ]] || stop "${!name}"
        printf -v "$name" '%s' ""
    done
}

# Starts `serve` on PORT with the seeds in SEEDS (further arguments go to serve), its output in LOG, sets
# SERVER_PID and returns once it answers GET /. The access log is off: it would measure log writing.
start_server() {
    local port=$1 seeds=$2 log_file=$3
    shift 3
    local -a opts
    read -ra opts <<<"${JAVA_OPTS:-}"
    mkdir -p "$(dirname "$log_file")"
    "$JAVA" "${opts[@]}" -Dmgp.access-log=OFF -jar "$JAR" serve --seeds "$seeds" --port "$port" "$@" \
        >"$log_file" 2>&1 &
    SERVER_PID=$!
    local waited=0
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
        if ! running "$SERVER_PID"; then
            log "The API server exited before answering; last lines of ${log_file#"$ROOT"/}:"
            tail -n 20 "$log_file" >&2
            exit 1
        fi
        ((waited++ < 600)) || die "the API server did not answer GET / within 60 s"
        sleep 0.1
    done
}
