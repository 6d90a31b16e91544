//! The items each round was opened with: its record of what it asked.

use super::{Db, DbError, During, parse_stored};
use crate::domain::{Item, RoundId, RoundItems, WorkshopId};

#[derive(sqlx::FromRow)]
struct RoundItemRow {
    round_id: i64,
    item_id: String,
    short: String,
    text: String,
    item_group: String,
}

impl TryFrom<RoundItemRow> for (RoundId, Item) {
    type Error = DbError;

    fn try_from(row: RoundItemRow) -> Result<Self, DbError> {
        Ok((
            RoundId(row.round_id),
            Item {
                id: parse_stored("round_items.item_id", &row.item_id)?,
                short: row.short,
                text: row.text,
                group: row.item_group,
            },
        ))
    }
}

impl Db {
    /// Records the items a round asks, in order, unless it has a record
    /// already; returns the record it keeps. The check and the writes are
    /// one transaction, so two callers at once keep the same record.
    #[tracing::instrument(skip(self, items))]
    pub async fn record_round_items(
        &self,
        round_id: RoundId,
        items: &[Item],
    ) -> Result<Vec<Item>, DbError> {
        let mut tx = self.begin_write("record a round's items").await?;
        let kept: Vec<RoundItemRow> =
            sqlx::query_as("SELECT * FROM round_items WHERE round_id = ? ORDER BY position")
                .bind(round_id.0)
                .fetch_all(&mut *tx)
                .await
                .during("record a round's items")?;
        if !kept.is_empty() {
            return items_of(kept);
        }
        for (position, item) in items.iter().enumerate() {
            sqlx::query(
                "INSERT INTO round_items (round_id, position, item_id, short, text, item_group)
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(round_id.0)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(item.id.as_str())
            .bind(&item.short)
            .bind(&item.text)
            .bind(&item.group)
            .execute(&mut *tx)
            .await
            .during("record a round's items")?;
        }
        tx.commit().await.during("record a round's items")?;
        Ok(items.to_vec())
    }

    /// The items a round was opened with, in order; empty when it has no
    /// record.
    #[tracing::instrument(skip(self))]
    pub async fn round_items(&self, round_id: RoundId) -> Result<Vec<Item>, DbError> {
        let rows: Vec<RoundItemRow> =
            sqlx::query_as("SELECT * FROM round_items WHERE round_id = ? ORDER BY position")
                .bind(round_id.0)
                .fetch_all(&self.pool)
                .await
                .during("read a round's items")?;
        items_of(rows)
    }

    /// The recorded items of every round of a workshop.
    #[tracing::instrument(skip(self))]
    pub async fn round_items_in_workshop(
        &self,
        workshop_id: WorkshopId,
    ) -> Result<RoundItems, DbError> {
        let rows: Vec<RoundItemRow> = sqlx::query_as(
            "SELECT * FROM round_items
             WHERE round_id IN (SELECT id FROM rounds WHERE workshop_id = ?)
             ORDER BY round_id, position",
        )
        .bind(workshop_id.0)
        .fetch_all(&self.pool)
        .await
        .during("read the rounds' items")?;
        let mut recorded = RoundItems::new();
        for row in rows {
            let (round_id, item) = row.try_into()?;
            recorded.entry(round_id).or_default().push(item);
        }
        Ok(recorded)
    }
}

fn items_of(rows: Vec<RoundItemRow>) -> Result<Vec<Item>, DbError> {
    rows.into_iter()
        .map(|row| <(RoundId, Item)>::try_from(row).map(|(_, item)| item))
        .collect()
}

#[cfg(test)]
mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::workshops::tests::{at, new_workshop};
    use crate::domain::Assessment;

    fn item(id: &str, short: &str) -> Item {
        Item {
            id: id.parse().unwrap(),
            short: short.to_owned(),
            text: format!("{short}?"),
            group: "direct".to_owned(),
        }
    }

    #[sqlx::test]
    async fn a_round_keeps_the_items_it_was_first_given(pool: SqlitePool) {
        let db = Db::from_pool(pool);
        let workshop = db
            .create_workshop(&new_workshop("Spring review", Some(100)), at(9))
            .await
            .unwrap();
        let round = db
            .open_round(workshop.id, Assessment::Benefits, None, at(10))
            .await
            .unwrap();
        assert!(db.round_items(round.id).await.unwrap().is_empty());

        let first = vec![
            item("a1.direct.reach", "Reach"),
            item("a1.direct.outcomes", "Outcomes"),
        ];
        assert_eq!(
            db.record_round_items(round.id, &first).await.unwrap(),
            first
        );
        // A reworded, reordered toolkit later changes nothing recorded.
        let later = vec![item("a1.direct.outcomes", "Better outcomes")];
        assert_eq!(
            db.record_round_items(round.id, &later).await.unwrap(),
            first
        );
        assert_eq!(db.round_items(round.id).await.unwrap(), first);
        assert_eq!(
            db.round_items_in_workshop(workshop.id).await.unwrap(),
            RoundItems::from([(round.id, first)])
        );
    }
}
