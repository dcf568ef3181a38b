//! Open311 GeoReport v2 (`/open311/v2/`) over real HTTP against the real binary, on SQLite
//! and on PostgreSQL: services and their definitions in XML and JSON, filing with an app
//! token, the token and the request read back, the filters of `GET requests`, the errors,
//! odd input, another municipality seeing nothing, and that nothing of the reporter is
//! public.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use chrono::{DateTime, Duration, Utc};
use loket_store::testing::TestDb;
use loket_tests::{
    Loket,
    reports::{close_report, file_report, form, place},
};
use serde_json::Value;

const BASE: &str = "/open311/v2";
/// Words and details of the reporter that no public answer may hold.
const SECRET: &str = "De buurman van nummer 9 zet zijn glas er elke nacht naast";
const EMAIL: &str = "petra.de.vries@example.org";
const PHONE: &str = "0612345678";
const LAST_NAME: &str = "Zonneveld";

/// A response: status, content type, Link header and body.
struct Answer {
    status: u16,
    content_type: String,
    link: Option<String>,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header("content-type").unwrap_or_default();
    let link = header("link");
    Answer {
        status: response.status().as_u16(),
        content_type,
        link,
        text: response.text().await.unwrap(),
    }
}

async fn get(loket: &Loket, path: &str, query: &[(&str, &str)]) -> Answer {
    let url = format!("{}{BASE}/{path}?{}", loket.base, form(query));
    answer(loket.client().get(url).send().await.unwrap()).await
}

async fn post(loket: &Loket, path: &str, fields: &[(&str, &str)]) -> Answer {
    let response = loket
        .client()
        .post(format!("{}{BASE}/{path}", loket.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(fields))
        .send()
        .await
        .unwrap();
    answer(response).await
}

/// A container report filed for an app's user, with every personal field Open311 has.
fn container_report<'a>(api_key: &'a str, at: &'a (String, String)) -> Vec<(&'a str, &'a str)> {
    vec![
        ("jurisdiction_id", "enschede"),
        ("api_key", api_key),
        ("service_code", "container-vol"),
        ("lat", &at.0),
        ("long", &at.1),
        ("description", SECRET),
        ("email", EMAIL),
        ("phone", PHONE),
        ("first_name", "Petra"),
        ("last_name", LAST_NAME),
        ("attribute[soort]", "glas"),
    ]
}

fn coordinates(n: u32) -> (String, String) {
    let (lat, lon) = place(n);
    (lat.to_string(), lon.to_string())
}

/// Nothing of the reporter in a public answer.
fn assert_private(text: &str) {
    for secret in [
        SECRET,
        EMAIL,
        PHONE,
        LAST_NAME,
        "<description>",
        "\"description\"",
    ] {
        assert!(!text.contains(secret), "{secret:?} in {text}");
    }
}

async fn services_are_listed_and_defined(loket: &Loket) {
    let json = get(loket, "services.json", &[("jurisdiction_id", "enschede")]).await;
    assert_eq!(json.status, 200, "{}", json.text);
    assert!(json.content_type.starts_with("application/json"));
    let services = json.json();
    let container = services
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["service_code"] == "container-vol")
        .expect("container-vol is a service");
    assert_eq!(container["service_name"], "Container vol of kapot");
    assert_eq!(container["metadata"], true);
    assert_eq!(container["type"], "realtime");
    assert_eq!(container["group"], "Afval");

    let xml = get(loket, "services.xml", &[("jurisdiction_id", "enschede")]).await;
    assert_eq!(xml.status, 200);
    assert!(xml.content_type.starts_with("text/xml"));
    assert!(xml.text.starts_with("<?xml"));
    assert!(
        xml.text.contains(
            "<service><service_code>container-vol</service_code><service_name>Container vol of kapot</service_name>"
        ),
        "{}",
        xml.text
    );
    assert_eq!(
        xml.text.matches("<service>").count(),
        services.as_array().unwrap().len()
    );

    let definition = get(
        loket,
        "services/container-vol.json",
        &[("jurisdiction_id", "enschede")],
    )
    .await
    .json();
    assert_eq!(definition["service_code"], "container-vol");
    let soort = &definition["attributes"][0];
    assert_eq!(soort["code"], "soort");
    assert_eq!(soort["variable"], true);
    assert_eq!(soort["datatype"], "singlevaluelist");
    assert_eq!(soort["required"], true);
    assert_eq!(soort["order"], 1);
    assert_eq!(soort["description"], "Wat voor container is het?");
    assert!(
        soort["values"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["key"] == "glas" && v["name"] == "Glas")
    );
    let xml = get(
        loket,
        "services/straatverlichting.xml",
        &[("jurisdiction_id", "enschede")],
    )
    .await;
    assert_eq!(xml.status, 200);
    assert!(
        xml.text.contains(
            "<attribute><variable>true</variable><code>mastnummer</code><datatype>string</datatype><required>false</required>"
        ),
        "{}",
        xml.text
    );
}

async fn a_request_is_filed_and_read_back(loket: &Loket) {
    let app = loket.token("app");
    let at = coordinates(0);
    let filed = post(loket, "requests.json", &container_report(app, &at)).await;
    assert_eq!(filed.status, 200, "{}", filed.text);
    let receipt = filed.json();
    let id = receipt[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = receipt[0]["token"].as_str().unwrap().to_owned();
    assert!(id.starts_with("ENS-"), "{id}");
    assert!(
        receipt[0]["service_notice"]
            .as_str()
            .unwrap()
            .contains("ontvangen")
    );

    // A retry of the same request files nothing new.
    let again = post(loket, "requests.json", &container_report(app, &at)).await;
    assert_eq!(again.json(), receipt, "the retry answers the first filing");
    // In XML the receipt has the same ids.
    let xml = post(loket, "requests.xml", &container_report(app, &at)).await;
    assert!(
        xml.text.contains(&format!(
            "<request><service_request_id>{id}</service_request_id><token>{token}</token>"
        )),
        "{}",
        xml.text
    );

    let by_token = get(
        loket,
        &format!("tokens/{token}.json"),
        &[("jurisdiction_id", "enschede")],
    )
    .await
    .json();
    assert_eq!(by_token[0]["service_request_id"], id);
    assert_eq!(by_token[0]["token"], token);

    let one = get(
        loket,
        &format!("requests/{id}.json"),
        &[("jurisdiction_id", "enschede")],
    )
    .await;
    assert_eq!(one.status, 200, "{}", one.text);
    assert_private(&one.text);
    let request = &one.json()[0];
    assert_eq!(request["service_request_id"], id);
    assert_eq!(request["status"], "open");
    assert_eq!(request["status_notes"], "Gemeld");
    assert_eq!(request["service_code"], "container-vol");
    assert_eq!(request["agency_responsible"], "Gemeente Enschede");
    let requested: DateTime<Utc> = request["requested_datetime"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let expected: DateTime<Utc> = request["expected_datetime"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    // Three working days: at least three days on, at most a week with a weekend and a holiday.
    assert!(expected - requested >= Duration::days(3), "{expected}");
    assert!(expected - requested <= Duration::days(8), "{expected}");
    // Coarsened, never the exact point.
    let (lat, long) = (
        request["lat"].as_f64().unwrap(),
        request["long"].as_f64().unwrap(),
    );
    assert_ne!((lat, long), place(0));
    assert!((lat - place(0).0).abs() < 0.001 && (long - place(0).1).abs() < 0.001);

    let xml = get(
        loket,
        &format!("requests/{id}.xml"),
        &[("jurisdiction_id", "enschede")],
    )
    .await;
    assert_private(&xml.text);
    assert!(xml.text.contains("<expected_datetime>"), "{}", xml.text);

    // Every list answer keeps the reporter out too.
    let all = get(loket, "requests.json", &[("jurisdiction_id", "enschede")]).await;
    assert_private(&all.text);
    let all = get(loket, "requests.xml", &[("jurisdiction_id", "enschede")]).await;
    assert_private(&all.text);
    let map = loket
        .client()
        .get(format!("{}/map/enschede/reports.geojson", loket.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_private(&map);
}

async fn requests_are_filtered_and_paged(loket: &Loket) {
    let app = loket.token("app");
    let at = coordinates(1);
    let container = post(loket, "requests.json", &container_report(app, &at))
        .await
        .json()[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let litter = file_report(loket, "enschede", "zwerfafval", place(2), SECRET).await;
    let ids = |answer: &Answer| -> Vec<String> {
        answer
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["service_request_id"].as_str().unwrap().to_owned())
            .collect()
    };
    let both = format!("{container},{litter}");
    let found = get(
        loket,
        "requests.json",
        &[
            ("jurisdiction_id", "enschede"),
            ("service_request_id", &both),
        ],
    )
    .await;
    let mut found = ids(&found);
    found.sort();
    let mut wanted = vec![container.clone(), litter.clone()];
    wanted.sort();
    assert_eq!(found, wanted);

    let only = ids(&get(
        loket,
        "requests.json",
        &[
            ("jurisdiction_id", "enschede"),
            ("service_code", "zwerfafval"),
        ],
    )
    .await);
    assert!(
        only.contains(&litter) && !only.contains(&container),
        "{only:?}"
    );

    let open = ids(&get(
        loket,
        "requests.json",
        &[("jurisdiction_id", "enschede"), ("status", "open")],
    )
    .await);
    assert!(open.contains(&litter) && open.contains(&container));
    // Once ended, a report is closed, with the outcome in its notes.
    close_report(loket, &litter).await;
    let closed = ids(&get(
        loket,
        "requests.json",
        &[("jurisdiction_id", "enschede"), ("status", "closed")],
    )
    .await);
    assert!(
        closed.contains(&litter) && !closed.contains(&container),
        "{closed:?}"
    );
    let open = ids(&get(
        loket,
        "requests.json",
        &[("jurisdiction_id", "enschede"), ("status", "open")],
    )
    .await);
    assert!(
        !open.contains(&litter) && open.contains(&container),
        "{open:?}"
    );
    let ended = get(
        loket,
        &format!("requests/{litter}.json"),
        &[("jurisdiction_id", "enschede")],
    )
    .await
    .json();
    assert_eq!(ended[0]["status"], "closed");
    assert_eq!(ended[0]["status_notes"], "Afgehandeld: Opgelost");

    let tomorrow = (Utc::now() + Duration::days(1)).to_rfc3339();
    let later = ids(&get(
        loket,
        "requests.json",
        &[("jurisdiction_id", "enschede"), ("start_date", &tomorrow)],
    )
    .await);
    assert!(later.is_empty(), "{later:?}");
    let long_ago = "2020-01-01T00:00:00Z";
    let earlier = ids(&get(
        loket,
        "requests.json",
        &[("jurisdiction_id", "enschede"), ("end_date", long_ago)],
    )
    .await);
    assert!(earlier.is_empty(), "{earlier:?}");

    // One a page, following the Link header: every report once.
    let mut seen = Vec::new();
    let mut next = Some(format!(
        "{BASE}/requests.json?{}",
        form(&[("jurisdiction_id", "enschede"), ("page_size", "1")])
    ));
    while let Some(path) = next.take() {
        let page = answer(
            loket
                .client()
                .get(format!("{}{path}", loket.base))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(page.status, 200, "{}", page.text);
        let items = ids(&page);
        assert!(items.len() <= 1);
        seen.extend(items);
        next = page.link.map(|link| {
            link.strip_prefix('<')
                .and_then(|l| l.split_once(">; rel=\"next\""))
                .map(|(url, _)| url.to_owned())
                .expect("a Link to the next page")
        });
        assert!(seen.len() < 200, "paging does not end");
    }
    assert!(seen.contains(&container) && seen.contains(&litter));
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "{seen:?}");
}

/// Asserts a GeoReport v2 error in JSON with `status` that mentions `words`.
fn assert_error(answer: &Answer, status: u16, words: &str) {
    assert_eq!(answer.status, status, "{}", answer.text);
    let errors = answer.json();
    assert_eq!(errors[0]["code"], status, "{errors}");
    let description = errors[0]["description"].as_str().unwrap();
    assert!(
        description.contains(words),
        "{description:?} lacks {words:?}"
    );
}

async fn errors_name_the_parameter(loket: &Loket) {
    let app = loket.token("app");
    let at = coordinates(3);
    let mut bad_key = container_report("eyJ.niet.geldig", &at);
    let refused = post(loket, "requests.xml", &bad_key).await;
    assert_eq!(refused.status, 403);
    assert!(
        refused
            .text
            .contains("<errors><error><code>403</code><description>api_key:"),
        "{}",
        refused.text
    );
    let citizen = loket.token("citizen");
    bad_key[1] = ("api_key", citizen);
    assert_error(
        &post(loket, "requests.json", &bad_key).await,
        403,
        "api_key",
    );
    bad_key.retain(|(k, _)| *k != "api_key");
    assert_error(
        &post(loket, "requests.json", &bad_key).await,
        400,
        "api_key",
    );

    let mut unknown = container_report(app, &at);
    unknown[2] = ("service_code", "eenhoorns");
    assert_error(
        &post(loket, "requests.json", &unknown).await,
        404,
        "service_code",
    );

    let nowhere: Vec<_> = container_report(app, &at)
        .into_iter()
        .filter(|(k, _)| *k != "lat" && *k != "long")
        .collect();
    assert_error(&post(loket, "requests.json", &nowhere).await, 400, "lat");
    let mut half = container_report(app, &at);
    half.retain(|(k, _)| *k != "long");
    assert_error(&post(loket, "requests.json", &half).await, 400, "long");
    for (text, words) in [
        ("Nergensstraat 24, Enschede", "no address"),
        ("Markt, Enschede", "house number"),
    ] {
        let mut written = nowhere.clone();
        written.push(("address_string", text));
        let answer = post(loket, "requests.json", &written).await;
        assert_error(&answer, 400, "address_string");
        assert_error(&answer, 400, words);
    }
    let mut wrong_answer = container_report(app, &at);
    wrong_answer[10] = ("attribute[soort]", "hout");
    assert_error(
        &post(loket, "requests.json", &wrong_answer).await,
        400,
        "attribute",
    );
    let mut far = container_report(app, &at);
    far[3] = ("lat", "10.5");
    assert_error(&post(loket, "requests.json", &far).await, 400, "lat");
    let mut bad_email = container_report(app, &at);
    bad_email[6] = ("email", "geen-adres");
    assert_error(
        &post(loket, "requests.json", &bad_email).await,
        400,
        "email",
    );

    let mut elsewhere = container_report(app, &at);
    elsewhere[0] = ("jurisdiction_id", "atlantis");
    assert_error(
        &post(loket, "requests.json", &elsewhere).await,
        404,
        "jurisdiction_id",
    );
    assert_error(
        &get(loket, "services.json", &[]).await,
        400,
        "jurisdiction_id",
    );
    assert_error(
        &get(
            loket,
            "services.json",
            &[("jurisdiction_id", "at\u{1}lan\ntis")],
        )
        .await,
        404,
        "jurisdiction_id",
    );
    let odd = get(loket, "services.xml", &[("jurisdiction_id", "\u{1}<&>")]).await;
    assert_eq!(odd.status, 404);
    assert!(odd.text.contains("&lt;&amp;&gt;"), "{}", odd.text);
    assert!(!odd.text.contains('\u{1}'));

    let enschede = [("jurisdiction_id", "enschede")];
    assert_error(
        &get(loket, "services/eenhoorns.json", &enschede).await,
        404,
        "service_code",
    );
    assert_error(
        &get(loket, "requests/ENS-1999-000001.json", &enschede).await,
        404,
        "ENS-1999-000001",
    );
    assert_error(
        &get(loket, "tokens/geen-token.json", &enschede).await,
        404,
        "geen-token",
    );
    for (field, value) in [
        ("page_size", "0"),
        ("page_size", "-1"),
        ("start_date", "gisteren"),
        ("end_date", "2026-13-45"),
        ("status", "pending"),
        ("after", "xyz"),
    ] {
        let query = [("jurisdiction_id", "enschede"), (field, value)];
        assert_error(&get(loket, "requests.json", &query).await, 400, field);
    }
    let csv = get(loket, "services.csv", &enschede).await;
    assert_eq!(csv.status, 404);
    let other = get(loket, "discovery.json", &enschede).await;
    assert_eq!(other.status, 404);
    for path in [
        "/open311",
        "/open311/v3/services.json",
        "/open311/v2/services/a/b.json",
    ] {
        let response = loket
            .client()
            .get(format!("{}{path}", loket.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 404, "{path}");
        let text = response.text().await.unwrap();
        assert!(
            text.contains("<errors><error><code>404</code>"),
            "{path}: {text}"
        );
    }
    let as_json = loket
        .client()
        .post(format!("{}{BASE}/requests.json", loket.base))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_error(&answer(as_json).await, 400, "Content-Type");

    // Every call counts in the metrics.
    let metrics = loket
        .client()
        .get(format!("{}/metrics", loket.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("loket_http_requests_total{endpoint=\"open311.file\",tenant=\"enschede\",outcome=\"refused\"}"),
        "{metrics}"
    );
}

/// Another municipality's jurisdiction knows nothing of a report, and an app token of one
/// municipality files nothing in another.
async fn another_municipality_sees_nothing(loket: &Loket) {
    let app = loket.token("app");
    let at = coordinates(4);
    let receipt = post(loket, "requests.json", &container_report(app, &at))
        .await
        .json();
    let id = receipt[0]["service_request_id"].as_str().unwrap();
    let token = receipt[0]["token"].as_str().unwrap();
    let haarlem = [("jurisdiction_id", "haarlem")];
    assert_error(
        &get(loket, &format!("requests/{id}.json"), &haarlem).await,
        404,
        id,
    );
    assert_error(
        &get(loket, &format!("tokens/{token}.json"), &haarlem).await,
        404,
        token,
    );
    let listed = get(
        loket,
        "requests.json",
        &[("jurisdiction_id", "haarlem"), ("service_request_id", id)],
    )
    .await;
    assert_eq!(listed.json(), serde_json::json!([]));
    let mut elsewhere = container_report(app, &at);
    elsewhere[0] = ("jurisdiction_id", "haarlem");
    assert_error(
        &post(loket, "requests.json", &elsewhere).await,
        403,
        "api_key",
    );
    let map = loket
        .client()
        .get(format!("{}/map/haarlem/reports.geojson", loket.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!map.contains(id), "{map}");
}

/// Odd input is refused with a 4xx and a GeoReport error, never a 5xx or a dropped
/// connection.
async fn odd_input_is_refused_cleanly(loket: &Loket) {
    let app = loket.token("app");
    let long = "x".repeat(5000);
    let many = vec!["ENS-2026-000001"; 101].join(",");
    let gets = [
        "requests.json?jurisdiction_id=enschede&start_date=%FF%FE".to_owned(),
        "services/%00.xml?jurisdiction_id=enschede".to_owned(),
        "requests/..%2F..%2Fetc%2Fpasswd.json?jurisdiction_id=enschede".to_owned(),
        "requests.json?jurisdiction_id=enschede&page_size=99999999999999999999999".to_owned(),
        format!("requests.json?jurisdiction_id=enschede&service_request_id={many}"),
        format!("requests.xml?jurisdiction_id={long}"),
        "tokens/%E2%80%AE.xml?jurisdiction_id=enschede".to_owned(),
        "services.json?jurisdiction_id=enschede&jurisdiction_id=haarlem".to_owned(),
    ];
    for path in &gets {
        let response = loket
            .client()
            .get(format!("{}{BASE}/{path}", loket.base))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        assert!(status < 500, "{path}: {status} {text}");
    }
    let bodies: Vec<Vec<u8>> = vec![
        format!("jurisdiction_id=enschede&api_key={app}&service_code=container-vol&lat=1e400&long=6.89&description=x").into_bytes(),
        format!("jurisdiction_id=enschede&api_key={app}&service_code=container-vol&lat=52.22&long=6.89&description={long}&attribute[soort]=glas").into_bytes(),
        format!("jurisdiction_id=enschede&api_key={app}&service_code=container-vol&lat=52.22&long=6.89&description=x&attribute[=a&attribute[]]=b&attribute[soort][]=glas&attribute[soort][]=papier").into_bytes(),
        [b"jurisdiction_id=enschede&api_key=".as_slice(), app.as_bytes(), b"&service_code=\xff\xfe&description=\x00"].concat(),
        b"%%%&&&===".to_vec(),
        // Larger than the body limit and than the socket buffers: a 413 in GeoReport's form.
        format!("jurisdiction_id=enschede&description={}", "x".repeat(300_000)).into_bytes(),
    ];
    for body in bodies {
        let response = loket
            .client()
            .post(format!("{}{BASE}/requests.json", loket.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.clone())
            .send()
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(&body)));
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        assert!(
            (400..500).contains(&status),
            "{}: {status} {text}",
            String::from_utf8_lossy(&body)
        );
        let errors: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(errors[0]["code"], status, "{text}");
    }
}

/// The first demo resident's address in `tenant`, on one line as the registry writes it.
async fn demo_address(loket: &Loket, tenant: &str) -> String {
    let (status, body) = loket
        .graphql(
            None,
            Some(tenant),
            "{ tenant { demoPersonas { address } } }",
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body["data"]["tenant"]["demoPersonas"][0]["address"]
        .as_str()
        .unwrap_or_else(|| panic!("no demo address: {body}"))
        .to_owned()
}

/// `address_string` written out, with or without a postcode and in any case, is looked up in
/// the registry; an address in another municipality is refused.
async fn a_written_address_is_looked_up(loket: &Loket) {
    let app = loket.token("app");
    let backoffice = loket.token("backoffice");
    let label = demo_address(loket, "enschede").await;
    // "Kerkstraat 1, 7511 AB Enschede" and "kerkstraat 1 enschede".
    let street_only = label
        .split(',')
        .next()
        .map(|street| format!("{} enschede", street.to_lowercase()))
        .unwrap();
    for (n, text) in [label.as_str(), street_only.as_str()]
        .into_iter()
        .enumerate()
    {
        let description = format!("Container bij het adres, melding {n}");
        let fields = [
            ("jurisdiction_id", "enschede"),
            ("api_key", app),
            ("service_code", "container-vol"),
            ("address_string", text),
            ("description", description.as_str()),
            ("email", EMAIL),
            ("attribute[soort]", "papier"),
        ];
        let filed = post(loket, "requests.json", &fields).await;
        assert_eq!(filed.status, 200, "{text}: {}", filed.text);
        let reference = filed.json()[0]["service_request_id"]
            .as_str()
            .unwrap()
            .to_owned();
        let (status, body) = loket
            .graphql_with(
                Some(backoffice),
                None,
                "query ($r: String!) { case(reference: $r) { location addressId } }",
                serde_json::json!({ "r": reference }),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let case = &body["data"]["case"];
        assert_eq!(case["location"], label.as_str(), "{text}: {body}");
        assert!(case["addressId"].is_string(), "{body}");
    }

    let elsewhere = demo_address(loket, "haarlem").await;
    let fields = [
        ("jurisdiction_id", "enschede"),
        ("api_key", app),
        ("service_code", "container-vol"),
        ("address_string", elsewhere.as_str()),
        ("description", "Container vol"),
        ("attribute[soort]", "papier"),
    ];
    let refused = post(loket, "requests.json", &fields).await;
    assert_error(&refused, 400, "address_string");
    assert_error(&refused, 400, "outside");
}

async fn all(loket: Loket) {
    services_are_listed_and_defined(&loket).await;
    a_request_is_filed_and_read_back(&loket).await;
    a_written_address_is_looked_up(&loket).await;
    requests_are_filtered_and_paged(&loket).await;
    errors_name_the_parameter(&loket).await;
    another_municipality_sees_nothing(&loket).await;
    odd_input_is_refused_cleanly(&loket).await;
}

/// A category of the tenant's own with a multiple-choice question.
const PLAYGROUND: &str = r#"
[[category]]
code = "speeltoestel"
name = "Speeltoestel kapot"
group = "groen-spelen"
group_name = "Groen en spelen"
description = "Een schommel, glijbaan of ander speeltoestel is kapot."
department = "stadsbeheer"
handling_days = 5
public_map = true
flow = "openbare-ruimte"

[[category.field]]
code = "gebreken"
name = "Wat is er mis?"
datatype = "multivaluelist"
required = true
values = [
  { key = "los", name = "Los" },
  { key = "scherp", name = "Scherpe randen" },
  { key = "weg", name = "Onderdeel weg" },
]
"#;

/// `attribute[code][]` answers a multiple-choice question; staff read every choice.
async fn multiple_choices_are_kept(db: TestDb) {
    let tenants = loket_tests::tenants_copy();
    std::fs::write(
        tenants.path().join("enschede/report_categories.toml"),
        PLAYGROUND,
    )
    .unwrap();
    let loket = Loket::start_with(db, tenants.path(), &[]).await;
    let definition = get(
        &loket,
        "services/speeltoestel.xml",
        &[("jurisdiction_id", "enschede")],
    )
    .await;
    assert!(
        definition
            .text
            .contains("<datatype>multivaluelist</datatype>")
            && definition
                .text
                .contains("<value><key>scherp</key><name>Scherpe randen</name></value>"),
        "{}",
        definition.text
    );
    let at = coordinates(5);
    let fields = [
        ("jurisdiction_id", "enschede"),
        ("api_key", loket.token("app")),
        ("service_code", "speeltoestel"),
        ("lat", at.0.as_str()),
        ("long", at.1.as_str()),
        ("description", "De schommel hangt aan één ketting."),
        ("attribute[gebreken][]", "los"),
        ("attribute[gebreken][]", "scherp"),
    ];
    let filed = post(&loket, "requests.json", &fields).await;
    assert_eq!(filed.status, 200, "{}", filed.text);
    let id = filed.json()[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, body) = loket
        .graphql(
            Some(loket.token("backoffice")),
            None,
            &format!("{{ case(reference: \"{id}\") {{ attributes {{ code value }} }} }}"),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["data"]["case"]["attributes"],
        serde_json::json!([{ "code": "gebreken", "value": "los,scherp" }]),
        "{body}"
    );
    let mut wrong = fields.to_vec();
    wrong[7] = ("attribute[gebreken][]", "kapot");
    assert_error(
        &post(&loket, "requests.json", &wrong).await,
        400,
        "attribute",
    );
}

#[tokio::test]
async fn multiple_choices_are_kept_on_sqlite() {
    multiple_choices_are_kept(TestDb::sqlite_empty().await).await;
}

#[tokio::test]
async fn multiple_choices_are_kept_on_postgres() {
    if let Some(db) = TestDb::postgres_empty().await {
        multiple_choices_are_kept(db).await;
    }
}

#[tokio::test]
async fn open311_on_sqlite() {
    all(Loket::start(TestDb::sqlite_empty().await).await).await;
}

#[tokio::test]
async fn open311_on_postgres() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    all(Loket::start(db).await).await;
}
