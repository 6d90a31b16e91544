//! The use cases, over the domain and the database. The command line and the
//! Discord bot are two thin front ends over this; neither knows SQL and this
//! knows nothing of Discord.

use std::sync::Arc;

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::db::{
    Db, DbError, ImportBatch, ImportOutcome, ImportVote, NewAction, NewParticipant,
    NewRelationship, NewWorkshop,
};
use crate::domain::*;
use crate::prompts::{Item, Toolkit};

/// The agree / object counts the bot shows on an action card.
pub use crate::domain::Tally;

/// The longest action text we keep; longer ones belong in a document.
pub const MAX_ACTION_TEXT: usize = 1000;
/// The longest workshop title or relationship name.
pub const MAX_TITLE: usize = 100;

/// Who is asking. The front end decides whether they are a facilitator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The person's Discord user id; `None` on the command line.
    pub external_id: Option<i64>,
    pub display_name: String,
    pub is_facilitator: bool,
}

/// What the service refuses, and why, in words for the person asking.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Invalid(String),
    #[error(
        "Only a facilitator can {0}. Ask someone with Manage Server, or with the workshop's facilitator role, to do it."
    )]
    NotFacilitator(&'static str),
    #[error("{0}")]
    NotFound(String),
    #[error(
        "You have not joined this workshop yet. Use /join to say which side you are on, then try again."
    )]
    NotParticipant,
    #[error(
        "Voting on this has closed because the results have been revealed or the round has ended. Your earlier vote, if any, still counts."
    )]
    VotingClosed,
    #[error(
        "This workshop is closed. Ask the facilitator to rerun it if you want to assess again."
    )]
    WorkshopClosed,
    #[error("That button belongs to a workshop in another server, so it cannot be used here.")]
    WrongPlace,
    #[error(
        "Something went wrong on our side. Please try again in a minute; if it keeps happening, tell the facilitator."
    )]
    Database(#[from] DbError),
}

impl ServiceError {
    /// Whether the message is meant for the person (true) or is a fault to log.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, ServiceError::Database(_))
    }
}

impl From<InvalidValue> for ServiceError {
    fn from(error: InvalidValue) -> Self {
        ServiceError::Invalid(error.0)
    }
}

pub type Result<T, E = ServiceError> = std::result::Result<T, E>;

/// Which rounds a set of results covers. The bot shows only what has been
/// revealed; the command line, run by the facilitator, shows everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsScope {
    Revealed,
    Everything,
}

/// Where the time comes from, so scenario tests can fix it.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }
}

/// What a facilitator fills in to create a workshop.
#[derive(Debug, Clone, Default)]
pub struct WorkshopRequest {
    pub title: String,
    pub mode: Option<Mode>,
    /// YYYY-MM-DD, as typed.
    pub deadline: Option<String>,
    pub anonymity_threshold: Option<u8>,
    pub place: Place,
    pub council_role: Option<i64>,
    pub vcs_role: Option<i64>,
    pub facilitator_role: Option<i64>,
}

/// A relationship as a participant describes it.
#[derive(Debug, Clone)]
pub struct RelationshipRequest {
    pub name: String,
    pub types: Vec<RelationshipType>,
    pub holder: Option<String>,
    pub level: Level,
    pub held: Held,
    pub intended_strategic: bool,
}

/// An action as proposed, every field as typed.
#[derive(Debug, Clone, Default)]
pub struct ActionRequest {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub prompted_by: String,
}

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
    /// The person's own current answer, if they gave one.
    pub own_vote: Option<VoteValue>,
}

/// Who has voted in a round, per side (never what).
#[derive(Debug, Clone, PartialEq)]
pub struct RoundProgress {
    pub round: Round,
    pub relationship: Option<String>,
    pub voted_council: usize,
    pub voted_vcs: usize,
    pub voted_other: usize,
    /// Active participants who have answered nothing in this round.
    pub not_voted: Vec<Participant>,
}

/// Something the bot should post on its own.
#[derive(Debug, Clone, PartialEq)]
pub enum Reminder {
    /// Voting closes tomorrow: these people have not answered everything.
    VotingClosesSoon {
        workshop: Workshop,
        round: Round,
        not_voted: Vec<Participant>,
    },
    /// An action in the plan has fallen due.
    ActionDue { workshop: Workshop, action: Action },
}

/// A row of a paper or spreadsheet vote file.
#[derive(Debug, Clone, serde::Deserialize)]
struct ImportRow {
    participant: String,
    side: String,
    item: String,
    #[serde(default)]
    subject: String,
    value: String,
}

#[derive(Debug, Clone)]
pub struct Service {
    db: Db,
    toolkit: Arc<Toolkit>,
    clock: Clock,
}

impl Service {
    pub fn new(db: Db, toolkit: Arc<Toolkit>, clock: Clock) -> Self {
        Self { db, toolkit, clock }
    }

    pub fn toolkit(&self) -> &Toolkit {
        &self.toolkit
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    fn today(&self) -> NaiveDate {
        self.clock.now().date_naive()
    }

    // ----- workshops -------------------------------------------------------

    pub async fn create_workshop(
        &self,
        actor: &Actor,
        request: WorkshopRequest,
    ) -> Result<Workshop> {
        require_facilitator(actor, "create a workshop")?;
        let title = clean_title(&request.title, "workshop title")?;
        let deadline = match request
            .deadline
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            Some(text) => Some(self.future_date(text, "deadline")?),
            None => None,
        };
        let anonymity_threshold = match request.anonymity_threshold {
            Some(k) => AnonymityThreshold::try_from(k)?,
            None => AnonymityThreshold::DEFAULT,
        };
        let new = NewWorkshop {
            title,
            mode: request.mode.unwrap_or(Mode::Live),
            anonymity_threshold,
            deadline,
            place: request.place,
            council_role: request.council_role,
            vcs_role: request.vcs_role,
            facilitator_role: request.facilitator_role,
            previous: None,
        };
        Ok(self.db.create_workshop(&new, self.clock.now()).await?)
    }

    /// Finds the workshop a command means. `wanted` is what the person typed
    /// (a number or a title); left out, it is the open workshop of the
    /// channel, or the server's only open one.
    pub async fn find_workshop(&self, place: Place, wanted: Option<&str>) -> Result<Workshop> {
        let open = self.db.open_workshops(place.guild_id).await?;
        let wanted = wanted.map(str::trim).filter(|w| !w.is_empty());
        if let Some(wanted) = wanted {
            if let Ok(number) = wanted.trim_start_matches('#').parse::<i64>()
                && let Some(workshop) = self.db.workshop(WorkshopId(number)).await?
                && workshop.place.guild_id == place.guild_id
            {
                return Ok(workshop);
            }
            let mut titled = self.db.workshops_titled(wanted).await?;
            titled.retain(|w| w.place.guild_id == place.guild_id);
            titled.sort_by_key(|w| (w.status != WorkshopStatus::Open, std::cmp::Reverse(w.id)));
            return titled.into_iter().next().ok_or_else(|| {
                ServiceError::NotFound(format!(
                    "There is no workshop called \"{wanted}\" here. Check the name, or leave it out to use this channel's workshop."
                ))
            });
        }
        if let Some(in_channel) = open
            .iter()
            .find(|w| place.channel_id.is_some() && w.place.channel_id == place.channel_id)
        {
            return Ok(in_channel.clone());
        }
        match open.as_slice() {
            [only] => Ok(only.clone()),
            [] => Err(ServiceError::NotFound(
                "There is no open workshop here. A facilitator can start one with /workshop create.".to_owned(),
            )),
            _ => Err(ServiceError::NotFound(
                "There is more than one open workshop in this server. Say which one with the workshop option.".to_owned(),
            )),
        }
    }

    /// A workshop by id, refused when it belongs to another server.
    pub async fn workshop_in(&self, id: WorkshopId, guild_id: Option<i64>) -> Result<Workshop> {
        let workshop = self.db.workshop(id).await?.ok_or_else(|| {
            ServiceError::NotFound(
                "That workshop no longer exists. Ask the facilitator which one to use.".to_owned(),
            )
        })?;
        if workshop.place.guild_id != guild_id {
            return Err(ServiceError::WrongPlace);
        }
        Ok(workshop)
    }

    /// Open workshops of a server, for autocomplete.
    pub async fn open_workshops(&self, guild_id: Option<i64>) -> Result<Vec<Workshop>> {
        Ok(self.db.open_workshops(guild_id).await?)
    }

    pub async fn close_workshop(&self, actor: &Actor, workshop: &Workshop) -> Result<()> {
        require_facilitator(actor, "close a workshop")?;
        for round in self.db.rounds(workshop.id).await? {
            if round.status == RoundStatus::Open {
                self.db.close_round(round.id).await?;
            }
        }
        self.db
            .set_workshop_status(workshop.id, WorkshopStatus::Closed)
            .await?;
        Ok(())
    }

    /// Starts the workshop again, linked to this one so results can be
    /// compared. Relationships are copied so they can be scored again;
    /// people join afresh.
    pub async fn rerun(&self, actor: &Actor, workshop: &Workshop, title: &str) -> Result<Workshop> {
        require_facilitator(actor, "rerun a workshop")?;
        let title = clean_title(title, "workshop title")?;
        let new = NewWorkshop {
            title,
            mode: workshop.mode,
            anonymity_threshold: workshop.anonymity_threshold,
            deadline: None,
            place: workshop.place,
            council_role: workshop.council_role,
            vcs_role: workshop.vcs_role,
            facilitator_role: workshop.facilitator_role,
            previous: Some(workshop.id),
        };
        let rerun = self.db.create_workshop(&new, self.clock.now()).await?;
        for relationship in self.db.relationships(workshop.id).await? {
            self.db
                .add_relationship(&NewRelationship {
                    workshop_id: rerun.id,
                    name: relationship.name,
                    types: relationship.types,
                    holder: relationship.holder,
                    level: relationship.level,
                    held: relationship.held,
                    intended_strategic: relationship.intended_strategic,
                    added_by: None,
                })
                .await?;
        }
        Ok(rerun)
    }

    // ----- participants ----------------------------------------------------

    pub async fn join(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        side: Side,
        organisation: Option<&str>,
    ) -> Result<Participant> {
        require_open(workshop)?;
        let organisation = organisation
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(|o| clip(o, MAX_TITLE));
        Ok(self
            .db
            .join(&NewParticipant {
                workshop_id: workshop.id,
                external_id: actor.external_id,
                display_name: clip(actor.display_name.trim(), MAX_TITLE),
                side,
                organisation,
            })
            .await?)
    }

    pub async fn leave(&self, workshop: &Workshop, actor: &Actor) -> Result<()> {
        let participant = self.participant(workshop, actor).await?;
        self.db
            .set_participant_active(participant.id, false)
            .await?;
        Ok(())
    }

    /// Deletes a person's name and organisation from every workshop. Their
    /// votes stay, as anonymous counts for their side.
    pub async fn forget_me(&self, external_id: i64) -> Result<u64> {
        Ok(self.db.forget_person(external_id).await?)
    }

    pub async fn participant(&self, workshop: &Workshop, actor: &Actor) -> Result<Participant> {
        let external_id = actor.external_id.ok_or(ServiceError::NotParticipant)?;
        match self
            .db
            .participant_by_external(workshop.id, external_id)
            .await?
        {
            Some(participant) if participant.active => Ok(participant),
            _ => Err(ServiceError::NotParticipant),
        }
    }

    // ----- relationships ---------------------------------------------------

    pub async fn add_relationship(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        request: RelationshipRequest,
    ) -> Result<Relationship> {
        require_open(workshop)?;
        let added_by = match actor.external_id {
            Some(_) => Some(self.participant(workshop, actor).await?.id),
            None => None,
        };
        let name = clean_title(&request.name, "relationship name")?;
        let types = distinct_types(&request.types)?;
        let holder = request
            .holder
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(|h| clip(h, MAX_TITLE));
        let new = NewRelationship {
            workshop_id: workshop.id,
            name: name.clone(),
            types,
            holder,
            level: request.level,
            held: request.held,
            intended_strategic: request.intended_strategic,
            added_by,
        };
        match self.db.add_relationship(&new).await {
            Err(DbError::DuplicateRelationshipName(_)) => Err(ServiceError::Invalid(format!(
                "A relationship called \"{name}\" is already registered. Use /relationship edit to change it, or choose another name."
            ))),
            other => Ok(other?),
        }
    }

    pub async fn edit_relationship(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        name: &str,
        request: RelationshipRequest,
    ) -> Result<Relationship> {
        require_open(workshop)?;
        if actor.external_id.is_some() && !actor.is_facilitator {
            self.participant(workshop, actor).await?;
        }
        let mut relationship = self.relationship_named(workshop, name).await?;
        relationship.name = clean_title(&request.name, "relationship name")?;
        relationship.types = distinct_types(&request.types)?;
        relationship.holder = request
            .holder
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(|h| clip(h, MAX_TITLE));
        relationship.level = request.level;
        relationship.held = request.held;
        relationship.intended_strategic = request.intended_strategic;
        match self.db.update_relationship(&relationship).await {
            Err(DbError::DuplicateRelationshipName(_)) => Err(ServiceError::Invalid(format!(
                "Another relationship is already called \"{}\". Choose a different name.",
                relationship.name
            ))),
            other => {
                other?;
                Ok(relationship)
            }
        }
    }

    pub async fn relationships(&self, workshop: &Workshop) -> Result<Vec<Relationship>> {
        Ok(self.db.relationships(workshop.id).await?)
    }

    pub async fn relationship_named(
        &self,
        workshop: &Workshop,
        name: &str,
    ) -> Result<Relationship> {
        self.db.relationship_named(workshop.id, name.trim()).await?.ok_or_else(|| {
            ServiceError::NotFound(format!(
                "There is no relationship called \"{}\" in this workshop. Use /relationship list to see the names.",
                name.trim()
            ))
        })
    }

    // ----- rounds and votes ------------------------------------------------

    /// Opens an assessment for voting. Assessments two and three are voted per
    /// relationship: with a relationship named, that one; without, every
    /// registered relationship that has no round yet.
    pub async fn open_assessment(
        &self,
        actor: &Actor,
        workshop: &Workshop,
        assessment: Assessment,
        relationship: Option<&str>,
    ) -> Result<Vec<Round>> {
        require_facilitator(actor, "open an assessment")?;
        require_open(workshop)?;
        let subjects: Vec<Option<Relationship>> = if !assessment.has_subject() {
            vec![None]
        } else if let Some(name) = relationship.map(str::trim).filter(|n| !n.is_empty()) {
            vec![Some(self.relationship_named(workshop, name).await?)]
        } else {
            let rounds = self.db.rounds(workshop.id).await?;
            let unassessed: Vec<Option<Relationship>> = self
                .db
                .relationships(workshop.id)
                .await?
                .into_iter()
                .filter(|r| {
                    !rounds
                        .iter()
                        .any(|round| round.assessment == assessment && round.subject == Some(r.id))
                })
                .map(Some)
                .collect();
            if unassessed.is_empty() {
                return Err(ServiceError::Invalid(
                    "There is no relationship left to assess. Register one with /relationship add, or name one in the relationship option."
                        .to_owned(),
                ));
            }
            unassessed
        };
        let mut opened = Vec::new();
        for subject in subjects {
            let subject_id = subject.as_ref().map(|r| r.id);
            let round = match self
                .db
                .current_round(workshop.id, assessment, subject_id)
                .await?
            {
                Some(round) if round.status == RoundStatus::Open => round,
                _ => {
                    self.db
                        .open_round(workshop.id, assessment, subject_id, self.clock.now())
                        .await?
                }
            };
            if workshop.mode == Mode::Async {
                let total = self.toolkit.items(assessment).len() as u32;
                self.db.set_items_posted(round.id, total).await?;
            }
            opened.push(self.round(round.id).await?);
        }
        Ok(opened)
    }

    pub async fn round(&self, id: RoundId) -> Result<Round> {
        self.db.round(id).await?.ok_or_else(|| {
            ServiceError::NotFound(
                "That round of voting no longer exists. Ask the facilitator to open it again."
                    .to_owned(),
            )
        })
    }

    pub async fn rounds(&self, workshop: &Workshop) -> Result<Vec<Round>> {
        Ok(self.db.rounds(workshop.id).await?)
    }

    /// The items of a round, in the toolkit's order.
    pub fn round_items(&self, round: &Round) -> &[Item] {
        self.toolkit.items(round.assessment)
    }

    /// Live mode: posts the next question of the open round; returns the
    /// round and the index of the item now on show.
    pub async fn next_item(&self, actor: &Actor, workshop: &Workshop) -> Result<(Round, u16)> {
        require_facilitator(actor, "post the next question")?;
        require_open(workshop)?;
        let rounds = self.db.rounds(workshop.id).await?;
        let round = rounds
            .into_iter()
            .filter(|r| r.status == RoundStatus::Open)
            .find(|r| (r.items_posted as usize) < self.toolkit.items(r.assessment).len())
            .ok_or_else(|| {
                ServiceError::Invalid(
                    "Every question of the open assessments is already posted. Reveal the results, or open another assessment.".to_owned(),
                )
            })?;
        let index = round.items_posted;
        self.db.set_items_posted(round.id, index + 1).await?;
        let index = u16::try_from(index).map_err(|_| {
            ServiceError::Invalid("This assessment has too many questions.".to_owned())
        })?;
        Ok((self.round(round.id).await?, index))
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
        let participant = self.participant(workshop, actor).await?;
        let round = self.round(round_id).await?;
        if round.workshop_id != workshop.id {
            return Err(ServiceError::WrongPlace);
        }
        let item = self
            .round_items(&round)
            .get(usize::from(item_index))
            .cloned()
            .ok_or_else(|| ServiceError::NotFound("That question is no longer in the toolkit. Open your ballot with /ballot to see the current ones.".to_owned()))?;
        if round.status != RoundStatus::Open {
            return Err(ServiceError::VotingClosed);
        }
        if let Some(deadline) = workshop.deadline.filter(|d| *d < self.today()) {
            return Err(ServiceError::Invalid(format!(
                "Voting closed at the end of {}, the workshop's deadline. Ask the facilitator if it should be extended.",
                deadline.format("%Y-%m-%d")
            )));
        }
        if u32::from(item_index) >= round.items_posted {
            return Err(ServiceError::Invalid(
                "That question has not been posted yet. Wait for the facilitator to post it, then vote on its card.".to_owned(),
            ));
        }
        if !self
            .db
            .cast_vote(round.id, &item.id, participant.id, value, self.clock.now())
            .await?
        {
            return Err(ServiceError::VotingClosed);
        }
        Ok(VoteReceipt { round, item, value })
    }

    /// Voters per side and who has not voted, for each open round.
    pub async fn progress(&self, workshop: &Workshop) -> Result<Vec<RoundProgress>> {
        let participants = self.db.participants(workshop.id).await?;
        let relationships = self.db.relationships(workshop.id).await?;
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

    async fn round_progress(
        &self,
        round: &Round,
        participants: &[Participant],
        relationships: &[Relationship],
    ) -> Result<RoundProgress> {
        let voters = self.db.voters_in_round(round.id).await?;
        let voted = |side: Side| {
            participants
                .iter()
                .filter(|p| p.side == side && voters.iter().any(|(id, _)| *id == p.id))
                .count()
        };
        let not_voted = participants
            .iter()
            .filter(|p| p.active && !voters.iter().any(|(id, _)| *id == p.id))
            .cloned()
            .collect();
        Ok(RoundProgress {
            round: round.clone(),
            relationship: subject_name(round, relationships),
            voted_council: voted(Side::Council),
            voted_vcs: voted(Side::Vcs),
            voted_other: voted(Side::Other),
            not_voted,
        })
    }

    /// Live-mode tallies for one round's card.
    pub async fn round_progress_of(
        &self,
        workshop: &Workshop,
        round: &Round,
    ) -> Result<RoundProgress> {
        let participants = self.db.participants(workshop.id).await?;
        let relationships = self.db.relationships(workshop.id).await?;
        self.round_progress(round, &participants, &relationships)
            .await
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
            for (index, item) in self.round_items(&round).iter().enumerate().take(posted) {
                let own_vote = votes
                    .iter()
                    .find(|v| v.participant_id == participant.id && v.item == item.id)
                    .map(|v| v.value);
                ballot.push(BallotItem {
                    round: round.clone(),
                    relationship: subject_name(&round, &relationships),
                    item_index: u16::try_from(index).unwrap_or(u16::MAX),
                    item: item.clone(),
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
        require_facilitator(actor, "reveal the results")?;
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
            return Err(ServiceError::Invalid(
                "Nothing is open to reveal. Open an assessment with /workshop open first, or check the assessment and relationship you chose."
                    .to_owned(),
            ));
        }
        Ok(revealed)
    }

    /// The workshop's results, with anonymity applied.
    pub async fn results(
        &self,
        workshop: &Workshop,
        scope: ResultsScope,
    ) -> Result<WorkshopResults> {
        let participants = self.db.participants(workshop.id).await?;
        let relationships = self.db.relationships(workshop.id).await?;
        let mut rounds = self.db.rounds(workshop.id).await?;
        if scope == ResultsScope::Revealed {
            rounds.retain(|round| round.status != RoundStatus::Open);
        }
        let votes = self.db.votes_in_workshop(workshop.id).await?;
        let actions = self.db.actions(workshop.id).await?;
        let responses = self.db.responses(workshop.id).await?;
        Ok(compute(
            &self.toolkit,
            workshop,
            &participants,
            &relationships,
            &rounds,
            &votes,
            &actions,
            &responses,
        ))
    }

    /// The results of the workshop this one re-runs, if any.
    pub async fn previous_results(
        &self,
        workshop: &Workshop,
        scope: ResultsScope,
    ) -> Result<Option<WorkshopResults>> {
        match workshop.previous {
            Some(previous) => match self.db.workshop(previous).await? {
                Some(previous) => Ok(Some(self.results(&previous, scope).await?)),
                None => Ok(None),
            },
            None => Ok(None),
        }
    }

    // ----- actions ---------------------------------------------------------

    pub async fn propose_action(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        request: ActionRequest,
    ) -> Result<Action> {
        require_open(workshop)?;
        let proposed_by = match actor.external_id {
            Some(_) => Some(self.participant(workshop, actor).await?.id),
            None => None,
        };
        let text = request.text.trim();
        if text.is_empty() {
            return Err(ServiceError::Invalid(
                "The action has no text. Say what will be done, in a sentence or two.".to_owned(),
            ));
        }
        if text.chars().count() > MAX_ACTION_TEXT {
            return Err(ServiceError::Invalid(format!(
                "The action is {} characters long; the limit is {MAX_ACTION_TEXT}. Shorten it and put the detail in a linked document.",
                text.chars().count()
            )));
        }
        let owner = request.owner.trim();
        if owner.is_empty() {
            return Err(ServiceError::Invalid("The action has no owner. Name the person, team or organisation who will take it forward.".to_owned()));
        }
        let due = self.future_date(&request.due, "due date")?;
        let new = NewAction {
            workshop_id: workshop.id,
            text: text.to_owned(),
            owner: clip(owner, MAX_TITLE),
            due,
            prompted_by: clip(request.prompted_by.trim(), MAX_TITLE),
            proposed_by,
        };
        Ok(self.db.add_action(&new, self.clock.now()).await?)
    }

    pub async fn action(&self, workshop: &Workshop, id: ActionId) -> Result<Action> {
        match self.db.action(id).await? {
            Some(action) if action.workshop_id == workshop.id => Ok(action),
            _ => Err(ServiceError::NotFound(format!(
                "There is no action number {id} in this workshop. Use /action list to see the numbers."
            ))),
        }
    }

    pub async fn actions(&self, workshop: &Workshop) -> Result<Vec<Action>> {
        Ok(self.db.actions(workshop.id).await?)
    }

    /// Records a participant's agree or object, and returns the new tally.
    pub async fn respond_to_action(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        id: ActionId,
        stance: Stance,
    ) -> Result<Tally> {
        require_open(workshop)?;
        let participant = self.participant(workshop, actor).await?;
        let action = self.action(workshop, id).await?;
        self.db
            .respond(action.id, participant.id, stance, self.clock.now())
            .await?;
        self.tally(workshop, action.id).await
    }

    pub async fn tally(&self, workshop: &Workshop, id: ActionId) -> Result<Tally> {
        let participants = self.db.participants(workshop.id).await?;
        let responses = self.db.responses(workshop.id).await?;
        Ok(Tally::of(id, &responses, |participant| {
            participants
                .iter()
                .find(|p| p.id == participant)
                .map(|p| p.side)
        }))
    }

    /// Remembers where an action's card was posted, so later changes can
    /// update it.
    pub async fn record_action_card(
        &self,
        workshop: &Workshop,
        id: ActionId,
        card: MessageRef,
    ) -> Result<()> {
        let action = self.action(workshop, id).await?;
        self.db.set_action_card(action.id, card).await?;
        Ok(())
    }

    pub async fn mark_agreed(
        &self,
        actor: &Actor,
        workshop: &Workshop,
        id: ActionId,
    ) -> Result<Action> {
        require_facilitator(actor, "mark an action as agreed")?;
        let action = self.action(workshop, id).await?;
        self.db.set_action_agreed(action.id, true).await?;
        self.action(workshop, id).await
    }

    /// Owners and facilitators move an action along; anyone who has joined
    /// may, since owners are often named as teams rather than people.
    pub async fn set_action_status(
        &self,
        actor: &Actor,
        workshop: &Workshop,
        id: ActionId,
        status: ActionStatus,
    ) -> Result<Action> {
        if !actor.is_facilitator {
            self.participant(workshop, actor).await?;
        }
        let action = self.action(workshop, id).await?;
        self.db.set_action_status(action.id, status).await?;
        self.action(workshop, id).await
    }

    /// The joint action plan: agreed actions under the toolkit's
    /// considerations, and the focus areas the results suggest.
    pub async fn plan(
        &self,
        workshop: &Workshop,
        scope: ResultsScope,
    ) -> Result<(WorkshopResults, ActionPlan)> {
        let results = self.results(workshop, scope).await?;
        let plan = compile_plan(&self.toolkit, &results);
        Ok((results, plan))
    }

    // ----- reminders -------------------------------------------------------

    /// What is due for a reminder now: open rounds of async workshops whose
    /// deadline is tomorrow or today, and actions that have fallen due.
    /// Each is marked sent here, so a restart neither loses nor repeats one.
    pub async fn take_due_reminders(&self) -> Result<Vec<Reminder>> {
        let now = self.clock.now();
        let today = now.date_naive();
        let mut reminders = Vec::new();
        for workshop in self.db.all_open_workshops().await? {
            let Some(deadline) = workshop.deadline else {
                continue;
            };
            if !reminder_due(deadline, today) {
                continue;
            }
            let participants = self.db.participants(workshop.id).await?;
            let relationships = self.db.relationships(workshop.id).await?;
            for round in self.db.rounds(workshop.id).await? {
                if round.status != RoundStatus::Open || round.reminder_sent_at.is_some() {
                    continue;
                }
                let progress = self
                    .round_progress(&round, &participants, &relationships)
                    .await?;
                self.db.mark_round_reminded(round.id, now).await?;
                if !progress.not_voted.is_empty() {
                    reminders.push(Reminder::VotingClosesSoon {
                        workshop: workshop.clone(),
                        round,
                        not_voted: progress.not_voted,
                    });
                }
            }
        }
        for action in self.db.actions_falling_due(today).await? {
            self.db.mark_action_reminded(action.id, now).await?;
            if let Some(workshop) = self.db.workshop(action.workshop_id).await? {
                reminders.push(Reminder::ActionDue { workshop, action });
            }
        }
        Ok(reminders)
    }

    // ----- import ----------------------------------------------------------

    /// Imports votes collected on paper or in another polling tool. All or
    /// nothing: every row is checked before anything is written.
    pub async fn import_votes(
        &self,
        title: &str,
        anonymity_threshold: Option<u8>,
        csv_text: &str,
    ) -> Result<ImportOutcome> {
        let title = clean_title(title, "workshop title")?;
        let anonymity_threshold = match anonymity_threshold {
            Some(k) => AnonymityThreshold::try_from(k)?,
            None => AnonymityThreshold::DEFAULT,
        };
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(csv_text.as_bytes());
        let mut participants: Vec<(String, Side)> = Vec::new();
        let mut relationships: Vec<String> = Vec::new();
        let mut votes = Vec::new();
        for (index, row) in reader.deserialize::<ImportRow>().enumerate() {
            let line = index + 2;
            let row = row.map_err(|e| {
                ServiceError::Invalid(format!(
                    "Line {line}: {}. The columns are participant,side,item,subject,value.",
                    csv_problem(&e)
                ))
            })?;
            let at_line = |message: String| {
                ServiceError::Invalid(format!("Line {line}: {message} Nothing was imported."))
            };
            let name = row.participant.trim();
            if name.is_empty() {
                return Err(at_line("the participant is empty.".to_owned()));
            }
            let side: Side = row.side.parse().map_err(|e: InvalidValue| at_line(e.0))?;
            let item: ItemId = row.item.parse().map_err(|e: InvalidValue| at_line(e.0))?;
            let (assessment, _) = self
                .toolkit
                .item(&item)
                .ok_or_else(|| at_line(format!("\"{item}\" is not a question in the toolkit. Use the ids listed by check-prompts.")))?;
            let value: VoteValue = row.value.parse().map_err(|e: InvalidValue| at_line(e.0))?;
            let subject = row.subject.trim();
            let relationship = match (assessment.has_subject(), subject.is_empty()) {
                (true, true) => {
                    return Err(at_line(format!(
                        "\"{item}\" is asked of a relationship, so the subject must name one."
                    )));
                }
                (false, false) => {
                    return Err(at_line(format!(
                        "\"{item}\" is not asked of a relationship, so leave the subject empty."
                    )));
                }
                (true, false) => Some(
                    clean_title(subject, "relationship name")
                        .map_err(|e| at_line(e.to_string()))?,
                ),
                (false, true) => None,
            };
            match participants
                .iter()
                .find(|(known, _)| known.eq_ignore_ascii_case(name))
            {
                Some((_, known_side)) if *known_side != side => {
                    return Err(at_line(format!(
                        "{name} was given as {known_side} on an earlier line and {side} here."
                    )));
                }
                Some(_) => {}
                None => participants.push((clip(name, MAX_TITLE), side)),
            }
            if let Some(relationship) = &relationship
                && !relationships
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(relationship))
            {
                relationships.push(relationship.clone());
            }
            votes.push(ImportVote {
                participant: clip(name, MAX_TITLE),
                assessment,
                relationship,
                item,
                value,
            });
        }
        if votes.is_empty() {
            return Err(ServiceError::Invalid("The file has no votes. Put one vote a line under the header participant,side,item,subject,value.".to_owned()));
        }
        let batch = ImportBatch {
            workshop: NewWorkshop {
                title,
                mode: Mode::Async,
                anonymity_threshold,
                deadline: None,
                place: Place::default(),
                council_role: None,
                vcs_role: None,
                facilitator_role: None,
                previous: None,
            },
            participants,
            relationships,
            votes,
        };
        Ok(self.db.import_batch(&batch, self.clock.now()).await?)
    }

    fn future_date(&self, text: &str, what: &str) -> Result<NaiveDate> {
        let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            ServiceError::Invalid(format!(
                "\"{}\" is not a date. Write the {what} as YYYY-MM-DD, for example {}.",
                text.trim(),
                self.today()
                    .checked_add_days(Days::new(28))
                    .unwrap_or(self.today())
                    .format("%Y-%m-%d")
            ))
        })?;
        if date < self.today() {
            return Err(ServiceError::Invalid(format!(
                "The {what} {} is in the past. Choose today or a later date.",
                date.format("%Y-%m-%d")
            )));
        }
        Ok(date)
    }
}

/// An async round is reminded on the day before its deadline, or on the day
/// itself if the bot was not running the day before.
fn reminder_due(deadline: NaiveDate, today: NaiveDate) -> bool {
    today <= deadline && deadline.signed_duration_since(today).num_days() <= 1
}

fn subject_name(round: &Round, relationships: &[Relationship]) -> Option<String> {
    round
        .subject
        .and_then(|id| relationships.iter().find(|r| r.id == id))
        .map(|r| r.name.clone())
}

fn require_facilitator(actor: &Actor, step: &'static str) -> Result<()> {
    if actor.is_facilitator {
        Ok(())
    } else {
        Err(ServiceError::NotFacilitator(step))
    }
}

fn require_open(workshop: &Workshop) -> Result<()> {
    match workshop.status {
        WorkshopStatus::Open => Ok(()),
        WorkshopStatus::Closed => Err(ServiceError::WorkshopClosed),
    }
}

fn clean_title(text: &str, what: &str) -> Result<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(ServiceError::Invalid(format!(
            "The {what} is empty. Give it a short name people will recognise."
        )));
    }
    if text.chars().count() > MAX_TITLE {
        return Err(ServiceError::Invalid(format!(
            "The {what} is {} characters long; the limit is {MAX_TITLE}. Choose a shorter one.",
            text.chars().count()
        )));
    }
    Ok(text)
}

fn distinct_types(types: &[RelationshipType]) -> Result<Vec<RelationshipType>> {
    let mut distinct = Vec::new();
    for kind in types {
        if !distinct.contains(kind) {
            distinct.push(*kind);
        }
    }
    if distinct.is_empty() {
        return Err(ServiceError::Invalid(
            "Give the relationship at least one type: shaping, ongoing, neighbourhood, commissioning or delivery.".to_owned(),
        ));
    }
    Ok(distinct)
}

fn clip(text: &str, limit: usize) -> String {
    text.chars().take(limit).collect()
}

fn csv_problem(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Deserialize { err, .. } => {
            format!("a column is missing or unreadable ({err})")
        }
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} columns but found {len}"),
        _ => "the line could not be read as CSV".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_go_out_the_day_before_the_deadline_or_on_the_day() {
        let deadline = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(!reminder_due(deadline, day(8)));
        assert!(reminder_due(deadline, day(9)));
        assert!(reminder_due(deadline, day(10)));
        assert!(!reminder_due(deadline, day(11)));
    }

    #[test]
    fn titles_are_tidied_and_limited() {
        assert_eq!(
            clean_title("  Spring   review ", "title").unwrap(),
            "Spring review"
        );
        assert!(
            clean_title("   ", "title")
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        assert!(
            clean_title(&"x".repeat(101), "title")
                .unwrap_err()
                .to_string()
                .contains("limit is 100")
        );
    }

    #[test]
    fn relationship_types_are_deduplicated_and_required() {
        let types = distinct_types(&[
            RelationshipType::Shaping,
            RelationshipType::Shaping,
            RelationshipType::Delivery,
        ])
        .unwrap();
        assert_eq!(
            types,
            vec![RelationshipType::Shaping, RelationshipType::Delivery]
        );
        assert!(distinct_types(&[]).is_err());
    }
}
