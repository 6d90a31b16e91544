//! Creating, finding, closing and rerunning workshops.

use super::{Actor, Refusal, Result, Service, ServiceError, clean_title, require_facilitator};
use crate::domain::{
    AnonymityThreshold, Mode, Place, Roles, Workshop, WorkshopId, WorkshopLanguage,
    WorkshopSettings, WorkshopStatus,
};

/// What a facilitator fills in to create a workshop.
#[derive(Debug, Clone, Default)]
pub struct WorkshopRequest {
    pub title: String,
    pub mode: Option<Mode>,
    /// YYYY-MM-DD, as typed.
    pub deadline: Option<String>,
    pub anonymity_threshold: Option<u8>,
    pub place: Place,
    pub roles: Roles,
    /// English when left out.
    pub language: Option<WorkshopLanguage>,
}

impl Service {
    pub async fn create_workshop(
        &self,
        actor: &Actor,
        request: WorkshopRequest,
    ) -> Result<Workshop> {
        // There is no facilitator role until the workshop exists.
        require_facilitator(actor, None, "create a workshop")?;
        let new = self.new_workshop(request)?;
        Ok(self.db.create_workshop(&new, self.clock.now()).await?)
    }

    /// A workshop request checked and tidied, ready to be stored.
    pub(super) fn new_workshop(&self, request: WorkshopRequest) -> Result<WorkshopSettings> {
        let title = clean_title(&request.title, "workshop")?;
        let deadline = match request
            .deadline
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            Some(text) => Some(self.deadline_from(text)?),
            None => None,
        };
        let anonymity_threshold = match request.anonymity_threshold {
            Some(k) => AnonymityThreshold::try_from(k)?,
            None => AnonymityThreshold::DEFAULT,
        };
        Ok(WorkshopSettings {
            title,
            mode: request.mode.unwrap_or(Mode::Live),
            anonymity_threshold,
            deadline,
            place: request.place,
            roles: request.roles,
            previous: None,
            language: request.language.unwrap_or_default(),
        })
    }

    /// Finds the workshop a command means. `wanted` is what the person typed
    /// (a number or a title); left out, it is the open workshop of the
    /// channel, or the server's only open one.
    pub async fn find_workshop(&self, place: Place, wanted: Option<&str>) -> Result<Workshop> {
        let open = self.db.open_workshops(place.guild_id).await?;
        let wanted = wanted.map(str::trim).filter(|w| !w.is_empty());
        if let Some(wanted) = wanted {
            if let Some(workshop) = self.numbered_workshop(wanted).await?
                && workshop.settings.place.guild_id == place.guild_id
            {
                return Ok(workshop);
            }
            let mut titled = self.db.workshops_titled(wanted).await?;
            titled.retain(|w| w.settings.place.guild_id == place.guild_id);
            titled.sort_by_key(|w| (w.status != WorkshopStatus::Open, std::cmp::Reverse(w.id)));
            return titled.into_iter().next().ok_or_else(|| {
                ServiceError::NotFound(
                    Refusal::new(crate::key!("error-workshop-unknown-here")).with("wanted", wanted),
                )
            });
        }
        if let Some(in_channel) = open
            .iter()
            .find(|w| place.channel_id.is_some() && w.settings.place.channel_id == place.channel_id)
        {
            return Ok(in_channel.clone());
        }
        match open.as_slice() {
            [only] => Ok(only.clone()),
            [] => Err(ServiceError::NotFound(Refusal::new(crate::key!(
                "error-no-open-workshop"
            )))),
            _ => Err(ServiceError::NotFound(Refusal::new(crate::key!(
                "error-several-open-workshops"
            )))),
        }
    }

    /// [`Service::find_workshop`] for looking back (the report, the plan, a
    /// rerun): left out, `wanted` means this channel's most recent workshop,
    /// closed included.
    pub async fn find_workshop_closed_included(
        &self,
        place: Place,
        wanted: Option<&str>,
    ) -> Result<Workshop> {
        if wanted.is_none_or(|w| w.trim().is_empty()) && place.channel_id.is_some() {
            let latest = self
                .db
                .workshops_in_guild(place.guild_id)
                .await?
                .into_iter()
                .filter(|w| w.settings.place.channel_id == place.channel_id)
                .max_by_key(|w| w.id);
            if let Some(latest) = latest {
                return Ok(latest);
            }
        }
        self.find_workshop(place, wanted).await
    }

    /// A workshop by number or title in any server, for the command line:
    /// of several with the title, the newest.
    pub async fn find_workshop_by_id_or_title(&self, wanted: &str) -> Result<Workshop> {
        let wanted = wanted.trim();
        if let Some(workshop) = self.numbered_workshop(wanted).await? {
            return Ok(workshop);
        }
        let titled = self.db.workshops_titled(wanted).await?;
        titled.into_iter().max_by_key(|w| w.id).ok_or_else(|| {
            ServiceError::NotFound(
                Refusal::new(crate::key!("error-workshop-unknown")).with("wanted", wanted),
            )
        })
    }

    /// The workshop `wanted` names by number ("7" or "#7"), if it does.
    async fn numbered_workshop(&self, wanted: &str) -> Result<Option<Workshop>> {
        match wanted.trim_start_matches('#').parse::<i64>() {
            Ok(number) => Ok(self.db.workshop(WorkshopId(number)).await?),
            Err(_) => Ok(None),
        }
    }

    /// A workshop by id, refused when it belongs to another server.
    pub async fn workshop_in(&self, id: WorkshopId, guild_id: Option<i64>) -> Result<Workshop> {
        let workshop = self.db.workshop(id).await?.ok_or_else(|| {
            ServiceError::NotFound(Refusal::new(crate::key!("error-workshop-gone")))
        })?;
        if workshop.settings.place.guild_id != guild_id {
            return Err(ServiceError::WrongPlace);
        }
        Ok(workshop)
    }

    /// Every workshop of a server, closed ones included, for autocomplete.
    pub async fn workshops_in_guild(&self, guild_id: Option<i64>) -> Result<Vec<Workshop>> {
        Ok(self.db.workshops_in_guild(guild_id).await?)
    }

    /// Open workshops of a server, for autocomplete.
    pub async fn open_workshops(&self, guild_id: Option<i64>) -> Result<Vec<Workshop>> {
        Ok(self.db.open_workshops(guild_id).await?)
    }

    /// Closes the workshop and its open rounds in one step.
    pub async fn close_workshop(&self, actor: &Actor, workshop: &Workshop) -> Result<()> {
        self.authorise(actor, workshop, "close the workshop")?;
        self.db
            .close_workshop(workshop.id, self.clock.now())
            .await?;
        Ok(())
    }

    /// Starts the workshop again, linked to this one so results can be
    /// compared. Relationships are copied so they can be scored again;
    /// people join afresh.
    pub async fn rerun(&self, actor: &Actor, workshop: &Workshop, title: &str) -> Result<Workshop> {
        self.authorise(actor, workshop, "rerun the workshop")?;
        let title = clean_title(title, "workshop")?;
        let new = WorkshopSettings {
            title,
            deadline: None,
            previous: Some(workshop.id),
            ..workshop.settings.clone()
        };
        Ok(self
            .db
            .rerun_workshop(&new, workshop.id, self.clock.now())
            .await?)
    }
}
