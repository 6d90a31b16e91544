//! Voting: the public vote cards and their buttons, and the private ballot
//! (`/ballot` and its buttons). Every click is answered privately.

use poise::serenity_prelude as serenity;

use super::custom_id::{ComponentAction, Direction};
use super::render::{self, BallotView, CardItem};
use super::support;
use super::{Command, Context, Data, Error, UserError};
use crate::domain::{Mode, RoundId, VoteValue, Workshop};
use crate::service::{BallotItem, Service};

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    vec![ballot()]
}

/// The embed and buttons of the public card for one item of a round. Live
/// cards carry who has voted so far; async cards the deadline.
pub async fn vote_card(
    service: &Service,
    workshop: &Workshop,
    round: RoundId,
    item_index: u16,
) -> Result<(serenity::CreateEmbed, Vec<serenity::CreateActionRow>), Error> {
    let round = service.round(round).await?;
    let items = service.round_items(&round);
    let item = items.get(usize::from(item_index)).ok_or_else(|| {
        UserError::new("That question is no longer in the toolkit, so there is no card for it.")
    })?;
    let relationship = match round.subject {
        Some(id) => service
            .relationships(workshop)
            .await?
            .into_iter()
            .find(|r| r.id == id)
            .map(|r| r.name),
        None => None,
    };
    let progress = match workshop.mode {
        Mode::Live => Some(service.round_progress_of(workshop, &round).await?),
        Mode::Async => None,
    };
    let card = CardItem {
        assessment: round.assessment,
        relationship: relationship.as_deref(),
        item,
        item_index,
        items_in_round: items.len(),
    };
    let deadline = match workshop.mode {
        Mode::Async => workshop.deadline,
        Mode::Live => None,
    };
    let embed = render::vote_card(service.toolkit(), &card, deadline, progress.as_ref());
    Ok((
        embed.to_create(),
        render::vote_card_rows(workshop.id, round.id, item_index),
    ))
}

/// The workshop a button belongs to, refused when it is another server's.
fn private_message(content: String) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content(content)
            .ephemeral(true)
            .allowed_mentions(serenity::CreateAllowedMentions::new()),
    )
}

/// A click on a public vote card: records the vote, confirms it privately
/// and, in live mode, refreshes the card's count of voters.
pub async fn vote(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ComponentInteraction,
    action: &ComponentAction,
) -> Result<(), Error> {
    let ComponentAction::Vote {
        workshop,
        round,
        item_index,
        value,
    } = *action
    else {
        return Err(UserError::new("This button is not a vote button.").into());
    };
    let (workshop, actor) = support::workshop_and_actor(
        data,
        interaction.guild_id,
        workshop,
        &interaction.user,
        interaction.member.as_ref(),
    )
    .await?;
    let receipt = data
        .service
        .cast_vote(&workshop, &actor, round, item_index, value)
        .await?;
    let confirmation = render::vote_confirmation(data.service.toolkit(), &receipt.item, value);
    let confirmed = interaction
        .create_response(&ctx.http, private_message(confirmation))
        .await;
    // The vote is stored whatever happened to the confirmation, so the live
    // count is refreshed either way; a failed confirmation is then reported
    // (trying again does no harm).
    if workshop.mode == Mode::Live {
        // The vote stands even if the count on the card cannot be refreshed.
        if let Err(error) = refresh_card(ctx, data, interaction, &workshop, round, item_index).await
        {
            tracing::warn!(
                message = interaction.message.id.get(),
                "could not refresh the vote card: {error:#}"
            );
        }
    }
    confirmed?;
    Ok(())
}

async fn refresh_card(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ComponentInteraction,
    workshop: &Workshop,
    round: RoundId,
    item_index: u16,
) -> Result<(), Error> {
    let (embed, _) = vote_card(&data.service, workshop, round, item_index).await?;
    interaction
        .message
        .channel_id
        .edit_message(
            &ctx.http,
            interaction.message.id,
            serenity::EditMessage::new().embed(embed),
        )
        .await?;
    Ok(())
}

/// Go through every open question you have not answered yet, privately.
#[poise::command(slash_command, guild_only)]
pub async fn ballot(
    ctx: Context<'_>,
    #[description = "Which workshop (leave out for this channel's)"]
    #[autocomplete = "support::autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, _) = support::workshop(ctx, workshop.as_deref()).await?;
    let actor = support::actor(ctx, Some(&workshop));
    let ballot = ctx.data().service.ballot(&workshop, &actor).await?;
    let screen = render::ballot_screen(
        ctx.data().service.toolkit(),
        &workshop,
        &ballot,
        &BallotView::first_unanswered(&ballot, 0),
    );
    let mut reply = poise::CreateReply::default()
        .ephemeral(true)
        .components(screen.rows);
    if !screen.content.is_empty() {
        reply = reply.content(screen.content);
    }
    if let Some(embed) = screen.embed {
        reply = reply.embed(embed.to_create());
    }
    ctx.send(reply).await?;
    Ok(())
}

/// The ballot screen as a response message: a new private one, or the
/// ballot updated in place.
fn ballot_response(
    screen: render::BallotScreen,
    note: Option<String>,
    in_place: bool,
) -> serenity::CreateInteractionResponse {
    let content = match (note, screen.content.is_empty()) {
        (Some(note), true) => note,
        (Some(note), false) => format!("{note}\n{}", screen.content),
        (None, _) => screen.content,
    };
    let message = serenity::CreateInteractionResponseMessage::new()
        .content(content)
        .embeds(screen.embed.iter().map(render::Embed::to_create).collect())
        .components(screen.rows)
        .allowed_mentions(serenity::CreateAllowedMentions::new());
    if in_place {
        serenity::CreateInteractionResponse::UpdateMessage(message)
    } else {
        serenity::CreateInteractionResponse::Message(message.ephemeral(true))
    }
}

fn position_of(ballot: &[BallotItem], round: RoundId, item_index: u16) -> Option<usize> {
    ballot
        .iter()
        .position(|e| e.round.id == round && e.item_index == item_index)
}

/// A ballot button: a vote (recorded, then the next unanswered item),
/// Back or Next, or "Start my ballot" from a public card.
pub async fn ballot_click(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ComponentInteraction,
    action: &ComponentAction,
) -> Result<(), Error> {
    let (workshop, actor) = support::workshop_and_actor(
        data,
        interaction.guild_id,
        action.workshop(),
        &interaction.user,
        interaction.member.as_ref(),
    )
    .await?;
    let service = &data.service;
    let toolkit = service.toolkit();
    let response = match *action {
        ComponentAction::BallotVote {
            round,
            item_index,
            value,
            ..
        } => {
            let receipt = service
                .cast_vote(&workshop, &actor, round, item_index, value)
                .await?;
            let ballot = service.ballot(&workshop, &actor).await?;
            let after = position_of(&ballot, round, item_index).map_or(0, |p| p + 1);
            let view = BallotView::first_unanswered(&ballot, after);
            let note = saved_note(toolkit, &receipt.item.short, value);
            let screen = render::ballot_screen(toolkit, &workshop, &ballot, &view);
            ballot_response(screen, Some(note), true)
        }
        ComponentAction::BallotMove {
            position,
            direction,
            ..
        } => {
            let ballot = service.ballot(&workshop, &actor).await?;
            let position = usize::from(position).min(ballot.len());
            let target = match direction {
                Direction::Back => position.saturating_sub(1),
                Direction::Next => (position + 1).min(ballot.len()),
            };
            let screen = render::ballot_screen(
                toolkit,
                &workshop,
                &ballot,
                &BallotView::at(&ballot, target),
            );
            ballot_response(screen, None, true)
        }
        ComponentAction::BallotStart { .. } => {
            let ballot = service.ballot(&workshop, &actor).await?;
            let view = BallotView::first_unanswered(&ballot, 0);
            let screen = render::ballot_screen(toolkit, &workshop, &ballot, &view);
            ballot_response(screen, None, false)
        }
        _ => return Err(UserError::new("This button is not part of a ballot.").into()),
    };
    interaction.create_response(&ctx.http, response).await?;
    Ok(())
}

fn saved_note(toolkit: &crate::prompts::Toolkit, short: &str, value: VoteValue) -> String {
    format!(
        "Saved: {} on “{short}”.",
        render::value_label(toolkit, value)
    )
}
