//! The committed schema (`schema/schema.graphql`) read into a small model the generator walks:
//! types with their fields and arguments, input objects, enums and the three roots. Nothing
//! here knows Loket's operations by name; a field added to the schema is fuzzed without a
//! change to this suite.

use std::{collections::BTreeMap, path::PathBuf};

use async_graphql_parser::{
    Positioned,
    types::{BaseType, FieldDefinition, InputValueDefinition, TypeKind, TypeSystemDefinition},
};

/// A type reference such as `[String!]!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// A named type; `true` when non-null.
    Named(String, bool),
    /// A list of the inner type; `true` when non-null.
    List(Box<TypeRef>, bool),
}

impl TypeRef {
    fn from_parsed(ty: &async_graphql_parser::types::Type) -> Self {
        match &ty.base {
            BaseType::Named(name) => Self::Named(name.to_string(), !ty.nullable),
            BaseType::List(inner) => Self::List(Box::new(Self::from_parsed(inner)), !ty.nullable),
        }
    }

    /// Whether `null` is refused.
    pub fn non_null(&self) -> bool {
        match self {
            Self::Named(_, n) | Self::List(_, n) => *n,
        }
    }

    /// The named type under any list wrappers.
    pub fn base(&self) -> &str {
        match self {
            Self::Named(name, _) => name,
            Self::List(inner, _) => inner.base(),
        }
    }

    /// As written in SDL, for variable definitions.
    pub fn sdl(&self) -> String {
        let (text, non_null) = match self {
            Self::Named(name, n) => (name.clone(), *n),
            Self::List(inner, n) => (format!("[{}]", inner.sdl()), *n),
        };
        if non_null { format!("{text}!") } else { text }
    }
}

/// An argument or an input object field.
#[derive(Debug, Clone)]
pub struct InputValue {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Whether the schema gives it a default (so it may be left out even when non-null).
    pub has_default: bool,
}

impl InputValue {
    /// Whether a request must give it.
    pub fn required(&self) -> bool {
        self.ty.non_null() && !self.has_default
    }
}

/// An output field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its name.
    pub name: String,
    /// Its arguments.
    pub args: Vec<InputValue>,
    /// Its type.
    pub ty: TypeRef,
}

/// What a named type is.
#[derive(Debug, Clone)]
pub enum Kind {
    /// A scalar (built-in or custom such as `NaiveDate`).
    Scalar,
    /// An object or interface with fields; `implements` for objects.
    Object {
        /// Its fields.
        fields: Vec<Field>,
        /// Whether it is an interface.
        interface: bool,
        /// The interfaces it implements.
        implements: Vec<String>,
    },
    /// An input object.
    Input(Vec<InputValue>),
    /// An enum and its values.
    Enum(Vec<String>),
    /// A union of object types.
    Union(Vec<String>),
}

/// The schema.
#[derive(Debug, Clone)]
pub struct Sdl {
    /// Every named type.
    pub types: BTreeMap<String, Kind>,
    /// The query root's name.
    pub query: String,
    /// The mutation root's name, if any.
    pub mutation: Option<String>,
    /// The subscription root's name, if any.
    pub subscription: Option<String>,
}

impl Sdl {
    /// The repository's committed schema.
    pub fn committed() -> Self {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema/schema.graphql");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        Self::parse(&text)
    }

    /// Parses SDL text.
    pub fn parse(text: &str) -> Self {
        let doc = async_graphql_parser::parse_schema(text)
            .unwrap_or_else(|e| panic!("schema.graphql does not parse: {e}"));
        let mut types = BTreeMap::new();
        let (mut query, mut mutation, mut subscription) = (None, None, None);
        for definition in doc.definitions {
            match definition {
                TypeSystemDefinition::Schema(schema) => {
                    let schema = schema.node;
                    query = schema.query.map(|n| n.node.to_string());
                    mutation = schema.mutation.map(|n| n.node.to_string());
                    subscription = schema.subscription.map(|n| n.node.to_string());
                }
                TypeSystemDefinition::Type(ty) => {
                    let ty = ty.node;
                    let kind = match &ty.kind {
                        TypeKind::Scalar => Kind::Scalar,
                        TypeKind::Object(o) => Kind::Object {
                            fields: output_fields(&o.fields),
                            interface: false,
                            implements: o.implements.iter().map(|n| n.node.to_string()).collect(),
                        },
                        TypeKind::Interface(i) => Kind::Object {
                            fields: output_fields(&i.fields),
                            interface: true,
                            implements: Vec::new(),
                        },
                        TypeKind::Union(u) => {
                            Kind::Union(u.members.iter().map(|n| n.node.to_string()).collect())
                        }
                        TypeKind::Enum(e) => Kind::Enum(
                            e.values
                                .iter()
                                .map(|v| v.node.value.node.to_string())
                                .collect(),
                        ),
                        TypeKind::InputObject(i) => Kind::Input(input_values(&i.fields)),
                    };
                    types.insert(ty.name.node.to_string(), kind);
                }
                TypeSystemDefinition::Directive(_) => {}
            }
        }
        for builtin in ["String", "Int", "Float", "Boolean", "ID"] {
            types.entry(builtin.to_owned()).or_insert(Kind::Scalar);
        }
        Self {
            types,
            query: query.unwrap_or_else(|| "Query".to_owned()),
            mutation,
            subscription,
        }
    }

    /// The kind of a named type.
    pub fn kind(&self, name: &str) -> &Kind {
        self.types
            .get(name)
            .unwrap_or_else(|| panic!("type {name} is not in the schema"))
    }

    /// The fields of an object or interface type (empty for others).
    pub fn fields(&self, name: &str) -> &[Field] {
        match self.types.get(name) {
            Some(Kind::Object { fields, .. }) => fields,
            _ => &[],
        }
    }

    /// The object types that implement an interface.
    pub fn implementors(&self, interface: &str) -> Vec<&str> {
        self.types
            .iter()
            .filter_map(|(name, kind)| match kind {
                Kind::Object { implements, .. } if implements.iter().any(|i| i == interface) => {
                    Some(name.as_str())
                }
                _ => None,
            })
            .collect()
    }

    /// Whether a named type is a scalar or an enum (a leaf of a selection).
    pub fn is_leaf(&self, name: &str) -> bool {
        matches!(self.types.get(name), Some(Kind::Scalar | Kind::Enum(_)))
    }
}

fn input_values(list: &[Positioned<InputValueDefinition>]) -> Vec<InputValue> {
    list.iter()
        .map(|a| InputValue {
            name: a.node.name.node.to_string(),
            ty: TypeRef::from_parsed(&a.node.ty.node),
            has_default: a.node.default_value.is_some(),
        })
        .collect()
}

fn output_fields(list: &[Positioned<FieldDefinition>]) -> Vec<Field> {
    list.iter()
        .map(|f| Field {
            name: f.node.name.node.to_string(),
            args: input_values(&f.node.arguments),
            ty: TypeRef::from_parsed(&f.node.ty.node),
        })
        .collect()
}
