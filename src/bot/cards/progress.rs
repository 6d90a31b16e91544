//! The facilitator's view of who has answered each posted question.

use super::discussion::assessment_name;
use super::vote::answered_line;
use crate::bot::limits::clip_label;
use crate::domain::Participant;
use crate::prompts::Words;
use crate::service::{QuestionProgress, RoundProgress};

/// Question labels are clipped to this in the status, to keep it short.
const QUESTION_LABEL_MAX_CHARS: usize = 60;

/// The facilitator's view of who has answered, per open assessment and
/// posted question. Names of those who have not answered are listed; what
/// anyone answered never is.
pub fn progress_report(words: &Words<'_>, progress: &[RoundProgress]) -> String {
    if progress.is_empty() {
        return crate::text!(words, "status-nothing-open");
    }
    progress
        .iter()
        .map(|round| {
            let name = assessment_name(words, round.round.assessment);
            let heading = match &round.relationship {
                Some(relationship) => format!("**{name}**: {relationship}"),
                None => format!("**{name}**"),
            };
            let mut lines = vec![heading];
            lines.extend(round.questions.iter().map(|q| question_line(words, q)));
            lines.push(if round.questions.is_empty() {
                crate::text!(words, "status-nothing-posted")
            } else if round.not_voted.is_empty() {
                crate::text!(words, "status-all-answered")
            } else {
                crate::text!(
                    words,
                    "status-not-finished",
                    count = round.not_voted.len(),
                    names = names(&round.not_voted)
                )
            });
            lines.join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// "2. Reach of services: 5 of 6 people have answered (…). Not answered
/// yet: val".
fn question_line(words: &Words<'_>, question: &QuestionProgress) -> String {
    let mut line = crate::text!(
        words,
        "status-question",
        number = usize::from(question.item_index) + 1,
        question = clip_label(&question.item.short, QUESTION_LABEL_MAX_CHARS),
        answered = answered_line(words, &question.answered)
    );
    if !question.not_answered.is_empty() {
        line.push(' ');
        line.push_str(&crate::text!(
            words,
            "status-not-answered",
            names = names(&question.not_answered)
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
    use crate::bot::cards::fixtures::{participant, round, toolkit, words};
    use crate::bot::limits::split_message;
    use crate::domain::{Assessment, Language, SideCounts};
    use crate::service::Answered;

    #[test]
    fn the_status_of_200_people_splits_into_messages_naming_everyone() {
        let words = words(Language::English);
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
        let text = progress_report(&words, &[progress]);
        assert!(text.starts_with(
            "**Benefits**\n1. Better services: 0 of 200 people (council 0 · VCS 0 · other 0) \
             have answered. Not answered yet: "
        ));
        assert!(text.contains("\n200 people have not answered every question yet: "));
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
            progress_report(&words, &[]),
            "Nothing is open for voting. Open an assessment with /workshop open."
        );
    }

    #[test]
    fn a_round_with_nothing_posted_or_everything_answered_says_so() {
        let words = words(Language::English);
        let mut progress = RoundProgress {
            round: round(1, Assessment::Benefits, None),
            relationship: Some("Food bank".to_owned()),
            questions: Vec::new(),
            not_voted: Vec::new(),
        };
        assert_eq!(
            progress_report(&words, std::slice::from_ref(&progress)),
            "**Benefits**: Food bank\nNo question is posted yet. Use /workshop next to post the first."
        );
        progress.questions.push(QuestionProgress {
            item_index: 1,
            item: toolkit().benefits[1].clone(),
            answered: Answered {
                by_side: SideCounts::new(1, 1, 0),
                taking_part: 2,
            },
            not_answered: Vec::new(),
        });
        assert_eq!(
            progress_report(&words, &[progress]),
            "**Benefits**: Food bank\n2. Reach of services: 2 of 2 people (council 1 · VCS 1 · \
             other 0) have answered.\nEveryone taking part has answered every question posted so \
             far. When you are ready, use /workshop reveal to show the results."
        );
    }
}
