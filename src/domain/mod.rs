//! Pure logic, no I/O: validated values, the workshop's vocabulary, scoring,
//! divergence, bands and the action plan.

mod divergence;
mod records;
mod scoring;
mod stats;
mod values;

pub use divergence::*;
pub use records::*;
pub use scoring::*;
pub use stats::*;
pub use values::*;
