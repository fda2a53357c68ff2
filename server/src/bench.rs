//! `casebook bench`: seeds a database and measures the API over loopback. (Placeholder.)

/// Bench options.
#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// How many cases to seed.
    #[arg(long, default_value_t = 100_000)]
    pub cases: usize,
}

/// Runs the bench.
pub async fn run(_args: BenchArgs) -> Result<(), String> {
    Err("bench is not implemented yet".into())
}
