//! The action plan: `/action propose` (which opens the form), `/action
//! list`, `/action status` and `/plan`.

use poise::serenity_prelude as serenity;

use crate::bot::cards::action::{
    card_buttons, card_embed, discord_date, propose_modal, status_words,
};
use crate::bot::embeds::{self, Field, paginate, send_pages};
use crate::bot::limits::clip_label;
use crate::bot::mentions;
use crate::bot::support::{self, autocomplete_workshop, place_of};
use crate::bot::{Command, Context, Data, Error};
use crate::domain::{
    Action, ActionId, ActionPlan, ActionStatus, OTHER, PromptSource, Toolkit, Workshop,
    WorkshopStatus, prompt_sources,
};
use crate::prompts::Words;
use crate::report::{self, Format, ReportError, phrases};
use crate::service::{ActionRequest, ResultsScope, ServiceError};
use crate::{label, text};

/// Discord offers at most 25 choices.
const MAX_CHOICES: usize = 25;

/// Where an action stands, as Discord offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum StatusChoice {
    #[name = "open"]
    Open,
    #[name = "in_progress"]
    InProgress,
    #[name = "done"]
    Done,
    #[name = "dropped"]
    Dropped,
}

impl From<StatusChoice> for ActionStatus {
    fn from(choice: StatusChoice) -> Self {
        match choice {
            StatusChoice::Open => ActionStatus::Open,
            StatusChoice::InProgress => ActionStatus::InProgress,
            StatusChoice::Done => ActionStatus::Done,
            StatusChoice::Dropped => ActionStatus::Dropped,
        }
    }
}

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    vec![action(), plan()]
}

#[poise::command(slash_command, guild_only, subcommands("propose", "list", "status"))]
pub async fn action(_ctx: Context<'_>) -> Result<(), Error> {
    // Discord only ever runs the subcommands.
    Ok(())
}

#[poise::command(slash_command, guild_only)]
pub async fn propose(
    ctx: poise::ApplicationContext<'_, Data, Error>,
    #[autocomplete = "autocomplete_prompted_by"] prompted_by: Option<String>,
    #[autocomplete = "autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx.into(), workshop.as_deref()).await?;
    // Refuse before the form, not after it has been filled in.
    if workshop.status == WorkshopStatus::Closed {
        return Err(ServiceError::WorkshopClosed.into());
    }
    ctx.data().service.participant(&workshop, &actor).await?;
    let filled = ActionRequest {
        prompted_by: prompted_by.unwrap_or_default(),
        ..ActionRequest::default()
    };
    let words = support::command_words(ctx.into()).await;
    ctx.interaction
        .create_response(
            ctx.serenity_context(),
            serenity::CreateInteractionResponse::Modal(propose_modal(&words, &workshop, &filled)),
        )
        .await?;
    Ok(())
}

/// Autocomplete for `prompted_by`: the toolkit's considerations, the
/// channel's workshop's relationships and the toolkit's questions, by what
/// is typed. The value is what the plan files the action by.
async fn autocomplete_prompted_by(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let service = &ctx.data().service;
    let relationships = match service.find_workshop(place_of(ctx), None).await {
        Ok(workshop) => service.relationships(&workshop).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let names: Vec<&str> = relationships
        .iter()
        .map(|r| r.details.name.as_str())
        .collect();
    let words = support::command_words(ctx).await;
    let choices = prompt_sources(
        service.toolkit_in(words.language()),
        &names,
        partial,
        MAX_CHOICES,
    )
    .into_iter()
    .map(|source| {
        serenity::AutocompleteChoice::new(
            clip_label(&prompt_label(&words, &source), 100),
            source.value().to_owned(),
        )
    })
    .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

fn prompt_label(words: &Words, source: &PromptSource) -> String {
    match source {
        PromptSource::Consideration(consideration) => label!(
            words,
            "action-prompt-consideration",
            text = consideration.text.as_str()
        ),
        PromptSource::Relationship(name) => {
            label!(words, "action-prompt-relationship", name = *name)
        }
        PromptSource::Item(assessment, item) => label!(
            words,
            "action-prompt-question",
            short = item.short.as_str(),
            assessment = assessment.as_str()
        ),
    }
}

#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, _, words) = support::in_workshop_privately(ctx, workshop.as_deref()).await?;
    let actions = ctx.data().service.actions(&workshop).await?;
    if actions.is_empty() {
        return support::say_private(ctx, text!(words, "action-list-empty")).await;
    }
    let agreed = actions.iter().filter(|a| a.agreed).count();
    let description = text!(
        words,
        "action-list-summary",
        count = actions.len(),
        agreed = agreed
    );
    let fields = actions
        .iter()
        .map(|action| list_field(&words, action))
        .collect();
    send_pages(
        ctx,
        &label!(
            words,
            "action-list-title",
            title = workshop.settings.title.as_str()
        ),
        &description,
        fields,
        true,
    )
    .await
}

#[poise::command(slash_command, guild_only)]
pub async fn status(
    ctx: Context<'_>,
    #[min = 1] action: i64,
    status: StatusChoice,
    #[autocomplete = "autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let updated = ctx
        .data()
        .service
        .set_action_status(&actor, &workshop, ActionId(action), status.into())
        .await?;
    if let Some(card) = updated.card {
        let tally = ctx.data().service.tally(&workshop, updated.id).await?;
        let public = support::public_words(ctx.data(), &workshop);
        let edit = mentions::edit()
            .embed(card_embed(
                &public,
                ctx.data().service.toolkit_in(public.language()),
                &updated,
                &tally,
                workshop.settings.anonymity_threshold,
            ))
            .components(vec![card_buttons(&public, &workshop, &updated)]);
        // The new status is stored either way; a card that was deleted
        // simply stays as it was.
        let ids = support::discord_id(card.channel_id).zip(support::discord_id(card.message_id));
        if let Some((channel, message)) = ids {
            let edited = serenity::ChannelId::from(channel)
                .edit_message(ctx, serenity::MessageId::from(message), edit)
                .await;
            if let Err(error) = edited {
                tracing::warn!(
                    action = updated.id.0,
                    "could not update the action's card: {error}"
                );
            }
        }
    }
    let words = support::command_words(ctx).await;
    let reply = text!(
        words,
        "action-status-changed",
        number = updated.id.0,
        text = clip_label(&updated.text, 200),
        status = status_words(&words, &updated)
    );
    support::say_private(ctx, reply).await
}

#[poise::command(slash_command, guild_only)]
pub async fn plan(
    ctx: Context<'_>,
    #[autocomplete = "support::autocomplete_workshop_closed_included"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, _) = support::in_workshop_closed_included(ctx, workshop.as_deref()).await?;
    // Drawing the report's charts can take longer than Discord waits.
    ctx.defer().await?;
    let service = &ctx.data().service;
    // One computation of the results for the plan and both reports.
    let (results, compiled) = service.plan(&workshop, ResultsScope::Revealed).await?;
    let formats = [Format::Markdown, Format::Html];
    let reports = report::build_from(
        service,
        &ctx.data().catalogue,
        results,
        ResultsScope::Revealed,
        &formats,
    )
    .await
    .map_err(report_error)?;
    let files: Vec<serenity::CreateAttachment> = reports
        .into_iter()
        .zip(formats)
        .map(|(files, format)| {
            serenity::CreateAttachment::bytes(files.main, report_name(&workshop, format))
        })
        .collect();
    let words = support::public_words(ctx.data(), &workshop);
    let embeds = paginate(
        &label!(
            words,
            "plan-title",
            title = workshop.settings.title.as_str()
        ),
        &text!(words, "plan-summary", count = compiled.agreed_actions()),
        plan_fields(&words, service.toolkit_in(words.language()), &compiled),
    );
    for (index, mut reply) in embeds::replies(embeds).into_iter().enumerate() {
        if index == 0 {
            for file in files.iter().cloned() {
                reply = reply.attachment(file);
            }
        }
        ctx.send(reply).await?;
    }
    Ok(())
}

fn list_field(words: &Words, action: &Action) -> Field {
    Field::new(
        label!(
            words,
            "action-list-name",
            number = action.id.0,
            text = action.text.as_str()
        ),
        text!(
            words,
            "action-list-details",
            owner = action.owner.as_str(),
            due = discord_date(action.due),
            status = status_words(words, action)
        ),
    )
}

fn report_name(workshop: &Workshop, format: Format) -> String {
    format!("workshop-{}-report.{}", workshop.id, format.extension())
}

/// Keeps a service refusal visible to the error handler, which shows it.
fn report_error(error: ReportError) -> Error {
    match error {
        ReportError::Service(refusal) => refusal.into(),
        other => other.into(),
    }
}

/// The agreed actions under their considerations, the considerations with
/// no action yet, and the suggested focus areas.
fn plan_fields(words: &Words, toolkit: &Toolkit, plan: &ActionPlan) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut without_action = Vec::new();
    for group in &plan.groups {
        if group.actions.is_empty() {
            if group.key != OTHER {
                without_action.push(format!("• {}", group.title));
            }
            continue;
        }
        let title = if group.key == OTHER {
            label!(words, "plan-other-actions")
        } else {
            group.title.clone()
        };
        let lines: Vec<String> = group
            .actions
            .iter()
            .map(|action| plan_line(words, action))
            .collect();
        fields.push(Field::new(title, lines.join("\n")));
    }
    if !without_action.is_empty() {
        fields.push(Field::new(
            label!(words, "plan-without-action"),
            without_action.join("\n"),
        ));
    }
    let focus: Vec<String> = plan
        .focus_areas
        .iter()
        .map(|area| {
            format!(
                "• **{}**: {}",
                phrases::focus_title(words, toolkit, area),
                phrases::focus_detail(words, toolkit, area)
            )
        })
        .collect();
    if !focus.is_empty() {
        fields.push(Field::new(
            label!(words, "plan-focus-areas"),
            focus.join("\n"),
        ));
    }
    fields
}

fn plan_line(words: &Words, action: &Action) -> String {
    text!(
        words,
        "plan-action-line",
        number = action.id.0,
        text = action.text.as_str(),
        owner = action.owner.as_str(),
        due = discord_date(action.due),
        status = words.name(action.status)
    )
}
