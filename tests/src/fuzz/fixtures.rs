//! Plausible values, read from the running server before fuzzing so that generated requests
//! reach the services instead of stopping at "not found": each tenant's case ids, references
//! and versions, residents' BSNs, postcodes and birth dates, product codes, case types with
//! their statuses and outcomes, callback teams, and ids of contacts, callbacks, subscriptions
//! and deliveries. A few ordinary mutations first make sure there is a contact, a callback and
//! a subscription to find.

use serde_json::Value;

use super::{
    callers::Caller,
    markers::Markers,
    transport::{Outcome, Request, Transport, send},
};

/// What one tenant's own callers can read.
#[derive(Debug, Clone, Default)]
pub struct TenantFixtures {
    /// The tenant.
    pub slug: String,
    /// Its global id and municipality code.
    pub tenant_id: String,
    /// CBS code.
    pub municipality_code: String,
    /// Residents' BSNs.
    pub bsns: Vec<String>,
    /// (postcode, house number) of residents' homes.
    pub homes: Vec<(String, i64)>,
    /// (surname, birth date) of residents.
    pub names: Vec<(String, String)>,
    /// BAG address ids.
    pub address_ids: Vec<String>,
    /// Cases: (global id, reference, version).
    pub cases: Vec<(String, String, i64)>,
    /// Case type codes, status codes and outcome codes.
    pub case_types: Vec<String>,
    /// Status codes of its case types.
    pub statuses: Vec<String>,
    /// Outcome codes of its case types.
    pub outcomes: Vec<String>,
    /// Product codes and global ids.
    pub products: Vec<(String, String)>,
    /// Callback teams.
    pub teams: Vec<String>,
    /// Contact moment ids.
    pub contacts: Vec<String>,
    /// Callbacks: (id, version).
    pub callbacks: Vec<(String, i64)>,
    /// Subscription ids.
    pub subscriptions: Vec<String>,
    /// Delivery ids.
    pub deliveries: Vec<String>,
    /// Valuation object ids.
    pub valuation_objects: Vec<String>,
    /// Cursors the server handed out.
    pub cursors: Vec<String>,
}

/// Every tenant's fixtures.
#[derive(Debug, Clone, Default)]
pub struct Fixtures {
    /// By tenant, in the order of [`super::callers::TENANTS`].
    pub tenants: Vec<TenantFixtures>,
}

impl Fixtures {
    /// The fixtures of `slug` (the first tenant's when unknown).
    pub fn of(&self, slug: &str) -> &TenantFixtures {
        self.tenants
            .iter()
            .find(|t| t.slug == slug)
            .or_else(|| self.tenants.first())
            .expect("fixtures for at least one tenant")
    }
}

/// Runs `query` as `caller` over POST; the `data` (errors are tolerated: a fixture that
/// cannot be read is simply missing).
async fn read(client: &reqwest::Client, base: &str, caller: &Caller, query: &str) -> Value {
    let request = Request {
        transport: Transport::Post,
        caller: caller.clone(),
        query: query.to_owned(),
        variables: None,
        headers: Vec::new(),
        subscription: false,
    };
    match send(client, base, &request).await {
        Outcome::Http { body: Ok(body), .. } => body["data"].clone(),
        _ => Value::Null,
    }
}

fn strings(value: &Value, pointer: &str) -> Vec<String> {
    value
        .pointer(pointer)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

fn nodes<'a>(value: &'a Value, pointer: &str) -> Vec<&'a Value> {
    value
        .pointer(pointer)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|e| &e["node"])
        .collect()
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// Reads the fixtures of every tenant that has callers in `callers`, and adds the global ids
/// they reveal to `markers` as that tenant's.
pub async fn collect(base: &str, callers: &[Caller], markers: &mut Markers) -> Fixtures {
    let client = reqwest::Client::new();
    let mut fixtures = Fixtures::default();
    for slug in super::callers::TENANTS {
        let role = |r: &str| {
            callers
                .iter()
                .find(|c| c.tenant == slug && c.role.as_deref() == Some(r))
                .cloned()
                .unwrap_or_else(|| Caller::anonymous(slug))
        };
        warm_up(&client, base, &role("frontoffice"), &role("citizen")).await;
        let mut t = TenantFixtures {
            slug: slug.to_owned(),
            ..TenantFixtures::default()
        };
        let public = read(
            &client,
            base,
            &Caller::anonymous(slug),
            "{ tenant { id municipalityCode callbackTeams } \
               products(first: 100) { edges { cursor node { id code } } } }",
        )
        .await;
        t.tenant_id = text(&public["tenant"]["id"]);
        t.municipality_code = text(&public["tenant"]["municipalityCode"]);
        t.teams = strings(&public, "/tenant/callbackTeams");
        for product in nodes(&public, "/products/edges") {
            t.products
                .push((text(&product["code"]), text(&product["id"])));
        }
        let back = read(
            &client,
            base,
            &role("backoffice"),
            "{ caseTypes { code statuses { code } outcomes { code } } \
               cases(first: 100, filter: { includeClosed: true }) { edges { cursor node { \
                 id reference version subjectBsn addressId ownerTenant handlingTenant } } } \
               callbacks(first: 50, filter: { includeCompleted: true }) { edges { node { id version } } } }",
        )
        .await;
        for case_type in back["caseTypes"].as_array().into_iter().flatten() {
            t.case_types.push(text(&case_type["code"]));
            t.statuses.extend(
                case_type["statuses"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|s| text(&s["code"])),
            );
            t.outcomes.extend(
                case_type["outcomes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|s| text(&s["code"])),
            );
        }
        t.cursors = back["cases"]["edges"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| text(&e["cursor"]))
            .collect();
        for case in nodes(&back, "/cases/edges") {
            let owners = vec![text(&case["ownerTenant"]), text(&case["handlingTenant"])];
            markers.add(&text(&case["id"]), owners);
            t.cases.push((
                text(&case["id"]),
                text(&case["reference"]),
                case["version"].as_i64().unwrap_or(1),
            ));
            t.bsns.push(text(&case["subjectBsn"]));
            t.address_ids
                .extend(case["addressId"].as_str().map(str::to_owned));
        }
        for callback in nodes(&back, "/callbacks/edges") {
            markers.add(&text(&callback["id"]), vec![slug.to_owned()]);
            t.callbacks.push((
                text(&callback["id"]),
                callback["version"].as_i64().unwrap_or(1),
            ));
        }
        people(
            &client,
            base,
            &role("frontoffice"),
            &role("citizen"),
            &mut t,
            markers,
        )
        .await;
        let admin = read(
            &client,
            base,
            &role("admin"),
            "{ deliveries(first: 50) { edges { node { id } } } }",
        )
        .await;
        for delivery in nodes(&admin, "/deliveries/edges") {
            markers.add(&text(&delivery["id"]), vec![slug.to_owned()]);
            t.deliveries.push(text(&delivery["id"]));
        }
        t.bsns.sort();
        t.bsns.dedup();
        fixtures.tenants.push(t);
    }
    fixtures
}

/// Residents, contacts, subscriptions and valuations, as the front office and the citizen
/// read them.
async fn people(
    client: &reqwest::Client,
    base: &str,
    front: &Caller,
    citizen: &Caller,
    t: &mut TenantFixtures,
    markers: &mut Markers,
) {
    let slug = t.slug.clone();
    let own = read(
        client,
        base,
        citizen,
        "{ me { person { bsn } subscriptions(first: 20) { edges { node { id } } } } \
           valuationReport { object { id } comparables { id } } }",
    )
    .await;
    t.bsns
        .extend(own["me"]["person"]["bsn"].as_str().map(str::to_owned));
    for subscription in nodes(&own, "/me/subscriptions/edges") {
        markers.add(&text(&subscription["id"]), vec![slug.clone()]);
        t.subscriptions.push(text(&subscription["id"]));
    }
    t.valuation_objects.extend(
        own["valuationReport"]["object"]["id"]
            .as_str()
            .map(str::to_owned),
    );
    t.valuation_objects.extend(
        own["valuationReport"]["comparables"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c["id"].as_str().map(str::to_owned)),
    );
    let contacts = read(
        client,
        base,
        front,
        "{ contactMoments(first: 50) { edges { node { id subject } } } }",
    )
    .await;
    for contact in nodes(&contacts, "/contactMoments/edges") {
        markers.add(&text(&contact["id"]), vec![slug.clone()]);
        t.contacts.push(text(&contact["id"]));
        t.bsns
            .extend(contact["subject"].as_str().map(str::to_owned));
    }
    for bsn in t.bsns.clone().iter().take(8) {
        let person = read(
            client,
            base,
            front,
            &format!(
                "{{ person(bsn: \"{bsn}\") {{ name {{ surname }} birth {{ date }} \
                   address {{ id postcode houseNumber }} }} }}"
            ),
        )
        .await;
        let person = &person["person"];
        if let (Some(surname), Some(date)) = (
            person["name"]["surname"].as_str(),
            person["birth"]["date"].as_str(),
        ) {
            t.names.push((surname.to_owned(), date.to_owned()));
        }
        if let (Some(postcode), Some(number)) = (
            person["address"]["postcode"].as_str(),
            person["address"]["houseNumber"].as_i64(),
        ) {
            t.homes.push((postcode.to_owned(), number));
        }
        t.address_ids
            .extend(person["address"]["id"].as_str().map(str::to_owned));
    }
}

/// Ordinary requests that leave a contact, a callback and a subscription behind, so the
/// fuzzer has ids of each to aim at.
async fn warm_up(client: &reqwest::Client, base: &str, front: &Caller, citizen: &Caller) {
    let team = read(client, base, front, "{ tenant { callbackTeams } }").await;
    let team = team["tenant"]["callbackTeams"][0]
        .as_str()
        .unwrap_or("burgerzaken")
        .to_owned();
    let subject = citizen
        .bsn
        .as_ref()
        .map(|b| format!("subject: \"{b}\", "))
        .unwrap_or_default();
    let contact = read(
        client,
        base,
        front,
        &format!(
            "mutation {{ registerContact(input: {{ channel: PHONE, {subject}topic: \"openingstijden\", \
               question: \"Wanneer is het stadskantoor open?\", resolvedFirstContact: false, \
               waitSeconds: 30 }}) {{ contact {{ id }} }} }}"
        ),
    )
    .await;
    if let Some(id) = contact["registerContact"]["contact"]["id"].as_str() {
        read(
            client,
            base,
            front,
            &format!(
                "mutation {{ requestCallback(input: {{ contactId: \"{id}\", team: \"{team}\", \
                   phone: \"0612345678\" }}) {{ callback {{ id }} }} }}"
            ),
        )
        .await;
    }
    read(
        client,
        base,
        citizen,
        "mutation { subscribe(input: { topic: MY_CASES, channel: EMAIL, \
           address: \"bewoner@example.org\" }) { subscription { id } } }",
    )
    .await;
}
