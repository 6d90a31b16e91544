//! The counts every figure is computed from, counted by SQLite: how many
//! people on each side gave each answer to each item of each round, and how
//! many voted. An answer counts for the side its voter had when the round
//! was revealed (`side_at_reveal`), or while it is open for the side they
//! have now; votes of anyone who is not a participant of the workshop are
//! left out.

use super::rounds::vote_value;
use super::{Db, DbError, During, narrow_number, parse_stored};
use crate::domain::{
    AnswerCount, ItemId, RoundId, RoundVoters, Side, SideCounts, VoteCounts, WorkshopId,
};

/// How many of each side gave each answer to each item, over the votes of
/// the workshop's (`?1`) participants in the rounds listed in `?2` (a JSON
/// array of round ids). CROSS JOIN keeps the votes the outer loop: one pass
/// over them, as a bare `GROUP BY` would make, rather than a search per
/// participant. (`counted_side`, since in a `GROUP BY` a bare `side` would
/// be the participant's column, not the side the answer counts for.)
const ANSWER_COUNTS: &str = "SELECT v.round_id, v.item_id,
            COALESCE(v.side_at_reveal, p.side) AS counted_side, v.value, COUNT(*)
     FROM votes v CROSS JOIN participants p ON p.id = v.participant_id
     WHERE p.workshop_id = ?1 AND v.round_id IN (SELECT value FROM json_each(?2))
     GROUP BY v.round_id, v.item_id, counted_side, v.value";

/// Who voted in each of those rounds, per side, and who gave a 1–5 answer;
/// then (round NULL) who voted in any of them, per side. Each person and
/// round is one search of `votes_by_participant`, far cheaper than sorting
/// every vote; a person's votes in a round all count for one side (all
/// fixed at the reveal, or all open), so any one of them gives it.
const VOTER_COUNTS: &str = "WITH people AS MATERIALIZED (
         SELECT r.value AS round_id, p.id AS participant_id,
                COALESCE((SELECT v.side_at_reveal FROM votes v
                          WHERE v.participant_id = p.id AND v.round_id = r.value
                          LIMIT 1), p.side) AS side,
                EXISTS (SELECT 1 FROM votes v
                        WHERE v.participant_id = p.id AND v.round_id = r.value
                          AND v.value > 0) AS scored
         FROM json_each(?2) r CROSS JOIN participants p
         WHERE p.workshop_id = ?1
           AND EXISTS (SELECT 1 FROM votes v
                       WHERE v.participant_id = p.id AND v.round_id = r.value))
     SELECT round_id, side, COUNT(*), SUM(scored) FROM people GROUP BY round_id, side
     UNION ALL
     SELECT NULL, side, COUNT(DISTINCT participant_id), 0 FROM people GROUP BY side";

impl Db {
    /// The counts of the workshop's votes in these rounds.
    #[tracing::instrument(skip(self, rounds), fields(rounds = rounds.len()))]
    pub async fn vote_counts(
        &self,
        workshop_id: WorkshopId,
        rounds: &[RoundId],
    ) -> Result<VoteCounts, DbError> {
        let ids: Vec<String> = rounds.iter().map(|round| round.0.to_string()).collect();
        let round_ids = format!("[{}]", ids.join(","));
        let answers: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(ANSWER_COUNTS)
            .bind(workshop_id.0)
            .bind(&round_ids)
            .fetch_all(&self.pool)
            .await
            .during("count the answers")?;
        let people: Vec<(Option<i64>, String, i64, i64)> = sqlx::query_as(VOTER_COUNTS)
            .bind(workshop_id.0)
            .bind(&round_ids)
            .fetch_all(&self.pool)
            .await
            .during("count the voters")?;

        let side = |stored: &str| parse_stored::<Side>("votes.side", stored);
        let mut counts = VoteCounts {
            answers: answers
                .into_iter()
                .map(|(round, item, stored_side, value, people)| {
                    Ok(AnswerCount {
                        round: RoundId(round),
                        item: parse_stored::<ItemId>("votes.item_id", &item)?,
                        side: side(&stored_side)?,
                        value: vote_value(value)?,
                        people: narrow_number("votes", people)?,
                    })
                })
                .collect::<Result<_, DbError>>()?,
            rounds: Vec::new(),
            voters: SideCounts::default(),
        };
        for (round, stored_side, voters, scorers) in people {
            let side = side(&stored_side)?;
            let voters = narrow_number("votes.participant_id", voters)?;
            match round {
                Some(round) => counts.rounds.push(RoundVoters {
                    round: RoundId(round),
                    side,
                    voters,
                    scorers: narrow_number("votes.value", scorers)?,
                }),
                // The workshop-wide rows come one per side, so this sets it.
                None => counts.voters.add(side, voters),
            }
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::participants::tests::discord_person;
    use crate::db::testing::{
        add_person, add_workshop, cast, db_with_workshop, item, open_round, value,
    };
    use crate::db::workshops::tests::at;
    use crate::domain::Assessment;

    /// Sorted, and without the sides nobody voted for, to compare.
    fn in_order(mut counts: VoteCounts) -> VoteCounts {
        counts
            .answers
            .sort_by_key(|a| (a.round, a.item.clone(), a.side, a.value.code()));
        counts.rounds.retain(|r| r.voters > 0);
        counts.rounds.sort_by_key(|r| (r.round, r.side));
        counts
    }

    #[sqlx::test]
    async fn the_counts_are_those_of_the_rows(pool: SqlitePool) {
        let (db, workshop) = db_with_workshop(pool).await;
        let elsewhere = add_workshop(&db, "Elsewhere", Some(200), at(9)).await;
        let ann = add_person(&db, workshop.id, 1, "Ann", Side::Council)
            .await
            .id;
        let bob = add_person(&db, workshop.id, 2, "Bob", Side::Vcs).await.id;
        let cy = add_person(&db, workshop.id, 3, "Cy", Side::Vcs).await.id;
        let dee = add_person(&db, workshop.id, 4, "Dee", Side::Other).await.id;
        let stranger = add_person(&db, elsewhere.id, 5, "Eve", Side::Council)
            .await
            .id;
        let revealed = open_round(&db, workshop.id, Assessment::Benefits, None, at(9)).await;
        let power = item("a1.outcomes.power");
        let reach = item("a1.direct.reach");
        for (who, item, code) in [
            (ann, &power, 4),
            (ann, &reach, 0),
            (bob, &power, 4),
            (cy, &power, 2),
            (cy, &reach, 5),
            (dee, &reach, 0),
            (stranger, &power, 1),
        ] {
            cast(&db, revealed.id, item, who, value(code), at(10)).await;
        }
        db.reveal_round(revealed.id, None, at(11)).await.unwrap();
        // Bob's answers stay the VCS's; from now on he is council.
        db.join(&discord_person(workshop.id, 2, "Bob", Side::Council))
            .await
            .unwrap();
        let open = open_round(&db, workshop.id, Assessment::Benefits, None, at(12)).await;
        for (who, code) in [(bob, 3), (dee, 0)] {
            cast(&db, open.id, &power, who, value(code), at(12)).await;
        }

        let rounds = db.rounds(workshop.id).await.unwrap();
        let ids: Vec<RoundId> = rounds.iter().map(|round| round.id).collect();
        let votes = db.votes_in_workshop(workshop.id).await.unwrap();
        let participants = db.participants(workshop.id).await.unwrap();
        let counted = in_order(db.vote_counts(workshop.id, &ids).await.unwrap());
        assert_eq!(
            counted,
            in_order(VoteCounts::from_votes(&rounds, &votes, &participants))
        );
        assert_eq!(
            counted.voters,
            SideCounts::new(2, 2, 1),
            "Bob counts for the VCS in one round and the council in the other"
        );

        // Only the rounds asked for are counted.
        let only_revealed = in_order(db.vote_counts(workshop.id, &ids[..1]).await.unwrap());
        assert!(only_revealed.answers.iter().all(|a| a.round == revealed.id));
        assert_eq!(only_revealed.voters, SideCounts::new(1, 2, 1));
    }
}
