//! `compute` end to end on hand-built records: the anonymity rules, the
//! scores, the map and the tallies.

use super::*;
use crate::domain::fixtures::*;
use crate::domain::*;

/// Assessment one's results from votes of [`nine_people`].
fn benefits_results(threshold: u8, votes: &[Vote]) -> AssessmentResults {
    compute_votes(
        threshold,
        &nine_people(),
        &[],
        &[round(1, Assessment::Benefits, None)],
        votes,
    )
    .benefits
    .unwrap()
}

/// One benefit's figures from votes of [`nine_people`].
fn benefit_result(threshold: u8, votes: &[Vote], benefit: &str) -> ItemResult {
    let results = benefits_results(threshold, votes);
    results.item(&id(benefit)).unwrap().clone()
}

/// Participants 1–3 council, 4–6 VCS, 7–9 other.
fn nine_people() -> Vec<Participant> {
    [
        people(1, 3, Side::Council),
        people(4, 3, Side::Vcs),
        people(7, 3, Side::Other),
    ]
    .concat()
}

/// Answers on the first benefit from council people 1, 2, … and VCS people
/// 4, 5, … of [`nine_people`].
fn outcomes_votes(council: &[u8], vcs: &[u8]) -> Vec<Vote> {
    [
        votes(1, "a1.direct.outcomes", 1, council),
        votes(1, "a1.direct.outcomes", 4, vcs),
    ]
    .concat()
}

#[test]
fn figures_and_comparison_for_an_item_both_sides_can_show() {
    let votes = outcomes_votes(&[4, 4, 5], &[2, 3, 3]);
    let results = benefits_results(3, &votes);
    let item = results.item(&id("a1.direct.outcomes")).unwrap();
    close(item.stats.council.as_ref().unwrap().mean, 13.0 / 3.0);
    close(item.stats.vcs.as_ref().unwrap().mean, 8.0 / 3.0);
    let all = item.stats.all.as_ref().unwrap();
    assert_eq!(all.n, 6);
    // 2, 3, 3, 4, 4, 5: mean 21/6, median (3 + 4) / 2.
    close(all.mean, 3.5);
    close(all.median, 3.5);
    assert_eq!(all.counts, [0, 1, 2, 2, 1]);
    assert_eq!(item.stats.other, None);
    assert_eq!(item.not_sure, Some(0));
    let comparison = item.comparison.as_ref().unwrap();
    close(comparison.gap, 5.0 / 3.0);
    close(comparison.distance, 5.0 / 3.0);
    assert_eq!(comparison.verdict, Verdict::Diverges);
    assert_eq!(results.voters, SideCounts::new(3, 3, 0));
}

#[test]
fn a_side_under_the_threshold_is_hidden_with_its_comparison_and_left_out_of_the_total() {
    // k = 3 and only two VCS voters: the VCS figures are hidden, so is the
    // comparison, and "all" leaves the two out, since with them it would
    // give them away (all minus council).
    let votes = outcomes_votes(&[4, 4, 5], &[2, 3]);
    let results = benefits_results(3, &votes);
    let item = results.item(&id("a1.direct.outcomes")).unwrap();
    assert!(item.stats.council.is_some());
    assert_eq!(item.stats.vcs, None);
    assert_eq!(item.comparison, None);
    assert_eq!(item.stats.all, item.stats.council);
    assert_eq!(item.left_out, SideCounts::new(0, 2, 0));
    // Who voted may be shown.
    assert_eq!(results.voters, SideCounts::new(3, 2, 0));
}

#[test]
fn not_sure_answers_do_not_count_towards_the_threshold() {
    // Three VCS voters, but one is not sure: only two are in the figures.
    let votes = outcomes_votes(&[4, 4, 5], &[2, 3, 0]);
    let item = benefit_result(3, &votes, "a1.direct.outcomes");
    assert_eq!(item.stats.vcs, None);
    assert_eq!(item.comparison, None);
    // Six answered, so the count of "not sure" is shown.
    assert_eq!(item.not_sure, Some(1));
}

#[test]
fn a_lone_not_sure_is_not_shown() {
    let item = benefit_result(3, &[vote(1, "a1.direct.reach", 1, 0)], "a1.direct.reach");
    assert_eq!(item.not_sure, None);
    assert_eq!(item.stats.all, None);
}

#[test]
fn the_total_is_shown_when_the_hidden_sides_together_reach_the_threshold() {
    // Council 3 shown; VCS 2 and other 1 hidden, but together 3 people.
    let votes = [
        votes(1, "a1.direct.outcomes", 1, &[4, 4, 4]),
        votes(1, "a1.direct.outcomes", 4, &[2, 2]),
        votes(1, "a1.direct.outcomes", 7, &[5]),
    ]
    .concat();
    let item = benefit_result(3, &votes, "a1.direct.outcomes");
    assert_eq!(
        (item.stats.vcs.is_some(), item.stats.other.is_some()),
        (false, false)
    );
    let all = item.stats.all.as_ref().unwrap();
    assert_eq!(all.n, 6);
    close(all.mean, 21.0 / 6.0);
}

#[test]
fn a_threshold_of_one_shows_single_voters() {
    let votes = [
        vote(1, "a1.direct.reach", 1, 4),
        vote(1, "a1.direct.reach", 4, 2),
    ];
    let item = benefit_result(1, &votes, "a1.direct.reach");
    close(item.comparison.as_ref().unwrap().gap, 2.0);
    assert_eq!(item.stats.all.as_ref().unwrap().n, 2);
}

#[test]
fn a_changed_vote_counts_once_at_its_latest_value() {
    let mut changed = vote(1, "a1.direct.reach", 1, 5);
    changed.cast_at = at(30);
    let votes = [vote(1, "a1.direct.reach", 1, 1), changed];
    let council = benefit_result(1, &votes, "a1.direct.reach")
        .stats
        .council
        .unwrap();
    assert_eq!(council.n, 1);
    close(council.mean, 5.0);
}

#[test]
fn votes_of_unknown_people_and_rounds_are_left_out() {
    let votes = [
        vote(1, "a1.direct.reach", 99, 5),
        vote(7, "a1.direct.reach", 1, 5),
    ];
    let results = benefits_results(1, &votes);
    assert_eq!(
        results.item(&id("a1.direct.reach")).unwrap().stats.all,
        None
    );
    assert_eq!(results.voters.total(), 0);
}

#[test]
fn items_are_listed_most_divergent_first() {
    // k = 1. outcomes: gap 1 (4 v 3). reach: gap −2 (2 v 4).
    // trust: council only, so no comparison.
    let votes = [
        vote(1, "a1.direct.outcomes", 1, 4),
        vote(1, "a1.direct.outcomes", 4, 3),
        vote(1, "a1.direct.reach", 1, 2),
        vote(1, "a1.direct.reach", 4, 4),
        vote(1, "a1.indirect.trust", 1, 5),
    ];
    let results = benefits_results(1, &votes);
    let order: Vec<&str> = results.items.iter().map(|i| i.item.as_str()).collect();
    assert_eq!(
        order,
        ["a1.direct.reach", "a1.direct.outcomes", "a1.indirect.trust"]
    );
    let toolkit_order: Vec<&str> = results
        .in_toolkit_order()
        .iter()
        .map(|i| i.item.as_str())
        .collect();
    assert_eq!(
        toolkit_order,
        ["a1.direct.outcomes", "a1.direct.reach", "a1.indirect.trust"]
    );
}

#[test]
fn equal_gaps_are_ranked_by_distance_then_toolkit_order() {
    // Every item has a gap of 1. reach: council 5, 1 v VCS 2, 2:
    // F_C = ½, ½, ½, ½; F_V = 0, 1, 1, 1; distance 2. outcomes and trust:
    // council 4, 4 v VCS 3, 3: F_C = 0, 0, 0, 1; F_V = 0, 0, 1, 1;
    // distance 1, a tie kept in toolkit order.
    let votes = [
        votes(1, "a1.direct.outcomes", 1, &[4, 4]),
        votes(1, "a1.direct.outcomes", 4, &[3, 3]),
        votes(1, "a1.direct.reach", 1, &[5, 1]),
        votes(1, "a1.direct.reach", 4, &[2, 2]),
        votes(1, "a1.indirect.trust", 1, &[4, 4]),
        votes(1, "a1.indirect.trust", 4, &[3, 3]),
    ]
    .concat();
    let results = benefits_results(1, &votes);
    let reach = results.item(&id("a1.direct.reach")).unwrap();
    close(reach.comparison.as_ref().unwrap().gap, 1.0);
    close(reach.comparison.as_ref().unwrap().distance, 2.0);
    let order: Vec<&str> = results.items.iter().map(|i| i.item.as_str()).collect();
    assert_eq!(
        order,
        ["a1.direct.reach", "a1.direct.outcomes", "a1.indirect.trust"]
    );
}

#[test]
fn participation_counts_active_people_and_voters() {
    let mut everyone = nine_people();
    everyone[0].active = false;
    everyone[8].forgotten = true;
    everyone[8].active = false;
    let votes = [
        vote(1, "a1.direct.reach", 1, 3),
        vote(1, "a1.direct.reach", 5, 0),
    ];
    let results = compute_votes(
        3,
        &everyone,
        &[],
        &[round(1, Assessment::Benefits, None)],
        &votes,
    );
    assert_eq!(results.participation.active, SideCounts::new(2, 3, 2));
    // The person who left still voted; "not sure" is a vote too.
    assert_eq!(results.participation.voters, SideCounts::new(1, 1, 0));
    assert_eq!(results.threshold, 3);
    assert_eq!(results.benefits.unwrap().items.len(), 3);
}

/// A strategic round (id 2) on relationship 1 where every voter gives
/// every item the value its side is given, except `not_sure_item`.
fn strategic_votes(council: &[(i64, u8)], vcs: &[(i64, u8)], not_sure_item: &str) -> Vec<Vote> {
    let mut all = Vec::new();
    for item in toolkit().strategic_items {
        for &(participant, value) in council.iter().chain(vcs) {
            let code = if item.id.as_str() == not_sure_item {
                0
            } else {
                value
            };
            all.push(vote(2, item.id.as_str(), participant, code));
        }
    }
    all
}

fn strategic(threshold: u8, intended: bool, votes: &[Vote]) -> StrategicResults {
    let relationship = relationship(
        1,
        "Compact forum",
        &[RelationshipType::Shaping],
        Level::Place,
        intended,
    );
    compute_votes(
        threshold,
        &nine_people(),
        &[relationship],
        &[round(2, Assessment::Strategic, Some(1))],
        votes,
    )
    .relationships
    .remove(0)
    .strategic
    .unwrap()
}

#[test]
fn relationship_scores_skip_not_sure_items_and_stay_out_of_75() {
    // Council 1, 2 answer 3; VCS 4, 5 answer 2; the time axis is all not
    // sure. Fourteen items: all mean 2.5, council 3, VCS 2.
    let votes = strategic_votes(&[(1, 3), (2, 3)], &[(4, 2), (5, 2)], "a3.axes.time");
    let results = strategic(2, true, &votes);
    let all = results.score.all.as_ref().unwrap();
    close(all.raw, 37.5);
    assert_eq!((all.score, all.band), (38, Band::Somewhat));
    let council = results.score.council.as_ref().unwrap();
    assert_eq!((council.score, council.band), (45, Band::Somewhat));
    let vcs = results.score.vcs.as_ref().unwrap();
    assert_eq!((vcs.score, vcs.band), (30, Band::Minimally));
    assert_eq!(results.score.other, None);

    // 2.5 × 3 = 7.5, which rounds up to 8.
    let foundations = &results.principles[0];
    assert_eq!(foundations.key, "shared_foundations");
    assert_eq!(foundations.score.all.as_ref().unwrap().score, 8);
    assert_eq!(foundations.score.council.as_ref().unwrap().score, 9);
    assert_eq!(foundations.score.vcs.as_ref().unwrap().score, 6);

    let axes: Vec<&str> = results.axes.iter().map(|a| a.item.as_str()).collect();
    assert_eq!(
        axes,
        ["a3.axes.proactive", "a3.axes.financial", "a3.axes.time"]
    );
    assert_eq!(results.axes[2].stats.all, None);
    assert_eq!(results.axes[2].not_sure, Some(4));

    // 38 < 46 and meant to be strategic.
    assert_eq!(results.case, Some(DeliveryCase::IntentOnly));
    assert_eq!(
        results.case_action.as_deref(),
        Some("Bring delivery in line with intent.")
    );
    assert_eq!(results.round.items.len(), 15);
}

#[test]
fn the_four_cases_come_from_the_all_voters_score_and_intent() {
    let high = strategic_votes(&[(1, 4), (2, 4)], &[(4, 3), (5, 3)], "none.item");
    // Mean 3.5 × 15 = 52.5 → 53.
    let both = strategic(2, true, &high);
    assert_eq!(both.score.all.as_ref().unwrap().score, 53);
    assert_eq!(both.case, Some(DeliveryCase::Both));
    assert_eq!(both.case_action.as_deref(), Some("Action not needed."));
    assert_eq!(
        strategic(2, false, &high).case,
        Some(DeliveryCase::DeliveryOnly)
    );
    let low = strategic_votes(&[(1, 1), (2, 2)], &[(4, 1), (5, 1)], "none.item");
    assert_eq!(strategic(2, false, &low).case, Some(DeliveryCase::Neither));
}

#[test]
fn a_side_score_needs_the_threshold_of_voters_on_the_relationship() {
    // k = 3: three council voters, two VCS voters.
    let votes = strategic_votes(&[(1, 4), (2, 4), (3, 4)], &[(4, 2), (5, 2)], "none.item");
    let results = strategic(3, true, &votes);
    assert_eq!(results.score.council.as_ref().unwrap().score, 60);
    assert_eq!(results.score.vcs, None);
    assert!(results.principles.iter().all(|p| p.score.vcs.is_none()));
    // "All" leaves the two VCS voters out, who it would give away (all
    // minus council): it is the council's score, and the case follows it.
    assert_eq!(results.score.all, results.score.council);
    assert_eq!(results.case, Some(DeliveryCase::Both));
}

#[test]
fn a_side_score_leaves_out_items_the_side_is_too_small_to_show() {
    // k = 2, two council voters. Council 2 is not sure on the power
    // item, so only one council answer is there and it is hidden: the
    // council score is the other fourteen items at 4, i.e. 60, not
    // (14 × 4 + 1) / 15 × 15.
    let mut votes = strategic_votes(&[(1, 4), (2, 4)], &[], "none.item");
    for vote in votes.iter_mut() {
        if vote.item.as_str() == "a3.shared_foundations.power"
            && vote.participant_id == ParticipantId(1)
        {
            vote.value = VoteValue::from_code(1).unwrap();
        }
        if vote.item.as_str() == "a3.shared_foundations.power"
            && vote.participant_id == ParticipantId(2)
        {
            vote.value = VoteValue::NotSure;
        }
    }
    let results = strategic(2, false, &votes);
    assert_eq!(
        results
            .round
            .item(&id("a3.shared_foundations.power"))
            .unwrap()
            .stats
            .council,
        None
    );
    let council = results.score.council.as_ref().unwrap();
    close(council.raw, 60.0);
    assert_eq!(
        results.principles[0].score.council.as_ref().unwrap().score,
        12
    );
}

#[test]
fn the_map_shows_types_levels_gaps_and_overlaps() {
    use RelationshipType::*;
    let relationships = [
        relationship(1, "Compact forum", &[Shaping, Delivery], Level::Place, true),
        relationship(2, "Ward grants", &[Delivery], Level::Neighbourhood, false),
        relationship(3, "ICS board", &[Ongoing], Level::System, true),
    ];
    let map = RelationshipMap::from_relationships(&relationships);
    assert_eq!(map.gaps, [Neighbourhood, Commissioning]);
    assert_eq!(map.shared_types.len(), 1);
    assert_eq!(map.shared_types[0].kind, Delivery);
    let names: Vec<&str> = map.shared_types[0]
        .relationships
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["Compact forum", "Ward grants"]);
    assert_eq!(map.multi_type.len(), 1);
    assert_eq!(map.multi_type[0].name, "Compact forum");
    let per_level: Vec<(Level, usize)> = map
        .by_level
        .iter()
        .map(|l| (l.level, l.relationships.len()))
        .collect();
    assert_eq!(
        per_level,
        [
            (Level::Neighbourhood, 1),
            (Level::Place, 1),
            (Level::System, 1)
        ]
    );
    assert_eq!(map.by_type.len(), 5);
}

#[test]
fn action_responses_are_counted_per_side() {
    let responses = [
        (1, Stance::Agree),
        (2, Stance::Agree),
        (4, Stance::Agree),
        (5, Stance::Object),
        (7, Stance::Object),
        (99, Stance::Object),
    ]
    .map(|(participant, stance)| ActionResponse {
        action_id: ActionId(1),
        participant_id: ParticipantId(participant),
        stance,
    });
    let results = compute_from_votes(
        &WorkshopRecords {
            toolkit: &toolkit(),
            workshop: &workshop(3),
            participants: &nine_people(),
            relationships: &[],
            rounds: &[],
            opened_with: &RoundItems::new(),
            actions: &[
                action(1, "overlaps", false, day(1)),
                action(2, "", false, day(2)),
            ],
            responses: &responses,
        },
        &[],
    );
    let first = &results.actions[0];
    assert_eq!(
        (
            first.tally.agree.council,
            first.tally.agree.vcs,
            first.tally.agree.other
        ),
        (2, 1, 0)
    );
    assert_eq!(
        (
            first.tally.object.council,
            first.tally.object.vcs,
            first.tally.object.other
        ),
        (0, 1, 1)
    );
    let second = &results.actions[1];
    assert_eq!(second.tally.agree.council + second.tally.object.vcs, 0);
    assert_eq!(results.benefits, None);
}

#[test]
fn results_serialise_for_the_json_report() {
    let votes = outcomes_votes(&[4, 4, 5], &[2, 3, 3]);
    let results = compute_votes(
        3,
        &nine_people(),
        &[],
        &[round(1, Assessment::Benefits, None)],
        &votes,
    );
    let json = serde_json::to_value(&results).unwrap();
    let first = &json["benefits"]["items"][0];
    assert_eq!(first["item"], "a1.direct.outcomes");
    assert_eq!(first["comparison"]["verdict"], "diverges");
    assert_eq!(first["comparison"]["classification"], "perception_gap");
    assert_eq!(
        first["council"]["counts"],
        serde_json::json!([0, 0, 0, 2, 1])
    );
    // VCS 2, 3, 3: variance 1/3, so agreement 1 − 1/6.
    close(first["vcs"]["rwg"].as_f64().unwrap(), 5.0 / 6.0);
    assert_eq!(json["threshold"], 3);
}

#[test]
fn each_side_has_its_own_case_from_its_own_score() {
    // Scores 4 × 15 = 60 (largely: strategic delivery) and 2 × 15 = 30
    // (minimally: not). Relationships 1 and 3 are meant to be strategic,
    // 2 and 4 not; in 1 and 2 the council scores 60, in 3 and 4 the VCS.
    let relationships: Vec<Relationship> = (1..=4)
        .map(|n| {
            relationship(
                n,
                &format!("Relationship {n}"),
                &[RelationshipType::Shaping],
                Level::Place,
                n % 2 == 1,
            )
        })
        .collect();
    let rounds: Vec<Round> = (1..=4)
        .map(|n| round(n, Assessment::Strategic, Some(n)))
        .collect();
    // Participant 1 is the council, 2 the VCS.
    let votes = [
        on_every_strategic_item(1, &[(1, 4), (2, 2)]),
        on_every_strategic_item(2, &[(1, 4), (2, 2)]),
        on_every_strategic_item(3, &[(1, 2), (2, 4)]),
        on_every_strategic_item(4, &[(1, 2), (2, 4)]),
    ]
    .concat();
    let participants = [people(1, 1, Side::Council), people(2, 1, Side::Vcs)].concat();
    let results = compute_votes(1, &participants, &relationships, &rounds, &votes);
    let cases: Vec<CaseBySide> = results
        .relationships
        .iter()
        .map(|r| r.strategic.as_ref().unwrap().case_by_side)
        .collect();
    use DeliveryCase::*;
    let expected = [
        (Both, IntentOnly),
        (DeliveryOnly, Neither),
        (IntentOnly, Both),
        (Neither, DeliveryOnly),
    ];
    for (case, (council, vcs)) in cases.iter().zip(expected) {
        assert_eq!(
            *case,
            CaseBySide {
                council: Some(council),
                vcs: Some(vcs)
            }
        );
        assert!(case.differ());
    }
    // All voters: item means 3, score 45, not strategic in delivery.
    assert_eq!(
        results.relationships[0].strategic.as_ref().unwrap().case,
        Some(IntentOnly)
    );

    // k = 2: neither side can be shown on its own, so neither has a case.
    let hidden = compute_votes(2, &participants, &relationships, &rounds, &votes);
    let strategic = hidden.relationships[0].strategic.as_ref().unwrap();
    assert_eq!(strategic.case_by_side, CaseBySide::default());
    assert!(!strategic.case_by_side.differ());
    assert_eq!(strategic.case, Some(IntentOnly));
}

#[test]
fn significance_is_corrected_across_every_assessment_of_the_workshop() {
    // Four council (1–4) and four VCS (5–8). Benefits: 5 5 5 5 against
    // 1 1 1 1, p = 2/70. Relationship 1's strategic items all get 3 from
    // everyone, p = 1. That is 1 + 15 tests: q for the benefit item is
    // 2/70 × 16 = 32/70, and it could be chance.
    let participants = [people(1, 4, Side::Council), people(5, 4, Side::Vcs)].concat();
    let mut votes = [
        votes(1, "a1.direct.outcomes", 1, &[5, 5, 5, 5]),
        votes(1, "a1.direct.outcomes", 5, &[1, 1, 1, 1]),
        // Only the council answers this one: no comparison, no significance.
        votes(1, "a1.direct.reach", 1, &[4, 4, 4, 4]),
    ]
    .concat();
    for item in &toolkit().strategic_items {
        votes.extend(crate::domain::fixtures::votes(
            2,
            item.id.as_str(),
            1,
            &[3; 8],
        ));
    }
    let workshop_results = compute_from_votes(
        &WorkshopRecords {
            toolkit: &toolkit(),
            workshop: &workshop(3),
            participants: &participants,
            relationships: &[relationship(
                1,
                "Compact forum",
                &[RelationshipType::Shaping],
                Level::Place,
                true,
            )],
            rounds: &[
                round(1, Assessment::Benefits, None),
                round(2, Assessment::Strategic, Some(1)),
            ],
            opened_with: &RoundItems::new(),
            actions: &[],
            responses: &[],
        },
        &votes,
    );
    let benefits = workshop_results.benefits.as_ref().unwrap();
    let outcomes = benefits.item(&id("a1.direct.outcomes")).unwrap();
    let significance = outcomes.significance.unwrap();
    close(significance.p_value, 2.0 / 70.0);
    close(significance.q_value, 32.0 / 70.0);
    assert_eq!(significance.certainty(), Certainty::CouldBeChance);
    assert_eq!(significance.effect.magnitude, Magnitude::Large);
    assert_eq!(
        benefits.item(&id("a1.direct.reach")).unwrap().significance,
        None
    );
    let strategic = workshop_results.relationships[0]
        .strategic
        .as_ref()
        .unwrap();
    for item in strategic.round.items.iter().chain(&strategic.axes) {
        let significance = item.significance.expect("both sides shown");
        assert_eq!(significance.p_value, 1.0);
        assert_eq!(significance.q_value, 1.0);
    }
}
