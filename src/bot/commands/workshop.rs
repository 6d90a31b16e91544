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
use crate::bot::limits::{
    ALT_TEXT_MAX_CHARS, MESSAGE_CONTENT_MAX_CHARS, clip_label, split_message,
};
use crate::bot::mentions;
use crate::bot::refresher::send_paced;
use crate::bot::support::{self, place_of};
use crate::bot::{Command, Context, Data, Error, UserError};
use crate::domain::{Assessment, Language, Mode, Round, Workshop};
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

/// Run a partnership self-assessment workshop.
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

/// Start a workshop in this channel (needs Manage Server).
// Each option of the design's /workshop create is an argument.
#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only)]
pub async fn create(
    ctx: Context<'_>,
    #[description = "A name people will recognise, e.g. Spring partnership review"] title: String,
    #[description = "live: step through questions together; async: vote over days"]
    mode: ModeChoice,
    #[description = "Async mode: the last day of voting, YYYY-MM-DD"] deadline: Option<String>,
    #[description = "Fewest voters of a side whose figures are shown (1–10, default 3)"]
    #[min = 1]
    #[max = 10]
    anonymity_threshold: Option<u8>,
    #[description = "The role that means council"] council_role: Option<serenity::Role>,
    #[description = "The role that means VCS"] vcs_role: Option<serenity::Role>,
    #[description = "A role whose members may run the workshop"] facilitator_role: Option<
        serenity::Role,
    >,
) -> Result<(), Error> {
    let person = support::actor(ctx, None);
    if !person.is_facilitator {
        return Err(UserError::new(
            "You need the Manage Server permission to create a workshop. Ask someone who \
             manages this server to create it, or to give you that permission.",
        )
        .into());
    }
    let request = WorkshopRequest {
        title,
        mode: Some(mode.into()),
        deadline,
        anonymity_threshold,
        place: place_of(ctx),
        council_role: role_id(council_role),
        vcs_role: role_id(vcs_role),
        facilitator_role: role_id(facilitator_role),
    };
    let created = ctx.data().service.create_workshop(&person, request).await?;
    let deadline = created
        .deadline
        .map(|d| format!(" Voting closes at the end of {}.", d.format("%-d %B %Y")))
        .unwrap_or_default();
    let text = format!(
        "Created the workshop **{}** (#{}) in {} mode.{deadline} A group's results are shown \
         only when at least {} of its members have answered.\n\
         Next: everyone taking part presses a button below, or uses /join, to say which side \
         they are on (council, VCS or another partner). Then a facilitator uses /workshop open \
         to start an assessment.",
        created.title,
        created.id,
        created.mode,
        created.anonymity_threshold.get()
    );
    ctx.send(
        poise::CreateReply::default()
            .content(clip_label(&text, MESSAGE_CONTENT_MAX_CHARS))
            .components(vec![join_buttons(&created)]),
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
            let where_cards = match workshop.mode {
                Mode::Async => "The discussion and the vote cards are in the thread below.",
                Mode::Live => {
                    "The discussion is in the thread below; the facilitator posts the \
                     questions one at a time."
                }
            };
            let starter = mentions::message()
                .content(clip_label(
                    &format!(
                        "**{name}**: {where_cards} Prefer to answer privately, one question \
                         at a time? Use /ballot."
                    ),
                    MESSAGE_CONTENT_MAX_CHARS,
                ))
                .components(ballot_start_row(workshop));
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

/// Open an assessment for discussion and voting.
#[poise::command(slash_command, guild_only)]
pub async fn open(
    ctx: Context<'_>,
    #[description = "Which of the toolkit's three assessments"] assessment: AssessmentChoice,
    #[description = "Assessments two and three: one relationship (leave out for every one not yet assessed)"]
    #[autocomplete = "support::autocomplete_relationship"]
    relationship: Option<String>,
    #[description = "Which workshop (leave out for this channel's)"]
    #[autocomplete = "support::autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
    let assessment = Assessment::from(assessment);
    let service = &ctx.data().service;
    // Opening is quick and may be refused, so it comes before the public
    // deferral: a refusal stays private. Trying again reuses the rounds.
    let rounds = service
        .open_assessment(&actor, &workshop, assessment, relationship.as_deref())
        .await?;
    // Posting prompts and cards takes longer than Discord's three seconds.
    ctx.defer().await?;
    let subjects = subject_names(ctx.data(), &workshop, &rounds).await?;
    let discussion = match earlier_discussion(ctx.data(), &rounds).await? {
        Some(discussion) => discussion,
        None => {
            let name = match subjects.as_slice() {
                [only] => format!("{}: {only}", assessment_name(assessment)),
                _ => format!("{}: {}", assessment_name(assessment), workshop.title),
            };
            let name = clip_label(&name, THREAD_NAME_MAX_CHARS);
            let prompts = discussion_prompts(service.toolkit(), assessment);
            let discussion = start_discussion(ctx, &workshop, &name, &prompts).await?;
            service
                .record_discussion(&rounds, discussion.get() as i64)
                .await?;
            discussion
        }
    };
    if workshop.mode == Mode::Async {
        for round in &rounds {
            post_missing_cards(ctx, &workshop, round, discussion).await?;
        }
    }
    service.mark_opening_posted(&rounds).await?;
    let what = if subjects.is_empty() {
        assessment.title().to_owned()
    } else {
        format!("{} for {}", assessment.title(), subjects.join(", "))
    };
    let next = match workshop.mode {
        Mode::Live => "Use /workshop next to post the first question.",
        Mode::Async => {
            "The vote cards are posted there; people can also answer privately with /ballot."
        }
    };
    let text = format!(
        "{used} Opened {what}. The discussion prompts are in <#{}>. {next} When everyone has \
         voted, use /workshop reveal.",
        discussion
    );
    support::say_public(ctx, &text).await
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
    let posted = service.vote_cards(round.id).await?;
    for index in 0..service.round_items(round).await?.len() {
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        if posted.iter().any(|card| card.item_index == index) {
            continue;
        }
        let (embed, rows) = card_for_item(service, workshop, round.id, index).await?;
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
        .map(|r| r.name.clone())
        .collect())
}

/// Live mode: post the next question card.
#[poise::command(slash_command, guild_only)]
pub async fn next(
    ctx: Context<'_>,
    #[description = "Which workshop (leave out for this channel's)"]
    #[autocomplete = "support::autocomplete_workshop"]
    workshop: Option<String>,
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
    let (embed, rows) = card_for_item(service, workshop, round.id, index).await?;
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

/// Who has answered each posted question, per side, and who has not
/// (never what).
#[poise::command(slash_command, guild_only)]
pub async fn status(
    ctx: Context<'_>,
    #[description = "Which workshop (leave out for this channel's)"]
    #[autocomplete = "support::autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
    let progress = ctx.data().service.progress(&actor, &workshop).await?;
    let text = format!("{used}\n{}", progress_report(&progress));
    for piece in split_message(&text, MESSAGE_CONTENT_MAX_CHARS) {
        ctx.send(poise::CreateReply::default().content(piece).ephemeral(true))
            .await?;
    }
    Ok(())
}

/// Show the results of what is open; votes can no longer change.
#[poise::command(slash_command, guild_only)]
pub async fn reveal(
    ctx: Context<'_>,
    #[description = "Only this assessment (leave out for everything open)"] assessment: Option<
        AssessmentChoice,
    >,
    #[description = "Only this relationship"]
    #[autocomplete = "support::autocomplete_relationship"]
    relationship: Option<String>,
    #[description = "Which workshop (leave out for this channel's)"]
    #[autocomplete = "support::autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
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
    let results = service.results(&workshop, ResultsScope::Revealed).await?;
    let words = ctx.data().catalogue.words(Language::English);
    let sections = reveal_sections(service.toolkit(), &results, &revealed, &words);
    ctx.send(poise::CreateReply::default().content(format!(
        "{used} Results revealed. Votes on these can no longer change. \
         Council and VCS views side by side, most divergent first:"
    )))
    .await?;
    for section in sections {
        for reply in section_messages(section, &words).await {
            ctx.send(reply).await?;
        }
    }
    let full = report::build(
        service,
        &workshop,
        ResultsScope::Revealed,
        Format::Markdown,
        words,
    )
    .await?;
    ctx.send(
        poise::CreateReply::default()
            .content(
                "The full results so far are attached as Markdown. Next: talk through the \
                 biggest differences, then propose actions with /action propose.",
            )
            .attachment(serenity::CreateAttachment::bytes(
                full.main,
                format!("results-{}.md", workshop.id),
            )),
    )
    .await?;
    Ok(())
}

/// End the workshop: voting stops and the results stay.
#[poise::command(slash_command, guild_only)]
pub async fn close(
    ctx: Context<'_>,
    #[description = "Which workshop (leave out for this channel's)"]
    #[autocomplete = "support::autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    ctx.data().service.close_workshop(&actor, &workshop).await?;
    let text = format!(
        "Closed the workshop **{}** (#{}). Voting has stopped and the results are kept. \
         Use /workshop report for the report, or /workshop rerun to assess again later \
         and see what changed.",
        workshop.title, workshop.id
    );
    support::say_public(ctx, &text).await
}

/// Start the workshop again, linked to this one so changes show.
#[poise::command(slash_command, guild_only)]
pub async fn rerun(
    ctx: Context<'_>,
    #[description = "The new workshop's name, e.g. Autumn partnership review"] title: String,
    #[description = "Which workshop to run again (leave out for this channel's)"]
    #[autocomplete = "support::autocomplete_workshop_closed_included"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop_closed_included(ctx, workshop.as_deref()).await?;
    let rerun = ctx.data().service.rerun(&actor, &workshop, &title).await?;
    let text = format!(
        "Started **{}** (#{}), a rerun of **{}**. Its relationships are copied over. \
         Everyone taking part uses /join again; then a facilitator uses /workshop open.",
        rerun.title, rerun.id, workshop.title
    );
    support::say_public(ctx, &text).await
}

/// The report of revealed results, as a file.
#[poise::command(slash_command, guild_only)]
pub async fn report(
    ctx: Context<'_>,
    #[description = "md (default), csv, json or html"] format: Option<FormatChoice>,
    #[description = "Which workshop (leave out for this channel's)"]
    #[autocomplete = "support::autocomplete_workshop_closed_included"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop_closed_included(ctx, workshop.as_deref()).await?;
    ctx.data()
        .service
        .authorise(&actor, &workshop, "download the report")?;
    let used = support::workshop_line(&workshop);
    let format = format.map_or(Format::Markdown, Format::from);
    // The report holds only revealed results, which the room has seen: it is
    // posted for everyone.
    ctx.defer().await?;
    let service = &ctx.data().service;
    let words = ctx.data().catalogue.words(Language::English);
    let files = report::build(service, &workshop, ResultsScope::Revealed, format, words).await?;
    let mut attachments = vec![serenity::CreateAttachment::bytes(
        files.main,
        format!("report-{}.{}", workshop.id, format.extension()),
    )];
    attachments.extend(files.attachments.into_iter().map(|chart| {
        serenity::CreateAttachment::bytes(chart.bytes, chart.name)
            .description(clip_label(&chart.description, ALT_TEXT_MAX_CHARS))
    }));
    if format == Format::Markdown {
        // The same report as one page with the charts inside, for printing.
        let page = report::build(
            service,
            &workshop,
            ResultsScope::Revealed,
            Format::Html,
            words,
        )
        .await?;
        attachments.push(serenity::CreateAttachment::bytes(
            page.main,
            format!("report-{}.html", workshop.id),
        ));
    }
    for (index, batch) in attachments.chunks(FILES_PER_MESSAGE_MAX).enumerate() {
        let content = if index == 0 {
            format!("{used} The report of the revealed results is attached.")
        } else {
            "The report's charts, continued.".to_owned()
        };
        let mut reply = poise::CreateReply::default().content(content);
        for file in batch {
            reply = reply.attachment(file.clone());
        }
        ctx.send(reply).await?;
    }
    Ok(())
}
