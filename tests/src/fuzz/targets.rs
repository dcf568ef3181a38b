//! The operations to fuzz, found by walking the schema: every field of the query, mutation and
//! subscription roots, and every field below them that takes arguments (`me.cases`,
//! `residentView.contacts`, `serviceReport.current.channels.topics`, …), each with the path
//! from its root so a request can reach it. Turning a target and its generated arguments into
//! a document is here too.

use std::collections::{HashSet, VecDeque};

use super::{
    sdl::{Field, Sdl},
    selection::select,
    value::GValue,
};

/// Deepest path from a root to a nested field with arguments.
const MAX_PATH: usize = 6;
/// The server's default depth limit, which a document must stay within.
const MAX_DEPTH: usize = 12;

/// The three kinds of operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    /// `query`.
    Query,
    /// `mutation`.
    Mutation,
    /// `subscription`.
    Subscription,
}

impl OpKind {
    fn keyword(self) -> &'static str {
        match self {
            Self::Query => "query",
            Self::Mutation => "mutation",
            Self::Subscription => "subscription",
        }
    }
}

/// One field on the way to a target, with the type it belongs to.
#[derive(Debug, Clone)]
pub struct Step {
    /// The type that has the field.
    pub owner: String,
    /// The field.
    pub field: Field,
}

/// A field to fuzz and how to get there.
#[derive(Debug, Clone)]
pub struct Target {
    /// The root it hangs from.
    pub op: OpKind,
    /// From the root field to the target field (the last step).
    pub path: Vec<Step>,
}

impl Target {
    /// The field whose arguments are fuzzed.
    pub fn field(&self) -> &Field {
        &self.path.last().expect("a target has a field").field
    }

    /// `Query.me.cases`, for reports and `LOKET_FUZZ_ONLY`.
    pub fn name(&self) -> String {
        let root = match self.op {
            OpKind::Query => "Query",
            OpKind::Mutation => "Mutation",
            OpKind::Subscription => "Subscription",
        };
        let fields: Vec<&str> = self.path.iter().map(|s| s.field.name.as_str()).collect();
        format!("{root}.{}", fields.join("."))
    }

    /// The document asking for the target with `args` (inline literals, or `$variables`
    /// where a name maps to one) and plausible literals for the fields on the way.
    pub fn document(
        &self,
        sdl: &Sdl,
        args: &[(String, GValue)],
        as_variables: bool,
        parent_args: &[Vec<(String, GValue)>],
    ) -> (String, Option<serde_json::Value>) {
        let target = self.field();
        let mut definitions = Vec::new();
        let mut variables = serde_json::Map::new();
        let mut written = Vec::new();
        for (name, value) in args {
            let declared = target.args.iter().find(|a| &a.name == name);
            match declared {
                Some(declared) if as_variables && value.fits_json() => {
                    definitions.push(format!("$a_{name}: {}", declared.ty.sdl()));
                    variables.insert(format!("a_{name}"), value.json());
                    written.push(format!("{name}: $a_{name}"));
                }
                _ => written.push(format!("{name}: {}", value.literal())),
            }
        }
        let levels = MAX_DEPTH.saturating_sub(self.path.len() + 1).min(4);
        let mut text = format!(
            "{}{}{}",
            target.name,
            call(&written),
            select(sdl, target.ty.base(), levels)
                .map(|s| format!(" {s}"))
                .unwrap_or_default()
        );
        for (index, step) in self.path.iter().enumerate().rev().skip(1) {
            let literals: Vec<String> = parent_args
                .get(index)
                .into_iter()
                .flatten()
                .map(|(k, v)| format!("{k}: {}", v.literal()))
                .collect();
            text = format!("{}{} {{ {text} }}", step.field.name, call(&literals));
        }
        let header = if definitions.is_empty() {
            String::new()
        } else {
            format!("({})", definitions.join(", "))
        };
        let document = format!("{} Fuzz{header} {{ {text} }}", self.op.keyword());
        let variables = (!variables.is_empty()).then_some(serde_json::Value::Object(variables));
        (document, variables)
    }
}

fn call(args: &[String]) -> String {
    if args.is_empty() {
        String::new()
    } else {
        format!("({})", args.join(", "))
    }
}

/// Every target in the schema: all root fields, then nested fields with arguments, each
/// reached by its shortest path (queries first).
pub fn all(sdl: &Sdl) -> Vec<Target> {
    let roots = [
        (OpKind::Query, Some(sdl.query.clone())),
        (OpKind::Mutation, sdl.mutation.clone()),
        (OpKind::Subscription, sdl.subscription.clone()),
    ];
    let mut targets = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for (op, root) in roots.iter().filter_map(|(op, r)| Some((*op, r.clone()?))) {
        for field in sdl.fields(&root) {
            seen.insert((root.clone(), field.name.clone()));
            targets.push(Target {
                op,
                path: vec![Step {
                    owner: root.clone(),
                    field: field.clone(),
                }],
            });
        }
    }
    for (op, root) in roots.iter().filter_map(|(op, r)| Some((*op, r.clone()?))) {
        let mut queue: VecDeque<Vec<Step>> = sdl
            .fields(&root)
            .iter()
            .map(|f| {
                vec![Step {
                    owner: root.clone(),
                    field: f.clone(),
                }]
            })
            .collect();
        let mut expanded: HashSet<String> = HashSet::new();
        while let Some(path) = queue.pop_front() {
            if path.len() >= MAX_PATH {
                continue;
            }
            let Some(last) = path.last() else { continue };
            let ty = last.field.ty.base().to_owned();
            if !expanded.insert(ty.clone()) {
                continue;
            }
            let mut owners = vec![ty.clone()];
            owners.extend(sdl.implementors(&ty).into_iter().map(str::to_owned));
            for owner in owners {
                for field in sdl.fields(&owner) {
                    if sdl.is_leaf(field.ty.base()) && field.args.is_empty() {
                        continue;
                    }
                    let mut next = path.clone();
                    next.push(Step {
                        owner: owner.clone(),
                        field: field.clone(),
                    });
                    if !field.args.is_empty() && seen.insert((owner.clone(), field.name.clone())) {
                        targets.push(Target {
                            op,
                            path: next.clone(),
                        });
                    }
                    queue.push_back(next);
                }
            }
        }
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_with_arguments_and_writes_documents() {
        let sdl = Sdl::parse(
            "type Query { me: Me! } type Me { cases(first: Int, after: String): Conn } \
             type Conn { totalCount: Int! } schema { query: Query }",
        );
        let targets = all(&sdl);
        let names: Vec<String> = targets.iter().map(Target::name).collect();
        assert_eq!(names, ["Query.me", "Query.me.cases"]);
        let (doc, vars) =
            targets[1].document(&sdl, &[("first".into(), GValue::Int(-1))], true, &[]);
        assert_eq!(
            doc,
            "query Fuzz($a_first: Int) { me { cases(first: $a_first) { __typename totalCount } } }"
        );
        assert_eq!(vars, Some(serde_json::json!({ "a_first": -1 })));
    }
}
