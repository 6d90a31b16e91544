//! The items each round was opened with: its record of what it asked.

use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row};

use super::{Db, DbError, During, parse_column, records_where};
use crate::domain::{Item, RoundId, RoundItems, WorkshopId};

/// One recorded item and the round it belongs to.
struct RecordedItem {
    round_id: RoundId,
    item: Item,
}

impl FromRow<'_, SqliteRow> for RecordedItem {
    fn from_row(row: &SqliteRow) -> sqlx::Result<Self> {
        Ok(RecordedItem {
            round_id: RoundId(row.try_get("round_id")?),
            item: Item {
                id: parse_column(row, "round_items.item_id")?,
                short: row.try_get("short")?,
                text: row.try_get("text")?,
                group: row.try_get("item_group")?,
            },
        })
    }
}

/// A round's recorded items, in order.
const ITEMS_OF_ROUND: &str = "SELECT * FROM round_items WHERE round_id = ? ORDER BY position";

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
        let kept: Vec<RecordedItem> = records_where(
            &mut *tx,
            ITEMS_OF_ROUND,
            round_id.0,
            "record a round's items",
        )
        .await?;
        if !kept.is_empty() {
            return Ok(items_of(kept));
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
        let rows = records_where(
            &self.pool,
            ITEMS_OF_ROUND,
            round_id.0,
            "read a round's items",
        )
        .await?;
        Ok(items_of(rows))
    }

    /// The recorded items of every round of a workshop.
    #[tracing::instrument(skip(self))]
    pub async fn round_items_in_workshop(
        &self,
        workshop_id: WorkshopId,
    ) -> Result<RoundItems, DbError> {
        let rows: Vec<RecordedItem> = records_where(
            &self.pool,
            "SELECT * FROM round_items
             WHERE round_id IN (SELECT id FROM rounds WHERE workshop_id = ?)
             ORDER BY round_id, position",
            workshop_id.0,
            "read the rounds' items",
        )
        .await?;
        let mut recorded = RoundItems::new();
        for row in rows {
            recorded.entry(row.round_id).or_default().push(row.item);
        }
        Ok(recorded)
    }
}

fn items_of(rows: Vec<RecordedItem>) -> Vec<Item> {
    rows.into_iter().map(|row| row.item).collect()
}

#[cfg(test)]
mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::testing::{db_with_workshop, open_round};
    use crate::db::workshops::tests::at;
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
        let (db, workshop) = db_with_workshop(pool).await;
        let round = open_round(&db, workshop.id, Assessment::Benefits, None, at(10)).await;
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
