//! Focus areas as `compute` suggests them for whole workshops.

use super::{Finding, FocusArea, MAX_FOCUS_AREAS};
use crate::domain::fixtures::*;
use crate::domain::records::{Participant, Vote};
use crate::domain::scenarios::*;
use crate::domain::significance::Certainty;
use crate::domain::toolkit::TYPOLOGY_GAPS;
use crate::domain::values::{Assessment, Side};

/// What an area is about, in the test's own shorthand (the report words it).
fn about(area: &FocusArea) -> String {
    match &area.finding {
        Finding::TypologyGaps { types } => {
            let names: Vec<&str> = types.iter().map(|kind| kind.as_str()).collect();
            format!("gaps: {}", names.join(", "))
        }
        Finding::IntentOnly { relationship, .. } => format!("intent only: {relationship}"),
        Finding::DeliveryOnly { relationship, .. } => format!("delivery only: {relationship}"),
        Finding::SidesDiffer { relationship, .. } => format!("sides differ: {relationship}"),
        Finding::WeakPrinciple { principle, .. } => format!("weak principle: {principle}"),
        Finding::ItemSeenDifferently { item, .. } => format!("seen differently: {item}"),
    }
}

#[test]
fn focus_areas_are_ranked_by_weight() {
    let areas = scenario(1, &[]).focus_areas;
    let ranked: Vec<(&str, String)> = areas
        .iter()
        .map(|a| (a.consideration_key.as_str(), about(a)))
        .collect();
    assert_eq!(
        ranked,
        [
            (
                "support_to_strategic",
                "intent only: Compact forum".to_owned()
            ),
            (
                "other",
                "seen differently: short a1.direct.outcomes".to_owned()
            ),
            (
                "typology_gaps",
                "gaps: ongoing, neighbourhood, delivery".to_owned()
            ),
            (
                "improve_strategic",
                "weak principle: Shared foundations".to_owned()
            ),
            (
                "improve_strategic",
                "weak principle: Relational culture".to_owned()
            ),
            (
                "improve_strategic",
                "weak principle: Effective structures".to_owned()
            ),
            (
                "improve_strategic",
                "weak principle: Capacity and resources".to_owned()
            ),
            (
                "other",
                "seen differently: short a1.direct.reach".to_owned()
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
        areas[3].finding,
        Finding::WeakPrinciple {
            principle: "Shared foundations".to_owned(),
            below: 9,
            relationships: vec![("Compact forum".to_owned(), 6)],
        }
    );
    close(areas[7].weight, 1.0);
    // The ninth, Grants panel strategic in delivery only (¾), is left out.
    assert_eq!(areas.len(), MAX_FOCUS_AREAS);
    assert!(areas.iter().all(|a| !about(a).contains("Grants panel")));
    let Finding::ItemSeenDifferently {
        council,
        vcs,
        significance,
        ..
    } = &areas[1].finding
    else {
        panic!("{:?}", areas[1].finding);
    };
    close(*council, 5.0);
    close(*vcs, 3.0);
    assert_eq!(areas[1].certainty, Some(Certainty::CouldBeChance));
    assert!(significance.is_some());
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
    let results = compute_votes(1, &participants, &two_relationships(), &rounds, &votes);
    let divergent: Vec<f64> = results
        .focus_areas
        .iter()
        .filter(|a| matches!(a.finding, Finding::ItemSeenDifferently { .. }))
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
            .all(|a| !matches!(a.finding, Finding::ItemSeenDifferently { .. }))
    );
    assert_eq!(about(&areas[6]), "delivery only: Grants panel");
    close(areas[6].weight, 0.75);
    // k = 3: nothing is shown, so only the typology gap, which needs no
    // votes, is left.
    let areas = scenario(3, &[]).focus_areas;
    assert_eq!(areas.len(), 1);
    assert_eq!(areas[0].consideration_key, TYPOLOGY_GAPS);
}

#[test]
fn no_relationships_means_no_typology_gap_to_suggest() {
    let results = compute_votes(3, &[], &[], &[], &[]);
    assert!(results.focus_areas.is_empty());
    assert!(results.relationships.is_empty());
}

#[test]
fn a_divergence_that_could_be_chance_ranks_after_a_clear_one_of_similar_size() {
    // Council 1–10, VCS 11–20.
    let participants = [people(1, 10, Side::Council), people(11, 10, Side::Vcs)].concat();
    let votes = [
        // Ten 4s against ten 2s: gap 2.0, p = 2 / C(20, 10), clear.
        votes(1, "a1.direct.outcomes", 1, &[4; 10]),
        votes(1, "a1.direct.outcomes", 11, &[2; 10]),
        // 5 5 3 against 1 1 4: gap 7/3, p = 4/20, could be chance; within
        // half a point of the clear 2.0, so after it.
        votes(1, "a1.direct.reach", 1, &[5, 5, 3]),
        votes(1, "a1.direct.reach", 11, &[1, 1, 4]),
        // 5 5 5 against 1 1 2: gap 11/3, p = 2/20, could be chance; more
        // than half a point above 2.0, so still first.
        votes(1, "a1.indirect.trust", 1, &[5, 5, 5]),
        votes(1, "a1.indirect.trust", 11, &[1, 1, 2]),
    ]
    .concat();
    let results = compute_votes(
        3,
        &participants,
        &[],
        &[round(1, Assessment::Benefits, None)],
        &votes,
    );
    let ranked: Vec<(String, Option<Certainty>)> = results
        .focus_areas
        .iter()
        .map(|a| (about(a), a.certainty))
        .collect();
    assert_eq!(
        ranked,
        [
            (
                "seen differently: short a1.indirect.trust".to_owned(),
                Some(Certainty::CouldBeChance)
            ),
            (
                "seen differently: short a1.direct.outcomes".to_owned(),
                Some(Certainty::Clear)
            ),
            (
                "seen differently: short a1.direct.reach".to_owned(),
                Some(Certainty::CouldBeChance)
            ),
        ]
    );
    // The weights stay the gaps.
    close(results.focus_areas[1].weight, 2.0);
    close(results.focus_areas[2].weight, 7.0 / 3.0);
}

#[test]
fn a_relationship_the_sides_place_in_different_cases_is_a_focus_area() {
    // Grants panel is not meant to be strategic: the council's 4s score 60
    // (strategic delivery), the VCS's 2s 30; all voters 45, neither.
    let participants = [people(1, 1, Side::Council), people(4, 1, Side::Vcs)].concat();
    let votes: Vec<Vote> = toolkit()
        .strategic_items
        .iter()
        .flat_map(|item| {
            [
                vote(1, item.id.as_str(), 1, 4),
                vote(1, item.id.as_str(), 4, 2),
            ]
        })
        .collect();
    let results = compute_votes(
        1,
        &participants,
        &two_relationships(),
        &[round(1, Assessment::Strategic, Some(2))],
        &votes,
    );
    let area = results
        .focus_areas
        .iter()
        .find(|a| about(a) == "sides differ: Grants panel")
        .expect("the sides' cases differ");
    assert_eq!(
        area.finding,
        Finding::SidesDiffer {
            relationship: "Grants panel".to_owned(),
            score: 45,
            sides: super::CasesBySide {
                council: crate::domain::DeliveryCase::DeliveryOnly,
                vcs: crate::domain::DeliveryCase::Neither,
            },
        }
    );
    close(area.weight, 0.75);
    assert_eq!(area.certainty, None);
}
