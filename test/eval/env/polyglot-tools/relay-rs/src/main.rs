use std::env;
use std::net::SocketAddr;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listen: SocketAddr = env::var("RELAY_LISTEN")
        .unwrap_or_else(|_| "0.0.0.0:7000".to_string())
        .parse()?;
    let upstream = env::var("RELAY_UPSTREAM")?;
    let max_conns: usize = env::var("RELAY_MAX_CONNS").ok().and_then(|v| v.parse().ok()).unwrap_or(1024);
    let token = std::env::var("RELAY_AUTH_TOKEN").expect("RELAY_AUTH_TOKEN must be set");
    println!("relay {} on {listen} -> {upstream} ({max_conns}, token {})", env!("CARGO_PKG_VERSION"), token.len());
    if env::var_os("RELAY_TRACE").is_some() {
        eprintln!("tracing on");
    }
    Ok(())
}
