//! Assessment two's register of relationships.

use super::{
    Actor, Refusal, Result, Service, ServiceError, clean_title, optional_text, require_open,
};
use crate::db::DbError;
use crate::domain::{Held, Level, Relationship, RelationshipDetails, RelationshipType, Workshop};

/// What an edit was given; `None` keeps the current value.
#[derive(Debug, Clone, Default)]
pub struct RelationshipChanges {
    pub name: Option<String>,
    pub kind: Option<RelationshipType>,
    pub also_type: Option<RelationshipType>,
    pub holder: Option<String>,
    pub level: Option<Level>,
    pub held: Option<Held>,
    pub intended_strategic: Option<bool>,
}

impl RelationshipChanges {
    /// The relationship as it will be. A new main type keeps the other
    /// types; a new second type replaces them.
    pub fn apply_to(self, current: &RelationshipDetails) -> RelationshipDetails {
        let main = self
            .kind
            .or_else(|| current.types.first().copied())
            .unwrap_or(RelationshipType::Shaping);
        let others: Vec<RelationshipType> = match self.also_type {
            Some(also) => vec![also],
            None => current.types.iter().skip(1).copied().collect(),
        };
        let mut types = vec![main];
        types.extend(others.into_iter().filter(|t| *t != main));
        RelationshipDetails {
            name: self.name.unwrap_or_else(|| current.name.clone()),
            types,
            holder: self.holder.or_else(|| current.holder.clone()),
            level: self.level.unwrap_or(current.level),
            held: self.held.unwrap_or(current.held),
            intended_strategic: self
                .intended_strategic
                .unwrap_or(current.intended_strategic),
        }
    }
}

impl Service {
    pub async fn add_relationship(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        details: RelationshipDetails,
    ) -> Result<Relationship> {
        require_open(workshop)?;
        let added_by = self.contributor(workshop, actor).await?;
        let details = cleaned(details)?;
        match self
            .db
            .add_relationship(workshop.id, added_by, &details)
            .await
        {
            Err(DbError::DuplicateRelationshipName(_)) => Err(ServiceError::Invalid(
                Refusal::new(crate::key!("error-relationship-name-taken"))
                    .with("name", details.name),
            )),
            other => Ok(other?),
        }
    }

    pub async fn edit_relationship(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        name: &str,
        details: RelationshipDetails,
    ) -> Result<Relationship> {
        require_open(workshop)?;
        if actor.external_id.is_some() && !actor.is_facilitator {
            self.participant(workshop, actor).await?;
        }
        let mut relationship = self.relationship_named(workshop, name).await?;
        relationship.details = cleaned(details)?;
        match self.db.update_relationship(&relationship).await {
            Err(DbError::DuplicateRelationshipName(_)) => Err(ServiceError::Invalid(
                Refusal::new(crate::key!("error-relationship-name-in-use"))
                    .with("name", relationship.details.name),
            )),
            other => {
                other?;
                Ok(relationship)
            }
        }
    }

    pub async fn relationships(&self, workshop: &Workshop) -> Result<Vec<Relationship>> {
        Ok(self.db.relationships(workshop.id).await?)
    }

    pub async fn relationship_named(
        &self,
        workshop: &Workshop,
        name: &str,
    ) -> Result<Relationship> {
        self.db
            .relationship_named(workshop.id, name.trim())
            .await?
            .ok_or_else(|| {
                ServiceError::NotFound(
                    Refusal::new(crate::key!("error-relationship-unknown"))
                        .with("name", name.trim()),
                )
            })
    }
}

/// The details as they are stored: a clean name and holder, and each type
/// once.
fn cleaned(details: RelationshipDetails) -> Result<RelationshipDetails> {
    Ok(RelationshipDetails {
        name: clean_title(&details.name, "relationship")?,
        types: distinct_types(&details.types)?,
        holder: optional_text(details.holder.as_deref()),
        ..details
    })
}

fn distinct_types(types: &[RelationshipType]) -> Result<Vec<RelationshipType>> {
    let mut distinct = Vec::new();
    for kind in types {
        if !distinct.contains(kind) {
            distinct.push(*kind);
        }
    }
    if distinct.is_empty() {
        return Err(ServiceError::Invalid(Refusal::new(crate::key!(
            "error-relationship-no-type"
        ))));
    }
    Ok(distinct)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::relationship;

    #[test]
    fn relationship_types_are_deduplicated_and_required() {
        let types = distinct_types(&[
            RelationshipType::Shaping,
            RelationshipType::Shaping,
            RelationshipType::Delivery,
        ])
        .unwrap();
        assert_eq!(
            types,
            vec![RelationshipType::Shaping, RelationshipType::Delivery]
        );
        assert!(distinct_types(&[]).is_err());
    }

    #[test]
    fn edits_keep_what_was_left_out() {
        let mut current = relationship(
            1,
            "Compact board",
            &[RelationshipType::Shaping, RelationshipType::Delivery],
            Level::Place,
            true,
        );
        current.details.holder = Some("Chief executive's office".to_owned());
        let kept = RelationshipChanges::default().apply_to(&current.details);
        assert_eq!(kept.name, "Compact board");
        assert_eq!(
            kept.types,
            [RelationshipType::Shaping, RelationshipType::Delivery]
        );
        assert_eq!(kept.holder.as_deref(), Some("Chief executive's office"));
        assert!(kept.intended_strategic);

        let changed = RelationshipChanges {
            kind: Some(RelationshipType::Commissioning),
            level: Some(Level::System),
            intended_strategic: Some(false),
            ..RelationshipChanges::default()
        }
        .apply_to(&current.details);
        assert_eq!(
            changed.types,
            [RelationshipType::Commissioning, RelationshipType::Delivery]
        );
        assert_eq!(changed.level, Level::System);
        assert!(!changed.intended_strategic);

        // A second type replaces the others, and never repeats the main one.
        let second = RelationshipChanges {
            also_type: Some(RelationshipType::Shaping),
            ..RelationshipChanges::default()
        }
        .apply_to(&current.details);
        assert_eq!(second.types, [RelationshipType::Shaping]);
    }
}
