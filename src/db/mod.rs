//! The one repository over the SQLite pool. SQL lives here and nowhere else;
//! rows become the domain's records here and nowhere else.
//!
//! Enumerations are stored as their `as_str()` words and parsed back with
//! `FromStr`; a stored value this version cannot read is a
//! [`DbError::Decode`], never a panic.

mod actions;
mod counts;
mod drafts;
mod import;
mod languages;
mod participants;
mod personal;
mod relationships;
mod round_items;
mod rounds;
#[cfg(test)]
mod testing;
mod workshops;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Encode, FromRow, Row, Sqlite, SqliteExecutor, SqlitePool, Type};

pub use actions::NewAction;
pub use drafts::ActionDraft;
pub use import::{ImportBatch, ImportOutcome, ImportVote};
pub use participants::{FORMER_PARTICIPANT, NewParticipant};
pub use personal::{
    ActionRecord, ParticipationRecord, PersonalData, REMOVED_OWNER, ResponseRecord,
    RetentionOutcome, RevealRecord, VoteRecord,
};
pub use rounds::{OpenedRound, RoundOpening, VoteCard};

/// What can go wrong in the database layer. Only the conflicts the service
/// must tell apart get their own variant; the rest are bugs or outages.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// A statement failed; `operation` says what the program was doing, in
    /// words that carry no personal data.
    #[error("database error while trying to {operation}: {source}")]
    Query {
        operation: &'static str,
        source: sqlx::Error,
    },
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
    /// The assessment already has an open round for this subject.
    #[error("this assessment already has an open round for that subject")]
    RoundAlreadyOpen,
    #[error("cannot back up to {}: {reason}", path.display())]
    BackupTarget { path: PathBuf, reason: &'static str },
}

/// Names the operation a failed statement was part of.
trait During<T> {
    fn during(self, operation: &'static str) -> Result<T, DbError>;
}

impl<T> During<T> for Result<T, sqlx::Error> {
    fn during(self, operation: &'static str) -> Result<T, DbError> {
        self.map_err(|source| query_error(source, operation))
    }
}

fn query_error(source: sqlx::Error, operation: &'static str) -> DbError {
    match source {
        // A stored value a record could not be built from (see
        // `impl From<DbError> for sqlx::Error`) comes back as itself.
        sqlx::Error::Decode(reason) => match reason.downcast::<DbError>() {
            Ok(stored) => *stored,
            Err(reason) => DbError::Query {
                operation,
                source: sqlx::Error::Decode(reason),
            },
        },
        source => DbError::Query { operation, source },
    }
}

/// Lets a `FromRow` that builds a domain record straight from a row fail
/// with [`DbError::Decode`]; [`query_error`] unwraps it again.
impl From<DbError> for sqlx::Error {
    fn from(error: DbError) -> Self {
        sqlx::Error::Decode(Box::new(error))
    }
}

/// The repository. Cheap to clone: it shares one pool.
#[derive(Debug, Clone)]
pub struct Db {
    pool: SqlitePool,
}

/// A record that sqlx builds from one row.
trait Record: for<'row> FromRow<'row, SqliteRow> + Send + Unpin {}
impl<R> Record for R where R: for<'row> FromRow<'row, SqliteRow> + Send + Unpin {}

/// A value that a query's one `?` binds.
trait Key<'q>: 'q + Encode<'q, Sqlite> + Type<Sqlite> + Send {}
impl<'q, K> Key<'q> for K where K: 'q + Encode<'q, Sqlite> + Type<Sqlite> + Send {}

impl Db {
    /// Opens (creating if missing) the database at a `sqlite:` URL or a plain
    /// file path, and brings its schema up to date.
    ///
    /// Before applying a migration to a database that already has some, it
    /// takes a copy next to the file (see [`backup_before_migrating`]).
    #[tracing::instrument]
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        let options = if url.starts_with("sqlite:") {
            SqliteConnectOptions::from_str(url).during("read the database address")?
        } else {
            SqliteConnectOptions::new().filename(url)
        };
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true)
            // Every commit reaches the disk before it returns, so a vote the
            // bot confirmed survives a power cut, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            // Deleted text is overwritten with zeros, so a forgotten name
            // does not linger in the file's free pages.
            .pragma("secure_delete", "ON");
        let pool = SqlitePoolOptions::new()
            .connect_with(options)
            .await
            .during("open the database")?;
        let migrator = sqlx::migrate!();
        let db = Db { pool };
        if let Some(backup) = db.backup_before_migrating(&migrator).await? {
            tracing::info!(backup = %backup.display(), "copied the database before updating its schema");
        }
        migrator.run(&db.pool).await?;
        Ok(db)
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
    async fn begin_write(
        &self,
        operation: &'static str,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, DbError> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .during(operation)
    }

    /// Runs `sql`, an UPDATE that sets one value (its first `?`) on the row
    /// of the `what` with this `id` (its last `?`). There must be such a row.
    async fn update_row<'q>(
        &self,
        sql: &'static str,
        value: impl Key<'q>,
        (what, id): (&'static str, i64),
        operation: &'static str,
    ) -> Result<(), DbError> {
        let result = sqlx::query(sql)
            .bind(value)
            .bind(id)
            .execute(&self.pool)
            .await
            .during(operation)?;
        require_changed(result, what, id)
    }

    /// Writes a consistent copy of the database to a new file, while the
    /// bot goes on using it (`VACUUM INTO` reads one snapshot). The file
    /// must not exist yet.
    #[tracing::instrument(skip(self))]
    pub async fn backup_to(&self, path: &Path) -> Result<(), DbError> {
        if path.exists() {
            return Err(DbError::BackupTarget {
                path: path.to_owned(),
                reason: "a file with that name already exists",
            });
        }
        let target = path.to_str().ok_or_else(|| DbError::BackupTarget {
            path: path.to_owned(),
            reason: "the path is not valid UTF-8",
        })?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(&self.pool)
            .await
            .during("back up the database")?;
        Ok(())
    }

    /// If the database is a file that already has migrations applied and
    /// `migrator` has more, copies it to
    /// `<file>.before-migration-<first new version>.bak` (or `.1.bak`, `.2.bak`
    /// if that exists) and returns the copy's path. A new or in-memory
    /// database, or one already up to date, is left alone.
    async fn backup_before_migrating(
        &self,
        migrator: &sqlx::migrate::Migrator,
    ) -> Result<Option<PathBuf>, DbError> {
        let file: String =
            sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
                .fetch_one(&self.pool)
                .await
                .during("find the database file")?;
        if file.is_empty() {
            return Ok(None);
        }
        let has_migrations: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master
                            WHERE type = 'table' AND name = '_sqlx_migrations')",
        )
        .fetch_one(&self.pool)
        .await
        .during("read which migrations are applied")?;
        if !has_migrations {
            return Ok(None);
        }
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1")
                .fetch_all(&self.pool)
                .await
                .during("read which migrations are applied")?;
        if applied.is_empty() {
            return Ok(None);
        }
        let Some(first_new) = migrator
            .iter()
            .map(|migration| migration.version)
            .find(|version| !applied.contains(version))
        else {
            return Ok(None);
        };
        let mut backup = PathBuf::from(format!("{file}.before-migration-{first_new:04}.bak"));
        let mut attempt = 0;
        while backup.exists() {
            attempt += 1;
            backup = PathBuf::from(format!(
                "{file}.before-migration-{first_new:04}.{attempt}.bak"
            ));
        }
        self.backup_to(&backup).await?;
        Ok(Some(backup))
    }

    /// Moves everything in the write-ahead log into the database file and
    /// empties the log, so text just removed is gone from both files. A
    /// reader holding an old snapshot can make it stop short; the next
    /// checkpoint finishes the job.
    async fn checkpoint(&self) -> Result<(), DbError> {
        let (busy, _log_frames, _moved_frames): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.pool)
                .await
                .during("write the log into the database file")?;
        if busy != 0 {
            tracing::warn!("the log could not be emptied yet: another reader was busy");
        }
        Ok(())
    }
}

/// Every record that a query with one `?` finds for `key`, in its order,
/// read from the pool or inside a transaction.
async fn records_where<'q, R: Record>(
    executor: impl SqliteExecutor<'_>,
    sql: &'static str,
    key: impl Key<'q>,
    operation: &'static str,
) -> Result<Vec<R>, DbError> {
    sqlx::query_as(sql)
        .bind(key)
        .fetch_all(executor)
        .await
        .during(operation)
}

/// The first record, if any, that a query with one `?` finds for `key`: the
/// one with that unique key, or the first in the query's order.
async fn record_where<'q, R: Record>(
    executor: impl SqliteExecutor<'_>,
    sql: &'static str,
    key: impl Key<'q>,
    operation: &'static str,
) -> Result<Option<R>, DbError> {
    sqlx::query_as(sql)
        .bind(key)
        .fetch_optional(executor)
        .await
        .during(operation)
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

/// Parses the stored word in `column` (`table.column`) of a row.
fn parse_column<T>(row: &SqliteRow, column: &'static str) -> sqlx::Result<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    let stored: String = row.try_get(column_name(column))?;
    Ok(parse_stored(column, &stored)?)
}

/// Reads the small number in `column` (`table.column`) of a row.
fn small_number_column<T>(row: &SqliteRow, column: &'static str) -> sqlx::Result<T>
where
    T: TryFrom<u8>,
    T::Error: fmt::Display,
{
    Ok(small_number(column, row.try_get(column_name(column))?)?)
}

/// The column's own name in `table.column`.
fn column_name(column: &str) -> &str {
    column.split_once('.').map_or(column, |(_, name)| name)
}

/// Reads a stored small number (a threshold, a vote) into its validated type.
fn small_number<T>(column: &'static str, stored: i64) -> Result<T, DbError>
where
    T: TryFrom<u8>,
    T::Error: fmt::Display,
{
    let byte: u8 = narrow_number(column, stored)?;
    T::try_from(byte).map_err(|reason| decode_error(column, stored, reason))
}

/// Reads a stored integer (a count, a position) into the narrower integer
/// type it must fit.
fn narrow_number<T>(column: &'static str, stored: i64) -> Result<T, DbError>
where
    T: TryFrom<i64>,
    T::Error: fmt::Display,
{
    T::try_from(stored).map_err(|reason| decode_error(column, stored, reason))
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
    use crate::db::testing::{add_spring_review, scalar};
    use crate::domain::Workshop;

    #[tokio::test]
    async fn connect_creates_a_wal_database_with_foreign_keys_and_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("common-ground.sqlite");
        let db = Db::connect(path.to_str().unwrap()).await.unwrap();

        let mode: String = scalar(db.pool(), "PRAGMA journal_mode").await;
        assert_eq!(mode, "wal");
        let foreign_keys: i64 = scalar(db.pool(), "PRAGMA foreign_keys").await;
        assert_eq!(foreign_keys, 1);
        let synchronous: i64 = scalar(db.pool(), "PRAGMA synchronous").await;
        assert_eq!(synchronous, 2, "2 is FULL");
        let secure_delete: i64 = scalar(db.pool(), "PRAGMA secure_delete").await;
        assert_eq!(secure_delete, 1);
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
        let workshops: i64 = scalar(db.pool(), "SELECT COUNT(*) FROM workshops").await;
        assert_eq!(workshops, 0);
    }

    #[tokio::test]
    async fn connect_accepts_a_sqlite_url_and_runs_migrations_once() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("by-url.sqlite").display());
        drop(Db::connect(&url).await.unwrap());
        // A second start finds the migrations already applied.
        let db = Db::connect(&url).await.unwrap();
        let applied: i64 = scalar(db.pool(), "SELECT COUNT(*) FROM _sqlx_migrations").await;
        assert_eq!(applied, sqlx::migrate!().migrations.len() as i64);
    }

    fn file_bytes_contain(path: &Path, needle: &str) -> bool {
        let wal = PathBuf::from(format!("{}-wal", path.display()));
        [path.to_owned(), wal]
            .iter()
            .filter(|file| file.exists())
            .map(|file| std::fs::read(file).unwrap())
            .any(|bytes| {
                bytes
                    .windows(needle.len())
                    .any(|window| window == needle.as_bytes())
            })
    }

    /// A database in the file `name` of a new directory (there while the
    /// `TempDir` is), with one workshop, "Spring review", in the server 100.
    async fn file_db_with_workshop(name: &str) -> (tempfile::TempDir, PathBuf, Db, Workshop) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        let db = Db::connect(path.to_str().unwrap()).await.unwrap();
        let workshop = add_spring_review(&db).await;
        (dir, path, db, workshop)
    }

    #[tokio::test]
    async fn a_forgotten_name_is_gone_from_the_files_bytes() {
        use crate::db::participants::tests::discord_person;
        use crate::db::testing::add_person;
        use crate::domain::Side;

        let (_dir, path, db, workshop) = file_db_with_workshop("forget.sqlite").await;
        let name = "Quillon Featherstonehaugh";
        let organisation = "Zephyrine Allotment Trust";
        let mut person = discord_person(workshop.id, 555, name, Side::Vcs);
        person.organisation = Some(organisation.to_owned());
        db.join(&person).await.unwrap();
        // Others join after, so the freed space sits between their entries.
        for (external_id, other) in [(777, "Bob"), (778, "Cy"), (779, "Di")] {
            add_person(&db, workshop.id, external_id, other, Side::Council).await;
        }
        assert!(
            file_bytes_contain(&path, name),
            "the name was never written"
        );

        assert_eq!(db.forget_person(555).await.unwrap(), 1);
        // Parts of freed text can survive where whole text does not, so
        // every word is looked for.
        for word in name
            .split(' ')
            .chain(organisation.split(' '))
            .filter(|w| w.len() > 5)
        {
            assert!(
                !file_bytes_contain(&path, word),
                "{word:?} is still in the file"
            );
        }
        assert!(file_bytes_contain(&path, "Bob"));
    }

    /// A file database with the first `through` migrations applied and one
    /// workshop in it, as an older version of the program left it.
    async fn older_database(path: &Path, through: i64) {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal);
        let pool = SqlitePoolOptions::new()
            .connect_with(options)
            .await
            .unwrap();
        sqlx::migrate!().run_to(through, &pool).await.unwrap();
        sqlx::query(
            "INSERT INTO workshops (title, mode, anonymity_threshold, created_at)
             VALUES ('Kept', 'async', 3, '2025-03-14T09:00:00Z')",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }

    async fn open_copy(path: &Path) -> SqlitePool {
        let options = SqliteConnectOptions::new().filename(path).read_only(true);
        SqlitePoolOptions::new()
            .connect_with(options)
            .await
            .unwrap()
    }

    fn backups_beside(path: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".bak"))
            .collect();
        names.sort();
        names
    }

    #[tokio::test]
    async fn a_new_migration_is_applied_only_after_a_copy_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("upgrade.sqlite");
        older_database(&path, 2).await;

        let db = Db::connect(path.to_str().unwrap()).await.unwrap();
        assert_eq!(
            backups_beside(&path),
            vec!["upgrade.sqlite.before-migration-0003.bak".to_owned()]
        );
        let copy = open_copy(&dir.path().join("upgrade.sqlite.before-migration-0003.bak")).await;
        let newest: i64 = scalar(&copy, "SELECT MAX(version) FROM _sqlx_migrations").await;
        assert_eq!(newest, 2);
        let title: String = scalar(&copy, "SELECT title FROM workshops").await;
        assert_eq!(title, "Kept");
        let applied: i64 = scalar(db.pool(), "SELECT COUNT(*) FROM _sqlx_migrations").await;
        assert_eq!(applied, sqlx::migrate!().migrations.len() as i64);
        drop(db);

        // Up to date: no copy. A brand-new file: no copy either.
        drop(Db::connect(path.to_str().unwrap()).await.unwrap());
        drop(
            Db::connect(dir.path().join("new.sqlite").to_str().unwrap())
                .await
                .unwrap(),
        );
        assert_eq!(backups_beside(&path).len(), 1);
    }

    #[tokio::test]
    async fn a_second_copy_before_the_same_migration_gets_its_own_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("again.sqlite");
        older_database(&path, 2).await;
        std::fs::write(
            dir.path().join("again.sqlite.before-migration-0003.bak"),
            b"older",
        )
        .unwrap();
        drop(Db::connect(path.to_str().unwrap()).await.unwrap());
        assert_eq!(
            backups_beside(&path),
            vec![
                "again.sqlite.before-migration-0003.1.bak".to_owned(),
                "again.sqlite.before-migration-0003.bak".to_owned(),
            ]
        );
    }

    #[sqlx::test(migrations = false)]
    async fn the_migration_closes_duplicate_open_rounds_keeping_the_newest(pool: SqlitePool) {
        sqlx::migrate!().run_to(2, &pool).await.unwrap();
        sqlx::query(
            "INSERT INTO workshops (id, title, mode, anonymity_threshold, created_at)
             VALUES (1, 'Twice opened', 'live', 3, '2025-03-14T09:00:00Z');
             INSERT INTO rounds (id, workshop_id, assessment, status, opened_at) VALUES
                 (1, 1, 'benefits', 'open', '2025-03-14T09:00:00Z'),
                 (2, 1, 'benefits', 'open', '2025-03-14T09:00:01Z'),
                 (3, 1, 'relationships', 'open', '2025-03-14T09:00:02Z');",
        )
        .execute(&pool)
        .await
        .unwrap();
        sqlx::migrate!().run(&pool).await.unwrap();
        let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM rounds ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
        assert_eq!(statuses, ["closed", "open", "open"]);
    }

    #[tokio::test]
    async fn a_backup_taken_while_votes_are_written_is_whole() {
        use crate::db::testing::{add_person, item, value};
        use crate::db::workshops::tests::at;
        use crate::domain::{Assessment, Side};

        let (dir, _path, db, workshop) = file_db_with_workshop("live.sqlite").await;
        let round = db
            .open_round(workshop.id, Assessment::Benefits, None, at(9))
            .await
            .unwrap();
        let mut people = Vec::new();
        for external_id in 0..20 {
            people.push(
                add_person(&db, workshop.id, external_id, "Voter", Side::Vcs)
                    .await
                    .id,
            );
        }
        let better_services = item("a1.outcomes.better_services");
        let writer = {
            let db = db.clone();
            tokio::spawn(async move {
                for (turn, participant) in people.iter().cycle().take(400).enumerate() {
                    let vote = value(u8::try_from(turn % 6).unwrap());
                    assert!(
                        db.cast_vote(round.id, &better_services, *participant, vote, at(10))
                            .await
                            .unwrap()
                    );
                }
            })
        };
        let backup = dir.path().join("copy.sqlite");
        db.backup_to(&backup).await.unwrap();
        writer.await.unwrap();

        let copy = open_copy(&backup).await;
        let integrity: String = scalar(&copy, "PRAGMA integrity_check").await;
        assert_eq!(integrity, "ok");
        let votes: i64 = scalar(&copy, "SELECT COUNT(*) FROM votes").await;
        assert!((0..=20).contains(&votes), "{votes}");

        let error = db.backup_to(&backup).await.unwrap_err();
        assert!(matches!(error, DbError::BackupTarget { .. }), "{error:?}");
        assert!(error.to_string().contains("already exists"), "{error}");
    }

    #[sqlx::test]
    async fn a_database_error_says_what_was_being_done(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        db.pool().close().await;
        let error = db.workshop(crate::domain::WorkshopId(1)).await.unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("database error while trying to read a workshop: "),
            "{error}"
        );
    }

    /// Collects what a subscriber writes, for reading back in a test.
    #[derive(Clone, Default)]
    struct CapturedLogs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for CapturedLogs {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[tokio::test]
    async fn spans_never_record_names_organisations_or_action_texts() {
        use tracing_subscriber::fmt::format::FmtSpan;

        use crate::db::participants::tests::discord_person;
        use crate::db::relationships::tests::food_bank;
        use crate::db::workshops::tests::at;
        use crate::domain::Side;

        let logs = CapturedLogs::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(FmtSpan::NEW)
            // A timestamp's digits could spell the Discord id 555.
            .without_time()
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);

        let (_dir, _path, db, workshop) = file_db_with_workshop("logs.sqlite").await;
        let mut person = discord_person(workshop.id, 555, "Marguerite Okonkwo", Side::Vcs);
        person.organisation = Some("Riverside Tenants Union".to_owned());
        let joined = db.join(&person).await.unwrap();
        let mut relationship = food_bank();
        relationship.holder = Some("Tobias Lindqvist".to_owned());
        let relationship = db
            .add_relationship(workshop.id, None, &relationship)
            .await
            .unwrap();
        db.update_relationship(&relationship).await.unwrap();
        let action = NewAction {
            workshop_id: workshop.id,
            text: "Map every warm space in the borough".to_owned(),
            owner: "Hyacinth Boateng".to_owned(),
            due: chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            prompted_by: "a3.shared_foundations.power".to_owned(),
            proposed_by: Some(joined.id),
        };
        db.add_action(&action, at(10)).await.unwrap();
        db.insert_action_once(&action, 99, at(10)).await.unwrap();
        db.forget_person(555).await.unwrap();

        let written = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
        for span in [
            "join",
            "add_relationship",
            "add_action",
            "insert_action_once",
            "forget_person",
        ] {
            assert!(written.contains(span), "no {span} span in:\n{written}");
        }
        for secret in [
            "Marguerite",
            "Riverside",
            "Tobias",
            "warm space",
            "Hyacinth",
            "555",
        ] {
            assert!(
                !written.contains(secret),
                "{secret:?} reached the logs:\n{written}"
            );
        }
    }
}
