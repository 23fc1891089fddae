//! A deterministic, seeded generator of agreements CSV files (SPEC section 5)
//! of any size, streamed: nothing is held per line, so a billion lines take
//! no more memory than ten.
//!
//! The data has the skew of real sales: agreements of 1-12 lines in random
//! number order, a few resellers with most of the sales, about a fifth of the
//! customer names needing CSV quoting (commas, quotes, æøå), mixed currencies
//! and license types, and about 2 % returned lines. `--invalid N` adds N
//! invalid rows, cycling through every kind of problem, and prints their line
//! numbers and kinds on stderr (for tests of the rejects file).
//!
//! ```text
//! cargo run --release --example gen_agreements -- --lines 1000000 \
//!     --resellers 400 --customers 50000 --seed 7 > sales.csv
//! ```

use std::io::{self, BufWriter, Write};

const USAGE: &str = "usage: gen_agreements [--lines N] [--resellers N] [--customers N] [--seed N] [--invalid N] [--output FILE]";

/// splitmix64: small, fast and good enough for test data; fixed by the seed.
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
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// In 0..n, the low values much more often (a few big resellers).
    fn skewed(&mut self, n: u64) -> u64 {
        let u = self.next() as f64 / u64::MAX as f64;
        ((u * u * u) * n as f64) as u64 % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, weighted: &[(&'a str, u64)]) -> &'a str {
        let total: u64 = weighted.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total);
        for (value, weight) in weighted {
            if roll < *weight {
                return value;
            }
            roll -= weight;
        }
        weighted[0].0
    }
}

struct Settings {
    lines: u64,
    resellers: u64,
    customers: u64,
    seed: u64,
    invalid: u64,
    output: Option<String>,
}

fn settings() -> Result<Settings, String> {
    let mut settings = Settings {
        lines: 1000,
        resellers: 40,
        customers: 500,
        seed: 1,
        invalid: 0,
        output: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(USAGE)?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: `{value}` is not a number"))
        };
        match flag.as_str() {
            "--lines" => settings.lines = number()?,
            "--resellers" => settings.resellers = number()?.max(1),
            "--customers" => settings.customers = number()?.max(1),
            "--seed" => settings.seed = number()?,
            "--invalid" => settings.invalid = number()?,
            "--output" => settings.output = Some(value),
            _ => return Err(USAGE.to_string()),
        }
    }
    Ok(settings)
}

const HEADER: [&str; 14] = [
    "agreement_number",
    "line",
    "reseller_id",
    "customer_id",
    "customer_name",
    "segment",
    "country",
    "sale_date",
    "product",
    "license_type",
    "quantity",
    "net_amount",
    "currency",
    "returned_on",
];

const PRODUCTS: [(&str, u64, u64); 8] = [
    // name, weight, unit price in whole units of the currency
    ("Office 365 E3", 30, 240),
    ("Office 365 Business Premium", 25, 150),
    ("Office 365 E1", 10, 96),
    ("Exchange Online Plan 1", 10, 48),
    ("Project Online Professional", 5, 360),
    ("Visio Online Plan 2", 5, 180),
    ("Windows Server Standard", 10, 900),
    ("SQL Server Standard Core", 5, 3700),
];

const SEGMENTS: [(&str, u64); 4] = [
    ("commercial", 75),
    ("education", 12),
    ("government", 9),
    ("charity", 4),
];

const LICENSE_TYPES: [(&str, u64); 3] =
    [("cloud-open", 60), ("open-value", 25), ("open-license", 15)];

/// Country and currency go together, mostly.
const MARKETS: [(&str, &str, u32, u64); 6] = [
    ("NO", "NOK", 2, 60),
    ("SE", "SEK", 2, 15),
    ("DK", "DKK", 2, 10),
    ("FI", "EUR", 2, 8),
    ("DE", "EUR", 2, 5),
    ("JP", "JPY", 0, 2),
];

const NAME_PARTS: [&str; 16] = [
    "Nord", "Fjord", "Berg", "Vik", "Dal", "Strand", "Lund", "Holm", "Skog", "Elv", "Sol", "Vest",
    "Øst", "Blåbær", "Ærø", "Havn",
];

const SUFFIXES: [&str; 6] = ["AS", "ASA", "AB", "ApS", "Oy", "GmbH"];

/// A customer's name, the same every time for one customer; about a fifth
/// need CSV quoting.
fn customer_name(customer: u64) -> String {
    let mut random = Random(customer.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5bd1_e995);
    let first = NAME_PARTS[random.below(NAME_PARTS.len() as u64) as usize];
    let second = NAME_PARTS[random.below(NAME_PARTS.len() as u64) as usize].to_lowercase();
    let suffix = SUFFIXES[random.below(SUFFIXES.len() as u64) as usize];
    match random.below(20) {
        0 | 1 => format!("{first}{second}, avd. {customer} {suffix}"),
        2 => format!("\"{first}{second}\" {suffix}"),
        3 => format!("{first} & {second}, {suffix}"),
        _ => format!("{first}{second} {customer} {suffix}"),
    }
}

/// Days since 2015-01-01 as a date of 2015 or 2016.
fn date(day: u64) -> String {
    const MONTHS: [u64; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (mut year, mut day) = (2015, day);
    loop {
        let leap = year % 4 == 0;
        let length = if leap { 366 } else { 365 };
        if day < length {
            break;
        }
        day -= length;
        year += 1;
    }
    let mut month = 0;
    loop {
        let length = MONTHS[month] + u64::from(month == 1 && year % 4 == 0);
        if day < length {
            break;
        }
        day -= length;
        month += 1;
    }
    format!("{year}-{:02}-{:02}", month + 1, day + 1)
}

fn amount(minor: u64, digits: u32) -> String {
    if digits == 0 {
        return minor.to_string();
    }
    let scale = 10u64.pow(digits);
    format!(
        "{}.{:0width$}",
        minor / scale,
        minor % scale,
        width = digits as usize
    )
}

/// Agreement numbers in random order without repeats: an affine bijection
/// of 0..10^8.
fn agreement_number(index: u64) -> String {
    const SPACE: u64 = 100_000_000;
    const STEP: u64 = 48_271_013; // coprime with 10^8
    format!("V{:08}", (index.wrapping_mul(STEP) + 12_345_679) % SPACE)
}

/// The kinds of invalid row `--invalid` cycles through.
const INVALID_KINDS: [&str; 16] = [
    "agreement_number",
    "line",
    "reseller_id",
    "customer_id",
    "segment",
    "country",
    "sale_date",
    "quantity",
    "net_amount negative",
    "net_amount digits",
    "currency",
    "returned_on",
    "repeated key",
    "header conflict",
    "field count",
    "license_type",
];

fn corrupt(kind: &str, row: &mut Vec<String>) {
    match kind {
        "agreement_number" => row[0] = "v-1".into(),
        "line" => row[1] = "0".into(),
        "reseller_id" => row[2] = "-bad id".into(),
        "customer_id" => row[3] = String::new(),
        "segment" => row[5] = "private".into(),
        "country" => row[6] = "XX".into(),
        "sale_date" => row[7] = "31.12.2015".into(),
        "quantity" => row[10] = "1.5".into(),
        "net_amount negative" => row[11] = "-10.00".into(),
        "net_amount digits" => row[11] = "10.001".into(),
        "currency" => row[12] = "NOKK".into(),
        "returned_on" => row[13] = "2014-01-01".into(),
        "header conflict" => row[4] = format!("{} (other)", row[4]),
        "field count" => row.truncate(3),
        "license_type" => row[9] = String::new(),
        _ => {}
    }
}

fn main() {
    let settings = match settings() {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let out: Box<dyn Write> = match &settings.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    if let Err(e) = generate(&settings, BufWriter::with_capacity(256 * 1024, out)) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

fn generate(settings: &Settings, out: impl Write) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(out);
    writer.write_record(HEADER)?;
    let mut random = Random(settings.seed);
    let mut written = 0_u64;
    let mut physical_line = 1_u64;
    let mut agreement = 0_u64;
    // Spread the invalid rows evenly over the file.
    let every = settings
        .lines
        .checked_div(settings.invalid)
        .map_or(u64::MAX, |every| every.max(1));
    let mut injected = 0_u64;
    let mut row: Vec<String> = Vec::with_capacity(14);
    while written < settings.lines {
        let number = agreement_number(agreement);
        agreement += 1;
        let reseller = format!("reseller-{:03}", random.skewed(settings.resellers));
        let customer = random.skewed(settings.customers);
        let segment = random.pick(&SEGMENTS);
        let market = {
            let weights: Vec<(usize, u64)> =
                MARKETS.iter().enumerate().map(|(i, m)| (i, m.3)).collect();
            let total: u64 = weights.iter().map(|w| w.1).sum();
            let mut roll = random.below(total);
            let mut chosen = 0;
            for (i, w) in weights {
                if roll < w {
                    chosen = i;
                    break;
                }
                roll -= w;
            }
            MARKETS[chosen]
        };
        let sale_day = random.below(540);
        let sale_date = date(sale_day);
        let name = customer_name(customer);
        let lines = 1 + random.below(12).min(random.below(12));
        for line in 1..=lines {
            if written == settings.lines {
                break;
            }
            let (product, _, price) = PRODUCTS[{
                let total: u64 = PRODUCTS.iter().map(|p| p.1).sum();
                let mut roll = random.below(total);
                let mut chosen = 0;
                for (i, p) in PRODUCTS.iter().enumerate() {
                    if roll < p.1 {
                        chosen = i;
                        break;
                    }
                    roll -= p.1;
                }
                chosen
            }];
            let quantity = 1 + random.skewed(60);
            let digits = market.2;
            let unit_minor = price * 10u64.pow(digits) * if digits == 0 { 110 } else { 1 };
            // a discount of 0-20 % in minor units keeps amounts exact
            let net_minor = quantity * unit_minor * (100 - random.below(21)) / 100;
            let returned_on = if random.chance(2) {
                date(sale_day + 1 + random.below(30))
            } else {
                String::new()
            };
            row.clear();
            row.extend([
                number.clone(),
                line.to_string(),
                reseller.clone(),
                format!("C{customer:06}"),
                name.clone(),
                segment.to_string(),
                market.0.to_string(),
                sale_date.clone(),
                product.to_string(),
                random.pick(&LICENSE_TYPES).to_string(),
                quantity.to_string(),
                amount(net_minor, digits),
                market.1.to_string(),
                returned_on,
            ]);
            writer.write_record(&row)?;
            physical_line += 1;
            written += 1;
            if written.is_multiple_of(every) && injected < settings.invalid {
                let kind = INVALID_KINDS[(injected % INVALID_KINDS.len() as u64) as usize];
                match kind {
                    // the same key again
                    "repeated key" => {}
                    // another line of this agreement with another customer name
                    "header conflict" => row[1] = (lines + 1).to_string(),
                    // a fresh agreement, so only the one problem shows
                    _ => {
                        row[0] = format!("X{:07}", injected);
                        row[1] = "1".into();
                    }
                }
                corrupt(kind, &mut row);
                writer.write_record(&row)?;
                physical_line += 1;
                injected += 1;
                eprintln!("line {physical_line}: {kind}");
            }
        }
    }
    writer.flush()?;
    Ok(())
}
