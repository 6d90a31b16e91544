//! The toolkit's content, loaded from `prompts/` (TOML) and validated. Every
//! question text lives in those files, never in Rust code: councils reword
//! questions and a CVS may translate them. Ids are stable; wording is not.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::{Assessment, ItemId, Level, RelationshipType};

/// One thing people vote on, 1–5.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: ItemId,
    /// A few words for charts, buttons and tables, e.g. "Rebalancing power".
    pub short: String,
    /// The full question or statement, as in the toolkit.
    pub text: String,
    /// The heading it sits under: "direct" / "indirect" for benefits, the
    /// principle's key (e.g. "shared_foundations") or "axes" for assessment
    /// three, "questions" for assessment two.
    pub group: String,
}

/// A discussion prompt or question that is talked about, not voted on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prompt {
    pub id: ItemId,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleLabel {
    pub value: u8,
    /// e.g. "Not at all", "To a small extent".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipTypeInfo {
    pub kind: RelationshipType,
    pub name: String,
    pub summary: String,
    pub examples: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelInfo {
    pub level: Level,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Principle {
    /// e.g. "shared_foundations"; the middle part of its items' ids.
    pub key: String,
    pub name: String,
    pub definition: String,
}

/// A band of the relationship score out of 75, as the toolkit words it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandInfo {
    pub min: u32,
    pub max: u32,
    pub label: String,
}

/// One of the toolkit's four intent / delivery cases and what it recommends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseInfo {
    /// "both", "intent_only", "delivery_only" or "neither".
    pub key: String,
    pub label: String,
    pub action: String,
}

/// Something the action plan must consider.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consideration {
    /// "typology_gaps", "overlaps", "geography", "support_to_strategic",
    /// "axes_balance" or "improve_strategic".
    pub key: String,
    pub text: String,
}

/// The whole toolkit, validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Toolkit {
    /// The five labels of the 1–5 scale, in order.
    pub scale: Vec<ScaleLabel>,
    /// Assessment one: the nine benefits (six direct, three indirect).
    pub benefits: Vec<Item>,
    /// Assessment one: the four questions for discussion.
    pub benefit_discussion: Vec<Prompt>,
    /// Assessment two: the five types, in the toolkit's order.
    pub relationship_types: Vec<RelationshipTypeInfo>,
    /// Assessment two: the five questions asked of each relationship.
    pub relationship_questions: Vec<Item>,
    /// Assessment two: neighbourhood, place, system.
    pub levels: Vec<LevelInfo>,
    /// Assessment three: the four principles.
    pub principles: Vec<Principle>,
    /// Assessment three: the twelve principle questions then the three axes,
    /// fifteen items in all.
    pub strategic_items: Vec<Item>,
    /// The five bands of the score out of 75, lowest first.
    pub bands: Vec<BandInfo>,
    /// The four intent / delivery cases.
    pub cases: Vec<CaseInfo>,
    /// The action plan's considerations.
    pub considerations: Vec<Consideration>,
    /// The four questions about the external context.
    pub context_questions: Vec<Prompt>,
}

// ---------------------------------------------------------------------------
// Loading and validation
// ---------------------------------------------------------------------------

const SCALE_FILE: &str = "scale.toml";
const BENEFITS_FILE: &str = "benefits.toml";
const RELATIONSHIPS_FILE: &str = "relationships.toml";
const STRATEGIC_FILE: &str = "strategic.toml";
const ACTION_PLAN_FILE: &str = "action_plan.toml";

/// The files a prompts folder must hold.
pub const PROMPT_FILES: [&str; 5] = [
    SCALE_FILE,
    BENEFITS_FILE,
    RELATIONSHIPS_FILE,
    STRATEGIC_FILE,
    ACTION_PLAN_FILE,
];

/// Longest `short` label: it goes on chart axes and buttons.
pub const SHORT_MAX_CHARS: usize = 30;
/// Longest text: it must fit in one field of a Discord embed (1024).
pub const TEXT_MAX_CHARS: usize = 1000;

/// The highest score of a relationship in assessment three.
const SCORE_MAX: u32 = 75;

const CASE_KEYS: [&str; 4] = ["both", "intent_only", "delivery_only", "neither"];
const PRINCIPLE_KEYS: [&str; 4] = [
    "shared_foundations",
    "relational_culture",
    "effective_structures",
    "capacity_resources",
];
const CONSIDERATION_KEYS: [&str; 6] = [
    "typology_gaps",
    "overlaps",
    "geography",
    "support_to_strategic",
    "axes_balance",
    "improve_strategic",
];
/// The id prefix of the action plan's context questions.
const PLAN_PREFIX: &str = "plan";

/// A mistake in the prompt files. Every message names the file and, where it
/// can, the key of the mistake (blocks are counted from 1), so that a council
/// officer who reworded a question can find and fix it.
#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    #[error(
        "{file}: could not read {}: {source}. Check that the folder holds all five prompt files: {}.",
        .path.display(),
        PROMPT_FILES.join(", ")
    )]
    Unreadable {
        file: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}{}: {message}. Check the spelling, quotes and brackets there.", at_line(*.line, *.column))]
    Syntax {
        file: &'static str,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    #[error("{file}: {key}: {problem}")]
    Invalid {
        file: &'static str,
        key: String,
        problem: String,
    },
}

fn at_line(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(", line {line}, column {column}"),
        (Some(line), None) => format!(", line {line}"),
        _ => String::new(),
    }
}

/// What `check-prompts` prints: how much the folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CheckSummary {
    pub benefits: usize,
    pub benefit_discussion: usize,
    pub relationship_questions: usize,
    pub strategic_items: usize,
    pub considerations: usize,
    pub context_questions: usize,
}

impl fmt::Display for CheckSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The prompts are valid: {} benefits and {} discussion questions (assessment one), \
             {} relationship questions (assessment two), {} strategic items (assessment three), \
             {} action plan considerations and {} context questions.",
            self.benefits,
            self.benefit_discussion,
            self.relationship_questions,
            self.strategic_items,
            self.considerations,
            self.context_questions
        )
    }
}

/// Loads and validates the prompt files in `dir`, for the `check-prompts`
/// command.
pub fn check_dir(dir: &Path) -> Result<CheckSummary, PromptError> {
    Toolkit::load_dir(dir).map(|toolkit| toolkit.summary())
}

/// The five files' contents.
struct Sources<'a> {
    scale: &'a str,
    benefits: &'a str,
    relationships: &'a str,
    strategic: &'a str,
    action_plan: &'a str,
}

const EMBEDDED: Sources<'static> = Sources {
    scale: include_str!("../prompts/scale.toml"),
    benefits: include_str!("../prompts/benefits.toml"),
    relationships: include_str!("../prompts/relationships.toml"),
    strategic: include_str!("../prompts/strategic.toml"),
    action_plan: include_str!("../prompts/action_plan.toml"),
};

impl Toolkit {
    /// The toolkit as shipped, built into the binary so it runs from any
    /// folder. A unit test loads it, so an error here is a programming error.
    pub fn embedded() -> Result<Toolkit, PromptError> {
        Self::from_sources(&EMBEDDED)
    }

    /// The toolkit from a folder of reworded prompt files (the same five
    /// file names as `prompts/`).
    pub fn load_dir(dir: &Path) -> Result<Toolkit, PromptError> {
        let read = |file: &'static str| {
            let path = dir.join(file);
            std::fs::read_to_string(&path).map_err(|source| PromptError::Unreadable {
                file,
                path,
                source,
            })
        };
        let scale = read(SCALE_FILE)?;
        let benefits = read(BENEFITS_FILE)?;
        let relationships = read(RELATIONSHIPS_FILE)?;
        let strategic = read(STRATEGIC_FILE)?;
        let action_plan = read(ACTION_PLAN_FILE)?;
        Self::from_sources(&Sources {
            scale: &scale,
            benefits: &benefits,
            relationships: &relationships,
            strategic: &strategic,
            action_plan: &action_plan,
        })
    }

    fn from_sources(sources: &Sources<'_>) -> Result<Toolkit, PromptError> {
        let mut ids = IdRegister::default();
        let ScaleContent {
            scale,
            bands,
            cases,
        } = validate_scale(parse(SCALE_FILE, sources.scale)?)?;
        let BenefitsContent {
            benefits,
            benefit_discussion,
        } = validate_benefits(parse(BENEFITS_FILE, sources.benefits)?, &mut ids)?;
        let RelationshipsContent {
            relationship_types,
            levels,
            relationship_questions,
        } = validate_relationships(parse(RELATIONSHIPS_FILE, sources.relationships)?, &mut ids)?;
        let StrategicContent {
            principles,
            strategic_items,
        } = validate_strategic(parse(STRATEGIC_FILE, sources.strategic)?, &mut ids)?;
        let ActionPlanContent {
            considerations,
            context_questions,
        } = validate_action_plan(parse(ACTION_PLAN_FILE, sources.action_plan)?, &mut ids)?;
        Ok(Toolkit {
            scale,
            benefits,
            benefit_discussion,
            relationship_types,
            relationship_questions,
            levels,
            principles,
            strategic_items,
            bands,
            cases,
            considerations,
            context_questions,
        })
    }

    /// The items voted on in an assessment, in order.
    pub fn items(&self, assessment: Assessment) -> &[Item] {
        match assessment {
            Assessment::Benefits => &self.benefits,
            Assessment::Relationships => &self.relationship_questions,
            Assessment::Strategic => &self.strategic_items,
        }
    }

    /// The item with this id, and the assessment it belongs to.
    pub fn item(&self, id: &ItemId) -> Option<(Assessment, &Item)> {
        Assessment::ALL.iter().find_map(|&assessment| {
            self.items(assessment)
                .iter()
                .find(|item| &item.id == id)
                .map(|item| (assessment, item))
        })
    }

    /// The words for a value on the 1–5 scale, e.g. 1 → "Not at all".
    pub fn scale_label(&self, value: u8) -> Option<&str> {
        self.scale
            .iter()
            .find(|label| label.value == value)
            .map(|label| label.label.as_str())
    }

    /// The band a score out of 75 falls in.
    pub fn band_for(&self, score: u32) -> Option<&BandInfo> {
        self.bands
            .iter()
            .find(|band| (band.min..=band.max).contains(&score))
    }

    /// One of the four cases: "both", "intent_only", "delivery_only", "neither".
    pub fn case(&self, key: &str) -> Option<&CaseInfo> {
        self.cases.iter().find(|case| case.key == key)
    }

    pub fn principle(&self, key: &str) -> Option<&Principle> {
        self.principles
            .iter()
            .find(|principle| principle.key == key)
    }

    pub fn consideration(&self, key: &str) -> Option<&Consideration> {
        self.considerations
            .iter()
            .find(|consideration| consideration.key == key)
    }

    pub fn type_info(&self, kind: RelationshipType) -> Option<&RelationshipTypeInfo> {
        self.relationship_types
            .iter()
            .find(|info| info.kind == kind)
    }

    pub fn level_info(&self, level: Level) -> Option<&LevelInfo> {
        self.levels.iter().find(|info| info.level == level)
    }

    /// How much the toolkit holds, for `check-prompts`.
    pub fn summary(&self) -> CheckSummary {
        CheckSummary {
            benefits: self.benefits.len(),
            benefit_discussion: self.benefit_discussion.len(),
            relationship_questions: self.relationship_questions.len(),
            strategic_items: self.strategic_items.len(),
            considerations: self.considerations.len(),
            context_questions: self.context_questions.len(),
        }
    }
}

// The files as written. Every field is optional so that a missing one is
// reported with its full key, not just a line number.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScaleFile {
    #[serde(default)]
    labels: Vec<RawLabel>,
    #[serde(default)]
    bands: Vec<RawBand>,
    #[serde(default)]
    cases: Vec<RawCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    value: Option<u8>,
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    min: Option<u32>,
    max: Option<u32>,
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    key: Option<String>,
    label: Option<String>,
    action: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBenefitsFile {
    #[serde(default)]
    direct: Vec<RawItem>,
    #[serde(default)]
    indirect: Vec<RawItem>,
    #[serde(default)]
    discussion: Vec<RawPrompt>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Option<String>,
    short: Option<String>,
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrompt {
    id: Option<String>,
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelationshipsFile {
    #[serde(default)]
    types: Vec<RawType>,
    #[serde(default)]
    levels: Vec<RawLevel>,
    #[serde(default)]
    questions: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawType {
    kind: Option<String>,
    name: Option<String>,
    summary: Option<String>,
    examples: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevel {
    level: Option<String>,
    name: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStrategicFile {
    #[serde(default)]
    principles: Vec<RawPrinciple>,
    #[serde(default)]
    axes: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrinciple {
    key: Option<String>,
    name: Option<String>,
    definition: Option<String>,
    #[serde(default)]
    questions: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActionPlanFile {
    #[serde(default)]
    considerations: Vec<RawConsideration>,
    #[serde(default)]
    context_questions: Vec<RawPrompt>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsideration {
    key: Option<String>,
    text: Option<String>,
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &'static str,
    source: &str,
) -> Result<T, PromptError> {
    toml::from_str(source).map_err(|error| {
        let (line, column) = match error.span() {
            Some(span) => {
                let before = source.get(..span.start).unwrap_or(source);
                let line = before.matches('\n').count() + 1;
                let column = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        let message = error
            .message()
            .lines()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
            .replace("expected u8", "expected a whole number")
            .replace("expected u32", "expected a whole number");
        PromptError::Syntax {
            file,
            line,
            column,
            message: message.trim_end_matches('.').to_owned(),
        }
    })
}

/// Every id seen so far, across all files, with where it was given.
#[derive(Default)]
struct IdRegister {
    seen: HashMap<ItemId, String>,
}

/// Validation of one file: builds errors that name it.
struct FileCheck {
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

struct ScaleContent {
    scale: Vec<ScaleLabel>,
    bands: Vec<BandInfo>,
    cases: Vec<CaseInfo>,
}

struct BenefitsContent {
    benefits: Vec<Item>,
    benefit_discussion: Vec<Prompt>,
}

struct RelationshipsContent {
    relationship_types: Vec<RelationshipTypeInfo>,
    levels: Vec<LevelInfo>,
    relationship_questions: Vec<Item>,
}

struct StrategicContent {
    principles: Vec<Principle>,
    strategic_items: Vec<Item>,
}

struct ActionPlanContent {
    considerations: Vec<Consideration>,
    context_questions: Vec<Prompt>,
}

fn validate_scale(raw: RawScaleFile) -> Result<ScaleContent, PromptError> {
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

fn validate_benefits(
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

fn validate_relationships(
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

fn validate_strategic(
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

fn validate_action_plan(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Toolkit {
        Toolkit::embedded().unwrap()
    }

    fn id(text: &str) -> ItemId {
        text.parse().unwrap()
    }

    /// Writes the embedded files to a fresh folder, with `from` replaced by
    /// `to` in `file`, and returns the loader's error message.
    fn error_after_editing(file: &str, from: &str, to: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        write_embedded(dir.path());
        let path = dir.path().join(file);
        let original = std::fs::read_to_string(&path).unwrap();
        assert!(original.contains(from), "{file} does not contain {from:?}");
        std::fs::write(&path, original.replacen(from, to, 1)).unwrap();
        Toolkit::load_dir(dir.path()).unwrap_err().to_string()
    }

    fn write_embedded(dir: &Path) {
        let files = [
            (SCALE_FILE, EMBEDDED.scale),
            (BENEFITS_FILE, EMBEDDED.benefits),
            (RELATIONSHIPS_FILE, EMBEDDED.relationships),
            (STRATEGIC_FILE, EMBEDDED.strategic),
            (ACTION_PLAN_FILE, EMBEDDED.action_plan),
        ];
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }

    #[test]
    fn embedded_toolkit_has_the_whole_toolkit() {
        let toolkit = embedded();
        let groups =
            |items: &[Item], group: &str| items.iter().filter(|i| i.group == group).count();

        assert_eq!(toolkit.benefits.len(), 9);
        assert_eq!(groups(&toolkit.benefits, "direct"), 6);
        assert_eq!(groups(&toolkit.benefits, "indirect"), 3);
        assert_eq!(toolkit.benefit_discussion.len(), 4);
        assert_eq!(toolkit.relationship_types.len(), 5);
        assert_eq!(toolkit.relationship_questions.len(), 5);
        assert_eq!(groups(&toolkit.relationship_questions, "questions"), 5);
        assert_eq!(toolkit.levels.len(), 3);
        assert_eq!(toolkit.principles.len(), 4);
        assert_eq!(toolkit.strategic_items.len(), 15);
        for key in PRINCIPLE_KEYS {
            assert_eq!(groups(&toolkit.strategic_items, key), 3, "{key}");
        }
        assert_eq!(groups(&toolkit.strategic_items, "axes"), 3);
        assert_eq!(toolkit.scale.len(), 5);
        assert_eq!(toolkit.bands.len(), 5);
        assert_eq!(toolkit.cases.len(), 4);
        assert_eq!(toolkit.considerations.len(), 6);
        assert_eq!(toolkit.context_questions.len(), 4);
    }

    #[test]
    fn embedded_ids_follow_the_naming_scheme() {
        let toolkit = embedded();
        let ids = |items: &[Item]| items.iter().map(|i| i.id.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ids(&toolkit.relationship_questions),
            [
                "a2.question.say_over_strategy",
                "a2.question.embedded",
                "a2.question.neighbourhood",
                "a2.question.commissioning",
                "a2.question.delivery"
            ]
        );
        assert_eq!(
            ids(&toolkit.strategic_items[..3]),
            [
                "a3.shared_foundations.power",
                "a3.shared_foundations.value_of_all",
                "a3.shared_foundations.senior_leadership"
            ]
        );
        assert_eq!(
            ids(&toolkit.strategic_items[12..]),
            ["a3.axes.proactive", "a3.axes.financial", "a3.axes.time"]
        );
        assert_eq!(toolkit.benefits[0].id.as_str(), "a1.direct.better_services");
        assert_eq!(
            toolkit.benefits[6].id.as_str(),
            "a1.indirect.civic_participation"
        );
        assert!(
            toolkit
                .benefit_discussion
                .iter()
                .all(|p| p.id.as_str().starts_with("a1.discuss."))
        );
        assert!(
            toolkit
                .context_questions
                .iter()
                .all(|p| p.id.as_str().starts_with("plan.context."))
        );
        let principle_keys: Vec<&str> = toolkit.principles.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(principle_keys, PRINCIPLE_KEYS);
        let consideration_keys: Vec<&str> = toolkit
            .considerations
            .iter()
            .map(|c| c.key.as_str())
            .collect();
        assert_eq!(consideration_keys, CONSIDERATION_KEYS);
    }

    #[test]
    fn accessors_find_what_the_toolkit_says() {
        let toolkit = embedded();

        assert_eq!(toolkit.items(Assessment::Benefits).len(), 9);
        assert_eq!(toolkit.items(Assessment::Relationships).len(), 5);
        assert_eq!(toolkit.items(Assessment::Strategic).len(), 15);

        let (assessment, item) = toolkit.item(&id("a3.shared_foundations.power")).unwrap();
        assert_eq!(assessment, Assessment::Strategic);
        assert_eq!(item.short, "Rebalancing power");
        assert_eq!(item.group, "shared_foundations");
        let (assessment, item) = toolkit.item(&id("a1.indirect.social_capital")).unwrap();
        assert_eq!(assessment, Assessment::Benefits);
        assert_eq!(item.group, "indirect");
        assert_eq!(
            toolkit.item(&id("a2.question.delivery")).unwrap().0,
            Assessment::Relationships
        );
        assert!(toolkit.item(&id("a1.discuss.key_benefits")).is_none());
        assert!(toolkit.item(&id("a3.nothing")).is_none());

        assert_eq!(toolkit.scale_label(1), Some("Not at all"));
        assert_eq!(toolkit.scale_label(3), Some("To a medium extent"));
        assert_eq!(toolkit.scale_label(5), Some("As much as possible"));
        assert_eq!(toolkit.scale_label(0), None);
        assert_eq!(toolkit.scale_label(6), None);

        let band = |score| toolkit.band_for(score).map(|b| b.label.as_str());
        assert_eq!(band(0), Some("Not strategic"));
        assert_eq!(band(15), Some("Not strategic"));
        assert_eq!(band(16), Some("Minimally strategic"));
        assert_eq!(band(45), Some("Somewhat strategic"));
        assert_eq!(band(46), Some("Largely strategic"));
        assert_eq!(band(75), Some("Highly strategic"));
        assert_eq!(band(76), None);

        assert_eq!(
            toolkit.case("intent_only").unwrap().action,
            "Action needed to bring delivery in line with intent."
        );
        assert_eq!(toolkit.case("both").unwrap().action, "Action not needed.");
        assert!(toolkit.case("sometimes").is_none());
        assert_eq!(
            toolkit.principle("capacity_resources").unwrap().name,
            "Capacity and resources"
        );
        assert!(toolkit.principle("axes").is_none());
        assert!(
            toolkit
                .consideration("geography")
                .unwrap()
                .text
                .contains("geographical scope")
        );
        assert_eq!(
            toolkit
                .type_info(RelationshipType::Commissioning)
                .unwrap()
                .name,
            "Commissioning relationships"
        );
        assert_eq!(
            toolkit.level_info(Level::Place).unwrap().name,
            "Place level"
        );
    }

    #[test]
    fn a_folder_of_the_shipped_files_loads_the_same_toolkit() {
        let dir = tempfile::tempdir().unwrap();
        write_embedded(dir.path());
        assert_eq!(Toolkit::load_dir(dir.path()).unwrap(), embedded());
        let summary = check_dir(dir.path()).unwrap();
        assert_eq!(
            (
                summary.benefits,
                summary.relationship_questions,
                summary.strategic_items
            ),
            (9, 5, 15)
        );
        assert_eq!(
            summary.to_string(),
            "The prompts are valid: 9 benefits and 4 discussion questions (assessment one), \
             5 relationship questions (assessment two), 15 strategic items (assessment three), \
             6 action plan considerations and 4 context questions."
        );
    }

    #[test]
    fn a_council_may_change_the_number_of_items() {
        let dir = tempfile::tempdir().unwrap();
        write_embedded(dir.path());
        let path = dir.path().join(BENEFITS_FILE);
        let extra = "\n[[indirect]]\nid = \"a1.indirect.local_pride\"\nshort = \"Local pride\"\ntext = \"Growing pride in the place.\"\n";
        std::fs::write(&path, format!("{}{extra}", EMBEDDED.benefits)).unwrap();
        let toolkit = Toolkit::load_dir(dir.path()).unwrap();
        assert_eq!(toolkit.benefits.len(), 10);
        assert_eq!(toolkit.benefits[9].group, "indirect");
    }

    #[test]
    fn a_missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let message = Toolkit::load_dir(dir.path()).unwrap_err().to_string();
        assert!(
            message.starts_with("scale.toml: could not read "),
            "{message}"
        );
        assert!(
            message.contains("scale.toml, benefits.toml, relationships.toml"),
            "{message}"
        );
    }

    #[test]
    fn a_duplicate_id_names_both_places() {
        let message = error_after_editing(
            STRATEGIC_FILE,
            "id = \"a3.axes.time\"",
            "id = \"a3.axes.financial\"",
        );
        assert!(
            message.starts_with(
                "strategic.toml: axes[3].id: \"a3.axes.financial\" is already used at strategic.toml: axes[2].id."
            ),
            "{message}"
        );
    }

    #[test]
    fn a_duplicate_id_across_files_is_refused() {
        let message = error_after_editing(
            STRATEGIC_FILE,
            "id = \"a3.axes.time\"",
            "id = \"a1.direct.reach\"",
        );
        assert!(
            message.starts_with(
                "strategic.toml: axes[3].id: \"a1.direct.reach\" is already used at benefits.toml: direct[2].id."
            ),
            "{message}"
        );
    }

    #[test]
    fn a_missing_text_is_named_by_key() {
        let message = error_after_editing(
            RELATIONSHIPS_FILE,
            "text = \"Does it target engagement on a neighbourhood-by-neighbourhood basis?\"\n",
            "",
        );
        assert_eq!(
            message,
            "relationships.toml: questions[3].text: is missing. Add a line `text = ...` to this block."
        );
    }

    #[test]
    fn an_empty_text_is_refused() {
        let message = error_after_editing(
            ACTION_PLAN_FILE,
            "text = \"Gaps in the types of existing relationships, according to the typology.\"",
            "text = \"   \"",
        );
        assert_eq!(
            message,
            "action_plan.toml: considerations[1].text: is empty. Write the wording between the quotes."
        );
    }

    #[test]
    fn a_malformed_id_is_named_by_key() {
        let message = error_after_editing(
            STRATEGIC_FILE,
            "\"a3.relational_culture.step_up\"",
            "\"a3.Bad\"",
        );
        assert!(
            message.starts_with(
                "strategic.toml: principles[2].questions[2].id: \"a3.Bad\" is not an item id."
            ),
            "{message}"
        );
    }

    #[test]
    fn an_id_with_another_assessments_prefix_is_refused() {
        let message = error_after_editing(
            BENEFITS_FILE,
            "\"a1.indirect.social_capital\"",
            "\"a2.social_capital\"",
        );
        assert!(
            message.starts_with(
                "benefits.toml: indirect[3].id: \"a2.social_capital\" must start with \"a1.\""
            ),
            "{message}"
        );
    }

    #[test]
    fn a_gap_between_bands_is_refused() {
        let message = error_after_editing(SCALE_FILE, "min = 31", "min = 32");
        assert!(
            message.starts_with(
                "scale.toml: bands[3].min: is 32, but the band before ends at 30, so this band must start at 31."
            ),
            "{message}"
        );
    }

    #[test]
    fn bands_must_reach_seventy_five() {
        let message = error_after_editing(SCALE_FILE, "max = 75", "max = 70");
        assert!(
            message
                .starts_with("scale.toml: bands[5].max: is 70, but the last band must end at 75"),
            "{message}"
        );
    }

    #[test]
    fn a_toml_syntax_error_gives_the_line() {
        let message =
            error_after_editing(SCALE_FILE, "label = \"Not at all\"", "label = \"Not at all");
        assert!(
            message.starts_with("scale.toml, line 12, column "),
            "{message}"
        );
        assert!(
            message.ends_with("Check the spelling, quotes and brackets there."),
            "{message}"
        );
    }

    #[test]
    fn a_wrong_type_is_explained_without_jargon() {
        let message = error_after_editing(SCALE_FILE, "value = 1", "value = \"one\"");
        assert_eq!(
            message,
            "scale.toml, line 11, column 9: invalid type: string \"one\", expected a whole number. \
             Check the spelling, quotes and brackets there."
        );
    }

    #[test]
    fn an_unknown_field_gives_the_line() {
        let message = error_after_editing(
            SCALE_FILE,
            "label = \"Not at all\"",
            "lable = \"Not at all\"",
        );
        assert!(
            message.starts_with("scale.toml, line 12, column 1: unknown field `lable`"),
            "{message}"
        );
    }

    #[test]
    fn a_scale_needs_five_labels() {
        let message = error_after_editing(
            SCALE_FILE,
            "[[labels]]\nvalue = 5\nlabel = \"As much as possible\"\n",
            "",
        );
        assert_eq!(
            message,
            "scale.toml: labels: has 4 labels, but the scale needs exactly five [[labels]] blocks, valued 1 to 5."
        );
    }

    #[test]
    fn scale_labels_must_be_valued_in_order() {
        let message = error_after_editing(SCALE_FILE, "value = 2", "value = 4");
        assert!(
            message.starts_with(
                "scale.toml: labels[2].value: is 4, but the labels must be valued 1 to 5 in order"
            ),
            "{message}"
        );
    }

    #[test]
    fn every_relationship_type_is_needed_once() {
        let message = error_after_editing(
            RELATIONSHIPS_FILE,
            "kind = \"delivery\"",
            "kind = \"shaping\"",
        );
        assert_eq!(
            message,
            "relationships.toml: types[5].kind: \"shaping\" is already given at types[1]. Each relationship type appears once."
        );
        let message = error_after_editing(
            RELATIONSHIPS_FILE,
            "kind = \"delivery\"",
            "kind = \"deliver\"",
        );
        assert!(
            message.starts_with(
                "relationships.toml: types[5].kind: \"deliver\" is not a relationship type."
            ),
            "{message}"
        );
    }

    #[test]
    fn a_missing_case_is_named() {
        let message = error_after_editing(SCALE_FILE, "key = \"neither\"", "key = \"both\"");
        assert!(
            message.starts_with("scale.toml: cases[4].key: \"both\" is already given at cases[1]."),
            "{message}"
        );
    }

    #[test]
    fn a_principle_needs_at_least_one_question() {
        let capacity = EMBEDDED
            .strategic
            .split("[[principles]]\nkey = \"capacity_resources\"")
            .next()
            .unwrap();
        let axes = EMBEDDED.strategic.split("\n# The axes").nth(1).unwrap();
        let dir = tempfile::tempdir().unwrap();
        write_embedded(dir.path());
        let without_questions = format!(
            "{capacity}[[principles]]\nkey = \"capacity_resources\"\nname = \"Capacity and resources\"\ndefinition = \"Having the wherewithal to take action.\"\n\n# The axes{axes}"
        );
        std::fs::write(dir.path().join(STRATEGIC_FILE), without_questions).unwrap();
        let message = Toolkit::load_dir(dir.path()).unwrap_err().to_string();
        assert!(
            message.starts_with("strategic.toml: principles[4].questions: there are none."),
            "{message}"
        );
    }

    #[test]
    fn a_short_label_longer_than_thirty_characters_is_refused() {
        let message = error_after_editing(
            BENEFITS_FILE,
            "short = \"Diverse communities\"",
            "short = \"Representing diverse communities\"",
        );
        assert!(
            message.starts_with("benefits.toml: direct[6].short: \"Representing diverse communities\" is 32 characters long."),
            "{message}"
        );
    }
}
