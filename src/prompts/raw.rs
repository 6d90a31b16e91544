//! The prompt files as written, before validation.

use serde::Deserialize;

pub(super) const SCALE_FILE: &str = "scale.toml";
pub(super) const BENEFITS_FILE: &str = "benefits.toml";
pub(super) const RELATIONSHIPS_FILE: &str = "relationships.toml";
pub(super) const STRATEGIC_FILE: &str = "strategic.toml";
pub(super) const ACTION_PLAN_FILE: &str = "action_plan.toml";

/// The files a prompts folder must hold.
pub const PROMPT_FILES: [&str; 5] = [
    SCALE_FILE,
    BENEFITS_FILE,
    RELATIONSHIPS_FILE,
    STRATEGIC_FILE,
    ACTION_PLAN_FILE,
];

// The files as written. Every field is optional so that a missing one is
// reported with its full key, not just a line number.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScaleFile {
    #[serde(default)]
    pub(super) labels: Vec<RawLabel>,
    #[serde(default)]
    pub(super) bands: Vec<RawBand>,
    #[serde(default)]
    pub(super) cases: Vec<RawCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLabel {
    pub(super) value: Option<u8>,
    pub(super) label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBand {
    pub(super) min: Option<u32>,
    pub(super) max: Option<u32>,
    pub(super) label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCase {
    pub(super) key: Option<String>,
    pub(super) label: Option<String>,
    pub(super) action: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBenefitsFile {
    #[serde(default)]
    pub(super) direct: Vec<RawItem>,
    #[serde(default)]
    pub(super) indirect: Vec<RawItem>,
    #[serde(default)]
    pub(super) discussion: Vec<RawPrompt>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) id: Option<String>,
    pub(super) short: Option<String>,
    pub(super) text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPrompt {
    pub(super) id: Option<String>,
    pub(super) text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRelationshipsFile {
    #[serde(default)]
    pub(super) types: Vec<RawType>,
    #[serde(default)]
    pub(super) levels: Vec<RawLevel>,
    #[serde(default)]
    pub(super) questions: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawType {
    pub(super) kind: Option<String>,
    pub(super) name: Option<String>,
    pub(super) summary: Option<String>,
    pub(super) examples: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLevel {
    pub(super) level: Option<String>,
    pub(super) name: Option<String>,
    pub(super) description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStrategicFile {
    #[serde(default)]
    pub(super) principles: Vec<RawPrinciple>,
    #[serde(default)]
    pub(super) axes: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPrinciple {
    pub(super) key: Option<String>,
    pub(super) name: Option<String>,
    pub(super) definition: Option<String>,
    #[serde(default)]
    pub(super) questions: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActionPlanFile {
    #[serde(default)]
    pub(super) considerations: Vec<RawConsideration>,
    #[serde(default)]
    pub(super) context_questions: Vec<RawPrompt>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConsideration {
    pub(super) key: Option<String>,
    pub(super) text: Option<String>,
}
