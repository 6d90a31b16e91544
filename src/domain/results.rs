//! The whole computed results of a workshop: the one structure every report,
//! chart and bot message renders from.
//!
//! Anonymity is applied here, once, so that nothing downstream can show more
//! than it should. With `k` the workshop's anonymity threshold:
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

use super::divergence::{Comparison, compare};
use super::plan::suggest_focus_areas;
use super::records::*;
use super::scoring::{DeliveryCase, RelationshipScore, SubScore};
use super::stats::GroupStats;
use super::values::*;
use crate::prompts::{Item, Toolkit};

/// The group of items in assessment three that are the axes, not principles.
pub const AXES_GROUP: &str = "axes";

/// Floating-point noise below this is not a difference when ranking items.
const SLACK: f64 = 1e-9;

/// A number of people on each side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SideCounts {
    pub council: u32,
    pub vcs: u32,
    pub other: u32,
}

impl SideCounts {
    pub fn get(&self, side: Side) -> u32 {
        match side {
            Side::Council => self.council,
            Side::Vcs => self.vcs,
            Side::Other => self.other,
        }
    }

    pub fn total(&self) -> u32 {
        self.council + self.vcs + self.other
    }

    pub fn add(&mut self, side: Side) {
        match side {
            Side::Council => self.council += 1,
            Side::Vcs => self.vcs += 1,
            Side::Other => self.other += 1,
        }
    }

    fn of<'a>(people: impl IntoIterator<Item = &'a ParticipantId>, sides: &Sides) -> SideCounts {
        let mut counts = SideCounts::default();
        for side in people.into_iter().filter_map(|id| sides.get(id)) {
            counts.add(*side);
        }
        counts
    }
}

/// Who takes part and who has voted. Showing this is allowed; what anyone
/// voted is not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participation {
    /// Participants who have joined and not left, per side.
    pub active: SideCounts,
    /// People who have cast at least one vote in the workshop, per side.
    pub voters: SideCounts,
}

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

/// One of the four principles' sub-scores out of 15 for a relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleScore {
    pub key: String,
    pub name: String,
    pub score: SideScores<SubScore>,
}

/// Assessment three for one relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategicResults {
    /// All fifteen items, most divergent first.
    pub round: AssessmentResults,
    /// The score out of 75.
    pub score: SideScores<RelationshipScore>,
    /// In the toolkit's order.
    pub principles: Vec<PrincipleScore>,
    /// The three axes, in the toolkit's order.
    pub axes: Vec<ItemResult>,
    /// From the all-voters score and whether the relationship is intended to
    /// be strategic.
    pub case: Option<DeliveryCase>,
    /// The toolkit's recommended action for that case.
    pub case_action: Option<String>,
}

/// Everything known about one registered relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipResults {
    pub relationship: Relationship,
    /// Assessment two's five questions, when voted.
    pub questions: Option<AssessmentResults>,
    /// Assessment three, when voted.
    pub strategic: Option<StrategicResults>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipRef {
    pub id: RelationshipId,
    pub name: String,
}

impl From<&Relationship> for RelationshipRef {
    fn from(relationship: &Relationship) -> Self {
        RelationshipRef {
            id: relationship.id,
            name: relationship.name.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeHolders {
    pub kind: RelationshipType,
    pub relationships: Vec<RelationshipRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelHolders {
    pub level: Level,
    pub relationships: Vec<RelationshipRef>,
}

/// Assessment two's map of relationships by type and level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipMap {
    /// Every type, in the toolkit's order, with the relationships of it.
    pub by_type: Vec<TypeHolders>,
    /// Types with no relationship at all.
    pub gaps: Vec<RelationshipType>,
    /// Every level, with the relationships at it.
    pub by_level: Vec<LevelHolders>,
    /// Types held by two or more relationships.
    pub shared_types: Vec<TypeHolders>,
    /// Relationships of more than one type.
    pub multi_type: Vec<RelationshipRef>,
}

impl RelationshipMap {
    pub fn from_relationships(relationships: &[Relationship]) -> RelationshipMap {
        let by_type: Vec<TypeHolders> = RelationshipType::ALL
            .iter()
            .map(|&kind| TypeHolders {
                kind,
                relationships: relationships
                    .iter()
                    .filter(|r| r.types.contains(&kind))
                    .map(RelationshipRef::from)
                    .collect(),
            })
            .collect();
        let gaps = by_type
            .iter()
            .filter(|holders| holders.relationships.is_empty())
            .map(|holders| holders.kind)
            .collect();
        let shared_types = by_type
            .iter()
            .filter(|holders| holders.relationships.len() >= 2)
            .cloned()
            .collect();
        let by_level = Level::ALL
            .iter()
            .map(|&level| LevelHolders {
                level,
                relationships: relationships
                    .iter()
                    .filter(|r| r.level == level)
                    .map(RelationshipRef::from)
                    .collect(),
            })
            .collect();
        let multi_type = relationships
            .iter()
            .filter(|r| {
                let distinct: HashSet<&RelationshipType> = r.types.iter().collect();
                distinct.len() > 1
            })
            .map(RelationshipRef::from)
            .collect();
        RelationshipMap {
            by_type,
            gaps,
            by_level,
            shared_types,
            multi_type,
        }
    }
}

/// How many on each side agreed with or objected to an action. Counts
/// only, never names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub agree: SideCounts,
    pub object: SideCounts,
}

impl Tally {
    /// Counts the responses to one action; `side_of` gives each responder's
    /// side (a response from someone unknown is left out).
    pub fn of(
        action: ActionId,
        responses: &[ActionResponse],
        side_of: impl Fn(ParticipantId) -> Option<Side>,
    ) -> Tally {
        let mut tally = Tally::default();
        for response in responses.iter().filter(|r| r.action_id == action) {
            let Some(side) = side_of(response.participant_id) else {
                continue;
            };
            match response.stance {
                Stance::Agree => tally.agree.add(side),
                Stance::Object => tally.object.add(side),
            }
        }
        tally
    }
}

/// A proposed action and its tally.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionSummary {
    pub action: Action,
    #[serde(flatten)]
    pub tally: Tally,
}

/// Something the action plan could focus on, suggested from the results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FocusArea {
    /// The toolkit consideration it belongs to, or "other".
    pub consideration_key: String,
    pub title: String,
    pub detail: String,
    /// Higher is more pressing; see [`suggest_focus_areas`].
    pub weight: f64,
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

type Sides = HashMap<ParticipantId, Side>;

/// Each participant's latest answer to each item, per round.
type Ballots<'a> = HashMap<RoundId, HashMap<&'a ItemId, Vec<(ParticipantId, VoteValue)>>>;

/// Computes a workshop's results from its records. The slices are the
/// workshop's own rows. Votes of participants not in `participants` are left
/// out, since their side is unknown; votes of people who left or asked to be
/// forgotten stay in, as anonymous counts.
#[allow(clippy::too_many_arguments)]
pub fn compute(
    toolkit: &Toolkit,
    workshop: &Workshop,
    participants: &[Participant],
    relationships: &[Relationship],
    rounds: &[Round],
    votes: &[Vote],
    actions: &[Action],
    responses: &[ActionResponse],
) -> WorkshopResults {
    let threshold = workshop.anonymity_threshold;
    let sides: Sides = participants.iter().map(|p| (p.id, p.side)).collect();
    let ballots = latest_ballots(rounds, votes, &sides);

    let active = participants.iter().filter(|p| p.active && !p.forgotten);
    let mut active_counts = SideCounts::default();
    for participant in active {
        active_counts.add(participant.side);
    }
    let workshop_voters: HashSet<&ParticipantId> = ballots
        .values()
        .flat_map(|items| items.values().flatten().map(|(id, _)| id))
        .collect();
    let participation = Participation {
        active: active_counts,
        voters: SideCounts::of(workshop_voters, &sides),
    };

    let assess = |assessment: Assessment, subject: Option<RelationshipId>| {
        latest_round(rounds, assessment, subject).map(|round| {
            assessment_results(
                toolkit_items(toolkit, assessment),
                round,
                &ballots,
                &sides,
                threshold,
            )
        })
    };

    let benefits = assess(Assessment::Benefits, None);
    let relationship_results = relationships
        .iter()
        .map(|relationship| RelationshipResults {
            relationship: relationship.clone(),
            questions: assess(Assessment::Relationships, Some(relationship.id)),
            strategic: assess(Assessment::Strategic, Some(relationship.id)).map(|round| {
                strategic_results(toolkit, relationship, round, &ballots, &sides, threshold)
            }),
        })
        .collect();

    let mut results = WorkshopResults {
        workshop: workshop.clone(),
        threshold: threshold.get(),
        participation,
        benefits,
        relationships: relationship_results,
        relationship_map: RelationshipMap::from_relationships(relationships),
        actions: actions
            .iter()
            .map(|action| action_summary(action, responses, &sides))
            .collect(),
        focus_areas: Vec::new(),
    };
    results.focus_areas = suggest_focus_areas(&results);
    results
}

fn latest_round(
    rounds: &[Round],
    assessment: Assessment,
    subject: Option<RelationshipId>,
) -> Option<&Round> {
    rounds
        .iter()
        .filter(|round| round.assessment == assessment && round.subject == subject)
        .max_by_key(|round| round.id)
}

fn toolkit_items(toolkit: &Toolkit, assessment: Assessment) -> &[Item] {
    match assessment {
        Assessment::Benefits => &toolkit.benefits,
        Assessment::Relationships => &toolkit.relationship_questions,
        Assessment::Strategic => &toolkit.strategic_items,
    }
}

/// Keeps each person's latest answer to each item of each known round.
fn latest_ballots<'a>(rounds: &[Round], votes: &'a [Vote], sides: &Sides) -> Ballots<'a> {
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

fn assessment_results(
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

fn strategic_results(
    toolkit: &Toolkit,
    relationship: &Relationship,
    round: AssessmentResults,
    ballots: &Ballots,
    sides: &Sides,
    threshold: AnonymityThreshold,
) -> StrategicResults {
    // Who gave any 1–5 answer on this relationship, per side.
    let scorers: HashSet<&ParticipantId> = ballots
        .get(&round.round_id)
        .into_iter()
        .flat_map(|items| items.values().flatten())
        .filter(|(_, value)| value.score().is_some())
        .map(|(id, _)| id)
        .collect();
    let per_side = SideCounts::of(scorers.iter().copied(), sides);
    let enough = |count: u32| threshold.allows(count as usize);

    let in_order = round.in_toolkit_order();
    let score = side_scores(
        &in_order,
        per_side,
        enough,
        RelationshipScore::from_item_means,
    );
    let principles = toolkit
        .principles
        .iter()
        .map(|principle| {
            let items: Vec<&ItemResult> = in_order
                .iter()
                .copied()
                .filter(|item| item.group == principle.key)
                .collect();
            PrincipleScore {
                key: principle.key.clone(),
                name: principle.name.clone(),
                score: side_scores(&items, per_side, enough, SubScore::from_item_means),
            }
        })
        .collect();
    let axes = in_order
        .iter()
        .filter(|item| item.group == AXES_GROUP)
        .map(|item| (*item).clone())
        .collect();
    let case = score
        .all
        .as_ref()
        .map(|all| DeliveryCase::of(relationship.intended_strategic, all.score));
    let case_action = case.and_then(|case| {
        toolkit
            .cases
            .iter()
            .find(|info| info.key == case.key())
            .map(|info| info.action.clone())
    });
    StrategicResults {
        round,
        score,
        principles,
        axes,
        case,
        case_action,
    }
}

/// Scores each group from its shown item means, when enough of the group
/// voted on the relationship.
fn side_scores<T>(
    items: &[&ItemResult],
    voters: SideCounts,
    enough: impl Fn(u32) -> bool,
    score: fn(&[f64]) -> Option<T>,
) -> SideScores<T> {
    let group = |count: u32, pick: fn(&ItemResult) -> Option<&GroupStats>| {
        if !enough(count) {
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
        all: group(voters.total(), |item| item.all.as_ref()),
        council: group(voters.council, |item| item.council.as_ref()),
        vcs: group(voters.vcs, |item| item.vcs.as_ref()),
        other: group(voters.other, |item| item.other.as_ref()),
    }
}

fn action_summary(action: &Action, responses: &[ActionResponse], sides: &Sides) -> ActionSummary {
    ActionSummary {
        action: action.clone(),
        tally: Tally::of(action.id, responses, |id| sides.get(&id).copied()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Verdict;
    use crate::domain::fixtures::*;
    use crate::domain::scoring::Band;

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    fn benefits_results(
        threshold: u8,
        participants: &[Participant],
        votes: &[Vote],
    ) -> AssessmentResults {
        compute(
            &toolkit(),
            &workshop(threshold),
            participants,
            &[],
            &[round(1, Assessment::Benefits, None)],
            votes,
            &[],
            &[],
        )
        .benefits
        .unwrap()
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

    #[test]
    fn figures_and_comparison_for_an_item_both_sides_can_show() {
        let votes = [
            votes(1, "a1.direct.outcomes", 1, &[4, 4, 5]),
            votes(1, "a1.direct.outcomes", 4, &[2, 3, 3]),
        ]
        .concat();
        let results = benefits_results(3, &nine_people(), &votes);
        let item = results.item(&id("a1.direct.outcomes")).unwrap();
        close(item.council.as_ref().unwrap().mean, 13.0 / 3.0);
        close(item.vcs.as_ref().unwrap().mean, 8.0 / 3.0);
        let all = item.all.as_ref().unwrap();
        assert_eq!(all.n, 6);
        // 2, 3, 3, 4, 4, 5: mean 21/6, median (3 + 4) / 2.
        close(all.mean, 3.5);
        close(all.median, 3.5);
        assert_eq!(all.counts, [0, 1, 2, 2, 1]);
        assert_eq!(item.other, None);
        assert_eq!(item.not_sure, Some(0));
        let comparison = item.comparison.as_ref().unwrap();
        close(comparison.gap, 5.0 / 3.0);
        close(comparison.distance, 5.0 / 3.0);
        assert_eq!(comparison.verdict, Verdict::Diverges);
        assert_eq!(
            results.voters,
            SideCounts {
                council: 3,
                vcs: 3,
                other: 0
            }
        );
    }

    #[test]
    fn a_side_under_the_threshold_is_hidden_with_its_comparison_and_the_total() {
        // k = 3 and only two VCS voters: the VCS figures are hidden, so is the
        // comparison, and so is "all", which would give the two away.
        let votes = [
            votes(1, "a1.direct.outcomes", 1, &[4, 4, 5]),
            votes(1, "a1.direct.outcomes", 4, &[2, 3]),
        ]
        .concat();
        let results = benefits_results(3, &nine_people(), &votes);
        let item = results.item(&id("a1.direct.outcomes")).unwrap();
        assert!(item.council.is_some());
        assert_eq!(item.vcs, None);
        assert_eq!(item.comparison, None);
        assert_eq!(item.all, None);
        // Who voted may be shown.
        assert_eq!(
            results.voters,
            SideCounts {
                council: 3,
                vcs: 2,
                other: 0
            }
        );
    }

    #[test]
    fn not_sure_answers_do_not_count_towards_the_threshold() {
        // Three VCS voters, but one is not sure: only two are in the figures.
        let votes = [
            votes(1, "a1.direct.outcomes", 1, &[4, 4, 5]),
            votes(1, "a1.direct.outcomes", 4, &[2, 3, 0]),
        ]
        .concat();
        let results = benefits_results(3, &nine_people(), &votes);
        let item = results.item(&id("a1.direct.outcomes")).unwrap();
        assert_eq!(item.vcs, None);
        assert_eq!(item.comparison, None);
        // Six answered, so the count of "not sure" is shown.
        assert_eq!(item.not_sure, Some(1));
    }

    #[test]
    fn a_lone_not_sure_is_not_shown() {
        let results = benefits_results(3, &nine_people(), &[vote(1, "a1.direct.reach", 1, 0)]);
        let item = results.item(&id("a1.direct.reach")).unwrap();
        assert_eq!(item.not_sure, None);
        assert_eq!(item.all, None);
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
        let results = benefits_results(3, &nine_people(), &votes);
        let item = results.item(&id("a1.direct.outcomes")).unwrap();
        assert_eq!((item.vcs.is_some(), item.other.is_some()), (false, false));
        let all = item.all.as_ref().unwrap();
        assert_eq!(all.n, 6);
        close(all.mean, 21.0 / 6.0);
    }

    #[test]
    fn a_threshold_of_one_shows_single_voters() {
        let votes = [
            vote(1, "a1.direct.reach", 1, 4),
            vote(1, "a1.direct.reach", 4, 2),
        ];
        let results = benefits_results(1, &nine_people(), &votes);
        let item = results.item(&id("a1.direct.reach")).unwrap();
        close(item.comparison.as_ref().unwrap().gap, 2.0);
        assert_eq!(item.all.as_ref().unwrap().n, 2);
    }

    #[test]
    fn a_changed_vote_counts_once_at_its_latest_value() {
        let mut changed = vote(1, "a1.direct.reach", 1, 5);
        changed.cast_at = at(30);
        let votes = [vote(1, "a1.direct.reach", 1, 1), changed];
        let results = benefits_results(1, &nine_people(), &votes);
        let council = results
            .item(&id("a1.direct.reach"))
            .unwrap()
            .council
            .clone()
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
        let results = benefits_results(1, &nine_people(), &votes);
        assert_eq!(results.item(&id("a1.direct.reach")).unwrap().all, None);
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
        let results = benefits_results(1, &nine_people(), &votes);
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
        let results = benefits_results(1, &nine_people(), &votes);
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
        let results = compute(
            &toolkit(),
            &workshop(3),
            &everyone,
            &[],
            &[round(1, Assessment::Benefits, None)],
            &votes,
            &[],
            &[],
        );
        assert_eq!(
            results.participation.active,
            SideCounts {
                council: 2,
                vcs: 3,
                other: 2
            }
        );
        // The person who left still voted; "not sure" is a vote too.
        assert_eq!(
            results.participation.voters,
            SideCounts {
                council: 1,
                vcs: 1,
                other: 0
            }
        );
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
        compute(
            &toolkit(),
            &workshop(threshold),
            &nine_people(),
            &[relationship],
            &[round(2, Assessment::Strategic, Some(1))],
            votes,
            &[],
            &[],
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
        assert_eq!(results.axes[2].all, None);
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
        // "All" would give the two VCS voters away (all minus council).
        assert_eq!(results.score.all, None);
        assert_eq!(results.case, None);
        assert_eq!(results.case_action, None);
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
        let results = compute(
            &toolkit(),
            &workshop(3),
            &nine_people(),
            &[],
            &[],
            &[],
            &[
                action(1, "overlaps", false, day(1)),
                action(2, "", false, day(2)),
            ],
            &responses,
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
        let votes = [
            votes(1, "a1.direct.outcomes", 1, &[4, 4, 5]),
            votes(1, "a1.direct.outcomes", 4, &[2, 3, 3]),
        ]
        .concat();
        let results = compute(
            &toolkit(),
            &workshop(3),
            &nine_people(),
            &[],
            &[round(1, Assessment::Benefits, None)],
            &votes,
            &[],
            &[],
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
}
