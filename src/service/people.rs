//! People's data: what the bot holds about a person (their right of
//! access), removing personal data once it has been kept long enough, and
//! copies of the whole database for safe keeping.

use std::path::Path;

use chrono::Days;

use super::{Actor, Refusal, Result, Service, ServiceError};
use crate::db::{DbError, PersonalData, RetentionOutcome};

impl Service {
    /// Everything held about the person asking in the server `guild_id`.
    pub async fn personal_data(
        &self,
        actor: &Actor,
        guild_id: Option<i64>,
    ) -> Result<PersonalData> {
        let (Some(external_id), Some(guild_id)) = (actor.external_id, guild_id) else {
            return Err(ServiceError::Invalid(Refusal::new(crate::key!(
                "error-data-outside-server"
            ))));
        };
        Ok(self.db.personal_data(guild_id, external_id).await?)
    }

    /// Removes the personal data of every workshop closed more than
    /// `retention_days` ago by the service's clock, leaving anonymous counts.
    pub async fn remove_expired_personal_data(
        &self,
        retention_days: u32,
    ) -> Result<RetentionOutcome> {
        let now = self.clock.now();
        let before = now
            .checked_sub_days(Days::new(u64::from(retention_days)))
            .ok_or_else(|| {
                ServiceError::Invalid(
                    Refusal::new(crate::key!("error-retention-too-long"))
                        .with("count", retention_days),
                )
            })?;
        // The retention loop also clears drafts of refused forms a day old.
        self.delete_stale_action_drafts().await?;
        Ok(self.db.remove_personal_data_closed_before(before).await?)
    }

    /// Writes a consistent copy of the database to `path`, a file that
    /// must not exist yet, while the bot goes on using it.
    pub async fn backup_to(&self, path: &Path) -> Result<()> {
        match self.db.backup_to(path).await {
            Err(DbError::BackupTarget { path, reason }) => Err(ServiceError::Invalid(
                Refusal::new(crate::key!("error-backup-target"))
                    .with("path", path.display().to_string())
                    .with("reason", reason),
            )),
            outcome => Ok(outcome?),
        }
    }
}
