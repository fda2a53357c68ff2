//! The entities one demo case talks about (host, user, IP, service…), chosen once per case so
//! its title, description and comments agree, and the `{placeholder}` filling of templates.

use super::vocab::*;
use rand::Rng;
use rand::rngs::StdRng;

fn pick(rng: &mut StdRng, list: &[&'static str]) -> &'static str {
    list[rng.random_range(0..list.len())]
}

/// The entities of one case, for the `{placeholders}` of the templates.
pub struct Vars {
    host: String,
    user: &'static str,
    ip: String,
    malware: &'static str,
    service: &'static str,
    region: &'static str,
    build: String,
    team: &'static str,
    vendor: &'static str,
    control: &'static str,
    num: u32,
}

impl Vars {
    /// Picks the entities one case talks about, so its title, description and comments agree.
    pub fn random(rng: &mut StdRng) -> Self {
        Vars {
            host: format!(
                "{}-{}-{:03}",
                pick(rng, HOST_PREFIXES),
                pick(rng, ENVS),
                rng.random_range(1..200)
            ),
            user: PEOPLE[rng.random_range(0..PEOPLE.len())].0,
            ip: format!(
                "{}.{}.{}.{}",
                rng.random_range(11..223),
                rng.random_range(0..256),
                rng.random_range(0..256),
                rng.random_range(1..255)
            ),
            malware: pick(rng, MALWARE),
            service: pick(rng, SERVICES),
            region: pick(rng, REGIONS),
            build: format!(
                "v{}.{}.{}",
                rng.random_range(1..5),
                rng.random_range(0..30),
                rng.random_range(0..10)
            ),
            team: pick(rng, TEAMS),
            vendor: pick(rng, VENDORS),
            control: pick(rng, CONTROLS),
            num: rng.random_range(10_000..1_000_000),
        }
    }

    /// Replaces `{placeholders}` with this case's values.
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            match &rest[start + 1..start + len] {
                "host" => out.push_str(&self.host),
                "user" => out.push_str(self.user),
                "ip" => out.push_str(&self.ip),
                "malware" => out.push_str(self.malware),
                "service" => out.push_str(self.service),
                "region" => out.push_str(self.region),
                "build" => out.push_str(&self.build),
                "team" => out.push_str(self.team),
                "vendor" => out.push_str(self.vendor),
                "control" => out.push_str(self.control),
                "num" => out.push_str(&self.num.to_string()),
                other => out.push_str(other),
            }
            rest = &rest[start + len + 1..];
        }
        out.push_str(rest);
        out
    }
}
