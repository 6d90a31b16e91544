//! Focus areas as `compute` suggests them for whole workshops.

use super::MAX_FOCUS_AREAS;
use crate::domain::fixtures::*;
use crate::domain::records::{Participant, Vote};
use crate::domain::scenarios::*;
use crate::domain::significance::Certainty;
use crate::domain::toolkit::TYPOLOGY_GAPS;
use crate::domain::values::{Assessment, Side};

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
        "Council average 5.0, VCS average 3.0: diverges (perception gap). Ask why the council rates it higher. Large difference; could be chance with this few people."
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
    let results = compute_votes(1, &participants, &two_relationships(), &rounds, &votes);
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
    let ranked: Vec<(&str, Option<Certainty>)> = results
        .focus_areas
        .iter()
        .map(|a| (a.title.as_str(), a.certainty))
        .collect();
    assert_eq!(
        ranked,
        [
            (
                "Council and VCS see “short a1.indirect.trust” differently",
                Some(Certainty::CouldBeChance)
            ),
            (
                "Council and VCS see “short a1.direct.outcomes” differently",
                Some(Certainty::Clear)
            ),
            (
                "Council and VCS see “short a1.direct.reach” differently",
                Some(Certainty::CouldBeChance)
            ),
        ]
    );
    // The weights stay the gaps.
    close(results.focus_areas[1].weight, 2.0);
    close(results.focus_areas[2].weight, 7.0 / 3.0);
    assert!(
        results.focus_areas[1]
            .detail
            .ends_with("Large difference; a clear difference."),
        "{}",
        results.focus_areas[1].detail
    );
    assert!(
        results.focus_areas[2]
            .detail
            .ends_with("Large difference; could be chance with this few people."),
        "{}",
        results.focus_areas[2].detail
    );
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
        .find(|a| a.title == "Council and VCS place Grants panel in different cases")
        .expect("the sides' cases differ");
    assert_eq!(
        area.detail,
        "Grants panel scores 45 / 75 overall. Talk about why the sides see its delivery differently. \
         The sides see it differently: for the council it is delivery_only, for the VCS neither."
    );
    close(area.weight, 0.75);
    assert_eq!(area.certainty, None);
}
