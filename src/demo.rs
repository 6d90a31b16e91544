//! The offline demo: a complete example partnership, built through the
//! service exactly as the bot would, with votes drawn from a fixed seed so
//! every run gives the same results.

use chrono::{Days, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::*;
use crate::service::{ActionRequest, Actor, RelationshipRequest, Service, WorkshopRequest};

const SEED: u64 = 2026;

/// The people of the demo: name, side and organisation.
const PEOPLE: &[(&str, Side, &str)] = &[
    (
        "Priya Shah",
        Side::Council,
        "Communities team, Northfield Council",
    ),
    (
        "Tom Whitaker",
        Side::Council,
        "Adult social care commissioning",
    ),
    (
        "Cllr Janet Okafor",
        Side::Council,
        "Cabinet member for communities",
    ),
    ("Mark Ellison", Side::Council, "Public health"),
    ("Sarah Lund", Side::Council, "Policy and partnerships"),
    ("Dev Patel", Side::Council, "Neighbourhood services"),
    ("Grace Adeyemi", Side::Vcs, "Northfield CVS"),
    ("Owen Hughes", Side::Vcs, "Northfield Food Partnership"),
    ("Hannah Morris", Side::Vcs, "Age Concern Northfield"),
    ("Bilal Hussain", Side::Vcs, "Eastside Community Trust"),
    ("Kate Brennan", Side::Vcs, "Young Minds Together"),
    ("Luke Farrow", Side::Vcs, "Northfield Disability Network"),
    (
        "Amira Khan",
        Side::Other,
        "Northfield Integrated Care Board",
    ),
    ("Insp. Ray Collins", Side::Other, "Northfield Police"),
    (
        "Jo Wright",
        Side::Other,
        "Northfield Homes housing association",
    ),
];

/// Name, types, holder, level, held, intended strategic.
type RelationshipSpec = (
    &'static str,
    &'static [RelationshipType],
    &'static str,
    Level,
    Held,
    bool,
);

const RELATIONSHIPS: &[RelationshipSpec] = &[
    (
        "Stronger Communities Board",
        &[RelationshipType::Shaping],
        "Chief executive's office",
        Level::Place,
        Held::Direct,
        true,
    ),
    (
        "CVS infrastructure grant",
        &[RelationshipType::Ongoing, RelationshipType::Commissioning],
        "Communities team",
        Level::Place,
        Held::Brokered,
        true,
    ),
    (
        "Ward community networks",
        &[RelationshipType::Neighbourhood],
        "Neighbourhood services",
        Level::Neighbourhood,
        Held::Brokered,
        false,
    ),
    (
        "Keep it Local commissioning",
        &[RelationshipType::Commissioning, RelationshipType::Delivery],
        "Adult social care",
        Level::Place,
        Held::Direct,
        true,
    ),
    (
        "ICS VCSE alliance",
        &[RelationshipType::Shaping],
        "Public health",
        Level::System,
        Held::Brokered,
        false,
    ),
];

/// How each side tends to see the partnership: council officers a little
/// more kindly than the VCS, which makes for real divergence in the report.
fn lean(side: Side, item: &ItemId) -> i32 {
    let id = item.as_str();
    match side {
        Side::Council
            if id.contains("power") || id.contains("financial") || id.contains("commissioning") =>
        {
            2
        }
        Side::Council => 1,
        Side::Vcs if id.contains("senior_leadership") || id.contains("social_capital") => 1,
        Side::Vcs => 0,
        Side::Other => 0,
    }
}

/// Builds the demo workshop and returns it.
pub async fn build(service: &Service) -> anyhow::Result<Workshop> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let facilitator = Actor {
        external_id: Some(1),
        display_name: "Facilitator".to_owned(),
        is_facilitator: true,
    };
    let workshop = service
        .create_workshop(
            &facilitator,
            WorkshopRequest {
                title: "Northfield partnership review (demo)".to_owned(),
                mode: Some(Mode::Async),
                anonymity_threshold: Some(3),
                ..WorkshopRequest::default()
            },
        )
        .await?;

    let mut people = Vec::new();
    for (index, (name, side, organisation)) in PEOPLE.iter().enumerate() {
        let actor = Actor {
            external_id: Some(100 + index as i64),
            display_name: (*name).to_owned(),
            is_facilitator: false,
        };
        service
            .join(&workshop, &actor, *side, Some(organisation))
            .await?;
        people.push((actor, *side));
    }

    for (index, (name, types, holder, level, held, intended)) in RELATIONSHIPS.iter().enumerate() {
        let (actor, _) = &people[index % people.len()];
        service
            .add_relationship(
                &workshop,
                actor,
                RelationshipRequest {
                    name: (*name).to_owned(),
                    types: types.to_vec(),
                    holder: Some((*holder).to_owned()),
                    level: *level,
                    held: *held,
                    intended_strategic: *intended,
                },
            )
            .await?;
    }

    let mut rounds = service
        .open_assessment(&facilitator, &workshop, Assessment::Benefits, None)
        .await?;
    rounds.extend(
        service
            .open_assessment(&facilitator, &workshop, Assessment::Relationships, None)
            .await?,
    );
    for name in [
        "Stronger Communities Board",
        "Keep it Local commissioning",
        "Ward community networks",
    ] {
        rounds.extend(
            service
                .open_assessment(&facilitator, &workshop, Assessment::Strategic, Some(name))
                .await?,
        );
    }

    for round in &rounds {
        let items = service.round_items(round).to_vec();
        for (actor, side) in &people {
            for (index, item) in items.iter().enumerate() {
                // Other partners are few, so a "not sure" from one of them
                // would hide the whole room's figures for that item.
                let value = if *side != Side::Other && rng.random_ratio(1, 14) {
                    VoteValue::NotSure
                } else {
                    let base: i32 = rng.random_range(1..=4);
                    let score = (base + lean(*side, &item.id)).clamp(1, 5) as u8;
                    VoteValue::from_code(score)?
                };
                service
                    .cast_vote(&workshop, actor, round.id, index as u16, value)
                    .await?;
            }
        }
    }
    service.reveal(&facilitator, &workshop, None, None).await?;

    let today = Utc::now().date_naive();
    let due = |days: u64| {
        today
            .checked_add_days(Days::new(days))
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string()
    };
    let proposals = [
        (
            "Set up a joint working group to agree how the VCS shapes the budget cycle.",
            "Policy and partnerships, with Northfield CVS",
            60,
            "a3.shared_foundations.power",
            true,
        ),
        (
            "Map which departments hold relationships with the VCS and publish the map.",
            "Communities team",
            45,
            "overlaps",
            true,
        ),
        (
            "Create a neighbourhood forum for the two wards with no community network.",
            "Neighbourhood services",
            120,
            "Ward community networks",
            true,
        ),
        (
            "Ring-fence officer time for the Keep it Local programme.",
            "Adult social care",
            90,
            "a3.axes.time",
            false,
        ),
    ];
    for (index, (text, owner, days, prompted_by, agreed)) in proposals.into_iter().enumerate() {
        let (proposer, _) = &people[index * 3 % people.len()];
        let action = service
            .propose_action(
                &workshop,
                proposer,
                ActionRequest {
                    text: text.to_owned(),
                    owner: owner.to_owned(),
                    due: due(days),
                    prompted_by: prompted_by.to_owned(),
                },
            )
            .await?;
        for (actor, _) in &people {
            let stance = if agreed || rng.random_ratio(1, 2) {
                Stance::Agree
            } else {
                Stance::Object
            };
            service
                .respond_to_action(&workshop, actor, action.id, stance)
                .await?;
        }
        if agreed {
            service
                .mark_agreed(&facilitator, &workshop, action.id)
                .await?;
        }
    }
    Ok(workshop)
}
