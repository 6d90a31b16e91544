//! A workshop's results, with anonymity applied.

use super::{Result, ResultsScope, Service};
use crate::domain::{RoundStatus, Workshop, WorkshopResults, compute};

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
        let votes = self.db.votes_in_workshop(workshop.id).await?;
        let actions = self.db.actions(workshop.id).await?;
        let responses = self.db.responses(workshop.id).await?;
        Ok(compute(
            &self.toolkit,
            workshop,
            &participants,
            &relationships,
            &rounds,
            &votes,
            &actions,
            &responses,
        ))
    }

    /// The results of the workshop this one re-runs, if any.
    pub async fn previous_results(
        &self,
        workshop: &Workshop,
        scope: ResultsScope,
    ) -> Result<Option<WorkshopResults>> {
        match workshop.previous {
            Some(previous) => match self.db.workshop(previous).await? {
                Some(previous) => Ok(Some(self.results(&previous, scope).await?)),
                None => Ok(None),
            },
            None => Ok(None),
        }
    }
}
