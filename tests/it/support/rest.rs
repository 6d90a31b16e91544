//! The fake REST API: one axum fallback handler that records every request,
//! checks its body against the spec, applies any injected fault, and answers
//! from the fake's state.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use tokio::sync::Notify;

use super::fixtures::{
    ATTACHMENT_SIZE_LIMIT, BOT_ID, OWNER_ID, StoredChannel, StoredFile, StoredMessage,
    bot_user_json, role_json, user_json,
};
use super::limits::{ChannelLimits, MessageRequest, Refusal};
use super::spec::{Violation, spec};

/// One request the bot made, as the fake received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: Method,
    /// The path without `/api/v10` and without the query.
    pub route: String,
    /// The JSON body, or a multipart request's `payload_json`.
    pub body: Option<Value>,
    /// Files of a multipart request, by file name.
    pub files: Vec<StoredFile>,
    /// The status the fake answered with.
    pub status: u16,
    /// When the fake received it.
    pub at: Instant,
}

impl Recorded {
    /// True when the method matches and the route matches `pattern`, where a
    /// `*` segment matches any one segment: `is("POST", "/webhooks/*/*")`.
    pub fn is(&self, method: &str, pattern: &str) -> bool {
        self.method == method && route_matches(pattern, &self.route)
    }

    /// The body, or a panic naming the request.
    pub fn json(&self) -> &Value {
        self.body
            .as_ref()
            .unwrap_or_else(|| panic!("{} {} had no JSON body", self.method, self.route))
    }

    /// The names in a JSON list body, such as a command registration's.
    pub fn names(&self) -> Vec<&str> {
        self.json()
            .as_array()
            .expect("a list of commands")
            .iter()
            .filter_map(|entry| entry["name"].as_str())
            .collect()
    }
}

/// Matches a route against a pattern whose `*` segments match any segment.
pub fn route_matches(pattern: &str, route: &str) -> bool {
    let pattern: Vec<&str> = pattern.trim_matches('/').split('/').collect();
    let route: Vec<&str> = route.trim_matches('/').split('/').collect();
    pattern.len() == route.len()
        && pattern
            .iter()
            .zip(&route)
            .all(|(expected, actual)| *expected == "*" || expected == actual)
}

/// A failure the fake answers with instead of the normal response.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// 500 Internal Server Error.
    Status500,
    /// 429 with Discord's rate-limit body and headers.
    RateLimited { retry_after: f64 },
    /// Any status with a Discord error body, e.g. 403 / 50013 Missing Permissions.
    Error {
        status: u16,
        code: u64,
        message: String,
    },
}

impl Fault {
    fn response(&self) -> Response {
        match self {
            Self::Status500 => error_response(500, 0, "500: Internal Server Error"),
            Self::RateLimited { retry_after } => {
                rate_limited(*retry_after, 5, "fake-injected-fault", None)
            }
            Self::Error {
                status,
                code,
                message,
            } => error_response(*status, *code, message),
        }
    }
}

struct FaultRule {
    method: Method,
    pattern: String,
    fault: Fault,
}

/// What a test learns about an interaction when it is dispatched.
#[derive(Clone, Debug)]
pub(crate) struct InteractionInfo {
    pub(crate) channel_id: u64,
    pub(crate) guild_id: Option<u64>,
    /// The message a component or modal interaction came from.
    pub(crate) source_message: Option<u64>,
    /// The interaction's response message once there is one.
    pub(crate) original: Option<u64>,
}

#[derive(Default)]
pub(crate) struct FakeState {
    pub(crate) requests: Vec<Recorded>,
    pub(crate) violations: Vec<Violation>,
    faults: Vec<FaultRule>,
    pub(crate) messages: HashMap<u64, StoredMessage>,
    pub(crate) channels: HashMap<u64, StoredChannel>,
    /// Registered commands, by guild (`None` for global).
    pub(crate) commands: HashMap<Option<u64>, Vec<Value>>,
    command_ids: HashMap<String, u64>,
    pub(crate) interactions: HashMap<String, InteractionInfo>,
    pub(crate) members: HashMap<(u64, u64), Value>,
    pub(crate) roles: HashMap<u64, Vec<Value>>,
    pub(crate) limits: ChannelLimits,
    /// For a toy bot that is not Common Ground: its mentions go unchecked.
    pub(crate) mentions_unchecked: bool,
    next_id: u64,
}

impl FakeState {
    pub(crate) fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        1_000_000 + self.next_id
    }

    pub(crate) fn command_id(&mut self, name: &str) -> u64 {
        if let Some(id) = self.command_ids.get(name) {
            return *id;
        }
        let id = self.next_id();
        self.command_ids.insert(name.to_owned(), id);
        id
    }

    /// Keeps a message the bot created, noting when, for its age.
    fn insert_message(&mut self, message: StoredMessage) {
        self.limits.created(message.id, Instant::now());
        self.messages.insert(message.id, message);
    }
}

pub(crate) struct Shared {
    state: Mutex<FakeState>,
    pub(crate) recorded: Notify,
    pub(crate) gateway_url: String,
}

impl Shared {
    pub(crate) fn new(gateway_url: String) -> Self {
        Self {
            state: Mutex::new(FakeState::default()),
            recorded: Notify::new(),
            gateway_url,
        }
    }

    /// The state; a panic in another thread holding it does not hide it.
    pub(crate) fn state(&self) -> MutexGuard<'_, FakeState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn add_fault(&self, method: Method, pattern: &str, fault: Fault) {
        self.state().faults.push(FaultRule {
            method,
            pattern: pattern.to_owned(),
            fault,
        });
    }
}

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    // Discord takes files up to 25 MiB; axum would stop at 2 MB.
    Router::new()
        .fallback(handle)
        .layer(DefaultBodyLimit::max(ATTACHMENT_SIZE_LIMIT * 4))
        .with_state(shared)
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    bytes: Bytes,
) -> Response {
    let route = uri
        .path()
        .strip_prefix("/api/v10")
        .unwrap_or(uri.path())
        .to_owned();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let (body, files) = match parse_body(&content_type, &bytes) {
        Ok(parsed) => parsed,
        Err(problem) => {
            let violation = Violation {
                method: method.to_string(),
                route: route.clone(),
                template: String::new(),
                json_path: String::new(),
                message: format!("unreadable body: {problem}"),
            };
            shared.state().violations.push(violation);
            (None, Vec::new())
        }
    };
    let mut violations = match (&body, spec()) {
        (Some(body), Some(spec)) => spec.validate(method.as_str(), &route, body),
        _ => Vec::new(),
    };
    if let Some(body) = body.as_ref().filter(|_| !shared.state().mentions_unchecked) {
        violations.extend(mention_violations(method.as_str(), &route, body, ""));
    }

    let response = {
        let at = Instant::now();
        let mut state = shared.state();
        state.violations.extend(violations);
        let fault = state
            .faults
            .iter()
            .position(|rule| rule.method == method && route_matches(&rule.pattern, &route))
            .map(|index| state.faults.remove(index).fault);
        let refusal = match (&fault, MessageRequest::of(method.as_str(), &route)) {
            (None, Some(request)) => state.limits.admit(request, at).err(),
            _ => None,
        };
        let response = match (fault, refusal) {
            (Some(fault), _) => fault.response(),
            (None, Some(refusal)) => refusal.response(),
            (None, None) => answer(
                &mut state,
                &shared.gateway_url,
                &method,
                &route,
                body.as_ref(),
                &files,
            ),
        };
        state.requests.push(Recorded {
            method,
            route,
            body,
            files,
            status: response.status().as_u16(),
            at,
        });
        response
    };
    shared.recorded.notify_waiters();
    response
}

type ParsedBody = (Option<Value>, Vec<StoredFile>);

fn parse_body(content_type: &str, bytes: &[u8]) -> Result<ParsedBody, String> {
    if bytes.is_empty() {
        return Ok((None, Vec::new()));
    }
    if content_type.starts_with("multipart/form-data") {
        let mut body = None;
        let mut files = Vec::new();
        for part in parse_multipart(content_type, bytes)? {
            if part.name == "payload_json" {
                let json = serde_json::from_slice(&part.data)
                    .map_err(|error| format!("payload_json is not JSON: {error}"))?;
                body = Some(json);
            } else {
                files.push(StoredFile {
                    name: part.filename.unwrap_or(part.name),
                    bytes: part.data,
                });
            }
        }
        return Ok((body, files));
    }
    serde_json::from_slice(bytes)
        .map(|json| (Some(json), Vec::new()))
        .map_err(|error| format!("body is not JSON: {error}"))
}

struct Part {
    name: String,
    filename: Option<String>,
    data: Vec<u8>,
}

/// A small multipart/form-data reader (RFC 7578), enough for reqwest's output.
fn parse_multipart(content_type: &str, bytes: &[u8]) -> Result<Vec<Part>, String> {
    let boundary = content_type
        .split(';')
        .filter_map(|parameter| parameter.trim().strip_prefix("boundary="))
        .next()
        .map(|boundary| boundary.trim_matches('"'))
        .ok_or("multipart body without a boundary")?;
    let delimiter = format!("--{boundary}").into_bytes();
    let separator = [b"\r\n".as_slice(), &delimiter].concat();
    if !bytes.starts_with(&delimiter) {
        return Err("multipart body does not start with its boundary".into());
    }
    let mut parts = Vec::new();
    let mut rest = &bytes[delimiter.len()..];
    while !rest.starts_with(b"--") {
        rest = rest
            .strip_prefix(b"\r\n")
            .ok_or("boundary not followed by a line break")?;
        let header_end = find(rest, b"\r\n\r\n").ok_or("multipart part without headers")?;
        let head = String::from_utf8_lossy(&rest[..header_end]).into_owned();
        let content = &rest[header_end + 4..];
        let end = find(content, &separator).ok_or("multipart part without an end")?;
        let disposition = head
            .lines()
            .find(|line| {
                line.to_ascii_lowercase()
                    .starts_with("content-disposition:")
            })
            .unwrap_or_default();
        let parameter = |key: &str| {
            disposition
                .split(';')
                .filter_map(|item| item.trim().strip_prefix(key))
                .map(|value| value.trim_matches('"').to_owned())
                .next()
        };
        parts.push(Part {
            name: parameter("name=").ok_or("multipart part without a name")?,
            filename: parameter("filename="),
            data: content[..end].to_vec(),
        });
        rest = &content[end + separator.len()..];
    }
    Ok(parts)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

impl Refusal {
    fn response(&self) -> Response {
        let retry_after = self.retry_after.as_secs_f64();
        // Discord gives the wait to the millisecond, never less than it is.
        let retry_after = (retry_after * 1_000.0).ceil() / 1_000.0;
        rate_limited(
            retry_after,
            self.limit.requests,
            self.limit.bucket,
            self.code,
        )
    }
}

/// Discord's 429: its body, and the headers a client would pace itself by.
fn rate_limited(retry_after: f64, limit: usize, bucket: &str, code: Option<u64>) -> Response {
    let mut body = json!({
        "message": "You are being rate limited.",
        "retry_after": retry_after,
        "global": false,
    });
    if let Some(code) = code {
        body["code"] = json!(code);
    }
    let mut response = (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
    let headers = response.headers_mut();
    let values = [
        // Whole seconds, rounded up, as Discord sends it.
        ("retry-after", retry_after.ceil().to_string()),
        ("x-ratelimit-limit", limit.to_string()),
        ("x-ratelimit-remaining", "0".to_owned()),
        ("x-ratelimit-reset-after", format!("{retry_after:.3}")),
        ("x-ratelimit-bucket", bucket.to_owned()),
        ("x-ratelimit-scope", "user".to_owned()),
    ];
    for (name, value) in values {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    response
}

fn error_response(status: u16, code: u64, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        axum::Json(json!({"message": message, "code": code})),
    )
        .into_response()
}

fn not_found(code: u64, message: &str) -> Response {
    error_response(404, code, message)
}

fn ok(json: Value) -> Response {
    axum::Json(json).into_response()
}

fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

fn answer(
    state: &mut FakeState,
    gateway_url: &str,
    method: &Method,
    route: &str,
    body: Option<&Value>,
    files: &[StoredFile],
) -> Response {
    let segments: Vec<&str> = route.trim_matches('/').split('/').collect();
    let id = |text: &str| text.parse::<u64>().ok();
    let empty = json!({});
    let body = body.unwrap_or(&empty);
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => ok(json!({"url": gateway_url})),
        ("GET", ["gateway", "bot"]) => ok(json!({
            "url": gateway_url,
            "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
        })),
        ("GET", ["oauth2", "applications", "@me"]) => ok(application_json()),
        ("GET", ["users", "@me"]) => ok(bot_user_json()),
        ("GET", ["applications", _, "commands"]) => ok(json!(
            state.commands.get(&None).cloned().unwrap_or_default()
        )),
        ("GET", ["applications", _, "guilds", guild, "commands"]) => ok(json!(
            state.commands.get(&id(guild)).cloned().unwrap_or_default()
        )),
        ("PUT", ["applications", _, "commands"]) => set_commands(state, None, body),
        ("PUT", ["applications", _, "guilds", guild, "commands"]) => {
            set_commands(state, id(guild), body)
        }
        ("POST", ["applications", _, "commands"]) => add_command(state, None, body),
        ("POST", ["applications", _, "guilds", guild, "commands"]) => {
            add_command(state, id(guild), body)
        }
        ("POST", ["interactions", _, token, "callback"]) => callback(state, token, body, files),
        ("POST", ["webhooks", _, token]) => follow_up(state, token, body, files),
        (_, ["webhooks", _, token, "messages", which]) => {
            let message_id = match *which {
                "@original" => state.interactions.get(*token).and_then(|i| i.original),
                other => id(other),
            };
            message_route(state, method, message_id, body, files)
        }
        ("POST", ["channels", channel, "messages"]) => match id(channel) {
            Some(channel_id) => {
                let guild_id = state.channels.get(&channel_id).and_then(|c| c.guild_id);
                let message_id = state.next_id();
                let mut message = StoredMessage::new(message_id, channel_id, guild_id);
                message.apply(body, files);
                let json = message.to_json();
                state.insert_message(message);
                ok(json)
            }
            None => not_found(10003, "Unknown Channel"),
        },
        (_, ["channels", channel, "messages", message]) => {
            let message_id = id(message).filter(|message_id| {
                state
                    .messages
                    .get(message_id)
                    .is_some_and(|m| Some(m.channel_id) == id(channel))
            });
            message_route(state, method, message_id, body, files)
        }
        ("POST", ["channels", channel, "threads"]) => match id(channel) {
            Some(parent_id) => create_thread(state, parent_id, None, body, files),
            None => not_found(10003, "Unknown Channel"),
        },
        ("POST", ["channels", channel, "messages", message, "threads"]) => {
            match (id(channel), id(message)) {
                (Some(parent_id), Some(message_id)) => {
                    create_thread(state, parent_id, Some(message_id), body, files)
                }
                _ => not_found(10003, "Unknown Channel"),
            }
        }
        ("GET", ["channels", channel]) => match id(channel) {
            Some(channel_id) => ok(state
                .channels
                .get(&channel_id)
                .cloned()
                .unwrap_or_else(|| StoredChannel {
                    id: channel_id,
                    kind: 0,
                    guild_id: None,
                    parent_id: None,
                    name: format!("channel-{channel_id}"),
                    recipient_id: None,
                })
                .to_json()),
            None => not_found(10003, "Unknown Channel"),
        },
        ("POST", ["users", "@me", "channels"]) => match body["recipient_id"]
            .as_str()
            .and_then(id)
            .or_else(|| body["recipient_id"].as_u64())
        {
            Some(recipient) => ok(direct_message_channel(state, recipient).to_json()),
            None => error_response(400, 50035, "Invalid Form Body"),
        },
        ("GET", ["guilds", guild, "members", user]) => {
            match id(guild)
                .zip(id(user))
                .and_then(|key| state.members.get(&key))
            {
                Some(member) => ok(member.clone()),
                None => not_found(10007, "Unknown Member"),
            }
        }
        ("GET", ["guilds", guild, "roles"]) => match id(guild) {
            Some(guild_id) => ok(json!(state.roles.get(&guild_id).cloned().unwrap_or_else(
                || vec![role_json(
                    guild_id,
                    "@everyone",
                    super::fixtures::permissions::MEMBER
                )]
            ))),
            None => not_found(10004, "Unknown Guild"),
        },
        _ => not_found(0, "Unknown"),
    }
}

fn application_json() -> Value {
    json!({
        "id": BOT_ID.to_string(),
        "name": "Common Ground",
        "icon": null,
        "description": "",
        "bot_public": true,
        "bot_require_code_grant": false,
        "owner": user_json(OWNER_ID, "owner", false),
        "verify_key": "0",
        "team": null,
        "flags": 0,
    })
}

fn command_json(state: &mut FakeState, guild: Option<u64>, definition: &Value) -> Value {
    let mut command = definition.clone();
    let name = definition["name"].as_str().unwrap_or_default();
    command["id"] = json!(state.command_id(name).to_string());
    command["application_id"] = json!(BOT_ID.to_string());
    command["version"] = json!("1");
    if command.get("type").is_none() {
        command["type"] = json!(1);
    }
    if command.get("description").is_none() {
        command["description"] = json!("");
    }
    if let Some(guild_id) = guild {
        command["guild_id"] = json!(guild_id.to_string());
    }
    command
}

fn set_commands(state: &mut FakeState, guild: Option<u64>, body: &Value) -> Response {
    let definitions = body.as_array().cloned().unwrap_or_default();
    let commands: Vec<Value> = definitions
        .iter()
        .map(|definition| command_json(state, guild, definition))
        .collect();
    state.commands.insert(guild, commands.clone());
    ok(json!(commands))
}

fn add_command(state: &mut FakeState, guild: Option<u64>, body: &Value) -> Response {
    let command = command_json(state, guild, body);
    let name = command["name"].clone();
    let registered = state.commands.entry(guild).or_default();
    registered.retain(|existing| existing["name"] != name);
    registered.push(command.clone());
    ok(command)
}

fn callback(state: &mut FakeState, token: &str, body: &Value, files: &[StoredFile]) -> Response {
    let Some(interaction) = state.interactions.get(token).cloned() else {
        return not_found(10062, "Unknown interaction");
    };
    let data = body.get("data").cloned().unwrap_or_else(|| json!({}));
    let original = match body["type"].as_u64() {
        // A message, or the "thinking" placeholder a deferral shows.
        Some(4 | 5) => {
            let message_id = state.next_id();
            let mut message =
                StoredMessage::new(message_id, interaction.channel_id, interaction.guild_id);
            message.apply(&data, files);
            state.insert_message(message);
            Some(message_id)
        }
        // Update (7) of the component's message.
        Some(7) => {
            if let Some(message) = interaction
                .source_message
                .and_then(|id| state.messages.get_mut(&id))
            {
                message.apply(&data, files);
            }
            interaction.source_message
        }
        // Deferred update: the component's message is edited later.
        Some(6) => interaction.source_message,
        _ => interaction.original,
    };
    if let Some(info) = state.interactions.get_mut(token) {
        info.original = original;
    }
    no_content()
}

fn follow_up(state: &mut FakeState, token: &str, body: &Value, files: &[StoredFile]) -> Response {
    let Some(interaction) = state.interactions.get(token).cloned() else {
        return not_found(10015, "Unknown Webhook");
    };
    let message_id = state.next_id();
    let mut message = StoredMessage::new(message_id, interaction.channel_id, interaction.guild_id);
    message.apply(body, files);
    let json = message.to_json();
    state.insert_message(message);
    ok(json)
}

fn message_route(
    state: &mut FakeState,
    method: &Method,
    message_id: Option<u64>,
    body: &Value,
    files: &[StoredFile],
) -> Response {
    let Some(message_id) = message_id.filter(|id| state.messages.contains_key(id)) else {
        return not_found(10008, "Unknown Message");
    };
    match method.as_str() {
        "GET" => ok(state.messages[&message_id].to_json()),
        "PATCH" => match state.messages.get_mut(&message_id) {
            Some(message) => {
                message.apply(body, files);
                ok(message.to_json())
            }
            None => not_found(10008, "Unknown Message"),
        },
        "DELETE" => {
            state.messages.remove(&message_id);
            no_content()
        }
        _ => error_response(405, 0, "405: Method Not Allowed"),
    }
}

fn create_thread(
    state: &mut FakeState,
    parent_id: u64,
    from_message: Option<u64>,
    body: &Value,
    files: &[StoredFile],
) -> Response {
    let parent = state.channels.get(&parent_id).cloned();
    let guild_id = parent.as_ref().and_then(|p| p.guild_id);
    let is_forum = parent.as_ref().is_some_and(|p| matches!(p.kind, 15 | 16));
    let thread_id = from_message.unwrap_or_else(|| state.next_id());
    let kind = match (is_forum, body["type"].as_u64()) {
        (false, Some(kind @ 10..=12)) => kind as u8,
        _ => 11,
    };
    let thread = StoredChannel {
        id: thread_id,
        kind,
        guild_id,
        parent_id: Some(parent_id),
        name: body["name"].as_str().unwrap_or("thread").to_owned(),
        recipient_id: None,
    };
    let mut json = thread.to_json();
    state.channels.insert(thread_id, thread);
    if is_forum {
        // A forum post starts with a message whose id is the thread's.
        let mut starter = StoredMessage::new(thread_id, thread_id, guild_id);
        starter.apply(&body["message"], files);
        json["message"] = starter.to_json();
        state.insert_message(starter);
    }
    ok(json)
}

fn direct_message_channel(state: &mut FakeState, recipient: u64) -> StoredChannel {
    if let Some(existing) = state
        .channels
        .values()
        .find(|channel| channel.kind == 1 && channel.recipient_id == Some(recipient))
    {
        return existing.clone();
    }
    let channel = StoredChannel {
        id: state.next_id(),
        kind: 1,
        guild_id: None,
        parent_id: None,
        name: String::new(),
        recipient_id: Some(recipient),
    };
    state.channels.insert(channel.id, channel.clone());
    channel
}

/// Every place in a request body that could ping someone the bot did not
/// name: an `allowed_mentions` that parses everyone, roles or users, or
/// message content sent without `allowed_mentions` (Discord then parses all).
fn mention_violations(method: &str, route: &str, body: &Value, path: &str) -> Vec<Violation> {
    let violation = |json_path: String, message: &str| Violation {
        method: method.to_owned(),
        route: route.to_owned(),
        template: String::new(),
        json_path,
        message: message.to_owned(),
    };
    let mut found = Vec::new();
    match body {
        Value::Object(fields) => {
            match fields.get("allowed_mentions") {
                Some(mentions) => {
                    let parses = mentions["parse"].as_array().is_some_and(|p| !p.is_empty());
                    if parses {
                        found.push(violation(
                            format!("{path}/allowed_mentions/parse"),
                            "allowed_mentions parses mentions out of the text",
                        ));
                    }
                }
                None if fields
                    .get("content")
                    .and_then(Value::as_str)
                    .is_some_and(|content| !content.is_empty()) =>
                {
                    found.push(violation(
                        format!("{path}/content"),
                        "content without allowed_mentions: Discord would ping whoever it names",
                    ));
                }
                None => {}
            }
            for (key, value) in fields {
                found.extend(mention_violations(
                    method,
                    route,
                    value,
                    &format!("{path}/{key}"),
                ));
            }
        }
        Value::Array(items) => {
            for (index, value) in items.iter().enumerate() {
                found.extend(mention_violations(
                    method,
                    route,
                    value,
                    &format!("{path}/{index}"),
                ));
            }
        }
        _ => {}
    }
    found
}
