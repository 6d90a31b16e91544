//! Registered relationships: the subjects of assessments two and three.

use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row, SqliteExecutor};

use super::{
    Db, DbError, During, parse_column, parse_stored, query_error, record_where, records_where,
    require_changed,
};
use crate::domain::{
    ParticipantId, Relationship, RelationshipDetails, RelationshipId, RelationshipType, WorkshopId,
};

impl FromRow<'_, SqliteRow> for Relationship {
    fn from_row(row: &SqliteRow) -> sqlx::Result<Self> {
        Ok(Relationship {
            id: RelationshipId(row.try_get("id")?),
            workshop_id: WorkshopId(row.try_get("workshop_id")?),
            details: RelationshipDetails {
                name: row.try_get("name")?,
                types: parse_types(row.try_get("types")?)?,
                holder: row.try_get("holder")?,
                level: parse_column(row, "relationships.level")?,
                held: parse_column(row, "relationships.held")?,
                intended_strategic: row.try_get("intended_strategic")?,
            },
            added_by: row
                .try_get::<Option<i64>, _>("added_by")?
                .map(ParticipantId),
        })
    }
}

/// Types are stored as a comma list, the main type first.
fn join_types(types: &[RelationshipType]) -> String {
    types
        .iter()
        .map(|kind| kind.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_types(stored: &str) -> Result<Vec<RelationshipType>, DbError> {
    // An empty list fails too: "" is not a type.
    stored
        .split(',')
        .map(|word| parse_stored("relationships.types", word))
        .collect()
}

/// Maps the unique index on (workshop, name) to the error the service
/// shows; any other failure passes through.
fn name_conflict(error: sqlx::Error, name: &str, operation: &'static str) -> DbError {
    match &error {
        sqlx::Error::Database(database) if database.is_unique_violation() => {
            DbError::DuplicateRelationshipName(name.to_owned())
        }
        _ => query_error(error, operation),
    }
}

/// Binds, in this order, the fields that registering a relationship and
/// changing one both write: name, types, holder, level, held,
/// intended_strategic (from `$details`, a `RelationshipDetails`), then
/// added_by.
macro_rules! bind_fields {
    ($query:expr, $details:expr, $added_by:expr) => {
        $query
            .bind(&$details.name)
            .bind(join_types(&$details.types))
            .bind(&$details.holder)
            .bind($details.level.as_str())
            .bind($details.held.as_str())
            .bind($details.intended_strategic)
            .bind($added_by.map(|id| id.0))
    };
}

/// Registers a relationship; its name must be new to the workshop,
/// ignoring case.
pub(super) async fn insert_relationship(
    executor: impl SqliteExecutor<'_>,
    workshop_id: WorkshopId,
    added_by: Option<ParticipantId>,
    details: &RelationshipDetails,
) -> Result<Relationship, DbError> {
    let query = sqlx::query_as(
        "INSERT INTO relationships (workshop_id, name, types, holder, level, held,
             intended_strategic, added_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING *",
    )
    .bind(workshop_id.0);
    bind_fields!(query, details, added_by)
        .fetch_one(executor)
        .await
        .map_err(|error| name_conflict(error, &details.name, "register a relationship"))
}

pub(super) async fn relationship_named_in(
    executor: impl SqliteExecutor<'_>,
    workshop_id: WorkshopId,
    name: &str,
) -> Result<Option<Relationship>, DbError> {
    sqlx::query_as("SELECT * FROM relationships WHERE workshop_id = ? AND name = ? COLLATE NOCASE")
        .bind(workshop_id.0)
        .bind(name)
        .fetch_optional(executor)
        .await
        .during("find a relationship by name")
}

impl Db {
    // The holder may be a person's name: it stays out of the logs.
    #[tracing::instrument(skip_all, fields(workshop_id = workshop_id.0))]
    pub async fn add_relationship(
        &self,
        workshop_id: WorkshopId,
        added_by: Option<ParticipantId>,
        details: &RelationshipDetails,
    ) -> Result<Relationship, DbError> {
        insert_relationship(&self.pool, workshop_id, added_by, details).await
    }

    /// Saves every field but the id and workshop.
    #[tracing::instrument(skip(self, relationship), fields(id = relationship.id.0))]
    pub async fn update_relationship(&self, relationship: &Relationship) -> Result<(), DbError> {
        let query = sqlx::query(
            "UPDATE relationships
             SET name = ?, types = ?, holder = ?, level = ?, held = ?,
                 intended_strategic = ?, added_by = ?
             WHERE id = ?",
        );
        let result = bind_fields!(query, relationship.details, relationship.added_by)
            .bind(relationship.id.0)
            .execute(&self.pool)
            .await
            .map_err(|error| {
                name_conflict(error, &relationship.details.name, "change a relationship")
            })?;
        require_changed(result, "relationship", relationship.id.0)
    }

    #[tracing::instrument(skip(self))]
    pub async fn relationship(&self, id: RelationshipId) -> Result<Option<Relationship>, DbError> {
        record_where(
            &self.pool,
            "SELECT * FROM relationships WHERE id = ?",
            id.0,
            "read a relationship",
        )
        .await
    }

    /// The workshop's relationship with this name, ignoring case.
    #[tracing::instrument(skip(self))]
    pub async fn relationship_named(
        &self,
        workshop_id: WorkshopId,
        name: &str,
    ) -> Result<Option<Relationship>, DbError> {
        relationship_named_in(&self.pool, workshop_id, name).await
    }

    /// The workshop's relationships in the order they were registered.
    #[tracing::instrument(skip(self))]
    pub async fn relationships(
        &self,
        workshop_id: WorkshopId,
    ) -> Result<Vec<Relationship>, DbError> {
        records_where(
            &self.pool,
            "SELECT * FROM relationships WHERE workshop_id = ? ORDER BY id",
            workshop_id.0,
            "read the relationships",
        )
        .await
    }
}

#[cfg(test)]
pub(super) mod tests {
    use sqlx::SqlitePool;

    use super::*;
    use crate::db::testing::{
        add_food_bank, add_person, add_youth_forum, db_with_two_workshops, db_with_workshop,
    };
    use crate::domain::{Held, Level, Side};

    pub(crate) fn food_bank() -> RelationshipDetails {
        RelationshipDetails {
            name: "Food bank partnership".to_owned(),
            types: vec![RelationshipType::Delivery, RelationshipType::Commissioning],
            holder: Some("Adult social care".to_owned()),
            level: Level::Neighbourhood,
            held: Held::Brokered,
            intended_strategic: true,
        }
    }

    #[sqlx::test]
    async fn a_relationship_round_trips_and_updates(pool: SqlitePool) {
        let (db, workshop) = db_with_workshop(pool).await;
        let ann = add_person(&db, workshop.id, 555, "Ann", Side::Vcs).await;
        let added = add_food_bank(&db, workshop.id, Some(ann.id)).await;
        let expected = Relationship {
            id: added.id,
            workshop_id: workshop.id,
            details: food_bank(),
            added_by: Some(ann.id),
        };
        assert_eq!(added, expected);
        assert_eq!(
            db.relationship(added.id).await.unwrap(),
            Some(expected.clone())
        );
        assert_eq!(
            db.relationship_named(workshop.id, "FOOD BANK partnership")
                .await
                .unwrap(),
            Some(expected.clone())
        );
        assert_eq!(
            db.relationship_named(workshop.id, "Food bank")
                .await
                .unwrap(),
            None
        );

        let mut edited = expected;
        edited.details = RelationshipDetails {
            name: "Food bank network".to_owned(),
            types: vec![RelationshipType::Shaping],
            holder: None,
            level: Level::System,
            held: Held::Direct,
            intended_strategic: false,
        };
        db.update_relationship(&edited).await.unwrap();
        assert_eq!(db.relationships(workshop.id).await.unwrap(), vec![edited]);
    }

    #[sqlx::test]
    async fn names_are_unique_per_workshop_ignoring_case(pool: SqlitePool) {
        let (db, one, two) = db_with_two_workshops(pool).await;
        db.add_relationship(one.id, None, &food_bank())
            .await
            .unwrap();
        // Another workshop may use the same name.
        db.add_relationship(two.id, None, &food_bank())
            .await
            .unwrap();

        let mut shouted = food_bank();
        shouted.name = "FOOD BANK PARTNERSHIP".to_owned();
        let error = db
            .add_relationship(one.id, None, &shouted)
            .await
            .unwrap_err();
        assert!(
            matches!(&error, DbError::DuplicateRelationshipName(name) if name == "FOOD BANK PARTNERSHIP"),
            "{error:?}"
        );

        // Renaming onto another's name is refused the same way.
        let mut youth = add_youth_forum(&db, one.id).await;
        youth.details.name = "food bank partnership".to_owned();
        let error = db.update_relationship(&youth).await.unwrap_err();
        assert!(
            matches!(error, DbError::DuplicateRelationshipName(_)),
            "{error:?}"
        );
        assert_eq!(db.relationships(one.id).await.unwrap().len(), 2);
    }

    #[test]
    fn types_are_stored_as_a_comma_list() {
        let types = [RelationshipType::Shaping, RelationshipType::Ongoing];
        assert_eq!(join_types(&types), "shaping,ongoing");
        assert_eq!(parse_types("shaping,ongoing").unwrap(), types);
        assert!(parse_types("").is_err());
        let error = parse_types("shaping,gardening").unwrap_err();
        assert!(
            matches!(&error, DbError::Decode { column: "relationships.types", value, .. } if value == "gardening"),
            "{error:?}"
        );
    }
}
