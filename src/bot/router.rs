//! The framework's event handler: routes every button and modal by its
//! stateless `custom_id`, so cards keep working after a restart. The bot
//! uses no collectors, so every id is ours: each is answered, failures
//! privately, so nobody sees "This interaction failed".

use poise::serenity_prelude as serenity;

use super::custom_id::{ComponentAction, CustomIdError};
use super::{Data, Error, UserError, actions, participants, voting};

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
            on_component(ctx, data, component, parsed).await
        }
        serenity::Interaction::Modal(modal) => {
            let parsed = ComponentAction::parse(&modal.data.custom_id);
            on_modal(ctx, data, modal, parsed).await
        }
        // Commands and autocomplete are poise's.
        _ => return,
    };
    if let Err(error) = outcome {
        super::answer_interaction_failure(ctx, interaction, &error).await;
    }
}

const NOT_A_BUTTON: &str = "This button could not be understood, so nothing was changed. \
                            Ask the facilitator to post the card again.";
const NOT_A_FORM: &str = "This form could not be understood, so nothing was saved. \
                          Please start again with the command.";

async fn on_component(
    ctx: &serenity::Context,
    data: &Data,
    component: &serenity::ComponentInteraction,
    parsed: Result<ComponentAction, CustomIdError>,
) -> Result<(), Error> {
    let action = parsed?;
    match action {
        ComponentAction::Vote { .. } => voting::vote(ctx, data, component, &action).await,
        ComponentAction::BallotVote { .. }
        | ComponentAction::BallotMove { .. }
        | ComponentAction::BallotStart { .. } => {
            voting::ballot_click(ctx, data, component, &action).await
        }
        ComponentAction::ActionRespond { .. } | ComponentAction::ActionMarkAgreed { .. } => {
            actions::handle_component(ctx, data, component, &action).await
        }
        ComponentAction::Join { .. } => {
            participants::handle_component(ctx, data, component, &action).await
        }
        ComponentAction::ActionProposeModal { .. } => Err(UserError::new(NOT_A_BUTTON).into()),
    }
}

async fn on_modal(
    ctx: &serenity::Context,
    data: &Data,
    modal: &serenity::ModalInteraction,
    parsed: Result<ComponentAction, CustomIdError>,
) -> Result<(), Error> {
    let action = parsed?;
    match action {
        ComponentAction::ActionProposeModal { .. } => {
            actions::handle_modal(ctx, data, modal, &action).await
        }
        _ => Err(UserError::new(NOT_A_FORM).into()),
    }
}
