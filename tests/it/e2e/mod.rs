//! End-to-end tests: the real serenity / poise stack against a fake Discord
//! on 127.0.0.1 (see `support/mod.rs`). Add a scenario file here and list it
//! below.

mod actions;
mod binary;
mod harness;
mod scenarios;
mod smoke;
mod welsh;
mod workshop;
