//! The toolkit's content, loaded from `prompts/` (TOML) and validated. Every
//! question text lives in those files, never in Rust code: councils reword
//! questions and a CVS may translate them. Ids are stable; wording is not.
//!
//! The typed model lives in [`crate::domain::toolkit`]; this module reads and
//! validates the files into it.

mod catalogue;
mod error;
mod load;
mod raw;
#[cfg(test)]
mod tests;
mod validate;
mod vocabulary;

pub use catalogue::{Catalogue, CatalogueError, Gap, MESSAGE_FILES, Words};
pub use error::PromptError;
pub use load::{CheckSummary, check_dir};
pub use raw::PROMPT_FILES;
pub use validate::{SHORT_MAX_CHARS, TEXT_MAX_CHARS};
pub use vocabulary::Worded;
