//! c. Relationship map: the toolkit's concentric circles.

use super::*;

use crate::domain::{Level, RelationshipType};
use crate::label;

/// The relationships on the toolkit's concentric circles.
#[derive(Debug, Clone, PartialEq)]
pub struct MapInput {
    pub title: String,
    pub relationships: Vec<MapEntry>,
    /// The types with no relationship at all.
    pub gaps: Vec<RelationshipType>,
    /// The toolkit's names for the levels, inside out, and for the types
    /// in `RelationshipType::ALL` order.
    pub level_names: [String; 3],
    pub type_names: Vec<String>,
}

impl MapInput {
    fn level_name(&self, level: Level) -> &str {
        &self.level_names[level_index(level)]
    }

    fn type_name(&self, kind: RelationshipType) -> String {
        RelationshipType::ALL
            .iter()
            .position(|k| *k == kind)
            .and_then(|index| self.type_names.get(index))
            .cloned()
            .unwrap_or_else(|| kind.as_str().to_owned())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapEntry {
    pub name: String,
    pub level: Level,
    /// The relationship's main type.
    pub kind: RelationshipType,
}

pub(super) const MAP_RADII: [f64; 3] = [110.0, 200.0, 280.0];
pub(super) const MAP_MARK_RADIUS: f64 = 14.0;
/// Centre-to-centre distance between neighbouring marks on a track.
const MAP_PITCH: f64 = 2.0 * MAP_MARK_RADIUS + 5.0;
/// The rings' fills, inside out: every mark keeps 3:1 contrast on each.
pub(super) const RING_FILLS: [Colour; 3] =
    [WHITE_BG, Colour(0xf7, 0xf7, 0xf7), Colour(0xee, 0xee, 0xee)];

fn level_index(level: Level) -> usize {
    match level {
        Level::Neighbourhood => 0,
        Level::Place => 1,
        Level::System => 2,
    }
}

/// Each type's mark and colour: Okabe–Ito hues, darkened where needed to
/// keep 3:1 contrast on the rings, with white numbers on them.
pub(super) fn type_look(kind: RelationshipType) -> (MarkShape, Colour) {
    match kind {
        RelationshipType::Shaping => (MarkShape::TriangleUp, Colour(0xd5, 0x5e, 0x00)),
        RelationshipType::Ongoing => (MarkShape::Circle, Colour(0x00, 0x72, 0xb2)),
        RelationshipType::Neighbourhood => (MarkShape::Square, Colour(0x00, 0x8a, 0x65)),
        RelationshipType::Commissioning => (MarkShape::Diamond, Colour(0xb8, 0x50, 0x8c)),
        RelationshipType::Delivery => (MarkShape::Hexagon, Colour(0x50, 0x50, 0x50)),
    }
}

/// How far above the centre a ring's name starts, so that the name fits
/// inside the circle's edge.
fn ring_label_depth(radius: f64, label_width: f64) -> f64 {
    let half_chord = label_width / 2.0 + 6.0;
    (radius - 4.0).min((radius * radius - half_chord * half_chord).max(0.0).sqrt())
}

/// The gap left at the top of each ring for its name, as a half-angle.
fn label_gap(track_radius: f64, label_width: f64) -> f64 {
    let half = (label_width / 2.0 + MAP_MARK_RADIUS + 4.0) / track_radius;
    half.min(PI / 3.0)
}

/// Where `count` marks go inside ring `level` (0 = the inner disc), as
/// offsets from the centre; numbered clockwise from the top.
pub(super) fn ring_positions(
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
    let margin = MAP_MARK_RADIUS + 4.0;
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
/// coloured by its main type, with the types, a key and the gaps below.
pub fn relationship_map(input: &MapInput, words: &Words) -> Result<Chart, ChartError> {
    let mut scene = Scene::default();
    let mut y = scene.header(&input.title, None, MARGIN)?;

    let outer = MAP_RADII[2];
    let centre = (WIDTH as f64 / 2.0, y + outer);
    for level in (0..3).rev() {
        scene.circle(centre, MAP_RADII[level], CONNECTOR);
        scene.circle(centre, MAP_RADII[level] - 1.5, RING_FILLS[level]);
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
        // A name wider than most of its ring's top goes on two lines.
        let lines = wrap(
            input.level_name(level),
            LABEL_BOLD,
            MAP_RADII[index] * 1.6,
            2,
        )?;
        let mut label_width: f64 = 0.0;
        for line in &lines {
            label_width = label_width.max(LABEL_BOLD.width(line)?);
        }
        let label_top = centre.1 - ring_label_depth(MAP_RADII[index], label_width);
        scene.lines(&lines, centre.0, label_top, LABEL_BOLD, INK, Align::Centre);
        let entries: Vec<&(usize, &MapEntry)> = numbered
            .iter()
            .filter(|(_, entry)| entry.level == level)
            .collect();
        let positions = ring_positions(index, entries.len(), label_width)?;
        for ((number, entry), (dx, dy)) in entries.into_iter().zip(positions) {
            let (shape, colour) = type_look(entry.kind);
            let at = (centre.0 + dx, centre.1 + dy);
            scene.mark(shape, at, MAP_MARK_RADIUS, colour);
            // Triangles hold their number a little lower, where they are wider.
            let nudge = if shape == MarkShape::TriangleUp {
                2.0
            } else {
                0.0
            };
            let font = Font::new(if *number >= 10 { 13.0 } else { 14.0 }, true);
            scene.text(
                &number.to_string(),
                at.0,
                at.1 - font.size / 2.0 + nudge,
                font,
                WHITE_BG,
                Align::Centre,
            );
        }
    }
    y += 2.0 * outer + 16.0;

    // The five types, under the circles.
    y = scene.heading(&label!(words, "chart-main-type"), y)? + 2.0;
    let entries: Vec<LegendEntry> = RelationshipType::ALL
        .iter()
        .map(|kind| {
            let (shape, colour) = type_look(*kind);
            let name = input.type_name(*kind);
            LegendEntry {
                shape,
                colour,
                hollow: false,
                words: if input.gaps.contains(kind) {
                    label!(words, "chart-type-gap", kind = name)
                } else {
                    name
                },
            }
        })
        .collect();
    y = scene.legend(&entries, y)? + 8.0;

    // The key: number → name, in two columns.
    y = scene.heading(&label!(words, "chart-key"), y)? + 3.0;
    let column_gap = 20.0;
    let column_width = (CONTENT_WIDTH - column_gap) / 2.0;
    let number_width = 28.0;
    let mut entries = Vec::with_capacity(input.relationships.len());
    for (index, entry) in input.relationships.iter().enumerate() {
        entries.push((
            index + 1,
            wrap(&entry.name, LABEL, column_width - number_width, 2)?,
        ));
    }
    if entries.is_empty() {
        scene.text(
            &text!(words, "report-no-relationships"),
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
                    x + number_width - 6.0,
                    y,
                    LABEL_BOLD,
                    INK,
                    Align::Right,
                );
                scene.lines(lines, x + number_width, y, LABEL, INK, Align::Left);
                row_height = row_height.max(block_height(lines.len(), LABEL));
            }
        }
        y += row_height + 3.0;
    }
    y += 7.0;
    let gaps = gaps_sentence(words, input);
    let gap_lines = wrap(&gaps, LABEL_BOLD, CONTENT_WIDTH, 3)?;
    y = scene.lines(&gap_lines, MARGIN, y, LABEL_BOLD, INK, Align::Left);

    let [inner, middle, outer] = &input.level_names;
    let mut alt = vec![
        as_sentence(&input.title),
        text!(
            words,
            "chart-map-about",
            inner = inner.as_str(),
            middle = middle.as_str(),
            outer = outer.as_str()
        ),
    ];
    for level in levels {
        let here: Vec<String> = numbered
            .iter()
            .filter(|(_, entry)| entry.level == level)
            .map(|(number, entry)| {
                text!(
                    words,
                    "chart-map-entry",
                    number = *number,
                    name = entry.name.as_str(),
                    kind = input.type_name(entry.kind)
                )
            })
            .collect();
        let listed = if here.is_empty() {
            label!(words, "chart-none")
        } else {
            here.join("; ")
        };
        alt.push(text!(
            words,
            "chart-map-level",
            level = input.level_name(level),
            relationships = listed
        ));
    }
    alt.push(gaps);
    let title = text!(
        words,
        "chart-map-title",
        title = input.title.trim(),
        inner = inner.as_str(),
        middle = middle.as_str(),
        outer = outer.as_str()
    );
    scene.finish(y + MARGIN, title, alt.join("\n"))
}

pub(super) fn gaps_sentence(words: &Words, input: &MapInput) -> String {
    if input.gaps.is_empty() {
        text!(words, "chart-gaps-none")
    } else {
        let names: Vec<String> = input
            .gaps
            .iter()
            .map(|kind| input.type_name(*kind))
            .collect();
        text!(words, "chart-gaps", types = names.join(", "))
    }
}
