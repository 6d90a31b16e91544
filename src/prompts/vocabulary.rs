//! The catalogue's names for the domain's words: sides, assessments,
//! verdicts and the like, so that the bot and the reports call each thing
//! by the same name in every language.

use crate::domain::{
    ActionStatus, Assessment, Certainty, Classification, Held, Magnitude, Mode, RoundStatus, Side,
    Stance, Verdict, WorkshopLanguage, WorkshopStatus,
};
use crate::key;

use super::catalogue::Words;

/// A domain word with a name in the catalogue.
pub trait Worded: Copy {
    /// The catalogue key of its name.
    fn key(self) -> &'static str;
}

impl Words<'_> {
    /// The catalogue's name for `thing`, as a short label.
    pub fn name(&self, thing: impl Worded) -> String {
        self.label(thing.key(), None)
    }
}

/// Implements [`Worded`] for each enum from its table of variants and keys.
macro_rules! worded {
    ($($(#[$doc:meta])* $type:ident { $($variant:ident => $key:expr),+ $(,)? })+) => {
        $(
            $(#[$doc])*
            impl Worded for $type {
                fn key(self) -> &'static str {
                    match self {
                        $($type::$variant => $key),+
                    }
                }
            }
        )+
    };
}

worded! {
    Side { Council => key!("side-council"), Vcs => key!("side-vcs"), Other => key!("side-other") }
    Mode { Live => key!("mode-live"), Async => key!("mode-async") }
    WorkshopStatus { Open => key!("workshop-status-open"), Closed => key!("workshop-status-closed") }
    RoundStatus { Open => key!("round-status-open"), Revealed => key!("round-status-revealed"),
        Closed => key!("round-status-closed") }
    /// An assessment's full title as the toolkit gives it.
    Assessment { Benefits => key!("assessment-benefits"),
        Relationships => key!("assessment-relationships"),
        Strategic => key!("assessment-strategic") }
    Held { Direct => key!("held-direct"), Brokered => key!("held-brokered") }
    ActionStatus { Open => key!("action-status-open"),
        InProgress => key!("action-status-in-progress"), Done => key!("action-status-done"),
        Dropped => key!("action-status-dropped") }
    Stance { Agree => key!("stance-agree"), Object => key!("stance-object") }
    Verdict { Aligned => key!("verdict-aligned"), Differs => key!("verdict-differs"),
        Diverges => key!("verdict-diverges") }
    Classification { PerceptionGap => key!("classification-perception-gap"),
        SharedStrength => key!("classification-shared-strength"),
        SharedConcern => key!("classification-shared-concern"),
        Mixed => key!("classification-mixed") }
    Magnitude { Negligible => key!("magnitude-negligible"), Small => key!("magnitude-small"),
        Medium => key!("magnitude-medium"), Large => key!("magnitude-large") }
    Certainty { Clear => key!("certainty-clear"),
        CouldBeChance => key!("certainty-could-be-chance") }
    WorkshopLanguage { English => key!("language-english"), Welsh => key!("language-welsh"),
        Bilingual => key!("language-bilingual") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;
    use crate::prompts::Catalogue;

    #[test]
    fn every_side_has_a_plain_name() {
        let words = Catalogue::shipped().words(Language::English);
        assert_eq!(words.name(Side::Council), "Council");
        assert_eq!(words.name(Side::Vcs), "VCS");
        assert_eq!(words.name(Side::Other), "Other partners");
    }
}
