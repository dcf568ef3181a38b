//! GraphQL for cases: `case`, `cases(filter:)`, `caseTypes`, the citizen's `me.cases` (through
//! [`my_cases`]), and the mutations `submitRequest`, `startCase`, `setCaseStatus`,
//! `decideCase`, `addCaseNote`, `assignCase`, `suspendCase`, `extendCase` and `reopenCase`,
//! the subscription `caseUpdated`, and reports about public space ([`report`]).

mod case;
mod case_type;
mod live;
mod mutation;
mod query;
pub mod report;

pub use case::{Case, CaseConnection, my_cases, resident_cases};
pub use case_type::CaseTypeInfo;
pub use live::{CaseUpdate, CaseUpdateKind, CasesSubscription};
pub use mutation::CasesMutation;
pub use query::{CasesQuery, case_by_global_id};
pub use report::{Report, ReportConnection, ReportsMutation, ReportsQuery, my_reports};
