//! What every figure is computed from: how many people on each side gave
//! each answer to each item of each round, and how many people voted. The
//! database counts these with a `GROUP BY`; nothing here needs to know who
//! gave which answer.

use std::collections::HashMap;

use crate::domain::tally::SideCounts;
use crate::domain::toolkit::Item;
use crate::domain::values::*;

/// How many people of one side gave one answer to one item of a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerCount {
    pub round: RoundId,
    pub item: ItemId,
    /// The side the answers count for: the voter's side when the round was
    /// revealed, or while it is open the side they have now.
    pub side: Side,
    pub value: VoteValue,
    pub people: u32,
}

/// How many people of one side voted in a round, and how many of them gave
/// at least one 1–5 answer in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundVoters {
    pub round: RoundId,
    pub side: Side,
    pub voters: u32,
    pub scorers: u32,
}

/// The votes of a workshop's participants in some of its rounds, counted:
/// each person's answer to each item once, for the side it counts for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VoteCounts {
    pub answers: Vec<AnswerCount>,
    pub rounds: Vec<RoundVoters>,
    /// People who voted in any of these rounds, per side their answers
    /// count for.
    pub voters: SideCounts,
}

/// How many of each side gave each answer to one item: `[side][code]`, with
/// sides in `Side::ALL` order and code 0 for "not sure".
pub(super) type ItemTally = [[u32; 6]; 3];

/// The place of a side in an `ItemTally`.
pub(super) fn side_index(side: Side) -> usize {
    match side {
        Side::Council => 0,
        Side::Vcs => 1,
        Side::Other => 2,
    }
}

/// One round's counts, its items interned by their place in the round.
#[derive(Debug, Clone, Default)]
pub(super) struct RoundTally {
    /// In the order of the round's items.
    pub items: Vec<ItemTally>,
    /// People who voted on anything in the round, per side.
    pub voters: SideCounts,
    /// People who gave any 1–5 answer in the round, per side.
    pub scorers: SideCounts,
}

impl VoteCounts {
    /// Each round's tally over the items it is reported on; answers to other
    /// items or rounds are left out of the item figures, but their voters
    /// still count as the round's voters.
    pub(super) fn by_round(&self, rounds: &[(RoundId, &[Item])]) -> HashMap<RoundId, RoundTally> {
        let mut places: HashMap<RoundId, HashMap<&str, usize>> = HashMap::new();
        let mut tallies: HashMap<RoundId, RoundTally> = HashMap::new();
        for (round, items) in rounds {
            places.insert(
                *round,
                items
                    .iter()
                    .enumerate()
                    .map(|(place, item)| (item.id.as_str(), place))
                    .collect(),
            );
            tallies.insert(
                *round,
                RoundTally {
                    items: vec![ItemTally::default(); items.len()],
                    ..RoundTally::default()
                },
            );
        }
        for answer in &self.answers {
            let place = places
                .get(&answer.round)
                .and_then(|items| items.get(answer.item.as_str()));
            let (Some(&place), Some(tally)) = (place, tallies.get_mut(&answer.round)) else {
                continue;
            };
            tally.items[place][side_index(answer.side)][usize::from(answer.value.code())] +=
                answer.people;
        }
        for people in &self.rounds {
            if let Some(tally) = tallies.get_mut(&people.round) {
                tally.voters.add(people.side, people.voters);
                tally.scorers.add(people.side, people.scorers);
            }
        }
        tallies
    }
}

#[cfg(test)]
mod from_rows {
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::domain::records::{Participant, Round, Vote};

    impl VoteCounts {
        /// The counts the database's `GROUP BY` gives, from the rows, for
        /// tests: each participant's latest answer to each item of these
        /// rounds, counted for the side they had when it was revealed, or
        /// while it is open the side they have now. Votes of anyone not in
        /// `participants` are left out, since their side is unknown.
        pub(crate) fn from_votes(
            rounds: &[Round],
            votes: &[Vote],
            participants: &[Participant],
        ) -> VoteCounts {
            let sides: HashMap<ParticipantId, Side> =
                participants.iter().map(|p| (p.id, p.side)).collect();
            let known: HashSet<RoundId> = rounds.iter().map(|round| round.id).collect();
            let mut latest: HashMap<(RoundId, &ItemId, ParticipantId), &Vote> = HashMap::new();
            for vote in votes {
                if !known.contains(&vote.round_id) || !sides.contains_key(&vote.participant_id) {
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
            let mut answers: HashMap<(RoundId, ItemId, Side, VoteValue), u32> = HashMap::new();
            let mut people: HashMap<RoundId, HashMap<ParticipantId, (Side, bool)>> = HashMap::new();
            let mut workshop_voters: HashSet<(ParticipantId, Side)> = HashSet::new();
            for ((round, item, participant), vote) in latest {
                let Some(side) = vote
                    .side_at_reveal
                    .or_else(|| sides.get(&participant).copied())
                else {
                    continue;
                };
                *answers
                    .entry((round, item.clone(), side, vote.value))
                    .or_default() += 1;
                let scored = vote.value.score().is_some();
                people
                    .entry(round)
                    .or_default()
                    .entry(participant)
                    .and_modify(|(kept, any)| {
                        *kept = side;
                        *any |= scored;
                    })
                    .or_insert((side, scored));
                workshop_voters.insert((participant, side));
            }
            let mut counts = VoteCounts::default();
            for ((round, item, side, value), people) in answers {
                counts.answers.push(AnswerCount {
                    round,
                    item,
                    side,
                    value,
                    people,
                });
            }
            for (round, people) in people {
                for side in Side::ALL {
                    let of_side = people.values().filter(|(s, _)| s == side);
                    counts.rounds.push(RoundVoters {
                        round,
                        side: *side,
                        voters: of_side.clone().count() as u32,
                        scorers: of_side.filter(|(_, scored)| *scored).count() as u32,
                    });
                }
            }
            for (_, side) in workshop_voters {
                counts.voters.add(side, 1);
            }
            counts
        }
    }
}
