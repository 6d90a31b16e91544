//! b. Profile: a relationship's principle scores and axis means, as bars.

use super::*;
use crate::label;

/// One relationship's profile: principle scores (out of 15) and axis means
/// (1–5) per side.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileInput {
    pub title: String,
    pub principles: Vec<ProfileRow>,
    pub axes: Vec<ProfileRow>,
    pub hidden_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProfileRow {
    pub label: String,
    pub council: Option<f64>,
    pub vcs: Option<f64>,
}

const SCALE_0_TO_15: (f64, f64) = (0.0, 15.0);
const TICKS_0_TO_15: [f64; 6] = [0.0, 3.0, 6.0, 9.0, 12.0, 15.0];
const PROFILE_LABEL_COLUMN: f64 = 180.0;
const BAR_HEIGHT: f64 = 18.0;
const BAR_GAP: f64 = 4.0;

/// A side's colour, its mark (at the end of each bar, so the sides differ
/// in shape as well as colour) and how to read its value from a row.
type ProfileSide = (Colour, MarkShape, fn(&ProfileRow) -> Option<f64>);

/// A panel: its heading, rows, scale, ticks and how a value is shown.
type Panel<'a> = (
    String,
    &'a Vec<ProfileRow>,
    (f64, f64),
    &'a [f64],
    fn(f64) -> String,
);

/// Two panels of grouped bars: the four principle scores out of 15, and the
/// three axes as means from 1 to 5, council and VCS side by side.
pub fn profile_chart(input: &ProfileInput, words: &Words) -> Result<Chart, ChartError> {
    if input.principles.is_empty() && input.axes.is_empty() {
        return Err(ChartError::Nothing("no principles or axes have results"));
    }
    for row in &input.principles {
        check_range(&row.label, [row.council, row.vcs], SCALE_0_TO_15)?;
    }
    for row in &input.axes {
        check_range(&row.label, [row.council, row.vcs], SCALE_1_TO_5)?;
    }
    let all_rows = || input.principles.iter().chain(&input.axes);
    let council_shown = all_rows().any(|row| row.council.is_some());
    let vcs_shown = all_rows().any(|row| row.vcs.is_some());

    let mut scene = Scene::default();
    let (note, mut y) = scene.sides_header(
        words,
        &input.title,
        input.hidden_note.as_deref(),
        (council_shown, vcs_shown),
        (&words.name(Side::Council), &words.name(Side::Vcs)),
    )?;
    let council_side: ProfileSide = (COUNCIL, MarkShape::Circle, |row| row.council);
    let vcs_side: ProfileSide = (VCS, MarkShape::Square, |row| row.vcs);
    let sides: Vec<ProfileSide> = [(council_shown, council_side), (vcs_shown, vcs_side)]
        .into_iter()
        .filter_map(|(shown, side)| shown.then_some(side))
        .collect();

    // Principles are scores, shown as whole numbers as in the report's
    // table; axes are means, to one decimal.
    let panels: [Panel; 2] = [
        (
            label!(words, "chart-principles-heading"),
            &input.principles,
            SCALE_0_TO_15,
            &TICKS_0_TO_15[..],
            whole,
        ),
        (
            label!(words, "chart-axes-heading"),
            &input.axes,
            SCALE_1_TO_5,
            &TICKS_1_TO_5[..],
            tenths,
        ),
    ];
    let plot_left = MARGIN + PROFILE_LABEL_COLUMN + 12.0;
    let span = (plot_left, WIDTH as f64 - MARGIN - 60.0);
    let mut alt = vec![as_sentence(&input.title)];
    alt.extend(note.as_deref().map(as_sentence));
    for (heading, rows, range, ticks, show) in panels {
        if rows.is_empty() {
            continue;
        }
        y += 5.0;
        y = scene.heading(&heading, y)? + 5.0;
        let bars_height = sides.len().max(1) as f64 * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
        let panel_top = y;
        let mut groups = Vec::with_capacity(rows.len());
        for row in rows.iter() {
            let label = wrap(&row.label, LABEL, PROFILE_LABEL_COLUMN, 3)?;
            let height = block_height(label.len(), LABEL).max(bars_height) + 14.0;
            groups.push((y, height, label));
            y += height;
        }
        scene.shade_alternate_rows(groups.iter().map(|(top, height, _)| (*top, *height)));
        gridlines(&mut scene, ticks, range, span, (panel_top, y));
        for (row, (top, height, label)) in rows.iter().zip(&groups) {
            scene.row_label(label, *top, *height);
            let mut bar_top = top + (height - bars_height) / 2.0;
            for (colour, shape, value) in &sides {
                let base = scale_x(range.0, range, span);
                match value(row) {
                    Some(value) => {
                        let end = scale_x(value, range, span);
                        scene.rect(
                            (base, bar_top),
                            (end.max(base + 2.0), bar_top + BAR_HEIGHT),
                            *colour,
                        );
                        let bar_end = end.max(base + 2.0);
                        let centre = (bar_end + 9.0, bar_top + BAR_HEIGHT / 2.0);
                        scene.mark(*shape, centre, 6.0, *colour);
                        let text_top = bar_top + (BAR_HEIGHT - LABEL.size) / 2.0;
                        scene.text(
                            &show(value),
                            bar_end + 19.0,
                            text_top,
                            LABEL,
                            INK,
                            Align::Left,
                        );
                    }
                    None => {
                        let text_top = bar_top + (BAR_HEIGHT - SMALL.size) / 2.0;
                        scene.text(
                            &label!(words, "chart-too-few"),
                            base + 4.0,
                            text_top,
                            SMALL,
                            MUTED,
                            Align::Left,
                        );
                    }
                }
                bar_top += BAR_HEIGHT + BAR_GAP;
            }
        }
        y += 3.0;
        tick_labels(&mut scene, ticks, range, span, y);
        y += SMALL.line_height() + 4.0;

        alt.push(as_sentence(&heading));
        for row in rows.iter() {
            alt.push(text!(
                words,
                "chart-profile-row",
                label = row.label.as_str(),
                council = side_words(words, Side::Council, row.council, show),
                vcs = side_words(words, Side::Vcs, row.vcs, show)
            ));
        }
    }
    let title = text!(words, "chart-profile-title", title = input.title.trim());
    scene.finish(y + MARGIN, title, alt.join("\n"))
}
