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

// The files as written. Every field is optional (a list may be left out, a
// value may be missing) so that a missing one is reported with its full key,
// not just a line number.

/// Declares each block of a prompt file as serde reads it: unknown fields
/// refused, every field defaulting to empty.
macro_rules! raw_blocks {
    ($($name:ident { $($field:ident: $type:ty),+ $(,)? })+) => {
        $(
            #[derive(Default, Deserialize)]
            #[serde(deny_unknown_fields, default)]
            pub(super) struct $name {
                $(pub(super) $field: $type),+
            }
        )+
    };
}

raw_blocks! {
    RawScaleFile { labels: Vec<RawLabel>, bands: Vec<RawBand>, cases: Vec<RawCase> }
    RawLabel { value: Option<u8>, label: Option<String> }
    RawBand { min: Option<u32>, max: Option<u32>, label: Option<String> }
    RawCase { key: Option<String>, label: Option<String>, action: Option<String> }
    RawBenefitsFile { direct: Vec<RawItem>, indirect: Vec<RawItem>, discussion: Vec<RawPrompt> }
    RawItem { id: Option<String>, short: Option<String>, text: Option<String> }
    RawPrompt { id: Option<String>, text: Option<String> }
    RawRelationshipsFile { types: Vec<RawType>, levels: Vec<RawLevel>, questions: Vec<RawItem> }
    RawType { kind: Option<String>, name: Option<String>, summary: Option<String>,
        examples: Option<String> }
    RawLevel { level: Option<String>, name: Option<String>, description: Option<String> }
    RawStrategicFile { principles: Vec<RawPrinciple>, axes: Vec<RawItem> }
    RawPrinciple { key: Option<String>, name: Option<String>, definition: Option<String>,
        questions: Vec<RawItem> }
    RawActionPlanFile { considerations: Vec<RawConsideration>, context_questions: Vec<RawPrompt> }
    RawConsideration { key: Option<String>, text: Option<String> }
}
