//! Rounds of voting, the votes cast in them and the record of reveals.

use chrono::{DateTime, Utc};

use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row, SqliteConnection, SqliteExecutor};

use super::{
    Db, DbError, During, decode_error, narrow_number, parse_column, parse_stored, query_error,
    record_where, records_where, small_number,
};
use crate::domain::{
    Assessment, ItemId, ParticipantId, RelationshipId, Round, RoundId, RoundStatus, Side, Vote,
    VoteValue, WorkshopId,
};

/// Where the card of one question of a round was posted (Discord ids as
/// stored, plain integers).
#[derive(Debug, Clone, PartialEq)]
pub struct VoteCard {
    pub round_id: RoundId,
    pub item_index: u16,
    pub channel_id: i64,
    pub message_id: i64,
    pub posted_at: DateTime<Utc>,
}

/// What the opening of a round has posted so far.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoundOpening {
    /// Where its discussion was started, once it was.
    pub discussion_channel_id: Option<i64>,
    /// True once the discussion and every card it posts are posted.
    pub posted: bool,
}

/// The round [`Db::open_round_once`] found or opened.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedRound {
    pub round: Round,
    /// False when the round was already open.
    pub created: bool,
}

impl FromRow<'_, SqliteRow> for Round {
    fn from_row(row: &SqliteRow) -> sqlx::Result<Self> {
        Ok(Round {
            id: RoundId(row.try_get("id")?),
            workshop_id: WorkshopId(row.try_get("workshop_id")?),
            assessment: parse_column(row, "rounds.assessment")?,
            subject: row
                .try_get::<Option<i64>, _>("subject_id")?
                .map(RelationshipId),
            status: parse_column(row, "rounds.status")?,
            items_posted: items_posted(row.try_get("items_posted")?)?,
            opened_at: row.try_get("opened_at")?,
            revealed_at: row.try_get("revealed_at")?,
            reminder_sent_at: row.try_get("reminder_sent_at")?,
        })
    }
}

impl FromRow<'_, SqliteRow> for Vote {
    fn from_row(row: &SqliteRow) -> sqlx::Result<Self> {
        Ok(Vote {
            round_id: RoundId(row.try_get("round_id")?),
            item: parse_column(row, "votes.item_id")?,
            participant_id: ParticipantId(row.try_get("participant_id")?),
            value: vote_value(row.try_get("value")?)?,
            cast_at: row.try_get("cast_at")?,
            side_at_reveal: row
                .try_get::<Option<String>, _>("side_at_reveal")?
                .map(|side| parse_stored("votes.side_at_reveal", &side))
                .transpose()?,
        })
    }
}

/// How many of a round's items are posted, as stored.
fn items_posted(stored: i64) -> Result<u32, DbError> {
    narrow_number("rounds.items_posted", stored)
}

pub(super) fn vote_value(stored: i64) -> Result<VoteValue, DbError> {
    let code: u8 = small_number("votes.value", stored)?;
    VoteValue::from_code(code).map_err(|reason| decode_error("votes.value", stored, reason))
}

pub(super) async fn insert_round(
    executor: impl SqliteExecutor<'_>,
    workshop_id: WorkshopId,
    assessment: Assessment,
    subject: Option<RelationshipId>,
    now: DateTime<Utc>,
) -> Result<Round, DbError> {
    sqlx::query_as(
        "INSERT INTO rounds (workshop_id, assessment, subject_id, status, opened_at)
         VALUES (?, ?, ?, ?, ?)
         RETURNING *",
    )
    .bind(workshop_id.0)
    .bind(assessment.as_str())
    .bind(subject.map(|id| id.0))
    .bind(RoundStatus::Open.as_str())
    .bind(now)
    .fetch_one(executor)
    .await
    .map_err(|error| match &error {
        // The unique index allows one open round per assessment and subject.
        sqlx::Error::Database(database) if database.is_unique_violation() => {
            DbError::RoundAlreadyOpen
        }
        _ => query_error(error, "open a round"),
    })
}

/// The newest open round for this assessment and subject, or with
/// `or_revealed` the newest that is open or revealed (not closed).
async fn latest_round(
    executor: impl SqliteExecutor<'_>,
    workshop_id: WorkshopId,
    assessment: Assessment,
    subject: Option<RelationshipId>,
    or_revealed: bool,
) -> Result<Option<Round>, DbError> {
    let also = if or_revealed {
        RoundStatus::Revealed
    } else {
        RoundStatus::Open
    };
    sqlx::query_as(
        "SELECT * FROM rounds
         WHERE workshop_id = ? AND assessment = ? AND subject_id IS ? AND status IN (?, ?)
         ORDER BY id DESC LIMIT 1",
    )
    .bind(workshop_id.0)
    .bind(assessment.as_str())
    .bind(subject.map(|id| id.0))
    .bind(RoundStatus::Open.as_str())
    .bind(also.as_str())
    .fetch_optional(executor)
    .await
    .during("find the current round")
}

/// The open round for this assessment and subject, or a new one if there
/// is none; true when it is new.
pub(super) async fn find_or_open_round(
    conn: &mut SqliteConnection,
    workshop_id: WorkshopId,
    assessment: Assessment,
    subject: Option<RelationshipId>,
    now: DateTime<Utc>,
) -> Result<(Round, bool), DbError> {
    if let Some(round) = latest_round(&mut *conn, workshop_id, assessment, subject, false).await? {
        return Ok((round, false));
    }
    let round = insert_round(conn, workshop_id, assessment, subject, now).await?;
    Ok((round, true))
}

/// Votes per statement when importing: five parameters each, well within
/// SQLite's limit, and few enough statements that the import runs near
/// SQLite's own insert rate.
const VOTES_PER_STATEMENT: usize = 200;

/// A vote to write in an import.
pub(super) struct ImportedVote<'a> {
    pub round_id: RoundId,
    pub item: &'a ItemId,
    pub participant_id: ParticipantId,
    pub value: VoteValue,
}

/// Writes the votes in order whatever their rounds' state (the import's
/// rounds are open by construction), several to a statement; a later vote
/// on the same item by the same person replaces the earlier one.
pub(super) async fn upsert_votes(
    conn: &mut SqliteConnection,
    votes: &[ImportedVote<'_>],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    for chunk in votes.chunks(VOTES_PER_STATEMENT) {
        let rows = vec!["(?, ?, ?, ?, ?)"; chunk.len()].join(", ");
        // Only placeholders are formatted in; every value is bound. A full
        // chunk always gives the same text, so its prepared statement is
        // reused from the connection's cache.
        let sql = format!(
            "INSERT INTO votes (round_id, item_id, participant_id, value, cast_at)
             VALUES {rows}
             ON CONFLICT (round_id, item_id, participant_id)
             DO UPDATE SET value = excluded.value, cast_at = excluded.cast_at"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for vote in chunk {
            query = query
                .bind(vote.round_id.0)
                .bind(vote.item.as_str())
                .bind(vote.participant_id.0)
                .bind(i64::from(vote.value.code()))
                .bind(now);
        }
        query.execute(&mut *conn).await.during("import a vote")?;
    }
    Ok(())
}

impl Db {
    #[tracing::instrument(skip(self))]
    pub async fn open_round(
        &self,
        workshop_id: WorkshopId,
        assessment: Assessment,
        subject: Option<RelationshipId>,
        now: DateTime<Utc>,
    ) -> Result<Round, DbError> {
        insert_round(&self.pool, workshop_id, assessment, subject, now).await
    }

    /// Opens a round for the assessment and subject unless one is open
    /// already, and marks at least `items_posted` of its questions posted
    /// (all of them for a workshop voted in its own time, 0 for a live one).
    /// The check and the writes are one transaction, so two facilitators
    /// opening at once get the same round.
    #[tracing::instrument(skip(self))]
    pub async fn open_round_once(
        &self,
        workshop_id: WorkshopId,
        assessment: Assessment,
        subject: Option<RelationshipId>,
        items_posted: u32,
        now: DateTime<Utc>,
    ) -> Result<OpenedRound, DbError> {
        let mut tx = self.begin_write("open a round").await?;
        let (round, created) =
            find_or_open_round(&mut tx, workshop_id, assessment, subject, now).await?;
        let round = sqlx::query_as(
            "UPDATE rounds SET items_posted = MAX(items_posted, ?) WHERE id = ? RETURNING *",
        )
        .bind(i64::from(items_posted))
        .bind(round.id.0)
        .fetch_one(&mut *tx)
        .await
        .during("open a round")?;
        tx.commit().await.during("open a round")?;
        Ok(OpenedRound { round, created })
    }

    /// Marks one more question of an open round posted, but only if
    /// `posted_before` is still the count: the check and the increment are
    /// one statement, so two calls with the same count never both win.
    /// Returns the new count (the posted question's index plus one), or
    /// `None` if the count had moved on or the round is not open.
    #[tracing::instrument(skip(self))]
    pub async fn post_next_item(
        &self,
        id: RoundId,
        posted_before: u32,
    ) -> Result<Option<u32>, DbError> {
        let posted: Option<i64> = sqlx::query_scalar(
            "UPDATE rounds SET items_posted = items_posted + 1
             WHERE id = ? AND items_posted = ? AND status = ?
             RETURNING items_posted",
        )
        .bind(id.0)
        .bind(i64::from(posted_before))
        .bind(RoundStatus::Open.as_str())
        .fetch_optional(&self.pool)
        .await
        .during("post the next question")?;
        posted.map(items_posted).transpose()
    }

    #[tracing::instrument(skip(self))]
    pub async fn round(&self, id: RoundId) -> Result<Option<Round>, DbError> {
        record_where(
            &self.pool,
            "SELECT * FROM rounds WHERE id = ?",
            id.0,
            "read a round",
        )
        .await
    }

    /// The workshop's rounds in the order they were opened.
    #[tracing::instrument(skip(self))]
    pub async fn rounds(&self, workshop_id: WorkshopId) -> Result<Vec<Round>, DbError> {
        records_where(
            &self.pool,
            "SELECT * FROM rounds WHERE workshop_id = ? ORDER BY id",
            workshop_id.0,
            "read the rounds",
        )
        .await
    }

    /// The newest round for this assessment and subject that is not closed
    /// (open or revealed).
    #[tracing::instrument(skip(self))]
    pub async fn current_round(
        &self,
        workshop_id: WorkshopId,
        assessment: Assessment,
        subject: Option<RelationshipId>,
    ) -> Result<Option<Round>, DbError> {
        latest_round(&self.pool, workshop_id, assessment, subject, true).await
    }

    /// Reveals an open round, records who did it and fixes each vote's side
    /// as its voter's side now, together. Returns false, changing nothing, if
    /// the round was not open.
    #[tracing::instrument(skip(self))]
    pub async fn reveal_round(
        &self,
        id: RoundId,
        revealed_by_external: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write("reveal a round").await?;
        let changed = sqlx::query(
            "UPDATE rounds SET status = ?, revealed_at = ? WHERE id = ? AND status = ?",
        )
        .bind(RoundStatus::Revealed.as_str())
        .bind(now)
        .bind(id.0)
        .bind(RoundStatus::Open.as_str())
        .execute(&mut *tx)
        .await
        .during("reveal a round")?
        .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO reveals (round_id, revealed_by_external, revealed_at) VALUES (?, ?, ?)",
        )
        .bind(id.0)
        .bind(revealed_by_external)
        .bind(now)
        .execute(&mut *tx)
        .await
        .during("reveal a round")?;
        sqlx::query(
            "UPDATE votes SET side_at_reveal =
                 (SELECT side FROM participants WHERE participants.id = votes.participant_id)
             WHERE round_id = ?",
        )
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .during("reveal a round")?;
        tx.commit().await.during("reveal a round")?;
        Ok(true)
    }

    #[tracing::instrument(skip(self))]
    pub async fn close_round(&self, id: RoundId) -> Result<(), DbError> {
        self.update_row(
            "UPDATE rounds SET status = ? WHERE id = ?",
            RoundStatus::Closed.as_str(),
            ("round", id.0),
            "close a round",
        )
        .await
    }

    #[tracing::instrument(skip(self))]
    pub async fn set_items_posted(&self, id: RoundId, items_posted: u32) -> Result<(), DbError> {
        self.update_row(
            "UPDATE rounds SET items_posted = ? WHERE id = ?",
            i64::from(items_posted),
            ("round", id.0),
            "record how many questions are posted",
        )
        .await
    }

    #[tracing::instrument(skip(self))]
    pub async fn mark_round_reminded(
        &self,
        id: RoundId,
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        self.update_row(
            "UPDATE rounds SET reminder_sent_at = ? WHERE id = ?",
            now,
            ("round", id.0),
            "mark a round reminded",
        )
        .await
    }

    /// Records a vote, replacing the person's earlier vote on the item, but
    /// only while the round is open: the check and the write are one
    /// statement, so a vote cannot slip in after a reveal. Returns whether
    /// the vote was recorded.
    // The value stays out of the logs: votes are secret until revealed.
    #[tracing::instrument(skip(self, value))]
    pub async fn cast_vote(
        &self,
        round_id: RoundId,
        item: &ItemId,
        participant_id: ParticipantId,
        value: VoteValue,
        now: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        let result = sqlx::query(
            "INSERT INTO votes (round_id, item_id, participant_id, value, cast_at)
             SELECT ?1, ?2, ?3, ?4, ?5
             WHERE EXISTS (SELECT 1 FROM rounds WHERE id = ?1 AND status = ?6)
             ON CONFLICT (round_id, item_id, participant_id)
             DO UPDATE SET value = excluded.value, cast_at = excluded.cast_at",
        )
        .bind(round_id.0)
        .bind(item.as_str())
        .bind(participant_id.0)
        .bind(i64::from(value.code()))
        .bind(now)
        .bind(RoundStatus::Open.as_str())
        .execute(&self.pool)
        .await
        .during("record a vote")?;
        Ok(result.rows_affected() > 0)
    }

    /// The round's votes, by item and then participant.
    #[tracing::instrument(skip(self))]
    pub async fn votes_in_round(&self, round_id: RoundId) -> Result<Vec<Vote>, DbError> {
        records_where(
            &self.pool,
            "SELECT * FROM votes WHERE round_id = ? ORDER BY item_id, participant_id",
            round_id.0,
            "read a round's votes",
        )
        .await
    }

    /// Every vote in every round of the workshop, by round, item and
    /// participant: the tests' check on the counts SQLite groups.
    #[cfg(test)]
    pub(crate) async fn votes_in_workshop(
        &self,
        workshop_id: WorkshopId,
    ) -> Result<Vec<Vote>, DbError> {
        records_where(
            &self.pool,
            "SELECT votes.* FROM votes JOIN rounds ON rounds.id = votes.round_id
             WHERE rounds.workshop_id = ?
             ORDER BY votes.round_id, votes.item_id, votes.participant_id",
            workshop_id.0,
            "read a workshop's votes",
        )
        .await
    }

    /// A person's own vote on an item, to show on their ballot.
    #[tracing::instrument(skip(self))]
    pub async fn vote_of(
        &self,
        round_id: RoundId,
        item: &ItemId,
        participant_id: ParticipantId,
    ) -> Result<Option<VoteValue>, DbError> {
        let stored: Option<i64> = sqlx::query_scalar(
            "SELECT value FROM votes WHERE round_id = ? AND item_id = ? AND participant_id = ?",
        )
        .bind(round_id.0)
        .bind(item.as_str())
        .bind(participant_id.0)
        .fetch_optional(&self.pool)
        .await
        .during("read a vote")?;
        stored.map(vote_value).transpose()
    }

    /// Who has voted in the round and on how many items, by participant:
    /// participation only, never what they voted.
    #[tracing::instrument(skip(self))]
    pub async fn voters_in_round(
        &self,
        round_id: RoundId,
    ) -> Result<Vec<(ParticipantId, u32)>, DbError> {
        let rows: Vec<(i64, i64)> = records_where(
            &self.pool,
            "SELECT participant_id, COUNT(*) FROM votes WHERE round_id = ?
             GROUP BY participant_id ORDER BY participant_id",
            round_id.0,
            "count who has voted",
        )
        .await?;
        rows.into_iter()
            .map(|(participant_id, answered)| {
                Ok((
                    ParticipantId(participant_id),
                    narrow_number("COUNT(votes)", answered)?,
                ))
            })
            .collect()
    }

    /// How many have answered one question of a round, per side of the
    /// people who answered: participation only, never what they answered.
    #[tracing::instrument(skip(self))]
    pub async fn answers_per_side(
        &self,
        round_id: RoundId,
        item: &ItemId,
    ) -> Result<Vec<(Side, u32)>, DbError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT participants.side, COUNT(*) FROM votes
             JOIN participants ON participants.id = votes.participant_id
             WHERE votes.round_id = ? AND votes.item_id = ?
             GROUP BY participants.side ORDER BY participants.side",
        )
        .bind(round_id.0)
        .bind(item.as_str())
        .fetch_all(&self.pool)
        .await
        .during("count the answers to a question")?;
        rows.into_iter()
            .map(|(side, answered)| {
                Ok((
                    parse_stored("participants.side", &side)?,
                    narrow_number("COUNT(votes)", answered)?,
                ))
            })
            .collect()
    }

    /// Who has answered which question of a round, by question and then
    /// participant: participation only, never what they answered.
    #[tracing::instrument(skip(self))]
    pub async fn answerers_in_round(
        &self,
        round_id: RoundId,
    ) -> Result<Vec<(ItemId, ParticipantId)>, DbError> {
        let rows: Vec<(String, i64)> = records_where(
            &self.pool,
            "SELECT item_id, participant_id FROM votes WHERE round_id = ?
             ORDER BY item_id, participant_id",
            round_id.0,
            "read who has answered",
        )
        .await?;
        rows.into_iter()
            .map(|(item, participant)| {
                Ok((
                    parse_stored("votes.item_id", &item)?,
                    ParticipantId(participant),
                ))
            })
            .collect()
    }

    /// Takes back the posting of question `index` (the last one posted) of
    /// an open round, when its card could not be posted; false, changing
    /// nothing, if another question was posted since.
    #[tracing::instrument(skip(self))]
    pub async fn unpost_item(&self, id: RoundId, index: u32) -> Result<bool, DbError> {
        let result = sqlx::query(
            "UPDATE rounds SET items_posted = ?2
             WHERE id = ?1 AND items_posted = ?2 + 1 AND status = ?3",
        )
        .bind(id.0)
        .bind(i64::from(index))
        .bind(RoundStatus::Open.as_str())
        .execute(&self.pool)
        .await
        .during("take back a posted question")?;
        Ok(result.rows_affected() > 0)
    }

    /// Records where the card of question `item_index` was posted (a card
    /// posted again replaces the record).
    #[tracing::instrument(skip(self))]
    pub async fn record_vote_card(&self, card: &VoteCard) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO vote_cards (round_id, item_index, channel_id, message_id, posted_at)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (round_id, item_index) DO UPDATE SET
                 channel_id = excluded.channel_id, message_id = excluded.message_id,
                 posted_at = excluded.posted_at",
        )
        .bind(card.round_id.0)
        .bind(i64::from(card.item_index))
        .bind(card.channel_id)
        .bind(card.message_id)
        .bind(card.posted_at)
        .execute(&self.pool)
        .await
        .during("record a vote card")?;
        Ok(())
    }

    /// The cards posted for a round, by question.
    #[tracing::instrument(skip(self))]
    pub async fn vote_cards(&self, round_id: RoundId) -> Result<Vec<VoteCard>, DbError> {
        let rows: Vec<(i64, i64, i64, i64, DateTime<Utc>)> = records_where(
            &self.pool,
            "SELECT round_id, item_index, channel_id, message_id, posted_at FROM vote_cards
             WHERE round_id = ? ORDER BY item_index",
            round_id.0,
            "read the vote cards",
        )
        .await?;
        rows.into_iter()
            .map(
                |(round_id, item_index, channel_id, message_id, posted_at)| {
                    Ok(VoteCard {
                        round_id: RoundId(round_id),
                        item_index: narrow_number("vote_cards.item_index", item_index)?,
                        channel_id,
                        message_id,
                        posted_at,
                    })
                },
            )
            .collect()
    }

    /// Where a round's discussion is and whether everything its opening
    /// posts was posted.
    #[tracing::instrument(skip(self))]
    pub async fn round_opening(&self, id: RoundId) -> Result<RoundOpening, DbError> {
        let row: Option<(Option<i64>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT discussion_channel_id, opening_posted_at FROM rounds WHERE id = ?",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .during("read a round's opening")?;
        let (discussion_channel_id, posted_at) = row.ok_or_else(|| DbError::Missing {
            what: "round",
            key: id.0.to_string(),
        })?;
        Ok(RoundOpening {
            discussion_channel_id,
            posted: posted_at.is_some(),
        })
    }

    /// Records where a round's discussion was started.
    #[tracing::instrument(skip(self))]
    pub async fn record_discussion(&self, id: RoundId, channel_id: i64) -> Result<(), DbError> {
        self.update_row(
            "UPDATE rounds SET discussion_channel_id = ? WHERE id = ?",
            channel_id,
            ("round", id.0),
            "record a round's discussion",
        )
        .await
    }

    /// Records that everything a round's opening posts was posted.
    #[tracing::instrument(skip(self))]
    pub async fn mark_opening_posted(
        &self,
        id: RoundId,
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        self.update_row(
            "UPDATE rounds SET opening_posted_at = ? WHERE id = ?",
            now,
            ("round", id.0),
            "record a round's opening posted",
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::testing::{
        add_food_bank, add_person, add_workshop, add_youth_forum, cast, db_with_workshop, item,
        open_round, round_statuses, value,
    };
    use crate::db::workshops::tests::at;
    use crate::domain::{Side, Workshop};

    /// The database of a test with [`db_with_workshop`]'s workshop, which
    /// Ann (council, 555) and Bob (VCS, 777) have joined.
    async fn db_with_ann_and_bob(pool: SqlitePool) -> (Db, Workshop, ParticipantId, ParticipantId) {
        let (db, workshop) = db_with_workshop(pool).await;
        let ann = add_person(&db, workshop.id, 555, "Ann", Side::Council).await;
        let bob = add_person(&db, workshop.id, 777, "Bob", Side::Vcs).await;
        (db, workshop, ann.id, bob.id)
    }

    #[sqlx::test]
    async fn rounds_open_reveal_and_close(pool: SqlitePool) {
        let (db, workshop, _, _) = db_with_ann_and_bob(pool).await;
        let relationship = add_food_bank(&db, workshop.id, None).await;

        let benefits = open_round(&db, workshop.id, Assessment::Benefits, None, at(9)).await;
        assert_eq!(
            benefits,
            Round {
                id: benefits.id,
                workshop_id: workshop.id,
                assessment: Assessment::Benefits,
                subject: None,
                status: RoundStatus::Open,
                items_posted: 0,
                opened_at: at(9),
                revealed_at: None,
                reminder_sent_at: None,
            }
        );
        let strategic = open_round(
            &db,
            workshop.id,
            Assessment::Strategic,
            Some(relationship.id),
            at(10),
        )
        .await;

        db.set_items_posted(benefits.id, 3).await.unwrap();
        db.mark_round_reminded(benefits.id, at(12)).await.unwrap();
        assert!(
            db.reveal_round(benefits.id, Some(555), at(13))
                .await
                .unwrap()
        );
        // A second reveal changes nothing and records nothing.
        assert!(
            !db.reveal_round(benefits.id, Some(777), at(14))
                .await
                .unwrap()
        );

        let revealed = db.round(benefits.id).await.unwrap().unwrap();
        assert_eq!(revealed.status, RoundStatus::Revealed);
        assert_eq!(revealed.items_posted, 3);
        assert_eq!(revealed.revealed_at, Some(at(13)));
        assert_eq!(revealed.reminder_sent_at, Some(at(12)));
        let reveals: Vec<(i64, Option<i64>)> =
            sqlx::query_as("SELECT round_id, revealed_by_external FROM reveals")
                .fetch_all(db.pool())
                .await
                .unwrap();
        assert_eq!(reveals, vec![(benefits.id.0, Some(555))]);

        // Revealed still counts as current; closed does not.
        assert_eq!(
            db.current_round(workshop.id, Assessment::Benefits, None)
                .await
                .unwrap(),
            Some(revealed.clone())
        );
        assert_eq!(
            db.current_round(workshop.id, Assessment::Strategic, Some(relationship.id))
                .await
                .unwrap(),
            Some(strategic.clone())
        );
        assert_eq!(
            db.current_round(workshop.id, Assessment::Strategic, None)
                .await
                .unwrap(),
            None
        );
        db.close_round(benefits.id).await.unwrap();
        assert_eq!(
            db.current_round(workshop.id, Assessment::Benefits, None)
                .await
                .unwrap(),
            None
        );
        assert!(!db.reveal_round(benefits.id, None, at(15)).await.unwrap());

        let statuses = round_statuses(&db, workshop.id).await;
        assert_eq!(statuses, vec![RoundStatus::Closed, RoundStatus::Open]);
        assert!(matches!(
            db.close_round(RoundId(999)).await.unwrap_err(),
            DbError::Missing { what: "round", .. }
        ));
    }

    #[sqlx::test]
    async fn a_vote_can_change_until_the_reveal(pool: SqlitePool) {
        let (db, workshop, ann, bob) = db_with_ann_and_bob(pool).await;
        let round = open_round(&db, workshop.id, Assessment::Benefits, None, at(9)).await;
        let power = item("a1.outcomes.power");
        let trust = item("a1.outcomes.trust");

        assert!(cast(&db, round.id, &power, ann, value(2), at(10)).await);
        assert!(cast(&db, round.id, &power, ann, value(4), at(11)).await);
        assert!(cast(&db, round.id, &trust, ann, value(0), at(11)).await);
        assert!(cast(&db, round.id, &power, bob, value(5), at(11)).await);
        assert_eq!(
            db.vote_of(round.id, &power, ann).await.unwrap(),
            Some(value(4))
        );
        assert_eq!(
            db.vote_of(round.id, &trust, ann).await.unwrap(),
            Some(VoteValue::NotSure)
        );
        assert_eq!(db.vote_of(round.id, &trust, bob).await.unwrap(), None);

        assert!(db.reveal_round(round.id, None, at(12)).await.unwrap());
        assert!(!cast(&db, round.id, &power, ann, value(1), at(13)).await);
        assert!(!cast(&db, round.id, &trust, bob, value(1), at(13)).await);
        assert_eq!(
            db.vote_of(round.id, &power, ann).await.unwrap(),
            Some(value(4))
        );
        assert_eq!(db.vote_of(round.id, &trust, bob).await.unwrap(), None);

        let expected = vec![
            Vote {
                round_id: round.id,
                item: power.clone(),
                participant_id: ann,
                value: value(4),
                cast_at: at(11),
                // The reveal fixed each vote's side.
                side_at_reveal: Some(Side::Council),
            },
            Vote {
                round_id: round.id,
                item: power.clone(),
                participant_id: bob,
                value: value(5),
                cast_at: at(11),
                side_at_reveal: Some(Side::Vcs),
            },
            Vote {
                round_id: round.id,
                item: trust.clone(),
                participant_id: ann,
                value: VoteValue::NotSure,
                cast_at: at(11),
                side_at_reveal: Some(Side::Council),
            },
        ];
        assert_eq!(db.votes_in_round(round.id).await.unwrap(), expected);
        assert_eq!(
            db.voters_in_round(round.id).await.unwrap(),
            vec![(ann, 2), (bob, 1)]
        );

        // A vote in a round that does not exist is refused the same way.
        assert!(!cast(&db, RoundId(999), &power, ann, value(3), at(13)).await);
    }

    #[sqlx::test]
    async fn votes_in_workshop_cover_its_rounds_only(pool: SqlitePool) {
        let (db, workshop, ann, bob) = db_with_ann_and_bob(pool).await;
        let other = add_workshop(&db, "Elsewhere", Some(200), at(9)).await;
        let carol = add_person(&db, other.id, 888, "Carol", Side::Vcs).await.id;
        let benefits = open_round(&db, workshop.id, Assessment::Benefits, None, at(9)).await;
        let relationship = add_food_bank(&db, workshop.id, None).await;
        let relationships = open_round(
            &db,
            workshop.id,
            Assessment::Relationships,
            Some(relationship.id),
            at(9),
        )
        .await;
        let elsewhere = open_round(&db, other.id, Assessment::Benefits, None, at(9)).await;
        let power = item("a1.outcomes.power");
        let scope = item("a2.scope.reach");
        assert!(cast(&db, benefits.id, &power, bob, value(3), at(10)).await);
        assert!(cast(&db, relationships.id, &scope, ann, value(1), at(10)).await);
        assert!(cast(&db, elsewhere.id, &power, carol, value(5), at(10)).await);

        let summary: Vec<(RoundId, String, ParticipantId, u8)> = db
            .votes_in_workshop(workshop.id)
            .await
            .unwrap()
            .into_iter()
            .map(|vote| {
                (
                    vote.round_id,
                    vote.item.to_string(),
                    vote.participant_id,
                    vote.value.code(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (benefits.id, "a1.outcomes.power".to_owned(), bob, 3),
                (relationships.id, "a2.scope.reach".to_owned(), ann, 1),
            ]
        );
    }

    #[sqlx::test]
    async fn the_schema_refuses_a_vote_out_of_range(pool: SqlitePool) {
        let (db, workshop, ann, _) = db_with_ann_and_bob(pool).await;
        let round = open_round(&db, workshop.id, Assessment::Benefits, None, at(9)).await;
        let result = sqlx::query(
            "INSERT INTO votes (round_id, item_id, participant_id, value, cast_at)
             VALUES (?, 'a1.outcomes.power', ?, 6, '2025-03-14T10:00:00Z')",
        )
        .bind(round.id.0)
        .bind(ann.0)
        .execute(db.pool())
        .await;
        assert!(result.is_err());
    }

    #[sqlx::test]
    async fn two_opens_at_once_make_one_round(pool: SqlitePool) {
        let (db, workshop, _, _) = db_with_ann_and_bob(pool).await;
        let open = |items_posted| {
            let db = db.clone();
            tokio::spawn(async move {
                db.open_round_once(workshop.id, Assessment::Benefits, None, items_posted, at(9))
                    .await
                    .unwrap()
            })
        };
        let (first, second) = tokio::join!(open(17), open(17));
        let (first, second) = (first.unwrap(), second.unwrap());
        assert_eq!(first.round.id, second.round.id);
        assert_eq!(
            [first.created, second.created]
                .iter()
                .filter(|created| **created)
                .count(),
            1
        );
        assert_eq!(first.round.items_posted, 17);
        assert_eq!(db.rounds(workshop.id).await.unwrap().len(), 1);

        // Opening again (live, nothing posted) keeps what was posted.
        let again = db
            .open_round_once(workshop.id, Assessment::Benefits, None, 0, at(10))
            .await
            .unwrap();
        assert_eq!((again.round.id, again.created), (first.round.id, false));
        assert_eq!(again.round.items_posted, 17);

        // The unique index stops the unchecked path too.
        let error = db
            .open_round(workshop.id, Assessment::Benefits, None, at(10))
            .await
            .unwrap_err();
        assert!(matches!(error, DbError::RoundAlreadyOpen), "{error:?}");

        // Once revealed, the subject can be opened afresh.
        assert!(db.reveal_round(first.round.id, None, at(11)).await.unwrap());
        let fresh = db
            .open_round_once(workshop.id, Assessment::Benefits, None, 0, at(12))
            .await
            .unwrap();
        assert!(fresh.created);
        assert_ne!(fresh.round.id, first.round.id);
    }

    #[sqlx::test]
    async fn one_open_round_per_subject_not_per_assessment(pool: SqlitePool) {
        let (db, workshop, _, _) = db_with_ann_and_bob(pool).await;
        let food = add_food_bank(&db, workshop.id, None).await;
        let youth = add_youth_forum(&db, workshop.id).await;
        for subject in [Some(food.id), Some(youth.id), None] {
            let assessment = if subject.is_some() {
                Assessment::Strategic
            } else {
                Assessment::Benefits
            };
            assert!(
                db.open_round_once(workshop.id, assessment, subject, 0, at(9))
                    .await
                    .unwrap()
                    .created
            );
        }
        assert_eq!(db.rounds(workshop.id).await.unwrap().len(), 3);
    }

    #[sqlx::test]
    async fn two_nexts_at_once_never_post_the_same_question(pool: SqlitePool) {
        let (db, workshop, _, _) = db_with_ann_and_bob(pool).await;
        let round = open_round(&db, workshop.id, Assessment::Benefits, None, at(9)).await;

        // Both saw nothing posted: only one of them may post question one.
        let (first, second) = tokio::join!(
            db.post_next_item(round.id, 0),
            db.post_next_item(round.id, 0)
        );
        let mut outcomes = vec![first.unwrap(), second.unwrap()];
        outcomes.sort();
        assert_eq!(outcomes, vec![None, Some(1)]);

        // Each caller reads the count and tries again when it loses: every
        // question is posted once.
        let next = || {
            let db = db.clone();
            tokio::spawn(async move {
                loop {
                    let posted = db.round(round.id).await.unwrap().unwrap().items_posted;
                    if let Some(now_posted) = db.post_next_item(round.id, posted).await.unwrap() {
                        break now_posted;
                    }
                }
            })
        };
        let (a, b, c) = tokio::join!(next(), next(), next());
        let mut posted = vec![a.unwrap(), b.unwrap(), c.unwrap()];
        posted.sort();
        assert_eq!(posted, vec![2, 3, 4]);
        assert_eq!(db.round(round.id).await.unwrap().unwrap().items_posted, 4);

        db.close_round(round.id).await.unwrap();
        assert_eq!(db.post_next_item(round.id, 4).await.unwrap(), None);
    }

    #[sqlx::test]
    async fn cards_and_the_opening_are_recorded_and_answers_counted_per_side(pool: SqlitePool) {
        let (db, workshop, ann, bob) = db_with_ann_and_bob(pool).await;
        let round = open_round(&db, workshop.id, Assessment::Benefits, None, at(9)).await;
        assert_eq!(
            db.round_opening(round.id).await.unwrap(),
            RoundOpening {
                discussion_channel_id: None,
                posted: false
            }
        );
        db.record_discussion(round.id, 700).await.unwrap();
        db.mark_opening_posted(round.id, at(10)).await.unwrap();
        assert_eq!(
            db.round_opening(round.id).await.unwrap(),
            RoundOpening {
                discussion_channel_id: Some(700),
                posted: true
            }
        );
        let card = VoteCard {
            round_id: round.id,
            item_index: 2,
            channel_id: 700,
            message_id: 9001,
            posted_at: at(10),
        };
        db.record_vote_card(&card).await.unwrap();
        let moved = VoteCard {
            message_id: 9002,
            ..card
        };
        db.record_vote_card(&moved).await.unwrap();
        assert_eq!(db.vote_cards(round.id).await.unwrap(), vec![moved]);

        let power = item("a1.outcomes.power");
        for (who, code) in [(ann, 3), (bob, 0)] {
            assert!(cast(&db, round.id, &power, who, value(code), at(11)).await);
        }
        assert_eq!(
            db.answers_per_side(round.id, &power).await.unwrap(),
            vec![(Side::Council, 1), (Side::Vcs, 1)]
        );
        assert_eq!(
            db.answerers_in_round(round.id).await.unwrap(),
            vec![(power.clone(), ann), (power, bob)]
        );
    }
}
