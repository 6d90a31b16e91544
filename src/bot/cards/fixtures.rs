//! Toolkit, records and button reading shared by the cards' tests.

use chrono::{TimeZone, Utc};
use poise::serenity_prelude as serenity;
use serde_json::Value;

use crate::domain::Toolkit;
use crate::domain::*;

pub(crate) fn toolkit() -> Toolkit {
    Toolkit::embedded().unwrap()
}

pub(crate) fn long_name(prefix: &str, n: usize) -> String {
    // 100 characters: the longest name the service keeps.
    let name =
        format!("{prefix} {n} Partnership Board for Health and Wellbeing Across the Borough ");
    name.repeat(3)
        .chars()
        .take(100)
        .collect::<String>()
        .trim()
        .to_owned()
}

pub(crate) fn workshop() -> Workshop {
    Workshop {
        id: WorkshopId(1),
        title: long_name("Workshop", 1),
        mode: Mode::Async,
        status: WorkshopStatus::Open,
        anonymity_threshold: AnonymityThreshold::DEFAULT,
        deadline: None,
        place: Place::default(),
        council_role: None,
        vcs_role: None,
        facilitator_role: None,
        previous: None,
        created_at: Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap(),
    }
}

pub(crate) fn participant(n: i64) -> Participant {
    Participant {
        id: ParticipantId(n),
        workshop_id: WorkshopId(1),
        external_id: Some(1000 + n),
        display_name: long_name("Person", n as usize),
        side: [Side::Council, Side::Vcs, Side::Other][n as usize % 3],
        organisation: None,
        active: true,
        forgotten: false,
    }
}

pub(crate) fn round(id: i64, assessment: Assessment, subject: Option<RelationshipId>) -> Round {
    Round {
        id: RoundId(id),
        workshop_id: WorkshopId(1),
        assessment,
        subject,
        status: RoundStatus::Revealed,
        items_posted: 15,
        opened_at: Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap(),
        revealed_at: None,
        reminder_sent_at: None,
    }
}

pub(crate) fn buttons(rows: &[serenity::CreateActionRow]) -> Vec<Vec<(String, String)>> {
    rows.iter()
        .map(|row| {
            let row: Value = serde_json::to_value(row).unwrap();
            row["components"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| {
                    (
                        b["label"].as_str().unwrap().to_owned(),
                        b["custom_id"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .collect()
}
