//! Whole journeys of the real bot against the fake Discord, driven only
//! through Discord: start-up and command registration, a live workshop from
//! `/workshop create` to `/plan`, anonymity at the reveal, and faults (a
//! failed or rate-limited answer, a dropped gateway connection).
//!
//! Unlike `workshop.rs` and `actions.rs`, people join with `/join` and
//! relationships are added with `/relationship add`; the service is used
//! only to look at what the bot stored.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use tempfile::TempDir;

use common_ground::domain::{Assessment, VoteValue, Workshop};
use common_ground::service::Service;

use super::harness::choice::*;
use super::harness::{
    CHANNEL, COUNCIL_3_VCS_3_3_4, COUNCIL_FAR_ABOVE_VCS, FOURS_AND_TWOS,
    assert_description_starts_with, assert_private_follow_up, assert_starts_with, card_answered,
    channel_workshop, content, facilitator, field, follow_up, is_private, member, person, run_bot,
    says, service_in,
};
use crate::support::{
    Actor, FakeDiscord, Fault, InteractionEvent, OptionValue, Recorded, RunningBot, StoredMessage,
    WAIT, named,
};

const RELATIONSHIP: &str = "Health and wellbeing board";
/// A live card's count once both sides of [`Session::with_both_sides`] have
/// answered.
const SIX_OF_SEVEN: &str = "6 of 7 people (council 3 · VCS 3 · other 0)";

/// A running bot over a fresh database, and a service over the same file
/// for the test's own look-ups.
struct Session {
    fake: FakeDiscord,
    bot: RunningBot,
    service: Service,
    _dir: TempDir,
}

impl Session {
    /// Starts the whole bot and waits until its commands are registered.
    async fn start() -> Session {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let service = service_in(&dir).await;
        let fake = FakeDiscord::start().await;
        let bot = run_bot(&fake, &service).await;
        Session {
            fake,
            bot,
            service,
            _dir: dir,
        }
    }

    /// Votes on a live card; its count catches up a moment later (see
    /// [`Session::card_answered`]).
    async fn vote(&self, actor: &Actor, card: &StoredMessage, label: &str) -> Recorded {
        self.fake.click(actor, card, label).await.1
    }

    /// [`Session::vote`] by each of `actors`.
    async fn votes(&self, actors: &[Actor], card: &StoredMessage, label: &str) {
        for actor in actors {
            self.vote(actor, card, label).await;
        }
    }

    /// Waits until the live card's "Answered" field reads `expected`, and
    /// returns the card as it is then.
    async fn card_answered(&self, card: &StoredMessage, expected: &str) -> StoredMessage {
        card_answered(&self.fake, card, expected).await
    }

    /// The follow-up of `event` whose body `matches`.
    async fn follow_up(
        &self,
        event: &InteractionEvent,
        matches: impl Fn(&Value) -> bool,
    ) -> Recorded {
        follow_up(&self.fake, event, matches).await
    }

    async fn workshop(&self) -> Workshop {
        channel_workshop(&self.service).await
    }

    /// The person's recorded answer on item `item_index` of the open rounds.
    async fn recorded_vote(&self, actor: &Actor, item_index: u16) -> Option<u8> {
        let workshop = self.workshop().await;
        let ballot = self
            .service
            .ballot(&workshop, &person(actor))
            .await
            .expect("a participant's ballot");
        ballot
            .iter()
            .find(|entry| entry.item_index == item_index)
            .and_then(|entry| entry.own_vote)
            .map(VoteValue::code)
    }

    /// Starts a session with a live workshop (see [`Session::live_workshop`])
    /// that [`council`] and [`vcs`] have joined: the session and the sides.
    async fn with_both_sides(threshold: Option<i64>) -> (Session, [Actor; 3], [Actor; 3]) {
        let session = Session::start().await;
        let (council, vcs) = (council(), vcs());
        session.live_workshop(threshold, &council, &vcs).await;
        (session, council, vcs)
    }

    /// [`Session::with_both_sides`] with assessment one open.
    async fn benefits_with_both_sides(threshold: Option<i64>) -> (Session, [Actor; 3], [Actor; 3]) {
        let (session, council, vcs) = Session::with_both_sides(threshold).await;
        session.open_benefits().await;
        (session, council, vcs)
    }

    /// `/join` by `actor` for `side`: the bot's answer.
    async fn join(&self, actor: &Actor, side: i64) -> Recorded {
        self.fake
            .command(actor, &["join"], &[("side", OptionValue::Integer(side))])
            .await
            .1
    }

    /// `/workshop create` (live), `/join` for everyone, and the facilitator
    /// joining as another partner so that they may add a relationship.
    async fn live_workshop(&self, threshold: Option<i64>, council: &[Actor], vcs: &[Actor]) {
        let mut options = vec![
            ("title", OptionValue::string("Spring review")),
            ("mode", OptionValue::Integer(LIVE)),
        ];
        if let Some(threshold) = threshold {
            options.push(("anonymity_threshold", OptionValue::Integer(threshold)));
        }
        let (_, created) = self
            .fake
            .command(&facilitator(), &["workshop", "create"], &options)
            .await;
        assert!(!is_private(&created));
        assert_starts_with(
            &created,
            "Created the workshop **Spring review**. The facilitator will post",
        );
        for actor in council {
            let joined = self.join(actor, COUNCIL).await;
            assert!(is_private(&joined));
            assert_starts_with(&joined, "You have joined Spring review for the council.");
        }
        for actor in vcs {
            let joined = self.join(actor, VCS).await;
            assert_starts_with(
                &joined,
                "You have joined Spring review for the voluntary and community sector (VCS).",
            );
        }
        let options = [
            ("side", OptionValue::Integer(OTHER)),
            ("organisation", OptionValue::string("Facilitator")),
        ];
        self.fake.command(&facilitator(), &["join"], &options).await;
    }

    /// `/relationship add` by the facilitator, then `/workshop open` of
    /// assessment three for it.
    async fn open_strategic(&self) {
        let options = [
            ("name", OptionValue::string(RELATIONSHIP)),
            ("type", OptionValue::Integer(SHAPING)),
            ("level", OptionValue::Integer(PLACE_LEVEL)),
            ("intended_strategic", OptionValue::Boolean(true)),
        ];
        let (_, added) = self
            .fake
            .command(&facilitator(), &["relationship", "add"], &options)
            .await;
        assert!(is_private(&added));
        assert_starts_with(
            &added,
            &format!("Registered this relationship in Spring review: “{RELATIONSHIP}”: Shaping"),
        );
        let options = [
            ("assessment", OptionValue::Integer(STRATEGIC)),
            ("relationship", OptionValue::string(RELATIONSHIP)),
        ];
        self.open(&options).await;
    }

    /// `/workshop open` of assessment one.
    async fn open_benefits(&self) {
        self.open(&[("assessment", OptionValue::Integer(BENEFITS))])
            .await;
    }

    /// `/workshop open`; returns the bot's "Opened …" follow-up text.
    async fn open(&self, options: &[(&str, OptionValue)]) -> String {
        let (open, deferred) = self
            .fake
            .command(&facilitator(), &["workshop", "open"], options)
            .await;
        assert_eq!(deferred.json()["type"], 5);
        let opened = self.follow_up(&open, says("Opened")).await;
        opened.json()["content"].as_str().unwrap().to_owned()
    }

    /// `/workshop next`: the live card it posts.
    async fn next_card(&self) -> StoredMessage {
        let (next, posted) = self
            .fake
            .command(&facilitator(), &["workshop", "next"], &[])
            .await;
        assert!(!is_private(&posted), "a live card is public");
        self.fake.original_response(&next)
    }

    /// [`Session::reveal`] of assessment three for the [`RELATIONSHIP`].
    async fn reveal_strategic(&self) -> (Recorded, String) {
        self.reveal(&format!("{RELATIONSHIP}: how strategic")).await
    }

    /// `/workshop reveal`: the follow-up carrying the embed titled `title`,
    /// and the Markdown results file.
    async fn reveal(&self, title: &str) -> (Recorded, String) {
        let (reveal, deferred) = self
            .fake
            .command(&facilitator(), &["workshop", "reveal"], &[])
            .await;
        assert_eq!(deferred.json()["type"], 5);
        let results = self
            .follow_up(&reveal, |b| b["embeds"][0]["title"] == title)
            .await;
        let report = self.follow_up(&reveal, says("Markdown")).await;
        let markdown = String::from_utf8(report.files[0].bytes.clone()).unwrap();
        (results, markdown)
    }
}

fn council() -> [Actor; 3] {
    [member(11, "cara"), member(12, "cole"), member(13, "cyd")]
}

fn vcs() -> [Actor; 3] {
    [member(21, "vera"), member(22, "vic"), member(23, "val")]
}

/// The names of the entries of the list `list` (empty when it is none).
fn names_in(list: &Value) -> Vec<&str> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["name"].as_str())
        .collect()
}

fn field_names(embed: &Value) -> Vec<&str> {
    names_in(&embed["fields"])
}

fn vote_confirmation(value: &str, words: &str, item: &str) -> String {
    format!(
        "You voted {value} ({words}) on “{item}”. Only you can see your vote. You can change it \
         until the results are shown."
    )
}

// ---- 1. start-up -----------------------------------------------------------

/// The options of a registered command or subcommand, by name.
fn options_of(command: &Value) -> Vec<&str> {
    command["options"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|o| o["type"] != 1 && o["type"] != 2)
        .filter_map(|o| o["name"].as_str())
        .collect()
}

fn option<'a>(command: &'a Value, name: &str) -> &'a Value {
    named(&command["options"], name).unwrap_or_else(|| panic!("no option {name:?} in {command:#}"))
}

fn choices(option: &Value) -> Vec<&str> {
    names_in(&option["choices"])
}

#[tokio::test]
async fn at_start_up_the_bot_registers_every_command_of_the_design_in_one_request() {
    let session = Session::start().await;
    let fake = &session.fake;

    let registrations: Vec<Recorded> = fake
        .requests()
        .into_iter()
        .filter(|r| r.route.starts_with("/applications/"))
        .collect();
    assert_eq!(registrations.len(), 1, "{}", fake.request_summary());
    let put = &registrations[0];
    assert!(
        put.is("PUT", "/applications/*/commands"),
        "global, not per guild"
    );
    assert_eq!(put.status, 200);
    assert!(
        fake.violations().is_empty(),
        "the registration breaks Discord's schema: {:?}",
        fake.violations()
    );

    let body = put.json().as_array().expect("a list of commands").clone();
    let by_name: BTreeMap<&str, &Value> = body
        .iter()
        .map(|c| (c["name"].as_str().unwrap(), c))
        .collect();
    assert_eq!(by_name.len(), body.len(), "no command is registered twice");
    let names: BTreeSet<&str> = by_name.keys().copied().collect();
    let design: BTreeSet<&str> = [
        "workshop",
        "join",
        "leave",
        "forget-me",
        "my-data",
        "language",
        "ballot",
        "relationship",
        "action",
        "plan",
    ]
    .into();
    assert_eq!(names, design);
    let registered: BTreeSet<String> = fake
        .commands(None)
        .iter()
        .filter_map(|c| c["name"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(registered, design.iter().map(|n| n.to_string()).collect());
    for command in &body {
        // Left out, the type is 1: a slash command.
        assert!(
            command["type"].is_null() || command["type"] == 1,
            "{command}"
        );
        let description = command["description"].as_str().unwrap_or_default();
        assert!(
            !description.is_empty(),
            "{} has a description",
            command["name"]
        );
    }

    let subcommands = |name: &str| -> BTreeMap<&str, &Value> {
        by_name[name]["options"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|o| o["type"] == 1)
            .map(|o| (o["name"].as_str().unwrap(), o))
            .collect()
    };
    let workshop = subcommands("workshop");
    assert_eq!(
        workshop.keys().copied().collect::<BTreeSet<_>>(),
        [
            "create", "open", "next", "status", "reveal", "close", "rerun", "report"
        ]
        .into()
    );
    let relationship = subcommands("relationship");
    assert_eq!(
        relationship.keys().copied().collect::<BTreeSet<_>>(),
        ["add", "list", "edit"].into()
    );
    let action = subcommands("action");
    assert_eq!(
        action.keys().copied().collect::<BTreeSet<_>>(),
        ["propose", "list", "status"].into()
    );

    // The options of the design's table, in its order.
    let expected: [(&Value, &[&str]); 19] = [
        (
            workshop["create"],
            &[
                "title",
                "mode",
                "deadline",
                "anonymity_threshold",
                "council_role",
                "vcs_role",
                "facilitator_role",
                "language",
            ],
        ),
        (
            workshop["open"],
            &["assessment", "relationship", "workshop"],
        ),
        (workshop["next"], &["workshop"]),
        (workshop["status"], &["workshop"]),
        (
            workshop["reveal"],
            &["assessment", "relationship", "workshop"],
        ),
        (workshop["close"], &["workshop"]),
        (workshop["rerun"], &["title", "workshop"]),
        (workshop["report"], &["format", "workshop"]),
        (by_name["join"], &["side", "organisation", "workshop"]),
        (by_name["leave"], &["workshop"]),
        (by_name["forget-me"], &[]),
        (by_name["my-data"], &[]),
        (by_name["ballot"], &["workshop"]),
        (
            relationship["add"],
            &[
                "name",
                "type",
                "level",
                "also_type",
                "holder",
                "held",
                "intended_strategic",
                "workshop",
            ],
        ),
        (relationship["list"], &["workshop"]),
        (action["propose"], &["prompted_by", "workshop"]),
        (action["list"], &["workshop"]),
        (by_name["plan"], &["workshop"]),
        (by_name["language"], &["choice"]),
    ];
    for (command, options) in expected {
        assert_eq!(options_of(command), options, "{}", command["name"]);
    }
    assert_eq!(options_of(relationship["edit"])[0], "relationship");
    let status_options = options_of(action["status"]);
    assert_eq!(status_options[..2], ["action", "status"]);
    assert!(status_options[2..].iter().all(|o| *o == "workshop"));

    // Required options are those the design writes without brackets.
    let required = |command: &Value| -> Vec<String> {
        command["options"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|o| o["required"] == true)
            .filter_map(|o| o["name"].as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(required(workshop["create"]), ["title", "mode"]);
    assert_eq!(required(workshop["open"]), ["assessment"]);
    assert_eq!(required(workshop["rerun"]), ["title"]);
    assert_eq!(required(relationship["add"]), ["name", "type", "level"]);
    assert_eq!(required(relationship["edit"]), ["relationship"]);
    assert_eq!(required(action["status"]), ["action", "status"]);
    for optional_only in [workshop["reveal"], workshop["report"], by_name["plan"]] {
        assert!(
            required(optional_only).is_empty(),
            "{}",
            optional_only["name"]
        );
    }

    // The choices, and the threshold's range.
    let create = workshop["create"];
    assert_eq!(choices(option(create, "mode")), ["live", "async"]);
    let threshold = option(create, "anonymity_threshold");
    assert_eq!(threshold["min_value"].as_f64(), Some(1.0));
    assert_eq!(threshold["max_value"].as_f64(), Some(10.0));
    assert_eq!(
        choices(option(workshop["open"], "assessment")),
        ["benefits", "relationships", "strategic"]
    );
    assert_eq!(
        choices(option(workshop["report"], "format")),
        ["md", "csv", "json", "html"]
    );
    assert_eq!(
        choices(option(by_name["join"], "side")),
        ["council", "vcs", "other"]
    );
    let add = relationship["add"];
    assert_eq!(
        choices(option(add, "type")),
        [
            "shaping",
            "ongoing",
            "neighbourhood",
            "commissioning",
            "delivery"
        ]
    );
    assert_eq!(
        choices(option(add, "level")),
        ["neighbourhood", "place", "system"]
    );
    assert_eq!(choices(option(add, "held")), ["direct", "brokered"]);
    assert_eq!(option(add, "intended_strategic")["type"], 5, "a boolean");
    assert_eq!(
        choices(option(action["status"], "status")),
        ["open", "in_progress", "done", "dropped"]
    );
    // `workshop` is always autocompleted.
    for command in [
        workshop["open"],
        by_name["join"],
        by_name["plan"],
        action["propose"],
    ] {
        assert_eq!(option(command, "workshop")["autocomplete"], true);
    }
    session.bot.stop().await;
}

// ---- 2. a live workshop from start to end ------------------------------------

#[tokio::test]
async fn a_live_workshop_runs_from_create_through_votes_and_reveal_to_the_plan() {
    let (session, council, vcs) = Session::with_both_sides(None).await;
    let fake = &session.fake;
    session.open_strategic().await;

    // Council answers 4 on all fifteen items. VCS answers 2, except on the
    // second item ("Value of all parties") where it answers 5, 5, 2.
    // cara first answers 2 on the first item, then changes to 4.
    for index in 0..15u16 {
        let card = session.next_card().await;
        let title = card.embeds[0]["title"].as_str().unwrap().to_owned();
        assert!(
            title.starts_with(&format!("Question {} of 15: ", index + 1)),
            "{title}"
        );
        if index == 0 {
            assert_eq!(title, "Question 1 of 15: Rebalancing power");
            assert_eq!(field(&card.embeds[0], "Relationship"), RELATIONSHIP);
            let first = session.vote(&council[0], &card, "2").await;
            assert!(is_private(&first));
            assert_eq!(
                content(&first),
                vote_confirmation("2", "To a small extent", "Rebalancing power")
            );
            assert_eq!(session.recorded_vote(&council[0], 0).await, Some(2));
        }
        for actor in &council {
            let confirmed = session.vote(actor, &card, "4").await;
            assert!(is_private(&confirmed));
            assert!(content(&confirmed).starts_with("You voted 4 (To a large extent)"));
        }
        let vcs_votes = if index == 1 {
            ["5", "5", "2"]
        } else {
            ["2", "2", "2"]
        };
        for (actor, label) in vcs.iter().zip(vcs_votes) {
            session.vote(actor, &card, label).await;
        }
        session.card_answered(&card, SIX_OF_SEVEN).await;
    }
    assert_eq!(
        session.recorded_vote(&council[0], 0).await,
        Some(4),
        "changed"
    );
    assert_eq!(session.recorded_vote(&vcs[2], 1).await, Some(2));

    // Item means: council 4 everywhere; VCS 2, and 4 on the second item;
    // all 3, and 4 on the second item.
    // Council 15 × 4 = 60; VCS 14 × 2 + 4 = 32; all 14 × 3 + 4 = 46, which
    // is "largely" (46–60), so strategic in intent and in delivery.
    let (results, markdown) = session.reveal_strategic().await;
    let embed = &results.json()["embeds"][0];
    assert_description_starts_with(
        embed,
        "**Score out of 75**\nEveryone: 46 out of 75, largely strategic\n\
         Council: 60 out of 75, largely strategic\nVCS: 32 out of 75, somewhat strategic\n\n\
         This relationship is meant to be strategic. Strategic in both intent and \
         delivery: Action not needed. The sides see it differently: for the council it is \
         strategic in both intent and delivery, for the VCS strategic in intent but not in \
         delivery.\n\nWho answered: 3 from the council, 3 from the VCS and no other partners.",
    );
    // Principles: three items each, e.g. shared foundations council 12,
    // VCS 2 + 4 + 2 = 8, all 3 + 4 + 3 = 10.
    assert_eq!(
        field(embed, "Principles (out of 15)"),
        "Shared foundations: everyone 10 / 15 · council 12 / 15 · VCS 8 / 15\n\
         Relational culture: everyone 9 / 15 · council 12 / 15 · VCS 6 / 15\n\
         Effective structures: everyone 9 / 15 · council 12 / 15 · VCS 6 / 15\n\
         Capacity and resources: everyone 9 / 15 · council 12 / 15 · VCS 6 / 15"
    );
    assert_eq!(
        field(embed, "Rebalancing power"),
        format!("{FOURS_AND_TWOS}\n{COUNCIL_FAR_ABOVE_VCS}")
    );
    assert_eq!(
        field(embed, "Value of all parties"),
        "Everyone: 4.0 (6 people) · Council: 4.0 (3 people) · VCS: 4.0 (3 people)\n\
         The council and the VCS rate it the same. Close together. Both sides see a strength."
    );
    // Most divergent first: the one aligned item comes last.
    let names = field_names(embed);
    assert_eq!(names[..2], ["Principles (out of 15)", "Rebalancing power"]);
    assert_eq!(names.last(), Some(&"Value of all parties"));
    assert_eq!(names.len(), 16, "the principles and fifteen items");
    assert!(markdown.contains("46 out of 75"), "{markdown}");

    // An action, through the form.
    let cara = &council[0];
    let (_, form) = session
        .fake
        .command(cara, &["action", "propose"], &[])
        .await;
    assert_eq!(form.json()["type"], 9);
    let custom_id = form.json()["data"]["custom_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let text = "Give the VCS a seat with a vote on the board";
    let submit = fake.modal_submit(
        cara,
        &custom_id,
        &[
            ("text", text),
            ("owner", "Director of public health"),
            ("due", "2025-04-30"),
            ("prompted_by", "improve_strategic"),
        ],
    );
    let posted = fake.answer(&submit).await;
    assert!(!is_private(&posted), "the action card is public");
    let card = fake.original_response(&submit);
    assert_eq!(card.embeds[0]["title"], "Action 1");
    assert_eq!(card.embeds[0]["description"], text);

    // A council and a VCS member agree; the facilitator marks it agreed.
    for actor in [&council[0], &vcs[0]] {
        let card = fake.message(card.id).unwrap();
        let (click, update) = session.fake.click(actor, &card, "Agree").await;
        assert_eq!(update.json()["type"], 7);
        let recorded = session.follow_up(&click, |_| true).await;
        assert_private_follow_up(&recorded, "You agree with action 1.");
    }
    let card = fake.message(card.id).unwrap();
    assert_eq!(
        field(&card.embeds[0], "Responses"),
        "Council: hidden until at least 3 people respond\n\
         VCS: hidden until at least 3 people respond\n\
         Other partners: hidden until at least 3 people respond\n\
         Once enough people on each side respond, this shows whether both sides back it."
    );
    let (_, update) = session
        .fake
        .click(&facilitator(), &card, "Mark agreed")
        .await;
    assert_eq!(update.json()["type"], 7);
    let card = fake.message(card.id).unwrap();
    assert_eq!(field(&card.embeds[0], "Status"), "Agreed, not started");

    // The plan, with its Markdown file.
    let (plan, deferred) = session.fake.command(&vcs[1], &["plan"], &[]).await;
    assert_eq!(deferred.json()["type"], 5);
    let sent = session
        .follow_up(&plan, |b| b["embeds"][0].is_object())
        .await;
    let embed = &sent.json()["embeds"][0];
    assert_eq!(embed["title"], "Action plan: Spring review");
    assert_eq!(
        field(
            embed,
            "What needs to be done to improve how strategic relationships are, according to \
             assessment three."
        ),
        format!(
            "Action 1 · {text} · Owner: Director of public health · Due <t:1746014400:D> · Not \
             started"
        )
    );
    let file = sent
        .files
        .iter()
        .find(|f| f.name.ends_with(".md"))
        .expect("the plan as Markdown");
    assert_eq!(file.name, "workshop-1-report.md");
    let plan_markdown = String::from_utf8(file.bytes.clone()).unwrap();
    assert!(plan_markdown.contains(text), "{plan_markdown}");
    assert!(
        plan_markdown.contains("Director of public health"),
        "{plan_markdown}"
    );
    session.bot.stop().await;
}

// ---- 3. anonymity --------------------------------------------------------------

#[tokio::test]
async fn with_two_vcs_voters_and_a_threshold_of_three_the_reveal_shows_no_vcs_figures() {
    let session = Session::start().await;
    let council = council();
    let vcs = &vcs()[..2];
    session.live_workshop(Some(3), &council, vcs).await;
    session.open_strategic().await;

    // Council 4, 4, 4 then 5, 5, 5; VCS 1, 2 then 1, 1.
    for (council_vote, vcs_votes) in [("4", ["1", "2"]), ("5", ["1", "1"])] {
        let card = session.next_card().await;
        session.votes(&council, &card, council_vote).await;
        for (actor, label) in vcs.iter().zip(vcs_votes) {
            session.vote(actor, &card, label).await;
        }
        // Who has voted may be shown; what they voted may not.
        session
            .card_answered(&card, "5 of 6 people (council 3 · VCS 2 · other 0)")
            .await;
    }

    let (results, markdown) = session.reveal_strategic().await;
    let embed = &results.json()["embeds"][0];
    // Council: (4 + 5) / 2 × 15 = 67.5, rounded up to 68. "All" with them
    // would give the two VCS voters away, so it leaves them out and says so:
    // it is the council's figures, and the case follows from them.
    assert_description_starts_with(
        embed,
        "**Score out of 75**\nEveryone: 68 out of 75, highly strategic\n\
         Council: 68 out of 75, highly strategic\nVCS: too few people to show\n\n\
         This relationship is meant to be strategic. Strategic in both intent and \
         delivery: Action not needed.\n\nWho answered: 3 from the council, 2 from the VCS \
         and no other partners. A side's figures are shown only when at least 3 people from \
         it answered; otherwise it says \"too few people to show\".\n2 VCS members' \
         answers are left out of the \"Everyone\" figures to keep them private.",
    );
    assert!(
        field(embed, "Principles (out of 15)").starts_with(
            "Shared foundations: everyone 14 / 15 · council 14 / 15 · VCS too few people to show\n"
        ),
        "{}",
        field(embed, "Principles (out of 15)")
    );
    assert_eq!(
        field(embed, "Rebalancing power"),
        "Everyone: 4.0 (3 people) · Council: 4.0 (3 people) · VCS: too few people to show\n\
         No comparison: one side has too few people to show."
    );
    assert_eq!(
        field(embed, "Value of all parties"),
        "Everyone: 5.0 (3 people) · Council: 5.0 (3 people) · VCS: too few people to show\n\
         No comparison: one side has too few people to show."
    );

    // No VCS figure and no "all" with the VCS pair in it anywhere: not in
    // the embeds, the chart's text or the Markdown. VCS means 1.5 and 1.0, score 19, principle 4 of 15;
    // all means 3.0 and 3.4 (5 people), score 48.
    let everything = format!(
        "{}\n{}\n{markdown}",
        results.json()["embeds"],
        results.json()["content"]
    );
    for leak in [
        "1.5",
        "1.0 (",
        "(2 people)",
        "(5 people)",
        "3.4",
        "19 out of 75",
        "48 out of 75",
        "· VCS 4 of 15",
        "Far apart.",
        "Close together.",
        "Some difference.",
    ] {
        assert!(
            !everything.contains(leak),
            "{leak:?} gives votes away:\n{everything}"
        );
    }
    assert!(markdown.contains("too few to show"), "{markdown}");
    session.bot.stop().await;
}

/// 4 council, 4 VCS and 1 other partner answer the first benefit with k = 3.
/// The other partner alone is too few to show, so the overall figures are
/// built from the council and the VCS, and the reveal says why.
#[tokio::test]
async fn a_lone_other_partner_is_left_out_of_the_overall_figures_and_the_reveal_says_so() {
    let session = Session::start().await;
    let council = [council().as_slice(), &[member(14, "cass")]].concat();
    let vcs = [vcs().as_slice(), &[member(24, "viv")]].concat();
    session.live_workshop(Some(3), &council, &vcs).await;
    let health = member(31, "hal");
    let options = [
        ("side", OptionValue::Integer(OTHER)),
        ("organisation", OptionValue::string("NHS trust")),
    ];
    session.fake.command(&health, &["join"], &options).await;
    session.open_benefits().await;
    let card = session.next_card().await;
    session.votes(&council, &card, "4").await;
    session.votes(&vcs, &card, "2").await;
    session.vote(&health, &card, "5").await;
    session
        .card_answered(&card, "9 of 10 people (council 4 · VCS 4 · other 1)")
        .await;

    let (results, markdown) = session.reveal(Assessment::Benefits.title()).await;
    let embed = &results.json()["embeds"][0];
    let description = embed["description"].as_str().unwrap();
    assert!(
        description.contains(
            "Who answered: 4 from the council, 4 from the VCS and 1 other partner. A side's \
             figures are shown only when at least 3 people from it answered; otherwise it says \
             \"too few people to show\".\n1 other partner's answers are left out of the \
             \"Everyone\" figures to keep them private."
        ),
        "{description}"
    );
    // All: (4 × 4 + 4 × 2) / 8 = 3.0, without the other partner's 5.
    assert!(
        field(embed, "Better services").starts_with(
            "Everyone: 3.0 (8 people) · Council: 4.0 (4 people) · VCS: 2.0 (4 people)"
        ),
        "{}",
        field(embed, "Better services")
    );
    let everything = format!("{}\n{markdown}", results.json()["embeds"]);
    for leak in ["(9 people)", "3.2", "(1 person)"] {
        assert!(
            !everything.contains(leak),
            "{leak:?} gives the other partner's vote away:\n{everything}"
        );
    }
    assert!(
        markdown.contains("1 other partner's answers are left out of the \"Everyone\" figures"),
        "{markdown}"
    );
    session.bot.stop().await;
}

impl Session {
    /// `/workshop report format json`, parsed.
    async fn json_report(&self) -> Value {
        const JSON: i64 = 2;
        let (report, _) = self
            .fake
            .command(
                &facilitator(),
                &["workshop", "report"],
                &[("format", OptionValue::Integer(JSON))],
            )
            .await;
        let sent = self.follow_up(&report, says("attached")).await;
        assert_eq!(sent.files[0].name, "report-1.json");
        serde_json::from_slice(&sent.files[0].bytes).expect("the report is JSON")
    }
}

#[tokio::test]
async fn a_side_change_after_a_reveal_leaves_the_revealed_figures_unchanged() {
    let (session, council, vcs) = Session::benefits_with_both_sides(Some(3)).await;
    let card = session.next_card().await;
    session.votes(&council, &card, "4").await;
    session.votes(&vcs, &card, "2").await;
    session.card_answered(&card, SIX_OF_SEVEN).await;
    let (results, _) = session.reveal(Assessment::Benefits.title()).await;
    let revealed = field(&results.json()["embeds"][0], "Better services").to_owned();
    assert!(revealed.starts_with(FOURS_AND_TWOS), "{revealed}");
    let before = session.json_report().await;

    // cara moves to the VCS: her revealed 4 stays a council answer.
    let joined = session.join(&council[0], VCS).await;
    assert!(is_private(&joined));
    assert!(
        content(&joined).contains("voluntary and community sector (VCS)"),
        "{}",
        content(&joined)
    );
    let after = session.json_report().await;
    for part in ["benefits", "focus_areas"] {
        assert_eq!(after[part], before[part], "{part}");
    }
    assert_eq!(
        after["participation"]["voters"], before["participation"]["voters"],
        "who voted on each side is counted by the side their answers count for"
    );
    assert_eq!(
        before["benefits"]["a1.direct.better_services"]["groups"]["council"]["n"],
        3
    );
    session.bot.stop().await;
}

#[tokio::test]
async fn a_closed_workshops_report_needs_no_workshop_named() {
    let session = Session::start().await;
    session.live_workshop(None, &[], &[]).await;
    let (_, closed) = session
        .fake
        .command(&facilitator(), &["workshop", "close"], &[])
        .await;
    assert_starts_with(&closed, "Closed the workshop **Spring review**.");
    let (report, _) = session
        .fake
        .command(&facilitator(), &["workshop", "report"], &[])
        .await;
    let sent = session.follow_up(&report, says("attached")).await;
    assert_eq!(
        sent.json()["content"],
        "The report for Spring review is attached. It holds only the results that have been shown."
    );
    assert_eq!(sent.files[0].name, "report-1.md");
    session.bot.stop().await;
}

// ---- 4. faults --------------------------------------------------------------------

/// One click on a vote card, and whether the bot confirmed it.
struct Click {
    actor: Actor,
    event: InteractionEvent,
    value: &'static str,
    confirmed: bool,
}

impl Session {
    /// Clicks `value` on `card` and waits until the bot has answered it,
    /// one way or another; a confirmation counts only if Discord took it.
    async fn click_vote(&self, actor: &Actor, card: &StoredMessage, value: &'static str) -> Click {
        let (event, first) = self.fake.click(actor, card, value).await;
        let route = event.callback_route();
        // A failed callback is followed by an apology; wait for that answer.
        if first.status >= 300 {
            self.fake
                .wait_for(|r| r.route == route && r.status < 300, WAIT)
                .await;
        }
        let confirmed = self.fake.requests().iter().any(|r| {
            r.route == route
                && r.status < 300
                && content(r).starts_with(&format!("You voted {value} "))
        });
        Click {
            actor: actor.clone(),
            event,
            value,
            confirmed,
        }
    }

    /// Every vote the bot confirmed is what the database holds, unless the
    /// same person confirmed a later one.
    async fn assert_confirmed_votes_stored(&self, clicks: &[Click], item_index: u16) {
        let mut last_confirmed: BTreeMap<u64, (&Actor, &str)> = BTreeMap::new();
        for click in clicks.iter().filter(|c| c.confirmed) {
            last_confirmed.insert(click.actor.user.id, (&click.actor, click.value));
        }
        for (actor, value) in last_confirmed.into_values() {
            let stored = self.recorded_vote(actor, item_index).await;
            assert_eq!(
                stored.map(|code| code.to_string()),
                Some(value.to_owned()),
                "{}'s confirmed vote on item {item_index}",
                actor.user.name
            );
        }
    }
}

#[tokio::test]
async fn a_failed_or_rate_limited_answer_loses_no_confirmed_vote_and_the_bot_keeps_answering() {
    let (session, [cara, cole, cyd], [vera, vic, val]) =
        Session::benefits_with_both_sides(None).await;
    let fake = &session.fake;
    let card = session.next_card().await;
    assert_eq!(card.embeds[0]["title"], "Question 1 of 9: Better services");
    let callbacks = "/interactions/*/*/callback";
    let mut clicks = Vec::new();

    // 500 on cara's confirmation: she is told her vote was saved all the
    // same (it was stored before the answer failed).
    fake.fail_next("POST", callbacks, Fault::Status500);
    let click = session.click_vote(&cara, &card, "4").await;
    assert!(!click.confirmed);
    let answers: Vec<Recorded> = fake
        .requests()
        .into_iter()
        .filter(|r| r.route == click.event.callback_route())
        .collect();
    assert_eq!(
        answers.iter().map(|r| r.status).collect::<Vec<_>>(),
        [500, 204]
    );
    assert_eq!(
        content(&answers[0]),
        vote_confirmation("4", "To a large extent", "Better services")
    );
    assert!(is_private(&answers[1]));
    assert_eq!(
        content(&answers[1]),
        format!(
            "Your vote was saved. {}",
            vote_confirmation("4", "To a large extent", "Better services")
        )
    );
    assert_eq!(session.recorded_vote(&cara, 0).await, Some(4));
    clicks.push(click);

    // 429 on cole's confirmation: the same.
    fake.fail_next("POST", callbacks, Fault::RateLimited { retry_after: 0.2 });
    let click = session.click_vote(&cole, &card, "5").await;
    assert!(!click.confirmed);
    let last = fake
        .requests()
        .into_iter()
        .rfind(|r| r.route == click.event.callback_route())
        .unwrap();
    assert_eq!(
        content(&last),
        format!(
            "Your vote was saved. {}",
            vote_confirmation("5", "As much as possible", "Better services")
        )
    );
    assert_eq!(session.recorded_vote(&cole, 0).await, Some(5));
    clicks.push(click);

    // 429 on the card's refresh after cyd's vote: confirmed all the same.
    let card_route = format!("/channels/{CHANNEL}/messages/{}", card.id);
    fake.fail_next(
        "PATCH",
        &card_route,
        Fault::RateLimited { retry_after: 0.2 },
    );
    let click = session.click_vote(&cyd, &card, "3").await;
    assert!(click.confirmed);
    fake.wait_for(|r| r.is("PATCH", &card_route) && r.status == 429, WAIT)
        .await;
    clicks.push(click);

    // Later clicks are answered: cara and cole try again (cole changes his
    // mind), and the VCS votes.
    for (actor, value) in [
        (&cara, "4"),
        (&cole, "3"),
        (&vera, "2"),
        (&vic, "2"),
        (&val, "1"),
    ] {
        let click = session.click_vote(actor, &card, value).await;
        assert!(click.confirmed, "{}'s vote is confirmed", actor.user.name);
        clicks.push(click);
    }
    session.assert_confirmed_votes_stored(&clicks, 0).await;
    assert_eq!(session.recorded_vote(&cole, 0).await, Some(3));

    // After the 429 the card waited, then caught up with the latest count.
    session.card_answered(&card, SIX_OF_SEVEN).await;
    assert_eq!(
        fake.rate_limited_requests().len(),
        2,
        "only the two injected 429s"
    );
    session.bot.stop().await;
}

#[tokio::test]
async fn after_the_gateway_drops_mid_workshop_clicks_and_the_reveal_still_work() {
    let (session, council, vcs) = Session::benefits_with_both_sides(None).await;
    let fake = &session.fake;

    // First item: council 4, 4, 5; VCS 2, 2 before the drop, 3 after it.
    let card = session.next_card().await;
    let mut clicks = Vec::new();
    for (actor, value) in council
        .iter()
        .zip(["4", "4", "5"])
        .chain(vcs[..2].iter().zip(["2", "2"]))
    {
        clicks.push(session.click_vote(actor, &card, value).await);
    }
    fake.drop_gateway();
    clicks.push(session.click_vote(&vcs[2], &card, "3").await);
    assert!(clicks.iter().all(|c| c.confirmed));
    assert_eq!((fake.gateway_identifies(), fake.gateway_resumes()), (1, 1));
    session.assert_confirmed_votes_stored(&clicks, 0).await;
    session.card_answered(&card, SIX_OF_SEVEN).await;

    // Second item, after the reconnection: council 3, 3, 3; VCS 3, 3, 4.
    let card = session.next_card().await;
    assert_eq!(
        card.embeds[0]["title"],
        "Question 2 of 9: Reach of services"
    );
    for (actor, value) in council
        .iter()
        .zip(["3", "3", "3"])
        .chain(vcs.iter().zip(["3", "3", "4"]))
    {
        let click = session.click_vote(actor, &card, value).await;
        assert!(click.confirmed);
    }
    session.card_answered(&card, SIX_OF_SEVEN).await;
    assert!(
        fake.rate_limited_requests().is_empty(),
        "the bot keeps within the channel's limits"
    );

    let (results, _) = session.reveal(Assessment::Benefits.title()).await;
    let embed = &results.json()["embeds"][0];
    // Council 13 / 3 = 4.33, VCS 7 / 3 = 2.33, all 20 / 6 = 3.33: gap +2.0.
    assert_eq!(
        field(embed, "Better services"),
        format!(
            "Everyone: 3.3 (6 people) · Council: 4.3 (3 people) · VCS: 2.3 (3 people)\n\
             {COUNCIL_FAR_ABOVE_VCS}"
        )
    );
    // Council 3, VCS 10 / 3 = 3.33, all 19 / 6 = 3.17: gap -0.3.
    assert_eq!(field(embed, "Reach of services"), COUNCIL_3_VCS_3_3_4);
    session.bot.stop().await;
}
