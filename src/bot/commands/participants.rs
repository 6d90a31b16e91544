//! Taking part: `/join`, `/leave`, `/forget-me` and `/my-data`. Every reply
//! is private and says what to do next.

use poise::serenity_prelude as serenity;

use crate::bot::cards::join::{join_with_reply, joining_words, side_words};
use crate::bot::limits::{MESSAGE_CONTENT_MAX_CHARS, clip_label};
use crate::bot::permissions::member_role_ids;
use crate::bot::support::{self, autocomplete_workshop};
use crate::bot::{Command, Context, Error, UserError};
use crate::domain::{Side, WorkshopStatus};
use crate::prompts::Words;
use crate::service::{ParticipationRecord, PersonalData, ServiceError, side_from_roles};

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

#[poise::command(slash_command, guild_only)]
pub async fn join(
    ctx: Context<'_>,
    side: Option<SideChoice>,
    #[max_length = 100] organisation: Option<String>,
    #[autocomplete = "autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let (words, question) =
        joining_words(ctx.data(), &workshop, ctx.guild_id(), ctx.author().id).await;
    let roles = support::command_member(ctx)
        .map(member_role_ids)
        .unwrap_or_default();
    let side = side
        .map(Side::from)
        .or_else(|| side_from_roles(&roles, &workshop.settings.roles));
    let Some(side) = side else {
        return Err(UserError::new(crate::text!(words, "join-choose-side")).into());
    };
    let text = join_with_reply(
        ctx.data(),
        &words,
        &workshop,
        &actor,
        side,
        organisation.as_deref(),
        question.is_some(),
    )
    .await?;
    let reply = poise::CreateReply::default().content(text).ephemeral(true);
    ctx.send(match question {
        Some(row) => reply.components(vec![row]),
        None => reply,
    })
    .await?;
    Ok(())
}

#[poise::command(slash_command, guild_only)]
pub async fn leave(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor, words) = support::in_workshop_privately(ctx, workshop.as_deref()).await?;
    let title = workshop.settings.title.as_str();
    let text = match ctx.data().service.leave(&workshop, &actor).await {
        Ok(()) => crate::text!(words, "data-left", workshop = title),
        Err(ServiceError::NotParticipant) => {
            crate::text!(words, "data-leave-not-member", workshop = title)
        }
        Err(error) => return Err(error.into()),
    };
    support::say_private(ctx, text).await
}

#[poise::command(slash_command, rename = "forget-me")]
pub async fn forget_me(ctx: Context<'_>) -> Result<(), Error> {
    let forgotten = ctx
        .data()
        .service
        .forget_me(ctx.author().id.get() as i64)
        .await?;
    support::say_private(
        ctx,
        forget_me_message(&support::command_words(ctx).await, forgotten),
    )
    .await
}

fn forget_me_message(words: &Words<'_>, forgotten: u64) -> String {
    match forgotten {
        0 => crate::text!(words, "data-forgot-nothing"),
        count => crate::text!(words, "data-forgot", count = count),
    }
}

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
    let summary = my_data_summary(
        &support::command_words(ctx).await,
        &data,
        ctx.data().config.retention_days,
    );
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
fn my_data_summary(words: &Words<'_>, data: &PersonalData, retention_days: u32) -> String {
    let mut lines = Vec::new();
    if data.workshops.is_empty() && data.reveals.is_empty() {
        lines.push(crate::text!(words, "data-held-nothing"));
    } else {
        lines.push(crate::text!(words, "data-held", file = MY_DATA_FILE));
        lines.extend(data.workshops.iter().map(|w| workshop_summary(words, w)));
        if !data.reveals.is_empty() {
            lines.push(crate::text!(
                words,
                "data-revealed",
                count = data.reveals.len()
            ));
        }
    }
    lines.push(crate::text!(words, "data-kept-for", days = retention_days));
    lines.join("\n")
}

fn workshop_summary(words: &Words<'_>, record: &ParticipationRecord) -> String {
    let side = record
        .side
        .parse::<Side>()
        .map_or_else(|_| record.side.clone(), |side| side_words(words, side));
    let status = record
        .workshop_status
        .parse::<WorkshopStatus>()
        .map_or_else(|_| record.workshop_status.clone(), |s| words.name(s));
    let (title, name) = (record.workshop_title.as_str(), record.display_name.as_str());
    let joined = words.text_with_optional(
        crate::key!("data-workshop-joined-for"),
        crate::key!("data-workshop-joined"),
        &[
            ("workshop", title),
            ("status", &status),
            ("name", name),
            ("side", &side),
        ],
        ("organisation", record.organisation.as_deref()),
    );
    let left = if record.active {
        String::new()
    } else {
        format!(" {}", crate::text!(words, "data-workshop-left"))
    };
    let counts = crate::text!(
        words,
        "data-workshop-counts",
        votes = record.votes.len(),
        proposed = record.actions_proposed.len(),
        responses = record.action_responses.len(),
        relationships = record.relationships_added.len()
    );
    format!("{joined}{left} {counts}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::words;
    use crate::domain::Language;
    use crate::service::VoteRecord;

    #[test]
    fn my_data_sums_up_each_workshop_and_the_retention() {
        let words = words(Language::English);
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
        let summary = my_data_summary(&words, &data, 365);
        assert!(
            summary.contains(
                "• Spring review (Open): you joined as \"Ann\" for the voluntary and community \
                 sector (VCS), as part of Anytown CVS. 2 votes, no actions proposed, no responses \
                 to actions, 1 relationship registered."
            ),
            "{summary}"
        );
        assert!(summary.contains("deleted 365 days after a workshop closes"));
        let nothing = PersonalData {
            workshops: Vec::new(),
            reveals: Vec::new(),
        };
        assert!(
            my_data_summary(&words, &nothing, 30)
                .starts_with("Common Ground holds nothing about you")
        );
    }

    #[test]
    fn forgetting_counts_the_workshops() {
        let words = words(Language::English);
        assert!(forget_me_message(&words, 0).contains("nothing to delete"));
        let one = forget_me_message(&words, 1);
        assert!(
            one.contains("deleted from 1 workshop, and you have left it."),
            "{one}"
        );
        let three = forget_me_message(&words, 3);
        assert!(
            three.contains("deleted from 3 workshops, and you have left them."),
            "{three}"
        );
    }
}
