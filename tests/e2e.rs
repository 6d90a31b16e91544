//! End-to-end tests: the real serenity / poise stack against a fake Discord
//! on 127.0.0.1 (see `support/mod.rs`). One test binary, so it compiles once;
//! add a scenario file under `tests/e2e/` and list it here.

mod support;

#[path = "e2e/binary.rs"]
mod binary;

#[path = "e2e/smoke.rs"]
mod smoke;

#[path = "e2e/actions.rs"]
mod actions;

#[path = "e2e/workshop.rs"]
mod workshop;

#[path = "e2e/scenarios.rs"]
mod scenarios;
