//! The toolkit's content, loaded from `prompts/` (TOML) and validated. Every
//! question text lives in those files, never in Rust code: councils reword
//! questions and a CVS may translate them. Ids are stable; wording is not.

use serde::Serialize;

use crate::domain::{Assessment, ItemId, Level, RelationshipType};

/// One thing people vote on, 1–5.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: ItemId,
    /// A few words for charts, buttons and tables, e.g. "Rebalancing power".
    pub short: String,
    /// The full question or statement, as in the toolkit.
    pub text: String,
    /// The heading it sits under: "direct" / "indirect" for benefits, the
    /// principle's key (e.g. "shared_foundations") or "axes" for assessment
    /// three, "questions" for assessment two.
    pub group: String,
}

/// A discussion prompt or question that is talked about, not voted on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prompt {
    pub id: ItemId,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleLabel {
    pub value: u8,
    /// e.g. "Not at all", "To a small extent".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipTypeInfo {
    pub kind: RelationshipType,
    pub name: String,
    pub summary: String,
    pub examples: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelInfo {
    pub level: Level,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Principle {
    /// e.g. "shared_foundations"; the middle part of its items' ids.
    pub key: String,
    pub name: String,
    pub definition: String,
}

/// A band of the relationship score out of 75, as the toolkit words it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandInfo {
    pub min: u32,
    pub max: u32,
    pub label: String,
}

/// One of the toolkit's four intent / delivery cases and what it recommends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseInfo {
    /// "both", "intent_only", "delivery_only" or "neither".
    pub key: String,
    pub label: String,
    pub action: String,
}

/// Something the action plan must consider.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consideration {
    /// "typology_gaps", "overlaps", "geography", "support_to_strategic",
    /// "axes_balance" or "improve_strategic".
    pub key: String,
    pub text: String,
}

/// The whole toolkit, validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Toolkit {
    /// The five labels of the 1–5 scale, in order.
    pub scale: Vec<ScaleLabel>,
    /// Assessment one: the nine benefits (six direct, three indirect).
    pub benefits: Vec<Item>,
    /// Assessment one: the four questions for discussion.
    pub benefit_discussion: Vec<Prompt>,
    /// Assessment two: the five types, in the toolkit's order.
    pub relationship_types: Vec<RelationshipTypeInfo>,
    /// Assessment two: the five questions asked of each relationship.
    pub relationship_questions: Vec<Item>,
    /// Assessment two: neighbourhood, place, system.
    pub levels: Vec<LevelInfo>,
    /// Assessment three: the four principles.
    pub principles: Vec<Principle>,
    /// Assessment three: the twelve principle questions then the three axes,
    /// fifteen items in all.
    pub strategic_items: Vec<Item>,
    /// The five bands of the score out of 75, lowest first.
    pub bands: Vec<BandInfo>,
    /// The four intent / delivery cases.
    pub cases: Vec<CaseInfo>,
    /// The action plan's considerations.
    pub considerations: Vec<Consideration>,
    /// The four questions about the external context.
    pub context_questions: Vec<Prompt>,
}
