#!/usr/bin/env bash
# The whole benchmark in one command (see BENCHMARKS.md): every figure is a
# ratio against the stock sqlite3 shell doing the same work in the same run.
#
#   bench/run.sh            # 1,000,000 and 100,000 lines (about 8 minutes)
#   bench/run.sh --quick    # 100,000 lines only (about 5 minutes)
#   RUNS=7 bench/run.sh     # more alternating runs per measurement (default 5)
#   REUSE_CLAIMS=1 bench/run.sh --quick   # keep the claims ledger of the last run
#
# 1. import and re-import: bench/import.sh (cashback against sqlite3 .import);
# 2. `check --offer 10at5-cloud-open --all` against bench/sql/check_all.sql,
#    run by sqlite3 read-only on the same ledger file;
# 3. `payout schedule` and `deadlines` on a ledger of 5,000 claims built with
#    the real commands (bench/claims.rs) against bench/sql/schedule.sql and
#    bench/sql/deadlines.sql;
# 4. start-up: `cashback --version` and `claim list` on the demo ledger
#    against `sqlite3 :memory: 'select 1'`;
# 5. the criterion benches of the in-process hot paths (benches/hot_paths.rs).
#
# The SQL's output is compared with cashback's before anything is timed, so
# both sides provably do the same work. Prerequisites: cargo, sqlite3 and
# /usr/bin/time (apt-get install sqlite3 time).
set -euo pipefail

QUICK=0
for arg in "$@"; do
    case $arg in
        --quick) QUICK=1 ;;
        *) echo "usage: bench/run.sh [--quick]" >&2; exit 2 ;;
    esac
done
RUNS=${RUNS:-5}
if [ "$QUICK" = 1 ]; then SIZES=(100000); else SIZES=(1000000 100000); fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench}
SQL=$ROOT/bench/sql
mkdir -p "$WORK"
RESULTS=$WORK/results.md
STARTED=$(date +%s)

missing=()
command -v sqlite3 >/dev/null || missing+=("sqlite3 (apt-get install sqlite3)")
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (apt-get install time)")
command -v cargo >/dev/null || missing+=("cargo")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'missing: %s\n' "${missing[@]}" >&2
    exit 2
fi

echo "building (release) ..." >&2
(cd "$ROOT" && cargo build --release --quiet --bin cashback --example gen_agreements --example bench_claims)
CASHBACK=$ROOT/target/release/cashback
BUILD_CLAIMS=$ROOT/target/release/examples/bench_claims

# --- helpers ----------------------------------------------------------------

# Runs a command with stdout to /dev/null; appends its wall time in seconds
# (nanosecond clock) to file $1.
timed() {
    local out=$1; shift
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f\n", (b - a) / 1e9 }' >>"$out"
}

# Median of the numbers in file $1 (one per line).
median() {
    sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
verdict() { if le "$1" "$2"; then echo pass; else echo FAIL; fi; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

# The SQL file $1 with {{SCHEDULE_ROWS}} and {{TODAY}} filled in.
sql_file() {
    awk -v rows="$SQL/schedule_rows.sql" -v today="$2" '
        { gsub(/\{\{TODAY\}\}/, today) }
        /\{\{SCHEDULE_ROWS\}\}/ {
            at = index($0, "{{SCHEDULE_ROWS}}")
            printf "%s", substr($0, 1, at - 1)
            while ((getline line < rows) > 0) { gsub(/\{\{TODAY\}\}/, today, line); print line }
            close(rows)
            print substr($0, at + length("{{SCHEDULE_ROWS}}"))
            next
        }
        { print }' "$1"
}

# Compares cashback's CSV ($1) with sqlite3's ($2), ignoring the quoting
# styles; stops the benchmark when the rows differ.
same_rows() {
    if ! diff -q <(tr -d '\r"' <"$1") <(tr -d '\r"' <"$2") >/dev/null; then
        echo "the SQL's rows differ from cashback's: $1 $2" >&2
        diff <(tr -d '\r"' <"$1") <(tr -d '\r"' <"$2") | head -5 >&2
        exit 1
    fi
}

SUMMARY=()
target() { SUMMARY+=("| $1 | $2 | $3 | $(verdict "$2" "$3") |"); }

# --- 1. import and re-import --------------------------------------------------

echo "== 1. import and re-import (bench/import.sh)" >&2
IMPORT_TABLE=$WORK/import.md
RUNS=$RUNS BENCH_DIR=$WORK "$ROOT/bench/import.sh" "${SIZES[@]}" | tee "$IMPORT_TABLE"
# | lines | runs | sqlite3 | import | ratio | re-import | ratio | cpu | cpu | rss a / b / c |
import_field() {
    awk -F'|' -v lines="$1" -v col="$2" '
        { gsub(/ /, "", $2) } $2 == lines { v = $(col + 1); gsub(/^ +| +$/, "", v); print v }' "$IMPORT_TABLE"
}
declare -A IMPORT_WALL REIMPORT_WALL RSS_IMPORT RSS_REIMPORT
for lines in "${SIZES[@]}"; do
    IMPORT_WALL[$lines]=$(import_field "$lines" 4)
    REIMPORT_WALL[$lines]=$(import_field "$lines" 6)
    rss=$(import_field "$lines" 10)
    RSS_IMPORT[$lines]=$(echo "$rss" | awk -F' / ' '{ print $2 }')
    RSS_REIMPORT[$lines]=$(echo "$rss" | awk -F' / ' '{ print $3 }')
    target "import / sqlite3 typed load, $lines lines" "$(import_field "$lines" 5)" 1.5
    target "re-import unchanged / sqlite3 load, $lines lines" "$(import_field "$lines" 7)" 1.0
    target "peak memory of import (MiB), $lines lines" "${RSS_IMPORT[$lines]}" 64
    target "peak memory of re-import (MiB), $lines lines" "${RSS_REIMPORT[$lines]}" 64
done

# --- 2. check --all -----------------------------------------------------------

echo "== 2. check --offer 10at5-cloud-open --all" >&2
declare -A CHECK_WALL
CHECK_ROWS=()
for lines in "${SIZES[@]}"; do
    db=$WORK/check-$lines.sqlite3
    rm -f "$db" "$db-wal" "$db-shm"
    "$CASHBACK" --db "$db" --quiet init
    "$CASHBACK" --db "$db" --today 2016-07-01 --quiet agreement import "$WORK/agreements-$lines.csv" >/dev/null
    "$CASHBACK" --db "$db" --quiet offer add "$ROOT/examples/10at5-cloud-open.toml" >/dev/null
    check=("$CASHBACK" --db "$db" --today 2016-07-01 --format csv --quiet check --offer 10at5-cloud-open --all)
    # the same figures: reseller, quantity, net amount, new customers
    "${check[@]}" | awk -F, 'NR > 1 { print $1 "," $3 "," $4 "," $5 }' >"$WORK/check-cashback.csv"
    sqlite3 -readonly -csv "$db" <"$SQL/check_all.sql" >"$WORK/check-sqlite3.csv"
    same_rows "$WORK/check-cashback.csv" "$WORK/check-sqlite3.csv"
    rm -f "$WORK"/check-times.*
    for run in $(seq "$RUNS"); do
        timed "$WORK/check-times.sqlite3" sqlite3 -readonly "$db" <"$SQL/check_all.sql"
        timed "$WORK/check-times.cashback" "${check[@]}"
    done
    s=$(median "$WORK/check-times.sqlite3"); c=$(median "$WORK/check-times.cashback")
    CHECK_WALL[$lines]=$c
    CHECK_ROWS+=("| check --all, $lines lines | $(ms "$s") | $(ms "$c") | $(ratio "$c" "$s") |")
    target "check --all / SQL, $lines lines" "$(ratio "$c" "$s")" 2.0
done

# --- 3. payout schedule and deadlines on 5,000 claims ------------------------

echo "== 3. payout schedule and deadlines on 5,000 claims" >&2
claims_db=$WORK/claims.sqlite3
if [ "${REUSE_CLAIMS:-0}" = 1 ] && [ -s "$claims_db" ]; then
    echo "reusing $claims_db (REUSE_CLAIMS=1)" >&2
    BUILD_SECONDS=$(cat "$WORK/claims-build-seconds" 2>/dev/null || echo "?")
else
    rm -f "$claims_db" "$claims_db-wal" "$claims_db-shm"
    "$CASHBACK" --db "$claims_db" --quiet init
    "$CASHBACK" --db "$claims_db" --today 2016-06-15 --quiet agreement import "$WORK/agreements-100000.csv" >/dev/null
    build_start=$(date +%s)
    "$BUILD_CLAIMS" --cashback "$CASHBACK" --db "$claims_db" --work "$WORK/claims-offers"
    BUILD_SECONDS=$(( $(date +%s) - build_start ))
    echo "$BUILD_SECONDS" >"$WORK/claims-build-seconds"
fi
CLAIM_STATES=$(sqlite3 -readonly "$claims_db" "SELECT group_concat(status || ' ' || n, ', ') FROM (SELECT status, count(*) AS n FROM claims GROUP BY status ORDER BY n DESC)")
CLAIM_COUNT=$(sqlite3 -readonly "$claims_db" "SELECT count(*) FROM claims")
sql_file "$SQL/schedule.sql" 2016-06-15 >"$WORK/schedule.sql"
sql_file "$SQL/deadlines.sql" 2016-06-15 >"$WORK/deadlines.sql"
CLAIMS_ROWS=()
for command in schedule deadlines; do
    if [ "$command" = schedule ]; then words=(payout schedule); else words=(deadlines); fi
    run_cashback=("$CASHBACK" --db "$claims_db" --today 2016-06-15 --format csv --quiet "${words[@]}")
    "${run_cashback[@]}" >"$WORK/$command-cashback.csv"
    sqlite3 -readonly -csv -header "$claims_db" <"$WORK/$command.sql" >"$WORK/$command-sqlite3.csv"
    same_rows "$WORK/$command-cashback.csv" "$WORK/$command-sqlite3.csv"
    rows=$(($(wc -l <"$WORK/$command-cashback.csv") - 1))
    rm -f "$WORK"/claims-times.*
    for run in $(seq "$RUNS"); do
        timed "$WORK/claims-times.sqlite3" sqlite3 -readonly -csv -header "$claims_db" <"$WORK/$command.sql"
        timed "$WORK/claims-times.cashback" "${run_cashback[@]}"
    done
    s=$(median "$WORK/claims-times.sqlite3"); c=$(median "$WORK/claims-times.cashback")
    CLAIMS_ROWS+=("| ${words[*]} ($rows rows) | $(ms "$s") | $(ms "$c") | $(ratio "$c" "$s") |")
    target "${words[*]} / SQL, $CLAIM_COUNT claims" "$(ratio "$c" "$s")" 2.0
done

# --- 4. start-up --------------------------------------------------------------

echo "== 4. start-up" >&2
demo_db=$WORK/demo.sqlite3
rm -f "$demo_db" "$demo_db-wal" "$demo_db-shm"
"$CASHBACK" demo --db "$demo_db" >/dev/null 2>&1
LOOP=200
# Appends the mean wall time of LOOP runs of the command to file $1.
looped() {
    local out=$1; shift
    local start end i
    start=$(date +%s%N)
    for ((i = 0; i < LOOP; i++)); do "$@" >/dev/null 2>&1; done
    end=$(date +%s%N)
    awk -v a="$start" -v b="$end" -v n="$LOOP" 'BEGIN { printf "%.6f\n", (b - a) / 1e9 / n }' >>"$out"
}
rm -f "$WORK"/startup.*
for run in $(seq "$RUNS"); do
    looped "$WORK/startup.sqlite3" sqlite3 :memory: 'select 1'
    looped "$WORK/startup.version" "$CASHBACK" --version
    looped "$WORK/startup.list" "$CASHBACK" --db "$demo_db" claim list
done
s=$(median "$WORK/startup.sqlite3")
STARTUP_ROWS=()
for name in version list; do
    c=$(median "$WORK/startup.$name")
    if [ "$name" = version ]; then label="cashback --version"; else label="cashback claim list (demo ledger)"; fi
    STARTUP_ROWS+=("| $label | $(ms "$s") | $(ms "$c") | $(ratio "$c" "$s") |")
    target "start-up: $label / sqlite3 :memory: 'select 1'" "$(ratio "$c" "$s")" 3.0
done

# --- growth -------------------------------------------------------------------

GROWTH_ROWS=()
if [ "$QUICK" = 0 ]; then
    for item in import reimport check; do
        case $item in
            import) big=${IMPORT_WALL[1000000]}; small=${IMPORT_WALL[100000]}; label="import" ;;
            reimport) big=${REIMPORT_WALL[1000000]}; small=${REIMPORT_WALL[100000]}; label="re-import" ;;
            check) big=${CHECK_WALL[1000000]}; small=${CHECK_WALL[100000]}; label="check --all" ;;
        esac
        GROWTH_ROWS+=("| $label | $(awk -v s="$small" 'BEGIN { printf "%.3f", s }') | $(awk -v s="$big" 'BEGIN { printf "%.3f", s }') | $(ratio "$big" "$small") |")
        target "cost growth of $label, 1M / 100k lines" "$(ratio "$big" "$small")" 11
    done
    target "peak memory growth of import, 1M / 100k lines (flat)" \
        "$(ratio "${RSS_IMPORT[1000000]}" "${RSS_IMPORT[100000]}")" 1.5
fi

# --- 5. criterion -------------------------------------------------------------

echo "== 5. criterion benches (benches/hot_paths.rs)" >&2
CRITERION=$WORK/criterion.txt
if [ "$QUICK" = 1 ]; then crit_args=(--warm-up-time 0.3 --measurement-time 1); else crit_args=(); fi
(cd "$ROOT" && cargo bench --quiet --bench hot_paths -- --output-format bencher "${crit_args[@]}") 2>/dev/null |
    grep '^test ' >"$CRITERION"

# --- report -------------------------------------------------------------------

{
    echo "## Results ($(date -u +%Y-%m-%d), $( [ "$QUICK" = 1 ] && echo "--quick" || echo "full run"), $RUNS alternating runs, medians)"
    echo
    echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), sqlite3 shell $(sqlite3 --version | cut -d' ' -f1), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
    echo
    echo "### Import"
    echo
    grep -v '^$' "$IMPORT_TABLE"
    echo
    echo "### Queries (wall time per run, ms)"
    echo
    echo "| work | sqlite3 | cashback | ratio |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${CHECK_ROWS[@]}" "${CLAIMS_ROWS[@]}" "${STARTUP_ROWS[@]}"
    echo
    echo "Claims ledger: $CLAIM_COUNT claims ($CLAIM_STATES) on 100,000 lines, built with the real commands in ${BUILD_SECONDS} s."
    if [ ${#GROWTH_ROWS[@]} -gt 0 ]; then
        echo
        echo "### Growth (cashback wall time, s)"
        echo
        echo "| work | 100k lines | 1M lines | 1M / 100k |"
        echo "|---|---:|---:|---:|"
        printf '%s\n' "${GROWTH_ROWS[@]}"
    fi
    echo
    echo "### Targets"
    echo
    echo "| target | measured | limit | result |"
    echo "|---|---:|---:|---|"
    printf '%s\n' "${SUMMARY[@]}"
    echo
    echo "### criterion (benches/hot_paths.rs, time per iteration)"
    echo
    echo '```'
    cat "$CRITERION"
    echo '```'
    echo
    echo "Whole benchmark: $(( $(date +%s) - STARTED )) s."
} >"$RESULTS"
echo
cat "$RESULTS"
if grep -q '| FAIL |' "$RESULTS"; then exit 1; fi
