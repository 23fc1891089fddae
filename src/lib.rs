//! `cashback`: an offline-first claim manager for reseller cash-back
//! programs. The binary is a thin shell over this library.

pub mod app;
pub mod cli;
pub mod commands;
pub mod domain;
pub mod error;
pub mod io;
pub mod ledger;
pub mod render;
