//! Slash commands: see the Discord interface table in design.md.

use super::Command;

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    Vec::new()
}
