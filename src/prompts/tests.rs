//! The shipped prompts load, and every kind of mistake is named by file and key.

use std::path::Path;

use super::load::{EMBEDDED_ENGLISH as EMBEDDED, Sources};
use super::raw::*;
use super::validate::PRINCIPLE_KEYS;
use super::*;
use crate::domain::{
    Assessment, CONSIDERATION_KEYS, Item, ItemId, Level, RelationshipType, Toolkit,
};

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

/// The loader's message after [`error_after_editing`] starts with `start`.
fn assert_refused(file: &str, from: &str, to: &str, start: &str) {
    let message = error_after_editing(file, from, to);
    assert!(message.starts_with(start), "{message}");
}

/// The loader's message after [`error_after_editing`] is `expected`.
fn assert_refused_exactly(file: &str, from: &str, to: &str, expected: &str) {
    let message = error_after_editing(file, from, to);
    assert_eq!(message, expected);
}

fn write_embedded(dir: &Path) {
    write_sources(dir, &EMBEDDED);
}

/// Writes the five files of `sources` into `dir`, which must exist.
pub(super) fn write_sources(dir: &Path, sources: &Sources<'_>) {
    let files = [
        (SCALE_FILE, sources.scale),
        (BENEFITS_FILE, sources.benefits),
        (RELATIONSHIPS_FILE, sources.relationships),
        (STRATEGIC_FILE, sources.strategic),
        (ACTION_PLAN_FILE, sources.action_plan),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn embedded_toolkit_has_the_whole_toolkit() {
    let toolkit = embedded();
    let groups = |items: &[Item], group: &str| items.iter().filter(|i| i.group == group).count();

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
    let CheckReport::Single(summary) = check_dir(dir.path()).unwrap() else {
        panic!("a folder of the five files is one wording");
    };
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
    assert_refused(
        STRATEGIC_FILE,
        "id = \"a3.axes.time\"",
        "id = \"a3.axes.financial\"",
        "strategic.toml: axes[3].id: \"a3.axes.financial\" is already used at strategic.toml: axes[2].id.",
    );
}

#[test]
fn a_duplicate_id_across_files_is_refused() {
    assert_refused(
        STRATEGIC_FILE,
        "id = \"a3.axes.time\"",
        "id = \"a1.direct.reach\"",
        "strategic.toml: axes[3].id: \"a1.direct.reach\" is already used at benefits.toml: direct[2].id.",
    );
}

#[test]
fn a_missing_text_is_named_by_key() {
    assert_refused_exactly(
        RELATIONSHIPS_FILE,
        "text = \"Does it target engagement on a neighbourhood-by-neighbourhood basis?\"\n",
        "",
        "relationships.toml: questions[3].text: is missing. Add a line `text = ...` to this block.",
    );
}

#[test]
fn an_empty_text_is_refused() {
    assert_refused_exactly(
        ACTION_PLAN_FILE,
        "text = \"Gaps in the types of existing relationships, according to the typology.\"",
        "text = \"   \"",
        "action_plan.toml: considerations[1].text: is empty. Write the wording between the quotes.",
    );
}

#[test]
fn a_malformed_id_is_named_by_key() {
    assert_refused(
        STRATEGIC_FILE,
        "\"a3.relational_culture.step_up\"",
        "\"a3.Bad\"",
        "strategic.toml: principles[2].questions[2].id: \"a3.Bad\" is not an item id.",
    );
}

#[test]
fn an_id_with_another_assessments_prefix_is_refused() {
    assert_refused(
        BENEFITS_FILE,
        "\"a1.indirect.social_capital\"",
        "\"a2.social_capital\"",
        "benefits.toml: indirect[3].id: \"a2.social_capital\" must start with \"a1.\"",
    );
}

#[test]
fn a_gap_between_bands_is_refused() {
    assert_refused(
        SCALE_FILE,
        "min = 31",
        "min = 32",
        "scale.toml: bands[3].min: is 32, but the band before ends at 30, so this band must start at 31.",
    );
}

#[test]
fn bands_must_reach_seventy_five() {
    assert_refused(
        SCALE_FILE,
        "max = 75",
        "max = 70",
        "scale.toml: bands[5].max: is 70, but the last band must end at 75",
    );
}

#[test]
fn there_must_be_five_bands() {
    assert_refused_exactly(
        SCALE_FILE,
        "max = 30\nlabel = \"Minimally strategic\"\n\n[[bands]]\nmin = 31\n",
        "",
        "scale.toml: bands: has 4 bands, but the score needs exactly five [[bands]] blocks, from not strategic to highly strategic.",
    );
}

#[test]
fn a_toml_syntax_error_gives_the_line() {
    let message = error_after_editing(SCALE_FILE, "label = \"Not at all\"", "label = \"Not at all");
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
    assert_refused_exactly(
        SCALE_FILE,
        "value = 1",
        "value = \"one\"",
        "scale.toml, line 11, column 9: invalid type: string \"one\", expected a whole number. \
         Check the spelling, quotes and brackets there.",
    );
}

#[test]
fn an_unknown_field_gives_the_line() {
    assert_refused(
        SCALE_FILE,
        "label = \"Not at all\"",
        "lable = \"Not at all\"",
        "scale.toml, line 12, column 1: unknown field `lable`",
    );
}

#[test]
fn a_scale_needs_five_labels() {
    assert_refused_exactly(
        SCALE_FILE,
        "[[labels]]\nvalue = 5\nlabel = \"As much as possible\"\n",
        "",
        "scale.toml: labels: has 4 labels, but the scale needs exactly five [[labels]] blocks, valued 1 to 5.",
    );
}

#[test]
fn scale_labels_must_be_valued_in_order() {
    assert_refused(
        SCALE_FILE,
        "value = 2",
        "value = 4",
        "scale.toml: labels[2].value: is 4, but the labels must be valued 1 to 5 in order",
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
    assert_refused(
        SCALE_FILE,
        "key = \"neither\"",
        "key = \"both\"",
        "scale.toml: cases[4].key: \"both\" is already given at cases[1].",
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
    assert_refused(
        BENEFITS_FILE,
        "short = \"Diverse communities\"",
        "short = \"Representing diverse communities\"",
        "benefits.toml: direct[6].short: \"Representing diverse communities\" is 32 characters long.",
    );
}
