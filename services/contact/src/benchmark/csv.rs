//! The comparison as CSV, for spreadsheets: per figure a line for the caller's own value, one
//! for the spread, and one per named municipality.

use super::{BenchmarkView, Standing};
use crate::{
    ContactError,
    report::csv::{cell, text},
};

/// The columns.
const HEADER: [&str; 11] = [
    "period",
    "figure",
    "line",
    "municipality",
    "count",
    "total",
    "percentage",
    "rank",
    "participants",
    "status",
    "lower_quartile/median/upper_quartile",
];

/// The comparison as CSV text.
pub fn benchmark_csv(view: &BenchmarkView) -> Result<String, ContactError> {
    let failed = |e: &dyn std::fmt::Display| ContactError::bad("format", format!("CSV: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).map_err(|e| failed(&e))?;
    let period = view.period.key();
    for figure in &view.figures {
        let key = figure.figure.key();
        let participants = figure.spread.participants.to_string();
        let rank = |r: Option<u32>| r.map(|r| r.to_string()).unwrap_or_default();
        if let Some((share, standing)) = figure.own {
            writer
                .write_record([
                    period,
                    &key,
                    "own",
                    "",
                    &share.count.to_string(),
                    &share.total.to_string(),
                    &cell(share.percentage()),
                    &rank(standing.rank()),
                    &participants,
                    standing.as_str(),
                    "",
                ])
                .map_err(|e| failed(&e))?;
        }
        let (status, quartiles) = match figure.spread.quartiles {
            Some(q) => ("compared", q.map(|v| cell(Some(v))).join("/")),
            None => (Standing::TooFewParticipants.as_str(), String::new()),
        };
        writer
            .write_record([
                period,
                &key,
                "spread",
                "",
                "",
                "",
                "",
                "",
                &participants,
                status,
                &quartiles,
            ])
            .map_err(|e| failed(&e))?;
        for named in &figure.named {
            writer
                .write_record([
                    period,
                    &key,
                    "named",
                    &text(&named.name),
                    "",
                    "",
                    &cell(Some(named.percentage)),
                    &rank(Some(named.rank)),
                    &participants,
                    "compared",
                    "",
                ])
                .map_err(|e| failed(&e))?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| failed(&e))?;
    String::from_utf8(bytes).map_err(|e| failed(&e))
}
