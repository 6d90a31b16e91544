//! The words Discord shows for the slash commands: each command's
//! description and each option's come from the catalogue
//! (`locales/en-GB/commands.ftl`) and are set on the commands before they are
//! registered, so a council rewords them like any other message.
//!
//! A command's message is `command-` and its name as typed, with hyphens for
//! spaces (`command-workshop-create` for `/workshop create`); an option's adds
//! its name (`command-workshop-create-title`). Discord has no Welsh locale and
//! shows one description to everyone, so these are always the English words.
//! The Welsh file keeps the same keys, in Welsh, because every message is in
//! both languages (see the catalogue's checks) and so the words are ready for
//! the day Discord can show them.
//!
//! The choices' names (`council`, `in_progress`, `cymraeg`) stay in code with
//! the commands' and options' names: they are what people type, and messages
//! name them ("with side set to council, vcs or other").

use std::borrow::Cow;

use crate::bot::Command;
use crate::domain::Language;
use crate::prompts::Catalogue;

/// The start of every key of the commands' words.
const KEYS_START: &str = "command";

/// The key of a command, subcommand or option named `name` under the one
/// keyed `parent`: `command-workshop-create-title`.
fn key(parent: &str, name: &str) -> String {
    format!("{parent}-{name}")
}

/// Sets every command's, subcommand's and option's description from the
/// catalogue, replacing what poise took from any doc comments.
pub fn describe(catalogue: &Catalogue, commands: &mut [Command]) {
    describe_under(KEYS_START, catalogue, commands);
}

fn describe_under(parent: &str, catalogue: &Catalogue, commands: &mut [Command]) {
    let words = |key: &str| Some(Cow::Owned(catalogue.text(Language::English, key, None)));
    for command in commands {
        let command_key = key(parent, &command.name);
        command.description = words(&command_key);
        for parameter in &mut command.parameters {
            parameter.description = words(&key(&command_key, &parameter.name));
        }
        describe_under(&command_key, catalogue, &mut command.subcommands);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::bot::commands;
    use crate::bot::limits::COMMAND_WORDS_MAX_CHARS;
    use crate::prompts::COMMANDS_FILE;

    /// (key, description) of every command and option, subcommands after
    /// their group, options in order.
    fn descriptions(parent: &str, commands: &[Command], into: &mut Vec<(String, String)>) {
        let text = |description: &Option<Cow<'static, str>>| {
            description.as_deref().unwrap_or_default().to_owned()
        };
        for command in commands {
            let command_key = key(parent, &command.name);
            into.push((command_key.clone(), text(&command.description)));
            for parameter in &command.parameters {
                let option_key = key(&command_key, &parameter.name);
                into.push((option_key, text(&parameter.description)));
            }
            descriptions(&command_key, &command.subcommands, into);
        }
    }

    /// (key, description) of every command and option, as registered.
    fn registered() -> Vec<(String, String)> {
        let mut commands = commands::all();
        describe(Catalogue::shipped(), &mut commands);
        let mut all = Vec::new();
        descriptions(KEYS_START, &commands, &mut all);
        all
    }

    #[test]
    fn every_command_and_option_is_described_from_the_catalogue() {
        let catalogue = Catalogue::shipped();
        let all = registered();
        assert!(!all.is_empty());
        for (key, text) in &all {
            let file = catalogue.file_of(Language::English, key);
            assert!(
                file.is_some_and(|file| file.ends_with(COMMANDS_FILE)),
                "{key} should be in {COMMANDS_FILE}, not {file:?}"
            );
            let welsh = catalogue.text(Language::Welsh, key, None);
            for text in [text, &welsh] {
                let length = text.chars().count();
                assert!(
                    !text.is_empty() && length <= COMMAND_WORDS_MAX_CHARS,
                    "{key}: Discord takes 1 to {COMMAND_WORDS_MAX_CHARS} characters, {text:?} has {length}"
                );
            }
        }
    }

    #[test]
    fn the_code_gives_no_command_words_of_its_own() {
        let mut all = Vec::new();
        descriptions(KEYS_START, &commands::all(), &mut all);
        let in_code: Vec<_> = all.iter().filter(|(_, text)| !text.is_empty()).collect();
        assert!(
            in_code.is_empty(),
            "words in code, not in {COMMANDS_FILE}: {in_code:?}"
        );
    }

    #[test]
    fn every_message_of_the_commands_file_describes_a_command_or_option() {
        let catalogue = Catalogue::shipped();
        let all = registered();
        let used: BTreeSet<&str> = all.iter().map(|(key, _)| key.as_str()).collect();
        let unused: Vec<&str> = catalogue
            .keys(Language::English)
            .into_iter()
            .filter(|key| {
                !key.starts_with('-')
                    && catalogue
                        .file_of(Language::English, key)
                        .is_some_and(|file| file.ends_with(COMMANDS_FILE))
                    && !used.contains(key)
            })
            .collect();
        assert!(unused.is_empty(), "messages no command uses: {unused:?}");
    }

    #[test]
    fn a_rewording_of_the_commands_file_is_what_discord_shows() {
        let mut commands = commands::all();
        let dir = tempfile::tempdir().expect("temp dir");
        let english = dir.path().join("en-GB");
        std::fs::create_dir_all(&english).expect("folder");
        std::fs::write(
            english.join("commands.ftl"),
            "command-ballot = Vote on what is open.\n\
             -workshop-option-which = Which workshop?\n",
        )
        .expect("write");
        let reworded = Catalogue::with_rewording(dir.path()).expect("the rewording loads");
        describe(&reworded, &mut commands);
        let ballot = commands
            .iter()
            .find(|c| c.name == "ballot")
            .expect("/ballot");
        assert_eq!(ballot.description.as_deref(), Some("Vote on what is open."));
        assert_eq!(
            ballot.parameters[0].description.as_deref(),
            Some("Which workshop?")
        );
    }
}
