//! Each person's language for what the bot tells them privately, per server.

use chrono::{DateTime, Utc};

use super::{Db, DbError, During, parse_stored};
use crate::domain::Language;

impl Db {
    /// Records the language a person chose in a server, replacing any
    /// earlier choice.
    #[tracing::instrument(skip(self))]
    pub async fn set_person_language(
        &self,
        guild_id: i64,
        user_id: i64,
        language: Language,
        now: DateTime<Utc>,
    ) -> Result<(), DbError> {
        sqlx::query(
            "INSERT INTO person_languages (guild_id, user_id, language, chosen_at)
             VALUES (?, ?, ?, ?)
             ON CONFLICT (guild_id, user_id)
             DO UPDATE SET language = excluded.language, chosen_at = excluded.chosen_at",
        )
        .bind(guild_id)
        .bind(user_id)
        .bind(language.as_str())
        .bind(now)
        .execute(&self.pool)
        .await
        .during("record a person's language")?;
        Ok(())
    }

    /// The language a person chose in a server, if they chose one.
    #[tracing::instrument(skip(self))]
    pub async fn person_language(
        &self,
        guild_id: i64,
        user_id: i64,
    ) -> Result<Option<Language>, DbError> {
        let stored: Option<String> = sqlx::query_scalar(
            "SELECT language FROM person_languages WHERE guild_id = ? AND user_id = ?",
        )
        .bind(guild_id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await
        .during("read a person's language")?;
        stored
            .map(|stored| parse_stored("person_languages.language", &stored))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    /// The language user 7 chose in the server `guild_id`.
    async fn chosen_in(db: &Db, guild_id: i64) -> Option<Language> {
        db.person_language(guild_id, 7).await.expect("read")
    }

    /// User 7 chooses `language` in the server `guild_id`.
    async fn choose(db: &Db, guild_id: i64, language: Language, now: DateTime<Utc>) {
        db.set_person_language(guild_id, 7, language, now)
            .await
            .expect("set");
    }

    #[sqlx::test]
    async fn a_choice_is_kept_per_server_and_replaced(pool: sqlx::SqlitePool) {
        let db = Db::from_pool(pool);
        let now = Utc
            .with_ymd_and_hms(2026, 12, 1, 9, 0, 0)
            .single()
            .expect("a time");
        assert_eq!(chosen_in(&db, 1).await, None);
        choose(&db, 1, Language::Welsh, now).await;
        assert_eq!(chosen_in(&db, 1).await, Some(Language::Welsh));
        assert_eq!(chosen_in(&db, 2).await, None);
        choose(&db, 1, Language::English, now).await;
        assert_eq!(chosen_in(&db, 1).await, Some(Language::English));
    }
}
