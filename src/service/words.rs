//! The shipped English catalogue: a refusal's `Display` (logs, the command
//! line) and the problems the vote import words itself. The bot words a
//! refusal in its reader's language with `Refusal::words`.

use crate::domain::Language;
use crate::prompts::{Catalogue, Words};

pub(super) fn english() -> Words<'static> {
    Catalogue::shipped().words(Language::English)
}
