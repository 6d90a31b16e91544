//! The joint action plan: proposing actions, agreeing and objecting,
//! marking them agreed and moving them along.

use chrono::{Duration, NaiveDate};

use super::{
    Actor, MAX_ACTION_TEXT, MAX_TITLE, Refusal, Result, ResultsScope, Service, ServiceError, Tally,
    clip, require_open,
};
use crate::db::{ActionDraft, NewAction};
use crate::domain::{
    Action, ActionId, ActionPlan, ActionStatus, DateProblem, DraftId, MessageRef, Stance, Workshop,
    WorkshopResults, compile_plan, parse_date,
};

/// An action as proposed, every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionRequest {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub prompted_by: String,
}

/// A proposed action, and whether this request made it: a form submitted
/// twice makes one action, and the second time `is_new` is false.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub action: Action,
    pub is_new: bool,
}

/// Which date a person typed, for the words of a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateUse {
    Due,
    Deadline,
}

/// Why a typed due date or deadline was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFault {
    Unreadable(DateProblem),
    Past,
}

/// Why a proposed action was refused. The front end words it in its
/// reader's language with [`ActionProblem::words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionProblem {
    NoText,
    TooLong { chars: usize },
    NoOwner,
    Due { typed: String, fault: DateFault },
}

/// A proposed action that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CheckedAction {
    text: String,
    owner: String,
    due: NaiveDate,
    prompted_by: String,
}

/// How long a draft of a refused form is kept.
const DRAFT_KEPT_FOR: Duration = Duration::days(1);

impl DateFault {
    /// The refusal of `typed`.
    pub fn refusal(self, typed: &str, date_use: DateUse) -> Refusal {
        // Selects the words in the message; never shown itself.
        let what = match date_use {
            DateUse::Due => "due",
            DateUse::Deadline => "deadline",
        };
        let typed = clip(typed.trim(), MAX_TITLE);
        match self {
            DateFault::Unreadable(DateProblem::NotADate) => {
                Refusal::new(crate::key!("action-date-not-a-date"))
                    .with("typed", typed)
                    .with("what", what)
            }
            DateFault::Unreadable(DateProblem::NoSuchDay) => {
                Refusal::new(crate::key!("action-date-no-such-day")).with("typed", typed)
            }
            DateFault::Past => Refusal::new(crate::key!("action-date-past"))
                .with("typed", typed)
                .with("what", what),
        }
    }
}

impl ActionProblem {
    /// The refusal, which says what to change.
    pub fn refusal(&self) -> Refusal {
        match self {
            ActionProblem::NoText => Refusal::new(crate::key!("action-refused-no-text")),
            ActionProblem::TooLong { chars } => {
                Refusal::new(crate::key!("action-refused-too-long"))
                    .with("count", *chars)
                    .with("limit", MAX_ACTION_TEXT)
            }
            ActionProblem::NoOwner => Refusal::new(crate::key!("action-refused-no-owner")),
            ActionProblem::Due { typed, fault } => fault.refusal(typed, DateUse::Due),
        }
    }
}

impl From<&ActionRequest> for ActionDraft {
    fn from(request: &ActionRequest) -> Self {
        ActionDraft {
            text: request.text.clone(),
            owner: request.owner.clone(),
            due: request.due.clone(),
            prompted_by: request.prompted_by.clone(),
        }
    }
}

impl From<ActionDraft> for ActionRequest {
    fn from(draft: ActionDraft) -> Self {
        ActionRequest {
            text: draft.text,
            owner: draft.owner,
            due: draft.due,
            prompted_by: draft.prompted_by,
        }
    }
}

impl Service {
    /// A due date or deadline as typed: today or later.
    fn future_date(&self, typed: &str) -> std::result::Result<NaiveDate, DateFault> {
        let date = parse_date(typed).map_err(DateFault::Unreadable)?;
        if date < self.today() {
            return Err(DateFault::Past);
        }
        Ok(date)
    }

    /// A workshop's deadline as typed.
    pub(super) fn deadline_from(&self, typed: &str) -> Result<NaiveDate> {
        self.future_date(typed)
            .map_err(|fault| ServiceError::Invalid(fault.refusal(typed, DateUse::Deadline)))
    }

    /// Checks a proposed action as typed, without storing anything, so a
    /// front end can word a refusal itself and keep the form.
    pub fn check_action(&self, request: &ActionRequest) -> std::result::Result<(), ActionProblem> {
        self.checked_action(request).map(|_| ())
    }

    fn checked_action(
        &self,
        request: &ActionRequest,
    ) -> std::result::Result<CheckedAction, ActionProblem> {
        let text = request.text.trim();
        if text.is_empty() {
            return Err(ActionProblem::NoText);
        }
        let chars = text.chars().count();
        if chars > MAX_ACTION_TEXT {
            return Err(ActionProblem::TooLong { chars });
        }
        let owner = request.owner.trim();
        if owner.is_empty() {
            return Err(ActionProblem::NoOwner);
        }
        let due = self
            .future_date(&request.due)
            .map_err(|fault| ActionProblem::Due {
                typed: request.due.trim().to_owned(),
                fault,
            })?;
        Ok(CheckedAction {
            text: text.to_owned(),
            owner: clip(owner, MAX_TITLE),
            due,
            prompted_by: clip(request.prompted_by.trim(), MAX_TITLE),
        })
    }

    /// Stores a proposed action. `source_interaction` is the id of the
    /// submitted form it came from, if any: the same form submitted again
    /// returns the action it already made.
    pub async fn propose_action(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        request: ActionRequest,
        source_interaction: Option<i64>,
    ) -> Result<Proposal> {
        require_open(workshop)?;
        let proposed_by = self.contributor(workshop, actor).await?;
        let checked = self
            .checked_action(&request)
            .map_err(|problem| ServiceError::Invalid(problem.refusal()))?;
        let new = NewAction {
            workshop_id: workshop.id,
            text: checked.text,
            owner: checked.owner,
            due: checked.due,
            prompted_by: checked.prompted_by,
            proposed_by,
        };
        let now = self.clock.now();
        Ok(match source_interaction {
            Some(interaction) => {
                let (action, is_new) = self.db.insert_action_once(&new, interaction, now).await?;
                Proposal { action, is_new }
            }
            None => Proposal {
                action: self.db.add_action(&new, now).await?,
                is_new: true,
            },
        })
    }

    /// Keeps what someone typed into a refused form for a day, so that it
    /// can be opened again filled in.
    pub async fn keep_action_draft(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        request: &ActionRequest,
    ) -> Result<DraftId> {
        self.delete_stale_action_drafts().await?;
        Ok(self
            .db
            .keep_action_draft(
                workshop.id,
                actor.external_id,
                &request.into(),
                self.clock.now(),
            )
            .await?)
    }

    /// Deletes the drafts of refused forms older than a day.
    pub(super) async fn delete_stale_action_drafts(&self) -> Result<()> {
        self.db
            .delete_action_drafts_before(self.clock.now() - DRAFT_KEPT_FOR)
            .await?;
        Ok(())
    }

    /// The draft `id`, if it is this person's and less than a day old. It
    /// is used once: taking it deletes it.
    pub async fn take_action_draft(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        id: DraftId,
    ) -> Result<Option<ActionRequest>> {
        let stale_before = self.clock.now() - DRAFT_KEPT_FOR;
        let draft = self
            .db
            .take_action_draft(id, workshop.id, actor.external_id, stale_before)
            .await?;
        Ok(draft.map(ActionRequest::from))
    }

    pub async fn action(&self, workshop: &Workshop, id: ActionId) -> Result<Action> {
        match self.db.action(id).await? {
            Some(action) if action.workshop_id == workshop.id => Ok(action),
            _ => Err(ServiceError::NotFound(
                Refusal::new(crate::key!("action-not-found")).with("number", id.0),
            )),
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
        self.authorise(actor, workshop, "mark an action as agreed")?;
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
        let plan = compile_plan(self.toolkit_for(workshop), &results);
        Ok((results, plan))
    }
}
