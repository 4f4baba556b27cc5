use reqwest::Client;

const BASE: &str = "https://legacy-crm.internal/api";

async fn fetch(client: &Client) -> reqwest::Result<String> {
    client
        .get(format!("{BASE}/contacts"))
        .basic_auth("sync", Some("Rust#Sync-2024-q"))
        .send()
        .await?
        .text()
        .await
}
