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

impl Worded for Side {
    fn key(self) -> &'static str {
        match self {
            Side::Council => key!("side-council"),
            Side::Vcs => key!("side-vcs"),
            Side::Other => key!("side-other"),
        }
    }
}

impl Worded for Mode {
    fn key(self) -> &'static str {
        match self {
            Mode::Live => key!("mode-live"),
            Mode::Async => key!("mode-async"),
        }
    }
}

impl Worded for WorkshopStatus {
    fn key(self) -> &'static str {
        match self {
            WorkshopStatus::Open => key!("workshop-status-open"),
            WorkshopStatus::Closed => key!("workshop-status-closed"),
        }
    }
}

impl Worded for RoundStatus {
    fn key(self) -> &'static str {
        match self {
            RoundStatus::Open => key!("round-status-open"),
            RoundStatus::Revealed => key!("round-status-revealed"),
            RoundStatus::Closed => key!("round-status-closed"),
        }
    }
}

/// An assessment's full title as the toolkit gives it.
impl Worded for Assessment {
    fn key(self) -> &'static str {
        match self {
            Assessment::Benefits => key!("assessment-benefits"),
            Assessment::Relationships => key!("assessment-relationships"),
            Assessment::Strategic => key!("assessment-strategic"),
        }
    }
}

impl Worded for Held {
    fn key(self) -> &'static str {
        match self {
            Held::Direct => key!("held-direct"),
            Held::Brokered => key!("held-brokered"),
        }
    }
}

impl Worded for ActionStatus {
    fn key(self) -> &'static str {
        match self {
            ActionStatus::Open => key!("action-status-open"),
            ActionStatus::InProgress => key!("action-status-in-progress"),
            ActionStatus::Done => key!("action-status-done"),
            ActionStatus::Dropped => key!("action-status-dropped"),
        }
    }
}

impl Worded for Stance {
    fn key(self) -> &'static str {
        match self {
            Stance::Agree => key!("stance-agree"),
            Stance::Object => key!("stance-object"),
        }
    }
}

impl Worded for Verdict {
    fn key(self) -> &'static str {
        match self {
            Verdict::Aligned => key!("verdict-aligned"),
            Verdict::Differs => key!("verdict-differs"),
            Verdict::Diverges => key!("verdict-diverges"),
        }
    }
}

impl Worded for Classification {
    fn key(self) -> &'static str {
        match self {
            Classification::PerceptionGap => key!("classification-perception-gap"),
            Classification::SharedStrength => key!("classification-shared-strength"),
            Classification::SharedConcern => key!("classification-shared-concern"),
            Classification::Mixed => key!("classification-mixed"),
        }
    }
}

impl Worded for Magnitude {
    fn key(self) -> &'static str {
        match self {
            Magnitude::Negligible => key!("magnitude-negligible"),
            Magnitude::Small => key!("magnitude-small"),
            Magnitude::Medium => key!("magnitude-medium"),
            Magnitude::Large => key!("magnitude-large"),
        }
    }
}

impl Worded for Certainty {
    fn key(self) -> &'static str {
        match self {
            Certainty::Clear => key!("certainty-clear"),
            Certainty::CouldBeChance => key!("certainty-could-be-chance"),
        }
    }
}

impl Worded for WorkshopLanguage {
    fn key(self) -> &'static str {
        match self {
            WorkshopLanguage::English => key!("language-english"),
            WorkshopLanguage::Welsh => key!("language-welsh"),
            WorkshopLanguage::Bilingual => key!("language-bilingual"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;
    use crate::prompts::Catalogue;

    #[test]
    fn every_side_has_a_plain_name() {
        let catalogue = Catalogue::embedded().expect("the shipped catalogue loads");
        let words = catalogue.words(Language::English);
        assert_eq!(words.name(Side::Council), "Council");
        assert_eq!(words.name(Side::Vcs), "VCS");
        assert_eq!(words.name(Side::Other), "Other partners");
    }
}
