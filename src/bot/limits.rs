//! Discord's size limits, and helpers to stay inside them. Lengths are in
//! characters (Unicode scalar values), as Discord counts them, not bytes.

/// Characters in a message's content.
pub const MESSAGE_CONTENT_MAX_CHARS: usize = 2000;
/// Characters in all of one message's embeds together (titles, descriptions,
/// field names and values, footers, author names).
pub const EMBED_TOTAL_MAX_CHARS: usize = 6000;
pub const EMBED_DESCRIPTION_MAX_CHARS: usize = 4096;
pub const EMBED_TITLE_MAX_CHARS: usize = 256;
pub const EMBED_FIELDS_MAX: usize = 25;
pub const EMBED_FIELD_NAME_MAX_CHARS: usize = 256;
pub const EMBED_FIELD_VALUE_MAX_CHARS: usize = 1024;
pub const BUTTON_LABEL_MAX_CHARS: usize = 80;
pub const CUSTOM_ID_MAX_CHARS: usize = 100;
pub const SELECT_OPTIONS_MAX: usize = 25;
pub const BUTTONS_PER_ROW_MAX: usize = 5;
pub const ROWS_PER_MESSAGE_MAX: usize = 5;
pub const MODAL_INPUTS_MAX: usize = 5;
pub const MODAL_TITLE_MAX_CHARS: usize = 45;
/// Characters in a slash command's or option's description. The catalogue
/// checks a rewording against it when the words load, so it lives there.
pub use crate::prompts::COMMAND_WORDS_MAX_CHARS;
/// Characters in an attachment's description, its alt text.
pub const ALT_TEXT_MAX_CHARS: usize = 1024;

/// The mark added where text was shortened.
const ELLIPSIS: char = '…';

/// Splits `text` into pieces of at most `limit` characters, for sending as
/// several messages. Cuts between paragraphs if it can, else between lines,
/// else between words; only a single word longer than `limit` is cut inside,
/// at a character boundary. The whitespace at a cut is dropped. Returns no
/// pieces for blank text. A `limit` of 0 is treated as 1.
pub fn split_message(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    let mut pieces = Vec::new();
    let mut rest = text.trim_end();
    rest = rest.trim_start_matches(['\n', '\r']);
    while !rest.is_empty() {
        let Some(window_end) = byte_index_of_char(rest, limit) else {
            pieces.push(rest.to_owned());
            break;
        };
        let (piece, next) = cut(rest, window_end);
        if !piece.is_empty() {
            pieces.push(piece.to_owned());
        }
        rest = next;
    }
    pieces
}

/// Cuts `text`, whose first `window_end` bytes are exactly the characters
/// allowed in one piece, at the best boundary. Returns the piece (trimmed at
/// its end) and the text left over (with the separator dropped).
fn cut(text: &str, window_end: usize) -> (&str, &str) {
    let window = &text[..window_end];
    let after = &text[window_end..];
    // A separator that starts right after the window still ends a full piece.
    let boundary = |separator: &str| {
        if after.starts_with(separator) {
            Some(window_end)
        } else {
            window.rfind(separator).filter(|&at| at > 0)
        }
    };
    if let Some(at) = boundary("\n\n").or_else(|| boundary("\n")) {
        let next = text[at..].trim_start_matches(['\n', '\r']);
        return (text[..at].trim_end(), next);
    }
    let word_break = if after.starts_with([' ', '\t']) {
        Some(window_end)
    } else {
        window.rfind([' ', '\t']).filter(|&at| at > 0)
    };
    match word_break {
        Some(at) => (
            text[..at].trim_end(),
            text[at..].trim_start_matches([' ', '\t']),
        ),
        None => (window, after),
    }
}

/// The byte index where the character number `chars` (counting from 0)
/// starts, or `None` when the text has no more than `chars` characters.
fn byte_index_of_char(text: &str, chars: usize) -> Option<usize> {
    text.char_indices().nth(chars).map(|(at, _)| at)
}

/// Shortens `text` to at most `limit` characters for a label or title,
/// cutting on a word boundary and adding "…". A single word longer than
/// the room is cut inside. Text that fits is returned trimmed but unchanged.
pub fn clip_label(text: &str, limit: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    if limit == 0 {
        return String::new();
    }
    // Room for the words, leaving one character for the ellipsis.
    let room = limit - 1;
    let window_end = byte_index_of_char(text, room).unwrap_or(text.len());
    let window = &text[..window_end];
    let next_starts_a_word = text[window_end..].starts_with(char::is_whitespace);
    let kept = if next_starts_a_word {
        window
    } else {
        match window.rfind(char::is_whitespace) {
            Some(at) if at > 0 => &window[..at],
            _ => window,
        }
    };
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{kept}{ELLIPSIS}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_fits(pieces: &[String], limit: usize) {
        for piece in pieces {
            assert!(
                piece.chars().count() <= limit,
                "piece of {} chars over {limit}: {piece:?}",
                piece.chars().count()
            );
            assert!(!piece.is_empty());
        }
    }

    #[test]
    fn short_text_is_one_piece_and_blank_text_none() {
        assert_eq!(split_message("Hello there", 2000), vec!["Hello there"]);
        assert_eq!(split_message("", 2000), Vec::<String>::new());
        assert_eq!(split_message(" \n\n ", 2000), Vec::<String>::new());
    }

    #[test]
    fn text_of_exactly_the_limit_is_one_piece() {
        let text = "a".repeat(2000);
        assert_eq!(split_message(&text, 2000), vec![text]);
    }

    #[test]
    fn paragraphs_are_preferred_over_lines_and_words() {
        let text = "First para line one\nline two\n\nSecond para";
        // 30 chars: the paragraph break is at 28, a line break at 19.
        assert_eq!(
            split_message(text, 30),
            vec!["First para line one\nline two", "Second para"]
        );
    }

    #[test]
    fn lines_are_preferred_over_words() {
        let text = "alpha beta\ngamma delta epsilon";
        assert_eq!(
            split_message(text, 15),
            vec!["alpha beta", "gamma delta", "epsilon"]
        );
    }

    #[test]
    fn words_are_never_cut() {
        let text = "the quick brown fox jumps over the lazy dog";
        let pieces = split_message(text, 10);
        assert_eq!(
            pieces,
            vec!["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
    }

    #[test]
    fn a_separator_right_after_a_full_piece_is_used() {
        assert_eq!(split_message("abcde fghij", 5), vec!["abcde", "fghij"]);
        assert_eq!(split_message("abcde\nfghij", 5), vec!["abcde", "fghij"]);
    }

    #[test]
    fn only_an_overlong_word_is_hard_split_at_char_boundaries() {
        let text = "ok ééééééé ok";
        let pieces = split_message(text, 4);
        assert_eq!(pieces, vec!["ok", "éééé", "ééé", "ok"]);
    }

    #[test]
    fn long_texts_keep_every_word_in_order() {
        let paragraph = "Partnership working between the council and the voluntary \
                         sector grows through trust, shared purpose and time. ";
        let text = (0..120)
            .map(|n| format!("{n}. {}", paragraph.repeat(1 + n % 4)))
            .collect::<Vec<_>>()
            .join("\n\n");
        assert!(text.chars().count() > 20_000);
        for limit in [80, 1024, 2000] {
            let pieces = split_message(&text, limit);
            assert_fits(&pieces, limit);
            let rejoined = pieces.join(" ");
            assert!(
                rejoined.split_whitespace().eq(text.split_whitespace()),
                "limit {limit}"
            );
        }
    }

    #[test]
    fn multi_byte_text_splits_on_words_by_characters_not_bytes() {
        // Each word is 5 characters but 10 to 20 bytes.
        let text = "ÀÉÎÕÜ 日本語です 🎉🎉🎉🎉🎉 ÀÉÎÕÜ".repeat(50);
        let pieces = split_message(&text, 17);
        assert_fits(&pieces, 17);
        assert!(pieces.iter().any(|p| p.chars().count() == 17));
        assert!(
            pieces
                .join(" ")
                .split_whitespace()
                .eq(text.split_whitespace())
        );
    }

    #[test]
    fn clip_label_keeps_text_that_fits() {
        assert_eq!(clip_label("  Agree  ", 80), "Agree");
        assert_eq!(clip_label("12345", 5), "12345");
    }

    #[test]
    fn clip_label_cuts_on_a_word_and_adds_an_ellipsis() {
        assert_eq!(
            clip_label("Shared foundations: power and trust", 20),
            "Shared foundations…"
        );
        assert_eq!(clip_label("one two three", 8), "one two…");
        assert_eq!(clip_label("one two three", 7), "one…");
        assert_eq!(clip_label("one, two three", 8), "one…");
    }

    #[test]
    fn clip_label_cuts_inside_a_single_long_word() {
        assert_eq!(clip_label("Partnership", 6), "Partn…");
        assert_eq!(clip_label("ééééééé", 4), "ééé…");
        assert_eq!(clip_label("abc", 1), "…");
        assert_eq!(clip_label("abc", 0), "");
    }

    #[test]
    fn clipped_labels_always_fit() {
        let text = "Voluntary and community sector (VCS) – 日本語 🎉 relationships and delivery";
        for limit in 0..text.chars().count() + 2 {
            let label = clip_label(text, limit);
            assert!(label.chars().count() <= limit, "{limit}: {label}");
        }
        let long = "word ".repeat(40);
        assert_eq!(
            clip_label(&long, BUTTON_LABEL_MAX_CHARS).chars().count(),
            80
        );
    }
}
