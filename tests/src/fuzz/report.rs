//! Findings collected over a run, one entry per distinct defect (class, operation and
//! normalised message) with how often it was seen and the first request that showed it, and a
//! tally of how the answers went, to see that the requests reached the services.

use std::collections::BTreeMap;

use super::oracle::{CLASSES, Finding};

/// One distinct defect.
#[derive(Debug, Clone)]
struct Entry {
    class: &'static str,
    what: String,
    target: String,
    count: usize,
    detail: String,
    replay: String,
}

/// Everything a run found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    entries: BTreeMap<String, Entry>,
    /// Requests sent.
    pub requests: usize,
    /// First error code of each answer (`ok` without errors), counted.
    pub answers: BTreeMap<String, usize>,
}

/// Most entries printed per class.
const SHOWN_PER_CLASS: usize = 40;

impl Report {
    /// Records a finding for the request described by `replay`.
    pub fn add(&mut self, finding: Finding, replay: &str) {
        let key = format!("{} | {} | {}", finding.class, finding.what, finding.target);
        self.entries
            .entry(key)
            .and_modify(|e| e.count += 1)
            .or_insert_with(|| Entry {
                class: finding.class,
                what: finding.what,
                target: finding.target,
                count: 1,
                detail: finding.detail,
                replay: replay.to_owned(),
            });
    }

    /// Counts one answer by its first error code.
    pub fn tally(&mut self, code: &str) {
        *self.answers.entry(code.to_owned()).or_default() += 1;
    }

    /// Whether nothing was found.
    pub fn is_clean(&self) -> bool {
        self.entries.is_empty()
    }

    /// The distinct defects of `class`.
    pub fn count_of(&self, class: &str) -> usize {
        self.entries.values().filter(|e| e.class == class).count()
    }

    /// The findings by class and cause, with the operations that showed each and the first
    /// request that replays it.
    pub fn render(&self) -> String {
        let mut out = format!(
            "{} requests; answers by first error code: {:?}\n",
            self.requests, self.answers
        );
        for class in CLASSES {
            let mut causes: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
            for entry in self.entries.values().filter(|e| e.class == class) {
                causes.entry(entry.what.as_str()).or_default().push(entry);
            }
            if causes.is_empty() {
                continue;
            }
            let seen: usize = causes.values().flatten().map(|e| e.count).sum();
            out.push_str(&format!(
                "\n=== {class}: {} causes, {seen} requests ===\n",
                causes.len()
            ));
            for (shown, (what, entries)) in causes.iter().enumerate() {
                if shown == SHOWN_PER_CLASS {
                    out.push_str(&format!("  … and {} more causes\n", causes.len() - shown));
                    break;
                }
                let targets: Vec<String> = entries
                    .iter()
                    .filter(|e| !e.target.is_empty())
                    .map(|e| format!("{} ({}x)", e.target, e.count))
                    .collect();
                let first = entries[0];
                out.push_str(&format!("- {what:?}\n"));
                if !targets.is_empty() {
                    out.push_str(&format!("  in: {}\n", targets.join(", ")));
                }
                out.push_str(&format!(
                    "  got: {}\n  request: {}\n",
                    first.detail, first.replay
                ));
            }
        }
        out
    }
}
