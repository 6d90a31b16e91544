//! Votes collected on paper or in another polling tool, read from CSV with
//! the columns participant,side,item,subject,value.

use std::collections::{HashMap, HashSet};

use super::words::english;
use super::{
    MAX_TITLE, Refusal, Result, Service, ServiceError, WorkshopRequest, clean_title, clip,
};
use crate::db::{ImportBatch, ImportOutcome, ImportVote};
use crate::domain::{InvalidValue, ItemId, Mode, Side, VoteValue};
use crate::text;

/// A row of a paper or spreadsheet vote file.
#[derive(Debug, Clone, serde::Deserialize)]
struct ImportRow {
    participant: String,
    side: String,
    item: String,
    #[serde(default)]
    subject: String,
    value: String,
}

/// Everything a vote file holds, checked against the toolkit.
#[derive(Debug, Default)]
struct VoteFile {
    participants: Vec<(String, Side)>,
    relationships: Vec<String>,
    votes: Vec<ImportVote>,
}

impl Service {
    /// Imports votes collected on paper or in another polling tool. All or
    /// nothing: every row is checked before anything is written.
    pub async fn import_votes(
        &self,
        title: &str,
        anonymity_threshold: Option<u8>,
        csv_text: &str,
    ) -> Result<ImportOutcome> {
        let workshop = self.new_workshop(WorkshopRequest {
            title: title.to_owned(),
            mode: Some(Mode::Async),
            anonymity_threshold,
            ..WorkshopRequest::default()
        })?;
        let file = self.read_vote_file(csv_text)?;
        let batch = ImportBatch {
            workshop,
            participants: file.participants,
            relationships: file.relationships,
            votes: file.votes,
        };
        Ok(self.db.import_batch(&batch, self.clock.now()).await?)
    }

    /// Reads and checks every row; the first bad one refuses the whole file.
    fn read_vote_file(&self, csv_text: &str) -> Result<VoteFile> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(csv_text.as_bytes());
        let mut file = VoteFile::default();
        // Where each name already read is, by its lower-case form, so a long
        // file is not searched from the top for every line.
        let mut participant_at: HashMap<String, usize> = HashMap::new();
        let mut relationship_known: HashSet<String> = HashSet::new();
        let words = english();
        for (index, row) in reader.deserialize::<ImportRow>().enumerate() {
            let line = index + 2;
            let row = row.map_err(|e| {
                let problem = csv_problem(&e);
                ServiceError::Invalid(
                    Refusal::new(crate::key!("cli-import-unreadable-line"))
                        .with("line", line)
                        .with("problem", problem),
                )
            })?;
            let at_line = |problem: String| {
                ServiceError::Invalid(
                    Refusal::new(crate::key!("cli-import-refused-line"))
                        .with("line", line)
                        .with("problem", problem),
                )
            };
            let name = row.participant.trim();
            if name.is_empty() {
                return Err(at_line(text!(words, "cli-import-no-participant")));
            }
            let side: Side = row.side.parse().map_err(|e: InvalidValue| at_line(e.0))?;
            let item: ItemId = row.item.parse().map_err(|e: InvalidValue| at_line(e.0))?;
            let (assessment, _) = self.toolkit().item(&item).ok_or_else(|| {
                at_line(text!(
                    words,
                    "cli-import-unknown-item",
                    item = item.as_str()
                ))
            })?;
            let value: VoteValue = row.value.parse().map_err(|e: InvalidValue| at_line(e.0))?;
            let subject = row.subject.trim();
            let relationship = match (assessment.has_subject(), subject.is_empty()) {
                (true, true) => {
                    return Err(at_line(text!(
                        words,
                        "cli-import-needs-subject",
                        item = item.as_str()
                    )));
                }
                (false, false) => {
                    return Err(at_line(text!(
                        words,
                        "cli-import-no-subject",
                        item = item.as_str()
                    )));
                }
                (true, false) => {
                    Some(clean_title(subject, "relationship").map_err(|e| at_line(e.to_string()))?)
                }
                (false, true) => None,
            };
            match participant_at
                .get(&name.to_ascii_lowercase())
                .map(|&at| &file.participants[at])
            {
                Some((_, known_side)) if *known_side != side => {
                    return Err(at_line(text!(
                        words,
                        "cli-import-two-sides",
                        name = name,
                        first = words.name(*known_side),
                        second = words.name(side)
                    )));
                }
                Some(_) => {}
                None => {
                    let kept = clip(name, MAX_TITLE);
                    participant_at
                        .entry(kept.to_ascii_lowercase())
                        .or_insert(file.participants.len());
                    file.participants.push((kept, side));
                }
            }
            if let Some(relationship) = &relationship
                && relationship_known.insert(relationship.to_ascii_lowercase())
            {
                file.relationships.push(relationship.clone());
            }
            file.votes.push(ImportVote {
                participant: clip(name, MAX_TITLE),
                assessment,
                relationship,
                item,
                value,
            });
        }
        if file.votes.is_empty() {
            return Err(ServiceError::Invalid(Refusal::new(crate::key!(
                "cli-import-no-votes"
            ))));
        }
        Ok(file)
    }
}

fn csv_problem(error: &csv::Error) -> String {
    let words = english();
    match error.kind() {
        csv::ErrorKind::Deserialize { err, .. } => text!(
            words,
            "cli-import-column-unreadable",
            detail = err.to_string()
        ),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => text!(
            words,
            "cli-import-column-count",
            expected = *expected_len,
            found = *len
        ),
        _ => text!(words, "cli-import-not-csv"),
    }
}
