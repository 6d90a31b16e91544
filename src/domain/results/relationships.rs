//! Each registered relationship's results, and assessment two's map of them
//! by type and level.

use std::collections::HashSet;

use serde::Serialize;

use super::items::AssessmentResults;
use super::strategic::StrategicResults;
use crate::domain::records::Relationship;
use crate::domain::values::{Level, RelationshipId, RelationshipType};

/// Everything known about one registered relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipResults {
    pub relationship: Relationship,
    /// Assessment two's five questions, when voted.
    pub questions: Option<AssessmentResults>,
    /// Assessment three, when voted.
    pub strategic: Option<StrategicResults>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipRef {
    pub id: RelationshipId,
    pub name: String,
}

impl From<&Relationship> for RelationshipRef {
    fn from(relationship: &Relationship) -> Self {
        RelationshipRef {
            id: relationship.id,
            name: relationship.details.name.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeHolders {
    pub kind: RelationshipType,
    pub relationships: Vec<RelationshipRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelHolders {
    pub level: Level,
    pub relationships: Vec<RelationshipRef>,
}

/// Assessment two's map of relationships by type and level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipMap {
    /// Every type, in the toolkit's order, with the relationships of it.
    pub by_type: Vec<TypeHolders>,
    /// Types with no relationship at all.
    pub gaps: Vec<RelationshipType>,
    /// Every level, with the relationships at it.
    pub by_level: Vec<LevelHolders>,
    /// Types held by two or more relationships.
    pub shared_types: Vec<TypeHolders>,
    /// Relationships of more than one type.
    pub multi_type: Vec<RelationshipRef>,
}

impl RelationshipMap {
    pub fn from_relationships(relationships: &[Relationship]) -> RelationshipMap {
        let by_type: Vec<TypeHolders> = RelationshipType::ALL
            .iter()
            .map(|&kind| TypeHolders {
                kind,
                relationships: relationships
                    .iter()
                    .filter(|r| r.details.types.contains(&kind))
                    .map(RelationshipRef::from)
                    .collect(),
            })
            .collect();
        let gaps = by_type
            .iter()
            .filter(|holders| holders.relationships.is_empty())
            .map(|holders| holders.kind)
            .collect();
        let shared_types = by_type
            .iter()
            .filter(|holders| holders.relationships.len() >= 2)
            .cloned()
            .collect();
        let by_level = Level::ALL
            .iter()
            .map(|&level| LevelHolders {
                level,
                relationships: relationships
                    .iter()
                    .filter(|r| r.details.level == level)
                    .map(RelationshipRef::from)
                    .collect(),
            })
            .collect();
        let multi_type = relationships
            .iter()
            .filter(|r| {
                let distinct: HashSet<&RelationshipType> = r.details.types.iter().collect();
                distinct.len() > 1
            })
            .map(RelationshipRef::from)
            .collect();
        RelationshipMap {
            by_type,
            gaps,
            by_level,
            shared_types,
            multi_type,
        }
    }
}
