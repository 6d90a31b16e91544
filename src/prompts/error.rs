//! What is wrong with a prompts folder, in words a council officer can act on.

use std::path::PathBuf;

use super::raw::PROMPT_FILES;

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
}

fn at_line(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(", line {line}, column {column}"),
        (Some(line), None) => format!(", line {line}"),
        _ => String::new(),
    }
}
