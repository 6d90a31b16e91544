//! The joint action plan: agreed actions under the toolkit's considerations,
//! with the focus areas suggested from the results.

use serde::Serialize;

use super::focus::FocusArea;
use super::records::Action;
use super::results::WorkshopResults;
use super::significance::{agreed_by_both_sides, side_agrees};
use super::tally::Tally;
use super::toolkit::{
    Consideration, GEOGRAPHY, IMPROVE_STRATEGIC, Item, OTHER, OVERLAPS, SUPPORT_TO_STRATEGIC,
    TYPOLOGY_GAPS, Toolkit, item_consideration,
};
use super::values::{
    ActionId, AnonymityThreshold, Assessment, ItemId, Level, RelationshipType, Side,
};

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
        .map(|r| r.relationship.details.name.as_str())
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
        workshop_title: results.workshop.settings.title.clone(),
        groups,
        focus_areas: results.focus_areas.clone(),
        lacking_support,
    }
}

/// Something an action can answer, as `/action propose` offers it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PromptSource<'a> {
    Consideration(&'a Consideration),
    Relationship(&'a str),
    /// An item, with the assessment it belongs to: two items may share a
    /// short name ("Rebalancing power" is in assessments one and three).
    Item(Assessment, &'a Item),
}

impl PromptSource<'_> {
    /// What is stored as the action's "prompted by": a consideration's key,
    /// a relationship's name or an item's id, which [`consideration_for`]
    /// files under the right consideration.
    pub fn value(&self) -> &str {
        match self {
            PromptSource::Consideration(consideration) => &consideration.key,
            PromptSource::Relationship(name) => name,
            PromptSource::Item(_, item) => item.id.as_str(),
        }
    }

    fn names(&self) -> Vec<&str> {
        match self {
            PromptSource::Consideration(consideration) => {
                vec![&consideration.key, &consideration.text]
            }
            PromptSource::Relationship(name) => vec![name],
            PromptSource::Item(_, item) => vec![item.id.as_str(), &item.short, &item.text],
        }
    }
}

/// What an action can be prompted by, whose key, name, id or text holds
/// `typed` (any case and spacing): the toolkit's considerations, the
/// workshop's relationships, then the items of assessments three, two and
/// one. At most `limit` of them.
pub fn prompt_sources<'a>(
    toolkit: &'a Toolkit,
    relationship_names: &'a [&'a str],
    typed: &str,
    limit: usize,
) -> Vec<PromptSource<'a>> {
    let typed = normalised(typed);
    let considerations = toolkit
        .considerations
        .iter()
        .map(PromptSource::Consideration);
    let relationships = relationship_names
        .iter()
        .map(|name| PromptSource::Relationship(name));
    let items = [
        Assessment::Strategic,
        Assessment::Relationships,
        Assessment::Benefits,
    ]
    .into_iter()
    .flat_map(|assessment| {
        toolkit
            .items(assessment)
            .iter()
            .map(move |item| PromptSource::Item(assessment, item))
    });
    considerations
        .chain(relationships)
        .chain(items)
        .filter(|source| {
            source
                .names()
                .iter()
                .any(|name| normalised(name).contains(&typed))
        })
        .take(limit)
        .collect()
}

/// The toolkit's name for what prompted an action, when it was stored as a
/// consideration's key or an item's id: "typology_gaps" reads as the
/// consideration's text. Anything else is shown as typed.
pub fn prompt_name<'a>(toolkit: &'a Toolkit, prompted_by: &'a str) -> &'a str {
    let wanted = prompted_by.trim();
    toolkit
        .consideration(wanted)
        .map(|consideration| consideration.text.as_str())
        .or_else(|| {
            let id = wanted.parse::<ItemId>().ok()?;
            toolkit.item(&id).map(|(_, item)| item.short.as_str())
        })
        .unwrap_or(prompted_by)
}

/// Lower case, with underscores and hyphens as spaces and one space between
/// words, so that "Typology gaps", "typology_gaps" and "TYPOLOGY  gaps."
/// read the same.
fn normalised(text: &str) -> String {
    text.trim()
        .trim_end_matches('.')
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The consideration an action's "prompted by" text points to, matched by
/// name in any case and spacing, the first rule that applies:
/// 1. a consideration's key or text → that one;
/// 2. an item's id (even one the toolkit files lack), short name or text:
///    assessment three's axes →
///    axes_balance, its other items → improve_strategic, assessment two →
///    typology_gaps (assessment one falls through to the rules below);
/// 3. a principle of assessment three, by key or name → improve_strategic;
/// 4. "something: detail", as in "Compact forum: shared foundations": the
///    detail by rules 1–3, else, when the something is a registered
///    relationship, support_to_strategic;
/// 5. a relationship type (e.g. "shaping", or the toolkit's "Shaping
///    relationships") → typology_gaps;
/// 6. a registered relationship's name → support_to_strategic;
/// 7. the word "overlap" anywhere → overlaps;
/// 8. a level ("neighbourhood" is a type first, so "place" or "system") →
///    geography;
/// 9. anything else → other.
///
/// Names, types and levels must be the whole text, so that free words such
/// as "better delivery" are not mistaken for a type.
pub fn consideration_for(
    prompted_by: &str,
    toolkit: &Toolkit,
    relationship_names: &[&str],
) -> String {
    let wanted = normalised(prompted_by);
    let is_relationship = |text: &str| {
        relationship_names
            .iter()
            .any(|name| normalised(name) == text)
    };
    let key = toolkit_consideration(&wanted, toolkit)
        .or_else(|| {
            let (name, detail) = wanted.rsplit_once(':')?;
            toolkit_consideration(detail.trim(), toolkit)
                .or_else(|| is_relationship(name.trim()).then_some(SUPPORT_TO_STRATEGIC))
        })
        .unwrap_or_else(|| {
            let is_type = wanted.parse::<RelationshipType>().is_ok()
                || toolkit
                    .relationship_types
                    .iter()
                    .any(|kind| normalised(&kind.name) == wanted);
            let is_level = wanted.parse::<Level>().is_ok()
                || toolkit
                    .levels
                    .iter()
                    .any(|level| normalised(&level.name) == wanted);
            if is_type {
                TYPOLOGY_GAPS
            } else if is_relationship(&wanted) {
                SUPPORT_TO_STRATEGIC
            } else if wanted.contains("overlap") {
                OVERLAPS
            } else if is_level {
                GEOGRAPHY
            } else {
                OTHER
            }
        });
    key.to_owned()
}

/// Rules 1–3 of [`consideration_for`], for text already normalised.
fn toolkit_consideration<'a>(wanted: &str, toolkit: &'a Toolkit) -> Option<&'a str> {
    if wanted.is_empty() {
        return None;
    }
    let named = |names: &[&str]| names.iter().any(|name| normalised(name) == wanted);
    if let Some(consideration) = toolkit
        .considerations
        .iter()
        .find(|c| named(&[&c.key, &c.text]))
    {
        return Some(&consideration.key);
    }
    let item = [
        Assessment::Strategic,
        Assessment::Relationships,
        Assessment::Benefits,
    ]
    .into_iter()
    .flat_map(|assessment| toolkit.items(assessment))
    .find(|item| named(&[item.id.as_str(), &item.short, &item.text]))
    .map(|item| item.id.clone())
    .or_else(|| wanted.parse::<ItemId>().ok())
    .map(|id| item_consideration(&id))
    .filter(|&key| key != OTHER);
    item.or_else(|| {
        toolkit
            .principles
            .iter()
            .any(|principle| named(&[&principle.key, &principle.name]))
            .then_some(IMPROVE_STRATEGIC)
    })
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
            // By name, in any case and spacing.
            ("typology GAPS.", TYPOLOGY_GAPS),
            ("overlap in the remit  of RELATIONSHIPS", OVERLAPS),
            ("Geographical scope", GEOGRAPHY),
            ("Short a3.shared_foundations.power", IMPROVE_STRATEGIC),
            ("text a2.questions.strategy", TYPOLOGY_GAPS),
            ("Shared foundations", IMPROVE_STRATEGIC),
            ("Compact forum: shared foundations", IMPROVE_STRATEGIC),
            ("Compact forum: a3.axes.time", AXES_BALANCE),
            ("Compact forum: next steps", SUPPORT_TO_STRATEGIC),
            ("Unknown board: shared foundations", IMPROVE_STRATEGIC),
            ("Unknown board: next steps", OTHER),
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
    fn keys_and_ids_are_shown_by_their_toolkit_names() {
        let toolkit = toolkit();
        assert_eq!(
            prompt_name(&toolkit, "typology_gaps"),
            "Gaps in the types of relationship"
        );
        assert_eq!(prompt_name(&toolkit, "a3.axes.time"), "short a3.axes.time");
        assert_eq!(prompt_name(&toolkit, "Compact forum"), "Compact forum");
    }

    #[test]
    fn what_prompted_an_action_is_offered_filtered_by_what_is_typed() {
        let toolkit = toolkit();
        let names = ["Compact forum", "Grants panel"];
        let values = |typed: &str, limit: usize| -> Vec<String> {
            prompt_sources(&toolkit, &names, typed, limit)
                .iter()
                .map(|source| source.value().to_owned())
                .collect()
        };
        // Considerations first, then relationships, then assessment three's items.
        let everything = values("", 25);
        assert_eq!(everything.len(), 25);
        assert_eq!(
            everything[..9],
            [
                "typology_gaps",
                "overlaps",
                "geography",
                "support_to_strategic",
                "axes_balance",
                "improve_strategic",
                "Compact forum",
                "Grants panel",
                "a3.shared_foundations.power",
            ]
        );
        assert_eq!(values("GRANTS", 25), ["Grants panel"]);
        assert_eq!(values("shared foundations", 2).len(), 2);
        assert_eq!(
            values("balance on", 25),
            ["axes_balance"],
            "a consideration is found by its text"
        );
        assert_eq!(values("AXES.time", 25), ["a3.axes.time"]);
        assert!(values("nothing like this", 25).is_empty());
        // Every value offered files under the consideration it names.
        for source in prompt_sources(&toolkit, &names, "", 100) {
            let key = consideration_for(source.value(), &toolkit, &names);
            if let PromptSource::Consideration(consideration) = source {
                assert_eq!(key, consideration.key);
            }
            assert!(
                key != OTHER || source.value().starts_with("a1."),
                "{source:?}"
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
        use crate::domain::results::{WorkshopRecords, compute_from_votes};
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
            &WorkshopRecords {
                toolkit: &toolkit(),
                workshop: &workshop(3),
                participants: &participants,
                relationships: &[],
                rounds: &[],
                opened_with: &RoundItems::new(),
                actions: &actions,
                responses: &responses,
            },
            &[],
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
        let threshold = results.workshop.settings.anonymity_threshold;
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
