//! Pure logic, no I/O: validated values, the workshop's vocabulary, the
//! toolkit's model (read from files by `crate::prompts`), scoring and bands,
//! divergence, the computed results, focus areas, change between runs and
//! the action plan.

mod change;
mod dates;
mod divergence;
#[cfg(test)]
pub(crate) mod fixtures;
mod focus;
mod language;
mod plan;
mod records;
mod results;
#[cfg(test)]
pub(crate) mod scenarios;
mod scoring;
mod shown;
mod significance;
mod stats;
mod tally;
pub mod toolkit;
mod toolkits;
mod values;

pub use change::*;
pub use dates::*;
pub use divergence::*;
pub use focus::*;
pub use language::*;
pub use plan::*;
pub use records::*;
pub use results::*;
pub use scoring::*;
pub use shown::*;
pub use significance::*;
pub use stats::*;
pub use tally::*;
pub use toolkit::*;
pub use toolkits::*;
pub use values::*;
