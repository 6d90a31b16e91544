//! Checks the raw files and turns them into the toolkit's typed model. Every
//! error names the file and the key, counting blocks from 1.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use super::error::PromptError;
use super::raw::*;
use crate::domain::{
    Assessment, BandInfo, Bands, CONSIDERATION_KEYS, CaseInfo, Consideration, InvalidValue, Item,
    ItemId, Level, LevelInfo, Principle, Prompt, RelationshipType, RelationshipTypeInfo,
    ScaleLabel,
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
    fn of(file: &'static str) -> Self {
        FileCheck { file }
    }

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
    /// entries carry it in `field` (read by `value_of`).
    fn each_once<'e, E, K: Copy + PartialEq + fmt::Display>(
        &self,
        (list, field, what): (&str, &str, &str),
        entries: &'e [E],
        value_of: impl Fn(&'e E) -> K,
        wanted: &[K],
    ) -> Result<(), PromptError> {
        let found: Vec<K> = entries.iter().map(value_of).collect();
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

    /// Checks each block of the list `list` with `each`, in order, naming
    /// them `list[1]`, `list[2]`, ….
    fn blocks<R, T>(
        &self,
        list: &str,
        raws: Vec<R>,
        mut each: impl FnMut(&Block<'_>, R) -> Result<T, PromptError>,
    ) -> Result<Vec<T>, PromptError> {
        raws.into_iter()
            .enumerate()
            .map(|(index, raw)| {
                let number = index + 1;
                let key = format!("{list}[{number}]");
                each(
                    &Block {
                        check: self,
                        key,
                        number,
                    },
                    raw,
                )
            })
            .collect()
    }
    /// Like [`FileCheck::blocks`], for a list with one block for each of
    /// `keys` (a block is a `what`, such as a case): each key comes once.
    fn keyed_blocks<R, T: Keyed>(
        &self,
        (list, what): (&str, &str),
        keys: &[&'static str],
        raws: Vec<R>,
        each: impl FnMut(&Block<'_>, R) -> Result<T, PromptError>,
    ) -> Result<Vec<T>, PromptError> {
        let entries = self.blocks(list, raws, each)?;
        self.each_once((list, "key", what), &entries, |entry| entry.key(), keys)?;
        Ok(entries)
    }
}

/// A validated block told apart from the others in its list by its `key`.
trait Keyed {
    fn key(&self) -> &str;
}

impl Keyed for CaseInfo {
    fn key(&self) -> &str {
        &self.key
    }
}

impl Keyed for Principle {
    fn key(&self) -> &str {
        &self.key
    }
}

impl Keyed for Consideration {
    fn key(&self) -> &str {
        &self.key
    }
}

/// One block of a list: its fields are named `list[n].field`.
struct Block<'a> {
    check: &'a FileCheck,
    key: String,
    /// Where it stands in its list, counting from 1.
    number: usize,
}

impl Block<'_> {
    fn field(&self, name: &str) -> String {
        format!("{}.{name}", self.key)
    }

    fn error(&self, name: &str, problem: impl Into<String>) -> PromptError {
        self.check.error(self.field(name), problem)
    }

    fn present<T>(&self, name: &str, value: Option<T>) -> Result<T, PromptError> {
        self.check.present(&self.field(name), value)
    }

    fn text(&self, name: &str, value: Option<String>) -> Result<String, PromptError> {
        self.check.text(&self.field(name), value)
    }

    fn short(&self, name: &str, value: Option<String>) -> Result<String, PromptError> {
        self.check.short(&self.field(name), value)
    }

    fn known_key(
        &self,
        name: &str,
        value: Option<String>,
        allowed: &[&'static str],
        what: &str,
    ) -> Result<&'static str, PromptError> {
        self.check
            .known_key(&self.field(name), value, allowed, what)
    }

    /// A value people type, such as a relationship type or a level.
    fn word<T: FromStr<Err = InvalidValue>>(
        &self,
        name: &str,
        value: Option<String>,
    ) -> Result<T, PromptError> {
        self.present(name, value)?
            .parse()
            .map_err(|invalid: InvalidValue| self.error(name, invalid.0))
    }

    fn item(
        &self,
        raw: RawItem,
        prefix: &str,
        group: &str,
        ids: &mut IdRegister,
    ) -> Result<Item, PromptError> {
        Ok(Item {
            id: self.check.id(&self.field("id"), raw.id, prefix, ids)?,
            short: self.short("short", raw.short)?,
            text: self.text("text", raw.text)?,
            group: group.to_owned(),
        })
    }

    fn prompt(
        &self,
        raw: RawPrompt,
        prefix: &str,
        ids: &mut IdRegister,
    ) -> Result<Prompt, PromptError> {
        Ok(Prompt {
            id: self.check.id(&self.field("id"), raw.id, prefix, ids)?,
            text: self.text("text", raw.text)?,
        })
    }
}

/// The scale labels, the score bands and the cases.
pub(super) fn validate_scale(
    raw: RawScaleFile,
) -> Result<(Vec<ScaleLabel>, Bands, Vec<CaseInfo>), PromptError> {
    let check = FileCheck::of(SCALE_FILE);

    if raw.labels.len() != 5 {
        return Err(check.error(
            "labels",
            format!(
                "has {} labels, but the scale needs exactly five [[labels]] blocks, valued 1 to 5.",
                raw.labels.len()
            ),
        ));
    }
    let scale = check.blocks("labels", raw.labels, |block, raw_label| {
        let value = block.present("value", raw_label.value)?;
        let expected = block.number;
        if usize::from(value) != expected {
            return Err(block.error(
                "value",
                format!("is {value}, but the labels must be valued 1 to 5 in order, so this one should be {expected}."),
            ));
        }
        let label = block.short("label", raw_label.label)?;
        Ok(ScaleLabel { value, label })
    })?;

    if raw.bands.is_empty() {
        return Err(check.error(
            "bands",
            "is missing. Add [[bands]] blocks for the score out of 75, lowest first, covering 0 to 75.",
        ));
    }
    let mut previous_max: Option<u32> = None;
    let bands = check.blocks("bands", raw.bands, |block, raw_band| {
        let min = block.present("min", raw_band.min)?;
        let max = block.present("max", raw_band.max)?;
        let expected_min = previous_max.map_or(0, |previous| previous + 1);
        if min != expected_min {
            let problem = match previous_max {
                None => format!("is {min}, but the first band must start at 0."),
                Some(previous) => format!(
                    "is {min}, but the band before ends at {previous}, so this band must start at {expected_min}. The bands must cover 0 to 75 with no gaps or overlaps."
                ),
            };
            return Err(block.error("min", problem));
        }
        if max < min {
            return Err(block.error(
                "max",
                format!("is {max}, which is below this band's min of {min}."),
            ));
        }
        let label = block.text("label", raw_band.label)?;
        previous_max = Some(max);
        Ok(BandInfo { min, max, label })
    })?;
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

    let cases = check.keyed_blocks(
        ("cases", "case"),
        &CASE_KEYS,
        raw.cases,
        |block, raw_case| {
            Ok(CaseInfo {
                key: block
                    .known_key("key", raw_case.key, &CASE_KEYS, "case")?
                    .to_owned(),
                label: block.text("label", raw_case.label)?,
                action: block.text("action", raw_case.action)?,
            })
        },
    )?;

    Ok((scale, bands, cases))
}

/// The benefits and the discussion questions.
pub(super) fn validate_benefits(
    raw: RawBenefitsFile,
    ids: &mut IdRegister,
) -> Result<(Vec<Item>, Vec<Prompt>), PromptError> {
    let check = FileCheck::of(BENEFITS_FILE);
    let prefix = Assessment::Benefits.id_prefix();
    if raw.direct.is_empty() && raw.indirect.is_empty() {
        return Err(check.error(
            "direct",
            "there are no benefits. Add at least one [[direct]] or [[indirect]] block.",
        ));
    }
    let mut benefits = Vec::with_capacity(raw.direct.len() + raw.indirect.len());
    for (group, list) in [("direct", raw.direct), ("indirect", raw.indirect)] {
        benefits.extend(check.blocks(group, list, |block, raw_item| {
            block.item(raw_item, prefix, group, ids)
        })?);
    }
    let discussion = check.blocks("discussion", raw.discussion, |block, raw_prompt| {
        block.prompt(raw_prompt, prefix, ids)
    })?;
    Ok((benefits, discussion))
}

/// What relationships.toml holds: the relationship types, the levels and the
/// questions.
type RelationshipsContent = (Vec<RelationshipTypeInfo>, Vec<LevelInfo>, Vec<Item>);

pub(super) fn validate_relationships(
    raw: RawRelationshipsFile,
    ids: &mut IdRegister,
) -> Result<RelationshipsContent, PromptError> {
    let check = FileCheck::of(RELATIONSHIPS_FILE);

    let types = check.blocks("types", raw.types, |block, raw_type| {
        Ok(RelationshipTypeInfo {
            kind: block.word("kind", raw_type.kind)?,
            name: block.text("name", raw_type.name)?,
            summary: block.text("summary", raw_type.summary)?,
            examples: block.text("examples", raw_type.examples)?,
        })
    })?;
    check.each_once(
        ("types", "kind", "relationship type"),
        &types,
        |info| info.kind,
        RelationshipType::ALL,
    )?;

    let levels = check.blocks("levels", raw.levels, |block, raw_level| {
        Ok(LevelInfo {
            level: block.word("level", raw_level.level)?,
            name: block.text("name", raw_level.name)?,
            description: block.text("description", raw_level.description)?,
        })
    })?;
    check.each_once(
        ("levels", "level", "level"),
        &levels,
        |info| info.level,
        Level::ALL,
    )?;

    if raw.questions.is_empty() {
        return Err(check.error(
            "questions",
            "there are no questions. Add at least one [[questions]] block.",
        ));
    }
    let prefix = Assessment::Relationships.id_prefix();
    let questions = check.blocks("questions", raw.questions, |block, raw_item| {
        block.item(raw_item, prefix, "questions", ids)
    })?;

    Ok((types, levels, questions))
}

/// The principles and the strategic items (the principles' questions, then the axes).
pub(super) fn validate_strategic(
    raw: RawStrategicFile,
    ids: &mut IdRegister,
) -> Result<(Vec<Principle>, Vec<Item>), PromptError> {
    let check = FileCheck::of(STRATEGIC_FILE);
    let prefix = Assessment::Strategic.id_prefix();

    let mut items = Vec::new();
    let principles = check.keyed_blocks(
        ("principles", "principle"),
        &PRINCIPLE_KEYS,
        raw.principles,
        |block, raw_principle| principle(block, raw_principle, prefix, ids, &mut items),
    )?;

    items.extend(check.blocks("axes", raw.axes, |block, raw_item| {
        block.item(raw_item, prefix, "axes", ids)
    })?);
    Ok((principles, items))
}

/// One principle; its questions go on the end of `items`.
fn principle(
    block: &Block<'_>,
    raw: RawPrinciple,
    prefix: &str,
    ids: &mut IdRegister,
    items: &mut Vec<Item>,
) -> Result<Principle, PromptError> {
    let key = block.known_key("key", raw.key, &PRINCIPLE_KEYS, "principle key")?;
    let principle = Principle {
        key: key.to_owned(),
        name: block.text("name", raw.name)?,
        definition: block.text("definition", raw.definition)?,
    };
    if raw.questions.is_empty() {
        return Err(block.error(
            "questions",
            "there are none. Each principle needs at least one [[principles.questions]] block after it.",
        ));
    }
    let questions = block.check.blocks(
        &block.field("questions"),
        raw.questions,
        |question, raw_item| question.item(raw_item, prefix, key, ids),
    )?;
    items.extend(questions);
    Ok(principle)
}

/// The considerations and the context questions.
pub(super) fn validate_action_plan(
    raw: RawActionPlanFile,
    ids: &mut IdRegister,
) -> Result<(Vec<Consideration>, Vec<Prompt>), PromptError> {
    let check = FileCheck::of(ACTION_PLAN_FILE);

    let considerations = check.keyed_blocks(
        ("considerations", "consideration"),
        &CONSIDERATION_KEYS,
        raw.considerations,
        |block, raw| {
            Ok(Consideration {
                key: block
                    .known_key("key", raw.key, &CONSIDERATION_KEYS, "consideration key")?
                    .to_owned(),
                text: block.text("text", raw.text)?,
            })
        },
    )?;

    let context_questions = check.blocks(
        "context_questions",
        raw.context_questions,
        |block, raw_prompt| block.prompt(raw_prompt, PLAN_PREFIX, ids),
    )?;
    Ok((considerations, context_questions))
}
