//! Turning a target, a plan and a random draw into one request: who sends it (mostly a role
//! the probe saw reach the operation), whose fixtures the plausible values come from (mostly
//! the caller's own tenant, sometimes another's), inline or as variables, over which
//! transport, and now and then with hostile trace headers.

use rand::{Rng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;

use super::{
    callers::Caller,
    fixtures::Fixtures,
    generate::{Gen, Optional, Plan},
    plausible::Pick,
    sdl::Sdl,
    targets::{OpKind, Target},
    transport::{MAX_GET_URL, Request, Transport},
};

/// One generated request and what it is meant to exercise.
#[derive(Debug, Clone)]
pub struct Case {
    /// The operation's name.
    pub target: String,
    /// The hostile class and position, or what a random case used.
    pub label: String,
    /// The request.
    pub request: Request,
}

/// Who can send requests and what they can refer to.
pub struct People<'a> {
    /// Every caller.
    pub callers: &'a [Caller],
    /// Every tenant's fixtures.
    pub fixtures: &'a Fixtures,
}

/// A request for `target`: following `plan` (with `optional` inputs), or random; by a caller
/// with one of `reach` roles most of the time.
pub fn build(
    sdl: &Sdl,
    people: &People<'_>,
    rng: &mut ChaCha8Rng,
    target: &Target,
    plan: Option<(&Plan, Optional)>,
    reach: &[Option<String>],
) -> Case {
    let (plan, optional) = match plan {
        Some((plan, optional)) => (Some(plan), optional),
        None => (None, Optional::Random),
    };
    let caller = if !reach.is_empty() && rng.random_bool(0.8) {
        let role = reach.choose(rng).cloned().flatten();
        let of_role: Vec<&Caller> = people.callers.iter().filter(|c| c.role == role).collect();
        of_role.choose(rng).map(|c| (*c).clone())
    } else {
        None
    }
    .or_else(|| people.callers.choose(rng).cloned())
    .unwrap_or_else(|| Caller::anonymous("enschede"));
    let own = people.fixtures.of(&caller.tenant).clone();
    let others: Vec<_> = people
        .fixtures
        .tenants
        .iter()
        .filter(|t| t.slug != caller.tenant)
        .collect();
    let other = others.choose(rng).map(|t| (*t).clone()).unwrap_or_default();
    let fx = if rng.random_bool(0.8) {
        own
    } else {
        other.clone()
    };
    let pick = Pick::new(&fx, rng);
    let mut generator = Gen {
        sdl,
        pick,
        other: &other,
        rng,
        hostility: 0.0,
        used: Vec::new(),
        optional: Optional::Bare,
    };
    let parents: Vec<Vec<_>> = target
        .path
        .iter()
        .map(|step| {
            let required: Vec<_> = step
                .field
                .args
                .iter()
                .filter(|a| a.required())
                .cloned()
                .collect();
            generator.args(&step.field.name, &required, None)
        })
        .collect();
    generator.optional = optional;
    generator.hostility = if plan.is_some() || reach.len() == 1 {
        0.0
    } else {
        0.25
    };
    let field = target.field();
    let args = generator.args(&field.name, &field.args, plan);
    let used = std::mem::take(&mut generator.used);
    let as_variables = rng.random_bool(0.5);
    let (query, variables) = target.document(sdl, &args, as_variables, &parents);
    let get_length = query.len() + variables.as_ref().map_or(0, |v| v.to_string().len() * 3);
    let transport = match target.op {
        OpKind::Subscription => Transport::Ws,
        OpKind::Mutation if rng.random_bool(0.25) => Transport::Ws,
        OpKind::Mutation => Transport::Post,
        OpKind::Query => match rng.random_range(0..20) {
            0..5 => Transport::Ws,
            5..9 if get_length < MAX_GET_URL => Transport::Get,
            _ => Transport::Post,
        },
    };
    let mut headers = Vec::new();
    if transport != Transport::Ws && rng.random_bool(0.1) {
        headers.push((
            "x-request-id".to_owned(),
            format!("fuzz-{}", "r".repeat(195)),
        ));
        headers.push((
            "traceparent".to_owned(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".to_owned(),
        ));
    }
    let mut label = match plan {
        Some(p) => format!(
            "{} at {} ({})",
            p.class,
            p.position.join("."),
            if optional == Optional::All {
                "every optional input given"
            } else {
                "no optional input"
            }
        ),
        None if used.is_empty() => "random, plausible".to_owned(),
        None => format!("random: {}", used.join("; ")),
    };
    if !headers.is_empty() {
        label.push_str(" (with a 200-character x-request-id and a traceparent)");
    }
    Case {
        target: target.name(),
        label,
        request: Request {
            transport,
            caller,
            query,
            variables,
            headers,
            subscription: target.op == OpKind::Subscription,
        },
    }
}
