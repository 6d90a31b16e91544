//! What `check-prompts` checks: each language's files are valid, and the
//! languages hold the same ids and keys.

use std::fmt;
use std::path::Path;

use super::compare::{LanguageToolkit, compare_languages};
use super::error::PromptError;
use super::load::{CheckSummary, Layout, embedded_folder};
use crate::domain::{Language, Toolkit};

/// What a passing check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckReport {
    /// A folder of one wording: the five files themselves.
    Single(CheckSummary),
    /// The shipped toolkit, or a folder split by language: each language, in
    /// the order of [`Language::ALL`], with no gaps between them.
    PerLanguage(Vec<(Language, CheckSummary)>),
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckReport::Single(summary) => write!(f, "{summary}"),
            CheckReport::PerLanguage(languages) => {
                for (language, summary) in languages {
                    writeln!(f, "{}: {summary}", language.tag())?;
                }
                let tags: Vec<&str> = languages.iter().map(|(l, _)| l.tag()).collect();
                write!(
                    f,
                    "Every id and key is in each language ({}).",
                    tags.join(", ")
                )
            }
        }
    }
}

/// Checks the shipped toolkit: `prompts/en-GB` and `prompts/cy`.
pub fn check_embedded() -> Result<CheckReport, PromptError> {
    check_languages(|language| {
        Ok(LanguageToolkit {
            language,
            folder: embedded_folder(language),
            toolkit: Toolkit::embedded_in(language)?,
        })
    })
}

/// Checks a council's folder, laid out as [`Toolkit::load_dir_in`] says: a
/// folder split by language is checked language by language and compared;
/// a folder of one wording is checked on its own.
pub fn check_dir(dir: &Path) -> Result<CheckReport, PromptError> {
    match Layout::of(dir) {
        Layout::Single => Ok(CheckReport::Single(Toolkit::load_dir(dir)?.summary())),
        Layout::PerLanguage => check_languages(|language| {
            Ok(LanguageToolkit {
                language,
                folder: dir.join(language.tag()).display().to_string(),
                toolkit: Toolkit::load_dir_in(dir, language)?,
            })
        }),
    }
}

/// Loads every language with `load`, then compares each with the next.
fn check_languages(
    load: impl Fn(Language) -> Result<LanguageToolkit, PromptError>,
) -> Result<CheckReport, PromptError> {
    let loaded = Language::ALL
        .iter()
        .map(|&language| load(language))
        .collect::<Result<Vec<_>, _>>()?;
    let gaps: Vec<_> = loaded
        .windows(2)
        .flat_map(|pair| compare_languages(&pair[0], &pair[1]))
        .collect();
    if !gaps.is_empty() {
        return Err(PromptError::Incomplete(gaps));
    }
    Ok(CheckReport::PerLanguage(
        loaded
            .iter()
            .map(|side| (side.language, side.toolkit.summary()))
            .collect(),
    ))
}
