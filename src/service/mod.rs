//! The use cases, over the domain and the database. The command line and the
//! Discord bot are two thin front ends over this; neither knows SQL and this
//! knows nothing of Discord. The service alone decides who may take a step.

mod actions;
mod deadlines;
mod error;
mod import;
mod languages;
mod participants;
mod people;
mod relationships;
mod reminders;
mod results;
mod voting;
mod words;
mod workshops;

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

use crate::db::Db;
/// People's data, as the service hands it out.
pub use crate::db::{
    ActionRecord, ParticipationRecord, PersonalData, ResponseRecord, RetentionOutcome,
    RevealRecord, VoteRecord,
};
use crate::domain::{PValueMemo, Toolkit, Toolkits, WorkshopLanguage};
use crate::domain::{Workshop, WorkshopStatus};

pub use crate::db::{RoundOpening, VoteCard};
/// The agree / object counts the bot shows on an action card.
pub use crate::domain::Tally;
pub use actions::{ActionProblem, ActionRequest, DateFault, DateUse, Proposal};
pub use deadlines::DeadlineReveal;
pub use error::{FacilitatorOnly, Refusal, RefusalValue, Result, ServiceError};
pub use participants::side_from_roles;
pub use relationships::RelationshipChanges;
pub use reminders::Reminder;
pub use voting::{Answered, BallotItem, QuestionProgress, RoundProgress, VoteReceipt};
pub use workshops::WorkshopRequest;

/// The longest action text we keep; longer ones belong in a document.
pub const MAX_ACTION_TEXT: usize = 1000;
/// The longest workshop title or relationship name.
pub const MAX_TITLE: usize = 100;

/// Who is asking. The front end says whether they are a facilitator; the
/// service decides what that lets them do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The person's Discord user id; `None` on the command line.
    pub external_id: Option<i64>,
    pub display_name: String,
    pub is_facilitator: bool,
}

/// Which rounds a set of results covers. The bot shows only what has been
/// revealed; the command line, run by the facilitator, shows everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsScope {
    Revealed,
    Everything,
}

/// Where the time comes from, so scenario tests can fix it.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Service {
    db: Db,
    toolkits: Toolkits,
    clock: Clock,
    /// Each item's exact test, worked out once while the bot runs.
    p_values: Arc<PValueMemo>,
}

impl Service {
    /// A service over `db` with the toolkit in each workshop language (or
    /// one toolkit for them all).
    pub fn new(db: Db, toolkits: impl Into<Toolkits>, clock: Clock) -> Self {
        Self {
            db,
            toolkits: toolkits.into(),
            clock,
            p_values: Arc::default(),
        }
    }

    /// Opens the database at `url` (a path or a `sqlite:` URL, created and
    /// brought up to date as needed) and serves from it, so the front ends
    /// never handle the database themselves.
    pub async fn connect(
        url: &str,
        toolkits: impl Into<Toolkits>,
        clock: Clock,
    ) -> std::result::Result<Self, crate::db::DbError> {
        Ok(Self::new(Db::connect(url).await?, toolkits, clock))
    }

    /// The toolkit in a workshop's language: the words of its cards,
    /// reveals and reports.
    pub fn toolkit_for(&self, workshop: &Workshop) -> &Toolkit {
        self.toolkit_in(workshop.settings.language)
    }

    /// The toolkit in the language a message is written in, so that its
    /// words and the toolkit's agree.
    pub fn toolkit_in(&self, language: WorkshopLanguage) -> &Toolkit {
        self.toolkits.get(language)
    }

    /// The English toolkit, for what belongs to no workshop (the ids a
    /// paper vote file may use are the same in every language).
    pub fn toolkit(&self) -> &Toolkit {
        self.toolkits.get(WorkshopLanguage::English)
    }

    fn today(&self) -> NaiveDate {
        self.clock.now().date_naive()
    }
}

impl Service {
    /// Refuses `action` unless the actor is a facilitator of `workshop`;
    /// public for steps the front end takes itself (such as building a
    /// report file).
    pub fn authorise(
        &self,
        actor: &Actor,
        workshop: &Workshop,
        action: &'static str,
    ) -> Result<()> {
        require_facilitator(actor, workshop.settings.roles.facilitator, action)
    }
}

/// Refuses `action` unless the actor is a facilitator; the refusal names
/// the facilitator role that would do.
fn require_facilitator(
    actor: &Actor,
    facilitator_role: Option<i64>,
    action: &'static str,
) -> Result<()> {
    if actor.is_facilitator {
        Ok(())
    } else {
        Err(ServiceError::NotFacilitator(FacilitatorOnly {
            action,
            facilitator_role,
        }))
    }
}

fn require_open(workshop: &Workshop) -> Result<()> {
    match workshop.status {
        WorkshopStatus::Open => Ok(()),
        WorkshopStatus::Closed => Err(ServiceError::WorkshopClosed),
    }
}

fn clean_title(text: &str, what: &str) -> Result<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(ServiceError::Invalid(
            Refusal::new(crate::key!("error-title-empty")).with("what", what),
        ));
    }
    if text.chars().count() > MAX_TITLE {
        return Err(ServiceError::Invalid(
            Refusal::new(crate::key!("error-title-too-long"))
                .with("what", what)
                .with("count", text.chars().count())
                .with("limit", MAX_TITLE),
        ));
    }
    Ok(text)
}

/// An optional short text as typed: trimmed, clipped, and `None` when blank.
fn optional_text(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| clip(t, MAX_TITLE))
}

fn clip(text: &str, limit: usize) -> String {
    text.chars().take(limit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_tidied_and_limited() {
        assert_eq!(
            clean_title("  Spring   review ", "title").unwrap(),
            "Spring review"
        );
        assert!(
            clean_title("   ", "title")
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        assert!(
            clean_title(&"x".repeat(101), "title")
                .unwrap_err()
                .to_string()
                .contains("limit is 100")
        );
    }

    #[test]
    fn optional_texts_are_trimmed_and_blank_ones_dropped() {
        assert_eq!(
            optional_text(Some("  Policy team ")).as_deref(),
            Some("Policy team")
        );
        assert_eq!(optional_text(Some("   ")), None);
        assert_eq!(optional_text(None), None);
        assert_eq!(
            optional_text(Some(&"y".repeat(150))).map(|t| t.len()),
            Some(MAX_TITLE)
        );
    }

    #[test]
    fn only_facilitators_pass_and_refusals_name_the_role() {
        let actor = |is_facilitator| Actor {
            external_id: Some(7),
            display_name: "Sam".to_owned(),
            is_facilitator,
        };
        assert!(require_facilitator(&actor(true), None, "reveal the results").is_ok());
        match require_facilitator(&actor(false), Some(42), "reveal the results") {
            Err(ServiceError::NotFacilitator(refusal)) => assert_eq!(
                refusal,
                FacilitatorOnly {
                    action: "reveal the results",
                    facilitator_role: Some(42),
                }
            ),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
