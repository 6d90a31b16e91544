//! d. Change since the last run: each relationship's score then and now.

use super::*;

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
    name: &'static str,
    colour: Colour,
    shape: MarkShape,
    then: Option<f64>,
    now: Option<f64>,
}

fn side_changes(row: &ChangeRow) -> [SideChange; 2] {
    [
        SideChange {
            name: "council",
            colour: COUNCIL,
            shape: MarkShape::Circle,
            then: row.council_then,
            now: row.council_now,
        },
        SideChange {
            name: "VCS",
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
pub fn change_chart(input: &ChangeInput) -> Result<Chart, ChartError> {
    if input.rows.is_empty() {
        return Err(ChartError::Nothing(
            "no relationship has scores from both runs",
        ));
    }
    for row in &input.rows {
        for side in side_changes(row) {
            check_range(&row.label, side.then, SCALE_0_TO_75)?;
            check_range(&row.label, side.now, SCALE_0_TO_75)?;
        }
    }
    for item in &input.moved_items {
        check_range(&item.label, Some(item.then), SCALE_1_TO_5)?;
        check_range(&item.label, Some(item.now), SCALE_1_TO_5)?;
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
    let note = hidden_sides_note(None, council_shown, vcs_shown);

    let mut scene = Scene::default();
    let mut y = scene.header(&input.title, note.as_deref(), MARGIN)?;
    let mut legend = Vec::new();
    for (is_shown, colour, shape, then_words, now_words) in [
        (
            council_shown,
            COUNCIL,
            MarkShape::Circle,
            "Council then",
            "Council now",
        ),
        (vcs_shown, VCS, MarkShape::Square, "VCS then", "VCS now"),
    ] {
        if is_shown {
            legend.push(LegendEntry {
                shape,
                colour,
                hollow: true,
                words: then_words.to_owned(),
            });
            legend.push(LegendEntry {
                shape,
                colour,
                hollow: false,
                words: now_words.to_owned(),
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
    for (index, (top, height, _)) in laid.iter().enumerate() {
        if index % 2 == 0 {
            scene.rect(
                (MARGIN, *top),
                (WIDTH as f64 - MARGIN, top + height),
                ROW_SHADE,
            );
        }
    }
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
            draw_side_change(&mut scene, &side, centre_y, span);
            centre_y += SIDE_ROW;
        }
    }
    y += 3.0;
    tick_labels(&mut scene, &TICKS_0_TO_75, SCALE_0_TO_75, span, y);
    y += SMALL.line_height() + 2.0;
    let caption = match (input.bands.first(), input.bands.last()) {
        (Some(lowest), Some(highest)) => format!(
            "Score out of 75, in the toolkit's bands from {} to {}.",
            lowest.label.to_lowercase(),
            highest.label.to_lowercase()
        ),
        _ => "Score out of 75.".to_owned(),
    };
    let caption = wrap(&caption, SMALL, CONTENT_WIDTH, 2)?;
    y = scene.lines(&caption, MARGIN, y, SMALL, MUTED, Align::Left) + 8.0;

    let mut alt = vec![
        as_sentence(&input.title),
        "Each relationship's score out of 75, in the last run and now.".to_owned(),
    ];
    alt.extend(note.as_deref().map(as_sentence));
    for row in &input.rows {
        let sides: Vec<String> = side_changes(row).iter().map(change_words).collect();
        alt.push(format!("{}: {}.", row.label, sides.join("; ")));
    }
    if !input.moved_items.is_empty() {
        let heading = "Items that moved most (mean, 1 to 5)";
        let heading_lines = wrap(heading, HEADING, CONTENT_WIDTH, 2)?;
        y = scene.lines(&heading_lines, MARGIN, y, HEADING, INK, Align::Left) + 3.0;
        alt.push(format!("{heading}:"));
        for item in &input.moved_items {
            let line = format!(
                "{}: {} → {} ({})",
                item.label,
                one_decimal(item.then),
                one_decimal(item.now),
                movement_words(item.then, item.now, round_tenth, one_decimal)
            );
            let lines = wrap(&format!("• {line}"), LABEL, CONTENT_WIDTH, 3)?;
            y = scene.lines(&lines, MARGIN, y, LABEL, INK, Align::Left) + 2.0;
            alt.push(format!(
                "{}: {} then, {} now ({}).",
                item.label,
                one_decimal(item.then),
                one_decimal(item.now),
                movement_words(item.then, item.now, round_tenth, one_decimal)
            ));
        }
    }
    let title = format!(
        "{}: each relationship's score out of 75 for the council and the VCS, in the last run and now.",
        input.title.trim()
    );
    scene.finish(y + MARGIN - 5.0, title, alt.join("\n"))
}

fn draw_side_change(scene: &mut Scene, side: &SideChange, centre_y: f64, span: (f64, f64)) {
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
    let (words, colour) = match (side.then, side.now) {
        (Some(then), Some(now)) => (format!("{} → {}", whole(then), whole(now)), INK),
        (None, Some(now)) => (format!("now {}", whole(now)), INK),
        (Some(then), None) => (format!("then {}", whole(then)), INK),
        (None, None) => ("too few voters".to_owned(), MUTED),
    };
    let font = if side.then.is_none() && side.now.is_none() {
        SMALL
    } else {
        LABEL
    };
    scene.text(
        &words,
        value_x,
        text_top + (LABEL.size - font.size) / 2.0,
        font,
        colour,
        Align::Left,
    );
}

/// "up 1.5", "down 3" or "no change", from the values as shown (rounded by
/// `round`), so the words agree with the figures beside them.
pub(super) fn movement_words(
    then: f64,
    now: f64,
    round: fn(f64) -> f64,
    show: fn(f64) -> String,
) -> String {
    let change = round(now) - round(then);
    if show(change.abs()) == show(0.0) {
        "no change".to_owned()
    } else if change > 0.0 {
        format!("up {}", show(change))
    } else {
        format!("down {}", show(-change))
    }
}

fn change_words(side: &SideChange) -> String {
    match (side.then, side.now) {
        (Some(then), Some(now)) => format!(
            "{} {} then, {} now ({})",
            side.name,
            whole(then),
            whole(now),
            movement_words(then, now, round_whole, whole)
        ),
        (None, Some(now)) => format!(
            "{} {} now, not shown last time (too few voters)",
            side.name,
            whole(now)
        ),
        (Some(then), None) => format!(
            "{} {} then, not shown now (too few voters)",
            side.name,
            whole(then)
        ),
        (None, None) => format!("{} not shown (too few voters)", side.name),
    }
}
