//! a. Divergence: each item as a line from the council's mean to the VCS's.

use super::*;
use crate::label;
use crate::report::phrases::gap_words;

/// Council and VCS means (1–5) for each item, in the order to show them
/// (most divergent first). `None` is a side hidden for too few voters.
#[derive(Debug, Clone, PartialEq)]
pub struct DivergenceInput {
    pub title: String,
    pub rows: Vec<DivergenceRow>,
    /// Written under the title, e.g. "VCS: too few voters to show".
    pub hidden_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DivergenceRow {
    pub label: String,
    pub council: Option<f64>,
    pub vcs: Option<f64>,
    /// The verdict's name ("Far apart"); `None` when a side is hidden.
    pub verdict: Option<String>,
}

pub(super) const LABEL_COLUMN: f64 = 200.0;
/// A row is at least this tall, and this much taller than its text.
pub(super) const ROW_MIN_HEIGHT: f64 = 36.0;
pub(super) const ROW_PADDING: f64 = 12.0;

/// Each item as a line from the council's mean (blue circle) to the VCS's
/// (orange square) on the 1–5 scale, with the verdict at the right.
pub fn divergence_chart(input: &DivergenceInput, words: &Words) -> Result<Chart, ChartError> {
    if input.rows.is_empty() {
        return Err(ChartError::Nothing("no items have results"));
    }
    for row in &input.rows {
        check_range(&row.label, [row.council, row.vcs], SCALE_1_TO_5)?;
    }
    let shown = (
        input.rows.iter().any(|row| row.council.is_some()),
        input.rows.iter().any(|row| row.vcs.is_some()),
    );

    let mut scene = Scene::default();
    let (note, mut y) = scene.sides_header(
        words,
        &input.title,
        input.hidden_note.as_deref(),
        shown,
        (
            &label!(words, "chart-council-average"),
            &label!(words, "chart-vcs-average"),
        ),
    )?;

    let verdicts: Vec<String> = input
        .rows
        .iter()
        .map(|row| divergence_verdict_words(words, row))
        .collect();
    let mut verdict_width: f64 = 60.0;
    for verdict in &verdicts {
        verdict_width = verdict_width.max(LABEL_BOLD.width(verdict)?);
    }
    let verdict_width = verdict_width.min(110.0);
    let plot_left = MARGIN + LABEL_COLUMN + 10.0;
    let plot_right = WIDTH as f64 - MARGIN - verdict_width - 10.0;
    let span = (plot_left + 12.0, plot_right - 12.0);

    tick_labels(&mut scene, &TICKS_1_TO_5, SCALE_1_TO_5, span, y);
    y += SMALL.line_height() + 3.0;

    struct Laid {
        top: f64,
        height: f64,
        label: Vec<String>,
        verdict: Vec<String>,
    }
    let mut laid = Vec::with_capacity(input.rows.len());
    for (row, verdict) in input.rows.iter().zip(&verdicts) {
        let label = wrap(&row.label, LABEL, LABEL_COLUMN, 3)?;
        let verdict = wrap(verdict, LABEL_BOLD, verdict_width, 2)?;
        let text_height = block_height(label.len().max(verdict.len()), LABEL);
        let height = (text_height + ROW_PADDING).max(ROW_MIN_HEIGHT);
        laid.push(Laid {
            top: y,
            height,
            label,
            verdict,
        });
        y += height;
    }
    let rows_top = laid.first().map_or(y, |row| row.top);
    scene.shade_alternate_rows(laid.iter().map(|row| (row.top, row.height)));
    gridlines(&mut scene, &TICKS_1_TO_5, SCALE_1_TO_5, span, (rows_top, y));
    for (row, place) in input.rows.iter().zip(&laid) {
        scene.row_label(&place.label, place.top, place.height);
        let verdict_colour = if row.verdict.is_some() { INK } else { MUTED };
        let verdict_font = if row.verdict.is_some() {
            LABEL_BOLD
        } else {
            LABEL
        };
        let verdict_top = centred_top(place.top, place.height, place.verdict.len(), LABEL);
        scene.lines(
            &place.verdict,
            WIDTH as f64 - MARGIN - verdict_width - 4.0,
            verdict_top,
            verdict_font,
            verdict_colour,
            Align::Left,
        );
        let centre_y = place.top + place.height / 2.0;
        let council_x = row.council.map(|value| scale_x(value, SCALE_1_TO_5, span));
        let vcs_x = row.vcs.map(|value| scale_x(value, SCALE_1_TO_5, span));
        if let (Some(council_x), Some(vcs_x)) = (council_x, vcs_x) {
            scene.line((council_x, centre_y), (vcs_x, centre_y), 3.0, CONNECTOR);
        }
        // Marks that would cover each other are pulled apart a little
        // vertically, and a white halo keeps their edges clear.
        let nudge = match (council_x, vcs_x) {
            (Some(council_x), Some(vcs_x)) if (council_x - vcs_x).abs() < 12.0 => 5.0,
            _ => 0.0,
        };
        if let Some(vcs_x) = vcs_x {
            let at = (vcs_x, centre_y + nudge);
            scene.mark(MarkShape::Square, at, 8.5, WHITE_BG);
            scene.mark(MarkShape::Square, at, 7.0, VCS);
        }
        if let Some(council_x) = council_x {
            let at = (council_x, centre_y - nudge);
            scene.circle(at, 8.5, WHITE_BG);
            scene.circle(at, 7.0, COUNCIL);
        }
    }
    y += 3.0;
    tick_labels(&mut scene, &TICKS_1_TO_5, SCALE_1_TO_5, span, y);
    y += SMALL.line_height() + 2.0;
    let caption = wrap(
        &text!(words, "chart-scale-1-to-5"),
        SMALL,
        WIDTH as f64 - MARGIN - plot_left,
        2,
    )?;
    y = scene.lines(&caption, plot_left, y, SMALL, MUTED, Align::Left);

    let mut alt = vec![
        as_sentence(&input.title),
        text!(words, "chart-divergence-about"),
    ];
    alt.extend(note.as_deref().map(as_sentence));
    for row in &input.rows {
        let mut sentence = text!(
            words,
            "chart-divergence-row",
            item = row.label.as_str(),
            council = side_words(words, Side::Council, row.council, tenths),
            vcs = side_words(words, Side::Vcs, row.vcs, tenths)
        );
        if let (Some(verdict), Some(council), Some(vcs)) = (&row.verdict, row.council, row.vcs) {
            sentence.push_str(&format!(
                " {} {}.",
                gap_words(words, council, vcs),
                capitalise(verdict)
            ));
        }
        alt.push(sentence);
    }
    let title = text!(words, "chart-divergence-title", title = input.title.trim());
    scene.finish(y + MARGIN, title, alt.join("\n"))
}

/// What the right-hand column says for a row.
fn divergence_verdict_words(words: &Words, row: &DivergenceRow) -> String {
    match (&row.verdict, row.council, row.vcs) {
        (Some(verdict), _, _) => verdict.clone(),
        (None, None, None) => label!(words, "chart-both-hidden"),
        (None, None, Some(_)) => label!(words, "chart-council-hidden"),
        (None, Some(_), None) => label!(words, "chart-vcs-hidden"),
        (None, Some(_), Some(_)) => String::new(),
    }
}
