//! The facilitator's view of who has answered each posted question.

use super::discussion::assessment_name;
use super::vote::answered_line;
use crate::bot::limits::clip_label;
use crate::domain::Participant;
use crate::service::{QuestionProgress, RoundProgress};

/// Question labels are clipped to this in the status, to keep it short.
const QUESTION_LABEL_MAX_CHARS: usize = 60;

/// The facilitator's view of who has answered, per open round and posted
/// question. Names of those who have not answered are listed; what anyone
/// answered never is.
pub fn progress_report(progress: &[RoundProgress]) -> String {
    if progress.is_empty() {
        return "Nothing is open for voting. Open an assessment with /workshop open.".to_owned();
    }
    progress
        .iter()
        .map(|round| {
            let heading = match &round.relationship {
                Some(name) => format!("**{}**: {name}", assessment_name(round.round.assessment)),
                None => format!("**{}**", assessment_name(round.round.assessment)),
            };
            let mut lines = vec![heading];
            lines.extend(round.questions.iter().map(question_line));
            lines.push(if round.questions.is_empty() {
                "No question is posted yet. Use /workshop next to post the first.".to_owned()
            } else if round.not_voted.is_empty() {
                "Everyone taking part has answered every posted question.".to_owned()
            } else {
                format!(
                    "Not answered every question yet ({}): {}",
                    round.not_voted.len(),
                    names(&round.not_voted)
                )
            });
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// "2. Value of all parties: answered 5 of 6 (…). Not answered yet: val".
fn question_line(question: &QuestionProgress) -> String {
    let mut line = format!(
        "{}. {}: answered {}",
        usize::from(question.item_index) + 1,
        clip_label(&question.item.short, QUESTION_LABEL_MAX_CHARS),
        answered_line(&question.answered)
    );
    if !question.not_answered.is_empty() {
        line.push_str(&format!(
            ". Not answered yet: {}",
            names(&question.not_answered)
        ));
    }
    line
}

fn names(people: &[Participant]) -> String {
    people
        .iter()
        .map(|p| p.display_name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::{participant, round, toolkit};
    use crate::bot::limits::split_message;
    use crate::domain::Assessment;
    use crate::service::Answered;

    #[test]
    fn the_status_of_200_people_splits_into_messages_naming_everyone() {
        let not_voted: Vec<Participant> = (1..=200).map(participant).collect();
        let question = QuestionProgress {
            item_index: 0,
            item: toolkit().benefits[0].clone(),
            answered: Answered {
                taking_part: 200,
                ..Answered::default()
            },
            not_answered: not_voted.clone(),
        };
        let progress = RoundProgress {
            round: round(1, Assessment::Benefits, None),
            relationship: None,
            questions: vec![question],
            not_voted: not_voted.clone(),
        };
        let text = progress_report(&[progress]);
        assert!(text.starts_with(
            "**Benefits**\n1. Better services: answered 0 of 200 (council 0 · VCS 0 · other 0). \
             Not answered yet: "
        ));
        assert!(text.contains("\nNot answered every question yet (200): "));
        let pieces = split_message(&text, 2000);
        assert!(pieces.len() >= 10);
        assert!(pieces.iter().all(|p| p.chars().count() <= 2000));
        // Cuts fall between words, so the pieces rejoined hold every name.
        let joined = pieces.join(" ");
        let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        for person in &not_voted {
            let name = person
                .display_name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(joined.contains(&name), "{name} is missing");
        }
        assert_eq!(
            progress_report(&[]),
            "Nothing is open for voting. Open an assessment with /workshop open."
        );
    }

    #[test]
    fn a_round_with_nothing_posted_or_everything_answered_says_so() {
        let mut progress = RoundProgress {
            round: round(1, Assessment::Benefits, None),
            relationship: Some("Food bank".to_owned()),
            questions: Vec::new(),
            not_voted: Vec::new(),
        };
        assert_eq!(
            progress_report(std::slice::from_ref(&progress)),
            "**Benefits**: Food bank\nNo question is posted yet. Use /workshop next to post the first."
        );
        progress.questions.push(QuestionProgress {
            item_index: 1,
            item: toolkit().benefits[1].clone(),
            answered: Answered {
                council: 1,
                vcs: 1,
                other: 0,
                taking_part: 2,
            },
            not_answered: Vec::new(),
        });
        assert_eq!(
            progress_report(&[progress]),
            "**Benefits**: Food bank\n2. Reach of services: answered 2 of 2 (council 1 · VCS 1 · \
             other 0)\nEveryone taking part has answered every posted question."
        );
    }
}
