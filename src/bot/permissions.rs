//! Who may do what, decided from plain values so the rules are tested
//! without Discord; the two adapters at the end read them off a member.

use poise::serenity_prelude as serenity;

/// A facilitator is anyone with Manage Server, or with the workshop's
/// facilitator role when it has one.
pub fn is_facilitator(
    manage_guild: bool,
    member_roles: &[i64],
    facilitator_role: Option<i64>,
) -> bool {
    manage_guild || facilitator_role.is_some_and(|role| member_roles.contains(&role))
}

/// Whether the member may manage the server, from the permissions Discord
/// sends with every interaction. Administrators may do everything.
pub fn member_can_manage_guild(member: &serenity::Member) -> bool {
    member
        .permissions
        .is_some_and(|permissions| permissions.administrator() || permissions.manage_guild())
}

/// The member's role ids as the database stores them.
pub fn member_role_ids(member: &serenity::Member) -> Vec<i64> {
    member.roles.iter().map(|&role| i64::from(role)).collect()
}

/// [`is_facilitator`] for a member who clicked or typed a command.
pub fn member_is_facilitator(member: &serenity::Member, facilitator_role: Option<i64>) -> bool {
    is_facilitator(
        member_can_manage_guild(member),
        &member_role_ids(member),
        facilitator_role,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manage_server_is_always_enough() {
        assert!(is_facilitator(true, &[], None));
        assert!(is_facilitator(true, &[1, 2], Some(3)));
    }

    #[test]
    fn the_facilitator_role_is_enough_when_set() {
        assert!(is_facilitator(false, &[5, 7], Some(7)));
        assert!(!is_facilitator(false, &[5, 7], Some(8)));
        assert!(!is_facilitator(false, &[5, 7], None));
        assert!(!is_facilitator(false, &[], Some(7)));
    }

    fn member(roles: &[u64], permissions: Option<&str>) -> serenity::Member {
        let mut json = serde_json::json!({
            "user": {"id": "99", "username": "sam", "discriminator": "0", "avatar": null},
            "roles": roles.iter().map(u64::to_string).collect::<Vec<_>>(),
            "deaf": false,
            "mute": false,
            "flags": 0,
            "guild_id": "1",
        });
        if let Some(permissions) = permissions {
            json["permissions"] = serde_json::Value::from(permissions);
        }
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn members_are_read_from_discords_permissions_and_roles() {
        // 0x20 is Manage Server, 0x8 Administrator, 0x800 Send Messages.
        assert!(member_can_manage_guild(&member(&[], Some("32"))));
        assert!(member_can_manage_guild(&member(&[], Some("8"))));
        assert!(!member_can_manage_guild(&member(&[], Some("2048"))));
        assert!(!member_can_manage_guild(&member(&[], None)));

        let with_roles = member(&[5, 7], Some("2048"));
        assert_eq!(member_role_ids(&with_roles), vec![5, 7]);
        assert!(member_is_facilitator(&with_roles, Some(7)));
        assert!(!member_is_facilitator(&with_roles, Some(6)));
    }
}
