//! Workshops: create, find, list and open or close them.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row, SqliteExecutor};

use super::{
    Db, DbError, During, parse_column, record_where, records_where, require_changed,
    small_number_column,
};
use crate::domain::{
    Place, Roles, RoundStatus, Workshop, WorkshopId, WorkshopSettings, WorkshopStatus,
};

impl FromRow<'_, SqliteRow> for Workshop {
    fn from_row(row: &SqliteRow) -> sqlx::Result<Self> {
        Ok(Workshop {
            id: WorkshopId(row.try_get("id")?),
            status: parse_column(row, "workshops.status")?,
            created_at: row.try_get("created_at")?,
            settings: WorkshopSettings {
                title: row.try_get("title")?,
                mode: parse_column(row, "workshops.mode")?,
                anonymity_threshold: small_number_column(row, "workshops.anonymity_threshold")?,
                deadline: row.try_get("deadline")?,
                place: Place {
                    guild_id: row.try_get("guild_id")?,
                    channel_id: row.try_get("channel_id")?,
                },
                roles: Roles {
                    council: row.try_get("council_role")?,
                    vcs: row.try_get("vcs_role")?,
                    facilitator: row.try_get("facilitator_role")?,
                },
                previous: row
                    .try_get::<Option<i64>, _>("previous_id")?
                    .map(WorkshopId),
                language: parse_column(row, "workshops.language")?,
            },
        })
    }
}

/// Inserts a workshop; shared with the import, which does it in its own
/// transaction.
pub(super) async fn insert_workshop(
    executor: impl SqliteExecutor<'_>,
    new: &WorkshopSettings,
    now: DateTime<Utc>,
) -> Result<Workshop, DbError> {
    sqlx::query_as(
        "INSERT INTO workshops (title, mode, status, anonymity_threshold, deadline, guild_id,
             channel_id, council_role, vcs_role, facilitator_role, previous_id, language,
             created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING *",
    )
    .bind(&new.title)
    .bind(new.mode.as_str())
    .bind(WorkshopStatus::Open.as_str())
    .bind(i64::from(new.anonymity_threshold.get()))
    .bind(new.deadline)
    .bind(new.place.guild_id)
    .bind(new.place.channel_id)
    .bind(new.roles.council)
    .bind(new.roles.vcs)
    .bind(new.roles.facilitator)
    .bind(new.previous.map(|id| id.0))
    .bind(new.language.as_str())
    .bind(now)
    .fetch_one(executor)
    .await
    .during("create a workshop")
}

/// The newest workshop with this title (ignoring case) that has no guild:
/// the one a command-line import adds to.
pub(super) async fn guildless_workshop_titled(
    executor: impl SqliteExecutor<'_>,
    title: &str,
) -> Result<Option<Workshop>, DbError> {
    record_where(
        executor,
        "SELECT * FROM workshops
         WHERE title = ? COLLATE NOCASE AND guild_id IS NULL
         ORDER BY id DESC LIMIT 1",
        title,
        "find a workshop by title",
    )
    .await
}

impl Db {
    #[tracing::instrument(skip(self))]
    pub async fn create_workshop(
        &self,
        new: &WorkshopSettings,
        now: DateTime<Utc>,
    ) -> Result<Workshop, DbError> {
        insert_workshop(&self.pool, new, now).await
    }

    #[tracing::instrument(skip(self))]
    pub async fn workshop(&self, id: WorkshopId) -> Result<Option<Workshop>, DbError> {
        record_where(
            &self.pool,
            "SELECT * FROM workshops WHERE id = ?",
            id.0,
            "read a workshop",
        )
        .await
    }

    /// Every workshop with exactly this title, ignoring case, oldest first.
    #[tracing::instrument(skip(self))]
    pub async fn workshops_titled(&self, title: &str) -> Result<Vec<Workshop>, DbError> {
        records_where(
            &self.pool,
            "SELECT * FROM workshops WHERE title = ? COLLATE NOCASE ORDER BY id",
            title,
            "find workshops by title",
        )
        .await
    }

    /// The open workshops of one Discord server, or with `None` the open
    /// workshops that belong to no server. Oldest first.
    #[tracing::instrument(skip(self))]
    pub async fn open_workshops(&self, guild_id: Option<i64>) -> Result<Vec<Workshop>, DbError> {
        sqlx::query_as("SELECT * FROM workshops WHERE guild_id IS ? AND status = ? ORDER BY id")
            .bind(guild_id)
            .bind(WorkshopStatus::Open.as_str())
            .fetch_all(&self.pool)
            .await
            .during("list open workshops")
    }

    /// Every workshop of one Discord server, open or closed, oldest first.
    #[tracing::instrument(skip(self))]
    pub async fn workshops_in_guild(
        &self,
        guild_id: Option<i64>,
    ) -> Result<Vec<Workshop>, DbError> {
        records_where(
            &self.pool,
            "SELECT * FROM workshops WHERE guild_id IS ? ORDER BY id",
            guild_id,
            "list a server's workshops",
        )
        .await
    }

    /// The open workshops everywhere, oldest first: for reminders.
    #[tracing::instrument(skip(self))]
    pub async fn all_open_workshops(&self) -> Result<Vec<Workshop>, DbError> {
        records_where(
            &self.pool,
            "SELECT * FROM workshops WHERE status = ? ORDER BY id",
            WorkshopStatus::Open.as_str(),
            "list open workshops",
        )
        .await
    }

    /// Changes the status. Closing records the time from the system clock
    /// if none is recorded (retention counts from it; [`Db::close_workshop`]
    /// takes the time from its caller); reopening clears it.
    #[tracing::instrument(skip(self))]
    pub async fn set_workshop_status(
        &self,
        id: WorkshopId,
        status: WorkshopStatus,
    ) -> Result<(), DbError> {
        let result = sqlx::query(
            "UPDATE workshops SET status = ?1,
                 closed_at = CASE WHEN ?1 = ?2
                     THEN COALESCE(closed_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                     END
             WHERE id = ?3",
        )
        .bind(status.as_str())
        .bind(WorkshopStatus::Closed.as_str())
        .bind(id.0)
        .execute(&self.pool)
        .await
        .during("change a workshop's status")?;
        require_changed(result, "workshop", id.0)
    }
}

impl Db {
    /// Closes the workshop and its open rounds together, recording when.
    #[tracing::instrument(skip(self))]
    pub async fn close_workshop(&self, id: WorkshopId, now: DateTime<Utc>) -> Result<(), DbError> {
        let mut tx = self.begin_write("close a workshop").await?;
        sqlx::query("UPDATE rounds SET status = ? WHERE workshop_id = ? AND status = ?")
            .bind(RoundStatus::Closed.as_str())
            .bind(id.0)
            .bind(RoundStatus::Open.as_str())
            .execute(&mut *tx)
            .await
            .during("close a workshop")?;
        let result = sqlx::query(
            "UPDATE workshops SET status = ?, closed_at = COALESCE(closed_at, ?) WHERE id = ?",
        )
        .bind(WorkshopStatus::Closed.as_str())
        .bind(now)
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .during("close a workshop")?;
        require_changed(result, "workshop", id.0)?;
        tx.commit().await.during("close a workshop")?;
        Ok(())
    }

    /// Creates the rerun of a workshop and copies the earlier workshop's
    /// relationships into it (not who added them: people join afresh), all
    /// or nothing.
    #[tracing::instrument(skip(self))]
    pub async fn rerun_workshop(
        &self,
        new: &WorkshopSettings,
        relationships_from: WorkshopId,
        now: DateTime<Utc>,
    ) -> Result<Workshop, DbError> {
        let mut tx = self.begin_write("rerun a workshop").await?;
        let rerun = insert_workshop(&mut *tx, new, now).await?;
        sqlx::query(
            "INSERT INTO relationships (workshop_id, name, types, holder, level, held,
                 intended_strategic, added_by)
             SELECT ?, name, types, holder, level, held, intended_strategic, NULL
             FROM relationships WHERE workshop_id = ? ORDER BY id",
        )
        .bind(rerun.id.0)
        .bind(relationships_from.0)
        .execute(&mut *tx)
        .await
        .during("rerun a workshop")?;
        tx.commit().await.during("rerun a workshop")?;
        Ok(rerun)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use chrono::{NaiveDate, TimeZone};
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::testing::{
        add_food_bank, add_person, add_workshop, add_youth_forum, db_with_workshop, open_round,
        round_statuses,
    };
    use crate::domain::{AnonymityThreshold, Mode, WorkshopLanguage};

    pub(crate) fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 14, hour, 0, 0).unwrap()
    }

    pub(crate) fn new_workshop(title: &str, guild_id: Option<i64>) -> WorkshopSettings {
        WorkshopSettings {
            title: title.to_owned(),
            mode: Mode::Async,
            anonymity_threshold: AnonymityThreshold::DEFAULT,
            deadline: NaiveDate::from_ymd_opt(2025, 3, 28),
            place: Place {
                guild_id,
                channel_id: guild_id.map(|guild| guild + 1),
            },
            roles: Roles {
                council: Some(11),
                vcs: Some(12),
                facilitator: None,
            },
            previous: None,
            language: WorkshopLanguage::Welsh,
        }
    }

    #[sqlx::test]
    async fn a_created_workshop_reads_back_whole(pool: SqlitePool) {
        let (db, first) = db_with_workshop(pool).await;
        let mut rerun = new_workshop("Autumn review", Some(100));
        rerun.mode = Mode::Live;
        rerun.anonymity_threshold = AnonymityThreshold::try_from(5).unwrap();
        rerun.deadline = None;
        rerun.roles.facilitator = Some(13);
        rerun.previous = Some(first.id);
        let second = db.create_workshop(&rerun, at(10)).await.unwrap();

        let expected = Workshop {
            id: second.id,
            status: WorkshopStatus::Open,
            created_at: at(10),
            settings: WorkshopSettings {
                title: "Autumn review".to_owned(),
                mode: Mode::Live,
                anonymity_threshold: AnonymityThreshold::try_from(5).unwrap(),
                deadline: None,
                place: Place {
                    guild_id: Some(100),
                    channel_id: Some(101),
                },
                roles: Roles {
                    council: Some(11),
                    vcs: Some(12),
                    facilitator: Some(13),
                },
                previous: Some(first.id),
                language: WorkshopLanguage::Welsh,
            },
        };
        assert_eq!(second, expected);
        assert_eq!(db.workshop(second.id).await.unwrap(), Some(expected));
        assert_eq!(
            db.workshop(first.id)
                .await
                .unwrap()
                .unwrap()
                .settings
                .deadline,
            NaiveDate::from_ymd_opt(2025, 3, 28)
        );
        assert_eq!(db.workshop(WorkshopId(999)).await.unwrap(), None);
    }

    #[sqlx::test]
    async fn titles_match_ignoring_case_but_not_in_part(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let spring = add_workshop(&db, "Spring review", None, at(9)).await;
        add_workshop(&db, "Spring review 2", None, at(9)).await;
        let found = db.workshops_titled("SPRING REVIEW").await.unwrap();
        assert_eq!(found, vec![spring]);
        assert!(db.workshops_titled("Spring").await.unwrap().is_empty());
    }

    #[sqlx::test]
    async fn open_workshops_keep_to_their_own_guild(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let here = add_workshop(&db, "Here", Some(100), at(9)).await;
        let there = add_workshop(&db, "There", Some(200), at(9)).await;
        let nowhere = add_workshop(&db, "From paper", None, at(9)).await;
        let closed_here = add_workshop(&db, "Closed here", Some(100), at(9)).await;
        db.set_workshop_status(closed_here.id, WorkshopStatus::Closed)
            .await
            .unwrap();

        let ids = |workshops: Vec<Workshop>| workshops.iter().map(|w| w.id).collect::<Vec<_>>();
        assert_eq!(
            ids(db.open_workshops(Some(100)).await.unwrap()),
            vec![here.id]
        );
        assert_eq!(
            ids(db.open_workshops(Some(200)).await.unwrap()),
            vec![there.id]
        );
        assert_eq!(
            ids(db.open_workshops(None).await.unwrap()),
            vec![nowhere.id]
        );
        assert!(db.open_workshops(Some(300)).await.unwrap().is_empty());
        assert_eq!(
            ids(db.all_open_workshops().await.unwrap()),
            vec![here.id, there.id, nowhere.id]
        );
        assert_eq!(
            db.workshop(closed_here.id).await.unwrap().unwrap().status,
            WorkshopStatus::Closed
        );
    }

    #[sqlx::test]
    async fn changing_a_missing_workshop_says_so(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let error = db
            .set_workshop_status(WorkshopId(42), WorkshopStatus::Closed)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, DbError::Missing { what: "workshop", key } if key == "42"),
            "{error:?}"
        );
    }

    #[sqlx::test]
    async fn an_unreadable_stored_value_is_a_decode_error(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let workshop = add_workshop(&db, "Spring review", None, at(9)).await;
        sqlx::query("UPDATE workshops SET mode = 'carrier pigeon' WHERE id = ?")
            .bind(workshop.id.0)
            .execute(db.pool())
            .await
            .unwrap();
        let error = db.workshop(workshop.id).await.unwrap_err();
        assert!(
            matches!(
                &error,
                DbError::Decode { column: "workshops.mode", value, .. } if value == "carrier pigeon"
            ),
            "{error:?}"
        );
    }

    async fn closed_at(db: &Db, id: WorkshopId) -> Option<DateTime<Utc>> {
        sqlx::query_scalar("SELECT closed_at FROM workshops WHERE id = ?")
            .bind(id.0)
            .fetch_one(db.pool())
            .await
            .unwrap()
    }

    #[sqlx::test]
    async fn closing_closes_open_rounds_and_records_when(pool: SqlitePool) {
        use crate::domain::Assessment;

        let (db, workshop) = db_with_workshop(pool).await;
        let open = open_round(&db, workshop.id, Assessment::Benefits, None, at(9)).await;
        let revealed = open_round(&db, workshop.id, Assessment::Relationships, None, at(9)).await;
        assert!(db.reveal_round(revealed.id, None, at(10)).await.unwrap());

        db.close_workshop(workshop.id, at(11)).await.unwrap();
        let statuses = round_statuses(&db, workshop.id).await;
        assert_eq!(statuses, vec![RoundStatus::Closed, RoundStatus::Revealed]);
        assert_eq!(
            db.round(open.id).await.unwrap().unwrap().status,
            RoundStatus::Closed
        );
        assert_eq!(
            db.workshop(workshop.id).await.unwrap().unwrap().status,
            WorkshopStatus::Closed
        );
        assert_eq!(closed_at(&db, workshop.id).await, Some(at(11)));
        // Closing again keeps the first time.
        db.close_workshop(workshop.id, at(12)).await.unwrap();
        assert_eq!(closed_at(&db, workshop.id).await, Some(at(11)));

        let error = db
            .close_workshop(WorkshopId(999), at(12))
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                DbError::Missing {
                    what: "workshop",
                    ..
                }
            ),
            "{error:?}"
        );
    }

    #[sqlx::test]
    async fn setting_the_status_records_and_clears_the_closing_time(pool: SqlitePool) {
        let (db, workshop) = db_with_workshop(pool).await;
        assert_eq!(closed_at(&db, workshop.id).await, None);
        db.set_workshop_status(workshop.id, WorkshopStatus::Closed)
            .await
            .unwrap();
        assert!(closed_at(&db, workshop.id).await.is_some());
        db.set_workshop_status(workshop.id, WorkshopStatus::Open)
            .await
            .unwrap();
        assert_eq!(closed_at(&db, workshop.id).await, None);
    }

    #[sqlx::test]
    async fn a_rerun_copies_the_relationships_but_not_who_added_them(pool: SqlitePool) {
        use crate::domain::Side;

        let (db, first) = db_with_workshop(pool).await;
        let ann = add_person(&db, first.id, 555, "Ann", Side::Council).await;
        let food = add_food_bank(&db, first.id, Some(ann.id)).await;
        let youth = add_youth_forum(&db, first.id).await;

        let mut new = new_workshop("Autumn review", Some(100));
        new.previous = Some(first.id);
        let rerun = db.rerun_workshop(&new, first.id, at(10)).await.unwrap();
        assert_eq!(rerun.settings.previous, Some(first.id));
        assert_eq!(rerun.settings.title, "Autumn review");
        let copied = db.relationships(rerun.id).await.unwrap();
        let expected: Vec<_> = [food, youth]
            .into_iter()
            .zip(&copied)
            .map(|(original, copy)| crate::domain::Relationship {
                id: copy.id,
                workshop_id: rerun.id,
                added_by: None,
                ..original
            })
            .collect();
        assert_eq!(copied, expected);
        assert_eq!(db.relationships(first.id).await.unwrap().len(), 2);
    }
}
