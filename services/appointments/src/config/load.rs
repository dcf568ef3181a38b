//! Reading and checking each tenant's `appointments.toml`.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

use chrono::NaiveTime;
use loket_kernel::{
    calendar::Calendar,
    config::{ConfigError, TenantConfig, TenantSet, line_at, parse_toml},
};
use toml::Spanned;

use super::{
    Appointments, Booking, Desk, Location, Norm, Opening, ProductDuration, Reminders,
    TenantAppointments,
    file::{AppointmentsFile, DeskFile, LocationFile},
};

/// The file's name in a tenant folder.
pub const FILE: &str = "appointments.toml";

/// Reads every tenant's file; tenants without one take no appointments. Products are checked
/// against the catalogue elsewhere (they are listed in [`TenantAppointments::products`]).
pub fn load(tenants: &TenantSet) -> Result<Appointments, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let mut out = Appointments::default();
    for (slug, tenant) in &tenants.tenants {
        let file = tenants.root.join(slug.as_str()).join(FILE);
        if !file.exists() {
            continue;
        }
        if let Some(settings) = read(&file, tenant, &mut errors) {
            out.tenants.insert(slug.clone(), settings);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Collects problems with their lines in one file.
struct Problems<'a> {
    file: &'a Path,
    text: &'a str,
    errors: &'a mut Vec<ConfigError>,
}

impl Problems<'_> {
    fn at<T>(&mut self, spanned: &Spanned<T>, message: String) {
        let line = line_at(self.text, spanned.span().start);
        self.errors.push(ConfigError::new(self.file, line, message));
    }
}

fn read(
    file: &Path,
    tenant: &TenantConfig,
    errors: &mut Vec<ConfigError>,
) -> Option<TenantAppointments> {
    let (parsed, text) = parse_toml::<AppointmentsFile>(file, errors)?;
    let before = errors.len();
    let mut p = Problems {
        file,
        text: &text,
        errors,
    };
    let booking = booking(&parsed, &mut p);
    let reminders = Reminders {
        day_before: parsed.reminders.day_before,
        hours_before: parsed.reminders.hours_before.as_ref().map(|h| *h.get_ref()),
    };
    if let Some(hours) = &parsed.reminders.hours_before
        && !(1..=48).contains(hours.get_ref())
    {
        p.at(hours, "hours_before must be 1 to 48".into());
    }
    let norm = parsed.norm.as_ref().map_or(Norm::default(), |n| {
        let norm = n.get_ref();
        if !(1..=240).contains(&norm.seen_within_minutes)
            || !(1..=100).contains(&norm.target_percentage)
        {
            p.at(
                n,
                "seen_within_minutes must be 1 to 240 and target_percentage 1 to 100".into(),
            );
        }
        Norm {
            seen_within_minutes: norm.seen_within_minutes,
            target_percentage: norm.target_percentage,
        }
    });
    let mut products = Vec::new();
    let mut durations = BTreeMap::new();
    for d in &parsed.durations {
        let line = line_at(&text, d.span().start);
        let entry = d.get_ref();
        products.push((entry.product.clone(), line));
        if !(1..=480).contains(&entry.minutes)
            || entry.extra_person_minutes.is_some_and(|m| m > 480)
        {
            p.at(
                d,
                "minutes (and extra_person_minutes) must be 1 to 480".into(),
            );
        }
        let duration = ProductDuration {
            minutes: entry.minutes,
            extra_person_minutes: entry.extra_person_minutes.unwrap_or(entry.minutes),
        };
        if durations.insert(entry.product.clone(), duration).is_some() {
            p.at(
                d,
                format!("product {:?} has a duration twice", entry.product),
            );
        }
    }
    let mut locations = BTreeMap::new();
    for l in &parsed.locations {
        let location = location(l, &durations, &mut p);
        if locations.contains_key(&location.code) {
            p.at(l, format!("location {:?} is listed twice", location.code));
        }
        locations.insert(location.code.clone(), location);
    }
    if locations.is_empty() {
        p.at(&parsed.booking, "list at least one [[location]]".into());
    }
    let mut exclusive = Vec::new();
    for x in &parsed.exclusive {
        let set: BTreeSet<String> = x.get_ref().products.iter().cloned().collect();
        if set.len() < 2 {
            p.at(x, "an [[exclusive]] set names at least two products".into());
        }
        for product in &set {
            if !durations.contains_key(product) {
                p.at(x, format!("product {product:?} has no [[duration]]"));
            }
        }
        exclusive.push(set);
    }
    let contact = &tenant.contact_centre;
    let closed = contact
        .closed_days
        .iter()
        .chain(&parsed.booking.get_ref().closed_days);
    let calendar = Calendar::new(contact.national_holidays, closed.copied());
    (errors.len() == before).then(|| TenantAppointments {
        file: file.to_path_buf(),
        booking,
        reminders,
        norm,
        durations,
        locations,
        exclusive,
        calendar,
        products,
    })
}

fn booking(parsed: &AppointmentsFile, p: &mut Problems<'_>) -> Booking {
    let b = parsed.booking.get_ref();
    let checks = [
        (
            (1..=366).contains(&b.latest_days),
            "latest_days must be 1 to 366",
        ),
        (
            b.earliest_minutes <= b.latest_days.saturating_mul(24 * 60),
            "earliest_minutes must fall within latest_days",
        ),
        (
            (1..=60).contains(&b.step_minutes) && 60_u32.checked_rem(b.step_minutes) == Some(0),
            "step_minutes must divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60)",
        ),
        (
            (1..=10).contains(&b.max_persons),
            "max_persons must be 1 to 10",
        ),
        (
            (1..=10).contains(&b.max_products),
            "max_products must be 1 to 10",
        ),
    ];
    for (ok, message) in checks {
        if !ok {
            p.at(&parsed.booking, message.into());
        }
    }
    Booking {
        earliest_minutes: b.earliest_minutes,
        latest_days: b.latest_days,
        step_minutes: b.step_minutes,
        max_persons: b.max_persons,
        max_products: b.max_products,
    }
}

fn location(
    l: &Spanned<LocationFile>,
    durations: &BTreeMap<String, ProductDuration>,
    p: &mut Problems<'_>,
) -> Location {
    let file = l.get_ref();
    if !is_slug(&file.code) {
        p.at(
            l,
            format!("location code {:?} must be a lowercase slug", file.code),
        );
    }
    if file.name.trim().is_empty() || file.address.trim().is_empty() {
        p.at(
            l,
            format!("location {:?} needs a name and an address", file.code),
        );
    }
    let hours = file.hours.days().map(|day| openings(day, p));
    if hours.iter().all(Vec::is_empty) {
        p.at(l, format!("location {:?} has no opening hours", file.code));
    }
    let mut desks: Vec<Desk> = Vec::new();
    for d in &file.desks {
        let desk = desk(d, durations, p);
        if desks.iter().any(|x| x.code == desk.code) {
            p.at(d, format!("desk {:?} is listed twice", desk.code));
        }
        desks.push(desk);
    }
    if desks.is_empty() {
        p.at(
            l,
            format!("location {:?} has no [[location.desk]]", file.code),
        );
    }
    Location {
        code: file.code.clone(),
        name: file.name.clone(),
        address: file.address.clone(),
        hours,
        desks,
    }
}

fn desk(
    d: &Spanned<DeskFile>,
    durations: &BTreeMap<String, ProductDuration>,
    p: &mut Problems<'_>,
) -> Desk {
    let file = d.get_ref();
    if !is_slug(&file.code) {
        p.at(
            d,
            format!("desk code {:?} must be a lowercase slug", file.code),
        );
    }
    if file.products.is_empty() {
        p.at(d, format!("desk {:?} serves no products", file.code));
    }
    for product in &file.products {
        if !durations.contains_key(product) {
            p.at(d, format!("product {product:?} has no [[duration]]"));
        }
    }
    Desk {
        code: file.code.clone(),
        products: file.products.iter().cloned().collect(),
    }
}

/// A day's opening times, sorted; overlaps and bad times are problems.
fn openings(day: &[Spanned<String>], p: &mut Problems<'_>) -> Vec<Opening> {
    let mut out: Vec<Opening> = Vec::new();
    for text in day {
        match parse_opening(text.get_ref()) {
            Some(opening) => {
                if out
                    .iter()
                    .any(|o| o.from < opening.to && opening.from < o.to)
                {
                    p.at(
                        text,
                        format!("{:?} overlaps another opening", text.get_ref()),
                    );
                }
                out.push(opening);
            }
            None => p.at(
                text,
                format!(
                    "{:?} is not an opening such as \"08:30-12:30\"",
                    text.get_ref()
                ),
            ),
        }
    }
    out.sort_by_key(|o| o.from);
    out
}

/// `"08:30-12:30"`: opening before closing.
fn parse_opening(text: &str) -> Option<Opening> {
    let (from, to) = text.split_once('-')?;
    let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    let opening = Opening {
        from: time(from)?,
        to: time(to)?,
    };
    (opening.from < opening.to).then_some(opening)
}

fn is_slug(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
