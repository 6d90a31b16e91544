//! The message catalogue: every word a person reads from the bot or a
//! report, in Fluent files under `locales/<language>/`. Code passes a key and
//! values; the catalogue words them and handles plurals.
//!
//! The shipped files are built into the binary. A council rewords messages
//! by giving a folder laid out the same way (`en-GB/bot.ftl`, …) holding only
//! the messages it changes: those replace the shipped ones, key by key.
//! `common-ground check-messages` checks such a folder first.
//!
//! Errors about the catalogue itself stay in code: a broken catalogue cannot
//! word its own mistakes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource};
use fluent_syntax::ast;

use crate::domain::{Language, WorkshopLanguage};

/// The catalogue's files, the same in every language.
pub const MESSAGE_FILES: [&str; 7] = [
    "common.ftl",
    "bot.ftl",
    "commands.ftl",
    "actions.ftl",
    "errors.ftl",
    "report.ftl",
    "cli.ftl",
];

/// The shipped catalogue of one language: (file, contents) in
/// [`MESSAGE_FILES`] order.
fn shipped(language: Language) -> [(&'static str, &'static str); 7] {
    match language {
        Language::English => [
            ("common.ftl", include_str!("../../locales/en-GB/common.ftl")),
            ("bot.ftl", include_str!("../../locales/en-GB/bot.ftl")),
            (
                "commands.ftl",
                include_str!("../../locales/en-GB/commands.ftl"),
            ),
            (
                "actions.ftl",
                include_str!("../../locales/en-GB/actions.ftl"),
            ),
            ("errors.ftl", include_str!("../../locales/en-GB/errors.ftl")),
            ("report.ftl", include_str!("../../locales/en-GB/report.ftl")),
            ("cli.ftl", include_str!("../../locales/en-GB/cli.ftl")),
        ],
        Language::Welsh => [
            ("common.ftl", include_str!("../../locales/cy/common.ftl")),
            ("bot.ftl", include_str!("../../locales/cy/bot.ftl")),
            (
                "commands.ftl",
                include_str!("../../locales/cy/commands.ftl"),
            ),
            ("actions.ftl", include_str!("../../locales/cy/actions.ftl")),
            ("errors.ftl", include_str!("../../locales/cy/errors.ftl")),
            ("report.ftl", include_str!("../../locales/cy/report.ftl")),
            ("cli.ftl", include_str!("../../locales/cy/cli.ftl")),
        ],
    }
}

/// A mistake in a catalogue file, named by file and, where it can, key and
/// line.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("{}: could not read it: {source}.", .path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}, line {line}: {problem}. Check the spelling, braces and indentation there.")]
    Syntax {
        file: String,
        line: usize,
        problem: String,
    },
    #[error("{file}: {key}: {problem}")]
    Invalid {
        file: String,
        key: String,
        problem: String,
    },
}

/// The messages of one language, and where each came from.
struct Messages {
    bundle: FluentBundle<FluentResource>,
    /// Message key → the file that defines it.
    files: BTreeMap<String, String>,
}

impl Messages {
    fn new(language: Language) -> Self {
        let id = language
            .tag()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Discord and plain-text files show the isolation marks as junk.
        bundle.set_use_isolating(false);
        Messages {
            bundle,
            files: BTreeMap::new(),
        }
    }

    /// Adds one file's messages; with `overriding`, they replace earlier ones.
    fn add(&mut self, file: &str, source: &str, overriding: bool) -> Result<(), CatalogueError> {
        let resource = parse(file, source)?;
        let keys = message_keys(&resource);
        for key in &keys {
            if !overriding && self.files.contains_key(key) {
                return Err(CatalogueError::Invalid {
                    file: file.to_owned(),
                    key: key.clone(),
                    problem: format!(
                        "this key is also in {}. Keep each message in one file.",
                        self.files[key]
                    ),
                });
            }
            self.files.insert(key.clone(), file.to_owned());
        }
        if overriding {
            self.bundle.add_resource_overriding(resource);
            Ok(())
        } else {
            self.bundle.add_resource(resource).map_err(|errors| {
                let problem = errors.iter().map(describe).collect::<Vec<_>>().join("; ");
                CatalogueError::Invalid {
                    file: file.to_owned(),
                    key: keys.into_iter().next().unwrap_or_default(),
                    problem,
                }
            })
        }
    }
}

fn describe(error: &FluentError) -> String {
    match error {
        FluentError::Overriding { id, .. } => format!("{id} is defined twice"),
        other => other.to_string(),
    }
}

fn parse(file: &str, source: &str) -> Result<FluentResource, CatalogueError> {
    FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
        let first = &errors[0];
        let before = source.get(..first.pos.start).unwrap_or(source);
        CatalogueError::Syntax {
            file: file.to_owned(),
            line: before.matches('\n').count() + 1,
            problem: first.kind.to_string(),
        }
    })
}

fn message_keys(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            ast::Entry::Term(term) => Some(format!("-{}", term.id.name)),
            _ => None,
        })
        .collect()
}

/// A message one language has and the other lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageGap {
    /// The file it is missing from.
    pub file: String,
    pub key: String,
    /// The language that has it.
    pub found_in: Language,
}

impl fmt::Display for MessageGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} is missing (it is in {})",
            self.file,
            self.key,
            self.found_in.tag()
        )
    }
}

/// The file of what Discord shows for the slash commands and their options.
pub const COMMANDS_FILE: &str = "commands.ftl";

/// Discord refuses to register a command whose description, or an option's,
/// is empty or longer than this.
pub const COMMAND_WORDS_MAX_CHARS: usize = 100;

/// A reworded command description Discord would refuse is refused here, not
/// when the bot starts and Discord turns its commands away.
fn check_command_words(file: &str, key: &str, text: &str) -> Result<(), CatalogueError> {
    let length = text.chars().count();
    let next_step = match length {
        0 => "Give it some words.",
        1..=COMMAND_WORDS_MAX_CHARS => return Ok(()),
        _ => "Make it shorter.",
    };
    Err(CatalogueError::Invalid {
        file: file.to_owned(),
        key: key.to_owned(),
        problem: format!(
            "Discord shows 1 to {COMMAND_WORDS_MAX_CHARS} characters here, and this has \
             {length}. {next_step}"
        ),
    })
}

/// Every message in every language the bot speaks.
pub struct Catalogue {
    english: Messages,
    welsh: Messages,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue")
            .field("english_keys", &self.english.files.len())
            .field("welsh_keys", &self.welsh.files.len())
            .finish()
    }
}

impl Catalogue {
    /// The catalogue as shipped. A unit test loads it, so an error here is a
    /// programming error.
    pub fn embedded() -> Result<Catalogue, CatalogueError> {
        let mut catalogue = Catalogue {
            english: Messages::new(Language::English),
            welsh: Messages::new(Language::Welsh),
        };
        for language in Language::ALL {
            for (file, source) in shipped(language) {
                let name = format!("locales/{}/{file}", language.tag());
                catalogue.messages_mut(language).add(&name, source, false)?;
            }
        }
        Ok(catalogue)
    }

    /// The shipped catalogue, loaded once: the English of logs and the
    /// command line, and every test's words.
    pub fn shipped() -> &'static Catalogue {
        static SHIPPED: std::sync::LazyLock<Catalogue> = std::sync::LazyLock::new(|| {
            Catalogue::embedded().expect("the shipped catalogue loads")
        });
        &SHIPPED
    }

    /// The shipped catalogue with a council's rewording laid over it: `dir`
    /// holds a folder per language (`en-GB`, `cy`), each with any of the
    /// [`MESSAGE_FILES`]. Every key it rewords must be one the bot uses.
    pub fn with_rewording(dir: &Path) -> Result<Catalogue, CatalogueError> {
        let mut catalogue = Self::embedded()?;
        for language in Language::ALL {
            for file in MESSAGE_FILES {
                let path = dir.join(language.tag()).join(file);
                if !path.exists() {
                    continue;
                }
                let source = std::fs::read_to_string(&path).map_err(|source| {
                    CatalogueError::Unreadable {
                        path: path.clone(),
                        source,
                    }
                })?;
                let name = path.display().to_string();
                let resource = parse(&name, &source)?;
                let shipped_keys = &catalogue.messages(Language::English).files;
                if let Some(unknown) = message_keys(&resource)
                    .into_iter()
                    .find(|key| !shipped_keys.contains_key(key))
                {
                    return Err(CatalogueError::Invalid {
                        file: name,
                        key: unknown,
                        problem: "the bot has no message with this key. Check its spelling \
                                  against the shipped file in locales/."
                            .to_owned(),
                    });
                }
                catalogue.messages_mut(language).add(&name, &source, true)?;
            }
        }
        catalogue.check_formats()?;
        Ok(catalogue)
    }

    fn messages(&self, language: Language) -> &Messages {
        match language {
            Language::English => &self.english,
            Language::Welsh => &self.welsh,
        }
    }

    fn messages_mut(&mut self, language: Language) -> &mut Messages {
        match language {
            Language::English => &mut self.english,
            Language::Welsh => &mut self.welsh,
        }
    }

    /// Every key of one language, for the completeness checks.
    pub fn keys(&self, language: Language) -> BTreeSet<&str> {
        self.messages(language)
            .files
            .keys()
            .map(String::as_str)
            .collect()
    }

    /// Every key one language has and the other lacks, both ways, each
    /// named with the file it is missing from.
    pub fn gaps(&self) -> Vec<MessageGap> {
        let mut gaps = Vec::new();
        for (has, lacks) in [
            (Language::English, Language::Welsh),
            (Language::Welsh, Language::English),
        ] {
            let other = self.keys(lacks);
            for (key, file) in &self.messages(has).files {
                if !other.contains(key.as_str()) {
                    gaps.push(MessageGap {
                        file: file.replacen(has.tag(), lacks.tag(), 1),
                        key: key.clone(),
                        found_in: has,
                    });
                }
            }
        }
        gaps
    }

    /// The file that defines `key` in `language`.
    pub fn file_of(&self, language: Language, key: &str) -> Option<&str> {
        self.messages(language).files.get(key).map(String::as_str)
    }

    /// Formats every message with no values: a reworded message that refers
    /// to a message or term that does not exist is refused here, not in
    /// front of a workshop.
    fn check_formats(&self) -> Result<(), CatalogueError> {
        for language in Language::ALL {
            let messages = self.messages(language);
            for (key, file) in &messages.files {
                let Some(pattern) = messages
                    .bundle
                    .get_message(key)
                    .and_then(|message| message.value())
                else {
                    continue;
                };
                let mut errors = Vec::new();
                let text = messages.bundle.format_pattern(pattern, None, &mut errors);
                if file.ends_with(COMMANDS_FILE) {
                    check_command_words(file, key, &text)?;
                }
                if let Some(problem) = errors.iter().find_map(|error| match error {
                    FluentError::ResolverError(
                        resolve @ (fluent_bundle::resolver::ResolverError::Reference(
                            fluent_bundle::resolver::errors::ReferenceKind::Message { .. }
                            | fluent_bundle::resolver::errors::ReferenceKind::Term { .. },
                        )
                        | fluent_bundle::resolver::ResolverError::Cyclic),
                    ) => Some(resolve.to_string()),
                    _ => None,
                }) {
                    return Err(CatalogueError::Invalid {
                        file: file.clone(),
                        key: key.clone(),
                        problem,
                    });
                }
            }
        }
        Ok(())
    }

    /// One message in one language. A key the language lacks falls back to
    /// English; a key nobody defines comes out as the key itself (a test
    /// keeps that from happening).
    pub fn text(&self, language: Language, key: &str, args: Option<&FluentArgs>) -> String {
        let found = [language, Language::English]
            .into_iter()
            .find_map(|language| {
                let messages = self.messages(language);
                let pattern = messages.bundle.get_message(key)?.value()?;
                Some((messages, pattern))
            });
        let Some((messages, pattern)) = found else {
            tracing::error!(key, "message missing from the catalogue");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text = messages
            .bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if !errors.is_empty() {
            tracing::error!(key, ?errors, "message formatted with errors");
        }
        text
    }

    /// The words for a workshop, a person or a report in `language`.
    pub fn words(&self, language: impl Into<WorkshopLanguage>) -> Words<'_> {
        Words {
            catalogue: self,
            language: language.into(),
        }
    }
}

/// The catalogue in the language(s) one reader gets. Bilingual text puts
/// Welsh first: a message on its own line above the English one; a short
/// label as "Cymraeg / English".
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    catalogue: &'a Catalogue,
    language: WorkshopLanguage,
}

impl<'a> Words<'a> {
    pub fn language(&self) -> WorkshopLanguage {
        self.language
    }

    pub fn catalogue(&self) -> &'a Catalogue {
        self.catalogue
    }

    fn joined(&self, key: &str, args: Option<&FluentArgs>, separator: &str) -> String {
        let texts: Vec<String> = self
            .language
            .languages()
            .iter()
            .map(|&language| self.catalogue.text(language, key, args))
            .collect();
        match texts.as_slice() {
            [first, second] if first == second => first.clone(),
            _ => texts.join(separator),
        }
    }

    /// A message: a sentence, a paragraph or a line. Use [`crate::text!`].
    pub fn text(&self, key: &str, args: Option<&FluentArgs>) -> String {
        self.joined(key, args, "\n")
    }

    /// A short label (a button, a column, a title). Use [`crate::label!`].
    pub fn label(&self, key: &str, args: Option<&FluentArgs>) -> String {
        self.joined(key, args, " / ")
    }

    /// A message with one value that may be missing, worded by two keys
    /// (each marked with [`crate::key!`]): `with` gets the value as `name`,
    /// `without` does without it; both get `values`.
    pub fn text_with_optional(
        &self,
        with: &str,
        without: &str,
        values: &[(&str, &str)],
        (name, optional): (&str, Option<&str>),
    ) -> String {
        let mut args: FluentArgs = values.iter().copied().collect();
        let key = match optional {
            Some(value) => {
                args.set(name, value);
                with
            }
            None => without,
        };
        self.text(key, Some(&args))
    }
}

/// A message from the catalogue: `text!(words, "vote-recorded", value = 4)`.
/// The key must be a literal, so that a test can check it exists.
#[macro_export]
macro_rules! text {
    ($($words_key_and_args:tt)+) => {
        $crate::catalogue_lookup!(text, $($words_key_and_args)+)
    };
}

/// A short label from the catalogue, joined with " / " when bilingual.
#[macro_export]
macro_rules! label {
    ($($words_key_and_args:tt)+) => {
        $crate::catalogue_lookup!(label, $($words_key_and_args)+)
    };
}

/// What [`text!`] and [`label!`] expand to: `$method` of `Words` with the
/// key and the named arguments.
#[doc(hidden)]
#[macro_export]
macro_rules! catalogue_lookup {
    ($method:ident, $words:expr, $key:literal) => {
        $words.$method($key, None)
    };
    ($method:ident, $words:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $(args.set(stringify!($name), $value);)+
        $words.$method($key, Some(&args))
    }};
}

/// Marks a literal as a catalogue key where code picks one of several
/// (`match side { Council => key!("side-council"), … }`), so that the key
/// test sees it.
#[macro_export]
macro_rules! key {
    ($key:literal) => {
        $key
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogue_loads_and_formats() {
        Catalogue::shipped()
            .check_formats()
            .expect("every message formats");
    }

    #[test]
    fn plurals_come_from_the_catalogue() {
        let catalogue = Catalogue::shipped();
        let words = catalogue.words(Language::English);
        assert_eq!(text!(words, "people-count", count = 1), "1 person");
        assert_eq!(text!(words, "people-count", count = 4), "4 people");
        // Welsh has more plural forms than English: the catalogue knows them.
        let welsh = catalogue.words(Language::Welsh);
        assert_eq!(text!(welsh, "people-count", count = 1), "1 person");
        assert_eq!(text!(welsh, "people-count", count = 2), "2 berson");
        assert_eq!(text!(welsh, "people-count", count = 7), "7 o bobl");
    }

    #[test]
    fn a_rewording_replaces_a_message_and_names_an_unknown_key() {
        let dir = tempfile::tempdir().expect("temp dir");
        let english = dir.path().join("en-GB");
        std::fs::create_dir_all(&english).expect("folder");
        std::fs::write(
            english.join("common.ftl"),
            "people-count = { $count ->\n    [one] one member\n   *[other] { $count } members\n}\n",
        )
        .expect("write");
        let catalogue = Catalogue::with_rewording(dir.path()).expect("rewording loads");
        let words = catalogue.words(Language::English);
        assert_eq!(text!(words, "people-count", count = 3), "3 members");

        std::fs::write(english.join("common.ftl"), "peeple-count = members\n").expect("write");
        let error = Catalogue::with_rewording(dir.path())
            .expect_err("an unknown key is refused")
            .to_string();
        assert!(error.contains("common.ftl: peeple-count"), "{error}");

        std::fs::remove_file(english.join("common.ftl")).expect("remove");
        std::fs::write(english.join("bot.ftl"), "people-count = { $count\n").expect("write");
        let error = Catalogue::with_rewording(dir.path())
            .expect_err("a syntax error is refused")
            .to_string();
        assert!(error.contains("bot.ftl, line 2"), "{error}");
    }

    #[test]
    fn a_command_description_discord_would_refuse_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let english = dir.path().join("en-GB");
        std::fs::create_dir_all(&english).expect("folder");
        let commands = english.join(COMMANDS_FILE);
        std::fs::write(&commands, "command-join = Take part in this workshop\n").expect("write");
        let catalogue = Catalogue::with_rewording(dir.path()).expect("a short one loads");
        assert_eq!(
            catalogue.text(Language::English, "command-join", None),
            "Take part in this workshop"
        );

        let long = "word ".repeat(25);
        std::fs::write(&commands, format!("command-join = {long}\n")).expect("write");
        let error = Catalogue::with_rewording(dir.path())
            .expect_err("a description over 100 characters is refused")
            .to_string();
        assert!(error.contains("commands.ftl: command-join"), "{error}");
        assert!(error.contains("1 to 100 characters"), "{error}");
        assert!(error.contains("Make it shorter."), "{error}");

        std::fs::write(&commands, "command-join = { \"\" }\n").expect("write");
        let error = Catalogue::with_rewording(dir.path())
            .expect_err("an empty description is refused")
            .to_string();
        assert!(error.contains("this has 0. Give it some words."), "{error}");
    }

    /// Adds `message` to `file` in `language` and returns the gaps then.
    fn gaps_after_adding(
        catalogue: &mut Catalogue,
        language: Language,
        file: &str,
        message: &str,
    ) -> Vec<String> {
        catalogue
            .messages_mut(language)
            .add(file, message, true)
            .expect("adds");
        catalogue.gaps().iter().map(MessageGap::to_string).collect()
    }

    #[test]
    fn the_shipped_catalogue_has_every_message_in_both_languages() {
        let gaps: Vec<String> = Catalogue::shipped()
            .gaps()
            .iter()
            .map(MessageGap::to_string)
            .collect();
        assert!(gaps.is_empty(), "{}", gaps.join("\n"));
    }

    #[test]
    fn a_key_missing_from_either_language_is_named_with_its_file() {
        let mut catalogue = Catalogue::embedded().expect("the shipped catalogue loads");
        let gaps = gaps_after_adding(
            &mut catalogue,
            Language::Welsh,
            "locales/cy/bot.ftl",
            "only-in-welsh = Dim ond yn Gymraeg\n",
        );
        assert!(
            gaps.contains(
                &"locales/en-GB/bot.ftl: only-in-welsh is missing (it is in cy)".to_owned()
            ),
            "{gaps:?}"
        );
        let gaps = gaps_after_adding(
            &mut catalogue,
            Language::English,
            "locales/en-GB/bot.ftl",
            "only-in-english = Only in English\n",
        );
        assert!(
            gaps.contains(
                &"locales/cy/bot.ftl: only-in-english is missing (it is in en-GB)".to_owned()
            ),
            "{gaps:?}"
        );
    }

    #[test]
    fn bilingual_puts_welsh_first_and_falls_back_key_by_key() {
        let catalogue = Catalogue::shipped();
        let words = catalogue.words(WorkshopLanguage::Bilingual);
        // With no Welsh text yet, both lines would be the same English: one is kept.
        let english = catalogue.words(Language::English);
        if catalogue.keys(Language::Welsh).contains("people-count") {
            let welsh = catalogue.words(Language::Welsh);
            assert_eq!(
                text!(words, "people-count", count = 2),
                format!(
                    "{}\n{}",
                    text!(welsh, "people-count", count = 2),
                    text!(english, "people-count", count = 2)
                )
            );
        } else {
            assert_eq!(
                text!(words, "people-count", count = 2),
                text!(english, "people-count", count = 2)
            );
        }
    }
}

/// The keys the code names, through `text!`, `label!` and `key!`, read from
/// the source files, so that a test catches a key the catalogue lacks and a
/// message nothing uses.
#[cfg(test)]
mod key_usage {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;

    const MACROS: [&str; 3] = ["text!(", "label!(", "key!("];

    fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, files);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }

    /// Key → the first place that uses it.
    fn keys_in_code() -> BTreeMap<String, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        rust_files(&root.join("src"), &mut files);
        let mut keys = BTreeMap::new();
        for file in files {
            let Ok(source) = std::fs::read_to_string(&file) else {
                continue;
            };
            // Comments may show the macros; they are not uses.
            let code: String = source
                .lines()
                .map(|line| {
                    if line.trim_start().starts_with("//") {
                        ""
                    } else {
                        line
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            for start in MACROS.iter().flat_map(|name| {
                code.match_indices(name)
                    // A macro's name inside a string is not a use of it.
                    .filter(|(at, _)| !code[..*at].ends_with('"'))
                    .map(|(at, m)| at + m.len())
            }) {
                let rest = &code[start..];
                let Some(open) = rest.find('"') else { continue };
                // The key is the first literal inside the macro's brackets.
                if rest[..open].contains(')') {
                    continue;
                }
                let after = &rest[open + 1..];
                let Some(close) = after.find('"') else {
                    continue;
                };
                let line = code[..start].matches('\n').count() + 1;
                let place = format!(
                    "{}:{line}",
                    file.strip_prefix(root).unwrap_or(&file).display()
                );
                keys.entry(after[..close].to_owned()).or_insert(place);
            }
        }
        keys
    }

    #[test]
    fn every_key_the_code_uses_is_in_the_catalogue() {
        let catalogue = Catalogue::shipped();
        let known = catalogue.keys(Language::English);
        let missing: Vec<String> = keys_in_code()
            .into_iter()
            .filter(|(key, _)| !known.contains(key.as_str()))
            .map(|(key, place)| format!("{place}: {key}"))
            .collect();
        assert!(
            missing.is_empty(),
            "keys missing from locales/en-GB:\n{}",
            missing.join("\n")
        );
    }

    // The slash commands' words are keyed by the commands' names, not by
    // literals: `bot::commands::words` checks that file against the commands.
    #[test]
    fn every_message_in_the_catalogue_is_used() {
        let catalogue = Catalogue::shipped();
        let used = keys_in_code();
        let unused: Vec<String> = catalogue
            .keys(Language::English)
            .into_iter()
            .filter(|key| !key.starts_with('-') && !used.contains_key(*key))
            .filter(|key| {
                !catalogue
                    .file_of(Language::English, key)
                    .is_some_and(|file| file.ends_with(COMMANDS_FILE))
            })
            .map(|key| {
                format!(
                    "{}: {key}",
                    catalogue.file_of(Language::English, key).unwrap_or("?")
                )
            })
            .collect();
        assert!(
            unused.is_empty(),
            "messages nothing uses (remove them, or use them):\n{}",
            unused.join("\n")
        );
    }
}
