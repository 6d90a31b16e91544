//! The shipped binary itself: `common-ground run` with `DISCORD_API_BASE`
//! pointing at the fake connects, registers its commands in the development
//! server and answers a slash command, exactly as it would on Discord.

use std::process::Stdio;

use tokio::process::{Child, Command};

use crate::support::{Actor, FakeDiscord, FakeUser, OptionValue, Place, WAIT, permissions};

const GUILD: u64 = 700;
const CHANNEL: u64 = 701;

/// Kills the bot when the test ends, however it ends.
struct Bot(Child);

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.0.start_kill();
    }
}

#[tokio::test]
async fn common_ground_run_connects_registers_and_answers() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let database = format!("sqlite:{}", dir.path().join("bot.db").display());
    let _bot = Bot(Command::new(env!("CARGO_BIN_EXE_common-ground"))
        .arg("run")
        .current_dir(dir.path())
        .env("DISCORD_TOKEN", "fake.bot.token")
        .env("DISCORD_API_BASE", fake.api_base())
        .env("DATABASE_URL", &database)
        .env("DEV_GUILD_ID", GUILD.to_string())
        .env("RUST_LOG", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts"));

    let registered = fake
        .wait_for(|r| r.is("PUT", "/applications/*/guilds/*/commands"), WAIT)
        .await;
    assert!(
        registered
            .route
            .ends_with(&format!("/guilds/{GUILD}/commands")),
        "{}",
        registered.route
    );
    let names = registered.names();
    assert!(
        names.contains(&"workshop") && names.contains(&"ballot"),
        "{names:?}"
    );

    let fran = Actor::new(
        FakeUser::new(42, "fran").with_permissions(permissions::MANAGE_GUILD),
        Place::guild(GUILD, CHANNEL),
    );
    let create = fake.slash_command(
        &fran,
        "workshop",
        &["create"],
        &[
            ("title", OptionValue::String("Binary review".to_owned())),
            ("mode", OptionValue::Integer(0)),
        ],
    );
    let reply = fake.answer(&create).await;
    let content = reply.json()["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        content.starts_with("Created the workshop **Binary review**."),
        "{content}"
    );
}
