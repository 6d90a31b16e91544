//! What people are told when something fails, and what the log keeps: the
//! person's own mistakes and refusals privately as they are, stale buttons
//! with a hint, bugs with a reference to quote.

use poise::serenity_prelude as serenity;

use super::custom_id::CustomIdError;
use super::limits::{MESSAGE_CONTENT_MAX_CHARS, clip_label};
use super::{Context, Data, Error};
use crate::bot::mentions;
use crate::bot::support::{command_words, private_words};
use crate::prompts::Words;
use crate::service::ServiceError;

/// A refusal or a mistake meant for the person who acted, shown to them
/// privately as it is. It may be wrapped in `.context(…)`; anything else a
/// command returns is treated as a bug: logged, with a general apology.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

/// How an error is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Severity {
    /// The person's own mistake or a refusal: shown, not worth a warning.
    Expected,
    /// A button from an old card: shown, and logged as a warning.
    Stale,
    /// Anything else: logged as an error, with a reference to quote.
    Bug,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct ErrorReply {
    message: String,
    severity: Severity,
}

/// What to tell the person about `error`. `reference` (the interaction's
/// id) is also in the log line, so a report can be matched to it.
fn reply_for(words: &Words<'_>, error: &Error, reference: u64) -> ErrorReply {
    if let Some(user_error) = error.chain().find_map(|e| e.downcast_ref::<UserError>()) {
        return ErrorReply {
            message: user_error.0.clone(),
            severity: Severity::Expected,
        };
    }
    if let Some(refusal) = error
        .chain()
        .find_map(|e| e.downcast_ref::<ServiceError>())
        .and_then(|e| refusal_words(words, e))
    {
        return ErrorReply {
            message: refusal,
            severity: Severity::Expected,
        };
    }
    if let Some(id_error) = error
        .chain()
        .find_map(|e| e.downcast_ref::<CustomIdError>())
    {
        return ErrorReply {
            message: words.text(id_error.message_key(), None),
            severity: Severity::Stale,
        };
    }
    ErrorReply {
        message: unexpected_failure_message(words, reference),
        severity: Severity::Bug,
    }
}

/// A service refusal in the person's words; `None` for a fault to log.
pub fn refusal_words(words: &Words<'_>, error: &ServiceError) -> Option<String> {
    let text = match error {
        ServiceError::NotFacilitator(refusal) => match refusal.facilitator_role {
            Some(role) => crate::text!(
                words,
                "error-not-facilitator-role",
                role = format!("<@&{role}>")
            ),
            None => crate::text!(words, "error-not-facilitator"),
        },
        other => other.refusal()?.words(words),
    };
    Some(text)
}

fn unexpected_failure_message(words: &Words<'_>, reference: u64) -> String {
    crate::text!(words, "error-unexpected", reference = reference.to_string())
}

fn argument_message(
    words: &Words<'_>,
    command: &str,
    input: Option<&str>,
    problem: &str,
) -> String {
    words.text_with_optional(
        crate::key!("error-option-unusable"),
        crate::key!("error-options-unreadable"),
        &[("command", command), ("problem", problem)],
        ("input", input),
    )
}

fn log_failure(severity: Severity, place: &str, reference: u64, error: &Error) {
    match severity {
        Severity::Expected => tracing::debug!(place, reference, "refused: {error:#}"),
        Severity::Stale => tracing::warn!(place, reference, "stale component: {error:#}"),
        Severity::Bug => tracing::error!(place, reference, "failed: {error:#}"),
    }
}

async fn say_privately(ctx: Context<'_>, message: &str) {
    let reply = poise::CreateReply::default()
        .content(clip_label(message, MESSAGE_CONTENT_MAX_CHARS))
        .ephemeral(true);
    if let Err(error) = ctx.send(reply).await {
        tracing::warn!(
            reference = ctx.id(),
            "could not send an error message: {error}"
        );
    }
}

/// Tells the person privately, in their words, what `message` makes of
/// them and the command they used.
async fn say_about_command(ctx: Context<'_>, message: impl FnOnce(&Words<'_>, &str) -> String) {
    let words = command_words(ctx).await;
    let message = message(&words, &ctx.command().qualified_name);
    say_privately(ctx, &message).await;
}

/// Answers a button or modal privately, whether or not it was already
/// acknowledged (a deferred interaction only takes a follow-up).
async fn reply_to_interaction(
    ctx: &serenity::Context,
    interaction: &serenity::Interaction,
    message: &str,
) {
    let content = clip_label(message, MESSAGE_CONTENT_MAX_CHARS);
    let response = serenity::CreateInteractionResponse::Message(
        mentions::response().content(&content).ephemeral(true),
    );
    let followup = mentions::followup().content(&content).ephemeral(true);
    let outcome = match interaction {
        serenity::Interaction::Component(component) => {
            match component.create_response(&ctx.http, response).await {
                Ok(()) => Ok(()),
                Err(_) => component
                    .create_followup(&ctx.http, followup)
                    .await
                    .map(drop),
            }
        }
        serenity::Interaction::Modal(modal) => {
            match modal.create_response(&ctx.http, response).await {
                Ok(()) => Ok(()),
                Err(_) => modal.create_followup(&ctx.http, followup).await.map(drop),
            }
        }
        // Commands and autocomplete are answered by poise.
        _ => return,
    };
    if let Err(error) = outcome {
        tracing::warn!(
            reference = interaction.id().get(),
            "could not send an error message: {error}"
        );
    }
}

/// Answers a button or modal that failed, privately, and logs the failure
/// as its severity deserves.
pub async fn answer_interaction_failure(
    ctx: &serenity::Context,
    data: &Data,
    interaction: &serenity::Interaction,
    error: &Error,
) {
    let reference = interaction.id().get();
    let Some(words) = interaction_words(data, interaction).await else {
        log_failure(Severity::Bug, "interaction", reference, error);
        return;
    };
    let reply = reply_for(&words, error, reference);
    let place = match interaction {
        serenity::Interaction::Component(component) => format!(
            "button {} by user {}",
            component.data.custom_id, component.user.id
        ),
        serenity::Interaction::Modal(modal) => {
            format!("form {} by user {}", modal.data.custom_id, modal.user.id)
        }
        _ => "interaction".to_owned(),
    };
    log_failure(reply.severity, &place, reference, error);
    reply_to_interaction(ctx, interaction, &reply.message).await;
}

/// The words for the person behind a button or form; `None` for the
/// interactions poise answers (commands, autocomplete, pings).
async fn interaction_words<'a>(
    data: &'a Data,
    interaction: &serenity::Interaction,
) -> Option<Words<'a>> {
    let (guild_id, user_id) = match interaction {
        serenity::Interaction::Component(component) => (component.guild_id, component.user.id),
        serenity::Interaction::Modal(modal) => (modal.guild_id, modal.user.id),
        _ => return None,
    };
    Some(private_words(data, guild_id, user_id).await)
}

/// The central error handler: people see their own mistakes and refusals
/// privately; bugs are logged with context and the person is told what to do.
/// Cases not handled here go to poise's default handler.
pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    use poise::FrameworkError as Failure;
    match error {
        Failure::Command { error, ctx, .. } => {
            let reply = reply_for(&command_words(ctx).await, &error, ctx.id());
            let place = format!(
                "/{} by user {}",
                ctx.command().qualified_name,
                ctx.author().id
            );
            log_failure(reply.severity, &place, ctx.id(), &error);
            say_privately(ctx, &reply.message).await;
        }
        Failure::CommandCheckFailed {
            error: Some(error),
            ctx,
            ..
        } => {
            let reply = reply_for(&command_words(ctx).await, &error, ctx.id());
            let place = format!("check of /{}", ctx.command().qualified_name);
            log_failure(reply.severity, &place, ctx.id(), &error);
            say_privately(ctx, &reply.message).await;
        }
        Failure::CommandCheckFailed {
            error: None, ctx, ..
        } => {
            say_about_command(ctx, |words, command| {
                crate::text!(words, "error-not-here", command = command)
            })
            .await;
        }
        Failure::ArgumentParse {
            error, input, ctx, ..
        } => {
            let problem = error.to_string();
            say_about_command(ctx, |words, command| {
                argument_message(words, command, input.as_deref(), &problem)
            })
            .await;
        }
        Failure::MissingUserPermissions {
            missing_permissions,
            ctx,
            ..
        } => {
            say_about_command(ctx, |words, command| match missing_permissions {
                Some(_) => crate::text!(words, "error-not-allowed", command = command),
                None => crate::text!(words, "error-permissions-unknown", command = command),
            })
            .await;
        }
        Failure::MissingBotPermissions {
            missing_permissions,
            ctx,
            ..
        } => {
            let permission = missing_permissions.to_string();
            say_about_command(ctx, |words, _| {
                crate::text!(words, "error-bot-permission", permission = permission)
            })
            .await;
        }
        Failure::GuildOnly { ctx, .. } => {
            say_about_command(ctx, |words, command| {
                crate::text!(words, "error-direct-message", command = command)
            })
            .await;
        }
        Failure::CommandPanic { payload, ctx, .. } => {
            tracing::error!(
                command = %ctx.command().qualified_name,
                reference = ctx.id(),
                "command panicked: {}",
                payload.as_deref().unwrap_or("(no message)")
            );
            say_about_command(ctx, |words, _| unexpected_failure_message(words, ctx.id())).await;
        }
        Failure::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::error!(
                command = %ctx.command().qualified_name,
                "Discord's copy of the command differs from this build: {description}"
            );
            say_about_command(poise::Context::Application(ctx), |words, command| {
                crate::text!(words, "error-old-command", command = command)
            })
            .await;
        }
        Failure::EventHandler {
            error,
            event,
            framework,
            ..
        } => {
            if let serenity::FullEvent::InteractionCreate { interaction } = event
                && let Some(words) = interaction_words(framework.user_data, interaction).await
            {
                let reference = interaction.id().get();
                let reply = reply_for(&words, &error, reference);
                log_failure(reply.severity, "button or form", reference, &error);
                reply_to_interaction(framework.serenity_context, interaction, &reply.message).await;
            } else {
                tracing::error!(
                    event = event.snake_case_name(),
                    "handling a Discord event failed: {error:#}"
                );
            }
        }
        Failure::Setup { error, .. } => {
            tracing::error!("the bot could not start: {error:#}");
        }
        other => {
            if let Err(error) = poise::builtins::on_error(other).await {
                tracing::warn!("could not send an error message: {error}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::words;
    use crate::bot::custom_id;
    use crate::domain::Language;
    use crate::service::FacilitatorOnly;

    #[test]
    fn user_errors_are_shown_as_they_are() {
        let words = words(Language::English);
        let error = Error::new(UserError::new("You have already joined as council."));
        assert_eq!(
            reply_for(&words, &error, 5),
            ErrorReply {
                message: "You have already joined as council.".to_owned(),
                severity: Severity::Expected
            }
        );
        let wrapped = error.context("while joining workshop 3");
        assert_eq!(
            reply_for(&words, &wrapped, 5).message,
            "You have already joined as council."
        );
    }

    #[test]
    fn stale_buttons_get_the_custom_id_message() {
        let words = words(Language::English);
        let stale = custom_id::ComponentAction::parse("v9:vote:1:2:3:4").unwrap_err();
        let reply = reply_for(&words, &Error::new(stale), 5);
        assert_eq!(reply.severity, Severity::Stale);
        assert_eq!(
            reply.message,
            "This button was made by an older version of Common Ground and no longer works. \
             Ask the facilitator to post the card again."
        );
    }

    #[test]
    fn bugs_get_an_apology_with_a_reference() {
        let words = words(Language::English);
        let error = anyhow::anyhow!("database is locked").context("casting a vote");
        let reply = reply_for(&words, &error, 1_234_567);
        assert_eq!(reply.severity, Severity::Bug);
        assert_eq!(
            reply.message,
            "Something went wrong on Common Ground's side. Please try again in a minute. \
             If it keeps happening, tell whoever runs the bot and give them this reference: 1234567."
        );
        assert!(!reply.message.contains("database"));
    }

    #[test]
    fn argument_errors_name_the_input_and_the_command() {
        let words = words(Language::English);
        assert_eq!(
            argument_message(
                &words,
                "join",
                Some("county"),
                "\"county\" is not a side. Choose one of: council, vcs, other."
            ),
            "Common Ground could not use \"county\" in /join. \"county\" is not a side. \
             Choose one of: council, vcs, other."
        );
        assert_eq!(
            argument_message(&words, "workshop create", None, "Missing a title."),
            "Common Ground could not read the options of /workshop create. Missing a title."
        );
    }

    #[test]
    fn refusals_say_plainly_who_can_help_and_whether_a_vote_stands() {
        let words = words(Language::English);
        let refusal = |facilitator_role| {
            refusal_words(
                &words,
                &ServiceError::NotFacilitator(FacilitatorOnly {
                    action: "reveal the results",
                    facilitator_role,
                }),
            )
        };
        assert_eq!(
            refusal(None).as_deref(),
            Some("Only a facilitator can do this. Ask the person running the workshop.")
        );
        assert_eq!(
            refusal(Some(42)).as_deref(),
            Some(
                "Only a facilitator can do this. Ask the person running the workshop, or \
                 someone with the <@&42> role."
            )
        );
        let closed = |earlier_vote| {
            refusal_words(&words, &ServiceError::VotingClosed { earlier_vote }).unwrap_or_default()
        };
        assert!(
            closed(true).contains("Your vote on it still counts."),
            "{}",
            closed(true)
        );
        assert!(
            closed(false).contains("You had not voted on it"),
            "{}",
            closed(false)
        );
        let fault = ServiceError::Database(crate::db::DbError::RoundAlreadyOpen);
        assert_eq!(refusal_words(&words, &fault), None);
    }

    #[test]
    fn a_welsh_reader_gets_service_refusals_in_welsh() {
        let words = words(Language::Welsh);
        assert_eq!(
            refusal_words(&words, &ServiceError::WorkshopClosed).as_deref(),
            Some(
                "Mae'r gweithdy hwn ar gau. Gofynnwch i'r hwylusydd ei gynnal eto os ydych chi \
                 am asesu eto."
            )
        );
        let gone = ServiceError::NotFound(crate::service::Refusal::new(crate::key!(
            "error-question-gone"
        )));
        assert_eq!(
            refusal_words(&words, &gone).as_deref(),
            Some(
                "Dydy'r cwestiwn hwnnw ddim yn y pecyn cymorth bellach. Agorwch eich papur \
                 pleidleisio gyda /ballot i weld y cwestiynau presennol."
            )
        );
    }
}
