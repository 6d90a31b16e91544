//! Reads the prompt files, from the binary or a folder, into the toolkit.

use std::fmt;
use std::path::Path;

use serde::Serialize;

use super::error::PromptError;
use super::raw::*;
use super::validate::*;
use crate::domain::{Language, Toolkit};

/// What `check-prompts` prints: how much the folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CheckSummary {
    pub benefits: usize,
    pub benefit_discussion: usize,
    pub relationship_questions: usize,
    pub strategic_items: usize,
    pub considerations: usize,
    pub context_questions: usize,
}

impl fmt::Display for CheckSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The prompts are valid: {} benefits and {} discussion questions (assessment one), \
             {} relationship questions (assessment two), {} strategic items (assessment three), \
             {} action plan considerations and {} context questions.",
            self.benefits,
            self.benefit_discussion,
            self.relationship_questions,
            self.strategic_items,
            self.considerations,
            self.context_questions
        )
    }
}

/// The five files' contents.
pub(super) struct Sources<'a> {
    pub(super) scale: &'a str,
    pub(super) benefits: &'a str,
    pub(super) relationships: &'a str,
    pub(super) strategic: &'a str,
    pub(super) action_plan: &'a str,
}

/// The files of `prompts/<tag>/`, built into the binary.
macro_rules! embedded_sources {
    ($tag:literal) => {
        Sources {
            scale: include_str!(concat!("../../prompts/", $tag, "/scale.toml")),
            benefits: include_str!(concat!("../../prompts/", $tag, "/benefits.toml")),
            relationships: include_str!(concat!("../../prompts/", $tag, "/relationships.toml")),
            strategic: include_str!(concat!("../../prompts/", $tag, "/strategic.toml")),
            action_plan: include_str!(concat!("../../prompts/", $tag, "/action_plan.toml")),
        }
    };
}

pub(super) const EMBEDDED_ENGLISH: Sources<'static> = embedded_sources!("en-GB");
pub(super) const EMBEDDED_WELSH: Sources<'static> = embedded_sources!("cy");

pub(super) fn embedded_sources(language: Language) -> &'static Sources<'static> {
    match language {
        Language::English => &EMBEDDED_ENGLISH,
        Language::Welsh => &EMBEDDED_WELSH,
    }
}

/// Where the shipped files of `language` live in the repository, for messages.
pub(super) fn embedded_folder(language: Language) -> String {
    format!("prompts/{}", language.tag())
}

/// How a council's prompts folder is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// The five files themselves: one wording, used whatever the language.
    Single,
    /// A folder of the five files for each language, named by its tag.
    PerLanguage,
}

impl Layout {
    /// A folder holding any language folder (`en-GB/`, `cy/`) is split by
    /// language; any other folder holds the five files itself.
    pub(super) fn of(dir: &Path) -> Layout {
        if Language::ALL
            .iter()
            .any(|language| dir.join(language.tag()).is_dir())
        {
            Layout::PerLanguage
        } else {
            Layout::Single
        }
    }
}

impl Toolkit {
    /// The English toolkit as shipped. Same as
    /// `Toolkit::embedded_in(Language::English)`.
    pub fn embedded() -> Result<Toolkit, PromptError> {
        Self::embedded_in(Language::English)
    }

    /// The toolkit as shipped in `language` (`prompts/en-GB/`, `prompts/cy/`),
    /// built into the binary so it runs from any folder. A unit test loads
    /// both, so an error here is a programming error.
    pub fn embedded_in(language: Language) -> Result<Toolkit, PromptError> {
        Self::from_sources(embedded_sources(language))
            .map_err(|error| in_folder(embedded_folder(language), error))
    }

    /// The toolkit for an English workshop from a council's folder: same as
    /// `Toolkit::load_dir_in(dir, Language::English)`.
    pub fn load_dir(dir: &Path) -> Result<Toolkit, PromptError> {
        Self::load_dir_in(dir, Language::English)
    }

    /// The toolkit in `language` from a council's folder (`--prompts`), which
    /// is laid out in one of two ways:
    ///
    /// - **split by language**: if it holds a folder named by any language's
    ///   tag (`en-GB/`, `cy/`), each language is read from its own folder of
    ///   the five files, and a language without one is an error. Mistakes
    ///   name the file with its folder, e.g. `DIR/cy/benefits.toml: ...`.
    /// - **one wording**: otherwise the folder holds the five files itself
    ///   (as `prompts/` did before Welsh), and that wording is used whatever
    ///   the language. A council's own text is never mixed with the shipped
    ///   text of another language, whose ids might differ from it.
    pub fn load_dir_in(dir: &Path, language: Language) -> Result<Toolkit, PromptError> {
        match Layout::of(dir) {
            Layout::Single => Self::load_files(dir),
            Layout::PerLanguage => {
                let folder = dir.join(language.tag());
                if !folder.is_dir() {
                    return Err(PromptError::NoLanguageFolder {
                        dir: dir.to_owned(),
                        missing: language.tag(),
                    });
                }
                Self::load_files(&folder)
                    .map_err(|error| in_folder(folder.display().to_string(), error))
            }
        }
    }

    /// The five files directly in `dir`.
    fn load_files(dir: &Path) -> Result<Toolkit, PromptError> {
        let read = |file: &'static str| {
            let path = dir.join(file);
            std::fs::read_to_string(&path).map_err(|source| PromptError::Unreadable {
                file,
                path,
                source,
            })
        };
        let scale = read(SCALE_FILE)?;
        let benefits = read(BENEFITS_FILE)?;
        let relationships = read(RELATIONSHIPS_FILE)?;
        let strategic = read(STRATEGIC_FILE)?;
        let action_plan = read(ACTION_PLAN_FILE)?;
        Self::from_sources(&Sources {
            scale: &scale,
            benefits: &benefits,
            relationships: &relationships,
            strategic: &strategic,
            action_plan: &action_plan,
        })
    }

    fn from_sources(sources: &Sources<'_>) -> Result<Toolkit, PromptError> {
        let mut ids = IdRegister::default();
        let (scale, bands, cases) = validate_scale(parse(SCALE_FILE, sources.scale)?)?;
        let (benefits, benefit_discussion) =
            validate_benefits(parse(BENEFITS_FILE, sources.benefits)?, &mut ids)?;
        let (relationship_types, levels, relationship_questions) =
            validate_relationships(parse(RELATIONSHIPS_FILE, sources.relationships)?, &mut ids)?;
        let (principles, strategic_items) =
            validate_strategic(parse(STRATEGIC_FILE, sources.strategic)?, &mut ids)?;
        let (considerations, context_questions) =
            validate_action_plan(parse(ACTION_PLAN_FILE, sources.action_plan)?, &mut ids)?;
        Ok(Toolkit {
            scale,
            benefits,
            benefit_discussion,
            relationship_types,
            relationship_questions,
            levels,
            principles,
            strategic_items,
            bands,
            cases,
            considerations,
            context_questions,
        })
    }

    /// How much the toolkit holds, for `check-prompts`.
    pub fn summary(&self) -> CheckSummary {
        CheckSummary {
            benefits: self.benefits.len(),
            benefit_discussion: self.benefit_discussion.len(),
            relationship_questions: self.relationship_questions.len(),
            strategic_items: self.strategic_items.len(),
            considerations: self.considerations.len(),
            context_questions: self.context_questions.len(),
        }
    }
}

/// `error` with `folder` in front of its file name.
fn in_folder(folder: String, error: PromptError) -> PromptError {
    PromptError::InFolder {
        folder,
        inner: Box::new(error),
    }
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &'static str,
    source: &str,
) -> Result<T, PromptError> {
    toml::from_str(source).map_err(|error| {
        let (line, column) = match error.span() {
            Some(span) => {
                let before = source.get(..span.start).unwrap_or(source);
                let line = before.matches('\n').count() + 1;
                let column = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        let message = error
            .message()
            .lines()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
            .replace("expected u8", "expected a whole number")
            .replace("expected u32", "expected a whole number");
        PromptError::Syntax {
            file,
            line,
            column,
            message: message.trim_end_matches('.').to_owned(),
        }
    })
}
