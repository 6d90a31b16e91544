//! Charts of the results, each drawn once as SVG: the HTML report inlines
//! it, and the PNGs for Discord and Markdown are rasterised from the same
//! SVG with resvg. Text is measured and rendered with the DejaVu Sans fonts
//! shipped in `assets/fonts/` (never a system font), and every chart comes
//! with alt text that gives the same facts in sentences.
//!
//! Each chart is laid out first as a list of shapes in the units of its
//! `viewBox`, which fixes its height. Output is deterministic: the same
//! input gives the same bytes.

mod change;
mod divergence;
mod map;
mod profile;
#[cfg(test)]
mod tests;

use std::f64::consts::{PI, TAU};
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::markup::escape;
use crate::domain::{Side, Tenths, Whole};
use crate::prompts::Words;
use crate::text;

pub use change::{ChangeInput, ChangeRow, MovedItem, ScoreBand, change_chart};
pub use divergence::{DivergenceInput, DivergenceRow, divergence_chart};
pub use map::{MapEntry, MapInput, relationship_map};
pub use profile::{ProfileInput, ProfileRow, profile_chart};

/// A drawn chart: its SVG drawing, a one-line summary (the short alt text)
/// and the same facts in sentences (the long description).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// The width and height of the `viewBox`.
    pub width: u32,
    pub height: u32,
    /// One line saying what the chart shows, without its figures.
    pub title: String,
    /// Every label and figure of the chart, in sentences.
    pub alt_text: String,
    /// The shapes and text, between the `<desc>` and `</svg>`.
    drawing: String,
}

/// PNGs are rasterised at this many pixels per `viewBox` unit, once.
pub const PNG_SCALE: u32 = 2;

impl Chart {
    /// The chart as a standalone SVG document: its `<title>` is the short
    /// alt and its `<desc>` the chart in words.
    pub fn svg(&self) -> String {
        self.svg_element(
            "aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\"",
            &format!(
                "<title id=\"chart-title\">{}</title><desc id=\"chart-desc\">{}</desc>",
                escape(&self.title),
                escape(&self.alt_text)
            ),
        )
    }

    /// The SVG inside a page that words the chart itself, in the element
    /// with id `{id}-words`: the short alt once, as its `<title>`, and no
    /// `<desc>`, so that a screen reader hears each text once. `id` must be
    /// safe in an attribute.
    pub fn svg_in_page(&self, id: &str) -> String {
        self.svg_element(
            &format!("aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-words\""),
            &format!("<title id=\"{id}-title\">{}</title>", escape(&self.title)),
        )
    }

    fn svg_element(&self, aria: &str, head: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
             role=\"img\" {aria} font-family=\"{FONT_FAMILY}, Verdana, sans-serif\">{head}{drawing}</svg>",
            w = self.width,
            h = self.height,
            drawing = self.drawing,
        )
    }

    /// The PNG's size in pixels.
    pub fn png_size(&self) -> (u32, u32) {
        (self.width * PNG_SCALE, self.height * PNG_SCALE)
    }

    /// Rasterises the SVG once at `PNG_SCALE`, on white.
    pub fn png(&self) -> Result<Vec<u8>, ChartError> {
        let tree = usvg::Tree::from_str(&self.svg(), &svg_options()).map_err(drawing_error)?;
        let (width, height) = self.png_size();
        let mut pixmap = tiny_skia::Pixmap::new(width, height)
            .ok_or_else(|| drawing_error("the picture has no size"))?;
        pixmap.fill(tiny_skia::Color::WHITE);
        let scale = PNG_SCALE as f32;
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        opaque_png(&pixmap)
    }
}

/// A PNG of a picture drawn on white: RGB, as nothing in it is see-through
/// (so its premultiplied pixels are its plain ones), with adaptive filters
/// and deflate's quickest level. That writes a chart about four times
/// quicker than the default level for a file about a third larger; the
/// faster fdeflate would double the file a phone downloads.
fn opaque_png(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, ChartError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_filter(png::Filter::Adaptive);
    encoder.set_deflate_compression(png::DeflateCompression::Level(1));
    let mut writer = encoder.write_header().map_err(drawing_error)?;
    writer.write_image_data(&rgb).map_err(drawing_error)?;
    writer.finish().map_err(drawing_error)?;
    Ok(png)
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

fn drawing_error(error: impl std::fmt::Display) -> ChartError {
    ChartError::Drawing(error.to_string())
}

// ---------------------------------------------------------------------------
// Look

/// The `viewBox` width, scaled to the page's width.
const WIDTH: u32 = 600;
const MARGIN: f64 = 20.0;
const CONTENT_WIDTH: f64 = WIDTH as f64 - 2.0 * MARGIN;
/// Beyond this a chart is too long to read; the text report is better.
const MAX_HEIGHT: f64 = 6_000.0;

/// The family name inside the shipped font files.
const FONT_FAMILY: &str = "DejaVu Sans";
static REGULAR_FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD_FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// A colour as red, green and blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Colour(u8, u8, u8);

impl Colour {
    fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

const WHITE_BG: Colour = Colour(255, 255, 255);
const INK: Colour = Colour(0x1f, 0x1f, 0x1f);
const MUTED: Colour = Colour(0x55, 0x55, 0x55);
const GRID: Colour = Colour(0xd4, 0xd4, 0xd4);
const ROW_SHADE: Colour = Colour(0xf3, 0xf3, 0xf3);
const CONNECTOR: Colour = Colour(0x8c, 0x8c, 0x8c);
/// Okabe–Ito blue, and its orange darkened to keep 3:1 contrast on the
/// chart's backgrounds (WCAG 2.2, graphics): safe for the common kinds of
/// colour blindness, and each side has its own mark shape too.
const COUNCIL: Colour = Colour(0x00, 0x72, 0xb2);
const VCS: Colour = Colour(0xb3, 0x5c, 0x00);

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

    /// The advance width of `text`, from the shipped font's metrics.
    fn width(self, text: &str) -> Result<f64, ChartError> {
        let face = font_face(self.bold)?;
        let units = f64::from(face.units_per_em());
        let mut advance = 0.0;
        for character in text.chars() {
            let glyph = face.glyph_index(character).unwrap_or_default();
            advance += f64::from(face.glyph_hor_advance(glyph).unwrap_or_default());
        }
        Ok(advance / units * self.size)
    }
}

// Sized so that at a phone's 390 px (about 0.6 of the viewBox) the labels
// are still about 11 px high and the smallest text about 10 px.
const TITLE: Font = Font::new(22.0, true);
const HEADING: Font = Font::new(19.0, true);
const LABEL: Font = Font::new(18.0, false);
const LABEL_BOLD: Font = Font::new(18.0, true);
const SMALL: Font = Font::new(16.0, false);

/// The shipped font, parsed once per process.
fn font_face(bold: bool) -> Result<&'static ttf_parser::Face<'static>, ChartError> {
    static REGULAR: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    static BOLD: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    let (cell, data) = if bold {
        (&BOLD, BOLD_FONT)
    } else {
        (&REGULAR, REGULAR_FONT)
    };
    cell.get_or_init(|| ttf_parser::Face::parse(data, 0).ok())
        .as_ref()
        .ok_or(ChartError::Font)
}

/// The rasteriser's settings: its font database holds the shipped fonts
/// and nothing else.
fn svg_options() -> usvg::Options<'static> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let mut database = usvg::fontdb::Database::new();
        database.load_font_data(REGULAR_FONT.to_vec());
        database.load_font_data(BOLD_FONT.to_vec());
        database.set_sans_serif_family(FONT_FAMILY);
        Arc::new(database)
    });
    usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: Arc::clone(fonts),
        ..usvg::Options::default()
    }
}

/// A coordinate, to a tenth of a unit, without trailing zeros.
fn number(value: f64) -> String {
    let tenths = (value * 10.0).round() / 10.0;
    if tenths == tenths.trunc() {
        format!("{}", tenths as i64)
    } else {
        format!("{tenths:.1}")
    }
}

// ---------------------------------------------------------------------------
// Scene: shapes in viewBox units, written as SVG at the end

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

#[derive(Debug, Default)]
struct Scene {
    svg: String,
}

impl Scene {
    fn rect(&mut self, from: (f64, f64), to: (f64, f64), colour: Colour) {
        let _ = write!(
            self.svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            number(from.0),
            number(from.1),
            number(to.0 - from.0),
            number(to.1 - from.1),
            colour.hex()
        );
    }

    fn circle(&mut self, centre: (f64, f64), radius: f64, colour: Colour) {
        let _ = write!(
            self.svg,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>",
            number(centre.0),
            number(centre.1),
            number(radius),
            colour.hex()
        );
    }

    fn polygon(&mut self, points: &[(f64, f64)], colour: Colour) {
        let points: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", number(*x), number(*y)))
            .collect();
        let _ = write!(
            self.svg,
            "<polygon points=\"{}\" fill=\"{}\"/>",
            points.join(" "),
            colour.hex()
        );
    }

    /// A straight line of the given width.
    fn line(&mut self, from: (f64, f64), to: (f64, f64), width: f64, colour: Colour) {
        let _ = write!(
            self.svg,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            number(from.0),
            number(from.1),
            number(to.0),
            number(to.1),
            colour.hex(),
            number(width)
        );
    }

    /// One line of text whose em box starts at `top`.
    fn text(&mut self, text: &str, x: f64, top: f64, font: Font, colour: Colour, align: Align) {
        let anchor = match align {
            Align::Left => "",
            Align::Centre => " text-anchor=\"middle\"",
            Align::Right => " text-anchor=\"end\"",
        };
        let weight = if font.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        // The baseline sits 0.8 of a size below the top of the em box.
        let _ = write!(
            self.svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}{anchor} fill=\"{}\">{}</text>",
            number(x),
            number(top + 0.8 * font.size),
            number(font.size),
            colour.hex(),
            escape(text)
        );
    }

    /// Several lines, one under the other; returns the y under the last.
    fn lines(
        &mut self,
        lines: &[String],
        x: f64,
        top: f64,
        font: Font,
        colour: Colour,
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
    fn mark(&mut self, shape: MarkShape, centre: (f64, f64), radius: f64, colour: Colour) {
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
        self.polygon(&points, colour);
    }

    /// An outlined mark with a white middle ("then" in the change chart).
    fn hollow_mark(&mut self, shape: MarkShape, centre: (f64, f64), radius: f64, colour: Colour) {
        self.mark(shape, centre, radius, colour);
        self.mark(shape, centre, radius - 2.5, WHITE_BG);
    }

    /// Title and an optional note under it; returns the y below them.
    fn header(&mut self, title: &str, note: Option<&str>, top: f64) -> Result<f64, ChartError> {
        let title_lines = wrap(title, TITLE, CONTENT_WIDTH, 3)?;
        let mut y = self.lines(&title_lines, MARGIN, top, TITLE, INK, Align::Left);
        if let Some(note) = note {
            y += 2.0;
            let note_lines = wrap(note, LABEL, CONTENT_WIDTH, 3)?;
            y = self.lines(&note_lines, MARGIN, y, LABEL, MUTED, Align::Left);
        }
        Ok(y + 9.0)
    }

    /// The start of a chart of council and VCS values: the title, the note
    /// under it (the caller's, or which side is hidden everywhere) and a
    /// legend of the sides shown, in `legend_words`. Returns the note, which
    /// the alt text repeats, and the y below the legend.
    fn sides_header(
        &mut self,
        words: &Words,
        title: &str,
        given_note: Option<&str>,
        (council_shown, vcs_shown): (bool, bool),
        (council_words, vcs_words): (&str, &str),
    ) -> Result<(Option<String>, f64), ChartError> {
        let note = hidden_sides_note(words, given_note, council_shown, vcs_shown);
        let y = self.header(title, note.as_deref(), MARGIN)?;
        let legend = side_legend(council_shown, vcs_shown, council_words, vcs_words);
        let y = self.legend(&legend, y)?;
        Ok((note, y))
    }

    /// Shades every other row, from the first, across the chart, so that
    /// the eye can follow a row; each row is its top and height.
    fn shade_alternate_rows(&mut self, rows: impl IntoIterator<Item = (f64, f64)>) {
        for (top, height) in rows.into_iter().step_by(2) {
            self.rect(
                (MARGIN, top),
                (WIDTH as f64 - MARGIN, top + height),
                ROW_SHADE,
            );
        }
    }

    /// A section's heading at the left, on two lines at most; returns the y
    /// under it.
    fn heading(&mut self, heading: &str, top: f64) -> Result<f64, ChartError> {
        let lines = wrap(heading, HEADING, CONTENT_WIDTH, 2)?;
        Ok(self.lines(&lines, MARGIN, top, HEADING, INK, Align::Left))
    }

    /// A row's label at the left, centred in the row's height.
    fn row_label(&mut self, label: &[String], top: f64, height: f64) {
        let label_top = centred_top(top, height, label.len(), LABEL);
        self.lines(label, MARGIN + 4.0, label_top, LABEL, INK, Align::Left);
    }

    /// A row of legend entries (mark, then words), wrapping when full.
    fn legend(&mut self, entries: &[LegendEntry], top: f64) -> Result<f64, ChartError> {
        let row_height = 24.0;
        let mut x = MARGIN;
        let mut y = top;
        for entry in entries {
            let width = 20.0 + LABEL.width(&entry.words)?;
            if x > MARGIN && x + width > WIDTH as f64 - MARGIN {
                x = MARGIN;
                y += row_height;
            }
            let centre = (x + 7.0, y + row_height / 2.0);
            if entry.hollow {
                self.hollow_mark(entry.shape, centre, 7.0, entry.colour);
            } else {
                self.mark(entry.shape, centre, 7.0, entry.colour);
            }
            self.text(
                &entry.words,
                x + 19.0,
                y + (row_height - LABEL.size) / 2.0,
                LABEL,
                INK,
                Align::Left,
            );
            x += width + 20.0;
        }
        Ok(y + row_height + 4.0)
    }

    /// The chart, once its height is known.
    fn finish(self, height: f64, title: String, alt_text: String) -> Result<Chart, ChartError> {
        if height > MAX_HEIGHT {
            return Err(ChartError::TooBig(
                "There are too many rows to fit in one readable chart.".to_owned(),
            ));
        }
        let height = height.ceil() as u32;
        let background = format!(
            "<rect width=\"{WIDTH}\" height=\"{height}\" fill=\"{}\"/>",
            WHITE_BG.hex()
        );
        Ok(Chart {
            width: WIDTH,
            height,
            title,
            alt_text,
            drawing: background + &self.svg,
        })
    }
}

struct LegendEntry {
    shape: MarkShape,
    colour: Colour,
    hollow: bool,
    words: String,
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

/// Every value shown for the row `label` is a number on the scale from
/// `min` to `max`; `None` is a value not shown.
fn check_range(
    label: &str,
    values: impl IntoIterator<Item = Option<f64>>,
    (min, max): (f64, f64),
) -> Result<(), ChartError> {
    match values
        .into_iter()
        .flatten()
        .find(|value| !(value.is_finite() && (min..=max).contains(value)))
    {
        Some(value) => Err(ChartError::OutOfRange {
            label: label.to_owned(),
            value,
            min,
            max,
        }),
        None => Ok(()),
    }
}

/// The note under the title: the caller's, or one saying which side is
/// hidden everywhere.
fn hidden_sides_note(
    words: &Words,
    given: Option<&str>,
    council_shown: bool,
    vcs_shown: bool,
) -> Option<String> {
    if let Some(note) = given {
        return Some(note.to_owned());
    }
    hidden_sides(!council_shown, !vcs_shown)
        .map(|sides| text!(words, "chart-hidden-everywhere", sides = sides))
}

/// The hidden sides as the catalogue's notes name them: "council", "vcs"
/// or "both"; `None` when neither is hidden.
pub(super) fn hidden_sides(council_hidden: bool, vcs_hidden: bool) -> Option<&'static str> {
    match (council_hidden, vcs_hidden) {
        (false, false) => None,
        (true, false) => Some("council"),
        (false, true) => Some("vcs"),
        (true, true) => Some("both"),
    }
}

fn side_legend(
    council_shown: bool,
    vcs_shown: bool,
    council_words: &str,
    vcs_words: &str,
) -> Vec<LegendEntry> {
    let mut entries = Vec::new();
    if council_shown {
        entries.push(LegendEntry {
            shape: MarkShape::Circle,
            colour: COUNCIL,
            hollow: false,
            words: council_words.to_owned(),
        });
    }
    if vcs_shown {
        entries.push(LegendEntry {
            shape: MarkShape::Square,
            colour: VCS,
            hollow: false,
            words: vcs_words.to_owned(),
        });
    }
    entries
}

/// A mean as shown: one decimal, halves up.
fn tenths(value: f64) -> String {
    Tenths::of(value).to_string()
}

/// A score as shown: a whole number, halves up.
fn whole(value: f64) -> String {
    Whole::of(value).to_string()
}

/// "Council 4.3", or "Council not shown (too few people answered)".
fn side_words(words: &Words, side: Side, value: Option<f64>, show: fn(f64) -> String) -> String {
    match value {
        Some(value) => text!(
            words,
            "chart-side-value",
            side = words.name(side),
            value = show(value)
        ),
        None => text!(words, "chart-side-hidden", side = words.name(side)),
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
        scene.line((x, top), (x, bottom), 1.0, GRID);
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

const SCALE_1_TO_5: (f64, f64) = (1.0, 5.0);
const TICKS_1_TO_5: [f64; 5] = [1.0, 2.0, 3.0, 4.0, 5.0];
