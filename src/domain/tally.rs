//! Counting people by side: who takes part, who voted, and who agreed with
//! or objected to an action. Counts only, never names.

use std::collections::HashMap;

use serde::Serialize;

use super::records::{Action, ActionResponse};
use super::values::{ActionId, ParticipantId, Side, Stance};

/// Each known participant's side.
pub(crate) type Sides = HashMap<ParticipantId, Side>;

/// A number of people on each side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SideCounts {
    pub council: u32,
    pub vcs: u32,
    pub other: u32,
}

impl SideCounts {
    pub fn new(council: u32, vcs: u32, other: u32) -> SideCounts {
        SideCounts {
            council,
            vcs,
            other,
        }
    }

    /// Each side's count, from `count`.
    pub fn per_side(count: impl Fn(Side) -> u32) -> SideCounts {
        SideCounts {
            council: count(Side::Council),
            vcs: count(Side::Vcs),
            other: count(Side::Other),
        }
    }

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

    pub fn add(&mut self, side: Side, people: u32) {
        match side {
            Side::Council => self.council += people,
            Side::Vcs => self.vcs += people,
            Side::Other => self.other += people,
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
                Stance::Agree => tally.agree.add(side, 1),
                Stance::Object => tally.object.add(side, 1),
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

impl ActionSummary {
    /// The action with the responses to it counted by the responders' sides.
    pub(crate) fn of(
        action: &Action,
        responses: &[ActionResponse],
        sides: &Sides,
    ) -> ActionSummary {
        ActionSummary {
            action: action.clone(),
            tally: Tally::of(action.id, responses, |id| sides.get(&id).copied()),
        }
    }
}
