//! Taking part: `/join`, `/leave`, `/forget-me`, and the "Join as …"
//! buttons. Every reply is private and says what to do next.

use poise::serenity_prelude as serenity;

use super::custom_id::ComponentAction;
use super::permissions::{member_role_ids, side_from_roles};
use super::support::{self, autocomplete_workshop};
use super::{Command, Context, Data, Error, UserError};
use crate::domain::{Participant, Side, Workshop};

/// The sides offered by `/join`, as Discord shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum SideChoice {
    #[name = "council"]
    Council,
    #[name = "vcs"]
    Vcs,
    #[name = "other"]
    Other,
}

impl From<SideChoice> for Side {
    fn from(choice: SideChoice) -> Self {
        match choice {
            SideChoice::Council => Side::Council,
            SideChoice::Vcs => Side::Vcs,
            SideChoice::Other => Side::Other,
        }
    }
}

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    vec![join(), leave(), forget_me()]
}

/// Take part in a workshop, and say which side you speak for.
#[poise::command(slash_command, guild_only)]
pub async fn join(
    ctx: Context<'_>,
    #[description = "Council, VCS, or another partner such as the NHS"] side: Option<SideChoice>,
    #[description = "Your organisation, if you want it on the record"]
    #[max_length = 100]
    organisation: Option<String>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, used) = support::workshop(ctx, workshop.as_deref()).await?;
    let roles = command_member(ctx).map(member_role_ids).unwrap_or_default();
    let side = side
        .map(Side::from)
        .or_else(|| side_from_roles(&roles, workshop.council_role, workshop.vcs_role));
    let Some(side) = side else {
        return Err(UserError::new(format!(
            "{used} Choose the side you speak for: run /join again with side set to council, \
             vcs or other."
        ))
        .into());
    };
    let actor = support::actor(ctx, Some(&workshop));
    let participant = ctx
        .data()
        .service
        .join(&workshop, &actor, side, organisation.as_deref())
        .await?;
    support::say_private(ctx, format!("{used} {}", joined_message(&participant))).await
}

/// Stop taking part in a workshop. Your votes so far still count.
#[poise::command(slash_command, guild_only)]
pub async fn leave(
    ctx: Context<'_>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, used) = support::workshop(ctx, workshop.as_deref()).await?;
    let actor = support::actor(ctx, Some(&workshop));
    ctx.data().service.leave(&workshop, &actor).await?;
    support::say_private(
        ctx,
        format!(
            "{used} You have left {}. Your votes so far still count, as anonymous counts for \
             your side. To take part again, use /join.",
            workshop.title
        ),
    )
    .await
}

/// Delete your name and organisation from every workshop.
#[poise::command(slash_command, rename = "forget-me")]
pub async fn forget_me(ctx: Context<'_>) -> Result<(), Error> {
    let forgotten = ctx
        .data()
        .service
        .forget_me(ctx.author().id.get() as i64)
        .await?;
    support::say_private(ctx, forget_me_message(forgotten)).await
}

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

/// A click on a "Join as …" button: joins the workshop on that side and
/// answers privately.
pub async fn handle_component(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::ComponentInteraction,
    action: &ComponentAction,
) -> Result<(), Error> {
    let ComponentAction::Join { workshop, side } = *action else {
        return Err(UserError::new(
            "This button is not in use here, so nothing was changed. Use /join to take part.",
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
    let participant = data.service.join(&workshop, &actor, side, None).await?;
    let reply = serenity::CreateInteractionResponseMessage::new()
        .content(format!(
            "Workshop: {} (#{}). {}",
            workshop.title,
            workshop.id,
            joined_message(&participant)
        ))
        .ephemeral(true);
    interaction
        .create_response(ctx, serenity::CreateInteractionResponse::Message(reply))
        .await?;
    Ok(())
}

/// The member behind a slash command, with their roles.
fn command_member<'a>(ctx: Context<'a>) -> Option<&'a serenity::Member> {
    match ctx {
        poise::Context::Application(app) => app.interaction.member.as_deref(),
        poise::Context::Prefix(_) => None,
    }
}

fn side_words(side: Side) -> &'static str {
    match side {
        Side::Council => "the council",
        Side::Vcs => "the voluntary and community sector (VCS)",
        Side::Other => "another partner",
    }
}

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

fn forget_me_message(forgotten: u64) -> String {
    match forgotten {
        0 => "Common Ground held no name or organisation for you, so there was nothing to \
              delete. Nothing else about you is kept."
            .to_owned(),
        n => {
            let workshops = if n == 1 {
                "1 workshop".to_owned()
            } else {
                format!("{n} workshops")
            };
            format!(
                "Done. Your name and organisation were deleted from {workshops}, and you have \
                 left them. Your votes stay only as anonymous counts for your side. You can \
                 take part again at any time with /join."
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ParticipantId, WorkshopId};

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
    fn forgetting_counts_the_workshops() {
        assert!(forget_me_message(0).contains("nothing to delete"));
        assert!(forget_me_message(1).contains("deleted from 1 workshop,"));
        assert!(forget_me_message(3).contains("deleted from 3 workshops,"));
    }
}
