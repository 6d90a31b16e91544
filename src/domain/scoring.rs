//! Assessment three: a relationship's score out of 75, its band, principle
//! sub-scores out of 15 and the toolkit's four intent / delivery cases.

use serde::Serialize;

use super::toolkit::{Band, Bands};

/// The toolkit scores fifteen items, so a relationship's score is out of 75.
pub const ITEMS_IN_SCORE: f64 = 15.0;
/// Each principle has three items, so its sub-score is out of 15.
pub const ITEMS_IN_PRINCIPLE: f64 = 3.0;
/// Scores are sums of means of small whole numbers; this keeps an exact half
/// that floating point computes a hair short rounding up, as it should.
const SLACK: f64 = 1e-9;

/// Rounds to the nearest whole number, halves up.
fn round_half_up(raw: f64) -> u32 {
    // Scores are never negative; the cast saturates at zero if one were.
    (raw + 0.5 + SLACK).floor() as u32
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// A relationship's score out of 75 for one group of voters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationshipScore {
    /// The mean of the available item means × 15, unrounded.
    pub raw: f64,
    /// `raw` rounded to the nearest whole number, halves up.
    pub score: u32,
    pub band: Band,
}

impl RelationshipScore {
    /// The score from the means of the items that have answers, banded by
    /// the toolkit's `bands`. Items with only "not sure" answers are left out,
    /// and the score stays out of 75. `None` when no item has answers.
    pub fn from_item_means(item_means: &[f64], bands: &Bands) -> Option<RelationshipScore> {
        let raw = mean(item_means)? * ITEMS_IN_SCORE;
        let score = round_half_up(raw);
        Some(RelationshipScore {
            raw,
            score,
            band: Band::from_score(score, bands),
        })
    }
}

/// A principle's sub-score out of 15 for one group of voters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubScore {
    /// The mean of the principle's available item means × 3, unrounded.
    pub raw: f64,
    /// `raw` rounded to the nearest whole number, halves up.
    pub score: u32,
}

impl SubScore {
    /// As [`RelationshipScore::from_item_means`], out of 15.
    pub fn from_item_means(item_means: &[f64]) -> Option<SubScore> {
        let raw = mean(item_means)? * ITEMS_IN_PRINCIPLE;
        Some(SubScore {
            raw,
            score: round_half_up(raw),
        })
    }
}

/// The toolkit's four cases of intent and delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryCase {
    /// Strategic in both intent and delivery.
    Both,
    /// Strategic in intent but not in delivery.
    IntentOnly,
    /// Strategic in delivery but not in intent.
    DeliveryOnly,
    /// Strategic in neither.
    Neither,
}

impl DeliveryCase {
    /// The case of a relationship intended (or not) to be strategic, with a
    /// score in this band: delivery is strategic when largely or highly so.
    pub fn of(intended: bool, band: Band) -> DeliveryCase {
        match (intended, band >= Band::Largely) {
            (true, true) => DeliveryCase::Both,
            (true, false) => DeliveryCase::IntentOnly,
            (false, true) => DeliveryCase::DeliveryOnly,
            (false, false) => DeliveryCase::Neither,
        }
    }

    /// The key of this case in the toolkit's `cases`.
    pub fn key(self) -> &'static str {
        match self {
            DeliveryCase::Both => "both",
            DeliveryCase::IntentOnly => "intent_only",
            DeliveryCase::DeliveryOnly => "delivery_only",
            DeliveryCase::Neither => "neither",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::bands;

    #[test]
    fn bands_change_at_the_toolkit_edges() {
        let edges = [
            (0, Band::NotStrategic),
            (15, Band::NotStrategic),
            (16, Band::Minimally),
            (30, Band::Minimally),
            (31, Band::Somewhat),
            (45, Band::Somewhat),
            (46, Band::Largely),
            (60, Band::Largely),
            (61, Band::Highly),
            (75, Band::Highly),
        ];
        for (score, band) in edges {
            assert_eq!(Band::from_score(score, &bands()), band, "score {score}");
        }
        assert_eq!(Band::Somewhat.key(), "somewhat");
        assert_eq!(Band::NotStrategic.index(), 0);
        assert_eq!(Band::Highly.index(), 4);
    }

    #[test]
    fn bands_follow_the_toolkit_when_its_edges_move() {
        let mut moved = bands();
        moved[0].max = 20;
        moved[1].min = 21;
        assert_eq!(Band::from_score(18, &moved), Band::NotStrategic);
        assert_eq!(Band::from_score(21, &moved), Band::Minimally);
        let score = RelationshipScore::from_item_means(&[1.2; 15], &moved).unwrap();
        assert_eq!((score.score, score.band), (18, Band::NotStrategic));
    }

    #[test]
    fn every_item_at_its_mean_sums_to_the_score() {
        // Fifteen items averaging 3: 3 × 15 = 45, somewhat strategic.
        let score = RelationshipScore::from_item_means(&[3.0; 15], &bands()).unwrap();
        assert_eq!(score.raw, 45.0);
        assert_eq!(score.score, 45);
        assert_eq!(score.band, Band::Somewhat);
    }

    #[test]
    fn halves_round_up() {
        // Every item at 2.5: 2.5 × 15 = 37.5, which rounds to 38.
        let score = RelationshipScore::from_item_means(&[2.5; 15], &bands()).unwrap();
        assert_eq!(score.raw, 37.5);
        assert_eq!(score.score, 38);
        // Mean of 3 and 1/3 is 5/3; × 15 = 25 exactly.
        let thirds = RelationshipScore::from_item_means(&[3.0, 1.0 / 3.0], &bands()).unwrap();
        assert_eq!(thirds.score, 25);
        // Mean 3.1 × 15 = 46.5 → 47, largely strategic.
        let score = RelationshipScore::from_item_means(&[3.1; 15], &bands()).unwrap();
        assert_eq!(score.score, 47);
        assert_eq!(score.band, Band::Largely);
        // Just under a half rounds down: 3.0 × 15 + 0.45 = 45.45 → 45.
        let score = RelationshipScore::from_item_means(&[3.03; 15], &bands()).unwrap();
        assert_eq!(score.score, 45);
    }

    #[test]
    fn items_with_only_not_sure_answers_are_left_out_and_the_score_stays_out_of_75() {
        // Fourteen items at 4 and one with no 1–5 answers: 4 × 15 = 60,
        // not 4 × 14 = 56.
        let score = RelationshipScore::from_item_means(&[4.0; 14], &bands()).unwrap();
        assert_eq!(score.score, 60);
        assert_eq!(score.band, Band::Largely);
        assert_eq!(RelationshipScore::from_item_means(&[], &bands()), None);
    }

    #[test]
    fn principle_sub_scores_are_out_of_15() {
        // Item means 2, 3 and 3.5: mean 8.5/3, × 3 = 8.5 → 9.
        let sub = SubScore::from_item_means(&[2.0, 3.0, 3.5]).unwrap();
        assert!((sub.raw - 8.5).abs() < 1e-9);
        assert_eq!(sub.score, 9);
        // One item with answers: mean 4 × 3 = 12.
        assert_eq!(SubScore::from_item_means(&[4.0]).unwrap().score, 12);
        assert_eq!(SubScore::from_item_means(&[]), None);
    }

    fn band(score: u32) -> Band {
        Band::from_score(score, &bands())
    }

    #[test]
    fn the_four_cases_split_at_46() {
        assert_eq!(DeliveryCase::of(true, band(46)), DeliveryCase::Both);
        assert_eq!(DeliveryCase::of(true, band(45)), DeliveryCase::IntentOnly);
        assert_eq!(
            DeliveryCase::of(false, band(61)),
            DeliveryCase::DeliveryOnly
        );
        assert_eq!(DeliveryCase::of(false, band(45)), DeliveryCase::Neither);
        assert_eq!(DeliveryCase::IntentOnly.key(), "intent_only");
        assert_eq!(DeliveryCase::DeliveryOnly.key(), "delivery_only");
        assert_eq!(DeliveryCase::Both.key(), "both");
        assert_eq!(DeliveryCase::Neither.key(), "neither");
    }
}
