//! The shipped English catalogue, for the refusals the service words
//! itself: callers outside Discord (the command line, the library) have no
//! reader's language. The bot checks what it can foresee first (as with
//! `Service::check_action`) and words it in its reader's language.

use std::sync::LazyLock;

use crate::domain::Language;
use crate::prompts::{Catalogue, Words};

static SHIPPED: LazyLock<Catalogue> = LazyLock::new(|| {
    Catalogue::embedded().expect("the shipped catalogue loads; a unit test checks it")
});

pub(super) fn english() -> Words<'static> {
    SHIPPED.words(Language::English)
}
