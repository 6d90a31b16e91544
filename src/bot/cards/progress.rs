//! The facilitator's view of who has voted, per open round.

use super::discussion::assessment_name;
use super::vote::voted_so_far;
use crate::service::RoundProgress;

/// The facilitator's view of who has voted, per open round. Names of those
/// who have not voted are listed; what anyone voted never is.
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
            let missing = if round.not_voted.is_empty() {
                "Everyone taking part has voted.".to_owned()
            } else {
                let names: Vec<&str> = round
                    .not_voted
                    .iter()
                    .map(|p| p.display_name.as_str())
                    .collect();
                format!("Not voted yet ({}): {}", names.len(), names.join(", "))
            };
            format!("{heading}\nVoted: {}\n{missing}", voted_so_far(round))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::{participant, round};
    use crate::bot::limits::split_message;
    use crate::domain::{Assessment, Participant};

    #[test]
    fn the_status_of_200_people_splits_into_messages_naming_everyone() {
        let not_voted: Vec<Participant> = (1..=200).map(participant).collect();
        let progress = RoundProgress {
            round: round(1, Assessment::Benefits, None),
            relationship: None,
            voted_council: 0,
            voted_vcs: 0,
            voted_other: 0,
            not_voted: not_voted.clone(),
        };
        let text = progress_report(&[progress]);
        assert!(text.starts_with(
            "**Benefits**\nVoted: council 0 · VCS 0 · other 0\nNot voted yet (200): "
        ));
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
}
