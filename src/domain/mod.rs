//! Pure logic, no I/O: validated values, the workshop's vocabulary, scoring,
//! divergence, bands and the action plan.

mod records;
mod values;

pub use records::*;
pub use values::*;
