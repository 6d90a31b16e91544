//! The joint action plan: proposing actions, agreeing and objecting,
//! marking them agreed and moving them along.

use super::{
    Actor, MAX_ACTION_TEXT, MAX_TITLE, Result, ResultsScope, Service, ServiceError, Tally, clip,
    require_facilitator, require_open,
};
use crate::db::NewAction;
use crate::domain::{
    Action, ActionId, ActionPlan, ActionStatus, MessageRef, Stance, Workshop, WorkshopResults,
    compile_plan,
};

/// An action as proposed, every field as typed.
#[derive(Debug, Clone, Default)]
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

impl Service {
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
        require_facilitator(actor, workshop.facilitator_role, "mark an action as agreed")?;
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
}
