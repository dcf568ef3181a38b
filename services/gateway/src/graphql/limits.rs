//! The alias limit (async-graphql bounds depth and complexity itself): a document with many
//! aliases can ask for the same expensive field hundreds of times within the depth limit.

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

/// How many aliased fields the document holds, fragments included.
pub fn count_aliases(doc: &ExecutableDocument) -> usize {
    let operations: usize = doc
        .operations
        .iter()
        .map(|(_, op)| in_set(&op.node.selection_set.node))
        .sum();
    let fragments: usize = doc
        .fragments
        .values()
        .map(|f| in_set(&f.node.selection_set.node))
        .sum();
    operations.saturating_add(fragments)
}

fn in_set(set: &SelectionSet) -> usize {
    set.items
        .iter()
        .map(|item| match &item.node {
            Selection::Field(field) => usize::from(field.node.alias.is_some())
                .saturating_add(in_set(&field.node.selection_set.node)),
            Selection::InlineFragment(fragment) => in_set(&fragment.node.selection_set.node),
            Selection::FragmentSpread(_) => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    #[test]
    fn counts_aliases_everywhere() {
        let doc = parse_query(
            "query { a: me { roles } b: me { x: roles } ... on Query { c: me { roles } } ...F } \
             fragment F on Query { d: me { roles } }",
        )
        .unwrap();
        assert_eq!(count_aliases(&doc), 5);
    }
}
