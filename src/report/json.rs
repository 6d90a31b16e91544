//! The machine-readable report. Its shape is documented in the README; the
//! numbers are not rounded, and `null` is a figure hidden by the anonymity
//! threshold or not available.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::*;

use super::{ReportInput, phrases};

#[derive(Serialize)]
struct Report<'a> {
    workshop: WorkshopView<'a>,
    participation: &'a Participation,
    benefits: Option<BTreeMap<&'a str, ItemView<'a>>>,
    relationships: Vec<RelationshipView<'a>>,
    gaps: &'a [RelationshipType],
    actions: Vec<ActionView<'a>>,
    focus_areas: Vec<FocusAreaView<'a>>,
}

/// A focus area with its words, under the keys the report has always had.
#[derive(Serialize)]
struct FocusAreaView<'a> {
    consideration_key: &'a str,
    title: String,
    detail: String,
    weight: f64,
    certainty: Option<Certainty>,
}

#[derive(Serialize)]
struct WorkshopView<'a> {
    id: WorkshopId,
    title: &'a str,
    mode: Mode,
    status: WorkshopStatus,
    anonymity_threshold: u8,
    previous: Option<WorkshopId>,
}

#[derive(Serialize)]
struct ItemView<'a> {
    short: &'a str,
    groups: &'a SideScores<GroupStats>,
    left_out_of_all: SideCounts,
    not_sure: Option<u32>,
    gap: Option<f64>,
    distance: Option<f64>,
    verdict: Option<Verdict>,
    classification: Option<Classification>,
    effect: Option<Effect>,
    p_value: Option<f64>,
    q_value: Option<f64>,
}

#[derive(Serialize)]
struct ScoreView {
    raw: f64,
    score: u32,
    band: &'static str,
    band_label: String,
}

#[derive(Serialize)]
struct SubScoreView {
    raw: f64,
    score: u32,
}

#[derive(Serialize)]
struct SidesView<T> {
    all: Option<T>,
    council: Option<T>,
    vcs: Option<T>,
}

#[derive(Serialize)]
struct PrincipleView<'a> {
    key: &'a str,
    name: &'a str,
    #[serde(flatten)]
    score: SidesView<SubScoreView>,
}

#[derive(Serialize)]
struct RelationshipView<'a> {
    id: RelationshipId,
    name: &'a str,
    types: &'a [RelationshipType],
    level: Level,
    held: Held,
    holder: Option<&'a str>,
    intended_strategic: bool,
    questions: Option<BTreeMap<&'a str, ItemView<'a>>>,
    items: Option<BTreeMap<&'a str, ItemView<'a>>>,
    score: Option<SidesView<ScoreView>>,
    principles: Vec<PrincipleView<'a>>,
    case: Option<&'static str>,
    case_action: Option<&'a str>,
    case_by_side: CaseBySideView,
}

#[derive(Serialize)]
struct CaseBySideView {
    council: Option<&'static str>,
    vcs: Option<&'static str>,
}

#[derive(Serialize)]
struct ActionView<'a> {
    #[serde(flatten)]
    action: &'a Action,
    agree: ShownCounts,
    object: ShownCounts,
    agreed_by_both_sides: bool,
}

/// Agree or object counts per side; `null` for a side with fewer than `k`
/// responses, so no small group's stance shows on its own.
#[derive(Serialize)]
struct ShownCounts {
    council: Option<u32>,
    vcs: Option<u32>,
    other: Option<u32>,
}

impl ShownCounts {
    fn of(tally: &Tally, threshold: AnonymityThreshold, pick: fn(SideResponses) -> u32) -> Self {
        let side = |side| SideResponses::shown(tally, side, threshold).map(pick);
        ShownCounts {
            council: side(Side::Council),
            vcs: side(Side::Vcs),
            other: side(Side::Other),
        }
    }
}

fn items(items: &[ItemResult]) -> BTreeMap<&str, ItemView<'_>> {
    items
        .iter()
        .map(|item| {
            let view = ItemView {
                short: &item.short,
                groups: &item.stats,
                left_out_of_all: item.left_out,
                not_sure: item.not_sure,
                gap: item.comparison.map(|c| c.gap),
                distance: item.comparison.map(|c| c.distance),
                verdict: item.comparison.map(|c| c.verdict),
                classification: item.comparison.map(|c| c.classification),
                effect: item.significance.map(|s| s.effect),
                p_value: item.significance.map(|s| s.p_value),
                q_value: item.significance.map(|s| s.q_value),
            };
            (item.item.as_str(), view)
        })
        .collect()
}

fn score_view(toolkit: &Toolkit, score: &RelationshipScore) -> ScoreView {
    ScoreView {
        raw: score.raw,
        score: score.score,
        band: score.band.key(),
        band_label: toolkit.band(score.band).label.clone(),
    }
}

fn relationship_view<'a>(
    toolkit: &Toolkit,
    result: &'a RelationshipResults,
) -> RelationshipView<'a> {
    let details = &result.relationship.details;
    let strategic = result.strategic.as_ref();
    RelationshipView {
        id: result.relationship.id,
        name: &details.name,
        types: &details.types,
        level: details.level,
        held: details.held,
        holder: details.holder.as_deref(),
        intended_strategic: details.intended_strategic,
        questions: result.questions.as_ref().map(|q| items(&q.items)),
        items: strategic.map(|s| items(&s.round.items)),
        score: strategic.map(|s| SidesView {
            all: s.score.all.as_ref().map(|x| score_view(toolkit, x)),
            council: s.score.council.as_ref().map(|x| score_view(toolkit, x)),
            vcs: s.score.vcs.as_ref().map(|x| score_view(toolkit, x)),
        }),
        principles: strategic
            .map(|s| {
                s.principles
                    .iter()
                    .map(|p| {
                        let sub = |x: &Option<SubScore>| {
                            x.as_ref().map(|x| SubScoreView {
                                raw: x.raw,
                                score: x.score,
                            })
                        };
                        PrincipleView {
                            key: &p.key,
                            name: &p.name,
                            score: SidesView {
                                all: sub(&p.score.all),
                                council: sub(&p.score.council),
                                vcs: sub(&p.score.vcs),
                            },
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
        case: strategic.and_then(|s| s.case).map(DeliveryCase::key),
        case_action: strategic.and_then(|s| s.case_action.as_deref()),
        case_by_side: CaseBySideView {
            council: strategic
                .and_then(|s| s.case_by_side.council)
                .map(DeliveryCase::key),
            vcs: strategic
                .and_then(|s| s.case_by_side.vcs)
                .map(DeliveryCase::key),
        },
    }
}

pub fn render(input: &ReportInput) -> Result<String, serde_json::Error> {
    let results = input.results;
    let threshold = AnonymityThreshold::try_from(results.threshold).unwrap_or_default();
    let workshop = &results.workshop;
    let report = Report {
        workshop: WorkshopView {
            id: workshop.id,
            title: &workshop.settings.title,
            mode: workshop.settings.mode,
            status: workshop.status,
            anonymity_threshold: results.threshold,
            previous: workshop.settings.previous,
        },
        participation: &results.participation,
        benefits: results.benefits.as_ref().map(|b| items(&b.items)),
        relationships: results
            .relationships
            .iter()
            .map(|r| relationship_view(input.toolkit, r))
            .collect(),
        gaps: &results.relationship_map.gaps,
        actions: results
            .actions
            .iter()
            .map(|a| ActionView {
                action: &a.action,
                agree: ShownCounts::of(&a.tally, threshold, |r| r.agree),
                object: ShownCounts::of(&a.tally, threshold, |r| r.object),
                agreed_by_both_sides: backed_by_both_sides(&a.tally),
            })
            .collect(),
        focus_areas: results
            .focus_areas
            .iter()
            .map(|area| FocusAreaView {
                consideration_key: &area.consideration_key,
                title: phrases::focus_title(&input.words, input.toolkit, area),
                detail: phrases::focus_detail(&input.words, input.toolkit, area),
                weight: area.weight,
                certainty: area.certainty,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report)?;
    text.push('\n');
    Ok(text)
}
