//! How a figure is shown: the one rounding rule for every place a person
//! reads a number (charts, alt text, embeds, reports, the plan). Means and
//! gaps have one decimal, halves up; scores are whole numbers, halves up.
//! A gap is the difference of the two means as shown, so the words always
//! add up ("council 4.3, VCS 1.8: 2.5 points higher").

use std::fmt;
use std::ops::Sub;

/// Guards against binary fractions: 4.35 is stored as 4.34999…, and a
/// person expects it to round to 4.4.
const HALF_UP_TOLERANCE: f64 = 1e-9;

fn half_up(value: f64) -> i64 {
    let rounded = if value >= 0.0 {
        (value + 0.5 + HALF_UP_TOLERANCE).floor()
    } else {
        -(-value + 0.5 + HALF_UP_TOLERANCE).floor()
    };
    // Figures here are means of 1–5 answers and scores out of 75.
    rounded as i64
}

/// A figure rounded to one decimal place, as it is shown (halves away
/// from zero, so a gap of -0.25 shows as -0.3 like +0.25 as +0.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tenths(i64);

impl Tenths {
    pub fn of(value: f64) -> Self {
        Tenths(half_up(value * 10.0))
    }

    /// The shown figure as a number, for drawing it.
    pub fn value(self) -> f64 {
        self.0 as f64 / 10.0
    }

    /// Without its sign: "2.5" for a gap of -2.5.
    pub fn magnitude(self) -> Tenths {
        Tenths(self.0.abs())
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// With its sign always written: "+2.5", "-0.3", "0.0".
    pub fn signed(self) -> String {
        if self.0 > 0 {
            format!("+{self}")
        } else {
            self.to_string()
        }
    }
}

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let tenths = self.0.unsigned_abs();
        write!(f, "{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

impl Sub for Tenths {
    type Output = Tenths;

    fn sub(self, other: Tenths) -> Tenths {
        Tenths(self.0 - other.0)
    }
}

/// A score rounded to a whole number, as it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Whole(i64);

impl Whole {
    pub fn of(value: f64) -> Self {
        Whole(half_up(value))
    }

    pub fn value(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Whole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The gap between two means as people read it: the difference of the
/// means as shown, not the shown difference of the exact means.
pub fn shown_gap(first: f64, second: f64) -> Tenths {
    Tenths::of(first) - Tenths::of(second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_up() {
        assert_eq!(Tenths::of(4.25).to_string(), "4.3");
        assert_eq!(Tenths::of(4.35).to_string(), "4.4");
        assert_eq!(Tenths::of(1.75).to_string(), "1.8");
        assert_eq!(Tenths::of(3.0).to_string(), "3.0");
        assert_eq!(Tenths::of(-0.25).to_string(), "-0.3");
        assert_eq!(Whole::of(11.5).to_string(), "12");
        assert_eq!(Whole::of(11.49).to_string(), "11");
    }

    #[test]
    fn a_gap_is_the_difference_of_the_shown_means() {
        // 4.5 and 1.75 show as 4.5 and 1.8: the gap reads 2.7, not 2.8.
        let gap = shown_gap(4.5, 1.75);
        assert_eq!(gap.signed(), "+2.7");
        assert_eq!(gap.magnitude().to_string(), "2.7");
        assert_eq!(shown_gap(1.75, 4.5).signed(), "-2.7");
        assert!(shown_gap(2.0, 2.04).is_zero());
    }
}
