//! The `owner` of cases, attachments, user actions and configurations: which solution a case
//! belongs to. Each solution's app sees only its own owner; the server enforces it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The solution that owns a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Owner {
    /// Elastic Security.
    #[serde(rename = "securitySolution")]
    SecuritySolution,
    /// Observability.
    #[serde(rename = "observability")]
    Observability,
    /// Stack Management ("cases").
    #[serde(rename = "cases")]
    Cases,
}

impl Owner {
    /// All owners, in a stable order.
    pub const ALL: [Owner; 3] = [Owner::SecuritySolution, Owner::Observability, Owner::Cases];

    /// The wire name (`securitySolution`, `observability`, `cases`).
    pub fn as_str(self) -> &'static str {
        match self {
            Owner::SecuritySolution => "securitySolution",
            Owner::Observability => "observability",
            Owner::Cases => "cases",
        }
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Owner {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Owner::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .ok_or_else(|| format!("Invalid value \"{s}\" supplied to \"owner\""))
    }
}
