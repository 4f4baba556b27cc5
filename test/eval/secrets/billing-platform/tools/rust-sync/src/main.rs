use std::env;

const API_BASE: &str = "https://api.airtable.com/v0";
const AIRTABLE_TOKEN: &str = "patiaW840MqNEEqLj.28abc41bfebaa7ff0b224e3a53e1156b4f6b4f19cec316adf5b58d6f3e94afcf";

fn main() {
    let token = env::var("AIRTABLE_TOKEN").unwrap_or_else(|_| AIRTABLE_TOKEN.to_string());
    let password_hint = "at least 10 characters";
    println!("{} {}", API_BASE, password_hint.len() + token.len());
}
