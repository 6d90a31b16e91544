//! The command line: run the bot, the demo, reports, imports and checks.
//! A thin front end over the service, like the bot.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::{Language, Toolkit, Toolkits, WorkshopLanguage};
use crate::prompts::{Catalogue, Words};
use crate::report::{self, Format};
use crate::service::{Clock, ResultsScope, RetentionOutcome, Service};
use crate::text;

#[derive(Debug, Parser)]
#[command(
    name = "common-ground",
    version,
    about = "Runs the LGA / Locality self-assessment for council and VCS partnership working.",
    long_about = "Runs the LGA / Locality self-assessment for council and VCS partnership working.\n\n\
                  With no command: runs the Discord bot when DISCORD_TOKEN is set, and the offline demo workshop when it is not."
)]
pub struct Cli {
    /// A folder of reworded toolkit files to use instead of the built-in ones.
    #[arg(long, global = true, env = "PROMPTS_DIR")]
    pub prompts: Option<PathBuf>,
    /// A folder of reworded messages laid over the built-in ones
    /// (`en-GB/bot.ftl`, … holding only the messages you change).
    #[arg(long, global = true, env = "LOCALES_DIR")]
    pub locales: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the Discord bot (needs DISCORD_TOKEN; see .env.example).
    Run,
    /// Run a complete example partnership offline and print its report.
    Demo {
        /// The SQLite file to create afresh for the demo.
        #[arg(long, default_value = "common-ground-demo.db")]
        db: PathBuf,
        /// Where to write the Markdown, CSV, JSON and HTML reports and charts.
        #[arg(long, default_value = "demo-output")]
        out: PathBuf,
        /// The workshop's language: english, welsh, or bilingual (Welsh first).
        #[arg(long, value_enum, default_value = "english")]
        language: LanguageArg,
    },
    /// Import votes collected on paper or in another tool, from a CSV file
    /// with the columns participant,side,item,subject,value.
    Import {
        /// The SQLite file to import into (created if missing).
        #[arg(long)]
        db: PathBuf,
        /// The workshop's title: an existing offline workshop of that title is reused.
        #[arg(long)]
        workshop: String,
        /// How many voters a group needs before its figures are shown (1–10).
        #[arg(long)]
        anonymity_threshold: Option<u8>,
        /// The CSV file of votes.
        votes: PathBuf,
    },
    /// Print or write the results of a workshop.
    Report {
        /// The SQLite file to read.
        #[arg(long)]
        db: PathBuf,
        /// The workshop's number or title.
        #[arg(long)]
        workshop: String,
        /// The report's format.
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        /// Write to this file instead of printing.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Remove the personal data (names, Discord ids, organisations) of
    /// workshops closed longer ago than the retention period, leaving
    /// anonymous counts. The bot does this by itself every few hours.
    Purge {
        /// The SQLite file to clean.
        #[arg(long)]
        db: PathBuf,
        /// Days a closed workshop's personal data is kept (default:
        /// RETENTION_DAYS, or 365).
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=36_500))]
        older_than: Option<u32>,
    },
    /// Take a consistent copy of the database, even while the bot is running.
    Backup {
        /// The SQLite file to copy.
        #[arg(long)]
        db: PathBuf,
        /// The new file to write; it must not exist yet.
        #[arg(long)]
        to: PathBuf,
    },
    /// Check a folder of toolkit files (the built-in ones, in every language,
    /// when left out); a folder split by language must match across languages.
    CheckPrompts {
        /// The folder to check: the five files, or a folder of them per language (en-GB/, cy/).
        dir: Option<PathBuf>,
    },
    /// Check a folder of reworded messages (the built-in ones when left out).
    CheckMessages {
        /// The folder to check: a subfolder per language (en-GB, cy).
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LanguageArg {
    English,
    Welsh,
    Bilingual,
}

impl From<LanguageArg> for WorkshopLanguage {
    fn from(language: LanguageArg) -> Self {
        match language {
            LanguageArg::English => WorkshopLanguage::English,
            LanguageArg::Welsh => WorkshopLanguage::Welsh,
            LanguageArg::Bilingual => WorkshopLanguage::Bilingual,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Text,
    Md,
    Csv,
    Json,
    Html,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Text => Format::Text,
            FormatArg::Md => Format::Markdown,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
        }
    }
}

/// Runs the command and turns failures into a message and an exit code:
/// 2 for a configuration problem the person can fix, 1 for anything else.
pub async fn run(cli: Cli) -> ExitCode {
    if let Err(error) = crate::config::load_dotenv() {
        eprintln!("{error}");
        return ExitCode::from(2);
    }
    crate::telemetry::init();
    match dispatch(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let code = if error.downcast_ref::<crate::config::ConfigError>().is_some() {
                2
            } else {
                1
            };
            eprintln!("{error:#}");
            ExitCode::from(code)
        }
    }
}

async fn dispatch(cli: Cli) -> anyhow::Result<()> {
    let toolkits = load_toolkits(cli.prompts.as_deref())?;
    let catalogue = Arc::new(load_catalogue(cli.locales.as_deref())?);
    let words = catalogue.words(Language::English);
    match cli.command {
        None if !crate::config::discord_token_is_set() => {
            demo(
                &words,
                toolkits,
                &catalogue,
                Path::new("common-ground-demo.db"),
                Path::new("demo-output"),
                WorkshopLanguage::English,
            )
            .await
        }
        None | Some(Command::Run) => run_bot(&words, toolkits, catalogue.clone()).await,
        Some(Command::Demo { db, out, language }) => {
            demo(&words, toolkits, &catalogue, &db, &out, language.into()).await
        }
        Some(Command::Import {
            db,
            workshop,
            anonymity_threshold,
            votes,
        }) => {
            let service = open_service(&words, &db, toolkits).await?;
            let votes_text = std::fs::read_to_string(&votes)
                .with_context(|| text!(words, "cli-could-not-read", path = shown(&votes)))?;
            let outcome = service
                .import_votes(&workshop, anonymity_threshold, &votes_text)
                .await?;
            println!(
                "{}",
                text!(
                    words,
                    "cli-imported",
                    votes = outcome.votes_written,
                    workshop = outcome.workshop.id.0,
                    title = outcome.workshop.settings.title.as_str(),
                    participants = outcome.participants_created,
                    relationships = outcome.relationships_created
                )
            );
            if outcome.relationships_created > 0 {
                println!("{}", text!(words, "cli-imported-relationships"));
            }
            println!(
                "{}",
                text!(
                    words,
                    "cli-imported-next",
                    db = shown(&db),
                    workshop = outcome.workshop.id.0
                )
            );
            Ok(())
        }
        Some(Command::Report {
            db,
            workshop,
            format,
            out,
        }) => {
            let service = open_service(&words, &db, toolkits).await?;
            let workshop = service.find_workshop_by_id_or_title(&workshop).await?;
            let files = report::build(
                &service,
                &catalogue,
                &workshop,
                ResultsScope::Everything,
                format.into(),
            )
            .await?;
            match out {
                Some(path) => {
                    std::fs::write(&path, &files.main).with_context(|| {
                        text!(words, "cli-could-not-write", path = shown(&path))
                    })?;
                    println!("{}", text!(words, "cli-wrote", path = shown(&path)));
                }
                None => print!("{}", String::from_utf8_lossy(&files.main)),
            }
            Ok(())
        }
        Some(Command::Purge { db, older_than }) => {
            let days = match older_than {
                Some(days) => days,
                None => crate::config::Config::from_env()?.retention_days,
            };
            let service = open_existing(&words, &db, toolkits).await?;
            let removed = service.remove_expired_personal_data(days).await?;
            println!("{}", purge_summary(&words, days, &removed));
            Ok(())
        }
        Some(Command::Backup { db, to }) => {
            let service = open_existing(&words, &db, toolkits).await?;
            service.backup_to(&to).await?;
            println!(
                "{}",
                text!(words, "cli-backed-up", db = shown(&db), copy = shown(&to))
            );
            Ok(())
        }
        Some(Command::CheckPrompts { dir }) => {
            let report = match &dir {
                Some(dir) => crate::prompts::check_dir(dir)?,
                None => crate::prompts::check_embedded()?,
            };
            println!("{report}");
            Ok(())
        }
        Some(Command::CheckMessages { dir }) => {
            let checked = load_catalogue(dir.as_deref())?;
            let gaps = checked.gaps();
            if !gaps.is_empty() {
                let listed: Vec<String> = gaps.iter().map(ToString::to_string).collect();
                anyhow::bail!(
                    "{}\n{}",
                    text!(words, "cli-messages-gaps", count = gaps.len()),
                    listed.join("\n")
                );
            }
            let keys = checked.keys(Language::English).len();
            match dir {
                Some(dir) => println!(
                    "{}",
                    text!(
                        words,
                        "cli-messages-valid-rewording",
                        keys = keys,
                        folder = dir.display().to_string()
                    )
                ),
                None => println!("{}", text!(words, "cli-messages-valid", keys = keys)),
            }
            Ok(())
        }
    }
}

/// What `purge` says it removed, in words.
fn purge_summary(words: &Words, days: u32, removed: &RetentionOutcome) -> String {
    if removed.workshops == 0 {
        return text!(words, "cli-purged-nothing", days = days);
    }
    text!(
        words,
        "cli-purged",
        days = days,
        workshops = removed.workshops,
        participants = removed.participants,
        actions = removed.actions,
        relationships = removed.relationships
    )
}

/// A path as a person reads it in a message.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The shipped messages, with a council's rewording laid over them.
fn load_catalogue(dir: Option<&Path>) -> anyhow::Result<Catalogue> {
    Ok(match dir {
        Some(dir) => Catalogue::with_rewording(dir)?,
        None => Catalogue::embedded()?,
    })
}

/// The toolkit in English and Welsh: shipped, or from a council's folder
/// (one wording for both, or a folder per language).
fn load_toolkits(dir: Option<&Path>) -> anyhow::Result<Toolkits> {
    let load = |language| match dir {
        Some(dir) => Toolkit::load_dir_in(dir, language),
        None => Toolkit::embedded_in(language),
    };
    Ok(Toolkits::new(
        load(Language::English)?,
        load(Language::Welsh)?,
    ))
}

async fn open_service(words: &Words<'_>, db: &Path, toolkits: Toolkits) -> anyhow::Result<Service> {
    Service::connect(&db.to_string_lossy(), toolkits, Clock::System)
        .await
        .with_context(|| text!(words, "cli-could-not-open-database", path = shown(db)))
}

/// The service over a database that must already exist, for the commands
/// that look after one: a mistyped path should not make a new, empty file.
async fn open_existing(
    words: &Words<'_>,
    db: &Path,
    toolkits: Toolkits,
) -> anyhow::Result<Service> {
    if !db.is_file() {
        anyhow::bail!(text!(words, "cli-no-database", path = shown(db)));
    }
    open_service(words, db, toolkits).await
}

async fn demo(
    words: &Words<'_>,
    toolkits: Toolkits,
    catalogue: &Arc<Catalogue>,
    db_path: &Path,
    out: &Path,
    language: WorkshopLanguage,
) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db_path.as_os_str().to_owned();
        path.push(suffix);
        match std::fs::remove_file(&path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(error).with_context(|| {
                    text!(words, "demo-could-not-replace", path = shown(db_path))
                });
            }
            _ => {}
        }
    }
    let could_not_create =
        |folder: &Path| text!(words, "cli-could-not-create", path = shown(folder));
    let could_not_write = |file: &Path| text!(words, "cli-could-not-write", path = shown(file));
    if let Some(folder) = db_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).with_context(|| could_not_create(folder))?;
    }
    let service = open_service(words, db_path, toolkits).await?;
    let workshop = crate::demo::build(&service, language).await?;
    // Every format from one computation of the results.
    let results = service.results(&workshop, ResultsScope::Everything).await?;
    let mut reports = report::build_from(
        &service,
        catalogue,
        results,
        ResultsScope::Everything,
        &Format::ALL,
    )
    .await?
    .into_iter()
    .zip(Format::ALL);
    if let Some((text, _)) = reports.next() {
        print!("{}", String::from_utf8_lossy(&text.main));
    }
    std::fs::create_dir_all(out).with_context(|| could_not_create(out))?;
    let mut written = Vec::new();
    for (files, format) in reports {
        let path = out.join(format!("report.{}", format.extension()));
        std::fs::write(&path, &files.main).with_context(|| could_not_write(&path))?;
        written.push(path);
        for attachment in files.attachments {
            let path = out.join(attachment.name);
            std::fs::write(&path, attachment.bytes).with_context(|| could_not_write(&path))?;
            written.push(path);
        }
    }
    println!();
    println!("{}", text!(words, "demo-written", folder = shown(out)));
    for path in written {
        println!("  {}", path.display());
    }
    println!(
        "{}",
        text!(
            words,
            "demo-next",
            db = shown(db_path),
            workshop = workshop.id.0
        )
    );
    Ok(())
}

async fn run_bot(
    words: &Words<'_>,
    toolkits: Toolkits,
    catalogue: Arc<Catalogue>,
) -> anyhow::Result<()> {
    let config = crate::config::Config::from_env()?;
    config.discord_token()?;
    let service = Service::connect(&config.database_url, toolkits, Clock::System)
        .await
        .context(text!(words, "cli-could-not-open-bot-database"))?;
    crate::bot::start(config, service, catalogue).await
}
