//! The figures for one item and one group of voters.

use serde::Serialize;

use super::values::Score;

/// Variance of an answer spread evenly over the five points of the scale;
/// the yardstick of within-group agreement.
const UNIFORM_VARIANCE: f64 = 2.0;

/// Aggregate of one group's 1–5 answers to one item. "Not sure" answers are
/// counted apart and never appear here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupStats {
    /// Voters with a 1–5 answer.
    pub n: usize,
    pub mean: f64,
    /// The middle answer; the mean of the two middle answers when `n` is even.
    pub median: f64,
    /// Sample standard deviation (divided by n − 1); 0 when n = 1.
    pub sd: f64,
    /// Within-group agreement, max(0, 1 − sd² / 2): 1 when everyone agrees.
    /// Only for two or more voters.
    pub rwg: Option<f64>,
    /// How many answered 1, 2, 3, 4 and 5.
    pub counts: [u32; 5],
}

impl GroupStats {
    /// The figures for these answers, or `None` when there are none.
    pub fn from_scores(scores: &[Score]) -> Option<GroupStats> {
        let mut counts = [0u32; 5];
        for score in scores {
            counts[usize::from(score.get() - Score::MIN)] += 1;
        }
        GroupStats::from_counts(&counts)
    }

    /// The figures for a group where `counts[i]` people answered `i + 1`, or
    /// `None` when nobody did. The sums run over the answers in ascending
    /// order, one at a time, so every figure is exactly what the sorted
    /// answers give.
    pub fn from_counts(counts: &[u32; 5]) -> Option<GroupStats> {
        let n = counts.iter().map(|&c| c as usize).sum::<usize>();
        if n == 0 {
            return None;
        }
        let answers = || {
            (Score::MIN..=Score::MAX)
                .zip(counts)
                .flat_map(|(value, &count)| std::iter::repeat_n(f64::from(value), count as usize))
        };
        let mean = answers().sum::<f64>() / n as f64;
        // The answer at this place among the sorted answers.
        let nth = |index: usize| {
            let mut before = 0;
            for (value, &count) in (Score::MIN..=Score::MAX).zip(counts) {
                before += count as usize;
                if index < before {
                    return f64::from(value);
                }
            }
            f64::from(Score::MAX)
        };
        let median = if n % 2 == 1 {
            nth(n / 2)
        } else {
            (nth(n / 2 - 1) + nth(n / 2)) / 2.0
        };
        let sd = if n == 1 {
            0.0
        } else {
            let squares: f64 = answers().map(|v| (v - mean).powi(2)).sum();
            (squares / (n - 1) as f64).sqrt()
        };
        let rwg = (n >= 2).then(|| (1.0 - sd * sd / UNIFORM_VARIANCE).max(0.0));

        Some(GroupStats {
            n,
            mean,
            median,
            sd,
            rwg,
            counts: *counts,
        })
    }

    /// The share of the group answering `value` or less (0 to 1).
    pub fn share_at_most(&self, value: u8) -> f64 {
        let upto = usize::from(value.clamp(Score::MIN - 1, Score::MAX));
        let within: u32 = self.counts[..upto].iter().sum();
        f64::from(within) / self.n as f64
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::fixtures::close;

    pub(crate) fn scores(values: &[u8]) -> Vec<Score> {
        values
            .iter()
            .map(|&v| Score::try_from(v).unwrap())
            .collect()
    }

    #[test]
    fn no_answers_give_no_figures() {
        assert_eq!(GroupStats::from_scores(&[]), None);
    }

    #[test]
    fn four_answers_with_an_even_median_and_no_agreement() {
        let stats = GroupStats::from_scores(&scores(&[5, 1, 2, 2])).unwrap();
        assert_eq!(stats.n, 4);
        close(stats.mean, 2.5);
        // Middle two of 1, 2, 2, 5 are 2 and 2.
        close(stats.median, 2.0);
        // (1.5² + 0.5² + 0.5² + 2.5²) / 3 = 9 / 3 = 3.
        close(stats.sd, 3f64.sqrt());
        // 1 − 3 / 2 < 0, so no agreement at all.
        close(stats.rwg.unwrap(), 0.0);
        assert_eq!(stats.counts, [1, 2, 0, 0, 1]);
    }

    #[test]
    fn even_median_between_two_different_middle_answers() {
        let stats = GroupStats::from_scores(&scores(&[1, 2, 4, 5])).unwrap();
        close(stats.median, 3.0);
    }

    #[test]
    fn odd_count_and_partial_agreement() {
        let stats = GroupStats::from_scores(&scores(&[3, 4, 5])).unwrap();
        close(stats.mean, 4.0);
        close(stats.median, 4.0);
        // (1 + 0 + 1) / 2 = 1, so sd = 1 and rwg = 1 − 1/2.
        close(stats.sd, 1.0);
        close(stats.rwg.unwrap(), 0.5);
    }

    #[test]
    fn full_agreement_gives_agreement_one() {
        let stats = GroupStats::from_scores(&scores(&[4, 4])).unwrap();
        close(stats.sd, 0.0);
        close(stats.rwg.unwrap(), 1.0);
    }

    #[test]
    fn one_answer_has_no_spread_and_no_agreement_figure() {
        let stats = GroupStats::from_scores(&scores(&[3])).unwrap();
        close(stats.mean, 3.0);
        close(stats.median, 3.0);
        close(stats.sd, 0.0);
        assert_eq!(stats.rwg, None);
        assert_eq!(stats.counts, [0, 0, 1, 0, 0]);
    }

    #[test]
    fn cumulative_shares() {
        let stats = GroupStats::from_scores(&scores(&[2, 3, 3])).unwrap();
        close(stats.share_at_most(0), 0.0);
        close(stats.share_at_most(1), 0.0);
        close(stats.share_at_most(2), 1.0 / 3.0);
        close(stats.share_at_most(3), 1.0);
        close(stats.share_at_most(5), 1.0);
    }
}
