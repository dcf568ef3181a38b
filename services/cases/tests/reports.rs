//! Reports about public space on both engines: filing anonymously and logged in, the
//! municipality's bounds, the category's form, idempotency, duplicates nearby and joining,
//! the reporters' messages in the outbox, the satisfaction answer that reopens a report,
//! staff reopening, the public view, and removing reporters' details.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    clippy::float_cmp,
    reason = "a test fails loudly"
)]

mod support;

use chrono::{Duration, Utc};
use loket_cases::{
    CaseKey, CaseRecord, Change, Channel, Filed, NewReport, Place, ReportFilter, ReporterDetails,
};
use loket_kernel::{Ctx, HasCode};
use loket_store::{Session, outbox};
use support::*;

/// The fixture's Enschede addresses all lie at (52.0, 5.0): the box around them is that point,
/// widened by the default 250 m.
const HERE: (f64, f64) = (52.000_5, 5.000_3);

fn anonymous(w: &World, tenant: &str) -> Ctx {
    w.authz
        .context(None, Some(tenant), "req-test".into())
        .unwrap()
}

fn report(category: &str, at: (f64, f64), email: Option<&str>) -> NewReport {
    NewReport {
        category: category.into(),
        place: Place::Point {
            lat: at.0,
            lon: at.1,
        },
        description: "De lantaarnpaal voor nummer 12 brandt al een week niet.".into(),
        attributes: Vec::new(),
        reporter: ReporterDetails {
            name: Some("Jan".into()),
            email: email.map(str::to_owned),
            phone: None,
            language: None,
        },
        join: None,
        photos: Vec::new(),
        idempotency_key: None,
        channel: Channel::Online,
    }
}

async fn file(w: &World, ctx: &Ctx, new: NewReport) -> Result<Filed, loket_cases::CaseError> {
    loket_store::testing::request(w.db.db(), ctx, async |s: &Session| {
        w.cases.file_report(ctx, s, new).await
    })
    .await
}

async fn case_of(w: &World, ctx: &Ctx, filed: &Filed) -> CaseRecord {
    loket_store::testing::request(w.db.db(), ctx, async |s: &Session| {
        w.cases
            .find(
                ctx,
                s,
                &CaseKey::Reference(filed.report.reference.clone()),
                READ,
                loket_cases::Want { events: true },
            )
            .await
    })
    .await
    .expect("the back office reads the report")
}

async fn change(
    w: &World,
    ctx: &Ctx,
    case: &CaseRecord,
    change: Change,
) -> Result<CaseRecord, loket_cases::CaseError> {
    loket_store::testing::request(w.db.db(), ctx, async |s: &Session| {
        w.cases
            .change(ctx, s, &key(case), Some(case.version), change)
            .await
    })
    .await
}

async fn events_of(w: &World, kind: &str) -> Vec<serde_json::Value> {
    let tenant = loket_kernel::TenantId::new("enschede").unwrap();
    let tx = w.db.db().begin(&tenant).await.unwrap();
    let all = outbox::pending(&tx, 500).await.unwrap();
    tx.commit().await.unwrap();
    all.into_iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.payload)
        .collect()
}

fn error_field(e: &loket_cases::CaseError) -> String {
    e.to_string()
}

fn status_code(case: &CaseRecord) -> String {
    match &case.status {
        loket_kernel::Guarded::Visible(s) => s.code.clone(),
        other => panic!("status not visible: {other:?}"),
    }
}

#[tokio::test]
async fn anyone_files_a_report_inside_the_municipality() {
    for w in World::each().await {
        let anon = anonymous(&w, "enschede");
        let filed = file(
            &w,
            &anon,
            report("straatverlichting", HERE, Some("jan@example.org")),
        )
        .await
        .unwrap();
        assert!(filed.report.reference.starts_with("ENS-"), "{}", w.engine());
        assert_eq!(filed.report.status, "gemeld");
        assert!(!filed.joined && !filed.replayed);
        // Five working days from today, on the tenant's calendar; never sooner than five days.
        assert!(
            filed.report.expected_by
                >= loket_kernel::calendar::Calendar::today() + Duration::days(5 * 7 / 5)
        );
        // On the public map: coarsened, never the exact point.
        let (lat, lon) = filed.report.position.unwrap();
        assert_ne!((lat, lon), HERE);
        assert!((lat - HERE.0).abs() < 0.001 && (lon - HERE.1).abs() < 0.001);

        // Without contact details an anonymous reporter is refused, with the field named.
        let e = file(&w, &anon, report("straatverlichting", HERE, None))
            .await
            .unwrap_err();
        assert_eq!(e.code().as_str(), "BAD_USER_INPUT");
        assert!(error_field(&e).starts_with("reporter.email"), "{e}");
        // Outside the box around Enschede's addresses (1.1 km north), refused.
        let e = file(
            &w,
            &anon,
            report("straatverlichting", (52.01, 5.0), Some("a@b.nl")),
        )
        .await
        .unwrap_err();
        assert!(
            error_field(&e).starts_with("location: the place lies outside"),
            "{e}"
        );
        // Not a place at all.
        let e = file(
            &w,
            &anon,
            report("straatverlichting", (f64::NAN, 5.0), Some("a@b.nl")),
        )
        .await
        .unwrap_err();
        assert!(error_field(&e).starts_with("location"), "{e}");
        // Unknown categories and bad addresses are named.
        let e = file(&w, &anon, report("vuurwerk", HERE, Some("a@b.nl")))
            .await
            .unwrap_err();
        assert!(error_field(&e).starts_with("category"), "{e}");
        let e = file(
            &w,
            &anon,
            report("zwerfafval", HERE, Some("not-an-address")),
        )
        .await
        .unwrap_err();
        assert!(error_field(&e).starts_with("reporter.email"), "{e}");

        // A resident who logs in needs no contact details; an address from the registry
        // places the report there.
        let anna = w.citizen("enschede", ANNA);
        let mut at_home = report("zwerfafval", HERE, None);
        at_home.place = Place::Address(KERKSTRAAT_1.into());
        let filed = file(&w, &anna, at_home).await.unwrap();
        let back = w.staff("enschede", "backoffice");
        let case = case_of(&w, &back, &filed).await;
        assert_eq!(case.address_id.as_deref(), Some(KERKSTRAAT_1));
        assert_eq!(case.position, Some((52.0, 5.0)));
        assert_eq!(case.subject_bsn, "");
        // Another municipality's address is refused.
        let mut elsewhere = report("zwerfafval", HERE, None);
        elsewhere.place = Place::Address("0392200000000001".into());
        let e = file(&w, &anna, elsewhere).await.unwrap_err();
        assert!(error_field(&e).starts_with("addressId"), "{e}");
    }
}

#[tokio::test]
async fn the_form_is_checked_and_a_retry_returns_the_first_report() {
    for w in World::each().await {
        let anon = anonymous(&w, "enschede");
        let mut tree = report("boom", HERE, Some("jan@example.org"));
        let e = file(&w, &anon, tree.clone()).await.unwrap_err();
        assert_eq!(
            error_field(&e),
            "attributes: blokkeert: required (Blokkeert de boom de weg of het fietspad?)"
        );
        tree.attributes = vec![("blokkeert".into(), "ja".into())];
        tree.idempotency_key = Some("a3c1e1f0-key".into());
        let first = file(&w, &anon, tree.clone()).await.unwrap();
        let again = file(&w, &anon, tree.clone()).await.unwrap();
        assert!(again.replayed, "{}", w.engine());
        assert_eq!(again.report.reference, first.report.reference);
        assert_eq!(again.reporter_id, first.reporter_id);
        // The same key for another report is a conflict.
        tree.description = "Een andere boom.".into();
        assert_eq!(
            file(&w, &anon, tree).await.unwrap_err().code().as_str(),
            "CONFLICT"
        );
        let back = w.staff("enschede", "backoffice");
        let case = case_of(&w, &back, &first).await;
        assert_eq!(
            case.attributes,
            vec![("blokkeert".to_owned(), "ja".to_owned())]
        );
    }
}

#[tokio::test]
async fn duplicates_nearby_are_offered_and_can_be_joined() {
    for w in World::each().await {
        let anon = anonymous(&w, "enschede");
        let first = file(
            &w,
            &anon,
            report("straatverlichting", HERE, Some("jan@example.org")),
        )
        .await
        .unwrap();
        // Another category at the same spot, and the same category 150 m away: not duplicates.
        file(
            &w,
            &anon,
            report("zwerfafval", HERE, Some("jan@example.org")),
        )
        .await
        .unwrap();
        let far = (HERE.0 + 150.0 / 111_320.0, HERE.1);
        file(
            &w,
            &anon,
            report("straatverlichting", far, Some("jan@example.org")),
        )
        .await
        .unwrap();
        let near = (HERE.0 + 20.0 / 111_320.0, HERE.1);
        let found = loket_store::testing::request(w.db.db(), &anon, async |s: &Session| {
            w.cases
                .nearby_reports(&anon, s, "straatverlichting", near.0, near.1)
                .await
        })
        .await
        .unwrap();
        assert_eq!(found.len(), 1, "{}", w.engine());
        assert_eq!(found[0].report.reference, first.report.reference);
        assert_eq!(found[0].distance_m, 20);
        // A category off the public map says only that the report is within the radius.
        file(
            &w,
            &anon,
            report("ongedierte", HERE, Some("jan@example.org")),
        )
        .await
        .unwrap();
        let hidden = loket_store::testing::request(w.db.db(), &anon, async |s: &Session| {
            w.cases
                .nearby_reports(&anon, s, "ongedierte", near.0, near.1)
                .await
        })
        .await
        .unwrap();
        assert_eq!(hidden.len(), 1);
        assert_eq!(hidden[0].distance_m, 50);

        // Joining: the new reporter follows the existing report; joining twice is a replay.
        let mut join = report("straatverlichting", near, Some("piet@example.org"));
        join.join = Some(first.report.reference.clone());
        let joined = file(&w, &anon, join.clone()).await.unwrap();
        assert!(joined.joined && !joined.replayed);
        assert_eq!(joined.report.reference, first.report.reference);
        let again = file(&w, &anon, join).await.unwrap();
        assert!(again.replayed && again.reporter_id == joined.reporter_id);
        // Joining a report of another category is refused.
        let mut wrong = report("zwerfafval", near, Some("piet@example.org"));
        wrong.join = Some(first.report.reference.clone());
        assert!(error_field(&file(&w, &anon, wrong).await.unwrap_err()).starts_with("join"));

        // Staff see both reporters; the front office may too, residents and others may not.
        let back = w.staff("enschede", "backoffice");
        let case = case_of(&w, &back, &first).await;
        let reporters = loket_store::testing::request(w.db.db(), &back, async |s: &Session| {
            w.cases.reporters_of(&back, s, &case).await
        })
        .await
        .unwrap();
        let emails: Vec<_> = reporters.iter().map(|r| r.email.clone()).collect();
        assert_eq!(
            emails,
            vec![
                Some("jan@example.org".into()),
                Some("piet@example.org".into())
            ]
        );
        // The messages name reporters by id, never by address.
        let received = events_of(&w, "report.received").await;
        let joined_events = events_of(&w, "report.joined").await;
        assert_eq!(joined_events.len(), 1);
        for payload in received.iter().chain(&joined_events) {
            let text = payload.to_string();
            assert!(!text.contains("@example.org"), "{text}");
            assert!(payload["recipients"][0]["reporterId"].is_string());
        }
    }
}

#[tokio::test]
async fn an_unhappy_answer_reopens_the_report_once() {
    for w in World::each().await {
        let anon = anonymous(&w, "enschede");
        let back = w.staff("enschede", "backoffice");
        let filed = file(
            &w,
            &anon,
            report("straatverlichting", HERE, Some("jan@example.org")),
        )
        .await
        .unwrap();
        let case = case_of(&w, &back, &filed).await;
        let planned = change(
            &w,
            &back,
            &case,
            Change::Status(loket_cases::StatusChange {
                status: "ingepland".into(),
                public_explanation: None,
                internal_remark: None,
            }),
        )
        .await
        .unwrap();
        let told = events_of(&w, "report.status_changed").await;
        assert_eq!(told.len(), 1, "{}", w.engine());
        assert_eq!(told[0]["statusName"], "Ingepland");
        assert!(
            told[0]["statusText"]
                .as_str()
                .unwrap()
                .contains("binnen 10 werkdagen"),
            "the category's own text: {}",
            told[0]
        );
        let done = change(
            &w,
            &back,
            &planned,
            Change::Decide {
                outcome: "opgelost".into(),
                explanation: "De lamp is vervangen.".into(),
            },
        )
        .await
        .unwrap();
        assert!(done.closed_at.is_some());
        let closed = events_of(&w, "report.closed").await;
        assert_eq!(closed.len(), 1);
        let code = closed[0]["recipients"][0]["code"]
            .as_str()
            .unwrap()
            .to_owned();
        let reporter = filed.reporter_id;

        let answer = |code: String, satisfied: bool| {
            let anon = anon.clone();
            let w = &w;
            async move {
                loket_store::testing::request(w.db.db(), &anon, async |s: &Session| {
                    w.cases
                        .answer_survey(&anon, s, reporter, &code, satisfied)
                        .await
                })
                .await
            }
        };
        // A wrong code changes nothing.
        let e = answer("0".repeat(32), false).await.unwrap_err();
        assert!(error_field(&e).starts_with("code"), "{e}");
        let reopened = answer(code.clone(), false).await.unwrap();
        assert!(reopened.reopened);
        assert_eq!(reopened.report.status, "verzoek-tot-heropenen");
        assert!(reopened.report.closed_at.is_none());
        // Answering again: the report is open, there is nothing to answer.
        assert_eq!(
            answer(code, false).await.unwrap_err().code().as_str(),
            "CONFLICT"
        );

        // Staff may reopen an ended report themselves, never an open one or an application.
        let again = case_of(&w, &back, &filed).await;
        assert_eq!(status_code(&again), "verzoek-tot-heropenen");
        let reopen = Change::Reopen {
            public_explanation: None,
        };
        assert_eq!(
            code_of(change(&w, &back, &again, reopen.clone()).await),
            "CONFLICT"
        );
        let closed_again = change(
            &w,
            &back,
            &again,
            Change::Decide {
                outcome: "opgelost".into(),
                explanation: "Nu echt.".into(),
            },
        )
        .await
        .unwrap();
        let open_again = change(&w, &back, &closed_again, reopen).await.unwrap();
        assert_eq!(status_code(&open_again), "heropend");
        // The front office may not reopen (it may not decide).
        let front = w.staff("enschede", "frontoffice");
        let current = case_of(&w, &back, &filed).await;
        let decided = change(
            &w,
            &back,
            &current,
            Change::Decide {
                outcome: "geen-actie-nodig".into(),
                explanation: "Werkt weer.".into(),
            },
        )
        .await
        .unwrap();
        assert_eq!(
            code_of(
                change(
                    &w,
                    &front,
                    &decided,
                    Change::Reopen {
                        public_explanation: None
                    }
                )
                .await
            ),
            "FORBIDDEN"
        );
    }
}

fn code_of<T: std::fmt::Debug>(r: Result<T, loket_cases::CaseError>) -> &'static str {
    r.unwrap_err().code().as_str()
}

#[tokio::test]
async fn the_public_view_and_my_reports_hold_no_personal_data() {
    for w in World::each().await {
        let anna = w.citizen("enschede", ANNA);
        let anon = anonymous(&w, "enschede");
        let light = file(&w, &anna, report("straatverlichting", HERE, None))
            .await
            .unwrap();
        let rats = file(
            &w,
            &anon,
            report("ongedierte", HERE, Some("jan@example.org")),
        )
        .await
        .unwrap();
        // Not on the public map: no position at all.
        assert!(rats.report.position.is_none());
        let page = loket_store::testing::request(w.db.db(), &anon, async |s: &Session| {
            w.cases
                .public_reports(
                    &anon,
                    s,
                    &ReportFilter {
                        on_map: true,
                        open: Some(true),
                        ..ReportFilter::default()
                    },
                    10,
                    None,
                )
                .await
        })
        .await
        .unwrap();
        let refs: Vec<_> = page.reports.iter().map(|r| r.reference.clone()).collect();
        assert_eq!(refs, vec![light.report.reference.clone()], "{}", w.engine());

        // Paging: one at a time, newest first, over every category.
        let first = loket_store::testing::request(w.db.db(), &anon, async |s: &Session| {
            w.cases
                .public_reports(&anon, s, &ReportFilter::default(), 1, None)
                .await
        })
        .await
        .unwrap();
        assert_eq!(first.reports[0].reference, rats.report.reference);
        let second = loket_store::testing::request(w.db.db(), &anon, async |s: &Session| {
            w.cases
                .public_reports(&anon, s, &ReportFilter::default(), 1, first.next)
                .await
        })
        .await
        .unwrap();
        assert_eq!(second.reports[0].reference, light.report.reference);
        assert!(second.next.is_none());

        // Anna's own reports: only hers.
        let mine = loket_store::testing::request(w.db.db(), &anna, async |s: &Session| {
            w.cases.my_reports(&anna, s, 10, None).await
        })
        .await
        .unwrap();
        let refs: Vec<_> = mine.reports.iter().map(|r| r.reference.clone()).collect();
        assert_eq!(refs, vec![light.report.reference]);
    }
}

#[tokio::test]
async fn reporters_details_are_removed_after_the_set_time_once() {
    for w in World::each().await {
        let anon = anonymous(&w, "enschede");
        let back = w.staff("enschede", "backoffice");
        let old = file(
            &w,
            &anon,
            report("zwerfafval", HERE, Some("jan@example.org")),
        )
        .await
        .unwrap();
        let open = file(
            &w,
            &anon,
            report("graffiti", HERE, Some("kees@example.org")),
        )
        .await
        .unwrap();
        let case = case_of(&w, &back, &old).await;
        change(
            &w,
            &back,
            &case,
            Change::Decide {
                outcome: "opgelost".into(),
                explanation: "Opgeruimd.".into(),
            },
        )
        .await
        .unwrap();
        let tenant = loket_kernel::TenantId::new("enschede").unwrap();
        let run = |days: i64| {
            let w = &w;
            let tenant = tenant.clone();
            async move {
                let tx = w.db.db().begin(&tenant).await.unwrap();
                let done = w
                    .cases
                    .anonymise_reporters(&tx, Utc::now() + Duration::days(days))
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
                done
            }
        };
        // Within the year nothing goes.
        assert_eq!(run(364).await.reporters, 0, "{}", w.engine());
        // After it, the ended report's reporter loses their details; the open one keeps them.
        let done = run(366).await;
        assert_eq!(done.reporters, 1);
        assert_eq!(done.cases.len(), 1);
        assert_eq!(
            run(400).await.reporters,
            0,
            "a second run removes nothing more"
        );
        let case = case_of(&w, &back, &old).await;
        let gone = loket_store::testing::request(w.db.db(), &back, async |s: &Session| {
            w.cases.reporters_of(&back, s, &case).await
        })
        .await
        .unwrap();
        assert_eq!(gone.len(), 1);
        assert!(gone[0].email.is_none() && gone[0].name.is_none());
        assert!(gone[0].anonymised_at.is_some());
        let kept_case = case_of(&w, &back, &open).await;
        let kept = loket_store::testing::request(w.db.db(), &back, async |s: &Session| {
            w.cases.reporters_of(&back, s, &kept_case).await
        })
        .await
        .unwrap();
        assert_eq!(kept[0].email.as_deref(), Some("kees@example.org"));
    }
}

/// A photo uploaded but never attached to a report goes a day after its upload; attached
/// photos stay, and a second run removes nothing more. In memory on one engine, in a folder
/// on the other.
#[tokio::test]
async fn photos_never_attached_are_removed_after_a_day() {
    let jpeg = bytes::Bytes::from_static(include_bytes!(
        "../../../tests/fixtures/photos/photo-with-location.jpg"
    ));
    let folder = tempfile::tempdir().unwrap();
    let stores = [
        loket_cases::photos::PhotoStore::in_memory(),
        loket_cases::photos::PhotoStore::open(folder.path().to_str().unwrap()).unwrap(),
    ];
    for (w, store) in World::each().await.into_iter().zip(stores) {
        let cases = w.cases.clone().with_photos(store);
        let anon = anonymous(&w, "enschede");
        let attached = cases
            .store_photo(&anon, "image/jpeg", jpeg.clone())
            .await
            .unwrap();
        let forgotten = cases
            .store_photo(&anon, "image/jpeg", jpeg.clone())
            .await
            .unwrap();
        let mut new = report("graffiti", HERE, Some("foto@example.org"));
        new.photos = vec![attached.id];
        let filed = loket_store::testing::request(w.db.db(), &anon, async |s: &Session| {
            cases.file_report(&anon, s, new).await
        })
        .await
        .unwrap();

        let tenant = loket_kernel::TenantId::new("enschede").unwrap();
        let run = |hours: i64| {
            let (w, cases, tenant) = (&w, &cases, tenant.clone());
            async move {
                let tx = w.db.db().begin(&tenant).await.unwrap();
                let removed = cases
                    .remove_unattached_photos(&tx, Utc::now() + Duration::hours(hours))
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
                removed
            }
        };
        assert_eq!(run(0).await, 0, "within the day nothing goes");
        assert_eq!(run(25).await, 1, "{}", w.engine());
        assert_eq!(run(26).await, 0, "a second run removes nothing more");

        // The attached photo is still there for the back office; the other cannot be attached.
        let back = w.staff("enschede", "backoffice");
        let (kind, bytes) = loket_store::testing::request(w.db.db(), &back, async |s: &Session| {
            cases.photo(&back, s, "enschede", attached.id).await
        })
        .await
        .unwrap();
        assert_eq!(kind, "image/jpeg");
        assert_eq!(u64::try_from(bytes.len()).unwrap(), attached.bytes);
        let mut late = report("graffiti", HERE, Some("foto@example.org"));
        late.photos = vec![forgotten.id];
        let refused = loket_store::testing::request(w.db.db(), &anon, async |s: &Session| {
            cases.file_report(&anon, s, late).await
        })
        .await
        .unwrap_err();
        assert!(
            error_field(&refused).contains("upload it first"),
            "{refused}"
        );
        assert!(!filed.report.reference.is_empty());
    }
}
