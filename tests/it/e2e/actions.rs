//! Taking part, relationships, the action plan and reminders, end to end:
//! the bot's own commands and handlers on the real poise stack against the
//! fake Discord. Workshops are created through the service, as the
//! `/workshop` commands are tested elsewhere.

use common_ground::bot::{participants, reminders};
use common_ground::db::Db;
use common_ground::domain::{
    Action, ActionId, ActionStatus, Assessment, Level, Mode, Place as WorkshopPlace, Roles, Side,
    Workshop,
};
use common_ground::service::{
    ActionRequest, Actor as Person, ResultsScope, Service, ServiceError, WorkshopRequest,
};
use poise::serenity_prelude as serenity;
use serde_json::{Value, json};
use tempfile::TempDir;

use super::harness::{
    CHANNEL, GUILD, PRIVATE, assert_private_follow_up, database_in, facilitator, field, is_private,
    run_bot, service_in, shaping_relationship,
};
use crate::support::{
    Actor, FakeDiscord, FakeUser, InteractionEvent, OptionValue, Place, Recorded, RunningBot, WAIT,
};

const COUNCIL_ROLE: u64 = 900;
const VCS_ROLE: u64 = 901;

/// The test database in `dir`, also to check what the bot stored.
async fn db_in(dir: &TempDir) -> Db {
    Db::connect(&database_in(dir).display().to_string())
        .await
        .expect("a test database")
}

fn facilitator_person() -> Person {
    Person {
        external_id: Some(10),
        display_name: "fay".to_owned(),
        is_facilitator: true,
    }
}

fn person(id: u64) -> Person {
    Person {
        external_id: Some(id as i64),
        display_name: format!("user {id}"),
        is_facilitator: false,
    }
}

async fn create_workshop(service: &Service, mode: Mode, deadline: Option<&str>) -> Workshop {
    service
        .create_workshop(
            &facilitator_person(),
            WorkshopRequest {
                title: "Spring review".to_owned(),
                mode: Some(mode),
                deadline: deadline.map(str::to_owned),
                place: WorkshopPlace {
                    guild_id: Some(GUILD as i64),
                    channel_id: Some(CHANNEL as i64),
                },
                roles: Roles {
                    council: Some(COUNCIL_ROLE as i64),
                    vcs: Some(VCS_ROLE as i64),
                    facilitator: None,
                },
                ..WorkshopRequest::default()
            },
        )
        .await
        .expect("a workshop")
}

/// A running bot over a fresh database with one live workshop whose
/// council and VCS roles are set.
struct World {
    fake: FakeDiscord,
    bot: RunningBot,
    service: Service,
    workshop: Workshop,
    dir: TempDir,
}

impl World {
    async fn start() -> World {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let service = service_in(&dir).await;
        let workshop = create_workshop(&service, Mode::Live, None).await;
        World::running(FakeDiscord::start().await, service, workshop, dir).await
    }

    /// The bot over `service` on `fake`, once it has registered its commands.
    async fn running(
        fake: FakeDiscord,
        service: Service,
        workshop: Workshop,
        dir: TempDir,
    ) -> World {
        let bot = run_bot(&fake, &service).await;
        World {
            fake,
            bot,
            service,
            workshop,
            dir,
        }
    }

    /// [`World::start`], with ann (11) joined for the council: the world, and
    /// ann.
    async fn with_ann_on_the_council() -> (World, Actor) {
        let world = World::start().await;
        world.join(11, Side::Council).await;
        (world, member(11, "ann", &[]))
    }

    /// Stops the bot and starts another over the same database, as a
    /// restart does.
    async fn restart(self) -> World {
        let World {
            fake,
            bot,
            service,
            workshop,
            dir,
        } = self;
        bot.stop().await;
        World::running(fake, service, workshop, dir).await
    }

    /// The bot's first follow-up to an interaction.
    async fn follow_up(&self, event: &InteractionEvent) -> Recorded {
        let route = event.webhook_route();
        self.fake
            .wait_for(|r| r.is("POST", "/webhooks/*/*") && r.route == route, WAIT)
            .await
    }

    /// Runs a command as `actor` and returns the text of the bot's answer,
    /// which only `actor` sees.
    async fn private_reply(
        &self,
        actor: &Actor,
        path: &[&str],
        options: &[(&str, OptionValue)],
    ) -> String {
        let (_, reply) = self.fake.command(actor, path, options).await;
        assert!(is_private(&reply));
        content(&reply).to_owned()
    }

    /// Action 1 as stored.
    async fn action_one(&self) -> Action {
        self.service
            .action(&self.workshop, ActionId(1))
            .await
            .unwrap()
    }

    async fn join(&self, id: u64, side: Side) {
        self.service
            .join(&self.workshop, &person(id), side, None)
            .await
            .expect("joined");
    }

    async fn stop(self) {
        self.bot.stop().await;
    }
}

fn member(id: u64, name: &str, roles: &[u64]) -> Actor {
    Actor::new(
        FakeUser::new(id, name).with_roles(roles),
        Place::guild(GUILD, CHANNEL),
    )
}

fn content(callback: &Recorded) -> &str {
    callback.json()["data"]["content"]
        .as_str()
        .unwrap_or_else(|| panic!("no content in {:#}", callback.json()))
}

/// An action card's responses while no side has three people responding.
const HIDDEN_RESPONSES: &str = "Council: hidden until at least 3 people respond\n\
     VCS: hidden until at least 3 people respond\n\
     Other partners: hidden until at least 3 people respond\n\
     Once enough people on each side respond, this shows whether both sides back it.";

#[tokio::test]
async fn people_join_with_a_side_from_the_option_from_their_roles_or_a_button() {
    let world = World::start().await;
    let service = &world.service;
    let workshop = &world.workshop;

    // The council role says the side.
    let ann = member(11, "ann", &[COUNCIL_ROLE]);
    let (_, reply) = world.fake.command(&ann, &["join"], &[]).await;
    assert!(is_private(&reply));
    assert_eq!(
        content(&reply),
        "You have joined Spring review for the council. Next: answer each question with the \
         buttons on its card, or one at a time with /ballot. Nobody else sees your answers. You \
         can also register a relationship you know of with /relationship add. To change side, \
         use /join again."
    );
    let joined = service.participant(workshop, &person(11)).await.unwrap();
    assert_eq!(
        (joined.side, joined.display_name.as_str()),
        (Side::Council, "ann")
    );

    // No role and no side: asked to choose, nothing stored.
    let cat = member(13, "cat", &[]);
    let (_, reply) = world.fake.command(&cat, &["join"], &[]).await;
    assert!(is_private(&reply));
    assert_eq!(
        content(&reply),
        "Choose the side you speak for: use /join again with side set to council, vcs or other."
    );
    assert!(matches!(
        service.participant(workshop, &person(13)).await,
        Err(ServiceError::NotParticipant)
    ));

    // The option gives the side (2 is "other", the third choice).
    let options = [
        ("side", OptionValue::Integer(2)),
        ("organisation", OptionValue::string("Anytown NHS Trust")),
    ];
    let (_, reply) = world.fake.command(&cat, &["join"], &options).await;
    assert!(content(&reply).contains(
        "You have joined Spring review for another partner, as part of Anytown NHS Trust."
    ));
    let joined = service.participant(workshop, &person(13)).await.unwrap();
    assert_eq!(joined.side, Side::Other);
    assert_eq!(joined.organisation.as_deref(), Some("Anytown NHS Trust"));

    // The option wins over the roles.
    let bob = member(12, "bob", &[VCS_ROLE]);
    world
        .fake
        .command(&bob, &["join"], &[("side", OptionValue::Integer(0))])
        .await;
    let joined = service.participant(workshop, &person(12)).await.unwrap();
    assert_eq!(joined.side, Side::Council);

    // A "Join as VCS" button.
    let card = serenity::ChannelId::new(CHANNEL)
        .send_message(
            &world.fake.http(),
            serenity::CreateMessage::new()
                .content("Join the workshop")
                .allowed_mentions(serenity::CreateAllowedMentions::new())
                .components(vec![participants::join_buttons(
                    &common_ground::prompts::Catalogue::shipped()
                        .words(common_ground::domain::Language::English),
                    workshop,
                )]),
        )
        .await
        .expect("the join card");
    let dan = member(14, "dan", &[]);
    let card = world.fake.message(card.id.get()).unwrap();
    let (_, reply) = world.fake.click(&dan, &card, "Join as VCS").await;
    assert_eq!(reply.json()["type"], 4);
    assert!(is_private(&reply));
    assert!(content(&reply).starts_with(
        "You have joined Spring review for the voluntary and community sector (VCS)."
    ));
    let joined = service.participant(workshop, &person(14)).await.unwrap();
    assert_eq!(joined.side, Side::Vcs);

    // Leaving, then being forgotten.
    let (_, reply) = world.fake.command(&cat, &["leave"], &[]).await;
    assert!(is_private(&reply));
    assert_eq!(
        content(&reply),
        "You have left Spring review. Your votes so far still count in your side's results, \
         without your name. To take part again, use /join."
    );
    assert!(service.participant(workshop, &person(13)).await.is_err());

    let (_, reply) = world.fake.command(&ann, &["forget-me"], &[]).await;
    assert!(is_private(&reply));
    assert!(content(&reply).starts_with(
        "Done. Your name and organisation were deleted from 1 workshop, and you have left it."
    ));
    let participants = db_in(&world.dir)
        .await
        .participants(workshop.id)
        .await
        .unwrap();
    let forgotten = participants.iter().find(|p| p.forgotten).unwrap();
    assert_eq!(
        (forgotten.external_id, forgotten.side),
        (None, Side::Council)
    );
    world.stop().await;
}

#[tokio::test]
async fn relationships_are_registered_listed_with_the_gaps_and_edited() {
    let (world, ann) = World::with_ann_on_the_council().await;

    let options = [
        ("name", OptionValue::string("Compact board")),
        ("type", OptionValue::Integer(0)),
        ("level", OptionValue::Integer(1)),
        ("also_type", OptionValue::Integer(4)),
        ("holder", OptionValue::string("Policy team")),
        ("held", OptionValue::Integer(1)),
        ("intended_strategic", OptionValue::Boolean(true)),
    ];
    assert_eq!(
        world
            .private_reply(&ann, &["relationship", "add"], &options)
            .await,
        "Registered this relationship in Spring review: “Compact board”: Shaping relationships \
         and Delivery relationships, at place level, brokered through an infrastructure body. It \
         is held by Policy team. It is meant to be strategic. Next: see them all with \
         /relationship list. A facilitator can then open assessment two for it with /workshop \
         open."
    );

    // Someone who has not joined is told to join first.
    let cat = member(13, "cat", &[]);
    assert_eq!(
        world
            .private_reply(&cat, &["relationship", "add"], &options)
            .await,
        ServiceError::NotParticipant.to_string()
    );

    let (_, list) = world
        .fake
        .command(&ann, &["relationship", "list"], &[])
        .await;
    assert!(is_private(&list));
    let embed = &list.json()["data"]["embeds"][0];
    assert_eq!(embed["title"], "Relationships: Spring review");
    assert_eq!(
        embed["description"],
        "1 relationship is registered. Change one with /relationship edit."
    );
    assert_eq!(
        field(embed, "Compact board"),
        "Types: Shaping relationships and Delivery relationships\nLevel: Place level, brokered \
         through an infrastructure body\nHeld by: Policy team\nMeant to be strategic: yes"
    );
    assert_eq!(
        field(embed, "Types with no relationship yet"),
        "Ongoing relationships, Neighbourhood relationships, Commissioning relationships. Talk \
         about whether the partnership needs one of each type."
    );

    let edit = [
        ("relationship", OptionValue::string("compact board")),
        ("level", OptionValue::Integer(2)),
        ("intended_strategic", OptionValue::Boolean(false)),
    ];
    assert_eq!(
        world
            .private_reply(&ann, &["relationship", "edit"], &edit)
            .await,
        "Saved: “Compact board”: Shaping relationships and Delivery relationships, at system \
         level, brokered through an infrastructure body. It is held by Policy team. It is not \
         meant to be strategic. See them all with /relationship list."
    );
    let stored = world
        .service
        .relationship_named(&world.workshop, "Compact board")
        .await
        .unwrap();
    assert_eq!(stored.details.level, Level::System);
    assert!(!stored.details.intended_strategic);
    world.stop().await;
}

#[tokio::test]
async fn an_action_goes_from_the_form_through_both_sides_to_the_plan() {
    let world = World::start().await;
    world.join(11, Side::Council).await;
    world.join(12, Side::Vcs).await;
    let ann = member(11, "ann", &[]);
    let bob = member(12, "bob", &[]);

    // The form.
    let (_, opened) = world.fake.command(&ann, &["action", "propose"], &[]).await;
    assert_eq!(opened.json()["type"], 9);
    let form = &opened.json()["data"];
    assert_eq!(form["custom_id"], "v1:action-propose:1");
    assert_eq!(form["title"], "Propose an action");
    let inputs: Vec<&Value> = form["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| &row["components"][0])
        .collect();
    let ids: Vec<&str> = inputs
        .iter()
        .filter_map(|i| i["custom_id"].as_str())
        .collect();
    assert_eq!(ids, ["text", "owner", "due", "prompted_by"]);
    assert_eq!(inputs[0]["style"], 2);
    assert_eq!(inputs[0]["max_length"], 1000);
    assert_eq!(inputs[2]["label"], "Due date, for example 31/03/2027");
    assert_eq!(
        inputs[2]["placeholder"],
        "31/03/2027, 31 March 2027 or 2027-03-31"
    );
    assert_eq!(inputs[2]["min_length"], Value::Null, "no exact length");
    assert_eq!(inputs[3]["required"], false);

    let submit = world.fake.modal_submit(
        &ann,
        "v1:action-propose:1",
        &[
            ("text", "Publish a joint compact with the VCS"),
            ("owner", "Policy team"),
            ("due", "31 March 2025"),
            ("prompted_by", "typology_gaps"),
        ],
    );
    let posted = world.fake.answer(&submit).await;
    assert_eq!(posted.json()["type"], 4);
    assert!(!is_private(&posted), "the card is public");
    let confirmation = world.follow_up(&submit).await;
    assert_private_follow_up(
        &confirmation,
        "Your action is action 1. Its card is in the channel.",
    );

    let card = world.fake.original_response(&submit);
    assert_eq!(card.channel_id, CHANNEL);
    let embed = &card.embeds[0];
    assert_eq!(embed["title"], "Action 1");
    assert_eq!(embed["description"], "Publish a joint compact with the VCS");
    assert_eq!(field(embed, "Owner"), "Policy team");
    // A Discord timestamp: each reader sees the date in their own time zone.
    assert_eq!(field(embed, "Due"), "<t:1743422400:D>");
    assert_eq!(
        field(embed, "What prompted it"),
        "Gaps in the types of existing relationships, according to the typology.",
        "the consideration's name, not its key"
    );
    assert_eq!(field(embed, "Status"), "Waiting to be agreed");
    assert_eq!(field(embed, "Responses"), HIDDEN_RESPONSES);
    assert_eq!(card.button("Agree"), "v1:action-respond:1:1:agree");
    assert_eq!(card.button("Object"), "v1:action-respond:1:1:object");
    assert_eq!(card.button("Mark agreed"), "v1:action-agreed:1:1");

    // Both sides agree; the card counts them.
    let (click, update) = world.fake.click(&ann, &card, "Agree").await;
    assert_eq!(update.json()["type"], 7);
    let recorded = world.follow_up(&click).await;
    assert_eq!(recorded.json()["flags"], PRIVATE);
    assert_eq!(
        recorded.json()["content"],
        "You agree with action 1. To change your mind, press Object on its card."
    );
    let (_, _) = world.fake.click(&bob, &card, "Object").await;
    let (_, _) = world.fake.click(&bob, &card, "Agree").await;
    let card = world.fake.message(card.id).unwrap();
    assert_eq!(field(&card.embeds[0], "Responses"), HIDDEN_RESPONSES);

    // Only a facilitator marks it agreed.
    let (_, refusal) = world.fake.click(&ann, &card, "Mark agreed").await;
    assert_eq!(refusal.json()["type"], 4);
    assert!(is_private(&refusal));
    assert_eq!(
        content(&refusal),
        "Only a facilitator can mark an action as agreed, so ask one of them to press Mark \
         agreed."
    );
    let action = world.action_one().await;
    assert!(!action.agreed);

    let (_, update) = world.fake.click(&facilitator(), &card, "Mark agreed").await;
    assert_eq!(update.json()["type"], 7);
    let card = world.fake.message(card.id).unwrap();
    assert_eq!(field(&card.embeds[0], "Status"), "Agreed, not started");
    let agreed_button = card.all_components()[2];
    assert_eq!(
        (&agreed_button["label"], &agreed_button["disabled"]),
        (&json!("Agreed"), &json!(true))
    );
    assert!(world.action_one().await.agreed);

    // Its owner moves it along; the list shows where it stands.
    let status = [
        ("action", OptionValue::Integer(1)),
        ("status", OptionValue::Integer(1)),
    ];
    assert_eq!(
        world
            .private_reply(&bob, &["action", "status"], &status)
            .await,
        "You marked action 1, “Publish a joint compact with the VCS”, as In progress. See the \
         whole plan with /plan."
    );
    // The card in the channel shows the new status too.
    let card = world.fake.message(card.id).unwrap();
    assert_eq!(field(&card.embeds[0], "Status"), "In progress");
    assert_eq!(
        world.action_one().await.card.map(|c| c.message_id as u64),
        Some(card.id),
        "the card's place was remembered"
    );
    let (_, list) = world.fake.command(&bob, &["action", "list"], &[]).await;
    let embed = &list.json()["data"]["embeds"][0];
    assert_eq!(
        embed["description"],
        "1 action proposed, 1 agreed. To say where one stands, use /action status. To see the \
         plan, use /plan."
    );
    assert_eq!(
        field(embed, "1. Publish a joint compact with the VCS"),
        "Owner: Policy team\nDue: <t:1743422400:D>\nStatus: In progress"
    );

    // The plan: deferred, then the embed with both reports attached.
    let (plan, deferred) = world.fake.command(&bob, &["plan"], &[]).await;
    assert_eq!(deferred.json()["type"], 5);
    let sent = world.follow_up(&plan).await;
    let names: Vec<&str> = sent.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["workshop-1-report.md", "workshop-1-report.html"]);
    let markdown = String::from_utf8(sent.files[0].bytes.clone()).unwrap();
    assert!(
        markdown.contains("Publish a joint compact with the VCS"),
        "{markdown}"
    );
    let embed = &sent.json()["embeds"][0];
    assert_eq!(embed["title"], "Action plan: Spring review");
    assert_eq!(
        embed["description"],
        "1 agreed action, under the toolkit's considerations. The full report is attached as \
         Markdown and HTML.",
        "one action, not \"1 agreed actions\""
    );
    assert_eq!(
        field(
            embed,
            "Gaps in the types of existing relationships, according to the typology."
        ),
        "Action 1 · Publish a joint compact with the VCS · Owner: Policy team · Due \
         <t:1743422400:D> · In progress"
    );
    assert!(
        field(embed, "Considerations with no agreed action yet")
            .starts_with("• Any overlap in the remit of relationships")
    );
    world.stop().await;
}

#[tokio::test]
async fn a_refused_form_opens_again_filled_in_and_a_stranger_or_a_closed_workshop_is_refused() {
    let (world, ann) = World::with_ann_on_the_council().await;

    // Someone who has not joined gets no form.
    let (_, refusal) = world
        .fake
        .command(&member(13, "cat", &[]), &["action", "propose"], &[])
        .await;
    assert_eq!(refusal.json()["type"], 4);
    assert!(is_private(&refusal));
    assert_eq!(content(&refusal), ServiceError::NotParticipant.to_string());

    let (_, opened) = world.fake.command(&ann, &["action", "propose"], &[]).await;
    assert_eq!(opened.json()["type"], 9);
    let typed = [
        ("text", "Review the grants panel"),
        ("owner", "Grants team"),
        ("due", "31/02/2025"),
        ("prompted_by", "Grants panel"),
    ];
    let submit = world.fake.modal_submit(&ann, "v1:action-propose:1", &typed);
    let reply = world.fake.answer(&submit).await;
    assert_eq!(reply.json()["type"], 4);
    assert!(is_private(&reply));
    assert_eq!(
        content(&reply),
        "There is no 31/02/2025 in the calendar. Check the day and the month.\n\
         Everything you typed is kept for a day. Press Open the form again to change it."
    );
    assert!(
        world
            .service
            .actions(&world.workshop)
            .await
            .unwrap()
            .is_empty()
    );

    // The refusal's button opens the form again, filled in, even after a
    // restart: what was typed is in the database, the button names it.
    let refusal = world.fake.original_response(&submit);
    let again = refusal.button("Open the form again");
    assert_eq!(again, "v1:action-again:1:1");
    let world = world.restart().await;
    let (_, reopened) = world.fake.press(&ann, &again, refusal.id).await;
    assert_eq!(reopened.json()["type"], 9);
    let form = &reopened.json()["data"];
    assert_eq!(form["custom_id"], "v1:action-propose:1");
    let values: Vec<(&str, &str)> = form["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| &row["components"][0])
        .map(|input| {
            (
                input["custom_id"].as_str().unwrap(),
                input["value"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(values, typed);

    // Corrected, the form goes through.
    let corrected = world.fake.modal_submit(
        &ann,
        "v1:action-propose:1",
        &[
            ("text", "Review the grants panel"),
            ("owner", "Grants team"),
            ("due", "28/02/2025"),
            ("prompted_by", "Grants panel"),
        ],
    );
    world.fake.dispatch(&corrected).await;
    let posted = world.fake.wait_for_callback(&corrected).await;
    assert!(!is_private(&posted));
    world.follow_up(&corrected).await;
    let actions = world.service.actions(&world.workshop).await.unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].due.to_string(), "2025-02-28");

    // A draft opens once.
    let (_, spent) = world.fake.press(&ann, &again, refusal.id).await;
    assert!(is_private(&spent));
    assert_eq!(
        content(&spent),
        "That form is no longer kept: it opens again only once, and only for a day. Start \
         again with /action propose."
    );

    // A closed workshop takes no more actions: refused before the form.
    world
        .service
        .close_workshop(&facilitator_person(), &world.workshop)
        .await
        .unwrap();
    let workshop_one = [("workshop", OptionValue::string("1"))];
    let (_, closed) = world
        .fake
        .command(&ann, &["action", "propose"], &workshop_one)
        .await;
    assert_eq!(closed.json()["type"], 4);
    assert!(is_private(&closed));
    assert_eq!(content(&closed), ServiceError::WorkshopClosed.to_string());
    world.stop().await;
}

#[tokio::test]
async fn what_prompted_an_action_is_chosen_from_a_list_and_files_it_under_its_consideration() {
    let (world, ann) = World::with_ann_on_the_council().await;
    world
        .service
        .add_relationship(
            &world.workshop,
            &person(11),
            shaping_relationship("Stronger Communities Board"),
        )
        .await
        .unwrap();

    // The choices hold what is typed, in any case.
    let choices = |typed: &'static str| {
        let world = &world;
        let ann = &ann;
        async move {
            let typing =
                world
                    .fake
                    .autocomplete(ann, "action", &["propose"], &[], "prompted_by", typed);
            world.fake.dispatch(&typing).await;
            let suggestions = world.fake.wait_for_callback(&typing).await;
            assert_eq!(suggestions.json()["type"], 8);
            suggestions.json()["data"]["choices"].clone()
        }
    };
    assert_eq!(
        choices("STRONGER").await,
        json!([{"name": "Relationship: Stronger Communities Board", "value": "Stronger Communities Board"}])
    );
    assert_eq!(
        choices("gaps in the types").await,
        json!([{
            "name": "Consideration: Gaps in the types of existing relationships, according to the typology.",
            "value": "typology_gaps"
        }])
    );
    assert_eq!(
        choices("rebalancing").await,
        json!([
            {"name": "Question: Rebalancing power (assessment three)", "value": "a3.shared_foundations.power"},
            {"name": "Question: Rebalancing power (assessment one)", "value": "a1.indirect.civic_participation"},
        ])
    );
    let everything = choices("").await;
    assert_eq!(everything.as_array().unwrap().len(), 25, "Discord's most");

    // The chosen value fills in the form.
    let typed = "Stronger Communities Board: shared foundations";
    let option = [("prompted_by", OptionValue::string(typed))];
    let (_, opened) = world
        .fake
        .command(&ann, &["action", "propose"], &option)
        .await;
    assert_eq!(opened.json()["type"], 9);
    let prompted_by = &opened.json()["data"]["components"][3]["components"][0];
    assert_eq!(prompted_by["custom_id"], "prompted_by");
    assert_eq!(prompted_by["value"], typed);

    let submit = world.fake.modal_submit(
        &ann,
        "v1:action-propose:1",
        &[
            ("text", "Agree a shared purpose for the board"),
            ("owner", "Board chair"),
            ("due", "2025-06-30"),
            ("prompted_by", typed),
        ],
    );
    world.fake.dispatch(&submit).await;
    world.fake.wait_for_callback(&submit).await;
    world.follow_up(&submit).await;
    world
        .service
        .mark_agreed(&facilitator_person(), &world.workshop, ActionId(1))
        .await
        .unwrap();

    // Matched by name, it is filed under assessment three's consideration.
    let (_, plan) = world
        .service
        .plan(&world.workshop, ResultsScope::Revealed)
        .await
        .unwrap();
    let filed: Vec<(&str, usize)> = plan
        .groups
        .iter()
        .filter(|group| !group.actions.is_empty())
        .map(|group| (group.key.as_str(), group.actions.len()))
        .collect();
    assert_eq!(filed, [("improve_strategic", 1)]);
    world.stop().await;
}

#[tokio::test]
async fn reminders_are_posted_to_the_workshop_channel_once() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_in(&dir).await;
    // Voting closes tomorrow; an agreed action falls due today.
    let workshop = create_workshop(&service, Mode::Async, Some("2025-01-02")).await;
    service
        .join(&workshop, &person(11), Side::Council, None)
        .await
        .unwrap();
    service
        .open_assessment(&facilitator_person(), &workshop, Assessment::Benefits, None)
        .await
        .unwrap();
    let action = service
        .propose_action(
            &workshop,
            &person(11),
            ActionRequest {
                text: "Publish the compact".to_owned(),
                owner: "Policy team".to_owned(),
                due: "2025-01-01".to_owned(),
                prompted_by: String::new(),
            },
            None,
        )
        .await
        .unwrap()
        .action;
    assert_eq!(action.status, ActionStatus::Open);
    let fake = FakeDiscord::start().await;
    let http = fake.http();

    let posted = reminders::post_reminders(
        &http,
        &service,
        common_ground::prompts::Catalogue::shipped(),
    )
    .await
    .unwrap();
    assert_eq!(posted, 2);
    let messages = fake.messages();
    let texts: Vec<&str> = messages.iter().map(|m| m.content.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Reminder for Spring review: voting on Assessment one: the benefits of partnership \
             working closes at the end of 2025-01-02. Not voted yet: <@11>. Use /ballot to \
             answer privately. You can change an answer until the results are shown.",
            "Action #1 “Publish the compact” (owner: Policy team) fell due on 2025-01-01. \
             Update it with /action status.",
        ]
    );
    assert!(messages.iter().all(|m| m.channel_id == CHANNEL));
    let sent = fake
        .wait_for(|r| r.is("POST", "/channels/*/messages"), WAIT)
        .await;
    // Only the person who has not voted is pinged: no one else the text
    // may name, no roles, no @everyone.
    assert_eq!(
        sent.json()["allowed_mentions"],
        json!({"parse": [], "roles": [], "users": ["11"]})
    );

    // Marked sent: nothing is posted twice.
    assert_eq!(
        reminders::post_reminders(
            &http,
            &service,
            common_ground::prompts::Catalogue::shipped()
        )
        .await
        .unwrap(),
        0
    );
    assert_eq!(fake.messages().len(), 2);
}

#[tokio::test]
async fn the_same_form_submitted_twice_makes_one_action_and_says_so() {
    let (world, ann) = World::with_ann_on_the_council().await;
    world.fake.command(&ann, &["action", "propose"], &[]).await;
    let submit = world.fake.modal_submit(
        &ann,
        "v1:action-propose:1",
        &[
            ("text", "Publish a joint compact with the VCS"),
            ("owner", "Policy team"),
            ("due", "2025-03-31"),
        ],
    );
    let posted = world.fake.answer(&submit).await;
    assert!(!is_private(&posted), "the first submission posts the card");
    world.follow_up(&submit).await;

    // Discord delivers the same interaction again.
    world.fake.dispatch(&submit).await;
    let route = submit.callback_route();
    let callback = |r: &Recorded| r.is("POST", "/interactions/*/*/callback") && r.route == route;
    world.fake.wait_for_count(callback, 2).await;
    let again = world
        .fake
        .requests()
        .into_iter()
        .rfind(|r| callback(r))
        .unwrap();
    assert!(is_private(&again));
    assert_eq!(
        content(&again),
        "We already have this form. It is action 1, and its card is in the channel. Nothing \
         more was added."
    );
    let actions = world.service.actions(&world.workshop).await.unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].text, "Publish a joint compact with the VCS");
    let cards = world
        .fake
        .messages()
        .into_iter()
        .filter(|m| m.embeds.iter().any(|e| e["title"] == "Action 1"))
        .count();
    assert_eq!(cards, 1, "one card in the channel");
    world.stop().await;
}

#[tokio::test]
async fn my_data_gives_a_private_summary_and_the_whole_record_as_json() {
    let world = World::start().await;
    let ann = member(11, "ann", &[COUNCIL_ROLE]);
    let organisation = [("organisation", OptionValue::string("Anytown Council"))];
    world.fake.command(&ann, &["join"], &organisation).await;
    world
        .service
        .propose_action(
            &world.workshop,
            &person(11),
            ActionRequest {
                text: "Publish the compact".to_owned(),
                owner: "Policy team".to_owned(),
                due: "2025-02-01".to_owned(),
                prompted_by: String::new(),
            },
            None,
        )
        .await
        .unwrap();

    let (_, reply) = world.fake.command(&ann, &["my-data"], &[]).await;
    assert_eq!(reply.json()["type"], 4);
    assert!(is_private(&reply));
    assert_eq!(
        content(&reply),
        "This is everything Common Ground holds about you in this server. The attached file, \
         my-data.json, has it in full, with your own votes.\n\
         • Spring review (Open): you joined as \"ann\" for the council, as part of Anytown \
         Council. No votes, 1 action proposed, no responses to actions, no relationships \
         registered.\n\
         Your name, Discord id and organisation are deleted 365 days after a workshop closes. \
         /forget-me deletes them now. Your votes stay in the results, without your name."
    );
    let names: Vec<&str> = reply.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["my-data.json"]);
    let file: Value = serde_json::from_slice(&reply.files[0].bytes).unwrap();
    assert_eq!(file["discord_user_id"], "11");
    assert_eq!(file["server_id"], GUILD.to_string());
    let joined = &file["workshops"][0];
    assert_eq!(joined["display_name"], "ann");
    assert_eq!(joined["organisation"], "Anytown Council");
    assert_eq!(joined["side"], "council");
    assert_eq!(joined["actions_proposed"][0]["text"], "Publish the compact");

    // Someone who never joined is told so, privately.
    let (_, nothing) = world
        .fake
        .command(&member(13, "cat", &[]), &["my-data"], &[])
        .await;
    assert!(is_private(&nothing));
    assert!(content(&nothing).starts_with("Common Ground holds nothing about you in this server"));
    let empty: Value = serde_json::from_slice(&nothing.files[0].bytes).unwrap();
    assert_eq!(empty["workshops"], json!([]));
    world.stop().await;
}

/// Every `allowed_mentions` in `body`, and every object that carries message
/// content without one.
fn mentions_in(body: &Value, found: &mut Vec<Value>, unguarded: &mut Vec<Value>) {
    match body {
        Value::Object(fields) => {
            if let Some(mentions) = fields.get("allowed_mentions") {
                found.push(mentions.clone());
            } else if fields
                .get("content")
                .and_then(Value::as_str)
                .is_some_and(|c| !c.is_empty())
            {
                unguarded.push(body.clone());
            }
            fields
                .values()
                .for_each(|v| mentions_in(v, found, unguarded));
        }
        Value::Array(items) => items.iter().for_each(|v| mentions_in(v, found, unguarded)),
        _ => {}
    }
}

#[tokio::test]
async fn no_title_name_or_text_pings_anyone_and_a_reminder_pings_only_its_people() {
    let world = World::start().await;
    let fay = facilitator();
    let title = "Review <@123> @everyone <@&900>";
    let (create, _) = world
        .fake
        .command(
            &fay,
            &["workshop", "create"],
            &[
                ("title", OptionValue::string(title)),
                ("mode", OptionValue::Integer(1)),
                ("deadline", OptionValue::string("2025-01-02")),
            ],
        )
        .await;
    let announcement = world.fake.original_response(&create);
    let ann = member(11, "ann <@123> @everyone", &[]);
    world
        .fake
        .press(&ann, "v1:join:2:council", announcement.id)
        .await;
    let two = ("workshop", OptionValue::string("2"));
    let bob = member(12, "bob @here", &[]);
    world
        .fake
        .command(
            &bob,
            &["join"],
            &[("side", OptionValue::Integer(1)), two.clone()],
        )
        .await;
    let (open, _) = world
        .fake
        .command(
            &fay,
            &["workshop", "open"],
            &[("assessment", OptionValue::Integer(0)), two.clone()],
        )
        .await;
    // The opening is deferred: wait for its public follow-up.
    world.follow_up(&open).await;
    let reminded = reminders::post_reminders(
        &world.fake.http(),
        &world.service,
        common_ground::prompts::Catalogue::shipped(),
    )
    .await
    .unwrap();
    assert_eq!(reminded, 1);
    let (report, _) = world
        .fake
        .command(&fay, &["workshop", "report"], std::slice::from_ref(&two))
        .await;
    world.follow_up(&report).await;
    world.fake.command(&ann, &["my-data"], &[]).await;

    let mut found = Vec::new();
    let mut unguarded = Vec::new();
    for request in world.fake.requests() {
        if let Some(body) = &request.body {
            mentions_in(body, &mut found, &mut unguarded);
        }
    }
    assert!(
        unguarded.is_empty(),
        "content without allowed_mentions: {unguarded:#?}"
    );
    assert!(found.len() >= 6, "{found:#?}");
    for mentions in &found {
        assert_eq!(mentions["parse"], json!([]), "{mentions}");
        assert_eq!(mentions["roles"], json!([]), "{mentions}");
    }
    let reminder = world
        .fake
        .requests()
        .into_iter()
        .find(|r| {
            r.is("POST", "/channels/*/messages")
                && r.json()["content"]
                    .as_str()
                    .is_some_and(|c| c.starts_with("Reminder"))
        })
        .expect("the reminder was posted");
    assert_eq!(
        reminder.json()["allowed_mentions"]["users"],
        json!(["11", "12"])
    );
    let others: Vec<&Value> = found.iter().filter(|m| m["users"] != json!([])).collect();
    assert_eq!(
        others.len(),
        1,
        "only the reminder names anyone: {others:#?}"
    );
    world.stop().await;
}

#[tokio::test]
async fn opening_an_unknown_relationship_is_refused_privately_and_posts_nothing() {
    let world = World::start().await;
    let (_, reply) = world
        .fake
        .command(
            &facilitator(),
            &["workshop", "open"],
            &[
                ("assessment", OptionValue::Integer(2)),
                ("relationship", OptionValue::string("No such board")),
            ],
        )
        .await;
    assert!(is_private(&reply), "a refusal is for the facilitator alone");
    assert!(
        content(&reply).contains("No such board"),
        "{}",
        content(&reply)
    );
    assert!(
        !world
            .fake
            .requests()
            .iter()
            .any(|r| r.is("POST", "/channels/*/messages")),
        "nothing is posted in the channel"
    );
    world.stop().await;
}
