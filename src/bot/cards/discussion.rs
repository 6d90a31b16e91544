//! What is posted when an assessment opens: its name and the toolkit's
//! discussion prompts.

use super::vote::scale_legend;
use crate::domain::Assessment;
use crate::domain::Toolkit;

/// A short name for an assessment, for thread names and headings.
pub fn assessment_name(assessment: Assessment) -> &'static str {
    match assessment {
        Assessment::Benefits => "Benefits",
        Assessment::Relationships => "Relationships",
        Assessment::Strategic => "How strategic",
    }
}

/// The discussion prompts posted when an assessment opens.
pub fn discussion_prompts(toolkit: &Toolkit, assessment: Assessment) -> String {
    let mut text = format!("**{}**\n", assessment.title());
    match assessment {
        Assessment::Benefits => {
            text.push_str("Talk these through together before you vote:\n");
            for (number, prompt) in toolkit.benefit_discussion.iter().enumerate() {
                text.push_str(&format!("{}. {}\n", number + 1, prompt.text));
            }
            text.push_str(
                "\nThen vote on each benefit: to what extent is our partnership realising it?",
            );
        }
        Assessment::Relationships => {
            text.push_str("The toolkit's five types of relationship:\n");
            for kind in &toolkit.relationship_types {
                text.push_str(&format!("- **{}**: {}\n", kind.name, kind.summary));
            }
            text.push_str("\nFor each relationship, ask:\n");
            for (number, question) in toolkit.relationship_questions.iter().enumerate() {
                text.push_str(&format!("{}. {}\n", number + 1, question.text));
            }
        }
        Assessment::Strategic => {
            text.push_str("The four principles of strategic partnership working:\n");
            for principle in &toolkit.principles {
                text.push_str(&format!(
                    "- **{}**: {}\n",
                    principle.name, principle.definition
                ));
            }
            text.push_str(
                "\nVote on each item for the relationship, thinking of how it works in practice.",
            );
        }
    }
    text.push_str(&format!("\nScale: {}.", scale_legend(toolkit)));
    text
}
