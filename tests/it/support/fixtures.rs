//! People, places and the JSON shapes the fake sends: users, members,
//! messages, channels. Every shape here is one serenity 0.12.5 accepts; the
//! `fixture_shapes_deserialise` test in `smoke.rs` proves it.

use serde_json::{Value, json};

/// The bot's own user id, which is also its application id.
pub const BOT_ID: u64 = 1_000;
/// The user the fake names as the application's owner (nobody in a test).
pub const OWNER_ID: u64 = 1_001;
/// The largest upload Discord allows a bot in an ordinary server (25 MiB).
pub const ATTACHMENT_SIZE_LIMIT: usize = 26_214_400;
/// Every interaction and message carries this fixed time, so output is stable.
pub const TIMESTAMP: &str = "2025-01-01T09:00:00.000000+00:00";

/// Discord permission bits the tests use (see Discord's permission table).
pub mod permissions {
    pub const MANAGE_GUILD: u64 = 1 << 5;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    /// What an ordinary member of a server usually has.
    pub const MEMBER: u64 = VIEW_CHANNEL | SEND_MESSAGES;
    /// What the bot is granted in the channel of every interaction.
    pub const BOT: u64 = (1 << 50) - 1;
}

/// A person who uses the bot. In a guild they act as a member with `roles`
/// and the computed `permissions` Discord puts on interactions, so poise's
/// permission checks need no HTTP.
#[derive(Clone, Debug)]
pub struct FakeUser {
    pub id: u64,
    pub name: String,
    pub roles: Vec<u64>,
    pub permissions: u64,
}

impl FakeUser {
    pub fn new(id: u64, name: &str) -> Self {
        Self {
            id,
            name: name.to_owned(),
            roles: Vec::new(),
            permissions: permissions::MEMBER,
        }
    }

    pub fn with_permissions(mut self, permissions: u64) -> Self {
        self.permissions = permissions;
        self
    }

    pub fn with_roles(mut self, roles: &[u64]) -> Self {
        self.roles = roles.to_vec();
        self
    }

    pub fn user_json(&self) -> Value {
        user_json(self.id, &self.name, false)
    }

    pub fn member_json(&self) -> Value {
        json!({
            "user": self.user_json(),
            "roles": self.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
            "joined_at": TIMESTAMP,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
            "permissions": self.permissions.to_string(),
        })
    }
}

/// Where an interaction happens: a guild channel, or a DM when `guild_id` is
/// `None`.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    pub guild_id: Option<u64>,
    pub channel_id: u64,
}

impl Place {
    pub fn guild(guild_id: u64, channel_id: u64) -> Self {
        Self {
            guild_id: Some(guild_id),
            channel_id,
        }
    }

    pub fn direct_message(channel_id: u64) -> Self {
        Self {
            guild_id: None,
            channel_id,
        }
    }
}

/// A user at a place: who sends an interaction and from where.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user: FakeUser,
    pub place: Place,
}

impl Actor {
    pub fn new(user: FakeUser, place: Place) -> Self {
        Self { user, place }
    }
}

/// The value of one slash command option, with Discord's option type.
#[derive(Clone, Debug)]
pub enum OptionValue {
    String(String),
    Integer(i64),
    Boolean(bool),
    Number(f64),
    /// A user option; the user is also put in `resolved`, as Discord does.
    User(FakeUser),
    /// A channel option (id, channel type); also put in `resolved`.
    Channel(u64, u8),
    /// A role option (id, name); also put in `resolved`.
    Role(u64, String),
}

impl OptionValue {
    pub fn string(value: &str) -> Self {
        Self::String(value.to_owned())
    }

    pub(crate) fn kind(&self) -> u8 {
        match self {
            Self::String(_) => 3,
            Self::Integer(_) => 4,
            Self::Boolean(_) => 5,
            Self::User(_) => 6,
            Self::Channel(..) => 7,
            Self::Role(..) => 8,
            Self::Number(_) => 10,
        }
    }

    pub(crate) fn value(&self) -> Value {
        match self {
            Self::String(text) => json!(text),
            Self::Integer(number) => json!(number),
            Self::Boolean(flag) => json!(flag),
            Self::Number(number) => json!(number),
            Self::User(user) => json!(user.id.to_string()),
            Self::Channel(id, _) | Self::Role(id, _) => json!(id.to_string()),
        }
    }

    /// Adds what Discord would put in `data.resolved` for this value.
    pub(crate) fn resolve_into(&self, resolved: &mut Value, guild_id: Option<u64>) {
        match self {
            Self::User(user) => {
                resolved["users"][user.id.to_string()] = user.user_json();
                if guild_id.is_some() {
                    let mut member = user.member_json();
                    if let Some(fields) = member.as_object_mut() {
                        fields.remove("user");
                    }
                    resolved["members"][user.id.to_string()] = member;
                }
            }
            Self::Channel(id, kind) => {
                resolved["channels"][id.to_string()] = json!({
                    "id": id.to_string(),
                    "type": kind,
                    "name": format!("channel-{id}"),
                    "permissions": permissions::BOT.to_string(),
                });
            }
            Self::Role(id, name) => {
                resolved["roles"][id.to_string()] = role_json(*id, name, 0);
            }
            Self::String(_) | Self::Integer(_) | Self::Boolean(_) | Self::Number(_) => {}
        }
    }
}

pub fn user_json(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": null,
        "bot": bot,
    })
}

pub fn bot_user_json() -> Value {
    user_json(BOT_ID, "Common Ground", true)
}

pub fn role_json(id: u64, name: &str, permissions: u64) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "managed": false,
        "mentionable": true,
        "permissions": permissions.to_string(),
        "position": 1,
        "flags": 0,
    })
}

/// A channel (or thread) the fake knows about.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredChannel {
    pub id: u64,
    /// Discord's channel type: 0 text, 1 DM, 11 public thread, 15 forum, ...
    pub kind: u8,
    pub guild_id: Option<u64>,
    pub parent_id: Option<u64>,
    pub name: String,
    /// For a DM channel, the other person.
    pub recipient_id: Option<u64>,
}

impl StoredChannel {
    pub fn to_json(&self) -> Value {
        if self.kind == 1 {
            let recipient = self.recipient_id.unwrap_or(OWNER_ID);
            return json!({
                "id": self.id.to_string(),
                "type": 1,
                "last_message_id": null,
                "recipients": [user_json(recipient, &format!("user-{recipient}"), false)],
            });
        }
        let mut channel = json!({
            "id": self.id.to_string(),
            "type": self.kind,
            "name": self.name,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": false,
            "flags": 0,
        });
        if let Some(guild_id) = self.guild_id {
            channel["guild_id"] = json!(guild_id.to_string());
        }
        if let Some(parent_id) = self.parent_id {
            channel["parent_id"] = json!(parent_id.to_string());
        }
        if matches!(self.kind, 10..=12) {
            channel["owner_id"] = json!(BOT_ID.to_string());
            channel["thread_metadata"] = json!({
                "archived": false,
                "auto_archive_duration": 1440,
                "archive_timestamp": TIMESTAMP,
                "locked": false,
            });
        }
        channel
    }
}

/// A file the bot attached to a message.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A message the bot created, as the fake keeps it. Edits change it in
/// place, so a later button click carries the message as it now is.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredMessage {
    pub id: u64,
    pub channel_id: u64,
    pub guild_id: Option<u64>,
    pub content: String,
    pub embeds: Vec<Value>,
    /// Action rows exactly as the bot sent them.
    pub components: Vec<Value>,
    pub files: Vec<StoredFile>,
    /// 64 when ephemeral.
    pub flags: u64,
}

impl StoredMessage {
    pub fn new(id: u64, channel_id: u64, guild_id: Option<u64>) -> Self {
        Self {
            id,
            channel_id,
            guild_id,
            content: String::new(),
            embeds: Vec::new(),
            components: Vec::new(),
            files: Vec::new(),
            flags: 0,
        }
    }

    pub fn is_ephemeral(&self) -> bool {
        self.flags & 64 != 0
    }

    /// Applies a create or edit body: only the fields present change, as on
    /// Discord. New files replace the old attachments.
    pub fn apply(&mut self, body: &Value, files: &[StoredFile]) {
        if let Some(content) = body.get("content") {
            self.content = content.as_str().unwrap_or_default().to_owned();
        }
        if let Some(embeds) = body.get("embeds") {
            self.embeds = embeds.as_array().cloned().unwrap_or_default();
        }
        if let Some(components) = body.get("components") {
            self.components = components.as_array().cloned().unwrap_or_default();
        }
        if let Some(flags) = body.get("flags").and_then(Value::as_u64) {
            self.flags = flags;
        }
        if !files.is_empty() {
            self.files = files.to_vec();
        } else if body
            .get("attachments")
            .is_some_and(|kept| kept == &json!([]))
        {
            self.files.clear();
        }
    }

    /// Every component in the message, flattened out of its action rows.
    pub fn all_components(&self) -> Vec<&Value> {
        self.components
            .iter()
            .flat_map(|row| {
                row.get("components")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
            })
            .collect()
    }

    /// The custom id of the button with this label; panics with the labels
    /// that exist when there is none.
    pub fn button(&self, label: &str) -> String {
        let buttons = self.all_components();
        buttons
            .iter()
            .find(|component| component["label"] == label)
            .and_then(|button| button["custom_id"].as_str())
            .map(str::to_owned)
            .unwrap_or_else(|| {
                let labels: Vec<_> = buttons.iter().map(|b| b["label"].to_string()).collect();
                panic!(
                    "message {} has no button labelled {label:?}; it has {labels:?}",
                    self.id
                )
            })
    }

    pub fn to_json(&self) -> Value {
        let attachments: Vec<Value> = self
            .files
            .iter()
            .enumerate()
            .map(|(index, file)| {
                let url = format!(
                    "https://cdn.discordapp.com/attachments/{}/{}/{}",
                    self.channel_id, self.id, file.name
                );
                json!({
                    "id": (self.id * 100 + index as u64).to_string(),
                    "filename": file.name,
                    "size": file.bytes.len(),
                    "url": url,
                    "proxy_url": url,
                })
            })
            .collect();
        let embeds: Vec<Value> = self
            .embeds
            .iter()
            .map(|embed| {
                let mut embed = embed.clone();
                if embed.get("type").is_none() {
                    embed["type"] = json!("rich");
                }
                embed
            })
            .collect();
        let mut message = json!({
            "id": self.id.to_string(),
            "channel_id": self.channel_id.to_string(),
            "author": bot_user_json(),
            "content": self.content,
            "timestamp": TIMESTAMP,
            "edited_timestamp": null,
            "tts": false,
            "mention_everyone": false,
            "mentions": [],
            "mention_roles": [],
            "attachments": attachments,
            "embeds": embeds,
            "components": self.components,
            "pinned": false,
            "type": 0,
            "flags": self.flags,
        });
        if let Some(guild_id) = self.guild_id {
            message["guild_id"] = json!(guild_id.to_string());
        }
        message
    }
}

/// An interaction built for a test, ready for `FakeDiscord::dispatch`.
#[derive(Clone, Debug)]
pub struct InteractionEvent {
    pub id: u64,
    pub token: String,
    pub payload: Value,
}

impl InteractionEvent {
    /// The route of the callback the bot must send for this interaction.
    pub fn callback_route(&self) -> String {
        format!("/interactions/{}/{}/callback", self.id, self.token)
    }

    /// The route prefix of this interaction's webhook (follow-ups, edits).
    pub fn webhook_route(&self) -> String {
        format!("/webhooks/{BOT_ID}/{}", self.token)
    }
}
