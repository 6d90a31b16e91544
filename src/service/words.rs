//! The shipped English catalogue: a refusal's `Display` (logs, the command
//! line) and the problems the vote import words itself. The bot words a
//! refusal in its reader's language with `Refusal::words`.

use std::sync::LazyLock;

use crate::domain::Language;
use crate::prompts::{Catalogue, Words};

static SHIPPED: LazyLock<Catalogue> = LazyLock::new(|| {
    Catalogue::embedded().expect("the shipped catalogue loads; a unit test checks it")
});

pub(super) fn english() -> Words<'static> {
    SHIPPED.words(Language::English)
}
