//! Reports of a workshop's results: text, Markdown, CSV, JSON and HTML, and
//! the charts that go with them.

pub mod charts;
pub mod content;
mod csv;
pub mod document;
pub mod figures;
pub mod html;
mod json;

use crate::domain::{ActionPlan, Toolkit, Workshop, WorkshopResults};
use crate::service::{ResultsScope, Service, ServiceError};

/// Everything a report is made from.
pub struct ReportInput<'a> {
    pub toolkit: &'a Toolkit,
    pub results: &'a WorkshopResults,
    pub plan: &'a ActionPlan,
    /// The results of the workshop this one re-runs, for change over time.
    pub previous: Option<&'a WorkshopResults>,
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
    pub attachments: Vec<(String, Vec<u8>)>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("The CSV report could not be written: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("The JSON report could not be written: {0}")]
    Json(#[from] serde_json::Error),
}

/// Renders a report from results already computed.
pub fn render(input: &ReportInput, format: Format) -> Result<ReportFiles, ReportError> {
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
        Format::Html => html::render(&input.results.workshop.title, &doc, &figures),
    };
    let attachments = if format == Format::Markdown {
        figures
            .into_iter()
            .map(|f| (f.file_name, f.chart.png))
            .collect()
    } else {
        Vec::new()
    };
    Ok(ReportFiles {
        main: main.into_bytes(),
        attachments,
    })
}

/// Fetches a workshop's results, plan and previous results, then renders.
pub async fn build(
    service: &Service,
    workshop: &Workshop,
    scope: ResultsScope,
    format: Format,
) -> Result<ReportFiles, ReportError> {
    let (results, plan, previous) = gather(service, workshop, scope).await?;
    let input = ReportInput {
        toolkit: service.toolkit(),
        results: &results,
        plan: &plan,
        previous: previous.as_ref(),
    };
    render(&input, format)
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
