//! What the bot posts and people press: each card with its buttons, and
//! what a press (or a submitted form) does. Plain data in, builders out;
//! every piece stays inside Discord's limits (see [`super::limits`]).

pub mod action;
pub mod ballot;
pub mod discussion;
pub mod join;
pub mod progress;
pub mod reveal;
pub mod vote;

#[cfg(test)]
pub(crate) mod fixtures;
