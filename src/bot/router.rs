//! The framework's event handler: routes every button and modal by its
//! stateless `custom_id` to the card it belongs to, so cards keep working
//! after a restart. The bot uses no collectors, so every id is ours: each is
//! answered, failures privately, so nobody sees "This interaction failed".

use poise::serenity_prelude as serenity;

use super::cards::{action, ballot, join, vote};
use super::custom_id::ComponentAction;
use super::errors::answer_interaction_failure;
use super::support::{Press, private_words};
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
        serenity::Interaction::Component(component) => on_button(ctx, data, component).await,
        serenity::Interaction::Modal(modal) => on_form(ctx, data, modal).await,
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
) -> Result<(), Error> {
    use ComponentAction as A;
    let action = ComponentAction::parse(&pressed.data.custom_id)?;
    let press = || Press::new(ctx, data, pressed, action.workshop());
    match action {
        A::Vote {
            round,
            item_index,
            value,
            ..
        } => vote::on_vote(press().await?, round, item_index, value).await,
        A::BallotVote {
            round,
            item_index,
            value,
            ..
        } => ballot::on_ballot_vote(press().await?, round, item_index, value).await,
        A::BallotMove {
            position,
            direction,
            ..
        } => ballot::on_ballot_move(press().await?, position, direction).await,
        A::BallotStart { .. } => ballot::on_ballot_start(press().await?).await,
        A::ActionRespond { action, stance, .. } => {
            action::on_respond(press().await?, action, stance).await
        }
        A::ActionMarkAgreed { action, .. } => action::on_mark_agreed(press().await?, action).await,
        A::ActionFormAgain { draft, .. } => action::on_form_again(press().await?, draft).await,
        A::Join { side, .. } => join::on_join(press().await?, side).await,
        A::ChooseLanguage { language, .. } => {
            join::on_choose_language(press().await?, language).await
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
) -> Result<(), Error> {
    match ComponentAction::parse(&submitted.data.custom_id)? {
        ComponentAction::ActionProposeModal { workshop } => {
            action::on_propose_form(ctx, data, submitted, workshop).await
        }
        _ => {
            let words = private_words(data, submitted.guild_id, submitted.user.id).await;
            Err(UserError::new(crate::text!(words, "error-form-unreadable")).into())
        }
    }
}
