//! What is posted when an assessment opens: its name and the toolkit's
//! discussion prompts.

use super::vote::scale_legend;
use crate::domain::Assessment;
use crate::domain::Toolkit;
use crate::prompts::Words;

/// A short name for an assessment, for thread names and headings.
pub fn assessment_name(words: &Words<'_>, assessment: Assessment) -> String {
    let key = match assessment {
        Assessment::Benefits => crate::key!("thread-assessment-benefits"),
        Assessment::Relationships => crate::key!("thread-assessment-relationships"),
        Assessment::Strategic => crate::key!("thread-assessment-strategic"),
    };
    words.label(key, None)
}

/// The discussion prompts posted when an assessment opens.
pub fn discussion_prompts(words: &Words<'_>, toolkit: &Toolkit, assessment: Assessment) -> String {
    let mut text = format!("**{}**\n", words.name(assessment));
    match assessment {
        Assessment::Benefits => {
            text.push_str(&crate::text!(words, "thread-benefits-talk"));
            text.push('\n');
            for (number, prompt) in toolkit.benefit_discussion.iter().enumerate() {
                text.push_str(&format!("{}. {}\n", number + 1, prompt.text));
            }
            text.push('\n');
            text.push_str(&crate::text!(words, "thread-benefits-vote"));
        }
        Assessment::Relationships => {
            text.push_str(&crate::text!(words, "thread-relationship-types"));
            text.push('\n');
            for kind in &toolkit.relationship_types {
                text.push_str(&format!("- **{}**: {}\n", kind.name, kind.summary));
            }
            text.push('\n');
            text.push_str(&crate::text!(words, "thread-relationship-questions"));
            text.push('\n');
            for (number, question) in toolkit.relationship_questions.iter().enumerate() {
                text.push_str(&format!("{}. {}\n", number + 1, question.text));
            }
        }
        Assessment::Strategic => {
            text.push_str(&crate::text!(words, "thread-principles"));
            text.push('\n');
            for principle in &toolkit.principles {
                text.push_str(&format!(
                    "- **{}**: {}\n",
                    principle.name, principle.definition
                ));
            }
            text.push('\n');
            text.push_str(&crate::text!(words, "thread-strategic-vote"));
        }
    }
    text.push('\n');
    text.push_str(&crate::text!(
        words,
        "thread-scale",
        legend = scale_legend(toolkit)
    ));
    text
}
