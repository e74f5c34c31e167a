//! Reading a calendar from a web address without letting the address reach into the city's own
//! network: every host the request connects to — the first and each one a redirect leads to —
//! must resolve to public addresses only, unless an administrator of the installation named it
//! in `CALENDAR_PRIVATE_HOSTS` (an intranet calendar server). The check sits in the resolver, so
//! the address checked is the address connected to (no second DNS answer in between).

use crate::domain::calendar_source::CalendarProblem;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

/// Hosts (`name` or `name:port`) that may resolve to private addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrivateHosts(pub Vec<String>);

impl PrivateHosts {
    /// From the comma-separated list of `CALENDAR_PRIVATE_HOSTS`.
    pub fn parse(list: Option<&str>) -> Self {
        Self(
            list.unwrap_or_default()
                .split(',')
                .map(|h| h.trim().to_ascii_lowercase())
                .filter(|h| !h.is_empty())
                .collect(),
        )
    }

    fn allows(&self, host: &str, port: u16) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
        self.0.iter().any(|h| *h == host || *h == format!("{host}:{port}"))
    }
}

/// Whether `ip` is an address on the public internet (not loopback, private, link-local,
/// shared, documentation, multicast or reserved; IPv4 inside IPv6 judged as IPv4).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return public_v4(v4);
            }
            let s = v6.segments();
            if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
                // NAT64: the IPv4 address it stands for decides.
                let [a, b] = s[6].to_be_bytes();
                let [c, d] = s[7].to_be_bytes();
                return public_v4(Ipv4Addr::new(a, b, c, d));
            }
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
                || (s[0] & 0xffc0) == 0xfec0
                || (s[0] == 0x2001 && s[1] == 0x0db8)
                || v6 == Ipv6Addr::from(1u128)
                || s[0..6] == [0, 0, 0, 0, 0, 0])
        }
    }
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        || a >= 240
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19)))
}

/// The resolver that refuses non-public answers (the proxy, when one is set, is trusted).
#[derive(Debug)]
struct PublicOnly {
    inner: DefaultResolver,
    private_hosts: PrivateHosts,
}

impl Resolver for PublicOnly {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = self.inner.resolve(uri, config, timeout)?;
        let host = uri.host().unwrap_or_default();
        let port = addrs.first().map_or(0, |a| a.port());
        if self.private_hosts.allows(host, port) || addrs.iter().all(|a| is_public(a.ip())) {
            return Ok(addrs);
        }
        Err(ureq::Error::BadUri(format!("{host} is not a public address")))
    }
}

/// Refuses `url` unless its host resolves to public addresses only (or is a named private
/// host). Needed besides the resolver when a proxy connects on our behalf.
fn check_host(url: &url::Url, private_hosts: &PrivateHosts) -> Result<(), String> {
    let host = url.host_str().ok_or("no host")?;
    let port = url.port_or_known_default().ok_or("no port")?;
    if private_hosts.allows(host, port) {
        return Ok(());
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<_> = std::net::ToSocketAddrs::to_socket_addrs(&(bare, port))
        .map_err(|e| format!("{host}: {e}"))?
        .collect();
    if !addrs.is_empty() && addrs.iter().all(|a| is_public(a.ip())) {
        Ok(())
    } else {
        Err(format!("{host} is not a public address"))
    }
}

/// Redirects followed at most.
const MAX_REDIRECTS: usize = 5;

/// Fetches `url` (30-second limit, at most 5 redirects, at most `max` bytes), connecting only
/// to public addresses or named private hosts, checked again at every redirect. The answer's
/// content is never quoted in errors.
pub fn fetch(url: &str, max: u64, private_hosts: &PrivateHosts) -> Result<Vec<u8>, CalendarProblem> {
    let failed = |e: String| CalendarProblem::file("ics_fetch", Some(format!("{url}: {e}")));
    let proxy = ureq::Proxy::try_from_env();
    let mut trusted = private_hosts.clone();
    if let Some(p) = &proxy {
        trusted.0.push(format!("{}:{}", p.host().to_ascii_lowercase(), p.port()));
    }
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .proxy(proxy)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .build();
    let agent = ureq::Agent::with_parts(
        config,
        DefaultConnector::default(),
        PublicOnly { inner: DefaultResolver::default(), private_hosts: trusted },
    );
    let mut at = url::Url::parse(url).map_err(|e| failed(e.to_string()))?;
    for _ in 0..=MAX_REDIRECTS {
        check_host(&at, private_hosts).map_err(&failed)?;
        let mut response = agent.get(at.as_str()).call().map_err(|e| failed(e.to_string()))?;
        if response.status().is_redirection() {
            let location = response
                .headers()
                .get(ureq::http::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .ok_or_else(|| failed(format!("{} without Location", response.status())))?;
            at = at.join(location).map_err(|e| failed(e.to_string()))?;
            if !matches!(at.scheme(), "http" | "https") {
                return Err(failed(format!("redirect to {}", at.scheme())));
            }
            continue;
        }
        return response
            .body_mut()
            .with_config()
            .limit(max + 1)
            .read_to_vec()
            .map_err(|e| failed(e.to_string()));
    }
    Err(failed(format!("more than {MAX_REDIRECTS} redirects")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loopback, private, link-local, shared and documentation addresses are not public, in
    /// IPv4 and IPv6 (also IPv4 written as IPv6); ordinary addresses are.
    #[test]
    fn public_addresses() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "192.0.2.7",
            "198.18.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2001:db8::1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.216.34", "195.49.1.1", "2a00:1450:4001:80b::200e", "::ffff:93.184.216.34"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    /// Named hosts match with or without their port, in any case.
    #[test]
    fn private_hosts_by_name_and_port() {
        let hosts = PrivateHosts::parse(Some(" kalender.intranet , 127.0.0.1:8080 ,"));
        assert!(hosts.allows("Kalender.Intranet", 443));
        assert!(hosts.allows("127.0.0.1", 8080));
        assert!(!hosts.allows("127.0.0.1", 8081));
        assert!(PrivateHosts::parse(None).0.is_empty());
    }
}
