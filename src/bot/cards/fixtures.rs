//! Toolkit, words, records and button reading shared by the bot's tests.

use chrono::{TimeZone, Utc};
use poise::serenity_prelude as serenity;
use serde_json::Value;

use crate::domain::Toolkit;
use crate::domain::fixtures;
use crate::domain::*;
use crate::prompts::{Catalogue, Words};

pub(crate) fn toolkit() -> Toolkit {
    Toolkit::embedded().unwrap()
}

/// The shipped catalogue's words in `language`, loaded once for every test.
pub(crate) fn words(language: Language) -> Words<'static> {
    Catalogue::shipped().words(language)
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

/// The domain's test records with long names and the cards' own times.
pub(crate) fn workshop() -> Workshop {
    let base = fixtures::workshop(AnonymityThreshold::DEFAULT.get());
    Workshop {
        created_at: Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap(),
        settings: WorkshopSettings {
            title: long_name("Workshop", 1),
            mode: Mode::Async,
            ..base.settings
        },
        ..base
    }
}

pub(crate) fn participant(n: i64) -> Participant {
    Participant {
        display_name: long_name("Person", n as usize),
        ..fixtures::participant(n, [Side::Council, Side::Vcs, Side::Other][n as usize % 3])
    }
}

pub(crate) fn round(id: i64, assessment: Assessment, subject: Option<RelationshipId>) -> Round {
    Round {
        items_posted: 15,
        opened_at: Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap(),
        ..fixtures::round(id, assessment, subject.map(|subject| subject.0))
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
