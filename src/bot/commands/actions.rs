//! The action plan: `/action propose` (which opens the form), `/action
//! list`, `/action status` and `/plan`.

use poise::serenity_prelude as serenity;

use crate::bot::cards::action::{card_buttons, card_embed, propose_modal, status_words};
use crate::bot::embeds::{self, Field, paginate, send_pages};
use crate::bot::limits::clip_label;
use crate::bot::mentions;
use crate::bot::support::{self, autocomplete_workshop};
use crate::bot::{Command, Context, Data, Error};
use crate::domain::{
    Action, ActionId, ActionPlan, ActionStatus, Language, Toolkit, Workshop, WorkshopStatus,
};
use crate::prompts::Words;
use crate::report::{self, Format, ReportError, phrases};
use crate::service::{ResultsScope, ServiceError};

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

/// Actions for the joint plan.
#[poise::command(slash_command, guild_only, subcommands("propose", "list", "status"))]
pub async fn action(_ctx: Context<'_>) -> Result<(), Error> {
    // Discord only ever runs the subcommands.
    Ok(())
}

/// Propose an action for the joint plan, in a short form.
#[poise::command(slash_command, guild_only)]
pub async fn propose(
    ctx: poise::ApplicationContext<'_, Data, Error>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx.into(), workshop.as_deref()).await?;
    // Refuse before the form, not after it has been filled in.
    if workshop.status == WorkshopStatus::Closed {
        return Err(ServiceError::WorkshopClosed.into());
    }
    ctx.data().service.participant(&workshop, &actor).await?;
    ctx.interaction
        .create_response(
            ctx.serenity_context(),
            serenity::CreateInteractionResponse::Modal(propose_modal(&workshop)),
        )
        .await?;
    Ok(())
}

/// The actions proposed so far, with their numbers.
#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, _) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
    let actions = ctx.data().service.actions(&workshop).await?;
    if actions.is_empty() {
        return support::say_private(
            ctx,
            format!("{used} No action is proposed yet. Propose one with /action propose."),
        )
        .await;
    }
    let agreed = actions.iter().filter(|a| a.agreed).count();
    let description = format!(
        "{} proposed, {agreed} agreed. Move one along with /action status; see the plan with /plan.",
        actions.len()
    );
    let fields = actions.iter().map(list_field).collect();
    send_pages(
        ctx,
        &format!("Actions: {}", workshop.title),
        &description,
        fields,
        true,
    )
    .await
}

/// Say where an action stands: open, in progress, done or dropped.
#[poise::command(slash_command, guild_only)]
pub async fn status(
    ctx: Context<'_>,
    #[description = "The action's number, as /action list shows it"]
    #[min = 1]
    action: i64,
    #[description = "Where it stands now"] status: StatusChoice,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
    let updated = ctx
        .data()
        .service
        .set_action_status(&actor, &workshop, ActionId(action), status.into())
        .await?;
    if let Some(card) = updated.card {
        let tally = ctx.data().service.tally(&workshop, updated.id).await?;
        let edit = mentions::edit()
            .embed(card_embed(&updated, &tally, workshop.anonymity_threshold))
            .components(vec![card_buttons(&workshop, &updated)]);
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
    support::say_private(
        ctx,
        format!(
            "{used} Action #{} “{}” is now {}. See the whole plan with /plan.",
            updated.id,
            clip_label(&updated.text, 200),
            status_words(updated.status)
        ),
    )
    .await
}

/// The joint action plan, with the full report attached.
#[poise::command(slash_command, guild_only)]
pub async fn plan(
    ctx: Context<'_>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "support::autocomplete_workshop_closed_included"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, _) = support::in_workshop_closed_included(ctx, workshop.as_deref()).await?;
    // Drawing the report's charts can take longer than Discord waits.
    ctx.defer().await?;
    let service = &ctx.data().service;
    let (_, compiled) = service.plan(&workshop, ResultsScope::Revealed).await?;
    let words = ctx.data().catalogue.words(Language::English);
    let markdown = report::build(
        service,
        &workshop,
        ResultsScope::Revealed,
        Format::Markdown,
        words,
    )
    .await
    .map_err(report_error)?;
    let html = report::build(
        service,
        &workshop,
        ResultsScope::Revealed,
        Format::Html,
        words,
    )
    .await
    .map_err(report_error)?;
    let files = [
        serenity::CreateAttachment::bytes(markdown.main, report_name(&workshop, Format::Markdown)),
        serenity::CreateAttachment::bytes(html.main, report_name(&workshop, Format::Html)),
    ];
    let embeds = paginate(
        &format!("Action plan: {}", workshop.title),
        &plan_description(&compiled),
        plan_fields(&words, service.toolkit(), &compiled),
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

fn list_field(action: &Action) -> Field {
    let agreed = if action.agreed { "yes" } else { "not yet" };
    Field::new(
        format!("#{} {}", action.id, action.text),
        format!(
            "Owner: {} · due {}\nStatus: {} · agreed: {agreed}",
            action.owner,
            action.due.format("%Y-%m-%d"),
            status_words(action.status)
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

fn plan_description(plan: &ActionPlan) -> String {
    match plan.agreed_actions() {
        0 => "No action is agreed yet. Propose one with /action propose; the facilitator marks \
              it agreed once both sides support it. The full report is attached."
            .to_owned(),
        1 => "1 agreed action, under the toolkit's considerations. The full report is attached \
              as Markdown and HTML."
            .to_owned(),
        n => format!(
            "{n} agreed actions, under the toolkit's considerations. The full report is \
             attached as Markdown and HTML."
        ),
    }
}

/// The agreed actions under their considerations, the considerations with
/// no action yet, and the suggested focus areas.
fn plan_fields(words: &Words, toolkit: &Toolkit, plan: &ActionPlan) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut without_action = Vec::new();
    for group in &plan.groups {
        if group.actions.is_empty() {
            if group.key != crate::domain::OTHER {
                without_action.push(format!("• {}", group.title));
            }
            continue;
        }
        let lines: Vec<String> = group
            .actions
            .iter()
            .map(|action| phrases::action_line(words, action))
            .collect();
        fields.push(Field::new(group.title.as_str(), lines.join("\n")));
    }
    if !without_action.is_empty() {
        fields.push(Field::new(
            "Considerations with no agreed action yet",
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
        fields.push(Field::new("Suggested focus areas", focus.join("\n")));
    }
    fields
}
