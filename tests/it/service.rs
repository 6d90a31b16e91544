//! Scenario tests: whole workshops run through the service, as the bot and
//! the command line would run them, on a fresh database each.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use common_ground::db::Db;
use common_ground::domain::Toolkit;
use common_ground::domain::*;
use common_ground::service::*;
use sqlx::SqlitePool;

/// The time on every test service's clock unless a test sets its own.
fn test_now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn service(pool: SqlitePool) -> Service {
    let toolkit = Toolkit::embedded().expect("the built-in toolkit loads");
    Service::new(
        Db::from_pool(pool),
        Arc::new(toolkit),
        Clock::Fixed(test_now()),
    )
}

/// The database behind a test's service, to check what was stored.
fn db(pool: &SqlitePool) -> Db {
    Db::from_pool(pool.clone())
}

/// A second service over the same database, as after a restart.
fn service_at(pool: &SqlitePool, toolkit: Toolkit, now: chrono::DateTime<Utc>) -> Service {
    Service::new(db(pool), Arc::new(toolkit), Clock::Fixed(now))
}

fn person_named(id: i64, display_name: &str) -> Actor {
    Actor {
        external_id: Some(id),
        display_name: display_name.to_owned(),
        is_facilitator: false,
    }
}

fn facilitator() -> Actor {
    Actor {
        is_facilitator: true,
        ..person_named(1, "Fran Facilitator")
    }
}

fn person(id: i64) -> Actor {
    person_named(id, &format!("Person {id}"))
}

fn guild(guild_id: i64, channel_id: i64) -> Place {
    Place {
        guild_id: Some(guild_id),
        channel_id: Some(channel_id),
    }
}

/// Async workshops show every question at once; live ones one at a time.
async fn new_workshop(service: &Service, mode: Mode, place: Place, threshold: u8) -> Workshop {
    service
        .create_workshop(
            &facilitator(),
            WorkshopRequest {
                title: "Spring review".to_owned(),
                mode: Some(mode),
                anonymity_threshold: Some(threshold),
                place,
                ..WorkshopRequest::default()
            },
        )
        .await
        .unwrap()
}

/// An async workshop whose voting closes at the end of `deadline`.
async fn async_workshop_until(service: &Service, deadline: &str) -> Workshop {
    service
        .create_workshop(
            &facilitator(),
            WorkshopRequest {
                title: "Async review".to_owned(),
                mode: Some(Mode::Async),
                deadline: Some(deadline.to_owned()),
                place: guild(1, 10),
                ..WorkshopRequest::default()
            },
        )
        .await
        .unwrap()
}

fn relationship(name: &str) -> RelationshipDetails {
    RelationshipDetails {
        name: name.to_owned(),
        types: vec![RelationshipType::Shaping],
        holder: Some("Chief executive's office".to_owned()),
        level: Level::Place,
        held: Held::Direct,
        intended_strategic: true,
    }
}

async fn join(
    service: &Service,
    workshop: &Workshop,
    actor: &Actor,
    side: Side,
    organisation: Option<&str>,
) {
    service
        .join(workshop, actor, side, organisation)
        .await
        .unwrap();
}

/// Joins three council and three VCS people (ids 11–13 and 21–23).
async fn join_six(service: &Service, workshop: &Workshop) {
    for id in [11, 12, 13] {
        join(
            service,
            workshop,
            &person(id),
            Side::Council,
            Some("Council"),
        )
        .await;
    }
    for id in [21, 22, 23] {
        join(service, workshop, &person(id), Side::Vcs, Some("CVS")).await;
    }
}

/// Joins six people to a new workshop in server 1 (see [`join_six`]).
async fn six_joined(pool: &SqlitePool, mode: Mode) -> (Service, Workshop) {
    let service = service(pool.clone());
    let workshop = new_workshop(&service, mode, guild(1, 10), 3).await;
    join_six(&service, &workshop).await;
    (service, workshop)
}

/// A vote of 3 that the service must refuse.
async fn refused_vote(
    service: &Service,
    workshop: &Workshop,
    id: i64,
    round: &Round,
    index: u16,
) -> ServiceError {
    vote(service, workshop, id, round.id, index, score(3))
        .await
        .unwrap_err()
}

/// Six people joined to a new workshop whose voting closes at the end of
/// `deadline`.
async fn six_joined_until(pool: &SqlitePool, deadline: &str) -> (Service, Workshop) {
    let service = service(pool.clone());
    let workshop = async_workshop_until(&service, deadline).await;
    join_six(&service, &workshop).await;
    (service, workshop)
}

/// A new workshop in server 1 with only `actor` joined.
async fn joined_alone(
    pool: &SqlitePool,
    actor: &Actor,
    side: Side,
    organisation: Option<&str>,
) -> (Service, Workshop) {
    let service = service(pool.clone());
    let workshop = new_workshop(&service, Mode::Async, guild(1, 10), 3).await;
    join(&service, &workshop, actor, side, organisation).await;
    (service, workshop)
}

fn score(value: u8) -> VoteValue {
    VoteValue::from_code(value).unwrap()
}

/// Person `id` answers question `index` of a round.
async fn vote(
    service: &Service,
    workshop: &Workshop,
    id: i64,
    round: RoundId,
    index: u16,
    value: VoteValue,
) -> Result<VoteReceipt, ServiceError> {
    service
        .cast_vote(workshop, &person(id), round, index, value)
        .await
}

async fn vote_all_items(
    service: &Service,
    workshop: &Workshop,
    round: &Round,
    actor: &Actor,
    value: u8,
) {
    let count = service.round_items(round).await.unwrap().len();
    for index in 0..count {
        service
            .cast_vote(workshop, actor, round.id, index as u16, score(value))
            .await
            .unwrap();
    }
}

async fn strategic_round(service: &Service, workshop: &Workshop) -> Round {
    service
        .add_relationship(
            workshop,
            &person(11),
            relationship("Stronger Communities Board"),
        )
        .await
        .unwrap();
    let mut rounds = service
        .open_assessment(
            &facilitator(),
            workshop,
            Assessment::Strategic,
            Some("Stronger Communities Board"),
        )
        .await
        .unwrap();
    assert_eq!(rounds.len(), 1);
    rounds.remove(0)
}

/// Opens the benefits assessment as the facilitator: one round.
async fn open_benefits(service: &Service, workshop: &Workshop) -> Round {
    service
        .open_assessment(&facilitator(), workshop, Assessment::Benefits, None)
        .await
        .unwrap()
        .remove(0)
}

/// Reveals every open round as the facilitator.
async fn reveal_all(service: &Service, workshop: &Workshop) {
    service
        .reveal(&facilitator(), workshop, None, None)
        .await
        .unwrap();
}

/// What the bot may show of the workshop now.
async fn revealed_results(service: &Service, workshop: &Workshop) -> WorkshopResults {
    service
        .results(workshop, ResultsScope::Revealed)
        .await
        .unwrap()
}

#[sqlx::test]
async fn a_vote_replaces_the_earlier_one_until_the_reveal(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let round = strategic_round(&service, &workshop).await;

    vote(&service, &workshop, 11, round.id, 0, score(2))
        .await
        .unwrap();
    let receipt = vote(&service, &workshop, 11, round.id, 0, score(4))
        .await
        .unwrap();
    assert_eq!(receipt.value, score(4));
    let votes = db(&pool).votes_in_round(round.id).await.unwrap();
    assert_eq!(votes.len(), 1, "a changed vote replaces the old one");
    assert_eq!(votes[0].value, score(4));

    reveal_all(&service, &workshop).await;
    let refused = vote(&service, &workshop, 11, round.id, 0, score(1))
        .await
        .unwrap_err();
    assert!(matches!(
        refused,
        ServiceError::VotingClosed { earlier_vote: true }
    ));
    assert!(
        refused
            .to_string()
            .contains("Your vote on it still counts.")
    );
    let votes = db(&pool).votes_in_round(round.id).await.unwrap();
    assert_eq!(votes[0].value, score(4), "the refused vote changed nothing");
}

#[sqlx::test]
async fn people_who_have_not_joined_cannot_vote(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let round = strategic_round(&service, &workshop).await;
    let error = refused_vote(&service, &workshop, 99, &round, 0).await;
    assert!(matches!(error, ServiceError::NotParticipant));
    assert!(error.to_string().contains("/join"));
    assert!(db(&pool).votes_in_round(round.id).await.unwrap().is_empty());

    service.leave(&workshop, &person(21)).await.unwrap();
    let error = refused_vote(&service, &workshop, 21, &round, 0).await;
    assert!(
        matches!(error, ServiceError::NotParticipant),
        "someone who left can no longer vote"
    );
}

#[sqlx::test]
async fn an_unknown_question_is_refused(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let round = strategic_round(&service, &workshop).await;
    let error = refused_vote(&service, &workshop, 11, &round, 15).await;
    assert!(error.to_string().contains("no longer in the toolkit"));
    assert!(db(&pool).votes_in_round(round.id).await.unwrap().is_empty());
}

#[test]
fn votes_off_the_scale_are_refused_before_they_reach_the_service() {
    assert!(
        VoteValue::from_code(6)
            .unwrap_err()
            .0
            .contains("from 1 (not at all) to 5")
    );
    assert!(
        "0".parse::<VoteValue>()
            .unwrap_err()
            .0
            .contains("from 1 (not at all) to 5")
    );
}

#[sqlx::test]
async fn facilitator_steps_are_refused_to_others_and_change_nothing(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let round = strategic_round(&service, &workshop).await;

    let error = service
        .reveal(&person(11), &workshop, None, None)
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Only a facilitator can reveal the results. Ask someone with the Manage Server permission to reveal the results."
    );
    assert_eq!(
        service.round(round.id).await.unwrap().status,
        RoundStatus::Open
    );

    assert!(matches!(
        service
            .open_assessment(&person(11), &workshop, Assessment::Benefits, None)
            .await,
        Err(ServiceError::NotFacilitator(_))
    ));
    assert_eq!(service.rounds(&workshop).await.unwrap().len(), 1);
    assert!(matches!(
        service.close_workshop(&person(11), &workshop).await,
        Err(ServiceError::NotFacilitator(_))
    ));
    assert!(matches!(
        service
            .create_workshop(&person(11), WorkshopRequest::default())
            .await,
        Err(ServiceError::NotFacilitator(_))
    ));
    let still = service.workshop_in(workshop.id, Some(1)).await.unwrap();
    assert_eq!(still.status, WorkshopStatus::Open);
}

#[sqlx::test]
async fn bad_actions_are_refused_with_what_to_do(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let good = ActionRequest {
        text: "Agree a compact".to_owned(),
        owner: "Policy team".to_owned(),
        due: "2027-01-31".to_owned(),
        prompted_by: "overlaps".to_owned(),
    };
    let cases = [
        (
            ActionRequest {
                text: "   ".to_owned(),
                ..good.clone()
            },
            "no text",
        ),
        (
            ActionRequest {
                text: "x".repeat(5000),
                ..good.clone()
            },
            "5000 characters long, and the limit is 1000",
        ),
        (
            ActionRequest {
                due: "next Tuesday".to_owned(),
                ..good.clone()
            },
            "“next Tuesday” is not a date. Write the due date like 31/03/2027",
        ),
        (
            ActionRequest {
                due: "2026-02-30".to_owned(),
                ..good.clone()
            },
            "There is no 2026-02-30 in the calendar",
        ),
        (
            ActionRequest {
                due: "2026-11-26".to_owned(),
                ..good.clone()
            },
            "The due date 2026-11-26 has passed",
        ),
        (
            ActionRequest {
                owner: String::new(),
                ..good.clone()
            },
            "no owner",
        ),
    ];
    for (request, expected) in cases {
        let error = service
            .propose_action(&workshop, &person(11), request, None)
            .await
            .unwrap_err();
        assert!(
            error.to_string().contains(expected),
            "{error} should say {expected}"
        );
        assert!(error.is_user_error());
    }
    assert!(
        service.actions(&workshop).await.unwrap().is_empty(),
        "nothing was stored"
    );
    let action = service
        .propose_action(&workshop, &person(11), good, None)
        .await
        .unwrap()
        .action;
    assert_eq!(action.due.to_string(), "2027-01-31");
}

#[sqlx::test]
async fn due_dates_and_deadlines_are_read_as_people_write_them(pool: SqlitePool) {
    let service = service(pool);
    let workshop = new_workshop(&service, Mode::Async, guild(1, 10), 3).await;
    join_six(&service, &workshop).await;
    for typed in ["31/03/2027", "31 March 2027", "31 Mar 2027", "2027-03-31"] {
        let request = ActionRequest {
            text: "Agree a compact".to_owned(),
            owner: "Policy team".to_owned(),
            due: typed.to_owned(),
            prompted_by: String::new(),
        };
        assert_eq!(service.check_action(&request), Ok(()), "{typed}");
        let action = service
            .propose_action(&workshop, &person(11), request, None)
            .await
            .unwrap()
            .action;
        assert_eq!(action.due.to_string(), "2027-03-31", "{typed}");
    }
    let later = async_workshop_until(&service, "1 December 2026").await;
    assert_eq!(later.settings.deadline.unwrap().to_string(), "2026-12-01");
    let refused = service
        .create_workshop(
            &facilitator(),
            WorkshopRequest {
                title: "Too late".to_owned(),
                mode: Some(Mode::Async),
                deadline: Some("26/11/2026".to_owned()),
                ..WorkshopRequest::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "The deadline 26/11/2026 has passed. Choose today or a later date."
    );
}

#[sqlx::test]
async fn actions_are_agreed_per_side_and_compiled_into_the_plan(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let action = service
        .propose_action(
            &workshop,
            &person(21),
            ActionRequest {
                text: "Co-design the VCS strategy".to_owned(),
                owner: "Northfield CVS".to_owned(),
                due: "2027-03-01".to_owned(),
                prompted_by: "a3.shared_foundations.power".to_owned(),
            },
            None,
        )
        .await
        .unwrap()
        .action;
    for id in [11, 12, 21, 22, 23] {
        service
            .respond_to_action(&workshop, &person(id), action.id, Stance::Agree)
            .await
            .unwrap();
    }
    let tally = service
        .respond_to_action(&workshop, &person(13), action.id, Stance::Object)
        .await
        .unwrap();
    assert_eq!(
        (
            tally.agree.council,
            tally.agree.vcs,
            tally.object.council,
            tally.object.vcs
        ),
        (2, 3, 1, 0)
    );
    // Changing one's mind replaces the earlier response.
    let tally = service
        .respond_to_action(&workshop, &person(13), action.id, Stance::Agree)
        .await
        .unwrap();
    assert_eq!((tally.agree.council, tally.object.council), (3, 0));

    assert!(matches!(
        service.mark_agreed(&person(21), &workshop, action.id).await,
        Err(ServiceError::NotFacilitator(_))
    ));
    let agreed = service
        .mark_agreed(&facilitator(), &workshop, action.id)
        .await
        .unwrap();
    assert!(agreed.agreed);
    let updated = service
        .set_action_status(&person(22), &workshop, action.id, ActionStatus::InProgress)
        .await
        .unwrap();
    assert_eq!(updated.status, ActionStatus::InProgress);
}

#[sqlx::test]
async fn workshops_in_different_servers_do_not_see_each_other(pool: SqlitePool) {
    let service = service(pool.clone());
    let ours = new_workshop(&service, Mode::Async, guild(1, 10), 3).await;
    let theirs = new_workshop(&service, Mode::Async, guild(2, 20), 3).await;
    join_six(&service, &ours).await;
    join_six(&service, &theirs).await;
    let their_round = strategic_round(&service, &theirs).await;

    let found = service.find_workshop(guild(1, 99), None).await.unwrap();
    assert_eq!(found.id, ours.id, "the server's only open workshop is ours");
    let by_number = service
        .find_workshop(guild(1, 10), Some(&theirs.id.to_string()))
        .await;
    assert!(
        by_number.is_err(),
        "a number from another server is not found here"
    );
    assert!(matches!(
        service.workshop_in(theirs.id, Some(1)).await,
        Err(ServiceError::WrongPlace)
    ));
    let error = service
        .cast_vote(&ours, &person(11), their_round.id, 0, score(3))
        .await
        .unwrap_err();
    assert!(matches!(error, ServiceError::WrongPlace));
    assert!(
        db(&pool)
            .votes_in_round(their_round.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(service.relationships(&ours).await.unwrap().is_empty());
}

#[sqlx::test]
async fn the_channel_decides_which_workshop_when_a_server_has_several(pool: SqlitePool) {
    let service = service(pool);
    let first = new_workshop(&service, Mode::Async, guild(1, 10), 3).await;
    let second = new_workshop(&service, Mode::Async, guild(1, 11), 3).await;
    assert_eq!(
        service.find_workshop(guild(1, 11), None).await.unwrap().id,
        second.id
    );
    assert_eq!(
        service.find_workshop(guild(1, 10), None).await.unwrap().id,
        first.id
    );
    let error = service.find_workshop(guild(1, 12), None).await.unwrap_err();
    assert!(error.to_string().contains("more than one open workshop"));
}

#[sqlx::test]
async fn live_mode_posts_questions_one_at_a_time_and_the_ballot_follows(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Live).await;
    open_benefits(&service, &workshop).await;
    assert!(
        service
            .ballot(&workshop, &person(11))
            .await
            .unwrap()
            .is_empty(),
        "nothing posted yet"
    );
    let rounds = service.rounds(&workshop).await.unwrap();
    let early = service
        .cast_vote(&workshop, &person(11), rounds[0].id, 0, score(3))
        .await
        .unwrap_err();
    assert!(early.to_string().contains("not been posted yet"), "{early}");
    let (round, index) = service.next_item(&facilitator(), &workshop).await.unwrap();
    assert_eq!((round.items_posted, index), (1, 0));
    service.next_item(&facilitator(), &workshop).await.unwrap();
    let ballot = service.ballot(&workshop, &person(11)).await.unwrap();
    assert_eq!(ballot.len(), 2);
    assert!(ballot.iter().all(|entry| entry.own_vote.is_none()));
    vote(&service, &workshop, 11, round.id, 1, VoteValue::NotSure)
        .await
        .unwrap();
    let ballot = service.ballot(&workshop, &person(11)).await.unwrap();
    assert_eq!(
        ballot[1].own_vote,
        Some(VoteValue::NotSure),
        "the ballot shows a person their own answer"
    );

    let progress = service.progress(&facilitator(), &workshop).await.unwrap();
    // Per question: nobody has answered the first, person 11 the second.
    let answered: Vec<(u32, u32)> = progress[0]
        .questions
        .iter()
        .map(|q| (q.answered.by_side.council, q.answered.by_side.vcs))
        .collect();
    assert_eq!(answered, [(0, 0), (1, 0)]);
    assert_eq!(progress[0].questions[1].not_answered.len(), 5);
    assert_eq!(progress[0].not_voted.len(), 6, "nobody answered both");
}

#[sqlx::test]
async fn forgetting_a_person_keeps_their_votes_as_anonymous_counts(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let round = strategic_round(&service, &workshop).await;
    vote_all_items(&service, &workshop, &round, &person(21), 2).await;
    assert!(service.forget_me(21).await.unwrap() >= 1);
    let participants = db(&pool).participants(workshop.id).await.unwrap();
    let forgotten = participants
        .iter()
        .find(|p| p.forgotten)
        .expect("one person forgotten");
    assert_eq!(forgotten.display_name, "Former participant");
    assert_eq!(
        (forgotten.external_id, forgotten.organisation.as_deref()),
        (None, None)
    );
    assert_eq!(
        forgotten.side,
        Side::Vcs,
        "the side stays so the counts stay right"
    );
    assert_eq!(db(&pool).votes_in_round(round.id).await.unwrap().len(), 15);
}

#[sqlx::test]
async fn a_rerun_is_linked_to_the_first_workshop_and_keeps_its_relationships(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    strategic_round(&service, &workshop).await;
    service
        .close_workshop(&facilitator(), &workshop)
        .await
        .unwrap();
    let closed = service.workshop_in(workshop.id, Some(1)).await.unwrap();
    assert_eq!(closed.status, WorkshopStatus::Closed);
    assert!(matches!(
        service.join(&closed, &person(30), Side::Vcs, None).await,
        Err(ServiceError::WorkshopClosed)
    ));

    let rerun = service
        .rerun(&facilitator(), &closed, "Autumn review")
        .await
        .unwrap();
    assert_eq!(rerun.settings.previous, Some(workshop.id));
    let names: Vec<String> = service
        .relationships(&rerun)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.details.name)
        .collect();
    assert_eq!(names, vec!["Stronger Communities Board".to_owned()]);
    assert!(
        service
            .previous_results(&rerun, ResultsScope::Everything)
            .await
            .unwrap()
            .is_some()
    );
}

#[sqlx::test]
async fn reminders_go_out_once(pool: SqlitePool) {
    let (service, workshop) = six_joined_until(&pool, "2026-11-28").await;
    open_benefits(&service, &workshop).await;
    service
        .propose_action(
            &workshop,
            &person(11),
            ActionRequest {
                text: "Publish the relationship map".to_owned(),
                owner: "Communities team".to_owned(),
                due: "2026-11-27".to_owned(),
                prompted_by: String::new(),
            },
            None,
        )
        .await
        .unwrap();
    let reminders = service.take_due_reminders().await.unwrap();
    assert_eq!(reminders.len(), 2);
    assert!(reminders.iter().any(
        |r| matches!(r, Reminder::VotingClosesSoon { not_voted, .. } if not_voted.len() == 6)
    ));
    assert!(
        reminders
            .iter()
            .any(|r| matches!(r, Reminder::ActionDue { .. }))
    );
    assert!(
        service.take_due_reminders().await.unwrap().is_empty(),
        "a reminder is never repeated"
    );
}

#[sqlx::test]
async fn a_bad_import_row_rejects_the_whole_file(pool: SqlitePool) {
    let service = service(pool.clone());
    let csv = "participant,side,item,subject,value\n\
               Ann,council,a1.direct.better_services,,4\n\
               Bob,vcs,a1.direct.better_services,,7\n";
    let error = service
        .import_votes("Paper votes", None, csv)
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("Line 3: 7 is not on the scale"),
        "{error}"
    );
    assert!(
        db(&pool)
            .workshops_titled("Paper votes")
            .await
            .unwrap()
            .is_empty(),
        "nothing was written"
    );

    let cases = [
        (
            "Ann,county,a1.direct.better_services,,4",
            "Line 2: \"county\" is not a side",
        ),
        (
            "Ann,council,a1.direct.nonsense,,4",
            "Line 2: “a1.direct.nonsense” is not a question in the toolkit",
        ),
        (
            "Ann,council,a3.shared_foundations.power,,4",
            "the subject must name one",
        ),
        ("Ann,council", "Line 2"),
    ];
    for (row, expected) in cases {
        let csv = format!("participant,side,item,subject,value\n{row}\n");
        let error = service
            .import_votes("Paper votes", None, &csv)
            .await
            .unwrap_err();
        assert!(
            error.to_string().contains(expected),
            "{error} should contain {expected}"
        );
    }
    assert!(
        db(&pool)
            .workshops_titled("Paper votes")
            .await
            .unwrap()
            .is_empty()
    );
}

#[sqlx::test]
async fn a_whole_workshop_from_creation_to_the_action_plan(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let round = strategic_round(&service, &workshop).await;
    for (id, value) in [(11, 4), (12, 4), (13, 5), (21, 2), (22, 3), (23, 3)] {
        vote_all_items(&service, &workshop, &round, &person(id), value).await;
    }
    // The bot shows nothing before the reveal.
    let hidden = revealed_results(&service, &workshop).await;
    assert!(hidden.relationships[0].strategic.is_none());

    service
        .reveal(&facilitator(), &workshop, Some(Assessment::Strategic), None)
        .await
        .unwrap();
    let results = revealed_results(&service, &workshop).await;
    let strategic = results.relationships[0]
        .strategic
        .as_ref()
        .expect("revealed");
    // Council item means 13/3, VCS 8/3, everyone 3.5: scores 65, 40 and 52.5 → 53.
    let score = |s: &Option<RelationshipScore>| s.as_ref().map(|s| (s.score, s.band));
    assert_eq!(score(&strategic.score.council), Some((65, Band::Highly)));
    assert_eq!(score(&strategic.score.vcs), Some((40, Band::Somewhat)));
    assert_eq!(score(&strategic.score.all), Some((53, Band::Largely)));
    assert_eq!(strategic.case, Some(DeliveryCase::Both));
    let first = &strategic.round.items[0];
    let comparison = first.comparison.expect("both sides shown");
    assert!((comparison.gap - 5.0 / 3.0).abs() < 1e-9);
    assert_eq!(comparison.verdict, Verdict::Diverges);

    let action = service
        .propose_action(
            &workshop,
            &person(21),
            ActionRequest {
                text: "Give the VCS a seat on the budget board".to_owned(),
                owner: "Chief executive's office".to_owned(),
                due: "2027-04-01".to_owned(),
                prompted_by: "a3.shared_foundations.power".to_owned(),
            },
            None,
        )
        .await
        .unwrap()
        .action;
    service
        .respond_to_action(&workshop, &person(11), action.id, Stance::Agree)
        .await
        .unwrap();
    service
        .respond_to_action(&workshop, &person(21), action.id, Stance::Agree)
        .await
        .unwrap();
    service
        .mark_agreed(&facilitator(), &workshop, action.id)
        .await
        .unwrap();
    let (_, plan) = service
        .plan(&workshop, ResultsScope::Revealed)
        .await
        .unwrap();
    assert_eq!(plan.agreed_actions(), 1);
    let group = plan.groups.iter().find(|g| !g.actions.is_empty()).unwrap();
    assert_eq!(
        group.key, "improve_strategic",
        "a principle item prompts work on assessment three"
    );
    assert!(!plan.focus_areas.is_empty());
}

#[sqlx::test]
async fn votes_are_refused_after_the_deadline(pool: SqlitePool) {
    let (service, workshop) = six_joined_until(&pool, "2026-11-27").await;
    let round = open_benefits(&service, &workshop).await;
    vote(&service, &workshop, 11, round.id, 0, score(4))
        .await
        .unwrap();

    let next_day = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
    let later = service_at(&pool, Toolkit::embedded().unwrap(), next_day);
    let error = vote(&later, &workshop, 11, round.id, 0, score(1))
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("Voting closed at the end of 2026-11-27"),
        "{error}"
    );
    let votes = db(&pool).votes_in_round(round.id).await.unwrap();
    assert_eq!(votes[0].value, score(4), "the vote cast in time stands");
}

#[sqlx::test]
async fn personal_data_goes_once_a_closed_workshop_is_past_its_retention(pool: SqlitePool) {
    let ann = person_named(11, "Ann Example");
    let (service, workshop) =
        joined_alone(&pool, &ann, Side::Council, Some("Anytown Council")).await;
    // Closed on 2026-11-27, by the service's fixed clock.
    service
        .close_workshop(&facilitator(), &workshop)
        .await
        .unwrap();
    let later = |days: u64| {
        let at = test_now() + chrono::Days::new(days);
        service_at(&pool, Toolkit::embedded().unwrap(), at)
    };

    let too_soon = later(365).remove_expired_personal_data(365).await.unwrap();
    assert_eq!(too_soon, RetentionOutcome::default());
    let kept = service.personal_data(&ann, Some(1)).await.unwrap();
    assert_eq!(kept.workshops[0].display_name, "Ann Example");

    let removed = later(366).remove_expired_personal_data(365).await.unwrap();
    assert_eq!((removed.workshops, removed.participants), (1, 1));
    assert!(
        service
            .personal_data(&ann, Some(1))
            .await
            .unwrap()
            .workshops
            .is_empty(),
        "nothing links to Ann any more"
    );
    let participants = db(&pool).participants(workshop.id).await.unwrap();
    assert_eq!(
        participants.len(),
        1,
        "the anonymous row stays for the counts"
    );
    assert_eq!(participants[0].side, Side::Council);
    assert_eq!(participants[0].organisation, None);
    assert_ne!(participants[0].display_name, "Ann Example");
    let again = later(400).remove_expired_personal_data(365).await.unwrap();
    assert_eq!(again, RetentionOutcome::default(), "nothing more to remove");
}

#[sqlx::test]
async fn names_organisations_and_action_texts_never_reach_the_logs(pool: SqlitePool) {
    // The subscriber writes into a file of its own, read back below.
    let logs = tempfile::NamedTempFile::new().unwrap();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(logs.reopen().unwrap()))
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);

    let zebedee = person_named(11, "Zebedee Quillfeather");
    let (service, workshop) =
        joined_alone(&pool, &zebedee, Side::Vcs, Some("Xylophone Trust")).await;
    service
        .propose_action(
            &workshop,
            &zebedee,
            ActionRequest {
                text: "Tangerine compact for the marmalade board".to_owned(),
                owner: "Ophelia Wrenfield".to_owned(),
                due: "2027-01-31".to_owned(),
                prompted_by: String::new(),
            },
            Some(77),
        )
        .await
        .unwrap();
    service.personal_data(&zebedee, Some(1)).await.unwrap();
    service.forget_me(11).await.unwrap();

    let captured = std::fs::read_to_string(logs.path()).unwrap();
    assert!(
        captured.contains("add an action") || captured.contains("insert_action_once"),
        "the logs were captured: {captured}"
    );
    for secret in [
        "Zebedee",
        "Quillfeather",
        "Xylophone",
        "Tangerine",
        "marmalade",
        "Ophelia",
        "Wrenfield",
    ] {
        assert!(
            !captured.contains(secret),
            "{secret} is in the logs:\n{captured}"
        );
    }
}

#[sqlx::test]
async fn the_reveal_tells_a_clear_difference_from_one_that_could_be_chance(pool: SqlitePool) {
    let service = service(pool);
    let workshop = new_workshop(&service, Mode::Async, guild(1, 10), 3).await;
    let council: Vec<i64> = (101..=110).collect();
    let vcs: Vec<i64> = (201..=210).collect();
    for &id in &council {
        join(&service, &workshop, &person(id), Side::Council, None).await;
    }
    for &id in &vcs {
        join(&service, &workshop, &person(id), Side::Vcs, None).await;
    }
    let round = open_benefits(&service, &workshop).await;
    // First benefit: ten 5s against ten 1s, p = 2 / C(20, 10), clear even
    // after the correction for two items.
    for (&c, &v) in council.iter().zip(&vcs) {
        vote(&service, &workshop, c, round.id, 0, score(5))
            .await
            .unwrap();
        vote(&service, &workshop, v, round.id, 0, score(1))
            .await
            .unwrap();
    }
    // Second: three a side, 4 4 3 against 3 3 2, a gap of 1.0 that 6 of
    // the 20 splits match or beat (p = 0.3).
    for (c, v, council_value, vcs_value) in [(101, 201, 4, 3), (102, 202, 4, 3), (103, 203, 3, 2)] {
        vote(&service, &workshop, c, round.id, 1, score(council_value))
            .await
            .unwrap();
        vote(&service, &workshop, v, round.id, 1, score(vcs_value))
            .await
            .unwrap();
    }
    let revealed = service
        .reveal(&facilitator(), &workshop, Some(Assessment::Benefits), None)
        .await
        .unwrap();
    let results = revealed_results(&service, &workshop).await;
    let catalogue = common_ground::prompts::Catalogue::shipped();
    let words = catalogue.words(common_ground::domain::Language::English);
    let sections = common_ground::bot::cards::reveal::reveal_sections(
        &words,
        service.toolkit(),
        &results,
        &revealed,
    );
    let fields: Vec<&str> = sections[0].embeds[0]
        .fields
        .iter()
        .map(|f| f.value.as_str())
        .collect();
    // Most divergent first: gap 4.0, then 1.0.
    assert!(
        fields[0].ends_with(
            "The council rates it 4.0 points higher than the VCS. Far apart. The sides see it \
                 differently.\nLarge difference; a clear difference"
        ),
        "{}",
        fields[0]
    );
    assert!(
        fields[1].ends_with(
            "The council rates it 1.0 points higher than the VCS. Far apart. The sides see it \
             differently.\nLarge difference; could be chance with this few people"
        ),
        "{}",
        fields[1]
    );
    let second = results.benefits.as_ref().unwrap().items[1]
        .significance
        .expect("both sides shown");
    assert!((second.p_value - 0.3).abs() < 1e-9);
    assert!((second.q_value - 0.3).abs() < 1e-9);
}

#[sqlx::test]
async fn two_opens_at_once_make_one_round_and_two_nexts_post_two_questions(pool: SqlitePool) {
    let service = service(pool);
    let workshop = new_workshop(&service, Mode::Live, guild(1, 10), 3).await;
    let open = || {
        let (service, workshop) = (service.clone(), workshop.clone());
        tokio::spawn(async move {
            service
                .open_assessment(&facilitator(), &workshop, Assessment::Benefits, None)
                .await
                .unwrap()
        })
    };
    let (first, second) = tokio::join!(open(), open());
    assert_eq!(first.unwrap()[0].id, second.unwrap()[0].id);
    assert_eq!(service.rounds(&workshop).await.unwrap().len(), 1);

    let next = || {
        let (service, workshop) = (service.clone(), workshop.clone());
        tokio::spawn(async move {
            service
                .next_item(&facilitator(), &workshop)
                .await
                .unwrap()
                .1
        })
    };
    let (a, b) = tokio::join!(next(), next());
    let mut posted = vec![a.unwrap(), b.unwrap()];
    posted.sort();
    assert_eq!(posted, [0, 1], "never the same question twice");

    // A question whose card could not be posted is posted again next time.
    let round = service.rounds(&workshop).await.unwrap()[0].clone();
    assert!(service.take_back_item(round.id, 1).await.unwrap());
    assert_eq!(
        service
            .next_item(&facilitator(), &workshop)
            .await
            .unwrap()
            .1,
        1
    );
    assert!(
        !service.take_back_item(round.id, 0).await.unwrap(),
        "only the last question posted can be taken back"
    );
}

#[sqlx::test]
async fn a_card_counts_only_who_answered_its_own_question(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Live).await;
    open_benefits(&service, &workshop).await;
    let (round, _) = service.next_item(&facilitator(), &workshop).await.unwrap();
    service.next_item(&facilitator(), &workshop).await.unwrap();
    for id in [11, 12, 21] {
        vote(&service, &workshop, id, round.id, 0, VoteValue::NotSure)
            .await
            .unwrap();
    }
    let round = service.round(round.id).await.unwrap();
    let first = service
        .question_answered(&workshop, &round, 0)
        .await
        .unwrap();
    assert_eq!(
        (
            first.by_side.council,
            first.by_side.vcs,
            first.by_side.other,
            first.taking_part,
        ),
        (2, 1, 0, 6)
    );
    let fresh = service
        .question_answered(&workshop, &round, 1)
        .await
        .unwrap();
    assert_eq!((fresh.total(), fresh.taking_part), (0, 6));
    let progress = service.progress(&facilitator(), &workshop).await.unwrap();
    let missing: Vec<&str> = progress[0].questions[0]
        .not_answered
        .iter()
        .map(|p| p.display_name.as_str())
        .collect();
    assert_eq!(missing, ["Person 13", "Person 22", "Person 23"]);
}

#[sqlx::test]
async fn a_passed_deadline_reveals_the_open_rounds_once_even_after_a_restart(pool: SqlitePool) {
    let (service, workshop) = six_joined_until(&pool, "2026-11-27").await;
    let round = open_benefits(&service, &workshop).await;
    // On the deadline day itself voting is still open.
    assert!(service.reveal_past_deadlines().await.unwrap().is_empty());

    let next_day = Utc.with_ymd_and_hms(2026, 11, 28, 0, 5, 0).unwrap();
    let after = service_at(&pool, Toolkit::embedded().unwrap(), next_day);
    let reveals = after.reveal_past_deadlines().await.unwrap();
    assert_eq!(reveals.len(), 1);
    assert_eq!(reveals[0].workshop.id, workshop.id);
    assert_eq!(reveals[0].revealed.len(), 1);
    assert_eq!(reveals[0].revealed[0].id, round.id);
    assert_eq!(reveals[0].revealed[0].status, RoundStatus::Revealed);

    // A restart: a second service over the same database reveals nothing again.
    let restarted = service_at(&pool, Toolkit::embedded().unwrap(), next_day);
    assert!(restarted.reveal_past_deadlines().await.unwrap().is_empty());
}

#[sqlx::test]
async fn a_round_the_facilitator_revealed_before_the_deadline_is_not_revealed_again(
    pool: SqlitePool,
) {
    let service = service(pool.clone());
    let workshop = async_workshop_until(&service, "2026-11-27").await;
    open_benefits(&service, &workshop).await;
    reveal_all(&service, &workshop).await;
    let next_day = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
    let after = service_at(&pool, Toolkit::embedded().unwrap(), next_day);
    assert!(after.reveal_past_deadlines().await.unwrap().is_empty());
}

#[sqlx::test]
async fn a_round_keeps_its_questions_when_the_toolkit_is_reworded(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let round = open_benefits(&service, &workshop).await;
    let opened_with = service.round_items(&round).await.unwrap();
    vote_all_items(&service, &workshop, &round, &person(11), 4).await;
    reveal_all(&service, &workshop).await;

    // A council adds a benefit at the top and rewords another.
    let mut reworded = Toolkit::embedded().unwrap();
    let mut added = reworded.benefits[0].clone();
    added.id = "a1.direct.new_benefit".parse().unwrap();
    added.short = "A new benefit".to_owned();
    reworded.benefits.insert(0, added);
    reworded.benefits[1].short = "Reworded".to_owned();
    let restarted = service_at(&pool, reworded, Utc::now());
    assert_eq!(restarted.round_items(&round).await.unwrap(), opened_with);

    let results = revealed_results(&restarted, &workshop).await;
    let benefits = results.benefits.unwrap();
    assert_eq!(benefits.items.len(), opened_with.len());
    let first = benefits.item(&opened_with[0].id).unwrap();
    assert_eq!(first.short, opened_with[0].short);
    assert!(
        benefits
            .item(&"a1.direct.new_benefit".parse().unwrap())
            .is_none()
    );
}

#[sqlx::test]
async fn a_side_change_after_a_reveal_leaves_the_revealed_figures_as_they_were(pool: SqlitePool) {
    let (service, workshop) = six_joined(&pool, Mode::Async).await;
    let round = open_benefits(&service, &workshop).await;
    for id in [11, 12, 13] {
        vote_all_items(&service, &workshop, &round, &person(id), 5).await;
    }
    for id in [21, 22, 23] {
        vote_all_items(&service, &workshop, &round, &person(id), 1).await;
    }
    reveal_all(&service, &workshop).await;
    let before = revealed_results(&service, &workshop).await;

    join(&service, &workshop, &person(11), Side::Vcs, Some("CVS")).await;
    let after = revealed_results(&service, &workshop).await;
    assert_eq!(after.benefits, before.benefits);
}

#[sqlx::test]
async fn a_closed_workshop_is_found_for_looking_back_with_no_workshop_named(pool: SqlitePool) {
    let service = service(pool);
    let workshop = new_workshop(&service, Mode::Live, guild(1, 10), 3).await;
    service
        .close_workshop(&facilitator(), &workshop)
        .await
        .unwrap();
    assert!(service.find_workshop(guild(1, 10), None).await.is_err());
    let found = service
        .find_workshop_closed_included(guild(1, 10), None)
        .await
        .unwrap();
    assert_eq!(found.id, workshop.id);
    assert_eq!(found.status, WorkshopStatus::Closed);
    assert_eq!(
        service.workshops_in_guild(Some(1)).await.unwrap().len(),
        1,
        "autocomplete offers the closed workshop"
    );
}

#[sqlx::test]
async fn a_question_marked_posted_without_its_card_is_posted_again_after_a_restart(
    pool: SqlitePool,
) {
    let before = service(pool.clone());
    let workshop = new_workshop(&before, Mode::Live, guild(1, 10), 3).await;
    open_benefits(&before, &workshop).await;
    // Question 0 got its card; question 1 was marked posted, then the bot stopped.
    let (round, first) = before.next_item(&facilitator(), &workshop).await.unwrap();
    before
        .record_vote_card(round.id, first, 600, 9001)
        .await
        .unwrap();
    let (_, second) = before.next_item(&facilitator(), &workshop).await.unwrap();
    assert_eq!((first, second), (0, 1));

    let restarted = service(pool);
    assert_eq!(restarted.take_back_cardless_questions().await.unwrap(), 1);
    assert_eq!(
        restarted.take_back_cardless_questions().await.unwrap(),
        0,
        "question 0 has its card, so it stays posted"
    );
    let (_, again) = restarted
        .next_item(&facilitator(), &workshop)
        .await
        .unwrap();
    assert_eq!(again, 1, "the question without a card is posted again");
}
