//! d. Change since the last run: each relationship's score then and now.

use super::*;
use crate::label;

/// A rerun compared with the run before: each relationship's score out of 75
/// per side, then and now.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeInput {
    pub title: String,
    /// The toolkit's bands of the score, lowest first, named above the plot.
    pub bands: Vec<ScoreBand>,
    pub rows: Vec<ChangeRow>,
    /// The items that moved most, largest move first.
    pub moved_items: Vec<MovedItem>,
}

/// A band of the score out of 75: where it starts and ends on the axis, and
/// the toolkit's words for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreBand {
    pub from: f64,
    pub to: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    pub label: String,
    pub council_then: Option<f64>,
    pub council_now: Option<f64>,
    pub vcs_then: Option<f64>,
    pub vcs_now: Option<f64>,
}

/// An item's mean (1–5) in the earlier run and now.
#[derive(Debug, Clone, PartialEq)]
pub struct MovedItem {
    pub label: String,
    pub then: f64,
    pub now: f64,
}

pub(super) const SCALE_0_TO_75: (f64, f64) = (0.0, 75.0);
const TICKS_0_TO_75: [f64; 6] = [0.0, 15.0, 30.0, 45.0, 60.0, 75.0];
const CHANGE_VALUE_COLUMN: f64 = 80.0;
const SIDE_ROW: f64 = 24.0;

struct SideChange {
    side: Side,
    colour: Colour,
    shape: MarkShape,
    then: Option<f64>,
    now: Option<f64>,
}

fn side_changes(row: &ChangeRow) -> [SideChange; 2] {
    [
        SideChange {
            side: Side::Council,
            colour: COUNCIL,
            shape: MarkShape::Circle,
            then: row.council_then,
            now: row.council_now,
        },
        SideChange {
            side: Side::Vcs,
            colour: VCS,
            shape: MarkShape::Square,
            then: row.vcs_then,
            now: row.vcs_now,
        },
    ]
}

/// Each relationship's score out of 75 per side, then (hollow mark) and now
/// (filled mark, arrow from then), and the items that moved most. Each
/// relationship's name sits above its rows, so the plot has the full width.
pub fn change_chart(input: &ChangeInput, words: &Words) -> Result<Chart, ChartError> {
    if input.rows.is_empty() {
        return Err(ChartError::Nothing(
            "no relationship has scores from both runs",
        ));
    }
    for row in &input.rows {
        let values = side_changes(row).map(|side| [side.then, side.now]);
        check_range(&row.label, values.into_iter().flatten(), SCALE_0_TO_75)?;
    }
    for item in &input.moved_items {
        check_range(&item.label, [Some(item.then), Some(item.now)], SCALE_1_TO_5)?;
    }
    let council_shown = input
        .rows
        .iter()
        .any(|row| row.council_then.is_some() || row.council_now.is_some());
    let vcs_shown = input
        .rows
        .iter()
        .any(|row| row.vcs_then.is_some() || row.vcs_now.is_some());
    let shown = [council_shown, vcs_shown];
    let note = hidden_sides_note(words, None, council_shown, vcs_shown);

    let mut scene = Scene::default();
    let mut y = scene.header(&input.title, note.as_deref(), MARGIN)?;
    let mut legend = Vec::new();
    for (is_shown, colour, shape, side) in [
        (council_shown, COUNCIL, MarkShape::Circle, Side::Council),
        (vcs_shown, VCS, MarkShape::Square, Side::Vcs),
    ] {
        if is_shown {
            legend.push(LegendEntry {
                shape,
                colour,
                hollow: true,
                words: label!(words, "chart-then", side = words.name(side)),
            });
            legend.push(LegendEntry {
                shape,
                colour,
                hollow: false,
                words: label!(words, "chart-now", side = words.name(side)),
            });
        }
    }
    y = scene.legend(&legend, y)?;

    let plot_left = MARGIN + 4.0;
    let plot_right = WIDTH as f64 - MARGIN - CHANGE_VALUE_COLUMN - 4.0;
    let span = (plot_left + 10.0, plot_right - 10.0);
    // The toolkit's bands, named above the plot.
    let mut band_lines = 1;
    for band in &input.bands {
        let from = scale_x(band.from, SCALE_0_TO_75, span);
        let to = scale_x(band.to, SCALE_0_TO_75, span);
        let lines = wrap(&band.label, SMALL, to - from - 2.0, 3)?;
        band_lines = band_lines.max(lines.len());
        scene.lines(&lines, (from + to) / 2.0, y, SMALL, MUTED, Align::Centre);
    }
    y += block_height(band_lines, SMALL) + 1.0;
    tick_labels(&mut scene, &TICKS_0_TO_75, SCALE_0_TO_75, span, y);
    y += SMALL.line_height() + 3.0;

    let sides_per_row = shown.iter().filter(|is_shown| **is_shown).count().max(1);
    let mut laid = Vec::with_capacity(input.rows.len());
    for row in &input.rows {
        let label = wrap(&row.label, LABEL_BOLD, CONTENT_WIDTH - 8.0, 2)?;
        let height = block_height(label.len(), LABEL) + sides_per_row as f64 * SIDE_ROW + 10.0;
        laid.push((y, height, label));
        y += height;
    }
    let rows_top = laid.first().map_or(y, |(top, _, _)| *top);
    scene.shade_alternate_rows(laid.iter().map(|(top, height, _)| (*top, *height)));
    gridlines(
        &mut scene,
        &TICKS_0_TO_75,
        SCALE_0_TO_75,
        span,
        (rows_top, y),
    );
    for (row, (top, _, label)) in input.rows.iter().zip(&laid) {
        let below = scene.lines(label, MARGIN + 4.0, top + 4.0, LABEL_BOLD, INK, Align::Left);
        let mut centre_y = below + SIDE_ROW / 2.0;
        for (side, _) in side_changes(row)
            .into_iter()
            .zip(shown)
            .filter(|(_, is_shown)| *is_shown)
        {
            draw_side_change(&mut scene, words, &side, centre_y, span);
            centre_y += SIDE_ROW;
        }
    }
    y += 3.0;
    tick_labels(&mut scene, &TICKS_0_TO_75, SCALE_0_TO_75, span, y);
    y += SMALL.line_height() + 2.0;
    let caption = match (input.bands.first(), input.bands.last()) {
        (Some(lowest), Some(highest)) => text!(
            words,
            "chart-score-bands",
            lowest = lowest.label.to_lowercase(),
            highest = highest.label.to_lowercase()
        ),
        _ => text!(words, "chart-score-out-of-75"),
    };
    let caption = wrap(&caption, SMALL, CONTENT_WIDTH, 2)?;
    y = scene.lines(&caption, MARGIN, y, SMALL, MUTED, Align::Left) + 8.0;

    let mut alt = vec![
        as_sentence(&input.title),
        text!(words, "chart-change-about"),
    ];
    alt.extend(note.as_deref().map(as_sentence));
    for row in &input.rows {
        let sides: Vec<String> = side_changes(row)
            .iter()
            .map(|side| change_words(words, side))
            .collect();
        alt.push(text!(
            words,
            "chart-change-row",
            relationship = row.label.as_str(),
            sides = sides.join("; ")
        ));
    }
    if !input.moved_items.is_empty() {
        let heading = label!(words, "chart-moved-heading");
        y = scene.heading(&heading, y)? + 3.0;
        alt.push(format!("{heading}:"));
        for item in &input.moved_items {
            let movement = movement_words(words, item.then, item.now, Shown::Tenths);
            let line = text!(
                words,
                "chart-moved-line",
                item = item.label.as_str(),
                then = tenths(item.then),
                now = tenths(item.now),
                movement = movement.as_str()
            );
            let lines = wrap(&line, LABEL, CONTENT_WIDTH, 3)?;
            y = scene.lines(&lines, MARGIN, y, LABEL, INK, Align::Left) + 2.0;
            alt.push(text!(
                words,
                "chart-moved-alt",
                item = item.label.as_str(),
                then = tenths(item.then),
                now = tenths(item.now),
                movement = movement
            ));
        }
    }
    let title = text!(words, "chart-change-title", title = input.title.trim());
    scene.finish(y + MARGIN - 5.0, title, alt.join("\n"))
}

fn draw_side_change(
    scene: &mut Scene,
    words: &Words,
    side: &SideChange,
    centre_y: f64,
    span: (f64, f64),
) {
    let value_x = WIDTH as f64 - MARGIN - CHANGE_VALUE_COLUMN + 4.0;
    let text_top = centre_y - LABEL.size / 2.0;
    let then_x = side.then.map(|value| scale_x(value, SCALE_0_TO_75, span));
    let now_x = side.now.map(|value| scale_x(value, SCALE_0_TO_75, span));
    if let (Some(then_x), Some(now_x)) = (then_x, now_x) {
        let direction = (now_x - then_x).signum();
        // The arrow stops at the edge of the "now" mark.
        let tip = now_x - direction * 8.0;
        if (tip - then_x) * direction > 12.0 {
            let base = tip - direction * 8.0;
            scene.line((then_x, centre_y), (base, centre_y), 2.5, side.colour);
            scene.polygon(
                &[
                    (tip, centre_y),
                    (base, centre_y - 5.0),
                    (base, centre_y + 5.0),
                ],
                side.colour,
            );
        }
    }
    if let Some(then_x) = then_x {
        scene.hollow_mark(side.shape, (then_x, centre_y), 7.0, side.colour);
    }
    if let Some(now_x) = now_x {
        scene.mark(side.shape, (now_x, centre_y), 7.0, side.colour);
    }
    let (value_words, colour) = match (side.then, side.now) {
        (Some(then), Some(now)) => (
            label!(
                words,
                "chart-then-to-now",
                then = whole(then),
                now = whole(now)
            ),
            INK,
        ),
        (None, Some(now)) => (label!(words, "chart-now-only", now = whole(now)), INK),
        (Some(then), None) => (label!(words, "chart-then-only", then = whole(then)), INK),
        (None, None) => (label!(words, "chart-too-few-short"), MUTED),
    };
    let font = if side.then.is_none() && side.now.is_none() {
        SMALL
    } else {
        LABEL
    };
    scene.text(
        &value_words,
        value_x,
        text_top + (LABEL.size - font.size) / 2.0,
        font,
        colour,
        Align::Left,
    );
}

/// How a change is shown: a mean to one decimal, a score as a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shown {
    Tenths,
    Whole,
}

/// "up 1.5", "down 3" or "no change", from the values as shown, so the
/// words agree with the figures beside them.
pub(super) fn movement_words(words: &Words, then: f64, now: f64, shown: Shown) -> String {
    let (sign, size) = match shown {
        Shown::Tenths => {
            let change = Tenths::of(now) - Tenths::of(then);
            (change.value().signum(), change.magnitude().to_string())
        }
        Shown::Whole => {
            let change = Whole::of(now).value() - Whole::of(then).value();
            (change.signum() as f64, change.abs().to_string())
        }
    };
    let direction = if size == tenths(0.0) || size == whole(0.0) {
        "none"
    } else if sign > 0.0 {
        "up"
    } else {
        "down"
    };
    text!(
        words,
        "chart-movement",
        direction = direction,
        change = size
    )
}

fn change_words(words: &Words, side: &SideChange) -> String {
    let name = words.name(side.side);
    match (side.then, side.now) {
        (Some(then), Some(now)) => text!(
            words,
            "chart-side-change",
            side = name,
            then = whole(then),
            now = whole(now),
            movement = movement_words(words, then, now, Shown::Whole)
        ),
        (None, Some(now)) => text!(words, "chart-side-now-only", side = name, now = whole(now)),
        (Some(then), None) => text!(
            words,
            "chart-side-then-only",
            side = name,
            then = whole(then)
        ),
        (None, None) => text!(words, "chart-side-hidden", side = name),
    }
}
