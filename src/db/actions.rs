//! The action plan: proposed actions and people's responses to them.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row, SqliteExecutor};

use super::{Db, DbError, During, parse_column, record_where, records_where, require_changed};
use crate::domain::{
    Action, ActionId, ActionResponse, ActionStatus, MessageRef, ParticipantId, Stance, WorkshopId,
    WorkshopStatus,
};

/// An action about to be proposed. It starts open and not agreed.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAction {
    pub workshop_id: WorkshopId,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    pub prompted_by: String,
    pub proposed_by: Option<ParticipantId>,
}

impl FromRow<'_, SqliteRow> for Action {
    fn from_row(row: &SqliteRow) -> sqlx::Result<Self> {
        let card_channel_id: Option<i64> = row.try_get("card_channel_id")?;
        let card_message_id: Option<i64> = row.try_get("card_message_id")?;
        Ok(Action {
            id: ActionId(row.try_get("id")?),
            workshop_id: WorkshopId(row.try_get("workshop_id")?),
            text: row.try_get("text")?,
            owner: row.try_get("owner")?,
            due: row.try_get("due")?,
            prompted_by: row.try_get("prompted_by")?,
            status: parse_column(row, "actions.status")?,
            agreed: row.try_get("agreed")?,
            proposed_by: row
                .try_get::<Option<i64>, _>("proposed_by")?
                .map(ParticipantId),
            created_at: row.try_get("created_at")?,
            reminder_sent_at: row.try_get("reminder_sent_at")?,
            card: card_channel_id
                .zip(card_message_id)
                .map(|(channel_id, message_id)| MessageRef {
                    channel_id,
                    message_id,
                }),
        })
    }
}

impl FromRow<'_, SqliteRow> for ActionResponse {
    fn from_row(row: &SqliteRow) -> sqlx::Result<Self> {
        Ok(ActionResponse {
            action_id: ActionId(row.try_get("action_id")?),
            participant_id: ParticipantId(row.try_get("participant_id")?),
            stance: parse_column(row, "action_responses.stance")?,
        })
    }
}

async fn insert_action(
    executor: impl SqliteExecutor<'_>,
    new: &NewAction,
    source_interaction_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Action, DbError> {
    sqlx::query_as(
        "INSERT INTO actions (workshop_id, text, owner, due, prompted_by, status, agreed,
             proposed_by, created_at, source_interaction_id)
         VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
         RETURNING *",
    )
    .bind(new.workshop_id.0)
    .bind(&new.text)
    .bind(&new.owner)
    .bind(new.due)
    .bind(&new.prompted_by)
    .bind(ActionStatus::Open.as_str())
    .bind(new.proposed_by.map(|id| id.0))
    .bind(now)
    .bind(source_interaction_id)
    .fetch_one(executor)
    .await
    .during("add an action")
}

impl Db {
    // The action's text and owner stay out of the logs.
    #[tracing::instrument(skip(self, new), fields(workshop_id = new.workshop_id.0))]
    pub async fn add_action(&self, new: &NewAction, now: DateTime<Utc>) -> Result<Action, DbError> {
        insert_action(&self.pool, new, None, now).await
    }

    /// Adds the action that the Discord interaction `source_interaction_id`
    /// (a submitted form) asked for, or, if that interaction already made
    /// one, returns that action unchanged. Returns whether the action is new.
    #[tracing::instrument(skip(self, new), fields(workshop_id = new.workshop_id.0))]
    pub async fn insert_action_once(
        &self,
        new: &NewAction,
        source_interaction_id: i64,
        now: DateTime<Utc>,
    ) -> Result<(Action, bool), DbError> {
        let mut tx = self.begin_write("add an action").await?;
        let existing: Option<Action> = record_where(
            &mut *tx,
            "SELECT * FROM actions WHERE source_interaction_id = ?",
            source_interaction_id,
            "add an action",
        )
        .await?;
        let outcome = match existing {
            Some(action) => (action, false),
            None => (
                insert_action(&mut *tx, new, Some(source_interaction_id), now).await?,
                true,
            ),
        };
        tx.commit().await.during("add an action")?;
        Ok(outcome)
    }

    #[tracing::instrument(skip(self))]
    pub async fn action(&self, id: ActionId) -> Result<Option<Action>, DbError> {
        record_where(
            &self.pool,
            "SELECT * FROM actions WHERE id = ?",
            id.0,
            "read an action",
        )
        .await
    }

    /// The workshop's actions in the order they were proposed.
    #[tracing::instrument(skip(self))]
    pub async fn actions(&self, workshop_id: WorkshopId) -> Result<Vec<Action>, DbError> {
        records_where(
            &self.pool,
            "SELECT * FROM actions WHERE workshop_id = ? ORDER BY id",
            workshop_id.0,
            "read the actions",
        )
        .await
    }

    #[tracing::instrument(skip(self))]
    pub async fn set_action_status(
        &self,
        id: ActionId,
        status: ActionStatus,
    ) -> Result<(), DbError> {
        self.update_row(
            "UPDATE actions SET status = ? WHERE id = ?",
            status.as_str(),
            ("action", id.0),
            "change an action's status",
        )
        .await
    }

    #[tracing::instrument(skip(self))]
    pub async fn set_action_agreed(&self, id: ActionId, agreed: bool) -> Result<(), DbError> {
        self.update_row(
            "UPDATE actions SET agreed = ? WHERE id = ?",
            agreed,
            ("action", id.0),
            "mark an action agreed",
        )
        .await
    }

    /// Records a person's response to an action, replacing any earlier one.
    #[tracing::instrument(skip(self))]
    pub async fn respond(
        &self,
        action_id: ActionId,
        participant_id: ParticipantId,
        stance: Stance,
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO action_responses (action_id, participant_id, stance, responded_at)
             VALUES (?, ?, ?, ?)
             ON CONFLICT (action_id, participant_id)
             DO UPDATE SET stance = excluded.stance, responded_at = excluded.responded_at",
        )
        .bind(action_id.0)
        .bind(participant_id.0)
        .bind(stance.as_str())
        .bind(now)
        .execute(&self.pool)
        .await
        .during("record a response to an action")?;
        Ok(())
    }

    /// Every response to the workshop's actions, by action and participant.
    #[tracing::instrument(skip(self))]
    pub async fn responses(&self, workshop_id: WorkshopId) -> Result<Vec<ActionResponse>, DbError> {
        records_where(
            &self.pool,
            "SELECT action_responses.action_id, action_responses.participant_id,
                    action_responses.stance
             FROM action_responses JOIN actions ON actions.id = action_responses.action_id
             WHERE actions.workshop_id = ?
             ORDER BY action_responses.action_id, action_responses.participant_id",
            workshop_id.0,
            "read the responses to actions",
        )
        .await
    }

    /// Actions due on or before the day, still open or in progress, in open
    /// workshops, whose owner has not been reminded yet. Soonest first.
    #[tracing::instrument(skip(self))]
    pub async fn actions_falling_due(
        &self,
        on_or_before: NaiveDate,
    ) -> Result<Vec<Action>, DbError> {
        sqlx::query_as(
            "SELECT actions.* FROM actions JOIN workshops ON workshops.id = actions.workshop_id
             WHERE actions.reminder_sent_at IS NULL AND actions.due <= ?
               AND actions.status NOT IN (?, ?) AND workshops.status = ?
             ORDER BY actions.due, actions.id",
        )
        .bind(on_or_before)
        .bind(ActionStatus::Done.as_str())
        .bind(ActionStatus::Dropped.as_str())
        .bind(WorkshopStatus::Open.as_str())
        .fetch_all(&self.pool)
        .await
        .during("find actions falling due")
    }

    /// Records where the action's card was posted.
    #[tracing::instrument(skip(self))]
    pub async fn set_action_card(&self, id: ActionId, card: MessageRef) -> Result<(), DbError> {
        let result =
            sqlx::query("UPDATE actions SET card_channel_id = ?, card_message_id = ? WHERE id = ?")
                .bind(card.channel_id)
                .bind(card.message_id)
                .bind(id.0)
                .execute(&self.pool)
                .await
                .during("record where an action's card is")?;
        require_changed(result, "action", id.0)
    }

    #[tracing::instrument(skip(self))]
    pub async fn mark_action_reminded(
        &self,
        id: ActionId,
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        self.update_row(
            "UPDATE actions SET reminder_sent_at = ? WHERE id = ?",
            now,
            ("action", id.0),
            "mark an action reminded",
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::testing::{add_person, add_workshop, db_with_workshop};
    use crate::db::workshops::tests::at;
    use crate::domain::Side;

    fn day(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 4, day).unwrap()
    }

    fn new_action(workshop_id: WorkshopId, text: &str, due: NaiveDate) -> NewAction {
        NewAction {
            workshop_id,
            text: text.to_owned(),
            owner: "Head of communities".to_owned(),
            due,
            prompted_by: "a3.shared_foundations.power".to_owned(),
            proposed_by: None,
        }
    }

    #[sqlx::test]
    async fn an_action_round_trips_and_changes(pool: SqlitePool) {
        let (db, workshop) = db_with_workshop(pool).await;
        let ann = add_person(&db, workshop.id, 555, "Ann", Side::Vcs).await;
        let mut new = new_action(workshop.id, "Share the grants calendar", day(30));
        new.proposed_by = Some(ann.id);
        let action = db.add_action(&new, at(10)).await.unwrap();
        let mut expected = Action {
            id: action.id,
            workshop_id: workshop.id,
            text: "Share the grants calendar".to_owned(),
            owner: "Head of communities".to_owned(),
            due: day(30),
            prompted_by: "a3.shared_foundations.power".to_owned(),
            status: ActionStatus::Open,
            agreed: false,
            proposed_by: Some(ann.id),
            created_at: at(10),
            reminder_sent_at: None,
            card: None,
        };
        assert_eq!(action, expected);

        db.set_action_status(action.id, ActionStatus::InProgress)
            .await
            .unwrap();
        db.set_action_agreed(action.id, true).await.unwrap();
        db.mark_action_reminded(action.id, at(11)).await.unwrap();
        let card = MessageRef {
            channel_id: 600,
            message_id: 9_000_000_000_000_000_001,
        };
        db.set_action_card(action.id, card).await.unwrap();
        expected.status = ActionStatus::InProgress;
        expected.agreed = true;
        expected.reminder_sent_at = Some(at(11));
        expected.card = Some(card);
        assert_eq!(db.action(action.id).await.unwrap(), Some(expected.clone()));
        assert_eq!(db.actions(workshop.id).await.unwrap(), vec![expected]);
        assert_eq!(db.action(ActionId(999)).await.unwrap(), None);
        assert!(matches!(
            db.set_action_agreed(ActionId(999), true).await.unwrap_err(),
            DbError::Missing { what: "action", .. }
        ));
    }

    #[sqlx::test]
    async fn a_second_response_replaces_the_first(pool: SqlitePool) {
        let (db, workshop) = db_with_workshop(pool).await;
        let other = add_workshop(&db, "Elsewhere", Some(200), at(9)).await;
        let ann = add_person(&db, workshop.id, 555, "Ann", Side::Vcs).await;
        let bob = add_person(&db, workshop.id, 777, "Bob", Side::Council).await;
        let carol = add_person(&db, other.id, 888, "Carol", Side::Vcs).await;
        let first = db
            .add_action(&new_action(workshop.id, "First", day(30)), at(10))
            .await
            .unwrap();
        let second = db
            .add_action(&new_action(workshop.id, "Second", day(30)), at(10))
            .await
            .unwrap();
        let elsewhere = db
            .add_action(&new_action(other.id, "Elsewhere", day(30)), at(10))
            .await
            .unwrap();

        // Ann's second word on the first action replaces her first.
        for (action, person, stance, hour) in [
            (first.id, ann.id, Stance::Agree, 11),
            (first.id, ann.id, Stance::Object, 12),
            (first.id, bob.id, Stance::Agree, 12),
            (second.id, ann.id, Stance::Agree, 12),
            (elsewhere.id, carol.id, Stance::Object, 12),
        ] {
            db.respond(action, person, stance, at(hour)).await.unwrap();
        }

        let response = |action_id, participant_id, stance| ActionResponse {
            action_id,
            participant_id,
            stance,
        };
        assert_eq!(
            db.responses(workshop.id).await.unwrap(),
            vec![
                response(first.id, ann.id, Stance::Object),
                response(first.id, bob.id, Stance::Agree),
                response(second.id, ann.id, Stance::Agree),
            ]
        );
    }

    #[sqlx::test]
    async fn only_live_unreminded_actions_fall_due(pool: SqlitePool) {
        let (db, open) = db_with_workshop(pool).await;
        let closed = add_workshop(&db, "Last year", Some(100), at(9)).await;
        let add = |workshop_id, text: &'static str, due| {
            let db = db.clone();
            async move {
                db.add_action(&new_action(workshop_id, text, due), at(10))
                    .await
                    .unwrap()
            }
        };
        let late = add(open.id, "Late", day(10)).await;
        let today = add(open.id, "Today", day(14)).await;
        add(open.id, "Tomorrow", day(15)).await;
        let done = add(open.id, "Done", day(1)).await;
        let dropped = add(open.id, "Dropped", day(1)).await;
        let reminded = add(open.id, "Reminded", day(1)).await;
        let in_progress = add(open.id, "In progress", day(12)).await;
        add(closed.id, "In a closed workshop", day(1)).await;

        db.set_action_status(done.id, ActionStatus::Done)
            .await
            .unwrap();
        db.set_action_status(dropped.id, ActionStatus::Dropped)
            .await
            .unwrap();
        db.set_action_status(in_progress.id, ActionStatus::InProgress)
            .await
            .unwrap();
        db.mark_action_reminded(reminded.id, at(11)).await.unwrap();
        db.set_workshop_status(closed.id, WorkshopStatus::Closed)
            .await
            .unwrap();

        let due: Vec<ActionId> = db
            .actions_falling_due(day(14))
            .await
            .unwrap()
            .into_iter()
            .map(|action| action.id)
            .collect();
        assert_eq!(due, vec![late.id, in_progress.id, today.id]);
    }

    #[sqlx::test]
    async fn a_form_submitted_twice_makes_one_action(pool: SqlitePool) {
        let (db, workshop) = db_with_workshop(pool).await;
        let new = new_action(workshop.id, "Share the grants calendar", day(30));
        let submit = || {
            let db = db.clone();
            let new = new.clone();
            tokio::spawn(async move { db.insert_action_once(&new, 4242, at(10)).await.unwrap() })
        };
        let (first, second) = tokio::join!(submit(), submit());
        let (first, second) = (first.unwrap(), second.unwrap());
        assert_eq!(first.0, second.0);
        assert_eq!([first.1, second.1].iter().filter(|new| **new).count(), 1);

        // A retry, even with different text, gets the action already made.
        let mut retried = new.clone();
        retried.text = "Something else".to_owned();
        let (again, created) = db.insert_action_once(&retried, 4242, at(11)).await.unwrap();
        assert!(!created);
        assert_eq!(again, first.0);

        let (other, created) = db.insert_action_once(&new, 4343, at(11)).await.unwrap();
        assert!(created);
        assert_ne!(other.id, first.0.id);
        // Actions without an interaction never clash.
        db.add_action(&new, at(12)).await.unwrap();
        db.add_action(&new, at(12)).await.unwrap();
        assert_eq!(db.actions(workshop.id).await.unwrap().len(), 4);
    }
}
