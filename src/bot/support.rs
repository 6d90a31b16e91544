//! What every command and handler needs: who is asking, where, which
//! workshop they mean (one prelude for commands, one for buttons), whether
//! they may act as facilitator, and replies. Discord types end here: the
//! service is called with plain values.

use poise::serenity_prelude as serenity;

use super::limits::{MESSAGE_CONTENT_MAX_CHARS, clip_label};
use super::permissions::member_is_facilitator;
use super::{Context, Data, Error};
use crate::bot::mentions;
use crate::domain::{Language, Place, Workshop, WorkshopId, WorkshopStatus};
use crate::prompts::{Catalogue, Words};
use crate::service::Actor;

/// The words for anything posted where everyone in the workshop sees it:
/// its channel, its threads and its cards. Later (issue 13) these are in
/// the workshop's language, Welsh and English side by side when it is
/// bilingual; for now they are English.
pub fn public_words<'a>(data: &'a Data, workshop: &Workshop) -> Words<'a> {
    workshop_words(&data.catalogue, workshop)
}

/// [`public_words`] for the tasks that post on their own (reminders, the
/// results at a deadline), which hold the catalogue but not [`Data`].
pub fn workshop_words<'a>(catalogue: &'a Catalogue, workshop: &Workshop) -> Words<'a> {
    catalogue.words(workshop.settings.language)
}

/// The language a person chose with /language in this server, if any. A
/// database fault counts as no choice: a reply in the wrong language beats
/// no reply.
pub async fn chosen_language(
    data: &Data,
    guild_id: Option<serenity::GuildId>,
    user_id: serenity::UserId,
) -> Option<Language> {
    let guild = guild_id?;
    data.service
        .chosen_language(guild.get() as i64, user_id.get() as i64)
        .await
        .unwrap_or_else(|error| {
            tracing::warn!("could not read a person's language: {error}");
            None
        })
}

/// The words for a reply only one person sees: the language that person
/// chose with /language in this server, else English (the language Discord
/// shows the bot's commands in).
pub async fn private_words(
    data: &Data,
    guild_id: Option<serenity::GuildId>,
    user_id: serenity::UserId,
) -> Words<'_> {
    let chosen = chosen_language(data, guild_id, user_id).await;
    data.catalogue.words(chosen.unwrap_or(Language::English))
}

/// [`private_words`] about one workshop: someone who has not chosen a
/// language is answered in the workshop's, so a Welsh workshop answers in
/// Welsh until a person asks for English.
pub async fn private_words_in<'a>(
    data: &'a Data,
    guild_id: Option<serenity::GuildId>,
    user_id: serenity::UserId,
    workshop: &Workshop,
) -> Words<'a> {
    match chosen_language(data, guild_id, user_id).await {
        Some(language) => data.catalogue.words(language),
        None => data.catalogue.words(workshop.settings.language),
    }
}

/// [`private_words_in`] for the person behind a slash command.
async fn command_words_in<'a>(ctx: Context<'a>, workshop: &Workshop) -> Words<'a> {
    private_words_in(ctx.data(), ctx.guild_id(), ctx.author().id, workshop).await
}

/// [`private_words`] for the person behind a slash command.
pub async fn command_words(ctx: Context<'_>) -> Words<'_> {
    private_words(ctx.data(), ctx.guild_id(), ctx.author().id).await
}

/// A Discord id as stored (a plain integer), or `None` when it cannot be
/// one: Discord ids are never zero or negative, and serenity panics on zero.
pub fn discord_id(stored: i64) -> Option<std::num::NonZeroU64> {
    u64::try_from(stored)
        .ok()
        .and_then(std::num::NonZeroU64::new)
}

/// The server and channel a command came from.
pub fn place_of(ctx: Context<'_>) -> Place {
    Place {
        guild_id: ctx.guild_id().map(|id| id.get() as i64),
        channel_id: Some(ctx.channel_id().get() as i64),
    }
}

/// The person's name as the server shows it.
pub fn display_name(user: &serenity::User, member: Option<&serenity::Member>) -> String {
    member
        .and_then(|m| m.nick.clone())
        .or_else(|| user.global_name.clone())
        .unwrap_or_else(|| user.name.clone())
}

/// The person as the service sees them. They are a facilitator with Manage
/// Server, or with the workshop's facilitator role.
pub fn actor_from(
    user: &serenity::User,
    member: Option<&serenity::Member>,
    workshop: Option<&Workshop>,
) -> Actor {
    let facilitator_role = workshop.and_then(|w| w.settings.roles.facilitator);
    Actor {
        external_id: Some(user.id.get() as i64),
        display_name: display_name(user, member),
        is_facilitator: member.is_some_and(|m| member_is_facilitator(m, facilitator_role)),
    }
}

/// The workshop a button or form names, and the person who used it. The
/// workshop is refused when it belongs to another server.
pub async fn workshop_and_actor(
    data: &Data,
    guild_id: Option<serenity::GuildId>,
    workshop: WorkshopId,
    user: &serenity::User,
    member: Option<&serenity::Member>,
) -> Result<(Workshop, Actor), Error> {
    let guild_id = guild_id.map(|id| id.get() as i64);
    let workshop = data.service.workshop_in(workshop, guild_id).await?;
    let actor = actor_from(user, member, Some(&workshop));
    Ok((workshop, actor))
}

/// A pressed button: the connection and data it came with, the workshop
/// its id names and the person who pressed it. Every button handler starts
/// from one.
pub struct Press<'a> {
    pub ctx: &'a serenity::Context,
    pub data: &'a Data,
    pub interaction: &'a serenity::ComponentInteraction,
    pub workshop: Workshop,
    pub actor: Actor,
}

impl<'a> Press<'a> {
    /// The press of a button naming `workshop` (see [`workshop_and_actor`]).
    pub async fn new(
        ctx: &'a serenity::Context,
        data: &'a Data,
        interaction: &'a serenity::ComponentInteraction,
        workshop: WorkshopId,
    ) -> Result<Press<'a>, Error> {
        let member = interaction.member.as_ref();
        let (workshop, actor) = workshop_and_actor(
            data,
            interaction.guild_id,
            workshop,
            &interaction.user,
            member,
        )
        .await?;
        Ok(Press {
            ctx,
            data,
            interaction,
            workshop,
            actor,
        })
    }

    /// The words for a reply only the person who pressed sees (see
    /// [`private_words_in`]).
    pub async fn private_words(&self) -> Words<'a> {
        let user = self.interaction.user.id;
        private_words_in(self.data, self.interaction.guild_id, user, &self.workshop).await
    }

    /// Answers the press.
    pub async fn respond(
        &self,
        response: serenity::CreateInteractionResponse,
    ) -> Result<(), Error> {
        self.interaction.create_response(self.ctx, response).await?;
        Ok(())
    }
}

/// The member behind a slash command, with their roles and permissions. The
/// bot has slash commands only, so the member comes with the interaction.
pub fn command_member<'a>(ctx: Context<'a>) -> Option<&'a serenity::Member> {
    match ctx {
        poise::Context::Application(app) => app.interaction.member.as_deref(),
        poise::Context::Prefix(_) => None,
    }
}

/// The person behind a slash command.
pub fn actor(ctx: Context<'_>, workshop: Option<&Workshop>) -> Actor {
    actor_from(ctx.author(), command_member(ctx), workshop)
}

/// Which workshops a command may mean.
enum Reach {
    /// The open ones (see `Service::find_workshop`).
    Open,
    /// Closed ones too (see `Service::find_workshop_closed_included`).
    ClosedIncluded,
}

/// The workshop a command means (see `Service::find_workshop`), with the
/// person asking.
pub async fn in_workshop(
    ctx: Context<'_>,
    wanted: Option<&str>,
) -> Result<(Workshop, Actor), Error> {
    find_with_asker(ctx, wanted, Reach::Open).await
}

/// [`in_workshop`] with the words to answer the asker privately in (see
/// [`command_words_in`]).
pub async fn in_workshop_privately<'a>(
    ctx: Context<'a>,
    wanted: Option<&str>,
) -> Result<(Workshop, Actor, Words<'a>), Error> {
    let (workshop, actor) = in_workshop(ctx, wanted).await?;
    let words = command_words_in(ctx, &workshop).await;
    Ok((workshop, actor, words))
}

/// [`in_workshop`] for looking back (the report, the plan, a rerun): left
/// out, the workshop is this channel's most recent, closed included.
pub async fn in_workshop_closed_included(
    ctx: Context<'_>,
    wanted: Option<&str>,
) -> Result<(Workshop, Actor), Error> {
    find_with_asker(ctx, wanted, Reach::ClosedIncluded).await
}

async fn find_with_asker(
    ctx: Context<'_>,
    wanted: Option<&str>,
    reach: Reach,
) -> Result<(Workshop, Actor), Error> {
    let (service, place) = (&ctx.data().service, place_of(ctx));
    let workshop = match reach {
        Reach::Open => service.find_workshop(place, wanted).await?,
        Reach::ClosedIncluded => service.find_workshop_closed_included(place, wanted).await?,
    };
    let actor = actor(ctx, Some(&workshop));
    Ok((workshop, actor))
}

/// A reply only the person who asked can see.
pub async fn say_private(ctx: Context<'_>, text: impl Into<String>) -> Result<(), Error> {
    ctx.send(poise::CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// A reply for everyone in the channel, shortened to fit and pinging
/// nobody.
pub async fn say_public(ctx: Context<'_>, text: &str) -> Result<(), Error> {
    ctx.send(poise::CreateReply::default().content(clip_label(text, MESSAGE_CONTENT_MAX_CHARS)))
        .await?;
    Ok(())
}

/// An answer to a button only the person who pressed it can see, pinging
/// nobody.
pub fn private_response(content: String) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(
        mentions::response().content(content).ephemeral(true),
    )
}

/// A further private message after a button or form was answered.
pub fn private_followup(content: String) -> serenity::CreateInteractionResponseFollowup {
    mentions::followup().content(content).ephemeral(true)
}

/// Autocomplete: the server's open workshops whose title contains what was
/// typed, as "title (#id)" choices whose value is the id.
pub async fn autocomplete_workshop(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let guild_id = ctx.guild_id().map(|id| id.get() as i64);
    let open = ctx.data().service.open_workshops(guild_id).await;
    serenity::CreateAutocompleteResponse::new().set_choices(workshop_choices(
        &command_words(ctx).await,
        open.unwrap_or_default(),
        partial,
    ))
}

/// Autocomplete for looking back (the report, the plan, a rerun): the
/// server's workshops, closed ones included, newest first.
pub async fn autocomplete_workshop_closed_included(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let guild_id = ctx.guild_id().map(|id| id.get() as i64);
    let mut workshops = ctx
        .data()
        .service
        .workshops_in_guild(guild_id)
        .await
        .unwrap_or_default();
    workshops.reverse();
    serenity::CreateAutocompleteResponse::new().set_choices(workshop_choices(
        &command_words(ctx).await,
        workshops,
        partial,
    ))
}

fn workshop_choices(
    words: &Words<'_>,
    workshops: Vec<Workshop>,
    partial: &str,
) -> Vec<serenity::AutocompleteChoice> {
    let partial = partial.to_lowercase();
    workshops
        .into_iter()
        .filter(|w| {
            w.settings.title.to_lowercase().contains(&partial)
                || w.id.to_string().starts_with(&partial)
        })
        .take(25)
        .map(|w| {
            let (title, number) = (w.settings.title.as_str(), w.id.to_string());
            let choice = match w.status {
                WorkshopStatus::Open => {
                    crate::label!(words, "workshop-choice", title = title, number = number)
                }
                WorkshopStatus::Closed => crate::label!(
                    words,
                    "workshop-choice-closed",
                    title = title,
                    number = number
                ),
            };
            serenity::AutocompleteChoice::new(clip_label(&choice, 100), w.id.to_string())
        })
        .collect()
}

/// Autocomplete: relationship names of the channel's workshop.
pub async fn autocomplete_relationship(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    serenity::CreateAutocompleteResponse::new()
        .set_choices(relationship_choices(ctx, partial).await)
}

async fn relationship_choices(
    ctx: Context<'_>,
    partial: &str,
) -> Vec<serenity::AutocompleteChoice> {
    let service = &ctx.data().service;
    let Ok(workshop) = service.find_workshop(place_of(ctx), None).await else {
        return Vec::new();
    };
    let Ok(relationships) = service.relationships(&workshop).await else {
        return Vec::new();
    };
    let partial = partial.to_lowercase();
    relationships
        .into_iter()
        .filter(|r| r.details.name.to_lowercase().contains(&partial))
        .take(25)
        .map(|r| {
            serenity::AutocompleteChoice::new(clip_label(&r.details.name, 100), r.details.name)
        })
        .collect()
}
