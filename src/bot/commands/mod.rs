//! The slash commands, a file per group. Each handler is thin: it reads its
//! options, asks the service, has a card or text made and replies. What
//! Discord shows for a command and its options is in the catalogue
//! ([`words`]), not here.

pub mod actions;
pub mod ballot;
pub mod language;
pub mod participants;
pub mod relationships;
pub mod words;
pub mod workshop;

use super::Command;

/// Every command of the bot, as the design's Discord interface lists them.
pub fn all() -> Vec<Command> {
    let mut commands = workshop::commands();
    commands.extend(participants::commands());
    commands.extend(ballot::commands());
    commands.extend(relationships::commands());
    commands.extend(actions::commands());
    commands.extend(language::commands());
    commands
}
