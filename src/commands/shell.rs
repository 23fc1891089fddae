//! `cashback completions SHELL` and `cashback man`: generated from the CLI
//! definition, so they never drift from it.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell as Target;

use crate::cli::{Cli, Shell};

/// The completion script for `shell`.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let target = match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Elvish => Target::Elvish,
        Shell::Powershell => Target::PowerShell,
    };
    let mut script = Vec::new();
    clap_complete::generate(target, &mut Cli::command(), "cashback", &mut script);
    script
}

pub fn completions(shell: Shell) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(&completion_script(shell))?;
    out.flush()?;
    Ok(())
}

/// The man page (roff), with every subcommand's page appended so one file
/// documents the whole tool.
pub fn man() -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let command = Cli::command();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    for sub in command.get_subcommands() {
        render_subcommand(&mut out, "cashback", sub)?;
    }
    out.flush()?;
    Ok(())
}

fn render_subcommand(
    out: &mut dyn Write,
    parent: &str,
    command: &clap::Command,
) -> anyhow::Result<()> {
    let name = format!("{parent} {}", command.get_name());
    let page = command.clone().name(name.clone()).bin_name(name.clone());
    let man = clap_mangen::Man::new(page);
    writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
    man.render_description_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_options_section(out)?;
    for sub in command.get_subcommands() {
        render_subcommand(out, &name, sub)?;
    }
    Ok(())
}
