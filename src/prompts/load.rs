//! Reads the prompt files, from the binary or a folder, into the toolkit.

use std::fmt;
use std::path::Path;

use serde::Serialize;

use super::error::PromptError;
use super::raw::*;
use super::validate::*;
use crate::domain::Toolkit;

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

/// Loads and validates the prompt files in `dir`, for the `check-prompts`
/// command.
pub fn check_dir(dir: &Path) -> Result<CheckSummary, PromptError> {
    Toolkit::load_dir(dir).map(|toolkit| toolkit.summary())
}

/// The five files' contents.
pub(super) struct Sources<'a> {
    pub(super) scale: &'a str,
    pub(super) benefits: &'a str,
    pub(super) relationships: &'a str,
    pub(super) strategic: &'a str,
    pub(super) action_plan: &'a str,
}

pub(super) const EMBEDDED: Sources<'static> = Sources {
    scale: include_str!("../../prompts/scale.toml"),
    benefits: include_str!("../../prompts/benefits.toml"),
    relationships: include_str!("../../prompts/relationships.toml"),
    strategic: include_str!("../../prompts/strategic.toml"),
    action_plan: include_str!("../../prompts/action_plan.toml"),
};

impl Toolkit {
    /// The toolkit as shipped, built into the binary so it runs from any
    /// folder. A unit test loads it, so an error here is a programming error.
    pub fn embedded() -> Result<Toolkit, PromptError> {
        Self::from_sources(&EMBEDDED)
    }

    /// The toolkit from a folder of reworded prompt files (the same five
    /// file names as `prompts/`).
    pub fn load_dir(dir: &Path) -> Result<Toolkit, PromptError> {
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
        let ScaleContent {
            scale,
            bands,
            cases,
        } = validate_scale(parse(SCALE_FILE, sources.scale)?)?;
        let BenefitsContent {
            benefits,
            benefit_discussion,
        } = validate_benefits(parse(BENEFITS_FILE, sources.benefits)?, &mut ids)?;
        let RelationshipsContent {
            relationship_types,
            levels,
            relationship_questions,
        } = validate_relationships(parse(RELATIONSHIPS_FILE, sources.relationships)?, &mut ids)?;
        let StrategicContent {
            principles,
            strategic_items,
        } = validate_strategic(parse(STRATEGIC_FILE, sources.strategic)?, &mut ids)?;
        let ActionPlanContent {
            considerations,
            context_questions,
        } = validate_action_plan(parse(ACTION_PLAN_FILE, sources.action_plan)?, &mut ids)?;
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
