//! Typed configuration from the environment. `.env.example` lists every
//! variable. `RUST_LOG` is read by tracing-subscriber itself, not here.

use std::fmt;
use std::path::PathBuf;

/// Where the database lives when `DATABASE_URL` is not set: a file in the
/// folder the bot is started from.
pub const DEFAULT_DATABASE_URL: &str = "sqlite:common-ground.db";

/// How long personal data is kept after a workshop closes when
/// `RETENTION_DAYS` is not set: a year.
pub const DEFAULT_RETENTION_DAYS: u32 = 365;

/// Why the configuration could not be read. Each message names the variable
/// and says what a good value looks like.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "DISCORD_TOKEN is not set. Set it in the environment or in a .env file in this folder \
         (copy .env.example to .env). To get a token, open https://discord.com/developers/applications, \
         choose your application (or create one), open \"Bot\" and press \"Reset Token\"."
    )]
    MissingToken,
    #[error("{variable} is set to \"{value}\", which is not valid. {expected}")]
    Invalid {
        variable: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error(
        "The file {path} has a line that cannot be read: \"{line}\". \
         Each line should look like NAME=value, or start with # for a comment."
    )]
    DotEnvLine { path: String, line: String },
    #[error("The file {path} could not be read: {reason}. Check that it is a readable text file.")]
    DotEnvUnreadable { path: String, reason: String },
}

/// The bot's token. Kept out of `Debug` output so it never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct DiscordToken(String);

impl DiscordToken {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DiscordToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DiscordToken(<hidden>)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Absent is fine for the commands that do not connect to Discord;
    /// [`Config::discord_token`] refuses it when running the bot.
    discord_token: Option<DiscordToken>,
    pub database_url: String,
    /// When set, commands are registered in this server only (they appear at
    /// once, unlike global commands).
    pub dev_guild_id: Option<u64>,
    /// When set, every HTTP request and the gateway go here instead of
    /// Discord, e.g. `http://127.0.0.1:8080` (used by tests against a fake).
    pub discord_api_base: Option<String>,
    /// Days after a workshop closes before its personal data is removed.
    pub retention_days: u32,
}

impl Config {
    /// Reads the process environment. Call [`load_dotenv`] first to include
    /// a `.env` file.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, which returns a variable's
    /// value or `None` when it is not set. Empty values count as not set, as
    /// `NAME=` lines in a `.env` file mean "not set" to most people.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let read = |name: &str| value_of(&lookup, name);
        Ok(Self {
            discord_token: read("DISCORD_TOKEN").map(DiscordToken),
            database_url: match read("DATABASE_URL") {
                Some(value) => parse_database_url(value)?,
                None => DEFAULT_DATABASE_URL.to_owned(),
            },
            dev_guild_id: read("DEV_GUILD_ID").map(parse_guild_id).transpose()?,
            discord_api_base: read("DISCORD_API_BASE").map(parse_api_base).transpose()?,
            retention_days: match read("RETENTION_DAYS") {
                Some(value) => parse_retention_days(value)?,
                None => DEFAULT_RETENTION_DAYS,
            },
        })
    }

    /// The token, which running the bot needs.
    pub fn discord_token(&self) -> Result<&DiscordToken, ConfigError> {
        self.discord_token.as_ref().ok_or(ConfigError::MissingToken)
    }
}

/// Whether the environment gives `DISCORD_TOKEN` a value. Without one, the
/// bare command runs the demo; `DISCORD_TOKEN=` (as in `.env.example`)
/// counts as unset.
pub fn discord_token_is_set() -> bool {
    discord_token_set_in(|name| std::env::var(name).ok())
}

fn discord_token_set_in(lookup: impl Fn(&str) -> Option<String>) -> bool {
    value_of(&lookup, "DISCORD_TOKEN").is_some()
}

/// A variable's trimmed value; empty counts as not set.
fn value_of(lookup: &impl Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    lookup(name)
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

fn parse_database_url(value: String) -> Result<String, ConfigError> {
    if value.starts_with("sqlite:") && value.len() > "sqlite:".len() {
        Ok(value)
    } else {
        Err(ConfigError::Invalid {
            variable: "DATABASE_URL",
            value,
            expected: "Give an SQLite address such as sqlite:common-ground.db (a file in this folder) \
                       or sqlite:///var/lib/common-ground/data.db.",
        })
    }
}

fn parse_guild_id(value: String) -> Result<u64, ConfigError> {
    match value.parse::<u64>() {
        Ok(id) if id > 0 && value.chars().all(|c| c.is_ascii_digit()) => Ok(id),
        _ => Err(ConfigError::Invalid {
            variable: "DEV_GUILD_ID",
            value,
            expected: "Give a server id, a number such as 123456789012345678. In Discord, turn on \
                       Developer Mode (Settings, Advanced), right-click the server and choose \
                       \"Copy Server ID\". Leave it unset to register commands everywhere.",
        }),
    }
}

/// A whole number of days, at least one; at most about a hundred years, so
/// the date it gives stays well inside the calendar.
fn parse_retention_days(value: String) -> Result<u32, ConfigError> {
    match value.parse::<u32>() {
        Ok(days) if (1..=36_500).contains(&days) && value.chars().all(|c| c.is_ascii_digit()) => {
            Ok(days)
        }
        _ => Err(ConfigError::Invalid {
            variable: "RETENTION_DAYS",
            value,
            expected: "Give a whole number of days from 1 to 36500, such as 365 for a year. \
                       Leave it unset to keep personal data for 365 days after a workshop closes.",
        }),
    }
}

/// Accepts `http(s)://host[:port]` with no path, as serenity puts `/api/v10/…`
/// after it. A trailing slash is dropped.
fn parse_api_base(value: String) -> Result<String, ConfigError> {
    let base = value.trim_end_matches('/');
    let host = base
        .strip_prefix("http://")
        .or_else(|| base.strip_prefix("https://"));
    match host {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ']) => {
            Ok(base.to_owned())
        }
        _ => Err(ConfigError::Invalid {
            variable: "DISCORD_API_BASE",
            value,
            expected: "Give the address of a test server with no path, such as \
                       http://127.0.0.1:8080 (not .../api). Leave it unset to talk to Discord.",
        }),
    }
}

/// Loads a `.env` file from this folder or a parent into the process
/// environment, for development. Variables already set win. Returns the
/// file's path, or `None` when there is no such file.
pub fn load_dotenv() -> Result<Option<PathBuf>, ConfigError> {
    match dotenvy::dotenv() {
        Ok(path) => Ok(Some(path)),
        Err(error) if error.not_found() => Ok(None),
        Err(error) => Err(describe_dotenv_error(error)),
    }
}

fn describe_dotenv_error(error: dotenvy::Error) -> ConfigError {
    let path = ".env".to_owned();
    match error {
        dotenvy::Error::LineParse(line, _) => ConfigError::DotEnvLine { path, line },
        other => ConfigError::DotEnvUnreadable {
            path,
            reason: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config_from(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = pairs
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    fn invalid_variable(error: ConfigError) -> &'static str {
        match error {
            ConfigError::Invalid { variable, .. } => variable,
            other => panic!("expected an invalid value, got {other:?}"),
        }
    }

    #[test]
    fn nothing_set_gives_the_defaults() {
        let config = config_from(&[]).unwrap();
        assert_eq!(config.database_url, "sqlite:common-ground.db");
        assert_eq!(config.dev_guild_id, None);
        assert_eq!(config.discord_api_base, None);
        assert_eq!(config.retention_days, 365);
        assert_eq!(config.discord_token(), Err(ConfigError::MissingToken));
    }

    #[test]
    fn retention_is_a_whole_number_of_days() {
        let config = config_from(&[("RETENTION_DAYS", " 90 ")]).unwrap();
        assert_eq!(config.retention_days, 90);
        assert_eq!(
            config_from(&[("RETENTION_DAYS", "")])
                .unwrap()
                .retention_days,
            365
        );
        for bad in ["0", "-1", "a year", "1.5", "+30", "36501"] {
            let error = config_from(&[("RETENTION_DAYS", bad)]).unwrap_err();
            assert!(error.to_string().contains("such as 365"), "for {bad}");
            assert_eq!(invalid_variable(error), "RETENTION_DAYS", "for {bad}");
        }
    }

    #[test]
    fn every_variable_is_read_and_trimmed() {
        let config = config_from(&[
            ("DISCORD_TOKEN", " abc.def.ghi "),
            ("DATABASE_URL", "sqlite::memory:"),
            ("DEV_GUILD_ID", "123456789012345678"),
            ("DISCORD_API_BASE", "http://127.0.0.1:8080/"),
        ])
        .unwrap();
        assert_eq!(config.discord_token().unwrap().expose(), "abc.def.ghi");
        assert_eq!(config.database_url, "sqlite::memory:");
        assert_eq!(config.dev_guild_id, Some(123_456_789_012_345_678));
        assert_eq!(
            config.discord_api_base.as_deref(),
            Some("http://127.0.0.1:8080")
        );
    }

    #[test]
    fn empty_values_count_as_not_set() {
        let config = config_from(&[
            ("DISCORD_TOKEN", ""),
            ("DATABASE_URL", "  "),
            ("DEV_GUILD_ID", ""),
            ("DISCORD_API_BASE", ""),
            ("RETENTION_DAYS", " "),
        ])
        .unwrap();
        assert_eq!(config, config_from(&[]).unwrap());
    }

    #[test]
    fn an_empty_token_leaves_the_bare_command_to_run_the_demo() {
        let token = |value: &'static str| {
            move |name: &str| (name == "DISCORD_TOKEN").then(|| value.to_owned())
        };
        assert!(!discord_token_set_in(token("")));
        assert!(!discord_token_set_in(token("   ")));
        assert!(!discord_token_set_in(|_| None));
        assert!(discord_token_set_in(token("abc.def.ghi")));
    }

    #[test]
    fn the_missing_token_message_says_what_to_set_and_where_to_get_it() {
        let message = ConfigError::MissingToken.to_string();
        assert!(message.starts_with("DISCORD_TOKEN is not set."));
        assert!(message.contains(".env"));
        assert!(message.contains("https://discord.com/developers/applications"));
        assert!(message.contains("Reset Token"));
    }

    #[test]
    fn the_token_never_appears_in_debug_output() {
        let config = config_from(&[("DISCORD_TOKEN", "secret.token.value")]).unwrap();
        let debug = format!("{config:?}");
        assert!(!debug.contains("secret"));
        assert!(debug.contains("<hidden>"));
    }

    #[test]
    fn a_bad_guild_id_names_the_variable_and_shows_a_good_value() {
        for bad in ["abc", "-5", "0", "+12", "12.5", "99999999999999999999"] {
            let error = config_from(&[("DEV_GUILD_ID", bad)]).unwrap_err();
            let message = error.to_string();
            assert_eq!(invalid_variable(error), "DEV_GUILD_ID", "for {bad}");
            assert!(message.starts_with(&format!("DEV_GUILD_ID is set to \"{bad}\"")));
            assert!(message.contains("123456789012345678"));
        }
    }

    #[test]
    fn the_database_must_be_sqlite() {
        for bad in ["postgres://localhost/db", "common-ground.db", "sqlite:"] {
            let error = config_from(&[("DATABASE_URL", bad)]).unwrap_err();
            assert!(error.to_string().contains("sqlite:common-ground.db"));
            assert_eq!(invalid_variable(error), "DATABASE_URL");
        }
        let config = config_from(&[("DATABASE_URL", "sqlite:///tmp/x.db")]).unwrap();
        assert_eq!(config.database_url, "sqlite:///tmp/x.db");
    }

    #[test]
    fn the_api_base_is_a_scheme_and_host_without_a_path() {
        let config = config_from(&[("DISCORD_API_BASE", "https://fake.example")]).unwrap();
        assert_eq!(
            config.discord_api_base.as_deref(),
            Some("https://fake.example")
        );
        for bad in [
            "127.0.0.1:8080",
            "http://127.0.0.1:8080/api",
            "http://127.0.0.1:8080/api/v10",
            "ws://127.0.0.1:8080",
            "http://",
        ] {
            let error = config_from(&[("DISCORD_API_BASE", bad)]).unwrap_err();
            assert!(
                error
                    .to_string()
                    .contains("http://127.0.0.1:8080 (not .../api)")
            );
            assert_eq!(invalid_variable(error), "DISCORD_API_BASE", "for {bad}");
        }
    }

    #[test]
    fn dotenv_errors_say_what_a_line_should_look_like() {
        let error = describe_dotenv_error(dotenvy::Error::LineParse("TOKEN abc".to_owned(), 6));
        assert_eq!(
            error.to_string(),
            "The file .env has a line that cannot be read: \"TOKEN abc\". \
             Each line should look like NAME=value, or start with # for a comment."
        );
    }
}
