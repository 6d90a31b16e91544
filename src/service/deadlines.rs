//! Async workshops close themselves: once a deadline has passed, the open
//! rounds are revealed.

use super::{Result, Service};
use crate::domain::{Mode, Round, RoundStatus, Workshop};

/// The rounds a passed deadline revealed in one workshop.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineReveal {
    pub workshop: Workshop,
    pub revealed: Vec<Round>,
}

impl Service {
    /// Reveals the open rounds of every open async workshop whose deadline
    /// has passed (voting closes at the end of the deadline day). A round is
    /// revealed once: the database says whether it still is open, so one the
    /// facilitator revealed earlier, or an earlier call before a restart,
    /// is not revealed again.
    pub async fn reveal_past_deadlines(&self) -> Result<Vec<DeadlineReveal>> {
        let today = self.today();
        let mut reveals = Vec::new();
        for workshop in self.db.all_open_workshops().await? {
            let passed = workshop
                .settings
                .deadline
                .is_some_and(|deadline| deadline < today);
            if workshop.settings.mode != Mode::Async || !passed {
                continue;
            }
            let mut revealed = Vec::new();
            for round in self.db.rounds(workshop.id).await? {
                if round.status == RoundStatus::Open
                    && self
                        .db
                        .reveal_round(round.id, None, self.clock.now())
                        .await?
                {
                    revealed.push(self.round(round.id).await?);
                }
            }
            if !revealed.is_empty() {
                reveals.push(DeadlineReveal { workshop, revealed });
            }
        }
        Ok(reveals)
    }
}
