//! Drafts of the "propose an action" form: what someone typed when the form
//! was refused, kept so that a button can open the form again filled in.
//!
//! Why here: a button's custom id holds at most 100 characters, far fewer
//! than a form of up to 1,000, and the button must still work after a
//! restart, so the typed fields live in SQLite and the button carries only
//! the draft's number. A draft is deleted once it is opened, when its
//! author is forgotten, and after a day (the retention loop clears it; an
//! older one is never opened).

use chrono::{DateTime, Utc};

use super::{Db, DbError, During};
use crate::domain::{DraftId, WorkshopId};

/// The form's fields, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct ActionDraft {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub prompted_by: String,
}

impl Db {
    /// Keeps a draft for the person `external_id`.
    #[tracing::instrument(skip(self, external_id, draft))]
    pub async fn keep_action_draft(
        &self,
        workshop: WorkshopId,
        external_id: Option<i64>,
        draft: &ActionDraft,
        now: DateTime<Utc>,
    ) -> Result<DraftId, DbError> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO action_drafts
                 (workshop_id, external_id, text, owner, due, prompted_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             RETURNING id",
        )
        .bind(workshop.0)
        .bind(external_id)
        .bind(&draft.text)
        .bind(&draft.owner)
        .bind(&draft.due)
        .bind(&draft.prompted_by)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .during("keep a draft of a form")?;
        Ok(DraftId(id))
    }

    /// Deletes the drafts made before `stale_before`; returns how many.
    #[tracing::instrument(skip(self))]
    pub async fn delete_action_drafts_before(
        &self,
        stale_before: DateTime<Utc>,
    ) -> Result<u64, DbError> {
        Ok(
            sqlx::query("DELETE FROM action_drafts WHERE created_at < ?")
                .bind(stale_before)
                .execute(&self.pool)
                .await
                .during("delete old drafts of forms")?
                .rows_affected(),
        )
    }

    /// The draft `id` of the person `external_id` in `workshop`, if it was
    /// made at or after `stale_before`; it is deleted as it is taken.
    #[tracing::instrument(skip(self, external_id))]
    pub async fn take_action_draft(
        &self,
        id: DraftId,
        workshop: WorkshopId,
        external_id: Option<i64>,
        stale_before: DateTime<Utc>,
    ) -> Result<Option<ActionDraft>, DbError> {
        sqlx::query_as(
            "DELETE FROM action_drafts
             WHERE id = ? AND workshop_id = ? AND external_id IS ? AND created_at >= ?
             RETURNING text, owner, due, prompted_by",
        )
        .bind(id.0)
        .bind(workshop.0)
        .bind(external_id)
        .bind(stale_before)
        .fetch_optional(&self.pool)
        .await
        .during("take a draft of a form")
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::testing::{add_person, add_workshop};
    use crate::domain::Side;

    fn draft() -> ActionDraft {
        ActionDraft {
            text: "Publish the compact".to_owned(),
            owner: "Policy team".to_owned(),
            due: "31/02/2025".to_owned(),
            prompted_by: String::new(),
        }
    }

    /// Keeps the test's draft for the person `external_id`.
    async fn keep(db: &Db, workshop: WorkshopId, external_id: i64, now: DateTime<Utc>) -> DraftId {
        db.keep_action_draft(workshop, Some(external_id), &draft(), now)
            .await
            .unwrap()
    }

    #[sqlx::test]
    async fn a_draft_is_taken_once_by_its_author_and_not_after_a_day(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let now = Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap();
        let workshop = add_workshop(&db, "Spring review", None, now).await.id;
        let day_before = now - Duration::days(1);
        let id = keep(&db, workshop, 11, now).await;
        let take = |person| db.take_action_draft(id, workshop, Some(person), day_before);
        assert_eq!(take(12).await.unwrap(), None, "someone else's");
        assert_eq!(take(11).await.unwrap(), Some(draft()));
        assert_eq!(take(11).await.unwrap(), None, "already taken");

        let old = keep(&db, workshop, 11, day_before).await;
        let newer = keep(&db, workshop, 11, now).await;
        assert!(
            newer != old && newer != id,
            "an old button never opens a new draft"
        );
        let later = now + Duration::hours(1);
        let kept = db
            .take_action_draft(old, workshop, Some(11), later - Duration::days(1))
            .await
            .unwrap();
        assert_eq!(kept, None, "too old to open");
        let deleted = db
            .delete_action_drafts_before(later - Duration::days(1))
            .await
            .unwrap();
        assert_eq!(deleted, 1, "only the old one");
    }

    #[sqlx::test]
    async fn forgetting_a_person_deletes_their_drafts(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let now = Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap();
        let workshop = add_workshop(&db, "Spring review", None, now).await.id;
        add_person(&db, workshop, 11, "ann", Side::Council).await;
        let theirs = keep(&db, workshop, 11, now).await;
        let others = keep(&db, workshop, 12, now).await;
        db.forget_person(11).await.unwrap();
        let day_before = now - Duration::days(1);
        let take = |id, person| db.take_action_draft(id, workshop, Some(person), day_before);
        assert_eq!(take(theirs, 11).await.unwrap(), None);
        assert_eq!(take(others, 12).await.unwrap(), Some(draft()));
    }
}
