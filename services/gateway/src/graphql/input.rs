//! The edge check of every value a client sends: before a resolver runs, each argument (written
//! in the query or passed as a variable) is walked against its type in the schema. A string
//! with a control character other than tab or a line break, a string longer than any field
//! takes, an `Int` beyond 32 bits, a non-finite `Float`, or a date or moment outside the years
//! 1 to 9999 is refused as `BAD_USER_INPUT` naming the argument it was given for (`input.days`,
//! also when it came in a variable). Services then
//! apply the narrower rules of each field ([`loket_kernel::input`]).

use std::collections::{HashMap, HashSet};

use async_graphql::{
    Name, Value,
    parser::{
        parse_schema,
        types::{
            BaseType, ExecutableDocument, OperationDefinition, Selection, SelectionSet, Type,
            TypeKind, TypeSystemDefinition,
        },
    },
};
use chrono::{DateTime, Datelike, NaiveDate};
use loket_kernel::{InputError, input::forbidden_char};

/// The longest string any argument takes (fields have their own, shorter limits).
const MAX_STRING: usize = 20_000;
/// How deep selections and input objects are walked; deeper documents fail the depth limit.
const MAX_WALK: usize = 64;

/// What a type holds, as far as checking inputs needs.
enum Def {
    /// Fields with their arguments and the named type each returns.
    Object(HashMap<String, (HashMap<String, Type>, String)>),
    /// Input object fields.
    Input(HashMap<String, Type>),
    /// Anything else (scalars, enums, unions).
    Other,
}

/// The schema's argument types, read once from its SDL.
pub struct InputCheck {
    types: HashMap<String, Def>,
    query: String,
    mutation: String,
    subscription: String,
}

impl InputCheck {
    /// Reads the types from the schema's SDL.
    pub fn from_sdl(sdl: &str) -> Result<Self, String> {
        let doc = parse_schema(sdl).map_err(|e| e.to_string())?;
        let mut types = HashMap::new();
        for definition in doc.definitions {
            let TypeSystemDefinition::Type(t) = definition else {
                continue;
            };
            let t = t.node;
            let fields = |list: Vec<async_graphql::Positioned<_>>| -> Def {
                Def::Object(
                    list.into_iter()
                        .map(
                            |f: async_graphql::Positioned<
                                async_graphql::parser::types::FieldDefinition,
                            >| {
                                let f = f.node;
                                let args = f
                                    .arguments
                                    .into_iter()
                                    .map(|a| (a.node.name.node.to_string(), a.node.ty.node))
                                    .collect();
                                (
                                    f.name.node.to_string(),
                                    (args, named(&f.ty.node).to_owned()),
                                )
                            },
                        )
                        .collect(),
                )
            };
            let def = match t.kind {
                TypeKind::Object(o) => fields(o.fields),
                TypeKind::Interface(i) => fields(i.fields),
                TypeKind::InputObject(i) => Def::Input(
                    i.fields
                        .into_iter()
                        .map(|f| (f.node.name.node.to_string(), f.node.ty.node))
                        .collect(),
                ),
                _ => Def::Other,
            };
            types.insert(t.name.node.to_string(), def);
        }
        Ok(Self {
            types,
            query: "Query".to_owned(),
            mutation: "Mutation".to_owned(),
            subscription: "Subscription".to_owned(),
        })
    }

    /// Checks the variables and the arguments of `operation`.
    pub fn check(
        &self,
        doc: &ExecutableDocument,
        operation: &OperationDefinition,
        variables: &async_graphql::Variables,
    ) -> Result<(), InputError> {
        let root = match operation.ty {
            async_graphql::parser::types::OperationType::Query => &self.query,
            async_graphql::parser::types::OperationType::Mutation => &self.mutation,
            async_graphql::parser::types::OperationType::Subscription => &self.subscription,
        };
        let mut walk = Walk {
            check: self,
            doc,
            variables,
            seen: HashSet::new(),
        };
        // Arguments first, with variables in place, so a refusal names the field the value
        // went to; then the variables themselves (one used only in a directive, say).
        walk.selections(root, &operation.selection_set.node, 0)?;
        for definition in &operation.variable_definitions {
            let name = &definition.node.name.node;
            if let Some(value) = variables.get(name) {
                self.value(&definition.node.var_type.node, value, name.as_str(), 0)?;
            }
        }
        Ok(())
    }

    fn value(&self, ty: &Type, value: &Value, path: &str, depth: usize) -> Result<(), InputError> {
        if depth > MAX_WALK {
            return Err(InputError::new(path, "nested too deep"));
        }
        match (&ty.base, value) {
            (_, Value::Null) => Ok(()),
            (BaseType::List(inner), Value::List(items)) => items
                .iter()
                .try_for_each(|item| self.value(inner, item, path, depth.saturating_add(1))),
            // A single value where a list is expected is coerced to a list of one.
            (BaseType::List(inner), other) => {
                self.value(inner, other, path, depth.saturating_add(1))
            }
            (BaseType::Named(name), value) => self.named(name, value, path, depth),
        }
    }

    fn named(
        &self,
        name: &Name,
        value: &Value,
        path: &str,
        depth: usize,
    ) -> Result<(), InputError> {
        match (name.as_str(), value) {
            ("Int", Value::Number(n)) => match n.as_i64() {
                Some(i) if i32::try_from(i).is_ok() => Ok(()),
                _ => Err(InputError::new(
                    path,
                    "must be a whole number of at most 32 bits",
                )),
            },
            ("Float", Value::Number(n)) => match n.as_f64() {
                Some(f) if f.is_finite() => Ok(()),
                _ => Err(InputError::new(path, "must be a finite number")),
            },
            ("NaiveDate", Value::String(s)) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|d| (1..=9999).contains(&d.year()))
                .map(|_| ())
                .ok_or_else(|| InputError::new(path, "must be a day written as YYYY-MM-DD")),
            ("DateTime", Value::String(s)) => DateTime::parse_from_rfc3339(s)
                .ok()
                .filter(|d| (1..=9999).contains(&d.year()))
                .map(|_| ())
                .ok_or_else(|| InputError::new(path, "must be a moment in RFC 3339")),
            (_, Value::String(s)) => string(s, path),
            (_, Value::Object(fields)) => match self.types.get(name.as_str()) {
                Some(Def::Input(defs)) => {
                    for (field, v) in fields {
                        if let Some(ty) = defs.get(field.as_str()) {
                            self.value(ty, v, &format!("{path}.{field}"), depth.saturating_add(1))?;
                        }
                    }
                    Ok(())
                }
                // A JSON scalar: only its strings can hurt.
                _ => json_strings(value, path, depth),
            },
            (_, Value::List(_)) => json_strings(value, path, depth),
            _ => Ok(()),
        }
    }
}

fn string(s: &str, path: &str) -> Result<(), InputError> {
    if let Some(c) = forbidden_char(s, true) {
        return Err(InputError::new(
            path,
            format!("contains the control character U+{:04X}", u32::from(c)),
        ));
    }
    if s.len() > MAX_STRING && s.chars().count() > MAX_STRING {
        return Err(InputError::new(
            path,
            format!("at most {MAX_STRING} characters"),
        ));
    }
    Ok(())
}

fn json_strings(value: &Value, path: &str, depth: usize) -> Result<(), InputError> {
    if depth > MAX_WALK {
        return Err(InputError::new(path, "nested too deep"));
    }
    match value {
        Value::String(s) => string(s, path),
        Value::List(items) => items
            .iter()
            .try_for_each(|v| json_strings(v, path, depth.saturating_add(1))),
        Value::Object(fields) => fields.iter().try_for_each(|(k, v)| {
            string(k, path).and_then(|()| json_strings(v, path, depth.saturating_add(1)))
        }),
        _ => Ok(()),
    }
}

fn named(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(inner) => named(inner),
    }
}

/// A walk over one operation's selections.
struct Walk<'a> {
    check: &'a InputCheck,
    doc: &'a ExecutableDocument,
    variables: &'a async_graphql::Variables,
    seen: HashSet<&'a str>,
}

impl<'a> Walk<'a> {
    fn selections(
        &mut self,
        parent: &str,
        set: &'a SelectionSet,
        depth: usize,
    ) -> Result<(), InputError> {
        if depth > MAX_WALK {
            return Ok(());
        }
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let Some(Def::Object(fields)) = self.check.types.get(parent) else {
                        continue;
                    };
                    let Some((args, returns)) = fields.get(field.name.node.as_str()) else {
                        continue;
                    };
                    for (name, value) in &field.arguments {
                        let Some(ty) = args.get(name.node.as_str()) else {
                            continue;
                        };
                        let variables = self.variables;
                        let value = value
                            .node
                            .clone()
                            .into_const_with(|var| {
                                Ok::<_, ()>(variables.get(&var).cloned().unwrap_or(Value::Null))
                            })
                            .unwrap_or(Value::Null);
                        self.check.value(ty, &value, name.node.as_str(), 0)?;
                    }
                    self.selections(returns, &field.selection_set.node, depth.saturating_add(1))?;
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    if let Some(fragment) = self.doc.fragments.get(name)
                        && self.seen.insert(name)
                    {
                        let on = fragment.node.type_condition.node.on.node.as_str();
                        self.selections(
                            on,
                            &fragment.node.selection_set.node,
                            depth.saturating_add(1),
                        )?;
                    }
                }
                Selection::InlineFragment(inline) => {
                    let on = inline
                        .node
                        .type_condition
                        .as_ref()
                        .map_or(parent, |c| c.node.on.node.as_str());
                    self.selections(on, &inline.node.selection_set.node, depth.saturating_add(1))?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::{Variables, parser::parse_query};

    use super::*;

    const SDL: &str = "
        scalar NaiveDate
        type Query { cases(first: Int, filter: CaseFilter): Int, me: Me }
        type Me { cases(first: Int): Int }
        type Mutation { suspend(input: Move!): Int }
        type Subscription { x: Int }
        input CaseFilter { dueBefore: NaiveDate, subject: String }
        input Move { days: Int!, reason: String! }
    ";

    fn check(query: &str, variables: serde_json::Value) -> Result<(), InputError> {
        let check = InputCheck::from_sdl(SDL).unwrap();
        let doc = parse_query(query).unwrap();
        let (_, op) = doc.operations.iter().next().unwrap();
        let variables = Variables::from_json(variables);
        check.check(&doc, &op.node, &variables)
    }

    fn field(result: Result<(), InputError>) -> String {
        result.unwrap_err().field
    }

    #[test]
    fn literals_and_variables_are_walked_with_their_types() {
        assert!(check("{ cases(first: 5) }", serde_json::json!({})).is_ok());
        assert_eq!(
            field(check("{ cases(first: 2147483648) }", serde_json::json!({}))),
            "first"
        );
        assert_eq!(
            field(check(
                "query($f: Int) { me { cases(first: $f) } }",
                serde_json::json!({ "f": 4_294_967_295_u64 })
            )),
            "first"
        );
        assert_eq!(
            field(check(
                r#"{ cases(filter: { dueBefore: "+99999-01-01" }) }"#,
                serde_json::json!({})
            )),
            "filter.dueBefore"
        );
        assert_eq!(
            field(check(
                "mutation($r: String!) { suspend(input: { days: 3, reason: $r }) }",
                serde_json::json!({ "r": "a\u{0}b" })
            )),
            "input.reason"
        );
        assert_eq!(
            field(check(
                r#"query { ...F } fragment F on Query { cases(filter: { subject: "x\u0001" }) }"#,
                serde_json::json!({})
            )),
            "filter.subject"
        );
        assert!(
            check(
                r#"{ cases(filter: { subject: "line\nbreak" }) }"#,
                serde_json::json!({})
            )
            .is_ok()
        );
    }
}
