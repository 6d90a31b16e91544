//! What the service refuses, and why, in words for the person asking.

use std::fmt;

use fluent_bundle::FluentArgs;

use super::words::english;
use crate::db::DbError;
use crate::domain::InvalidValue;
use crate::prompts::Words;

/// What the service refuses. `Display` is English, for logs and the command
/// line; a front end words a refusal with [`ServiceError::refusal`].
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Invalid(Refusal),
    #[error("{0}")]
    NotFacilitator(FacilitatorOnly),
    #[error("{0}")]
    NotFound(Refusal),
    #[error("{}", in_english(self))]
    NotParticipant,
    #[error("{}", in_english(self))]
    VotingClosed {
        /// Whether the person had voted on it before it closed (that vote stands).
        earlier_vote: bool,
    },
    #[error("{}", in_english(self))]
    WorkshopClosed,
    #[error("{}", in_english(self))]
    WrongPlace,
    #[error(
        "Something went wrong on our side. Please try again in a minute; if it keeps happening, tell the facilitator."
    )]
    Database(#[from] DbError),
}

impl ServiceError {
    /// Whether the message is meant for the person (true) or is a fault to log.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, ServiceError::Database(_))
    }

    /// The refusal as catalogue words, for every refusal but
    /// `NotFacilitator` (whose role the front end names its own way);
    /// `None` for that and for a fault to log.
    pub fn refusal(&self) -> Option<Refusal> {
        let refusal = match self {
            ServiceError::Invalid(refusal) | ServiceError::NotFound(refusal) => refusal.clone(),
            ServiceError::NotParticipant => Refusal::new(crate::key!("error-not-participant")),
            ServiceError::VotingClosed { earlier_vote } => voting_closed(*earlier_vote),
            ServiceError::WorkshopClosed => Refusal::new(crate::key!("error-workshop-closed")),
            ServiceError::WrongPlace => Refusal::new(crate::key!("error-wrong-place")),
            ServiceError::NotFacilitator(_) | ServiceError::Database(_) => return None,
        };
        Some(refusal)
    }
}

/// A refusal's words for `Display`.
fn in_english(error: &ServiceError) -> String {
    error
        .refusal()
        .map(|refusal| refusal.to_string())
        .unwrap_or_default()
}

fn voting_closed(earlier_vote: bool) -> Refusal {
    Refusal::new(if earlier_vote {
        crate::key!("error-voting-closed-vote-kept")
    } else {
        crate::key!("error-voting-closed-no-vote")
    })
}

impl From<InvalidValue> for ServiceError {
    fn from(error: InvalidValue) -> Self {
        // The domain words its own problems, in English for now.
        ServiceError::Invalid(
            Refusal::new(crate::key!("error-invalid-value")).with("problem", error.0),
        )
    }
}

/// A refusal as a catalogue key and its values, so that each front end
/// words it in its reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    key: &'static str,
    args: Vec<(&'static str, RefusalValue)>,
}

/// A value in a refusal: a whole number (plurals select on it) or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefusalValue {
    Number(i64),
    Text(String),
}

impl Refusal {
    /// `key` is a literal marked with [`crate::key!`].
    pub fn new(key: &'static str) -> Self {
        Refusal {
            key,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<RefusalValue>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The refusal in the reader's words.
    pub fn words(&self, words: &Words<'_>) -> String {
        if self.args.is_empty() {
            return words.text(self.key, None);
        }
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                RefusalValue::Number(number) => args.set(*name, *number),
                RefusalValue::Text(text) => args.set(*name, text.as_str()),
            }
        }
        words.text(self.key, Some(&args))
    }
}

/// In English, for logs and the command line.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(&english()))
    }
}

impl From<String> for RefusalValue {
    fn from(text: String) -> Self {
        RefusalValue::Text(text)
    }
}

impl From<&str> for RefusalValue {
    fn from(text: &str) -> Self {
        RefusalValue::Text(text.to_owned())
    }
}

impl From<i64> for RefusalValue {
    fn from(number: i64) -> Self {
        RefusalValue::Number(number)
    }
}

impl From<u32> for RefusalValue {
    fn from(number: u32) -> Self {
        RefusalValue::Number(i64::from(number))
    }
}

impl From<usize> for RefusalValue {
    fn from(number: usize) -> Self {
        RefusalValue::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

pub type Result<T, E = ServiceError> = std::result::Result<T, E>;

/// A step only a facilitator may take, and who could take it instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacilitatorOnly {
    /// Completes "Only a facilitator can …", e.g. "reveal the results".
    pub action: &'static str,
    /// The workshop's facilitator role, named in the refusal when it has one.
    pub facilitator_role: Option<i64>,
}

impl fmt::Display for FacilitatorOnly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let action = self.action;
        match self.facilitator_role {
            Some(role) => write!(
                f,
                "Only a facilitator can {action}. Ask someone with the Manage Server permission, \
                 or with the <@&{role}> role, to {action}."
            ),
            None => write!(
                f,
                "Only a facilitator can {action}. Ask someone with the Manage Server permission \
                 to {action}."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;
    use crate::prompts::Catalogue;

    #[test]
    fn a_refusal_is_worded_in_the_readers_language() {
        let catalogue = Catalogue::shipped();
        let refusal =
            Refusal::new(crate::key!("error-relationship-unknown")).with("name", "Food bank");
        assert_eq!(
            refusal.words(&catalogue.words(Language::Welsh)),
            "Does dim perthynas o'r enw \"Food bank\" yn y gweithdy hwn. Defnyddiwch \
             /relationship list i weld yr enwau."
        );
        assert_eq!(
            ServiceError::NotFound(refusal).to_string(),
            "There is no relationship called \"Food bank\" in this workshop. Use \
             /relationship list to see the names."
        );
        let too_long = Refusal::new(crate::key!("error-title-too-long"))
            .with("what", "relationship")
            .with("count", 120_usize)
            .with("limit", 100_usize);
        assert_eq!(
            too_long.words(&catalogue.words(Language::Welsh)),
            "Mae enw'r berthynas yn 120 nod o hyd; yr uchafswm yw 100. Dewiswch un byrrach."
        );
    }

    #[test]
    fn refusals_say_who_can_help() {
        let refusal = |action, facilitator_role| {
            ServiceError::NotFacilitator(FacilitatorOnly {
                action,
                facilitator_role,
            })
            .to_string()
        };
        assert_eq!(
            refusal("reveal the results", Some(42)),
            "Only a facilitator can reveal the results. Ask someone with the Manage Server \
             permission, or with the <@&42> role, to reveal the results."
        );
        assert_eq!(
            refusal("close the workshop", None),
            "Only a facilitator can close the workshop. Ask someone with the Manage Server \
             permission to close the workshop."
        );
    }
}
