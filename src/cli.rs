//! The command line: run the bot, the demo, reports, imports and checks.
//! A thin front end over the service, like the bot.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::{Language, Toolkit};
use crate::prompts::{Catalogue, Words};
use crate::report::{self, Format};
use crate::service::{Clock, ResultsScope, RetentionOutcome, Service};

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
    /// Check a folder of toolkit files (the built-in ones when left out).
    CheckPrompts {
        /// The folder to check.
        dir: Option<PathBuf>,
    },
    /// Check a folder of reworded messages (the built-in ones when left out).
    CheckMessages {
        /// The folder to check: a subfolder per language (en-GB, cy).
        dir: Option<PathBuf>,
    },
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
    let toolkit = Arc::new(load_toolkit(cli.prompts.as_deref())?);
    let catalogue = Arc::new(load_catalogue(cli.locales.as_deref())?);
    match cli.command {
        None if !crate::config::discord_token_is_set() => {
            demo(
                toolkit,
                catalogue.words(Language::English),
                Path::new("common-ground-demo.db"),
                Path::new("demo-output"),
            )
            .await
        }
        None | Some(Command::Run) => run_bot(toolkit, catalogue).await,
        Some(Command::Demo { db, out }) => {
            demo(toolkit, catalogue.words(Language::English), &db, &out).await
        }
        Some(Command::Import {
            db,
            workshop,
            anonymity_threshold,
            votes,
        }) => {
            let service = open_service(&db, toolkit).await?;
            let text = std::fs::read_to_string(&votes)
                .with_context(|| format!("Could not read {}", votes.display()))?;
            let outcome = service
                .import_votes(&workshop, anonymity_threshold, &text)
                .await?;
            println!(
                "Imported {} votes into workshop {} \"{}\" ({} new participants, {} new relationships).",
                outcome.votes_written,
                outcome.workshop.id,
                outcome.workshop.title,
                outcome.participants_created,
                outcome.relationships_created
            );
            if outcome.relationships_created > 0 {
                println!(
                    "New relationships are recorded as shaping, place level, held directly: correct them in Discord with /relationship edit."
                );
            }
            println!(
                "Next: common-ground report --db {} --workshop {}",
                db.display(),
                outcome.workshop.id
            );
            Ok(())
        }
        Some(Command::Report {
            db,
            workshop,
            format,
            out,
        }) => {
            let service = open_service(&db, toolkit).await?;
            let workshop = service.find_workshop_by_id_or_title(&workshop).await?;
            let files = report::build(
                &service,
                &workshop,
                ResultsScope::Everything,
                format.into(),
                catalogue.words(Language::English),
            )
            .await?;
            match out {
                Some(path) => {
                    std::fs::write(&path, &files.main)
                        .with_context(|| format!("Could not write {}", path.display()))?;
                    println!("Wrote {}", path.display());
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
            let service = open_existing(&db, toolkit).await?;
            let removed = service.remove_expired_personal_data(days).await?;
            println!("{}", purge_summary(days, &removed));
            Ok(())
        }
        Some(Command::Backup { db, to }) => {
            let service = open_existing(&db, toolkit).await?;
            service.backup_to(&to).await?;
            println!(
                "Backed up {} to {}. To restore it, stop the bot and copy the backup over the database file.",
                db.display(),
                to.display()
            );
            Ok(())
        }
        Some(Command::CheckPrompts { dir }) => {
            let summary = match &dir {
                Some(dir) => crate::prompts::check_dir(dir)?,
                None => Toolkit::embedded()?.summary(),
            };
            println!("{summary}");
            Ok(())
        }
        Some(Command::CheckMessages { dir }) => {
            let checked = load_catalogue(dir.as_deref())?;
            let keys = checked.keys(Language::English).len();
            let words = catalogue.words(Language::English);
            match dir {
                Some(dir) => println!(
                    "{}",
                    crate::text!(
                        words,
                        "cli-messages-valid-rewording",
                        keys = keys,
                        folder = dir.display().to_string()
                    )
                ),
                None => println!("{}", crate::text!(words, "cli-messages-valid", keys = keys)),
            }
            Ok(())
        }
    }
}

/// What `purge` says it removed, in words.
fn purge_summary(days: u32, removed: &RetentionOutcome) -> String {
    if removed.workshops == 0 {
        return format!(
            "Nothing to remove: no workshop closed more than {days} days ago still holds personal data."
        );
    }
    format!(
        "Removed the personal data of {} workshop(s) closed more than {days} days ago: {} \
         participant(s) made anonymous, {} action owner(s) and {} relationship holder(s) cleared. \
         Votes and counts are kept.",
        removed.workshops, removed.participants, removed.actions, removed.relationships
    )
}

/// The shipped messages, with a council's rewording laid over them.
fn load_catalogue(dir: Option<&Path>) -> anyhow::Result<Catalogue> {
    Ok(match dir {
        Some(dir) => Catalogue::with_rewording(dir)?,
        None => Catalogue::embedded()?,
    })
}

fn load_toolkit(dir: Option<&Path>) -> anyhow::Result<Toolkit> {
    Ok(match dir {
        Some(dir) => Toolkit::load_dir(dir)?,
        None => Toolkit::embedded()?,
    })
}

async fn open_service(db: &Path, toolkit: Arc<Toolkit>) -> anyhow::Result<Service> {
    Service::connect(&db.to_string_lossy(), toolkit, Clock::System)
        .await
        .with_context(|| format!("Could not open the database {}", db.display()))
}

/// The service over a database that must already exist, for the commands
/// that look after one: a mistyped path should not make a new, empty file.
async fn open_existing(db: &Path, toolkit: Arc<Toolkit>) -> anyhow::Result<Service> {
    if !db.is_file() {
        anyhow::bail!(
            "There is no database {}. Give the file the bot uses (see DATABASE_URL).",
            db.display()
        );
    }
    open_service(db, toolkit).await
}

async fn demo(
    toolkit: Arc<Toolkit>,
    words: Words<'_>,
    db_path: &Path,
    out: &Path,
) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db_path.as_os_str().to_owned();
        path.push(suffix);
        match std::fs::remove_file(&path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(error).with_context(|| {
                    format!("Could not replace the demo database {}", db_path.display())
                });
            }
            _ => {}
        }
    }
    if let Some(folder) = db_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("Could not create {}", folder.display()))?;
    }
    let service = open_service(db_path, toolkit).await?;
    let workshop = crate::demo::build(&service).await?;
    let text = report::build(
        &service,
        &workshop,
        ResultsScope::Everything,
        Format::Text,
        words,
    )
    .await?;
    print!("{}", String::from_utf8_lossy(&text.main));
    std::fs::create_dir_all(out).with_context(|| format!("Could not create {}", out.display()))?;
    let mut written = Vec::new();
    for format in [Format::Markdown, Format::Csv, Format::Json, Format::Html] {
        let files =
            report::build(&service, &workshop, ResultsScope::Everything, format, words).await?;
        let path = out.join(format!("report.{}", format.extension()));
        std::fs::write(&path, &files.main)
            .with_context(|| format!("Could not write {}", path.display()))?;
        written.push(path);
        for attachment in files.attachments {
            let path = out.join(attachment.name);
            std::fs::write(&path, attachment.bytes)
                .with_context(|| format!("Could not write {}", path.display()))?;
            written.push(path);
        }
    }
    println!();
    println!("Reports and charts written to {}:", out.display());
    for path in written {
        println!("  {}", path.display());
    }
    println!(
        "The demo database is {}. Try: common-ground report --db {} --workshop {} --format md",
        db_path.display(),
        db_path.display(),
        workshop.id
    );
    Ok(())
}

async fn run_bot(toolkit: Arc<Toolkit>, catalogue: Arc<Catalogue>) -> anyhow::Result<()> {
    let config = crate::config::Config::from_env()?;
    config.discord_token()?;
    let service = Service::connect(&config.database_url, toolkit, Clock::System)
        .await
        .context("Could not open the database")?;
    crate::bot::start(config, service, catalogue).await
}
