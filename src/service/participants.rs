//! Joining and leaving a workshop, and which side a person is on.

use super::{Actor, MAX_TITLE, Result, Service, ServiceError, clip, optional_text, require_open};
use crate::db::NewParticipant;
use crate::domain::{Participant, ParticipantId, Roles, Side, Workshop};

/// The side a person's roles say they are on: council or VCS. `None` when
/// they have neither role or both (then they must choose a side on joining).
pub fn side_from_roles(member_roles: &[i64], roles: &Roles) -> Option<Side> {
    let has = |role: Option<i64>| role.is_some_and(|role| member_roles.contains(&role));
    match (has(roles.council), has(roles.vcs)) {
        (true, false) => Some(Side::Council),
        (false, true) => Some(Side::Vcs),
        _ => None,
    }
}

impl Service {
    pub async fn join(
        &self,
        workshop: &Workshop,
        actor: &Actor,
        side: Side,
        organisation: Option<&str>,
    ) -> Result<Participant> {
        require_open(workshop)?;
        Ok(self
            .db
            .join(&NewParticipant {
                workshop_id: workshop.id,
                external_id: actor.external_id,
                display_name: clip(actor.display_name.trim(), MAX_TITLE),
                side,
                organisation: optional_text(organisation),
            })
            .await?)
    }

    pub async fn leave(&self, workshop: &Workshop, actor: &Actor) -> Result<()> {
        let participant = self.participant(workshop, actor).await?;
        self.db
            .set_participant_active(participant.id, false)
            .await?;
        Ok(())
    }

    /// Deletes a person's name and organisation from every workshop. Their
    /// votes stay, as anonymous counts for their side.
    pub async fn forget_me(&self, external_id: i64) -> Result<u64> {
        Ok(self.db.forget_person(external_id).await?)
    }

    pub async fn participant(&self, workshop: &Workshop, actor: &Actor) -> Result<Participant> {
        let external_id = actor.external_id.ok_or(ServiceError::NotParticipant)?;
        match self
            .db
            .participant_by_external(workshop.id, external_id)
            .await?
        {
            Some(participant) if participant.active => Ok(participant),
            _ => Err(ServiceError::NotParticipant),
        }
    }

    /// Who to record as having put something forward: the participant, or
    /// no one on the command line (which has no Discord id).
    pub(super) async fn contributor(
        &self,
        workshop: &Workshop,
        actor: &Actor,
    ) -> Result<Option<ParticipantId>> {
        match actor.external_id {
            Some(_) => Ok(Some(self.participant(workshop, actor).await?.id)),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_come_from_exactly_one_role() {
        let roles = |council, vcs| Roles {
            council,
            vcs,
            facilitator: None,
        };
        let both = roles(Some(10), Some(20));
        assert_eq!(side_from_roles(&[10], &both), Some(Side::Council));
        assert_eq!(side_from_roles(&[3, 20], &both), Some(Side::Vcs));
        assert_eq!(side_from_roles(&[10, 20], &both), None);
        assert_eq!(side_from_roles(&[3], &both), None);
        assert_eq!(side_from_roles(&[10], &roles(None, None)), None);
        assert_eq!(
            side_from_roles(&[20], &roles(None, Some(20))),
            Some(Side::Vcs)
        );
    }
}
