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
/// At most this many focus areas are about council and VCS seeing an item
/// differently.
const MAX_DIVERGENT_FOCUS_AREAS: usize = 3;
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
pub fn consideration_for(
    prompted_by: &str,
    toolkit: &Toolkit,
    relationship_names: &[&str],
) -> String {
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
    // Differences between the sides are many; a few of the largest leave
    // room for the toolkit's other considerations.
    let mut divergent = divergent_items(results);
    divergent.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    areas.extend(divergent.into_iter().take(MAX_DIVERGENT_FOCUS_AREAS));

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
    let Some(first) = results
        .relationships
        .iter()
        .find_map(|r| r.strategic.as_ref())
    else {
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
            let higher = if comparison.gap > 0.0 {
                "the council"
            } else {
                "the VCS"
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use crate::domain::records::{Participant, Relationship, Vote};
    use crate::domain::results::compute;
    use crate::domain::values::{Assessment, Side};

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    fn two_relationships() -> Vec<Relationship> {
        vec![
            relationship(
                1,
                "Compact forum",
                &[RelationshipType::Shaping],
                Level::Place,
                true,
            ),
            relationship(
                2,
                "Grants panel",
                &[RelationshipType::Commissioning],
                Level::System,
                false,
            ),
        ]
    }

    /// Participant 1 (council) and 4 (VCS) give every strategic item of a
    /// round the same value.
    fn every_strategic_item(round: i64, value: u8) -> Vec<Vote> {
        toolkit()
            .strategic_items
            .iter()
            .flat_map(|item| {
                [
                    vote(round, item.id.as_str(), 1, value),
                    vote(round, item.id.as_str(), 4, value),
                ]
            })
            .collect()
    }

    fn scenario(threshold: u8, actions: &[crate::domain::records::Action]) -> WorkshopResults {
        let participants: Vec<Participant> =
            [people(1, 3, Side::Council), people(4, 3, Side::Vcs)].concat();
        let rounds = [
            round(1, Assessment::Benefits, None),
            round(2, Assessment::Strategic, Some(1)),
            round(3, Assessment::Strategic, Some(2)),
        ];
        let votes = [
            vec![
                vote(1, "a1.direct.outcomes", 1, 5),
                vote(1, "a1.direct.outcomes", 4, 3),
                vote(1, "a1.direct.reach", 1, 4),
                vote(1, "a1.direct.reach", 4, 3),
                vote(1, "a1.indirect.trust", 1, 3),
                vote(1, "a1.indirect.trust", 4, 3),
            ],
            every_strategic_item(2, 2),
            every_strategic_item(3, 4),
        ]
        .concat();
        compute(
            &toolkit(),
            &workshop(threshold),
            &participants,
            &two_relationships(),
            &rounds,
            &votes,
            actions,
            &[],
        )
    }

    #[test]
    fn focus_areas_are_ranked_by_weight() {
        let areas = scenario(1, &[]).focus_areas;
        let ranked: Vec<(&str, &str)> = areas
            .iter()
            .map(|a| (a.consideration_key.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(
            ranked,
            [
                (
                    "support_to_strategic",
                    "Bring delivery in line with intent: Compact forum"
                ),
                (
                    "other",
                    "Council and VCS see “short a1.direct.outcomes” differently"
                ),
                (
                    "typology_gaps",
                    "No relationship of these types: ongoing, neighbourhood, delivery"
                ),
                ("improve_strategic", "Weak principle: Shared foundations"),
                ("improve_strategic", "Weak principle: Relational culture"),
                ("improve_strategic", "Weak principle: Effective structures"),
                (
                    "improve_strategic",
                    "Weak principle: Capacity and resources"
                ),
                (
                    "other",
                    "Council and VCS see “short a1.direct.reach” differently"
                ),
            ]
        );
        // Compact forum scores 2 × 15 = 30: 1 + (46 − 30) / 15.
        close(areas[0].weight, 1.0 + 16.0 / 15.0);
        // The outcomes gap is 5 − 3.
        close(areas[1].weight, 2.0);
        // Three missing types: 1 + 2 × ¼.
        close(areas[2].weight, 1.5);
        // Sub-score 2 × 3 = 6: ½ + (9 − 6) / 3.
        close(areas[3].weight, 1.5);
        assert_eq!(
            areas[3].detail,
            "Scored under 9 / 15: Compact forum 6 / 15. Look at its questions together and agree one step for each."
        );
        close(areas[7].weight, 1.0);
        // The ninth, Grants panel strategic in delivery only (¾), is left out.
        assert_eq!(areas.len(), MAX_FOCUS_AREAS);
        assert!(areas.iter().all(|a| !a.title.contains("Grants panel")));
        assert_eq!(
            areas[1].detail,
            "Council average 5.0, VCS average 3.0: diverges (perception gap). Ask why the council rates it higher."
        );
    }

    #[test]
    fn at_most_three_focus_areas_are_about_divergent_items() {
        let participants: Vec<Participant> =
            [people(1, 1, Side::Council), people(4, 1, Side::Vcs)].concat();
        let rounds = [round(1, Assessment::Strategic, Some(1))];
        let votes: Vec<Vote> = toolkit()
            .strategic_items
            .iter()
            .enumerate()
            .flat_map(|(index, item)| {
                // Gaps of 4, 3, 2, 1, …: the largest three are kept.
                let council = 5 - (index as u8).min(3);
                [
                    vote(1, item.id.as_str(), 1, council),
                    vote(1, item.id.as_str(), 4, 1),
                ]
            })
            .collect();
        assert!(votes.len() >= 8, "the fixture has at least four items");
        let results = compute(
            &toolkit(),
            &workshop(1),
            &participants,
            &two_relationships(),
            &rounds,
            &votes,
            &[],
            &[],
        );
        let divergent: Vec<f64> = results
            .focus_areas
            .iter()
            .filter(|a| a.title.starts_with("Council and VCS"))
            .map(|a| a.weight)
            .collect();
        assert_eq!(divergent, [4.0, 3.0, 2.0]);
    }

    #[test]
    fn focus_areas_use_only_figures_that_are_shown() {
        // k = 2: each side has one voter, so no side is shown and there is no
        // comparison, but the two together make "all" (2 voters) showable.
        let areas = scenario(2, &[]).focus_areas;
        assert_eq!(areas.len(), 7);
        assert!(
            areas
                .iter()
                .all(|a| !a.title.starts_with("Council and VCS"))
        );
        assert_eq!(areas[6].title, "Recognise strategic delivery: Grants panel");
        close(areas[6].weight, 0.75);
        // k = 3: nothing is shown, so only the typology gap, which needs no
        // votes, is left.
        let areas = scenario(3, &[]).focus_areas;
        assert_eq!(areas.len(), 1);
        assert_eq!(areas[0].consideration_key, TYPOLOGY_GAPS);
    }

    #[test]
    fn no_relationships_means_no_typology_gap_to_suggest() {
        let results = compute(&toolkit(), &workshop(3), &[], &[], &[], &[], &[], &[]);
        assert!(results.focus_areas.is_empty());
        assert!(results.relationships.is_empty());
    }

    #[test]
    fn prompted_by_text_maps_to_a_consideration() {
        let toolkit = toolkit();
        let names = ["Compact forum", "Grants panel"];
        let cases = [
            ("overlaps", OVERLAPS),
            ("Typology gaps", TYPOLOGY_GAPS),
            ("support-to-strategic", SUPPORT_TO_STRATEGIC),
            ("a3.axes.time", AXES_BALANCE),
            ("a3.shared_foundations.power", IMPROVE_STRATEGIC),
            ("a2.questions.strategy", TYPOLOGY_GAPS),
            ("Commissioning", TYPOLOGY_GAPS),
            ("neighbourhood", TYPOLOGY_GAPS),
            ("  compact FORUM ", SUPPORT_TO_STRATEGIC),
            ("Too much overlap between the boards", OVERLAPS),
            ("System", GEOGRAPHY),
            ("place", GEOGRAPHY),
            ("a1.direct.outcomes", OTHER),
            ("Better delivery of grants", OTHER),
            ("", OTHER),
        ];
        for (text, expected) in cases {
            assert_eq!(
                consideration_for(text, &toolkit, &names),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_plan_groups_agreed_actions_under_the_considerations() {
        let actions = [
            action(1, "overlaps", true, day(10)),
            action(2, "a3.axes.time", true, day(3)),
            action(3, "Compact forum", true, day(4)),
            action(4, "Commissioning", true, day(5)),
            action(5, "Too much overlap between boards", true, day(5)),
            action(6, "System", true, day(6)),
            action(7, "Better delivery of grants", true, day(7)),
            action(8, "overlaps", false, day(1)),
            action(9, "a3.relational_culture.learn", true, day(8)),
        ];
        let results = scenario(1, &actions);
        let plan = compile_plan(&toolkit(), &results);
        assert_eq!(plan.workshop_title, "Spring partnership review");
        let grouped: Vec<(&str, Vec<i64>)> = plan
            .groups
            .iter()
            .map(|g| (g.key.as_str(), g.actions.iter().map(|a| a.id.0).collect()))
            .collect();
        assert_eq!(
            grouped,
            [
                ("typology_gaps", vec![4]),
                ("overlaps", vec![5, 1]),
                ("geography", vec![6]),
                ("support_to_strategic", vec![3]),
                ("axes_balance", vec![2]),
                ("improve_strategic", vec![9]),
                ("other", vec![7]),
            ]
        );
        assert_eq!(plan.groups[6].title, "Other actions");
        assert_eq!(
            plan.groups[1].title,
            "Overlap in the remit of relationships"
        );
        assert_eq!(plan.agreed_actions(), 8);
        assert_eq!(plan.focus_areas, results.focus_areas);
    }

    #[test]
    fn a_consideration_missing_from_the_toolkit_files_goes_under_other() {
        let mut toolkit = toolkit();
        toolkit.considerations.retain(|c| c.key != GEOGRAPHY);
        let results = scenario(1, &[action(1, "place", true, day(1))]);
        let plan = compile_plan(&toolkit, &results);
        assert_eq!(plan.groups.len(), 6);
        assert_eq!(plan.groups[5].key, OTHER);
        assert_eq!(plan.groups[5].actions[0].id.0, 1);
    }
}
