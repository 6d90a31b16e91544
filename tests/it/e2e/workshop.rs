//! The real bot (every command, the router, the service over SQLite) against
//! the fake Discord: a live strategic assessment from creation to reveal,
//! refusals, the private ballot, and buttons that outlive a restart.
//!
//! People join through the service directly, so these scenarios do not
//! depend on `/join`.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use serde_json::Value;
use tempfile::TempDir;

use common_ground::bot;
use common_ground::db::Db;
use common_ground::domain::Toolkit;
use common_ground::domain::{Assessment, RoundStatus, Side, VoteValue, Workshop};
use common_ground::service::{Actor as Person, Clock, Service};

use super::harness::choice::*;
use super::harness::{
    CHANNEL, COUNCIL_3_VCS_3_3_4, COUNCIL_FAR_ABOVE_VCS, FOURS_AND_TWOS, GUILD,
    assert_description_starts_with, card_answered, channel_workshop, content, database_in,
    facilitator, field, follow_up, is_private, member, next_card, person, run_bot, says,
    service_at, shaping_relationship,
};
use crate::support::{
    Actor, FakeDiscord, FakeUser, Fault, OptionValue, Place, Recorded, RunningBot, StoredChannel,
    StoredMessage, WAIT,
};

const RELATIONSHIP: &str = "Health and wellbeing board";
const CLOSED: &str = "Voting on this question has closed, so answers to it can no longer \
                      change. Your vote on it still counts. Use /ballot to see what is still open.";

/// A fake Discord and the whole bot over a new database in a temporary
/// folder, with a service over the same database for the test's own
/// look-ups.
async fn start_fresh() -> (FakeDiscord, TempDir, RunningBot, Service) {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (running, service) = start_bot(&fake, &database_in(&dir)).await;
    (fake, dir, running, service)
}

/// Starts the whole bot on the database file `path`; returns it with a
/// service over the same database for the test's own look-ups.
async fn start_bot(fake: &FakeDiscord, path: &Path) -> (RunningBot, Service) {
    let toolkit = Toolkit::embedded().expect("the embedded toolkit loads");
    start_bot_with(fake, path, toolkit).await
}

/// [`start_bot`] with the prompts in `toolkit`, as if from `PROMPTS_DIR`.
async fn start_bot_with(
    fake: &FakeDiscord,
    path: &Path,
    toolkit: Toolkit,
) -> (RunningBot, Service) {
    let service = service_at(path, Arc::new(toolkit)).await;
    (run_bot(fake, &service).await, service)
}

fn count(fake: &FakeDiscord, matches: impl Fn(&Recorded) -> bool) -> usize {
    fake.requests().iter().filter(|r| matches(r)).count()
}

async fn join(service: &Service, workshop: &Workshop, actor: &Actor, side: Side) {
    let person = person(actor);
    service
        .join(workshop, &person, side, None)
        .await
        .expect("joins");
}

/// `/workshop open` of `assessment` by `actor`: the deferral, and the
/// public "Opened" follow-up once the prompts and any cards are posted.
async fn open_as(fake: &FakeDiscord, actor: &Actor, assessment: i64) -> (Recorded, Recorded) {
    let options = [("assessment", OptionValue::Integer(assessment))];
    let (open, deferred) = fake.command(actor, &["workshop", "open"], &options).await;
    (deferred, follow_up(fake, &open, says("Opened")).await)
}

/// [`open_as`] by the facilitator: the "Opened" follow-up.
async fn open_assessment(fake: &FakeDiscord, assessment: i64) -> Recorded {
    open_as(fake, &facilitator(), assessment).await.1
}

/// The options of `/workshop create` for "Spring review".
fn spring_review(mode: i64, deadline: Option<&str>) -> Vec<(&'static str, OptionValue)> {
    let mut options = vec![
        ("title", OptionValue::string("Spring review")),
        ("mode", OptionValue::Integer(mode)),
    ];
    if let Some(deadline) = deadline {
        options.push(("deadline", OptionValue::string(deadline)));
    }
    options
}

/// `/workshop create` by the facilitator: the bot's answer.
async fn create_workshop(fake: &FakeDiscord, mode: i64, deadline: Option<&str>) -> Recorded {
    let options = spring_review(mode, deadline);
    fake.command(&facilitator(), &["workshop", "create"], &options)
        .await
        .1
}

/// Creates a workshop in `mode`, joins `people` to it on their sides
/// through the service, and opens assessment one: the workshop.
async fn benefits_open_to(
    fake: &FakeDiscord,
    service: &Service,
    mode: i64,
    deadline: Option<&str>,
    people: &[(&Actor, Side)],
) -> Workshop {
    create_workshop(fake, mode, deadline).await;
    let workshop = channel_workshop(service).await;
    for (actor, side) in people {
        join(service, &workshop, actor, *side).await;
    }
    open_assessment(fake, BENEFITS).await;
    workshop
}

/// [`benefits_open_to`] ann (31) alone, on `side`: the workshop, and ann.
async fn ann_joined(
    fake: &FakeDiscord,
    service: &Service,
    mode: i64,
    deadline: Option<&str>,
    side: Side,
) -> (Workshop, Actor) {
    let ann = member(31, "ann");
    let workshop = benefits_open_to(fake, service, mode, deadline, &[(&ann, side)]).await;
    (workshop, ann)
}

/// `/workshop status` by the facilitator: the text of its answer, which
/// only the facilitator sees.
async fn status(fake: &FakeDiscord) -> String {
    let (_, status) = fake
        .command(&facilitator(), &["workshop", "status"], &[])
        .await;
    assert!(is_private(&status));
    content(&status).to_owned()
}

/// The facilitator registers the [`RELATIONSHIP`] through the service.
async fn add_health_board(service: &Service, workshop: &Workshop) {
    let facilitator = Person {
        external_id: None,
        display_name: "Facilitator".to_owned(),
        is_facilitator: true,
    };
    service
        .add_relationship(workshop, &facilitator, shaping_relationship(RELATIONSHIP))
        .await
        .unwrap();
}

/// Clicks `label` on the live card; the card's count catches up a moment
/// later (see [`card_answered`]).
async fn vote_on_card(
    fake: &FakeDiscord,
    actor: &Actor,
    card: &StoredMessage,
    label: &str,
) -> Recorded {
    fake.click(actor, card, label).await.1
}

#[tokio::test]
async fn a_live_strategic_assessment_from_creation_to_reveal() {
    let (fake, _dir, running, service) = start_fresh().await;

    // Only someone with Manage Server may create a workshop.
    let create = ["workshop", "create"];
    let (_, refused) = fake
        .command(&member(11, "cara"), &create, &spring_review(LIVE, None))
        .await;
    assert!(is_private(&refused));
    assert!(
        content(&refused).starts_with("Only a facilitator can start a workshop."),
        "{}",
        content(&refused)
    );

    let created = create_workshop(&fake, LIVE, None).await;
    assert!(!is_private(&created));
    let text = content(&created);
    assert!(
        text.starts_with("Created the workshop **Spring review**. The facilitator will post"),
        "{text}"
    );
    assert!(text.contains("/join"), "{text}");
    let workshop = channel_workshop(&service).await;
    add_health_board(&service, &workshop).await;
    let council = [member(11, "cara"), member(12, "cole"), member(13, "cyd")];
    let vcs = [member(21, "vera"), member(22, "vic"), member(23, "val")];
    for actor in &council {
        join(&service, &workshop, actor, Side::Council).await;
    }
    for actor in &vcs {
        join(&service, &workshop, actor, Side::Vcs).await;
    }

    let (deferred, opened) = open_as(&fake, &facilitator(), STRATEGIC).await;
    assert_eq!(deferred.json()["type"], 5);
    let text = opened.json()["content"].as_str().unwrap();
    assert!(text.contains(&format!("for {RELATIONSHIP}")), "{text}");
    assert!(text.contains("Use /workshop next"), "{text}");
    let thread = fake
        .wait_for(
            |r| r.is("POST", &format!("/channels/{CHANNEL}/messages/*/threads")),
            WAIT,
        )
        .await;
    assert_eq!(
        thread.json()["name"],
        format!("How strategic: {RELATIONSHIP}")
    );
    let prompts = fake
        .messages()
        .into_iter()
        .find(|m| m.content.contains("four principles"))
        .expect("the prompts are posted");
    assert_ne!(prompts.channel_id, CHANNEL, "the prompts go in the thread");
    assert!(prompts.content.contains("**Shared foundations**"));

    // First question: council 4, 4, 4 (cara first says 2), VCS 2, 2, 2.
    let (next, posted) = fake
        .command(&facilitator(), &["workshop", "next"], &[])
        .await;
    assert!(!is_private(&posted));
    let card = fake.original_response(&next);
    assert_eq!(
        card.embeds[0]["title"],
        "Question 1 of 15: Rebalancing power"
    );
    assert_eq!(field(&card.embeds[0], "Relationship"), RELATIONSHIP);
    assert_eq!(
        field(&card.embeds[0], "Answered"),
        "0 of 6 people (council 0 · VCS 0 · other 0)"
    );
    let first = vote_on_card(&fake, &council[0], &card, "2").await;
    assert!(is_private(&first));
    assert_eq!(
        content(&first),
        "You voted 2 (To a small extent) on “Rebalancing power”. Only you can see your vote. You \
         can change it until the results are shown."
    );
    let card = card_answered(&fake, &card, "1 of 6 people (council 1 · VCS 0 · other 0)").await;
    let changed = vote_on_card(&fake, &council[0], &card, "4").await;
    assert_eq!(
        content(&changed),
        "You voted 4 (To a large extent) on “Rebalancing power”. Only you can see your vote. You \
         can change it until the results are shown."
    );
    for actor in &council[1..] {
        vote_on_card(&fake, actor, &card, "4").await;
    }
    for actor in &vcs {
        vote_on_card(&fake, actor, &card, "2").await;
    }
    let card = card_answered(&fake, &card, "6 of 6 people (council 3 · VCS 3 · other 0)").await;

    // Second question: council 3, 3, 3; VCS 3, 3, 4. Its fresh card counts
    // nobody yet.
    let second = next_card(&fake).await;
    assert_eq!(
        second.embeds[0]["title"],
        "Question 2 of 15: Value of all parties"
    );
    assert_eq!(
        field(&second.embeds[0], "Answered"),
        "0 of 6 people (council 0 · VCS 0 · other 0)"
    );
    for actor in &council {
        vote_on_card(&fake, actor, &second, "3").await;
    }
    for (actor, label) in vcs.iter().zip(["3", "3", "4"]) {
        vote_on_card(&fake, actor, &second, label).await;
    }

    card_answered(
        &fake,
        &second,
        "6 of 6 people (council 3 · VCS 3 · other 0)",
    )
    .await;

    // The facilitator sees who has answered each question, privately.
    assert_eq!(
        status(&fake).await,
        format!(
            "Who has answered so far in Spring review:\n**How strategic**: {RELATIONSHIP}\n\
             1. Rebalancing power: 6 of 6 people (council 3 · VCS 3 · other 0) have answered.\n\
             2. Value of all parties: 6 of 6 people (council 3 · VCS 3 · other 0) have answered.\n\
             Everyone taking part has answered every question posted so far. When you are ready, \
             use /workshop reveal to show the results."
        )
    );

    // A participant cannot reveal, and nothing is revealed.
    let (_, refused) = fake
        .command(&council[1], &["workshop", "reveal"], &[])
        .await;
    assert!(is_private(&refused));
    assert_eq!(
        content(&refused),
        "Only a facilitator can do this. Ask the person running the workshop."
    );
    let rounds = service.rounds(&workshop).await.unwrap();
    assert!(rounds.iter().all(|r| r.status == RoundStatus::Open));

    let (reveal, deferred) = fake
        .command(&facilitator(), &["workshop", "reveal"], &[])
        .await;
    assert_eq!(deferred.json()["type"], 5);
    let title = format!("{RELATIONSHIP}: how strategic");
    let results = follow_up(&fake, &reveal, |b| b["embeds"][0]["title"] == title).await;
    let embed = &results.json()["embeds"][0];
    // Item means: all 3.0 and 19/6; council 4 and 3; VCS 2 and 10/3.
    // Scores: all 3.083 × 15 = 46.25 → 46; council 3.5 × 15 = 52.5 → 53;
    // VCS 2.667 × 15 = 40.
    assert_description_starts_with(
        embed,
        "**Score out of 75**\nEveryone: 46 out of 75, largely strategic\n\
         Council: 53 out of 75, largely strategic\nVCS: 40 out of 75, somewhat strategic\n\n\
         This relationship is meant to be strategic. Strategic in both intent and \
         delivery: Action not needed.",
    );
    let principles = field(embed, "Principles (out of 15)");
    assert!(
        principles
            .starts_with("Shared foundations: everyone 9 / 15 · council 11 / 15 · VCS 8 / 15\n"),
        "{principles}"
    );
    let names: Vec<&str> = embed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert_eq!(names[1..3], ["Rebalancing power", "Value of all parties"]);
    assert_eq!(
        field(embed, "Rebalancing power"),
        format!("{FOURS_AND_TWOS}\n{COUNCIL_FAR_ABOVE_VCS}")
    );
    assert_eq!(field(embed, "Value of all parties"), COUNCIL_3_VCS_3_3_4);
    assert_eq!(results.files.len(), 1);
    assert!(results.files[0].name.ends_with(".png"));
    assert!(results.files[0].bytes.starts_with(b"\x89PNG"));
    assert!(
        results.json()["content"]
            .as_str()
            .unwrap()
            .starts_with("Chart: ")
    );
    let report = follow_up(&fake, &reveal, says("Markdown")).await;
    assert_eq!(report.files[0].name, "results-1.md");
    let markdown = String::from_utf8(report.files[0].bytes.clone()).unwrap();
    assert!(markdown.contains("Spring review: results"), "{markdown}");

    // After the reveal, a vote is refused privately and nothing changes.
    let (_, late) = fake.click(&council[0], &card, "5").await;
    assert!(is_private(&late));
    assert_eq!(content(&late), CLOSED);

    // A button whose id cannot be read is answered privately.
    let mut garbled = fake.button_click(&council[0], &card.button("3"), card.id);
    garbled.payload["data"]["custom_id"] = Value::from("v1:vote:1:x");
    let answer = fake.answer(&garbled).await;
    assert!(is_private(&answer));
    assert_eq!(
        content(&answer),
        "This button could not be understood, so nothing was changed. Ask the facilitator \
         to post the card again."
    );
    // So is one that is not ours at all.
    let mut foreign = fake.button_click(&council[0], &card.button("3"), card.id);
    foreign.payload["data"]["custom_id"] = Value::from("garbage");
    let answer = fake.answer(&foreign).await;
    assert!(is_private(&answer));
    assert!(
        content(&answer).contains("nothing was changed"),
        "{}",
        content(&answer)
    );
    running.stop().await;
}

/// The ballot shows the question titled `title`, with `answer` as the
/// person's own answer to it.
fn assert_on_question(ballot: &StoredMessage, title: &str, answer: &str) {
    assert_eq!(ballot.embeds[0]["title"], title);
    assert_eq!(field(&ballot.embeds[0], "Your answer"), answer);
}

#[tokio::test]
async fn the_private_ballot_goes_from_first_to_last_with_back_and_next() {
    let (fake, _dir, running, service) = start_fresh().await;
    let (workshop, ann) = ann_joined(&fake, &service, ASYNC, Some("2025-01-31"), Side::Vcs).await;
    let cards: Vec<StoredMessage> = fake
        .messages()
        .into_iter()
        .filter(|m| {
            m.embeds
                .first()
                .is_some_and(|e| e["footer"]["text"] == Assessment::Benefits.title())
        })
        .collect();
    assert_eq!(cards.len(), 9, "one card per benefit");
    assert_eq!(
        field(&cards[0].embeds[0], "Vote by"),
        "Friday 31 January 2025"
    );

    let (ballot, shown) = fake.command(&ann, &["ballot"], &[]).await;
    assert!(is_private(&shown));
    let message = fake.original_response(&ballot);
    assert_eq!(
        message.embeds[0]["title"],
        "Question 1 of 9: Better services"
    );

    let (_, saved) = fake.click(&ann, &message, "3").await;
    assert_eq!(saved.json()["type"], 7);
    let message = fake.message(message.id).unwrap();
    assert_eq!(
        message.content,
        "Saved: 3 (To a medium extent) on “Better services”."
    );
    assert_on_question(
        &message,
        "Question 2 of 9: Reach of services",
        "Not answered yet",
    );

    fake.click(&ann, &message, "Back").await;
    let message = fake.message(message.id).unwrap();
    assert_eq!(message.content, "");
    assert_on_question(
        &message,
        "Question 1 of 9: Better services",
        "3 (To a medium extent)",
    );
    fake.click(&ann, &message, "Next").await;
    let mut message = fake.message(message.id).unwrap();
    assert_eq!(
        message.embeds[0]["title"],
        "Question 2 of 9: Reach of services"
    );

    // The other eight: 4, then not sure, then 5s.
    let answers = ["4", "Not sure", "5", "5", "5", "5", "5", "5"];
    for label in answers {
        fake.click(&ann, &message, label).await;
        message = fake.message(message.id).unwrap();
    }
    assert!(
        message.content.ends_with(
            "You have answered everything open. You can change your answers until the results are \
             shown."
        ),
        "{}",
        message.content
    );
    assert!(message.embeds.is_empty());
    assert!(
        message
            .button("Back")
            .starts_with("v1:ballot-move:1:9:back")
    );

    let recorded: Vec<Option<u8>> = service
        .ballot(&workshop, &person(&ann))
        .await
        .unwrap()
        .iter()
        .map(|entry| entry.own_vote.map(VoteValue::code))
        .collect();
    assert_eq!(
        recorded,
        [3, 4, 0, 5, 5, 5, 5, 5, 5].map(Some).to_vec(),
        "0 is not sure"
    );

    // "Start my ballot" on the public starter says all is done, privately.
    let starter = fake
        .messages()
        .into_iter()
        .find(|m| m.channel_id == CHANNEL && m.content.contains("/ballot"))
        .expect("the starter message");
    let (_, started) = fake.click(&ann, &starter, "Start my ballot").await;
    assert!(is_private(&started));
    assert_eq!(
        content(&started),
        "You have answered everything open. You can change your answers until the results are \
             shown."
    );
    running.stop().await;
}

#[tokio::test]
async fn a_card_posted_before_a_restart_still_works_after_it() {
    let (fake, dir, first_bot, service) = start_fresh().await;
    let (workshop, ann) = ann_joined(&fake, &service, ASYNC, None, Side::Council).await;
    let card = fake
        .messages()
        .into_iter()
        .find(|m| {
            m.embeds
                .first()
                .is_some_and(|e| e["title"] == "Question 1 of 9: Better services")
        })
        .expect("the first card");
    first_bot.stop().await;
    drop(service);

    let (second_bot, service) = start_bot(&fake, &database_in(&dir)).await;
    let (_, voted) = fake.click(&ann, &card, "4").await;
    assert!(is_private(&voted));
    assert_eq!(
        content(&voted),
        "You voted 4 (To a large extent) on “Better services”. Only you can see your vote. You can \
         change it until the results are shown."
    );
    let ballot = service.ballot(&workshop, &person(&ann)).await.unwrap();
    assert_eq!(ballot[0].own_vote.map(VoteValue::code), Some(4));

    // The same card clicked from another server is refused.
    let stranger = Actor::new(
        FakeUser::new(41, "sam"),
        Place::guild(GUILD + 1, CHANNEL + 1),
    );
    let (_, refused) = fake.click(&stranger, &card, "4").await;
    assert!(is_private(&refused));
    assert_eq!(
        content(&refused),
        "That button belongs to a workshop in another server, so it cannot be used here."
    );
    second_bot.stop().await;
}

/// The shipped prompts with a benefit added at the front, as a council may
/// do between two sittings.
fn toolkit_with_a_new_first_benefit(dir: &Path) -> Toolkit {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/en-GB");
    for file in std::fs::read_dir(&shipped).unwrap() {
        let file = file.unwrap();
        std::fs::copy(file.path(), dir.join(file.file_name())).unwrap();
    }
    let benefits = std::fs::read_to_string(dir.join("benefits.toml")).unwrap();
    // The first block, not the comment above it that names `[[direct]]`.
    let reworded = benefits.replacen(
        "\n[[direct]]\n",
        "\n[[direct]]\nid = \"a1.direct.local_jobs\"\nshort = \"Local jobs\"\n\
         text = \"Creating local jobs and volunteering.\"\n\n[[direct]]\n",
        1,
    );
    std::fs::write(dir.join("benefits.toml"), reworded).unwrap();
    Toolkit::load_dir(dir).expect("the reworded toolkit loads")
}

#[tokio::test]
async fn a_restart_with_a_reworded_toolkit_keeps_an_old_card_on_its_own_question() {
    let (fake, dir, first_bot, service) = start_fresh().await;
    let (workshop, ann) = ann_joined(&fake, &service, LIVE, None, Side::Council).await;
    let card = next_card(&fake).await;
    assert_eq!(card.embeds[0]["title"], "Question 1 of 9: Better services");
    first_bot.stop().await;
    drop(service);

    let prompts = tempfile::tempdir().unwrap();
    let toolkit = toolkit_with_a_new_first_benefit(prompts.path());
    assert_eq!(toolkit.items(Assessment::Benefits)[0].short, "Local jobs");
    let (second_bot, service) = start_bot_with(&fake, &database_in(&dir), toolkit).await;
    let (_, voted) = fake.click(&ann, &card, "4").await;
    assert_eq!(
        content(&voted),
        "You voted 4 (To a large extent) on “Better services”. Only you can see your vote. You can \
         change it until the results are shown."
    );
    let ballot = service.ballot(&workshop, &person(&ann)).await.unwrap();
    let answered: Vec<&str> = ballot
        .iter()
        .filter(|entry| entry.own_vote.map(VoteValue::code) == Some(4))
        .map(|entry| entry.item.id.as_str())
        .collect();
    assert_eq!(answered, ["a1.direct.better_services"]);
    second_bot.stop().await;
}

#[tokio::test]
async fn at_the_deadline_the_results_are_posted_in_the_rounds_discussion_thread() {
    let (fake, dir, running, service) = start_fresh().await;
    let deadline = Some("2025-01-02");
    let (workshop, ann) = ann_joined(&fake, &service, ASYNC, deadline, Side::Council).await;
    let ballot = service.ballot(&workshop, &person(&ann)).await.unwrap();
    let thread = service
        .round_opening(ballot[0].round.id)
        .await
        .unwrap()
        .discussion_channel_id
        .expect("the round's discussion thread is recorded");
    assert_ne!(thread, CHANNEL as i64);

    let after = Service::new(
        Db::connect(database_in(&dir).to_str().unwrap())
            .await
            .unwrap(),
        Arc::new(Toolkit::embedded().unwrap()),
        Clock::Fixed(Utc.with_ymd_and_hms(2025, 1, 3, 9, 0, 0).unwrap()),
    );
    // This `Http` does not wait out a 429: let the thread's budget, spent
    // on the nine cards, refill first.
    tokio::time::sleep(crate::support::limits::CHANNEL_MESSAGES.per).await;
    let posted = bot::deadlines::reveal_past_deadlines(
        &fake.http(),
        &after,
        common_ground::prompts::Catalogue::shipped(),
    )
    .await
    .unwrap();
    assert_eq!(posted, 1, "{}", fake.request_summary());
    let closing = |channel: i64| {
        count(&fake, |r| {
            r.is("POST", &format!("/channels/{channel}/messages"))
                && r.json()["content"]
                    .as_str()
                    .is_some_and(|c| c.contains("Voting closed at the end of 2025-01-02"))
        })
    };
    assert_eq!(closing(thread), 1, "{}", fake.request_summary());
    assert_eq!(closing(CHANNEL as i64), 0, "{}", fake.request_summary());
    running.stop().await;
}

#[tokio::test]
async fn the_join_button_says_what_a_change_of_side_does() {
    let (fake, _dir, running, service) = start_fresh().await;
    let options = spring_review(LIVE, None);
    let (create, _) = fake
        .command(&facilitator(), &["workshop", "create"], &options)
        .await;
    let announcement = fake.original_response(&create);
    let workshop = channel_workshop(&service).await;
    let ann = member(31, "ann");
    join(&service, &workshop, &ann, Side::Council).await;
    let (_, joined) = fake.click(&ann, &announcement, "Join as VCS").await;
    assert!(is_private(&joined));
    assert!(
        content(&joined).starts_with(
            "Your side is now VCS. Your answers to questions whose results are not shown yet \
             count for VCS. Results already shown stay as they were. You have joined Spring \
             review for the voluntary and community sector (VCS)."
        ),
        "{}",
        content(&joined)
    );
    running.stop().await;
}

#[tokio::test]
async fn in_a_forum_the_prompts_are_a_post_and_the_workshop_closes_and_reruns() {
    const FORUM: u64 = 700;
    let fake = FakeDiscord::start().await;
    fake.add_channel(StoredChannel {
        id: FORUM,
        kind: 15,
        guild_id: Some(GUILD),
        parent_id: None,
        name: "partnership-forum".to_owned(),
        recipient_id: None,
    });
    let dir = tempfile::tempdir().unwrap();
    let (running, _service) = start_bot(&fake, &database_in(&dir)).await;
    let fay = Actor::new(facilitator().user, Place::guild(GUILD, FORUM));
    let options = spring_review(ASYNC, None);
    fake.command(&fay, &["workshop", "create"], &options).await;

    let (_, opened) = open_as(&fake, &fay, BENEFITS).await;
    let post = fake
        .wait_for(
            |r| r.is("POST", &format!("/channels/{FORUM}/threads")),
            WAIT,
        )
        .await;
    assert_eq!(post.json()["name"], "Benefits: Spring review");
    let first = post.json()["message"]["content"].as_str().unwrap();
    assert!(
        first.starts_with(&format!(
            "**{}**\nTalk these through together",
            Assessment::Benefits.title()
        )),
        "{first}"
    );
    let thread = fake
        .messages()
        .into_iter()
        .find(|m| m.content == first)
        .expect("the forum post's first message")
        .channel_id;
    assert!(
        opened.json()["content"]
            .as_str()
            .unwrap()
            .contains(&format!("<#{thread}>"))
    );
    let cards = fake
        .messages()
        .into_iter()
        .filter(|m| m.channel_id == thread && !m.embeds.is_empty())
        .count();
    assert_eq!(cards, 9);
    assert!(
        !fake
            .requests()
            .iter()
            .any(|r| r.is("POST", "/channels/*/messages/*/threads"))
    );

    let (report, deferred) = fake
        .command(
            &fay,
            &["workshop", "report"],
            &[("format", OptionValue::Integer(1))],
        )
        .await;
    assert_ne!(
        deferred.json()["data"]["flags"],
        64,
        "the report is posted for everyone"
    );
    let file = follow_up(&fake, &report, says("attached")).await;
    assert_eq!(file.files.len(), 1);
    assert_eq!(file.files[0].name, "report-1.csv");

    let (markdown, _) = fake.command(&fay, &["workshop", "report"], &[]).await;
    let files = follow_up(&fake, &markdown, says("attached")).await;
    let names: Vec<&str> = files.files.iter().map(|f| f.name.as_str()).collect();
    assert!(names.contains(&"report-1.md"), "{names:?}");
    assert!(
        names.contains(&"report-1.html"),
        "the printable page comes too: {names:?}"
    );

    let (_, closed) = fake.command(&fay, &["workshop", "close"], &[]).await;
    assert!(
        content(&closed).starts_with("Closed the workshop **Spring review**."),
        "{}",
        content(&closed)
    );
    let (_, rerun) = fake
        .command(
            &fay,
            &["workshop", "rerun"],
            &[
                ("title", OptionValue::string("Autumn review")),
                ("workshop", OptionValue::string("1")),
            ],
        )
        .await;
    assert!(
        content(&rerun).starts_with("Started **Autumn review**, a new run of **Spring review**."),
        "{}",
        content(&rerun)
    );
    // Nobody is copied over, so the rerun offers the Join buttons, as create does.
    let buttons = &rerun.json()["data"]["components"][0]["components"];
    assert_eq!(buttons[1]["label"], "Join as VCS", "{buttons}");
    running.stop().await;
}

#[tokio::test]
async fn a_ballot_vote_shows_on_its_card_and_status_names_who_skipped_a_question() {
    let (fake, _dir, running, service) = start_fresh().await;
    let (ann, bob) = (member(31, "ann"), member(32, "bob"));
    let people = [(&ann, Side::Council), (&bob, Side::Vcs)];
    benefits_open_to(&fake, &service, LIVE, None, &people).await;
    let first = next_card(&fake).await;
    let second = next_card(&fake).await;

    // ann answers the first on its card and the second on her ballot.
    vote_on_card(&fake, &ann, &first, "4").await;
    let (ballot, _) = fake.command(&ann, &["ballot"], &[]).await;
    let screen = fake.original_response(&ballot);
    assert_eq!(
        screen.embeds[0]["title"],
        "Question 2 of 9: Reach of services"
    );
    fake.click(&ann, &screen, "3").await;
    card_answered(
        &fake,
        &second,
        "1 of 2 people (council 1 · VCS 0 · other 0)",
    )
    .await;
    card_answered(&fake, &first, "1 of 2 people (council 1 · VCS 0 · other 0)").await;

    // bob answers the second only: status names him under the first.
    vote_on_card(&fake, &bob, &second, "2").await;
    card_answered(
        &fake,
        &second,
        "2 of 2 people (council 1 · VCS 1 · other 0)",
    )
    .await;
    assert_eq!(
        status(&fake).await,
        "Who has answered so far in Spring review:\n**Benefits**\n\
         1. Better services: 1 of 2 people (council 1 · VCS 0 · other 0) have answered. Not \
         answered yet: bob\n\
         2. Reach of services: 2 of 2 people (council 1 · VCS 1 · other 0) have answered.\n\
         1 person has not answered every question yet: bob"
    );
    running.stop().await;
}

#[tokio::test]
async fn two_hundred_votes_in_four_seconds_are_confirmed_and_the_card_keeps_within_the_budget() {
    let (fake, _dir, running, service) = start_fresh().await;
    let people: Vec<Actor> = (0..200)
        .map(|n| member(2000 + n, &format!("p{n}")))
        .collect();
    let sides: Vec<(&Actor, Side)> = people
        .iter()
        .enumerate()
        .map(|(n, actor)| (actor, if n % 2 == 0 { Side::Council } else { Side::Vcs }))
        .collect();
    let workshop = benefits_open_to(&fake, &service, LIVE, None, &sides).await;
    let card = next_card(&fake).await;

    let mut routes = std::collections::HashSet::new();
    let start = tokio::time::Instant::now();
    for (n, actor) in people.iter().enumerate() {
        let label = ["1", "2", "3", "4", "5", "Not sure"][n % 6];
        let event = fake.button_click(actor, &card.button(label), card.id);
        routes.insert(event.callback_route());
        fake.dispatch(&event).await;
        tokio::time::sleep_until(start + Duration::from_millis(20 * (n as u64 + 1))).await;
    }
    let confirmed = |r: &Recorded| {
        routes.contains(&r.route)
            && r.status < 300
            && content(r).starts_with("You ")
            && is_private(r)
    };
    fake.wait_for_count(confirmed, 200).await;
    let last_confirmed = tokio::time::Instant::now();
    card_answered(
        &fake,
        &card,
        "200 of 200 people (council 100 · VCS 100 · other 0)",
    )
    .await;
    let caught_up = last_confirmed.elapsed();
    assert!(
        caught_up < Duration::from_millis(2500),
        "the card showed the final count {caught_up:?} after the last vote"
    );
    let round = service.rounds(&workshop).await.unwrap()[0].clone();
    let answered = service
        .question_answered(&workshop, &round, 0)
        .await
        .unwrap();
    assert_eq!(answered.total(), 200, "every vote is stored");
    assert!(fake.rate_limited_requests().is_empty());
    assert!(fake.most_sends_within(CHANNEL, Duration::from_secs(5)) <= 5);
    let edits = fake
        .channel_sends(CHANNEL)
        .iter()
        .filter(|r| {
            r.is(
                "PATCH",
                &format!("/channels/{CHANNEL}/messages/{}", card.id),
            )
        })
        .count();
    assert!(edits <= 6, "{edits} edits of the card for 200 votes");
    running.stop().await;
}

#[tokio::test]
async fn open_tried_again_after_a_failed_card_post_posts_only_the_missing_cards() {
    const RELATIONSHIPS: i64 = 1;
    let (fake, _dir, running, service) = start_fresh().await;
    create_workshop(&fake, ASYNC, None).await;
    let workshop = channel_workshop(&service).await;
    add_health_board(&service, &workshop).await;
    let options = [("assessment", OptionValue::Integer(RELATIONSHIPS))];
    let (open, _) = fake
        .command(&facilitator(), &["workshop", "open"], &options)
        .await;

    // The first five messages in the thread (the prompts and the first
    // cards) go at once; the rest wait for the channel's budget. The next
    // post fails.
    let deadline = tokio::time::Instant::now() + WAIT;
    let thread = loop {
        let found = fake
            .messages()
            .into_iter()
            .find(|m| m.content.contains("five types of relationship"))
            .map(|m| m.channel_id);
        if let Some(thread) = found.filter(|t| fake.channel_sends(*t).len() >= 5) {
            break thread;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no thread with five posts"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    fake.fail_next(
        "POST",
        &format!("/channels/{thread}/messages"),
        Fault::Status500,
    );
    follow_up(&fake, &open, says("Something went wrong")).await;
    let cards_in = |fake: &FakeDiscord| -> Vec<String> {
        fake.messages()
            .into_iter()
            .filter(|m| m.channel_id == thread && !m.embeds.is_empty())
            .map(|m| m.embeds[0]["title"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let before = cards_in(&fake);
    assert!(before.len() < 5, "{before:?}");

    // Tried again with no relationship named: the missing cards, once.
    let (_, opened) = open_as(&fake, &facilitator(), RELATIONSHIPS).await;
    assert!(
        opened.json()["content"]
            .as_str()
            .unwrap()
            .contains(&format!("<#{thread}>")),
        "the same discussion"
    );
    let mut titles = cards_in(&fake);
    assert_eq!(titles.len(), 5, "{titles:?}");
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 5, "no card twice: {titles:?}");
    assert_eq!(
        count(&fake, |r| r.is("POST", "/channels/*/messages/*/threads")),
        1,
        "one discussion thread"
    );
    assert_eq!(service.rounds(&workshop).await.unwrap().len(), 1);
    assert!(fake.rate_limited_requests().is_empty());
    running.stop().await;
}
