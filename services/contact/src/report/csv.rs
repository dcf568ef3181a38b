//! The service report as CSV, for spreadsheets: one row per figure, with the period's value,
//! the comparison period's, and the difference (percentages in points).

use std::collections::BTreeMap;

use super::{Figures, ServiceReport, Share};
use crate::ContactError;

/// The columns.
const HEADER: [&str; 8] = [
    "section",
    "channel",
    "item",
    "label",
    "measure",
    "current",
    "previous",
    "difference",
];

/// Orders lines: group, name, measure.
type Key = (u8, String, u8);

/// One figure in both periods.
struct Line {
    section: &'static str,
    channel: String,
    item: String,
    label: String,
    measure: &'static str,
    current: Option<f64>,
    previous: Option<f64>,
}

pub(crate) fn cell(value: Option<f64>) -> String {
    match value {
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
        None => String::new(),
    }
}

fn count(n: i64) -> Option<f64> {
    Some(n as f64)
}

/// Every line of one kind, matched across the two periods by key.
fn pair<K: Ord>(
    current: impl IntoIterator<Item = (K, Line)>,
    previous: impl IntoIterator<Item = (K, Line)>,
) -> Vec<Line> {
    let mut lines: BTreeMap<K, Line> = BTreeMap::new();
    for (key, line) in current {
        lines.insert(key, line);
    }
    for (key, line) in previous {
        lines
            .entry(key)
            .and_modify(|l| l.previous = line.current)
            .or_insert(Line {
                current: None,
                previous: line.current,
                ..line
            });
    }
    lines.into_values().collect()
}

fn lines(f: &Figures) -> [Vec<(Key, Line)>; 4] {
    let line = |section, channel: &str, item: &str, label: &str, measure, current| Line {
        section,
        channel: channel.to_owned(),
        item: item.to_owned(),
        label: label.to_owned(),
        measure,
        current,
        previous: None,
    };
    let fcr = Share {
        count: f.resolved_first_contact,
        total: f.contacts,
    };
    let totals = vec![
        (
            (0, String::new(), 1),
            line(
                "total",
                "",
                "contacts",
                "All contacts",
                "contacts",
                count(f.contacts),
            ),
        ),
        (
            (0, String::new(), 2),
            line(
                "total",
                "",
                "first-contact-resolution",
                "Answered in the first contact",
                "percentage",
                fcr.percentage(),
            ),
        ),
    ];
    let mut channels = Vec::new();
    let mut topics = Vec::new();
    for c in &f.channels {
        let name = c.channel.as_str();
        channels.push((
            (0, name.to_owned(), 1),
            line(
                "channel",
                name,
                "contacts",
                "",
                "contacts",
                count(c.contacts),
            ),
        ));
        let share = Share {
            count: c.resolved_first_contact,
            total: c.contacts,
        };
        channels.push((
            (0, name.to_owned(), 2),
            line(
                "channel",
                name,
                "first-contact-resolution",
                "",
                "percentage",
                share.percentage(),
            ),
        ));
        for t in &c.topics {
            topics.push((
                (0, format!("{name}/{}", t.topic), 0),
                line(
                    "topic",
                    name,
                    &t.topic,
                    &t.label,
                    "contacts",
                    count(t.contacts),
                ),
            ));
        }
    }
    let mut norms = Vec::new();
    for n in &f.norms {
        let item = n.norm.as_str();
        norms.push((
            (0, item.to_owned(), 1),
            line("norm", "", item, "", "measured", count(n.compliance.total)),
        ));
        norms.push((
            (0, item.to_owned(), 2),
            line("norm", "", item, "", "met", count(n.compliance.count)),
        ));
        norms.push((
            (0, item.to_owned(), 3),
            line(
                "norm",
                "",
                item,
                "",
                "percentage",
                n.compliance.percentage(),
            ),
        ));
    }
    for d in &f.case_deadlines {
        let share = Share {
            count: d.on_time,
            total: d.closed,
        };
        // Reports about public space apart from applications, so a sheet can total each.
        let section = if d.report_group.is_some() {
            "report-deadline"
        } else {
            "case-deadline"
        };
        norms.push((
            (1, d.case_type.clone(), 1),
            line(
                section,
                "",
                &d.case_type,
                &d.name,
                "closed",
                count(d.closed),
            ),
        ));
        norms.push((
            (1, d.case_type.clone(), 2),
            line(
                section,
                "",
                &d.case_type,
                &d.name,
                "on-time",
                count(d.on_time),
            ),
        ));
        norms.push((
            (1, d.case_type.clone(), 3),
            line(
                section,
                "",
                &d.case_type,
                &d.name,
                "percentage",
                share.percentage(),
            ),
        ));
    }
    if let Some(c) = &f.counter {
        let seen = Share {
            count: c.called_in_time,
            total: c.called,
        };
        let no_shows = Share {
            count: c.no_shows,
            total: c.settled,
        };
        let label = format!("Called within {} minutes", c.seen_within_minutes);
        let measures = [
            ("seen-in-time", label.as_str(), 1, "called", count(c.called)),
            (
                "seen-in-time",
                &label,
                2,
                "in-time",
                count(c.called_in_time),
            ),
            ("seen-in-time", &label, 3, "percentage", seen.percentage()),
            ("no-shows", "No-shows", 1, "settled", count(c.settled)),
            ("no-shows", "No-shows", 2, "no-shows", count(c.no_shows)),
            (
                "no-shows",
                "No-shows",
                3,
                "percentage",
                no_shows.percentage(),
            ),
            (
                "cancelled",
                "Cancelled",
                1,
                "appointments",
                count(c.cancelled),
            ),
        ];
        for (item, label, order, measure, value) in measures {
            norms.push((
                (2, item.to_owned(), order),
                line("counter", "", item, label, measure, value),
            ));
        }
        for p in &c.per_product {
            norms.push((
                (3, format!("{}/{}", p.location, p.product), 1),
                line(
                    "counter-product",
                    "",
                    &p.product,
                    &p.location,
                    "appointments",
                    count(p.appointments),
                ),
            ));
        }
    }
    [totals, channels, topics, norms]
}

/// A text cell a spreadsheet will not run as a formula: one beginning with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading apostrophe (as OWASP advises against CSV
/// injection). Numbers are Loket's own and written as they are.
pub(crate) fn text(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

/// The report as CSV text.
pub fn to_csv(report: &ServiceReport) -> Result<String, ContactError> {
    let failed = |e: &dyn std::fmt::Display| ContactError::bad("format", format!("CSV: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).map_err(|e| failed(&e))?;
    let period = format!("{} to {}", report.period.from, report.period.to);
    let compared = format!(
        "{} to {}",
        report.compared_with.from, report.compared_with.to
    );
    writer
        .write_record(["period", "", "", "", "dates", &period, &compared, ""])
        .map_err(|e| failed(&e))?;
    let [a, b, c, d] = lines(&report.current);
    let [e, f, g, h] = lines(&report.previous);
    for (current, previous) in [(a, e), (b, f), (c, g), (d, h)] {
        for mut line in pair(current, previous) {
            // A count missing from one period (a topic nobody asked about then) is zero; a
            // percentage of nothing stays empty.
            if line.measure != "percentage" {
                line.current = line.current.or(Some(0.0));
                line.previous = line.previous.or(Some(0.0));
            }
            let difference = match (line.current, line.previous) {
                (Some(now), Some(before)) => Some(now - before),
                _ => None,
            };
            writer
                .write_record([
                    &text(line.section),
                    &text(&line.channel),
                    &text(&line.item),
                    &text(&line.label),
                    &text(line.measure),
                    &cell(line.current),
                    &cell(line.previous),
                    &cell(difference),
                ])
                .map_err(|e| failed(&e))?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| failed(&e))?;
    String::from_utf8(bytes).map_err(|e| failed(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_in_text_cells_are_defused() {
        for formula in ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(text(formula).starts_with('\''), "{formula}");
        }
        assert_eq!(text("paspoort"), "paspoort");
    }
}
