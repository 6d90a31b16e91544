//! Focus areas as `compute` suggests them for whole workshops.

use super::MAX_FOCUS_AREAS;
use crate::domain::fixtures::*;
use crate::domain::records::{Participant, RoundItems, Vote};
use crate::domain::results::compute;
use crate::domain::scenarios::*;
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
        &RoundItems::new(),
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
    let results = compute(
        &toolkit(),
        &workshop(3),
        &[],
        &[],
        &[],
        &RoundItems::new(),
        &[],
        &[],
        &[],
    );
    assert!(results.focus_areas.is_empty());
    assert!(results.relationships.is_empty());
}
