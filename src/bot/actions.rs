//! The action plan: `/action propose` (a modal), the public action card with
//! its Agree / Object / Mark agreed buttons, `/action list`, `/action status`
//! and `/plan`. Also the paging of long lists into embeds, shared with
//! `/relationship list`.

use poise::serenity_prelude as serenity;

use super::custom_id::ComponentAction;
use super::limits::{
    EMBED_FIELD_NAME_MAX_CHARS, EMBED_FIELD_VALUE_MAX_CHARS, EMBED_FIELDS_MAX,
    EMBED_TOTAL_MAX_CHARS, MODAL_TITLE_MAX_CHARS, clip_label,
};
use super::permissions::facilitator_refusal;
use super::support;
use super::support::autocomplete_workshop;
use super::{Command, Context, Data, Error, UserError};
use crate::domain::{
    Action, ActionId, ActionPlan, ActionStatus, MessageRef, Stance, Workshop, WorkshopStatus,
};
use crate::report::{self, Format, ReportError, content::action_line};
use crate::service::{
    ActionRequest, MAX_ACTION_TEXT, MAX_TITLE, ResultsScope, ServiceError, Tally,
};

/// The ids of the inputs of the "propose an action" modal.
pub const INPUT_TEXT: &str = "text";
pub const INPUT_OWNER: &str = "owner";
pub const INPUT_DUE: &str = "due";
pub const INPUT_PROMPTED_BY: &str = "prompted_by";

/// The longest page title: room is left for " (10/10)".
const PAGE_TITLE_MAX_CHARS: usize = 200;
/// The longest description on the first page.
const PAGE_DESCRIPTION_MAX_CHARS: usize = 1000;
/// What is left of an embed for its fields.
const PAGE_FIELDS_BUDGET: usize =
    EMBED_TOTAL_MAX_CHARS - PAGE_TITLE_MAX_CHARS - 10 - PAGE_DESCRIPTION_MAX_CHARS;

/// The card's colour: the toolkit's teal.
const CARD_COLOUR: u32 = 0x00_7A_78;

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
    let (workshop, _) = support::workshop(ctx.into(), workshop.as_deref()).await?;
    let actor = support::actor(ctx.into(), Some(&workshop));
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
    let (workshop, used) = support::workshop(ctx, workshop.as_deref()).await?;
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
    let (workshop, used) = support::workshop(ctx, workshop.as_deref()).await?;
    let actor = support::actor(ctx, Some(&workshop));
    let updated = ctx
        .data()
        .service
        .set_action_status(&actor, &workshop, ActionId(action), status.into())
        .await?;
    if let Some(card) = updated.card {
        let tally = ctx.data().service.tally(&workshop, updated.id).await?;
        let edit = serenity::EditMessage::new()
            .embed(card_embed(&updated, &tally))
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
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, _) = support::workshop(ctx, workshop.as_deref()).await?;
    // Drawing the report's charts can take longer than Discord waits.
    ctx.defer().await?;
    let service = &ctx.data().service;
    let (_, compiled) = service.plan(&workshop, ResultsScope::Revealed).await?;
    let markdown = report::build(service, &workshop, ResultsScope::Revealed, Format::Markdown)
        .await
        .map_err(report_error)?;
    let html = report::build(service, &workshop, ResultsScope::Revealed, Format::Html)
        .await
        .map_err(report_error)?;
    let files = [
        serenity::CreateAttachment::bytes(markdown.main, report_name(&workshop, Format::Markdown)),
        serenity::CreateAttachment::bytes(html.main, report_name(&workshop, Format::Html)),
    ];
    let embeds = page_embeds(
        &format!("Action plan: {}", workshop.title),
        &plan_description(&compiled),
        plan_fields(&compiled),
    );
    for (index, embed) in embeds.into_iter().enumerate() {
        let mut reply = poise::CreateReply::default()
            .embed(embed)
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        if index == 0 {
            for file in files.iter().cloned() {
                reply = reply.attachment(file);
            }
        }
        ctx.send(reply).await?;
    }
    Ok(())
}

/// Agree, Object and Mark agreed on an action card.
pub async fn handle_component(
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
    let (action_id, confirmation) = match *action {
        ComponentAction::ActionRespond { action, stance, .. } => {
            data.service
                .respond_to_action(&workshop, &actor, action, stance)
                .await?;
            (action, responded_message(action, stance))
        }
        ComponentAction::ActionMarkAgreed { action, .. } => {
            if !actor.is_facilitator {
                return Err(UserError::new(facilitator_refusal(
                    "mark an action as agreed",
                    workshop.facilitator_role,
                ))
                .into());
            }
            data.service.mark_agreed(&actor, &workshop, action).await?;
            (
                action,
                format!(
                    "Action #{action} is marked agreed and is now in the joint plan. See it with /plan."
                ),
            )
        }
        _ => {
            return Err(
                UserError::new("This button is not in use here, so nothing was changed.").into(),
            );
        }
    };
    let updated = data.service.action(&workshop, action_id).await?;
    let tally = data.service.tally(&workshop, action_id).await?;
    let card = serenity::CreateInteractionResponseMessage::new()
        .embeds(vec![card_embed(&updated, &tally)])
        .components(vec![card_buttons(&workshop, &updated)]);
    interaction
        .create_response(
            ctx,
            serenity::CreateInteractionResponse::UpdateMessage(card),
        )
        .await?;
    interaction
        .create_followup(
            ctx,
            serenity::CreateInteractionResponseFollowup::new()
                .content(confirmation)
                .ephemeral(true),
        )
        .await?;
    Ok(())
}

/// The submitted "propose an action" form: stores the action, posts its
/// card in the channel and confirms privately.
pub async fn handle_modal(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ModalInteraction,
    action: &ComponentAction,
) -> Result<(), Error> {
    let ComponentAction::ActionProposeModal { workshop } = *action else {
        return Err(UserError::new(
            "This form is not in use here, so nothing was saved. Use /action propose.",
        )
        .into());
    };
    let (workshop, actor) = support::workshop_and_actor(
        data,
        interaction.guild_id,
        workshop,
        &interaction.user,
        interaction.member.as_ref(),
    )
    .await?;
    let request = ActionRequest {
        text: modal_value(interaction, INPUT_TEXT),
        owner: modal_value(interaction, INPUT_OWNER),
        due: modal_value(interaction, INPUT_DUE),
        prompted_by: modal_value(interaction, INPUT_PROMPTED_BY),
    };
    let proposed = data
        .service
        .propose_action(&workshop, &actor, request)
        .await?;
    let card = serenity::CreateInteractionResponseMessage::new()
        .embed(card_embed(&proposed, &Tally::default()))
        .components(vec![card_buttons(&workshop, &proposed)])
        .allowed_mentions(serenity::CreateAllowedMentions::new());
    interaction
        .create_response(ctx, serenity::CreateInteractionResponse::Message(card))
        .await?;
    // The card is remembered so /action status can update it; the action
    // stands even if Discord cannot tell us where the card went.
    match interaction.get_response(ctx).await {
        Ok(posted) => {
            let card = MessageRef {
                channel_id: posted.channel_id.get() as i64,
                message_id: posted.id.get() as i64,
            };
            data.service
                .record_action_card(&workshop, proposed.id, card)
                .await?;
        }
        Err(error) => tracing::warn!(
            action = proposed.id.0,
            "could not find the action's card: {error}"
        ),
    }
    interaction
        .create_followup(
            ctx,
            serenity::CreateInteractionResponseFollowup::new()
                .content(format!(
                    "Your action is proposed as #{} and its card is in the channel. Next: ask \
                     council and VCS partners to press Agree or Object; once both sides \
                     support it, the facilitator presses Mark agreed and it joins the plan.",
                    proposed.id
                ))
                .ephemeral(true),
        )
        .await?;
    Ok(())
}

/// The form `/action propose` opens. Its id carries the workshop, so it
/// still works if the bot restarts while someone is typing.
pub fn propose_modal(workshop: &Workshop) -> serenity::CreateModal {
    use serenity::{CreateActionRow, CreateInputText, InputTextStyle};
    let text = CreateInputText::new(InputTextStyle::Paragraph, "What will be done", INPUT_TEXT)
        .placeholder("One or two sentences")
        .max_length(MAX_ACTION_TEXT as u16)
        .required(true);
    let owner = CreateInputText::new(
        InputTextStyle::Short,
        "Who owns it (person, team or organisation)",
        INPUT_OWNER,
    )
    .max_length(MAX_TITLE as u16)
    .required(true);
    let due = CreateInputText::new(InputTextStyle::Short, "Due date", INPUT_DUE)
        .placeholder("YYYY-MM-DD")
        .min_length(10)
        .max_length(10)
        .required(true);
    let prompted_by = CreateInputText::new(
        InputTextStyle::Short,
        "What prompted it (optional)",
        INPUT_PROMPTED_BY,
    )
    .placeholder("an item, a relationship or a consideration")
    .max_length(MAX_TITLE as u16)
    .required(false);
    serenity::CreateModal::new(
        ComponentAction::ActionProposeModal {
            workshop: workshop.id,
        }
        .encode(),
        clip_label("Propose an action", MODAL_TITLE_MAX_CHARS),
    )
    .components(vec![
        CreateActionRow::InputText(text),
        CreateActionRow::InputText(owner),
        CreateActionRow::InputText(due),
        CreateActionRow::InputText(prompted_by),
    ])
}

/// The public card of an action.
pub fn card_embed(action: &Action, tally: &Tally) -> serenity::CreateEmbed {
    let prompted_by = if action.prompted_by.trim().is_empty() {
        "Not given"
    } else {
        action.prompted_by.as_str()
    };
    serenity::CreateEmbed::new()
        .title(format!("Action #{}", action.id))
        .description(clip_label(&action.text, MAX_ACTION_TEXT))
        .colour(CARD_COLOUR)
        .field("Owner", clip_label(&action.owner, MAX_TITLE), true)
        .field("Due", action.due.format("%Y-%m-%d").to_string(), true)
        .field("Status", card_status(action), true)
        .field("Prompted by", clip_label(prompted_by, MAX_TITLE), false)
        .field("Responses", tally_text(tally), false)
        .footer(serenity::CreateEmbedFooter::new(
            "Press Agree or Object; press the other to change your mind. The facilitator \
             presses Mark agreed once both sides support it.",
        ))
}

/// Agree, Object and Mark agreed (shown as a spent "Agreed" once agreed).
pub fn card_buttons(workshop: &Workshop, action: &Action) -> serenity::CreateActionRow {
    let respond = |stance: Stance| {
        ComponentAction::ActionRespond {
            workshop: workshop.id,
            action: action.id,
            stance,
        }
        .encode()
    };
    let agreed = ComponentAction::ActionMarkAgreed {
        workshop: workshop.id,
        action: action.id,
    }
    .encode();
    serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(respond(Stance::Agree))
            .label("Agree")
            .style(serenity::ButtonStyle::Success),
        serenity::CreateButton::new(respond(Stance::Object))
            .label("Object")
            .style(serenity::ButtonStyle::Danger),
        serenity::CreateButton::new(agreed)
            .label(if action.agreed {
                "Agreed"
            } else {
                "Mark agreed"
            })
            .style(serenity::ButtonStyle::Primary)
            .disabled(action.agreed),
    ])
}

/// Agree and object counts per side, on two lines.
pub fn tally_text(tally: &Tally) -> String {
    format!(
        "Agree: council {} · VCS {} · other {}\nObject: council {} · VCS {} · other {}",
        tally.agree.council,
        tally.agree.vcs,
        tally.agree.other,
        tally.object.council,
        tally.object.vcs,
        tally.object.other
    )
}

fn card_status(action: &Action) -> String {
    let agreed = if action.agreed {
        "Agreed"
    } else {
        "Not yet agreed"
    };
    format!("{agreed}; {}", status_words(action.status))
}

fn status_words(status: ActionStatus) -> String {
    status.as_str().replace('_', " ")
}

fn responded_message(action: ActionId, stance: Stance) -> String {
    let stance = match stance {
        Stance::Agree => "you agree",
        Stance::Object => "you object",
    };
    format!(
        "Recorded: {stance} with action #{action}. You can change your mind by pressing the \
         other button."
    )
}

fn modal_value(interaction: &serenity::ModalInteraction, input: &str) -> String {
    interaction
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|component| match component {
            serenity::ActionRowComponent::InputText(text) if text.custom_id == input => {
                text.value.clone()
            }
            _ => None,
        })
        .unwrap_or_default()
}

fn list_field(action: &Action) -> EmbedField {
    let agreed = if action.agreed { "yes" } else { "not yet" };
    EmbedField::new(
        &format!("#{} {}", action.id, action.text),
        &format!(
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
fn plan_fields(plan: &ActionPlan) -> Vec<EmbedField> {
    let mut fields = Vec::new();
    let mut without_action = Vec::new();
    for group in &plan.groups {
        if group.actions.is_empty() {
            if group.key != crate::domain::OTHER {
                without_action.push(format!("• {}", group.title));
            }
            continue;
        }
        let lines: Vec<String> = group.actions.iter().map(action_line).collect();
        fields.extend(fields_from_lines(&group.title, &lines));
    }
    if !without_action.is_empty() {
        fields.extend(fields_from_lines(
            "Considerations with no agreed action yet",
            &without_action,
        ));
    }
    let focus: Vec<String> = plan
        .focus_areas
        .iter()
        .map(|area| format!("• **{}**: {}", area.title, area.detail))
        .collect();
    if !focus.is_empty() {
        fields.extend(fields_from_lines("Suggested focus areas", &focus));
    }
    fields
}

// ----- embeds in pages ----------------------------------------------------

/// One field of an embed, clipped to Discord's limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedField {
    pub name: String,
    pub value: String,
}

impl EmbedField {
    pub fn new(name: &str, value: &str) -> Self {
        let name = clip_label(name, EMBED_FIELD_NAME_MAX_CHARS);
        let value = clip_label(value, EMBED_FIELD_VALUE_MAX_CHARS);
        Self {
            // Discord refuses empty names and values.
            name: if name.is_empty() {
                "—".to_owned()
            } else {
                name
            },
            value: if value.is_empty() {
                "—".to_owned()
            } else {
                value
            },
        }
    }

    fn chars(&self) -> usize {
        self.name.chars().count() + self.value.chars().count()
    }
}

/// Lines under one heading, as few fields as fit: a field holds whole
/// lines up to 1024 characters; the next is headed "(continued)".
pub fn fields_from_lines(heading: &str, lines: &[String]) -> Vec<EmbedField> {
    let mut values: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        let line = clip_label(line, EMBED_FIELD_VALUE_MAX_CHARS);
        let needed = current.chars().count() + 1 + line.chars().count();
        if !current.is_empty() && needed > EMBED_FIELD_VALUE_MAX_CHARS {
            values.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
    }
    if !current.is_empty() {
        values.push(current);
    }
    values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let name = if index == 0 {
                heading.to_owned()
            } else {
                format!("{heading} (continued)")
            };
            EmbedField::new(&name, value)
        })
        .collect()
}

/// Groups fields into pages, one embed each: at most 25 fields and
/// `budget` characters of names and values a page. Never returns no pages.
pub fn field_pages(fields: Vec<EmbedField>, budget: usize) -> Vec<Vec<EmbedField>> {
    let mut pages: Vec<Vec<EmbedField>> = vec![Vec::new()];
    let mut used = 0;
    for field in fields {
        let page_full = pages.last().is_some_and(|page| {
            !page.is_empty() && (page.len() == EMBED_FIELDS_MAX || used + field.chars() > budget)
        });
        if page_full {
            pages.push(Vec::new());
            used = 0;
        }
        used += field.chars();
        if let Some(page) = pages.last_mut() {
            page.push(field);
        }
    }
    pages
}

/// The embeds of a long list, one per message: the title on each (numbered
/// when there are several), the description on the first.
pub fn page_embeds(
    title: &str,
    description: &str,
    fields: Vec<EmbedField>,
) -> Vec<serenity::CreateEmbed> {
    let pages = field_pages(fields, PAGE_FIELDS_BUDGET);
    let count = pages.len();
    let title = clip_label(title, PAGE_TITLE_MAX_CHARS);
    pages
        .into_iter()
        .enumerate()
        .map(|(index, page)| {
            let mut embed = serenity::CreateEmbed::new()
                .colour(CARD_COLOUR)
                .title(if count > 1 {
                    format!("{title} ({}/{count})", index + 1)
                } else {
                    title.clone()
                });
            if index == 0 && !description.trim().is_empty() {
                embed = embed.description(clip_label(description, PAGE_DESCRIPTION_MAX_CHARS));
            }
            embed.fields(page.into_iter().map(|f| (f.name, f.value, false)))
        })
        .collect()
}

/// Sends a long list as one message per page.
pub async fn send_pages(
    ctx: Context<'_>,
    title: &str,
    description: &str,
    fields: Vec<EmbedField>,
    private: bool,
) -> Result<(), Error> {
    for embed in page_embeds(title, description, fields) {
        ctx.send(
            poise::CreateReply::default()
                .embed(embed)
                .ephemeral(private)
                .allowed_mentions(serenity::CreateAllowedMentions::new()),
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SideCounts;

    #[test]
    fn tallies_read_per_side() {
        let tally = Tally {
            agree: SideCounts {
                council: 2,
                vcs: 1,
                other: 0,
            },
            object: SideCounts {
                council: 0,
                vcs: 1,
                other: 3,
            },
        };
        assert_eq!(
            tally_text(&tally),
            "Agree: council 2 · VCS 1 · other 0\nObject: council 0 · VCS 1 · other 3"
        );
    }

    #[test]
    fn confirmations_say_what_was_recorded() {
        assert_eq!(
            responded_message(ActionId(7), Stance::Object),
            "Recorded: you object with action #7. You can change your mind by pressing the \
             other button."
        );
    }

    fn field(chars: usize) -> EmbedField {
        // A one-letter name and a value making `chars` in all.
        EmbedField::new("n", &"v".repeat(chars - 1))
    }

    #[test]
    fn pages_hold_at_most_25_fields() {
        let pages = field_pages((0..60).map(|_| field(10)).collect(), 10_000);
        let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
        assert_eq!(sizes, [25, 25, 10]);
    }

    #[test]
    fn pages_stay_within_the_character_budget() {
        // 1000-character fields, 4790 a page: four fit, the fifth starts a page.
        let pages = field_pages((0..9).map(|_| field(1000)).collect(), PAGE_FIELDS_BUDGET);
        assert_eq!(PAGE_FIELDS_BUDGET, 4790);
        let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
        assert_eq!(sizes, [4, 4, 1]);
    }

    #[test]
    fn no_fields_make_one_empty_page() {
        assert_eq!(field_pages(Vec::new(), 100), vec![Vec::new()]);
    }

    #[test]
    fn long_lists_continue_in_further_fields_without_cutting_lines() {
        // Each line is 300 characters: three fit in 1024 with their line breaks.
        let lines: Vec<String> = (0..7).map(|n| format!("{n}{}", "x".repeat(299))).collect();
        let fields = fields_from_lines("Gaps in the typology", &lines);
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Gaps in the typology",
                "Gaps in the typology (continued)",
                "Gaps in the typology (continued)"
            ]
        );
        assert_eq!(fields[0].value.chars().count(), 902);
        assert_eq!(fields[0].value.lines().count(), 3);
        assert!(fields[1].value.starts_with('3'));
        assert_eq!(fields[2].value, lines[6]);
    }

    #[test]
    fn fields_are_clipped_and_never_empty() {
        let long = EmbedField::new(&"a".repeat(300), &"word ".repeat(300));
        assert_eq!(long.name.chars().count(), 256);
        assert!(long.value.chars().count() <= 1024);
        assert_eq!(EmbedField::new("", " ").value, "—");
    }
}
