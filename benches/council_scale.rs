//! Speed at council scale: a workshop of 1,000 people (council, VCS and
//! other in turn) answering the nine benefits and the fifteen assessment
//! three items for 20 relationships, 309,000 votes, built once through the
//! service. Each figure is measured next to SQLite doing the bare work on
//! the same file, and `cargo bench` ends with a table of the ratios.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common_ground::bot::cards::reveal::{reveal_sections, section_messages};
use common_ground::domain::{Assessment, Language, Toolkit, VoteValue, Workshop, compile_plan};
use common_ground::prompts::Catalogue;
use common_ground::report::{self, Format, ReportInput, figures};
use common_ground::service::{Actor, Clock, ResultsScope, Service};
use criterion::{BatchSize, Criterion, SamplingMode};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqliteSynchronous};
use tokio::runtime::Runtime;

const PEOPLE: usize = 1000;
const RELATIONSHIPS: usize = 20;
/// Rows in the CSV that the import benchmark reads into a fresh database.
const IMPORT_ROWS: usize = 20_000;
/// Rows per statement in the bare multi-row insert (5 parameters each).
const BARE_CHUNK: usize = 200;
const SIDES: [&str; 3] = ["council", "vcs", "other"];

/// The vote file: one line per person, item and relationship, with values
/// from a fixed formula so every run measures the same workshop.
fn vote_csv(toolkit: &Toolkit, people: usize) -> String {
    let benefits = toolkit.items(Assessment::Benefits);
    let strategic = toolkit.items(Assessment::Strategic);
    assert_eq!((benefits.len(), strategic.len()), (9, 15));
    let mut csv = String::from("participant,side,item,subject,value\n");
    let mut line = |person: usize, item: &str, subject: &str, salt: usize| {
        let value = match (person * 7 + salt * 13 + person / 3) % 6 {
            0 => "not sure".to_owned(),
            score => score.to_string(),
        };
        let side = SIDES[person % SIDES.len()];
        csv.push_str(&format!(
            "Person {person:04},{side},{item},{subject},{value}\n"
        ));
    };
    for person in 0..people {
        for (index, item) in benefits.iter().enumerate() {
            line(person, item.id.as_str(), "", index);
        }
        for relationship in 1..=RELATIONSHIPS {
            let subject = relationship_name(relationship);
            for (index, item) in strategic.iter().enumerate() {
                line(
                    person,
                    item.id.as_str(),
                    &subject,
                    relationship * 31 + index,
                );
            }
        }
    }
    csv
}

fn relationship_name(number: usize) -> String {
    format!("Relationship {number:02}")
}

/// A bare pool on the same file with the service's pragmas.
async fn bare_pool(path: &Path) -> SqlitePool {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(5));
    SqlitePool::connect_with(options)
        .await
        .expect("the bare pool opens")
}

/// The median of `runs` timed calls.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    median_after(runs, || (), |()| work())
}

/// The median of `runs` timed calls of `work`, each on what an untimed
/// `setup` made for it.
fn median_after<T>(runs: usize, mut setup: impl FnMut() -> T, mut work: impl FnMut(T)) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let made = setup();
            let start = Instant::now();
            work(made);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// One criterion group that times each piece of work as it is, in order.
fn bench_each(
    criterion: &mut Criterion,
    name: &str,
    sampling: SamplingMode,
    work: &[(&str, &dyn Fn())],
) {
    let mut group = criterion.benchmark_group(name);
    group.sampling_mode(sampling);
    for (what, work) in work {
        group.bench_function(*what, |b| b.iter(work));
    }
    group.finish();
}

/// A row of the closing table.
struct Row {
    what: String,
    ours: Duration,
    baseline: Option<Duration>,
    note: String,
}

impl Row {
    /// A row timed against a baseline: the table shows the ratio.
    fn against(what: impl Into<String>, ours: Duration, baseline: Duration) -> Row {
        Row {
            what: what.into(),
            ours,
            baseline: Some(baseline),
            note: String::new(),
        }
    }

    /// A row with no baseline: the table shows `note` instead of a ratio.
    fn noted(what: impl Into<String>, ours: Duration, note: String) -> Row {
        Row {
            what: what.into(),
            ours,
            baseline: None,
            note,
        }
    }
}

fn print_table(rows: &[Row]) {
    println!("\nSpeed at council scale ({PEOPLE} people, {RELATIONSHIPS} relationships; medians)");
    println!("| what | ours | baseline | ratio |");
    println!("|---|---|---|---|");
    for row in rows {
        let (baseline, ratio) = match row.baseline {
            Some(baseline) => (
                format!("{baseline:.2?}"),
                format!("{:.1}×", row.ours.as_secs_f64() / baseline.as_secs_f64()),
            ),
            None => ("—".to_owned(), row.note.clone()),
        };
        println!("| {} | {:.2?} | {baseline} | {ratio} |", row.what, row.ours);
    }
}

/// The built workshop and what the benchmarks act with.
struct Built {
    service: Service,
    pool: SqlitePool,
    workshop: Workshop,
    voter: Actor,
    facilitator: Actor,
}

async fn build(path: &Path, toolkit: Arc<Toolkit>, csv: &str) -> Built {
    let url = path.to_str().expect("a UTF-8 temporary path");
    let service = Service::connect(url, toolkit, Clock::System)
        .await
        .expect("the database opens");
    let start = Instant::now();
    let outcome = service
        .import_votes("Council scale", None, csv)
        .await
        .expect("the workshop imports");
    println!(
        "Built the workshop: {} votes, {} people, {} relationships in {:.1?}",
        outcome.votes_written,
        outcome.participants_created,
        outcome.relationships_created,
        start.elapsed()
    );
    let voter = Actor {
        external_id: Some(1_000_001),
        display_name: "Benchmark voter".to_owned(),
        is_facilitator: false,
    };
    let facilitator = Actor {
        external_id: Some(1_000_002),
        display_name: "Benchmark facilitator".to_owned(),
        is_facilitator: true,
    };
    service
        .join(
            &outcome.workshop,
            &voter,
            common_ground::domain::Side::Council,
            None,
        )
        .await
        .expect("the voter joins");
    Built {
        pool: bare_pool(path).await,
        service,
        workshop: outcome.workshop,
        voter,
        facilitator,
    }
}

/// The same rows into a plain table of a fresh file, in one transaction,
/// through one prepared multi-row statement.
async fn bare_import(path: &Path, csv: &str) {
    let pool = bare_pool(path).await;
    sqlx::query(
        "CREATE TABLE imported (participant TEXT, side TEXT, item TEXT, subject TEXT, value TEXT)",
    )
    .execute(&pool)
    .await
    .expect("the table is created");
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|line| line.split(',').collect())
        .collect();
    let mut tx = pool.begin().await.expect("a transaction");
    for chunk in rows.chunks(BARE_CHUNK) {
        let placeholders = vec!["(?, ?, ?, ?, ?)"; chunk.len()].join(", ");
        let sql = format!("INSERT INTO imported VALUES {placeholders}");
        // Only placeholders are formatted in; the values are bound.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for row in chunk {
            for field in row {
                query = query.bind(*field);
            }
        }
        query.execute(&mut *tx).await.expect("the rows insert");
    }
    tx.commit().await.expect("the transaction commits");
    pool.close().await;
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` does not, and
    // building a 309,000-vote workshop is no test.
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("council_scale runs under `cargo bench` only.");
        return;
    }
    let runtime = Runtime::new().expect("a tokio runtime");
    let toolkit = Arc::new(Toolkit::embedded().expect("the embedded toolkit loads"));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let csv = vote_csv(&toolkit, PEOPLE);
    let built = runtime.block_on(build(&dir.path().join("council.db"), toolkit.clone(), &csv));
    let Built {
        service,
        pool,
        workshop,
        voter,
        facilitator,
    } = &built;

    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .configure_from_args();
    let mut rows = Vec::new();

    // The vote path: one relationship's round, opened through the service.
    let first = relationship_name(1);
    let round = runtime
        .block_on(service.open_assessment(
            facilitator,
            workshop,
            Assessment::Strategic,
            Some(&first),
        ))
        .expect("the round opens")
        .remove(0);
    let item = toolkit.items(Assessment::Strategic)[0].id.clone();
    let participant = runtime
        .block_on(service.participant(workshop, voter))
        .expect("the voter is a participant");
    let values = [
        VoteValue::NotSure,
        VoteValue::Score(4.try_into().expect("4 is on the scale")),
    ];
    let turn = AtomicUsize::new(0);
    let service_vote = || {
        let value = values[turn.fetch_add(1, Ordering::Relaxed) % 2];
        runtime
            .block_on(service.cast_vote(workshop, voter, round.id, 0, value))
            .expect("the vote is recorded");
    };
    let bare_vote = || {
        let value = values[turn.fetch_add(1, Ordering::Relaxed) % 2];
        runtime
            .block_on(
                sqlx::query(
                    "INSERT INTO votes (round_id, item_id, participant_id, value, cast_at)
                     VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (round_id, item_id, participant_id)
                     DO UPDATE SET value = excluded.value, cast_at = excluded.cast_at",
                )
                .bind(round.id.0)
                .bind(item.as_str())
                .bind(participant.id.0)
                .bind(i64::from(value.code()))
                .bind(chrono::Utc::now())
                .execute(pool),
            )
            .expect("the bare upsert runs");
    };
    bench_each(
        &mut criterion,
        "vote",
        SamplingMode::Auto,
        &[
            ("service cast_vote", &service_vote),
            ("bare upsert", &bare_vote),
        ],
    );
    rows.push(Row::against(
        "vote path (cast_vote) vs bare upsert",
        median(30, service_vote),
        median(30, bare_vote),
    ));

    let results_in = |scope: ResultsScope| {
        runtime
            .block_on(service.results(workshop, scope))
            .expect("the results compute");
    };
    let round_results = || results_in(ResultsScope::Revealed);
    let workshop_results = || results_in(ResultsScope::Everything);
    let group_by = |sql: &'static str, id: i64| {
        runtime
            .block_on(sqlx::query(sql).bind(id).fetch_all(pool))
            .expect("the GROUP BY runs");
    };
    let round_group_by = || {
        group_by(
            "SELECT v.item_id, p.side, v.value, COUNT(*) FROM votes v
             JOIN participants p ON p.id = v.participant_id
             WHERE v.round_id = ?
             GROUP BY v.item_id, p.side, v.value",
            round.id.0,
        )
    };
    let workshop_group_by = || {
        group_by(
            "SELECT v.round_id, v.item_id, p.side, v.value, COUNT(*) FROM votes v
             JOIN participants p ON p.id = v.participant_id
             JOIN rounds r ON r.id = v.round_id
             WHERE r.workshop_id = ?
             GROUP BY v.round_id, v.item_id, p.side, v.value",
            workshop.id.0,
        )
    };
    // `/workshop reveal` of one relationship, end to end, as the first
    // reveal after a start: on a fresh copy of the file (made untimed, with
    // a new service, so nothing is remembered), the write, that round's
    // results, its sections and each section's messages with the chart.
    let words = Catalogue::shipped().words(Language::English);
    let copies = AtomicUsize::new(0);
    let fresh_copy = || -> Service {
        let copy = dir.path().join(format!(
            "copy-{}.db",
            copies.fetch_add(1, Ordering::Relaxed)
        ));
        let path = copy.to_str().expect("a UTF-8 temporary path").to_owned();
        runtime.block_on(async {
            sqlx::query("VACUUM INTO ?")
                .bind(&path)
                .execute(pool)
                .await
                .expect("the file copies");
            Service::connect(&path, toolkit.clone(), Clock::System)
                .await
                .expect("the copy opens")
        })
    };
    let reveal_end_to_end = |copy: Service| {
        runtime.block_on(async {
            let revealed = copy
                .reveal(
                    facilitator,
                    workshop,
                    Some(Assessment::Strategic),
                    Some(&first),
                )
                .await
                .expect("the round is revealed");
            let results = copy
                .results(workshop, ResultsScope::Revealed)
                .await
                .expect("the results compute");
            let sections = reveal_sections(&words, copy.toolkit(), &results, &revealed);
            assert!(!sections.is_empty(), "the reveal shows the round");
            for section in sections {
                section_messages(&words, section).await;
            }
        })
    };
    {
        let mut group = criterion.benchmark_group("reveal");
        group.sampling_mode(SamplingMode::Flat);
        group.bench_function("one relationship, end to end", |b| {
            b.iter_batched(fresh_copy, reveal_end_to_end, BatchSize::PerIteration)
        });
        group.finish();
    }
    rows.push(Row::against(
        "reveal of one relationship, end to end (write, results, messages with chart) vs its round's GROUP BY",
        median_after(5, fresh_copy, reveal_end_to_end),
        median(5, round_group_by),
    ));

    // One round's results: reveal the round just voted on, then the results
    // a reveal shows, against the GROUP BY of that round.
    runtime
        .block_on(service.reveal(
            facilitator,
            workshop,
            Some(Assessment::Strategic),
            Some(&first),
        ))
        .expect("the round is revealed");
    bench_each(
        &mut criterion,
        "results",
        SamplingMode::Flat,
        &[
            ("one round (revealed)", &round_results),
            ("one round GROUP BY", &round_group_by),
            ("whole workshop", &workshop_results),
            ("whole workshop GROUP BY", &workshop_group_by),
        ],
    );
    rows.push(Row::against(
        "one round's results vs its GROUP BY",
        median(5, round_results),
        median(5, round_group_by),
    ));
    rows.push(Row::against(
        "whole workshop's results vs its GROUP BY",
        median(5, workshop_results),
        median(5, workshop_group_by),
    ));

    // Import: the first rows of the same file, each time into a fresh file.
    let import_csv: String = csv
        .lines()
        .take(IMPORT_ROWS + 1)
        .flat_map(|line| [line, "\n"])
        .collect();
    let fresh = AtomicUsize::new(0);
    let fresh_path = || -> PathBuf {
        dir.path().join(format!(
            "import-{}.db",
            fresh.fetch_add(1, Ordering::Relaxed)
        ))
    };
    let fresh_service = |path: PathBuf| {
        let url = path.to_str().expect("a UTF-8 temporary path").to_owned();
        runtime
            .block_on(Service::connect(&url, toolkit.clone(), Clock::System))
            .expect("the database opens")
    };
    let service_import = |fresh: &Service| {
        runtime
            .block_on(fresh.import_votes("Import", None, &import_csv))
            .expect("the file imports");
    };
    let bare = |path: PathBuf| runtime.block_on(bare_import(&path, &import_csv));
    {
        let mut group = criterion.benchmark_group("import");
        group.sampling_mode(SamplingMode::Flat);
        group.bench_function(format!("service {IMPORT_ROWS} rows"), |b| {
            b.iter_batched(
                || fresh_service(fresh_path()),
                |fresh| service_import(&fresh),
                BatchSize::PerIteration,
            )
        });
        group.bench_function(format!("bare insert {IMPORT_ROWS} rows"), |b| {
            b.iter_batched(fresh_path, bare, BatchSize::PerIteration)
        });
        group.finish();
    }
    rows.push(Row::against(
        format!("import of {IMPORT_ROWS} rows vs bare multi-row insert"),
        median_after(
            3,
            || fresh_service(fresh_path()),
            |fresh| service_import(&fresh),
        ),
        median_after(3, fresh_path, bare),
    ));

    // Each report format of the whole workshop, and one chart.
    let mut sizes = Vec::new();
    let catalogue = Arc::new(Catalogue::embedded().expect("the shipped catalogue loads"));
    let render = |format: Format| {
        runtime
            .block_on(report::build(
                service,
                &catalogue,
                workshop,
                ResultsScope::Everything,
                format,
            ))
            .expect("the report renders")
    };
    {
        let mut group = criterion.benchmark_group("report");
        group.sampling_mode(SamplingMode::Flat);
        for format in Format::ALL {
            let files = render(format);
            let bytes = files.main.len()
                + files
                    .attachments
                    .iter()
                    .map(|a| a.bytes.len())
                    .sum::<usize>();
            sizes.push((format, bytes));
            group.bench_function(format.extension(), |b| b.iter(|| render(format)));
        }
        group.finish();
    }
    let mut times = Vec::new();
    for (format, bytes) in sizes {
        let ours = median(3, || {
            render(format);
        });
        times.push((format, ours));
        rows.push(Row::noted(
            format!("report --format {}", format.extension()),
            ours,
            format!("{:.1} KB", bytes as f64 / 1024.0),
        ));
    }
    let time_of = |wanted: Format| {
        times
            .iter()
            .find(|(format, _)| *format == wanted)
            .map(|(_, time)| *time)
    };
    if let (Some(html), Some(json)) = (time_of(Format::Html), time_of(Format::Json)) {
        rows.push(Row::against("report html vs report json", html, json));
    }

    // Every chart of the whole workshop's report, drawn once; then each
    // kind's SVG and PNG.
    let results = runtime
        .block_on(service.results(workshop, ResultsScope::Everything))
        .expect("the results compute");
    let plan = compile_plan(&toolkit, &results);
    let input = ReportInput {
        toolkit: &toolkit,
        results: &results,
        plan: &plan,
        previous: None,
        words: catalogue.words(Language::English),
    };
    rows.push(Row::noted(
        "every chart of the report, drawn",
        median(3, || {
            figures::draw_all(&input);
        }),
        format!("{} charts", figures::draw_all(&input).len()),
    ));
    let drawn = figures::draw_all(&input);
    // The first figure of each kind the report draws.
    let figures: Vec<_> = ["benefits", "map", "divergence-", "profile-"]
        .into_iter()
        .filter_map(|kind| drawn.iter().find(|f| f.key.starts_with(kind)))
        .collect();
    {
        let mut group = criterion.benchmark_group("chart");
        for figure in &figures {
            let chart = &figure.chart;
            group.bench_function(format!("{} svg", figure.key), |b| b.iter(|| chart.svg()));
            group.bench_function(format!("{} png", figure.key), |b| {
                b.iter(|| chart.png().expect("the chart rasterises"))
            });
        }
        group.finish();
    }
    for figure in &figures {
        let chart = &figure.chart;
        rows.push(Row::noted(
            format!("chart {}, SVG", figure.key),
            median(15, || {
                chart.svg();
            }),
            format!("{:.1} KB", chart.svg().len() as f64 / 1024.0),
        ));
        let png = || chart.png().expect("the chart rasterises");
        rows.push(Row::noted(
            format!("chart {}, PNG", figure.key),
            median(5, || {
                png();
            }),
            format!("{:.1} KB", png().len() as f64 / 1024.0),
        ));
    }

    criterion.final_summary();
    print_table(&rows);
}
