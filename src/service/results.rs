//! A workshop's results, with anonymity applied.

use super::{Result, ResultsScope, Service};
use crate::domain::{
    Round, RoundId, RoundItems, RoundStatus, Workshop, WorkshopRecords, WorkshopResults, compute,
};

impl Service {
    /// The workshop's results, with anonymity applied.
    pub async fn results(
        &self,
        workshop: &Workshop,
        scope: ResultsScope,
    ) -> Result<WorkshopResults> {
        let (participants, relationships) = self.participants_and_relationships(workshop).await?;
        let mut rounds = self.db.rounds(workshop.id).await?;
        if scope == ResultsScope::Revealed {
            rounds.retain(|round| round.status != RoundStatus::Open);
        }
        let opened_with = self.opened_with(&rounds).await?;
        let round_ids: Vec<RoundId> = rounds.iter().map(|round| round.id).collect();
        let counts = self.db.vote_counts(workshop.id, &round_ids).await?;
        let actions = self.db.actions(workshop.id).await?;
        let responses = self.db.responses(workshop.id).await?;
        let records = WorkshopRecords {
            toolkit: self.toolkit_for(workshop),
            workshop,
            participants: &participants,
            relationships: &relationships,
            rounds: &rounds,
            opened_with: &opened_with,
            actions: &actions,
            responses: &responses,
        };
        Ok(compute(&records, &counts, &self.p_values))
    }

    /// The items each of these rounds was opened with.
    async fn opened_with(&self, rounds: &[Round]) -> Result<RoundItems> {
        let Some(first) = rounds.first() else {
            return Ok(RoundItems::new());
        };
        let mut opened_with = self.db.round_items_in_workshop(first.workshop_id).await?;
        for round in rounds {
            if let std::collections::hash_map::Entry::Vacant(entry) = opened_with.entry(round.id) {
                entry.insert(self.round_items(round).await?);
            }
        }
        Ok(opened_with)
    }

    /// The results of the workshop this one re-runs, if any.
    pub async fn previous_results(
        &self,
        workshop: &Workshop,
        scope: ResultsScope,
    ) -> Result<Option<WorkshopResults>> {
        match workshop.settings.previous {
            Some(previous) => match self.db.workshop(previous).await? {
                Some(previous) => Ok(Some(self.results(&previous, scope).await?)),
                None => Ok(None),
            },
            None => Ok(None),
        }
    }
}
