//! What the end-to-end scenario files share: the real bot started on the
//! fake Discord over a test's own service, the people who use it in the
//! test server, and readings of the bot's answers.

use common_ground::bot::{self, Data};
use common_ground::config::Config;
use common_ground::service::Service;

use common_ground::service::Actor as Person;
use serde_json::Value;

use crate::support::{
    Actor, FakeDiscord, FakeUser, Place, Recorded, RunningBot, named, permissions,
};

pub(super) const GUILD: u64 = 500;
pub(super) const CHANNEL: u64 = 600;
/// Discord's flag for a message only its recipient sees.
pub(super) const PRIVATE: u64 = 64;

/// The options' choices, sent as their index, as poise registers them.
pub(super) mod choice {
    pub const LIVE: i64 = 0;
    pub const ASYNC: i64 = 1;
    pub const BENEFITS: i64 = 0;
    pub const STRATEGIC: i64 = 2;
    pub const COUNCIL: i64 = 0;
    pub const VCS: i64 = 1;
    pub const OTHER: i64 = 2;
    pub const SHAPING: i64 = 0;
    pub const PLACE_LEVEL: i64 = 1;
    pub const WELSH: i64 = 1;
    pub const BILINGUAL: i64 = 2;
    pub const HTML: i64 = 3;
}

/// The configuration the bot runs with in every test: only a token.
fn test_config() -> Config {
    Config::from_lookup(|name| (name == "DISCORD_TOKEN").then(|| "fake.bot.token".to_owned()))
        .expect("a valid configuration")
}

/// Runs the whole bot, with all its commands, against `fake` over
/// `service`. It registers its commands as it starts.
pub(super) async fn run_bot(fake: &FakeDiscord, service: &Service) -> RunningBot {
    let data = Data {
        config: test_config(),
        service: service.clone(),
        catalogue: crate::support::shipped_catalogue(),
    };
    fake.run_framework(bot::framework(
        data,
        bot::framework_options(bot::commands()),
    ))
    .await
}

/// The facilitator: a member of the test server who may manage it.
pub(super) fn facilitator() -> Actor {
    let user =
        FakeUser::new(10, "fay").with_permissions(permissions::MEMBER | permissions::MANAGE_GUILD);
    Actor::new(user, Place::guild(GUILD, CHANNEL))
}

/// An ordinary member of the test server, in the test channel.
pub(super) fn member(id: u64, name: &str) -> Actor {
    Actor::new(FakeUser::new(id, name), Place::guild(GUILD, CHANNEL))
}

/// The service's view of someone acting through Discord.
pub(super) fn person(actor: &Actor) -> Person {
    Person {
        external_id: Some(actor.user.id as i64),
        display_name: actor.user.name.clone(),
        is_facilitator: false,
    }
}

/// The text of a callback, or "" when it has none.
pub(super) fn content(callback: &Recorded) -> &str {
    callback.json()["data"]["content"]
        .as_str()
        .unwrap_or_default()
}

pub(super) fn is_private(callback: &Recorded) -> bool {
    callback.json()["data"]["flags"]
        .as_u64()
        .is_some_and(|flags| flags & PRIVATE != 0)
}

/// The value of the embed's field called `name`.
pub(super) fn field<'a>(embed: &'a Value, name: &str) -> &'a str {
    named(&embed["fields"], name)
        .and_then(|f| f["value"].as_str())
        .unwrap_or_else(|| panic!("no field {name:?} in {embed:#}"))
}
