//! Slash commands: see the Discord interface table in design.md.

use poise::serenity_prelude as serenity;

use super::custom_id::ComponentAction;
use super::{Command, Data, Error};

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    Vec::new()
}

/// Agree / Object / Mark agreed on an action card.
pub async fn handle_component(
    _ctx: &serenity::Context,
    _data: &Data,
    _interaction: &serenity::ComponentInteraction,
    _action: &ComponentAction,
) -> Result<(), Error> {
    Ok(())
}

/// The "propose an action" modal.
pub async fn handle_modal(
    _ctx: &serenity::Context,
    _data: &Data,
    _interaction: &serenity::ModalInteraction,
    _action: &ComponentAction,
) -> Result<(), Error> {
    Ok(())
}
