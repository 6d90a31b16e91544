//! One self-contained HTML file: charts inline, no network, prints cleanly
//! to PDF from a browser.

use super::document::{Block, Document};
use super::figures::Figure;
pub use super::markup::escape;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}\
h1{font-size:1.8rem}h2{margin-top:2.5rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem}h3{margin-top:1.5rem}\
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef3f8}tr:nth-child(even) td{background:#fafafa}figure{margin:1.5rem 0}figure svg{display:block;max-width:100%;height:auto;border:1px solid #ddd}\
figcaption{font-size:.9rem;color:#333;margin-top:.4rem}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,table{break-inside:avoid}}";

pub fn render(title: &str, doc: &Document, figures: &[Figure]) -> String {
    let mut body = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let level = level.clamp(&1, &6);
                body.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
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
                body.push_str("<table>\n<thead><tr>");
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
                body.push_str("</tbody>\n</table>\n");
            }
            Block::Figure { file, alt_text } => {
                // The SVG inline: its <title> is the short alt, and the
                // caption gives every figure in words.
                if let Some(figure) = figures.iter().find(|f| &f.file_name == file) {
                    body.push_str(&format!(
                        "<figure>{}<figcaption>{}</figcaption></figure>\n",
                        figure.chart.svg_with_id(&figure.key),
                        escape(alt_text).replace('\n', "<br>")
                    ));
                }
            }
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
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
        let page = render("Results", &doc, &[]);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<h1>Results &lt;draft&gt;</h1>"));
        assert!(page.contains("<td>Power</td>"));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }
}
