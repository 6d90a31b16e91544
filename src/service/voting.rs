//! Rounds of voting: open an assessment, post the next question, cast a
//! vote, walk the private ballot, follow progress and reveal.

use std::collections::HashSet;

use super::{Actor, Refusal, Result, Service, ServiceError, require_open};
use crate::db::{RoundOpening, VoteCard};
use crate::domain::Item;
use crate::domain::{
    Assessment, ItemId, Mode, Participant, ParticipantId, Relationship, Round, RoundId,
    RoundStatus, SideCounts, VoteValue, Workshop,
};

/// A vote the service recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct VoteReceipt {
    pub round: Round,
    pub item: Item,
    pub value: VoteValue,
}

/// One item a participant still has to answer, for the private ballot.
#[derive(Debug, Clone, PartialEq)]
pub struct BallotItem {
    pub round: Round,
    pub relationship: Option<String>,
    pub item_index: u16,
    pub item: Item,
    /// How many questions the round has.
    pub items_in_round: usize,
    /// The person's own current answer, if they gave one.
    pub own_vote: Option<VoteValue>,
}

/// How many have answered one question, per side (never what).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answered {
    pub by_side: SideCounts,
    /// Everyone taking part: those who may answer, and anyone who already
    /// did.
    pub taking_part: usize,
}

impl Answered {
    pub fn total(&self) -> usize {
        self.by_side.total() as usize
    }
}

/// Who has answered one posted question of a round (never what).
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionProgress {
    pub item_index: u16,
    pub item: Item,
    pub answered: Answered,
    /// Active participants who have not answered this question.
    pub not_answered: Vec<Participant>,
}

/// Who has answered each posted question of a round (never what).
#[derive(Debug, Clone, PartialEq)]
pub struct RoundProgress {
    pub round: Round,
    pub relationship: Option<String>,
    /// The posted questions, in order.
    pub questions: Vec<QuestionProgress>,
    /// Active participants who have not answered every posted question.
    pub not_voted: Vec<Participant>,
}

impl Service {
    /// Opens an assessment for voting. Assessments two and three are voted per
    /// relationship: with a relationship named, that one; without, every
    /// registered relationship that has no round yet, or whose round is open
    /// but not yet fully posted (a retry after a failure part way through).
    /// Opening is one transaction per round, so two facilitators opening at
    /// once get the same round.
    pub async fn open_assessment(
        &self,
        actor: &Actor,
        workshop: &Workshop,
        assessment: Assessment,
        relationship: Option<&str>,
    ) -> Result<Vec<Round>> {
        self.authorise(actor, workshop, "open an assessment")?;
        require_open(workshop)?;
        let subjects: Vec<Option<Relationship>> = if !assessment.has_subject() {
            vec![None]
        } else if let Some(name) = relationship.map(str::trim).filter(|n| !n.is_empty()) {
            vec![Some(self.relationship_named(workshop, name).await?)]
        } else {
            let rounds = self.db.rounds(workshop.id).await?;
            let mut unassessed = Vec::new();
            for candidate in self.db.relationships(workshop.id).await? {
                let latest = rounds.iter().rev().find(|round| {
                    round.assessment == assessment && round.subject == Some(candidate.id)
                });
                let wanted = match latest {
                    None => true,
                    Some(round) => {
                        round.status == RoundStatus::Open
                            && !self.db.round_opening(round.id).await?.posted
                    }
                };
                if wanted {
                    unassessed.push(Some(candidate));
                }
            }
            if unassessed.is_empty() {
                return Err(ServiceError::Invalid(Refusal::new(crate::key!(
                    "error-nothing-left-to-assess"
                ))));
            }
            unassessed
        };
        let items_posted = match workshop.settings.mode {
            Mode::Async => self.toolkit_for(workshop).items(assessment).len() as u32,
            Mode::Live => 0,
        };
        let mut opened = Vec::new();
        for subject in subjects {
            let subject_id = subject.as_ref().map(|r| r.id);
            let round = self
                .db
                .open_round_once(
                    workshop.id,
                    assessment,
                    subject_id,
                    items_posted,
                    self.clock.now(),
                )
                .await?
                .round;
            // Records the questions the round opens with.
            let items = self.round_items(&round).await?;
            if workshop.settings.mode == Mode::Async {
                let total = items.len() as u32;
                self.db.set_items_posted(round.id, total).await?;
            }
            opened.push(self.round(round.id).await?);
        }
        Ok(opened)
    }

    /// What the opening of a round has posted so far.
    pub async fn round_opening(&self, round: RoundId) -> Result<RoundOpening> {
        Ok(self.db.round_opening(round).await?)
    }

    /// Records where the discussion of these rounds was started.
    pub async fn record_discussion(&self, rounds: &[Round], channel_id: i64) -> Result<()> {
        for round in rounds {
            self.db.record_discussion(round.id, channel_id).await?;
        }
        Ok(())
    }

    /// Records that everything the opening of these rounds posts is posted.
    pub async fn mark_opening_posted(&self, rounds: &[Round]) -> Result<()> {
        for round in rounds {
            self.db
                .mark_opening_posted(round.id, self.clock.now())
                .await?;
        }
        Ok(())
    }

    /// Records where the card of a question was posted, now.
    pub async fn record_vote_card(
        &self,
        round: RoundId,
        item_index: u16,
        channel_id: i64,
        message_id: i64,
    ) -> Result<()> {
        let card = VoteCard {
            round_id: round,
            item_index,
            channel_id,
            message_id,
            posted_at: self.clock.now(),
        };
        Ok(self.db.record_vote_card(&card).await?)
    }

    /// The cards posted for a round, by question.
    pub async fn vote_cards(&self, round: RoundId) -> Result<Vec<VoteCard>> {
        Ok(self.db.vote_cards(round).await?)
    }

    /// How long ago a card was posted.
    pub fn card_age(&self, card: &VoteCard) -> chrono::TimeDelta {
        self.clock.now() - card.posted_at
    }

    pub async fn round(&self, id: RoundId) -> Result<Round> {
        self.db
            .round(id)
            .await?
            .ok_or_else(|| ServiceError::NotFound(Refusal::new(crate::key!("error-round-gone"))))
    }

    pub async fn rounds(&self, workshop: &Workshop) -> Result<Vec<Round>> {
        Ok(self.db.rounds(workshop.id).await?)
    }

    /// The items a round was opened with, in its order: index N of a round
    /// is always the same question. A round from before rounds kept this
    /// record takes the toolkit's items the first time, and keeps them.
    pub async fn round_items(&self, round: &Round) -> Result<Vec<Item>> {
        let recorded = self.db.round_items(round.id).await?;
        self.recorded_or_toolkit_items(round, recorded).await
    }

    /// The round's items as `recorded`, or, for a round opened before items
    /// were recorded, the toolkit's, recorded from now on.
    async fn recorded_or_toolkit_items(
        &self,
        round: &Round,
        recorded: Vec<Item>,
    ) -> Result<Vec<Item>> {
        if !recorded.is_empty() {
            return Ok(recorded);
        }
        // The words of the workshop's language, kept from now on.
        let workshop = self.db.workshop(round.workshop_id).await?.ok_or_else(|| {
            ServiceError::NotFound(Refusal::new(crate::key!("error-workshop-gone")))
        })?;
        let items = self.toolkit_for(&workshop).items(round.assessment);
        Ok(self.db.record_round_items(round.id, items).await?)
    }

    /// Live mode: posts the next question of the open round; returns the
    /// round and the index of the item now on show. The count moves on by a
    /// conditional increment, so two calls at once never post the same
    /// question. If its card cannot be posted, [`Service::take_back_item`].
    pub async fn next_item(&self, actor: &Actor, workshop: &Workshop) -> Result<(Round, u16)> {
        self.authorise(actor, workshop, "post the next question")?;
        require_open(workshop)?;
        loop {
            let mut unposted = None;
            for round in self.db.rounds(workshop.id).await? {
                if round.status == RoundStatus::Open
                    && (round.items_posted as usize) < self.round_items(&round).await?.len()
                {
                    unposted = Some(round);
                    break;
                }
            }
            let round = unposted.ok_or_else(|| {
                ServiceError::Invalid(Refusal::new(crate::key!("error-all-posted")))
            })?;
            let index = round.items_posted;
            // Someone else moved the count on first: look again.
            if self.db.post_next_item(round.id, index).await?.is_none() {
                continue;
            }
            let index = u16::try_from(index).map_err(|_| {
                ServiceError::Invalid(Refusal::new(crate::key!("error-too-many-questions")))
            })?;
            return Ok((self.round(round.id).await?, index));
        }
    }

    /// At start-up: a live question marked posted whose card was never
    /// recorded (the bot stopped between the two steps of `/workshop next`)
    /// is taken back, so the next `/workshop next` posts it rather than
    /// skipping it. Returns how many were taken back. A card whose record
    /// alone failed is posted once more: a second card for the same question
    /// is harmless, a question with no card is not.
    pub async fn take_back_cardless_questions(&self) -> Result<usize> {
        let mut taken_back = 0;
        for workshop in self.db.all_open_workshops().await? {
            if workshop.settings.mode != Mode::Live {
                continue;
            }
            for round in self.db.rounds(workshop.id).await? {
                let Some(last) = round.items_posted.checked_sub(1) else {
                    continue;
                };
                if round.status != RoundStatus::Open {
                    continue;
                }
                let index = u16::try_from(last).unwrap_or(u16::MAX);
                let cards = self.db.vote_cards(round.id).await?;
                if !cards.iter().any(|card| card.item_index == index)
                    && self.db.unpost_item(round.id, last).await?
                {
                    taken_back += 1;
                }
            }
        }
        Ok(taken_back)
    }

    /// Takes back the question [`Service::next_item`] posted when its card
    /// could not be posted, so that trying again posts it; nothing changes if
    /// a later question was posted since.
    pub async fn take_back_item(&self, round: RoundId, index: u16) -> Result<bool> {
        Ok(self.db.unpost_item(round, u32::from(index)).await?)
    }

    /// Records a vote (or replaces the person's earlier vote) while the round
    /// is open. A vote this returns is in the database.
    pub async fn cast_vote(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        round_id: RoundId,
        item_index: u16,
        value: VoteValue,
    ) -> Result<VoteReceipt> {
        require_open(workshop)?;
        // The three reads at once, on separate connections: a confirmation
        // waits for the slowest, not for their sum. Their failures still
        // count in this order.
        let (participant, round, recorded_items) = tokio::join!(
            self.participant(workshop, actor),
            self.round(round_id),
            self.db.round_items(round_id),
        );
        let participant = participant?;
        let round = round?;
        if round.workshop_id != workshop.id {
            return Err(ServiceError::WrongPlace);
        }
        let items = self
            .recorded_or_toolkit_items(&round, recorded_items?)
            .await?;
        let item = items.get(usize::from(item_index)).cloned().ok_or_else(|| {
            ServiceError::NotFound(Refusal::new(crate::key!("error-question-gone")))
        })?;
        if round.status != RoundStatus::Open {
            return Err(self.voting_closed(&round, &item, &participant).await);
        }
        if let Some(deadline) = workshop.settings.deadline.filter(|d| *d < self.today()) {
            return Err(ServiceError::Invalid(
                Refusal::new(crate::key!("error-deadline-passed"))
                    .with("deadline", deadline.format("%Y-%m-%d").to_string()),
            ));
        }
        if u32::from(item_index) >= round.items_posted {
            return Err(ServiceError::Invalid(Refusal::new(crate::key!(
                "error-question-not-posted"
            ))));
        }
        if !self
            .db
            .cast_vote(round.id, &item.id, participant.id, value, self.clock.now())
            .await?
        {
            return Err(self.voting_closed(&round, &item, &participant).await);
        }
        Ok(VoteReceipt { round, item, value })
    }

    /// The refusal of a vote on a closed question, saying whether the
    /// person's earlier vote stands.
    async fn voting_closed(
        &self,
        round: &Round,
        item: &Item,
        participant: &Participant,
    ) -> ServiceError {
        match self.db.vote_of(round.id, &item.id, participant.id).await {
            Ok(earlier) => ServiceError::VotingClosed {
                earlier_vote: earlier.is_some(),
            },
            Err(error) => error.into(),
        }
    }

    /// Who has answered each posted question of each open round, per side,
    /// and who has not (never what); for a facilitator only.
    pub async fn progress(&self, actor: &Actor, workshop: &Workshop) -> Result<Vec<RoundProgress>> {
        self.authorise(actor, workshop, "see who has voted")?;
        let (participants, relationships) = self.participants_and_relationships(workshop).await?;
        let mut progress = Vec::new();
        for round in self.db.rounds(workshop.id).await? {
            if round.status != RoundStatus::Open {
                continue;
            }
            progress.push(
                self.round_progress(&round, &participants, &relationships)
                    .await?,
            );
        }
        Ok(progress)
    }

    /// Who has answered one question, per side, for its live card.
    pub async fn question_answered(
        &self,
        workshop: &Workshop,
        round: &Round,
        item_index: u16,
    ) -> Result<Answered> {
        let items = self.round_items(round).await?;
        let item = items.get(usize::from(item_index)).ok_or_else(|| {
            ServiceError::NotFound(Refusal::new(crate::key!("error-question-gone-no-card")))
        })?;
        let mut answered = Answered::default();
        for (side, count) in self.db.answers_per_side(round.id, &item.id).await? {
            answered.by_side.add(side, count);
        }
        let active = self
            .db
            .participants(workshop.id)
            .await?
            .iter()
            .filter(|p| p.active)
            .count();
        answered.taking_part = active.max(answered.total());
        Ok(answered)
    }

    pub(super) async fn participants_and_relationships(
        &self,
        workshop: &Workshop,
    ) -> Result<(Vec<Participant>, Vec<Relationship>)> {
        Ok((
            self.db.participants(workshop.id).await?,
            self.db.relationships(workshop.id).await?,
        ))
    }

    pub(super) async fn round_progress(
        &self,
        round: &Round,
        participants: &[Participant],
        relationships: &[Relationship],
    ) -> Result<RoundProgress> {
        let answerers: HashSet<(ItemId, ParticipantId)> = self
            .db
            .answerers_in_round(round.id)
            .await?
            .into_iter()
            .collect();
        let posted = round.items_posted as usize;
        let mut questions = Vec::new();
        for (index, item) in self
            .round_items(round)
            .await?
            .iter()
            .enumerate()
            .take(posted)
        {
            let answered_it = |p: &Participant| answerers.contains(&(item.id.clone(), p.id));
            let mut answered = Answered::default();
            for person in participants.iter().filter(|p| answered_it(p)) {
                answered.by_side.add(person.side, 1);
            }
            let not_answered: Vec<Participant> = participants
                .iter()
                .filter(|p| p.active && !answered_it(p))
                .cloned()
                .collect();
            answered.taking_part = answered.total() + not_answered.len();
            questions.push(QuestionProgress {
                item_index: u16::try_from(index).unwrap_or(u16::MAX),
                item: item.clone(),
                answered,
                not_answered,
            });
        }
        let not_voted = participants
            .iter()
            .filter(|p| {
                questions
                    .iter()
                    .any(|q| q.not_answered.iter().any(|n| n.id == p.id))
            })
            .cloned()
            .collect();
        Ok(RoundProgress {
            round: round.clone(),
            relationship: subject_name(round, relationships),
            questions,
            not_voted,
        })
    }

    /// Every posted, open item, with the person's own answer where they gave
    /// one, in order: the private ballot walks through these.
    pub async fn ballot(&self, workshop: &Workshop, actor: &Actor) -> Result<Vec<BallotItem>> {
        let participant = self.participant(workshop, actor).await?;
        let relationships = self.db.relationships(workshop.id).await?;
        let mut ballot = Vec::new();
        for round in self.db.rounds(workshop.id).await? {
            if round.status != RoundStatus::Open {
                continue;
            }
            let votes = self.db.votes_in_round(round.id).await?;
            let posted = round.items_posted as usize;
            let items = self.round_items(&round).await?;
            for (index, item) in items.iter().enumerate().take(posted) {
                let own_vote = votes
                    .iter()
                    .find(|v| v.participant_id == participant.id && v.item == item.id)
                    .map(|v| v.value);
                ballot.push(BallotItem {
                    round: round.clone(),
                    relationship: subject_name(&round, &relationships),
                    item_index: u16::try_from(index).unwrap_or(u16::MAX),
                    item: item.clone(),
                    items_in_round: items.len(),
                    own_vote,
                });
            }
        }
        Ok(ballot)
    }

    /// Reveals open rounds: all of them, or those of one assessment, or one
    /// relationship's. Votes can no longer change once revealed.
    pub async fn reveal(
        &self,
        actor: &Actor,
        workshop: &Workshop,
        assessment: Option<Assessment>,
        relationship: Option<&str>,
    ) -> Result<Vec<Round>> {
        self.authorise(actor, workshop, "reveal the results")?;
        let subject = match relationship.map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => Some(self.relationship_named(workshop, name).await?.id),
            None => None,
        };
        let mut revealed = Vec::new();
        for round in self.db.rounds(workshop.id).await? {
            let wanted = round.status == RoundStatus::Open
                && assessment.is_none_or(|a| a == round.assessment)
                && subject.is_none_or(|s| round.subject == Some(s));
            if wanted
                && self
                    .db
                    .reveal_round(round.id, actor.external_id, self.clock.now())
                    .await?
            {
                revealed.push(self.round(round.id).await?);
            }
        }
        if revealed.is_empty() {
            return Err(ServiceError::Invalid(Refusal::new(crate::key!(
                "error-nothing-to-reveal"
            ))));
        }
        Ok(revealed)
    }
}

fn subject_name(round: &Round, relationships: &[Relationship]) -> Option<String> {
    round
        .subject
        .and_then(|id| relationships.iter().find(|r| r.id == id))
        .map(|r| r.details.name.clone())
}
