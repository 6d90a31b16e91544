//! What a report says, in the toolkit's terms, built from the computed
//! results, every word from the catalogue (`locales/*/report.ftl`). Figures
//! are shown by `phrases`; the JSON keeps them exact.

use crate::domain::*;
use crate::prompts::Words;
use crate::{label, text};

use super::ReportInput;
use super::document::Document;
use super::figures::Figure;
use super::phrases;

/// The items' table, and the sentence that says whose answers the
/// "Everyone" figures leave out, when they leave any out.
fn item_table(words: &Words, doc: &mut Document, round: &AssessmentResults) {
    doc.table(&item_headers(words), item_rows(words, &round.items));
    if let Some(sentence) = phrases::left_out_sentence(words, round.left_out()) {
        doc.paragraph(sentence);
    }
}

fn item_rows(words: &Words, items: &[ItemResult]) -> Vec<Vec<String>> {
    items
        .iter()
        .map(|item| {
            vec![
                item.short.clone(),
                phrases::mean(words, item.stats.all.as_ref()),
                phrases::mean(words, item.stats.council.as_ref()),
                phrases::mean(words, item.stats.vcs.as_ref()),
                phrases::gap(words, item),
                phrases::verdict(words, item.comparison.as_ref()),
                sureness_cell(words, item),
            ]
        })
        .collect()
}

fn item_headers(words: &Words) -> Vec<String> {
    vec![
        label!(words, "report-column-item"),
        label!(words, "report-column-everyone"),
        words.name(Side::Council),
        words.name(Side::Vcs),
        label!(words, "report-column-gap"),
        label!(words, "report-column-apart"),
        label!(words, "report-column-sure"),
    ]
}

fn sureness_cell(words: &Words, item: &ItemResult) -> String {
    phrases::sureness(words, item).unwrap_or_else(|| label!(words, "report-not-compared"))
}

/// A p- or q-value to three decimal places, or "–".
fn chance_cell(words: &Words, value: Option<f64>) -> String {
    value.map_or_else(
        || label!(words, "report-not-compared"),
        |v| format!("{v:.3}"),
    )
}

/// Items where council and VCS differ or diverge, most divergent first.
fn divergent(items: &[ItemResult]) -> Vec<&ItemResult> {
    items
        .iter()
        .filter(|item| {
            item.comparison
                .is_some_and(|c| c.verdict != Verdict::Aligned)
        })
        .collect()
}

fn level_name(toolkit: &Toolkit, level: Level) -> String {
    toolkit
        .level_info(level)
        .map_or_else(|| level.as_str().to_owned(), |info| info.name.clone())
}

fn side_counts(words: &Words, counts: &SideCounts) -> String {
    text!(
        words,
        "report-side-counts",
        council = counts.council,
        vcs = counts.vcs,
        other = counts.other
    )
}

/// The whole report as a document, with the figures placed where they belong.
pub fn build(input: &ReportInput, figures: &[Figure]) -> Document {
    let ReportInput {
        toolkit,
        results,
        plan,
        previous,
        words,
    } = input;
    let words = &words;
    let workshop = &results.workshop;
    let mut doc = Document::default();
    let figure = |doc: &mut Document, key: &str| {
        if let Some(f) = figures.iter().find(|f| f.key == key) {
            doc.figure(
                f.file_name.clone(),
                f.chart.title.clone(),
                f.chart.alt_text.clone(),
            );
        }
    };

    doc.heading(
        1,
        text!(
            words,
            "report-title",
            workshop = workshop.settings.title.as_str()
        ),
    );
    doc.paragraph(text!(
        words,
        "report-how-run",
        id = workshop.id.to_string(),
        mode = words.name(workshop.settings.mode),
        status = words.name(workshop.status)
    ));
    doc.paragraph(text!(
        words,
        "report-taking-part",
        people = side_counts(words, &results.participation.active),
        voters = side_counts(words, &results.participation.voters)
    ));
    doc.paragraph(text!(
        words,
        "report-how-to-read",
        threshold = results.threshold
    ));

    let mut all_divergent: Vec<(String, &ItemResult)> = Vec::new();

    doc.heading(2, words.name(Assessment::Benefits));
    match &results.benefits {
        Some(benefits) => {
            doc.paragraph(text!(words, "report-benefits-question"));
            item_table(words, &mut doc, benefits);
            figure(&mut doc, "benefits");
            all_divergent.extend(
                divergent(&benefits.items)
                    .into_iter()
                    .map(|i| (label!(words, "chart-benefits-name"), i)),
            );
        }
        None => doc.paragraph(text!(words, "report-not-assessed")),
    }

    doc.heading(2, words.name(Assessment::Relationships));
    let map = &results.relationship_map;
    if results.relationships.is_empty() {
        doc.paragraph(text!(words, "report-no-relationships"));
    } else {
        let rows = results
            .relationships
            .iter()
            .map(|r| {
                let r = &r.relationship.details;
                vec![
                    r.name.clone(),
                    phrases::type_names(toolkit, &r.types).join(", "),
                    level_name(toolkit, r.level),
                    words.name(r.held),
                    r.holder
                        .clone()
                        .unwrap_or_else(|| label!(words, "report-holder-not-recorded")),
                    if r.intended_strategic {
                        label!(words, "report-yes")
                    } else {
                        label!(words, "report-no")
                    },
                ]
            })
            .collect();
        doc.table(
            &[
                label!(words, "report-column-relationship"),
                label!(words, "report-column-types"),
                label!(words, "report-column-level"),
                label!(words, "report-column-held"),
                label!(words, "report-column-held-by"),
                label!(words, "report-column-meant-strategic"),
            ],
            rows,
        );
        figure(&mut doc, "map");
        if map.gaps.is_empty() {
            doc.paragraph(text!(words, "report-no-type-gaps"));
        } else {
            doc.paragraph(text!(
                words,
                "report-type-gaps",
                types = phrases::listed(words, &phrases::type_names(toolkit, &map.gaps))
            ));
        }
        let overlaps: Vec<String> = map
            .shared_types
            .iter()
            .map(|t| {
                let names: Vec<String> = t.relationships.iter().map(|r| r.name.clone()).collect();
                text!(
                    words,
                    "report-overlap",
                    kind = phrases::type_names(toolkit, &[t.kind]).join(", "),
                    relationships = phrases::listed(words, &names)
                )
            })
            .collect();
        if !overlaps.is_empty() {
            doc.paragraph(text!(words, "report-overlaps"));
            doc.list(overlaps);
        }
        for relationship in &results.relationships {
            if let Some(questions) = &relationship.questions {
                doc.heading(
                    3,
                    text!(
                        words,
                        "report-five-questions",
                        relationship = relationship.relationship.details.name.as_str()
                    ),
                );
                item_table(words, &mut doc, questions);
                all_divergent.extend(
                    divergent(&questions.items)
                        .into_iter()
                        .map(|i| (relationship.relationship.details.name.clone(), i)),
                );
            }
        }
    }

    doc.heading(2, words.name(Assessment::Strategic));
    let strategic: Vec<(&RelationshipResults, &StrategicResults)> = results
        .relationships
        .iter()
        .filter_map(|r| r.strategic.as_ref().map(|s| (r, s)))
        .collect();
    if strategic.is_empty() {
        doc.paragraph(text!(words, "report-no-strategic"));
    }
    for (relationship, result) in &strategic {
        let name = &relationship.relationship.details.name;
        doc.heading(3, name.clone());
        let score_line = |who: String, score: Option<&RelationshipScore>| {
            text!(
                words,
                "report-score-line",
                who = who,
                score = phrases::score(words, toolkit, score)
            )
        };
        doc.list(vec![
            score_line(
                label!(words, "report-column-everyone"),
                result.score.all.as_ref(),
            ),
            score_line(words.name(Side::Council), result.score.council.as_ref()),
            score_line(words.name(Side::Vcs), result.score.vcs.as_ref()),
        ]);
        let intent = text!(
            words,
            "report-intent",
            meant = if relationship.relationship.details.intended_strategic {
                "yes"
            } else {
                "no"
            }
        );
        match (result.case, &result.case_action) {
            (Some(case), Some(action)) => {
                let label = toolkit
                    .case(case.key())
                    .map_or_else(|| case.key().to_owned(), |c| c.label.clone());
                doc.paragraph(text!(
                    words,
                    "report-case",
                    intent = intent,
                    case = label,
                    action = action.as_str()
                ));
            }
            _ => doc.paragraph(text!(words, "report-no-case", intent = intent)),
        }
        if let Some(sentence) = phrases::sides_case_sentence(words, toolkit, &result.case_by_side) {
            doc.paragraph(sentence);
        }
        let principle_rows = result
            .principles
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    phrases::sub_score(words, p.score.all.as_ref()),
                    phrases::sub_score(words, p.score.council.as_ref()),
                    phrases::sub_score(words, p.score.vcs.as_ref()),
                ]
            })
            .collect();
        doc.table(
            &[
                label!(words, "report-column-principle"),
                label!(words, "report-column-everyone"),
                words.name(Side::Council),
                words.name(Side::Vcs),
            ],
            principle_rows,
        );
        item_table(words, &mut doc, &result.round);
        figure(
            &mut doc,
            &format!("divergence-{}", relationship.relationship.id),
        );
        figure(
            &mut doc,
            &format!("profile-{}", relationship.relationship.id),
        );
        all_divergent.extend(
            divergent(&result.round.items)
                .into_iter()
                .map(|i| (name.clone(), i)),
        );
    }

    doc.heading(2, text!(words, "report-differences-heading"));
    if all_divergent.is_empty() {
        doc.paragraph(text!(words, "report-no-differences"));
    } else {
        all_divergent.sort_by(|a, b| {
            let gap = |i: &ItemResult| i.comparison.map_or(0.0, |c| c.gap.abs());
            gap(b.1).total_cmp(&gap(a.1))
        });
        let rows = all_divergent
            .iter()
            .map(|(context, item)| {
                vec![
                    context.clone(),
                    item.short.clone(),
                    phrases::mean(words, item.stats.council.as_ref()),
                    phrases::mean(words, item.stats.vcs.as_ref()),
                    phrases::gap(words, item),
                    item.comparison
                        .map_or_else(String::new, |c| Tenths::of(c.distance).to_string()),
                    phrases::verdict(words, item.comparison.as_ref()),
                    sureness_cell(words, item),
                    chance_cell(words, item.significance.map(|s| s.p_value)),
                    chance_cell(words, item.significance.map(|s| s.q_value)),
                ]
            })
            .collect();
        doc.table(
            &[
                label!(words, "report-column-where"),
                label!(words, "report-column-item"),
                words.name(Side::Council),
                words.name(Side::Vcs),
                label!(words, "report-column-gap"),
                label!(words, "report-column-distance"),
                label!(words, "report-column-apart"),
                label!(words, "report-column-sure"),
                "p".to_owned(),
                "q".to_owned(),
            ],
            rows,
        );
        doc.paragraph(text!(words, "report-differences-explained"));
    }

    if let Some(previous) = previous {
        doc.heading(
            2,
            text!(
                words,
                "report-change-heading",
                previous = previous.workshop.settings.title.as_str()
            ),
        );
        figure(&mut doc, "change");
        let show = |strategic: Option<&StrategicResults>| match strategic {
            None => label!(words, "report-not-assessed-short"),
            Some(s) => s.score.all.as_ref().map_or_else(
                || phrases::too_few(words),
                |s| {
                    text!(
                        words,
                        "report-score-only",
                        score = Whole::of(s.raw).to_string()
                    )
                },
            ),
        };
        let rows: Vec<Vec<String>> = compare_runs(previous, results)
            .relationships
            .iter()
            .map(|change| {
                vec![
                    change.relationship.relationship.details.name.clone(),
                    show(change.then),
                    show(change.now),
                ]
            })
            .collect();
        doc.table(
            &[
                label!(words, "report-column-relationship"),
                label!(words, "report-column-then"),
                label!(words, "report-column-now"),
            ],
            rows,
        );
    }

    doc.heading(2, text!(words, "report-focus-heading"));
    if results.focus_areas.is_empty() {
        doc.paragraph(text!(words, "report-no-focus"));
    } else {
        doc.list(
            results
                .focus_areas
                .iter()
                .map(|f| phrases::focus_line(words, toolkit, f))
                .collect(),
        );
    }

    doc.heading(2, text!(words, "report-plan-heading"));
    doc.paragraph(text!(
        words,
        "report-agreed-count",
        count = plan.agreed_actions()
    ));
    let both_sides = |id: ActionId| {
        results
            .actions
            .iter()
            .find(|a| a.action.id == id)
            .is_some_and(|a| backed_by_both_sides(&a.tally))
    };
    let yes_or_no = |yes: bool| if yes { "yes" } else { "no" };
    for group in plan.groups.iter().filter(|g| !g.actions.is_empty()) {
        doc.heading(3, phrases::plan_group_title(words, group));
        doc.list(
            group
                .actions
                .iter()
                .map(|action| {
                    text!(
                        words,
                        "report-action-backing",
                        action = phrases::action_line(words, action),
                        backed = yes_or_no(both_sides(action.id))
                    )
                })
                .collect(),
        );
    }
    if !plan.lacking_support.is_empty() {
        doc.paragraph(text!(words, "report-lacking-support-intro"));
        doc.list(
            plan.lacking_support
                .iter()
                .map(|lacking| {
                    let sides: Vec<String> = lacking.sides.iter().map(|s| words.name(*s)).collect();
                    text!(
                        words,
                        "report-lacking-support",
                        id = lacking.action.to_string(),
                        sides = phrases::listed(words, &sides)
                    )
                })
                .collect(),
        );
    }
    let threshold = workshop.settings.anonymity_threshold;
    let proposed: Vec<String> = results
        .actions
        .iter()
        .filter(|a| !a.action.agreed)
        .map(|a| {
            let side = |side: Side| {
                SideResponses::shown(&a.tally, side, threshold).map_or_else(
                    || text!(words, "report-responses-too-few", side = words.name(side)),
                    |r| {
                        text!(
                            words,
                            "report-responses",
                            side = words.name(side),
                            agree = r.agree,
                            object = r.object
                        )
                    },
                )
            };
            let responses = [Side::Council, Side::Vcs, Side::Other].map(side).join("; ");
            text!(
                words,
                "report-proposed",
                action = phrases::action_line(words, &a.action),
                responses = responses,
                backed = yes_or_no(backed_by_both_sides(&a.tally))
            )
        })
        .collect();
    if !proposed.is_empty() {
        doc.heading(3, text!(words, "report-proposed-heading"));
        doc.list(proposed);
    }

    doc.heading(2, text!(words, "report-context-heading"));
    doc.paragraph(text!(words, "report-context-intro"));
    doc.list(
        toolkit
            .context_questions
            .iter()
            .map(|q| q.text.clone())
            .collect(),
    );
    doc.paragraph(text!(words, "report-source"));
    doc
}
