//! The public action card with its Agree / Object / Mark agreed buttons,
//! and the "propose an action" form that posts it. What a press or a
//! submitted form does is here too.

use chrono::NaiveDate;
use poise::serenity_prelude as serenity;

use crate::bot::custom_id::ComponentAction;
use crate::bot::embeds::COLOUR;
use crate::bot::limits::{MODAL_TITLE_MAX_CHARS, clip_label};
use crate::bot::mentions;
use crate::bot::support::{self, Press};
use crate::bot::{Data, Error};
use crate::domain::{
    Action, ActionId, ActionStatus, AnonymityThreshold, DraftId, MessageRef, Side, SideResponses,
    Stance, Toolkit, Workshop, WorkshopId, backed_by_both_sides, prompt_name,
};
use crate::prompts::Words;
use crate::service::{ActionRequest, MAX_ACTION_TEXT, MAX_TITLE, ServiceError, Tally};
use crate::{label, text};

/// The ids of the inputs of the "propose an action" modal.
pub const INPUT_TEXT: &str = "text";
pub const INPUT_OWNER: &str = "owner";
pub const INPUT_DUE: &str = "due";
pub const INPUT_PROMPTED_BY: &str = "prompted_by";

/// Room for a date in words with some slack ("30 September 2027").
const DUE_MAX_CHARS: usize = 40;

/// A due date or deadline as a Discord timestamp, which each reader's app
/// shows in their own language and time zone. Noon UTC keeps the calendar
/// day the same from UTC−11 to UTC+11.
pub fn discord_date(date: NaiveDate) -> String {
    let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    format!("<t:{}:D>", noon.timestamp())
}

/// Agree or Object on an action card: recorded, and the card's counts
/// updated.
pub async fn on_respond(press: Press<'_>, action: ActionId, stance: Stance) -> Result<(), Error> {
    press
        .data
        .service
        .respond_to_action(&press.workshop, &press.actor, action, stance)
        .await?;
    let confirmation = responded_message(&press.private_words().await, action, stance);
    show_updated_card(&press, action, confirmation).await
}

/// The facilitator's "Mark agreed": the action joins the plan.
pub async fn on_mark_agreed(press: Press<'_>, action: ActionId) -> Result<(), Error> {
    let words = press.private_words().await;
    let service = &press.data.service;
    match service
        .mark_agreed(&press.actor, &press.workshop, action)
        .await
    {
        Err(ServiceError::NotFacilitator(_)) => {
            let refusal = text!(words, "action-agree-facilitator-only");
            return press.respond(support::private_response(refusal)).await;
        }
        marked => marked?,
    };
    let confirmation = text!(words, "action-marked-agreed", number = action.0);
    show_updated_card(&press, action, confirmation).await
}

/// Redraws the pressed card as the action now stands and confirms privately.
async fn show_updated_card(
    press: &Press<'_>,
    action_id: ActionId,
    confirmation: String,
) -> Result<(), Error> {
    let (data, workshop) = (press.data, &press.workshop);
    let updated = data.service.action(workshop, action_id).await?;
    let tally = data.service.tally(workshop, action_id).await?;
    let words = support::public_words(data, workshop);
    let card = mentions::response()
        .embeds(vec![card_embed(
            &words,
            data.service.toolkit_in(words.language()),
            &updated,
            &tally,
            workshop.settings.anonymity_threshold,
        )])
        .components(vec![card_buttons(&words, workshop, &updated)]);
    press
        .respond(serenity::CreateInteractionResponse::UpdateMessage(card))
        .await?;
    press
        .interaction
        .create_followup(press.ctx, support::private_followup(confirmation))
        .await?;
    Ok(())
}

/// The submitted "propose an action" form: stores the action, posts its
/// card in the channel and confirms privately. A form the bot refuses is
/// kept as a draft, and the refusal carries a button that opens it again.
pub async fn on_propose_form(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ModalInteraction,
    workshop: WorkshopId,
) -> Result<(), Error> {
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
    let words =
        support::private_words_in(data, interaction.guild_id, interaction.user.id, &workshop).await;
    if let Err(problem) = data.service.check_action(&request) {
        let draft = data
            .service
            .keep_action_draft(&workshop, &actor, &request)
            .await?;
        let refusal = text!(
            words,
            "action-form-refused",
            problem = problem.refusal().words(&words)
        );
        let again = serenity::CreateButton::new(
            ComponentAction::ActionFormAgain {
                workshop: workshop.id,
                draft,
            }
            .encode(),
        )
        .label(label!(words, "action-form-again"))
        .style(serenity::ButtonStyle::Primary);
        let reply = mentions::response()
            .content(refusal)
            .ephemeral(true)
            .components(vec![serenity::CreateActionRow::Buttons(vec![again])]);
        interaction
            .create_response(ctx, serenity::CreateInteractionResponse::Message(reply))
            .await?;
        return Ok(());
    }
    // The form's interaction id makes a second delivery of the same form
    // find the action the first one made.
    let proposal = data
        .service
        .propose_action(
            &workshop,
            &actor,
            request,
            Some(interaction.id.get() as i64),
        )
        .await?;
    let proposed = proposal.action;
    if !proposal.is_new {
        let reply = support::private_response(text!(
            words,
            "action-form-already-received",
            number = proposed.id.0
        ));
        interaction.create_response(ctx, reply).await?;
        return Ok(());
    }
    let public = support::public_words(data, &workshop);
    let card = mentions::response()
        .embed(card_embed(
            &public,
            data.service.toolkit_in(public.language()),
            &proposed,
            &Tally::default(),
            workshop.settings.anonymity_threshold,
        ))
        .components(vec![card_buttons(&public, &workshop, &proposed)]);
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
            support::private_followup(text!(words, "action-proposed", number = proposed.id.0)),
        )
        .await?;
    Ok(())
}

/// "Open the form again" on a refusal: the form, filled in with what was
/// typed. A draft opens once, and only for the person who typed it.
pub async fn on_form_again(press: Press<'_>, draft: DraftId) -> Result<(), Error> {
    let words = press.private_words().await;
    let (service, workshop) = (&press.data.service, &press.workshop);
    let response = match service
        .take_action_draft(workshop, &press.actor, draft)
        .await?
    {
        Some(typed) => {
            serenity::CreateInteractionResponse::Modal(propose_modal(&words, workshop, &typed))
        }
        None => support::private_response(text!(words, "action-form-gone")),
    };
    press.respond(response).await
}

/// The form `/action propose` opens, filled in with `filled` where it has
/// something. Its id carries the workshop, so it still works if the bot
/// restarts while someone is typing.
pub fn propose_modal(
    words: &Words,
    workshop: &Workshop,
    filled: &ActionRequest,
) -> serenity::CreateModal {
    use serenity::CreateInputText;
    use serenity::InputTextStyle::{Paragraph, Short};
    let text = CreateInputText::new(Paragraph, label!(words, "action-form-text"), INPUT_TEXT)
        .placeholder(label!(words, "action-form-text-hint"))
        .required(true);
    let owner =
        CreateInputText::new(Short, label!(words, "action-form-owner"), INPUT_OWNER).required(true);
    let due = CreateInputText::new(Short, label!(words, "action-form-due"), INPUT_DUE)
        .placeholder(label!(words, "action-form-due-hint"))
        .required(true);
    let prompted_by = CreateInputText::new(
        Short,
        label!(words, "action-form-prompted-by"),
        INPUT_PROMPTED_BY,
    )
    .placeholder(label!(words, "action-form-prompted-by-hint"))
    .required(false);
    serenity::CreateModal::new(
        ComponentAction::ActionProposeModal {
            workshop: workshop.id,
        }
        .encode(),
        clip_label(&label!(words, "action-form-title"), MODAL_TITLE_MAX_CHARS),
    )
    .components(vec![
        form_input(text, MAX_ACTION_TEXT, &filled.text),
        form_input(owner, MAX_TITLE, &filled.owner),
        form_input(due, DUE_MAX_CHARS, &filled.due),
        form_input(prompted_by, MAX_TITLE, &filled.prompted_by),
    ])
}

/// An input of the form, taking at most `max` characters, filled in with
/// `filled` (clipped to fit) unless there is nothing to fill in.
fn form_input(
    input: serenity::CreateInputText,
    max: usize,
    filled: &str,
) -> serenity::CreateActionRow {
    let input = input.max_length(max as u16);
    let filled = clip_label(filled, max);
    serenity::CreateActionRow::InputText(if filled.is_empty() {
        input
    } else {
        input.value(filled)
    })
}

/// The public card of an action.
pub fn card_embed(
    words: &Words,
    toolkit: &Toolkit,
    action: &Action,
    tally: &Tally,
    threshold: AnonymityThreshold,
) -> serenity::CreateEmbed {
    let prompted_by = if action.prompted_by.trim().is_empty() {
        label!(words, "action-card-prompted-by-none")
    } else {
        clip_label(prompt_name(toolkit, &action.prompted_by), MAX_TITLE)
    };
    serenity::CreateEmbed::new()
        .title(label!(words, "action-card-title", number = action.id.0))
        .description(clip_label(&action.text, MAX_ACTION_TEXT))
        .colour(COLOUR)
        .field(
            label!(words, "action-card-owner"),
            clip_label(&action.owner, MAX_TITLE),
            true,
        )
        .field(
            label!(words, "action-card-due"),
            discord_date(action.due),
            true,
        )
        .field(
            label!(words, "action-card-status"),
            status_words(words, action),
            true,
        )
        .field(label!(words, "action-card-prompted-by"), prompted_by, false)
        .field(
            label!(words, "action-card-responses"),
            tally_text(words, tally, threshold),
            false,
        )
        .footer(serenity::CreateEmbedFooter::new(text!(
            words,
            "action-card-footer"
        )))
}

/// Agree, Object and Mark agreed (shown as a spent "Agreed" once agreed).
pub fn card_buttons(
    words: &Words,
    workshop: &Workshop,
    action: &Action,
) -> serenity::CreateActionRow {
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
    let agreed_label = if action.agreed {
        label!(words, "action-button-agreed")
    } else {
        label!(words, "action-button-mark-agreed")
    };
    serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(respond(Stance::Agree))
            .label(words.name(Stance::Agree))
            .style(serenity::ButtonStyle::Success),
        serenity::CreateButton::new(respond(Stance::Object))
            .label(words.name(Stance::Object))
            .style(serenity::ButtonStyle::Danger),
        serenity::CreateButton::new(agreed)
            .label(agreed_label)
            .style(serenity::ButtonStyle::Primary)
            .disabled(action.agreed),
    ])
}

/// Agree and object counts per side, on two lines.
pub fn tally_text(words: &Words, tally: &Tally, threshold: AnonymityThreshold) -> String {
    let shown = |side| SideResponses::shown(tally, side, threshold);
    let line = |side: Side| match shown(side) {
        Some(counts) => text!(
            words,
            "action-tally-side",
            side = words.name(side),
            agree = counts.agree,
            object = counts.object
        ),
        None => text!(
            words,
            "action-tally-hidden",
            side = words.name(side),
            threshold = threshold.get()
        ),
    };
    let both = match (shown(Side::Council), shown(Side::Vcs)) {
        (Some(_), Some(_)) if backed_by_both_sides(tally) => text!(words, "action-tally-backed"),
        (Some(_), Some(_)) => text!(words, "action-tally-not-backed"),
        _ => text!(words, "action-tally-backing-unknown"),
    };
    format!(
        "{}\n{}\n{}\n{both}",
        line(Side::Council),
        line(Side::Vcs),
        line(Side::Other)
    )
}

/// Where an action stands, in one status: a proposed action waits to be
/// agreed until it is marked agreed or moved along.
pub fn status_words(words: &Words, action: &Action) -> String {
    match (action.status, action.agreed) {
        (ActionStatus::Open, false) => label!(words, "action-status-waiting"),
        (ActionStatus::Open, true) => label!(words, "action-status-agreed"),
        (status, _) => words.name(status),
    }
}

fn responded_message(words: &Words, action: ActionId, stance: Stance) -> String {
    match stance {
        Stance::Agree => text!(words, "action-responded-agree", number = action.0),
        Stance::Object => text!(words, "action-responded-object", number = action.0),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::words;
    use crate::domain::{Language, SideCounts};

    #[test]
    fn tallies_read_per_side() {
        let words = words(Language::English);
        let tally = Tally {
            agree: SideCounts::new(2, 1, 0),
            object: SideCounts::new(0, 1, 3),
        };
        let threshold = |k: u8| AnonymityThreshold::try_from(k).unwrap();
        assert_eq!(
            tally_text(&words, &tally, threshold(1)),
            "Council: 2 agree, 0 object\nVCS: 1 agree, 1 object\n\
             Other partners: 0 agree, 3 object\nNot yet backed by both council and VCS."
        );
        assert_eq!(
            tally_text(&words, &tally, threshold(2)),
            "Council: 2 agree, 0 object\nVCS: 1 agree, 1 object\n\
             Other partners: 0 agree, 3 object\nNot yet backed by both council and VCS."
        );
        // At k = 3 council and VCS, with two responses each, are not shown on their own.
        assert_eq!(
            tally_text(&words, &tally, threshold(3)),
            "Council: hidden until at least 3 people respond\n\
             VCS: hidden until at least 3 people respond\n\
             Other partners: 0 agree, 3 object\n\
             Once enough people on each side respond, this shows whether both sides back it."
        );
        let backed = Tally {
            agree: SideCounts::new(3, 2, 0),
            object: SideCounts::new(0, 1, 0),
        };
        assert!(
            tally_text(&words, &backed, threshold(3)).ends_with("Backed by both council and VCS.")
        );
    }

    #[test]
    fn confirmations_say_what_was_recorded() {
        let words = words(Language::English);
        assert_eq!(
            responded_message(&words, ActionId(7), Stance::Object),
            "You object to action 7. To change your mind, press Agree on its card."
        );
        assert_eq!(
            responded_message(&words, ActionId(1), Stance::Agree),
            "You agree with action 1. To change your mind, press Object on its card."
        );
    }

    #[test]
    fn dates_on_cards_are_discord_timestamps_at_noon_utc() {
        let date = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        assert_eq!(discord_date(date), "<t:1806494400:D>");
    }
}
