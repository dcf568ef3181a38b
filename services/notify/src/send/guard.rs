//! Where webhooks may go: only to public addresses. A callback URL that names, or resolves
//! to, a loopback, private, link-local (cloud metadata included), shared, multicast,
//! documentation or otherwise reserved address is refused when subscribing, and again at
//! send time against the address the name resolves to then (a name may point elsewhere
//! later). A development switch allows loopback, and nothing else that is not public.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Whether the address is public: reachable on the internet, not one of ours.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => public_v4(v4),
            None => public_v6(v6),
        },
    }
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        || (a == 100 && (64..=127).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..=19).contains(&b)) // benchmarking
        || a >= 240) // reserved
}

fn public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local (fd00:ec2::254 and the like)
        || (first & 0xffc0) == 0xfe80 // link-local
        || first == 0x2001 && ip.segments()[1] == 0x0db8 // documentation
        || first == 0x0064 && ip.segments()[1] == 0xff9b) // NAT64 to anything
}

/// Whether a webhook may be sent to `ip`: a public address, or loopback when allowed.
pub fn allowed(ip: IpAddr, allow_loopback: bool) -> bool {
    is_public(ip) || (allow_loopback && ip.is_loopback())
}

/// Why a callback URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// The host could not be resolved.
    #[error("the host of the callback URL cannot be resolved")]
    Unresolved,
    /// It names or resolves to an address that is not public.
    #[error("the callback URL must point to a public address")]
    NotPublic,
}

/// The addresses `url` reaches, all of them allowed; refused when any is not.
pub async fn resolve(url: &reqwest::Url, allow_loopback: bool) -> Result<Vec<SocketAddr>, Refused> {
    let port = url.port_or_known_default().unwrap_or(443);
    let addresses: Vec<SocketAddr> = match url.host() {
        Some(url::Host::Ipv4(ip)) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
        Some(url::Host::Ipv6(ip)) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
        Some(url::Host::Domain(name)) => tokio::net::lookup_host((name, port))
            .await
            .map_err(|_| Refused::Unresolved)?
            .collect(),
        None => return Err(Refused::Unresolved),
    };
    if addresses.is_empty() {
        return Err(Refused::Unresolved);
    }
    if addresses.iter().any(|a| !allowed(a.ip(), allow_loopback)) {
        return Err(Refused::NotPublic);
    }
    Ok(addresses)
}

/// A resolver for the webhook client that answers only with allowed addresses, so that a
/// name resolving to an internal address at send time is never connected to.
#[derive(Debug, Clone, Copy)]
pub struct GuardedResolver {
    /// Whether loopback is allowed (development).
    pub allow_loopback: bool,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_loopback = self.allow_loopback;
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            if found.is_empty() || found.iter().any(|a| !allowed(a.ip(), allow_loopback)) {
                return Err(
                    Box::new(Refused::NotPublic) as Box<dyn std::error::Error + Send + Sync>
                );
            }
            Ok(Box::new(found.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses_are_refused_and_public_ones_pass() {
        for internal in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::7f00:1",
        ] {
            let ip: IpAddr = internal.parse().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            assert!(!is_public(ip), "{internal}");
        }
        for public in [
            "93.184.216.34",
            "2606:2800:220:1:248:1893:25c8:1946",
            "8.8.8.8",
        ] {
            let ip: IpAddr = public.parse().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            assert!(is_public(ip), "{public}");
        }
        assert!(allowed(IpAddr::V4(Ipv4Addr::LOCALHOST), true));
        assert!(!allowed(
            "10.0.0.1"
                .parse()
                .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            true
        ));
    }

    #[tokio::test]
    async fn encoded_and_named_internal_hosts_are_refused() {
        for url in [
            "https://2130706433/hook",
            "https://0x7f000001/hook",
            "https://0177.0.0.1/hook",
            "https://[::1]/hook",
            "https://localhost/hook",
            "https://169.254.169.254/latest/meta-data",
        ] {
            let parsed = reqwest::Url::parse(url).unwrap_or_else(|_| unreachable!("{url}"));
            assert!(resolve(&parsed, false).await.is_err(), "{url}");
        }
        let loopback =
            reqwest::Url::parse("http://127.0.0.1:9/hook").unwrap_or_else(|_| unreachable!());
        assert!(resolve(&loopback, true).await.is_ok());
    }
}
