//! How far a difference between the council's and the VCS's answers can be
//! trusted: its size (Cliff's delta), whether it could be chance (an exact
//! permutation test, corrected across a workshop's items by Benjamini–Hochberg)
//! and whether both sides back an action.
//!
//! Everything works from answer counts, `[u32; 5]` per side: index 0 holds
//! how many answered 1 … index 4 how many answered 5. "Not sure" is never in
//! the counts.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;

use serde::Serialize;

/// |delta| below this is negligible.
pub const NEGLIGIBLE_BELOW: f64 = 0.147;
/// |delta| below this (and not negligible) is small.
pub const SMALL_BELOW: f64 = 0.33;
/// |delta| below this (and not small) is medium; from here it is large.
pub const MEDIUM_BELOW: f64 = 0.474;
/// A q-value below this reads as a clear difference.
pub const CLEAR_BELOW: f64 = 0.05;
/// Two splits with the same mean gap can compute it a hair apart (thirds,
/// fifths); such a split still counts as at least as extreme.
const TIE_TOLERANCE: f64 = 1e-9;

/// The usual words for the size of a Cliff's delta.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Magnitude {
    Negligible,
    Small,
    Medium,
    Large,
}

impl Magnitude {
    /// The word for a delta of this size (its sign does not matter).
    pub fn of(delta: f64) -> Magnitude {
        let size = delta.abs();
        if size < NEGLIGIBLE_BELOW {
            Magnitude::Negligible
        } else if size < SMALL_BELOW {
            Magnitude::Small
        } else if size < MEDIUM_BELOW {
            Magnitude::Medium
        } else {
            Magnitude::Large
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Magnitude::Negligible => "negligible",
            Magnitude::Small => "small",
            Magnitude::Medium => "medium",
            Magnitude::Large => "large",
        }
    }
}

/// Whether a difference stands up once the workshop's other items are
/// taken into account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// q below 0.05.
    Clear,
    /// q of 0.05 or more.
    CouldBeChance,
}

impl Certainty {
    pub fn from_q(q_value: f64) -> Certainty {
        if q_value < CLEAR_BELOW {
            Certainty::Clear
        } else {
            Certainty::CouldBeChance
        }
    }

    /// The words shown next to the verdict.
    pub fn label(self) -> &'static str {
        match self {
            Certainty::Clear => "a clear difference",
            Certainty::CouldBeChance => "could be chance with this few people",
        }
    }
}

/// How big the difference between the two sides is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Effect {
    /// From −1 (every VCS answer higher) to 1 (every council answer higher).
    pub cliffs_delta: f64,
    pub magnitude: Magnitude,
}

impl Effect {
    /// The effect of council against VCS answers; `None` when a side has none.
    pub fn between(council: &[u32; 5], vcs: &[u32; 5]) -> Option<Effect> {
        let cliffs_delta = cliffs_delta(council, vcs)?;
        Some(Effect {
            cliffs_delta,
            magnitude: Magnitude::of(cliffs_delta),
        })
    }
}

/// How big the difference on one item is and how sure we can be of it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Significance {
    pub effect: Effect,
    /// Exact two-sided permutation p-value of the gap between the means.
    pub p_value: f64,
    /// The p-value adjusted by Benjamini–Hochberg across the workshop's items.
    pub q_value: f64,
}

impl Significance {
    pub fn certainty(&self) -> Certainty {
        Certainty::from_q(self.q_value)
    }
}

/// Council and VCS answer counts on one item.
pub type ItemCounts = ([u32; 5], [u32; 5]);

/// Effect, p and q for each item, given each item's (council, VCS) answer
/// counts. Pass every item of a workshop where both sides are shown: the
/// q-values correct across exactly these. An item where a side has no
/// answers gets `None` and is left out of the correction. p-values already
/// in `memo` are not worked out again.
pub fn significance_across(items: &[ItemCounts], memo: &PValueMemo) -> Vec<Option<Significance>> {
    let tests: Vec<Option<(Effect, f64)>> = items
        .iter()
        .zip(memo.p_values(items))
        .map(|((council, vcs), p_value)| Some((Effect::between(council, vcs)?, p_value?)))
        .collect();
    let p_values: Vec<f64> = tests.iter().flatten().map(|&(_, p)| p).collect();
    let mut q_values = benjamini_hochberg(&p_values).into_iter();
    tests
        .into_iter()
        .map(|test| {
            let (effect, p_value) = test?;
            Some(Significance {
                effect,
                p_value,
                q_value: q_values.next()?,
            })
        })
        .collect()
}

/// Exact p-values worked out before, by the counts they came from. The test
/// is a pure function of the counts, and the counts of a revealed round no
/// longer change, so a running bot works each item's test out once however
/// often its results are shown. Beyond `MEMO_LIMIT` tests it starts again.
#[derive(Debug, Default)]
pub struct PValueMemo {
    known: Mutex<HashMap<ItemCounts, Option<f64>>>,
}

/// About 5 MB of remembered tests: every item of a few hundred council-size
/// workshops.
const MEMO_LIMIT: usize = 100_000;

impl PValueMemo {
    /// `exact_permutation_p` of each item, in order; those not known yet
    /// are worked out side by side on every core.
    pub fn p_values(&self, items: &[ItemCounts]) -> Vec<Option<f64>> {
        let mut answers: Vec<Option<Option<f64>>> = {
            let known = self.known();
            items.iter().map(|item| known.get(item).copied()).collect()
        };
        let mut missing: Vec<ItemCounts> = items
            .iter()
            .zip(&answers)
            .filter(|(_, answer)| answer.is_none())
            .map(|(item, _)| *item)
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if missing.is_empty() {
            return answers.into_iter().flatten().collect();
        }
        let worked_out: HashMap<ItemCounts, Option<f64>> = missing
            .par_iter()
            .map(|&(council, vcs)| ((council, vcs), exact_permutation_p(&council, &vcs)))
            .collect();
        for (item, answer) in items.iter().zip(&mut answers) {
            answer.get_or_insert_with(|| worked_out.get(item).copied().flatten());
        }
        let mut known = self.known();
        if known.len() + worked_out.len() > MEMO_LIMIT {
            known.clear();
        }
        known.extend(worked_out);
        answers.into_iter().flatten().collect()
    }

    /// The map stays whole whatever a panicking holder was doing: entries
    /// are only ever inserted complete.
    fn known(&self) -> MutexGuard<'_, HashMap<ItemCounts, Option<f64>>> {
        self.known.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Cliff's delta of council against VCS answers: (pairs where the council
/// answer is higher − pairs where it is lower) / (n_C × n_V). `None` when
/// either side has no answers.
pub fn cliffs_delta(council: &[u32; 5], vcs: &[u32; 5]) -> Option<f64> {
    let (n_council, n_vcs) = (people(council), people(vcs));
    if n_council == 0 || n_vcs == 0 {
        return None;
    }
    let mut balance: i128 = 0;
    for (council_answer, &council_count) in council.iter().enumerate() {
        for (vcs_answer, &vcs_count) in vcs.iter().enumerate() {
            let pairs = i128::from(council_count) * i128::from(vcs_count);
            match council_answer.cmp(&vcs_answer) {
                Ordering::Greater => balance += pairs,
                Ordering::Less => balance -= pairs,
                Ordering::Equal => {}
            }
        }
    }
    Some(balance as f64 / (n_council as f64 * n_vcs as f64))
}

/// Two-sided exact permutation test of |mean_C − mean_V|: of every way of
/// splitting the pooled answers into groups of n_C and n_V people (each
/// split equally likely), the share whose |mean gap| is at least the
/// observed one (ties count, with a tolerance of 1e-9). `None` when either
/// side has no answers.
///
/// A split's gap depends only on one group's answer sum, and rises with it,
/// so the splits that count are those whose sum is at most some low bound or
/// at least some high one; `split_shares` weighs them from the counts
/// without listing splits.
pub fn exact_permutation_p(council: &[u32; 5], vcs: &[u32; 5]) -> Option<f64> {
    let (n_council, n_vcs) = (people(council), people(vcs));
    if n_council == 0 || n_vcs == 0 {
        return None;
    }
    let pooled: [u32; 5] = std::array::from_fn(|i| council[i] + vcs[i]);
    // |gap| is the same whichever side is "the group"; the smaller side keeps
    // the dynamic programme small.
    let (group, group_size) = if n_council <= n_vcs {
        (council, n_council)
    } else {
        (vcs, n_vcs)
    };
    let rest_size = n_council + n_vcs - group_size;
    let pooled_sum = answer_sum(&pooled);
    // In floating point, as offsets past what the answers reach (which have
    // no share) would take more than the pooled sum.
    let gap_for = |group_sum: u64| {
        group_sum as f64 / group_size as f64
            - (pooled_sum as f64 - group_sum as f64) / rest_size as f64
    };
    let observed = gap_for(answer_sum(group)).abs();
    // Offsets are group sums less group_size (every answer is at least 1).
    let counts = |offset: &u64| gap_for(offset + group_size).abs() >= observed - TIE_TOLERANCE;
    let offsets = 0..=4 * group_size;
    let low = offsets.clone().take_while(counts).count() as u64;
    let high = offsets.rev().take_while(counts).count() as u64;
    if low + high > 4 * group_size {
        return Some(1.0);
    }
    let shares = split_shares(
        &pooled,
        group_size as usize,
        Tails {
            below: low as usize,
            from: (4 * group_size + 1 - high) as usize,
        },
    );
    // Dividing by the total (1 up to rounding) keeps p at most 1.
    Some((shares.counted / shares.all).min(1.0))
}

/// Benjamini–Hochberg adjusted q-values, in the order of `p_values`:
/// q_(i) = min over j ≥ i of p_(j) × m / j (ranks j in ascending p), at most 1.
pub fn benjamini_hochberg(p_values: &[f64]) -> Vec<f64> {
    let m = p_values.len() as f64;
    let mut ascending: Vec<usize> = (0..p_values.len()).collect();
    ascending.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    let mut q_values = vec![1.0; p_values.len()];
    let mut smallest_above = 1.0_f64;
    for (rank, &index) in ascending.iter().enumerate().rev() {
        smallest_above = smallest_above.min(p_values[index] * m / (rank + 1) as f64);
        q_values[index] = smallest_above;
    }
    q_values
}

/// An action is agreed by both sides when on each of council and VCS at
/// least one person responded and more agreed than objected.
pub fn agreed_by_both_sides(
    council_agree: u32,
    council_object: u32,
    vcs_agree: u32,
    vcs_object: u32,
) -> bool {
    side_agrees(council_agree, council_object) && side_agrees(vcs_agree, vcs_object)
}

/// One side backs an action: at least one of it responded and more agreed
/// than objected.
pub fn side_agrees(agree: u32, object: u32) -> bool {
    agree + object > 0 && agree > object
}

fn people(counts: &[u32; 5]) -> u64 {
    counts.iter().map(|&c| u64::from(c)).sum()
}

/// The sum of the answers behind these counts.
fn answer_sum(counts: &[u32; 5]) -> u64 {
    (1..)
        .zip(counts)
        .map(|(answer, &c)| answer * u64::from(c))
        .sum()
}

/// The offsets (group sum − group size) a test counts: those below `below`
/// and those from `from` on.
#[derive(Debug, Clone, Copy)]
struct Tails {
    below: usize,
    from: usize,
}

/// Of all splits, the share whose offset falls in the tails (`counted`), and
/// the share of all of them (`all`, 1 up to rounding).
#[derive(Debug, Clone, Copy)]
struct SplitShares {
    counted: f64,
    all: f64,
}

/// The probabilities of a run of offsets, from `first` on, for one number
/// of people taken.
#[derive(Debug, Clone, Default)]
struct OffsetRow {
    first: usize,
    probabilities: Vec<f64>,
}

/// For a group of `group_size` people drawn at random from the pooled
/// answers (every subset equally likely), the share of draws whose offset
/// Σ (answer − 1) falls in `tails`.
///
/// Taking j of the m people who gave an answer, when r places remain and R
/// people give answers not yet considered, has the hypergeometric
/// probability C(m, j) C(R, r − j) / C(m + R, r); the product of these along
/// the five values is C(m_1, j_1) ⋯ C(m_5, j_5) / C(N, group_size), the
/// share of splits with those counts. Working in probabilities rather than
/// counts keeps every number at most 1, so nothing overflows for thousands
/// of people (C(2000, 1000) would not fit even an f64); each weight comes
/// from a table of ln k!, so it carries a relative error around 1e-11, far
/// below anything a p-value is read to.
///
/// A dynamic programme over answers 1 to 3 gives, for each number of people
/// k taken so far, the probability of each offset. Answers 4 and 5 then fill
/// the remaining places: for each way (j of 4, the rest 5) the offset moves
/// by a fixed amount, so the counted share of row k is read off its running
/// sums from either end instead of being spread into further rows. That
/// saves the two widest steps, and the sums from each end keep tiny tail
/// shares exact to rounding.
fn split_shares(pooled: &[u32; 5], group_size: usize, tails: Tails) -> SplitShares {
    let pooled = pooled.map(|c| c as usize);
    let total: usize = pooled.iter().sum();
    let ln_factorial = ln_factorials(total);
    let ln_choose = |n: usize, k: usize| ln_factorial[n] - ln_factorial[k] - ln_factorial[n - k];
    let hypergeometric = |m: usize, later: usize, remaining: usize, j: usize| {
        (ln_choose(m, j) + ln_choose(later, remaining - j) - ln_choose(m + later, remaining)).exp()
    };

    let mut rows = vec![OffsetRow::default(); group_size + 1];
    rows[0] = OffsetRow {
        first: 0,
        probabilities: vec![1.0],
    };
    let mut later = total;
    for (value, &m) in pooled.iter().enumerate().take(3) {
        later -= m;
        let takes = |taken: usize| {
            let remaining = group_size - taken;
            remaining.saturating_sub(later)..=m.min(remaining)
        };
        let reached = |row: &OffsetRow, j: usize| {
            let first = row.first + value * j;
            (first, first + row.probabilities.len())
        };
        // Size each next row to the offsets it can reach, then spread.
        let mut spans: Vec<Option<(usize, usize)>> = vec![None; group_size + 1];
        for (taken, row) in rows
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.probabilities.is_empty())
        {
            for j in takes(taken) {
                let (low, high) = reached(row, j);
                let span = &mut spans[taken + j];
                *span = Some(span.map_or((low, high), |(l, h)| (l.min(low), h.max(high))));
            }
        }
        let mut next: Vec<OffsetRow> = spans
            .iter()
            .map(|span| match *span {
                Some((low, high)) => OffsetRow {
                    first: low,
                    probabilities: vec![0.0; high - low],
                },
                None => OffsetRow::default(),
            })
            .collect();
        for (taken, row) in rows
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.probabilities.is_empty())
        {
            for j in takes(taken) {
                let weight = hypergeometric(m, later, group_size - taken, j);
                if weight == 0.0 {
                    continue;
                }
                let target = &mut next[taken + j];
                let start = reached(row, j).0 - target.first;
                let cells = &mut target.probabilities[start..start + row.probabilities.len()];
                for (to, from) in cells.iter_mut().zip(&row.probabilities) {
                    *to += weight * from;
                }
            }
        }
        rows = next;
    }

    let (fours, fives) = (pooled[3], pooled[4]);
    let mut shares = SplitShares {
        counted: 0.0,
        all: 0.0,
    };
    for (taken, row) in rows
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.probabilities.is_empty())
    {
        // from_start[i]: the first i cells; from_end[i]: cell i onwards.
        let cells = row.probabilities.len();
        let mut from_start = Vec::with_capacity(cells + 1);
        from_start.push(0.0);
        for probability in &row.probabilities {
            from_start.push(from_start[from_start.len() - 1] + probability);
        }
        let mut from_end = vec![0.0; cells + 1];
        for (i, probability) in row.probabilities.iter().enumerate().rev() {
            from_end[i] = from_end[i + 1] + probability;
        }
        let row_total = from_start[cells];
        let remaining = group_size - taken;
        for j in remaining.saturating_sub(fives)..=fours.min(remaining) {
            let weight = hypergeometric(fours, fives, remaining, j);
            if weight == 0.0 {
                continue;
            }
            // Cell i of this row ends at offset `shift + i`.
            let shift = row.first + 3 * j + 4 * (remaining - j);
            let low_cells = tails.below.saturating_sub(shift).min(cells);
            let high_start = tails.from.saturating_sub(shift).min(cells);
            let counted = if low_cells >= high_start {
                row_total
            } else {
                from_start[low_cells] + from_end[high_start]
            };
            shares.counted += weight * counted;
            shares.all += weight * row_total;
        }
    }
    shares
}

/// ln 0!, ln 1!, …, ln n!.
fn ln_factorials(n: usize) -> Vec<f64> {
    let mut table = Vec::with_capacity(n + 1);
    let mut running = 0.0;
    table.push(running);
    for k in 1..=n {
        running += (k as f64).ln();
        table.push(running);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-12,
            "expected {expected}, got {actual}"
        );
    }

    /// Answer counts from a list of 1–5 answers.
    fn counts(answers: &[u8]) -> [u32; 5] {
        let mut counts = [0; 5];
        for &answer in answers {
            counts[usize::from(answer - 1)] += 1;
        }
        counts
    }

    /// The answers behind counts, lowest first.
    fn answers(counts: &[u32; 5]) -> Vec<u64> {
        (1..=5)
            .zip(counts)
            .flat_map(|(answer, &c)| std::iter::repeat_n(answer, c as usize))
            .collect()
    }

    /// A fixed xorshift sequence from `seed`: the same cases on every run.
    /// Each call gives a number below its argument.
    fn xorshift(seed: u64) -> impl FnMut(u64) -> u64 {
        let mut state = seed;
        move |below| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        }
    }

    /// The permutation p-value by listing every split of the pooled answers,
    /// comparing gaps exactly in whole numbers: |S_C/n_C − S_V/n_V| scaled
    /// by n_C × n_V is |S_C n_V − S_V n_C|.
    fn brute_force_p(council: &[u32; 5], vcs: &[u32; 5]) -> f64 {
        let pooled: Vec<u64> = [answers(council), answers(vcs)].concat();
        let (n_council, n_vcs) = (people(council), people(vcs));
        let total: u64 = pooled.iter().sum();
        let scaled_gap =
            |council_sum: u64| (council_sum * n_vcs).abs_diff((total - council_sum) * n_council);
        let observed = scaled_gap(answer_sum(council));
        let (mut splits, mut extreme) = (0u64, 0u64);
        for mask in 0u32..1 << pooled.len() {
            if u64::from(mask.count_ones()) != n_council {
                continue;
            }
            let council_sum: u64 = (0..pooled.len())
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| pooled[i])
                .sum();
            splits += 1;
            if scaled_gap(council_sum) >= observed {
                extreme += 1;
            }
        }
        extreme as f64 / splits as f64
    }

    /// Cliff's delta by comparing every council–VCS pair.
    fn brute_force_delta(council: &[u32; 5], vcs: &[u32; 5]) -> f64 {
        let (council, vcs) = (answers(council), answers(vcs));
        let balance: i64 = council
            .iter()
            .flat_map(|c| vcs.iter().map(move |v| c.cmp(v) as i64))
            .sum();
        balance as f64 / (council.len() * vcs.len()) as f64
    }

    #[test]
    fn four_against_four_lists_all_seventy_splits() {
        // Pooled 1 2 2 3 3 4 5 5, total 25; council 5 5 4 3 sums 17, the VCS 8,
        // a gap of 17/4 − 8/4 = 2.25. A split whose council sums to S has gap
        // (S − (25 − S)) / 4, at least 2.25 in size when S ≥ 17 or S ≤ 8.
        // The largest four-answer sum is 5 + 5 + 4 + 3 = 17 (either 3: two
        // splits; 5 5 4 2 and 5 5 3 3 give 16); the smallest is 1 + 2 + 2 + 3
        // = 8 (either 3: two splits). So p = 4 / C(8, 4) = 4/70 = 2/35.
        let council = counts(&[5, 5, 4, 3]);
        let vcs = counts(&[2, 3, 1, 2]);
        let p = exact_permutation_p(&council, &vcs).unwrap();
        close(p, 4.0 / 70.0);
        close(brute_force_p(&council, &vcs), 4.0 / 70.0);
        // Council 3 beats 1, 2, 2 and ties 3; 4 and each 5 beat all four:
        // 3 + 4 + 4 + 4 = 15 pairs higher, none lower.
        close(cliffs_delta(&council, &vcs).unwrap(), 15.0 / 16.0);
        assert_eq!(
            Effect::between(&council, &vcs).unwrap().magnitude,
            Magnitude::Large
        );
    }

    #[test]
    fn all_fives_against_all_ones_is_still_only_two_in_seventy() {
        // Only the split that gives the council all four 5s, and the one that
        // gives it all four 1s, are as far apart: p = 2/70 ≈ 0.0286.
        let council = counts(&[5, 5, 5, 5]);
        let vcs = counts(&[1, 1, 1, 1]);
        close(exact_permutation_p(&council, &vcs).unwrap(), 2.0 / 70.0);
        let effect = Effect::between(&council, &vcs).unwrap();
        close(effect.cliffs_delta, 1.0);
        assert_eq!(effect.magnitude, Magnitude::Large);
        close(cliffs_delta(&vcs, &council).unwrap(), -1.0);
    }

    #[test]
    fn identical_answers_have_no_effect_and_p_one() {
        let side = counts(&[1, 2, 4, 5, 5]);
        close(cliffs_delta(&side, &side).unwrap(), 0.0);
        assert_eq!(exact_permutation_p(&side, &side), Some(1.0));
        let everyone_three = counts(&[3, 3, 3]);
        assert_eq!(
            exact_permutation_p(&everyone_three, &everyone_three),
            Some(1.0)
        );
        assert_eq!(
            Effect::between(&side, &side).unwrap().magnitude,
            Magnitude::Negligible
        );
    }

    #[test]
    fn splits_with_exactly_the_observed_gap_count() {
        // Council 1 2 against VCS 2 3: gap −1. Of the C(4, 2) = 6 council
        // pairs from 1 2 2 3, {1, 2} twice has gap −1, {2, 3} twice +1, and
        // {1, 3} and {2, 2} have 0: p = 4/6, all four of them ties.
        close(
            exact_permutation_p(&counts(&[1, 2]), &counts(&[2, 3])).unwrap(),
            4.0 / 6.0,
        );
    }

    #[test]
    fn ties_computed_a_hair_apart_still_count() {
        // Council 1 2 against VCS 2 2 3: gap 3/2 − 7/3 = −5/6. Of the
        // C(5, 2) = 10 council pairs from 1 2 2 2 3, the three {1, 2} sum to 3
        // (gap −5/6), {1, 3} and the three {2, 2} sum to 4 (gap 0), the three
        // {2, 3} sum to 5 (gap 5/2 − 5/3 = +5/6): p = 6/10.
        // In floating point the +5/6 comes out just under the observed size,
        // so without the tolerance p would be 3/10.
        assert!(2.5 - 5.0 / 3.0 < (1.5 - 7.0 / 3.0_f64).abs());
        let council = counts(&[1, 2]);
        let vcs = counts(&[2, 2, 3]);
        close(exact_permutation_p(&council, &vcs).unwrap(), 0.6);
        close(brute_force_p(&council, &vcs), 0.6);
        // The same with the sides swapped (the larger side is then the council).
        close(exact_permutation_p(&vcs, &council).unwrap(), 0.6);
    }

    #[test]
    fn an_empty_side_gives_nothing() {
        let side = counts(&[3, 4]);
        assert_eq!(cliffs_delta(&side, &[0; 5]), None);
        assert_eq!(cliffs_delta(&[0; 5], &side), None);
        assert_eq!(exact_permutation_p(&side, &[0; 5]), None);
        assert_eq!(exact_permutation_p(&[0; 5], &side), None);
        assert_eq!(Effect::between(&[0; 5], &[0; 5]), None);
    }

    #[test]
    fn random_small_cases_match_brute_force() {
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..200 {
            let mut side = || {
                let size = 1 + next(7);
                let answers: Vec<u8> = (0..size).map(|_| 1 + next(5) as u8).collect();
                counts(&answers)
            };
            let (council, vcs) = (side(), side());
            let p = exact_permutation_p(&council, &vcs).unwrap();
            let expected = brute_force_p(&council, &vcs);
            assert!(
                (p - expected).abs() < 1e-12,
                "{council:?} against {vcs:?}: {p} but brute force {expected}"
            );
            close(
                cliffs_delta(&council, &vcs).unwrap(),
                brute_force_delta(&council, &vcs),
            );
        }
    }

    #[test]
    fn ten_against_ten_matches_brute_force() {
        // 184,756 splits listed one by one.
        let council = counts(&[5, 4, 4, 3, 5, 2, 4, 4, 3, 5]);
        let vcs = counts(&[3, 2, 4, 1, 3, 2, 5, 3, 2, 3]);
        close(
            exact_permutation_p(&council, &vcs).unwrap(),
            brute_force_p(&council, &vcs),
        );
    }

    #[test]
    fn a_thousand_people_stay_in_range() {
        let council = [40, 90, 150, 120, 100];
        let vcs = [60, 110, 160, 100, 70];
        let everything = Tails { below: 0, from: 0 };
        let shares = split_shares(&[100, 200, 310, 220, 170], 500, everything);
        close(shares.all, 1.0);
        close(shares.counted, 1.0);
        let p = exact_permutation_p(&council, &vcs).unwrap();
        assert!(p > 0.0 && p < 0.05, "p = {p}");
        close(exact_permutation_p(&vcs, &council).unwrap(), p);
        assert_eq!(exact_permutation_p(&council, &council), Some(1.0));
    }

    /// The permutation p-value by counting subsets person by person:
    /// ways[k][s] is how many groups of k people sum to s. Independent of the
    /// hypergeometric weights, and quick enough for a hundred people.
    fn subset_counting_p(council: &[u32; 5], vcs: &[u32; 5]) -> f64 {
        let pooled: Vec<u64> = [answers(council), answers(vcs)].concat();
        let (n_council, n_vcs) = (people(council), people(vcs));
        let (size, most) = (n_council as usize, 5 * n_council as usize);
        let mut ways = vec![vec![0.0_f64; most + 1]; size + 1];
        ways[0][0] = 1.0;
        for &answer in &pooled {
            for k in (1..=size).rev() {
                for s in (answer as usize..=most).rev() {
                    ways[k][s] += ways[k - 1][s - answer as usize];
                }
            }
        }
        let total: u64 = pooled.iter().sum();
        let scaled_gap =
            |council_sum: u64| (council_sum * n_vcs).abs_diff((total - council_sum) * n_council);
        let observed = scaled_gap(answer_sum(council));
        let (extreme, all) = ways[size]
            .iter()
            .enumerate()
            .filter(|&(_, &count)| count > 0.0)
            .fold((0.0, 0.0), |(extreme, all), (sum, &count)| {
                let counts = scaled_gap(sum as u64) >= observed;
                (extreme + if counts { count } else { 0.0 }, all + count)
            });
        extreme / all
    }

    #[test]
    fn groups_of_dozens_match_counting_subsets() {
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        for _ in 0..12 {
            // Each side leans its own way, so p runs from tiny to 1.
            let mut side = |lean: u64| {
                let size = 15 + next(35);
                let answers: Vec<u8> = (0..size)
                    .map(|_| 1 + ((next(5) + lean * next(3)) % 5) as u8)
                    .collect();
                counts(&answers)
            };
            let (council, vcs) = (side(0), side(1));
            let p = exact_permutation_p(&council, &vcs).unwrap();
            let expected = subset_counting_p(&council, &vcs);
            assert!(
                (p - expected).abs() <= 1e-9 * expected,
                "{council:?} against {vcs:?}: {p} but counting subsets {expected}"
            );
        }
    }

    #[test]
    fn the_memo_gives_the_same_p_values_and_remembers_them() {
        let items = [
            (counts(&[5, 5, 4, 3]), counts(&[2, 3, 1, 2])),
            (counts(&[3, 4]), [0; 5]),
            (counts(&[5, 5, 4, 3]), counts(&[2, 3, 1, 2])),
            (counts(&[1, 2]), counts(&[2, 2, 3])),
        ];
        let direct: Vec<Option<f64>> = items
            .iter()
            .map(|(council, vcs)| exact_permutation_p(council, vcs))
            .collect();
        let memo = PValueMemo::default();
        assert_eq!(memo.p_values(&items), direct);
        // Three different items, the empty side's `None` included.
        assert_eq!(memo.known().len(), 3);
        assert_eq!(memo.p_values(&items[1..]), direct[1..]);
        assert_eq!(memo.known().len(), 3);
    }

    #[test]
    fn magnitude_thresholds() {
        assert_eq!(Magnitude::of(0.146), Magnitude::Negligible);
        assert_eq!(Magnitude::of(-0.147), Magnitude::Small);
        assert_eq!(Magnitude::of(0.329), Magnitude::Small);
        assert_eq!(Magnitude::of(0.33), Magnitude::Medium);
        assert_eq!(Magnitude::of(-0.473), Magnitude::Medium);
        assert_eq!(Magnitude::of(0.474), Magnitude::Large);
        assert_eq!(Magnitude::of(-1.0), Magnitude::Large);
        // 33 of 100 pairs net: exactly on the medium threshold.
        let delta = cliffs_delta(&[0, 0, 0, 0, 10], &[0, 0, 0, 33, 67]).unwrap();
        assert_eq!(delta, 0.33);
        assert_eq!(Magnitude::of(delta), Magnitude::Medium);
    }

    #[test]
    fn benjamini_hochberg_on_a_known_list() {
        // Ascending: 0.005, 0.01, 0.03, 0.04 (m = 4), times m / rank:
        // 0.02, 0.02, 0.04, 0.04; already monotone. Back in input order:
        let q = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005]);
        for (actual, expected) in q.iter().zip([0.02, 0.04, 0.04, 0.02]) {
            close(*actual, expected);
        }
        // 0.04 × 2 / 1 = 0.08, but the larger p gives 0.041 × 2 / 2 = 0.041,
        // which caps it.
        let q = benjamini_hochberg(&[0.041, 0.04]);
        close(q[0], 0.041);
        close(q[1], 0.041);
        assert!(benjamini_hochberg(&[]).is_empty());
        assert_eq!(benjamini_hochberg(&[1.0, 1.0]), vec![1.0, 1.0]);
    }

    #[test]
    fn significance_is_corrected_across_the_items_shown() {
        let items = [
            (counts(&[5, 5, 5, 5]), counts(&[1, 1, 1, 1])),
            (counts(&[3, 4]), [0; 5]),
            (counts(&[5, 5, 4, 3]), counts(&[2, 3, 1, 2])),
        ];
        let results = significance_across(&items, &PValueMemo::default());
        assert_eq!(results.len(), 3);
        assert_eq!(results[1], None);
        let (first, third) = (results[0].unwrap(), results[2].unwrap());
        close(first.p_value, 2.0 / 70.0);
        close(third.p_value, 4.0 / 70.0);
        // Two p-values: 2/70 × 2 / 1 = 4/70 and 4/70 × 2 / 2 = 4/70.
        close(first.q_value, 4.0 / 70.0);
        close(third.q_value, 4.0 / 70.0);
        assert_eq!(first.certainty(), Certainty::CouldBeChance);
        assert_eq!(first.effect.magnitude, Magnitude::Large);

        let alone = significance_across(&items[..1], &PValueMemo::default());
        assert_eq!(alone[0].unwrap().certainty(), Certainty::Clear);
    }

    #[test]
    fn certainty_reads_in_plain_words() {
        assert_eq!(Certainty::from_q(0.049), Certainty::Clear);
        assert_eq!(Certainty::from_q(0.05), Certainty::CouldBeChance);
        assert_eq!(Certainty::Clear.label(), "a clear difference");
        assert_eq!(
            Certainty::CouldBeChance.label(),
            "could be chance with this few people"
        );
        assert_eq!(Magnitude::Medium.label(), "medium");
        assert_eq!(
            serde_json::to_string(&Certainty::CouldBeChance).unwrap(),
            "\"could_be_chance\""
        );
        assert_eq!(
            serde_json::to_string(&Magnitude::Large).unwrap(),
            "\"large\""
        );
    }

    #[test]
    fn both_sides_must_respond_and_lean_to_agree() {
        assert!(agreed_by_both_sides(3, 1, 2, 0));
        assert!(agreed_by_both_sides(1, 0, 1, 0));
        // A tie on a side is not agreement.
        assert!(!agreed_by_both_sides(2, 2, 3, 0));
        assert!(!agreed_by_both_sides(3, 0, 1, 2));
        // Abstentions: nobody on a side responded.
        assert!(!agreed_by_both_sides(4, 0, 0, 0));
        assert!(!agreed_by_both_sides(0, 0, 5, 1));
        assert!(!agreed_by_both_sides(0, 0, 0, 0));
    }
}
