//! What the service refuses, and why, in words for the person asking.

use std::fmt;

use crate::db::DbError;
use crate::domain::InvalidValue;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFacilitator(FacilitatorOnly),
    #[error("{0}")]
    NotFound(String),
    #[error(
        "You have not joined this workshop yet. Use /join to say which side you are on, then try again."
    )]
    NotParticipant,
    #[error(
        "Voting on this has closed because the results have been revealed or the round has ended."
    )]
    VotingClosed {
        /// Whether the person had voted on it before it closed (that vote stands).
        earlier_vote: bool,
    },
    #[error(
        "This workshop is closed. Ask the facilitator to rerun it if you want to assess again."
    )]
    WorkshopClosed,
    #[error("That button belongs to a workshop in another server, so it cannot be used here.")]
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
}

impl From<InvalidValue> for ServiceError {
    fn from(error: InvalidValue) -> Self {
        ServiceError::Invalid(error.0)
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
