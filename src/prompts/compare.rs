//! Whether two languages' toolkits hold the same ids and keys. Each language
//! validates on its own first, so the fixed keys (scale values, cases,
//! principles, relationship types and levels, considerations) are already in
//! both: what can still differ is the items a council may add or remove, the
//! block or principle an item sits in, and where the bands fall.

use std::fmt;

use super::raw::*;
use crate::domain::{Item, Language, Prompt, Toolkit};

/// One language's validated toolkit and the folder it was read from, as the
/// person gave it (e.g. `prompts/cy`), for the messages.
pub struct LanguageToolkit {
    pub language: Language,
    pub folder: String,
    pub toolkit: Toolkit,
}

/// A difference between two languages' files, reported on the file that
/// lacks the key or, for a key in both, on the second language's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The folder of the language the gap is reported on.
    pub folder: String,
    pub file: &'static str,
    /// The id, or for a band its place, e.g. `bands[2]`.
    pub key: String,
    pub problem: GapProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GapProblem {
    /// The other language has this `what` (e.g. "benefit"); this one has not.
    Missing { what: &'static str, other: Language },
    /// Both have the item, but in different blocks or under different principles.
    OtherGroup {
        what: &'static str,
        here: String,
        there: String,
        other: Language,
    },
    /// The band covers other scores than in the other language.
    OtherScores {
        here: (u32, u32),
        there: (u32, u32),
        other: Language,
    },
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Gap {
            folder,
            file,
            key,
            problem,
        } = self;
        write!(f, "{folder}/{file}: ")?;
        match problem {
            GapProblem::Missing { what, other } => {
                write!(f, "{what} \"{key}\" is missing (it is in {})", other.tag())
            }
            GapProblem::OtherGroup {
                what,
                here,
                there,
                other,
            } => write!(
                f,
                "{what} \"{key}\" is in {here} here but in {there} in {}",
                other.tag()
            ),
            GapProblem::OtherScores { here, there, other } => write!(
                f,
                "{key} covers {} to {} here but {} to {} in {}",
                here.0,
                here.1,
                there.0,
                there.1,
                other.tag()
            ),
        }
    }
}

/// Every id present in one language and missing from the other, both ways,
/// then every item whose block or principle differs and every band whose
/// scores differ (reported on `second`). Empty when the two match.
pub fn compare_languages(first: &LanguageToolkit, second: &LanguageToolkit) -> Vec<Gap> {
    let mut gaps = Vec::new();
    for (ours, theirs) in sections(&first.toolkit)
        .iter()
        .zip(sections(&second.toolkit))
    {
        let gap = |side: &LanguageToolkit, key: &str, problem| Gap {
            folder: side.folder.clone(),
            file: ours.file,
            key: key.to_owned(),
            problem,
        };
        for (id, _) in ours.entries.iter().filter(|(id, _)| !theirs.has(id)) {
            gaps.push(gap(
                second,
                id,
                GapProblem::Missing {
                    what: ours.what,
                    other: first.language,
                },
            ));
        }
        for (id, _) in theirs.entries.iter().filter(|(id, _)| !ours.has(id)) {
            gaps.push(gap(
                first,
                id,
                GapProblem::Missing {
                    what: ours.what,
                    other: second.language,
                },
            ));
        }
        for (id, there) in &ours.entries {
            let here = theirs.group_of(id);
            if let (Some(here), Some(there)) = (here, *there)
                && here != there
            {
                gaps.push(gap(
                    second,
                    id,
                    GapProblem::OtherGroup {
                        what: ours.what,
                        here: describe_group(ours.file, here),
                        there: describe_group(ours.file, there),
                        other: first.language,
                    },
                ));
            }
        }
    }
    let bands = first.toolkit.bands.iter().zip(&second.toolkit.bands);
    for (index, (there, here)) in bands.enumerate() {
        if (here.min, here.max) != (there.min, there.max) {
            gaps.push(Gap {
                folder: second.folder.clone(),
                file: SCALE_FILE,
                key: format!("bands[{}]", index + 1),
                problem: GapProblem::OtherScores {
                    here: (here.min, here.max),
                    there: (there.min, there.max),
                    other: first.language,
                },
            });
        }
    }
    gaps
}

/// The ids of one kind of block in one file, with the group of each item
/// (`None` for prompts, which have none).
struct Section<'a> {
    file: &'static str,
    what: &'static str,
    entries: Vec<(&'a str, Option<&'a str>)>,
}

impl<'a> Section<'a> {
    fn items(file: &'static str, what: &'static str, list: &'a [Item]) -> Self {
        let entries = list
            .iter()
            .map(|item| (item.id.as_str(), Some(item.group.as_str())))
            .collect();
        Section {
            file,
            what,
            entries,
        }
    }

    fn prompts(file: &'static str, what: &'static str, list: &'a [Prompt]) -> Self {
        let entries = list
            .iter()
            .map(|prompt| (prompt.id.as_str(), None))
            .collect();
        Section {
            file,
            what,
            entries,
        }
    }

    fn has(&self, id: &str) -> bool {
        self.entries.iter().any(|(known, _)| *known == id)
    }

    fn group_of(&self, id: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(known, _)| *known == id)
            .and_then(|(_, group)| *group)
    }
}

fn sections(toolkit: &Toolkit) -> Vec<Section<'_>> {
    vec![
        Section::items(BENEFITS_FILE, "benefit", &toolkit.benefits),
        Section::prompts(
            BENEFITS_FILE,
            "discussion question",
            &toolkit.benefit_discussion,
        ),
        Section::items(
            RELATIONSHIPS_FILE,
            "question",
            &toolkit.relationship_questions,
        ),
        Section::items(STRATEGIC_FILE, "item", &toolkit.strategic_items),
        Section::prompts(
            ACTION_PLAN_FILE,
            "context question",
            &toolkit.context_questions,
        ),
    ]
}

/// Where an item sits, as the file shows it: a block name, or for a
/// strategic question the principle above it.
fn describe_group(file: &str, group: &str) -> String {
    if file == STRATEGIC_FILE && group != "axes" {
        format!("principle \"{group}\"")
    } else {
        format!("[[{group}]]")
    }
}
