//! Assessment two's register: `/relationship add`, `list` and `edit`.

use crate::bot::embeds::{Field, send_pages};
use crate::bot::support::{self, autocomplete_relationship, autocomplete_workshop};
use crate::bot::{Command, Context, Error};
use crate::domain::{
    Held, Level, Relationship, RelationshipDetails, RelationshipMap, RelationshipType, Toolkit,
};
use crate::prompts::Words;
use crate::service::RelationshipChanges;

/// The toolkit's five types, as Discord offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum TypeChoice {
    #[name = "shaping"]
    Shaping,
    #[name = "ongoing"]
    Ongoing,
    #[name = "neighbourhood"]
    Neighbourhood,
    #[name = "commissioning"]
    Commissioning,
    #[name = "delivery"]
    Delivery,
}

impl From<TypeChoice> for RelationshipType {
    fn from(choice: TypeChoice) -> Self {
        match choice {
            TypeChoice::Shaping => RelationshipType::Shaping,
            TypeChoice::Ongoing => RelationshipType::Ongoing,
            TypeChoice::Neighbourhood => RelationshipType::Neighbourhood,
            TypeChoice::Commissioning => RelationshipType::Commissioning,
            TypeChoice::Delivery => RelationshipType::Delivery,
        }
    }
}

/// The three levels, as Discord offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum LevelChoice {
    #[name = "neighbourhood"]
    Neighbourhood,
    #[name = "place"]
    Place,
    #[name = "system"]
    System,
}

impl From<LevelChoice> for Level {
    fn from(choice: LevelChoice) -> Self {
        match choice {
            LevelChoice::Neighbourhood => Level::Neighbourhood,
            LevelChoice::Place => Level::Place,
            LevelChoice::System => Level::System,
        }
    }
}

/// Direct or brokered, as Discord offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum HeldChoice {
    #[name = "direct"]
    Direct,
    #[name = "brokered"]
    Brokered,
}

impl From<HeldChoice> for Held {
    fn from(choice: HeldChoice) -> Self {
        match choice {
            HeldChoice::Direct => Held::Direct,
            HeldChoice::Brokered => Held::Brokered,
        }
    }
}

/// Every command of this group.
pub fn commands() -> Vec<Command> {
    vec![relationship()]
}

#[poise::command(slash_command, guild_only, subcommands("add", "list", "edit"))]
pub async fn relationship(_ctx: Context<'_>) -> Result<(), Error> {
    // Discord only ever runs the subcommands.
    Ok(())
}

#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only)]
pub async fn add(
    ctx: Context<'_>,
    #[max_length = 100] name: String,
    #[rename = "type"] kind: TypeChoice,
    level: LevelChoice,
    also_type: Option<TypeChoice>,
    #[max_length = 100] holder: Option<String>,
    held: Option<HeldChoice>,
    intended_strategic: Option<bool>,
    #[autocomplete = "autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let mut types = vec![RelationshipType::from(kind)];
    types.extend(also_type.map(RelationshipType::from));
    let details = RelationshipDetails {
        name,
        types,
        holder,
        level: level.into(),
        held: held.map_or(Held::Direct, Held::from),
        intended_strategic: intended_strategic.unwrap_or(false),
    };
    let service = &ctx.data().service;
    let added = service.add_relationship(&workshop, &actor, details).await?;
    let words = support::command_words(ctx).await;
    let text = crate::text!(
        words,
        "relationship-added",
        workshop = workshop.settings.title.as_str(),
        relationship = describe(&words, service.toolkit_in(words.language()), &added.details)
    );
    support::say_private(ctx, text).await
}

#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, _, words) = support::in_workshop_privately(ctx, workshop.as_deref()).await?;
    let service = &ctx.data().service;
    let relationships = service.relationships(&workshop).await?;
    let title = workshop.settings.title.as_str();
    if relationships.is_empty() {
        let text = crate::text!(words, "relationship-none", workshop = title);
        return support::say_private(ctx, text).await;
    }
    let heading = crate::label!(words, "relationship-list-title", workshop = title);
    let description = crate::text!(
        words,
        "relationship-list-count",
        count = relationships.len()
    );
    let fields = list_fields(&words, service.toolkit_in(words.language()), &relationships);
    send_pages(ctx, &heading, &description, fields, true).await
}

#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only)]
pub async fn edit(
    ctx: Context<'_>,
    #[autocomplete = "autocomplete_relationship"] relationship: String,
    #[max_length = 100] name: Option<String>,
    #[rename = "type"] kind: Option<TypeChoice>,
    level: Option<LevelChoice>,
    also_type: Option<TypeChoice>,
    #[max_length = 100] holder: Option<String>,
    held: Option<HeldChoice>,
    intended_strategic: Option<bool>,
    #[autocomplete = "autocomplete_workshop"] workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let service = &ctx.data().service;
    let current = service.relationship_named(&workshop, &relationship).await?;
    let changes = RelationshipChanges {
        name,
        kind: kind.map(RelationshipType::from),
        also_type: also_type.map(RelationshipType::from),
        holder,
        level: level.map(Level::from),
        held: held.map(Held::from),
        intended_strategic,
    };
    let details = changes.apply_to(&current.details);
    let edited = service
        .edit_relationship(&workshop, &actor, &current.details.name, details)
        .await?;
    let words = support::command_words(ctx).await;
    let text = crate::text!(
        words,
        "relationship-edited",
        relationship = describe(
            &words,
            service.toolkit_in(words.language()),
            &edited.details
        )
    );
    support::say_private(ctx, text).await
}

/// The toolkit's names of the types: "Shaping relationships and Delivery
/// relationships".
fn types_text(words: &Words<'_>, toolkit: &Toolkit, types: &[RelationshipType]) -> String {
    let names: Vec<String> = types.iter().map(|t| type_name(toolkit, *t)).collect();
    match names.as_slice() {
        [first, second] => crate::text!(
            words,
            "relationship-types-two",
            first = first.as_str(),
            second = second.as_str()
        ),
        _ => names.join(", "),
    }
}

fn type_name(toolkit: &Toolkit, kind: RelationshipType) -> String {
    toolkit
        .type_info(kind)
        .map_or_else(|| kind.as_str().to_owned(), |info| info.name.clone())
}

/// The toolkit's name of the level: "Place level".
fn level_name(toolkit: &Toolkit, level: Level) -> String {
    toolkit
        .level_info(level)
        .map_or_else(|| level.as_str().to_owned(), |info| info.name.clone())
}

fn held_text(words: &Words<'_>, held: Held) -> String {
    match held {
        Held::Direct => crate::text!(words, "relationship-held-direct"),
        Held::Brokered => crate::text!(words, "relationship-held-brokered"),
    }
}

/// One sentence about a relationship, for confirmations.
fn describe(words: &Words<'_>, toolkit: &Toolkit, details: &RelationshipDetails) -> String {
    let types = types_text(words, toolkit, &details.types);
    let level = level_name(toolkit, details.level).to_lowercase();
    let held = held_text(words, details.held);
    let mut text = words.text_with_optional(
        crate::key!("relationship-described-holder"),
        crate::key!("relationship-described"),
        &[
            ("name", &details.name),
            ("types", &types),
            ("level", &level),
            ("held", &held),
        ],
        ("holder", details.holder.as_deref()),
    );
    text.push(' ');
    text.push_str(&if details.intended_strategic {
        crate::text!(words, "relationship-meant-strategic")
    } else {
        crate::text!(words, "relationship-not-meant-strategic")
    });
    text
}

/// A field per relationship, then the types with none.
fn list_fields(words: &Words<'_>, toolkit: &Toolkit, relationships: &[Relationship]) -> Vec<Field> {
    let mut fields: Vec<Field> = relationships
        .iter()
        .map(|relationship| &relationship.details)
        .map(|r| {
            let mut lines = vec![
                crate::text!(
                    words,
                    "relationship-types-line",
                    count = r.types.len(),
                    types = types_text(words, toolkit, &r.types)
                ),
                crate::text!(
                    words,
                    "relationship-level-line",
                    level = level_name(toolkit, r.level),
                    held = held_text(words, r.held)
                ),
            ];
            if let Some(holder) = &r.holder {
                lines.push(crate::text!(
                    words,
                    "relationship-holder-line",
                    holder = holder.as_str()
                ));
            }
            lines.push(if r.intended_strategic {
                crate::text!(words, "relationship-strategic-yes")
            } else {
                crate::text!(words, "relationship-strategic-no")
            });
            Field::new(r.name.as_str(), lines.join("\n"))
        })
        .collect();
    let gaps = RelationshipMap::from_relationships(relationships).gaps;
    let gaps_text = if gaps.is_empty() {
        crate::text!(words, "relationship-no-gaps")
    } else {
        let names: Vec<String> = gaps.iter().map(|t| type_name(toolkit, *t)).collect();
        crate::text!(words, "relationship-gaps", types = names.join(", "))
    };
    fields.push(Field::new(
        crate::label!(words, "relationship-gaps-title"),
        gaps_text,
    ));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::words;
    use crate::domain::{Language, RelationshipId, WorkshopId};

    fn relationship(name: &str, types: &[RelationshipType]) -> Relationship {
        Relationship {
            id: RelationshipId(1),
            workshop_id: WorkshopId(1),
            details: RelationshipDetails {
                name: name.to_owned(),
                types: types.to_vec(),
                holder: Some("Chief executive's office".to_owned()),
                level: Level::Place,
                held: Held::Direct,
                intended_strategic: true,
            },
            added_by: None,
        }
    }

    #[test]
    fn a_relationship_is_described_in_one_sentence() {
        let words = words(Language::English);
        let toolkit = Toolkit::embedded().unwrap();
        let compact = relationship(
            "Compact board",
            &[RelationshipType::Shaping, RelationshipType::Delivery],
        );
        assert_eq!(
            describe(&words, &toolkit, &compact.details),
            "“Compact board”: Shaping relationships and Delivery relationships, at place level, \
             held directly. It is held by Chief executive's office. It is meant to be strategic."
        );
    }

    #[test]
    fn the_list_ends_with_the_gaps() {
        let words = words(Language::English);
        let toolkit = Toolkit::embedded().unwrap();
        let fields = list_fields(
            &words,
            &toolkit,
            &[
                relationship("Compact board", &[RelationshipType::Shaping]),
                relationship("Grants panel", &[RelationshipType::Commissioning]),
            ],
        );
        assert_eq!(fields.len(), 3);
        assert_eq!(fields[0].name, "Compact board");
        assert_eq!(
            fields[0].value,
            "Type: Shaping relationships\nLevel: Place level, held directly\n\
             Held by: Chief executive's office\nMeant to be strategic: yes"
        );
        assert_eq!(fields[2].name, "Types with no relationship yet");
        assert_eq!(
            fields[2].value,
            "Ongoing relationships, Neighbourhood relationships, Delivery relationships. Talk \
             about whether the partnership needs one of each type."
        );
    }
}
