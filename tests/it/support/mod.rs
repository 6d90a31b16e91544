//! # A fake Discord for end-to-end tests
//!
//! `FakeDiscord::start()` serves Discord's REST API (axum, on 127.0.0.1:0)
//! and its gateway (a tokio-tungstenite websocket on another 127.0.0.1:0
//! port). The real serenity / poise stack talks to it unchanged: its `Http`
//! is built with `.proxy(api_base)` and `.ratelimiter_disabled(true)` (the
//! proxy is ignored while serenity's rate limiter is on), and
//! `GET /api/v10/gateway` points the shard at the fake gateway.
//!
//! What it does for a test:
//! - records every request (`requests()`, `wait_for(...)`), parsing JSON and
//!   multipart bodies (`payload_json` plus `files[N]`);
//! - checks every body against Discord's OpenAPI description (`spec.rs`),
//!   collecting violations; `assert_no_violations()` runs on drop, so a
//!   scenario fails when the bot sends what Discord would refuse;
//! - keeps the messages the bot created and edited, the threads and DM
//!   channels it opened and the commands it registered, so a test can click
//!   a button on a message as it stands;
//! - builds interactions (`slash_command`, `autocomplete`, `button_click`,
//!   `select_menu`, `modal_submit`), each checked by deserialising it into
//!   serenity's `Interaction` so a bad fixture fails loudly instead of being
//!   silently ignored by the bot;
//! - injects faults: `fail_next(method, route pattern, Fault)` and
//!   `drop_gateway()` (serenity resumes; the fake answers RESUMED);
//! - enforces Discord's per-channel limits on message creates and edits
//!   (`limits.rs`): past the budget it answers 429 as Discord does. Tests
//!   read `rate_limited_requests()`, `channel_sends(channel)` and
//!   `most_sends_within(channel, window)`, make a message old with
//!   `age_message`, and only where a test truly must can switch the limits
//!   off with `enforce_rate_limits(false)`.
//!
//! ## Adding a scenario
//! ```ignore
//! #[tokio::test]
//! async fn facilitator_opens_a_round() {
//!     let fake = FakeDiscord::start().await;
//!     let bot = fake.run_framework(my_framework()).await;   // or run_client
//!     fake.wait_for(|r| r.is("PUT", "/applications/*/commands"), WAIT).await;
//!     let alice = Actor::new(FakeUser::new(10, "alice"), Place::guild(1, 2));
//!     let command = fake.slash_command(&alice, "workshop", &["open"], &[]);
//!     fake.dispatch(&command).await;
//!     let reply = fake.wait_for_callback(&command).await;
//!     assert_eq!(reply.json()["data"]["content"], "...");
//!     let card = fake.original_response(&command);
//!     let click = fake.button_click(&alice, &card.button("3"), card.id);
//!     fake.dispatch(&click).await;
//!     // ... assert on fake.wait_for_callback(&click) and fake.message(card.id)
//!     bot.stop().await;
//! } // dropping `fake` fails the test if any request broke Discord's schema
//! ```
//! Wait on requests (`wait_for`), never on time. Give every scenario its own
//! `FakeDiscord`; they share nothing but the compiled schemas.

pub mod fixtures;
mod gateway;
pub mod limits;
pub mod rest;
pub mod spec;

use std::sync::Arc;
use std::time::Duration;

use axum::http::Method;
use serde_json::{Value, json};
use serenity::all::{Client, ClientBuilder, GatewayIntents, Http, HttpBuilder, ShardManager};
use tokio::task::JoinHandle;

pub use fixtures::{
    Actor, FakeUser, InteractionEvent, OptionValue, Place, StoredChannel, StoredMessage,
    permissions,
};
use gateway::Gateway;
pub use rest::{Fault, Recorded};
use rest::{InteractionInfo, Shared};
pub use spec::Violation;

/// The entry of a JSON list (fields, options, relationships …) whose
/// `name` is `name`; `None` when there is no such entry or no list.
pub fn named<'a>(entries: &'a Value, name: &str) -> Option<&'a Value> {
    entries
        .as_array()
        .into_iter()
        .flatten()
        .find(|entry| entry["name"] == name)
}

/// How long a test waits for the bot before it fails. Generous: a reveal
/// draws charts, which takes a few seconds on a busy two-core machine, and a
/// passing test never waits this long.
pub const WAIT: Duration = Duration::from_secs(30);

const TOKEN: &str = "fake.bot.token";

pub struct FakeDiscord {
    shared: Arc<Shared>,
    gateway: Arc<Gateway>,
    api_base: String,
    servers: Vec<JoinHandle<()>>,
}

/// A bot running against the fake; `stop()` shuts its shards down.
pub struct RunningBot {
    shard_manager: Arc<ShardManager>,
    client: JoinHandle<Result<(), serenity::Error>>,
    gateway: Arc<Gateway>,
}

impl RunningBot {
    pub async fn stop(self) {
        // serenity's shard runner reads its shutdown order only between
        // gateway frames, or after a 500 ms read timeout: nudge it with
        // heartbeat acks (harmless) until it has shut down.
        let mut nudges = tokio::time::interval(Duration::from_millis(20));
        let shutdown = self.shard_manager.shutdown_all();
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                () = &mut shutdown => break,
                _ = nudges.tick() => self.gateway.nudge(),
            }
        }
        // The client returns once its shards are down; do not wait forever.
        let _ = tokio::time::timeout(WAIT, self.client).await;
    }
}

impl FakeDiscord {
    pub async fn start() -> Self {
        let (gateway, gateway_listener) = Gateway::bind()
            .await
            .expect("fake Discord: cannot bind the gateway port");
        let rest_listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake Discord: cannot bind the REST port");
        let api_base = format!(
            "http://{}",
            rest_listener
                .local_addr()
                .expect("fake Discord: REST port has no address")
        );
        let shared = Arc::new(Shared::new(gateway.url().to_owned()));
        let router = rest::router(Arc::clone(&shared));
        let rest_server = tokio::spawn(async move {
            // Serving stops only when the test's runtime ends.
            let _ = axum::serve(rest_listener, router).await;
        });
        let gateway_server = tokio::spawn(Arc::clone(&gateway).serve(gateway_listener));
        Self {
            shared,
            gateway,
            api_base,
            servers: vec![rest_server, gateway_server],
        }
    }

    /// [`Self::start`], leaving mentions unchecked: for a toy bot, or
    /// requests made by hand, that are not Common Ground (every request
    /// Common Ground sends must ping nobody it did not name).
    pub async fn start_with_mentions_unchecked() -> Self {
        let fake = Self::start().await;
        fake.shared.state().mentions_unchecked = true;
        fake
    }

    /// The base URL to give `HttpBuilder::proxy`, e.g. `http://127.0.0.1:PORT`.
    pub fn api_base(&self) -> &str {
        &self.api_base
    }

    pub fn gateway_url(&self) -> &str {
        self.gateway.url()
    }

    /// A serenity `Http` that talks to this fake.
    pub fn http(&self) -> Http {
        HttpBuilder::new(TOKEN)
            .proxy(self.api_base.clone())
            .ratelimiter_disabled(true)
            .application_id(fixtures::BOT_ID.into())
            .build()
    }

    /// Starts a poise framework as a bot against the fake and waits until
    /// it is connected.
    pub async fn run_framework<U, E>(&self, framework: poise::Framework<U, E>) -> RunningBot
    where
        U: Send + Sync + 'static,
        E: Send + Sync + 'static,
    {
        let client = ClientBuilder::new_with_http(self.http(), GatewayIntents::non_privileged())
            .framework(framework)
            .await
            .expect("fake Discord: the serenity client did not build");
        self.run_client(client).await
    }

    /// Starts a client built on `self.http()` and waits until it is connected.
    pub async fn run_client(&self, mut client: Client) -> RunningBot {
        let shard_manager = Arc::clone(&client.shard_manager);
        let client = tokio::spawn(async move { client.start().await });
        self.wait_ready().await;
        RunningBot {
            shard_manager,
            client,
            gateway: Arc::clone(&self.gateway),
        }
    }

    /// Waits until the bot is identified (or resumed) on the gateway.
    pub async fn wait_ready(&self) {
        self.gateway.wait_ready(WAIT).await;
    }

    // ---- recorded requests -------------------------------------------------

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.state().requests.clone()
    }

    /// The first request, already made or still to come, that matches.
    pub async fn wait_for(
        &self,
        matches: impl Fn(&Recorded) -> bool,
        timeout: Duration,
    ) -> Recorded {
        self.wait_until(
            timeout,
            |requests| requests.iter().find(|request| matches(request)).cloned(),
            |_| format!("no matching request within {timeout:?}"),
        )
        .await
    }

    /// Waits until at least `n` requests match (for repeated requests to
    /// one route, such as the edits of a card).
    pub async fn wait_for_count(&self, matches: impl Fn(&Recorded) -> bool, n: usize) {
        let count = |requests: &[Recorded]| requests.iter().filter(|r| matches(r)).count();
        self.wait_until(
            WAIT,
            |requests| (count(requests) >= n).then_some(()),
            |requests| {
                format!(
                    "{} of {n} matching requests within {WAIT:?}",
                    count(requests)
                )
            },
        )
        .await
    }

    /// Looks at the requests again each time one is recorded, until `look`
    /// finds what it wants; past `timeout` it panics, saying what is
    /// `missing` and listing the requests.
    async fn wait_until<T>(
        &self,
        timeout: Duration,
        look: impl Fn(&[Recorded]) -> Option<T>,
        missing: impl Fn(&[Recorded]) -> String,
    ) -> T {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let recorded = self.shared.recorded.notified();
            tokio::pin!(recorded);
            recorded.as_mut().enable();
            if let Some(found) = look(&self.shared.state().requests) {
                return found;
            }
            if tokio::time::timeout_at(deadline, recorded).await.is_err() {
                panic!(
                    "fake Discord: {}. Requests so far:\n{}",
                    missing(&self.requests()),
                    self.request_summary()
                );
            }
        }
    }

    /// The bot's interaction callback for `event`.
    pub async fn wait_for_callback(&self, event: &InteractionEvent) -> Recorded {
        let route = event.callback_route();
        self.wait_for(|request| request.route == route, WAIT).await
    }

    /// Sends an interaction and waits for the bot's callback to it.
    pub async fn answer(&self, event: &InteractionEvent) -> Recorded {
        self.dispatch(event).await;
        self.wait_for_callback(event).await
    }

    /// Runs a slash command (`path` starts with its name) and returns it
    /// with the bot's callback.
    pub async fn command(
        &self,
        actor: &Actor,
        path: &[&str],
        options: &[(&str, OptionValue)],
    ) -> (InteractionEvent, Recorded) {
        let (name, path) = path.split_first().expect("a command name");
        let event = self.slash_command(actor, name, path, options);
        let callback = self.answer(&event).await;
        (event, callback)
    }

    /// Clicks the button labelled `label` on a message the bot sent and
    /// returns the click with the bot's first callback for it.
    pub async fn click(
        &self,
        actor: &Actor,
        message: &StoredMessage,
        label: &str,
    ) -> (InteractionEvent, Recorded) {
        self.press(actor, &message.button(label), message.id).await
    }

    /// Clicks the button `custom_id` on message `message_id`, as [`Self::click`].
    pub async fn press(
        &self,
        actor: &Actor,
        custom_id: &str,
        message_id: u64,
    ) -> (InteractionEvent, Recorded) {
        let event = self.button_click(actor, custom_id, message_id);
        let callback = self.answer(&event).await;
        (event, callback)
    }

    /// One line per request: method, route, status.
    pub fn request_summary(&self) -> String {
        self.shared
            .state()
            .requests
            .iter()
            .map(|r| format!("  {} {} -> {}", r.method, r.route, r.status))
            .collect::<Vec<_>>()
            .join("\n")
    }

    // ---- Discord's rate limits ---------------------------------------------

    /// Every request the fake answered with 429, injected or earned.
    pub fn rate_limited_requests(&self) -> Vec<Recorded> {
        self.shared
            .state()
            .requests
            .iter()
            .filter(|request| request.status == 429)
            .cloned()
            .collect()
    }

    /// The creates and edits of messages in `channel_id` that the channel's
    /// budget let through, in order; each carries its time in `at`.
    pub fn channel_sends(&self, channel_id: u64) -> Vec<Recorded> {
        self.shared
            .state()
            .requests
            .iter()
            .filter(|request| {
                request.status != 429
                    && limits::MessageRequest::of(request.method.as_str(), &request.route)
                        .is_some_and(|budgeted| budgeted.channel_id() == channel_id)
            })
            .cloned()
            .collect()
    }

    /// The most creates and edits of messages in `channel_id` let through
    /// within any one `window`: at most 5 for 5 seconds on Discord.
    pub fn most_sends_within(&self, channel_id: u64, window: Duration) -> usize {
        let times: Vec<_> = self
            .channel_sends(channel_id)
            .iter()
            .map(|request| request.at)
            .collect();
        limits::most_within(&times, window)
    }

    /// Makes message `id` older by `by`, e.g. by `limits::OLD_MESSAGE_AGE`
    /// so that its edits spend the smaller budget of old messages.
    pub fn age_message(&self, id: u64, by: Duration) {
        assert!(
            self.shared.state().limits.age(id, by),
            "the fake has no message {id} to age"
        );
    }

    /// Switches the rate limits on (the default) or off for this fake.
    pub fn enforce_rate_limits(&self, enforced: bool) {
        self.shared.state().limits.enforced = enforced;
    }

    // ---- validation --------------------------------------------------------

    pub fn violations(&self) -> Vec<Violation> {
        self.shared.state().violations.clone()
    }

    /// The violations so far, forgotten so that drop does not fail on them.
    pub fn take_violations(&self) -> Vec<Violation> {
        std::mem::take(&mut self.shared.state().violations)
    }

    pub fn assert_no_violations(&self) {
        let violations = self.violations();
        if !violations.is_empty() {
            let list: Vec<String> = violations.iter().map(|v| format!("  {v}")).collect();
            panic!(
                "the bot sent {} request bodies Discord would refuse:\n{}",
                violations.len(),
                list.join("\n")
            );
        }
    }

    // ---- faults ------------------------------------------------------------

    /// The next request with this method whose route matches `pattern`
    /// (`*` matches one segment) gets `fault` instead of its answer.
    pub fn fail_next(&self, method: &str, pattern: &str, fault: Fault) {
        let method = Method::from_bytes(method.as_bytes())
            .unwrap_or_else(|_| panic!("{method:?} is not an HTTP method"));
        self.shared.add_fault(method, pattern, fault);
    }

    /// Closes the gateway connection as Discord does when it wants the
    /// client to reconnect; serenity resumes and `dispatch` waits for that.
    pub fn drop_gateway(&self) {
        self.gateway.drop_connection();
    }

    /// How many times the bot sent IDENTIFY (op 2).
    pub fn gateway_identifies(&self) -> usize {
        self.gateway.identifies()
    }

    /// How many times the bot sent RESUME (op 6).
    pub fn gateway_resumes(&self) -> usize {
        self.gateway.resumes()
    }

    // ---- state the bot built -------------------------------------------------

    pub fn message(&self, id: u64) -> Option<StoredMessage> {
        self.shared.state().messages.get(&id).cloned()
    }

    /// Every message that still exists, oldest first.
    pub fn messages(&self) -> Vec<StoredMessage> {
        let mut messages: Vec<_> = self.shared.state().messages.values().cloned().collect();
        messages.sort_by_key(|message| message.id);
        messages
    }

    /// The response message of an interaction (after a reply, a deferral or
    /// an update).
    pub fn original_response(&self, event: &InteractionEvent) -> StoredMessage {
        let state = self.shared.state();
        state
            .interactions
            .get(&event.token)
            .and_then(|interaction| interaction.original)
            .and_then(|id| state.messages.get(&id))
            .cloned()
            .unwrap_or_else(|| panic!("interaction {} has no response message", event.id))
    }

    pub fn channel(&self, id: u64) -> Option<StoredChannel> {
        self.shared.state().channels.get(&id).cloned()
    }

    /// Makes `GET /channels/{id}` answer with this channel (e.g. a forum, 15).
    pub fn add_channel(&self, channel: StoredChannel) {
        self.shared.state().channels.insert(channel.id, channel);
    }

    /// Makes `GET /guilds/{guild}/members/{user}` answer for this user.
    pub fn add_member(&self, guild_id: u64, user: &FakeUser) {
        self.shared
            .state()
            .members
            .insert((guild_id, user.id), user.member_json());
    }

    /// Makes `GET /guilds/{guild}/roles` answer with these (id, name, permissions).
    pub fn set_roles(&self, guild_id: u64, roles: &[(u64, &str, u64)]) {
        let roles = roles
            .iter()
            .map(|(id, name, permissions)| fixtures::role_json(*id, name, *permissions))
            .collect();
        self.shared.state().roles.insert(guild_id, roles);
    }

    /// The commands the bot registered, globally (`None`) or in a guild.
    pub fn commands(&self, guild_id: Option<u64>) -> Vec<Value> {
        self.shared
            .state()
            .commands
            .get(&guild_id)
            .cloned()
            .unwrap_or_default()
    }

    // ---- gateway events ----------------------------------------------------

    /// A slash command: `path` names the subcommand group / subcommand
    /// (empty for a top-level command).
    pub fn slash_command(
        &self,
        actor: &Actor,
        name: &str,
        path: &[&str],
        options: &[(&str, OptionValue)],
    ) -> InteractionEvent {
        let data = self.command_data(actor, name, path, options, None);
        self.interaction(actor, 2, data, None)
    }

    /// An autocomplete request while `focused` is being typed as `partial`.
    pub fn autocomplete(
        &self,
        actor: &Actor,
        name: &str,
        path: &[&str],
        options: &[(&str, OptionValue)],
        focused: &str,
        partial: &str,
    ) -> InteractionEvent {
        let data = self.command_data(actor, name, path, options, Some((focused, partial)));
        self.interaction(actor, 4, data, None)
    }

    /// A click on the button `custom_id` of message `message_id`, which
    /// must carry that button.
    pub fn button_click(
        &self,
        actor: &Actor,
        custom_id: &str,
        message_id: u64,
    ) -> InteractionEvent {
        let data = json!({"custom_id": custom_id, "component_type": 2});
        self.component_interaction(actor, custom_id, message_id, data)
    }

    /// A choice in the string select `custom_id` of message `message_id`.
    pub fn select_menu(
        &self,
        actor: &Actor,
        custom_id: &str,
        values: &[&str],
        message_id: u64,
    ) -> InteractionEvent {
        let data = json!({"custom_id": custom_id, "component_type": 3, "values": values});
        self.component_interaction(actor, custom_id, message_id, data)
    }

    /// The submission of the modal `custom_id` with (input custom id, value)
    /// pairs. The bot must already have opened that modal with those inputs.
    pub fn modal_submit(
        &self,
        actor: &Actor,
        custom_id: &str,
        fields: &[(&str, &str)],
    ) -> InteractionEvent {
        let inputs = self.modal_inputs(custom_id);
        for (field, _) in fields {
            assert!(
                inputs.iter().any(|input| input == field),
                "modal {custom_id:?} has no input {field:?}; it has {inputs:?}"
            );
        }
        let rows: Vec<Value> = fields
            .iter()
            .map(|(field, value)| {
                json!({"type": 1, "components": [
                    {"type": 4, "custom_id": field, "value": value}
                ]})
            })
            .collect();
        let data = json!({"custom_id": custom_id, "components": rows});
        self.interaction(actor, 5, data, None)
    }

    /// Sends an interaction to the bot as INTERACTION_CREATE.
    pub async fn dispatch(&self, event: &InteractionEvent) {
        self.gateway
            .dispatch("INTERACTION_CREATE", event.payload.clone())
            .await;
    }

    /// Sends any other gateway event, after checking serenity understands it.
    pub async fn dispatch_event(&self, event_name: &str, data: Value) {
        let frame = json!({"op": 0, "s": 1, "t": event_name, "d": data});
        match serde_json::from_value::<serenity::all::GatewayEvent>(frame) {
            Ok(serenity::all::GatewayEvent::Dispatch(_, serenity::all::Event::Unknown(_))) => {
                panic!("serenity does not understand this {event_name} event: {data:#}")
            }
            Ok(_) => {}
            Err(error) => panic!("{event_name} event is not a gateway event: {error}"),
        }
        self.gateway.dispatch(event_name, data).await;
    }

    fn component_interaction(
        &self,
        actor: &Actor,
        custom_id: &str,
        message_id: u64,
        data: Value,
    ) -> InteractionEvent {
        let message = self
            .message(message_id)
            .unwrap_or_else(|| panic!("the bot has no message {message_id}"));
        let custom_ids: Vec<&str> = message
            .all_components()
            .iter()
            .filter_map(|component| component["custom_id"].as_str())
            .collect();
        assert!(
            custom_ids.contains(&custom_id),
            "message {message_id} has no component {custom_id:?}; it has {custom_ids:?}"
        );
        self.interaction(actor, 3, data, Some(message))
    }

    fn command_data(
        &self,
        actor: &Actor,
        name: &str,
        path: &[&str],
        options: &[(&str, OptionValue)],
        focused: Option<(&str, &str)>,
    ) -> Value {
        let mut resolved = json!({});
        let mut leaf: Vec<Value> = options
            .iter()
            .map(|(option, value)| {
                value.resolve_into(&mut resolved, actor.place.guild_id);
                json!({"name": option, "type": value.kind(), "value": value.value()})
            })
            .collect();
        if let Some((option, partial)) = focused {
            leaf.push(json!({"name": option, "type": 3, "value": partial, "focused": true}));
        }
        // Wrap the options in the subcommand (type 1) and group (type 2).
        let mut nested = leaf;
        for (depth, segment) in path.iter().enumerate().rev() {
            let kind = if depth + 1 == path.len() { 1 } else { 2 };
            nested = vec![json!({"name": segment, "type": kind, "options": nested})];
        }
        let id = self.shared.state().command_id(name);
        let mut data = json!({
            "id": id.to_string(),
            "name": name,
            "type": 1,
            "options": nested,
        });
        if let Some(guild_id) = actor.place.guild_id {
            data["guild_id"] = json!(guild_id.to_string());
        }
        if resolved != json!({}) {
            data["resolved"] = resolved;
        }
        data
    }

    fn modal_inputs(&self, custom_id: &str) -> Vec<String> {
        let state = self.shared.state();
        let modal = state.requests.iter().rev().find(|request| {
            request.is("POST", "/interactions/*/*/callback")
                && request
                    .body
                    .as_ref()
                    .is_some_and(|body| body["type"] == 9 && body["data"]["custom_id"] == custom_id)
        });
        let Some(modal) = modal else {
            panic!(
                "the bot never opened a modal {custom_id:?}; wait for its callback before \
                 submitting. Requests so far:\n{}",
                state
                    .requests
                    .iter()
                    .map(|r| format!("  {} {}", r.method, r.route))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        };
        let mut inputs = Vec::new();
        collect_custom_ids(&modal.json()["data"]["components"], &mut inputs);
        inputs
    }

    fn interaction(
        &self,
        actor: &Actor,
        kind: u8,
        data: Value,
        message: Option<StoredMessage>,
    ) -> InteractionEvent {
        let mut state = self.shared.state();
        let id = state.next_id();
        let token = format!("token-{id}");
        let place = actor.place;
        let mut payload = json!({
            "id": id.to_string(),
            "application_id": fixtures::BOT_ID.to_string(),
            "type": kind,
            "token": token,
            "version": 1,
            "channel_id": place.channel_id.to_string(),
            "data": data,
            "locale": "en-GB",
            "entitlements": [],
            "authorizing_integration_owners": {},
            "attachment_size_limit": fixtures::ATTACHMENT_SIZE_LIMIT,
            "app_permissions": permissions::BOT.to_string(),
        });
        match place.guild_id {
            Some(guild_id) => {
                payload["guild_id"] = json!(guild_id.to_string());
                payload["guild_locale"] = json!("en-GB");
                payload["member"] = actor.user.member_json();
                payload["context"] = json!(0);
            }
            None => {
                payload["user"] = actor.user.user_json();
                payload["context"] = json!(1);
            }
        }
        if let Some(message) = &message {
            payload["message"] = message.to_json();
        }
        if let Err(error) = serde_json::from_value::<serenity::all::Interaction>(payload.clone()) {
            panic!("serenity rejects this interaction fixture: {error}\n{payload:#}");
        }
        state.interactions.insert(
            token.clone(),
            InteractionInfo {
                channel_id: place.channel_id,
                guild_id: place.guild_id,
                source_message: message.map(|message| message.id),
                original: None,
            },
        );
        InteractionEvent { id, token, payload }
    }
}

fn collect_custom_ids(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_custom_ids(item, found)),
        Value::Object(fields) => {
            if let Some(custom_id) = fields.get("custom_id").and_then(Value::as_str) {
                found.push(custom_id.to_owned());
            }
            fields
                .values()
                .for_each(|field| collect_custom_ids(field, found));
        }
        _ => {}
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for server in &self.servers {
            server.abort();
        }
        if !std::thread::panicking() {
            self.assert_no_violations();
        }
    }
}

/// The bot's shipped message catalogue, for a bot under test.
pub fn shipped_catalogue() -> std::sync::Arc<common_ground::prompts::Catalogue> {
    std::sync::Arc::new(
        common_ground::prompts::Catalogue::embedded().expect("the shipped catalogue loads"),
    )
}
