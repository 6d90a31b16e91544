//! The joint action plan: agreed actions under the toolkit's considerations,
//! with the focus areas suggested from the results.

use serde::Serialize;

use super::focus::FocusArea;
use super::records::Action;
use super::results::WorkshopResults;
use super::significance::{agreed_by_both_sides, side_agrees};
use super::tally::Tally;
use super::toolkit::{
    GEOGRAPHY, OTHER, OVERLAPS, SUPPORT_TO_STRATEGIC, TYPOLOGY_GAPS, Toolkit, item_consideration,
};
use super::values::{ActionId, AnonymityThreshold, ItemId, Level, RelationshipType, Side};

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
    /// Agreed actions (marked by the facilitator) that are not agreed by
    /// both sides, in the plan's order.
    pub lacking_support: Vec<LacksSupport>,
}

/// An action marked agreed that one side or both have not backed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LacksSupport {
    pub action: ActionId,
    /// Council, VCS or both: the sides where nobody responded or where no
    /// more agreed than objected.
    pub sides: Vec<Side>,
}

/// One side's agree and object counts on an action, as they may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SideResponses {
    pub agree: u32,
    pub object: u32,
}

impl SideResponses {
    /// The side's counts, or `None` when fewer than `k` of it responded, so
    /// that no small group's stance is on show on its own.
    pub fn shown(
        tally: &Tally,
        side: Side,
        threshold: AnonymityThreshold,
    ) -> Option<SideResponses> {
        let (agree, object) = (tally.agree.get(side), tally.object.get(side));
        threshold
            .allows((agree + object) as usize)
            .then_some(SideResponses { agree, object })
    }
}

/// Whether on each of council and VCS at least one person responded to the
/// action and more agreed than objected.
pub fn backed_by_both_sides(tally: &Tally) -> bool {
    agreed_by_both_sides(
        tally.agree.council,
        tally.object.council,
        tally.agree.vcs,
        tally.object.vcs,
    )
}

/// The sides of council and VCS that do not back the action.
fn sides_not_backing(tally: &Tally) -> Vec<Side> {
    [Side::Council, Side::Vcs]
        .into_iter()
        .filter(|&side| !side_agrees(tally.agree.get(side), tally.object.get(side)))
        .collect()
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
    let lacking_support = groups
        .iter()
        .flat_map(|group| &group.actions)
        .filter_map(|action| {
            let summary = results.actions.iter().find(|s| s.action.id == action.id)?;
            let sides = sides_not_backing(&summary.tally);
            (!sides.is_empty()).then_some(LacksSupport {
                action: action.id,
                sides,
            })
        })
        .collect();

    ActionPlan {
        workshop_title: results.workshop.title.clone(),
        groups,
        focus_areas: results.focus_areas.clone(),
        lacking_support,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::RoundItems;
    use crate::domain::fixtures::*;
    use crate::domain::scenarios::scenario;
    use crate::domain::toolkit::{AXES_BALANCE, IMPROVE_STRATEGIC};

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

    #[test]
    fn the_plan_names_agreed_actions_one_side_does_not_back() {
        use crate::domain::records::ActionResponse;
        use crate::domain::results::compute_from_votes;
        use crate::domain::values::Stance::{Agree, Object};

        // 1–3 council, 4–6 VCS.
        let participants = [people(1, 3, Side::Council), people(4, 3, Side::Vcs)].concat();
        let actions = [
            action(1, "overlaps", true, day(1)),
            action(2, "overlaps", true, day(2)),
            action(3, "overlaps", true, day(3)),
            action(4, "overlaps", true, day(4)),
            action(5, "overlaps", false, day(5)),
        ];
        let respond = |action: i64, participant: i64, stance| ActionResponse {
            action_id: ActionId(action),
            participant_id: crate::domain::values::ParticipantId(participant),
            stance,
        };
        let responses = [
            // Backed by both sides.
            respond(1, 1, Agree),
            respond(1, 4, Agree),
            // The VCS abstains.
            respond(2, 1, Agree),
            respond(2, 2, Agree),
            // A tie on the council side is not support.
            respond(3, 1, Agree),
            respond(3, 2, Object),
            respond(3, 4, Agree),
            // Action 4: nobody responds. Action 5 is backed but not marked agreed.
            respond(5, 1, Agree),
            respond(5, 4, Agree),
        ];
        let results = compute_from_votes(
            &toolkit(),
            &workshop(3),
            &participants,
            &[],
            &[],
            &RoundItems::new(),
            &[],
            &actions,
            &responses,
        );
        let plan = compile_plan(&toolkit(), &results);
        assert_eq!(plan.agreed_actions(), 4);
        assert_eq!(
            plan.lacking_support,
            [
                LacksSupport {
                    action: ActionId(2),
                    sides: vec![Side::Vcs]
                },
                LacksSupport {
                    action: ActionId(3),
                    sides: vec![Side::Council]
                },
                LacksSupport {
                    action: ActionId(4),
                    sides: vec![Side::Council, Side::Vcs]
                },
            ]
        );
        let backed: Vec<bool> = results
            .actions
            .iter()
            .map(|a| backed_by_both_sides(&a.tally))
            .collect();
        assert_eq!(backed, [true, false, false, false, true]);

        // Counts show per side only when at least k = 3 of it responded.
        let threshold = results.workshop.anonymity_threshold;
        let tally = &results.actions[0].tally;
        assert_eq!(SideResponses::shown(tally, Side::Council, threshold), None);
        let one = AnonymityThreshold::try_from(1).unwrap();
        assert_eq!(
            SideResponses::shown(tally, Side::Council, one),
            Some(SideResponses {
                agree: 1,
                object: 0
            })
        );
        assert_eq!(SideResponses::shown(tally, Side::Other, one), None);
    }
}
