//! What a report says, in the toolkit's terms, built from the computed
//! results. Numbers are rounded to one decimal here; the JSON keeps them whole.

use crate::domain::*;

use super::ReportInput;
use super::document::Document;
use super::figures::Figure;

pub const TOO_FEW: &str = "too few to show";

/// What "How sure" means, under the table of differences.
const HOW_SURE: &str = "How sure: \"a clear difference\" when, allowing for every item of the workshop compared at once, the difference would rarely arise by chance (q below 0.05); otherwise it could be chance with this few people. p is the chance of a gap at least this large if the sides' answers were shuffled at random; q corrects p for the number of items compared.";

pub fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}

/// "3.4 (n 6)" or "too few to show".
pub fn mean_cell(stats: Option<&GroupStats>) -> String {
    stats.map_or_else(
        || TOO_FEW.to_owned(),
        |s| format!("{} (n {})", one_decimal(s.mean), s.n),
    )
}

pub fn gap_cell(comparison: Option<&Comparison>) -> String {
    comparison.map_or_else(|| "–".to_owned(), |c| format!("{:+.1}", c.gap))
}

pub fn verdict_cell(comparison: Option<&Comparison>) -> String {
    comparison.map_or_else(
        || "not shown".to_owned(),
        |c| format!("{} ({})", c.verdict.label(), c.classification.label()),
    )
}

/// The toolkit's words for the band a score falls in.
pub fn band_label<'a>(toolkit: &'a Toolkit, score: &RelationshipScore) -> &'a str {
    &toolkit.band(score.band).label
}

/// "47 / 75, largely strategic" or "too few to show".
pub fn score_cell(toolkit: &Toolkit, score: Option<&RelationshipScore>) -> String {
    score.map_or_else(
        || TOO_FEW.to_owned(),
        |s| {
            format!(
                "{} / 75, {}",
                s.score,
                band_label(toolkit, s).to_lowercase()
            )
        },
    )
}

/// How big a difference that differs or diverges is and how sure we can be,
/// e.g. "Large difference; a clear difference". `None` for an aligned item
/// (a gap under half a point needs no such words) or when the sides are not
/// both shown.
pub fn sureness_words(item: &ItemResult) -> Option<String> {
    let comparison = item.comparison.as_ref()?;
    if comparison.verdict == Verdict::Aligned {
        return None;
    }
    item.significance.as_ref().map(Significance::in_words)
}

fn sureness_cell(item: &ItemResult) -> String {
    sureness_words(item).unwrap_or_else(|| "–".to_owned())
}

/// A p- or q-value to three decimal places, or "–".
fn chance_cell(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

fn sub_score_cell(score: Option<&SubScore>) -> String {
    score.map_or_else(|| TOO_FEW.to_owned(), |s| format!("{} / 15", s.score))
}

/// The items' table, and the sentence that says whose answers the "All"
/// figures leave out, when they leave any out.
fn item_table(doc: &mut Document, round: &AssessmentResults) {
    doc.table(&ITEM_HEADERS, item_rows(&round.items));
    if let Some(sentence) = left_out_sentence(round.left_out()) {
        doc.paragraph(sentence);
    }
}

fn item_rows(items: &[ItemResult]) -> Vec<Vec<String>> {
    items
        .iter()
        .map(|item| {
            vec![
                item.short.clone(),
                mean_cell(item.all.as_ref()),
                mean_cell(item.council.as_ref()),
                mean_cell(item.vcs.as_ref()),
                gap_cell(item.comparison.as_ref()),
                verdict_cell(item.comparison.as_ref()),
                sureness_cell(item),
            ]
        })
        .collect()
}

const ITEM_HEADERS: [&str; 7] = [
    "Item", "All", "Council", "VCS", "Gap", "Verdict", "How sure",
];

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

fn type_names(toolkit: &Toolkit, types: &[RelationshipType]) -> String {
    types
        .iter()
        .map(|t| {
            toolkit
                .type_info(*t)
                .map_or_else(|| t.as_str().to_owned(), |info| info.name.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn level_name(toolkit: &Toolkit, level: Level) -> String {
    toolkit
        .level_info(level)
        .map_or_else(|| level.as_str().to_owned(), |info| info.name.clone())
}

fn side_summary(counts: &SideCounts) -> String {
    format!(
        "{} council, {} VCS, {} other partners",
        counts.council, counts.vcs, counts.other
    )
}

/// The whole report as a document, with the figures placed where they belong.
pub fn build(input: &ReportInput, figures: &[Figure]) -> Document {
    let ReportInput {
        toolkit,
        results,
        plan,
        previous,
    } = input;
    let workshop = &results.workshop;
    let mut doc = Document::default();
    let figure = |doc: &mut Document, key: &str| {
        if let Some(f) = figures.iter().find(|f| f.key == key) {
            doc.figure(f.file_name.clone(), f.chart.alt_text.clone());
        }
    };

    doc.heading(1, format!("{}: results", workshop.title));
    doc.paragraph(format!(
        "Workshop {} ({} mode, {}). Taking part: {}. Voted: {}. Figures for a group are shown only when at least {} of its members answered.",
        workshop.id,
        workshop.mode,
        workshop.status,
        side_summary(&results.participation.active),
        side_summary(&results.participation.voters),
        results.threshold
    ));

    let mut all_divergent: Vec<(String, &ItemResult)> = Vec::new();

    doc.heading(2, Assessment::Benefits.title());
    match &results.benefits {
        Some(benefits) => {
            doc.paragraph("To what extent is our partnership realising each benefit? 1 = not at all, 5 = as much as possible. Most divergent first.");
            item_table(&mut doc, benefits);
            figure(&mut doc, "benefits");
            all_divergent.extend(
                divergent(&benefits.items)
                    .into_iter()
                    .map(|i| ("Benefits".to_owned(), i)),
            );
        }
        None => doc.paragraph("Not assessed yet."),
    }

    doc.heading(2, Assessment::Relationships.title());
    let map = &results.relationship_map;
    if results.relationships.is_empty() {
        doc.paragraph("No relationships registered yet.");
    } else {
        let rows = results
            .relationships
            .iter()
            .map(|r| {
                let r = &r.relationship;
                vec![
                    r.name.clone(),
                    type_names(toolkit, &r.types),
                    level_name(toolkit, r.level),
                    r.held.to_string(),
                    r.holder
                        .clone()
                        .unwrap_or_else(|| "not recorded".to_owned()),
                    if r.intended_strategic { "yes" } else { "no" }.to_owned(),
                ]
            })
            .collect();
        doc.table(
            &[
                "Relationship",
                "Types",
                "Level",
                "Held",
                "Held by",
                "Meant to be strategic",
            ],
            rows,
        );
        figure(&mut doc, "map");
        if map.gaps.is_empty() {
            doc.paragraph("Every type of relationship in the toolkit's typology has at least one relationship.");
        } else {
            doc.paragraph(format!(
                "Gaps: no relationship of type {}.",
                type_names(toolkit, &map.gaps)
            ));
        }
        let overlaps: Vec<String> = map
            .shared_types
            .iter()
            .map(|t| {
                let names: Vec<&str> = t.relationships.iter().map(|r| r.name.as_str()).collect();
                format!("{}: {}", type_names(toolkit, &[t.kind]), names.join(", "))
            })
            .collect();
        if !overlaps.is_empty() {
            doc.paragraph("Overlaps: types held by more than one relationship.");
            doc.list(overlaps);
        }
        for relationship in &results.relationships {
            if let Some(questions) = &relationship.questions {
                doc.heading(
                    3,
                    format!("{}: the five questions", relationship.relationship.name),
                );
                item_table(&mut doc, questions);
                all_divergent.extend(
                    divergent(&questions.items)
                        .into_iter()
                        .map(|i| (relationship.relationship.name.clone(), i)),
                );
            }
        }
    }

    doc.heading(2, Assessment::Strategic.title());
    let strategic: Vec<(&RelationshipResults, &StrategicResults)> = results
        .relationships
        .iter()
        .filter_map(|r| r.strategic.as_ref().map(|s| (r, s)))
        .collect();
    if strategic.is_empty() {
        doc.paragraph("No relationship assessed yet.");
    }
    for (relationship, result) in &strategic {
        let name = &relationship.relationship.name;
        doc.heading(3, name.clone());
        doc.list(vec![
            format!("All: {}", score_cell(toolkit, result.score.all.as_ref())),
            format!(
                "Council: {}",
                score_cell(toolkit, result.score.council.as_ref())
            ),
            format!("VCS: {}", score_cell(toolkit, result.score.vcs.as_ref())),
        ]);
        let intent = if relationship.relationship.intended_strategic {
            "meant to be strategic"
        } else {
            "not meant to be strategic"
        };
        match (result.case, &result.case_action) {
            (Some(case), Some(action)) => {
                let label = toolkit.case(case.key()).map_or_else(|| case.key().to_owned(), |c| c.label.clone());
                doc.paragraph(format!("This relationship is {intent}. {label}: {action}"));
            }
            _ => doc.paragraph(format!("This relationship is {intent}. Too few votes to place it in one of the toolkit's four cases.")),
        }
        if let Some(sentence) = sides_case_sentence(toolkit, &result.case_by_side) {
            doc.paragraph(sentence);
        }
        let principle_rows = result
            .principles
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    sub_score_cell(p.score.all.as_ref()),
                    sub_score_cell(p.score.council.as_ref()),
                    sub_score_cell(p.score.vcs.as_ref()),
                ]
            })
            .collect();
        doc.table(&["Principle", "All", "Council", "VCS"], principle_rows);
        item_table(&mut doc, &result.round);
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

    doc.heading(2, "Where council and VCS see things differently");
    if all_divergent.is_empty() {
        doc.paragraph("No item where both sides can be shown differs by half a point or more.");
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
                    mean_cell(item.council.as_ref()),
                    mean_cell(item.vcs.as_ref()),
                    gap_cell(item.comparison.as_ref()),
                    item.comparison
                        .map_or_else(String::new, |c| one_decimal(c.distance)),
                    verdict_cell(item.comparison.as_ref()),
                    sureness_cell(item),
                    chance_cell(item.significance.map(|s| s.p_value)),
                    chance_cell(item.significance.map(|s| s.q_value)),
                ]
            })
            .collect();
        doc.table(
            &[
                "Where", "Item", "Council", "VCS", "Gap", "Distance", "Verdict", "How sure", "p",
                "q",
            ],
            rows,
        );
        doc.paragraph(HOW_SURE);
    }

    if let Some(previous) = previous {
        doc.heading(2, format!("Change since \"{}\"", previous.workshop.title));
        figure(&mut doc, "change");
        let show = |strategic: Option<&StrategicResults>| match strategic {
            None => "not assessed".to_owned(),
            Some(s) => s
                .score
                .all
                .as_ref()
                .map_or_else(|| TOO_FEW.to_owned(), |s| format!("{} / 75", s.score)),
        };
        let rows: Vec<Vec<String>> = compare_runs(previous, results)
            .relationships
            .iter()
            .map(|change| {
                vec![
                    change.relationship.relationship.name.clone(),
                    show(change.then),
                    show(change.now),
                ]
            })
            .collect();
        doc.table(&["Relationship", "Then", "Now"], rows);
    }

    doc.heading(2, "Suggested focus areas");
    if results.focus_areas.is_empty() {
        doc.paragraph("The results suggest no particular focus yet.");
    } else {
        doc.list(
            results
                .focus_areas
                .iter()
                .map(|f| format!("{}: {}", f.title, f.detail))
                .collect(),
        );
    }

    doc.heading(2, "Joint action plan");
    doc.paragraph(format!("{} agreed actions.", plan.agreed_actions()));
    let both_sides = |id: ActionId| {
        results
            .actions
            .iter()
            .find(|a| a.action.id == id)
            .is_some_and(|a| backed_by_both_sides(&a.tally))
    };
    for group in plan.groups.iter().filter(|g| !g.actions.is_empty()) {
        doc.heading(3, group.title.clone());
        doc.list(
            group
                .actions
                .iter()
                .map(|action| {
                    let backing = if both_sides(action.id) {
                        "agreed by both sides"
                    } else {
                        "not agreed by both sides"
                    };
                    format!("{}; {backing}", action_line(action))
                })
                .collect(),
        );
    }
    if !plan.lacking_support.is_empty() {
        doc.paragraph("Marked agreed, but not backed by both sides (on each side, more must agree than object):");
        doc.list(
            plan.lacking_support
                .iter()
                .map(|lacking| {
                    let sides: Vec<&str> = lacking.sides.iter().map(|s| side_name(*s)).collect();
                    format!(
                        "#{}: no support shown from {}",
                        lacking.action,
                        sides.join(" and ")
                    )
                })
                .collect(),
        );
    }
    let threshold = workshop.anonymity_threshold;
    let proposed: Vec<String> = results
        .actions
        .iter()
        .filter(|a| !a.action.agreed)
        .map(|a| {
            let side = |side: Side| {
                SideResponses::shown(&a.tally, side, threshold).map_or_else(
                    || format!("{} {TOO_FEW}", side_name(side)),
                    |r| format!("{} {} agree, {} object", side_name(side), r.agree, r.object),
                )
            };
            let backing = if backed_by_both_sides(&a.tally) {
                "agreed by both sides"
            } else {
                "not yet agreed by both sides"
            };
            format!(
                "{} ({}; {}; {}; {backing})",
                action_line(&a.action),
                side(Side::Council),
                side(Side::Vcs),
                side(Side::Other),
            )
        })
        .collect();
    if !proposed.is_empty() {
        doc.heading(3, "Proposed, not yet agreed");
        doc.list(proposed);
    }

    doc.heading(2, "The external context");
    doc.paragraph("The toolkit asks every action plan to consider the context it will operate in:");
    doc.list(
        toolkit
            .context_questions
            .iter()
            .map(|q| q.text.clone())
            .collect(),
    );
    doc.paragraph(
        "Source: Toolkit for partnership working with the voluntary and community sector, Local Government Association, based on research by Locality.",
    );
    doc
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Council => "council",
        Side::Vcs => "VCS",
        Side::Other => "other partners",
    }
}

pub fn action_line(action: &Action) -> String {
    format!(
        "#{} {} (owner: {}; due {}; {})",
        action.id,
        action.text,
        action.owner,
        action.due.format("%Y-%m-%d"),
        action.status.as_str().replace('_', " ")
    )
}
