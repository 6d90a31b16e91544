//! The one repository over the SQLite pool. SQL lives here and nowhere else;
//! rows become the domain's records here and nowhere else.
//!
//! Enumerations are stored as their `as_str()` words and parsed back with
//! `FromStr`; a stored value this version cannot read is a
//! [`DbError::Decode`], never a panic.

mod actions;
mod import;
mod participants;
mod relationships;
mod rounds;
mod workshops;

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use actions::NewAction;
pub use import::{ImportBatch, ImportOutcome, ImportVote};
pub use participants::{FORMER_PARTICIPANT, NewParticipant};
pub use relationships::NewRelationship;
pub use workshops::NewWorkshop;

/// What can go wrong in the database layer. Only the conflicts the service
/// must tell apart get their own variant; the rest are bugs or outages.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("could not bring the database up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value this version of the program cannot read.
    #[error("the database holds {value:?} in {column}, which cannot be read: {reason}")]
    Decode {
        column: &'static str,
        value: String,
        reason: String,
    },
    /// An update or import named a record that is not there.
    #[error("there is no {what} {key}")]
    Missing { what: &'static str, key: String },
    #[error("a relationship called \"{0}\" is already registered in this workshop")]
    DuplicateRelationshipName(String),
}

/// The repository. Cheap to clone: it shares one pool.
#[derive(Debug, Clone)]
pub struct Db {
    pool: SqlitePool,
}

impl Db {
    /// Opens (creating if missing) the database at a `sqlite:` URL or a plain
    /// file path, and brings its schema up to date.
    #[tracing::instrument]
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        let options = if url.starts_with("sqlite:") {
            SqliteConnectOptions::from_str(url)?
        } else {
            SqliteConnectOptions::new().filename(url)
        };
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true)
            .synchronous(SqliteSynchronous::Normal);
        let pool = SqlitePoolOptions::new().connect_with(options).await?;
        sqlx::migrate!().run(&pool).await?;
        Ok(Db { pool })
    }

    /// Wraps a pool whose schema is already up to date (as `#[sqlx::test]`
    /// gives one).
    pub fn from_pool(pool: SqlitePool) -> Db {
        Db { pool }
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Starts a transaction that takes the write lock at once, so a read
    /// followed by a write cannot fail half-way on another writer.
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, DbError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

fn decode_error(
    column: &'static str,
    value: impl fmt::Display,
    reason: impl fmt::Display,
) -> DbError {
    DbError::Decode {
        column,
        value: value.to_string(),
        reason: reason.to_string(),
    }
}

/// Parses a stored word (an enum's `as_str()`, an item id) back.
fn parse_stored<T>(column: &'static str, stored: &str) -> Result<T, DbError>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    stored
        .parse()
        .map_err(|reason| decode_error(column, stored, reason))
}

/// Reads a stored small number (a threshold, a vote) into its validated type.
fn small_number<T>(column: &'static str, stored: i64) -> Result<T, DbError>
where
    T: TryFrom<u8>,
    T::Error: fmt::Display,
{
    let byte = u8::try_from(stored).map_err(|reason| decode_error(column, stored, reason))?;
    T::try_from(byte).map_err(|reason| decode_error(column, stored, reason))
}

/// Turns "no row changed" into [`DbError::Missing`].
fn require_changed(
    result: sqlx::sqlite::SqliteQueryResult,
    what: &'static str,
    id: i64,
) -> Result<(), DbError> {
    if result.rows_affected() == 0 {
        Err(DbError::Missing {
            what,
            key: id.to_string(),
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn connect_creates_a_wal_database_with_foreign_keys_and_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("common-ground.sqlite");
        let db = Db::connect(path.to_str().unwrap()).await.unwrap();

        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(foreign_keys, 1);
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(synchronous, 1, "1 is NORMAL");
        let tables: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN
             ('workshops', 'participants', 'relationships', 'rounds', 'votes',
              'reveals', 'actions', 'action_responses')",
        )
        .fetch_one(db.pool())
        .await
        .unwrap();
        assert_eq!(tables, 8);
        assert!(path.exists());
    }

    #[tokio::test]
    async fn connect_opens_an_in_memory_database_for_tests_and_demos() {
        let db = Db::connect("sqlite::memory:").await.unwrap();
        let workshops: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM workshops")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(workshops, 0);
    }

    #[tokio::test]
    async fn connect_accepts_a_sqlite_url_and_runs_migrations_once() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("by-url.sqlite").display());
        drop(Db::connect(&url).await.unwrap());
        // A second start finds the migrations already applied.
        let db = Db::connect(&url).await.unwrap();
        let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(applied, sqlx::migrate!().migrations.len() as i64);
    }
}
