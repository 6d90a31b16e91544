//! The Discord front end on poise: the client set-up, command registration
//! and the central error handler. Buttons and modals are routed by the
//! stateless ids of [`custom_id`]; [`limits`] keeps replies inside Discord's
//! sizes; [`permissions`] decides who is a facilitator.

pub mod actions;
pub mod custom_id;
pub mod limits;
pub mod participants;
pub mod permissions;
pub mod relationships;
pub mod reminders;
pub mod render;
pub mod router;
pub mod support;
pub mod voting;
pub mod workshop;

use std::sync::{Arc, OnceLock};

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use crate::config::{Config, ConfigError};
use crate::service::{Service, ServiceError};
use custom_id::CustomIdError;
use limits::{MESSAGE_CONTENT_MAX_CHARS, clip_label};

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;
pub type Command = poise::Command<Data, Error>;

/// What every command and handler can reach.
#[derive(Debug)]
pub struct Data {
    pub config: Config,
    pub service: Service,
}

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

/// The HTTP client. With `DISCORD_API_BASE` set, every request goes there;
/// serenity ignores the proxy unless its rate limiter is off, and a test
/// server needs no rate limiting.
pub fn http_client(config: &Config) -> Result<serenity::Http, ConfigError> {
    let token = config.discord_token()?.expose();
    Ok(match &config.discord_api_base {
        Some(base) => serenity::HttpBuilder::new(token)
            .proxy(base.as_str())
            .ratelimiter_disabled(true)
            .build(),
        None => serenity::Http::new(token),
    })
}

/// A client builder using [`http_client`], with only the non-privileged
/// intents: a bot of slash commands and buttons needs no more.
pub fn client_builder(config: &Config) -> Result<serenity::ClientBuilder, ConfigError> {
    Ok(serenity::ClientBuilder::new_with_http(
        http_client(config)?,
        serenity::GatewayIntents::non_privileged(),
    ))
}

/// The framework options with the given commands, the error handler and
/// the event handler that routes buttons and modals.
pub fn framework_options(commands: Vec<Command>) -> poise::FrameworkOptions<Data, Error> {
    poise::FrameworkOptions {
        commands,
        on_error: |error| Box::pin(on_error(error)),
        event_handler: router::handle_event,
        ..Default::default()
    }
}

/// Every command of the bot, as the design's Discord interface lists them.
pub fn commands() -> Vec<Command> {
    let mut commands = workshop::commands();
    commands.extend(participants::commands());
    commands.extend(voting::commands());
    commands.extend(relationships::commands());
    commands.extend(actions::commands());
    commands
}

/// Registers the slash commands: in the `dev_guild` only when given (they
/// appear at once there), otherwise everywhere.
pub async fn register_commands(
    http: &serenity::Http,
    commands: &[Command],
    dev_guild: Option<u64>,
) -> anyhow::Result<()> {
    match dev_guild {
        Some(guild) => {
            poise::builtins::register_in_guild(http, commands, serenity::GuildId::new(guild))
                .await
                .with_context(|| {
                    format!(
                        "Could not register the slash commands in the server {guild} named by \
                         DEV_GUILD_ID. Check that the bot has been added to that server."
                    )
                })?;
            tracing::info!(
                guild,
                count = commands.len(),
                "registered commands in one server"
            );
        }
        None => {
            poise::builtins::register_globally(http, commands)
                .await
                .context("Could not register the slash commands with Discord.")?;
            tracing::info!(count = commands.len(), "registered commands globally");
        }
    }
    Ok(())
}

/// Starts the bot with every command, over the service.
pub async fn start(config: Config, service: Service) -> anyhow::Result<()> {
    run(Data { config, service }, framework_options(commands())).await
}

/// The poise framework over `data`: once connected it registers the
/// commands (stopping the bot if that fails) and starts the reminders.
pub fn framework(
    data: Data,
    options: poise::FrameworkOptions<Data, Error>,
) -> poise::Framework<Data, Error> {
    build_framework(data, options, Arc::new(OnceLock::new()))
}

fn build_framework(
    data: Data,
    options: poise::FrameworkOptions<Data, Error>,
    failure_slot: Arc<OnceLock<String>>,
) -> poise::Framework<Data, Error> {
    let dev_guild = data.config.dev_guild_id;
    poise::Framework::builder()
        .options(options)
        // The bot has no owner-only commands, so it need not look owners up.
        .initialize_owners(false)
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(bot = %ready.user.name, "connected to Discord");
                let commands = &framework.options().commands;
                match register_commands(&ctx.http, commands, dev_guild).await {
                    Ok(()) => {
                        reminders::spawn(ctx.clone(), data.service.clone());
                        Ok(data)
                    }
                    Err(error) => {
                        let message = format!("{error:#}");
                        let _ = failure_slot.set(message.clone());
                        // Without commands the bot is no use: stop rather than idle.
                        framework.shard_manager().shutdown_all().await;
                        Err(anyhow::anyhow!(message))
                    }
                }
            })
        })
        .build()
}

/// Connects to Discord and serves until Ctrl-C, or until the connection
/// fails. Commands are registered once connected; if that fails the bot stops
/// and the error is returned.
pub async fn run(data: Data, options: poise::FrameworkOptions<Data, Error>) -> anyhow::Result<()> {
    let builder = client_builder(&data.config)?;
    let setup_failure = Arc::new(OnceLock::<String>::new());
    let framework = build_framework(data, options, Arc::clone(&setup_failure));
    let mut client = builder
        .framework(framework)
        .await
        .context("Could not set up the Discord client.")?;
    let shard_manager = Arc::clone(&client.shard_manager);
    let stop_on_ctrl_c = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            tracing::info!("stopping: closing the connection to Discord");
            shard_manager.shutdown_all().await;
        }
    });
    let outcome = client
        .start()
        .await
        .context("The connection to Discord failed.");
    stop_on_ctrl_c.abort();
    if let Some(message) = setup_failure.get() {
        anyhow::bail!("{message}");
    }
    outcome
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
fn reply_for(error: &Error, reference: u64) -> ErrorReply {
    if let Some(user_error) = error.chain().find_map(|e| e.downcast_ref::<UserError>()) {
        return ErrorReply {
            message: user_error.0.clone(),
            severity: Severity::Expected,
        };
    }
    if let Some(refusal) = error
        .chain()
        .find_map(|e| e.downcast_ref::<ServiceError>())
        .filter(|e| e.is_user_error())
    {
        return ErrorReply {
            message: refusal.to_string(),
            severity: Severity::Expected,
        };
    }
    if let Some(id_error) = error
        .chain()
        .find_map(|e| e.downcast_ref::<CustomIdError>())
    {
        return ErrorReply {
            message: id_error.user_message().to_owned(),
            severity: Severity::Stale,
        };
    }
    ErrorReply {
        message: unexpected_failure_message(reference),
        severity: Severity::Bug,
    }
}

fn unexpected_failure_message(reference: u64) -> String {
    format!(
        "Something went wrong on Common Ground's side. Please try again in a minute. \
         If it keeps happening, tell whoever runs the bot and give them this reference: {reference}."
    )
}

fn argument_message(command: &str, input: Option<&str>, error: &str) -> String {
    match input {
        Some(input) => format!("Common Ground could not use \"{input}\" in /{command}. {error}"),
        None => format!("Common Ground could not read the options of /{command}. {error}"),
    }
}

fn log_failure(severity: Severity, place: &str, reference: u64, error: &Error) {
    match severity {
        Severity::Expected => tracing::debug!(place, reference, "refused: {error:#}"),
        Severity::Stale => tracing::warn!(place, reference, "stale component: {error:#}"),
        Severity::Bug => tracing::error!(place, reference, "failed: {error:#}"),
    }
}

/// No pings from error messages, even when they name a role.
fn no_mentions() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
}

async fn say_privately(ctx: Context<'_>, message: &str) {
    let reply = poise::CreateReply::default()
        .content(clip_label(message, MESSAGE_CONTENT_MAX_CHARS))
        .ephemeral(true)
        .allowed_mentions(no_mentions());
    if let Err(error) = ctx.send(reply).await {
        tracing::warn!(
            reference = ctx.id(),
            "could not send an error message: {error}"
        );
    }
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
        serenity::CreateInteractionResponseMessage::new()
            .content(&content)
            .ephemeral(true)
            .allowed_mentions(no_mentions()),
    );
    let followup = serenity::CreateInteractionResponseFollowup::new()
        .content(&content)
        .ephemeral(true)
        .allowed_mentions(no_mentions());
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
async fn answer_interaction_failure(
    ctx: &serenity::Context,
    interaction: &serenity::Interaction,
    error: &Error,
) {
    let reference = interaction.id().get();
    let reply = reply_for(error, reference);
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

/// The central error handler: people see their own mistakes and refusals
/// privately; bugs are logged with context and the person is told what to do.
/// Cases not handled here go to poise's default handler.
pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    use poise::FrameworkError as Failure;
    match error {
        Failure::Command { error, ctx, .. } => {
            let reply = reply_for(&error, ctx.id());
            let place = format!(
                "/{} by user {}",
                ctx.command().qualified_name,
                ctx.author().id
            );
            log_failure(reply.severity, &place, ctx.id(), &error);
            say_privately(ctx, &reply.message).await;
        }
        Failure::CommandCheckFailed { error, ctx, .. } => {
            let message = match error {
                Some(error) => {
                    let reply = reply_for(&error, ctx.id());
                    let place = format!("check of /{}", ctx.command().qualified_name);
                    log_failure(reply.severity, &place, ctx.id(), &error);
                    reply.message
                }
                None => format!("You cannot use /{} here.", ctx.command().qualified_name),
            };
            say_privately(ctx, &message).await;
        }
        Failure::ArgumentParse {
            error, input, ctx, ..
        } => {
            let message = argument_message(
                &ctx.command().qualified_name,
                input.as_deref(),
                &error.to_string(),
            );
            say_privately(ctx, &message).await;
        }
        Failure::MissingUserPermissions {
            missing_permissions,
            ctx,
            ..
        } => {
            let command = &ctx.command().qualified_name;
            let message = match missing_permissions {
                Some(missing) => format!("You need the {missing} permission to use /{command}."),
                None => format!(
                    "Common Ground could not check your permissions for /{command}, so it did \
                     nothing. Please try again."
                ),
            };
            say_privately(ctx, &message).await;
        }
        Failure::MissingBotPermissions {
            missing_permissions,
            ctx,
            ..
        } => {
            let message = format!(
                "Common Ground needs the {missing_permissions} permission in this channel to do \
                 that. Ask someone who manages the server to give it, then try again."
            );
            say_privately(ctx, &message).await;
        }
        Failure::GuildOnly { ctx, .. } => {
            let message = format!(
                "Use /{} in a channel of the server where the workshop runs, not in a direct message.",
                ctx.command().qualified_name
            );
            say_privately(ctx, &message).await;
        }
        Failure::CommandPanic { payload, ctx, .. } => {
            tracing::error!(
                command = %ctx.command().qualified_name,
                reference = ctx.id(),
                "command panicked: {}",
                payload.as_deref().unwrap_or("(no message)")
            );
            say_privately(ctx, &unexpected_failure_message(ctx.id())).await;
        }
        Failure::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::error!(
                command = %ctx.command().qualified_name,
                "Discord's copy of the command differs from this build: {description}"
            );
            let message = format!(
                "Discord still has an older version of /{}. Please wait a minute for it to update, \
                 then try again.",
                ctx.command().qualified_name
            );
            say_privately(poise::Context::Application(ctx), &message).await;
        }
        Failure::EventHandler {
            error,
            event,
            framework,
            ..
        } => {
            if let serenity::FullEvent::InteractionCreate { interaction } = event {
                let reference = interaction.id().get();
                let reply = reply_for(&error, reference);
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
    use std::sync::Mutex;

    use axum::extract::State;
    use axum::http::{HeaderMap, Method, StatusCode, Uri};
    use axum::response::{IntoResponse, Response};

    fn config(pairs: &[(&str, &str)]) -> Config {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        Config::from_lookup(|name| {
            pairs
                .iter()
                .find(|(wanted, _)| wanted == name)
                .map(|(_, value)| value.clone())
        })
        .unwrap()
    }

    type Seen = Arc<Mutex<Vec<String>>>;

    /// Records "METHOD path authorization" and answers the two routes the
    /// tests use; everything else is Discord's 404.
    async fn record(
        State(seen): State<Seen>,
        method: Method,
        uri: Uri,
        headers: HeaderMap,
    ) -> Response {
        let authorization = headers
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .unwrap_or("none");
        seen.lock()
            .unwrap()
            .push(format!("{method} {} {authorization}", uri.path()));
        if uri.path() == "/api/v10/gateway" {
            axum::Json(serde_json::json!({"url": "ws://127.0.0.1:9/gateway"})).into_response()
        } else if uri.path().ends_with("/commands") {
            axum::Json(serde_json::json!([])).into_response()
        } else {
            let body = serde_json::json!({"message": "Unknown", "code": 0});
            (StatusCode::NOT_FOUND, axum::Json(body)).into_response()
        }
    }

    async fn fake_discord() -> (String, Seen) {
        let seen = Seen::default();
        let app = axum::Router::new()
            .fallback(record)
            .with_state(Arc::clone(&seen));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (base, seen)
    }

    #[test]
    fn without_a_token_there_is_no_client() {
        let error = client_builder(&config(&[])).err().unwrap();
        assert_eq!(error, ConfigError::MissingToken);
    }

    #[test]
    fn the_real_discord_client_keeps_its_rate_limiter() {
        let http = http_client(&config(&[("DISCORD_TOKEN", "a.b.c")])).unwrap();
        assert_eq!(http.proxy, None);
        assert!(http.ratelimiter.is_some());
        assert_eq!(http.token(), "Bot a.b.c");
    }

    #[test]
    fn the_client_asks_for_no_privileged_intents() {
        let builder = client_builder(&config(&[("DISCORD_TOKEN", "a.b.c")])).unwrap();
        let intents = builder.get_intents();
        assert_eq!(intents, serenity::GatewayIntents::non_privileged());
        assert!(!intents.contains(serenity::GatewayIntents::MESSAGE_CONTENT));
        assert!(!intents.contains(serenity::GatewayIntents::GUILD_MEMBERS));
    }

    #[tokio::test]
    async fn with_an_api_base_requests_and_the_gateway_go_there() {
        let (base, seen) = fake_discord().await;
        let config = config(&[("DISCORD_TOKEN", "t.o.k"), ("DISCORD_API_BASE", &base)]);
        let http = http_client(&config).unwrap();
        assert!(http.ratelimiter.is_none());
        let gateway = http.get_gateway().await.unwrap();
        assert_eq!(gateway.url, "ws://127.0.0.1:9/gateway");
        assert_eq!(
            *seen.lock().unwrap(),
            vec!["GET /api/v10/gateway Bot t.o.k".to_owned()]
        );
    }

    #[tokio::test]
    async fn commands_go_to_the_dev_guild_when_set_else_everywhere() {
        let (base, seen) = fake_discord().await;
        let config = config(&[("DISCORD_TOKEN", "t.o.k"), ("DISCORD_API_BASE", &base)]);
        let http = http_client(&config).unwrap();
        http.set_application_id(serenity::ApplicationId::new(1));
        register_commands(&http, &[], Some(77)).await.unwrap();
        register_commands(&http, &[], None).await.unwrap();
        assert_eq!(
            *seen.lock().unwrap(),
            vec![
                "PUT /api/v10/applications/1/guilds/77/commands Bot t.o.k".to_owned(),
                "PUT /api/v10/applications/1/commands Bot t.o.k".to_owned(),
            ]
        );
    }

    #[tokio::test]
    async fn a_failed_registration_says_which_server_to_check() {
        // A port that was just free: nothing answers there.
        let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", closed.local_addr().unwrap());
        drop(closed);
        let config = config(&[("DISCORD_TOKEN", "t.o.k"), ("DISCORD_API_BASE", &base)]);
        let http = http_client(&config).unwrap();
        http.set_application_id(serenity::ApplicationId::new(1));
        let error = register_commands(&http, &[], Some(77)).await.unwrap_err();
        assert_eq!(
            error.to_string(),
            "Could not register the slash commands in the server 77 named by DEV_GUILD_ID. \
             Check that the bot has been added to that server."
        );
    }

    #[test]
    fn user_errors_are_shown_as_they_are() {
        let error = Error::new(UserError::new("You have already joined as council."));
        assert_eq!(
            reply_for(&error, 5),
            ErrorReply {
                message: "You have already joined as council.".to_owned(),
                severity: Severity::Expected
            }
        );
        let wrapped = error.context("while joining workshop 3");
        assert_eq!(
            reply_for(&wrapped, 5).message,
            "You have already joined as council."
        );
    }

    #[test]
    fn stale_buttons_get_the_custom_id_message() {
        let stale = custom_id::ComponentAction::parse("v9:vote:1:2:3:4").unwrap_err();
        let reply = reply_for(&Error::new(stale.clone()), 5);
        assert_eq!(reply.severity, Severity::Stale);
        assert_eq!(reply.message, stale.user_message());
    }

    #[test]
    fn bugs_get_an_apology_with_a_reference() {
        let error = anyhow::anyhow!("database is locked").context("casting a vote");
        let reply = reply_for(&error, 1_234_567);
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
        assert_eq!(
            argument_message(
                "join",
                Some("county"),
                "\"county\" is not a side. Choose one of: council, vcs, other."
            ),
            "Common Ground could not use \"county\" in /join. \"county\" is not a side. \
             Choose one of: council, vcs, other."
        );
        assert_eq!(
            argument_message("workshop create", None, "Missing a title."),
            "Common Ground could not read the options of /workshop create. Missing a title."
        );
    }
}
