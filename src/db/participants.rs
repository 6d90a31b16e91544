//! Participants: joining, leaving and being forgotten.

use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row, SqliteConnection};

use super::{Db, DbError, During, parse_column, record_where, records_where};
use crate::domain::{Participant, ParticipantId, Side, WorkshopId};

/// The name left in place of a person who asked to be forgotten.
pub const FORMER_PARTICIPANT: &str = "Former participant";

/// A person taking part in a workshop.
#[derive(Debug, Clone, PartialEq)]
pub struct NewParticipant {
    pub workshop_id: WorkshopId,
    /// The Discord user id; `None` for people imported from paper.
    pub external_id: Option<i64>,
    pub display_name: String,
    pub side: Side,
    pub organisation: Option<String>,
}

impl FromRow<'_, SqliteRow> for Participant {
    fn from_row(row: &SqliteRow) -> sqlx::Result<Self> {
        Ok(Participant {
            id: ParticipantId(row.try_get("id")?),
            workshop_id: WorkshopId(row.try_get("workshop_id")?),
            external_id: row.try_get("external_id")?,
            display_name: row.try_get("display_name")?,
            side: parse_column(row, "participants.side")?,
            organisation: row.try_get("organisation")?,
            active: row.try_get("active")?,
            forgotten: row.try_get("forgotten")?,
        })
    }
}

/// Adds a person who has no Discord id (imported from paper), or brings
/// the row with their display name up to date and makes it active again.
/// Forgotten rows are never matched. Returns the participant and whether
/// the row is new.
pub(super) async fn join_by_name(
    conn: &mut SqliteConnection,
    workshop_id: WorkshopId,
    display_name: &str,
    side: Side,
    organisation: Option<&str>,
) -> Result<(Participant, bool), DbError> {
    let updated: Option<Participant> = sqlx::query_as(
        "UPDATE participants SET side = ?, organisation = ?, active = 1
         WHERE id = (SELECT id FROM participants
                     WHERE workshop_id = ? AND external_id IS NULL
                       AND display_name = ? AND forgotten = 0
                     ORDER BY id LIMIT 1)
         RETURNING *",
    )
    .bind(side.as_str())
    .bind(organisation)
    .bind(workshop_id.0)
    .bind(display_name)
    .fetch_optional(&mut *conn)
    .await
    .during("add a participant")?;
    if let Some(participant) = updated {
        return Ok((participant, false));
    }
    let participant = sqlx::query_as(
        "INSERT INTO participants (workshop_id, external_id, display_name, side, organisation)
         VALUES (?, NULL, ?, ?, ?)
         RETURNING *",
    )
    .bind(workshop_id.0)
    .bind(display_name)
    .bind(side.as_str())
    .bind(organisation)
    .fetch_one(&mut *conn)
    .await
    .during("add a participant")?;
    Ok((participant, true))
}

impl Db {
    /// Adds a person to a workshop. If they are already in it (the same
    /// Discord id, or for people without one the same display name) their
    /// row gets the new name, side and organisation and is active again.
    // The name and organisation stay out of the logs.
    #[tracing::instrument(skip(self, new), fields(workshop_id = new.workshop_id.0))]
    pub async fn join(&self, new: &NewParticipant) -> Result<Participant, DbError> {
        let Some(external_id) = new.external_id else {
            let mut tx = self.begin_write("add a participant").await?;
            let (participant, _created) = join_by_name(
                &mut tx,
                new.workshop_id,
                &new.display_name,
                new.side,
                new.organisation.as_deref(),
            )
            .await?;
            tx.commit().await.during("add a participant")?;
            return Ok(participant);
        };
        sqlx::query_as(
            "INSERT INTO participants (workshop_id, external_id, display_name, side, organisation)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (workshop_id, external_id) DO UPDATE SET
                 display_name = excluded.display_name,
                 side = excluded.side,
                 organisation = excluded.organisation,
                 active = 1
             RETURNING *",
        )
        .bind(new.workshop_id.0)
        .bind(external_id)
        .bind(&new.display_name)
        .bind(new.side.as_str())
        .bind(&new.organisation)
        .fetch_one(&self.pool)
        .await
        .during("add a participant")
    }

    #[tracing::instrument(skip(self))]
    pub async fn participant(&self, id: ParticipantId) -> Result<Option<Participant>, DbError> {
        record_where(
            &self.pool,
            "SELECT * FROM participants WHERE id = ?",
            id.0,
            "read a participant",
        )
        .await
    }

    #[tracing::instrument(skip(self))]
    pub async fn participant_by_external(
        &self,
        workshop_id: WorkshopId,
        external_id: i64,
    ) -> Result<Option<Participant>, DbError> {
        sqlx::query_as("SELECT * FROM participants WHERE workshop_id = ? AND external_id = ?")
            .bind(workshop_id.0)
            .bind(external_id)
            .fetch_optional(&self.pool)
            .await
            .during("read a participant")
    }

    /// Everyone who has ever joined the workshop, including those who left
    /// or were forgotten, in the order they joined.
    #[tracing::instrument(skip(self))]
    pub async fn participants(&self, workshop_id: WorkshopId) -> Result<Vec<Participant>, DbError> {
        records_where(
            &self.pool,
            "SELECT * FROM participants WHERE workshop_id = ? ORDER BY id",
            workshop_id.0,
            "read the participants",
        )
        .await
    }

    #[tracing::instrument(skip(self))]
    pub async fn set_participant_active(
        &self,
        id: ParticipantId,
        active: bool,
    ) -> Result<(), DbError> {
        self.update_row(
            "UPDATE participants SET active = ? WHERE id = ?",
            active,
            ("participant", id.0),
            "change whether a participant is active",
        )
        .await
    }

    /// Removes a person's personal data from every workshop: their Discord
    /// id, name and organisation go, and so does their id on any reveal they
    /// made. Their votes and responses stay, attached to an anonymous row.
    /// The log is then written into the database file, so the old text is
    /// gone from the disk too. Returns how many participant rows were
    /// forgotten.
    // The Discord id stays out of the logs: it is the person being forgotten.
    #[tracing::instrument(skip(self, external_id))]
    pub async fn forget_person(&self, external_id: i64) -> Result<u64, DbError> {
        let mut tx = self.begin_write("forget a person").await?;
        let forgotten = anonymise(&mut tx, Anonymise::Person(external_id)).await?;
        tx.commit().await.during("forget a person")?;
        self.checkpoint().await?;
        Ok(forgotten)
    }
}

/// Whose personal data [`anonymise`] removes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Anonymise {
    /// One Discord user, in every workshop.
    Person(i64),
    /// Everyone in one workshop.
    Workshop(WorkshopId),
}

/// The one way personal data leaves participant rows: the Discord id, name
/// and organisation go, the row stays (anonymous, marked forgotten, with its
/// side) so votes and responses still count; Discord ids on reveals go too.
/// Returns how many participant rows were changed.
pub(super) async fn anonymise(
    conn: &mut SqliteConnection,
    whom: Anonymise,
) -> Result<u64, DbError> {
    let (external_id, workshop_id) = match whom {
        Anonymise::Person(external_id) => (Some(external_id), None),
        Anonymise::Workshop(workshop_id) => (None, Some(workshop_id.0)),
    };
    let forgotten = sqlx::query(
        "UPDATE participants
         SET external_id = NULL, display_name = ?1, organisation = NULL,
             forgotten = 1, active = 0
         WHERE forgotten = 0 AND (external_id = ?2 OR workshop_id = ?3)",
    )
    .bind(FORMER_PARTICIPANT)
    .bind(external_id)
    .bind(workshop_id)
    .execute(&mut *conn)
    .await
    .during("remove personal data")?
    .rows_affected();
    sqlx::query(
        "UPDATE reveals SET revealed_by_external = NULL
         WHERE revealed_by_external IS NOT NULL
           AND (revealed_by_external = ?1
                OR round_id IN (SELECT id FROM rounds WHERE workshop_id = ?2))",
    )
    .bind(external_id)
    .bind(workshop_id)
    .execute(&mut *conn)
    .await
    .during("remove personal data")?;
    // What someone typed into a refused form goes with them.
    sqlx::query("DELETE FROM action_drafts WHERE external_id = ?1 OR workshop_id = ?2")
        .bind(external_id)
        .bind(workshop_id)
        .execute(&mut *conn)
        .await
        .during("remove personal data")?;
    Ok(forgotten)
}

#[cfg(test)]
pub(super) mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::testing::{
        add_person, add_workshop, cast, db_with_two_workshops, db_with_workshop, open_round,
        scalars,
    };
    use crate::db::workshops::tests::at;

    pub(crate) fn discord_person(
        workshop_id: WorkshopId,
        external_id: i64,
        name: &str,
        side: Side,
    ) -> NewParticipant {
        NewParticipant {
            workshop_id,
            external_id: Some(external_id),
            display_name: name.to_owned(),
            side,
            organisation: None,
        }
    }

    #[sqlx::test]
    async fn joining_twice_updates_the_same_row(pool: SqlitePool) {
        let (db, workshop) = db_with_workshop(pool).await;
        let first = add_person(&db, workshop.id, 555, "Ann", Side::Council).await;
        assert_eq!(
            first,
            Participant {
                id: first.id,
                workshop_id: workshop.id,
                external_id: Some(555),
                display_name: "Ann".to_owned(),
                side: Side::Council,
                organisation: None,
                active: true,
                forgotten: false,
            }
        );
        db.set_participant_active(first.id, false).await.unwrap();
        assert!(!db.participant(first.id).await.unwrap().unwrap().active);

        let mut again = discord_person(workshop.id, 555, "Ann B", Side::Vcs);
        again.organisation = Some("Food Bank".to_owned());
        let second = db.join(&again).await.unwrap();
        assert_eq!(second.id, first.id);
        assert_eq!(second.display_name, "Ann B");
        assert_eq!(second.side, Side::Vcs);
        assert_eq!(second.organisation.as_deref(), Some("Food Bank"));
        assert!(second.active);
        assert_eq!(
            db.participants(workshop.id).await.unwrap(),
            vec![second.clone()]
        );
        assert_eq!(
            db.participant_by_external(workshop.id, 555).await.unwrap(),
            Some(second)
        );
        assert_eq!(
            db.participant_by_external(workshop.id, 556).await.unwrap(),
            None
        );
    }

    #[sqlx::test]
    async fn the_same_person_in_two_workshops_has_two_rows(pool: SqlitePool) {
        let (db, one, two) = db_with_two_workshops(pool).await;
        let in_one = add_person(&db, one.id, 555, "Ann", Side::Council).await;
        let in_two = add_person(&db, two.id, 555, "Ann", Side::Vcs).await;
        assert_ne!(in_one.id, in_two.id);
        assert_eq!(db.participants(one.id).await.unwrap(), vec![in_one]);
        assert_eq!(db.participants(two.id).await.unwrap(), vec![in_two]);
    }

    #[sqlx::test]
    async fn people_from_paper_are_matched_by_name(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let workshop = add_workshop(&db, "From paper", None, at(9)).await;
        let paper = |name: &str, side| NewParticipant {
            workshop_id: workshop.id,
            external_id: None,
            display_name: name.to_owned(),
            side,
            organisation: None,
        };
        let ann = db.join(&paper("Ann", Side::Council)).await.unwrap();
        let bob = db.join(&paper("Bob", Side::Vcs)).await.unwrap();
        let ann_again = db.join(&paper("Ann", Side::Other)).await.unwrap();
        assert_ne!(ann.id, bob.id);
        assert_eq!(ann_again.id, ann.id);
        assert_eq!(ann_again.side, Side::Other);
        assert_eq!(db.participants(workshop.id).await.unwrap().len(), 2);
    }

    #[sqlx::test]
    async fn forgetting_clears_the_person_everywhere_but_keeps_votes(pool: SqlitePool) {
        use crate::db::testing::{item, value};
        use crate::domain::Assessment;

        let (db, one, two) = db_with_two_workshops(pool).await;
        let mut ann = discord_person(one.id, 555, "Ann", Side::Council);
        ann.organisation = Some("Borough Council".to_owned());
        let ann_one = db.join(&ann).await.unwrap();
        let ann_two = add_person(&db, two.id, 555, "Ann", Side::Council).await;
        let bob = add_person(&db, one.id, 777, "Bob", Side::Vcs).await;

        let round = open_round(&db, one.id, Assessment::Benefits, None, at(9)).await;
        let better_services = item("a1.outcomes.better_services");
        let four = value(4);
        assert!(cast(&db, round.id, &better_services, ann_one.id, four, at(10)).await);
        assert!(db.reveal_round(round.id, Some(555), at(11)).await.unwrap());

        assert_eq!(db.forget_person(555).await.unwrap(), 2);

        let forgotten = db.participant(ann_one.id).await.unwrap().unwrap();
        assert_eq!(
            forgotten,
            Participant {
                id: ann_one.id,
                workshop_id: one.id,
                external_id: None,
                display_name: FORMER_PARTICIPANT.to_owned(),
                side: Side::Council,
                organisation: None,
                active: false,
                forgotten: true,
            }
        );
        assert!(db.participant(ann_two.id).await.unwrap().unwrap().forgotten);
        assert_eq!(db.participant(bob.id).await.unwrap().unwrap(), bob);
        assert_eq!(db.participant_by_external(one.id, 555).await.unwrap(), None);

        let votes = db.votes_in_round(round.id).await.unwrap();
        assert_eq!(votes.len(), 1);
        assert_eq!(votes[0].participant_id, ann_one.id);
        assert_eq!(votes[0].value, four);

        let revealers: Vec<Option<i64>> =
            scalars(db.pool(), "SELECT revealed_by_external FROM reveals").await;
        assert_eq!(revealers, vec![None]);

        // Rejoining afterwards starts afresh rather than reclaiming the row.
        let rejoined = add_person(&db, one.id, 555, "Ann", Side::Council).await;
        assert_ne!(rejoined.id, ann_one.id);
        assert_eq!(db.forget_person(999).await.unwrap(), 0);
    }
}
