//! Shortcuts the database tests share, so each test states only what is
//! particular to it.

use chrono::{DateTime, Utc};
use sqlx::{Sqlite, SqlitePool};

use super::Db;
use super::participants::tests::discord_person;
use super::relationships::tests::food_bank;
use super::workshops::tests::{at, new_workshop};
use crate::domain::{
    Assessment, ItemId, Participant, ParticipantId, Relationship, RelationshipDetails,
    RelationshipId, Round, RoundId, RoundStatus, Side, VoteValue, Workshop, WorkshopId,
};

/// A workshop with the usual test settings in the server `guild_id`.
pub(crate) async fn add_workshop(
    db: &Db,
    title: &str,
    guild_id: Option<i64>,
    created_at: DateTime<Utc>,
) -> Workshop {
    db.create_workshop(&new_workshop(title, guild_id), created_at)
        .await
        .unwrap()
}

/// The usual test workshop: "Spring review", in the server 100.
pub(crate) async fn add_spring_review(db: &Db) -> Workshop {
    add_workshop(db, "Spring review", Some(100), at(9)).await
}

/// The database of a test with one workshop, "Spring review", in the
/// server 100.
pub(crate) async fn db_with_workshop(pool: SqlitePool) -> (Db, Workshop) {
    let db = Db::from_pool(pool);
    let workshop = add_spring_review(&db).await;
    (db, workshop)
}

/// The database of a test with two workshops, "One" and "Two", both in
/// the server 100.
pub(crate) async fn db_with_two_workshops(pool: SqlitePool) -> (Db, Workshop, Workshop) {
    let db = Db::from_pool(pool);
    let one = add_workshop(&db, "One", Some(100), at(9)).await;
    let two = add_workshop(&db, "Two", Some(100), at(9)).await;
    (db, one, two)
}

/// Someone joining the workshop from Discord.
pub(crate) async fn add_person(
    db: &Db,
    workshop_id: WorkshopId,
    external_id: i64,
    name: &str,
    side: Side,
) -> Participant {
    db.join(&discord_person(workshop_id, external_id, name, side))
        .await
        .unwrap()
}

/// [`food_bank`], as registered by the participant `added_by` (or by
/// nobody).
pub(crate) async fn add_food_bank(
    db: &Db,
    workshop_id: WorkshopId,
    added_by: Option<ParticipantId>,
) -> Relationship {
    db.add_relationship(workshop_id, added_by, &food_bank())
        .await
        .unwrap()
}

/// A second relationship: [`food_bank`]'s details under the name "Youth
/// forum", registered by nobody.
pub(crate) async fn add_youth_forum(db: &Db, workshop_id: WorkshopId) -> Relationship {
    let youth = RelationshipDetails {
        name: "Youth forum".to_owned(),
        ..food_bank()
    };
    db.add_relationship(workshop_id, None, &youth)
        .await
        .unwrap()
}

/// A round opened on the workshop.
pub(crate) async fn open_round(
    db: &Db,
    workshop_id: WorkshopId,
    assessment: Assessment,
    subject: Option<RelationshipId>,
    opened_at: DateTime<Utc>,
) -> Round {
    db.open_round(workshop_id, assessment, subject, opened_at)
        .await
        .unwrap()
}

/// An item id as the toolkit writes it.
pub(crate) use crate::domain::fixtures::id as item;

/// The vote with this code: 1 to 5, or 0 for "not sure".
pub(crate) fn value(code: u8) -> VoteValue {
    VoteValue::from_code(code).unwrap()
}

/// Casts a vote; true when it was recorded (the round was open).
pub(crate) async fn cast(
    db: &Db,
    round_id: RoundId,
    item: &ItemId,
    participant_id: ParticipantId,
    value: VoteValue,
    cast_at: DateTime<Utc>,
) -> bool {
    db.cast_vote(round_id, item, participant_id, value, cast_at)
        .await
        .unwrap()
}

/// The status of each of the workshop's rounds, in the order they opened.
pub(crate) async fn round_statuses(db: &Db, workshop_id: WorkshopId) -> Vec<RoundStatus> {
    db.rounds(workshop_id)
        .await
        .unwrap()
        .into_iter()
        .map(|round| round.status)
        .collect()
}

/// The one value a query such as `PRAGMA ...` or `SELECT COUNT(*) ...`
/// answers with.
pub(crate) async fn scalar<T>(pool: &SqlitePool, sql: &'static str) -> T
where
    T: for<'row> sqlx::Decode<'row, Sqlite> + sqlx::Type<Sqlite> + Send + Unpin,
{
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// Every value of the one column a query answers with, in order.
pub(crate) async fn scalars<T>(pool: &SqlitePool, sql: &'static str) -> Vec<T>
where
    T: for<'row> sqlx::Decode<'row, Sqlite> + sqlx::Type<Sqlite> + Send + Unpin,
{
    sqlx::query_scalar(sql).fetch_all(pool).await.unwrap()
}
