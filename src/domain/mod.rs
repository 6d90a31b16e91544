//! Pure logic, no I/O: validated values, the workshop's vocabulary, scoring,
//! divergence, bands, the computed results and the action plan.

mod divergence;
#[cfg(test)]
pub(crate) mod fixtures;
mod plan;
mod records;
mod results;
mod scoring;
mod significance;
mod stats;
mod values;

pub use divergence::*;
pub use plan::*;
pub use records::*;
pub use results::*;
pub use scoring::*;
pub use significance::*;
pub use stats::*;
pub use values::*;
