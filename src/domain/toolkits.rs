//! The toolkit in each language a workshop can use. A bilingual workshop
//! gets one toolkit whose every text holds the Welsh first and the English
//! after it, so that cards, reveals and reports need no second pass.

use std::sync::Arc;

use super::language::WorkshopLanguage;
use super::toolkit::Toolkit;

/// The toolkit for English, Welsh and bilingual workshops.
#[derive(Debug, Clone)]
pub struct Toolkits {
    english: Arc<Toolkit>,
    welsh: Arc<Toolkit>,
    bilingual: Arc<Toolkit>,
}

impl Toolkits {
    /// The two wordings, with the same ids (the prompts' check sees to it).
    pub fn new(english: Toolkit, welsh: Toolkit) -> Self {
        let bilingual = bilingual(&welsh, &english);
        Toolkits {
            english: Arc::new(english),
            welsh: Arc::new(welsh),
            bilingual: Arc::new(bilingual),
        }
    }

    /// One wording for every workshop: a council's own folder of prompts in
    /// one language.
    pub fn single(toolkit: Toolkit) -> Self {
        Arc::new(toolkit).into()
    }

    /// The toolkit a workshop in `language` uses.
    pub fn get(&self, language: WorkshopLanguage) -> &Toolkit {
        match language {
            WorkshopLanguage::English => &self.english,
            WorkshopLanguage::Welsh => &self.welsh,
            WorkshopLanguage::Bilingual => &self.bilingual,
        }
    }
}

impl From<Arc<Toolkit>> for Toolkits {
    /// One wording for every workshop.
    fn from(toolkit: Arc<Toolkit>) -> Self {
        Toolkits {
            english: Arc::clone(&toolkit),
            welsh: Arc::clone(&toolkit),
            bilingual: toolkit,
        }
    }
}

/// A label in both languages: "Gwell gwasanaethau / Better services".
fn both_short(welsh: &str, english: &str) -> String {
    if welsh == english {
        english.to_owned()
    } else {
        format!("{welsh} / {english}")
    }
}

/// A text in both languages, Welsh on the first line.
fn both_text(welsh: &str, english: &str) -> String {
    if welsh == english {
        english.to_owned()
    } else {
        format!("{welsh}\n{english}")
    }
}

/// Joins each English entry with the Welsh entry of the same id; an entry
/// with no Welsh match keeps its English words.
fn joined<T: Clone>(
    welsh: &[T],
    english: &[T],
    same: impl Fn(&T, &T) -> bool,
    join: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    english
        .iter()
        .map(|en| match welsh.iter().find(|cy| same(cy, en)) {
            Some(cy) => join(cy, en),
            None => en.clone(),
        })
        .collect()
}

fn bilingual(welsh: &Toolkit, english: &Toolkit) -> Toolkit {
    let items = |cy: &[super::Item], en: &[super::Item]| {
        joined(
            cy,
            en,
            |a, b| a.id == b.id,
            |cy, en| super::Item {
                short: both_short(&cy.short, &en.short),
                text: both_text(&cy.text, &en.text),
                ..en.clone()
            },
        )
    };
    let prompts = |cy: &[super::Prompt], en: &[super::Prompt]| {
        joined(
            cy,
            en,
            |a, b| a.id == b.id,
            |cy, en| super::Prompt {
                text: both_text(&cy.text, &en.text),
                ..en.clone()
            },
        )
    };
    let mut bands = english.bands.clone();
    for (band, cy) in bands.iter_mut().zip(&welsh.bands) {
        band.label = both_short(&cy.label, &band.label);
    }
    Toolkit {
        scale: joined(
            &welsh.scale,
            &english.scale,
            |a, b| a.value == b.value,
            |cy, en| super::ScaleLabel {
                label: both_short(&cy.label, &en.label),
                ..en.clone()
            },
        ),
        benefits: items(&welsh.benefits, &english.benefits),
        benefit_discussion: prompts(&welsh.benefit_discussion, &english.benefit_discussion),
        relationship_types: joined(
            &welsh.relationship_types,
            &english.relationship_types,
            |a, b| a.kind == b.kind,
            |cy, en| super::RelationshipTypeInfo {
                name: both_short(&cy.name, &en.name),
                summary: both_text(&cy.summary, &en.summary),
                examples: both_text(&cy.examples, &en.examples),
                ..en.clone()
            },
        ),
        relationship_questions: items(
            &welsh.relationship_questions,
            &english.relationship_questions,
        ),
        levels: joined(
            &welsh.levels,
            &english.levels,
            |a, b| a.level == b.level,
            |cy, en| super::LevelInfo {
                name: both_short(&cy.name, &en.name),
                description: both_text(&cy.description, &en.description),
                ..en.clone()
            },
        ),
        principles: joined(
            &welsh.principles,
            &english.principles,
            |a, b| a.key == b.key,
            |cy, en| super::Principle {
                name: both_short(&cy.name, &en.name),
                definition: both_text(&cy.definition, &en.definition),
                ..en.clone()
            },
        ),
        strategic_items: items(&welsh.strategic_items, &english.strategic_items),
        bands,
        cases: joined(
            &welsh.cases,
            &english.cases,
            |a, b| a.key == b.key,
            |cy, en| super::CaseInfo {
                label: both_short(&cy.label, &en.label),
                action: both_text(&cy.action, &en.action),
                ..en.clone()
            },
        ),
        considerations: joined(
            &welsh.considerations,
            &english.considerations,
            |a, b| a.key == b.key,
            |cy, en| super::Consideration {
                text: both_text(&cy.text, &en.text),
                ..en.clone()
            },
        ),
        context_questions: prompts(&welsh.context_questions, &english.context_questions),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Assessment;

    fn toolkit_with(short: &str, text: &str) -> Toolkit {
        let mut toolkit = crate::domain::fixtures::toolkit();
        for item in &mut toolkit.benefits {
            item.short = format!("{short} {}", item.id);
            item.text = format!("{text} {}", item.id);
        }
        toolkit
    }

    #[test]
    fn bilingual_items_put_welsh_first_with_the_same_ids() {
        let toolkits = Toolkits::new(toolkit_with("Short", "Text"), toolkit_with("Byr", "Testun"));
        let english = toolkits
            .get(WorkshopLanguage::English)
            .items(Assessment::Benefits);
        let both = toolkits
            .get(WorkshopLanguage::Bilingual)
            .items(Assessment::Benefits);
        assert_eq!(english.len(), both.len());
        let (en, item) = (&english[0], &both[0]);
        assert_eq!(item.id, en.id);
        assert_eq!(item.short, format!("Byr {0} / Short {0}", en.id));
        assert_eq!(item.text, format!("Testun {0}\nText {0}", en.id));
        assert_eq!(
            toolkits
                .get(WorkshopLanguage::Welsh)
                .items(Assessment::Benefits)[0]
                .short,
            format!("Byr {}", en.id)
        );
    }

    #[test]
    fn one_wording_serves_every_language() {
        let toolkits = Toolkits::single(toolkit_with("Short", "Text"));
        assert_eq!(
            toolkits.get(WorkshopLanguage::Bilingual),
            toolkits.get(WorkshopLanguage::English)
        );
    }
}
