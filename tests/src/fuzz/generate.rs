//! Argument values for a target. Every input position (an argument, a field of an input object
//! at any depth, a list's items) gets each hostile class once while everything else stays
//! plausible ("systematic" cases), and random cases mix plausible, hostile and left-out values
//! freely.

use rand::{Rng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::{
    fixtures::TenantFixtures,
    hostile,
    plausible::Pick,
    sdl::{InputValue, Kind, Sdl, TypeRef},
    value::GValue,
};

/// Deepest input-object nesting whose fields get their own positions.
const MAX_INPUT_DEPTH: usize = 3;
/// Items of a long list.
const LONG_LIST: usize = 2_000;

/// What to do at the focused position.
#[derive(Debug, Clone, PartialEq)]
pub enum Focus {
    /// Send this value.
    Value(GValue),
    /// Leave the input out.
    Missing,
    /// Add a field the schema does not know to the input object.
    Extra,
    /// Make every item of the list … and many of them.
    LongList,
    /// Wrap the list in another list.
    NestedList,
}

/// A systematic case: one position, one hostile class.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Argument name, then input fields, `[]` for a list's items.
    pub position: Vec<String>,
    /// The class, for reports.
    pub class: String,
    /// What goes there.
    pub focus: Focus,
}

/// One input position: its path, its type and its name.
type Position = (Vec<String>, TypeRef, String);

/// Every position under `args`.
fn positions(sdl: &Sdl, args: &[InputValue]) -> Vec<Position> {
    let mut out = Vec::new();
    for arg in args {
        walk(sdl, vec![arg.name.clone()], &arg.ty, &arg.name, 0, &mut out);
    }
    out
}

fn walk(
    sdl: &Sdl,
    path: Vec<String>,
    ty: &TypeRef,
    name: &str,
    depth: usize,
    out: &mut Vec<Position>,
) {
    out.push((path.clone(), ty.clone(), name.to_owned()));
    match ty {
        TypeRef::List(inner, _) => {
            let mut item = path;
            item.push("[]".to_owned());
            walk(sdl, item, inner, name, depth, out);
        }
        TypeRef::Named(base, _) => {
            if let Kind::Input(fields) = sdl.kind(base)
                && depth < MAX_INPUT_DEPTH
            {
                for field in fields {
                    let mut next = path.clone();
                    next.push(field.name.clone());
                    walk(sdl, next, &field.ty, &field.name, depth + 1, out);
                }
            }
        }
    }
}

/// The systematic plans for a target's arguments: each hostile class at each position, one
/// value of the class (every value when `all_values`).
pub fn plans(
    sdl: &Sdl,
    args: &[InputValue],
    other: &TenantFixtures,
    all_values: bool,
    rng: &mut ChaCha8Rng,
) -> Vec<Plan> {
    let mut plans = Vec::new();
    for (position, ty, name) in positions(sdl, args) {
        let is_item = position.last().is_some_and(|p| p == "[]");
        let mut add = |class: &str, focus: Focus| {
            plans.push(Plan {
                position: position.clone(),
                class: class.to_owned(),
                focus,
            });
        };
        if ty.non_null() {
            add("null for a non-null input", Focus::Value(GValue::Null));
            if !is_item {
                add("required input left out", Focus::Missing);
            }
        }
        match &ty {
            TypeRef::List(..) => {
                add("list empty", Focus::Value(GValue::List(Vec::new())));
                add("list long", Focus::LongList);
                add("list nested", Focus::NestedList);
            }
            TypeRef::Named(base, _) => match sdl.kind(base) {
                Kind::Input(_) => {
                    add("input object with an unknown field", Focus::Extra);
                    add("input object as a string", Focus::Value(GValue::str("{}")));
                }
                kind => {
                    let values = match kind {
                        Kind::Enum(values) => Some(values.as_slice()),
                        _ => None,
                    };
                    for (class, members) in hostile::classes(base, &name, values, other) {
                        if all_values {
                            for member in members {
                                add(class, Focus::Value(member));
                            }
                        } else if let Some(member) = members.choose(rng) {
                            add(class, Focus::Value(member.clone()));
                        }
                    }
                }
            },
        }
    }
    plans
}

/// Which optional inputs a request carries besides the focused one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Optional {
    /// Every one (a hostile value then meets the fullest request, such as a search with a
    /// cursor).
    All,
    /// None (it meets the barest request).
    Bare,
    /// Each with an even-ish chance.
    Random,
}

/// Makes values: plausible from [`Pick`], hostile at a plan's position or, in random cases,
/// anywhere with probability `hostility`.
pub struct Gen<'a> {
    /// The schema.
    pub sdl: &'a Sdl,
    /// Plausible values.
    pub pick: Pick<'a>,
    /// Another tenant's fixtures, to forge with.
    pub other: &'a TenantFixtures,
    /// The random source.
    pub rng: &'a mut ChaCha8Rng,
    /// Chance of a hostile value at each leaf (random cases).
    pub hostility: f64,
    /// The hostile classes a random case used, for reports.
    pub used: Vec<String>,
    /// Which optional inputs to fill.
    pub optional: Optional,
}

impl Gen<'_> {
    /// Values for `args` of the field or type `holder`, following `plan` when given.
    pub fn args(
        &mut self,
        holder: &str,
        args: &[InputValue],
        plan: Option<&Plan>,
    ) -> Vec<(String, GValue)> {
        let mut out = Vec::new();
        for arg in args {
            let path = vec![arg.name.clone()];
            if let Some(value) = self.value(&arg.ty, holder, &arg.name, arg.required(), &path, plan)
            {
                out.push((arg.name.clone(), value));
            }
        }
        out
    }

    /// A value for one input, or `None` to leave it out.
    fn value(
        &mut self,
        ty: &TypeRef,
        holder: &str,
        name: &str,
        required: bool,
        path: &[String],
        plan: Option<&Plan>,
    ) -> Option<GValue> {
        let focused = plan.is_some_and(|p| p.position == path);
        let inside =
            plan.is_some_and(|p| p.position.len() > path.len() && p.position.starts_with(path));
        if let (true, Some(plan)) = (focused, plan) {
            return match &plan.focus {
                Focus::Value(v) => Some(v.clone()),
                Focus::Missing => None,
                Focus::Extra => {
                    let mut value = self.plain(ty, holder, name, path, None);
                    if let GValue::Object(fields) = &mut value {
                        fields.push(("bogusField".to_owned(), GValue::Int(1)));
                    }
                    Some(value)
                }
                Focus::LongList | Focus::NestedList => {
                    let item = match ty {
                        TypeRef::List(inner, _) => self.plain(inner, holder, name, path, None),
                        other => self.plain(other, holder, name, path, None),
                    };
                    Some(if plan.focus == Focus::LongList {
                        GValue::List(vec![item; LONG_LIST])
                    } else {
                        GValue::List(vec![GValue::List(vec![item])])
                    })
                }
            };
        }
        let leave_out = match self.optional {
            Optional::All => false,
            Optional::Bare => true,
            Optional::Random => self.rng.random_bool(0.4),
        };
        if !required && !inside && leave_out {
            return None;
        }
        Some(self.plain(ty, holder, name, path, if inside { plan } else { None }))
    }

    fn plain(
        &mut self,
        ty: &TypeRef,
        holder: &str,
        name: &str,
        path: &[String],
        plan: Option<&Plan>,
    ) -> GValue {
        match ty {
            TypeRef::List(inner, _) => {
                let mut item = path.to_vec();
                item.push("[]".to_owned());
                let count = self.rng.random_range(1..=2);
                let items = (0..count)
                    .filter_map(|_| self.value(inner, holder, name, true, &item, plan))
                    .collect();
                GValue::List(items)
            }
            TypeRef::Named(base, _) => match self.sdl.kind(base) {
                Kind::Input(fields) => {
                    let mut out = Vec::new();
                    for field in fields.clone() {
                        let mut next = path.to_vec();
                        next.push(field.name.clone());
                        if let Some(v) =
                            self.value(&field.ty, base, &field.name, field.required(), &next, plan)
                        {
                            out.push((field.name.clone(), v));
                        }
                    }
                    GValue::Object(out)
                }
                kind => {
                    let values = match kind {
                        Kind::Enum(values) => Some(values.clone()),
                        _ => None,
                    };
                    if self.hostility > 0.0 && self.rng.random_bool(self.hostility) {
                        let classes = hostile::classes(base, name, values.as_deref(), self.other);
                        if let Some((class, members)) = classes.choose(self.rng)
                            && let Some(member) = members.choose(self.rng)
                        {
                            self.used.push(format!("{} at {}", class, path.join(".")));
                            return member.clone();
                        }
                    }
                    if let Some(values) = values {
                        return GValue::Enum(values.choose(self.rng).cloned().unwrap_or_default());
                    }
                    self.pick
                        .value(holder, name, base, self.rng)
                        .unwrap_or_else(|| Pick::of_type(base, self.rng))
                }
            },
        }
    }
}
