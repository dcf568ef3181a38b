//! The comparison of municipalities on both engines: each participant's values equal its own
//! service report, the suppression rules hold, a tenant that does not take part is absent,
//! and no tenant's rows or unaggregated values reach another.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use chrono::NaiveDate;
use loket_contact::{
    ContactChannel, NewContact, Norm, Period, Share,
    benchmark::{BenchmarkPeriod, BenchmarkView, Figure, Standing},
};
use loket_kernel::{ErrorCode, HasCode};
use loket_store::{Backend, testing::TestDb};
use sea_orm::{ConnectionTrait, Statement};
use support::{RESIDENT, World, at, call};

/// The taking-part demo tenants (Heemskerk does not take part).
const PARTICIPANTS: [&str; 5] = [
    "dordrecht",
    "enschede",
    "haarlem",
    "papendrecht",
    "zwijndrecht",
];

/// The demo tenants with every participant's minimum lowered to 3 events.
fn tenants_with_small_minimum() -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    copy_dir(&support::demo_tenants(), copy.path());
    for slug in PARTICIPANTS {
        let file = copy.path().join(slug).join("tenant.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("minimum_events = 100"), "{slug}");
        std::fs::write(
            &file,
            text.replace("minimum_events = 100", "minimum_events = 3"),
        )
        .unwrap();
    }
    copy
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn email(resolved: bool) -> NewContact {
    NewContact {
        channel: Some(ContactChannel::Email),
        subject: Some(RESIDENT.to_owned()),
        topic: Some("Openingstijden".to_owned()),
        question: "Wanneer is het stadskantoor open?".to_owned(),
        answer: "Van 9 tot 17 uur.".to_owned(),
        resolved_first_contact: resolved,
        received_at: Some(at("2026-03-04T09:00:00Z")),
        answered_at: Some(at("2026-03-05T09:00:00Z")),
        ..NewContact::default()
    }
}

/// Calls (their waits) and e-mails (whether answered at once) per tenant in March 2026.
/// Zwijndrecht has two calls, under its minimum of three, so only four tenants' phone
/// values can be compared; everyone has two e-mails, so no written-answer value is.
fn contacts(slug: &str) -> (Vec<i32>, Vec<bool>) {
    match slug {
        "enschede" => (vec![5, 10, 30, 22], vec![true, false]),
        "haarlem" => (vec![1, 2, 3, 100], vec![true, true]),
        "dordrecht" => (vec![10, 10, 10], vec![false, false]),
        "papendrecht" => (vec![40, 40, 40, 5], vec![true, false]),
        "zwijndrecht" => (vec![1, 1], vec![true, true]),
        _ => (vec![3, 3, 3, 3, 3], vec![true, true]),
    }
}

fn march() -> BenchmarkPeriod {
    BenchmarkPeriod::parse("period", "2026-03").unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

async fn view(w: &World, slug: &str) -> Result<BenchmarkView, loket_contact::ContactError> {
    let manager = w.staff(slug, "manager");
    loket_store::testing::request(w.db.db(), &manager, async |s| {
        benchmark(w).view(&manager, s, march()).await
    })
    .await
}

fn benchmark(w: &World) -> loket_contact::benchmark::Benchmark {
    let national = ["building-permit", "event-permit"]
        .map(str::to_owned)
        .into_iter()
        .collect();
    loket_contact::benchmark::Benchmark::new(std::sync::Arc::clone(&w.tenants), national)
}

async fn world_with_contacts(db: TestDb, dir: &std::path::Path) -> World {
    let w = World::with_tenants(db, dir).await;
    for slug in PARTICIPANTS.into_iter().chain(["heemskerk"]) {
        let front = w.staff(slug, "frontoffice");
        let (waits, emails) = contacts(slug);
        for (i, wait) in waits.into_iter().enumerate() {
            let mut new = call(Some(RESIDENT), wait, at("2026-03-04T10:00:00Z"));
            new.resolved_first_contact = i % 2 == 0;
            w.register(&front, new).await;
        }
        for resolved in emails {
            w.register(&front, email(resolved)).await;
        }
    }
    w
}

fn figure<'a>(
    view: &'a BenchmarkView,
    figure: &Figure,
) -> &'a loket_contact::benchmark::FigureView {
    view.figures
        .iter()
        .find(|f| f.figure == *figure)
        .unwrap_or_else(|| panic!("no {figure:?} in {view:?}"))
}

#[tokio::test]
async fn each_participants_values_equal_its_own_service_report() {
    let dir = tenants_with_small_minimum();
    for db in TestDb::each().await {
        let w = world_with_contacts(db, dir.path()).await;
        let done = benchmark(&w)
            .compute(w.db.db(), &march(), today())
            .await
            .unwrap();
        assert_eq!(done.participants, 5);
        let days = Period::new(["from", "to"], march().days().from, march().days().to).unwrap();
        for slug in PARTICIPANTS {
            let manager = w.staff(slug, "manager");
            let report = loket_store::testing::request(w.db.db(), &manager, async |s| {
                w.contacts.service_report(&manager, s, days, None).await
            })
            .await
            .unwrap();
            let norm = |n: Norm| {
                report
                    .current
                    .norms
                    .iter()
                    .find(|f| f.norm == n)
                    .unwrap()
                    .compliance
            };
            let view = view(&w, slug).await.unwrap();
            let own = |f: Figure| figure(&view, &f).own.unwrap().0;
            assert_eq!(own(Figure::PhoneAnswer), norm(Norm::PhoneAnswer), "{slug}");
            assert_eq!(own(Figure::EmailAnswer), norm(Norm::EmailAnswer), "{slug}");
            assert_eq!(own(Figure::Callback), norm(Norm::Callback), "{slug}");
            assert_eq!(
                own(Figure::FirstContactResolution),
                Share {
                    count: report.current.resolved_first_contact,
                    total: report.current.contacts,
                },
                "{slug}"
            );
            // The common yardstick of 25 seconds, whatever the tenant's own norm.
            let (waits, _) = contacts(slug);
            assert_eq!(
                own(Figure::PhoneAnswerYardstick),
                Share {
                    count: waits.iter().filter(|w| **w <= 25).count() as i64,
                    total: waits.len() as i64,
                },
                "{slug}"
            );
        }
    }
}

#[tokio::test]
async fn a_figure_is_compared_only_with_five_values_each_on_its_minimum() {
    let dir = tenants_with_small_minimum();
    for db in TestDb::each().await {
        let w = world_with_contacts(db, dir.path()).await;
        let done = benchmark(&w)
            .compute(w.db.db(), &march(), today())
            .await
            .unwrap();
        assert!(done.compared >= 1 && done.withheld >= 1, "{done:?}");

        let enschede = view(&w, "enschede").await.unwrap();
        assert_eq!(enschede.period.key(), "2026-03");
        assert!(enschede.computed_at.is_some());
        // First-contact resolution: five values, each on at least three contacts.
        let fcr = figure(&enschede, &Figure::FirstContactResolution);
        assert_eq!(fcr.spread.participants, 5);
        // Haarlem 4/6, Zwijndrecht 3/4, Papendrecht 3/6, Enschede 3/6, Dordrecht 2/5.
        assert_eq!(fcr.spread.quartiles, Some([50.0, 50.0, 66.7]));
        assert_eq!(fcr.own.unwrap().1, Standing::Compared(3));
        let named: Vec<(&str, u32)> = fcr
            .named
            .iter()
            .map(|n| (n.tenant.as_str(), n.rank))
            .collect();
        assert_eq!(named, [("haarlem", 2), ("enschede", 3)]);

        // The phone: Zwijndrecht's two calls are under its minimum, so four values remain and
        // nobody's is compared; nothing of the spread or the names is given.
        let phone = figure(&enschede, &Figure::PhoneAnswer);
        assert_eq!(phone.own.unwrap().1, Standing::TooFewParticipants);
        assert_eq!(phone.spread.participants, 4);
        assert_eq!(phone.spread.quartiles, None);
        assert!(phone.named.is_empty());
        let zwijndrecht = view(&w, "zwijndrecht").await.unwrap();
        let own = figure(&zwijndrecht, &Figure::PhoneAnswer).own.unwrap();
        assert_eq!(own, (Share { count: 2, total: 2 }, Standing::TooFewEvents));

        // Two e-mails each: no value rests on three.
        let written = figure(&enschede, &Figure::EmailAnswer);
        assert_eq!(written.own.unwrap().1, Standing::TooFewEvents);
        assert_eq!(written.spread.participants, 0);

        // Case deadlines per national case type, none closed here.
        let permits = figure(&enschede, &Figure::CaseDeadlines("building-permit".into()));
        assert_eq!(permits.own.unwrap().1, Standing::TooFewEvents);

        // The CSV says the same.
        let csv = loket_contact::benchmark::benchmark_csv(&enschede).unwrap();
        assert!(
            csv.contains("2026-03,first-contact-resolution,own,,3,6,50,3,5,compared,"),
            "{csv}"
        );
        assert!(
            csv.contains("2026-03,first-contact-resolution,spread,,,,,,5,compared,50/50/66.7"),
            "{csv}"
        );
        assert!(
            csv.contains(
                "2026-03,first-contact-resolution,named,Gemeente Haarlem,,,66.7,2,5,compared,"
            ),
            "{csv}"
        );
        assert!(
            csv.contains("2026-03,phone-answer,spread,,,,,,4,too-few-participants,"),
            "{csv}"
        );

        // Computing again replaces, it does not add.
        let again = benchmark(&w)
            .compute(w.db.db(), &march(), today())
            .await
            .unwrap();
        assert_eq!(again, done);
        assert_eq!(
            view(&w, "enschede").await.unwrap().figures,
            enschede.figures
        );
    }
}

#[tokio::test]
async fn no_tenant_sees_anothers_rows_and_a_tenant_not_taking_part_is_absent() {
    let dir = tenants_with_small_minimum();
    for db in TestDb::each().await {
        let w = world_with_contacts(db, dir.path()).await;
        benchmark(&w)
            .compute(w.db.db(), &march(), today())
            .await
            .unwrap();
        let figures = view(&w, "enschede").await.unwrap().figures.len();

        // Heemskerk does not take part: its managers see nothing, and it is nowhere.
        let refused = view(&w, "heemskerk").await.unwrap_err();
        assert_eq!(refused.code(), ErrorCode::Forbidden);
        let raw = w.db.db().raw();
        let count = |sql: &str| {
            let sql = sql.to_owned();
            async move {
                raw.query_one_raw(Statement::from_string(raw.get_database_backend(), sql))
                    .await
                    .unwrap()
                    .unwrap()
                    .try_get_by_index::<i64>(0)
                    .unwrap()
            }
        };
        assert_eq!(
            count("SELECT COUNT(*) FROM benchmark_values WHERE tenant_id = 'heemskerk'").await,
            0
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM benchmark_named WHERE municipality NOT IN ('enschede', 'haarlem')").await,
            0
        );
        // Only managers: the front office may not.
        let front = w.staff("enschede", "frontoffice");
        let refused = loket_store::testing::request(w.db.db(), &front, async |s| {
            benchmark(&w).view(&front, s, march()).await
        })
        .await
        .unwrap_err();
        assert_eq!(refused.code(), ErrorCode::Forbidden);

        // The public ranking names Enschede and Haarlem only.
        let public = benchmark(&w).public(w.db.db(), march()).await.unwrap();
        for f in &public.figures {
            assert!(f.own.is_none());
            for n in &f.named {
                assert!(
                    ["enschede", "haarlem"].contains(&n.tenant.as_str()),
                    "{n:?}"
                );
            }
        }

        if w.db.backend() == Backend::Postgres {
            // Under row-level security a tenant reads only its own values, and the
            // application role cannot call the functions that cross tenants.
            let manager = w.staff("dordrecht", "manager");
            let session = w.db.db().session(manager.tenant(), loket_store::Mode::Read);
            let tx = session.tx(manager.tenant()).await.unwrap();
            let rows = tx
                .conn()
                .query_all_raw(
                    tx.statement("SELECT DISTINCT tenant_id FROM benchmark_values", vec![]),
                )
                .await
                .unwrap();
            let seen: Vec<String> = rows
                .iter()
                .map(|r| r.try_get("", "tenant_id").unwrap())
                .collect();
            assert_eq!(seen, ["dordrecht"]);
            let crossing = tx
                .conn()
                .query_all_raw(tx.statement(
                    "SELECT * FROM loket_benchmark_contacts('enschede', now(), now(), 20, 25, 2)",
                    vec![],
                ))
                .await
                .unwrap_err();
            assert!(
                crossing.to_string().contains("permission denied"),
                "{crossing}"
            );
            drop(tx);
            session.finish(false).await.unwrap();

            // One process computes a period at a time; another is told so and changes nothing.
            use sea_orm::TransactionTrait;
            let holder = raw.begin().await.unwrap();
            holder
                .execute_unprepared(
                    "SELECT pg_advisory_xact_lock(hashtext('loket_benchmark:2026-03'))",
                )
                .await
                .unwrap();
            let busy = benchmark(&w)
                .compute(w.db.db(), &march(), today())
                .await
                .unwrap_err();
            assert_eq!(busy.code(), ErrorCode::Conflict, "{busy}");
            holder.rollback().await.unwrap();
            assert_eq!(view(&w, "enschede").await.unwrap().figures.len(), figures);
        }
    }
}
