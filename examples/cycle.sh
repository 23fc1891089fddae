#!/usr/bin/env bash
# A full program cycle as a cron or CI job runs it: JSON output, exit codes
# checked, no prompts, the business date fixed per step. Needs only bash, sed
# and grep. Run it with the binary on PATH, or point CASHBACK at it:
#   CASHBACK=target/release/cashback examples/cycle.sh
set -euo pipefail

CASHBACK=${CASHBACK:-cashback}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export CASHBACK_DB="$work/ledger.sqlite3" CASHBACK_FORMAT=json CASHBACK_ACTOR=cycle-job
export CASHBACK_CONFIG=/dev/null
offer=10at5-cloud-open

# at DATE ARGS...: run cashback with the business date DATE.
at() { local day=$1; shift; CASHBACK_TODAY=$day "$CASHBACK" "$@"; }
# field NAME: the first value of a top-level JSON field NAME on stdin.
field() { sed -n "s/^ *\"$1\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" | head -n 1; }
# refused CODE DATE ARGS...: the command must exit with CODE.
refused() {
  local want=$1; shift
  local code=0
  at "$@" >/dev/null 2>"$work/error.json" || code=$?
  if [ "$code" != "$want" ]; then
    echo "expected exit $want, got $code: cashback ${*:2}" >&2
    cat "$work/error.json" >&2
    exit 1
  fi
}

"$CASHBACK" init
at 2015-07-01 offer add "$here/$offer.toml" >/dev/null
at 2015-07-01 reseller register --id nordic-it --name "Nordic IT AS" --email post@nordic-it.no --country NO >/dev/null
refused 1 2015-07-01 reseller register --id home-it --name "Home IT" --email home.it@hotmail.no
grep -q '"registration.business_email"' "$work/error.json"

at 2015-12-01 agreement import "$here/agreements.csv" >"$work/import.json"
[ "$(field new <"$work/import.json")" -gt 0 ]

claim=$(at 2015-12-01 claim submit --offer $offer --reseller nordic-it --agreement V1529323 --accept-terms | field id)
at 2015-12-01 check --claim "$claim" | grep -q '"eligible": true'
at 2015-12-02 claim validate "$claim" >/dev/null
at 2015-12-02 notice due --send | grep -q "\"claim_id\": $claim"
at 2015-12-04 bank submit "$claim" --holder "Nordic IT AS" --holder-type business \
  --iban "NO93 8601 1117 947" --bic DNBANOKK --currency NOK --address "Storgata 1, 0155 Oslo" >/dev/null

refused 1 2016-01-30 calculate --offer $offer
at 2016-01-31 calculate --offer $offer >/dev/null
at 2016-02-15 payout record "$claim" --reference TRF-2016-0042 >/dev/null
at 2016-02-15 payout schedule | grep -q '"status": "paid"'
refused 1 2016-02-16 payout record "$claim" --reference TRF-2016-0043
grep -q '"payout.already_paid"' "$work/error.json"

"$CASHBACK" audit verify >/dev/null
"$CASHBACK" export claims --output "$work/claims.csv"
grep -q "^$claim,$offer,nordic-it," "$work/claims.csv"
echo "cycle complete: claim $claim paid"
