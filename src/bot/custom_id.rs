//! The versioned, stateless `custom_id` of every button and modal the bot
//! posts. All the state a click needs is in the id or in the database, so
//! buttons keep working after a restart. Discord allows 100 characters; the
//! longest id here, with every number at `i64::MAX`, is well under that.
//!
//! Format: `v1:<kind>:<part>:<part>…`, numbers in plain decimal. A new layout
//! gets a new version; old versions stay parseable while old cards may exist.

use std::fmt;

use crate::domain::{ActionId, DraftId, Language, RoundId, Side, Stance, VoteValue, WorkshopId};

/// The version every id is written with.
pub const VERSION: &str = "v1";

/// Which way a private ballot moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Back,
    Next,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::Back, Direction::Next];

    fn as_str(self) -> &'static str {
        match self {
            Direction::Back => "back",
            Direction::Next => "next",
        }
    }
}

/// What a button or modal does, decoded from its `custom_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComponentAction {
    /// A button on a public vote card: `v1:vote:<workshop>:<round>:<item>:<value>`.
    /// `item_index` is the item's position in the round's item list, not its
    /// long text id, which keeps the id far under 100 characters.
    /// `value` is 1–5, or 0 for "not sure".
    Vote {
        workshop: WorkshopId,
        round: RoundId,
        item_index: u16,
        value: VoteValue,
    },
    /// A vote button on a private ballot, answered in place:
    /// `v1:ballot-vote:<workshop>:<round>:<item>:<value>` (as for `Vote`).
    BallotVote {
        workshop: WorkshopId,
        round: RoundId,
        item_index: u16,
        value: VoteValue,
    },
    /// Back or Next on a private ballot: `v1:ballot-move:<workshop>:<position>:<back|next>`.
    /// `position` is the shown item's place in the ballot's list of open items.
    BallotMove {
        workshop: WorkshopId,
        position: u16,
        direction: Direction,
    },
    /// "Start my ballot" on a public card: `v1:ballot-start:<workshop>`.
    BallotStart { workshop: WorkshopId },
    /// Agree or Object on an action card: `v1:action-respond:<workshop>:<action>:<agree|object>`.
    ActionRespond {
        workshop: WorkshopId,
        action: ActionId,
        stance: Stance,
    },
    /// The facilitator's "Mark agreed" on an action card: `v1:action-agreed:<workshop>:<action>`.
    ActionMarkAgreed {
        workshop: WorkshopId,
        action: ActionId,
    },
    /// The custom id of the "propose an action" modal: `v1:action-propose:<workshop>`.
    ActionProposeModal { workshop: WorkshopId },
    /// "Open the form again" on a refused form's private reply:
    /// `v1:action-again:<workshop>:<draft>`. What was typed is too long for
    /// an id, so it is kept in the database as a draft (see
    /// `Service::keep_action_draft`) and the id names the draft.
    ActionFormAgain {
        workshop: WorkshopId,
        draft: DraftId,
    },
    /// A "join as …" button: `v1:join:<workshop>:<council|vcs|other>`.
    Join { workshop: WorkshopId, side: Side },
    /// "Cymraeg" or "English" under the reply to joining a Welsh or
    /// bilingual workshop: `v1:language:<workshop>:<english|welsh>`.
    ChooseLanguage {
        workshop: WorkshopId,
        language: Language,
    },
}

/// Why a `custom_id` could not be decoded. The messages are for the log; see
/// [`CustomIdError::message_key`] for what to tell the person who clicked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CustomIdError {
    /// Not one of ours at all (e.g. a collector's id): leave it to whoever made it.
    #[error("custom id \"{0}\" does not start with a version such as v1:")]
    Unversioned(String),
    #[error("custom id \"{id}\" has version {version}, but this build reads only {VERSION}")]
    UnknownVersion { id: String, version: String },
    #[error("custom id \"{id}\" has the unknown kind \"{kind}\"")]
    UnknownKind { id: String, kind: String },
    #[error("custom id \"{id}\" has {found} parts after its kind; {kind} needs {expected}")]
    WrongPartCount {
        id: String,
        kind: &'static str,
        expected: usize,
        found: usize,
    },
    #[error("custom id \"{id}\": the {part} \"{found}\" is not a whole number in plain form")]
    NotANumber {
        id: String,
        part: &'static str,
        found: String,
    },
    #[error("custom id \"{id}\": the {part} \"{found}\" is out of range; expected {expected}")]
    OutOfRange {
        id: String,
        part: &'static str,
        found: String,
        expected: &'static str,
    },
}

impl CustomIdError {
    /// The catalogue key of what to tell the person whose click could not
    /// be understood.
    pub fn message_key(&self) -> &'static str {
        match self {
            CustomIdError::UnknownVersion { .. } => crate::key!("error-button-old-version"),
            _ => crate::key!("error-button-unreadable"),
        }
    }
}

impl ComponentAction {
    /// The `custom_id` to put on the button or modal.
    pub fn encode(&self) -> String {
        // Every id starts with its workshop, as `Parts::workshop_and` reads it.
        let after_workshop: Vec<String> = match *self {
            ComponentAction::Vote {
                round,
                item_index,
                value,
                ..
            }
            | ComponentAction::BallotVote {
                round,
                item_index,
                value,
                ..
            } => vec![
                round.to_string(),
                item_index.to_string(),
                value.code().to_string(),
            ],
            ComponentAction::BallotMove {
                position,
                direction,
                ..
            } => vec![position.to_string(), direction.as_str().to_owned()],
            ComponentAction::BallotStart { .. } | ComponentAction::ActionProposeModal { .. } => {
                Vec::new()
            }
            ComponentAction::ActionRespond { action, stance, .. } => {
                vec![action.to_string(), stance.as_str().to_owned()]
            }
            ComponentAction::ActionMarkAgreed { action, .. } => vec![action.to_string()],
            ComponentAction::ActionFormAgain { draft, .. } => vec![draft.to_string()],
            ComponentAction::Join { side, .. } => vec![side.as_str().to_owned()],
            ComponentAction::ChooseLanguage { language, .. } => {
                vec![language.as_str().to_owned()]
            }
        };
        let mut parts = vec![self.workshop().to_string()];
        parts.extend(after_workshop);
        format!("{VERSION}:{}:{}", self.kind(), parts.join(":"))
    }

    fn kind(&self) -> &'static str {
        match self {
            ComponentAction::Vote { .. } => "vote",
            ComponentAction::BallotVote { .. } => "ballot-vote",
            ComponentAction::BallotMove { .. } => "ballot-move",
            ComponentAction::BallotStart { .. } => "ballot-start",
            ComponentAction::ActionRespond { .. } => "action-respond",
            ComponentAction::ActionMarkAgreed { .. } => "action-agreed",
            ComponentAction::ActionProposeModal { .. } => "action-propose",
            ComponentAction::ActionFormAgain { .. } => "action-again",
            ComponentAction::Join { .. } => "join",
            ComponentAction::ChooseLanguage { .. } => "language",
        }
    }

    /// The workshop the button belongs to.
    pub fn workshop(&self) -> WorkshopId {
        match *self {
            ComponentAction::Vote { workshop, .. }
            | ComponentAction::BallotVote { workshop, .. }
            | ComponentAction::BallotMove { workshop, .. }
            | ComponentAction::BallotStart { workshop }
            | ComponentAction::ActionRespond { workshop, .. }
            | ComponentAction::ActionMarkAgreed { workshop, .. }
            | ComponentAction::ActionProposeModal { workshop }
            | ComponentAction::ActionFormAgain { workshop, .. }
            | ComponentAction::Join { workshop, .. }
            | ComponentAction::ChooseLanguage { workshop, .. } => workshop,
        }
    }

    /// Decodes a `custom_id` written by [`ComponentAction::encode`]. Only the
    /// exact form `encode` writes is accepted (no signs, spaces or leading zeros).
    pub fn parse(id: &str) -> Result<ComponentAction, CustomIdError> {
        let mut pieces = id.split(':');
        let version = pieces.next().unwrap_or_default();
        let is_versioned = version.len() > 1
            && version.starts_with('v')
            && version[1..].chars().all(|c| c.is_ascii_digit())
            && id.len() > version.len();
        if !is_versioned {
            return Err(CustomIdError::Unversioned(id.to_owned()));
        }
        if version != VERSION {
            return Err(CustomIdError::UnknownVersion {
                id: id.to_owned(),
                version: version.to_owned(),
            });
        }
        let kind = pieces.next().unwrap_or_default();
        let parts = Parts {
            id,
            values: pieces.collect(),
        };
        match kind {
            "vote" => {
                let (workshop, round, item_index, value) = parts.vote_parts("vote")?;
                Ok(ComponentAction::Vote {
                    workshop,
                    round,
                    item_index,
                    value,
                })
            }
            "ballot-vote" => {
                let (workshop, round, item_index, value) = parts.vote_parts("ballot-vote")?;
                Ok(ComponentAction::BallotVote {
                    workshop,
                    round,
                    item_index,
                    value,
                })
            }
            "ballot-move" => {
                let (workshop, [position, direction]) = parts.workshop_and("ballot-move")?;
                Ok(ComponentAction::BallotMove {
                    workshop,
                    position: position.index("ballot position")?,
                    direction: direction.word(
                        "direction",
                        &Direction::ALL,
                        Direction::as_str,
                        "back or next",
                    )?,
                })
            }
            "ballot-start" => {
                let (workshop, []) = parts.workshop_and("ballot-start")?;
                Ok(ComponentAction::BallotStart { workshop })
            }
            "action-respond" => {
                let (workshop, [action, stance]) = parts.workshop_and("action-respond")?;
                Ok(ComponentAction::ActionRespond {
                    workshop,
                    action: ActionId(action.database_id("action")?),
                    stance: stance.word(
                        "response",
                        Stance::ALL,
                        Stance::as_str,
                        "agree or object",
                    )?,
                })
            }
            "action-agreed" => {
                let (workshop, [action]) = parts.workshop_and("action-agreed")?;
                Ok(ComponentAction::ActionMarkAgreed {
                    workshop,
                    action: ActionId(action.database_id("action")?),
                })
            }
            "action-propose" => {
                let (workshop, []) = parts.workshop_and("action-propose")?;
                Ok(ComponentAction::ActionProposeModal { workshop })
            }
            "action-again" => {
                let (workshop, [draft]) = parts.workshop_and("action-again")?;
                Ok(ComponentAction::ActionFormAgain {
                    workshop,
                    draft: DraftId(draft.database_id("draft")?),
                })
            }
            "join" => {
                let (workshop, [side]) = parts.workshop_and("join")?;
                Ok(ComponentAction::Join {
                    workshop,
                    side: side.word("side", Side::ALL, Side::as_str, "council, vcs or other")?,
                })
            }
            "language" => {
                let (workshop, [language]) = parts.workshop_and("language")?;
                Ok(ComponentAction::ChooseLanguage {
                    workshop,
                    language: language.word(
                        "language",
                        &Language::ALL,
                        Language::as_str,
                        "english or welsh",
                    )?,
                })
            }
            other => Err(CustomIdError::UnknownKind {
                id: id.to_owned(),
                kind: other.to_owned(),
            }),
        }
    }
}

impl fmt::Display for ComponentAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

/// The parts after the kind, with the whole id kept for error messages.
struct Parts<'a> {
    id: &'a str,
    values: Vec<&'a str>,
}

impl<'a> Parts<'a> {
    /// The four parts of a vote button: workshop, round, item index, value.
    fn vote_parts(
        &self,
        kind: &'static str,
    ) -> Result<(WorkshopId, RoundId, u16, VoteValue), CustomIdError> {
        let (workshop, [round, item_index, value]) = self.workshop_and(kind)?;
        Ok((
            workshop,
            RoundId(round.database_id("round")?),
            item_index.index("item index")?,
            value.vote_value()?,
        ))
    }

    /// Every id starts with the workshop it belongs to; `N` more parts follow.
    /// The count is checked before any part is read, so a wrong count is
    /// reported as such even when a part is also malformed.
    fn workshop_and<const N: usize>(
        &self,
        kind: &'static str,
    ) -> Result<(WorkshopId, [Part<'a>; N]), CustomIdError> {
        let expected = N + 1;
        if self.values.len() != expected {
            return Err(CustomIdError::WrongPartCount {
                id: self.id.to_owned(),
                kind,
                expected,
                found: self.values.len(),
            });
        }
        let part = |index: usize| Part {
            id: self.id,
            text: self.values[index],
        };
        let workshop = WorkshopId(part(0).database_id("workshop")?);
        Ok((workshop, std::array::from_fn(|index| part(index + 1))))
    }
}

/// One part of an id, with the whole id kept for error messages.
struct Part<'a> {
    id: &'a str,
    text: &'a str,
}

impl Part<'_> {
    /// A database id in canonical decimal: what `i64::to_string` writes.
    fn database_id(&self, part: &'static str) -> Result<i64, CustomIdError> {
        match self.text.parse::<i64>() {
            Ok(number) if number.to_string() == self.text => Ok(number),
            Ok(_) => Err(self.not_a_number(part)),
            Err(error) => match error.kind() {
                std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                    Err(self.out_of_range(part, "a database id (a 64-bit number)"))
                }
                _ => Err(self.not_a_number(part)),
            },
        }
    }

    /// A position in a list, 0 to 65535, in canonical decimal.
    fn index(&self, part: &'static str) -> Result<u16, CustomIdError> {
        let text = self.text;
        if text.is_empty()
            || !text.chars().all(|c| c.is_ascii_digit())
            || (text.len() > 1 && text.starts_with('0'))
        {
            return Err(self.not_a_number(part));
        }
        text.parse::<u16>()
            .map_err(|_| self.out_of_range(part, "a position from 0 to 65535"))
    }

    fn vote_value(&self) -> Result<VoteValue, CustomIdError> {
        let text = self.text;
        if text.len() != 1 || !text.chars().all(|c| c.is_ascii_digit()) {
            return Err(self.not_a_number("vote value"));
        }
        text.parse::<u8>()
            .ok()
            .and_then(|code| VoteValue::from_code(code).ok())
            .ok_or_else(|| self.out_of_range("vote value", "0 (not sure) or 1 to 5"))
    }

    /// One of a few fixed words, exactly as `word` writes it.
    fn word<T: Copy>(
        &self,
        part: &'static str,
        choices: &[T],
        word: impl Fn(T) -> &'static str,
        expected: &'static str,
    ) -> Result<T, CustomIdError> {
        choices
            .iter()
            .copied()
            .find(|choice| word(*choice) == self.text)
            .ok_or_else(|| self.out_of_range(part, expected))
    }

    fn not_a_number(&self, part: &'static str) -> CustomIdError {
        CustomIdError::NotANumber {
            id: self.id.to_owned(),
            part,
            found: self.text.to_owned(),
        }
    }

    fn out_of_range(&self, part: &'static str, expected: &'static str) -> CustomIdError {
        CustomIdError::OutOfRange {
            id: self.id.to_owned(),
            part,
            found: self.text.to_owned(),
            expected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::limits::CUSTOM_ID_MAX_CHARS;
    use crate::domain::Score;

    fn all_vote_values() -> Vec<VoteValue> {
        (0..=5)
            .map(|code| VoteValue::from_code(code).unwrap())
            .collect()
    }

    /// One action of every kind and every value of its word or vote part,
    /// with the given numbers.
    fn every_kind(id: i64, index: u16) -> Vec<ComponentAction> {
        let (workshop, round, action) = (WorkshopId(id), RoundId(id), ActionId(id));
        let mut actions = Vec::new();
        for value in all_vote_values() {
            actions.push(ComponentAction::Vote {
                workshop,
                round,
                item_index: index,
                value,
            });
            actions.push(ComponentAction::BallotVote {
                workshop,
                round,
                item_index: index,
                value,
            });
        }
        for direction in Direction::ALL {
            actions.push(ComponentAction::BallotMove {
                workshop,
                position: index,
                direction,
            });
        }
        actions.push(ComponentAction::BallotStart { workshop });
        for &stance in Stance::ALL {
            actions.push(ComponentAction::ActionRespond {
                workshop,
                action,
                stance,
            });
        }
        actions.push(ComponentAction::ActionMarkAgreed { workshop, action });
        actions.push(ComponentAction::ActionProposeModal { workshop });
        actions.push(ComponentAction::ActionFormAgain {
            workshop,
            draft: DraftId(id),
        });
        for &side in Side::ALL {
            actions.push(ComponentAction::Join { workshop, side });
        }
        actions
    }

    #[test]
    fn every_kind_encodes_as_documented() {
        let three = VoteValue::Score(Score::try_from(3).unwrap());
        let cases = [
            (
                ComponentAction::Vote {
                    workshop: WorkshopId(12),
                    round: RoundId(34),
                    item_index: 5,
                    value: three,
                },
                "v1:vote:12:34:5:3",
            ),
            (
                ComponentAction::BallotVote {
                    workshop: WorkshopId(1),
                    round: RoundId(2),
                    item_index: 0,
                    value: VoteValue::NotSure,
                },
                "v1:ballot-vote:1:2:0:0",
            ),
            (
                ComponentAction::BallotMove {
                    workshop: WorkshopId(7),
                    position: 14,
                    direction: Direction::Back,
                },
                "v1:ballot-move:7:14:back",
            ),
            (
                ComponentAction::BallotStart {
                    workshop: WorkshopId(7),
                },
                "v1:ballot-start:7",
            ),
            (
                ComponentAction::ActionRespond {
                    workshop: WorkshopId(7),
                    action: ActionId(99),
                    stance: Stance::Object,
                },
                "v1:action-respond:7:99:object",
            ),
            (
                ComponentAction::ActionMarkAgreed {
                    workshop: WorkshopId(7),
                    action: ActionId(99),
                },
                "v1:action-agreed:7:99",
            ),
            (
                ComponentAction::ActionProposeModal {
                    workshop: WorkshopId(7),
                },
                "v1:action-propose:7",
            ),
            (
                ComponentAction::ActionFormAgain {
                    workshop: WorkshopId(7),
                    draft: DraftId(3),
                },
                "v1:action-again:7:3",
            ),
            (
                ComponentAction::Join {
                    workshop: WorkshopId(7),
                    side: Side::Vcs,
                },
                "v1:join:7:vcs",
            ),
        ];
        for (action, expected) in cases {
            assert_eq!(action.encode(), expected);
            assert_eq!(action.to_string(), expected);
            assert_eq!(ComponentAction::parse(expected), Ok(action));
            let workshop_part = expected.split(':').nth(2).unwrap();
            assert_eq!(action.workshop().to_string(), workshop_part);
        }
    }

    #[test]
    fn every_kind_and_value_round_trips() {
        let actions = every_kind(42, 3);
        // 12 votes, 2 moves, 1 start, 2 responses, 1 agreed, 1 modal, 1 form
        // again, 3 joins.
        assert_eq!(actions.len(), 23);
        for action in actions {
            assert_eq!(ComponentAction::parse(&action.encode()), Ok(action));
        }
    }

    #[test]
    fn the_longest_ids_fit_in_discords_100_characters() {
        let longest = every_kind(i64::MAX, u16::MAX)
            .into_iter()
            .chain(every_kind(i64::MIN, u16::MAX))
            .map(|action| {
                let id = action.encode();
                assert_eq!(ComponentAction::parse(&id), Ok(action));
                id.chars().count()
            })
            .max()
            .unwrap();
        // "v1:action-respond:" 18 + 20 ("-9223372036854775808") + ":" 1 + 20
        // + ":object" 7 = 66.
        assert_eq!(longest, 66);
        assert!(longest <= CUSTOM_ID_MAX_CHARS);
    }

    #[test]
    fn many_ids_round_trip() {
        // A deterministic spread over the whole range, with both edges.
        let mut id: i64 = 1;
        let mut samples = vec![0, 1, 9, 10, i64::MAX, i64::MIN, -1];
        for _ in 0..200 {
            id = id
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            samples.push(id);
        }
        for (n, &sample) in samples.iter().enumerate() {
            let index = (n as u16).wrapping_mul(331);
            for action in every_kind(sample, index) {
                assert_eq!(ComponentAction::parse(&action.encode()), Ok(action));
            }
        }
    }

    #[test]
    fn ids_without_a_version_are_refused() {
        for id in [
            "",
            "1234567890",
            "vote:1:2:3:4",
            "v:vote:1",
            "vx:vote:1",
            "v1",
        ] {
            let error = ComponentAction::parse(id).unwrap_err();
            assert!(
                matches!(error, CustomIdError::Unversioned(_)),
                "{id}: {error:?}"
            );
        }
    }

    #[test]
    fn other_versions_are_refused_with_their_own_message() {
        let error = ComponentAction::parse("v2:vote:1:2:3:4").unwrap_err();
        assert_eq!(
            error,
            CustomIdError::UnknownVersion {
                id: "v2:vote:1:2:3:4".to_owned(),
                version: "v2".to_owned()
            }
        );
        assert_eq!(error.message_key(), "error-button-old-version");
        assert_eq!(
            error.to_string(),
            "custom id \"v2:vote:1:2:3:4\" has version v2, but this build reads only v1"
        );
    }

    #[test]
    fn unknown_kinds_are_refused() {
        assert_eq!(
            ComponentAction::parse("v1:poll:1"),
            Err(CustomIdError::UnknownKind {
                id: "v1:poll:1".to_owned(),
                kind: "poll".to_owned()
            })
        );
        assert!(matches!(
            ComponentAction::parse("v1:"),
            Err(CustomIdError::UnknownKind { kind, .. }) if kind.is_empty()
        ));
    }

    #[test]
    fn missing_and_extra_parts_are_refused() {
        let cases = [
            ("v1:vote:1:2:3", "vote", 4, 3),
            ("v1:vote:1:2:3:4:5", "vote", 4, 5),
            ("v1:ballot-vote:1", "ballot-vote", 4, 1),
            ("v1:ballot-move:1:2", "ballot-move", 3, 2),
            ("v1:ballot-start", "ballot-start", 1, 0),
            ("v1:ballot-start:1:2", "ballot-start", 1, 2),
            ("v1:action-respond:1:2", "action-respond", 3, 2),
            ("v1:action-agreed:1", "action-agreed", 2, 1),
            ("v1:action-propose:1:", "action-propose", 1, 2),
            ("v1:join:1", "join", 2, 1),
        ];
        for (id, kind, expected, found) in cases {
            assert_eq!(
                ComponentAction::parse(id),
                Err(CustomIdError::WrongPartCount {
                    id: id.to_owned(),
                    kind,
                    expected,
                    found
                }),
                "{id}"
            );
        }
        assert_eq!(
            ComponentAction::parse("v1:vote:1:2:3")
                .unwrap_err()
                .to_string(),
            "custom id \"v1:vote:1:2:3\" has 3 parts after its kind; vote needs 4"
        );
    }

    #[test]
    fn numbers_must_be_plain_decimal() {
        let cases = [
            ("v1:vote:x:2:3:4", "workshop", "x"),
            ("v1:vote:+1:2:3:4", "workshop", "+1"),
            ("v1:vote:01:2:3:4", "workshop", "01"),
            ("v1:vote:-0:2:3:4", "workshop", "-0"),
            ("v1:vote:1: 2:3:4", "round", " 2"),
            ("v1:vote:1::3:4", "round", ""),
            ("v1:vote:1:2:-3:4", "item index", "-3"),
            ("v1:vote:1:2:03:4", "item index", "03"),
            ("v1:vote:1:2:3:04", "vote value", "04"),
            ("v1:vote:1:2:3:x", "vote value", "x"),
            ("v1:ballot-move:1:2.5:next", "ballot position", "2.5"),
            ("v1:action-agreed:1:ten", "action", "ten"),
        ];
        for (id, part, found) in cases {
            assert_eq!(
                ComponentAction::parse(id),
                Err(CustomIdError::NotANumber {
                    id: id.to_owned(),
                    part,
                    found: found.to_owned()
                }),
                "{id}"
            );
        }
    }

    #[test]
    fn out_of_range_values_are_refused() {
        let cases = [
            ("v1:vote:1:2:3:6", "vote value", "6"),
            ("v1:vote:1:2:3:9", "vote value", "9"),
            ("v1:vote:1:2:65536:1", "item index", "65536"),
            (
                "v1:vote:9223372036854775808:2:3:1",
                "workshop",
                "9223372036854775808",
            ),
            ("v1:ballot-move:1:2:sideways", "direction", "sideways"),
            ("v1:ballot-move:1:2:Next", "direction", "Next"),
            ("v1:action-respond:1:2:maybe", "response", "maybe"),
            ("v1:join:1:county", "side", "county"),
            ("v1:join:1:voluntary", "side", "voluntary"),
        ];
        for (id, part, found) in cases {
            match ComponentAction::parse(id) {
                Err(CustomIdError::OutOfRange {
                    part: got_part,
                    found: got_found,
                    ..
                }) => {
                    assert_eq!((got_part, got_found.as_str()), (part, found), "{id}");
                }
                other => panic!("{id}: expected out of range, got {other:?}"),
            }
        }
        assert_eq!(
            ComponentAction::parse("v1:vote:1:2:3:6")
                .unwrap_err()
                .to_string(),
            "custom id \"v1:vote:1:2:3:6\": the vote value \"6\" is out of range; expected 0 (not sure) or 1 to 5"
        );
    }
}
