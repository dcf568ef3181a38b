//! Query shapes the services share: a page of rows together with counts over every row that
//! matches, in one statement (one round trip instead of two).

use sea_orm::{
    ConnectionTrait, EntityTrait, FromQueryResult, QuerySelect, QueryTrait, Select,
    sea_query::{Alias, Asterisk, Expr, ExprTrait, JoinType, Order, Query, SimpleExpr},
};

use crate::StoreError;

/// A page of rows and the counts over all matching rows.
#[derive(Debug, Clone)]
pub struct Counted<M> {
    /// The counts, in the order asked for (0 when nothing matches).
    pub counts: Vec<i64>,
    /// The page's rows, in the page's order.
    pub rows: Vec<M>,
}

/// Runs `page` (filtered, ordered and limited) together with `counts` (aggregate
/// expressions) over `matching` (the same filter without the page's cursor) as
/// `SELECT c.*, p.* FROM (counts) c LEFT JOIN (page) p ON 1 = 1 ORDER BY …`.
/// `order` repeats the page's ordering columns, as the outer query must order again.
pub async fn page_with_counts<E>(
    conn: &impl ConnectionTrait,
    matching: Select<E>,
    counts: Vec<SimpleExpr>,
    page: Select<E>,
    order: &[(&'static str, Order)],
) -> Result<Counted<E::Model>, StoreError>
where
    E: EntityTrait,
    E::Model: FromQueryResult,
{
    let n = counts.len();
    let mut counting = matching.select_only();
    for (i, expr) in counts.into_iter().enumerate() {
        counting = counting.column_as(expr, format!("loket_count_{i}"));
    }
    let mut outer = Query::select();
    for i in 0..n {
        let name = format!("loket_count_{i}");
        outer.expr_as(
            Expr::col((Alias::new("c"), Alias::new(&name))),
            Alias::new(&name),
        );
    }
    outer
        .expr(Expr::col((Alias::new("p"), Asterisk)))
        .from_subquery(counting.into_query(), Alias::new("c"))
        .join_subquery(
            JoinType::LeftJoin,
            page.into_query(),
            Alias::new("p"),
            Expr::val(1).eq(1),
        );
    for (column, direction) in order {
        outer.order_by((Alias::new("p"), Alias::new(*column)), direction.clone());
    }
    let statement = conn.get_database_backend().build(&outer);
    let found = conn.query_all_raw(statement).await?;
    let mut result = Counted {
        counts: vec![0; n],
        rows: Vec::with_capacity(found.len()),
    };
    for (r, row) in found.iter().enumerate() {
        if r == 0 {
            for (i, count) in result.counts.iter_mut().enumerate() {
                *count = row
                    .try_get::<Option<i64>>("", &format!("loket_count_{i}"))?
                    .unwrap_or(0);
            }
        }
        match E::Model::from_query_result(row, "") {
            Ok(model) => result.rows.push(model),
            // The left join yields one row of nulls when the page is empty.
            Err(_) if found.len() == 1 => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(result)
}
