//! One round's figures per item, and every anonymity rule in one place, so
//! that nothing downstream can show more than it should. With `k` the
//! workshop's anonymity threshold:
//! - a group's figures on an item are shown only when at least `k` of its
//!   members gave that item a 1–5 answer. "Not sure" answers do not count
//!   towards `k`: they are not in the figures, so they cannot hide anyone in
//!   them;
//! - the figures for all voters are built from the groups that can be shown,
//!   together with the groups too small to show when between them they hold
//!   at least `k` answers; otherwise those few answers are left out of them
//!   (and counted in `left_out`), because "all" minus the sides that are
//!   shown would give them away;
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

use serde::Serialize;

use super::counts::{ItemTally, RoundTally, side_index};
use crate::domain::divergence::{Comparison, compare};
use crate::domain::records::Round;
use crate::domain::significance::Significance;
use crate::domain::stats::GroupStats;
use crate::domain::tally::SideCounts;
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
    /// The figures for all voters and for each side.
    #[serde(flatten)]
    pub stats: SideScores<GroupStats>,
    /// The 1–5 answers left out of `all` to keep small groups private, per
    /// side.
    pub left_out: SideCounts,
    /// "Not sure" answers from everyone; `None` when too few answered.
    pub not_sure: Option<u32>,
    /// Council against VCS; only when both are shown.
    pub comparison: Option<Comparison>,
    /// How big that difference is and how sure we can be; only when both
    /// sides are shown. Set by `compute` once every item of the workshop is known.
    pub significance: Option<Significance>,
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

    /// The most answers left out of any item's overall figures, per side,
    /// for the one sentence that says so.
    pub fn left_out(&self) -> SideCounts {
        SideCounts::per_side(|side| {
            self.items
                .iter()
                .map(|item| item.left_out.get(side))
                .max()
                .unwrap_or(0)
        })
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

impl<T> SideScores<T> {
    /// `all`'s score, and each side's from `score`.
    pub fn per_side(all: Option<T>, score: impl Fn(Side) -> Option<T>) -> SideScores<T> {
        SideScores {
            all,
            council: score(Side::Council),
            vcs: score(Side::Vcs),
            other: score(Side::Other),
        }
    }
}

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

pub(super) fn assessment_results(
    items: &[Item],
    round: &Round,
    tally: Option<&RoundTally>,
    threshold: AnonymityThreshold,
) -> AssessmentResults {
    let nobody = ItemTally::default();
    let mut results: Vec<ItemResult> = items
        .iter()
        .enumerate()
        .map(|(order, item)| {
            let answers = tally.and_then(|t| t.items.get(order)).unwrap_or(&nobody);
            item_result(item, order, answers, threshold)
        })
        .collect();
    results.sort_by(most_divergent_first);
    AssessmentResults {
        assessment: round.assessment,
        round_id: round.id,
        status: round.status,
        voters: tally.map(|t| t.voters).unwrap_or_default(),
        items: results,
    }
}

/// Which sides go into the figures for everyone: those that can be shown,
/// and those too small to show when between them they reach `k`. Returns
/// the sides to include and the count left out of each.
fn overall_sides(counts: SideCounts, threshold: AnonymityThreshold) -> (Vec<Side>, SideCounts) {
    let too_small = |side: Side| !threshold.allows(counts.get(side) as usize);
    let hidden: u32 = Side::ALL
        .iter()
        .filter(|side| too_small(**side))
        .map(|side| counts.get(*side))
        .sum();
    let hidden_included = threshold.allows(hidden as usize);
    let included: Vec<Side> = Side::ALL
        .iter()
        .copied()
        .filter(|side| hidden_included || !too_small(*side))
        .collect();
    let left_out = SideCounts::per_side(|side| {
        if included.contains(&side) {
            0
        } else {
            counts.get(side)
        }
    });
    (included, left_out)
}

fn item_result(
    item: &Item,
    order: usize,
    answers: &ItemTally,
    threshold: AnonymityThreshold,
) -> ItemResult {
    // `[side][code]` with code 0 for "not sure": the 1–5 counts of a side.
    let scores = |side: Side| -> [u32; 5] {
        let codes = &answers[side_index(side)];
        std::array::from_fn(|i| codes[i + 1])
    };
    let scored = SideCounts::per_side(|side| answers[side_index(side)][1..].iter().sum());
    let not_sure: u32 = answers.iter().map(|codes| codes[0]).sum();

    let (included, left_out) = overall_sides(scored, threshold);
    let mut everyone = [0u32; 5];
    for side in &included {
        for (total, count) in everyone.iter_mut().zip(scores(*side)) {
            *total += count;
        }
    }
    let shown =
        |counts: &[u32; 5]| GroupStats::from_counts(counts).filter(|s| threshold.allows(s.n));
    let stats = SideScores::per_side(shown(&everyone), |side| shown(&scores(side)));
    let answered = scored.total() as usize + not_sure as usize;

    ItemResult {
        item: item.id.clone(),
        short: item.short.clone(),
        text: item.text.clone(),
        group: item.group.clone(),
        order,
        comparison: stats
            .council
            .as_ref()
            .zip(stats.vcs.as_ref())
            .map(|(c, v)| compare(c, v)),
        stats,
        left_out,
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

/// Scores each group from its shown item means, when at least `k` of the
/// group gave a 1–5 answer on the relationship (`scorers`); everyone's score
/// counts the groups the overall figures are built from.
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
    let (included, _) = overall_sides(scorers, threshold);
    let overall: u32 = included.iter().map(|side| scorers.get(*side)).sum();
    SideScores {
        all: group(overall, |item| item.stats.all.as_ref()),
        council: group(scorers.council, |item| item.stats.council.as_ref()),
        vcs: group(scorers.vcs, |item| item.stats.vcs.as_ref()),
        other: group(scorers.other, |item| item.stats.other.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(threshold: u8) -> AnonymityThreshold {
        AnonymityThreshold::try_from(threshold).unwrap()
    }

    #[test]
    fn a_lone_small_group_is_left_out_of_the_overall_figures() {
        // 4 council, 4 VCS, 1 other partner, k = 3.
        let (included, left_out) = overall_sides(SideCounts::new(4, 4, 1), k(3));
        assert_eq!(included, vec![Side::Council, Side::Vcs]);
        assert_eq!(left_out, SideCounts::new(0, 0, 1));
    }

    #[test]
    fn small_groups_that_reach_the_threshold_together_are_included() {
        let (included, left_out) = overall_sides(SideCounts::new(4, 2, 1), k(3));
        assert_eq!(included, Side::ALL.to_vec());
        assert_eq!(left_out, SideCounts::default());
        // Every group small, but together enough.
        let (included, _) = overall_sides(SideCounts::new(1, 1, 1), k(3));
        assert_eq!(included, Side::ALL.to_vec());
    }

    #[test]
    fn with_every_group_small_and_too_few_together_nothing_is_included() {
        let (included, left_out) = overall_sides(SideCounts::new(1, 1, 0), k(3));
        assert!(included.is_empty());
        assert_eq!(left_out, SideCounts::new(1, 1, 0));
    }

    #[test]
    fn the_overall_figures_of_an_item_leave_the_lone_partner_out() {
        let id: ItemId = "a1.direct.reach".parse().unwrap();
        let item = Item {
            id: id.clone(),
            short: "Reach".to_owned(),
            text: "Reach of services".to_owned(),
            group: "direct".to_owned(),
        };
        // Four council 4s, four VCS 2s and one other partner's 5.
        let mut answers = ItemTally::default();
        answers[side_index(Side::Council)][4] = 4;
        answers[side_index(Side::Vcs)][2] = 4;
        answers[side_index(Side::Other)][5] = 1;
        let result = item_result(&item, 0, &answers, k(3));
        let all = result.stats.all.unwrap();
        assert_eq!(all.n, 8);
        assert!((all.mean - 3.0).abs() < 1e-9, "the 5 is left out");
        assert_eq!(result.stats.other, None);
        assert_eq!(result.left_out, SideCounts::new(0, 0, 1));
    }
}
