//! `/language`: the language of what the bot tells a person privately.

use poise::serenity_prelude as serenity;

use super::super::{Command, Context, Error, support};
use crate::domain::{Language, WorkshopLanguage};

/// The two choices, named as their speakers name them.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum LanguageChoice {
    #[name = "cymraeg"]
    Cymraeg,
    #[name = "english"]
    English,
}

impl From<LanguageChoice> for Language {
    fn from(choice: LanguageChoice) -> Self {
        match choice {
            LanguageChoice::Cymraeg => Language::Welsh,
            LanguageChoice::English => Language::English,
        }
    }
}

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    vec![language()]
}

#[poise::command(slash_command, guild_only)]
pub async fn language(ctx: Context<'_>, choice: LanguageChoice) -> Result<(), Error> {
    let language = Language::from(choice);
    let guild = ctx.guild_id().map_or(0, serenity::GuildId::get) as i64;
    ctx.data()
        .service
        .choose_language(guild, ctx.author().id.get() as i64, language)
        .await?;
    let words = ctx.data().catalogue.words(language);
    support::say_private(ctx, crate::text!(words, "language-chosen")).await
}

/// A workshop's language, for `/workshop create`.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum WorkshopLanguageChoice {
    #[name = "english"]
    English,
    #[name = "welsh"]
    Welsh,
    #[name = "bilingual"]
    Bilingual,
}

impl From<WorkshopLanguageChoice> for WorkshopLanguage {
    fn from(choice: WorkshopLanguageChoice) -> Self {
        match choice {
            WorkshopLanguageChoice::English => WorkshopLanguage::English,
            WorkshopLanguageChoice::Welsh => WorkshopLanguage::Welsh,
            WorkshopLanguageChoice::Bilingual => WorkshopLanguage::Bilingual,
        }
    }
}
