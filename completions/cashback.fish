# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cashback_global_optspecs
    string join \n db= config= today= format= actor= y/yes q/quiet h/help V/version
end

function __fish_cashback_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cashback_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cashback_using_subcommand
    set -l cmd (__fish_cashback_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cashback -n "__fish_cashback_needs_command" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_needs_command" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_needs_command" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_needs_command" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_needs_command" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_needs_command" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_needs_command" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_needs_command" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_needs_command" -s V -l version -d 'Print version'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "init" -d 'Create the ledger (does nothing on an existing one)'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "reseller" -d 'Register, correct, enrol and list resellers'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "offer" -d 'Add and show offers (TOML files)'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "agreement" -d 'Import and show Open agreements (sales lines)'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "claim" -d 'Submit, validate, reject, reopen and list claims'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "check" -d 'Check eligibility rule by rule (a claim, a what-if, or every reseller)'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "calculate" -d 'Fix the amounts of an offer\'s claims on its calculation date'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "notice" -d 'Send and list bank-details notices'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "bank" -d 'Record and show bank details'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "deadlines" -d 'Overdue items and those falling due soon'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "calendar" -d 'The deadlines as an iCalendar file'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "sweep" -d 'Forfeit claims whose last notice expired unanswered'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "payout" -d 'Payout schedule, payments and failed transfers'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "audit" -d 'Read and verify the audit trail'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "export" -d 'Export a table as CSV (default) or JSON'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "backup" -d 'Take a consistent copy of the ledger'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "demo" -d 'Walk a whole program cycle on a built-in example'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "man" -d 'Print the man page'
complete -c cashback -n "__fish_cashback_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand init" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand init" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand init" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand init" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand init" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand init" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand init" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand init" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -f -a "register" -d 'Register a reseller (business e-mail required)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -f -a "update" -d 'Correct a registration (the old values stay in the audit log)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -f -a "enroll" -d 'Record an enrolment in another incentive program'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -f -a "list" -d 'List resellers'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -f -a "show" -d 'Show one reseller with its enrolments'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and not __fish_seen_subcommand_from register update enroll list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l id -d '1-32 characters of A-Za-z0-9._- starting with a letter or digit' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l name -d 'The company\'s legal name (the bank payee must equal it)' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l email -d 'A business e-mail address' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l country -d 'ISO 3166 alpha-2 country code' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -l name -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -l email -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -l country -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -l program -d 'The program\'s code, e.g. MRI' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -l from -d 'First day of the enrolment (inclusive)' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -l to -d 'Last day of the enrolment (inclusive)' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from enroll" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from list" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from list" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from list" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from list" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from list" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from show" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from show" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from show" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from show" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from show" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register a reseller (business e-mail required)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from help" -f -a "update" -d 'Correct a registration (the old values stay in the audit log)'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from help" -f -a "enroll" -d 'Record an enrolment in another incentive program'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from help" -f -a "list" -d 'List resellers'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one reseller with its enrolments'
complete -c cashback -n "__fish_cashback_using_subcommand reseller; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -f -a "add" -d 'Add an offer from a TOML file'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -f -a "list" -d 'List offers'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -f -a "show" -d 'Show one offer with its criteria, incentive, notices and returns'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and not __fish_seen_subcommand_from add list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -l replace -d 'Replace an offer with the same code (refused once it has claims)'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from list" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from list" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from list" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from list" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from list" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from show" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from show" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from show" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from show" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from show" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an offer from a TOML file'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from help" -f -a "list" -d 'List offers'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one offer with its criteria, incentive, notices and returns'
complete -c cashback -n "__fish_cashback_using_subcommand offer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -f -a "import" -d 'Import agreement lines from CSV (a file, or - for stdin)'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -f -a "list" -d 'List agreements'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -f -a "show" -d 'Show one agreement with its lines'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and not __fish_seen_subcommand_from import list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l rejects -d 'Where --skip-invalid writes the invalid rows' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l dry-run -d 'Validate and count; write nothing to the ledger'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l amend -d 'Let the file correct stored agreements\' header fields'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -l skip-invalid -d 'Import the valid rows; write the invalid ones to --rejects'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -l reseller -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from show" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from show" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from show" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from show" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from show" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import agreement lines from CSV (a file, or - for stdin)'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from help" -f -a "list" -d 'List agreements'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one agreement with its lines'
complete -c cashback -n "__fish_cashback_using_subcommand agreement; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "submit" -d 'Submit a claim for an offer naming one agreement'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "list" -d 'List claims'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "show" -d 'Show one claim'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "validate" -d 'Approve a claim when every rule passes, reject it when one fails'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "request-invoice" -d 'Ask the reseller for a copy of the customer invoice'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "receive-invoice" -d 'Record the customer invoice as received'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "reject" -d 'Reject a claim'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "reopen" -d 'Undo a rejection or forfeit made in error'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and not __fish_seen_subcommand_from submit list show validate request-invoice receive-invoice reject reopen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l offer -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l reseller -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l agreement -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -l accept-terms -d 'Accept the offer\'s terms (--yes never does)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -l offer -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -l reseller -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -l status -d 'submitted, invoice_requested, approved, payable, paid, payment_failed, rejected, forfeited' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from show" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from show" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from show" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from show" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from show" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from request-invoice" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -l file -d 'The invoice file (its name and SHA-256 are recorded)' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from receive-invoice" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -l reason -d 'Why (recorded in the audit log; asked for at a terminal when missing)' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reject" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -l reason -d 'Why (recorded in the audit log; asked for at a terminal when missing)' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Submit a claim for an offer naming one agreement'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "list" -d 'List claims'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one claim'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Approve a claim when every rule passes, reject it when one fails'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "request-invoice" -d 'Ask the reseller for a copy of the customer invoice'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "receive-invoice" -d 'Record the customer invoice as received'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "reject" -d 'Reject a claim'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Undo a rejection or forfeit made in error'
complete -c cashback -n "__fish_cashback_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand check" -l claim -d 'A submitted claim' -r
complete -c cashback -n "__fish_cashback_using_subcommand check" -l offer -r
complete -c cashback -n "__fish_cashback_using_subcommand check" -l reseller -d 'A reseller, whether or not it has a claim (what-if)' -r
complete -c cashback -n "__fish_cashback_using_subcommand check" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand check" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand check" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand check" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand check" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand check" -l all -d 'Every reseller with sales in the offer'
complete -c cashback -n "__fish_cashback_using_subcommand check" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand check" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand check" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -l offer -r
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -l claim -d 'One claim (with --recalculate)' -r
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -l recalculate -d 'Re-fix the claim\'s amount after lines it counted were returned'
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand calculate" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -f -a "send" -d 'Record the next bank-details notice of a claim'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -f -a "due" -d 'Claims that need a notice today (cron)'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -f -a "list" -d 'List notices'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and not __fish_seen_subcommand_from send due list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -l send -d 'Record every due notice'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from due" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -l claim -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from help" -f -a "send" -d 'Record the next bank-details notice of a claim'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from help" -f -a "due" -d 'Claims that need a notice today (cron)'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from help" -f -a "list" -d 'List notices'
complete -c cashback -n "__fish_cashback_using_subcommand notice; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -f -a "submit" -d 'Record bank details for a claim'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -f -a "confirm" -d 'Reuse the reseller\'s details on file for a claim'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -f -a "show" -d 'Show a reseller\'s bank details (IBAN masked unless --reveal)'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and not __fish_seen_subcommand_from submit confirm show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l holder -d 'The account holder\'s name' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l holder-type -r -f -a "business\t''
personal\t''"
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l iban -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l bic -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l currency -d 'The reseller\'s preferred payout currency' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l address -d 'The holder\'s postal address' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from confirm" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -l reveal -d 'Print IBANs in clear'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Record bank details for a claim'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "confirm" -d 'Reuse the reseller\'s details on file for a claim'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a reseller\'s bank details (IBAN masked unless --reveal)'
complete -c cashback -n "__fish_cashback_using_subcommand bank; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -l within -d 'Days ahead to include (overdue items are always shown)' -r
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand deadlines" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -l within -d 'Days ahead to include (overdue items are always shown)' -r
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -l output -d 'Write to this file (atomically) instead of stdout' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand calendar" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -l dry-run -d 'Show what would be forfeited; change nothing'
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand sweep" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -f -a "schedule" -d 'Every approved, payable, failed or paid claim with its dates and status'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -f -a "record" -d 'Record a payment'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -f -a "fail" -d 'Record a transfer that could not be made or came back'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and not __fish_seen_subcommand_from schedule record fail help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -l offer -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -l status -d 'paid, ready, overdue or blocked' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from schedule" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -l reference -d 'The bank transfer\'s reference (asked for at a terminal when missing)' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from record" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -l reason -d 'Why (recorded in the audit log; asked for at a terminal when missing)' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -l on -d 'The date the event happened [default: today]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from fail" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from help" -f -a "schedule" -d 'Every approved, payable, failed or paid claim with its dates and status'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from help" -f -a "record" -d 'Record a payment'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from help" -f -a "fail" -d 'Record a transfer that could not be made or came back'
complete -c cashback -n "__fish_cashback_using_subcommand payout; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -f -a "log" -d 'Print the audit trail'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -f -a "verify" -d 'Recompute the hash chain'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and not __fish_seen_subcommand_from log verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -l entity -d 'Only events of this entity (claim:12), or of every entity of a kind (claim)' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -l since -d 'Only events with a business date on or after this one' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -l action -d 'Only actions starting with this, e.g. claim. or bank.submit' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -l expect -d 'Fail unless this hash is in the chain' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "log" -d 'Print the audit trail'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Recompute the hash chain'
complete -c cashback -n "__fish_cashback_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand export" -l output -d 'Write to this file (atomically) instead of stdout' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand export" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand export" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand export" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand export" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand export" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand export" -l reveal -d 'Print IBANs in clear (the output file is made 0600)'
complete -c cashback -n "__fish_cashback_using_subcommand export" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand export" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand export" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand backup" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand backup" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand backup" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand backup" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand backup" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand backup" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand backup" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand backup" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand demo" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand demo" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand demo" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand demo" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand demo" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand demo" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand demo" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand demo" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand completions" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand completions" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand completions" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand completions" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand completions" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand completions" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand completions" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand man" -l db -d 'The ledger file [default: <data dir>/ledger.sqlite3]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand man" -l config -d 'Optional settings file [default: <config dir>/config.toml]' -r -F
complete -c cashback -n "__fish_cashback_using_subcommand man" -l today -d 'The business date every rule uses [default: the local calendar date]' -r
complete -c cashback -n "__fish_cashback_using_subcommand man" -l format -d 'How records are printed (`export` takes csv or json and defaults to csv)' -r -f -a "table\t''
json\t''
csv\t''"
complete -c cashback -n "__fish_cashback_using_subcommand man" -l actor -d 'Who is recorded in the audit log [default: $USER, $LOGNAME, the OS account]' -r
complete -c cashback -n "__fish_cashback_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations; never prompt (never accepts an offer\'s terms)'
complete -c cashback -n "__fish_cashback_using_subcommand man" -s q -l quiet -d 'No progress bars, no informational lines'
complete -c cashback -n "__fish_cashback_using_subcommand man" -s h -l help -d 'Print help'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "init" -d 'Create the ledger (does nothing on an existing one)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "reseller" -d 'Register, correct, enrol and list resellers'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "offer" -d 'Add and show offers (TOML files)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "agreement" -d 'Import and show Open agreements (sales lines)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "claim" -d 'Submit, validate, reject, reopen and list claims'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "check" -d 'Check eligibility rule by rule (a claim, a what-if, or every reseller)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "calculate" -d 'Fix the amounts of an offer\'s claims on its calculation date'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "notice" -d 'Send and list bank-details notices'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "bank" -d 'Record and show bank details'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "deadlines" -d 'Overdue items and those falling due soon'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "calendar" -d 'The deadlines as an iCalendar file'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "sweep" -d 'Forfeit claims whose last notice expired unanswered'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "payout" -d 'Payout schedule, payments and failed transfers'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "audit" -d 'Read and verify the audit trail'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "export" -d 'Export a table as CSV (default) or JSON'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "backup" -d 'Take a consistent copy of the ledger'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "demo" -d 'Walk a whole program cycle on a built-in example'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "man" -d 'Print the man page'
complete -c cashback -n "__fish_cashback_using_subcommand help; and not __fish_seen_subcommand_from init reseller offer agreement claim check calculate notice bank deadlines calendar sweep payout audit export backup demo completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from reseller" -f -a "register" -d 'Register a reseller (business e-mail required)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from reseller" -f -a "update" -d 'Correct a registration (the old values stay in the audit log)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from reseller" -f -a "enroll" -d 'Record an enrolment in another incentive program'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from reseller" -f -a "list" -d 'List resellers'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from reseller" -f -a "show" -d 'Show one reseller with its enrolments'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from offer" -f -a "add" -d 'Add an offer from a TOML file'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from offer" -f -a "list" -d 'List offers'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from offer" -f -a "show" -d 'Show one offer with its criteria, incentive, notices and returns'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from agreement" -f -a "import" -d 'Import agreement lines from CSV (a file, or - for stdin)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from agreement" -f -a "list" -d 'List agreements'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from agreement" -f -a "show" -d 'Show one agreement with its lines'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "submit" -d 'Submit a claim for an offer naming one agreement'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "list" -d 'List claims'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "show" -d 'Show one claim'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "validate" -d 'Approve a claim when every rule passes, reject it when one fails'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "request-invoice" -d 'Ask the reseller for a copy of the customer invoice'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "receive-invoice" -d 'Record the customer invoice as received'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "reject" -d 'Reject a claim'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "reopen" -d 'Undo a rejection or forfeit made in error'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from notice" -f -a "send" -d 'Record the next bank-details notice of a claim'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from notice" -f -a "due" -d 'Claims that need a notice today (cron)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from notice" -f -a "list" -d 'List notices'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "submit" -d 'Record bank details for a claim'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "confirm" -d 'Reuse the reseller\'s details on file for a claim'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from bank" -f -a "show" -d 'Show a reseller\'s bank details (IBAN masked unless --reveal)'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from payout" -f -a "schedule" -d 'Every approved, payable, failed or paid claim with its dates and status'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from payout" -f -a "record" -d 'Record a payment'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from payout" -f -a "fail" -d 'Record a transfer that could not be made or came back'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "log" -d 'Print the audit trail'
complete -c cashback -n "__fish_cashback_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Recompute the hash chain'
