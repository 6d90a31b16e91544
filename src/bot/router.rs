//! The framework's event handler: routes every button and modal by its
//! stateless `custom_id` to the card it belongs to, so cards keep working
//! after a restart. The bot uses no collectors, so every id is ours: each is
//! answered, failures privately, so nobody sees "This interaction failed".

use poise::serenity_prelude as serenity;

use super::cards::{action, ballot, join, vote};
use super::custom_id::{ComponentAction, CustomIdError};
use super::errors::answer_interaction_failure;
use super::support::private_words;
use super::{Data, Error, UserError};

/// Passed to poise as `FrameworkOptions::event_handler`.
pub fn handle_event<'a>(
    framework: poise::FrameworkContext<'a, Data, Error>,
    event: &'a serenity::FullEvent,
) -> poise::BoxFuture<'a, Result<(), Error>> {
    Box::pin(async move {
        if let serenity::FullEvent::InteractionCreate { interaction } = event {
            route(framework.serenity_context, framework.user_data, interaction).await;
        }
        Ok(())
    })
}

async fn route(ctx: &serenity::Context, data: &Data, interaction: &serenity::Interaction) {
    let outcome = match interaction {
        serenity::Interaction::Component(component) => {
            let parsed = ComponentAction::parse(&component.data.custom_id);
            on_button(ctx, data, component, parsed).await
        }
        serenity::Interaction::Modal(modal) => {
            let parsed = ComponentAction::parse(&modal.data.custom_id);
            on_form(ctx, data, modal, parsed).await
        }
        // Commands and autocomplete are poise's.
        _ => return,
    };
    if let Err(error) = outcome {
        answer_interaction_failure(ctx, data, interaction, &error).await;
    }
}

async fn on_button(
    ctx: &serenity::Context,
    data: &Data,
    pressed: &serenity::ComponentInteraction,
    parsed: Result<ComponentAction, CustomIdError>,
) -> Result<(), Error> {
    use ComponentAction as A;
    match parsed? {
        A::Vote {
            workshop,
            round,
            item_index,
            value,
        } => vote::on_vote(ctx, data, pressed, workshop, round, item_index, value).await,
        A::BallotVote {
            workshop,
            round,
            item_index,
            value,
        } => ballot::on_ballot_vote(ctx, data, pressed, workshop, round, item_index, value).await,
        A::BallotMove {
            workshop,
            position,
            direction,
        } => ballot::on_ballot_move(ctx, data, pressed, workshop, position, direction).await,
        A::BallotStart { workshop } => ballot::on_ballot_start(ctx, data, pressed, workshop).await,
        A::ActionRespond {
            workshop,
            action,
            stance,
        } => action::on_respond(ctx, data, pressed, workshop, action, stance).await,
        A::ActionMarkAgreed { workshop, action } => {
            action::on_mark_agreed(ctx, data, pressed, workshop, action).await
        }
        A::ActionFormAgain { workshop, draft } => {
            action::on_form_again(ctx, data, pressed, workshop, draft).await
        }
        A::Join { workshop, side } => join::on_join(ctx, data, pressed, workshop, side).await,
        A::ChooseLanguage { workshop, language } => {
            join::on_choose_language(ctx, data, pressed, workshop, language).await
        }
        A::ActionProposeModal { .. } => {
            let words = private_words(data, pressed.guild_id, pressed.user.id).await;
            Err(UserError::new(crate::text!(words, "error-button-unreadable")).into())
        }
    }
}

async fn on_form(
    ctx: &serenity::Context,
    data: &Data,
    submitted: &serenity::ModalInteraction,
    parsed: Result<ComponentAction, CustomIdError>,
) -> Result<(), Error> {
    match parsed? {
        ComponentAction::ActionProposeModal { workshop } => {
            action::on_propose_form(ctx, data, submitted, workshop).await
        }
        _ => {
            let words = private_words(data, submitted.guild_id, submitted.user.id).await;
            Err(UserError::new(crate::text!(words, "error-form-unreadable")).into())
        }
    }
}
