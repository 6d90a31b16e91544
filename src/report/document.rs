//! The report's content, built once from the results and written out as
//! plain text, Markdown or HTML, so the three always say the same thing.

/// One block of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    List(Vec<String>),
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A chart, by file name: a line saying what it shows (its short alt)
    /// and the chart in words (its long description).
    Figure {
        file: String,
        title: String,
        alt_text: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }

    pub fn table(&mut self, headers: &[impl AsRef<str>], rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            let headers = headers.iter().map(|h| h.as_ref().to_owned()).collect();
            self.blocks.push(Block::Table { headers, rows });
        }
    }

    pub fn figure(
        &mut self,
        file: impl Into<String>,
        title: impl Into<String>,
        alt_text: impl Into<String>,
    ) {
        self.blocks.push(Block::Figure {
            file: file.into(),
            title: title.into(),
            alt_text: alt_text.into(),
        });
    }

    /// Plain text, for the terminal: tables padded into columns.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Heading { level, text } => {
                    let rule = if *level <= 1 { '=' } else { '-' };
                    out.push_str(text);
                    out.push('\n');
                    out.extend(std::iter::repeat_n(rule, text.chars().count()));
                }
                Block::Paragraph(text) => out.push_str(text),
                Block::List(items) => {
                    for item in items {
                        out.push_str("  - ");
                        out.push_str(item);
                        out.push('\n');
                    }
                    out.pop();
                }
                Block::Table { headers, rows } => out.push_str(&text_table(headers, rows)),
                Block::Figure {
                    title, alt_text, ..
                } => out.push_str(&format!("{title}\n{alt_text}")),
            }
            out.push_str("\n\n");
        }
        out
    }

    /// GitHub-flavoured Markdown; charts as images beside the file.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Heading { level, text } => {
                    out.push_str(&"#".repeat(usize::from(*level).clamp(1, 6)));
                    out.push(' ');
                    out.push_str(&markdown_escape(text));
                }
                Block::Paragraph(text) => out.push_str(&markdown_escape(text)),
                Block::List(items) => {
                    let lines: Vec<String> = items
                        .iter()
                        .map(|item| format!("- {}", markdown_escape(item)))
                        .collect();
                    out.push_str(&lines.join("\n"));
                }
                Block::Table { headers, rows } => {
                    let cell = |text: &String| {
                        markdown_escape(text).replace('|', "\\|").replace('\n', " ")
                    };
                    out.push_str(&format!(
                        "| {} |\n",
                        headers.iter().map(cell).collect::<Vec<_>>().join(" | ")
                    ));
                    out.push_str(&format!("|{}\n", "---|".repeat(headers.len())));
                    for row in rows {
                        out.push_str(&format!(
                            "| {} |\n",
                            row.iter().map(cell).collect::<Vec<_>>().join(" | ")
                        ));
                    }
                    out.pop();
                }
                Block::Figure {
                    file,
                    title,
                    alt_text,
                } => {
                    // The short alt on the picture, the chart in words under it.
                    let lines: Vec<String> = alt_text.lines().map(markdown_escape).collect();
                    out.push_str(&format!(
                        "![{}]({file})\n\n{}",
                        markdown_escape(title).replace(['[', ']'], ""),
                        lines.join("  \n")
                    ));
                }
            }
            out.push_str("\n\n");
        }
        out
    }
}

fn text_table(headers: &[String], rows: &[Vec<String>]) -> String {
    let columns = headers.len();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (index, cell) in row.iter().enumerate().take(columns) {
            widths[index] = widths[index].max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    let mut lines = vec![line(headers)];
    lines.push(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("  "),
    );
    lines.extend(rows.iter().map(|row| line(row)));
    lines.join("\n")
}

/// Escapes the characters that would change the meaning of report text in
/// Markdown (people's names and action texts are typed freely).
fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '>' | '#' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let mut doc = Document::default();
        doc.heading(1, "Results");
        doc.paragraph("Score 47 / 75.");
        doc.table(
            &["Item", "Mean"],
            vec![
                vec!["Power".to_owned(), "2.5".to_owned()],
                vec!["Senior leadership".to_owned(), "4.0".to_owned()],
            ],
        );
        doc.list(vec!["First".to_owned()]);
        doc
    }

    #[test]
    fn text_tables_line_up() {
        let text = sample().to_text();
        assert!(text.starts_with("Results\n=======\n\nScore 47 / 75.\n\n"));
        assert!(text.contains("Item               Mean\n-----------------  ----\nPower              2.5\nSenior leadership  4.0"));
        assert!(text.contains("  - First"));
    }

    #[test]
    fn markdown_tables_escape_pipes_and_emphasis() {
        let mut doc = sample();
        doc.table(&["Text"], vec![vec!["a | b *c*".to_owned()]]);
        let markdown = doc.to_markdown();
        assert!(markdown.contains("| Item | Mean |\n|---|---|\n| Power | 2.5 |"));
        assert!(markdown.contains("| a \\| b \\*c\\* |"));
        assert!(markdown.starts_with("# Results\n\n"));
    }

    #[test]
    fn empty_tables_and_lists_are_left_out() {
        let mut doc = Document::default();
        doc.table(&["A"], Vec::new());
        doc.list(Vec::new());
        assert!(doc.blocks.is_empty());
    }
}
