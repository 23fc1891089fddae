//! In-process hot paths, measured with criterion: reading and validating
//! agreement CSV rows (the import's per-row work), company-name
//! normalisation (bank payee checks), and the incentive and rule evaluation
//! every check, validation and calculation runs.
//!
//! ```text
//! cargo bench --bench hot_paths
//! ```

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use regex::Regex;

use cashback::domain::agreement::LineValidator;
use cashback::domain::eligibility::{
    self, ClaimFacts, InvoiceState, ResellerFacts, SalesFigures, Thresholds,
};
use cashback::domain::names;
use cashback::domain::offer::{Incentive, IncentiveKind, Offer};
use cashback::io::agreements_csv::AgreementsCsv;
use cashback::io::config::DEFAULT_NUMBER_PATTERN;
use cashback::io::offer_toml::parse_offer;

const HEADER: &str = "agreement_number,line,reseller_id,customer_id,customer_name,segment,country,sale_date,product,license_type,quantity,net_amount,currency,returned_on";

/// `rows` lines shaped like the generator's: agreements of 1-4 lines, a fifth
/// of the names needing CSV quoting, a few returned lines.
fn agreements_csv(rows: usize) -> Vec<u8> {
    let names = [
        "Nordfjord 12 AS",
        "Blåbær, avd. Øst AS",
        "Vik & dal, ApS",
        "\"Strand\" Holm Oy",
        "Solberg Data GmbH",
    ];
    let products = [
        "Office 365 E3",
        "Office 365 Business Premium",
        "Visio Online Plan 2",
    ];
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(HEADER.split(',')).expect("in memory");
    let mut agreement = 0;
    let mut row = 0;
    while row < rows {
        agreement += 1;
        let lines = 1 + agreement % 4;
        for line in 1..=lines {
            if row == rows {
                break;
            }
            let fields = [
                format!("V{:08}", agreement * 7919 % 100_000_000),
                line.to_string(),
                format!("reseller-{:03}", agreement % 400),
                format!("C{:06}", agreement % 50_000),
                names[agreement % names.len()].to_string(),
                "commercial".into(),
                "NO".into(),
                format!("2015-09-{:02}", 1 + agreement % 28),
                products[row % products.len()].into(),
                "cloud-open".into(),
                (1 + row % 40).to_string(),
                format!("{}.{:02}", 100 + row * 37 % 90_000, row % 100),
                "NOK".into(),
                if row % 50 == 7 { "2015-09-30" } else { "" }.into(),
            ];
            csv.write_record(&fields).expect("in memory");
            row += 1;
        }
    }
    csv.into_inner().expect("in memory")
}

fn csv_rows(c: &mut Criterion) {
    let rows = 1_000;
    let input = agreements_csv(rows);
    let pattern = Regex::new(DEFAULT_NUMBER_PATTERN).expect("the default pattern compiles");
    let mut group = c.benchmark_group("csv_rows");
    group.throughput(Throughput::Elements(rows as u64));
    group.bench_function("read_and_validate_1000", |b| {
        b.iter_batched(
            || LineValidator::new(pattern.clone()),
            |mut validator| {
                let mut csv = AgreementsCsv::new(&input[..], "bench.csv").expect("header");
                let mut valid = 0;
                while let Some(record) = csv.next_record().expect("readable") {
                    let fields = record.fields.expect("14 fields");
                    if validator.validate(fields).is_ok() {
                        valid += 1;
                    }
                }
                assert_eq!(valid, rows);
                valid
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();

    let mut validator = LineValidator::new(pattern);
    let row: [&str; 14] = [
        "V12345679",
        "2",
        "reseller-023",
        "C000042",
        "Blåbær, avd. Øst AS",
        "commercial",
        "NO",
        "2015-09-02",
        "Office 365 E3",
        "cloud-open",
        "40",
        "29520.00",
        "NOK",
        "2015-09-30",
    ];
    c.bench_function("csv_rows/validate_one", |b| {
        b.iter(|| validator.validate(black_box(row)).is_ok())
    });
}

fn name_normalisation(c: &mut Criterion) {
    let mut group = c.benchmark_group("names");
    for (label, name) in [
        ("ascii", "Nordic IT AS"),
        ("punctuated", " Acme,  Consulting Group Inc. "),
        ("nordic", "Blåbær Økonomi & Ærø Data AS"),
        ("decomposed_fullwidth", "Bla\u{030A}bær ＡＢＣ Ltd."),
    ] {
        group.bench_function(format!("normalise/{label}"), |b| {
            b.iter(|| names::normalise(black_box(name)))
        });
    }
    group.bench_function("same_name", |b| {
        b.iter(|| names::same_name(black_box("Nordic IT AS"), black_box("nordic  it a.s.")))
    });
    group.finish();
}

fn offer_with(kind: IncentiveKind, rate: &str, amount: &str) -> Offer {
    let mut offer = parse_offer(include_str!("../examples/10at5-cloud-open.toml"))
        .expect("the example offer parses");
    offer.incentive = Incentive {
        kind,
        rate: (kind == IncentiveKind::Percent).then(|| rate.parse().expect("a decimal")),
        amount: (kind != IncentiveKind::Percent).then(|| amount.parse().expect("a decimal")),
        ..offer.incentive
    };
    offer
}

fn figures() -> SalesFigures {
    SalesFigures {
        lines_counted: 6_787,
        excluded: [90_281, 21_074, 10_249, 4_015, 4_571, 0, 130],
        quantity: 107_855,
        net_minor: 1_948_430_490,
        new_customers: 1_934,
        last_counted_sale: NaiveDate::from_ymd_opt(2015, 12, 31),
    }
}

fn incentive(c: &mut Criterion) {
    let sales = figures();
    let mut group = c.benchmark_group("incentive");
    for (label, kind) in [
        ("percent", IncentiveKind::Percent),
        ("per_unit", IncentiveKind::PerUnit),
        ("flat", IncentiveKind::Flat),
        ("per_new_customer", IncentiveKind::PerNewCustomer),
    ] {
        let offer = offer_with(kind, "7.5", "12.50");
        group.bench_function(label, |b| {
            b.iter(|| eligibility::incentive_minor(black_box(&offer), black_box(&sales)))
        });
    }
    group.finish();

    let offer = offer_with(IncentiveKind::Percent, "10", "0");
    let day = |d: u32| NaiveDate::from_ymd_opt(2015, 11, d).expect("a date");
    let reseller = ResellerFacts::Registered {
        registered_on: day(2),
        email_domain: "nordic-it.no".into(),
        personal_email: false,
        enrollments: vec![("MRI".into(), day(1), day(30))],
    };
    let claim = ClaimFacts {
        submitted_on: day(10),
        terms_version: offer.terms_version.clone(),
        agreement_number: "V12345679".into(),
        agreement_reseller: Some("reseller-023".into()),
        agreement_qualifies: true,
        invoice: InvoiceState::NotRequested,
    };
    c.bench_function("eligibility/evaluate_claim", |b| {
        b.iter(|| {
            eligibility::evaluate(
                black_box(&offer),
                "reseller-023",
                &reseller,
                Some(&claim),
                &sales,
                day(20),
                Thresholds::PendingWhileSalesOpen,
            )
        })
    });
}

criterion_group! {
    name = hot_paths;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = csv_rows, name_normalisation, incentive
}
criterion_main!(hot_paths);
