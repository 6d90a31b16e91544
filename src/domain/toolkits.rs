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

/// An entry of one of the toolkit's lists, found in the other language by
/// its id or key.
trait Entry {
    fn same_entry(&self, other: &Self) -> bool;
    /// Puts the Welsh words of `welsh`, the same entry, before its own.
    fn put_welsh_first(&mut self, welsh: &Self);
}

/// Implements [`Entry`] for each type from its id field, its short labels
/// (joined on one line) and its texts (one line each).
macro_rules! entries {
    ($($type:ident by $id:ident: short [$($short:ident),*] text [$($text:ident),*];)+) => {
        $(
            impl Entry for super::$type {
                fn same_entry(&self, other: &Self) -> bool {
                    self.$id == other.$id
                }

                fn put_welsh_first(&mut self, welsh: &Self) {
                    $(self.$short = both_short(&welsh.$short, &self.$short);)*
                    $(self.$text = both_text(&welsh.$text, &self.$text);)*
                }
            }
        )+
    };
}

entries! {
    ScaleLabel by value: short [label] text [];
    Item by id: short [short] text [text];
    Prompt by id: short [] text [text];
    RelationshipTypeInfo by kind: short [name] text [summary, examples];
    LevelInfo by level: short [name] text [description];
    Principle by key: short [name] text [definition];
    CaseInfo by key: short [label] text [action];
    Consideration by key: short [] text [text];
}

/// Gives each English entry the words of the Welsh entry with the same id;
/// an entry with no Welsh match keeps its English words.
fn join<T: Entry>(english: &mut [T], welsh: &[T]) {
    for entry in english {
        if let Some(cy) = welsh.iter().find(|cy| cy.same_entry(entry)) {
            entry.put_welsh_first(cy);
        }
    }
}

fn bilingual(welsh: &Toolkit, english: &Toolkit) -> Toolkit {
    let mut both = english.clone();
    join(&mut both.scale, &welsh.scale);
    join(&mut both.benefits, &welsh.benefits);
    join(&mut both.benefit_discussion, &welsh.benefit_discussion);
    join(&mut both.relationship_types, &welsh.relationship_types);
    join(
        &mut both.relationship_questions,
        &welsh.relationship_questions,
    );
    join(&mut both.levels, &welsh.levels);
    join(&mut both.principles, &welsh.principles);
    join(&mut both.strategic_items, &welsh.strategic_items);
    join(&mut both.cases, &welsh.cases);
    join(&mut both.considerations, &welsh.considerations);
    join(&mut both.context_questions, &welsh.context_questions);
    for (band, cy) in both.bands.iter_mut().zip(&welsh.bands) {
        band.label = both_short(&cy.label, &band.label);
    }
    both
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
