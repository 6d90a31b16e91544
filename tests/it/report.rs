//! The reports of the demo partnership: every format renders, the HTML page
//! is well formed and self-contained, and nothing is left out.

use std::sync::Arc;

use common_ground::db::Db;
use common_ground::domain::Toolkit;
use common_ground::report::{self, Format, ReportFiles};
use common_ground::service::{Clock, ResultsScope, Service};

pub(super) async fn demo_service() -> (Service, common_ground::domain::Workshop) {
    let db = Db::connect("sqlite::memory:").await.unwrap();
    let service = Service::new(db, Arc::new(Toolkit::embedded().unwrap()), Clock::System);
    let workshop =
        common_ground::demo::build(&service, common_ground::domain::WorkshopLanguage::English)
            .await
            .unwrap();
    (service, workshop)
}

/// The report in `format` of what has been revealed.
pub(super) async fn revealed_report(
    service: &Service,
    workshop: &common_ground::domain::Workshop,
    format: Format,
) -> ReportFiles {
    let catalogue = crate::support::shipped_catalogue();
    report::build(
        service,
        &catalogue,
        workshop,
        ResultsScope::Revealed,
        format,
    )
    .await
    .unwrap()
}

/// Checks that every element opened is closed in order (void elements
/// excepted): enough to catch a broken page.
fn assert_well_formed(html: &str) {
    const VOID: [&str; 5] = ["meta", "img", "br", "hr", "link"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("every tag is closed") + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        // Comments, doctypes and self-closed SVG elements open nothing.
        if tag.starts_with('!') || tag.ends_with('/') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if let Some(closing) = tag.strip_prefix('/') {
            let expected = open
                .pop()
                .unwrap_or_else(|| panic!("</{closing}> closes nothing"));
            assert_eq!(expected, name, "</{name}> closes <{expected}>");
        } else if !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

#[tokio::test]
async fn the_html_report_is_self_contained_and_complete() {
    let (service, workshop) = demo_service().await;
    let files = revealed_report(&service, &workshop, Format::Html).await;
    let html = String::from_utf8(files.main).unwrap();
    assert_well_formed(&html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("src=\"http"),
        "no picture is fetched from the network"
    );
    assert!(
        html.matches("<figure><svg ").count() >= 8,
        "charts are inline SVG"
    );
    assert!(!html.contains("base64"), "no picture is embedded as a PNG");
    assert!(
        html.len() <= 400_000,
        "the demo's page is {} bytes, over 400 KB",
        html.len()
    );
    assert!(html.contains("Change since"));

    let results = service
        .results(&workshop, ResultsScope::Revealed)
        .await
        .unwrap();
    let escape = common_ground::report::html::escape;
    for item in &results.benefits.as_ref().unwrap().items {
        assert!(
            html.contains(&escape(&item.short)),
            "{} is missing",
            item.short
        );
    }
    for relationship in results
        .relationships
        .iter()
        .filter_map(|r| r.strategic.as_ref())
    {
        for item in &relationship.round.items {
            assert!(
                html.contains(&escape(&item.short)),
                "{} is missing",
                item.short
            );
        }
    }
    for action in &results.actions {
        assert!(
            html.contains(&escape(&action.action.text)),
            "{} is missing",
            action.action.text
        );
    }
    // Every chart has a short alt (its SVG title) and, beside it, a longer
    // caption with its figures.
    for figure in html.split("<figure>").skip(1) {
        let between = |start: &str, end: &str| {
            let after = &figure[figure.find(start).unwrap() + start.len()..];
            after[after.find('>').unwrap() + 1..]
                .split(end)
                .next()
                .unwrap()
                .to_owned()
        };
        let alt = between("<title", "</title>");
        let caption = between("<figcaption", "</figcaption>");
        assert!(figure.contains("role=\"img\" aria-labelledby="));
        assert!(alt.len() > 20, "{alt}");
        assert!(caption.len() > alt.len(), "{caption}");
        assert_ne!(alt, caption);
    }
}

#[tokio::test]
async fn markdown_comes_with_its_charts_and_every_format_renders() {
    let (service, workshop) = demo_service().await;
    let markdown = revealed_report(&service, &workshop, Format::Markdown).await;
    let text = String::from_utf8(markdown.main).unwrap();
    assert!(!markdown.attachments.is_empty());
    for chart in &markdown.attachments {
        let name = &chart.name;
        assert!(text.contains(&format!("]({name})")), "{name} is referenced");
        let image = resvg::tiny_skia::Pixmap::decode_png(&chart.bytes).unwrap();
        assert_eq!(image.width(), 1200);
        assert!(chart.description.len() > 20, "{name} has alt text");
    }
    for format in [Format::Text, Format::Csv, Format::Json] {
        let files = revealed_report(&service, &workshop, format).await;
        assert!(files.main.len() > 1000, "{format:?} is not empty");
        assert!(files.attachments.is_empty());
    }
    let csv = revealed_report(&service, &workshop, Format::Csv).await;
    let csv = String::from_utf8(csv.main).unwrap();
    // Nine benefits and three relationships of fifteen items, plus five
    // relationships of five questions, four groups each, and the header.
    assert_eq!(csv.lines().count(), 1 + 4 * (9 + 3 * 15 + 5 * 5));
}

#[tokio::test]
async fn the_json_report_says_how_sure_each_difference_is() {
    let (service, workshop) = demo_service().await;
    let files = revealed_report(&service, &workshop, Format::Json).await;
    let json: serde_json::Value = serde_json::from_slice(&files.main).unwrap();
    let mut items: Vec<&serde_json::Value> =
        json["benefits"].as_object().unwrap().values().collect();
    for relationship in json["relationships"].as_array().unwrap() {
        for part in ["questions", "items"] {
            if let Some(map) = relationship[part].as_object() {
                items.extend(map.values());
            }
        }
        let cases = relationship["case_by_side"].as_object().unwrap();
        for side in ["council", "vcs"] {
            let shown = !relationship["score"].is_null() && !relationship["score"][side].is_null();
            assert_eq!(!cases[side].is_null(), shown, "{side}: {relationship}");
        }
    }
    let mut compared = 0;
    for item in items {
        let both_shown = !item["groups"]["council"].is_null() && !item["groups"]["vcs"].is_null();
        for key in ["effect", "p_value", "q_value"] {
            assert!(item.get(key).is_some(), "{key} is missing from {item}");
            assert_eq!(!item[key].is_null(), both_shown, "{key} in {item}");
        }
        if both_shown {
            compared += 1;
            let delta = item["effect"]["cliffs_delta"].as_f64().unwrap();
            assert!((-1.0..=1.0).contains(&delta));
            assert!(item["effect"]["magnitude"].is_string());
            let (p, q) = (
                item["p_value"].as_f64().unwrap(),
                item["q_value"].as_f64().unwrap(),
            );
            assert!(0.0 < p && p <= q && q <= 1.0, "p {p}, q {q}");
        }
    }
    assert!(compared > 0, "the demo compares the sides somewhere");
    let actions = json["actions"].as_array().unwrap();
    assert!(!actions.is_empty());
    let k = json["workshop"]["anonymity_threshold"].as_u64().unwrap();
    for action in actions {
        assert!(action["agreed_by_both_sides"].is_boolean(), "{action}");
        // A side's counts are shown together, and only with at least k responses.
        for side in ["council", "vcs", "other"] {
            let (agree, object) = (&action["agree"][side], &action["object"][side]);
            assert_eq!(agree.is_null(), object.is_null(), "{side}: {action}");
            if let (Some(agree), Some(object)) = (agree.as_u64(), object.as_u64()) {
                assert!(agree + object >= k, "{side} shown below k: {action}");
            }
        }
    }
}
