//! Removes personal data of workshops closed longer than the retention
//! period (`RETENTION_DAYS`), at start-up and every few hours after.

use std::time::Duration;

use crate::service::Service;

/// How often the bot looks for personal data past its retention period.
pub const CHECK_EVERY: Duration = Duration::from_secs(6 * 60 * 60);

/// Starts the retention loop; its first pass runs at once.
pub fn spawn(service: Service, retention_days: u32) {
    super::periodic::every(CHECK_EVERY, move || {
        let service = service.clone();
        async move {
            match service.remove_expired_personal_data(retention_days).await {
                Ok(removed) if removed.workshops == 0 => {}
                Ok(removed) => tracing::info!(
                    workshops = removed.workshops,
                    participants = removed.participants,
                    retention_days,
                    "removed personal data past its retention period"
                ),
                Err(error) => {
                    tracing::warn!(
                        "could not remove personal data past its retention period: {error:#}"
                    )
                }
            }
        }
    });
}
