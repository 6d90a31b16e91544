//! The whole computed results of a workshop: the one structure every report,
//! chart and bot message renders from. The anonymity rules are applied in
//! `items`, once.

mod counts;
pub(super) mod items;
pub(super) mod relationships;
mod strategic;
#[cfg(test)]
mod tests;

use serde::Serialize;

use super::focus::{FocusArea, suggest_focus_areas};
use super::records::*;
use super::significance::{ItemCounts, PValueMemo, significance_across};
use super::tally::{ActionSummary, SideCounts, Sides};
use super::toolkit::{Item, Toolkit};
use super::values::*;
use items::{assessment_results, latest_round};
use strategic::strategic_results;

pub use counts::{AnswerCount, RoundVoters, VoteCounts};
pub use items::{AssessmentResults, ItemResult, SideScores};
pub use relationships::{
    LevelHolders, RelationshipMap, RelationshipRef, RelationshipResults, TypeHolders,
};
pub use strategic::{AXES_GROUP, CaseBySide, PrincipleScore, StrategicResults};

/// Who takes part and who has voted. Showing this is allowed; what anyone
/// voted is not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participation {
    /// Participants who have joined and not left, per side.
    pub active: SideCounts,
    /// People who have cast at least one vote in the workshop, per side.
    pub voters: SideCounts,
}

/// The computed results of a workshop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkshopResults {
    pub workshop: Workshop,
    /// The anonymity threshold `k` the figures were filtered with.
    pub threshold: u8,
    pub participation: Participation,
    /// Assessment one, from the latest benefits round.
    pub benefits: Option<AssessmentResults>,
    /// In the order given.
    pub relationships: Vec<RelationshipResults>,
    pub relationship_map: RelationshipMap,
    pub actions: Vec<ActionSummary>,
    /// Most pressing first.
    pub focus_areas: Vec<FocusArea>,
}

/// What a workshop's results are computed from beside the counts of its
/// votes: its own rows, and the toolkit for rounds with no record of the
/// items they were opened with.
#[derive(Debug, Clone, Copy)]
pub struct WorkshopRecords<'a> {
    pub toolkit: &'a Toolkit,
    pub workshop: &'a Workshop,
    pub participants: &'a [Participant],
    pub relationships: &'a [Relationship],
    pub rounds: &'a [Round],
    /// The items each round was opened with.
    pub opened_with: &'a RoundItems,
    pub actions: &'a [Action],
    pub responses: &'a [ActionResponse],
}

/// Computes a workshop's results from its records and the counts of its
/// votes in its rounds. Each round is reported on the items it was opened
/// with, or the toolkit's for a round with no record. Votes of people who
/// left or asked to be forgotten stay in the counts, as anonymous counts.
/// Exact tests already in `p_values` are not worked out again.
pub fn compute(
    records: &WorkshopRecords<'_>,
    counts: &VoteCounts,
    p_values: &PValueMemo,
) -> WorkshopResults {
    let WorkshopRecords {
        toolkit,
        workshop,
        participants,
        relationships,
        rounds,
        opened_with,
        actions,
        responses,
    } = *records;
    let threshold = workshop.settings.anonymity_threshold;
    let sides: Sides = participants.iter().map(|p| (p.id, p.side)).collect();
    let items_of = |round: &Round| {
        opened_with
            .get(&round.id)
            .map_or_else(|| toolkit.items(round.assessment), Vec::as_slice)
    };
    let reported: Vec<(RoundId, &[Item])> = rounds
        .iter()
        .map(|round| (round.id, items_of(round)))
        .collect();
    let tallies = counts.by_round(&reported);

    let active = participants.iter().filter(|p| p.active && !p.forgotten);
    let mut active_counts = SideCounts::default();
    for participant in active {
        active_counts.add(participant.side, 1);
    }
    // Voters are counted by the side their answers count for (the side at
    // the reveal), so a change of side afterwards leaves this unchanged too.
    let voters = counts.voters;
    let participation = Participation {
        active: active_counts,
        voters,
    };

    let assess = |assessment: Assessment, subject: Option<RelationshipId>| {
        latest_round(rounds, assessment, subject).map(|round| {
            assessment_results(items_of(round), round, tallies.get(&round.id), threshold)
        })
    };

    let mut benefits = assess(Assessment::Benefits, None);
    let mut rounds: Vec<(Option<AssessmentResults>, Option<AssessmentResults>)> = relationships
        .iter()
        .map(|relationship| {
            (
                assess(Assessment::Relationships, Some(relationship.id)),
                assess(Assessment::Strategic, Some(relationship.id)),
            )
        })
        .collect();
    attach_significance(
        benefits.iter_mut().chain(
            rounds
                .iter_mut()
                .flat_map(|(questions, strategic)| questions.iter_mut().chain(strategic)),
        ),
        p_values,
    );
    let relationship_results: Vec<RelationshipResults> = relationships
        .iter()
        .zip(rounds)
        .map(
            |(relationship, (questions, strategic))| RelationshipResults {
                relationship: relationship.clone(),
                questions,
                strategic: strategic.map(|round| {
                    let scorers = tallies
                        .get(&round.round_id)
                        .map(|tally| tally.scorers)
                        .unwrap_or_default();
                    strategic_results(toolkit, relationship, round, scorers, threshold)
                }),
            },
        )
        .collect();

    let relationship_map = RelationshipMap::from_relationships(relationships);
    let focus_areas = suggest_focus_areas(
        toolkit,
        benefits.as_ref(),
        &relationship_results,
        &relationship_map,
    );
    WorkshopResults {
        workshop: workshop.clone(),
        threshold: threshold.get(),
        participation,
        benefits,
        relationships: relationship_results,
        relationship_map,
        actions: actions
            .iter()
            .map(|action| ActionSummary::of(action, responses, &sides))
            .collect(),
        focus_areas,
    }
}

/// `compute` from the rows of the votes, counted as the database would.
#[cfg(test)]
pub(crate) fn compute_from_votes(records: &WorkshopRecords<'_>, votes: &[Vote]) -> WorkshopResults {
    let counts = VoteCounts::from_votes(records.rounds, votes, records.participants);
    compute(records, &counts, &PValueMemo::default())
}

/// Sets each item's effect, p and q, correcting across every item of these
/// rounds where both sides are shown: the whole workshop, all assessments
/// and relationships together, so that many items do not make a finding by
/// chance.
fn attach_significance<'a>(
    rounds: impl Iterator<Item = &'a mut AssessmentResults>,
    p_values: &PValueMemo,
) {
    let (mut compared, counts): (Vec<&mut ItemResult>, Vec<ItemCounts>) = rounds
        .flat_map(|round| round.items.iter_mut())
        .filter(|item| item.comparison.is_some())
        .filter_map(|item| {
            let counts = (
                item.stats.council.as_ref()?.counts,
                item.stats.vcs.as_ref()?.counts,
            );
            Some((item, counts))
        })
        .unzip();
    for (item, significance) in compared
        .iter_mut()
        .zip(significance_across(&counts, p_values))
    {
        item.significance = significance;
    }
}
