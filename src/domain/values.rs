//! Ids and validated values, parsed at the edge so the rest of the code can
//! trust them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Why a value from outside was refused. The message is for the person who
/// typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidValue(pub String);

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A workshop's number in the database.
    WorkshopId
);
id_type!(
    /// A participant's number in the database (one per person per workshop).
    ParticipantId
);
id_type!(
    /// A registered relationship's number in the database.
    RelationshipId
);
id_type!(
    /// A round of voting's number in the database.
    RoundId
);
id_type!(
    /// A proposed action's number in the database.
    ActionId
);
id_type!(
    /// A kept draft of the "propose an action" form.
    DraftId
);

/// The stable id of a toolkit item, e.g. `a3.shared_foundations.power`.
/// Wording may change; ids never do, and votes reference them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ItemId(String);

impl ItemId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ItemId {
    type Error = InvalidValue;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        let well_formed = !value.is_empty()
            && value.len() <= 60
            && value.split('.').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            });
        if well_formed {
            Ok(Self(value))
        } else {
            Err(InvalidValue(format!(
                "\"{value}\" is not an item id. Ids are lowercase words joined by dots, such as a3.shared_foundations.power."
            )))
        }
    }
}

impl FromStr for ItemId {
    type Err = InvalidValue;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::try_from(s.trim().to_owned())
    }
}

impl From<ItemId> for String {
    fn from(id: ItemId) -> Self {
        id.0
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Implements `as_str`, `Display`, `FromStr` (case-insensitive, with the
/// listed aliases) and a list of every value, for a plain enum whose values
/// people type.
macro_rules! word_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($variant:ident => $word:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = InvalidValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim().to_ascii_lowercase();
                $(
                    if wanted == $word $(|| wanted == $alias)* {
                        return Ok($name::$variant);
                    }
                )+
                let choices = [$($word),+].join(", ");
                Err(InvalidValue(format!(
                    "\"{}\" is not a {}. Choose one of: {}.",
                    s.trim(),
                    $what,
                    choices
                )))
            }
        }
    };
}

word_enum!(
    /// Which side of the partnership a participant speaks for.
    Side, "side" {
        Council => "council",
        Vcs => "vcs" | "voluntary" | "voluntary and community sector",
        Other => "other" | "other partner",
    }
);

word_enum!(
    /// Live: the facilitator steps through questions in a room. Async: the
    /// assessment stays open for days and people vote when they can.
    Mode, "workshop mode" {
        Live => "live",
        Async => "async" | "asynchronous",
    }
);

word_enum!(
    /// Whether a workshop still takes part in anything.
    WorkshopStatus, "workshop status" {
        Open => "open",
        Closed => "closed",
    }
);

word_enum!(
    /// The toolkit's three assessments.
    Assessment, "assessment" {
        Benefits => "benefits" | "one" | "1",
        Relationships => "relationships" | "two" | "2",
        Strategic => "strategic" | "three" | "3",
    }
);

impl Assessment {
    /// Assessments two and three are voted once per relationship.
    pub fn has_subject(self) -> bool {
        !matches!(self, Assessment::Benefits)
    }

    /// The prefix of the ids of this assessment's items.
    pub fn id_prefix(self) -> &'static str {
        match self {
            Assessment::Benefits => "a1",
            Assessment::Relationships => "a2",
            Assessment::Strategic => "a3",
        }
    }

    /// The assessment's name as the toolkit gives it.
    pub fn title(self) -> &'static str {
        match self {
            Assessment::Benefits => "Assessment one: the benefits of partnership working",
            Assessment::Relationships => "Assessment two: the type and scope of your relationships",
            Assessment::Strategic => "Assessment three: how strategic your relationships are",
        }
    }
}

word_enum!(
    /// Where a round of voting stands.
    RoundStatus, "round status" {
        Open => "open",
        Revealed => "revealed",
        Closed => "closed",
    }
);

word_enum!(
    /// The toolkit's five types of relationship (table two).
    RelationshipType, "relationship type" {
        Shaping => "shaping",
        Ongoing => "ongoing",
        Neighbourhood => "neighbourhood",
        Commissioning => "commissioning",
        Delivery => "delivery",
    }
);

word_enum!(
    /// The three levels of the toolkit's concentric circles.
    Level, "level" {
        Neighbourhood => "neighbourhood",
        Place => "place",
        System => "system",
    }
);

word_enum!(
    /// Whether the council holds a relationship itself or through an
    /// infrastructure body.
    Held, "way of holding a relationship" {
        Direct => "direct" | "directly",
        Brokered => "brokered",
    }
);

word_enum!(
    /// Where an action in the plan stands.
    ActionStatus, "action status" {
        Open => "open",
        InProgress => "in_progress" | "in progress",
        Done => "done",
        Dropped => "dropped",
    }
);

word_enum!(
    /// A participant's response to a proposed action.
    Stance, "response" {
        Agree => "agree",
        Object => "object",
    }
);

/// A score on the toolkit's scale: 1 = not at all … 5 = as much as possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Score {
    type Error = InvalidValue;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else {
            Err(InvalidValue(format!(
                "{value} is not on the scale. Give a whole number from 1 (not at all) to 5 (as much as possible), or \"not sure\"."
            )))
        }
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> Self {
        score.0
    }
}

/// One person's answer to one item: a score, or "not sure" (counted apart,
/// never in a mean).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VoteValue {
    Score(Score),
    NotSure,
}

impl VoteValue {
    /// The value as stored and as written in a custom id: 1–5, or 0 for not sure.
    pub fn code(self) -> u8 {
        match self {
            VoteValue::Score(score) => score.get(),
            VoteValue::NotSure => 0,
        }
    }

    pub fn from_code(code: u8) -> Result<Self, InvalidValue> {
        match code {
            0 => Ok(VoteValue::NotSure),
            other => Score::try_from(other).map(VoteValue::Score),
        }
    }

    pub fn score(self) -> Option<Score> {
        match self {
            VoteValue::Score(score) => Some(score),
            VoteValue::NotSure => None,
        }
    }
}

impl fmt::Display for VoteValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VoteValue::Score(score) => write!(f, "{}", score.get()),
            VoteValue::NotSure => f.write_str("not sure"),
        }
    }
}

impl FromStr for VoteValue {
    type Err = InvalidValue;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim().to_ascii_lowercase();
        if matches!(text.as_str(), "not sure" | "not_sure" | "notsure" | "?") {
            return Ok(VoteValue::NotSure);
        }
        match text.parse::<u8>() {
            Ok(0) | Err(_) => Err(InvalidValue(format!(
                "\"{}\" is not a vote. Give a whole number from 1 (not at all) to 5 (as much as possible), or \"not sure\".",
                s.trim()
            ))),
            Ok(number) => Score::try_from(number).map(VoteValue::Score),
        }
    }
}

/// How many voters a group needs on an item before its figures are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct AnonymityThreshold(u8);

impl AnonymityThreshold {
    pub const DEFAULT: AnonymityThreshold = AnonymityThreshold(3);
    pub const MAX: u8 = 10;

    pub fn get(self) -> u8 {
        self.0
    }

    /// Whether a group of `voters` may be shown.
    pub fn allows(self, voters: usize) -> bool {
        voters >= usize::from(self.0)
    }
}

impl Default for AnonymityThreshold {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<u8> for AnonymityThreshold {
    type Error = InvalidValue;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        if (1..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else {
            Err(InvalidValue(format!(
                "An anonymity threshold of {value} is not allowed. Choose a whole number from 1 to {}; 3 is usual.",
                Self::MAX
            )))
        }
    }
}

impl From<AnonymityThreshold> for u8 {
    fn from(threshold: AnonymityThreshold) -> Self {
        threshold.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vote_values_parse_from_what_people_type() {
        assert_eq!("3".parse::<VoteValue>().unwrap().code(), 3);
        assert_eq!(
            " Not sure ".parse::<VoteValue>().unwrap(),
            VoteValue::NotSure
        );
        assert!("0".parse::<VoteValue>().unwrap_err().0.contains("from 1"));
        assert!("6".parse::<VoteValue>().is_err());
        assert!("seven".parse::<VoteValue>().is_err());
    }

    #[test]
    fn vote_codes_round_trip() {
        for code in 0..=5 {
            assert_eq!(VoteValue::from_code(code).unwrap().code(), code);
        }
        assert!(VoteValue::from_code(6).is_err());
    }

    #[test]
    fn word_enums_parse_case_insensitively_and_list_choices() {
        assert_eq!("VCS".parse::<Side>().unwrap(), Side::Vcs);
        assert_eq!(
            "in progress".parse::<ActionStatus>().unwrap(),
            ActionStatus::InProgress
        );
        let error = "county".parse::<Side>().unwrap_err();
        assert_eq!(
            error.0,
            "\"county\" is not a side. Choose one of: council, vcs, other."
        );
    }

    #[test]
    fn item_ids_must_be_dotted_lowercase_words() {
        assert!("a3.shared_foundations.power".parse::<ItemId>().is_ok());
        assert!("A3.power".parse::<ItemId>().is_err());
        assert!("a3..power".parse::<ItemId>().is_err());
        assert!("".parse::<ItemId>().is_err());
    }

    #[test]
    fn anonymity_threshold_is_between_one_and_ten() {
        assert!(AnonymityThreshold::try_from(0).is_err());
        assert!(AnonymityThreshold::try_from(11).is_err());
        let three = AnonymityThreshold::try_from(3).unwrap();
        assert!(!three.allows(2));
        assert!(three.allows(3));
    }
}
