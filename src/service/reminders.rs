//! What the bot posts on its own: voting closing soon, actions falling due.

use chrono::NaiveDate;

use super::{Result, Service};
use crate::domain::{Action, Participant, Round, RoundStatus, Workshop};

/// Something the bot should post on its own.
#[derive(Debug, Clone, PartialEq)]
pub enum Reminder {
    /// Voting closes tomorrow: these people have not answered everything.
    VotingClosesSoon {
        workshop: Workshop,
        round: Round,
        not_voted: Vec<Participant>,
    },
    /// An action in the plan has fallen due.
    ActionDue { workshop: Workshop, action: Action },
}

impl Service {
    /// What is due for a reminder now: open rounds of async workshops whose
    /// deadline is tomorrow or today, and actions that have fallen due.
    /// Each is marked sent here, so a restart neither loses nor repeats one.
    pub async fn take_due_reminders(&self) -> Result<Vec<Reminder>> {
        let now = self.clock.now();
        let today = now.date_naive();
        let mut reminders = Vec::new();
        for workshop in self.db.all_open_workshops().await? {
            let Some(deadline) = workshop.settings.deadline else {
                continue;
            };
            if !reminder_due(deadline, today) {
                continue;
            }
            let (participants, relationships) =
                self.participants_and_relationships(&workshop).await?;
            for round in self.db.rounds(workshop.id).await? {
                if round.status != RoundStatus::Open || round.reminder_sent_at.is_some() {
                    continue;
                }
                let progress = self
                    .round_progress(&round, &participants, &relationships)
                    .await?;
                self.db.mark_round_reminded(round.id, now).await?;
                if !progress.not_voted.is_empty() {
                    reminders.push(Reminder::VotingClosesSoon {
                        workshop: workshop.clone(),
                        round,
                        not_voted: progress.not_voted,
                    });
                }
            }
        }
        for action in self.db.actions_falling_due(today).await? {
            self.db.mark_action_reminded(action.id, now).await?;
            if let Some(workshop) = self.db.workshop(action.workshop_id).await? {
                reminders.push(Reminder::ActionDue { workshop, action });
            }
        }
        Ok(reminders)
    }
}

/// An async round is reminded on the day before its deadline, or on the day
/// itself if the bot was not running the day before.
fn reminder_due(deadline: NaiveDate, today: NaiveDate) -> bool {
    today <= deadline && deadline.signed_duration_since(today).num_days() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminders_go_out_the_day_before_the_deadline_or_on_the_day() {
        let deadline = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(!reminder_due(deadline, day(8)));
        assert!(reminder_due(deadline, day(9)));
        assert!(reminder_due(deadline, day(10)));
        assert!(!reminder_due(deadline, day(11)));
    }
}
