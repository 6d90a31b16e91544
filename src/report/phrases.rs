//! The figures and findings in words, from the catalogue: the reports use
//! these, and so does the bot, so that a figure reads the same everywhere.
//! Every figure goes through `domain::{Tenths, Whole, shown_gap}`.

use fluent_bundle::FluentArgs;

use crate::domain::*;
use crate::prompts::Words;
use crate::{key, label, text};

pub fn too_few(words: &Words) -> String {
    text!(words, "report-too-few")
}

/// "3.4 (6 people)" or "too few to show".
pub fn mean(words: &Words, stats: Option<&GroupStats>) -> String {
    stats.map_or_else(
        || too_few(words),
        |s| {
            let people = text!(words, "people-count", count = s.n);
            text!(
                words,
                "report-mean",
                mean = Tenths::of(s.mean).to_string(),
                people = people
            )
        },
    )
}

/// The gap as shown, "+2.7": the difference of the two means as shown, or
/// "–" when a side is hidden.
pub fn gap(words: &Words, item: &ItemResult) -> String {
    match (&item.comparison, &item.stats.council, &item.stats.vcs) {
        (Some(_), Some(council), Some(vcs)) => shown_gap(council.mean, vcs.mean).signed(),
        _ => label!(words, "report-not-compared"),
    }
}

/// "The council rates it 2.7 points higher than the VCS."
pub fn gap_words(words: &Words, council: f64, vcs: f64) -> String {
    let gap = shown_gap(council, vcs);
    let higher = if gap.is_zero() {
        "none"
    } else if gap.value() > 0.0 {
        "council"
    } else {
        "vcs"
    };
    text!(
        words,
        "report-gap-words",
        higher = higher,
        gap = gap.magnitude().to_string()
    )
}

/// "Far apart. The sides see it differently", or "not shown".
pub fn verdict(words: &Words, comparison: Option<&Comparison>) -> String {
    comparison.map_or_else(
        || label!(words, "report-verdict-not-shown"),
        |c| {
            text!(
                words,
                "report-verdict",
                verdict = words.name(c.verdict),
                pattern = words.name(c.classification)
            )
        },
    )
}

/// "Large difference; a clear difference".
pub fn significance(words: &Words, significance: &Significance) -> String {
    capitalised(&text!(
        words,
        "report-sureness",
        size = words.name(significance.effect.magnitude),
        certainty = words.name(significance.certainty())
    ))
}

/// How big a difference that differs or diverges is and how sure we can
/// be. `None` for an item close together (a gap under half a point needs
/// no such words) or when the sides are not both shown.
pub fn sureness(words: &Words, item: &ItemResult) -> Option<String> {
    let comparison = item.comparison.as_ref()?;
    if comparison.verdict == Verdict::Aligned {
        return None;
    }
    item.significance.as_ref().map(|s| significance(words, s))
}

/// "47 out of 75 (largely strategic)" or "too few to show".
pub fn score(words: &Words, toolkit: &Toolkit, score: Option<&RelationshipScore>) -> String {
    score.map_or_else(
        || too_few(words),
        |s| {
            text!(
                words,
                "report-score",
                score = Whole::of(s.raw).to_string(),
                band = toolkit.band(s.band).label.to_lowercase()
            )
        },
    )
}

/// "12 of 15" or "too few to show": whole numbers, as the chart shows them.
pub fn sub_score(words: &Words, score: Option<&SubScore>) -> String {
    score.map_or_else(
        || too_few(words),
        |s| {
            text!(
                words,
                "report-sub-score",
                score = Whole::of(s.raw).to_string()
            )
        },
    )
}

/// "a, b and c".
pub fn listed(words: &Words, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => text!(
            words,
            "report-and",
            first = rest.join(", "),
            last = last.as_str()
        ),
    }
}

/// The sentence that goes with "Everyone" figures some answers were left
/// out of, e.g. "1 other partner's answers are left out of the "Everyone"
/// figures to keep them private."; `None` when nothing was left out.
pub fn left_out_sentence(words: &Words, left_out: SideCounts) -> Option<String> {
    let people: Vec<String> = [
        (left_out.council, Side::Council),
        (left_out.vcs, Side::Vcs),
        (left_out.other, Side::Other),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, side)| match side {
        Side::Council => text!(words, "report-left-out-council", count = count),
        Side::Vcs => text!(words, "report-left-out-vcs", count = count),
        Side::Other => text!(words, "report-left-out-other", count = count),
    })
    .collect();
    if people.is_empty() {
        return None;
    }
    Some(text!(
        words,
        "report-left-out",
        whose = listed(words, &people)
    ))
}

/// The toolkit's words for a case, as part of a sentence.
fn case_words(toolkit: &Toolkit, case: DeliveryCase) -> String {
    toolkit.case(case.key()).map_or_else(
        || case.key().replace('_', " "),
        |info| info.label.to_lowercase(),
    )
}

/// One sentence when council and VCS place a relationship in different
/// cases of the toolkit.
pub fn sides_case_sentence(words: &Words, toolkit: &Toolkit, cases: &CaseBySide) -> Option<String> {
    sides_cases(cases).map(|sides| cases_sentence(words, toolkit, sides))
}

fn cases_sentence(words: &Words, toolkit: &Toolkit, sides: CasesBySide) -> String {
    text!(
        words,
        "report-sides-case",
        council = case_words(toolkit, sides.council),
        vcs = case_words(toolkit, sides.vcs)
    )
}

/// The toolkit's names for relationship types, "Shaping relationships, …".
pub fn type_names(toolkit: &Toolkit, types: &[RelationshipType]) -> Vec<String> {
    types
        .iter()
        .map(|t| {
            toolkit
                .type_info(*t)
                .map_or_else(|| t.as_str().to_owned(), |info| info.name.clone())
        })
        .collect()
}

/// A focus area's title: what it is about, in a line.
pub fn focus_title(words: &Words, toolkit: &Toolkit, area: &FocusArea) -> String {
    match &area.finding {
        Finding::TypologyGaps { types } => text!(
            words,
            "report-focus-typology-gaps-title",
            types = listed(words, &type_names(toolkit, types))
        ),
        Finding::IntentOnly { relationship, .. } => {
            naming(words, key!("report-focus-intent-only-title"), relationship)
        }
        Finding::DeliveryOnly { relationship, .. } => naming(
            words,
            key!("report-focus-delivery-only-title"),
            relationship,
        ),
        Finding::SidesDiffer { relationship, .. } => {
            naming(words, key!("report-focus-sides-differ-title"), relationship)
        }
        Finding::WeakPrinciple { principle, .. } => text!(
            words,
            "report-focus-weak-principle-title",
            principle = principle.as_str()
        ),
        Finding::ItemSeenDifferently {
            item, relationship, ..
        } => {
            let subject = text!(
                words,
                "report-focus-item-subject",
                item = item.as_str(),
                relationship = relationship.as_deref().unwrap_or("none")
            );
            text!(words, "report-focus-item-title", subject = subject)
        }
    }
}

/// A finding's message about a relationship: `key` (marked with [`key!`])
/// with the relationship's name.
fn naming(words: &Words, key: &str, relationship: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("relationship", relationship);
    words.text(key, Some(&args))
}

/// A finding's message about a relationship and its score: `key` (marked
/// with [`key!`]) with the relationship's name and the score.
fn scored(words: &Words, key: &str, relationship: &str, score: u32) -> String {
    let mut args = FluentArgs::new();
    args.set("relationship", relationship);
    args.set("score", score);
    words.text(key, Some(&args))
}

/// A focus area's detail: the figures behind it and what to talk about.
pub fn focus_detail(words: &Words, toolkit: &Toolkit, area: &FocusArea) -> String {
    let detail = match &area.finding {
        Finding::TypologyGaps { .. } => text!(words, "report-focus-typology-gaps-detail"),
        Finding::IntentOnly {
            relationship,
            score,
            target,
            ..
        } => text!(
            words,
            "report-focus-intent-only-detail",
            relationship = relationship.as_str(),
            score = *score,
            target = *target
        ),
        Finding::DeliveryOnly {
            relationship,
            score,
            ..
        } => scored(
            words,
            key!("report-focus-delivery-only-detail"),
            relationship,
            *score,
        ),
        Finding::SidesDiffer {
            relationship,
            score,
            ..
        } => scored(
            words,
            key!("report-focus-sides-differ-detail"),
            relationship,
            *score,
        ),
        Finding::WeakPrinciple {
            below,
            relationships,
            ..
        } => {
            let scores: Vec<String> = relationships
                .iter()
                .map(|(name, score)| {
                    scored(
                        words,
                        key!("report-focus-weak-principle-score"),
                        name,
                        *score,
                    )
                })
                .collect();
            text!(
                words,
                "report-focus-weak-principle-detail",
                below = *below,
                relationships = listed(words, &scores)
            )
        }
        Finding::ItemSeenDifferently {
            council,
            vcs,
            comparison,
            significance: found,
            ..
        } => {
            let detail = text!(
                words,
                "report-focus-item-detail",
                council = Tenths::of(*council).to_string(),
                vcs = Tenths::of(*vcs).to_string(),
                gap = gap_words(words, *council, *vcs),
                verdict = verdict(words, Some(comparison))
            );
            match found {
                Some(found) => format!("{detail} {}.", significance(words, found)),
                None => detail,
            }
        }
    };
    match area.finding.sides() {
        Some(sides) => format!("{detail} {}", cases_sentence(words, toolkit, sides)),
        None => detail,
    }
}

/// A focus area in one line: "title: detail".
pub fn focus_line(words: &Words, toolkit: &Toolkit, area: &FocusArea) -> String {
    text!(
        words,
        "report-focus",
        title = focus_title(words, toolkit, area),
        detail = focus_detail(words, toolkit, area)
    )
}

/// "#3 Agree a joint bid. Owner: Sam. Due: 31 March 2026. Not started."
pub fn action_line(words: &Words, action: &Action) -> String {
    text!(
        words,
        "report-action",
        id = action.id.to_string(),
        text = action.text.as_str(),
        owner = action.owner.as_str(),
        due = action.due.format("%-d %B %Y").to_string(),
        status = words.name(action.status)
    )
}

/// The first letter in capitals, for a phrase that starts a sentence.
fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// A group of the plan by name: a consideration as the toolkit names it,
/// or "Other actions".
pub fn plan_group_title(words: &Words, group: &PlanGroup) -> String {
    if group.key == OTHER {
        label!(words, "report-other-actions")
    } else {
        group.title.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scenarios::scenario;
    use crate::prompts::Catalogue;

    fn catalogue() -> &'static Catalogue {
        Catalogue::shipped()
    }

    #[test]
    fn the_sentence_names_whose_answers_are_left_out() {
        let catalogue = catalogue();
        let words = catalogue.words(Language::English);
        assert_eq!(left_out_sentence(&words, SideCounts::default()), None);
        assert_eq!(
            left_out_sentence(&words, SideCounts::new(0, 0, 1)).unwrap(),
            "1 other partner's answers are left out of the \"Everyone\" figures to keep them private."
        );
        assert_eq!(
            left_out_sentence(&words, SideCounts::new(0, 2, 1)).unwrap(),
            "2 VCS members' and 1 other partner's answers are left out of the \"Everyone\" \
             figures to keep them private."
        );
    }

    #[test]
    fn a_gap_in_words_adds_up() {
        let catalogue = catalogue();
        let words = catalogue.words(Language::English);
        // 4.5 and 1.75 show as 4.5 and 1.8: 2.7 points, not 2.8.
        assert_eq!(
            gap_words(&words, 4.5, 1.75),
            "The council rates it 2.7 points higher than the VCS."
        );
        assert_eq!(
            gap_words(&words, 1.75, 4.5),
            "The VCS rates it 2.7 points higher than the council."
        );
    }

    #[test]
    fn focus_areas_read_in_plain_words() {
        let catalogue = catalogue();
        let words = catalogue.words(Language::English);
        let toolkit = crate::domain::fixtures::toolkit();
        let areas = scenario(1, &[]).focus_areas;
        let titles: Vec<String> = areas
            .iter()
            .map(|a| focus_title(&words, &toolkit, a))
            .collect();
        assert_eq!(
            titles[0],
            "Bring delivery in line with intent: Compact forum"
        );
        assert_eq!(
            titles[1],
            "Council and VCS see “short a1.direct.outcomes” differently"
        );
        assert!(
            titles[2].starts_with("No relationship of these types: "),
            "{}",
            titles[2]
        );
        assert_eq!(titles[3], "Weak principle: Shared foundations");
        assert_eq!(
            focus_detail(&words, &toolkit, &areas[3]),
            "Scored under 9 of 15: Compact forum 6 of 15. Look at its questions together and agree one step for each."
        );
        assert_eq!(
            focus_detail(&words, &toolkit, &areas[1]),
            "Council average 5.0, VCS average 3.0. The council rates it 2.0 points higher than the VCS. \
             Far apart. The sides see it differently. Talk about why. \
             Large difference; could be chance with this few people."
        );
    }

    #[test]
    fn a_divergence_says_how_sure_and_a_split_case_says_how_the_sides_differ() {
        let catalogue = catalogue();
        let words = catalogue.words(Language::English);
        let toolkit = crate::domain::fixtures::toolkit();
        let seen = |q_value: f64| FocusArea {
            consideration_key: OTHER.to_owned(),
            finding: Finding::ItemSeenDifferently {
                item: "Reach".to_owned(),
                relationship: Some("Grants panel".to_owned()),
                council: 4.0,
                vcs: 2.0,
                comparison: Comparison {
                    gap: 2.0,
                    distance: 2.0,
                    verdict: Verdict::Diverges,
                    classification: Classification::PerceptionGap,
                },
                significance: Some(Significance {
                    effect: Effect {
                        cliffs_delta: 1.0,
                        magnitude: Magnitude::Large,
                    },
                    p_value: q_value,
                    q_value,
                }),
            },
            weight: 2.0,
            certainty: None,
        };
        assert_eq!(
            focus_title(&words, &toolkit, &seen(0.01)),
            "Council and VCS see “Reach” for Grants panel differently"
        );
        assert!(
            focus_detail(&words, &toolkit, &seen(0.01))
                .ends_with("Large difference; a clear difference."),
        );
        assert!(
            focus_detail(&words, &toolkit, &seen(0.2))
                .ends_with("Large difference; could be chance with this few people."),
        );
        let split = FocusArea {
            consideration_key: OTHER.to_owned(),
            finding: Finding::SidesDiffer {
                relationship: "Grants panel".to_owned(),
                score: 45,
                sides: CasesBySide {
                    council: DeliveryCase::DeliveryOnly,
                    vcs: DeliveryCase::Neither,
                },
            },
            weight: 0.75,
            certainty: None,
        };
        assert_eq!(
            focus_title(&words, &toolkit, &split),
            "Council and VCS place Grants panel in different cases"
        );
        assert_eq!(
            focus_detail(&words, &toolkit, &split),
            "Grants panel scores 45 out of 75 overall. Talk about why the sides see its delivery \
             differently. The sides see it differently: for the council it is delivery_only, for \
             the VCS neither."
        );
    }
}
