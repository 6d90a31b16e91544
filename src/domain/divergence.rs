//! Where council and VCS views on one item differ.

use serde::Serialize;

use super::stats::GroupStats;

/// A gap of this many scale points or more "differs".
pub const DIFFERS_FROM: f64 = 0.5;
/// A gap of this many scale points or more "diverges".
pub const DIVERGES_FROM: f64 = 1.0;
/// Both sides' means at or above this make a shared strength.
pub const STRENGTH_FROM: f64 = 3.5;
/// Both sides' means at or below this make a shared concern.
pub const CONCERN_UP_TO: f64 = 2.5;
/// Means are ratios of small whole numbers; differences of them can land a
/// hair under a threshold they equal exactly (8/3 − 5/3 gives 0.9999999999999998).
const SLACK: f64 = 1e-9;

/// How far apart the two sides' means are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// |gap| < 0.5.
    Aligned,
    /// 0.5 ≤ |gap| < 1.0.
    Differs,
    /// |gap| ≥ 1.0.
    Diverges,
}

impl Verdict {
    pub fn from_gap(gap: f64) -> Verdict {
        let size = gap.abs() + SLACK;
        if size >= DIVERGES_FROM {
            Verdict::Diverges
        } else if size >= DIFFERS_FROM {
            Verdict::Differs
        } else {
            Verdict::Aligned
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Aligned => "aligned",
            Verdict::Differs => "differs",
            Verdict::Diverges => "diverges",
        }
    }
}

/// What the two sides' views on an item add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    /// The sides diverge.
    PerceptionGap,
    /// Both sides rate it 3.5 or more.
    SharedStrength,
    /// Both sides rate it 2.5 or less.
    SharedConcern,
    Mixed,
}

impl Classification {
    pub fn label(self) -> &'static str {
        match self {
            Classification::PerceptionGap => "perception gap",
            Classification::SharedStrength => "shared strength",
            Classification::SharedConcern => "shared concern",
            Classification::Mixed => "mixed",
        }
    }
}

/// Council against VCS on one item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Comparison {
    /// Council mean minus VCS mean: positive when the council rates it higher.
    pub gap: f64,
    /// Earth mover's distance between the two answer distributions, in scale
    /// points: Σ over k = 1..4 of |F_C(k) − F_V(k)|.
    pub distance: f64,
    pub verdict: Verdict,
    pub classification: Classification,
}

/// Compares the council's answers with the VCS's on one item.
pub fn compare(council: &GroupStats, vcs: &GroupStats) -> Comparison {
    let gap = council.mean - vcs.mean;
    let distance = (1..=4)
        .map(|k| (council.share_at_most(k) - vcs.share_at_most(k)).abs())
        .sum();
    let verdict = Verdict::from_gap(gap);
    let classification = if verdict == Verdict::Diverges {
        Classification::PerceptionGap
    } else if council.mean >= STRENGTH_FROM && vcs.mean >= STRENGTH_FROM {
        Classification::SharedStrength
    } else if council.mean <= CONCERN_UP_TO && vcs.mean <= CONCERN_UP_TO {
        Classification::SharedConcern
    } else {
        Classification::Mixed
    };
    Comparison {
        gap,
        distance,
        verdict,
        classification,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::close;
    use crate::domain::stats::tests::scores;

    fn stats(values: &[u8]) -> GroupStats {
        GroupStats::from_scores(&scores(values)).unwrap()
    }

    #[test]
    fn distance_is_the_sum_of_cumulative_share_differences() {
        // F_C(1..4) = 0, 0, 0, 2/3; F_V(1..4) = 0, 1/3, 1, 1.
        let comparison = compare(&stats(&[4, 4, 5]), &stats(&[2, 3, 3]));
        close(comparison.distance, 5.0 / 3.0);
        // 13/3 − 8/3 = 5/3.
        close(comparison.gap, 5.0 / 3.0);
        assert_eq!(comparison.verdict, Verdict::Diverges);
        assert_eq!(comparison.classification, Classification::PerceptionGap);
    }

    #[test]
    fn gap_is_negative_when_the_vcs_rates_higher() {
        let comparison = compare(&stats(&[2, 3, 3]), &stats(&[4, 4, 5]));
        close(comparison.gap, -5.0 / 3.0);
        close(comparison.distance, 5.0 / 3.0);
        assert_eq!(comparison.verdict, Verdict::Diverges);
    }

    #[test]
    fn identical_answers_have_no_distance() {
        let comparison = compare(&stats(&[1, 5]), &stats(&[5, 1]));
        close(comparison.gap, 0.0);
        close(comparison.distance, 0.0);
        assert_eq!(comparison.verdict, Verdict::Aligned);
    }

    #[test]
    fn verdict_thresholds_are_half_and_one_point() {
        assert_eq!(Verdict::from_gap(0.49), Verdict::Aligned);
        assert_eq!(Verdict::from_gap(0.5), Verdict::Differs);
        assert_eq!(Verdict::from_gap(-0.5), Verdict::Differs);
        assert_eq!(Verdict::from_gap(0.99), Verdict::Differs);
        assert_eq!(Verdict::from_gap(1.0), Verdict::Diverges);
        assert_eq!(Verdict::from_gap(-1.2), Verdict::Diverges);
    }

    #[test]
    fn a_gap_of_exactly_one_point_from_thirds_diverges() {
        // 8/3 − 5/3 = 1, which floating point computes as 0.9999999999999998.
        let comparison = compare(&stats(&[2, 3, 3]), &stats(&[1, 2, 2]));
        assert!(comparison.gap < 1.0);
        assert_eq!(comparison.verdict, Verdict::Diverges);
    }

    #[test]
    fn classification_takes_the_first_that_applies() {
        // Both ≥ 3.5 and 1 point apart: the perception gap wins.
        let gap = compare(&stats(&[5, 5]), &stats(&[4, 4]));
        assert_eq!(gap.classification, Classification::PerceptionGap);

        let strength = compare(&stats(&[4, 4]), &stats(&[3, 4]));
        assert_eq!(strength.verdict, Verdict::Differs);
        assert_eq!(strength.classification, Classification::SharedStrength);

        let concern = compare(&stats(&[2, 3]), &stats(&[2, 2]));
        assert_eq!(concern.classification, Classification::SharedConcern);

        let mixed = compare(&stats(&[3, 3]), &stats(&[3, 3, 4]));
        assert_eq!(mixed.verdict, Verdict::Aligned);
        assert_eq!(mixed.classification, Classification::Mixed);
    }

    #[test]
    fn labels_are_plain_words() {
        assert_eq!(Verdict::Differs.label(), "differs");
        assert_eq!(Classification::PerceptionGap.label(), "perception gap");
        assert_eq!(
            serde_json::to_string(&Classification::SharedConcern).unwrap(),
            "\"shared_concern\""
        );
    }
}
