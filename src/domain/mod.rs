//! The program's rules, pure: no clap, no SQL, no printing, no clock.

pub mod agreement;
pub mod bank;
pub mod claim;
pub mod codes;
pub mod eligibility;
pub mod email;
pub mod money;
pub mod names;
pub mod notices;
pub mod offer;
pub mod payout;
