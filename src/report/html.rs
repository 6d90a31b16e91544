//! One self-contained HTML file: charts inline, no network, prints cleanly
//! to PDF from a browser.

use crate::prompts::Words;

use super::document::{Block, Document};
use super::figures::Figure;
pub use super::markup::escape;

/// On a screen: one column that reads on a phone, wide tables scrolling in
/// their own box. On paper: A4, smaller type, no chart or table row split
/// across pages, headings kept with what follows.
const STYLE: &str = "*,*::before,*::after{box-sizing:border-box}\
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fff;line-height:1.5;overflow-wrap:break-word}\
h1{font-size:1.8rem;line-height:1.2}h2{margin-top:2.5rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem;line-height:1.25}h3{margin-top:1.5rem;line-height:1.25}\
.table-box{overflow-x:auto;margin:1rem 0}.table-box:focus-visible{outline:3px solid #0072B2;outline-offset:2px}\
table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef3f8}tr:nth-child(even) td{background:#fafafa}\
figure{margin:1.5rem 0}figure svg{display:block;width:100%;max-width:42rem;height:auto;border:1px solid #ddd}\
figcaption{font-size:.95rem;color:#333;margin-top:.4rem}summary{cursor:pointer;color:#00578a;text-decoration:underline}figcaption p{margin:.3rem 0}\
@media (max-width:40rem){body{padding:.6rem}h1{font-size:1.5rem}table{font-size:.85rem}th,td{padding:.25rem .35rem;max-width:13rem}.table-box table{width:max-content}}\
@page{size:A4;margin:10mm 10mm 12mm}\
@media print{body{max-width:none;padding:0;font-size:9pt;line-height:1.3}h1{font-size:15pt;margin:0 0 .5rem}h2{font-size:12.5pt;margin:1rem 0 .4rem}h3{font-size:10.5pt;margin:.8rem 0 .3rem}\
h1,h2,h3{break-after:avoid}p,li{orphans:3;widows:3}.table-box{overflow:visible;margin:.5rem 0}table{font-size:7.5pt;line-height:1.2}th,td{padding:.1rem .25rem}\
tr,figure{break-inside:avoid}figure{margin:.6rem 0}figure svg{width:90mm;max-width:100%;height:auto;margin:0 auto;border:0}figcaption{display:none}}";

/// The page: `words` gives the labels the page adds around the report's
/// own text (a table's name, the chart-in-words switch).
pub fn render(words: &Words, title: &str, doc: &Document, figures: &[Figure]) -> String {
    let mut body = String::new();
    let mut last_heading = title.to_owned();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let level = level.clamp(&1, &6);
                body.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
                last_heading = text.clone();
            }
            Block::Paragraph(text) => body.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::List(items) => {
                body.push_str("<ul>\n");
                for item in items {
                    body.push_str(&format!("<li>{}</li>\n", escape(item)));
                }
                body.push_str("</ul>\n");
            }
            Block::Table { headers, rows } => {
                // A table wider than a phone scrolls in its own box, which
                // the keyboard can reach and a screen reader can name.
                let name =
                    crate::label!(words, "report-table-name", heading = last_heading.as_str());
                body.push_str(&format!(
                    "<div class=\"table-box\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n<table>\n<thead><tr>",
                    escape(&name)
                ));
                for header in headers {
                    body.push_str(&format!("<th scope=\"col\">{}</th>", escape(header)));
                }
                body.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    body.push_str("<tr>");
                    for cell in row {
                        body.push_str(&format!("<td>{}</td>", escape(cell)));
                    }
                    body.push_str("</tr>\n");
                }
                body.push_str("</tbody>\n</table>\n</div>\n");
            }
            Block::Figure { file, alt_text, .. } => {
                // The SVG's <title> is the short alt; the caption, folded
                // away until asked for, gives the chart in words.
                if let Some(figure) = figures.iter().find(|f| &f.file_name == file) {
                    let lines: String = alt_text
                        .lines()
                        .map(|line| format!("<p>{}</p>", escape(line)))
                        .collect();
                    body.push_str(&format!(
                        "<figure>{}<figcaption id=\"{}-words\"><details><summary>{}</summary>{lines}</details></figcaption></figure>\n",
                        figure.chart.svg_in_page(&figure.key),
                        figure.key,
                        escape(&crate::label!(words, "report-chart-in-words")),
                    ));
                }
            }
        }
    }
    // A bilingual page leads with Welsh, so Welsh is its language.
    let lang = words.language().languages()[0].tag();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<b>\"Tom & Jerry's\"</b>"),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn a_document_becomes_a_page_with_no_outside_links() {
        let mut doc = Document::default();
        doc.heading(1, "Results <draft>");
        doc.table(&["Item"], vec![vec!["Power".to_owned()]]);
        let catalogue = crate::prompts::Catalogue::shipped();
        let page = render(
            &catalogue.words(crate::domain::Language::English),
            "Results",
            &doc,
            &[],
        );
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<h1>Results &lt;draft&gt;</h1>"));
        assert!(page.contains("<td>Power</td>"));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }
}
