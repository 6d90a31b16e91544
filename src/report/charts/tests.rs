use super::change::{SCALE_0_TO_75, Shown, movement_words};
use super::divergence::{LABEL_COLUMN, ROW_MIN_HEIGHT, ROW_PADDING};
use super::map::{
    MAP_MARK_RADIUS, MAP_RADII, RING_FILLS, gaps_sentence, ring_positions, type_look,
};
use super::*;
use crate::domain::{Language, Level, RelationshipType};
use crate::prompts::Catalogue;

fn words() -> Words<'static> {
    Catalogue::shipped().words(Language::English)
}

/// The toolkit's names for the levels (inside out) and types.
fn map_names() -> ([String; 3], Vec<String>) {
    let toolkit = crate::domain::Toolkit::embedded().unwrap();
    let level = |level: Level| toolkit.level_info(level).unwrap().name.clone();
    (
        [
            level(Level::Neighbourhood),
            level(Level::Place),
            level(Level::System),
        ],
        crate::report::phrases::type_names(&toolkit, RelationshipType::ALL),
    )
}

fn divergence_sample() -> DivergenceInput {
    DivergenceInput {
        title: "Assessment one: where council and VCS views differ".to_owned(),
        rows: vec![
            DivergenceRow {
                label: "Better understanding of the needs of local communities, especially those seldom heard".to_owned(),
                council: Some(4.2),
                vcs: Some(2.1),
                verdict: Some("Far apart".to_owned()),
            },
            DivergenceRow {
                label: "Shared use of data".to_owned(),
                council: Some(2.0),
                vcs: Some(2.8),
                verdict: Some("Some difference".to_owned()),
            },
            DivergenceRow {
                label: "Joint bids for funding".to_owned(),
                council: Some(3.5),
                vcs: Some(3.5),
                verdict: Some("Close together".to_owned()),
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
    input.hidden_note = Some("VCS: too few people answered to show".to_owned());
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
        level_names: map_names().0,
        type_names: map_names().1,
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
                name: format!("{} relationship {}", level.as_str(), index + 1),
                level,
                kind: RelationshipType::ALL[index % 5],
            });
        }
    }
    MapInput {
        title: "A crowded map".to_owned(),
        relationships,
        gaps: Vec::new(),
        level_names: map_names().0,
        type_names: map_names().1,
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
    image: tiny_skia::Pixmap,
}

fn sample(name: &'static str, chart: Result<Chart, ChartError>) -> Sample {
    let chart = chart.unwrap();
    let image = tiny_skia::Pixmap::decode_png(&chart.png().unwrap()).unwrap();
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
            sample(
                "divergence",
                divergence_chart(&divergence_sample(), &words()),
            ),
            sample(
                "divergence_council_only",
                divergence_chart(&council_only(divergence_sample()), &words()),
            ),
            sample("profile", profile_chart(&profile_sample(), &words())),
            sample(
                "profile_council_only",
                profile_chart(&profile_council_only, &words()),
            ),
            sample("map", relationship_map(&map_sample(), &words())),
            sample("change", change_chart(&change_sample(), &words())),
            sample(
                "change_council_only",
                change_chart(&change_council_only, &words()),
            ),
        ]
    })
}

fn named(name: &str) -> &'static Sample {
    samples().iter().find(|sample| sample.name == name).unwrap()
}

fn rgb(pixel: &tiny_skia::PremultipliedColorU8) -> [u8; 3] {
    [pixel.red(), pixel.green(), pixel.blue()]
}

fn near(pixel: &tiny_skia::PremultipliedColorU8, colour: Colour) -> bool {
    let [r, g, b] = rgb(pixel);
    r.abs_diff(colour.0) as u32 + g.abs_diff(colour.1) as u32 + b.abs_diff(colour.2) as u32 <= 60
}

fn count_near(image: &tiny_skia::Pixmap, colour: Colour) -> usize {
    image
        .pixels()
        .iter()
        .filter(|pixel| near(pixel, colour))
        .count()
}

#[test]
fn every_chart_is_a_png_of_its_stated_size_with_text_and_colour() {
    for Sample { name, chart, image } in samples() {
        assert_eq!((image.width(), image.height()), chart.png_size(), "{name}");
        assert_eq!(image.width(), 1200, "{name}");
        let distinct: std::collections::HashSet<[u8; 3]> = image.pixels().iter().map(rgb).collect();
        assert!(
            distinct.len() > 100,
            "{name} has only {} colours",
            distinct.len()
        );
        // Only text is drawn in near-black ink.
        let ink = image
            .pixels()
            .iter()
            .filter(|pixel| rgb(pixel).iter().all(|channel| *channel < 90))
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
                .contains("VCS: too few people answered to show."),
            "{}",
            hidden.chart.alt_text
        );
    }
    assert!(
        named("divergence_council_only")
            .chart
            .alt_text
            .contains("Shared use of data: Council 2.0, VCS not shown (too few people answered).")
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
        .contains("Better understanding of the needs of local communities, especially those seldom heard: Council 4.2, VCS 2.1. The council rates it 2.1 points higher than the VCS. Far apart."));
    assert!(
        divergence
            .alt_text
            .contains("Volunteering: Council 3.0, VCS not shown (too few people answered).")
    );

    let profile = profile_sample();
    for row in profile.principles.iter().chain(&profile.axes) {
        assert!(profile_chart.alt_text.contains(&row.label), "{}", row.label);
    }
    assert!(
        profile_chart
            .alt_text
            .contains("Relational culture: Council 9, VCS 12.")
    );

    for entry in map_sample().relationships {
        assert!(map.alt_text.contains(&entry.name), "{}", entry.name);
    }
    assert!(map.alt_text.contains(
        "Neighbourhood level: 2. Community hubs network (Neighbourhood relationships); 5. Warm spaces (Ongoing relationships)."
    ));
    assert!(map.alt_text.ends_with("Gaps: Delivery relationships."));

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
        "Health and wellbeing board: Council 32 then, 46 now (up 14); VCS 40 then, 28 now (down 12)."
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
        divergence_chart(&divergence_sample(), &words()).unwrap(),
        named("divergence").chart
    );
    assert_eq!(
        relationship_map(&map_sample(), &words()).unwrap(),
        named("map").chart
    );
}

#[test]
fn the_divergence_chart_grows_with_its_rows() {
    let mut longer = divergence_sample();
    longer.rows.extend(divergence_sample().rows);
    let chart = divergence_chart(&longer, &words()).unwrap();
    // Four more rows, each as tall as its label or its verdict (the widest
    // verdict sets that column at its most, 110) with padding, or the
    // least height.
    let words = words();
    let added: f64 = divergence_sample()
        .rows
        .iter()
        .map(|row| {
            let label = wrap(&row.label, LABEL, LABEL_COLUMN, 3).unwrap().len();
            let verdict = row
                .verdict
                .clone()
                .unwrap_or_else(|| text!(words, "chart-vcs-hidden"));
            let verdict = wrap(&verdict, LABEL_BOLD, 110.0, 2).unwrap().len();
            (block_height(label.max(verdict), LABEL) + ROW_PADDING).max(ROW_MIN_HEIGHT)
        })
        .sum();
    assert_eq!(
        chart.height,
        named("divergence").chart.height + added as u32
    );
}

#[test]
fn charts_refuse_values_off_the_scale_and_empty_input() {
    let mut bad = divergence_sample();
    bad.rows[1].council = Some(5.5);
    assert_eq!(
        divergence_chart(&bad, &words()).unwrap_err(),
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
        profile_chart(&not_a_number, &words()),
        Err(ChartError::OutOfRange { .. })
    ));
    let mut over = change_sample();
    over.rows[0].vcs_now = Some(76.0);
    assert!(matches!(
        change_chart(&over, &words()),
        Err(ChartError::OutOfRange { .. })
    ));

    let empty = DivergenceInput {
        title: "Nothing".to_owned(),
        rows: Vec::new(),
        hidden_note: None,
    };
    assert_eq!(
        divergence_chart(&empty, &words()).unwrap_err().to_string(),
        "There is nothing to chart yet: no items have results. Reveal some results first."
    );
}

#[test]
fn too_many_rows_are_refused_with_a_pointer_to_the_text_report() {
    let mut huge = divergence_sample();
    let row = huge.rows[1].clone();
    huge.rows = vec![row; 200];
    let error = divergence_chart(&huge, &words()).unwrap_err();
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
        level_names: map_names().0,
        type_names: map_names().1,
    };
    let chart = relationship_map(&input, &words()).unwrap();
    assert!(chart.alt_text.ends_with(
        "System level: none.\nGaps: Shaping relationships, Ongoing relationships, Neighbourhood relationships, Commissioning relationships, Delivery relationships."
    ));
}

#[test]
fn map_marks_stay_inside_their_ring_without_touching() {
    for (level, count) in [(0, 1), (0, 2), (0, 12), (1, 3), (1, 20), (2, 30), (2, 60)] {
        let label_width = 120.0;
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
    assert_eq!(ring_positions(0, 1, 120.0).unwrap(), vec![(0.0, 0.0)]);
    assert!(matches!(
        ring_positions(0, 40, 120.0),
        Err(ChartError::TooBig(_))
    ));
}

#[test]
fn numbers_are_rounded_halves_up_and_moves_agree_with_them() {
    let words = words();
    assert_eq!(whole(32.5), "33");
    assert_eq!(whole(45.49), "45");
    assert_eq!(tenths(2.25), "2.3");
    assert_eq!(movement_words(&words, 32.4, 45.5, Shown::Whole), "up 14");
    assert_eq!(
        movement_words(&words, 50.0, 50.2, Shown::Whole),
        "no change"
    );
    assert_eq!(movement_words(&words, 4.0, 2.9, Shown::Tenths), "down 1.1");
    assert_eq!(scale_x(3.0, SCALE_1_TO_5, (100.0, 500.0)), 300.0);
    assert_eq!(scale_x(45.0, SCALE_0_TO_75, (0.0, 750.0)), 450.0);
}

#[test]
fn gaps_are_listed_in_a_sentence() {
    let words = words();
    let mut input = map_sample();
    input.gaps = vec![RelationshipType::Commissioning, RelationshipType::Delivery];
    assert_eq!(
        gaps_sentence(&words, &input),
        "Gaps: Commissioning relationships, Delivery relationships."
    );
    input.gaps = Vec::new();
    assert_eq!(
        gaps_sentence(&words, &input),
        "Gaps: none. Every type has at least one relationship."
    );
}

#[test]
fn long_text_wraps_within_its_width_and_is_cut_with_an_ellipsis() {
    let text =
        "Better understanding of the needs of local communities, especially those seldom heard";
    let lines = wrap(text, LABEL, 150.0, 2).unwrap();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].ends_with('…'));
    for line in &lines {
        assert!(LABEL.width(line).unwrap() <= 150.0, "{line}");
    }
    let all = wrap(text, LABEL, 150.0, 20).unwrap();
    assert_eq!(all.join(" "), text);
    let one_long_word = wrap(&"x".repeat(60), LABEL, 150.0, 5).unwrap();
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
            divergence_chart(&divergence_sample(), &words()).unwrap(),
        ),
        (
            "divergence_council_only",
            divergence_chart(&council_only(divergence_sample()), &words()).unwrap(),
        ),
        (
            "profile",
            profile_chart(&profile_sample(), &words()).unwrap(),
        ),
        ("map", relationship_map(&map_sample(), &words()).unwrap()),
        ("change", change_chart(&change_sample(), &words()).unwrap()),
        (
            "map_crowded",
            relationship_map(&crowded_map(), &words()).unwrap(),
        ),
        (
            "divergence_long_text",
            divergence_chart(&long_text(), &words()).unwrap(),
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
        std::fs::write(format!("{dir}/{name}.png"), chart.png().unwrap()).unwrap();
        std::fs::write(format!("{dir}/{name}.svg"), chart.svg()).unwrap();
        std::fs::write(format!("{dir}/{name}.txt"), &chart.alt_text).unwrap();
    }
}

#[test]
fn every_chart_is_an_accessible_svg_that_parses() {
    for Sample { name, chart, .. } in samples() {
        let svg = chart.svg();
        usvg::Tree::from_str(&svg, &svg_options()).unwrap();
        assert!(
            svg.contains("role=\"img\" aria-labelledby=\"chart-title\""),
            "{name}"
        );
        assert!(
            svg.contains(&format!(
                "<title id=\"chart-title\">{}</title>",
                escape(&chart.title)
            )),
            "{name}"
        );
        assert!(
            svg.contains(&format!(
                "<desc id=\"chart-desc\">{}</desc>",
                escape(&chart.alt_text)
            )),
            "{name}"
        );
        assert_ne!(chart.title, chart.alt_text, "{name}");
        assert!(!chart.title.contains('\n'), "{name}");
        assert!(svg.contains(&format!("viewBox=\"0 0 {} {}\"", chart.width, chart.height)));
        // Readable on a phone: no text smaller than 13 units in 600.
        for size in svg.split("font-size=\"").skip(1) {
            let size: f64 = size.split('"').next().unwrap().parse().unwrap();
            assert!(size >= 13.0, "{name}: {size}");
        }
    }
}

#[test]
fn text_typed_by_people_is_escaped() {
    let mut input = divergence_sample();
    input.title = "Board <script>alert(1)</script> & \"friends\"".to_owned();
    input.rows[0].label = "Tom & Jerry's <b>".to_owned();
    let chart = divergence_chart(&input, &words()).unwrap();
    let svg = chart.svg();
    assert!(!svg.contains("<script>") && !svg.contains("<b>"));
    assert!(svg.contains("Board &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;"));
    assert!(svg.contains("Tom &amp; Jerry&#39;s &lt;b&gt;"));
    let tree = usvg::Tree::from_str(&svg, &svg_options()).unwrap();
    assert_eq!(tree.size().width(), WIDTH as f32);
    let png = tiny_skia::Pixmap::decode_png(&chart.png().unwrap()).unwrap();
    assert_eq!((png.width(), png.height()), chart.png_size());
}

#[test]
fn the_shipped_font_has_welsh_letters_and_is_the_only_one() {
    let options = svg_options();
    assert_eq!(options.fontdb.len(), 2);
    for face in options.fontdb.faces() {
        assert_eq!(face.families[0].0, FONT_FAMILY);
        options.fontdb.with_face_data(face.id, |data, index| {
            let face = ttf_parser::Face::parse(data, index).unwrap();
            for letter in "ŵŷâêîôûŴŶÂáéíóúẃỳẁäëïöü".chars() {
                assert!(face.glyph_index(letter).is_some(), "{letter}");
            }
        });
    }
}

/// WCAG 2.2's contrast ratio of two colours.
fn contrast(a: Colour, b: Colour) -> f64 {
    let luminance = |colour: Colour| {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(colour.0) + 0.7152 * linear(colour.1) + 0.0722 * linear(colour.2)
    };
    let (light, dark) = {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb), la.min(lb))
    };
    (light + 0.05) / (dark + 0.05)
}

#[test]
fn every_colour_that_carries_meaning_keeps_3_to_1_contrast_with_its_background() {
    assert!(
        contrast(Colour(0xe6, 0x9f, 0x00), WHITE_BG) < 3.0,
        "the old orange"
    );
    for side in [COUNCIL, VCS] {
        for background in [WHITE_BG, ROW_SHADE] {
            assert!(
                contrast(side, background) >= 3.0,
                "{side:?} on {background:?}"
            );
        }
    }
    for kind in RelationshipType::ALL {
        let (_, colour) = type_look(*kind);
        for background in RING_FILLS.into_iter().chain([WHITE_BG]) {
            assert!(
                contrast(colour, background) >= 3.0,
                "{kind:?} on {background:?}"
            );
        }
        // The number on the mark is white, bold and large.
        assert!(contrast(colour, WHITE_BG) >= 3.0, "{kind:?}");
    }
    for text in [INK, MUTED] {
        for background in RING_FILLS.into_iter().chain([ROW_SHADE]) {
            assert!(
                contrast(text, background) >= 4.5,
                "{text:?} on {background:?}"
            );
        }
    }
    // Each type has its own shape, so colour never carries the meaning alone.
    let shapes: std::collections::HashSet<_> = RelationshipType::ALL
        .iter()
        .map(|kind| format!("{:?}", type_look(*kind).0))
        .collect();
    assert_eq!(shapes.len(), RelationshipType::ALL.len());
}
