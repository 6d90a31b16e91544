//! The command line as a person runs it: import a hand-made CSV, read the
//! JSON report, check prompts, and start the bot without a token.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::named;

fn common_ground(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_common-ground"))
        .args(args)
        .current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("PROMPTS_DIR")
        .env("RUST_LOG", "off")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The output contains `part`; else the test fails showing all of it.
fn assert_says(output: &[u8], part: &str) {
    let output = text(output);
    assert!(output.contains(part), "{output}");
}

/// The output starts with `start`; else the test fails showing all of it.
fn assert_starts_saying(output: &[u8], start: &str) {
    let output = text(output);
    assert!(output.starts_with(start), "{output}");
}

/// `common-ground import` of one CSV file into `paper.db`.
fn import(dir: &Path, workshop: &str, csv: &str) -> Output {
    common_ground(
        dir,
        &["import", "--db", "paper.db", "--workshop", workshop, csv],
    )
}

/// `common-ground report` of the workshop in `paper.db` as JSON.
fn json_report(dir: &Path, workshop: &str) -> Output {
    let args = [
        "report",
        "--db",
        "paper.db",
        "--workshop",
        workshop,
        "--format",
        "json",
    ];
    common_ground(dir, &args)
}

const STRATEGIC_ITEMS: [&str; 15] = [
    "a3.shared_foundations.power",
    "a3.shared_foundations.value_of_all",
    "a3.shared_foundations.senior_leadership",
    "a3.relational_culture.empower",
    "a3.relational_culture.step_up",
    "a3.relational_culture.learning",
    "a3.effective_structures.wider_system",
    "a3.effective_structures.mechanisms",
    "a3.effective_structures.processes",
    "a3.capacity_resources.shared_commitment",
    "a3.capacity_resources.commissioning_access",
    "a3.capacity_resources.inequality",
    "a3.axes.proactive",
    "a3.axes.financial",
    "a3.axes.time",
];

/// Three council and three VCS voters. Benefits: council 4, 4, 5 and VCS
/// 2, 3, 3 on one item. "Forum": council all 3s, VCS all 2s, except that Fay
/// is not sure about time investment. "Board": council all 4s, but only two
/// VCS voters (2s), fewer than the threshold of three.
fn hand_made_csv() -> String {
    let mut rows = vec!["participant,side,item,subject,value".to_owned()];
    for (name, value) in [("Ann", 4), ("Bob", 4), ("Cat", 5)] {
        rows.push(format!("{name},council,a1.direct.better_services,,{value}"));
    }
    for (name, value) in [("Dee", 2), ("Eve", 3), ("Fay", 3)] {
        rows.push(format!("{name},vcs,a1.direct.better_services,,{value}"));
    }
    for item in STRATEGIC_ITEMS {
        for name in ["Ann", "Bob", "Cat"] {
            rows.push(format!("{name},council,{item},Forum,3"));
            rows.push(format!("{name},council,{item},Board,4"));
        }
        for name in ["Dee", "Eve", "Fay"] {
            let value = if name == "Fay" && item == "a3.axes.time" {
                "not sure"
            } else {
                "2"
            };
            rows.push(format!("{name},vcs,{item},Forum,{value}"));
        }
        for name in ["Dee", "Eve"] {
            rows.push(format!("{name},vcs,{item},Board,2"));
        }
    }
    rows.join("\n") + "\n"
}

fn close(actual: &Value, expected: f64) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{actual} is not a number"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} should be {expected}"
    );
}

fn relationship<'a>(report: &'a Value, name: &str) -> &'a Value {
    named(&report["relationships"], name).unwrap_or_else(|| panic!("no relationship {name}"))
}

#[test]
fn an_imported_csv_gives_the_figures_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("votes.csv"), hand_made_csv()).unwrap();
    let imported = import(dir.path(), "Paper votes", "votes.csv");
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert_says(&imported.stdout, "Imported 171 votes");

    let output = json_report(dir.path(), "Paper votes");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();

    let item = &report["benefits"]["a1.direct.better_services"];
    close(&item["groups"]["council"]["mean"], 13.0 / 3.0);
    close(&item["groups"]["vcs"]["mean"], 8.0 / 3.0);
    close(&item["groups"]["all"]["mean"], 3.5);
    close(&item["groups"]["vcs"]["median"], 3.0);
    close(&item["groups"]["council"]["sd"], (1.0f64 / 3.0).sqrt());
    assert_eq!(
        item["groups"]["council"]["counts"],
        serde_json::json!([0, 0, 0, 2, 1])
    );
    close(&item["gap"], 5.0 / 3.0);
    close(&item["distance"], 5.0 / 3.0);
    assert_eq!(item["verdict"], "diverges");
    assert_eq!(item["classification"], "perception_gap");

    let forum = relationship(&report, "Forum");
    assert_eq!(forum["score"]["council"]["score"], 45);
    assert_eq!(forum["score"]["council"]["band"], "somewhat");
    assert_eq!(
        forum["score"]["vcs"]["score"], 30,
        "the not-sure item is left out, still out of 75"
    );
    assert_eq!(forum["score"]["vcs"]["band"], "minimally");
    // On time investment only two VCS answered: "all" there is the council's
    // 3 with the two left out, so (14 × 2.5 + 3) / 15 × 15.
    close(&forum["score"]["all"]["raw"], 38.0);
    assert_eq!(forum["score"]["all"]["score"], 38);
    assert_eq!(forum["case"], "neither");
    assert_eq!(forum["principles"][0]["council"]["score"], 9);
    let time = &forum["items"]["a3.axes.time"];
    assert!(
        time["groups"]["vcs"].is_null(),
        "two VCS answers are too few to show"
    );
    assert!(time["gap"].is_null());

    let board = relationship(&report, "Board");
    assert_eq!(board["score"]["council"]["score"], 60);
    assert_eq!(board["score"]["council"]["band"], "largely");
    assert!(
        board["score"]["vcs"].is_null(),
        "a side with two voters is hidden"
    );
    let power = &board["items"]["a3.shared_foundations.power"];
    assert!(power["groups"]["vcs"].is_null());
    assert!(power["verdict"].is_null());
    close(&power["groups"]["council"]["mean"], 4.0);
}

#[test]
fn a_bad_csv_names_the_line_and_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.csv"),
        "participant,side,item,subject,value\nAnn,council,a1.direct.reach,,4\n",
    )
    .unwrap();
    assert!(import(dir.path(), "Paper", "good.csv").status.success());
    let before = json_report(dir.path(), "Paper");

    std::fs::write(
        dir.path().join("bad.csv"),
        "participant,side,item,subject,value\nBob,vcs,a1.direct.reach,,3\nCat,vcs,a1.direct.reach,,7\n",
    )
    .unwrap();
    let rejected = import(dir.path(), "Paper", "bad.csv");
    assert_eq!(rejected.status.code(), Some(1));
    let message = text(&rejected.stderr);
    assert!(
        message.contains("Line 3: 7 is not on the scale"),
        "{message}"
    );
    assert!(message.contains("Nothing was imported"), "{message}");
    let after = json_report(dir.path(), "Paper");
    assert_eq!(before.stdout, after.stdout, "the database is unchanged");
}

#[test]
fn running_the_bot_without_a_token_says_what_to_set_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = common_ground(dir.path(), &["run"]);
    assert_eq!(output.status.code(), Some(2));
    assert_says(&output.stderr, "DISCORD_TOKEN");
}

#[test]
fn check_prompts_accepts_the_shipped_files_and_names_a_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let ok = common_ground(
        dir.path(),
        &[
            "check-prompts",
            concat!(env!("CARGO_MANIFEST_DIR"), "/prompts"),
        ],
    );
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert_says(&ok.stdout, "9 benefits");

    let copy = dir.path().join("prompts");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/prompts/en-GB")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    let benefits = std::fs::read_to_string(copy.join("benefits.toml")).unwrap();
    std::fs::write(
        copy.join("benefits.toml"),
        benefits.replacen("a1.direct.reach", "a1.direct.better_services", 1),
    )
    .unwrap();
    let broken = common_ground(dir.path(), &["check-prompts", "prompts"]);
    assert_eq!(broken.status.code(), Some(1));
    assert_says(&broken.stderr, "benefits.toml");
}

#[test]
fn the_bare_command_with_the_example_env_file_runs_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/.env.example"),
        dir.path().join(".env"),
    )
    .unwrap();
    let output = common_ground(dir.path(), &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_says(&output.stdout, "Reports and charts written to demo-output");
}

/// A database with one workshop closed in 2020, whose participant still has
/// a name and an organisation.
async fn database_closed_long_ago(path: &Path) {
    use chrono::{TimeZone, Utc};
    use common_ground::db::Db;
    use common_ground::domain::{Side, Toolkit};
    use common_ground::service::{Actor, Clock, Service, WorkshopRequest};

    let db = Db::connect(&path.display().to_string()).await.unwrap();
    let closed_at = Utc.with_ymd_and_hms(2020, 6, 1, 12, 0, 0).unwrap();
    let toolkit = std::sync::Arc::new(Toolkit::embedded().unwrap());
    let service = Service::new(db, toolkit, Clock::Fixed(closed_at));
    let fran = Actor {
        external_id: None,
        display_name: "Fran".to_owned(),
        is_facilitator: true,
    };
    let workshop = service
        .create_workshop(
            &fran,
            WorkshopRequest {
                title: "Old review".to_owned(),
                ..WorkshopRequest::default()
            },
        )
        .await
        .unwrap();
    let ann = Actor {
        external_id: Some(11),
        display_name: "Ann Example".to_owned(),
        is_facilitator: false,
    };
    service
        .join(&workshop, &ann, Side::Vcs, Some("Anytown CVS"))
        .await
        .unwrap();
    service.close_workshop(&fran, &workshop).await.unwrap();
}

#[tokio::test]
async fn purge_removes_personal_data_of_long_closed_workshops_and_says_what() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bot.db");
    database_closed_long_ago(&path).await;

    // Kept: closed less than 100 years ago.
    let kept = common_ground(
        dir.path(),
        &["purge", "--db", "bot.db", "--older-than", "36500"],
    );
    assert!(kept.status.success(), "{}", text(&kept.stderr));
    assert_starts_saying(&kept.stdout, "Nothing to remove");

    let purged = common_ground(
        dir.path(),
        &["purge", "--db", "bot.db", "--older-than", "30"],
    );
    assert!(purged.status.success(), "{}", text(&purged.stderr));
    assert_eq!(
        text(&purged.stdout).trim(),
        "Removed the personal data of 1 workshop closed more than 30 days ago. 1 participant \
         was made anonymous, and 0 action owners and 0 relationship holders were cleared. Votes \
         and counts are kept."
    );
    let bytes = std::fs::read(&path).unwrap();
    let contains = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(!contains("Ann Example") && !contains("Anytown CVS"));

    // Without --older-than, RETENTION_DAYS (365 when unset) decides.
    let again = common_ground(dir.path(), &["purge", "--db", "bot.db"]);
    assert_starts_saying(&again.stdout, "Nothing to remove");

    let missing = common_ground(dir.path(), &["purge", "--db", "typo.db"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("There is no database typo.db"));
    assert!(
        !dir.path().join("typo.db").exists(),
        "no empty file was made"
    );
}

#[tokio::test]
async fn backup_writes_a_copy_that_opens_and_passes_the_integrity_check() {
    let dir = tempfile::tempdir().unwrap();
    database_closed_long_ago(&dir.path().join("bot.db")).await;
    let backup = common_ground(dir.path(), &["backup", "--db", "bot.db", "--to", "copy.db"]);
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    assert_starts_saying(&backup.stdout, "Backed up bot.db to copy.db.");

    let copy =
        sqlx::SqlitePool::connect(&format!("sqlite:{}", dir.path().join("copy.db").display()))
            .await
            .unwrap();
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&copy)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
    let title: String = sqlx::query_scalar("SELECT title FROM workshops")
        .fetch_one(&copy)
        .await
        .unwrap();
    assert_eq!(title, "Old review");

    // An existing file is never overwritten.
    let refused = common_ground(dir.path(), &["backup", "--db", "bot.db", "--to", "copy.db"]);
    assert_eq!(refused.status.code(), Some(1));
    assert_says(&refused.stderr, "a file with that name already exists");
}
