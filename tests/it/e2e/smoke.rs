//! Proves the fake Discord with a tiny poise bot defined here, so the
//! harness does not depend on the real bot: registration, a slash command
//! with a button, a click routed by custom id, a modal, a failed follow-up,
//! a gateway drop, and the schema check catching a bad body.

use poise::serenity_prelude as serenity;
use serde_json::{Value, json};
use serenity::{
    ComponentInteraction, CreateActionRow, CreateAttachment, CreateButton, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal, FullEvent,
    InputTextStyle, Interaction, ModalInteraction,
};

use crate::support::{
    Actor, FakeDiscord, FakeUser, Fault, OptionValue, Place, StoredChannel, StoredMessage, WAIT,
    permissions,
};

type Error = Box<dyn std::error::Error + Send + Sync>;
type Context<'a> = poise::Context<'a, (), Error>;

const GUILD: u64 = 500;
const CHANNEL: u64 = 600;
const WAVE_BUTTON: &str = "v1:wave";
const FEEDBACK_MODAL: &str = "v1:feedback";
const COMMENT_INPUT: &str = "comment";

/// A reply of `content` with the one `button` under it.
fn with_button(content: &str, button: CreateButton) -> poise::CreateReply {
    poise::CreateReply::default()
        .content(content)
        .components(vec![CreateActionRow::Buttons(vec![button])])
}

/// Says hello with a button to wave back.
#[poise::command(slash_command)]
async fn hello(ctx: Context<'_>) -> Result<(), Error> {
    let wave = CreateButton::new(WAVE_BUTTON).label("Wave");
    ctx.send(with_button("Hello", wave)).await?;
    Ok(())
}

/// A group whose subcommand needs Manage Server.
#[poise::command(slash_command, subcommands("start"))]
async fn survey(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Suggests survey titles that start with what has been typed.
async fn suggest_titles(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = ["Spring review", "Summer review", "Autumn review"]
        .into_iter()
        .filter(|title| title.starts_with(partial))
        .map(serenity::AutocompleteChoice::from)
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Starts a survey.
#[poise::command(slash_command, required_permissions = "MANAGE_GUILD")]
async fn start(
    ctx: Context<'_>,
    #[description = "What the survey is called"]
    #[autocomplete = "suggest_titles"]
    title: String,
    #[description = "How many questions"] questions: Option<i64>,
) -> Result<(), Error> {
    let questions = questions.unwrap_or(5);
    ctx.say(format!("Started {title} with {questions} questions"))
        .await?;
    Ok(())
}

/// Asks for a comment in a modal; the event handler takes the answer.
#[poise::command(slash_command)]
async fn feedback(ctx: poise::ApplicationContext<'_, (), Error>) -> Result<(), Error> {
    let comment = CreateInputText::new(InputTextStyle::Short, "Your comment", COMMENT_INPUT);
    let modal = CreateModal::new(FEEDBACK_MODAL, "Feedback")
        .components(vec![CreateActionRow::InputText(comment)]);
    ctx.interaction
        .create_response(
            ctx.serenity_context(),
            CreateInteractionResponse::Modal(modal),
        )
        .await?;
    Ok(())
}

/// Defers, then sends a file as a follow-up.
#[poise::command(slash_command)]
async fn report(ctx: Context<'_>) -> Result<(), Error> {
    ctx.defer().await?;
    let file = CreateAttachment::bytes(b"side,score\ncouncil,3\n".as_slice(), "report.csv");
    ctx.send(
        poise::CreateReply::default()
            .content("Your report")
            .attachment(file),
    )
    .await?;
    Ok(())
}

/// Sends a button whose label is longer than Discord allows.
#[poise::command(slash_command)]
async fn shout(ctx: Context<'_>) -> Result<(), Error> {
    let button = CreateButton::new("v1:shout").label("A".repeat(100));
    ctx.send(with_button("Too loud", button)).await?;
    Ok(())
}

async fn on_wave(ctx: &serenity::Context, click: &ComponentInteraction) -> Result<(), Error> {
    let waved = CreateButton::new(WAVE_BUTTON).label("Wave").disabled(true);
    let update = CreateInteractionResponseMessage::new()
        .content(format!("{} waved", click.user.name))
        .components(vec![CreateActionRow::Buttons(vec![waved])]);
    click
        .create_response(ctx, CreateInteractionResponse::UpdateMessage(update))
        .await?;
    Ok(())
}

async fn on_feedback(ctx: &serenity::Context, modal: &ModalInteraction) -> Result<(), Error> {
    let comment = modal
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|component| match component {
            serenity::ActionRowComponent::InputText(input) if input.custom_id == COMMENT_INPUT => {
                input.value.clone()
            }
            _ => None,
        })
        .unwrap_or_default();
    let thanks = CreateInteractionResponseMessage::new()
        .content(format!("Thank you. You said: {comment}"))
        .ephemeral(true);
    modal
        .create_response(ctx, CreateInteractionResponse::Message(thanks))
        .await?;
    Ok(())
}

/// Routes components and modals by custom id, as design.md asks.
fn route_event<'a>(
    framework: poise::FrameworkContext<'a, (), Error>,
    event: &'a FullEvent,
) -> poise::BoxFuture<'a, Result<(), Error>> {
    Box::pin(async move {
        let ctx = framework.serenity_context;
        match event {
            FullEvent::InteractionCreate {
                interaction: Interaction::Component(click),
            } if click.data.custom_id == WAVE_BUTTON => on_wave(ctx, click).await,
            FullEvent::InteractionCreate {
                interaction: Interaction::Modal(modal),
            } if modal.data.custom_id == FEEDBACK_MODAL => on_feedback(ctx, modal).await,
            _ => Ok(()),
        }
    })
}

/// Command errors become a short apology; the rest go to poise's handler.
fn on_error(error: poise::FrameworkError<'_, (), Error>) -> poise::BoxFuture<'_, ()> {
    Box::pin(async move {
        match error {
            poise::FrameworkError::Command { ctx, .. } => {
                let apology = "Sorry, that did not work. Please try again in a minute.";
                // The apology is best effort: the test asserts on it.
                let _ = ctx.say(apology).await;
            }
            other => {
                let _ = poise::builtins::on_error(other).await;
            }
        }
    })
}

fn tiny_bot() -> poise::Framework<(), Error> {
    poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![hello(), survey(), feedback(), report(), shout()],
            event_handler: route_event,
            on_error,
            initialize_owners: false,
            ..Default::default()
        })
        .setup(|ctx, _ready, framework| {
            Box::pin(async move {
                poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                Ok(())
            })
        })
        .build()
}

/// Starts the fake and the tiny bot and waits for its registration.
async fn start_bot() -> (FakeDiscord, crate::support::RunningBot) {
    // The toy bot of this file sets no allowed_mentions.
    let fake = FakeDiscord::start_with_mentions_unchecked().await;
    let bot = fake.run_framework(tiny_bot()).await;
    fake.wait_for(|r| r.is("PUT", "/applications/*/commands"), WAIT)
        .await;
    (fake, bot)
}

fn member(id: u64, name: &str) -> Actor {
    Actor::new(FakeUser::new(id, name), Place::guild(GUILD, CHANNEL))
}

fn facilitator() -> Actor {
    let user =
        FakeUser::new(10, "fay").with_permissions(permissions::MEMBER | permissions::MANAGE_GUILD);
    Actor::new(user, Place::guild(GUILD, CHANNEL))
}

#[tokio::test]
async fn start_up_registers_every_command_and_each_passes_the_spec() {
    let (fake, bot) = start_bot().await;

    let registration = fake
        .wait_for(|r| r.is("PUT", "/applications/1000/commands"), WAIT)
        .await;
    assert_eq!(registration.status, 200);
    let names = registration.names();
    assert_eq!(names, ["hello", "survey", "feedback", "report", "shout"]);
    let survey = &registration.json()[1];
    assert_eq!(survey["options"][0]["name"], "start");
    assert_eq!(survey["options"][0]["type"], 1);
    assert_eq!(survey["options"][0]["options"][0]["name"], "title");
    assert_eq!(survey["options"][0]["options"][0]["required"], true);
    assert_eq!(fake.commands(None).len(), 5);
    assert_eq!(fake.gateway_identifies(), 1);
    fake.assert_no_violations();
    bot.stop().await;
}

#[tokio::test]
async fn a_slash_command_replies_with_a_button_and_a_click_updates_the_message() {
    let (fake, bot) = start_bot().await;
    let ann = member(11, "ann");

    let (command, reply) = fake.command(&ann, &["hello"], &[]).await;
    assert_eq!(reply.status, 204);
    assert_eq!(reply.json()["type"], 4);
    assert_eq!(reply.json()["data"]["content"], "Hello");
    let card = fake.original_response(&command);
    assert_eq!(card.channel_id, CHANNEL);
    assert_eq!(card.button("Wave"), WAVE_BUTTON);

    let bob = member(12, "bob");
    let click = fake.button_click(&bob, WAVE_BUTTON, card.id);
    let update = fake.answer(&click).await;
    assert_eq!(update.json()["type"], 7);
    let card = fake.message(card.id).expect("the card still exists");
    assert_eq!(card.content, "bob waved");
    assert_eq!(card.all_components()[0]["disabled"], true);
    bot.stop().await;
}

#[tokio::test]
async fn a_subcommand_checks_the_member_permissions_carried_by_the_interaction() {
    let (fake, bot) = start_bot().await;
    let options = [
        ("title", OptionValue::string("Spring review")),
        ("questions", OptionValue::Integer(3)),
    ];

    let (_, reply) = fake
        .command(&facilitator(), &["survey", "start"], &options)
        .await;
    assert_eq!(
        reply.json()["data"]["content"],
        "Started Spring review with 3 questions"
    );

    let (_, refusal) = fake
        .command(&member(11, "ann"), &["survey", "start"], &options)
        .await;
    let text = refusal.json()["data"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(text.contains("lacking permissions"), "{text}");
    assert_eq!(refusal.json()["data"]["flags"], 64);
    bot.stop().await;
}

#[tokio::test]
async fn autocomplete_offers_the_titles_that_match_what_was_typed() {
    let (fake, bot) = start_bot().await;

    let typing = fake.autocomplete(&facilitator(), "survey", &["start"], &[], "title", "S");
    let suggestions = fake.answer(&typing).await;
    assert_eq!(suggestions.json()["type"], 8);
    assert_eq!(
        suggestions.json()["data"]["choices"],
        json!([
            {"name": "Spring review", "value": "Spring review"},
            {"name": "Summer review", "value": "Summer review"},
        ])
    );
    bot.stop().await;
}

#[tokio::test]
async fn a_modal_round_trip_goes_through_the_event_handler() {
    let (fake, bot) = start_bot().await;
    let ann = member(11, "ann");

    let (_, opened) = fake.command(&ann, &["feedback"], &[]).await;
    assert_eq!(opened.json()["type"], 9);
    assert_eq!(opened.json()["data"]["custom_id"], FEEDBACK_MODAL);

    let submit = fake.modal_submit(&ann, FEEDBACK_MODAL, &[(COMMENT_INPUT, "Good session")]);
    let thanks = fake.answer(&submit).await;
    assert_eq!(thanks.json()["type"], 4);
    assert_eq!(
        thanks.json()["data"]["content"],
        "Thank you. You said: Good session"
    );
    assert!(fake.original_response(&submit).is_ephemeral());
    bot.stop().await;
}

#[tokio::test]
async fn a_failed_follow_up_reaches_the_error_handler_and_the_apology_gets_through() {
    let (fake, bot) = start_bot().await;
    fake.fail_next("POST", "/webhooks/*/*", Fault::Status500);

    let (command, deferral) = fake.command(&member(11, "ann"), &["report"], &[]).await;
    assert_eq!(deferral.json()["type"], 5);
    let follow_ups = command.webhook_route();
    let failed = fake
        .wait_for(|r| r.route == follow_ups && r.status == 500, WAIT)
        .await;
    assert_eq!(failed.files.len(), 1);
    assert_eq!(failed.files[0].name, "report.csv");
    assert_eq!(failed.files[0].bytes, b"side,score\ncouncil,3\n");
    assert_eq!(failed.json()["content"], "Your report");
    let apology = fake
        .wait_for(|r| r.route == follow_ups && r.status == 200, WAIT)
        .await;
    assert_eq!(
        apology.json()["content"],
        "Sorry, that did not work. Please try again in a minute."
    );
    bot.stop().await;
}

#[tokio::test]
async fn after_a_gateway_drop_the_bot_resumes_and_still_answers() {
    let (fake, bot) = start_bot().await;
    let ann = member(11, "ann");
    fake.command(&ann, &["hello"], &[]).await;
    let typing = json!({"channel_id": CHANNEL.to_string(), "guild_id": GUILD.to_string(),
        "user_id": "11", "timestamp": 1_735_722_000});
    fake.dispatch_event("TYPING_START", typing).await;

    fake.drop_gateway();
    let (_, reply) = fake.command(&ann, &["hello"], &[]).await;
    assert_eq!(reply.json()["data"]["content"], "Hello");
    assert_eq!(fake.gateway_resumes(), 1);
    assert_eq!(fake.gateway_identifies(), 1);
    bot.stop().await;
}

#[tokio::test]
async fn a_button_label_of_100_characters_is_caught_as_a_violation() {
    let (fake, bot) = start_bot().await;
    fake.command(&member(11, "ann"), &["shout"], &[]).await;
    bot.stop().await;

    let violations = fake.take_violations();
    if crate::support::spec::spec().is_none() {
        return; // validation skipped: no OpenAPI document here (said on stderr)
    }
    assert_eq!(violations.len(), 1, "{violations:#?}");
    let violation = &violations[0];
    assert_eq!(
        violation.template,
        "/interactions/{interaction_id}/{interaction_token}/callback"
    );
    assert_eq!(violation.json_path, "/data/components/0/components/0/label");
    assert!(
        violation.message.contains("longer than 80 characters"),
        "{violation}"
    );
}

#[tokio::test]
async fn the_fake_answers_threads_forums_and_direct_messages_in_shapes_serenity_reads() {
    // The toy bot of this file sets no allowed_mentions.
    let fake = FakeDiscord::start_with_mentions_unchecked().await;
    let http = fake.http();
    fake.add_channel(StoredChannel {
        id: 700,
        kind: 15,
        guild_id: Some(GUILD),
        parent_id: None,
        name: "workshops".into(),
        recipient_id: None,
    });

    let forum = http.get_channel(700.into()).await.expect("the forum");
    let forum = forum.guild().expect("a guild channel");
    assert_eq!(forum.kind, serenity::ChannelType::Forum);
    let post = forum
        .create_forum_post(
            &http,
            serenity::CreateForumPost::new(
                "Round 1",
                serenity::CreateMessage::new().content("Discuss here"),
            ),
        )
        .await
        .expect("a forum post");
    assert_eq!(post.parent_id, Some(700.into()));
    let starter = fake.message(post.id.get()).expect("the starter message");
    assert_eq!(starter.content, "Discuss here");

    let text = serenity::ChannelId::new(CHANNEL);
    let sent = text
        .send_message(&http, serenity::CreateMessage::new().content("Prompts"))
        .await
        .expect("a channel message");
    let thread = text
        .create_thread_from_message(
            &http,
            sent.id,
            serenity::CreateThread::new("Prompts").kind(serenity::ChannelType::PublicThread),
        )
        .await
        .expect("a thread");
    assert_eq!(thread.id.get(), sent.id.get());
    assert_eq!(thread.kind, serenity::ChannelType::PublicThread);

    let dm = serenity::UserId::new(11)
        .create_dm_channel(&http)
        .await
        .expect("a DM channel");
    assert_eq!(dm.recipient.id.get(), 11);

    let missing = http.get_message(text, 1.into()).await;
    assert!(missing.is_err(), "an unknown message is a 404");
    assert_eq!(fake.requests().len(), 6);
}

#[tokio::test]
async fn a_rate_limit_fails_one_request_and_a_select_menu_choice_carries_its_message() {
    // The toy bot of this file sets no allowed_mentions.
    let fake = FakeDiscord::start_with_mentions_unchecked().await;
    let http = fake.http();
    let channel = serenity::ChannelId::new(CHANNEL);
    let sides = serenity::CreateSelectMenu::new(
        "v1:side",
        serenity::CreateSelectMenuKind::String {
            options: vec![
                serenity::CreateSelectMenuOption::new("Council", "council"),
                serenity::CreateSelectMenuOption::new("VCS", "vcs"),
            ],
        },
    );
    let card = serenity::CreateMessage::new()
        .content("Which side are you on?")
        .select_menu(sides);
    fake.fail_next(
        "POST",
        "/channels/*/messages",
        Fault::RateLimited { retry_after: 1.5 },
    );

    let limited = channel.send_message(&http, card.clone()).await;
    assert!(limited.is_err(), "the 429 reaches the caller");
    let sent = channel.send_message(&http, card).await.expect("the retry");
    let statuses: Vec<u16> = fake.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [429, 200]);
    assert_eq!(fake.messages().len(), 1);

    fake.fail_next(
        "PATCH",
        "/channels/*/messages/*",
        Fault::Error {
            status: 403,
            code: 50013,
            message: "Missing Permissions".into(),
        },
    );
    let edit = serenity::EditMessage::new().content("Closed");
    let refused = channel.edit_message(&http, sent.id, edit).await;
    let refused = refused.expect_err("the 403 reaches the caller");
    assert!(
        refused.to_string().contains("Missing Permissions"),
        "{refused}"
    );

    let choice = fake.select_menu(&member(11, "ann"), "v1:side", &["vcs"], sent.id.get());
    assert_eq!(choice.payload["data"]["values"], json!(["vcs"]));
    assert_eq!(
        choice.payload["message"]["content"],
        "Which side are you on?"
    );
}

#[test]
fn fixture_shapes_deserialise_into_serenity_types() {
    let mut message = StoredMessage::new(5, CHANNEL, Some(GUILD));
    message.apply(
        &json!({
            "content": "Card",
            "embeds": [{"title": "Q1", "fields": [{"name": "a", "value": "b", "inline": false}]}],
            "components": [{"type": 1, "components": [
                {"type": 2, "style": 1, "custom_id": "v1:vote:1", "label": "1"}
            ]}],
        }),
        &[],
    );
    let parsed: serenity::Message = serde_json::from_value(message.to_json()).expect("a Message");
    assert_eq!(parsed.embeds[0].title.as_deref(), Some("Q1"));
    assert_eq!(parsed.components[0].components.len(), 1);

    let user = FakeUser::new(12, "bob").with_roles(&[900]);
    let member: serenity::Member = serde_json::from_value(user.member_json()).expect("a Member");
    assert_eq!(member.roles, [serenity::RoleId::new(900)]);
    let role: serenity::Role =
        serde_json::from_value(crate::support::fixtures::role_json(900, "VCS", 0)).expect("a Role");
    assert_eq!(role.name, "VCS");
    let value: Value = crate::support::fixtures::bot_user_json();
    let bot: serenity::User = serde_json::from_value(value).expect("a User");
    assert!(bot.bot);
}

#[tokio::test]
async fn every_option_kind_and_place_makes_an_interaction_serenity_accepts() {
    // The toy bot of this file sets no allowed_mentions.
    let fake = FakeDiscord::start_with_mentions_unchecked().await;
    assert!(fake.api_base().starts_with("http://127.0.0.1:"));
    assert!(fake.gateway_url().starts_with("ws://127.0.0.1:"));
    let options = [
        ("title", OptionValue::string("Spring review")),
        ("rounds", OptionValue::Integer(2)),
        ("anonymous", OptionValue::Boolean(true)),
        ("weight", OptionValue::Number(0.5)),
        ("holder", OptionValue::User(FakeUser::new(12, "bob"))),
        ("venue", OptionValue::Channel(700, 15)),
        ("council_role", OptionValue::Role(900, "Council".into())),
    ];
    let in_guild = fake.slash_command(&facilitator(), "workshop", &["create"], &options);
    let resolved = &in_guild.payload["data"]["resolved"];
    assert_eq!(resolved["users"]["12"]["username"], "bob");
    assert_eq!(resolved["members"]["12"]["permissions"], "3072");
    assert_eq!(resolved["channels"]["700"]["type"], 15);
    assert_eq!(resolved["roles"]["900"]["name"], "Council");
    let in_group = fake.slash_command(&facilitator(), "relationship", &["admin", "add"], &[]);
    let group = &in_group.payload["data"]["options"][0];
    assert_eq!(
        (&group["name"], &group["type"]),
        (&json!("admin"), &json!(2))
    );
    assert_eq!(group["options"][0]["type"], 1);

    let in_dm = Actor::new(FakeUser::new(11, "ann"), Place::direct_message(800));
    let direct = fake.slash_command(&in_dm, "join", &[], &options[..1]);
    assert_eq!(direct.payload["user"]["id"], "11");
    assert!(direct.payload.get("member").is_none());
}

#[tokio::test]
async fn members_and_roles_the_test_sets_up_are_served_over_rest() {
    // The toy bot of this file sets no allowed_mentions.
    let fake = FakeDiscord::start_with_mentions_unchecked().await;
    let http = fake.http();
    let bob = FakeUser::new(12, "bob").with_roles(&[901]);
    fake.add_member(GUILD, &bob);
    fake.set_roles(
        GUILD,
        &[(GUILD, "@everyone", permissions::MEMBER), (901, "VCS", 0)],
    );

    let member = http.get_member(GUILD.into(), 12.into()).await.expect("bob");
    assert_eq!(member.roles, [serenity::RoleId::new(901)]);
    let stranger = http.get_member(GUILD.into(), 13.into()).await;
    assert!(stranger.is_err(), "an unknown member is a 404");
    let roles = http.get_guild_roles(GUILD.into()).await.expect("the roles");
    let names: Vec<&str> = roles.iter().map(|role| role.name.as_str()).collect();
    assert_eq!(names, ["@everyone", "VCS"]);

    let dm = serenity::UserId::new(12)
        .create_dm_channel(&http)
        .await
        .expect("a DM");
    let stored = fake
        .channel(dm.id.get())
        .expect("the fake keeps the DM channel");
    assert_eq!((stored.kind, stored.recipient_id), (1, Some(12)));
}

#[tokio::test]
#[should_panic(expected = "serenity does not understand this TYPING_START event")]
async fn a_malformed_gateway_event_fails_loudly() {
    // The toy bot of this file sets no allowed_mentions.
    let fake = FakeDiscord::start_with_mentions_unchecked().await;
    fake.dispatch_event("TYPING_START", json!({"channel_id": "600"}))
        .await;
}
