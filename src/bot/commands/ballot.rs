//! `/ballot`: every open question the person has not answered yet,
//! privately, one at a time.

use crate::bot::cards::ballot::first_screen;
use crate::bot::support;
use crate::bot::{Command, Context, Error};

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    vec![ballot()]
}

#[poise::command(slash_command, guild_only)]
pub async fn ballot(
    ctx: Context<'_>,
    #[autocomplete = "support::autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor, words) = support::in_workshop_privately(ctx, workshop.as_deref()).await?;
    let screen = first_screen(&ctx.data().service, &words, &workshop, &actor).await?;
    let mut reply = poise::CreateReply::default()
        .ephemeral(true)
        .components(screen.rows);
    if !screen.content.is_empty() {
        reply = reply.content(screen.content);
    }
    if let Some(embed) = screen.embed {
        reply = reply.embed(embed.to_create());
    }
    ctx.send(reply).await?;
    Ok(())
}
