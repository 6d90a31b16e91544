//! The one embed paginator: embeds as plain text, so their size is checked
//! before they are sent; long lists laid out over as many embeds as they
//! need, and embeds packed into as few messages as Discord allows. Every
//! embed the bot sends is built here, in one colour.

use poise::serenity_prelude as serenity;

use super::limits::{
    EMBED_DESCRIPTION_MAX_CHARS, EMBED_FIELD_NAME_MAX_CHARS, EMBED_FIELD_VALUE_MAX_CHARS,
    EMBED_FIELDS_MAX, EMBED_TITLE_MAX_CHARS, EMBED_TOTAL_MAX_CHARS, clip_label, split_message,
};
use super::{Context, Error};

/// Discord shows at most ten embeds in one message.
pub const EMBEDS_PER_MESSAGE_MAX: usize = 10;
/// The footer is short text we write ourselves; Discord allows 2048.
const FOOTER_MAX_CHARS: usize = 2048;
/// The bot's colour on every embed: the toolkit's teal.
pub const COLOUR: u32 = 0x00_7A_78;
/// What stands in an empty field name or value: Discord refuses empty ones.
const PLACEHOLDER: &str = "—";

/// One embed field, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
}

/// An embed as plain text, so its size can be checked before it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embed {
    pub title: String,
    pub description: String,
    pub fields: Vec<Field>,
    pub footer: Option<String>,
}

impl Field {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
        }
    }
}

impl Embed {
    /// The characters Discord counts towards the 6000 of a message.
    pub fn chars(&self) -> usize {
        let count = |text: &str| text.chars().count();
        count(&self.title)
            + count(&self.description)
            + self.footer.as_deref().map_or(0, count)
            + self
                .fields
                .iter()
                .map(|f| count(&f.name) + count(&f.value))
                .sum::<usize>()
    }

    /// Whether every part is within Discord's limits.
    pub fn fits(&self) -> bool {
        let count = |text: &str| text.chars().count();
        count(&self.title) <= EMBED_TITLE_MAX_CHARS
            && count(&self.description) <= EMBED_DESCRIPTION_MAX_CHARS
            && self.fields.len() <= EMBED_FIELDS_MAX
            && self.fields.iter().all(|f| {
                !f.name.is_empty()
                    && !f.value.is_empty()
                    && count(&f.name) <= EMBED_FIELD_NAME_MAX_CHARS
                    && count(&f.value) <= EMBED_FIELD_VALUE_MAX_CHARS
            })
            && self
                .footer
                .as_deref()
                .is_none_or(|f| count(f) <= FOOTER_MAX_CHARS)
            && self.chars() <= EMBED_TOTAL_MAX_CHARS
    }

    pub fn to_create(&self) -> serenity::CreateEmbed {
        let mut embed = serenity::CreateEmbed::new()
            .title(&self.title)
            .colour(COLOUR);
        if !self.description.is_empty() {
            embed = embed.description(&self.description);
        }
        for field in &self.fields {
            embed = embed.field(&field.name, &field.value, false);
        }
        if let Some(footer) = &self.footer {
            embed = embed.footer(serenity::CreateEmbedFooter::new(footer));
        }
        embed
    }
}

/// Lays a title, a description and fields out over as many embeds as they
/// need: descriptions are split between words, long field values become
/// several fields, and no embed passes 25 fields or 6000 characters.
pub fn paginate(title: &str, description: &str, fields: Vec<Field>) -> Vec<Embed> {
    let title = clip_label(title, EMBED_TITLE_MAX_CHARS);
    let continued = clip_label(&format!("{title} (continued)"), EMBED_TITLE_MAX_CHARS);
    let mut embeds: Vec<Embed> = split_message(description, EMBED_DESCRIPTION_MAX_CHARS)
        .into_iter()
        .map(|description| Embed {
            title: continued.clone(),
            description,
            ..Embed::default()
        })
        .collect();
    if embeds.is_empty() {
        embeds.push(Embed {
            title: continued.clone(),
            ..Embed::default()
        });
    }
    for field in fields.into_iter().flat_map(split_field) {
        let last = embeds.len() - 1;
        let current = &mut embeds[last];
        let size = field.name.chars().count() + field.value.chars().count();
        if current.fields.len() >= EMBED_FIELDS_MAX
            || current.chars() + size > EMBED_TOTAL_MAX_CHARS
        {
            embeds.push(Embed {
                title: continued.clone(),
                fields: vec![field],
                ..Embed::default()
            });
        } else {
            current.fields.push(field);
        }
    }
    embeds[0].title = title;
    embeds
}

fn split_field(field: Field) -> Vec<Field> {
    let name = clip_label(&field.name, EMBED_FIELD_NAME_MAX_CHARS);
    let name = if name.is_empty() {
        PLACEHOLDER.to_owned()
    } else {
        name
    };
    let pieces = split_message(&field.value, EMBED_FIELD_VALUE_MAX_CHARS);
    if pieces.is_empty() {
        return vec![Field {
            name,
            value: PLACEHOLDER.to_owned(),
        }];
    }
    let continued = clip_label(&format!("{name} (continued)"), EMBED_FIELD_NAME_MAX_CHARS);
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, value)| Field {
            name: if index == 0 {
                name.clone()
            } else {
                continued.clone()
            },
            value,
        })
        .collect()
}

/// Groups embeds into messages of at most ten embeds and 6000 characters.
pub fn pack_messages(embeds: Vec<Embed>) -> Vec<Vec<Embed>> {
    let mut messages: Vec<Vec<Embed>> = Vec::new();
    for embed in embeds {
        let fits_last = messages.last().is_some_and(|message| {
            message.len() < EMBEDS_PER_MESSAGE_MAX
                && message.iter().map(Embed::chars).sum::<usize>() + embed.chars()
                    <= EMBED_TOTAL_MAX_CHARS
        });
        match messages.last_mut() {
            Some(message) if fits_last => message.push(embed),
            _ => messages.push(vec![embed]),
        }
    }
    messages
}

/// The messages that carry `embeds`, packed as [`pack_messages`] does,
/// pinging nobody. Callers add attachments or privacy to them.
pub fn replies(embeds: Vec<Embed>) -> Vec<poise::CreateReply> {
    pack_messages(embeds)
        .into_iter()
        .map(|message| {
            message
                .iter()
                .fold(poise::CreateReply::default(), |reply, embed| {
                    reply.embed(embed.to_create())
                })
        })
        .collect()
}

/// Sends a long list as [`paginate`] lays it out, privately when asked.
pub async fn send_pages(
    ctx: Context<'_>,
    title: &str,
    description: &str,
    fields: Vec<Field>,
    private: bool,
) -> Result<(), Error> {
    for reply in replies(paginate(title, description, fields)) {
        ctx.send(reply.ephemeral(private)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paginate_splits_long_text_between_words_and_keeps_every_field() {
        let word = "partnership ";
        let description = word.repeat(500); // 6000 characters
        let fields: Vec<Field> = (0..60)
            .map(|n| Field {
                name: format!("Item {n}"),
                value: word.repeat(if n == 0 { 200 } else { 40 }),
            })
            .collect();
        let embeds = paginate(&"T".repeat(300), &description, fields);
        assert_eq!(embeds[0].title.chars().count(), EMBED_TITLE_MAX_CHARS);
        assert!(embeds.iter().all(Embed::fits));
        let descriptions: String = embeds
            .iter()
            .map(|e| e.description.clone())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            descriptions
                .split_whitespace()
                .eq(description.split_whitespace())
        );
        let first: Vec<&Field> = embeds
            .iter()
            .flat_map(|e| &e.fields)
            .filter(|f| f.name.starts_with("Item 0"))
            .collect();
        // 2400 characters make three values of at most 1024.
        assert_eq!(first.len(), 3);
        assert_eq!(first[1].name, "Item 0 (continued)");
        let rejoined = first
            .iter()
            .map(|f| f.value.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(rejoined.split_whitespace().all(|w| w == "partnership"));
        assert_eq!(rejoined.split_whitespace().count(), 200);
        let all_names = embeds.iter().flat_map(|e| &e.fields).count();
        assert_eq!(all_names, 60 + 2);
    }

    #[test]
    fn messages_hold_at_most_ten_embeds_and_6000_characters() {
        let small = Embed {
            title: "t".to_owned(),
            description: "d".repeat(99),
            ..Embed::default()
        };
        let packed = pack_messages(vec![small.clone(); 25]);
        assert_eq!(packed.iter().map(Vec::len).collect::<Vec<_>>(), [10, 10, 5]);
        let big = Embed {
            title: "t".to_owned(),
            description: "d".repeat(3999),
            ..Embed::default()
        };
        let packed = pack_messages(vec![big.clone(), big.clone(), small]);
        assert_eq!(packed.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2]);
    }

    fn field(chars: usize) -> Field {
        // A one-letter name and a value making `chars` in all.
        Field::new("n", "v".repeat(chars - 1))
    }

    fn fields_per_embed(embeds: &[Embed]) -> Vec<usize> {
        embeds.iter().map(|e| e.fields.len()).collect()
    }

    #[test]
    fn pages_hold_at_most_25_fields() {
        let embeds = paginate("t", "", (0..60).map(|_| field(10)).collect());
        assert_eq!(fields_per_embed(&embeds), [25, 25, 10]);
    }

    #[test]
    fn pages_stay_within_the_character_budget() {
        // 1000-character fields and a one-letter title: five fit in 6000.
        let embeds = paginate("t", "", (0..9).map(|_| field(1000)).collect());
        assert_eq!(fields_per_embed(&embeds), [5, 4]);
        assert!(embeds.iter().all(Embed::fits));
    }

    #[test]
    fn no_fields_make_one_empty_page() {
        let embeds = paginate("t", "", Vec::new());
        assert_eq!(fields_per_embed(&embeds), [0]);
    }

    #[test]
    fn long_lists_continue_in_further_fields_without_cutting_lines() {
        // Each line is 300 characters: three fit in 1024 with their line breaks.
        let lines: Vec<String> = (0..7).map(|n| format!("{n}{}", "x".repeat(299))).collect();
        let embeds = paginate(
            "t",
            "",
            vec![Field::new("Gaps in the typology", lines.join("\n"))],
        );
        let fields = &embeds[0].fields;
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Gaps in the typology",
                "Gaps in the typology (continued)",
                "Gaps in the typology (continued)"
            ]
        );
        assert_eq!(fields[0].value.chars().count(), 902);
        assert_eq!(fields[0].value.lines().count(), 3);
        assert!(fields[1].value.starts_with('3'));
        assert_eq!(fields[2].value, lines[6]);
    }

    #[test]
    fn fields_are_clipped_and_never_empty() {
        let embeds = paginate(
            "t",
            "",
            vec![
                Field::new("a".repeat(300), "word ".repeat(300)),
                Field::new("", " "),
            ],
        );
        let fields = &embeds[0].fields;
        assert_eq!(fields[0].name.chars().count(), 256);
        assert!(fields.iter().all(|f| f.value.chars().count() <= 1024));
        let last = fields.last().unwrap();
        assert_eq!((last.name.as_str(), last.value.as_str()), ("—", "—"));
    }
}
