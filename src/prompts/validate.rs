//! Checks the raw files and turns them into the toolkit's typed model. Every
//! error names the file and the key, counting blocks from 1.

use std::collections::HashMap;
use std::fmt;

use super::error::PromptError;
use super::raw::*;
use crate::domain::{
    Assessment, BandInfo, Bands, CONSIDERATION_KEYS, CaseInfo, Consideration, Item, ItemId, Level,
    LevelInfo, Principle, Prompt, RelationshipType, RelationshipTypeInfo, ScaleLabel,
};

/// Longest `short` label: it goes on chart axes and buttons.
pub const SHORT_MAX_CHARS: usize = 30;
/// Longest text: it must fit in one field of a Discord embed (1024).
pub const TEXT_MAX_CHARS: usize = 1000;

/// The highest score of a relationship in assessment three.
pub(super) const SCORE_MAX: u32 = 75;

pub(super) const CASE_KEYS: [&str; 4] = ["both", "intent_only", "delivery_only", "neither"];
pub(super) const PRINCIPLE_KEYS: [&str; 4] = [
    "shared_foundations",
    "relational_culture",
    "effective_structures",
    "capacity_resources",
];
/// The id prefix of the action plan's context questions.
pub(super) const PLAN_PREFIX: &str = "plan";

#[derive(Default)]
pub(super) struct IdRegister {
    seen: HashMap<ItemId, String>,
}

/// Validation of one file: builds errors that name it.
pub(super) struct FileCheck {
    file: &'static str,
}

impl FileCheck {
    fn error(&self, key: impl Into<String>, problem: impl Into<String>) -> PromptError {
        PromptError::Invalid {
            file: self.file,
            key: key.into(),
            problem: problem.into(),
        }
    }

    fn present<T>(&self, key: &str, value: Option<T>) -> Result<T, PromptError> {
        value.ok_or_else(|| {
            let field = key.rsplit('.').next().unwrap_or(key);
            self.error(
                key,
                format!("is missing. Add a line `{field} = ...` to this block."),
            )
        })
    }

    /// A required text: present, not blank, not too long. Returned trimmed.
    fn text(&self, key: &str, value: Option<String>) -> Result<String, PromptError> {
        let text = self.present(key, value)?.trim().to_owned();
        if text.is_empty() {
            return Err(self.error(key, "is empty. Write the wording between the quotes."));
        }
        let length = text.chars().count();
        if length > TEXT_MAX_CHARS {
            return Err(self.error(
                key,
                format!(
                    "is {length} characters long. Keep it to {TEXT_MAX_CHARS} so it fits on a Discord card."
                ),
            ));
        }
        Ok(text)
    }

    fn short(&self, key: &str, value: Option<String>) -> Result<String, PromptError> {
        let short = self.text(key, value)?;
        let length = short.chars().count();
        if length > SHORT_MAX_CHARS {
            return Err(self.error(
                key,
                format!(
                    "\"{short}\" is {length} characters long. Keep it to {SHORT_MAX_CHARS} so it fits on charts and buttons."
                ),
            ));
        }
        Ok(short)
    }

    /// An id: well formed, not used anywhere else, and starting with the
    /// prefix of this file's assessment.
    fn id(
        &self,
        key: &str,
        value: Option<String>,
        prefix: &str,
        ids: &mut IdRegister,
    ) -> Result<ItemId, PromptError> {
        let raw = self.present(key, value)?;
        let id = ItemId::try_from(raw).map_err(|invalid| self.error(key, invalid.0))?;
        let here = format!("{}: {key}", self.file);
        if let Some(first) = ids.seen.get(&id) {
            return Err(self.error(
                key,
                format!(
                    "\"{id}\" is already used at {first}. Every id must be unique: give this one a new id."
                ),
            ));
        }
        if !id.as_str().starts_with(&format!("{prefix}.")) {
            return Err(self.error(
                key,
                format!(
                    "\"{id}\" must start with \"{prefix}.\" like every id in this file. Keep the id the item had before, or give a new item a new id starting \"{prefix}.\"."
                ),
            ));
        }
        ids.seen.insert(id.clone(), here);
        Ok(id)
    }

    /// A key from a fixed list, e.g. a case key.
    fn known_key(
        &self,
        key: &str,
        value: Option<String>,
        allowed: &[&'static str],
        what: &str,
    ) -> Result<&'static str, PromptError> {
        let given = self.present(key, value)?;
        allowed
            .iter()
            .copied()
            .find(|&known| known == given.trim())
            .ok_or_else(|| {
                self.error(
                    key,
                    format!(
                        "\"{given}\" is not a {what}. Use one of: {}.",
                        allowed.join(", ")
                    ),
                )
            })
    }

    /// Each wanted value appears exactly once in the list `list`, whose
    /// entries carry it in `field`.
    fn each_once<K: Copy + PartialEq + fmt::Display>(
        &self,
        list: &str,
        field: &str,
        what: &str,
        found: &[K],
        wanted: &[K],
    ) -> Result<(), PromptError> {
        for (index, value) in found.iter().enumerate() {
            if let Some(first) = found[..index].iter().position(|earlier| earlier == value) {
                return Err(self.error(
                    format!("{list}[{}].{field}", index + 1),
                    format!(
                        "\"{value}\" is already given at {list}[{}]. Each {what} appears once.",
                        first + 1
                    ),
                ));
            }
        }
        if let Some(absent) = wanted.iter().find(|value| !found.contains(value)) {
            let all = wanted
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            return Err(self.error(
                list,
                format!("has no {what} \"{absent}\". There must be one block for each of: {all}."),
            ));
        }
        Ok(())
    }

    fn item(
        &self,
        key: &str,
        raw: RawItem,
        prefix: &str,
        group: &str,
        ids: &mut IdRegister,
    ) -> Result<Item, PromptError> {
        Ok(Item {
            id: self.id(&format!("{key}.id"), raw.id, prefix, ids)?,
            short: self.short(&format!("{key}.short"), raw.short)?,
            text: self.text(&format!("{key}.text"), raw.text)?,
            group: group.to_owned(),
        })
    }

    fn prompt(
        &self,
        key: &str,
        raw: RawPrompt,
        prefix: &str,
        ids: &mut IdRegister,
    ) -> Result<Prompt, PromptError> {
        Ok(Prompt {
            id: self.id(&format!("{key}.id"), raw.id, prefix, ids)?,
            text: self.text(&format!("{key}.text"), raw.text)?,
        })
    }
}

// What each file holds once validated.

pub(super) struct ScaleContent {
    pub(super) scale: Vec<ScaleLabel>,
    pub(super) bands: Bands,
    pub(super) cases: Vec<CaseInfo>,
}

pub(super) struct BenefitsContent {
    pub(super) benefits: Vec<Item>,
    pub(super) benefit_discussion: Vec<Prompt>,
}

pub(super) struct RelationshipsContent {
    pub(super) relationship_types: Vec<RelationshipTypeInfo>,
    pub(super) levels: Vec<LevelInfo>,
    pub(super) relationship_questions: Vec<Item>,
}

pub(super) struct StrategicContent {
    pub(super) principles: Vec<Principle>,
    pub(super) strategic_items: Vec<Item>,
}

pub(super) struct ActionPlanContent {
    pub(super) considerations: Vec<Consideration>,
    pub(super) context_questions: Vec<Prompt>,
}

pub(super) fn validate_scale(raw: RawScaleFile) -> Result<ScaleContent, PromptError> {
    let check = FileCheck { file: SCALE_FILE };

    if raw.labels.len() != 5 {
        return Err(check.error(
            "labels",
            format!(
                "has {} labels, but the scale needs exactly five [[labels]] blocks, valued 1 to 5.",
                raw.labels.len()
            ),
        ));
    }
    let mut scale = Vec::with_capacity(5);
    for (expected, raw_label) in (1u8..).zip(raw.labels) {
        let key = format!("labels[{expected}]");
        let value = check.present(&format!("{key}.value"), raw_label.value)?;
        if value != expected {
            return Err(check.error(
                format!("{key}.value"),
                format!("is {value}, but the labels must be valued 1 to 5 in order, so this one should be {expected}."),
            ));
        }
        let label = check.short(&format!("{key}.label"), raw_label.label)?;
        scale.push(ScaleLabel { value, label });
    }

    if raw.bands.is_empty() {
        return Err(check.error(
            "bands",
            "is missing. Add [[bands]] blocks for the score out of 75, lowest first, covering 0 to 75.",
        ));
    }
    let mut bands: Vec<BandInfo> = Vec::with_capacity(raw.bands.len());
    for (index, raw_band) in raw.bands.into_iter().enumerate() {
        let key = format!("bands[{}]", index + 1);
        let min = check.present(&format!("{key}.min"), raw_band.min)?;
        let max = check.present(&format!("{key}.max"), raw_band.max)?;
        let expected_min = bands.last().map_or(0, |previous| previous.max + 1);
        if min != expected_min {
            let problem = match bands.last() {
                None => format!("is {min}, but the first band must start at 0."),
                Some(previous) => format!(
                    "is {min}, but the band before ends at {}, so this band must start at {expected_min}. The bands must cover 0 to 75 with no gaps or overlaps.",
                    previous.max
                ),
            };
            return Err(check.error(format!("{key}.min"), problem));
        }
        if max < min {
            return Err(check.error(
                format!("{key}.max"),
                format!("is {max}, which is below this band's min of {min}."),
            ));
        }
        let label = check.text(&format!("{key}.label"), raw_band.label)?;
        bands.push(BandInfo { min, max, label });
    }
    let last = bands.len();
    if let Some(top) = bands.last().filter(|band| band.max != SCORE_MAX) {
        return Err(check.error(
            format!("bands[{last}].max"),
            format!(
                "is {}, but the last band must end at {SCORE_MAX}, the highest score.",
                top.max
            ),
        ));
    }
    let band_count = bands.len();
    let bands: Bands = bands.try_into().map_err(|_| {
        check.error(
            "bands",
            format!(
                "has {band_count} bands, but the score needs exactly five [[bands]] blocks, from not strategic to highly strategic."
            ),
        )
    })?;

    let mut cases = Vec::with_capacity(raw.cases.len());
    for (index, raw_case) in raw.cases.into_iter().enumerate() {
        let key = format!("cases[{}]", index + 1);
        let case_key = check.known_key(&format!("{key}.key"), raw_case.key, &CASE_KEYS, "case")?;
        cases.push(CaseInfo {
            key: case_key.to_owned(),
            label: check.text(&format!("{key}.label"), raw_case.label)?,
            action: check.text(&format!("{key}.action"), raw_case.action)?,
        });
    }
    let case_keys: Vec<&str> = cases.iter().map(|case| case.key.as_str()).collect();
    check.each_once("cases", "key", "case", &case_keys, &CASE_KEYS)?;

    Ok(ScaleContent {
        scale,
        bands,
        cases,
    })
}

pub(super) fn validate_benefits(
    raw: RawBenefitsFile,
    ids: &mut IdRegister,
) -> Result<BenefitsContent, PromptError> {
    let check = FileCheck {
        file: BENEFITS_FILE,
    };
    let prefix = Assessment::Benefits.id_prefix();
    if raw.direct.is_empty() && raw.indirect.is_empty() {
        return Err(check.error(
            "direct",
            "there are no benefits. Add at least one [[direct]] or [[indirect]] block.",
        ));
    }
    let mut benefits = Vec::with_capacity(raw.direct.len() + raw.indirect.len());
    for (group, list) in [("direct", raw.direct), ("indirect", raw.indirect)] {
        for (index, raw_item) in list.into_iter().enumerate() {
            let key = format!("{group}[{}]", index + 1);
            benefits.push(check.item(&key, raw_item, prefix, group, ids)?);
        }
    }
    let discussion = raw
        .discussion
        .into_iter()
        .enumerate()
        .map(|(index, raw_prompt)| {
            check.prompt(
                &format!("discussion[{}]", index + 1),
                raw_prompt,
                prefix,
                ids,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(BenefitsContent {
        benefits,
        benefit_discussion: discussion,
    })
}

pub(super) fn validate_relationships(
    raw: RawRelationshipsFile,
    ids: &mut IdRegister,
) -> Result<RelationshipsContent, PromptError> {
    let check = FileCheck {
        file: RELATIONSHIPS_FILE,
    };

    let mut types = Vec::with_capacity(raw.types.len());
    for (index, raw_type) in raw.types.into_iter().enumerate() {
        let key = format!("types[{}]", index + 1);
        let kind_key = format!("{key}.kind");
        let kind = check
            .present(&kind_key, raw_type.kind)?
            .parse::<RelationshipType>()
            .map_err(|invalid| check.error(&kind_key, invalid.0))?;
        types.push(RelationshipTypeInfo {
            kind,
            name: check.text(&format!("{key}.name"), raw_type.name)?,
            summary: check.text(&format!("{key}.summary"), raw_type.summary)?,
            examples: check.text(&format!("{key}.examples"), raw_type.examples)?,
        });
    }
    let kinds: Vec<RelationshipType> = types.iter().map(|info| info.kind).collect();
    check.each_once(
        "types",
        "kind",
        "relationship type",
        &kinds,
        RelationshipType::ALL,
    )?;

    let mut levels = Vec::with_capacity(raw.levels.len());
    for (index, raw_level) in raw.levels.into_iter().enumerate() {
        let key = format!("levels[{}]", index + 1);
        let level_key = format!("{key}.level");
        let level = check
            .present(&level_key, raw_level.level)?
            .parse::<Level>()
            .map_err(|invalid| check.error(&level_key, invalid.0))?;
        levels.push(LevelInfo {
            level,
            name: check.text(&format!("{key}.name"), raw_level.name)?,
            description: check.text(&format!("{key}.description"), raw_level.description)?,
        });
    }
    let found: Vec<Level> = levels.iter().map(|info| info.level).collect();
    check.each_once("levels", "level", "level", &found, Level::ALL)?;

    if raw.questions.is_empty() {
        return Err(check.error(
            "questions",
            "there are no questions. Add at least one [[questions]] block.",
        ));
    }
    let prefix = Assessment::Relationships.id_prefix();
    let questions = raw
        .questions
        .into_iter()
        .enumerate()
        .map(|(index, raw_item)| {
            let key = format!("questions[{}]", index + 1);
            check.item(&key, raw_item, prefix, "questions", ids)
        })
        .collect::<Result<Vec<_>, _>>()?;

    Ok(RelationshipsContent {
        relationship_types: types,
        levels,
        relationship_questions: questions,
    })
}

pub(super) fn validate_strategic(
    raw: RawStrategicFile,
    ids: &mut IdRegister,
) -> Result<StrategicContent, PromptError> {
    let check = FileCheck {
        file: STRATEGIC_FILE,
    };
    let prefix = Assessment::Strategic.id_prefix();

    let mut principles = Vec::with_capacity(raw.principles.len());
    let mut items = Vec::new();
    for (index, raw_principle) in raw.principles.into_iter().enumerate() {
        let key = format!("principles[{}]", index + 1);
        let principle_key = check.known_key(
            &format!("{key}.key"),
            raw_principle.key,
            &PRINCIPLE_KEYS,
            "principle key",
        )?;
        principles.push(Principle {
            key: principle_key.to_owned(),
            name: check.text(&format!("{key}.name"), raw_principle.name)?,
            definition: check.text(&format!("{key}.definition"), raw_principle.definition)?,
        });
        if raw_principle.questions.is_empty() {
            return Err(check.error(
                format!("{key}.questions"),
                "there are none. Each principle needs at least one [[principles.questions]] block after it.",
            ));
        }
        for (question_index, raw_item) in raw_principle.questions.into_iter().enumerate() {
            let item_key = format!("{key}.questions[{}]", question_index + 1);
            items.push(check.item(&item_key, raw_item, prefix, principle_key, ids)?);
        }
    }
    let keys: Vec<&str> = principles
        .iter()
        .map(|principle| principle.key.as_str())
        .collect();
    check.each_once("principles", "key", "principle", &keys, &PRINCIPLE_KEYS)?;

    for (index, raw_item) in raw.axes.into_iter().enumerate() {
        let key = format!("axes[{}]", index + 1);
        items.push(check.item(&key, raw_item, prefix, "axes", ids)?);
    }
    Ok(StrategicContent {
        principles,
        strategic_items: items,
    })
}

pub(super) fn validate_action_plan(
    raw: RawActionPlanFile,
    ids: &mut IdRegister,
) -> Result<ActionPlanContent, PromptError> {
    let check = FileCheck {
        file: ACTION_PLAN_FILE,
    };

    let mut considerations = Vec::with_capacity(raw.considerations.len());
    for (index, raw_consideration) in raw.considerations.into_iter().enumerate() {
        let key = format!("considerations[{}]", index + 1);
        let consideration_key = check.known_key(
            &format!("{key}.key"),
            raw_consideration.key,
            &CONSIDERATION_KEYS,
            "consideration key",
        )?;
        considerations.push(Consideration {
            key: consideration_key.to_owned(),
            text: check.text(&format!("{key}.text"), raw_consideration.text)?,
        });
    }
    let keys: Vec<&str> = considerations
        .iter()
        .map(|consideration| consideration.key.as_str())
        .collect();
    check.each_once(
        "considerations",
        "key",
        "consideration",
        &keys,
        &CONSIDERATION_KEYS,
    )?;

    let context_questions = raw
        .context_questions
        .into_iter()
        .enumerate()
        .map(|(index, raw_prompt)| {
            let key = format!("context_questions[{}]", index + 1);
            check.prompt(&key, raw_prompt, PLAN_PREFIX, ids)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ActionPlanContent {
        considerations,
        context_questions,
    })
}
