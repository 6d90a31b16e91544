//! The "Join as …" buttons under a new workshop, and what a press does.

use poise::serenity_prelude as serenity;

use crate::bot::custom_id::ComponentAction;
use crate::bot::mentions;
use crate::bot::support;
use crate::bot::{Data, Error};
use crate::domain::{Participant, Side, Workshop, WorkshopId};

/// A row of "Join as …" buttons, one per side, for a workshop's card.
pub fn join_buttons(workshop: &Workshop) -> serenity::CreateActionRow {
    let button = |side: Side, label: &str| {
        serenity::CreateButton::new(
            ComponentAction::Join {
                workshop: workshop.id,
                side,
            }
            .encode(),
        )
        .label(label)
        .style(serenity::ButtonStyle::Secondary)
    };
    serenity::CreateActionRow::Buttons(vec![
        button(Side::Council, "Join as council"),
        button(Side::Vcs, "Join as VCS"),
        button(Side::Other, "Join as another partner"),
    ])
}

/// A press of "Join as …": joins the workshop on that side and answers
/// privately.
pub async fn on_join(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ComponentInteraction,
    workshop: WorkshopId,
    side: Side,
) -> Result<(), Error> {
    let (workshop, actor) = support::pressed(data, interaction, workshop).await?;
    let previous = data.service.participant(&workshop, &actor).await.ok();
    let participant = data.service.join(&workshop, &actor, side, None).await?;
    let reply = mentions::response()
        .content(format!(
            "{} {}",
            support::workshop_line(&workshop),
            join_reply(previous.map(|p| p.side), &participant)
        ))
        .ephemeral(true);
    interaction
        .create_response(ctx, serenity::CreateInteractionResponse::Message(reply))
        .await?;
    Ok(())
}

/// The side in words, as replies name it.
pub fn side_words(side: Side) -> &'static str {
    match side {
        Side::Council => "the council",
        Side::Vcs => "the voluntary and community sector (VCS)",
        Side::Other => "another partner",
    }
}

/// What a person is told once they have joined, by button or by `/join`.
fn joined_message(participant: &Participant) -> String {
    let organisation = participant
        .organisation
        .as_deref()
        .map(|o| format!(", for {o}"))
        .unwrap_or_default();
    format!(
        "You have joined as {}{organisation}. Next: answer the open questions privately with \
         /ballot, or register a relationship you know of with /relationship add. To change \
         side, use /join again.",
        side_words(participant.side)
    )
}

/// The reply to joining, by button or by `/join`: what a change of side
/// does, if it was one, then [`joined_message`].
pub fn join_reply(previous: Option<Side>, participant: &Participant) -> String {
    match side_change_note(previous, participant.side) {
        Some(note) => format!("{note} {}", joined_message(participant)),
        None => joined_message(participant),
    }
}

/// What a change of side does, when the person had another side before.
fn side_change_note(previous: Option<Side>, now: Side) -> Option<String> {
    let name = match now {
        Side::Council => "council",
        Side::Vcs => "VCS",
        Side::Other => "another partner",
    };
    previous.filter(|side| *side != now).map(|_| {
        format!(
            "Your side is now {name}. Your answers to questions not yet revealed count for \
             {name}; results already shown stay as they were."
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ParticipantId;

    #[test]
    fn joining_says_the_side_the_organisation_and_the_next_step() {
        let participant = Participant {
            id: ParticipantId(4),
            workshop_id: WorkshopId(1),
            external_id: Some(11),
            display_name: "Ann".to_owned(),
            side: Side::Vcs,
            organisation: Some("Anytown CVS".to_owned()),
            active: true,
            forgotten: false,
        };
        let message = joined_message(&participant);
        assert!(message.starts_with(
            "You have joined as the voluntary and community sector (VCS), for Anytown CVS. Next:"
        ));
        assert!(message.contains("/ballot"));
    }

    #[test]
    fn a_change_of_side_says_what_it_does() {
        assert_eq!(
            side_change_note(Some(Side::Council), Side::Vcs).as_deref(),
            Some(
                "Your side is now VCS. Your answers to questions not yet revealed count for VCS; \
                 results already shown stay as they were."
            )
        );
        assert_eq!(side_change_note(Some(Side::Vcs), Side::Vcs), None);
        assert_eq!(side_change_note(None, Side::Vcs), None);
    }
}
