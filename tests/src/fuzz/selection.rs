//! What a generated request asks for: every leaf of the returned type and of the objects under
//! it, a few levels deep, so that a response shows whatever it carries (the tenant-marker
//! check reads it all) while staying inside the server's depth and complexity limits.

use super::sdl::{Kind, Sdl};

/// Most fields in one selection; deeper levels are dropped until it fits.
const MAX_FIELDS: usize = 400;

/// A selection set (with braces) for named type `ty`, or `None` for a leaf type.
pub fn select(sdl: &Sdl, ty: &str, max_levels: usize) -> Option<String> {
    if sdl.is_leaf(ty) {
        return None;
    }
    let mut levels = max_levels.max(1);
    loop {
        let (text, fields) = set(sdl, ty, levels);
        if fields <= MAX_FIELDS || levels == 1 {
            return Some(text);
        }
        levels -= 1;
    }
}

/// A selection of `ty` with `levels` object levels; the text and how many fields it has.
fn set(sdl: &Sdl, ty: &str, levels: usize) -> (String, usize) {
    match sdl.kind(ty) {
        Kind::Object {
            fields, interface, ..
        } => {
            let mut parts = vec!["__typename".to_owned()];
            let mut count = 1;
            let has_edges = fields.iter().any(|f| f.name == "edges");
            for field in fields {
                if field.args.iter().any(|a| a.required()) || (has_edges && field.name == "nodes") {
                    continue;
                }
                let base = field.ty.base();
                if sdl.is_leaf(base) {
                    parts.push(field.name.clone());
                    count += 1;
                } else if levels > 1 {
                    let (inner, n) = set(sdl, base, levels - 1);
                    parts.push(format!("{} {inner}", field.name));
                    count += n + 1;
                }
            }
            if *interface {
                for implementor in sdl.implementors(ty) {
                    let (inner, n) = set(sdl, implementor, levels);
                    parts.push(format!("... on {implementor} {inner}"));
                    count += n;
                }
            }
            (format!("{{ {} }}", parts.join(" ")), count)
        }
        Kind::Union(members) => {
            let mut parts = vec!["__typename".to_owned()];
            let mut count = 1;
            for member in members {
                let (inner, n) = set(sdl, member, levels);
                parts.push(format!("... on {member} {inner}"));
                count += n;
            }
            (format!("{{ {} }}", parts.join(" ")), count)
        }
        _ => ("{ __typename }".to_owned(), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_leaves_and_skips_fields_with_required_arguments() {
        let sdl = Sdl::parse(
            "type Query { me: Me! } type Me { roles: [String!]! can(object: String!): Boolean! \
             tenant: T! } type T { slug: String! } schema { query: Query }",
        );
        let text = select(&sdl, "Me", 3).unwrap();
        assert!(
            text.contains("roles") && text.contains("tenant { __typename slug }"),
            "{text}"
        );
        assert!(!text.contains("can"), "{text}");
    }
}
