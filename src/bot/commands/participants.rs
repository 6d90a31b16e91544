//! Taking part: `/join`, `/leave`, `/forget-me` and `/my-data`. Every reply
//! is private and says what to do next.

use poise::serenity_prelude as serenity;

use crate::bot::cards::join::{join_reply, side_words};
use crate::bot::limits::{MESSAGE_CONTENT_MAX_CHARS, clip_label};
use crate::bot::permissions::member_role_ids;
use crate::bot::support::{self, autocomplete_workshop};
use crate::bot::{Command, Context, Error, UserError};
use crate::domain::Side;
use crate::service::{ParticipationRecord, PersonalData, side_from_roles};

/// The name of the file `/my-data` attaches.
pub const MY_DATA_FILE: &str = "my-data.json";

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
    vec![join(), leave(), forget_me(), my_data()]
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
    support::say_private(
        ctx,
        format!(
            "{used} {}",
            join_reply(previous.map(|p| p.side), &participant)
        ),
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

/// See everything Common Ground holds about you in this server.
#[poise::command(slash_command, guild_only, rename = "my-data")]
pub async fn my_data(ctx: Context<'_>) -> Result<(), Error> {
    let actor = support::actor(ctx, None);
    let guild_id = ctx.guild_id().map(|id| id.get() as i64);
    let data = ctx.data().service.personal_data(&actor, guild_id).await?;
    let file = serde_json::json!({
        "discord_user_id": ctx.author().id.to_string(),
        "server_id": ctx.guild_id().map(|id| id.to_string()),
        "workshops": data.workshops,
        "reveals": data.reveals,
    });
    let summary = my_data_summary(&data, ctx.data().config.retention_days);
    ctx.send(
        poise::CreateReply::default()
            .content(clip_label(&summary, MESSAGE_CONTENT_MAX_CHARS))
            .attachment(serenity::CreateAttachment::bytes(
                serde_json::to_vec_pretty(&file)?,
                MY_DATA_FILE,
            ))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// A short account of what is held, one line per workshop; the attached
/// file has it in full.
fn my_data_summary(data: &PersonalData, retention_days: u32) -> String {
    let mut lines = Vec::new();
    if data.workshops.is_empty() && data.reveals.is_empty() {
        lines.push(
            "Common Ground holds nothing about you in this server: you have not joined a \
             workshop here, or your name was deleted with /forget-me. The attached file is \
             empty to show it."
                .to_owned(),
        );
    } else {
        lines.push(format!(
            "This is everything Common Ground holds about you in this server; {MY_DATA_FILE} \
             has it in full, your own votes included."
        ));
        lines.extend(data.workshops.iter().map(workshop_summary));
        if !data.reveals.is_empty() {
            lines.push(format!(
                "• You revealed results {}.",
                count(data.reveals.len(), "time", "times")
            ));
        }
    }
    lines.push(format!(
        "Your name, Discord id and organisation are removed {retention_days} days after a \
         workshop closes; /forget-me removes them now. Your votes stay only as anonymous counts."
    ));
    lines.join("\n")
}

fn workshop_summary(record: &ParticipationRecord) -> String {
    let side = record
        .side
        .parse::<Side>()
        .map(side_words)
        .unwrap_or(record.side.as_str());
    let organisation = record
        .organisation
        .as_deref()
        .map(|o| format!(", for {o}"))
        .unwrap_or_default();
    let left = if record.active {
        ""
    } else {
        " (you have left)"
    };
    format!(
        "• {} (#{}, {}): joined as \"{}\" for {side}{organisation}{left}; {}, {} proposed, {} to \
         actions, {} registered.",
        record.workshop_title,
        record.workshop_id,
        record.workshop_status,
        record.display_name,
        count(record.votes.len(), "vote", "votes"),
        count(record.actions_proposed.len(), "action", "actions"),
        count(record.action_responses.len(), "response", "responses"),
        count(
            record.relationships_added.len(),
            "relationship",
            "relationships"
        ),
    )
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::VoteRecord;

    #[test]
    fn my_data_sums_up_each_workshop_and_the_retention() {
        let vote = VoteRecord {
            round_id: 1,
            assessment: "benefits".to_owned(),
            relationship: None,
            item_id: "a1.direct.reach".to_owned(),
            value: 4,
            cast_at: chrono::DateTime::UNIX_EPOCH,
        };
        let data = PersonalData {
            workshops: vec![ParticipationRecord {
                workshop_id: 1,
                workshop_title: "Spring review".to_owned(),
                workshop_status: "open".to_owned(),
                display_name: "Ann".to_owned(),
                side: "vcs".to_owned(),
                organisation: Some("Anytown CVS".to_owned()),
                active: true,
                votes: vec![vote.clone(), vote],
                actions_proposed: Vec::new(),
                action_responses: Vec::new(),
                relationships_added: vec!["Compact board".to_owned()],
            }],
            reveals: Vec::new(),
        };
        let summary = my_data_summary(&data, 365);
        assert!(summary.contains(
            "• Spring review (#1, open): joined as \"Ann\" for the voluntary and community \
             sector (VCS), for Anytown CVS; 2 votes, 0 actions proposed, 0 responses to actions, \
             1 relationship registered."
        ));
        assert!(summary.contains("removed 365 days after a workshop closes"));
        let nothing = PersonalData {
            workshops: Vec::new(),
            reveals: Vec::new(),
        };
        assert!(my_data_summary(&nothing, 30).starts_with("Common Ground holds nothing about you"));
    }

    #[test]
    fn forgetting_counts_the_workshops() {
        assert!(forget_me_message(0).contains("nothing to delete"));
        assert!(forget_me_message(1).contains("deleted from 1 workshop,"));
        assert!(forget_me_message(3).contains("deleted from 3 workshops,"));
    }
}
