//! Turns the results into the charts' inputs and draws them. A side hidden
//! by the anonymity threshold is never drawn, and the chart says so.

use crate::domain::*;
use crate::prompts::Words;
use crate::{label, text};

use super::ReportInput;
use super::charts::{
    self, ChangeInput, ChangeRow, Chart, DivergenceInput, DivergenceRow, MapEntry, MapInput,
    MovedItem, ProfileInput, ProfileRow, ScoreBand,
};

/// The change chart lists this many of the items that moved most.
const MOVED_ITEMS_SHOWN: usize = 5;

/// A drawn chart, where the report places it (`key`) and its file name.
#[derive(Debug, Clone)]
pub struct Figure {
    pub key: String,
    pub file_name: String,
    pub chart: Chart,
}

/// Every chart the results allow. A chart that cannot be drawn is logged and
/// left out: the report's tables carry the same facts.
pub fn draw_all(input: &ReportInput) -> Vec<Figure> {
    let results = input.results;
    let words = &input.words;
    let mut figures = Vec::new();
    let mut add = |key: String, drawn: Result<Chart, charts::ChartError>| match drawn {
        Ok(chart) => figures.push(Figure {
            file_name: format!("{key}.png"),
            key,
            chart,
        }),
        Err(error) => tracing::info!(%error, chart = %key, "chart left out"),
    };
    if let Some(benefits) = &results.benefits {
        add(
            "benefits".to_owned(),
            charts::divergence_chart(
                &divergence_input(
                    words,
                    &label!(words, "chart-benefits-name"),
                    &benefits.items,
                ),
                words,
            ),
        );
    }
    if !results.relationships.is_empty() {
        add(
            "map".to_owned(),
            charts::relationship_map(&map_input(words, input.toolkit, results), words),
        );
    }
    for relationship in &results.relationships {
        if let Some(strategic) = &relationship.strategic {
            let id = relationship.relationship.id;
            let name = &relationship.relationship.details.name;
            add(
                format!("divergence-{id}"),
                charts::divergence_chart(
                    &divergence_input(words, name, &strategic.round.items),
                    words,
                ),
            );
            add(
                format!("profile-{id}"),
                charts::profile_chart(&profile_input(words, name, strategic), words),
            );
        }
    }
    if let Some(previous) = input.previous {
        add(
            "change".to_owned(),
            charts::change_chart(
                &change_input(words, input.toolkit, previous, results),
                words,
            ),
        );
    }
    figures
}

fn hidden_note(words: &Words, items: &[ItemResult]) -> Option<String> {
    let council_hidden = items.iter().any(|i| i.stats.council.is_none());
    let vcs_hidden = items.iter().any(|i| i.stats.vcs.is_none());
    charts::hidden_sides(council_hidden, vcs_hidden)
        .map(|sides| text!(words, "chart-hidden-on-some", sides = sides))
}

pub fn divergence_input(words: &Words, title: &str, items: &[ItemResult]) -> DivergenceInput {
    DivergenceInput {
        title: title.to_owned(),
        rows: items
            .iter()
            .map(|item| DivergenceRow {
                label: item.short.clone(),
                council: item.stats.council.as_ref().map(|s| s.mean),
                vcs: item.stats.vcs.as_ref().map(|s| s.mean),
                verdict: item.comparison.map(|c| words.name(c.verdict)),
            })
            .collect(),
        hidden_note: hidden_note(words, items),
    }
}

/// A profile row: the council's and the VCS's `value` of `scores`.
fn profile_row<T>(label: &str, scores: &SideScores<T>, value: fn(&T) -> f64) -> ProfileRow {
    ProfileRow {
        label: label.to_owned(),
        council: scores.council.as_ref().map(value),
        vcs: scores.vcs.as_ref().map(value),
    }
}

fn profile_input(words: &Words, name: &str, strategic: &StrategicResults) -> ProfileInput {
    let principles = strategic
        .principles
        .iter()
        .map(|p| profile_row(&p.name, &p.score, |s| s.raw))
        .collect();
    let axes = strategic
        .axes
        .iter()
        .map(|a| profile_row(&a.short, &a.stats, |s| s.mean))
        .collect();
    let mut rows_for_note = strategic.axes.clone();
    rows_for_note.extend(strategic.round.items.iter().cloned());
    ProfileInput {
        title: label!(words, "chart-profile-name", relationship = name),
        principles,
        axes,
        hidden_note: hidden_note(words, &rows_for_note),
    }
}

fn map_input(words: &Words, toolkit: &Toolkit, results: &WorkshopResults) -> MapInput {
    let level = |level: Level| {
        toolkit
            .level_info(level)
            .map_or_else(|| level.as_str().to_owned(), |info| info.name.clone())
    };
    MapInput {
        title: label!(words, "chart-map-name"),
        relationships: results
            .relationships
            .iter()
            .filter_map(|r| {
                r.relationship.details.types.first().map(|kind| MapEntry {
                    name: r.relationship.details.name.clone(),
                    level: r.relationship.details.level,
                    kind: *kind,
                })
            })
            .collect(),
        gaps: results.relationship_map.gaps.clone(),
        level_names: [
            level(Level::Neighbourhood),
            level(Level::Place),
            level(Level::System),
        ],
        type_names: super::phrases::type_names(toolkit, RelationshipType::ALL),
    }
}

fn change_input(
    words: &Words,
    toolkit: &Toolkit,
    previous: &WorkshopResults,
    now: &WorkshopResults,
) -> ChangeInput {
    let change = compare_runs(previous, now);
    let raw = |score: &Option<RelationshipScore>| score.as_ref().map(|s| s.raw);
    let rows = change
        .relationships
        .iter()
        .filter_map(|change| {
            let (then, current) = (change.then?, change.now?);
            Some(ChangeRow {
                label: change.relationship.relationship.details.name.clone(),
                council_then: raw(&then.score.council),
                council_now: raw(&current.score.council),
                vcs_then: raw(&then.score.vcs),
                vcs_now: raw(&current.score.vcs),
            })
        })
        .collect();
    let moved_items = change
        .moved_items
        .iter()
        .take(MOVED_ITEMS_SHOWN)
        .map(|moved| MovedItem {
            label: format!("{}: {}", moved.relationship, moved.short),
            then: moved.then,
            now: moved.now,
        })
        .collect();
    ChangeInput {
        title: label!(
            words,
            "report-change-heading",
            previous = previous.workshop.settings.title.as_str()
        ),
        bands: score_bands(&toolkit.bands),
        rows,
        moved_items,
    }
}

/// The toolkit's bands as stretches of the 0–75 axis: each from where the
/// band before ends, so that they meet.
fn score_bands(bands: &Bands) -> Vec<ScoreBand> {
    let mut from = 0.0;
    bands
        .iter()
        .map(|band| {
            let to = f64::from(band.max);
            let stretch = ScoreBand {
                from,
                to,
                label: band.label.clone(),
            };
            from = to;
            stretch
        })
        .collect()
}
