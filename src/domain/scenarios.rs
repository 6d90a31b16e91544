//! Whole workshops computed from the fixtures, for the tests of what is
//! built on the results (focus areas, the plan).

use super::fixtures::*;
use super::records::{Action, Participant, Relationship, RoundItems};
use super::results::{WorkshopRecords, WorkshopResults, compute_from_votes};
use super::values::{Assessment, Level, RelationshipType, Side};

/// Compact forum (shaping, place, meant to be strategic) and Grants panel
/// (commissioning, system, not meant to be).
pub(crate) fn two_relationships() -> Vec<Relationship> {
    vec![
        relationship(
            1,
            "Compact forum",
            &[RelationshipType::Shaping],
            Level::Place,
            true,
        ),
        relationship(
            2,
            "Grants panel",
            &[RelationshipType::Commissioning],
            Level::System,
            false,
        ),
    ]
}

/// Three council and three VCS people: benefits voted, Compact forum scoring
/// 2 on every strategic item and Grants panel 4.
pub(crate) fn scenario(threshold: u8, actions: &[Action]) -> WorkshopResults {
    let participants: Vec<Participant> =
        [people(1, 3, Side::Council), people(4, 3, Side::Vcs)].concat();
    let rounds = [
        round(1, Assessment::Benefits, None),
        round(2, Assessment::Strategic, Some(1)),
        round(3, Assessment::Strategic, Some(2)),
    ];
    let votes = [
        vec![
            vote(1, "a1.direct.outcomes", 1, 5),
            vote(1, "a1.direct.outcomes", 4, 3),
            vote(1, "a1.direct.reach", 1, 4),
            vote(1, "a1.direct.reach", 4, 3),
            vote(1, "a1.indirect.trust", 1, 3),
            vote(1, "a1.indirect.trust", 4, 3),
        ],
        // Participant 1 (council) and 4 (VCS) alike on every strategic item.
        on_every_strategic_item(2, &[(1, 2), (4, 2)]),
        on_every_strategic_item(3, &[(1, 4), (4, 4)]),
    ]
    .concat();
    compute_from_votes(
        &WorkshopRecords {
            toolkit: &toolkit(),
            workshop: &workshop(threshold),
            participants: &participants,
            relationships: &two_relationships(),
            rounds: &rounds,
            opened_with: &RoundItems::new(),
            actions,
            responses: &[],
        },
        &votes,
    )
}
