//! PNG charts of the results, drawn with the DejaVu Sans font shipped in
//! `assets/fonts/` (never a system font), with alt text that gives the same
//! facts in sentences.
//!
//! Each chart is laid out first as a list of shapes in logical pixels, which
//! fixes its height, then drawn at twice the size and scaled down so edges
//! are smooth. Output is deterministic: the same input gives the same bytes.

use std::f64::consts::{PI, TAU};
use std::sync::OnceLock;

use plotters::backend::RGBPixel;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, register_font};

use crate::domain::{Level, RelationshipType};

/// A drawn chart and the same facts in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub alt_text: String,
}

/// Why a chart could not be drawn. Each message says where to find the
/// results instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartError {
    #[error(
        "The chart's font could not be loaded, so no chart was drawn. The text report has the results."
    )]
    Font,
    #[error("There is nothing to chart yet: {0}. Reveal some results first.")]
    Nothing(&'static str),
    #[error(
        "The value {value} for \"{label}\" is outside {min} to {max}, so the chart was not drawn. The text report has the results; please report this fault."
    )]
    OutOfRange {
        label: String,
        value: f64,
        min: f64,
        max: f64,
    },
    #[error("{0} The text report lists everything.")]
    TooBig(String),
    #[error("The chart could not be drawn ({0}). The text report has the results.")]
    Drawing(String),
}

// ---------------------------------------------------------------------------
// Inputs

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
    /// "aligned", "differs" or "diverges"; `None` when a side is hidden.
    pub verdict: Option<String>,
}

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

/// The relationships on the toolkit's concentric circles.
#[derive(Debug, Clone, PartialEq)]
pub struct MapInput {
    pub title: String,
    pub relationships: Vec<MapEntry>,
    /// The types with no relationship at all.
    pub gaps: Vec<RelationshipType>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapEntry {
    pub name: String,
    pub level: Level,
    /// The relationship's main type.
    pub kind: RelationshipType,
}

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

// ---------------------------------------------------------------------------
// Look

const WIDTH: u32 = 1200;
const MARGIN: f64 = 40.0;
const CONTENT_WIDTH: f64 = WIDTH as f64 - 2.0 * MARGIN;
/// Drawn at this multiple, then scaled down, to smooth edges.
const SUPERSAMPLE: u32 = 2;
/// Beyond this a chart is too long to read; the text report is better.
const MAX_HEIGHT: f64 = 12_000.0;

const FONT_FAMILY: &str = "Common Ground DejaVu Sans";
static REGULAR_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

const WHITE_BG: RGBColor = RGBColor(255, 255, 255);
const INK: RGBColor = RGBColor(0x1f, 0x1f, 0x1f);
const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
const GRID: RGBColor = RGBColor(0xd4, 0xd4, 0xd4);
const ROW_SHADE: RGBColor = RGBColor(0xf3, 0xf3, 0xf3);
const CONNECTOR: RGBColor = RGBColor(0x8c, 0x8c, 0x8c);
/// Okabe–Ito blue and orange: safe for the common kinds of colour blindness.
const COUNCIL: RGBColor = RGBColor(0x00, 0x72, 0xb2);
const VCS: RGBColor = RGBColor(0xe6, 0x9f, 0x00);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Font {
    size: f64,
    bold: bool,
}

impl Font {
    const fn new(size: f64, bold: bool) -> Self {
        Self { size, bold }
    }

    fn line_height(self) -> f64 {
        (self.size * 1.25).round()
    }

    fn desc(self, scale: f64) -> FontDesc<'static> {
        let style = if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FONT_FAMILY), self.size * scale, style)
    }

    fn width(self, text: &str) -> Result<f64, ChartError> {
        let (width, _) = self
            .desc(1.0)
            .box_size(text)
            .map_err(|_| ChartError::Font)?;
        Ok(f64::from(width))
    }
}

const TITLE: Font = Font::new(38.0, true);
const HEADING: Font = Font::new(28.0, true);
const LABEL: Font = Font::new(24.0, false);
const LABEL_BOLD: Font = Font::new(24.0, true);
const SMALL: Font = Font::new(21.0, false);

/// Registers the shipped fonts with plotters once per process.
fn ensure_fonts() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let registered = *REGISTERED.get_or_init(|| {
        register_font(FONT_FAMILY, FontStyle::Normal, REGULAR_FONT).is_ok()
            && register_font(FONT_FAMILY, FontStyle::Bold, BOLD_FONT).is_ok()
    });
    if registered {
        Ok(())
    } else {
        Err(ChartError::Font)
    }
}

// ---------------------------------------------------------------------------
// Scene: shapes in logical pixels, drawn later

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Centre,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkShape {
    Circle,
    Square,
    TriangleUp,
    Diamond,
    Hexagon,
}

#[derive(Debug, Clone, PartialEq)]
enum Item {
    Rect {
        from: (f64, f64),
        to: (f64, f64),
        colour: RGBColor,
    },
    Circle {
        centre: (f64, f64),
        radius: f64,
        colour: RGBColor,
    },
    Polygon {
        points: Vec<(f64, f64)>,
        colour: RGBColor,
    },
    Text {
        text: String,
        x: f64,
        top: f64,
        font: Font,
        colour: RGBColor,
        align: Align,
    },
}

#[derive(Debug, Default)]
struct Scene {
    items: Vec<Item>,
}

impl Scene {
    fn rect(&mut self, from: (f64, f64), to: (f64, f64), colour: RGBColor) {
        self.items.push(Item::Rect { from, to, colour });
    }

    fn circle(&mut self, centre: (f64, f64), radius: f64, colour: RGBColor) {
        self.items.push(Item::Circle {
            centre,
            radius,
            colour,
        });
    }

    /// A straight line of the given width, as a filled quadrilateral.
    fn line(&mut self, from: (f64, f64), to: (f64, f64), width: f64, colour: RGBColor) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let length = dx.hypot(dy);
        if length < f64::EPSILON {
            return;
        }
        let (nx, ny) = (-dy / length * width / 2.0, dx / length * width / 2.0);
        self.items.push(Item::Polygon {
            points: vec![
                (from.0 + nx, from.1 + ny),
                (to.0 + nx, to.1 + ny),
                (to.0 - nx, to.1 - ny),
                (from.0 - nx, from.1 - ny),
            ],
            colour,
        });
    }

    /// One line of text whose em box starts at `top`.
    fn text(&mut self, text: &str, x: f64, top: f64, font: Font, colour: RGBColor, align: Align) {
        self.items.push(Item::Text {
            text: text.to_owned(),
            x,
            top,
            font,
            colour,
            align,
        });
    }

    /// Several lines, one under the other; returns the y under the last.
    fn lines(
        &mut self,
        lines: &[String],
        x: f64,
        top: f64,
        font: Font,
        colour: RGBColor,
        align: Align,
    ) -> f64 {
        let mut y = top;
        for line in lines {
            self.text(line, x, y, font, colour, align);
            y += font.line_height();
        }
        y
    }

    /// A filled mark of roughly equal visual weight whatever its shape.
    fn mark(&mut self, shape: MarkShape, centre: (f64, f64), radius: f64, colour: RGBColor) {
        let regular = |sides: u32, circumradius: f64, start: f64| -> Vec<(f64, f64)> {
            (0..sides)
                .map(|k| {
                    let angle = start + TAU * f64::from(k) / f64::from(sides);
                    (
                        centre.0 + circumradius * angle.cos(),
                        centre.1 + circumradius * angle.sin(),
                    )
                })
                .collect()
        };
        let points = match shape {
            MarkShape::Circle => {
                self.circle(centre, radius, colour);
                return;
            }
            MarkShape::Square => regular(4, radius * 1.4, PI / 4.0),
            MarkShape::TriangleUp => regular(3, radius * 1.5, -PI / 2.0),
            MarkShape::Diamond => regular(4, radius * 1.3, 0.0),
            MarkShape::Hexagon => regular(6, radius * 1.1, 0.0),
        };
        self.items.push(Item::Polygon { points, colour });
    }

    /// An outlined mark with a white middle ("then" in the change chart).
    fn hollow_mark(&mut self, shape: MarkShape, centre: (f64, f64), radius: f64, colour: RGBColor) {
        self.mark(shape, centre, radius, colour);
        self.mark(shape, centre, radius - 4.5, WHITE_BG);
    }

    /// Title and an optional note under it; returns the y below them.
    fn header(&mut self, title: &str, note: Option<&str>, top: f64) -> Result<f64, ChartError> {
        let title_lines = wrap(title, TITLE, CONTENT_WIDTH, 3)?;
        let mut y = self.lines(&title_lines, MARGIN, top, TITLE, INK, Align::Left);
        if let Some(note) = note {
            y += 4.0;
            let note_lines = wrap(note, LABEL, CONTENT_WIDTH, 3)?;
            y = self.lines(&note_lines, MARGIN, y, LABEL, MUTED, Align::Left);
        }
        Ok(y + 18.0)
    }

    /// A row of legend entries (mark, then words), wrapping when full.
    fn legend(&mut self, entries: &[LegendEntry], top: f64) -> Result<f64, ChartError> {
        let row_height = 40.0;
        let mut x = MARGIN;
        let mut y = top;
        for entry in entries {
            let width = 36.0 + LABEL.width(entry.words)?;
            if x > MARGIN && x + width > WIDTH as f64 - MARGIN {
                x = MARGIN;
                y += row_height;
            }
            let centre = (x + 12.0, y + row_height / 2.0);
            if entry.hollow {
                self.hollow_mark(entry.shape, centre, 12.0, entry.colour);
            } else {
                self.mark(entry.shape, centre, 12.0, entry.colour);
            }
            self.text(
                entry.words,
                x + 34.0,
                y + (row_height - LABEL.size) / 2.0,
                LABEL,
                INK,
                Align::Left,
            );
            x += width + 40.0;
        }
        Ok(y + row_height + 8.0)
    }
}

struct LegendEntry {
    shape: MarkShape,
    colour: RGBColor,
    hollow: bool,
    words: &'static str,
}

fn drawing_error(error: impl std::fmt::Display) -> ChartError {
    ChartError::Drawing(error.to_string())
}

/// Draws the scene at `SUPERSAMPLE` times the size, scales it down and
/// encodes it as a PNG.
fn render(scene: &Scene, height: f64, alt_text: String) -> Result<Chart, ChartError> {
    if height > MAX_HEIGHT {
        return Err(ChartError::TooBig(
            "There are too many rows to fit in one readable chart.".to_owned(),
        ));
    }
    let height = height.ceil() as u32;
    let scale = f64::from(SUPERSAMPLE);
    let (big_width, big_height) = (WIDTH * SUPERSAMPLE, height * SUPERSAMPLE);
    let mut big = vec![255u8; big_width as usize * big_height as usize * 3];
    {
        let backend =
            BitMapBackend::<RGBPixel>::with_buffer_and_format(&mut big, (big_width, big_height))
                .map_err(drawing_error)?;
        // The buffer starts white, so there is no background to fill.
        let area = backend.into_drawing_area();
        let at = |(x, y): (f64, f64)| ((x * scale).round() as i32, (y * scale).round() as i32);
        for item in &scene.items {
            match item {
                Item::Rect { from, to, colour } => {
                    let (x1, y1) = at(*to);
                    area.draw(&Rectangle::new(
                        [at(*from), (x1 - 1, y1 - 1)],
                        colour.filled(),
                    ))
                }
                Item::Circle {
                    centre,
                    radius,
                    colour,
                } => area.draw(&Circle::new(
                    at(*centre),
                    (radius * scale).round() as i32,
                    colour.filled(),
                )),
                Item::Polygon { points, colour } => area.draw(&Polygon::new(
                    points.iter().map(|point| at(*point)).collect::<Vec<_>>(),
                    colour.filled(),
                )),
                Item::Text {
                    text,
                    x,
                    top,
                    font,
                    colour,
                    align,
                } => {
                    let h_pos = match align {
                        Align::Left => HPos::Left,
                        Align::Centre => HPos::Center,
                        Align::Right => HPos::Right,
                    };
                    let style = font
                        .desc(scale)
                        .color(colour)
                        .pos(Pos::new(h_pos, VPos::Top));
                    // plotters puts the baseline half a size below the anchor;
                    // this puts it 0.8 of a size below the top of the em box.
                    let anchor_y = (top + 0.3 * font.size) * scale;
                    area.draw_text(
                        text,
                        &style,
                        ((x * scale).round() as i32, anchor_y.round() as i32),
                    )
                }
            }
            .map_err(drawing_error)?;
        }
        area.present().map_err(drawing_error)?;
    }
    let big = image::RgbImage::from_raw(big_width, big_height, big)
        .ok_or_else(|| drawing_error("the drawing buffer has the wrong size"))?;
    // Averages each block of pixels: the image crate does it quickly even in
    // test builds, where it is optimised.
    let pixels = image::imageops::thumbnail(&big, WIDTH, height);
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        pixels.as_raw(),
        WIDTH,
        height,
        image::ExtendedColorType::Rgb8,
    )
    .map_err(drawing_error)?;
    Ok(Chart {
        png,
        width: WIDTH,
        height,
        alt_text,
    })
}

// ---------------------------------------------------------------------------
// Text helpers

/// Breaks `text` into lines no wider than `max_width`, at most `max_lines`
/// of them; the last is cut with "…" when the text does not fit.
fn wrap(
    text: &str,
    font: Font,
    max_width: f64,
    max_lines: usize,
) -> Result<Vec<String>, ChartError> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if font.width(&candidate)? <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word wider than the line is broken where it must be.
        for character in word.chars() {
            current.push(character);
            if font.width(&current)? > max_width && current.chars().count() > 1 {
                current.pop();
                lines.push(std::mem::take(&mut current));
                current.push(character);
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && font.width(&format!("{last}…"))? > max_width {
                last.pop();
            }
            let kept = last.trim_end().to_owned();
            *last = format!("{kept}…");
        }
    }
    Ok(lines)
}

fn block_height(lines: usize, font: Font) -> f64 {
    lines.max(1) as f64 * font.line_height()
}

/// The top of a block of `lines` that looks centred in a band: the space
/// under the last line is left out, as the eye does.
fn centred_top(band_top: f64, band_height: f64, lines: usize, font: Font) -> f64 {
    let seen = block_height(lines, font) - (font.line_height() - font.size);
    band_top + (band_height - seen) / 2.0
}

/// The x of `value` on a scale from `min` to `max` drawn between `left` and
/// `right`.
fn scale_x(value: f64, (min, max): (f64, f64), (left, right): (f64, f64)) -> f64 {
    left + (value - min) / (max - min) * (right - left)
}

fn check_range(label: &str, value: Option<f64>, (min, max): (f64, f64)) -> Result<(), ChartError> {
    match value {
        Some(value) if !(value.is_finite() && (min..=max).contains(&value)) => {
            Err(ChartError::OutOfRange {
                label: label.to_owned(),
                value,
                min,
                max,
            })
        }
        _ => Ok(()),
    }
}

/// The note under the title: the caller's, or one saying which side is
/// hidden everywhere.
fn hidden_sides_note(given: Option<&str>, council_shown: bool, vcs_shown: bool) -> Option<String> {
    if let Some(note) = given {
        return Some(note.to_owned());
    }
    match (council_shown, vcs_shown) {
        (true, true) => None,
        (true, false) => Some("VCS: too few voters to show.".to_owned()),
        (false, true) => Some("Council: too few voters to show.".to_owned()),
        (false, false) => Some("Council and VCS: too few voters to show either side.".to_owned()),
    }
}

fn side_legend(
    council_shown: bool,
    vcs_shown: bool,
    council_words: &'static str,
    vcs_words: &'static str,
) -> Vec<LegendEntry> {
    let mut entries = Vec::new();
    if council_shown {
        entries.push(LegendEntry {
            shape: MarkShape::Circle,
            colour: COUNCIL,
            hollow: false,
            words: council_words,
        });
    }
    if vcs_shown {
        entries.push(LegendEntry {
            shape: MarkShape::Square,
            colour: VCS,
            hollow: false,
            words: vcs_words,
        });
    }
    entries
}

fn round_tenth(value: f64) -> f64 {
    (value * 10.0 + 0.5).floor() / 10.0
}

/// Scores out of 75 are rounded to the nearest whole number, halves up.
fn round_whole(value: f64) -> f64 {
    (value + 0.5).floor()
}

/// One decimal place, halves up, for means and sub-scores.
fn one_decimal(value: f64) -> String {
    format!("{:.1}", round_tenth(value))
}

fn whole(value: f64) -> String {
    format!("{}", round_whole(value))
}

fn side_words(name: &str, value: Option<f64>, show: fn(f64) -> String) -> String {
    match value {
        Some(value) => format!("{name} {}", show(value)),
        None => format!("{name} not shown (too few voters)"),
    }
}

fn tick_labels(scene: &mut Scene, ticks: &[f64], range: (f64, f64), span: (f64, f64), top: f64) {
    for &tick in ticks {
        let x = scale_x(tick, range, span);
        scene.text(&format!("{tick}"), x, top, SMALL, MUTED, Align::Centre);
    }
}

fn gridlines(
    scene: &mut Scene,
    ticks: &[f64],
    range: (f64, f64),
    span: (f64, f64),
    (top, bottom): (f64, f64),
) {
    for &tick in ticks {
        let x = scale_x(tick, range, span);
        scene.line((x, top), (x, bottom), 2.0, GRID);
    }
}

// ---------------------------------------------------------------------------
// a. Divergence

const SCALE_1_TO_5: (f64, f64) = (1.0, 5.0);
const TICKS_1_TO_5: [f64; 5] = [1.0, 2.0, 3.0, 4.0, 5.0];
const LABEL_COLUMN: f64 = 400.0;

/// Each item as a line from the council's mean (blue circle) to the VCS's
/// (orange square) on the 1–5 scale, with the verdict at the right.
pub fn divergence_chart(input: &DivergenceInput) -> Result<Chart, ChartError> {
    ensure_fonts()?;
    if input.rows.is_empty() {
        return Err(ChartError::Nothing("no items have results"));
    }
    for row in &input.rows {
        check_range(&row.label, row.council, SCALE_1_TO_5)?;
        check_range(&row.label, row.vcs, SCALE_1_TO_5)?;
    }
    let council_shown = input.rows.iter().any(|row| row.council.is_some());
    let vcs_shown = input.rows.iter().any(|row| row.vcs.is_some());
    let note = hidden_sides_note(input.hidden_note.as_deref(), council_shown, vcs_shown);

    let mut scene = Scene::default();
    let mut y = scene.header(&input.title, note.as_deref(), MARGIN)?;
    y = scene.legend(
        &side_legend(council_shown, vcs_shown, "Council mean", "VCS mean"),
        y,
    )?;

    let verdicts: Vec<String> = input.rows.iter().map(divergence_verdict_words).collect();
    let mut verdict_width: f64 = 110.0;
    for verdict in &verdicts {
        verdict_width = verdict_width.max(LABEL_BOLD.width(verdict)?);
    }
    let verdict_width = verdict_width.min(240.0);
    let plot_left = MARGIN + LABEL_COLUMN + 24.0;
    let plot_right = WIDTH as f64 - MARGIN - verdict_width - 24.0;
    let span = (plot_left + 24.0, plot_right - 24.0);

    tick_labels(&mut scene, &TICKS_1_TO_5, SCALE_1_TO_5, span, y);
    y += SMALL.line_height() + 6.0;

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
        let height = (text_height + 22.0).max(64.0);
        laid.push(Laid {
            top: y,
            height,
            label,
            verdict,
        });
        y += height;
    }
    let rows_top = laid.first().map_or(y, |row| row.top);
    for (index, row) in laid.iter().enumerate() {
        if index % 2 == 0 {
            scene.rect(
                (MARGIN, row.top),
                (WIDTH as f64 - MARGIN, row.top + row.height),
                ROW_SHADE,
            );
        }
    }
    gridlines(&mut scene, &TICKS_1_TO_5, SCALE_1_TO_5, span, (rows_top, y));
    for (row, place) in input.rows.iter().zip(&laid) {
        let label_top = centred_top(place.top, place.height, place.label.len(), LABEL);
        scene.lines(
            &place.label,
            MARGIN + 8.0,
            label_top,
            LABEL,
            INK,
            Align::Left,
        );
        let verdict_colour = if row.verdict.is_some() { INK } else { MUTED };
        let verdict_font = if row.verdict.is_some() {
            LABEL_BOLD
        } else {
            LABEL
        };
        let verdict_top = centred_top(place.top, place.height, place.verdict.len(), LABEL);
        scene.lines(
            &place.verdict,
            WIDTH as f64 - MARGIN - verdict_width - 8.0,
            verdict_top,
            verdict_font,
            verdict_colour,
            Align::Left,
        );
        let centre_y = place.top + place.height / 2.0;
        let council_x = row.council.map(|value| scale_x(value, SCALE_1_TO_5, span));
        let vcs_x = row.vcs.map(|value| scale_x(value, SCALE_1_TO_5, span));
        if let (Some(council_x), Some(vcs_x)) = (council_x, vcs_x) {
            scene.line((council_x, centre_y), (vcs_x, centre_y), 5.0, CONNECTOR);
        }
        // Marks that would cover each other are pulled apart a little
        // vertically, and a white halo keeps their edges clear.
        let nudge = match (council_x, vcs_x) {
            (Some(council_x), Some(vcs_x)) if (council_x - vcs_x).abs() < 20.0 => 8.0,
            _ => 0.0,
        };
        if let Some(vcs_x) = vcs_x {
            let at = (vcs_x, centre_y + nudge);
            scene.mark(MarkShape::Square, at, 14.5, WHITE_BG);
            scene.mark(MarkShape::Square, at, 12.0, VCS);
        }
        if let Some(council_x) = council_x {
            let at = (council_x, centre_y - nudge);
            scene.circle(at, 14.5, WHITE_BG);
            scene.circle(at, 12.0, COUNCIL);
        }
    }
    y += 6.0;
    tick_labels(&mut scene, &TICKS_1_TO_5, SCALE_1_TO_5, span, y);
    y += SMALL.line_height() + 4.0;
    let caption = wrap(
        "Mean score: 1 = not at all, 5 = as much as possible.",
        SMALL,
        WIDTH as f64 - MARGIN - plot_left,
        2,
    )?;
    y = scene.lines(&caption, plot_left, y, SMALL, MUTED, Align::Left);

    let mut alt = vec![
        as_sentence(&input.title),
        "Each item gives the council's mean score and the VCS's mean score, from 1 (not at all) to 5 (as much as possible).".to_owned(),
    ];
    alt.extend(note.as_deref().map(as_sentence));
    for row in &input.rows {
        let mut sentence = format!(
            "{}: {}, {}.",
            row.label,
            side_words("council", row.council, one_decimal),
            side_words("VCS", row.vcs, one_decimal)
        );
        if let Some(verdict) = &row.verdict {
            sentence.push_str(&format!(" {}.", capitalise(verdict)));
        }
        alt.push(sentence);
    }
    render(&scene, y + MARGIN, alt.join("\n"))
}

/// What the right-hand column says for a row.
fn divergence_verdict_words(row: &DivergenceRow) -> String {
    match (&row.verdict, row.council, row.vcs) {
        (Some(verdict), _, _) => verdict.clone(),
        (None, None, None) => "both hidden".to_owned(),
        (None, None, Some(_)) => "council hidden".to_owned(),
        (None, Some(_), None) => "VCS hidden".to_owned(),
        (None, Some(_), Some(_)) => String::new(),
    }
}

/// The text with a full stop, unless it already ends a sentence.
fn as_sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// b. Profile

const SCALE_0_TO_15: (f64, f64) = (0.0, 15.0);
const TICKS_0_TO_15: [f64; 6] = [0.0, 3.0, 6.0, 9.0, 12.0, 15.0];
const PROFILE_LABEL_COLUMN: f64 = 340.0;
const BAR_HEIGHT: f64 = 30.0;
const BAR_GAP: f64 = 8.0;

/// A side's colour and how to read its value from a row.
type ProfileSide = (RGBColor, fn(&ProfileRow) -> Option<f64>);

/// Two panels of grouped bars: the four principle scores out of 15, and the
/// three axes as means from 1 to 5, council and VCS side by side.
pub fn profile_chart(input: &ProfileInput) -> Result<Chart, ChartError> {
    ensure_fonts()?;
    if input.principles.is_empty() && input.axes.is_empty() {
        return Err(ChartError::Nothing("no principles or axes have results"));
    }
    for row in &input.principles {
        check_range(&row.label, row.council, SCALE_0_TO_15)?;
        check_range(&row.label, row.vcs, SCALE_0_TO_15)?;
    }
    for row in &input.axes {
        check_range(&row.label, row.council, SCALE_1_TO_5)?;
        check_range(&row.label, row.vcs, SCALE_1_TO_5)?;
    }
    let all_rows = || input.principles.iter().chain(&input.axes);
    let council_shown = all_rows().any(|row| row.council.is_some());
    let vcs_shown = all_rows().any(|row| row.vcs.is_some());
    let note = hidden_sides_note(input.hidden_note.as_deref(), council_shown, vcs_shown);

    let mut scene = Scene::default();
    let mut y = scene.header(&input.title, note.as_deref(), MARGIN)?;
    let mut legend = side_legend(council_shown, vcs_shown, "Council", "VCS");
    for entry in &mut legend {
        entry.shape = MarkShape::Square;
    }
    y = scene.legend(&legend, y)?;
    let council_side: ProfileSide = (COUNCIL, |row| row.council);
    let vcs_side: ProfileSide = (VCS, |row| row.vcs);
    let sides: Vec<ProfileSide> = [(council_shown, council_side), (vcs_shown, vcs_side)]
        .into_iter()
        .filter_map(|(shown, side)| shown.then_some(side))
        .collect();

    let panels = [
        (
            "Principles: score out of 15",
            &input.principles,
            SCALE_0_TO_15,
            &TICKS_0_TO_15[..],
        ),
        (
            "Axes: mean score, 1 (not at all) to 5 (as much as possible)",
            &input.axes,
            SCALE_1_TO_5,
            &TICKS_1_TO_5[..],
        ),
    ];
    let plot_left = MARGIN + PROFILE_LABEL_COLUMN + 24.0;
    let span = (plot_left, WIDTH as f64 - MARGIN - 90.0);
    let mut alt = vec![as_sentence(&input.title)];
    alt.extend(note.as_deref().map(as_sentence));
    for (heading, rows, range, ticks) in panels {
        if rows.is_empty() {
            continue;
        }
        y += 10.0;
        let heading_lines = wrap(heading, HEADING, CONTENT_WIDTH, 2)?;
        y = scene.lines(&heading_lines, MARGIN, y, HEADING, INK, Align::Left) + 10.0;
        let bars_height = sides.len().max(1) as f64 * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
        let panel_top = y;
        let mut groups = Vec::with_capacity(rows.len());
        for row in rows.iter() {
            let label = wrap(&row.label, LABEL, PROFILE_LABEL_COLUMN, 3)?;
            let height = block_height(label.len(), LABEL).max(bars_height) + 28.0;
            groups.push((y, height, label));
            y += height;
        }
        for (index, (top, height, _)) in groups.iter().enumerate() {
            if index % 2 == 0 {
                scene.rect(
                    (MARGIN, *top),
                    (WIDTH as f64 - MARGIN, top + height),
                    ROW_SHADE,
                );
            }
        }
        gridlines(&mut scene, ticks, range, span, (panel_top, y));
        for (row, (top, height, label)) in rows.iter().zip(&groups) {
            let label_top = centred_top(*top, *height, label.len(), LABEL);
            scene.lines(label, MARGIN + 8.0, label_top, LABEL, INK, Align::Left);
            let mut bar_top = top + (height - bars_height) / 2.0;
            for (colour, value) in &sides {
                let base = scale_x(range.0, range, span);
                match value(row) {
                    Some(value) => {
                        let end = scale_x(value, range, span);
                        scene.rect(
                            (base, bar_top),
                            (end.max(base + 2.0), bar_top + BAR_HEIGHT),
                            *colour,
                        );
                        let text_top = bar_top + (BAR_HEIGHT - LABEL.size) / 2.0;
                        scene.text(
                            &one_decimal(value),
                            end + 8.0,
                            text_top,
                            LABEL,
                            INK,
                            Align::Left,
                        );
                    }
                    None => {
                        let text_top = bar_top + (BAR_HEIGHT - SMALL.size) / 2.0;
                        scene.text(
                            "too few voters to show",
                            base + 8.0,
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
        y += 6.0;
        tick_labels(&mut scene, ticks, range, span, y);
        y += SMALL.line_height() + 8.0;

        alt.push(format!("{heading}."));
        for row in rows.iter() {
            alt.push(format!(
                "{}: {}, {}.",
                row.label,
                side_words("council", row.council, one_decimal),
                side_words("VCS", row.vcs, one_decimal)
            ));
        }
    }
    render(&scene, y + MARGIN, alt.join("\n"))
}

// ---------------------------------------------------------------------------
// c. Relationship map

const MAP_RADII: [f64; 3] = [150.0, 270.0, 380.0];
const MAP_MARK_RADIUS: f64 = 22.0;
/// Centre-to-centre distance between neighbouring marks on a track.
const MAP_PITCH: f64 = 2.0 * MAP_MARK_RADIUS + 10.0;

fn level_index(level: Level) -> usize {
    match level {
        Level::Neighbourhood => 0,
        Level::Place => 1,
        Level::System => 2,
    }
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Neighbourhood => "Neighbourhood",
        Level::Place => "Place",
        Level::System => "System",
    }
}

fn type_look(kind: RelationshipType) -> (MarkShape, RGBColor, RGBColor) {
    // Okabe–Ito colours, with a text colour that reads on each.
    match kind {
        RelationshipType::Shaping => (MarkShape::TriangleUp, RGBColor(0xd5, 0x5e, 0x00), INK),
        RelationshipType::Ongoing => (MarkShape::Circle, RGBColor(0x00, 0x72, 0xb2), WHITE_BG),
        RelationshipType::Neighbourhood => (MarkShape::Square, RGBColor(0x00, 0x9e, 0x73), INK),
        RelationshipType::Commissioning => (MarkShape::Diamond, RGBColor(0xcc, 0x79, 0xa7), INK),
        RelationshipType::Delivery => (MarkShape::Hexagon, RGBColor(0x56, 0xb4, 0xe9), INK),
    }
}

/// How far above the centre a ring's name starts, so that the name fits
/// inside the circle's edge.
fn ring_label_depth(radius: f64, label_width: f64) -> f64 {
    let half_chord = label_width / 2.0 + 12.0;
    (radius - 8.0).min((radius * radius - half_chord * half_chord).max(0.0).sqrt())
}

/// The gap left at the top of each ring for its name, as a half-angle.
fn label_gap(track_radius: f64, label_width: f64) -> f64 {
    let half = (label_width / 2.0 + MAP_MARK_RADIUS + 8.0) / track_radius;
    half.min(PI / 3.0)
}

/// Where `count` marks go inside ring `level` (0 = the inner disc), as
/// offsets from the centre; numbered clockwise from the top.
fn ring_positions(
    level: usize,
    count: usize,
    label_width: f64,
) -> Result<Vec<(f64, f64)>, ChartError> {
    if count == 0 {
        return Ok(Vec::new());
    }
    let outer = MAP_RADII[level];
    let inner = if level == 0 {
        0.0
    } else {
        MAP_RADII[level - 1]
    };
    let margin = MAP_MARK_RADIUS + 6.0;
    // Track layouts from roomiest to most crowded; the first that holds
    // every mark is used.
    let layouts: Vec<Vec<f64>> = if level == 0 {
        vec![
            vec![0.0],
            vec![(outer - margin) * 0.62],
            vec![outer - margin, (outer - margin) / 2.0],
            vec![outer - margin, (outer - margin) / 2.0, 0.0],
        ]
    } else {
        vec![
            vec![(inner + outer) / 2.0],
            vec![outer - margin, inner + margin],
        ]
    };
    let capacity = |radius: f64| -> usize {
        if radius < 1.0 {
            1
        } else {
            let usable = TAU - 2.0 * label_gap(radius, label_width);
            (usable * radius / MAP_PITCH).floor() as usize
        }
    };
    let Some(tracks) = layouts
        .into_iter()
        .find(|tracks| tracks.iter().map(|radius| capacity(*radius)).sum::<usize>() >= count)
    else {
        return Err(ChartError::TooBig(format!(
            "There are {count} relationships at one level, more than the map can show."
        )));
    };
    // Share marks between tracks in proportion to their room.
    let total: usize = tracks.iter().map(|radius| capacity(*radius)).sum();
    let mut shares: Vec<usize> = tracks
        .iter()
        .map(|radius| count * capacity(*radius) / total)
        .collect();
    let mut given: usize = shares.iter().sum();
    for (share, radius) in shares.iter_mut().zip(&tracks) {
        while given < count && *share < capacity(*radius) {
            *share += 1;
            given += 1;
        }
    }
    let mut positions = Vec::with_capacity(count);
    for (radius, share) in tracks.iter().zip(shares) {
        if share == 0 {
            continue;
        }
        if *radius < 1.0 {
            positions.push((0.0, 0.0));
            continue;
        }
        let gap = label_gap(*radius, label_width);
        // Spread evenly round the whole track when the first mark still
        // clears the ring's name; otherwise squeeze into the room left.
        let (start, step) = if PI / share as f64 >= gap {
            (-PI / 2.0 + PI / share as f64, TAU / share as f64)
        } else {
            let usable = TAU - 2.0 * gap;
            (
                -PI / 2.0 + gap + usable / share as f64 / 2.0,
                usable / share as f64,
            )
        };
        for index in 0..share {
            let angle = start + step * index as f64;
            positions.push((radius * angle.cos(), radius * angle.sin()));
        }
    }
    Ok(positions)
}

/// The toolkit's concentric circles (neighbourhood inside, then place, then
/// system), each relationship a numbered mark in its ring, shaped and
/// coloured by its main type, with a key and the gaps.
pub fn relationship_map(input: &MapInput) -> Result<Chart, ChartError> {
    ensure_fonts()?;
    let mut scene = Scene::default();
    let mut y = scene.header(&input.title, None, MARGIN)?;

    let outer = MAP_RADII[2];
    let centre = (MARGIN + outer, y + outer);
    let ring_fills = [
        WHITE_BG,
        RGBColor(0xf4, 0xf4, 0xf4),
        RGBColor(0xe6, 0xe6, 0xe6),
    ];
    for level in (0..3).rev() {
        scene.circle(centre, MAP_RADII[level], RGBColor(0x8c, 0x8c, 0x8c));
        scene.circle(centre, MAP_RADII[level] - 2.0, ring_fills[level]);
    }
    let levels = [Level::Neighbourhood, Level::Place, Level::System];
    let mut numbered: Vec<(usize, &MapEntry)> = input
        .relationships
        .iter()
        .enumerate()
        .map(|(i, e)| (i + 1, e))
        .collect();
    numbered.sort_by_key(|(number, entry)| (level_index(entry.level), *number));
    for (index, level) in levels.into_iter().enumerate() {
        let name = level_name(level);
        let label_width = LABEL_BOLD.width(name)?;
        let label_top = centre.1 - ring_label_depth(MAP_RADII[index], label_width);
        scene.text(name, centre.0, label_top, LABEL_BOLD, INK, Align::Centre);
        let entries: Vec<&(usize, &MapEntry)> = numbered
            .iter()
            .filter(|(_, entry)| entry.level == level)
            .collect();
        let positions = ring_positions(index, entries.len(), label_width)?;
        for ((number, entry), (dx, dy)) in entries.into_iter().zip(positions) {
            let (shape, colour, text_colour) = type_look(entry.kind);
            let at = (centre.0 + dx, centre.1 + dy);
            scene.mark(shape, at, MAP_MARK_RADIUS, colour);
            // Triangles hold their number a little lower, where they are wider.
            let nudge = if shape == MarkShape::TriangleUp {
                3.0
            } else {
                0.0
            };
            let font = Font::new(if *number >= 10 { 19.0 } else { 22.0 }, true);
            scene.text(
                &number.to_string(),
                at.0,
                at.1 - font.size / 2.0 + nudge,
                font,
                text_colour,
                Align::Centre,
            );
        }
    }

    // The five types, beside the circles.
    let legend_x = MARGIN + 2.0 * outer + 40.0;
    let mut legend_y = y + 10.0;
    scene.text("Main type", legend_x, legend_y, HEADING, INK, Align::Left);
    legend_y += HEADING.line_height() + 12.0;
    for kind in RelationshipType::ALL {
        let (shape, colour, _) = type_look(*kind);
        scene.mark(shape, (legend_x + 18.0, legend_y + 18.0), 16.0, colour);
        let name = capitalise(kind.as_str());
        let text_top = legend_y + 18.0 - LABEL.size / 2.0;
        scene.text(&name, legend_x + 48.0, text_top, LABEL, INK, Align::Left);
        if input.gaps.contains(kind) {
            let after = legend_x + 48.0 + LABEL.width(&name)? + 10.0;
            scene.text("(gap)", after, text_top, LABEL, MUTED, Align::Left);
        }
        legend_y += 52.0;
    }
    y += 2.0 * outer + 30.0;

    // The key: number → name, in two columns.
    scene.text("Key", MARGIN, y, HEADING, INK, Align::Left);
    y += HEADING.line_height() + 6.0;
    let column_gap = 40.0;
    let column_width = (CONTENT_WIDTH - column_gap) / 2.0;
    let number_width = 48.0;
    let mut entries = Vec::with_capacity(input.relationships.len());
    for (index, entry) in input.relationships.iter().enumerate() {
        entries.push((
            index + 1,
            wrap(&entry.name, LABEL, column_width - number_width, 2)?,
        ));
    }
    if entries.is_empty() {
        scene.text(
            "No relationships registered yet.",
            MARGIN,
            y,
            LABEL,
            MUTED,
            Align::Left,
        );
        y += LABEL.line_height();
    }
    // Fill the left column first, then the right, keeping rows level.
    let half = entries.len().div_ceil(2);
    let (left, right) = entries.split_at(half);
    for row in 0..half {
        let mut row_height: f64 = 0.0;
        for (column, list) in [left, right].into_iter().enumerate() {
            if let Some((number, lines)) = list.get(row) {
                let x = MARGIN + column as f64 * (column_width + column_gap);
                scene.text(
                    &format!("{number}."),
                    x + number_width - 12.0,
                    y,
                    LABEL_BOLD,
                    INK,
                    Align::Right,
                );
                scene.lines(lines, x + number_width, y, LABEL, INK, Align::Left);
                row_height = row_height.max(block_height(lines.len(), LABEL));
            }
        }
        y += row_height + 6.0;
    }
    y += 14.0;
    let gaps = gaps_sentence(&input.gaps);
    let gap_lines = wrap(&gaps, LABEL_BOLD, CONTENT_WIDTH, 3)?;
    y = scene.lines(&gap_lines, MARGIN, y, LABEL_BOLD, INK, Align::Left);

    let mut alt = vec![
        as_sentence(&input.title),
        "Relationships by level: neighbourhood in the inner circle, place in the middle ring, system in the outer ring.".to_owned(),
    ];
    for level in levels {
        let here: Vec<String> = numbered
            .iter()
            .filter(|(_, entry)| entry.level == level)
            .map(|(number, entry)| format!("{number}. {} ({})", entry.name, entry.kind))
            .collect();
        let listed = if here.is_empty() {
            "none".to_owned()
        } else {
            here.join("; ")
        };
        alt.push(format!("{}: {listed}.", level_name(level)));
    }
    alt.push(gaps);
    render(&scene, y + MARGIN, alt.join("\n"))
}

fn gaps_sentence(gaps: &[RelationshipType]) -> String {
    if gaps.is_empty() {
        "Gaps: none. Every type has at least one relationship.".to_owned()
    } else {
        let names: Vec<&str> = gaps.iter().map(|kind| kind.as_str()).collect();
        format!("Gaps: {}.", names.join(", "))
    }
}

// ---------------------------------------------------------------------------
// d. Change since the last run

const SCALE_0_TO_75: (f64, f64) = (0.0, 75.0);
const TICKS_0_TO_75: [f64; 6] = [0.0, 15.0, 30.0, 45.0, 60.0, 75.0];
const CHANGE_LABEL_COLUMN: f64 = 300.0;
const CHANGE_VALUE_COLUMN: f64 = 150.0;
const SIDE_ROW: f64 = 46.0;

struct SideChange {
    name: &'static str,
    colour: RGBColor,
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
/// (filled mark, arrow from then), and the items that moved most.
pub fn change_chart(input: &ChangeInput) -> Result<Chart, ChartError> {
    ensure_fonts()?;
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
                words: then_words,
            });
            legend.push(LegendEntry {
                shape,
                colour,
                hollow: false,
                words: now_words,
            });
        }
    }
    y = scene.legend(&legend, y)?;

    let plot_left = MARGIN + CHANGE_LABEL_COLUMN + 20.0;
    let plot_right = WIDTH as f64 - MARGIN - CHANGE_VALUE_COLUMN - 10.0;
    let span = (plot_left + 16.0, plot_right - 16.0);
    // The toolkit's bands, named above the plot.
    let mut band_lines = 1;
    for band in &input.bands {
        let from = scale_x(band.from, SCALE_0_TO_75, span);
        let to = scale_x(band.to, SCALE_0_TO_75, span);
        let lines = wrap(&band.label, SMALL, to - from - 4.0, 2)?;
        band_lines = band_lines.max(lines.len());
        scene.lines(&lines, (from + to) / 2.0, y, SMALL, MUTED, Align::Centre);
    }
    y += block_height(band_lines, SMALL) + 2.0;
    tick_labels(&mut scene, &TICKS_0_TO_75, SCALE_0_TO_75, span, y);
    y += SMALL.line_height() + 6.0;

    let sides_per_row = shown.iter().filter(|is_shown| **is_shown).count().max(1);
    let mut laid = Vec::with_capacity(input.rows.len());
    for row in &input.rows {
        let label = wrap(&row.label, LABEL, CHANGE_LABEL_COLUMN, 3)?;
        let height = block_height(label.len(), LABEL).max(sides_per_row as f64 * SIDE_ROW) + 20.0;
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
    for (row, (top, height, label)) in input.rows.iter().zip(&laid) {
        let label_top = centred_top(*top, *height, label.len(), LABEL);
        scene.lines(label, MARGIN + 8.0, label_top, LABEL, INK, Align::Left);
        let mut centre_y = top + (height - sides_per_row as f64 * SIDE_ROW) / 2.0 + SIDE_ROW / 2.0;
        for (side, _) in side_changes(row)
            .into_iter()
            .zip(shown)
            .filter(|(_, is_shown)| *is_shown)
        {
            draw_side_change(&mut scene, &side, centre_y, span);
            centre_y += SIDE_ROW;
        }
    }
    y += 6.0;
    tick_labels(&mut scene, &TICKS_0_TO_75, SCALE_0_TO_75, span, y);
    y += SMALL.line_height() + 4.0;
    let caption = match (input.bands.first(), input.bands.last()) {
        (Some(lowest), Some(highest)) => format!(
            "Score out of 75, in the toolkit's bands from {} to {}.",
            lowest.label.to_lowercase(),
            highest.label.to_lowercase()
        ),
        _ => "Score out of 75.".to_owned(),
    };
    let caption = wrap(&caption, SMALL, WIDTH as f64 - MARGIN - plot_left, 2)?;
    y = scene.lines(&caption, plot_left, y, SMALL, MUTED, Align::Left) + 16.0;

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
        y = scene.lines(&[heading.to_owned()], MARGIN, y, HEADING, INK, Align::Left) + 6.0;
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
            y = scene.lines(&lines, MARGIN, y, LABEL, INK, Align::Left) + 4.0;
            alt.push(format!(
                "{}: {} then, {} now ({}).",
                item.label,
                one_decimal(item.then),
                one_decimal(item.now),
                movement_words(item.then, item.now, round_tenth, one_decimal)
            ));
        }
    }
    render(&scene, y + MARGIN - 10.0, alt.join("\n"))
}

fn draw_side_change(scene: &mut Scene, side: &SideChange, centre_y: f64, span: (f64, f64)) {
    let value_x = WIDTH as f64 - MARGIN - CHANGE_VALUE_COLUMN + 10.0;
    let text_top = centre_y - LABEL.size / 2.0;
    let then_x = side.then.map(|value| scale_x(value, SCALE_0_TO_75, span));
    let now_x = side.now.map(|value| scale_x(value, SCALE_0_TO_75, span));
    if let (Some(then_x), Some(now_x)) = (then_x, now_x) {
        let direction = (now_x - then_x).signum();
        // The arrow stops at the edge of the "now" mark.
        let tip = now_x - direction * 14.0;
        if (tip - then_x) * direction > 20.0 {
            let base = tip - direction * 14.0;
            scene.line((then_x, centre_y), (base, centre_y), 4.0, side.colour);
            scene.items.push(Item::Polygon {
                points: vec![
                    (tip, centre_y),
                    (base, centre_y - 9.0),
                    (base, centre_y + 9.0),
                ],
                colour: side.colour,
            });
        }
    }
    if let Some(then_x) = then_x {
        scene.hollow_mark(side.shape, (then_x, centre_y), 12.0, side.colour);
    }
    if let Some(now_x) = now_x {
        scene.mark(side.shape, (now_x, centre_y), 12.0, side.colour);
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
fn movement_words(then: f64, now: f64, round: fn(f64) -> f64, show: fn(f64) -> String) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn divergence_sample() -> DivergenceInput {
        DivergenceInput {
            title: "Assessment one: where council and VCS views differ".to_owned(),
            rows: vec![
                DivergenceRow {
                    label: "Better understanding of the needs of local communities, especially those seldom heard".to_owned(),
                    council: Some(4.2),
                    vcs: Some(2.1),
                    verdict: Some("diverges".to_owned()),
                },
                DivergenceRow {
                    label: "Shared use of data".to_owned(),
                    council: Some(2.0),
                    vcs: Some(2.8),
                    verdict: Some("differs".to_owned()),
                },
                DivergenceRow {
                    label: "Joint bids for funding".to_owned(),
                    council: Some(3.5),
                    vcs: Some(3.5),
                    verdict: Some("aligned".to_owned()),
                },
                DivergenceRow {
                    label: "Volunteering".to_owned(),
                    council: Some(3.0),
                    vcs: None,
                    verdict: None,
                },
            ],
            hidden_note: None,
        }
    }

    fn council_only(mut input: DivergenceInput) -> DivergenceInput {
        for row in &mut input.rows {
            row.vcs = None;
            row.verdict = None;
        }
        input.hidden_note = Some("VCS: too few voters to show".to_owned());
        input
    }

    fn profile_sample() -> ProfileInput {
        let row = |label: &str, council: Option<f64>, vcs: Option<f64>| ProfileRow {
            label: label.to_owned(),
            council,
            vcs,
        };
        ProfileInput {
            title: "Children's services partnership board: how strategic".to_owned(),
            principles: vec![
                row("Shared foundations", Some(11.0), Some(8.5)),
                row("Relational culture", Some(9.3), Some(12.0)),
                row("Effective structures", Some(14.0), None),
                row("Capacity and resources", Some(5.7), Some(6.0)),
            ],
            axes: vec![
                row("Proactive rather than reactive", Some(3.2), Some(2.0)),
                row("Financial investment", Some(1.0), Some(4.6)),
                row("Time investment", Some(4.0), Some(4.0)),
            ],
            hidden_note: None,
        }
    }

    fn map_sample() -> MapInput {
        let entry = |name: &str, level, kind| MapEntry {
            name: name.to_owned(),
            level,
            kind,
        };
        MapInput {
            title: "Our relationships".to_owned(),
            relationships: vec![
                entry(
                    "Health and wellbeing board",
                    Level::System,
                    RelationshipType::Shaping,
                ),
                entry(
                    "Community hubs network",
                    Level::Neighbourhood,
                    RelationshipType::Neighbourhood,
                ),
                entry(
                    "Voluntary sector forum",
                    Level::Place,
                    RelationshipType::Ongoing,
                ),
                entry(
                    "Social prescribing contract",
                    Level::Place,
                    RelationshipType::Commissioning,
                ),
                entry(
                    "Warm spaces",
                    Level::Neighbourhood,
                    RelationshipType::Ongoing,
                ),
                entry(
                    "Integrated care partnership VCSE alliance steering group",
                    Level::System,
                    RelationshipType::Shaping,
                ),
            ],
            gaps: vec![RelationshipType::Delivery],
        }
    }

    fn change_sample() -> ChangeInput {
        ChangeInput {
            title: "What changed since the last run".to_owned(),
            bands: [
                (0.0, 15.0, "Not strategic"),
                (15.0, 30.0, "Minimally strategic"),
                (30.0, 45.0, "Somewhat strategic"),
                (45.0, 60.0, "Largely strategic"),
                (60.0, 75.0, "Highly strategic"),
            ]
            .map(|(from, to, label)| ScoreBand {
                from,
                to,
                label: label.to_owned(),
            })
            .to_vec(),
            rows: vec![
                ChangeRow {
                    label: "Health and wellbeing board".to_owned(),
                    council_then: Some(32.4),
                    council_now: Some(45.5),
                    vcs_then: Some(40.0),
                    vcs_now: Some(28.0),
                },
                ChangeRow {
                    label: "Voluntary sector forum".to_owned(),
                    council_then: Some(50.0),
                    council_now: Some(50.2),
                    vcs_then: None,
                    vcs_now: Some(61.0),
                },
            ],
            moved_items: vec![
                MovedItem {
                    label: "We share decisions about money".to_owned(),
                    then: 2.3,
                    now: 3.8,
                },
                MovedItem {
                    label: "Meetings are at times the VCS can attend".to_owned(),
                    then: 4.0,
                    now: 2.9,
                },
            ],
        }
    }

    fn crowded_map() -> MapInput {
        let levels = [
            (Level::System, 30),
            (Level::Place, 20),
            (Level::Neighbourhood, 12),
        ];
        let mut relationships = Vec::new();
        for (level, count) in levels {
            for index in 0..count {
                relationships.push(MapEntry {
                    name: format!("{} relationship {}", level_name(level), index + 1),
                    level,
                    kind: RelationshipType::ALL[index % 5],
                });
            }
        }
        MapInput {
            title: "A crowded map".to_owned(),
            relationships,
            gaps: Vec::new(),
        }
    }

    /// Text long enough to wrap and be cut everywhere it can be.
    fn long_text() -> DivergenceInput {
        let mut input = divergence_sample();
        input.title = "Assessment three for the integrated care partnership's voluntary, community and social enterprise alliance: where the council and VCS see things differently".to_owned();
        input.hidden_note = Some("Some items are not shown for one side because fewer than three people from that side answered them.".to_owned());
        input.rows[1].label =
            "Supercalifragilisticexpialidociouspartnershipworkingwithoutanyspaces".to_owned();
        input.rows[2].label = "A very long label that goes on and on about commissioning, co-production, shared outcomes, pooled budgets and the role of infrastructure bodies in brokering relationships".to_owned();
        input.rows[2].verdict = Some("differs a great deal more than expected".to_owned());
        input
    }

    /// A rendered sample and its decoded pixels.
    struct Sample {
        name: &'static str,
        chart: Chart,
        image: image::RgbImage,
    }

    fn sample(name: &'static str, chart: Result<Chart, ChartError>) -> Sample {
        let chart = chart.unwrap();
        let image = image::load_from_memory(&chart.png).unwrap().to_rgb8();
        Sample { name, chart, image }
    }

    /// Each sample rendered and decoded once, shared by the tests.
    fn samples() -> &'static [Sample] {
        static SAMPLES: OnceLock<Vec<Sample>> = OnceLock::new();
        SAMPLES.get_or_init(|| {
            let mut profile_council_only = profile_sample();
            for row in profile_council_only
                .principles
                .iter_mut()
                .chain(&mut profile_council_only.axes)
            {
                row.vcs = None;
            }
            let mut change_council_only = change_sample();
            for row in &mut change_council_only.rows {
                row.vcs_then = None;
                row.vcs_now = None;
            }
            vec![
                sample("divergence", divergence_chart(&divergence_sample())),
                sample(
                    "divergence_council_only",
                    divergence_chart(&council_only(divergence_sample())),
                ),
                sample("profile", profile_chart(&profile_sample())),
                sample("profile_council_only", profile_chart(&profile_council_only)),
                sample("map", relationship_map(&map_sample())),
                sample("change", change_chart(&change_sample())),
                sample("change_council_only", change_chart(&change_council_only)),
            ]
        })
    }

    fn named(name: &str) -> &'static Sample {
        samples().iter().find(|sample| sample.name == name).unwrap()
    }

    fn near(pixel: &image::Rgb<u8>, colour: RGBColor) -> bool {
        let [r, g, b] = pixel.0;
        r.abs_diff(colour.0) as u32 + g.abs_diff(colour.1) as u32 + b.abs_diff(colour.2) as u32
            <= 60
    }

    fn count_near(image: &image::RgbImage, colour: RGBColor) -> usize {
        image.pixels().filter(|pixel| near(pixel, colour)).count()
    }

    #[test]
    fn every_chart_is_a_png_of_its_stated_size_with_text_and_colour() {
        for Sample { name, chart, image } in samples() {
            assert_eq!(
                (image.width(), image.height()),
                (chart.width, chart.height),
                "{name}"
            );
            assert_eq!(chart.width, 1200, "{name}");
            let distinct: std::collections::HashSet<[u8; 3]> =
                image.pixels().map(|pixel| pixel.0).collect();
            assert!(
                distinct.len() > 200,
                "{name} has only {} colours",
                distinct.len()
            );
            // Only text is drawn in near-black ink.
            let ink = image
                .pixels()
                .filter(|pixel| pixel.0.iter().all(|channel| *channel < 90))
                .count();
            assert!(ink > 2_000, "{name} has only {ink} text pixels");
            assert!(
                count_near(image, COUNCIL) > 500,
                "{name} shows no council blue"
            );
        }
    }

    #[test]
    fn a_hidden_vcs_side_draws_no_orange_and_the_alt_text_says_so() {
        for name in ["divergence", "profile", "change"] {
            assert!(count_near(&named(name).image, VCS) > 500, "{name}");
            let hidden = named(&format!("{name}_council_only"));
            assert_eq!(count_near(&hidden.image, VCS), 0, "{name}");
            assert!(
                hidden
                    .chart
                    .alt_text
                    .contains("VCS: too few voters to show."),
                "{}",
                hidden.chart.alt_text
            );
        }
        assert!(
            named("divergence_council_only")
                .chart
                .alt_text
                .contains("Shared use of data: council 2.0, VCS not shown (too few voters).")
        );
    }

    #[test]
    fn alt_text_gives_every_label_and_figure() {
        let [divergence, profile_chart, map, change_chart] =
            ["divergence", "profile", "map", "change"].map(|name| &named(name).chart);
        for row in divergence_sample().rows {
            assert!(divergence.alt_text.contains(&row.label), "{}", row.label);
        }
        assert!(divergence
            .alt_text
            .contains("Better understanding of the needs of local communities, especially those seldom heard: council 4.2, VCS 2.1. Diverges."));
        assert!(
            divergence
                .alt_text
                .contains("Volunteering: council 3.0, VCS not shown (too few voters).")
        );

        let profile = profile_sample();
        for row in profile.principles.iter().chain(&profile.axes) {
            assert!(profile_chart.alt_text.contains(&row.label), "{}", row.label);
        }
        assert!(
            profile_chart
                .alt_text
                .contains("Relational culture: council 9.3, VCS 12.0.")
        );

        for entry in map_sample().relationships {
            assert!(map.alt_text.contains(&entry.name), "{}", entry.name);
        }
        assert!(map.alt_text.contains(
            "Neighbourhood: 2. Community hubs network (neighbourhood); 5. Warm spaces (ongoing)."
        ));
        assert!(map.alt_text.ends_with("Gaps: delivery."));

        let change = change_sample();
        for row in &change.rows {
            assert!(change_chart.alt_text.contains(&row.label), "{}", row.label);
        }
        for item in &change.moved_items {
            assert!(
                change_chart.alt_text.contains(&item.label),
                "{}",
                item.label
            );
        }
        // 32.4 shows as 32 and 45.5 as 46 (halves up), so the move is 14.
        assert!(change_chart.alt_text.contains(
            "Health and wellbeing board: council 32 then, 46 now (up 14); VCS 40 then, 28 now (down 12)."
        ));
        assert!(
            change_chart
                .alt_text
                .contains("We share decisions about money: 2.3 then, 3.8 now (up 1.5).")
        );
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        assert_eq!(
            divergence_chart(&divergence_sample()).unwrap(),
            named("divergence").chart
        );
        assert_eq!(relationship_map(&map_sample()).unwrap(), named("map").chart);
    }

    #[test]
    fn the_divergence_chart_grows_with_its_rows() {
        let mut longer = divergence_sample();
        longer.rows.extend(divergence_sample().rows);
        let chart = divergence_chart(&longer).unwrap();
        // Four more rows: three of 64 px and one of three wrapped lines
        // (3 × 30 + 22 = 112 px).
        assert_eq!(
            chart.height,
            named("divergence").chart.height + 3 * 64 + 112
        );
    }

    #[test]
    fn charts_refuse_values_off_the_scale_and_empty_input() {
        let mut bad = divergence_sample();
        bad.rows[1].council = Some(5.5);
        assert_eq!(
            divergence_chart(&bad).unwrap_err(),
            ChartError::OutOfRange {
                label: "Shared use of data".to_owned(),
                value: 5.5,
                min: 1.0,
                max: 5.0
            }
        );
        let mut not_a_number = profile_sample();
        not_a_number.axes[0].vcs = Some(f64::NAN);
        assert!(matches!(
            profile_chart(&not_a_number),
            Err(ChartError::OutOfRange { .. })
        ));
        let mut over = change_sample();
        over.rows[0].vcs_now = Some(76.0);
        assert!(matches!(
            change_chart(&over),
            Err(ChartError::OutOfRange { .. })
        ));

        let empty = DivergenceInput {
            title: "Nothing".to_owned(),
            rows: Vec::new(),
            hidden_note: None,
        };
        assert_eq!(
            divergence_chart(&empty).unwrap_err().to_string(),
            "There is nothing to chart yet: no items have results. Reveal some results first."
        );
    }

    #[test]
    fn too_many_rows_are_refused_with_a_pointer_to_the_text_report() {
        let mut huge = divergence_sample();
        let row = huge.rows[1].clone();
        huge.rows = vec![row; 200];
        let error = divergence_chart(&huge).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("The text report lists everything."),
            "{error}"
        );
    }

    #[test]
    fn an_empty_map_still_draws_the_circles_and_names_every_gap() {
        let input = MapInput {
            title: "No relationships yet".to_owned(),
            relationships: Vec::new(),
            gaps: RelationshipType::ALL.to_vec(),
        };
        let chart = relationship_map(&input).unwrap();
        assert!(chart.alt_text.ends_with(
            "System: none.\nGaps: shaping, ongoing, neighbourhood, commissioning, delivery."
        ));
    }

    #[test]
    fn map_marks_stay_inside_their_ring_without_touching() {
        for (level, count) in [(0, 1), (0, 2), (0, 12), (1, 3), (1, 20), (2, 30), (2, 60)] {
            let label_width = 170.0;
            let positions = ring_positions(level, count, label_width).unwrap();
            assert_eq!(positions.len(), count);
            let inner = if level == 0 {
                0.0
            } else {
                MAP_RADII[level - 1]
            };
            for (x, y) in &positions {
                let radius = x.hypot(*y);
                assert!(
                    radius + MAP_MARK_RADIUS <= MAP_RADII[level],
                    "level {level}, {count} marks"
                );
                assert!(
                    radius == 0.0 || radius - MAP_MARK_RADIUS >= inner,
                    "level {level}, {count} marks"
                );
            }
            for (index, a) in positions.iter().enumerate() {
                for b in &positions[index + 1..] {
                    let distance = (a.0 - b.0).hypot(a.1 - b.1);
                    assert!(
                        distance >= 2.0 * MAP_MARK_RADIUS,
                        "level {level}, {count} marks: {distance}"
                    );
                }
            }
        }
        // One neighbourhood relationship sits in the middle.
        assert_eq!(ring_positions(0, 1, 170.0).unwrap(), vec![(0.0, 0.0)]);
        assert!(matches!(
            ring_positions(0, 40, 170.0),
            Err(ChartError::TooBig(_))
        ));
    }

    #[test]
    fn numbers_are_rounded_halves_up_and_moves_agree_with_them() {
        assert_eq!(whole(32.5), "33");
        assert_eq!(whole(45.49), "45");
        assert_eq!(one_decimal(2.25), "2.3");
        assert_eq!(movement_words(32.4, 45.5, round_whole, whole), "up 14");
        assert_eq!(movement_words(50.0, 50.2, round_whole, whole), "no change");
        assert_eq!(
            movement_words(4.0, 2.9, round_tenth, one_decimal),
            "down 1.1"
        );
        assert_eq!(scale_x(3.0, SCALE_1_TO_5, (100.0, 500.0)), 300.0);
        assert_eq!(scale_x(45.0, SCALE_0_TO_75, (0.0, 750.0)), 450.0);
    }

    #[test]
    fn gaps_are_listed_in_a_sentence() {
        assert_eq!(
            gaps_sentence(&[RelationshipType::Commissioning, RelationshipType::Delivery]),
            "Gaps: commissioning, delivery."
        );
        assert_eq!(
            gaps_sentence(&[]),
            "Gaps: none. Every type has at least one relationship."
        );
    }

    #[test]
    fn long_text_wraps_within_its_width_and_is_cut_with_an_ellipsis() {
        ensure_fonts().unwrap();
        let text =
            "Better understanding of the needs of local communities, especially those seldom heard";
        let lines = wrap(text, LABEL, 200.0, 2).unwrap();
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        for line in &lines {
            assert!(LABEL.width(line).unwrap() <= 200.0, "{line}");
        }
        let all = wrap(text, LABEL, 200.0, 20).unwrap();
        assert_eq!(all.join(" "), text);
        let one_long_word = wrap(&"x".repeat(60), LABEL, 200.0, 5).unwrap();
        assert!(one_long_word.len() > 1);
        assert_eq!(one_long_word.concat(), "x".repeat(60));
    }

    /// Writes every sample to the directory in CHART_SAMPLES, to look at.
    #[test]
    fn write_samples_for_viewing() {
        let Ok(dir) = std::env::var("CHART_SAMPLES") else {
            return;
        };
        let charts = [
            (
                "divergence",
                divergence_chart(&divergence_sample()).unwrap(),
            ),
            (
                "divergence_council_only",
                divergence_chart(&council_only(divergence_sample())).unwrap(),
            ),
            ("profile", profile_chart(&profile_sample()).unwrap()),
            ("map", relationship_map(&map_sample()).unwrap()),
            ("change", change_chart(&change_sample()).unwrap()),
            ("map_crowded", relationship_map(&crowded_map()).unwrap()),
            (
                "divergence_long_text",
                divergence_chart(&long_text()).unwrap(),
            ),
            (
                "profile_council_only",
                named("profile_council_only").chart.clone(),
            ),
            (
                "change_council_only",
                named("change_council_only").chart.clone(),
            ),
        ];
        for (name, chart) in charts {
            std::fs::write(format!("{dir}/{name}.png"), &chart.png).unwrap();
            std::fs::write(format!("{dir}/{name}.txt"), &chart.alt_text).unwrap();
        }
    }
}
