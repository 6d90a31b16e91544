//! The Welsh toolkit loads, the shipped languages match, and a folder split
//! by language names any gap between them by file and key.

use std::path::Path;

use super::load::embedded_sources;
use super::raw::*;
use super::tests::write_sources;
use super::*;
use crate::domain::{Item, Language, Toolkit};

fn ids(items: &[Item]) -> Vec<&str> {
    items.iter().map(|item| item.id.as_str()).collect()
}

/// A folder split by language holding the shipped files.
fn split_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for language in Language::ALL {
        let folder = dir.path().join(language.tag());
        std::fs::create_dir(&folder).unwrap();
        write_sources(&folder, embedded_sources(language));
    }
    dir
}

/// [`split_folder`] with `from` replaced by `to` in `file` of `language`.
fn split_folder_editing(language: Language, file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = split_folder();
    let path = dir.path().join(language.tag()).join(file);
    let original = std::fs::read_to_string(&path).unwrap();
    assert!(original.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, original.replacen(from, to, 1)).unwrap();
    dir
}

/// The message `check-prompts` fails with on `dir`.
fn check_error(dir: &Path) -> String {
    check_dir(dir).unwrap_err().to_string()
}

#[test]
fn the_welsh_toolkit_loads_and_validates() {
    let welsh = Toolkit::embedded_in(Language::Welsh).unwrap();
    let english = Toolkit::embedded().unwrap();
    assert_eq!(english, Toolkit::embedded_in(Language::English).unwrap());
    assert_eq!(welsh.summary(), english.summary());
    assert_eq!(ids(&welsh.benefits), ids(&english.benefits));
    assert_eq!(ids(&welsh.strategic_items), ids(&english.strategic_items));
    assert_eq!(welsh.scale_label(1), Some("Dim o gwbl"));
    assert_eq!(
        welsh.band_for(75).map(|band| band.label.as_str()),
        Some("Strategol iawn")
    );
    assert_eq!(
        welsh.principle("shared_foundations").unwrap().name,
        "Sylfeini cyffredin"
    );
    let items = |toolkit: &Toolkit| {
        [
            &toolkit.benefits,
            &toolkit.relationship_questions,
            &toolkit.strategic_items,
        ]
        .into_iter()
        .flatten()
        .map(|item| (item.short.clone(), item.text.clone()))
        .collect::<Vec<_>>()
    };
    for (cy, en) in items(&welsh).iter().zip(items(&english)) {
        assert_ne!(cy.0, en.0, "an untranslated short label");
        assert_ne!(cy.1, en.1, "an untranslated text");
    }
}

#[test]
fn the_shipped_languages_are_complete_both_ways() {
    let report = check_embedded().unwrap();
    let CheckReport::PerLanguage(languages) = &report else {
        panic!("the shipped toolkit is split by language: {report}");
    };
    let checked: Vec<Language> = languages.iter().map(|(language, _)| *language).collect();
    assert_eq!(checked, Language::ALL);
    let text = report.to_string();
    assert!(
        text.starts_with("en-GB: The prompts are valid: 9 benefits"),
        "{text}"
    );
    assert!(
        text.contains("\ncy: The prompts are valid: 9 benefits"),
        "{text}"
    );
    assert!(
        text.ends_with("Every id and key is in each language (en-GB, cy)."),
        "{text}"
    );
}

#[test]
fn a_split_folder_of_the_shipped_files_passes_the_check() {
    let dir = split_folder();
    assert_eq!(check_dir(dir.path()).unwrap(), check_embedded().unwrap());
}

#[test]
fn a_benefit_missing_from_welsh_is_named_by_file_and_key() {
    let dir = split_folder_editing(
        Language::Welsh,
        BENEFITS_FILE,
        "[[direct]]\nid = \"a1.direct.reach\"\nshort = \"Cyrhaeddiad gwasanaethau\"\n",
        "[[direct]]\nshort = \"Cyrhaeddiad gwasanaethau\"\n",
    );
    // Without its id the block is refused before any comparison.
    let message = check_error(dir.path());
    let cy = dir.path().join("cy");
    assert_eq!(
        message,
        format!(
            "{}/benefits.toml: direct[2].id: is missing. Add a line `id = ...` to this block.",
            cy.display()
        )
    );

    let reach = Toolkit::embedded_in(Language::Welsh).unwrap().benefits[1]
        .text
        .clone();
    let dir = split_folder_editing(
        Language::Welsh,
        BENEFITS_FILE,
        &format!(
            "[[direct]]\nid = \"a1.direct.reach\"\nshort = \"Cyrhaeddiad gwasanaethau\"\ntext = \"{reach}\"\n"
        ),
        "",
    );
    let cy = dir.path().join("cy");
    assert_eq!(
        check_error(dir.path()),
        format!(
            "The languages' prompt files do not hold the same ids and keys. Add what is missing, or remove what is extra:\n\
             {}/benefits.toml: benefit \"a1.direct.reach\" is missing (it is in en-GB)",
            cy.display()
        )
    );
}

#[test]
fn an_item_missing_from_english_is_named_by_file_and_key() {
    let dir = split_folder_editing(
        Language::English,
        ACTION_PLAN_FILE,
        "id = \"plan.context.budgets\"",
        "id = \"plan.context.money\"",
    );
    let en = dir.path().join("en-GB");
    let cy = dir.path().join("cy");
    let message = check_error(dir.path());
    assert!(
        message.ends_with(&format!(
            "\n{}/action_plan.toml: context question \"plan.context.money\" is missing (it is in en-GB)\n\
             {}/action_plan.toml: context question \"plan.context.budgets\" is missing (it is in cy)",
            cy.display(),
            en.display()
        )),
        "{message}"
    );
}

#[test]
fn an_item_under_another_block_or_principle_is_named() {
    let dir = split_folder_editing(
        Language::Welsh,
        BENEFITS_FILE,
        "[[direct]]\nid = \"a1.direct.diverse_communities\"",
        "[[indirect]]\nid = \"a1.direct.diverse_communities\"",
    );
    let message = check_error(dir.path());
    assert!(
        message.ends_with(
            "/cy/benefits.toml: benefit \"a1.direct.diverse_communities\" is in [[indirect]] here but in [[direct]] in en-GB"
        ),
        "{message}"
    );
}

#[test]
fn bands_over_other_scores_are_named() {
    let dir = split_folder_editing(
        Language::Welsh,
        SCALE_FILE,
        "max = 30\nlabel = \"Ychydig yn strategol\"\n\n[[bands]]\nmin = 31",
        "max = 29\nlabel = \"Ychydig yn strategol\"\n\n[[bands]]\nmin = 30",
    );
    let message = check_error(dir.path());
    assert!(
        message.contains("/cy/scale.toml: bands[2] covers 16 to 29 here but 16 to 30 in en-GB\n"),
        "{message}"
    );
    assert!(
        message.ends_with("/cy/scale.toml: bands[3] covers 30 to 45 here but 31 to 45 in en-GB"),
        "{message}"
    );
}

#[test]
fn a_split_folder_gives_each_language_its_own_files() {
    let dir = split_folder();
    assert_eq!(
        Toolkit::load_dir_in(dir.path(), Language::Welsh).unwrap(),
        Toolkit::embedded_in(Language::Welsh).unwrap()
    );
    assert_eq!(
        Toolkit::load_dir(dir.path()).unwrap(),
        Toolkit::embedded().unwrap()
    );
}

#[test]
fn a_split_folder_without_a_language_is_refused() {
    let dir = split_folder();
    std::fs::remove_dir_all(dir.path().join("cy")).unwrap();
    assert_eq!(
        Toolkit::load_dir(dir.path()).unwrap(),
        Toolkit::embedded().unwrap()
    );
    let message = check_error(dir.path());
    assert_eq!(
        message,
        format!(
            "{}: there is no cy/ folder. A prompts folder split by language needs a folder of the five prompt files for each language: en-GB/, cy/.",
            dir.path().display()
        )
    );
}

#[test]
fn a_folder_of_one_wording_serves_every_language() {
    let dir = tempfile::tempdir().unwrap();
    write_sources(dir.path(), embedded_sources(Language::Welsh));
    let welsh = Toolkit::embedded_in(Language::Welsh).unwrap();
    for language in Language::ALL {
        assert_eq!(Toolkit::load_dir_in(dir.path(), language).unwrap(), welsh);
    }
    assert_eq!(
        check_dir(dir.path()).unwrap(),
        CheckReport::Single(welsh.summary())
    );
}

#[test]
fn a_mistake_in_a_language_folder_names_the_folder() {
    let dir = split_folder_editing(
        Language::Welsh,
        STRATEGIC_FILE,
        "short = \"Taclo anghydraddoldeb\"",
        "short = \"Mynd i’r afael ag anghydraddoldeb\"",
    );
    let message = Toolkit::load_dir_in(dir.path(), Language::Welsh)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(&format!(
            "{}/strategic.toml: principles[4].questions[3].short: \"Mynd i’r afael ag anghydraddoldeb\" is 33 characters long.",
            dir.path().join("cy").display()
        )),
        "{message}"
    );
}
