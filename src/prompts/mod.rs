//! The toolkit's content, loaded from `prompts/` (TOML, a folder per
//! language: `en-GB/`, `cy/`) and validated. Every question text lives in
//! those files, never in Rust code: councils reword questions and a CVS may
//! translate them. Ids are stable and the same in every language; wording is not.
//!
//! The typed model lives in [`crate::domain::toolkit`]; this module reads and
//! validates the files into it.

mod catalogue;
mod check;
mod compare;
mod error;
#[cfg(test)]
mod language_tests;
mod load;
mod raw;
#[cfg(test)]
mod tests;
mod validate;
mod vocabulary;

pub use catalogue::{
    COMMAND_WORDS_MAX_CHARS, COMMANDS_FILE, Catalogue, CatalogueError, MESSAGE_FILES, MessageGap,
    Words,
};
pub use check::{CheckReport, check_dir, check_embedded};
pub use compare::{Gap, GapProblem, LanguageToolkit, compare_languages};
pub use error::PromptError;
pub use load::CheckSummary;
pub use raw::PROMPT_FILES;
pub use validate::{SHORT_MAX_CHARS, TEXT_MAX_CHARS};
pub use vocabulary::Worded;
