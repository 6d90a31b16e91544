//! One round's figures per item, and every anonymity rule in one place, so
//! that nothing downstream can show more than it should. With `k` the
//! workshop's anonymity threshold:
//! - a group's figures on an item are shown only when at least `k` of its
//!   members gave that item a 1–5 answer. "Not sure" answers do not count
//!   towards `k`: they are not in the figures, so they cannot hide anyone in
//!   them;
//! - the figures for all voters are also hidden when the sides that are too
//!   small to show hold between 1 and `k − 1` voters between them, because
//!   "all" minus the sides that are shown would give those few people's
//!   answers away;
//! - the count of "not sure" answers is shown only when at least `k` people
//!   answered the item (1–5 or not sure), so a lone voter's "not sure" is
//!   never on show;
//! - the council / VCS comparison only when both sides are shown;
//! - a group's relationship score only when at least `k` of its members gave
//!   a 1–5 answer to any of the relationship's items, and then built only
//!   from that group's item figures that are themselves shown. An item the
//!   group is too small to show is left out like an item with only "not
//!   sure" answers, so the score cannot be used to work back to it.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::domain::divergence::{Comparison, compare};
use crate::domain::records::{Round, Vote};
use crate::domain::significance::Significance;
use crate::domain::stats::GroupStats;
use crate::domain::tally::{SideCounts, Sides};
use crate::domain::toolkit::Item;
use crate::domain::values::*;

/// Floating-point noise below this is not a difference when ranking items.
const SLACK: f64 = 1e-9;

/// One item's results. A group's figures are `None` when the group is too
/// small to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemResult {
    pub item: ItemId,
    pub short: String,
    pub text: String,
    pub group: String,
    /// The item's place in the toolkit, from 0.
    pub order: usize,
    pub all: Option<GroupStats>,
    pub council: Option<GroupStats>,
    pub vcs: Option<GroupStats>,
    pub other: Option<GroupStats>,
    /// "Not sure" answers from everyone; `None` when too few answered.
    pub not_sure: Option<u32>,
    /// Council against VCS; only when both are shown.
    pub comparison: Option<Comparison>,
    /// How big that difference is and how sure we can be; only when both
    /// sides are shown. Set by `compute` once every item of the workshop is known.
    pub significance: Option<Significance>,
}

impl ItemResult {
    pub fn side(&self, side: Side) -> Option<&GroupStats> {
        match side {
            Side::Council => self.council.as_ref(),
            Side::Vcs => self.vcs.as_ref(),
            Side::Other => self.other.as_ref(),
        }
    }
}

/// The results of one round of voting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentResults {
    pub assessment: Assessment,
    pub round_id: RoundId,
    pub status: RoundStatus,
    /// People who voted on anything in the round, per side.
    pub voters: SideCounts,
    /// Most divergent first: the largest council / VCS gap, then the largest
    /// distance; items with no comparison last; ties in toolkit order.
    pub items: Vec<ItemResult>,
}

impl AssessmentResults {
    /// The items in the toolkit's order, for charts and tables.
    pub fn in_toolkit_order(&self) -> Vec<&ItemResult> {
        let mut items: Vec<&ItemResult> = self.items.iter().collect();
        items.sort_by_key(|item| item.order);
        items
    }

    pub fn item(&self, id: &ItemId) -> Option<&ItemResult> {
        self.items.iter().find(|item| &item.item == id)
    }
}

/// A score for all voters and for each side; `None` where too few voted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideScores<T> {
    pub all: Option<T>,
    pub council: Option<T>,
    pub vcs: Option<T>,
    pub other: Option<T>,
}

/// Each participant's latest answer to each item, per round.
pub(super) type Ballots<'a> =
    HashMap<RoundId, HashMap<&'a ItemId, Vec<(ParticipantId, VoteValue)>>>;

pub(super) fn latest_round(
    rounds: &[Round],
    assessment: Assessment,
    subject: Option<RelationshipId>,
) -> Option<&Round> {
    rounds
        .iter()
        .filter(|round| round.assessment == assessment && round.subject == subject)
        .max_by_key(|round| round.id)
}

/// Keeps each person's latest answer to each item of each known round.
pub(super) fn latest_ballots<'a>(
    rounds: &[Round],
    votes: &'a [Vote],
    sides: &Sides,
) -> Ballots<'a> {
    let known_rounds: HashSet<RoundId> = rounds.iter().map(|round| round.id).collect();
    let mut latest: HashMap<(RoundId, &ItemId, ParticipantId), &Vote> = HashMap::new();
    for vote in votes {
        if !known_rounds.contains(&vote.round_id) || !sides.contains_key(&vote.participant_id) {
            continue;
        }
        latest
            .entry((vote.round_id, &vote.item, vote.participant_id))
            .and_modify(|kept| {
                if vote.cast_at >= kept.cast_at {
                    *kept = vote;
                }
            })
            .or_insert(vote);
    }
    let mut ballots: Ballots = HashMap::new();
    for ((round_id, item, participant_id), vote) in latest {
        ballots
            .entry(round_id)
            .or_default()
            .entry(item)
            .or_default()
            .push((participant_id, vote.value));
    }
    ballots
}

pub(super) fn assessment_results(
    items: &[Item],
    round: &Round,
    ballots: &Ballots,
    sides: &Sides,
    threshold: AnonymityThreshold,
) -> AssessmentResults {
    let round_ballots = ballots.get(&round.id);
    let voters: HashSet<&ParticipantId> = round_ballots
        .into_iter()
        .flat_map(|items| items.values().flatten().map(|(id, _)| id))
        .collect();
    let mut results: Vec<ItemResult> = items
        .iter()
        .enumerate()
        .map(|(order, item)| {
            let answers = round_ballots
                .and_then(|items| items.get(&item.id))
                .map(Vec::as_slice)
                .unwrap_or_default();
            item_result(item, order, answers, sides, threshold)
        })
        .collect();
    results.sort_by(most_divergent_first);
    AssessmentResults {
        assessment: round.assessment,
        round_id: round.id,
        status: round.status,
        voters: SideCounts::of(voters, sides),
        items: results,
    }
}

fn item_result(
    item: &Item,
    order: usize,
    answers: &[(ParticipantId, VoteValue)],
    sides: &Sides,
    threshold: AnonymityThreshold,
) -> ItemResult {
    let mut everyone = Vec::new();
    let mut by_side: HashMap<Side, Vec<Score>> = HashMap::new();
    let mut not_sure = 0u32;
    for (participant, value) in answers {
        let Some(side) = sides.get(participant) else {
            continue;
        };
        match value.score() {
            Some(score) => {
                everyone.push(score);
                by_side.entry(*side).or_default().push(score);
            }
            None => not_sure += 1,
        }
    }
    let side_stats = |side| by_side.get(&side).and_then(|s| GroupStats::from_scores(s));
    let [council, vcs, other] = [Side::Council, Side::Vcs, Side::Other].map(side_stats);

    let too_small: usize = [&council, &vcs, &other]
        .into_iter()
        .flatten()
        .map(|stats| stats.n)
        .filter(|&n| !threshold.allows(n))
        .sum();
    let shown = |stats: Option<GroupStats>| stats.filter(|s| threshold.allows(s.n));
    let all = if too_small == 0 || threshold.allows(too_small) {
        shown(GroupStats::from_scores(&everyone))
    } else {
        None
    };
    let (council, vcs, other) = (shown(council), shown(vcs), shown(other));
    let answered = everyone.len() + not_sure as usize;

    ItemResult {
        item: item.id.clone(),
        short: item.short.clone(),
        text: item.text.clone(),
        group: item.group.clone(),
        order,
        comparison: council
            .as_ref()
            .zip(vcs.as_ref())
            .map(|(c, v)| compare(c, v)),
        all,
        council,
        vcs,
        other,
        not_sure: threshold.allows(answered).then_some(not_sure),
        significance: None,
    }
}

/// Descending, treating floating-point noise as equal.
fn descending(a: f64, b: f64) -> Ordering {
    if (a - b).abs() < SLACK {
        Ordering::Equal
    } else {
        b.total_cmp(&a)
    }
}

fn most_divergent_first(a: &ItemResult, b: &ItemResult) -> Ordering {
    let by_divergence = match (&a.comparison, &b.comparison) {
        (Some(x), Some(y)) => {
            descending(x.gap.abs(), y.gap.abs()).then(descending(x.distance, y.distance))
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_divergence.then(a.order.cmp(&b.order))
}

/// Who gave any 1–5 answer in a round, per side: the count that decides
/// whether a group's score on a relationship can be shown.
pub(super) fn scorers(round_id: RoundId, ballots: &Ballots, sides: &Sides) -> SideCounts {
    let scorers: HashSet<&ParticipantId> = ballots
        .get(&round_id)
        .into_iter()
        .flat_map(|items| items.values().flatten())
        .filter(|(_, value)| value.score().is_some())
        .map(|(id, _)| id)
        .collect();
    SideCounts::of(scorers, sides)
}

/// Scores each group from its shown item means, when at least `k` of the
/// group gave a 1–5 answer on the relationship (`scorers`).
pub(super) fn shown_scores<T>(
    items: &[&ItemResult],
    scorers: SideCounts,
    threshold: AnonymityThreshold,
    score: impl Fn(&[f64]) -> Option<T>,
) -> SideScores<T> {
    let group = |count: u32, pick: fn(&ItemResult) -> Option<&GroupStats>| {
        if !threshold.allows(count as usize) {
            return None;
        }
        let means: Vec<f64> = items
            .iter()
            .filter_map(|item| pick(item))
            .map(|stats| stats.mean)
            .collect();
        score(&means)
    };
    SideScores {
        all: group(scorers.total(), |item| item.all.as_ref()),
        council: group(scorers.council, |item| item.council.as_ref()),
        vcs: group(scorers.vcs, |item| item.vcs.as_ref()),
        other: group(scorers.other, |item| item.other.as_ref()),
    }
}
