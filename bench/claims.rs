//! Builds the benchmark's claims ledger with the real commands: 400
//! registered resellers, 16 offers (closed, paying and still running on the
//! benchmark's date) and 5,000 claims in every state, each taken through its
//! life by the commands an administrator would run (submit, request and
//! receive an invoice, validate, notices, bank details, calculate, payout
//! record and fail, reject, sweep), in date order with `--today` set to the
//! day each step happens.
//!
//! ```text
//! cargo run --release --example bench_claims -- --cashback target/release/cashback \
//!     --db LEDGER --work DIR
//! ```
//!
//! The ledger must already hold the agreement lines (the benchmark imports
//! the generated 100,000-line file first). Deterministic: the same lines give
//! the same claims.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{Days, NaiveDate};

/// The date the schedule and the deadlines are measured on.
const FINAL_DAY: &str = "2016-06-15";
const CLAIMS: usize = 5_000;
const RESELLERS: usize = 400;

/// splitmix64, as the agreements generator uses.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n.max(1))) >> 64) as u64
    }

    /// A day in from..=to (from when the range is empty).
    fn day(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days().max(0) as u64;
        from + Days::new(self.below(span + 1))
    }
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a literal date")
}

fn plus(day: NaiveDate, days: u64) -> NaiveDate {
    day + Days::new(days)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Calculated and paid out well before the benchmark's date.
    Closed,
    /// Calculated shortly before: payments under way.
    Paying,
    /// Sales window still open: nothing calculated yet.
    Running,
}

struct BenchOffer {
    code: &'static str,
    phase: Phase,
    currency: &'static str,
    regions: &'static [&'static str],
    products: &'static [&'static str],
    license_types: &'static [&'static str],
    segments: &'static [&'static str],
    opens_on: &'static str,
    submit_before: &'static str,
    sales_from: &'static str,
    sales_to: &'static str,
    calculation_date: &'static str,
    /// `kind` and its `rate = ...` or `amount = ...` line, and a cap line.
    incentive: &'static str,
}

const E3_BP: &[&str] = &["Office 365 E3", "Office 365 Business Premium"];

const OFFERS: [BenchOffer; 16] = [
    BenchOffer {
        code: "bench-2015-q1",
        phase: Phase::Closed,
        currency: "NOK",
        regions: &["NO"],
        products: &[],
        license_types: &[],
        segments: &[],
        opens_on: "2015-01-01",
        submit_before: "2015-05-01",
        sales_from: "2015-01-01",
        sales_to: "2015-03-31",
        calculation_date: "2015-05-31",
        incentive: "kind = \"percent\"\nrate = \"5\"\ncap = \"50000.00\"",
    },
    BenchOffer {
        code: "bench-2015-q2",
        phase: Phase::Closed,
        currency: "NOK",
        regions: &["NO"],
        products: E3_BP,
        license_types: &[],
        segments: &[],
        opens_on: "2015-04-01",
        submit_before: "2015-08-01",
        sales_from: "2015-04-01",
        sales_to: "2015-06-30",
        calculation_date: "2015-08-31",
        incentive: "kind = \"per_unit\"\namount = \"10.00\"",
    },
    BenchOffer {
        code: "bench-2015-q3-se",
        phase: Phase::Closed,
        currency: "SEK",
        regions: &["SE"],
        products: &[],
        license_types: &[],
        segments: &[],
        opens_on: "2015-07-01",
        submit_before: "2015-11-01",
        sales_from: "2015-07-01",
        sales_to: "2015-09-30",
        calculation_date: "2015-11-30",
        incentive: "kind = \"flat\"\namount = \"2500.00\"",
    },
    BenchOffer {
        code: "bench-2015-q3",
        phase: Phase::Closed,
        currency: "NOK",
        regions: &["NO"],
        products: &[],
        license_types: &[],
        segments: &["commercial"],
        opens_on: "2015-07-01",
        submit_before: "2015-11-01",
        sales_from: "2015-07-01",
        sales_to: "2015-09-30",
        calculation_date: "2015-11-30",
        incentive: "kind = \"per_new_customer\"\namount = \"150.00\"\ncap = \"20000.00\"",
    },
    BenchOffer {
        code: "bench-2015-q4",
        phase: Phase::Paying,
        currency: "NOK",
        regions: &["NO"],
        products: &[],
        license_types: &["cloud-open"],
        segments: &[],
        opens_on: "2015-10-01",
        submit_before: "2016-02-01",
        sales_from: "2015-10-01",
        sales_to: "2015-12-31",
        calculation_date: "2016-04-30",
        incentive: "kind = \"percent\"\nrate = \"8\"",
    },
    BenchOffer {
        code: "bench-2015-q4-eu",
        phase: Phase::Paying,
        currency: "EUR",
        regions: &["FI", "DE"],
        products: &[],
        license_types: &[],
        segments: &[],
        opens_on: "2015-10-01",
        submit_before: "2016-02-01",
        sales_from: "2015-10-01",
        sales_to: "2015-12-31",
        calculation_date: "2016-04-30",
        incentive: "kind = \"percent\"\nrate = \"6\"",
    },
    BenchOffer {
        code: "bench-2016-q1",
        phase: Phase::Paying,
        currency: "NOK",
        regions: &["NO"],
        products: &[],
        license_types: &[],
        segments: &[],
        opens_on: "2016-01-01",
        submit_before: "2016-04-15",
        sales_from: "2016-01-01",
        sales_to: "2016-03-31",
        calculation_date: "2016-05-31",
        incentive: "kind = \"per_unit\"\namount = \"5.00\"",
    },
    BenchOffer {
        code: "bench-2016-q1-server",
        phase: Phase::Paying,
        currency: "NOK",
        regions: &["NO"],
        products: &["Windows Server Standard", "SQL Server Standard Core"],
        license_types: &[],
        segments: &[],
        opens_on: "2016-01-01",
        submit_before: "2016-04-15",
        sales_from: "2016-01-01",
        sales_to: "2016-03-31",
        calculation_date: "2016-05-31",
        incentive: "kind = \"percent\"\nrate = \"3\"",
    },
    BenchOffer {
        code: "bench-2016-q1-public",
        phase: Phase::Paying,
        currency: "NOK",
        regions: &["NO"],
        products: &[],
        license_types: &[],
        segments: &["education", "government", "charity"],
        opens_on: "2016-01-01",
        submit_before: "2016-04-15",
        sales_from: "2016-01-01",
        sales_to: "2016-03-31",
        calculation_date: "2016-05-31",
        incentive: "kind = \"flat\"\namount = \"1000.00\"",
    },
    BenchOffer {
        code: "bench-2016-h1",
        phase: Phase::Running,
        currency: "NOK",
        regions: &["NO"],
        products: &[],
        license_types: &[],
        segments: &[],
        opens_on: "2016-01-01",
        submit_before: "2016-07-01",
        sales_from: "2016-01-01",
        sales_to: "2016-06-30",
        calculation_date: "2016-07-31",
        incentive: "kind = \"percent\"\nrate = \"10\"\ncap = \"100000.00\"",
    },
    BenchOffer {
        code: "bench-2016-q2",
        phase: Phase::Running,
        currency: "NOK",
        regions: &["NO"],
        products: E3_BP,
        license_types: &[],
        segments: &[],
        opens_on: "2016-04-01",
        submit_before: "2016-07-01",
        sales_from: "2016-04-01",
        sales_to: "2016-06-30",
        calculation_date: "2016-07-31",
        incentive: "kind = \"per_unit\"\namount = \"8.00\"",
    },
    BenchOffer {
        code: "bench-2016-q2-se",
        phase: Phase::Running,
        currency: "SEK",
        regions: &["SE"],
        products: &[],
        license_types: &[],
        segments: &[],
        opens_on: "2016-04-01",
        submit_before: "2016-07-01",
        sales_from: "2016-04-01",
        sales_to: "2016-06-30",
        calculation_date: "2016-07-31",
        incentive: "kind = \"percent\"\nrate = \"7\"",
    },
    BenchOffer {
        code: "bench-2016-q2-dk",
        phase: Phase::Running,
        currency: "DKK",
        regions: &["DK"],
        products: &[],
        license_types: &[],
        segments: &[],
        opens_on: "2016-04-01",
        submit_before: "2016-07-01",
        sales_from: "2016-04-01",
        sales_to: "2016-06-30",
        calculation_date: "2016-07-31",
        incentive: "kind = \"per_new_customer\"\namount = \"200.00\"",
    },
    BenchOffer {
        code: "bench-2015-h1",
        phase: Phase::Closed,
        currency: "NOK",
        regions: &["NO"],
        products: &[],
        license_types: &["cloud-open", "open-value"],
        segments: &[],
        opens_on: "2015-01-01",
        submit_before: "2015-07-15",
        sales_from: "2015-01-01",
        sales_to: "2015-06-30",
        calculation_date: "2015-08-31",
        incentive: "kind = \"percent\"\nrate = \"4\"",
    },
    BenchOffer {
        code: "bench-2015-h2",
        phase: Phase::Closed,
        currency: "NOK",
        regions: &["NO"],
        products: &[],
        license_types: &[],
        segments: &[],
        opens_on: "2015-07-01",
        submit_before: "2016-01-15",
        sales_from: "2015-07-01",
        sales_to: "2015-12-31",
        calculation_date: "2016-02-29",
        incentive: "kind = \"per_unit\"\namount = \"3.00\"\ncap = \"30000.00\"",
    },
    BenchOffer {
        code: "bench-2016-q2-cloud",
        phase: Phase::Running,
        currency: "NOK",
        regions: &[],
        products: &[],
        license_types: &["cloud-open"],
        segments: &[],
        opens_on: "2016-04-01",
        submit_before: "2016-07-01",
        sales_from: "2016-04-01",
        sales_to: "2016-06-30",
        calculation_date: "2016-07-31",
        incentive: "kind = \"percent\"\nrate = \"12\"",
    },
];

const RESPONSE_DAYS: u64 = 5;
const RETURN_DAYS: u64 = 30;
const PAYOUT_WITHIN_DAYS: u64 = 60;

impl BenchOffer {
    fn toml(&self) -> String {
        let list = |items: &[&str]| {
            items
                .iter()
                .map(|i| format!("\"{i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "code = \"{code}\"\nname = \"Benchmark offer {code}\"\ncurrency = \"{currency}\"\n\
             regions = [{regions}]\nterms_version = \"{code}-terms\"\n\n[dates]\n\
             opens_on = {opens}\nsubmit_before = {before}\nsales_from = {from}\nsales_to = {to}\n\
             calculation_date = {calc}\npayout_within_days = {PAYOUT_WITHIN_DAYS}\n\n[criteria]\n\
             products = [{products}]\nlicense_types = [{licenses}]\nsegments = [{segments}]\n\n\
             [incentive]\n{incentive}\n\n[notices]\nresponse_days = {RESPONSE_DAYS}\nmax_notices = 3\n\n\
             [returns]\nreturn_days = {RETURN_DAYS}\n",
            code = self.code,
            currency = self.currency,
            regions = list(self.regions),
            opens = self.opens_on,
            before = self.submit_before,
            from = self.sales_from,
            to = self.sales_to,
            calc = self.calculation_date,
            products = list(self.products),
            licenses = list(self.license_types),
            segments = list(self.segments),
            incentive = self.incentive,
        )
    }

    /// Per reseller, the first agreement with a line that counts for this
    /// offer (on the calculation date), to name in its claim.
    fn qualifying_agreements(&self, db: &Path) -> Vec<(String, String)> {
        let conn =
            rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .expect("the ledger opens");
        let json = |items: &[&str]| serde_json::json!(items).to_string();
        let mut stmt = conn
            .prepare(
                "SELECT reseller_id, min(agreement_number) FROM agreement_lines
                 WHERE sale_date BETWEEN ?1 AND ?2
                   AND (?3 = '[]' OR product IN (SELECT value FROM json_each(?3)))
                   AND (?4 = '[]' OR license_type IN (SELECT value FROM json_each(?4)))
                   AND (?5 = '[]' OR segment IN (SELECT value FROM json_each(?5)))
                   AND (?6 = '[]' OR country IN (SELECT value FROM json_each(?6)))
                   AND currency = ?7
                   AND (returned_on IS NULL OR returned_on > ?8)
                 GROUP BY reseller_id ORDER BY reseller_id",
            )
            .expect("the query prepares");
        stmt.query_map(
            rusqlite::params![
                self.sales_from,
                self.sales_to,
                json(self.products),
                json(self.license_types),
                json(self.segments),
                json(self.regions),
                self.currency,
                self.calculation_date,
            ],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("the query runs")
        .collect::<Result<_, _>>()
        .expect("rows read")
    }
}

/// One command of the script: the day it runs, an order within the day,
/// and its arguments (`{claim}` stands for the claim's id once submitted).
struct Step {
    day: NaiveDate,
    order: u8,
    claim: Option<usize>,
    args: Vec<String>,
    /// Exit codes accepted besides 0 (a validation that rejects is exit 1).
    tolerated: &'static [i32],
}

fn args(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

fn reseller_name(index: &str) -> String {
    format!("Reseller {index} AS")
}

/// The claim's life, as steps.
fn claim_steps(
    claim: usize,
    offer: &BenchOffer,
    reseller: &str,
    agreement: &str,
    random: &mut Random,
    steps: &mut Vec<Step>,
) {
    let final_day = date(FINAL_DAY);
    let calc = date(offer.calculation_date);
    let pay_by = plus(calc, PAYOUT_WITHIN_DAYS);
    let last_submit = date(offer.submit_before)
        .pred_opt()
        .expect("a date")
        .min(plus(final_day, 0) - Days::new(25));
    // Sweeps are the program's, not the claim's: they are marked with no claim.
    let mut push = |day: NaiveDate, order: u8, words: Vec<String>, tolerated: &'static [i32]| {
        let own = words[0] != "sweep";
        steps.push(Step {
            day,
            order,
            claim: own.then_some(claim),
            args: words,
            tolerated,
        })
    };
    let submitted = random.day(date(offer.opens_on), last_submit);
    push(
        submitted,
        1,
        args(&[
            "claim",
            "submit",
            "--offer",
            offer.code,
            "--reseller",
            reseller,
            "--agreement",
            agreement,
            "--accept-terms",
        ]),
        &[],
    );
    let roll = random.below(100);
    let mut day = plus(submitted, 1 + random.below(6));
    // Some claims are asked for the customer invoice first.
    if roll.is_multiple_of(7) {
        push(day, 2, args(&["claim", "request-invoice", "{claim}"]), &[]);
        if offer.phase == Phase::Running && roll < 20 {
            return; // still waiting for the invoice
        }
        day = plus(day, 1 + random.below(4));
        push(day, 2, args(&["claim", "receive-invoice", "{claim}"]), &[]);
        day = plus(day, 1);
    }
    // Rejected by the administrator (a duplicate or a withdrawn claim).
    if roll >= 93 {
        push(
            day,
            2,
            args(&[
                "claim",
                "reject",
                "{claim}",
                "--reason",
                "withdrawn by the reseller",
            ]),
            &[],
        );
        return;
    }
    if offer.phase == Phase::Running && roll < 25 {
        return; // submitted, not yet validated
    }
    push(day, 3, args(&["claim", "validate", "{claim}"]), &[1]);
    // The notices until bank details arrive, or forfeiture.
    let horizon = match offer.phase {
        Phase::Closed => calc,
        Phase::Paying | Phase::Running => final_day,
    };
    let answered_after = match roll {
        0..=9 => 0,                                   // never: forfeited after the third notice
        10..=17 if offer.phase != Phase::Closed => 9, // still waiting on the final day
        _ => 1 + (roll % 2),
    };
    let mut notice_day = if answered_after == 9 {
        // still in its notices on the benchmark's date: the first one went
        // out in the last fortnight
        random.day(plus(day, 1).max(final_day - Days::new(14)), final_day)
    } else {
        plus(day, 1 + random.below(3))
    };
    let mut answered_on = None;
    for number in 1..=3 {
        if notice_day > horizon.min(final_day) {
            break;
        }
        push(notice_day, 4, args(&["notice", "send", "{claim}"]), &[]);
        if answered_after == number {
            answered_on = Some(plus(notice_day, 1 + random.below(RESPONSE_DAYS)));
            break;
        }
        if number == 3 && answered_after == 0 {
            let expired = plus(notice_day, RESPONSE_DAYS + 1);
            if expired <= final_day {
                push(expired, 9, args(&["sweep"]), &[]);
            }
        }
        // the next notice once this one has expired (some wait longer)
        notice_day = plus(notice_day, RESPONSE_DAYS + 1 + random.below(4));
    }
    let Some(mut answered_on) = answered_on else {
        return;
    };
    if answered_on > final_day {
        return;
    }
    let bank = |holder: &str, currency: &str| {
        args(&[
            "bank",
            "submit",
            "{claim}",
            "--holder",
            holder,
            "--holder-type",
            "business",
            "--iban",
            "NO93 8601 1117 947",
            "--bic",
            "DNBANOKK",
            "--currency",
            currency,
            "--address",
            "Storgata 1, 0155 Oslo",
        ])
    };
    let holder = reseller_name(reseller.trim_start_matches("reseller-"));
    push(answered_on, 5, bank(&holder, offer.currency), &[]);
    if offer.phase == Phase::Running {
        return; // payable, provisional amount
    }
    // Paid after the calculation (`calculate` runs on calculation_date).
    let paid = match offer.phase {
        Phase::Closed => roll < 88,
        _ => roll < 60,
    };
    if !paid {
        return; // payable, waiting to be paid (overdue once pay_by passes)
    }
    let latest = pay_by.min(final_day);
    let paid_on = random.day(plus(answered_on.max(calc), 1), latest);
    if paid_on > latest {
        return;
    }
    push(
        paid_on,
        7,
        args(&[
            "payout",
            "record",
            "{claim}",
            "--reference",
            &format!("TRF-{claim:05}"),
        ]),
        &[1],
    );
    // Some transfers come back; half of those get corrected details.
    if roll % 9 == 4 {
        let failed_on = plus(paid_on, 2 + random.below(10));
        if failed_on > final_day {
            return;
        }
        push(
            failed_on,
            8,
            args(&[
                "payout",
                "fail",
                "{claim}",
                "--reason",
                "the account was closed",
            ]),
            &[],
        );
        if roll.is_multiple_of(2) {
            let notice_on = plus(failed_on, 1);
            answered_on = plus(notice_on, 2);
            if answered_on <= final_day {
                push(notice_on, 4, args(&["notice", "send", "{claim}"]), &[]);
                push(answered_on, 5, bank(&holder, offer.currency), &[]);
            }
        }
    }
}

fn main() {
    let mut cashback = None;
    let mut db = None;
    let mut work = None;
    let mut argv = std::env::args().skip(1);
    while let Some(flag) = argv.next() {
        let value = argv.next().map(PathBuf::from);
        match flag.as_str() {
            "--cashback" => cashback = value,
            "--db" => db = value,
            "--work" => work = value,
            _ => {
                eprintln!("usage: bench_claims --cashback BIN --db LEDGER --work DIR");
                std::process::exit(2);
            }
        }
    }
    let (Some(cashback), Some(db), Some(work)) = (cashback, db, work) else {
        eprintln!("usage: bench_claims --cashback BIN --db LEDGER --work DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&work).expect("the work folder");

    let mut steps = Vec::new();
    let first_day = date("2014-12-01");
    for index in 0..RESELLERS {
        let id = format!("reseller-{index:03}");
        let digits = format!("{index:03}");
        steps.push(Step {
            day: first_day,
            order: 0,
            claim: None,
            args: args(&[
                "reseller",
                "register",
                "--id",
                &id,
                "--name",
                &reseller_name(&digits),
                "--email",
                &format!("finance@{id}.example.no"),
                "--country",
                "NO",
            ]),
            tolerated: &[],
        });
    }
    for offer in &OFFERS {
        let file = work.join(format!("{}.toml", offer.code));
        std::fs::write(&file, offer.toml()).expect("the offer file");
        steps.push(Step {
            day: first_day,
            order: 1,
            claim: None,
            args: vec!["offer".into(), "add".into(), file.display().to_string()],
            tolerated: &[],
        });
        if offer.phase != Phase::Running {
            steps.push(Step {
                day: date(offer.calculation_date),
                order: 6,
                claim: None,
                args: args(&["calculate", "--offer", offer.code]),
                tolerated: &[],
            });
        }
    }

    // Deal the claims out over the offers in turn, each reseller naming its
    // first qualifying agreement.
    let mut candidates: Vec<std::vec::IntoIter<(String, String)>> = OFFERS
        .iter()
        .map(|o| o.qualifying_agreements(&db).into_iter())
        .collect();
    let mut random = Random(2016);
    let mut claim = 0;
    while claim < CLAIMS {
        let mut dealt = false;
        for (offer, queue) in OFFERS.iter().zip(candidates.iter_mut()) {
            if claim == CLAIMS {
                break;
            }
            if let Some((reseller, agreement)) = queue.next() {
                claim_steps(claim, offer, &reseller, &agreement, &mut random, &mut steps);
                claim += 1;
                dealt = true;
            }
        }
        if !dealt {
            eprintln!("only {claim} resellers qualify for the offers; fewer claims than {CLAIMS}");
            break;
        }
    }

    // Run it in date order; sweeps once per day.
    steps.sort_by_key(|s| (s.day, s.order, s.claim));
    let mut swept: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut ids: Vec<Option<i64>> = vec![None; claim];
    // A claim a rule refused (a rejecting validation, an early payment)
    // takes no further steps.
    let mut derailed = vec![false; claim];
    let mut refused = 0;
    let mut run = 0;
    for step in &steps {
        if step.args[0] == "sweep" && !swept.insert(step.day) {
            continue;
        }
        if step.claim.is_some_and(|c| derailed[c]) {
            continue;
        }
        let id = step.claim.and_then(|c| ids[c]);
        if step.args.iter().any(|a| a == "{claim}") && id.is_none() {
            continue; // its submission was refused
        }
        let words: Vec<String> = step
            .args
            .iter()
            .map(|a| match (a.as_str(), id) {
                ("{claim}", Some(id)) => id.to_string(),
                _ => a.clone(),
            })
            .collect();
        let output = Command::new(&cashback)
            .arg("--db")
            .arg(&db)
            .args([
                "--today",
                &step.day.to_string(),
                "--actor",
                "bench",
                "--quiet",
            ])
            .args(["--format", "json"])
            .args(&words)
            .stdin(Stdio::null())
            .output()
            .expect("cashback runs");
        run += 1;
        let code = output.status.code().unwrap_or(-1);
        if code != 0 {
            if !step.tolerated.contains(&code) {
                eprintln!(
                    "cashback {} (on {}) exited {code}: {}",
                    words.join(" "),
                    step.day,
                    String::from_utf8_lossy(&output.stderr).trim()
                );
                std::process::exit(1);
            }
            refused += 1;
            if let Some(c) = step.claim {
                derailed[c] = true;
            }
        }
        if words[0] == "claim" && words[1] == "submit" {
            let claim: serde_json::Value =
                serde_json::from_slice(&output.stdout).expect("the claim as JSON");
            ids[step.claim.expect("a claim step")] = claim["id"].as_i64();
        }
    }
    eprintln!(
        "{run} commands run, {refused} of them refused as the program's rules say (validations that reject, early payments)"
    );
}
