//! Assessment two's register: `/relationship add`, `list` and `edit`.

use crate::bot::embeds::{Field, send_pages};
use crate::bot::support::{self, autocomplete_relationship, autocomplete_workshop};
use crate::bot::{Command, Context, Error};
use crate::domain::{Held, Level, Relationship, RelationshipMap, RelationshipType};
use crate::service::{RelationshipChanges, RelationshipRequest};

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

/// The relationships between the council and the VCS (assessment two).
#[poise::command(slash_command, guild_only, subcommands("add", "list", "edit"))]
pub async fn relationship(_ctx: Context<'_>) -> Result<(), Error> {
    // Discord only ever runs the subcommands.
    Ok(())
}

/// Register a relationship you know of.
#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only)]
pub async fn add(
    ctx: Context<'_>,
    #[description = "A short name people will recognise"]
    #[max_length = 100]
    name: String,
    #[description = "Its main type"]
    #[rename = "type"]
    kind: TypeChoice,
    #[description = "Where it works: neighbourhood, place or system"] level: LevelChoice,
    #[description = "A second type, if it has one"] also_type: Option<TypeChoice>,
    #[description = "Who holds it: a department or a role"]
    #[max_length = 100]
    holder: Option<String>,
    #[description = "Held directly, or brokered through an infrastructure body (default direct)"]
    held: Option<HeldChoice>,
    #[description = "Is it meant to be strategic? (default no)"] intended_strategic: Option<bool>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
    let mut types = vec![RelationshipType::from(kind)];
    types.extend(also_type.map(RelationshipType::from));
    let request = RelationshipRequest {
        name,
        types,
        holder,
        level: level.into(),
        held: held.map_or(Held::Direct, Held::from),
        intended_strategic: intended_strategic.unwrap_or(false),
    };
    let added = ctx
        .data()
        .service
        .add_relationship(&workshop, &actor, request)
        .await?;
    support::say_private(
        ctx,
        format!(
            "{used} Registered {}. Next: see them all with /relationship list; a facilitator \
             can open assessment two for it with /workshop open.",
            describe(&added)
        ),
    )
    .await
}

/// The registered relationships, and the types with none (the gaps).
#[poise::command(slash_command, guild_only)]
pub async fn list(
    ctx: Context<'_>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, _) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
    let relationships = ctx.data().service.relationships(&workshop).await?;
    if relationships.is_empty() {
        return support::say_private(
            ctx,
            format!(
                "{used} No relationship is registered yet. Register one with /relationship add."
            ),
        )
        .await;
    }
    let title = format!("Relationships: {}", workshop.title);
    let description = format!(
        "{} registered. Change one with /relationship edit.",
        count(relationships.len(), "relationship", "relationships")
    );
    send_pages(ctx, &title, &description, list_fields(&relationships), true).await
}

/// Change a registered relationship. Options left out stay as they are.
#[allow(clippy::too_many_arguments)]
#[poise::command(slash_command, guild_only)]
pub async fn edit(
    ctx: Context<'_>,
    #[description = "The relationship to change"]
    #[autocomplete = "autocomplete_relationship"]
    relationship: String,
    #[description = "A new name"]
    #[max_length = 100]
    name: Option<String>,
    #[description = "Its main type"]
    #[rename = "type"]
    kind: Option<TypeChoice>,
    #[description = "Where it works: neighbourhood, place or system"] level: Option<LevelChoice>,
    #[description = "A second type"] also_type: Option<TypeChoice>,
    #[description = "Who holds it: a department or a role"]
    #[max_length = 100]
    holder: Option<String>,
    #[description = "Held directly, or brokered through an infrastructure body"] held: Option<
        HeldChoice,
    >,
    #[description = "Is it meant to be strategic?"] intended_strategic: Option<bool>,
    #[description = "Leave out for this channel's workshop"]
    #[autocomplete = "autocomplete_workshop"]
    workshop: Option<String>,
) -> Result<(), Error> {
    let (workshop, actor) = support::in_workshop(ctx, workshop.as_deref()).await?;
    let used = support::workshop_line(&workshop);
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
    let request = changes.apply_to(&current);
    let edited = service
        .edit_relationship(&workshop, &actor, &current.name, request)
        .await?;
    support::say_private(
        ctx,
        format!(
            "{used} Saved: {}. See them all with /relationship list.",
            describe(&edited)
        ),
    )
    .await
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn types_text(types: &[RelationshipType]) -> String {
    types
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" and ")
}

fn held_text(held: Held) -> &'static str {
    match held {
        Held::Direct => "held directly",
        Held::Brokered => "brokered through an infrastructure body",
    }
}

/// One sentence about a relationship, for confirmations.
fn describe(relationship: &Relationship) -> String {
    let holder = relationship
        .holder
        .as_deref()
        .map(|h| format!(" (holder: {h})"))
        .unwrap_or_default();
    let intent = if relationship.intended_strategic {
        "meant to be strategic"
    } else {
        "not meant to be strategic"
    };
    format!(
        "“{}”: {}, at {} level, {}{holder}; {intent}",
        relationship.name,
        types_text(&relationship.types),
        relationship.level,
        held_text(relationship.held),
    )
}

/// A field per relationship, then the gaps.
fn list_fields(relationships: &[Relationship]) -> Vec<Field> {
    let mut fields: Vec<Field> = relationships
        .iter()
        .map(|r| {
            let mut lines = vec![
                format!("Types: {}", types_text(&r.types)),
                format!("Level: {} · {}", r.level, held_text(r.held)),
            ];
            if let Some(holder) = &r.holder {
                lines.push(format!("Holder: {holder}"));
            }
            lines.push(format!(
                "Meant to be strategic: {}",
                if r.intended_strategic { "yes" } else { "no" }
            ));
            Field::new(r.name.as_str(), lines.join("\n"))
        })
        .collect();
    let gaps = RelationshipMap::from_relationships(relationships).gaps;
    let gaps_text = if gaps.is_empty() {
        "None: every type has at least one relationship.".to_owned()
    } else {
        format!(
            "{}. Talk about whether the partnership needs one of each.",
            gaps.iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    fields.push(Field::new("Types with no relationship (gaps)", gaps_text));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{RelationshipId, WorkshopId};

    fn relationship(name: &str, types: &[RelationshipType]) -> Relationship {
        Relationship {
            id: RelationshipId(1),
            workshop_id: WorkshopId(1),
            name: name.to_owned(),
            types: types.to_vec(),
            holder: Some("Chief executive's office".to_owned()),
            level: Level::Place,
            held: Held::Direct,
            intended_strategic: true,
            added_by: None,
        }
    }

    #[test]
    fn a_relationship_is_described_in_one_sentence() {
        let compact = relationship(
            "Compact board",
            &[RelationshipType::Shaping, RelationshipType::Delivery],
        );
        assert_eq!(
            describe(&compact),
            "“Compact board”: shaping and delivery, at place level, held directly (holder: \
             Chief executive's office); meant to be strategic"
        );
    }

    #[test]
    fn the_list_ends_with_the_gaps() {
        let fields = list_fields(&[
            relationship("Compact board", &[RelationshipType::Shaping]),
            relationship("Grants panel", &[RelationshipType::Commissioning]),
        ]);
        assert_eq!(fields.len(), 3);
        assert_eq!(fields[0].name, "Compact board");
        assert_eq!(
            fields[0].value,
            "Types: shaping\nLevel: place · held directly\nHolder: Chief executive's office\n\
             Meant to be strategic: yes"
        );
        assert_eq!(fields[2].name, "Types with no relationship (gaps)");
        assert_eq!(
            fields[2].value,
            "ongoing, neighbourhood, delivery. Talk about whether the partnership needs one of each."
        );
    }
}
