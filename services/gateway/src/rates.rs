//! Rate limits: how many operations a second one token, one tenant, and one anonymous client
//! address may run, each with a burst. A caller over a limit gets `RATE_LIMITED` (HTTP 429 with
//! `Retry-After`), and other callers are not slowed by it. The limits hold per replica.

use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

use governor::{
    DefaultKeyedRateLimiter, Quota, RateLimiter,
    clock::{Clock, DefaultClock},
};
use loket_kernel::{Actor, Ctx};

/// The configured limits, in operations per second; 0 switches a limit off.
#[derive(Debug, Clone, clap::Args)]
pub struct RateConfig {
    /// Operations a second one token may run (`LOKET_RATE_LIMIT_PER_TOKEN`; 0: no limit).
    #[arg(long, env = "LOKET_RATE_LIMIT_PER_TOKEN", default_value_t = 100)]
    pub rate_limit_per_token: u32,
    /// Operations a second all callers of one tenant may run together
    /// (`LOKET_RATE_LIMIT_PER_TENANT`; 0: no limit).
    #[arg(long, env = "LOKET_RATE_LIMIT_PER_TENANT", default_value_t = 2000)]
    pub rate_limit_per_tenant: u32,
    /// Operations a second one client address may run without a token
    /// (`LOKET_RATE_LIMIT_PER_ADDRESS`; 0: no limit).
    #[arg(long, env = "LOKET_RATE_LIMIT_PER_ADDRESS", default_value_t = 100)]
    pub rate_limit_per_address: u32,
    /// Seconds' worth of operations a caller may send at once above the rate
    /// (`LOKET_RATE_LIMIT_BURST_SECONDS`, 1 to 60).
    #[arg(
        long,
        env = "LOKET_RATE_LIMIT_BURST_SECONDS",
        default_value_t = 2,
        value_parser = clap::value_parser!(u32).range(1..=60)
    )]
    pub rate_limit_burst_seconds: u32,
}

impl Default for RateConfig {
    fn default() -> Self {
        Self {
            rate_limit_per_token: 100,
            rate_limit_per_tenant: 2000,
            rate_limit_per_address: 100,
            rate_limit_burst_seconds: 2,
        }
    }
}

type Limiter = DefaultKeyedRateLimiter<String>;

/// The limiters of one replica.
pub struct Rates {
    token: Option<Limiter>,
    tenant: Option<Limiter>,
    address: Option<Limiter>,
}

fn limiter(per_second: u32, burst_seconds: u32) -> Option<Limiter> {
    let rate = NonZeroU32::new(per_second)?;
    let burst = NonZeroU32::new(per_second.saturating_mul(burst_seconds)).unwrap_or(rate);
    Some(RateLimiter::keyed(
        Quota::per_second(rate).allow_burst(burst),
    ))
}

impl Rates {
    /// Limiters for `config`.
    pub fn new(config: &RateConfig) -> Self {
        let burst = config.rate_limit_burst_seconds;
        Self {
            token: limiter(config.rate_limit_per_token, burst),
            tenant: limiter(config.rate_limit_per_tenant, burst),
            address: limiter(config.rate_limit_per_address, burst),
        }
    }

    /// Counts one operation of the caller; `Err` with the time to wait when a limit is
    /// reached. The tenant is counted last, so that a caller refused for its own limit does
    /// not use up its tenant's.
    pub fn check(&self, ctx: &Ctx, address: Option<IpAddr>) -> Result<(), Duration> {
        let own = match ctx.actor() {
            Actor::Anonymous => address.and_then(|a| Some((self.address.as_ref()?, a.to_string()))),
            actor => self
                .token
                .as_ref()
                .map(|l| (l, format!("{}/{}", ctx.tenant(), actor.subject()))),
        };
        if let Some((limiter, key)) = own {
            limiter.check_key(&key).map_err(wait)?;
        }
        if let Some(limiter) = &self.tenant {
            limiter.check_key(&ctx.tenant().to_string()).map_err(wait)?;
        }
        Ok(())
    }

    /// Forgets callers that have not been seen for a while, so memory stays bounded.
    pub fn forget_idle(&self) {
        for limiter in [&self.token, &self.tenant, &self.address]
            .into_iter()
            .flatten()
        {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

fn wait(not_until: governor::NotUntil<<DefaultClock as Clock>::Instant>) -> Duration {
    not_until.wait_time_from(DefaultClock::default().now())
}

/// Runs [`Rates::forget_idle`] every minute while the server runs.
pub fn spawn_cleanup(rates: Arc<Rates>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            rates.forget_idle();
        }
    });
}
