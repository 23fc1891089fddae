
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cashback' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cashback'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cashback' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the ledger (does nothing on an existing one)')
            [CompletionResult]::new('reseller', 'reseller', [CompletionResultType]::ParameterValue, 'Register, correct, enrol and list resellers')
            [CompletionResult]::new('offer', 'offer', [CompletionResultType]::ParameterValue, 'Add and show offers (TOML files)')
            [CompletionResult]::new('agreement', 'agreement', [CompletionResultType]::ParameterValue, 'Import and show Open agreements (sales lines)')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Submit, validate, reject, reopen and list claims')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check eligibility rule by rule (a claim, a what-if, or every reseller)')
            [CompletionResult]::new('calculate', 'calculate', [CompletionResultType]::ParameterValue, 'Fix the amounts of an offer''s claims on its calculation date')
            [CompletionResult]::new('notice', 'notice', [CompletionResultType]::ParameterValue, 'Send and list bank-details notices')
            [CompletionResult]::new('bank', 'bank', [CompletionResultType]::ParameterValue, 'Record and show bank details')
            [CompletionResult]::new('deadlines', 'deadlines', [CompletionResultType]::ParameterValue, 'Overdue items and those falling due soon')
            [CompletionResult]::new('calendar', 'calendar', [CompletionResultType]::ParameterValue, 'The deadlines as an iCalendar file')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Forfeit claims whose last notice expired unanswered')
            [CompletionResult]::new('payout', 'payout', [CompletionResultType]::ParameterValue, 'Payout schedule, payments and failed transfers')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read and verify the audit trail')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a table as CSV (default) or JSON')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Take a consistent copy of the ledger')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Walk a whole program cycle on a built-in example')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;init' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;reseller' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a reseller (business e-mail required)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Correct a registration (the old values stay in the audit log)')
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Record an enrolment in another incentive program')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List resellers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one reseller with its enrolments')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;reseller;register' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, '1-32 characters of A-Za-z0-9._- starting with a letter or digit')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The company''s legal name (the bank payee must equal it)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'A business e-mail address')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'ISO 3166 alpha-2 country code')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;reseller;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'email')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'country')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;reseller;enroll' {
            [CompletionResult]::new('--program', '--program', [CompletionResultType]::ParameterName, 'The program''s code, e.g. MRI')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day of the enrolment (inclusive)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last day of the enrolment (inclusive)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;reseller;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;reseller;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;reseller;help' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a reseller (business e-mail required)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Correct a registration (the old values stay in the audit log)')
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Record an enrolment in another incentive program')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List resellers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one reseller with its enrolments')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;reseller;help;register' {
            break
        }
        'cashback;reseller;help;update' {
            break
        }
        'cashback;reseller;help;enroll' {
            break
        }
        'cashback;reseller;help;list' {
            break
        }
        'cashback;reseller;help;show' {
            break
        }
        'cashback;reseller;help;help' {
            break
        }
        'cashback;offer' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an offer from a TOML file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List offers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one offer with its criteria, incentive, notices and returns')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;offer;add' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace an offer with the same code (refused once it has claims)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;offer;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;offer;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;offer;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an offer from a TOML file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List offers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one offer with its criteria, incentive, notices and returns')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;offer;help;add' {
            break
        }
        'cashback;offer;help;list' {
            break
        }
        'cashback;offer;help;show' {
            break
        }
        'cashback;offer;help;help' {
            break
        }
        'cashback;agreement' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import agreement lines from CSV (a file, or - for stdin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List agreements')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one agreement with its lines')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;agreement;import' {
            [CompletionResult]::new('--rejects', '--rejects', [CompletionResultType]::ParameterName, 'Where --skip-invalid writes the invalid rows')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate and count; write nothing to the ledger')
            [CompletionResult]::new('--amend', '--amend', [CompletionResultType]::ParameterName, 'Let the file correct stored agreements'' header fields')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Import the valid rows; write the invalid ones to --rejects')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;agreement;list' {
            [CompletionResult]::new('--reseller', '--reseller', [CompletionResultType]::ParameterName, 'reseller')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;agreement;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;agreement;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import agreement lines from CSV (a file, or - for stdin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List agreements')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one agreement with its lines')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;agreement;help;import' {
            break
        }
        'cashback;agreement;help;list' {
            break
        }
        'cashback;agreement;help;show' {
            break
        }
        'cashback;agreement;help;help' {
            break
        }
        'cashback;claim' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a claim for an offer naming one agreement')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List claims')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one claim')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Approve a claim when every rule passes, reject it when one fails')
            [CompletionResult]::new('request-invoice', 'request-invoice', [CompletionResultType]::ParameterValue, 'Ask the reseller for a copy of the customer invoice')
            [CompletionResult]::new('receive-invoice', 'receive-invoice', [CompletionResultType]::ParameterValue, 'Record the customer invoice as received')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a claim')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Undo a rejection or forfeit made in error')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;claim;submit' {
            [CompletionResult]::new('--offer', '--offer', [CompletionResultType]::ParameterName, 'offer')
            [CompletionResult]::new('--reseller', '--reseller', [CompletionResultType]::ParameterName, 'reseller')
            [CompletionResult]::new('--agreement', '--agreement', [CompletionResultType]::ParameterName, 'agreement')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--accept-terms', '--accept-terms', [CompletionResultType]::ParameterName, 'Accept the offer''s terms (--yes never does)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;claim;list' {
            [CompletionResult]::new('--offer', '--offer', [CompletionResultType]::ParameterName, 'offer')
            [CompletionResult]::new('--reseller', '--reseller', [CompletionResultType]::ParameterName, 'reseller')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'submitted, invoice_requested, approved, payable, paid, payment_failed, rejected, forfeited')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;claim;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;claim;validate' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;claim;request-invoice' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;claim;receive-invoice' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The invoice file (its name and SHA-256 are recorded)')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;claim;reject' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (recorded in the audit log; asked for at a terminal when missing)')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;claim;reopen' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (recorded in the audit log; asked for at a terminal when missing)')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;claim;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a claim for an offer naming one agreement')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List claims')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one claim')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Approve a claim when every rule passes, reject it when one fails')
            [CompletionResult]::new('request-invoice', 'request-invoice', [CompletionResultType]::ParameterValue, 'Ask the reseller for a copy of the customer invoice')
            [CompletionResult]::new('receive-invoice', 'receive-invoice', [CompletionResultType]::ParameterValue, 'Record the customer invoice as received')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a claim')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Undo a rejection or forfeit made in error')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;claim;help;submit' {
            break
        }
        'cashback;claim;help;list' {
            break
        }
        'cashback;claim;help;show' {
            break
        }
        'cashback;claim;help;validate' {
            break
        }
        'cashback;claim;help;request-invoice' {
            break
        }
        'cashback;claim;help;receive-invoice' {
            break
        }
        'cashback;claim;help;reject' {
            break
        }
        'cashback;claim;help;reopen' {
            break
        }
        'cashback;claim;help;help' {
            break
        }
        'cashback;check' {
            [CompletionResult]::new('--claim', '--claim', [CompletionResultType]::ParameterName, 'A submitted claim')
            [CompletionResult]::new('--offer', '--offer', [CompletionResultType]::ParameterName, 'offer')
            [CompletionResult]::new('--reseller', '--reseller', [CompletionResultType]::ParameterName, 'A reseller, whether or not it has a claim (what-if)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every reseller with sales in the offer')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;calculate' {
            [CompletionResult]::new('--offer', '--offer', [CompletionResultType]::ParameterName, 'offer')
            [CompletionResult]::new('--claim', '--claim', [CompletionResultType]::ParameterName, 'One claim (with --recalculate)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--recalculate', '--recalculate', [CompletionResultType]::ParameterName, 'Re-fix the claim''s amount after lines it counted were returned')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;notice' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Record the next bank-details notice of a claim')
            [CompletionResult]::new('due', 'due', [CompletionResultType]::ParameterValue, 'Claims that need a notice today (cron)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List notices')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;notice;send' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;notice;due' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--send', '--send', [CompletionResultType]::ParameterName, 'Record every due notice')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;notice;list' {
            [CompletionResult]::new('--claim', '--claim', [CompletionResultType]::ParameterName, 'claim')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;notice;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Record the next bank-details notice of a claim')
            [CompletionResult]::new('due', 'due', [CompletionResultType]::ParameterValue, 'Claims that need a notice today (cron)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List notices')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;notice;help;send' {
            break
        }
        'cashback;notice;help;due' {
            break
        }
        'cashback;notice;help;list' {
            break
        }
        'cashback;notice;help;help' {
            break
        }
        'cashback;bank' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Record bank details for a claim')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Reuse the reseller''s details on file for a claim')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a reseller''s bank details (IBAN masked unless --reveal)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;bank;submit' {
            [CompletionResult]::new('--holder', '--holder', [CompletionResultType]::ParameterName, 'The account holder''s name')
            [CompletionResult]::new('--holder-type', '--holder-type', [CompletionResultType]::ParameterName, 'holder-type')
            [CompletionResult]::new('--iban', '--iban', [CompletionResultType]::ParameterName, 'iban')
            [CompletionResult]::new('--bic', '--bic', [CompletionResultType]::ParameterName, 'bic')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The reseller''s preferred payout currency')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'The holder''s postal address')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;bank;confirm' {
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;bank;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print IBANs in clear')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;bank;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Record bank details for a claim')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Reuse the reseller''s details on file for a claim')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a reseller''s bank details (IBAN masked unless --reveal)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;bank;help;submit' {
            break
        }
        'cashback;bank;help;confirm' {
            break
        }
        'cashback;bank;help;show' {
            break
        }
        'cashback;bank;help;help' {
            break
        }
        'cashback;deadlines' {
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'Days ahead to include (overdue items are always shown)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;calendar' {
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'Days ahead to include (overdue items are always shown)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;sweep' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be forfeited; change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;payout' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Every approved, payable, failed or paid claim with its dates and status')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Record a payment')
            [CompletionResult]::new('fail', 'fail', [CompletionResultType]::ParameterValue, 'Record a transfer that could not be made or came back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;payout;schedule' {
            [CompletionResult]::new('--offer', '--offer', [CompletionResultType]::ParameterName, 'offer')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'paid, ready, overdue or blocked')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;payout;record' {
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'The bank transfer''s reference (asked for at a terminal when missing)')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;payout;fail' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (recorded in the audit log; asked for at a terminal when missing)')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'The date the event happened [default: today]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;payout;help' {
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Every approved, payable, failed or paid claim with its dates and status')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Record a payment')
            [CompletionResult]::new('fail', 'fail', [CompletionResultType]::ParameterValue, 'Record a transfer that could not be made or came back')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;payout;help;schedule' {
            break
        }
        'cashback;payout;help;record' {
            break
        }
        'cashback;payout;help;fail' {
            break
        }
        'cashback;payout;help;help' {
            break
        }
        'cashback;audit' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Print the audit trail')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute the hash chain')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;audit;log' {
            [CompletionResult]::new('--entity', '--entity', [CompletionResultType]::ParameterName, 'Only events of this entity (claim:12), or of every entity of a kind (claim)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events with a business date on or after this one')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only actions starting with this, e.g. claim. or bank.submit')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;audit;verify' {
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Fail unless this hash is in the chain')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;audit;help' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Print the audit trail')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute the hash chain')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;audit;help;log' {
            break
        }
        'cashback;audit;help;verify' {
            break
        }
        'cashback;audit;help;help' {
            break
        }
        'cashback;export' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print IBANs in clear (the output file is made 0600)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;demo' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;man' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger file [default: <data dir>/ledger.sqlite3]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Optional settings file [default: <config dir>/config.toml]')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'The business date every rule uses [default: the local calendar date]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How records are printed (`export` takes csv or json and defaults to csv)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations; never prompt (never accepts an offer''s terms)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress bars, no informational lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'cashback;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the ledger (does nothing on an existing one)')
            [CompletionResult]::new('reseller', 'reseller', [CompletionResultType]::ParameterValue, 'Register, correct, enrol and list resellers')
            [CompletionResult]::new('offer', 'offer', [CompletionResultType]::ParameterValue, 'Add and show offers (TOML files)')
            [CompletionResult]::new('agreement', 'agreement', [CompletionResultType]::ParameterValue, 'Import and show Open agreements (sales lines)')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Submit, validate, reject, reopen and list claims')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check eligibility rule by rule (a claim, a what-if, or every reseller)')
            [CompletionResult]::new('calculate', 'calculate', [CompletionResultType]::ParameterValue, 'Fix the amounts of an offer''s claims on its calculation date')
            [CompletionResult]::new('notice', 'notice', [CompletionResultType]::ParameterValue, 'Send and list bank-details notices')
            [CompletionResult]::new('bank', 'bank', [CompletionResultType]::ParameterValue, 'Record and show bank details')
            [CompletionResult]::new('deadlines', 'deadlines', [CompletionResultType]::ParameterValue, 'Overdue items and those falling due soon')
            [CompletionResult]::new('calendar', 'calendar', [CompletionResultType]::ParameterValue, 'The deadlines as an iCalendar file')
            [CompletionResult]::new('sweep', 'sweep', [CompletionResultType]::ParameterValue, 'Forfeit claims whose last notice expired unanswered')
            [CompletionResult]::new('payout', 'payout', [CompletionResultType]::ParameterValue, 'Payout schedule, payments and failed transfers')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read and verify the audit trail')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a table as CSV (default) or JSON')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Take a consistent copy of the ledger')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Walk a whole program cycle on a built-in example')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cashback;help;init' {
            break
        }
        'cashback;help;reseller' {
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a reseller (business e-mail required)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Correct a registration (the old values stay in the audit log)')
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Record an enrolment in another incentive program')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List resellers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one reseller with its enrolments')
            break
        }
        'cashback;help;reseller;register' {
            break
        }
        'cashback;help;reseller;update' {
            break
        }
        'cashback;help;reseller;enroll' {
            break
        }
        'cashback;help;reseller;list' {
            break
        }
        'cashback;help;reseller;show' {
            break
        }
        'cashback;help;offer' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an offer from a TOML file')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List offers')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one offer with its criteria, incentive, notices and returns')
            break
        }
        'cashback;help;offer;add' {
            break
        }
        'cashback;help;offer;list' {
            break
        }
        'cashback;help;offer;show' {
            break
        }
        'cashback;help;agreement' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import agreement lines from CSV (a file, or - for stdin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List agreements')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one agreement with its lines')
            break
        }
        'cashback;help;agreement;import' {
            break
        }
        'cashback;help;agreement;list' {
            break
        }
        'cashback;help;agreement;show' {
            break
        }
        'cashback;help;claim' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a claim for an offer naming one agreement')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List claims')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one claim')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Approve a claim when every rule passes, reject it when one fails')
            [CompletionResult]::new('request-invoice', 'request-invoice', [CompletionResultType]::ParameterValue, 'Ask the reseller for a copy of the customer invoice')
            [CompletionResult]::new('receive-invoice', 'receive-invoice', [CompletionResultType]::ParameterValue, 'Record the customer invoice as received')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a claim')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Undo a rejection or forfeit made in error')
            break
        }
        'cashback;help;claim;submit' {
            break
        }
        'cashback;help;claim;list' {
            break
        }
        'cashback;help;claim;show' {
            break
        }
        'cashback;help;claim;validate' {
            break
        }
        'cashback;help;claim;request-invoice' {
            break
        }
        'cashback;help;claim;receive-invoice' {
            break
        }
        'cashback;help;claim;reject' {
            break
        }
        'cashback;help;claim;reopen' {
            break
        }
        'cashback;help;check' {
            break
        }
        'cashback;help;calculate' {
            break
        }
        'cashback;help;notice' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Record the next bank-details notice of a claim')
            [CompletionResult]::new('due', 'due', [CompletionResultType]::ParameterValue, 'Claims that need a notice today (cron)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List notices')
            break
        }
        'cashback;help;notice;send' {
            break
        }
        'cashback;help;notice;due' {
            break
        }
        'cashback;help;notice;list' {
            break
        }
        'cashback;help;bank' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Record bank details for a claim')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Reuse the reseller''s details on file for a claim')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a reseller''s bank details (IBAN masked unless --reveal)')
            break
        }
        'cashback;help;bank;submit' {
            break
        }
        'cashback;help;bank;confirm' {
            break
        }
        'cashback;help;bank;show' {
            break
        }
        'cashback;help;deadlines' {
            break
        }
        'cashback;help;calendar' {
            break
        }
        'cashback;help;sweep' {
            break
        }
        'cashback;help;payout' {
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Every approved, payable, failed or paid claim with its dates and status')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Record a payment')
            [CompletionResult]::new('fail', 'fail', [CompletionResultType]::ParameterValue, 'Record a transfer that could not be made or came back')
            break
        }
        'cashback;help;payout;schedule' {
            break
        }
        'cashback;help;payout;record' {
            break
        }
        'cashback;help;payout;fail' {
            break
        }
        'cashback;help;audit' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Print the audit trail')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute the hash chain')
            break
        }
        'cashback;help;audit;log' {
            break
        }
        'cashback;help;audit;verify' {
            break
        }
        'cashback;help;export' {
            break
        }
        'cashback;help;backup' {
            break
        }
        'cashback;help;demo' {
            break
        }
        'cashback;help;completions' {
            break
        }
        'cashback;help;man' {
            break
        }
        'cashback;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
