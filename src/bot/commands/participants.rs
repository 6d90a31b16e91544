//! Taking part: `/join`, `/leave` and `/forget-me`. Every reply is
//! private and says what to do next.

use crate::bot::cards::join::{joined_message, side_change_note};
use crate::bot::permissions::member_role_ids;
use crate::bot::support::{self, autocomplete_workshop};
use crate::bot::{Command, Context, Error, UserError};
use crate::domain::Side;
use crate::service::side_from_roles;

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
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
    let roles = support::command_member(ctx)
        .map(member_role_ids)
        .unwrap_or_default();
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
    let service = &ctx.data().service;
    let previous = service.participant(&workshop, &actor).await.ok();
    let participant = service
        .join(&workshop, &actor, side, organisation.as_deref())
        .await?;
    let note = side_change_note(previous.map(|p| p.side), participant.side)
        .map(|note| format!("{note} "))
        .unwrap_or_default();
    support::say_private(
        ctx,
        format!("{used} {note}{}", joined_message(&participant)),
    )
    .await
}

/// Stop taking part in a workshop. Your votes so far still count.
#[poise::command(slash_command, guild_only)]
pub async fn leave(
    ctx: Context<'_>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
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

    #[test]
    fn forgetting_counts_the_workshops() {
        assert!(forget_me_message(0).contains("nothing to delete"));
        assert!(forget_me_message(1).contains("deleted from 1 workshop,"));
        assert!(forget_me_message(3).contains("deleted from 3 workshops,"));
    }
}
