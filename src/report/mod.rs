//! Reports of a workshop's results: text, Markdown, CSV, JSON and HTML, and
//! the charts that go with them.

pub mod charts;
pub mod content;
mod csv;
pub mod document;
pub mod figures;
pub mod html;
mod json;
mod markup;
pub mod phrases;

use std::cell::OnceCell;
use std::sync::Arc;

use crate::domain::{ActionPlan, Toolkit, Workshop, WorkshopResults, compile_plan};
use crate::prompts::{Catalogue, Words};
use crate::service::{ResultsScope, Service, ServiceError};

/// Everything a report is made from.
pub struct ReportInput<'a> {
    pub toolkit: &'a Toolkit,
    pub results: &'a WorkshopResults,
    pub plan: &'a ActionPlan,
    /// The results of the workshop this one re-runs, for change over time.
    pub previous: Option<&'a WorkshopResults>,
    /// The catalogue in the report's language: every word the report shows.
    pub words: Words<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Csv,
    Json,
    Html,
}

impl Format {
    /// Every format, in the order the demo writes them.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Markdown,
        Format::Csv,
        Format::Json,
        Format::Html,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// A rendered report: the main file and, for Markdown, the charts beside it.
#[derive(Debug, Clone, Default)]
pub struct ReportFiles {
    pub main: Vec<u8>,
    pub attachments: Vec<Attachment>,
}

/// A chart as a PNG file, with its alt text.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
    /// What the picture shows, in words, for people who cannot see it.
    pub description: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("The CSV report could not be written: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("The JSON report could not be written: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Chart(#[from] charts::ChartError),
    #[error("The report could not be drawn: {0}")]
    Rendering(#[from] tokio::task::JoinError),
}

/// Renders each of `formats` from results already computed, drawing the
/// charts once for all of them.
pub fn render_each(
    input: &ReportInput,
    formats: &[Format],
) -> Result<Vec<ReportFiles>, ReportError> {
    let with_figures = |format: &Format| matches!(format, Format::Markdown | Format::Html);
    let figures = if formats.iter().any(with_figures) {
        figures::draw_all(input)
    } else {
        Vec::new()
    };
    // Each document is built the first time a format needs it.
    let (illustrated, plain) = (OnceCell::new(), OnceCell::new());
    formats
        .iter()
        .map(|&format| {
            let doc = || {
                if with_figures(&format) {
                    illustrated.get_or_init(|| content::build(input, &figures))
                } else {
                    plain.get_or_init(|| content::build(input, &[]))
                }
            };
            let main = match format {
                Format::Text => doc().to_text(),
                Format::Markdown => doc().to_markdown(),
                Format::Csv => csv::render(input)?,
                Format::Json => json::render(input)?,
                Format::Html => html::render(
                    &input.words,
                    &input.results.workshop.settings.title,
                    doc(),
                    &figures,
                ),
            };
            let attachments = if format == Format::Markdown {
                figures
                    .iter()
                    .map(|f| {
                        Ok(Attachment {
                            bytes: f.chart.png()?,
                            name: f.file_name.clone(),
                            description: f.chart.alt_text.clone(),
                        })
                    })
                    .collect::<Result<_, charts::ChartError>>()?
            } else {
                Vec::new()
            };
            Ok(ReportFiles {
                main: main.into_bytes(),
                attachments,
            })
        })
        .collect()
}

/// Computes a workshop's results, then renders the report from them (see
/// [`build_from`]).
pub async fn build(
    service: &Service,
    catalogue: &Arc<Catalogue>,
    workshop: &Workshop,
    scope: ResultsScope,
    format: Format,
) -> Result<ReportFiles, ReportError> {
    let results = service.results(workshop, scope).await?;
    let mut files = build_from(service, catalogue, results, scope, &[format]).await?;
    Ok(files.remove(0))
}

/// Renders each of `formats` from results already computed, with the plan
/// compiled from them and the previous run's results, in the workshop's
/// language, on a blocking thread, so that drawing charts never holds up
/// the async runtime (a vote's confirmation, say). The files come in the
/// order of `formats`.
pub async fn build_from(
    service: &Service,
    catalogue: &Arc<Catalogue>,
    results: WorkshopResults,
    scope: ResultsScope,
    formats: &[Format],
) -> Result<Vec<ReportFiles>, ReportError> {
    let previous = service.previous_results(&results.workshop, scope).await?;
    let service = service.clone();
    let catalogue = Arc::clone(catalogue);
    let formats = formats.to_vec();
    tokio::task::spawn_blocking(move || {
        let toolkit = service.toolkit_for(&results.workshop);
        let plan = compile_plan(toolkit, &results);
        let input = ReportInput {
            toolkit,
            results: &results,
            plan: &plan,
            previous: previous.as_ref(),
            words: catalogue.words(results.workshop.settings.language),
        };
        render_each(&input, &formats)
    })
    .await?
}
