//! What the end-to-end scenario files share: the real bot started on the
//! fake Discord over a test's own service, the people who use it in the
//! test server, and readings of the bot's answers.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use common_ground::bot::{self, Data};
use common_ground::config::Config;
use common_ground::db::Db;
use common_ground::domain::{Held, Level, RelationshipDetails, RelationshipType, Toolkit};
use common_ground::domain::{Place as WorkshopPlace, Toolkits, Workshop};
use common_ground::service::{Clock, Service};

use common_ground::service::Actor as Person;
use serde_json::Value;
use tempfile::TempDir;

use crate::support::{
    Actor, FakeDiscord, FakeUser, InteractionEvent, Place, Recorded, RunningBot, StoredMessage,
    WAIT, named, permissions,
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

/// How a reveal compares the sides on an item the council rates 2.0 points
/// above the VCS, with three people a side.
pub(super) const COUNCIL_FAR_ABOVE_VCS: &str = "The council rates it 2.0 points higher than \
     the VCS. Far apart. The sides see it differently.\n\
     Large difference; could be chance with this few people";

/// A reveal's figures for an item three council members answer 4 and three
/// VCS members answer 2.
pub(super) const FOURS_AND_TWOS: &str =
    "Everyone: 3.0 (6 people) · Council: 4.0 (3 people) · VCS: 2.0 (3 people)";

/// A reveal's figures and comparison for an item the council answers 3, 3,
/// 3 and the VCS 3, 3, 4.
pub(super) const COUNCIL_3_VCS_3_3_4: &str = "Everyone: 3.2 (6 people) · Council: 3.0 \
     (3 people) · VCS: 3.3 (3 people)\n\
     The VCS rates it 0.3 points higher than the council. Close together. No clear pattern.";

/// The configuration the bot runs with in every test: only a token.
fn test_config() -> Config {
    Config::from_lookup(|name| (name == "DISCORD_TOKEN").then(|| "fake.bot.token".to_owned()))
        .expect("a valid configuration")
}

/// The day the fake's interactions carry; the tests' services agree.
pub(super) fn today() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap()
}

/// A service over the SQLite file at `path` with `toolkits`, its clock
/// fixed at [`today`].
pub(super) async fn service_at(path: &Path, toolkits: impl Into<Toolkits>) -> Service {
    let db = Db::connect(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("the database opens");
    Service::new(db, toolkits, Clock::Fixed(today()))
}

/// The test database's file in `dir`.
pub(super) fn database_in(dir: &TempDir) -> PathBuf {
    dir.path().join("common-ground.db")
}

/// A service over the test database in `dir`, with the shipped toolkit.
pub(super) async fn service_in(dir: &TempDir) -> Service {
    let toolkit = Toolkit::embedded().expect("the embedded toolkit loads");
    service_at(&database_in(dir), Arc::new(toolkit)).await
}

/// Runs the whole bot, with all its commands, against `fake` over
/// `service`, and returns once it has registered its commands (again, when
/// it is a restart).
pub(super) async fn run_bot(fake: &FakeDiscord, service: &Service) -> RunningBot {
    let registration = |r: &Recorded| r.is("PUT", "/applications/*/commands");
    let registered = fake.requests().iter().filter(|r| registration(r)).count();
    let data = Data {
        config: test_config(),
        service: service.clone(),
        catalogue: crate::support::shipped_catalogue(),
    };
    let running = fake
        .run_framework(bot::framework(
            data,
            bot::framework_options(bot::commands()),
        ))
        .await;
    fake.wait_for_count(registration, registered + 1).await;
    running
}

/// The workshop of the test server's test channel.
pub(super) async fn channel_workshop(service: &Service) -> Workshop {
    let place = WorkshopPlace {
        guild_id: Some(GUILD as i64),
        channel_id: Some(CHANNEL as i64),
    };
    service
        .find_workshop(place, None)
        .await
        .expect("the workshop")
}

/// The follow-up of `event` whose body `matches`.
pub(super) async fn follow_up(
    fake: &FakeDiscord,
    event: &InteractionEvent,
    matches: impl Fn(&Value) -> bool,
) -> Recorded {
    let route = event.webhook_route();
    fake.wait_for(
        |r| r.is("POST", &route) && r.body.as_ref().is_some_and(&matches),
        WAIT,
    )
    .await
}

/// A matcher for [`follow_up`]: a body whose text contains `text`.
pub(super) fn says(text: &str) -> impl Fn(&Value) -> bool + '_ {
    move |body| body["content"].as_str().is_some_and(|c| c.contains(text))
}

/// `/workshop next` by the facilitator: the live card it posts.
pub(super) async fn next_card(fake: &FakeDiscord) -> StoredMessage {
    let (next, _) = fake
        .command(&facilitator(), &["workshop", "next"], &[])
        .await;
    fake.original_response(&next)
}

/// A shaping relationship at place level, held directly and meant to be
/// strategic.
pub(super) fn shaping_relationship(name: &str) -> RelationshipDetails {
    RelationshipDetails {
        name: name.to_owned(),
        types: vec![RelationshipType::Shaping],
        holder: None,
        level: Level::Place,
        held: Held::Direct,
        intended_strategic: true,
    }
}

/// Waits until the live card's "Answered" field reads `expected`, and
/// returns the card as it is then.
pub(super) async fn card_answered(
    fake: &FakeDiscord,
    card: &StoredMessage,
    expected: &str,
) -> StoredMessage {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let now = fake.message(card.id).expect("the card exists");
        if field(&now.embeds[0], "Answered") == expected {
            return now;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the card still reads {:?}, not {expected:?}",
            field(&now.embeds[0], "Answered")
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
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

/// Asserts that the text of `callback` starts with `start`, and shows the
/// whole text when it does not.
pub(super) fn assert_starts_with(callback: &Recorded, start: &str) {
    assert!(
        content(callback).starts_with(start),
        "{}",
        content(callback)
    );
}

pub(super) fn is_private(callback: &Recorded) -> bool {
    callback.json()["data"]["flags"]
        .as_u64()
        .is_some_and(|flags| flags & PRIVATE != 0)
}

/// Asserts that the follow-up `message` is private and its text starts
/// with `start`.
pub(super) fn assert_private_follow_up(message: &Recorded, start: &str) {
    assert_eq!(message.json()["flags"], PRIVATE);
    assert!(
        message.json()["content"]
            .as_str()
            .unwrap()
            .starts_with(start)
    );
}

/// Asserts that the description of the results embed `embed` starts with
/// `start`, and shows the whole description when it does not.
pub(super) fn assert_description_starts_with(embed: &Value, start: &str) {
    let description = embed["description"].as_str().unwrap();
    assert!(description.starts_with(start), "{description}");
}

/// The value of the embed's field called `name`.
pub(super) fn field<'a>(embed: &'a Value, name: &str) -> &'a str {
    named(&embed["fields"], name)
        .and_then(|f| f["value"].as_str())
        .unwrap_or_else(|| panic!("no field {name:?} in {embed:#}"))
}
