//! The joint action plan: agreed actions under the toolkit's considerations,
//! and focus areas suggested from the results.

use std::cmp::Ordering;

use serde::Serialize;

use super::divergence::Verdict;
use super::records::Action;
use super::results::{AssessmentResults, FocusArea, WorkshopResults};
use super::scoring::{DeliveryCase, STRATEGIC_DELIVERY_FROM};
use super::values::{ItemId, Level, RelationshipType};
use crate::prompts::Toolkit;

pub const TYPOLOGY_GAPS: &str = "typology_gaps";
pub const OVERLAPS: &str = "overlaps";
pub const GEOGRAPHY: &str = "geography";
pub const SUPPORT_TO_STRATEGIC: &str = "support_to_strategic";
pub const AXES_BALANCE: &str = "axes_balance";
pub const IMPROVE_STRATEGIC: &str = "improve_strategic";
/// The key of the group for actions that fit no consideration.
pub const OTHER: &str = "other";

/// A principle sub-score (out of 15) below this is a weak principle: an
/// average answer under 3, "to a medium extent".
pub const WEAK_PRINCIPLE_BELOW: u32 = 9;
/// At most this many focus areas are suggested.
pub const MAX_FOCUS_AREAS: usize = 8;

/// One heading of the plan and the agreed actions under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanGroup {
    /// A consideration's key, or "other".
    pub key: String,
    pub title: String,
    /// Soonest due first.
    pub actions: Vec<Action>,
}

/// The compiled joint action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionPlan {
    pub workshop_title: String,
    /// The toolkit's considerations in order, each even when it has no
    /// action yet (the plan should consider every one), then "Other actions".
    pub groups: Vec<PlanGroup>,
    /// Most pressing first.
    pub focus_areas: Vec<FocusArea>,
}

impl ActionPlan {
    pub fn agreed_actions(&self) -> usize {
        self.groups.iter().map(|group| group.actions.len()).sum()
    }
}

/// Compiles the plan from the agreed actions in the results.
pub fn compile_plan(toolkit: &Toolkit, results: &WorkshopResults) -> ActionPlan {
    let relationship_names: Vec<&str> = results
        .relationships
        .iter()
        .map(|r| r.relationship.name.as_str())
        .collect();
    let mut groups: Vec<PlanGroup> = toolkit
        .considerations
        .iter()
        .map(|consideration| PlanGroup {
            key: consideration.key.clone(),
            title: consideration.text.clone(),
            actions: Vec::new(),
        })
        .collect();
    groups.push(PlanGroup {
        key: OTHER.to_owned(),
        title: "Other actions".to_owned(),
        actions: Vec::new(),
    });

    for summary in results.actions.iter().filter(|s| s.action.agreed) {
        let key = consideration_for(&summary.action.prompted_by, toolkit, &relationship_names);
        // A consideration the toolkit files do not have goes under "Other".
        let index = groups
            .iter()
            .position(|group| group.key == key)
            .unwrap_or(groups.len() - 1);
        groups[index].actions.push(summary.action.clone());
    }
    for group in &mut groups {
        group.actions.sort_by_key(|action| (action.due, action.id));
    }

    ActionPlan {
        workshop_title: results.workshop.title.clone(),
        groups,
        focus_areas: results.focus_areas.clone(),
    }
}

/// The consideration an action's "prompted by" text points to, the first
/// rule that applies:
/// 1. a consideration's key (spaces or hyphens for underscores) → that one;
/// 2. an id of an assessment three axis (`a3.axes.*`) → axes_balance;
/// 3. any other assessment three id → improve_strategic;
/// 4. an assessment two id, or a relationship type (e.g. "shaping") →
///    typology_gaps;
/// 5. a registered relationship's name → support_to_strategic;
/// 6. the word "overlap" anywhere → overlaps;
/// 7. a level ("neighbourhood" is a type first, so "place" or "system") →
///    geography;
/// 8. anything else → other.
///
/// Names, types and levels must be the whole text (any case), so that free
/// words such as "better delivery" are not mistaken for a type.
pub fn consideration_for(prompted_by: &str, toolkit: &Toolkit, relationship_names: &[&str]) -> String {
    let text = prompted_by.trim();
    let as_key = text.to_lowercase().replace([' ', '-'], "_");
    if let Some(consideration) = toolkit.considerations.iter().find(|c| c.key == as_key) {
        return consideration.key.clone();
    }
    let from_id = text
        .parse::<ItemId>()
        .ok()
        .map(|id| item_consideration(&id))
        .filter(|&key| key != OTHER);
    let lower = text.to_lowercase();
    let key = from_id.unwrap_or_else(|| {
        if text.parse::<RelationshipType>().is_ok() {
            TYPOLOGY_GAPS
        } else if relationship_names
            .iter()
            .any(|name| name.trim().to_lowercase() == lower)
        {
            SUPPORT_TO_STRATEGIC
        } else if lower.contains("overlap") {
            OVERLAPS
        } else if text.parse::<Level>().is_ok() {
            GEOGRAPHY
        } else {
            OTHER
        }
    });
    key.to_owned()
}

/// Suggests what the plan could focus on, from figures that are shown only
/// (the results hold nothing else). Each kind of finding has a weight, and
/// the areas are listed heaviest first, at most [`MAX_FOCUS_AREAS`]; equal
/// weights keep the order of the list below.
///
/// - **Typology gaps** (once at least one relationship is registered): one
///   area naming every type with no relationship, weight 1 + ¼ for each
///   missing type after the first.
/// - **Strategic in intent, not in delivery**: a relationship meant to be
///   strategic whose all-voters score is under 46, weight 1 + (46 − score) /
///   15 — one more for each scale point the average item falls short.
/// - **Strategic in delivery, not in intent**: weight ¾; the toolkit asks that
///   such delivery is understood and valued at a strategic level.
/// - **Weak principles**: for each principle, the relationships whose
///   all-voters sub-score is under 9 of 15; weight ½ + (9 − lowest) / 3.
/// - **Council and VCS see it differently**: each item whose verdict is
///   differs or diverges, weight |gap| in scale points.
pub fn suggest_focus_areas(results: &WorkshopResults) -> Vec<FocusArea> {
    let mut areas = Vec::new();

    let gaps = &results.relationship_map.gaps;
    if !results.relationships.is_empty() && !gaps.is_empty() {
        let names: Vec<&str> = gaps.iter().map(|kind| kind.as_str()).collect();
        areas.push(FocusArea {
            consideration_key: TYPOLOGY_GAPS.to_owned(),
            title: format!("No relationship of these types: {}", names.join(", ")),
            detail: "Talk about whether the partnership needs a relationship of each missing type, and who could hold it.".to_owned(),
            weight: 1.0 + 0.25 * (gaps.len() - 1) as f64,
        });
    }

    for relationship in &results.relationships {
        let Some(strategic) = &relationship.strategic else {
            continue;
        };
        let (Some(case), Some(score)) = (strategic.case, &strategic.score.all) else {
            continue;
        };
        let name = &relationship.relationship.name;
        match case {
            DeliveryCase::IntentOnly => areas.push(FocusArea {
                consideration_key: SUPPORT_TO_STRATEGIC.to_owned(),
                title: format!("Bring delivery in line with intent: {name}"),
                detail: format!(
                    "{name} is meant to be strategic but scores {} / 75. Agree what support it needs to reach {STRATEGIC_DELIVERY_FROM} or more.",
                    score.score
                ),
                weight: 1.0 + f64::from(STRATEGIC_DELIVERY_FROM.saturating_sub(score.score)) / 15.0,
            }),
            DeliveryCase::DeliveryOnly => areas.push(FocusArea {
                consideration_key: SUPPORT_TO_STRATEGIC.to_owned(),
                title: format!("Recognise strategic delivery: {name}"),
                detail: format!(
                    "{name} scores {} / 75 but is not meant to be strategic. Make sure its delivery is understood, valued and supported at a strategic level.",
                    score.score
                ),
                weight: 0.75,
            }),
            DeliveryCase::Both | DeliveryCase::Neither => {}
        }
    }

    areas.extend(weak_principles(results));
    areas.extend(divergent_items(results));

    // A stable sort keeps equal weights in the order of the kinds above.
    areas.sort_by(|a, b| {
        if (a.weight - b.weight).abs() < 1e-9 {
            Ordering::Equal
        } else {
            b.weight.total_cmp(&a.weight)
        }
    });
    areas.truncate(MAX_FOCUS_AREAS);
    areas
}

fn weak_principles(results: &WorkshopResults) -> Vec<FocusArea> {
    // Principles in the order the first scored relationship lists them.
    let Some(first) = results.relationships.iter().find_map(|r| r.strategic.as_ref()) else {
        return Vec::new();
    };
    first
        .principles
        .iter()
        .filter_map(|principle| {
            let mut weak: Vec<(&str, u32)> = results
                .relationships
                .iter()
                .filter_map(|r| {
                    let found = r
                        .strategic
                        .as_ref()?
                        .principles
                        .iter()
                        .find(|p| p.key == principle.key)?;
                    let sub = found.score.all.as_ref()?;
                    (sub.score < WEAK_PRINCIPLE_BELOW).then_some((r.relationship.name.as_str(), sub.score))
                })
                .collect();
            weak.sort_by_key(|&(_, score)| score);
            let &(_, lowest) = weak.first()?;
            let listed: Vec<String> = weak
                .iter()
                .map(|(name, score)| format!("{name} {score} / 15"))
                .collect();
            Some(FocusArea {
                consideration_key: IMPROVE_STRATEGIC.to_owned(),
                title: format!("Weak principle: {}", principle.name),
                detail: format!(
                    "Scored under {WEAK_PRINCIPLE_BELOW} / 15: {}. Look at its questions together and agree one step for each.",
                    listed.join(", ")
                ),
                weight: 0.5 + f64::from(WEAK_PRINCIPLE_BELOW.saturating_sub(lowest)) / 3.0,
            })
        })
        .collect()
}

fn divergent_items(results: &WorkshopResults) -> Vec<FocusArea> {
    let mut rounds: Vec<(Option<&str>, &AssessmentResults)> = Vec::new();
    if let Some(benefits) = &results.benefits {
        rounds.push((None, benefits));
    }
    for relationship in &results.relationships {
        let name = Some(relationship.relationship.name.as_str());
        if let Some(questions) = &relationship.questions {
            rounds.push((name, questions));
        }
        if let Some(strategic) = &relationship.strategic {
            rounds.push((name, &strategic.round));
        }
    }
    let mut areas = Vec::new();
    for (relationship, round) in rounds {
        for item in &round.items {
            let (Some(comparison), Some(council), Some(vcs)) =
                (&item.comparison, &item.council, &item.vcs)
            else {
                continue;
            };
            if comparison.verdict == Verdict::Aligned {
                continue;
            }
            let subject = match relationship {
                Some(name) => format!("“{}” for {name}", item.short),
                None => format!("“{}”", item.short),
            };
            let higher = if comparison.gap > 0.0 { "the council" } else { "the VCS" };
            areas.push(FocusArea {
                consideration_key: item_consideration(&item.item).to_owned(),
                title: format!("Council and VCS see {subject} differently"),
                detail: format!(
                    "Council average {:.1}, VCS average {:.1}: {} ({}). Ask why {higher} rates it higher.",
                    council.mean,
                    vcs.mean,
                    comparison.verdict.label(),
                    comparison.classification.label()
                ),
                weight: comparison.gap.abs(),
            });
        }
    }
    areas
}

/// The consideration an item belongs to, by the same rules as an action
/// prompted by its id.
fn item_consideration(id: &ItemId) -> &'static str {
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
