
use builtin;
use str;

set edit:completion:arg-completer[cashback] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cashback'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cashback'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create the ledger (does nothing on an existing one)'
            cand reseller 'Register, correct, enrol and list resellers'
            cand offer 'Add and show offers (TOML files)'
            cand agreement 'Import and show Open agreements (sales lines)'
            cand claim 'Submit, validate, reject, reopen and list claims'
            cand check 'Check eligibility rule by rule (a claim, a what-if, or every reseller)'
            cand calculate 'Fix the amounts of an offer''s claims on its calculation date'
            cand notice 'Send and list bank-details notices'
            cand bank 'Record and show bank details'
            cand deadlines 'Overdue items and those falling due soon'
            cand calendar 'The deadlines as an iCalendar file'
            cand sweep 'Forfeit claims whose last notice expired unanswered'
            cand payout 'Payout schedule, payments and failed transfers'
            cand audit 'Read and verify the audit trail'
            cand export 'Export a table as CSV (default) or JSON'
            cand backup 'Take a consistent copy of the ledger'
            cand demo 'Walk a whole program cycle on a built-in example'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;init'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;reseller'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand register 'Register a reseller (business e-mail required)'
            cand update 'Correct a registration (the old values stay in the audit log)'
            cand enroll 'Record an enrolment in another incentive program'
            cand list 'List resellers'
            cand show 'Show one reseller with its enrolments'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;reseller;register'= {
            cand --id '1-32 characters of A-Za-z0-9._- starting with a letter or digit'
            cand --name 'The company''s legal name (the bank payee must equal it)'
            cand --email 'A business e-mail address'
            cand --country 'ISO 3166 alpha-2 country code'
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;reseller;update'= {
            cand --name 'name'
            cand --email 'email'
            cand --country 'country'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;reseller;enroll'= {
            cand --program 'The program''s code, e.g. MRI'
            cand --from 'First day of the enrolment (inclusive)'
            cand --to 'Last day of the enrolment (inclusive)'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;reseller;list'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;reseller;show'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;reseller;help'= {
            cand register 'Register a reseller (business e-mail required)'
            cand update 'Correct a registration (the old values stay in the audit log)'
            cand enroll 'Record an enrolment in another incentive program'
            cand list 'List resellers'
            cand show 'Show one reseller with its enrolments'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;reseller;help;register'= {
        }
        &'cashback;reseller;help;update'= {
        }
        &'cashback;reseller;help;enroll'= {
        }
        &'cashback;reseller;help;list'= {
        }
        &'cashback;reseller;help;show'= {
        }
        &'cashback;reseller;help;help'= {
        }
        &'cashback;offer'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add an offer from a TOML file'
            cand list 'List offers'
            cand show 'Show one offer with its criteria, incentive, notices and returns'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;offer;add'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --replace 'Replace an offer with the same code (refused once it has claims)'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;offer;list'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;offer;show'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;offer;help'= {
            cand add 'Add an offer from a TOML file'
            cand list 'List offers'
            cand show 'Show one offer with its criteria, incentive, notices and returns'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;offer;help;add'= {
        }
        &'cashback;offer;help;list'= {
        }
        &'cashback;offer;help;show'= {
        }
        &'cashback;offer;help;help'= {
        }
        &'cashback;agreement'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand import 'Import agreement lines from CSV (a file, or - for stdin)'
            cand list 'List agreements'
            cand show 'Show one agreement with its lines'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;agreement;import'= {
            cand --rejects 'Where --skip-invalid writes the invalid rows'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --dry-run 'Validate and count; write nothing to the ledger'
            cand --amend 'Let the file correct stored agreements'' header fields'
            cand --skip-invalid 'Import the valid rows; write the invalid ones to --rejects'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;agreement;list'= {
            cand --reseller 'reseller'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;agreement;show'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;agreement;help'= {
            cand import 'Import agreement lines from CSV (a file, or - for stdin)'
            cand list 'List agreements'
            cand show 'Show one agreement with its lines'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;agreement;help;import'= {
        }
        &'cashback;agreement;help;list'= {
        }
        &'cashback;agreement;help;show'= {
        }
        &'cashback;agreement;help;help'= {
        }
        &'cashback;claim'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand submit 'Submit a claim for an offer naming one agreement'
            cand list 'List claims'
            cand show 'Show one claim'
            cand validate 'Approve a claim when every rule passes, reject it when one fails'
            cand request-invoice 'Ask the reseller for a copy of the customer invoice'
            cand receive-invoice 'Record the customer invoice as received'
            cand reject 'Reject a claim'
            cand reopen 'Undo a rejection or forfeit made in error'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;claim;submit'= {
            cand --offer 'offer'
            cand --reseller 'reseller'
            cand --agreement 'agreement'
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --accept-terms 'Accept the offer''s terms (--yes never does)'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;claim;list'= {
            cand --offer 'offer'
            cand --reseller 'reseller'
            cand --status 'submitted, invoice_requested, approved, payable, paid, payment_failed, rejected, forfeited'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;claim;show'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;claim;validate'= {
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;claim;request-invoice'= {
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;claim;receive-invoice'= {
            cand --file 'The invoice file (its name and SHA-256 are recorded)'
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;claim;reject'= {
            cand --reason 'Why (recorded in the audit log; asked for at a terminal when missing)'
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;claim;reopen'= {
            cand --reason 'Why (recorded in the audit log; asked for at a terminal when missing)'
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;claim;help'= {
            cand submit 'Submit a claim for an offer naming one agreement'
            cand list 'List claims'
            cand show 'Show one claim'
            cand validate 'Approve a claim when every rule passes, reject it when one fails'
            cand request-invoice 'Ask the reseller for a copy of the customer invoice'
            cand receive-invoice 'Record the customer invoice as received'
            cand reject 'Reject a claim'
            cand reopen 'Undo a rejection or forfeit made in error'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;claim;help;submit'= {
        }
        &'cashback;claim;help;list'= {
        }
        &'cashback;claim;help;show'= {
        }
        &'cashback;claim;help;validate'= {
        }
        &'cashback;claim;help;request-invoice'= {
        }
        &'cashback;claim;help;receive-invoice'= {
        }
        &'cashback;claim;help;reject'= {
        }
        &'cashback;claim;help;reopen'= {
        }
        &'cashback;claim;help;help'= {
        }
        &'cashback;check'= {
            cand --claim 'A submitted claim'
            cand --offer 'offer'
            cand --reseller 'A reseller, whether or not it has a claim (what-if)'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --all 'Every reseller with sales in the offer'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;calculate'= {
            cand --offer 'offer'
            cand --claim 'One claim (with --recalculate)'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --recalculate 'Re-fix the claim''s amount after lines it counted were returned'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;notice'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand send 'Record the next bank-details notice of a claim'
            cand due 'Claims that need a notice today (cron)'
            cand list 'List notices'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;notice;send'= {
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;notice;due'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --send 'Record every due notice'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;notice;list'= {
            cand --claim 'claim'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;notice;help'= {
            cand send 'Record the next bank-details notice of a claim'
            cand due 'Claims that need a notice today (cron)'
            cand list 'List notices'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;notice;help;send'= {
        }
        &'cashback;notice;help;due'= {
        }
        &'cashback;notice;help;list'= {
        }
        &'cashback;notice;help;help'= {
        }
        &'cashback;bank'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand submit 'Record bank details for a claim'
            cand confirm 'Reuse the reseller''s details on file for a claim'
            cand show 'Show a reseller''s bank details (IBAN masked unless --reveal)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;bank;submit'= {
            cand --holder 'The account holder''s name'
            cand --holder-type 'holder-type'
            cand --iban 'iban'
            cand --bic 'bic'
            cand --currency 'The reseller''s preferred payout currency'
            cand --address 'The holder''s postal address'
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;bank;confirm'= {
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;bank;show'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --reveal 'Print IBANs in clear'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;bank;help'= {
            cand submit 'Record bank details for a claim'
            cand confirm 'Reuse the reseller''s details on file for a claim'
            cand show 'Show a reseller''s bank details (IBAN masked unless --reveal)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;bank;help;submit'= {
        }
        &'cashback;bank;help;confirm'= {
        }
        &'cashback;bank;help;show'= {
        }
        &'cashback;bank;help;help'= {
        }
        &'cashback;deadlines'= {
            cand --within 'Days ahead to include (overdue items are always shown)'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;calendar'= {
            cand --within 'Days ahead to include (overdue items are always shown)'
            cand --output 'Write to this file (atomically) instead of stdout'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;sweep'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --dry-run 'Show what would be forfeited; change nothing'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;payout'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand schedule 'Every approved, payable, failed or paid claim with its dates and status'
            cand record 'Record a payment'
            cand fail 'Record a transfer that could not be made or came back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;payout;schedule'= {
            cand --offer 'offer'
            cand --status 'paid, ready, overdue or blocked'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;payout;record'= {
            cand --reference 'The bank transfer''s reference (asked for at a terminal when missing)'
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;payout;fail'= {
            cand --reason 'Why (recorded in the audit log; asked for at a terminal when missing)'
            cand --on 'The date the event happened [default: today]'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;payout;help'= {
            cand schedule 'Every approved, payable, failed or paid claim with its dates and status'
            cand record 'Record a payment'
            cand fail 'Record a transfer that could not be made or came back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;payout;help;schedule'= {
        }
        &'cashback;payout;help;record'= {
        }
        &'cashback;payout;help;fail'= {
        }
        &'cashback;payout;help;help'= {
        }
        &'cashback;audit'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand log 'Print the audit trail'
            cand verify 'Recompute the hash chain'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;audit;log'= {
            cand --entity 'Only events of this entity (claim:12), or of every entity of a kind (claim)'
            cand --since 'Only events with a business date on or after this one'
            cand --action 'Only actions starting with this, e.g. claim. or bank.submit'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;audit;verify'= {
            cand --expect 'Fail unless this hash is in the chain'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;audit;help'= {
            cand log 'Print the audit trail'
            cand verify 'Recompute the hash chain'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;audit;help;log'= {
        }
        &'cashback;audit;help;verify'= {
        }
        &'cashback;audit;help;help'= {
        }
        &'cashback;export'= {
            cand --output 'Write to this file (atomically) instead of stdout'
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand --reveal 'Print IBANs in clear (the output file is made 0600)'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;backup'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;demo'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;completions'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;man'= {
            cand --db 'The ledger file [default: <data dir>/ledger.sqlite3]'
            cand --config 'Optional settings file [default: <config dir>/config.toml]'
            cand --today 'The business date every rule uses [default: the local calendar date]'
            cand --format 'How records are printed (`export` takes csv or json and defaults to csv)'
            cand --actor 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]'
            cand -y 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand --yes 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)'
            cand -q 'No progress bars, no informational lines'
            cand --quiet 'No progress bars, no informational lines'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'cashback;help'= {
            cand init 'Create the ledger (does nothing on an existing one)'
            cand reseller 'Register, correct, enrol and list resellers'
            cand offer 'Add and show offers (TOML files)'
            cand agreement 'Import and show Open agreements (sales lines)'
            cand claim 'Submit, validate, reject, reopen and list claims'
            cand check 'Check eligibility rule by rule (a claim, a what-if, or every reseller)'
            cand calculate 'Fix the amounts of an offer''s claims on its calculation date'
            cand notice 'Send and list bank-details notices'
            cand bank 'Record and show bank details'
            cand deadlines 'Overdue items and those falling due soon'
            cand calendar 'The deadlines as an iCalendar file'
            cand sweep 'Forfeit claims whose last notice expired unanswered'
            cand payout 'Payout schedule, payments and failed transfers'
            cand audit 'Read and verify the audit trail'
            cand export 'Export a table as CSV (default) or JSON'
            cand backup 'Take a consistent copy of the ledger'
            cand demo 'Walk a whole program cycle on a built-in example'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cashback;help;init'= {
        }
        &'cashback;help;reseller'= {
            cand register 'Register a reseller (business e-mail required)'
            cand update 'Correct a registration (the old values stay in the audit log)'
            cand enroll 'Record an enrolment in another incentive program'
            cand list 'List resellers'
            cand show 'Show one reseller with its enrolments'
        }
        &'cashback;help;reseller;register'= {
        }
        &'cashback;help;reseller;update'= {
        }
        &'cashback;help;reseller;enroll'= {
        }
        &'cashback;help;reseller;list'= {
        }
        &'cashback;help;reseller;show'= {
        }
        &'cashback;help;offer'= {
            cand add 'Add an offer from a TOML file'
            cand list 'List offers'
            cand show 'Show one offer with its criteria, incentive, notices and returns'
        }
        &'cashback;help;offer;add'= {
        }
        &'cashback;help;offer;list'= {
        }
        &'cashback;help;offer;show'= {
        }
        &'cashback;help;agreement'= {
            cand import 'Import agreement lines from CSV (a file, or - for stdin)'
            cand list 'List agreements'
            cand show 'Show one agreement with its lines'
        }
        &'cashback;help;agreement;import'= {
        }
        &'cashback;help;agreement;list'= {
        }
        &'cashback;help;agreement;show'= {
        }
        &'cashback;help;claim'= {
            cand submit 'Submit a claim for an offer naming one agreement'
            cand list 'List claims'
            cand show 'Show one claim'
            cand validate 'Approve a claim when every rule passes, reject it when one fails'
            cand request-invoice 'Ask the reseller for a copy of the customer invoice'
            cand receive-invoice 'Record the customer invoice as received'
            cand reject 'Reject a claim'
            cand reopen 'Undo a rejection or forfeit made in error'
        }
        &'cashback;help;claim;submit'= {
        }
        &'cashback;help;claim;list'= {
        }
        &'cashback;help;claim;show'= {
        }
        &'cashback;help;claim;validate'= {
        }
        &'cashback;help;claim;request-invoice'= {
        }
        &'cashback;help;claim;receive-invoice'= {
        }
        &'cashback;help;claim;reject'= {
        }
        &'cashback;help;claim;reopen'= {
        }
        &'cashback;help;check'= {
        }
        &'cashback;help;calculate'= {
        }
        &'cashback;help;notice'= {
            cand send 'Record the next bank-details notice of a claim'
            cand due 'Claims that need a notice today (cron)'
            cand list 'List notices'
        }
        &'cashback;help;notice;send'= {
        }
        &'cashback;help;notice;due'= {
        }
        &'cashback;help;notice;list'= {
        }
        &'cashback;help;bank'= {
            cand submit 'Record bank details for a claim'
            cand confirm 'Reuse the reseller''s details on file for a claim'
            cand show 'Show a reseller''s bank details (IBAN masked unless --reveal)'
        }
        &'cashback;help;bank;submit'= {
        }
        &'cashback;help;bank;confirm'= {
        }
        &'cashback;help;bank;show'= {
        }
        &'cashback;help;deadlines'= {
        }
        &'cashback;help;calendar'= {
        }
        &'cashback;help;sweep'= {
        }
        &'cashback;help;payout'= {
            cand schedule 'Every approved, payable, failed or paid claim with its dates and status'
            cand record 'Record a payment'
            cand fail 'Record a transfer that could not be made or came back'
        }
        &'cashback;help;payout;schedule'= {
        }
        &'cashback;help;payout;record'= {
        }
        &'cashback;help;payout;fail'= {
        }
        &'cashback;help;audit'= {
            cand log 'Print the audit trail'
            cand verify 'Recompute the hash chain'
        }
        &'cashback;help;audit;log'= {
        }
        &'cashback;help;audit;verify'= {
        }
        &'cashback;help;export'= {
        }
        &'cashback;help;backup'= {
        }
        &'cashback;help;demo'= {
        }
        &'cashback;help;completions'= {
        }
        &'cashback;help;man'= {
        }
        &'cashback;help;help'= {
        }
    ]
    $completions[$command]
}
