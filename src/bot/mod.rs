//! The Discord front end on poise: the client set-up and command
//! registration. Slash commands are in [`commands`], the cards people press
//! (with their button and form handlers) in [`cards`], routed by the
//! stateless ids of [`custom_id`] in [`router`]; [`embeds`] pages long
//! lists, [`limits`] keeps replies inside Discord's sizes, [`permissions`]
//! decides who is a facilitator and [`errors`] words every failure.

pub mod cards;
pub mod commands;
pub mod custom_id;
pub mod deadlines;
pub mod embeds;
pub mod errors;
pub mod limits;
pub mod mentions;
mod periodic;
pub mod permissions;
pub mod refresher;
pub mod reminders;
pub mod retention;
pub mod router;
pub mod support;

/// The join buttons under the path the end-to-end tests use.
pub use cards::join as participants;
pub use errors::{UserError, on_error};

use std::sync::{Arc, OnceLock};

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use crate::config::{Config, ConfigError};
use crate::prompts::Catalogue;
use crate::service::Service;

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;
pub type Command = poise::Command<Data, Error>;

/// What every command and handler can reach.
#[derive(Debug)]
pub struct Data {
    pub config: Config,
    pub service: Service,
    /// Every word the bot says, in every language it speaks.
    pub catalogue: Arc<Catalogue>,
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

/// A client builder using [`http_client`], with the `GUILDS` intent alone:
/// a bot of slash commands and buttons needs no messages, typing or members.
pub fn client_builder(config: &Config) -> Result<serenity::ClientBuilder, ConfigError> {
    Ok(serenity::ClientBuilder::new_with_http(
        http_client(config)?,
        serenity::GatewayIntents::GUILDS,
    ))
}

/// The framework options with the given commands, the error handler, the
/// event handler that routes buttons and modals, and replies that ping
/// nobody unless they say otherwise.
pub fn framework_options(commands: Vec<Command>) -> poise::FrameworkOptions<Data, Error> {
    poise::FrameworkOptions {
        commands,
        allowed_mentions: Some(mentions::none()),
        on_error: |error| Box::pin(on_error(error)),
        event_handler: router::handle_event,
        ..Default::default()
    }
}

/// Every command of the bot, as the design's Discord interface lists them.
pub fn commands() -> Vec<Command> {
    commands::all()
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
pub async fn start(
    config: Config,
    service: Service,
    catalogue: Arc<Catalogue>,
) -> anyhow::Result<()> {
    let data = Data {
        config,
        service,
        catalogue,
    };
    run(data, framework_options(commands())).await
}

/// The poise framework over `data`, with the commands worded from its
/// catalogue: once connected it registers the commands (stopping the bot if
/// that fails) and starts the reminders and the removal of personal data past
/// its retention period.
pub fn framework(
    data: Data,
    options: poise::FrameworkOptions<Data, Error>,
) -> poise::Framework<Data, Error> {
    build_framework(data, options, Arc::new(OnceLock::new()))
}

fn build_framework(
    data: Data,
    mut options: poise::FrameworkOptions<Data, Error>,
    failure_slot: Arc<OnceLock<String>>,
) -> poise::Framework<Data, Error> {
    commands::words::describe(&data.catalogue, &mut options.commands);
    let dev_guild = data.config.dev_guild_id;
    let retention_days = data.config.retention_days;
    poise::Framework::builder()
        .options(options)
        // The bot has no owner-only commands, so it need not look owners up.
        .initialize_owners(false)
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(bot = %ready.user.name, "connected to Discord");
                // A question left marked posted without its card by a stop
                // in the middle of /workshop next is posted again.
                match data.service.take_back_cardless_questions().await {
                    Ok(0) => {}
                    Ok(count) => tracing::info!(count, "took back questions posted without a card"),
                    Err(error) => {
                        tracing::warn!("could not check for questions without a card: {error}")
                    }
                }
                let commands = &framework.options().commands;
                match register_commands(&ctx.http, commands, dev_guild).await {
                    Ok(()) => {
                        let catalogue = &data.catalogue;
                        reminders::spawn(ctx.clone(), data.service.clone(), Arc::clone(catalogue));
                        retention::spawn(data.service.clone(), retention_days);
                        deadlines::spawn(ctx.clone(), data.service.clone(), Arc::clone(catalogue));
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
    fn the_client_asks_for_the_guilds_intent_alone() {
        let builder = client_builder(&config(&[("DISCORD_TOKEN", "a.b.c")])).unwrap();
        let intents = builder.get_intents();
        assert_eq!(intents, serenity::GatewayIntents::GUILDS);
        assert!(!intents.contains(serenity::GatewayIntents::GUILD_MESSAGES));
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
}
