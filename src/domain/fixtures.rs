//! Small hand-built records and a toolkit for the domain's tests.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::language::WorkshopLanguage;
use super::records::*;
use super::results::{WorkshopRecords, WorkshopResults, compute_from_votes};
use super::toolkit::*;
use super::values::*;

pub(crate) const PRINCIPLES: [(&str, &str, [&str; 3]); 4] = [
    (
        "shared_foundations",
        "Shared foundations",
        ["power", "value", "leadership"],
    ),
    (
        "relational_culture",
        "Relational culture",
        ["empower", "step_up", "learn"],
    ),
    (
        "effective_structures",
        "Effective structures",
        ["system", "mechanisms", "processes"],
    ),
    (
        "capacity_resources",
        "Capacity and resources",
        ["commitment", "commissioning", "inequality"],
    ),
];
pub(crate) const AXES: [&str; 3] = ["proactive", "financial", "time"];

pub(crate) fn id(text: &str) -> ItemId {
    text.parse().unwrap()
}

fn item(full_id: &str, group: &str) -> Item {
    Item {
        id: id(full_id),
        short: format!("short {full_id}"),
        text: format!("text {full_id}"),
        group: group.to_owned(),
    }
}

/// The design's bands: 0–15 not strategic, 16–30 minimally, 31–45 somewhat,
/// 46–60 largely, 61–75 highly.
pub(crate) fn bands() -> Bands {
    [
        (0, 15, "Not strategic"),
        (16, 30, "Minimally strategic"),
        (31, 45, "Somewhat strategic"),
        (46, 60, "Largely strategic"),
        (61, 75, "Highly strategic"),
    ]
    .map(|(min, max, label)| BandInfo {
        min,
        max,
        label: label.to_owned(),
    })
}

/// A toolkit with three benefits, the five relationship questions, the four
/// principles' twelve items, the three axes, the four cases and the six
/// considerations.
pub(crate) fn toolkit() -> Toolkit {
    let mut strategic_items = Vec::new();
    for (key, _, names) in PRINCIPLES {
        for name in names {
            strategic_items.push(item(&format!("a3.{key}.{name}"), key));
        }
    }
    for axis in AXES {
        strategic_items.push(item(&format!("a3.axes.{axis}"), "axes"));
    }
    let case = |key: &str, action: &str| CaseInfo {
        key: key.to_owned(),
        label: key.to_owned(),
        action: action.to_owned(),
    };
    let consideration = |key: &str, text: &str| Consideration {
        key: key.to_owned(),
        text: text.to_owned(),
    };
    Toolkit {
        scale: (1..=5)
            .map(|value| ScaleLabel {
                value,
                label: format!("label {value}"),
            })
            .collect(),
        benefits: vec![
            item("a1.direct.outcomes", "direct"),
            item("a1.direct.reach", "direct"),
            item("a1.indirect.trust", "indirect"),
        ],
        benefit_discussion: Vec::new(),
        relationship_types: Vec::new(),
        relationship_questions: [
            "strategy",
            "embedded",
            "neighbourhood",
            "commissioning",
            "delivery",
        ]
        .iter()
        .map(|name| item(&format!("a2.questions.{name}"), "questions"))
        .collect(),
        levels: Vec::new(),
        principles: PRINCIPLES
            .iter()
            .map(|(key, name, _)| Principle {
                key: (*key).to_owned(),
                name: (*name).to_owned(),
                definition: String::new(),
            })
            .collect(),
        strategic_items,
        bands: bands(),
        cases: vec![
            case("both", "Action not needed."),
            case("intent_only", "Bring delivery in line with intent."),
            case("delivery_only", "Make sure delivery is valued."),
            case("neither", "Action may or may not be needed."),
        ],
        considerations: vec![
            consideration("typology_gaps", "Gaps in the types of relationship"),
            consideration("overlaps", "Overlap in the remit of relationships"),
            consideration("geography", "Geographical scope"),
            consideration("support_to_strategic", "Relationships that need support"),
            consideration("axes_balance", "Balance on the axes"),
            consideration("improve_strategic", "Making relationships more strategic"),
        ],
        context_questions: Vec::new(),
    }
}

pub(crate) fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 10, minute, 0).unwrap()
}

pub(crate) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, d).unwrap()
}

pub(crate) fn workshop(threshold: u8) -> Workshop {
    Workshop {
        id: WorkshopId(1),
        status: WorkshopStatus::Open,
        created_at: at(0),
        settings: WorkshopSettings {
            title: "Spring partnership review".to_owned(),
            mode: Mode::Live,
            anonymity_threshold: AnonymityThreshold::try_from(threshold).unwrap(),
            deadline: None,
            place: Place::default(),
            roles: Roles::default(),
            previous: None,
            language: WorkshopLanguage::English,
        },
    }
}

pub(crate) fn participant(number: i64, side: Side) -> Participant {
    Participant {
        id: ParticipantId(number),
        workshop_id: WorkshopId(1),
        external_id: Some(1000 + number),
        display_name: format!("Person {number}"),
        side,
        organisation: None,
        active: true,
        forgotten: false,
    }
}

/// Participants numbered from `first`, `count` of them, all on one side.
pub(crate) fn people(first: i64, count: i64, side: Side) -> Vec<Participant> {
    (first..first + count)
        .map(|n| participant(n, side))
        .collect()
}

pub(crate) fn relationship(
    number: i64,
    name: &str,
    types: &[RelationshipType],
    level: Level,
    intended_strategic: bool,
) -> Relationship {
    Relationship {
        id: RelationshipId(number),
        workshop_id: WorkshopId(1),
        details: RelationshipDetails {
            name: name.to_owned(),
            types: types.to_vec(),
            holder: None,
            level,
            held: Held::Direct,
            intended_strategic,
        },
        added_by: None,
    }
}

pub(crate) fn round(number: i64, assessment: Assessment, subject: Option<i64>) -> Round {
    Round {
        id: RoundId(number),
        workshop_id: WorkshopId(1),
        assessment,
        subject: subject.map(RelationshipId),
        status: RoundStatus::Revealed,
        items_posted: 0,
        opened_at: at(0),
        revealed_at: None,
        reminder_sent_at: None,
    }
}

/// A vote; `code` 0 is "not sure".
pub(crate) fn vote(round: i64, item: &str, participant: i64, code: u8) -> Vote {
    Vote {
        round_id: RoundId(round),
        item: id(item),
        participant_id: ParticipantId(participant),
        value: VoteValue::from_code(code).unwrap(),
        cast_at: at(1),
        side_at_reveal: None,
    }
}

/// Votes from participants `first`, `first + 1`, … with these codes.
pub(crate) fn votes(round: i64, item: &str, first: i64, codes: &[u8]) -> Vec<Vote> {
    codes
        .iter()
        .zip(first..)
        .map(|(&code, participant)| vote(round, item, participant, code))
        .collect()
}

/// Each (participant, code) votes the code on every strategic item of
/// round `round`, item by item.
pub(crate) fn on_every_strategic_item(round: i64, codes: &[(i64, u8)]) -> Vec<Vote> {
    toolkit()
        .strategic_items
        .iter()
        .flat_map(|item| {
            codes
                .iter()
                .map(|&(participant, code)| vote(round, item.id.as_str(), participant, code))
        })
        .collect()
}

pub(crate) fn action(number: i64, prompted_by: &str, agreed: bool, due: NaiveDate) -> Action {
    Action {
        id: ActionId(number),
        workshop_id: WorkshopId(1),
        text: format!("Action {number}"),
        owner: "Head of communities".to_owned(),
        due,
        prompted_by: prompted_by.to_owned(),
        status: ActionStatus::Open,
        agreed,
        proposed_by: None,
        created_at: at(0),
        reminder_sent_at: None,
        card: None,
    }
}

/// The results of workshop 1 under the test toolkit, with no actions and the
/// rounds asking the toolkit's current items.
pub(crate) fn compute_votes(
    threshold: u8,
    participants: &[Participant],
    relationships: &[Relationship],
    rounds: &[Round],
    votes: &[Vote],
) -> WorkshopResults {
    compute_from_votes(
        &WorkshopRecords {
            toolkit: &toolkit(),
            workshop: &workshop(threshold),
            participants,
            relationships,
            rounds,
            opened_with: &RoundItems::new(),
            actions: &[],
            responses: &[],
        },
        votes,
    )
}

/// Equal up to floating-point noise.
pub(crate) fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}
