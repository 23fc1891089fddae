#!/usr/bin/env bash
# Benchmark of `cashback agreement import` against the stock sqlite3 shell's
# `.import` of the same CSV into an equivalent STRICT table (see BENCHMARKS.md).
#
#   bench/import.sh                 # 1,000,000 and 100,000 lines, 5 runs each
#   RUNS=3 bench/import.sh 200000   # other sizes / run counts
#
# For each size it generates a seeded file (examples/gen_agreements.rs, 400
# resellers, 50,000 customers), then alternates, RUNS times: the sqlite3 load
# into a fresh database, the cashback import into a fresh ledger, and the
# cashback re-import of the unchanged file into that ledger. Each run is
# timed by /usr/bin/time -v (wall clock, CPU, peak RSS); the medians and their
# ratios are printed as a Markdown table.
set -euo pipefail

RUNS=${RUNS:-5}
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then SIZES=(1000000 100000); fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench}

missing=()
command -v sqlite3 >/dev/null || missing+=("sqlite3 (apt-get install sqlite3)")
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (apt-get install time)")
command -v cargo >/dev/null || missing+=("cargo")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'missing: %s\n' "${missing[@]}" >&2
    exit 2
fi

echo "building (release) ..." >&2
(cd "$ROOT" && cargo build --release --quiet --bin cashback --example gen_agreements)
CASHBACK=$ROOT/target/release/cashback
GEN=$ROOT/target/release/examples/gen_agreements
mkdir -p "$WORK"

# The same columns, key and reseller index as the ledger's agreement_lines
# (net_amount as text: the shell has no exact decimal conversion).
SCHEMA="PRAGMA journal_mode=WAL;
CREATE TABLE agreement_lines (
    agreement_number TEXT NOT NULL, line INTEGER NOT NULL, reseller_id TEXT NOT NULL,
    customer_id TEXT NOT NULL, customer_name TEXT NOT NULL, segment TEXT NOT NULL,
    country TEXT NOT NULL, sale_date TEXT NOT NULL, product TEXT NOT NULL,
    license_type TEXT NOT NULL, quantity INTEGER NOT NULL, net_amount TEXT NOT NULL,
    currency TEXT NOT NULL, returned_on TEXT,
    PRIMARY KEY (agreement_number, line)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_lines_reseller ON agreement_lines (reseller_id, customer_id, sale_date);"

# Runs a command under /usr/bin/time -v; appends "wall cpu rss_kib" to $1.
measure() {
    local out=$1; shift
    local report
    report=$(mktemp)
    /usr/bin/time -v -o "$report" "$@" >/dev/null
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
        /User time/ { cpu += $2 }
        /System time/ { cpu += $2 }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$report" >>"$out"
    rm -f "$report"
}

# Median of column $2 of file $1.
median() {
    sort -n -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "| lines | runs | sqlite3 load (s) | cashback import (s) | ratio | re-import (s) | ratio | import CPU ratio | re-import CPU ratio | peak RSS sqlite3 / import / re-import (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for lines in "${SIZES[@]}"; do
    csv=$WORK/agreements-$lines.csv
    if [ ! -s "$csv" ]; then
        echo "generating $lines lines ..." >&2
        "$GEN" --lines "$lines" --resellers 400 --customers 50000 --seed 7 --output "$csv"
    fi
    results=$WORK/results-$lines
    rm -f "$results".*
    for run in $(seq "$RUNS"); do
        echo "  $lines lines, run $run of $RUNS" >&2
        rm -f "$WORK"/sqlite3.db*
        sqlite3 "$WORK/sqlite3.db" "$SCHEMA" >/dev/null
        measure "$results.sqlite3" sqlite3 "$WORK/sqlite3.db" ".import --csv --skip 1 $csv agreement_lines"

        rm -f "$WORK"/ledger.sqlite3*
        "$CASHBACK" --db "$WORK/ledger.sqlite3" --quiet init
        measure "$results.import" "$CASHBACK" --db "$WORK/ledger.sqlite3" --today 2016-06-01 \
            --quiet agreement import "$csv"
        measure "$results.reimport" "$CASHBACK" --db "$WORK/ledger.sqlite3" --today 2016-06-01 \
            --quiet agreement import "$csv"
    done
    # both loads must hold every line
    stored=$(sqlite3 "$WORK/ledger.sqlite3" "SELECT count(*) FROM agreement_lines")
    loaded=$(sqlite3 "$WORK/sqlite3.db" "SELECT count(*) FROM agreement_lines")
    if [ "$stored" != "$lines" ] || [ "$loaded" != "$lines" ]; then
        echo "line counts differ: cashback $stored, sqlite3 $loaded, file $lines" >&2
        exit 1
    fi
    s_wall=$(median "$results.sqlite3" 1); s_cpu=$(median "$results.sqlite3" 2); s_rss=$(median "$results.sqlite3" 3)
    i_wall=$(median "$results.import" 1); i_cpu=$(median "$results.import" 2); i_rss=$(median "$results.import" 3)
    r_wall=$(median "$results.reimport" 1); r_cpu=$(median "$results.reimport" 2); r_rss=$(median "$results.reimport" 3)
    mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
    echo "| $lines | $RUNS | $s_wall | $i_wall | $(ratio "$i_wall" "$s_wall") | $r_wall | $(ratio "$r_wall" "$s_wall") | $(ratio "$i_cpu" "$s_cpu") | $(ratio "$r_cpu" "$s_cpu") | $(mib "$s_rss") / $(mib "$i_rss") / $(mib "$r_rss") |"
done
