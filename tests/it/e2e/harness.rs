//! Set-up the end-to-end scenario files share: the real bot started on
//! the fake Discord over a test's own service.

use common_ground::bot::{self, Data};
use common_ground::config::Config;
use common_ground::service::Service;

use crate::support::{FakeDiscord, RunningBot};

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
    };
    fake.run_framework(bot::framework(
        data,
        bot::framework_options(bot::commands()),
    ))
    .await
}
