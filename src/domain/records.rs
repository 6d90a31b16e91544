//! The things a workshop is made of, as the database layer hands them to the
//! rest of the program. Discord ids are plain integers here.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::language::WorkshopLanguage;
use super::toolkit::Item;
use super::values::*;

/// Where a workshop lives on Discord. Workshops made from the command line
/// have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Place {
    pub guild_id: Option<i64>,
    pub channel_id: Option<i64>,
}

/// The Discord roles that mean council, VCS and facilitator, when set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Roles {
    pub council: Option<i64>,
    pub vcs: Option<i64>,
    pub facilitator: Option<i64>,
}

/// How a workshop is set up: what creating, rerunning or importing one
/// stores, and all of a stored one but its id, status and age.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkshopSettings {
    pub title: String,
    pub mode: Mode,
    pub anonymity_threshold: AnonymityThreshold,
    /// The last day of voting, in async mode.
    pub deadline: Option<NaiveDate>,
    pub place: Place,
    pub roles: Roles,
    /// The workshop this one re-runs, for comparison.
    pub previous: Option<WorkshopId>,
    /// What the bot posts for it and its reports are written in.
    pub language: WorkshopLanguage,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workshop {
    pub id: WorkshopId,
    pub status: WorkshopStatus,
    pub created_at: DateTime<Utc>,
    #[serde(flatten)]
    pub settings: WorkshopSettings,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub id: ParticipantId,
    pub workshop_id: WorkshopId,
    /// The person's Discord user id; `None` for people imported from paper
    /// and for people who asked to be forgotten.
    pub external_id: Option<i64>,
    pub display_name: String,
    pub side: Side,
    pub organisation: Option<String>,
    /// False once the person has left the workshop.
    pub active: bool,
    /// True once the person has asked to be forgotten.
    pub forgotten: bool,
}

/// A relationship as somebody describes it: what registering one or editing
/// one gives, before the database has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipDetails {
    pub name: String,
    /// One or more of the five types, first the main one.
    pub types: Vec<RelationshipType>,
    /// Who holds it: a department or a role.
    pub holder: Option<String>,
    pub level: Level,
    pub held: Held,
    pub intended_strategic: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relationship {
    pub id: RelationshipId,
    pub workshop_id: WorkshopId,
    #[serde(flatten)]
    pub details: RelationshipDetails,
    pub added_by: Option<ParticipantId>,
}

/// A set of items open for voting: one assessment, and for assessments two
/// and three one relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Round {
    pub id: RoundId,
    pub workshop_id: WorkshopId,
    pub assessment: Assessment,
    pub subject: Option<RelationshipId>,
    pub status: RoundStatus,
    /// Live mode: how many of the round's items the facilitator has posted.
    pub items_posted: u32,
    pub opened_at: DateTime<Utc>,
    pub revealed_at: Option<DateTime<Utc>>,
    /// When the "a day left" reminder went out, so it goes out once.
    pub reminder_sent_at: Option<DateTime<Utc>>,
}

/// The items each round was opened with, in the order it showed them: a
/// round always means the questions it showed, whatever the toolkit says
/// later.
pub type RoundItems = HashMap<RoundId, Vec<Item>>;

#[derive(Debug, Clone, PartialEq)]
pub struct Vote {
    pub round_id: RoundId,
    pub item: ItemId,
    pub participant_id: ParticipantId,
    pub value: VoteValue,
    pub cast_at: DateTime<Utc>,
    /// The voter's side when the vote was revealed, which it counts for from
    /// then on; `None` while it is open.
    pub side_at_reveal: Option<Side>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    pub id: ActionId,
    pub workshop_id: WorkshopId,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    /// What prompted it, as the proposer wrote it: an item id, a
    /// relationship's name, a consideration's key or free words.
    pub prompted_by: String,
    pub status: ActionStatus,
    /// Marked agreed by the facilitator.
    pub agreed: bool,
    pub proposed_by: Option<ParticipantId>,
    pub created_at: DateTime<Utc>,
    /// When the owner was reminded that it fell due, so it happens once.
    pub reminder_sent_at: Option<DateTime<Utc>>,
    /// Where its card was posted on Discord, when it was.
    pub card: Option<MessageRef>,
}

/// A message on Discord, by its channel and message ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MessageRef {
    pub channel_id: i64,
    pub message_id: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ActionResponse {
    pub action_id: ActionId,
    pub participant_id: ParticipantId,
    pub stance: Stance,
}
