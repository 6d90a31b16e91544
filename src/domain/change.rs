//! What changed since the run a workshop re-runs: the one rule for matching
//! relationships across runs and for which items moved, shared by the
//! report's table and its chart.

use super::results::{RelationshipResults, StrategicResults, WorkshopResults};

/// A relationship found in both runs, by name (ignoring case), with its
/// assessment three in each; at least one of the two is assessed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelationshipChange<'a> {
    /// The relationship as in the current run.
    pub relationship: &'a RelationshipResults,
    pub then: Option<&'a StrategicResults>,
    pub now: Option<&'a StrategicResults>,
}

/// An assessment three item's all-voters mean (1–5) in the earlier run and now.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemMove<'a> {
    pub relationship: &'a str,
    pub short: &'a str,
    pub then: f64,
    pub now: f64,
}

impl ItemMove<'_> {
    pub fn size(&self) -> f64 {
        (self.now - self.then).abs()
    }
}

/// The change between two runs.
#[derive(Debug, Clone, PartialEq)]
pub struct RunChange<'a> {
    /// In the order of the current run's relationships.
    pub relationships: Vec<RelationshipChange<'a>>,
    /// Items shown for all voters in both runs, largest move first (ties in
    /// the order found).
    pub moved_items: Vec<ItemMove<'a>>,
}

/// Compares the current run with the one before it.
pub fn compare_runs<'a>(previous: &'a WorkshopResults, now: &'a WorkshopResults) -> RunChange<'a> {
    let relationships: Vec<RelationshipChange> = now
        .relationships
        .iter()
        .filter_map(|current| {
            let then = previous.relationships.iter().find(|p| {
                p.relationship
                    .details
                    .name
                    .eq_ignore_ascii_case(&current.relationship.details.name)
            })?;
            let change = RelationshipChange {
                relationship: current,
                then: then.strategic.as_ref(),
                now: current.strategic.as_ref(),
            };
            (change.then.is_some() || change.now.is_some()).then_some(change)
        })
        .collect();
    let mut moved_items = Vec::new();
    for change in &relationships {
        let (Some(then), Some(current)) = (change.then, change.now) else {
            continue;
        };
        for item in &current.round.items {
            let before = then
                .round
                .item(&item.item)
                .and_then(|i| i.stats.all.as_ref())
                .map(|s| s.mean);
            if let (Some(before), Some(after)) = (before, item.stats.all.as_ref().map(|s| s.mean)) {
                moved_items.push(ItemMove {
                    relationship: &change.relationship.relationship.details.name,
                    short: &item.short,
                    then: before,
                    now: after,
                });
            }
        }
    }
    moved_items.sort_by(|a, b| b.size().total_cmp(&a.size()));
    RunChange {
        relationships,
        moved_items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scenarios::scenario;

    #[test]
    fn relationships_match_by_name_in_any_case_and_moves_need_both_runs() {
        let mut previous = scenario(1, &[]);
        previous.relationships[0].relationship.details.name = "COMPACT FORUM".to_owned();
        previous.relationships[1].strategic = None;
        let mut now = scenario(1, &[]);
        now.relationships[1].relationship.details.name = "A new panel".to_owned();

        let change = compare_runs(&previous, &now);
        let names: Vec<&str> = change
            .relationships
            .iter()
            .map(|c| c.relationship.relationship.details.name.as_str())
            .collect();
        assert_eq!(names, ["Compact forum"]);
        let first = change.relationships[0];
        assert!(first.then.is_some() && first.now.is_some());
        // Compact forum's fifteen items, unchanged at 2 for all voters.
        assert_eq!(change.moved_items.len(), 15);
        assert!(change.moved_items.iter().all(|moved| moved.size() == 0.0));
        assert_eq!(change.moved_items[0].relationship, "Compact forum");
    }

    #[test]
    fn a_relationship_assessed_in_one_run_only_is_listed_without_moves() {
        let mut previous = scenario(1, &[]);
        previous.relationships[1].strategic = None;
        let now = scenario(1, &[]);
        let change = compare_runs(&previous, &now);
        assert_eq!(change.relationships.len(), 2);
        let grants = change.relationships[1];
        assert!(grants.then.is_none() && grants.now.is_some());
        assert!(
            change
                .moved_items
                .iter()
                .all(|moved| moved.relationship == "Compact forum")
        );
    }
}
