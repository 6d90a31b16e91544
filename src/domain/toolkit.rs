//! The toolkit's content as typed data: the items voted on, the scale, the
//! bands, the cases and the action plan's considerations. Reading and
//! validating the prompt files is `crate::prompts`; this is only the model.

use serde::Serialize;

use super::values::{Assessment, ItemId, Level, RelationshipType};

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

/// The toolkit's five bands of the score out of 75, lowest first. Which
/// scores fall in each, and its words, come from the toolkit's `bands`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    NotStrategic,
    Minimally,
    Somewhat,
    Largely,
    Highly,
}

impl Band {
    /// Lowest first, in the order of `Toolkit::bands`.
    pub const ALL: [Band; 5] = [
        Band::NotStrategic,
        Band::Minimally,
        Band::Somewhat,
        Band::Largely,
        Band::Highly,
    ];

    /// The band of a score, by the toolkit's edges. A score above the last
    /// band's `max` (none is, once the toolkit is validated) is in the top band.
    pub fn from_score(score: u32, bands: &Bands) -> Band {
        bands
            .iter()
            .position(|band| score <= band.max)
            .map_or(Band::Highly, |index| Band::ALL[index])
    }

    pub fn key(self) -> &'static str {
        match self {
            Band::NotStrategic => "not_strategic",
            Band::Minimally => "minimally",
            Band::Somewhat => "somewhat",
            Band::Largely => "largely",
            Band::Highly => "highly",
        }
    }

    /// The band's place among the toolkit's bands, lowest first.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The toolkit's bands, one for each [`Band`], covering 0 to 75.
pub type Bands = [BandInfo; 5];

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

pub const TYPOLOGY_GAPS: &str = "typology_gaps";
pub const OVERLAPS: &str = "overlaps";
pub const GEOGRAPHY: &str = "geography";
pub const SUPPORT_TO_STRATEGIC: &str = "support_to_strategic";
pub const AXES_BALANCE: &str = "axes_balance";
pub const IMPROVE_STRATEGIC: &str = "improve_strategic";
/// The toolkit's considerations, in its order.
pub const CONSIDERATION_KEYS: [&str; 6] = [
    TYPOLOGY_GAPS,
    OVERLAPS,
    GEOGRAPHY,
    SUPPORT_TO_STRATEGIC,
    AXES_BALANCE,
    IMPROVE_STRATEGIC,
];
/// The key of the group for actions that fit no consideration.
pub const OTHER: &str = "other";

/// The consideration an item belongs to, by the same rules as an action
/// prompted by its id.
pub fn item_consideration(id: &ItemId) -> &'static str {
    let id = id.as_str();
    if id.starts_with("a3.axes.") {
        AXES_BALANCE
    } else if id.starts_with("a3.") {
        IMPROVE_STRATEGIC
    } else if id.starts_with("a2.") {
        TYPOLOGY_GAPS
    } else {
        OTHER
    }
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
    pub bands: Bands,
    /// The four intent / delivery cases.
    pub cases: Vec<CaseInfo>,
    /// The action plan's considerations.
    pub considerations: Vec<Consideration>,
    /// The four questions about the external context.
    pub context_questions: Vec<Prompt>,
}

impl Toolkit {
    /// The items voted on in an assessment, in order.
    pub fn items(&self, assessment: Assessment) -> &[Item] {
        match assessment {
            Assessment::Benefits => &self.benefits,
            Assessment::Relationships => &self.relationship_questions,
            Assessment::Strategic => &self.strategic_items,
        }
    }

    /// The item with this id, and the assessment it belongs to.
    pub fn item(&self, id: &ItemId) -> Option<(Assessment, &Item)> {
        Assessment::ALL.iter().find_map(|&assessment| {
            self.items(assessment)
                .iter()
                .find(|item| &item.id == id)
                .map(|item| (assessment, item))
        })
    }

    /// The words for a value on the 1–5 scale, e.g. 1 → "Not at all".
    pub fn scale_label(&self, value: u8) -> Option<&str> {
        self.scale
            .iter()
            .find(|label| label.value == value)
            .map(|label| label.label.as_str())
    }

    /// The band a score out of 75 falls in.
    pub fn band_for(&self, score: u32) -> Option<&BandInfo> {
        self.bands
            .iter()
            .find(|band| (band.min..=band.max).contains(&score))
    }

    /// The toolkit's edges and words for a band.
    pub fn band(&self, band: Band) -> &BandInfo {
        &self.bands[band.index()]
    }

    /// Delivery counts as strategic from this score: the start of the
    /// "largely strategic" band.
    pub fn strategic_delivery_from(&self) -> u32 {
        self.band(Band::Largely).min
    }

    /// One of the four cases: "both", "intent_only", "delivery_only", "neither".
    pub fn case(&self, key: &str) -> Option<&CaseInfo> {
        self.cases.iter().find(|case| case.key == key)
    }

    pub fn principle(&self, key: &str) -> Option<&Principle> {
        self.principles
            .iter()
            .find(|principle| principle.key == key)
    }

    pub fn consideration(&self, key: &str) -> Option<&Consideration> {
        self.considerations
            .iter()
            .find(|consideration| consideration.key == key)
    }

    pub fn type_info(&self, kind: RelationshipType) -> Option<&RelationshipTypeInfo> {
        self.relationship_types
            .iter()
            .find(|info| info.kind == kind)
    }

    pub fn level_info(&self, level: Level) -> Option<&LevelInfo> {
        self.levels.iter().find(|info| info.level == level)
    }
}
