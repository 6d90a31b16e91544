//! What is wrong with a prompts folder, in words a council officer can act on.

use std::path::PathBuf;

use super::compare::Gap;
use super::raw::PROMPT_FILES;
use crate::domain::Language;

/// A mistake in the prompt files. Every message names the file and, where it
/// can, the key of the mistake (blocks are counted from 1), so that a council
/// officer who reworded a question can find and fix it.
#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    #[error(
        "{file}: could not read {}: {source}. Check that the folder holds all five prompt files: {}.",
        .path.display(),
        PROMPT_FILES.join(", ")
    )]
    Unreadable {
        file: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}{}: {message}. Check the spelling, quotes and brackets there.", at_line(*.line, *.column))]
    Syntax {
        file: &'static str,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    #[error("{file}: {key}: {problem}")]
    Invalid {
        file: &'static str,
        key: String,
        problem: String,
    },
    /// A mistake in one language's folder: the message of `inner` with the
    /// folder in front of its file, e.g. `cy/benefits.toml: ...`.
    #[error("{folder}/{inner}")]
    InFolder {
        folder: String,
        inner: Box<PromptError>,
    },
    #[error(
        "{}: there is no {missing}/ folder. A prompts folder split by language needs a folder of the five prompt files for each language: {}.",
        .dir.display(),
        language_folders()
    )]
    NoLanguageFolder { dir: PathBuf, missing: &'static str },
    #[error(
        "The languages' prompt files do not hold the same ids and keys. Add what is missing, or remove what is extra:\n{}",
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    )]
    Incomplete(Vec<Gap>),
}

fn language_folders() -> String {
    Language::ALL
        .iter()
        .map(|language| format!("{}/", language.tag()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn at_line(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(", line {line}, column {column}"),
        (Some(line), None) => format!(", line {line}"),
        _ => String::new(),
    }
}
