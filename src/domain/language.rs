//! The languages the bot speaks. Discord has no Welsh locale, so the bot
//! records each workshop's language and each person's choice itself.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// One language of the catalogue and the toolkit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    English,
    Welsh,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Welsh];

    /// The folder name under `prompts/` and `locales/`, a BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en-GB",
            Language::Welsh => "cy",
        }
    }

    /// The word stored in the database and accepted on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::English => "english",
            Language::Welsh => "welsh",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A workshop's language: what the bot posts in its channel and its reports.
/// Bilingual puts Welsh first, as the Welsh Language Standards expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WorkshopLanguage {
    #[default]
    English,
    Welsh,
    Bilingual,
}

impl WorkshopLanguage {
    /// The languages to write, in order.
    pub fn languages(self) -> &'static [Language] {
        match self {
            WorkshopLanguage::English => &[Language::English],
            WorkshopLanguage::Welsh => &[Language::Welsh],
            WorkshopLanguage::Bilingual => &[Language::Welsh, Language::English],
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            WorkshopLanguage::English => "english",
            WorkshopLanguage::Welsh => "welsh",
            WorkshopLanguage::Bilingual => "bilingual",
        }
    }
}

impl From<Language> for WorkshopLanguage {
    fn from(language: Language) -> Self {
        match language {
            Language::English => WorkshopLanguage::English,
            Language::Welsh => WorkshopLanguage::Welsh,
        }
    }
}

/// A language word that is not one of ours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a language the bot speaks")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_lowercase().as_str() {
            "english" | "en" | "en-gb" | "saesneg" => Ok(Language::English),
            "welsh" | "cy" | "cymraeg" => Ok(Language::Welsh),
            _ => Err(UnknownLanguage(text.to_owned())),
        }
    }
}

impl FromStr for WorkshopLanguage {
    type Err = UnknownLanguage;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_lowercase().as_str() {
            "bilingual" | "dwyieithog" => Ok(WorkshopLanguage::Bilingual),
            other => other
                .parse::<Language>()
                .map(WorkshopLanguage::from)
                .map_err(|_| UnknownLanguage(text.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilingual_writes_welsh_first() {
        assert_eq!(
            WorkshopLanguage::Bilingual.languages(),
            &[Language::Welsh, Language::English]
        );
    }

    #[test]
    fn words_round_trip() {
        for language in Language::ALL {
            assert_eq!(language.as_str().parse::<Language>(), Ok(language));
        }
        for language in [
            WorkshopLanguage::English,
            WorkshopLanguage::Welsh,
            WorkshopLanguage::Bilingual,
        ] {
            assert_eq!(language.as_str().parse::<WorkshopLanguage>(), Ok(language));
        }
        assert!("french".parse::<WorkshopLanguage>().is_err());
    }
}
