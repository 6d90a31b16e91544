//! People's data: what the bot holds about one person (the right of
//! access), and removing personal data once a workshop's retention period
//! is over.
//!
//! Personal data here means participants' Discord ids, names and
//! organisations, Discord ids on reveals, actions' owners and relationships'
//! holders (both may name a person). Retention removes them and keeps the
//! rest: participant rows stay anonymous with their side, so votes, responses
//! and counts still add up, as after `/forget-me`. Workshop titles, action
//! texts and relationship names are the partnership's own record and stay.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::participants::{Anonymise, anonymise};
use super::{Db, DbError, During, records_where};
use crate::domain::{WorkshopId, WorkshopStatus};

/// The owner left on an action once its workshop's retention period is over.
pub const REMOVED_OWNER: &str = "Removed at the end of the retention period";

/// What [`Db::remove_personal_data_closed_before`] changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct RetentionOutcome {
    /// Workshops whose personal data was removed this time.
    pub workshops: u64,
    pub participants: u64,
    pub actions: u64,
    pub relationships: u64,
}

/// Everything held about one Discord user in one server, for `/my-data`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonalData {
    /// One entry per workshop the person joined, oldest first.
    pub workshops: Vec<ParticipationRecord>,
    /// Rounds whose results this person revealed.
    pub reveals: Vec<RevealRecord>,
}

/// The person's row in one workshop and what hangs off it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ParticipationRecord {
    pub workshop_id: i64,
    pub workshop_title: String,
    /// `open` or `closed`.
    pub workshop_status: String,
    pub display_name: String,
    /// `council`, `vcs` or `other`.
    pub side: String,
    pub organisation: Option<String>,
    pub active: bool,
    // The lists are read by queries of their own.
    #[sqlx(skip)]
    pub votes: Vec<VoteRecord>,
    #[sqlx(skip)]
    pub actions_proposed: Vec<ActionRecord>,
    #[sqlx(skip)]
    pub action_responses: Vec<ResponseRecord>,
    /// Names of the relationships this person registered.
    #[sqlx(skip)]
    pub relationships_added: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct VoteRecord {
    pub round_id: i64,
    pub assessment: String,
    /// The relationship voted on, for assessments two and three.
    pub relationship: Option<String>,
    pub item_id: String,
    /// 1 to 5, or 0 for "not sure".
    pub value: u8,
    pub cast_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ActionRecord {
    pub action_id: i64,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ResponseRecord {
    pub action_id: i64,
    pub action_text: String,
    /// `agree`, `object` and so on, as stored.
    pub stance: String,
    pub responded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct RevealRecord {
    pub workshop_id: i64,
    pub round_id: i64,
    pub revealed_at: DateTime<Utc>,
}

/// A participation and the participant row's id, which the lists hang off.
#[derive(sqlx::FromRow)]
struct ParticipationRow {
    id: i64,
    #[sqlx(flatten)]
    record: ParticipationRecord,
}

const ACCESS: &str = "gather a person's data";

impl Db {
    /// Removes the personal data of every workshop closed before `before`
    /// (see the module's notes for what that covers), in one transaction,
    /// then writes the log into the database file so the text is gone from
    /// the disk too. Running it again changes nothing more.
    #[tracing::instrument(skip(self))]
    pub async fn remove_personal_data_closed_before(
        &self,
        before: DateTime<Utc>,
    ) -> Result<RetentionOutcome, DbError> {
        const RETENTION: &str = "remove personal data after the retention period";
        let mut tx = self.begin_write(RETENTION).await?;
        let workshop_ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM workshops
             WHERE status = ? AND julianday(closed_at) < julianday(?)
             ORDER BY id",
        )
        .bind(WorkshopStatus::Closed.as_str())
        .bind(before)
        .fetch_all(&mut *tx)
        .await
        .during(RETENTION)?;
        let mut outcome = RetentionOutcome::default();
        for workshop_id in workshop_ids {
            let participants =
                anonymise(&mut tx, Anonymise::Workshop(WorkshopId(workshop_id))).await?;
            let actions =
                sqlx::query("UPDATE actions SET owner = ? WHERE workshop_id = ? AND owner <> ?")
                    .bind(REMOVED_OWNER)
                    .bind(workshop_id)
                    .bind(REMOVED_OWNER)
                    .execute(&mut *tx)
                    .await
                    .during(RETENTION)?
                    .rows_affected();
            let relationships = sqlx::query(
                "UPDATE relationships SET holder = NULL WHERE workshop_id = ? AND holder IS NOT NULL",
            )
            .bind(workshop_id)
            .execute(&mut *tx)
            .await
            .during(RETENTION)?
            .rows_affected();
            if participants + actions + relationships > 0 {
                outcome.workshops += 1;
            }
            outcome.participants += participants;
            outcome.actions += actions;
            outcome.relationships += relationships;
        }
        tx.commit().await.during(RETENTION)?;
        self.checkpoint().await?;
        Ok(outcome)
    }

    /// Everything held about the Discord user `external_id` in the server
    /// `guild_id`, read in one snapshot. Rows already forgotten hold nothing
    /// that links to the person, so they are not included.
    // The Discord id stays out of the logs.
    #[tracing::instrument(skip(self, external_id))]
    pub async fn personal_data(
        &self,
        guild_id: i64,
        external_id: i64,
    ) -> Result<PersonalData, DbError> {
        // A read transaction: one consistent snapshot across the queries.
        let mut tx = self.pool.begin().await.during(ACCESS)?;
        let rows: Vec<ParticipationRow> = sqlx::query_as(
            "SELECT participants.id, participants.workshop_id, workshops.title AS workshop_title,
                    workshops.status AS workshop_status, participants.display_name, participants.side, participants.organisation,
                    participants.active
             FROM participants JOIN workshops ON workshops.id = participants.workshop_id
             WHERE workshops.guild_id = ? AND participants.external_id = ?
             ORDER BY participants.workshop_id",
        )
        .bind(guild_id)
        .bind(external_id)
        .fetch_all(&mut *tx)
        .await
        .during(ACCESS)?;
        let mut workshops = Vec::with_capacity(rows.len());
        for ParticipationRow { id, mut record } in rows {
            record.votes = records_where(
                &mut *tx,
                "SELECT votes.round_id, rounds.assessment, relationships.name AS relationship,
                        votes.item_id, votes.value, votes.cast_at
                 FROM votes JOIN rounds ON rounds.id = votes.round_id
                 LEFT JOIN relationships ON relationships.id = rounds.subject_id
                 WHERE votes.participant_id = ?
                 ORDER BY votes.round_id, votes.item_id",
                id,
                ACCESS,
            )
            .await?;
            record.actions_proposed = records_where(
                &mut *tx,
                "SELECT id AS action_id, text, owner, due, status, created_at FROM actions
                 WHERE proposed_by = ? ORDER BY id",
                id,
                ACCESS,
            )
            .await?;
            record.action_responses = records_where(
                &mut *tx,
                "SELECT action_responses.action_id, actions.text AS action_text, action_responses.stance,
                        action_responses.responded_at
                 FROM action_responses JOIN actions ON actions.id = action_responses.action_id
                 WHERE action_responses.participant_id = ?
                 ORDER BY action_responses.action_id",
                id,
                ACCESS,
            )
            .await?;
            record.relationships_added =
                sqlx::query_scalar("SELECT name FROM relationships WHERE added_by = ? ORDER BY id")
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await
                    .during(ACCESS)?;
            workshops.push(record);
        }
        let reveals: Vec<RevealRecord> = sqlx::query_as(
            "SELECT rounds.workshop_id, reveals.round_id, reveals.revealed_at
             FROM reveals JOIN rounds ON rounds.id = reveals.round_id
             JOIN workshops ON workshops.id = rounds.workshop_id
             WHERE workshops.guild_id = ? AND reveals.revealed_by_external = ?
             ORDER BY reveals.id",
        )
        .bind(guild_id)
        .bind(external_id)
        .fetch_all(&mut *tx)
        .await
        .during(ACCESS)?;
        tx.commit().await.during(ACCESS)?;
        Ok(PersonalData { workshops, reveals })
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::participants::tests::discord_person;
    use crate::db::testing::{
        add_food_bank, add_person, add_workshop, cast, db_with_workshop, item, open_round, scalars,
        value,
    };
    use crate::db::workshops::tests::at;
    use crate::db::{FORMER_PARTICIPANT, NewAction};
    use crate::domain::{Assessment, Side, Stance};

    fn on(month: u32, day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, month, day, 12, 0, 0).unwrap()
    }

    fn action(
        workshop_id: WorkshopId,
        proposed_by: Option<crate::domain::ParticipantId>,
    ) -> NewAction {
        NewAction {
            workshop_id,
            text: "Share the grants calendar".to_owned(),
            owner: "Priya Ramanathan".to_owned(),
            due: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            prompted_by: "a3.shared_foundations.power".to_owned(),
            proposed_by,
        }
    }

    #[sqlx::test]
    async fn retention_removes_personal_data_of_workshops_closed_long_enough_ago(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let old = add_workshop(&db, "Last spring", Some(100), on(3, 1)).await;
        let recent = add_workshop(&db, "Last autumn", Some(100), on(3, 1)).await;
        let open = add_workshop(&db, "This year", Some(100), on(3, 1)).await;
        let mut ann = discord_person(old.id, 555, "Ann", Side::Council);
        ann.organisation = Some("Borough Council".to_owned());
        let ann = db.join(&ann).await.unwrap();
        let bob = add_person(&db, recent.id, 777, "Bob", Side::Vcs).await;
        let carol = add_person(&db, open.id, 888, "Carol", Side::Vcs).await;
        let relationship = add_food_bank(&db, old.id, None).await;
        add_food_bank(&db, recent.id, None).await;
        let old_action = db
            .add_action(&action(old.id, Some(ann.id)), on(3, 2))
            .await
            .unwrap();
        db.add_action(&action(recent.id, Some(bob.id)), on(3, 2))
            .await
            .unwrap();
        db.add_action(&action(open.id, Some(carol.id)), on(3, 2))
            .await
            .unwrap();
        let round = open_round(&db, old.id, Assessment::Benefits, None, on(3, 2)).await;
        let better_services = item("a1.outcomes.better_services");
        let four = value(4);
        assert!(cast(&db, round.id, &better_services, ann.id, four, on(3, 2)).await);
        assert!(
            db.reveal_round(round.id, Some(555), on(3, 3))
                .await
                .unwrap()
        );
        db.close_workshop(old.id, on(3, 31)).await.unwrap();
        db.close_workshop(recent.id, on(9, 30)).await.unwrap();

        // Nothing closed before the first of March.
        let nothing = db
            .remove_personal_data_closed_before(on(3, 1))
            .await
            .unwrap();
        assert_eq!(nothing, RetentionOutcome::default());

        let outcome = db
            .remove_personal_data_closed_before(on(6, 1))
            .await
            .unwrap();
        assert_eq!(
            outcome,
            RetentionOutcome {
                workshops: 1,
                participants: 1,
                actions: 1,
                relationships: 1,
            }
        );
        let forgotten = db.participant(ann.id).await.unwrap().unwrap();
        assert_eq!(forgotten.display_name, FORMER_PARTICIPANT);
        assert_eq!(
            (forgotten.external_id, forgotten.organisation),
            (None, None)
        );
        assert!(forgotten.forgotten);
        assert_eq!(forgotten.side, Side::Council, "counts by side still add up");
        let votes = db.votes_in_round(round.id).await.unwrap();
        assert_eq!(votes.len(), 1);
        assert_eq!(votes[0].value, four);
        let old_action = db.action(old_action.id).await.unwrap().unwrap();
        assert_eq!(old_action.owner, REMOVED_OWNER);
        assert_eq!(old_action.text, "Share the grants calendar");
        let relationship = db.relationship(relationship.id).await.unwrap().unwrap();
        assert_eq!(relationship.details.holder, None);
        assert_eq!(relationship.details.name, "Food bank partnership");
        let revealers: Vec<Option<i64>> =
            scalars(db.pool(), "SELECT revealed_by_external FROM reveals").await;
        assert_eq!(revealers, vec![None]);

        // The recent and the open workshop keep everything.
        assert_eq!(db.participant(bob.id).await.unwrap().unwrap(), bob);
        assert_eq!(db.participant(carol.id).await.unwrap().unwrap(), carol);
        for workshop in [recent.id, open.id] {
            assert_eq!(
                db.actions(workshop).await.unwrap()[0].owner,
                "Priya Ramanathan"
            );
        }
        assert!(
            db.relationships(recent.id).await.unwrap()[0]
                .details
                .holder
                .is_some()
        );

        // Running it again finds nothing more to do.
        assert_eq!(
            db.remove_personal_data_closed_before(on(6, 1))
                .await
                .unwrap(),
            RetentionOutcome::default()
        );
    }

    #[sqlx::test]
    async fn personal_data_gathers_everything_about_one_person_in_one_server(pool: SqlitePool) {
        let (db, spring) = db_with_workshop(pool).await;
        let autumn = add_workshop(&db, "Autumn review", Some(100), at(9)).await;
        let elsewhere = add_workshop(&db, "Another server", Some(200), at(9)).await;
        let mut ann = discord_person(spring.id, 555, "Ann", Side::Vcs);
        ann.organisation = Some("Food Bank".to_owned());
        let ann_spring = db.join(&ann).await.unwrap();
        add_person(&db, autumn.id, 555, "Ann B", Side::Vcs).await;
        add_person(&db, elsewhere.id, 555, "Ann", Side::Vcs).await;
        let bob = add_person(&db, spring.id, 777, "Bob", Side::Council).await;

        let food = add_food_bank(&db, spring.id, Some(ann_spring.id)).await;
        let round = open_round(&db, spring.id, Assessment::Strategic, Some(food.id), at(10)).await;
        let power = item("a3.shared_foundations.power");
        assert!(cast(&db, round.id, &power, ann_spring.id, value(0), at(11)).await);
        assert!(cast(&db, round.id, &power, bob.id, value(5), at(11)).await);
        assert!(db.reveal_round(round.id, Some(555), at(12)).await.unwrap());
        let proposed = db
            .add_action(&action(spring.id, Some(ann_spring.id)), at(13))
            .await
            .unwrap();
        let bobs = db
            .add_action(&action(spring.id, Some(bob.id)), at(13))
            .await
            .unwrap();
        db.respond(bobs.id, ann_spring.id, Stance::Object, at(14))
            .await
            .unwrap();
        db.respond(bobs.id, bob.id, Stance::Agree, at(14))
            .await
            .unwrap();

        let data = db.personal_data(100, 555).await.unwrap();
        let expected = PersonalData {
            workshops: vec![
                ParticipationRecord {
                    workshop_id: spring.id.0,
                    workshop_title: "Spring review".to_owned(),
                    workshop_status: "open".to_owned(),
                    display_name: "Ann".to_owned(),
                    side: "vcs".to_owned(),
                    organisation: Some("Food Bank".to_owned()),
                    active: true,
                    votes: vec![VoteRecord {
                        round_id: round.id.0,
                        assessment: "strategic".to_owned(),
                        relationship: Some("Food bank partnership".to_owned()),
                        item_id: "a3.shared_foundations.power".to_owned(),
                        value: 0,
                        cast_at: at(11),
                    }],
                    actions_proposed: vec![ActionRecord {
                        action_id: proposed.id.0,
                        text: "Share the grants calendar".to_owned(),
                        owner: "Priya Ramanathan".to_owned(),
                        due: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
                        status: "open".to_owned(),
                        created_at: at(13),
                    }],
                    action_responses: vec![ResponseRecord {
                        action_id: bobs.id.0,
                        action_text: "Share the grants calendar".to_owned(),
                        stance: "object".to_owned(),
                        responded_at: at(14),
                    }],
                    relationships_added: vec!["Food bank partnership".to_owned()],
                },
                ParticipationRecord {
                    workshop_id: autumn.id.0,
                    workshop_title: "Autumn review".to_owned(),
                    workshop_status: "open".to_owned(),
                    display_name: "Ann B".to_owned(),
                    side: "vcs".to_owned(),
                    organisation: None,
                    active: true,
                    votes: vec![],
                    actions_proposed: vec![],
                    action_responses: vec![],
                    relationships_added: vec![],
                },
            ],
            reveals: vec![RevealRecord {
                workshop_id: spring.id.0,
                round_id: round.id.0,
                revealed_at: at(12),
            }],
        };
        assert_eq!(data, expected);
        let json = serde_json::to_value(&data).unwrap();
        assert_eq!(json["workshops"][0]["votes"][0]["value"], 0);

        // After /forget-me nothing links to the person any more.
        db.forget_person(555).await.unwrap();
        assert_eq!(
            db.personal_data(100, 555).await.unwrap(),
            PersonalData {
                workshops: vec![],
                reveals: vec![],
            }
        );
    }
}
