//! Readers and writers of the files the tool exchanges with people.

pub mod agreements_csv;
pub mod config;
pub mod files;
pub mod offer_toml;
