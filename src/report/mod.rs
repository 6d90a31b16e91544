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

use crate::domain::{ActionPlan, Toolkit, Workshop, WorkshopResults};
use crate::prompts::Words;
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

/// Renders a report from results already computed.
pub fn render(input: &ReportInput, format: Format) -> Result<ReportFiles, ReportError> {
    let (main, figures) = compose(input, format)?;
    Ok(ReportFiles {
        main,
        attachments: rasterise(figures)?,
    })
}

/// The main file, and for Markdown the charts to rasterise beside it.
fn compose(
    input: &ReportInput,
    format: Format,
) -> Result<(Vec<u8>, Vec<figures::Figure>), ReportError> {
    let with_figures = matches!(format, Format::Markdown | Format::Html);
    let figures = if with_figures {
        figures::draw_all(input)
    } else {
        Vec::new()
    };
    let doc = content::build(input, &figures);
    let main = match format {
        Format::Text => doc.to_text(),
        Format::Markdown => doc.to_markdown(),
        Format::Csv => csv::render(input)?,
        Format::Json => json::render(input)?,
        Format::Html => html::render(&input.words, &input.results.workshop.title, &doc, &figures),
    };
    let beside = if format == Format::Markdown {
        figures
    } else {
        Vec::new()
    };
    Ok((main.into_bytes(), beside))
}

/// The charts as PNG files with their alt text.
fn rasterise(figures: Vec<figures::Figure>) -> Result<Vec<Attachment>, ReportError> {
    let attachments = figures
        .into_iter()
        .map(|f| {
            Ok(Attachment {
                bytes: f.chart.png()?,
                name: f.file_name,
                description: f.chart.alt_text,
            })
        })
        .collect::<Result<_, charts::ChartError>>()?;
    Ok(attachments)
}

/// Fetches a workshop's results, plan and previous results and words the
/// report; the PNGs are rasterised on a blocking thread, so that drawing
/// charts never holds up the async runtime (a vote's confirmation, say).
pub async fn build(
    service: &Service,
    workshop: &Workshop,
    scope: ResultsScope,
    format: Format,
    words: Words<'_>,
) -> Result<ReportFiles, ReportError> {
    let (results, plan, previous) = gather(service, workshop, scope).await?;
    let input = ReportInput {
        toolkit: service.toolkit(),
        results: &results,
        plan: &plan,
        previous: previous.as_ref(),
        words,
    };
    let (main, figures) = compose(&input, format)?;
    let attachments = tokio::task::spawn_blocking(move || rasterise(figures)).await??;
    Ok(ReportFiles { main, attachments })
}

/// Everything a report needs, from the service.
pub async fn gather(
    service: &Service,
    workshop: &Workshop,
    scope: ResultsScope,
) -> Result<(WorkshopResults, ActionPlan, Option<WorkshopResults>), ServiceError> {
    let (results, plan) = service.plan(workshop, scope).await?;
    let previous = service.previous_results(workshop, scope).await?;
    Ok((results, plan, previous))
}
