//! `/workshop`: the facilitator's commands to create a workshop, open
//! assessments, step through questions, follow progress, reveal, close,
//! rerun and download the report.

use poise::serenity_prelude as serenity;

use crate::bot::cards::ballot::ballot_start_row;
use crate::bot::cards::discussion::{assessment_name, discussion_prompts};
use crate::bot::cards::join::join_buttons;
use crate::bot::cards::progress::progress_report;
use crate::bot::cards::reveal::{reveal_sections, section_messages};
use crate::bot::cards::vote::card_for_item;
use crate::bot::commands::language::WorkshopLanguageChoice;
use crate::bot::limits::{
    ALT_TEXT_MAX_CHARS, MESSAGE_CONTENT_MAX_CHARS, clip_label, split_message,
};
use crate::bot::mentions;
use crate::bot::refresher::send_paced;
use crate::bot::support::{self, place_of};
use crate::bot::{Command, Context, Data, Error, UserError};
use crate::domain::{Assessment, Mode, Roles, Round, Workshop};
use crate::prompts::Words;
use crate::report::{self, Format};
use crate::service::{ResultsScope, WorkshopRequest};

/// Discord allows ten files on one message.
const FILES_PER_MESSAGE_MAX: usize = 10;
/// Discord limits a thread's name to 100 characters.
const THREAD_NAME_MAX_CHARS: usize = 100;

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    vec![workshop()]
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ModeChoice {
    #[name = "live"]
    Live,
    #[name = "async"]
    Async,
}

impl From<ModeChoice> for Mode {
    fn from(choice: ModeChoice) -> Self {
        match choice {
            ModeChoice::Live => Mode::Live,
            ModeChoice::Async => Mode::Async,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum AssessmentChoice {
    #[name = "benefits"]
    Benefits,
    #[name = "relationships"]
    Relationships,
    #[name = "strategic"]
    Strategic,
}

impl From<AssessmentChoice> for Assessment {
    fn from(choice: AssessmentChoice) -> Self {
        match choice {
            AssessmentChoice::Benefits => Assessment::Benefits,
            AssessmentChoice::Relationships => Assessment::Relationships,
            AssessmentChoice::Strategic => Assessment::Strategic,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum FormatChoice {
    #[name = "md"]
    Markdown,
    #[name = "csv"]
    Csv,
    #[name = "json"]
    Json,
    #[name = "html"]
    Html,
}

impl From<FormatChoice> for Format {
    fn from(choice: FormatChoice) -> Self {
        match choice {
            FormatChoice::Markdown => Format::Markdown,
            FormatChoice::Csv => Format::Csv,
            FormatChoice::Json => Format::Json,
            FormatChoice::Html => Format::Html,
        }
    }
}

#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "create", "open", "next", "status", "reveal", "close", "rerun", "report"
    ),
    subcommand_required
)]
pub async fn workshop(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

fn role_id(role: Option<serenity::Role>) -> Option<i64> {
    role.map(|role| role.id.get() as i64)
}

// Each option of the design's /workshop create is an argument.
#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only)]
pub async fn create(
    ctx: Context<'_>,
    title: String,
    mode: ModeChoice,
    deadline: Option<String>,
    #[min = 1]
    #[max = 10]
    anonymity_threshold: Option<u8>,
    council_role: Option<serenity::Role>,
    vcs_role: Option<serenity::Role>,
    facilitator_role: Option<serenity::Role>,
    language: Option<WorkshopLanguageChoice>,
) -> Result<(), Error> {
    let person = support::actor(ctx, None);
    if !person.is_facilitator {
        let words = support::command_words(ctx).await;
        return Err(UserError::new(crate::text!(words, "workshop-create-refused")).into());
    }
    let request = WorkshopRequest {
        title,
        mode: Some(mode.into()),
        deadline,
        anonymity_threshold,
        place: place_of(ctx),
        roles: Roles {
            council: role_id(council_role),
            vcs: role_id(vcs_role),
            facilitator: role_id(facilitator_role),
        },
        language: language.map(Into::into),
    };
    let created = ctx.data().service.create_workshop(&person, request).await?;
    let words = support::public_words(ctx.data(), &created);
    let title = created.settings.title.as_str();
    let how = match (created.settings.mode, created.settings.deadline) {
        (Mode::Live, _) => crate::text!(words, "workshop-created-live", title = title),
        (Mode::Async, None) => crate::text!(words, "workshop-created-async", title = title),
        (Mode::Async, Some(deadline)) => crate::text!(
            words,
            "workshop-created-async-until",
            title = title,
            deadline = deadline.format("%-d %B %Y").to_string()
        ),
    };
    let text = format!(
        "{how} {}\n{}",
        crate::text!(
            words,
            "workshop-privacy-threshold",
            count = created.settings.anonymity_threshold.get()
        ),
        crate::text!(words, "workshop-next-join")
    );
    send_with_join_buttons(ctx, &words, &created, &text).await
}

/// A public message with the "Join as …" buttons under it.
async fn send_with_join_buttons(
    ctx: Context<'_>,
    words: &Words<'_>,
    workshop: &Workshop,
    text: &str,
) -> Result<(), Error> {
    ctx.send(
        poise::CreateReply::default()
            .content(clip_label(text, MESSAGE_CONTENT_MAX_CHARS))
            .components(vec![join_buttons(words, workshop)]),
    )
    .await?;
    Ok(())
}

/// Posts the prompts in a new thread (a post in a forum channel; in place
/// when the command is used inside a thread) and returns where.
async fn start_discussion(
    ctx: Context<'_>,
    workshop: &Workshop,
    name: &str,
    prompts: &str,
) -> Result<serenity::ChannelId, Error> {
    let http = ctx.http();
    let here = ctx.channel_id();
    let kind = match here.to_channel(ctx).await? {
        serenity::Channel::Guild(channel) => Some(channel.kind),
        _ => None,
    };
    let mut pieces = split_message(prompts, MESSAGE_CONTENT_MAX_CHARS).into_iter();
    let thread = match kind {
        Some(serenity::ChannelType::Forum) => {
            let first = pieces.next().unwrap_or_else(|| name.to_owned());
            let post = serenity::CreateForumPost::new(name, mentions::message().content(first));
            here.create_forum_post(http, post).await?.id
        }
        Some(
            serenity::ChannelType::PublicThread
            | serenity::ChannelType::PrivateThread
            | serenity::ChannelType::NewsThread,
        ) => here,
        _ => {
            let words = support::public_words(ctx.data(), workshop);
            let text = match workshop.settings.mode {
                Mode::Async => crate::text!(words, "thread-starter-async", name = name),
                Mode::Live => crate::text!(words, "thread-starter-live", name = name),
            };
            let starter = mentions::message()
                .content(clip_label(&text, MESSAGE_CONTENT_MAX_CHARS))
                .components(ballot_start_row(&words, workshop));
            let message = send_paced(ctx.serenity_context(), here, starter).await?;
            here.create_thread_from_message(http, message.id, serenity::CreateThread::new(name))
                .await?
                .id
        }
    };
    for piece in pieces {
        send_paced(
            ctx.serenity_context(),
            thread,
            mentions::message().content(piece),
        )
        .await?;
    }
    Ok(thread)
}

#[poise::command(slash_command, guild_only)]
pub async fn open(
    ctx: Context<'_>,
    assessment: AssessmentChoice,
    #[autocomplete = "support::autocomplete_relationship"] relationship: Option<String>,
    #[autocomplete = "support::autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let assessment = Assessment::from(assessment);
    let service = &ctx.data().service;
    // Opening is quick and may be refused, so it comes before the public
    // deferral: a refusal stays private. Trying again reuses the rounds.
    let rounds = service
        .open_assessment(&actor, &workshop, assessment, relationship.as_deref())
        .await?;
    // Posting prompts and cards takes longer than Discord's three seconds.
    ctx.defer().await?;
    let words = support::public_words(ctx.data(), &workshop);
    let subjects = subject_names(ctx.data(), &workshop, &rounds).await?;
    let discussion = match earlier_discussion(ctx.data(), &rounds).await? {
        Some(discussion) => discussion,
        None => {
            let subject = match subjects.as_slice() {
                [only] => only.as_str(),
                _ => workshop.settings.title.as_str(),
            };
            let name = crate::label!(
                words,
                "thread-name",
                assessment = assessment_name(&words, assessment),
                subject = subject
            );
            let name = clip_label(&name, THREAD_NAME_MAX_CHARS);
            let prompts =
                discussion_prompts(&words, service.toolkit_in(words.language()), assessment);
            let discussion = start_discussion(ctx, &workshop, &name, &prompts).await?;
            service
                .record_discussion(&rounds, discussion.get() as i64)
                .await?;
            discussion
        }
    };
    if workshop.settings.mode == Mode::Async {
        for round in &rounds {
            post_missing_cards(ctx, &workshop, round, discussion).await?;
        }
    }
    service.mark_opening_posted(&rounds).await?;
    let (assessment, title) = (words.name(assessment), workshop.settings.title.as_str());
    let place = format!("<#{discussion}>");
    let opened = if subjects.is_empty() {
        crate::text!(
            words,
            "workshop-opened",
            assessment = assessment,
            workshop = title,
            place = place
        )
    } else {
        crate::text!(
            words,
            "workshop-opened-for",
            assessment = assessment,
            relationships = subjects.join(", "),
            workshop = title,
            place = place
        )
    };
    let next = match workshop.settings.mode {
        Mode::Live => crate::text!(words, "workshop-opened-next-live"),
        Mode::Async => crate::text!(words, "workshop-opened-next-async"),
    };
    support::say_public(ctx, &format!("{opened} {next}")).await
}

/// The discussion an earlier attempt to open these rounds started, when
/// they all share one (a retry after a failure part way through).
async fn earlier_discussion(
    data: &Data,
    rounds: &[Round],
) -> Result<Option<serenity::ChannelId>, Error> {
    let mut shared = None;
    for round in rounds {
        let opening = data.service.round_opening(round.id).await?;
        let Some(channel) = opening.discussion_channel_id.and_then(support::discord_id) else {
            return Ok(None);
        };
        if shared.is_some_and(|seen| seen != channel) {
            return Ok(None);
        }
        shared = Some(channel);
    }
    Ok(shared.map(serenity::ChannelId::from))
}

/// Posts the round's cards that are not posted yet, within the channel's
/// budget, recording each as it is posted so a retry posts none twice.
async fn post_missing_cards(
    ctx: Context<'_>,
    workshop: &Workshop,
    round: &Round,
    discussion: serenity::ChannelId,
) -> Result<(), Error> {
    let service = &ctx.data().service;
    let words = support::public_words(ctx.data(), workshop);
    let posted = service.vote_cards(round.id).await?;
    for index in 0..service.round_items(round).await?.len() {
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        if posted.iter().any(|card| card.item_index == index) {
            continue;
        }
        let (embed, rows) = card_for_item(service, &words, workshop, round.id, index).await?;
        let card = mentions::message().embed(embed).components(rows);
        let message = send_paced(ctx.serenity_context(), discussion, card).await?;
        service
            .record_vote_card(
                round.id,
                index,
                message.channel_id.get() as i64,
                message.id.get() as i64,
            )
            .await?;
    }
    Ok(())
}

async fn subject_names(
    data: &Data,
    workshop: &Workshop,
    rounds: &[Round],
) -> Result<Vec<String>, Error> {
    let relationships = data.service.relationships(workshop).await?;
    Ok(rounds
        .iter()
        .filter_map(|round| round.subject)
        .filter_map(|id| relationships.iter().find(|r| r.id == id))
        .map(|r| r.details.name.clone())
        .collect())
}

#[poise::command(slash_command, guild_only)]
pub async fn next(
    ctx: Context<'_>,
    #[autocomplete = "support::autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let service = &ctx.data().service;
    let (round, index) = service.next_item(&actor, &workshop).await?;
    if let Err(error) = post_live_card(ctx, &workshop, &round, index).await {
        // Not posted after all: trying again posts this question.
        service.take_back_item(round.id, index).await?;
        return Err(error);
    }
    Ok(())
}

/// Posts a live card as the reply, and records where it is so that votes
/// from the ballot refresh it too.
async fn post_live_card(
    ctx: Context<'_>,
    workshop: &Workshop,
    round: &Round,
    index: u16,
) -> Result<(), Error> {
    let service = &ctx.data().service;
    let words = support::public_words(ctx.data(), workshop);
    let (embed, rows) = card_for_item(service, &words, workshop, round.id, index).await?;
    let reply = ctx
        .send(poise::CreateReply::default().embed(embed).components(rows))
        .await?;
    // The card is posted, so nothing below may fail the command: without
    // its record only ballot votes miss the card, and clicks still find it.
    let recorded = match reply.message().await {
        Ok(card) => service
            .record_vote_card(
                round.id,
                index,
                card.channel_id.get() as i64,
                card.id.get() as i64,
            )
            .await
            .map_err(Error::from),
        Err(error) => Err(error.into()),
    };
    if let Err(error) = recorded {
        tracing::warn!("could not record where the card was posted: {error:#}");
    }
    Ok(())
}

#[poise::command(slash_command, guild_only)]
pub async fn status(
    ctx: Context<'_>,
    #[autocomplete = "support::autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor, words) = support::in_workshop_privately(ctx, workshop.as_deref()).await?;
    let progress = ctx.data().service.progress(&actor, &workshop).await?;
    let text = format!(
        "{}\n{}",
        crate::text!(
            words,
            "status-heading",
            workshop = workshop.settings.title.as_str()
        ),
        progress_report(&words, &progress)
    );
    for piece in split_message(&text, MESSAGE_CONTENT_MAX_CHARS) {
        support::say_private(ctx, piece).await?;
    }
    Ok(())
}

#[poise::command(slash_command, guild_only)]
pub async fn reveal(
    ctx: Context<'_>,
    assessment: Option<AssessmentChoice>,
    #[autocomplete = "support::autocomplete_relationship"] relationship: Option<String>,
    #[autocomplete = "support::autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let service = &ctx.data().service;
    let revealed = service
        .reveal(
            &actor,
            &workshop,
            assessment.map(Assessment::from),
            relationship.as_deref(),
        )
        .await?;
    // Charts and the report take longer than Discord's three seconds.
    ctx.defer().await?;
    let words = support::public_words(ctx.data(), &workshop);
    let results = service.results(&workshop, ResultsScope::Revealed).await?;
    let sections = reveal_sections(
        &words,
        service.toolkit_in(words.language()),
        &results,
        &revealed,
    );
    ctx.send(poise::CreateReply::default().content(crate::text!(
        words,
        "reveal-shown",
        workshop = workshop.settings.title.as_str()
    )))
    .await?;
    for section in sections {
        for reply in section_messages(&words, section).await {
            ctx.send(reply).await?;
        }
    }
    // The report is rendered from the results just shown, not computed again.
    let report = report::build_from(
        service,
        &ctx.data().catalogue,
        results,
        ResultsScope::Revealed,
        &[Format::Markdown],
    );
    for full in report.await? {
        ctx.send(
            poise::CreateReply::default()
                .content(crate::text!(words, "reveal-file"))
                .attachment(serenity::CreateAttachment::bytes(
                    full.main,
                    format!("results-{}.md", workshop.id),
                )),
        )
        .await?;
    }
    Ok(())
}

#[poise::command(slash_command, guild_only)]
pub async fn close(
    ctx: Context<'_>,
    #[autocomplete = "support::autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    ctx.data().service.close_workshop(&actor, &workshop).await?;
    let words = support::public_words(ctx.data(), &workshop);
    let text = crate::text!(
        words,
        "workshop-closed",
        title = workshop.settings.title.as_str()
    );
    support::say_public(ctx, &text).await
}

#[poise::command(slash_command, guild_only)]
pub async fn rerun(
    ctx: Context<'_>,
    title: String,
    #[autocomplete = "support::autocomplete_workshop_closed_included"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop_closed_included(ctx, workshop.as_deref()).await?;
    let rerun = ctx.data().service.rerun(&actor, &workshop, &title).await?;
    let words = support::public_words(ctx.data(), &rerun);
    // A rerun starts with nobody taking part: the service copies only the
    // relationships, so everyone joins again.
    let text = format!(
        "{}\n{}",
        crate::text!(
            words,
            "workshop-rerun",
            title = rerun.settings.title.as_str(),
            previous = workshop.settings.title.as_str()
        ),
        crate::text!(words, "workshop-next-join")
    );
    send_with_join_buttons(ctx, &words, &rerun, &text).await
}

#[poise::command(slash_command, guild_only)]
pub async fn report(
    ctx: Context<'_>,
    format: Option<FormatChoice>,
    #[autocomplete = "support::autocomplete_workshop_closed_included"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop_closed_included(ctx, workshop.as_deref()).await?;
    ctx.data()
        .service
        .authorise(&actor, &workshop, "download the report")?;
    let words = support::public_words(ctx.data(), &workshop);
    let format = format.map_or(Format::Markdown, Format::from);
    // The report holds only revealed results, which the room has seen: it is
    // posted for everyone.
    ctx.defer().await?;
    let service = &ctx.data().service;
    // With Markdown comes the same report as one page with the charts
    // inside, for printing; both from one computation of the results.
    let formats: &[Format] = match format {
        Format::Markdown => &[Format::Markdown, Format::Html],
        _ => &[format],
    };
    let results = service.results(&workshop, ResultsScope::Revealed).await?;
    let mut attachments = Vec::new();
    for (files, format) in report::build_from(
        service,
        &ctx.data().catalogue,
        results,
        ResultsScope::Revealed,
        formats,
    )
    .await?
    .into_iter()
    .zip(formats)
    {
        attachments.push(serenity::CreateAttachment::bytes(
            files.main,
            format!("report-{}.{}", workshop.id, format.extension()),
        ));
        attachments.extend(files.attachments.into_iter().map(|chart| {
            serenity::CreateAttachment::bytes(chart.bytes, chart.name)
                .description(clip_label(&chart.description, ALT_TEXT_MAX_CHARS))
        }));
    }
    for (index, batch) in attachments.chunks(FILES_PER_MESSAGE_MAX).enumerate() {
        let content = if index == 0 {
            crate::text!(
                words,
                "workshop-report",
                workshop = workshop.settings.title.as_str()
            )
        } else {
            crate::text!(words, "workshop-report-more")
        };
        let mut reply = poise::CreateReply::default().content(content);
        for file in batch {
            reply = reply.attachment(file.clone());
        }
        ctx.send(reply).await?;
    }
    Ok(())
}
