//! `loket serve`: load tenants and policies, migrate, and serve until SIGTERM.

use std::{sync::Arc, time::Duration};

use loket_appointments::Bookings;
use loket_authz::{Authz, SetupError};
use loket_cases::Cases;
use loket_catalog::Catalog;
use loket_contact::{Contacts, benchmark::Benchmark};
use loket_kernel::config::{TenantSet, describe, load_dir};
use loket_registry::{Registry, seed::generate::municipality};
use loket_store::{Db, Feed, FeedSettings, StoreError};
use tokio::net::TcpListener;

use crate::{
    config::{DEMO_SEED, ServeConfig},
    demo, demo_cases, graphql,
    http::{self, App},
    output,
};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The tenants folder has problems (each with file and line).
    #[error("tenant configuration:\n{0}")]
    Tenants(String),
    /// Issuer keys or policies could not be loaded.
    #[error(transparent)]
    Authz(#[from] SetupError),
    /// The database could not be reached or migrated.
    #[error("database: {0}")]
    Store(#[from] StoreError),
    /// Demo residents could not be generated.
    #[error("demo residents: {0}")]
    Seed(#[from] loket_registry::RegistryError),
    /// The catalogue could not be published.
    #[error("catalogue: {0}")]
    Catalog(#[from] loket_catalog::CatalogError),
    /// Notifications could not be set up.
    #[error(transparent)]
    Notify(#[from] crate::dispatch::NotifySetupError),
    /// Demo cases could not be made.
    #[error("demo cases: {0}")]
    DemoCases(#[from] crate::demo_cases::DemoError),
    /// The photo store cannot be used.
    #[error(transparent)]
    Photos(#[from] loket_cases::photos::PhotoStoreError),
    /// The address could not be bound.
    #[error("cannot listen: {0}")]
    Io(#[from] std::io::Error),
    /// The schema's own SDL could not be read back (a bug).
    #[error("schema: {0}")]
    Schema(String),
}

/// A gateway ready to serve: the router and what it was built from.
pub struct Gateway {
    /// The HTTP application.
    pub router: axum::Router,
    /// The loaded tenants.
    pub tenants: Arc<TenantSet>,
    /// Token verification and policies.
    pub authz: Arc<Authz>,
    /// The database.
    pub db: Db,
    /// The registries.
    pub registry: Registry,
    /// The case service.
    pub cases: Cases,
    /// The products-and-services catalogue.
    pub catalog: Catalog,
    /// The contact centre.
    pub contacts: Contacts,
    /// The comparison of municipalities.
    pub benchmark: Benchmark,
    /// Subscriptions and deliveries.
    pub notify: loket_notify::Notify,
    /// The outbox feed behind subscriptions; it polls once [`Feed::run`] runs, as `serve`
    /// does.
    pub feed: Feed,
}

/// Loads tenants and policies, connects, migrates and syncs the database, and builds the
/// router; everything `serve` does short of listening.
pub async fn prepare(config: &ServeConfig) -> Result<Gateway, ServeError> {
    let tenants =
        load_dir(&config.tenants.dir).map_err(|errors| ServeError::Tenants(describe(&errors)))?;
    let case_types = loket_cases::load_case_types(&tenants)
        .map_err(|errors| ServeError::Tenants(describe(&errors)))?;
    let catalog_files =
        loket_catalog::load(&tenants).map_err(|errors| ServeError::Tenants(describe(&errors)))?;
    let appointments = loket_appointments::load(&tenants)
        .map_err(|errors| ServeError::Tenants(describe(&errors)))?;
    let unlinked = crate::links::check(&tenants, &case_types, &catalog_files, &appointments);
    if !unlinked.is_empty() {
        return Err(ServeError::Tenants(describe(&unlinked)));
    }
    for warning in &tenants.warnings {
        tracing::warn!(%warning, "tenant configuration");
    }
    let tenants = Arc::new(tenants);
    let authz = Arc::new(Authz::load(&tenants).await?);
    authz.fetch_remote_keys().await;
    let looks = Arc::new(crate::looks::Looks::new(&tenants));
    let db = Db::connect(&config.database.url)
        .await?
        .with_statement_timeout(config.limits.statement_timeout_ms);
    // What only the owner may do, through the owner's connection when one is given.
    let owner = match &config.migration_database {
        Some(url) => Db::connect(url).await?,
        None => db.clone(),
    };
    owner.migrate().await?;
    owner.sync_tenants(&tenants).await?;
    // The processing log's coming months, in case the daily maintenance has not run yet.
    let made = loket_store::retention::prepare(&owner, chrono::Utc::now().date_naive(), 2).await?;
    if !made.is_empty() {
        tracing::info!(partitions = ?made, "made processing-log partitions");
    }
    db.warn_if_privileged().await;
    let mut fresh: Vec<String> = Vec::new();
    if config.demo_residents > 0 {
        // The demo municipalities among the tenants; generated ones come from `loket seed`.
        let demo: Vec<_> = tenants
            .tenants
            .keys()
            .filter_map(|slug| municipality(slug.as_str()).cloned())
            .collect();
        let report =
            loket_registry::seed::seed(&owner, &demo, config.demo_residents, DEMO_SEED).await?;
        for (slug, persons, ..) in &report.municipalities {
            tracing::info!(
                tenant = slug,
                residents = persons,
                "generated demo residents"
            );
            fresh.push(slug.clone());
        }
    }
    if config.migration_database.is_some() {
        owner.close().await?;
    }
    let benchmark = crate::benchmark::service(&tenants, &case_types);
    let registry = Registry::new(db.clone(), Arc::clone(&tenants));
    let mut cases = Cases::new(
        Arc::clone(&tenants),
        Arc::new(case_types),
        Arc::new(registry.clone()),
    );
    if let Some(photos) = config.photos.open().await? {
        cases = cases.with_photos(photos);
    }
    // The registry asks the case service whether a collaboration's desk works on a member's
    // resident; the case service asks the registry where residents live.
    let registry = registry.with_shared_work(Arc::new(cases.clone()));
    if !fresh.is_empty() {
        let made = demo_cases::seed(&tenants, &authz, &registry, &cases, &db, &fresh).await?;
        tracing::info!(cases = made, "generated demo cases");
    }
    let catalog = Catalog::open(db.clone(), Arc::new(catalog_files)).await?;
    let bookings = Bookings::new(Arc::new(appointments), Arc::new(catalog.clone()));
    let contacts = Contacts::new(
        Arc::clone(&tenants),
        Arc::new(cases.clone()),
        Arc::new(catalog.clone()),
    )
    .with_appointments(Arc::new(bookings.clone()));
    let feed = Feed::new(
        db.clone(),
        tenants.tenants.keys().cloned(),
        FeedSettings {
            poll_every: Duration::from_millis(config.live.feed_poll_ms),
            ..FeedSettings::new("case.")
        },
    );
    let notify = crate::dispatch::service(
        &db,
        &tenants,
        Arc::new(registry.clone()),
        Arc::new(cases.clone()),
        Arc::clone(&authz) as Arc<dyn loket_kernel::ctx::Grants>,
        Some(Arc::new(catalog.clone())),
        &config.notify,
    )?;
    let schema = graphql::builder(&config.limits)
        .data(Arc::clone(&tenants))
        .data(db.clone())
        .data(registry.clone())
        .data(cases.clone())
        .data(catalog.clone())
        .data(contacts.clone())
        .data(bookings)
        .data(benchmark.clone())
        .data(notify.clone())
        .data(feed.clone())
        .data(Arc::clone(&authz))
        .data(Arc::clone(&looks))
        .finish();
    crate::metrics::handle();
    let limits = Arc::new(config.limits.clone());
    let rates = Arc::new(crate::rates::Rates::new(&config.limits.rates));
    crate::rates::spawn_cleanup(Arc::clone(&rates));
    let executor = graphql::exec::Executor::new(schema, db.clone(), Arc::clone(&limits), rates)
        .map_err(ServeError::Schema)?;
    let router = http::router(App {
        authz: Arc::clone(&authz),
        executor,
        db: db.clone(),
        tenants: Arc::clone(&tenants),
        limits,
        contacts: contacts.clone(),
        cases: cases.clone(),
        benchmark: benchmark.clone(),
        proxy_hops: config.limits.trusted_proxy_hops,
        looks,
        uploads: Arc::new(tokio::sync::Semaphore::new(http::PHOTO_UPLOADS)),
    });
    Ok(Gateway {
        router,
        tenants,
        authz,
        db,
        registry,
        cases,
        catalog,
        contacts,
        benchmark,
        notify,
        feed,
    })
}

/// Serves until SIGTERM or Ctrl-C; requests in flight finish first.
pub async fn serve(config: ServeConfig) -> Result<(), ServeError> {
    let gateway = prepare(&config).await?;
    let listener = TcpListener::bind(config.listen).await?;
    let address = listener.local_addr()?;
    // Subscriptions see what is written from here on: older events are history.
    let live_feed = gateway.feed.poller();
    let url = format!("http://{address}/graphql");
    tracing::info!(%address, tenants = gateway.tenants.tenants.len(), "listening");
    output::line(format!("Loket listening on {url}"));
    output::line(format!(
        "Mijn Loket, the residents' portal: http://{address}/ (or a tenant's host name)"
    ));
    if config.demo_tokens {
        demo::print_tokens(&gateway.tenants, &gateway.authz, &gateway.registry, &url).await;
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let refresh = tokio::spawn(refresh_catalogue(gateway.catalog.clone(), stopped.clone()));
    let dispatcher = if config.dispatch {
        let dispatcher =
            crate::dispatch::dispatcher(gateway.notify.clone(), &gateway.tenants, &config.notify)?;
        let stopped = stopped.clone();
        Some(tokio::spawn(async move { dispatcher.run(stopped).await }))
    } else {
        None
    };
    // The daily comparison runs where the dispatcher runs: once per deployment.
    let comparison = config.dispatch.then(|| {
        tokio::spawn(crate::benchmark::daily(
            gateway.benchmark.clone(),
            gateway.db.clone(),
            stopped.clone(),
        ))
    });
    let anonymise = config.dispatch.then(|| {
        tokio::spawn(crate::anonymise::daily(
            gateway.db.clone(),
            Arc::clone(&gateway.tenants),
            gateway.cases.clone(),
            gateway.notify.clone(),
            stopped.clone(),
        ))
    });
    let wakeups = tokio::spawn(loket_store::wake::listen(
        gateway.db.clone(),
        stopped.clone(),
    ));
    let live = tokio::spawn(live_feed.run(stopped));
    let settings = http::serve::ConnectionSettings {
        header_read_timeout: Duration::from_secs(config.limits.header_read_timeout_seconds),
        drain: Duration::from_secs(config.limits.request_timeout_seconds.saturating_add(5)),
    };
    http::serve::serve(listener, gateway.router, settings, shutdown_signal()).await;
    // Let a store and a poll in progress finish, then store what is left.
    let _ = stop.send(true);
    let _ = refresh.await;
    let _ = live.await;
    let _ = wakeups.await;
    // The dispatcher stops after its current round.
    if let Some(dispatcher) = dispatcher {
        let _ = dispatcher.await;
    }
    if let Some(comparison) = comparison {
        let _ = comparison.await;
    }
    if let Some(anonymise) = anonymise {
        let _ = anonymise.await;
    }
    if let Err(e) = gateway.catalog.store_statistics().await {
        tracing::warn!(error = %e, "search statistics not stored at shutdown");
    }
    gateway.db.close().await?;
    tracing::info!("stopped");
    Ok(())
}

/// How often a replica looks for catalogue changes made on another replica.
const CATALOGUE_REFRESH: std::time::Duration = std::time::Duration::from_secs(5);

/// Rebuilds the search index of tenants whose catalogue changed elsewhere and stores the
/// search counts kept in memory, until `stop` turns true.
async fn refresh_catalogue(catalog: Catalog, mut stop: tokio::sync::watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(CATALOGUE_REFRESH);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stop.changed() => return,
        }
        if let Err(e) = catalog.store_statistics().await {
            tracing::warn!(error = %e, "search statistics not stored; kept for the next try");
        }
        match catalog.refresh().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(tenants = n, "catalogue changed elsewhere: index rebuilt"),
            Err(e) => tracing::warn!(error = %e, "catalogue refresh failed"),
        }
    }
}

pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
