//! The one integration-test binary: the crate is linked once for every
//! suite. Add a suite as a module here, an end-to-end scenario file under
//! `e2e/` (listed in `e2e/mod.rs`).
//!
//! - `support`: the fake Discord the end-to-end scenarios run against;
//! - `service`: whole workshops run through the service;
//! - `cli`: the command line as a person runs it;
//! - `report`: the demo partnership's reports in every format;
//! - `browser`: the demo's HTML report in headless Chromium (axe-core, phone, A4);
//! - `e2e`: the real serenity / poise stack against the fake Discord;
//! - `layers`: the layering rules (no import circles) checked on `src/`.

mod browser;
mod cli;
mod e2e;
mod layers;
mod report;
mod service;
mod support;
