//! Assessment three for one relationship: its score out of 75 per side, the
//! principles' sub-scores, the axes and the toolkit's case.

use serde::Serialize;

use super::items::{AssessmentResults, ItemResult, SideScores, shown_scores};
use crate::domain::records::Relationship;
use crate::domain::scoring::{DeliveryCase, RelationshipScore, SubScore};
use crate::domain::tally::SideCounts;
use crate::domain::toolkit::Toolkit;
use crate::domain::values::AnonymityThreshold;

/// The group of items in assessment three that are the axes, not principles.
pub const AXES_GROUP: &str = "axes";

/// One of the four principles' sub-scores out of 15 for a relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleScore {
    pub key: String,
    pub name: String,
    pub score: SideScores<SubScore>,
}

/// Assessment three for one relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategicResults {
    /// All fifteen items, most divergent first.
    pub round: AssessmentResults,
    /// The score out of 75.
    pub score: SideScores<RelationshipScore>,
    /// In the toolkit's order.
    pub principles: Vec<PrincipleScore>,
    /// The three axes, in the toolkit's order.
    pub axes: Vec<ItemResult>,
    /// From the all-voters score and whether the relationship is intended to
    /// be strategic.
    pub case: Option<DeliveryCase>,
    /// The toolkit's recommended action for that case.
    pub case_action: Option<String>,
    /// Each side's own case, from its own score; `None` where the side's
    /// score is too small to show.
    pub case_by_side: CaseBySide,
}

/// The toolkit's case as the council and the VCS each see a relationship.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CaseBySide {
    pub council: Option<DeliveryCase>,
    pub vcs: Option<DeliveryCase>,
}

impl CaseBySide {
    /// Both sides are shown and place the relationship in different cases.
    pub fn differ(&self) -> bool {
        matches!((self.council, self.vcs), (Some(c), Some(v)) if c != v)
    }
}

pub(super) fn strategic_results(
    toolkit: &Toolkit,
    relationship: &Relationship,
    round: AssessmentResults,
    per_side: SideCounts,
    threshold: AnonymityThreshold,
) -> StrategicResults {
    let in_order = round.in_toolkit_order();
    let score = shown_scores(&in_order, per_side, threshold, |means| {
        RelationshipScore::from_item_means(means, &toolkit.bands)
    });
    let principles = toolkit
        .principles
        .iter()
        .map(|principle| {
            let items: Vec<&ItemResult> = in_order
                .iter()
                .copied()
                .filter(|item| item.group == principle.key)
                .collect();
            PrincipleScore {
                key: principle.key.clone(),
                name: principle.name.clone(),
                score: shown_scores(&items, per_side, threshold, SubScore::from_item_means),
            }
        })
        .collect();
    let axes = in_order
        .iter()
        .filter(|item| item.group == AXES_GROUP)
        .map(|item| (*item).clone())
        .collect();
    let case_of = |score: &Option<RelationshipScore>| {
        score
            .as_ref()
            .map(|s| DeliveryCase::of(relationship.details.intended_strategic, s.band))
    };
    let case = case_of(&score.all);
    let case_by_side = CaseBySide {
        council: case_of(&score.council),
        vcs: case_of(&score.vcs),
    };
    let case_action =
        case.and_then(|case| toolkit.case(case.key()).map(|info| info.action.clone()));
    StrategicResults {
        round,
        score,
        principles,
        axes,
        case,
        case_action,
        case_by_side,
    }
}
