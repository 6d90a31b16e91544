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

    fn add(&mut self, side: Side) {
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

/// A proposed action and how many on each side agreed or objected. Counts
/// only, never names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionSummary {
    pub action: Action,
    pub agree_council: u32,
    pub agree_vcs: u32,
    pub agree_other: u32,
    pub object_council: u32,
    pub object_vcs: u32,
    pub object_other: u32,
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
        comparison: council.as_ref().zip(vcs.as_ref()).map(|(c, v)| compare(c, v)),
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
    let score = side_scores(&in_order, per_side, enough, RelationshipScore::from_item_means);
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
    let mut agree = SideCounts::default();
    let mut object = SideCounts::default();
    for response in responses.iter().filter(|r| r.action_id == action.id) {
        let Some(side) = sides.get(&response.participant_id) else {
            continue;
        };
        match response.stance {
            Stance::Agree => agree.add(*side),
            Stance::Object => object.add(*side),
        }
    }
    ActionSummary {
        action: action.clone(),
        agree_council: agree.council,
        agree_vcs: agree.vcs,
        agree_other: agree.other,
        object_council: object.council,
        object_vcs: object.vcs,
        object_other: object.other,
    }
}
