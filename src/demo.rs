//! The offline demo: a complete example partnership, built through the
//! service exactly as the bot would, with votes drawn from a fixed seed so
//! every run gives the same results.

use chrono::{Days, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::*;
use crate::service::{ActionRequest, Actor, Service, WorkshopRequest};

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
/// A year on (`rerun`), the VCS sees shared foundations and capacity better,
/// after the first plan's actions.
fn lean(side: Side, item: &ItemId, rerun: bool) -> i32 {
    let id = item.as_str();
    let improved =
        rerun && (id.contains("shared_foundations") || id.contains("capacity_resources"));
    match side {
        Side::Council
            if id.contains("power") || id.contains("financial") || id.contains("commissioning") =>
        {
            2
        }
        Side::Council => 1,
        Side::Vcs if improved => 2,
        Side::Vcs if id.contains("senior_leadership") || id.contains("social_capital") => 1,
        Side::Vcs | Side::Other => 0,
    }
}

/// The people of the demo as the service sees them, with their sides.
fn people() -> Vec<(Actor, Side, &'static str)> {
    PEOPLE
        .iter()
        .enumerate()
        .map(|(index, (name, side, organisation))| {
            let actor = Actor {
                external_id: Some(100 + index as i64),
                display_name: (*name).to_owned(),
                is_facilitator: false,
            };
            (actor, *side, *organisation)
        })
        .collect()
}

/// Builds the demo: a first review, closed, and its rerun a year later,
/// which is returned (its report shows the change since the first).
pub async fn build(service: &Service, language: WorkshopLanguage) -> anyhow::Result<Workshop> {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let facilitator = Actor {
        external_id: Some(1),
        display_name: "Facilitator".to_owned(),
        is_facilitator: true,
    };
    let people = people();
    let first = service
        .create_workshop(
            &facilitator,
            WorkshopRequest {
                title: "Northfield partnership review 2025".to_owned(),
                mode: Some(Mode::Async),
                anonymity_threshold: Some(3),
                language: Some(language),
                ..WorkshopRequest::default()
            },
        )
        .await?;
    for (actor, side, organisation) in &people {
        service
            .join(&first, actor, *side, Some(organisation))
            .await?;
    }
    for (index, (name, types, holder, level, held, intended)) in RELATIONSHIPS.iter().enumerate() {
        let (actor, _, _) = &people[index % people.len()];
        let details = RelationshipDetails {
            name: (*name).to_owned(),
            types: types.to_vec(),
            holder: Some((*holder).to_owned()),
            level: *level,
            held: *held,
            intended_strategic: *intended,
        };
        service.add_relationship(&first, actor, details).await?;
    }
    assess(service, &facilitator, &first, &people, &mut rng, false).await?;
    agree_actions(
        service,
        &facilitator,
        &first,
        &people,
        &mut rng,
        &PROPOSALS_2025,
    )
    .await?;
    service.close_workshop(&facilitator, &first).await?;

    let rerun = service
        .rerun(&facilitator, &first, "Northfield partnership review 2026")
        .await?;
    for (actor, side, organisation) in &people {
        service
            .join(&rerun, actor, *side, Some(organisation))
            .await?;
    }
    assess(service, &facilitator, &rerun, &people, &mut rng, true).await?;
    agree_actions(
        service,
        &facilitator,
        &rerun,
        &people,
        &mut rng,
        &PROPOSALS_2026,
    )
    .await?;
    Ok(rerun)
}

/// Opens all three assessments, has everyone vote, and reveals.
async fn assess(
    service: &Service,
    facilitator: &Actor,
    workshop: &Workshop,
    people: &[(Actor, Side, &str)],
    rng: &mut ChaCha8Rng,
    rerun: bool,
) -> anyhow::Result<()> {
    let mut rounds = service
        .open_assessment(facilitator, workshop, Assessment::Benefits, None)
        .await?;
    rounds.extend(
        service
            .open_assessment(facilitator, workshop, Assessment::Relationships, None)
            .await?,
    );
    for name in [
        "Stronger Communities Board",
        "Keep it Local commissioning",
        "Ward community networks",
    ] {
        rounds.extend(
            service
                .open_assessment(facilitator, workshop, Assessment::Strategic, Some(name))
                .await?,
        );
    }
    for round in &rounds {
        let items = service.round_items(round).await?;
        for (actor, side, _) in people {
            for (index, item) in items.iter().enumerate() {
                // Other partners are few, so a "not sure" from one of them
                // would hide the whole room's figures for that item.
                let value = if *side != Side::Other && rng.random_ratio(1, 14) {
                    VoteValue::NotSure
                } else {
                    let base: i32 = rng.random_range(1..=4);
                    let score = (base + lean(*side, &item.id, rerun)).clamp(1, 5) as u8;
                    VoteValue::from_code(score)?
                };
                service
                    .cast_vote(workshop, actor, round.id, index as u16, value)
                    .await?;
            }
        }
    }
    service.reveal(facilitator, workshop, None, None).await?;
    Ok(())
}

/// Text, owner, days until due, what prompted it, and whether it is agreed.
type Proposal = (&'static str, &'static str, u64, &'static str, bool);

const PROPOSALS_2025: [Proposal; 2] = [
    (
        "Set up a joint working group to agree how the VCS shapes the budget cycle.",
        "Policy and partnerships, with Northfield CVS",
        60,
        "a3.shared_foundations.power",
        true,
    ),
    (
        "Fund a capacity-building programme for small VCS groups.",
        "Communities team",
        90,
        "a3.capacity_resources.inequality",
        true,
    ),
];

const PROPOSALS_2026: [Proposal; 4] = [
    (
        "Give the VCS two seats on the budget board.",
        "Chief executive's office",
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

/// Proposes the actions; everyone responds; the facilitator marks the
/// agreed ones.
async fn agree_actions(
    service: &Service,
    facilitator: &Actor,
    workshop: &Workshop,
    people: &[(Actor, Side, &str)],
    rng: &mut ChaCha8Rng,
    proposals: &[Proposal],
) -> anyhow::Result<()> {
    let today = Utc::now().date_naive();
    for (index, (text, owner, days, prompted_by, agreed)) in proposals.iter().enumerate() {
        let due = today.checked_add_days(Days::new(*days)).unwrap_or(today);
        let (proposer, _, _) = &people[index * 3 % people.len()];
        let request = ActionRequest {
            text: (*text).to_owned(),
            owner: (*owner).to_owned(),
            // Typed the UK way, as a facilitator would.
            due: due.format("%d/%m/%Y").to_string(),
            prompted_by: (*prompted_by).to_owned(),
        };
        let action = service
            .propose_action(workshop, proposer, request, None)
            .await?
            .action;
        for (actor, _, _) in people {
            let stance = if *agreed || rng.random_ratio(1, 2) {
                Stance::Agree
            } else {
                Stance::Object
            };
            service
                .respond_to_action(workshop, actor, action.id, stance)
                .await?;
        }
        if *agreed {
            service
                .mark_agreed(facilitator, workshop, action.id)
                .await?;
        }
    }
    Ok(())
}
