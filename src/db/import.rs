//! Writing a workshop held on paper, all at once or not at all.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::participants::join_by_name;
use super::relationships::{insert_relationship, relationship_named_in};
use super::rounds::{ImportedVote, find_or_open_round, upsert_votes};
use super::workshops::{guildless_workshop_titled, insert_workshop};
use super::{Db, DbError, During};
use crate::domain::{
    Assessment, Held, ItemId, Level, ParticipantId, RelationshipDetails, RelationshipId,
    RelationshipType, RoundId, Side, VoteValue, Workshop, WorkshopSettings,
};

/// Rows read from a paper workshop's CSV, already checked by the service.
///
/// A relationship named here that the workshop does not have yet is
/// registered as a shaping relationship at place level, held directly and
/// not intended to be strategic: the CSV does not say, so the facilitator
/// should correct these with `/relationship edit`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportBatch {
    /// Used only if no command-line workshop has this title yet.
    pub workshop: WorkshopSettings,
    /// Display names and sides.
    pub participants: Vec<(String, Side)>,
    /// Relationship names.
    pub relationships: Vec<String>,
    pub votes: Vec<ImportVote>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportVote {
    /// A display name from [`ImportBatch::participants`].
    pub participant: String,
    pub assessment: Assessment,
    /// A relationship's name, for assessments two and three.
    pub relationship: Option<String>,
    pub item: ItemId,
    pub value: VoteValue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub workshop: Workshop,
    pub participants_created: usize,
    pub relationships_created: usize,
    /// Distinct votes written: a person's repeated answer to an item counts
    /// once (the last one is kept).
    pub votes_written: usize,
}

impl Db {
    /// Writes the batch in one transaction. It adds to the newest workshop
    /// with the same title (ignoring case) that belongs to no Discord server,
    /// or creates one; matches people by display name and relationships by
    /// name (ignoring case), creating those that are new; and puts the votes
    /// in each assessment's and relationship's open round, opening one if
    /// there is none. A vote naming someone or something not in the batch or
    /// the workshop is [`DbError::Missing`], and nothing is written.
    #[tracing::instrument(
        skip(self, batch),
        fields(title = %batch.workshop.title, votes = batch.votes.len())
    )]
    pub async fn import_batch(
        &self,
        batch: &ImportBatch,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome, DbError> {
        let mut tx = self.begin_write("import votes").await?;

        let workshop = match guildless_workshop_titled(&mut *tx, &batch.workshop.title).await? {
            Some(existing) => existing,
            None => insert_workshop(&mut *tx, &batch.workshop, now).await?,
        };

        let mut participant_ids: HashMap<&str, ParticipantId> = HashMap::new();
        let mut participants_created = 0;
        for (name, side) in &batch.participants {
            let (participant, created) =
                join_by_name(&mut tx, workshop.id, name, *side, None).await?;
            participants_created += usize::from(created);
            participant_ids.insert(name, participant.id);
        }

        let mut relationship_ids: HashMap<&str, RelationshipId> = HashMap::new();
        let mut relationships_created = 0;
        for name in &batch.relationships {
            let relationship = match relationship_named_in(&mut *tx, workshop.id, name).await? {
                Some(existing) => existing,
                None => {
                    relationships_created += 1;
                    let details = RelationshipDetails {
                        name: name.clone(),
                        types: vec![RelationshipType::Shaping],
                        holder: None,
                        level: Level::Place,
                        held: Held::Direct,
                        intended_strategic: false,
                    };
                    insert_relationship(&mut *tx, workshop.id, None, &details).await?
                }
            };
            relationship_ids.insert(name, relationship.id);
        }

        let mut round_ids: HashMap<(Assessment, Option<RelationshipId>), RoundId> = HashMap::new();
        let mut written: HashSet<(RoundId, &ItemId, ParticipantId)> = HashSet::new();
        let mut votes = Vec::with_capacity(batch.votes.len());
        for vote in &batch.votes {
            let participant_id =
                *participant_ids
                    .get(vote.participant.as_str())
                    .ok_or_else(|| DbError::Missing {
                        what: "participant in the import called",
                        key: vote.participant.clone(),
                    })?;
            let subject = match &vote.relationship {
                None => None,
                Some(name) => {
                    Some(relationship_id(&mut tx, &mut relationship_ids, &workshop, name).await?)
                }
            };
            let round_id = match round_ids.get(&(vote.assessment, subject)) {
                Some(round_id) => *round_id,
                None => {
                    let (round, _created) =
                        find_or_open_round(&mut tx, workshop.id, vote.assessment, subject, now)
                            .await?;
                    round_ids.insert((vote.assessment, subject), round.id);
                    round.id
                }
            };
            votes.push(ImportedVote {
                round_id,
                item: &vote.item,
                participant_id,
                value: vote.value,
            });
            written.insert((round_id, &vote.item, participant_id));
        }
        upsert_votes(&mut tx, &votes, now).await?;

        tx.commit().await.during("import votes")?;
        Ok(ImportOutcome {
            workshop,
            participants_created,
            relationships_created,
            votes_written: written.len(),
        })
    }
}

/// A vote's relationship: one named in the batch, or one the workshop
/// already has (matched ignoring case).
async fn relationship_id<'a>(
    conn: &mut sqlx::SqliteConnection,
    known: &mut HashMap<&'a str, RelationshipId>,
    workshop: &Workshop,
    name: &'a str,
) -> Result<RelationshipId, DbError> {
    if let Some(id) = known.get(name) {
        return Ok(*id);
    }
    let relationship = relationship_named_in(conn, workshop.id, name)
        .await?
        .ok_or_else(|| DbError::Missing {
            what: "relationship in the import called",
            key: name.to_owned(),
        })?;
    known.insert(name, relationship.id);
    Ok(relationship.id)
}

#[cfg(test)]
mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::testing::add_workshop;
    use crate::db::workshops::tests::{at, new_workshop};
    use crate::domain::{Relationship, RoundStatus};

    fn vote(participant: &str, relationship: Option<&str>, item: &str, code: u8) -> ImportVote {
        ImportVote {
            participant: participant.to_owned(),
            assessment: if relationship.is_some() {
                Assessment::Strategic
            } else {
                Assessment::Benefits
            },
            relationship: relationship.map(str::to_owned),
            item: item.parse().unwrap(),
            value: VoteValue::from_code(code).unwrap(),
        }
    }

    fn paper_batch() -> ImportBatch {
        ImportBatch {
            workshop: new_workshop("Paper workshop", None),
            participants: vec![
                ("Ann".to_owned(), Side::Council),
                ("Bob".to_owned(), Side::Vcs),
            ],
            relationships: vec!["Food bank".to_owned()],
            votes: vec![
                vote("Ann", None, "a1.outcomes.power", 2),
                vote("Bob", None, "a1.outcomes.power", 5),
                vote("Ann", Some("Food bank"), "a3.shared_foundations.power", 3),
                // Ann changes her mind: the last row wins.
                vote("Ann", None, "a1.outcomes.power", 4),
            ],
        }
    }

    async fn count(db: &Db, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(db.pool())
            .await
            .unwrap()
    }

    async fn counts(db: &Db) -> [i64; 5] {
        [
            count(db, "workshops").await,
            count(db, "participants").await,
            count(db, "relationships").await,
            count(db, "rounds").await,
            count(db, "votes").await,
        ]
    }

    #[sqlx::test]
    async fn a_batch_creates_everything_it_names(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let outcome = db.import_batch(&paper_batch(), at(9)).await.unwrap();
        assert_eq!(outcome.workshop.settings.title, "Paper workshop");
        assert_eq!(outcome.workshop.settings.place.guild_id, None);
        assert_eq!(outcome.participants_created, 2);
        assert_eq!(outcome.relationships_created, 1);
        assert_eq!(outcome.votes_written, 3);

        let workshop_id = outcome.workshop.id;
        let people = db.participants(workshop_id).await.unwrap();
        let names: Vec<(&str, Side, Option<i64>)> = people
            .iter()
            .map(|p| (p.display_name.as_str(), p.side, p.external_id))
            .collect();
        assert_eq!(
            names,
            vec![("Ann", Side::Council, None), ("Bob", Side::Vcs, None)]
        );

        let relationships = db.relationships(workshop_id).await.unwrap();
        assert_eq!(
            relationships,
            vec![Relationship {
                id: relationships[0].id,
                workshop_id,
                details: RelationshipDetails {
                    name: "Food bank".to_owned(),
                    types: vec![RelationshipType::Shaping],
                    holder: None,
                    level: Level::Place,
                    held: Held::Direct,
                    intended_strategic: false,
                },
                added_by: None,
            }]
        );

        let rounds = db.rounds(workshop_id).await.unwrap();
        let shapes: Vec<(Assessment, Option<RelationshipId>, RoundStatus)> = rounds
            .iter()
            .map(|round| (round.assessment, round.subject, round.status))
            .collect();
        assert_eq!(
            shapes,
            vec![
                (Assessment::Benefits, None, RoundStatus::Open),
                (
                    Assessment::Strategic,
                    Some(relationships[0].id),
                    RoundStatus::Open
                ),
            ]
        );
        let ann = people[0].id;
        let power: ItemId = "a1.outcomes.power".parse().unwrap();
        assert_eq!(
            db.vote_of(rounds[0].id, &power, ann).await.unwrap(),
            VoteValue::from_code(4).ok()
        );
        assert_eq!(db.votes_in_workshop(workshop_id).await.unwrap().len(), 3);
    }

    #[sqlx::test]
    async fn a_second_batch_adds_to_the_same_workshop_and_rounds(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let first = db.import_batch(&paper_batch(), at(9)).await.unwrap();

        let mut more = paper_batch();
        more.workshop.title = "PAPER WORKSHOP".to_owned();
        more.participants = vec![
            ("Ann".to_owned(), Side::Council),
            ("Cara".to_owned(), Side::Other),
        ];
        more.relationships = vec!["FOOD BANK".to_owned()];
        more.votes = vec![
            vote("Cara", None, "a1.outcomes.power", 1),
            vote("Ann", Some("FOOD BANK"), "a3.shared_foundations.power", 5),
        ];
        let second = db.import_batch(&more, at(10)).await.unwrap();

        assert_eq!(second.workshop, first.workshop);
        assert_eq!(second.participants_created, 1);
        assert_eq!(second.relationships_created, 0);
        assert_eq!(second.votes_written, 2);
        assert_eq!(counts(&db).await, [1, 3, 1, 2, 4]);
        let strategic = db.rounds(first.workshop.id).await.unwrap()[1].id;
        let values: Vec<u8> = db
            .votes_in_round(strategic)
            .await
            .unwrap()
            .iter()
            .map(|vote| vote.value.code())
            .collect();
        assert_eq!(values, vec![5]);
    }

    #[sqlx::test]
    async fn a_workshop_on_discord_is_not_reused(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let on_discord = add_workshop(&db, "Paper workshop", Some(100), at(8)).await;
        let outcome = db.import_batch(&paper_batch(), at(9)).await.unwrap();
        assert_ne!(outcome.workshop.id, on_discord.id);
        assert!(db.participants(on_discord.id).await.unwrap().is_empty());
    }

    #[sqlx::test]
    async fn a_vote_for_someone_unknown_leaves_no_trace(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let mut batch = paper_batch();
        batch.votes.push(vote("Dan", None, "a1.outcomes.trust", 3));
        let error = db.import_batch(&batch, at(9)).await.unwrap_err();
        assert!(
            matches!(&error, DbError::Missing { key, .. } if key == "Dan"),
            "{error:?}"
        );
        assert_eq!(counts(&db).await, [0, 0, 0, 0, 0]);
    }

    #[sqlx::test]
    async fn a_database_failure_part_way_rolls_everything_back(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        // An existing paper workshop the batch adds to, which must survive.
        let existing = add_workshop(&db, "Paper workshop", None, at(8)).await;
        // Make the database itself refuse Bob's vote, the batch's second.
        sqlx::query(
            "CREATE TRIGGER refuse_bob BEFORE INSERT ON votes
             WHEN (SELECT display_name FROM participants WHERE id = NEW.participant_id) = 'Bob'
             BEGIN SELECT RAISE(ABORT, 'refused for the test'); END",
        )
        .execute(db.pool())
        .await
        .unwrap();

        let error = db.import_batch(&paper_batch(), at(9)).await.unwrap_err();
        assert!(
            matches!(&error, DbError::Query { source: sqlx::Error::Database(e), .. } if e.message().contains("refused for the test")),
            "{error:?}"
        );
        assert_eq!(counts(&db).await, [1, 0, 0, 0, 0]);
        assert_eq!(db.workshop(existing.id).await.unwrap(), Some(existing));
    }
}
