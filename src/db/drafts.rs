//! Drafts of the "propose an action" form: what someone typed when the form
//! was refused, kept so that a button can open the form again filled in.

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
    /// Keeps a draft for the person `external_id` and deletes the drafts
    /// made before `stale_before`.
    #[tracing::instrument(skip(self, draft))]
    pub async fn keep_action_draft(
        &self,
        workshop: WorkshopId,
        external_id: Option<i64>,
        draft: &ActionDraft,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
    ) -> Result<DraftId, DbError> {
        let mut tx = self.begin_write("keep a draft of a form").await?;
        sqlx::query("DELETE FROM action_drafts WHERE created_at < ?")
            .bind(stale_before)
            .execute(&mut *tx)
            .await
            .during("delete old drafts of forms")?;
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
        .fetch_one(&mut *tx)
        .await
        .during("keep a draft of a form")?;
        tx.commit().await.during("keep a draft of a form")?;
        Ok(DraftId(id))
    }

    /// The draft `id` of the person `external_id` in `workshop`, if it was
    /// made at or after `stale_before`; it is deleted as it is taken.
    #[tracing::instrument(skip(self))]
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
    use crate::db::testing::add_workshop;

    #[sqlx::test]
    async fn a_draft_is_taken_once_by_its_author_and_not_after_a_day(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let now = Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap();
        let workshop = add_workshop(&db, "Spring review", None, now).await.id;
        let day_before = now - Duration::days(1);
        let draft = ActionDraft {
            text: "Publish the compact".to_owned(),
            owner: "Policy team".to_owned(),
            due: "31/02/2025".to_owned(),
            prompted_by: String::new(),
        };
        let id = db
            .keep_action_draft(workshop, Some(11), &draft, now, day_before)
            .await
            .unwrap();
        let take = |person| db.take_action_draft(id, workshop, Some(person), day_before);
        assert_eq!(take(12).await.unwrap(), None, "someone else's");
        assert_eq!(take(11).await.unwrap(), Some(draft.clone()));
        assert_eq!(take(11).await.unwrap(), None, "already taken");

        let old = db
            .keep_action_draft(workshop, Some(11), &draft, day_before, day_before)
            .await
            .unwrap();
        let later = now + Duration::hours(1);
        let newer = db
            .keep_action_draft(workshop, Some(11), &draft, later, later - Duration::days(1))
            .await
            .unwrap();
        assert!(
            newer != old && newer != id,
            "an old button never opens a new draft"
        );
        let kept = db
            .take_action_draft(old, workshop, Some(11), day_before)
            .await
            .unwrap();
        assert_eq!(kept, None, "deleted once a day old");
    }
}
