//! Dates as people in the UK write them: `31/03/2027`, `31 March 2027` (or
//! `31 Mar 2027`, or in Welsh `31 Mawrth 2027`) and `2027-03-31`. Day before
//! month, never the US way round.

use chrono::NaiveDate;

/// Why typed text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not written in any of the accepted ways.
    NotADate,
    /// Written the right way, but the calendar has no such day (31/02/2027).
    NoSuchDay,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months in Welsh, for dates typed in Welsh: "31 Mawrth 2027".
const WELSH_MONTHS: [&str; 12] = [
    "ionawr",
    "chwefror",
    "mawrth",
    "ebrill",
    "mai",
    "mehefin",
    "gorffennaf",
    "awst",
    "medi",
    "hydref",
    "tachwedd",
    "rhagfyr",
];

/// Reads a date written as `31/03/2027`, `31 March 2027`, `31 Mar 2027` or
/// `2027-03-31`. Years are written in full: "31/03/27" could mean 1927.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateProblem> {
    let text = text.trim().trim_end_matches('.');
    let (day, month, year) = if let Some(parts) = split_numbers(text, '/') {
        (parts[0], parts[1], parts[2])
    } else if let Some(parts) = split_numbers(text, '-').filter(|parts| parts[0] > 31) {
        (parts[2], parts[1], parts[0])
    } else {
        in_words(text).ok_or(DateProblem::NotADate)?
    };
    if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(DateProblem::NotADate);
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(DateProblem::NoSuchDay)
}

/// Three numbers joined by `separator`, each of digits only.
fn split_numbers(text: &str, separator: char) -> Option<[u32; 3]> {
    let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str| {
        (!part.is_empty() && part.len() <= 4 && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    Some([number(first)?, number(second)?, number(third)?])
}

/// "31 March 2027", "31st Mar 2027" or "31 March, 2027": day, month, year.
fn in_words(text: &str) -> Option<(u32, u32, u32)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let day = day.to_ascii_lowercase();
    let day = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| day.strip_suffix(suffix))
        .unwrap_or(&day);
    let month = month.to_lowercase();
    let month = month.trim_end_matches('.');
    let month = MONTHS
        .iter()
        .position(|name| {
            *name == month
                || (month.len() == 3 && name.starts_with(month))
                || (month == "sept" && *name == "september")
        })
        .or_else(|| WELSH_MONTHS.iter().position(|name| *name == month))?;
    let digits = |part: &str| {
        (!part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    Some((digits(day)?, month as u32 + 1, digits(year)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn every_written_form_reads_as_the_same_day() {
        for text in [
            "31/03/2027",
            " 31/3/2027 ",
            "31 March 2027",
            "31 march 2027",
            "31 Mar 2027",
            "31st March 2027",
            "31 March, 2027",
            "31 Mar. 2027",
            "2027-03-31",
        ] {
            assert_eq!(parse_date(text), Ok(date(2027, 3, 31)), "{text:?}");
        }
        assert_eq!(parse_date("1 Sept 2026"), Ok(date(2026, 9, 1)));
        assert_eq!(parse_date("31 Mawrth 2027"), Ok(date(2027, 3, 31)));
        assert_eq!(parse_date("1 Mai 2027"), Ok(date(2027, 5, 1)));
        assert_eq!(parse_date("01/09/2026"), Ok(date(2026, 9, 1)));
        assert_eq!(parse_date("29/02/2028"), Ok(date(2028, 2, 29)));
    }

    #[test]
    fn day_comes_before_month() {
        assert_eq!(parse_date("04/05/2027"), Ok(date(2027, 5, 4)));
        assert_eq!(parse_date("03/31/2027"), Err(DateProblem::NotADate));
    }

    #[test]
    fn what_is_not_a_date_is_refused() {
        for text in [
            "",
            "next Tuesday",
            "31/03/27",
            "31-03-2027",
            "31/03",
            "2027/03",
            "31 Marchly 2027",
            "31 Ma 2027",
            "March 31 2027",
            "+31/03/2027",
            "32/01/2027",
            "00/01/2027",
            "2027-13-01",
        ] {
            assert_eq!(parse_date(text), Err(DateProblem::NotADate), "{text:?}");
        }
    }

    #[test]
    fn a_day_the_calendar_lacks_is_named_as_such() {
        for text in ["31/02/2027", "30 February 2027", "2027-04-31", "29/02/2027"] {
            assert_eq!(parse_date(text), Err(DateProblem::NoSuchDay), "{text:?}");
        }
    }
}
