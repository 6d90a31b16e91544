//! The public action card with its Agree / Object / Mark agreed buttons,
//! and the "propose an action" form that posts it. What a press or a
//! submitted form does is here too.

use poise::serenity_prelude as serenity;

use crate::bot::custom_id::ComponentAction;
use crate::bot::embeds::COLOUR;
use crate::bot::limits::{MODAL_TITLE_MAX_CHARS, clip_label};
use crate::bot::mentions;
use crate::bot::support;
use crate::bot::{Data, Error};
use crate::domain::{
    Action, ActionId, ActionStatus, AnonymityThreshold, MessageRef, Side, SideResponses, Stance,
    Workshop, WorkshopId, backed_by_both_sides,
};
use crate::service::{ActionRequest, MAX_ACTION_TEXT, MAX_TITLE, Tally};

/// The ids of the inputs of the "propose an action" modal.
pub const INPUT_TEXT: &str = "text";
pub const INPUT_OWNER: &str = "owner";
pub const INPUT_DUE: &str = "due";
pub const INPUT_PROMPTED_BY: &str = "prompted_by";

/// Agree or Object on an action card: recorded, and the card's counts
/// updated.
pub async fn on_respond(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ComponentInteraction,
    workshop: WorkshopId,
    action: ActionId,
    stance: Stance,
) -> Result<(), Error> {
    let (workshop, actor) = support::pressed(data, interaction, workshop).await?;
    data.service
        .respond_to_action(&workshop, &actor, action, stance)
        .await?;
    let confirmation = responded_message(action, stance);
    show_updated_card(ctx, data, interaction, &workshop, action, confirmation).await
}

/// The facilitator's "Mark agreed": the action joins the plan.
pub async fn on_mark_agreed(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ComponentInteraction,
    workshop: WorkshopId,
    action: ActionId,
) -> Result<(), Error> {
    let (workshop, actor) = support::pressed(data, interaction, workshop).await?;
    data.service.mark_agreed(&actor, &workshop, action).await?;
    let confirmation = format!(
        "Action #{action} is marked agreed and is now in the joint plan. See it with /plan."
    );
    show_updated_card(ctx, data, interaction, &workshop, action, confirmation).await
}

/// Redraws the pressed card as the action now stands and confirms privately.
async fn show_updated_card(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ComponentInteraction,
    workshop: &Workshop,
    action_id: ActionId,
    confirmation: String,
) -> Result<(), Error> {
    let updated = data.service.action(workshop, action_id).await?;
    let tally = data.service.tally(workshop, action_id).await?;
    let card = mentions::response()
        .embeds(vec![card_embed(
            &updated,
            &tally,
            workshop.anonymity_threshold,
        )])
        .components(vec![card_buttons(workshop, &updated)]);
    interaction
        .create_response(
            ctx,
            serenity::CreateInteractionResponse::UpdateMessage(card),
        )
        .await?;
    interaction
        .create_followup(ctx, support::private_followup(confirmation))
        .await?;
    Ok(())
}

/// The submitted "propose an action" form: stores the action, posts its
/// card in the channel and confirms privately.
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
        let reply = support::private_response(format!(
            "This form was already received: your action is #{} and its card is in the \
             channel. Nothing more was added.",
            proposed.id
        ));
        interaction.create_response(ctx, reply).await?;
        return Ok(());
    }
    let card = mentions::response()
        .embed(card_embed(
            &proposed,
            &Tally::default(),
            workshop.anonymity_threshold,
        ))
        .components(vec![card_buttons(&workshop, &proposed)]);
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
            support::private_followup(format!(
                "Your action is proposed as #{} and its card is in the channel. Next: ask \
                 council and VCS partners to press Agree or Object; once both sides support \
                 it, the facilitator presses Mark agreed and it joins the plan.",
                proposed.id
            )),
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
pub fn card_embed(
    action: &Action,
    tally: &Tally,
    threshold: AnonymityThreshold,
) -> serenity::CreateEmbed {
    let prompted_by = if action.prompted_by.trim().is_empty() {
        "Not given"
    } else {
        action.prompted_by.as_str()
    };
    serenity::CreateEmbed::new()
        .title(format!("Action #{}", action.id))
        .description(clip_label(&action.text, MAX_ACTION_TEXT))
        .colour(COLOUR)
        .field("Owner", clip_label(&action.owner, MAX_TITLE), true)
        .field("Due", action.due.format("%Y-%m-%d").to_string(), true)
        .field("Status", card_status(action), true)
        .field("Prompted by", clip_label(prompted_by, MAX_TITLE), false)
        .field("Responses", tally_text(tally, threshold), false)
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
pub fn tally_text(tally: &Tally, threshold: AnonymityThreshold) -> String {
    let shown = |side| SideResponses::shown(tally, side, threshold);
    let line = |side, name: &str| match shown(side) {
        Some(counts) => format!("{name}: agree {} · object {}", counts.agree, counts.object),
        None => format!(
            "{name}: fewer than {} responses, so not shown on their own",
            threshold.get()
        ),
    };
    let both = match (shown(Side::Council), shown(Side::Vcs)) {
        (Some(_), Some(_)) if backed_by_both_sides(tally) => "Backed by both council and VCS.",
        (Some(_), Some(_)) => "Not yet backed by both council and VCS.",
        _ => "Whether both sides back it shows once each side has enough responses.",
    };
    format!(
        "{}\n{}\n{}\n{both}",
        line(Side::Council, "Council"),
        line(Side::Vcs, "VCS"),
        line(Side::Other, "Other partners")
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

/// "in progress" rather than "in_progress".
pub fn status_words(status: ActionStatus) -> String {
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
        let threshold = |k: u8| AnonymityThreshold::try_from(k).unwrap();
        assert_eq!(
            tally_text(&tally, threshold(1)),
            "Council: agree 2 · object 0\nVCS: agree 1 · object 1\n\
             Other partners: agree 0 · object 3\nNot yet backed by both council and VCS."
        );
        assert_eq!(
            tally_text(&tally, threshold(2)),
            "Council: agree 2 · object 0\nVCS: agree 1 · object 1\n\
             Other partners: agree 0 · object 3\nNot yet backed by both council and VCS."
        );
        // At k = 3 council and VCS, with two responses each, are not shown on their own.
        assert_eq!(
            tally_text(&tally, threshold(3)),
            "Council: fewer than 3 responses, so not shown on their own\n\
             VCS: fewer than 3 responses, so not shown on their own\n\
             Other partners: agree 0 · object 3\n\
             Whether both sides back it shows once each side has enough responses."
        );
        let backed = Tally {
            agree: SideCounts {
                council: 3,
                vcs: 2,
                other: 0,
            },
            object: SideCounts {
                council: 0,
                vcs: 1,
                other: 0,
            },
        };
        assert!(tally_text(&backed, threshold(3)).ends_with("Backed by both council and VCS."));
    }

    #[test]
    fn confirmations_say_what_was_recorded() {
        assert_eq!(
            responded_message(ActionId(7), Stance::Object),
            "Recorded: you object with action #7. You can change your mind by pressing the \
             other button."
        );
    }
}
