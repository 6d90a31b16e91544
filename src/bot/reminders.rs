//! Reminders the bot posts on its own: voting closes soon (naming who has
//! not voted) and actions that have fallen due. The service marks each one
//! sent as it hands it over, so a restart never repeats one.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::limits::{MESSAGE_CONTENT_MAX_CHARS, clip_label, split_message};
use super::{Error, support};
use crate::bot::mentions;
use crate::domain::{Action, Participant, RelationshipId, Round, Workshop};
use crate::prompts::{Catalogue, Words};
use crate::service::{Reminder, Service};

/// How often the loop looks for reminders.
pub const CHECK_EVERY: Duration = Duration::from_secs(5 * 60);

/// Starts the reminder loop; it runs until the program ends.
pub fn spawn(ctx: serenity::Context, service: Service, catalogue: Arc<Catalogue>) {
    let (posted, failed) = ("posted reminders", "could not look for reminders");
    super::periodic::posting_every(CHECK_EVERY, posted, failed, move || {
        let (ctx, service, catalogue) = (ctx.clone(), service.clone(), Arc::clone(&catalogue));
        async move { post_reminders(&ctx.http, &service, &catalogue).await }
    });
}

/// Posts every reminder now due to its workshop's channel and returns how
/// many were posted. A reminder whose post fails is logged, not retried.
pub async fn post_reminders(
    http: &serenity::Http,
    service: &Service,
    catalogue: &Catalogue,
) -> Result<usize, Error> {
    let mut posted = 0;
    for reminder in service.take_due_reminders().await? {
        let workshop = match &reminder {
            Reminder::VotingClosesSoon { workshop, .. } | Reminder::ActionDue { workshop, .. } => {
                workshop
            }
        };
        let Some(channel_id) = workshop
            .settings
            .place
            .channel_id
            .and_then(support::discord_id)
        else {
            continue; // a workshop from the command line has no channel
        };
        let words = support::workshop_words(catalogue, workshop);
        let text = match &reminder {
            Reminder::VotingClosesSoon {
                workshop,
                round,
                not_voted,
            } => {
                let relationship = match round.subject {
                    Some(id) => relationship_name(service, workshop, id).await,
                    None => None,
                };
                voting_reminder(&words, workshop, round, relationship.as_deref(), not_voted)
            }
            Reminder::ActionDue { action, .. } => action_reminder(&words, action),
        };
        // Only the people a reminder is for are pinged, whatever its text says.
        let recipients = match &reminder {
            Reminder::VotingClosesSoon { not_voted, .. } => not_voted
                .iter()
                .filter_map(|p| p.external_id.and_then(support::discord_id))
                .map(serenity::UserId::from)
                .collect(),
            Reminder::ActionDue { .. } => Vec::new(),
        };
        let channel = serenity::ChannelId::from(channel_id);
        let mut sent_all = true;
        for piece in split_message(&text, MESSAGE_CONTENT_MAX_CHARS) {
            let message = serenity::CreateMessage::new()
                .content(piece)
                .allowed_mentions(mentions::only_users(recipients.iter().copied()));
            if let Err(error) = channel.send_message(http, message).await {
                tracing::warn!(
                    workshop = %workshop.id,
                    channel_id,
                    "could not post a reminder: {error}"
                );
                sent_all = false;
                break;
            }
        }
        if sent_all {
            posted += 1;
        }
    }
    Ok(posted)
}

/// The relationship's name. The reminder is already marked sent, so a
/// failed lookup leaves the name out rather than losing the reminder.
async fn relationship_name(
    service: &Service,
    workshop: &Workshop,
    id: RelationshipId,
) -> Option<String> {
    match service.relationships(workshop).await {
        Ok(relationships) => relationships
            .into_iter()
            .find(|r| r.id == id)
            .map(|r| r.details.name),
        Err(error) => {
            tracing::warn!(workshop = %workshop.id, "could not name a relationship: {error}");
            None
        }
    }
}

/// "Voting closes soon", mentioning those who have not voted. People
/// without a Discord id (imported from paper) are named instead.
pub fn voting_reminder(
    words: &Words<'_>,
    workshop: &Workshop,
    round: &Round,
    relationship: Option<&str>,
    not_voted: &[Participant],
) -> String {
    let assessment = words.name(round.assessment);
    let subject = match relationship {
        Some(name) => crate::text!(
            words,
            "reminder-subject-for",
            assessment = assessment,
            relationship = name
        ),
        None => assessment,
    };
    let people: Vec<String> = not_voted
        .iter()
        .map(|p| match p.external_id {
            Some(id) => format!("<@{id}>"),
            None => p.display_name.clone(),
        })
        .collect();
    let (title, people) = (workshop.settings.title.as_str(), people.join(", "));
    let deadline = workshop
        .settings
        .deadline
        .map(|d| d.format("%Y-%m-%d").to_string());
    words.text_with_optional(
        crate::key!("reminder-voting-closes-on"),
        crate::key!("reminder-voting-closes-soon"),
        &[
            ("workshop", title),
            ("subject", &subject),
            ("people", &people),
        ],
        ("deadline", deadline.as_deref()),
    )
}

/// "Action #N … fell due."
pub fn action_reminder(words: &Words<'_>, action: &Action) -> String {
    crate::text!(
        words,
        "reminder-action-due",
        number = action.id.to_string(),
        action = clip_label(&action.text, 300),
        owner = action.owner.as_str(),
        due = action.due.format("%Y-%m-%d").to_string()
    )
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::bot::cards::fixtures::words;
    use crate::domain::*;

    fn workshop() -> Workshop {
        Workshop {
            id: WorkshopId(3),
            status: WorkshopStatus::Open,
            created_at: Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
            settings: WorkshopSettings {
                title: "Spring review".to_owned(),
                mode: Mode::Async,
                anonymity_threshold: AnonymityThreshold::DEFAULT,
                deadline: NaiveDate::from_ymd_opt(2026, 12, 10),
                place: Place {
                    guild_id: Some(1),
                    channel_id: Some(2),
                },
                roles: Roles::default(),
                previous: None,
                language: crate::domain::WorkshopLanguage::English,
            },
        }
    }

    fn person(id: i64, external_id: Option<i64>, name: &str) -> Participant {
        Participant {
            id: ParticipantId(id),
            workshop_id: WorkshopId(3),
            external_id,
            display_name: name.to_owned(),
            side: Side::Vcs,
            organisation: None,
            active: true,
            forgotten: false,
        }
    }

    #[test]
    fn voting_reminders_mention_discord_users_and_name_the_others() {
        let round = Round {
            id: RoundId(5),
            workshop_id: WorkshopId(3),
            assessment: Assessment::Strategic,
            subject: Some(RelationshipId(8)),
            status: RoundStatus::Open,
            items_posted: 15,
            opened_at: Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap(),
            revealed_at: None,
            reminder_sent_at: None,
        };
        let text = voting_reminder(
            &words(Language::English),
            &workshop(),
            &round,
            Some("Compact board"),
            &[person(1, Some(21), "Ann"), person(2, None, "Paper voter")],
        );
        assert_eq!(
            text,
            "Reminder for Spring review: voting on Assessment three: how strategic your \
             relationships are, for “Compact board”, closes at the end of 2026-12-10. Not voted \
             yet: <@21>, Paper voter. Use /ballot to answer privately. You can change an answer \
             until the results are shown."
        );
    }

    #[test]
    fn action_reminders_name_the_owner_and_the_next_step() {
        let action = Action {
            id: ActionId(4),
            workshop_id: WorkshopId(3),
            text: "Publish the compact".to_owned(),
            owner: "Policy team".to_owned(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            prompted_by: String::new(),
            status: ActionStatus::Open,
            agreed: true,
            proposed_by: None,
            created_at: Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
            reminder_sent_at: None,
            card: None,
        };
        assert_eq!(
            action_reminder(&words(Language::English), &action),
            "Action #4 “Publish the compact” (owner: Policy team) fell due on 2026-12-01. \
             Update it with /action status."
        );
    }
}
