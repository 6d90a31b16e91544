//! Which language the bot speaks to each person privately. Discord has no
//! Welsh locale, so a person's choice is kept per server and outlives
//! restarts; it applies to every workshop of that server.

use super::{Result, Service};
use crate::domain::Language;

impl Service {
    /// Records the language a person chose in a server.
    pub async fn choose_language(
        &self,
        guild_id: i64,
        user_id: i64,
        language: Language,
    ) -> Result<()> {
        self.db
            .set_person_language(guild_id, user_id, language, self.clock.now())
            .await?;
        Ok(())
    }

    /// The language a person chose in a server, if they have chosen one.
    pub async fn chosen_language(&self, guild_id: i64, user_id: i64) -> Result<Option<Language>> {
        Ok(self.db.person_language(guild_id, user_id).await?)
    }
}
