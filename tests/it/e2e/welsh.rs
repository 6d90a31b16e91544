//! A workshop in Welsh, and one in both languages, through the whole bot:
//! what it posts speaks the workshop's language, what it tells a person
//! privately speaks theirs, and bilingual messages stay within Discord's
//! limits.

use serde_json::Value;
use tempfile::TempDir;

use common_ground::domain::{Language, Toolkit, Toolkits};

use super::harness::choice::*;
use super::harness::{
    content, database_in, facilitator, is_private, member, next_card, run_bot, service_at,
};
use crate::support::{
    Actor, FakeDiscord, InteractionEvent, OptionValue, Recorded, RunningBot, StoredMessage, WAIT,
};

/// The bot with the toolkit in both languages, as the command line starts
/// it, and the text of its announcement of a live workshop in `language`.
async fn start(language: i64) -> (FakeDiscord, RunningBot, TempDir, String) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let toolkits = Toolkits::new(
        Toolkit::embedded_in(Language::English).expect("English loads"),
        Toolkit::embedded_in(Language::Welsh).expect("Welsh loads"),
    );
    let service = service_at(&database_in(&dir), toolkits).await;
    let fake = FakeDiscord::start().await;
    let bot = run_bot(&fake, &service).await;
    let options = [
        ("title", OptionValue::string("Adolygiad y gwanwyn")),
        ("mode", OptionValue::Integer(LIVE)),
        ("language", OptionValue::Integer(language)),
    ];
    let (_, created) = fake
        .command(&facilitator(), &["workshop", "create"], &options)
        .await;
    assert!(!is_private(&created));
    let announcement = content(&created).to_owned();
    (fake, bot, dir, announcement)
}

fn council() -> [Actor; 3] {
    [member(11, "cara"), member(12, "cole"), member(13, "cyd")]
}

fn vcs() -> [Actor; 3] {
    [member(21, "vera"), member(22, "vic"), member(23, "val")]
}

async fn join(fake: &FakeDiscord, actor: &Actor, side: i64) -> Recorded {
    fake.command(actor, &["join"], &[("side", OptionValue::Integer(side))])
        .await
        .1
}

/// Opens assessment one and posts its first question card.
async fn first_card(fake: &FakeDiscord) -> StoredMessage {
    let (open, _) = fake
        .command(
            &facilitator(),
            &["workshop", "open"],
            &[("assessment", OptionValue::Integer(BENEFITS))],
        )
        .await;
    let route = open.webhook_route();
    fake.wait_for(|r| r.is("POST", &route), WAIT).await;
    next_card(fake).await
}

/// Runs a command whose last follow-up carries files, and returns the
/// command with that follow-up.
async fn command_with_files(
    fake: &FakeDiscord,
    actor: &Actor,
    path: &[&str],
    options: &[(&str, OptionValue)],
) -> (InteractionEvent, Recorded) {
    let (command, _) = fake.command(actor, path, options).await;
    let route = command.webhook_route();
    let sent = fake
        .wait_for(|r| r.is("POST", &route) && !r.files.is_empty(), WAIT)
        .await;
    (command, sent)
}

/// Everything the bot said in reply to `/workshop reveal`, in order.
async fn reveal(fake: &FakeDiscord) -> Vec<Value> {
    // The last follow-up carries the results file.
    let (reveal, _) = command_with_files(fake, &facilitator(), &["workshop", "reveal"], &[]).await;
    let route = reveal.webhook_route();
    fake.requests()
        .into_iter()
        .filter(|r| r.is("POST", &route))
        .filter_map(|r| r.body.clone())
        .collect()
}

/// Every character of an embed that counts towards Discord's 6,000.
fn embed_length(embed: &Value) -> usize {
    let text = |value: &Value| value.as_str().map_or(0, |s| s.chars().count());
    text(&embed["title"])
        + text(&embed["description"])
        + text(&embed["footer"]["text"])
        + embed["fields"].as_array().map_or(0, |fields| {
            fields
                .iter()
                .map(|f| text(&f["name"]) + text(&f["value"]))
                .sum()
        })
}

#[tokio::test]
async fn a_welsh_workshop_speaks_welsh_and_each_person_privately_their_own_language() {
    let (fake, _bot, _dir, announcement) = start(WELSH).await;
    assert!(
        announcement.contains("Adolygiad y gwanwyn"),
        "{announcement}"
    );
    assert!(announcement.contains("gweithdy"), "{announcement}");
    assert!(!announcement.contains("Next:"), "{announcement}");
    assert!(announcement.contains("Nesaf:"), "{announcement}");

    // Joining a Welsh workshop asks which language the person prefers.
    let [cara, cole, cyd] = council();
    let joined = join(&fake, &cara, COUNCIL).await;
    assert!(is_private(&joined));
    let asked = content(&joined);
    assert!(asked.contains("Ym mha iaith"), "{asked}");
    let buttons = &joined.json()["data"]["components"][0]["components"];
    assert_eq!(buttons[0]["label"], "Cymraeg");
    assert_eq!(buttons[1]["label"], "English");

    // cole chooses English on his own reply: his private replies are
    // English from now on, while cara, who has not chosen, gets Welsh.
    let (cole_join, _) = fake
        .command(&cole, &["join"], &[("side", OptionValue::Integer(COUNCIL))])
        .await;
    let reply = fake.original_response(&cole_join);
    let (_, chosen) = fake.click(&cole, &reply, "English").await;
    assert!(
        content(&chosen).starts_with("The bot will now reply to you in English"),
        "{}",
        content(&chosen)
    );
    join(&fake, &cyd, COUNCIL).await;
    for person in vcs() {
        join(&fake, &person, VCS).await;
    }

    // The card shows the Welsh toolkit; a vote is confirmed in the voter's
    // own language.
    let card = first_card(&fake).await;
    let title = card.embeds[0]["title"].as_str().unwrap_or_default();
    assert!(title.contains("Gwell gwasanaethau"), "{title}");
    let (_, cara_voted) = fake.click(&cara, &card, "4").await;
    assert!(is_private(&cara_voted));
    assert!(
        !content(&cara_voted).contains("You voted"),
        "{}",
        content(&cara_voted)
    );
    let (_, cole_voted) = fake.click(&cole, &card, "5").await;
    assert!(
        content(&cole_voted).starts_with("You voted 5"),
        "{}",
        content(&cole_voted)
    );
    fake.click(&cyd, &card, "4").await;
    for (person, label) in vcs().iter().zip(["2", "1", "2"]) {
        fake.click(person, &card, label).await;
    }

    // The ballot, privately, in each person's language.
    let (_, cara_ballot) = fake.command(&cara, &["ballot"], &[]).await;
    let (_, cole_ballot) = fake.command(&cole, &["ballot"], &[]).await;
    assert_ne!(content(&cara_ballot), content(&cole_ballot));

    // The reveal is posted in Welsh, with the Welsh item names.
    let posted = reveal(&fake).await;
    let everything = serde_json::to_string(&posted).expect("json");
    assert!(everything.contains("Gwell gwasanaethau"), "{everything}");
    assert!(everything.contains("Cyngor"), "{everything}");
    assert!(!everything.contains("Council"), "{everything}");

    // The plan and the HTML report are in Welsh.
    let (_, planned) = command_with_files(&fake, &cara, &["plan"], &[]).await;
    let plan_title = planned.json()["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(plan_title.contains("Cynllun gweithredu"), "{plan_title}");
    let (_, reported) = command_with_files(
        &fake,
        &facilitator(),
        &["workshop", "report"],
        &[("format", OptionValue::Integer(HTML))],
    )
    .await;
    let page = String::from_utf8(reported.files[0].bytes.clone()).expect("UTF-8");
    assert!(page.contains("<html lang=\"cy\">"));
    assert!(page.contains("Gwell gwasanaethau"));
    assert!(page.contains("Asesiad un"));
    fake.assert_no_violations();
}

#[tokio::test]
async fn a_bilingual_workshop_puts_welsh_first_and_keeps_within_discords_limits() {
    let (fake, _bot, _dir, announcement) = start(BILINGUAL).await;
    let welsh = announcement.find("gweithdy").expect("the Welsh is there");
    let english = announcement.find("workshop").expect("the English is there");
    assert!(welsh < english, "Welsh comes first: {announcement}");
    for person in council() {
        join(&fake, &person, COUNCIL).await;
    }
    for person in vcs() {
        join(&fake, &person, VCS).await;
    }
    let card = first_card(&fake).await;
    let title = card.embeds[0]["title"].as_str().unwrap_or_default();
    assert!(
        title.contains("Gwell gwasanaethau / Better services"),
        "{title}"
    );
    for (person, label) in council().iter().zip(["4", "5", "4"]) {
        fake.click(person, &card, label).await;
    }
    for (person, label) in vcs().iter().zip(["2", "1", "2"]) {
        fake.click(person, &card, label).await;
    }
    let posted = reveal(&fake).await;
    for body in &posted {
        let text = body["content"].as_str().unwrap_or_default();
        assert!(text.chars().count() <= 2000, "{text}");
        let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
        let total: usize = embeds.iter().map(embed_length).sum();
        assert!(total <= 6000, "embeds of {total} characters");
    }
    let everything = serde_json::to_string(&posted).expect("json");
    assert!(everything.contains("Cyngor"), "{everything}");
    assert!(everything.contains("Council"), "{everything}");
    // Discord's schema (lengths of every field) holds for everything sent.
    fake.assert_no_violations();
}
